//! Sides of a conflict or a negotiation named by a nationality and a party noun: "the
//! Syrian government", "the Syrian opposition", "Afghan government negotiators", "Houthi
//! rebels" (when "Houthi" is a nationality or group word the lists know). Such a side is a
//! party of its own (ORG "Syrian government"), not the country: the government and the
//! opposition of one country meet each other.
//!
//! Runs after roles are read and before grouping. The nationality word keeps its own type
//! wherever no party noun follows it. CoNLL-2003 and OntoNotes annotate only the nationality
//! word in such phrases, so [`crate::Options::parties`] turns the pass off for scoring
//! against them.

use crate::extract::{lower, Cand, Conf, Wk, W};
use crate::tagger::Tagged;
use crate::Label;
use dateline_text::Span;

/// Lowercase nouns that make a nationality before them a party.
fn party_noun(w: &str) -> bool {
    matches!(
        w,
        "government" | "opposition" | "rebels" | "delegation" | "negotiators" | "regime"
    )
}

/// Extends a nationality mention over a party noun right after it and types it ORG.
pub(crate) fn parties(text: &str, ws: &[W], cands: &mut [Cand]) {
    for i in 0..cands.len() {
        let (b, label) = (cands[i].b, cands[i].label);
        if label != Label::Norp {
            continue;
        }
        let Some(w) = ws.get(b) else { continue };
        if w.brk || w.kind != Wk::Lower {
            continue;
        }
        let noun = lower(w.span.slice(text).unwrap_or(""));
        if !party_noun(&noun) {
            continue;
        }
        // No other mention may cover the noun (mentions never overlap). Rare: only
        // nationality-noun pairs get here.
        if cands.iter().any(|n| n.a <= b && b < n.b) {
            continue;
        }
        let country = cands[i]
            .entry
            .and_then(|e| crate::gazetteer::GAZETTEER.entry(e).and_then(|en| en.iso));
        let c = &mut cands[i];
        c.b = b + 1;
        c.span = Span::new(c.span.start, w.span.end);
        c.label = Label::Org;
        c.entry = None;
        c.country = country.or(c.country);
        c.role = None;
        c.title = None;
    }
}

/// Lowercase words an organization's name may hold without an initial in its acronym.
fn connector(w: &str) -> bool {
    matches!(w, "and" | "of" | "for" | "the" | "on" | "&")
}

/// A name defined by the acronym in brackets right after it ("Justice and Equality Movement
/// (JEM)", "Justice and Equality movement (JEM)") is one organization even where the rules
/// or the tagger cut it at "and" into two people: every word of it but "and", "of", "for",
/// "the", "on" gives one letter of the acronym, in order, and the first word is capitalized.
/// A name a single mention already covers keeps its type ("Bosnia and Herzegovina (BiH)" is
/// left alone when read as one place), as does a name of places only.
pub(crate) fn defined_acronyms(text: &str, ws: &[W], cands: &mut Vec<Cand>) {
    let word = |i: usize| ws.get(i).and_then(|w| w.span.slice(text)).unwrap_or("");
    if cands.windows(2).any(|p| p[0].a > p[1].a) {
        cands.sort_by_key(|c| c.a);
    }
    let mut joins: Vec<Cand> = Vec::new();
    for k in 1..ws.len() {
        // "( ACR )"
        if ws[k].kind != Wk::Upper || word(k - 1) != "(" || word(k + 1) != ")" {
            continue;
        }
        let acr: Vec<char> = word(k).chars().collect();
        if !(2..=8).contains(&acr.len()) || !acr.iter().all(char::is_ascii_uppercase) {
            continue;
        }
        // Walk back from before the bracket, one acronym letter per content word.
        let mut left = acr.len();
        let mut i = k - 1;
        let mut start = None;
        while left > 0 && i > 0 {
            i -= 1;
            let w = &ws[i];
            let t = word(i);
            if left < acr.len() && ws[i + 1].brk {
                break;
            }
            let low = lower(t);
            if w.kind == Wk::Lower && connector(&low) {
                continue;
            }
            if !matches!(w.kind, Wk::Cap | Wk::Lower | Wk::Upper) {
                break;
            }
            let initial = t.chars().next().map(|c| c.to_ascii_uppercase());
            if initial != Some(acr[left - 1]) {
                break;
            }
            left -= 1;
            if left == 0 {
                start = Some(i);
            }
        }
        let Some(a) = start else { continue };
        let b = k - 1;
        let caps = ws[a..b].iter().filter(|w| w.name_like()).count();
        if !ws[a].name_like() || caps < 2 || b - a < 2 {
            continue;
        }
        // Candidates are in text order and do not overlap: the ones inside start at the first
        // that ends after `a` (binary search keeps this linear over the document).
        let first = cands.partition_point(|c| c.b <= a);
        let inside = cands
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.a < b);
        let (mut n, mut whole, mut sticks_out, mut places) = (0, false, false, true);
        for c in inside {
            n += 1;
            whole = c.a == a && c.b == b;
            sticks_out |= c.a < a || c.b > b;
            places &= matches!(c.label, Label::Gpe | Label::Loc);
        }
        if (n == 1 && whole) || sticks_out || (n > 0 && places) {
            continue;
        }
        if let Some(c) = crate::extract::cand(ws, a, b, Label::Org, Conf::Strong, None) {
            joins.push(c);
        }
    }
    if joins.is_empty() {
        return;
    }
    // One merge pass: joined names replace the candidates inside them (joins are in text
    // order and never overlap: the walk back stops at the bracket of the one before).
    let old = std::mem::take(cands);
    let mut js = joins.into_iter().peekable();
    for c in old {
        while let Some(j) = js.next_if(|j| j.b <= c.a) {
            cands.push(j);
        }
        if js.peek().is_some_and(|j| j.a < c.b && c.a < j.b) {
            continue;
        }
        cands.push(c);
    }
    cands.extend(js);
}

/// Cuts the tagger's mentions at headline verbs and title abbreviations
/// ([`crate::lexicon::HEADLINE_WORD`]): "De Mistura Meets Moallem" is "De Mistura" and
/// "Moallem"; a mention of such a word alone goes.
pub(crate) fn cut_headline_words(text: &str, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let cut = |t: &Tagged| {
        t.span.slice(text).is_some_and(|s| {
            s.split_whitespace()
                .any(|w| crate::lexicon::HEADLINE_WORD.contains(lower(w).as_str()))
        })
    };
    if !tagged.iter().any(cut) {
        return tagged;
    }
    let mut out = Vec::with_capacity(tagged.len() + 2);
    for t in tagged {
        if !cut(&t) {
            out.push(t);
            continue;
        }
        let s = t.span.slice(text).unwrap_or("");
        let mut piece: Option<(usize, usize)> = None;
        let mut words = Vec::new();
        let mut at = 0;
        for w in s.split_whitespace() {
            // `split_whitespace` yields subslices of `s`: find each one's offset in order.
            let off = s.get(at..).and_then(|r| r.find(w)).map_or(at, |o| at + o);
            at = off + w.len();
            words.push((
                off,
                at,
                crate::lexicon::HEADLINE_WORD.contains(lower(w).as_str()),
            ));
        }
        for (a, b, verb) in words {
            if verb {
                if let Some((pa, pb)) = piece.take() {
                    out.push(Tagged {
                        span: Span::new(t.span.start + pa, t.span.start + pb),
                        ..t
                    });
                }
            } else {
                piece = Some((piece.map_or(a, |(pa, _)| pa), b));
            }
        }
        if let Some((pa, pb)) = piece {
            out.push(Tagged {
                span: Span::new(t.span.start + pa, t.span.start + pb),
                ..t
            });
        }
    }
    out
}
