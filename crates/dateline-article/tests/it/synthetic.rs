//! Small synthetic dumps, one shape each.

use dateline_article::{
    BoilerplateKind, Confidence, Precision, PublishedSource, RestKind, TitleSource,
};

use crate::{at, parse};

fn kinds(a: &dateline_article::Article, text: &str, kind: BoilerplateKind) -> Vec<String> {
    a.boilerplate
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| at(text, b.span).to_owned())
        .collect()
}

#[test]
fn yonhap_dateline_title_prefix_and_byline() {
    let text = "(2nd LD) Yoon, Xi agree to work together for peace\n\
By Lee Haye-ah\n\
\n\
BALI, Indonesia, Nov. 15 (Yonhap) -- President Yoon Suk Yeol held his first summit with Chinese President Xi Jinping on Tuesday.\n\
\n\
The two leaders met on the sidelines of the G20 summit.\n\
\n\
(END)\n";
    let a = parse(text);
    let t = a.title.as_ref().unwrap();
    assert_eq!(
        at(text, t.span),
        "Yoon, Xi agree to work together for peace"
    );
    assert_eq!(at(text, t.prefix.unwrap()), "(2nd LD)");
    assert_eq!(
        a.byline.iter().map(|s| at(text, *s)).collect::<Vec<_>>(),
        ["Lee Haye-ah"]
    );
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(at(text, d.place.unwrap()), "BALI, Indonesia");
    assert_eq!(at(text, d.agency.unwrap()), "Yonhap");
    assert_eq!(at(text, d.date_text.unwrap()), "Nov. 15");
    assert!(at(text, d.span).ends_with("--"));
    assert!(at(text, a.paragraphs[0]).starts_with("President Yoon Suk Yeol held"));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(kinds(&a, text, BoilerplateKind::Credit), ["(END)"]);
    // No year anywhere: no publication date.
    assert!(a.published.date.is_none());
}

#[test]
fn reuters_dateline_with_trailing_credits() {
    let text = "North Korea fires ballistic missile\n\
SEOUL, Sept 23 (Reuters) - North Korea fired a ballistic missile on Saturday, the South's military said.\n\
The launch came days after talks in Hangzhou.\n\
Reporting by Jane Doe and Josh Smith; Editing by John Roe\n";
    let a = parse(text);
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(at(text, d.place.unwrap()), "SEOUL");
    assert_eq!(at(text, d.agency.unwrap()), "Reuters");
    assert_eq!(at(text, d.date_text.unwrap()), "Sept 23");
    assert_eq!(a.paragraphs.len(), 2);
    let names: Vec<&str> = a.byline.iter().map(|s| at(text, *s)).collect();
    assert_eq!(names, ["Jane Doe", "Josh Smith"]);
    assert_eq!(kinds(&a, text, BoilerplateKind::Credit).len(), 1);
}

#[test]
fn ap_dateline_em_dash_and_date_only_dateline() {
    let text =
        "WASHINGTON (AP) — Lawmakers returned to the Capitol on Monday to debate the budget.";
    let a = parse(text);
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(at(text, d.place.unwrap()), "WASHINGTON");
    assert_eq!(at(text, d.agency.unwrap()), "AP");
    assert_eq!(
        at(text, a.paragraphs[0]),
        "Lawmakers returned to the Capitol on Monday to debate the budget."
    );

    let text = "Feb 26 - Shares in Tokyo rose sharply in morning trade, dealers said.";
    let a = parse(text);
    let d = a.dateline.as_ref().unwrap();
    assert!(d.place.is_none());
    assert_eq!(at(text, d.date_text.unwrap()), "Feb 26");
    assert!(at(text, a.paragraphs[0]).starts_with("Shares in Tokyo"));
}

#[test]
fn reuters_1987_wire_story_hard_wrapped() {
    let text = "BAHIA COCOA REVIEW\n    By Jane Doe, Reuters\nFebruary 26, 1987 3:01 PM\n\n    SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary, Comissaria Smith said.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week were 155,221 bags.\n Reuter\n";
    let a = parse(text);
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "BAHIA COCOA REVIEW"
    );
    assert_eq!(
        a.byline.iter().map(|s| at(text, *s)).collect::<Vec<_>>(),
        ["Jane Doe"]
    );
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(at(text, d.place.unwrap()), "SALVADOR");
    assert_eq!(
        at(text, d.agency.unwrap()),
        "Reuter",
        "agency from the closing sign-off"
    );
    assert_eq!(d.date.unwrap().to_string(), "1987-02-26");
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(at(text, a.paragraphs[0]).starts_with("Showers continued"));
    assert!(at(text, a.paragraphs[0]).ends_with("Comissaria Smith said."));
    assert_eq!(a.published.date.unwrap().to_string(), "1987-02-26");
    assert_eq!(a.published.source, PublishedSource::DateLine);
    assert_eq!(a.published.confidence, Confidence::High);
}

#[test]
fn closing_afp_sign_off() {
    let text = "Paris braces for strikes\n\nUnions called a nationwide strike for Thursday, officials said. (AFP)";
    let a = parse(text);
    assert_eq!(
        at(text, a.paragraphs[0]),
        "Unions called a nationwide strike for Thursday, officials said."
    );
    assert_eq!(kinds(&a, text, BoilerplateKind::Credit), ["(AFP)"]);
}

#[test]
fn captions_with_each_credit_style() {
    let cases = [
        (
            "Xi met Han in Hangzhou. / Photo: Reuters",
            "Xi met Han in Hangzhou.",
            "Reuters",
        ),
        (
            "Yoon speaks at a meeting in Seoul on Tuesday. (Yonhap)",
            "Yoon speaks at a meeting in Seoul on Tuesday.",
            "Yonhap",
        ),
        (
            "Yoon and Xi shake hands in Bali. [JOINT PRESS CORPS]",
            "Yoon and Xi shake hands in Bali.",
            "JOINT PRESS CORPS",
        ),
        (
            "Officials attend the ceremony Photo : YONHAP News",
            "Officials attend the ceremony",
            "YONHAP News",
        ),
        (
            "Protesters march in Paris on Monday. (AP Photo/Jane Doe)",
            "Protesters march in Paris on Monday.",
            "AP Photo/Jane Doe",
        ),
        (
            "Xi Jinping arrives at the summit in Bali. Getty Images",
            "Xi Jinping arrives at the summit in Bali.",
            "Getty Images",
        ),
    ];
    for (line, caption, credit) in cases {
        let text = format!("Leaders meet at the summit in Bali\n{line}\n\nThe leaders met on Tuesday for talks on trade and security, officials said.\n");
        let a = parse(&text);
        assert_eq!(a.captions.len(), 1, "{line}");
        assert_eq!(at(&text, a.captions[0].text), caption, "{line}");
        assert_eq!(at(&text, a.captions[0].credit.unwrap()), credit, "{line}");
        assert_eq!(a.paragraphs.len(), 1, "{line}");
    }
}

#[test]
fn caption_credit_on_its_own_line_and_repeats() {
    let text = "Leaders meet at the summit in Bali\n\nThe leaders met on Tuesday for talks on trade, officials said.\nThey agreed to meet again next year.\nXi Jinping arrives at the summit venue in Bali.\nPhoto: Reuters\nThe talks lasted two hours and covered North Korea, aides said.\nXi Jinping arrives at the summit venue in Bali.\nPhoto: Reuters\n";
    let a = parse(text);
    assert_eq!(a.captions.len(), 1);
    assert_eq!(
        at(text, a.captions[0].text),
        "Xi Jinping arrives at the summit venue in Bali."
    );
    assert_eq!(at(text, a.captions[0].credit.unwrap()), "Reuters");
    assert_eq!(kinds(&a, text, BoilerplateKind::CaptionRepeat).len(), 1);
    assert_eq!(a.paragraphs.len(), 3);
}

#[test]
fn breadcrumbs_chrome_cookies_and_read_more() {
    let text = "Home > National > Politics\nSkip to Content\nParliament passes budget bill\nprint dictionary print\n\nThe National Assembly passed the budget bill on Friday after weeks of talks.\nAdvertisement\nThe vote was 180 to 95, the speaker said, and the opposition walked out of the chamber in protest.\nRead more: Opposition vows to fight budget cuts\nWe use cookies to give you the best experience. By continuing you accept our cookie policy.\nShare on Facebook Twitter\n";
    let a = parse(text);
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "Parliament passes budget bill"
    );
    assert_eq!(
        kinds(&a, text, BoilerplateKind::Breadcrumb),
        ["Home > National > Politics"]
    );
    let chrome = kinds(&a, text, BoilerplateKind::Chrome);
    assert!(chrome.contains(&"Skip to Content".to_owned()));
    assert!(chrome.contains(&"print dictionary print".to_owned()));
    assert!(chrome.contains(&"Advertisement".to_owned()));
    assert!(chrome.iter().any(|c| c.starts_with("We use cookies")));
    assert!(chrome.contains(&"Share on Facebook Twitter".to_owned()));
    assert_eq!(
        kinds(&a, text, BoilerplateKind::RelatedHeadline),
        ["Read more: Opposition vows to fight budget cuts"]
    );
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn crlf_bom_and_nbsp() {
    let text = "\u{FEFF} date 2023-09-23 WORLD\r\nChina seeks cooperation with South Korea\r\nSeptember 23, 2023\r\n\r\nXi held\u{a0}talks on Saturday with Han in Hangzhou.\u{a0}\r\n\r\nThe two sides agreed to meet again.\r\n";
    let a = parse(text);
    let h = a.header.as_ref().unwrap();
    assert_eq!(at(text, h.span), "date 2023-09-23 WORLD");
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "China seeks cooperation with South Korea"
    );
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(
        at(text, a.paragraphs[0]),
        "Xi held\u{a0}talks on Saturday with Han in Hangzhou."
    );
    assert_eq!(a.published.confidence, Confidence::High);
}

#[test]
fn header_rest_kinds() {
    let chrome = " date 2023-09-23 Skip to Content\nTitle of the story goes here\n\nBody text of the story, which says things.";
    assert_eq!(
        parse(chrome).header.unwrap().rest_kind,
        Some(RestKind::Chrome)
    );

    let title = " date 2023-09-23 Xi and Han meet in Hangzhou for talks\nXi held talks on Saturday with Han in Hangzhou, CCTV said.\n";
    let a = parse(title);
    assert_eq!(a.header.as_ref().unwrap().rest_kind, Some(RestKind::Title));
    let t = a.title.as_ref().unwrap();
    assert_eq!(at(title, t.span), "Xi and Han meet in Hangzhou for talks");
    assert_eq!(t.source, TitleSource::Header);
    assert_eq!(a.paragraphs.len(), 1);

    let repeated = " date 2023-09-23 Xi and Han meet in Hangzhou for talks\nXi and Han meet in Hangzhou for talks\n\nXi held talks on Saturday with Han.\n";
    let a = parse(repeated);
    assert_eq!(a.header.as_ref().unwrap().rest_kind, Some(RestKind::Title));
    assert_eq!(a.title.as_ref().unwrap().source, TitleSource::Top);

    let caption = " date 2023-09-23 Xi meets Han in Hangzhou. / Photo: Reuters\nTitle of the story goes here\n\nBody text of the story, which says things.";
    let a = parse(caption);
    assert_eq!(
        a.header.as_ref().unwrap().rest_kind,
        Some(RestKind::Caption)
    );
    assert_eq!(a.captions.len(), 1);
}

#[test]
fn date_line_shapes() {
    for (line, value) in [
        ("AA Tuesday 09:55, 15 November 2022", "2022-11-15"),
        ("Updated: 2023-09-23 14:02", "2023-09-23"),
        ("Published 23 Sep 2023", "2023-09-23"),
        ("September 23, 2023", "2023-09-23"),
    ] {
        let text = format!("Leaders meet at the summit in Bali\n{line}\n\nThe leaders met for talks on trade and security, officials said.\n");
        let a = parse(&text);
        let dl = a
            .date_line
            .as_ref()
            .unwrap_or_else(|| panic!("no date line in {line:?}"));
        assert_eq!(at(&text, dl.span), line);
        assert_eq!(dl.date.unwrap().to_string(), value);
        assert_eq!(a.published.source, PublishedSource::DateLine);
        assert_eq!(a.published.confidence, Confidence::Medium);
    }
}

#[test]
fn month_precision_header() {
    let text = " date 2023-09 WORLD\nTitle of the story goes here\n\nBody text of the story, which says things.";
    let a = parse(text);
    let d = a.header.as_ref().unwrap().date.unwrap();
    assert_eq!(d.precision, Precision::Month);
    assert_eq!(a.published.date.unwrap().to_string(), "2023-09");
}

#[test]
fn header_and_date_line_disagree() {
    let text = " date 2023-09-20 WORLD\nTitle of the story goes here\nSeptember 23, 2023\n\nBody text of the story, which says things.";
    let a = parse(text);
    assert_eq!(a.published.date.unwrap().to_string(), "2023-09-23");
    assert_eq!(a.published.confidence, Confidence::Medium);
    assert!(
        a.published
            .warnings
            .iter()
            .any(|w| w.contains("header says 2023-09-20")),
        "{:?}",
        a.published.warnings
    );
}

#[test]
fn january_first_corroborated_is_not_a_placeholder() {
    let text = " date 2022-01-01 WORLD\nFireworks greet the new year\n\nCrowds in Seoul welcomed the new year on Saturday with fireworks, officials said.";
    let a = parse(text);
    assert_eq!(a.published.date.unwrap().to_string(), "2022-01-01");
    assert_eq!(a.published.confidence, Confidence::Medium);
    assert!(!a
        .published
        .warnings
        .iter()
        .any(|w| w.contains("placeholder")));
}

#[test]
fn byline_timestamp_and_agency_names() {
    let text = "Markets rally as inflation cools\nBy Jane Doe and John Roe, Reuters | Published 23 Sep 2023\n\nStocks rose on Saturday as data showed inflation easing, traders said.";
    let a = parse(text);
    let names: Vec<&str> = a.byline.iter().map(|s| at(text, *s)).collect();
    assert_eq!(names, ["Jane Doe", "John Roe"]);
    assert_eq!(a.published.date.unwrap().to_string(), "2023-09-23");
    assert_eq!(a.published.source, PublishedSource::Byline);
}

#[test]
fn no_title_is_invented() {
    // Trailing headlines that do not match the lead are related headlines, not the title.
    let text = "Chinese President Xi Jinping said on Tuesday that his country is ready to work with South Korea.\nThe two leaders met in Bali.\nEnvironmental activists throw oil at Gustav Klimt painting\nLong queues outside gas stations in France\nArgentina and China agree to currency swap at summit\n";
    let a = parse(text);
    assert!(a.title.is_none());
    assert_eq!(kinds(&a, text, BoilerplateKind::RelatedHeadline).len(), 3);
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn single_trailing_short_line_stays_in_body() {
    let text = "Title of the story goes here\n\nThe leaders met for talks on trade, officials said.\n\nMore talks are planned for next year";
    let a = parse(text);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.boilerplate.is_empty());
}

#[test]
fn non_english_is_flagged() {
    let text = "윤석열 대통령, 시진핑 주석과 첫 정상회담\n\n윤석열 대통령은 15일 인도네시아 발리에서 시진핑 중국 국가주석과 첫 정상회담을 했다. 두 정상은 한반도 문제를 논의했다.";
    let a = parse(text);
    assert_eq!(a.language.code, "ko");
    assert!(!a.language.is_english());
    assert_eq!(a.paragraphs.len(), 1);

    let text = "Le président français a rencontré mardi le chancelier allemand à Berlin pour discuter de la politique énergétique européenne.";
    assert_eq!(parse(text).language.code, "fr");
}

#[test]
fn blank_line_and_one_per_line_paragraphs() {
    let blank = "Title of the story goes here\n\nFirst paragraph of the body.\n\nSecond paragraph of the body.\n\nThird paragraph.";
    assert_eq!(parse(blank).paragraphs.len(), 3);
    let one = "First paragraph of the body, said the officials.\nSecond paragraph of the body.\nThird paragraph.";
    assert_eq!(parse(one).paragraphs.len(), 3);
}

#[test]
fn section_label_above_the_headline() {
    let text = "WORLD\nChina seeks cooperation with South Korea\n\nXi held talks on Saturday with Han in Hangzhou, CCTV said.";
    let a = parse(text);
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "China seeks cooperation with South Korea"
    );
    assert_eq!(kinds(&a, text, BoilerplateKind::Chrome), ["WORLD"]);
    assert_eq!(a.paragraphs.len(), 1);
}

#[test]
fn lowercase_byline_under_a_capitals_headline() {
    let text = "BANKAMERICA NOT UNDER PRESSURE TO ACT\n    by Janie Gabbett, Reuters\nFebruary 26, 1987 3:07 PM\n\n    LOS ANGELES, Feb 26 - BankAmerica Corp is not under\npressure to act quickly on its proposed equity offering and\nwould do well to delay it, analysts said.\n Reuter\n";
    let a = parse(text);
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "BANKAMERICA NOT UNDER PRESSURE TO ACT"
    );
    assert_eq!(
        a.byline.iter().map(|s| at(text, *s)).collect::<Vec<_>>(),
        ["Janie Gabbett"]
    );
    assert_eq!(
        at(text, a.dateline.as_ref().unwrap().place.unwrap()),
        "LOS ANGELES"
    );
    assert_eq!(a.paragraphs.len(), 1);
}

#[test]
fn three_word_capitals_headline_is_not_a_section_label() {
    let text = "BAHIA COCOA REVIEW\nFebruary 26, 1987 3:01 PM\n\n    SALVADOR, Feb 26 - Showers continued throughout the week, traders said.\n";
    let a = parse(text);
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "BAHIA COCOA REVIEW"
    );
}

#[test]
fn wrapped_lines_starting_with_by_are_not_bylines() {
    let text = "CANADA BANKS COULD SEE PRESSURE ON BRAZIL LOANS\n     By Peter Cooney, Reuters\n\n    TORONTO, March 10 - Canadian banks are owed about seven billion Canadian dlrs\nby Brazil, which late last month suspended interest payments on\nits debt, analysts said.\n Reuter\n";
    let a = parse(text);
    assert_eq!(
        a.byline.iter().map(|s| at(text, *s)).collect::<Vec<_>>(),
        ["Peter Cooney"]
    );
    assert_eq!(a.paragraphs.len(), 1);
}

#[test]
fn a_dated_wire_dateline_opens_the_body() {
    // Whatever the line model makes of the line above it, the story starts at the dateline.
    let text = "Storm floods coastal towns\n\nResidents wade through a flooded street in the old town after the storm passed on Sunday.\n\nLISBON, March 3 (Reuters) - Heavy rain flooded coastal towns on Sunday, officials said.\n\nThe storm moved north on Monday.\n";
    let a = parse(text);
    let d = a.dateline.as_ref().expect("the wire dateline");
    assert_eq!(at(text, d.place.unwrap()), "LISBON");
    assert_eq!(at(text, d.agency.unwrap()), "Reuters");
    assert!(at(text, a.paragraphs[0]).starts_with("Heavy rain flooded"));
}

#[test]
fn a_date_the_site_set_around_the_headline_is_not_part_of_the_title() {
    for (text, title) in [
        (
            "21/11/2022  Storm Floods Coastal Towns\n\nHeavy rain flooded coastal towns on Sunday, officials said on Monday.\n",
            "Storm Floods Coastal Towns",
        ),
        (
            "Ministry acts against vaccine thieves [December 30 2010]\n\nThe health ministry said on Thursday that it would act against people who steal vaccines.\n",
            "Ministry acts against vaccine thieves",
        ),
        // A date the headline joins with a dash or colon stays.
        (
            "Hong Kong exchanges at noon - April 7\n\nShares in Hong Kong rose in morning trade on Tuesday, dealers said.\n",
            "Hong Kong exchanges at noon - April 7",
        ),
        (
            "2004: A year in Irish athletics\n\nThe year brought two medals and a record at the national stadium, officials said.\n",
            "2004: A year in Irish athletics",
        ),
        // A date inside the headline stays.
        (
            "Talks set for March 4 in Geneva\n\nThe two sides said on Thursday that they would meet in Geneva next month.\n",
            "Talks set for March 4 in Geneva",
        ),
    ] {
        let a = parse(text);
        let t = a.title.as_ref().expect("a title");
        assert_eq!(at(text, t.span), title, "{text:?}");
    }
}

#[test]
fn a_line_that_is_only_a_date_is_never_the_title() {
    let text = "November 23, 2024\nshare this story\n\nPlane crash kills twelve\n\nDecember 28, 2019\n\nA passenger jet crashed in the snow on Friday, killing at least 12 people, officials said.\n";
    let a = parse(text);
    let t = a.title.as_ref().expect("a title");
    assert_eq!(at(text, t.span), "Plane crash kills twelve");
}

#[test]
fn a_parenthesised_credit_makes_a_caption() {
    let text = "Storm floods coastal towns\n\nA flooded street in the old town after the storm passed. (credit: Jane Doe)\n\nHeavy rain flooded coastal towns on Sunday, officials said on Monday.\n";
    let a = parse(text);
    assert_eq!(a.captions.len(), 1, "{:?}", a.lines);
    assert!(a
        .paragraphs
        .iter()
        .all(|&p| !at(text, p).contains("credit")));
    // A parenthesis that only mentions credit is no caption.
    let body =
        "Banks raised fees on cards this year (credit card fees rose most), the survey found.\n";
    assert!(parse(body).captions.is_empty());
}

#[test]
fn a_date_ending_a_wrapped_sentence_is_no_date_line() {
    let text = "Company sees higher revenue\n\nThe company said its notes are payable on\nApril 15, 1987.\nThe rest of the issue was sold to investors in Boston on Tuesday.\n";
    let a = parse(text);
    assert!(a.date_line.is_none(), "{:?}", a.lines);
}

#[test]
fn the_date_beside_the_headline_is_the_date_line() {
    let text = "21/11/2022  Storm Floods Coastal Towns\n\nHeavy rain flooded coastal towns on Sunday, officials said on Monday.\n";
    let a = parse(text);
    let d = a.date_line.as_ref().expect("a date line");
    assert_eq!(at(text, d.span), "21/11/2022");
    assert_eq!(d.date.unwrap().to_string(), "2022-11-21");
}

#[test]
fn a_date_line_under_the_headline_wins_over_the_masthead_date() {
    let text = "November 23, 2024\nhome world sport video\n\nPlane crash kills twelve but dozens survive\n\nDecember 28, 2019\n\nA passenger jet has crashed shortly after take-off, killing at least twelve people.\n\nThe cause of the crash is unclear, officials said.\n";
    let a = parse(text);
    let d = a.date_line.as_ref().expect("a date line");
    assert_eq!(at(text, d.span), "December 28, 2019", "{:?}", a.lines);
}

#[test]
fn whole_page_headline_sits_above_the_story_not_in_the_menu() {
    // A whole web page: the site's menu and teasers, then the story's headline over its byline
    // and date, then the story.
    let text = "Skip to main content\nWorld News Daily\nHome\nWorld\nBusiness\nMarkets Close Higher on Strong Earnings Data\nOpinion\nSport\nCulture\nTravel\nWeather\nSubscribe\nSign in\nMore\nAdvertisement\nEurope\nMinisters agree on new rules for river shipping\nBy Anna Berg\nMarch 3, 2021\nShare\nTweet\nEmail\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\nThe rules take effect next year and will be reviewed after three years of use, the ministers said in a statement.\nRead more\nRail strike ends after two weeks of talks\n";
    let a = parse(text);
    assert_eq!(
        at(text, a.title.as_ref().unwrap().span),
        "Ministers agree on new rules for river shipping"
    );
    assert_eq!(
        a.byline.iter().map(|s| at(text, *s)).collect::<Vec<_>>(),
        ["Anna Berg"]
    );
}
