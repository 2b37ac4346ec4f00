//! `dateline::analyze` (the whole pipeline) with arbitrary text and options. Checks the
//! article, dates, entities and quotes, the JSON record's code-point offsets, and that two
//! runs give the same JSON.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use dateline::dates::DateOrder;
use dateline::{analyze, Error, Options};
use dateline_fuzz::check_document;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    published: Option<(u16, u16)>,
    order: u8,
    tagger: bool,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let mut opts = Options::default().with_id("fuzz").with_tagger(input.tagger);
    if let Some(d) = input
        .published
        .and_then(|(y, d)| NaiveDate::from_yo_opt(i32::from(y % 9999) + 1, u32::from(d % 365) + 1))
    {
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
});
