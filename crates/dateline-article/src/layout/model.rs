//! The line labeller's weights, Viterbi decoding and the model file format.
//!
//! A linear-chain model: every line's score for a label is the sum of its features' weights for
//! that label, plus a transition weight from the previous line's label; [`viterbi`] finds the
//! best label sequence of a page. Weights are quantized to `i16` with one scale.
//!
//! File format (little endian):
//!
//! ```text
//! magic     8 bytes  b"DLLINES1"
//! version   u32      feature-set version (features::FEATURE_VERSION)
//! bits      u32      hash bits (features::BITS)
//! labels    u32      number of labels (8)
//! scale     f32      weight = i16 value * scale
//! trans     (labels + 1) x labels i16   transition weights; the last row is the page start
//! count     u32      number of feature rows
//! rows      count x (u32 bucket, labels x i16)
//! desc_len  u32      length of the description
//! desc      UTF-8    what the weights were trained on, and how
//! ```

use std::sync::OnceLock;

use crate::layout::features::{self, BITS, FEATURE_VERSION};
use crate::ArticleError;

/// Number of labels (the classes of [`crate::LineLabel::ALL`]).
pub(crate) const NLABEL: usize = 8;

/// The class of [`crate::LineLabel::Title`].
const TITLE: usize = 0;

const MAGIC: &[u8; 8] = b"DLLINES1";

/// A bitmask of allowed labels per line (bit `i` is `LineLabel::ALL[i]`).
pub(crate) type Allowed = u8;

/// Every label allowed.
pub(crate) const ANY: Allowed = u8::MAX;

/// Trained weights of the line labeller (see [`crate::LineModel`] for the public face).
#[derive(Clone)]
pub(crate) struct Weights {
    /// One row per feature bucket (dense: `2^BITS` rows).
    pub(crate) rows: Vec<[i16; NLABEL]>,
    /// Transition weights: `trans[prev][cur]`, row `NLABEL` for the first line.
    pub(crate) trans: [[i16; NLABEL]; NLABEL + 1],
    pub(crate) scale: f32,
    pub(crate) description: String,
    /// Rows that hold a non-zero weight.
    pub(crate) nonzero: usize,
    /// [`Weights::folded`], built on first use.
    pub(crate) folded: OnceLock<Option<Folded>>,
}

/// Per dump style, each bucket's row plus the row of its style copy
/// ([`features::style_bucket`]): a line's emission is then one lookup per shared feature
/// instead of two.
#[derive(Clone)]
pub(crate) struct Folded([Vec<[i16; NLABEL]>; 2]);

impl PartialEq for Weights {
    fn eq(&self, other: &Self) -> bool {
        self.scale.to_bits() == other.scale.to_bits()
            && self.trans == other.trans
            && self.description == other.description
            && self.rows == other.rows
    }
}

impl Eq for Weights {}

impl Weights {
    /// A model with no weights (every score 0).
    pub(crate) fn empty(description: &str) -> Weights {
        Weights {
            rows: vec![[0; NLABEL]; 1 << BITS],
            trans: [[0; NLABEL]; NLABEL + 1],
            scale: 1.0,
            description: description.to_owned(),
            nonzero: 0,
            folded: OnceLock::new(),
        }
    }

    /// The rows with their style copies folded in, or `None` when a sum leaves the `i16`
    /// range (then [`Weights::emission_styled`] adds the two rows itself).
    fn folded(&self) -> Option<&Folded> {
        self.folded
            .get_or_init(|| {
                let mut tables = [Vec::new(), Vec::new()];
                for (style, table) in tables.iter_mut().enumerate() {
                    *table = Vec::with_capacity(self.rows.len());
                    for (f, row) in self.rows.iter().enumerate() {
                        let copy = self
                            .rows
                            .get(features::style_bucket(f as u32, style) as usize)?;
                        let mut sum = [0i16; NLABEL];
                        for ((s, &a), &b) in sum.iter_mut().zip(row).zip(copy) {
                            *s = a.checked_add(b)?;
                        }
                        table.push(sum);
                    }
                }
                Some(Folded(tables))
            })
            .as_ref()
    }

    /// The emission scores of one line from its shared feature buckets and the page's
    /// `style` (the same sums as [`Weights::emission`] over the shared buckets and their
    /// style copies).
    pub(crate) fn emission_styled(&self, shared: &[u32], style: usize) -> [f32; NLABEL] {
        let mut sum = [0i32; NLABEL];
        match self.folded().and_then(|t| t.0.get(style)) {
            Some(table) => {
                for &f in shared {
                    if let Some(row) = table.get(f as usize) {
                        for (s, &w) in sum.iter_mut().zip(row) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
            None => {
                for &f in shared {
                    for g in [f, features::style_bucket(f, style)] {
                        if let Some(row) = self.rows.get(g as usize) {
                            for (s, &w) in sum.iter_mut().zip(row) {
                                *s += i32::from(w);
                            }
                        }
                    }
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        sum.map(|s| s as f32 * self.scale)
    }

    /// The emission scores of one line (its feature buckets).
    #[cfg(test)]
    pub(crate) fn emission(&self, features: &[u32]) -> [f32; NLABEL] {
        let mut sum = [0i32; NLABEL];
        for &f in features {
            if let Some(row) = self.rows.get(f as usize) {
                for (s, &w) in sum.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        sum.map(|s| s as f32 * self.scale)
    }

    /// The best label sequence for lines with these `emissions` (label indices), each line restricted to its
    /// `allowed` labels when given, with at most one title: when the sequence has several,
    /// the one the model is surest of (largest margin over the line's next best label) stays
    /// and the others take their next best label.
    pub(crate) fn decode(
        &self,
        emissions: &[[f32; NLABEL]],
        allowed: Option<&[Allowed]>,
    ) -> Vec<usize> {
        let trans = self.trans.map(|row| row.map(|w| f32::from(w) * self.scale));
        let mut labels = viterbi(emissions, &trans, allowed);
        let titles: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == TITLE).collect();
        if titles.len() > 1 {
            let ok = |i: usize, y: usize| {
                allowed
                    .and_then(|a| a.get(i))
                    .map_or(true, |&m| m == 0 || m & (1 << y) != 0)
            };
            let runner_up = |i: usize| {
                (0..NLABEL)
                    .filter(|&y| y != TITLE && ok(i, y))
                    .max_by(|&a, &b| emissions[i][a].total_cmp(&emissions[i][b]))
                    .unwrap_or(TITLE)
            };
            let margin = |i: usize| emissions[i][TITLE] - emissions[i][runner_up(i)];
            let keep = titles
                .iter()
                .copied()
                .max_by(|&a, &b| margin(a).total_cmp(&margin(b)).then(b.cmp(&a)))
                .unwrap_or(titles[0]);
            for &i in &titles {
                if i != keep {
                    labels[i] = runner_up(i);
                }
            }
        }
        labels
    }

    /// Serializes the weights in the format of the module docs.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&(NLABEL as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let rows: Vec<(usize, &[i16; NLABEL])> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (bucket, row) in rows {
            out.extend_from_slice(&(bucket as u32).to_le_bytes());
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.description.len() as u32).to_le_bytes());
        out.extend_from_slice(self.description.as_bytes());
        out
    }

    /// Reads weights written by [`Weights::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Weights, ArticleError> {
        let bad = |what: &str| ArticleError::InvalidModel(what.to_owned());
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(bad("not a dateline line model (wrong magic bytes)"));
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(ArticleError::InvalidModel(format!(
                "the model was trained with feature set {version}; this build reads {FEATURE_VERSION} (retrain it with the train_lines example)"
            )));
        }
        if r.u32()? != BITS {
            return Err(bad("hash bits differ from this build's"));
        }
        if r.u32()? != NLABEL as u32 {
            return Err(bad("label count differs from this build's"));
        }
        let scale = f32::from_le_bytes(r.array()?);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(bad("scale is not a positive number"));
        }
        let mut trans = [[0i16; NLABEL]; NLABEL + 1];
        for row in &mut trans {
            for w in row.iter_mut() {
                *w = i16::from_le_bytes(r.array()?);
            }
        }
        let count = r.u32()? as usize;
        let mut rows = vec![[0i16; NLABEL]; 1 << BITS];
        for _ in 0..count {
            let bucket = r.u32()? as usize;
            let row = rows
                .get_mut(bucket)
                .ok_or_else(|| bad("a feature row lies outside the hash space"))?;
            for w in row.iter_mut() {
                *w = i16::from_le_bytes(r.array()?);
            }
        }
        let len = r.u32()? as usize;
        let description = std::str::from_utf8(r.take(len)?)
            .map_err(|_| bad("the description is not UTF-8"))?
            .to_owned();
        if r.pos != bytes.len() {
            return Err(bad("trailing bytes after the description"));
        }
        Ok(Weights {
            rows,
            trans,
            scale,
            description,
            nonzero: count,
            folded: OnceLock::new(),
        })
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ArticleError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ArticleError::InvalidModel("the file is truncated".into()))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ArticleError> {
        let s = self.take(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(s);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ArticleError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

/// First-order Viterbi over `emissions` with transition scores `trans[prev][cur]` (row
/// `NLABEL` for the first line). A line's labels outside its `allowed` mask are never chosen
/// (a mask of 0 allows everything).
pub(crate) fn viterbi(
    emissions: &[[f32; NLABEL]],
    trans: &[[f32; NLABEL]; NLABEL + 1],
    allowed: Option<&[Allowed]>,
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mask = |i: usize, y: usize| -> bool {
        allowed
            .and_then(|a| a.get(i))
            .map_or(true, |&m| m == 0 || m & (1 << y) != 0)
    };
    let mut score = [f32::NEG_INFINITY; NLABEL];
    for (y, s) in score.iter_mut().enumerate() {
        if mask(0, y) {
            *s = trans[NLABEL][y] + emissions[0][y];
        }
    }
    let mut back = vec![[0u8; NLABEL]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NLABEL];
        for y in 0..NLABEL {
            if !mask(i, y) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0usize;
            for (p, &sp) in score.iter().enumerate() {
                let v = sp + trans[p][y];
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            next[y] = best + emissions[i][y];
            back[i][y] = arg as u8;
        }
        score = next;
    }
    let mut y = (0..NLABEL)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0usize; n];
    for i in (0..n).rev() {
        out[i] = y;
        y = back[i][y] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_style_rows_give_the_same_emissions() {
        let shared = [5u32, 77, 5, 1 << 16];
        // Each style's emission over the shared buckets equals the emission over the full
        // feature list (shared buckets and their style copies).
        let same = |w: &Weights| {
            (0..2).all(|style| {
                let full: Vec<u32> = shared
                    .iter()
                    .copied()
                    .chain(shared.iter().map(|&f| features::style_bucket(f, style)))
                    .collect();
                w.emission_styled(&shared, style) == w.emission(&full)
            })
        };
        let mut w = Weights::empty("test");
        for (i, &f) in shared.iter().enumerate() {
            w.rows[f as usize] = [1, -2, 3, 0, 0, 0, 0, 7 * i as i16];
            let copy = features::style_bucket(f, 1) as usize;
            w.rows[copy] = [4, 0, -9, 1, 0, 0, 2, 0];
        }
        assert!(same(&w));
        assert!(w.folded().is_some());
        // A sum outside the i16 range: no folded rows, the same emissions.
        let mut big = w.clone();
        big.folded = OnceLock::new();
        big.rows[5] = [i16::MAX; NLABEL];
        big.rows[features::style_bucket(5, 0) as usize] = [i16::MAX; NLABEL];
        assert!(big.folded().is_none());
        assert!(same(&big));
    }

    #[test]
    fn round_trip_and_corruption() {
        let mut w = Weights::empty("test");
        w.rows[5] = [1, -2, 3, 0, 0, 0, 0, 7];
        w.trans[NLABEL][2] = 9;
        w.scale = 0.5;
        let bytes = w.to_bytes();
        let back = Weights::from_bytes(&bytes).unwrap();
        assert!(back == w);
        assert_eq!(back.nonzero, 1);
        for cut in [0, 7, 8, 20, bytes.len() - 1] {
            assert!(Weights::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Weights::from_bytes(&longer).is_err());
        let mut wrong = bytes;
        wrong[0] = b'X';
        assert!(Weights::from_bytes(&wrong).is_err());
    }

    #[test]
    fn viterbi_follows_transitions_and_masks() {
        let mut trans = [[0.0f32; NLABEL]; NLABEL + 1];
        trans[0][1] = 10.0; // label 0 is followed by label 1
        let mut e = [[0.0f32; NLABEL]; 2];
        e[0][0] = 1.0;
        e[1][2] = 5.0;
        assert_eq!(viterbi(&e, &trans, None), vec![0, 1]);
        assert_eq!(viterbi(&e, &trans, Some(&[0, 1 << 2])), vec![0, 2]);
        assert!(viterbi(&[], &trans, None).is_empty());
    }
}
