//! The corpus walk shared by `benches/find.rs` and `examples/dates_throughput.rs` (included
//! there with `#[path]`), so both read the same text.

use std::path::{Path, PathBuf};

/// Appends every `.txt` file under `dir` to `out`, recursively in sorted path order, each
/// decoded lossily and followed by a blank line. Unreadable entries are skipped.
pub(crate) fn collect(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push_str(&String::from_utf8_lossy(&bytes));
                out.push_str("\n\n");
            }
        }
    }
}
