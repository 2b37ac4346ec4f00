//! Times `dateline_events::extract` alone over a folder of `.txt` news files (entities and
//! dates are computed first, outside the clock), single thread, several rounds.
//!
//! ```sh
//! cargo run --release -p dateline-events --example events_throughput -- ../shared/data/news/bbc [ROUNDS]
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_events::{extract, Input};
use dateline_text::{Span, Tokenized};

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
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let doc = Tokenized::new(t);
            let entities = dateline_entities::extract_tokenized(&doc, None, &Default::default()).unwrap_or_default();
            let dates = dateline_dates::find(t, &Default::default());
            (doc, entities, dates)
        })
        .collect();
    let mut events = 0;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        events = 0;
        for (t, (doc, entities, dates)) in texts.iter().zip(&prepared) {
            let regions = [Span::new(0, t.len())];
            let input = Input::new(doc, entities, dates).with_regions(&regions);
            events += extract(&input).map_or(0, |e| e.len());
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} docs, {:.2} MB, {events} events: best of {rounds} rounds {best:.3} s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best
    );
}
