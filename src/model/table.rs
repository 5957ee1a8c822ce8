//! The weight table of a trained model: for each kept feature, one weight
//! per tag, as 16-bit integers times one scale. Scores are small
//! differences between large sums (the bias, the shape "Xx"), so every
//! weight keeps its absolute precision: bytes, even scaled per feature,
//! lost a point of F1 on development data. Looked up by open addressing on
//! 32 bits of the feature hash.

use super::tags::N_TAGS;

/// Where a model's weights come from: the quantised table it ships with,
/// or (while training) the exact averaged weights.
pub(crate) trait Weights {
    /// Adds the weights of every feature in `hashes` to `scores`.
    fn add(&self, hashes: &[u64], scores: &mut [f32; N_TAGS]);
}

impl Weights for WeightTable {
    fn add(&self, hashes: &[u64], scores: &mut [f32; N_TAGS]) {
        WeightTable::add(self, hashes, scores);
    }
}

/// A feature's weights, in units of the table's scale.
pub(crate) type Row = [i16; N_TAGS];

pub(crate) struct WeightTable {
    /// Slot → (feature key, index into `rows`); key 0 marks an empty slot.
    /// Key and index side by side: a probe costs one cache line.
    slots: Vec<(u32, u32)>,
    rows: Vec<Row>,
    mask: usize,
    /// A key's slot is its top bits: keys are hashes, so as good as any
    /// mixing of them, and a model file lists them in increasing order, so
    /// loading one fills the slots in order (one pass over memory, not a
    /// cache miss per feature).
    shift: u32,
    /// A weight is its integer times `scale`. Tagging only compares scores,
    /// so only writing a model reads it.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub scale: f32,
}

#[cfg(any(test, feature = "train"))]
/// Quantises exact weights with a scale that puts the largest at the edge
/// of 16 bits.
pub(crate) fn quantise(rows: &[[f32; N_TAGS]]) -> (Vec<Row>, f32) {
    let largest = rows.iter().flatten().fold(0.0f32, |m, w| m.max(w.abs()));
    let scale = (largest / f32::from(i16::MAX)).max(f32::MIN_POSITIVE);
    let rows = rows.iter().map(|r| r.map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)).collect();
    (rows, scale)
}

/// The table key of a feature hash: its low 32 bits, never 0.
#[inline]
pub(crate) fn key_of(hash: u64) -> u32 {
    (hash as u32).max(1)
}

impl WeightTable {
    /// A table for `entries` (key, row); of repeated keys, the first.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn new(entries: Vec<(u32, Row)>, scale: f32) -> WeightTable {
        let mut table = WeightTable::with_capacity(entries.len(), scale);
        for (key, row) in entries {
            table.insert(key, row);
        }
        table
    }

    /// An empty table with room for `n` features.
    pub(crate) fn with_capacity(n: usize, scale: f32) -> WeightTable {
        let slots = (n * 10 / 7 + 1).next_power_of_two().max(16);
        WeightTable { slots: vec![(0, 0); slots], rows: Vec::with_capacity(n), mask: slots - 1, shift: u32::BITS - slots.trailing_zeros(), scale }
    }

    /// Adds feature `key` (not 0) with its row, unless the table has it:
    /// at most the `n` features it was made for, so that a slot stays free.
    pub(crate) fn insert(&mut self, key: u32, row: Row) {
        let mut slot = self.slot_of(key);
        while self.slots[slot].0 != 0 && self.slots[slot].0 != key {
            slot = (slot + 1) & self.mask;
        }
        if self.slots[slot].0 == 0 {
            self.slots[slot] = (key, self.rows.len() as u32);
            self.rows.push(row);
        }
    }

    #[inline]
    fn slot_of(&self, key: u32) -> usize {
        (u64::from(key) >> self.shift) as usize
    }

    /// The row of feature `hash`, if the model kept it.
    #[inline]
    pub(crate) fn get(&self, hash: u64) -> Option<&Row> {
        let key = key_of(hash);
        let mut slot = self.slot_of(key);
        loop {
            let (k, index) = self.slots[slot];
            if k == key {
                return Some(&self.rows[index as usize]);
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Adds the weights of every feature in `hashes` to `scores`, in units
    /// of `scale`: sums of 16-bit integers, exact in `f32` (below 2²⁴), so
    /// the order of addition never changes a decision. Only the order of
    /// scores matters, and a positive scale keeps it.
    #[inline]
    pub(crate) fn add(&self, hashes: &[u64], scores: &mut [f32; N_TAGS]) {
        for &h in hashes {
            if let Some(row) = self.get(h) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += f32::from(w);
                }
            }
        }
    }

    #[cfg(any(test, feature = "train"))]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    #[cfg(any(test, feature = "train"))]
    /// Every (key, row), for writing the table out.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u32, &Row)> {
        self.slots.iter().filter(|(k, _)| *k != 0).map(|&(k, i)| (k, &self.rows[i as usize]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let entries: Vec<(u32, Row)> = (1..1000u32).map(|k| (k * 7919, [k as i16; N_TAGS])).collect();
        let table = WeightTable::new(entries.clone(), 0.5);
        assert_eq!(table.len(), 999);
        for (k, r) in &entries {
            assert_eq!(table.get(u64::from(*k)), Some(r));
        }
        assert_eq!(table.get(3), None);
        let mut scores = [0.0; N_TAGS];
        table.add(&[7919, 7919 * 2, 5], &mut scores);
        assert_eq!(scores[0], 1.0 + 2.0);
    }

    #[test]
    fn keys_at_the_top_wrap_around_and_repeats_keep_the_first() {
        let top = [u32::MAX, u32::MAX - 1, u32::MAX - 2, 1 << 31];
        let mut entries: Vec<(u32, Row)> = top.iter().map(|&k| (k, [(k % 100) as i16; N_TAGS])).collect();
        entries.push((u32::MAX, [7; N_TAGS]));
        let table = WeightTable::new(entries.clone(), 1.0);
        assert_eq!(table.len(), top.len());
        for (k, r) in &entries[..top.len()] {
            assert_eq!(table.get(u64::from(*k)), Some(r));
        }
    }

    #[test]
    fn quantising_keeps_absolute_precision() {
        let exact = [[0.003f32; N_TAGS], std::array::from_fn(|t| t as f32 * 25.0 - 200.0)];
        let (rows, scale) = quantise(&exact);
        for (row, exact) in rows.iter().zip(&exact) {
            for (&q, &w) in row.iter().zip(exact) {
                assert!((f32::from(q) * scale - w).abs() <= scale, "{w}");
            }
        }
    }
}
