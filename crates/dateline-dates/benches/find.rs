//! Throughput of `dateline_dates::find` (placeholder until the bench lands).
#![allow(missing_docs)]
fn main() {}
