//! Tokenizer and sentence-splitter throughput over a directory of `.txt` files (single
//! thread, texts read into memory first). Run it under `perf stat -e task-clock` for the CPU
//! time on a shared machine.
//!
//! ```sh
//! cargo run --release -p dateline-text --example text_throughput -- ../shared/data/news/bbc 20
//! perf stat -e task-clock target/release/examples/text_throughput DIR 20 tokenize   # minus `... none`
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| ".".to_owned());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    // "tokenize", "sentences" or "none" (reading only): one stage, for `perf stat`.
    let only = args.next().unwrap_or_default();
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6 * rounds as f64;
    let mut buf = Vec::new();
    let mut n = 0usize;
    let start = Instant::now();
    for _ in 0..rounds {
        if only == "sentences" || only == "none" {
            break;
        }
        for text in &texts {
            dateline_text::tokenize_into(text, &mut buf);
            n += buf.len();
        }
    }
    let tok = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for _ in 0..rounds {
        if only == "tokenize" || only == "none" {
            break;
        }
        for text in &texts {
            n += dateline_text::Tokenized::new(text).sentences().len();
        }
    }
    let both = start.elapsed().as_secs_f64();
    println!(
        "{} docs x {rounds}, {mb:.1} MB: tokenize {:.0} MB/s, tokenize+sentences {:.0} MB/s ({n})",
        texts.len(),
        mb / tok,
        mb / both
    );
}
