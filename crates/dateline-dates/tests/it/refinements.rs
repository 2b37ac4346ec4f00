//! Rules checked also by what they must not find (counts, ages, idioms).

use chrono::NaiveDate;
use dateline_dates::{find, Options};

fn at(y: i32, m: u32, d: u32) -> Options {
    Options::with_anchor(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn a_count_after_a_date_is_not_a_second_day() {
    let texts = [
        "On March 3 and 25 people were hurt.",
        "Prices rose on March 3 and 25% more on the next day.",
        "Shares fell on March 3, 12-year-old bonds too.",
    ];
    for text in texts {
        let found = find(text, &at(2023, 3, 10));
        assert!(
            found.iter().all(|t| t.text != "25" && t.text != "12"),
            "{text}: {found:?}"
        );
    }
    // An earlier day number is not a later day of the same month.
    let found = find("It rained on April 24 and 3 dams broke.", &at(2023, 3, 10));
    assert!(found.iter().all(|t| t.text != "3"), "{found:?}");
}

#[test]
fn conjoined_days_take_the_month_of_the_first() {
    let found = find("The summit is on April 24 and 25.", &at(2023, 3, 10));
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2023-04-24", "2023-04-25"]);
}

#[test]
fn a_day_range_is_not_made_of_counts_or_scores() {
    // (text, a number that must not become a date of its own)
    for (text, number) in [
        ("They won 3-1 in March.", "3"),
        ("The 30-15 March vote passed.", "30"),
        ("Pages 12-14 of the report.", "12"),
    ] {
        let found = find(text, &at(2023, 3, 10));
        assert!(found.iter().all(|t| t.text != number), "{text}: {found:?}");
    }
}

#[test]
fn an_ordinal_second_is_not_a_unit() {
    for text in [
        "The senator won a second term in office.",
        "Trading was suspended for a second consecutive day.",
        "The second round of talks opens soon.",
        "Voters may give him a second chance.",
    ] {
        let found = find(text, &at(2023, 3, 10));
        assert!(found.iter().all(|t| t.value != "PT1S"), "{text}: {found:?}");
    }
    // The unit stays.
    let text = "Prices fell on March 3. A second later, they rose.";
    let found = find(text, &at(2023, 3, 10));
    assert!(
        found.iter().any(|t| t.text == "A second later"),
        "{text}: {found:?}"
    );
}
