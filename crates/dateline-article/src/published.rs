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
//!    page, else the first one marked by a stamp word or a clock anywhere. A date line among
//!    the first two lines followed at the top by a stamp with an earlier date is the site's
//!    date of the day: the stamp wins. Without any of these, the wire dateline's "Nov. 14"
//!    takes the year that puts it nearest to the latest explicit date of the page; and
//!    failing that, the latest explicit date of the page when it falls on the weekday the
//!    lead names ("climbed Friday" under a photo dated "Dec. 7, 2018") is used (low
//!    confidence). A page with only weekdays stays undated.
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
    let date_line = article.date_line.as_ref().and_then(|d| d.date);
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

    // The wire dateline: month and day, year from the chosen date, the reference date or the
    // page's own dates.
    let page_year = published.date.is_none() && options.reference_date.is_none();
    let anchor = published
        .date
        .map(|d| d.range().1)
        .or(options.reference_date)
        .or_else(|| {
            page_year
                .then(|| dateline_year_anchor(text, article))
                .flatten()
        });
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
                        warnings.push(if page_year {
                            format!(
                                "the year of the wire dateline {s:?} comes from the dates the page mentions"
                            )
                        } else {
                            format!(
                                "the year of the wire dateline {s:?} comes from the reference date {anchor}"
                            )
                        });
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
    if options.body_evidence {
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
/// Lines read for stamps (bounded cost on huge dumps).
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
    let mut out = Vec::new();
    let mut nonblank = 0;
    let mut pos = 0;
    for raw in text.split('\n').take(MAX_STAMP_LINES) {
        let start = pos;
        pos += raw.len() + 1;
        let whole = raw.trim_end_matches('\r');
        if whole.trim().is_empty() {
            continue;
        }
        nonblank += 1;
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
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let found = find(line, &Options::default());
        let outside_header =
            |t: &Timex| header_date.map_or(true, |h| t.span.start + start >= h.end);
        let Some((t, date)) = found
            .iter()
            .filter(|t| outside_header(t))
            .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
            .filter(|t| t.anchor == AnchorUse::None)
            .find_map(|t| day_of(t).map(|d| (t, DateValue::day(d))))
        else {
            continue;
        };
        let before = line.get(..t.span.start).unwrap_or("");
        let after = line.get(t.span.end..).unwrap_or("");
        // A stamp word right before the date ("Updated: 2009-03-23", "Posted on January 20,
        // 2017", "Last updated on: 15 April, 2019") on a line that is not a sentence.
        let last_words: Vec<&str> = words(before).collect();
        let cue = last_words
            .iter()
            .rev()
            .take(3)
            .any(|w| STAMP_CUES.iter().any(|c| w.eq_ignore_ascii_case(c)))
            && !line.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
        let outside: usize = {
            let mut n = 0;
            let mut p = 0;
            for f in found.iter().filter(|f| outside_header(f)) {
                n += words(line.get(p..f.span.start).unwrap_or("")).count();
                p = f.span.end.max(p);
            }
            n + words(line.get(p..).unwrap_or("")).count()
        };
        let dateline = last_words.len() <= MAX_DATELINE_WORDS
            && after.trim_start().starts_with(['–', '—', '-']);
        let stamp = dateline
            || (!long && (outside <= MAX_STAMP_WORDS || (cue && outside <= MAX_CUED_STAMP_WORDS)));
        if !stamp {
            continue;
        }
        out.push(Stamp {
            date,
            line: Span::new(start, start + whole.len()),
            top: nonblank <= TOP_LINES || start < body_start,
            strong: cue || dateline || t.kind == TimexKind::Time,
        });
    }
    out
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

/// A date line among the first two non-blank lines (a masthead's date of the day) followed at
/// the top by a stamp with an earlier date (the article's): that stamp and the date line text.
fn masthead_date(text: &str, article: &Article, stamps: &[Stamp]) -> Option<(Stamp, String)> {
    let dl = article.date_line.as_ref()?;
    let dl_date = dl.date?;
    let first_lines = text
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .map(|l| l.len())
        .sum::<usize>();
    let lead_lines = text.len() - text.trim_start().len() + first_lines + 2;
    if dl.span.start > lead_lines {
        return None;
    }
    let stamp = stamps
        .iter()
        .find(|s| s.top && s.line.start > dl.span.end && s.date.date < dl_date.date)?;
    Some((*stamp, dl.span.slice(text).unwrap_or("").to_owned()))
}

/// A date near the explicit dates the page gives, to resolve a wire dateline's month and day
/// ("Nov. 14") when nothing else gives a year: the latest explicit date (with its year) of the
/// title, standfirst, captions and body. The dateline's year is then the one that puts it
/// closest to that date.
fn dateline_year_anchor(text: &str, article: &Article) -> Option<NaiveDate> {
    let mut regions: Vec<Span> = article.title.iter().map(|t| t.span).collect();
    regions.extend(article.standfirst);
    regions.extend(article.captions.iter().map(|c| c.text));
    regions.extend(body_regions(article));
    let found = find_in(text, &regions, &Options::default());
    found
        .iter()
        .filter(|t| t.anchor == AnchorUse::None && t.kind == TimexKind::Date)
        .filter_map(|t| DateValue::from_timex_value(&t.value))
        .map(|v| v.date)
        .max()
}

/// The latest explicit day (with its year) of the title, standfirst, captions and body, when
/// it falls on the weekday the lead (the first five paragraphs) names bare: "Oil prices climbed
/// sharply Friday" under a photo dated "Dec. 7, 2018".
fn weekday_dated(text: &str, article: &Article) -> Option<DateValue> {
    let lead: Vec<Span> = article.paragraphs.iter().take(5).copied().collect();
    let named = find_in(text, &lead, &Options::default())
        .into_iter()
        .find(|t| t.kind == TimexKind::Date && t.value.starts_with("XXXX-WXX-"))?;
    let wd = u32::from(*named.value.as_bytes().get(9)?).checked_sub(u32::from(b'0'))?;
    let mut regions: Vec<Span> = article.title.iter().map(|t| t.span).collect();
    regions.extend(article.standfirst);
    regions.extend(article.captions.iter().map(|c| c.text));
    regions.extend(body_regions(article));
    regions.sort_unstable();
    find_in(text, &regions, &Options::default())
        .iter()
        .filter(|t| t.anchor == AnchorUse::None)
        .filter_map(day_of)
        .max()
        .filter(|d| d.weekday().number_from_monday() == wd)
        .map(DateValue::day)
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
    fn durations() {
        assert_eq!(duration_months("P3Y"), Some(36));
        assert_eq!(duration_months("P18M"), Some(18));
        assert_eq!(duration_months("P2W"), None);
        assert_eq!(duration_months("PXY"), None);
        assert_eq!(duration_months("P"), None);
    }
}
