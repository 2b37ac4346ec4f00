//! # dateline-dates
//!
//! Finds temporal expressions in English news text and normalizes them to TIMEX3 values
//! (TimeML conventions), resolving relative expressions against an anchor date (the
//! document creation time) when one is given.
//!
//! ## Example
//! ```
//! use dateline_dates::{find, Options};
//! use chrono::NaiveDate;
//!
//! let text = "The summit ended on Saturday. It began on Sept. 26.";
//! let opts = Options::with_anchor(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
//! let found = find(text, &opts);
//! assert_eq!(found[0].text, "Saturday");
//! assert_eq!(found[0].value, "2023-09-23");
//! assert_eq!(found[1].value, "2023-09-26");
//! ```
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for [`Timex`] and the attribute enums.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod engine;
mod error;
mod grammar;
mod lex;
mod lexicon;
mod resolve;
mod tense;
mod types;

pub use error::DateError;
pub use types::{AnchorUse, DateOrder, Modifier, Options, Timex, TimexKind};

use dateline_text::Span;

/// Finds every temporal expression in `text`.
///
/// Results are in text order and do not overlap.
///
/// # Example
/// ```
/// use dateline_dates::{find, Options};
/// let found = find("It happened in November 2022.", &Options::default());
/// assert_eq!(found[0].text, "November 2022");
/// assert_eq!(found[0].value, "2022-11");
/// ```
#[must_use]
pub fn find(text: &str, options: &Options) -> Vec<Timex> {
    engine::scan(text, &[Span::new(0, text.len())], options)
}

/// Finds temporal expressions only inside the given byte `regions` of `text` (for example the
/// body paragraphs of an article). Spans still index `text`. Regions out of bounds or not on
/// character boundaries are clipped/skipped; overlapping regions are merged.
///
/// # Example
/// ```
/// use dateline_dates::{find_in, Options};
/// use dateline_text::Span;
/// let text = "2019 header\nIt happened in 2022.";
/// let found = find_in(text, &[Span::new(12, text.len())], &Options::default());
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].value, "2022");
/// ```
#[must_use]
pub fn find_in(text: &str, regions: &[Span], options: &Options) -> Vec<Timex> {
    engine::scan(text, regions, options)
}

/// Parses a single expression such as a date line ("September 23, 2023",
/// "Updated: 2023-09-23 14:02", "AA Tuesday 09:55, 15 November 2022") and returns its
/// most informative temporal expression (the first full date if any, else the first one found).
///
/// # Errors
/// [`DateError::Empty`] for blank input; [`DateError::NotFound`] when nothing temporal is found.
///
/// # Example
/// ```
/// use dateline_dates::{parse_one, Options};
/// let t = parse_one("Updated: 2023-09-23 14:02", &Options::default()).unwrap();
/// assert_eq!(t.value, "2023-09-23T14:02");
/// assert!(parse_one("no date here", &Options::default()).is_err());
/// ```
pub fn parse_one(expr: &str, options: &Options) -> Result<Timex, DateError> {
    if expr.trim().is_empty() {
        return Err(DateError::Empty);
    }
    let found = find(expr, options);
    let best = found
        .iter()
        .find(|t| t.range.is_some_and(|(a, b)| a == b))
        .or_else(|| found.iter().find(|t| t.range.is_some()))
        .or_else(|| found.first());
    best.cloned().ok_or_else(|| DateError::NotFound {
        input: expr.chars().take(80).collect(),
    })
}
