//! Prints the JSON record (schema_version 1) of each file given on the command line.
//!
//! ```sh
//! cargo run -p dateline --example analyze -- seeds/000_6cb1cf4919cbac8a.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let options = dateline::Options::default().with_source(path.clone());
        match dateline::analyze(&text, &options).and_then(|doc| doc.to_json_value(&text)) {
            Ok(json) => println!("{json:#}"),
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
