//! The one error type of the CLI.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong while the CLI handles one document or writes output.
///
/// Per-document variants name the document so that a batch reports every failure and
/// carries on with the next document.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// A file or directory could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The path we tried to read.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// A document is not valid UTF-8 and `--lossy` was not given.
    #[error(
        "{}: not valid UTF-8 (first bad byte at offset {offset}); pass --lossy to replace invalid bytes with U+FFFD",
        path.display()
    )]
    Utf8 {
        /// The document.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A TimeML document could not be understood.
    #[error("{}: not usable TimeML: {message}", path.display())]
    TimeMl {
        /// The document.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// An output file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The path we tried to write.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// Standard output could not be written.
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] io::Error),
    /// A span could not be mapped to code-point offsets (a bug in a library crate).
    #[error("{}: internal offset error: {source}", path.display())]
    Offsets {
        /// The document.
        path: PathBuf,
        /// The offset error.
        source: dateline_text::TextError,
    },
    /// A document could not be parsed into an article (too large, binary).
    #[error("{}: {source}", path.display())]
    Article {
        /// The document.
        path: PathBuf,
        /// Why.
        source: dateline_article::ArticleError,
    },
    /// A document is larger than the limit (`--max-bytes`).
    #[error("{}: too large ({len} bytes, limit {limit}); raise --max-bytes or split the document", path.display())]
    TooLarge {
        /// The document.
        path: PathBuf,
        /// Its size in bytes.
        len: u64,
        /// The limit in force.
        limit: usize,
    },
    /// A JSON Lines input record is not usable.
    #[error("{}:{line}: {message}", path.display())]
    Jsonl {
        /// The JSONL file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },
    /// The pipeline refused a document (binary data, too large).
    #[error("{}: {source}", path.display())]
    Analyze {
        /// The document.
        path: PathBuf,
        /// Why.
        source: dateline::Error,
    },
    /// A command-line value was not usable (exit code 2).
    #[error("{0}")]
    Usage(String),
}

impl CliError {
    /// Whether the error is a usage error (exit code 2) rather than a document failure.
    pub(crate) fn is_usage(&self) -> bool {
        matches!(self, CliError::Usage(_))
    }

    /// The `error.kind` of the error record written for a failed document.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            CliError::Read { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                "not_found"
            }
            CliError::Read { .. } => "read",
            CliError::Utf8 { .. } => "utf8",
            CliError::TooLarge { .. } => "too_large",
            CliError::Jsonl { .. } => "jsonl",
            CliError::Analyze { source, .. } => source.kind(),
            CliError::Article { .. } => "article",
            CliError::Offsets { .. } => "offsets",
            CliError::TimeMl { .. } => "timeml",
            _ => "other",
        }
    }

    /// The document path the error names, if any.
    pub(crate) fn path(&self) -> Option<PathBuf> {
        match self {
            CliError::Read { path, .. }
            | CliError::Utf8 { path, .. }
            | CliError::TooLarge { path, .. }
            | CliError::Jsonl { path, .. }
            | CliError::Analyze { path, .. }
            | CliError::Article { path, .. }
            | CliError::Offsets { path, .. }
            | CliError::TimeMl { path, .. } => Some(path.clone()),
            _ => None,
        }
    }
}
