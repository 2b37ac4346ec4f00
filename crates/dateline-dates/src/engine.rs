//! The scanner: an Aho-Corasick prefilter over trigger words and digits finds candidate
//! positions; each candidate opens a small window of text that is lexed and matched by
//! [`Cx`]. Most text never reaches the lexer.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::{Datelike, NaiveDate};
use dateline_text::Span;

use crate::grammar::{Cx, Hit};
use crate::lex::{is_trigger_word, lex, Tok};
use crate::resolve::range_of;
use crate::{Options, Timex, TimexKind};

/// Word prefixes (ASCII case-insensitive) of the trigger words: every expression contains a
/// trigger word ([`is_trigger_word`], checked after the automaton matches) or a date-like
/// number ([`number_triggers`]).
#[rustfmt::skip]
const TRIGGERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "minute", "min", "hour", "hr", "day", "week", "fortnight", "month", "quarter", "year", "yr",
    "decade", "centur", "millenni", "today", "tonight", "yesterday", "tomorrow", "now", "current",
    "recent", "lately", "soon", "future", "past", "spring", "summer", "autumn", "fall", "winter",
    "morning", "afternoon", "evening", "night", "overnight", "noon", "midday", "midnight",
    "christmas", "easter", "thanksgiving", "halloween", "valentine", "annual", "daily", "weekly",
    "monthly", "quarterly", "hourly", "biweekly", "fortnightly", "q", "nineteen", "eighteen", "term",
    "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
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
/// A run of merged windows is cut after this many bytes, so memory stays bounded on text
/// that is dense with triggers.
const MAX_WINDOW: usize = 1 << 16;
/// Windows closer than this are merged.
const MERGE_GAP: usize = 4;
/// How far past `AHEAD` a window's end may move to reach whitespace.
const REACH: usize = 64;

/// Finds expressions inside `regions` of `text`.
pub(crate) fn scan(text: &str, regions: &[Span], options: &Options) -> Vec<Timex> {
    let mut regions: Vec<(usize, usize)> = regions
        .iter()
        .filter_map(|r| {
            // Clip inwards: a region that starts inside a character starts after it.
            let s = ceil_boundary(text, r.start.min(text.len()));
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
    for &(s, e) in &merged {
        scan_region(text, s, e, options, &mut st);
    }
    if options.join_ranges {
        crate::ranges::join(text, &merged, &mut st.out);
    }
    st.out
}

/// What the scan remembers between windows (mention anchors, narrative detection).
#[derive(Default)]
struct State {
    out: Vec<Timex>,
    toks: Vec<Tok>,
    triggers: Vec<(usize, usize)>,
    last_day: Option<NaiveDate>,
    /// Byte offset where the last single-day date ended.
    last_day_end: usize,
    last_date: Option<NaiveDate>,
    /// The month of the last date mentioned within one month (year, month, end offset).
    last_month: Option<(i32, u32, usize)>,
    last_year: Option<(i32, u32)>,
    /// An explicit date with a month has been seen.
    full_date_seen: bool,
    /// The last quarter named (year, quarter).
    last_quarter: Option<(i32, u32)>,
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
    let mut triggers = std::mem::take(&mut st.triggers);
    triggers.clear();
    word_triggers(ac, bytes, rs, re, &mut triggers);
    number_triggers(bytes, rs, re, &mut triggers);
    triggers.sort_unstable();
    let mut win: Option<(usize, usize)> = None;
    for &(p, we) in &triggers {
        let ws = back_to_space(bytes, p.saturating_sub(BACK).max(rs), p);
        // Bounded: in text without spaces ("Jan.Feb.Mar.…") an unbounded search for the next
        // space made every trigger scan to the end of the region (quadratic).
        let we = forward_to_space(bytes, (we + AHEAD).min(re), (we + AHEAD + REACH).min(re));
        let (ws, we) = (ceil_boundary(text, ws), ceil_boundary(text, we));
        win = match win {
            Some((s, e)) if ws <= e + MERGE_GAP && e - s < MAX_WINDOW => Some((s, e.max(we))),
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
    st.triggers = triggers;
}

/// Trigger words found by the automaton, checked to be whole trigger words.
fn word_triggers(
    ac: &AhoCorasick,
    bytes: &[u8],
    rs: usize,
    re: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let mut last_trigger_end = rs;
    for m in ac.find_iter(&bytes[rs..re]) {
        let p = rs + m.start();
        // Triggers start a word (or are a month glued to one: "ReutersJan 26").
        if p < last_trigger_end
            || (p > rs
                && bytes[p - 1].is_ascii_alphanumeric()
                && !(bytes[p].is_ascii_uppercase()
                    && bytes[p - 1].is_ascii_lowercase()
                    && crate::lex::glued_month_at(bytes, p, re).is_some()))
        {
            continue;
        }
        let mut we = rs + m.end();
        while we < re && bytes[we].is_ascii_alphabetic() {
            we += 1;
        }
        last_trigger_end = we;
        // Only real trigger words ("market" starts with "mar", "minister" with "min").
        let word = &bytes[p..we];
        if !word_is_trigger(word) {
            continue;
        }
        // The modal "may" and the verb "march" are lower-case; the months are not.
        if bytes[p].is_ascii_lowercase()
            && (word.eq_ignore_ascii_case(b"may") || word.eq_ignore_ascii_case(b"march"))
        {
            continue;
        }
        out.push((p, we));
    }
}

/// Numbers that can be (part of) a date or time: 4-digit years, "5:30", "11/15/22",
/// "15.11.2022", "5 p.m.", "'90s", "241 BC". Counts ("85 missile strikes") are skipped;
/// a count with a unit ("25 minutes") is found through its unit word.
fn number_triggers(bytes: &[u8], rs: usize, re: usize, out: &mut Vec<(usize, usize)>) {
    let mut i = rs;
    while i < re {
        let Some(off) = bytes[i..re].iter().position(u8::is_ascii_digit) else {
            break;
        };
        let p = i + off;
        let mut e = p;
        while e < re && bytes[e].is_ascii_digit() {
            e += 1;
        }
        i = e;
        if p > rs && bytes[p - 1].is_ascii_alphabetic() {
            continue;
        }
        let len = e - p;
        let at = |k: usize| if e + k < re { bytes[e + k] } else { 0 };
        let keep = match len {
            4 => true,
            1 | 2 => {
                let sep_digit =
                    matches!(at(0), b':' | b'/' | b'.' | b'-') && at(1).is_ascii_digit();
                let decade = at(0) == b's' && !at(1).is_ascii_alphanumeric();
                let sp = usize::from(at(0) == b' ');
                let c0 = at(sp).to_ascii_lowercase();
                let c1 = at(sp + 1).to_ascii_lowercase();
                let ampm = matches!(c0, b'a' | b'p')
                    && (c1 == b'm' || (c1 == b'.' && at(sp + 2).eq_ignore_ascii_case(&b'm')));
                let oclock = c0 == b'o' && matches!(c1, b'\'' | 0xE2);
                let ordinal = matches!(
                    (c0, c1),
                    (b's', b't') | (b'n', b'd') | (b'r', b'd') | (b't', b'h')
                ) && sp == 0;
                // "since '82"
                let apos_year = len == 2
                    && p > rs
                    && (bytes[p - 1] == b'\''
                        || (p >= rs + 3 && bytes[p - 3..p] == [0xE2, 0x80, 0x99]));
                sep_digit
                    || decade
                    || ampm
                    || oclock
                    || ordinal
                    || apos_year
                    || bc_after(bytes, e, re)
            }
            3 => bc_after(bytes, e, re),
            _ => false,
        };
        if keep {
            out.push((p, e));
        }
    }
}

/// " BC", " B.C.", " BCE" after a number.
fn bc_after(bytes: &[u8], e: usize, re: usize) -> bool {
    let rest = &bytes[e..re.min(e + 5)];
    rest.starts_with(b" BC") || rest.starts_with(b" B.C")
}

fn word_is_trigger(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    if w.len() > buf.len() {
        return false;
    }
    for (k, c) in w.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    is_trigger_word(&buf[..w.len()])
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
    let context = |st: &State| Cx {
        text,
        t: &toks,
        anchor: options.anchor,
        order: options.date_order,
        last_day: st.last_day,
        last_day_end: st.last_day_end,
        last_date: st.last_date,
        last_month: st.last_month,
        last_year: st.last_year,
        last_quarter: st.last_quarter,
        narrative: st.years_far >= 2 && st.years_far > st.years_near,
    };
    // The context changes only when an expression is pushed.
    let mut cx = context(st);
    let mut i = 0;
    while i < toks.len() {
        match cx.at(i) {
            Some(h) => {
                let next = h.b.max(i + 1);
                push(text, &toks, h, options.anchor, st);
                cx = context(st);
                i = next;
            }
            None => i += 1,
        }
    }
    st.toks = toks;
}

fn push(text: &str, toks: &[Tok], h: Hit, anchor: Option<NaiveDate>, st: &mut State) {
    if h.is_rejected() {
        return;
    }
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
    if h.names_quarter {
        let v = h.value.as_bytes();
        if v.len() == 7 && v[4] == b'-' && v[5] == b'Q' {
            if let (Ok(y), Some(q)) = (h.value[..4].parse::<i32>(), (v[6] as char).to_digit(10)) {
                // The first quarter named is the one the text reports on; later ones are
                // comparisons ("compared with a flat second quarter") or outlooks.
                // Quarters far from the anchor are history, not the reported period.
                let near = anchor.map_or(true, |a| (a.year() - y).abs() <= 1);
                if st.last_quarter.is_none() && near {
                    st.last_quarter = Some((y, q));
                }
            }
        }
    }
    // Expressions resolved against the anchor are evidence that the text is news about its
    // own time, not a historical narrative.
    if h.deictic {
        st.years_near += 1;
    }
    if let Some((a, b)) = range {
        if a == b && h.modifier.is_none() {
            st.last_day = Some(a);
            st.last_day_end = span.end;
        }
        if h.kind == TimexKind::Date {
            st.last_date = Some(a);
        }
        if (h.kind == TimexKind::Date || h.kind == TimexKind::Time)
            && a.year() == b.year()
            && a.month() == b.month()
        {
            st.last_month = Some((a.year(), a.month(), span.end));
        }
        // An explicit year: remember it for year-less dates in narratives.
        let explicit = h.anchor == crate::AnchorUse::None
            && h.value.len() >= 4
            && h.value.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        // A bare year inside a sentence ("a campaign planned for 1976") is a side reference
        // once the text has dated its events to the month: year-less dates that follow
        // ("on 11 March") keep the year of the story told so far. A bare year opening a
        // sentence ("In 1944, ...") moves the story on.
        let side_year =
            h.value.len() == 4 && st.full_date_seen && !opens_sentence(text, span.start);
        if explicit && h.value.len() >= 7 {
            st.full_date_seen = true;
        }
        if explicit && !side_year {
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
    // "480 BC": an explicit year of a historical narrative (astronomical year -479).
    if range.is_none() && h.anchor == crate::AnchorUse::None {
        if let Some(y) = bc_year_of(&h.value) {
            let side_year = st.full_date_seen && !opens_sentence(text, span.start);
            if !side_year {
                st.last_year = Some((y, 0));
            }
            if anchor.is_some() {
                st.years_far += 1;
            }
        }
    }
    let (value, range) = representable(h.value, range);
    st.out.push(Timex {
        span,
        text: mention.to_string(),
        kind: h.kind,
        value,
        modifier: h.modifier,
        anchor: h.anchor,
        range,
    });
}

/// The astronomical year of a bare BC year value ("BC0480" -> -479); `None` otherwise.
fn bc_year_of(value: &str) -> Option<i32> {
    let digits = value.strip_prefix("BC")?;
    if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    (n > 0).then_some(1 - n)
}

/// True when the expression at byte `start` is among the first words of its sentence
/// ("In 1944, ...", "By 1944 the ..."): at most two short words before it.
fn opens_sentence(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let lo = start.saturating_sub(12);
    let mut i = start;
    while i > lo {
        let c = b[i - 1];
        if c == b'.' || c == b'\n' || c == b'!' || c == b'?' {
            return true;
        }
        if !(c.is_ascii_alphabetic() || c == b' ' || c == b'"') {
            return false;
        }
        i -= 1;
    }
    i == 0
}

/// Keeps a value inside what TIMEX3 can write: years have four digits ("0033", "BC0480").
/// Arithmetic on an anchor can leave that range ("5000 years ago" from 2023 is year -2977,
/// "tomorrow" from 9999-12-31 is 10000): a year before 1 is written in TIMEX3's BC form
/// (astronomical year -2977 is 2978 BC, "BC2978"), a year past 9999 becomes `FUTURE_REF`.
/// Calendar ranges are kept only within years 1..=9999 (where `datetime.date` and most tools
/// stop).
fn representable(
    value: String,
    range: Option<(NaiveDate, NaiveDate)>,
) -> (String, Option<(NaiveDate, NaiveDate)>) {
    let in_calendar = |d: &NaiveDate| (1..=9999).contains(&d.year());
    let range = range.filter(|(a, b)| in_calendar(a) && in_calendar(b));
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    if let Some(rest) = value.strip_prefix('-') {
        let n = digits(rest);
        if n > 0 {
            let year: i64 = rest[..n].parse().unwrap_or(i64::MAX);
            // TIMEX3 writes BC years with four digits; further back is only "the past".
            return match year.checked_add(1).filter(|y| *y <= 9999) {
                Some(bc) => (format!("BC{bc:04}{}", &rest[n..]), range),
                None => ("PAST_REF".to_string(), range),
            };
        }
    }
    // Astronomical year 0 is 1 BC ("last year" from an anchor in year 1).
    if let Some(rest) = value.strip_prefix("0000") {
        if rest.is_empty() || rest.starts_with(['-', 'T']) {
            return (format!("BC0001{rest}"), range);
        }
    }
    if digits(&value) > 4 {
        return ("FUTURE_REF".to_string(), range);
    }
    (value, range)
}
