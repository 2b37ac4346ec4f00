//! Prints the entities of a text file (or stdin).
//!
//! `cargo run -p dateline-entities --example extract -- seeds/000_6cb1cf4919cbac8a.txt [--no-tagger] [--mentions]`
//!
//! `--mentions` also prints every mention with its byte span, label and entity index.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tagger = !args.iter().any(|a| a == "--no-tagger");
    let mut text = String::new();
    match args.iter().find(|a| !a.starts_with("--")) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let found = dateline_entities::extract(
        &text,
        &dateline_entities::Options::default().with_tagger(tagger),
    );
    if args.iter().any(|a| a == "--mentions") {
        for m in &found.mentions {
            println!(
                "{:>6}..{:<6} {:<12} entity {:<3} {}",
                m.span.start,
                m.span.end,
                m.label.as_str(),
                m.entity,
                m.text
            );
        }
    }
    for e in &found.entities {
        let texts: Vec<&str> = found
            .mentions_of(
                found
                    .entities
                    .iter()
                    .position(|x| x.id == e.id)
                    .unwrap_or(0),
            )
            .map(|m| m.text.as_str())
            .collect();
        println!(
            "{:<8} {:<32} id={:<28} role={:<18} country={:<14} former={} mentions={:?}",
            e.label.as_str(),
            e.name,
            e.id,
            e.role.as_deref().unwrap_or("-"),
            e.country.as_deref().unwrap_or("-"),
            e.former,
            texts
        );
    }
    Ok(())
}
