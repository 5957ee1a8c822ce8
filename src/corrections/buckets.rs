//! Items in buckets by a string key, for the reader's lexicon.

use rustc_hash::FxHashMap;

/// Items in buckets by a string key: each key's items chained through one
/// vector (the latest first), so that ten thousand keys cost no ten
/// thousand small vectors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Buckets<T> {
    /// For each key, the slot of its chain's head in `heads`.
    index: FxHashMap<String, usize>,
    /// Each chain's latest item.
    heads: Vec<usize>,
    /// The items (`None` once replaced), each with the item before it in
    /// its chain.
    items: Vec<(Option<T>, usize)>,
    len: usize,
}

/// The end of a chain.
const NONE: usize = usize::MAX;

impl<T> Default for Buckets<T> {
    fn default() -> Buckets<T> {
        Buckets { index: FxHashMap::default(), heads: Vec::new(), items: Vec::new(), len: 0 }
    }
}

impl<T> Buckets<T> {
    /// Adds `item` under `key`; returns its place, for `forget`.
    pub(super) fn put(&mut self, key: String, item: T) -> usize {
        let next = self.index.len();
        let at = *self.index.entry(key).or_insert(next);
        if at == self.heads.len() {
            self.heads.push(NONE);
        }
        self.items.push((Some(item), self.heads[at]));
        self.heads[at] = self.items.len() - 1;
        self.len += 1;
        self.items.len() - 1
    }

    /// Takes out the item `put` placed at `place`.
    pub(super) fn forget(&mut self, place: usize) {
        if self.items[place].0.take().is_some() {
            self.len -= 1;
        }
    }

    /// The items of `key`, the latest first.
    pub(super) fn get(&self, key: &str) -> impl Iterator<Item = &T> {
        let mut next = self.index.get(key).map_or(NONE, |&at| self.heads[at]);
        std::iter::from_fn(move || loop {
            let (item, before) = self.items.get(next)?;
            next = *before;
            if let Some(item) = item {
                return Some(item);
            }
        })
    }

    pub(super) fn reserve(&mut self, items: usize) {
        self.index.reserve(items);
        self.items.reserve(items);
    }

    /// Every item, in no set order.
    pub(super) fn all(&self) -> impl Iterator<Item = &T> {
        self.items.iter().filter_map(|(item, _)| item.as_ref())
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len == 0
    }
}
