//! Per-line features for the line labeller.
//!
//! Every non-blank line of a page becomes an [`Item`] whose features are hashed into
//! `2^BITS` buckets. Features describe the line itself (length, character shares, case,
//! punctuation, date and time shapes, cue words at its edges, what the line rules in
//! [`crate::lexicon`] make of it), where it sits in the page (from the top, from the end,
//! relative to the first and last prose line and to the longest line, runs of short lines,
//! blank lines around it, lines repeated elsewhere) and the same coarse description of its
//! neighbours. Function-word density is measured against the page's own most frequent short
//! words, so it works for any language that separates words with spaces, not only English.
//!
//! Feature extraction is linear in the page size: one pass over the characters of each line,
//! one hash table of the page's short words and one of its normalized lines.

use dateline_text::Span;

use crate::lexicon;

/// Hash bits of the feature space (`2^BITS` weight rows).
pub(crate) const BITS: u32 = 17;

/// Version of the feature set: a model file records it and is refused by another version.
pub(crate) const FEATURE_VERSION: u32 = 1;

/// What the line rules say a line is, before the model (a coarse code per [`Input`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleClass {
    Text = 0,
    Caption = 1,
    Credit = 2,
    Byline = 3,
    SignOff = 4,
    Chrome = 5,
    RelatedLink = 6,
    Breadcrumb = 7,
}

/// One non-blank line, as the structure parser hands it to the labeller.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Input {
    /// The line's trimmed text.
    pub(crate) span: Span,
    /// The line rules' verdict.
    pub(crate) class: RuleClass,
    /// A wire dateline opens the line: 0 none, 1 a place only, 2 with a date, 3 with an agency.
    pub(crate) wire: u8,
    /// The line is nothing but a date ("Updated: March 3, 2021 10:42 GMT").
    pub(crate) date_only: bool,
    /// The text after a crawler's ` date YYYY-MM-DD ` header.
    pub(crate) header_rest: bool,
    /// Blank lines directly before / after it.
    pub(crate) blank_before: bool,
    pub(crate) blank_after: bool,
    /// [`lexicon::word_count`] of the line.
    pub(crate) words: usize,
}

/// One line's feature buckets.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) features: Vec<u32>,
}

/// Cheap per-line measurements, shared by the line's own and its neighbours' features.
#[derive(Debug, Clone, Default)]
struct Stats {
    words: usize,
    /// Characters looked at in detail (the first [`DETAIL_BYTES`] bytes).
    chars: usize,
    /// All characters of the line.
    length: usize,
    letters: usize,
    digits: usize,
    upper: usize,
    punct: usize,
    alpha_words: usize,
    cap_words: usize,
    short_words: usize,
    sentences: usize,
    first: u8,
    last: u8,
    first_word: u64,
    first_two: u64,
    last_word: u64,
    whole: u64,
    flags: u32,
    prose: bool,
    headline: bool,
    ends_sentence: bool,
    top_hits: usize,
    chrome_hits: usize,
    /// The range of this line's short-word hashes in the page's list.
    short: (usize, usize),
    /// [`norm_hash`] of the line.
    norm: u64,
    /// [`opening_hash`] of the line.
    opening: Option<u64>,
}

// Flags.
const F_MONTH: u32 = 1;
const F_YEAR: u32 = 1 << 1;
const F_TIME: u32 = 1 << 2;
const F_AMPM: u32 = 1 << 3;
const F_AGO: u32 = 1 << 4;
const F_URL: u32 = 1 << 5;
const F_HANDLE: u32 = 1 << 6;
const F_HASHTAG: u32 = 1 << 7;
const F_EMAIL: u32 = 1 << 8;
const F_COPYRIGHT: u32 = 1 << 9;
const F_PIPE: u32 = 1 << 10;
const F_BULLET: u32 = 1 << 11;
const F_CRUMB: u32 = 1 << 12;
const F_QUOTE: u32 = 1 << 13;
const F_ELLIPSIS: u32 = 1 << 14;
const F_PAREN_START: u32 = 1 << 15;
const F_ALL_CAPS: u32 = 1 << 16;
const F_SLASH: u32 = 1 << 17;
const F_CREDIT_WORD: u32 = 1 << 18;
const F_DASH_START: u32 = 1 << 19;
const F_NUMBERED: u32 = 1 << 20;
const F_DANGLING: u32 = 1 << 21;
const FLAG_COUNT: u32 = 22;

// Character classes of a line's first and last character.
const C_UPPER: u8 = 0;
const C_LOWER: u8 = 1;
const C_DIGIT: u8 = 2;
const C_QUOTE: u8 = 3;
const C_OPEN: u8 = 4;
const C_CLOSE: u8 = 5;
const C_PERIOD: u8 = 6;
const C_BANG: u8 = 7;
const C_COLON: u8 = 8;
const C_COMMA: u8 = 9;
const C_DASH: u8 = 10;
const C_BULLET: u8 = 11;
const C_ELLIPSIS: u8 = 12;
const C_OTHER_LETTER: u8 = 13;
const C_OTHER: u8 = 14;

fn char_class(c: char) -> u8 {
    match c {
        c if c.is_uppercase() => C_UPPER,
        c if c.is_lowercase() => C_LOWER,
        c if c.is_numeric() => C_DIGIT,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' => C_QUOTE,
        '(' | '[' | '{' => C_OPEN,
        ')' | ']' | '}' => C_CLOSE,
        '.' => C_PERIOD,
        '!' | '?' => C_BANG,
        ':' | ';' => C_COLON,
        ',' => C_COMMA,
        '-' | '–' | '—' | '―' => C_DASH,
        '•' | '·' | '*' | '▪' | '►' | '▶' | '■' | '●' | '|' | '>' => C_BULLET,
        '…' => C_ELLIPSIS,
        c if c.is_alphabetic() => C_OTHER_LETTER,
        _ => C_OTHER,
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words of site chrome: sharing, subscriptions, accounts, comments, navigation, legal text.
const CHROME_VOCAB: &[&str] = &[
    "share",
    "shares",
    "shared",
    "subscribe",
    "subscribed",
    "subscription",
    "subscriber",
    "newsletter",
    "newsletters",
    "sign",
    "login",
    "log",
    "register",
    "account",
    "follow",
    "download",
    "app",
    "apps",
    "privacy",
    "policy",
    "terms",
    "cookie",
    "cookies",
    "consent",
    "advertisement",
    "advertising",
    "ads",
    "ad",
    "sponsored",
    "read",
    "more",
    "related",
    "latest",
    "trending",
    "popular",
    "menu",
    "home",
    "search",
    "skip",
    "navigation",
    "contact",
    "about",
    "copyright",
    "rights",
    "reserved",
    "reply",
    "report",
    "email",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "instagram",
    "youtube",
    "pinterest",
    "reddit",
    "watch",
    "listen",
    "click",
    "here",
    "inbox",
    "notifications",
    "loading",
    "javascript",
    "browser",
    "comment",
    "comments",
    "post",
    "posted",
    "view",
    "views",
    "next",
    "previous",
    "back",
    "top",
    "close",
    "open",
    "continue",
    "tags",
    "topics",
    "section",
    "sections",
    "edition",
    "feedback",
    "premium",
    "free",
    "trial",
    "offer",
    "website",
    "site",
    "page",
    "link",
    "links",
    "copy",
    "podcast",
    "podcasts",
    "video",
    "videos",
    "photos",
    "gallery",
    "weather",
    "sports",
    "entertainment",
    "opinion",
    "business",
    "lifestyle",
    "world",
    "news",
    "live",
    "updates",
    "disclaimer",
];

const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "picture",
    "credit",
    "file",
    "getty",
    "afp",
    "reuters",
    "ap",
    "epa",
    "shutterstock",
    "courtesy",
    "video",
    "illustration",
    "handout",
    "ap",
];

/// One pass over a word: its lowercase hash ([`word_hash`]), the hash of its first five
/// lowercase characters (a cheap stem), its length in characters and its shape.
struct WordInfo {
    hash: u64,
    stem: u64,
    chars: usize,
    alpha: bool,
    capital: bool,
}

impl WordInfo {
    fn of(w: &str) -> WordInfo {
        if w.is_ascii() {
            return WordInfo::of_ascii(w.as_bytes());
        }
        let mut hash: u64 = FNV_OFFSET;
        let mut stem: u64 = FNV_OFFSET;
        let mut chars = 0usize;
        let mut alpha = false;
        let mut capital = false;
        for c in w.chars() {
            if chars == 0 {
                capital = c.is_uppercase();
            }
            alpha |= c.is_alphabetic();
            for l in c.to_lowercase() {
                hash = (hash ^ u64::from(l)).wrapping_mul(FNV_PRIME);
                if chars < 5 {
                    stem = (stem ^ u64::from(l)).wrapping_mul(FNV_PRIME);
                }
            }
            chars += 1;
        }
        WordInfo {
            hash,
            stem,
            chars,
            alpha,
            capital,
        }
    }

    /// [`WordInfo::of`] for ASCII (the same hashes: ASCII lowercases byte for byte).
    fn of_ascii(w: &[u8]) -> WordInfo {
        let mut hash: u64 = FNV_OFFSET;
        let mut stem: u64 = FNV_OFFSET;
        let mut alpha = false;
        for (i, &b) in w.iter().enumerate() {
            alpha |= b.is_ascii_alphabetic();
            hash = (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            if i == 4 {
                stem = hash;
            }
        }
        if w.len() < 5 {
            stem = hash;
        }
        WordInfo {
            hash,
            stem,
            chars: w.len(),
            alpha,
            capital: w.first().is_some_and(u8::is_ascii_uppercase),
        }
    }
}

/// The word lists as one open-addressing table of word hashes with the lists each word is on
/// (a lookup is one or two probes, no lowercase copy).
struct Vocab {
    /// `(hash, lists)`; `lists == 0` marks an empty slot. Its length is a power of two with
    /// at least half the slots empty, so every probe sequence reaches an empty slot.
    slots: Vec<(u64, u8)>,
}

const V_CHROME: u8 = 1;
const V_MONTH: u8 = 2;
const V_CREDIT: u8 = 4;
const V_AGO: u8 = 8;
const V_AMPM: u8 = 16;

impl Vocab {
    fn slot(&self, hash: u64) -> usize {
        (hash ^ hash >> 29) as usize & (self.slots.len() - 1)
    }

    fn kinds(&self, hash: u64) -> u8 {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(hash);
        loop {
            let (h, kinds) = self.slots[i];
            if kinds == 0 || h == hash {
                return kinds;
            }
            i = (i + 1) & mask;
        }
    }
}

static VOCAB: std::sync::LazyLock<Vocab> = std::sync::LazyLock::new(|| {
    let lists: [(&[&str], u8); 5] = [
        (CHROME_VOCAB, V_CHROME),
        (MONTHS, V_MONTH),
        (CREDIT_WORDS, V_CREDIT),
        (&["ago"], V_AGO),
        (&["am", "pm"], V_AMPM),
    ];
    let count: usize = lists.iter().map(|(w, _)| w.len()).sum();
    let mut vocab = Vocab {
        slots: vec![(0, 0); (2 * count).next_power_of_two()],
    };
    let mask = vocab.slots.len() - 1;
    for (words, kind) in lists {
        for w in words {
            let h = word_hash(w);
            let mut i = vocab.slot(h);
            while vocab.slots[i].1 != 0 && vocab.slots[i].0 != h {
                i = (i + 1) & mask;
            }
            vocab.slots[i].0 = h;
            vocab.slots[i].1 |= kind;
        }
    }
    vocab
});

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over the lowercased characters of `w`.
fn word_hash(w: &str) -> u64 {
    if w.is_ascii() {
        return WordInfo::of_ascii(w.as_bytes()).hash;
    }
    let mut h: u64 = FNV_OFFSET;
    for c in w.chars().flat_map(char::to_lowercase) {
        h = (h ^ u64::from(c)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// The trimmed alphanumeric core of a whitespace token ("(Reuters)" -> "Reuters").
fn core(token: &str) -> &str {
    let b = token.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => token,
        _ => token.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

/// Characters and words of a line looked at in detail: shares and cues of a long paragraph
/// are as clear from its first few hundred characters, and the cost stays linear and small.
const DETAIL_BYTES: usize = 200;

/// Bytes of a line whose words are looked at one by one (about twenty words).
const WORD_BYTES: usize = 120;

/// The first `max` bytes of `s`, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Byte classes of ASCII for [`count_ascii`]: digit, letter, uppercase letter, punctuation.
const B_DIGIT: u8 = 1;
const B_LETTER: u8 = 2;
const B_UPPER: u8 = 4;
const B_PUNCT: u8 = 8;

/// [`B_DIGIT`] ... [`B_PUNCT`] of every byte (non-ASCII bytes: none).
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            B_DIGIT
        } else if b.is_ascii_uppercase() {
            B_LETTER | B_UPPER
        } else if b.is_ascii_lowercase() {
            B_LETTER
        } else if b == b' ' || (b >= b'\t' && b <= b'\r') {
            0
        } else {
            B_PUNCT
        };
        i += 1;
    }
    t
};

/// Character counts and punctuation cues of an ASCII line, byte by byte; returns the line's
/// [`norm_hash`] (`full_len`: the whole line's length), computed in the same pass.
fn count_ascii(b: &[u8], full_len: usize, st: &mut Stats) -> u64 {
    let mut norm: u64 = FNV_OFFSET ^ full_len as u64;
    let mut prev = b' ';
    for &c in b {
        let class = BYTE_CLASS[usize::from(c)];
        st.digits += usize::from(class & B_DIGIT);
        st.letters += usize::from(class & B_LETTER) >> 1;
        st.upper += usize::from(class & B_UPPER) >> 2;
        if class & (B_DIGIT | B_LETTER) != 0 {
            norm = (norm ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        } else if class & B_PUNCT != 0 {
            st.punct += 1;
            match c {
                b'|' => st.flags |= F_PIPE,
                b'"' => st.flags |= F_QUOTE,
                b'@' if prev.is_ascii_whitespace() => st.flags |= F_HANDLE,
                b'#' if prev.is_ascii_whitespace() => st.flags |= F_HASHTAG,
                b'/' => st.flags |= F_SLASH,
                b'>' if prev == b' ' => st.flags |= F_CRUMB,
                b'.' | b'!' | b'?' if prev.is_ascii_alphanumeric() => st.sentences += 1,
                _ => {}
            }
        }
        prev = c;
    }
    st.chars = b.len();
    norm
}

/// [`count_ascii`] for any text.
fn count_chars(s: &str, st: &mut Stats) {
    let mut prev = ' ';
    for c in s.chars() {
        st.chars += 1;
        if c.is_alphabetic() {
            st.letters += 1;
            if c.is_uppercase() {
                st.upper += 1;
            }
        } else if c.is_numeric() {
            st.digits += 1;
        } else if !c.is_whitespace() {
            st.punct += 1;
            match c {
                '|' => st.flags |= F_PIPE,
                '•' | '·' | '▪' | '►' | '▶' | '■' | '●' => st.flags |= F_BULLET,
                '»' | '›' | '→' => st.flags |= F_CRUMB,
                '©' => st.flags |= F_COPYRIGHT,
                '"' | '“' | '”' | '«' | '„' => st.flags |= F_QUOTE,
                '…' => st.flags |= F_ELLIPSIS,
                '@' if prev.is_whitespace() => st.flags |= F_HANDLE,
                '#' if prev.is_whitespace() => st.flags |= F_HASHTAG,
                '/' => st.flags |= F_SLASH,
                '>' if prev == ' ' => st.flags |= F_CRUMB,
                _ => {}
            }
            if matches!(c, '.' | '!' | '?') && prev.is_alphanumeric() {
                st.sentences += 1;
            }
        }
        prev = c;
    }
}

/// Measures one line; the hashes of its short words (at most five characters, with a letter)
/// are appended to `short` and their range recorded in [`Stats::short`]. Each word of the
/// line's head is hashed once: the first, first two, last and whole-line hashes and the
/// opening hash ([`Stats::opening`]) reuse those hashes where the head is the whole line.
fn measure(s: &str, words: usize, short: &mut Vec<u64>) -> Stats {
    let mut st = Stats::default();
    let full = s;
    let s = head(full, DETAIL_BYTES);
    st.short.0 = short.len();
    let ascii_head = s.is_ascii();
    if ascii_head {
        st.norm = count_ascii(s.as_bytes(), full.len(), &mut st);
    } else {
        count_chars(s, &mut st);
        st.norm = norm_hash(full);
    }
    let first_char = s.chars().next().unwrap_or(' ');
    let last_char = full.chars().next_back().unwrap_or(' ');
    st.first = char_class(first_char);
    st.last = char_class(last_char);
    if matches!(first_char, '(' | '[') {
        st.flags |= F_PAREN_START;
    }
    if matches!(first_char, '-' | '–' | '—' | '*' | '•') {
        st.flags |= F_DASH_START;
    }
    if memchr::memmem::find(s.as_bytes(), b"...").is_some() {
        st.flags |= F_ELLIPSIS;
    }
    if st.letters >= 4 && st.upper == st.letters {
        st.flags |= F_ALL_CAPS;
    }
    let words_head = head(s, WORD_BYTES);
    // The head is the whole line: its words are the line's words.
    let whole_line = words_head.len() == full.len();
    let mut last_hash = FNV_OFFSET; // word_hash("")
    let mut whole: u64 = 0x84_2222;
    let mut opening: u64 = 0x77;
    // The opening's fifth word ends inside the head (so it is the line's fifth word).
    let mut opening_complete = false;
    let base = words_head.as_ptr() as usize;
    let vocab = &*VOCAB;
    for (index, token) in words_head.split_whitespace().enumerate() {
        st.words += 1;
        let w = core(token);
        let info = if ascii_head {
            WordInfo::of_ascii(w.as_bytes())
        } else {
            WordInfo::of(w)
        };
        if index == 0 {
            st.first_word = info.hash;
            if w.bytes().all(|c| c.is_ascii_digit()) && token.ends_with(['.', ')']) && !w.is_empty()
            {
                st.flags |= F_NUMBERED;
            }
        } else if index == 1 {
            st.first_two = st.first_word ^ info.hash.rotate_left(17);
        }
        if index < 5 {
            opening = opening.rotate_left(9) ^ info.hash;
            if index == 4 {
                let end = token.as_ptr() as usize - base + token.len();
                opening_complete = end < words_head.len();
            }
        }
        whole = whole.rotate_left(7) ^ info.hash;
        if !w.is_empty() {
            last_hash = info.hash;
        }
        if info.alpha {
            st.alpha_words += 1;
            if info.capital {
                st.cap_words += 1;
            }
            let n = info.chars;
            if n <= 3 {
                st.short_words += 1;
            }
            if n <= 13 {
                let kinds = vocab.kinds(info.hash);
                if kinds != 0 {
                    if kinds & V_CHROME != 0 {
                        st.chrome_hits += 1;
                    }
                    if kinds & V_MONTH != 0 {
                        st.flags |= F_MONTH;
                    }
                    if kinds & V_AGO != 0 {
                        st.flags |= F_AGO;
                    }
                    if kinds & V_AMPM != 0 {
                        st.flags |= F_AMPM;
                    }
                    if kinds & V_CREDIT != 0 {
                        st.flags |= F_CREDIT_WORD;
                    }
                }
            }
            if n <= 5 {
                short.push(info.hash);
            }
        } else if w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
        {
            st.flags |= F_YEAR;
        }
        let b = token.as_bytes();
        if b.iter().any(|&c| matches!(c, b':' | b'@' | b'/' | b'.')) {
            if token.contains("://") || token.starts_with("www.") || token.ends_with(".com") {
                st.flags |= F_URL;
            }
            if token.contains('@') && token.contains('.') && !token.starts_with('@') {
                st.flags |= F_EMAIL;
            }
            // hh:mm
            if let Some(colon) = memchr::memchr(b':', b) {
                let before = colon > 0 && b[colon - 1].is_ascii_digit();
                let after = b.get(colon + 1).is_some_and(u8::is_ascii_digit)
                    && b.get(colon + 2).is_some_and(u8::is_ascii_digit);
                if before && after {
                    st.flags |= F_TIME;
                }
            }
        }
        if w.len() > 2 && (w.ends_with("pm") || w.ends_with("am")) {
            let head = &w[..w.len() - 2];
            if !head.is_empty() && head.bytes().all(|c| c.is_ascii_digit() || c == b':') {
                st.flags |= F_AMPM;
            }
        }
    }
    st.short.1 = short.len();
    st.opening = if whole_line {
        (st.words >= 4).then_some(opening)
    } else if st.words >= 5 && opening_complete {
        Some(opening)
    } else {
        opening_hash(full)
    };
    if full.len() > WORD_BYTES {
        st.words = words;
        last_hash = word_hash(full.split_whitespace().next_back().map_or("", core));
        st.length = full.chars().count();
    } else {
        st.length = st.chars;
    }
    st.last_word = last_hash;
    if st.words <= 5 {
        if !whole_line {
            whole = 0x84_2222;
            for token in s.split_whitespace() {
                whole = whole.rotate_left(7) ^ word_hash(core(token));
            }
        }
        st.whole = whole;
    }
    if lexicon::ends_dangling(full) {
        st.flags |= F_DANGLING;
    }
    let terminal = lexicon::ends_in_terminal(full);
    st.prose = (6..=90).contains(&st.words) && terminal;
    st.ends_sentence = terminal || full.ends_with(['"', '”', '’', ')']);
    st.headline = st.words <= 30 && lexicon::headline_like_counted(full, st.words);
    st
}

/// The hash of a line's first five words when it has at least four (lines whose opening
/// words come back at the start of a later line).
fn opening_hash(s: &str) -> Option<u64> {
    let (count, hash) = s
        .split_whitespace()
        .take(5)
        .fold((0usize, 0x77u64), |(c, h), w| {
            (c + 1, h.rotate_left(9) ^ word_hash(core(w)))
        });
    (count >= 4).then_some(hash)
}

// ---------------------------------------------------------------- buckets

fn words_bucket(n: usize) -> u64 {
    match n {
        0..=5 => n as u64,
        6 => 6,
        7..=9 => 7,
        10..=14 => 8,
        15..=24 => 9,
        25..=39 => 10,
        40..=79 => 11,
        _ => 12,
    }
}

fn coarse_words(n: usize) -> u64 {
    match n {
        0..=2 => 0,
        3..=5 => 1,
        6..=12 => 2,
        13..=30 => 3,
        _ => 4,
    }
}

fn chars_bucket(n: usize) -> u64 {
    match n {
        0..=3 => 0,
        4..=10 => 1,
        11..=20 => 2,
        21..=40 => 3,
        41..=70 => 4,
        71..=120 => 5,
        121..=200 => 6,
        201..=400 => 7,
        _ => 8,
    }
}

/// `part / whole` in six bins (0, <0.2, <0.4, <0.6, <0.8, >=0.8; exact 1 is its own bin).
fn share(part: usize, whole: usize) -> u64 {
    if whole == 0 {
        return 7;
    }
    if part == 0 {
        return 0;
    }
    if part == whole {
        return 6;
    }
    1 + (part * 5 / whole) as u64
}

fn position_bucket(i: usize) -> u64 {
    match i {
        0..=5 => i as u64,
        6..=8 => 6,
        9..=14 => 7,
        15..=24 => 8,
        25..=49 => 9,
        _ => 10,
    }
}

fn signed_bucket(d: isize) -> u64 {
    let v: i64 = match d {
        ..=-9 => -6,
        -8..=-5 => -5,
        -4..=-1 => d as i64,
        0 => 0,
        1..=3 => d as i64,
        4..=8 => 4,
        9..=20 => 5,
        _ => 6,
    };
    (v + 8) as u64
}

fn run_bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    }
}

// ---------------------------------------------------------------- feature ids

/// Mixes a template id and a value into a bucket.
fn bucket(template: u32, value: u64) -> u32 {
    let h = (value ^ (u64::from(template) << 48))
        .wrapping_add(u64::from(template))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9) >> (64 - BITS)) as u32
}

struct Emit<'a> {
    out: &'a mut Vec<u32>,
}

impl Emit<'_> {
    fn f(&mut self, template: u32, value: u64) {
        self.out.push(bucket(template, value));
    }
}

// Template ids. Neighbour templates add an offset to the coarse description's ids.
const T_BIAS: u32 = 1;
const T_WORDS: u32 = 2;
const T_CHARS: u32 = 3;
const T_LETTERS: u32 = 4;
const T_DIGITS: u32 = 5;
const T_PUNCT: u32 = 6;
const T_UPPER: u32 = 7;
const T_CAPWORDS: u32 = 8;
const T_FIRST: u32 = 9;
const T_LAST: u32 = 10;
const T_FIRST_WORD: u32 = 11;
const T_FIRST_TWO: u32 = 12;
const T_LAST_WORD: u32 = 13;
const T_WHOLE: u32 = 14;
const T_FLAG: u32 = 15;
const T_CLASS: u32 = 16;
const T_WIRE: u32 = 17;
const T_DATE_ONLY: u32 = 18;
const T_HEADER_REST: u32 = 19;
const T_BLANKS: u32 = 20;
const T_POS: u32 = 21;
const T_FROM_END: u32 = 22;
const T_DECILE: u32 = 23;
const T_FROM_PROSE: u32 = 24;
const T_FROM_LAST_PROSE: u32 = 25;
const T_LONGEST: u32 = 26;
const T_SHORT_RUN: u32 = 27;
const T_DUP: u32 = 28;
const T_TOP_SHARE: u32 = 29;
const T_SHORT_SHARE: u32 = 30;
const T_SENTENCES: u32 = 31;
const T_SHAPE: u32 = 32;
const T_WORDS_X_LAST: u32 = 33;
const T_WORDS_X_POS: u32 = 34;
const T_CLASS_X_PROSE: u32 = 35;
const T_HEADER_X_WORDS: u32 = 36;
const T_FIRST_WORD_X_WORDS: u32 = 37;
const T_PAGE_BLANKS: u32 = 38;
const T_BLANKS_X_WORDS: u32 = 39;
const T_DUP_X_POS: u32 = 40;
const T_INDENT_CONT: u32 = 41;
const T_FLAG_X_WORDS: u32 = 42;
const T_PROSE_AROUND: u32 = 43;
const T_PROSE_AROUND_X_WORDS: u32 = 44;
const T_PROSE_AROUND_X_CLASS: u32 = 45;
const T_NEAREST_PROSE: u32 = 46;
const T_CHROME_SHARE: u32 = 47;
const T_CHROME_X_WORDS: u32 = 48;
const T_CONTINUES: u32 = 49;
const T_CONTINUES_X_WORDS: u32 = 50;
const T_TRUNCATED: u32 = 51;
const T_STYLE: u32 = 52;
const T_REGION: u32 = 53;
const T_REGION_X_WORDS: u32 = 54;
const T_REGION_X_LAST: u32 = 55;
const T_LEAD_OVERLAP: u32 = 56;
const T_LEAD_OVERLAP_X_POS: u32 = 57;
const T_HEADLINE_RANK: u32 = 58;
const T_OPENING_REPEAT: u32 = 59;
const T_PREV: u32 = 100;
const T_NEXT: u32 = 200;
const T_PREV2: u32 = 300;
const T_NEXT2: u32 = 400;

/// The coarse description of a line, emitted for itself and its neighbours (with `base`).
fn coarse(e: &mut Emit<'_>, base: u32, st: &Stats, input: &Input) {
    e.f(base + 1, words_bucket(st.words));
    e.f(base + 2, u64::from(st.last));
    e.f(base + 3, u64::from(st.first));
    e.f(base + 4, input.class as u64);
    e.f(base + 5, u64::from(input.date_only));
    e.f(base + 6, u64::from(st.prose) | u64::from(st.headline) << 1);
    e.f(base + 7, coarse_words(st.words) << 8 | u64::from(st.last));
}

/// A hash of a line's normalized text (letters and digits, lowercased; the first
/// [`DETAIL_BYTES`] bytes and the length), to count repeated lines. The length seeds FNV-1a
/// in the byte the first character also goes into, so some different lines share a hash
/// ("60" and "’10"): the trained weights saw those collisions, so the hash stays as it is.
fn norm_hash(s: &str) -> u64 {
    let mut h: u64 = FNV_OFFSET ^ s.len() as u64;
    let part = head(s, DETAIL_BYTES);
    if part.is_ascii() {
        for &b in part.as_bytes() {
            if b.is_ascii_alphanumeric() {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            }
        }
        return h;
    }
    for c in part.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h = (h ^ u64::from(l)).wrapping_mul(FNV_PRIME);
            }
        }
    }
    h
}

/// Hands `f` the stems ([`WordInfo::stem`]) of the words of four characters or more of `s`
/// (runs of alphanumeric characters) that are not among the page's `top` words, in order.
fn for_each_stem(s: &str, top: &[u64], mut f: impl FnMut(u64)) {
    if s.is_ascii() {
        // The same runs and stems, byte by byte: the FNV-1a hash of a run's first five
        // bytes, lowercased.
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && !b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i - start >= 4 {
                let mut stem = FNV_OFFSET;
                for &c in &b[start..i.min(start + 5)] {
                    stem = (stem ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
                }
                if top.binary_search(&stem).is_err() {
                    f(stem);
                }
            }
        }
        return;
    }
    for info in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .map(WordInfo::of)
    {
        if info.chars >= 4 && top.binary_search(&info.stem).is_err() {
            f(info.stem);
        }
    }
}

/// The features of every input line of one page (`text` is the whole page).
pub(crate) fn items(text: &str, inputs: &[Input]) -> Vec<Item> {
    let mut out = Vec::with_capacity(inputs.len());
    for_each_line(text, inputs, |shared, style| {
        let mut features = Vec::with_capacity(2 * shared.len());
        features.extend_from_slice(shared);
        features.extend(shared.iter().map(|&f| style_bucket(f, style)));
        out.push(Item { features });
    });
    out
}

/// Hands the shared feature buckets of every input line of one page to `sink` with the
/// page's style (0 or 1; the line's full feature set is the shared buckets followed by their
/// [`style_bucket`] copies), in line order (one buffer, reused from line to line).
pub(crate) fn for_each_line(text: &str, inputs: &[Input], mut sink: impl FnMut(&[u32], usize)) {
    let n = inputs.len();
    if n == 0 {
        return;
    }
    let strs: Vec<&str> = inputs
        .iter()
        .map(|i| i.span.slice(text).unwrap_or(""))
        .collect();
    // The page's most frequent short words: its function words, whatever the language
    // (sorted hashes: counted by sorting, looked up by binary search).
    let mut short: Vec<u64> = Vec::new();
    let mut stats: Vec<Stats> = strs
        .iter()
        .zip(inputs)
        .map(|(s, input)| measure(s, input.words, &mut short))
        .collect();
    let mut keys = short.clone();
    keys.sort_unstable();
    let mut ranked: Vec<(u64, u32)> = Vec::new();
    for run in keys.chunk_by(|a, b| a == b) {
        if run.len() >= 3 {
            ranked.push((run[0], run.len() as u32));
        }
    }
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut top: Vec<u64> = ranked.iter().take(20).map(|&(k, _)| k).collect();
    top.sort_unstable();
    if !top.is_empty() {
        for st in &mut stats {
            st.top_hits = short[st.short.0..st.short.1]
                .iter()
                .filter(|h| top.binary_search(h).is_ok())
                .count();
        }
    }

    // How many lines share each line's normalized text (counted by sorting).
    let mut dups = vec![1u32; n];
    {
        let mut by_norm: Vec<(u64, usize)> = stats
            .iter()
            .enumerate()
            .map(|(k, st)| (st.norm, k))
            .collect();
        by_norm.sort_unstable();
        for run in by_norm.chunk_by(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                for &(_, k) in run {
                    dups[k] = run.len() as u32;
                }
            }
        }
    }
    let is_prose = |st: &Stats| st.words >= 12 && st.prose;
    let first_prose = stats.iter().position(is_prose);
    let last_prose = stats.iter().rposition(is_prose);
    let longest = stats
        .iter()
        .enumerate()
        .max_by_key(|(i, st)| (st.length, usize::MAX - i))
        .map_or(0, |(i, _)| i);
    // Runs of short lines (menus, link lists).
    let mut run = vec![0usize; n];
    let mut i = 0;
    while i < n {
        if stats[i].words <= 4 {
            let mut j = i;
            while j < n && stats[j].words <= 4 {
                j += 1;
            }
            for r in &mut run[i..j] {
                *r = j - i;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let page_blanks = inputs.iter().any(|i| i.blank_before || i.blank_after);
    // Overlap with the lead: titles and standfirsts repeat the lead's content words.
    let lead_lines: Vec<usize> = (0..n).filter(|&k| is_prose(&stats[k])).take(3).collect();
    let mut lead_bag: Vec<u64> = Vec::new();
    for &k in &lead_lines {
        for_each_stem(head(strs[k], 4 * DETAIL_BYTES), &top, |x| lead_bag.push(x));
    }
    lead_bag.sort_unstable();
    lead_bag.dedup();
    let first_lead = lead_lines.first().copied();
    let overlap = |k: usize| -> u64 {
        if lead_bag.is_empty() || k > 80 {
            return 9;
        }
        if stats[k].words > 25 {
            return 10;
        }
        if lead_lines.contains(&k) {
            return 8;
        }
        let (mut keys, mut hits) = (0usize, 0usize);
        for_each_stem(strs[k], &top, |x| {
            keys += 1;
            hits += usize::from(lead_bag.binary_search(&x).is_ok());
        });
        if keys == 0 {
            7
        } else {
            share(hits, keys) << 2 | (hits.min(3) as u64)
        }
    };
    // Lines whose opening words come back at the start of a later line (a standfirst or
    // caption that the lead repeats, a title repeated as the first line of the body).
    let mut later_repeat = vec![false; n];
    {
        let mut by_opening: Vec<(u64, usize)> = stats
            .iter()
            .enumerate()
            .filter_map(|(k, st)| st.opening.map(|h| (h, k)))
            .collect();
        by_opening.sort_unstable();
        for run in by_opening.chunk_by(|a, b| a.0 == b.0) {
            for &(_, k) in &run[..run.len() - 1] {
                later_repeat[k] = true;
            }
        }
    }
    let first_headline = stats.iter().position(|st| st.headline);
    let last_headline_before_lead =
        first_lead.and_then(|l| (0..l).rev().find(|&k| stats[k].headline));
    // The main text region: the run of lines with the largest total "prose weight" (long
    // lines that end like sentences count for, short or unfinished lines against), found in
    // one pass (maximum-sum subarray). The body of an article is mostly one such run.
    let weight = |st: &Stats| -> i64 {
        if st.words >= 8 && st.ends_sentence {
            st.words.min(60) as i64
        } else if st.words >= 15 {
            (st.words.min(60) / 2) as i64
        } else {
            -4 - (4 - st.words.min(4) as i64)
        }
    };
    let (mut best, mut best_range) = (0i64, (usize::MAX, 0usize));
    let (mut run_sum, mut run_start) = (0i64, 0usize);
    for (k, st) in stats.iter().enumerate() {
        if run_sum <= 0 {
            run_sum = 0;
            run_start = k;
        }
        run_sum += weight(st);
        if run_sum > best {
            best = run_sum;
            best_range = (run_start, k);
        }
    }
    let (region_start, region_end) = best_range;
    // The dump's style: blocks separated by blank lines (crawler text dumps) or one block per
    // line with hardly any blank line (pages rendered from HTML). Every feature is emitted
    // twice, once shared and once for the style, so the model can weigh cues differently in
    // the two styles while both teach it the shared part.
    let blank_after_count = inputs.iter().filter(|i| i.blank_after).count();
    let dense = blank_after_count * 10 < n;
    // Prose lines before and after each line (capped at 3), and the distance to the nearest.
    let mut prose_before = vec![0usize; n];
    let mut prose_after = vec![0usize; n];
    let mut nearest = vec![usize::MAX; n];
    let mut seen = 0usize;
    let mut last_seen: Option<usize> = None;
    for k in 0..n {
        prose_before[k] = seen.min(3);
        if let Some(p) = last_seen {
            nearest[k] = k - p;
        }
        if is_prose(&stats[k]) {
            seen += 1;
            last_seen = Some(k);
        }
    }
    seen = 0;
    last_seen = None;
    for k in (0..n).rev() {
        prose_after[k] = seen.min(3);
        if let Some(p) = last_seen {
            nearest[k] = nearest[k].min(p - k);
        }
        if is_prose(&stats[k]) {
            seen += 1;
            last_seen = Some(k);
        }
    }
    let text_len = text.len().max(1);

    let mut features = Vec::with_capacity(256);
    for k in 0..n {
        let st = &stats[k];
        let input = &inputs[k];
        features.clear();
        let mut e = Emit { out: &mut features };
        e.f(T_BIAS, 0);
        e.f(T_WORDS, words_bucket(st.words));
        e.f(T_CHARS, chars_bucket(st.length));
        e.f(T_LETTERS, share(st.letters, st.chars));
        e.f(T_DIGITS, share(st.digits, st.chars));
        e.f(T_PUNCT, share(st.punct, st.chars));
        e.f(T_UPPER, share(st.upper, st.letters));
        e.f(T_CAPWORDS, share(st.cap_words, st.alpha_words));
        e.f(T_FIRST, u64::from(st.first));
        e.f(T_LAST, u64::from(st.last));
        e.f(T_FIRST_WORD, st.first_word);
        if st.words >= 2 {
            e.f(T_FIRST_TWO, st.first_two);
        }
        if st.words <= 12 {
            e.f(T_LAST_WORD, st.last_word);
        }
        if st.words <= 5 {
            e.f(T_WHOLE, st.whole);
        }
        for bit in 0..FLAG_COUNT {
            if st.flags & (1 << bit) != 0 {
                e.f(T_FLAG, u64::from(bit));
                e.f(T_FLAG_X_WORDS, u64::from(bit) << 8 | coarse_words(st.words));
            }
        }
        e.f(T_CLASS, input.class as u64);
        e.f(T_WIRE, u64::from(input.wire));
        e.f(T_DATE_ONLY, u64::from(input.date_only));
        e.f(T_HEADER_REST, u64::from(input.header_rest));
        e.f(
            T_BLANKS,
            u64::from(input.blank_before) | u64::from(input.blank_after) << 1,
        );
        e.f(T_PAGE_BLANKS, u64::from(page_blanks));
        e.f(
            T_BLANKS_X_WORDS,
            (u64::from(input.blank_before) | u64::from(input.blank_after) << 1) << 8
                | coarse_words(st.words),
        );
        e.f(T_POS, position_bucket(k));
        e.f(T_FROM_END, position_bucket(n - 1 - k));
        e.f(T_DECILE, (input.span.start * 10 / text_len) as u64);
        #[allow(clippy::cast_possible_wrap)]
        let delta = |p: Option<usize>| p.map_or(99, |p| signed_bucket(k as isize - p as isize));
        e.f(T_FROM_PROSE, delta(first_prose));
        e.f(T_FROM_LAST_PROSE, delta(last_prose));
        e.f(T_LONGEST, k.cmp(&longest) as u64);
        e.f(T_SHORT_RUN, run_bucket(run[k]));
        let around = (prose_before[k] * 4 + prose_after[k]) as u64;
        e.f(T_PROSE_AROUND, around);
        e.f(T_PROSE_AROUND_X_WORDS, around << 8 | coarse_words(st.words));
        e.f(T_PROSE_AROUND_X_CLASS, around << 8 | input.class as u64);
        e.f(
            T_NEAREST_PROSE,
            if nearest[k] == usize::MAX {
                9
            } else {
                nearest[k].min(6) as u64
            },
        );
        let dup = dups[k];
        e.f(T_DUP, u64::from(dup.min(4)));
        e.f(T_DUP_X_POS, u64::from(dup.min(3)) << 8 | position_bucket(k));
        e.f(T_TOP_SHARE, share(st.top_hits, st.alpha_words));
        e.f(T_SHORT_SHARE, share(st.short_words, st.alpha_words));
        e.f(T_SENTENCES, st.sentences.min(4) as u64);
        e.f(
            T_SHAPE,
            u64::from(st.prose) | u64::from(st.headline) << 1 | u64::from(st.first) << 2,
        );
        e.f(
            T_WORDS_X_LAST,
            words_bucket(st.words) << 8 | u64::from(st.last),
        );
        e.f(
            T_WORDS_X_POS,
            coarse_words(st.words) << 8 | position_bucket(k).min(6),
        );
        e.f(
            T_CLASS_X_PROSE,
            (input.class as u64) << 8 | delta(first_prose),
        );
        e.f(
            T_HEADER_X_WORDS,
            u64::from(input.header_rest) << 8 | coarse_words(st.words),
        );
        e.f(
            T_FIRST_WORD_X_WORDS,
            st.first_word ^ coarse_words(st.words).rotate_left(40),
        );
        e.f(
            T_INDENT_CONT,
            u64::from(st.first == C_LOWER) | u64::from(k > 0 && !input.blank_before) << 1,
        );
        #[allow(clippy::cast_possible_wrap)]
        let region = if region_start == usize::MAX {
            99
        } else if k < region_start {
            signed_bucket(k as isize - region_start as isize)
        } else if k > region_end {
            20 + signed_bucket(k as isize - region_end as isize)
        } else {
            50 + u64::from(k == region_start) + 2 * u64::from(k == region_end)
        };
        e.f(T_REGION, region);
        e.f(T_REGION_X_WORDS, region << 8 | coarse_words(st.words));
        e.f(T_REGION_X_LAST, region << 8 | u64::from(st.last));
        e.f(
            T_OPENING_REPEAT,
            u64::from(later_repeat[k])
                | u64::from(k > 0 && st.opening.is_some() && st.opening == stats[k - 1].opening)
                    << 1,
        );
        let ov = overlap(k);
        e.f(T_LEAD_OVERLAP, ov);
        e.f(T_LEAD_OVERLAP_X_POS, ov << 8 | delta(first_lead));
        e.f(
            T_HEADLINE_RANK,
            u64::from(first_headline == Some(k))
                | u64::from(last_headline_before_lead == Some(k)) << 1,
        );
        e.f(T_CHROME_SHARE, share(st.chrome_hits, st.alpha_words));
        e.f(
            T_CHROME_X_WORDS,
            share(st.chrome_hits, st.alpha_words) << 8 | coarse_words(st.words),
        );
        // Hard-wrapped text: this line continues the previous one, or runs on into the next.
        let continues = k > 0 && !input.blank_before && !stats[k - 1].ends_sentence;
        let runs_on =
            k + 1 < n && !input.blank_after && !st.ends_sentence && stats[k + 1].first == C_LOWER;
        let cont =
            u64::from(continues) | u64::from(runs_on) << 1 | u64::from(st.first == C_LOWER) << 2;
        e.f(T_CONTINUES, cont);
        e.f(T_CONTINUES_X_WORDS, cont << 8 | coarse_words(st.words));
        if k + 1 == n {
            e.f(T_TRUNCATED, u64::from(st.ends_sentence) | 2);
        }
        // Neighbours.
        if k > 0 {
            coarse(&mut e, T_PREV, &stats[k - 1], &inputs[k - 1]);
        } else {
            e.f(T_PREV, 0);
        }
        if k + 1 < n {
            coarse(&mut e, T_NEXT, &stats[k + 1], &inputs[k + 1]);
        } else {
            e.f(T_NEXT, 0);
        }
        if k > 1 {
            e.f(T_PREV2 + 1, words_bucket(stats[k - 2].words));
            e.f(T_PREV2 + 4, inputs[k - 2].class as u64);
        } else {
            e.f(T_PREV2, 0);
        }
        if k + 2 < n {
            e.f(T_NEXT2 + 1, words_bucket(stats[k + 2].words));
            e.f(T_NEXT2 + 4, inputs[k + 2].class as u64);
        } else {
            e.f(T_NEXT2, 0);
        }
        sink(&features, usize::from(!dense));
    }
}

/// The style copy of feature bucket `f`: every feature is emitted once shared and once for
/// the dump's style (`style` 0: one block per line, 1: blocks separated by blank lines; see
/// [`for_each_line`]).
pub(crate) fn style_bucket(f: u32, style: usize) -> u32 {
    let style: u64 = if style == 0 { 0x5EED_0001 } else { 0x5EED_0002 };
    bucket(T_STYLE, u64::from(f) ^ style << 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str, span: Span) -> Input {
        Input {
            span,
            class: RuleClass::Text,
            wire: 0,
            date_only: false,
            header_rest: false,
            blank_before: false,
            blank_after: false,
            words: span.slice(text).map_or(0, lexicon::word_count),
        }
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let text =
            "Menu\nWorld\nA long line of text that reads like prose and ends with a period.\n";
        let spans = [
            Span::new(0, 4),
            Span::new(5, 10),
            Span::new(11, text.len() - 1),
        ];
        let inputs: Vec<Input> = spans.iter().map(|&s| input(text, s)).collect();
        let a = items(text, &inputs);
        let b = items(text, &inputs);
        assert_eq!(a.len(), 3);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.features, y.features);
            assert!(x.features.iter().all(|&f| f < (1 << BITS)));
        }
    }

    /// An invented page that exercises every kind of feature: a crawler header, menus, a
    /// title, byline and date line, a caption with its credit, a wire dateline, long and
    /// non-ASCII lines, repeated lines (and two different lines whose normalized hashes
    /// collide: "60" and "’10"), short runs and trailing related headlines.
    const GOLDEN_PAGE: &str = " date 2023-09-23 World\nHome | News | Sport | Weather\nMenu\n\n\
        Floods close schools across the north as rivers rise\n\
        By Jane Doe and Ana Lopez, Reuters\nUpdated: 23 September 2023 10:42 GMT\n\n\
        Rescue boats on a flooded street in Grenoble on Saturday. Photo: Reuters\n\n\
        SEOUL, Sept 23 (Reuters) - Heavy rain closed schools across the north on Saturday, \
        officials said, as rivers rose to levels not seen since 1987 and the émigré mayor \
        warned that “the worst is still to come”, with £2.5 million set aside for repairs \
        and more rain forecast for the week ahead in the valleys.\n\n\
        Floods close schools across the north as rivers rise, the mayor said at 10:42 am.\n\
        60\n’10\nShare this article\nShare this article\n\n\
        The ministry said 1,200 pupils were affected and that classes would resume on \
        Monday if the water receded; teachers were asked to check their email.\n\n\
        More stories\nRain returns to the valleys next week\nSchools reopen after the storm\n\
        © 2023 Example News. All rights reserved.\nhttps://example.com/news/floods\n";

    /// The committed model was trained on exactly these features: a change to any feature
    /// (ids, buckets, order) must come with a retrained `data/lines.model` and a new
    /// [`FEATURE_VERSION`], and then this checksum is updated.
    #[test]
    fn features_are_those_the_model_was_trained_on() {
        let prepared = crate::structure::prepare(GOLDEN_PAGE);
        let items = items(GOLDEN_PAGE, &prepared.inputs);
        assert_eq!(items.len(), 19);
        let mut sum = FNV_OFFSET;
        for item in &items {
            for &f in item.features.iter().chain(&[u32::MAX]) {
                sum = (sum ^ u64::from(f)).wrapping_mul(FNV_PRIME);
            }
        }
        assert_eq!(sum, 0xa7cf_389a_131a_4c28, "{sum:#x}");
    }

    #[test]
    fn measures_shapes() {
        let st = measure(
            "Updated 10:42 GMT, 3 March 2021",
            lexicon::word_count("Updated 10:42 GMT, 3 March 2021"),
            &mut Vec::new(),
        );
        assert!(st.flags & F_TIME != 0 && st.flags & F_MONTH != 0 && st.flags & F_YEAR != 0);
        let st = measure(
            "Home | News | Sport",
            lexicon::word_count("Home | News | Sport"),
            &mut Vec::new(),
        );
        assert!(st.flags & F_PIPE != 0);
        assert_eq!(st.words, 5);
        let st = measure(
            "“Quote,” she said.",
            lexicon::word_count("“Quote,” she said."),
            &mut Vec::new(),
        );
        assert_eq!(st.first, C_QUOTE);
        assert_eq!(st.last, C_PERIOD);
    }

    #[test]
    fn empty_and_odd_lines_do_not_panic() {
        for s in [
            "", " ", "\u{feff}", "🙂🙂", "a:", ":1", "1:", "x@", "@", "…", "pm", "12pm",
        ] {
            let _ = measure(s, lexicon::word_count(s), &mut Vec::new());
        }
        assert!(items("", &[]).is_empty());
    }
}
