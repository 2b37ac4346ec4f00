//! Cheap tense detection around a position, for resolving bare weekdays and months.

/// Direction a bare weekday or month points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

const MAX_REACH: usize = 240;

/// Bytes between "upcoming" and the expression it can still date.
const UPCOMING_REACH: usize = 32;

/// Extra distance given to a reporting verb that is not right before the expression.
const REPORTING_PENALTY: usize = 40;

fn is_reporting(w: &[u8]) -> bool {
    ["said", "says", "told", "announced", "predicted", "reported"]
        .iter()
        .any(|r| w.eq_ignore_ascii_case(r.as_bytes()))
}

pub(crate) fn is_sentence_end(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'!' | b'?' => true,
        b'.' => {
            // "Sept. 26", "U.S. officials": a period followed by a lowercase word or a digit
            // does not end the sentence; a short capitalized abbreviation before it doesn't either.
            let next = b[i + 1..].iter().find(|c| !c.is_ascii_whitespace());
            let word_len = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            matches!(next, Some(c) if c.is_ascii_uppercase() || *c == b'"') && word_len > 4
        }
        b'\n' => i + 1 < b.len() && b[i + 1] == b'\n',
        _ => false,
    }
}

/// The sentence around byte `pos..end`, at most [`MAX_REACH`] bytes either side: `lo..hi`.
fn sentence_bounds(b: &[u8], pos: usize, end: usize) -> (usize, usize) {
    let mut lo = pos.min(b.len());
    let floor = pos.saturating_sub(MAX_REACH);
    while lo > floor && !is_sentence_end(b, lo - 1) {
        lo -= 1;
    }
    let mut hi = end.min(b.len());
    let ceil = (end + MAX_REACH).min(b.len());
    while hi < ceil && !is_sentence_end(b, hi) {
        hi += 1;
    }
    (lo, hi)
}

/// Tense of the clause around byte `pos..end`: the nearest tense cue in the same sentence
/// wins; `None` when the sentence has no cue (callers default to the past, as news does).
pub(crate) fn tense_at(text: &str, pos: usize, end: usize) -> Option<Tense> {
    let b = text.as_bytes();
    let (lo, hi) = sentence_bounds(b, pos, end);
    let mut best: Option<(usize, Tense)> = None;
    // "until Tuesday" is a deadline ahead, unless the sentence is in the past perfect
    // ("Until Thursday, they had not called him a suspect").
    let mut until_best = false;
    let mut saw_had = false;
    for (s, i) in words_outside(b, lo, hi, pos..end) {
        let w = &b[s..i];
        saw_had |= w.eq_ignore_ascii_case(b"had");
        // "is to", "are to": future.
        if w.eq_ignore_ascii_case(b"to") {
            let before = &b[lo..s.saturating_sub(1).max(lo)];
            let prev: Vec<u8> = before
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .map(u8::to_ascii_lowercase)
                .collect();
            if matches!(prev.as_slice(), b"si" | b"era") {
                let dist = if s < pos { pos - i } else { s - end + 8 };
                if best.map_or(true, |(d, _)| dist < d) {
                    best = Some((dist, Tense::Future));
                    until_best = false;
                }
            }
            continue;
        }
        let prev_apos = s > 0 && (b[s - 1] == b'\'' || (s >= 3 && &b[s - 3..s] == "’".as_bytes()));
        let Some(mut t) = cue(w, prev_apos) else {
            // "set to resume", "set for Monday": a schedule.
            if w.eq_ignore_ascii_case(b"set")
                && matches!(word_after(b, i, hi), Some(n) if n.eq_ignore_ascii_case(b"to") || n.eq_ignore_ascii_case(b"for"))
            {
                let dist = if s < pos { pos - i } else { s - end + 8 };
                if best.map_or(true, |(d, _)| dist < d) {
                    best = Some((dist, Tense::Future));
                    until_best = false;
                }
            }
            continue;
        };
        // "plans to leave", "did not plan to remove him on Thursday": the verb; "vacation
        // plans for the trip" is the noun and says nothing about tense.
        if (w.eq_ignore_ascii_case(b"plans") || w.eq_ignore_ascii_case(b"plan"))
            && !word_after(b, i, hi).is_some_and(|n| n.eq_ignore_ascii_case(b"to"))
        {
            continue;
        }
        // "were planning a rally on Saturday", "was expected to arrive Monday": an intention
        // reported in the past, for a time still ahead; the next word is the cue.
        if t == Tense::Past
            && (w.eq_ignore_ascii_case(b"was") || w.eq_ignore_ascii_case(b"were"))
            && word_after(b, i, hi).is_some_and(|n| {
                [
                    &b"planning"[..],
                    b"expected",
                    b"scheduled",
                    b"due",
                    b"going",
                    b"slated",
                    b"supposed",
                    b"poised",
                    b"to",
                ]
                .iter()
                .any(|x| n.eq_ignore_ascii_case(x))
            })
        {
            continue;
        }
        if t == Tense::Future {
            // "next to the embassy" is a place; "had been scheduled" a plan that is over.
            if w.eq_ignore_ascii_case(b"next")
                && word_after(b, i, hi).is_some_and(|n| n.eq_ignore_ascii_case(b"to"))
            {
                continue;
            }
            // "planned" dates a plan before the expression ("planned to leave on Thursday");
            // after it, the plan itself ("On Friday, the government planned to pay").
            if s > pos && w.eq_ignore_ascii_case(b"planned") {
                continue;
            }
            let had =
                |w: &[u8]| w.eq_ignore_ascii_case(b"had") || w.eq_ignore_ascii_case(b"previously");
            match word_before(b, s, lo) {
                Some((_, p)) if had(p) => t = Tense::Past,
                Some((ps, p))
                    if p.eq_ignore_ascii_case(b"been")
                        && word_before(b, ps, lo).is_some_and(|(_, p2)| had(p2)) =>
                {
                    t = Tense::Past;
                }
                _ => {}
            }
        }
        // "would be held", "to be signed": a participle after "be" carries no tense; after a
        // determiner it is an adjective ("the planned merger", "a revised offer").
        if t == Tense::Past
            && word_before(b, s, lo).is_some_and(|(_, p)| {
                [
                    &b"be"[..],
                    b"being",
                    // "is fixed for Tuesday": a present passive.
                    b"is",
                    b"are",
                    b"a",
                    b"an",
                    b"the",
                    b"its",
                    b"their",
                    b"his",
                    b"her",
                ]
                .iter()
                .any(|x| p.eq_ignore_ascii_case(x))
            })
        {
            continue;
        }
        // "due to the deadlock": a cause, not a schedule ("is due to arrive").
        if w.eq_ignore_ascii_case(b"due") && due_to_a_cause(b, i, hi) {
            continue;
        }
        let dist = if s < pos { pos - i } else { s - end };
        // "upcoming" qualifies its own noun ("the upcoming talks on Thursday"), not a clause:
        // far from the expression it says nothing.
        if w.eq_ignore_ascii_case(b"upcoming") && dist > UPCOMING_REACH {
            continue;
        }
        // A reporting verb ("said", "told") dates the report, not the reported event: it is
        // a strong cue only right before the expression ("said Friday", "said on Friday").
        let dist = if is_reporting(w) && !(s < pos && dist <= 4) {
            dist + REPORTING_PENALTY
        } else {
            dist
        };
        // Cues after the expression count a little less than cues before it.
        let dist = if s >= end { dist + 8 } else { dist };
        if best.map_or(true, |(d, _)| dist < d) {
            best = Some((dist, t));
            until_best = w.eq_ignore_ascii_case(b"until") || w.eq_ignore_ascii_case(b"till");
        }
    }
    if until_best && saw_had {
        return Some(Tense::Past);
    }
    best.map(|(_, t)| t)
}

/// True when the sentence around byte `pos..end` (at most [`MAX_REACH`] bytes either side)
/// holds one of `words` (lower-case ASCII) as a whole word outside `pos..end`.
pub(crate) fn sentence_has(text: &str, pos: usize, end: usize, words: &[&[u8]]) -> bool {
    let b = text.as_bytes();
    let (lo, hi) = sentence_bounds(b, pos, end);
    words_outside(b, lo, hi, pos..end)
        .any(|(s, i)| words.iter().any(|w| b[s..i].eq_ignore_ascii_case(w)))
}

/// The ASCII words (`start..end` byte bounds) of `b[lo..hi]` that do not start inside `skip`.
fn words_outside(
    b: &[u8],
    lo: usize,
    hi: usize,
    skip: std::ops::Range<usize>,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = lo;
    std::iter::from_fn(move || {
        while i < hi {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let s = i;
            while i < hi && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if !skip.contains(&s) {
                return Some((s, i));
            }
        }
        None
    })
}

/// "due to the deadlock" (a cause) after the word "due" ending at byte `i`, not "due to
/// arrive" (a schedule).
fn due_to_a_cause(b: &[u8], i: usize, hi: usize) -> bool {
    let mut k = i;
    while k < hi && b[k] == b' ' {
        k += 1;
    }
    word_after(b, i, hi).is_some_and(|n| n.eq_ignore_ascii_case(b"to"))
        && word_after(b, (k + 2).min(hi), hi).is_some_and(|n| {
            [
                &b"the"[..],
                b"a",
                b"an",
                b"its",
                b"their",
                b"his",
                b"her",
                b"this",
                b"that",
            ]
            .iter()
            .any(|x| n.eq_ignore_ascii_case(x))
        })
}

/// The word right after byte `i` (skipping spaces), before `hi`.
fn word_after(b: &[u8], mut i: usize, hi: usize) -> Option<&[u8]> {
    while i < hi && b[i] == b' ' {
        i += 1;
    }
    let s = i;
    while i < hi && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    (i > s).then(|| &b[s..i])
}

/// The word right before byte `s` (skipping spaces), not before `lo`, with its start.
fn word_before(b: &[u8], s: usize, lo: usize) -> Option<(usize, &[u8])> {
    let mut e = s;
    while e > lo && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut i = e;
    while i > lo && b[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    (e > i).then(|| (i, &b[i..e]))
}

fn cue(w: &[u8], prev_apos: bool) -> Option<Tense> {
    let mut buf = [0u8; 16];
    if w.len() > buf.len() {
        return None;
    }
    for (k, c) in w.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    let w = &buf[..w.len()];
    if prev_apos {
        return match w {
            b"ll" => Some(Tense::Future),
            b"d" => Some(Tense::Past),
            _ => None,
        };
    }
    match w {
        b"will" | b"shall" | b"wo" | b"upcoming" | b"scheduled" | b"slated" | b"expected"
        | b"expects" | b"plans" | b"planning" | b"due" | b"payable" | b"intends" | b"aims"
        | b"soon" | b"going" | b"next" | b"tomorrow" | b"hopes" | b"seeks" | b"would"
        | b"planned" | b"until" | b"till" | b"intend" | b"intended" | b"plan" => {
            Some(Tense::Future)
        }
        b"said" | b"was" | b"were" | b"had" | b"did" | b"ago" | b"last" | b"yesterday"
        | b"told" | b"met" | b"came" | b"went" | b"took" | b"made" | b"left" | b"held"
        | b"began" | b"saw" | b"won" | b"lost" | b"gave" | b"got" | b"found" | b"fell"
        | b"rose" | b"spoke" | b"wrote" | b"sent" | b"led" | b"became" | b"earlier" | b"since"
        | b"previously" | b"brought" | b"bought" | b"sold" | b"paid" | b"thought" | b"built"
        | b"kept" | b"felt" | b"heard" | b"ran" | b"stood" | b"spent" | b"struck" | b"taught"
        | b"broke" | b"chose" | b"drew" | b"drove" | b"flew" | b"grew" | b"knew" | b"shook"
        | b"stole" | b"threw" | b"meant" | b"sought" | b"caught" | b"fought" | b"shot"
        | b"fled" | b"withdrew" | b"arose" | b"ate" | b"forgave" | b"overtook" | b"undertook"
        | b"swore" | b"woke" | b"hung" | b"dealt" | b"sank" | b"slid" | b"sprang" | b"swept"
        | b"wept" | b"bore" | b"tore" => Some(Tense::Past),
        // "-ed" words are past verbs, except adjectives: "unspecified", "untouched".
        _ if w.len() > 4
            && w.ends_with(b"ed")
            && !w.starts_with(b"un")
            && !matches!(
                w,
                b"indeed"
                    | b"hundred"
                    | b"united"
                    | b"needed"
                    | b"proceed"
                    | b"exceed"
                    | b"succeed"
            ) =>
        {
            Some(Tense::Past)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> Tense {
        let p = text.find(word).unwrap();
        tense_at(text, p, p + word.len()).unwrap_or(Tense::Past)
    }

    #[test]
    fn cues() {
        assert_eq!(at("The leaders met on Thursday.", "Thursday"), Tense::Past);
        assert_eq!(
            at("The leaders will meet on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            at("He said they’ll meet on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            at("Officials are scheduled to talk Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            at("He is to resume trading in Paris Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(tense_at("The summit, Monday.", 12, 18), None);
        // A reporting verb away from the expression yields to the clause's own tense.
        assert_eq!(
            at(
                "The father will leave Thursday with his son, Castro said.",
                "Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("Castro said on Thursday they will meet.", "Thursday"),
            Tense::Past
        );
        assert_eq!(at("It is payable Jan. 2 to holders.", "Jan"), Tense::Future);
        assert_eq!(at("The summit closes Monday.", "Monday"), Tense::Past);
        // "next to" is a place, not a time.
        assert_eq!(
            at("It exploded next to the bank Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            at("They planned a rally on Saturday.", "Saturday"),
            Tense::Future
        );
        assert_eq!(
            at("It would be held on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            at("Talks are set to resume Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(at("The vote is set for Monday.", "Monday"), Tense::Future);
        // The noun "plans" carries no tense; the verb "plan to" does.
        assert_eq!(
            at(
                "On Friday, when she set aside vacation plans for the trip, it lifted a warning.",
                "Friday"
            ),
            Tense::Past
        );
        assert_eq!(
            at("They did not plan to remove him on Thursday.", "Thursday"),
            Tense::Future
        );
        // An intention reported in the past still points ahead.
        assert_eq!(
            at(
                "Protesters planned a demonstration on Saturday and were planning a drive.",
                "Saturday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("He was expected to arrive on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(at("He was in Paris on Monday.", "Monday"), Tense::Past);
        // A plan that "had been" made is over.
        assert_eq!(
            at("It had been due to expire Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            at("It had been scheduled for Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            at("It has been scheduled for Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            at("In January, the firm brought in a chief.", "January"),
            Tense::Past
        );
        assert_eq!(
            at("They searched since the Oct. 23 attack.", "Oct"),
            Tense::Past
        );
        assert_eq!(
            at("They have until Tuesday to sign.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(
            at("Until Thursday, they had not called him.", "Thursday"),
            Tense::Past
        );
        // "-ed" adjectives ("unspecified") are no past cues.
        assert_eq!(
            at(
                "It would be paid on a still unspecified date in January.",
                "January"
            ),
            Tense::Future
        );
        assert_eq!(
            at(
                "He will go home. The talks ended on Sept. 26 and then Friday.",
                "Friday"
            ),
            Tense::Past
        );
    }
}
