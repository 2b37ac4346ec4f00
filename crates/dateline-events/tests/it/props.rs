//! Property tests: on any text built from news words, names, triggers, punctuation and odd
//! characters, events keep their invariants and extraction is deterministic.

use chrono::NaiveDate;
use dateline_events::find;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Xi Jinping",
    "Yoon Suk-yeol",
    "Han Duck-soo",
    "President",
    "Prime Minister",
    "Chinese",
    "South Korean",
    "his counterpart",
    "China",
    "Japan",
    "Seoul",
    "Hangzhou",
    "NATO",
    "the EU",
    "met",
    "meet",
    "meeting",
    "held talks",
    "talks",
    "visit",
    "visited",
    "arrived in",
    "hosted",
    "spoke by phone",
    "called",
    "summit",
    "negotiations",
    "mediated",
    "will",
    "is to",
    "would consider",
    "declined to",
    "not",
    "called off",
    "he",
    "she",
    "they",
    "the two leaders",
    "the meeting",
    "with",
    "between",
    "and",
    "in",
    "at",
    "on",
    "to",
    "by",
    "of",
    "said",
    "reported",
    "on Saturday",
    "next month",
    "in March",
    "today",
    "Sept. 26",
    "2023",
    ",",
    ".",
    ";",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "(",
    ")",
    "--",
    "\n",
    "\n\n",
    "é",
    "😀",
    "\u{a0}",
    "\r\n",
    "'s",
    "\u{2019}s",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..60).prop_map(|ws| ws.join(" "))
}

fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1i32..9999, 1u32..366).prop_filter_map("a day", |(y, d)| NaiveDate::from_yo_opt(y, d)),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn events_keep_their_invariants(text in text(), published in published()) {
        let found = find(&text, published);
        let n = found.entities.entities.len();
        for e in &found.events {
            prop_assert!(!e.participants.is_empty());
            prop_assert!(e.participants.iter().all(|&p| p < n));
            prop_assert!(e.host.map_or(true, |h| h < n) && e.place.map_or(true, |p| p < n));
            prop_assert!(text.get(e.trigger.range()).is_some_and(|t| !t.is_empty()));
            prop_assert!(e.evidence.iter().all(|s| text.get(s.range()).is_some()));
            prop_assert!(e.evidence.iter().any(|s| s.start <= e.trigger.start && e.trigger.end <= s.end));
            prop_assert!(e.evidence.windows(2).all(|w| w[0].end <= w[1].start));
            if let Some(d) = &e.date {
                prop_assert!(!d.value.is_empty());
                prop_assert!(d.span.map_or(true, |s| text.get(s.range()).is_some()));
            }
            prop_assert!((0.0..=1.0).contains(&e.confidence));
        }
        prop_assert_eq!(&found, &find(&text, published));
    }
}
