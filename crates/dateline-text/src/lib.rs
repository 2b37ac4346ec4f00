//! # dateline-text
//!
//! The shared text layer of [dateline](https://example.invalid/dateline): everything the
//! date, article and entity crates need to agree on about a piece of text.
//!
//! - [`Span`]: a byte range into the caller's **original** text (never a normalized copy);
//!   `&text[span.range()]` is the mention.
//! - [`OffsetMap`]: byte offsets to Unicode code-point offsets and back, built once per
//!   text (Python and the JSON output use code points).
//! - [`tokenize`]: a tokenizer that keeps news units whole ("U.S.", "Sept.", "Duck-soo",
//!   "G-20", "5:11", "2023-09-23", "$1.5bn") and records shape [`Flags`]; [`tokenize_into`]
//!   reuses a buffer. It works byte by byte on ASCII and decodes only other characters
//!   (about 90 MB per CPU second on BBC News: `examples/text_throughput.rs`).
//! - [`split_sentences`]: a sentence splitter that abbreviations, initials and closing
//!   quotes do not fool.
//! - [`Tokenized`]: text, tokens and sentences computed once and shared by every stage.
//!
//! CRLF, a byte-order mark, NBSP, curly quotes and en/em dashes are ordinary input.
//! Nothing here panics on any `&str`.
//!
//! ## Example
//! ```
//! use dateline_text::{Tokenized, OffsetMap};
//!
//! let text = "SEOUL, Sept. 26 (Yonhap) -- South Korea’s Han Duck-soo met U.S. officials. He left.";
//! let doc = Tokenized::new(text);
//! assert_eq!(doc.sentences().len(), 2);
//! let han = doc.tokens().iter().find(|t| t.text(text) == "Duck-soo").unwrap();
//! let map = OffsetMap::new(text);
//! let (start, end) = map.char_span(han.span).unwrap();
//! assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "Duck-soo");
//! ```
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for [`Span`].
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod offsets;
mod sentence;
mod span;
mod token;

pub use error::TextError;
pub use offsets::OffsetMap;
pub use sentence::{sentences, split_sentences, Sentence};
pub use span::Span;
pub use token::{is_abbreviation, tokenize, tokenize_into, word_shape, Flags, Token, TokenKind};

/// A text with its tokens and sentences, computed once and shared by every stage.
///
/// # Example
/// ```
/// let doc = dateline_text::Tokenized::new("Xi said so. Han agreed.");
/// assert_eq!(doc.tokens().len(), 7);
/// assert_eq!(doc.sentence_tokens(1).len(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct Tokenized<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

impl<'t> Tokenized<'t> {
    /// Tokenizes `text` and splits it into sentences.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::Tokenized::new("").tokens().len(), 0);
    /// ```
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Tokenized {
            text,
            tokens,
            sentences,
        }
    }

    /// The text.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::Tokenized::new("Hi").text(), "Hi");
    /// ```
    #[must_use]
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// All tokens in order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::Tokenized::new("G-20 summit").tokens().len(), 2);
    /// ```
    #[must_use]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences in order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_text::Tokenized::new("A b. C d.").sentences().len(), 2);
    /// ```
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The tokens of sentence `index` (empty when out of range).
    ///
    /// # Example
    /// ```
    /// let doc = dateline_text::Tokenized::new("A b. C d e.");
    /// assert_eq!(doc.sentence_tokens(1).len(), 4);
    /// assert!(doc.sentence_tokens(9).is_empty());
    /// ```
    #[must_use]
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        self.sentences
            .get(index)
            .and_then(|s| self.tokens.get(s.tokens.clone()))
            .unwrap_or(&[])
    }
}
