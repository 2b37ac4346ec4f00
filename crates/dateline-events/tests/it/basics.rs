use chrono::NaiveDate;
use dateline_events::find;

fn show(text: &str, published: Option<NaiveDate>) -> Vec<String> {
    let f = find(text, published);
    f.events
        .iter()
        .map(|e| {
            let names: Vec<&str> = e.participants.iter().map(|&i| f.entities.entities[i].name.as_str()).collect();
            format!(
                "{} {:?} host={:?} place={:?} date={:?} {}",
                e.kind,
                names,
                e.host.map(|p| f.entities.entities[p].name.as_str()),
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
        "Chinese President Xi Jinping held talks on Saturday with South Korean Prime Minister\nHan Duck-soo in Hangzhou, China Central Television (CCTV) reported.",
        "Russian Foreign Minister Sergey Lavrov visited North Korea on Monday.",
        "Sergey Lavrov will visit Pyongyang next month.",
        "Bill Shorten said: \"I called Scott Morrison to congratulate him.\"",
        "Russian Foreign Minister Sergey Lavrov visited Pyongyang on Monday, North Korea's state media said.",
    ] {
        let f = find(text, None);
        eprintln!("{:?}", f.entities.mentions.iter().map(|m| (&m.text, m.label)).collect::<Vec<_>>());
        eprintln!("{:#?}", show(text, NaiveDate::from_ymd_opt(2023, 10, 18)));
    }
}
