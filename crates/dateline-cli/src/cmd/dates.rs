//! `dateline dates`: list the temporal expressions of each document.

use std::io::Write;

use chrono::NaiveDate;
use dateline_article::{Confidence, Precision};
use dateline_dates::{find, Options};
use dateline_text::OffsetMap;
use rayon::prelude::*;

use super::{parse_anchor_or_auto, Anchor, DateOrderArg};
use crate::error::CliError;
use crate::input::{Document, InputArgs, Source};
use crate::output::{
    one_line, write_error_record, write_jsonl, DateEntry, DatesRecord, Format, Table,
};
use crate::Outcome;

/// Arguments of `dateline dates`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DatesArgs {
    /// Document creation date that relative expressions ("yesterday", "on Saturday") resolve
    /// against, or `auto` for each document's own publication date as inferred from its
    /// header, date line or dateline (when known to the day and not doubtful). Without it
    /// they are found but left unresolved.
    #[arg(long, value_name = "YYYY-MM-DD|auto", value_parser = parse_anchor_or_auto)]
    pub(crate) anchor: Option<Anchor>,
    /// How all-numeric dates such as 05/11/2022 are read.
    #[arg(long, value_enum, default_value_t = DateOrderArg::Mdy)]
    pub(crate) date_order: DateOrderArg,
    /// Join the ends of spans ("from 1898 to 1902", "January-June 2017") into one expression
    /// with the whole range (as `analyze` does; TimeML marks the ends apart).
    #[arg(long)]
    pub(crate) join_ranges: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    #[command(flatten)]
    pub(crate) input: InputArgs,
}

const HEADER: [&str; 7] = [
    "file", "offsets", "text", "kind", "value", "modifier", "range",
];

/// Documents read and analysed in parallel at a time (output keeps input order; memory is
/// bounded by one batch).
const BATCH: usize = 64;

/// Runs `dateline dates`, writing to `out` and reporting failed documents on stderr.
///
/// Documents are processed in parallel batches (rayon, all cores) and written in input order.
///
/// # Errors
/// Only [`CliError::Stdout`] (output cannot be written) stops the run; document failures
/// are counted in the returned [`Outcome`].
pub(crate) fn run<W: Write>(args: &DatesArgs, out: &mut W) -> Result<Outcome, CliError> {
    let mut outcome = Outcome::default();
    let mut table = Table::new(HEADER.to_vec());
    let (sources, errors) = args.input.sources();
    for error in errors {
        fail(&error, args.format, &mut outcome, out)?;
    }
    for batch in sources.chunks(BATCH) {
        let rendered: Vec<Result<Rendered, CliError>> = batch
            .par_iter()
            .map(|source| render(source, args))
            .collect();
        for result in rendered {
            let written = match result {
                Ok(Rendered::Line(line)) => out.write_all(&line),
                Ok(Rendered::Rows(rows)) => table.write_block(out, &rows),
                Err(error) => {
                    fail(&error, args.format, &mut outcome, out)?;
                    continue;
                }
            };
            written.map_err(CliError::Stdout)?;
            outcome.ok += 1;
        }
    }
    out.flush().map_err(CliError::Stdout)?;
    Ok(outcome)
}

/// Reports a failed document on stderr and, in JSON Lines, as an error record (documents in =
/// records out).
fn fail<W: Write>(
    error: &CliError,
    format: Format,
    outcome: &mut Outcome,
    out: &mut W,
) -> Result<(), CliError> {
    outcome.fail(error);
    if format == Format::Jsonl {
        write_error_record(out, error).map_err(CliError::Stdout)?;
    }
    Ok(())
}

/// One document's output, rendered on a worker thread.
enum Rendered {
    /// A JSON line, newline included.
    Line(Vec<u8>),
    /// Table rows (aligned when written).
    Rows(Vec<Vec<String>>),
}

/// Reads one document, finds its expressions and renders them.
fn render(source: &Source, args: &DatesArgs) -> Result<Rendered, CliError> {
    let doc = source.read(args.input.lossy)?;
    let mut options = Options::default();
    options.date_order = args.date_order.into();
    options.join_ranges = args.join_ranges;
    options.anchor = match args.anchor {
        None => None,
        Some(Anchor::Date(date)) => Some(date),
        Some(Anchor::Auto) => published_day(&doc.text),
    };
    render_document(&doc, &options, args.format)
}

/// The publication date `dateline-article` infers for `text`, when it is known to the day and
/// trusted (medium or high confidence: a placeholder header such as January 1 contradicted by
/// the story is not used).
fn published_day(text: &str) -> Option<NaiveDate> {
    let published = dateline_article::parse(text).ok()?.published;
    if published.confidence == Confidence::Low {
        return None;
    }
    published
        .date
        .filter(|d| d.precision == Precision::Day)
        .map(|d| d.date)
}

fn render_document(
    doc: &Document,
    options: &Options,
    format: Format,
) -> Result<Rendered, CliError> {
    let found = find(&doc.text, options);
    let map = OffsetMap::new(&doc.text);
    let mut dates = Vec::with_capacity(found.len());
    for timex in &found {
        let entry = DateEntry::new(timex, &map).map_err(|source| CliError::Offsets {
            path: doc.source.clone().into(),
            source,
        })?;
        dates.push(entry);
    }
    match format {
        Format::Jsonl => {
            let record = DatesRecord {
                id: &doc.id,
                source: &doc.source,
                dates,
            };
            let mut line = Vec::new();
            write_jsonl(&mut line, &record).map_err(CliError::Stdout)?;
            Ok(Rendered::Line(line))
        }
        Format::Table => Ok(Rendered::Rows(
            dates
                .iter()
                .map(|d| {
                    vec![
                        doc.source.clone(),
                        format!("{}-{}", d.start, d.end),
                        one_line(d.text),
                        d.kind.to_owned(),
                        d.value.to_owned(),
                        d.modifier.unwrap_or("-").to_owned(),
                        d.range.as_ref().map_or_else(
                            || "-".to_owned(),
                            |[a, b]| {
                                if a == b {
                                    a.clone()
                                } else {
                                    format!("{a}..{b}")
                                }
                            },
                        ),
                    ]
                })
                .collect(),
        )),
    }
}
