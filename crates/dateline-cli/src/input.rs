//! Turning command-line PATH arguments into documents, shared by every subcommand.
//!
//! - a file is one document;
//! - a directory is walked recursively and every file whose name matches one of the
//!   `--glob` patterns (default `*.txt`) is a document, in sorted path order;
//! - `-` is standard input.
//!
//! Documents are read one at a time ([`Source::read`]) so memory stays bounded by the
//! largest document, not the corpus. Text must be UTF-8; with `--lossy` invalid bytes
//! become U+FFFD, otherwise the document fails with an error that names it.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// PATH arguments and how to read them; `#[command(flatten)]` this into a subcommand.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct InputArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    /// With no PATH, standard input is read.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// File-name pattern for files found inside directories (`*` and `?` wildcards);
    /// repeat the option to accept several patterns.
    #[arg(long = "glob", value_name = "PATTERN", default_value = "*.txt")]
    pub(crate) globs: Vec<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
    #[arg(long)]
    pub(crate) lossy: bool,
}

impl InputArgs {
    /// Expands the PATH arguments into document sources (see [`expand`]).
    pub(crate) fn sources(&self) -> (Vec<Source>, Vec<CliError>) {
        if self.paths.is_empty() {
            return (vec![Source::Stdin], Vec::new());
        }
        expand(&self.paths, &self.globs)
    }
}

/// Where one document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// One decoded input document.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// Document id: the file stem (`stdin` for standard input).
    pub(crate) id: String,
    /// Where it came from, as given on the command line (`-` for standard input).
    pub(crate) source: String,
    /// The text, exactly as decoded (no normalization; a BOM stays in place).
    pub(crate) text: String,
}

impl Source {
    /// The path for messages (`-` for standard input).
    pub(crate) fn path(&self) -> PathBuf {
        match self {
            Source::Stdin => PathBuf::from("-"),
            Source::File(p) => p.clone(),
        }
    }

    /// Reads and decodes the document.
    ///
    /// # Errors
    /// [`CliError::Read`] when the bytes cannot be read; [`CliError::Utf8`] when they are
    /// not UTF-8 and `lossy` is false.
    pub(crate) fn read(&self, lossy: bool) -> Result<Document, CliError> {
        self.read_limited(lossy, usize::MAX)
    }

    /// Reads and decodes the document, refusing one larger than `max_bytes` without reading
    /// more than `max_bytes + 1` bytes of it.
    ///
    /// # Errors
    /// As [`Source::read`], plus [`CliError::TooLarge`].
    pub(crate) fn read_limited(&self, lossy: bool, max_bytes: usize) -> Result<Document, CliError> {
        let path = self.path();
        let read_error = |source| CliError::Read {
            path: path.clone(),
            source,
        };
        let limit = (max_bytes as u64).saturating_add(1);
        let mut bytes = Vec::new();
        match self {
            Source::Stdin => io::stdin().lock().take(limit).read_to_end(&mut bytes),
            Source::File(p) => fs::File::open(p).and_then(|f| {
                let len = f.metadata().map_or(0, |m| m.len());
                bytes.reserve(usize::try_from(len.min(limit)).unwrap_or(0));
                f.take(limit).read_to_end(&mut bytes)
            }),
        }
        .map_err(read_error)?;
        if bytes.len() > max_bytes {
            return Err(CliError::TooLarge {
                path,
                len: bytes.len() as u64,
                limit: max_bytes,
            });
        }
        let text = decode(bytes, lossy, &path)?;
        let id = match self {
            Source::Stdin => "stdin".to_owned(),
            Source::File(p) => document_id(p),
        };
        Ok(Document {
            id,
            source: path.display().to_string(),
            text,
        })
    }
}

/// Decodes bytes as UTF-8 (or lossily).
///
/// # Errors
/// [`CliError::Utf8`] naming `path` when the bytes are not UTF-8 and `lossy` is false.
pub(crate) fn decode(bytes: Vec<u8>, lossy: bool, path: &Path) -> Result<String, CliError> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(CliError::Utf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// The document id of a path: its file stem ("seeds/000_abc.txt" -> "000_abc").
pub(crate) fn document_id(path: &Path) -> String {
    path.file_stem().or_else(|| path.file_name()).map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Expands PATH arguments, in argument order; each directory contributes its matching files
/// in sorted path order. Arguments that do not exist or cannot be listed become errors; the
/// rest still expand. (All at once; [`Walk`] gives the same sources one at a time.)
pub(crate) fn expand(paths: &[PathBuf], globs: &[String]) -> (Vec<Source>, Vec<CliError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for item in Walk::new(paths.to_vec(), globs.to_vec()) {
        match item {
            Ok(source) => sources.push(source),
            Err(error) => errors.push(error),
        }
    }
    (sources, errors)
}

/// The documents of PATH arguments, found lazily, in argument order; each directory is walked
/// depth-first with its entries in name order, which is sorted path order (paths compare
/// component by component). Only the listings of the directories on the current path are held,
/// so memory follows the largest directory, not the corpus. An argument or directory that
/// cannot be read is an `Err` item in its place; the walk goes on.
pub(crate) struct Walk {
    globs: Vec<String>,
    args: std::vec::IntoIter<PathBuf>,
    /// The listings being walked, innermost last; each in reverse name order (popped from the end).
    stack: Vec<Vec<Entry>>,
}

/// One entry of a directory listing.
enum Entry {
    Dir(PathBuf),
    File(PathBuf),
    Error(CliError),
}

impl Walk {
    /// A walk over `paths` (`-` is standard input) keeping files that match one of `globs`.
    pub(crate) fn new(paths: Vec<PathBuf>, globs: Vec<String>) -> Self {
        Walk {
            globs,
            args: paths.into_iter(),
            stack: Vec::new(),
        }
    }

    /// Lists `dir`: subdirectories and matching files, in reverse name order (symbolic links
    /// to directories are not followed, so a link cycle cannot loop).
    fn list(&self, dir: &Path) -> Result<Vec<Entry>, CliError> {
        let entries = fs::read_dir(dir).map_err(|source| CliError::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut named: Vec<(std::ffi::OsString, Entry)> = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    // Sorts before every name: reported first, as the listing is read.
                    named.push((
                        std::ffi::OsString::new(),
                        Entry::Error(CliError::Read {
                            path: dir.to_path_buf(),
                            source,
                        }),
                    ));
                    continue;
                }
            };
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            if file_type.is_dir() {
                named.push((name, Entry::Dir(path)));
            } else if (file_type.is_file() || (file_type.is_symlink() && path.is_file()))
                && self
                    .globs
                    .iter()
                    .any(|g| glob_match(g, &name.to_string_lossy()))
            {
                named.push((name, Entry::File(path)));
            }
        }
        // Reverse name order: popped from the end, errors (empty names) come first.
        named.sort_by(|a, b| b.0.cmp(&a.0));
        Ok(named.into_iter().map(|(_, e)| e).collect())
    }
}

impl Iterator for Walk {
    type Item = Result<Source, CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(top) = self.stack.last_mut() {
                match top.pop() {
                    Some(Entry::File(path)) => return Some(Ok(Source::File(path))),
                    Some(Entry::Error(error)) => return Some(Err(error)),
                    Some(Entry::Dir(dir)) => match self.list(&dir) {
                        Ok(listing) => self.stack.push(listing),
                        Err(error) => return Some(Err(error)),
                    },
                    None => {
                        self.stack.pop();
                    }
                }
                continue;
            }
            let path = self.args.next()?;
            if path.as_os_str() == "-" {
                return Some(Ok(Source::Stdin));
            }
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => match self.list(&path) {
                    Ok(listing) => self.stack.push(listing),
                    Err(error) => return Some(Err(error)),
                },
                Ok(_) => return Some(Ok(Source::File(path))),
                Err(source) => return Some(Err(CliError::Read { path, source })),
            }
        }
    }
}

/// Matches a file name against a pattern with `*` (any run) and `?` (one character).
/// Linear-time backtracking over the last `*`.
pub(crate) fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(&c) if c == '?' || c == n[ni] => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_basics() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(glob_match("*.txt", ".txt"));
        assert!(!glob_match("*.txt", "a.txt.bak"));
        assert!(glob_match("a?c*", "abcdef"));
        assert!(!glob_match("a?c", "ac"));
        assert!(glob_match("*", ""));
        assert!(glob_match("*a*b*", "xxaxxbxx"));
        assert!(!glob_match("*a*b", "xxaxxbxxc"));
        assert!(glob_match("né*", "néant"));
    }

    #[test]
    fn ids_are_stems() {
        assert_eq!(document_id(Path::new("seeds/000_abc.txt")), "000_abc");
        assert_eq!(document_id(Path::new("x/noext")), "noext");
    }

    #[test]
    fn decode_strict_and_lossy() {
        let bad = b"ok \xff there".to_vec();
        let err = decode(bad.clone(), false, Path::new("f.txt")).unwrap_err();
        assert!(err.to_string().contains("f.txt"));
        assert!(err.to_string().contains("offset 3"));
        assert_eq!(
            decode(bad, true, Path::new("f.txt")).unwrap(),
            "ok \u{fffd} there"
        );
    }

    #[test]
    fn the_walk_gives_sorted_path_order() {
        let dir = std::env::temp_dir().join(format!("dateline-cli-walk-{}", std::process::id()));
        for sub in ["b", "b/c", "a", "a.d", "B"] {
            fs::create_dir_all(dir.join(sub)).unwrap();
        }
        for f in [
            "b.txt",
            "b/x.txt",
            "b/c/y.txt",
            "b/c.txt",
            "a/z.txt",
            "a.d/q.txt",
            "a0.txt",
            "B/u.txt",
            "Z.txt",
            "b/skip.md",
        ] {
            fs::write(dir.join(f), "x").unwrap();
        }
        let walked: Vec<PathBuf> = Walk::new(vec![dir.clone()], vec!["*.txt".to_owned()])
            .map(|s| s.unwrap().path())
            .collect();
        let mut sorted = walked.clone();
        sorted.sort();
        assert_eq!(walked, sorted);
        assert_eq!(walked.len(), 9);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_paths_are_errors_and_the_rest_expands() {
        let dir = std::env::temp_dir().join(format!("dateline-cli-input-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("b.txt"), "b").unwrap();
        fs::write(dir.join("sub/a.txt"), "a").unwrap();
        fs::write(dir.join("c.md"), "c").unwrap();
        let (sources, errors) = expand(
            &[dir.join("missing.txt"), dir.clone()],
            &["*.txt".to_owned()],
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            sources,
            vec![
                Source::File(dir.join("b.txt")),
                Source::File(dir.join("sub/a.txt"))
            ]
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
