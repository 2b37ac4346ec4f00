//! Article-parser throughput over a directory of `.txt` files (single thread, texts read into
//! memory first). Run it under `perf stat -e task-clock` for CPU time on a shared machine;
//! `dump` prints every parse (Debug form) instead, to compare two builds' output.
//!
//! ```sh
//! cargo run --release -p dateline-article --example article_throughput -- ../shared/data/news/bbc 10
//! cargo run --release -p dateline-article --example article_throughput -- DIR 1 dump > parses.txt
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
    let dump = args.next().is_some_and(|a| a == "dump");
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let mut paragraphs = 0usize;
    for _ in 0..rounds {
        for text in &texts {
            match dateline_article::parse(text) {
                Ok(a) if dump => println!("{a:?}"),
                Ok(a) => paragraphs += a.paragraphs.len(),
                Err(e) => println!("error: {e}"),
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6 * rounds as f64;
    eprintln!(
        "{} docs x {rounds}, {mb:.1} MB, {paragraphs} paragraphs: {:.1} MB/s (wall)",
        texts.len(),
        mb / secs
    );
}
