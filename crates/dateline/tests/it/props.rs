//! Property tests: on any input, `analyze` does not panic, its byte spans slice exactly, its
//! JSON offsets are code points, and it is deterministic.

use dateline::{analyze, Options};
use proptest::prelude::*;

/// News-like fragments (quotes, cues, names, dates, odd characters) glued in random order.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Xi Jinping said on Tuesday".to_owned()),
        Just("\"We are ready,\" he said.".to_owned()),
        Just("“China is ready”, the Chinese president said.".to_owned()),
        Just(" date 2022-01-01 WORLD\n".to_owned()),
        Just("SEOUL, Sept. 26 (Yonhap) -- ".to_owned()),
        Just("according to the statement".to_owned()),
        Just("South Korean President Yoon Suk-yeol".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{a0}—’é漢字".to_owned()),
        "[a-zA-Z ,.;:\"'“”\n-]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn spans_exact_offsets_code_points_deterministic(text in newsish()) {
        let options = Options::default();
        let doc = match analyze(&text, &options) {
            Ok(doc) => doc,
            Err(e) => {
                // Only binary-looking input may be refused.
                prop_assert_eq!(e.kind(), "binary");
                return Ok(());
            }
        };
        for t in &doc.dates {
            prop_assert_eq!(text.get(t.span.range()), Some(t.text.as_str()));
        }
        for m in &doc.entities.mentions {
            prop_assert_eq!(text.get(m.span.range()), Some(m.text.as_str()));
        }
        for q in &doc.quotes {
            prop_assert_eq!(text.get(q.span.range()), Some(q.text.as_str()));
            prop_assert!(q.speaker.map_or(true, |i| i < doc.entities.entities.len()));
        }
        let json = doc.to_json_value(&text).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for p in json["article"]["paragraphs"].as_array().unwrap().iter()
            .chain(json["quotes"].as_array().unwrap())
            .chain(json["dates"].as_array().unwrap())
        {
            let s = p["start"].as_u64().unwrap() as usize;
            let e = p["end"].as_u64().unwrap() as usize;
            prop_assert_eq!(chars[s..e].iter().collect::<String>(), p["text"].as_str().unwrap());
        }
        let again = analyze(&text, &options).unwrap();
        prop_assert_eq!(doc, again);
    }
}
