//! Statistical tagger throughput on real news text (tokens per second, one core).
//!
//! Reads BBC News articles from `$DATELINE_BENCH_DATA` (a folder of .txt files, searched
//! recursively) or `../shared/data/news/bbc` relative to the workspace, falling back to the
//! seed articles. Tokenization is done once outside the timed loop: the figure is the
//! tagger's own cost (feature hashing, weight lookups, greedy decoding). The model load
//! time (parsing the compiled-in weights) is printed once.
//!
//! `cargo bench -p dateline-entities --bench tagger`

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline_entities::tagger;
use dateline_text::{tokenize, Token};

mod common;
use common::corpus;

fn bench(c: &mut Criterion) {
    let t0 = Instant::now();
    let model = tagger::builtin();
    eprintln!(
        "model load: {:?} ({} weight rows, {} gazetteer phrases, {} bytes)",
        t0.elapsed(),
        model.rows(),
        model.phrases(),
        model.to_bytes().len()
    );
    let (source, docs) =
        corpus("Chinese President Xi Jinping met South Korean Prime Minister Han Duck-soo.");
    let tokenized: Vec<(&str, Vec<Token>)> =
        docs.iter().map(|d| (d.as_str(), tokenize(d))).collect();
    let tokens: usize = tokenized.iter().map(|(_, t)| t.len()).sum();
    eprintln!("corpus: {} docs, {tokens} tokens from {source}", docs.len());
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    group.bench_function("tag", |b| {
        b.iter(|| {
            tokenized
                .iter()
                .map(|(text, toks)| tagger::tag(text, toks).len())
                .sum::<usize>()
        });
    });
    group.bench_function("tokenize+tag", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| tagger::tag(d, &tokenize(d)).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
