//! The error type of this crate.

/// Why a dump could not be parsed into an [`Article`](crate::Article).
///
/// Ordinary messy text (empty, only boilerplate, CRLF, stray NUL bytes, impossible header
/// dates) never fails: it yields a valid, possibly empty, `Article` with warnings.
///
/// # Example
/// ```
/// use dateline_article::{parse_with, ArticleError, ParseOptions};
/// let opts = ParseOptions { max_bytes: 4, ..ParseOptions::default() };
/// assert!(matches!(parse_with("too long", &opts), Err(ArticleError::TooLarge { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArticleError {
    /// The input is longer than [`ParseOptions::max_bytes`](crate::ParseOptions::max_bytes).
    #[error("input is {len} bytes, over the {limit}-byte limit; split the dump or raise ParseOptions::max_bytes")]
    TooLarge {
        /// Input length in bytes.
        len: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The input looks like binary data rather than text (many NUL bytes at its start).
    #[error("input looks binary ({nul} of its first {sampled} bytes are NUL); pass the text of an article")]
    Binary {
        /// NUL bytes seen.
        nul: usize,
        /// Bytes sampled.
        sampled: usize,
    },
    /// A line label name that is not one of [`LineLabel::ALL`](crate::LineLabel::ALL).
    #[error("unknown line label {0:?}; expected one of title, standfirst, byline, date_line, caption, body, related, chrome")]
    UnknownLabel(String),
    /// Line-model weights that cannot be read (wrong file, truncated, another version).
    #[error("invalid line model: {0}")]
    InvalidModel(String),
    /// Training data that cannot be used (no pages, labels that do not match the lines).
    #[error("invalid training data: {0}")]
    InvalidTrainingData(String),
}
