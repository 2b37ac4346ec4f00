//! # dateline-dates
//!
//! Finds temporal expressions in English news text and normalizes them to TIMEX3 values
//! (TimeML / TimeBank conventions), resolving relative expressions against an anchor date —
//! the document creation time (DCT) — when one is given.
//!
//! - [`find`] returns every expression of a text as a [`Timex`]: byte [`Span`] into the
//!   caller's text, `kind` ([`TimexKind`]: DATE, TIME, DURATION, SET), TIMEX3 `value`
//!   (`"2023-09-23"`, `"2023-09"`, `"2023-W38"`, `"2023-Q3"`, `"P4Y"`, `"PRESENT_REF"`,
//!   `"XXXX-09-26"` ...), `modifier` ([`Modifier`]), the anchor used ([`AnchorUse`]) and a
//!   concrete inclusive date range ([`Timex::range`]).
//! - [`find_in`] does the same inside given byte regions only (e.g. an article's body).
//! - [`parse_one`] reads a single expression such as a date line.
//! - [`Options`] carries the anchor and how to read all-numeric dates ([`DateOrder`]).
//!
//! Without an anchor, relative expressions are still found and typed, with values that say
//! what is unknown; the machine clock is never used. Bare weekdays follow the tense of their
//! sentence as news style uses them (past: the most recent one; future: the next one).
//! Extents follow TimeML: "on", "in" and "about" stay outside, "earlier this month" is one
//! expression. Impossible dates ("February 30, 2023", "13/13/2023") are never emitted.
//!
//! ## Usage
//! ```toml
//! [dependencies]
//! dateline-dates = "0.1"
//! ```
//!
//! ## Example
//! ```
//! use dateline_dates::{find, AnchorUse, Modifier, Options, TimexKind};
//! use chrono::NaiveDate;
//!
//! let text = "The summit ended on Saturday. Talks resume on Sept. 26, \
//!             after nearly three years of stalemate.";
//! let opts = Options::with_anchor(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
//! let found = find(text, &opts);
//!
//! assert_eq!(found[0].text, "Saturday");
//! assert_eq!(found[0].value, "2023-09-23");
//! assert_eq!(found[0].anchor, AnchorUse::Published);
//! assert_eq!(found[1].value, "2023-09-26");
//! assert_eq!(found[2].text, "nearly three years");
//! assert_eq!((found[2].kind, found[2].value.as_str()), (TimexKind::Duration, "P3Y"));
//! assert_eq!(found[2].modifier, Some(Modifier::LessThan));
//! for t in &found {
//!     assert_eq!(&text[t.span.range()], t.text); // spans index the original text
//! }
//!
//! // Without an anchor: found and typed, not resolved.
//! let t = &find("The talks resume next month.", &Options::default())[0];
//! assert_eq!((t.text.as_str(), t.value.as_str()), ("next month", "XXXX-XX"));
//! assert_eq!(t.range(), None);
//! ```
//!
//! ## How it works
//! An Aho-Corasick automaton over trigger words plus a byte scan for date-like numbers find
//! candidate positions; a small window around each is lexed and matched by a hand-written
//! grammar (longest match wins). Text without triggers is never lexed, so `find` runs at tens
//! of MB/s on news text (see the crate README). Static automata are built once and shared.
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for [`Timex`], [`TimexKind`], [`Modifier`],
//!   [`AnchorUse`] and [`DateOrder`] (TIMEX3 names: `"DATE"`, `"LESS_THAN"`, `"published"`).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod engine;
mod error;
mod grammar;
mod lex;
mod lexicon;
mod ranges;
mod resolve;
mod tense;
mod types;

pub use error::DateError;
pub use types::{AnchorUse, DateOrder, Modifier, Options, Timex, TimexKind};

pub use dateline_text::Span;

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

/// The README's example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
