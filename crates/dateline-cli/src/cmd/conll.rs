//! `dateline conll INPUT OUTPUT [--labels conll|ontonotes]`: tag a CoNLL file for scoring.
//!
//! INPUT is in CoNLL format: the first column of a line is the token, blank lines end
//! sentences and `-DOCSTART-` lines end documents (before or after a document: both
//! orders occur). Each document's text is its tokens joined by single spaces, one line
//! per sentence; entities are found in that text, and every input line is written to
//! OUTPUT with one more column, the predicted IOB2 tag of the token (a token that an
//! entity overlaps takes its type; `B-` on the entity's first token). The new column is
//! separated by a tab when the line uses tabs, otherwise by a space. `-DOCSTART-` lines
//! get `O`; blank lines stay blank.
//!
//! Labels: `--labels conll` (default) maps to CoNLL-2003 types (PERSON->PER, ORG->ORG,
//! GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW->MISC); `--labels ontonotes`
//! writes the native labels.
//!
//! Engines: `--engine extract` (default) runs the whole entity extractor
//! (`dateline_entities::extract`: gazetteers, rules and the statistical tagger; without
//! reading "the Syrian government" as one party, since both label sets annotate only the
//! nationality word there);
//! `--engine tagger` runs the statistical tagger alone, which produces CoNLL types
//! itself (with `--labels ontonotes` they are written as PERSON, ORG, LOC and MISC).

use std::fs;
use std::path::PathBuf;

use dateline_entities::tagger::{self, CoarseLabel};
use dateline_entities::{extract, Options};
use dateline_text::{tokenize, Span};

use crate::error::CliError;
use crate::Outcome;

/// Label sets for the output column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum LabelSet {
    /// CoNLL-2003: PER, ORG, LOC, MISC.
    #[default]
    Conll,
    /// OntoNotes names: PERSON, ORG, GPE, LOC, NORP, ...
    Ontonotes,
}

/// Which component finds the entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Engine {
    /// The whole extractor (`dateline_entities::extract`).
    #[default]
    Extract,
    /// The statistical tagger alone (`dateline_entities::tagger`).
    Tagger,
}

/// Arguments of `dateline conll`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ConllArgs {
    /// CoNLL file to tag (token in the first column).
    pub(crate) input: PathBuf,
    /// Where to write the input lines plus the predicted tag column.
    pub(crate) output: PathBuf,
    /// Label set of the predicted column.
    #[arg(long, value_enum, default_value_t = LabelSet::Conll)]
    pub(crate) labels: LabelSet,
    /// Which component finds the entities.
    #[arg(long, value_enum, default_value_t = Engine::Extract)]
    pub(crate) engine: Engine,
}

/// Runs `dateline conll`.
///
/// # Errors
/// [`CliError::Read`] / [`CliError::Utf8`] when INPUT cannot be read, [`CliError::Write`]
/// when OUTPUT cannot be written.
pub(crate) fn run(args: &ConllArgs) -> Result<Outcome, CliError> {
    let bytes = fs::read(&args.input).map_err(|source| CliError::Read {
        path: args.input.clone(),
        source,
    })?;
    let input = String::from_utf8(bytes).map_err(|e| CliError::Utf8 {
        path: args.input.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let (output, documents) = annotate(&input, args.labels, args.engine);
    fs::write(&args.output, output).map_err(|source| CliError::Write {
        path: args.output.clone(),
        source,
    })?;
    Ok(Outcome {
        ok: documents,
        failed: 0,
    })
}

/// A line of the input: its text and, for token lines, the token.
struct Line<'a> {
    text: &'a str,
    token: Option<&'a str>,
}

/// Tags every document of `input`; returns the output text and the number of documents.
fn annotate(input: &str, labels: LabelSet, engine: Engine) -> (String, usize) {
    let lines: Vec<Line<'_>> = input
        .lines()
        .map(|text| {
            let token = text
                .split_whitespace()
                .next()
                .filter(|t| *t != "-DOCSTART-");
            Line { text, token }
        })
        .collect();
    let mut tags: Vec<String> = vec!["O".to_owned(); lines.len()];
    let mut documents = 0usize;
    let mut begin = 0usize;
    for i in 0..=lines.len() {
        let doc_end = lines
            .get(i)
            .map_or(true, |l| l.token.is_none() && !l.text.trim().is_empty());
        if doc_end {
            let doc = &lines[begin..i];
            if doc.iter().any(|l| l.token.is_some()) {
                documents += 1;
                let doc_tags = tag_document(doc, labels, engine);
                for (slot, tag) in tags[begin..i].iter_mut().zip(doc_tags) {
                    *slot = tag;
                }
            }
            begin = i + 1;
        }
    }
    let mut out = String::with_capacity(input.len() + lines.len() * 7);
    for (line, tag) in lines.iter().zip(&tags) {
        if line.text.trim().is_empty() {
            out.push('\n');
            continue;
        }
        out.push_str(line.text.trim_end());
        out.push(if line.text.contains('\t') { '\t' } else { ' ' });
        out.push_str(tag);
        out.push('\n');
    }
    (out, documents)
}

/// Tags one document's lines (token lines and blank sentence separators).
fn tag_document(doc: &[Line<'_>], labels: LabelSet, engine: Engine) -> Vec<String> {
    // Lay the document out: tokens joined by single spaces, one line per sentence.
    let mut text = String::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut line_of_token: Vec<usize> = Vec::new();
    let mut new_sentence = false;
    for (i, line) in doc.iter().enumerate() {
        match line.token {
            None => new_sentence = true,
            Some(tok) => {
                if !text.is_empty() {
                    text.push(if new_sentence { '\n' } else { ' ' });
                }
                new_sentence = false;
                let start = text.len();
                text.push_str(ptb_bracket(tok));
                spans.push(Span::new(start, text.len()));
                line_of_token.push(i);
            }
        }
    }
    let mentions: Vec<(Span, &'static str)> = match engine {
        Engine::Extract => extract(&text, &Options::default().with_parties(false))
            .mentions
            .iter()
            .map(|m| {
                let name = match labels {
                    LabelSet::Conll => m.label.conll(),
                    LabelSet::Ontonotes => m.label.as_str(),
                };
                (m.span, name)
            })
            .collect(),
        Engine::Tagger => tagger::tag(&text, &tokenize(&text))
            .iter()
            .map(|t| {
                let name = match labels {
                    LabelSet::Conll => t.label.as_str(),
                    LabelSet::Ontonotes => ontonotes_of_coarse(t.label),
                };
                (t.span, name)
            })
            .collect(),
    };
    let token_tags = iob_for_spans(&spans, &mentions);
    let mut out = vec!["O".to_owned(); doc.len()];
    for (&line, tag) in line_of_token.iter().zip(token_tags) {
        out[line] = tag;
    }
    out
}

/// The bracket a Penn Treebank escape stands for ("-LRB-" is "("), else the token itself.
fn ptb_bracket(tok: &str) -> &str {
    match tok {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        other => other,
    }
}

/// IOB2 tags for corpus tokens at `spans` from mentions (in text order, not
/// overlapping): a token overlapping a mention takes its type, `B-` on the first one.
fn iob_for_spans(spans: &[Span], mentions: &[(Span, &str)]) -> Vec<String> {
    let mut out = vec!["O".to_owned(); spans.len()];
    let mut j = 0usize;
    for &(span, name) in mentions {
        while j < spans.len() && spans[j].end <= span.start {
            j += 1;
        }
        let mut k = j;
        while k < spans.len() && spans[k].start < span.end {
            if out[k] == "O" {
                out[k] = format!("{}-{name}", if k == j { "B" } else { "I" });
            }
            k += 1;
        }
    }
    out
}

/// OntoNotes-style names for the tagger's own CoNLL types.
fn ontonotes_of_coarse(label: CoarseLabel) -> &'static str {
    match label {
        CoarseLabel::Per => "PERSON",
        CoarseLabel::Org => "ORG",
        CoarseLabel::Loc => "LOC",
        CoarseLabel::Misc => "MISC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\
                          said VBD I-VP O\n\nBRUSSELS NNP I-NP I-LOC\n\n-DOCSTART- -X- O O\n\n\
                          Chancellor\tO\nAngela\tB-PER\nMerkel\tI-PER\nvisited\tO\nParis\tB-LOC\n";

    #[test]
    fn every_line_kept_with_one_more_column() {
        let (out, docs) = annotate(SAMPLE, LabelSet::Conll, Engine::Tagger);
        assert_eq!(docs, 2);
        let in_lines: Vec<&str> = SAMPLE.lines().collect();
        let out_lines: Vec<&str> = out.lines().collect();
        assert_eq!(in_lines.len(), out_lines.len());
        for (a, b) in in_lines.iter().zip(&out_lines) {
            if a.is_empty() {
                assert!(b.is_empty());
            } else {
                assert!(b.starts_with(a));
                let extra = &b[a.len()..];
                assert!(extra.starts_with(' ') || extra.starts_with('\t'));
                assert_eq!(extra.split_whitespace().count(), 1);
            }
        }
        assert!(out_lines[0].ends_with(" O"));
        assert!(out_lines[2].ends_with(" B-PER"), "{out}");
        assert!(out_lines[3].ends_with(" I-PER"), "{out}");
        assert!(out_lines[11].ends_with("\tB-PER"), "{out}");
        assert!(out_lines[14].ends_with("\tB-LOC"), "{out}");
    }

    #[test]
    fn ontonotes_names() {
        let (out, _) = annotate(SAMPLE, LabelSet::Ontonotes, Engine::Tagger);
        assert!(out.contains("Peter NNP I-NP I-PER B-PERSON"), "{out}");
        assert_eq!(ontonotes_of_coarse(CoarseLabel::Misc), "MISC");
        let spans = [Span::new(0, 2), Span::new(3, 8), Span::new(9, 13)];
        assert_eq!(
            iob_for_spans(&spans, &[(Span::new(3, 13), "GPE")]),
            ["O", "B-GPE", "I-GPE"]
        );
    }

    #[test]
    fn extract_engine_native_labels() {
        let (out, docs) = annotate(SAMPLE, LabelSet::Ontonotes, Engine::Extract);
        assert_eq!(docs, 2);
        assert!(out.contains("Angela\tB-PER\tB-PERSON"), "{out}");
        assert!(out.contains("Paris\tB-LOC\tB-GPE"), "{out}");
    }

    #[test]
    fn empty_and_odd_input() {
        assert_eq!(
            annotate("", LabelSet::Conll, Engine::Tagger),
            (String::new(), 0)
        );
        let (out, docs) = annotate("\n\n-DOCSTART-\n\n", LabelSet::Conll, Engine::Tagger);
        assert_eq!(docs, 0);
        assert_eq!(out, "\n\n-DOCSTART- O\n\n");
    }

    #[test]
    fn ptb_brackets_are_not_names() {
        let input = "Reuters NNP\n-LRB- -LRB-\nXi NNP\nJinping NNP\n-RRB- -RRB-\nsaid VBD\n";
        for engine in [Engine::Extract, Engine::Tagger] {
            let (out, _) = annotate(input, LabelSet::Conll, engine);
            for line in out
                .lines()
                .filter(|l| l.starts_with("-LRB-") || l.starts_with("-RRB-"))
            {
                assert!(line.ends_with(" O"), "{engine:?}: {line}");
            }
            assert!(out.contains("Xi NNP B-PER"), "{engine:?}: {out}");
        }
    }
}
