//! The line labeller: a learned linear-chain model that gives every line of a page a
//! [`LineLabel`] (title, standfirst, byline, date line, caption, body, related, chrome).
//!
//! [`LineModel::builtin`] is trained on real crawled news pages and rendered web pages (the
//! command and data are in the crate README); [`train`] learns a model from your own labelled
//! pages, and [`ParseOptions::line_model`](crate::ParseOptions::line_model) makes
//! [`parse_with`](crate::parse_with) use it.

pub(crate) mod features;
pub(crate) mod model;

use std::fmt;
use std::sync::{Arc, LazyLock};

use crate::{ArticleError, LineLabel};
use features::{Input, Item};
use model::{Allowed, Weights, ANY, NLABEL};

/// Trained weights of the line labeller, shared cheaply (clones share the weights).
///
/// # Example
/// ```
/// use dateline_article::LineModel;
/// let model = LineModel::builtin();
/// assert!(model.description().contains("train_lines"));
/// let copy = LineModel::from_bytes(&model.to_bytes()).unwrap();
/// assert_eq!(&copy, model);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct LineModel {
    weights: Arc<Weights>,
}

impl fmt::Debug for LineModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LineModel")
            .field("description", &self.weights.description)
            .field("feature_rows", &self.weights.nonzero)
            .finish()
    }
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../../data/lines.model");

static BUILTIN: LazyLock<LineModel> = LazyLock::new(|| {
    // A unit test checks that the shipped file parses; a model without weights (the line
    // rules alone decide) is the fallback rather than a panic.
    LineModel::from_bytes(BUILTIN_BYTES).unwrap_or_else(|_| LineModel {
        weights: Arc::new(Weights::empty("no weights: line rules only")),
    })
});

impl LineModel {
    /// The model shipped with the crate (parsed on first use, then shared by all threads).
    ///
    /// # Example
    /// ```
    /// assert!(dateline_article::LineModel::builtin().feature_rows() > 0);
    /// ```
    #[must_use]
    pub fn builtin() -> &'static LineModel {
        &BUILTIN
    }

    /// Reads a model written by [`LineModel::to_bytes`] (the `train_lines` example writes
    /// such files).
    ///
    /// # Errors
    /// [`ArticleError::InvalidModel`] when the bytes are not a line model of this version
    /// (wrong file, truncated, trained with another feature set).
    ///
    /// # Example
    /// ```
    /// use dateline_article::{ArticleError, LineModel};
    /// assert!(matches!(LineModel::from_bytes(b"nonsense"), Err(ArticleError::InvalidModel(_))));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<LineModel, ArticleError> {
        Ok(LineModel {
            weights: Arc::new(Weights::from_bytes(bytes)?),
        })
    }

    /// The model in its file format (see [`LineModel::from_bytes`]).
    ///
    /// # Example
    /// ```
    /// let bytes = dateline_article::LineModel::builtin().to_bytes();
    /// assert!(bytes.starts_with(b"DLLINES1"));
    /// ```
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// What the model was trained on, and how.
    ///
    /// # Example
    /// ```
    /// println!("{}", dateline_article::LineModel::builtin().description());
    /// ```
    #[must_use]
    pub fn description(&self) -> &str {
        &self.weights.description
    }

    /// How many feature rows carry weights (0 for a model without weights).
    ///
    /// # Example
    /// ```
    /// assert!(dateline_article::LineModel::builtin().feature_rows() > 1000);
    /// ```
    #[must_use]
    pub fn feature_rows(&self) -> usize {
        self.weights.nonzero
    }

    /// True when the model carries no weights (only the line rules decide).
    pub(crate) fn is_empty(&self) -> bool {
        self.weights.nonzero == 0
    }

    /// The label of every input line of `text`, each within its mask of allowed labels.
    pub(crate) fn label(&self, text: &str, inputs: &[Input], masks: &[Allowed]) -> Vec<LineLabel> {
        let mut emissions = Vec::with_capacity(inputs.len());
        features::for_each_line(text, inputs, |shared, style| {
            emissions.push(self.weights.emission_styled(shared, style));
        });
        self.weights
            .decode(&emissions, Some(masks))
            .into_iter()
            .map(|y| LineLabel::ALL[y.min(NLABEL - 1)])
            .collect()
    }
}

/// What a training page says about one of its lines (`text.split('\n')` lines, or
/// lines as [`parse`](crate::parse) splits them: `\n`, `\r\n` and a lone `\r` all end one).
///
/// # Example
/// ```
/// use dateline_article::{LineLabel, LineTarget};
/// assert_eq!(LineTarget::from_name("body").unwrap(), LineTarget::Label(LineLabel::Body));
/// assert_eq!(LineTarget::from_name("other").unwrap(), LineTarget::NotBody);
/// assert!(LineTarget::from_name("menu").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineTarget {
    /// An empty line (ignored: blank lines carry no label).
    Blank,
    /// The line has this label.
    Label(LineLabel),
    /// Any label but body (a page annotated only as body / other).
    NotBody,
    /// Unknown: any label.
    Any,
}

impl LineTarget {
    /// Reads an annotation name: a [`LineLabel`] name, "blank", "other" ([`LineTarget::NotBody`])
    /// or "any".
    ///
    /// # Errors
    /// [`ArticleError::UnknownLabel`] for any other name.
    ///
    /// # Example
    /// ```
    /// use dateline_article::LineTarget;
    /// assert_eq!(LineTarget::from_name("blank").unwrap(), LineTarget::Blank);
    /// ```
    pub fn from_name(name: &str) -> Result<LineTarget, ArticleError> {
        Ok(match name {
            "blank" => LineTarget::Blank,
            "other" => LineTarget::NotBody,
            "any" => LineTarget::Any,
            _ => LineTarget::Label(name.parse()?),
        })
    }

    fn allowed(self) -> Allowed {
        match self {
            LineTarget::Blank | LineTarget::Any => ANY,
            LineTarget::Label(l) => 1 << l.index(),
            LineTarget::NotBody => ANY & !(1 << LineLabel::Body.index()),
        }
    }
}

/// One labelled page for [`train`].
///
/// # Example
/// ```
/// use dateline_article::{LineLabel, LineTarget, TrainingPage};
/// let page = TrainingPage::new("Title here\n\nBody text.", vec![
///     LineTarget::Label(LineLabel::Title), LineTarget::Blank, LineTarget::Label(LineLabel::Body),
/// ]);
/// assert_eq!(page.targets.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingPage {
    /// The page text, as a crawler dumped it.
    pub text: String,
    /// One target per line of the text.
    pub targets: Vec<LineTarget>,
    /// How much the page counts (1 by default; less for pages of a kind that is easy and
    /// plentiful, so that they do not drown the rest).
    pub weight: f32,
}

impl TrainingPage {
    /// A page and its line targets.
    ///
    /// # Example
    /// ```
    /// let p = dateline_article::TrainingPage::new("x", vec![dateline_article::LineTarget::Any]);
    /// assert_eq!(p.text, "x");
    /// ```
    #[must_use]
    pub fn new(text: impl Into<String>, targets: Vec<LineTarget>) -> TrainingPage {
        TrainingPage {
            text: text.into(),
            targets,
            weight: 1.0,
        }
    }

    /// The page with another [`TrainingPage::weight`].
    ///
    /// # Example
    /// ```
    /// let p = dateline_article::TrainingPage::new("x", vec![]).with_weight(0.5);
    /// assert_eq!(p.weight, 0.5);
    /// ```
    #[must_use]
    pub fn with_weight(mut self, weight: f32) -> TrainingPage {
        self.weight = weight;
        self
    }
}

/// Options of [`train`]. The defaults are the ones the built-in model was trained with,
/// chosen by 5-fold cross-validation by site on the development pages.
///
/// # Example
/// ```
/// let o = dateline_article::TrainOptions::default();
/// assert_eq!(o.epochs, 20);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the pages.
    pub epochs: usize,
    /// Seed of the page order shuffle (training is deterministic for a seed).
    pub seed: u64,
    /// Initial learning rate of the stochastic gradient steps.
    pub learning_rate: f32,
    /// L2 regularization strength.
    pub l2: f32,
    /// Weight of pages labelled only in part (body / other): their other labels are imputed,
    /// and they are long rendered pages that would otherwise drown the fully labelled ones.
    pub imputed_weight: f32,
    /// Stored in the model: what it was trained on and with which command.
    pub description: String,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 20,
            seed: 20_261_207,
            learning_rate: 0.3,
            l2: 1e-3,
            imputed_weight: 0.2,
            description: String::from("line model"),
        }
    }
}

/// A prepared training page: the items and each item's allowed labels.
struct Example {
    items: Vec<Item>,
    /// The page's [`TrainingPage::weight`].
    weight: f32,
    allowed: Vec<Allowed>,
    /// What the rules allow: the prediction is decoded within it, as at inference.
    rules: Vec<Allowed>,
}

/// Learns a line model from labelled pages: a linear-chain conditional random field over
/// the features of [`parse`](crate::parse)'s line labeller (stochastic gradient descent with
/// L2 regularization; Viterbi decoding at parse time). When some pages are labelled only body
/// / other ([`LineTarget::NotBody`]), a first model learns from the fully labelled pages,
/// labels their "other" lines with the best labels that are not body, and the final model
/// learns from all pages.
///
/// # Errors
/// [`ArticleError::InvalidTrainingData`] when there are no pages, or a page's target count
/// is not its line count.
///
/// # Example
/// ```
/// use dateline_article::{parse_with, train, LineLabel, LineTarget, ParseOptions, TrainOptions, TrainingPage};
/// use LineTarget::{Blank, Label};
/// let page = TrainingPage::new(
///     "Share this\nStorm hits coast\n\nHeavy rain fell on the coast on Monday, officials said.\nShare this",
///     vec![Label(LineLabel::Chrome), Label(LineLabel::Title), Blank, Label(LineLabel::Body), Label(LineLabel::Chrome)],
/// );
/// let model = train(&[page.clone(), page], &TrainOptions::default()).unwrap();
/// let opts = ParseOptions { line_model: Some(model.into()), ..ParseOptions::default() };
/// let text = "Share this\nFloods close schools\n\nSchools closed on Tuesday after the river rose, the mayor said.\nShare this";
/// let article = parse_with(text, &opts).unwrap();
/// assert_eq!(&text[article.title.unwrap().span.range()], "Floods close schools");
/// ```
pub fn train(pages: &[TrainingPage], options: &TrainOptions) -> Result<LineModel, ArticleError> {
    if pages.is_empty() {
        return Err(ArticleError::InvalidTrainingData(
            "no training pages".to_owned(),
        ));
    }
    let mut examples = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        let prepared = crate::structure::prepare(&page.text);
        // `text.split('\n')` gives one more (empty) line after a final newline.
        let trailing_empty =
            page.text.ends_with(['\n', '\r']) && page.targets.len() == prepared.line_count + 1;
        if prepared.line_count != page.targets.len() && !trailing_empty {
            return Err(ArticleError::InvalidTrainingData(format!(
                "page {n}: {} targets for {} lines",
                page.targets.len(),
                prepared.line_count
            )));
        }
        // The gold labels, within what the rules allow where the two agree.
        let allowed: Vec<Allowed> = prepared
            .item_lines
            .iter()
            .zip(&prepared.masks)
            .map(|(&l, &rules)| {
                let gold = page.targets[l].allowed();
                if gold & rules != 0 {
                    gold & rules
                } else {
                    gold
                }
            })
            .collect();
        // The gold labels stay reachable where the rules disagree with the annotation.
        let rules = prepared
            .masks
            .iter()
            .zip(&allowed)
            .map(|(&r, &a)| r | a)
            .collect();
        examples.push(Example {
            items: features::items(&page.text, &prepared.inputs),
            weight: if page.weight.is_finite() && page.weight > 0.0 {
                page.weight
            } else {
                1.0
            },
            allowed,
            rules,
        });
    }
    Ok(LineModel {
        weights: Arc::new(learn(&examples, options)),
    })
}

/// Float weights during training: emission rows and transitions.
struct Dense {
    rows: Vec<[f32; NLABEL]>,
    trans: [[f32; NLABEL]; NLABEL + 1],
}

impl Dense {
    fn zero() -> Dense {
        Dense {
            rows: vec![[0f32; NLABEL]; 1 << features::BITS],
            trans: [[0f32; NLABEL]; NLABEL + 1],
        }
    }

    fn emissions(&self, items: &[Item]) -> Vec<[f32; NLABEL]> {
        items
            .iter()
            .map(|it| {
                let mut s = [0f32; NLABEL];
                for &f in &it.features {
                    for (a, b) in s.iter_mut().zip(&self.rows[f as usize]) {
                        *a += b;
                    }
                }
                s
            })
            .collect()
    }
}

/// A page with one gold label per item and the weight of its updates.
struct Labelled<'e> {
    example: &'e Example,
    gold: Vec<usize>,
    weight: f32,
}

/// Linear-chain CRF trained by stochastic gradient descent on the log-likelihood with L2
/// regularization (weights kept as `scale * v`, so the decay costs nothing per step), a
/// decaying learning rate, steps normalized by page length beyond 50 lines, and the weights
/// averaged over the epochs of the second half. Forward-backward runs in `f64` within each
/// line's allowed labels.
fn fit(pages: &[Labelled<'_>], options: &TrainOptions) -> Dense {
    let (epochs, seed) = (options.epochs, options.seed);
    let l2 = options.l2;
    let eta0 = options.learning_rate;
    let mut v = Dense::zero();
    let mut avg = Dense::zero();
    let mut scale = 1f32;
    let mut rng = seed | 1;
    let mut order: Vec<usize> = (0..pages.len()).collect();
    let total = (epochs * pages.len()).max(1) as f32;
    let mut t = 0f32;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let r = rng.wrapping_mul(0x2545_F491_4F6C_DD1D);
            order.swap(i, (r % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let page = &pages[e];
            let ex = page.example;
            let n = ex.items.len();
            if n == 0 {
                continue;
            }
            let eta = eta0 / (1.0 + 4.0 * t / total);
            t += 1.0;
            // Decay.
            scale *= 1.0 - eta * l2;
            if scale < 1e-6 {
                for row in &mut v.rows {
                    for a in row.iter_mut() {
                        *a *= scale;
                    }
                }
                for row in &mut v.trans {
                    for a in row.iter_mut() {
                        *a *= scale;
                    }
                }
                scale = 1.0;
            }
            // Scores (log space), only rule-allowed labels.
            let ok = |i: usize, y: usize| {
                let m = ex.rules[i];
                m == 0 || m & (1 << y) != 0
            };
            let em: Vec<[f64; NLABEL]> = v
                .emissions(&ex.items)
                .iter()
                .map(|row| row.map(|a| f64::from(a * scale)))
                .collect();
            let tr = v.trans.map(|row| row.map(|a| f64::from(a * scale)));
            let neg = f64::NEG_INFINITY;
            let mut alpha = vec![[neg; NLABEL]; n];
            for y in 0..NLABEL {
                if ok(0, y) {
                    alpha[0][y] = tr[NLABEL][y] + em[0][y];
                }
            }
            let mut terms = [0f64; NLABEL];
            for i in 1..n {
                for y in 0..NLABEL {
                    if !ok(i, y) {
                        continue;
                    }
                    for (p, t) in terms.iter_mut().enumerate() {
                        *t = alpha[i - 1][p] + tr[p][y];
                    }
                    alpha[i][y] = logsumexp(&terms) + em[i][y];
                }
            }
            let mut beta = vec![[neg; NLABEL]; n];
            for (y, b) in beta[n - 1].iter_mut().enumerate() {
                if ok(n - 1, y) {
                    *b = 0.0;
                }
            }
            for i in (0..n - 1).rev() {
                for p in 0..NLABEL {
                    if !ok(i, p) {
                        continue;
                    }
                    for (y, t) in terms.iter_mut().enumerate() {
                        *t = tr[p][y] + em[i + 1][y] + beta[i + 1][y];
                    }
                    beta[i][p] = logsumexp(&terms);
                }
            }
            let log_z = logsumexp(&alpha[n - 1]);
            if !log_z.is_finite() {
                continue;
            }
            let gold = &page.gold;
            // Long pages (hundreds of lines) would take steps hundreds of times larger than a
            // short excerpt's: the step is per line beyond 50 lines.
            #[allow(clippy::cast_precision_loss)]
            let length_norm = (n as f32 / 50.0).max(1.0);
            let step = eta * page.weight / scale / length_norm;
            for i in 0..n {
                let mut grad = [0f32; NLABEL];
                for y in 0..NLABEL {
                    #[allow(clippy::cast_possible_truncation)]
                    let p = (alpha[i][y] + beta[i][y] - log_z).exp().min(1.0) as f32;
                    grad[y] = -p;
                }
                if gold[i] < NLABEL {
                    grad[gold[i]] += 1.0;
                }
                for &f in &ex.items[i].features {
                    for (w, g) in v.rows[f as usize].iter_mut().zip(&grad) {
                        *w += step * g;
                    }
                }
                // Transitions.
                if i == 0 {
                    for (w, g) in v.trans[NLABEL].iter_mut().zip(&grad) {
                        *w += step * g;
                    }
                } else {
                    for p in 0..NLABEL {
                        if alpha[i - 1][p] == neg {
                            continue;
                        }
                        for y in 0..NLABEL {
                            if beta[i][y] == neg {
                                continue;
                            }
                            #[allow(clippy::cast_possible_truncation)]
                            let pm = (alpha[i - 1][p] + tr[p][y] + em[i][y] + beta[i][y] - log_z)
                                .exp()
                                .min(1.0) as f32;
                            v.trans[p][y] -= step * pm;
                        }
                    }
                    v.trans[gold[i - 1]][gold[i]] += step;
                }
            }
        }
        if epoch * 2 >= epochs {
            for (a, row) in avg.rows.iter_mut().zip(&v.rows) {
                for (x, y) in a.iter_mut().zip(row) {
                    *x += y * scale;
                }
            }
            for (a, row) in avg.trans.iter_mut().zip(&v.trans) {
                for (x, y) in a.iter_mut().zip(row) {
                    *x += y * scale;
                }
            }
        }
    }
    avg
}

fn logsumexp(xs: &[f64]) -> f64 {
    let m = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// Trains on the fully labelled pages; when some pages are labelled only in part, their
/// missing labels are first imputed by that model (the best labelling their labels allow),
/// and a second model is trained on all pages.
fn learn(examples: &[Example], options: &TrainOptions) -> Weights {
    let exact = |ex: &Example| ex.allowed.iter().all(|m| m.count_ones() == 1);
    let single = |m: &Allowed| m.trailing_zeros() as usize;
    let full: Vec<Labelled<'_>> = examples
        .iter()
        .filter(|ex| exact(ex))
        .map(|ex| Labelled {
            example: ex,
            gold: ex.allowed.iter().map(single).collect(),
            weight: ex.weight,
        })
        .collect();
    let partial: Vec<&Example> = examples.iter().filter(|ex| !exact(ex)).collect();
    let dense = if partial.is_empty() || full.is_empty() {
        let pages: Vec<Labelled<'_>> = if full.is_empty() {
            // Nothing fully labelled: the constraints' first allowed label.
            examples
                .iter()
                .map(|ex| Labelled {
                    example: ex,
                    gold: ex.allowed.iter().map(single).collect(),
                    weight: ex.weight,
                })
                .collect()
        } else {
            full
        };
        fit(&pages, options)
    } else {
        let first = fit(&full, options);
        let mut pages = full;
        for ex in partial {
            let emissions = first.emissions(&ex.items);
            let gold = model::viterbi(&emissions, &first.trans, Some(&ex.allowed));
            pages.push(Labelled {
                example: ex,
                gold,
                weight: options.imputed_weight * ex.weight,
            });
        }
        fit(&pages, options)
    };
    quantize(&dense, &options.description)
}

/// Rounds the weights to `i16` with one scale.
fn quantize(dense: &Dense, description: &str) -> Weights {
    let mut max = 0f32;
    for row in &dense.rows {
        for &a in row {
            max = max.max(a.abs());
        }
    }
    for row in &dense.trans {
        for &a in row {
            max = max.max(a.abs());
        }
    }
    let scale = if max > 0.0 { max / 32_000.0 } else { 1.0 };
    #[allow(clippy::cast_possible_truncation)]
    let q = |v: f32| (v / scale).round().clamp(-32_767.0, 32_767.0) as i16;
    let mut rows = vec![[0i16; NLABEL]; dense.rows.len()];
    let mut nonzero = 0;
    for (out, row) in rows.iter_mut().zip(&dense.rows) {
        for (o, &v) in out.iter_mut().zip(row) {
            *o = q(v);
        }
        if out.iter().any(|&x| x != 0) {
            nonzero += 1;
        }
    }
    let mut trans = [[0i16; NLABEL]; NLABEL + 1];
    for (out, row) in trans.iter_mut().zip(&dense.trans) {
        for (o, &v) in out.iter_mut().zip(row) {
            *o = q(v);
        }
    }
    Weights {
        rows,
        trans,
        scale,
        description: description.to_owned(),
        nonzero,
        folded: std::sync::OnceLock::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_weights_parse() {
        let bytes = BUILTIN_BYTES;
        let w = Weights::from_bytes(bytes).unwrap();
        assert!(w.nonzero > 1000, "the shipped model has {} rows", w.nonzero);
    }

    #[test]
    fn training_is_deterministic_and_checks_its_input() {
        use LineTarget::{Blank, Label};
        let page = TrainingPage::new(
            "Menu\nA headline here\n\nSome body text that runs on, and ends.\n",
            vec![
                Label(LineLabel::Chrome),
                Label(LineLabel::Title),
                Blank,
                Label(LineLabel::Body),
            ],
        );
        let a = train(std::slice::from_ref(&page), &TrainOptions::default()).unwrap();
        let b = train(std::slice::from_ref(&page), &TrainOptions::default()).unwrap();
        assert_eq!(a, b);
        assert!(matches!(
            train(&[], &TrainOptions::default()),
            Err(ArticleError::InvalidTrainingData(_))
        ));
        let short = TrainingPage::new("a\nb", vec![Blank]);
        assert!(matches!(
            train(&[short], &TrainOptions::default()),
            Err(ArticleError::InvalidTrainingData(_))
        ));
    }
}
