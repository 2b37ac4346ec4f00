//! Publication dates of pages without a header, date line or byline timestamp (issue 17):
//! stamps read off the page's lines, the wire dateline's year from the page, a dated caption
//! on the lead's weekday. The texts are invented.

use dateline_article::{Confidence, PublishedSource};

use crate::parse;

fn published(text: &str) -> (Option<String>, PublishedSource) {
    let a = parse(text).published;
    (a.date.map(|d| d.to_string()), a.source)
}

/// The date, and that it came from a stamp, a date line or a byline (the line model may take a
/// stamp line as the date line or the byline itself).
fn stamped(text: &str) -> String {
    let (date, source) = published(text);
    assert!(
        matches!(
            source,
            PublishedSource::Stamp | PublishedSource::DateLine | PublishedSource::Byline
        ),
        "{source:?}"
    );
    date.expect("a date")
}

#[test]
fn stamp_word_lines_among_body_lines() {
    let text = "Ad: find undervalued stocks with our fair value tool today\n\
                Stocks tumble on worry about more bank failures\n\
                Published 09/01/2009, 12:31 PM\n\
                Updated 09/01/2009, 12:33 PM\n\n\
                NEW YORK - U.S. stocks sank on Tuesday on worries that more banks could fail.\n\n\
                A sharp drop in bank shares pulled the indexes down almost 2 percent.\n";
    assert_eq!(stamped(text), "2009-09-01");
}

#[test]
fn agency_date_and_chrome_on_one_line() {
    let text = "Opposition leader concedes defeat in election\n\n\
                Xinhua, January 22, 2015 Adjust font size:\n\n\
                The opposition leader on Thursday conceded defeat in the presidential election.\n\n\
                He said it was clear from the results so far that he had lost.\n";
    assert_eq!(stamped(text), "2015-01-22");
}

#[test]
fn headline_ending_in_a_bracketed_date() {
    let text = "Ministry to act against vaccine sellers [December 30 2010]\n\n\
                The Health Ministry is to take action against those who sold donated vaccines.\n\n\
                An investigation has begun into how the stocks reached private hospitals.\n";
    assert_eq!(stamped(text), "2010-12-30");
}

#[test]
fn headline_opening_with_a_day_first_date() {
    let text = "21/11/2022  Summit agrees climate deal\n\n\n\
                The summit agreed an overarching climate deal at a closing plenary session.\n\n\
                Delegates approved the text by consensus after two weeks of talks.\n";
    assert_eq!(stamped(text), "2022-11-21");
}

#[test]
fn stamp_with_a_clock_under_the_body() {
    let text = "Defence chiefs meet on ties\n\n\
                The two defence chiefs met at the ministry and discussed security priorities \
                for the coming year, according to a statement released after the talks.\n\n\
                They agreed to meet again in the spring.\n\n\
                Source: Wire | 2018-02-02 12:52:53 | Editor: Lee\n";
    let (date, source) = published(text);
    assert_eq!(date.as_deref(), Some("2018-02-02"));
    assert_ne!(source, PublishedSource::None);
}

#[test]
fn dateline_with_a_full_date_opens_a_long_line() {
    let text = "ADDIS ABABA (HAN) January 27, 2016 – Some forty foreign ministers from across the \
                continent have gathered for a retreat in a northern town, where they discussed \
                the agenda of the coming council meeting, including questions of peace and \
                security, trade, and the long-term development plan of the union.\n";
    assert_eq!(published(text).0.as_deref(), Some("2016-01-27"));
}

#[test]
fn masthead_date_of_the_day_gives_way_to_the_stamp_under_the_headline() {
    let text = "November 23, 2024\n\
                home world sport video\n\n\
                Plane crash kills twelve but dozens survive\n\n\
                December 28, 2019\n\n\
                A passenger jet has crashed shortly after take-off, killing at least twelve people.\n\n\
                The cause of the crash is unclear, officials said.\n";
    let a = parse(text).published;
    assert_eq!(a.date.unwrap().to_string(), "2019-12-28");
    // The line model may take the stamp under the headline as the date line itself; when the
    // stamp rule decides, it says why the masthead date gave way.
    match a.source {
        PublishedSource::DateLine => {}
        PublishedSource::Stamp => assert!(
            a.warnings.iter().any(|w| w.contains("date of the day")),
            "{:?}",
            a.warnings
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn wire_dateline_takes_its_year_from_a_stamp() {
    let text = "Storm lashes island chain\n\
                Published Aug. 24, 2018 10:02 AM\n\n\
                HONOLULU, Aug. 24 (AP) - A powerful storm lashed the islands on Friday.\n\n\
                A warning remained in force, officials said.\n";
    let a = parse(text);
    assert_eq!(a.published.date.unwrap().to_string(), "2018-08-24");
    assert!(a
        .published
        .corroborated_by
        .contains(&PublishedSource::Dateline));
    assert_eq!(a.dateline.unwrap().date.unwrap().to_string(), "2018-08-24");
}

#[test]
fn wire_dateline_without_a_year_on_the_page_stays_undated() {
    // The body's explicit dates are other things' dates (a maturity here).
    let text = "Company prices bond issue\n\n\
                LONDON, March 2 - The company is issuing a 40 mln stg bond due March 1, 1992, \
                the lead manager said on Monday.\n";
    assert_eq!(published(text), (None, PublishedSource::None));
}

#[test]
fn dated_caption_on_the_weekday_of_the_lead() {
    let text = "Oil producers agree to cut output\n\n\
                Ministers attend a news conference after a meeting in Vienna, Dec. 7, 2018.\n\n\
                Oil prices climbed sharply Friday after producers agreed to cut output.\n\n\
                The cuts will begin in January and last for six months.\n";
    let a = parse(text).published;
    assert_eq!(a.date.unwrap().to_string(), "2018-12-07");
    assert_eq!(a.source, PublishedSource::Body);
    assert_eq!(a.confidence, Confidence::Low);
}

#[test]
fn dated_caption_on_another_weekday_is_not_the_date() {
    // December 5, 2018 was a Wednesday.
    let text = "Oil producers agree to cut output\n\n\
                Ministers attend a news conference after a meeting in Vienna, Dec. 5, 2018.\n\n\
                Oil prices climbed sharply Friday after producers agreed to cut output.\n";
    assert_eq!(published(text), (None, PublishedSource::None));
}

#[test]
fn weekday_only_page_stays_undated() {
    let text = "Leaders meet in Bali\n\n\
                The two leaders met on Tuesday in Bali and agreed to resume talks.\n\n\
                They will meet again next month, officials said.\n";
    assert_eq!(published(text), (None, PublishedSource::None));
}

#[test]
fn a_date_in_prose_is_not_a_stamp() {
    let text = "Garage start-up turns fifty\n\n\
                The company was founded on March 3, 2001, in a garage by two engineers who later \
                sold it to a larger rival.\n\n\
                It now employs thousands of people.\n";
    assert_eq!(published(text), (None, PublishedSource::None));
}

#[test]
fn byline_stamp_and_a_clock_in_p_m() {
    let text = "Council approves new budget\n\
                Written by Staff | 3 March 2021\n\n\
                The council approved the budget after a long debate on Tuesday.\n";
    assert_eq!(stamped(text), "2021-03-03");
    let text = "Council approves new budget\n\
                Posted March 4, 2025 9:41 p.m.\n\n\
                The council approved the budget after a long debate on Tuesday.\n";
    assert_eq!(stamped(text), "2025-03-04");
}

#[test]
fn lines_of_a_wrapped_paragraph_are_not_stamps() {
    // Hard-wrapped wire copy: dates of other things in short lines at the top.
    let text = "COMPANY SEES HIGHER REVENUE\n\n\
                BOSTON, Oct 19 - The company expects revenue for the year\n\
                ending June 30, 1988, to increase 12 to 15 pct over last\n\
                year, its president said. The notes are payable on\n\
                April 15, 1987.\n\
                December 4, 1989, paying 0.18 pct over six-month London\n\
                interbank rates, the company said in a statement on Tuesday.\n";
    let a = parse(text).published;
    assert_eq!(a.date, None, "{:?}", a);
}

#[test]
fn a_date_line_under_the_headline_is_not_a_masthead() {
    let text = "Company reports higher results\n\
                March 2, 1987\n\n\
                Results for the last period\n\
                February 20, 1986\n\n\
                The company said its results rose sharply in the year.\n";
    let a = parse(text).published;
    assert_eq!(a.date.unwrap().to_string(), "1987-03-02");
    assert_eq!(a.source, PublishedSource::DateLine);
}

#[test]
fn site_clock_above_the_headline_is_not_the_publication_date() {
    let text = "03-04-2031 10:15 AM Springfield Timing\n\n\
                Envoy meets foreign minister in the capital\n\n\
                The envoy arrived on Monday for talks with officials on the long conflict.\n\n\
                He met the foreign minister and briefed him on talks held in March 2016.\n";
    let a = parse(text).published;
    assert_ne!(a.date.map(|d| d.to_string()).as_deref(), Some("2031-04-03"));
    assert_ne!(a.date.map(|d| d.to_string()).as_deref(), Some("2031-03-04"));
}

#[test]
fn date_of_the_day_masthead_is_not_the_publication_date() {
    let text = "Today is Friday, May 9, 2031\n\n\
                Ministers agree on water sharing deal\n\n\
                The two ministers agreed on Thursday to share the river's water.\n\n\
                The deal must still be approved by both parliaments.\n";
    let a = parse(text).published;
    assert_ne!(a.date.map(|d| d.to_string()).as_deref(), Some("2031-05-09"));
}

#[test]
fn site_clock_gives_way_to_the_stamp_under_the_headline() {
    let text = "Today is Friday, May 9, 2031\n\n\
                Ministers agree on water sharing deal\n\
                Posted on April 14, 2017\n\n\
                The two ministers agreed on Thursday to share the river's water.\n\n\
                The deal must still be approved by both parliaments.\n";
    assert_eq!(stamped(text), "2017-04-14");
}
