//! The scanner: an Aho-Corasick prefilter over trigger words and digits finds candidate
//! positions; each candidate opens a small window of text that is lexed and matched by
//! [`Cx`]. Most text never reaches the lexer.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::{Datelike, NaiveDate};
use dateline_text::Span;

use crate::grammar::{Cx, Hit};
use crate::lex::{lex, Tok};
use crate::resolve::range_of;
use crate::{Options, Timex, TimexKind};

/// Words (prefixes, ASCII case-insensitive) that can be part of a temporal expression's core.
/// A match must start a word; every expression contains at least one of these or a digit.
const TRIGGERS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon.",
    "tue",
    "wed.",
    "thu",
    "fri.",
    "sat.",
    "sun.",
    "second",
    "minute",
    "min",
    "hour",
    "hr",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "yr",
    "decade",
    "centur",
    "millenni",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "now",
    "current",
    "recent",
    "lately",
    "soon",
    "future",
    "past",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
    "noon",
    "midday",
    "midnight",
    "christmas",
    "easter",
    "thanksgiving",
    "halloween",
    "valentine",
    "new year",
    "annual",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "hourly",
    "biweekly",
    "fortnightly",
    "q1",
    "q2",
    "q3",
    "q4",
    "half",
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "'",
    "’",
    "first",
    "third",
    "fourth",
    "these",
];

static PREFILTER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::DFA))
        .build(TRIGGERS)
        .ok()
});

/// Bytes of context kept before a trigger (modifiers, determiners, counts).
const BACK: usize = 40;
/// Bytes of context kept after a trigger.
const AHEAD: usize = 48;
/// Windows closer than this are merged.
const MERGE_GAP: usize = 4;

/// Finds expressions inside `regions` of `text`.
pub(crate) fn scan(text: &str, regions: &[Span], options: &Options) -> Vec<Timex> {
    let mut regions: Vec<(usize, usize)> = regions
        .iter()
        .filter_map(|r| {
            let s = floor_boundary(text, r.start.min(text.len()));
            let e = floor_boundary(text, r.end.min(text.len()));
            (e > s).then_some((s, e))
        })
        .collect();
    regions.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
    for (s, e) in regions {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut st = State {
        out: Vec::new(),
        toks: Vec::new(),
        ..State::default()
    };
    for (s, e) in merged {
        scan_region(text, s, e, options, &mut st);
    }
    st.out
}

/// What the scan remembers between windows (mention anchors, narrative detection).
#[derive(Default)]
struct State {
    out: Vec<Timex>,
    toks: Vec<Tok>,
    last_day: Option<NaiveDate>,
    last_date: Option<NaiveDate>,
    last_year: Option<(i32, u32)>,
    /// Explicit years within two years of the anchor / further away.
    years_near: u32,
    years_far: u32,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn scan_region(text: &str, rs: usize, re: usize, options: &Options, st: &mut State) {
    let Some(ac) = PREFILTER.as_ref() else { return };
    let bytes = text.as_bytes();
    let hay = &bytes[rs..re];
    let mut win: Option<(usize, usize)> = None;
    let mut last_trigger_end = rs;
    for m in ac.find_iter(hay) {
        let p = rs + m.start();
        // Triggers must start a word (digits: a number); skip matches inside longer numbers.
        if p > rs && bytes[p - 1].is_ascii_alphanumeric() {
            continue;
        }
        if p < last_trigger_end {
            continue;
        }
        // Skip the rest of the word or number so each word triggers once.
        let mut we = rs + m.end();
        while we < re && bytes[we].is_ascii_alphanumeric() {
            we += 1;
        }
        last_trigger_end = we;
        let ws = back_to_space(bytes, p.saturating_sub(BACK).max(rs), p);
        let we = forward_to_space(bytes, (we + AHEAD).min(re), re);
        let (ws, we) = (ceil_boundary(text, ws), ceil_boundary(text, we));
        win = match win {
            Some((s, e)) if ws <= e + MERGE_GAP => Some((s, e.max(we))),
            Some((s, e)) => {
                run_window(text, s, e, options, st);
                Some((ws.max(e), we.max(e)))
            }
            None => Some((ws, we)),
        };
    }
    if let Some((s, e)) = win {
        run_window(text, s, e, options, st);
    }
}

/// Moves `i` forward to just after a whitespace byte (never past `limit`).
fn back_to_space(b: &[u8], mut i: usize, limit: usize) -> usize {
    if i == 0 || b[i - 1].is_ascii_whitespace() {
        return i;
    }
    while i < limit && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Moves `i` forward to the next whitespace byte (never past `limit`).
fn forward_to_space(b: &[u8], mut i: usize, limit: usize) -> usize {
    while i < limit && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn run_window(text: &str, s: usize, e: usize, options: &Options, st: &mut State) {
    if e <= s {
        return;
    }
    let mut toks = std::mem::take(&mut st.toks);
    lex(text, s, e, &mut toks);
    let mut i = 0;
    while i < toks.len() {
        let cx = Cx {
            text,
            t: &toks,
            anchor: options.anchor,
            order: options.date_order,
            last_day: st.last_day,
            last_date: st.last_date,
            last_year: st.last_year,
            narrative: st.years_far >= 2 && st.years_far > st.years_near,
        };
        match cx.at(i) {
            Some(h) => {
                let next = h.b.max(i + 1);
                push(text, &toks, h, options.anchor, st);
                i = next;
            }
            None => i += 1,
        }
    }
    st.toks = toks;
}

fn push(text: &str, toks: &[Tok], h: Hit, anchor: Option<NaiveDate>, st: &mut State) {
    let (Some(first), Some(last)) = (toks.get(h.a), toks.get(h.b.saturating_sub(1))) else {
        return;
    };
    let span = Span::new(first.s, last.e);
    let Some(mention) = span.slice(text) else {
        return;
    };
    let range = match h.kind {
        TimexKind::Date | TimexKind::Time => h.range.or_else(|| range_of(&h.value)),
        TimexKind::Duration | TimexKind::Set => None,
    };
    // Expressions resolved against the anchor are evidence that the text is news about its
    // own time, not a historical narrative.
    if h.deictic {
        st.years_near += 1;
    }
    if let Some((a, b)) = range {
        if a == b && h.modifier.is_none() {
            st.last_day = Some(a);
        }
        if h.kind == TimexKind::Date {
            st.last_date = Some(a);
        }
        // An explicit year: remember it for year-less dates in narratives.
        let explicit = h.anchor == crate::AnchorUse::None
            && h.value.len() >= 4
            && h.value.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        if explicit {
            st.last_year = Some((a.year(), if h.value.len() >= 7 { a.month() } else { 0 }));
            if let Some(anc) = anchor {
                if (a.year() - anc.year()).abs() <= 2 {
                    st.years_near += 1;
                } else {
                    st.years_far += 1;
                }
            }
        }
    }
    st.out.push(Timex {
        span,
        text: mention.to_string(),
        kind: h.kind,
        value: h.value,
        modifier: h.modifier,
        anchor: h.anchor,
        range,
    });
}
