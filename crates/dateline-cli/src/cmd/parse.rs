//! `dateline parse`: the structure of each document (header, title, standfirst, captions,
//! dateline, byline, paragraphs, boilerplate, language, publication date).
//!
//! JSON Lines output follows the `article` object of the JSON contract (DESIGN.md, schema
//! version 1); offsets are Unicode code-point offsets into the original text.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use dateline_article::{parse_with, Article, ParseOptions};
use dateline_text::{OffsetMap, Span, TextError};
use serde::Serialize;

use super::{parse_anchor, parse_line_model};
use crate::error::CliError;
use crate::input::{Document, InputArgs};
use crate::output::{write_error_record, write_jsonl};
use crate::Outcome;

/// Output formats of `dateline parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ParseFormat {
    /// One JSON object per document and line.
    Jsonl,
    /// A readable summary per document.
    Text,
}

/// Arguments of `dateline parse`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ParseArgs {
    /// Output format [default: jsonl when standard output is not a terminal, text otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ParseFormat>,
    /// A date known from outside the text (e.g. the crawl date), used only to give a year to a
    /// wire dateline ("Nov. 15") when nothing in the document does.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_anchor)]
    pub(crate) reference_date: Option<NaiveDate>,
    /// Page-structure line model to use instead of the built-in one (a file written by
    /// `cargo run --release -p dateline-article --example train_lines`).
    #[arg(long, value_name = "FILE", value_parser = parse_line_model)]
    pub(crate) line_model: Option<std::sync::Arc<dateline_article::LineModel>>,
    #[command(flatten)]
    pub(crate) input: InputArgs,
}

/// Runs `dateline parse`, writing to `out` and reporting failed documents on stderr.
///
/// # Errors
/// Only [`CliError::Stdout`] stops the run; document failures are counted in the [`Outcome`].
pub(crate) fn run<W: Write>(args: &ParseArgs, out: &mut W) -> Result<Outcome, CliError> {
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        ParseFormat::Text
    } else {
        ParseFormat::Jsonl
    });
    let options = ParseOptions {
        reference_date: args.reference_date,
        line_model: args.line_model.clone(),
        ..ParseOptions::default()
    };
    let mut outcome = Outcome::default();
    let (sources, errors) = args.input.sources();
    let fail = |error: &CliError, outcome: &mut Outcome, out: &mut W| {
        outcome.fail(error);
        if format == ParseFormat::Jsonl {
            write_error_record(out, error).map_err(CliError::Stdout)?;
        }
        Ok::<(), CliError>(())
    };
    for error in errors {
        fail(&error, &mut outcome, out)?;
    }
    for source in sources {
        let doc = match source.read(args.input.lossy) {
            Ok(doc) => doc,
            Err(error) => {
                fail(&error, &mut outcome, out)?;
                continue;
            }
        };
        match write_document(&doc, &options, format, out) {
            Ok(()) => outcome.ok += 1,
            Err(error @ CliError::Stdout(_)) => return Err(error),
            Err(error) => fail(&error, &mut outcome, out)?,
        }
    }
    out.flush().map_err(CliError::Stdout)?;
    Ok(outcome)
}

fn write_document<W: Write>(
    doc: &Document,
    options: &ParseOptions,
    format: ParseFormat,
    out: &mut W,
) -> Result<(), CliError> {
    let article = parse_with(&doc.text, options).map_err(|source| CliError::Article {
        path: doc.source.clone().into(),
        source,
    })?;
    match format {
        ParseFormat::Jsonl => {
            let map = OffsetMap::new(&doc.text);
            let record =
                ParseRecord::new(doc, &article, &map).map_err(|source| CliError::Offsets {
                    path: doc.source.clone().into(),
                    source,
                })?;
            write_jsonl(out, &record).map_err(CliError::Stdout)
        }
        ParseFormat::Text => {
            writeln!(out, "== {} ({})", doc.id, doc.source).map_err(CliError::Stdout)?;
            writeln!(out, "{}", article.summary(&doc.text)).map_err(CliError::Stdout)
        }
    }
}

/// One line of `dateline parse --format jsonl`.
#[derive(Debug, Serialize)]
pub(crate) struct ParseRecord<'a> {
    schema_version: u32,
    id: &'a str,
    source: &'a str,
    language: &'a str,
    article: ArticleJson<'a>,
}

/// The `article` object of the JSON contract.
#[derive(Debug, Serialize)]
struct ArticleJson<'a> {
    header: Option<HeaderJson<'a>>,
    title: Option<&'a str>,
    /// Wire prefix of the title ("(2nd LD)"); an addition to the contract.
    title_prefix: Option<&'a str>,
    standfirst: Option<&'a str>,
    byline: Vec<&'a str>,
    dateline: Option<DatelineJson<'a>>,
    captions: Vec<CaptionJson<'a>>,
    /// The date line near the top; an addition to the contract.
    date_line: Option<DateLineJson<'a>>,
    published: PublishedJson,
    paragraphs: Vec<TextJson<'a>>,
    boilerplate: Vec<BoilerplateJson<'a>>,
    /// Every non-blank line with its label (the page-structure model's decision).
    lines: Vec<LineJson>,
}

#[derive(Debug, Serialize)]
struct LineJson {
    label: &'static str,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize)]
struct HeaderJson<'a> {
    date: Option<String>,
    rest: Option<&'a str>,
    rest_kind: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct DatelineJson<'a> {
    place: Option<&'a str>,
    agency: Option<&'a str>,
    date_text: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct CaptionJson<'a> {
    text: &'a str,
    credit: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize)]
struct DateLineJson<'a> {
    text: &'a str,
    date: Option<String>,
}

#[derive(Debug, Serialize)]
struct PublishedJson {
    date: Option<String>,
    source: &'static str,
    confidence: &'static str,
    warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
struct TextJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize)]
struct BoilerplateJson<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> ParseRecord<'a> {
    /// Builds the record, converting byte spans to code-point offsets with `map`.
    ///
    /// # Errors
    /// [`TextError`] when a span does not fit the text (a library bug; reported per document).
    pub(crate) fn new(
        doc: &'a Document,
        a: &'a Article,
        map: &OffsetMap,
    ) -> Result<Self, TextError> {
        let text = doc.text.as_str();
        let s = |span: Span| span.slice(text).unwrap_or("");
        let spanned = |span: Span| -> Result<TextJson<'a>, TextError> {
            let (start, end) = map.char_span(span)?;
            Ok(TextJson {
                text: s(span),
                start,
                end,
            })
        };
        let captions = a
            .captions
            .iter()
            .map(|c| {
                let (start, end) = map.char_span(c.text)?;
                Ok(CaptionJson {
                    text: s(c.text),
                    credit: c.credit.map(s),
                    start,
                    end,
                })
            })
            .collect::<Result<_, TextError>>()?;
        let paragraphs = a
            .paragraphs
            .iter()
            .map(|&p| spanned(p))
            .collect::<Result<_, _>>()?;
        let boilerplate = a
            .boilerplate
            .iter()
            .map(|b| {
                let (start, end) = map.char_span(b.span)?;
                Ok(BoilerplateJson {
                    kind: b.kind.as_str(),
                    text: s(b.span),
                    start,
                    end,
                })
            })
            .collect::<Result<_, TextError>>()?;
        let article = ArticleJson {
            header: a.header.as_ref().map(|h| HeaderJson {
                date: h.date.map(|d| d.to_string()),
                rest: h.rest.map(s),
                rest_kind: h.rest_kind.map(|k| k.as_str()),
            }),
            title: a.title.as_ref().map(|t| s(t.span)),
            title_prefix: a.title.as_ref().and_then(|t| t.prefix).map(s),
            standfirst: a.standfirst.map(s),
            byline: a.byline.iter().map(|&b| s(b)).collect(),
            dateline: a.dateline.as_ref().map(|d| DatelineJson {
                place: d.place.map(s),
                agency: d.agency.map(s),
                date_text: d.date_text.map(s),
            }),
            captions,
            date_line: a.date_line.as_ref().map(|d| DateLineJson {
                text: s(d.span),
                date: d.date.map(|v| v.to_string()),
            }),
            published: PublishedJson {
                date: a.published.date.map(|d| d.to_string()),
                source: a.published.source.as_str(),
                confidence: a.published.confidence.as_str(),
                warnings: a.published.warnings.clone(),
            },
            paragraphs,
            boilerplate,
            lines: a
                .lines
                .iter()
                .map(|l| {
                    let (start, end) = map.char_span(l.span)?;
                    Ok(LineJson {
                        label: l.label.as_str(),
                        start,
                        end,
                    })
                })
                .collect::<Result<_, TextError>>()?,
        };
        Ok(ParseRecord {
            schema_version: 1,
            id: &doc.id,
            source: &doc.source,
            language: &a.language.code,
            article,
        })
    }
}
