//! Word lists: months, weekdays, units, number words, seasons, parts of day.

use crate::lex::Tok;

/// Month number (1-12) of a month name or abbreviation. Months must be capitalized
/// ("may" and "march" are verbs).
pub(crate) fn month(t: &Tok) -> Option<u32> {
    if !t.is_word() || !t.cap {
        return None;
    }
    Some(match t.lowb() {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sept" | b"sep" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

/// True when the month word is an abbreviation (needs care: "Mar", "Sept").
pub(crate) fn month_is_abbrev(t: &Tok) -> bool {
    t.lowb().len() <= 4 && !t.is("may") && !t.is("june") && !t.is("july")
}

/// Weekday index, Monday = 0. Full names only; abbreviations via [`weekday_abbrev`].
pub(crate) fn weekday(t: &Tok) -> Option<u32> {
    if !t.is_word() || !t.cap {
        return None;
    }
    Some(match t.lowb() {
        b"monday" => 0,
        b"tuesday" => 1,
        b"wednesday" => 2,
        b"thursday" => 3,
        b"friday" => 4,
        b"saturday" => 5,
        b"sunday" => 6,
        _ => return None,
    })
}

/// Weekday abbreviations ("Tue", "Thurs"); callers require a following period or date.
pub(crate) fn weekday_abbrev(t: &Tok) -> Option<u32> {
    if !t.is_word() || !t.cap {
        return None;
    }
    Some(match t.lowb() {
        b"mon" => 0,
        b"tue" | b"tues" => 1,
        b"wed" => 2,
        b"thu" | b"thur" | b"thurs" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
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
    Some(match t.lowb() {
        b"second" => (Unit::Second, false),
        b"seconds" | b"secs" => (Unit::Second, true),
        b"minute" | b"min" => (Unit::Minute, false),
        b"minutes" | b"mins" => (Unit::Minute, true),
        b"hour" | b"hr" => (Unit::Hour, false),
        b"hours" | b"hrs" => (Unit::Hour, true),
        b"day" => (Unit::Day, false),
        b"days" => (Unit::Day, true),
        b"week" => (Unit::Week, false),
        b"weeks" => (Unit::Week, true),
        b"weekend" => (Unit::Weekend, false),
        b"weekends" => (Unit::Weekend, true),
        b"fortnight" => (Unit::Fortnight, false),
        b"month" => (Unit::Month, false),
        b"months" => (Unit::Month, true),
        b"quarter" => (Unit::Quarter, false),
        b"quarters" => (Unit::Quarter, true),
        b"year" | b"yr" => (Unit::Year, false),
        b"years" | b"yrs" => (Unit::Year, true),
        b"decade" => (Unit::Decade, false),
        b"decades" => (Unit::Decade, true),
        b"century" => (Unit::Century, false),
        b"centuries" => (Unit::Century, true),
        b"millennium" => (Unit::Millennium, false),
        b"millennia" | b"millenniums" => (Unit::Millennium, true),
        _ => return None,
    })
}

/// "weeklong", "yearlong", ...: a one-unit duration adjective.
pub(crate) fn long_adjective(t: &Tok) -> Option<Unit> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"daylong" => Unit::Day,
        b"weeklong" => Unit::Week,
        b"monthlong" => Unit::Month,
        b"yearlong" => Unit::Year,
        b"decadelong" => Unit::Decade,
        _ => return None,
    })
}

/// Cardinal number words ("one" .. "ninety", "hundred", "dozen").
pub(crate) fn number_word(t: &Tok) -> Option<u32> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        b"hundred" => 100,
        b"dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words ("first" .. "twelfth", "last").
pub(crate) fn ordinal_word(t: &Tok) -> Option<u32> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        _ => return None,
    })
}

/// Spelled ordinal days of the month that are one word ("first" .. "twentieth",
/// "thirtieth"); "twenty-first" is "twenty" + [`ordinal_word`] (see the grammar).
pub(crate) fn day_ordinal_word(t: &Tok) -> Option<u32> {
    if let Some(n) = ordinal_word(t) {
        return Some(n);
    }
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        _ => return None,
    })
}

/// Season code ("SP", "SU", "FA", "WI").
pub(crate) fn season(t: &Tok) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"spring" => "SP",
        b"summer" => "SU",
        b"autumn" | b"fall" => "FA",
        b"winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code ("MO", "AF", "EV", "NI").
pub(crate) fn part_of_day(t: &Tok) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"morning" => "MO",
        b"afternoon" => "AF",
        b"evening" => "EV",
        b"night" | b"overnight" => "NI",
        _ => return None,
    })
}

/// UTC offset of a time-zone abbreviation that is unambiguous in English news.
pub(crate) fn zone(t: &Tok) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"gmt" | b"utc" | b"z" => "Z",
        b"bst" | b"cet" | b"wat" => "+01:00",
        b"cest" | b"eet" | b"sast" => "+02:00",
        b"eest" | b"msk" => "+03:00",
        b"pkt" => "+05:00",
        b"ict" | b"wib" => "+07:00",
        b"hkt" | b"sgt" | b"awst" | b"pht" => "+08:00",
        b"kst" | b"jst" => "+09:00",
        b"aest" => "+10:00",
        b"aedt" => "+11:00",
        b"nzst" => "+12:00",
        b"nzdt" => "+13:00",
        b"est" => "-05:00",
        b"edt" => "-04:00",
        b"cdt" => "-05:00",
        b"mst" => "-07:00",
        b"mdt" => "-06:00",
        b"pst" => "-08:00",
        b"pdt" => "-07:00",
        // India Standard Time: in English-language news the Indian zone far more often than
        // Irish or Israel time.
        b"ist" => "+05:30",
        _ => return None,
    })
}

/// The standard-time UTC offset in hours of a US zone written without standard/daylight
/// ("ET" -5, "CT" -6, "MT" -7, "PT" -8); the offset in force depends on the date
/// ([`crate::resolve::us_daylight_time`]).
pub(crate) fn us_zone(t: &Tok) -> Option<i32> {
    if !t.is_word() {
        return None;
    }
    Some(match t.lowb() {
        b"et" => -5,
        b"ct" => -6,
        b"mt" => -7,
        b"pt" => -8,
        _ => return None,
    })
}
