//! Dates, places and status of encounters: invented sentences, one pattern each.

use chrono::NaiveDate;
use dateline_events::{find, EventKind, Status};

use crate::patterns::{day, rows, Row};

fn find_rows(text: &str, published: Option<NaiveDate>) -> Vec<Row> {
    rows(&find(text, published))
}

#[test]
fn talks_told_before_the_guests_visit_take_its_place() {
    let text =
        "Finnish envoy Mikko Salonen is to hold talks with President Oskar Vintila on Friday.\n\
                Salonen arrived in Warsaw on Wednesday for a three-day visit.";
    let r = find_rows(text, day(2021, 5, 20));
    let talks = r
        .iter()
        .find(|r| r.0 == EventKind::Meet && r.1.iter().any(|n| n.contains("Vintila")))
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert_eq!(talks.2.as_deref(), Some("Warsaw"), "{r:#?}");
    assert_eq!(talks.3.as_deref(), Some("2021-05-21"));
    assert_eq!(talks.4, Status::Planned);
}

#[test]
fn a_meeting_on_the_sidelines_of_a_summit_is_where_the_summit_is() {
    let text = "Canadian Prime Minister Paul Dorion met Norwegian Prime Minister Eirik Solheim. \
                The meeting between the two leaders took place on the sidelines of the Nordic \
                Council Ministerial Meeting in Oslo.";
    let r = find_rows(text, None);
    let meet = r
        .iter()
        .find(|r| r.0 == EventKind::Meet)
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert_eq!(meet.2.as_deref(), Some("Oslo"), "{r:#?}");
}

#[test]
fn talks_after_which_something_will_happen_are_planned() {
    let text = "Prime Minister Paul Dorion met President Oskar Vintila in Warsaw on Tuesday. \
                Dorion and Vintila will together attend a ceremony to sign several trade \
                agreements following their official talks at the Belweder Palace today.";
    let r = find_rows(text, day(2021, 5, 20));
    let talks = r
        .iter()
        .find(|r| r.0 == EventKind::Meet && r.3.as_deref() == Some("2021-05-20"))
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert_eq!(talks.4, Status::Planned, "{r:#?}");
    assert_eq!(talks.3.as_deref(), Some("2021-05-20"));
}

#[test]
fn a_meeting_told_as_a_visit_to_a_person_in_a_when_clause_is_a_meeting() {
    let text = "Danish Prime Minister Lars Holm met Dutch Prime Minister Pieter de Graaf on \
                Monday. The two countries' leaders last met in March 2018, when former Dutch \
                Prime Minister Anne Visser paid a visit to Holm in Copenhagen.";
    let r = find_rows(text, day(2021, 5, 20));
    let earlier = r
        .iter()
        .find(|r| r.3.as_deref() == Some("2018-03"))
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert_eq!(earlier.0, EventKind::Meet, "{r:#?}");
    assert_eq!(earlier.2.as_deref(), Some("Copenhagen"));
    assert_eq!(earlier.4, Status::Happened);
}

#[test]
fn the_present_progressive_with_another_day_is_an_arrangement() {
    // 2023-06-01 is a Thursday.
    let r = find_rows(
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol are \
         meeting in Tokyo on Monday.",
        day(2023, 6, 1),
    );
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].3.as_deref(), Some("2023-06-05"));
    assert_eq!(r[0].4, Status::Planned);
    // The publication's own day: under way.
    let r = find_rows(
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol are \
         meeting in Tokyo on Thursday.",
        day(2023, 6, 1),
    );
    assert_eq!(r[0].3.as_deref(), Some("2023-06-01"), "{r:#?}");
    assert_eq!(r[0].4, Status::Ongoing);
}

#[test]
fn a_journey_made_to_meet_gives_the_meetings_place() {
    let r = find_rows(
        "French President Emmanuel Macron will travel to Beijing on Thursday to meet Chinese \
         President Xi Jinping.",
        day(2023, 6, 1),
    );
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Meet);
    assert_eq!(r[0].2.as_deref(), Some("Beijing"));
    assert_eq!(r[0].4, Status::Planned);
    // A journey home after the meeting is not where it was.
    let r = find_rows(
        "French President Emmanuel Macron met Chinese President Xi Jinping before he flew to \
         Beijing.",
        day(2023, 6, 1),
    );
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].2, None, "{r:#?}");
}

#[test]
fn a_report_told_before_the_encounter_dates_it_when_nothing_else_does() {
    // 2023-06-01 is a Thursday.
    let r = find_rows(
        "The foreign ministry announced on Wednesday that German Chancellor Olaf Scholz and \
         Polish Prime Minister Donald Tusk have held talks.",
        day(2023, 6, 1),
    );
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].3.as_deref(), Some("2023-05-31"));
    // The encounter's own date wins.
    let r = find_rows(
        "The foreign ministry said on Wednesday that German Chancellor Olaf Scholz held talks \
         with Polish Prime Minister Donald Tusk in May.",
        day(2023, 6, 1),
    );
    assert_eq!(r[0].3.as_deref(), Some("2023-05"), "{r:#?}");
    // A report after the encounter does not date it.
    let r = find_rows(
        "German Chancellor Olaf Scholz held talks with Polish Prime Minister Donald Tusk, the \
         foreign ministry said on Wednesday.",
        day(2023, 6, 1),
    );
    assert_eq!(r[0].3, None, "{r:#?}");
}

#[test]
fn a_deadline_is_not_the_encounters_date() {
    let r = find_rows(
        "Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Warsaw to \
         discuss the pledge to deliver jets by 2025.",
        day(2023, 6, 1),
    );
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].3, None, "{r:#?}");
}

#[test]
fn encounters_under_way_are_ongoing_and_dated_by_the_publication() {
    for text in [
        "Talks between Russian Foreign Minister Sergei Lavrov and Turkish Foreign Minister \
         Mevlut Cavusoglu are under way in Ankara.",
        "German Chancellor Olaf Scholz and French President Emmanuel Macron are holding talks \
         in Paris.",
        "US Secretary of State Antony Blinken, who is in Beijing for talks with Chinese Foreign \
         Minister Qin Gang, said relations were improving.",
    ] {
        let r = find_rows(text, day(2023, 6, 1));
        assert_eq!(r.len(), 1, "{text}\n{r:#?}");
        assert_eq!(r[0].4, Status::Ongoing, "{text}\n{r:#?}");
        assert_eq!(r[0].3.as_deref(), Some("2023-06-01"), "{text}");
    }
    // Planned wins over the progressive.
    let r = find_rows(
        "German Chancellor Olaf Scholz and French President Emmanuel Macron will be holding \
         talks in Paris next week.",
        day(2023, 6, 1),
    );
    assert_eq!(r[0].4, Status::Planned, "{r:#?}");
}
