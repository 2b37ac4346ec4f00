//! Writing results: JSON Lines (one object per document) and aligned tables.
//!
//! JSON offsets are Unicode code-point offsets into the original document text (so Python's
//! `text[start:end]` is the mention), converted from the libraries' byte spans with
//! [`dateline_text::OffsetMap`].

use std::io::{self, Write};

use dateline_dates::{AnchorUse, Timex};
use dateline_text::{OffsetMap, TextError};
use serde::Serialize;

/// Output format of the listing subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON object per document and line.
    Jsonl,
}

/// One `dates` entry of the JSON output contract (DESIGN.md, schema_version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct DateEntry<'a> {
    /// The expression as written.
    pub(crate) text: &'a str,
    /// Code-point start offset.
    pub(crate) start: usize,
    /// Code-point end offset (exclusive).
    pub(crate) end: usize,
    /// TIMEX3 type.
    pub(crate) kind: &'static str,
    /// TIMEX3 value.
    pub(crate) value: &'a str,
    /// TIMEX3 `mod`.
    pub(crate) modifier: Option<&'static str>,
    /// Inclusive `[start, end]` ISO dates.
    pub(crate) range: Option<[String; 2]>,
    /// "published", "mention" or "none".
    pub(crate) anchor: &'static str,
}

impl<'a> DateEntry<'a> {
    /// Builds the entry for `timex`, converting its byte span with `map`.
    ///
    /// # Errors
    /// [`TextError`] when the span does not fit the text (a library bug; reported per document).
    pub(crate) fn new(timex: &'a Timex, map: &OffsetMap) -> Result<Self, TextError> {
        let (start, end) = map.char_span(timex.span)?;
        Ok(DateEntry {
            text: &timex.text,
            start,
            end,
            kind: timex.kind.as_str(),
            value: &timex.value,
            modifier: timex.modifier.map(|m| m.as_str()),
            range: timex.range().map(|(a, b)| [a.to_string(), b.to_string()]),
            anchor: anchor_name(timex.anchor),
        })
    }
}

/// The JSON name of an [`AnchorUse`].
pub(crate) fn anchor_name(anchor: AnchorUse) -> &'static str {
    match anchor {
        AnchorUse::Published => "published",
        AnchorUse::Mention => "mention",
        AnchorUse::None => "none",
    }
}

/// One line of `dateline dates --format jsonl`.
#[derive(Debug, Serialize)]
pub(crate) struct DatesRecord<'a> {
    /// Document id (file stem).
    pub(crate) id: &'a str,
    /// Path as given (`-` for stdin).
    pub(crate) source: &'a str,
    /// The expressions, in text order.
    pub(crate) dates: Vec<DateEntry<'a>>,
}

/// Writes `value` as one JSON line.
///
/// # Errors
/// The writer's I/O error.
pub(crate) fn write_jsonl<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// A table written block by block: the header once, then each block of rows with its
/// columns aligned (blocks are one document, so memory stays bounded).
#[derive(Debug)]
pub(crate) struct Table {
    header: Vec<&'static str>,
    header_written: bool,
}

impl Table {
    /// A table with these column names.
    pub(crate) fn new(header: Vec<&'static str>) -> Self {
        Table {
            header,
            header_written: false,
        }
    }

    /// Writes one block of rows (the header first, before the first block).
    ///
    /// # Errors
    /// The writer's I/O error.
    pub(crate) fn write_block<W: Write>(
        &mut self,
        out: &mut W,
        rows: &[Vec<String>],
    ) -> io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        if !self.header_written {
            self.header_written = true;
            let header: Vec<String> = self.header.iter().map(|h| (*h).to_owned()).collect();
            write_row(out, &header, &widths)?;
        }
        for row in rows {
            write_row(out, row, &widths)?;
        }
        Ok(())
    }
}

fn write_row<W: Write>(out: &mut W, row: &[String], widths: &[usize]) -> io::Result<()> {
    let mut line = String::new();
    let last = row.len().saturating_sub(1);
    for (i, cell) in row.iter().enumerate() {
        line.push_str(cell);
        if i < last {
            let pad = widths
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(cell.chars().count());
            line.push_str(&" ".repeat(pad + 2));
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// Makes a cell printable on one line: control characters (newlines, tabs) become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Writes the JSON Lines error record of a failed document (`{"schema_version", "id",
/// "source", "error": {"kind", "message"}}`), so that every document in gives one record out.
pub(crate) fn write_error_record<W: Write>(
    out: &mut W,
    error: &crate::error::CliError,
) -> io::Result<()> {
    let path = error.path().unwrap_or_default();
    let id = crate::input::document_id(&path);
    let source = path.display().to_string();
    let mut line = Vec::new();
    dateline::json::write_error_record(
        &mut line,
        Some(&id),
        Some(&source),
        error.kind(),
        &error.to_string(),
    )
    .map_err(|e| io::Error::other(e.to_string()))?;
    line.push(b'\n');
    out.write_all(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let mut t = Table::new(vec!["a", "bb"]);
        let mut out = Vec::new();
        t.write_block(&mut out, &[vec!["xxx".into(), "y".into()]])
            .unwrap();
        t.write_block(&mut out, &[vec!["1".into(), "2".into()]])
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a    bb\nxxx  y\n1  2\n");
    }

    #[test]
    fn one_line_removes_controls() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
    }
}
