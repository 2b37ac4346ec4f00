//! The crate's error type.

/// Everything that can go wrong in this crate.
///
/// # Example
/// ```
/// use dateline_events::{extract, EventError, Input};
/// use dateline_text::{Span, Tokenized};
/// let doc = Tokenized::new("short");
/// let entities = dateline_entities::Entities::default();
/// let regions = [Span::new(0, 99)];
/// let err = extract(&Input::new(&doc, &entities, &[]).with_regions(&regions)).unwrap_err();
/// assert!(matches!(err, EventError::RegionOutOfBounds { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    /// A region passed in [`Input::regions`](crate::Input::regions) ends past the end of the text.
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
    /// A region cuts a UTF-8 character in two.
    #[error("region {start}..{end} does not start and end on character boundaries; use byte offsets of whole characters")]
    RegionNotCharBoundary {
        /// Region start.
        start: usize,
        /// Region end.
        end: usize,
    },
    /// An entity mention does not fit the text: the entities were extracted from another text.
    #[error("entity mention {start}..{end} does not fit the text ({len} bytes); extract entities and events from the same text")]
    MentionOutOfBounds {
        /// Mention start.
        start: usize,
        /// Mention end.
        end: usize,
        /// Text length in bytes.
        len: usize,
    },
    /// A name that is not one of the known kinds or statuses.
    #[error("unknown {what} {name:?}; expected {expected}")]
    UnknownName {
        /// What was being parsed ("event kind", "status").
        what: &'static str,
        /// The name given (at most 40 characters).
        name: String,
        /// The names accepted.
        expected: &'static str,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let e = EventError::RegionOutOfBounds {
            start: 0,
            end: 9,
            len: 3,
        };
        assert!(e.to_string().contains("within the text"));
        let e: EventError = "chat".parse::<crate::EventKind>().unwrap_err();
        assert!(e.to_string().contains("meet, visit"), "{e}");
    }
}
