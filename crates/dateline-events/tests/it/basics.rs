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
        "U.S. Secretary of Defense James Mattis on Thursday met with his British counterpart Gavin Williamson at the Pentagon. They also discussed priorities for the upcoming NATO Defense Ministers' meeting in Brussels.",
    ] {
    let got = show(text, NaiveDate::from_ymd_opt(2022, 11, 16));
    eprintln!("{got:#?}");
    }
}
