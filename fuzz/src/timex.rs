//! A validator for TIMEX3 `value` attributes (TimeML 1.2.1, ISO 8601 subset) and their
//! agreement with the TIMEX3 `type`.
//!
//! Std only, so the CLI's hostile-input test can include this file with `#[path]` and check
//! the JSON the binary prints with the same rules the fuzz targets apply.
//!
//! Accepted values (what a TimeML annotator may write, and what `dateline-dates` documents):
//! - references: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`;
//! - dates: `2023`, `2023-09`, `2023-09-23` (a real calendar day when fully numeric),
//!   `2023-W38`, `2023-W38-6`, `2023-W38-WE`, `2023-Q3`, `2023-H1`, `2023-SU`, decades
//!   `202` / `199X`, centuries `20` / `19XX`, millennia `2`, `BC0044`, and any digit of a
//!   four-character year, month, day or week replaced by `X` (`XXXX-09-26`, `XXXX-WXX-2`);
//! - times: a date (possibly `XXXX-XX-XX`) or nothing, then `T` and `HH`, `HH:MM` or
//!   `HH:MM:SS` with an optional zone (`Z`, `+09:00`), or a part of day `MO`, `AF`, `EV`,
//!   `NI`, `DT`;
//! - durations: `P` followed by components `<n><unit>` with units `Y`, `M`, `W`, `D`, `DE`,
//!   `CE`, `ML`, `Q` (TimeBank's quarters) and, after `T`, `H`, `M`, `S`; `<n>` is digits (optionally with a decimal
//!   fraction) or `X`.
//!
//! Type agreement: `DURATION` needs a duration; `DATE` a date or reference, or a date with a
//! part of day (`2023-09-22TNI`: TimeBank, AQUAINT and MEANTIME type "Friday night" DATE three
//! times as often as TIME), but no clock time; `TIME` a time part (`T...`) or a reference
//! (TimeBank and MEANTIME have TIME `PAST_REF` and `FUTURE_REF`; dateline gives `FUTURE_REF` to
//! a clock time on a day past 9999-12-31, "noon tomorrow" on that day);
//! `SET` a duration or a date/time pattern.

#![allow(dead_code, unreachable_pub)]

/// Checks a TIMEX3 `value` against its `type` (`DATE`, `TIME`, `DURATION`, `SET`).
///
/// # Errors
/// A message saying what is malformed.
pub fn check(kind: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("empty value".into());
    }
    if !value.is_ascii() {
        return Err(format!("non-ASCII value {value:?}"));
    }
    let shape = shape(value).map_err(|e| format!("value {value:?}: {e}"))?;
    let ok = match kind {
        "DURATION" => shape == Shape::Duration,
        "DATE" => matches!(shape, Shape::Date | Shape::Ref) || is_part_of_day(value),
        "TIME" => matches!(shape, Shape::Time | Shape::Ref),
        "SET" => matches!(shape, Shape::Duration | Shape::Date | Shape::Time),
        other => return Err(format!("unknown TIMEX3 type {other:?}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "value {value:?} ({shape:?}) does not fit type {kind}"
        ))
    }
}

/// Whether a (valid) time value is a date followed by a part of day: `XXXX-WXX-5TNI`.
fn is_part_of_day(value: &str) -> bool {
    value.split_once('T').is_some_and(|(date, part)| {
        !date.is_empty() && matches!(part, "MO" | "AF" | "EV" | "NI" | "DT")
    })
}

/// What a syntactically valid value denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref,
    /// A calendar date or period without a time part.
    Date,
    /// A value with a `T` time part.
    Time,
    /// `P...`.
    Duration,
}

/// Parses `value` and says what it is.
///
/// # Errors
/// A message saying what is malformed.
pub fn shape(value: &str) -> Result<Shape, String> {
    match value {
        "PRESENT_REF" | "PAST_REF" | "FUTURE_REF" => return Ok(Shape::Ref),
        _ => {}
    }
    if let Some(rest) = value.strip_prefix('P') {
        duration(rest)?;
        return Ok(Shape::Duration);
    }
    let (date_part, time_part) = match value.find('T') {
        Some(i) => (&value[..i], Some(&value[i + 1..])),
        None => (value, None),
    };
    if date_part.is_empty() && time_part.is_none() {
        return Err("empty".into());
    }
    if !date_part.is_empty() {
        date(date_part)?;
    }
    match time_part {
        Some(t) => {
            // A time of day needs a day (or nothing: "T17:00"); not "2023-09T10:00".
            if !date_part.is_empty() && !is_day(date_part) {
                return Err(format!("time part on a non-day date {date_part:?}"));
            }
            time(t)?;
            Ok(Shape::Time)
        }
        None => Ok(Shape::Date),
    }
}

fn is_day(date: &str) -> bool {
    // "BC0001-08-03" is a day too (a narrative's year-less date after "1 BC").
    let date = date.strip_prefix("BC").unwrap_or(date);
    let b = date.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-') // YYYY-MM-DD
        || (b.len() == 10 && &date[4..6] == "-W" && b[8] == b'-' && b[9] != b'E')
    // YYYY-Www-D
}

fn digits_or_x(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit() || c == b'X')
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

/// A two-character field: digits in `lo..=hi`, or `XX`, or one digit and one `X`.
fn field(s: &str, lo: u32, hi: u32, what: &str) -> Result<Option<u32>, String> {
    if s.len() != 2 || !digits_or_x(s) {
        return Err(format!("bad {what} {s:?}"));
    }
    if !all_digits(s) {
        return Ok(None);
    }
    let n: u32 = s.parse().map_err(|_| format!("bad {what} {s:?}"))?;
    if n < lo || n > hi {
        return Err(format!("{what} {n} out of {lo}..={hi}"));
    }
    Ok(Some(n))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn date(s: &str) -> Result<(), String> {
    if let Some(rest) = s.strip_prefix("BC") {
        // "BC0044", "BC0044-03": a year before the common era, with the usual suffixes.
        if rest.starts_with("BC") || rest.is_empty() {
            return Err(format!("bad BC date {s:?}"));
        }
        return date(rest);
    }
    let (year, rest) = if s.len() > 4 && s.as_bytes()[4] == b'-' {
        (&s[..4], Some(&s[5..]))
    } else {
        (s, None)
    };
    // Year (4), decade (3), century (2) or millennium (1) digits, X for unknown digits.
    if year.is_empty() || year.len() > 4 || !digits_or_x(year) {
        return Err(format!("bad year {year:?}"));
    }
    // An X may only replace trailing digits ("19XX", "XXXX"), never "X9X1".
    if year.trim_end_matches('X').contains('X') {
        return Err(format!("bad year {year:?}"));
    }
    let Some(rest) = rest else {
        return Ok(());
    };
    if year.len() != 4 {
        return Err(format!(
            "{year:?} is not a four-character year but has a suffix"
        ));
    }
    let y = year.parse::<u32>().ok();
    match rest.as_bytes().first() {
        Some(b'W') if rest != "WI" => {
            let w = &rest[1..];
            let (week, tail) = if w.len() > 2 {
                (&w[..2], Some(&w[2..]))
            } else {
                (w, None)
            };
            field(week, 1, 53, "week")?;
            match tail {
                None => Ok(()),
                Some("-WE") => Ok(()),
                Some(t) if t.len() == 2 && t.starts_with('-') => {
                    let d = &t[1..];
                    if d == "X" || matches!(d.as_bytes()[0], b'1'..=b'7') {
                        Ok(())
                    } else {
                        Err(format!("bad weekday {d:?}"))
                    }
                }
                Some(t) => Err(format!("bad week suffix {t:?}")),
            }
        }
        Some(b'Q') => match &rest[1..] {
            "1" | "2" | "3" | "4" | "X" => Ok(()),
            q => Err(format!("bad quarter {q:?}")),
        },
        Some(b'H') => match &rest[1..] {
            "1" | "2" | "X" => Ok(()),
            h => Err(format!("bad half {h:?}")),
        },
        _ => match rest {
            "SP" | "SU" | "FA" | "WI" => Ok(()),
            _ => {
                let (month, day) = if rest.len() > 2 {
                    if rest.as_bytes()[2] != b'-' {
                        return Err(format!("bad month-day {rest:?}"));
                    }
                    (&rest[..2], Some(&rest[3..]))
                } else {
                    (rest, None)
                };
                let m = field(month, 1, 12, "month")?;
                if let Some(day) = day {
                    let d = field(day, 1, 31, "day")?;
                    if let (Some(y), Some(m), Some(d)) = (y, m, d) {
                        if d > days_in_month(y, m) {
                            return Err(format!("no such day {y:04}-{m:02}-{d:02}"));
                        }
                    }
                    // "XXXX-02-30" is no day in any year.
                    if let (None, Some(m), Some(d)) = (y, m, d) {
                        if d > days_in_month(2000, m) {
                            return Err(format!("no such day XXXX-{m:02}-{d:02}"));
                        }
                    }
                }
                Ok(())
            }
        },
    }
}

fn time(s: &str) -> Result<(), String> {
    match s {
        "MO" | "AF" | "EV" | "NI" | "DT" => return Ok(()),
        _ => {}
    }
    // Split off a zone: Z, +HH:MM, -HH:MM.
    let (clock, zone) = if let Some(c) = s.strip_suffix('Z') {
        (c, None)
    } else if s.len() > 6 && matches!(s.as_bytes()[s.len() - 6], b'+' | b'-') {
        (&s[..s.len() - 6], Some(&s[s.len() - 5..]))
    } else {
        (s, None)
    };
    if let Some(z) = zone {
        if z.len() != 5 || z.as_bytes()[2] != b':' {
            return Err(format!("bad zone {z:?}"));
        }
        field(&z[..2], 0, 14, "zone hour")?;
        field(&z[3..], 0, 59, "zone minute")?;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.is_empty() || parts.len() > 3 {
        return Err(format!("bad time {s:?}"));
    }
    field(parts[0], 0, 24, "hour")?;
    if let Some(m) = parts.get(1) {
        field(m, 0, 59, "minute")?;
    }
    if let Some(sec) = parts.get(2) {
        field(sec, 0, 60, "second")?;
    }
    Ok(())
}

fn duration(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("empty duration".into());
    }
    let (date_part, time_part) = match s.find('T') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    // Q (quarters) as TimeBank annotates "four consecutive quarters" (P4Q).
    let mut n = components(date_part, &["Y", "Q", "M", "W", "D", "DE", "CE", "ML"])?;
    if let Some(t) = time_part {
        let k = components(t, &["H", "M", "S"])?;
        if k == 0 {
            return Err("empty time part in duration".into());
        }
        n += k;
    }
    if n == 0 {
        Err("duration without components".into())
    } else {
        Ok(())
    }
}

/// `<n><unit>` components; returns how many.
fn components(mut s: &str, units: &[&str]) -> Result<usize, String> {
    let mut count = 0;
    while !s.is_empty() {
        let num_len = if s.starts_with('X') {
            1
        } else {
            s.bytes()
                .take_while(|c| c.is_ascii_digit() || *c == b'.')
                .count()
        };
        let num = &s[..num_len];
        if num.is_empty()
            || num.starts_with('.')
            || num.ends_with('.')
            || num.matches('.').count() > 1
        {
            return Err(format!("bad duration amount in {s:?}"));
        }
        s = &s[num_len..];
        let unit = units
            .iter()
            .filter(|u| s.starts_with(**u))
            .max_by_key(|u| u.len())
            .ok_or_else(|| format!("bad duration unit in {s:?}"))?;
        s = &s[unit.len()..];
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_values() {
        for (k, v) in [
            ("DATE", "2023-09-23"),
            ("DATE", "2023-09"),
            ("DATE", "2023-W38"),
            ("DATE", "2023-W38-WE"),
            ("DATE", "2023-Q3"),
            ("DATE", "2023-H1"),
            ("DATE", "2023-SU"),
            ("DATE", "2023-WI"),
            ("DATE", "XXXX-09-26"),
            ("DATE", "XXXX-02-29"),
            ("DATE", "PRESENT_REF"),
            ("DATE", "202"),
            ("DATE", "19XX"),
            ("DATE", "20"),
            ("DATE", "2"),
            ("DATE", "BC0044"),
            ("DATE", "2024-02-29"),
            ("TIME", "2023-09-23T14:02"),
            ("TIME", "T17:00"),
            ("TIME", "XXXX-XX-XXT09:55"),
            ("TIME", "2023-09-23TNI"),
            ("DATE", "2023-09-23TNI"),
            ("DATE", "XXXX-WXX-5TEV"),
            ("TIME", "2023-09-23T14:02+09:00"),
            ("TIME", "2023-09-23T14:02Z"),
            ("DURATION", "P4Y"),
            ("DURATION", "PT25M"),
            ("DURATION", "PXW"),
            ("DURATION", "P1Y6M"),
            ("DURATION", "P2DT12H"),
            ("DURATION", "PXDE"),
            ("DURATION", "PT5H30M"),
            ("DURATION", "P4Q"),
            ("DATE", "BC0044-03"),
            ("TIME", "BC0001-08-03T15:49"),
            ("TIME", "PRESENT_REF"),
            ("TIME", "FUTURE_REF"),
            ("TIME", "PAST_REF"),
            ("SET", "P1Y"),
            ("SET", "XXXX-WXX-2"),
            ("SET", "XXXX-09"),
            ("SET", "TMO"),
        ] {
            assert_eq!(check(k, v), Ok(()), "{k} {v}");
        }
    }

    #[test]
    fn rejects_malformed_values() {
        for (k, v) in [
            ("DATE", ""),
            ("DATE", "2023-13"),
            ("DATE", "2023-09-23T14:02"),
            ("DATE", "TNI"),
            ("DATE", "2023-02-29"),
            ("DATE", "2023-09-31"),
            ("DATE", "2023-00-10"),
            ("DATE", "-001"),
            ("DATE", "10000"),
            ("DATE", "2023-W54"),
            ("DATE", "2023-Q5"),
            ("DATE", "X9X1"),
            ("DATE", "2023-9-1"),
            ("DATE", "2023-09-23T10:00"),
            ("DATE", "P4Y"),
            ("TIME", "2023-09-23"),
            ("TIME", "2023-09T10:00"),
            ("TIME", "T25:00"),
            ("TIME", "T10:60"),
            ("DURATION", "P"),
            ("DURATION", "PT"),
            ("DURATION", "P4"),
            ("DURATION", "P4K"),
            ("DATE", "BCBC0044"),
            ("DURATION", "2023"),
            ("DATE", "2023-09-23\u{e9}"),
            ("SOMETHING", "2023"),
        ] {
            assert!(check(k, v).is_err(), "{k} {v:?} accepted");
        }
    }
}
