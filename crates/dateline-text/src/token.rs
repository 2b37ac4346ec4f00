//! A tokenizer for English news text that keeps news-specific units whole.
//!
//! "U.S.", "Sept.", "Duck-soo", "G-20", "5:11", "2023-09-23", "15/11/2022", "1,000",
//! "$1.5bn" and "30th" are single tokens; a possessive "'s" / "’s" is its own token so
//! that names stay clean; every punctuation mark is a token of its own (runs such as
//! "..." and "--" stay together). Tokens carry byte [`Span`]s into the original text
//! and cheap shape features ([`Flags`]).

use crate::Span;

/// What a token is, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (possibly with digits, internal hyphens or apostrophes): "Xi", "Duck-soo", "G-20".
    Word,
    /// Starts with a digit: "2023", "5:11", "1,000", "30th", "2023-09-23".
    Number,
    /// A word ending in its abbreviation period: "Sept.", "Mr.", "U.S.", "a.m.", "J.".
    Abbreviation,
    /// A money amount: "$1.5bn", "€20", "£3m".
    Money,
    /// Punctuation: ".", ",", "!", "?", ";", ":", quotes, brackets, dashes, "...".
    Punct,
    /// Anything else: symbols, emoji, control characters.
    Symbol,
    /// The possessive clitic "'s" / "’s" (or a bare apostrophe after a plural: "countries'").
    Possessive,
}

/// Bit flags describing a token's surface shape, computed once while tokenizing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u16);

impl Flags {
    /// First character is uppercase.
    pub const CAPITALIZED: Flags = Flags(1);
    /// Every cased character is uppercase and there are at least two letters ("NATO", "U.S.").
    pub const ALL_UPPER: Flags = Flags(1 << 1);
    /// Every cased character is lowercase.
    pub const ALL_LOWER: Flags = Flags(1 << 2);
    /// Contains a digit.
    pub const HAS_DIGIT: Flags = Flags(1 << 3);
    /// Contains a letter.
    pub const HAS_ALPHA: Flags = Flags(1 << 4);
    /// Contains an internal hyphen.
    pub const HAS_HYPHEN: Flags = Flags(1 << 5);
    /// Contains a period.
    pub const HAS_PERIOD: Flags = Flags(1 << 6);
    /// A quotation mark (straight or curly, single or double).
    pub const QUOTE: Flags = Flags(1 << 7);
    /// Whitespace precedes the token.
    pub const SPACE_BEFORE: Flags = Flags(1 << 8);
    /// A line break precedes the token (the token starts a line).
    pub const LINE_START: Flags = Flags(1 << 9);
    /// A blank line (two or more line breaks) precedes the token.
    pub const PARAGRAPH_START: Flags = Flags(1 << 10);
    /// Only digits.
    pub const ALL_DIGITS: Flags = Flags(1 << 11);
    /// An opening bracket: `(`, `[`, `{`.
    pub const OPEN_BRACKET: Flags = Flags(1 << 12);
    /// A closing bracket: `)`, `]`, `}`.
    pub const CLOSE_BRACKET: Flags = Flags(1 << 13);
    /// Contains a character outside ASCII.
    pub const NON_ASCII: Flags = Flags(1 << 14);

    /// No flag set.
    pub const EMPTY: Flags = Flags(0);

    /// True when every flag in `other` is set.
    ///
    /// # Example
    /// ```
    /// use dateline_text::Flags;
    /// let f = Flags::CAPITALIZED | Flags::HAS_ALPHA;
    /// assert!(f.contains(Flags::CAPITALIZED));
    /// assert!(!f.contains(Flags::HAS_DIGIT));
    /// ```
    #[must_use]
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The raw bits.
    #[must_use]
    pub const fn bits(self) -> u16 {
        self.0
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

/// One token: its byte span in the original text, its kind and shape flags.
///
/// # Example
/// ```
/// use dateline_text::{tokenize, TokenKind};
/// let text = "Xi met Han Duck-soo in the U.S. on Sept. 26.";
/// let toks = tokenize(text);
/// let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Xi", "met", "Han", "Duck-soo", "in", "the", "U.S.", "on", "Sept.", "26", "."]);
/// assert_eq!(toks[6].kind, TokenKind::Abbreviation);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte span in the original text.
    pub span: Span,
    /// Broad kind.
    pub kind: TokenKind,
    /// Shape features.
    pub flags: Flags,
}

impl Token {
    /// The token's text. Returns `""` if `text` is not the text the token came from.
    ///
    /// # Example
    /// ```
    /// let text = "G-20 summit";
    /// assert_eq!(dateline_text::tokenize(text)[0].text(text), "G-20");
    /// ```
    #[must_use]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text).unwrap_or("")
    }

    /// True when the flag set contains `f`.
    ///
    /// # Example
    /// ```
    /// use dateline_text::{tokenize, Flags};
    /// assert!(tokenize("Seoul")[0].is(Flags::CAPITALIZED));
    /// ```
    #[must_use]
    pub fn is(&self, f: Flags) -> bool {
        self.flags.contains(f)
    }

    /// The word shape in the usual compressed form: uppercase `X`, lowercase `x`, digit
    /// `d`, other characters kept, runs of the same class cut at four.
    ///
    /// # Example
    /// ```
    /// let text = "Duck-soo 2023-09-23";
    /// let t = dateline_text::tokenize(text);
    /// assert_eq!(t[0].shape(text), "Xxxx-xxx");
    /// assert_eq!(t[1].shape(text), "dddd-dd-dd");
    /// ```
    #[must_use]
    pub fn shape(&self, text: &str) -> String {
        word_shape(self.text(text))
    }
}

/// The compressed word shape of any string (see [`Token::shape`]).
///
/// # Example
/// ```
/// assert_eq!(dateline_text::word_shape("McDonald's"), "XxXxxxx'x");
/// assert_eq!(dateline_text::word_shape("NATO"), "XXXX");
/// ```
#[must_use]
pub fn word_shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(16));
    let mut last = '\0';
    let mut run = 0usize;
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if m == last {
            run += 1;
        } else {
            last = m;
            run = 1;
        }
        if run <= 4 {
            out.push(m);
        }
    }
    out
}

/// Abbreviations that keep their trailing period (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "ltd", "co", "bros", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "est", "dept",
    "univ", "ave", "blvd", "mt", "ft", "pres", "supt", "messrs", "mme", "hon", "gov't", "govt",
    "assn", "no", "nos", "fig", "vol", "ph", "cf", "al", "sec", "pp",
];

/// Is `word` (without its period) a known abbreviation?
///
/// # Example
/// ```
/// assert!(dateline_text::is_abbreviation("Sept"));
/// assert!(!dateline_text::is_abbreviation("Seoul"));
/// ```
#[must_use]
pub fn is_abbreviation(word: &str) -> bool {
    word.len() <= 7 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₩' | '₹' | '₽')
}

/// Splits `text` into tokens. Linear time, never panics, whitespace is skipped.
///
/// # Example
/// ```
/// let text = "It rose to $1.5bn at 5:11 p.m. on 2023-09-23.";
/// let toks: Vec<&str> = dateline_text::tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(toks, ["It", "rose", "to", "$1.5bn", "at", "5:11", "p.m.", "on", "2023-09-23", "."]);
/// ```
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], but appends the tokens to `out` (cleared first), so that a caller
/// tokenizing many texts can reuse one buffer.
///
/// # Example
/// ```
/// let mut buf = Vec::new();
/// dateline_text::tokenize_into("Xi met Han.", &mut buf);
/// assert_eq!(buf.len(), 4);
/// dateline_text::tokenize_into("Seoul", &mut buf);
/// assert_eq!(buf.len(), 1);
/// ```
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    out.reserve(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut pending = Flags::EMPTY;
    let mut newlines = 0usize;
    let mut pos = 0usize;
    while pos < bytes.len() {
        let b = bytes[pos];
        // ASCII whitespace (as `char::is_whitespace`: tab, LF, VT, FF, CR, space).
        if matches!(b, b' ' | b'\t'..=b'\r') {
            pending |= Flags::SPACE_BEFORE;
            if b == b'\n' {
                newlines += 1;
            }
            pos += 1;
            continue;
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        if b >= 0x80 && (c.is_whitespace() || c == '\u{feff}') {
            pending |= Flags::SPACE_BEFORE;
            pos += c.len_utf8();
            continue;
        }
        if newlines >= 1 || out.is_empty() {
            pending |= Flags::LINE_START;
        }
        if newlines >= 2 || out.is_empty() {
            pending |= Flags::PARAGRAPH_START;
        }
        newlines = 0;
        let end = token_end(text, out, pos, c).max(pos + c.len_utf8());
        let tok_text = text.get(pos..end).unwrap_or("");
        let (kind, mut flags) = classify(tok_text);
        flags |= pending;
        pending = Flags::EMPTY;
        out.push(Token {
            span: Span::new(pos, end),
            kind,
            flags,
        });
        pos = end;
    }
}

/// The character starting at byte `pos` (which must be a character boundary), decoded
/// without a full UTF-8 walk for ASCII.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text.get(pos..)?.chars().next()
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

#[inline]
fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

/// A possessive "s" at byte `pos`: "s" or "S" not followed by a letter or digit.
fn possessive_s_at(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    matches!(bytes.get(pos), Some(b's' | b'S')) && !char_at(text, pos + 1).is_some_and(is_alnum)
}

/// Byte offset where the token starting at `start` with char `c` ends.
fn token_end(text: &str, out: &[Token], start: usize, c: char) -> usize {
    if is_alnum(c) {
        return word_end(text, start);
    }
    let bytes = text.as_bytes();
    if is_currency(c) {
        let after = start + c.len_utf8();
        if bytes.get(after).is_some_and(u8::is_ascii_digit) {
            return word_end(text, after);
        }
        return after;
    }
    if is_apostrophe(c) {
        // Possessive clitic "'s" glued to the previous word.
        let glued = out.last().is_some_and(|t| t.span.end == start);
        let after = start + c.len_utf8();
        if glued && possessive_s_at(text, after) {
            return after + 1;
        }
        return after;
    }
    // Runs of the same punctuation character stay together ("...", "--", "!!").
    if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '#' | '~') {
        let first = bytes[start];
        let n = bytes[start..].iter().take_while(|&&b| b == first).count();
        return start + n;
    }
    start + c.len_utf8()
}

/// End of a word/number starting at `start` (which holds an alphanumeric char).
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut prev: Option<char> = None;
    // Length (in chars) of the current period-separated segment, for initialisms.
    let mut segment_letters = 0usize;
    let mut saw_internal_period = false;
    let mut pos = start;
    loop {
        // Fast path: a run of ASCII letters and digits.
        let run = bytes
            .get(pos..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if run > 0 {
            pos += run;
            end = pos;
            prev = Some(char::from(bytes[pos - 1]));
            segment_letters += run;
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        let len = c.len_utf8();
        if is_alnum(c) || matches!(c, '\u{0300}'..='\u{036f}') {
            pos += len;
            end = pos;
            prev = Some(c);
            segment_letters += 1;
            continue;
        }
        let next = char_at(text, pos + len);
        let (Some(p), Some(n)) = (prev, next) else {
            break;
        };
        let joins = if is_hyphen(c) {
            is_alnum(n)
        } else if is_apostrophe(c) {
            // "O'Brien", "don't" stay whole; a possessive "'s" at the end is split off.
            is_alpha(p) && is_alpha(n) && !possessive_s_at(text, pos + len)
        } else if c == '.' {
            (p.is_ascii_digit() && n.is_ascii_digit())
                || (segment_letters == 1 && is_alpha(p) && is_alpha(n) && {
                    // Next segment is a single letter too: "U.S", "a.m", "e.g".
                    !char_at(text, pos + 1 + n.len_utf8()).is_some_and(is_alnum)
                })
        } else if matches!(c, ':' | ',' | '/') {
            p.is_ascii_digit() && n.is_ascii_digit() && {
                // "1,000" but not "1, 2": a comma must be followed by exactly 3 digits.
                c != ',' || {
                    let after = bytes.get(pos + 1..).unwrap_or_default();
                    after.iter().take_while(|b| b.is_ascii_digit()).count() == 3
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
        pos += len;
        end = pos;
        prev = Some(c);
    }
    // A trailing abbreviation period.
    if bytes.get(end) == Some(&b'.') {
        let word = text.get(start..end).unwrap_or("");
        let single_letter_tail = segment_letters == 1 && prev.is_some_and(is_alpha);
        let initial = prev.is_some_and(char::is_uppercase) && {
            let mut cs = word.chars();
            cs.next().is_some() && cs.next().is_none()
        };
        let abbreviation = is_abbreviation(word) && {
            // "No." only before a number ("No. 1"), otherwise it is the word "no".
            !word.eq_ignore_ascii_case("no") || {
                let after = text.get(end + 1..).unwrap_or("").trim_start();
                after.starts_with(|ch: char| ch.is_ascii_digit())
            }
        };
        if (saw_internal_period && single_letter_tail) || initial || abbreviation {
            end += 1;
        }
    }
    end
}

/// Kind and shape flags of one token's text.
fn classify(tok: &str) -> (TokenKind, Flags) {
    if tok.is_ascii() {
        classify_ascii(tok.as_bytes())
    } else {
        classify_chars(tok)
    }
}

/// Byte classes for [`classify_ascii`].
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
const PERIOD: u8 = 8;
const HYPHEN: u8 = 16;

/// The class bits of every ASCII byte.
static BYTE_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b'.' => PERIOD,
            b'-' => HYPHEN,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// [`classify_chars`] for an ASCII token, byte by byte (same result).
fn classify_ascii(tok: &[u8]) -> (TokenKind, Flags) {
    let mut flags = Flags::EMPTY;
    let mut any = 0u8;
    let mut all = DIGIT;
    let mut upper = 0usize;
    for &b in tok {
        let class = BYTE_CLASS[usize::from(b & 0x7f)];
        any |= class;
        all &= class;
        upper += usize::from(class == UPPER);
    }
    // A hyphen counts only after the first character.
    let hyphen_inside = any & HYPHEN != 0 && tok.get(1..).unwrap_or_default().contains(&b'-');
    let chars = tok.len();
    let first = tok.first().copied().unwrap_or(b' ');
    if any & PERIOD != 0 {
        flags |= Flags::HAS_PERIOD;
    }
    if hyphen_inside {
        flags |= Flags::HAS_HYPHEN;
    }
    if any & (UPPER | LOWER) != 0 {
        flags |= Flags::HAS_ALPHA;
    }
    if any & DIGIT != 0 {
        flags |= Flags::HAS_DIGIT;
    }
    if chars == 0 || all & DIGIT != 0 {
        flags |= Flags::ALL_DIGITS;
    }
    if first.is_ascii_uppercase() {
        flags |= Flags::CAPITALIZED;
    }
    if upper >= 2 && any & LOWER == 0 {
        flags |= Flags::ALL_UPPER;
    }
    if any & LOWER != 0 && upper == 0 {
        flags |= Flags::ALL_LOWER;
    }
    let kind = if first == b'$' && chars > 1 {
        TokenKind::Money
    } else if first.is_ascii_digit() {
        TokenKind::Number
    } else if first.is_ascii_alphabetic() {
        if tok.last() == Some(&b'.') {
            TokenKind::Abbreviation
        } else {
            TokenKind::Word
        }
    } else if first == b'\'' && chars == 2 && tok[1].eq_ignore_ascii_case(&b's') {
        TokenKind::Possessive
    } else if matches!(first, b'"' | b'\'' | b'`') {
        flags |= Flags::QUOTE;
        TokenKind::Punct
    } else if matches!(first, b'(' | b'[' | b'{') {
        flags |= Flags::OPEN_BRACKET;
        TokenKind::Punct
    } else if matches!(first, b')' | b']' | b'}') {
        flags |= Flags::CLOSE_BRACKET;
        TokenKind::Punct
    } else if first.is_ascii_punctuation() {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (kind, flags)
}

/// Kind and shape flags of one token's text, character by character (any text).
fn classify_chars(tok: &str) -> (TokenKind, Flags) {
    let mut flags = Flags::EMPTY;
    let mut upper = 0usize;
    let mut lower = 0usize;
    let mut digits = 0usize;
    let mut chars = 0usize;
    let first = tok.chars().next().unwrap_or(' ');
    for c in tok.chars() {
        chars += 1;
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digits += 1;
        } else if c == '.' {
            flags |= Flags::HAS_PERIOD;
        } else if is_hyphen(c) && chars > 1 {
            flags |= Flags::HAS_HYPHEN;
        }
        if !c.is_ascii() {
            flags |= Flags::NON_ASCII;
        }
    }
    let letters = upper + lower;
    if letters > 0 {
        flags |= Flags::HAS_ALPHA;
    }
    if digits > 0 {
        flags |= Flags::HAS_DIGIT;
    }
    if digits == chars {
        flags |= Flags::ALL_DIGITS;
    }
    if first.is_uppercase() {
        flags |= Flags::CAPITALIZED;
    }
    if upper >= 2 && lower == 0 {
        flags |= Flags::ALL_UPPER;
    }
    if lower > 0 && upper == 0 {
        flags |= Flags::ALL_LOWER;
    }
    let kind = if is_currency(first) && chars > 1 {
        TokenKind::Money
    } else if first.is_numeric() {
        TokenKind::Number
    } else if first.is_alphanumeric() {
        if tok.ends_with('.') {
            TokenKind::Abbreviation
        } else {
            TokenKind::Word
        }
    } else if is_apostrophe(first)
        && chars == 2
        && tok[first.len_utf8()..].eq_ignore_ascii_case("s")
    {
        TokenKind::Possessive
    } else if is_quote(first) {
        flags |= Flags::QUOTE;
        TokenKind::Punct
    } else if matches!(first, '(' | '[' | '{') {
        flags |= Flags::OPEN_BRACKET;
        TokenKind::Punct
    } else if matches!(first, ')' | ']' | '}') {
        flags |= Flags::CLOSE_BRACKET;
        TokenKind::Punct
    } else if first.is_ascii_punctuation() || is_general_punct(first) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (kind, flags)
}

fn is_general_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{3000}'..='\u{303f}' | '¡' | '¿' | '·' | '§' | '¶')
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) {
        assert_eq!(tokenize(text), reference::tokenize(text), "text: {text:?}");
    }

    #[test]
    fn matches_the_reference_on_news_units() {
        for text in [
            "",
            " ",
            "\u{feff}Xi met Han Duck-soo in the U.S. on Sept. 26.",
            "It rose to $1.5bn at 5:11 p.m. on 2023-09-23. No. 1 and no. Mr. O'Brien's don't countries' 1, 2",
            "John F. Kennedy at 5 p.m. in Washington, D.C.\n\nNew para\r\nline",
            "China’s Xi’s (CCTV), “Hi.” «non» ‚x‘ …wait... -- ok — fine – yes €20 £3m ¥ ₩1,000,000",
            "e.g. i.e. a.m. U.S.A. A. B. c.d ab.c 1.2.3 1,0000 1,000,000 10/11/2022 5:11:12",
            "naïve café résumé e\u{301}tude ΑΘΗΝΑ Αθήνα İstanbul ǅemal 一二三 ١٢٣ ²³ Ⅻ",
            "Kim Jong\u{2011}un G\u{2010}20 x\u{a0}y\u{2003}z\u{85}w\u{2028}v",
            "'s 's ’S x's x'S x'sa x’s. $ $x $5 €.5 '",
        ] {
            same(text);
        }
    }

    #[test]
    fn ascii_and_char_classification_agree() {
        for tok in [
            "Xi", "NATO", "U.S.", "a.m.", "2023", "5:11", "$1.5bn", "'s", "'S", "\"", "'", "`",
            "(", ")", "[", "}", "...", "--", "-", "x-y", "-x", "#", "~", "+", "^", "\u{1}", "30th",
            "G-20", "iPhone", "1st.", "_", "@", "|",
        ] {
            assert_eq!(
                classify_ascii(tok.as_bytes()),
                classify_chars(tok),
                "{tok:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn matches_the_reference(text in "[a-zA-Z0-9 .,:;/'’\"“”$€\u{2010}\u{2011}\n\r\t\u{a0}\u{feff}é\u{301}ΑαİǅⅫ²()!?…—-]{0,80}") {
            same(&text);
        }

        #[test]
        fn matches_the_reference_on_any_text(text in any::<String>()) {
            same(&text);
        }
    }
}
