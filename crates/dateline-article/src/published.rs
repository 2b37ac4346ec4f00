//! Publication-date inference.
//!
//! `DESIGN.md` lists document-date inference under `dateline-dates`; it lives here because it
//! needs the article's structure (which line is the header, the date line, the wire dateline,
//! the byline, the body). All date reading and normalization is done by `dateline-dates`.
//!
//! The rules, in order:
//! 1. **Candidates**: the date line, the header date, byline timestamps. The date line wins
//!    over the header (it is what the page showed), the header over a byline timestamp.
//!    Candidates that agree corroborate the choice; ones that disagree produce a warning.
//! 2. **Wire dateline**: its month and day ("Nov. 15") are resolved against the chosen date (or
//!    the caller's reference date when nothing else gives a year). A dateline up to three days
//!    before the chosen date corroborates it; otherwise a warning.
//! 3. **Confidence**: two agreeing sources give `High`, one gives `Medium`. A header date of
//!    January 1 that nothing corroborates is a known crawler placeholder: `Low` and a warning.
//! 4. **No date line, header or byline timestamp**: a publication stamp read off the page's
//!    lines (a full date with its year on a line that holds little else, after a stamp word
//!    such as "Published"/"Updated", or opening a dateline: "Xinhua, January 22, 2015",
//!    "Published 09/01/2009, 12:31 PM", "[December 30 2010]"), the first at the top of the
//!    page, else the first one marked by a stamp word or a clock anywhere. A date line above
//!    the headline (or opening a page without one) followed under the headline by a stamp
//!    with an earlier date is the site's date of the day: the stamp wins. The wire dateline's "Nov. 14" takes its year from the
//!    date so chosen. Without any date, the latest explicit date near the top of the page is
//!    used when it falls on the weekday the lead names ("climbed Friday" under a photo dated
//!    "Dec. 7, 2018"; low confidence). A page with only weekdays, or a dateline with no year
//!    anywhere, stays undated: the explicit dates of a body are too often other things'
//!    dates (maturities, fiscal years) to give the dateline its year.
//! 5. **Body evidence** (body paragraphs searched with `dateline_dates::find_in`, anchored on
//!    the chosen date):
//!    - the first bare weekday in the lead ("said on Tuesday") must be the chosen day or the
//!      day before; otherwise a warning and one confidence level less;
//!    - an elapsed duration next to an explicit past date ("last met in December 2019 ...
//!      after nearly three years") bounds a plausible window; a date outside it gets a warning
//!      and one confidence level less;
//!    - an explicit full date in the body within a week before the chosen date corroborates it
//!      (this alone can lift a January 1 header out of the placeholder case).

use chrono::{Datelike, Duration, Months, NaiveDate};
use dateline_dates::{find, find_in, parse_one, AnchorUse, Modifier, Options, Timex, TimexKind};
use dateline_text::Span;

use crate::model::{Article, Confidence, DateValue, Precision, Published, PublishedSource};
use crate::ParseOptions;

/// Paragraphs searched for body evidence (bounded cost on huge dumps).
const MAX_PARAGRAPHS: usize = 80;
/// Bytes of body searched for body evidence.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Infers `article.published` (and resolves `article.dateline.date`).
pub(crate) fn infer(
    text: &str,
    article: &mut Article,
    byline_dates: &[DateValue],
    mut warnings: Vec<String>,
    options: &ParseOptions,
) -> Published {
    let header = article.header.as_ref().and_then(|h| h.date);
    // A date line that reads as the site's clock ("Today is Monday, ...", "... 11:51 PM
    // <City> Timing") is the date of the visit, not the article's.
    let clock_line = article
        .date_line
        .as_ref()
        .and_then(|d| d.span.slice(text))
        .filter(|l| site_clock(l));
    if let Some(l) = clock_line {
        warnings.push(format!(
            "the date line {l:?} reads as the site's clock, not the article's date; not used"
        ));
    }
    let date_line = article
        .date_line
        .as_ref()
        .and_then(|d| d.date)
        .filter(|_| clock_line.is_none());
    let byline = byline_dates.first().copied();

    let mut candidates: Vec<(PublishedSource, DateValue)> = Vec::new();
    if let Some(d) = date_line {
        candidates.push((PublishedSource::DateLine, d));
    }
    if let Some(d) = header {
        candidates.push((PublishedSource::Header, d));
    }
    if let Some(d) = byline {
        candidates.push((PublishedSource::Byline, d));
    }

    // Without a date line, header or byline timestamp: a publication stamp on a line the
    // structure did not take as the date line.
    let stamps = if candidates.is_empty() || date_line.is_some() {
        stamps(text, article)
    } else {
        Vec::new()
    };
    if candidates.is_empty() {
        if let Some(s) = pick_stamp(&stamps) {
            candidates.push((PublishedSource::Stamp, s.date));
        }
    } else if let Some((stamp, line)) = masthead_date(text, article, &stamps) {
        // The date line at the very top is the site's date of the day; the stamp under the
        // headline dates the article.
        warnings.push(format!(
            "the date line {line:?} at the top of the page looks like the site's date of the day; using the stamp {} under it",
            stamp.date
        ));
        candidates.insert(0, (PublishedSource::Stamp, stamp.date));
    }

    let mut published = Published::none();
    if let Some(&(source, date)) = candidates.first() {
        published.date = Some(date);
        published.source = source;
        for &(other, d) in &candidates[1..] {
            if d.agrees_with(&date) {
                published.corroborated_by.push(other);
            } else {
                warnings.push(format!(
                    "the {} says {d} but the {} says {date}; using the {}",
                    describe(other),
                    describe(source),
                    describe(source)
                ));
            }
        }
    }

    // The wire dateline: month and day, year from the chosen date (a stamp on the page
    // included) or the reference date.
    let anchor = published
        .date
        .map(|d| d.range().1)
        .or(options.reference_date);
    if let (Some(dl), Some(anchor)) = (article.dateline.as_mut(), anchor) {
        if let Some(s) = dl.date_text.and_then(|s| s.slice(text)) {
            let resolved = parse_one(s, &Options::with_anchor(anchor))
                .ok()
                .and_then(|t| DateValue::from_timex_value(&t.value))
                .filter(|v| v.precision == Precision::Day);
            dl.date = resolved;
            if let Some(d) = resolved {
                match published.date {
                    Some(p) => {
                        let (lo, hi) = p.range();
                        if d.date <= hi && d.date + Duration::days(3) >= lo {
                            published.corroborated_by.push(PublishedSource::Dateline);
                        } else {
                            warnings.push(format!(
                                "the wire dateline says {s:?} ({d}), which does not fit the {} date {p}",
                                describe(published.source)
                            ));
                        }
                    }
                    None => {
                        published.date = Some(d);
                        published.source = PublishedSource::Dateline;
                        warnings.push(format!(
                            "the year of the wire dateline {s:?} comes from the reference date {anchor}"
                        ));
                    }
                }
            }
        }
    }

    // Still nothing: an explicit date in a caption or the lead on the weekday the lead names.
    if published.date.is_none() {
        if let Some(d) = weekday_dated(text, article) {
            published.date = Some(d);
            published.source = PublishedSource::Body;
            warnings.push(format!(
                "no date line, header or stamp: {d} is the date a caption or the lead gives for the weekday the lead names"
            ));
        }
    }

    let Some(date) = published.date else {
        if article
            .dateline
            .as_ref()
            .is_some_and(|d| d.date_text.is_some())
        {
            warnings.push(
                "the wire dateline has a month and day but nothing gives the year".to_owned(),
            );
        } else {
            warnings.push("no publication date found".to_owned());
        }
        published.warnings = warnings;
        return published;
    };

    published.confidence = match published.source {
        PublishedSource::Dateline | PublishedSource::Body => Confidence::Low,
        _ if !published.corroborated_by.is_empty() => Confidence::High,
        _ => Confidence::Medium,
    };

    // Body evidence.
    let mut body_corroborates = false;
    // A date from the wire dateline or the body itself is already of low confidence, and
    // the body cannot contradict what it gave: not read again.
    let from_body = matches!(
        published.source,
        PublishedSource::Dateline | PublishedSource::Body
    );
    if options.body_evidence && !from_body {
        let regions = body_regions(article);
        let anchor = date.range().1;
        let found = find_in(text, &regions, &Options::with_anchor(anchor));
        let lead_end = regions.get(2).or(regions.last()).map_or(0, |s| s.end);
        if let Some(check) = weekday_check(&found, lead_end, date) {
            match check {
                Ok(()) => body_corroborates = true,
                Err(msg) => {
                    warnings.push(msg);
                    published.confidence = published.confidence.lower();
                }
            }
        }
        if explicit_near(&found, date) {
            body_corroborates = true;
        }
        if let Some((lo, hi, why)) = elapsed_window(text, &regions, &found) {
            published.window = Some((lo, hi));
            let (d0, d1) = date.range();
            if d1 < lo || d0 > hi {
                warnings.push(format!(
                    "{why} puts publication between {lo} and {hi}; the {} date {date} is outside that window",
                    describe(published.source)
                ));
                published.confidence = published.confidence.lower();
            }
        }
    }

    let placeholder = published.source == PublishedSource::Header
        && date.precision == Precision::Day
        && date.date.month() == 1
        && date.date.day() == 1;
    if placeholder && published.corroborated_by.is_empty() && !body_corroborates {
        published.confidence = Confidence::Low;
        warnings.insert(
            0,
            format!(
                "header date {date} is January 1, a common crawler placeholder, and nothing in the article corroborates it"
            ),
        );
    }
    published.warnings = warnings;
    published
}

fn describe(source: PublishedSource) -> &'static str {
    match source {
        PublishedSource::Header => "header",
        PublishedSource::DateLine => "date line",
        PublishedSource::Dateline => "wire dateline",
        PublishedSource::Byline => "byline timestamp",
        PublishedSource::Stamp => "publication stamp",
        PublishedSource::Body => "dated caption or lead",
        PublishedSource::None => "nothing",
    }
}

/// Words that mark a publication stamp ("Published", "Updated:", "Posted on").
const STAMP_CUES: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "uploaded",
    "date",
];
/// Words right before a date that make it the end or part of a span ("until March 3, 2020").
const NOT_STAMP_BEFORE: &[&str] = &[
    "until", "till", "through", "from", "to", "and", "before", "after", "since", "between", "of",
    "in",
];
/// Words (one or two before a date) that make it the date of something else than the page
/// ("the year ended Dec. 31, 1986", "notes due September 30, 2002", "which began January 1").
const NOT_STAMP_VERBS: &[&str] = &[
    "end",
    "ended",
    "ending",
    "ends",
    "due",
    "expire",
    "expires",
    "expiring",
    "mature",
    "maturing",
    "matures",
    "began",
    "begins",
    "effective",
    "payable",
];
/// A line at least this long that stops mid-sentence before a line as long in lower case is a
/// line of a hard-wrapped paragraph.
const WRAPPED_LINE: usize = 40;
/// Lines read at the top of the page for stamps (bounded cost on huge dumps).
const MAX_STAMP_LINES: usize = 300;
/// Longer lines are prose, not stamps.
const MAX_STAMP_LINE: usize = 240;
/// Non-blank lines at the top of the page where a short dated line is a stamp.
const TOP_LINES: usize = 8;
/// Words besides its dates that a stamp line may hold ("Xinhua, January 22, 2015 Adjust font
/// size:", a headline ending in "[December 30 2010]").
const MAX_STAMP_WORDS: usize = 6;
/// The same after a stamp word ("17 dead in plane crash (Agencies) Updated: 2009-03-23 08:41").
const MAX_CUED_STAMP_WORDS: usize = 16;
/// Words before the date of a dateline written with a full date ("ADDIS ABABA (HAN) January
/// 27, 2016 –").
const MAX_DATELINE_WORDS: usize = 5;

/// Paragraphs (from the top) read for explicit dates when the page gives no date otherwise.
const EXPLICIT_PARAGRAPHS: usize = 8;
/// Bytes below the top searched for colons of stamps.
const MAX_STAMP_SCAN: usize = 64 * 1024;
/// Bytes of a long line searched for a dateline with a full date.
const DATELINE_PREFIX: usize = 120;

/// A line that carries a publication stamp.
#[derive(Debug, Clone, Copy)]
struct Stamp {
    /// The stamp's day.
    date: DateValue,
    /// The line.
    line: Span,
    /// Among the first non-blank lines or before the body.
    top: bool,
    /// Marked as a stamp by a stamp word, a clock time or a dateline's dash.
    strong: bool,
}

/// Publication stamps on the lines of the page, in text order: a full date with its year
/// ("January 22, 2015", "09/01/2009", "2018-02-02 12:52:53") on a line that holds little
/// else (see the limits above), after a stamp word, or opening a dateline.
fn stamps(text: &str, article: &Article) -> Vec<Stamp> {
    let body_start = article.paragraphs.first().map_or(usize::MAX, |p| p.start);
    let header_date = article.header.as_ref().map(|h| h.date_text);
    let b = text.as_bytes();
    let line_at = |start: usize| {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |k| start + k);
        (start, end)
    };
    let mut out = Vec::new();
    // The top: the first non-blank lines and every line before the body.
    let mut nonblank = 0;
    let mut pos = 0;
    let mut lines = 0;
    while pos < b.len() && lines < MAX_STAMP_LINES {
        let (start, end) = line_at(pos);
        pos = end + 1;
        lines += 1;
        let Some(whole) = text.get(start..end) else {
            continue;
        };
        if whole.trim().is_empty() {
            continue;
        }
        nonblank += 1;
        if nonblank > TOP_LINES && start >= body_start {
            pos = start;
            break;
        }
        // A line of a hard-wrapped paragraph ("the year ending June 30, 1988, to increase",
        // "April 10, 1986.", "December 4, 1989, paying 0.18 pct over six-month London") is
        // prose: it starts in lower case, ends a sentence, or is long, stops mid-sentence and
        // the next line goes on in lower case.
        let trimmed = whole.trim();
        let next_lower = text
            .get(end + 1..)
            .and_then(|r| r.split('\n').next())
            .is_some_and(|n| {
                n.trim().len() >= WRAPPED_LINE
                    && n.trim_start().starts_with(|c: char| c.is_lowercase())
            });
        let cut = trimmed.len() >= WRAPPED_LINE
            && trimmed.ends_with(|c: char| c.is_alphanumeric() || c == ',')
            && next_lower;
        let starts_lower = trimmed.starts_with(|c: char| c.is_lowercase())
            && !words(trimmed)
                .next()
                .is_some_and(|w| STAMP_CUES.iter().any(|c| w.eq_ignore_ascii_case(c)));
        let wrapped =
            starts_lower || ends_sentence(trimmed) || trimmed.ends_with([',', ';']) || cut;
        out.extend(stamp_line(whole, start, Some(wrapped), header_date));
    }
    // Below the top a stamp comes with a colon ("Updated: 3 March 2021", "Source: Wire |
    // 2018-02-02 12:52:53"): only the lines holding one are read.
    let rest_end = b.len().min(pos.saturating_add(MAX_STAMP_SCAN));
    let mut next_line = pos;
    for k in memchr::memchr_iter(b':', b.get(pos..rest_end).unwrap_or(&[])) {
        let k = pos + k;
        if k < next_line {
            continue;
        }
        let start = memchr::memrchr(b'\n', &b[..k]).map_or(0, |n| n + 1);
        let (_, end) = line_at(k);
        next_line = end + 1;
        let Some(whole) = text.get(start..end) else {
            continue;
        };
        if whole.len() <= MAX_STAMP_LINE && stamp_marked(whole) {
            out.extend(stamp_line(whole, start, None, header_date));
        }
    }
    out
}

/// The stamp on one line (`whole`, starting at byte `start` of the text), if it is one.
/// `top`: `Some(wrapped)` for a line at the top of the page (`wrapped`: it reads as a line of
/// a hard-wrapped paragraph), `None` below it.
fn stamp_line(
    whole: &str,
    start: usize,
    top: Option<bool>,
    header_date: Option<Span>,
) -> Option<Stamp> {
    let whole = whole.trim_end_matches('\r');
    // A long line is prose; only a dateline opening it can be a stamp.
    let long = whole.len() > MAX_STAMP_LINE;
    let line = if long {
        let mut cut = DATELINE_PREFIX;
        while !whole.is_char_boundary(cut) {
            cut -= 1;
        }
        &whole[..cut]
    } else {
        whole
    };
    // A stamp writes its year.
    if !has_year_number(line) {
        return None;
    }
    let found = find(line, &Options::default());
    let outside_header = |t: &Timex| header_date.map_or(true, |h| t.span.start + start >= h.end);
    let (t, date) = found
        .iter()
        .filter(|t| outside_header(t))
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
        .filter(|t| t.anchor == AnchorUse::None)
        .find_map(|t| day_of(t).map(|d| (t, DateValue::day(d))))?;
    let before = line.get(..t.span.start).unwrap_or("");
    let after = line.get(t.span.end..).unwrap_or("");
    // "the year ended Dec. 31, 1986", "notes due September 30, 2002": the date of something
    // else.
    let last_words: Vec<&str> = words(before).collect();
    if last_words
        .iter()
        .rev()
        .take(2)
        .any(|w| NOT_STAMP_VERBS.iter().any(|c| w.eq_ignore_ascii_case(c)))
        || last_words
            .last()
            .is_some_and(|w| NOT_STAMP_BEFORE.iter().any(|c| w.eq_ignore_ascii_case(c)))
    {
        return None;
    }
    // A stamp word right before the date ("Updated: 2009-03-23", "Posted on January 20,
    // 2017", "Last updated on: 15 April, 2019") on a line that is not a sentence.
    let cue = last_words
        .iter()
        .rev()
        .take(3)
        .any(|w| STAMP_CUES.iter().any(|c| w.eq_ignore_ascii_case(c)))
        && !ends_sentence(line);
    // The site's clock ("Today is Monday, ...", "... 11:51 PM <City> Timing") dates the
    // visit, not the article.
    if !cue && site_clock(line) {
        return None;
    }
    let outside: usize = {
        let mut n = 0;
        let mut p = 0;
        for f in found.iter().filter(|f| outside_header(f)) {
            n += words(line.get(p..f.span.start).unwrap_or("")).count();
            p = f.span.end.max(p);
        }
        n + words(line.get(p..).unwrap_or("")).count()
    };
    let dateline =
        last_words.len() <= MAX_DATELINE_WORDS && after.trim_start().starts_with(['–', '—', '-']);
    let stamp = match top {
        Some(wrapped) => {
            dateline
                || (!long
                    && ((!wrapped && outside <= MAX_STAMP_WORDS)
                        || (cue && outside <= MAX_CUED_STAMP_WORDS)))
        }
        // Below the top: marked by a stamp word or a clock, and short.
        None => (cue || t.kind == TimexKind::Time) && outside <= MAX_CUED_STAMP_WORDS,
    };
    stamp.then(|| Stamp {
        date,
        line: Span::new(start, start + whole.len()),
        top: top.is_some(),
        strong: cue || dateline || t.kind == TimexKind::Time,
    })
}

/// Words that open the site's clock or date of the day rather than an article's stamp
/// ("Today is Monday, ...", "Local time: ...", "Current time ..."): one word, or two.
const CLOCK_OPENERS: &[&[&str]] = &[&["today"], &["local", "time"], &["current", "time"]];
/// Words that tag a time of day as the site's clock ("11:51 PM <City> Timing").
const CLOCK_TAGS: &[&str] = &["timing"];

/// True when a dated line reads as the site's clock or date of the day, not an article's
/// stamp: it opens with a clock word ("Today is Monday, March 2, 2020") or tags its time as
/// the site's ("02-05-2024 11:51 PM <City> Timing"). A line with a stamp word
/// ("Published today: ...") is checked by the caller first.
fn site_clock(line: &str) -> bool {
    let first: Vec<&str> = words(line).take(2).collect();
    CLOCK_OPENERS.iter().any(|o| {
        o.len() <= first.len() && o.iter().zip(&first).all(|(c, w)| w.eq_ignore_ascii_case(c))
    }) || words(line).any(|w| CLOCK_TAGS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// True when `line` ends like a sentence ("... effective April 1, 1987."); a clock's "a.m."
/// or "p.m." is not a sentence end.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    let clock = t.len() >= 4
        && t.get(t.len() - 4..)
            .is_some_and(|e| e.eq_ignore_ascii_case("a.m.") || e.eq_ignore_ascii_case("p.m."));
    !clock && t.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// A cheap test for a line below the top: stamps there come with a colon ("Updated: 3 March
/// 2021", "Source: Wire | 2018-02-02 12:52:53"), and then with a clock or a stamp word.
fn stamp_marked(line: &str) -> bool {
    let b = line.as_bytes();
    let Some(first) = memchr::memchr(b':', b) else {
        return false;
    };
    let clock = memchr::memchr_iter(b':', &b[first..]).any(|k| {
        let k = first + k;
        k > 0
            && b[k - 1].is_ascii_digit()
            && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            && b.get(k + 2).is_some_and(u8::is_ascii_digit)
    });
    clock || words(line).any(|w| STAMP_CUES.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// The words of `s` (runs of letters and digits holding a letter).
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// The stamp that dates the page: the first at the top, else the first marked one anywhere
/// (a stamp under the body: "Source: Xinhua | 2018-02-02 12:52:53 | Editor: ...").
fn pick_stamp(stamps: &[Stamp]) -> Option<Stamp> {
    stamps
        .iter()
        .find(|s| s.top)
        .or_else(|| stamps.iter().find(|s| s.strong))
        .copied()
}

/// A date line above the headline (or, without a headline, the page's first line: a
/// masthead's date of the day) followed at the top, under the headline, by a stamp with an
/// earlier date (the article's): that stamp and the date line's text.
fn masthead_date(text: &str, article: &Article, stamps: &[Stamp]) -> Option<(Stamp, String)> {
    let dl = article.date_line.as_ref()?;
    let dl_date = dl.date?;
    let first_line = text.len() - text.trim_start().len() == dl.span.start;
    let title_start = article.title.as_ref().map(|t| t.span.start);
    // Above the headline (or, without one, the page's first line): a masthead.
    let above_title = title_start.is_some_and(|t| dl.span.end <= t);
    if !(above_title || (title_start.is_none() && first_line)) {
        return None;
    }
    let stamp = stamps.iter().find(|s| {
        s.top
            && s.line.start > dl.span.end
            && title_start.map_or(true, |t| s.line.start > t)
            && s.date.date < dl_date.date
    })?;
    Some((*stamp, dl.span.slice(text).unwrap_or("").to_owned()))
}

/// The explicit dates with a year (not resolved against anything) in the title, standfirst,
/// captions and the first paragraphs. Only the parts that may hold a full date
/// ([`has_dated_year`]) are read.
fn explicit_dates(text: &str, article: &Article) -> Vec<Timex> {
    let mut regions: Vec<Span> = article.title.iter().map(|t| t.span).collect();
    regions.extend(article.standfirst);
    regions.extend(article.captions.iter().map(|c| c.text));
    regions.extend(article.paragraphs.iter().take(EXPLICIT_PARAGRAPHS));
    regions.retain(|r| r.slice(text).is_some_and(has_dated_year));
    regions.sort_unstable();
    let mut found = find_in(text, &regions, &Options::default());
    found.retain(|t| t.anchor == AnchorUse::None);
    found
}

/// The byte ranges of the runs of exactly four digits from 1000 to 2199 in `s` (possible
/// years).
fn year_numbers(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    // A year starts with 1 or 2: only those digits are visited (memchr2 skips the rest).
    memchr::memchr2_iter(b'1', b'2', b).filter_map(move |start| {
        if start > 0 && b[start - 1].is_ascii_digit() {
            return None;
        }
        let end = start + 4;
        let digits = b.get(start..end)?;
        if !digits.iter().all(u8::is_ascii_digit) || b.get(end).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        (b[start] == b'1' || b[start + 1] <= b'1').then_some((start, end))
    })
}

/// True when `s` holds a number that can be a year.
fn has_year_number(s: &str) -> bool {
    year_numbers(s).next().is_some()
}

/// True when `s` may hold a full date: a possible year written with a month name shortly
/// before it ("Dec. 7, 2018", "22 January 2015") or inside a numeric date ("09/01/2009",
/// "2018-02-02", "20.05.2020").
fn has_dated_year(s: &str) -> bool {
    let b = s.as_bytes();
    let sep = |c: u8| matches!(c, b'/' | b'-' | b'.');
    // "dd/mm" before the year ("09/01/2009"), "-mm-dd" after it ("2018-02-02").
    let pair_before = |k: usize| {
        let mut i = k;
        for _ in 0..2 {
            if i == 0 || !sep(b[i - 1]) {
                return false;
            }
            i -= 1;
            let digits = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if !(1..=2).contains(&digits) {
                return false;
            }
            i -= digits;
        }
        true
    };
    let pair_after = |k: usize| {
        let mut i = k;
        for _ in 0..2 {
            if !b.get(i).is_some_and(|c| sep(*c)) {
                return false;
            }
            i += 1;
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=2).contains(&digits) {
                return false;
            }
            i += digits;
        }
        true
    };
    year_numbers(s).any(|(start, end)| {
        if pair_before(start) || pair_after(end) {
            return true;
        }
        // A capitalized month name within the 16 bytes before the year.
        let from = start.saturating_sub(16);
        b[from..start].windows(3).any(|w| {
            w[0].is_ascii_uppercase()
                && matches!(
                    &[w[0], w[1], w[2]],
                    b"Jan"
                        | b"Feb"
                        | b"Mar"
                        | b"Apr"
                        | b"May"
                        | b"Jun"
                        | b"Jul"
                        | b"Aug"
                        | b"Sep"
                        | b"Oct"
                        | b"Nov"
                        | b"Dec"
                )
        })
    })
}

/// The latest explicit day (with its year) of the title, standfirst, captions and first
/// paragraphs, when it falls on the weekday the lead (the first five paragraphs) names bare:
/// "Oil prices climbed sharply Friday" under a photo dated "Dec. 7, 2018".
fn weekday_dated(text: &str, article: &Article) -> Option<DateValue> {
    let lead: Vec<Span> = article.paragraphs.iter().take(5).copied().collect();
    let names_a_weekday = lead.iter().filter_map(|p| p.slice(text)).any(|p| {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        .iter()
        .any(|w| p.contains(w))
    });
    if !names_a_weekday {
        return None;
    }
    let latest = explicit_dates(text, article)
        .iter()
        .filter_map(day_of)
        .max()?;
    let named = find_in(text, &lead, &Options::default())
        .into_iter()
        .find(|t| t.kind == TimexKind::Date && t.value.starts_with("XXXX-WXX-"))?;
    let wd = u32::from(*named.value.as_bytes().get(9)?).checked_sub(u32::from(b'0'))?;
    (latest.weekday().number_from_monday() == wd).then(|| DateValue::day(latest))
}

/// The body paragraphs to search, bounded.
fn body_regions(article: &Article) -> Vec<Span> {
    let mut total = 0;
    let mut out = Vec::new();
    for &p in article.paragraphs.iter().take(MAX_PARAGRAPHS) {
        if total >= MAX_BODY_BYTES {
            break;
        }
        total += p.len();
        out.push(p);
    }
    out
}

fn day_of(t: &Timex) -> Option<NaiveDate> {
    DateValue::from_timex_value(&t.value)
        .filter(|v| v.precision == Precision::Day)
        .map(|v| v.date)
}

/// A bare weekday reference ("on Tuesday") resolved against the anchor.
fn is_bare_weekday(t: &Timex) -> bool {
    t.kind == TimexKind::Date
        && t.anchor == AnchorUse::Published
        && !t.text.bytes().any(|b| b.is_ascii_digit())
        && t.text.split(|c: char| !c.is_alphabetic()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            )
        })
}

/// Checks the first bare weekday of the lead against the chosen date: `Ok` when it names the
/// chosen day or the day before, `Err(warning)` otherwise, `None` when there is none.
fn weekday_check(found: &[Timex], lead_end: usize, date: DateValue) -> Option<Result<(), String>> {
    if date.precision != Precision::Day {
        return None;
    }
    let t = found
        .iter()
        .filter(|t| t.span.end <= lead_end)
        .find(|t| is_bare_weekday(t))?;
    let named = day_of(t)?.weekday();
    let day = date.date.weekday();
    if named == day || named == day.pred() {
        Some(Ok(()))
    } else {
        Some(Err(format!(
            "the lead says {:?} but {} is a {}; the story was probably published on another day",
            t.text,
            date,
            weekday_name(day)
        )))
    }
}

fn weekday_name(w: chrono::Weekday) -> &'static str {
    match w {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// An explicit, absolute day in the body within a week before (or on) the chosen date.
fn explicit_near(found: &[Timex], date: DateValue) -> bool {
    let (lo, hi) = date.range();
    found.iter().any(|t| {
        t.anchor == AnchorUse::None
            && day_of(t).is_some_and(|d| d <= hi + Duration::days(1) && d + Duration::days(7) >= lo)
    })
}

/// Words that mark a duration as time elapsed since an earlier date.
const ELAPSED_CUES: &[&str] = &[
    "last",
    "after",
    "since",
    "first time in",
    "ago",
    "for the first time",
];

/// An elapsed duration next to an explicit past date bounds the publication window.
/// Returns (earliest, latest, explanation).
fn elapsed_window(
    text: &str,
    regions: &[Span],
    found: &[Timex],
) -> Option<(NaiveDate, NaiveDate, String)> {
    for (i, region) in regions.iter().enumerate() {
        // The paragraph and its neighbour.
        let scope = match regions.get(i + 1) {
            Some(next) => region.cover(*next),
            None => *region,
        };
        let in_region = |t: &&Timex| region.contains(t.span);
        let in_scope = |t: &&Timex| scope.contains(t.span);
        let Some(duration) = found
            .iter()
            .filter(in_region)
            .find(|t| t.kind == TimexKind::Duration)
        else {
            continue;
        };
        let Some(months) = duration_months(&duration.value) else {
            continue;
        };
        if months < 2 {
            continue;
        }
        let scope_text = scope.slice(text).unwrap_or("").to_lowercase();
        if !ELAPSED_CUES.iter().any(|c| scope_text.contains(c)) {
            continue;
        }
        let Some((past, (d0, d1))) = found
            .iter()
            .filter(in_scope)
            .filter(|t| {
                t.kind == TimexKind::Date && t.anchor == AnchorUse::None && t.value.len() >= 4
            })
            .find_map(|t| t.range().map(|r| (t, r)))
        else {
            continue;
        };
        // How far "nearly three years" may stretch.
        let (lo_f, hi_f) = match duration.modifier {
            Some(Modifier::LessThan | Modifier::EqualOrLess) => (0.75, 1.0),
            Some(Modifier::MoreThan | Modifier::EqualOrMore) => (1.0, 1.5),
            Some(Modifier::Approx) => (0.8, 1.2),
            _ => (0.9, 1.1),
        };
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let (lo_m, hi_m) = (
            (months as f64 * lo_f).floor() as u32,
            (months as f64 * hi_f).ceil() as u32 + 1,
        );
        let lo = d0.checked_add_months(Months::new(lo_m))?;
        let hi = d1.checked_add_months(Months::new(hi_m))?;
        let why = format!("the body's {:?} after {:?}", duration.text, past.text);
        return Some((lo, hi, why));
    }
    None
}

/// Months in a TIMEX3 duration value ("P3Y" -> 36, "P18M" -> 18); `None` for others.
fn duration_months(value: &str) -> Option<u32> {
    let rest = value.strip_prefix('P')?;
    let (num, unit) = rest.split_at(rest.len().checked_sub(1)?);
    let n: u32 = num.parse().ok()?;
    match unit {
        "Y" => n.checked_mul(12),
        "M" => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_clocks() {
        assert!(site_clock("Today is Monday, March 2, 2020"));
        assert!(site_clock("03-04-2021 10:15 AM Springfield Timing"));
        assert!(site_clock("Local time: 12 May 2019 08:00"));
        assert!(!site_clock("Published 09/01/2009, 12:31 PM"));
        assert!(!site_clock("March 2, 2020 10:15 AM"));
        assert!(!site_clock("Xinhua, January 22, 2015"));
        assert!(!site_clock("Local news | March 2, 2020"));
        assert!(!site_clock("Todays"));
    }

    #[test]
    fn durations() {
        assert_eq!(duration_months("P3Y"), Some(36));
        assert_eq!(duration_months("P18M"), Some(18));
        assert_eq!(duration_months("P2W"), None);
        assert_eq!(duration_months("PXY"), None);
        assert_eq!(duration_months("P"), None);
    }
}
