//! `dateline_article::parse_with` with arbitrary text and options. Checks every span, the
//! nesting of sub-spans, date values and windows, and determinism.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::targets::article::run(data));
