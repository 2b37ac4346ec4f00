//! Training an averaged perceptron and scoring it the CoNLL way.
//!
//! Used by the `train_tagger` example; nothing here runs at inference time.
//!
//! ```
//! use dateline_entities::tagger::train::{read_conll, train, evaluate, TrainConfig};
//! let data = "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nsaid VBD I-VP O\n\n\
//!             -DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\nagreed VBD I-VP O\n";
//! let docs = read_conll(data);
//! assert_eq!(docs.len(), 2);
//! let model = train(&docs, &TrainConfig { epochs: 3, ..TrainConfig::default() }, |_, _| {});
//! let scores = evaluate(&model, &docs);
//! assert!(scores.overall.f1() > 0.5);
//! ```

use std::collections::BTreeMap;

use dateline_text::{tokenize, Span, Token};

use super::features::{type_of, DocFeatures, Gazetteer, BITS, NCLASS, START_CLASS};
use super::model::{best_allowed, Model};
use super::{CoarseLabel, Tagged};

/// One token of a labeled corpus with its IOB2 label ("O", "B-PER", "I-LOC" ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabeledToken {
    /// The token text.
    pub text: String,
    /// The IOB2 label with a CoNLL type (PER, ORG, LOC, MISC); anything else counts as O.
    pub label: String,
}

/// A labeled document: sentences of tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabeledDoc {
    /// The sentences, in order.
    pub sentences: Vec<Vec<LabeledToken>>,
}

impl LabeledDoc {
    /// The document text as the `conll` command builds it (tokens joined by single
    /// spaces, sentences by line breaks) and each token's span in it.
    ///
    /// With `glue_possessive`, a "'s" token is attached to the word before it, as in
    /// real text ("Germany's"), which the training command uses for half the documents.
    ///
    /// # Example
    /// ```
    /// use dateline_entities::tagger::train::read_conll;
    /// let doc = &read_conll("Kohl I-PER\n's O\nparty O\n\nIt O\n")[0];
    /// assert_eq!(doc.layout(false).0, "Kohl 's party\nIt");
    /// assert_eq!(doc.layout(true).0, "Kohl's party\nIt");
    /// ```
    #[must_use]
    pub fn layout(&self, glue_possessive: bool) -> (String, Vec<Span>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (si, sentence) in self.sentences.iter().enumerate() {
            if si > 0 {
                text.push('\n');
            }
            for (ti, tok) in sentence.iter().enumerate() {
                let glue = glue_possessive
                    && ti > 0
                    && (tok.text == "'s" || tok.text == "'S")
                    && text.ends_with(|c: char| c.is_alphanumeric());
                if ti > 0 && !glue {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(&tok.text);
                spans.push(Span::new(start, text.len()));
            }
        }
        (text, spans)
    }

    /// All labels in order.
    fn labels(&self) -> impl Iterator<Item = &str> {
        self.sentences.iter().flatten().map(|t| t.label.as_str())
    }
}

/// Reads a CoNLL file: first column the token, last column the NER label (IOB1 or
/// IOB2; converted to IOB2), blank lines end sentences and `-DOCSTART-` lines end
/// documents. Empty documents are dropped.
///
/// # Example
/// ```
/// let docs = dateline_entities::tagger::train::read_conll("EU NNP I-NP I-ORG\nrejects VBZ I-VP O\n");
/// assert_eq!(docs[0].sentences[0][0].label, "B-ORG");
/// ```
#[must_use]
pub fn read_conll(content: &str) -> Vec<LabeledDoc> {
    let mut docs = Vec::new();
    let mut doc = LabeledDoc::default();
    let mut sentence: Vec<LabeledToken> = Vec::new();
    let mut prev_type = String::new();
    let end_sentence = |doc: &mut LabeledDoc, s: &mut Vec<LabeledToken>, prev: &mut String| {
        if !s.is_empty() {
            doc.sentences.push(std::mem::take(s));
        }
        prev.clear();
    };
    for line in content.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            end_sentence(&mut doc, &mut sentence, &mut prev_type);
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else { continue };
        if word == "-DOCSTART-" {
            end_sentence(&mut doc, &mut sentence, &mut prev_type);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let raw = cols.next_back().unwrap_or("O");
        let label = match raw.split_once('-') {
            Some((bio, ty)) if bio == "B" || bio == "I" => {
                let b = bio == "B" || prev_type != ty;
                prev_type = ty.to_string();
                format!("{}-{ty}", if b { "B" } else { "I" })
            }
            _ => {
                prev_type.clear();
                "O".to_string()
            }
        };
        sentence.push(LabeledToken {
            text: word.to_string(),
            label,
        });
    }
    end_sentence(&mut doc, &mut sentence, &mut prev_type);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Class id of an IOB2 label (0 for O and unknown types).
fn class_of(label: &str) -> u8 {
    let Some((bio, ty)) = label.split_once('-') else {
        return 0;
    };
    let t = match ty {
        "PER" => 1,
        "ORG" => 2,
        "LOC" => 3,
        "MISC" => 4,
        _ => return 0,
    };
    if bio == "B" {
        2 * t - 1
    } else {
        2 * t
    }
}

/// Gold classes of our tokens: a token takes the label of the corpus token holding
/// its start; the pieces after the first one continue the entity (I-X).
fn align(tokens: &[Token], spans: &[Span], labels: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut j = 0usize;
    let mut last_j = usize::MAX;
    for t in tokens {
        while j + 1 < spans.len() && spans[j].end <= t.span.start {
            j += 1;
        }
        let gold = labels.get(j).copied().unwrap_or(0);
        let c = if j == last_j && gold != 0 && gold % 2 == 1 {
            gold + 1
        } else {
            gold
        };
        out.push(c);
        last_j = j;
    }
    out
}

/// Kinds of gazetteer phrases (each a feature of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GazKind {
    /// Country names and alternate spellings.
    Country,
    /// Capital cities.
    Capital,
    /// Other cities.
    City,
    /// Demonyms and nationalities ("German", "Germans").
    Demonym,
    /// Provinces, states and regions.
    Region,
    /// Organizations.
    Org,
    /// People.
    Person,
    /// Anything else.
    Other,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Rows whose largest absolute averaged weight is below this are dropped.
    pub prune: f32,
    /// Seed of the deterministic shuffle.
    pub seed: u64,
    /// Stored in the model: what it was trained on.
    pub description: String,
    /// Phrase lists looked up as features (stored in the model, hashed).
    pub gazetteer: Vec<(String, GazKind)>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            prune: 0.0,
            seed: 0x5eed,
            description: String::new(),
            gazetteer: Vec::new(),
        }
    }
}

/// One prepared training document.
struct Prepared {
    text: String,
    tokens: Vec<Token>,
    gold: Vec<u8>,
}

/// Dense perceptron weights with lazy averaging (`avg = w - u / c`).
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn scores(&self, feats: &[u32]) -> [f32; NCLASS] {
        let mut s = [0f32; NCLASS];
        for &b in feats {
            let row = b as usize * NCLASS;
            if let Some(ws) = self.w.get(row..row + NCLASS) {
                for (x, &w) in s.iter_mut().zip(ws) {
                    *x += w;
                }
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32], gold: u8, pred: u8) {
        for &b in feats {
            for (c, d) in [(gold, 1.0f32), (pred, -1.0)] {
                let k = b as usize * NCLASS + c as usize;
                if let (Some(w), Some(u)) = (self.w.get_mut(k), self.u.get_mut(k)) {
                    *w += d;
                    *u += self.c * d;
                }
            }
        }
    }

    fn averaged(&self, prune: f32, description: &str, gazetteer: &Gazetteer) -> Model {
        let mut rows = Vec::new();
        for (b, (ws, us)) in self
            .w
            .chunks_exact(NCLASS)
            .zip(self.u.chunks_exact(NCLASS))
            .enumerate()
        {
            let mut avg = [0f32; NCLASS];
            let mut max = 0f32;
            for ((a, &w), &u) in avg.iter_mut().zip(ws).zip(us) {
                *a = w - u / self.c.max(1.0);
                max = max.max(a.abs());
            }
            if max > 0.0 && max >= prune {
                rows.push((b as u32, avg));
            }
        }
        Model::from_rows(&rows, description, gazetteer.clone())
    }
}

/// Trains a greedy left-to-right averaged perceptron. Training uses the same
/// tokenizer and features as inference, and its own predicted tags as history (so
/// it learns to recover from its mistakes). Deterministic for a given seed.
/// `on_epoch(epoch, &averaged_model)` is called after every pass.
#[must_use]
pub fn train(
    docs: &[LabeledDoc],
    config: &TrainConfig,
    mut on_epoch: impl FnMut(usize, &Model),
) -> Model {
    let prepared: Vec<Prepared> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (text, spans) = d.layout(i % 2 == 0);
            let tokens = tokenize(&text);
            let labels: Vec<u8> = d.labels().map(class_of).collect();
            let gold = align(&tokens, &spans, &labels);
            Prepared { text, tokens, gold }
        })
        .collect();
    let entries: Vec<(u64, u8)> = config
        .gazetteer
        .iter()
        .filter_map(|(phrase, kind)| Some((Gazetteer::phrase_hash(phrase)?, 1u8 << (*kind as u8))))
        .collect();
    let gazetteer = Gazetteer::from_entries(&entries);
    let mut p = Perceptron {
        w: vec![0.0; (1usize << BITS) * NCLASS],
        u: vec![0.0; (1usize << BITS) * NCLASS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = config.seed | 1;
    let mut feats = Vec::with_capacity(64);
    for epoch in 1..=config.epochs {
        // Fisher-Yates with xorshift64.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &di in &order {
            let d = &prepared[di];
            let mut doc = DocFeatures::new(&d.text, &d.tokens, &gazetteer);
            let (mut p1, mut p2) = (START_CLASS, START_CLASS);
            for (i, &gold) in d.gold.iter().enumerate() {
                doc.features(i, p1, p2, &mut feats);
                let scores = p.scores(&feats);
                let (pred, _) = best_allowed(&scores, p1);
                if pred != gold {
                    p.update(&feats, gold, pred);
                }
                p.c += 1.0;
                doc.observe(i, pred);
                p2 = p1;
                p1 = pred;
            }
        }
        let model = p.averaged(0.0, &config.description, &gazetteer);
        on_epoch(epoch, &model);
    }
    p.averaged(config.prune, &config.description, &gazetteer)
}

/// Predicted IOB2 labels for each corpus token of `doc` (text laid out as the
/// `conll` command does: single spaces, a line per sentence).
#[must_use]
pub fn predict(model: &Model, doc: &LabeledDoc) -> Vec<&'static str> {
    let (text, spans) = doc.layout(false);
    let tokens = tokenize(&text);
    let tagged = model.tag(&text, &tokens);
    labels_for_spans(&spans, &tagged)
}

/// IOB2 labels for corpus tokens at `spans` from tagged entity spans: a token
/// overlapping an entity takes its type, B on the first such token.
///
/// # Example
/// ```
/// use dateline_entities::tagger::{train::labels_for_spans, Tagged, CoarseLabel};
/// use dateline_text::Span;
/// let spans = [Span::new(0, 2), Span::new(3, 8), Span::new(9, 13)];
/// let tagged = [Tagged { span: Span::new(0, 8), label: CoarseLabel::Per, score: 1.0 }];
/// assert_eq!(labels_for_spans(&spans, &tagged), ["B-PER", "I-PER", "O"]);
/// ```
#[must_use]
pub fn labels_for_spans(spans: &[Span], tagged: &[Tagged]) -> Vec<&'static str> {
    let mut out = vec!["O"; spans.len()];
    let mut j = 0usize;
    for t in tagged {
        while j < spans.len() && spans[j].end <= t.span.start {
            j += 1;
        }
        let mut first = true;
        let mut k = j;
        while k < spans.len() && spans[k].start < t.span.end {
            if out[k] == "O" {
                out[k] = iob(t.label, first);
            }
            first = false;
            k += 1;
        }
    }
    out
}

fn iob(label: CoarseLabel, begin: bool) -> &'static str {
    match (label, begin) {
        (CoarseLabel::Per, true) => "B-PER",
        (CoarseLabel::Per, false) => "I-PER",
        (CoarseLabel::Org, true) => "B-ORG",
        (CoarseLabel::Org, false) => "I-ORG",
        (CoarseLabel::Loc, true) => "B-LOC",
        (CoarseLabel::Loc, false) => "I-LOC",
        (CoarseLabel::Misc, true) => "B-MISC",
        (CoarseLabel::Misc, false) => "I-MISC",
    }
}

/// Counts for exact span + type matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly (start, end and type).
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall (0 when there is no gold span).
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Overall and per-type scores.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// All types together.
    pub overall: Counts,
    /// Per type ("LOC", "MISC", "ORG", "PER").
    pub per_type: BTreeMap<String, Counts>,
}

/// Chunks (start, end, type) of an IOB2 sequence; a stray I-X starts a chunk.
fn chunks<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut n = 0usize;
    for (i, l) in labels.enumerate() {
        n = i + 1;
        let (bio, ty) = l.split_once('-').unwrap_or(("O", ""));
        let continues = bio == "I" && open.is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, i, t));
            }
            if bio == "B" || bio == "I" {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, n, t));
    }
    out
}

/// conlleval-style exact span + type scores of `model` on `docs`.
#[must_use]
pub fn evaluate(model: &Model, docs: &[LabeledDoc]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let pred = predict(model, doc);
        let gold: Vec<&str> = doc.labels().collect();
        let g = chunks(gold.iter().copied());
        let p = chunks(pred.iter().copied());
        let gs: std::collections::HashSet<_> = g.iter().collect();
        for c in &g {
            scores.overall.gold += 1;
            scores.per_type.entry(c.2.to_string()).or_default().gold += 1;
        }
        for c in &p {
            let e = scores.per_type.entry(c.2.to_string()).or_default();
            e.predicted += 1;
            scores.overall.predicted += 1;
            if gs.contains(c) {
                e.correct += 1;
                scores.overall.correct += 1;
            }
        }
    }
    scores
}

/// The label of a class (None for O).
pub(crate) fn coarse(class: u8) -> Option<CoarseLabel> {
    match type_of(class) {
        1 => Some(CoarseLabel::Per),
        2 => Some(CoarseLabel::Org),
        3 => Some(CoarseLabel::Loc),
        4 => Some(CoarseLabel::Misc),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_to_iob2() {
        let d = read_conll("A I-PER\nB I-PER\nC B-PER\nD I-LOC\nE O\nF I-ORG\n");
        let l: Vec<&str> = d[0].labels().collect();
        assert_eq!(l, ["B-PER", "I-PER", "B-PER", "B-LOC", "O", "B-ORG"]);
    }

    #[test]
    fn docstart_at_end_and_middle() {
        let d = read_conll("A O\n\nB O\n-DOCSTART- -X- O O\n\nC O\n\n-DOCSTART- -X- O O\n");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sentences.len(), 2);
        assert_eq!(d[1].sentences[0][0].text, "C");
    }

    #[test]
    fn alignment_of_split_tokens() {
        // "Lee's" is one corpus token but two of ours ("Lee", "'s").
        let d = read_conll("Lee's B-PER\nmove O\n");
        let (text, spans) = d[0].layout(false);
        let toks = tokenize(&text);
        assert_eq!(toks.len(), 3);
        let labels: Vec<u8> = d[0].labels().map(class_of).collect();
        assert_eq!(align(&toks, &spans, &labels), [1, 2, 0]);
    }

    #[test]
    fn chunking() {
        let c = chunks(["B-PER", "I-PER", "O", "I-LOC", "I-ORG", "B-ORG"].into_iter());
        assert_eq!(
            c,
            [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG")]
        );
    }

    #[test]
    fn counts() {
        let c = Counts {
            correct: 1,
            predicted: 2,
            gold: 4,
        };
        assert!((c.precision() - 0.5).abs() < 1e-9);
        assert!((c.recall() - 0.25).abs() < 1e-9);
        assert!((c.f1() - 1.0 / 3.0).abs() < 1e-9);
        assert!(Counts::default().f1().abs() < 1e-12);
    }
}
