//! [`Options::join_ranges`](crate::Options::join_ranges): the two ends of a span written as
//! "from X to Y", "between X and Y", "X-Y" or "X to Y" become one expression whose range
//! covers both ("from 1898 to 1902", "January-June 2017", "the April-June quarter").

use chrono::{Datelike, NaiveDate};

use crate::resolve::{month_end, range_of};
use crate::{AnchorUse, Timex, TimexKind};

/// Verbs that move a date rather than span it ("postponed from March to May").
const MOVES: &[&str] = &[
    "postpone",
    "delay",
    "move",
    "moving",
    "push",
    "reschedul",
    "shift",
    "brought",
    "bring",
    "advance",
    "switch",
    "chang",
];

/// Joins adjacent span ends in `out` (text order, non-overlapping) in place; a joined
/// expression stays inside the region (of `regions`, sorted and disjoint) that holds its ends.
pub(crate) fn join(text: &str, regions: &[(usize, usize)], out: &mut Vec<Timex>) {
    if out.len() < 2 {
        return;
    }
    let mut joined: Vec<Timex> = Vec::with_capacity(out.len());
    let mut rest = std::mem::take(out).into_iter().peekable();
    while let Some(a) = rest.next() {
        if let Some(b) = rest.peek() {
            let k = regions.partition_point(|r| r.1 <= a.span.start);
            let region = regions.get(k).copied().unwrap_or((0, 0));
            let inside = |t: &Timex| t.span.start >= region.0 && t.span.end <= region.1;
            if let Some(t) = join_pair(text, &a, b).filter(|t| inside(t)) {
                joined.push(t);
                rest.next();
                continue;
            }
        }
        joined.push(a);
    }
    *out = joined;
}

/// The granularity of a date value: 0 year, 1 month, 2 day; `None` for anything else.
fn grain(value: &str) -> Option<u8> {
    let b = value.as_bytes();
    let digits_or_x = |s: &[u8]| s.iter().all(|c| c.is_ascii_digit() || *c == b'X');
    match b.len() {
        4 if b.iter().all(u8::is_ascii_digit) => Some(0),
        7 if digits_or_x(&b[..4]) && b[4] == b'-' && b[5..].iter().all(u8::is_ascii_digit) => {
            Some(1)
        }
        10 if digits_or_x(&b[..4])
            && b[4] == b'-'
            && b[7] == b'-'
            && b[5..7].iter().chain(&b[8..]).all(u8::is_ascii_digit) =>
        {
            Some(2)
        }
        _ => None,
    }
}

/// The connector between two ends: `Some(true)` for "and" (needs "between" before the
/// first end), `Some(false)` for a dash, "to", "through", "until", "till".
fn connector(gap: &str) -> Option<bool> {
    let g = gap.trim();
    match g {
        "-" | "–" | "—" => Some(false),
        _ => match g.to_ascii_lowercase().as_str() {
            "to" | "through" | "thru" | "until" | "till" => Some(false),
            "and" => Some(true),
            _ => None,
        },
    }
}

/// The word before byte `at` (lower-cased ASCII), with its start.
fn word_before(text: &str, at: usize) -> Option<(usize, String)> {
    let b = text.as_bytes();
    let mut e = at;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() && e - s < 16 {
        s -= 1;
    }
    (e > s).then(|| (s, text[s..e].to_ascii_lowercase()))
}

fn join_pair(text: &str, a: &Timex, b: &Timex) -> Option<Timex> {
    if a.kind != TimexKind::Date || b.kind != TimexKind::Date || a.modifier.is_some() {
        return None;
    }
    if b.modifier.is_some() {
        return None;
    }
    let gap = text.get(a.span.end..b.span.start)?;
    if gap.len() > 9 || gap.contains(['\n', '\r']) {
        return None;
    }
    let needs_between = connector(gap)?;
    let (ga, gb) = (grain(&a.value)?, grain(&b.value)?);
    let before = word_before(text, a.span.start);
    let lead = before
        .as_ref()
        .filter(|(_, w)| w == "from" || w == "between");
    if needs_between && !lead.is_some_and(|(_, w)| w == "between") {
        return None;
    }
    // "postponed from March to May" moves a date.
    let look = text
        .get(a.span.start.saturating_sub(48)..a.span.start)
        .unwrap_or("");
    let look = look.to_ascii_lowercase();
    if lead.is_some_and(|(_, w)| w == "from") && MOVES.iter().any(|m| look.contains(m)) {
        return None;
    }
    // The first end takes the second's year when it has none of its own ("January-June
    // 2017") or only a guessed one ("April-June" resolved month by month).
    let a_value = if ga == 1 && gb >= 1 && (a.value.starts_with('X') || a.anchor != AnchorUse::None)
    {
        match b.range {
            Some((b0, _)) => {
                let m: u32 = a.value[5..7].parse().ok()?;
                let y = if m <= b0.month() {
                    b0.year()
                } else {
                    b0.year() - 1
                };
                format!("{y:04}-{m:02}")
            }
            None => a.value.clone(),
        }
    } else {
        a.value.clone()
    };
    if ga != gb && (ga == 2 || gb == 2) && a_value.starts_with('X') {
        return None;
    }
    let a_range = range_of(&a_value);
    let range = match (a_range, b.range) {
        (Some((a0, _)), Some((_, b1))) if a0 <= b1 => Some((a0, b1)),
        (Some(_), Some(_)) => return None,
        (None, None) if a_value.starts_with('X') && b.value.starts_with('X') && ga == gb => None,
        _ => return None,
    };
    let mut start = lead.map_or(a.span.start, |(s, _)| *s);
    let mut end = b.span.end;
    let mut value = a_value;
    if let Some((r0, r1)) = range {
        if let Some(v) = period_value(r0, r1) {
            value = v;
        }
        // "the April-June quarter": the article and the noun belong to it.
        if value.contains('Q') || value.contains('H') {
            let after = text.get(end..).unwrap_or("");
            let noun = ["quarter", "period", "half"]
                .iter()
                .find(|n| {
                    let t = after.trim_start_matches(' ');
                    t.get(..n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n))
                        && !t
                            .get(n.len()..)
                            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()))
                })
                .map(|n| after.len() - after.trim_start_matches(' ').len() + n.len());
            if let (Some(n), Some((s, w))) = (noun, word_before(text, a.span.start)) {
                if w == "the" && lead.is_none() {
                    start = s;
                    end += n;
                }
            }
        }
    }
    let anchor = if a.anchor == AnchorUse::Published || b.anchor == AnchorUse::Published {
        AnchorUse::Published
    } else if a.anchor == AnchorUse::Mention || b.anchor == AnchorUse::Mention {
        AnchorUse::Mention
    } else {
        AnchorUse::None
    };
    let span = dateline_text::Span::new(start, end);
    Some(Timex {
        span,
        text: span.slice(text)?.to_string(),
        kind: TimexKind::Date,
        value,
        modifier: None,
        anchor,
        range,
    })
}

/// The TIMEX3 value of a span that is exactly one calendar quarter or half ("2017-Q2",
/// "2017-H1").
fn period_value(a: NaiveDate, b: NaiveDate) -> Option<String> {
    if a.year() != b.year() || a.day() != 1 || Some(b) != month_end(b.year(), b.month()) {
        return None;
    }
    let (m0, m1) = (a.month(), b.month());
    let y = a.year();
    if m1 == m0 + 2 && (m0 - 1) % 3 == 0 {
        return Some(format!("{y:04}-Q{}", (m0 - 1) / 3 + 1));
    }
    if m1 == m0 + 5 && (m0 == 1 || m0 == 7) {
        return Some(format!("{y:04}-H{}", if m0 == 1 { 1 } else { 2 }));
    }
    None
}
