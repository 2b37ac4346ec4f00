use chrono::NaiveDate;
use dateline_events::find;

fn show(text: &str, published: Option<NaiveDate>) -> Vec<String> {
    let f = find(text, published);
    f.events
        .iter()
        .map(|e| {
            let names: Vec<&str> = e.participants.iter().map(|&i| f.entities.entities[i].name.as_str()).collect();
            format!(
                "{} {:?} place={:?} date={:?} {}",
                e.kind,
                names,
                e.place.map(|p| f.entities.entities[p].name.as_str()),
                e.date.as_ref().map(|d| d.value.as_str()),
                e.status
            )
        })
        .collect()
}

#[test]
fn debug() {
    for text in [
        "After two days of negotiations, Saudi Arabia and other OPEC countries said they would cut 800,000 barrels a day.",
        "After negotiations, Saudi Arabia and other OPEC countries said they would cut output.",
        "After negotiations, Saudi Arabia and OPEC said they would cut output.",
        "Saudi Arabia and OPEC held negotiations.",
    ] {
    let got = show(text, NaiveDate::from_ymd_opt(2022, 11, 16));
    eprintln!("{got:#?}");
    }
}
