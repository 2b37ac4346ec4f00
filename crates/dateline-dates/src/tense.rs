//! Cheap tense detection around a position, for resolving bare weekdays and months.

/// Direction a bare weekday or month points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

const MAX_REACH: usize = 240;

/// Extra distance given to a reporting verb that is not right before the expression.
const REPORTING_PENALTY: usize = 40;

fn is_reporting(w: &[u8]) -> bool {
    ["said", "says", "told", "announced", "predicted", "reported"]
        .iter()
        .any(|r| w.eq_ignore_ascii_case(r.as_bytes()))
}

fn is_sentence_end(b: &[u8], i: usize) -> bool {
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

/// Tense of the clause around byte `pos..end`: the nearest tense cue in the same sentence
/// wins; `None` when the sentence has no cue (callers default to the past, as news does).
pub(crate) fn tense_at(text: &str, pos: usize, end: usize) -> Option<Tense> {
    let b = text.as_bytes();
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
    let mut best: Option<(usize, Tense)> = None;
    let mut i = lo;
    while i < hi {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let s = i;
        while i < hi && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if s >= pos && s < end {
            continue;
        }
        let w = &b[s..i];
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
                }
            }
            continue;
        }
        let prev_apos = s > 0 && (b[s - 1] == b'\'' || (s >= 3 && &b[s - 3..s] == "’".as_bytes()));
        let Some(t) = cue(w, prev_apos) else { continue };
        let dist = if s < pos { pos - i } else { s - end };
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
        }
    }
    best.map(|(_, t)| t)
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
        | b"soon" | b"going" | b"next" | b"tomorrow" | b"hopes" | b"seeks" => Some(Tense::Future),
        b"said" | b"was" | b"were" | b"had" | b"did" | b"ago" | b"last" | b"yesterday"
        | b"told" | b"met" | b"came" | b"went" | b"took" | b"made" | b"left" | b"held"
        | b"began" | b"saw" | b"won" | b"lost" | b"gave" | b"got" | b"found" | b"fell"
        | b"rose" | b"spoke" | b"wrote" | b"sent" | b"led" | b"became" | b"earlier" => {
            Some(Tense::Past)
        }
        _ if w.len() > 4
            && w.ends_with(b"ed")
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
        assert_eq!(
            at(
                "He will go home. The talks ended on Sept. 26 and then Friday.",
                "Friday"
            ),
            Tense::Past
        );
    }
}
