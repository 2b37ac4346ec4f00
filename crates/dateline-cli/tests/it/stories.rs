//! `dateline stories` and `dateline analyze --table events`.

use std::process::Output;

use super::{jsonl, run, run_stdin, seeds, stderr, stdout};

fn analyzed_seeds() -> Vec<u8> {
    let o = run(&["analyze", "--quiet", seeds().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    o.stdout
}

fn stories(args: &[&str], input: &[u8]) -> Output {
    let mut all = vec!["stories"];
    all.extend_from_slice(args);
    run_stdin(&all, input)
}

#[test]
fn stories_group_the_seeds_and_fill_the_date_from_the_other_report() {
    let input = analyzed_seeds();
    let o = stories(&[], &input);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = jsonl(&o);
    assert_eq!(records.len(), 3, "one record out per record in");
    assert_eq!(
        records[0]["story"], records[1]["story"],
        "000 and 003 tell the Hangzhou talks"
    );
    assert!(
        stdout(&o).starts_with("{\"schema_version\":1,"),
        "contract key order"
    );
    let talks = &records[1]["events"][0];
    assert_eq!(talks["date"]["value"], "2023-09-23");
    assert_eq!(talks["date"]["source"], "story");
    assert_eq!(talks["date"]["document"], "000_6cb1cf4919cbac8a");
    for r in &records {
        for e in r["events"].as_array().unwrap() {
            assert!(e["story"].as_str().unwrap().starts_with("story:"));
        }
    }
}

#[test]
fn malformed_lines_are_reported_with_their_number_and_kept() {
    let mut input = analyzed_seeds();
    input.extend_from_slice(b"{\"id\": \"cut\", \"events\": [\n\nnot json at all\n[1, 2]\n");
    let o = stories(&["-"], &input);
    assert_eq!(
        o.status.code(),
        Some(1),
        "malformed lines make the exit status 1"
    );
    let err = stderr(&o);
    for line in ["-:4:", "-:6:", "-:7:"] {
        assert!(err.contains(line), "{line} missing in {err}");
    }
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7, "every line comes back: {out}");
    assert_eq!(lines[3], "{\"id\": \"cut\", \"events\": [");
    assert_eq!(lines[5], "not json at all");
}

#[test]
fn a_file_argument_and_the_summary() {
    let dir = super::temp_dir("stories");
    let path = dir.join("seeds.jsonl");
    std::fs::write(&path, analyzed_seeds()).unwrap();
    let o = run(&["stories", "--format", "summary", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    for column in [
        "story",
        "kind",
        "participants",
        "date",
        "place",
        "documents",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let first = lines.next().unwrap();
    assert!(
        first.contains("Xi Jinping") && first.contains("2023-09-23") && first.contains("Hangzhou"),
        "{first}"
    );
    assert!(
        first.contains("000_6cb1cf4919cbac8a 003_fa70326514a1b195"),
        "{first}"
    );
    let o = run(&["stories", dir.join("missing.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.jsonl"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn analyze_table_events() {
    let seed = seeds().join("000_6cb1cf4919cbac8a.txt");
    let o = run(&[
        "analyze",
        "--format",
        "csv",
        "--table",
        "events",
        seed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,source,kind,cameo,participants,participant_ids,host,place,date,"));
    let first = lines.next().unwrap();
    assert!(
        first.contains(",meet,040,Xi Jinping; Han Duck-soo,"),
        "{first}"
    );
    assert!(
        first.contains(",Hangzhou,2023-09-23,mention,happened,talks,"),
        "{first}"
    );
    assert_eq!(out.lines().count(), 4, "three events: {out}");
    let o = run(&[
        "analyze",
        "--format",
        "table",
        "--table",
        "events",
        seed.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).lines().next().unwrap().starts_with("id "));
}
