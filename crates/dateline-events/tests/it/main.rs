//! Integration tests of `dateline-events`: one invented sentence per pattern (kinds,
//! participants, status, date, place, merging, non-events) and property tests of the
//! invariants on arbitrary news-like text.

// Tests may unwrap (clippy.toml allows it in #[test] functions; helpers here are test code too).
#![allow(clippy::unwrap_used)]

mod dates_places;
mod patterns;
mod props;
mod triggers;
