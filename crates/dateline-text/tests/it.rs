//! Integration tests: tokenizer and sentence splitter on news text, plus properties.

use dateline_text::{sentences, tokenize, OffsetMap, Span, TokenKind, Tokenized};
use proptest::prelude::*;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn keeps_news_units_whole() {
    let text = "U.S. Sept. Duck-soo G-20 5:11 2023-09-23 $1.5bn 15/11/2022 1,000 30th Kim Jong-un";
    assert_eq!(
        toks(text),
        [
            "U.S.",
            "Sept.",
            "Duck-soo",
            "G-20",
            "5:11",
            "2023-09-23",
            "$1.5bn",
            "15/11/2022",
            "1,000",
            "30th",
            "Kim",
            "Jong-un"
        ]
    );
}

#[test]
fn splits_possessives_and_punctuation() {
    assert_eq!(
        toks("China’s Xi's (CCTV), \"Hi.\""),
        ["China", "’s", "Xi", "'s", "(", "CCTV", ")", ",", "\"", "Hi", ".", "\""]
    );
    let t = tokenize("Korea’s");
    assert_eq!(t[1].kind, TokenKind::Possessive);
    assert_eq!(
        toks("O'Brien don't countries' 1, 2"),
        ["O'Brien", "don't", "countries", "'", "1", ",", "2"]
    );
}

#[test]
fn punctuation_runs_and_dashes() {
    assert_eq!(
        toks("Wait... -- ok — fine – yes"),
        ["Wait", "...", "--", "ok", "—", "fine", "–", "yes"]
    );
}

#[test]
fn initials_and_trailing_periods() {
    assert_eq!(
        toks("John F. Kennedy at 5 p.m. in Washington, D.C."),
        [
            "John",
            "F.",
            "Kennedy",
            "at",
            "5",
            "p.m.",
            "in",
            "Washington",
            ",",
            "D.C."
        ]
    );
    assert_eq!(
        toks("He said no. Then No. 1 won."),
        ["He", "said", "no", ".", "Then", "No.", "1", "won", "."]
    );
}

#[test]
fn line_flags() {
    let t = tokenize("A b\nC\n\nD");
    assert!(t[0].is(dateline_text::Flags::PARAGRAPH_START));
    assert!(!t[1].is(dateline_text::Flags::LINE_START));
    assert!(t[2].is(dateline_text::Flags::LINE_START));
    assert!(!t[2].is(dateline_text::Flags::PARAGRAPH_START));
    assert!(t[3].is(dateline_text::Flags::PARAGRAPH_START));
}

fn sents(text: &str) -> Vec<&str> {
    sentences(text).iter().map(|s| s.text(text)).collect()
}

#[test]
fn sentence_abbreviations() {
    assert_eq!(
        sents("Talks are set for Sept. 26 in Seoul. Mr. Kim met U.S. officials on Friday. The U.S. The end."),
        ["Talks are set for Sept. 26 in Seoul.", "Mr. Kim met U.S. officials on Friday.", "The U.S.", "The end."]
    );
}

#[test]
fn sentence_quotes() {
    assert_eq!(
        sents("“We are ready.” Xi said. \"Fine,\" Han said. He left (quietly.) Then?"),
        [
            "“We are ready.”",
            "Xi said.",
            "\"Fine,\" Han said.",
            "He left (quietly.)",
            "Then?"
        ]
    );
}

#[test]
fn sentence_lines() {
    let text = "China seeks cooperation\nPresident Xi said this.\nHe said the line\nwraps here.\r\n\r\nNew para";
    assert_eq!(
        sents(text),
        [
            "China seeks cooperation",
            "President Xi said this.",
            "He said the line\nwraps here.",
            "New para"
        ]
    );
}

#[test]
fn odd_input_is_ordinary() {
    for text in [
        "",
        " ",
        "\u{feff}Hello\r\nWorld",
        "a\u{a0}b",
        "\0\0",
        "🙂🙂 Xi 🙂",
        "...",
        "'''",
        "$",
        "1.",
        "U.",
        "a.b.c.d.",
    ] {
        let doc = Tokenized::new(text);
        for t in doc.tokens() {
            assert!(text.get(t.span.range()).is_some());
            assert!(!t.span.is_empty());
        }
    }
    assert_eq!(toks("\u{feff}Hello"), ["Hello"]);
}

#[test]
fn offset_map_round_trip() {
    let text = "Xi’s 🙂 visit to 서울 on 2023-09-23";
    let map = OffsetMap::new(text);
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        assert_eq!(map.char_offset(bi).unwrap(), ci);
        assert_eq!(map.byte_offset(ci).unwrap(), bi);
    }
    assert_eq!(map.char_offset(text.len()).unwrap(), text.chars().count());
    assert!(map.char_offset(text.len() + 1).is_err());
    assert!(map.char_offset(3).is_err());
    assert_eq!(Span::new(0, 2).slice(text), Some("Xi"));
}

fn blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn tokens_are_ordered_exact_and_cover_non_space(text in "\\PC{0,200}") {
        let doc = Tokenized::new(&text);
        let mut last = 0usize;
        let mut covered = 0usize;
        for t in doc.tokens() {
            prop_assert!(t.span.start >= last);
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert!(!t.span.is_empty());
            // Skipped bytes are whitespace only.
            prop_assert!(blank(&text[last..t.span.start]));
            covered += t.span.len();
            last = t.span.end;
        }
        prop_assert!(blank(&text[last..]));
        prop_assert!(covered <= text.len());
        // Sentences partition the tokens.
        let mut next = 0usize;
        for s in doc.sentences() {
            prop_assert_eq!(s.tokens.start, next);
            prop_assert!(s.tokens.end > s.tokens.start);
            next = s.tokens.end;
        }
        prop_assert_eq!(next, doc.tokens().len());
    }

    #[test]
    fn offset_map_matches_char_indices(text in "\\PC{0,100}") {
        let map = OffsetMap::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(map.char_offset(bi).unwrap(), ci);
            prop_assert_eq!(map.byte_offset(ci).unwrap(), bi);
        }
    }
}
