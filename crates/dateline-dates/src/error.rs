//! The error type of this crate.

/// Everything that can go wrong in this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// [`parse_one`](crate::parse_one) found no temporal expression in its input.
    #[error("no temporal expression found in {input:?}; pass a date, time, duration or relative expression such as \"September 23, 2023\"")]
    NotFound {
        /// The input (truncated to 80 characters).
        input: String,
    },
    /// The input was empty or only whitespace.
    #[error("empty input: pass a temporal expression such as \"2023-09-23\"")]
    Empty,
}
