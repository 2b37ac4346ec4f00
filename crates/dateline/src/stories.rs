//! Stories: the reports of one encounter across documents, grouped, with the date and place
//! the reports agree on filled in where one of them lacks it.
//!
//! Works on the JSON records of the output contract (what `dateline analyze` writes), in
//! three steps so that a corpus never has to be in memory at once:
//!
//! 1. [`summarize`] turns one record into the small [`EventSummary`]s of its events
//!    (participant ids, kind, date, place, the unresolved date mentions of its sentences);
//! 2. [`group`] groups the summaries of the whole corpus into [`Stories`]: events are
//!    *blocked* on every pair of their canonical participants (entity ids are the same in
//!    every document: Wikidata ids or `label:slug`), and within a block of one kind they join
//!    when their dates fall within [`GroupOptions::window_days`] and their places do not
//!    disagree; undated reports join the one dated encounter of their block. Each event lies
//!    in at most 28 blocks and a block is sorted once, so grouping is O(n log n) in the number
//!    of events, never pairwise over documents;
//! 3. [`Stories::apply`] writes a record back with a `story` id on the document and on each
//!    event, and fills a missing `date` (`"source": "story"` and the `document` it came from)
//!    or `place` (with `place_source`) that the other reports agree on. A document without a
//!    publication date whose encounter got a date this way is anchored on it, so its relative
//!    dates resolve too ("next month" in a report of a meeting dated 2023-09-23 is 2023-10).
//!
//! The summaries are a few hundred bytes per event, so a corpus that does not fit one machine
//! is grouped by summarizing on the workers, grouping the summaries on one, and applying the
//! result on the workers again (`dateline.dask.group_stories`).
//!
//! # Example
//! ```
//! use dateline::stories::{group, summarize, GroupOptions};
//! use dateline::{analyze, Options};
//!
//! let a = "Chinese President Xi Jinping held talks with South Korean Prime Minister Han \
//!          Duck-soo in Hangzhou on Saturday.";
//! let b = "Xi Jinping and Han Duck-soo discussed supply chains during their meeting.";
//! let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 23).unwrap();
//! let ra = analyze(a, &Options::default().with_id("a").with_published(d)).unwrap().to_json_value(a).unwrap();
//! let rb = analyze(b, &Options::default().with_id("b")).unwrap().to_json_value(b).unwrap();
//!
//! let summaries: Vec<_> = [&ra, &rb].iter().flat_map(|r| summarize(r)).collect();
//! let stories = group(&summaries, &GroupOptions::default());
//! let (mut ra, mut rb) = (ra, rb);
//! stories.apply(&mut ra);
//! stories.apply(&mut rb);
//! assert_eq!(ra["story"], rb["story"]); // one story, two reports
//! assert_eq!(rb["events"][0]["date"]["value"], "2023-09-23");
//! assert_eq!(rb["events"][0]["date"]["source"], "story");
//! assert_eq!(rb["events"][0]["date"]["document"], "a");
//! assert_eq!(rb["events"][0]["place_source"]["name"], "Hangzhou");
//! ```

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Settings of [`group`].
///
/// # Example
/// ```
/// let o = dateline::stories::GroupOptions::default();
/// assert_eq!(o.window_days, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GroupOptions {
    /// Reports whose dates lie at most this many days apart can tell the same encounter.
    pub window_days: i64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions { window_days: 3 }
    }
}

impl GroupOptions {
    /// Sets [`GroupOptions::window_days`].
    ///
    /// # Example
    /// ```
    /// let o = dateline::stories::GroupOptions::default().with_window_days(7);
    /// assert_eq!(o.window_days, 7);
    /// ```
    #[must_use]
    pub fn with_window_days(mut self, days: i64) -> Self {
        self.window_days = days;
        self
    }
}

/// A date mention of an event's sentences that the document could not resolve (no
/// publication date): re-resolved when story grouping gives the document an anchor.
///
/// # Example
/// ```
/// let m = dateline::stories::Unresolved { text: "next month".into(), start: 10, end: 20 };
/// assert_eq!(m.text, "next month");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unresolved {
    /// The mention as written.
    pub text: String,
    /// Code-point start offset.
    pub start: usize,
    /// Code-point end offset.
    pub end: usize,
}

/// What grouping needs to know of one event of one document.
///
/// # Example
/// ```
/// let text = "Xi Jinping met Yoon Suk-yeol in Bali on Tuesday.";
/// let d = chrono::NaiveDate::from_ymd_opt(2022, 11, 15).unwrap();
/// let doc = dateline::analyze(text, &dateline::Options::default().with_id("x").with_published(d)).unwrap();
/// let s = &dateline::stories::summarize(&doc.to_json_value(text).unwrap())[0];
/// assert_eq!((s.doc.as_str(), s.event, s.kind.as_str()), ("x", 0, "meet"));
/// assert_eq!(s.date.as_deref(), Some("2022-11-15"));
/// assert_eq!(s.place_name.as_deref(), Some("Bali"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    /// Document id (the record's `id`; its line number when it has none).
    pub doc: String,
    /// Index of the event in the record's `events`.
    pub event: usize,
    /// Event kind (`meet`, `visit` ...).
    pub kind: String,
    /// Canonical participant ids, sorted.
    pub participants: Vec<String>,
    /// Participant names, in the same order.
    pub names: Vec<String>,
    /// Place entity id.
    pub place: Option<String>,
    /// Place name.
    pub place_name: Option<String>,
    /// Date value of the document's own analysis (not a story fill).
    pub date: Option<String>,
    /// Status (`happened`, `planned` ...).
    pub status: String,
    /// The document's publication date, when known to the day.
    pub published: Option<String>,
    /// Unresolved date mentions of the event's sentences (when it has no date).
    pub unresolved: Vec<Unresolved>,
    /// Code-point offset of the trigger (to pick the nearest unresolved mention).
    pub trigger: usize,
}

/// The events of one record as [`EventSummary`]s. A record without events (or an error
/// record) gives none.
///
/// # Example
/// ```
/// let v = serde_json::json!({"id": "e", "error": {"kind": "utf8", "message": "bad"}});
/// assert!(dateline::stories::summarize(&v).is_empty());
/// ```
#[must_use]
pub fn summarize(record: &Value) -> Vec<EventSummary> {
    summarize_as(record, &record_id(record))
}

/// The record's `id` as a string (`""` when it has none).
///
/// # Example
/// ```
/// assert_eq!(dateline::stories::record_id(&serde_json::json!({"id": 7})), "7");
/// ```
#[must_use]
pub fn record_id(record: &Value) -> String {
    match record.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Like [`summarize`], naming the document `key` (for corpora whose ids are missing or not
/// unique: the CLI uses the line number then).
///
/// # Example
/// ```
/// let v = serde_json::json!({"events": []});
/// assert!(dateline::stories::summarize_as(&v, "line 3").is_empty());
/// ```
#[must_use]
pub fn summarize_as(record: &Value, key: &str) -> Vec<EventSummary> {
    let Some(events) = record.get("events").and_then(Value::as_array) else {
        return Vec::new();
    };
    let doc = key.to_owned();
    let names: HashMap<&str, &str> = record
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| Some((e.get("id")?.as_str()?, e.get("name")?.as_str()?)))
        .collect();
    let published = record
        .pointer("/article/published/date")
        .and_then(Value::as_str)
        .filter(|d| d.len() == 10)
        .map(str::to_owned);
    let dates: Vec<&Value> = record
        .get("dates")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let mut participants: Vec<(String, String)> = e
            .get("participants")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|p| (p.to_owned(), names.get(p).map_or(p, |n| *n).to_owned()))
            .collect();
        participants.sort();
        participants.dedup();
        let place = e.get("place").and_then(Value::as_str).map(str::to_owned);
        let place_name = place
            .as_deref()
            .map(|p| names.get(p).map_or(p, |n| *n).to_owned());
        let own_date = e
            .get("date")
            .filter(|d| d.get("source").and_then(Value::as_str) != Some("story"))
            .and_then(|d| d.get("value"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let evidence: Vec<(u64, u64)> = e
            .get("evidence")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|s| Some((s.get("start")?.as_u64()?, s.get("end")?.as_u64()?)))
            .collect();
        let unresolved = if own_date.is_none() {
            dates
                .iter()
                .filter_map(|t| {
                    let (s, en) = (t.get("start")?.as_u64()?, t.get("end")?.as_u64()?);
                    let value = t.get("value")?.as_str()?;
                    let kind = t.get("kind")?.as_str()?;
                    let inside = evidence.iter().any(|&(a, b)| a <= s && en <= b);
                    let open = value.contains('X') || value.ends_with("_REF");
                    if !(inside && open && kind == "DATE") {
                        return None;
                    }
                    Some(Unresolved {
                        text: t.get("text")?.as_str()?.to_owned(),
                        start: usize::try_from(s).ok()?,
                        end: usize::try_from(en).ok()?,
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let trigger = e
            .pointer("/trigger/start")
            .and_then(Value::as_u64)
            .and_then(|t| usize::try_from(t).ok())
            .unwrap_or(0);
        out.push(EventSummary {
            doc: doc.clone(),
            event: i,
            kind: e
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            names: participants.iter().map(|(_, n)| n.clone()).collect(),
            participants: participants.into_iter().map(|(p, _)| p).collect(),
            place,
            place_name,
            date: own_date,
            status: e
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            published: published.clone(),
            unresolved,
            trigger,
        });
    }
    out
}

/// A value filled from another report.
///
/// # Example
/// ```
/// let f = dateline::stories::Fill { value: "2023-09-23".into(), document: "000".into(), start: None, end: None };
/// assert_eq!(f.document, "000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fill {
    /// The date value, or the place entity id.
    pub value: String,
    /// The document the value comes from.
    pub document: String,
    /// For a date re-resolved from the document's own mention: its code-point offsets.
    pub start: Option<usize>,
    /// End offset of that mention.
    pub end: Option<usize>,
}

/// One story: an encounter reported by one or more documents.
///
/// # Example
/// ```
/// let s = dateline::stories::Story { id: "s1".into(), kind: "meet".into(), names: vec!["Xi".into()],
///     date: None, place: None, reports: vec![("a".into(), 0)] };
/// assert_eq!(s.documents(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id: a hash of the kind, participants, date and place the reports agree on.
    pub id: String,
    /// Event kind.
    pub kind: String,
    /// Participant names (of all reports).
    pub names: Vec<String>,
    /// The date the reports agree on.
    pub date: Option<String>,
    /// The place name the reports agree on.
    pub place: Option<String>,
    /// (document, event index) of every report.
    pub reports: Vec<(String, usize)>,
}

impl Story {
    /// Number of distinct documents reporting the story.
    ///
    /// # Example
    /// ```
    /// let s = dateline::stories::Story { id: "s".into(), kind: "call".into(), names: vec![],
    ///     date: None, place: None, reports: vec![("a".into(), 0), ("a".into(), 1), ("b".into(), 0)] };
    /// assert_eq!(s.documents(), 2);
    /// ```
    #[must_use]
    pub fn documents(&self) -> usize {
        let mut docs: Vec<&str> = self.reports.iter().map(|(d, _)| d.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }
}

/// What grouping decided for one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Index into [`Stories::stories`].
    pub story: usize,
    /// The date to fill in, if the event has none.
    pub date: Option<Fill>,
    /// The place (entity id) to fill in, with its name, if the event has none.
    pub place: Option<(Fill, String)>,
}

/// The result of [`group`]: the stories and, per (document, event), its assignment.
///
/// # Example
/// ```
/// let stories = dateline::stories::group(&[], &Default::default());
/// assert!(stories.stories.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stories {
    /// Every story, in order of first report.
    pub stories: Vec<Story>,
    /// Per document id: the assignment of each of its events (by event index).
    pub assignments: HashMap<String, Vec<(usize, Assignment)>>,
}

impl Stories {
    /// Writes the grouping into one record (see the [module docs](self)). Records of
    /// documents the grouping did not see are left unchanged (but for `"story": null`).
    ///
    /// # Example
    /// ```
    /// let mut v = serde_json::json!({"id": "z", "events": []});
    /// dateline::stories::Stories::default().apply(&mut v);
    /// assert!(v["story"].is_null());
    /// ```
    pub fn apply(&self, record: &mut Value) {
        let key = record_id(record);
        self.apply_as(record, &key);
    }

    /// Like [`Stories::apply`] for a record summarized with [`summarize_as`] under `key`.
    ///
    /// # Example
    /// ```
    /// let mut v = serde_json::json!({"events": []});
    /// dateline::stories::Stories::default().apply_as(&mut v, "line 1");
    /// assert!(v["story"].is_null());
    /// ```
    pub fn apply_as(&self, record: &mut Value, key: &str) {
        let Some(obj) = record.as_object_mut() else {
            return;
        };
        if obj.contains_key("error") {
            return;
        }
        let assigned = self.assignments.get(key);
        let mut doc_story: Option<(usize, usize)> = None; // (documents, story)
        if let (Some(events), Some(assigned)) = (
            obj.get_mut("events").and_then(Value::as_array_mut),
            assigned,
        ) {
            for &(ei, ref a) in assigned {
                let Some(e) = events.get_mut(ei).and_then(Value::as_object_mut) else {
                    continue;
                };
                let Some(story) = self.stories.get(a.story) else {
                    continue;
                };
                e.insert("story".to_owned(), Value::String(story.id.clone()));
                let n = story.documents();
                if doc_story.map_or(true, |(best, _)| n > best) {
                    doc_story = Some((n, a.story));
                }
                if let Some(f) = &a.date {
                    e.insert(
                        "date".to_owned(),
                        json!({"value": f.value, "source": "story", "document": f.document, "start": f.start, "end": f.end}),
                    );
                }
                if let Some((f, name)) = &a.place {
                    e.insert("place".to_owned(), Value::String(f.value.clone()));
                    e.insert(
                        "place_source".to_owned(),
                        json!({"source": "story", "document": f.document, "name": name}),
                    );
                }
            }
        }
        let id = doc_story
            .and_then(|(_, s)| self.stories.get(s))
            .map_or(Value::Null, |s| Value::String(s.id.clone()));
        obj.insert("story".to_owned(), id);
    }
}

/// Union-find over event indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

/// Most participants an event is blocked on (8 participants give 28 pairs).
const MAX_BLOCKED: usize = 8;

/// Groups the event summaries of a corpus into stories (see the [module docs](self)).
///
/// # Example
/// ```
/// use dateline::stories::{group, EventSummary};
/// let ev = |doc: &str, other: &str, date: Option<&str>| EventSummary {
///     doc: doc.into(), event: 0, kind: "meet".into(),
///     participants: vec!["Q1".into(), other.into()], names: vec!["A".into(), other.into()],
///     place: None, place_name: None, date: date.map(Into::into), status: "happened".into(),
///     published: None, unresolved: vec![], trigger: 0,
/// };
/// let corpus = [ev("a", "Q2", Some("2023-09-23")), ev("b", "Q2", None), ev("c", "Q3", Some("2023-09-23"))];
/// let stories = group(&corpus, &Default::default());
/// assert_eq!(stories.stories.len(), 2);
/// let b = &stories.assignments["b"][0].1;
/// assert_eq!(b.date.as_ref().unwrap().value, "2023-09-23");
/// ```
#[must_use]
pub fn group(summaries: &[EventSummary], options: &GroupOptions) -> Stories {
    let n = summaries.len();
    let ranges: Vec<Option<(NaiveDate, NaiveDate)>> = summaries
        .iter()
        .map(|s| s.date.as_deref().and_then(dateline_events::date_range))
        .collect();
    // Blocks: every pair of canonical participants, per kind.
    let mut blocks: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for (i, s) in summaries.iter().enumerate() {
        let ps = &s.participants[..s.participants.len().min(MAX_BLOCKED)];
        for (a, pa) in ps.iter().enumerate() {
            for pb in &ps[a + 1..] {
                blocks
                    .entry((s.kind.as_str(), pa.as_str(), pb.as_str()))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut sets = Sets((0..n).collect());
    let window = Duration::days(options.window_days.max(0));
    let place_agrees = |a: &EventSummary, b: &EventSummary| match (&a.place, &b.place) {
        (Some(x), Some(y)) => x == y || a.place_name == b.place_name,
        _ => true,
    };
    let mut keys: Vec<_> = blocks.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let Some(members) = blocks.get(&key) else {
            continue;
        };
        let mut dated: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| ranges[i].is_some())
            .collect();
        dated.sort_by_key(|&i| (ranges[i], i));
        // Sweep the dated reports: a report within the window of the cluster joins it.
        let mut clusters: Vec<(usize, NaiveDate)> = Vec::new(); // (first member, end)
        for &i in &dated {
            let Some((start, end)) = ranges[i] else {
                continue;
            };
            match clusters.last_mut() {
                Some((first, cend))
                    if start <= *cend + window
                        && place_agrees(&summaries[*first], &summaries[i]) =>
                {
                    sets.union(*first, i);
                    *cend = (*cend).max(end);
                }
                _ => clusters.push((i, end)),
            }
        }
        // Undated reports join the one dated encounter of the block (or the one whose place
        // they share); with none, they form one story among themselves.
        let undated: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| ranges[i].is_none())
            .collect();
        for &i in &undated {
            if clusters.len() > 16 {
                // Many encounters between the same parties: an undated report fits none.
                break;
            }
            let fitting: Vec<usize> = clusters
                .iter()
                .map(|&(f, _)| f)
                .filter(|&f| place_agrees(&summaries[f], &summaries[i]))
                .collect();
            match fitting.as_slice() {
                [one] => sets.union(*one, i),
                [] if clusters.is_empty() => {
                    if let Some(&first) = undated.first() {
                        if place_agrees(&summaries[first], &summaries[i]) {
                            sets.union(first, i);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // Components, in order of first report.
    let mut order: Vec<usize> = Vec::new();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = sets.find(i);
        let entry = members.entry(r).or_default();
        if entry.is_empty() {
            order.push(r);
        }
        entry.push(i);
    }
    let mut out = Stories::default();
    // Anchors for documents without a publication date: filled dates of what they report.
    let mut anchors: HashMap<&str, (NaiveDate, String)> = HashMap::new();
    let mut pending: Vec<(usize, usize)> = Vec::new(); // (summary, story) needing re-resolution
    for root in order {
        let ms = members.remove(&root).unwrap_or_default();
        let Some(&first_member) = ms.first() else {
            continue;
        };
        let story_index = out.stories.len();
        let date = agreed_date(summaries, &ms);
        let place = agreed_place(summaries, &ms);
        let mut names: Vec<String> = Vec::new();
        for &i in &ms {
            for name in &summaries[i].names {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        let first = &summaries[first_member];
        let mut ids: Vec<&str> = ms
            .iter()
            .flat_map(|&i| summaries[i].participants.iter().map(String::as_str))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let id = story_id(
            &first.kind,
            &ids,
            date.as_ref().map(|(v, _)| v.as_str()),
            place.as_ref().map(|(p, _, _)| p.as_str()),
        );
        let multi = ms.iter().any(|&i| summaries[i].doc != first.doc);
        for &i in &ms {
            let s = &summaries[i];
            let date_fill = match (&s.date, &date) {
                (None, Some((v, from))) if multi && from != &s.doc => Some(Fill {
                    value: v.clone(),
                    document: from.clone(),
                    start: None,
                    end: None,
                }),
                _ => None,
            };
            if let Some(f) = &date_fill {
                if s.published.is_none() && matches!(s.status.as_str(), "happened" | "ongoing") {
                    if let Ok(d) = NaiveDate::parse_from_str(&f.value, "%Y-%m-%d") {
                        let e = anchors
                            .entry(s.doc.as_str())
                            .or_insert((d, f.document.clone()));
                        if d > e.0 {
                            *e = (d, f.document.clone());
                        }
                    }
                }
            } else if s.date.is_none() && !s.unresolved.is_empty() && s.published.is_none() {
                pending.push((i, story_index));
            }
            let place_fill = match (&s.place, &place) {
                (None, Some((p, name, from))) if multi && from != &s.doc => Some((
                    Fill {
                        value: p.clone(),
                        document: from.clone(),
                        start: None,
                        end: None,
                    },
                    name.clone(),
                )),
                _ => None,
            };
            out.assignments.entry(s.doc.clone()).or_default().push((
                s.event,
                Assignment {
                    story: story_index,
                    date: date_fill,
                    place: place_fill,
                },
            ));
        }
        out.stories.push(Story {
            id,
            kind: first.kind.clone(),
            names,
            date: date.map(|(v, _)| v),
            place: place.map(|(_, n, _)| n),
            reports: ms
                .iter()
                .map(|&i| (summaries[i].doc.clone(), summaries[i].event))
                .collect(),
        });
    }
    // Re-resolve the relative dates of anchored documents ("next month").
    for (i, story) in pending {
        let s = &summaries[i];
        let Some((anchor, from)) = anchors.get(s.doc.as_str()) else {
            continue;
        };
        let nearest = s
            .unresolved
            .iter()
            .min_by_key(|u| u.start.abs_diff(s.trigger));
        let Some(u) = nearest else { continue };
        let found = dateline_dates::find(&u.text, &dateline_dates::Options::with_anchor(*anchor));
        let Some(t) = found
            .first()
            .filter(|t| !t.value.contains('X') && !t.value.ends_with("_REF"))
        else {
            continue;
        };
        let value = t.value.split('T').next().unwrap_or(&t.value).to_owned();
        if let Some(list) = out.assignments.get_mut(&s.doc) {
            if let Some((_, a)) = list
                .iter_mut()
                .find(|(e, a)| *e == s.event && a.story == story)
            {
                a.date = Some(Fill {
                    value: value.clone(),
                    document: from.clone(),
                    start: Some(u.start),
                    end: Some(u.end),
                });
                // The story of that report had no date: now it has this one (the summary row
                // of a one-report story shows it).
                if let Some(st) = out.stories.get_mut(story) {
                    st.date.get_or_insert(value);
                }
            }
        }
    }
    out
}

/// The date the reports of a story agree on: the most precise value every other value
/// contains (or that contains them), with the document it comes from.
fn agreed_date(summaries: &[EventSummary], members: &[usize]) -> Option<(String, String)> {
    let dated: Vec<&EventSummary> = members
        .iter()
        .map(|&i| &summaries[i])
        .filter(|s| s.date.is_some())
        .collect();
    let best = dated
        .iter()
        .max_by_key(|s| s.date.as_ref().map_or(0, String::len))?;
    let value = best.date.clone()?;
    let consistent = dated.iter().all(|s| {
        s.date
            .as_deref()
            .is_some_and(|d| value.starts_with(d) || d.starts_with(value.as_str()))
    });
    consistent.then(|| (value, best.doc.clone()))
}

/// The place the reports of a story agree on: (entity id, name, document).
fn agreed_place(summaries: &[EventSummary], members: &[usize]) -> Option<(String, String, String)> {
    let placed: Vec<&EventSummary> = members
        .iter()
        .map(|&i| &summaries[i])
        .filter(|s| s.place.is_some())
        .collect();
    let first = placed.first()?;
    let agree = placed
        .iter()
        .all(|s| s.place == first.place || s.place_name == first.place_name);
    agree.then(|| {
        (
            first.place.clone().unwrap_or_default(),
            first.place_name.clone().unwrap_or_default(),
            first.doc.clone(),
        )
    })
}

/// A short stable id: FNV-1a over the story's kind, participants, date and place.
fn story_id(kind: &str, participants: &[&str], date: Option<&str>, place: Option<&str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(kind);
    for p in participants {
        eat(p);
    }
    eat(date.unwrap_or(""));
    eat(place.unwrap_or(""));
    format!("story:{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(
        doc: &str,
        kind: &str,
        ps: &[&str],
        date: Option<&str>,
        place: Option<&str>,
    ) -> EventSummary {
        EventSummary {
            doc: doc.into(),
            event: 0,
            kind: kind.into(),
            participants: ps.iter().map(|s| (*s).to_owned()).collect(),
            names: ps.iter().map(|s| (*s).to_owned()).collect(),
            place: place.map(Into::into),
            place_name: place.map(Into::into),
            date: date.map(Into::into),
            status: "happened".into(),
            published: None,
            unresolved: vec![],
            trigger: 0,
        }
    }

    #[test]
    fn dates_within_the_window_join_and_others_split() {
        let s = [
            ev("a", "meet", &["x", "y"], Some("2023-09-23"), None),
            ev("b", "meet", &["x", "y"], Some("2023-09-24"), None),
            ev("c", "meet", &["x", "y"], Some("2023-12-01"), None),
            ev("d", "call", &["x", "y"], Some("2023-09-23"), None),
        ];
        let st = group(&s, &GroupOptions::default());
        assert_eq!(st.stories.len(), 3);
        assert_eq!(st.stories[0].reports.len(), 2);
    }

    #[test]
    fn places_that_disagree_split() {
        let s = [
            ev("a", "meet", &["x", "y"], None, Some("Bali")),
            ev("b", "meet", &["x", "y"], None, Some("Seoul")),
        ];
        assert_eq!(group(&s, &GroupOptions::default()).stories.len(), 2);
    }

    #[test]
    fn undated_reports_join_the_one_dated_story_and_get_its_date_and_place() {
        let s = [
            ev(
                "a",
                "meet",
                &["x", "y"],
                Some("2023-09-23"),
                Some("Hangzhou"),
            ),
            ev("b", "meet", &["x", "y", "z"], None, None),
        ];
        let st = group(&s, &GroupOptions::default());
        assert_eq!(st.stories.len(), 1);
        let a = &st.assignments["b"][0].1;
        assert_eq!(
            a.date.as_ref().map(|f| f.value.as_str()),
            Some("2023-09-23")
        );
        assert_eq!(a.date.as_ref().map(|f| f.document.as_str()), Some("a"));
        assert_eq!(
            a.place.as_ref().map(|(f, _)| f.value.as_str()),
            Some("Hangzhou")
        );
    }

    #[test]
    fn ambiguous_undated_reports_stay_apart() {
        let s = [
            ev("a", "meet", &["x", "y"], Some("2020-01-01"), None),
            ev("b", "meet", &["x", "y"], Some("2023-09-23"), None),
            ev("c", "meet", &["x", "y"], None, None),
        ];
        let st = group(&s, &GroupOptions::default());
        assert_eq!(st.stories.len(), 3);
    }

    #[test]
    fn ids_are_stable_and_order_free() {
        let a = ev("a", "meet", &["x", "y"], Some("2023-09-23"), None);
        let b = ev("b", "meet", &["x", "y"], None, None);
        let s1 = group(&[a.clone(), b.clone()], &GroupOptions::default());
        let s2 = group(&[b, a], &GroupOptions::default());
        assert_eq!(s1.stories[0].id, s2.stories[0].id);
        assert!(s1.stories[0].id.starts_with("story:"));
    }

    #[test]
    fn a_relative_date_resolved_by_another_story_dates_its_own_story() {
        // Document b has no publication date; its report of the x-y meeting joins a's dated
        // story, which anchors b's "next month" for its other, one-report story.
        let mut lavrov = ev("b", "visit", &["p", "q"], None, Some("Pyongyang"));
        lavrov.event = 1;
        lavrov.status = "planned".into();
        lavrov.unresolved = vec![Unresolved {
            text: "next month".into(),
            start: 40,
            end: 50,
        }];
        let s = [
            ev(
                "a",
                "meet",
                &["x", "y"],
                Some("2023-09-23"),
                Some("Hangzhou"),
            ),
            ev("b", "meet", &["x", "y"], None, None),
            lavrov,
        ];
        let st = group(&s, &GroupOptions::default());
        assert_eq!(st.stories.len(), 2);
        let visit = st.stories.iter().find(|x| x.kind == "visit").unwrap();
        assert_eq!(visit.date.as_deref(), Some("2023-10"));
        let b = &st.assignments["b"];
        let filled = b.iter().find(|(e, _)| *e == 1).unwrap();
        assert_eq!(
            filled.1.date.as_ref().map(|f| f.value.as_str()),
            Some("2023-10")
        );
    }
}
