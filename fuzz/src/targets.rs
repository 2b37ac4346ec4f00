//! The fuzz targets' bodies, callable on raw bytes: `fuzz_targets/*.rs` hand libFuzzer's input
//! to these, and `tests/replay.rs` runs every committed input of `regressions/TARGET/` through
//! them. Each decodes its options and text with `arbitrary` exactly as
//! `fuzz_target!(|input: Input| ..)` would (`arbitrary_take_rest`), so corpora stay valid.

use arbitrary::{Arbitrary, Unstructured};

/// `dates` target.
pub mod dates {
    //! `dateline_dates::{find, find_in, parse_one}` with arbitrary text, anchor, date order,
    //! joined spans on or off and regions. Checks spans, TIMEX3 values, ranges, region
    //! containment and determinism.
    use super::*;
    use crate::{check_timex, check_timexes};
    use chrono::NaiveDate;
    use dateline_dates::{find, find_in, parse_one, DateOrder, Options};

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

    /// Runs the target on raw fuzzer bytes; panics on a broken invariant.
    pub fn run(data: &[u8]) {
        let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
            return;
        };
        let mut opts = Options::default();
        opts.anchor = anchor(input.anchor);
        opts.date_order = match input.order % 3 {
            0 => DateOrder::Mdy,
            1 => DateOrder::Dmy,
            _ => DateOrder::Ymd,
        };
        // A high bit of the same byte joins span ends (the pipeline's setting), so existing
        // corpora stay valid.
        opts.join_ranges = input.order & 0x10 != 0;
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

        let regions = spans(&input.regions);
        let some = find_in(text, &regions, &opts);
        check_timexes(text, &some);
        // `find_in` merges overlapping and touching regions: an expression may cross from one
        // into the next, never out of their union.
        let union = merged(&regions, text.len());
        for t in &some {
            assert!(
                union
                    .iter()
                    .any(|&(s, e)| s <= t.span.start && t.span.end <= e),
                "find_in result {:?} at {}..{} outside the regions {regions:?}",
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
    }
}

/// `article` target.
pub mod article {
    //! `dateline_article::parse_with` with arbitrary text and options. Checks every span, the
    //! nesting of sub-spans, date values and windows, and determinism.
    use super::*;
    use crate::check_article;
    use chrono::NaiveDate;
    use dateline_article::{parse_with, ArticleError, ParseOptions};

    #[derive(Debug, Arbitrary)]
    struct Input<'a> {
        reference: Option<(u16, u16)>,
        body_evidence: bool,
        detect_language: bool,
        text: &'a str,
    }

    /// Runs the target on raw fuzzer bytes; panics on a broken invariant.
    pub fn run(data: &[u8]) {
        let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
            return;
        };
        let opts = ParseOptions {
            reference_date: input.reference.and_then(|(y, d)| {
                NaiveDate::from_yo_opt(i32::from(y % 9999) + 1, u32::from(d % 365) + 1)
            }),
            body_evidence: input.body_evidence,
            detect_language: input.detect_language,
            ..ParseOptions::default()
        };
        let text = input.text;
        match parse_with(text, &opts) {
            Ok(a) => {
                check_article(text, &a);
                let again = parse_with(text, &opts).expect("second parse failed");
                assert_eq!(a, again, "parse is not deterministic");
                let _ = a.summary(text);
            }
            Err(ArticleError::Binary { .. }) => {
                assert!(
                    text.bytes().any(|b| b == 0),
                    "Binary error without NUL bytes"
                );
            }
            Err(e) => panic!("unexpected error on a small input: {e}"),
        }
    }
}

/// `entities` target.
pub mod entities {
    //! `dateline_entities::{extract, extract_in}` with arbitrary text, tagger on/off and regions.
    //! Checks mention spans and texts, order, entity/mention cross indices, region containment,
    //! typed errors for bad regions, and determinism.
    use super::*;
    use crate::check_entities;
    use dateline_entities::{extract, extract_in, EntityError, Options};

    #[derive(Debug, Arbitrary)]
    struct Input<'a> {
        tagger: bool,
        regions: Vec<(u16, u16)>,
        text: &'a str,
    }

    /// Runs the target on raw fuzzer bytes; panics on a broken invariant.
    pub fn run(data: &[u8]) {
        let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
            return;
        };
        let opts = Options::default().with_tagger(input.tagger);
        let text = input.text;

        let all = extract(text, &opts);
        check_entities(text, &all);
        assert_eq!(all, extract(text, &opts), "extract is not deterministic");

        let regions = spans(&input.regions);
        let valid = regions.iter().all(|r| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        });
        match extract_in(text, &regions, &opts) {
            Ok(some) => {
                assert!(valid, "extract_in accepted invalid regions {regions:?}");
                check_entities(text, &some);
                for m in &some.mentions {
                    assert!(
                        regions
                            .iter()
                            .any(|r| r.start <= m.span.start && m.span.end <= r.end),
                        "mention {:?} at {}..{} outside every region {regions:?}",
                        m.text,
                        m.span.start,
                        m.span.end
                    );
                }
                assert_eq!(
                    some,
                    extract_in(text, &regions, &opts).expect("second extract_in failed"),
                    "extract_in is not deterministic"
                );
            }
            Err(
                EntityError::RegionOutOfBounds { .. } | EntityError::RegionNotCharBoundary { .. },
            ) => {
                assert!(!valid, "extract_in refused valid regions {regions:?}");
            }
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
}

/// `analyze` target.
pub mod analyze {
    //! `dateline::analyze` (the whole pipeline) with arbitrary text and options. Checks the
    //! article, dates, entities and quotes, the JSON record's code-point offsets, and that two
    //! runs give the same JSON.
    use super::*;
    use crate::check_document;
    use chrono::NaiveDate;
    use dateline::dates::DateOrder;
    use dateline::{analyze, Error, Options};

    #[derive(Debug, Arbitrary)]
    struct Input<'a> {
        published: Option<(u16, u16)>,
        order: u8,
        tagger: bool,
        text: &'a str,
    }

    /// Runs the target on raw fuzzer bytes; panics on a broken invariant.
    pub fn run(data: &[u8]) {
        let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
            return;
        };
        let mut opts = Options::default().with_id("fuzz").with_tagger(input.tagger);
        if let Some(d) = input.published.and_then(|(y, d)| {
            NaiveDate::from_yo_opt(i32::from(y % 9999) + 1, u32::from(d % 365) + 1)
        }) {
            opts = opts.with_published(d);
        }
        opts = opts.with_date_order(match input.order % 3 {
            0 => DateOrder::Mdy,
            1 => DateOrder::Dmy,
            _ => DateOrder::Ymd,
        });
        let text = input.text;
        match analyze(text, &opts) {
            Ok(doc) => {
                check_document(text, &doc);
                let first = doc.to_json_string(text).expect("to_json_string");
                let again = analyze(text, &opts).expect("second analyze failed");
                let second = again.to_json_string(text).expect("to_json_string");
                assert_eq!(first, second, "analyze is not deterministic");
            }
            Err(Error::Binary { .. }) => {
                assert!(
                    text.bytes().any(|b| b == 0),
                    "Binary error without NUL bytes"
                );
            }
            Err(e) => panic!("unexpected error on a small input: {e}"),
        }
    }
}

/// `events` target.
pub mod events {
    //! `dateline_events::{find, extract}` with arbitrary text, publication date and raw
    //! regions. Checks the events' invariants (see [`crate::check_events`]), that `extract`
    //! fails exactly for regions that are not byte ranges of the text on character boundaries
    //! and otherwise yields evidence inside the regions, and determinism.
    use super::*;
    use crate::check_events;
    use chrono::NaiveDate;
    use dateline_events::{extract, find, Input};
    use dateline_text::{Span, Tokenized};

    #[derive(Debug, Arbitrary)]
    struct Input2<'a> {
        published: Option<(u16, u16)>,
        regions: Vec<(u16, u16)>,
        dateline: Option<(u16, u16)>,
        text: &'a str,
    }

    /// Runs the target on raw fuzzer bytes; panics on a broken invariant.
    pub fn run(data: &[u8]) {
        let Ok(input) = Input2::arbitrary_take_rest(Unstructured::new(data)) else {
            return;
        };
        let published = input
            .published
            .and_then(|(y, d)| NaiveDate::from_yo_opt(i32::from(y % 9999) + 1, u32::from(d % 365) + 1));
        let text = input.text;
        let found = find(text, published);
        check_events(text, &found.entities, &found.events);
        assert_eq!(found, find(text, published), "find is not deterministic");

        let doc = Tokenized::new(text);
        let regions = spans(&input.regions);
        let dateline = input
            .dateline
            .map(|(a, b)| Span::new(usize::from(a), usize::from(b)))
            .filter(|s| s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let valid = regions
            .iter()
            .all(|r| r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let run = || {
            extract(
                &Input::new(&doc, &found.entities, &found.dates)
                    .with_regions(&regions)
                    .with_published(published)
                    .with_dateline_place(dateline),
            )
        };
        match run() {
            Ok(events) => {
                assert!(valid, "extract accepted bad regions {regions:?}");
                check_events(text, &found.entities, &events);
                let union = merged(&regions, text.len());
                for e in &events {
                    for ev in &e.evidence {
                        assert!(
                            union.iter().any(|&(s, en)| s <= ev.start && ev.end <= en),
                            "evidence {ev:?} outside the regions {regions:?}"
                        );
                    }
                }
                assert_eq!(Ok(events), run(), "extract is not deterministic");
            }
            Err(e) => assert!(!valid, "extract refused valid regions {regions:?}: {e}"),
        }
    }
}

/// Up to 8 raw (start, end) byte pairs as spans (out of bounds, inside a character or
/// inverted: the targets check how each API takes them).
fn spans(raw: &[(u16, u16)]) -> Vec<dateline_text::Span> {
    raw.iter()
        .take(8)
        .map(|&(a, b)| dateline_text::Span::new(usize::from(a), usize::from(b)))
        .collect()
}

/// The union of `regions` clipped to `len`, as sorted disjoint `(start, end)` pairs (regions
/// that overlap or touch are one).
fn merged(regions: &[dateline_text::Span], len: usize) -> Vec<(usize, usize)> {
    let mut rs: Vec<(usize, usize)> = regions
        .iter()
        .map(|r| (r.start.min(len), r.end.min(len)))
        .filter(|(s, e)| e > s)
        .collect();
    rs.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(rs.len());
    for (s, e) in rs {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}
