//! Golden tests on the three seed articles (read from the repository at test time).

use chrono::NaiveDate;
use dateline_dates::{find, AnchorUse, Modifier, Options, Timex, TimexKind};

fn seed(name: &str) -> String {
    let path = format!("{}/../../seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn all<'a>(found: &'a [Timex], text: &str) -> Vec<&'a Timex> {
    found.iter().filter(|t| t.text == text).collect()
}

fn check_spans(text: &str, found: &[Timex]) {
    for t in found {
        assert_eq!(&text[t.span.range()], t.text);
    }
}

#[test]
fn seed_000_against_its_dct() {
    let text = seed("000_6cb1cf4919cbac8a.txt");
    let found = find(&text, &Options::with_anchor(date("2023-09-23")));
    check_spans(&text, &found);
    let one = |s: &str| {
        let v = all(&found, s);
        assert!(!v.is_empty(), "{s:?} not found in {found:#?}");
        v[0].clone()
    };
    assert_eq!(one("September 23, 2023").value, "2023-09-23");
    let saturdays = all(&found, "Saturday");
    assert_eq!(saturdays.len(), 2);
    for s in saturdays {
        assert_eq!(s.value, "2023-09-23");
        assert_eq!(s.anchor, AnchorUse::Published);
        let prefix = &text[..s.span.start];
        assert!(prefix.ends_with("on "), "\"on\" stays outside the extent");
    }
    assert_eq!(one("Sept. 26").value, "2023-09-26");
    let four = one("four years");
    assert_eq!(
        (four.kind, four.value.as_str()),
        (TimexKind::Duration, "P4Y")
    );
    let earlier = one("earlier this month");
    assert_eq!(earlier.value, "2023-09");
    assert_eq!(
        earlier.range(),
        Some((date("2023-09-01"), date("2023-09-30")))
    );
    assert_eq!(one("Thursday").value, "2023-09-21");
}

#[test]
fn seed_004_against_its_header_date() {
    let text = seed("004_5150d573eb016490.txt");
    let found = find(&text, &Options::with_anchor(date("2022-01-01")));
    check_spans(&text, &found);
    let dec = all(&found, "December 2019");
    assert_eq!(dec.len(), 1);
    assert_eq!(dec[0].value, "2019-12");
    let nearly = all(&found, "nearly three years");
    assert_eq!(nearly.len(), 1);
    assert_eq!(nearly[0].kind, TimexKind::Duration);
    assert_eq!(nearly[0].value, "P3Y");
    assert!(matches!(
        nearly[0].modifier,
        Some(Modifier::LessThan | Modifier::Approx)
    ));
}

#[test]
fn seed_003_without_anchor() {
    let text = seed("003_fa70326514a1b195.txt");
    let found = find(&text, &Options::default());
    check_spans(&text, &found);
    let nov = all(&found, "November 2022");
    assert_eq!(nov.len(), 1);
    assert_eq!(nov[0].value, "2022-11");
    let next = all(&found, "next month");
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].kind, TimexKind::Date);
    assert!(
        next[0].value.contains('X'),
        "unresolved without an anchor: {}",
        next[0].value
    );
    assert_eq!(next[0].range(), None);
    assert_eq!(next[0].anchor, AnchorUse::None);
}
