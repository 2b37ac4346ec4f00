//! `dateline analyze`: seeds, bad input, streaming order, parallel determinism, atomic output.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn analyze(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("analyze")
        .args(args)
        .output()
        .expect("run dateline analyze")
}

fn analyze_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .arg("analyze")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dateline");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait for dateline")
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("dateline-analyze-it-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn seeds_give_one_record_each_with_the_contract() {
    let o = analyze(&["--format", "jsonl", p(&seeds())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let records = lines(&o);
    assert_eq!(records.len(), 3);
    for r in &records {
        assert_eq!(r["schema_version"], 1);
        for key in [
            "id", "source", "language", "article", "dates", "entities", "quotes",
        ] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
        let text = fs::read_to_string(r["source"].as_str().unwrap()).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for q in r["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[s..e].iter().collect::<String>(),
                q["text"].as_str().unwrap()
            );
        }
    }
    assert!(records[0]["id"].as_str().unwrap().starts_with("000"));
    assert_eq!(records[0]["article"]["published"]["date"], "2023-09-23");
}

#[test]
fn no_tagger_reaches_the_library_and_changes_only_entities_and_speakers() {
    let with = lines(&analyze(&["--format", "jsonl", p(&seeds())]));
    let without = lines(&analyze(&["--format", "jsonl", "--no-tagger", p(&seeds())]));
    assert_eq!(with.len(), without.len());
    let mut differs = false;
    for (w, n) in with.iter().zip(&without) {
        let source = n["source"].as_str().unwrap();
        let text = fs::read_to_string(source).unwrap();
        let options = dateline::Options::default().with_tagger(false);
        let library = dateline::analyze(&text, &options)
            .unwrap()
            .to_json_value(&text)
            .unwrap();
        assert_eq!(n["entities"], library["entities"], "{source}");
        for same in ["article", "dates", "language"] {
            assert_eq!(w[same], n[same], "{source}: {same}");
        }
        differs |= w["entities"] != n["entities"];
    }
    // Without this the comparison above could not tell the flag from no flag.
    assert!(differs, "the tagger changes no entity of any seed");
}

#[test]
fn bad_inputs_are_recorded_and_the_run_continues() {
    let dir = temp_dir("bad");
    fs::write(
        dir.join("a_good.txt"),
        "Xi Jinping met Yoon Suk-yeol in Bali on Tuesday.",
    )
    .unwrap();
    fs::write(dir.join("b_latin1.txt"), b"caf\xe9 au lait").unwrap();
    fs::write(dir.join("c_binary.txt"), [0u8; 64]).unwrap();
    fs::write(dir.join("d_large.txt"), "word ".repeat(100)).unwrap();
    fs::write(dir.join("e_skipped.md"), "not matched by *.txt").unwrap();
    let missing = dir.join("missing.txt");
    let o = analyze(&["--max-bytes", "300", p(&dir), p(&missing)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let records = lines(&o);
    assert_eq!(records.len(), 5, "documents in = records out");
    let kinds: Vec<String> = records
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("ok").to_owned())
        .collect();
    assert_eq!(kinds, ["ok", "utf8", "binary", "too_large", "not_found"]);
    for r in &records[1..] {
        assert_eq!(r["schema_version"], 1);
        assert!(r["id"].is_string() && r["source"].is_string());
        let message = r["error"]["message"].as_str().unwrap();
        assert!(message.contains(r["source"].as_str().unwrap()), "{message}");
    }
    let err = stderr(&o);
    for name in ["b_latin1.txt", "c_binary.txt", "d_large.txt", "missing.txt"] {
        assert!(err.contains(name), "stderr names {name}: {err}");
    }
    assert!(err.contains("--lossy"));
    // With --lossy the Latin-1 file is analysed.
    let o = analyze(&["--lossy", p(&dir.join("b_latin1.txt"))]);
    assert_eq!(o.status.code(), Some(0));
    assert!(lines(&o)[0]["article"]["paragraphs"][0]["text"]
        .as_str()
        .unwrap()
        .contains('\u{fffd}'));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn many_small_files_in_order_and_jobs_do_not_change_output() {
    let dir = temp_dir("many");
    // More files than one batch holds (256 documents per thread), with either --jobs.
    for i in 0..600 {
        let sub = dir.join(format!("d{}", i % 7));
        fs::create_dir_all(&sub).unwrap();
        fs::write(
            sub.join(format!("{i:05}.txt")),
            format!("Story {i}\n\nPresident Xi said on Tuesday that talks with Seoul went well. \"We are ready,\" he said."),
        )
        .unwrap();
    }
    let one = analyze(&["--jobs", "1", "--published", "2022-11-16", p(&dir)]);
    let two = analyze(&["--jobs", "2", "--published", "2022-11-16", p(&dir)]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(
        one.stdout, two.stdout,
        "--jobs 1 and --jobs 2 give identical output"
    );
    let records = lines(&one);
    assert_eq!(records.len(), 600);
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted, "output order = sorted input order");
    assert!(records
        .iter()
        .all(|r| r["dates"][0]["value"] == "2022-11-15"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_is_atomic_and_a_missing_directory_is_a_usage_error() {
    let dir = temp_dir("output");
    let target = dir.join("nope").join("out.jsonl");
    let o = analyze(&["--output", p(&target), p(&seeds())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    assert!(!dir.join("nope").exists());

    let target = dir.join("out.jsonl");
    let o = analyze(&["-o", p(&target), "--quiet", p(&seeds())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 3);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        [std::ffi::OsString::from("out.jsonl")],
        "no temp file left"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["--jobs", "0"],
        vec!["--jobs", "x"],
        vec!["--published", "2023-02-30"],
        vec!["--format", "xml"],
    ] {
        let o = analyze(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty());
    }
    assert!(stderr(&analyze(&["--jobs", "0"])).contains("at least 1"));
}

#[test]
fn jsonl_input_stdin_and_formats() {
    let input = concat!(
        r#"{"id": "a", "text": "Xi Jinping met Yoon Suk-yeol on Tuesday.", "published": "2022-11-16"}"#,
        "\n\n",
        "not json\n",
        r#"{"id": 7, "text": "Kim said: \"The road is long and hard.\""}"#,
        "\n",
        r#"{"id": "b"}"#,
        "\n",
    );
    let o = analyze_stdin(&["--input-format", "jsonl", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let records = lines(&o);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["dates"][0]["value"], "2022-11-15");
    assert_eq!(records[1]["error"]["kind"], "jsonl");
    assert_eq!(records[1]["id"], "stdin:3");
    assert_eq!(records[2]["id"], "7");
    assert_eq!(records[2]["quotes"][0]["cue"], "said");
    assert_eq!(records[3]["error"]["kind"], "jsonl");

    let o = analyze_stdin(
        &["--format", "json", "-"],
        b"Xi met Han in Hangzhou on Saturday.",
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("one JSON array");
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], "stdin");

    let o = analyze(&["--format", "csv", "--table", "quotes", p(&seeds())]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.starts_with("id,source,text,start,end,direct,cue,speaker_id,speaker,error\r\n"));
    assert!(csv.contains(",Yoon Suk-yeol,"));
    let o = analyze(&["--format", "table", "--table", "entities", p(&seeds())]);
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(table.lines().next().unwrap().starts_with("id "));
    assert!(table.lines().count() > 30);
}
