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
    /// The token can begin an expression (see [`can_start`]); the grammar skips the others.
    pub(crate) starter: bool,
}

impl Tok {
    /// The lower-cased text ("" for words longer than 15 bytes).
    pub(crate) fn low(&self) -> &str {
        std::str::from_utf8(&self.lw[..self.len as usize]).unwrap_or("")
    }
    /// The lower-cased bytes (empty for words longer than 15 bytes).
    pub(crate) fn lowb(&self) -> &[u8] {
        &self.lw[..self.len as usize]
    }
    /// True when the lower-cased text equals `w`.
    pub(crate) fn is(&self, w: &str) -> bool {
        &self.lw[..self.len as usize] == w.as_bytes()
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

/// True for lower-cased words that can begin a temporal expression (the first word of some
/// grammar form). Every other word is skipped without running the grammar.
fn can_start(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"this"
            | b"last"
            | b"next"
            | b"past"
            | b"coming"
            | b"previous"
            | b"current"
            | b"then"
            | b"that"
            | b"same"
            | b"its"
            | b"fiscal"
            | b"fy"
            | b"post"
            | b"pre"
            | b"q"
            | b"today"
            | b"tonight"
            | b"yesterday"
            | b"tomorrow"
            | b"now"
            | b"right"
            | b"currently"
            | b"nowadays"
            | b"these"
            | b"recently"
            | b"lately"
            | b"soon"
            | b"future"
            | b"every"
            | b"each"
            | b"once"
            | b"twice"
            | b"a"
            | b"an"
            | b"several"
            | b"few"
            | b"many"
            | b"couple"
            | b"half"
            | b"some"
            | b"nearly"
            | b"almost"
            | b"about"
            | b"around"
            | b"approximately"
            | b"roughly"
            | b"more"
            | b"less"
            | b"fewer"
            | b"over"
            | b"under"
            | b"at"
            | b"no"
            | b"up"
            | b"within"
            | b"just"
            | b"early"
            | b"earlier"
            | b"late"
            | b"later"
            | b"mid"
            | b"middle"
            | b"year"
            | b"recent"
            | b"noon"
            | b"midday"
            | b"midnight"
            | b"christmas"
            | b"new"
            | b"halloween"
            | b"valentine"
            | b"boxing"
            | b"easter"
            | b"thanksgiving"
            | b"daily"
            | b"weekly"
            | b"monthly"
            | b"annually"
            | b"yearly"
            | b"hourly"
            | b"quarterly"
            | b"biweekly"
            | b"fortnightly"
            | b"spring"
            | b"summer"
            | b"autumn"
            | b"fall"
            | b"winter"
            | b"twentieth"
            | b"nineteenth"
            | b"eighteenth"
            | b"final"
            | b"initial"
            | b"daylong"
            | b"weeklong"
            | b"monthlong"
            | b"yearlong"
            | b"decadelong"
    ) || is_calendar_word(w)
}

/// True for lower-cased words that make a prefilter hit worth a window: the words every
/// expression without a digit contains.
pub(crate) fn is_trigger_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"today"
            | b"tonight"
            | b"yesterday"
            | b"tomorrow"
            | b"now"
            | b"currently"
            | b"recent"
            | b"recently"
            | b"lately"
            | b"soon"
            | b"future"
            | b"past"
            | b"spring"
            | b"summer"
            | b"autumn"
            | b"fall"
            | b"winter"
            | b"morning"
            | b"afternoon"
            | b"evening"
            | b"night"
            | b"overnight"
            | b"noon"
            | b"midday"
            | b"midnight"
            | b"christmas"
            | b"easter"
            | b"thanksgiving"
            | b"halloween"
            | b"valentine"
            | b"daily"
            | b"weekly"
            | b"monthly"
            | b"annually"
            | b"yearly"
            | b"hourly"
            | b"quarterly"
            | b"biweekly"
            | b"fortnightly"
            | b"nowadays"
            | b"year"
            | b"daylong"
            | b"weeklong"
            | b"monthlong"
            | b"yearlong"
            | b"decadelong"
            | b"current"
            | b"nineteen"
            | b"eighteen"
            | b"term"
            | b"thirties"
            | b"forties"
            | b"fifties"
            | b"sixties"
            | b"seventies"
            | b"eighties"
            | b"nineties"
    ) || (is_calendar_word(w) && number_or_ordinal(w).is_none())
        || w == b"q"
}

/// Value of a number or ordinal word (these never trigger a window on their own).
fn number_or_ordinal(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"one" | b"first" => 1,
        b"two" | b"second" => 2,
        b"three" | b"third" => 3,
        b"four" | b"fourth" => 4,
        b"five" | b"fifth" => 5,
        b"six" | b"sixth" => 6,
        b"seven" | b"seventh" => 7,
        b"eight" | b"eighth" => 8,
        b"nine" | b"ninth" => 9,
        b"ten" | b"tenth" => 10,
        b"eleven" | b"eleventh" => 11,
        b"twelve" | b"twelfth" | b"dozen" => 12,
        b"thirteen" | b"fourteen" | b"fifteen" | b"sixteen" | b"seventeen" | b"eighteen"
        | b"nineteen" | b"twenty" | b"thirty" | b"forty" | b"fifty" | b"sixty" | b"seventy"
        | b"eighty" | b"ninety" | b"hundred" => 13,
        _ => return None,
    })
}

/// The month names and their abbreviations (lower case), as a pattern shared by
/// [`is_month_word`] and [`is_calendar_word`].
macro_rules! month_words {
    () => {
        b"january"
            | b"jan"
            | b"february"
            | b"feb"
            | b"march"
            | b"mar"
            | b"april"
            | b"apr"
            | b"may"
            | b"june"
            | b"jun"
            | b"july"
            | b"jul"
            | b"august"
            | b"aug"
            | b"september"
            | b"sept"
            | b"sep"
            | b"october"
            | b"oct"
            | b"november"
            | b"nov"
            | b"december"
            | b"dec"
    };
}

/// Month names and their abbreviations (lower case).
fn is_month_word(w: &[u8]) -> bool {
    matches!(w, month_words!())
}

/// Months, weekdays, units, number and ordinal words.
fn is_calendar_word(w: &[u8]) -> bool {
    matches!(
        w,
        month_words!()
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"seconds"
            | b"secs"
            | b"minute"
            | b"min"
            | b"minutes"
            | b"mins"
            | b"hour"
            | b"hr"
            | b"hours"
            | b"hrs"
            | b"day"
            | b"days"
            | b"week"
            | b"weeks"
            | b"weekend"
            | b"weekends"
            | b"fortnight"
            | b"month"
            | b"months"
            | b"quarter"
            | b"quarters"
            | b"years"
            | b"yr"
            | b"yrs"
            | b"decade"
            | b"decades"
            | b"century"
            | b"centuries"
            | b"millennium"
            | b"millennia"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"hundred"
            | b"dozen"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"tenth"
            | b"eleventh"
            | b"twelfth"
    )
}

/// A capitalized month name starting at `k` and followed by a space and a digit ("Jan 26"):
/// the end of the month word. Crawled text glues inline elements together ("ReutersJan 26,
/// 2026", "By Jane DoeMarch 3, 2020"); the caller checks that a lowercase letter precedes.
pub(crate) fn glued_month_at(b: &[u8], k: usize, end: usize) -> Option<usize> {
    if !b.get(k).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let mut e = k + 1;
    while e < end && e - k < 10 && b[e].is_ascii_lowercase() {
        e += 1;
    }
    if e + 1 >= end || b[e] != b' ' || !b[e + 1].is_ascii_digit() {
        return None;
    }
    let mut buf = [0u8; 10];
    let w = b.get(k..e)?;
    for (x, c) in buf.iter_mut().zip(w) {
        *x = c.to_ascii_lowercase();
    }
    let w = buf.get(..e - k)?;
    is_month_word(w).then_some(e)
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
            starter: false,
        };
        if c.is_ascii_alphabetic() {
            while i < end && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            // "ReutersJan 26, 2026": a month glued to the word before it by a crawl ends the
            // word (checked only for words followed by a space and a digit).
            if i + 1 < end && b[i] == b' ' && b[i + 1].is_ascii_digit() {
                if let Some(k) = (i.saturating_sub(9).max(s + 1)..i.saturating_sub(2)).find(|&k| {
                    b[k].is_ascii_uppercase()
                        && b[k - 1].is_ascii_lowercase()
                        && glued_month_at(b, k, end) == Some(i)
                }) {
                    i = k;
                }
            }
            tok.kind = Kind::Word;
            tok.cap = c.is_ascii_uppercase();
            let n = i - s;
            if n <= tok.lw.len() {
                for (k, &x) in b[s..i].iter().enumerate() {
                    tok.lw[k] = x.to_ascii_lowercase();
                }
                tok.len = n as u8;
                tok.starter = can_start(&tok.lw[..n]);
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
            tok.starter = true;
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
            tok.starter = ch == '\'' || ch == '’';
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
    fn month_glued_to_a_word() {
        let text = "ReutersJan 26, 2026 and NoMarch here";
        let mut t = Vec::new();
        lex(text, 0, text.len(), &mut t);
        let words: Vec<&str> = t.iter().map(|x| &text[x.s..x.e]).collect();
        assert_eq!(
            words,
            ["Reuters", "Jan", "26", ",", "2026", "and", "NoMarch", "here"]
        );
        assert!(t[1].glued() && t[1].cap);
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
