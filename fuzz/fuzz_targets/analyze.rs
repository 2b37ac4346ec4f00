//! `dateline::analyze` (the whole pipeline) with arbitrary text and options. Checks the
//! article, dates, entities and quotes, the JSON record's code-point offsets, and that two
//! runs give the same JSON.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::targets::analyze::run(data));
