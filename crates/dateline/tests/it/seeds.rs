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
