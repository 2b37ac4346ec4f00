//! `dateline analyze`: the whole pipeline (article, publication date, dates, entities,
//! quotes) over files, directories, standard input or JSON Lines, streamed to JSON Lines,
//! a JSON array, CSV or an aligned table.
//!
//! - **Streaming, bounded memory**: documents are read and analysed in batches (at most
//!   `32 × jobs` documents and 8 MiB of text at a time), written as soon as their batch is
//!   done, in input order.
//! - **Parallel**: a rayon pool of `--jobs` threads (default: all cores) reads and analyses
//!   the documents of a batch.
//! - **Nothing is lost**: a document that cannot be read, is not UTF-8 (without `--lossy`),
//!   is too large, binary or vanished gets an error record
//!   (`{"schema_version":1,"id":..,"source":..,"error":{"kind":..,"message":..}}`) in the
//!   output and a message on stderr; the run continues and exits with status 1.
//! - **Atomic output**: `--output FILE` is written to a temporary file in the same directory
//!   and renamed when the run is complete.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dateline::{analyze, Options};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

use super::parse_anchor;
use crate::error::CliError;
use crate::input::{document_id, InputArgs, Source, Walk};
use crate::output::{one_line, Table};
use crate::Outcome;

/// How the PATH arguments are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum InputFormat {
    /// Each file (or standard input) is one document.
    #[default]
    Text,
    /// Each line is a JSON object with `text` and optional `id` and `published` (YYYY-MM-DD).
    Jsonl,
}

/// Output formats of `dateline analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum AnalyzeFormat {
    /// One JSON record per document and line (the schema_version 1 contract).
    #[default]
    Jsonl,
    /// One JSON array of the same records.
    Json,
    /// CSV rows of the table chosen with `--table`, for spreadsheets.
    Csv,
    /// Aligned columns of the table chosen with `--table`, for people.
    Table,
}

/// What one row is in `--format csv|table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum TableKind {
    /// One row per document (title, publication date, counts, error).
    #[default]
    Articles,
    /// One row per entity mention.
    Entities,
    /// One row per temporal expression.
    Dates,
    /// One row per quote.
    Quotes,
    /// One row per encounter event.
    Events,
}

/// Arguments of `dateline analyze`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct AnalyzeArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// How inputs are read: one document per file, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub(crate) input_format: InputFormat,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Jsonl)]
    pub(crate) format: AnalyzeFormat,
    /// Rows of `--format csv` and `--format table`.
    #[arg(long, value_enum, default_value_t = TableKind::Articles)]
    pub(crate) table: TableKind,
    /// Write to FILE (atomically: a temporary file renamed when the run completes) instead of
    /// standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
    pub(crate) jobs: Option<usize>,
    /// Publication date of every document: anchors relative dates and wins over the date the
    /// article itself suggests (and over a JSONL record's `published`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_anchor)]
    pub(crate) published: Option<NaiveDate>,
    /// Documents larger than this many bytes fail with a `too_large` error record.
    #[arg(long, value_name = "BYTES", default_value_t = dateline::DEFAULT_MAX_BYTES)]
    pub(crate) max_bytes: usize,
    /// Entities from gazetteers and rules only, without the statistical tagger: about a
    /// third less CPU, but names that are in no list and have no title or role cue (a
    /// footballer, a small company) are missed. Dates, quotes and article structure are
    /// unchanged.
    #[arg(long)]
    pub(crate) no_tagger: bool,
    /// Page-structure line model to use instead of the built-in one (a file written by
    /// `cargo run --release -p dateline-article --example train_lines`).
    #[arg(long, value_name = "FILE", value_parser = super::parse_line_model)]
    pub(crate) line_model: Option<std::sync::Arc<dateline_article::LineModel>>,
    /// No progress bar (it is only ever shown on a terminal). Errors are still reported.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

/// Parses `--jobs` (1 or more).
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("--jobs must be at least 1 (omit it to use all cores)".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "`{s}` is not a number of threads; pass a whole number such as 4"
        )),
    }
}

/// Documents per batch and thread. Between batches the workers wait while the main thread
/// writes the output, so small batches cost: 32 took about 5-8% more CPU than 256 over
/// Reuters-21578's 19,043 short documents with `--jobs 2`. `BATCH_BYTES` bounds memory.
const DOCS_PER_JOB: usize = 256;
/// Text bytes per batch.
const BATCH_BYTES: u64 = 8 * 1024 * 1024;
/// The progress bar appears only for runs longer than this.
const PROGRESS_DELAY: Duration = Duration::from_millis(800);

/// Runs `dateline analyze`, writing to `out` (or `--output`) and reporting failed documents on
/// stderr.
///
/// # Errors
/// [`CliError::Usage`] for an unusable `--output` path or thread pool; [`CliError::Stdout`] or
/// [`CliError::Write`] when the output cannot be written. Document failures are counted in
/// the [`Outcome`] and recorded in the output.
pub(crate) fn run<W: Write>(args: &AnalyzeArgs, out: &mut W) -> Result<Outcome, CliError> {
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| CliError::Usage(format!("cannot start {jobs} worker threads: {e}")))?;
    match &args.output {
        None => {
            let mut sink = Sink::new(args, &mut *out, None);
            let outcome = drive(args, &pool, jobs, &mut sink)?;
            sink.finish()?;
            Ok(outcome)
        }
        Some(path) => {
            let (file, mut writer) = AtomicFile::create(path)?;
            let outcome = {
                let mut sink = Sink::new(args, &mut writer, Some(path.clone()));
                let outcome = drive(args, &pool, jobs, &mut sink)?;
                sink.finish()?;
                outcome
            };
            file.commit(writer)?;
            Ok(outcome)
        }
    }
}

/// Reads, analyses and writes every document, batch by batch.
fn drive<W: Write>(
    args: &AnalyzeArgs,
    pool: &rayon::ThreadPool,
    jobs: usize,
    sink: &mut Sink<W>,
) -> Result<Outcome, CliError> {
    let mut items = Items::new(args, Progress::may_show(args.quiet));
    let progress = Progress::new(items.total(), args.quiet);
    let mut outcome = Outcome::default();
    let settings = Settings {
        lossy: args.input.lossy,
        max_bytes: args.max_bytes,
        published: args.published,
        tagger: !args.no_tagger,
        line_model: args.line_model.clone(),
        format: args.format,
        table: args.table,
    };
    loop {
        let mut batch = Vec::with_capacity(jobs * DOCS_PER_JOB);
        let mut bytes = 0u64;
        while batch.len() < jobs * DOCS_PER_JOB && bytes < BATCH_BYTES {
            let Some(item) = items.next_item(&settings) else {
                break;
            };
            bytes += item.size();
            batch.push(item);
        }
        if batch.is_empty() {
            break;
        }
        let done: Vec<Done> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| process(item, &settings))
                .collect()
        });
        for d in done {
            if let Some(error) = &d.error {
                progress.suspend(|| eprintln!("dateline: error: {error}"));
                outcome.failed += 1;
            } else {
                outcome.ok += 1;
            }
            sink.write(d.output)?;
            progress.inc();
        }
    }
    progress.finish();
    Ok(outcome)
}

/// Per-run settings the workers need.
struct Settings {
    lossy: bool,
    max_bytes: usize,
    published: Option<NaiveDate>,
    tagger: bool,
    line_model: Option<std::sync::Arc<dateline_article::LineModel>>,
    format: AnalyzeFormat,
    table: TableKind,
}

/// One unit of work.
enum Item {
    /// A document file or standard input, read by the worker.
    Text { source: Source, size: u64 },
    /// A document already in memory (a JSONL record).
    Inline {
        id: String,
        source: String,
        text: String,
        published: Option<NaiveDate>,
    },
    /// A document known to have failed already.
    Failed {
        id: String,
        source: String,
        error: CliError,
    },
}

impl Item {
    fn size(&self) -> u64 {
        match self {
            Item::Text { size, .. } => *size,
            Item::Inline { text, .. } => text.len() as u64,
            Item::Failed { .. } => 0,
        }
    }
}

/// The rendered result of one document.
struct Done {
    output: Rendered,
    /// The failure, for stderr.
    error: Option<CliError>,
}

/// Output of one document, in the run's format.
enum Rendered {
    /// JSON (one record, no newline) or CSV lines.
    Bytes(Vec<u8>),
    /// Table rows.
    Rows(Vec<Vec<String>>),
}

/// The documents of the PATH arguments, in argument order, produced lazily (directories are
/// walked as the batches need files, so no list of paths is held).
struct Items {
    format: InputFormat,
    /// The sources of the PATH arguments, or the errors of expanding them, in order.
    pending: Walk,
    total: Option<u64>,
    jsonl: Option<JsonlReader>,
}

struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    path: PathBuf,
    stem: String,
    line: usize,
}

impl Items {
    fn new(args: &AnalyzeArgs, counted: bool) -> Self {
        let paths = if args.input.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.input.paths.clone()
        };
        let walk = || Walk::new(paths.clone(), args.input.globs.clone());
        // The count (for the progress bar) costs a second walk: only when the bar may show.
        let total =
            (counted && args.input_format == InputFormat::Text).then(|| walk().count() as u64);
        let pending = walk();
        Items {
            format: args.input_format,
            pending,
            total,
            jsonl: None,
        }
    }

    /// Number of documents, when known in advance.
    fn total(&self) -> Option<u64> {
        self.total
    }

    fn next_item(&mut self, settings: &Settings) -> Option<Item> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next_record(settings.max_bytes) {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            let source = match self.pending.next()? {
                Ok(source) => source,
                Err(error) => return Some(failed_path(error)),
            };
            match self.format {
                InputFormat::Text => return Some(text_item(source, settings.max_bytes)),
                InputFormat::Jsonl => match JsonlReader::open(&source) {
                    Ok(reader) => self.jsonl = Some(reader),
                    Err(error) => return Some(failed_path(error)),
                },
            }
        }
    }
}

/// An error record for a PATH that could not be expanded or opened.
fn failed_path(error: CliError) -> Item {
    let path = error.path().unwrap_or_default();
    Item::Failed {
        id: document_id(&path),
        source: path.display().to_string(),
        error,
    }
}

/// A text document: stat it now (cheap) so that batches are bounded by bytes and oversized
/// files fail without being read.
fn text_item(source: Source, max_bytes: usize) -> Item {
    let Source::File(path) = &source else {
        return Item::Text { source, size: 0 };
    };
    match fs::metadata(path) {
        Ok(meta) if meta.len() > max_bytes as u64 => Item::Failed {
            id: document_id(path),
            source: path.display().to_string(),
            error: CliError::TooLarge {
                path: path.clone(),
                len: meta.len(),
                limit: max_bytes,
            },
        },
        Ok(meta) => Item::Text {
            size: meta.len(),
            source,
        },
        // Vanished since the directory was listed: the worker reports it when reading.
        Err(_) => Item::Text { source, size: 0 },
    }
}

impl JsonlReader {
    fn open(source: &Source) -> Result<Self, CliError> {
        let path = source.path();
        let reader: Box<dyn BufRead + Send> = match source {
            Source::Stdin => Box::new(BufReader::new(io::stdin())),
            Source::File(p) => Box::new(BufReader::new(File::open(p).map_err(|e| {
                CliError::Read {
                    path: path.clone(),
                    source: e,
                }
            })?)),
        };
        let stem = match source {
            Source::Stdin => "stdin".to_owned(),
            Source::File(p) => document_id(p),
        };
        Ok(JsonlReader {
            reader,
            stem,
            path,
            line: 0,
        })
    }

    /// The next non-blank line as a document (or a failed one); `None` at the end.
    fn next_record(&mut self, max_bytes: usize) -> Option<Item> {
        loop {
            self.line += 1;
            let mut buf = Vec::new();
            let limit = max_bytes as u64 + 64 * 1024; // room for the JSON around the text
            let read = (&mut self.reader).take(limit).read_until(b'\n', &mut buf);
            let id = format!("{}:{}", self.stem, self.line);
            let source = format!("{}:{}", self.path.display(), self.line);
            match read {
                Ok(0) => return None,
                Err(e) => {
                    let error = CliError::Read {
                        path: self.path.clone(),
                        source: e,
                    };
                    // Stop reading this input after an I/O error: the rest is unreliable.
                    self.reader = Box::new(io::empty());
                    return Some(Item::Failed { id, source, error });
                }
                Ok(_) if buf.last() != Some(&b'\n') && buf.len() as u64 >= limit => {
                    self.skip_line();
                    let error = CliError::TooLarge {
                        path: PathBuf::from(&source),
                        len: buf.len() as u64,
                        limit: max_bytes,
                    };
                    return Some(Item::Failed { id, source, error });
                }
                Ok(_) => {}
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match parse_record(&buf) {
                Ok((record_id, text, published)) => Item::Inline {
                    id: record_id.unwrap_or(id),
                    source,
                    text,
                    published,
                },
                Err(message) => Item::Failed {
                    id,
                    error: CliError::Jsonl {
                        path: self.path.clone(),
                        line: self.line,
                        message,
                    },
                    source,
                },
            });
        }
    }

    /// Discards the rest of an over-long line.
    fn skip_line(&mut self) {
        loop {
            let (done, used) = match self.reader.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(buf) => match memchr_newline(buf) {
                    Some(i) => (true, i + 1),
                    None => (false, buf.len()),
                },
            };
            self.reader.consume(used);
            if done {
                return;
            }
        }
    }
}

fn memchr_newline(buf: &[u8]) -> Option<usize> {
    buf.iter().position(|&b| b == b'\n')
}

/// Reads one JSONL record: `text` (required), `id` (string or number), `published`.
fn parse_record(line: &[u8]) -> Result<(Option<String>, String, Option<NaiveDate>), String> {
    let value: Value =
        serde_json::from_slice(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let Value::Object(map) = value else {
        return Err(
            "not a JSON object; write one object per line with a \"text\" field".to_owned(),
        );
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" is not a string".to_owned()),
        None => return Err("no \"text\" field; each line needs {\"text\": \"...\"}".to_owned()),
    };
    let id = match map.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err("\"id\" must be a string or a number".to_owned()),
    };
    let published = match map.get("published") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(parse_anchor(s).map_err(|e| format!("\"published\": {e}"))?),
        Some(_) => return Err("\"published\" must be a YYYY-MM-DD string".to_owned()),
    };
    Ok((id, text, published))
}

/// Reads (if needed), analyses and renders one document. Runs on a worker thread.
fn process(item: Item, settings: &Settings) -> Done {
    match item {
        Item::Failed { id, source, error } => failed(&id, &source, error, settings),
        Item::Inline {
            id,
            source,
            text,
            published,
        } => {
            let published = settings.published.or(published);
            run_one(id, source, &text, published, settings)
        }
        Item::Text { source, .. } => {
            let path = source.path();
            match source.read_limited(settings.lossy, settings.max_bytes) {
                Ok(doc) => run_one(doc.id, doc.source, &doc.text, settings.published, settings),
                Err(error) => {
                    let id = match &source {
                        Source::Stdin => "stdin".to_owned(),
                        Source::File(p) => document_id(p),
                    };
                    failed(&id, &path.display().to_string(), error, settings)
                }
            }
        }
    }
}

fn run_one(
    id: String,
    source: String,
    text: &str,
    published: Option<NaiveDate>,
    settings: &Settings,
) -> Done {
    let mut options = Options::default()
        .with_max_bytes(settings.max_bytes)
        .with_tagger(settings.tagger);
    options.published = published;
    options.line_model = settings.line_model.clone();
    options.id = Some(id);
    options.source = Some(source);
    let result = analyze(text, &options).and_then(|doc| match settings.format {
        // JSON straight from the document (keys in contract order).
        AnalyzeFormat::Jsonl | AnalyzeFormat::Json => {
            let mut buf = Vec::with_capacity(text.len() * 2 + 1024);
            doc.write_json(text, &mut buf)?;
            Ok(Rendered::Bytes(buf))
        }
        AnalyzeFormat::Csv | AnalyzeFormat::Table => {
            Ok(render_rows(&doc.to_json_value(text)?, settings))
        }
    });
    match result {
        Ok(output) => Done {
            output,
            error: None,
        },
        Err(error) => {
            let id = options.id.unwrap_or_default();
            let source = options.source.unwrap_or_default();
            let error = CliError::Analyze {
                path: PathBuf::from(&source),
                source: error,
            };
            failed(&id, &source, error, settings)
        }
    }
}

fn failed(id: &str, source: &str, error: CliError, settings: &Settings) -> Done {
    let kind = error.kind();
    let message = error.to_string();
    let output = match settings.format {
        AnalyzeFormat::Jsonl | AnalyzeFormat::Json => {
            let mut buf = Vec::new();
            // Writing to a Vec cannot fail.
            let _ = dateline::json::write_error_record(
                &mut buf,
                Some(id),
                Some(source),
                kind,
                &message,
            );
            Rendered::Bytes(buf)
        }
        AnalyzeFormat::Csv | AnalyzeFormat::Table => {
            let json = dateline::json::error_record(Some(id), Some(source), kind, &message);
            render_rows(&json, settings)
        }
    };
    Done {
        output,
        error: Some(error),
    }
}

/// Renders one record (a document or an error record) as CSV lines or table rows.
fn render_rows(json: &Value, settings: &Settings) -> Rendered {
    let rows = rows(json, settings.table);
    if settings.format == AnalyzeFormat::Csv {
        let mut out = Vec::new();
        for row in rows {
            out.extend_from_slice(csv_line(&row).as_bytes());
        }
        Rendered::Bytes(out)
    } else {
        Rendered::Rows(
            rows.into_iter()
                .map(|r| r.iter().map(|c| one_line(c)).collect())
                .collect(),
        )
    }
}

/// Column names of each table.
fn header(table: TableKind) -> Vec<&'static str> {
    match table {
        TableKind::Articles => vec![
            "id",
            "source",
            "language",
            "title",
            "published",
            "published_source",
            "confidence",
            "paragraphs",
            "dates",
            "entities",
            "quotes",
            "events",
            "warnings",
            "error",
        ],
        TableKind::Entities => vec![
            "id",
            "source",
            "entity_id",
            "name",
            "label",
            "role",
            "country",
            "former",
            "wikidata",
            "mention",
            "start",
            "end",
            "error",
        ],
        TableKind::Dates => vec![
            "id",
            "source",
            "text",
            "start",
            "end",
            "kind",
            "value",
            "modifier",
            "range_start",
            "range_end",
            "anchor",
            "error",
        ],
        TableKind::Quotes => vec![
            "id",
            "source",
            "text",
            "start",
            "end",
            "direct",
            "cue",
            "speaker_id",
            "speaker",
            "error",
        ],
        TableKind::Events => vec![
            "id",
            "source",
            "kind",
            "cameo",
            "participants",
            "participant_ids",
            "host",
            "place",
            "date",
            "date_source",
            "status",
            "trigger",
            "start",
            "end",
            "confidence",
            "error",
        ],
    }
}

/// A JSON scalar as a cell ("" for null).
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn len_of(v: &Value) -> String {
    v.as_array().map_or(0, Vec::len).to_string()
}

/// The rows of one record for `table`. A failed document gives one row with its error.
fn rows(json: &Value, table: TableKind) -> Vec<Vec<String>> {
    let id = cell(&json["id"]);
    let source = cell(&json["source"]);
    let width = header(table).len();
    if let Some(error) = json.get("error") {
        let mut row = vec![String::new(); width];
        row[0] = id;
        row[1] = source;
        row[width - 1] = format!("{}: {}", cell(&error["kind"]), cell(&error["message"]));
        return vec![row];
    }
    let article = &json["article"];
    let mut out = Vec::new();
    match table {
        TableKind::Articles => {
            let published = &article["published"];
            let warnings: Vec<String> = published["warnings"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(json["warnings"].as_array().into_iter().flatten())
                .map(cell)
                .collect();
            out.push(vec![
                id,
                source,
                cell(&json["language"]),
                cell(&article["title"]),
                cell(&published["date"]),
                cell(&published["source"]),
                cell(&published["confidence"]),
                len_of(&article["paragraphs"]),
                len_of(&json["dates"]),
                len_of(&json["entities"]),
                len_of(&json["quotes"]),
                len_of(&json["events"]),
                warnings.join(" | "),
                String::new(),
            ]);
        }
        TableKind::Entities => {
            for e in json["entities"].as_array().into_iter().flatten() {
                for m in e["mentions"].as_array().into_iter().flatten() {
                    out.push(vec![
                        id.clone(),
                        source.clone(),
                        cell(&e["id"]),
                        cell(&e["name"]),
                        cell(&e["label"]),
                        cell(&e["role"]),
                        cell(&e["country"]),
                        cell(&e["former"]),
                        cell(&e["wikidata"]),
                        cell(&m["text"]),
                        cell(&m["start"]),
                        cell(&m["end"]),
                        String::new(),
                    ]);
                }
            }
            out.sort_by_key(|r| r[10].parse::<usize>().unwrap_or(0));
        }
        TableKind::Dates => {
            for d in json["dates"].as_array().into_iter().flatten() {
                out.push(vec![
                    id.clone(),
                    source.clone(),
                    cell(&d["text"]),
                    cell(&d["start"]),
                    cell(&d["end"]),
                    cell(&d["kind"]),
                    cell(&d["value"]),
                    cell(&d["modifier"]),
                    cell(&d["range"][0]),
                    cell(&d["range"][1]),
                    cell(&d["anchor"]),
                    String::new(),
                ]);
            }
        }
        TableKind::Quotes => {
            for q in json["quotes"].as_array().into_iter().flatten() {
                let speaker = json["entities"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|e| !q["speaker"].is_null() && e["id"] == q["speaker"])
                    .map_or_else(String::new, |e| cell(&e["name"]));
                out.push(vec![
                    id.clone(),
                    source.clone(),
                    cell(&q["text"]),
                    cell(&q["start"]),
                    cell(&q["end"]),
                    cell(&q["direct"]),
                    cell(&q["cue"]),
                    cell(&q["speaker"]),
                    speaker,
                    String::new(),
                ]);
            }
        }
        TableKind::Events => {
            let name = |id: &Value| -> String {
                json["entities"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|e| !id.is_null() && e["id"] == *id)
                    .map_or_else(|| cell(id), |e| cell(&e["name"]))
            };
            for e in json["events"].as_array().into_iter().flatten() {
                let ids: Vec<&Value> = e["participants"].as_array().into_iter().flatten().collect();
                out.push(vec![
                    id.clone(),
                    source.clone(),
                    cell(&e["kind"]),
                    cell(&e["cameo"]),
                    ids.iter().map(|p| name(p)).collect::<Vec<_>>().join("; "),
                    ids.iter().map(|p| cell(p)).collect::<Vec<_>>().join("; "),
                    name(&e["host"]),
                    name(&e["place"]),
                    cell(&e["date"]["value"]),
                    cell(&e["date"]["source"]),
                    cell(&e["status"]),
                    cell(&e["trigger"]["text"]),
                    cell(&e["trigger"]["start"]),
                    cell(&e["trigger"]["end"]),
                    cell(&e["confidence"]),
                    String::new(),
                ]);
            }
        }
    }
    out
}

/// One CSV line (RFC 4180 quoting), with its line break.
fn csv_line(cells: &[String]) -> String {
    let mut line = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&c.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(c);
        }
    }
    line.push_str("\r\n");
    line
}

/// Where records go, in the run's format.
struct Sink<W: Write> {
    out: W,
    format: AnalyzeFormat,
    table_kind: TableKind,
    table: Table,
    started: bool,
    records: usize,
    /// The output file, for messages (`None`: standard output).
    path: Option<PathBuf>,
}

impl<W: Write> Sink<W> {
    fn new(args: &AnalyzeArgs, out: W, path: Option<PathBuf>) -> Self {
        Sink {
            out,
            format: args.format,
            table_kind: args.table,
            table: Table::new(header(args.table)),
            started: false,
            records: 0,
            path,
        }
    }

    fn io_error(&self, source: io::Error) -> CliError {
        match &self.path {
            Some(path) => CliError::Write {
                path: path.clone(),
                source,
            },
            None => CliError::Stdout(source),
        }
    }

    /// Writes what precedes the first record (`[` of a JSON array, the CSV header).
    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        match self.format {
            AnalyzeFormat::Json => self.out.write_all(b"["),
            AnalyzeFormat::Csv => {
                let names: Vec<String> = header(self.table_kind)
                    .iter()
                    .map(|h| (*h).to_owned())
                    .collect();
                self.out.write_all(csv_line(&names).as_bytes())
            }
            AnalyzeFormat::Jsonl | AnalyzeFormat::Table => Ok(()),
        }
    }

    fn write(&mut self, output: Rendered) -> Result<(), CliError> {
        self.write_io(output).map_err(|e| self.io_error(e))
    }

    fn write_io(&mut self, output: Rendered) -> io::Result<()> {
        self.start()?;
        match (self.format, output) {
            (AnalyzeFormat::Json, Rendered::Bytes(b)) => {
                self.out
                    .write_all(if self.records == 0 { b"\n" } else { b",\n" })?;
                self.out.write_all(&b)?;
            }
            (AnalyzeFormat::Jsonl, Rendered::Bytes(b)) => {
                self.out.write_all(&b)?;
                self.out.write_all(b"\n")?;
            }
            (_, Rendered::Bytes(b)) => self.out.write_all(&b)?,
            (_, Rendered::Rows(rows)) => self.table.write_block(&mut self.out, &rows)?,
        }
        self.records += 1;
        Ok(())
    }

    /// Writes what follows the last record and flushes.
    fn finish(&mut self) -> Result<(), CliError> {
        let result = (|| {
            self.start()?;
            if self.format == AnalyzeFormat::Json {
                self.out
                    .write_all(if self.records == 0 { b"]\n" } else { b"\n]\n" })?;
            }
            self.out.flush()
        })();
        result.map_err(|e| self.io_error(e))
    }
}

/// An output file written atomically: a temporary file in the same directory, renamed over
/// the target by [`AtomicFile::commit`]; dropped without a commit, it removes the temporary.
struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
}

impl AtomicFile {
    /// Creates the temporary file next to `target`.
    ///
    /// # Errors
    /// [`CliError::Usage`] when the directory does not exist or `target` is a directory;
    /// [`CliError::Write`] when the temporary file cannot be created.
    fn create(target: &Path) -> Result<(Self, BufWriter<File>), CliError> {
        let name = target.file_name().ok_or_else(|| {
            CliError::Usage(format!(
                "--output {}: not a file name; pass a path such as out.jsonl",
                target.display()
            ))
        })?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(CliError::Usage(format!(
                "--output {}: directory {} does not exist; create it first or choose another path",
                target.display(),
                dir.display()
            )));
        }
        if target.is_dir() {
            return Err(CliError::Usage(format!(
                "--output {}: is a directory; pass a file path",
                target.display()
            )));
        }
        let temp = dir.join(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = File::create(&temp).map_err(|source| CliError::Write {
            path: temp.clone(),
            source,
        })?;
        Ok((
            AtomicFile {
                target: target.to_path_buf(),
                temp,
                committed: false,
            },
            BufWriter::new(file),
        ))
    }

    /// Flushes `writer`, syncs and renames the temporary file over the target.
    ///
    /// # Errors
    /// [`CliError::Write`] for any I/O failure (the temporary file is then removed).
    fn commit(mut self, writer: BufWriter<File>) -> Result<(), CliError> {
        let file = writer.into_inner().map_err(|e| CliError::Write {
            path: self.temp.clone(),
            source: e.into_error(),
        })?;
        file.sync_all().map_err(|source| CliError::Write {
            path: self.temp.clone(),
            source,
        })?;
        drop(file);
        fs::rename(&self.temp, &self.target).map_err(|source| CliError::Write {
            path: self.target.clone(),
            source,
        })?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// The progress bar: on stderr, only when stderr is a terminal, not `--quiet`, and the run
/// lasts longer than a moment.
struct Progress {
    bar: ProgressBar,
    start: Instant,
    enabled: bool,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    fn new(total: Option<u64>, quiet: bool) -> Self {
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
        };
        let template = if total.is_some() {
            "{elapsed_precise} [{bar:40}] {pos}/{len} documents ({per_sec}, eta {eta})"
        } else {
            "{elapsed_precise} {spinner} {pos} documents ({per_sec})"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress {
            bar,
            start: Instant::now(),
            enabled: Progress::may_show(quiet),
            shown: false.into(),
        }
    }

    /// Whether the bar may be shown at all (not `--quiet`, stderr a terminal).
    fn may_show(quiet: bool) -> bool {
        !quiet && io::stderr().is_terminal()
    }

    fn inc(&self) {
        self.bar.inc(1);
        if self.enabled && !self.shown.get() && self.start.elapsed() > PROGRESS_DELAY {
            self.shown.set(true);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn suspend<F: FnOnce()>(&self, f: F) {
        self.bar.suspend(f);
    }

    fn finish(&self) {
        if self.shown.get() {
            self.bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::expand;

    fn settings() -> Settings {
        Settings {
            lossy: false,
            max_bytes: 1000,
            published: None,
            tagger: true,
            line_model: None,
            format: AnalyzeFormat::Jsonl,
            table: TableKind::Articles,
        }
    }

    fn json_of(done: &Done) -> Value {
        match &done.output {
            Rendered::Bytes(b) => serde_json::from_slice(b).unwrap(),
            Rendered::Rows(_) => panic!("expected JSON"),
        }
    }

    #[test]
    fn a_file_that_vanishes_after_listing_becomes_an_error_record() {
        let dir = std::env::temp_dir().join(format!("dateline-vanish-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gone.txt");
        fs::write(&path, "Xi met Han.").unwrap();
        let (sources, errors) = expand(std::slice::from_ref(&dir), &["*.txt".to_owned()]);
        assert!(errors.is_empty());
        let item = text_item(sources[0].clone(), 1000);
        fs::remove_file(&path).unwrap();
        let done = process(item, &settings());
        let v = json_of(&done);
        assert_eq!(v["error"]["kind"], "not_found");
        assert_eq!(v["id"], "gone");
        assert!(v["error"]["message"].as_str().unwrap().contains("gone.txt"));
        assert!(done.error.is_some());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn oversized_files_fail_without_being_read() {
        let dir = std::env::temp_dir().join(format!("dateline-large-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        fs::write(&path, "x".repeat(2000)).unwrap();
        let item = text_item(Source::File(path), 1000);
        assert!(matches!(
            item,
            Item::Failed {
                error: CliError::TooLarge { len: 2000, .. },
                ..
            }
        ));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn jsonl_records() {
        let (id, text, published) =
            parse_record(br#"{"id": 3, "text": "hi", "published": "2023-09-23"}"#).unwrap();
        assert_eq!(id.as_deref(), Some("3"));
        assert_eq!(text, "hi");
        assert_eq!(published.unwrap().to_string(), "2023-09-23");
        assert!(parse_record(b"[1]").unwrap_err().contains("object"));
        assert!(parse_record(br#"{"text": 1}"#)
            .unwrap_err()
            .contains("string"));
        assert!(parse_record(br#"{"text": "a", "published": "23/9"}"#)
            .unwrap_err()
            .contains("YYYY-MM-DD"));
    }

    #[test]
    fn csv_quoting() {
        let row = vec![
            "a".to_owned(),
            "b,c".to_owned(),
            "say \"hi\"".to_owned(),
            "x\ny".to_owned(),
        ];
        assert_eq!(csv_line(&row), "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }

    #[test]
    fn jobs_values() {
        assert_eq!(parse_jobs("2"), Ok(2));
        assert!(parse_jobs("0").unwrap_err().contains("at least 1"));
        assert!(parse_jobs("-1").is_err());
    }

    #[test]
    fn long_jsonl_lines_are_too_large_and_skipped() {
        let data = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n",
            "x".repeat(70_000)
        );
        let mut reader = JsonlReader {
            reader: Box::new(io::Cursor::new(data.into_bytes())),
            path: PathBuf::from("in.jsonl"),
            stem: "in".to_owned(),
            line: 0,
        };
        let first = reader.next_record(100).unwrap();
        assert!(matches!(
            first,
            Item::Failed {
                error: CliError::TooLarge { .. },
                ..
            }
        ));
        let second = reader.next_record(100).unwrap();
        assert!(matches!(second, Item::Inline { ref text, .. } if text == "ok"));
        assert!(reader.next_record(100).is_none());
    }
}
