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
    /// What a first model found the word to be across millions of words of
    /// news (see `NewsPrior`).
    pub news: NewsPrior,
}

impl WordInfo {
    /// Whether the web (or, where it does not say, the training text)
    /// mostly writes the word in lower case: a common word, capitalised or
    /// not where it stands.
    pub(crate) fn is_common(&self) -> bool {
        let caps = if self.web.caps == CapsPrior::Unseen { self.caps } else { self.web.caps };
        matches!(caps, CapsPrior::Lower | CapsPrior::MostlyLower)
    }
}

/// What the word usually is in news, as a first model read it across
/// millions of words of raw news (its capitalised occurrences: inside a
/// person's, a place's, an organisation's or another name, or in none),
/// folded into a class and how sure: 0 for a word seen too seldom.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NewsPrior(pub u8);

impl NewsPrior {
    /// The classes: the four named types, then no name.
    pub(crate) const CLASSES: usize = 5;
    /// Capitalised occurrences below which a word has no prior.
    #[cfg(any(test, feature = "train"))]
    pub(crate) const MIN_SEEN: u32 = 3;

    /// The prior of a word counted `counts` times in each class.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_counts(counts: &[u32; NewsPrior::CLASSES]) -> NewsPrior {
        let total: u32 = counts.iter().sum();
        if total < NewsPrior::MIN_SEEN {
            return NewsPrior(0);
        }
        let (class, &best) = counts.iter().enumerate().max_by_key(|&(k, &c)| (c, std::cmp::Reverse(k))).expect("five classes");
        let share = f64::from(best) / f64::from(total);
        let sure = match share {
            s if s >= 0.9 => 2,
            s if s >= 0.7 => 1,
            _ => 0,
        };
        NewsPrior(1 + 3 * class as u8 + sure)
    }

    /// Whether the byte is a prior `from_counts` can give.
    pub(crate) fn is_valid(code: u8) -> bool {
        usize::from(code) <= 3 * NewsPrior::CLASSES
    }
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

pub(crate) use gazetteers::Gazetteers;
pub(crate) use phrases::LIST_FILES;
#[cfg(test)]
pub(crate) use phrases::{List, GAZETTEERS};

/// The index of the gazetteer whose file is `name`, found at compile time:
/// a list named in code that the lists do not hold fails the build.
pub(crate) const fn list_index(name: &str) -> usize {
    let mut k = 0;
    while k < LIST_FILES.len() {
        let (a, b) = (LIST_FILES[k].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut i = 0;
            while i < a.len() && a[i] == b[i] {
                i += 1;
            }
            if i == a.len() {
                return k;
            }
        }
        k += 1;
    }
    panic!("no such gazetteer")
}
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

    #[test]
    fn news_prior_codes() {
        // (counts PER LOC ORG MISC none, code): too few, then the class and
        // how sure.
        let cases = [([1, 1, 0, 0, 0], 0), ([0, 9, 1, 0, 0], 1 + 3 + 2), ([0, 0, 7, 3, 0], 1 + 6 + 1), ([5, 0, 0, 0, 5], 1), ([0, 0, 0, 0, 4], 1 + 12 + 2)];
        for (counts, code) in cases {
            assert_eq!(NewsPrior::from_counts(&counts), NewsPrior(code), "{counts:?}");
            assert!(NewsPrior::is_valid(code));
        }
        assert!(!NewsPrior::is_valid(16));
    }
}
