//! The crate's error type.

/// Everything that can go wrong in this crate.
///
/// # Example
/// ```
/// use dateline_entities::{extract_in, EntityError, Options};
/// use dateline_text::Span;
/// let err = extract_in("short", &[Span::new(0, 99)], &Options::default()).unwrap_err();
/// assert!(matches!(err, EntityError::RegionOutOfBounds { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EntityError {
    /// A region passed to [`crate::extract_in`] ends past the end of the text.
    #[error(
        "region {start}..{end} is outside the text ({len} bytes); pass byte ranges within the text"
    )]
    RegionOutOfBounds {
        /// Region start.
        start: usize,
        /// Region end.
        end: usize,
        /// Text length in bytes.
        len: usize,
    },
    /// A region passed to [`crate::extract_in`] cuts a UTF-8 character in two.
    #[error("region {start}..{end} does not start and end on character boundaries; use byte offsets of whole characters")]
    RegionNotCharBoundary {
        /// Region start.
        start: usize,
        /// Region end.
        end: usize,
    },
    /// A label name that is not one of the OntoNotes names.
    #[error("unknown entity label {0:?}; expected one of PERSON, ORG, GPE, LOC, NORP, EVENT, FAC, PRODUCT, LAW, WORK_OF_ART")]
    UnknownLabel(String),
}
