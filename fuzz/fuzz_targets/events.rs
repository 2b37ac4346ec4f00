//! `dateline_events::{find, extract}` with arbitrary text, publication date and regions.
//! Checks that participants, host and place exist among the entities, that trigger,
//! evidence and date spans lie inside the text on character boundaries, that evidence
//! contains the trigger, typed errors for bad regions, and determinism.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::targets::events::run(data));
