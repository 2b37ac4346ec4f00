//! Runs every case of `tests/cases.tsv` (read at test time).

use chrono::NaiveDate;
use dateline_dates::{find, DateOrder, Options};

#[test]
fn data_file_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases.tsv");
    let data = std::fs::read_to_string(path).expect("tests/cases.tsv is readable");
    let mut failures = Vec::new();
    let mut n = 0;
    for (lineno, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 5,
            "line {}: expected 5 or 6 tab-separated columns",
            lineno + 1
        );
        n += 1;
        let mut opts = Options::default();
        if cols[0] != "-" {
            opts.anchor = Some(NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").unwrap());
        }
        let (order, join) = match cols[1].strip_suffix("+join") {
            Some(o) => (o, true),
            None => (cols[1], false),
        };
        opts.date_order = match order {
            "dmy" => DateOrder::Dmy,
            "ymd" => DateOrder::Ymd,
            _ => DateOrder::Mdy,
        };
        opts.join_ranges = join;
        let (text, want_text, want_value) = (cols[2], cols[3], cols[4]);
        let want_mod = cols.get(5).copied().filter(|m| !m.is_empty());
        let want_range = cols.get(6).copied().filter(|r| !r.is_empty());
        let found = find(text, &opts);
        if want_text == "-" {
            if !found.is_empty() {
                failures.push(format!(
                    "line {}: {text:?}: expected nothing, got {found:?}",
                    lineno + 1
                ));
            }
            continue;
        }
        let Some(at) = text.find(want_text) else {
            panic!(
                "line {}: mention {want_text:?} is not in {text:?}",
                lineno + 1
            );
        };
        let hit = found
            .iter()
            .find(|t| t.span.start < at + want_text.len() && at < t.span.end);
        let Some(hit) = hit else {
            failures.push(format!(
                "line {}: {want_text:?} not found in {text:?} ({found:?})",
                lineno + 1
            ));
            continue;
        };
        let got_mod = hit.modifier.map(|m| m.as_str());
        let got_range = hit.range.map(|(a, b)| format!("{a}..{b}"));
        if hit.text != want_text
            || hit.value != want_value
            || got_mod != want_mod
            || want_range.is_some_and(|r| got_range.as_deref() != Some(r))
        {
            failures.push(format!(
                "line {}: want {want_text:?}={want_value} {want_mod:?} {want_range:?}, got {:?}={} {got_mod:?} {got_range:?}",
                lineno + 1,
                hit.text,
                hit.value
            ));
        }
    }
    assert!(n > 50, "the case file should hold many cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
