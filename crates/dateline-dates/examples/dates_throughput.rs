//! `find` throughput in MB per CPU second (one thread), robust to a loaded machine: the
//! time is this thread's own CPU time from `/proc/thread-self/schedstat` (Linux), not wall
//! time, so waiting for a core does not count (cache pressure from other processes still
//! does: the figures are lower bounds).
//!
//! ```text
//! cargo run --release -p dateline-dates --example dates_throughput -- [DIR] [--rounds N]
//! ```
//!
//! `DIR` is a folder of `.txt` news articles searched recursively, joined into one text as
//! the criterion bench `benches/find.rs` does; default `$DATELINE_BENCH_DATA` or
//! `../shared/data/news/bbc`. Prints the median and best round, anchored (DCT 2005-06-01,
//! as in the bench) and without an anchor.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use dateline_dates::{find, Options};

#[path = "../benches/common/mod.rs"]
mod common;
use common::collect;

/// This thread's CPU time in nanoseconds, if the kernel reports it.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 15usize;
    let mut dir = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--rounds" {
            rounds = it.next().and_then(|v| v.parse().ok()).unwrap_or(rounds);
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir = dir
        .or_else(|| std::env::var("DATELINE_BENCH_DATA").ok().map(PathBuf::from))
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc")
        });
    let mut text = String::new();
    collect(&dir, &mut text);
    if text.is_empty() || cpu_ns().is_none() {
        eprintln!(
            "error: no .txt files under {} or no /proc/thread-self/schedstat",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let mb = text.len() as f64 / 1e6;
    println!("{mb:.2} MB from {}; {rounds} rounds each", dir.display());
    let anchored = Options::with_anchor(NaiveDate::from_ymd_opt(2005, 6, 1).expect("valid date"));
    for (name, opts) in [("anchored", anchored), ("no anchor", Options::default())] {
        let mut secs = Vec::with_capacity(rounds);
        let mut found = 0;
        for _ in 0..rounds.max(1) {
            let t0 = cpu_ns().unwrap_or(0);
            found = std::hint::black_box(find(&text, &opts)).len();
            let t1 = cpu_ns().unwrap_or(0);
            secs.push(t1.saturating_sub(t0) as f64 / 1e9);
        }
        secs.sort_by(f64::total_cmp);
        let median = secs[secs.len() / 2];
        let best = secs[0];
        println!(
            "{name:10} {found} expressions; CPU per pass: median {:.1} ms = {:.1} MB/s, best {:.1} ms = {:.1} MB/s",
            median * 1e3,
            mb / median,
            best * 1e3,
            mb / best
        );
    }
    ExitCode::SUCCESS
}
