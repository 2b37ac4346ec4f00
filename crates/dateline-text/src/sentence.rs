//! A sentence splitter for news text that is not fooled by abbreviations ("Sept. 26",
//! "Mr. Kim", "U.S. officials"), initials ("John F. Kennedy") or closing quotes.

use crate::token::{is_abbreviation, Flags, Token, TokenKind};
use crate::Span;
use std::ops::Range;

/// One sentence: its byte span and the range of token indices it covers.
///
/// # Example
/// ```
/// use dateline_text::{tokenize, split_sentences};
/// let text = "Mr. Kim arrived on Sept. 26. He met U.S. officials. \"We agree,\" he said.";
/// let toks = tokenize(text);
/// let sents: Vec<&str> = split_sentences(text, &toks).iter().map(|s| s.text(text)).collect();
/// assert_eq!(sents, ["Mr. Kim arrived on Sept. 26.", "He met U.S. officials.", "\"We agree,\" he said."]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte span from the first token's start to the last token's end.
    pub span: Span,
    /// Indices into the token slice the sentence was split from.
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence's text (`""` when `text` is not the text it came from).
    ///
    /// # Example
    /// ```
    /// let text = "One. Two.";
    /// let s = dateline_text::sentences(text);
    /// assert_eq!(s[1].text(text), "Two.");
    /// ```
    #[must_use]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text).unwrap_or("")
    }
}

/// Words that commonly open a sentence; after "U.S." such a word means the period ended it.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "If",
    "When",
    "While",
    "As",
    "After",
    "Before",
    "However",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Some",
    "Many",
    "Most",
    "No",
    "Officials",
    "Meanwhile",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Since",
    "For",
    "Yet",
    "So",
];

/// Title abbreviations that never end a sentence: the name follows.
const TITLES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "col.", "lt.", "sgt.", "capt.", "maj.", "cmdr.",
    "adm.", "gov.", "sen.", "rep.", "rev.", "st.", "pres.", "supt.", "messrs.", "mme.", "hon.",
    "no.", "nos.", "fig.", "vol.", "mt.", "ft.",
];

/// Splits tokenized text into sentences. Every token belongs to exactly one sentence.
///
/// A blank line always ends a sentence; a single line break ends one unless the next
/// line continues it (starts in lowercase, or the line ends in a comma, colon, semicolon,
/// hyphen or opening bracket), so both hard-wrapped wire copy and one-paragraph-per-line
/// dumps split sensibly.
///
/// # Example
/// ```
/// use dateline_text::{tokenize, split_sentences};
/// let text = "Headline without a period\nBody starts here. It continues.";
/// let sents = split_sentences(text, &tokenize(text));
/// assert_eq!(sents.len(), 3);
/// ```
#[must_use]
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let mut end = i + 1; // exclusive token index of the sentence if it ends here
        let next_breaks_line = tokens.get(end).is_some_and(|t| t.is(Flags::LINE_START));
        let boundary = if is_terminal(text, &tokens[i]) {
            // Absorb closing quotes and brackets right after the terminal mark.
            while let Some(t) = tokens.get(end) {
                let closing = (t.is(Flags::QUOTE) || t.is(Flags::CLOSE_BRACKET))
                    && !t.is(Flags::SPACE_BEFORE);
                if !closing {
                    break;
                }
                end += 1;
            }
            ends_sentence(text, tokens, i, end)
        } else {
            false
        };
        let line_boundary = !boundary && next_breaks_line && line_break_ends(text, tokens, i);
        if boundary || line_boundary || end >= tokens.len() {
            let end = end.min(tokens.len());
            out.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                tokens: start..end,
            });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        out.push(Sentence {
            span: Span::new(tokens[start].span.start, tokens[tokens.len() - 1].span.end),
            tokens: start..tokens.len(),
        });
    }
    out
}

/// Tokenizes and splits in one call.
///
/// # Example
/// ```
/// assert_eq!(dateline_text::sentences("Xi spoke. Han listened.").len(), 2);
/// ```
#[must_use]
pub fn sentences(text: &str) -> Vec<Sentence> {
    split_sentences(text, &crate::tokenize(text))
}

fn is_terminal(text: &str, tok: &Token) -> bool {
    match tok.kind {
        TokenKind::Punct => {
            let t = tok.text(text);
            t.starts_with('.') || t.starts_with('!') || t.starts_with('?') || t == "…"
        }
        TokenKind::Abbreviation => true,
        _ => false,
    }
}

/// Does the terminal token at `i` (with closers up to `end`) end the sentence?
fn ends_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let Some(next) = tokens.get(end) else {
        return true;
    };
    if next.is(Flags::PARAGRAPH_START) {
        return true;
    }
    let tok = &tokens[i];
    let next_text = next.text(text);
    let next_opens = next.is(Flags::CAPITALIZED)
        || next.is(Flags::QUOTE)
        || next.is(Flags::OPEN_BRACKET)
        || next.kind == TokenKind::Number
        || next.is(Flags::LINE_START);
    if !next_opens {
        return false;
    }
    if tok.kind != TokenKind::Abbreviation {
        // "." "?" "!" followed by something that opens a sentence.
        return true;
    }
    // The token is a word with an abbreviation period.
    let word = tok.text(text);
    let lower = word.to_ascii_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    let bare = word.trim_end_matches('.');
    if bare.chars().count() == 1 {
        // An initial ("John F. Kennedy").
        return false;
    }
    if is_abbreviation(bare) {
        // Months and the like: "Sept. 26" continues, "... in Sept. The next" ends.
        return next.kind != TokenKind::Number && SENTENCE_STARTERS.contains(&next_text);
    }
    // Initialisms ("U.S.", "a.m."): end only before a typical sentence opener.
    SENTENCE_STARTERS.contains(&next_text) || next.is(Flags::LINE_START)
}

/// Does a single line break after token `i` end the sentence?
fn line_break_ends(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    if next.is(Flags::PARAGRAPH_START) {
        return true;
    }
    let last = tokens[i].text(text);
    if matches!(
        last,
        "," | ";" | ":" | "-" | "(" | "[" | "and" | "or" | "of" | "the" | "to"
    ) {
        return false;
    }
    !next.is(Flags::ALL_LOWER)
}
