//! The corpus walk shared by this crate's benches and `examples/entities_throughput.rs`
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
