//! Word lists: months, weekdays, units, number words, seasons, parts of day.

use crate::lex::Tok;

/// Month number (1-12) of a month name or abbreviation. Months must be capitalized
/// ("may" and "march" are verbs).
pub(crate) fn month(t: &Tok) -> Option<u32> {
    if !t.is_word() || !t.cap {
        return None;
    }
    Some(match t.low() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True when the month word is an abbreviation (needs care: "Mar", "Sept").
pub(crate) fn month_is_abbrev(t: &Tok) -> bool {
    t.low().len() <= 4 && !t.is("may") && !t.is("june") && !t.is("july")
}

/// Weekday index, Monday = 0. Full names only; abbreviations via [`weekday_abbrev`].
pub(crate) fn weekday(t: &Tok) -> Option<u32> {
    if !t.is_word() || !t.cap {
        return None;
    }
    Some(match t.low() {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// Weekday abbreviations ("Tue", "Thurs"); callers require a following period or date.
pub(crate) fn weekday_abbrev(t: &Tok) -> Option<u32> {
    if !t.is_word() || !t.cap {
        return None;
    }
    Some(match t.low() {
        "mon" => 0,
        "tue" | "tues" => 1,
        "wed" => 2,
        "thu" | "thur" | "thurs" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    })
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// True for sub-day units (durations use the `PT` form).
    pub(crate) fn is_time(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A unit word and whether it is plural.
pub(crate) fn unit(t: &Tok) -> Option<(Unit, bool)> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "fortnight" => (Unit::Fortnight, false),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "millennium" => (Unit::Millennium, false),
        "millennia" | "millenniums" => (Unit::Millennium, true),
        _ => return None,
    })
}

/// "weeklong", "yearlong", ...: a one-unit duration adjective.
pub(crate) fn long_adjective(t: &Tok) -> Option<Unit> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "daylong" => Unit::Day,
        "weeklong" => Unit::Week,
        "monthlong" => Unit::Month,
        "yearlong" => Unit::Year,
        "decadelong" => Unit::Decade,
        _ => return None,
    })
}

/// Cardinal number words ("one" .. "ninety", "hundred", "dozen").
pub(crate) fn number_word(t: &Tok) -> Option<u32> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words ("first" .. "twelfth", "last").
pub(crate) fn ordinal_word(t: &Tok) -> Option<u32> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        _ => return None,
    })
}

/// Season code ("SP", "SU", "FA", "WI").
pub(crate) fn season(t: &Tok) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code ("MO", "AF", "EV", "NI").
pub(crate) fn part_of_day(t: &Tok) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// UTC offset of a time-zone abbreviation that is unambiguous in English news.
pub(crate) fn zone(t: &Tok) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    Some(match t.low() {
        "gmt" | "utc" | "z" => "Z",
        "bst" | "cet" | "wat" => "+01:00",
        "cest" | "eet" | "sast" => "+02:00",
        "eest" | "msk" => "+03:00",
        "pkt" => "+05:00",
        "ict" | "wib" => "+07:00",
        "hkt" | "sgt" | "awst" | "pht" => "+08:00",
        "kst" | "jst" => "+09:00",
        "aest" => "+10:00",
        "aedt" => "+11:00",
        "nzst" => "+12:00",
        "nzdt" => "+13:00",
        "est" => "-05:00",
        "edt" => "-04:00",
        "cdt" => "-05:00",
        "mst" => "-07:00",
        "mdt" => "-06:00",
        "pst" => "-08:00",
        "pdt" => "-07:00",
        "et" | "ct" | "pt" => "",
        _ => return None,
    })
}
