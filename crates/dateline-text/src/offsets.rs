//! [`OffsetMap`]: converts byte offsets to Unicode code-point offsets and back.

use crate::{Span, TextError};

/// Converts between byte offsets (Rust) and code-point offsets (Python, JSON output).
///
/// Built once per text in O(n); each lookup is O(log k) where k is the number of
/// non-ASCII characters (O(1) for pure ASCII text). Memory is proportional to the
/// number of non-ASCII characters, not to the text length.
///
/// # Example
/// ```
/// use dateline_text::{OffsetMap, Span};
/// let text = "China’s leader Xi";
/// let map = OffsetMap::new(text);
/// let xi = Span::new(text.find("Xi").unwrap(), text.len());
/// let (start, end) = map.char_span(xi).unwrap();
/// let chars: Vec<char> = text.chars().collect();
/// assert_eq!(chars[start..end].iter().collect::<String>(), "Xi");
/// assert_eq!(map.byte_offset(start).unwrap(), xi.start);
/// ```
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Byte length of the text.
    byte_len: usize,
    /// Code-point length of the text.
    char_len: usize,
    /// For each non-ASCII character: its byte start, its char index, and the number of
    /// extra bytes (beyond one per char) accumulated *after* it.
    wide: Vec<Wide>,
}

#[derive(Debug, Clone, Copy)]
struct Wide {
    byte: usize,
    char_index: usize,
    extra_after: usize,
}

impl OffsetMap {
    /// Builds the map for `text`.
    ///
    /// # Example
    /// ```
    /// let map = dateline_text::OffsetMap::new("naïve");
    /// assert_eq!(map.char_len(), 5);
    /// assert_eq!(map.byte_len(), 6);
    /// ```
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        let mut char_len = 0usize;
        if !text.is_ascii() {
            for (char_index, (byte, ch)) in text.char_indices().enumerate() {
                let w = ch.len_utf8();
                if w > 1 {
                    extra += w - 1;
                    wide.push(Wide {
                        byte,
                        char_index,
                        extra_after: extra,
                    });
                }
                char_len = char_index + 1;
            }
        } else {
            char_len = text.len();
        }
        OffsetMap {
            byte_len: text.len(),
            char_len,
            wide,
        }
    }

    /// Length of the text in bytes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::OffsetMap::new("é").byte_len(), 2);
    /// ```
    #[must_use]
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Length of the text in code points.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::OffsetMap::new("é").char_len(), 1);
    /// ```
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code-point offset of a byte offset.
    ///
    /// # Errors
    /// [`TextError::OutOfBounds`] past the end, [`TextError::NotCharBoundary`] inside a
    /// multi-byte character.
    ///
    /// # Example
    /// ```
    /// let map = dateline_text::OffsetMap::new("“Hi”");
    /// assert_eq!(map.char_offset(3).unwrap(), 1);
    /// assert!(map.char_offset(1).is_err());
    /// ```
    pub fn char_offset(&self, byte: usize) -> Result<usize, TextError> {
        if byte > self.byte_len {
            return Err(TextError::OutOfBounds {
                offset: byte,
                len: self.byte_len,
            });
        }
        // Wide characters starting strictly before `byte`.
        let idx = self.wide.partition_point(|w| w.byte < byte);
        if idx == 0 {
            return Ok(byte);
        }
        let prev = self.wide[idx - 1];
        let prev_end = prev.byte + (prev.extra_after - self.extra_before(idx - 1)) + 1;
        if byte < prev_end {
            return Err(TextError::NotCharBoundary { offset: byte });
        }
        Ok(byte - prev.extra_after)
    }

    /// The byte offset of a code-point offset.
    ///
    /// # Errors
    /// [`TextError::OutOfBounds`] past the end of the text.
    ///
    /// # Example
    /// ```
    /// let map = dateline_text::OffsetMap::new("“Hi”");
    /// assert_eq!(map.byte_offset(1).unwrap(), 3);
    /// ```
    pub fn byte_offset(&self, char_index: usize) -> Result<usize, TextError> {
        if char_index > self.char_len {
            return Err(TextError::OutOfBounds {
                offset: char_index,
                len: self.char_len,
            });
        }
        let idx = self.wide.partition_point(|w| w.char_index < char_index);
        if idx == 0 {
            return Ok(char_index);
        }
        Ok(char_index + self.wide[idx - 1].extra_after)
    }

    /// Converts a byte [`Span`] to a `(start, end)` pair of code-point offsets.
    ///
    /// # Errors
    /// As [`OffsetMap::char_offset`] for either end.
    ///
    /// # Example
    /// ```
    /// use dateline_text::{OffsetMap, Span};
    /// let map = OffsetMap::new("€5 in Seoul");
    /// assert_eq!(map.char_span(Span::new(8, 13)).unwrap(), (6, 11));
    /// ```
    pub fn char_span(&self, span: Span) -> Result<(usize, usize), TextError> {
        Ok((self.char_offset(span.start)?, self.char_offset(span.end)?))
    }

    fn extra_before(&self, idx: usize) -> usize {
        if idx == 0 {
            0
        } else {
            self.wide[idx - 1].extra_after
        }
    }
}
