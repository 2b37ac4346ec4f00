//! Quote attribution: direct quotes and reported speech, with their cue and speaker.
//!
//! - **Direct quotes** are text between quotation marks (straight `"` or curly `“ ”`), possibly
//!   several sentences long, with the cue after the quote (`"...," the Chinese president
//!   said`, `"...," said Xi`, `"...," Xi was quoted as saying`) or before it (`Xi said: "..."`).
//!   A quote without a cue continues the previous quote of the same paragraph (or an unclosed
//!   quote of the previous paragraph, as news style continues long quotes); other uncued
//!   phrases in quotation marks shorter than four words are scare quotes and are skipped.
//! - **Reported speech** is a sentence with a verb of saying: `Xi said (that) ...`,
//!   `Xi told Han that ...`, `..., he said.`, `China and South Korea, Xi said, are ...`,
//!   `..., according to the statement.`
//! - **Speakers** resolve to an entity index ([`Quote::speaker`]): a PERSON, ORG or GPE mention
//!   next to the cue; a description with a role (`the Chinese president` -> the PERSON whose
//!   role ends in "President" and whose country matches "Chinese"); a pronoun (`he said`) ->
//!   the most recent PERSON mentioned before the cue outside quotation marks.
//!
//! Everything works on the tokens of [`dateline_text::Tokenized`], shared with the entity
//! extractor by [`analyze`](crate::analyze).
//!
//! # Example
//! ```
//! use dateline::quotes::find_quotes;
//! use dateline::entities::{extract, Options};
//! use dateline::text::Span;
//!
//! let text = "Xi Jinping met Yoon Suk-yeol. \"We are ready to work together,\" he said.";
//! let ents = extract(text, &Options::default());
//! let quotes = find_quotes(text, &[Span::new(0, text.len())], &ents);
//! assert_eq!(quotes[0].text, "We are ready to work together");
//! assert!(quotes[0].direct);
//! assert_eq!(quotes[0].cue, "said");
//! let speaker = &ents.entities[quotes[0].speaker.unwrap()];
//! assert_eq!(speaker.name, "Yoon Suk-yeol"); // the most recent person before "he said"
//! ```

use dateline_entities::{Entities, Label};
use dateline_text::{Span, Token, TokenKind, Tokenized};

/// One quote.
///
/// # Example
/// ```
/// use dateline::quotes::{find_quotes, Quote};
/// let text = "The talks went well, the ministry said.";
/// let q: Vec<Quote> = find_quotes(text, &[dateline::text::Span::new(0, text.len())], &Default::default());
/// assert_eq!(&text[q[0].span.range()], "The talks went well");
/// assert!(!q[0].direct);
/// assert_eq!(q[0].speaker, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quote {
    /// Byte span of the quoted or reported content (without quotation marks or the trailing
    /// comma before a closing mark).
    pub span: Span,
    /// The content, exactly `&text[span.range()]`.
    pub text: String,
    /// True for words in quotation marks, false for reported speech.
    pub direct: bool,
    /// The cue: a verb of saying ("said", "told", "added"), a phrase ("was quoted as saying",
    /// "according to"), or for a continued quote the cue of the quote it continues; empty
    /// when there is none.
    pub cue: String,
    /// Byte span of the cue in the text, when the cue is in this quote's sentence.
    pub cue_span: Option<Span>,
    /// Index of the speaker in [`Entities::entities`], when the text allows.
    pub speaker: Option<usize>,
}

/// Finds the quotes of `paragraphs` in `text` and attributes them to `entities` (extracted from
/// the same text). Tokenizes `text`; use [`attribute`] to share existing tokens.
///
/// # Example
/// ```
/// let text = "Kim said: \"The road is long.\"";
/// let q = dateline::quotes::find_quotes(text, &[dateline::text::Span::new(0, text.len())], &Default::default());
/// assert_eq!(q[0].text, "The road is long.");
/// assert_eq!(q[0].cue, "said");
/// ```
#[must_use]
pub fn find_quotes(text: &str, paragraphs: &[Span], entities: &Entities) -> Vec<Quote> {
    attribute(&Tokenized::new(text), paragraphs, entities)
}

/// Finds and attributes the quotes of `paragraphs` using the tokens of `doc` (the whole text).
/// Paragraph spans outside the text or off character boundaries are ignored.
///
/// # Example
/// ```
/// use dateline::text::{Span, Tokenized};
/// let text = "\"It is time to act,\" said the minister.";
/// let doc = Tokenized::new(text);
/// let q = dateline::quotes::attribute(&doc, &[Span::new(0, text.len())], &Default::default());
/// assert_eq!(q[0].cue, "said");
/// ```
#[must_use]
pub fn attribute(doc: &Tokenized<'_>, paragraphs: &[Span], entities: &Entities) -> Vec<Quote> {
    let text = doc.text();
    let mut mentions: Vec<usize> = (0..entities.mentions.len()).collect();
    mentions.sort_by_key(|&i| entities.mentions[i].span);
    let mut cx = Cx {
        text,
        toks: doc.tokens(),
        entities,
        mentions,
        direct_spans: Vec::new(),
    };
    let paragraphs: Vec<(Span, usize, usize)> = paragraphs
        .iter()
        .filter(|p| p.start <= p.end && text.get(p.range()).is_some())
        .map(|p| {
            let lo = cx.toks.partition_point(|t| t.span.start < p.start);
            let hi = cx.toks.partition_point(|t| t.span.start < p.end);
            (*p, lo, hi.max(lo))
        })
        .collect();
    // Pass 1: direct quotes (their spans are needed to resolve pronouns).
    let mut raw: Vec<(usize, RawDirect)> = Vec::new();
    for (pi, &(p, lo, hi)) in paragraphs.iter().enumerate() {
        for d in cx.direct_in(p, lo, hi) {
            raw.push((pi, d));
        }
    }
    cx.direct_spans = raw.iter().map(|(_, d)| d.span).collect();
    cx.direct_spans.sort();
    let mut out: Vec<Quote> = Vec::new();
    // Per quote in `out`: (paragraph, closed, had its own cue).
    let mut meta: Vec<(usize, bool, bool)> = Vec::new();
    for (pi, d) in &raw {
        let mut quote = Quote {
            span: d.span,
            text: text.get(d.span.range()).unwrap_or("").to_owned(),
            direct: true,
            cue: String::new(),
            cue_span: None,
            speaker: None,
        };
        if let Some(cue) = &d.cue {
            quote.cue = cx.slice(cue.span).to_owned();
            quote.cue_span = Some(cue.span);
            quote.speaker = cue
                .phrase
                .and_then(|(s, e)| cx.resolve(s, e, cue.phrase_first, cue.span.start));
        } else {
            // A quote without a cue continues the previous one of its paragraph, or an
            // unclosed quote of the previous paragraph.
            let continues = meta
                .last()
                .filter(|&&(ppi, closed, _)| ppi == *pi || (!closed && ppi + 1 == *pi))
                .map(|_| out.len() - 1);
            if let Some(qi) = continues {
                quote.cue = out[qi].cue.clone();
                quote.speaker = out[qi].speaker;
            } else if d.words < 4 {
                continue;
            }
        }
        meta.push((*pi, d.closed, d.cue.is_some()));
        out.push(quote);
    }
    // An unclosed, uncued quote is continued in the next paragraph, which names the speaker.
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (pi, closed, cued) = meta[i];
        if !closed && !cued && out[i].speaker.is_none() && meta[i + 1].0 == pi + 1 {
            out[i].speaker = out[i + 1].speaker;
            out[i].cue = out[i + 1].cue.clone();
        }
    }
    // Pass 2: reported speech, sentence by sentence, outside direct quotes.
    // Sentences are in token order: each paragraph visits only the sentences it overlaps,
    // so the pass stays linear in the number of paragraphs and sentences.
    let sentences = doc.sentences();
    for &(_, lo, hi) in &paragraphs {
        let first = sentences.partition_point(|s| s.tokens.end <= lo);
        for s in sentences.get(first..).unwrap_or(&[]) {
            if s.tokens.start >= hi {
                break;
            }
            let (s0, s1) = (s.tokens.start.max(lo), s.tokens.end.min(hi));
            if s0 >= s1 {
                continue;
            }
            if let Some(q) = cx.reported(s0, s1) {
                out.push(q);
            }
        }
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out.dedup_by_key(|q| q.span);
    out
}

/// Verbs of saying that cue a quote.
const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "warned",
    "announced",
    "explained",
    "insisted",
    "argued",
    "claimed",
    "declared",
    "remarked",
    "reported",
    "confirmed",
    "acknowledged",
    "denied",
    "asked",
    "wrote",
    "replied",
    "recalled",
    "predicted",
    "urged",
    "cautioned",
    "conceded",
    "observed",
];

/// Byte lengths of the shortest and longest [`CUE_VERBS`] ("said", "acknowledged").
const CUE_LEN: std::ops::RangeInclusive<usize> = 4..=12;

/// Is `w` one of [`CUE_VERBS`]? Most tokens fail the cheap length and lowercase tests.
fn is_cue_verb(w: &str) -> bool {
    CUE_LEN.contains(&w.len())
        && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && CUE_VERBS.contains(&w)
}

/// Words that cannot be part of a speaker phrase (they mean the verb is not a cue of it).
const NOT_SPEAKER: &[&str] = &[
    "and", "or", "but", "which", "who", "whom", "that", "to", "would", "will", "could", "should",
    "may", "might", "can", "cannot", "not", "n't", "did", "does", "do", "it", "this", "there",
    "what", "when", "if", "because", "as", "was", "were", "is", "are", "be", "been", "being",
    "than", "where", "how", "why", "whether", "of", "in", "on", "at", "for", "with", "by",
];

/// Role words (heads and their modifiers) used in descriptions such as "the Chinese president".
const ROLE_HEADS: &[&str] = &[
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "ambassador",
    "governor",
    "mayor",
    "king",
    "queen",
    "pope",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "senator",
    "envoy",
    "emperor",
    "monarch",
    "general",
];
const ROLE_MODIFIERS: &[&str] = &[
    "prime",
    "foreign",
    "defence",
    "defense",
    "finance",
    "deputy",
    "vice",
    "chief",
    "executive",
    "interior",
    "trade",
    "supreme",
    "state",
];

struct Cue {
    span: Span,
    /// The speaker phrase, as a token range.
    phrase: Option<(usize, usize)>,
    /// True when the phrase precedes the cue ("Xi said"), false when it follows ("said Xi").
    phrase_first: bool,
}

struct RawDirect {
    span: Span,
    words: usize,
    closed: bool,
    cue: Option<Cue>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Straight,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
    entities: &'a Entities,
    /// Mention indices sorted by span.
    mentions: Vec<usize>,
    direct_spans: Vec<Span>,
}

impl Cx<'_> {
    fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol))
    }

    fn is_terminal(&self, i: usize) -> bool {
        self.is_punct(i) && matches!(self.word(i), "." | "!" | "?" | "..." | "…")
    }

    fn is_wordlike(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation | TokenKind::Money
            )
        })
    }

    fn mark(&self, i: usize) -> Option<Mark> {
        match self.word(i) {
            "\"" => Some(Mark::Straight),
            "“" | "„" | "«" => Some(Mark::Open),
            "”" | "»" => Some(Mark::Close),
            _ => None,
        }
    }

    /// Which side a straight quote mark at token `i` is on, when its neighbours say so:
    /// whitespace (or an opening bracket/dash) before and a word after opens; a word or
    /// punctuation before and whitespace, punctuation or the end after closes.
    fn straight_side(&self, i: usize) -> Option<Mark> {
        let t = self.toks.get(i)?;
        let before = self.text.get(..t.span.start)?.chars().next_back();
        let after = self.text.get(t.span.end..)?.chars().next();
        let open_before =
            edge_or_space(before) || matches!(before, Some('(' | '[' | '—' | '–' | '-'));
        let word_after =
            after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '‘' | '(' | '.' | '$'));
        let closed_before = before.is_some_and(|c| !c.is_whitespace());
        let end_after = edge_or_space(after)
            || after
                .is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')' | '—' | '–'));
        match (open_before && word_after, closed_before && end_after) {
            (true, false) => Some(Mark::Open),
            (false, true) => Some(Mark::Close),
            _ => None,
        }
    }

    fn span_of(&self, s: usize, e: usize) -> Span {
        match (
            self.toks.get(s),
            e.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(a), Some(b)) if s < e => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// A cue starting at token `k`: (end token, exclusive).
    fn cue_at(&self, k: usize) -> Option<usize> {
        let w = self.word(k);
        if w.eq_ignore_ascii_case("according") && self.is(k + 1, "to") {
            return Some(k + 2);
        }
        if matches!(w, "was" | "is" | "were" | "are")
            && self.is(k + 1, "quoted")
            && self.is(k + 2, "as")
            && self.is(k + 3, "saying")
        {
            return Some(k + 4);
        }
        is_cue_verb(w).then_some(k + 1)
    }

    fn valid_phrase(&self, s: usize, e: usize) -> bool {
        s < e
            && e - s <= 8
            && (s..e).all(|i| {
                let w = self.word(i).to_ascii_lowercase();
                !NOT_SPEAKER.contains(&w.as_str()) && !self.is_punct(i) && self.mark(i).is_none()
            })
    }

    /// Direct quotes of one paragraph (tokens `lo..hi`).
    fn direct_in(&self, p: Span, lo: usize, hi: usize) -> Vec<RawDirect> {
        let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
        let mut open: Option<usize> = None;
        for i in lo..hi {
            match self.mark(i) {
                Some(Mark::Open) => open = Some(i),
                Some(Mark::Close) => {
                    if let Some(o) = open.take() {
                        pairs.push((o, Some(i)));
                    }
                }
                // A straight quote's side comes from its neighbours when they are clear:
                // `said "We` opens, `ready," he` closes; otherwise it toggles.
                Some(Mark::Straight) => match (open, self.straight_side(i)) {
                    (Some(_), Some(Mark::Open)) => open = Some(i),
                    (Some(o), _) => {
                        pairs.push((o, Some(i)));
                        open = None;
                    }
                    (None, Some(Mark::Close)) => {}
                    (None, _) => open = Some(i),
                },
                None => {}
            }
        }
        if let Some(o) = open {
            pairs.push((o, None));
        }
        let mut out = Vec::new();
        for (o, c) in pairs {
            let Some(open_tok) = self.toks.get(o) else {
                continue;
            };
            let end = c
                .and_then(|c| self.toks.get(c))
                .map_or(p.end, |t| t.span.start);
            let mut span = Span::new(open_tok.span.end, end).trim(self.text);
            if self.slice(span).ends_with(',') {
                span = Span::new(span.start, span.end - 1).trim(self.text);
            }
            let words = (o + 1..c.unwrap_or(hi))
                .filter(|&i| self.is_wordlike(i))
                .count();
            if span.is_empty() || words == 0 {
                continue;
            }
            let cue = c
                .and_then(|c| self.cue_after(c + 1, hi))
                .or_else(|| self.cue_before(o, lo));
            out.push(RawDirect {
                span,
                words,
                closed: c.is_some(),
                cue,
            });
        }
        out
    }

    /// `"...," the president said` / `"...," said Xi` / `"...," Xi was quoted as saying`.
    fn cue_after(&self, ts: usize, hi: usize) -> Option<Cue> {
        let mut ts = ts;
        while ts < hi && self.word(ts) == "," {
            ts += 1;
        }
        let mut te = ts;
        while te < hi && !self.is_terminal(te) && self.mark(te).is_none() {
            te += 1;
        }
        let k = (ts..te.min(ts + 10)).find(|&k| self.cue_at(k).is_some())?;
        let k2 = self.cue_at(k)?;
        let span = self.span_of(k, k2);
        if k > ts {
            return self.valid_phrase(ts, k).then_some(Cue {
                span,
                phrase: Some((ts, k)),
                phrase_first: true,
            });
        }
        let mut pe = k2;
        while pe < te && pe - k2 < 8 && !self.is_punct(pe) {
            pe += 1;
        }
        let phrase = self.valid_phrase(k2, pe).then_some((k2, pe));
        Some(Cue {
            span,
            phrase,
            phrase_first: false,
        })
    }

    /// `Xi said: "..."` / `Xi told reporters, "..."`.
    fn cue_before(&self, o: usize, lo: usize) -> Option<Cue> {
        let mut k = o;
        if k > lo && matches!(self.word(k - 1), ":" | ",") {
            k -= 1;
        }
        let mut v = k;
        while v > lo && k - v < 6 {
            v -= 1;
            if self.is_terminal(v) || self.mark(v).is_some() {
                return None;
            }
            if CUE_VERBS.contains(&self.word(v)) {
                let mut ps = v;
                while ps > lo && v - ps < 8 && !self.is_punct(ps - 1) && self.mark(ps - 1).is_none()
                {
                    ps -= 1;
                }
                let phrase = self.valid_phrase(ps, v).then_some((ps, v));
                return Some(Cue {
                    span: self.span_of(v, v + 1),
                    phrase,
                    phrase_first: true,
                });
            }
        }
        None
    }

    /// Reported speech in the sentence of tokens `s..e`, if any.
    fn reported(&self, s: usize, e: usize) -> Option<Quote> {
        let sentence = self.span_of(s, e);
        if (s..e).any(|i| self.mark(i).is_some())
            || self.direct_spans.iter().any(|d| d.overlaps(sentence))
        {
            return None;
        }
        let mut e = e;
        while e > s && (self.is_terminal(e - 1) || self.word(e - 1) == ",") {
            e -= 1;
        }
        let k = (s..e).find(|&k| self.cue_at(k).is_some())?;
        let k2 = self.cue_at(k)?;
        let cue_span = self.span_of(k, k2);
        let (content, speaker) = if self.is(k, "according") {
            let mut pe = k2;
            while pe < e && pe - k2 < 10 && self.word(pe) != "," {
                pe += 1;
            }
            let speaker = (pe > k2)
                .then(|| self.resolve(k2, pe, false, cue_span.start))
                .flatten();
            let content = if k == s {
                (pe + 1, e)
            } else {
                (s, if self.word(k - 1) == "," { k - 1 } else { k })
            };
            (content, speaker)
        } else {
            // The speaker phrase before the cue, back to a clause boundary.
            let mut j = k;
            while j > s && k - j < 9 && !self.is_punct(j - 1) {
                j -= 1;
            }
            if !(j == s || self.word(j - 1) == ",") || !self.valid_phrase(j, k) {
                return None;
            }
            let that = (k2..e.min(k2 + 7))
                .take_while(|&t| self.word(t) != ",")
                .find(|&t| self.is(t, "that"));
            let content = if let Some(t) = that {
                (t + 1, self.cut_trailing_cue(t + 1, e))
            } else if j == s {
                if matches!(self.word(k), "told" | "tells") {
                    return None;
                }
                (k2, self.cut_trailing_cue(k2, e))
            } else if self.word(k2) == ","
                && (k2 + 1..e).filter(|&i| self.is_wordlike(i)).count() >= 3
                && !self.word(k2 + 1).ends_with("ing")
            {
                (s, e) // parenthetical: "China and South Korea, Xi said, are ..."
            } else {
                (s, j - 1)
            };
            (content, self.resolve(j, k, true, cue_span.start))
        };
        let (cs, ce) = content;
        if cs >= ce || (cs..ce).filter(|&i| self.is_wordlike(i)).count() < 3 {
            return None;
        }
        let span = self.span_of(cs, ce);
        Some(Quote {
            span,
            text: self.slice(span).to_owned(),
            direct: false,
            cue: self.slice(cue_span).to_owned(),
            cue_span: Some(cue_span),
            speaker,
        })
    }

    /// Cuts a trailing ", Yonhap reported on Saturday" from reported content `cs..ce`.
    fn cut_trailing_cue(&self, cs: usize, ce: usize) -> usize {
        for m in cs..ce {
            if self.word(m) == "," {
                let stop =
                    (m + 1..ce.min(m + 8)).find(|&i| self.is_punct(i) || self.cue_at(i).is_some());
                if let Some(v) = stop {
                    if v > m + 1 && self.cue_at(v).is_some() && self.valid_phrase(m + 1, v) {
                        return m;
                    }
                }
            }
        }
        ce
    }

    /// The entity a speaker phrase (tokens `s..e`) refers to.
    fn resolve(&self, s: usize, e: usize, phrase_first: bool, cue_start: usize) -> Option<usize> {
        let phrase = self.span_of(s, e);
        // 1. A named PERSON / ORG / GPE in the phrase.
        let rank = |l: Label| match l {
            Label::Person => Some(0),
            Label::Org => Some(1),
            Label::Gpe => Some(2),
            _ => None,
        };
        let mut named: Vec<(usize, usize, usize)> = Vec::new(); // (rank, position, entity)
                                                                // Mentions are sorted and do not overlap: only the one before the phrase's start and
                                                                // those starting inside it can overlap it.
        let from = self
            .mentions
            .partition_point(|&mi| self.entities.mentions[mi].span.start < phrase.start)
            .saturating_sub(1);
        for (pos, &mi) in self.mentions.iter().enumerate().skip(from) {
            let m = &self.entities.mentions[mi];
            if m.span.start >= phrase.end {
                break;
            }
            if !phrase.overlaps(m.span) {
                continue;
            }
            let label = self
                .entities
                .entities
                .get(m.entity)
                .map_or(m.label, |en| en.label);
            if let Some(r) = rank(label) {
                named.push((r, pos, m.entity));
            }
        }
        named.sort_by_key(|&(r, pos, _)| (r, if phrase_first { usize::MAX - pos } else { pos }));
        if let Some(&(_, _, ent)) = named.first() {
            return Some(ent);
        }
        let words: Vec<String> = (s..e).map(|i| self.word(i).to_lowercase()).collect();
        // 2. A pronoun: the most recent person mentioned before the cue, outside quotes.
        if words.len() == 1 && matches!(words[0].as_str(), "he" | "she") {
            return self.recent_person(cue_start);
        }
        // 3. A description with a role: "the Chinese president", "the South Korean leader".
        let role_start = words.iter().position(|w| {
            ROLE_MODIFIERS.contains(&w.as_str()) || ROLE_HEADS.contains(&w.as_str())
        })?;
        let mut role_end = role_start;
        while role_end < words.len()
            && (ROLE_MODIFIERS.contains(&words[role_end].as_str())
                || ROLE_HEADS.contains(&words[role_end].as_str()))
        {
            role_end += 1;
        }
        if !ROLE_HEADS.contains(&words[role_end - 1].as_str()) {
            return None;
        }
        let role = words[role_start..role_end].join(" ");
        let adjective: Vec<&str> = words[..role_start]
            .iter()
            .zip(s..)
            .filter(|(w, i)| {
                self.word(*i).starts_with(char::is_uppercase)
                    && !matches!(w.as_str(), "the" | "a" | "an" | "former")
            })
            .map(|(w, _)| w.as_str())
            .collect();
        let adjective = adjective.join(" ");
        let candidates: Vec<usize> = self
            .entities
            .entities
            .iter()
            .enumerate()
            .filter(|(_, en)| en.label == Label::Person)
            .filter(|(_, en)| {
                en.role.as_deref().is_some_and(|r| {
                    let r = r.to_lowercase();
                    r.ends_with(&role) || role_head(&r).ends_with(&role)
                })
            })
            .filter(|(_, en)| {
                adjective.is_empty()
                    || en
                        .country
                        .as_deref()
                        .is_some_and(|c| demonym_matches(&adjective, c))
            })
            .map(|(i, _)| i)
            .collect();
        // The candidate mentioned most recently before the cue, else the first.
        let recent = self
            .mentions
            .iter()
            .rev()
            .map(|&mi| &self.entities.mentions[mi])
            .find(|m| {
                m.span.end <= cue_start && candidates.contains(&m.entity) && !self.in_direct(m.span)
            });
        recent
            .map(|m| m.entity)
            .or_else(|| candidates.first().copied())
    }

    fn in_direct(&self, span: Span) -> bool {
        // Direct quotes are in text order and do not overlap: only the last one starting at
        // or before `span` can contain it.
        let i = self.direct_spans.partition_point(|d| d.start <= span.start);
        i > 0 && self.direct_spans[i - 1].contains(span)
    }

    fn recent_person(&self, before: usize) -> Option<usize> {
        let end = self
            .mentions
            .partition_point(|&mi| self.entities.mentions[mi].span.start < before);
        self.mentions[..end]
            .iter()
            .rev()
            .map(|&mi| &self.entities.mentions[mi])
            .filter(|m| m.span.end <= before && !self.in_direct(m.span))
            .find(|m| {
                self.entities
                    .entities
                    .get(m.entity)
                    .is_some_and(|en| en.label == Label::Person)
            })
            .map(|m| m.entity)
    }
}

/// `None` or whitespace: a text boundary or a space next to a quote mark.
fn edge_or_space(c: Option<char>) -> bool {
    c.map_or(true, char::is_whitespace)
}

/// Whether a nationality adjective ("chinese", "south korean") names `country`
/// ("China", "South Korea"): the country starts with the adjective minus a demonym suffix.
fn demonym_matches(adjective: &str, country: &str) -> bool {
    let country = country.to_lowercase();
    if adjective == country {
        return true;
    }
    ["ese", "ian", "an", "n", "i", "ish", "ic"]
        .iter()
        .any(|suffix| {
            adjective
                .strip_suffix(suffix)
                .is_some_and(|stem| stem.chars().count() >= 4 && country.starts_with(stem))
        })
}

/// A role without its complements: "official in charge of capital markets" -> "official",
/// "strategist at Wachovia Securities" -> "strategist" ("the strategist said" names him).
fn role_head(role: &str) -> &str {
    [
        " of ", " in ", " at ", " for ", " to ", " with ", " on ", ", ",
    ]
    .iter()
    .filter_map(|p| role.find(p))
    .min()
    .and_then(|i| role.get(..i))
    .unwrap_or(role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_verbs_fit_the_cheap_tests() {
        for w in CUE_VERBS {
            assert!(CUE_LEN.contains(&w.len()), "{w}");
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(is_cue_verb(w));
        }
        assert!(!is_cue_verb("Said") && !is_cue_verb("sai") && !is_cue_verb(""));
    }
    use dateline_entities::{Entity, Mention};

    /// Builds `Entities` by hand: (surface text, entity name, label, role, country). Every
    /// occurrence of the surface text in `text` becomes a mention.
    /// (surface, name, label, role, country)
    type Spec<'a> = (&'a str, &'a str, Label, Option<&'a str>, Option<&'a str>);

    fn ents(text: &str, spec: &[Spec<'_>]) -> Entities {
        let mut out = Entities::default();
        for (surface, name, label, role, country) in spec {
            let index = match out.entities.iter().position(|e| e.name == *name) {
                Some(i) => i,
                None => {
                    out.entities.push(Entity {
                        id: name.to_lowercase().replace(' ', "_"),
                        name: (*name).to_owned(),
                        label: *label,
                        role: role.map(str::to_owned),
                        country: country.map(str::to_owned),
                        org: None,
                        former: false,
                        aliases: vec![],
                        wikidata: None,
                        mentions: vec![],
                    });
                    out.entities.len() - 1
                }
            };
            for (start, _) in text.match_indices(surface) {
                let span = Span::new(start, start + surface.len());
                if out.mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                out.entities[index].mentions.push(out.mentions.len());
                out.mentions.push(Mention {
                    span,
                    text: (*surface).to_owned(),
                    label: *label,
                    entity: index,
                });
            }
        }
        out
    }

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                out.push(Span::new(start, start + line.len()));
            }
            start += line.len() + 1;
        }
        out
    }

    fn speaker_name(e: &Entities, q: &Quote) -> Option<String> {
        q.speaker.map(|i| e.entities[i].name.clone())
    }

    const XI: Spec<'static> = (
        "Xi Jinping",
        "Xi Jinping",
        Label::Person,
        Some("President"),
        Some("China"),
    );
    const XI_SHORT: Spec<'static> = (
        "Xi",
        "Xi Jinping",
        Label::Person,
        Some("President"),
        Some("China"),
    );
    const YOON: Spec<'static> = (
        "Yoon",
        "Yoon Suk-yeol",
        Label::Person,
        Some("President"),
        Some("South Korea"),
    );

    #[test]
    fn cue_after_with_description() {
        let text = "Xi Jinping met Yoon in Bali.\n\"The two countries shoulder important responsibilities,\" the Chinese president said, adding more.";
        let e = ents(text, &[XI, YOON]);
        let q = find_quotes(text, &paragraphs(text), &e);
        let direct: Vec<&Quote> = q.iter().filter(|q| q.direct).collect();
        assert_eq!(direct.len(), 1);
        assert_eq!(
            direct[0].text,
            "The two countries shoulder important responsibilities"
        );
        assert_eq!(direct[0].cue, "said");
        assert_eq!(speaker_name(&e, direct[0]).as_deref(), Some("Xi Jinping"));
        let south = "Xi Jinping met Yoon in Bali.\n\"We hope for more exchanges between peoples,\" the South Korean president said.";
        let e = ents(south, &[XI, YOON]);
        let q = find_quotes(south, &paragraphs(south), &e);
        assert_eq!(speaker_name(&e, &q[0]).as_deref(), Some("Yoon Suk-yeol"));
    }

    #[test]
    fn a_description_names_a_role_with_complements() {
        const ANA: Spec<'static> = (
            "Ana Reyes",
            "Ana Reyes",
            Label::Person,
            Some("Minister of Energy, Industry and Mineral Resources"),
            None,
        );
        let text = "Ana Reyes arrived in Vienna.\n\"Output will fall,\" the minister said.";
        let e = ents(text, &[ANA]);
        let q = find_quotes(text, &paragraphs(text), &e);
        assert_eq!(speaker_name(&e, &q[0]).as_deref(), Some("Ana Reyes"));
        assert_eq!(role_head("official in charge of markets"), "official");
        assert_eq!(role_head("head, data"), "head");
        assert_eq!(role_head("President"), "President");
    }

    #[test]
    fn curly_multi_sentence_and_passive_cue() {
        let text = "“China is ready. We will work hard,” Xi was quoted as saying in a statement.";
        let e = ents(text, &[XI_SHORT]);
        let q = find_quotes(text, &paragraphs(text), &e);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "China is ready. We will work hard");
        assert_eq!(q[0].cue, "was quoted as saying");
        assert_eq!(
            &text[q[0].cue_span.unwrap().range()],
            "was quoted as saying"
        );
        assert_eq!(speaker_name(&e, &q[0]).as_deref(), Some("Xi Jinping"));
    }

    #[test]
    fn cue_before_with_colon_and_inverted_cue() {
        let text = "Xi said: \"The region needs peace and stability.\"\n\"We are partners in cooperation,\" said Yoon.";
        let e = ents(text, &[XI_SHORT, YOON]);
        let q = find_quotes(text, &paragraphs(text), &e);
        assert_eq!(q.len(), 2);
        assert_eq!(speaker_name(&e, &q[0]).as_deref(), Some("Xi Jinping"));
        assert_eq!(speaker_name(&e, &q[1]).as_deref(), Some("Yoon Suk-yeol"));
        assert_eq!(q[1].cue, "said");
    }

    #[test]
    fn pronoun_takes_most_recent_person_outside_quotes() {
        let text = "Yoon met Xi Jinping on Tuesday.\n\"I told Yoon we must talk more often,\" he said.\n\"Exchanges will grow between the peoples,\" he added.";
        let e = ents(text, &[XI, YOON]);
        let q = find_quotes(text, &paragraphs(text), &e);
        assert_eq!(q.len(), 2);
        // "Yoon" inside the first quote does not count.
        assert_eq!(speaker_name(&e, &q[0]).as_deref(), Some("Xi Jinping"));
        assert_eq!(speaker_name(&e, &q[1]).as_deref(), Some("Xi Jinping"));
        assert_eq!(q[1].cue, "added");
    }

    #[test]
    fn reported_speech_forms() {
        let text = "Xi said Beijing and Seoul need to improve their strategy alignment.\n\
                    Xi told Yoon that he welcomes the summit at an opportune time, Yonhap reported.\n\
                    China values the positive willingness of South Korea, Xi said and asked for more.\n\
                    China and South Korea, Xi said, are inseparable partners in cooperation.\n\
                    Yoon wants a mature relationship with China, according to the statement.";
        let e = ents(text, &[XI_SHORT, YOON]);
        let q = find_quotes(text, &paragraphs(text), &e);
        let got: Vec<(&str, &str, Option<String>)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.cue.as_str(), speaker_name(&e, q)))
            .collect();
        let xi = Some("Xi Jinping".to_owned());
        assert_eq!(
            got,
            vec![
                (
                    "Beijing and Seoul need to improve their strategy alignment",
                    "said",
                    xi.clone()
                ),
                (
                    "he welcomes the summit at an opportune time",
                    "told",
                    xi.clone()
                ),
                (
                    "China values the positive willingness of South Korea",
                    "said",
                    xi.clone()
                ),
                (
                    "China and South Korea, Xi said, are inseparable partners in cooperation",
                    "said",
                    xi
                ),
                (
                    "Yoon wants a mature relationship with China",
                    "according to",
                    None
                ),
            ]
        );
        assert!(q
            .iter()
            .all(|q| !q.direct && text[q.span.range()] == q.text));
    }

    #[test]
    fn scare_quotes_and_non_cues_are_skipped() {
        let text = "He called it a \"dangerous move\" and left.\nThe plan, which was due to start, will wait.\nXi is expected to say more.";
        let q = find_quotes(text, &paragraphs(text), &Entities::default());
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn continued_and_unclosed_quotes_inherit_the_speaker() {
        let text = "\"We are ready to work with everyone,\" Xi said. \"We will not wait for long.\"\n“This is the start of a long story\n“Then it ends,” he said.";
        let e = ents(text, &[XI_SHORT]);
        let q = find_quotes(text, &paragraphs(text), &e);
        assert_eq!(q.len(), 4, "{q:?}");
        assert!(
            q.iter()
                .all(|q| speaker_name(&e, q).as_deref() == Some("Xi Jinping")),
            "{q:?}"
        );
        assert_eq!(q[1].text, "We will not wait for long.");
        assert_eq!(q[2].text, "This is the start of a long story");
    }

    #[test]
    fn spans_are_exact_and_odd_input_is_safe() {
        for text in [
            "\"",
            "“”",
            "\"a\" said",
            "said \"",
            ", said .",
            "é“x”é said he",
            "\"\"\"\" he said",
        ] {
            let paragraphs = [
                Span::new(0, text.len()),
                Span::new(1, 0),
                Span::new(0, text.len() + 9),
            ];
            for q in find_quotes(text, &paragraphs, &Entities::default()) {
                assert_eq!(&text[q.span.range()], q.text);
            }
        }
    }

    #[test]
    fn straight_quotes_pair_by_context() {
        // A stray closing mark does not shift the pairing of the quotes after it.
        let text = "He called them \"rebels\". His party said \"We are ready to talk to everyone,\" Kim said.";
        let e = ents(text, &[("Kim", "Kim Jong-un", Label::Person, None, None)]);
        let q = find_quotes(text, &paragraphs(text), &e);
        let direct: Vec<&Quote> = q.iter().filter(|q| q.direct).collect();
        assert_eq!(direct.len(), 1, "{q:?}");
        assert_eq!(direct[0].text, "We are ready to talk to everyone");
        assert_eq!(speaker_name(&e, direct[0]).as_deref(), Some("Kim Jong-un"));
        let stray = "It was \"good. Then \"We will win this race easily,\" she said.";
        let q = find_quotes(stray, &paragraphs(stray), &Entities::default());
        assert_eq!(q[0].text, "We will win this race easily", "{q:?}");
    }

    #[test]
    fn demonyms() {
        assert!(demonym_matches("chinese", "China"));
        assert!(demonym_matches("south korean", "South Korea"));
        assert!(demonym_matches("russian", "Russia"));
        assert!(!demonym_matches("chinese", "South Korea"));
        assert!(!demonym_matches("korean", "South Korea"));
    }
}
