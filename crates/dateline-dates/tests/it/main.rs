//! Integration tests for dateline-dates: golden seeds, data-file cases, properties, hostile input.

// Tests may unwrap (see clippy.toml); helpers outside #[test] functions need this too.
#![allow(clippy::unwrap_used)]

mod cases;
mod hostile;
mod props;
mod refinements;
mod rules;
mod seeds;
