//! Roles and affiliations of people, read from the sentence structure around every PERSON
//! mention once the name spans are final (after the tagger merge):
//!
//! - a chain of words before the name that ends in a role head: "Deputy Foreign Minister Ana
//!   Reyes", "U.S. ambassador to the European Union Mark Hale", "Hamas political chief Ismail
//!   Haniyeh", "sprinter Ji Yun", "economist at Nomura Sara Berg";
//! - after the name: an apposition ("Olu Hart, a former deputy head of the WHO, said"; "Lee
//!   Min, spokesperson for the Defense Ministry,"), a relative clause ("Y, who heads the WHO";
//!   "Y, who is the Home Minister"), an appointment ("Y has been appointed the new Law
//!   Minister"), a list entry ("Y: Minister of Health"), "President Koroma of Sierra Leone";
//! - a role before a comma and the name: "Russia's foreign minister, Sergey Lavrov, said";
//!   "The plaintiff, Marlean Ames, alleged".
//!
//! A role is the article's own words: its modifiers and head ("senior equity strategist",
//! "top diplomat") and a prepositional complement naming an organization or place ("of the
//! WHO", "to the European Union"). A country or demonym before it is the affiliated country,
//! not part of the role; an organization before it ("Hamas", "the IMF's") or in its complement
//! is the role's `org`. "former"/"ex-" set `former`. A role made only of title words is
//! written in title case ("foreign minister" -> "Foreign Minister"); abbreviations are written
//! out ("Supt." -> "Superintendent"). A chain never crosses another person's name, a comma or
//! a sentence break, so one person's title does not leak to the next name.

use dateline_text::Span;

use crate::extract::{lower, title_match, Cand, Conf, Low, Wk, W};
use crate::gazetteer::{push_key, FxSet, Gazetteer, Kind, GAZETTEER};
use crate::lexicon::{
    GIVEN_NAMES, PREFIX, ROLE_WORDS, RW_HEAD, RW_MODIFIER, RW_PERSON, RW_TITLE_WORD, RW_WEAK,
    SUFFIX, TITLE_MAP,
};
use crate::Label;

/// How a role was stated, from the least to the most specific kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Class {
    /// Only a country or organization ("Edgar Lungu of the Patriotic Front"), no role words.
    Affiliation,
    /// An honorific that is also a title ("Sheikh", "Sir").
    Honorific,
    /// "his counterpart": resolved to the role of the person he is the counterpart of.
    Counterpart,
    /// A description headed by a person noun ("conservative activist", "swimmer").
    Description,
    /// A title or office ("Prime Minister", "Secretary of State").
    Title,
}

/// A role read from one mention's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Role {
    /// The role as the article states it (`None` for an affiliation only).
    pub(crate) text: Option<String>,
    /// Affiliated country (ISO code).
    pub(crate) country: Option<[u8; 2]>,
    /// The span of the organization mention the role belongs to.
    pub(crate) org: Option<Span>,
    /// "former", "ex-".
    pub(crate) former: bool,
    pub(crate) class: Class,
    /// Number of words (with one more for a stated country or organization): among roles of
    /// one class the longer is the more specific.
    pub(crate) words: u8,
    /// Read from a plural head ("U.S. journalists Clare Gillis and James Foley"): shared by
    /// the names coordinated after it.
    pub(crate) plural: bool,
}

impl Role {
    /// Sort key: the most specific role of an entity has the largest key (a title over a
    /// description, a current role over a former one of the same kind, then the longer).
    pub(crate) fn rank(&self) -> (Class, bool, u8) {
        (self.class, !self.former, self.words)
    }
}

/// Titles that are honorifics before a name rather than roles when nothing else is said.
const HONORIFICS: &[&str] = &["Sheikh", "Sir", "Lord", "Dame", "Lady", "Doctor"];

/// Words before a role that say when it was held: "former" and "ex" set `former`, the others
/// are dropped ("the new Law Minister", "then-President").
fn time_word(w: &str) -> Option<bool> {
    match w {
        "former" | "ex" | "ex-" => Some(true),
        "then" | "new" | "newly" | "current" | "currently" | "now" | "later" => Some(false),
        _ => None,
    }
}

/// The singular of a plural role head ("journalists", "spokesmen", "justices"), and
/// whether it is a title.
fn singular_head(w: &str) -> Option<(&'static str, bool)> {
    if w.len() < 5 || w.len() > 30 || !(w.ends_with('s') || w.ends_with("men")) || w.ends_with("ss")
    {
        return None;
    }
    let find = |stem: &str| {
        TITLE_MAP
            .get(stem)
            .filter(|t| !t.is_empty())
            .map(|t| (*t, true))
            .or_else(|| {
                ROLE_WORDS
                    .get_key_value(stem)
                    .filter(|(_, c)| **c & RW_PERSON != 0)
                    .map(|(n, _)| (*n, false))
            })
    };
    // "spokesmen" -> "spokesman", "deputies" -> "deputy": the stem on the stack.
    let mut buf = [0u8; 32];
    let respell = |buf: &mut [u8; 32], head: &str, tail: &str| -> Option<usize> {
        let n = head.len() + tail.len();
        buf.get_mut(..head.len())?.copy_from_slice(head.as_bytes());
        buf.get_mut(head.len()..n)?.copy_from_slice(tail.as_bytes());
        Some(n)
    };
    if let Some(head) = w.strip_suffix("men") {
        let n = respell(&mut buf, head, "man")?;
        return std::str::from_utf8(buf.get(..n)?).ok().and_then(find);
    }
    if let Some(head) = w.strip_suffix("ies") {
        let n = respell(&mut buf, head, "y")?;
        if let Some(f) = std::str::from_utf8(buf.get(..n)?).ok().and_then(find) {
            return Some(f);
        }
    }
    w.strip_suffix("es")
        .and_then(find)
        .or_else(|| w.strip_suffix('s').and_then(find))
}

/// Praise before a role ("veteran firefighter", "renowned economist"): not part of it.
fn praise(w: &str) -> bool {
    matches!(
        w,
        "veteran"
            | "longtime"
            | "long-time"
            | "seasoned"
            | "renowned"
            | "famous"
            | "well-known"
            | "prominent"
            | "celebrated"
            | "respected"
            | "experienced"
            | "popular"
            | "controversial"
            | "outspoken"
            | "influential"
    )
}

/// Words that stay lowercase in a title-cased role.
fn small_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "to" | "on" | "the" | "and" | "in" | "at" | "with" | "from"
    )
}

/// What a candidate mention contributes when it stands in a role phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aff {
    /// A country or demonym: the affiliated country, not part of the role's words.
    Country(Option<[u8; 2]>),
    /// A city or region: part of the role's words ("Los Angeles Fire Chief"), its country.
    Place(Option<[u8; 2]>),
    /// An organization (or a building standing for one: "White House press secretary").
    Org,
    /// A group word that is part of the role ("Republican", "Democratic").
    Word,
    /// A person: a role chain never crosses one.
    Person,
    Other,
}

/// Which complements a parse may take after the head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// Before a name: complements must end right before it.
    Before,
    /// After a name: any complement naming an organization or place.
    After,
}

/// One parsed role phrase.
#[derive(Debug, Clone)]
struct Parsed {
    /// First word after the parse (exclusive end).
    end: usize,
    text: String,
    country: Option<[u8; 2]>,
    org: Option<usize>,
    former: bool,
    class: Class,
    words: u8,
    plural: bool,
}

/// A piece of a role's text.
#[derive(Debug, Clone, Copy)]
enum Seg {
    /// Words a..b matched as a title, written as `canon` where the words differ from it
    /// (abbreviations) or the role is all title words.
    Title(usize, usize, &'static str),
    /// One word (title-cased when the role is all title words).
    Word(usize),
    /// Words a..b copied as written (a candidate, a complement).
    Verbatim(usize, usize),
}

struct Ctx<'a> {
    text: &'a str,
    ws: &'a [W],
    cands: &'a [Cand],
    /// Word index -> index of the candidate covering it (`u32::MAX`: none).
    at: Vec<u32>,
    g: &'a Gazetteer,
    /// Scratch buffer for title lookups.
    buf: std::cell::RefCell<String>,

    /// Scratch space for the pieces of a role being parsed.
    segs: std::cell::RefCell<Vec<Seg>>,
    /// The word lists each word is in ([`W_KNOWN`] once looked up), filled on demand.
    classes: std::cell::RefCell<Vec<u16>>,
}

/// Bits of a word's class (see [`Ctx::class`]): looked up, a person noun or other head, a
/// role modifier, a word of a title, another word a role phrase may hold, a small word
/// ("of", "the"), a time word ("new"), "former"/"ex", praise ("veteran"), a plural head,
/// a weak description ("citizen").
const W_KNOWN: u16 = 1;
const W_PERSON: u16 = 2;
const W_MODIFIER: u16 = 4;
const W_TITLE_WORD: u16 = 8;
const W_OTHER_ROLE: u16 = 16;
const W_SMALL: u16 = 32;
const W_TIME: u16 = 64;
const W_FORMER: u16 = 128;
const W_PRAISE: u16 = 256;
const W_PLURAL: u16 = 512;
const W_WEAK: u16 = 1024;

/// Reads the roles of all PERSON candidates (in place).
///
/// `maybe` lists the candidates [`retype_people`] left for the evidence that needs the
/// sentence structure (a role after them, a title chain before them, a titled surname): they
/// become people, with their roles, when it holds.
pub(crate) fn assign(text: &str, ws: &[W], cands: &mut [Cand], maybe: &[usize]) {
    if maybe.is_empty() && !cands.iter().any(|c| c.label == Label::Person) {
        return;
    }
    let mut found: Vec<(usize, Role)> = Vec::new();
    let mut people: Vec<usize> = Vec::new();
    {
        let cx = Ctx::new(text, ws, cands);
        if !maybe.is_empty() {
            let mut titled: FxSet<String> = FxSet::default();
            for c in cands.iter().filter(|c| c.label == Label::Person) {
                let before = c.a.checked_sub(1).filter(|_| !cx.brk(c.a));
                if c.title.is_some() || before.is_some_and(|k| cx.title_at(k).is_some()) {
                    if let Some(last) = c.b.checked_sub(1) {
                        titled.insert(cx.low(last).to_string());
                    }
                }
            }
            for &ci in maybe {
                let Some(c) = cands.get(ci) else { continue };
                let surname = titled.contains(cx.low(c.b - 1).as_str());
                // "The UN envoy to Syria Staffan de Mistura": a title chain right before it.
                if surname
                    || cx
                        .after(c.b)
                        .is_some_and(|r| r.text.is_some() && r.class >= Class::Description)
                    || cx
                        .before(c.a)
                        .is_some_and(|r| r.text.is_some() && r.class == Class::Title)
                {
                    people.push(ci);
                }
            }
        }
        for (ci, c) in cands.iter().enumerate() {
            if c.label != Label::Person && people.binary_search(&ci).is_err() {
                continue;
            }
            if let Some(r) = cx.role_of(ci) {
                found.push((ci, r));
            }
        }
        cx.definite_descriptions(&mut found);
    }
    for &ci in &people {
        if let Some(c) = cands.get_mut(ci) {
            c.label = Label::Person;
        }
    }
    for (ci, r) in found {
        if let Some(c) = cands.get_mut(ci) {
            c.role = Some(Box::new(r));
        }
    }
}

/// Document-level evidence on people's names, the part that needs no sentence structure.
///
/// A guessed person's name made only of common words, none a given name ("Family Welfare",
/// "Climate Change"), is no name at all and is dropped. Returns the unlisted names of two to
/// four capitalized words without an organization head word that the tagger typed as an
/// organization, place or group: [`assign`] makes them people when their last word is
/// elsewhere a person's name after a title or honorific ("Bola Okafor ... President
/// Okafor"), a role follows them ("Arjun Meghwal has been appointed Law Minister", "Tom Hill,
/// a lawyer,") or a title chain ends right before them ("the UN envoy to Syria Staffan de
/// Mistura").
pub(crate) fn retype_people(text: &str, ws: &[W], cands: &mut Vec<Cand>) -> Vec<usize> {
    let g = &*GAZETTEER;
    let low = |i: usize| {
        ws.get(i)
            .and_then(|w| w.span.slice(text))
            .map(lower)
            .unwrap_or_default()
    };
    let mut buf = String::new();
    // A lone title word the tagger took for a name: "Rafi Khan, Head of Data Privacy".
    let mut lone_title = |c: &Cand| {
        c.b == c.a + 1
            && ws.get(c.b).is_some_and(|w| w.kind == Wk::Lower && !w.brk)
            && matches!(low(c.b).as_str(), "of" | "for")
            && (matches!(title_match(text, ws, c.a, &mut buf), Some((1, t)) if !t.is_empty())
                || ROLE_WORDS
                    .get(low(c.a).as_str())
                    .is_some_and(|&k| k & (RW_PERSON | RW_HEAD) != 0))
    };
    // A one-word title the tagger took for a mention of its own right before a person's
    // name: "with Rep. [Collin Peterson]" (not the NORP "Rep."), "Ms [Hayley Adams]".
    let person_starts: FxSet<usize> = cands
        .iter()
        .filter(|c| c.label == Label::Person)
        .map(|c| c.a)
        .collect();
    let (mut buf2, mut buf3) = (String::new(), String::new());
    let mut title_before_name = |c: &Cand| {
        c.b == c.a + 1
            && c.label != Label::Person
            && person_starts.contains(&c.b)
            && ws.get(c.b).is_some_and(|w| !w.brk)
            && title_match(text, ws, c.a, &mut buf2).is_some_and(|(n, _)| n == 1)
    };
    let mut honorific_before_name = |c: &Cand| {
        c.b == c.a + 1
            && person_starts.contains(&c.b)
            && ws.get(c.b).is_some_and(|w| !w.brk)
            && matches!(title_match(text, ws, c.a, &mut buf3), Some((1, t)) if t.is_empty() || HONORIFICS.contains(&t))
    };
    // Guessed people made of common words go first.
    let drop: Vec<usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            (c.conf != Conf::Strong && c.entry.is_none() && title_before_name(c))
                || (c.label == Label::Person
                    && c.conf != Conf::Strong
                    && c.title.is_none()
                    && c.entry.is_none()
                    && honorific_before_name(c))
                || c.label == Label::Person
                    && c.conf != Conf::Strong
                    && c.title.is_none()
                    && c.entry.is_none()
                    && ((c.b - c.a >= 2
                        && (c.a..c.b).all(|i| g.is_common(&low(i)))
                        && !GIVEN_NAMES.contains(low(c.a).as_str()))
                        || lone_title(c))
        })
        .map(|(ci, _)| ci)
        .collect();
    if !drop.is_empty() {
        let mut k = 0;
        cands.retain(|_| {
            k += 1;
            drop.binary_search(&(k - 1)).is_err()
        });
    }
    // Then the unlisted names of two to four capitalized words that may be people.
    let mut maybe: Vec<usize> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        let n = c.b - c.a;
        if c.label == Label::Person || c.entry.is_some() || !(2..=4).contains(&n) {
            continue;
        }
        if c.conf == Conf::Strong && c.title.is_none() {
            // Typed by a head word, a list or an acronym definition.
            continue;
        }
        // Capitalized words, or a particle inside ("Staffan de Mistura").
        let words_ok = (c.a..c.b).all(|i| {
            let w = low(i);
            match ws.get(i).map(|w| w.kind) {
                Some(Wk::Cap) => {
                    !SUFFIX.contains_key(w.as_str()) && !PREFIX.contains_key(w.as_str())
                }
                Some(Wk::Lower) => {
                    i > c.a
                        && i + 1 < c.b
                        && matches!(
                            w.as_str(),
                            "de" | "van"
                                | "von"
                                | "bin"
                                | "al"
                                | "da"
                                | "del"
                                | "der"
                                | "la"
                                | "le"
                                | "di"
                        )
                }
                _ => false,
            }
        });
        if words_ok {
            maybe.push(ci);
        }
    }
    maybe
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, ws: &'a [W], cands: &'a [Cand]) -> Self {
        let mut at = vec![u32::MAX; ws.len()];
        // Lone capitalized words kept only for linking ("Defence" in "Minister for
        // Defence") are no mentions yet: role chains read through them.
        for (k, c) in cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.conf != Conf::Weak)
        {
            let k = u32::try_from(k).unwrap_or(u32::MAX);
            for slot in at.iter_mut().take(c.b).skip(c.a) {
                *slot = k;
            }
        }
        Ctx {
            text,
            ws,
            cands,
            at,
            g: &GAZETTEER,
            buf: std::cell::RefCell::new(String::new()),

            segs: std::cell::RefCell::new(Vec::new()),
            classes: std::cell::RefCell::new(Vec::new()),
        }
    }

    fn wtext(&self, i: usize) -> &str {
        self.ws
            .get(i)
            .and_then(|w| w.span.slice(self.text))
            .unwrap_or("")
    }

    /// The longest title starting at word `i`: (words, role).
    fn title_at(&self, i: usize) -> Option<(usize, &'static str)> {
        let mut buf = self.buf.borrow_mut();
        title_match(self.text, self.ws, i, &mut buf)
    }

    /// Word `i` as written when it is a lowercase word ("" otherwise): function words are
    /// compared without lowercasing a copy.
    fn lw(&self, i: usize) -> &str {
        match self.ws.get(i) {
            Some(w) if w.kind == Wk::Lower => w.span.slice(self.text).unwrap_or(""),
            _ => "",
        }
    }

    /// Is word `i` the word `s` (ASCII case ignored)?
    fn is(&self, i: usize, s: &str) -> bool {
        self.wtext(i).eq_ignore_ascii_case(s)
    }

    fn low(&self, i: usize) -> Low {
        lower(self.wtext(i))
    }

    fn kind(&self, i: usize) -> Option<Wk> {
        self.ws.get(i).map(|w| w.kind)
    }

    fn brk(&self, i: usize) -> bool {
        self.ws.get(i).map_or(true, |w| w.brk)
    }

    /// The candidate that starts at word `i`, with its index.
    fn cand_at(&self, i: usize) -> Option<(usize, &Cand)> {
        let k = *self.at.get(i)? as usize;
        self.cands.get(k).filter(|c| c.a == i).map(|c| (k, c))
    }

    fn in_person(&self, i: usize) -> bool {
        self.at
            .get(i)
            .and_then(|&k| self.cands.get(k as usize))
            .is_some_and(|c| c.label == Label::Person)
    }

    fn aff(&self, c: &Cand) -> Aff {
        let en = c.entry.and_then(|e| self.g.entry(e));
        match c.label {
            Label::Person => Aff::Person,
            Label::Org | Label::Fac | Label::Event => Aff::Org,
            Label::Gpe | Label::Loc => match en.map(|e| e.kind) {
                Some(Kind::Country | Kind::Demonym) => Aff::Country(en.and_then(|e| e.iso)),
                Some(_) => Aff::Place(en.and_then(|e| e.iso)),
                None => Aff::Place(None),
            },
            Label::Norp => match en {
                Some(e) if e.kind == Kind::Demonym && e.iso.is_some() => Aff::Country(e.iso),
                Some(e) if e.kind == Kind::Country => Aff::Country(e.iso),
                _ => Aff::Word,
            },
            Label::WorkOfArt | Label::Product | Label::Law => Aff::Other,
        }
    }

    /// The role of PERSON candidate `ci`: every pattern that applies, the most specific kept.
    fn role_of(&self, ci: usize) -> Option<Role> {
        let c = self.cands.get(ci)?;
        let (a, b) = (c.a, c.b);
        let mut best: Option<Role> = None;
        let mut keep = |r: Option<Role>| {
            if let Some(r) = r {
                if best.as_ref().map_or(true, |x| r.rank() > x.rank()) {
                    best = Some(r);
                }
            }
        };
        // A lone word kept only for linking had no title or description before it (that
        // would have made it a name of its own): only what follows it can give its role.
        let before = if c.conf == Conf::Weak {
            None
        } else {
            self.before(a).or_else(|| self.coordinated(a))
        };
        let had_before = before
            .as_ref()
            .is_some_and(|r| r.class >= Class::Description);
        keep(before);
        keep(self.after(b));
        if !had_before {
            keep(self.comma_before(a, b));
        }
        // "President Ernest Bai Koroma of Sierra Leone", "Edgar Lungu of the Patriotic Front".
        if let Some((country, org)) = self.of_after(b) {
            match &mut best {
                Some(r) => {
                    if r.country.is_none() && r.org.is_none() {
                        r.country = country;
                        r.org = org;
                        r.words = r.words.saturating_add(1);
                    }
                }
                None => {
                    best = Some(Role {
                        text: None,
                        country,
                        org,
                        former: false,
                        class: Class::Affiliation,
                        words: 1,
                        plural: false,
                    });
                }
            }
        }
        best
    }

    /// "Emmanuel Macron says ... . The French President added": a sentence that opens with
    /// "The" and a role, then a verb, names the person the sentence before it opens with,
    /// when that is its only person and no mention of that name has a role of its own.
    fn definite_descriptions(&self, found: &mut Vec<(usize, Role)>) {
        let mut prev_start = None;
        let mut extra: Vec<(usize, Role)> = Vec::new();
        for t in 0..self.ws.len() {
            if !self.brk(t) {
                continue;
            }
            let before = prev_start.replace(t);
            if self.wtext(t) != "The" {
                continue;
            }
            let Some(s0) = before else { continue };
            let Some((ci, c)) = self.cand_at(s0).filter(|(_, c)| c.label == Label::Person) else {
                continue;
            };
            // The only person of that sentence.
            if (c.b..t).any(|i| self.in_person(i)) {
                continue;
            }
            let Some(p) = self.parse(t + 1, self.ws.len(), After::After) else {
                continue;
            };
            if p.class < Class::Description
                || p.plural
                || self.brk(p.end)
                || self.kind(p.end) != Some(Wk::Lower)
            {
                continue;
            }
            let last = self.low(c.b - 1);
            let has_role = |k: usize| {
                self.cands.get(k).is_some_and(|o| {
                    o.label == Label::Person
                        && o.b > o.a
                        && self.low(o.b - 1).as_str() == last.as_str()
                })
            };
            if found.iter().any(|(k, _)| has_role(*k)) || extra.iter().any(|(k, _)| has_role(*k)) {
                continue;
            }
            extra.push((ci, self.to_role(p)));
        }
        found.extend(extra);
    }

    /// "U.S. journalists Clare Gillis and James Foley": the plural role before the first of
    /// the names coordinated with this one (word `a` starts it).
    fn coordinated(&self, a: usize) -> Option<Role> {
        let mut a = a;
        for _ in 0..6 {
            if a < 2 || self.brk(a) {
                return None;
            }
            if !matches!(self.wtext(a - 1), "and" | ",") {
                return None;
            }
            let k = *self.at.get(a - 2)? as usize;
            let prev = self.cands.get(k).filter(|c| c.label == Label::Person)?;
            if let Some(r) = self.before(prev.a) {
                return r.plural.then_some(r);
            }
            a = prev.a;
        }
        None
    }

    fn to_role(&self, p: Parsed) -> Role {
        Role {
            text: Some(p.text),
            country: p.country,
            org: p.org.and_then(|k| self.cands.get(k)).map(|c| c.span),
            former: p.former,
            class: p.class,
            words: p.words,
            plural: p.plural,
        }
    }

    /// A role chain ending right before the name (word `a`), honorifics skipped.
    fn before(&self, a: usize) -> Option<Role> {
        if self.brk(a) {
            return None;
        }
        // Most names follow a word no role ends with ("said Smith", "by Smith", "Smith"
        // after a comma): nothing to read.
        let prev = a.checked_sub(1)?;
        match self.kind(prev) {
            Some(Wk::Cap | Wk::Upper | Wk::Poss | Wk::Punct('.')) => {}
            Some(Wk::Lower) if self.role_word(prev) => {}
            _ => return None,
        }
        let mut limit = a;
        let mut honorific: Option<&'static str> = None;
        // "Prime Minister Sheikh Mohammed", "Supt. Russell Gibson", "Mr Salvini".
        while limit > 0 && !self.brk(limit) {
            let t = self.title_at(limit - 1);
            match t {
                Some((1, canon)) if canon.is_empty() || HONORIFICS.contains(&canon) => {
                    honorific = honorific.or(Some(canon));
                    limit -= 1;
                }
                _ => break,
            }
        }
        // "police spokesman Lt Sean Conboy": a rank right before the name after a role.
        if limit > 0 && !self.brk(limit) && self.is_rank(limit - 1) {
            if let Some(r) = self
                .chain_ending(limit - 1)
                .filter(|r| r.class >= Class::Description)
            {
                return Some(r);
            }
        }
        if let Some(r) = self.chain_ending(limit) {
            return Some(r);
        }
        honorific.filter(|h| !h.is_empty()).map(|h| Role {
            text: Some(h.to_string()),
            country: None,
            org: None,
            former: false,
            class: Class::Honorific,
            words: 1,
            plural: false,
        })
    }

    /// The longest role chain that ends right before word `limit`.
    fn chain_ending(&self, limit: usize) -> Option<Role> {
        let lo = self.chain_start(limit);
        (lo..limit).find_map(|s| {
            self.parse(s, limit, After::Before)
                .filter(|p| p.end == limit)
                .map(|p| self.to_role(p))
        })
    }

    /// Is word `i` a rank or title abbreviation ("Lt", "Sgt.", "Supt.")?
    fn is_rank(&self, i: usize) -> bool {
        let w = self.low(i);
        matches!(self.title_at(i), Some((1, t)) if !t.is_empty())
            && (w.ends_with('.')
                || matches!(
                    w.as_str(),
                    "lt" | "sgt"
                        | "capt"
                        | "col"
                        | "gen"
                        | "maj"
                        | "cpl"
                        | "pvt"
                        | "supt"
                        | "insp"
                        | "det"
                        | "cmdr"
                        | "adm"
                ))
    }

    /// The earliest word a role chain ending before `limit` may start at: up to 12 words
    /// back, within the sentence, not across punctuation (but a possessive) or a person.
    fn chain_start(&self, limit: usize) -> usize {
        let mut lo = limit;
        while lo > 0 && limit - lo < 12 {
            let k = lo - 1;
            if self.brk(lo) && lo < limit {
                break;
            }
            match self.kind(k) {
                Some(Wk::Punct(c)) if c != '&' && c != '-' => break,
                Some(Wk::Other | Wk::Num) | None => break,
                // A lowercase word outside every role's vocabulary ends the chain ("said",
                // "that"): most chains are then tried from one or two starts only.
                Some(Wk::Lower) if !self.role_word(k) => break,
                _ => {}
            }
            if self.in_person(k) {
                break;
            }
            lo = k;
            if self.brk(k) {
                break;
            }
        }
        lo
    }

    /// Which role word lists word `i` is in (looked up once per document).
    fn class(&self, i: usize) -> u16 {
        if let Some(&c) = self.classes.borrow().get(i).filter(|&&c| c & W_KNOWN != 0) {
            return c;
        }
        let w = self.low(i);
        let w = w.as_str();
        // One lookup in one table for the three word lists (fewer cache misses: the lists
        // are cold after the tagger ran).
        let listed = ROLE_WORDS.get(w).copied().unwrap_or(0);
        let mut c = W_KNOWN;
        if listed & (RW_PERSON | RW_HEAD) != 0 {
            c |= W_PERSON;
        }
        if listed & RW_MODIFIER != 0 {
            c |= W_MODIFIER;
        }
        if listed & RW_TITLE_WORD != 0 {
            c |= W_TITLE_WORD;
        }
        if listed & RW_WEAK != 0 {
            c |= W_WEAK;
        }
        if small_word(w) {
            c |= W_SMALL | W_OTHER_ROLE;
        }
        match time_word(w) {
            Some(true) => c |= W_TIME | W_FORMER | W_OTHER_ROLE,
            Some(false) => c |= W_TIME | W_OTHER_ROLE,
            None => {}
        }
        if praise(w) {
            c |= W_PRAISE | W_OTHER_ROLE;
        }
        if w.ends_with("-based") {
            c |= W_OTHER_ROLE;
        }
        if (w.ends_with('s') || w.ends_with("men")) && singular_head(w).is_some() {
            c |= W_PLURAL | W_OTHER_ROLE;
        }
        let mut classes = self.classes.borrow_mut();
        if classes.len() < self.ws.len() {
            classes.resize(self.ws.len(), 0);
        }
        if let Some(slot) = classes.get_mut(i) {
            *slot = c;
        }
        c
    }

    /// May lowercase word `k` stand inside a role phrase?
    fn role_word(&self, k: usize) -> bool {
        self.class(k) & (W_PERSON | W_MODIFIER | W_TITLE_WORD | W_OTHER_ROLE) != 0
    }

    /// After the name (words end at `b`): apposition, relative clause, appointment, list entry.
    fn after(&self, b: usize) -> Option<Role> {
        let mut p = b;
        let punct = match self.kind(p) {
            Some(Wk::Punct(ch)) => Some(ch),
            _ => None,
        };
        if self.brk(p) {
            return None;
        }
        match punct {
            Some(',') => {
                p += 1;
                // "Jonah Evans, 25, a witness".
                if self.kind(p) == Some(Wk::Num) && self.kind(p + 1) == Some(Wk::Punct(',')) {
                    p += 2;
                }
                if self.brk(p) {
                    return None;
                }
                if self.is(p, "who") {
                    return self.relative(p + 1);
                }
                let mut former = false;
                loop {
                    let w = self.low(p);
                    if matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "also" | "now"
                    ) {
                        p += 1;
                    } else if let Some(f) = time_word(&w) {
                        former |= f;
                        p += 1;
                    } else {
                        break;
                    }
                    if self.brk(p) {
                        return None;
                    }
                }
                let mut parsed = self.parse(p, self.ws.len(), After::After)?;
                if !self.phrase_ends(parsed.end) {
                    return None;
                }
                parsed.former |= former;
                Some(self.to_role(parsed))
            }
            Some(':') => {
                // "Shri Mansukh Mandaviya: Minister of Health and Family Welfare."
                let parsed = self.parse(p + 1, self.ws.len(), After::After)?;
                let ends = self.brk(parsed.end)
                    || matches!(self.kind(parsed.end), Some(Wk::Punct('.' | ';')));
                (parsed.class == Class::Title && ends).then(|| self.to_role(parsed))
            }
            Some(_) => None,
            None => {
                if self.is(p, "who") {
                    return self.relative(p + 1);
                }
                self.appointed(p)
            }
        }
    }

    /// Does a phrase after a name end where an apposition may end (not before another name)?
    fn phrase_ends(&self, end: usize) -> bool {
        if self.brk(end) {
            return true;
        }
        match self.kind(end) {
            Some(Wk::Punct(_) | Wk::Lower | Wk::Num | Wk::Other) | None => true,
            Some(Wk::Cap | Wk::Upper | Wk::Poss) => false,
        }
    }

    /// "who heads the WHO", "who is currently the Home Minister", "who previously served as
    /// the Minister of State" (word `p` is the one after "who").
    fn relative(&self, mut p: usize) -> Option<Role> {
        let mut former = false;
        for _ in 0..2 {
            match self.lw(p) {
                "previously" | "formerly" | "once" => {
                    former = true;
                    p += 1;
                }
                "currently" | "now" | "also" => p += 1,
                _ => {}
            }
        }
        let verb = self.lw(p);
        let head = match verb {
            "heads" | "headed" => Some("head"),
            "leads" | "led" => Some("leader"),
            "chairs" | "chaired" => Some("chair"),
            _ => None,
        };
        if let Some(head) = head {
            former |= verb.ends_with('d');
            let mut q = p + 1;
            if self.is(q, "the") {
                q += 1;
            }
            let (ci, c) = self.cand_at(q)?;
            if self.aff(c) != Aff::Org || self.brk(q) {
                return None;
            }
            let org_text = self.verbatim(c.a, c.b);
            return Some(Role {
                text: Some(format!(
                    "{head} of {}{org_text}",
                    if q > p + 1 { "the " } else { "" }
                )),
                country: c.country,
                org: self.cands.get(ci).map(|c| c.span),
                former,
                class: Class::Title,
                words: 3,
                plural: false,
            });
        }
        // "who is the ...", "who was ...", "who serves as ...", "who has been ...". "who
        // was" narrates as often as it says "former": only "previously" and "formerly" do.
        let mut q = p;
        let mut n = 0;
        let mut verbs = 0;
        while n < 5 {
            match self.lw(q) {
                "is" | "has" | "been" | "serves" | "as" | "became" | "becomes" | "was" | "had"
                | "served" => verbs += 1,
                "currently" | "now" | "also" | "still" => {}
                "previously" | "formerly" => former = true,
                _ => break,
            }
            q += 1;
            n += 1;
        }
        let n = verbs;
        if n == 0 {
            return None;
        }
        self.role_phrase_at(q, former)
    }

    /// Determiners and "new" then a role phrase at `q`, kept if it ends like an apposition.
    fn role_phrase_at(&self, mut q: usize, former: bool) -> Option<Role> {
        while matches!(self.lw(q), "the" | "a" | "an" | "new" | "its" | "their") {
            q += 1;
        }
        if self.brk(q) {
            return None;
        }
        let mut parsed = self.parse(q, self.ws.len(), After::After)?;
        if !self.phrase_ends(parsed.end) {
            return None;
        }
        parsed.former |= former;
        Some(self.to_role(parsed))
    }

    /// "X has been appointed (as) the new Law Minister", "X was named ambassador to ...".
    fn appointed(&self, mut p: usize) -> Option<Role> {
        let mut n = 0;
        while n < 3
            && matches!(
                self.lw(p),
                "has" | "have" | "had" | "was" | "is" | "been" | "will" | "be" | "being"
            )
        {
            p += 1;
            n += 1;
        }
        if !matches!(
            self.lw(p),
            "appointed"
                | "named"
                | "made"
                | "elected"
                | "became"
                | "becomes"
                | "promoted"
                | "nominated"
                | "designated"
                | "reappointed"
                | "re-elected"
        ) {
            return None;
        }
        p += 1;
        if matches!(self.lw(p), "as" | "to") {
            p += 1;
        }
        self.role_phrase_at(p, false)
    }

    /// "Russia's foreign minister, Sergey Lavrov, said": a role phrase ending at the comma
    /// right before the name (words a..b), not the apposition of a person before it.
    fn comma_before(&self, a: usize, b: usize) -> Option<Role> {
        // "a meteorologist with the weather service, Ms Hayley Adams, said".
        let mut a = a;
        while a > 0
            && !self.brk(a)
            && matches!(self.title_at(a - 1), Some((1, h)) if h.is_empty() || HONORIFICS.contains(&h))
        {
            a -= 1;
        }
        if a < 2 || self.kind(a - 1) != Some(Wk::Punct(',')) || self.brk(a) || self.brk(a - 1) {
            return None;
        }
        // After the name: a comma, a full stop, "and", a verb; not another name.
        if !self.brk(b) && matches!(self.kind(b), Some(Wk::Cap | Wk::Upper)) {
            return None;
        }
        let limit = a - 1;
        let mut lo = self.chain_start(limit);
        // The chain may end before a short prepositional phrase ("judge in the case,").
        // The earliest such preposition: "with the weather service in Houston,".
        if let Some(j) = (limit.saturating_sub(7)..limit).find(|&j| self.short_phrase(j, limit)) {
            lo = lo.min(self.chain_start(j));
        }
        for s in lo..limit {
            let Some(p) = self.parse(s, limit, After::After) else {
                continue;
            };
            // "the presiding judge in the case, Nathalie Gavarino": a short prepositional
            // phrase may stand between the role and the comma.
            if p.end != limit && !self.short_phrase(p.end, limit) {
                continue;
            }
            // "Yoon Suk-yeol, South Korea's president, Kishida ...": that role is Yoon's.
            let mut k = s;
            while k > 0 && matches!(self.lw(k - 1), "the" | "a" | "an") {
                k -= 1;
            }
            if k >= 2 && self.kind(k - 1) == Some(Wk::Punct(',')) && self.in_person(k - 2) {
                return None;
            }
            return Some(self.to_role(p));
        }
        None
    }

    /// Are words from..to a short prepositional phrase ("in the case", "with the weather
    /// service in Houston"): a preposition, then at most six words, no punctuation or name?
    fn short_phrase(&self, from: usize, to: usize) -> bool {
        to > from + 1
            && to - from <= 7
            && matches!(
                self.lw(from),
                "in" | "with" | "at" | "of" | "for" | "from" | "on"
            )
            && (from + 1..to).all(|i| {
                matches!(self.kind(i), Some(Wk::Lower | Wk::Cap | Wk::Upper))
                    && !self.in_person(i)
                    && !self.brk(i)
            })
    }

    /// "... of Sierra Leone", "... of the governing Patriotic Front" after a name.
    fn of_after(&self, b: usize) -> Option<(Option<[u8; 2]>, Option<Span>)> {
        if self.brk(b) || !self.is(b, "of") {
            return None;
        }
        let mut q = b + 1;
        if self.is(q, "the") {
            q += 1;
        }
        // "of the governing Patriotic Front", "of the opposition United Party ...".
        if matches!(
            self.lw(q),
            "governing" | "ruling" | "opposition" | "main" | "former"
        ) {
            q += 1;
        }
        let (_, c) = self.cand_at(q)?;
        if self.brk(q) {
            return None;
        }
        match self.aff(c) {
            Aff::Country(iso) if iso.is_some() => Some((iso, None)),
            Aff::Org => Some((c.country, Some(c.span))),
            _ => None,
        }
    }

    /// Parses a role phrase from word `p` (ends at or before `limit`): time words and
    /// affiliations, modifiers and a head, then complements.
    fn parse(&self, start: usize, limit: usize, mode: After) -> Option<Parsed> {
        // One scratch vector for all parses (taken, used, put back).
        let mut segs = std::mem::take(&mut *self.segs.borrow_mut());
        segs.clear();
        let parsed = self.parse_into(&mut segs, start, limit, mode);
        *self.segs.borrow_mut() = segs;
        parsed
    }

    fn parse_into(
        &self,
        segs: &mut Vec<Seg>,
        start: usize,
        limit: usize,
        mode: After,
    ) -> Option<Parsed> {
        let mut p = start;
        let mut former = false;
        let mut country: Option<[u8; 2]> = None;
        let mut org: Option<usize> = None;
        // Time words and affiliations: "former South Korean", "Australia's former", "the IMF's".
        for _ in 0..4 {
            if p >= limit || (p > start && self.brk(p)) {
                return None;
            }
            let wc = if matches!(self.kind(p), Some(Wk::Lower | Wk::Cap)) {
                self.class(p)
            } else {
                0
            };
            // "veteran firefighter", "renowned economist": praise, not the role.
            if wc & W_PRAISE != 0 && self.ws.get(p + 1).is_some_and(|w| w.kind == Wk::Lower) {
                p += 1;
                continue;
            }
            if wc & W_TIME != 0 {
                former |= wc & W_FORMER != 0;
                p += 1;
                // "ex-President": the hyphen may be its own token.
                if matches!(self.kind(p), Some(Wk::Punct('-'))) {
                    p += 1;
                }
                continue;
            }
            let Some((k, c)) = self.cand_at(p) else { break };
            if c.b > limit {
                return None;
            }
            match self.aff(c) {
                Aff::Country(iso) => country = country.or(iso),
                Aff::Org => {
                    org = org.or(Some(k));
                    country = country.or(c.country);
                }
                Aff::Place(iso) => country = country.or(iso),
                Aff::Word => segs.push(Seg::Verbatim(c.a, c.b)),
                Aff::Person | Aff::Other => return None,
            }
            p = c.b;
            if self.kind(p) == Some(Wk::Poss) {
                p += 1;
            }
        }
        // Modifiers and heads.
        let mut head_end = None;
        let mut head_segs = 0;
        let mut class = Class::Description;
        let mut all_title = true;
        let mut words = 0u8;
        let mut inner_org = false;
        let mut plural = false;
        while p < limit && words < 8 {
            if p > start && self.brk(p) {
                break;
            }
            let kind = self.kind(p);
            if !matches!(kind, Some(Wk::Cap | Wk::Upper | Wk::Lower)) {
                break;
            }
            if self.in_person(p) {
                break;
            }
            // A candidate inside the chain: "chief Pentagon spokesperson" (an organization
            // once), a party word ("Democratic Representative").
            if let Some((k, c)) = self.cand_at(p).filter(|(_, c)| c.b <= limit) {
                let aff = self.aff(c);
                let title_here = {
                    let t = self.title_at(p);
                    t.is_some()
                };
                if !title_here {
                    match aff {
                        Aff::Org if !inner_org && org.is_none() && !segs.is_empty() => {
                            inner_org = true;
                            org = Some(k);
                            all_title = false;
                            segs.push(Seg::Verbatim(c.a, c.b));
                            words = words.saturating_add(1);
                            p = c.b;
                            continue;
                        }
                        Aff::Word => {
                            segs.push(Seg::Verbatim(c.a, c.b));
                            all_title = false;
                            words = words.saturating_add(1);
                            p = c.b;
                            continue;
                        }
                        _ => break,
                    }
                }
            }
            let t = self.title_at(p);
            if let Some((n, canon)) = t.filter(|&(n, _)| p + n <= limit) {
                if canon.is_empty() {
                    break;
                }
                segs.push(Seg::Title(p, p + n, canon));
                p += n;
                words = words.saturating_add(u8::try_from(n).unwrap_or(1));
                head_end = Some(p);
                head_segs = segs.len();
                class = if canon == "counterpart" {
                    Class::Counterpart
                } else if HONORIFICS.contains(&canon) {
                    Class::Honorific
                } else {
                    Class::Title
                };
                continue;
            }
            let wc = self.class(p);
            if wc & W_SMALL != 0 {
                break;
            }
            // "PM Narendra Modi".
            if kind == Some(Wk::Upper)
                && self.wtext(p) == "PM"
                && p + 1 == limit
                && mode == After::Before
            {
                segs.push(Seg::Title(p, p + 1, "Prime Minister"));
                p += 1;
                words = words.saturating_add(2);
                head_end = Some(p);
                head_segs = segs.len();
                class = Class::Title;
                continue;
            }
            // "journalists Clare Gillis and James Foley", "conservative justices Brett
            // Kavanaugh": a plural head right before the names is shared by them.
            if mode == After::Before && p + 1 == limit && wc & W_PLURAL != 0 {
                if let Some((singular, title)) = singular_head(&self.low(p)) {
                    segs.push(Seg::Title(p, p + 1, singular));
                    p += 1;
                    words = words.saturating_add(1);
                    head_end = Some(p);
                    head_segs = segs.len();
                    plural = true;
                    if title {
                        class = Class::Title;
                    } else {
                        all_title = false;
                        class = Class::Description;
                    }
                    continue;
                }
            }
            if wc & W_PERSON != 0 {
                segs.push(Seg::Word(p));
                // Title case only for roles headed by a title ("deputy head" stays).
                all_title = false;
                p += 1;
                words = words.saturating_add(1);
                head_end = Some(p);
                head_segs = segs.len();
                if wc & W_WEAK != 0 {
                    class = Class::Honorific;
                } else if class < Class::Title || wc & W_TITLE_WORD == 0 {
                    class = Class::Description;
                }
                continue;
            }
            if wc & (W_MODIFIER | W_TITLE_WORD) != 0 {
                segs.push(Seg::Word(p));
                if wc & W_TITLE_WORD == 0 {
                    all_title = false;
                }
                p += 1;
                words = words.saturating_add(1);
                continue;
            }
            break;
        }
        let mut end = head_end?;
        segs.truncate(head_segs);
        // "Minister of Law and Justice", "Minister of Energy, Industry and Mineral Resources":
        // a title ending in its own "of" phrase goes on with the list it coordinates.
        if let Some(&Seg::Title(a, b, _)) = segs.last() {
            if b == end && (a + 1..b).any(|i| matches!(self.lw(i), "of" | "for")) {
                let tail = self.list_tail(end, limit);
                if tail > end {
                    segs.push(Seg::Verbatim(end, tail));
                    words = words.saturating_add(1);
                    end = tail;
                }
            }
        }
        // "official in charge of capital markets,": the duty, up to the punctuation after it.
        if let Some(e) = self.in_charge_of(end, limit) {
            segs.push(Seg::Verbatim(end, e));
            words = words.saturating_add(2);
            end = e;
        }
        let mut p = end;
        // Complements: "of the WHO", "to the European Union", "for Syria", "at Nomura".
        // "of Pakistan" names the country, which goes to `country` as a country before the
        // role does ("Prime Minister of Pakistan" -> Prime Minister, Pakistan).
        for nth in 0..2 {
            let Some((e, c_org, c_country)) = self.complement(p, limit, mode, nth == 0) else {
                break;
            };
            if let Some(k) = c_org {
                org = org.or(Some(k));
            }
            let of = self.is(p, "of");
            let named = if of && c_org.is_none() {
                self.country_phrase(p + 1, e)
            } else {
                None
            };
            let country_only = named.is_some();
            let c_country = c_country.or(named);
            // "envoy to Syria", "ambassador for Ukraine": the country the role is about, not
            // the person's own.
            if of {
                country = country.or(c_country);
            }
            if !country_only {
                segs.push(Seg::Verbatim(p, e));
                words = words.saturating_add(2);
            }
            p = e;
        }
        if country.is_some() || org.is_some() {
            words = words.saturating_add(1);
        }
        let text = self.render(segs, all_title);
        if text.is_empty() {
            return None;
        }
        Some(Parsed {
            end: p,
            text,
            country,
            org,
            former,
            class,
            words,
            plural,
        })
    }

    /// A prepositional complement at word `p`: (end, organization candidate, country).
    /// `first`: the first complement after the head (only it may be "at"/"with"/"in"/"from":
    /// not "Prime Minister of Pakistan at the Temple Trees").
    fn complement(
        &self,
        p: usize,
        limit: usize,
        mode: After,
        first: bool,
    ) -> Option<(usize, Option<usize>, Option<[u8; 2]>)> {
        if p >= limit || self.brk(p) {
            return None;
        }
        let prep = self.lw(p);
        let naming = matches!(prep, "of" | "for" | "to" | "on");
        let joining = first && matches!(prep, "at" | "with" | "in" | "from");
        if !naming && !joining {
            return None;
        }
        let mut q = p + 1;
        if self.is(q, "the") {
            q += 1;
        }
        if q >= limit || self.brk(q) {
            return None;
        }
        let mut org = None;
        let mut country = None;
        // "of Treasury's Office of ...": a possessive organization or country first.
        if let Some((k, c)) = self.cand_at(q) {
            if c.b < limit && self.kind(c.b) == Some(Wk::Poss) {
                match self.aff(c) {
                    Aff::Org => org = Some(k),
                    Aff::Country(iso) => country = iso,
                    _ => {}
                }
                q = c.b + 1;
            }
        }
        let cand = self.cand_at(q).filter(|(_, c)| c.b <= limit);
        // A place the tagger guessed and no list holds ("Minister of Health and Family
        // Welfare", "strategist at Wachovia Securities"): read as the words it is.
        let guessed_place = cand
            .is_some_and(|(_, c)| c.entry.is_none() && matches!(c.label, Label::Gpe | Label::Loc));
        let end = if let Some((k, c)) = cand.filter(|_| !guessed_place) {
            match self.aff(c) {
                // "at Nomura", "with the Fire Department": organizations only.
                Aff::Org if naming || c.label == Label::Org => {
                    org = Some(k);
                    country = country.or(c.country);
                }
                Aff::Country(iso) | Aff::Place(iso) if naming => country = country.or(iso),
                _ => return None,
            }
            c.b
        } else if naming {
            // A capitalized run: "Minister of Energy", "of Health and Family Welfare".
            let mut e = q;
            let mut k = q;
            while k < limit && k - q < 10 && !(k > q && self.brk(k)) {
                match self.kind(k) {
                    Some(Wk::Cap | Wk::Upper) if !self.in_person(k) => {
                        k += 1;
                        e = k;
                    }
                    // "of Saudi Arabia" after the run names the country, not the office.
                    Some(Wk::Lower | Wk::Punct('&'))
                        if k > q
                            && matches!(self.wtext(k), "and" | "&" | "of" | "the")
                            && matches!(self.kind(k + 1), Some(Wk::Cap | Wk::Upper))
                            && !(self.wtext(k) == "of" && self.country_at(k + 1)) =>
                    {
                        k += 1;
                    }
                    // "of Energy, Industry and Mineral Resources": a comma inside a list that
                    // ends in "and".
                    Some(Wk::Punct(',')) if k > q && self.list_goes_on(k + 1, limit) => {
                        k += 1;
                    }
                    _ => break,
                }
            }
            if e == q {
                return None;
            }
            // A country the rules folded into a title ("Prime Minister of Pakistan Imran
            // Khan" is one title item before the name).
            if country.is_none() {
                country = self.listed_country(q, e);
            }
            e
        } else if let Some((_, c)) = cand.filter(|_| first) {
            // "at Wachovia Securities": the place the tagger guessed is the employer.
            c.b
        } else {
            return None;
        };
        if mode == After::Before && end > limit {
            return None;
        }
        Some((end, org, country))
    }

    /// The end of "in charge of capital markets" at word `p`: at most five words after "of",
    /// none a name, then punctuation or a break.
    fn in_charge_of(&self, p: usize, limit: usize) -> Option<usize> {
        if !(self.lw(p) == "in" && self.lw(p + 1) == "charge" && self.lw(p + 2) == "of") {
            return None;
        }
        if (p + 1..p + 3).any(|i| self.brk(i)) {
            return None;
        }
        let mut k = p + 3;
        while k < limit && k < p + 8 && !self.brk(k) {
            match self.kind(k) {
                Some(Wk::Lower | Wk::Cap | Wk::Upper) if !self.in_person(k) => k += 1,
                _ => break,
            }
        }
        let closed = k >= self.ws.len()
            || self.brk(k)
            || matches!(self.kind(k), Some(Wk::Punct(',' | '.' | ';' | ')')));
        (k > p + 3 && closed && k <= limit).then_some(k)
    }

    /// The end of the capitalized list items coordinated after word `p` (", Industry and
    /// Mineral Resources", "and Justice"); `p` when none. No item starts with a title or a
    /// person's name ("and Prime Minister Modi").
    fn list_tail(&self, p: usize, limit: usize) -> usize {
        let item = |i: usize| {
            i < limit
                && !self.brk(i)
                && matches!(self.kind(i), Some(Wk::Cap | Wk::Upper))
                && !self.in_person(i)
                && self.title_at(i).is_none()
        };
        let mut end = p;
        let mut k = p;
        loop {
            let comma = self.kind(k) == Some(Wk::Punct(',')) && self.list_goes_on(k + 1, limit);
            if !comma && self.wtext(k) != "and" {
                return end;
            }
            let next = k + 1;
            if self.brk(k) || !item(next) {
                return end;
            }
            k = next;
            while item(k) {
                k += 1;
            }
            end = k;
        }
    }

    /// Do capitalized words from `k` go on to an "and" before the list ends ("Industry and
    /// Mineral Resources" after "Energy,")?
    fn list_goes_on(&self, k: usize, limit: usize) -> bool {
        let mut i = k;
        while i < limit && i < k + 4 && !self.brk(i) {
            match self.kind(i) {
                Some(Wk::Cap | Wk::Upper) if !self.in_person(i) => i += 1,
                Some(Wk::Lower) if i > k && self.wtext(i) == "and" => {
                    return matches!(self.kind(i + 1), Some(Wk::Cap | Wk::Upper))
                        && !self.in_person(i + 1);
                }
                _ => return false,
            }
        }
        false
    }

    /// Does a country's mention start at word `i`?
    fn country_at(&self, i: usize) -> bool {
        self.cand_at(i)
            .is_some_and(|(_, c)| matches!(self.aff(c), Aff::Country(Some(_))))
    }

    /// The country words a..b ("Pakistan", "the UAE") name, as one mention or a listed name.
    fn country_phrase(&self, a: usize, b: usize) -> Option<[u8; 2]> {
        let a = if self.is(a, "the") { a + 1 } else { a };
        let cand = self.cand_at(a).and_then(|(_, c)| match self.aff(c) {
            Aff::Country(iso) if c.b == b => iso,
            _ => None,
        });
        cand.or_else(|| self.listed_country(a, b))
    }

    /// The country words a..b name in the gazetteer, if they name one.
    fn listed_country(&self, a: usize, b: usize) -> Option<[u8; 2]> {
        let mut key = String::new();
        for i in a..b {
            push_key(&mut key, self.wtext(i));
        }
        self.g
            .lookup(&key)?
            .iter()
            .filter_map(|s| self.g.entry(s.entry))
            .find(|e| e.kind == Kind::Country)
            .and_then(|e| e.iso)
    }

    /// The words of words a..b as written (spaces normalized).
    fn verbatim(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for i in a..b {
            if i > a {
                self.gap(&mut out, i);
            }
            out.push_str(self.wtext(i));
        }
        out
    }

    /// Pushes what separates word `i` from the word before it: one space, or the text between
    /// them when that is not whitespace (the hyphen between split words), or nothing.
    fn gap(&self, out: &mut String, i: usize) {
        let (Some(prev), Some(w)) = (
            i.checked_sub(1).and_then(|k| self.ws.get(k)),
            self.ws.get(i),
        ) else {
            return;
        };
        let between = self.text.get(prev.span.end..w.span.start).unwrap_or(" ");
        if between.is_empty() {
            return;
        }
        if between.chars().all(char::is_whitespace) {
            out.push(' ');
        } else {
            out.push_str(between.trim());
        }
    }

    fn render(&self, segs: &[Seg], all_title: bool) -> String {
        let mut out = String::new();
        let mut last: Option<usize> = None;
        for s in segs {
            let (a, b) = match *s {
                Seg::Title(a, b, _) | Seg::Verbatim(a, b) => (a, b),
                Seg::Word(i) => (i, i + 1),
            };
            if last.is_some() {
                self.gap(&mut out, a);
            }
            match *s {
                Seg::Title(a, b, canon) => {
                    let written = self.verbatim(a, b);
                    let same = lower(&written).as_str() == lower(canon).as_str()
                        || written.to_lowercase().replace('-', " ")
                            == canon.to_lowercase().replace('-', " ");
                    if same && !all_title {
                        out.push_str(&written);
                    } else if !all_title && !written.chars().any(char::is_uppercase) {
                        // "conservative justices" -> "conservative justice".
                        out.push_str(&canon.to_lowercase());
                    } else {
                        out.push_str(canon);
                    }
                }
                Seg::Word(i) => {
                    let w = self.wtext(i);
                    if all_title && !small_word(&lower(w)) {
                        let mut cs = w.chars();
                        if let Some(f) = cs.next() {
                            out.extend(f.to_uppercase());
                            out.push_str(cs.as_str());
                        }
                    } else {
                        out.push_str(w);
                    }
                }
                Seg::Verbatim(a, b) => out.push_str(&self.verbatim(a, b)),
            }
            last = Some(b);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, Options};

    /// (role, country, org, former) of the person named `name` in `text`.
    fn info(text: &str, name: &str) -> (Option<String>, Option<String>, Option<String>, bool) {
        let found = extract(text, &Options::default());
        let e = found
            .entities
            .iter()
            .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
            .unwrap_or_else(|| panic!("{name} not found in {:#?}", found.entities));
        (e.role.clone(), e.country.clone(), e.org.clone(), e.former)
    }

    fn r(text: &str, name: &str) -> Option<String> {
        info(text, name).0
    }

    #[test]
    fn title_chains_before_the_name() {
        assert_eq!(
            r(
                "Deputy Foreign Minister Ana Reyes arrived on Monday.",
                "Ana Reyes"
            )
            .as_deref(),
            Some("Deputy Foreign Minister")
        );
        let (role, country, org, _) = info(
            "U.S. ambassador to the European Union Mark Hale said the talks went well.",
            "Mark Hale",
        );
        assert_eq!(role.as_deref(), Some("Ambassador to the European Union"));
        assert_eq!(country.as_deref(), Some("United States"));
        assert_eq!(org.as_deref(), Some("European Union"));
        assert_eq!(
            r("The sprinter Ji Yun won the final.", "Ji Yun").as_deref(),
            Some("sprinter")
        );
        let (role, _, org, _) = info(
            "Police arrested the attacker of conservative activist Tom Hill.",
            "Tom Hill",
        );
        assert_eq!(
            (role.as_deref(), org),
            (Some("conservative activist"), None)
        );
    }

    #[test]
    fn organizations_before_the_role() {
        let (role, _, org, _) = info(
            "The plan was backed by Hamas political chief Omar Saleh in Doha.",
            "Omar Saleh",
        );
        assert_eq!(role.as_deref(), Some("political chief"));
        assert_eq!(org.as_deref(), Some("Hamas"));
    }

    #[test]
    fn appositions_after_the_name() {
        let (role, _, org, former) = info(
            "Olu Hart, a former deputy head of the WHO, said the outbreak was over.",
            "Olu Hart",
        );
        assert_eq!(role.as_deref(), Some("deputy head of the WHO"));
        assert!(former);
        assert_eq!(org.as_deref(), Some("World Health Organization"));
        let (role, _, org, _) = info(
            "Lee Min, spokesperson for the Defense Ministry, declined to comment.",
            "Lee Min",
        );
        assert_eq!(
            role.as_deref(),
            Some("Spokesperson for the Defense Ministry")
        );
        assert!(org.is_some_and(|o| o.contains("Defense Ministry")));
        assert_eq!(
            r(
                "Jonah Evans, 25, a witness to the collision, said it was loud.",
                "Jonah Evans"
            )
            .as_deref(),
            Some("witness")
        );
    }

    #[test]
    fn role_before_a_comma_and_the_name() {
        let (role, country, _, _) = info(
            "Russia's foreign minister, Sergey Lavrov, said on Monday that talks would resume.",
            "Sergey Lavrov",
        );
        assert_eq!(role.as_deref(), Some("Foreign Minister"));
        assert_eq!(country.as_deref(), Some("Russia"));
        assert_eq!(
            r(
                "The plaintiff, Marlean Ames, alleged she was demoted.",
                "Marlean Ames"
            )
            .as_deref(),
            Some("plaintiff")
        );
    }

    #[test]
    fn relative_clauses_and_appointments() {
        let (role, _, org, _) = info(
            "The report was presented by Tedros Adhanom, who heads the WHO, in Geneva.",
            "Tedros Adhanom",
        );
        assert_eq!(role.as_deref(), Some("head of the WHO"));
        assert_eq!(org.as_deref(), Some("World Health Organization"));
        assert_eq!(
            r(
                "Arjun Meghwal has been appointed as the new Law Minister.",
                "Arjun Meghwal"
            )
            .as_deref(),
            Some("Law Minister")
        );
    }

    #[test]
    fn title_before_the_short_name_only() {
        let text = "Bola Okafor arrived in Abuja. President Okafor said the vote was fair.";
        assert_eq!(r(text, "Bola Okafor").as_deref(), Some("President"));
    }

    #[test]
    fn no_leak_to_the_next_name() {
        let text = "Prime Minister Ana Reyes met Tom Baker and Sara Berg in Manila.";
        assert_eq!(r(text, "Ana Reyes").as_deref(), Some("Prime Minister"));
        assert_eq!(r(text, "Tom Baker"), None);
        assert_eq!(r(text, "Sara Berg"), None);
        let text = "The talks included CIA director Bill Burns, Mossad chief David Barnea, \
                    Qatari Prime Minister Sheikh Mohammed bin Jassim and others.";
        assert_eq!(r(text, "Bill Burns").as_deref(), Some("Director"));
        assert_eq!(r(text, "David Barnea").as_deref(), Some("chief"));
        let (role, country, _, _) = info(text, "Mohammed bin Jassim");
        assert_eq!(role.as_deref(), Some("Prime Minister"));
        assert_eq!(country.as_deref(), Some("Qatar"));
    }

    #[test]
    fn former_is_kept_and_the_most_specific_role_wins() {
        let text = "Former Premier Ana Reyes spoke. Reyes, a lawyer, left early.";
        let (role, _, _, former) = info(text, "Ana Reyes");
        assert_eq!(role.as_deref(), Some("Premier"));
        assert!(former);
        let text = "Tom Hill, a lawyer, spoke first. Later Defence Secretary Tom Hill left.";
        assert_eq!(r(text, "Tom Hill").as_deref(), Some("Defence Secretary"));
    }

    #[test]
    fn descriptions_keep_their_words() {
        assert_eq!(
            r(
                "China's top diplomat Wang Yi met officials in Jakarta.",
                "Wang Yi"
            )
            .as_deref(),
            Some("top diplomat")
        );
    }

    #[test]
    fn title_complements_before_the_name() {
        let text = "Defence Minister Raj Singh and US Secretary of War Pete Hale signed it. \
                    Russian Minister of Energy Alexander Novak, Khalid Faleh and others met.";
        let (role, country, _, _) = info(text, "Pete Hale");
        assert_eq!(role.as_deref(), Some("Secretary of War"));
        assert_eq!(country.as_deref(), Some("United States"));
        let (role, country, _, _) = info(text, "Alexander Novak");
        assert_eq!(role.as_deref(), Some("Minister of Energy"));
        assert_eq!(country.as_deref(), Some("Russia"));
        // Novak's title does not leak to the name after the comma.
        assert_eq!(r(text, "Khalid Faleh"), None);
        let text = "The UN envoy to Syria Staffan de Mistura arrived on Monday.";
        let (role, country, org, _) = info(text, "Staffan de Mistura");
        assert_eq!(role.as_deref(), Some("Envoy to Syria"));
        assert_eq!((country, org.as_deref()), (None, Some("United Nations")));
        let text = "Prime Minister of Pakistan Imran Khan arrived.";
        let (role, country, _, _) = info(text, "Imran Khan");
        assert_eq!(
            (role.as_deref(), country.as_deref()),
            (Some("Prime Minister"), Some("Pakistan"))
        );
    }

    #[test]
    fn coordinated_portfolios_and_guessed_places() {
        let text =
            "Omar Haddad, Minister of Energy, Industry and Mineral Resources of Saudi Arabia, \
                    spoke. Tom Reed: Minister of Law and Justice. \
                    Sara Lind, senior equity strategist at Wachovia Securities, said so.";
        assert_eq!(
            r(text, "Omar Haddad").as_deref(),
            Some("Minister of Energy, Industry and Mineral Resources")
        );
        assert_eq!(
            r(text, "Tom Reed").as_deref(),
            Some("Minister of Law and Justice")
        );
        assert_eq!(
            r(text, "Sara Lind").as_deref(),
            Some("senior equity strategist at Wachovia Securities")
        );
        // A title in the list is another person's ("and Prime Minister Ana Reyes").
        let text = "Minister of Health Tom Reed and Prime Minister Ana Reyes met.";
        assert_eq!(r(text, "Tom Reed").as_deref(), Some("Minister of Health"));
    }

    #[test]
    fn role_and_a_short_phrase_before_a_comma_and_the_name() {
        let text = "However, the presiding judge in the case, Ana Reyes, ruled on Monday.";
        assert_eq!(r(text, "Ana Reyes").as_deref(), Some("presiding judge"));
    }

    #[test]
    fn a_capitalized_title_after_the_name() {
        let text = "\"It is a first shot,\" said Rafi Khan, Head of Data Privacy at Pillsbury Law.";
        let found = extract(text, &Options::default());
        assert!(found.entity_named("Head").is_none());
        assert!(r(text, "Rafi Khan").is_some_and(|r| r.starts_with("Head of Data Privacy")));
    }

    #[test]
    fn a_duty_in_charge_of() {
        let text = "Tom Reed, the IMF's official in charge of capital markets, warned of risks.";
        let (role, _, org, _) = info(text, "Tom Reed");
        assert_eq!(
            role.as_deref(),
            Some("official in charge of capital markets")
        );
        assert_eq!(org.as_deref(), Some("International Monetary Fund"));
        // Not closed by punctuation: no duty read.
        let text = "Tom Reed, the official in charge of the economy and many other things said so.";
        assert_eq!(r(text, "Tom Reed").as_deref(), Some("official"));
    }

    #[test]
    fn a_definite_description_in_the_next_sentence() {
        let text = "Ana Reyes says the talks will go on. The French President added that a deal \
                    was near.";
        let (role, country, _, _) = info(text, "Ana Reyes");
        assert_eq!(
            (role.as_deref(), country.as_deref()),
            (Some("President"), Some("France"))
        );
        // Two people in the sentence before: no guess.
        let text =
            "Ana Reyes met Tom Reed on Monday. The French President added that it went well.";
        assert_eq!(r(text, "Ana Reyes"), None);
        // A role of its own wins.
        let text = "Ana Reyes, a lawyer, spoke. Reyes said no. The French President added more.";
        assert_eq!(r(text, "Ana Reyes").as_deref(), Some("lawyer"));
    }

    #[test]
    fn a_title_or_honorific_the_tagger_split_off() {
        let text = "The tally was close, with Rep. Collin Peterson voting no.";
        assert_eq!(
            r(text, "Collin Peterson").as_deref(),
            Some("Representative")
        );
        let text = "On May 3, a meteorologist with the weather service in Houston, Ms Ana Reyes, \
                    said it rained.";
        let found = extract(text, &Options::default());
        assert!(found.entity_named("Ms").is_none());
        assert_eq!(r(text, "Ana Reyes").as_deref(), Some("meteorologist"));
    }

    #[test]
    fn a_name_goes_on_after_a_word_that_is_also_a_place() {
        let text =
            "Prime Minister Jose Maria Pereira Neves arrived. Luis Van Gaal left out no one.";
        assert_eq!(
            r(text, "Jose Maria Pereira Neves").as_deref(),
            Some("Prime Minister")
        );
        let found = extract(text, &Options::default());
        assert!(found.entity_named("Luis Van Gaal").is_some());
    }
}
