//! The weight table of a trained model: for each kept feature, one weight
//! per tag, as 16-bit integers times one scale. Scores are small
//! differences between large sums (the bias, the shape "Xx"), so every
//! weight keeps its absolute precision: bytes, even scaled per feature,
//! lost a point of F1 on development data. Looked up by open addressing on
//! 32 bits of the feature hash.

use super::tags::N_TAGS;

/// A feature's weights, in units of the table's scale.
pub(crate) type Row = [i16; N_TAGS];

pub(crate) struct WeightTable {
    /// Slot → (feature key, index into `rows`); key 0 marks an empty slot.
    /// Key and index side by side: a probe costs one cache line.
    slots: Vec<(u32, u32)>,
    rows: Vec<Row>,
    mask: usize,
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
    /// A table for `entries` (key, row) with distinct keys.
    pub(crate) fn new(entries: Vec<(u32, Row)>, scale: f32) -> WeightTable {
        let slots = (entries.len() * 10 / 7 + 1).next_power_of_two().max(16);
        let mask = slots - 1;
        let mut slots = vec![(0u32, 0u32); slots];
        let mut rows = Vec::with_capacity(entries.len());
        for (key, row) in entries {
            let mut slot = slot_of(key, mask);
            while slots[slot].0 != 0 && slots[slot].0 != key {
                slot = (slot + 1) & mask;
            }
            if slots[slot].0 == 0 {
                slots[slot] = (key, rows.len() as u32);
                rows.push(row);
            }
        }
        WeightTable { slots, rows, mask, scale }
    }

    /// The row of feature `hash`, if the model kept it.
    #[inline]
    pub(crate) fn get(&self, hash: u64) -> Option<&Row> {
        let key = key_of(hash);
        let mut slot = slot_of(key, self.mask);
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

#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    // Fibonacci hashing spreads keys whose low bits agree.
    (key.wrapping_mul(0x9E37_79B9) >> 7) as usize & mask
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
