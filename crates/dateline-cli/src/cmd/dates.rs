//! `dateline dates`: list the temporal expressions of each document.

use std::io::Write;

use chrono::NaiveDate;
use dateline_article::{Confidence, Precision};
use dateline_dates::{find, Options};
use dateline_text::OffsetMap;

use super::{parse_anchor_or_auto, Anchor, DateOrderArg};
use crate::error::CliError;
use crate::input::{Document, InputArgs};
use crate::output::{one_line, write_jsonl, DateEntry, DatesRecord, Format, Table};
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    #[command(flatten)]
    pub(crate) input: InputArgs,
}

const HEADER: [&str; 7] = [
    "file", "offsets", "text", "kind", "value", "modifier", "range",
];

/// Runs `dateline dates`, writing to `out` and reporting failed documents on stderr.
///
/// # Errors
/// Only [`CliError::Stdout`] (output cannot be written) stops the run; document failures
/// are counted in the returned [`Outcome`].
pub(crate) fn run<W: Write>(args: &DatesArgs, out: &mut W) -> Result<Outcome, CliError> {
    let mut options = Options::default();
    options.date_order = args.date_order.into();
    let mut outcome = Outcome::default();
    let mut table = Table::new(HEADER.to_vec());
    let (sources, errors) = args.input.sources();
    for error in errors {
        outcome.fail(&error);
    }
    for source in sources {
        let doc = match source.read(args.input.lossy) {
            Ok(doc) => doc,
            Err(error) => {
                outcome.fail(&error);
                continue;
            }
        };
        options.anchor = match args.anchor {
            None => None,
            Some(Anchor::Date(date)) => Some(date),
            Some(Anchor::Auto) => published_day(&doc.text),
        };
        match write_document(&doc, &options, args.format, &mut table, out) {
            Ok(()) => outcome.ok += 1,
            Err(error @ CliError::Stdout(_)) => return Err(error),
            Err(error) => outcome.fail(&error),
        }
    }
    out.flush().map_err(CliError::Stdout)?;
    Ok(outcome)
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

fn write_document<W: Write>(
    doc: &Document,
    options: &Options,
    format: Format,
    table: &mut Table,
    out: &mut W,
) -> Result<(), CliError> {
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
            write_jsonl(out, &record).map_err(CliError::Stdout)
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = dates
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
                .collect();
            table.write_block(out, &rows).map_err(CliError::Stdout)
        }
    }
}
