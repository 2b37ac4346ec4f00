//! One invented sentence (or two) per pattern: kinds, participants, status, date, place,
//! merging, and what is no event.

use chrono::NaiveDate;
use dateline_events::{find, EventKind, Found, Status};

pub(crate) fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// (kind, participant names, place, date value, status) of every event.
pub(crate) type Row = (
    EventKind,
    Vec<String>,
    Option<String>,
    Option<String>,
    Status,
);

pub(crate) fn rows(found: &Found) -> Vec<Row> {
    let name = |i: usize| found.entities.entities[i].name.clone();
    found
        .events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.participants.iter().map(|&i| name(i)).collect(),
                e.place.map(name),
                e.date.as_ref().map(|d| d.value.clone()),
                e.status,
            )
        })
        .collect()
}

pub(crate) fn one(text: &str, published: Option<NaiveDate>) -> Row {
    let found = find(text, published);
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{text}\n{r:#?}");
    r.into_iter().next().unwrap()
}

pub(crate) fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_meeting_with_its_day_and_place() {
    let (kind, who, place, date, status) = one(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.",
        day(2023, 6, 28),
    );
    assert_eq!(kind, EventKind::Meet);
    assert_eq!(who, names(&["Olaf Scholz", "Emmanuel Macron"]));
    assert_eq!(place.as_deref(), Some("Paris"));
    assert_eq!(date.as_deref(), Some("2023-06-26"));
    assert_eq!(status, Status::Happened);
}

#[test]
fn held_talks_with_a_counterpart() {
    let (kind, who, _, _, _) = one(
        "Japanese Prime Minister Fumio Kishida held talks with his Australian counterpart Anthony Albanese.",
        None,
    );
    assert_eq!(kind, EventKind::Meet);
    assert_eq!(who, names(&["Fumio Kishida", "Anthony Albanese"]));
}

#[test]
fn a_pronoun_is_the_person_the_text_is_about() {
    let found = find(
        "Indian Prime Minister Narendra Modi spoke about trade on Friday. \
         He later met Japanese Prime Minister Fumio Kishida in Tokyo.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].1, names(&["Narendra Modi", "Fumio Kishida"]));
}

#[test]
fn a_phone_call() {
    let (kind, who, place, _, status) = one(
        "US President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday.",
        day(2023, 4, 6),
    );
    assert_eq!(kind, EventKind::Call);
    assert_eq!(who, names(&["Joe Biden", "Xi Jinping"]));
    assert_eq!(place, None);
    assert_eq!(status, Status::Happened);
}

#[test]
fn a_visit_to_a_city_is_hosted_by_its_country() {
    let found = find(
        "Brazilian President Luiz Inacio Lula da Silva visited Beijing last week, China's state media said.",
        day(2023, 4, 20),
    );
    let e = &found.events[0];
    assert_eq!(e.kind, EventKind::Visit);
    assert_eq!(e.cameo, "042");
    let name = |i: usize| found.entities.entities[i].name.as_str();
    assert_eq!(e.host.map(name), Some("China"));
    assert_eq!(e.place.map(name), Some("Beijing"));
}

#[test]
fn hosting_is_a_visit_told_from_the_host() {
    let found = find(
        "Spanish Prime Minister Pedro Sanchez hosted Portuguese Prime Minister Antonio Costa in Madrid.",
        None,
    );
    let e = &found.events[0];
    assert_eq!((e.kind, e.cameo.as_str()), (EventKind::Visit, "043"));
    assert_eq!(
        found.entities.entities[e.host.unwrap()].name,
        "Pedro Sanchez"
    );
}

#[test]
fn an_arrival_is_an_ongoing_visit() {
    let (kind, who, place, date, status) = one(
        "Turkish President Recep Tayyip Erdogan arrived in Baku today for a two-day visit, Azerbaijan's foreign ministry said.",
        day(2023, 3, 2),
    );
    assert_eq!(kind, EventKind::Visit);
    assert!(who.contains(&"Recep Tayyip Erdogan".to_owned()), "{who:?}");
    assert_eq!(place.as_deref(), Some("Baku"));
    assert_eq!(date.as_deref(), Some("2023-03-02"));
    assert_eq!(status, Status::Ongoing);
}

#[test]
fn will_and_scheduled_are_planned_and_weekdays_look_forward() {
    let (_, _, _, date, status) = one(
        "Canadian Prime Minister Justin Trudeau will meet Mexican President Andres Manuel Lopez Obrador on Thursday.",
        day(2023, 1, 9),
    );
    assert_eq!(status, Status::Planned);
    assert_eq!(date.as_deref(), Some("2023-01-12"));
    let (_, _, place, date, status) = one(
        "The foreign ministers of Egypt and Jordan are scheduled to hold talks in Cairo on March 5.",
        day(2023, 2, 20),
    );
    assert_eq!(status, Status::Planned);
    assert_eq!(place.as_deref(), Some("Cairo"));
    assert_eq!(date.as_deref(), Some("2023-03-05"));
}

#[test]
fn called_off_is_cancelled() {
    let (_, _, _, _, status) = one(
        "Greek Prime Minister Kyriakos Mitsotakis and Turkish President Recep Tayyip Erdogan called off their planned meeting.",
        None,
    );
    assert_eq!(status, Status::Cancelled);
}

#[test]
fn hypothetical_and_refused_encounters_are_no_events() {
    for text in [
        "Xi Jinping said he would seriously consider visiting South Korea.",
        "Russian President Vladimir Putin declined to meet Ukrainian President Volodymyr Zelensky.",
        "Israeli Prime Minister Benjamin Netanyahu did not meet US President Joe Biden.",
    ] {
        let found = find(text, None);
        assert!(found.events.is_empty(), "{text}: {:#?}", rows(&found));
    }
}

#[test]
fn statements_sanctions_and_targets_are_no_events() {
    for text in [
        "South Korea imposed sanctions on 10 individuals, the foreign ministry said on Thursday.",
        "North Korea launched two ballistic missiles into the sea off Japan.",
        "Spain said its current budget meets NATO obligations.",
        "The chancellor called for calm after Germany and France issued a joint statement.",
        "China asked South Korea to meet it halfway.",
    ] {
        let found = find(text, None);
        assert!(found.events.is_empty(), "{text}: {:#?}", rows(&found));
    }
}

#[test]
fn the_reporting_clause_date_is_not_the_events() {
    let (_, _, _, date, _) = one(
        "Foreign ministers of Norway and Sweden held a video conference, an official statement said on Tuesday.",
        day(2023, 5, 3),
    );
    assert_eq!(date, None);
}

#[test]
fn one_encounter_told_three_times_is_one_event() {
    let text = "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali on Tuesday. \
                The two leaders held talks for two hours. \
                The meeting lasted about 25 minutes, the Chinese side said.";
    let found = find(text, day(2022, 11, 16));
    assert_eq!(found.events.len(), 1, "{:#?}", rows(&found));
    let e = &found.events[0];
    assert_eq!(e.evidence.len(), 3);
    assert_eq!(e.date.as_ref().unwrap().value, "2022-11-15");
    for ev in &e.evidence {
        assert!(ev.end <= text.len());
    }
}

#[test]
fn a_new_date_is_a_new_encounter() {
    let found = find(
        "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali on Tuesday. \
         The two leaders last met in December 2019.",
        day(2022, 11, 16),
    );
    let r = rows(&found);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[1].3.as_deref(), Some("2019-12"));
}

#[test]
fn a_summit_of_an_organisation() {
    let found = find(
        "Chinese President Xi Jinping met US President Joe Biden on the sidelines of the G20 summit in Bali.",
        None,
    );
    let r = rows(&found);
    let summit = r
        .iter()
        .find(|r| r.0 == EventKind::Summit)
        .expect("a summit");
    assert!(
        summit.1.contains(&"G20".to_owned()) || summit.1.iter().any(|n| n.contains("20")),
        "{summit:?}"
    );
    let meet = r
        .iter()
        .find(|r| r.0 == EventKind::Meet)
        .expect("the meeting");
    assert_eq!(meet.1, names(&["Xi Jinping", "Joe Biden"]));
    assert_eq!(meet.2.as_deref(), Some("Bali"));
}

#[test]
fn negotiations_and_mediation() {
    let (kind, who, _, _, _) = one(
        "Armenia and Azerbaijan held peace talks in Washington.",
        None,
    );
    assert_eq!(kind, EventKind::Negotiate);
    assert_eq!(who, names(&["Armenia", "Azerbaijan"]));
    let found = find("Qatar mediated talks between Hamas and Israel.", None);
    assert_eq!(found.events[0].kind, EventKind::Mediate);
}

#[test]
fn nationalities_stand_for_their_countries() {
    let found = find(
        "UN envoy Staffan de Mistura held talks with Syrian officials in Damascus. Syria welcomed the envoy.",
        None,
    );
    let r = rows(&found);
    assert!(
        r.iter().any(|r| r.1.contains(&"Syria".to_owned())),
        "{r:#?}"
    );
}

#[test]
fn the_wire_dateline_is_the_place_when_the_sentence_names_none() {
    use dateline_events::{extract, Input};
    use dateline_text::{Span, Tokenized};
    let text = "SEOUL -- South Korean President Yoon Suk-yeol met Japanese Prime Minister Fumio Kishida on Sunday. Seoul hopes for more.";
    let doc = Tokenized::new(text);
    let entities = dateline_entities::extract(text, &Default::default());
    let dates = dateline_dates::find(
        text,
        &dateline_dates::Options::with_anchor(day(2023, 5, 8).unwrap()),
    );
    let regions = [Span::new(9, text.len())];
    let input = Input::new(&doc, &entities, &dates)
        .with_regions(&regions)
        .with_published(day(2023, 5, 8))
        .with_dateline_place(Some(Span::new(0, 5)));
    let events = extract(&input).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(entities.entities[events[0].place.unwrap()].name, "Seoul");
    assert_eq!(events[0].date.as_ref().unwrap().value, "2023-05-07");
}

#[test]
fn regions_limit_what_is_read() {
    use dateline_events::{extract, Input};
    use dateline_text::{Span, Tokenized};
    let text = "Related: Putin met Erdogan in Sochi. Body: Nothing happened today.";
    let doc = Tokenized::new(text);
    let entities = dateline_entities::extract(text, &Default::default());
    let regions = [Span::new(37, text.len())];
    let input = Input::new(&doc, &entities, &[]).with_regions(&regions);
    assert!(extract(&input).unwrap().is_empty());
    let bad = [Span::new(0, 999)];
    assert!(extract(&Input::new(&doc, &entities, &[]).with_regions(&bad)).is_err());
}

#[test]
fn on_a_visit_is_ongoing_and_a_courtesy_call_is_a_visit() {
    let found = find(
        "Indian Prime Minister Narendra Modi, who is on a visit to France, met French President Emmanuel Macron.",
        None,
    );
    let r = rows(&found);
    let visit = r
        .iter()
        .find(|r| r.0 == EventKind::Visit)
        .expect("the visit");
    assert_eq!(visit.4, Status::Ongoing);
    assert!(visit.1.contains(&"France".to_owned()), "{visit:?}");
    let (kind, who, _, _, _) = one(
        "Japanese Foreign Minister Yoko Kamikawa paid a courtesy call on Philippine President Ferdinand Marcos.",
        None,
    );
    assert_eq!(kind, EventKind::Visit);
    assert_eq!(who, names(&["Yoko Kamikawa", "Ferdinand Marcos"]));
}

#[test]
fn a_handshake_is_a_meeting_and_two_leaders_at_a_summit_meet() {
    let (kind, who, _, _, _) = one(
        "US President Donald Trump shook hands with North Korean leader Kim Jong Un.",
        None,
    );
    assert_eq!(kind, EventKind::Meet);
    assert_eq!(who, names(&["Donald Trump", "Kim Jong Un"]));
    let found = find(
        "Donald Trump and Kim Jong Un held a summit in Singapore.",
        None,
    );
    assert_eq!(rows(&found)[0].0, EventKind::Meet);
    let found = find("Donald Trump shook the hand of a voter.", None);
    assert!(found.events.is_empty());
}

#[test]
fn talks_that_a_visit_is_for_are_the_visit() {
    let (kind, who, place, _, status) = one(
        "The UN envoy to Iraq Jan Kubis arrived Monday in Baghdad for talks with Iraqi officials.",
        day(2024, 3, 5),
    );
    assert_eq!(kind, EventKind::Visit);
    assert_eq!(who, names(&["Jan Kubis", "Iraq"]));
    assert_eq!(place.as_deref(), Some("Baghdad"));
    assert_eq!(status, Status::Ongoing);
}

#[test]
fn talks_of_four_sides_are_a_summit() {
    let found = find(
        "German Foreign Minister Annalena Baerbock held talks in Berlin with her counterparts from Poland, France and Spain.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Summit);
    // A person and her own country are one side: a two-sided meeting stays a meeting.
    let (kind, _, _, _, _) = one(
        "Kenyan President William Ruto of Kenya met Tanzanian President Samia Suluhu Hassan in Arusha.",
        None,
    );
    assert_eq!(kind, EventKind::Meet);
}

#[test]
fn a_summit_of_one_organisation_takes_its_speakers_as_attendees() {
    let found = find(
        "EU leaders wound up two days of talks in Brussels on Friday. \
         European Council President Charles Michel said the agreement was a step forward.",
        day(2023, 10, 27),
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Summit);
    assert!(r[0].1.contains(&"Charles Michel".to_owned()), "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("Brussels"));
    // No one named after it: no attendees, no event.
    let found = find(
        "EU leaders wound up two days of talks in Brussels on Friday.",
        None,
    );
    assert!(found.events.is_empty(), "{:#?}", rows(&found));
}

#[test]
fn a_trigger_inside_a_headline_name_is_not_read() {
    let found = find("UN's De Mistura Meets Moallem In Damascus", None);
    assert!(
        found.events.iter().all(|e| e
            .participants
            .iter()
            .all(|&p| !found.entities.entities[p].name.contains("Meets"))),
        "{:#?}",
        rows(&found)
    );
}

#[test]
fn the_two_leaders_before_anyone_is_named_are_the_next_sentences_two() {
    let found = find(
        "The meeting between the two ministers took place on the sidelines of a regional forum. \
         Japanese Defence Minister Gen Nakatani and Australian Defence Minister Richard Marles signed a new agreement on Friday.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, EventKind::Meet);
    assert_eq!(r[0].1, names(&["Gen Nakatani", "Richard Marles"]));
    // Told after an encounter, "the two leaders" are its parties, not the next sentence's.
    let found = find(
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan on Monday. \
         The meeting between the two leaders lasted an hour. \
         Ugandan President Yoweri Museveni and Rwandan President Paul Kagame sent messages.",
        None,
    );
    let r = rows(&found);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].1, names(&["William Ruto", "Samia Suluhu Hassan"]));
}

#[test]
fn a_phone_call_on_a_day() {
    let (kind, who, _, date, status) = one(
        "Russian President Vladimir Putin and Chinese President Xi Jinping held a phone call on Friday.",
        day(2024, 3, 5),
    );
    assert_eq!(kind, EventKind::Call);
    assert_eq!(who, names(&["Vladimir Putin", "Xi Jinping"]));
    assert_eq!(date.as_deref(), Some("2024-03-01"));
    assert_eq!(status, Status::Happened);
    // The verb keeps its idioms.
    let found = find(
        "Chinese President Xi Jinping called on Russian President Vladimir Putin to talk.",
        None,
    );
    assert!(
        rows(&found).iter().all(|r| r.0 != EventKind::Call),
        "{:#?}",
        rows(&found)
    );
}

#[test]
fn the_two_leaders_after_two_are_named_are_those_two() {
    let (kind, who, place, _, status) = one(
        "Rishi Sunak and Giorgia Meloni discussed migration. The two leaders also agreed to meet again in Rome.",
        None,
    );
    assert_eq!(kind, EventKind::Meet);
    assert_eq!(who, names(&["Rishi Sunak", "Giorgia Meloni"]));
    assert_eq!(place.as_deref(), Some("Rome"));
    assert_eq!(status, Status::Planned);
}

#[test]
fn leaders_of_an_organisation_gather_at_its_summit() {
    let (kind, who, place, _, _) = one(
        "Leaders of the G7 gathered in Hiroshima on Friday for a three-day summit. \
         Japanese Prime Minister Fumio Kishida opened the meeting.",
        day(2024, 3, 5),
    );
    assert_eq!(kind, EventKind::Summit);
    assert_eq!(who, names(&["G7", "Fumio Kishida"]));
    assert_eq!(place.as_deref(), Some("Hiroshima"));
}

#[test]
fn by_phone_does_not_hide_the_day() {
    let (kind, _, _, date, _) = one(
        "US President Joe Biden spoke to Israeli Prime Minister Benjamin Netanyahu by phone on Sunday.",
        day(2024, 3, 5),
    );
    assert_eq!(kind, EventKind::Call);
    assert_eq!(date.as_deref(), Some("2024-03-03"));
}

#[test]
fn a_past_verb_puts_a_day_without_year_in_the_past() {
    let (_, _, _, date, status) = one(
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol held a summit in Tokyo on March 16.",
        day(2024, 3, 5),
    );
    assert_eq!(
        (date.as_deref(), status),
        (Some("2023-03-16"), Status::Happened)
    );
    // With its year, the date stays.
    let (_, _, _, date, _) = one(
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol held a summit in Tokyo on March 16, 2024.",
        day(2024, 3, 5),
    );
    assert_eq!(date.as_deref(), Some("2024-03-16"));
}

#[test]
fn during_the_trip_is_the_time_of_the_meeting_before_it() {
    let (kind, who, _, _, status) = one(
        "US Secretary of State Antony Blinken is expected to meet Chinese Foreign Minister Wang Yi during the trip.",
        None,
    );
    assert_eq!((kind, status), (EventKind::Meet, Status::Planned));
    assert_eq!(who, names(&["Antony Blinken", "Wang Yi"]));
}

#[test]
fn the_title_of_a_country_is_the_person_named_with_it() {
    let found = find(
        "Peruvian Prime Minister Luis Vega spoke on Monday about trade with Bolivia. \
         Bolivian President Ana Ramos will hold talks with the Prime Minister of Peru on Tuesday.",
        day(2023, 3, 6),
    );
    let r = rows(&found);
    assert!(
        r.iter()
            .any(|r| r.1 == names(&["Ana Ramos", "Luis Vega"]) && r.4 == Status::Planned),
        "{r:#?}"
    );
}

#[test]
fn an_organisations_envoy_is_the_diplomat_the_text_names() {
    let found = find(
        "Chilean diplomat Marta Soto took up the post in May. The UN envoy held talks in \
         Lima on Sunday with Foreign Minister Luis Vega.",
        day(2023, 6, 12),
    );
    let r = rows(&found);
    assert!(
        r.iter()
            .any(|r| r.0 == EventKind::Meet && r.1 == names(&["Marta Soto", "Luis Vega"])),
        "{r:#?}"
    );
}

#[test]
fn a_government_named_by_its_nationality_is_also_its_country() {
    let found = find(
        "The envoy mediated talks between the Chilean government and the rebels.",
        None,
    );
    let gov = found
        .entities
        .entity_named("Chilean government")
        .expect("the government side");
    assert!(gov.aliases.iter().any(|a| a == "Chile"), "{gov:?}");
}

#[test]
fn a_town_no_gazetteer_knows_is_a_place_not_a_country() {
    // "Vellmark" is invented: no list knows it, so it has no country of its own, yet it is
    // no country either. Travelling to a town is no visit by itself.
    let found = find(
        "German Foreign Minister Karl Brandt travelled to Vellmark on Monday.",
        day(2023, 5, 9),
    );
    let r = rows(&found);
    assert!(r.is_empty(), "{r:#?}");
    // A known country stays a party.
    let found = find(
        "German Foreign Minister Karl Brandt travelled to Chile on Monday.",
        day(2023, 5, 9),
    );
    let r = rows(&found);
    assert!(
        r.iter().any(|r| r.1.contains(&"Chile".to_owned())),
        "{r:#?}"
    );
}

#[test]
fn an_honorifics_dot_does_not_end_the_parties() {
    let found = find(
        "Peruvian Prime Minister Luis Vega spoke on Monday about trade with Bolivia. \
         Bolivian President Ana Ramos will hold talks with the Hon. Prime Minister of Peru \
         on Tuesday.",
        day(2023, 3, 6),
    );
    let r = rows(&found);
    assert!(
        r.iter().any(|r| r.1 == names(&["Ana Ramos", "Luis Vega"])),
        "{r:#?}"
    );
}

#[test]
fn the_ministers_of_a_list_of_countries_are_the_people_named_with_them() {
    let found = find(
        "Peruvian Foreign Minister Ana Ramos and Chilean Foreign Minister Luis Soto spoke on \
         Monday. The foreign ministers of Peru and Chile met in Lima on Tuesday.",
        day(2023, 3, 8),
    );
    let r = rows(&found);
    assert!(
        r.iter()
            .any(|r| r.0 == EventKind::Meet && r.1 == names(&["Ana Ramos", "Luis Soto"])),
        "{r:#?}"
    );
}
