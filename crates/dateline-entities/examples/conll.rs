//! Runs extraction on a CoNLL-format file and writes every line with one more column: the
//! predicted IOB2 tag (CoNLL-2003 labels by default, `--labels ontonotes` for native ones).
//!
//! `cargo run --release -p dateline-entities --example conll -- INPUT OUTPUT [--labels ontonotes] [--no-tagger]`
//!
//! Each document's text is its tokens joined by single spaces (sentences by newlines);
//! `-DOCSTART-` lines end documents, blank lines end sentences.

use std::fmt::Write as _;

use dateline_entities::{extract_in, Options};
use dateline_text::Span;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with("--") && *a != "ontonotes" && *a != "conll")
        .collect();
    let (Some(input), Some(output)) = (files.first(), files.get(1)) else {
        return Err("usage: conll INPUT OUTPUT [--labels ontonotes] [--no-tagger]".into());
    };
    let native = args
        .windows(2)
        .any(|w| w[0] == "--labels" && w[1] == "ontonotes");
    let opts = Options::default()
        .with_tagger(!args.iter().any(|a| a == "--no-tagger"))
        .with_parties(false);
    let content = std::fs::read_to_string(input)?;
    let lines: Vec<&str> = content.lines().collect();
    let mut out = String::with_capacity(content.len() * 2);
    let mut doc: Vec<usize> = Vec::new();
    let flush = |doc: &mut Vec<usize>, out: &mut String| {
        if doc.is_empty() {
            return;
        }
        // Build the text: tokens joined by spaces, sentences by newlines.
        let mut text = String::new();
        let mut spans: Vec<Option<Span>> = Vec::new();
        for &i in doc.iter() {
            let line = lines[i];
            if line.trim().is_empty() {
                if !text.ends_with('\n') && !text.is_empty() {
                    text.pop();
                    text.push('\n');
                }
                spans.push(None);
                continue;
            }
            let tok = line.split_whitespace().next().unwrap_or("");
            let start = text.len();
            text.push_str(tok);
            spans.push(Some(Span::new(start, text.len())));
            text.push(' ');
        }
        let found = extract_in(&text, &[Span::new(0, text.len())], &opts).unwrap_or_default();
        let mut tags: Vec<String> = vec!["O".into(); spans.len()];
        for m in &found.mentions {
            let label = if native {
                m.label.as_str()
            } else {
                m.label.conll()
            };
            let mut first = true;
            for (k, s) in spans.iter().enumerate() {
                if let Some(s) = s {
                    if s.start >= m.span.start && s.end <= m.span.end {
                        tags[k] = format!("{}-{label}", if first { "B" } else { "I" });
                        first = false;
                    }
                }
            }
        }
        for (k, &i) in doc.iter().enumerate() {
            let line = lines[i];
            if line.trim().is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{line} {}", tags[k]);
            }
        }
        doc.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("-DOCSTART-") {
            flush(&mut doc, &mut out);
            let _ = writeln!(out, "{line} O");
            continue;
        }
        doc.push(i);
    }
    flush(&mut doc, &mut out);
    std::fs::write(output, out)?;
    Ok(())
}
