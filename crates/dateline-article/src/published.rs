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
//! 4. **Body evidence** (body paragraphs searched with `dateline_dates::find_in`, anchored on
//!    the chosen date):
//!    - the first bare weekday in the lead ("said on Tuesday") must be the chosen day or the
//!      day before; otherwise a warning and one confidence level less;
//!    - an elapsed duration next to an explicit past date ("last met in December 2019 ...
//!      after nearly three years") bounds a plausible window; a date outside it gets a warning
//!      and one confidence level less;
//!    - an explicit full date in the body within a week before the chosen date corroborates it
//!      (this alone can lift a January 1 header out of the placeholder case).

use chrono::{Datelike, Duration, Months, NaiveDate};
use dateline_dates::{find_in, parse_one, AnchorUse, Modifier, Options, Timex, TimexKind};
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

    // The wire dateline: month and day, year from the chosen date or the reference date.
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
        PublishedSource::Dateline => Confidence::Low,
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
        PublishedSource::None => "nothing",
    }
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
