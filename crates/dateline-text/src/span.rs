//! [`Span`]: a byte range into the caller's original text.

use std::fmt;
use std::ops::Range;

use crate::TextError;

/// A half-open byte range `start..end` into the text the caller passed in.
///
/// Spans always refer to the *original* input, never to a normalized copy, so
/// `&text[span.range()]` is exactly the mention.
///
/// # Example
/// ```
/// use dateline_text::Span;
/// let text = "Xi met Han in Hangzhou.";
/// let span = Span::new(14, 22);
/// assert_eq!(span.slice(text), Some("Hangzhou"));
/// assert_eq!(span.len(), 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. A reversed pair is normalized to an empty span at `start`
    /// so a `Span` is never reversed; use [`Span::try_new`] to reject it instead.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert_eq!(Span::new(3, 7).range(), 3..7);
    /// assert!(Span::new(7, 3).is_empty());
    /// ```
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        if end < start {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }

    /// Creates a span, checking that it is not reversed.
    ///
    /// # Errors
    /// [`TextError::Reversed`] when `start > end`.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert!(Span::try_new(5, 2).is_err());
    /// ```
    pub const fn try_new(start: usize, end: usize) -> Result<Self, TextError> {
        if end < start {
            Err(TextError::Reversed { start, end })
        } else {
            Ok(Span { start, end })
        }
    }

    /// Length in bytes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::Span::new(2, 5).len(), 3);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    ///
    /// # Example
    /// ```
    /// assert!(dateline_text::Span::new(4, 4).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>`, for slicing.
    ///
    /// # Example
    /// ```
    /// let text = "on Saturday";
    /// assert_eq!(&text[dateline_text::Span::new(3, 11).range()], "Saturday");
    /// ```
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text under the span, or `None` when the span is out of bounds or not on
    /// character boundaries. Never panics.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert_eq!(Span::new(0, 2).slice("Xi said"), Some("Xi"));
    /// assert_eq!(Span::new(0, 99).slice("Xi said"), None);
    /// ```
    #[must_use]
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }

    /// True when `other` lies entirely inside `self`.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 4)));
    /// ```
    #[must_use]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 4).overlaps(Span::new(4, 8)));
    /// ```
    #[must_use]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[must_use]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span moved right by `delta` bytes (for spans computed on a slice of a larger text).
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// assert_eq!(Span::new(0, 3).shift(10), Span::new(10, 13));
    /// ```
    #[must_use]
    pub const fn shift(&self, delta: usize) -> Span {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The span with leading and trailing whitespace of `text` removed.
    /// Returns `self` unchanged when it does not slice `text`.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Span;
    /// let text = "  Seoul \n";
    /// assert_eq!(Span::new(0, text.len()).trim(text), Span::new(2, 7));
    /// ```
    #[must_use]
    pub fn trim(&self, text: &str) -> Span {
        let Some(s) = self.slice(text) else {
            return *self;
        };
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Self {
        s.range()
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
