//! Extraction throughput on real news text.
//!
//! Reads BBC News articles from `$DATELINE_BENCH_DATA` (a folder of .txt files, searched
//! recursively) or `../shared/data/news/bbc` relative to the workspace, falling back to the
//! seed articles. Reports tokens per second (one core), with and without the tagger.
//!
//! `cargo bench -p dateline-entities --bench extract`

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline_entities::{extract_tokenized, Options};
use dateline_text::Tokenized;

mod common;
use common::corpus;

fn bench(c: &mut Criterion) {
    let t0 = Instant::now();
    let stats = dateline_entities::gazetteer_stats();
    eprintln!(
        "gazetteer build: {:?} ({} entries, {} surfaces)",
        t0.elapsed(),
        stats.entries,
        stats.surfaces
    );
    let (source, docs) = corpus(
        "Chinese President Xi Jinping met South Korean Prime Minister Han Duck-soo in Hangzhou.",
    );
    let tokenized: Vec<Tokenized<'_>> = docs.iter().map(|d| Tokenized::new(d)).collect();
    let tokens: usize = tokenized.iter().map(|t| t.tokens().len()).sum();
    eprintln!("corpus: {} docs, {tokens} tokens from {source}", docs.len());
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    for (name, opts) in [
        ("rules+gazetteers", Options::default().with_tagger(false)),
        ("with tagger", Options::default()),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for doc in &tokenized {
                    n += extract_tokenized(doc, None, &opts).map_or(0, |e| e.mentions.len());
                }
                n
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
