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
        "Syrian daily al-Watan said de Mistura, who arrived on Tuesday on his first Damascus visit as the new UN envoy, was sounding out officials in Damascus.\nSyria said so. On Wednesday, the former Italian deputy foreign minister was holding talks with Syrian Foreign Minister Walid Muallem.",
    ] {
    let got = show(text, NaiveDate::from_ymd_opt(2022, 11, 16));
    eprintln!("{got:#?}");
    }
}
