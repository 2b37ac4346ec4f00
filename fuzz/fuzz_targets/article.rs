//! `dateline_article::parse_with` with arbitrary text and options. Checks every span, the
//! nesting of sub-spans, date values and windows, and determinism.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use dateline_article::{parse_with, ArticleError, ParseOptions};
use dateline_fuzz::check_article;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    reference: Option<(u16, u16)>,
    body_evidence: bool,
    detect_language: bool,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
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
});
