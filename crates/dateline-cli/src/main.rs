//! `dateline`: structured records from raw news-article text, on the command line.
//!
//! ```text
//! dateline analyze [--format jsonl|json|csv|table] [--output FILE] [--jobs N] [PATH|-]...
//! dateline dates [--anchor YYYY-MM-DD|auto] [--date-order mdy|dmy|ymd] [--format table|jsonl] [PATH|-]...
//! dateline timeml [--date-order mdy|dmy|ymd] [--lossy] INPUT_DIR OUTPUT_DIR
//! dateline conll INPUT OUTPUT [--labels conll|ontonotes]
//! dateline stories [--format jsonl|summary] [--window DAYS] [FILE|-]
//! ```
//!
//! Exit codes: 0 success, 1 some documents failed (each failure is reported on stderr with
//! its path and the run carries on), 2 bad usage.

mod cmd;
mod error;
mod input;
mod output;

use std::io::{self, BufWriter};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::CliError;

/// Structured records from raw news-article text.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse each document: article parts, publication date, dates, entities, quotes, events (JSONL, JSON, CSV, table).
    Analyze(cmd::analyze::AnalyzeArgs),
    /// List every temporal expression with its normalized TIMEX3 value.
    Dates(cmd::dates::DatesArgs),
    /// Annotate a directory of TimeML documents with our TIMEX3 tags (for TempEval-style scoring).
    Timeml(cmd::timeml::TimemlArgs),
    /// Tag a CoNLL file with predicted entity tags (IOB2), for conlleval-style scoring.
    Conll(cmd::conll::ConllArgs),
    /// Parse each document into its parts (title, dateline, byline, paragraphs, publication date).
    Parse(cmd::parse::ParseArgs),
    /// Group the encounter events of `analyze` JSON Lines into stories across documents, filling dates and places.
    Stories(cmd::stories::StoriesArgs),
}

/// What a run did: documents done and documents failed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Documents processed.
    pub(crate) ok: usize,
    /// Documents (or PATH arguments) that failed.
    pub(crate) failed: usize,
}

impl Outcome {
    /// Reports a per-document failure on stderr and counts it.
    pub(crate) fn fail(&mut self, error: &CliError) {
        eprintln!("dateline: error: {error}");
        self.failed += 1;
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Analyze(args) => cmd::analyze::run(args, &mut out),
        Command::Dates(args) => cmd::dates::run(args, &mut out),
        Command::Timeml(args) => cmd::timeml::run(args),
        Command::Conll(args) => cmd::conll::run(args),
        Command::Parse(args) => cmd::parse::run(args, &mut out),
        Command::Stories(args) => cmd::stories::run(args, &mut out),
    };
    match result {
        Ok(outcome) if outcome.failed == 0 => ExitCode::SUCCESS,
        Ok(outcome) => {
            eprintln!(
                "dateline: {} document(s) failed, {} succeeded",
                outcome.failed, outcome.ok
            );
            ExitCode::from(1)
        }
        // A closed pipe (`dateline dates ... | head`) is a normal way to stop reading.
        Err(CliError::Stdout(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("dateline: error: {error}");
            ExitCode::from(if error.is_usage() { 2 } else { 1 })
        }
    }
}
