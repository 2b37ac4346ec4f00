//! Parsing speed on the seed dumps and on a large synthetic dump.
//!
//! `cargo bench -p dateline-article`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn seeds() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                out.push((e.file_name().to_string_lossy().into_owned(), text));
            }
        }
    }
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, text) in seeds() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("seed", &name), &text, |b, t| {
            b.iter(|| dateline_article::parse(t));
        });
    }
    let unit = "SEOUL, Sept 23 (Reuters) - North Korea fired a missile on Saturday, the military said.\nXi met Han in Hangzhou. / Photo: Reuters\nAdvertisement\n\nThe talks lasted two hours, officials said on Friday.\n";
    let big = unit.repeat(1024 * 1024 / unit.len());
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("synthetic_1MiB", |b| {
        b.iter(|| dateline_article::parse(&big))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
