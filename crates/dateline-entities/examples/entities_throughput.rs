//! Extraction throughput in tokens per CPU second (one thread), robust to a loaded
//! machine: the time is this thread's own CPU time from `/proc/thread-self/schedstat`
//! (Linux), not wall time, so waiting for a core does not count. Cache pressure from
//! other processes still does: the figures are lower bounds.
//!
//! ```text
//! cargo run --release -p dateline-entities --example entities_throughput -- [DIR] [--rounds N] [--only rules|full|tagger]
//! ```
//!
//! `DIR` is a folder of `.txt` news articles searched recursively (the first 400 files
//! in path order, as the criterion bench `benches/extract.rs` reads them); default
//! `$DATELINE_BENCH_DATA` or `../shared/data/news/bbc`. Tokenization is done once,
//! outside the timed loop, as in the bench. Prints the median and best round of each
//! configuration (rules only, with the tagger, the tagger alone).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline_entities::{extract_tokenized, tagger, Options};
use dateline_text::Tokenized;

#[path = "../benches/common/mod.rs"]
mod common;
use common::read_first;

/// This thread's CPU time in nanoseconds, if the kernel reports it.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 15usize;
    let mut dir = None;
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--rounds" {
            rounds = it.next().and_then(|v| v.parse().ok()).unwrap_or(rounds);
        } else if a == "--only" {
            only = it.next().cloned();
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir = dir
        .or_else(|| std::env::var("DATELINE_BENCH_DATA").ok().map(PathBuf::from))
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc")
        });
    let docs = read_first(&dir, 400);
    if docs.is_empty() || cpu_ns().is_none() {
        eprintln!(
            "error: no .txt files under {} or no /proc/thread-self/schedstat",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let tokenized: Vec<Tokenized<'_>> = docs.iter().map(|d| Tokenized::new(d)).collect();
    let tokens: usize = tokenized.iter().map(|t| t.tokens().len()).sum();
    println!(
        "{} docs, {tokens} tokens from {}; {rounds} rounds per configuration",
        docs.len(),
        dir.display()
    );
    let run = |opts: Option<&Options>| -> usize {
        tokenized
            .iter()
            .map(|doc| match opts {
                Some(o) => extract_tokenized(doc, None, o).map_or(0, |e| e.mentions.len()),
                None => tagger::tag_tokenized(doc).len(),
            })
            .sum()
    };
    let rules = Options::default().with_tagger(false);
    let full = Options::default();
    for (key, name, opts) in [
        ("rules", "rules + gazetteers", Some(&rules)),
        ("full", "with the tagger (default)", Some(&full)),
        ("tagger", "tagger alone", None),
    ] {
        if only.as_deref().is_some_and(|o| o != key) {
            continue;
        }
        std::hint::black_box(run(opts)); // warm-up (and the one-time loads)
        let mut per_round: Vec<f64> = (0..rounds)
            .map(|_| {
                let t0 = cpu_ns().unwrap_or(0);
                std::hint::black_box(run(opts));
                let ns = cpu_ns().unwrap_or(0).saturating_sub(t0).max(1);
                tokens as f64 / (ns as f64 * 1e-9)
            })
            .collect();
        per_round.sort_by(f64::total_cmp);
        let median = per_round[per_round.len() / 2];
        let best = per_round[per_round.len() - 1];
        println!(
            "{name:<26} median {:>6.2} M tokens/CPU-s, best {:>6.2} M",
            median / 1e6,
            best / 1e6
        );
    }
    ExitCode::SUCCESS
}
