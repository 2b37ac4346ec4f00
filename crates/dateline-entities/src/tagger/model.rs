//! The compact weight table and its binary format.
//!
//! Format (little endian):
//!
//! ```text
//! magic    8 bytes  b"DLNERTG1"
//! version  u32      feature-set version (features::FEATURE_VERSION)
//! bits     u32      hash bits (features::BITS)
//! classes  u32      number of classes (9)
//! scale    f32      weight = i16 value * scale
//! count    u32      number of rows
//! rows     count x (u32 bucket, classes x i16)
//! desc_len u32      length of the description
//! desc     UTF-8    what the weights were trained on
//! phrases  u32      number of gazetteer phrases
//! entries  phrases x (u64 phrase hash, u8 kind bits), sorted by hash
//! ```

use super::features::{
    allowed, DocFeatures, Gazetteer, BITS, FEATURE_VERSION, NCLASS, START_CLASS,
};
use dateline_text::Token;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

const MAGIC: &[u8; 8] = b"DLNERTG1";

/// Source of [`Model`] ids.
static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

/// Entries of the per-thread score cache (a power of two).
const CACHE_SLOTS: usize = 2048;

/// A direct-mapped cache of the summed weights of a token's token-only features
/// ([`DocFeatures::static_features`]) by their [`DocFeatures::static_key`]: those are about
/// half of a token's ~45 lookups, and in news the same capitalized words ("The", "Mr",
/// "Government", a story's names) come back again and again. Scores are sums of integer
/// weights, so a cached sum is exactly the sum the lookups would give (the key holds the
/// word's 64-bit hash, not the word: two words colliding in all of lowercase hash, shape
/// and short shape would share an entry).
struct ScoreCache {
    model: u64,
    keys: Vec<[u64; 4]>,
    scores: Vec<[i32; NCLASS]>,
}

impl ScoreCache {
    fn slot(key: &[u64; 4]) -> usize {
        let h = key[0] ^ key[1].rotate_left(17) ^ key[2].rotate_left(31) ^ key[3].rotate_left(47);
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (CACHE_SLOTS - 1)
    }
}

thread_local! {
    static SCORE_CACHE: RefCell<ScoreCache> = const {
        RefCell::new(ScoreCache { model: 0, keys: Vec::new(), scores: Vec::new() })
    };
}

/// A trained tagger model: quantized weights in an open-addressed hash table.
///
/// The built-in model is [`super::builtin`]; the training example builds others
/// with [`super::train`].
///
/// The table keeps its keys and its weight rows in two parallel arrays: a lookup probes
/// the small key array (4 bytes a slot, about 0.5 MiB for the built-in model, mostly in
/// cache) and loads a weight row only for a feature the model knows.
#[derive(Clone)]
pub struct Model {
    /// Identifies the weights for the per-thread score cache (clones share it).
    id: u64,
    /// Bucket + 1 of each slot (0 marks an empty slot).
    keys: Vec<u32>,
    /// The weights of each slot, one per class.
    weights: Vec<[i16; NCLASS]>,
    mask: usize,
    rows: usize,
    scale: f32,
    description: String,
    gazetteer: Gazetteer,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("rows", &self.rows)
            .field("scale", &self.scale)
            .field("description", &self.description)
            .field("phrases", &self.gazetteer.len())
            .finish()
    }
}

/// Reads little-endian values from a byte slice without panicking.
struct Reader<'b> {
    bytes: &'b [u8],
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Option<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(u64::from_le_bytes(a))
    }
    fn i16(&mut self) -> Option<i16> {
        let b = self.take(2)?;
        Some(i16::from_le_bytes([b[0], b[1]]))
    }
}

impl Model {
    /// Builds a model from `(bucket, weights)` rows (weights in float) quantized to i16.
    pub(crate) fn from_rows(
        rows: &[(u32, [f32; NCLASS])],
        description: &str,
        gazetteer: Gazetteer,
    ) -> Model {
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, &v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let q: Vec<(u32, [i16; NCLASS])> = rows
            .iter()
            .map(|(b, w)| {
                (
                    *b,
                    w.map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16),
                )
            })
            .collect();
        Model::from_quantized(&q, scale, description.to_string(), gazetteer)
    }

    fn from_quantized(
        rows: &[(u32, [i16; NCLASS])],
        scale: f32,
        description: String,
        gazetteer: Gazetteer,
    ) -> Model {
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut keys = vec![0u32; size];
        let mut weights = vec![[0i16; NCLASS]; size];
        let mut count = 0usize;
        for &(b, w) in rows {
            let key = b + 1;
            let mut slot = slot_of(b) & mask;
            while let Some(k) = keys.get_mut(slot) {
                if *k == 0 || *k == key {
                    if *k == 0 {
                        count += 1;
                    }
                    *k = key;
                    if let Some(row) = weights.get_mut(slot) {
                        *row = w;
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        Model {
            id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
            keys,
            weights,
            mask,
            rows: count,
            scale,
            description,
            gazetteer,
        }
    }

    /// Parses a model from its binary form; `None` when the bytes are not a model of
    /// this version (wrong magic, feature version, hash bits or truncated data).
    ///
    /// # Example
    /// ```
    /// use dateline_entities::tagger::Model;
    /// assert!(Model::from_bytes(b"not a model").is_none());
    /// let m = dateline_entities::tagger::builtin();
    /// let again = Model::from_bytes(&m.to_bytes()).unwrap();
    /// assert_eq!(again.rows(), m.rows());
    /// ```
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes };
        if r.take(8)? != MAGIC {
            return None;
        }
        if r.u32()? != FEATURE_VERSION || r.u32()? != BITS || r.u32()? as usize != NCLASS {
            return None;
        }
        let scale = f32::from_bits(r.u32()?);
        let count = r.u32()? as usize;
        if count > (1 << BITS) || r.bytes.len() < count * (4 + 2 * NCLASS) {
            return None;
        }
        let mut rows = Vec::with_capacity(count);
        for _ in 0..count {
            let b = r.u32()?;
            if b >= (1 << BITS) {
                return None;
            }
            let mut w = [0i16; NCLASS];
            for v in &mut w {
                *v = r.i16()?;
            }
            rows.push((b, w));
        }
        let len = r.u32()? as usize;
        let description = String::from_utf8(r.take(len)?.to_vec()).ok()?;
        let phrases = r.u32()? as usize;
        if r.bytes.len() != phrases * 9 || !scale.is_finite() || scale <= 0.0 {
            return None;
        }
        let mut entries = Vec::with_capacity(phrases);
        for _ in 0..phrases {
            let h = r.u64()?;
            let bits = r.take(1)?[0];
            entries.push((h, bits));
        }
        let gazetteer = Gazetteer::from_entries(&entries);
        Some(Model::from_quantized(&rows, scale, description, gazetteer))
    }

    /// The binary form (see the module docs of `tagger` for the layout).
    ///
    /// # Example
    /// ```
    /// let bytes = dateline_entities::tagger::builtin().to_bytes();
    /// assert_eq!(&bytes[..8], b"DLNERTG1");
    /// ```
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(u32, &[i16; NCLASS])> = self
            .keys
            .iter()
            .zip(&self.weights)
            .filter(|(&k, _)| k != 0)
            .map(|(&k, w)| (k, w))
            .collect();
        rows.sort_by_key(|r| r.0);
        let mut out =
            Vec::with_capacity(32 + rows.len() * (4 + 2 * NCLASS) + self.description.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&(NCLASS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, w) in rows {
            out.extend_from_slice(&(k - 1).to_le_bytes());
            for v in w {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.description.len() as u32).to_le_bytes());
        out.extend_from_slice(self.description.as_bytes());
        let entries = self.gazetteer.entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (h, bits) in entries {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(bits);
        }
        out
    }

    /// Number of weight rows (features that survived pruning).
    ///
    /// # Example
    /// ```
    /// assert!(dateline_entities::tagger::builtin().rows() > 0);
    /// ```
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of gazetteer phrases the model's features look up.
    ///
    /// # Example
    /// ```
    /// assert!(dateline_entities::tagger::builtin().phrases() > 1000);
    /// ```
    #[must_use]
    pub fn phrases(&self) -> usize {
        self.gazetteer.len()
    }

    /// What the weights were trained on (written by the training command).
    ///
    /// # Example
    /// ```
    /// assert!(dateline_entities::tagger::builtin().description().contains("CoNLL-2003"));
    /// ```
    #[must_use]
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The slot of `bucket`, if the model has a row for it.
    #[inline]
    fn find(&self, bucket: u32) -> Option<usize> {
        let key = bucket + 1;
        let mut slot = slot_of(bucket) & self.mask;
        loop {
            let k = *self.keys.get(slot)?;
            if k == key {
                return Some(slot);
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    #[cfg(test)]
    fn add(&self, bucket: u32, scores: &mut [i32; NCLASS]) {
        if let Some(row) = self.find(bucket).and_then(|s| self.weights.get(s)) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
    }

    /// The summed weights of the feature buckets `feats[..split]` and of all of `feats`.
    /// Three passes keep the loads independent, so their cache misses overlap instead of
    /// waiting one by one: touch every bucket's key slot, probe the (now cached) keys for
    /// the rows that exist, then sum those rows.
    #[inline]
    fn score(
        &self,
        feats: &[u32],
        split: usize,
        hits: &mut Vec<usize>,
    ) -> ([i32; NCLASS], [i32; NCLASS]) {
        let touched = feats.iter().fold(0u32, |acc, &b| {
            acc ^ self.keys.get(slot_of(b) & self.mask).copied().unwrap_or(0)
        });
        std::hint::black_box(touched);
        hits.clear();
        let (head, tail) = feats.split_at(split.min(feats.len()));
        hits.extend(head.iter().filter_map(|&b| self.find(b)));
        let first_hits = hits.len();
        hits.extend(tail.iter().filter_map(|&b| self.find(b)));
        let (h1, h2) = hits.split_at(first_hits);
        let first = self.sum_rows(h1);
        let mut all = self.sum_rows(h2);
        for (a, f) in all.iter_mut().zip(first) {
            *a += f;
        }
        (first, all)
    }

    /// The summed weight rows of `slots` (a fixed-width loop the compiler vectorizes).
    #[inline]
    fn sum_rows(&self, slots: &[usize]) -> [i32; NCLASS] {
        let mut acc = [0i32; NCLASS];
        for row in slots.iter().filter_map(|&s| self.weights.get(s)) {
            for c in 0..NCLASS {
                acc[c] += i32::from(row[c]);
            }
        }
        acc
    }

    /// Greedy left-to-right decoding: one class and one confidence per token.
    pub(crate) fn decode(&self, text: &str, tokens: &[Token]) -> (Vec<u8>, Vec<f32>) {
        // Without the cache (same result) when the thread's cache is gone (thread exit) or
        // already borrowed.
        SCORE_CACHE
            .try_with(|cache| match cache.try_borrow_mut() {
                Ok(mut cache) => self.decode_with(text, tokens, Some(&mut cache)),
                Err(_) => self.decode_with(text, tokens, None),
            })
            .unwrap_or_else(|_| self.decode_with(text, tokens, None))
    }

    fn decode_with(
        &self,
        text: &str,
        tokens: &[Token],
        mut cache: Option<&mut ScoreCache>,
    ) -> (Vec<u8>, Vec<f32>) {
        if let Some(c) = cache.as_deref_mut() {
            if c.model != self.id || c.keys.len() != CACHE_SLOTS {
                c.model = self.id;
                // Key [0; 4] is never a real key: a token's lowercase hash is never 0
                // in practice, and a zero entry would only map to all-zero scores.
                c.keys = vec![[0; 4]; CACHE_SLOTS];
                c.scores = vec![[0; NCLASS]; CACHE_SLOTS];
            }
        }
        let mut doc = DocFeatures::new(text, tokens, &self.gazetteer);
        let n = doc.len();
        let mut classes = Vec::with_capacity(n);
        let mut conf = Vec::with_capacity(n);
        let mut feats = Vec::with_capacity(64);
        let mut hits = Vec::with_capacity(64);
        let (mut p1, mut p2) = (START_CLASS, START_CLASS);
        for i in 0..n {
            if doc.is_trivial(i, p1) {
                classes.push(0);
                conf.push(1.0);
                p2 = p1;
                p1 = 0;
                continue;
            }
            let key = doc.static_key(i).unwrap_or_default();
            let slot = ScoreCache::slot(&key);
            let cached = cache
                .as_deref()
                .filter(|c| c.keys.get(slot) == Some(&key) && key != [0; 4])
                .and_then(|c| c.scores.get(slot).copied());
            feats.clear();
            let scores = match cached {
                Some(fixed) => {
                    doc.dynamic_features(i, p1, p2, &mut feats);
                    let (_, mut all) = self.score(&feats, 0, &mut hits);
                    for (a, f) in all.iter_mut().zip(fixed) {
                        *a += f;
                    }
                    all
                }
                None => {
                    doc.static_features(i, &mut feats);
                    let split = feats.len();
                    doc.dynamic_features(i, p1, p2, &mut feats);
                    let (fixed, all) = self.score(&feats, split, &mut hits);
                    if let Some(c) = cache.as_deref_mut() {
                        if let (Some(k), Some(s)) = (c.keys.get_mut(slot), c.scores.get_mut(slot)) {
                            *k = key;
                            *s = fixed;
                        }
                    }
                    all
                }
            };
            let (best, margin) = best_allowed(&scores, p1);
            classes.push(best);
            conf.push(1.0 / (1.0 + (-(margin as f32) * self.scale).exp()));
            doc.observe(i, best);
            p2 = p1;
            p1 = best;
        }
        (classes, conf)
    }

    /// Decoding without the score cache (every lookup made), for tests.
    #[cfg(test)]
    pub(crate) fn decode_uncached(&self, text: &str, tokens: &[Token]) -> (Vec<u8>, Vec<f32>) {
        self.decode_with(text, tokens, None)
    }
}

/// The best class allowed after `prev` and its margin over the runner-up.
pub(crate) fn best_allowed<T: Copy + PartialOrd + std::ops::Sub<Output = T>>(
    scores: &[T; NCLASS],
    prev: u8,
) -> (u8, T) {
    let mut best = 0u8;
    let mut second: Option<T> = None;
    for c in 1..NCLASS as u8 {
        if !allowed(prev, c) {
            continue;
        }
        let s = scores[c as usize];
        if s > scores[best as usize] {
            second = Some(scores[best as usize]);
            best = c;
        } else if second.map_or(true, |x| s > x) {
            second = Some(s);
        }
    }
    let top = scores[best as usize];
    (best, top - second.unwrap_or(top))
}

#[inline]
fn slot_of(bucket: u32) -> usize {
    (bucket.wrapping_mul(0x9E37_79B1) >> 4) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let rows = vec![
            (5u32, [1.0f32; NCLASS]),
            (7, [-2.0; NCLASS]),
            ((1 << BITS) - 1, [0.5; NCLASS]),
        ];
        let g = Gazetteer::from_entries(&[(42, 1), (7, 3)]);
        let m = Model::from_rows(&rows, "test", g);
        assert_eq!(m.phrases(), 2);
        assert_eq!(m.rows(), 3);
        let b = m.to_bytes();
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m2.rows(), 3);
        assert_eq!(m2.description(), "test");
        assert_eq!(m2.phrases(), 2);
        assert_eq!(m2.to_bytes(), b);
        let mut s = [0i32; NCLASS];
        m2.add(7, &mut s);
        assert!(s.iter().all(|&v| v == -32000));
        m2.add(6, &mut s);
        assert!(s.iter().all(|&v| v == -32000));
    }

    #[test]
    fn rejects_truncated_and_bad() {
        let m = Model::from_rows(
            &[(1, [1.0; NCLASS])],
            "x",
            Gazetteer::from_entries(&[(9, 1)]),
        );
        let b = m.to_bytes();
        for cut in 0..b.len() {
            assert!(Model::from_bytes(&b[..cut]).is_none(), "cut {cut}");
        }
        let mut bad = b.clone();
        bad[8] ^= 1;
        assert!(Model::from_bytes(&bad).is_none());
    }

    #[test]
    fn best_respects_transitions() {
        let mut s = [0i32; NCLASS];
        s[2] = 10; // I-PER
        s[1] = 5; // B-PER
        assert_eq!(best_allowed(&s, START_CLASS), (1, 5));
        assert_eq!(best_allowed(&s, 1), (2, 5));
    }
}
