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
fn debug_seed_004() {
    let text = "Chinese President Xi Jinping said on Tuesday that his country is ready to collaborate with South Korea to promote regional peace and stability.\nThese comments were made during a meeting he had with his South Korean counterpart Yoon Suk-yeol on the sidelines of the G-20 Summit in Bali, Indonesia.\n";
    let got = show(text, NaiveDate::from_ymd_opt(2022, 11, 16));
    eprintln!("{got:#?}");
}
