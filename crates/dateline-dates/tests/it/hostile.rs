//! Hostile input: nothing panics, impossible dates are rejected, work stays linear.

use chrono::{Datelike, NaiveDate};
use dateline_dates::{find, find_in, parse_one, DateError, Options, TimexKind};
use dateline_text::Span;

fn anchored() -> Options {
    Options::with_anchor(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap())
}

#[test]
fn empty_and_blank() {
    assert!(find("", &anchored()).is_empty());
    assert!(find(" \n\t ", &anchored()).is_empty());
    assert_eq!(parse_one("", &anchored()), Err(DateError::Empty));
    assert!(matches!(
        parse_one("no dates", &anchored()),
        Err(DateError::NotFound { .. })
    ));
}

#[test]
fn ten_thousand_digits() {
    let text = "7".repeat(10_000);
    assert!(find(&text, &anchored()).is_empty());
    let text = format!("On {} September 2023", "1".repeat(10_000));
    let found = find(&text, &anchored());
    assert!(found.iter().all(|t| t.value != "2023-09-11"));
}

#[test]
fn next_next_next() {
    let text = "next ".repeat(20_000) + "month";
    let found = find(&text, &anchored());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "next month");
}

#[test]
fn glued_month_names() {
    let text =
        "JanuaryFebruaryMarchAprilMayJuneJulyAugustSeptemberOctoberNovemberDecember".repeat(100);
    assert!(find(&text, &anchored()).is_empty());
    assert!(find("Mayday Marches Decembers Junes", &anchored()).is_empty());
}

#[test]
fn impossible_dates_are_not_values() {
    for text in [
        "February 30, 2023",
        "13/13/2023",
        "2023-02-29",
        "31 April 2022",
        "2023-13-01",
    ] {
        let found = find(text, &anchored());
        assert!(
            found
                .iter()
                .all(|t| t.range().map_or(true, |(a, b)| a <= b)
                    && !t.value.starts_with("2023-02-3")),
            "{text}: {found:?}"
        );
        assert!(
            found
                .iter()
                .all(|t| !t.value.contains("-13-") && !t.value.ends_with("-02-29")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn impossible_year_less_days_are_not_values() {
    // "next February 31" without an anchor gave XXXX-02-31 (fuzz, session 3).
    let texts = [
        "next February 31",
        "last February 30",
        "next\n\nFebruary 31",
        "this April 31",
        "February 30",
        "on June 31",
    ];
    for text in texts {
        for opts in [Options::default(), anchored()] {
            for t in find(text, &opts) {
                for bad in ["-02-30", "-02-31", "-04-31", "-06-31"] {
                    assert!(!t.value.contains(bad), "{text}: {t:?}");
                }
            }
        }
    }
    // A day that exists in some year stays: February 29 without a year.
    let found = find("next February 29", &Options::default());
    assert_eq!(found[0].value, "XXXX-02-29", "{found:?}");
}

#[test]
fn lossy_binary_junk() {
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let found = find(&text, &anchored());
    for t in &found {
        assert_eq!(&text[t.span.range()], t.text);
    }
}

#[test]
fn long_single_line() {
    // 5 MB on one line (the 50 MB case runs in the benchmark).
    let unit = "The minister said on Tuesday that talks would resume on Sept. 26, 2023, ";
    let text = unit.repeat(5_000_000 / unit.len());
    let found = find(&text, &anchored());
    assert_eq!(found.len(), 2 * (5_000_000 / unit.len()));
}

#[test]
fn regions_out_of_bounds_or_inside_chars() {
    let text = "é 2019 — 2020 ü";
    let found = find_in(
        text,
        &[Span::new(1, 9), Span::new(50, 90), Span::new(9, 3)],
        &anchored(),
    );
    for t in &found {
        assert_eq!(&text[t.span.range()], t.text);
    }
}

#[test]
fn a_region_starting_inside_a_character_is_clipped_inwards() {
    let text = "ü2019, and 2020";
    for t in find_in(text, &[Span::new(1, text.len())], &anchored()) {
        assert!(t.span.start >= 1, "{t:?} starts before the region");
    }
}

#[test]
fn trigger_dense_text_is_cut_into_bounded_windows() {
    let text = "Monday 2023 weekly ".repeat(20_000);
    let found = find(&text, &anchored());
    assert!(found.len() >= 3 * 19_000, "{}", found.len());
    for t in &found {
        assert_eq!(&text[t.span.range()], t.text);
    }
}

/// Fuzz findings: anchor arithmetic must not leave TIMEX3's four-digit years
/// (`fuzz/regressions/dates/negative-year-5000-years-ago`, `year-10000-tomorrow`,
/// `bc-year-five-digits`).
#[test]
fn years_outside_four_digits_stay_valid_timex3() {
    let found = find("It began 5000 years ago.", &anchored());
    let t = found
        .iter()
        .find(|t| t.text.contains("5000 years ago"))
        .unwrap();
    assert_eq!(t.value, "BC2978");
    assert_eq!(t.range(), None);
    // Beyond BC9999 TIMEX3 has no year: "the past" (`time-24499-years-ago`).
    let found = find("Stone tools were made 24499 years ago.", &anchored());
    let t = found
        .iter()
        .find(|t| t.text.contains("24499 years ago"))
        .unwrap();
    assert_eq!(t.value, "PAST_REF");
    assert_eq!(t.range(), None);

    let end_of_time = Options::with_anchor(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
    let found = find("They meet tomorrow.", &end_of_time);
    let t = found.iter().find(|t| t.text == "tomorrow").unwrap();
    assert_eq!(t.value, "FUTURE_REF");
    assert_eq!(t.range(), None);
    // A clock time on that day stays a TIME, with the same reference (fuzz, session 4:
    // `regressions/dates/time-past-year-9999-noon-tomorrow`).
    let found = find("It happens at noon tomorrow.", &end_of_time);
    let t = found.iter().find(|t| t.text == "noon tomorrow").unwrap();
    assert_eq!((t.kind, t.value.as_str()), (TimexKind::Time, "FUTURE_REF"));
    assert_eq!(t.range(), None);

    let first_year = Options::with_anchor(NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
    for text in ["It was last year.", "It was two years ago."] {
        for t in find(text, &first_year) {
            if let Some((a, b)) = t.range() {
                assert!(a.year() >= 1 && b.year() >= 1, "{text}: {t:?}");
            }
            assert!(!t.value.starts_with('-'), "{text}: {t:?}");
        }
    }
    // Astronomical year 0 is 1 BC, and a BC value keeps its month and day (fuzz, session 3).
    let found = find("It was last year.", &first_year);
    assert_eq!(found[0].value, "BC0001", "{found:?}");
    let in_year_one = Options::with_anchor(NaiveDate::from_ymd_opt(1, 5, 1).unwrap());
    let found = find("The shelling began at 15:49 on August 3.", &in_year_one);
    let t = found.iter().find(|t| t.text.contains("August 3")).unwrap();
    assert!(t.value.starts_with("BC0001-08-03"), "{t:?}");
    let found = find("It happened two years ago in March.", &in_year_one);
    for t in &found {
        assert!(!t.value.starts_with("0000"), "{t:?}");
    }
}
