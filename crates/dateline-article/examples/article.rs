//! Prints the parse of each file given on the command line (`-` for standard input).
//!
//! ```text
//! cargo run -p dateline-article --example article -- seeds/*.txt
//! ```

use std::io::Read;

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let text = if path == "-" {
            let mut s = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("-: {e}");
                failed = true;
                continue;
            }
            s
        } else {
            match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        match dateline_article::parse(&text) {
            Ok(article) => println!("== {path}\n{}", article.summary(&text)),
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
