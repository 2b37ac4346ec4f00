//! Integration tests of the `dateline` pipeline: seed goldens, targeted asserts, properties.

mod seeds;
