//! The extractor: triggers, participants, status, date and place per sentence, then one
//! event per encounter across the document.

use std::ops::Not;

use chrono::{Datelike, Duration, NaiveDate};
use dateline_dates::{Timex, TimexKind};
use dateline_entities::Label;
use dateline_text::Span;

use crate::lexicon::{
    anaphor_head, cancel_cue, clause_stop, hypothetical_cue, left_stop, lower, may_trigger,
    negotiation_topic, ongoing_cue, party_noun, past_aux, past_governor, planned_cue, present_aux,
    reporting_verb, title_word, trigger, weekday, Flavor, Form, Trigger,
};
use crate::view::{units, Cast, Class, Unit, View, M};
use crate::{DateSource, Event, EventDate, EventKind, Input, Status};

/// How far back an anaphor ("the two leaders", "the meeting") may reach, in sentences.
const ANAPHOR_REACH: usize = 8;
/// Most earlier events a reading is compared with.
const MAX_LOOKBACK: usize = 64;
/// Most trigger words read in one sentence (the rest are ignored: no news sentence has more).
const MAX_TRIGGERS_PER_SENTENCE: usize = 16;
/// Most attendees a summit of one organisation takes from the sentences after it.
const MAX_ATTENDEES: usize = 3;
/// Longest subject window, in tokens.
const LEFT_REACH: usize = 30;
/// Longest object scan, in tokens.
const RIGHT_REACH: usize = 40;

/// One reading of a trigger, before merging.
#[derive(Debug, Clone)]
struct Cand {
    kind: EventKind,
    trigger: Span,
    /// Parties, in order (subject first).
    parties: Vec<usize>,
    /// Parties named in the sentence (not pronouns or anaphors).
    named: usize,
    /// The parties are those of an earlier event ("the two leaders").
    anaphoric: bool,
    /// No parties: "the meeting", "the talks" (merges into an earlier event).
    bare: bool,
    host: Option<usize>,
    hosted: bool,
    place: Option<usize>,
    date: Option<EventDate>,
    status: Status,
    /// The status came from a cue, not the default.
    cued: bool,
    title: bool,
    evidence: Span,
    unit: usize,
    verb: bool,
    /// "bilateral meetings with A and B": one meeting per party after the trigger; the
    /// number of parties before it.
    bilateral: Option<usize>,
    /// "their first conversation", "a previous meeting", "his last visit": another
    /// encounter than the one the article is about.
    distinct: bool,
    /// "Zelensky, who joined the meeting": one party joining an encounter told before.
    joiner: bool,
    /// "arrived in Damascus for talks with ...": talks told as the purpose of a visit of
    /// the same sentence.
    purpose: bool,
    /// "took place on the sidelines of the ... summit": another encounter than the
    /// gathering named after it in the sentence.
    sidelines: bool,
}

/// Per-document state carried from sentence to sentence.
struct Ctx<'i, 'c> {
    input: &'i Input<'i>,
    cast: &'c Cast<'c>,
    units: Vec<Unit>,
    /// Per unit: the first person mentioned in it (the subject, as news sentences go).
    first_person: Vec<Option<usize>>,
    /// Per unit: the person the text is about there (the first person named, or, when the
    /// sentence opens with "He"/"She", the one before).
    salient: Vec<Option<usize>>,
    /// Per unit: it speaks of a phone or a conversation.
    phone: Vec<bool>,
    events: Vec<Cand>,
    /// Per event: the evidence spans merged into it.
    evidence: Vec<Vec<Span>>,
}

pub(crate) fn run(input: &Input<'_>, regions: &[Span]) -> Vec<Event> {
    if !any_trigger(input, regions) {
        // Most texts tell no encounter: one pass over their tokens and nothing else.
        return Vec::new();
    }
    let cast = Cast::new(input.entities);
    let units = units(input.doc, regions, input.title);
    let (first_person, has_party) = first_persons(&cast, &units);
    let salient = salience(input, &units, &first_person);
    let mut ctx = Ctx {
        input,
        cast: &cast,
        units,
        first_person,
        salient,
        phone: Vec::new(),
        events: Vec::new(),
        evidence: Vec::new(),
    };
    let text = input.doc.text();
    let toks = input.doc.tokens();
    // Trigger words per sentence, and which sentences speak of a phone.
    let mut triggers: Vec<Vec<(usize, Trigger)>> = Vec::with_capacity(ctx.units.len());
    for unit in &ctx.units {
        let mut found = Vec::new();
        for (k, tok) in toks.iter().enumerate().take(unit.hi).skip(unit.lo) {
            if let Some(t) = trigger_of(tok.text(text)) {
                found.push((k, t));
                if found.len() == MAX_TRIGGERS_PER_SENTENCE {
                    break;
                }
            }
        }
        triggers.push(found);
    }
    ctx.phone = triggers
        .iter()
        .map(|ts| {
            ts.iter()
                .any(|(_, t)| t.flavor == Flavor::Phone || t.flavor == Flavor::Conversation)
        })
        .collect();
    for (ui, found) in triggers.iter().enumerate() {
        // A sentence without a party can only retell an encounter told before ("the
        // meeting", "they met") or the one the next sentence names the parties of: nothing
        // to read when neither is.
        let near = |u: Option<usize>| u.and_then(|u| has_party.get(u)).is_some_and(|&p| p);
        if found.is_empty()
            || !has_party[ui]
                && ctx.events.is_empty()
                && !near(ui.checked_sub(1))
                && !near(Some(ui + 1))
        {
            continue;
        }
        let unit = ctx.units[ui];
        let view = View::new(input.doc, &cast, input.dates, unit);
        // Other triggers, whose dates are their own; "phone" ("spoke by phone on Sunday") only
        // marks a call told by another word.
        let at: Vec<usize> = found
            .iter()
            .filter(|&&(k, t)| {
                !(t.flavor == Flavor::Phone
                    && matches!(
                        toks.get(k).map(|tok| lower(tok.text(text))).as_deref(),
                        Some("phone" | "telephone" | "phones")
                    ))
            })
            .map(|&(k, _)| k)
            .collect();
        let mut cands: Vec<Cand> = Vec::new();
        for &(k, t) in found {
            if let Some(c) = ctx.read(&view, ui, k, t, &at) {
                cands.extend(split_bilateral(c));
            }
        }
        visit_told_as_meeting(&view, &cast, &mut cands);
        absorb_within_sentence(&mut cands);
        for c in cands {
            ctx.add(c);
        }
    }
    ctx.finish()
}

/// Does any token of the regions look like a trigger word?
fn any_trigger(input: &Input<'_>, regions: &[Span]) -> bool {
    let text = input.doc.text();
    let toks = input.doc.tokens();
    regions.iter().any(|r| {
        let from = toks.partition_point(|t| t.span.start < r.start);
        toks.get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|t| t.span.end <= r.end)
            .any(|t| trigger_of(t.text(text)).is_some())
    })
}

/// The trigger a token is, if any: a cheap shape test, then the word lowercased on the
/// stack and looked up.
fn trigger_of(word: &str) -> Option<Trigger> {
    if !may_trigger(word) {
        return None;
    }
    let (buf, n) = ascii_lower(word)?;
    std::str::from_utf8(buf.get(..n)?).ok().and_then(trigger)
}

/// A short ASCII word lowercased into a stack buffer (no allocation): the trigger lookup.
fn ascii_lower(word: &str) -> Option<([u8; 16], usize)> {
    let b = word.as_bytes();
    if b.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some((buf, b.len()))
}

/// Per unit: the first person mentioned in it, and whether it mentions any party at all
/// (one sweep over the sorted mentions).
fn first_persons(cast: &Cast<'_>, units: &[Unit]) -> (Vec<Option<usize>>, Vec<bool>) {
    let ms = &cast.entities.mentions;
    let mut out = Vec::with_capacity(units.len());
    let mut parties = Vec::with_capacity(units.len());
    let mut p = 0;
    for u in units {
        while cast
            .order
            .get(p)
            .is_some_and(|&i| ms[i].span.end <= u.span.start)
        {
            p += 1;
        }
        let mut q = p;
        let mut found = None;
        let mut party = false;
        while let Some(&i) = cast.order.get(q) {
            let m = &ms[i];
            if m.span.start >= u.span.end {
                break;
            }
            party |= cast.is_party(m.entity);
            if cast.class(m.entity) == Class::Person {
                found = Some(m.entity);
                break;
            }
            q += 1;
        }
        out.push(found);
        parties.push(party || found.is_some());
    }
    (out, parties)
}

/// The person each unit is about, for pronouns: a sentence opening with "He", "She", "His"
/// or "Her" continues the previous one's person; otherwise its first person named.
fn salience(input: &Input<'_>, units: &[Unit], first: &[Option<usize>]) -> Vec<Option<usize>> {
    let text = input.doc.text();
    let toks = input.doc.tokens();
    let mut out: Vec<Option<usize>> = Vec::with_capacity(units.len());
    for (ui, u) in units.iter().enumerate() {
        let opens_with_pronoun = (u.lo..(u.lo + 3).min(u.hi)).any(|i| {
            toks.get(i).is_some_and(|t| {
                let w = t.text(text);
                ["he", "she", "his", "her"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        });
        let prev = if ui > 0 { out[ui - 1] } else { None };
        out.push(if opens_with_pronoun {
            prev.or(first[ui])
        } else {
            first[ui].or(prev)
        });
    }
    out
}

/// "The two leaders last met in December 2019, when A paid a visit to B in Beijing": a
/// visit to a person in the "when" clause of a meeting told without names is that meeting
/// (kind meet, with the visit's parties, place and date).
fn visit_told_as_meeting(v: &View<'_>, cast: &Cast<'_>, cands: &mut [Cand]) {
    let Some(meet) = cands
        .iter()
        .find(|c| c.kind == EventKind::Meet && c.verb && (c.anaphoric || c.bare))
        .map(|c| (c.trigger, c.date.clone()))
    else {
        return;
    };
    let at =
        |span: Span| (v.unit.lo..v.unit.hi).find(|&i| v.tok(i).is_some_and(|t| t.span == span));
    let Some(m) = at(meet.0) else {
        return;
    };
    for c in cands.iter_mut() {
        let to_person = c.kind == EventKind::Visit
            && !c.hosted
            && c.host.is_some_and(|h| cast.class(h) == Class::Person);
        if !to_person || c.trigger.start <= meet.0.start {
            continue;
        }
        let Some(k) = at(c.trigger) else {
            continue;
        };
        if (m + 1..k).any(|i| v.w(i) == "when" && v.w(i - 1) == ",") {
            c.kind = EventKind::Meet;
            c.host = None;
            if c.date.is_none() {
                c.date.clone_from(&meet.1);
            }
        }
    }
}

/// In one sentence, a reading without parties of its own ("the meeting", "the two leaders
/// met") next to one with parties tells the same encounter: keep the one with parties.
fn absorb_within_sentence(cands: &mut Vec<Cand>) {
    if cands.len() < 2 {
        return;
    }
    // A summit told with a meeting of the same sentence ("discussed the upcoming NATO
    // conference during a meeting", "a meeting on the sidelines of the G-20 Summit"): the
    // meeting's parties attend it.
    let meet_parties: Option<Vec<usize>> = cands
        .iter()
        .find(|c| {
            matches!(c.kind, EventKind::Meet | EventKind::Call | EventKind::Visit)
                && c.parties.len() >= 2
                && !c.anaphoric
        })
        .map(|c| {
            // A visit's guests attend; the place visited does not.
            c.parties
                .iter()
                .copied()
                .filter(|&p| !(c.kind == EventKind::Visit && Some(p) == c.host))
                .collect()
        });
    if let Some(mp) = meet_parties {
        for c in cands.iter_mut().filter(|c| c.kind == EventKind::Summit) {
            if c.parties.len() < 2 || c.parties.iter().any(|p| mp.contains(p)) {
                for &p in mp.iter().rev() {
                    if !c.parties.contains(&p) {
                        c.parties.insert(0, p);
                    }
                }
                c.bare = false;
            }
        }
    }
    // "X arrived in Damascus for talks with Syrian officials": the talks are what the visit
    // is for, one encounter (the visit, with the talks' parties).
    let mut i = 0;
    while i < cands.len() {
        let c = &cands[i];
        let visit = (c.purpose && matches!(c.kind, EventKind::Meet | EventKind::Negotiate))
            .then(|| {
                cands.iter().position(|v| {
                    v.kind == EventKind::Visit
                        && v.trigger.start < c.trigger.start
                        && overlap(&v.parties, &c.parties) >= 1
                })
            })
            .flatten();
        if let Some(vi) = visit {
            let c = cands.remove(i);
            let vi = if vi > i { vi - 1 } else { vi };
            let v = &mut cands[vi];
            for p in c.parties {
                push(&mut v.parties, p);
            }
            v.place = v.place.or(c.place);
            if v.date.is_none() {
                v.date = c.date;
            }
        } else {
            i += 1;
        }
    }
    // "Egypt brokered talks between Israel and Hamas": the talks are the mediated ones.
    if let Some(mi) = cands
        .iter()
        .position(|c| c.kind == EventKind::Mediate && c.parties.len() >= 2)
    {
        let (mt, mp) = (cands[mi].trigger, cands[mi].parties.clone());
        let mut extra: Vec<usize> = Vec::new();
        let mut place = None;
        cands.retain(|c| {
            let told = matches!(c.kind, EventKind::Meet | EventKind::Negotiate)
                && c.trigger.start > mt.start
                && overlap(&c.parties, &mp) >= 2.min(c.parties.len());
            if told {
                extra.extend(c.parties.iter().copied());
                place = place.or(c.place);
            }
            !told
        });
        if let Some(m) = cands
            .iter_mut()
            .find(|c| c.kind == EventKind::Mediate && c.trigger == mt)
        {
            for p in extra {
                push(&mut m.parties, p);
            }
            m.place = m.place.or(place);
        }
    }
    let has_named = cands.iter().any(|c| !c.bare && !c.anaphoric);
    if has_named {
        // Not a meeting on the sidelines of the gathering the sentence names after it.
        cands.retain(|c| !c.bare && !c.anaphoric || c.sidelines);
    }
    // Two triggers of one encounter ("held talks ... during the meeting", "arrived in ...
    // on his visit"): same kind and shared parties.
    let mut i = 0;
    while i < cands.len() {
        let mut j = i + 1;
        while j < cands.len() {
            let (a, b) = (&cands[i], &cands[j]);
            let talk = |k: EventKind| {
                matches!(
                    k,
                    EventKind::Meet | EventKind::Summit | EventKind::Negotiate
                )
            };
            let same = a.kind == b.kind
                && overlap(&a.parties, &b.parties)
                    >= 2.min(a.parties.len().min(b.parties.len()).max(1))
                || talk(a.kind)
                    && talk(b.kind)
                    && a.parties.len() == b.parties.len()
                    && overlap(&a.parties, &b.parties) == a.parties.len();
            if same {
                let b = cands.remove(j);
                let a = &mut cands[i];
                for p in b.parties {
                    if !a.parties.contains(&p) {
                        a.parties.push(p);
                    }
                }
                a.place = a.place.or(b.place);
                a.host = a.host.or(b.host);
                if a.date.is_none() {
                    a.date = b.date;
                }
                if !a.cued && b.cued {
                    a.status = b.status;
                    a.cued = true;
                }
                a.verb |= b.verb;
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

fn overlap(a: &[usize], b: &[usize]) -> usize {
    a.iter().filter(|x| b.contains(x)).count()
}

/// What the object scan found after a trigger.
#[derive(Default)]
struct Objects {
    parties: Vec<usize>,
    /// Parties after "by" (the host in "was received by").
    by: Vec<usize>,
    /// Parties after "to" (a visit's destination, a call's other end).
    to: Vec<usize>,
    /// Parties right after the trigger, as its direct object ("visited North Korea").
    direct: Vec<usize>,
    /// A place after "in"/"at"/"to" (first one).
    place: Option<usize>,
    /// A destination that is a place (city) after "to"/"in".
    dest_place: Option<usize>,
    /// "between the two leaders", "with them": the parties of the event before.
    anaphor: bool,
    /// A personal pronoun among the objects ("a meeting he had with").
    pronoun: Option<usize>,
    /// "his counterparts": the pronoun whose referent is a party too.
    owner: Option<usize>,
    /// Where the scan stopped.
    end: usize,
}

impl Ctx<'_, '_> {
    /// Reads the encounter a trigger tells, if it does.
    fn read(
        &self,
        v: &View<'_>,
        ui: usize,
        k: usize,
        trig: Trigger,
        others: &[usize],
    ) -> Option<Cand> {
        let lo = v.unit.lo;
        let hi = v.unit.hi;
        let prev = if k > lo { v.w(k - 1) } else { "" };
        let prev2 = if k > lo + 1 { v.w(k - 2) } else { "" };
        let next = v.w(k + 1);
        // A trigger word inside a person's name ("UN's De Mistura Meets Moallem": title-case
        // headline words taken for one name): the names around it are not known.
        if v.mention_at(k)
            .is_some_and(|m| self.cast.class(m.entity) == Class::Person)
        {
            return None;
        }
        // "the leaders of Canada and Mexico, who Trump has called": the verb's objects
        // come before it.
        let relative = self.relative_objects(v, k, trig.form);
        let mut kind = trig.kind;
        let mut form = trig.form;
        // The form from the words around.
        if matches!(
            prev,
            "to" | "will" | "'ll" | "would" | "shall" | "did" | "n't" | "can" | "must" | "not"
        ) && matches!(form, Form::Noun | Form::Base | Form::Present)
        {
            form = Form::Base;
        }
        if v.w(k) == "meeting" && matches!(prev, "is" | "are" | "was" | "were" | "be" | "been") {
            form = Form::Ing;
        }
        if v.w(k) == "visit" && !matches!(form, Form::Base) && !is_determiner(prev) {
            // "visit Pyongyang" after a modal is a verb; otherwise a noun.
            form = Form::Noun;
        }
        // The unit's phone context: "by phone", "phone call", "telephone conversation".
        let phone_near = (k.saturating_sub(4)..(k + 4).min(hi)).any(|i| {
            i != k
                && matches!(
                    v.w(i),
                    "phone" | "telephone" | "phoned" | "teleconference" | "videoconference"
                )
                || (v.w(i) == "video" && matches!(v.w(i + 1), "call" | "conference" | "link"))
        });
        match trig.flavor {
            Flavor::Phone => {
                // "phone call", "by phone": the head word or the verb is the trigger.
                if matches!(v.w(k), "teleconference" | "videoconference") {
                    kind = EventKind::Call;
                } else {
                    return None;
                }
            }
            Flavor::CallVerb => {
                // "paid a courtesy call on": a visit.
                if v.w(k) == "call" && prev == "courtesy" {
                    kind = EventKind::Visit;
                }
                // "called for", "called on", "called off", "called it": no call.
                let idiom = kind == EventKind::Call
                    && matches!(
                        next,
                        "for"
                            | "on"
                            | "upon"
                            | "off"
                            | "out"
                            | "into"
                            | "up"
                            | "it"
                            | "in"
                            | "back"
                            | "this"
                            | "that"
                            | "them"
                            | "himself"
                            | "herself"
                    );
                // "held a phone call on Friday": the noun takes no idiom.
                let noun = matches!(v.w(k), "call" | "calls")
                    && matches!(
                        prev,
                        "phone" | "telephone" | "video" | "a" | "the" | "their" | "his" | "her"
                    );
                if idiom && !noun && !matches!(v.w(k), "phoned" | "telephoned") {
                    return None;
                }
                if matches!(
                    prev,
                    "is" | "was" | "are" | "were" | "been" | "be" | "so" | "so-called"
                ) {
                    return None;
                }
                if v.w(k) == "call"
                    && !matches!(
                        prev,
                        "phone"
                            | "telephone"
                            | "video"
                            | "a"
                            | "the"
                            | "their"
                            | "his"
                            | "her"
                            | "conference"
                            | "courtesy"
                    )
                    && !phone_near
                {
                    // "call" as a verb needs a party right after it.
                    v.mention_at(k + 1)?;
                }
                if matches!(v.w(k), "called" | "calls") && relative.is_none() {
                    // "called X": a party (or a title before one) right after.
                    let obj = (k + 1..(k + 5).min(hi)).find(|&i| {
                        !title_word(v.w(i)) && !v.capitalized(i) || v.mention_at(i).is_some()
                    });
                    let ok = obj
                        .and_then(|i| v.mention_at(i))
                        .is_some_and(|m| self.cast.is_party(m.entity));
                    if !ok {
                        return None;
                    }
                }
            }
            Flavor::Speak => {
                let phone_context = phone_near
                    || (ui.saturating_sub(1)..=ui + 1)
                        .any(|u| self.phone.get(u).copied().unwrap_or(false));
                if !phone_context {
                    // "spoke with President Zelensky" (not "spoke with reporters", "spoke to
                    // the BBC"): with no phone near, two people talking face to face.
                    if next != "with" || !self.person_follows(v, k + 2) {
                        return None;
                    }
                    kind = EventKind::Meet;
                } else if !matches!(next, "with" | "to" | "by" | "over" | "on" | "via") {
                    return None;
                }
            }
            // "sat down with": a meeting.
            Flavor::SitDown if !(next == "down" && v.w(k + 2) == "with") => return None,
            Flavor::Conference => {
                if matches!(prev, "press" | "news" | "video" | "tele") {
                    if prev == "video" {
                        kind = EventKind::Call;
                    } else {
                        return None;
                    }
                }
            }
            // "gathered for a virtual meeting": the noun tells the kind; the verb is its
            // light verb.
            Flavor::Gather
                if form != Form::Noun
                    && (k + 1..(k + 6).min(hi)).any(|i| {
                        trigger(v.w(i))
                            .is_some_and(|t| t.form == Form::Noun && t.flavor != Flavor::Gather)
                    }) =>
            {
                return None;
            }
            Flavor::Handshake if next != "hands" => return None,
            // "held discussions", "discussions with": a meeting; other discussions are not.
            Flavor::Discussions
                if !(past_governor(prev)
                    || matches!(
                        prev,
                        "hold"
                            | "holds"
                            | "holding"
                            | "bilateral"
                            | "substantive"
                            | "substantial"
                            | "detailed"
                            | "direct"
                            | "formal"
                            | "informal"
                    )
                    || matches!(next, "with" | "between")
                    || event_predicate(v, k + 1, k).is_some()) =>
            {
                return None;
            }
            Flavor::Host => {
                if v.w(k) == "host" && !matches!(prev, "to" | "will" | "'ll" | "would" | "shall") {
                    return None;
                }
                // "Qatar hosted talks between Israel and Hamas", "will host a summit": the
                // noun tells the encounter; the host is its party.
                let noun_object = (k + 1..(k + 5).min(hi))
                    .take_while(|&i| v.mention_at(i).is_none() && !v.is_punct(i))
                    .any(|i| {
                        trigger(v.w(i)).is_some_and(|t| {
                            t.form == Form::Noun
                                && t.kind != EventKind::Visit
                                && t.flavor != Flavor::Phone
                        })
                    });
                if noun_object {
                    return None;
                }
                let passive_by = matches!(prev, "was" | "were" | "been" | "being" | "be")
                    && (k + 1..(k + 14).min(hi)).any(|i| v.w(i) == "by");
                if matches!(
                    v.w(k),
                    "received"
                        | "receives"
                        | "welcomed"
                        | "welcomes"
                        | "welcome"
                        | "greeted"
                        | "greets"
                ) && next != "by"
                    && relative.is_none()
                    && !passive_by
                {
                    // A party must follow directly (a title may come first).
                    let first = (k + 1..(k + 6).min(hi)).find(|&i| {
                        v.mention_at(i).is_some()
                            || !(title_word(v.w(i)) || (v.capitalized(i) && !v.is_punct(i)))
                    });
                    let ok = first.and_then(|i| v.mention_at(i)).is_some_and(|m| {
                        self.cast.class(m.entity) == Class::Person
                            || self.cast.class(m.entity) == Class::Nat && party_noun(v.w(m.b))
                    });
                    if !ok {
                        return None;
                    }
                }
            }
            _ => {}
        }
        let virtual_meeting = matches!(prev, "virtual" | "online" | "video")
            || matches!(prev2, "virtual" | "online" | "video") && is_determiner(prev).not();
        if (phone_near || virtual_meeting)
            && matches!(kind, EventKind::Meet | EventKind::Summit)
            && matches!(
                trig.flavor,
                Flavor::Talks | Flavor::Discussions | Flavor::Plain | Flavor::Conference
            )
        {
            kind = EventKind::Call;
        }
        if trig.flavor == Flavor::Talks {
            let before = (k.saturating_sub(3).max(lo)..k)
                .any(|i| negotiation_topic(v.w(i)) || v.w(i).starts_with("inter-"));
            let after = matches!(next, "on" | "over") && v.date_at(k + 2).is_none();
            if before || after {
                kind = EventKind::Negotiate;
            }
        }
        // ---- The clause: left window.
        let mut left = lo.max(k.saturating_sub(LEFT_REACH));
        let mut j = k;
        while j > left {
            j -= 1;
            if v.mention_at(j).is_none()
                && left_stop(v.w(j))
                && !(v.w(j) == "that" && j + 1 < k && is_determiner_like_that(v, j))
                || v.w(j) == "and" && starts_clause(v, j + 1)
                || v.w(j) == "-"
                    && v.tok(j)
                        .is_some_and(|t| t.is(dateline_text::Flags::SPACE_BEFORE))
                || matches!(v.w(j), "as" | "while" | "with") && j > lo && v.w(j - 1) == ","
                || matches!(v.w(j), "which" | "who" | "whom")
            {
                left = j + 1;
                break;
            }
        }
        // Status cues in the window (nearest first).
        let window: Vec<usize> = (left..k).collect();
        let mut hypothetical = false;
        let mut planned = false;
        let mut cancelled = false;
        let mut ongoing = false;
        let mut past = false;
        for &i in window.iter().rev() {
            let w = v.w(i);
            if v.mention_at(i).is_some() {
                continue;
            }
            if hypothetical_cue(w) && !(w == "no" && v.w(i + 1) == "longer") && governs(v, i, k) {
                // "would consider visiting", "declined to meet", "did not meet"; not
                // "declined to endorse Article 5 en route to the summit".
                hypothetical = true;
            }
            if cancel_cue(w) || w == "called" && v.w(i + 1) == "off" {
                cancelled = true;
            }
            let adjective = matches!(
                w,
                "upcoming"
                    | "forthcoming"
                    | "planned"
                    | "proposed"
                    | "scheduled"
                    | "next"
                    | "awaited"
            );
            let in_np = (i + 1..k).all(|j| {
                v.mention_at(j).is_some()
                    || !matches!(
                        v.w(j),
                        "in" | "on"
                            | "at"
                            | "for"
                            | "of"
                            | "to"
                            | "with"
                            | "and"
                            | ","
                            | "during"
                            | "by"
                            | "from"
                    )
            });
            if planned_cue(w) && (!adjective || in_np || v.w(i + 1) == "to")
                || w == "would"
                || matches!(w, "agreed" | "agree" | "agrees") && v.w(i + 1) == "to"
            {
                planned = true;
            }
            if w == "to"
                && i > lo
                && matches!(v.w(i - 1), "is" | "are" | "was" | "were")
                && i + 3 >= k
            {
                // "is to hold talks", "are to meet".
                planned = true;
            }
            if ongoing_cue(w) {
                ongoing = true;
            }
            // "are holding talks", "is wrapping up his visit": the noun's verb in the present
            // progressive; "X, who is in Beijing for talks": there for it now.
            if form == Form::Noun
                && i > lo
                && i + 5 >= k
                && progressive_governor(w)
                && present_aux(v.w(i - 1))
                || form == Form::Noun
                    && present_aux(w)
                    && matches!(v.w(i + 1), "in" | "at")
                    && (i + 2..k).any(|j| v.w(j) == "for")
            {
                ongoing = true;
            }
            if past_governor(w) || w.ends_with("ed") && i + 3 >= k && !planned_cue(w) {
                past = true;
            }
        }
        // "... that was scheduled after the vote and a meeting with the King on Friday": a
        // noun in a clause with no verb of its own takes the status of the clause before.
        if form == Form::Noun
            && !(planned || past || ongoing || cancelled)
            && left > lo
            && matches!(v.w(left - 1), "after" | "before" | "following")
            && !(left..k).any(|i| is_verb_like(v, i))
        {
            // The clause's modal may sit a long object before ("will together attend a
            // ceremony to sign several agreements following their talks").
            let earlier = (lo..left - 1).rev().take(20).map(|i| v.w(i));
            for w in earlier {
                if matches!(
                    w,
                    "scheduled" | "slated" | "planned" | "will" | "due" | "expected"
                ) {
                    planned = true;
                    break;
                }
                if is_verb_like_word(w) {
                    break;
                }
            }
        }
        if hypothetical {
            return None;
        }
        // Cancellation after the trigger: "the summit was cancelled", "talks were called off".
        for i in k + 1..(k + 5).min(hi) {
            let w = v.w(i);
            if cancel_cue(w)
                || (w == "called" && v.w(i + 1) == "off")
                || (w == "off" && v.w(i.saturating_sub(1)) == "called")
            {
                cancelled = true;
            }
            if matches!(w, "postponed" | "delayed") {
                planned = true;
            }
            let (n1, n2) = (v.w(i + 1), v.w(i + 2));
            if matches!(w, "will" | "would" | "shall")
                && (matches!(
                    n1,
                    "take" | "begin" | "start" | "open" | "resume" | "convene" | "continue"
                ) || n1 == "be"
                    && matches!(
                        n2,
                        "held" | "hosted" | "convened" | "organised" | "organized" | "chaired"
                    ))
                || matches!(w, "is" | "are" | "was" | "were")
                    && matches!(
                        n1,
                        "scheduled" | "due" | "set" | "expected" | "planned" | "slated" | "to"
                    )
            {
                planned = true;
            }
            if matches!(
                w,
                "took" | "was" | "were" | "ended" | "concluded" | "lasted" | "followed" | "came"
            ) && !planned
            {
                past = true;
            }
        }
        // "Talks between A and B are under way": the noun's own verb, after its parties.
        if form == Form::Noun && !(planned || cancelled) {
            let mut i = k + 1;
            while i < (k + 25).min(hi) {
                if let Some(m) = v.mention_at(i) {
                    i = m.b.max(i + 1);
                    continue;
                }
                let w = v.w(i);
                if present_aux(w) {
                    let (n1, n2) = (v.w(i + 1), v.w(i + 2));
                    if matches!(n1, "underway" | "ongoing" | "continuing")
                        || n1 == "under" && n2 == "way"
                        || n1 == "in" && n2 == "progress"
                    {
                        ongoing = true;
                    }
                    break;
                }
                if matches!(w, "," | ";" | "." | "which" | "who" | "that") || is_verb_like(v, i) {
                    break;
                }
                i += 1;
            }
        }
        // ---- Parties before the trigger.
        let mut parties: Vec<usize> = Vec::new();
        let mut named = 0usize;
        let mut pronoun_at: Option<usize> = None;
        let mut first_person_at: Option<usize> = None;
        let mut anaphoric = false;
        // "They" is the subject: the parties of the encounter told before.
        let mut they = false;
        let mut after_verb = false;
        let mut i = left;
        while i < k {
            if let Some(m) = v.mention_at(i) {
                if m.b > k {
                    break;
                }
                // After another verb ("discussed the National Defense Strategy and the
                // upcoming NATO conference") a mention is that verb's object, not a subject,
                // unless a party preposition takes it ("a meeting with", "talks between").
                let object_of_other = after_verb
                    && !matches!(
                        preposition_before(v, m.a, left),
                        Some("with" | "between" | "by" | "of" | "from")
                    )
                    && m.b + 3 < k
                    || form == Form::Noun && !subject_reaches_noun(v, m.b, k);
                if object_of_other {
                    i = m.b;
                    continue;
                }
                if let Some(p) = self.subject_party(v, m, left, k) {
                    push(&mut parties, p);
                    named += 1;
                    if self.cast.class(p) == Class::Person {
                        first_person_at = first_person_at.or(Some(i));
                    }
                }
                i = m.b;
                continue;
            }
            let w = v.w(i);
            if is_verb_like(v, i) {
                after_verb = true;
            }
            if matches!(w, "he" | "she") && !in_quotes(v, i)
                || matches!(w, "his" | "her" | "him") && (i + 3 >= k || !in_quotes(v, i))
            {
                pronoun_at = pronoun_at.or(Some(i));
            }
            if anaphor_head(w)
                && i > lo
                && matches!(
                    v.w(i - 1),
                    "two" | "both" | "the" | "three" | "four" | "main" | "all"
                )
                && !names_follow(v, i)
            {
                anaphoric = true;
            }
            if matches!(w, "they" | "both") && !in_quotes(v, i) {
                anaphoric = true;
                they |= w == "they";
            }
            if matches!(w, "i" | "we") {
                // "I called Scott Morrison", said by the quote's speaker.
                if let Some(p) = self.speaker_at(v, i) {
                    push(&mut parties, p);
                    named += 1;
                }
            }
            i += 1;
        }
        // "China asked South Korea to meet ...": the subject of an infinitive is the party
        // right before it, not the subject of the verb that governs it.
        if prev == "to" && parties.len() >= 2 {
            if let Some(verb_at) = (left..k.saturating_sub(1))
                .rev()
                .find(|&i| v.mention_at(i).is_none() && is_verb_like(v, i))
            {
                let after: Vec<usize> = (verb_at..k)
                    .filter_map(|i| v.mention_at(i))
                    .filter(|m| m.a >= verb_at)
                    .map(|m| m.entity)
                    .collect();
                if !after.is_empty() {
                    parties.retain(|p| after.contains(p));
                }
            }
        }
        // "meet (someone) halfway" is a compromise, not an encounter.
        if v.w(k) == "meet" && (k + 1..(k + 4).min(hi)).any(|i| v.w(i) == "halfway") {
            return None;
        }
        // ---- Parties after the trigger.
        let obj = self.objects(v, k, left, kind, trig.flavor);
        if obj.anaphor {
            anaphoric = true;
        }
        let obj_named = obj.parties.len() + obj.by.len() + obj.to.len();
        // Descriptions: "the Chinese president", "the envoy".
        if parties.is_empty() && pronoun_at.is_none() {
            if let Some(p) = self.description(v, ui, left, k) {
                push(&mut parties, p);
            }
        }
        // A clause without a subject of its own takes the main clause's: "X, who arrived
        // in ...", "X paid tribute ... while in Jakarta for talks with ...".
        if parties.is_empty() && pronoun_at.is_none() && left > lo {
            let boundary = v.w(left - 1);
            let reduced = matches!(boundary, "while" | "when" | "after" | "before" | "since")
                && (v.mention_at(left).is_none()
                    && !matches!(v.w(left), "he" | "she" | "they" | "the" | "it" | "we"));
            if boundary == "who" || reduced {
                let mut j = left - 1;
                let mut found = None;
                while j > lo {
                    j -= 1;
                    if let Some(m) = v.mention_at(j) {
                        if self.cast.is_party(m.entity)
                            && !attached_to_person(v, self.cast, m)
                            && !reporting_source(v, m, k)
                        {
                            found = Some(m.entity);
                            if boundary == "who" {
                                break;
                            }
                        }
                        j = m.a;
                    }
                }
                if let Some(p) = found.filter(|&p| self.cast.class(p) != Class::Nat) {
                    push(&mut parties, p);
                }
            }
        }
        let subjects_named = parties.len();
        let mut subjects = subjects_named;
        let pronoun_at = pronoun_at.or(obj.pronoun);
        let close_pronoun = pronoun_at.is_some_and(|i| {
            i + 3 >= k && i <= k + 1
                || matches!(v.w(i), "he" | "she") && first_person_at.map_or(true, |p| i < p)
        });
        if let Some(at) = pronoun_at.filter(|_| parties.len() < 2 || close_pronoun) {
            if let Some(p) = self.pronoun(ui, v, at) {
                if !parties.contains(&p) {
                    parties.insert(0, p);
                    subjects += 1;
                }
            }
        } else if let Some(at) = obj.owner.filter(|_| subjects_named == 0) {
            // "fresh from talks with his counterparts from Russia and France".
            if let Some(p) = self.pronoun(ui, v, at) {
                if !parties.contains(&p) && !obj.parties.contains(&p) {
                    parties.insert(0, p);
                    subjects += 1;
                }
            }
        }
        let mut host = None;
        let mut hosted = false;
        let passive = matches!(prev, "was" | "were" | "been" | "being" | "be") || next == "by";
        if trig.flavor == Flavor::Host && kind == EventKind::Visit {
            hosted = true;
            host = if passive {
                obj.by.first().copied()
            } else {
                parties.first().copied()
            };
        }
        for &p in obj.parties.iter().chain(&obj.by).chain(&obj.to) {
            push(&mut parties, p);
        }
        named += obj_named;
        // Objects of an object relative clause: one encounter each with its subject.
        let relative_split = match &relative {
            Some(objs) if subjects > 0 && obj_named == 0 => {
                let before = parties.len();
                for &p in objs {
                    push(&mut parties, p);
                }
                named += parties.len() - before;
                (parties.len() >= before + 2 && before == subjects).then_some(subjects)
            }
            _ => None,
        };
        let mut place = obj.place;
        if hosted && place.is_none() {
            // "welcome X to the White House".
            place = obj.dest_place;
        }
        // A visit's destination.
        if kind == EventKind::Visit && !hosted {
            // "visit to X", "visited X": the country or person visited hosts.
            if let Some(&d) = obj.to.first().or(obj.direct.first()) {
                host = Some(d);
            }
            if let Some(city) = obj.dest_place {
                place = Some(city);
                if host.is_none() {
                    // The city's country when the text names it; else, for a visit, the city
                    // stands for it ("will visit Pyongyang"). Travelling to a town is no visit
                    // by itself ("had been travelling to Shrewsbury").
                    let country = self.cast.country.get(city).copied().flatten();
                    // A trip abroad is a visit even when the text does not name the country:
                    // the traveller's country and the city's differ ("made a trip to Kyiv").
                    let abroad = || {
                        let city_country = self.cast.entity(city)?.country.as_deref()?;
                        let own = parties
                            .iter()
                            .find(|&&p| self.cast.class(p) == Class::Person)
                            .and_then(|&p| self.cast.entity(p)?.country.as_deref())?;
                        Some(own != city_country)
                    };
                    // A journey told beside another encounter of the sentence is that
                    // encounter's ("will travel to Beijing to meet Xi": the meeting takes the
                    // place; "met Xi before he flew to Beijing": the meeting was elsewhere).
                    let for_encounter = others.iter().any(|&o| o != k && lo <= o && o < hi);
                    host = if trig.flavor == Flavor::Travel
                        && (for_encounter || abroad() != Some(true))
                    {
                        country
                    } else {
                        Some(country.unwrap_or(city))
                    };
                    if let Some(h) = host {
                        push(&mut parties, h);
                    }
                }
            }
            // "his first Damascus visit": a place just before the noun.
            if place.is_none() {
                if let Some(m) = (k.saturating_sub(2).max(lo)..k)
                    .rev()
                    .find_map(|i| v.mention_at(i))
                {
                    if m.b == k && self.cast.is_place(m.entity) {
                        place = Some(m.entity);
                        if host.is_none() {
                            host = self.cast.country.get(m.entity).copied().flatten();
                            if let Some(h) = host {
                                push(&mut parties, h);
                            }
                        }
                    }
                }
            }
        }
        // "the Geneva talks", "Moscow inter-Syrian talks": a place right before the noun.
        if place.is_none() && form == Form::Noun {
            if let Some(m) = (k.saturating_sub(3).max(lo)..k)
                .rev()
                .find_map(|i| v.mention_at(i))
            {
                if self.cast.is_place(m.entity) && (m.b..k).all(|i| !v.is_punct(i)) {
                    place = Some(m.entity);
                    parties.retain(|&p| p != m.entity);
                }
            }
        }
        // A place before the trigger ("In Seoul, X met Y", "X, in Seoul for talks, ...").
        if place.is_none() {
            place = self.place_before(v, left, k);
        }
        // "met ... on the sidelines of the G-20 Summit in Bali": where the gathering is.
        let sidelines = (k + 1..(k + 12).min(hi))
            .find(|&i| matches!(v.w(i), "sidelines" | "sideline") && v.w(i + 1) == "of");
        if place.is_none() {
            place = sidelines.and_then(|at| self.sidelines_place(v, at));
        }
        // Summits: the organisation right before "summit" is a party ("the G-20 Summit",
        // "the upcoming NATO defense ministers conference", "NATO Defense Ministers' meeting").
        if matches!(kind, EventKind::Summit | EventKind::Meet) && form == Form::Noun {
            let org_before = (k.saturating_sub(4).max(lo)..k)
                .rev()
                .filter_map(|i| v.mention_at(i))
                .find(|m| matches!(self.cast.class(m.entity), Class::Org | Class::Country));
            if let Some(m) = org_before {
                let between: Vec<&str> = (m.b..k).map(|i| v.w(i)).collect();
                let group = between.iter().any(|w| {
                    matches!(
                        *w,
                        "ministers"
                            | "leaders"
                            | "heads"
                            | "ministerial"
                            | "members"
                            | "foreign"
                            | "defence"
                            | "defense"
                            | "climate"
                            | "leaders'"
                            | "ministers'"
                    )
                });
                let org = matches!(self.cast.class(m.entity), Class::Org | Class::Country);
                if org && (kind == EventKind::Summit && between.len() <= 2 || group) {
                    kind = EventKind::Summit;
                    parties.retain(|&p| p != m.entity);
                    parties.push(m.entity);
                }
            }
        }
        // Anaphors: "the two leaders", "they" stand for the parties of the event just told.
        let mut bare = false;
        let mut joiner = false;
        // "NATO defence ministers gathered": one organisation's members.
        let mut members = false;
        let definite = form == Form::Noun
            && (k.saturating_sub(3).max(lo)..k).any(|i| {
                matches!(
                    v.w(i),
                    "the" | "this" | "that" | "these" | "those" | "their" | "its" | "'s"
                )
            });
        if (k.saturating_sub(3).max(lo)..k).any(|i| v.w(i) == "their") {
            anaphoric = true;
        }
        // "did not mention Xi's comment on the summit or a visit to Seoul": an event named as
        // a topic is a reference to one told elsewhere, not a new one.
        let topic = form == Form::Noun && {
            let mut j = k;
            let mut found = false;
            while j > lo && j + 6 > k {
                j -= 1;
                let w = v.w(j);
                if matches!(w, "on" | "about" | "regarding" | "concerning") {
                    // "comment on the summit", "briefed him on the talks"; not "on his
                    // first visit", "on the sidelines of the summit".
                    let head = if j > lo { v.w(j - 1) } else { "" };
                    found = v.date_at(j + 1).is_none()
                        && (w != "on"
                            || matches!(
                                head,
                                "comment"
                                    | "comments"
                                    | "commented"
                                    | "remarks"
                                    | "statement"
                                    | "statements"
                                    | "report"
                                    | "reports"
                                    | "reported"
                                    | "details"
                                    | "detail"
                                    | "briefed"
                                    | "brief"
                                    | "spoke"
                                    | "speak"
                                    | "talked"
                                    | "views"
                                    | "position"
                                    | "focus"
                                    | "focused"
                                    | "information"
                                    | "update"
                                    | "silent"
                                    | "mention"
                                    | "mentioned"
                                    | "questions"
                                    | "question"
                                    | "reflected"
                                    | "insisted"
                                    | "agreement"
                                    | "agreed"
                                    | "decision"
                                    | "him"
                                    | "her"
                                    | "them"
                                    | "reporters"
                                    | "journalists"
                            ));
                    break;
                }
                if is_verb_like(v, j) || matches!(w, "," | ";" | "and") {
                    break;
                }
            }
            found
        };
        // "X is expected to meet Y during the trip": a definite noun after "during", with an
        // encounter told before it in the sentence, is the time of that one, not another.
        let during = form == Form::Noun
            && definite
            && (k.saturating_sub(3).max(lo)..k).any(|i| v.w(i) == "during")
            && others.iter().any(|&o| o < k && o >= lo);
        if topic || during {
            parties.clear();
            anaphoric = false;
        }
        if parties.is_empty() && (definite || topic) && !anaphoric {
            // "The meeting took place ahead of ...": a bare noun referring back.
            bare = true;
        } else if parties.len() < 2 {
            if anaphoric {
                if let Some(prev_parties) = self.antecedent(ui, kind) {
                    let own = parties.clone();
                    if own.iter().all(|p| prev_parties.contains(p)) {
                        parties = prev_parties;
                        anaphoric = true;
                    } else if kind == EventKind::Summit || they && subjects_named == 0 {
                        // "They also discussed the upcoming NATO ministers' meeting": the
                        // organisation's meeting, attended by them; "They will then meet
                        // with the defence secretary": a new encounter of theirs.
                        parties = prev_parties;
                        for p in own {
                            push(&mut parties, p);
                        }
                        // A new encounter (with its organisation), not a retelling.
                        anaphoric = false;
                    }
                } else if parties.is_empty() && self.events.is_empty() {
                    // No encounter told before: "Sunak and Meloni discussed migration. The two
                    // leaders agreed to meet again" are the two the sentence before names;
                    // "The meeting between the two leaders took place on the sidelines of
                    // ..." opening a text, the two the next sentence names first.
                    let before = ui
                        .checked_sub(1)
                        .map(|u| self.persons_in(u))
                        .unwrap_or_default();
                    let two = if before.len() == 2 {
                        before
                    } else {
                        self.persons_in(ui + 1)
                    };
                    if two.len() == 2 {
                        parties = two;
                        named = 2;
                        anaphoric = false;
                    }
                }
            }
            // "EU leaders have gathered in Brussels", "G7 foreign ministers met": a summit of
            // one organisation's members.
            if parties.len() == 1
                && self.cast.class(parties[0]) == Class::Org
                && group_subject(v, left, k)
            {
                kind = EventKind::Summit;
                members = true;
            }
            // A summit of one organisation gets its attendees from a meeting of the same
            // sentence (see `absorb_within_sentence`) or from "X joined the summit" later; "X
            // attended the meeting" adds X to the meeting told before. Anything else needs
            // two parties.
            if parties.len() == 1 && definite && form == Form::Noun && kind != EventKind::Summit {
                joiner = true;
            } else if parties.len() < 2 && !(kind == EventKind::Summit && parties.len() == 1) {
                return None;
            }
        }
        // ---- Kind refinements. Three people, or four sides (a person and their own
        // country are one side; "trilateral talks between China, Japan and South Korea"
        // stay a meeting), gather at a summit.
        let persons = parties
            .iter()
            .filter(|&&p| self.cast.class(p) == Class::Person)
            .count();
        if (kind == EventKind::Meet || kind == EventKind::Visit && hosted)
            && (persons >= 3 || self.distinct_parties(&parties) >= 4)
            && !anaphoric
        {
            kind = EventKind::Summit;
        }
        // "four-way talks", "a multilateral meeting": many sides by the words themselves.
        if kind == EventKind::Meet
            && form == Form::Noun
            && parties.len() >= 3
            && (k.saturating_sub(4).max(lo)..k).any(|i| many_sided(v, i))
        {
            kind = EventKind::Summit;
        }
        // "two leaders meeting, even at a summit, is a meeting": a summit of two people or
        // countries and no organisation.
        if kind == EventKind::Summit
            && parties.len() == 2
            && parties
                .iter()
                .all(|&p| matches!(self.cast.class(p), Class::Person | Class::Country))
        {
            kind = EventKind::Meet;
        }
        if trig.flavor == Flavor::Gather
            && parties.len() < 2
            && !bare
            && !(members && parties.len() == 1)
        {
            return None;
        }
        if trig.flavor == Flavor::Travel && persons == 0 {
            // "The plane was flying from Almaty to Nur-Sultan": people travel to meet.
            return None;
        }
        // ---- Status.
        let trig_word = v.w(k);
        let mut cued = true;
        let status = if cancelled {
            Status::Cancelled
        } else if planned
            || form == Form::Base
                && matches!(
                    prev,
                    "to" | "will" | "'ll" | "would" | "shall" | "can" | "must"
                )
        {
            Status::Planned
        } else if form == Form::Ing && window.last().is_some_and(|&i| present_aux(v.w(i)))
            || ongoing
            || trig.flavor == Flavor::Arrive
            || (kind == EventKind::Visit && trig_word == "visiting")
        {
            Status::Ongoing
        } else if matches!(form, Form::Past)
            || past
            || form == Form::Ing && window.last().is_some_and(|&i| past_aux(v.w(i)))
        {
            Status::Happened
        } else {
            cued = false;
            Status::Happened
        };
        // ---- Date.
        let mut date = self.date(v, ui, k, left, obj.end, status, others);
        // "Kishida and Yoon are meeting in Tokyo on Monday" (a Thursday article): the present
        // progressive with another day than the publication's is an arrangement, planned.
        let progressive = form == Form::Ing
            && window.last().is_some_and(|&i| present_aux(v.w(i)))
            && !ongoing
            && trig.flavor != Flavor::Arrive;
        let mut status = status;
        if status == Status::Ongoing && progressive {
            if let (Some(d), Some(p)) = (&date, self.input.published) {
                let named = d
                    .span
                    .and_then(|s| self.input.doc.text().get(s.start..s.end))
                    .filter(|t| !t.bytes().any(|b| b.is_ascii_digit()))
                    .and_then(|t| {
                        lower(t)
                            .split(|c: char| !c.is_ascii_alphabetic())
                            .find_map(weekday)
                    });
                if named.is_some_and(|w| w != p.weekday().num_days_from_monday()) {
                    status = Status::Planned;
                    date = self.date(v, ui, k, left, obj.end, status, others);
                }
            }
        }
        // "held their first summit on March 16" in an article of March 5: a day without a
        // year that a past verb tells is the last one, not the next.
        if let (Some(d), Some(p)) = (&mut date, self.input.published) {
            let yearless = d
                .span
                .and_then(|s| self.input.doc.text().get(s.start..s.end))
                .is_some_and(|t| !t.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4));
            if yearless
                && status == Status::Happened
                && (matches!(form, Form::Past) || past)
                && value_range(&d.value).is_some_and(|(a, _)| a > p + Duration::days(1))
            {
                if let Some(earlier) = year_before(&d.value) {
                    d.value = earlier;
                }
            }
        }
        if let (Some(d), Some(p)) = (&date, self.input.published) {
            if let Some((a, _)) = value_range(&d.value) {
                if a > p
                    && matches!(status, Status::Happened)
                    && !(matches!(form, Form::Past) || past)
                {
                    status = Status::Planned;
                    cued = true;
                }
            }
            if status == Status::Ongoing && trig.flavor == Flavor::Arrive {
                if let Some((_, b)) = value_range(&d.value) {
                    if b + Duration::days(3) < p {
                        status = Status::Happened;
                    }
                }
            }
        }
        let verb = !matches!(form, Form::Noun);
        // "who arrived on Tuesday on his first Damascus visit", "X, on a visit to Y," and
        // "X is on a visit to Y": the visit is under way.
        let on_a_visit = (k.saturating_sub(4).max(lo)..k).any(|i| {
            v.w(i) == "on"
                && matches!(
                    v.w(i + 1),
                    "a" | "an" | "his" | "her" | "their" | "its" | "the"
                )
        }) && !(k.saturating_sub(8).max(lo)..k)
            .any(|i| matches!(v.w(i), "was" | "were" | "during" | "after" | "before"));
        if kind == EventKind::Visit
            && form == Form::Noun
            && status == Status::Happened
            && !cued
            && (on_a_visit
                || (k.saturating_sub(8).max(lo)..k)
                    .any(|i| matches!(v.w(i), "arrived" | "arrives" | "arriving")))
        {
            status = Status::Ongoing;
            cued = true;
        }
        let distinct = (k.saturating_sub(3).max(lo)..k).any(|i| {
            matches!(v.w(i), "previous" | "last" | "earlier" | "next" | "another" | "former" | "past" | "prior")
                // "their first conversation took place on November 9", but not the predicate
                // "it was the first meeting of the two secretaries".
                || matches!(v.w(i), "first" | "second" | "third")
                    && !(lo..i).rev().take(3).any(|j| matches!(v.w(j), "was" | "is" | "be" | "been" | "were" | "are"))
        });
        let bilateral = (matches!(v.w(k), "meetings" | "talks" | "calls" | "visits")
            && (k.saturating_sub(2).max(lo)..k)
                .any(|i| matches!(v.w(i), "bilateral" | "separate"))
            && subjects > 0
            && parties.len() >= subjects + 2)
            .then_some(subjects)
            .or(relative_split);
        Some(Cand {
            kind,
            trigger: v.tok(k).map_or(v.unit.span, |t| t.span),
            parties,
            named,
            anaphoric,
            bare,
            host: host.filter(|_| kind == EventKind::Visit || kind == EventKind::Summit),
            hosted: hosted && kind == EventKind::Visit,
            place,
            date,
            status,
            cued,
            title: v.unit.title,
            evidence: v.unit.span,
            unit: ui,
            verb,
            bilateral,
            distinct,
            joiner,
            purpose: form == Form::Noun
                && (k.saturating_sub(4).max(lo)..k).any(|i| v.w(i) == "for")
                && !(k.saturating_sub(4).max(lo)..k)
                    .any(|i| matches!(v.w(i), "," | ";" | "and" | "after" | "before" | "during")),
            sidelines: sidelines.is_some(),
        })
    }

    /// A mention before the trigger as a subject party, unless it is a title's country
    /// ("South Korean Prime Minister Han"), a place ("in Seoul") or a topic ("on Syria").
    fn subject_party(&self, v: &View<'_>, m: M, left: usize, k: usize) -> Option<usize> {
        let class = self.cast.class(m.entity);
        if parenthesized(v, m) {
            return None;
        }
        if attached_to_person(v, self.cast, m) {
            return None;
        }
        let before = preposition_before(v, m.a, left);
        if matches!(
            before,
            Some(
                "in" | "at"
                    | "on"
                    | "about"
                    | "for"
                    | "near"
                    | "inside"
                    | "against"
                    | "over"
                    | "regarding"
                    | "to"
                    | "into"
                    | "across"
                    | "toward"
                    | "towards"
            )
        ) {
            return None;
        }
        match class {
            Class::Person => (!reporting_source(v, m, k)).then_some(m.entity),
            Class::Country | Class::Org => {
                if reporting_source(v, m, k) || modifier_use(v, m) {
                    return None;
                }
                match self.role_of(v, m) {
                    Some(described) => described,
                    None => Some(m.entity),
                }
            }
            Class::Nat => self.nationality(v, m),
            _ => None,
        }
    }

    /// "UN envoy", "OPEC president": an organisation or country followed by the role of one
    /// person, with no name after it. `Some(person)` when the person is found, `Some(None)`
    /// when not (the mention is then no party), `None` when the mention is not a role's.
    #[allow(clippy::option_option)]
    fn role_of(&self, v: &View<'_>, m: M) -> Option<Option<usize>> {
        if let Some(p) = self.role_before_of(v, m) {
            return Some(Some(p));
        }
        let mut i = m.b;
        let mut head: Option<&str> = None;
        while i < v.unit.hi && i < m.b + 4 {
            if v.mention_at(i).is_some() {
                return None;
            }
            let w = v.w(i);
            if matches!(
                w,
                "envoy"
                    | "chief"
                    | "director"
                    | "head"
                    | "minister"
                    | "president"
                    | "secretary"
                    | "secretary-general"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "ambassador"
                    | "chairman"
                    | "mediator"
                    | "negotiator"
            ) {
                head = Some(w);
            } else if !(matches!(
                w,
                "'s" | "'"
                    | "peace"
                    | "special"
                    | "foreign"
                    | "prime"
                    | "defence"
                    | "defense"
                    | "top"
                    | "deputy"
                    | "new"
                    | "former"
                    | "general"
            )) {
                break;
            }
            i += 1;
        }
        let head = head?;
        let org = self.cast.entity(m.entity).map(|e| e.name.as_str());
        let is_org = self.cast.class(m.entity) == Class::Org;
        let envoy = matches!(head, "envoy" | "mediator" | "negotiator");
        let with_role = |p: &&crate::view::Person<'_>| {
            let person_org = self.cast.entity(p.entity).and_then(|e| e.org.as_deref());
            p.role.as_deref().is_some_and(|r| role_fits(r, head))
                && (p.country == org
                    || p.country.is_none()
                    || is_org && person_org == org
                    // An organisation's envoy is of any nationality ("the UN envoy ...
                    // Norwegian diplomat Geir Pedersen"), unless the text ties them to
                    // another organisation.
                    || is_org && envoy && person_org.is_none())
        };
        let person = self
            .cast
            .people
            .iter()
            .find(with_role)
            .map(|p| (p.entity, ()));
        if let Some((pi, _)) = person {
            return Some(Some(pi));
        }
        if matches!(head, "envoy" | "mediator" | "negotiator") {
            let ui = self.unit_of(v);
            return Some(self.next_unnamed_person(ui));
        }
        Some(None)
    }

    /// The parties an object relative clause ending in the trigger refers back to: in
    /// "the prime ministers of Canada and Mexico, who Trump has called so far", Canada and
    /// Mexico (the clause's subject is read as usual). `None` unless the clause is "who" /
    /// "whom" + a named subject + auxiliaries + the trigger verb with no object after it.
    fn relative_objects(&self, v: &View<'_>, k: usize, form: Form) -> Option<Vec<usize>> {
        if form == Form::Noun || form == Form::Ing {
            return None;
        }
        let lo = v.unit.lo;
        // Back from the trigger: auxiliaries and adverbs, then the subject, then "who".
        let mut j = k;
        while j > lo
            && matches!(
                v.w(j - 1),
                "has" | "have" | "had" | "already" | "also" | "recently" | "since" | "personally"
            )
        {
            j -= 1;
        }
        let subject = v.mention_at(j.checked_sub(1)?)?;
        if subject.b != j || !self.cast.is_party(subject.entity) {
            return None;
        }
        let mut r = subject.a;
        while r > lo && title_word(v.w(r - 1)) && v.w(r - 1) != "and" {
            r -= 1;
        }
        if r <= lo || !matches!(v.w(r - 1), "who" | "whom") {
            return None;
        }
        // No object after the verb: the relative pronoun is it.
        let object_after = (k + 1..(k + 4).min(v.unit.hi))
            .take_while(|&i| !v.is_punct(i))
            .any(|i| v.mention_at(i).is_some() || matches!(v.w(i), "him" | "her" | "them"));
        if object_after {
            return None;
        }
        // The noun phrase before "who": parties joined by commas, "and", "of" and titles.
        let mut out = Vec::new();
        let mut i = r - 1;
        let mut steps = 0;
        while i > lo && steps < 24 {
            i -= 1;
            steps += 1;
            if let Some(m) = v.mention_at(i) {
                let p = match self.cast.class(m.entity) {
                    Class::Nat => self.nationality(v, m),
                    Class::Person | Class::Country | Class::Org => Some(m.entity),
                    _ => None,
                };
                if let Some(p) = p.filter(|&p| p != subject.entity) {
                    out.insert(0, p);
                }
                i = m.a;
                continue;
            }
            let w = v.w(i);
            if !(matches!(w, "," | "and" | "of" | "'s") || title_word(w) || is_determiner(w)) {
                break;
            }
        }
        out.dedup();
        (!out.is_empty()).then_some(out)
    }

    /// "the Prime Minister of Sri Lanka", "the foreign minister of the Philippines": the
    /// person the text names elsewhere with that role and that country (or organisation).
    /// `None` when the mention is not such a complement or no one fits (the country then
    /// stands for itself).
    fn role_before_of(&self, v: &View<'_>, m: M) -> Option<usize> {
        let mut i = m.a;
        // Back over a list: "the foreign ministers of Peru, Chile and the UK".
        for _ in 0..8 {
            if i > v.unit.lo && v.w(i - 1) == "the" {
                i -= 1;
            }
            let listed = (i > v.unit.lo + 1 && matches!(v.w(i - 1), "," | "and"))
                .then(|| v.mention_at(i - 2))
                .flatten()
                .filter(|p| matches!(self.cast.class(p.entity), Class::Country | Class::Org));
            match listed {
                Some(p) => i = p.a,
                None => break,
            }
        }
        if !(i > v.unit.lo + 1 && v.w(i - 1) == "of") {
            return None;
        }
        let head_at = i - 2;
        let plural = v.w(head_at);
        let head = match plural {
            "secretaries" => "secretary",
            p => p.strip_suffix('s').filter(|h| !h.is_empty()).unwrap_or(p),
        };
        if !matches!(
            head,
            "president"
                | "minister"
                | "premier"
                | "chancellor"
                | "king"
                | "queen"
                | "emperor"
                | "leader"
                | "envoy"
                | "secretary"
                | "ambassador"
        ) {
            return None;
        }
        // The title's words before the head: "prime", "foreign", "deputy foreign".
        let mut from = head_at;
        while from > v.unit.lo
            && head_at - from < 3
            && v.mention_at(from - 1).is_none()
            && matches!(
                v.w(from - 1),
                "prime" | "foreign" | "defence" | "defense" | "deputy" | "vice" | "interior"
            )
        {
            from -= 1;
        }
        let mut title: Vec<&str> = (from..head_at).map(|j| v.w(j)).collect();
        title.push(head);
        let title = title.join(" ");
        let target = self.cast.entity(m.entity)?;
        let class = self.cast.class(m.entity);
        let fits = |p: &&crate::view::Person<'_>| {
            p.role
                .as_deref()
                .is_some_and(|r| r.contains(title.as_str()))
                && match class {
                    Class::Country => p.country == Some(target.name.as_str()),
                    Class::Org => {
                        self.cast.entity(p.entity).and_then(|e| e.org.as_deref())
                            == Some(target.name.as_str())
                    }
                    _ => false,
                }
        };
        self.cast.people.iter().find(fits).map(|p| p.entity)
    }

    /// Is the first word from `i` on (past titles and determiners) a person's name?
    fn person_follows(&self, v: &View<'_>, i: usize) -> bool {
        let first = (i..(i + 6).min(v.unit.hi)).find(|&j| match v.mention_at(j) {
            Some(m) => !attached_to_person(v, self.cast, m),
            None => !(title_word(v.w(j)) || is_determiner(v.w(j))),
        });
        first
            .and_then(|j| v.mention_at(j))
            .is_some_and(|m| self.cast.class(m.entity) == Class::Person)
    }

    /// The speaker of the quote token `i` is in, if known.
    fn speaker_at(&self, v: &View<'_>, i: usize) -> Option<usize> {
        let at = v.tok(i)?.span.start;
        let sp = self.input.speakers;
        let j = sp.partition_point(|(s, _)| s.end <= at);
        sp.get(j)
            .filter(|(s, _)| s.start <= at)
            .map(|&(_, e)| e)
            .filter(|&e| self.cast.class(e) == Class::Person)
    }

    /// The unit index of a view.
    fn unit_of(&self, v: &View<'_>) -> usize {
        self.units
            .partition_point(|u| u.span.start < v.unit.span.start)
    }

    /// The parties counted as sides: a country also named through its own person ("President
    /// Ruto and Kenya") is one side with them.
    fn distinct_parties(&self, parties: &[usize]) -> usize {
        parties
            .iter()
            .filter(|&&p| {
                !(self.cast.class(p) == Class::Country
                    && parties.iter().any(|&q| {
                        q != p
                            && self.cast.class(q) == Class::Person
                            && self.cast.country.get(q).copied().flatten() == Some(p)
                    }))
            })
            .count()
    }

    /// The first two people a unit names (none when the unit does not exist).
    fn persons_in(&self, ui: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let Some(u) = self.units.get(ui) else {
            return out;
        };
        let ms = &self.cast.entities.mentions;
        let from = self
            .cast
            .order
            .partition_point(|&i| ms[i].span.start < u.span.start);
        for &i in &self.cast.order[from..] {
            let m = &ms[i];
            if m.span.end > u.span.end || out.len() == 2 {
                break;
            }
            if self.cast.class(m.entity) == Class::Person {
                push(&mut out, m.entity);
            }
        }
        out
    }

    /// The first person of the next sentence, when no role is known for them (an envoy
    /// described in the lead and named in the sentence after it).
    fn next_unnamed_person(&self, ui: usize) -> Option<usize> {
        let p = self.first_person.get(ui + 1).copied().flatten()?;
        self.cast
            .entity(p)
            .is_some_and(|e| e.role.is_none())
            .then_some(p)
    }

    /// A nationality as a party: "Syrian officials" -> Syria (or the nationality itself when
    /// the document names no such country); "the Saudis".
    fn nationality(&self, v: &View<'_>, m: M) -> Option<usize> {
        // A nationality of no country ("African", "European") stands for no party.
        let country_name = self.cast.entity(m.entity)?.country.as_deref()?;
        // The noun the nationality qualifies, across a list: "Turkish, French, German and
        // British leaders".
        let mut i = m.b;
        while i < v.unit.hi {
            match v.mention_at(i) {
                Some(n) if self.cast.class(n.entity) == Class::Nat => i = n.b,
                Some(_) => return None,
                None if matches!(v.w(i), "," | "and") => i += 1,
                None => break,
            }
        }
        let next = v.w(i);
        let plural = v.raw(m.b.saturating_sub(1)).ends_with('s') && m.b == i;
        if !(party_noun(next) || plural && !v.capitalized(m.b)) {
            return None;
        }
        // "the Angolan president": the person with that role, when the text names one.
        if matches!(
            next,
            "president"
                | "premier"
                | "chancellor"
                | "king"
                | "leader"
                | "prime"
                | "foreign"
                | "emperor"
        ) && m.b == i
        {
            let role = if next == "prime" {
                "prime minister"
            } else if next == "foreign" {
                "foreign"
            } else {
                next
            };
            let with_role =
                |p: &&crate::view::Person<'_>| p.role.as_deref().is_some_and(|r| r.contains(role));
            let people = &self.cast.people;
            let person = people
                .iter()
                .filter(with_role)
                .find(|p| p.country == Some(country_name))
                .or_else(|| {
                    // A person with that role and no known country, if only one.
                    let mut it = people
                        .iter()
                        .filter(with_role)
                        .filter(|p| p.country.is_none());
                    let first = it.next();
                    if it.next().is_some() {
                        None
                    } else {
                        first
                    }
                })
                .map(|p| (p.entity, ()));
            if let Some((pi, _)) = person {
                return Some(pi);
            }
        }
        Some(
            self.cast
                .country
                .get(m.entity)
                .copied()
                .flatten()
                .unwrap_or(m.entity),
        )
    }

    /// The parties, place and destination after a trigger.
    fn objects(
        &self,
        v: &View<'_>,
        k: usize,
        left: usize,
        kind: EventKind,
        flavor: Flavor,
    ) -> Objects {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum Prep {
            Direct,
            With,
            By,
            To,
            In,
            Topic,
        }
        let hi = v.unit.hi.min(k + RIGHT_REACH);
        let mut out = Objects::default();
        // "Zelensky, who joined the meeting, welcomed ...": a relative clause ends at its
        // comma.
        let relative = left > v.unit.lo && matches!(v.w(left - 1), "who" | "which");
        // "After two days of negotiations, Saudi Arabia and OPEC said ...": the trigger is in
        // a fronted phrase whose subject follows the comma, even when it is also the
        // subject of saying.
        let fronted = matches!(
            v.w(v.unit.lo),
            "after"
                | "following"
                | "during"
                | "at"
                | "in"
                | "despite"
                | "before"
                | "since"
                | "amid"
        ) && (v.unit.lo + 1..k).all(|i| !is_verb_like(v, i) && v.w(i) != ",");
        let mut prep = Prep::Direct;
        let mut gap = 0;
        let mut i = k + 1;
        let mut parties_done = false;
        let mut depth = 0i32;
        while i < hi {
            if let Some(d) = v.date_at(i) {
                i = d.b.max(i + 1);
                gap = 0;
                continue;
            }
            if let Some(m) = v.mention_at(i) {
                let class = self.cast.class(m.entity);
                let next_i = m.b.max(i + 1);
                match prep {
                    Prep::In => {
                        let airport = self
                            .cast
                            .entity(m.entity)
                            .is_some_and(|e| lower(&e.name).contains("airport"));
                        if airport && out.place.is_none() {
                            // "welcomed at the airport in Katunayake": the town is the place.
                        } else if self.cast.is_place(m.entity) && out.place.is_none() && depth == 0
                        {
                            out.place = Some(m.entity);
                            if kind == EventKind::Visit
                                && matches!(flavor, Flavor::Arrive)
                                && out.dest_place.is_none()
                            {
                                out.dest_place = Some(m.entity);
                            }
                        } else if class == Class::Country
                            && kind == EventKind::Visit
                            && matches!(flavor, Flavor::Arrive)
                            && out.to.is_empty()
                        {
                            out.to.push(m.entity);
                        }
                    }
                    Prep::Topic => {}
                    _ if parties_done || depth > 0 => {}
                    _ => {
                        if attached_to_person(v, self.cast, m) {
                            // A title's country: the person follows.
                        } else if let Some(p) = self.role_before_of(v, m) {
                            // "the Prime Minister of Sri Lanka": the person with that role.
                            push(&mut out.parties, p);
                        } else if class == Class::Nat {
                            if let Some(p) =
                                self.counterpart(v, m, k).or_else(|| self.nationality(v, m))
                            {
                                push(&mut out.parties, p);
                            }
                        } else if matches!(class, Class::Org | Class::Country)
                            && self.role_of(v, m).is_some()
                        {
                            if let Some(Some(p)) = self.role_of(v, m) {
                                push(&mut out.parties, p);
                            }
                        } else if self.cast.is_party(m.entity)
                            && (fronted || !reporting_source(v, m, k))
                            && !parenthesized(v, m)
                            && !(matches!(class, Class::Org | Class::Country) && modifier_use(v, m))
                        {
                            match prep {
                                Prep::By => push(&mut out.by, m.entity),
                                Prep::To => push(&mut out.to, m.entity),
                                Prep::Direct => {
                                    push(&mut out.parties, m.entity);
                                    push(&mut out.direct, m.entity);
                                }
                                _ => push(&mut out.parties, m.entity),
                            }
                        } else if self.cast.is_place(m.entity) {
                            if prep == Prep::To && kind == EventKind::Visit {
                                if out.dest_place.is_none() {
                                    out.dest_place = Some(m.entity);
                                }
                            } else if prep == Prep::To
                                && out.place.is_none()
                                && class == Class::Venue
                            {
                                out.place = Some(m.entity);
                            } else if kind == EventKind::Visit
                                && prep == Prep::Direct
                                && out.dest_place.is_none()
                                && out.parties.is_empty()
                            {
                                // "visited Pyongyang".
                                out.dest_place = Some(m.entity);
                            } else if matches!(kind, EventKind::Negotiate | EventKind::Meet)
                                && prep == Prep::With
                                && matches!(v.w(m.a.saturating_sub(1)), "with" | "between" | "and")
                                && v.capitalized(m.a)
                                && self.cast.country.get(m.entity).copied().flatten().is_some()
                            {
                                // "talks between Moscow and Pyongyang": capitals for their countries.
                                push(&mut out.parties, m.entity);
                            }
                        }
                    }
                }
                i = next_i;
                gap = 0;
                continue;
            }
            let w = v.w(i);
            if let Some(skip) = event_predicate(v, i, k) {
                // "The meeting took place in Beijing", "talks held in Geneva": the verb
                // tells where the encounter was, the scan goes on.
                i = skip;
                continue;
            }
            if relative && w == ","
                || i > k + 1 && is_verb_like(v, i) && trigger(w).is_none() && !reporting_verb(w)
            {
                // A new predicate ("... the meeting, welcomed the decisions").
                break;
            }
            if trigger(w).is_some_and(|t| t.form == Form::Noun && t.flavor != Flavor::Phone)
                && i > k + 1
            {
                // Another event's noun ("travelled to Luebeck fresh from talks with ...").
                parties_done = true;
            }
            if w == "and" && starts_clause(v, i + 1) {
                break;
            }
            match w {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                "with" | "between" | "among" | "including" | "and" | "," | "&" | "from" | "of"
                | "alongside" => {
                    if matches!(w, "with" | "between" | "among") || w == "from" && prep != Prep::In
                    {
                        prep = Prep::With;
                    }
                    gap = 0;
                }
                "by" => {
                    prep = if matches!(v.w(i + 1), "phone" | "telephone" | "video") {
                        prep
                    } else {
                        Prep::By
                    };
                    gap = 0;
                }
                "to" => {
                    // "to discuss": a purpose clause ends the parties.
                    let nx = v.w(i + 1);
                    if v.mention_at(i + 1).is_none()
                        && !is_determiner(nx)
                        && !title_word(nx)
                        && !v.capitalized(i + 1)
                        && v.date_at(i + 1).is_none()
                    {
                        parties_done = true;
                        prep = Prep::Topic;
                    } else {
                        prep = Prep::To;
                    }
                    gap = 0;
                }
                "in" | "at" | "inside" | "near" => {
                    prep = Prep::In;
                    gap = 0;
                }
                "on" | "for" => {
                    if w == "on" && i == k + 1 && v.w(k) == "call" {
                        // "paid a courtesy call on the president".
                        prep = Prep::With;
                    } else if v.date_at(i + 1).is_some() {
                        // "on Saturday"
                    } else if w == "on"
                        && v.w(i + 1) == "the"
                        && matches!(
                            v.w(i + 2),
                            "sidelines" | "sideline" | "margins" | "margin" | "fringes" | "fringe"
                        )
                    {
                        prep = Prep::In;
                        i += 2;
                    } else if w == "for"
                        && matches!(
                            v.w(i + 1),
                            "talks"
                                | "a"
                                | "an"
                                | "the"
                                | "his"
                                | "her"
                                | "their"
                                | "two"
                                | "three"
                                | "several"
                                | "bilateral"
                                | "official"
                        )
                    {
                        // "in Jakarta for talks with": keep reading.
                    } else {
                        parties_done = true;
                        prep = Prep::Topic;
                    }
                    gap = 0;
                }
                "he" | "she" | "him" => {
                    if !parties_done && out.pronoun.is_none() {
                        out.pronoun = Some(i);
                    }
                }
                "his" | "her"
                    if !parties_done && {
                        // "his counterparts", "his Russian counterpart".
                        let n = v.mention_at(i + 1).map_or(i + 1, |m| m.b);
                        matches!(v.w(n), "counterpart" | "counterparts" | "host" | "hosts")
                    } =>
                {
                    // "talks with his counterparts from Russia and France": the one whose
                    // counterparts they are takes part.
                    if out.owner.is_none() {
                        out.owner = Some(i);
                    }
                    gap = 0;
                }
                "them" => {
                    if !parties_done {
                        out.anaphor = true;
                    }
                }
                // "the Hon. Prime Minister", "Dr. Ramos": an abbreviation's dot goes on.
                "." if i > k + 1 && honorific(v.w(i - 1)) && v.capitalized(i + 1) => {}
                "." | ";" | "!" | "?" | "\u{2014}" | "--" | "\u{2013}" => {
                    break;
                }
                ":" if !(out.parties.is_empty()
                    && (i.saturating_sub(7).max(k + 1)..i).any(|j| {
                        matches!(
                            v.w(j),
                            "leaders" | "presidents" | "ministers" | "heads" | "counterparts"
                        )
                    })) =>
                {
                    break;
                }
                ":" => {
                    // "will host four leaders from Africa: A, B, C and D": the list names them.
                    gap = 0;
                }
                _ => {
                    if clause_stop(w)
                        && !matches!(
                            w,
                            "ahead" | "before" | "after" | "following" | "amid" | "during"
                        )
                    {
                        out.end = i;
                        return out;
                    }
                    if matches!(
                        w,
                        "ahead" | "before" | "after" | "following" | "amid" | "during"
                    ) {
                        // The parties end; a place may still follow ("ahead of the Games in Hangzhou").
                        parties_done = true;
                        if prep != Prep::In {
                            prep = Prep::Topic;
                        }
                    } else if anaphor_head(w)
                        && !parties_done
                        && i > k
                        && matches!(v.w(i - 1), "two" | "both" | "the" | "three" | "four")
                        && !names_follow(v, i)
                    {
                        out.anaphor = true;
                        gap = 0;
                    } else if title_word(w)
                        || is_determiner(w)
                        || party_noun(w)
                        || v.capitalized(i)
                        || matches!(
                            w,
                            "'s" | "'"
                                | "counterparts"
                                | "leaders"
                                | "city"
                                | "capital"
                                | "town"
                                | "port"
                                | "province"
                                | "region"
                                | "resort"
                                | "village"
                                | "northern"
                                | "southern"
                                | "eastern"
                                | "western"
                                | "central"
                                | "members"
                                | "heads"
                        )
                    {
                        gap = 0;
                    } else {
                        gap += 1;
                        if gap > 3 {
                            break;
                        }
                        if prep == Prep::Direct && gap >= 2 {
                            parties_done = true;
                        }
                    }
                }
            }
            i += 1;
        }
        out.end = i.min(v.unit.hi);
        out
    }

    /// "his South Korean counterpart" with no name after it: the person of that country.
    fn counterpart(&self, v: &View<'_>, m: M, k: usize) -> Option<usize> {
        if !matches!(v.w(m.b), "counterpart" | "counterparts") {
            return None;
        }
        if v.mention_at(m.b + 1).is_some() {
            return None;
        }
        let country = self.cast.entity(m.entity)?.country.as_deref()?;
        let _ = k;
        self.cast
            .people
            .iter()
            .find(|p| p.country == Some(country))
            .map(|p| p.entity)
    }

    /// "the Chinese president", "the envoy": the person with that role (and nationality).
    fn description(&self, v: &View<'_>, ui: usize, left: usize, k: usize) -> Option<usize> {
        let mut i = k;
        let mut role: Vec<&str> = Vec::new();
        let mut adjective: Option<usize> = None;
        let mut definite = false;
        while i > left {
            i -= 1;
            let w = v.w(i);
            if let Some(m) = v.mention_at(i) {
                if self.cast.class(m.entity) == Class::Nat && role.is_empty() {
                    return None;
                }
                if self.cast.class(m.entity) == Class::Nat {
                    adjective = Some(m.entity);
                    // "the former Italian deputy foreign minister"
                    let mut j = m.a;
                    while j > left
                        && matches!(v.w(j - 1), "former" | "new" | "then" | "veteran" | "top")
                    {
                        j -= 1;
                    }
                    definite = j > left && v.w(j - 1) == "the";
                    break;
                }
                return None;
            }
            if matches!(
                w,
                "president"
                    | "minister"
                    | "premier"
                    | "chancellor"
                    | "envoy"
                    | "secretary"
                    | "king"
                    | "emperor"
                    | "leader"
                    | "diplomat"
            ) {
                role.push(w);
            } else if matches!(
                w,
                "prime"
                    | "foreign"
                    | "defence"
                    | "defense"
                    | "un"
                    | "special"
                    | "new"
                    | "former"
                    | "deputy"
                    | "vice"
                    | "acting"
                    | "interim"
                    | "outgoing"
                    | "top"
                    | "chief"
                    | "state"
            ) {
            } else if w == "the" {
                definite = true;
                break;
            } else if !role.is_empty() {
                break;
            }
        }
        let head = *role.first()?;
        let country = adjective
            .and_then(|a| self.cast.entity(a))
            .and_then(|e| e.country.as_deref());
        let mut best = None;
        let trigger_at = v.tok(k).map_or(0, |t| t.span.start);
        for p in &self.cast.people {
            if !p.role.as_deref().is_some_and(|r| r.contains(head)) {
                continue;
            }
            if country.is_some() && p.country != country {
                continue;
            }
            if best.is_some() {
                // Ambiguous: prefer the one mentioned before the trigger.
                // Mentions are in text order: the first one tells.
                let before = self
                    .cast
                    .entity(p.entity)
                    .and_then(|e| e.mentions.first())
                    .and_then(|&mi| self.cast.entities.mentions.get(mi))
                    .is_some_and(|m| m.span.end <= trigger_at);
                if before {
                    best = Some(p.entity);
                }
                continue;
            }
            best = Some(p.entity);
        }
        // "The UN envoy for Syria held talks ... Norwegian diplomat Geir Pedersen told
        // reporters": an envoy described in the lead is named in the next sentence.
        best.or_else(|| {
            matches!(head, "envoy" | "diplomat")
                .then(|| self.next_unnamed_person(ui))
                .flatten()
        })
        .or_else(|| {
            // "the former Italian deputy foreign minister": no one has that role in the
            // entities; a definite description names the person the text is about.
            definite
                .then(|| {
                    ui.checked_sub(1)
                        .and_then(|u| self.salient.get(u).copied().flatten())
                })
                .flatten()
        })
    }

    /// "he", "his" at token `at`: the person the current sentence (before it) or the latest
    /// sentence is about.
    fn pronoun(&self, ui: usize, v: &View<'_>, at: usize) -> Option<usize> {
        // A person earlier in this sentence.
        for i in v.unit.lo..at {
            if let Some(m) = v.mention_at(i) {
                if self.cast.class(m.entity) == Class::Person {
                    return Some(m.entity);
                }
            }
        }
        ui.checked_sub(1)
            .and_then(|u| self.salient.get(u).copied().flatten())
    }

    /// The parties of the latest event within reach (for "the two leaders", "they").
    fn antecedent(&self, ui: usize, kind: EventKind) -> Option<Vec<usize>> {
        let recent = || {
            self.events
                .iter()
                .rev()
                .take_while(|e| e.unit + ANAPHOR_REACH >= ui)
                .filter(|e| e.parties.len() >= 2)
        };
        // "The two leaders met": a meeting, visit or call rather than the summit around it.
        recent()
            .find(|e| e.kind != EventKind::Summit || kind == EventKind::Summit)
            .or_else(|| recent().next())
            .map(|e| e.parties.clone())
    }

    /// A place before the trigger: "In Seoul, ...", "X, in Jakarta for talks, ...", and the
    /// destination of a journey made for it ("will travel to Beijing on Thursday to meet").
    fn place_before(&self, v: &View<'_>, left: usize, k: usize) -> Option<usize> {
        let mut best = None;
        let mut journey = None;
        for i in left..k {
            if let Some(m) = v.mention_at(i) {
                if m.a == i && self.cast.is_place(m.entity) {
                    match preposition_before(v, m.a, left) {
                        Some("in" | "at" | "inside") => best = Some(m.entity),
                        Some("to") if m.a > left + 1 && travel_verb(v.w(m.a - 2)) => {
                            journey = Some(m.entity);
                        }
                        _ => {}
                    }
                }
            }
        }
        // The journey's destination only for what it is made for: "to meet", "for talks".
        let purpose = k > left && matches!(v.w(k - 1), "to" | "for")
            || k > left + 1 && v.w(k - 2) == "for" && is_determiner(v.w(k - 1));
        best.or(journey.filter(|_| purpose))
    }

    /// The place of the gathering whose sidelines (token `from`) an encounter is on: "took
    /// place on the sidelines of the ASEAN ministers' meeting in Kuala Lumpur" (the first
    /// place after "in"/"at" within a few words of "sidelines of", before the next clause).
    fn sidelines_place(&self, v: &View<'_>, from: usize) -> Option<usize> {
        let hi = v.unit.hi;
        let mut i = from + 2;
        while i < (from + 16).min(hi) {
            if let Some(m) = v.mention_at(i) {
                if self.cast.is_place(m.entity)
                    && matches!(preposition_before(v, m.a, from), Some("in" | "at"))
                {
                    return Some(m.entity);
                }
                i = m.b.max(i + 1);
                continue;
            }
            if matches!(
                v.w(i),
                "," | ";" | "which" | "who" | "while" | "but" | "and"
            ) {
                return None;
            }
            i += 1;
        }
        None
    }

    /// The event's date from the sentence: the date mention nearest the trigger outside
    /// the reporting clause, weekdays re-resolved by the status.
    #[allow(clippy::too_many_arguments)]
    fn date(
        &self,
        v: &View<'_>,
        ui: usize,
        k: usize,
        left: usize,
        right: usize,
        status: Status,
        others: &[usize],
    ) -> Option<EventDate> {
        // The clause around the trigger: from the left boundary (or, after "when"/"where", the
        // sentence before it: "last met in December 2019, when ... paid a visit") to the next
        // clause of its own.
        let from = if left > v.unit.lo && matches!(v.w(left - 1), "when" | "where") {
            v.unit.lo
        } else {
            left
        };
        let mut to = right.max(k + 1);
        while to < v.unit.hi {
            let w = v.w(to);
            if v.mention_at(to).is_none()
                && v.date_at(to).is_none()
                && (matches!(
                    w,
                    "which" | "who" | "while" | "but" | ";" | "whereas" | "although"
                ) || reporting_verb(w) && w != "told")
            {
                break;
            }
            to += 1;
        }
        let mut best: Option<(usize, EventDate)> = None;
        let mut report: Option<&Timex> = None;
        for d in &v.dates {
            let Some(t) = self.input.dates.get(d.timex) else {
                continue;
            };
            if !matches!(t.kind, TimexKind::Date | TimexKind::Time) {
                continue;
            }
            if d.a >= to {
                continue;
            }
            if in_reporting_clause(v, d.a) {
                // "X announced on Wednesday that the parties to the summit have agreed": a
                // report made before the encounter's clause, which it tells as news of that
                // day. Kept in case the clause has no date of its own.
                let leads = d.b < k && (d.b..k).take(4).any(|i| v.w(i) == "that");
                if leads && report.is_none() && matches!(status, Status::Happened | Status::Ongoing)
                {
                    report = Some(t);
                }
                continue;
            }
            // "by 2024", "by the end of the month": a deadline, not when anything met.
            if d.a < from || d.a > v.unit.lo && v.w(d.a - 1) == "by" {
                continue;
            }
            // A date nearer another trigger of the sentence is that event's ("gathered for a
            // virtual meeting to follow the results of a summit in March").
            let between = |o: usize| {
                if d.a > k {
                    o > k && o < d.a
                } else {
                    o > d.b && o < k
                }
            };
            if others.iter().any(|&o| o != k && between(o)) {
                continue;
            }
            let Some(value) = self.value_of(t, status) else {
                continue;
            };
            let dist =
                if d.a > k { d.a - k } else { k - d.b.min(k) } + if d.a < left { 10 } else { 0 };
            if best.as_ref().map_or(true, |(bd, _)| dist < *bd) {
                best = Some((
                    dist,
                    EventDate {
                        value,
                        source: DateSource::Mention,
                        span: Some(t.span),
                    },
                ));
            }
        }
        if let Some((_, d)) = best {
            return Some(d);
        }
        if let Some(t) = report {
            if let Some(value) = self.value_of(t, status) {
                return Some(EventDate {
                    value,
                    source: DateSource::Mention,
                    span: Some(t.span),
                });
            }
        }
        // "These comments were made during a meeting ...": the date of the sentence before.
        let demonstrative = (v.unit.lo..k).any(|i| {
            matches!(v.w(i), "these" | "those" | "the")
                && matches!(v.w(i + 1), "comments" | "remarks" | "statements" | "words")
        });
        if demonstrative && ui > 0 {
            let prev = self.units.get(ui - 1)?;
            let t = self.input.dates.iter().find(|t| {
                prev.span.start <= t.span.start
                    && t.span.end <= prev.span.end
                    && matches!(t.kind, TimexKind::Date)
            })?;
            let value = self.value_of(t, status)?;
            return Some(EventDate {
                value,
                source: DateSource::Mention,
                span: Some(t.span),
            });
        }
        None
    }

    /// A timex's value as an event date: calendar values only; weekdays re-resolved
    /// against the publication date in the direction of the status.
    fn value_of(&self, t: &Timex, status: Status) -> Option<String> {
        // A value resolved against a publication date the caller does not vouch for (none
        // given: unknown or doubtful) is no date of the event.
        if t.anchor == dateline_dates::AnchorUse::Published && self.input.published.is_none() {
            return None;
        }
        let lw = lower(&t.text);
        let day = lw
            .split(|c: char| !c.is_ascii_alphabetic())
            .find_map(weekday);
        if let Some(day) = day {
            if !t.text.bytes().any(|b| b.is_ascii_digit()) {
                let p = self.input.published?;
                let have = p.weekday().num_days_from_monday();
                let date = match status {
                    Status::Planned | Status::Cancelled => {
                        p + Duration::days(i64::from((day + 7 - have) % 7))
                    }
                    Status::Happened | Status::Ongoing => {
                        p - Duration::days(i64::from((have + 7 - day) % 7))
                    }
                };
                return Some(date.format("%Y-%m-%d").to_string());
            }
        }
        if lw == "today"
            || lw == "tonight"
            || lw == "this morning"
            || lw == "this afternoon"
            || lw == "this evening"
        {
            return self
                .input
                .published
                .map(|p| p.format("%Y-%m-%d").to_string())
                .or_else(|| calendar_value(&t.value));
        }
        calendar_value(&t.value)
    }

    /// Adds a reading to the document's events: merged into the event it retells, or new.
    fn add(&mut self, c: Cand) {
        let target = self.same_event(&c);
        match target {
            Some(ei) => {
                let e = &mut self.events[ei];
                if c.joiner {
                    for &p in &c.parties {
                        if !e.parties.contains(&p) {
                            e.parties.push(p);
                        }
                    }
                } else if !c.anaphoric && !c.bare {
                    for &p in &c.parties {
                        let known = e.parties.iter().position(|&q| same_party(self.cast, p, q));
                        match known {
                            None => e.parties.push(p),
                            // The full name told in the text replaces the headline's short one.
                            Some(j)
                                if !e.parties.contains(&p)
                                    && longer_name(self.cast, p, e.parties[j]) =>
                            {
                                if e.host == Some(e.parties[j]) {
                                    e.host = Some(p);
                                }
                                e.parties[j] = p;
                            }
                            Some(_) => {}
                        }
                    }
                    e.named = e.named.max(c.named);
                    e.anaphoric = false;
                }
                if e.place.is_none() {
                    e.place = c.place;
                }
                if e.host.is_none() {
                    e.host = c.host.filter(|h| e.parties.contains(h));
                }
                if e.date.is_none() {
                    e.date = c.date.clone();
                }
                if (e.title && !c.title) || (!e.cued && c.cued && !c.title) {
                    e.status = c.status;
                    e.cued = c.cued;
                }
                if e.title && !c.title {
                    e.title = false;
                    e.trigger = c.trigger;
                    if !c.anaphoric && !c.bare && !c.joiner && c.parties.len() >= 2 {
                        // The text's reading of the encounter replaces the headline's (title
                        // case takes stray words for names).
                        e.kind = c.kind;
                        e.parties.clone_from(&c.parties);
                        e.named = c.named;
                        e.host = c.host;
                        e.hosted = c.hosted;
                    }
                    if !e.verb && c.verb {
                        e.verb = true;
                    }
                }
                e.verb |= c.verb;
                e.unit = c.unit;
                let ev = &mut self.evidence[ei];
                if !ev.contains(&c.evidence) {
                    ev.push(c.evidence);
                }
            }
            None => {
                // A summit of one organisation waits for its attendees (dropped at the end
                // if none comes); anything else needs two parties of its own.
                let provisional = c.kind == EventKind::Summit && c.parties.len() == 1;
                if c.bare || c.joiner || c.parties.len() < 2 && !provisional {
                    return;
                }
                self.evidence.push(vec![c.evidence]);
                self.events.push(c);
            }
        }
    }

    /// How many of `a` are in `b`, a party counted when `b` holds it or the same one named
    /// otherwise ("De Mistura" in a headline, "Staffan de Mistura" in the text).
    fn overlap_named(&self, a: &[usize], b: &[usize]) -> usize {
        a.iter()
            .filter(|&&x| b.iter().any(|&y| same_party(self.cast, x, y)))
            .count()
    }

    /// The earlier event a reading retells, if any: one of the same kind first, then (for
    /// "the meeting", "the two leaders") one of a kind the words may also stand for.
    fn same_event(&self, c: &Cand) -> Option<usize> {
        self.same_event_of(c, true).or_else(|| {
            // A headline's kind is a guess ("Xi, Biden To Meet" read with a stray name as a
            // summit): the text's reading of the same parties is the same encounter.
            if c.bare || c.anaphoric || c.joiner || c.title || self.events.iter().any(|e| e.title) {
                self.same_event_of(c, false)
            } else {
                None
            }
        })
    }

    /// Two readings of one visit: the same guest, and hosts that agree (the same, or a host
    /// person of the host country: "arrived in Sri Lanka" / "welcomed by his Sri Lankan
    /// counterpart").
    fn same_visit(&self, c: &Cand, e: &Cand) -> bool {
        let (Some(ch), Some(eh)) = (c.host, e.host) else {
            return false;
        };
        let country = |x: usize| self.cast.country.get(x).copied().flatten().unwrap_or(x);
        if country(ch) != country(eh) {
            return false;
        }
        let guests = |x: &Cand, h: usize| -> Vec<usize> {
            x.parties
                .iter()
                .copied()
                .filter(|&p| p != h && country(p) != country(h))
                .collect()
        };
        let (cg, eg) = (guests(c, ch), guests(e, eh));
        self.overlap_named(&cg, &eg) >= 1 && dates_agree(c.date.as_ref(), e.date.as_ref())
    }

    fn same_event_of(&self, c: &Cand, exact: bool) -> Option<usize> {
        if c.distinct && c.date.is_none() {
            return None;
        }
        let talk = |k: EventKind| {
            matches!(
                k,
                EventKind::Meet
                    | EventKind::Summit
                    | EventKind::Negotiate
                    | EventKind::Mediate
                    | EventKind::Call
            )
        };
        // The latest events only: an article retells an encounter within its own few dozen
        // events, and the bound keeps extraction linear on any text.
        let from = self.events.len().saturating_sub(MAX_LOOKBACK);
        for (ei, e) in self.events.iter().enumerate().skip(from).rev() {
            // "Thursday's meeting" after "X is hosting Y": the meeting is the visit.
            let meeting_in_visit =
                c.bare && c.kind == EventKind::Meet && e.kind == EventKind::Visit;
            if exact && c.kind != e.kind
                || !(exact || meeting_in_visit || talk(c.kind) && talk(e.kind))
                || !(exact || c.bare || c.anaphoric || c.joiner || c.title || e.title)
            {
                continue;
            }
            let close = e.unit + ANAPHOR_REACH >= c.unit;
            if c.kind == EventKind::Visit
                && e.kind == EventKind::Visit
                && close
                && self.same_visit(c, e)
            {
                return Some(ei);
            }
            if c.bare || c.joiner {
                if close
                    && dates_agree(c.date.as_ref(), e.date.as_ref())
                    && c.status != Status::Cancelled
                {
                    return Some(ei);
                }
                continue;
            }
            let mut shared = self.overlap_named(&c.parties, &e.parties);
            if shared < 2 && close && !c.distinct {
                // "Foreign ministers of Turkey, Germany and France held a teleconference" and
                // "Cavusoglu, Maas and Le Drian gathered for a virtual meeting": the same
                // parties, by country.
                let countries = |ps: &[usize]| -> Vec<usize> {
                    ps.iter()
                        .filter_map(|&p| self.cast.country.get(p).copied().flatten())
                        .collect()
                };
                let (cc, ec) = (countries(&c.parties), countries(&e.parties));
                let only_countries =
                    |ps: &[usize]| ps.iter().all(|&p| self.cast.class(p) == Class::Country);
                if overlap(&cc, &ec) >= 2
                    && cc.len() == c.parties.len()
                    && ec.len() == e.parties.len()
                    && only_countries(&c.parties) != only_countries(&e.parties)
                {
                    shared = 2;
                }
            }
            let subset = shared == c.parties.len().min(e.parties.len());
            if !(shared >= 2 || subset && shared >= 1 && (c.anaphoric || c.parties.len() < 2)) {
                continue;
            }
            if !dates_agree(c.date.as_ref(), e.date.as_ref()) || c.distinct && c.date != e.date {
                continue;
            }
            let planned = |s: Status| matches!(s, Status::Planned | Status::Cancelled);
            if planned(c.status) != planned(e.status)
                && (c.cued || e.cued)
                && !c.title
                && !e.title
                && !(c.anaphoric && (c.date.is_none() || !c.cued))
            {
                continue;
            }
            if c.anaphoric && c.date.is_some() && e.date.is_none() && c.status != e.status {
                continue;
            }
            return Some(ei);
        }
        None
    }

    /// The document's events, with the dateline place where a sentence names none.
    fn finish(self) -> Vec<Event> {
        let Ctx {
            input,
            cast,
            units,
            first_person,
            mut events,
            evidence,
            ..
        } = self;
        // A summit of one organisation that no sentence gave attendees ("EU leaders wound up
        // two days of talks", "the UN climate summit agreed a deal"): the people the next
        // sentences are about attend it (the council president who speaks of it, the
        // summit's president who brought the gavel down).
        for (e, ev) in events.iter_mut().zip(&evidence) {
            if !(e.kind == EventKind::Summit
                && e.parties.len() == 1
                && cast.class(e.parties[0]) == Class::Org)
            {
                continue;
            }
            let first = ev
                .iter()
                .map(|s| units.partition_point(|u| u.span.end <= s.start))
                .min()
                .unwrap_or(e.unit);
            let last = (e.unit + ANAPHOR_REACH).min(first_person.len());
            for p in first_person
                .get(first.min(last)..last)
                .unwrap_or_default()
                .iter()
                .flatten()
            {
                if e.parties.len() > MAX_ATTENDEES {
                    break;
                }
                push(&mut e.parties, *p);
            }
        }
        let dateline_place = input
            .dateline_place
            .and_then(|s| dateline_entity(input, cast, s));
        // The sentence that first tells an event, and a visit's guests (its parties but the host).
        let first_telling = |e: &Cand, ev: &[Span]| {
            ev.iter()
                .map(|s| units.partition_point(|u| u.span.end <= s.start))
                .min()
                .unwrap_or(e.unit)
        };
        let guests = |e: &Cand| -> Vec<usize> {
            e.parties
                .iter()
                .copied()
                .filter(|&p| Some(p) != e.host)
                .collect()
        };
        // Visits under way or just made, with their place and guests: what the guests do
        // during the visit happens there ("De Mistura, on his first Damascus visit, ... was
        // holding talks with the Syrian foreign minister").
        // Each visit from the first sentence telling it to the last (a visit retold later
        // still covers what its guests did in between).
        let mut visits: Vec<(usize, usize, usize, Vec<usize>)> = events
            .iter()
            .zip(&evidence)
            .filter(|(e, _)| {
                e.kind == EventKind::Visit && matches!(e.status, Status::Ongoing | Status::Happened)
            })
            .filter_map(|(e, ev)| {
                let place = e.place?;
                Some((first_telling(e, ev).min(e.unit), e.unit, place, guests(e)))
            })
            .collect();
        visits.sort_by_key(|v| v.0);
        // Visits under way as the article is written, by their first sentence: what a guest
        // is to do around the publication date ("X is to hold talks with Y on Thursday", told
        // before "X, who arrived on Tuesday on his first Damascus visit") happens there too.
        let mut ongoing: Vec<(usize, usize, Vec<usize>)> = events
            .iter()
            .zip(&evidence)
            .filter(|(e, _)| e.kind == EventKind::Visit && e.status == Status::Ongoing)
            .filter_map(|(e, ev)| Some((first_telling(e, ev), e.place?, guests(e))))
            .collect();
        ongoing.sort_by_key(|&(unit, _, _)| unit);
        events
            .into_iter()
            .zip(evidence)
            .filter(|(c, _)| c.parties.len() >= 2)
            .map(|(c, mut evidence)| {
                evidence.sort_unstable();
                evidence.dedup();
                let mut place = c.place;
                if place.is_none() && c.kind != EventKind::Visit && c.date.is_none() {
                    // Visits are in unit order: look back from this event's unit only.
                    let upto = visits.partition_point(|(first, _, _, _)| *first <= c.unit);
                    place = visits[..upto]
                        .iter()
                        .rev()
                        .take(MAX_LOOKBACK)
                        .find(|(_, last, _, guests)| {
                            c.unit <= last + ANAPHOR_REACH
                                && c.parties.iter().any(|p| guests.contains(p))
                        })
                        .map(|&(_, _, p, _)| p);
                }
                if place.is_none()
                    && matches!(
                        c.kind,
                        EventKind::Meet | EventKind::Negotiate | EventKind::Call
                    )
                    && matches!(c.status, Status::Planned | Status::Ongoing)
                    && around_publication(c.date.as_ref(), input.published)
                {
                    // Sorted by unit: only the visits of the next few sentences are read.
                    let from = ongoing.partition_point(|(unit, _, _)| *unit <= c.unit);
                    place = ongoing
                        .get(from..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|(unit, _, _)| *unit <= c.unit + ANAPHOR_REACH)
                        .find(|(_, _, guests)| c.parties.iter().any(|p| guests.contains(p)))
                        .map(|&(_, p, _)| p);
                }
                if place.is_none() && c.status != Status::Cancelled {
                    // The wire dateline's place is where the reporter is: the place of what
                    // happens there around the publication date.
                    let recent = match (&c.date, input.published) {
                        (Some(d), Some(p)) => value_range(&d.value).is_some_and(|(a, b)| {
                            a <= p + Duration::days(1) && p <= b + Duration::days(3)
                        }),
                        (None, _) => c.status != Status::Planned,
                        _ => false,
                    };
                    if recent {
                        place = dateline_place;
                    }
                }
                let cameo = cameo(cast, &c, place);
                let mut date = c.date;
                if date.is_none() && c.status == Status::Ongoing {
                    date = input.published.map(|p| EventDate {
                        value: p.format("%Y-%m-%d").to_string(),
                        source: DateSource::Published,
                        span: None,
                    });
                }
                let mut confidence: f64 = 0.45;
                if c.verb {
                    confidence += 0.15;
                }
                if c.named >= 2 {
                    confidence += 0.2;
                } else if c.named == 1 {
                    confidence += 0.1;
                }
                if c.anaphoric {
                    confidence -= 0.1;
                }
                confidence += 0.05
                    * f64::from(
                        u32::try_from(evidence.len().saturating_sub(1).min(3)).unwrap_or(3),
                    );
                if c.title && evidence.len() == 1 {
                    confidence -= 0.1;
                }
                let confidence = (confidence.clamp(0.05, 0.99) * 100.0).round() / 100.0;
                Event {
                    kind: c.kind,
                    cameo: cameo.to_owned(),
                    participants: c.parties,
                    host: c.host,
                    place,
                    date,
                    status: c.status,
                    trigger: c.trigger,
                    evidence,
                    confidence,
                }
            })
            .collect()
    }
}

/// Does an event date fall around the publication date (within a week of it), or is it
/// unknown? An unknown publication date only allows an unknown event date.
fn around_publication(date: Option<&EventDate>, published: Option<NaiveDate>) -> bool {
    match (date, published) {
        (None, _) => true,
        (Some(d), Some(p)) => value_range(&d.value)
            .is_some_and(|(a, b)| a <= p + Duration::days(7) && p <= b + Duration::days(7)),
        (Some(_), None) => false,
    }
}

/// Verbs whose present progressive puts the event noun they govern under way ("are holding
/// talks", "is paying a visit", "is wrapping up his visit").
fn progressive_governor(w: &str) -> bool {
    matches!(
        w,
        "holding"
            | "having"
            | "hosting"
            | "attending"
            | "paying"
            | "making"
            | "wrapping"
            | "concluding"
            | "ending"
            | "conducting"
            | "continuing"
    )
}

/// Verbs of a journey, whose "to" names its destination ("travel to Beijing to meet").
fn travel_verb(w: &str) -> bool {
    matches!(
        w,
        "travel"
            | "travels"
            | "travelled"
            | "traveled"
            | "travelling"
            | "traveling"
            | "fly"
            | "flies"
            | "flew"
            | "flying"
            | "head"
            | "heads"
            | "headed"
            | "heading"
            | "go"
            | "goes"
            | "went"
            | "going"
            | "come"
            | "comes"
            | "came"
            | "coming"
            | "return"
            | "returns"
            | "returned"
            | "returning"
    )
}

/// A calendar value ("2024-03-16", "2024-03") one year earlier; `None` for other values or a
/// day the earlier year lacks (February 29).
/// An abbreviated honorific written with a dot ("Hon.", "Dr.", "Sen.").
fn honorific(w: &str) -> bool {
    matches!(
        w,
        "hon" | "dr" | "mr" | "mrs" | "ms" | "prof" | "sen" | "rep" | "gov" | "gen" | "amb"
    )
}

/// Does a person's role (lowercased) fit the role word of a description? An envoy is
/// also told as a diplomat, mediator or representative.
fn role_fits(role: &str, head: &str) -> bool {
    role.contains(head)
        || head == "envoy"
            && ["diplomat", "mediator", "representative"]
                .iter()
                .any(|r| role.contains(r))
}

fn year_before(value: &str) -> Option<String> {
    let (year, rest) = value.split_once('-')?;
    if year.len() != 4 || !rest.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let earlier = format!("{:04}-{rest}", year.checked_sub(1).filter(|y| *y > 0)?);
    value_range(&earlier).map(|_| earlier)
}

/// The CAMEO code: 043 for a visit told from the host's side, 044 for a meeting in a country
/// none of its parties belongs to.
fn cameo(cast: &Cast<'_>, c: &Cand, place: Option<usize>) -> &'static str {
    match c.kind {
        EventKind::Visit if c.hosted => "043",
        EventKind::Meet => {
            let place_country = place
                .and_then(|p| cast.entity(p))
                .and_then(|e| e.country.clone());
            let third = place_country.is_some_and(|pc| {
                c.parties.iter().all(|&p| {
                    let e = cast.entity(p);
                    let own = match cast.class(p) {
                        Class::Country => e.map(|e| e.name.clone()),
                        _ => e.and_then(|e| e.country.clone()),
                    };
                    own.is_some_and(|o| o != pc)
                })
            });
            if third {
                "044"
            } else {
                "040"
            }
        }
        k => k.cameo(),
    }
}

/// The entity the wire dateline's place names ("BALI, Indonesia" -> Bali).
fn dateline_entity(input: &Input<'_>, cast: &Cast<'_>, span: Span) -> Option<usize> {
    let text = span.slice(input.doc.text())?;
    let first = text.split(',').next()?.trim();
    if first.is_empty() {
        return None;
    }
    cast.entities
        .entities
        .iter()
        .enumerate()
        .find_map(|(i, e)| {
            let same = e.name.eq_ignore_ascii_case(first)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(first));
            (same && cast.is_place(i)).then_some(i)
        })
}

/// "bilateral meetings with A and B": one meeting with each.
fn split_bilateral(c: Cand) -> Vec<Cand> {
    let Some(n) = c.bilateral else {
        return vec![c];
    };
    let (subjects, objects) = c.parties.split_at(n.min(c.parties.len()));
    objects
        .iter()
        .map(|&o| {
            let mut one = c.clone();
            one.parties = subjects.iter().copied().chain(std::iter::once(o)).collect();
            one.kind = if one.kind == EventKind::Summit {
                EventKind::Meet
            } else {
                one.kind
            };
            one.bilateral = None;
            one
        })
        .collect()
}

/// Does the cue at `i` bear on the trigger at `k`: near it, or separated from it only by
/// words that carry the encounter ("declined to hold talks with", "would consider the
/// matter of visiting")?
fn governs(v: &View<'_>, i: usize, k: usize) -> bool {
    if i + 3 >= k {
        return true;
    }
    (i + 1..k).all(|j| {
        let w = v.w(j);
        v.mention_at(j).is_some()
            || is_determiner(w)
            || title_word(w)
            || matches!(
                w,
                "to" | "be"
                    | "him"
                    | "her"
                    | "them"
                    | "with"
                    | "hold"
                    | "have"
                    | "make"
                    | "pay"
                    | "attend"
                    | "host"
                    | "seriously"
                    | "also"
                    | "again"
                    | "soon"
                    | "ever"
                    | "personally"
                    | "further"
                    | "more"
                    | "any"
                    | "possible"
                    | "another"
                    | "bilateral"
                    | "official"
                    | "state"
                    | "matter"
                    | "idea"
                    | "of"
                    | "direct"
                    | "formal"
                    | "face-to-face"
                    | "in-person"
                    | "held"
                    | "had"
                    | "made"
                    | "paid"
            )
    })
}

/// Is a mention alone in brackets ("(AFP)", "(JEM)"): an agency or an acronym's gloss?
fn parenthesized(v: &View<'_>, m: M) -> bool {
    m.a > v.unit.lo && v.w(m.a - 1) == "(" && v.w(m.b) == ")"
}

/// Is an organisation or country used as a modifier of a noun ("NATO obligations", "US
/// sanctions") rather than as a party?
fn modifier_use(v: &View<'_>, m: M) -> bool {
    let i = m.b;
    if v.w(i) == "'s" && v.mention_at(i + 1).is_none() && !v.capitalized(i + 1) {
        // "Syria's domestic opposition", "Russia's alliance": a possessor, not the party
        // (a title keeps it: "Russia's foreign minister").
        let w = v.w(i + 1);
        return !(title_word(w) || party_noun(w) || is_determiner(w) || v.date_at(i + 1).is_some());
    }
    if v.mention_at(i).is_some() || v.date_at(i).is_some() || v.capitalized(i) || v.is_punct(i) {
        return false;
    }
    let w = v.w(i);
    let function = matches!(
        w,
        "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "of"
            | "from"
            | "by"
            | "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "also"
            | "said"
            | "says"
            | "and's"
            | "as"
            | "that"
            | "which"
            | "who"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "recently"
            | "last"
            | "next"
            | "this"
            | "on-"
            | "over"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "but"
            | "not"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "can"
            | "did"
            | "does"
            | "do"
            | "again"
            | "then"
            | "now"
            | "still"
            | "already"
            | "jointly"
            | "together"
            | "alone"
            | "officially"
            | "formally"
            | "finally"
            | "first"
            | "briefly"
            | "late"
            | "early"
            | "here"
            | "there"
            | "about"
            | "against"
            | "into"
            | "via"
            | "amid"
            | "ahead"
            | "because"
            | "while"
            | "when"
            | "where"
            | "if"
            | "than"
            | "so"
            | "whose"
            | "whom"
            | "'s"
            | "'"
            | "both"
            | "jointly-"
    );
    if function || party_noun(w) || title_word(w) || anaphor_head(w) {
        return false;
    }
    // A plural noun ending its phrase: "meets NATO obligations.", "US sanctions on".
    let word = v
        .tok(i)
        .is_some_and(|t| t.kind == dateline_text::TokenKind::Word);
    let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    let after = v.w(i + 1);
    let phrase_ends = v.is_punct(i + 1)
        || after.is_empty()
        || matches!(
            after,
            "on" | "in"
                | "of"
                | "for"
                | "against"
                | "and"
                | "or"
                | "with"
                | "were"
                | "are"
                | "have"
        );
    word && plural
        && phrase_ends
        && !matches!(
            w,
            "members" | "officials" | "says" | "agrees" | "meets" | "holds" | "hosts"
        )
}

/// For an event noun, can a subject ending at `from` be its party? Only through a light verb
/// ("X held talks", "X attended the summit", "X's visit") or a frame that puts the subject
/// at the event ("X and Y discussed Z during a meeting"); not through another verb ("X
/// gathered ... to follow the results of a summit").
fn subject_reaches_noun(v: &View<'_>, from: usize, k: usize) -> bool {
    let at_event = (k.saturating_sub(4)..k)
        .any(|i| matches!(v.w(i), "during" | "at" | "in" | "sidelines" | "margins"));
    if at_event {
        return true;
    }
    for i in from..k {
        if v.mention_at(i).is_some() {
            continue;
        }
        let w = v.w(i);
        let light = past_governor(w)
            || matches!(
                w,
                "hold"
                    | "holds"
                    | "holding"
                    | "attend"
                    | "attends"
                    | "attending"
                    | "join"
                    | "joins"
                    | "joining"
                    | "have"
                    | "has"
                    | "having"
                    | "pay"
                    | "pays"
                    | "paying"
                    | "make"
                    | "makes"
                    | "begin"
                    | "begins"
                    | "conclude"
                    | "concludes"
                    | "start"
                    | "starts"
                    | "open"
                    | "opens"
                    | "host"
                    | "hosts"
                    | "hosting"
                    | "hosted"
                    | "resume"
                    | "resumed"
                    | "continue"
                    | "continued"
                    | "led"
                    | "lead"
                    | "leads"
                    | "chaired"
                    | "chair"
                    | "chairs"
                    | "gathered"
                    | "gather"
                    | "convened"
                    | "convene"
                    | "reconvene"
                    | "sat"
                    | "took"
                    | "received"
                    | "receives"
                    | "receive"
                    | "placed"
                    | "got"
                    | "answered"
                    | "called"
                    | "off"
                    | "cancelled"
                    | "canceled"
                    | "postponed"
                    | "scrapped"
                    | "delayed"
            );
        if light {
            continue;
        }
        let infinitive = i > 0
            && v.w(i - 1) == "to"
            && !is_determiner(w)
            && v.mention_at(i).is_none()
            && !v.capitalized(i)
            && !title_word(w);
        if is_verb_like(v, i) || infinitive || trigger(w).is_some_and(|t| t.form != Form::Noun) {
            return false;
        }
    }
    true
}

/// Is the subject before the trigger an organisation's members ("EU leaders", "G7 foreign
/// ministers", "OPEC oil ministers")?
fn group_subject(v: &View<'_>, left: usize, k: usize) -> bool {
    let group = |w: &str| {
        matches!(
            w,
            "leaders"
                | "ministers"
                | "heads"
                | "members"
                | "diplomats"
                | "envoys"
                | "officials"
                | "delegates"
                | "representatives"
        )
    };
    (left..k).any(|i| {
        v.mention_at(i).is_some_and(|m| {
            m.a == i && {
                (m.b..(m.b + 3).min(k)).any(|j| group(v.w(j)))
                    // "Leaders of the G7", "foreign ministers of the EU".
                    || {
                        let of = if i > left && v.w(i - 1) == "the" { i - 1 } else { i };
                        of > left + 1 && v.w(of - 1) == "of" && group(v.w(of - 2))
                    }
            }
        })
    })
}

/// Is a lowercase word a verb in the past or a verb of saying (without its token)?
fn is_verb_like_word(w: &str) -> bool {
    reporting_verb(w) || past_governor(w) || w.len() > 4 && w.ends_with("ed") && !planned_cue(w)
}

/// Is token `i` a verb in the past or a verb of saying (the end of a subject)?
fn is_verb_like(v: &View<'_>, i: usize) -> bool {
    let w = v.w(i);
    if v.capitalized(i) || w.len() < 4 || title_word(w) {
        return false;
    }
    reporting_verb(w)
        || past_governor(w)
        || matches!(
            w,
            "discussed"
                | "signed"
                | "agreed"
                | "welcomed"
                | "urged"
                | "stressed"
                | "reviewed"
                | "addressed"
                | "outlined"
        )
        || w.ends_with("ed")
            && !matches!(
                w,
                "united"
                    | "red"
                    | "need"
                    | "speed"
                    | "feed"
                    | "seed"
                    | "armed"
                    | "based"
                    | "led"
                    | "proposed"
                    | "planned"
                    | "scheduled"
                    | "expected"
                    | "upcoming"
            )
}

/// Does a new clause start at token `i` ("... and laid the groundwork", "and said")?
fn starts_clause(v: &View<'_>, i: usize) -> bool {
    let w = v.w(i);
    if v.mention_at(i).is_some() || v.date_at(i).is_some() || v.capitalized(i) || is_determiner(w) {
        return false;
    }
    reporting_verb(w)
        || past_governor(w)
        || matches!(
            w,
            "laid"
                | "left"
                | "went"
                | "gave"
                | "came"
                | "signed"
                | "agreed"
                | "expressed"
                | "discussed"
                | "stressed"
                | "welcomed"
                | "will"
                | "would"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "also"
                | "then"
        )
        || w.len() > 4
            && w.ends_with("ed")
            && v.tok(i)
                .is_some_and(|t| t.kind == dateline_text::TokenKind::Word)
}

/// Is `a` a person whose name is longer than `b`'s (a full name against a surname)?
fn longer_name(cast: &Cast<'_>, a: usize, b: usize) -> bool {
    let len = |x: usize| cast.entity(x).map_or(0, |e| e.name.len());
    cast.class(a) == Class::Person && len(a) > len(b)
}

/// Are two entities the same party: the same entity, or two people of whom one's name
/// ends the other's at a word edge ("De Mistura" / "Staffan de Mistura", "Moallem" / "Walid
/// al-Moallem"), or an organisation or country one of whose names the other carries.
fn same_party(cast: &Cast<'_>, a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (cast.entity(a), cast.entity(b)) else {
        return false;
    };
    let (ca, cb) = (cast.class(a), cast.class(b));
    let person = |c: Class| c == Class::Person;
    // A headline's surname may be taken for an organisation ("Meets Castellano").
    let name_like = |c: Class| matches!(c, Class::Person | Class::Org);
    if ca != cb && !(person(ca) && name_like(cb) || person(cb) && name_like(ca)) {
        return false;
    }
    match ca {
        _ if person(ca) || person(cb) => {
            let (short, long) = if x.name.len() <= y.name.len() {
                (&x.name, &y.name)
            } else {
                (&y.name, &x.name)
            };
            short.len() >= 4
                && short.len() < long.len()
                && long.len() <= 80
                && long
                    .to_lowercase()
                    .strip_suffix(&short.to_lowercase())
                    .is_some_and(|head| head.ends_with([' ', '-']))
        }
        Class::Org | Class::Country => {
            let named = |e: &dateline_entities::Entity, n: &str| {
                e.name.eq_ignore_ascii_case(n)
                    || e.aliases.iter().any(|al| al.eq_ignore_ascii_case(n))
            };
            named(x, &y.name) || named(y, &x.name)
        }
        _ => false,
    }
}

/// Does token `i` say an encounter has many sides ("four-way", "multilateral",
/// "quadrilateral")? Three sides ("trilateral", "three-way") stay a meeting.
fn many_sided(v: &View<'_>, i: usize) -> bool {
    let w = v.w(i);
    let number = |n: &str| {
        matches!(
            n,
            "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "4" | "5" | "6" | "7"
        )
    };
    matches!(
        w,
        "multilateral" | "quadrilateral" | "quadripartite" | "multiparty" | "multi-party"
    ) || w
        .strip_suffix("-way")
        .or_else(|| w.strip_suffix("-nation"))
        .or_else(|| w.strip_suffix("-party"))
        .is_some_and(number)
        || matches!(w, "way" | "nation" | "party")
            && i >= 2
            && v.w(i - 1) == "-"
            && number(v.w(i - 2))
}

/// Do names follow an anaphor-like head at `i` ("the leaders of Germany and Italy", "the
/// ministers from Egypt")? Then it introduces parties rather than referring back.
fn names_follow(v: &View<'_>, i: usize) -> bool {
    matches!(v.w(i + 1), "of" | "from")
        && (i + 2..i + 4).any(|j| {
            v.mention_at(j).is_some() && !matches!(v.w(j.saturating_sub(1)), "two" | "both")
        })
        && !matches!(v.w(i + 2), "two" | "both" | "three" | "four" | "their")
}

/// A verb after an event noun that tells where or when the encounter was rather than
/// starting a new predicate: "took place" ("the meeting took place in Beijing", "is to take
/// place"), and "held" / "convened" right after the noun, auxiliaries aside ("talks held in
/// Geneva", "a discussion will be held between"). Returns the token to go on scanning from.
fn event_predicate(v: &View<'_>, i: usize, k: usize) -> Option<usize> {
    let noun = trigger(v.w(k)).is_some_and(|t| t.form == Form::Noun);
    if !noun || i <= k {
        return None;
    }
    // Auxiliaries from `i` on ("will be held", "are to take place").
    let mut j = i;
    while j < i + 4
        && matches!(
            v.w(j),
            "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "be"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "to"
                | "would"
                | "also"
        )
    {
        j += 1;
    }
    let w = v.w(j);
    if matches!(w, "took" | "take" | "takes" | "taking") && v.w(j + 1) == "place" {
        return Some(j + 2);
    }
    // "held" and its kin only right after the noun (dates and commas aside): later they
    // start a clause of their own.
    // ("The meeting of A, B and C was held in Busan": a passive auxiliary ties it.)
    let right_after = (k + 1..i).all(|x| v.w(x) == "," || v.date_at(x).is_some())
        || (i..j).any(|x| matches!(v.w(x), "was" | "were"));
    (right_after && matches!(w, "held" | "convened" | "organised" | "organized")).then_some(j + 1)
}

fn push(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "our"
            | "my"
            | "your"
            | "both"
            | "two"
            | "three"
            | "four"
            | "five"
            | "several"
            | "some"
            | "first"
            | "second"
            | "third"
            | "last"
            | "next"
    )
}

/// "that" as a determiner ("that meeting") rather than a complementizer.
fn is_determiner_like_that(v: &View<'_>, j: usize) -> bool {
    trigger(v.w(j + 1)).is_some()
}

/// Is token `i` between quotation marks of its sentence?
fn in_quotes(v: &View<'_>, i: usize) -> bool {
    v.quoted(i)
}

/// The preposition governing a mention starting at `a` (skipping determiners and
/// adjectives), if any.
fn preposition_before(v: &View<'_>, a: usize, left: usize) -> Option<&'static str> {
    let mut i = a;
    let mut steps = 0;
    while i > left && steps < 5 {
        i -= 1;
        steps += 1;
        let w = v.w(i);
        if v.mention_at(i).is_some() {
            return None;
        }
        let p = match w {
            "in" => "in",
            "at" => "at",
            "on" => "on",
            "about" => "about",
            "for" => "for",
            "near" => "near",
            "inside" => "inside",
            "against" => "against",
            "over" => "over",
            "regarding" => "regarding",
            "to" => "to",
            "into" => "into",
            "across" => "across",
            "toward" => "toward",
            "towards" => "towards",
            "with" => "with",
            "by" => "by",
            "of" => "of",
            "from" => "from",
            "between" => "between",
            _ => {
                if is_determiner(w)
                    || matches!(
                        w,
                        "city"
                            | "capital"
                            | "town"
                            | "of"
                            | "port"
                            | "northern"
                            | "southern"
                            | "eastern"
                            | "western"
                            | "central"
                            | "swiss"
                            | "french"
                    )
                    || v.capitalized(i) && !v.is_punct(i)
                {
                    continue;
                }
                return None;
            }
        };
        return Some(p);
    }
    None
}

/// Is a mention the country or organisation of a person's title ("South Korean Prime
/// Minister Han", "North Korea's Kim", "Imran Khan, Prime Minister of Pakistan")?
fn attached_to_person(v: &View<'_>, cast: &Cast<'_>, m: M) -> bool {
    if matches!(cast.class(m.entity), Class::Person) {
        return false;
    }
    // Forward: title words then a person.
    let mut i = m.b;
    let mut steps = 0;
    while i < v.unit.hi && steps < 6 {
        if let Some(n) = v.mention_at(i) {
            return cast.class(n.entity) == Class::Person && steps > 0
                || cast.class(n.entity) == Class::Person && v.w(m.b) == "'s"
                || cast.class(n.entity) == Class::Person && i == m.b;
        }
        let w = v.w(i);
        if !(title_word(w) || w == "'s" || w == "'" || (v.capitalized(i) && !v.is_punct(i)))
            || matches!(w, "and" | "the")
        {
            break;
        }
        i += 1;
        steps += 1;
    }
    // Backward: "X, Prime Minister of Pakistan", "President Macky Sall of Senegal".
    let mut i = m.a;
    let mut steps = 0;
    let mut saw_of = false;
    while i > v.unit.lo && steps < 6 {
        i -= 1;
        steps += 1;
        if let Some(n) = v.mention_at(i) {
            return saw_of && cast.class(n.entity) == Class::Person;
        }
        let w = v.w(i);
        if w == "of" {
            saw_of = true;
            continue;
        }
        if !(title_word(w) || w == "," || (v.capitalized(i) && !v.is_punct(i))) {
            return false;
        }
    }
    false
}

/// Is a mention the source of a reporting clause ("CCTV reported", "according to SANA",
/// "Yonhap said")?
fn reporting_source(v: &View<'_>, m: M, k: usize) -> bool {
    let next = v.w(m.b);
    if reporting_verb(next) {
        return true;
    }
    if m.a >= 2 && v.w(m.a - 1) == "to" && v.w(m.a - 2) == "according" {
        return true;
    }
    // "..., China Central Television (CCTV) reported." after the trigger: a trailing
    // attribution (the verb ends the sentence or is followed by its date or channel), not
    // "After talks, X said they would ...".
    m.a > k
        && v.w(m.a.saturating_sub(1)) == ","
        && (m.b..(m.b + 5).min(v.unit.hi)).any(|i| {
            reporting_verb(v.w(i))
                && (i + 1 >= v.unit.hi
                    || v.is_punct(i + 1)
                    || matches!(
                        v.w(i + 1),
                        "on" | "in"
                            | "late"
                            | "early"
                            | "earlier"
                            | "citing"
                            | "today"
                            | "yesterday"
                    )
                    || v.date_at(i + 1).is_some())
        })
}

/// Is token `i` in a reporting clause ("..., an official statement said on Tuesday")?
fn in_reporting_clause(v: &View<'_>, i: usize) -> bool {
    let lo = v.unit.lo;
    let mut j = i;
    let mut steps = 0;
    while j > lo && steps < 3 {
        j -= 1;
        steps += 1;
        let w = v.w(j);
        if reporting_verb(w) && w != "told" {
            return true;
        }
        if !matches!(w, "on" | "late" | "early" | "this" | "last") {
            return false;
        }
    }
    false
}

/// The calendar part of a TIMEX3 value, when it has one: "2023-09-23", "2023-09",
/// "2023-W38", "2023", "XXXX-11-01", "2023-SU"; `None` for durations, references and
/// values without year and month.
pub(crate) fn calendar_value(value: &str) -> Option<String> {
    let v = value.split('T').next().unwrap_or(value);
    let b = v.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let year_ok = b.len() >= 4 && (digits(&b[..4]) || &b[..4] == b"XXXX");
    if !year_ok {
        return None;
    }
    let rest = &v[4..];
    let known_year = digits(&b[..4]);
    let ok = match rest.len() {
        0 => known_year,
        3 => {
            // "-09", "-SU", "-Q3", "-H1"
            let r = &rest.as_bytes()[1..];
            rest.starts_with('-')
                && (digits(r)
                    || (known_year || r != b"XX")
                        && matches!(
                            r,
                            b"SU"
                                | b"SP"
                                | b"FA"
                                | b"WI"
                                | b"Q1"
                                | b"Q2"
                                | b"Q3"
                                | b"Q4"
                                | b"H1"
                                | b"H2"
                        ))
        }
        4 => known_year && rest.starts_with("-W") && digits(&rest.as_bytes()[2..]),
        6 => {
            rest.starts_with('-')
                && digits(&rest.as_bytes()[1..3])
                && rest.as_bytes()[3] == b'-'
                && digits(&rest.as_bytes()[4..])
        }
        _ => false,
    };
    ok.then(|| v.to_owned())
}

/// The inclusive day range of a calendar value with a known year (see [`crate::date_range`]).
pub(crate) fn value_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, m] if m.starts_with('W') => {
            let w: u32 = m.get(1..)?.parse().ok()?;
            let a = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?;
            Some((a, a + Duration::days(6)))
        }
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            let a = NaiveDate::from_ymd_opt(year, m, 1)?;
            let b = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)?
            } - Duration::days(1);
            Some((a, b))
        }
        [_, m, d] => {
            let a = NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)?;
            Some((a, a))
        }
        _ => None,
    }
}

/// Do two event dates allow the same encounter (equal, one inside the other, or unknown)?
fn dates_agree(a: Option<&EventDate>, b: Option<&EventDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            if a.value == b.value || a.value.starts_with(&b.value) || b.value.starts_with(&a.value)
            {
                return true;
            }
            match (value_range(&a.value), value_range(&b.value)) {
                (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
                _ => false,
            }
        }
        _ => true,
    }
}

#[allow(dead_code)]
fn label_of(cast: &Cast<'_>, e: usize) -> Option<Label> {
    cast.entity(e).map(|e| e.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values() {
        assert_eq!(calendar_value("2023-09-23").as_deref(), Some("2023-09-23"));
        assert_eq!(
            calendar_value("2023-09-23TAF").as_deref(),
            Some("2023-09-23")
        );
        assert_eq!(calendar_value("2023-09").as_deref(), Some("2023-09"));
        assert_eq!(calendar_value("2023").as_deref(), Some("2023"));
        assert_eq!(calendar_value("2022-W46").as_deref(), Some("2022-W46"));
        assert_eq!(calendar_value("XXXX-11-01").as_deref(), Some("XXXX-11-01"));
        assert_eq!(calendar_value("XXXX-11").as_deref(), Some("XXXX-11"));
        assert_eq!(calendar_value("2023-SU").as_deref(), Some("2023-SU"));
        for bad in [
            "XXXX",
            "XXXX-XX",
            "XXXX-WXX-4",
            "P4Y",
            "PRESENT_REF",
            "XXX",
            "199",
            "",
            "2023-1",
        ] {
            assert_eq!(calendar_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn ranges() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            value_range("2023-09"),
            Some((d(2023, 9, 1), d(2023, 9, 30)))
        );
        assert_eq!(
            value_range("2023-12"),
            Some((d(2023, 12, 1), d(2023, 12, 31)))
        );
        assert_eq!(
            value_range("2022-W46"),
            Some((d(2022, 11, 14), d(2022, 11, 20)))
        );
        assert_eq!(value_range("XXXX-11"), None);
        assert_eq!(value_range("2023-02-30"), None);
    }

    #[test]
    fn a_year_before() {
        assert_eq!(year_before("2024-03-16").as_deref(), Some("2023-03-16"));
        assert_eq!(year_before("2024-03").as_deref(), Some("2023-03"));
        assert_eq!(year_before("2024-02-29"), None);
        assert_eq!(year_before("2024-W11"), None);
        assert_eq!(year_before("0001-01"), None);
        assert_eq!(year_before("XXXX-03-16"), None);
    }

    #[test]
    fn date_agreement() {
        let e = |v: &str| EventDate {
            value: v.into(),
            source: DateSource::Mention,
            span: None,
        };
        assert!(dates_agree(Some(&e("2023-09-23")), Some(&e("2023-09"))));
        assert!(dates_agree(None, Some(&e("2023-09"))));
        assert!(!dates_agree(Some(&e("2019-12")), Some(&e("2022-11-15"))));
    }
}
