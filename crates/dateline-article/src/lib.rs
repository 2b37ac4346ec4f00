//! # dateline-article
//!
//! Turns a raw news dump — plain text as a crawler leaves it, inconsistent from site to site —
//! into an [`Article`]. A learned page-structure model ([`LineModel`], a linear-chain CRF over
//! per-line features) labels every non-blank line ([`LineLabel`]: title, standfirst, byline,
//! date line, caption, body, related, chrome; [`Article::lines`]), then line rules read the
//! parts off the labelled lines: header line, title (with wire prefixes such as "(2nd LD)"), standfirst,
//! photo captions and credits, date line, wire dateline ("SEOUL, Sept 23 (Reuters) -"),
//! byline, body paragraphs, boilerplate set apart (related headlines, breadcrumbs, share/print
//! chrome, cookie notices, credits, repeated captions), the body's language and the
//! publication date with its source, confidence and warnings.
//!
//! Every part is a byte [`Span`] into the text you passed: `&text[span.range()]` is exactly
//! the part (use [`Article::text_of`] for a slice that never panics).
//!
//! ## Usage
//! ```
//! use dateline_article::{parse, BoilerplateKind, Confidence};
//!
//! let text = " date 2023-09-23 WORLD
//! China seeks cooperation with South Korea amid tensions
//! Xi held talks with Han in Hangzhou. / Photo: Reuters
//! September 23, 2023
//!
//! HANGZHOU, Sept 23 (Reuters) - Xi held talks on Saturday with Han, CCTV reported.
//!
//! Print
//! ";
//! let article = parse(text).unwrap();
//! let title = article.title.as_ref().unwrap();
//! assert_eq!(&text[title.span.range()], "China seeks cooperation with South Korea amid tensions");
//! assert_eq!(&text[article.captions[0].credit.unwrap().range()], "Reuters");
//! assert_eq!(&text[article.paragraphs[0].range()], "Xi held talks on Saturday with Han, CCTV reported.");
//! assert_eq!(&text[article.dateline.as_ref().unwrap().place.unwrap().range()], "HANGZHOU");
//! assert_eq!(article.boilerplate[0].kind, BoilerplateKind::Chrome);
//! assert_eq!(article.published.date.unwrap().to_string(), "2023-09-23");
//! assert_eq!(article.published.confidence, Confidence::High);
//! assert_eq!(article.language.code, "en");
//! ```
//!
//! ## Errors
//! [`parse`] returns a typed [`ArticleError`] only for input that is not an article at all
//! (larger than [`ParseOptions::max_bytes`], or binary data). Anything else — empty text, only
//! a header, only boilerplate, CRLF, a BOM, NBSP, stray NUL bytes, an impossible header date,
//! mixed scripts — gives a valid (possibly empty) `Article`, with warnings in
//! [`Published::warnings`] where something was doubtful. Parsing never panics and is linear in
//! the input size.
//!
//! ## The line model
//! [`LineModel::builtin`] is trained by the `train_lines` example on the real pages of
//! `../shared/data/pages-dev` and samples of Reuters-21578 and BBC News (command, data and
//! held-out figures in the crate README). [`train`] learns a model from your own labelled
//! pages; [`ParseOptions::line_model`] makes [`parse_with`] use it.
//!
//! ```
//! use dateline_article::{parse, LineLabel};
//! let text = "Menu\nFloods close schools in the north\n\nHeavy rain closed schools on Monday, officials said.";
//! let a = parse(text).unwrap();
//! let labels: Vec<LineLabel> = a.lines.iter().map(|l| l.label).collect();
//! assert_eq!(labels, [LineLabel::Chrome, LineLabel::Title, LineLabel::Body]);
//! ```
//!
//! ## Publication date
//! Inference lives in this crate (module [`published`]) rather than in `dateline-dates`
//! because it needs the article structure; all dates are read by `dateline-dates`.
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for [`Article`] and all its parts.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod language;
mod layout;
mod lexicon;
mod lines;
mod model;
pub mod published;
mod structure;

/// The README's example, checked as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use dateline_text::Span;
pub use error::ArticleError;
pub use layout::{train, LineModel, LineTarget, TrainOptions, TrainingPage};
pub use model::{
    Article, Boilerplate, BoilerplateKind, Caption, Confidence, DateLine, DateValue, Header,
    LabeledLine, Language, LineLabel, Precision, Published, PublishedSource, RestKind, Title,
    TitleSource, WireDateline,
};

use std::sync::Arc;

use chrono::NaiveDate;

/// Default [`ParseOptions::max_bytes`]: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Options for [`parse_with`].
///
/// # Example
/// ```
/// use dateline_article::{parse_with, ParseOptions};
/// let opts = ParseOptions {
///     reference_date: chrono::NaiveDate::from_ymd_opt(2022, 11, 20),
///     ..ParseOptions::default()
/// };
/// let text = "BALI, Indonesia, Nov. 15 (Yonhap) -- Yoon met Xi on Tuesday.";
/// let a = parse_with(text, &opts).unwrap();
/// assert_eq!(a.published.date.unwrap().to_string(), "2022-11-15");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// A date known from outside the text (for example the crawl date). It is used only to
    /// give a year to a wire dateline ("Nov. 15") when nothing in the dump does.
    pub reference_date: Option<NaiveDate>,
    /// Check the publication date against the body's own dates (weekdays, elapsed durations).
    /// On by default.
    pub body_evidence: bool,
    /// Detect the language. On by default; when off, `language` is "und".
    pub detect_language: bool,
    /// Inputs longer than this many bytes are refused with [`ArticleError::TooLarge`].
    pub max_bytes: usize,
    /// The line labeller's weights; `None` uses [`LineModel::builtin`].
    pub line_model: Option<Arc<LineModel>>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            reference_date: None,
            body_evidence: true,
            detect_language: true,
            max_bytes: DEFAULT_MAX_BYTES,
            line_model: None,
        }
    }
}

/// Parses a raw news dump with default options.
///
/// # Errors
/// [`ArticleError::TooLarge`] over 64 MiB; [`ArticleError::Binary`] for binary data.
///
/// # Example
/// ```
/// let text = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.";
/// let a = dateline_article::parse(text).unwrap();
/// assert_eq!(&text[a.title.unwrap().span.range()], "Ad sales boost Time Warner profit");
/// assert!(dateline_article::parse("").unwrap().paragraphs.is_empty());
/// ```
pub fn parse(text: &str) -> Result<Article, ArticleError> {
    parse_with(text, &ParseOptions::default())
}

/// Parses a raw news dump.
///
/// # Errors
/// [`ArticleError::TooLarge`] when `text` is longer than `options.max_bytes`;
/// [`ArticleError::Binary`] when more than a tenth of its first 8 KiB are NUL bytes.
///
/// # Example
/// ```
/// use dateline_article::{parse_with, ParseOptions};
/// let a = parse_with("WASHINGTON (AP) — Lawmakers met.", &ParseOptions::default()).unwrap();
/// assert_eq!(a.dateline.unwrap().agency.map(|s| s.range()), Some(12..14));
/// ```
pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Article, ArticleError> {
    if text.len() > options.max_bytes {
        return Err(ArticleError::TooLarge {
            len: text.len(),
            limit: options.max_bytes,
        });
    }
    let sample = &text.as_bytes()[..text.len().min(8192)];
    let nul = memchr::memchr_iter(0, sample).count();
    if nul >= 8 && nul * 10 > sample.len() {
        return Err(ArticleError::Binary {
            nul,
            sampled: sample.len(),
        });
    }
    let structure::Structure {
        mut article,
        byline_dates,
        warnings,
        sign_off_agency,
    } = structure::parse(
        text,
        options
            .line_model
            .as_deref()
            .unwrap_or_else(|| LineModel::builtin()),
    );
    if let Some(d) = article.dateline.as_mut() {
        if d.agency.is_none() {
            d.agency = sign_off_agency;
        }
    }
    if options.detect_language {
        let mut pieces: Vec<&str> = article
            .paragraphs
            .iter()
            .filter_map(|s| s.slice(text))
            .take(64)
            .collect();
        if pieces.is_empty() {
            pieces.extend(article.title.as_ref().and_then(|t| t.span.slice(text)));
            pieces.extend(article.standfirst.and_then(|s| s.slice(text)));
        }
        article.language = language::detect(&pieces);
    }
    article.published = published::infer(text, &mut article, &byline_dates, warnings, options);
    Ok(article)
}
