//! Mention finding: a word layer over the shared tokens, gazetteer and title matching,
//! grouping of capitalized runs, typing by rules, roles from context.

use dateline_text::{Flags, Span, Token, TokenKind, Tokenized};

use crate::gazetteer::{push_key, Gazetteer, Kind, GAZETTEER};
use crate::lexicon::{
    is_connector, may_start_title, person_noun, EA_SURNAMES, GIVEN_NAMES, LOCATIVES, NEVER_NAME,
    PREFIX, SAYING_VERBS, SUFFIX, TITLE_MAP, TITLE_PREFIXES,
};
use crate::roles::Role;
use crate::Label;

/// Longest gazetteer surface, in words.
const MAX_GAZ_WORDS: usize = 8;
/// Longest run of unknown capitalized words typed as one name.
const MAX_NAME_WORDS: usize = 8;
/// Cities smaller than this need a locative context ("in X", "X, Country").
const SMALL_CITY: u64 = 100_000;

/// Surface class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wk {
    /// Starts with an uppercase letter (or is a name-like alphanumeric: "G20").
    Cap,
    /// All letters uppercase, at least two: "NATO", "U.S.".
    Upper,
    /// Lowercase word.
    Lower,
    /// Number.
    Num,
    /// Possessive clitic.
    Poss,
    /// Punctuation (first character).
    Punct(char),
    /// Anything else.
    Other,
}

/// One word of the word layer (tokens, with "Korea-China" split in two).
#[derive(Debug, Clone, Copy)]
pub(crate) struct W {
    pub(crate) span: Span,
    pub(crate) kind: Wk,
    /// First word of a sentence or clause (after a quote, colon or dash).
    pub(crate) start: bool,
    /// A hard break (sentence, line or region) lies before this word.
    pub(crate) brk: bool,
}

impl W {
    pub(crate) fn name_like(&self) -> bool {
        matches!(self.kind, Wk::Cap | Wk::Upper)
    }
}

/// How sure the rules are about a mention's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Conf {
    /// A lone capitalized word kept only for linking ("Xi" after "Xi Jinping").
    Weak,
    /// Typed by a default rule (two or three capitalized words -> PERSON).
    Default,
    /// Gazetteer, head word, title or honorific.
    Strong,
}

/// A mention candidate.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Word range.
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) conf: Conf,
    pub(crate) entry: Option<u32>,
    /// Country from context (ISO code): an organization's ("China's Foreign Ministry").
    pub(crate) country: Option<[u8; 2]>,
    /// A title or apposition the rules saw before or after a person (typing evidence: the
    /// tagger does not overrule it). The role itself is read later by [`crate::roles`].
    pub(crate) title: Option<&'static str>,
    /// The person's role and affiliation from context ([`crate::roles::assign`]).
    pub(crate) role: Option<Box<Role>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum It {
    Gaz(u32),
    Title(&'static str),
    Unk,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    a: usize,
    b: usize,
    it: It,
}

/// A lowercased word: short ASCII words stay on the stack (no allocation), the rest on
/// the heap.
#[derive(Clone)]
pub(crate) enum Low {
    Inline([u8; 31], u8),
    Heap(String),
}

impl Default for Low {
    fn default() -> Self {
        Low::Inline([0; 31], 0)
    }
}

impl Low {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Low::Inline(b, n) => b
                .get(..usize::from(*n))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            Low::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Low {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Low {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

pub(crate) fn lower(s: &str) -> Low {
    if s.len() <= 31 && s.is_ascii() {
        let mut b = [0u8; 31];
        if let Some(d) = b.get_mut(..s.len()) {
            d.copy_from_slice(s.as_bytes());
            d.make_ascii_lowercase();
        }
        Low::Inline(b, s.len() as u8)
    } else {
        Low::Heap(s.to_lowercase())
    }
}

/// A Penn Treebank bracket token ("-LRB-", "-RRB-" ...) in tokenized corpora: the word
/// between its hyphens is punctuation, never a name.
fn ptb_bracket(text: &str, span: Span) -> Option<Wk> {
    if span.end - span.start != 3 {
        return None;
    }
    let word = text.get(span.start..span.end)?;
    let bracket = match word {
        "LRB" => '(',
        "RRB" => ')',
        "LSB" => '[',
        "RSB" => ']',
        "LCB" => '{',
        "RCB" => '}',
        _ => return None,
    };
    let before = span
        .start
        .checked_sub(1)
        .and_then(|s| text.get(s..span.start));
    let after = text.get(span.end..span.end + 1);
    (before == Some("-") && after == Some("-")).then_some(Wk::Punct(bracket))
}

fn classify(text: &str, tok: &Token) -> Wk {
    match tok.kind {
        TokenKind::Possessive => Wk::Poss,
        TokenKind::Punct => Wk::Punct(text.chars().next().unwrap_or(' ')),
        TokenKind::Number => Wk::Num,
        TokenKind::Word | TokenKind::Abbreviation => word_kind(text, tok.flags),
        _ => Wk::Other,
    }
}

fn word_kind(text: &str, flags: Flags) -> Wk {
    let first = text.chars().next().unwrap_or(' ');
    if flags.contains(Flags::ALL_UPPER) {
        Wk::Upper
    } else if first.is_uppercase() || arabic_article(text) {
        Wk::Cap
    } else if first.is_lowercase() {
        Wk::Lower
    } else {
        Wk::Other
    }
}

/// "al-Assad", "el-Sisi", "bin-Salman": a lowercase Arabic article or patronymic glued by a
/// hyphen to a capitalized name is part of the name.
fn arabic_article(text: &str) -> bool {
    let b = text.as_bytes();
    if !matches!(b.first(), Some(b'a' | b'e' | b'b' | b'i'))
        || (b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-'))
    {
        return false;
    }
    let Some((head, rest)) = text.split_once('-') else {
        return false;
    };
    matches!(
        head,
        "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "bin" | "ibn" | "abu"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A title that takes a complement naming its office: "Minister of Energy Alexander Novak",
/// "Prime Minister of Sri Lanka Mahinda Rajapaksa", "Secretary of War Pete Hegseth". When a
/// title ending in such a head (words i..i+n) is followed by "of"/"for", capitalized common
/// words or listed places ("Energy", "Foreign Affairs", "Sri Lanka") and then a name that is
/// not a common word, returns how many words the complement adds to the title.
fn title_complement(text: &str, ws: &[W], i: usize, n: usize, role: &str, g: &Gazetteer) -> usize {
    let head = role
        .rsplit([' ', '-'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(
        head.as_str(),
        "minister"
            | "secretary"
            | "ambassador"
            | "envoy"
            | "president"
            | "chairman"
            | "director"
            | "governor"
            | "adviser"
            | "advisor"
            | "commissioner"
            | "premier"
            | "chancellor"
            | "mayor"
            | "general"
            | "speaker"
            | "representative"
            | "chief"
    ) {
        return 0;
    }
    let k = i + n;
    let Some(prep) = ws.get(k).filter(|w| !w.brk && w.kind == Wk::Lower) else {
        return 0;
    };
    if !matches!(wtext(text, prep), "of" | "for") {
        return 0;
    }
    let mut j = k + 1;
    if ws.get(j).is_some_and(|w| wtext(text, w) == "the") {
        j += 1;
    }
    let start = j;
    let mut key = String::new();
    while j < ws.len() && j - start < 8 && !ws[j].brk {
        let w = &ws[j];
        if w.name_like() {
            if let Some((m, e)) = gaz_match(text, ws, j, g, &mut key) {
                if g.entry(e).is_some_and(|en| en.kind == Kind::Country) {
                    j += m;
                    continue;
                }
            }
            if w.kind == Wk::Cap && g.is_common(&lower(wtext(text, w))) {
                j += 1;
                continue;
            }
            break;
        }
        let t = wtext(text, w);
        let joins = matches!(t, "and" | "&" | ",")
            && ws.get(j + 1).is_some_and(|x| x.name_like() && !x.brk);
        if !joins || j == start {
            break;
        }
        j += 1;
    }
    // The complement must end on a word of it, right before a name that is not common.
    let ends_on_word = j > start && ws[j - 1].name_like();
    let name_next = ws
        .get(j)
        .is_some_and(|w| w.kind == Wk::Cap && !w.brk && !g.is_common(&lower(wtext(text, w))));
    if ends_on_word && name_next {
        j - k
    } else {
        0
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Builds the word layer for the tokens inside `regions` (sorted, non-overlapping).
pub(crate) fn words(doc: &Tokenized<'_>, regions: &[Span]) -> Vec<W> {
    let text = doc.text();
    let tokens = doc.tokens();
    let mut out = Vec::with_capacity(tokens.len());
    let mut region = 0usize;
    let mut last_region = usize::MAX;
    let mut at_start = true;
    let mut sent_iter = doc.sentences().iter().map(|s| s.tokens.start).peekable();
    for (ti, tok) in tokens.iter().enumerate() {
        let mut new_sentence = false;
        while sent_iter.peek().is_some_and(|&s| s <= ti) {
            sent_iter.next();
            new_sentence = true;
        }
        while region < regions.len() && regions[region].end <= tok.span.start {
            region += 1;
        }
        let Some(r) = regions.get(region) else { break };
        if tok.span.start < r.start || tok.span.end > r.end {
            continue;
        }
        let mut brk = new_sentence || tok.is(Flags::LINE_START) || region != last_region;
        last_region = region;
        if brk {
            at_start = true;
        }
        let t = tok.text(text);
        let mut kind = classify(t, tok);
        if kind == Wk::Upper && t.len() == 3 {
            kind = ptb_bracket(text, tok.span).unwrap_or(kind);
        }
        // Split "Korea-China" / "US-China" (capitalized on both sides of a hyphen).
        if matches!(kind, Wk::Cap | Wk::Upper) && t.contains(is_hyphen) {
            // (offset, part) pairs; U+2010 and U+2011 are three bytes long, not one.
            let mut parts: Vec<(usize, &str)> = Vec::new();
            let mut from = 0;
            for (i, c) in t.char_indices().filter(|&(_, c)| is_hyphen(c)) {
                parts.push((from, &t[from..i]));
                from = i + c.len_utf8();
            }
            parts.push((from, &t[from..]));
            if parts.len() > 1
                && parts
                    .iter()
                    .all(|(_, p)| p.chars().next().is_some_and(char::is_uppercase))
            {
                for (o, p) in parts {
                    let start = tok.span.start + o;
                    let span = Span::new(start, start + p.len());
                    let upper = p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && p.chars().all(|c| !c.is_lowercase());
                    out.push(W {
                        span,
                        kind: if upper { Wk::Upper } else { Wk::Cap },
                        start: at_start,
                        brk,
                    });
                    at_start = false;
                    brk = false;
                }
                continue;
            }
        }
        out.push(W {
            span: tok.span,
            kind,
            start: at_start,
            brk,
        });
        at_start = match kind {
            Wk::Punct(c) => {
                at_start || matches!(c, ':' | '"' | '“' | '‘' | '—' | '–' | '(' | '[') || t == "--"
            }
            Wk::Other => at_start,
            _ => false,
        };
    }
    out
}

/// All mention candidates in the word layer, in order, not overlapping.
pub(crate) fn find(text: &str, ws: &[W]) -> Vec<Cand> {
    let g = &*GAZETTEER;
    let items = items(text, ws, g);
    let mut cands = group(text, ws, &items, g);
    merge_bodies(ws, &mut cands, g);
    mark_titles(text, ws, &items, &mut cands, g);
    // In all-caps text ("CRICKET - LEICESTERSHIRE TAKE OVER") case says nothing: a long
    // all-caps word's type from a list or rule is only a default the tagger may overrule.
    for c in &mut cands {
        let shouting = ws[c.a..c.b].iter().any(|w| {
            w.kind == Wk::Upper
                && wtext(text, w)
                    .chars()
                    .filter(|ch| ch.is_alphabetic())
                    .count()
                    > 5
        });
        if shouting && c.conf == Conf::Strong {
            c.conf = Conf::Default;
        }
    }
    cands
}

fn wtext<'t>(text: &'t str, w: &W) -> &'t str {
    w.span.slice(text).unwrap_or("")
}

/// Pass 1: gazetteer matches, titles, unknown capitalized words, everything else.
fn items(text: &str, ws: &[W], g: &Gazetteer) -> Vec<Item> {
    let mut out = Vec::with_capacity(ws.len());
    let mut key = String::new();
    let mut tbuf = String::new();
    let mut low = String::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let t = wtext(text, w);
        if w.name_like() || (w.kind == Wk::Num && t.chars().any(char::is_alphabetic)) {
            low.clear();
            push_lower(&mut low, t);
            if NEVER_NAME.contains(low.as_str()) {
                out.push(Item {
                    a: i,
                    b: i + 1,
                    it: It::Other,
                });
                i += 1;
                continue;
            }
            let gm = gaz_match(text, ws, i, g, &mut key);
            // A capitalized title inside a run of names, with no name after it, is part of
            // the name ("Commission on Social Justice", "Martin Luther King").
            // A country or nationality before a title is the title's ("Russian Minister of
            // Energy", "US Secretary of War"), not part of a name.
            let inside_name = i > 0
                && !w.brk
                && ws[i - 1].name_like()
                && match out.last().map(|it| it.it) {
                    Some(It::Unk) => true,
                    Some(It::Gaz(e)) => !g
                        .entry(e)
                        .is_some_and(|en| matches!(en.kind, Kind::Country | Kind::Demonym)),
                    _ => false,
                };
            let tm = title_match(text, ws, i, &mut tbuf)
                .or_else(|| modified_title(text, ws, i, &mut tbuf))
                .filter(|&(n, role)| {
                    // "Hassan Sheikh Mohamud": an honorific inside a name is part of it.
                    !inside_name
                        || (role != "Sheikh"
                            && ws.get(i + n).is_some_and(|x| x.name_like() && !x.brk))
                });
            match (gm, tm) {
                (_, Some((n, role))) if gm.map_or(true, |(m, _)| n > m) => {
                    let n = n + title_complement(text, ws, i, n, role, g);
                    out.push(Item {
                        a: i,
                        b: i + n,
                        it: It::Title(role),
                    });
                    i += n;
                }
                (Some((n, e)), _) => {
                    out.push(Item {
                        a: i,
                        b: i + n,
                        it: It::Gaz(e),
                    });
                    i += n;
                }
                _ => {
                    out.push(Item {
                        a: i,
                        b: i + 1,
                        it: It::Unk,
                    });
                    i += 1;
                }
            }
        } else if w.kind == Wk::Lower {
            if let Some((n, role)) = title_match(text, ws, i, &mut tbuf) {
                let n = n + title_complement(text, ws, i, n, role, g);
                out.push(Item {
                    a: i,
                    b: i + n,
                    it: It::Title(role),
                });
                i += n;
            } else {
                out.push(Item {
                    a: i,
                    b: i + 1,
                    it: It::Other,
                });
                i += 1;
            }
        } else {
            out.push(Item {
                a: i,
                b: i + 1,
                it: It::Other,
            });
            i += 1;
        }
    }
    out
}

fn all_upper(text: &str, ws: &[W]) -> bool {
    ws.iter()
        .all(|w| w.kind == Wk::Upper || wtext(text, w).chars().all(|c| !c.is_lowercase()))
}

/// Longest gazetteer match starting at word `i`: (words, entry).
fn gaz_match(
    text: &str,
    ws: &[W],
    i: usize,
    g: &Gazetteer,
    key: &mut String,
) -> Option<(usize, u32)> {
    key.clear();
    let mut best = None;
    let end = ws.len().min(i + MAX_GAZ_WORDS);
    for j in i..end {
        let w = &ws[j];
        let t = wtext(text, w);
        if j > i {
            if w.brk {
                break;
            }
            match w.kind {
                Wk::Cap | Wk::Upper | Wk::Num => {}
                Wk::Lower => {
                    let mut l = String::with_capacity(t.len());
                    push_lower(&mut l, t);
                    if !g.allows_lower(&l) {
                        break;
                    }
                }
                Wk::Punct('&') | Wk::Poss if g.is_prefix(key) => {}
                _ => break,
            }
        }
        push_key(key, t);
        if let Some(surfaces) = g.lookup(key) {
            let upper = all_upper(text, &ws[i..=j]);
            if let Some(s) = surfaces.iter().find(|s| !s.upper || upper) {
                let ok = ws[j].kind != Wk::Lower
                    && ws[j].kind != Wk::Poss
                    && accept(text, ws, i, j, s.entry, g);
                if ok {
                    best = Some((j + 1 - i, s.entry));
                }
            }
        }
        if !g.is_prefix(key) {
            break;
        }
    }
    best
}

/// Context checks on a gazetteer match covering words i..=j.
fn accept(text: &str, ws: &[W], i: usize, j: usize, entry: u32, g: &Gazetteer) -> bool {
    let Some(e) = g.entry(entry) else {
        return false;
    };
    if e.kind != Kind::City {
        return true;
    }
    let single_common = i == j && g.is_common(&lower(wtext(text, &ws[i])));
    if e.population >= SMALL_CITY && !single_common {
        return true;
    }
    // Small or common-word city: needs "in/at/from X" before or "X, <country>" after.
    let before = i
        .checked_sub(1)
        .and_then(|k| ws.get(k))
        .filter(|w| !ws[i].brk && w.kind == Wk::Lower);
    if before.is_some_and(|w| LOCATIVES.contains(lower(wtext(text, w)).as_str())) {
        return true;
    }
    if ws.get(j + 1).is_some_and(|w| w.kind == Wk::Punct(',')) {
        if let Some(next) = ws.get(j + 2) {
            let mut k = String::new();
            push_key(&mut k, wtext(text, next));
            return g
                .lookup(&k)
                .and_then(|v| v.first())
                .and_then(|s| g.entry(s.entry))
                .is_some_and(|n| {
                    n.kind == Kind::Country || n.iso == e.iso && n.kind == Kind::Place
                });
        }
    }
    false
}

/// Longest title starting at word `i`: (words, role).
pub(crate) fn title_match(
    text: &str,
    ws: &[W],
    i: usize,
    buf: &mut String,
) -> Option<(usize, &'static str)> {
    // Fast rejection: most words start no title.
    let first = ws.get(i)?;
    let t = wtext(text, first);
    if t.len() > 18 || t.len() < 2 || !may_start_title(t) {
        return None;
    }
    let plain_lower = first.kind == Wk::Lower
        && t.bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'-');
    if plain_lower && !TITLE_MAP.contains_key(t) && !TITLE_PREFIXES.contains(t) {
        return None;
    }
    buf.clear();
    let mut best = None;
    for (j, w) in ws.iter().enumerate().take(i + 4).skip(i) {
        if j > i && (w.brk || !matches!(w.kind, Wk::Cap | Wk::Lower | Wk::Upper)) {
            break;
        }
        if j > i {
            buf.push(' ');
        }
        push_lower(buf, wtext(text, w));
        if let Some(role) = TITLE_MAP.get(buf.as_str()) {
            best = Some((j + 1 - i, *role));
        }
        if !TITLE_PREFIXES.contains(buf.as_str()) {
            break;
        }
    }
    best
}

/// A capitalized rank word before a title belongs to the title, not to a name before it
/// ("National Transportation Safety Board Vice Chairman", "Health Ministry Permanent
/// Secretary"): (words, role of the title).
pub(crate) fn modified_title(
    text: &str,
    ws: &[W],
    i: usize,
    buf: &mut String,
) -> Option<(usize, &'static str)> {
    let w = ws.get(i)?;
    if w.kind != Wk::Cap || !ws.get(i + 1).is_some_and(|n| !n.brk && n.kind == Wk::Cap) {
        return None;
    }
    let low = lower(wtext(text, w));
    if !matches!(
        low.as_str(),
        "vice"
            | "deputy"
            | "permanent"
            | "acting"
            | "interim"
            | "executive"
            | "senior"
            | "assistant"
            | "associate"
            | "principal"
            | "chief"
            | "general"
            | "special"
    ) {
        return None;
    }
    let next = ws.get(i + 1).filter(|n| !n.brk && n.kind == Wk::Cap)?;
    let _ = next;
    let (n, role) = title_match(text, ws, i + 1, buf)?;
    (!role.is_empty()).then_some((n + 1, role))
}

/// Appends `s` lowercased to `buf` (ASCII fast path).
pub(crate) fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let start = buf.len();
        buf.push_str(s);
        if let Some(tail) = buf.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
    } else {
        buf.extend(s.chars().flat_map(char::to_lowercase));
    }
}

pub(crate) fn cand(
    ws: &[W],
    a: usize,
    b: usize,
    label: Label,
    conf: Conf,
    entry: Option<u32>,
) -> Option<Cand> {
    let (wa, wb) = (ws.get(a)?, ws.get(b.checked_sub(1)?)?);
    Some(Cand {
        a,
        b,
        span: Span::new(wa.span.start, wb.span.end),
        label,
        conf,
        entry,
        country: None,
        title: None,
        role: None,
    })
}

/// Pass 2: join adjacent names into groups and type them.
fn group(text: &str, ws: &[W], items: &[Item], g: &Gazetteer) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < items.len() {
        if !matches!(items[k].it, It::Gaz(_) | It::Unk) {
            k += 1;
            continue;
        }
        // Collect a group: name items joined directly or by connectors.
        let start = k;
        let mut end = k + 1;
        while end < items.len() && end - start < 3 * MAX_NAME_WORDS {
            let it = &items[end];
            let w = &ws[it.a];
            if w.brk {
                break;
            }
            if matches!(it.it, It::Gaz(_) | It::Unk) {
                end += 1;
                continue;
            }
            // Connector: "University of X", "Ursula von der Leyen", "Procter & Gamble".
            if it.it == It::Other {
                let low = lower(wtext(text, w));
                let mut n = end;
                while n < items.len() && items[n].it == It::Other && !ws[items[n].a].brk && {
                    let l = lower(wtext(text, &ws[items[n].a]));
                    is_connector(&l) || (l == "the" && n > end)
                } {
                    n += 1;
                }
                let next_name = items
                    .get(n)
                    .is_some_and(|x| matches!(x.it, It::Unk | It::Gaz(_)) && !ws[x.a].brk);
                let prev = &items[end - 1];
                let prev_low = lower(wtext(text, &ws[prev.b - 1]));
                let join = next_name
                    && prev.it == It::Unk
                    && match low.as_str() {
                        "of" | "for" | "on" => {
                            PREFIX.contains_key(prev_low.as_str())
                                || SUFFIX.contains_key(prev_low.as_str())
                        }
                        "and" => false,
                        "&" => true,
                        _ => is_connector(&low),
                    };
                if join {
                    end = n;
                    continue;
                }
            }
            break;
        }
        // A title, or a lowercase noun naming a person by role ("sprinter Ji Yun",
        // "firefighter Darrell Johnson"), right before the group.
        let title_before = start > 0
            && items[start..end].iter().any(|i| i.it == It::Unk)
            && items[start - 1].b == items[start].a
            && !ws[items[start].a].brk
            && match items[start - 1].it {
                It::Title(_) => true,
                It::Other => {
                    let w = &ws[items[start - 1].a];
                    w.kind == Wk::Lower && person_noun(wtext(text, w))
                }
                _ => false,
            };
        type_group(text, ws, &items[start..end], title_before, g, &mut out);
        k = end;
    }
    out
}

fn next_word_low(text: &str, ws: &[W], b: usize) -> Option<Low> {
    ws.get(b).filter(|w| !w.brk).map(|w| lower(wtext(text, w)))
}

/// Types one group of name items and pushes its mentions.
fn type_group(
    text: &str,
    ws: &[W],
    items: &[Item],
    title_before: bool,
    g: &Gazetteer,
    out: &mut Vec<Cand>,
) {
    let mut items = items;
    // Drop sentence-initial common words and a leading "The".
    while let Some(first) = items.first() {
        let w = &ws[first.a];
        let low = lower(wtext(text, w));
        let drop = first.it == It::Unk
            && (low == "the"
                || (w.start && g.is_common(&low))
                || NEVER_NAME.contains(low.as_str()));
        if !drop {
            break;
        }
        items = &items[1..];
    }
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let has_unk = items.iter().any(|i| i.it == It::Unk);
    let (a, b) = (first.a, last.b);
    let group_start = a;
    if !has_unk {
        for it in items {
            if let It::Gaz(e) = it.it {
                if let Some(en) = g.entry(e) {
                    out.extend(cand(ws, it.a, it.b, en.label, Conf::Strong, Some(e)));
                }
            }
        }
        return;
    }
    // Head words: "Seoul National University", "University of Hong Kong".
    let last_low = lower(wtext(text, &ws[b - 1]));
    let first_low = lower(wtext(text, &ws[a]));
    let of_follows = ws
        .get(a + 1)
        .is_some_and(|w| matches!(lower(wtext(text, w)).as_str(), "of" | "for"));
    let head = if last.it == It::Unk && b - a >= 2 {
        SUFFIX.get(last_low.trim_end_matches('.')).copied()
    } else {
        None
    }
    .or_else(|| {
        if first.it == It::Unk && of_follows && b - a >= 3 {
            PREFIX.get(first_low.as_str()).copied()
        } else {
            None
        }
    });
    // "Reserve Bank of Australia": a head word right before "of" types the whole group.
    let head = head.or_else(|| {
        items.windows(2).find_map(|p| {
            if p[0].it != It::Unk || p[1].it != It::Other {
                return None;
            }
            let conn = lower(wtext(text, &ws[p[1].a]));
            if !matches!(conn.as_str(), "of" | "for" | "on") {
                return None;
            }
            let h = lower(wtext(text, &ws[p[0].b - 1]));
            SUFFIX
                .get(h.as_str())
                .or_else(|| PREFIX.get(h.as_str()))
                .copied()
        })
    });
    // "Liberal Democratic Party": unknown words before a known organization or event.
    let head = head.or_else(|| match last.it {
        It::Gaz(e)
            if items.len() >= 2
                && items[items.len() - 2].it == It::Unk
                && items[items.len() - 2].b == last.a =>
        {
            g.entry(e)
                .filter(|en| {
                    matches!(en.kind, Kind::Org | Kind::Body | Kind::Event) && last.b - last.a >= 2
                })
                .map(|en| en.label)
        }
        _ => None,
    });
    if let Some(label) = head {
        if b - a <= 2 * MAX_NAME_WORDS {
            out.extend(cand(ws, a, b, label, Conf::Strong, None));
        }
        return;
    }
    // No head: gazetteer items stand alone, unknown runs are typed by rules.
    let mut k = 0;
    while k < items.len() {
        let it = items[k];
        if let It::Gaz(e) = it.it {
            let en = g.entry(e);
            // "Jackson Smith": a one-word place or group glued to an unknown name.
            let glued = it.b - it.a == 1
                && en.is_some_and(|en| matches!(en.kind, Kind::City | Kind::Country))
                && items
                    .get(k + 1)
                    .is_some_and(|n| n.it == It::Unk && n.a == it.b && ws[n.a].kind == Wk::Cap)
                && !ws[it.a].start
                // "envoy to Syria Staffan de Mistura": after a preposition it is the place.
                && !it.a.checked_sub(1).is_some_and(|p| {
                    ws[p].kind == Wk::Lower
                        && matches!(
                            wtext(text, &ws[p]),
                            "to" | "of" | "for" | "in" | "from" | "at" | "near"
                        )
                });
            if !glued {
                if let Some(en) = en {
                    out.extend(cand(ws, it.a, it.b, en.label, Conf::Strong, Some(e)));
                }
                k += 1;
                continue;
            }
        }
        if it.it == It::Other {
            k += 1;
            continue;
        }
        // A run of unknown words, possibly joined by connectors ("Ursula von der Leyen").
        let mut m = k + 1;
        while m < items.len()
            && matches!(items[m].it, It::Unk | It::Other)
            && items[m].a == items[m - 1].b
        {
            m += 1;
        }
        while m > k + 1 && items[m - 1].it == It::Other {
            m -= 1;
        }
        // "Charles Kennedy": a given name (or a name after a title) followed by a one-word
        // place is a person's name.
        if let Some(next) = items
            .get(m)
            .filter(|n| n.a == items[m - 1].b && n.b == n.a + 1)
        {
            let place = matches!(next.it, It::Gaz(e) if g.entry(e).is_some_and(|en| matches!(en.kind, Kind::City | Kind::Country)));
            let first_low = lower(wtext(text, &ws[items[k].a]));
            let person_start = GIVEN_NAMES.contains(first_low.as_str())
                || (title_before && items[k].a == group_start);
            if place && person_start && m - k <= 3 && ws[next.a].kind == Wk::Cap {
                m += 1;
                // "Luis Van Gaal", "Jose Maria Pereira Neves": the name goes on after the
                // place word, up to four words.
                while items.get(m).is_some_and(|n| {
                    n.it == It::Unk
                        && n.a == items[m - 1].b
                        && n.b == n.a + 1
                        && ws[n.a].kind == Wk::Cap
                        && n.b - items[k].a <= 4
                }) {
                    m += 1;
                }
            }
        }
        let (ra, rb) = (items[k].a, items[m - 1].b);
        let after_title = title_before && ra == group_start;
        if let Some(c) = type_run(text, ws, ra, rb, after_title, g) {
            out.push(c);
        }
        k = m;
    }
}

/// Types a run of unknown capitalized words ws[a..b].
fn type_run(
    text: &str,
    ws: &[W],
    a: usize,
    b: usize,
    after_title: bool,
    g: &Gazetteer,
) -> Option<Cand> {
    let n = b - a;
    if n == 0 || n > MAX_NAME_WORDS {
        return None;
    }
    let prev = a
        .checked_sub(1)
        .and_then(|p| ws.get(p))
        .filter(|_| !ws[a].brk);
    let prev_low = prev.map(|w| lower(wtext(text, w))).unwrap_or_default();
    let first = &ws[a];
    let first_low = lower(wtext(text, first));
    let next = next_word_low(text, ws, b);
    let says = next.as_deref().is_some_and(|w| SAYING_VERBS.contains(w))
        || (next.as_deref() == Some(",")
            && next_word_low(text, ws, b + 1)
                .as_deref()
                .is_some_and(|w| matches!(w, "who" | "a" | "an" | "the")));
    let all_cap = ws[a..b].iter().all(|w| w.kind == Wk::Cap);
    let person = |conf| cand(ws, a, b, Label::Person, conf, None);
    if after_title {
        return person(Conf::Strong);
    }
    if n >= 2
        && all_cap
        && (GIVEN_NAMES.contains(first_low.as_str()) || EA_SURNAMES.contains(first_low.as_str()))
        && n <= 4
    {
        return person(Conf::Strong);
    }
    if (2..=4).contains(&n) && says && all_cap {
        return person(Conf::Strong);
    }
    if n >= 2 {
        if all_cap && n <= 3 {
            return person(Conf::Default);
        }
        return cand(ws, a, b, Label::Org, Conf::Default, None);
    }
    // A single word.
    let common = g.is_common(&first_low);
    if first.kind == Wk::Upper
        && !common
        && first_low.chars().filter(|c| c.is_alphabetic()).count() >= 2
    {
        return cand(ws, a, b, Label::Org, Conf::Default, None);
    }
    if !first.start && LOCATIVES.contains(prev_low.as_str()) && !common {
        return cand(ws, a, b, Label::Gpe, Conf::Weak, None);
    }
    if common && (first.start || first.kind == Wk::Upper) {
        return None;
    }
    cand(ws, a, b, Label::Person, Conf::Weak, None)
}

/// "China's Foreign Ministry", "Chinese Foreign Ministry": one ORG with a country.
fn merge_bodies(ws: &[W], cands: &mut Vec<Cand>, g: &Gazetteer) {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let body = c
            .entry
            .and_then(|e| g.entry(e))
            .is_some_and(|e| e.kind == Kind::Body);
        if body {
            if let Some(prev) = out.last() {
                let pe = prev.entry.and_then(|e| g.entry(e));
                let adjacent = prev.b == c.a
                    || (prev.b + 1 == c.a && ws.get(prev.b).is_some_and(|w| w.kind == Wk::Poss));
                if let Some(pe) =
                    pe.filter(|pe| matches!(pe.kind, Kind::Country | Kind::Demonym | Kind::City))
                {
                    if adjacent && pe.iso.is_some() && !ws[c.a].brk {
                        let iso = pe.iso;
                        let Some(prev) = out.pop() else { continue };
                        let mut m = c;
                        m.a = prev.a;
                        m.span = Span::new(prev.span.start, m.span.end);
                        m.country = iso;
                        out.push(m);
                        continue;
                    }
                }
            }
        }
        out.push(c);
    }
    *cands = out;
}

/// Marks persons with a title right before them ("former South Korean President Moon
/// Jae-in") or a titled apposition after them ("Sergey Lavrov, Russia's foreign minister"):
/// evidence of their type that the tagger does not overrule. The roles themselves are read
/// after the tagger merge by [`crate::roles::assign`].
fn mark_titles(text: &str, ws: &[W], items: &[Item], cands: &mut [Cand], g: &Gazetteer) {
    // Map word index -> item index.
    let mut at = vec![u32::MAX; ws.len()];
    for (k, it) in items.iter().enumerate() {
        let k = u32::try_from(k).unwrap_or(u32::MAX);
        for slot in at.iter_mut().take(it.b).skip(it.a) {
            *slot = k;
        }
    }
    let item_before = |w: usize| -> Option<&Item> {
        let p = w.checked_sub(1)?;
        items.get(*at.get(p)? as usize)
    };
    let word_low = |w: usize| ws.get(w).map(|x| lower(wtext(text, x))).unwrap_or_default();
    for c in cands.iter_mut().filter(|c| c.label == Label::Person) {
        let mut pos = c.a;
        let mut title: Option<&'static str> = None;
        while let Some(it) = item_before(pos).filter(|_| !ws[pos].brk) {
            if let It::Title(r) = it.it {
                if title.is_none() && !r.is_empty() {
                    title = Some(r);
                }
                pos = it.a;
                if ws[pos].brk {
                    break;
                }
            } else {
                break;
            }
        }
        if pos != c.a {
            c.title = title;
            continue;
        }
        // Apposition: "Sergey Lavrov, Russia's foreign minister".
        if ws.get(c.b).is_some_and(|w| w.kind == Wk::Punct(',')) {
            let mut p = c.b + 1;
            let mut former = false;
            if matches!(word_low(p).as_str(), "the" | "a" | "an") {
                p += 1;
            }
            if word_low(p) == "former" {
                former = true;
                p += 1;
            }
            let mut country = false;
            if let Some(it) = ws.get(p).and_then(|_| items.get(at[p] as usize)) {
                if let It::Gaz(e) = it.it {
                    if g.entry(e)
                        .is_some_and(|en| matches!(en.kind, Kind::Country | Kind::Demonym))
                    {
                        country = true;
                        p = it.b;
                        if ws.get(p).is_some_and(|w| w.kind == Wk::Poss) {
                            p += 1;
                        }
                    }
                }
            }
            if let Some(it) = ws.get(p).and_then(|_| items.get(at[p] as usize)) {
                if let It::Title(r) = it.it {
                    if !r.is_empty() && r != "counterpart" && (country || former) {
                        c.title = Some(r);
                        c.conf = Conf::Strong;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Label)> {
        let doc = Tokenized::new(text);
        let ws = words(&doc, &[Span::new(0, text.len())]);
        find(text, &ws)
            .into_iter()
            .filter(|c| c.conf != Conf::Weak)
            .map(|c| (text[c.span.range()].to_string(), c.label))
            .collect()
    }

    #[test]
    fn hyphenated_country_pairs_split() {
        let text = "US-China talks";
        let doc = Tokenized::new(text);
        let ws = words(&doc, &[Span::new(0, text.len())]);
        let w: Vec<&str> = ws.iter().map(|w| &text[w.span.range()]).collect();
        assert_eq!(w, ["US", "China", "talks"]);
        assert_eq!(
            found(text),
            [("US".into(), Label::Gpe), ("China".into(), Label::Gpe)]
        );
    }

    #[test]
    fn unicode_hyphens_split_on_character_boundaries() {
        // U+2011 (non-breaking hyphen) and U+2010 are three bytes: the parts after them must
        // start after the whole character (fuzz finding, session 3: an entity without mentions).
        for text in [
            "US\u{2011}China talks",
            "US\u{2010}China talks",
            "x Hello\u{2011}T to",
        ] {
            let doc = Tokenized::new(text);
            let ws = words(&doc, &[Span::new(0, text.len())]);
            for w in &ws {
                let part = text.get(w.span.range());
                assert!(
                    part.is_some_and(|s| !s.is_empty()),
                    "{text:?}: {:?}",
                    w.span
                );
            }
            let all = crate::extract(text, &crate::Options::default().with_tagger(false));
            for e in &all.entities {
                assert!(
                    !e.mentions.is_empty() && !e.name.is_empty(),
                    "{text:?}: {e:?}"
                );
            }
        }
        let text = "US\u{2011}China talks";
        let doc = Tokenized::new(text);
        let ws = words(&doc, &[Span::new(0, text.len())]);
        let w: Vec<&str> = ws.iter().map(|w| &text[w.span.range()]).collect();
        assert_eq!(w, ["US", "China", "talks"]);
    }

    #[test]
    fn titles_stay_outside_and_heads_type() {
        assert_eq!(
            found("Prime Minister Han Duck-soo spoke."),
            [("Han Duck-soo".into(), Label::Person)]
        );
        assert_eq!(
            found("He joined Seoul National University."),
            [("Seoul National University".into(), Label::Org)]
        );
        assert_eq!(
            found("He left the Bank of Korea."),
            [("Bank of Korea".into(), Label::Org)]
        );
        assert_eq!(
            found("Officials of the Commission on Social Justice met."),
            [("Commission on Social Justice".into(), Label::Org)]
        );
    }

    #[test]
    fn possessive_country_and_body_merge() {
        assert_eq!(
            found("South Korea's Unification Ministry said."),
            [("South Korea's Unification Ministry".into(), Label::Org)]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        assert!(found("Earlier, officials met.").is_empty());
        assert!(found("Both sides agreed.").is_empty());
    }

    #[test]
    fn title_match_is_longest() {
        let text = "former foreign minister Kang";
        let doc = Tokenized::new(text);
        let ws = words(&doc, &[Span::new(0, text.len())]);
        let mut buf = String::new();
        assert_eq!(
            title_match(text, &ws, 1, &mut buf),
            Some((2, "Foreign Minister"))
        );
        assert_eq!(title_match(text, &ws, 0, &mut buf), None);
    }
}
