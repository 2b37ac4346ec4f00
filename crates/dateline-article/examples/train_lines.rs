//! Trains the line labeller on labelled pages and writes the model file.
//!
//! ```text
//! cargo run --release -p dateline-article --example train_lines -- DATA_DIR \
//!     [--out FILE] [--ids FILE] [--no-news] [--epochs N] [--seed N] [--cv K]
//! ```
//!
//! `DATA_DIR` is `../shared/data` (see its README). From `pages-dev/`:
//! `crawl/annotations.jsonl` gives every line of each crawled page a label;
//! `readability/truth.jsonl` gives each line of a rendered web page `body`, `other` or `blank`
//! (`other` lines get imputed labels that are not body). From `news/` (unless `--no-news`):
//! every 100th Reuters-21578 story, rendered as `eval/article_eval.py` renders it (title,
//! author, date line, hard-wrapped body, " Reuter" sign-off), and every 40th BBC News file,
//! labelled from their known structure; `eval/article_eval.py` scores the other stories.
//! `--ids FILE` keeps only the `pages-dev` pages listed there (one `crawl/a01` or
//! `readability/bbc-1` per line), so an evaluation can train on some folds and test on
//! another. Without `--out` the model goes to `crates/dateline-article/data/lines.model` (the
//! built-in model).
//!
//! `--cv K` prints K-fold cross-validated line accuracy (folds by site, never a site in both
//! training and test) instead of writing a model: a quick check while choosing features.
//! Field-level held-out figures come from `eval/pages_eval.py --cv K`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use dateline_article::{
    parse_with, train, LineLabel, LineModel, LineTarget, ParseOptions, TrainOptions, TrainingPage,
};

struct Page {
    key: String,
    site: String,
    page: TrainingPage,
}

fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

fn site_of(corpus: &str, id: &str, url: Option<&str>) -> String {
    if corpus == "crawl" {
        let host = url
            .unwrap_or("")
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or("");
        let host = host.trim_start_matches("www.");
        if host.is_empty() {
            id.to_owned()
        } else {
            host.to_owned()
        }
    } else {
        match id.rsplit_once('-') {
            Some((head, tail)) if tail.bytes().all(|b| b.is_ascii_digit()) => head.to_owned(),
            _ => id.to_owned(),
        }
    }
}

fn load(dir: &Path) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    for (corpus, file) in [
        ("crawl", "annotations.jsonl"),
        ("readability", "truth.jsonl"),
    ] {
        let folder = dir.join(corpus);
        for v in read_jsonl(&folder.join(file))? {
            let id = v["id"].as_str().ok_or("a record without an id")?.to_owned();
            let path = folder.join(format!("{id}.txt"));
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let targets = v["lines"]
                .as_array()
                .ok_or_else(|| format!("{corpus}/{id}: no lines"))?
                .iter()
                .map(|l| {
                    LineTarget::from_name(l.as_str().unwrap_or("any"))
                        .map_err(|e| format!("{corpus}/{id}: {e}"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            pages.push(Page {
                key: format!("{corpus}/{id}"),
                site: site_of(corpus, &id, v["url"].as_str()),
                page: TrainingPage::new(text, targets),
            });
        }
    }
    Ok(pages)
}

/// Every `REUTERS_EVERY`-th Reuters-21578 story (by NEWID) and every `BBC_EVERY`-th BBC
/// News file (by number) are training pages; `eval/article_eval.py` leaves the same ones out.
const REUTERS_EVERY: u32 = 100;
const BBC_EVERY: u32 = 40;
/// Weight of the news pages: clean, regular and plentiful.
const NEWS_WEIGHT: f32 = 0.3;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 8);
        let decoded = end.and_then(|e| match &rest[1..e] {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            ent => ent
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars()
        .filter(|&c| !(c.is_control() && c != '\n' && c != '\t'))
        .collect()
}

/// "26-FEB-1987 15:01:01.79" as a news site shows it: "February 26, 1987 3:01 PM".
fn site_date(stamp: &str) -> Option<String> {
    let stamp = stamp.trim();
    let mut parts = stamp.split([' ', '-', ':']);
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.to_ascii_lowercase();
    let year: u32 = parts.next()?.parse().ok()?;
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.get(..2)?.parse().ok()?;
    let m = MONTH_NAMES
        .iter()
        .position(|n| n[..3].eq_ignore_ascii_case(&month))?;
    let h12 = if hour % 12 == 0 { 12 } else { hour % 12 };
    let ampm = if hour < 12 { "AM" } else { "PM" };
    Some(format!(
        "{} {day}, {year} {h12}:{minute:02} {ampm}",
        MONTH_NAMES[m]
    ))
}

/// Labelled pages from the clean news corpora, rendered as crawler dumps the way
/// `eval/article_eval.py` renders them: a Reuters story as title, author, date line, blank
/// line, dateline + hard-wrapped body and the " Reuter" sign-off; a BBC file as it is.
fn load_news(data: &Path) -> Result<Vec<Page>, String> {
    let news_weight = NEWS_WEIGHT;
    use LineLabel::{Body, Byline, Chrome, DateLine, Title};
    let mut pages = Vec::new();
    let story = regex::Regex::new(r#"(?s)<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>"#)
        .map_err(|e| e.to_string())?;
    let field = |name: &str, s: &str| -> Option<String> {
        let re = regex::Regex::new(&format!("(?s)<{name}>(.*?)</{name}>")).ok()?;
        re.captures(s).map(|c| unescape(&c[1]))
    };
    let reuters = data.join("news/reuters21578");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&reuters)
        .map_err(|e| format!("{}: {e}", reuters.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    for file in files {
        let raw: String = std::fs::read(&file)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .iter()
            .map(|&b| char::from(b))
            .collect();
        for caps in story.captures_iter(&raw) {
            let Ok(newid) = caps[1].parse::<u32>() else {
                continue;
            };
            if newid % REUTERS_EVERY != 0 {
                continue;
            }
            let s = &caps[2];
            let (Some(title), Some(body)) = (field("TITLE", s), field("BODY", s)) else {
                continue;
            };
            let title = title.trim();
            if title.is_empty() {
                continue;
            }
            let mut text = vec![title.to_owned()];
            let mut labels = vec![Title];
            if let Some(author) = field("AUTHOR", s).filter(|a| !a.trim().is_empty()) {
                text.push(author.trim_end().to_owned());
                labels.push(Byline);
            }
            if let Some(date) = field("DATE", s).as_deref().and_then(site_date) {
                text.push(date);
                labels.push(DateLine);
            }
            text.push(String::new());
            let mut targets: Vec<LineTarget> = labels.into_iter().map(LineTarget::Label).collect();
            targets.push(LineTarget::Blank);
            let dateline = field("DATELINE", s).unwrap_or_default();
            let whole = format!("{dateline}{}", body.trim_end());
            let lines: Vec<&str> = whole.split('\n').collect();
            let last = lines.iter().rposition(|l| !l.trim().is_empty());
            for (i, line) in lines.iter().enumerate() {
                text.push((*line).to_owned());
                targets.push(if line.trim().is_empty() {
                    LineTarget::Blank
                } else if Some(i) == last && line.trim().eq_ignore_ascii_case("reuter") {
                    LineTarget::Label(Chrome)
                } else {
                    LineTarget::Label(Body)
                });
            }
            let mut joined = text.join("\n");
            joined.push('\n');
            pages.push(Page {
                key: format!("news/reuters/{newid}"),
                site: "reuters".to_owned(),
                page: TrainingPage::new(joined, targets).with_weight(news_weight),
            });
        }
    }
    let bbc = data.join("news/bbc");
    let mut categories: Vec<PathBuf> = std::fs::read_dir(&bbc)
        .map_err(|e| format!("{}: {e}", bbc.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    categories.sort();
    for category in categories {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&category)
            .map_err(|e| format!("{}: {e}", category.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(|s| s.parse::<u32>().ok())
                    .is_some_and(|n| n % BBC_EVERY == 0)
            })
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut seen_title = false;
            let targets = text
                .split('\n')
                .map(|l| {
                    if l.trim().is_empty() {
                        LineTarget::Blank
                    } else if !seen_title {
                        seen_title = true;
                        LineTarget::Label(Title)
                    } else {
                        LineTarget::Label(Body)
                    }
                })
                .collect();
            pages.push(Page {
                key: format!(
                    "news/bbc/{}/{}",
                    category.file_name().and_then(|s| s.to_str()).unwrap_or(""),
                    file.file_stem().and_then(|s| s.to_str()).unwrap_or("")
                ),
                site: "bbc".to_owned(),
                page: TrainingPage::new(text, targets).with_weight(news_weight),
            });
        }
    }
    Ok(pages)
}

fn folds(pages: &[&Page], k: usize) -> Vec<Vec<usize>> {
    let mut sites: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        sites.entry(p.site.as_str()).or_default().push(i);
    }
    let mut order: Vec<(&str, Vec<usize>)> = sites.into_iter().collect();
    order.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let mut out = vec![Vec::new(); k];
    for (_, members) in order {
        let smallest = (0..k).min_by_key(|&f| out[f].len()).unwrap_or(0);
        out[smallest].extend(members);
    }
    out
}

/// Line-level counts: (gold, predicted) pairs over non-blank lines with a known gold label;
/// with `dump`, one `gold TAB predicted TAB line` row per line is appended to it.
fn score(
    model: &LineModel,
    page: &TrainingPage,
    counts: &mut BTreeMap<(String, String), usize>,
    mut dump: Option<&mut String>,
) {
    let opts = ParseOptions {
        line_model: Some(Arc::new(model.clone())),
        detect_language: false,
        body_evidence: false,
        ..ParseOptions::default()
    };
    let Ok(article) = parse_with(&page.text, &opts) else {
        return;
    };
    let mut starts = vec![0usize];
    for (i, b) in page.text.bytes().enumerate() {
        if b == b'\n' {
            starts.push(i + 1);
        }
    }
    for line in &article.lines {
        let idx = starts.partition_point(|&s| s <= line.span.start) - 1;
        let gold = match page.targets.get(idx) {
            Some(LineTarget::Label(l)) => l.as_str().to_owned(),
            Some(LineTarget::NotBody) => "other".to_owned(),
            _ => continue,
        };
        let pred = if gold == "other" && line.label != LineLabel::Body {
            "other".to_owned()
        } else {
            line.label.as_str().to_owned()
        };
        if let Some(d) = dump.as_deref_mut() {
            let text = page.text.get(line.span.range()).unwrap_or("");
            let clipped: String = text.chars().take(100).collect();
            d.push_str(&format!("{idx}\t{gold}\t{pred}\t{clipped}\n"));
        }
        *counts.entry((gold, pred)).or_default() += 1;
    }
}

fn report(name: &str, counts: &BTreeMap<(String, String), usize>) {
    let labels = [
        "title",
        "standfirst",
        "byline",
        "date_line",
        "caption",
        "body",
        "related",
        "chrome",
        "other",
    ];
    println!("{name}");
    let (mut right, mut all) = (0, 0);
    for l in labels {
        let tp = counts.get(&(l.into(), l.into())).copied().unwrap_or(0);
        let gold: usize = counts
            .iter()
            .filter(|((g, _), _)| g == l)
            .map(|(_, n)| n)
            .sum();
        let pred: usize = counts
            .iter()
            .filter(|((_, p), _)| p == l)
            .map(|(_, n)| n)
            .sum();
        if gold == 0 && pred == 0 {
            continue;
        }
        right += tp;
        all += gold;
        #[allow(clippy::cast_precision_loss)]
        let (p, r) = (
            tp as f64 / pred.max(1) as f64,
            tp as f64 / gold.max(1) as f64,
        );
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!("  {l:<10} P {p:.3}  R {r:.3}  F1 {f:.3}  (gold {gold}, predicted {pred})");
    }
    #[allow(clippy::cast_precision_loss)]
    let acc = right as f64 / all.max(1) as f64;
    println!("  accuracy {acc:.4} over {all} lines");
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut ids: Option<PathBuf> = None;
    let mut cv = 0usize;
    let mut train_score = false;
    let mut dump_path: Option<PathBuf> = None;
    let mut no_news = false;
    let mut options = TrainOptions::default();
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = Some(value("--out")?.into()),
            "--ids" => ids = Some(value("--ids")?.into()),
            "--epochs" => {
                options.epochs = value("--epochs")?
                    .parse()
                    .map_err(|e| format!("--epochs: {e}"))?
            }
            "--seed" => {
                options.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--train-score" => train_score = true,
            "--no-news" => no_news = true,
            "--dump" => dump_path = Some(value("--dump")?.into()),
            "--cv" => cv = value("--cv")?.parse().map_err(|e| format!("--cv: {e}"))?,
            "-h" | "--help" => {
                println!("usage: train_lines PAGES_DIR [--out FILE] [--ids FILE] [--epochs N] [--seed N] [--cv K]");
                return Ok(());
            }
            _ if dir.is_none() && !a.starts_with('-') => dir = Some(a.into()),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let dir =
        dir.ok_or("usage: train_lines PAGES_DIR [--out FILE] [--ids FILE] [--epochs N] [--cv K]")?;
    let mut pages = load(&dir.join("pages-dev"))?;
    if !no_news {
        pages.extend(load_news(&dir)?);
    }
    let keep: Option<HashSet<String>> = match &ids {
        Some(f) => Some(
            std::fs::read_to_string(f)
                .map_err(|e| format!("{}: {e}", f.display()))?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        None => None,
    };
    let chosen: Vec<&Page> = pages
        .iter()
        .filter(|p| {
            p.key.starts_with("news/") || keep.as_ref().map_or(true, |k| k.contains(&p.key))
        })
        .collect();
    let mut dump = String::new();
    if cv > 1 {
        for corpus in ["crawl", "readability"] {
            let subset: Vec<&Page> = chosen
                .iter()
                .copied()
                .filter(|p| p.key.starts_with(corpus))
                .collect();
            let others: Vec<&Page> = chosen
                .iter()
                .copied()
                .filter(|p| !p.key.starts_with(corpus))
                .collect();
            let mut counts = BTreeMap::new();
            for fold in folds(&subset, cv) {
                let held: HashSet<usize> = fold.iter().copied().collect();
                let train_pages: Vec<TrainingPage> = subset
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !held.contains(i))
                    .map(|(_, p)| p.page.clone())
                    .chain(others.iter().map(|p| p.page.clone()))
                    .collect();
                let model = train(&train_pages, &options).map_err(|e| e.to_string())?;
                for &i in &fold {
                    dump.push_str(&format!("## {}\n", subset[i].key));
                    score(&model, &subset[i].page, &mut counts, Some(&mut dump));
                }
            }
            report(
                &format!("{corpus}: {cv}-fold CV by site (other set in training)"),
                &counts,
            );
        }
        if let Some(path) = dump_path {
            std::fs::write(&path, dump).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        return Ok(());
    }
    let n_crawl = chosen
        .iter()
        .filter(|p| p.key.starts_with("crawl/"))
        .count();
    let n_news = chosen.iter().filter(|p| p.key.starts_with("news/")).count();
    options.description = format!(
        "train_lines: linear-chain CRF, {} epochs, seed {}, learning rate {}, L2 {}, imputed pages weighted {}, on {} crawl + {} readability pages of pages-dev and {} Reuters-21578 / BBC News pages{}",
        options.epochs,
        options.seed,
        options.learning_rate,
        options.l2,
        options.imputed_weight,
        n_crawl,
        chosen.len() - n_crawl - n_news,
        n_news,
        ids.as_ref().map_or(String::new(), |f| format!(" (ids from {})", f.display()))
    );
    let training: Vec<TrainingPage> = chosen.iter().map(|p| p.page.clone()).collect();
    let model = train(&training, &options).map_err(|e| e.to_string())?;
    if train_score {
        let mut counts = BTreeMap::new();
        for p in &chosen {
            score(&model, &p.page, &mut counts, None);
        }
        report(
            "training pages (not held out: a check that the model fits)",
            &counts,
        );
        return Ok(());
    }
    let out = out.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lines.model"));
    std::fs::write(&out, model.to_bytes()).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} feature rows): {}",
        out.display(),
        model.feature_rows(),
        model.description()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_lines: {e}");
            ExitCode::FAILURE
        }
    }
}
