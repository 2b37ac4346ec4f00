//! Canonical entities: grouping mentions by key, acronyms, surnames, tagger merge.

use std::fmt::Write as _;

use dateline_text::Span;

use crate::extract::{modified_title, title_match, Cand, Conf, Wk, W};
use crate::gazetteer::{fold_accents, push_key, slug, FxMap, Gazetteer, Kind, GAZETTEER};
use crate::lexicon::{EA_SURNAMES, GIVEN_NAMES, NEVER_NAME};
use crate::roles::Role;
use crate::tagger::{CoarseLabel, Tagged};
use crate::{Entities, Entity, Label, Mention};

fn wtext<'t>(text: &'t str, w: &W) -> &'t str {
    w.span.slice(text).unwrap_or("")
}

/// Merges the statistical tagger's mentions into the rule candidates: titles, head words,
/// curated entities and acronyms win ([`hard`]); a confident tagger span decides span and
/// coarse type over country, city and demonym matches; the tagger types what the rules
/// only guessed, and default guesses it did not tag are dropped ([`keep_untagged`]).
pub(crate) fn merge_tagger(text: &str, ws: &[W], cands: Vec<Cand>, tagged: &[Tagged]) -> Vec<Cand> {
    let g = &*GAZETTEER;
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len() + tagged.len());
    let mut ci = 0;
    // Word index by byte start, for mapping tagger spans onto words.
    let word_at = |start: usize| ws.binary_search_by_key(&start, |w| w.span.start).ok();
    let word_end = |end: usize| ws.binary_search_by(|w| w.span.end.cmp(&end)).ok();
    let mut cands = cands.into_iter().peekable();
    let mut pending: Vec<Cand> = Vec::new();
    for t in tagged {
        // Pass through candidates that end before this tagged span.
        while let Some(c) = cands.peek() {
            if c.span.end <= t.span.start {
                // A lone word after "in" that the tagger did not tag is not kept.
                if let Some(c) = cands.next().filter(keep_untagged) {
                    out.push(c);
                }
            } else {
                break;
            }
        }
        pending.clear();
        while let Some(c) = cands.peek() {
            if c.span.start < t.span.end {
                if let Some(c) = cands.next() {
                    pending.push(c);
                }
            } else {
                break;
            }
        }
        // A tagged span cutting into a candidate already placed (the tagger split a name
        // the rules kept whole) adds nothing.
        if out.last().is_some_and(|c| c.span.end > t.span.start) {
            out.append(&mut pending);
            continue;
        }
        // A confident tagger decides span and coarse type over a place or demonym list
        // match ("Japan" the football team, "Leicestershire beat Essex"): such names are
        // ambiguous and the tagger reads their context. A list match of the same span and
        // coarse type stays as it is (it carries the fine label and the gazetteer link).
        // Only a span of name-like words may override ("Summit in Bali" may not), and not
        // one that joins names with a hyphen ("South Korea-China relations", "US-China
        // rivalry" are two list names, not one place).
        let tagged = t.span.slice(text).unwrap_or("");
        let joins_names = tagged
            .split(['-', '\u{2013}'])
            .skip(1)
            .any(|part| part.starts_with(char::is_uppercase));
        let confident = t.score >= CONFIDENT
            && !joins_names
            && !tagged
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_lowercase));
        if let [c] = pending.as_slice() {
            if c.span == t.span && c.conf == Conf::Strong && coarse_of(c.label) == t.label {
                out.append(&mut pending);
                continue;
            }
        }
        // A list place right after "in", "near" ... stays the place even where the tagger,
        // reading the document, calls the name a club ("streets of Leeds ... in Leeds").
        // A confident person span of several words opening with a given name beats the
        // place names inside it ("George Washington").
        let given_person = confident
            && t.label == CoarseLabel::Per
            && pending
                .iter()
                .all(|c| c.title.is_none() && c.span != t.span)
            && tagged.split_whitespace().nth(1).is_some()
            && tagged
                .split_whitespace()
                .next()
                .is_some_and(|w| GIVEN_NAMES.contains(w.to_lowercase().as_str()));
        let place = |c: &Cand| {
            c.entry
                .and_then(|e| g.entry(e))
                .is_some_and(|e| matches!(e.kind, Kind::Place | Kind::City | Kind::Country))
        };
        let strong = pending.iter().any(|c| {
            c.conf == Conf::Strong
                && (!confident
                    || (hard(text, c, g) && !(given_person && place(c)))
                    || (t.label != CoarseLabel::Loc
                        && c.span == t.span
                        && in_place_context(text, ws, c.a)))
        });
        let (Some(a), Some(b)) = (word_at(t.span.start), word_end(t.span.end).map(|e| e + 1))
        else {
            out.append(&mut pending);
            continue;
        };
        if strong || a >= b {
            out.append(&mut pending);
            continue;
        }
        // Trim a leading "the" the tagger may include.
        let mut a = a;
        while a < b && wtext(text, &ws[a]).eq_ignore_ascii_case("the") {
            a += 1;
        }
        if a >= b
            || ws[a..b]
                .iter()
                .any(|w| w.brk && w.span.start > ws[a].span.start)
        {
            out.append(&mut pending);
            continue;
        }
        // A title closing the span before a name is the name's, not part of the span
        // ("Health Ministry Permanent Secretary, Doctor James Fong").
        let name_after = t.label != CoarseLabel::Per
            && b > a + 1
            && (ws.get(b).is_some_and(|w| w.kind == Wk::Cap && !w.brk)
                || (ws.get(b).is_some_and(|w| w.kind == Wk::Punct(','))
                    && ws.get(b + 1).is_some_and(|w| w.kind == Wk::Cap && !w.brk)));
        let mut b = b;
        let mut tbuf = String::new();
        if name_after {
            if let Some(k) = (a + 1..b).find(|&k| {
                ws[k].kind == Wk::Cap
                    && title_match(text, ws, k, &mut tbuf)
                        .or_else(|| modified_title(text, ws, k, &mut tbuf))
                        .is_some_and(|(n, r)| k + n == b && !r.is_empty())
            }) {
                b = k;
            }
        }
        // A span that ends inside a title ("South Korean Prime" before "Minister Han")
        // is a tagger slip: titles stay outside names, the rules' candidates stand.
        // So is one that starts inside a title ("Defense" of "Secretary of Defense Chuck
        // Hagel").
        let mut buf = String::new();
        if (a..b).any(|k| title_match(text, ws, k, &mut buf).is_some_and(|(n, _)| k + n > b))
            || (a >= 2
                && matches!(wtext(text, &ws[a - 1]), "of" | "for")
                && (a.saturating_sub(3)..a).any(|k| {
                    !ws[k + 1..=a].iter().any(|w| w.brk)
                        && title_match(text, ws, k, &mut buf).is_some_and(|(n, _)| k + n > a)
                }))
        {
            out.append(&mut pending);
            continue;
        }
        // A span that opens or closes on punctuation ("LRB" of a "-LRB-" bracket token) is
        // no name.
        if matches!(ws[a].kind, Wk::Punct(_)) || matches!(ws[b - 1].kind, Wk::Punct(_)) {
            out.append(&mut pending);
            continue;
        }
        let span = Span::new(ws[a].span.start, ws[b - 1].span.end);
        if b == a + 1 && pending.iter().all(|c| c.conf == Conf::Weak) {
            // A lone word the rules rejected: common words and never-names stay out.
            let low = wtext(text, &ws[a]).to_lowercase();
            if NEVER_NAME.contains(low.as_str())
                || (g.is_common(&low) && (ws[a].start || ws[a].kind == Wk::Upper))
            {
                continue;
            }
        }
        let label = coarse_to_label(text, span, t.label, t.score, g, &pending);
        out.push(Cand {
            a,
            b,
            span,
            label,
            conf: Conf::Default,
            entry: None,
            country: None,
            title: None,
            role: None,
        });
        // Keep the title evidence a replaced candidate of the same words had.
        if let (Some(last), Some(p)) = (
            out.last_mut(),
            pending
                .iter()
                .find(|p| p.title.is_some() && p.a >= a && p.b <= b),
        ) {
            if last.label == Label::Person {
                last.title = p.title;
            }
        }
        let _ = ci;
        ci += 1;
    }
    out.extend(cands.filter(keep_untagged));
    out
}

/// Keeps a rule candidate the tagger did not tag at all: strong evidence stays, and so
/// do lone capitalized words kept for linking ("Xi"), except a lone place guess after "in".
/// A mention typed only by a default rule ("CRICKET" in an all-caps heading, three
/// capitalized words) is dropped: the tagger read it in context and found no name.
fn keep_untagged(c: &Cand) -> bool {
    match c.conf {
        Conf::Strong => true,
        Conf::Weak => c.label != Label::Gpe,
        Conf::Default => false,
    }
}

/// Tagger score above which its span and coarse type beat a place or demonym list match.
const CONFIDENT: f32 = 0.8;

/// The CoNLL type of an OntoNotes label.
fn coarse_of(l: Label) -> CoarseLabel {
    match l {
        Label::Person => CoarseLabel::Per,
        Label::Org => CoarseLabel::Org,
        Label::Gpe | Label::Loc | Label::Fac => CoarseLabel::Loc,
        _ => CoarseLabel::Misc,
    }
}

/// Strong rule evidence the tagger never overrides: a title or role before a person, an
/// organization head word, a curated person, organization, body, event or place, an
/// acronym. Country, city and demonym names are ambiguous in context (a national team, a
/// club) and yield to a confident tagger.
fn hard(text: &str, c: &Cand, g: &Gazetteer) -> bool {
    if c.title.is_some() {
        return true;
    }
    // An acronym surface ("ROK", "DPRK", "US") is a curated alternate name, not a guess.
    let acronym = c
        .span
        .slice(text)
        .is_some_and(|s| !s.chars().any(char::is_lowercase));
    match c.entry.and_then(|e| g.entry(e)) {
        Some(e) => acronym || !matches!(e.kind, Kind::Country | Kind::City | Kind::Demonym),
        None => true,
    }
}

fn coarse_to_label(
    text: &str,
    span: Span,
    l: CoarseLabel,
    score: f32,
    g: &Gazetteer,
    pending: &[Cand],
) -> Label {
    if let Some(p) = pending
        .iter()
        .find(|p| p.span == span && p.conf == Conf::Default)
    {
        // Same span: the rules' type stands unless the tagger is confident.
        if score < 0.75
            || matches!(
                (l, p.label),
                (CoarseLabel::Per, Label::Person) | (CoarseLabel::Org, Label::Org)
            )
        {
            return p.label;
        }
    }
    match l {
        CoarseLabel::Per => Label::Person,
        CoarseLabel::Org => Label::Org,
        CoarseLabel::Loc => {
            let mut k = String::new();
            push_key(&mut k, span.slice(text).unwrap_or(""));
            let loc = g
                .lookup(&k)
                .and_then(|v| v.first())
                .and_then(|s| g.entry(s.entry))
                .is_some_and(|e| e.label == Label::Loc);
            if loc {
                Label::Loc
            } else {
                Label::Gpe
            }
        }
        CoarseLabel::Misc => {
            let s = span.slice(text).unwrap_or("");
            let words = s.split_whitespace().count();
            // A phrase that ends in a demonym-shaped word is a group ("East Asian",
            // "Latin Americans"); one that ends in a noun ("Korean War", "Asian Cup") is not.
            let last = s.split_whitespace().last().unwrap_or("");
            let norp_like = last.ends_with("an")
                || last.ends_with("ans")
                || last.ends_with("ese")
                || last.ends_with("ish")
                || last.ends_with('i');
            // Lone MISC words are mostly nationalities and groups ("Kurdish"); longer
            // ones mostly events and titles.
            if norp_like || words == 1 {
                Label::Norp
            } else {
                Label::Event
            }
        }
    }
}

/// Does `acr` abbreviate `name`? The acronym's first letter starts the name and its letters
/// appear in order in the name ("CCTV" / "China Central Television").
pub(crate) fn is_acronym(acr: &str, name: &str) -> bool {
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let words = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if letters.len() < 2 || words < 2 || words > letters.len() + 2 {
        return false;
    }
    let mut it = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric());
    if it.clone().next() != letters.first().copied() {
        return false;
    }
    // Every word initial (of capitalized words) should be used: a cheap check on counts.
    letters.iter().all(|l| it.any(|c| c == *l))
}

fn family_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let first = words[0].to_lowercase();
    if EA_SURNAMES.contains(first.as_str()) {
        Some(first)
    } else {
        words.last().map(|w| {
            let mut f = w.to_lowercase();
            fold_accents(&mut f);
            f
        })
    }
}

/// A surname particle ("de", "van", "al"), in any case.
fn particle(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "al"
            | "el"
            | "le"
            | "la"
            | "bin"
            | "ben"
    )
}

struct Group {
    cands: Vec<usize>,
    entry: Option<u32>,
    label: Label,
    body_cc: Option<[u8; 2]>,
}

/// The class of labels whose mentions of one surface form are one entity.
fn key_class(l: Label) -> &'static str {
    match l {
        Label::Gpe | Label::Loc => "place",
        _ => l.id_prefix(),
    }
}

/// Is word `a` right after a lowercase locative preposition ("in Leeds", "near Seoul")?
fn in_place_context(text: &str, ws: &[W], a: usize) -> bool {
    let Some(prev) = a.checked_sub(1).and_then(|k| ws.get(k)) else {
        return false;
    };
    let brk = ws.get(a).map_or(true, |w| w.brk);
    !brk && prev.kind == Wk::Lower
        && matches!(
            wtext(text, prev),
            "in" | "near" | "outside" | "across" | "around" | "throughout" | "inside"
        )
}

/// Groups candidates into canonical entities.
pub(crate) fn build(text: &str, ws: &[W], cands: Vec<Cand>) -> Entities {
    let g = &*GAZETTEER;
    let mut cands = cands;
    // Acronyms defined in text: "China Central Television (CCTV)".
    let mut acronym_of: FxMap<String, usize> = FxMap::default();
    for (i, c) in cands.iter().enumerate() {
        let b = c.b;
        let open = ws.get(b).is_some_and(|w| w.kind == Wk::Punct('('));
        let close = ws.get(b + 2).is_some_and(|w| w.kind == Wk::Punct(')'));
        let Some(aw) = ws.get(b + 1) else { continue };
        if !(open && close && aw.kind == Wk::Upper) {
            continue;
        }
        let acr = wtext(text, aw);
        if is_acronym(acr, c.span.slice(text).unwrap_or("")) {
            let mut k = String::new();
            push_key(&mut k, acr);
            acronym_of.entry(k).or_insert(i);
        }
    }
    // Make sure every occurrence of a defined acronym is a mention.
    if !acronym_of.is_empty() {
        let mut extra = Vec::new();
        let mut k = String::new();
        let mut ci = 0;
        for (wi, w) in ws.iter().enumerate() {
            if w.kind != Wk::Upper {
                continue;
            }
            while ci < cands.len() && cands[ci].b <= wi {
                ci += 1;
            }
            let covered = ci < cands.len() && cands[ci].a <= wi;
            k.clear();
            push_key(&mut k, wtext(text, w));
            if !covered {
                if let Some(&def) = acronym_of.get(&k) {
                    let label = cands[def].label;
                    extra.push(Cand {
                        a: wi,
                        b: wi + 1,
                        span: w.span,
                        label,
                        conf: Conf::Strong,
                        entry: None,
                        country: None,
                        title: None,
                        role: None,
                    });
                }
            }
        }
        if !extra.is_empty() {
            cands.extend(extra);
            cands.sort_by_key(|c| (c.span.start, c.span.end));
            // Recompute definitions' indices after the sort.
            acronym_of.clear();
            for (i, c) in cands.iter().enumerate() {
                let b = c.b;
                if let (Some(o), Some(aw), Some(cl)) = (ws.get(b), ws.get(b + 1), ws.get(b + 2)) {
                    if o.kind == Wk::Punct('(') && cl.kind == Wk::Punct(')') && aw.kind == Wk::Upper
                    {
                        let acr = wtext(text, aw);
                        if is_acronym(acr, c.span.slice(text).unwrap_or("")) {
                            let mut k = String::new();
                            push_key(&mut k, acr);
                            acronym_of.entry(k).or_insert(i);
                        }
                    }
                }
            }
        }
    }
    let n = cands.len();
    // Group by key.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FxMap<String, usize> = FxMap::default();
    let mut group_of: Vec<Option<usize>> = vec![None; n];
    let mut key = String::new();
    let (mut entry_buf, mut name_buf) = (String::new(), String::new());
    for i in 0..n {
        let c = &cands[i];
        if c.conf == Conf::Weak {
            continue;
        }
        key.clear();
        push_key(&mut key, c.span.slice(text).unwrap_or(""));
        fold_accents(&mut key);
        let target = acronym_of
            .get(&key)
            .copied()
            .filter(|&d| d != i)
            .and_then(|d| group_of[d]);
        // Two keys: the gazetteer entry (a body per country), and the surface form within
        // a type class. Mentions of one surface form but different types stay apart ("Leeds"
        // the club, ORG, and "Leeds" the city); a list match and an unlinked mention of
        // the same form and class are one entity, the list's. GPE and LOC form one class
        // (the same place read as a country or a region).
        let body = c
            .entry
            .and_then(|e| g.entry(e))
            .is_some_and(|e| e.kind == Kind::Body);
        // Keys are written into reused buffers: a String is made only for a new key.
        let entry_k: Option<&str> = match (c.entry, c.country) {
            (Some(e), Some(cc)) if body => {
                entry_buf.clear();
                let _ = write!(entry_buf, "e{e}:{}{}", cc[0] as char, cc[1] as char);
                Some(&entry_buf)
            }
            (Some(e), _) => {
                entry_buf.clear();
                let _ = write!(entry_buf, "e{e}");
                Some(&entry_buf)
            }
            (None, _) => None,
        };
        let name_k: Option<&str> = if body {
            None
        } else {
            name_buf.clear();
            name_buf.push_str(key_class(c.label));
            name_buf.push(':');
            name_buf.push_str(&key);
            Some(&name_buf)
        };
        let by_name = name_k.and_then(|k| by_key.get(k).copied()).filter(|&gi| {
            c.entry.is_none() || groups[gi].entry.map_or(true, |e| Some(e) == c.entry)
        });
        let found = target
            .or_else(|| entry_k.and_then(|k| by_key.get(k).copied()))
            .or(by_name);
        let gi = match found {
            Some(gi) => {
                if groups[gi].entry.is_none() && !body {
                    if let Some(e) = c.entry {
                        groups[gi].entry = Some(e);
                    }
                }
                gi
            }
            None => {
                groups.push(Group {
                    cands: Vec::new(),
                    entry: c.entry,
                    label: c.label,
                    body_cc: c.country.filter(|_| {
                        c.entry
                            .and_then(|e| g.entry(e))
                            .is_some_and(|e| e.kind == Kind::Body)
                    }),
                });
                groups.len() - 1
            }
        };
        for k in [entry_k, name_k].into_iter().flatten() {
            if !by_key.contains_key(k) {
                by_key.insert(k.to_string(), gi);
            }
        }
        groups[gi].cands.push(i);
        group_of[i] = Some(gi);
    }
    // Surnames of multi-word people: "Xi" -> Xi Jinping, "Han" -> Han Duck-soo.
    let mut surnames: FxMap<String, Vec<(usize, usize)>> = FxMap::default();
    for (gi, gr) in groups.iter().enumerate() {
        if gr.label != Label::Person {
            continue;
        }
        let mut names: Vec<&str> = gr
            .cands
            .iter()
            .filter_map(|&i| cands[i].span.slice(text))
            .collect();
        if let Some(e) = gr.entry.and_then(|e| g.entry(e)) {
            names.push(&e.name);
        }
        let first_pos = gr.cands.first().map_or(0, |&i| cands[i].span.start);
        let mut seen: Vec<String> = Vec::new();
        for nm in names {
            // "Staffan de Mistura" is also "De Mistura": the surname with its particle.
            let words: Vec<&str> = nm.split_whitespace().collect();
            if let Some(j) = (1..words.len().saturating_sub(1)).find(|&j| particle(words[j])) {
                let mut tail = words[j..].join(" ").to_lowercase();
                fold_accents(&mut tail);
                if !seen.contains(&tail) {
                    surnames
                        .entry(tail.clone())
                        .or_default()
                        .push((gi, first_pos));
                    seen.push(tail);
                }
            }
            let Some(f) = family_name(nm) else { continue };
            // "Walid al-Moallem" is also "Moallem": the Arabic article drops.
            let bare = ["al-", "el-"]
                .iter()
                .find_map(|p| f.strip_prefix(p))
                .filter(|b| b.chars().count() > 2)
                .map(str::to_string);
            for f in std::iter::once(f).chain(bare) {
                if !seen.contains(&f) {
                    surnames.entry(f.clone()).or_default().push((gi, first_pos));
                    seen.push(f);
                }
            }
        }
    }
    // Two passes: surnames with a particle first ("De Mistura" joins "Staffan de Mistura"),
    // then lone surnames ("Mistura"), which follow a group the first pass emptied.
    for (pass, i) in (0..n).map(|i| (0, i)).chain((0..n).map(|i| (1, i))) {
        let c = &cands[i];
        let single = c.b == c.a + 1;
        // "De Mistura", "van der Berg": a surname with its particle, typed by a guess.
        let particle_tail = (c.b == c.a + 2 || c.b == c.a + 3)
            && ws.get(c.a).is_some_and(|w| particle(wtext(text, w)))
            && c.entry.is_none()
            && matches!(c.label, Label::Person | Label::Org | Label::Norp);
        if (pass == 0) != particle_tail {
            continue;
        }
        // A lone word the tagger read as a nationality or group but that no list knows
        // ("Shaqiri") is a surname when a full name ends with it.
        let linkable = particle_tail
            || single
                && (matches!(c.label, Label::Person | Label::Norp | Label::Org)
                    && c.entry.is_none()
                    || c.conf == Conf::Weak
                    || c.entry
                        .and_then(|e| g.entry(e))
                        .is_some_and(|e| e.kind == Kind::City));
        // A place after "in", "near" ... is the place, not a person's surname ("George
        // Washington ... in Washington").
        let place_context = c.entry.is_some() && in_place_context(text, ws, c.a);
        if !linkable || place_context {
            continue;
        }
        let mut low = c.span.slice(text).unwrap_or("").to_lowercase();
        fold_accents(&mut low);
        let Some(list) = surnames.get(&low) else {
            continue;
        };
        let pos = c.span.start;
        // Lists are in text order of first mention: the latest full name before, else the first.
        let before = list.partition_point(|(_, p)| *p <= pos);
        let pick = before
            .checked_sub(1)
            .and_then(|k| list.get(k))
            .or_else(|| list.first());
        let Some(&(mut gi, _)) = pick else { continue };
        // A group whose first member moved (a "De Mistura" now in "Staffan de Mistura"):
        // where it went (one look, so linking stays linear).
        if let Some(moved) = groups[gi]
            .cands
            .first()
            .and_then(|&first| group_of[first])
            .filter(|&to| to != gi)
        {
            gi = moved;
        }
        if group_of[i] == Some(gi) {
            continue;
        }
        cands[i].label = Label::Person;
        cands[i].entry = None;
        groups[gi].cands.push(i);
        group_of[i] = Some(gi);
    }
    // Remaining weak candidates: unknown lone words after a locative are places; others go.
    for i in 0..n {
        if group_of[i].is_none() && cands[i].conf == Conf::Weak && cands[i].label == Label::Gpe {
            key.clear();
            push_key(&mut key, cands[i].span.slice(text).unwrap_or(""));
            let k = format!("gpe:{key}");
            let gi = match by_key.get(&k) {
                Some(&gi) => gi,
                None => {
                    groups.push(Group {
                        cands: Vec::new(),
                        entry: None,
                        label: Label::Gpe,
                        body_cc: None,
                    });
                    by_key.insert(k, groups.len() - 1);
                    groups.len() - 1
                }
            };
            groups[gi].cands.push(i);
            group_of[i] = Some(gi);
        }
    }
    // Drop members that moved to another group (linear, once).
    for (gi, gr) in groups.iter_mut().enumerate() {
        gr.cands.retain(|&i| group_of[i] == Some(gi));
    }
    // Emit entities in order of first mention, mentions in text order.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&gi| !groups[gi].cands.is_empty())
        .collect();
    for gr in &mut groups {
        gr.cands.sort_by_key(|&i| cands[i].span.start);
    }
    order.sort_by_key(|&gi| groups[gi].cands.first().map_or(0, |&i| cands[i].span.start));
    let mut index_of = vec![usize::MAX; groups.len()];
    for (ei, &gi) in order.iter().enumerate() {
        index_of[gi] = ei;
    }
    let mut mentions: Vec<Mention> = Vec::new();
    let mut mention_ix: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        if let Some(gi) = group_of[i] {
            let c = &cands[i];
            mention_ix.push((c.span.start, i));
            let _ = gi;
        }
    }
    mention_ix.sort_unstable();
    let mut org_spans: Vec<Option<Span>> = Vec::with_capacity(order.len());
    let mut entities: Vec<Entity> = order
        .iter()
        .map(|&gi| {
            let gr = &groups[gi];
            let en = gr.entry.and_then(|e| g.entry(e));
            let texts: Vec<&str> = gr
                .cands
                .iter()
                .filter_map(|&i| cands[i].span.slice(text))
                .collect();
            let longest = texts
                .iter()
                .copied()
                .max_by_key(|t| (t.split_whitespace().count(), t.len()))
                .unwrap_or("");
            let name = match en {
                Some(e) if e.kind != Kind::Body => e.name.to_string(),
                _ => longest.to_string(),
            };
            let label = en.map_or(gr.label, |e| e.label);
            // The most specific role any mention states (a title over a description, the
            // longer of two); ties go to the earliest mention.
            let mut best: Option<&Role> = None;
            let mut country = None;
            for &i in &gr.cands {
                let c = &cands[i];
                if let Some(r) = c.role.as_deref() {
                    if best.map_or(true, |b| r.rank() > b.rank()) {
                        best = Some(r);
                    }
                }
            }
            if let Some(b) = best {
                country = b.country;
            }
            for &i in &gr.cands {
                let c = &cands[i];
                if country.is_none() {
                    country = match c.role.as_deref() {
                        Some(r) => r.country,
                        None if c.label != Label::Person => c.country,
                        None => None,
                    };
                }
            }
            let role = best.and_then(|b| b.text.clone());
            let former = best.is_some_and(|b| b.former && b.text.is_some());
            let org_span = best.and_then(|b| b.org).or_else(|| {
                gr.cands
                    .iter()
                    .find_map(|&i| cands[i].role.as_deref().and_then(|r| r.org))
            });
            org_spans.push(org_span);
            let cc = country
                .or(gr.body_cc)
                .or_else(|| en.filter(|e| e.kind != Kind::Country).and_then(|e| e.iso));
            let id = match en.and_then(|e| e.wikidata.as_deref()) {
                Some(q) if en.is_some_and(|e| e.kind != Kind::Body) => q.to_string(),
                _ => {
                    let base = format!(
                        "{}:{}",
                        label.id_prefix(),
                        slug(en.map_or(name.as_str(), |e| &e.name))
                    );
                    match gr.body_cc {
                        Some(b) => format!("{base}-{}", String::from_utf8_lossy(&b).to_lowercase()),
                        None => base,
                    }
                }
            };
            let mut aliases: Vec<String> = Vec::new();
            for t in texts {
                if t != name && !aliases.iter().any(|a| a == t) {
                    aliases.push(t.to_string());
                }
            }
            let country = g.country_name(cc);
            // "the Sudanese government" acts for Sudan: the country's name is one more name
            // of it (not of "the Sudanese opposition").
            if let Some(c) = country.as_deref().filter(|_| label == Label::Org) {
                if state_side(&name) && !aliases.iter().any(|a| a == c) {
                    aliases.push(c.to_string());
                }
            }
            Entity {
                id,
                name,
                label,
                role,
                country,
                org: None,
                former,
                aliases,
                wikidata: en.and_then(|e| e.wikidata.as_deref()).map(str::to_string),
                mentions: Vec::new(),
            }
        })
        .collect();
    // The organization of each role: the entity of the organization mention, by its span.
    for (ei, span) in org_spans.into_iter().enumerate() {
        let Some(span) = span else { continue };
        let at = cands.partition_point(|c| c.span.start < span.start);
        let named = cands
            .get(at)
            .filter(|c| c.span == span)
            .and(group_of.get(at).copied().flatten())
            .and_then(|gi| index_of.get(gi).copied())
            .and_then(|oi| entities.get(oi))
            .map(|o| o.name.clone());
        if let Some(e) = entities.get_mut(ei) {
            e.org = named.or_else(|| span.slice(text).map(str::to_string));
        }
    }
    for (_, i) in mention_ix {
        let Some(gi) = group_of[i] else { continue };
        let ei = index_of[gi];
        let c = &cands[i];
        let Some(t) = c.span.slice(text) else {
            continue;
        };
        let Some(ent) = entities.get_mut(ei) else {
            continue;
        };
        ent.mentions.push(mentions.len());
        mentions.push(Mention {
            span: c.span,
            text: t.to_string(),
            label: ent.label,
            entity: ei,
        });
    }
    // "his South Korean counterpart Yoon": the role of the person he is the counterpart of,
    // the latest person with a role mentioned before him (one pass over the mentions).
    let mut latest: Option<(usize, String)> = None;
    let mut other: Option<(usize, String)> = None;
    let mut resolved: Vec<Option<Option<String>>> = vec![None; entities.len()];
    for m in &mentions {
        let ei = m.entity;
        let Some(e) = entities.get(ei) else { continue };
        if e.role.as_deref() == Some("counterpart") && resolved[ei].is_none() {
            let pick = match (&latest, &other) {
                (Some((le, r)), _) if *le != ei => Some(r.clone()),
                (_, Some((_, r))) => Some(r.clone()),
                _ => None,
            };
            resolved[ei] = Some(pick);
        }
        if m.label == Label::Person {
            if let Some(r) = e.role.as_ref().filter(|r| *r != "counterpart") {
                if latest.as_ref().is_some_and(|(le, _)| *le != ei) {
                    other = latest.take();
                }
                latest = Some((ei, r.clone()));
            }
        }
    }
    for (ei, r) in resolved.into_iter().enumerate() {
        if let Some(r) = r {
            entities[ei].role = r;
        }
    }
    Entities { mentions, entities }
}

/// An organisation named by a country and the noun of its state's side: "Sudanese
/// government", "Syrian regime", "Afghan government negotiators".
fn state_side(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    first.chars().next().is_some_and(char::is_uppercase)
        && !rest.is_empty()
        && rest.len() <= 2
        && rest.iter().all(|w| {
            matches!(
                *w,
                "government" | "regime" | "delegation" | "negotiators" | "authorities"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{find, words};
    use crate::tagger::Tagged;

    fn setup(text: &str) -> (Vec<W>, Vec<Cand>) {
        let doc = dateline_text::Tokenized::new(text);
        let ws = words(&doc, &[Span::new(0, text.len())]);
        let cands = find(text, &ws);
        (ws, cands)
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span::new(start, start + needle.len())
    }

    #[test]
    fn same_name_other_type_stays_apart() {
        let text = "Leeds won again. Fans in Leeds cheered.";
        let (ws, mut cands) = setup(text);
        assert_eq!(cands.len(), 2, "{cands:?}");
        assert!(cands
            .iter()
            .all(|c| c.entry.is_some() && c.label == Label::Gpe));
        // The first "Leeds" read as the club (as a confident tagger span makes it).
        cands[0].label = Label::Org;
        cands[0].entry = None;
        cands[0].conf = Conf::Default;
        let found = build(text, &ws, cands.clone());
        assert_eq!(found.entities.len(), 2, "{found:?}");
        assert_eq!(found.entities[0].label, Label::Org);
        assert_eq!(found.entities[1].label, Label::Gpe);
        assert_ne!(found.entities[0].id, found.entities[1].id);
        let labels: Vec<Label> = found.mentions.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Org, Label::Gpe]);
        // The same type, one from the list and one not: one entity, the list's.
        for l in [Label::Gpe, Label::Loc] {
            cands[0].label = l;
            let found = build(text, &ws, cands.clone());
            assert_eq!(found.entities.len(), 1, "{l:?}: {found:?}");
            assert_eq!(found.entities[0].mentions, [0, 1]);
            assert_eq!(found.entities[0].label, Label::Gpe);
            assert_eq!(found.entities[0].country.as_deref(), Some("United Kingdom"));
        }
        // Unlinked mentions of one form and different types: apart as well.
        cands[1].label = Label::Person;
        cands[1].entry = None;
        cands[0].label = Label::Org;
        let found = build(text, &ws, cands);
        assert_eq!(found.entities.len(), 2, "{found:?}");
    }

    #[test]
    fn place_after_locative_is_not_a_surname() {
        let text = "George Washington was the first president. Officials in Washington agreed.";
        let (ws, cands) = setup(text);
        let tagged = [Tagged {
            span: span_of(text, "George Washington"),
            label: CoarseLabel::Per,
            score: 1.0,
        }];
        let merged = merge_tagger(text, &ws, cands, &tagged);
        assert_eq!(merged[0].span, span_of(text, "George Washington"));
        assert_eq!(merged[0].label, Label::Person);
        let found = build(text, &ws, merged);
        let people: Vec<&Entity> = found
            .entities
            .iter()
            .filter(|e| e.label == Label::Person)
            .collect();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].mentions.len(), 1, "{found:?}");
        let last = found.mentions.last().expect("mentions");
        assert_eq!((last.text.as_str(), last.label), ("Washington", Label::Gpe));
    }

    #[test]
    fn tagger_span_ending_inside_a_title_is_dropped() {
        let text = "Xi told South Korean Prime Minister Han Duck-soo so.";
        let (ws, cands) = setup(text);
        let tagged = [
            Tagged {
                span: span_of(text, "South Korean Prime"),
                label: CoarseLabel::Misc,
                score: 0.97,
            },
            Tagged {
                span: span_of(text, "Han Duck-soo"),
                label: CoarseLabel::Per,
                score: 1.0,
            },
        ];
        let merged = merge_tagger(text, &ws, cands, &tagged);
        let spans: Vec<&str> = merged.iter().map(|c| &text[c.span.range()]).collect();
        assert!(spans.contains(&"South Korean"), "{spans:?}");
        assert!(spans.contains(&"Han Duck-soo"), "{spans:?}");
        assert!(!spans.iter().any(|s| s.contains("Prime")), "{spans:?}");
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("CCTV", "China Central Television"));
        assert!(is_acronym("KCNA", "Korean Central News Agency"));
        assert!(is_acronym("WHO", "World Health Organization"));
        assert!(!is_acronym("BBC", "China Central Television"));
        assert!(!is_acronym("US", "Seoul"));
    }

    #[test]
    fn family_names() {
        assert_eq!(family_name("Xi Jinping").as_deref(), Some("xi"));
        assert_eq!(family_name("Han Duck-soo").as_deref(), Some("han"));
        assert_eq!(family_name("Sergey Lavrov").as_deref(), Some("lavrov"));
        assert_eq!(family_name("Xi"), None);
        assert_eq!(family_name("Ana Núñez").as_deref(), Some("nunez"));
    }

    /// The people the rules alone find in `text`.
    fn people_of(text: &str) -> Vec<Entity> {
        crate::extract(text, &crate::Options::default().with_tagger(false))
            .entities
            .into_iter()
            .filter(|e| e.label == Label::Person)
            .collect()
    }

    #[test]
    fn a_surname_with_its_particle_is_the_full_names_person() {
        assert!(particle("De") && particle("van") && !particle("Santis"));
        let text = "Envoy Marco de Santis landed in Lima. De Santis met the mayor, and Santis \
                    spoke later.";
        let people = people_of(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Marco de Santis");
        assert_eq!(people[0].mentions.len(), 3, "{people:?}");
    }

    #[test]
    fn a_surname_guessed_an_organisation_is_the_person() {
        let text = "Envoy Marco Ferrante landed in Lima. Talks with Ferrante went well.";
        let (ws, mut cands) = setup(text);
        // The tagger's guess for the lone surname.
        let lone = span_of(text, "Ferrante went");
        let lone = Span::new(lone.start, lone.start + "Ferrante".len());
        let at = cands
            .iter()
            .position(|c| c.span == lone)
            .expect("the surname");
        cands[at].label = Label::Org;
        cands[at].conf = Conf::Default;
        let found = build(text, &ws, cands);
        let marco = found.entity_named("Marco Ferrante").expect("the person");
        assert_eq!(marco.mentions.len(), 2, "{found:?}");
        assert!(
            !found.entities.iter().any(|e| e.label == Label::Org),
            "{found:?}"
        );
    }

    #[test]
    fn accented_and_plain_spellings_are_one_person() {
        let text = "Ana Núñez won the vote. Ana Nunez thanked voters, and Nunez left.";
        let people = people_of(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].mentions.len(), 3, "{people:?}");
    }

    #[test]
    fn a_government_named_by_nationality_carries_its_country() {
        assert!(state_side("Chilean government"));
        assert!(state_side("Bolivian regime"));
        assert!(!state_side("Chilean opposition"));
        assert!(!state_side("government"));
        let text = "Mediators met the Chilean government and the Chilean opposition in Lima.";
        let found = crate::extract(text, &crate::Options::default().with_tagger(false));
        let gov = found
            .entity_named("Chilean government")
            .expect("the government side");
        assert!(gov.aliases.iter().any(|a| a == "Chile"), "{gov:?}");
        let opp = found
            .entity_named("Chilean opposition")
            .expect("the opposition side");
        assert!(!opp.aliases.iter().any(|a| a == "Chile"), "{opp:?}");
    }
}
