//! What a model knows of words beyond its weights: how each word is usually
//! written (the capitalisation prior), its cluster, and the gazetteers.

use rustc_hash::FxHashMap;

/// How a word is written in running text, away from sentence starts,
/// counted over the training corpora's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum CapsPrior {
    #[default]
    Unseen = 0,
    /// Over 95% of its occurrences in lower case: a common word.
    Lower = 1,
    MostlyLower = 2,
    Mixed = 3,
    MostlyCapitalised = 4,
    /// Over 95% capitalised: a name.
    Capitalised = 5,
}

impl CapsPrior {
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_counts(lower: u32, capitalised: u32) -> CapsPrior {
        let total = lower + capitalised;
        if total == 0 {
            return CapsPrior::Unseen;
        }
        CapsPrior::from_lower_share(f64::from(lower) / f64::from(total))
    }

    /// The prior of a word written in lower case `share` of the time.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_lower_share(share: f64) -> CapsPrior {
        match share {
            r if r > 0.95 => CapsPrior::Lower,
            r if r > 0.6 => CapsPrior::MostlyLower,
            r if r >= 0.4 => CapsPrior::Mixed,
            r if r >= 0.05 => CapsPrior::MostlyCapitalised,
            _ => CapsPrior::Capitalised,
        }
    }

    pub(crate) fn from_u8(v: u8) -> Option<CapsPrior> {
        [CapsPrior::Unseen, CapsPrior::Lower, CapsPrior::MostlyLower, CapsPrior::Mixed, CapsPrior::MostlyCapitalised, CapsPrior::Capitalised]
            .get(usize::from(v))
            .copied()
    }
}

/// How many clusterings of the vocabulary a model has, coarse to fine.
pub(crate) const CLUSTERINGS: usize = 3;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    pub caps: CapsPrior,
    /// The word's class in each clustering, from 1; 0 for none.
    pub clusters: [u16; CLUSTERINGS],
    /// What large modern corpora say of the word (see `models/words/`).
    pub web: WebInfo,
}

/// A word as large modern corpora know it: derived at build time from
/// pretrained word vectors and word frequencies, so that a model knows the
/// organisations, media and words of today's news beyond its training text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WebInfo {
    /// How the word is written in web text.
    pub caps: CapsPrior,
    /// Its frequency, as a Zipf value (log10 of uses per billion words)
    /// rounded down; 0 for a word these corpora do not know.
    pub zipf: u8,
    /// Its class in each clustering of the word vectors, from 1; 0 for none.
    pub clusters: [u16; CLUSTERINGS],
}

/// Gazetteer matches of one token: bit `list * 4 + part`.
pub(crate) type GazetteerBits = u128;

/// How many lists fit the bits.
pub(crate) const MAX_LISTS: usize = GazetteerBits::BITS as usize / 4;

/// Word fold key → what the model knows of it, as training builds it.
pub(crate) type WordTable = FxHashMap<String, WordInfo>;

/// Word fold key → what the model knows of it, as tagging reads it: keyed
/// by a 64-bit SipHash of the key, so that a model's 90,000 words cost no
/// string each (a tenth of the memory of a run). Not the feature hash:
/// its FxHash mixing lets close words collide ("organisme", "organiser"),
/// and a lookup must give exactly what the table holds. The index is built
/// when a model loads, so the hash need not be the same across builds.
#[derive(Default)]
pub(crate) struct WordIndex(FxHashMap<u64, WordInfo>);

impl WordIndex {
    pub(crate) fn with_capacity(n: usize) -> WordIndex {
        WordIndex(FxHashMap::with_capacity_and_hasher(n, Default::default()))
    }

    pub(crate) fn insert(&mut self, key: &str, info: WordInfo) {
        self.0.insert(word_key(key), info);
    }

    pub(crate) fn get(&self, key: &str) -> Option<&WordInfo> {
        self.0.get(&word_key(key))
    }
}

fn word_key(key: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(key.as_bytes());
    h.finish()
}

impl From<&WordTable> for WordIndex {
    fn from(table: &WordTable) -> WordIndex {
        let mut index = WordIndex::with_capacity(table.len());
        for (key, info) in table {
            index.insert(key, *info);
        }
        index
    }
}

mod gazetteers;
// The lists and their compiler: build.rs compiles the built-in lists with
// it, and tests other lists; the engine itself only reads tables.
#[cfg_attr(not(test), allow(dead_code))]
mod phrases;

pub(crate) use gazetteers::{Gazetteers, CURATED};
#[cfg(test)]
pub(crate) use phrases::{List, GAZETTEERS};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_index_tells_close_words_apart() {
        // Pairs on which the feature hash collides.
        let pairs = [("organisme", "organiser"), ("educatifs", "educative"), ("saint-leu", "saint-luc")];
        let mut table = WordTable::default();
        let info = |zipf: usize| WordInfo { web: WebInfo { zipf: zipf as u8, ..WebInfo::default() }, ..WordInfo::default() };
        for (k, (a, b)) in pairs.iter().enumerate() {
            table.insert(a.to_string(), info(2 * k));
            table.insert(b.to_string(), info(2 * k + 1));
        }
        let index = WordIndex::from(&table);
        for (key, info) in &table {
            assert_eq!(index.get(key), Some(info), "{key}");
        }
        assert_eq!(index.get("absent"), None);
    }

    #[test]
    fn caps_prior_buckets() {
        assert_eq!(CapsPrior::from_counts(0, 0), CapsPrior::Unseen);
        assert_eq!(CapsPrior::from_counts(99, 1), CapsPrior::Lower);
        assert_eq!(CapsPrior::from_counts(1, 99), CapsPrior::Capitalised);
        assert_eq!(CapsPrior::from_counts(5, 5), CapsPrior::Mixed);
    }
}
