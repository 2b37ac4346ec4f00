//! Replays every committed input of `regressions/TARGET/` through its target's checks
//! (`cd fuzz && cargo test`). A file there is a past finding: the test fails while the bug is
//! open and guards against its return once fixed. Not part of `scripts/test` (the fuzz crate
//! is outside the workspace); `scripts/fuzz` also seeds each target's corpus with them.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in paths {
        let data = std::fs::read(&path).expect("readable regression input");
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| run(&data))) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default();
            failures.push(format!(
                "{target}/{}: {msg}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    failures
}

#[test]
fn regressions_pass() {
    use dateline_fuzz::targets::{analyze, article, dates, entities, events};
    let mut failures = Vec::new();
    failures.extend(replay("dates", dates::run));
    failures.extend(replay("article", article::run));
    failures.extend(replay("entities", entities::run));
    failures.extend(replay("analyze", analyze::run));
    failures.extend(replay("events", events::run));
    assert!(
        failures.is_empty(),
        "open findings:\n{}",
        failures.join("\n")
    );
}
