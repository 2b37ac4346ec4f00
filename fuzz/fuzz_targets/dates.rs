//! `dateline_dates::{find, find_in, parse_one}` with arbitrary text, anchor, date order and
//! regions. Checks spans, TIMEX3 values, ranges, region containment and determinism.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use dateline_dates::{find, find_in, parse_one, DateOrder, Options};
use dateline_fuzz::{check_timex, check_timexes};
use dateline_text::Span;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    /// Anchor as (year offset from 1, day of year); `None` for no anchor.
    anchor: Option<(u16, u16)>,
    order: u8,
    /// Regions as raw byte offsets (may be out of bounds or inside a character).
    regions: Vec<(u16, u16)>,
    text: &'a str,
}

fn anchor(raw: Option<(u16, u16)>) -> Option<NaiveDate> {
    // Years 1..=9999: every date an archive can hold.
    let (y, d) = raw?;
    let year = i32::from(y % 9999) + 1;
    NaiveDate::from_yo_opt(year, u32::from(d % 365) + 1)
}

fuzz_target!(|input: Input<'_>| {
    let mut opts = Options::default();
    opts.anchor = anchor(input.anchor);
    opts.date_order = match input.order % 3 {
        0 => DateOrder::Mdy,
        1 => DateOrder::Dmy,
        _ => DateOrder::Ymd,
    };
    let text = input.text;

    let all = find(text, &opts);
    check_timexes(text, &all);
    assert_eq!(all, find(text, &opts), "find is not deterministic");
    if opts.anchor.is_none() {
        // Without an anchor nothing may claim to be resolved against one.
        for t in &all {
            assert_ne!(
                t.anchor,
                dateline_dates::AnchorUse::Published,
                "{t:?} without anchor"
            );
        }
    }

    let regions: Vec<Span> = input
        .regions
        .iter()
        .take(8)
        .map(|&(a, b)| Span::new(usize::from(a), usize::from(b)))
        .collect();
    let some = find_in(text, &regions, &opts);
    check_timexes(text, &some);
    for t in &some {
        assert!(
            regions
                .iter()
                .any(|r| r.start <= t.span.start && t.span.end <= r.end),
            "find_in result {:?} at {}..{} outside every region {regions:?}",
            t.text,
            t.span.start,
            t.span.end
        );
    }
    assert_eq!(
        some,
        find_in(text, &regions, &opts),
        "find_in is not deterministic"
    );

    // parse_one on a short prefix (date lines are short).
    let cut = text.char_indices().nth(64).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    match parse_one(head, &opts) {
        Ok(t) => check_timex(head, &t),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
