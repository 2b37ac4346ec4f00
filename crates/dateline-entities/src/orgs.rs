//! Document-level evidence for organizations (after the tagger merge, before grouping).
//!
//! A single capitalized word that no list knows is often typed as a person by the tagger
//! ("Pirelli", "Ericsson", "Rotor"). The document usually says what it is somewhere:
//!
//! - a descriptor noun right before or after it: "tyre maker Pirelli", "telecoms group
//!   Ericsson", "first division team Deportivo", "the news weekly Der Spiegel", "Zycie
//!   Warszawy daily said", "Ontario-based Magna";
//! - a possessive with a corporate noun: "Pirelli's cables division", "Petofi's board";
//! - a fuller name with a corporate suffix: "Magna International Inc" ... "Magna";
//! - a role of its own before a person: "Petofi general manager Laszlo Sebesvari".
//!
//! Every guessed person mention of a name with such evidence anywhere in the document is
//! retyped ORG (a mention with a title, an honorific or a given name is never). And a place
//! name with a score after it on a results line ("Lotte 6 Hyundai 2", "NEW YORK 74 58") is a
//! team.

use crate::extract::{lower, Cand, Wk, W};
use crate::gazetteer::{push_key, FxSet, GAZETTEER};
use crate::lexicon::{EA_SURNAMES, GIVEN_NAMES, PERSON_NOUNS};
use crate::Label;

/// Lowercase nouns that describe an organization when they stand right before its name.
fn descriptor_before(w: &str) -> bool {
    matches!(
        w,
        "group"
            | "firm"
            | "company"
            | "giant"
            | "maker"
            | "team"
            | "club"
            | "side"
            | "daily"
            | "weekly"
            | "newspaper"
            | "paper"
            | "magazine"
            | "agency"
            | "bank"
            | "carrier"
            | "airline"
            | "unit"
            | "subsidiary"
            | "brewer"
            | "retailer"
            | "operator"
            | "manufacturer"
            | "insurer"
            | "lender"
            | "conglomerate"
            | "concern"
            | "chain"
            | "supplier"
            | "distributor"
            | "network"
            | "channel"
            | "outfit"
            | "startup"
            | "start-up"
            | "automaker"
            | "carmaker"
            | "chipmaker"
            | "drugmaker"
            | "utility"
            | "broker"
            | "brokerage"
            | "bourse"
            | "exchange"
            | "party"
            | "union"
            | "federation"
            | "association"
            | "organisation"
            | "organization"
            | "charity"
            | "broadcaster"
            | "tabloid"
            | "website"
            | "platform"
            | "app"
            | "portal"
    )
}

/// Lowercase nouns that describe an organization when they follow its name.
fn descriptor_after(w: &str) -> bool {
    matches!(
        w,
        "daily" | "weekly" | "newspaper" | "magazine" | "tabloid" | "shares" | "stock"
    )
}

/// Corporate nouns after a possessive: "Pirelli's cables division", "Magna's board".
fn corporate_noun(w: &str) -> bool {
    matches!(
        w,
        "shares"
            | "share"
            | "stock"
            | "board"
            | "division"
            | "unit"
            | "units"
            | "subsidiary"
            | "subsidiaries"
            | "shareholders"
            | "stockholders"
            | "profit"
            | "profits"
            | "revenue"
            | "revenues"
            | "sales"
            | "earnings"
            | "plant"
            | "plants"
            | "factory"
            | "factories"
            | "operations"
            | "stake"
            | "takeover"
            | "headquarters"
            | "chairman"
            | "ceo"
            | "executives"
            | "directors"
            | "employees"
            | "customers"
            | "products"
            | "brand"
            | "brands"
            | "bid"
            | "merger"
            | "acquisition"
            | "bonds"
            | "debt"
            | "assets"
            | "portfolio"
            | "network"
            | "stores"
            | "outlets"
            | "fleet"
            | "squad"
            | "coach"
            | "fans"
            | "manager"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
    )
}

/// Corporate suffixes that end a company's full name.
fn corporate_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "inc"
            | "corp"
            | "corporation"
            | "co"
            | "ltd"
            | "plc"
            | "ag"
            | "ab"
            | "sa"
            | "spa"
            | "nv"
            | "bv"
            | "gmbh"
            | "llc"
            | "group"
            | "holdings"
            | "international"
            | "industries"
            | "bancshares"
            | "bancorp"
            | "limited"
    )
}

/// Role heads that an organization's name may stand before ("Petofi general manager X").
fn org_role_head(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "executive"
            | "manager"
            | "director"
            | "president"
            | "chief"
            | "analyst"
            | "economist"
            | "coach"
            | "striker"
            | "goalkeeper"
            | "midfielder"
            | "defender"
    )
}

fn wtext<'t>(text: &'t str, w: &W) -> &'t str {
    w.span.slice(text).unwrap_or("")
}

/// Retypes guessed people and places as organizations on document evidence (in place).
pub(crate) fn retype_orgs(text: &str, ws: &[W], cands: &mut [Cand]) {
    let low = |i: usize| ws.get(i).map(|w| lower(wtext(text, w))).unwrap_or_default();
    let brk = |i: usize| ws.get(i).map_or(true, |w| w.brk);
    let key_of = |c: &Cand| {
        let mut k = String::new();
        push_key(&mut k, c.span.slice(text).unwrap_or(""));
        k
    };
    // Surnames and full names of people with strong evidence (title, given name): such a
    // name is never retyped ("Trump spokesman Sean Spicer" keeps Trump a person).
    let mut people: FxSet<String> = FxSet::default();
    let given = |c: &Cand| {
        GIVEN_NAMES.contains(low(c.a).as_str()) || EA_SURNAMES.contains(low(c.a).as_str())
    };
    for c in cands.iter().filter(|c| c.label == Label::Person) {
        if given(c) || c.title.is_some() {
            if let Some(last) = c.b.checked_sub(1) {
                people.insert(low(last).to_string());
            }
            people.insert(key_of(c));
        }
    }
    let mut orgs: FxSet<String> = FxSet::default();
    for c in cands.iter() {
        let n = c.b - c.a;
        // "Magna International Inc": its first word(s) without the suffix.
        if c.label == Label::Org && n >= 2 && corporate_suffix(&low(c.b - 1)) {
            let mut k = String::new();
            for i in c.a..c.b - 1 {
                push_key(&mut k, ws.get(i).map_or("", |w| wtext(text, w)));
                orgs.insert(k.clone());
            }
        }
        if !matches!(c.label, Label::Person | Label::Gpe | Label::Loc) || n > 3 {
            continue;
        }
        let before = c.a.checked_sub(1).filter(|_| !brk(c.a)).map(low);
        let evidence = before.as_deref().is_some_and(|w| {
            (descriptor_before(w) && !PERSON_NOUNS.contains(w)) || w.ends_with("-based")
        }) || (!brk(c.b) && descriptor_after(&low(c.b)))
            || (ws.get(c.b).is_some_and(|w| {
                w.kind == Wk::Poss || matches!(wtext(text, w), "'s" | "\u{2019}s")
            }) && !brk(c.b + 1)
                && corporate_noun(&low(c.b + 1)))
            || (c.label == Label::Person && !brk(c.b) && {
                // "Petofi general manager Laszlo Sebesvari", "Ericsson spokesman Per ...".
                let mut k = c.b;
                while matches!(
                    low(k).as_str(),
                    "general" | "managing" | "chief" | "deputy" | "vice" | "executive" | "senior"
                ) && k < c.b + 2
                {
                    k += 1;
                }
                org_role_head(&low(k))
                    && !brk(k)
                    && ws.get(k + 1).is_some_and(|w| w.name_like() && !w.brk)
            });
        if evidence {
            orgs.insert(key_of(c));
        }
    }
    let g = &*GAZETTEER;
    for i in 0..cands.len() {
        let c = &cands[i];
        let person_like = c.label == Label::Person && c.title.is_none() && !given(c);
        if person_like && !orgs.is_empty() {
            let k = key_of(c);
            if orgs.contains(&k) && !people.contains(&k) {
                cands[i].label = Label::Org;
                continue;
            }
        }
        // A results line: "Lotte 6 Hyundai 2", "NEW YORK 74 58 .561".
        let place = matches!(c.label, Label::Gpe | Label::Loc)
            && c.entry
                .and_then(|e| g.entry(e))
                .map_or(true, |e| !matches!(e.kind, crate::gazetteer::Kind::Country));
        if place && score(text, ws, c.b) && (brk(c.a) || (c.a > 0 && score(text, ws, c.a - 1))) {
            cands[i].label = Label::Org;
            cands[i].entry = None;
        }
    }
}

/// Is word `i` a small whole number on the same line, such as a score (not a year)?
fn score(text: &str, ws: &[W], i: usize) -> bool {
    ws.get(i).is_some_and(|w| {
        let t = wtext(text, w);
        !w.brk
            && w.kind == Wk::Num
            && !t.is_empty()
            && t.len() <= 3
            && t.bytes().all(|b| b.is_ascii_digit())
    })
}
