//! `dateline_entities::{extract, extract_in}` with arbitrary text, tagger on/off and regions.
//! Checks mention spans and texts, order, entity/mention cross indices, region containment,
//! typed errors for bad regions, and determinism.
#![no_main]

use arbitrary::Arbitrary;
use dateline_entities::{extract, extract_in, EntityError, Options};
use dateline_fuzz::check_entities;
use dateline_text::Span;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    tagger: bool,
    regions: Vec<(u16, u16)>,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let opts = Options::default().with_tagger(input.tagger);
    let text = input.text;

    let all = extract(text, &opts);
    check_entities(text, &all);
    assert_eq!(all, extract(text, &opts), "extract is not deterministic");

    let regions: Vec<Span> = input
        .regions
        .iter()
        .take(8)
        .map(|&(a, b)| Span::new(usize::from(a), usize::from(b)))
        .collect();
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
        Err(EntityError::RegionOutOfBounds { .. } | EntityError::RegionNotCharBoundary { .. }) => {
            assert!(!valid, "extract_in refused valid regions {regions:?}");
        }
        Err(e) => panic!("unexpected error: {e}"),
    }
});
