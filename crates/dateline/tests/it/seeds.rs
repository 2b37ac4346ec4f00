//! The seed articles: golden JSON snapshots (insta) plus targeted asserts that say what
//! must hold whatever the snapshots drift to.

use std::path::PathBuf;

use dateline::{analyze, Document, Options};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// (file stem, text, document) of every seed, in name order.
fn seeds() -> Vec<(String, String, Document)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "expected the three seeds");
    paths
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            let options = Options::default()
                .with_id(stem.clone())
                .with_source(format!("seeds/{stem}.txt"));
            let doc = analyze(&text, &options).unwrap();
            (stem, text, doc)
        })
        .collect()
}

fn seed(prefix: &str) -> (String, Document) {
    let (_, text, doc) = seeds()
        .into_iter()
        .find(|(s, _, _)| s.starts_with(prefix))
        .unwrap();
    (text, doc)
}

#[test]
fn golden_json() {
    for (stem, text, doc) in seeds() {
        let json = doc.to_json_value(&text).unwrap();
        insta::assert_json_snapshot!(stem, json);
    }
}

#[test]
fn byte_spans_are_exact() {
    for (stem, text, doc) in seeds() {
        for t in &doc.dates {
            assert_eq!(&text[t.span.range()], t.text, "{stem}");
        }
        for m in &doc.entities.mentions {
            assert_eq!(&text[m.span.range()], m.text, "{stem}");
        }
        for q in &doc.quotes {
            assert_eq!(&text[q.span.range()], q.text, "{stem}");
            if let Some(c) = q.cue_span {
                assert_eq!(&text[c.range()], q.cue, "{stem}");
            }
        }
    }
}

#[test]
fn json_offsets_are_code_points() {
    for (stem, text, doc) in seeds() {
        let v = doc.to_json_value(&text).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let mut spanned: Vec<&serde_json::Value> = Vec::new();
        spanned.extend(v["article"]["paragraphs"].as_array().unwrap());
        spanned.extend(v["article"]["captions"].as_array().unwrap());
        spanned.extend(v["article"]["boilerplate"].as_array().unwrap());
        spanned.extend(v["dates"].as_array().unwrap());
        spanned.extend(v["quotes"].as_array().unwrap());
        for e in v["entities"].as_array().unwrap() {
            spanned.extend(e["mentions"].as_array().unwrap());
        }
        for e in v["events"].as_array().unwrap() {
            spanned.push(&e["trigger"]);
            // Evidence spans are whole sentences holding the trigger.
            let t = (
                e["trigger"]["start"].as_u64().unwrap(),
                e["trigger"]["end"].as_u64().unwrap(),
            );
            assert!(e["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["start"].as_u64().unwrap() <= t.0 && t.1 <= x["end"].as_u64().unwrap()));
        }
        assert!(spanned.len() > 10, "{stem}");
        for o in spanned {
            let s = o["start"].as_u64().unwrap() as usize;
            let e = o["end"].as_u64().unwrap() as usize;
            let got: String = chars[s..e].iter().collect();
            assert_eq!(got, o["text"].as_str().unwrap(), "{stem}");
        }
    }
}

#[test]
fn seed_000_published_and_anchored_dates() {
    let (text, doc) = seed("000");
    assert_eq!(doc.published.anchor().unwrap().to_string(), "2023-09-23");
    assert_eq!(doc.published.confidence.as_str(), "high");
    let v = doc.to_json_value(&text).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["language"], "en");
    assert_eq!(
        v["article"]["title"],
        "China seeks cooperation with South Korea amid tensions"
    );
    let value_of = |needle: &str| {
        doc.dates
            .iter()
            .find(|t| t.text.contains(needle))
            .map(|t| t.value.clone())
    };
    assert_eq!(value_of("Saturday").as_deref(), Some("2023-09-23"));
    assert_eq!(value_of("Sept. 26").as_deref(), Some("2023-09-26"));
    // Nothing is taken from the header line (" date 2023-09-23 WORLD") or the date line.
    let header_end = text.find('\n').unwrap();
    assert!(doc.dates.iter().all(|t| t.span.start > header_end));
}

#[test]
fn seed_004_quotes_belong_to_xi_then_yoon() {
    let (_, doc) = seed("004");
    let direct: Vec<_> = doc.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 5);
    let names: Vec<&str> = direct
        .iter()
        .map(|q| doc.speaker(q).map_or("-", |e| e.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            "Xi Jinping",
            "Xi Jinping",
            "Xi Jinping",
            "Xi Jinping",
            "Yoon Suk-yeol"
        ]
    );
    assert!(direct[1].text.starts_with("The two countries shoulder"));
    assert_eq!(direct[2].cue, "said");
    assert_eq!(direct[3].cue, "added");
    assert!(direct[4].text.starts_with("The ROK hopes to maintain"));
    // Reported speech: "Xi said Beijing and Seoul need to ..."
    assert!(doc.quotes.iter().any(|q| !q.direct
        && q.text.starts_with("Beijing and Seoul need")
        && doc.speaker(q).is_some_and(|e| e.name == "Xi Jinping")));
}

#[test]
fn seed_004_nothing_from_related_headlines() {
    let (text, doc) = seed("004");
    let related: Vec<_> = doc
        .article
        .boilerplate
        .iter()
        .filter(|b| b.kind.as_str() == "related_headline")
        .map(|b| b.span)
        .collect();
    assert_eq!(related.len(), 5);
    for m in &doc.entities.mentions {
        assert!(!related.iter().any(|r| r.overlaps(m.span)), "{}", m.text);
    }
    for t in &doc.dates {
        assert!(!related.iter().any(|r| r.overlaps(t.span)), "{}", t.text);
    }
    assert!(!text.is_empty());
    assert_eq!(doc.published.confidence.as_str(), "low");
    assert!(!doc.published.warnings.is_empty());
}

#[test]
fn caller_date_overrides_inference() {
    let (text, _) = seed("004");
    let d = chrono::NaiveDate::from_ymd_opt(2022, 11, 15).unwrap();
    let doc = analyze(&text, &Options::default().with_published(d)).unwrap();
    let v = doc.to_json_value(&text).unwrap();
    assert_eq!(v["article"]["published"]["date"], "2022-11-15");
    assert_eq!(v["article"]["published"]["source"], "option");
    let tuesday = doc
        .dates
        .iter()
        .find(|t| t.text.contains("Tuesday"))
        .unwrap();
    assert_eq!(tuesday.value, "2022-11-15");
}

/// (kind, sorted participant names, place, date value, status) of one event.
type EventRow = (String, Vec<String>, Option<String>, Option<String>, String);

/// The rows of a document's events.
fn events_of(doc: &Document) -> Vec<EventRow> {
    let name = |i: usize| doc.entities.entities[i].name.clone();
    doc.events
        .iter()
        .map(|e| {
            let mut who: Vec<String> = e.participants.iter().map(|&i| name(i)).collect();
            who.sort();
            (
                e.kind.as_str().to_owned(),
                who,
                e.place.map(name),
                e.date.as_ref().map(|d| d.value.clone()),
                e.status.as_str().to_owned(),
            )
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn seed_000_events_are_the_three_encounters() {
    let (_, doc) = seed("000");
    let events = events_of(&doc);
    assert_eq!(
        events,
        [
            (
                "meet".to_owned(),
                strings(&["Han Duck-soo", "Xi Jinping"]),
                Some("Hangzhou".to_owned()),
                Some("2023-09-23".to_owned()),
                "happened".to_owned()
            ),
            (
                "meet".to_owned(),
                strings(&["China", "Japan", "South Korea"]),
                Some("Seoul".to_owned()),
                Some("2023-09-26".to_owned()),
                "planned".to_owned()
            ),
            (
                "visit".to_owned(),
                strings(&["Kim Jong Un", "Russia"]),
                None,
                Some("2023-09".to_owned()),
                "happened".to_owned()
            ),
        ]
    );
    // The caption and the lead tell the Hangzhou talks: one event, two evidence spans.
    assert_eq!(doc.events[0].evidence.len(), 2);
    // "he will seriously consider the matter of visiting South Korea" is no event.
    assert!(doc
        .events
        .iter()
        .all(|e| e.status.as_str() != "planned" || e.kind.as_str() != "visit"));
}

#[test]
fn seed_004_events_bali_and_the_december_2019_visit() {
    let (_, doc) = seed("004");
    let events = events_of(&doc);
    let bali = events
        .iter()
        .find(|e| e.0 == "meet" && e.1 == strings(&["Xi Jinping", "Yoon Suk-yeol"]))
        .expect("the Xi-Yoon meeting");
    assert_eq!(
        (bali.2.as_deref(), bali.4.as_str()),
        (Some("Bali"), "happened")
    );
    assert!(
        events
            .iter()
            .any(|e| e.0 == "summit" && e.1.contains(&"G20".to_owned())),
        "{events:?}"
    );
    let moon = events
        .iter()
        .find(|e| e.1.contains(&"Moon Jae-in".to_owned()))
        .expect("the December 2019 encounter");
    assert_eq!(moon.1, strings(&["Moon Jae-in", "Xi Jinping"]));
    // "last met in December 2019, when Moon paid a visit to Xi": the meeting.
    assert_eq!(moon.0, "meet");
    assert_eq!(
        (moon.2.as_deref(), moon.3.as_deref(), moon.4.as_str()),
        (Some("Beijing"), Some("2019-12"), "happened")
    );
}

#[test]
fn seeds_000_and_003_are_one_story() {
    use dateline::stories::{group, summarize, GroupOptions};
    let records: Vec<serde_json::Value> = seeds()
        .into_iter()
        .map(|(_, text, doc)| doc.to_json_value(&text).unwrap())
        .collect();
    let summaries: Vec<_> = records.iter().flat_map(summarize).collect();
    let stories = group(&summaries, &GroupOptions::default());
    let mut records = records;
    for r in &mut records {
        stories.apply(r);
    }
    let (r000, r003) = (&records[0], &records[1]);
    assert_eq!(r000["story"], r003["story"]);
    let xi_han = &r003["events"][0];
    assert_eq!(xi_han["story"], r000["events"][0]["story"]);
    assert_eq!(xi_han["date"]["value"], "2023-09-23");
    assert_eq!(xi_han["date"]["source"], "story");
    assert_eq!(xi_han["date"]["document"], "000_6cb1cf4919cbac8a");
    assert_eq!(xi_han["place"], "gpe:hangzhou");
    // 003 has no publication date: the story anchors it, and Lavrov's planned visit to
    // Pyongyang "next month" resolves to October 2023.
    let lavrov = r003["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["place"] == "gpe:pyongyang")
        .expect("Lavrov's visit");
    assert_eq!(lavrov["status"], "planned");
    assert_eq!(lavrov["date"]["value"], "2023-10");
    assert_eq!(lavrov["date"]["source"], "story");
    // 004's header date is a doubtful placeholder, so its Bali meeting ("on Tuesday") has no
    // date of its own; 003 mentions the same meeting "in November 2022".
    let r004 = &records[2];
    let bali = &r004["events"][0];
    assert_eq!(bali["place"], "gpe:bali");
    assert_eq!(bali["date"]["value"], "2022-11");
    assert_eq!(bali["date"]["document"], "003_fa70326514a1b195");
    assert_eq!(bali["story"], r003["events"][1]["story"]);
}
