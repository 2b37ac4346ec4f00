//! `dateline_entities::{extract, extract_in}` with arbitrary text, tagger on/off and regions.
//! Checks mention spans and texts, order, entity/mention cross indices, region containment,
//! typed errors for bad regions, and determinism.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::targets::entities::run(data));
