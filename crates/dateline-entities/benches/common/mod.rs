//! The corpus shared by this crate's benches and `examples/entities_throughput.rs`
//! (included there with `#[path]`), so all of them read the same files in the same order.

use std::path::{Path, PathBuf};

/// Appends every `.txt` file under `dir` to `out`, recursively, in sorted path order.
/// Unreadable directories are skipped.
pub(crate) fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// The first `n` `.txt` files under `dir` (see [`collect`]) as strings, minus any that
/// cannot be read as UTF-8.
pub(crate) fn read_first(dir: &Path, n: usize) -> Vec<String> {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files
        .iter()
        .take(n)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The benches' corpus: the first 400 articles of `$DATELINE_BENCH_DATA`, else of
/// `../shared/data/news/bbc`, else the repository seeds, else `fallback` alone; with a name
/// saying which.
#[allow(dead_code)] // used by the benches, not by the example that includes this module
pub(crate) fn corpus(fallback: &str) -> (String, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = [
        std::env::var("DATELINE_BENCH_DATA").ok().map(PathBuf::from),
        Some(root.join("../shared/data/news/bbc")),
        Some(root.join("seeds")),
    ];
    for dir in candidates.into_iter().flatten() {
        let docs = read_first(&dir, 400);
        if !docs.is_empty() {
            return (dir.display().to_string(), docs);
        }
    }
    ("built-in sentence".into(), vec![fallback.into()])
}
