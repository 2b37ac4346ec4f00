//! The tokenizer as it was before the byte-level rewrite, kept verbatim (test builds only) as
//! the reference the fast tokenizer must reproduce token for token.

use super::{classify_chars as classify, is_apostrophe, is_currency, is_hyphen};
use crate::{is_abbreviation, Flags, Span, Token};

/// The reference tokenizer.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    Tokenizer {
        text,
        chars: text.char_indices().peekable(),
        out: Vec::with_capacity(text.len() / 5 + 1),
    }
    .run()
}

struct Tokenizer<'t> {
    text: &'t str,
    chars: std::iter::Peekable<std::str::CharIndices<'t>>,
    out: Vec<Token>,
}

impl Tokenizer<'_> {
    fn run(mut self) -> Vec<Token> {
        let mut pending = Flags::EMPTY;
        let mut newlines = 0usize;
        while let Some(&(i, c)) = self.chars.peek() {
            if c.is_whitespace() || c == '\u{feff}' {
                pending |= Flags::SPACE_BEFORE;
                if c == '\n' {
                    newlines += 1;
                }
                self.chars.next();
                continue;
            }
            if newlines >= 1 || self.out.is_empty() {
                pending |= Flags::LINE_START;
            }
            if newlines >= 2 || self.out.is_empty() {
                pending |= Flags::PARAGRAPH_START;
            }
            newlines = 0;
            let end = self.token_end(i, c);
            let span = Span::new(i, end);
            // Advance past the token.
            while let Some(&(j, _)) = self.chars.peek() {
                if j >= end {
                    break;
                }
                self.chars.next();
            }
            let tok_text = &self.text[i..end];
            let (kind, mut flags) = classify(tok_text);
            flags |= pending;
            pending = Flags::EMPTY;
            self.out.push(Token { span, kind, flags });
        }
        self.out
    }

    /// Byte offset where the token starting at `start` with char `c` ends.
    fn token_end(&self, start: usize, c: char) -> usize {
        let bytes = self.text.as_bytes();
        let rest = &self.text[start..];
        if c.is_alphanumeric() {
            return self.word_end(start);
        }
        if is_currency(c) {
            let after = start + c.len_utf8();
            if self.text[after..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit())
            {
                return self.word_end(after);
            }
            return after;
        }
        if is_apostrophe(c) {
            // Possessive clitic "'s" glued to the previous word.
            let glued = self.out.last().is_some_and(|t| t.span.end == start);
            let after = start + c.len_utf8();
            if glued {
                let mut it = self.text[after..].chars();
                if matches!(it.next(), Some('s' | 'S'))
                    && !it.next().is_some_and(char::is_alphanumeric)
                {
                    return after + 1;
                }
            }
            return after;
        }
        // Runs of the same punctuation character stay together ("...", "--", "!!").
        if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '#' | '~') {
            let n = rest.bytes().take_while(|&b| b == bytes[start]).count();
            return start + n;
        }
        start + c.len_utf8()
    }

    /// End of a word/number starting at `start` (which holds an alphanumeric char).
    fn word_end(&self, start: usize) -> usize {
        let text = self.text;
        let mut end = start;
        let mut prev: Option<char> = None;
        // Length (in chars) of the current period-separated segment, for initialisms.
        let mut segment_letters = 0usize;
        let mut saw_internal_period = false;
        let mut it = text[start..].char_indices().peekable();
        while let Some((off, c)) = it.next() {
            let pos = start + off;
            if c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036f}') {
                end = pos + c.len_utf8();
                prev = Some(c);
                segment_letters += 1;
                continue;
            }
            let next = it.peek().map(|&(_, n)| n);
            let (Some(p), Some(n)) = (prev, next) else {
                break;
            };
            let joins = if is_hyphen(c) {
                n.is_alphanumeric()
            } else if is_apostrophe(c) {
                // "O'Brien", "don't" stay whole; a possessive "'s" at the end is split off.
                let after = &text[pos + c.len_utf8()..];
                let mut a = after.chars();
                let possessive = matches!(a.next(), Some('s' | 'S'))
                    && !a.next().is_some_and(char::is_alphanumeric);
                p.is_alphabetic() && n.is_alphabetic() && !possessive
            } else if c == '.' {
                (p.is_ascii_digit() && n.is_ascii_digit())
                    || (segment_letters == 1 && p.is_alphabetic() && n.is_alphabetic() && {
                        // Next segment is a single letter too: "U.S", "a.m", "e.g".
                        let after = &text[pos + 1..];
                        let mut a = after.chars();
                        a.next();
                        !a.next().is_some_and(char::is_alphanumeric)
                    })
            } else if matches!(c, ':' | ',' | '/') {
                p.is_ascii_digit() && n.is_ascii_digit() && {
                    // "1,000" but not "1, 2": a comma must be followed by exactly 3 digits.
                    c != ',' || {
                        let after = &text[pos + 1..];
                        after.bytes().take_while(u8::is_ascii_digit).count() == 3
                    }
                }
            } else {
                false
            };
            if !joins {
                break;
            }
            if c == '.' {
                saw_internal_period = true;
            }
            if c == '.' || is_hyphen(c) {
                segment_letters = 0;
            }
            end = pos + c.len_utf8();
            prev = Some(c);
        }
        // A trailing abbreviation period.
        if text[end..].starts_with('.') {
            let word = &text[start..end];
            let single_letter_tail = segment_letters == 1 && prev.is_some_and(char::is_alphabetic);
            let initial = word.chars().count() == 1 && prev.is_some_and(char::is_uppercase);
            let abbreviation = is_abbreviation(word) && {
                // "No." only before a number ("No. 1"), otherwise it is the word "no".
                !word.eq_ignore_ascii_case("no") || {
                    let after = text[end + 1..].trim_start();
                    after.starts_with(|ch: char| ch.is_ascii_digit())
                }
            };
            if (saw_internal_period && single_letter_tail) || initial || abbreviation {
                end += 1;
            }
        }
        end
    }
}
