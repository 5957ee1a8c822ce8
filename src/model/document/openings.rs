//! What the tagger thought of opening a name of each type where it opened
//! one: the evidence the document stage reads.

use crate::model::tags::{split, tag, Part, N_TAGS, TYPES};

/// One value per named type.
pub(crate) type PerType = [f32; TYPES.len()];

/// The type with the highest value (the first of equals).
pub(super) fn argmax(v: &PerType) -> usize {
    (0..v.len()).max_by(|&a, &b| v[a].total_cmp(&v[b]).then(b.cmp(&a))).unwrap_or(0)
}

/// What the tagger scored for opening a name of each type (Begin, then
/// Unit, per type) on the tokens where it opened one, in token order: all
/// the evidence `unify` reads, kept for those tokens only.
#[derive(Default)]
pub(crate) struct Openings(Vec<(usize, [f32; 2 * TYPES.len()])>);

impl Openings {
    /// Keeps token `i`'s scores if its tag `chosen` opens a name.
    pub(crate) fn record(&mut self, i: usize, chosen: usize, scores: &[f32; N_TAGS]) {
        if matches!(split(chosen), Some((_, Part::Begin | Part::Unit))) {
            let mut kept = [0.0; 2 * TYPES.len()];
            for t in 0..TYPES.len() {
                kept[t] = scores[tag(t, Part::Begin)];
                kept[TYPES.len() + t] = scores[tag(t, Part::Unit)];
            }
            self.0.push((i, kept));
        }
    }

    /// The scores of opening a name of `len` tokens of each type at `start`,
    /// if the tagger opened one there.
    pub(super) fn of(&self, start: usize, len: usize) -> Option<PerType> {
        let at = self.0.binary_search_by_key(&start, |(i, _)| *i).ok()?;
        let kept = &self.0[at].1;
        let unit = if len == 1 { TYPES.len() } else { 0 };
        Some(std::array::from_fn(|t| kept[unit + t]))
    }
}
