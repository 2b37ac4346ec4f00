//! The words events are found by: trigger words per kind, the cue words that decide status,
//! the nouns that stand for a party ("officials", "counterpart"), venues and stop words.
//!
//! Every list is lowercase ASCII; callers lowercase the token first ([`lower`]).

use crate::EventKind;

/// How a trigger word is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A past-tense verb ("met", "visited").
    Past,
    /// A present-tense verb ("meets", "hosts"): headlines use it for past events.
    Present,
    /// A base-form verb ("meet", "visit"), after "will", "to", "did".
    Base,
    /// A gerund or participle in -ing ("meeting", "visiting").
    Ing,
    /// A noun ("meeting", "talks", "summit", "visit").
    Noun,
}

/// What else a trigger needs to count, or how it changes the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// The word alone is a trigger (with two parties).
    Plain,
    /// "hosted", "received", "welcomed": a visit told from the host's side; needs a party
    /// as direct object (or "by" + party in the passive).
    Host,
    /// "arrived", "arrival": a visit whose destination follows "in"/"at".
    Arrive,
    /// "travelled to", "flew to": a visit whose destination follows "to".
    Travel,
    /// "called", "phoned": a call; "called" needs a party as direct object.
    CallVerb,
    /// "spoke", "talked": a call only with a phone word nearby.
    Speak,
    /// "phone", "telephone", "teleconference": the word makes the event a call.
    Phone,
    /// "conversation": a call (diplomatic news rarely uses it otherwise) between two parties.
    Conversation,
    /// "gathered", "convened": a summit of a group.
    Gather,
    /// "conference": a summit only when parties or ministers qualify it.
    Conference,
    /// "talks": a meeting, or a negotiation when a topic word qualifies it.
    Talks,
    /// "discussions": a meeting only after "held"/"hold" or before "with"/"between".
    Discussions,
    /// "shook hands (with)": a meeting only before "hands".
    Handshake,
    /// "sat down with": a meeting only before "down with".
    SitDown,
}

/// A trigger word: the kind of event, how the word is used, and its flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub(crate) kind: EventKind,
    pub(crate) form: Form,
    pub(crate) flavor: Flavor,
}

const fn t(kind: EventKind, form: Form, flavor: Flavor) -> Option<Trigger> {
    Some(Trigger { kind, form, flavor })
}

/// The trigger a lowercase word is, if any.
pub(crate) fn trigger(w: &str) -> Option<Trigger> {
    use EventKind::{Call, Mediate, Meet, Negotiate, Summit, Visit};
    use Flavor::{
        Arrive, CallVerb, Conference, Conversation, Discussions, Gather, Handshake, Host, Phone,
        Plain, SitDown, Speak, Talks, Travel,
    };
    use Form::{Base, Ing, Noun, Past, Present};
    match w {
        "met" => t(Meet, Past, Plain),
        "meet" => t(Meet, Base, Plain),
        "meets" => t(Meet, Present, Plain),
        "meeting" => t(Meet, Noun, Plain),
        "meetings" => t(Meet, Noun, Plain),
        "talks" => t(Meet, Noun, Talks),
        "discussions" | "discussion" => t(Meet, Noun, Discussions),
        "greeted" => t(Meet, Past, Host),
        "shook" => t(Meet, Past, Handshake),
        "sat" => t(Meet, Past, SitDown),
        "sit" => t(Meet, Base, SitDown),
        "sits" => t(Meet, Present, SitDown),
        "sitting" => t(Meet, Ing, SitDown),
        "greets" => t(Meet, Present, Host),
        "hosted" => t(Visit, Past, Host),
        "hosts" => t(Visit, Present, Host),
        "hosting" => t(Visit, Ing, Host),
        "host" => t(Visit, Base, Host),
        "received" => t(Visit, Past, Host),
        "receives" => t(Visit, Present, Host),
        "welcomed" => t(Visit, Past, Host),
        "welcome" => t(Visit, Base, Host),
        "welcomes" => t(Visit, Present, Host),
        "visit" => t(Visit, Noun, Plain),
        "visits" => t(Visit, Present, Plain),
        "visited" => t(Visit, Past, Plain),
        "visiting" => t(Visit, Ing, Plain),
        "trip" => t(Visit, Noun, Travel),
        "arrived" => t(Visit, Past, Arrive),
        "arrives" => t(Visit, Present, Arrive),
        "arriving" => t(Visit, Ing, Arrive),
        "arrival" => t(Visit, Noun, Arrive),
        "travelled" | "traveled" | "flew" => t(Visit, Past, Travel),
        "travels" | "flies" => t(Visit, Present, Travel),
        "travel" | "fly" => t(Visit, Base, Travel),
        "travelling" | "traveling" | "flying" => t(Visit, Ing, Travel),
        "phone" | "telephone" | "phones" | "teleconference" | "videoconference" => {
            t(Call, Noun, Phone)
        }
        "phoned" | "telephoned" => t(Call, Past, CallVerb),
        "called" => t(Call, Past, CallVerb),
        "calls" => t(Call, Present, CallVerb),
        "call" => t(Call, Noun, CallVerb),
        "conversation" | "conversations" => t(Call, Noun, Conversation),
        "spoke" | "talked" => t(Call, Past, Speak),
        "speaks" | "talks-by-phone" => t(Call, Present, Speak),
        "summit" | "summits" => t(Summit, Noun, Plain),
        "conference" => t(Summit, Noun, Conference),
        "gathered" | "convened" | "reconvened" => t(Summit, Past, Gather),
        "gather" | "convene" | "reconvene" => t(Summit, Base, Gather),
        "gathers" | "convenes" | "reconvenes" => t(Summit, Present, Gather),
        "gathering" => t(Summit, Noun, Gather),
        "negotiations" | "negotiation" => t(Negotiate, Noun, Plain),
        "negotiated" => t(Negotiate, Past, Plain),
        "negotiate" => t(Negotiate, Base, Plain),
        "negotiates" => t(Negotiate, Present, Plain),
        "negotiating" => t(Negotiate, Ing, Plain),
        "mediation" | "mediator" | "mediators" | "broker" => t(Mediate, Noun, Plain),
        "mediated" | "brokered" => t(Mediate, Past, Plain),
        "mediate" => t(Mediate, Base, Plain),
        "mediates" => t(Mediate, Present, Plain),
        "mediating" | "brokering" => t(Mediate, Ing, Plain),
        _ => None,
    }
}

/// Lowercases a token for the lookups of this module (ASCII only; other characters are kept),
/// mapping curly apostrophes to straight ones.
pub(crate) fn lower(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => s.push('\''),
            c => s.push(c.to_ascii_lowercase()),
        }
    }
    s
}

/// Cheap test before lowercasing: could this token be a trigger at all?
pub(crate) fn may_trigger(word: &str) -> bool {
    let b = word.as_bytes();
    if !(3..=16).contains(&b.len()) {
        return false;
    }
    matches!(
        b[0].to_ascii_lowercase(),
        b'm' | b't'
            | b'd'
            | b'g'
            | b'h'
            | b'r'
            | b'w'
            | b'v'
            | b'a'
            | b'f'
            | b'p'
            | b'c'
            | b's'
            | b'n'
            | b'b'
    )
}

/// Words before a trigger (in its clause) that make the event planned.
pub(crate) fn planned_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "scheduled"
            | "slated"
            | "due"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "expected"
            | "upcoming"
            | "forthcoming"
            | "intends"
            | "intend"
            | "intended"
            | "preparing"
            | "prepares"
            | "prepare"
            | "ahead"
            | "awaited"
            | "proposed"
            | "going"
            | "tomorrow"
            | "groundwork"
            | "pave"
            | "paved"
            | "paving"
            | "next"
            | "set"
    )
}

/// Words that make the encounter hypothetical, refused or denied: no event.
pub(crate) fn hypothetical_cue(w: &str) -> bool {
    matches!(
        w,
        "consider"
            | "considering"
            | "considered"
            | "could"
            | "might"
            | "may"
            | "if"
            | "unless"
            | "whether"
            | "hope"
            | "hopes"
            | "hoped"
            | "hoping"
            | "wants"
            | "want"
            | "wanted"
            | "wish"
            | "wishes"
            | "declined"
            | "declines"
            | "refused"
            | "refuses"
            | "refuse"
            | "rejected"
            | "rejects"
            | "not"
            | "n't"
            | "never"
            | "no"
            | "without"
            | "possible"
            | "possibly"
            | "potential"
            | "invited"
            | "invite"
            | "invites"
            | "invitation"
            | "urged"
            | "urges"
            | "offered"
            | "offers"
            | "ready"
            | "willing"
            | "willingness"
            | "open"
            | "ruled"
            | "demanded"
            | "sought"
            | "seeks"
            | "seeking"
            | "should"
            | "must"
            | "cannot"
            | "avoid"
            | "avoided"
            | "denied"
            | "denies"
            | "need"
            | "needs"
            | "would-be"
    )
}

/// Words after (or just before) a trigger that cancel the event.
pub(crate) fn cancel_cue(w: &str) -> bool {
    matches!(
        w,
        "cancelled"
            | "canceled"
            | "cancel"
            | "cancels"
            | "cancelling"
            | "canceling"
            | "scrapped"
            | "scraps"
            | "scrap"
            | "aborted"
    )
}

/// Auxiliaries that with an -ing trigger make the event ongoing ("is visiting").
pub(crate) fn present_aux(w: &str) -> bool {
    matches!(w, "is" | "are" | "am" | "'s" | "'re")
}

/// Auxiliaries that with an -ing trigger keep the event in the past ("was holding talks").
pub(crate) fn past_aux(w: &str) -> bool {
    matches!(w, "was" | "were")
}

/// Words that mark the event as under way now.
pub(crate) fn ongoing_cue(w: &str) -> bool {
    matches!(
        w,
        "currently" | "ongoing" | "underway" | "continue" | "continues" | "continuing" | "now"
    )
}

/// Verbs that govern an event noun in the past ("held talks", "had a meeting", "paid a visit").
pub(crate) fn past_governor(w: &str) -> bool {
    matches!(
        w,
        "held"
            | "had"
            | "paid"
            | "made"
            | "took"
            | "attended"
            | "concluded"
            | "ended"
            | "wrapped"
            | "wound"
            | "completed"
            | "began"
            | "started"
            | "opened"
            | "joined"
            | "last"
            | "recent"
            | "recently"
            | "previous"
            | "earlier"
    )
}

/// Nouns before "talks" that make them a negotiation rather than a meeting.
pub(crate) fn negotiation_topic(w: &str) -> bool {
    matches!(
        w,
        "peace"
            | "trade"
            | "ceasefire"
            | "cease-fire"
            | "truce"
            | "nuclear"
            | "brexit"
            | "coalition"
            | "budget"
            | "debt"
            | "climate"
            | "border"
            | "security"
            | "hostage"
            | "arms"
            | "round"
            | "rounds"
            | "negotiating"
            | "indirect"
            | "direct"
            | "proximity"
            | "settlement"
            | "unity"
            | "reconciliation"
            | "accession"
            | "deal"
    )
}

/// Nouns that, after a nationality ("Syrian officials", "the Chinese side"), stand for the
/// country as a party.
pub(crate) fn party_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "official"
            | "side"
            | "government"
            | "authorities"
            | "delegation"
            | "delegations"
            | "leaders"
            | "leader"
            | "leadership"
            | "diplomats"
            | "diplomat"
            | "ministers"
            | "minister"
            | "president"
            | "counterpart"
            | "counterparts"
            | "negotiators"
            | "envoy"
            | "envoys"
            | "mediator"
            | "mediators"
            | "representatives"
            | "counterparts'"
            | "team"
            | "presidents"
            | "premier"
            | "chancellor"
            | "prime"
            | "foreign"
            | "defence"
            | "defense"
            | "king"
            | "emperor"
    )
}

/// Phrases that refer back to the parties of the previous event ("the two leaders").
pub(crate) fn anaphor_head(w: &str) -> bool {
    matches!(
        w,
        "leaders"
            | "sides"
            | "countries"
            | "men"
            | "ministers"
            | "presidents"
            | "secretaries"
            | "nations"
            | "governments"
            | "counterparts"
            | "officials"
            | "delegations"
            | "parties"
            | "pair"
            | "figures"
            | "participants"
            | "negotiators"
            | "mediators"
            | "allies"
            | "neighbours"
            | "neighbors"
    )
}

/// Role words that may sit between a nationality and a name ("South Korean Prime Minister").
pub(crate) fn title_word(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "vice"
            | "prime"
            | "minister"
            | "ministers"
            | "foreign"
            | "defence"
            | "defense"
            | "secretary"
            | "secretary-general"
            | "general"
            | "chancellor"
            | "premier"
            | "king"
            | "queen"
            | "emperor"
            | "crown"
            | "prince"
            | "princess"
            | "sheikh"
            | "leader"
            | "chief"
            | "envoy"
            | "special"
            | "state"
            | "deputy"
            | "former"
            | "top"
            | "senior"
            | "new"
            | "outgoing"
            | "incoming"
            | "acting"
            | "opposition"
            | "head"
            | "director"
            | "ambassador"
            | "counterpart"
            | "diplomat"
            | "chairman"
            | "chair"
            | "speaker"
            | "governor"
            | "mayor"
            | "of"
            | "for"
            | "and"
            | "the"
            | "h.e"
            | "h.e."
            | "hon."
            | "hon"
            | "mr"
            | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "dr"
            | "dr."
            | "gen."
            | "un"
            | "u.n."
    )
}

/// Words that end the object phrase of a trigger (a new clause, a purpose, a topic).
pub(crate) fn clause_stop(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "reported"
            | "reports"
            | "added"
            | "according"
            | "announced"
            | "confirmed"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "that"
            | "where"
            | "when"
            | "while"
            | "before"
            | "after"
            | "ahead"
            | "amid"
            | "following"
            | "because"
            | "since"
            | "but"
            | "although"
            | "though"
            | "as"
            | "despite"
            | "so"
            | "than"
            | "until"
            | "about"
            | "regarding"
            | "concerning"
            | "over"
            | "against"
            | "under"
            | "via"
            | "like"
            | "unlike"
            | "instead"
            | "whereas"
            | "if"
            | "through"
    )
}

/// Words that end the subject window on the left of a trigger.
pub(crate) fn left_stop(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "reported"
            | "reports"
            | "added"
            | "announced"
            | "confirmed"
            | "that"
            | "after"
            | "before"
            | "while"
            | "when"
            | "because"
            | "since"
            | "but"
            | "although"
            | "though"
            | "whereas"
            | "amid"
            | "following"
            | "despite"
            | "unlike"
            | "if"
            | "whether"
            | "than"
            | "where"
            | "so"
            | ";"
            | ":"
            | "\u{2014}"
            | "--"
            | "\u{2013}"
    )
}

/// Verbs of saying whose clause names a source, not a party.
pub(crate) fn reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "reported"
            | "reports"
            | "added"
            | "announced"
            | "confirmed"
            | "according"
            | "quoted"
            | "stated"
            | "noted"
            | "wrote"
            | "tweeted"
            | "posted"
    )
}

/// Words of a venue (an ORG or FAC mention that is a place, not a party).
pub(crate) fn venue_word(w: &str) -> bool {
    matches!(
        w,
        "house"
            | "office"
            | "palace"
            | "pentagon"
            | "kremlin"
            | "hall"
            | "room"
            | "hotel"
            | "barracks"
            | "centre"
            | "center"
            | "trees"
            | "street"
            | "airport"
            | "base"
            | "residence"
            | "villa"
            | "building"
            | "courthouse"
            | "headquarters"
            | "castle"
            | "lodge"
            | "mansion"
            | "chancellery"
            | "elysee"
            | "\u{e9}lys\u{e9}e"
            | "capitol"
            | "parliament"
            | "embassy"
            | "resort"
            | "estate"
            | "compound"
            | "farm"
            | "ranch"
            | "club"
            | "square"
            | "plaza"
            | "stadium"
            | "zhongnanhai"
            | "chequers"
            | "mar-a-lago"
    )
}

/// A word naming a weekday (for re-resolving "on Saturday" by the event's status).
pub(crate) fn weekday(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['.', ',', '\'', 's']);
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_by_kind() {
        assert_eq!(trigger("met").map(|t| t.kind), Some(EventKind::Meet));
        assert_eq!(trigger("visited").map(|t| t.kind), Some(EventKind::Visit));
        assert_eq!(trigger("phoned").map(|t| t.kind), Some(EventKind::Call));
        assert_eq!(trigger("summit").map(|t| t.kind), Some(EventKind::Summit));
        assert_eq!(
            trigger("negotiations").map(|t| t.kind),
            Some(EventKind::Negotiate)
        );
        assert_eq!(
            trigger("brokered").map(|t| t.kind),
            Some(EventKind::Mediate)
        );
        assert_eq!(trigger("statement"), None);
        assert_eq!(trigger("sanctions"), None);
    }

    #[test]
    fn every_trigger_passes_the_cheap_test() {
        for w in [
            "met",
            "meet",
            "meets",
            "meeting",
            "talks",
            "discussion",
            "greeted",
            "hosted",
            "received",
            "welcomed",
            "visit",
            "visited",
            "trip",
            "arrived",
            "arrival",
            "travelled",
            "flew",
            "phone",
            "telephone",
            "teleconference",
            "videoconference",
            "phoned",
            "called",
            "call",
            "conversation",
            "spoke",
            "talked",
            "summit",
            "conference",
            "gathered",
            "convened",
            "reconvene",
            "negotiations",
            "mediators",
            "brokered",
            "broker",
        ] {
            assert!(trigger(w).is_some(), "{w}");
            assert!(may_trigger(w), "{w}");
        }
    }

    #[test]
    fn lowercasing_maps_curly_apostrophes() {
        assert_eq!(lower("Xi\u{2019}s"), "xi's");
        assert_eq!(lower("MET"), "met");
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday("saturday"), Some(5));
        assert_eq!(weekday("monday's"), Some(0));
        assert_eq!(weekday("month"), None);
    }
}
