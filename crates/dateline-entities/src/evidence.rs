//! Document-level evidence for the types of single capitalized words (after the tagger
//! merge, before grouping): organizations, places, and words that are no names.
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
//!
//! [`retype_words`] handles the other single words: a guessed person that the document puts
//! after "in", "near", "outside" ... elsewhere is a place ("in Xintai" ... "Xintai officials
//! said"); an interjection opening a clause or quote ("Oh", "Uh", "Wow") is no name.

use crate::extract::{lower, Cand, Wk, W};
use crate::gazetteer::{push_key, FxSet, GAZETTEER};
use crate::lexicon::{person_noun, EA_SURNAMES, GIVEN_NAMES};
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
    // A lowercase word as written (the cue lists are lowercase), "" for any other word.
    let lw = |i: usize| {
        ws.get(i)
            .filter(|w| w.kind == Wk::Lower)
            .map_or("", |w| wtext(text, w))
    };
    let brk = |i: usize| ws.get(i).map_or(true, |w| w.brk);
    let key_of = |c: &Cand| {
        let mut k = String::new();
        push_key(&mut k, c.span.slice(text).unwrap_or(""));
        k
    };
    let given = |c: &Cand| {
        GIVEN_NAMES.contains(low(c.a).as_str()) || EA_SURNAMES.contains(low(c.a).as_str())
    };
    let mut orgs: FxSet<String> = FxSet::default();
    // Evidence strong enough to retype a small place ("telecoms group Nokia"): not "Tokyo
    // shares" nor "London's stock market".
    let mut strong: FxSet<String> = FxSet::default();
    for c in cands.iter() {
        let n = c.b - c.a;
        // "Magna International Inc": its first word(s) without the suffix.
        if c.label == Label::Org && n >= 2 && corporate_suffix(&low(c.b - 1)) {
            let mut k = String::new();
            for i in c.a..c.b - 1 {
                push_key(&mut k, ws.get(i).map_or("", |w| wtext(text, w)));
                orgs.insert(k.clone());
                strong.insert(k.clone());
            }
        }
        if !matches!(c.label, Label::Person | Label::Gpe | Label::Loc) || n > 3 || c.title.is_some()
        {
            continue;
        }
        let before = c.a.checked_sub(1).filter(|_| !brk(c.a)).map(lw);
        let described = before
            .is_some_and(|w| (descriptor_before(w) && !person_noun(w)) || w.ends_with("-based"));
        if described {
            strong.insert(key_of(c));
        }
        let evidence = described
            || (!brk(c.b) && descriptor_after(lw(c.b)))
            || (ws.get(c.b).is_some_and(|w| {
                w.kind == Wk::Poss || matches!(wtext(text, w), "'s" | "\u{2019}s")
            }) && !brk(c.b + 1)
                && corporate_noun(lw(c.b + 1)))
            || (c.label == Label::Person && !brk(c.b) && {
                // "Petofi general manager Laszlo Sebesvari", "Ericsson spokesman Per ...".
                let mut k = c.b;
                while matches!(
                    lw(k),
                    "general" | "managing" | "chief" | "deputy" | "vice" | "executive" | "senior"
                ) && k < c.b + 2
                {
                    k += 1;
                }
                org_role_head(lw(k))
                    && !brk(k)
                    && ws.get(k + 1).is_some_and(|w| w.name_like() && !w.brk)
            });
        if evidence {
            orgs.insert(key_of(c));
        }
    }
    // Surnames and full names of people with strong evidence (title, given name): such a
    // name is never retyped ("Trump spokesman Sean Spicer" keeps Trump a person).
    let mut people: FxSet<String> = FxSet::default();
    if !orgs.is_empty() {
        for c in cands.iter().filter(|c| c.label == Label::Person) {
            if given(c) || c.title.is_some() {
                if let Some(last) = c.b.checked_sub(1) {
                    people.insert(low(last).to_string());
                }
                people.insert(key_of(c));
            }
        }
    }
    let g = &*GAZETTEER;
    for c in cands.iter_mut() {
        if !orgs.is_empty() && c.label == Label::Person && c.title.is_none() && !given(c) {
            let k = key_of(c);
            if orgs.contains(&k) && !people.contains(&k) {
                c.label = Label::Org;
                continue;
            }
        }
        // A results line: "Lotte 6 Hyundai 2", "NEW YORK 74 58 .561".
        let place = matches!(c.label, Label::Gpe | Label::Loc)
            && c.entry
                .and_then(|e| g.entry(e))
                .map_or(true, |e| !matches!(e.kind, crate::gazetteer::Kind::Country));
        // "telecoms group Nokia" (a town of 33,000 in the list): a small or unlisted place.
        let small = c.entry.and_then(|e| g.entry(e)).map_or(true, |e| {
            e.kind == crate::gazetteer::Kind::City && e.population < 100_000
        });
        if (place && small && !strong.is_empty() && strong.contains(&key_of(c)))
            || (place
                && score(text, ws, c.b)
                && (brk(c.a) || (c.a > 0 && score(text, ws, c.a - 1))))
        {
            c.label = Label::Org;
            c.entry = None;
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

/// Interjections: at the start of a clause or quote they are no names ("Oh, they left").
fn interjection(w: &str) -> bool {
    matches!(
        w,
        "oh" | "uh"
            | "um"
            | "umm"
            | "ah"
            | "ahh"
            | "eh"
            | "hey"
            | "wow"
            | "okay"
            | "ok"
            | "hmm"
            | "oops"
            | "ha"
            | "haha"
            | "yeah"
            | "yep"
            | "nope"
            | "alas"
            | "hi"
            | "hello"
            | "gosh"
            | "ugh"
            | "huh"
            | "aha"
            | "oi"
            | "erm"
            | "er"
            | "mm"
            | "whoa"
            | "yay"
            | "bravo"
            | "phew"
            | "ouch"
            | "damn"
            | "yes"
            | "no"
            | "sorry"
            | "please"
            | "thanks"
    )
}

/// Retypes or drops single-word guessed people on document evidence (see the module docs).
pub(crate) fn retype_words(text: &str, ws: &[W], cands: &mut Vec<Cand>) {
    let low = |i: usize| ws.get(i).map(|w| lower(wtext(text, w))).unwrap_or_default();
    let guessed = |c: &Cand| {
        matches!(c.label, Label::Person | Label::Norp)
            && c.b == c.a + 1
            && c.title.is_none()
            && c.entry.is_none()
    };
    // Words the document puts after a locative preposition.
    let mut places: FxSet<String> = FxSet::default();
    for c in cands.iter() {
        let after_locative = c.a > 0
            && c.b == c.a + 1
            && c.label != Label::Org
            && !ws[c.a].brk
            && ws[c.a - 1].kind == Wk::Lower
            && matches!(
                wtext(text, &ws[c.a - 1]),
                "in" | "near" | "outside" | "across" | "around" | "throughout" | "inside"
            );
        if after_locative {
            places.insert(low(c.a).to_string());
        }
    }
    // A surname of a full name in the document stays a name ("George Washington ... in
    // Washington" is handled when grouping).
    let surname = |w: &str| {
        cands
            .iter()
            .any(|p| p.label == Label::Person && p.b - p.a >= 2 && low(p.b - 1).as_str() == w)
    };
    let mut drop: Vec<usize> = Vec::new();
    let mut retype: Vec<usize> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if !guessed(c) {
            continue;
        }
        let clause_start = ws[c.a].start
            || ws
                .get(c.b)
                .is_some_and(|n| matches!(n.kind, Wk::Punct(',' | '!' | '?' | '.')));
        if !clause_start && places.is_empty() {
            continue;
        }
        let w = low(c.a);
        if GIVEN_NAMES.contains(w.as_str()) {
            continue;
        }
        if interjection(&w) && clause_start && c.label == Label::Person {
            drop.push(i);
        } else if places.contains(w.as_str()) {
            retype.push(i);
        }
    }
    retype.retain(|&i| {
        let w = cands.get(i).map(|c| low(c.a)).unwrap_or_default();
        !surname(w.as_str())
    });
    for i in retype {
        if let Some(c) = cands.get_mut(i) {
            c.label = Label::Gpe;
        }
    }
    if !drop.is_empty() {
        let mut k = 0;
        cands.retain(|_| {
            k += 1;
            drop.binary_search(&(k - 1)).is_err()
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, Label, Options};

    fn label_of(text: &str, surface: &str) -> Vec<Label> {
        extract(text, &Options::default())
            .mentions
            .iter()
            .filter(|m| m.text == surface)
            .map(|m| m.label)
            .collect()
    }

    #[test]
    fn companies_without_a_suffix() {
        let text = "Tyre maker Vantoli said on Friday it would expand. Vantoli shares rose \
                    3 percent. Analysts said Vantoli's cables division was strong.";
        let labels = label_of(text, "Vantoli");
        assert!(!labels.is_empty());
        assert!(labels.iter().all(|&l| l == Label::Org), "{labels:?}");
        let text = "Brendal Industries Inc agreed to buy the unit. Brendal said the deal \
                    closes in May.";
        assert!(label_of(text, "Brendal").iter().all(|&l| l == Label::Org));
        let text = "Telecoms group Nokia won the order. Nokia said it would hire 200 people.";
        assert!(label_of(text, "Nokia").iter().all(|&l| l == Label::Org));
        let text = "Korvex general manager Anna Lind resigned. Korvex said sales fell.";
        assert!(label_of(text, "Korvex").iter().all(|&l| l == Label::Org));
    }

    #[test]
    fn people_keep_their_type() {
        // A person with a given name or a title is never retyped by an organization cue.
        let text = "President Tom Hale spoke. Hale spokesman Ben Ortiz said Hale's board met.";
        let labels = label_of(text, "Hale");
        assert!(labels.iter().all(|&l| l == Label::Person), "{labels:?}");
    }

    #[test]
    fn results_lines_name_teams() {
        let text = "Results on Thursday:\nDenver 6 Seattle 2\nBoston 5 Chicago 4\n";
        for team in ["Denver", "Seattle", "Boston", "Chicago"] {
            assert_eq!(label_of(text, team), [Label::Org], "{team}");
        }
        // A city in running text stays a city.
        assert_eq!(
            label_of("He has lived in Denver since 2004.", "Denver"),
            [Label::Gpe]
        );
    }

    #[test]
    fn interjections_are_no_names() {
        let text = "\"Oh, we never expected this,\" said Lina Park. \"Uh, no.\"";
        assert!(label_of(text, "Oh").is_empty());
        assert!(label_of(text, "Uh").is_empty());
        assert_eq!(label_of(text, "Lina Park"), [Label::Person]);
    }

    #[test]
    fn unknown_towns_after_a_locative() {
        let text = "Floods hit Quenbai on Monday. Rescuers in Quenbai said 40 people died.";
        let labels = label_of(text, "Quenbai");
        assert!(labels.iter().all(|&l| l == Label::Gpe), "{labels:?}");
    }

    #[test]
    fn ptb_brackets_are_punctuation() {
        let text = "Reuters -LRB- London -RRB- said so .";
        assert!(label_of(text, "LRB").is_empty());
        assert!(label_of(text, "RRB").is_empty());
    }
}
