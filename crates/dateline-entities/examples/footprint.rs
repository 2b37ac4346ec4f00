//! Prints the gazetteers' build time, sizes and the memory they take (resident set size
//! before and after the first build, from /proc/self/statm on Linux).
//!
//! `cargo run --release -p dateline-entities --example footprint`
//!
//! Times are wall time and this thread's CPU time (from `/proc/thread-self/schedstat`, so
//! waiting for a core on a loaded machine does not count).

use std::time::Instant;

fn rss_kib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4)
}

/// This thread's CPU time in milliseconds, if the kernel reports it.
fn cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e6)
}

fn main() {
    let before = rss_kib();
    let (t0, c0) = (Instant::now(), cpu_ms());
    let stats = dateline_entities::gazetteer_stats();
    let (build, c1) = (t0.elapsed(), cpu_ms());
    let after = rss_kib();
    let t1 = Instant::now();
    let _ = dateline_entities::extract(
        "Xi Jinping met Han Duck-soo in Hangzhou.",
        &Default::default(),
    );
    let (first, c2) = (t1.elapsed(), cpu_ms());
    println!("gazetteer build: {build:?}; first extract (tagger weights load included): {first:?}");
    if let (Some(c0), Some(c1), Some(c2)) = (c0, c1, c2) {
        println!(
            "CPU time: gazetteer build {:.1} ms; first extract {:.1} ms",
            c1 - c0,
            c2 - c1
        );
    }
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
