//! Calendar helpers: valid dates, shifting, ISO weeks, and the concrete range of a value.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A valid date or `None` ("February 30" is `None`).
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Last day of a month.
pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// `d` shifted by `n` days.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `(year, month)` shifted by `n` months.
pub(crate) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let y2 = total.div_euclid(12);
    let m2 = total.rem_euclid(12) + 1;
    (
        i32::try_from(y2).unwrap_or(y),
        u32::try_from(m2).unwrap_or(m),
    )
}

/// ISO week value "2023-W38".
pub(crate) fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// "2023-09-23".
pub(crate) fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Weekday index Monday = 0.
pub(crate) fn wd_index(d: NaiveDate) -> i64 {
    i64::from(d.weekday().num_days_from_monday())
}

/// The most recent `wd` on or before `d` (`strict`: before).
pub(crate) fn weekday_back(d: NaiveDate, wd: u32, strict: bool) -> Option<NaiveDate> {
    let mut diff = (wd_index(d) - i64::from(wd)).rem_euclid(7);
    if strict && diff == 0 {
        diff = 7;
    }
    add_days(d, -diff)
}

/// The next `wd` on or after `d` (`strict`: after).
pub(crate) fn weekday_forward(d: NaiveDate, wd: u32, strict: bool) -> Option<NaiveDate> {
    let mut diff = (i64::from(wd) - wd_index(d)).rem_euclid(7);
    if strict && diff == 0 {
        diff = 7;
    }
    add_days(d, diff)
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`-th `wd` (Monday = 0) of a month.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    let d = weekday_forward(first, wd, false)?;
    add_days(d, i64::from(n.saturating_sub(1)) * 7)
}

/// True when US daylight saving time is in force on `d` (from 2007: the second Sunday of
/// March to the first Sunday of November; 1987-2006: the first Sunday of April to the last
/// Sunday of October). The switch happens at 2 a.m.; the day of the switch counts as the new
/// time.
pub(crate) fn us_daylight_time(d: NaiveDate) -> bool {
    let y = d.year();
    let bounds = if y >= 2007 {
        nth_weekday(y, 3, 6, 2).zip(nth_weekday(y, 11, 6, 1))
    } else {
        let last_october = nth_weekday(y, 10, 6, 5)
            .filter(|s| s.month() == 10)
            .or_else(|| nth_weekday(y, 10, 6, 4));
        nth_weekday(y, 4, 6, 1).zip(last_october)
    };
    bounds.is_some_and(|(start, end)| start <= d && d < end)
}

fn num(s: &str) -> Option<i32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The concrete inclusive date range a TIMEX3 value denotes, if any.
pub(crate) fn range_of(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date_part = value.split('T').next().unwrap_or("");
    let mut parts = date_part.split('-');
    let first = parts.next()?;
    let y = match first.len() {
        4 => num(first)?,
        3 => {
            let dec = num(first)?;
            if parts.next().is_some() {
                return None;
            }
            return Some((ymd(dec * 10, 1, 1)?, ymd(dec * 10 + 9, 12, 31)?));
        }
        2 => {
            let c = num(first)?;
            if parts.next().is_some() {
                return None;
            }
            return Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?));
        }
        _ => return None,
    };
    let Some(second) = parts.next() else {
        return Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?));
    };
    let third = parts.next();
    let week = second
        .strip_prefix('W')
        .filter(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()));
    if parts.next().is_some() && week.is_none() {
        return None;
    }
    if let Some(w) = week {
        let w = u32::try_from(num(w)?).ok()?;
        let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
        return match third {
            None => Some((monday, add_days(monday, 6)?)),
            Some("WE") => Some((add_days(monday, 5)?, add_days(monday, 6)?)),
            Some(d) => {
                let d = num(d)?;
                if !(1..=7).contains(&d) {
                    return None;
                }
                let day = add_days(monday, i64::from(d - 1))?;
                Some((day, day))
            }
        };
    }
    if third.is_some() && num(second).is_none() {
        return None;
    }
    let (m0, m1) = match second {
        "Q1" => (1, 3),
        "Q2" => (4, 6),
        "Q3" => (7, 9),
        "Q4" => (10, 12),
        "H1" => (1, 6),
        "H2" => (7, 12),
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        "WI" => {
            let end = month_end(y + 1, 2)?;
            return Some((ymd(y, 12, 1)?, end));
        }
        _ => {
            let m = u32::try_from(num(second)?).ok()?;
            match third {
                None => return Some((ymd(y, m, 1)?, month_end(y, m)?)),
                Some(d) => {
                    let d = ymd(y, m, u32::try_from(num(d)?).ok()?)?;
                    return Some((d, d));
                }
            }
        }
    };
    Some((ymd(y, m0, 1)?, month_end(y, m1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        ymd(y, m, dd).unwrap()
    }

    #[test]
    fn ranges() {
        assert_eq!(range_of("2022-11"), Some((d(2022, 11, 1), d(2022, 11, 30))));
        assert_eq!(range_of("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(
            range_of("2023-09-23"),
            Some((d(2023, 9, 23), d(2023, 9, 23)))
        );
        assert_eq!(
            range_of("2023-09-23T14:02"),
            Some((d(2023, 9, 23), d(2023, 9, 23)))
        );
        assert_eq!(range_of("2023-W38"), Some((d(2023, 9, 18), d(2023, 9, 24))));
        assert_eq!(
            range_of("2023-W38-WE"),
            Some((d(2023, 9, 23), d(2023, 9, 24)))
        );
        assert_eq!(range_of("2023-Q3"), Some((d(2023, 7, 1), d(2023, 9, 30))));
        assert_eq!(range_of("2023-WI"), Some((d(2023, 12, 1), d(2024, 2, 29))));
        assert_eq!(range_of("199"), Some((d(1990, 1, 1), d(1999, 12, 31))));
        assert_eq!(range_of("19"), Some((d(1900, 1, 1), d(1999, 12, 31))));
        assert_eq!(range_of("2023"), Some((d(2023, 1, 1), d(2023, 12, 31))));
        for v in [
            "P4Y",
            "XXXX-09-26",
            "PRESENT_REF",
            "2023-02-30",
            "2023-13",
            "",
            "T17:00",
        ] {
            assert_eq!(range_of(v), None, "{v}");
        }
    }

    #[test]
    fn weekdays_and_holidays() {
        let sat = d(2023, 9, 23);
        assert_eq!(weekday_back(sat, 3, false), Some(d(2023, 9, 21)));
        assert_eq!(weekday_back(sat, 5, false), Some(sat));
        assert_eq!(weekday_back(sat, 5, true), Some(d(2023, 9, 16)));
        assert_eq!(weekday_forward(sat, 0, false), Some(d(2023, 9, 25)));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(nth_weekday(2023, 11, 3, 4), Some(d(2023, 11, 23)));
        assert_eq!(add_months(2023, 1, -1), (2022, 12));
        assert_eq!(week_value(d(2023, 1, 1)), "2022-W52");
    }

    #[test]
    fn us_daylight_saving() {
        assert!(!us_daylight_time(d(2021, 3, 13)));
        assert!(us_daylight_time(d(2021, 3, 14)));
        assert!(us_daylight_time(d(2021, 11, 6)));
        assert!(!us_daylight_time(d(2021, 11, 7)));
        assert!(!us_daylight_time(d(2003, 4, 5)));
        assert!(us_daylight_time(d(2003, 4, 6)));
        assert!(us_daylight_time(d(2003, 10, 25)));
        assert!(!us_daylight_time(d(2003, 10, 26)));
    }
}
