//! Property tests: spans, well-formed values, ranges, determinism.

use chrono::NaiveDate;
use dateline_dates::{find, find_in, Options, TimexKind};
use dateline_text::Span;
use proptest::prelude::*;

/// Text made of date-ish fragments, so the grammar is actually exercised.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "on",
        "Saturday",
        "Sept.",
        "26",
        ",",
        "2023",
        "the",
        "past",
        "year",
        "nearly",
        "three",
        "years",
        "ago",
        "last",
        "week",
        "mid-",
        "1990s",
        "'",
        "Q3",
        "5",
        "p.m.",
        "KST",
        "09:55",
        "15/11/2022",
        "2023-09-23",
        "every",
        "day",
        "Christmas",
        "é",
        "—",
        "\u{a0}",
        "\n",
        "next",
        "month",
        "earlier",
        "this",
        "more",
        "than",
        "a",
        "decade",
        "Nov.",
        "15-16",
        "said",
        "will",
        "tomorrow",
        "31",
        "February",
        "30",
        "12345678",
        ".",
        "of",
        "summer",
        "fall",
        "€",
        "from",
        "to",
        "between",
        "and",
        "-",
        "–",
        "21st",
        "fourth",
        "morning",
        "April",
        "June",
        "quarter",
        "IST",
        "ET",
        "|",
        "at",
        "PM",
        "11.30",
        "pm",
        "20.05.2020",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

fn valid_value(v: &str) -> bool {
    !v.is_empty()
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'+' | b'_'))
}

fn check(text: &str, opts: &Options) -> Result<(), TestCaseError> {
    let found = find(text, opts);
    let mut prev_end = 0;
    for t in &found {
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert_eq!(&text[t.span.range()], t.text.as_str());
        prop_assert!(t.span.start >= prev_end, "overlap or disorder");
        prev_end = t.span.end;
        prop_assert!(valid_value(&t.value), "bad value {:?}", t.value);
        if let Some((a, b)) = t.range() {
            prop_assert!(a <= b);
            prop_assert!(matches!(t.kind, TimexKind::Date | TimexKind::Time));
        }
        if opts.anchor.is_none() {
            // Never the machine clock: without an anchor only mentions in the text resolve.
            prop_assert_ne!(t.anchor, dateline_dates::AnchorUse::Published);
        }
    }
    prop_assert_eq!(&found, &find(text, opts), "deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_values_ranges_newsish(text in newsish()) {
        check(&text, &Options::default())?;
        let mut opts = Options::with_anchor(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
        check(&text, &opts)?;
        opts.join_ranges = true;
        check(&text, &opts)?;
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text, &Options::with_anchor(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()))?;
    }

    #[test]
    fn find_in_stays_inside(text in newsish(), a in 0usize..400, b in 0usize..400) {
        let region = Span::new(a.min(b), a.max(b));
        let mut joined = Options::default();
        joined.join_ranges = true;
        for opts in [Options::default(), joined] {
            for t in find_in(&text, &[region], &opts) {
                prop_assert!(t.span.start >= region.start && t.span.end <= region.end);
                prop_assert_eq!(&text[t.span.range()], t.text.as_str());
            }
        }
    }
}
