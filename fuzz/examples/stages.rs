//! Times each pipeline stage on files, to locate superlinear time found by the hostile corpus:
//! `cargo run --release --example stages -- FILE...` (in `fuzz/`). Prints parse, find_in,
//! extract_in (over the article's paragraphs, as `dateline::analyze` does) and quote
//! attribution seconds.
use std::time::Instant;
fn main() {
    // Diagnostic tool: a missing or non-UTF-8 file is a usage error worth a panic.
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let t = Instant::now();
        let a = dateline_article::parse(&text).unwrap();
        let parse = t.elapsed().as_secs_f64();
        let mut regions = a.paragraphs.clone();
        regions.extend(a.title.as_ref().map(|t| t.span));
        let t = Instant::now();
        let d = dateline_dates::find_in(&text, &regions, &Default::default());
        let dates = t.elapsed().as_secs_f64();
        let tok = dateline_text::Tokenized::new(&text);
        let t = Instant::now();
        let e = dateline_entities::extract_tokenized(&tok, Some(&regions), &Default::default())
            .unwrap();
        let ents = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let q = dateline::quotes::attribute(&tok, &a.paragraphs, &e);
        let quotes = t.elapsed().as_secs_f64();
        println!("{path} {} bytes: parse {parse:.3} find_in {dates:.3} ({}) extract_in {ents:.3} ({} mentions) quotes {quotes:.3} ({}) paragraphs {}", text.len(), d.len(), e.mentions.len(), q.len(), a.paragraphs.len());
    }
}
