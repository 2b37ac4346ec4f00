//! Integration tests of the `dateline` pipeline: seed goldens, targeted asserts on the seeds,
//! and property tests (exact spans, code-point offsets, determinism, no panics).

// Tests may unwrap (clippy.toml allows it in #[test] functions; helpers here are test code too).
#![allow(clippy::unwrap_used)]

mod props;
mod seeds;
