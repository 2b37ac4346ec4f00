//! The one error type of this crate.

use dateline_article::ArticleError;
use dateline_entities::EntityError;
use dateline_events::EventError;
use dateline_text::TextError;

/// Why a text could not be analysed, or a [`Document`](crate::Document) not converted to JSON.
///
/// Ordinary messy text never fails: empty input, boilerplate only, CRLF, BOM or a
/// non-English body all give a valid `Document` (with warnings where something was doubtful).
///
/// [`Error::kind`] gives a short stable name for machine-readable error records.
///
/// # Example
/// ```
/// use dateline::{analyze, Error, Options};
/// let opts = Options::default().with_max_bytes(8);
/// let err = analyze("longer than eight bytes", &opts).unwrap_err();
/// assert!(matches!(err, Error::TooLarge { len: 23, limit: 8 }));
/// assert_eq!(err.kind(), "too_large");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is longer than [`Options::max_bytes`](crate::Options::max_bytes).
    #[error("input is {len} bytes, over the {limit}-byte limit; split the document or raise the limit (Options::max_bytes, --max-bytes)")]
    TooLarge {
        /// Input length in bytes.
        len: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The input looks like binary data rather than text.
    #[error("input looks binary ({nul} of its first {sampled} bytes are NUL); pass the text of an article")]
    Binary {
        /// NUL bytes seen.
        nul: usize,
        /// Bytes sampled.
        sampled: usize,
    },
    /// The article parser refused the input for another reason.
    #[error("article parser: {0}")]
    Article(ArticleError),
    /// The entity extractor refused the regions it was given (a bug in this crate).
    #[error("entity extraction: {0}")]
    Entities(#[from] EntityError),
    /// The event extractor refused its input (a bug in this crate).
    #[error("event extraction: {0}")]
    Events(#[from] EventError),
    /// A byte span could not be mapped to code-point offsets (a bug in a library crate).
    #[error("offset conversion: {0}")]
    Offsets(#[from] TextError),
    /// [`Document::to_json_value`](crate::Document::to_json_value) was given a text that is
    /// not the one the document was made from.
    #[error("the text passed is {got} bytes but the document was analysed from {expected} bytes; pass the same text to analyze() and the JSON conversion")]
    TextMismatch {
        /// Length of the analysed text.
        expected: usize,
        /// Length of the text passed.
        got: usize,
    },
    /// Writing JSON failed (I/O error of the writer).
    #[cfg(feature = "serde")]
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// A short, stable name for the error, used as `error.kind` in JSON error records:
    /// `too_large`, `binary`, `article`, `entities`, `events`, `offsets`, `text_mismatch`, `json`.
    ///
    /// # Example
    /// ```
    /// let e = dateline::Error::TextMismatch { expected: 3, got: 4 };
    /// assert_eq!(e.kind(), "text_mismatch");
    /// ```
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "too_large",
            Error::Binary { .. } => "binary",
            Error::Article(_) => "article",
            Error::Entities(_) => "entities",
            Error::Events(_) => "events",
            Error::Offsets(_) => "offsets",
            Error::TextMismatch { .. } => "text_mismatch",
            #[cfg(feature = "serde")]
            Error::Json(_) => "json",
        }
    }
}

impl From<ArticleError> for Error {
    fn from(e: ArticleError) -> Self {
        match e {
            ArticleError::TooLarge { len, limit } => Error::TooLarge { len, limit },
            ArticleError::Binary { nul, sampled } => Error::Binary { nul, sampled },
            other => Error::Article(other),
        }
    }
}
