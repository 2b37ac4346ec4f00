//! Pattern matching over the tokens of a candidate window.
//!
//! [`Cx::at`] tries every expression form starting at a token and returns the longest
//! match as a [`Hit`]: token extent, kind, TIMEX3 value and modifier. Values are resolved
//! here against the anchor (or a date mentioned earlier) when one is available.

use chrono::{Datelike, NaiveDate};

use crate::lex::Tok;
use crate::lexicon::{
    day_ordinal_word, long_adjective, month, month_is_abbrev, number_word, ordinal_word,
    part_of_day, season, unit, us_zone, weekday, weekday_abbrev, zone, Unit,
};
use crate::resolve::{
    add_days, add_months, day_value, easter, nth_weekday, us_daylight_time, week_value,
    weekday_back, weekday_forward, ymd,
};
use crate::tense::{is_sentence_end, sentence_has, tense_at, Tense};
use crate::{AnchorUse, DateOrder, Modifier, TimexKind};

/// One match: tokens `a..b` of the window.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) kind: TimexKind,
    pub(crate) value: String,
    pub(crate) modifier: Option<Modifier>,
    pub(crate) anchor: AnchorUse,
    /// A range that the value alone does not express ("Nov. 15-16").
    pub(crate) range: Option<(NaiveDate, NaiveDate)>,
    /// Resolved by deixis (weekday, "yesterday", "last week", "ago"): evidence that the
    /// text reports on its own time.
    pub(crate) deictic: bool,
    /// The hit names a quarter ("the third quarter", "Q3 2023"): later anaphora ("the
    /// quarter", "the year-ago quarter") refer to it.
    pub(crate) names_quarter: bool,
}

impl Hit {
    fn new(a: usize, b: usize, kind: TimexKind, value: String) -> Self {
        Hit {
            a,
            b,
            kind,
            value,
            modifier: None,
            anchor: AnchorUse::None,
            range: None,
            deictic: false,
            names_quarter: false,
        }
    }
    /// A date-shaped span that is not a valid date ("13/13/2023"): consumed, never emitted.
    fn rejected(a: usize, b: usize) -> Self {
        Hit::new(a, b, TimexKind::Date, String::new())
    }
    /// True for [`Hit::rejected`].
    pub(crate) fn is_rejected(&self) -> bool {
        self.value.is_empty()
    }
    fn date(a: usize, b: usize, value: String) -> Self {
        Hit::new(a, b, TimexKind::Date, value)
    }
    fn m(mut self, m: Modifier) -> Self {
        self.modifier = Some(m);
        self
    }
    fn anch(mut self, used: bool) -> Self {
        if used {
            self.anchor = AnchorUse::Published;
        }
        self
    }
    fn with_value(mut self, value: String) -> Self {
        self.value = value;
        self
    }
    fn deixis(mut self) -> Self {
        self.deictic = self.anchor == AnchorUse::Published;
        self
    }
}

/// A calendar date with possibly unknown year or day.
#[derive(Debug, Clone, Copy)]
struct Ymd {
    y: Option<i32>,
    m: u32,
    d: Option<u32>,
}

/// Matching context for one window.
pub(crate) struct Cx<'a> {
    pub(crate) text: &'a str,
    pub(crate) t: &'a [Tok],
    pub(crate) anchor: Option<NaiveDate>,
    pub(crate) order: DateOrder,
    /// The last single-day date mentioned before the current position.
    pub(crate) last_day: Option<NaiveDate>,
    /// Byte offset where `last_day`'s mention ended.
    pub(crate) last_day_end: usize,
    /// Start of the last resolved calendar date (any granularity) mentioned before.
    pub(crate) last_date: Option<NaiveDate>,
    /// The month of the last date mentioned that lies within one month: (year, month, byte
    /// offset where its mention ended).
    pub(crate) last_month: Option<(i32, u32, usize)>,
    /// Year of the last explicit (absolute) date with a year.
    pub(crate) last_year: Option<(i32, u32)>,
    /// The last quarter named in the text (year, quarter).
    pub(crate) last_quarter: Option<(i32, u32)>,
    /// The text so far reads as a historical narrative (explicit years far from the anchor
    /// dominate): year-less dates take the year of the last explicit date.
    pub(crate) narrative: bool,
}

/// Bytes after the mention of a day within which a bare clock time is on that day.
const RECENT_DAY_REACH: usize = 600;

const BEFORE_MONTH: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "during",
    "from",
    "through",
    "of",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "to",
    "and",
    "or",
    "between",
    "throughout",
    "on",
    "into",
    "for",
    "end",
    "beginning",
    "start",
    "middle",
    "since",
    "that",
];

impl Cx<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }
    fn w(&self, i: usize, s: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is(s))
    }
    fn wi(&self, i: usize, set: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| set.iter().any(|s| t.is(s)))
    }
    fn p(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.p(c))
    }
    /// Punctuation `c` glued to the previous token.
    fn gp(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.p(c) && t.glued())
    }
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(Tok::glued)
    }
    /// A word written "Week" (capital, then lower case): in running text a title, not a unit.
    fn title_case(&self, t: &Tok) -> bool {
        t.cap
            && t.is_word()
            && self
                .text
                .as_bytes()
                .get(t.s + 1)
                .is_some_and(u8::is_ascii_lowercase)
    }
    fn prev_word(&self, i: usize) -> Option<&Tok> {
        if i == 0 {
            None
        } else {
            self.t.get(i - 1)
        }
    }

    /// Tries every form at token `i`; the longest match wins (ties: the first form).
    pub(crate) fn at(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // Cheap rejection: the first token must be able to start an expression.
        if !t.starter {
            return None;
        }
        if let Some(early) = self.lead_word(i, t) {
            return early;
        }
        let mut best: Option<Hit> = None;
        let mut consider = |h: Option<Hit>| {
            if let Some(h) = h {
                if h.b > h.a && best.as_ref().map_or(true, |b| h.b > b.b) {
                    best = Some(h);
                }
            }
        };
        consider(self.modified(i));
        consider(self.core(i));
        best
    }

    /// Decisions on the first word alone: `Some(None)` means no expression starts here,
    /// `Some(Some(hit))` a finished hit, `None` go on with the forms.
    fn lead_word(&self, i: usize, t: &Tok) -> Option<Option<Hit>> {
        match t.lowb() {
            // "a year-earlier loss": the article belongs to the noun, the adjective is the
            // expression (not "a year", a duration).
            b"a" | b"an" if self.year_ago(i + 1).is_some() => Some(None),
            // "a second term", "a second consecutive day": the ordinal, not the unit ("a
            // second later", "a second or two" keep it).
            b"a" if self.w(i + 1, "second")
                && self.tok(i + 2).is_some_and(|n| {
                    n.is_word()
                        && !matches!(
                            n.lowb(),
                            b"later"
                                | b"earlier"
                                | b"ago"
                                | b"or"
                                | b"and"
                                | b"before"
                                | b"after"
                                | b"longer"
                                | b"too"
                                | b"to"
                                | b"of"
                                | b"in"
                                | b"for"
                        )
                }) =>
            {
                Some(None)
            }
            // "Islam will one day be ...", "it may some day return": an unspecified future
            // time (TimeML: FUTURE_REF), not the duration "one day".
            b"one" | b"some"
                if self.w(i + 1, "day")
                    && self.prev_word(i).is_some_and(|p| {
                        matches!(
                            p.lowb(),
                            b"will"
                                | b"would"
                                | b"could"
                                | b"may"
                                | b"might"
                                | b"can"
                                | b"shall"
                                | b"should"
                                | b"ll"
                        )
                    }) =>
            {
                Some(Some(Hit::date(i, i + 2, "FUTURE_REF".to_string())))
            }
            _ => None,
        }
    }

    /// The unmodified forms.
    fn core(&self, i: usize) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        let forms: [fn(&Self, usize) -> Option<Hit>; 15] = [
            Self::calendar_date,
            Self::numeric_date,
            Self::year_forms,
            Self::quarter,
            Self::weekday_expr,
            Self::relative_day,
            Self::relative_unit,
            Self::counted,
            Self::time_expr,
            Self::set_expr,
            Self::reference,
            Self::season_expr,
            Self::holiday,
            Self::year_ago,
            Self::prefixed_quarter,
        ];
        // Keeps the longest hit (the earlier form on a tie).
        let mut longest = |forms: &[fn(&Self, usize) -> Option<Hit>]| {
            for f in forms {
                if let Some(h) = f(self, i) {
                    if best.as_ref().map_or(true, |b| h.b > b.b) {
                        best = Some(h);
                    }
                }
            }
        };
        longest(&forms);
        // Forms that start with a number only: ends of ranges and lists.
        if self.tok(i).is_some_and(Tok::is_num) {
            longest(&[
                Self::conjoined_day,
                Self::range_start_day,
                Self::range_end_year,
            ]);
        }
        // Forms that start with a determiner or a position word only (cheap to skip).
        let lead = self.tok(i).is_some_and(|t| {
            matches!(
                t.lowb(),
                b"the" | b"early" | b"late" | b"same" | b"corresponding" | b"comparable"
            )
        });
        if lead {
            longest(&[
                Self::same_period,
                Self::part_of_date,
                Self::vague_span,
                Self::ordinal_day,
            ]);
        }
        best
    }

    // ----- numbers --------------------------------------------------------------------

    /// A number token that stands alone: not part of "1,000", "3.5", "A380", "G-20", "3D".
    fn standalone_num(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.is_num() {
            return false;
        }
        if t.glued() && i > 0 {
            let p = &self.t[i - 1];
            if p.is_word() && !p.is("q") && !p.is("h") && !p.is("fy") {
                return false;
            }
            if (p.p(',') || p.p('.') || p.p('$') || p.p('£') || p.p('€') || p.p('#'))
                && (i < 2 || self.t[i - 2].is_num() || p.p('$') || p.p('£') || p.p('€') || p.p('#'))
            {
                return false;
            }
            // "G-20" is a name; "mid-2023" and "14 August-24 August" are dates.
            if p.p('-')
                && p.glued()
                && i >= 2
                && self.t[i - 2].is_word()
                && !self.t[i - 2].is("mid")
                && !self.t[i - 2].is("post")
                && !self.t[i - 2].is("pre")
                && month(&self.t[i - 2]).is_none()
            {
                return false;
            }
        }
        if let Some(n) = self.tok(i + 1) {
            if n.glued() {
                if n.is_word()
                    && !matches!(
                        n.lowb(),
                        b"st" | b"nd" | b"rd" | b"th" | b"s" | b"am" | b"pm" | b"a" | b"p" | b"t"
                    )
                {
                    return false;
                }
                if (n.p(',') || n.p('.'))
                    && self.tok(i + 2).is_some_and(|x| x.is_num() && x.glued())
                {
                    // "1,000" or "3.5" (but "15.11.2022" is handled by `numeric_date`).
                    return false;
                }
                if n.p('%') {
                    return false;
                }
            }
        }
        true
    }

    /// A plausible year (4 digits, 1000..=2199) standing alone.
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.is_num() && t.ndig() == 4 && (1000..=2199).contains(&t.num) && self.standalone_num(i) {
            if self.tok(i + 1).is_some_and(|n| n.glued() && n.is_word()) {
                return None;
            }
            i32::try_from(t.num).ok()
        } else {
            None
        }
    }

    /// A day of month (1..=31) with an optional ordinal suffix; returns (day, next index).
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if !t.is_num() || t.ndig() > 2 || !(1..=31).contains(&t.num) {
            return None;
        }
        if !self.standalone_num(i) {
            return None;
        }
        let mut j = i + 1;
        if self
            .tok(j)
            .is_some_and(|n| n.glued() && matches!(n.lowb(), b"st" | b"nd" | b"rd" | b"th"))
        {
            j += 1;
        }
        // Not a time ("5:30") or a decimal.
        if self.gp(j, ':') && self.tok(j + 1).is_some_and(Tok::is_num) {
            return None;
        }
        Some((t.num, j))
    }

    /// A count: digits, number words ("twenty-five"), "a"/"an" (=1); `None` count = unknown
    /// ("several", "a few"). Returns (count, next index, approx).
    fn count_at(&self, i: usize) -> Option<(Option<f64>, usize, bool)> {
        let t = self.tok(i)?;
        if t.is_num() {
            if !self.standalone_num(i) || t.num == u32::MAX {
                return None;
            }
            let mut n = f64::from(t.num);
            let mut j = i + 1;
            // "5 1/2"
            if self.tok(j).is_some_and(|x| x.is_num() && x.num == 1)
                && self.gp(j + 1, '/')
                && self
                    .tok(j + 2)
                    .is_some_and(|x| x.is_num() && x.num == 2 && x.glued())
            {
                n += 0.5;
                j += 3;
            }
            // "1,000" handled as not standalone; "2.5" decimals:
            return Some((Some(n), j, false));
        }
        if let Some(n) = number_word(t) {
            let mut n = n;
            let mut j = i + 1;
            if n >= 20 && n % 10 == 0 && self.gp(j, '-') {
                if let Some(u) = self.tok(j + 1).and_then(number_word) {
                    if u < 10 && self.glued(j + 1) {
                        n += u;
                        j += 2;
                    }
                }
            } else if n >= 20 && n % 10 == 0 {
                // "twenty four hours" (spoken transcripts write no hyphen)
                if let Some(u) = self.tok(j).and_then(number_word).filter(|u| *u < 10) {
                    n += u;
                    j += 1;
                }
            }
            if n == 100 || n == 12 {
                // "hundred" / "dozen" alone are not counts ("a hundred years" handled below)
                if t.is("dozen") {
                    return None;
                }
            }
            if self.w(j, "hundred") {
                n *= 100;
                j += 1;
            }
            if self.w(j, "and") && self.w(j + 1, "a") && self.w(j + 2, "half") {
                return Some((Some(f64::from(n) + 0.5), j + 3, false));
            }
            return Some((Some(f64::from(n)), j, false));
        }
        match t.lowb() {
            b"a" | b"an" | b"one" => {
                if self.w(i + 1, "couple") && self.w(i + 2, "of") {
                    return Some((Some(2.0), i + 3, true));
                }
                if self.w(i + 1, "few") {
                    return Some((None, i + 2, false));
                }
                if self.w(i + 1, "hundred") {
                    return Some((Some(100.0), i + 2, false));
                }
                if self.w(i + 1, "dozen") {
                    return Some((Some(12.0), i + 2, false));
                }
                Some((Some(1.0), i + 1, false))
            }
            b"several" | b"few" | b"many" => Some((None, i + 1, false)),
            b"couple" if self.w(i + 1, "of") => Some((Some(2.0), i + 2, true)),
            b"half" if self.wi(i + 1, &["a", "an"]) => Some((Some(0.5), i + 2, false)),
            _ => None,
        }
    }

    // ----- calendar dates -------------------------------------------------------------

    /// Month name at `i` with its optional period; returns (month, next index).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let m = month(t)?;
        let mut j = i + 1;
        let abbrev = month_is_abbrev(t) && t.lowb().len() < 5;
        if abbrev && self.gp(j, '.') {
            j += 1;
        } else if abbrev && t.lowb().len() == 3 && !t.is("may") {
            // "Mar", "Dec" without a period must be followed by a day or year.
            let next_is_num = self.tok(j).is_some_and(Tok::is_num);
            if !next_is_num {
                return None;
            }
        }
        Some((m, j))
    }

    /// Month-name dates: "September 23, 2023", "Sept. 26", "23 September 2023",
    /// "November 2022", "Nov. 15-16", "September".
    fn calendar_date(&self, i: usize) -> Option<Hit> {
        let (date, j, range_end) = self.ymd_at(i)?;
        let h = self.emit_ymd(i, j, date, range_end)?;
        // Stamps write the year: "May 8 1:00AM" in a narrative is a day and a time.
        Some(self.day_clock(
            h,
            date.d.is_some() && date.y.is_some() && range_end.is_none(),
        ))
    }

    /// A day hit followed by a stamp's clock ([`Cx::stamp_clock`]); other hits unchanged.
    fn day_clock(&self, h: Hit, is_day: bool) -> Hit {
        if !is_day || h.is_rejected() || h.kind != TimexKind::Date {
            return h;
        }
        self.stamp_clock(h)
    }

    fn ymd_at(&self, i: usize) -> Option<(Ymd, usize, Option<u32>)> {
        // Day Month [Year]
        if let Some((d, j)) = self.day_at(i) {
            let k = if self.w(j, "of") { j + 1 } else { j };
            if let Some((m, k2)) = self.month_at(k) {
                let mut end = k2;
                let mut y = None;
                let yk = if self.p(end, ',') { end + 1 } else { end };
                if let Some(yy) = self.year_at(yk) {
                    y = Some(yy);
                    end = yk + 1;
                }
                return Some((Ymd { y, m, d: Some(d) }, end, None));
            }
            return None;
        }
        let (m, j) = self.month_at(i)?;
        // Month Day[-Day] [,] [Year]; "March fourth", "May twenty-first".
        if let Some((d, k)) = self.day_at(j).or_else(|| self.spelled_day_at(j)) {
            let mut end = k;
            let mut range_end = None;
            if (self.p(end, '-') || self.p(end, '–')) && self.tok(end + 1).is_some() {
                if let Some((d2, k2)) = self.day_at(end + 1) {
                    if d2 > d {
                        range_end = Some(d2);
                        end = k2;
                    }
                }
            }
            let yk = if self.p(end, ',') { end + 1 } else { end };
            let mut y = None;
            if let Some(yy) = self.year_at(yk) {
                y = Some(yy);
                end = yk + 1;
            }
            // "May 5 people" is unlikely; a following unit word means a count: "Nov 3 days".
            if y.is_none() && self.tok(k).and_then(unit).is_some() {
                return None;
            }
            return Some((Ymd { y, m, d: Some(d) }, end, range_end));
        }
        // Month [of] this/last/next year: "January this year", "October of next year"
        let rj = if self.w(j, "of") { j + 1 } else { j };
        if self.wi(rj, &["this", "last", "next"]) && self.w(rj + 1, "year") {
            if let Some(anc) = self.anchor {
                let shift = if self.w(rj, "last") {
                    -1
                } else if self.w(rj, "next") {
                    1
                } else {
                    0
                };
                return Some((
                    Ymd {
                        y: Some(anc.year() + shift),
                        m,
                        d: None,
                    },
                    rj + 2,
                    None,
                ));
            }
        }
        // Month [of|,] Year
        let yk = if self.w(j, "of") || self.p(j, ',') {
            j + 1
        } else {
            j
        };
        if let Some((y, e)) = self.year_or_spelled(yk) {
            return Some((
                Ymd {
                    y: Some(y),
                    m,
                    d: None,
                },
                e,
                None,
            ));
        }
        // Month alone: "May" and abbreviations need a preposition before them, or a month
        // and a dash ("January-March").
        let t = self.tok(i)?;
        let needs_context = t.is("may") || t.is("march") || month_is_abbrev(t);
        let after_month = i >= 2
            && (self.p(i - 1, '-') || self.p(i - 1, '–'))
            && self.glued(i)
            && month(&self.t[i - 2]).is_some();
        if needs_context
            && !after_month
            && !self
                .prev_word(i)
                .is_some_and(|p| BEFORE_MONTH.iter().any(|w| p.is(w)))
        {
            return None;
        }
        // "March" followed by "on"/"to" is the verb at a sentence start.
        if t.is("march") && self.wi(j, &["on", "to", "through", "against"]) {
            return None;
        }
        Some((
            Ymd {
                y: None,
                m,
                d: None,
            },
            j,
            None,
        ))
    }

    /// A spelled day of the month: "fourth", "twentieth", "twenty-first", "thirty first";
    /// returns (day, next index). Not an ordinal that starts a compound ("second-quarter").
    fn spelled_day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let (d, k) = if let Some(d) = day_ordinal_word(t) {
            (d, i + 1)
        } else {
            let tens = match t.lowb() {
                b"twenty" => 20,
                b"thirty" => 30,
                _ => return None,
            };
            let j = if self.gp(i + 1, '-') { i + 2 } else { i + 1 };
            let unit = self.tok(j).and_then(ordinal_word).filter(|u| *u <= 9)?;
            (tens + unit, j + 1)
        };
        if d > 31 || self.gp(k, '-') {
            return None;
        }
        Some((d, k))
    }

    /// "the 21st", "the 9th", "the fourth" after a preposition ("on the 21st", "by the 3rd",
    /// "the morning of the 9th", "from the 3rd to the 5th"): a day of the month of the last
    /// date mentioned nearby, else of the anchor's month (the month before when a past
    /// sentence names a later day, the month after when a future one names an earlier day).
    /// "the fourth of March" is that date. Not "the 21st century", "the 3rd round", "the
    /// 2nd-largest": nothing noun-like may follow.
    fn ordinal_day(&self, i: usize) -> Option<Hit> {
        if !self.w(i, "the") {
            return None;
        }
        let prev = self.prev_word(i).filter(|p| p.is_word())?;
        let opens = matches!(
            prev.lowb(),
            b"on"
                | b"by"
                | b"until"
                | b"till"
                | b"since"
                | b"before"
                | b"after"
                | b"from"
                | b"of"
                | b"through"
        );
        // "from the 3rd to the 5th", "the 3rd and the 5th": the second end of a pair of days.
        let pairs = matches!(prev.lowb(), b"to" | b"and" | b"or" | b"through")
            && self.last_day.is_some()
            && self.last_day_end + 16 >= prev.s;
        if !(opens || pairs) {
            return None;
        }
        let numeric = self
            .day_at(i + 1)
            .filter(|(_, k)| *k == i + 3 && self.glued(i + 2));
        let (d, k) = match numeric {
            Some(x) if opens || pairs => x,
            // "the Third Estate", "George the Third": capitalized ordinals are names.
            None if opens && !self.tok(i + 1)?.cap => self.spelled_day_at(i + 1)?,
            _ => return None,
        };
        if self.gp(k, '-') {
            return None;
        }
        // "the fourth of March (2021)": a full date.
        if self.w(k, "of") {
            let (m, e) = self.month_at(k + 1)?;
            let yk = if self.p(e, ',') { e + 1 } else { e };
            let (y, end) = match self.year_at(yk) {
                Some(y) => (Some(y), yk + 1),
                None => (None, e),
            };
            return self.emit_ymd(i, end, Ymd { y, m, d: Some(d) }, None);
        }
        if self
            .word_after(k)
            .is_some_and(|w| !is_function_word(&w) && !matches!(w.as_slice(), b"until" | b"till"))
        {
            return None;
        }
        // The first end of a pair takes the month of the second: "from the 13th to the 19th of
        // October 1950".
        if self.wi(k, &["to", "and", "through", "until", "till", "or"]) || self.p(k, '-') {
            let j = if self.w(k + 1, "the") { k + 2 } else { k + 1 };
            if let Some((end, _, None)) = self.ymd_at(j) {
                if end.d.is_some() && self.day_at(j).is_some() {
                    if let Some(h) = self.emit_ymd(j, j + 1, end, None) {
                        let v = &h.value;
                        if v.len() == 10 && !v.starts_with('X') {
                            let value = format!("{}{d:02}", &v[..8]);
                            NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()?;
                            return Some(
                                Hit {
                                    a: i,
                                    b: k,
                                    range: None,
                                    ..h
                                }
                                .with_value(value),
                            );
                        }
                    }
                }
            }
        }
        let near = self
            .last_month
            .filter(|&(_, _, end)| end + 400 >= self.tok(i).map_or(0, |t| t.s));
        let (y, m, used) = match (near, self.anchor) {
            (Some((y, m, _)), _) => (y, m, AnchorUse::Mention),
            (None, Some(anc)) => {
                let shift = match self.tense_opt(i) {
                    Some(Tense::Past) if d > anc.day() => -1,
                    Some(Tense::Future) if d < anc.day() => 1,
                    _ => 0,
                };
                let (y, m) = add_months(anc.year(), anc.month(), shift);
                (y, m, AnchorUse::Published)
            }
            (None, None) => {
                return Some(Hit::date(i, k, format!("XXXX-XX-{d:02}")));
            }
        };
        let day = ymd(y, m, d)?;
        let mut h = Hit::date(i, k, day_value(day));
        h.anchor = used;
        Some(h)
    }

    /// The lower-cased ASCII word at token `k`, or, when the window ends before `k`, the word
    /// that follows the window in the text; `None` when punctuation or nothing follows.
    fn word_after(&self, k: usize) -> Option<Vec<u8>> {
        if let Some(t) = self.tok(k) {
            return t.is_word().then(|| t.lowb().to_vec());
        }
        let b = self.text.as_bytes();
        let mut p = self.t.last()?.e;
        while p < b.len() && b[p] == b' ' {
            p += 1;
        }
        let s = p;
        while p < b.len() && b[p].is_ascii_alphabetic() && p - s < 16 {
            p += 1;
        }
        (p > s).then(|| b[s..p].to_ascii_lowercase())
    }

    /// Resolves a possibly partial date and builds the hit.
    fn emit_ymd(&self, a: usize, b: usize, date: Ymd, range_end: Option<u32>) -> Option<Hit> {
        let Ymd { y, m, d } = date;
        let mut used = false;
        let mut mention = false;
        let y = match y {
            Some(y) => Some(y),
            None => match self.anchor {
                // A narrative's year, unless the sentence looks ahead of the writer ("a
                // summit set for April", "will vote in May"): the story told is past.
                Some(_) if self.narrative && self.last_year.is_some() && !self.looks_ahead(a) => {
                    mention = true;
                    self.last_year.map(|(ly, lm)| {
                        if lm >= 10 && m <= 3 && lm > m + 6 {
                            ly + 1
                        } else {
                            ly
                        }
                    })
                }
                Some(anc) => {
                    used = true;
                    Some(self.guess_year(anc, m, d.unwrap_or(15), a))
                }
                None => None,
            },
        };
        let value = match (y, d) {
            (Some(y), Some(d)) => {
                if ymd(y, m, d).is_none() {
                    // "February 30, 2023": consumed, never emitted.
                    return Some(Hit::rejected(a, b));
                }
                format!("{}-{m:02}-{d:02}", year_value(y))
            }
            (Some(y), None) => format!("{}-{m:02}", year_value(y)),
            (None, Some(d)) => {
                // Impossible in every year?
                if ymd(2000, m, d).is_none() {
                    return Some(Hit::rejected(a, b));
                }
                format!("XXXX-{m:02}-{d:02}")
            }
            (None, None) => format!("XXXX-{m:02}"),
        };
        let mut h = Hit::date(a, b, value).anch(used);
        if mention {
            h.anchor = AnchorUse::Mention;
        }
        if let (Some(y), Some(d), Some(d2)) = (y, d, range_end) {
            h.range = Some((ymd(y, m, d)?, ymd(y, m, d2)?));
        }
        Some(h)
    }

    /// The year of a month/day without a year: the one closest to the anchor, nudged by tense
    /// when the date is more than a couple of months away.
    fn guess_year(&self, anc: NaiveDate, m: u32, d: u32, at: usize) -> i32 {
        let y = anc.year();
        let mut best = y;
        let mut best_dist = i64::MAX;
        for cand in [y - 1, y, y + 1] {
            let Some(date) = ymd(cand, m, d.min(28)) else {
                continue;
            };
            let dist = (date - anc).num_days().abs();
            if dist < best_dist {
                best_dist = dist;
                best = cand;
            }
        }
        if best_dist > 60 {
            // A deadline ("pay down the loan by February", "loans through January") is ahead,
            // unless the sentence looks back ("had been repaid by February", "this year
            // through August").
            let deadline = self
                .prev_word(at)
                .is_some_and(|p| matches!(p.lowb(), b"by" | b"until" | b"till" | b"through"))
                && !self.sentence_prefix_has(at, &[b"had", b"this year", b"so far"]);
            let tense = if deadline {
                Some(Tense::Future)
            } else {
                self.tense_opt(at)
            };
            let Some(tense) = tense else {
                return best;
            };
            let same = ymd(y, m, d.min(28));
            if let Some(same) = same {
                if tense == Tense::Past && same > anc {
                    return y - 1;
                }
                if tense == Tense::Future && same < anc {
                    return y + 1;
                }
                return y;
            }
        }
        best
    }

    /// The sentence around token `i` speaks of the writer's future in the plain future
    /// ("will", "'ll", "set for", "scheduled", "upcoming"), not a past story's "would".
    fn looks_ahead(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        sentence_has(
            self.text,
            t.s,
            t.e,
            &[b"will", b"ll", b"scheduled", b"upcoming", b"set"],
        ) && self.tense_opt(i) == Some(Tense::Future)
    }

    fn tense(&self, i: usize) -> Tense {
        self.tense_opt(i).unwrap_or(Tense::Past)
    }

    fn tense_opt(&self, i: usize) -> Option<Tense> {
        let t = self.t.get(i.min(self.t.len().saturating_sub(1)))?;
        tense_at(self.text, t.s, t.e)
    }

    /// ISO and numeric dates: "2023-09-23", "2023/09/23", "15/11/2022", "11/15/22", "15.11.2022",
    /// optionally followed by a time ("2023-09-23 14:02", "2023-09-23T14:02").
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.is_num() || !self.standalone_num_start(i) {
            return None;
        }
        if let Some((date, end)) = self.dash_month_date(i) {
            return Some(match date {
                Some(date) => self.with_clock(i, end, date),
                None => Hit::rejected(i, end),
            });
        }
        let sep = self.tok(i + 1)?;
        if !sep.glued() || !(sep.p('-') || sep.p('/') || sep.p('.')) {
            return None;
        }
        let c = sep.ch;
        let t2 = self.tok(i + 2).filter(|x| x.is_num() && x.glued())?;
        if !self.gp(i + 3, c) {
            return None;
        }
        let t3 = self.tok(i + 4).filter(|x| x.is_num() && x.glued())?;
        if self.tok(i + 5).is_some_and(|x| {
            x.glued()
                && (x.is_num()
                    || ((x.p(c) || x.p('.'))
                        && self.tok(i + 6).is_some_and(|y| y.is_num() && y.glued())))
        }) {
            return None;
        }
        if t3.ndig() == 6 && c != '-' {
            return self.year_glued_to_clock(i, t.num, t2.num, t3.num);
        }
        let (y, m, d) = if t.ndig() == 4 {
            (t.num, t2.num, t3.num)
        } else if t3.ndig() == 4 || (t3.ndig() == 2 && c == '/') {
            if t.ndig() > 2 || t2.ndig() > 2 {
                return None;
            }
            let y = if t3.ndig() == 4 {
                t3.num
            } else if t3.num < 50 {
                2000 + t3.num
            } else {
                1900 + t3.num
            };
            // A date valid in one order only ("15/11/2022", "11/15/2022") is read that way;
            // dotted dates ("20.05.2020") are European, day first.
            let day_first = match self.order {
                DateOrder::Dmy => !(t2.num > 12 && t.num <= 12),
                DateOrder::Mdy | DateOrder::Ymd => t2.num <= 12 && (t.num > 12 || c == '.'),
            };
            if day_first {
                (y, t2.num, t.num)
            } else {
                (y, t.num, t2.num)
            }
        } else {
            return None;
        };
        if c == '-' && t.ndig() != 4 {
            // "11-15-2022" is rare and "3-1-2022" often a score; accept only with 4-digit year.
            if t3.ndig() != 4 {
                return None;
            }
        }
        let y = i32::try_from(y).ok()?;
        let Some(date) = ymd(y, m, d) else {
            return Some(Hit::rejected(i, i + 5));
        };
        Some(self.with_clock(i, i + 5, date))
    }

    /// A page stamp whose year the crawler glued to its clock ("20/10/201715:53": 20 October
    /// 2017, 15:53): tokens `i..i+7` are day, separator, month, separator, year and hour as one
    /// number, colon, minutes. Day first unless only the other order is a date. `None` when the
    /// digits are no such stamp.
    fn year_glued_to_clock(&self, i: usize, a: u32, b: u32, year_hour: u32) -> Option<Hit> {
        if a > 31 || b > 31 || !self.gp(i + 5, ':') {
            return None;
        }
        let minute = self
            .tok(i + 6)
            .filter(|x| x.is_num() && x.ndig() == 2 && x.glued())?;
        if self
            .tok(i + 7)
            .is_some_and(|x| x.glued() && (x.is_num() || x.p(':')))
        {
            return None;
        }
        let (year, hour) = (year_hour / 100, year_hour % 100);
        if hour > 23 || minute.num > 59 {
            return None;
        }
        let (m, d) = if b <= 12 { (b, a) } else { (a, b) };
        let date = ymd(i32::try_from(year).ok()?, m, d)?;
        let value = format!("{}T{hour:02}:{:02}", day_value(date), minute.num);
        Some(Hit::new(i, i + 7, TimexKind::Time, value))
    }

    /// A date at tokens `a..end`, extended by a following time ("2023-09-23 14:02",
    /// "2023-09-23T14:02:05", "26-FEB-1987 15:01:20.34").
    fn with_clock(&self, a: usize, end: usize, date: NaiveDate) -> Hit {
        self.stamp_clock(Hit::new(a, end, TimexKind::Date, day_value(date)))
    }

    /// A date hit extended by the clock of a publication stamp that follows it: "2023-09-23
    /// 14:02", "2023-09-23T14:02:05", "May 2, 2023 14:05:09", "March 4, 2025 9:41 PM",
    /// "Jan 8, 2021 - 16:02", "20.05.2020 | 09:24 IST", "Dec. 28, 2019 at 3:45 pm". The clock
    /// must be written with a colon; its zone, when named, becomes the offset.
    fn stamp_clock(&self, h: Hit) -> Hit {
        let end = h.b;
        // "T14:02" glued, or a separator: "2023-09-23, 14:02", "- 16:02", "| 09:24", "at 3:45 pm".
        let separated = self.tok(end).is_some_and(|x| {
            (x.glued() && x.is("t"))
                || (x.p(',') && x.glued())
                || x.p('-')
                || x.p('–')
                || x.p('—')
                || x.p('|')
                || x.p('@')
        }) || self.w(end, "at");
        let ti = if separated { end + 1 } else { end };
        let glued_ok = ti > end && self.tok(end).is_some_and(|x| x.is("t"));
        let Some((hh, mm, k)) = self.clock_at(ti, glued_ok) else {
            return h;
        };
        let Some((hh, k2)) = self.ampm(k, hh) else {
            return h;
        };
        let mut value = format!("{}T{hh:02}:{mm:02}", h.value);
        if let Some(ss) = self.clock_seconds(ti) {
            value.push_str(&format!(":{ss:02}"));
        }
        let (zone_s, k3) = self.zone_at(k2, &h.value);
        value.push_str(&zone_s);
        Hit {
            b: k3,
            kind: TimexKind::Time,
            value,
            ..h
        }
    }

    /// A time-zone abbreviation at `i` ("GMT", "IST", "EDT", "ET"): its offset ("Z",
    /// "+05:30", "-04:00") and the next index; `("", i)` when there is none. The US zones
    /// written without standard/daylight ("ET", "CT", "MT", "PT") get the offset in force on
    /// `day` (a TIMEX3 day value; none when the day is unknown).
    fn zone_at(&self, i: usize, day: &str) -> (String, usize) {
        let Some(t) = self.tok(i).filter(|x| {
            x.is_word()
                && x.cap
                && x.lowb().len() >= 2
                && x.lowb().iter().all(u8::is_ascii_alphabetic)
        }) else {
            return (String::new(), i);
        };
        if let Some(standard) = us_zone(t) {
            let date = NaiveDate::parse_from_str(day.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
            let offset = date.map_or_else(String::new, |d| {
                let h = if us_daylight_time(d) {
                    standard + 1
                } else {
                    standard
                };
                format!("-{:02}:00", -h)
            });
            return (offset, i + 1);
        }
        match zone(t) {
            Some(z) => (z.to_string(), i + 1),
            None => (String::new(), i),
        }
    }

    fn standalone_num_start(&self, i: usize) -> bool {
        if i > 0 && self.glued(i) {
            let p = &self.t[i - 1];
            if p.is_word() || p.is_num() || p.p('.') || p.p(',') || p.p('/') || p.p('-') || p.p('$')
            {
                return false;
            }
        }
        true
    }

    /// "HH:MM[:SS]" at `i`; `glued_ok` allows it to be glued to the previous token ("T14:02").
    fn clock_at(&self, i: usize, glued_ok: bool) -> Option<(u32, u32, usize)> {
        let h = self
            .tok(i)
            .filter(|x| x.is_num() && x.ndig() <= 2 && (glued_ok || !x.glued()))?;
        if !self.gp(i + 1, ':') {
            return None;
        }
        let m = self
            .tok(i + 2)
            .filter(|x| x.is_num() && x.ndig() == 2 && x.glued())?;
        if h.num > 24 || m.num > 59 {
            return None;
        }
        let mut end = i + 3;
        let frac =
            |k: usize| self.gp(k, '.') && self.tok(k + 1).is_some_and(|x| x.is_num() && x.glued());
        if self.gp(end, ':')
            && self
                .tok(end + 1)
                .is_some_and(|x| x.is_num() && x.ndig() == 2 && x.glued() && x.num <= 60)
        {
            end += 2;
            // Fractions of a second: "15:01:20.34".
            if frac(end) {
                end += 2;
            }
        }
        if self.gp(end, ':') || frac(end) {
            return None;
        }
        Some((h.num, m.num, end))
    }

    /// Seconds of the clock at `i` ("15:01:20" -> 20), when written.
    fn clock_seconds(&self, i: usize) -> Option<u32> {
        self.gp(i + 3, ':')
            .then(|| self.tok(i + 4).map(|x| x.num))
            .flatten()
    }

    /// "26-FEB-1987" (wire-service date lines, e.g. Reuters "26-FEB-1987 15:01:20.34").
    /// Returns the date (`None` when impossible, e.g. "31-FEB-1987") and the next index.
    fn dash_month_date(&self, i: usize) -> Option<(Option<NaiveDate>, usize)> {
        let (d, j) = self.day_at(i).filter(|(_, j)| *j == i + 1)?;
        if !self.gp(j, '-') {
            return None;
        }
        let m = self.tok(j + 1).filter(|x| x.glued()).and_then(month)?;
        if !self.gp(j + 2, '-') {
            return None;
        }
        let y = self
            .tok(j + 3)
            .filter(|x| x.glued() && x.is_num() && x.ndig() == 4)?;
        if self
            .tok(j + 4)
            .is_some_and(|x| x.glued() && (x.is_num() || x.is_word()))
        {
            return None;
        }
        Some((ymd(i32::try_from(y.num).ok()?, m, d), j + 4))
    }

    // ----- years, decades, centuries -------------------------------------------------

    fn year_forms(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // "the 1990s", "the '80s", "the 20th century"
        if t.is("the") {
            // "the nineties", "the sixties" (only after "the": "in his sixties" is an age;
            // "the twenties" could be either century and is left alone).
            let spelled = self.tok(i + 1).and_then(|w| match w.lowb() {
                b"thirties" => Some(3),
                b"forties" => Some(4),
                b"fifties" => Some(5),
                b"sixties" => Some(6),
                b"seventies" => Some(7),
                b"eighties" => Some(8),
                b"nineties" => Some(9),
                _ => None,
            });
            if let Some(d) = spelled {
                return Some(Hit::date(i, i + 2, format!("19{d}")));
            }
            let h = self.decade(i + 1).or_else(|| self.century(i + 1))?;
            return Some(Hit { a: i, ..h });
        }
        if t.is("fiscal") || t.is("fy") {
            let y = self.year_at(i + 1)?;
            return Some(Hit::date(i, i + 2, format!("{y:04}")));
        }
        // "post-1959 politics", "pre-1914 borders" (TimeML: the year, mod AFTER / BEFORE).
        if (t.is("post") || t.is("pre")) && self.gp(i + 1, '-') && self.glued(i + 2) {
            let y = self.year_at(i + 2)?;
            let m = if t.is("post") {
                Modifier::After
            } else {
                Modifier::Before
            };
            return Some(Hit::date(i, i + 3, year_value(y)).m(m));
        }
        if let Some(h) = self.decade(i).or_else(|| self.century(i)) {
            return Some(h);
        }
        if let Some(h) = self
            .spelled_year(i)
            .or_else(|| self.bc_year(i))
            .or_else(|| self.short_year(i))
        {
            return Some(h);
        }
        let y = self.year_at(i)?;
        // Bare years: avoid counts ("2000 people") and amounts.
        if let Some(p) = self.prev_word(i) {
            if p.is("about")
                || p.is("nearly")
                || p.is("some")
                || p.is("than")
                || p.is("over")
                || p.is("approximately")
                || p.is("around")
                || p.is("almost")
                || p.is("only")
            {
                return None;
            }
        }
        if let Some(n) = self.tok(i + 1) {
            if n.is_word()
                && !n.cap
                && n.lowb().ends_with(b"s")
                && !matches!(
                    n.lowb(),
                    b"was"
                        | b"is"
                        | b"has"
                        | b"as"
                        | b"its"
                        | b"this"
                        | b"his"
                        | b"always"
                        | b"elections"
                        | b"games"
                        | b"olympics"
                        | b"results"
                        | b"levels"
                        | b"figures"
                        | b"budgets"
                        | b"accounts"
                        | b"sales"
                        | b"earnings"
                        | b"profits"
                        | b"losses"
                        | b"rules"
                        | b"plans"
                )
                && !n.lowb().ends_with(b"ss")
            {
                return None;
            }
            if n.is("percent") || n.is("per") || n.is("million") || n.is("billion") {
                return None;
            }
        }
        if !(1500..=2100).contains(&y)
            && !self.prev_word(i).is_some_and(|p| {
                p.is("in")
                    || p.is("since")
                    || p.is("year")
                    || p.is("until")
                    || p.is("by")
                    || p.is("from")
            })
        {
            return None;
        }
        Some(Hit::date(i, i + 1, format!("{y:04}")))
    }

    /// A year in digits or words ("1997", "nineteen ninety-seven") at `i`; returns the year
    /// and the next index.
    fn year_or_spelled(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((y, i + 1));
        }
        let h = self.spelled_year(i).filter(|h| h.a == i)?;
        Some((h.value.parse().ok()?, h.b))
    }

    /// "nineteen ninety-six", "the year two thousand".
    fn spelled_year(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let century = match t.lowb() {
            b"nineteen" => 19,
            b"eighteen" => 18,
            b"two" if self.w(i + 1, "thousand") => {
                let ok = self.prev_word(i).is_some_and(|p| {
                    matches!(p.lowb(), b"year" | b"in" | b"since" | b"by" | b"until")
                });
                if !ok {
                    return None;
                }
                let mut k = i + 2;
                let mut y = 2000;
                if self.w(k, "and") {
                    k += 1;
                }
                if let Some(n) = self.tok(k).and_then(number_word).filter(|n| *n < 20) {
                    y += n;
                    k += 1;
                } else if k > i + 2 {
                    k -= 1;
                }
                let a = if self.prev_word(i).is_some_and(|p| p.is("year"))
                    && i >= 2
                    && self.w(i - 2, "the")
                {
                    i - 2
                } else {
                    i
                };
                return Some(Hit::date(a, k, format!("{y:04}")));
            }
            _ => return None,
        };
        let tens = self
            .tok(i + 1)
            .and_then(number_word)
            .filter(|n| (10..=90).contains(n))?;
        let mut y = century * 100 + tens;
        let mut k = i + 2;
        if tens >= 20 && tens % 10 == 0 && self.gp(k, '-') {
            if let Some(u) = self.tok(k + 1).and_then(number_word).filter(|u| *u < 10) {
                y += u;
                k += 2;
            }
        }
        Some(Hit::date(i, k, format!("{y:04}")))
    }

    /// "since '82", "in ’99": an apostrophe year after a preposition (in the century of the
    /// last explicit year, else 1930-2029).
    fn short_year(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !(t.p('\'') || t.p('’')) || (t.glued() && i > 0) {
            return None;
        }
        let n = self
            .tok(i + 1)
            .filter(|x| x.is_num() && x.ndig() == 2 && x.glued())?;
        if self
            .tok(i + 2)
            .is_some_and(|x| x.glued() && (x.is_word() || x.is_num() || x.p('\'') || x.p('’')))
        {
            return None;
        }
        if !self.prev_word(i).is_some_and(|p| {
            matches!(
                p.lowb(),
                b"since" | b"in" | b"of" | b"from" | b"until" | b"by" | b"to"
            )
        }) {
            return None;
        }
        let n = i32::try_from(n.num).ok()?;
        let y = match self.last_year {
            Some((ly, _)) => {
                let base = ly - ly.rem_euclid(100);
                [base - 100 + n, base + n, base + 100 + n]
                    .into_iter()
                    .min_by_key(|c| (c - ly).abs())
                    .unwrap_or(base + n)
            }
            None if n >= 30 => 1900 + n,
            None => 2000 + n,
        };
        Some(Hit::date(i, i + 2, format!("{y:04}")))
    }

    /// "241 BC", "490 B.C.", "44 BCE".
    fn bc_year(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // The second end of "499-493 BC" is glued to the dash.
        let range_end = i >= 2 && self.gp(i - 1, '-') && self.glued(i) && self.t[i - 2].is_num();
        if !t.is_num() || t.ndig() > 4 || t.num == 0 || !(range_end || self.standalone_num_start(i))
        {
            return None;
        }
        // "499" in "499-493 BC": the first end of a BC range (years count down).
        if self.gp(i + 1, '-') && self.glued(i + 2) && !range_end {
            let later = self.tok(i + 2)?;
            if !later.is_num() || later.ndig() > 4 || later.num >= t.num {
                return None;
            }
            self.bc_suffix(i + 3)?;
            return Some(Hit::date(i, i + 1, format!("BC{:04}", t.num)));
        }
        let k = self.bc_suffix(i + 1)?;
        Some(Hit::date(i, k, format!("BC{:04}", t.num)))
    }

    /// "BC", "BCE" or "B.C." at `i`: the index after it.
    fn bc_suffix(&self, i: usize) -> Option<usize> {
        if self.wi(i, &["bc", "bce"]) && self.tok(i).is_some_and(|x| x.cap) {
            Some(i + 1)
        } else if self.w(i, "b") && self.gp(i + 1, '.') && self.w(i + 2, "c") && self.gp(i + 3, '.')
        {
            Some(i + 4)
        } else {
            None
        }
    }

    /// "1990s", "'90s", "90s" at `i`.
    fn decade(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (num_i, apos) = if t.p('\'') || t.p('’') {
            (i + 1, true)
        } else {
            (i, false)
        };
        let n = self
            .tok(num_i)
            .filter(|x| x.is_num() && (!apos || x.glued()))?;
        let s = self.tok(num_i + 1).filter(|x| x.glued() && x.is("s"))?;
        let _ = s;
        if n.num % 10 != 0 {
            return None;
        }
        let value = match n.ndig() {
            4 if (1000..=2190).contains(&n.num) => format!("{:03}", n.num / 10),
            2 if apos || !self.glued(num_i) => {
                if self.age_decade(num_i) {
                    return None;
                }
                let century = if n.num >= 30 { 19 } else { 20 };
                format!("{century}{}", n.num / 10)
            }
            _ => return None,
        };
        let after_mid = num_i >= 2 && self.gp(num_i - 1, '-') && self.w(num_i - 2, "mid");
        if !apos && !after_mid && !self.standalone_num_start(num_i) {
            return None;
        }
        Some(Hit::date(i, num_i + 2, value))
    }

    /// "in his 30s", "in their early 20s": an age, not a decade (a possessive before the
    /// number, maybe with "early", "mid-" or "late" between).
    fn age_decade(&self, num_i: usize) -> bool {
        let mut k = num_i;
        if k >= 1 && self.gp(k - 1, '-') {
            k -= 1;
        }
        if k >= 1 && self.wi(k - 1, &["early", "mid", "late"]) {
            k -= 1;
        }
        k >= 1 && self.wi(k - 1, &["his", "her", "their", "my", "your", "our"])
    }

    /// "20th century", "the 21st century".
    fn century(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (n, j) = if t.is_num() && t.ndig() <= 2 {
            let suf = self
                .tok(i + 1)
                .filter(|x| x.glued() && matches!(x.lowb(), b"st" | b"nd" | b"rd" | b"th"))?;
            let _ = suf;
            (t.num, i + 2)
        } else if let Some(n) = ordinal_word(t) {
            (n, i + 1)
        } else if t.is("twentieth") {
            (20, i + 1)
        } else if t.is("nineteenth") {
            (19, i + 1)
        } else if t.is("eighteenth") {
            (18, i + 1)
        } else {
            return None;
        };
        let mut k = j;
        if self.gp(k, '-') {
            k += 1;
        }
        if !self.w(k, "century") || !(1..=30).contains(&n) {
            return None;
        }
        Some(Hit::date(i, k + 1, format!("{:02}", n - 1)))
    }

    // ----- quarters and halves --------------------------------------------------------

    fn quarter(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // "Q3", "Q3 2023", "3Q"
        if t.is("q") && t.cap {
            let n = self
                .tok(i + 1)
                .filter(|x| x.is_num() && x.glued() && (1..=4).contains(&x.num))?;
            if self
                .tok(i + 2)
                .is_some_and(|x| x.glued() && (x.is_word() || x.is_num()))
            {
                return None;
            }
            let mut end = i + 2;
            let y = if let Some(y) = self.year_at(end) {
                end += 1;
                Some(y)
            } else {
                None
            };
            return self.emit_part(i, end, 'Q', n.num, y);
        }
        let mut j = i;
        let det = t.is("the") || t.is("this");
        if det {
            j += 1;
        }
        // Fiscal quarters are not calendar quarters: they never become the reference quarter.
        let fiscal = self.w(j, "fiscal");
        if fiscal {
            j += 1;
        }
        let o = self.tok(j)?;
        let n = if let Some(n) = ordinal_word(o) {
            n
        } else if o.is("last") || o.is("final") {
            0
        } else if o.is_num()
            && o.ndig() == 1
            && self
                .tok(j + 1)
                .is_some_and(|x| x.glued() && matches!(x.lowb(), b"st" | b"nd" | b"rd" | b"th"))
        {
            j += 1;
            o.num
        } else {
            return self.bare_quarter(i);
        };
        let mut k = j + 1;
        let hyphen = self.gp(k, '-');
        if hyphen {
            k += 1;
        }
        // "the third-quarter results": an adjective; the determiner belongs to the noun.
        let i = if hyphen && det { i + 1 } else { i };
        let u = self.tok(k)?;
        let (part, max) = if u.is("quarter") {
            ('Q', 4)
        } else if u.is("half") && !hyphen {
            ('H', 2)
        } else {
            return None;
        };
        let n = if n == 0 { max } else { n };
        if n > max {
            return None;
        }
        let mut end = k + 1;
        let mut y = None;
        if self.w(end, "of") {
            if let Some(yy) = self.year_at(end + 1) {
                y = Some(yy);
                end += 2;
            } else if self.w(end + 1, "the") && self.w(end + 2, "year") {
                end += 3;
            } else if self.wi(end + 1, &["this", "last", "next"]) && self.w(end + 2, "year") {
                let shift = if self.w(end + 1, "last") {
                    -1
                } else if self.w(end + 1, "next") {
                    1
                } else {
                    0
                };
                if let Some(anc) = self.anchor {
                    y = Some(anc.year() + shift);
                }
                end += 3;
            } else if part == 'H' {
                // "the first half of the match"
                return None;
            }
        } else if let Some(yy) = self.year_at(end) {
            y = Some(yy);
            end += 1;
        } else if part == 'H' {
            return None;
        }
        // "the last quarter" alone is a relative expression handled elsewhere.
        if o.is("last") && y.is_none() {
            return None;
        }
        let mut h = self.emit_part(i, end, part, n, y)?;
        h.names_quarter &= !fiscal;
        Some(h)
    }

    /// A year before a quarter: "this year's", "last year's", "the 1988", "1988's".
    fn year_prefix(&self, i: usize) -> Option<(i32, usize, bool)> {
        let t = self.tok(i)?;
        let apos_s = |k: usize| (self.gp(k, '\'') || self.gp(k, '’')) && self.w(k + 1, "s");
        if let Some(shift) = match t.lowb() {
            b"this" => Some(0),
            b"last" => Some(-1),
            b"next" => Some(1),
            _ => None,
        } {
            if self.w(i + 1, "year") && apos_s(i + 2) {
                let anc = self.anchor?;
                return Some((anc.year() + shift, i + 4, true));
            }
            return None;
        }
        if t.is("the") {
            let y = self.year_at(i + 1)?;
            return Some((y, i + 2, false));
        }
        let y = self.year_at(i)?;
        if apos_s(i + 1) {
            return Some((y, i + 3, false));
        }
        None
    }

    /// "this year's third quarter", "the 1988 second quarter", "last year's quarter",
    /// "the 1988 period" (the quarter the text reports on, in that year).
    fn prefixed_quarter(&self, i: usize) -> Option<Hit> {
        let (y, mut j, relative) = self.year_prefix(i)?;
        if self.w(j, "fiscal") {
            j += 1;
        }
        let o = self.tok(j)?;
        let (q, end, named) = if let Some(n) = ordinal_word(o).filter(|n| (1..=4).contains(n)) {
            let k = if self.gp(j + 1, '-') { j + 2 } else { j + 1 };
            if !self.w(k, "quarter") {
                return None;
            }
            (n, k + 1, true)
        } else if o.is("quarter") || o.is("period") {
            // The quarter the text reports on: the last one named, else the one before the
            // anchor's.
            let q = match (self.last_quarter, self.anchor) {
                (Some((_, q)), _) => q,
                (None, Some(anc)) => {
                    let q = (anc.month() - 1) / 3;
                    if q == 0 {
                        4
                    } else {
                        q
                    }
                }
                (None, None) => return None,
            };
            (q, j + 1, false)
        } else {
            return None;
        };
        let mut h = Hit::date(i, end, format!("{y:04}-Q{q}")).anch(relative);
        h.names_quarter = named && !relative;
        Some(h)
    }

    /// "the quarter", "the latest quarter", "this quarter", "last quarter", "next quarter".
    fn bare_quarter(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (shift, k) = match t.lowb() {
            b"the" if self.w(i + 1, "quarter") => (-1, i + 1),
            b"the" if self.wi(i + 1, &["latest", "recent"]) && self.w(i + 2, "quarter") => {
                (-1, i + 2)
            }
            // Earnings reports: "the latest period" is the quarter reported on.
            b"the"
                if self.w(i + 1, "latest")
                    && self.w(i + 2, "period")
                    && self.quarter_context(i) =>
            {
                (-1, i + 2)
            }
            b"the" | b"this" if self.w(i + 1, "current") && self.w(i + 2, "quarter") => (0, i + 2),
            b"this" | b"current" if self.w(i + 1, "quarter") => (0, i + 1),
            _ => return None,
        };
        // "the quarter of a century", "the quarter-to-quarter comparison".
        if self.w(k + 1, "of") || self.w(k + 1, "century") || self.gp(k + 1, '-') {
            return None;
        }
        // "the quarter ended Sept. 30": the calendar quarter of that day.
        if self.wi(k + 1, &["ended", "ending"]) {
            if let Some((date, _, _)) = self.ymd_at(k + 2).filter(|(d, _, _)| d.d.is_some()) {
                let y = match (date.y, self.anchor) {
                    (Some(y), _) => Some(y),
                    (None, Some(anc)) => {
                        Some(self.guess_year(anc, date.m, date.d.unwrap_or(15), k + 2))
                    }
                    (None, None) => None,
                };
                if let Some(y) = y {
                    let mut h = Hit::date(i, k + 1, format!("{y:04}-Q{}", (date.m - 1) / 3 + 1));
                    h.names_quarter = true;
                    return Some(h);
                }
            }
        }
        // "the quarter" after "the third quarter" is that quarter.
        if let (Some((y, q)), -1) = (self.last_quarter, shift) {
            let mut h = Hit::date(i, k + 1, format!("{y:04}-Q{q}"));
            h.anchor = AnchorUse::Mention;
            return Some(h);
        }
        match self.anchor {
            Some(anc) => {
                let q = (anc.month() - 1) / 3;
                let (y, m) = add_months(anc.year(), q * 3 + 1, shift * 3);
                Some(Hit::date(i, k + 1, format!("{y:04}-Q{}", (m - 1) / 3 + 1)).anch(true))
            }
            None => Some(Hit::date(i, k + 1, "XXXX-QX".to_string())),
        }
    }

    fn emit_part(&self, a: usize, b: usize, part: char, n: u32, y: Option<i32>) -> Option<Hit> {
        let mut h = self.emit_part_value(a, b, part, n, y)?;
        h.names_quarter = part == 'Q' && !h.value.starts_with('X');
        Some(h)
    }

    fn emit_part_value(
        &self,
        a: usize,
        b: usize,
        part: char,
        n: u32,
        y: Option<i32>,
    ) -> Option<Hit> {
        match y {
            Some(y) => Some(Hit::date(a, b, format!("{y:04}-{part}{n}"))),
            None => match self.anchor {
                Some(anc) => {
                    let start_month = if part == 'Q' {
                        (n - 1) * 3 + 1
                    } else {
                        (n - 1) * 6 + 1
                    };
                    let y = if start_month > anc.month() {
                        anc.year() - 1
                    } else {
                        anc.year()
                    };
                    Some(Hit::date(a, b, format!("{y:04}-{part}{n}")).anch(true))
                }
                None => Some(Hit::date(a, b, format!("XXXX-{part}{n}"))),
            },
        }
    }

    // ----- weekdays -------------------------------------------------------------------

    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if let Some(w) = weekday(t) {
            return Some((w, i + 1));
        }
        let w = weekday_abbrev(t)?;
        if self.gp(i + 1, '.') {
            return Some((w, i + 2));
        }
        // "Tue 15 Nov": an abbreviation followed by a date.
        // ("Sun, a maker of workstations" is a company: after a comma a date must follow.)
        let dated = |k: usize| {
            self.tok(k)
                .is_some_and(|x| x.is_num() || month(x).is_some())
        };
        if (self.p(i + 1, ',') && dated(i + 2)) || self.tok(i + 1).is_some_and(Tok::is_num) {
            return Some((w, i + 1));
        }
        None
    }

    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (rel, j) = match t.lowb() {
            b"last" | b"past" => (Some(-1), i + 1),
            b"next" | b"coming" => (Some(1), i + 1),
            b"this" => (Some(0), i + 1),
            b"the" => return self.mention_weekday(i),
            _ => (None, i),
        };
        let (wd, mut k) = self.weekday_at(j)?;
        // "Tuesday, Nov. 15, 2022" / "Tuesday 09:55, 15 November 2022": the explicit date wins.
        if rel.is_none() {
            let mut c = k;
            let mut clock = None;
            if self.p(c, ',') {
                c += 1;
            }
            if let Some((hh, mm, e)) = self.clock_at(c, false) {
                clock = Some((hh, mm));
                c = e;
                if self.p(c, ',') {
                    c += 1;
                }
            }
            if let Some((date, e, range_end)) = self.ymd_at(c) {
                if date.d.is_some() {
                    let mut h = self.emit_ymd(i, e, date, range_end)?;
                    if let Some((hh, mm)) = clock {
                        h.value = format!("{}T{hh:02}:{mm:02}", h.value);
                        h.kind = TimexKind::Time;
                    } else {
                        h = self.day_clock(h, date.y.is_some() && range_end.is_none());
                    }
                    return Some(h);
                }
            }
            if let Some(h) = self.numeric_date(c) {
                return Some(Hit { a: i, ..h });
            }
        }
        let pod = self.tok(k).and_then(part_of_day);
        if pod.is_some() {
            k += 1;
        }
        let value = match self.anchor {
            Some(anc) => {
                let d = match rel {
                    Some(-1) => weekday_back(anc, wd, true),
                    Some(1) => weekday_forward(anc, wd, true),
                    // The sentence's tense decides; without a future cue, the most recent
                    // one on or before the anchor: news reports what happened (in TimeBank
                    // and AQUAINT about 95% of bare weekdays lie in the week before the DCT).
                    // "Wednesday's ruling" names a known event: in TimeBank and AQUAINT a
                    // possessive weekday is never after the DCT.
                    _ if (self.gp(k, '\'') || self.gp(k, '’')) && self.w(k + 1, "s") => {
                        weekday_back(anc, wd, false)
                    }
                    _ => match self.tense_opt(j) {
                        Some(Tense::Future) => weekday_forward(anc, wd, false),
                        Some(Tense::Past) | None => weekday_back(anc, wd, false),
                    },
                }?;
                day_value(d)
            }
            None => format!("XXXX-WXX-{}", wd + 1),
        };
        let mut h = Hit::date(i, k, value).anch(self.anchor.is_some()).deixis();
        if let Some(p) = pod {
            // "Friday night": the day with its part (TimeBank and AQUAINT type these DATE,
            // unlike "tonight" or "last night", which are TIME).
            h.value = format!("{}T{p}", h.value);
        }
        Some(h)
    }

    /// "the previous Friday", "the following Monday": the weekday before/after the last day
    /// mentioned (or the anchor).
    fn mention_weekday(&self, i: usize) -> Option<Hit> {
        let dir = match self.tok(i + 1)?.low() {
            "previous" | "preceding" => -1,
            "following" | "next" => 1,
            _ => return None,
        };
        let (wd, k) = self.weekday_at(i + 2)?;
        let (base, used) = match (self.last_day, self.anchor) {
            (Some(d), _) => (Some(d), AnchorUse::Mention),
            (None, Some(a)) => (Some(a), AnchorUse::Published),
            (None, None) => (None, AnchorUse::None),
        };
        let value = match base {
            Some(b) if dir < 0 => day_value(weekday_back(b, wd, true)?),
            Some(b) => day_value(weekday_forward(b, wd, true)?),
            None => format!("XXXX-WXX-{}", wd + 1),
        };
        let mut h = Hit::date(i, k, value);
        h.anchor = used;
        Some(h)
    }

    // ----- today, yesterday, tonight ... --------------------------------------------

    fn relative_day(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (off, mut k, mut pod): (i64, usize, Option<&str>) = match t.lowb() {
            b"today" => (0, i + 1, None),
            b"tonight" => (0, i + 1, Some("NI")),
            b"yesterday" => (-1, i + 1, None),
            b"tomorrow" => (1, i + 1, None),
            b"this" => {
                let p = self.tok(i + 1).and_then(part_of_day)?;
                (0, i + 2, Some(p))
            }
            b"last" if self.w(i + 1, "night") => (-1, i + 2, Some("NI")),
            // "mid-afternoon yesterday", "by mid afternoon": the middle of that part of the
            // day (of the anchor's day when no day is named).
            b"mid" => {
                let j = if self.gp(i + 1, '-') { i + 2 } else { i + 1 };
                let p = self.tok(j).and_then(part_of_day).filter(|p| *p != "NI")?;
                let (off, k) = match self.tok(j + 1).map_or(&b""[..], Tok::lowb) {
                    b"yesterday" => (-1, j + 2),
                    b"today" => (0, j + 2),
                    b"tomorrow" => (1, j + 2),
                    _ => (0, j + 1),
                };
                let value = match self.anchor {
                    Some(anc) => day_value(add_days(anc, off)?),
                    None => "XXXX-XX-XX".to_string(),
                };
                let h = Hit::new(i, k, TimexKind::Time, format!("{value}T{p}"))
                    .anch(self.anchor.is_some())
                    .deixis()
                    .m(Modifier::Mid);
                return Some(h);
            }
            b"the"
                if self.w(i + 1, "day")
                    && self.w(i + 2, "before")
                    && self.w(i + 3, "yesterday") =>
            {
                (-2, i + 4, None)
            }
            b"the"
                if self.w(i + 1, "day") && self.w(i + 2, "after") && self.w(i + 3, "tomorrow") =>
            {
                (2, i + 4, None)
            }
            _ => return self.mention_day(i),
        };
        if pod.is_none() {
            if let Some(p) = self.tok(k).and_then(part_of_day) {
                pod = Some(p);
                k += 1;
            }
        }
        let value = match self.anchor {
            Some(anc) => day_value(add_days(anc, off)?),
            None => {
                if off == 0 && pod.is_none() {
                    "PRESENT_REF".to_string()
                } else {
                    "XXXX-XX-XX".to_string()
                }
            }
        };
        let mut h = Hit::date(i, k, value).anch(self.anchor.is_some()).deixis();
        if let Some(p) = pod {
            if h.value == "PRESENT_REF" {
                h.value = "XXXX-XX-XX".to_string();
            }
            h.value = format!("{}T{p}", h.value);
            h.kind = TimexKind::Time;
        }
        Some(h)
    }

    /// "the day before last Tuesday's hearing", "the day after Christmas", "the day before
    /// 26 September": one day off the named day.
    fn day_off_named(&self, i: usize) -> Option<Hit> {
        if !(self.w(i, "the") && self.w(i + 1, "day") && self.wi(i + 2, &["before", "after"])) {
            return None;
        }
        let off = if self.w(i + 2, "before") { -1 } else { 1 };
        let h = self
            .weekday_expr(i + 3)
            .or_else(|| self.calendar_date(i + 3))
            .or_else(|| self.holiday(i + 3))?;
        let day = NaiveDate::parse_from_str(&h.value, "%Y-%m-%d").ok()?;
        if h.kind != TimexKind::Date || h.modifier.is_some() {
            return None;
        }
        Some(Hit {
            a: i,
            value: day_value(add_days(day, off)?),
            range: None,
            ..h
        })
    }

    /// "23" in "23-28 March 1951" (TimeML marks the two ends of a day range apart): the
    /// first day, in the month and year of the second.
    fn range_start_day(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !(t.is_num()
            && t.ndig() <= 2
            && self.standalone_num_start(i)
            && (self.gp(i + 1, '-') || self.gp(i + 1, '–'))
            && self.glued(i + 2))
        {
            return None;
        }
        let (d2, _) = self.day_at(i + 2)?;
        let end = self.calendar_date(i + 2)?;
        let d = t.num;
        if !(1..d2).contains(&d) || end.kind != TimexKind::Date || end.modifier.is_some() {
            return None;
        }
        let v = end.value.as_bytes();
        if v.len() != 10 || v[7] != b'-' {
            return None;
        }
        let value = format!("{}{d:02}", &end.value[..8]);
        if !value.starts_with('X') && NaiveDate::parse_from_str(&value, "%Y-%m-%d").is_err() {
            return None;
        }
        let mut h = Hit::date(i, i + 1, value);
        h.anchor = end.anchor;
        Some(h)
    }

    /// "17" in "1915-17", "08" in "2007-08": the second year of a year range written short.
    fn range_end_year(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !(i >= 2
            && t.is_num()
            && t.ndig() == 2
            && self.glued(i)
            && self.gp(i - 1, '-')
            && self.tok(i + 1).map_or(true, |n| !n.glued() || !n.is_word()))
        {
            return None;
        }
        let y = self.year_at(i - 2)?;
        let y2 = y - y % 100 + i32::try_from(t.num).ok()?;
        if !(y + 1..=y + 30).contains(&y2) {
            return None;
        }
        Some(Hit::date(i, i + 1, year_value(y2)))
    }

    /// "25" in "April 24 and 25" (or "May 4, 5 and 6"): a later day of the month of the day
    /// just written, which ends right before the "and"/"or"/",".
    fn conjoined_day(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let last = self.last_day?;
        if !(i >= 2
            && t.is_num()
            && t.ndig() <= 2
            && self.standalone_num(i)
            && (self.wi(i - 1, &["and", "or"]) || self.p(i - 1, ','))
            && self.t[i - 2].e == self.last_day_end
            && self.t[i - 2].is_num())
        {
            return None;
        }
        let d = t.num;
        if d <= last.day() {
            return None;
        }
        // "on May 4 and 5 were ...", "April 24 and 25.": not a count ("and 25 people").
        if let Some(n) = self.tok(i + 1) {
            let counted = n.is_word()
                && !is_function_word(n.lowb())
                && !matches!(n.lowb(), b"were" | b"was" | b"will" | b"when");
            if counted || n.p('%') || n.p('-') || n.p(':') {
                return None;
            }
        }
        let day = ymd(last.year(), last.month(), d)?;
        let mut h = Hit::date(i, i + 1, day_value(day));
        h.anchor = AnchorUse::Mention;
        Some(h)
    }

    /// "the previous day", "the next day", "the following day", "the day before", "that day",
    /// "the same day": relative to the last date mentioned (or the anchor).
    fn mention_day(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if let Some(h) = self.day_off_named(i) {
            return Some(h);
        }
        let (off, k) = if t.is("the") {
            match (self.tok(i + 1)?.low(), self.tok(i + 2).map_or("", Tok::low)) {
                ("previous" | "preceding", "day") => (-1, i + 3),
                ("next" | "following", "day") => (1, i + 3),
                ("next" | "following", "morning" | "afternoon" | "evening" | "night") => {
                    let base = self.last_day.or(self.anchor);
                    let p = self.tok(i + 2).and_then(part_of_day)?;
                    let value = match base {
                        Some(b) => format!("{}T{p}", day_value(add_days(b, 1)?)),
                        None => format!("XXXX-XX-XXT{p}"),
                    };
                    let mut h = Hit::new(i, i + 3, TimexKind::Time, value);
                    h.anchor = if self.last_day.is_some() {
                        AnchorUse::Mention
                    } else if self.anchor.is_some() {
                        AnchorUse::Published
                    } else {
                        AnchorUse::None
                    };
                    return Some(h);
                }
                ("same", "day") => (0, i + 3),
                ("day", "before")
                    if !self
                        .tok(i + 3)
                        .is_some_and(|x| x.is_word() && !x.is("yesterday"))
                        || self.p(i + 3, '.') =>
                {
                    (-1, i + 3)
                }
                ("day", "after") if !self.tok(i + 3).is_some_and(Tok::is_word) => (1, i + 3),
                // Market reports: "ended the day down 31 points".
                ("day", _)
                    if !self.glued(i + 2)
                        && self.prev_word(i).is_some_and(|p| {
                            matches!(
                                p.lowb(),
                                b"end"
                                    | b"ended"
                                    | b"ending"
                                    | b"finish"
                                    | b"finished"
                                    | b"close"
                                    | b"closed"
                            )
                        }) =>
                {
                    (0, i + 2)
                }
                _ => return None,
            }
        } else if t.is("that") && self.w(i + 1, "day") {
            (0, i + 2)
        } else if let Some(p) = self
            .tok(i + 1)
            .filter(|_| t.is("that"))
            .and_then(part_of_day)
        {
            // "that afternoon", "that night": a part of the last day mentioned (WikiWars types
            // them DATE, like "Friday morning").
            let (value, used) = match (self.last_day, self.anchor) {
                (Some(d), _) => (day_value(d), AnchorUse::Mention),
                (None, Some(a)) => (day_value(a), AnchorUse::Published),
                (None, None) => ("XXXX-XX-XX".to_string(), AnchorUse::None),
            };
            let mut h = Hit::date(i, i + 2, format!("{value}T{p}"));
            h.anchor = used;
            return Some(h);
        } else {
            return None;
        };
        let (base, anchor_use) = match (self.last_day, self.anchor) {
            (Some(d), _) => (Some(d), AnchorUse::Mention),
            (None, Some(a)) => (Some(a), AnchorUse::Published),
            (None, None) => (None, AnchorUse::None),
        };
        let value = match base {
            Some(b) => day_value(add_days(b, off)?),
            None => "XXXX-XX-XX".to_string(),
        };
        let mut h = Hit::date(i, k, value);
        h.anchor = anchor_use;
        Some(h)
    }

    // ----- this/last/next week|month|year ... -----------------------------------------

    /// The value of the calendar unit containing `anc` shifted by `shift` units.
    fn unit_value(anc: NaiveDate, u: Unit, shift: i64) -> Option<String> {
        Some(match u {
            Unit::Day => day_value(add_days(anc, shift)?),
            Unit::Week => week_value(add_days(anc, shift * 7)?),
            Unit::Weekend => format!("{}-WE", week_value(add_days(anc, shift * 7)?)),
            Unit::Fortnight => week_value(add_days(anc, shift * 14)?),
            Unit::Month => {
                let (y, m) = add_months(anc.year(), anc.month(), shift);
                format!("{y:04}-{m:02}")
            }
            Unit::Quarter => {
                let q = i64::from((anc.month() - 1) / 3) + shift;
                let y = i64::from(anc.year()) + q.div_euclid(4);
                format!("{y:04}-Q{}", q.rem_euclid(4) + 1)
            }
            Unit::Year => format!("{:04}", i64::from(anc.year()) + shift),
            Unit::Decade => format!("{:03}", i64::from(anc.year()) / 10 + shift),
            Unit::Century => format!("{:02}", i64::from(anc.year()) / 100 + shift),
            Unit::Millennium => format!("{}", i64::from(anc.year()) / 1000 + shift),
            Unit::Hour | Unit::Minute | Unit::Second => return None,
        })
    }

    fn unknown_unit_value(u: Unit) -> &'static str {
        match u {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week | Unit::Fortnight => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century | Unit::Millennium => "XX",
            Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XXTXX:XX",
        }
    }

    fn relative_unit(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (shift, j): (i64, usize) = match t.lowb() {
            b"this" | b"current" => (0, i + 1),
            b"last" | b"past" | b"previous" => (-1, i + 1),
            b"next" | b"coming" => (1, i + 1),
            b"that" | b"same" => {
                let (u, plural) = self.tok(i + 1).and_then(unit)?;
                if plural || u.is_time() || u == Unit::Weekend {
                    return None;
                }
                return self.mention_unit(i, i + 2, u, 0);
            }
            b"the" => {
                // "the past week" etc. are durations (see `counted`); "the current year" is a date.
                if let Some(h) = self.the_year(i) {
                    return Some(h);
                }
                if self.w(i + 1, "current") {
                    (0, i + 2)
                } else if self.w(i + 1, "weekend") {
                    return self.the_weekend(i);
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        if t.is("past") && !self.w(j, "weekend") {
            return None;
        }
        let mut k = j;
        // "this past weekend", "this coming year"
        let mut shift = shift;
        if t.is("this") && self.wi(k, &["past", "coming"]) {
            shift = if self.w(k, "past") { -1 } else { 1 };
            k += 1;
        }
        let u = self.tok(k)?;
        if let Some(s) = season(u) {
            return self.season_value(i, k + 1, s, shift);
        }
        // "last February", "next April", "this June"
        if let Some(m) = month(u) {
            // "last Oct. 23": the most recent Oct. 23 before the anchor (next: the first after).
            if let Some((d, e)) = self
                .month_at(k)
                .and_then(|(_, mj)| self.day_at(mj))
                .filter(|_| shift != 0)
            {
                let value = match self.anchor {
                    Some(anc) => {
                        let mut date = None;
                        for y in [anc.year() - 1, anc.year(), anc.year() + 1] {
                            let Some(c) = ymd(y, m, d) else { continue };
                            let fits = if shift < 0 { c < anc } else { c > anc };
                            let better =
                                date.map_or(
                                    true,
                                    |best| {
                                        if shift < 0 {
                                            c > best
                                        } else {
                                            c < best
                                        }
                                    },
                                );
                            if fits && better {
                                date = Some(c);
                            }
                        }
                        day_value(date?)
                    }
                    // "next February 31": impossible in every year, consumed, never emitted.
                    None if ymd(2000, m, d).is_none() => return Some(Hit::rejected(i, e)),
                    None => format!("XXXX-{m:02}-{d:02}"),
                };
                return Some(Hit::date(i, e, value).anch(self.anchor.is_some()));
            }
            let Some(anc) = self.anchor else {
                return Some(Hit::date(i, k + 1, format!("XXXX-{m:02}")));
            };
            let am = anc.month();
            let y = match shift {
                -1 if m < am => anc.year(),
                -1 => anc.year() - 1,
                1 if m > am => anc.year(),
                1 => anc.year() + 1,
                _ => anc.year(),
            };
            return Some(Hit::date(i, k + 1, format!("{y:04}-{m:02}")).anch(true));
        }
        if self.title_case(u) {
            return None;
        }
        let (u, plural) = unit(u)?;
        if plural || u.is_time() {
            return None;
        }
        // "last year's", fine; "last day of" is not a relative unit.
        if u == Unit::Day {
            return None;
        }
        // Quarterly results: "earnings of $24 million, compared with a loss of $3 million last
        // year", "a 13% increase from last year's $1.55 billion" compare the quarter just
        // named with the same quarter a year before.
        if u == Unit::Year && shift == -1 && k == i + 1 && self.compares_amount(i, k + 1) {
            if let Some((ly, lq)) = self
                .last_quarter
                .filter(|_| self.quarter_context(i) && !self.longer_period_sentence(i))
            {
                let mut h = Hit::date(i, k + 1, format!("{:04}-Q{lq}", ly - 1));
                h.anchor = AnchorUse::Mention;
                return Some(h);
            }
        }
        let value = match self.anchor {
            Some(anc) => Self::unit_value(anc, u, shift)?,
            None => Self::unknown_unit_value(u).to_string(),
        };
        Some(
            Hit::date(i, k + 1, value)
                .anch(self.anchor.is_some())
                .deixis(),
        )
    }

    /// True when the expression `a..b` qualifies an amount: "$3 million last year", "from
    /// last year's $1.55 billion", "last year's results".
    fn compares_amount(&self, a: usize, b: usize) -> bool {
        let before = a.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| {
            p.is_num()
                || matches!(
                    p.lowb(),
                    b"million" | b"billion" | b"trillion" | b"cents" | b"cent" | b"share" | b"%"
                )
        });
        let after = (self.gp(b, '\'') || self.gp(b, '’'))
            && self.w(b + 1, "s")
            && self.tok(b + 2).is_some_and(|x| {
                x.p('$')
                    || x.is_num()
                    || matches!(
                        x.lowb(),
                        b"results" | b"earnings" | b"profit" | b"net" | b"sales" | b"revenue"
                    )
            });
        before || after
    }

    /// "the year", "the full year", "the current fiscal year": the year the text reports on
    /// (the anchor's, or in a narrative the last explicit year); "the year ended June 30" is
    /// a one-year period (DURATION P1Y).
    fn the_year(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        while self.wi(j, &["current", "full", "fiscal", "calendar"]) {
            j += 1;
        }
        if !self.w(j, "year") {
            return None;
        }
        let k = j + 1;
        // "the year-ago quarter", "the year 2000", "the year before", "the year's end".
        if self
            .tok(k)
            .is_some_and(|n| n.glued() && !n.p(',') && !n.p('.'))
            || self.tok(k).is_some_and(Tok::is_num)
            || self.tok(k).and_then(number_word).is_some()
            || self.tok(k).is_some_and(|n| {
                // "the Year III" (the French republican calendar)
                n.is_word()
                    && n.cap
                    && self
                        .text
                        .get(n.s..n.e)
                        .is_some_and(|w| w.bytes().all(|c| b"IVXLC".contains(&c)))
            })
            || self.wi(
                k,
                &[
                    "of", "before", "after", "earlier", "later", "ago", "previous", "prior",
                ],
            )
        {
            return None;
        }
        if self.wi(k, &["ended", "ending", "to", "through"]) {
            return Some(Hit::new(i, k, TimexKind::Duration, "P1Y".to_string()));
        }
        if self.narrative {
            if let Some((y, _)) = self.last_year {
                let mut h = Hit::date(i, k, year_value(y));
                h.anchor = AnchorUse::Mention;
                return Some(h);
            }
        }
        Some(match self.anchor {
            Some(anc) => Hit::date(i, k, format!("{:04}", anc.year())).anch(true),
            None => Hit::date(i, k, "XXXX".to_string()),
        })
    }

    fn the_weekend(&self, i: usize) -> Option<Hit> {
        let value = match self.anchor {
            Some(anc) => {
                let tense = self.tense(i);
                let wd = anc.weekday().num_days_from_monday();
                let shift = if wd >= 5 || tense == Tense::Future {
                    0
                } else {
                    -1
                };
                Self::unit_value(anc, Unit::Weekend, shift)?
            }
            None => "XXXX-WXX-WE".to_string(),
        };
        Some(Hit::date(i, i + 2, value).anch(self.anchor.is_some()))
    }

    // ----- counted: durations, "two days ago", "the past three years" --------------------

    fn counted(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // "weeklong"
        if let Some(u) = long_adjective(t) {
            return Some(Hit::new(
                i,
                i + 1,
                TimexKind::Duration,
                dur_value(Some(1.0), u),
            ));
        }
        let mut j = i;
        let mut the = false;
        let mut dir: i64 = 0; // -1 past, +1 future for "the past/next ..."
        if t.is("the") {
            the = true;
            j += 1;
        }
        if self.wi(
            j,
            &[
                "past",
                "last",
                "previous",
                "preceding",
                "latest",
                "first",
                "next",
                "coming",
                "following",
                "final",
                "initial",
                "remaining",
            ],
        ) {
            let w = self.tok(j)?;
            dir = if w.is("next") || w.is("coming") || w.is("following") {
                1
            } else {
                -1
            };
            j += 1;
        }
        // "recent weeks"/"recent years" -> PAST_REF
        if self.w(j, "recent") && !the && dir == 0 {
            let (u, plural) = self.tok(j + 1).and_then(unit)?;
            if plural && !u.is_time() {
                return Some(Hit::date(i, j + 2, "PAST_REF".to_string()));
            }
            return None;
        }
        let (count, mut k, approx) = match self.count_at(j) {
            Some(c) => c,
            None => {
                // "the past year", "the next few days" ("few" counted above), "the coming weeks",
                // "in coming months"
                let coming = !the && dir > 0 && self.w(i, "coming");
                if coming {
                    let (u, plural) = self.tok(j).and_then(unit)?;
                    if !plural || u == Unit::Weekend {
                        return None;
                    }
                    return Some(Hit::new(i, j + 1, TimexKind::Duration, dur_value(None, u)));
                }
                if dir != 0 && the {
                    let (u, plural) = self.tok(j).and_then(unit)?;
                    if u == Unit::Weekend {
                        return None;
                    }
                    if self
                        .tok(i + 1)
                        .is_some_and(|w| w.is("first") || w.is("final") || w.is("initial"))
                        && !plural
                    {
                        return None;
                    }
                    let c = if plural { None } else { Some(1.0) };
                    if !plural
                        && self.tok(i + 1).is_some_and(|w| {
                            w.is("following")
                                || w.is("previous")
                                || w.is("preceding")
                                || w.is("next")
                        })
                    {
                        // "the next decade" after a date that is itself ahead of the anchor
                        // ("the next decade" said twice) is counted from the anchor.
                        let ahead =
                            matches!((self.last_date, self.anchor), (Some(d), Some(a)) if d > a);
                        if self.w(i + 1, "next") && ahead && u != Unit::Day && u != Unit::Week {
                            let anc = self.anchor?;
                            let h = Hit::date(i, j + 1, Self::unit_value(anc, u, 1)?);
                            return Some(h.anch(true));
                        }
                        return self.mention_unit(i, j + 1, u, if dir > 0 { 1 } else { -1 });
                    }
                    // "the past year", "the last quarter": TimeBank and MEANTIME annotate the
                    // previous calendar unit (a DATE), like "last year".
                    if !plural
                        && self
                            .tok(i + 1)
                            .is_some_and(|w| w.is("past") || w.is("last"))
                        && matches!(
                            u,
                            Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade
                        )
                        && !self.w(j + 1, "of")
                    {
                        let value = match self.anchor {
                            Some(anc) => Self::unit_value(anc, u, -1)?,
                            None => Self::unknown_unit_value(u).to_string(),
                        };
                        return Some(
                            Hit::date(i, j + 1, value)
                                .anch(self.anchor.is_some())
                                .deixis(),
                        );
                    }
                    return Some(Hit::new(i, j + 1, TimexKind::Duration, dur_value(c, u)));
                }
                // "for years", "for decades"
                if !the
                    && dir == 0
                    && self.prev_word(i).is_some_and(|p| {
                        p.is("for") || p.is("over") || p.is("within") || p.is("in")
                    })
                {
                    let (u, plural) = unit(t)?;
                    if plural && !matches!(u, Unit::Second | Unit::Weekend) {
                        return Some(Hit::new(i, i + 1, TimexKind::Duration, dur_value(None, u)));
                    }
                }
                // "decades-long"
                if let Some((u, true)) = unit(t) {
                    if self.gp(i + 1, '-') && self.w(i + 2, "long") && self.glued(i + 2) {
                        return Some(Hit::new(i, i + 3, TimexKind::Duration, dur_value(None, u)));
                    }
                }
                return None;
            }
        };
        // "one day" with a future/past sense is still a duration in TimeML.
        // Optional "more", "additional", "straight", "consecutive", "full", "trading".
        while self.wi(
            k,
            &[
                "more",
                "additional",
                "straight",
                "consecutive",
                "full",
                "trading",
                "business",
                "calendar",
                "working",
                "whole",
                "long",
                "extra",
            ],
        ) {
            k += 1;
        }
        // Glued adjective "four-year", "30-day", "24-hour".
        let hyph = self.gp(k, '-') && self.glued(k + 1);
        if hyph {
            k += 1;
        }
        let (u, plural) = self.tok(k).and_then(unit)?;
        // "60 Minutes", ABC's "This Week": a capitalized unit in running text is a title.
        if self.tok(k).is_some_and(|t| self.title_case(t)) {
            return None;
        }
        if u == Unit::Weekend && count != Some(1.0) && count.is_some() {
            // "two weekends": fine as a duration of weekends? keep it simple: skip.
            return None;
        }
        // "a day" after "once/twice/times/$5" is a set.
        if count == Some(1.0)
            && !hyph
            && !the
            && !self.wi(k + 1, &["ago", "earlier", "later", "before", "after"])
        {
            if let Some(p) = self.prev_word(i) {
                // "twice a day", "$5 a day", "$2 million a year": rates, not durations.
                if p.is("once")
                    || p.is("twice")
                    || p.is("times")
                    || p.is_num()
                    || p.p('$')
                    || p.p('%')
                    || matches!(
                        p.lowb(),
                        b"million" | b"billion" | b"trillion" | b"thousand" | b"percent"
                    )
                {
                    return None;
                }
            }
            if t.is("one")
                && (u == Unit::Day)
                && !self.wi(k + 1, &["ago", "earlier", "later", "before", "after"])
            {
                // "one day" often means "some day"; still a TimeML duration.
            }
        }
        let mut end = k + 1;
        // "52 years old" is an age.
        if !hyph && self.w(end, "old") {
            return None;
        }
        if hyph {
            // "40-year-old" is an age, not a time; "four-year-long" ok.
            if self.gp(end, '-') && self.w(end + 1, "old") {
                return None;
            }
            if self.gp(end, '-') && self.w(end + 1, "long") {
                end += 2;
            }
        }
        // "a year and a half"
        let mut count = count;
        if self.w(end, "and") && self.w(end + 1, "a") && self.w(end + 2, "half") {
            count = count.map(|c| c + 0.5);
            end += 3;
        }
        // "a week or so"
        let mut modifier = if approx { Some(Modifier::Approx) } else { None };
        if self.w(end, "or") && self.w(end + 1, "so") {
            end += 2;
            modifier = Some(Modifier::Approx);
        }
        // Numbers need a plural unit unless hyphenated or 1/a/an ("85 missile strikes" never get here).
        if hyph && plural {
            // "three-quarters", "two-thirds"
            return None;
        }
        if let Some(c) = count {
            if c > 1.0 && !plural && !hyph && !self.tok(j).is_some_and(|x| x.is_word()) {
                return None;
            }
            if c <= 1.0 && plural && !hyph && self.tok(j).is_some_and(|x| !x.is_num()) {
                return None;
            }
        }
        // ago / earlier / later / from now
        let after = self.tok(end).map_or("", Tok::low);
        let rel: Option<(i64, bool)> = match after {
            "ago" => Some((-1, false)),
            "earlier" | "before"
                if !self
                    .tok(end + 1)
                    .is_some_and(|x| x.is_word() && x.is("the"))
                    && after == "earlier" =>
            {
                Some((-1, true))
            }
            "later" => Some((1, true)),
            "hence" => Some((1, false)),
            "from" if self.w(end + 1, "now") => Some((1, false)),
            _ => None,
        };
        if let Some((sign, mention)) = rel {
            if the || dir != 0 {
                return None;
            }
            let end2 = if after == "from" { end + 2 } else { end + 1 };
            let mut h = self.shifted(i, end2, u, count, sign, mention)?;
            h.modifier = modifier;
            return Some(h);
        }
        // "the 30-day period": an adjective; the determiner belongs to the noun.
        let a = if the && dir == 0 && hyph { i + 1 } else { i };
        let mut h = Hit::new(a, end, TimexKind::Duration, dur_value(count, u));
        h.modifier = modifier;
        // "in three weeks" with a future verb: a date.
        if !the
            && dir == 0
            && self.prev_word(i).is_some_and(|p| p.is("in"))
            && !self.wi(end, &["that", "which", "when", "of", "in", "to"])
            && self.tense(i) == Tense::Future
        {
            if let (Some(anc), Some(c)) = (self.anchor, count) {
                if c.fract() == 0.0 && !u.is_time() {
                    if let Some(v) = self.shift_value(anc, u, c as i64) {
                        h.kind = TimexKind::Date;
                        h.value = v;
                        h.anchor = AnchorUse::Published;
                    }
                }
            }
        }
        Some(h)
    }

    /// "the following year", "the previous week": one unit before/after the last mention.
    fn mention_unit(&self, a: usize, b: usize, u: Unit, shift: i64) -> Option<Hit> {
        if u.is_time() {
            return None;
        }
        if let (Unit::Quarter, Some((y, q))) = (u, self.last_quarter) {
            let start = ymd(y, (q - 1) * 3 + 1, 1)?;
            let mut h = Hit::date(a, b, Self::unit_value(start, u, shift)?);
            h.anchor = AnchorUse::Mention;
            return Some(h);
        }
        let last = if u == Unit::Day || u == Unit::Week {
            self.last_day
        } else {
            self.last_date
        };
        let (base, used) = match (last, self.anchor) {
            (Some(d), _) => (Some(d), AnchorUse::Mention),
            (None, Some(d)) => (Some(d), AnchorUse::Published),
            _ => (None, AnchorUse::None),
        };
        let value = match base {
            Some(d) => Self::unit_value(d, u, shift)?,
            None => Self::unknown_unit_value(u).to_string(),
        };
        let mut h = Hit::date(a, b, value);
        h.anchor = used;
        Some(h)
    }

    /// The value of `anc` shifted by `n` units, at the unit's granularity.
    fn shift_value(&self, anc: NaiveDate, u: Unit, n: i64) -> Option<String> {
        Some(match u {
            Unit::Day => day_value(add_days(anc, n)?),
            Unit::Week | Unit::Fortnight | Unit::Weekend => {
                let k = if u == Unit::Fortnight { 14 } else { 7 };
                week_value(add_days(anc, n * k)?)
            }
            Unit::Month => {
                let (y, m) = add_months(anc.year(), anc.month(), n);
                format!("{y:04}-{m:02}")
            }
            Unit::Quarter => Self::unit_value(anc, Unit::Quarter, n)?,
            Unit::Year => format!("{:04}", i64::from(anc.year()) + n),
            Unit::Decade => format!("{:04}", i64::from(anc.year()) + 10 * n),
            Unit::Century => format!("{:04}", i64::from(anc.year()) + 100 * n),
            Unit::Millennium => format!("{:04}", i64::from(anc.year()) + 1000 * n),
            Unit::Hour | Unit::Minute | Unit::Second => return None,
        })
    }

    /// True when "quarter" occurs in the 1,500 bytes before token `i` (quarterly-results news).
    fn quarter_context(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let lo = t.s.saturating_sub(1500);
        self.text.as_bytes()[lo..t.s]
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"quarter"))
    }

    /// True when the last single-day date ended in the same sentence, at most 200 bytes
    /// before token `i`.
    fn day_in_sentence(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let b = self.text.as_bytes();
        let from = self.last_day_end;
        if self.last_day.is_none() || from > t.s || t.s - from > 200 {
            return false;
        }
        !(from..t.s).any(|k| is_sentence_end(b, k))
    }

    /// The last day mentioned lies within a few hundred bytes before token `i` and is not
    /// the anchor's day: a bare time that follows it ("launched Wednesday ... The liftoff at
    /// 6:52 p.m. was smooth") is on that day.
    fn recent_day(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        self.last_day.is_some_and(|d| Some(d) != self.anchor)
            && self.last_day_end <= t.s
            && t.s - self.last_day_end <= RECENT_DAY_REACH
    }

    /// The bytes of the sentence before token `i`, at most 300 bytes back.
    fn sentence_before(&self, i: usize) -> Option<&[u8]> {
        let t = self.tok(i)?;
        let b = self.text.as_bytes();
        let floor = t.s.saturating_sub(300);
        let mut lo = t.s;
        while lo > floor && !is_sentence_end(b, lo - 1) {
            lo -= 1;
        }
        b.get(lo..t.s)
    }

    /// True when the sentence before token `i` (at most 300 bytes back) contains one of
    /// `words` (ASCII case-insensitive, as whole words).
    fn sentence_prefix_has(&self, i: usize, words: &[&[u8]]) -> bool {
        let Some(s) = self.sentence_before(i) else {
            return false;
        };
        words.iter().any(|w| {
            s.windows(w.len()).enumerate().any(|(k, x)| {
                x.eq_ignore_ascii_case(w)
                    && (k == 0 || !s[k - 1].is_ascii_alphabetic())
                    && s.get(k + w.len())
                        .map_or(true, |c| !c.is_ascii_alphabetic())
            })
        })
    }

    /// True when the sentence before token `i` reports on a period longer than a quarter
    /// ("For the nine months, ... compared with year-earlier net income", "in the latest
    /// nine months, compared with 40% a year earlier") and names no quarter: a comparison
    /// "a year earlier" there is with the year before, not with the year-ago quarter.
    fn longer_period_sentence(&self, i: usize) -> bool {
        let Some(s) = self.sentence_before(i) else {
            return false;
        };
        let has = |w: &[u8]| s.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        (has(b"nine months") || has(b"six months") || has(b"first half") || has(b"full year"))
            && !has(b"quarter")
    }

    /// "the night of 20 June 1791", "the morning of April 19", "early in the morning of 29
    /// April 1975", "the early morning hours of 30 April": the part of that day (TimeML:
    /// the day's value with TMO/TAF/TEV/TNI).
    fn part_of_date(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.wi(j, &["early", "late"]) && self.w(j + 1, "in") {
            j += 2;
        }
        if !self.w(j, "the") {
            return None;
        }
        j += 1;
        // "the last week of March", "the first week of May 2009": the ISO week holding the
        // middle of those seven days.
        if j == i + 1 && self.w(j + 1, "week") && self.w(j + 2, "of") {
            let nth = match self.tok(j)?.lowb() {
                b"first" => Some(1),
                b"second" => Some(2),
                b"third" => Some(3),
                b"fourth" => Some(4),
                b"last" | b"final" => None,
                _ => return None,
            };
            let h = self.calendar_date(j + 3)?;
            let v = h.value.as_bytes();
            if h.kind != TimexKind::Date || h.modifier.is_some() || v.len() != 7 {
                return None;
            }
            let first = NaiveDate::parse_from_str(&format!("{}-01", h.value), "%Y-%m-%d").ok()?;
            let mid = match nth {
                Some(n) => add_days(first, 3 + 7 * (n - 1))?,
                None => {
                    let (y, m) = add_months(first.year(), first.month(), 1);
                    add_days(ymd(y, m, 1)?, -4)?
                }
            };
            return Some(week_hit(i, mid, h));
        }
        // "the week of March 6": the ISO week holding that day.
        if j == i + 1 && self.w(j, "week") && self.w(j + 1, "of") {
            let h = self.calendar_date(j + 2)?;
            let day = NaiveDate::parse_from_str(&h.value, "%Y-%m-%d").ok()?;
            if h.kind != TimexKind::Date || h.modifier.is_some() || h.range.is_some() {
                return None;
            }
            return Some(week_hit(i, day, h));
        }
        if self.wi(j, &["early", "late"]) {
            j += 1;
        }
        let p = part_of_day(self.tok(j)?)?;
        j += 1;
        if self.w(j, "hours") {
            j += 1;
        }
        if !self.w(j, "of") {
            return None;
        }
        let h = self
            .calendar_date(j + 1)
            .or_else(|| self.ordinal_day(j + 1))?;
        let day = h.value.as_bytes();
        if h.kind != TimexKind::Date
            || h.modifier.is_some()
            || h.range.is_some()
            || day.len() != 10
            || !day[..4].iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        Some(Hit {
            a: i,
            value: format!("{}T{p}", h.value),
            ..h
        })
    }

    /// "the weeks ahead" (DURATION PXW), "over the years" (the years: PXY): vague spans the
    /// TimeML gold marks.
    fn vague_span(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.is("the") {
            return None;
        }
        let (u, plural) = self.tok(i + 1).and_then(unit)?;
        if !plural || u.is_time() || u == Unit::Weekend {
            return None;
        }
        let ahead = self.w(i + 2, "ahead");
        let over = u == Unit::Year
            && self
                .prev_word(i)
                .is_some_and(|p| p.is("over") || p.is("through"))
            && !self.tok(i + 2).is_some_and(Tok::is_num);
        if !(ahead || over) {
            return None;
        }
        let end = if ahead { i + 3 } else { i + 2 };
        Some(Hit::new(i, end, TimexKind::Duration, dur_value(None, u)))
    }

    /// "the same period last year", "the same month a year ago", "the corresponding period of
    /// the previous year": the period just reported on (the quarter named in quarterly
    /// results, else the month of the last date mentioned), one year earlier.
    fn same_period(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.w(j, "the") {
            j += 1;
        }
        if !self.wi(j, &["same", "corresponding", "comparable"]) {
            return None;
        }
        let u = match self.tok(j + 1)?.lowb() {
            b"period" => None,
            b"month" => Some(Unit::Month),
            b"quarter" => Some(Unit::Quarter),
            _ => return None,
        };
        let mut k = j + 2;
        if self.w(k, "of") {
            k += 1;
        }
        if self.w(k, "the") && self.wi(k + 1, &["last", "previous", "prior"]) {
            k += 1;
        }
        k = if self.wi(k, &["last", "previous", "prior"]) && self.w(k + 1, "year") {
            k + 2
        } else if self.w(k, "a")
            && self.w(k + 1, "year")
            && self.wi(k + 2, &["ago", "earlier", "before"])
        {
            k + 3
        } else {
            return None;
        };
        let quarterly = u == Some(Unit::Quarter) || (u.is_none() && self.quarter_context(i));
        let value = match (quarterly, self.last_quarter, self.last_date) {
            (true, Some((y, q)), _) => format!("{:04}-Q{q}", y - 1),
            (false, _, Some(d)) => format!("{:04}-{:02}", d.year() - 1, d.month()),
            _ => return None,
        };
        let mut h = Hit::date(i, k, value);
        h.anchor = AnchorUse::Mention;
        Some(h)
    }

    /// "the year-ago quarter", "the year-earlier period", "year-earlier" (adjective).
    fn year_ago(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.w(j, "the") {
            j += 1;
        }
        if self.w(j, "comparable") {
            j += 1;
        }
        if !(self.w(j, "year")
            && self.gp(j + 1, '-')
            && self.wi(j + 2, &["ago", "earlier"])
            && self.glued(j + 2))
        {
            return None;
        }
        let mut k = j + 3;
        let anc = self.anchor;
        let ordinal = self.tok(k).and_then(ordinal_word);
        if ordinal.is_some() || self.w(k, "fourth") {
            k += 1;
        }
        let quarterly = self.wi(k, &["quarter", "period"]);
        if quarterly {
            k += 1;
        } else if j > i {
            return None;
        }
        let value = match anc {
            Some(anc)
                if quarterly || (self.quarter_context(i) && !self.longer_period_sentence(i)) =>
            {
                match (ordinal, self.last_quarter) {
                    (Some(n), _) if (1..=4).contains(&n) => format!("{:04}-Q{n}", anc.year() - 1),
                    (_, Some((ly, lq))) => format!("{:04}-Q{lq}", ly - 1),
                    _ => {
                        let q = i64::from((anc.month() - 1) / 3) - 1 - 4;
                        let y = i64::from(anc.year()) + q.div_euclid(4);
                        format!("{y:04}-Q{}", q.rem_euclid(4) + 1)
                    }
                }
            }
            Some(anc) => format!("{:04}", anc.year() - 1),
            None => "XXXX".to_string(),
        };
        Some(Hit::date(i, k, value).anch(anc.is_some()))
    }

    /// "two days ago", "a year earlier", "three weeks later".
    fn shifted(
        &self,
        a: usize,
        b: usize,
        u: Unit,
        count: Option<f64>,
        sign: i64,
        mention: bool,
    ) -> Option<Hit> {
        let (base, used) = match (mention, self.last_day, self.anchor) {
            (true, Some(d), _) => (Some(d), AnchorUse::Mention),
            (_, _, Some(d)) => (Some(d), AnchorUse::Published),
            _ => (None, AnchorUse::None),
        };
        let unknown = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        // Financial news: "up from $10 million a year ago" compares with the year-ago quarter.
        if u == Unit::Year
            && count == Some(1.0)
            && sign < 0
            && self.quarter_context(a)
            && !self.longer_period_sentence(a)
        {
            if let Some((ly, lq)) = self.last_quarter {
                let mut h = Hit::date(a, b, format!("{:04}-Q{lq}", ly - 1));
                h.anchor = AnchorUse::Mention;
                return Some(h);
            }
            if let Some(anc) = self.anchor {
                let q = i64::from((anc.month() - 1) / 3) - 1 - 4;
                let y = i64::from(anc.year()) + q.div_euclid(4);
                let mut h = Hit::date(a, b, format!("{y:04}-Q{}", q.rem_euclid(4) + 1));
                h.anchor = AnchorUse::Published;
                return Some(h);
            }
        }
        let value = match (base, count) {
            (Some(d), Some(c)) if c.fract() == 0.0 && !u.is_time() => self
                .shift_value(d, u, sign * (c as i64))
                .unwrap_or_else(|| unknown.to_string()),
            (Some(d), Some(c)) if u.is_time() && c.fract() == 0.0 => {
                // "two hours ago": the day, with the time unknown.
                let _ = c;
                day_value(d)
            }
            _ => unknown.to_string(),
        };
        let mut h = Hit::date(a, b, value);
        h.anchor = if h.value.ends_with("_REF") {
            AnchorUse::None
        } else {
            used
        };
        Some(h)
    }

    // ----- times ----------------------------------------------------------------------

    /// "at 4 in the morning", "until 9 in the evening": the hour (24-hour clock) of the
    /// number at `i`, after a preposition of time.
    fn hour_in_part_of_day(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if !(self.prev_word(i).is_some_and(|p| {
            [
                "at", "by", "until", "till", "before", "after", "around", "about",
            ]
            .iter()
            .any(|w| p.is(w))
        }) && self.w(i + 1, "in")
            && self.w(i + 2, "the"))
        {
            return None;
        }
        let pm = match self.tok(i + 3)?.lowb() {
            b"morning" => false,
            b"afternoon" | b"evening" => true,
            b"night" if t.num >= 6 => true,
            _ => return None,
        };
        Some(match (pm, t.num) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        })
    }

    /// "5 p.m.", "5:30 pm", "09:55", "10 a.m. KST", "noon", "midnight"; an attached day
    /// ("9 a.m. Tuesday", "10 p.m. yesterday") makes it a full time value.
    fn time_expr(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (hh, mm, mut k) = if t.is("noon") || t.is("midday") {
            // "high noon": a showdown, not a time of day.
            if self.prev_word(i).is_some_and(|p| p.is("high")) {
                return None;
            }
            (12, 0, i + 1)
        } else if t.is("midnight") {
            (0, 0, i + 1)
        } else if t.is_num() && self.standalone_num_start(i) {
            if let Some((h, m, e)) = self.clock_at(i, false) {
                let (h, e2) = self.ampm(e, h)?;
                (h, m, e2)
            } else if let Some((h, m, e)) = self.dotted_clock(i) {
                (h, m, e)
            } else if t.ndig() <= 2 && (1..=12).contains(&t.num) {
                let (h, e) = self.ampm(i + 1, t.num)?;
                if e == i + 1 {
                    // "5 o'clock"
                    if self.w(i + 1, "o")
                        && (self.gp(i + 2, '\'') || self.gp(i + 2, '’'))
                        && self.w(i + 3, "clock")
                    {
                        (t.num, 0, i + 4)
                    } else if let Some(h) = self.hour_in_part_of_day(i) {
                        // "at 4 in the morning"
                        (h, 0, i + 4)
                    } else {
                        return None;
                    }
                } else {
                    (h, 0, e)
                }
            } else {
                return None;
            }
        } else {
            return None;
        };
        let zone_i = k;
        let (_, after_zone) = self.zone_at(k, "");
        k = after_zone;
        // Attached day: "9 a.m. Tuesday", "10 p.m. yesterday", "5 p.m. on Sept. 26" (not "on").
        let mut day: Option<(String, AnchorUse)> = None;
        // "5 p.m. EST, Nov. 9", "10:42 GMT, 3 March 2021": a comma may separate an explicit
        // date.
        let dk = if self.p(k, ',')
            && self.tok(k + 1).is_some_and(|x| {
                month(x).is_some()
                    || (x.is_num() && self.ymd_at(k + 1).is_some_and(|(d, _, _)| d.d.is_some()))
            }) {
            k + 1
        } else {
            k
        };
        if let Some(h) = self
            .weekday_expr(dk)
            .or_else(|| self.relative_day(dk))
            .or_else(|| self.calendar_date(dk))
        {
            if h.value.len() >= 10 && !h.value.contains('T') && (h.kind == TimexKind::Date) {
                day = Some((h.value.clone(), h.anchor));
                k = h.b;
            }
        }
        // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": the day
        // named in or right after a parenthesis that follows the time (the extent stays).
        if day.is_none() && self.p(k, '(') {
            let close = (k + 1..(k + 10).min(self.t.len())).find(|&j| self.p(j, ')'));
            if let Some(close) = close {
                let found = (k + 1..=close + 1).find_map(|j| {
                    self.weekday_expr(j)
                        .or_else(|| self.calendar_date(j))
                        .filter(|h| {
                            h.value.len() == 10 && h.kind == TimexKind::Date && h.b <= close + 4
                        })
                });
                day = found.map(|h| (h.value, h.anchor));
            }
        }
        // A bare time is on the anchor's day, or in a historical narrative on the last day it
        // mentioned ("On 11 November ... at 11 a.m.").
        // In news, a time in the sentence that names a day is on that day ("the first test
        // flight Tuesday in Everett at 18:00 UTC").
        let narrative_day = self.last_day.filter(|_| {
            (self.narrative || self.day_in_sentence(i) || self.recent_day(i)) && day.is_none()
        });
        // The time is anchored as its day is ("2 a.m. the previous day" on a mentioned day).
        let (date, used) = match (day, narrative_day) {
            (Some((d, used)), _) => (d, used),
            (None, Some(d)) => (day_value(d), AnchorUse::Mention),
            (None, None) => match self.anchor {
                Some(anc) => (day_value(anc), AnchorUse::Published),
                None => ("XXXX-XX-XX".to_string(), AnchorUse::None),
            },
        };
        let (zone_s, _) = self.zone_at(zone_i, &date);
        let value = format!("{date}T{hh:02}:{mm:02}{zone_s}");
        let mut h = Hit::new(i, k, TimexKind::Time, value);
        h.anchor = used;
        Some(h)
    }

    /// "11.30 pm", "7.45 a.m." (British style): an hour, a period and two-digit minutes, with
    /// the a.m./p.m. marker that tells it from a decimal number.
    fn dotted_clock(&self, i: usize) -> Option<(u32, u32, usize)> {
        let t = self.tok(i)?;
        if !(t.ndig() <= 2 && (1..=12).contains(&t.num) && self.gp(i + 1, '.')) {
            return None;
        }
        let m = self
            .tok(i + 2)
            .filter(|x| x.is_num() && x.glued() && x.ndig() == 2 && x.num <= 59)?;
        let (h, e) = self.ampm(i + 3, t.num)?;
        (e > i + 3).then_some((h, m.num, e))
    }

    /// Optional "a.m."/"p.m."/"am"/"pm" at `i`; returns the 24-hour hour and next index.
    /// Bare "HH:MM" (no marker) is accepted as 24-hour time.
    fn ampm(&self, i: usize, h: u32) -> Option<(u32, usize)> {
        let t = match self.tok(i) {
            Some(t) => t,
            None => return Some((h, i)),
        };
        let (pm, next) = if (t.is("a") || t.is("p"))
            && self.gp(i + 1, '.')
            && self.w(i + 2, "m")
            && self.glued(i + 2)
        {
            let n = if self.gp(i + 3, '.') { i + 4 } else { i + 3 };
            (t.is("p"), n)
        } else if t.is("am") || t.is("pm") {
            (t.is("pm"), i + 1)
        } else {
            return Some((h, i));
        };
        if !(1..=12).contains(&h) {
            return None;
        }
        let h24 = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        Some((h24, next))
    }

    // ----- sets -----------------------------------------------------------------------

    fn set_expr(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let simple = match t.lowb() {
            b"daily" => Some("P1D"),
            b"weekly" => Some("P1W"),
            b"monthly" => Some("P1M"),
            b"annually" | b"yearly" => Some("P1Y"),
            b"hourly" => Some("PT1H"),
            b"quarterly" => Some("P3M"),
            b"biweekly" | b"fortnightly" => Some("P2W"),
            _ => None,
        };
        if let Some(v) = simple {
            // "its quarterly dividend", "quarterly results": a kind of report or payment, not
            // a recurrence the text dates (the TimeBank gold marks 1 of 13 "quarterly").
            if t.is("quarterly") && self.tok(i + 1).is_some_and(Tok::is_word) {
                return None;
            }
            // "his daily life", "a daily basis", "the daily tally", "their best weekly gain":
            // still the recurrence (TimeML SET); only "quarterly" (above) and ordinal-like
            // determiners ("its first quarterly loss", "initial quarterly") take it away.
            if self.prev_word(i).is_some_and(|p| {
                matches!(p.lowb(), b"initial" | b"first" | b"regular" | b"latest")
                    || (t.is("quarterly")
                        && matches!(
                            p.lowb(),
                            b"its" | b"the" | b"a" | b"an" | b"his" | b"her" | b"their" | b"our"
                        ))
            }) {
                return None;
            }
            return Some(Hit::new(i, i + 1, TimexKind::Set, v.to_string()));
        }
        if t.is("every") || t.is("each") {
            let mut k = i + 1;
            let mut n = 1.0;
            if self.w(k, "other") {
                n = 2.0;
                k += 1;
            } else if let Some((Some(c), e, _)) = self.count_at(k) {
                if self.tok(e).and_then(unit).is_some_and(|(_, p)| p) {
                    n = c;
                    k = e;
                }
            }
            let u = self.tok(k)?;
            if let Some((wd, e)) = self.weekday_at(k) {
                return Some(Hit::new(
                    i,
                    e,
                    TimexKind::Set,
                    format!("XXXX-WXX-{}", wd + 1),
                ));
            }
            if let Some(m) = month(u) {
                return Some(Hit::new(i, k + 1, TimexKind::Set, format!("XXXX-{m:02}")));
            }
            if let Some(s) = season(u) {
                return Some(Hit::new(i, k + 1, TimexKind::Set, format!("XXXX-{s}")));
            }
            if let Some(p) = part_of_day(u) {
                return Some(Hit::new(
                    i,
                    k + 1,
                    TimexKind::Set,
                    format!("TXX{p}").replace("TXX", "T"),
                ));
            }
            let (u, _) = unit(u)?;
            if u == Unit::Weekend {
                return Some(Hit::new(
                    i,
                    k + 1,
                    TimexKind::Set,
                    "XXXX-WXX-WE".to_string(),
                ));
            }
            return Some(Hit::new(i, k + 1, TimexKind::Set, dur_value(Some(n), u)));
        }
        // "twice a year", "three times a week", "once a month"
        let (k, a) = if t.is("once") || t.is("twice") {
            (i + 1, true)
        } else if let Some((Some(_), e, _)) = self.count_at(i) {
            if self.w(e, "times") {
                (e + 1, true)
            } else {
                (e, false)
            }
        } else {
            (i, false)
        };
        if a && self.wi(k, &["a", "per", "each", "every"]) {
            let (u, plural) = self.tok(k + 1).and_then(unit)?;
            if !plural {
                return Some(Hit::new(i, k + 2, TimexKind::Set, dur_value(Some(1.0), u)));
            }
        }
        None
    }

    // ----- PRESENT_REF / PAST_REF / FUTURE_REF ----------------------------------------

    fn reference(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (v, k) = match t.lowb() {
            b"now" => {
                // "now-defunct", "now that": still PRESENT_REF in TimeML; "right now" below.
                if self.gp(i + 1, '-') {
                    return None;
                }
                ("PRESENT_REF", i + 1)
            }
            b"right" if self.w(i + 1, "now") => ("PRESENT_REF", i + 2),
            b"currently" | b"nowadays" => ("PRESENT_REF", i + 1),
            // "his current wife", "current market conditions": the adjective says "at present"
            // (TimeML: PRESENT_REF); "the then current price" is a past reference. Not the
            // noun ("the current of the river", "an electric current") nor "current account".
            b"current" if self.adjective_at(i) => ("PRESENT_REF", i + 1),
            b"then" if self.w(i + 1, "current") && self.adjective_at(i + 1) => ("PAST_REF", i + 2),
            // "the recent closing", "recent declines": in the recent past (TimeML: PAST_REF).
            // "the most recent model" orders things and says no time.
            b"recent"
                if self.adjective_at(i)
                    && !self
                        .prev_word(i)
                        .is_some_and(|p| p.is("most") || p.is("more")) =>
            {
                ("PAST_REF", i + 1)
            }
            b"these" if self.w(i + 1, "days") => ("PRESENT_REF", i + 2),
            b"recently" | b"lately" => ("PAST_REF", i + 1),
            b"soon" => {
                if self.prev_word(i).is_some_and(|p| p.is("as") || p.is("how"))
                    || self.wi(
                        i + 1,
                        &["as", "after", "afterwards", "thereafter", "before"],
                    )
                {
                    return None;
                }
                // "was soon released", "soon became": shortly after a past event, not the
                // future.
                if self.tense_opt(i) == Some(Tense::Past) {
                    return None;
                }
                ("FUTURE_REF", i + 1)
            }
            // "in the past", "in the past that ...": the noun; "the past president" is an
            // adjective (units and counts after "past" are `counted`'s, which is longer).
            b"the"
                if self.w(i + 1, "past")
                    && !self
                        .tok(i + 2)
                        .is_some_and(|x| x.is_word() && !is_function_word(x.lowb())) =>
            {
                ("PAST_REF", i + 2)
            }
            b"the" if self.w(i + 1, "future") => ("FUTURE_REF", i + 2),
            // "in the near term", "for the long term".
            b"the" if self.wi(i + 1, &["near", "short", "long"]) && self.w(i + 2, "term") => {
                ("FUTURE_REF", i + 3)
            }
            b"the" if self.w(i + 1, "moment") && self.prev_word(i).is_some_and(|p| p.is("at")) => {
                ("PRESENT_REF", i + 2)
            }
            b"future"
                if self
                    .prev_word(i)
                    .is_some_and(|p| p.is("in") || p.is("near")) =>
            {
                ("FUTURE_REF", i + 1)
            }
            _ => return None,
        };
        Some(Hit::date(i, k, v.to_string()))
    }

    /// True when the word at `i` is used as an adjective before a noun: the next token is a
    /// word that is neither a function word nor one of the nouns that make "current" a
    /// term of its own ("current account", "current affairs").
    fn adjective_at(&self, i: usize) -> bool {
        self.tok(i + 1).is_some_and(|x| {
            x.is_word()
                && !self.glued(i + 1)
                && !is_function_word(x.lowb())
                && !matches!(
                    x.lowb(),
                    b"account" | b"accounts" | b"affairs" | b"assets" | b"liabilities"
                )
        })
    }

    // ----- seasons and holidays -------------------------------------------------------

    fn season_expr(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (mut j, the) = if t.is("the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        let s = season(self.tok(j)?)?;
        j += 1;
        let mut y = None;
        let mut end = j;
        let yk = if self.w(j, "of") { j + 1 } else { j };
        if let Some((yy, e)) = self.year_or_spelled(yk) {
            y = Some(yy);
            end = e;
        }
        if y.is_none() {
            // Bare seasons need a determiner or preposition ("fall" is a verb).
            let ok = the
                || self.prev_word(i).is_some_and(|p| {
                    matches!(
                        p.lowb(),
                        b"in"
                            | b"during"
                            | b"since"
                            | b"until"
                            | b"by"
                            | b"over"
                            | b"through"
                            | b"early"
                            | b"late"
                            | b"mid"
                    )
                });
            if !ok || self.w(end, "of") {
                return None;
            }
            if self.tok(i).is_some_and(|x| x.is("fall"))
                || (the
                    && self.w(i + 1, "fall")
                    && !self.prev_word(i).is_some_and(|p| {
                        p.is("in") || p.is("since") || p.is("during") || p.is("by")
                    }))
            {
                return None;
            }
        }
        match y {
            Some(y) => Some(Hit::date(i, end, format!("{y:04}-{s}"))),
            None => self.season_value(i, end, s, 0),
        }
    }

    fn season_value(&self, a: usize, b: usize, s: &str, shift: i64) -> Option<Hit> {
        let Some(anc) = self.anchor else {
            return Some(Hit::date(a, b, format!("XXXX-{s}")));
        };
        // A historical narrative: the season of the year it is telling.
        if let (true, Some((y, _))) = (self.narrative, self.last_year) {
            let y = i32::try_from(i64::from(y) + shift).ok()?;
            let mut h = Hit::date(a, b, format!("{}-{s}", year_value(y)));
            h.anchor = AnchorUse::Mention;
            return Some(h);
        }
        let start = match s {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let m = anc.month();
        let y = anc.year();
        // The season's year of the current/most recent occurrence.
        let cur = if s == "WI" && m <= 2 {
            y - 1
        } else if m >= start || (s == "WI" && m <= 2) {
            y
        } else {
            y - 1
        };
        let year = match shift {
            -1 => {
                // the most recent season that is over
                let end_month = if s == "WI" { 2 } else { start + 2 };
                let in_it = if s == "WI" {
                    m == 12 || m <= 2
                } else {
                    (start..=end_month).contains(&m)
                };
                if in_it {
                    cur - 1
                } else {
                    cur
                }
            }
            1 => {
                if s == "WI" {
                    if m == 12 || m <= 2 {
                        cur + 1
                    } else {
                        y
                    }
                } else if m < start {
                    y
                } else {
                    y + 1
                }
            }
            _ => {
                if s == "WI" {
                    if m <= 2 {
                        y - 1
                    } else {
                        y
                    }
                } else {
                    y
                }
            }
        };
        Some(Hit::date(a, b, format!("{year:04}-{s}")).anch(true))
    }

    fn holiday(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // "last Thanksgiving", "next Christmas": the previous or next occurrence.
        if t.is("last") || t.is("next") {
            let h = self.holiday_at(i + 1, true, None)?;
            if h.value.starts_with("XXXX") {
                return Some(Hit { a: i, ..h });
            }
            let anc = self.anchor?;
            let d = NaiveDate::parse_from_str(&h.value, "%Y-%m-%d").ok()?;
            let past = t.is("last");
            let value = if (past && d < anc) || (!past && d > anc) {
                h.value
            } else {
                let y = d.year() + if past { -1 } else { 1 };
                self.holiday_at(i + 1, true, Some(y))?.value
            };
            return Some(Hit::date(i, h.b, value).anch(true));
        }
        self.holiday_at(i, false, None)
    }

    /// A holiday at `i`; `determined`: after "last"/"next" (so "Thanksgiving following ..."
    /// is still the day); `year` forces the year.
    fn holiday_at(&self, i: usize, determined: bool, year: Option<i32>) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        // (month, day) or computed; k = next index
        let (md, k): (Option<(u32, u32)>, usize) = match t.lowb() {
            b"christmas" => {
                if self.w(i + 1, "eve") {
                    (Some((12, 24)), i + 2)
                } else if self.w(i + 1, "day") {
                    (Some((12, 25)), i + 2)
                } else {
                    (Some((12, 25)), i + 1)
                }
            }
            b"new"
                if self.w(i + 1, "year")
                    && (self.gp(i + 2, '\'') || self.gp(i + 2, '’'))
                    && self.w(i + 3, "s") =>
            {
                if self.w(i + 4, "eve") {
                    (Some((12, 31)), i + 5)
                } else if self.w(i + 4, "day") {
                    (Some((1, 1)), i + 5)
                } else {
                    return None;
                }
            }
            b"halloween" => (Some((10, 31)), i + 1),
            b"valentine"
                if (self.gp(i + 1, '\'') || self.gp(i + 1, '’'))
                    && self.w(i + 2, "s")
                    && self.w(i + 3, "day") =>
            {
                (Some((2, 14)), i + 4)
            }
            b"boxing" if self.w(i + 1, "day") => (Some((12, 26)), i + 2),
            b"easter" | b"thanksgiving" => (
                None,
                if self.w(i + 1, "sunday") || self.w(i + 1, "day") {
                    i + 2
                } else {
                    i + 1
                },
            ),
            _ => return None,
        };
        // Christmas as an adjective ("Christmas shopping") is still the holiday; "Christmas tree" not a date.
        if t.is("christmas")
            && !determined
            && k == i + 1
            && self.tok(k).is_some_and(|x| {
                x.is_word()
                    && !x.cap
                    && !matches!(x.lowb(), b"and" | b"or" | b"is" | b"was" | b"will")
            })
        {
            return None;
        }
        if (t.is("easter") || t.is("thanksgiving"))
            && !determined
            && k == i + 1
            && self.tok(k).is_some_and(|x| {
                x.is_word()
                    && !x.cap
                    && !matches!(x.lowb(), b"and" | b"or" | b"is" | b"was" | b"will")
            })
        {
            return None;
        }
        let mut end = k;
        let y = if let Some(y) = self.year_at(k) {
            end += 1;
            Some(y)
        } else {
            None
        };
        let (y, used) = match (y.or(year), self.anchor) {
            (Some(y), _) => (Some(y), year.is_some()),
            (None, Some(anc)) => {
                let (m, d) = md.unwrap_or((4, 1));
                let m = if t.is("thanksgiving") { 11 } else { m };
                (Some(self.guess_year(anc, m, d, i)), true)
            }
            _ => (None, false),
        };
        let date = match (y, md) {
            (Some(y), Some((m, d))) => Some(ymd(y, m, d)?),
            (Some(y), None) if t.is("easter") => Some(easter(y)?),
            (Some(y), None) => Some(nth_weekday(y, 11, 3, 4)?),
            (None, _) => None,
        };
        let value = match (date, md) {
            (Some(d), _) => day_value(d),
            (None, Some((m, d))) => format!("XXXX-{m:02}-{d:02}"),
            (None, None) => return None,
        };
        Some(Hit::date(i, end, value).anch(used))
    }

    // ----- modifiers ------------------------------------------------------------------

    /// Prefixed forms: "nearly three years", "more than a decade", "about two weeks" ("about"
    /// outside the extent), "early 2023", "mid-2023", "the end of 2023", "earlier this month".
    fn modified(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        // Quantity modifiers.
        let q: Option<(Modifier, usize, bool)> = match t.lowb() {
            b"nearly" | b"almost" => Some((Modifier::LessThan, i + 1, true)),
            b"about" | b"around" | b"approximately" | b"roughly" => Some((
                Modifier::Approx,
                i + 1,
                t.is("approximately") || t.is("roughly"),
            )),
            b"some" => Some((Modifier::Approx, i + 1, true)),
            b"more" | b"less" | b"fewer" if self.w(i + 1, "than") => Some((
                if t.is("more") {
                    Modifier::MoreThan
                } else {
                    Modifier::LessThan
                },
                i + 2,
                true,
            )),
            b"over" | b"under" => Some((
                if t.is("over") {
                    Modifier::MoreThan
                } else {
                    Modifier::LessThan
                },
                i + 1,
                true,
            )),
            b"at" if self.w(i + 1, "least") => Some((Modifier::EqualOrMore, i + 2, true)),
            b"at" if self.w(i + 1, "most") => Some((Modifier::EqualOrLess, i + 2, true)),
            b"no" if self.wi(i + 1, &["more", "less"]) && self.w(i + 2, "than") => Some((
                if self.w(i + 1, "more") {
                    Modifier::EqualOrLess
                } else {
                    Modifier::EqualOrMore
                },
                i + 3,
                true,
            )),
            b"up" if self.w(i + 1, "to") => Some((Modifier::EqualOrLess, i + 2, true)),
            // "within a week": TimeML leaves the preposition outside the extent.
            b"within" => Some((Modifier::EqualOrLess, i + 1, false)),
            b"just" if self.wi(i + 1, &["over", "under"]) => Some((
                if self.w(i + 1, "over") {
                    Modifier::MoreThan
                } else {
                    Modifier::LessThan
                },
                i + 2,
                true,
            )),
            _ => None,
        };
        if let Some((m, j, inside)) = q {
            let h = self.counted(j).or_else(|| {
                // dates and times after "about"/"around": "around Nov. 1", "about 5 p.m."
                if matches!(m, Modifier::Approx) {
                    let t = self.tok(j)?;
                    if !(t.is_num() || month(t).is_some() || t.is("noon") || t.is("midnight")) {
                        return None;
                    }
                    self.core(j)
                        .filter(|h| h.kind != TimexKind::Set && !h.value.ends_with("_REF"))
                } else {
                    None
                }
            })?;
            // "over" and "within" only before counts: "over the past year" is a preposition.
            if (t.is("over") || t.is("under") || t.is("within") || t.is("some"))
                && !self.count_at(j).is_some_and(|(c, _, _)| c.is_some())
            {
                return None;
            }
            if h.kind == TimexKind::Duration || h.value.len() <= 10 || matches!(m, Modifier::Approx)
            {
                let mut h = h;
                if h.modifier.is_none() || h.modifier == Some(Modifier::Approx) {
                    h.modifier = Some(m);
                }
                if inside {
                    h.a = i;
                }
                return Some(h);
            }
            return None;
        }
        // "earlier in the day", "later in the year": the unit containing the last date
        // mentioned (or the anchor).
        if self.wi(i, &["earlier", "later", "early", "late"])
            && self.w(i + 1, "in")
            && self.w(i + 2, "the")
        {
            if let Some((u, false)) = self.tok(i + 3).and_then(unit) {
                if matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                    let m = if t.is("earlier") || t.is("early") {
                        Modifier::Start
                    } else {
                        Modifier::End
                    };
                    // "earlier in the year" in news is the year the text reports on (a 1988
                    // figure mentioned before does not make it 1988); in a narrative it is
                    // the year being told.
                    if let (Unit::Year, false, Some(anc)) = (u, self.narrative, self.anchor) {
                        let h = Hit::date(i, i + 4, format!("{:04}", anc.year()));
                        return Some(h.anch(true).m(m));
                    }
                    let h = self.mention_unit(i, i + 4, u, 0)?;
                    return Some(h.m(m));
                }
            }
        }
        // Position modifiers.
        let (m, j) = match t.lowb() {
            b"early" | b"earlier" => (Modifier::Start, i + 1),
            b"late" | b"later" => (Modifier::End, i + 1),
            b"mid" | b"middle" => {
                if self.gp(i + 1, '-') {
                    (Modifier::Mid, i + 2)
                } else {
                    (Modifier::Mid, i + 1)
                }
            }
            b"the" => {
                let w = self.tok(i + 1)?;
                let m = match w.lowb() {
                    b"end" | b"close" => Modifier::End,
                    b"beginning" | b"start" => Modifier::Start,
                    b"middle" => Modifier::Mid,
                    b"early" | b"earlier" => {
                        let h = self.core(i + 2).filter(|h| {
                            matches!(h.value.len(), 3 | 4)
                                || h.value.contains("-SU")
                                || h.value.contains("-S")
                        })?;
                        return Some(Hit {
                            a: i,
                            modifier: Some(Modifier::Start),
                            ..h
                        });
                    }
                    b"late" | b"mid" => {
                        let j = if self.gp(i + 2, '-') { i + 3 } else { i + 2 };
                        let h = self
                            .core(j)
                            .filter(|h| h.kind == TimexKind::Date && h.value.len() == 3)?;
                        let m = if w.is("late") {
                            Modifier::End
                        } else {
                            Modifier::Mid
                        };
                        return Some(Hit {
                            a: i,
                            modifier: Some(m),
                            ..h
                        });
                    }
                    _ => return None,
                };
                if !self.w(i + 2, "of") {
                    return None;
                }
                let j = i + 3;
                // "the end of the month/year/week"
                if self.w(j, "the") {
                    if let Some((u, false)) = self.tok(j + 1).and_then(unit) {
                        // "the start of the day": the day last mentioned (market reports);
                        // "at the end of the day" is the idiom ("in the end").
                        if u == Unit::Day {
                            if m == Modifier::End && self.prev_word(i).is_some_and(|p| p.is("at")) {
                                return None;
                            }
                            let h = self.mention_unit(i, j + 2, u, 0)?;
                            return Some(h.m(m));
                        }
                        if matches!(
                            u,
                            Unit::Week | Unit::Month | Unit::Year | Unit::Quarter | Unit::Decade
                        ) {
                            if let (true, Some((y, _)), Unit::Year) =
                                (self.narrative, self.last_year, u)
                            {
                                let mut h = Hit::date(i, j + 2, year_value(y)).m(m);
                                h.anchor = AnchorUse::Mention;
                                return Some(h);
                            }
                            let value = match self.anchor {
                                Some(anc) => Self::unit_value(anc, u, 0)?,
                                None => Self::unknown_unit_value(u).to_string(),
                            };
                            return Some(
                                Hit::date(i, j + 2, value).anch(self.anchor.is_some()).m(m),
                            );
                        }
                    }
                }
                let h = self.core(j).filter(|h| {
                    h.kind == TimexKind::Date
                        && h.modifier.is_none()
                        && !h.value.ends_with("_REF")
                        && h.value.len() < 10
                })?;
                return Some(Hit {
                    a: i,
                    modifier: Some(m),
                    ..h
                });
            }
            b"year"
                if (self.w(i + 1, "end") || (self.gp(i + 1, '-') && self.w(i + 2, "end")))
                    || ((self.gp(i + 1, '\'') || self.gp(i + 1, '’'))
                        && self.w(i + 2, "s")
                        && self.w(i + 3, "end")) =>
            {
                let k = if self.w(i + 1, "end") {
                    i + 2
                } else if self.w(i + 2, "end") {
                    i + 3
                } else {
                    i + 4
                };
                let value = self
                    .anchor
                    .map_or_else(|| "XXXX".to_string(), |a| format!("{:04}", a.year()));
                return Some(
                    Hit::date(i, k, value)
                        .anch(self.anchor.is_some())
                        .m(Modifier::End),
                );
            }
            _ => return None,
        };
        // "earlier this month", "later this year", "early next week", "late yesterday", "early 2023"
        let h = self.core(j)?;
        if h.kind == TimexKind::Duration
            || h.kind == TimexKind::Set
            || h.value.ends_with("_REF")
            || h.modifier.is_some()
        {
            return None;
        }
        // "early" before a bare count ("early 1990 results") fine; before a time "early 5 p.m." no.
        if h.kind == TimexKind::Time
            && !h.value.contains("TMO")
            && !h.value.contains("TAF")
            && !h.value.contains("TEV")
            && !h.value.contains("TNI")
        {
            return None;
        }
        if (t.is("earlier") || t.is("later"))
            && h.value.len() == 10
            && !self.wi(j, &["today", "yesterday", "tomorrow", "that", "the"])
        {
            // "Earlier Friday, ...": the adverb orders events; the day is the expression.
            return weekday(self.tok(j)?).map(|_| h);
        }
        Some(Hit {
            a: i,
            modifier: Some(m),
            ..h
        })
    }
}

/// "P4Y", "PT25M", "PXD"...
/// Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries): after
/// "the past" they show the noun ("in the past that ..."), after an adjective candidate
/// that it is not attributive ("the current is strong").
fn is_function_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"and"
            | b"or"
            | b"but"
            | b"nor"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"from"
            | b"with"
            | b"by"
            | b"as"
            | b"than"
            | b"that"
            | b"which"
            | b"who"
            | b"when"
            | b"where"
            | b"while"
            | b"because"
            | b"if"
            | b"it"
            | b"its"
            | b"he"
            | b"she"
            | b"we"
            | b"they"
            | b"i"
            | b"you"
            | b"this"
            | b"these"
            | b"those"
            | b"there"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"can"
            | b"could"
            | b"may"
            | b"might"
            | b"should"
            | b"must"
            | b"do"
            | b"does"
            | b"did"
            | b"not"
            | b"so"
            | b"too"
            | b"also"
    )
}

/// `h` widened to the ISO week of `day`, starting at token `a`.
fn week_hit(a: usize, day: NaiveDate, h: Hit) -> Hit {
    Hit {
        a,
        value: week_value(day),
        range: None,
        ..h
    }
}

/// A TIMEX3 year: "1975", or "BC0480" for the astronomical year -479 (480 BC).
pub(crate) fn year_value(y: i32) -> String {
    if y <= 0 {
        format!("BC{:04}", 1 - i64::from(y))
    } else {
        format!("{y:04}")
    }
}

pub(crate) fn dur_value(count: Option<f64>, u: Unit) -> String {
    let (n, mut code, time) = match u {
        Unit::Second => (count, "S", true),
        Unit::Minute => (count, "M", true),
        Unit::Hour => (count, "H", true),
        Unit::Day => (count, "D", false),
        Unit::Week => (count, "W", false),
        Unit::Weekend => (count.map(|c| c * 2.0), "D", false),
        Unit::Fortnight => (count.map(|c| c * 2.0), "W", false),
        Unit::Month => (count, "M", false),
        Unit::Quarter => (count, "Q", false),
        Unit::Year => (count, "Y", false),
        Unit::Decade => (count.map(|c| c * 10.0), "Y", false),
        Unit::Century => (count.map(|c| c * 100.0), "Y", false),
        Unit::Millennium => (count.map(|c| c * 1000.0), "Y", false),
    };
    if count.is_none() {
        code = match u {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
            _ => code,
        };
    }
    // Fractions: "5 1/2 hours" -> PT5H30M, "a year and a half" -> P1Y6M.
    if let Some(c) = n {
        if c.fract() != 0.0 {
            let whole = c.trunc() as i64;
            let (f, smaller, sub_time) = match u {
                Unit::Year => (12.0, "M", false),
                Unit::Month => (30.0, "D", false),
                Unit::Week => (7.0, "D", false),
                Unit::Day => (24.0, "H", true),
                Unit::Hour => (60.0, "M", true),
                Unit::Minute => (60.0, "S", true),
                _ => (0.0, code, time),
            };
            if f > 0.0 {
                let rest = (c.fract() * f).round() as i64;
                let head = if whole > 0 {
                    format!("{whole}{code}")
                } else {
                    String::new()
                };
                let t = if sub_time && !time { "T" } else { "" };
                let lead = if time { "T" } else { "" };
                return format!("P{lead}{head}{t}{rest}{smaller}");
            }
        }
    }
    let num = n.map_or("X".to_string(), |v| format!("{}", v.round() as i64));
    format!("P{}{num}{code}", if time { "T" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bc_years() {
        assert_eq!(year_value(1975), "1975");
        assert_eq!(year_value(-479), "BC0480");
        assert_eq!(year_value(0), "BC0001");
    }

    #[test]
    fn durations() {
        assert_eq!(dur_value(Some(4.0), Unit::Year), "P4Y");
        assert_eq!(dur_value(Some(25.0), Unit::Minute), "PT25M");
        assert_eq!(dur_value(None, Unit::Week), "PXW");
        assert_eq!(dur_value(Some(1.0), Unit::Decade), "P10Y");
        assert_eq!(dur_value(Some(1.5), Unit::Year), "P1Y6M");
        assert_eq!(dur_value(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(dur_value(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(dur_value(Some(2.5), Unit::Day), "P2DT12H");
        assert_eq!(dur_value(None, Unit::Decade), "PXDE");
    }
}
