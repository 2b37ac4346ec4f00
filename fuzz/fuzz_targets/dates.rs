//! `dateline_dates::{find, find_in, parse_one}` with arbitrary text, anchor, date order and
//! regions. Checks spans, TIMEX3 values, ranges, region containment and determinism.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::targets::dates::run(data));
