//! Feature extraction shared by training and inference.
//!
//! Every feature is a 64-bit hash of a template id and a value, cut to its top
//! [`BITS`] bits: the "hashing trick". Nothing here allocates per token: each token's
//! lowercased form, shape and affixes are hashed once by walking its characters, and
//! the context features combine those hashes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use dateline_text::{Flags, Token, TokenKind};

/// Number of bits of a feature bucket (the model's hash space is `2^BITS` rows).
pub(crate) const BITS: u32 = 21;

/// Version of the feature set; a model trained with another version is rejected.
pub(crate) const FEATURE_VERSION: u32 = 5;

/// Number of tag classes: O and B/I of PER, ORG, LOC, MISC.
pub(crate) const NCLASS: usize = 9;

/// The "no previous tag" marker used for history features.
pub(crate) const START_CLASS: u8 = NCLASS as u8;

/// Is `c` an inside tag (I-X)?
#[inline]
pub(crate) fn is_inside(c: u8) -> bool {
    c != 0 && c % 2 == 0
}

/// Entity type of a class: 0 for O, 1..=4 for PER, ORG, LOC, MISC.
#[inline]
pub(crate) fn type_of(c: u8) -> u8 {
    c.div_ceil(2)
}

/// May class `c` follow class `prev` (IOB2: I-X only after B-X or I-X)?
#[inline]
pub(crate) fn allowed(prev: u8, c: u8) -> bool {
    !is_inside(c) || (prev < START_CLASS && prev != 0 && type_of(prev) == type_of(c))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, b: u64) -> u64 {
    h ^= b;
    h.wrapping_mul(FNV_PRIME)
}

/// Mixes two hashes into one (order-sensitive).
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(25)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// A feature bucket from a template id and a value hash.
#[inline]
fn bucket(template: u64, value: u64) -> u32 {
    let x = mix(template.wrapping_mul(0xD6E8_FEB8_6659_FD93), value);
    let x = (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x >> (64 - BITS)) as u32
}

/// Capitalization class of a token.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Case {
    /// No letters.
    NoAlpha = 0,
    /// All letters lowercase.
    Lower = 1,
    /// First letter uppercase, some lowercase after it ("Seoul", "McDonald").
    Title = 2,
    /// Every letter uppercase, two or more letters ("NATO").
    Upper = 3,
    /// A single uppercase letter ("A", "J.").
    Single = 4,
    /// Lowercase first, uppercase later ("iPhone", "de Gaulle"-like mixes).
    Mixed = 5,
}

/// Per-token values computed once per document.
#[derive(Clone, Copy)]
pub(crate) struct TokInfo {
    lower: u64,
    shape: u64,
    short_shape: u64,
    case: Case,
    /// First token of a sentence (document start, line start, after . ! ? or a
    /// quote/bracket that itself opens a sentence).
    sent_start: bool,
    /// The token's line has letters and no lowercase letter (a headline).
    caps_line: bool,
    /// Token kind as a small integer.
    kind: u8,
    /// Gazetteer marks (see `Gazetteer::mark`).
    gaz: u16,
}

impl TokInfo {
    /// Hash of an absent token (before the start or after the end).
    const PAD: u64 = 0x5bd1_e995_1234_5678;
}

/// Lowercase of a character, as the hashes see it.
#[inline]
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Shape class of a character: 'X' upper, 'x' lower, 'd' digit, 'a' caseless letter,
/// otherwise the character itself.
#[inline]
fn char_class(c: char) -> u32 {
    if c.is_ascii() {
        match c {
            'A'..='Z' => u32::from('X'),
            'a'..='z' => u32::from('x'),
            '0'..='9' => u32::from('d'),
            _ => u32::from(c),
        }
    } else if c.is_uppercase() {
        u32::from('X')
    } else if c.is_lowercase() {
        u32::from('x')
    } else if c.is_numeric() {
        u32::from('d')
    } else if c.is_alphabetic() {
        // Caseless letters (CJK, Arabic ...).
        u32::from('a')
    } else {
        u32::from(c)
    }
}

/// [`char_class`] of each ASCII character.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_uppercase() {
            b'X'
        } else if c.is_ascii_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else {
            c
        };
        i += 1;
    }
    t
};

/// Hashes the lowercased token text, its shape and short shape, and its case class
/// (affixes are hashed later, only for the tokens the decoder scores).
fn token_info(word: &str, tok: &Token) -> TokInfo {
    token_info_with(word, tok, word.is_ascii())
}

/// [`token_info`], walking bytes through a class table when `ascii_fast` (only for an
/// ASCII `word`) or characters otherwise: both give the same values.
fn token_info_with(word: &str, tok: &Token, ascii_fast: bool) -> TokInfo {
    let mut lower = FNV_OFFSET;
    let mut shape = FNV_OFFSET;
    let mut short_shape = FNV_OFFSET;
    let mut last_class = 0u32;
    let mut run = 0usize;
    let mut upper_n = 0usize;
    let mut lower_n = 0usize;
    let mut first_upper = false;
    let mut step = |ci: usize, c: char| {
        lower = fnv(lower, u64::from(u32::from(lower_char(c))));
        let class = char_class(c);
        if class == u32::from('X') {
            upper_n += 1;
            first_upper |= ci == 0;
        } else if class == u32::from('x') {
            lower_n += 1;
        }
        if class == last_class {
            run += 1;
        } else {
            short_shape = fnv(short_shape, u64::from(class));
            last_class = class;
            run = 1;
        }
        if run <= 4 {
            shape = fnv(shape, u64::from(class));
        }
    };
    if ascii_fast {
        // The same steps as `step`, with the character class from a table (no branches
        // on the character).
        for (ci, &b) in word.as_bytes().iter().enumerate() {
            let class = u32::from(ASCII_CLASS[usize::from(b & 0x7f)]);
            lower = fnv(lower, u64::from(b.to_ascii_lowercase()));
            let is_upper = class == u32::from(b'X');
            upper_n += usize::from(is_upper);
            first_upper |= is_upper && ci == 0;
            lower_n += usize::from(class == u32::from(b'x'));
            if class == last_class {
                run += 1;
            } else {
                short_shape = fnv(short_shape, u64::from(class));
                last_class = class;
                run = 1;
            }
            if run <= 4 {
                shape = fnv(shape, u64::from(class));
            }
        }
    } else {
        for (ci, c) in word.chars().enumerate() {
            step(ci, c);
        }
    }
    let case = if upper_n + lower_n == 0 {
        Case::NoAlpha
    } else if upper_n == 0 {
        Case::Lower
    } else if lower_n == 0 {
        if upper_n == 1 {
            Case::Single
        } else {
            Case::Upper
        }
    } else if first_upper {
        Case::Title
    } else {
        Case::Mixed
    };
    TokInfo {
        lower,
        shape,
        short_shape,
        case,
        sent_start: false,
        caps_line: false,
        kind: kind_code(tok.kind),
        gaz: 0,
    }
}

/// Hashes of the lowercased prefixes and proper suffixes of one to four characters
/// (0 where the word is too short).
fn affixes(word: &str) -> ([u64; 4], [u64; 4]) {
    let mut prefix = [0u64; 4];
    let mut h = FNV_OFFSET;
    for (p, c) in prefix.iter_mut().zip(word.chars()) {
        h = fnv(h, u64::from(u32::from(lower_char(c))));
        *p = h;
    }
    let mut suffix = [0u64; 4];
    let mut it = word.char_indices().rev();
    for s in &mut suffix {
        match it.next() {
            Some((i, _)) if i > 0 => *s = hash_lower(word.get(i..).unwrap_or("")),
            _ => break,
        }
    }
    (prefix, suffix)
}

fn kind_code(k: TokenKind) -> u8 {
    match k {
        TokenKind::Word => 1,
        TokenKind::Number => 2,
        TokenKind::Abbreviation => 3,
        TokenKind::Money => 4,
        TokenKind::Punct => 5,
        TokenKind::Symbol => 6,
        TokenKind::Possessive => 7,
        _ => 0,
    }
}

/// FNV hash of the lowercased string (same as [`TokInfo::lower`] for a whole word).
fn hash_lower(s: &str) -> u64 {
    s.chars().fold(FNV_OFFSET, |h, c| {
        fnv(h, u64::from(u32::from(lower_char(c))))
    })
}

/// A `Hasher` for keys that already are good 64-bit hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fnv(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Longest gazetteer phrase, in tokens.
const MAX_PHRASE: usize = 5;

/// Hash of a phrase from its tokens' lowercased hashes.
#[inline]
fn phrase_step(h: u64, lower: u64) -> u64 {
    mix(h ^ 0x7f4a_7c15_9e37_79b9, lower)
}

/// Phrase lists the tagger uses as features: hashed lowercased token sequences with a
/// bit set of kinds (bit `k` = kind `k`, see `train::GazKind`).
#[derive(Clone, Default)]
pub(crate) struct Gazetteer {
    map: IdMap<u8>,
    /// A Bloom filter of the map's keys (two bits per key in 2^19 bits, 64 KiB, about 2%
    /// false positives): most phrases tried are in no list, and the filter answers from
    /// cache where the map would miss it.
    filter: Vec<u64>,
}

/// Bits of the phrase filter (a power of two).
const FILTER_BITS: u32 = 19;

impl Gazetteer {
    /// Builds from `(phrase hash, kind bits)` pairs (bits of equal hashes are merged).
    pub(crate) fn from_entries(entries: &[(u64, u8)]) -> Gazetteer {
        let mut map: IdMap<u8> = IdMap::default();
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for &(h, bits) in entries {
            *map.entry(h).or_insert(0) |= bits;
            for bit in Self::filter_bits(h) {
                if let Some(w) = filter.get_mut(bit >> 6) {
                    *w |= 1 << (bit & 63);
                }
            }
        }
        Gazetteer { map, filter }
    }

    /// The two filter bit positions of a phrase hash.
    #[inline]
    fn filter_bits(h: u64) -> [usize; 2] {
        let m = (1usize << FILTER_BITS) - 1;
        [(h >> 40) as usize & m, (h >> 13) as usize & m]
    }

    /// The kind bits of a phrase hash (the filter first, then the map).
    #[inline]
    fn get(&self, h: u64) -> Option<u8> {
        let maybe = Self::filter_bits(h).iter().all(|&bit| {
            self.filter
                .get(bit >> 6)
                .is_some_and(|w| w & (1 << (bit & 63)) != 0)
        });
        if maybe {
            self.map.get(&h).copied()
        } else {
            None
        }
    }

    /// The entries, sorted by hash.
    pub(crate) fn entries(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.map.iter().map(|(&h, &b)| (h, b)).collect();
        v.sort_unstable();
        v
    }

    /// Number of phrases.
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// The hash of a phrase as it is stored (tokenized like running text; `None` for a
    /// phrase with no token or more than the longest phrase length).
    pub(crate) fn phrase_hash(phrase: &str) -> Option<u64> {
        let tokens = dateline_text::tokenize(phrase);
        if tokens.is_empty() || tokens.len() > MAX_PHRASE {
            return None;
        }
        Some(tokens.iter().fold(FNV_OFFSET, |h, t| {
            phrase_step(h, hash_lower(t.text(phrase)))
        }))
    }

    /// Marks the tokens each phrase covers: bit `2k` on a phrase's first token, bit
    /// `2k + 1` on the others, for every kind `k` of every matching phrase.
    fn mark(&self, infos: &mut [TokInfo]) {
        if self.map.is_empty() {
            return;
        }
        for i in 0..infos.len() {
            // A phrase starts with a letter that is not lowercase: a lowercase word after
            // O is never scored (see `DocFeatures::is_trivial`), and skipping those starts
            // saves most lookups.
            if matches!(infos[i].case, Case::NoAlpha | Case::Lower) {
                continue;
            }
            let mut h = FNV_OFFSET;
            for n in 0..MAX_PHRASE {
                let Some(t) = infos.get(i + n) else { break };
                h = phrase_step(h, t.lower);
                let Some(bits) = self.get(h) else {
                    continue;
                };
                for k in 0..8u16 {
                    if bits & (1 << k) != 0 {
                        infos[i].gaz |= 1 << (2 * k);
                        for t in &mut infos[i + 1..=i + n] {
                            t.gaz |= 1 << (2 * k + 1);
                        }
                    }
                }
            }
        }
    }
}

/// Document-level flags of a lowercased word.
const SEEN_LOWER: u8 = 1;
const SEEN_TITLE_MID: u8 = 2;
const SEEN_UPPER: u8 = 4;

/// Everything the decoder needs about one document, plus its prediction history.
pub(crate) struct DocFeatures<'t> {
    text: &'t str,
    tokens: &'t [Token],
    infos: Vec<TokInfo>,
    /// Document-level evidence about each word (how it is written elsewhere).
    seen: IdMap<u8>,
    /// Last predicted entity type (1..=4, or 5 for O) of each capitalized word.
    history: IdMap<u8>,
}

impl<'t> DocFeatures<'t> {
    /// Precomputes token information for a document.
    pub(crate) fn new(text: &'t str, tokens: &'t [Token], gazetteer: &Gazetteer) -> Self {
        let mut infos: Vec<TokInfo> = tokens.iter().map(|t| token_info(t.text(text), t)).collect();
        gazetteer.mark(&mut infos);
        // Sentence starts.
        let mut start = true;
        for (info, tok) in infos.iter_mut().zip(tokens) {
            if tok.is(Flags::LINE_START) {
                start = true;
            }
            info.sent_start = start;
            let w = tok.text(text);
            start = if tok.kind == TokenKind::Punct {
                matches!(w, "." | "!" | "?" | "..." | ":" | ";" | "--" | "-")
                    || (start && (tok.is(Flags::QUOTE) || tok.is(Flags::OPEN_BRACKET)))
            } else {
                false
            };
        }
        // Headline lines: letters but no lowercase letter.
        let mut line_begin = 0usize;
        for i in 0..=tokens.len() {
            let at_break = i == tokens.len() || (i > line_begin && tokens[i].is(Flags::LINE_START));
            if at_break {
                let line = &infos[line_begin..i];
                let letters = line.iter().any(|t| !matches!(t.case, Case::NoAlpha));
                let lower = line
                    .iter()
                    .any(|t| matches!(t.case, Case::Lower | Case::Title | Case::Mixed));
                let caps =
                    letters && !lower && line.iter().filter(|t| t.case == Case::Upper).count() >= 1;
                for t in &mut infos[line_begin..i] {
                    t.caps_line = caps;
                }
                line_begin = i;
            }
        }
        // Only words written with a capital somewhere get an entry: a word that is only
        // ever lowercase has exactly SEEN_LOWER (see `features`), and most words are.
        let mut seen: IdMap<u8> = IdMap::default();
        // A 4096-bit filter of the entries, so lowercase words rarely probe the map.
        let mut filter = [0u64; 64];
        let filter_slot = |h: u64| ((h >> 58) as usize, 1u64 << ((h >> 52) & 63));
        for t in &infos {
            let flag = match t.case {
                Case::Lower | Case::NoAlpha => continue,
                Case::Title if !t.sent_start && !t.caps_line => SEEN_TITLE_MID,
                Case::Upper if !t.caps_line => SEEN_UPPER,
                _ => 0,
            };
            *seen.entry(t.lower).or_insert(0) |= flag;
            let (w, bit) = filter_slot(t.lower);
            filter[w] |= bit;
        }
        for t in &infos {
            let (w, bit) = filter_slot(t.lower);
            if t.case == Case::Lower && filter[w] & bit != 0 {
                if let Some(f) = seen.get_mut(&t.lower) {
                    *f |= SEEN_LOWER;
                }
            }
        }
        DocFeatures {
            text,
            tokens,
            infos,
            seen,
            history: IdMap::default(),
        }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.infos.len()
    }

    /// At inference, token `i` is taken as O without scoring: a lowercase word or a
    /// token without letters right after O (or at the start). Entities starting with
    /// such a token ("de", "1,000") are 0.2% of CoNLL-2003's, and news is about 80% such
    /// tokens. Training still scores them (measured: skipping them in training too
    /// costs 0.7 F1 on testa, skipping them only at inference nothing).
    #[inline]
    ///
    /// Sentence punctuation (, . ; : ! ?) is O even right after a name: 3 of the 5,942
    /// entities of CoNLL-2003 testa run through one.
    pub(crate) fn is_trivial(&self, i: usize, p1: u8) -> bool {
        let Some(t) = self.infos.get(i) else {
            return false;
        };
        match t.case {
            Case::Lower => p1 == 0 || p1 == START_CLASS,
            Case::NoAlpha => {
                p1 == 0
                    || p1 == START_CLASS
                    || (t.kind == kind_code(TokenKind::Punct)
                        && self.tokens.get(i).is_some_and(|tok| {
                            matches!(tok.text(self.text), "," | "." | ";" | ":" | "!" | "?")
                        }))
            }
            _ => false,
        }
    }

    /// How the word of `t` is written anywhere in the document (SEEN_* bits).
    #[inline]
    fn seen_flags(&self, t: &TokInfo) -> u8 {
        match self.seen.get(&t.lower) {
            Some(&f) => f,
            None if t.case == Case::Lower => SEEN_LOWER,
            None => 0,
        }
    }

    /// Records the class predicted for token `i` (feeds the document history feature).
    pub(crate) fn observe(&mut self, i: usize, class: u8) {
        let Some(t) = self.infos.get(i) else { return };
        if matches!(
            t.case,
            Case::Title | Case::Upper | Case::Mixed | Case::Single
        ) {
            let ty = if class == 0 { 5 } else { type_of(class) };
            self.history.insert(t.lower, ty);
        }
    }

    /// Writes the feature buckets of token `i` given the two previous predicted classes
    /// (training order): the token-only features ([`Self::static_features`], which inference
    /// caches per token) followed by the rest ([`Self::dynamic_features`]).
    pub(crate) fn features(&self, i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
        out.clear();
        self.static_features(i, out);
        self.dynamic_features(i, p1, p2, out);
    }

    /// Everything the features of token `i` that look at the token alone (its word,
    /// shape, affixes, case, context flags, kind, document spelling and gazetteer marks)
    /// depend on: two tokens with the same key have the same [`Self::static_features`].
    /// The word enters through its lowercase hash (affixes are functions of the
    /// lowercased word).
    #[inline]
    pub(crate) fn static_key(&self, i: usize) -> Option<[u64; 4]> {
        let t = self.infos.get(i)?;
        let packed = t.case as u64
            | u64::from(t.sent_start) << 3
            | u64::from(t.caps_line) << 4
            | u64::from(t.kind) << 8
            | u64::from(self.seen_flags(t)) << 16
            | u64::from(t.gaz) << 24;
        Some([t.lower, t.shape, t.short_shape, packed])
    }

    /// The buckets of the token-only features of token `i` (see [`Self::static_key`]).
    pub(crate) fn static_features(&self, i: usize, out: &mut Vec<u32>) {
        let Some(t) = self.infos.get(i) else { return };
        let case = t.case as u64;
        let ctx = u64::from(t.sent_start) | u64::from(t.caps_line) << 1;
        let mut f = |template: u64, value: u64| out.push(bucket(template, value));
        f(0, 0);
        f(1, t.lower);
        f(2, t.shape);
        f(3, t.short_shape);
        f(4, mix(t.lower, case));
        let word = self.tokens.get(i).map_or("", |tok| tok.text(self.text));
        let (prefix, suffix) = affixes(word);
        for (n, &p) in prefix.iter().enumerate() {
            if p != 0 {
                f(10 + n as u64, p);
            }
        }
        for (n, &s) in suffix.iter().enumerate() {
            if s != 0 {
                f(20 + n as u64, s);
            }
        }
        f(41, mix(case, ctx));
        f(42, mix(t.short_shape, ctx));
        f(43, mix(t.lower, ctx));
        f(44, u64::from(t.kind));
        let seen = self.seen_flags(t);
        f(60, mix(case, u64::from(seen) | ctx << 4));
        let mut g = t.gaz;
        while g != 0 {
            let bit = u64::from(g.trailing_zeros());
            g &= g - 1;
            f(70, bit);
            f(71, mix(bit, case));
        }
        if t.gaz != 0 {
            f(72, mix(u64::from(t.gaz), case));
        }
    }

    /// The buckets of the other features of token `i`: neighbours, the two previous
    /// predicted classes and the document history.
    pub(crate) fn dynamic_features(&self, i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
        let Some(t) = self.infos.get(i) else { return };
        let at = |k: isize| -> Option<&TokInfo> {
            i.checked_add_signed(k).and_then(|j| self.infos.get(j))
        };
        let lw = |k: isize| at(k).map_or(TokInfo::PAD, |x| x.lower);
        let sh = |k: isize| at(k).map_or(TokInfo::PAD, |x| x.shape);
        let ss = |k: isize| at(k).map_or(TokInfo::PAD, |x| x.short_shape);
        let case = t.case as u64;
        let ctx = u64::from(t.sent_start) | u64::from(t.caps_line) << 1;
        let mut f = |template: u64, value: u64| out.push(bucket(template, value));
        f(30, lw(-1));
        f(31, lw(1));
        f(32, lw(-2));
        f(33, lw(2));
        f(34, mix(lw(-1), t.lower));
        f(35, mix(t.lower, lw(1)));
        f(36, sh(-1));
        f(37, sh(1));
        f(38, mix(mix(ss(-1), t.short_shape), ss(1)));
        f(39, mix(sh(-1), t.shape));
        f(40, mix(t.shape, sh(1)));
        f(45, mix(lw(-1), case));
        f(46, mix(lw(1), case));
        let (p1, p2) = (u64::from(p1), u64::from(p2));
        f(50, p1);
        f(51, mix(p1, p2));
        f(52, mix(p1, t.lower));
        f(53, mix(p1, t.short_shape));
        f(54, mix(p1, mix(case, ctx)));
        let hist = self.history.get(&t.lower).copied().unwrap_or(0);
        if hist != 0 && !matches!(t.case, Case::Lower | Case::NoAlpha) {
            f(61, u64::from(hist));
            f(62, mix(u64::from(hist), mix(case, p1)));
        }
        if let Some(n) = at(1) {
            if let Some(&h) = self.history.get(&n.lower) {
                if !matches!(n.case, Case::Lower | Case::NoAlpha) {
                    f(63, mix(u64::from(h), case));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(allowed(START_CLASS, 0));
        assert!(allowed(START_CLASS, 1));
        assert!(!allowed(START_CLASS, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(3, 2));
        assert!(!allowed(0, 8));
        assert!(allowed(7, 8));
        assert_eq!(type_of(0), 0);
        assert_eq!(type_of(1), 1);
        assert_eq!(type_of(2), 1);
        assert_eq!(type_of(8), 4);
    }

    #[test]
    fn seen_flags_match_a_full_map() {
        let text = "Apple said apple pies. APPLE rose.\nThe Bank of Korea and the bank. \
                    IBM Ibm ibm; The the THE. 🙂 Seoul seoul? Pear.";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &Gazetteer::default());
        let mut full: HashMap<u64, u8> = HashMap::new();
        for t in &d.infos {
            let flag = match t.case {
                Case::Lower => SEEN_LOWER,
                Case::Title if !t.sent_start && !t.caps_line => SEEN_TITLE_MID,
                Case::Upper if !t.caps_line => SEEN_UPPER,
                _ => continue,
            };
            *full.entry(t.lower).or_insert(0) |= flag;
        }
        for t in &d.infos {
            assert_eq!(d.seen_flags(t), full.get(&t.lower).copied().unwrap_or(0));
        }
        assert!(full.values().any(|&f| f == SEEN_LOWER | SEEN_TITLE_MID));
    }

    #[test]
    fn ascii_fast_path_matches_the_char_walk() {
        for (i, c) in (0u8..128).map(char::from).enumerate() {
            assert_eq!(u32::from(ASCII_CLASS[i]), char_class(c), "{c:?}");
        }
        let text =
            "McDonald NATO iPhone G20 x-ray A. 1,000 a1B2 ... Seoul's XXXXXXxx 12345678 O'Neil";
        for tok in dateline_text::tokenize(text) {
            let w = tok.text(text);
            let (fast, slow) = (
                token_info_with(w, &tok, true),
                token_info_with(w, &tok, false),
            );
            assert_eq!(fast.lower, slow.lower, "{w}");
            assert_eq!(fast.lower, hash_lower(w), "{w}");
            assert_eq!(fast.shape, slow.shape, "{w}");
            assert_eq!(fast.short_shape, slow.short_shape, "{w}");
            assert!(fast.case == slow.case, "{w}");
        }
    }

    #[test]
    fn equal_static_keys_give_equal_static_features() {
        let h = Gazetteer::phrase_hash("South Korea").unwrap();
        let g = Gazetteer::from_entries(&[(h, 3)]);
        let text = "SEOUL TALKS\nSouth Korea's Yoon met Xi in Seoul, and Seoul said \"no\" (KCNA).";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &g);
        // Equal keys, equal static features ("Seoul" mid-sentence twice).
        let seoul: Vec<usize> = (0..d.len())
            .filter(|&i| toks[i].text(text) == "Seoul" && !d.infos[i].sent_start)
            .collect();
        assert_eq!(seoul.len(), 2);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        d.static_features(seoul[0], &mut a);
        d.static_features(seoul[1], &mut b);
        assert_eq!(d.static_key(seoul[0]), d.static_key(seoul[1]));
        assert_eq!(a, b);
        assert_ne!(d.static_key(0), d.static_key(seoul[0]), "caps line differs");
    }

    #[test]
    fn case_sensitive_lower_is_shared() {
        let text = "SEOUL Seoul seoul";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &Gazetteer::default());
        assert_eq!(d.infos[0].lower, d.infos[1].lower);
        assert_eq!(d.infos[1].lower, d.infos[2].lower);
        assert!(d.infos[0].shape != d.infos[1].shape);
        assert!(d.infos[0].case == Case::Upper);
        assert!(d.infos[1].case == Case::Title);
    }

    #[test]
    fn headline_and_sentence_start() {
        let text = "GERMANY BEATS ITALY\nThe team won. Germany scored.";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &Gazetteer::default());
        assert!(d.infos[0].caps_line && d.infos[2].caps_line);
        assert!(!d.infos[3].caps_line);
        assert!(d.infos[3].sent_start);
        assert!(!d.infos[4].sent_start);
        assert!(d.infos[7].sent_start);
        let mut out = Vec::new();
        d.features(0, START_CLASS, START_CLASS, &mut out);
        assert!(out.len() > 30);
        assert!(out.iter().all(|&b| b < (1 << BITS)));
    }

    #[test]
    fn gazetteer_marks_phrases() {
        let h = Gazetteer::phrase_hash("United Arab Emirates").unwrap();
        let g = Gazetteer::from_entries(&[(h, 1), (Gazetteer::phrase_hash("Dubai").unwrap(), 2)]);
        assert_eq!(g.len(), 2);
        let text = "the UNITED ARAB EMIRATES and Dubai dubai";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &g);
        let marks: Vec<u16> = d.infos.iter().map(|t| t.gaz).collect();
        // Phrases start at a word that is not lowercase.
        assert_eq!(marks, [0, 1, 2, 2, 0, 4, 0]);
        assert!(Gazetteer::phrase_hash("").is_none());
        assert!(Gazetteer::phrase_hash("a b c d e f").is_none());
    }

    #[test]
    fn suffix_of_short_word() {
        let text = "Xi";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &Gazetteer::default());
        let (prefix, suffix) = affixes(text);
        assert_ne!(suffix[0], 0);
        assert_eq!(suffix[1], 0);
        assert_ne!(prefix[1], 0);
        assert_eq!(prefix[2], 0);
        let (p2, s2) = affixes("XI");
        assert_eq!((p2, s2), (prefix, suffix), "affixes are lowercased");
        assert!(!d.is_trivial(0, START_CLASS));
        let text = "Seoul , said Kim ( KCNA ) and";
        let toks = dateline_text::tokenize(text);
        let d = DocFeatures::new(text, &toks, &Gazetteer::default());
        let b_loc = 5; // B-LOC
        assert!(!d.is_trivial(0, START_CLASS), "capitalized");
        assert!(d.is_trivial(1, b_loc), "comma after a name");
        assert!(d.is_trivial(2, 0), "lowercase after O");
        assert!(!d.is_trivial(2, b_loc), "lowercase after a name is scored");
        assert!(!d.is_trivial(4, 3), "a bracket after a name is scored");
        assert!(d.is_trivial(4, 0), "a bracket after O");
    }
}
