//! # dateline-events
//!
//! Encounter events in English news: who met whom, where and when. An [`Event`] is one
//! encounter of the [CAMEO](https://parusanalytics.com/eventdata/data.dir/cameo.html)
//! "consult" family ([`EventKind`]: meet, visit, call, summit, negotiate, mediate) with
//! its participants and place as entities of [`dateline_entities`], the date it happened
//! resolved from [`dateline_dates`] (or the publication date), a [`Status`] (happened,
//! ongoing, planned, cancelled), the trigger word and the sentences that tell it.
//!
//! - **Triggers** come from a lexicon per kind ("met", "held talks", "visit to",
//!   "arrived in", "spoke by phone", "summit", "negotiations", "brokered"); words that only
//!   look like one ("meet the target", "called for", "press conference") need the parties
//!   an encounter has.
//! - **Participants** are read from the clause around the trigger: the subject before it,
//!   and after it the direct object, "with", "between ... and", "to", "by", "from". Titles
//!   stay with their person ("South Korean Prime Minister Han" is one party, Han), and
//!   descriptions resolve to entities: "he" to the person the sentences before are about,
//!   "his South Korean counterpart" to the South Korean person, "Syrian officials" to Syria,
//!   "the two leaders" to the parties of the event just told, "the president" to the
//!   person with that role.
//! - **Status** comes from tense and modality: "will meet", "is scheduled to", "plans to
//!   visit", "ahead of ... talks" are planned; "is visiting", "arrived in" are ongoing; "called
//!   off" is cancelled; "would consider visiting", "declined to meet", "did not meet" are no
//!   event at all.
//! - **Place** is the city, region or venue after "in"/"at" (or before the trigger: "the
//!   Geneva talks"), a visit's destination city, the destination of a journey made for the
//!   encounter ("will travel to Beijing to meet"), the place of the gathering whose
//!   sidelines it is on, the place of the guest's visit under way, or the wire dateline's
//!   place when the sentence names none. A country is a party (a visit's host), never a
//!   place.
//! - **Date** is the date mention of the event's sentences nearest the trigger (outside the
//!   reporting clause: in "X met Y, Z said on Tuesday" Tuesday is not the meeting's date),
//!   with weekdays re-resolved against the publication date in the event's direction (a
//!   meeting that happened "on Thursday" is the last Thursday, a planned one the next; "are
//!   meeting on Monday" in a Thursday article is planned, the next Monday); "today" and an
//!   ongoing visit give the publication date. A report told before the encounter's clause
//!   ("announced on Wednesday that the parties have agreed") dates it when the clause has
//!   no date of its own.
//! - **One event per encounter**: the same meeting told in the caption, the lead and again
//!   later ("the meeting", "the two leaders met") is one event with several evidence spans.
//!
//! Spans are byte ranges into the text the tokens were made from. The crate reads entities
//! and dates; it never changes them. Everything is linear in the text: only sentences
//! holding a trigger word are looked at closely.
//!
//! ## Example
//! ```
//! use chrono::NaiveDate;
//! use dateline_events::{find, EventKind, Status};
//!
//! let text = "Chinese President Xi Jinping held talks on Saturday with South Korean Prime \
//!             Minister Han Duck-soo in Hangzhou. The two leaders will meet again in Seoul \
//!             next month.";
//! let found = find(text, NaiveDate::from_ymd_opt(2023, 9, 23));
//! let names = |ids: &[usize]| -> Vec<String> {
//!     ids.iter().map(|&i| found.entities.entities[i].name.clone()).collect()
//! };
//!
//! let talks = &found.events[0];
//! assert_eq!(talks.kind, EventKind::Meet);
//! assert_eq!(talks.cameo, "040");
//! assert_eq!(names(&talks.participants), ["Xi Jinping", "Han Duck-soo"]);
//! assert_eq!(found.entities.entities[talks.place.unwrap()].name, "Hangzhou");
//! assert_eq!(talks.date.as_ref().unwrap().value, "2023-09-23");
//! assert_eq!(talks.status, Status::Happened);
//! assert_eq!(&text[talks.trigger.range()], "talks");
//!
//! let next = &found.events[1];
//! assert_eq!(next.status, Status::Planned);
//! assert_eq!(names(&next.participants), ["Xi Jinping", "Han Duck-soo"]);
//! assert_eq!(next.date.as_ref().unwrap().value, "2023-10");
//! ```
//!
//! In a pipeline that already has tokens, entities and dates, call [`extract`] with an
//! [`Input`] (the `dateline` crate does).
//!
//! ## Errors
//! [`extract`] returns [`EventError`] for regions outside the text or not on character
//! boundaries, and for entity mentions that do not fit the text. [`find`] cannot fail.
//! Nothing panics on any input.
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the public types ([`EventKind`] and
//!   [`Status`] as lowercase names, [`DateSource`] as `"mention"`, `"published"`, `"story"`).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod extract;
mod lexicon;
mod view;

use chrono::NaiveDate;
use dateline_dates::Timex;
use dateline_entities::Entities;
use dateline_text::{Span, Tokenized};

pub use error::EventError;

/// The README's example, run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The kind of encounter, after CAMEO's "consult" family (codes 040-046).
///
/// # Example
/// ```
/// use dateline_events::EventKind;
/// assert_eq!(EventKind::Call.as_str(), "call");
/// assert_eq!(EventKind::Call.cameo(), "041");
/// assert_eq!("mediate".parse::<EventKind>().ok(), Some(EventKind::Mediate));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum EventKind {
    /// Two parties meet or hold talks (CAMEO 040 consult; 044 at a third location).
    Meet,
    /// One party visits another, or hosts its visit (CAMEO 042 make a visit; 043 host one).
    Visit,
    /// A telephone or video call (CAMEO 041 discuss by telephone).
    Call,
    /// Three or more leaders or parties gather: a summit, a ministers' conference (CAMEO 040).
    Summit,
    /// Negotiations between parties (CAMEO 046 engage in negotiation).
    Negotiate,
    /// A third party mediates between others (CAMEO 045 mediate).
    Mediate,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 6] = [
        EventKind::Meet,
        EventKind::Visit,
        EventKind::Call,
        EventKind::Summit,
        EventKind::Negotiate,
        EventKind::Mediate,
    ];

    /// The JSON name: `meet`, `visit`, `call`, `summit`, `negotiate`, `mediate`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_events::EventKind::Summit.as_str(), "summit");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EventKind::Meet => "meet",
            EventKind::Visit => "visit",
            EventKind::Call => "call",
            EventKind::Summit => "summit",
            EventKind::Negotiate => "negotiate",
            EventKind::Mediate => "mediate",
        }
    }

    /// The CAMEO code of the kind in general (an [`Event`]'s own `cameo` refines it: 043
    /// for a visit told from the host's side, 044 for a meeting at a third location).
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_events::EventKind::Negotiate.cameo(), "046");
    /// ```
    #[must_use]
    pub const fn cameo(self) -> &'static str {
        match self {
            EventKind::Meet | EventKind::Summit => "040",
            EventKind::Call => "041",
            EventKind::Visit => "042",
            EventKind::Mediate => "045",
            EventKind::Negotiate => "046",
        }
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for EventKind {
    type Err = EventError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| EventError::UnknownName {
                what: "event kind",
                name: s.chars().take(40).collect(),
                expected: "meet, visit, call, summit, negotiate or mediate",
            })
    }
}

/// Whether the encounter took place.
///
/// # Example
/// ```
/// use dateline_events::Status;
/// assert_eq!(Status::Planned.as_str(), "planned");
/// assert_eq!("cancelled".parse::<Status>().ok(), Some(Status::Cancelled));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Status {
    /// It took place ("met", "held talks", "visited").
    Happened,
    /// It is under way as the article is written ("is visiting", "arrived in", "is hosting").
    Ongoing,
    /// It is announced for later ("will meet", "is scheduled to", "plans to visit").
    Planned,
    /// It was called off ("the summit was cancelled", "called off the visit").
    Cancelled,
}

impl Status {
    /// Every status, in declaration order.
    pub const ALL: [Status; 4] = [
        Status::Happened,
        Status::Ongoing,
        Status::Planned,
        Status::Cancelled,
    ];

    /// The JSON name: `happened`, `ongoing`, `planned`, `cancelled`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_events::Status::Ongoing.as_str(), "ongoing");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Ongoing => "ongoing",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = EventError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| EventError::UnknownName {
                what: "status",
                name: s.chars().take(40).collect(),
                expected: "happened, ongoing, planned or cancelled",
            })
    }
}

/// Where an event's date comes from.
///
/// # Example
/// ```
/// assert_eq!(dateline_events::DateSource::Published.as_str(), "published");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum DateSource {
    /// A date mention in the event's sentences (its span is [`EventDate::span`]).
    Mention,
    /// The publication date: an ongoing event with no date of its own.
    Published,
    /// Another report of the same encounter (set by story grouping across documents).
    Story,
}

impl DateSource {
    /// The JSON name: `mention`, `published`, `story`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_events::DateSource::Story.as_str(), "story");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            DateSource::Mention => "mention",
            DateSource::Published => "published",
            DateSource::Story => "story",
        }
    }
}

/// The date of an event: a TIMEX3 calendar value ("2023-09-23", "2023-09", "2022-W46",
/// "XXXX-11-01" when the year is unknown) and where it comes from.
///
/// # Example
/// ```
/// use dateline_events::{DateSource, EventDate};
/// let d = EventDate { value: "2023-09-23".into(), source: DateSource::Published, span: None };
/// assert_eq!(d.source.as_str(), "published");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EventDate {
    /// TIMEX3 value of the day, month, week or year.
    pub value: String,
    /// Where the value comes from.
    pub source: DateSource,
    /// Byte span of the date mention it rests on ([`DateSource::Mention`]).
    pub span: Option<Span>,
}

/// One encounter.
///
/// Participants, host and place are indices into the [`Entities::entities`] the events were
/// extracted with.
///
/// # Example
/// ```
/// let text = "Russian Foreign Minister Sergey Lavrov visited Pyongyang on Monday, \
///             North Korea's state media said.";
/// let found = dateline_events::find(text, chrono::NaiveDate::from_ymd_opt(2023, 10, 18));
/// let visit = &found.events[0];
/// assert_eq!(visit.kind, dateline_events::EventKind::Visit);
/// let host = &found.entities.entities[visit.host.unwrap()];
/// assert_eq!(host.name, "North Korea"); // the country of the city visited
/// assert_eq!(found.entities.entities[visit.place.unwrap()].name, "Pyongyang");
/// assert_eq!(visit.date.as_ref().unwrap().value, "2023-10-16");
/// assert!(visit.evidence.iter().any(|e| e.start <= visit.trigger.start && visit.trigger.end <= e.end));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Event {
    /// The kind of encounter.
    pub kind: EventKind,
    /// Its CAMEO code ("040" ... "046"): the kind's, refined to "043" for a visit told from
    /// the host's side and "044" for a meeting in a country none of the parties belongs to.
    pub cameo: String,
    /// The parties: people, countries and organisations acting as parties, in order of
    /// appearance (the subject first).
    pub participants: Vec<usize>,
    /// The host of a visit (the country or person visited, or who hosted).
    pub host: Option<usize>,
    /// Where it took place: a city, region or venue.
    pub place: Option<usize>,
    /// When it took place (or is to).
    pub date: Option<EventDate>,
    /// Whether it took place.
    pub status: Status,
    /// Byte span of the trigger word ("met", "talks", "visit").
    pub trigger: Span,
    /// Byte spans of the sentences that tell this encounter, in text order; one of them holds
    /// the trigger.
    pub evidence: Vec<Span>,
    /// How sure the extraction is, in `[0, 1]`: higher for a named subject and object around
    /// a verb, lower for pronouns, descriptions and bare nouns.
    pub confidence: f64,
}

/// What [`extract`] reads: the tokenized text, its entities and dates, and what the article
/// knows about itself.
///
/// # Example
/// ```
/// use dateline_events::{extract, Input};
/// use dateline_text::Tokenized;
/// let text = "Xi Jinping met Yoon Suk-yeol in Bali.";
/// let doc = Tokenized::new(text);
/// let entities = dateline_entities::extract(text, &Default::default());
/// let input = Input::new(&doc, &entities, &[]);
/// assert_eq!(extract(&input).unwrap().len(), 1);
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Input<'a> {
    /// The text with its tokens and sentences.
    pub doc: &'a Tokenized<'a>,
    /// The entities of the text (from the same text).
    pub entities: &'a Entities,
    /// The date mentions of the text, resolved against [`Input::published`] where possible.
    pub dates: &'a [Timex],
    /// Byte regions to read events from (title, paragraphs ...), sorted or not; `None` reads
    /// the whole text.
    pub regions: Option<&'a [Span]>,
    /// The publication date (anchor of weekdays and "today"). Date mentions resolved against
    /// a publication date are used only when this is set: a pipeline leaves it `None` when
    /// the publication date is unknown or doubtful (a crawler's placeholder), and the events
    /// then carry no date rather than a wrong one (story grouping may fill it).
    pub published: Option<NaiveDate>,
    /// The place of the wire dateline ("BALI, Indonesia"), used when an event's sentences
    /// name no place.
    pub dateline_place: Option<Span>,
    /// The headline's span: headline evidence never decides the status (headlines use the
    /// present tense for the past).
    pub title: Option<Span>,
    /// Quoted passages with the entity who speaks them, sorted by span: "I" and "we" inside
    /// a quote stand for its speaker ("I called Scott Morrison to congratulate him").
    pub speakers: &'a [(Span, usize)],
}

impl<'a> Input<'a> {
    /// An input over the whole text with no publication date, dateline or title.
    ///
    /// # Example
    /// ```
    /// let doc = dateline_text::Tokenized::new("");
    /// let entities = dateline_entities::Entities::default();
    /// let input = dateline_events::Input::new(&doc, &entities, &[]);
    /// assert!(input.published.is_none());
    /// ```
    #[must_use]
    pub fn new(doc: &'a Tokenized<'a>, entities: &'a Entities, dates: &'a [Timex]) -> Self {
        Input {
            doc,
            entities,
            dates,
            regions: None,
            published: None,
            dateline_place: None,
            title: None,
            speakers: &[],
        }
    }

    /// Sets [`Input::regions`].
    ///
    /// # Example
    /// ```
    /// use dateline_text::{Span, Tokenized};
    /// let doc = Tokenized::new("Menu. Xi met Yoon.");
    /// let entities = dateline_entities::Entities::default();
    /// let regions = [Span::new(6, 18)];
    /// let input = dateline_events::Input::new(&doc, &entities, &[]).with_regions(&regions);
    /// assert_eq!(input.regions.map(|r| r.len()), Some(1));
    /// ```
    #[must_use]
    pub fn with_regions(mut self, regions: &'a [Span]) -> Self {
        self.regions = Some(regions);
        self
    }

    /// Sets [`Input::published`].
    ///
    /// # Example
    /// ```
    /// let doc = dateline_text::Tokenized::new("");
    /// let entities = dateline_entities::Entities::default();
    /// let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 23);
    /// let input = dateline_events::Input::new(&doc, &entities, &[]).with_published(d);
    /// assert_eq!(input.published, d);
    /// ```
    #[must_use]
    pub fn with_published(mut self, published: Option<NaiveDate>) -> Self {
        self.published = published;
        self
    }

    /// Sets [`Input::dateline_place`].
    ///
    /// # Example
    /// ```
    /// use dateline_text::{Span, Tokenized};
    /// let doc = Tokenized::new("SEOUL -- Officials met.");
    /// let entities = dateline_entities::Entities::default();
    /// let input = dateline_events::Input::new(&doc, &entities, &[])
    ///     .with_dateline_place(Some(Span::new(0, 5)));
    /// assert_eq!(input.dateline_place, Some(Span::new(0, 5)));
    /// ```
    #[must_use]
    pub fn with_dateline_place(mut self, place: Option<Span>) -> Self {
        self.dateline_place = place;
        self
    }

    /// Sets [`Input::speakers`] (quoted spans and their speaker's entity index, sorted).
    ///
    /// # Example
    /// ```
    /// use dateline_text::{Span, Tokenized};
    /// let text = "Bill Shorten said: \"I called Scott Morrison to congratulate him.\"";
    /// let doc = Tokenized::new(text);
    /// let entities = dateline_entities::extract(text, &Default::default());
    /// let shorten = entities.entities.iter().position(|e| e.name.contains("Shorten")).unwrap();
    /// let speakers = [(Span::new(20, text.len() - 1), shorten)];
    /// let input = dateline_events::Input::new(&doc, &entities, &[]).with_speakers(&speakers);
    /// let events = dateline_events::extract(&input).unwrap();
    /// assert_eq!(events[0].kind, dateline_events::EventKind::Call);
    /// assert!(events[0].participants.contains(&shorten));
    /// ```
    #[must_use]
    pub fn with_speakers(mut self, speakers: &'a [(Span, usize)]) -> Self {
        self.speakers = speakers;
        self
    }

    /// Sets [`Input::title`].
    ///
    /// # Example
    /// ```
    /// use dateline_text::{Span, Tokenized};
    /// let doc = Tokenized::new("Xi meets Yoon\n\nXi met Yoon on Tuesday.");
    /// let entities = dateline_entities::Entities::default();
    /// let input = dateline_events::Input::new(&doc, &entities, &[]).with_title(Some(Span::new(0, 13)));
    /// assert_eq!(input.title, Some(Span::new(0, 13)));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: Option<Span>) -> Self {
        self.title = title;
        self
    }
}

/// Finds the encounter events of a text whose entities and dates are known.
///
/// # Errors
/// [`EventError::RegionOutOfBounds`] / [`EventError::RegionNotCharBoundary`] for a region
/// that is not a byte range of the text; [`EventError::MentionOutOfBounds`] when an entity
/// mention does not fit the text (entities of another text).
///
/// # Example
/// ```
/// use dateline_events::{extract, EventKind, Input, Status};
/// use dateline_text::Tokenized;
/// let text = "Sergey Lavrov will visit Pyongyang next month.";
/// let doc = Tokenized::new(text);
/// let entities = dateline_entities::extract(text, &Default::default());
/// let events = extract(&Input::new(&doc, &entities, &[])).unwrap();
/// assert_eq!((events[0].kind, events[0].status), (EventKind::Visit, Status::Planned));
/// ```
pub fn extract(input: &Input<'_>) -> Result<Vec<Event>, EventError> {
    let text = input.doc.text();
    let whole = [Span::new(0, text.len())];
    let regions = input.regions.unwrap_or(&whole);
    for r in regions {
        if r.end > text.len() || r.start > r.end {
            return Err(EventError::RegionOutOfBounds {
                start: r.start,
                end: r.end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(EventError::RegionNotCharBoundary {
                start: r.start,
                end: r.end,
            });
        }
    }
    for m in &input.entities.mentions {
        if m.span.end > text.len()
            || !text.is_char_boundary(m.span.start)
            || !text.is_char_boundary(m.span.end)
            || input.entities.entities.get(m.entity).is_none()
        {
            return Err(EventError::MentionOutOfBounds {
                start: m.span.start,
                end: m.span.end,
                len: text.len(),
            });
        }
    }
    let mut rs: Vec<Span> = regions.iter().copied().filter(|r| !r.is_empty()).collect();
    rs.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(rs.len());
    for r in rs {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    Ok(extract::run(input, &merged))
}

/// The inclusive day range of an event date value with a known year: a day
/// ("2023-09-23", also with a time), a month ("2023-09"), an ISO week ("2022-W46") or a
/// year ("2023"); `None` for values without a year ("XXXX-11-01"), seasons, quarters and
/// impossible dates.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
/// assert_eq!(dateline_events::date_range("2023-09"), Some((d(9, 1), d(9, 30))));
/// assert_eq!(dateline_events::date_range("2023-09-23T14:00"), Some((d(9, 23), d(9, 23))));
/// assert_eq!(dateline_events::date_range("XXXX-09-23"), None);
/// ```
#[must_use]
pub fn date_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    extract::value_range(value)
}

/// Entities, dates and events of a text, as [`find`] returns them.
///
/// # Example
/// ```
/// let found = dateline_events::find("Putin called Erdogan on Monday.", None);
/// assert_eq!(found.events.len(), 1);
/// assert!(found.dates.iter().any(|t| t.text == "Monday"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Found {
    /// The entities (participants and places index these).
    pub entities: Entities,
    /// The date mentions.
    pub dates: Vec<Timex>,
    /// The events.
    pub events: Vec<Event>,
}

/// Finds entities, dates (anchored on `published`) and events in a whole text: the
/// convenience for one text with nothing else known. A pipeline that has these already
/// calls [`extract`].
///
/// # Example
/// ```
/// use dateline_events::{find, EventKind, Status};
/// let found = find("Biden spoke by phone with Xi Jinping on Tuesday.", None);
/// let call = &found.events[0];
/// assert_eq!((call.kind, call.status), (EventKind::Call, Status::Happened));
/// assert_eq!(call.date, None); // a weekday without a publication date is no calendar date
/// ```
#[must_use]
pub fn find(text: &str, published: Option<NaiveDate>) -> Found {
    let doc = Tokenized::new(text);
    let entities =
        dateline_entities::extract_tokenized(&doc, None, &dateline_entities::Options::default())
            .unwrap_or_default();
    let mut options = dateline_dates::Options::default();
    options.anchor = published;
    let dates = dateline_dates::find(text, &options);
    let input = Input::new(&doc, &entities, &dates).with_published(published);
    let events = extract(&input).unwrap_or_default();
    Found {
        entities,
        dates,
        events,
    }
}
