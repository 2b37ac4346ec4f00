//! `dateline stories`: groups the encounter events of `dateline analyze` JSON Lines into
//! stories across documents and writes the records back with `story` ids and the dates and
//! places the other reports agree on (see [`dateline::stories`]), or one summary row per
//! story.
//!
//! Two passes over the input keep memory to the event summaries (a few hundred bytes per
//! event): the first summarizes every record, the grouping runs, the second rewrites each
//! record. Standard input is spooled to a temporary file for the second pass. A line that is
//! not a JSON record is reported on stderr with its line number and written back unchanged,
//! so the output has exactly the input's lines.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::PathBuf;

use dateline::stories::{group, record_id, summarize_as, GroupOptions, Stories, Story};
use serde_json::Value;

use crate::error::CliError;
use crate::output::{one_line, Table};
use crate::Outcome;

/// Output formats of `dateline stories`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum StoriesFormat {
    /// The input records, each with `story` ids and filled dates and places.
    #[default]
    Jsonl,
    /// One row per story: encounter, date, place, documents.
    Summary,
}

/// Arguments of `dateline stories`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct StoriesArgs {
    /// JSON Lines written by `dateline analyze` (`-` or nothing: standard input).
    #[arg(value_name = "FILE")]
    pub(crate) input: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StoriesFormat::Jsonl)]
    pub(crate) format: StoriesFormat,
    /// Reports at most this many days apart can tell the same encounter.
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    pub(crate) window: u32,
}

/// Where the records are read from (twice).
enum Input {
    File(PathBuf),
    /// Standard input, spooled to a temporary file during the first pass.
    Spooled(File, PathBuf),
}

/// Runs `dateline stories`.
///
/// # Errors
/// [`CliError::Read`] when the input cannot be read, [`CliError::Stdout`] when the output
/// cannot be written. Malformed lines are counted as failures in the [`Outcome`], reported
/// and passed through.
pub(crate) fn run<W: Write>(args: &StoriesArgs, out: &mut W) -> Result<Outcome, CliError> {
    let from_stdin = args.input.as_ref().map_or(true, |p| p.as_os_str() == "-");
    let mut input = if from_stdin {
        let path =
            std::env::temp_dir().join(format!("dateline-stories-{}.jsonl", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(|source| CliError::Write {
                path: path.clone(),
                source,
            })?;
        Input::Spooled(file, path)
    } else {
        Input::File(args.input.clone().unwrap_or_default())
    };
    let result = run_on(args, &mut input, out);
    if let Input::Spooled(_, path) = &input {
        let _ = std::fs::remove_file(path);
    }
    result
}

fn run_on<W: Write>(
    args: &StoriesArgs,
    input: &mut Input,
    out: &mut W,
) -> Result<Outcome, CliError> {
    let label = match input {
        Input::File(p) => p.clone(),
        Input::Spooled(..) => PathBuf::from("-"),
    };
    let read_err = |source: io::Error| CliError::Read {
        path: label.clone(),
        source,
    };
    // Pass 1: summaries.
    let mut outcome = Outcome::default();
    let mut summaries = Vec::new();
    let mut keys = Keys::default();
    {
        let reader: Box<dyn BufRead> = match input {
            Input::File(p) => Box::new(BufReader::new(File::open(&*p).map_err(read_err)?)),
            Input::Spooled(..) => Box::new(BufReader::new(io::stdin().lock())),
        };
        let mut spool = match input {
            Input::Spooled(f, _) => Some(BufWriter::new(&*f)),
            Input::File(_) => None,
        };
        for (n, line) in lines(reader).enumerate() {
            let line = line.map_err(read_err)?;
            if let Some(s) = spool.as_mut() {
                s.write_all(&line)
                    .and_then(|()| s.write_all(b"\n"))
                    .map_err(read_err)?;
            }
            match parse(&line) {
                Ok(Some(record)) => {
                    let key = keys.key(&record, n + 1);
                    summaries.extend(summarize_as(&record, &key));
                    outcome.ok += 1;
                }
                Ok(None) => {}
                Err(message) => {
                    eprintln!(
                        "dateline: warning: {}:{}: {message}; the line is passed through unchanged",
                        label.display(),
                        n + 1
                    );
                    outcome.failed += 1;
                }
            }
        }
        if let Some(mut s) = spool {
            s.flush().map_err(read_err)?;
        }
    }
    let stories = group(
        &summaries,
        &GroupOptions::default().with_window_days(i64::from(args.window)),
    );
    let write_err = CliError::Stdout;
    match args.format {
        StoriesFormat::Summary => summary(&stories, out).map_err(write_err)?,
        StoriesFormat::Jsonl => {
            // Pass 2: the records again, rewritten.
            let reader: Box<dyn BufRead> = match input {
                Input::File(p) => Box::new(BufReader::new(File::open(&*p).map_err(read_err)?)),
                Input::Spooled(f, _) => {
                    f.seek(SeekFrom::Start(0)).map_err(read_err)?;
                    Box::new(BufReader::new(&*f))
                }
            };
            let mut keys = Keys::default();
            for (n, line) in lines(reader).enumerate() {
                let line = line.map_err(read_err)?;
                match parse(&line) {
                    Ok(Some(mut record)) => {
                        let key = keys.key(&record, n + 1);
                        stories.apply_as(&mut record, &key);
                        write_record(out, &record).map_err(write_err)?;
                    }
                    _ => {
                        out.write_all(&line).map_err(write_err)?;
                    }
                }
                out.write_all(b"\n").map_err(write_err)?;
            }
        }
    }
    out.flush().map_err(CliError::Stdout)?;
    Ok(outcome)
}

/// The lines of a reader as bytes (without the line break; a final line without one too).
fn lines(mut reader: Box<dyn BufRead + '_>) -> impl Iterator<Item = io::Result<Vec<u8>>> + '_ {
    std::iter::from_fn(move || {
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                }
                Some(Ok(buf))
            }
            Err(e) => Some(Err(e)),
        }
    })
}

/// A line as a record: `Ok(None)` for a blank line, `Err` for anything but a JSON object.
fn parse(line: &[u8]) -> Result<Option<Value>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    match serde_json::from_slice::<Value>(line) {
        Ok(v @ Value::Object(_)) => Ok(Some(v)),
        Ok(_) => Err("not a JSON object".to_owned()),
        Err(e) => Err(format!("not a JSON record ({e})")),
    }
}

/// Unique keys for records: the id, or `line N` when the id is missing or seen before.
#[derive(Default)]
struct Keys {
    seen: HashSet<String>,
}

impl Keys {
    fn key(&mut self, record: &Value, line: usize) -> String {
        let id = record_id(record);
        if !id.is_empty() && self.seen.insert(id.clone()) {
            id
        } else {
            format!("line {line}")
        }
    }
}

/// Top-level keys in the order of the output contract (others after them, sorted).
const RECORD_ORDER: &[&str] = &[
    "schema_version",
    "id",
    "source",
    "language",
    "article",
    "dates",
    "entities",
    "quotes",
    "events",
    "story",
    "warnings",
];
/// Event keys in the order of the output contract.
const EVENT_ORDER: &[&str] = &[
    "kind",
    "cameo",
    "participants",
    "host",
    "place",
    "place_source",
    "date",
    "status",
    "trigger",
    "evidence",
    "confidence",
    "story",
];

/// Writes a record with its keys in contract order (serde_json's map sorts them).
fn write_record<W: Write>(out: &mut W, record: &Value) -> io::Result<()> {
    write_ordered(out, record, RECORD_ORDER, |key, v, out| {
        if key == "events" {
            let Value::Array(events) = v else {
                return serde_json::to_writer(&mut *out, v).map_err(io::Error::other);
            };
            out.write_all(b"[")?;
            for (i, e) in events.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                write_ordered(out, e, EVENT_ORDER, |_, v, out| {
                    serde_json::to_writer(out, v).map_err(io::Error::other)
                })?;
            }
            out.write_all(b"]")
        } else {
            serde_json::to_writer(out, v).map_err(io::Error::other)
        }
    })
}

fn write_ordered<W: Write>(
    out: &mut W,
    value: &Value,
    order: &[&str],
    mut field: impl FnMut(&str, &Value, &mut W) -> io::Result<()>,
) -> io::Result<()> {
    let Value::Object(map) = value else {
        return serde_json::to_writer(out, value).map_err(io::Error::other);
    };
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| {
        (
            order.iter().position(|o| o == k).unwrap_or(order.len()),
            k.as_str(),
        )
    });
    out.write_all(b"{")?;
    for (i, k) in keys.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, k).map_err(io::Error::other)?;
        out.write_all(b":")?;
        if let Some(v) = map.get(k) {
            field(k, v, out)?;
        }
    }
    out.write_all(b"}")
}

/// One row per story, most reported first.
fn summary<W: Write>(stories: &Stories, out: &mut W) -> io::Result<()> {
    let mut order: Vec<&Story> = stories.stories.iter().collect();
    order.sort_by_key(|s| std::cmp::Reverse(s.documents()));
    let mut table = Table::new(vec![
        "story",
        "kind",
        "participants",
        "date",
        "place",
        "documents",
        "reports",
    ]);
    let rows: Vec<Vec<String>> = order
        .iter()
        .map(|s| {
            let mut docs: Vec<&str> = s.reports.iter().map(|(d, _)| d.as_str()).collect();
            docs.dedup();
            vec![
                s.id.clone(),
                s.kind.clone(),
                one_line(&s.names.join("; ")),
                s.date.clone().unwrap_or_else(|| "-".to_owned()),
                one_line(s.place.as_deref().unwrap_or("-")),
                s.documents().to_string(),
                one_line(&docs.join(" ")),
            ]
        })
        .collect();
    table.write_block(out, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lines_are_errors_and_blank_lines_are_skipped() {
        assert!(parse(b"{\"id\": 1}").unwrap().is_some());
        assert!(parse(b"   ").unwrap().is_none());
        assert!(parse(b"[1, 2]").unwrap_err().contains("object"));
        assert!(parse(b"{\"id\": ")
            .unwrap_err()
            .contains("not a JSON record"));
    }

    #[test]
    fn keys_are_unique() {
        let mut k = Keys::default();
        let v = serde_json::json!({"id": "a"});
        assert_eq!(k.key(&v, 1), "a");
        assert_eq!(k.key(&v, 2), "line 2");
        assert_eq!(k.key(&serde_json::json!({}), 3), "line 3");
    }

    #[test]
    fn records_keep_the_contract_order() {
        let v = serde_json::json!({"story": null, "id": "x", "schema_version": 1, "events": [{"status": "planned", "kind": "meet"}]});
        let mut out = Vec::new();
        write_record(&mut out, &v).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"schema_version":1,"id":"x","events":[{"kind":"meet","status":"planned"}],"story":null}"#
        );
    }
}
