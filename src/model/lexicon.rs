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

mod gazetteers;
// The lists and their compiler: build.rs compiles the built-in lists with
// it, and tests other lists; the engine itself only reads tables.
#[cfg_attr(not(test), allow(dead_code))]
mod phrases;

mod words;

pub(crate) use gazetteers::{Gazetteers, CURATED};
#[cfg(test)]
pub(crate) use phrases::{List, GAZETTEERS};
pub(crate) use words::WordIndex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_prior_buckets() {
        assert_eq!(CapsPrior::from_counts(0, 0), CapsPrior::Unseen);
        assert_eq!(CapsPrior::from_counts(99, 1), CapsPrior::Lower);
        assert_eq!(CapsPrior::from_counts(1, 99), CapsPrior::Capitalised);
        assert_eq!(CapsPrior::from_counts(5, 5), CapsPrior::Mixed);
    }
}
