//! Trigger words and readings: phrasal meetings, object relative clauses, many-sided talks,
//! light verbs of event nouns, titles of a country, and headlines retold in the text. One
//! invented sentence (or two) per pattern.

use dateline_events::{find, EventKind, Status};

use crate::patterns::{day, names, one, rows};

#[test]
fn sat_down_with_is_a_meeting() {
    let (kind, who, place, _, status) = one(
        "German Chancellor Olaf Scholz sat down with Polish Prime Minister Donald Tusk in Warsaw on Monday.",
        day(2024, 2, 14),
    );
    assert_eq!((kind, status), (EventKind::Meet, Status::Happened));
    assert_eq!(who, names(&["Olaf Scholz", "Donald Tusk"]));
    assert_eq!(place.as_deref(), Some("Warsaw"));
    // "sat" alone is no encounter.
    assert!(find("Olaf Scholz sat in the front row in Warsaw.", None)
        .events
        .is_empty());
}

#[test]
fn spoke_with_a_leader_is_a_meeting_but_not_spoke_with_reporters() {
    let (kind, who, _, _, _) = one(
        "Canadian Prime Minister Justin Trudeau spoke with Ukrainian President Volodymyr Zelensky on Monday.",
        day(2023, 6, 28),
    );
    assert_eq!(kind, EventKind::Meet);
    assert_eq!(who, names(&["Justin Trudeau", "Volodymyr Zelensky"]));
    let found = find(
        "Canadian Prime Minister Justin Trudeau spoke with reporters in Ottawa on Monday.",
        day(2023, 6, 28),
    );
    assert!(found.events.is_empty(), "{:#?}", rows(&found));
}

#[test]
fn an_object_relative_clause_tells_one_encounter_per_party() {
    let found = find(
        "Sanchez is the third leader after the prime ministers of Italy and Greece who Biden has called so far.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert!(r.iter().all(|row| row.0 == EventKind::Call));
    assert_eq!(r[0].1, names(&["Joe Biden", "Italy"]));
    assert_eq!(r[1].1, names(&["Joe Biden", "Greece"]));
    let (kind, who, _, _, _) = one("Putin, whom Erdogan has met twice, spoke of peace.", None);
    assert_eq!(kind, EventKind::Meet);
    assert_eq!(who, names(&["Recep Tayyip Erdogan", "Vladimir Putin"]));
    // A subject relative clause keeps its object after the verb.
    let found = find("Biden called Macron, who called Scholz.", None);
    let r = rows(&found);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[1].1, names(&["Emmanuel Macron", "Olaf Scholz"]));
}

#[test]
fn four_way_talks_are_a_summit_and_the_leaders_of_named_countries_are_no_anaphor() {
    let (kind, who, place, _, _) = one(
        "French President Emmanuel Macron held a four-way meeting with the leaders of Germany, Italy and Spain in Rome.",
        None,
    );
    assert_eq!(kind, EventKind::Summit);
    assert_eq!(
        who,
        names(&["Emmanuel Macron", "Germany", "Italy", "Spain"])
    );
    assert_eq!(place.as_deref(), Some("Rome"));
    // Three sides stay a meeting.
    let (kind, _, _, _, _) = one(
        "Officials held trilateral talks with Japan, South Korea and China in Seoul.",
        None,
    );
    assert_eq!(kind, EventKind::Meet);
}

#[test]
fn talks_with_his_counterparts_include_him() {
    let found = find(
        "Italian Foreign Minister Antonio Tajani spoke of hope. Tajani travelled home fresh from talks in Rome with his counterparts from Spain, Greece and Portugal.",
        None,
    );
    let r = rows(&found);
    let talks = r.iter().find(|row| row.0 == EventKind::Summit).unwrap();
    assert_eq!(
        talks.1,
        names(&["Antonio Tajani", "Spain", "Greece", "Portugal"])
    );
}

#[test]
fn a_host_or_broker_of_talks_is_one_encounter() {
    let found = find(
        "Qatar hosted talks between Israel and Hamas in Doha on Monday.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Meet);
    assert_eq!(r[0].1, names(&["Qatar", "Israel", "Hamas"]));
    let found = find(
        "Norway brokered talks between Israel and Hamas in Oslo on Monday.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Mediate);
    assert_eq!(r[0].2.as_deref(), Some("Oslo"));
}

#[test]
fn took_place_and_will_be_held_keep_the_place_and_parties() {
    let (_, who, place, _, _) = one(
        "A meeting of Chinese Foreign Minister Wang Yi and Russian Foreign Minister Sergey Lavrov took place in Beijing on Monday.",
        None,
    );
    assert_eq!(who, names(&["Wang Yi", "Sergey Lavrov"]));
    assert_eq!(place.as_deref(), Some("Beijing"));
    let (kind, who, _, _, status) = one(
        "A discussion will be held between Dina Boluarte and Emmanuel Macron in Lima.",
        None,
    );
    assert_eq!((kind, status), (EventKind::Meet, Status::Planned));
    assert_eq!(who, names(&["Dina Boluarte", "Emmanuel Macron"]));
}

#[test]
fn the_title_of_a_country_is_its_holder_and_an_apposition_adds_no_country() {
    let found = find(
        "President Dina Boluarte of Peru spoke on Monday. Talks will be held between the President of Peru and Emmanuel Macron, President of France, in Lima.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].1, names(&["Dina Boluarte", "Emmanuel Macron"]));
}

#[test]
fn a_headline_with_surnames_is_the_encounter_the_text_tells() {
    let found = find(
        "UN's Van Buren Meets Castellano in Madrid\nUN envoy Pieter van Buren met Foreign Minister Jorge Castellano in Madrid on Monday, the ministry said.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Meet);
    assert_eq!(r[0].1, names(&["Pieter van Buren", "Jorge Castellano"]));
}

#[test]
fn members_of_one_organisation_gathering_is_its_summit() {
    let found = find(
        "NATO defence ministers gathered in Brussels on Thursday. Secretary General Jens Stoltenberg opened the session.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Summit);
    assert_eq!(r[0].2.as_deref(), Some("Brussels"));
    // Demonstrators gathering outside a building are no summit.
    let found = find(
        "Demonstrators gather outside the Supreme Courthouse on Tuesday, Joe Biden said.",
        None,
    );
    assert!(found.events.is_empty(), "{:#?}", rows(&found));
}

#[test]
fn a_host_of_leaders_listed_after_a_colon_and_their_next_meeting() {
    let found = find(
        "President Joe Biden will host four leaders from Africa on Thursday: President Macky Sall of Senegal, \
         President Joyce Banda of Malawi, President Ernest Bai Koroma of Sierra Leone and Prime Minister \
         Jose Maria Neves of Cape Verde. They will first meet Thursday morning with Secretary of Defense \
         Lloyd Austin at the Pentagon.",
        day(2023, 6, 26),
    );
    let r = rows(&found);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Summit);
    assert!(r[0].1.contains(&"Joyce Banda".to_owned()), "{r:#?}");
    assert!(!r[0].1.contains(&"Senegal".to_owned()), "{r:#?}");
    assert_eq!(r[1].4, Status::Planned);
    assert!(r[1].1.contains(&"Lloyd Austin".to_owned()), "{r:#?}");
    assert!(r[1].1.contains(&"Macky Sall".to_owned()), "{r:#?}");
    assert_eq!(r[1].2.as_deref(), Some("Pentagon"));
}

#[test]
fn a_call_received_from_a_leader() {
    let (kind, who, _, _, status) = one(
        "Egyptian President Abdel Fattah el-Sisi received a phone call from Turkish President Recep Tayyip Erdogan on Sunday.",
        day(2023, 6, 28),
    );
    assert_eq!((kind, status), (EventKind::Call, Status::Happened));
    assert_eq!(
        who,
        names(&["Abdel Fattah el-Sisi", "Recep Tayyip Erdogan"])
    );
}

#[test]
fn a_passive_was_held_after_the_parties_gives_the_place() {
    let (_, who, place, _, _) = one(
        "The meeting of the foreign ministers of China, Japan and South Korea was held in Busan.",
        None,
    );
    assert_eq!(who, names(&["China", "Japan", "South Korea"]));
    assert_eq!(place.as_deref(), Some("Busan"));
}

#[test]
fn a_trip_abroad_is_a_visit_but_not_one_at_home() {
    let (kind, who, place, _, _) = one(
        "Japanese Prime Minister Fumio Kishida made a trip to Kyiv on Tuesday.",
        None,
    );
    assert_eq!(kind, EventKind::Visit);
    assert_eq!(who, names(&["Fumio Kishida", "Kyiv"]));
    assert_eq!(place.as_deref(), Some("Kyiv"));
    let found = find(
        "Japanese Prime Minister Fumio Kishida travelled to Osaka on Tuesday.",
        None,
    );
    assert!(found.events.is_empty(), "{:#?}", rows(&found));
}

#[test]
fn a_headline_guess_gives_way_to_the_text() {
    let text = "Xi, Biden To Meet In San Francisco\nChinese President Xi Jinping will meet U.S. President Joe Biden in San Francisco next week, Beijing said on Friday.";
    let doc = dateline_text::Tokenized::new(text);
    let entities = dateline_entities::extract(text, &Default::default());
    let title = [dateline_text::Span::new(0, text.find('\n').unwrap())];
    let input = dateline_events::Input::new(&doc, &entities, &[]).with_title(Some(title[0]));
    let events = dateline_events::extract(&input).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let name = |i: usize| entities.entities[i].name.as_str();
    assert_eq!(events[0].kind, EventKind::Meet);
    assert_eq!(
        events[0]
            .participants
            .iter()
            .map(|&i| name(i))
            .collect::<Vec<_>>(),
        ["Xi Jinping", "Joe Biden"]
    );
    assert_eq!(events[0].status, Status::Planned);
}
