//! Integration tests of the `dateline` binary.

// Test helpers may unwrap: a failure is a test failure (clippy's allow-unwrap-in-tests only
// covers `#[test]` functions).
#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "it/analyze.rs"]
mod analyze;
#[path = "it/stories.rs"]
mod stories;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run dateline")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dateline");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-cli-it-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Slices `text` by code-point offsets.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn dates_on_the_seeds_jsonl_offsets_slice_the_text() {
    let o = run(&["dates", "--format", "jsonl", seeds().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = jsonl(&o);
    assert_eq!(records.len(), 3);
    let mut total = 0;
    let mut ids = Vec::new();
    for record in &records {
        let source = record["source"].as_str().unwrap();
        let id = record["id"].as_str().unwrap();
        ids.push(id.to_owned());
        assert_eq!(Path::new(source).file_stem().unwrap().to_str().unwrap(), id);
        let text = fs::read_to_string(source).unwrap();
        for date in record["dates"].as_array().unwrap() {
            total += 1;
            let keys: Vec<&str> = date
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            assert_eq!(
                sorted,
                ["anchor", "end", "kind", "modifier", "range", "start", "text", "value"]
            );
            let (start, end) = (
                date["start"].as_u64().unwrap(),
                date["end"].as_u64().unwrap(),
            );
            assert_eq!(
                chars(&text, start, end),
                date["text"].as_str().unwrap(),
                "{source}"
            );
            assert!(["DATE", "TIME", "DURATION", "SET"].contains(&date["kind"].as_str().unwrap()));
            assert!(["published", "mention", "none"].contains(&date["anchor"].as_str().unwrap()));
        }
    }
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "directory documents come in sorted order");
    assert!(total >= 3, "the seeds mention many dates, found {total}");
}

#[test]
fn anchor_auto_uses_each_documents_publication_date() {
    let seed = seeds().join("000_6cb1cf4919cbac8a.txt");
    let o = run(&[
        "dates",
        "--anchor",
        "auto",
        "--format",
        "jsonl",
        seed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let record = &jsonl(&o)[0];
    let dates = record["dates"].as_array().unwrap();
    let saturday = dates
        .iter()
        .find(|d| d["text"] == "Saturday")
        .expect("Saturday is found");
    assert_eq!(saturday["value"], "2023-09-23");
    assert_eq!(saturday["anchor"], "published");
    // Without an anchor the same weekday stays unresolved.
    let o = run(&["dates", "--format", "jsonl", seed.to_str().unwrap()]);
    let record = &jsonl(&o)[0];
    let saturday = record["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "Saturday");
    assert_ne!(saturday.unwrap()["value"], "2023-09-23");
    // 004's header date (2022-01-01) is a doubtful placeholder: it anchors nothing.
    let seed = seeds().join("004_5150d573eb016490.txt");
    let o = run(&[
        "dates",
        "--anchor",
        "auto",
        "--format",
        "jsonl",
        seed.to_str().unwrap(),
    ]);
    let record = &jsonl(&o)[0];
    for d in record["dates"].as_array().unwrap() {
        assert_ne!(d["anchor"], "published", "{d}");
    }
}

#[test]
fn table_is_the_default_format() {
    let o = run(&["dates", "--anchor", "2023-09-23", seeds().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let header = out.lines().next().unwrap();
    for column in [
        "file", "offsets", "text", "kind", "value", "modifier", "range",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(out.lines().count() > 1);
}

#[test]
fn stdin_with_anchor_and_code_point_offsets() {
    let text = "Café “news” — it opened on September 23, 2023, after four years.";
    let o = run_stdin(
        &["dates", "--anchor", "2023-09-23", "--format", "jsonl", "-"],
        text.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let records = jsonl(&o);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "stdin");
    assert_eq!(records[0]["source"], "-");
    let dates = records[0]["dates"].as_array().unwrap();
    let sept = dates
        .iter()
        .find(|d| d["value"] == "2023-09-23")
        .expect("the full date is found");
    let (s, e) = (
        sept["start"].as_u64().unwrap(),
        sept["end"].as_u64().unwrap(),
    );
    assert_eq!(chars(text, s, e), "September 23, 2023");
    assert_eq!(
        sept["range"],
        serde_json::json!(["2023-09-23", "2023-09-23"])
    );
    // No PATH at all also reads standard input.
    let o = run_stdin(&["dates", "--format", "jsonl"], text.as_bytes());
    assert!(o.status.success());
    assert_eq!(jsonl(&o)[0]["dates"], records[0]["dates"]);
}

#[test]
fn directories_are_walked_recursively_with_a_glob() {
    let dir = temp_dir("walk");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("b.txt"), "Held in 2019.").unwrap();
    fs::write(dir.join("sub/a.txt"), "Held in November 2022.").unwrap();
    fs::write(dir.join("c.md"), "Held in 2020.").unwrap();
    let o = run(&["dates", "--format", "jsonl", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = jsonl(&o)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["b", "a"], "sorted by path: b.txt before sub/a.txt");
    let o = run(&[
        "dates",
        "--format",
        "jsonl",
        "--glob",
        "*.md",
        dir.to_str().unwrap(),
    ]);
    let ids: Vec<String> = jsonl(&o)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["c"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_file_is_reported_and_the_run_continues() {
    let seed = seeds().join("000_6cb1cf4919cbac8a.txt");
    let o = run(&[
        "dates",
        "--format",
        "jsonl",
        "no/such/file.txt",
        seed.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
    let records = jsonl(&o);
    assert_eq!(records.len(), 2, "documents in = records out");
    assert_eq!(records[0]["error"]["kind"], "not_found");
    assert_eq!(records[0]["id"], "file");
    assert!(
        records[1]["dates"].is_array(),
        "the good document is still processed"
    );

    // `parse` keeps the same promise.
    let o = run(&[
        "parse",
        "--format",
        "jsonl",
        "no/such/file.txt",
        seed.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let records = jsonl(&o);
    assert_eq!(records.len(), 2, "documents in = records out");
    assert_eq!(records[0]["error"]["kind"], "not_found");
    assert!(records[1]["article"].is_object());
}

#[test]
fn a_bad_anchor_is_a_usage_error() {
    for bad in ["2023-02-30", "23/09/2023", "yesterday"] {
        let o = run(&["dates", "--anchor", bad, seeds().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let o = run(&["dates", "--date-order", "mdyx", "-"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn invalid_utf8_fails_the_document_unless_lossy() {
    let dir = temp_dir("utf8");
    let bad = dir.join("bad.txt");
    fs::write(&bad, b"Opened on September 23, 2023 \xff\xfe here.").unwrap();
    let good = dir.join("good.txt");
    fs::write(&good, "Opened in 2019.").unwrap();
    let o = run(&[
        "dates",
        "--format",
        "jsonl",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("bad.txt") && err.contains("UTF-8") && err.contains("--lossy"),
        "{err}"
    );
    let records = jsonl(&o);
    assert_eq!(records.len(), 2, "documents in = records out");
    assert_eq!(records[0]["error"]["kind"], "utf8");
    assert_eq!(records[0]["id"], "bad");

    let o = run(&[
        "dates",
        "--format",
        "jsonl",
        "--lossy",
        bad.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = jsonl(&o);
    let lossy = String::from_utf8_lossy(&fs::read(&bad).unwrap()).into_owned();
    for d in records[0]["dates"].as_array().unwrap() {
        let (s, e) = (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap());
        assert_eq!(chars(&lossy, s, e), d["text"].as_str().unwrap());
    }
    fs::remove_dir_all(&dir).unwrap();
}

const TML: &str = r#"<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-23" temporalFunction="false" functionInDocument="CREATION_TIME">20230923</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> on <TIMEX3 tid="t3" type="DATE" value="2023-09-23">Saturday</TIMEX3> that the &quot;deal&quot; signed on September 23, 2023 would last <TIMEX3 tid="t4" type="DURATION" value="P4Y">four years</TIMEX3> &lt;at least&gt;.
Café prices rose 5% &#8212; again.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"#;

/// Removes every tag, keeping the escaped character data.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn text_element(doc: &str) -> &str {
    let start = doc.find("<TEXT>").unwrap() + "<TEXT>".len();
    let end = doc.find("</TEXT>").unwrap();
    &doc[start..end]
}

#[test]
fn timeml_round_trip_keeps_the_text_byte_for_byte() {
    let dir = temp_dir("timeml");
    let (input, output) = (dir.join("in"), dir.join("out"));
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::write(input.join("sub/tiny.tml"), TML).unwrap();
    fs::write(input.join("notes.txt"), "not TimeML, ignored").unwrap();
    fs::write(input.join("broken.tml"), "<TimeML>no text element</TimeML>").unwrap();
    let o = run(&["timeml", input.to_str().unwrap(), output.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the broken file fails, the rest is written"
    );
    assert!(stderr(&o).contains("broken.tml"), "{}", stderr(&o));

    let out = fs::read_to_string(output.join("sub/tiny.tml")).unwrap();
    assert_eq!(
        strip_tags(text_element(&out)),
        strip_tags(text_element(TML))
    );
    assert!(
        text_element(&out).contains("AT&amp;T said on "),
        "gold tags are removed"
    );
    assert!(!out.contains("<EVENT") && !out.contains("TLINK") && !out.contains("MAKEINSTANCE"));
    assert!(!out.contains("tid=\"t3\" type=\"DATE\" value=\"2023-09-23\">Saturday"));
    let before_text = &TML[..TML.find("<TEXT>").unwrap()];
    assert!(
        out.starts_with(before_text),
        "everything before TEXT is unchanged"
    );
    assert!(
        out.contains(">September 23, 2023</TIMEX3>"),
        "our tag is inserted around the date: {out}"
    );
    for tag in out.match_indices("<TIMEX3 ").map(|(i, _)| &out[i..]) {
        let tag = &tag[..tag.find('>').unwrap()];
        assert!(tag.contains("tid=\"t") && tag.contains("type=\"") && tag.contains("value=\""));
    }
    assert!(!output.join("notes.txt").exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn timeml_output_inside_input_is_not_read_again() {
    let dir = temp_dir("nested");
    fs::write(dir.join("tiny.tml"), TML).unwrap();
    let out = dir.join("out");
    for _ in 0..2 {
        let o = run(&["timeml", dir.to_str().unwrap(), out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(out.join("tiny.tml").exists());
    assert!(!out.join("out").exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn timeml_usage_errors() {
    let dir = temp_dir("same");
    let missing = dir.join("no/such/dir");
    let o = run(&[
        "timeml",
        missing.to_str().unwrap(),
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["timeml", dir.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    fs::remove_dir_all(&dir).unwrap();
}
