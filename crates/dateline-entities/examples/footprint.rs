//! Prints the gazetteers' build time, sizes and the memory they take (resident set size
//! before and after the first build, from /proc/self/statm on Linux).
//!
//! `cargo run --release -p dateline-entities --example footprint`

use std::time::Instant;

fn rss_kib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4)
}

fn main() {
    let before = rss_kib();
    let t0 = Instant::now();
    let stats = dateline_entities::gazetteer_stats();
    let build = t0.elapsed();
    let after = rss_kib();
    let t1 = Instant::now();
    let _ = dateline_entities::extract(
        "Xi Jinping met Han Duck-soo in Hangzhou.",
        &Default::default(),
    );
    let first = t1.elapsed();
    println!("gazetteer build: {build:?}; first extract (tagger weights load included): {first:?}");
    println!("{stats:#?}");
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "resident memory: {b} KiB before, {a} KiB after the gazetteer build (+{} KiB)",
            a.saturating_sub(b)
        );
    }
    if let Some(total) = rss_kib() {
        println!("resident memory after first extract (with tagger weights): {total} KiB");
    }
}
