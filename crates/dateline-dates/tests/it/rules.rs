//! Types, anchors and extents of the session-2 rules, on constructed sentences.

use chrono::NaiveDate;
use dateline_dates::{find, AnchorUse, Modifier, Options, TimexKind};

fn at(y: i32, m: u32, d: u32) -> Options {
    Options::with_anchor(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn weekday_with_part_of_day_is_a_date() {
    let found = find("Protesters rallied Friday night.", &at(2023, 9, 23));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "Friday night");
    assert_eq!(found[0].kind, TimexKind::Date);
    assert_eq!(found[0].value, "2023-09-22TNI");
    // Deictic parts of the day stay times.
    let found = find("Protesters rallied last night.", &at(2023, 9, 23));
    assert_eq!(found[0].kind, TimexKind::Time);
}

#[test]
fn previous_weekday_follows_the_mentioned_day() {
    let text = "Stocks fell on Sept. 22, down from the previous Friday.";
    let found = find(text, &at(2023, 9, 25));
    let prev = found
        .iter()
        .find(|t| t.text == "the previous Friday")
        .unwrap();
    assert_eq!(prev.value, "2023-09-15");
    assert_eq!(prev.anchor, AnchorUse::Mention);
    // Without a mentioned day: the anchor.
    let found = find("Stocks fell from the previous Friday.", &at(2023, 9, 25));
    assert_eq!(found[0].value, "2023-09-22");
    assert_eq!(found[0].anchor, AnchorUse::Published);
    let found = find("Stocks fell from the previous Friday.", &Options::default());
    assert_eq!(found[0].value, "XXXX-WXX-5");
}

#[test]
fn quarter_anaphora_use_the_last_named_quarter() {
    let text = "Net rose in the first quarter. In the quarter, sales fell, and \
                the 2022 period was weak; a year ago the company lost money.";
    let found = find(text, &at(2023, 10, 26));
    let get = |s: &str| found.iter().find(|t| t.text == s).unwrap();
    assert_eq!(get("the quarter").value, "2023-Q1");
    assert_eq!(get("the quarter").anchor, AnchorUse::Mention);
    assert_eq!(get("the 2022 period").value, "2022-Q1");
    assert_eq!(get("a year ago").value, "2022-Q1");
    // The quarter ended on a given day is that calendar quarter; fiscal quarters and
    // quarters long past do not become the reference.
    let text = "In its fiscal first quarter, the quarter ended Sept. 30, net rose. The quarter \
                was strong, unlike the third quarter of 1984.";
    let found = find(text, &at(2023, 10, 26));
    let quarters: Vec<&str> = found
        .iter()
        .filter(|t| t.text.to_lowercase() == "the quarter")
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(quarters, ["2023-Q3", "2023-Q3"]);
    let found = find(
        "It stopped in the third quarter of 1984. The quarter was weak.",
        &at(2023, 10, 26),
    );
    assert_eq!(found.last().unwrap().value, "2023-Q3");
    assert_eq!(found.last().unwrap().anchor, AnchorUse::Published);
    // Year-shifted quarters do not become the reference.
    let text = "Net rose in the third quarter from the year-ago quarter. The quarter was strong.";
    let found = find(text, &at(2023, 10, 26));
    assert_eq!(found.last().unwrap().value, "2023-Q3");
}

#[test]
fn the_year_is_the_reported_year_or_a_fiscal_period() {
    let found = find("For the year, volume was flat.", &at(2023, 10, 26));
    assert_eq!(
        (found[0].kind, found[0].value.as_str()),
        (TimexKind::Date, "2023")
    );
    let found = find(
        "Revenue for the year ended March 31 rose.",
        &at(2023, 10, 26),
    );
    assert_eq!(found[0].text, "the year");
    assert_eq!(
        (found[0].kind, found[0].value.as_str()),
        (TimexKind::Duration, "P1Y")
    );
    // Not "the year before" or "the year 2000".
    for text in ["He left the year before.", "It was the year 2000 bug."] {
        assert!(
            find(text, &at(2023, 10, 26))
                .iter()
                .all(|t| t.text != "the year"),
            "{text}"
        );
    }
    assert_eq!(
        find("For the year, it fell.", &Options::default())[0].value,
        "XXXX"
    );
}

#[test]
fn extents_leave_signals_and_determiners_of_adjectives_outside() {
    let text = "They must act within two weeks on the 30-day plan, its third quarter and \
                the third-quarter loss.";
    let found = find(text, &at(2023, 11, 2));
    let texts: Vec<&str> = found.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        ["two weeks", "30-day", "third quarter", "third-quarter"]
    );
    assert_eq!(found[0].modifier, Some(Modifier::EqualOrLess));
    for t in &found {
        assert_eq!(&text[t.span.range()], t.text);
    }
    let found = find("Later Thursday, troops left.", &at(2023, 9, 23));
    assert_eq!(found[0].text, "Thursday");
    assert_eq!(found[0].modifier, None);
}

#[test]
fn wire_timestamps() {
    let found = find("26-FEB-1987 15:01:20.34", &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, TimexKind::Time);
    assert_eq!(found[0].value, "1987-02-26T15:01:20");
    // Not a date: impossible day, or part of a longer code.
    assert!(find("ref 31-FEB-1987", &Options::default()).is_empty());
    assert!(find("code 12-MAR-19870", &Options::default()).is_empty());
}

#[test]
fn spelled_years_are_found_without_other_triggers() {
    let found = find("It was nineteen ninety-six.", &Options::default());
    assert_eq!(found[0].value, "1996");
    assert!(find("Nineteen people were hurt.", &Options::default()).is_empty());
}

#[test]
fn a_time_on_a_mentioned_day_says_so() {
    // Fuzz finding: without an anchor, "2 a.m. the previous day" after a dated sentence was
    // resolved on the mentioned day but reported as resolved against the (absent) anchor.
    let text = "Prices fell on Feb 26, 1987. At 2 a.m. the previous day they rose.";
    let found = find(text, &Options::default());
    let t = found
        .iter()
        .find(|t| t.text == "2 a.m. the previous day")
        .expect("found");
    assert_eq!(t.value, "1987-02-25T02:00");
    assert_eq!(t.anchor, AnchorUse::Mention);
    // With an anchor and no mentioned day, the day comes from the anchor.
    let found = find("At 2 a.m. yesterday they rose.", &at(2023, 9, 23));
    assert_eq!(found[0].value, "2023-09-22T02:00");
    assert_eq!(found[0].anchor, AnchorUse::Published);
}
