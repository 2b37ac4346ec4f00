//! The error type of this crate.

/// Everything that can go wrong when mapping offsets or slicing with a [`Span`](crate::Span).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The offset lies past the end of the text.
    #[error(
        "offset {offset} is past the end of the text ({len} bytes); use an offset inside the text"
    )]
    OutOfBounds {
        /// The offending offset.
        offset: usize,
        /// The length of the text (bytes, or characters for char offsets).
        len: usize,
    },
    /// The byte offset falls inside a multi-byte UTF-8 character.
    #[error("byte offset {offset} is not on a character boundary; spans must start and end between characters")]
    NotCharBoundary {
        /// The offending byte offset.
        offset: usize,
    },
    /// A span whose start lies after its end.
    #[error("span {start}..{end} is reversed: start must not exceed end")]
    Reversed {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
    },
}
