//! A tiny lexer for candidate windows: words, numbers and single punctuation marks, each
//! with its lower-cased text (ASCII words up to 15 bytes) kept inline so no allocation happens.

/// Broad token kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII letters (with internal apostrophes: "year's" is `year` `'` `s`, kept simple).
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation or symbol character (ASCII or not).
    Punct,
}

/// One token of a window. Offsets are byte offsets into the whole text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) kind: Kind,
    /// Whitespace precedes the token.
    pub(crate) sp: bool,
    /// First letter is uppercase (words only).
    pub(crate) cap: bool,
    /// Numeric value for numbers of at most 9 digits.
    pub(crate) num: u32,
    /// Length of the lower-cased text in `lw` (0 when longer than `lw`).
    len: u8,
    lw: [u8; 15],
    /// The punctuation character.
    pub(crate) ch: char,
}

impl Tok {
    /// The lower-cased text ("" for words longer than 15 bytes).
    pub(crate) fn low(&self) -> &str {
        std::str::from_utf8(&self.lw[..self.len as usize]).unwrap_or("")
    }
    /// True when the lower-cased text equals `w`.
    pub(crate) fn is(&self, w: &str) -> bool {
        self.low() == w
    }
    /// True for the punctuation mark `c`.
    pub(crate) fn p(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }
    /// Number of digits of a number token.
    pub(crate) fn ndig(&self) -> usize {
        self.e - self.s
    }
    pub(crate) fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// True when this token directly follows the previous one (no whitespace).
    pub(crate) fn glued(&self) -> bool {
        !self.sp
    }
}

/// Lexes `text[start..end]`; `start` and `end` must be char boundaries.
pub(crate) fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = start;
    let mut sp = true;
    while i < end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            sp = true;
            i += 1;
            continue;
        }
        let s = i;
        let mut tok = Tok {
            s,
            e: s,
            kind: Kind::Punct,
            sp,
            cap: false,
            num: 0,
            len: 0,
            lw: [0; 15],
            ch: ' ',
        };
        if c.is_ascii_alphabetic() {
            while i < end && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            tok.kind = Kind::Word;
            tok.cap = c.is_ascii_uppercase();
            let n = i - s;
            if n <= tok.lw.len() {
                for (k, &x) in b[s..i].iter().enumerate() {
                    tok.lw[k] = x.to_ascii_lowercase();
                }
                tok.len = n as u8;
            }
        } else if c.is_ascii_digit() {
            let mut v: u64 = 0;
            while i < end && b[i].is_ascii_digit() {
                if v < 1_000_000_000 {
                    v = v * 10 + u64::from(b[i] - b'0');
                }
                i += 1;
            }
            tok.kind = Kind::Num;
            tok.num = if i - s <= 9 {
                u32::try_from(v).unwrap_or(u32::MAX)
            } else {
                u32::MAX
            };
        } else {
            // One char (may be multi-byte); non-breaking space counts as whitespace.
            let ch = text[i..].chars().next().unwrap_or(' ');
            let l = ch.len_utf8();
            if ch.is_whitespace() {
                sp = true;
                i += l;
                continue;
            }
            i += l;
            tok.ch = ch;
            if ch.is_ascii() {
                tok.lw[0] = ch as u8;
                tok.len = 1;
            }
        }
        tok.e = i;
        out.push(tok);
        sp = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_news_units() {
        let text = "Sept. 26, 2023 at 5:30\u{a0}p.m. ‘Q3’";
        let mut t = Vec::new();
        lex(text, 0, text.len(), &mut t);
        let words: Vec<&str> = t.iter().map(|x| &text[x.s..x.e]).collect();
        assert_eq!(
            words,
            [
                "Sept", ".", "26", ",", "2023", "at", "5", ":", "30", "p", ".", "m", ".", "‘", "Q",
                "3", "’"
            ]
        );
        assert!(t[0].is("sept") && t[0].cap);
        assert_eq!(t[4].num, 2023);
        assert!(t[1].glued() && !t[2].glued());
        assert!(!t[9].glued(), "NBSP is whitespace");
    }

    #[test]
    fn long_words_and_numbers() {
        let text = "Supercalifragilisticexpialidocious 12345678901234";
        let mut t = Vec::new();
        lex(text, 0, text.len(), &mut t);
        assert_eq!(t[0].low(), "");
        assert_eq!(t[1].num, u32::MAX);
    }
}
