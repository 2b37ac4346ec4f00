//! Throughput of `dateline_dates::find` on real news text.
//!
//! Reads the BBC news corpus from `$DATELINE_BENCH_DATA` or `../../../shared/data/news/bbc`
//! (relative to this crate); falls back to the repository seeds repeated to ~4 MB when neither
//! exists. Also measures a 50 MB single line to show the scan stays linear.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dateline_dates::{find, Options};

mod common;
use common::collect;

fn corpus() -> (String, &'static str) {
    let dir = std::env::var_os("DATELINE_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc")
        });
    let mut text = String::new();
    collect(&dir, &mut text);
    if text.len() > 100_000 {
        return (text, "bbc");
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut one = String::new();
    collect(&seeds, &mut one);
    if one.is_empty() {
        one = "The minister said on Tuesday that talks would resume on Sept. 26.\n".to_string();
    }
    while text.len() < 4_000_000 {
        text.push_str(&one);
    }
    (text, "seeds")
}

fn bench_find(c: &mut Criterion) {
    let (text, name) = corpus();
    let anchored = Options::with_anchor(NaiveDate::from_ymd_opt(2005, 6, 1).expect("valid date"));
    let mut g = c.benchmark_group("find");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_with_input(BenchmarkId::new("anchored", name), &text, |b, t| {
        b.iter(|| find(t, &anchored));
    });
    g.bench_with_input(BenchmarkId::new("no_anchor", name), &text, |b, t| {
        b.iter(|| find(t, &Options::default()));
    });
    g.finish();

    // Linear on a pathological 50 MB single line.
    let line = text.replace('\n', " ");
    let mut big = String::with_capacity(50_000_000 + line.len());
    while big.len() < 50_000_000 {
        big.push_str(&line);
    }
    let mut g = c.benchmark_group("find_single_line");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("50MB", |b| b.iter(|| find(&big, &anchored)));
    g.finish();
}

criterion_group!(benches, bench_find);
criterion_main!(benches);
