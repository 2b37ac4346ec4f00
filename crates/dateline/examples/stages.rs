//! Times each pipeline stage over a directory of `.txt` news files (single thread), to see
//! where `analyze` spends its time.
//!
//! ```sh
//! cargo run --release -p dateline --example stages -- ../shared/data/news/bbc
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline::text::{Span, Tokenized};

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
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut t = [Duration::ZERO; 7];
    let names = [
        "article",
        "dates",
        "tokenize",
        "entities",
        "quotes",
        "events",
        "analyze+json",
    ];
    for text in &texts {
        let s = Instant::now();
        let Ok(article) = dateline::article::parse(text) else {
            continue;
        };
        t[0] += s.elapsed();
        let mut regions: Vec<Span> = article.paragraphs.clone();
        regions.extend(article.title.as_ref().map(|x| x.span));
        regions.sort_unstable();
        let s = Instant::now();
        let mut o = dateline::dates::Options::default();
        o.anchor = article.published.date.map(|d| d.date);
        let _ = dateline::dates::find_in(text, &regions, &o);
        t[1] += s.elapsed();
        let s = Instant::now();
        let tok = Tokenized::new(text);
        t[2] += s.elapsed();
        let s = Instant::now();
        let ents = dateline::entities::extract_tokenized(&tok, Some(&regions), &Default::default())
            .unwrap_or_default();
        t[3] += s.elapsed();
        let s = Instant::now();
        let quotes = dateline::quotes::attribute(&tok, &article.paragraphs, &ents);
        t[4] += s.elapsed();
        let dates = {
            let mut o = dateline::dates::Options::default();
            o.anchor = article.published.date.map(|d| d.date);
            dateline::dates::find_in(text, &regions, &o)
        };
        let s = Instant::now();
        let speakers: Vec<(Span, usize)> = quotes
            .iter()
            .filter_map(|q| q.speaker.map(|e| (q.span, e)))
            .collect();
        let input = dateline::events::Input::new(&tok, &ents, &dates)
            .with_regions(&regions)
            .with_published(article.published.date.map(|d| d.date))
            .with_speakers(&speakers);
        let _ = dateline::events::extract(&input);
        t[5] += s.elapsed();
        let s = Instant::now();
        if let Ok(doc) = dateline::analyze(text, &Default::default()) {
            let _ = doc.to_json_string(text);
        }
        t[6] += s.elapsed();
    }
    let mb = bytes as f64 / 1e6;
    println!("{} docs, {mb:.2} MB", texts.len());
    for (n, d) in names.iter().zip(t) {
        println!(
            "{n:>12}: {:>8.2} s  {:>8.2} MB/s",
            d.as_secs_f64(),
            mb / d.as_secs_f64()
        );
    }
    println!("(analyze+json = the whole pipeline and its JSON, for comparison)");
}
