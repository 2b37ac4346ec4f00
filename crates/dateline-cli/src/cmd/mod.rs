//! The subcommands, one module each.

pub(crate) mod analyze;
pub(crate) mod conll;
pub(crate) mod dates;
pub(crate) mod parse;
pub(crate) mod stories;
pub(crate) mod timeml;

use std::sync::Arc;

use chrono::NaiveDate;
use dateline_article::LineModel;
use dateline_dates::DateOrder;

/// `--date-order` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum DateOrderArg {
    /// Month first: 11/15/2022.
    #[default]
    Mdy,
    /// Day first: 15/11/2022.
    Dmy,
    /// Year first: 2022/11/15.
    Ymd,
}

impl From<DateOrderArg> for DateOrder {
    fn from(value: DateOrderArg) -> Self {
        match value {
            DateOrderArg::Mdy => DateOrder::Mdy,
            DateOrderArg::Dmy => DateOrder::Dmy,
            DateOrderArg::Ymd => DateOrder::Ymd,
        }
    }
}

/// The `--anchor` value: a fixed date, or `auto` (each document's inferred publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The same date for every document.
    Date(NaiveDate),
    /// The publication date `dateline-article` infers for each document (header, date line,
    /// dateline), when it is known to the day with medium or high confidence; otherwise
    /// relative expressions stay unresolved.
    Auto,
}

/// Reads `--line-model FILE`: page-structure weights written by `dateline-article`'s
/// `train_lines` example (clap reports a failure as a usage error, exit code 2).
///
/// # Errors
/// A message naming the file and what is wrong with it.
pub(crate) fn parse_line_model(path: &str) -> Result<Arc<LineModel>, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read the line model {path}: {e}"))?;
    LineModel::from_bytes(&bytes)
        .map(Arc::new)
        .map_err(|e| format!("{path}: {e}"))
}

/// Parses a YYYY-MM-DD date option such as `--anchor` (clap reports a failure as a usage
/// error, exit code 2).
///
/// # Errors
/// A message saying what was wrong and the expected form.
pub(crate) fn parse_anchor(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|e| {
        format!("`{s}` is not a calendar date ({e}); write it as YYYY-MM-DD, e.g. 2023-09-23")
    })
}

/// Parses `--anchor` of `dateline dates`: a YYYY-MM-DD date or `auto`.
///
/// # Errors
/// A message saying what was wrong and the expected forms.
pub(crate) fn parse_anchor_or_auto(s: &str) -> Result<Anchor, String> {
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(Anchor::Auto);
    }
    parse_anchor(s)
        .map(Anchor::Date)
        .map_err(|e| format!("{e}, or `auto` for each document's publication date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors() {
        assert_eq!(
            parse_anchor("2023-09-23"),
            Ok(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap())
        );
        assert!(parse_anchor("2023-02-30").is_err());
        assert!(parse_anchor("23/09/2023")
            .unwrap_err()
            .contains("YYYY-MM-DD"));
    }
}
