//! What a model knows of words beyond its weights: how each word is usually
//! written (the capitalisation prior), its cluster, and the gazetteers.

use crate::doc::Doc;
use crate::error::{Error, ErrorKind};
use crate::text::{fold_into, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};

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

/// A gazetteer compiled into the crate: a name and one entry per line.
pub(crate) struct List {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! gazetteer {
    ($file:literal) => {
        List { name: $file, text: include_str!(concat!("../../models/gazetteers/", $file)) }
    };
}

/// The gazetteers every model reads, in feature order (at most `MAX_LISTS`):
/// any change changes the features, so models must be retrained. See
/// `models/gazetteers/README.md` for their sources and licences.
pub(crate) const GAZETTEERS: &[List] = &[
    gazetteer!("hand.places.txt"),
    gazetteer!("hand.organisations.txt"),
    gazetteer!("hand.first_names.txt"),
    gazetteer!("hand.person_titles.txt"),
    gazetteer!("loc.countries.txt"),
    gazetteer!("loc.continents.txt"),
    gazetteer!("loc.regions.txt"),
    gazetteer!("loc.cities.txt"),
    gazetteer!("loc.towns.txt"),
    gazetteer!("misc.demonyms.txt"),
    gazetteer!("per.first_names.txt"),
    gazetteer!("per.surnames.txt"),
    gazetteer!("org.companies.txt"),
    gazetteer!("org.suffixes.txt"),
    gazetteer!("org.media.txt"),
    gazetteer!("org.institutions.txt"),
    gazetteer!("org.heads.txt"),
];

/// The curated lists whose entries newslens marks even where the model does
/// not (an entity ruler, as spaCy calls it): (index in GAZETTEERS, label).
/// They hold names frequent in French and English news, written by hand.
pub(crate) const CURATED: &[(usize, crate::entity::Label)] =
    &[(0, crate::entity::Label::Loc), (1, crate::entity::Label::Org), (14, crate::entity::Label::Org), (15, crate::entity::Label::Org)];

/// Phrases from every gazetteer, keyed by the 64-bit hash of their folded
/// tokens joined by spaces (100,000 strings would cost as many allocations
/// at every start; two of 100,000 keys share a hash with odds of one in ten
/// billion), each with the lists that hold it.
pub(crate) struct Gazetteers {
    phrases: FxHashMap<u64, Lists>,
    /// Every proper prefix of a phrase, so a lookup stops as soon as no
    /// phrase can follow.
    prefixes: FxHashSet<u64>,
}

fn key_hash(key: &str) -> u64 {
    super::hash::feature(0, 0, key.as_bytes(), b"")
}

#[derive(Clone, Copy, Default)]
struct Lists {
    /// Bit `l`: list `l` holds the phrase.
    any_case: u32,
    /// Bit `l`: list `l` holds it in capitals only ("UN"), so that it
    /// matches text in capitals only (not the French article "Un").
    capitals: u32,
}

impl Gazetteers {
    pub(crate) fn new(lists: &[List]) -> Result<Gazetteers, Error> {
        assert!(lists.len() <= MAX_LISTS, "gazetteer bits hold {MAX_LISTS} lists of 4 parts");
        // Built at every start: most entries are one plain word, folded
        // without running the tokenizer, into one reused buffer.
        let total = lists.iter().map(|l| l.text.len() / 8).sum();
        let mut phrases: FxHashMap<u64, Lists> = FxHashMap::with_capacity_and_hasher(total, Default::default());
        let mut prefixes = FxHashSet::default();
        let mut tokens = Vec::new();
        let mut key = String::new();
        for (l, list) in lists.iter().enumerate() {
            for (line, entry) in entries(list)? {
                key.clear();
                if entry.chars().all(char::is_alphabetic) {
                    fold_into(entry, &mut key);
                } else {
                    tokenize(entry, &mut tokens);
                    if tokens.is_empty() {
                        return Err(Error::new(ErrorKind::WordList { list: list.name, line, reason: "no word".into() }));
                    }
                    for (n, t) in tokens.iter().enumerate() {
                        if n > 0 {
                            prefixes.insert(key_hash(&key));
                            key.push(' ');
                        }
                        fold_into(t.text(entry), &mut key);
                    }
                }
                let key = key_hash(&key);
                let lists = phrases.entry(key).or_default();
                if is_all_caps(entry) {
                    lists.capitals |= 1 << l;
                } else {
                    lists.any_case |= 1 << l;
                }
            }
        }
        Ok(Gazetteers { phrases, prefixes })
    }

    /// For each token of `doc`, bit `list * 4 + part` for each list whose
    /// longest phrase starting at a capitalised word or elision covers the token, part
    /// being 0 begin, 1 inside, 2 last, 3 unit (a one-word phrase).
    pub(crate) fn tag(&self, doc: &Doc) -> Vec<GazetteerBits> {
        let n = doc.tokens.len();
        let mut bits: Vec<GazetteerBits> = vec![0; n];
        let mut key = String::new();
        for start in 0..n {
            // A capitalised word, or an elided article that opens a
            // title ("L’Humanité", "L'Express").
            if !doc.raw(start).starts_with(char::is_uppercase) {
                continue;
            }
            key.clear();
            let mut longest = [0usize; MAX_LISTS];
            for end in start + 1..=n {
                if end > start + 1 {
                    if !self.prefixes.contains(&key_hash(&key)) {
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(doc.word(end - 1));
                let Some(lists) = self.phrases.get(&key_hash(&key)) else {
                    continue;
                };
                let raw = &doc.text[doc.tokens[start].start..doc.tokens[end - 1].end];
                let matched = lists.any_case | if is_all_caps(raw) { lists.capitals } else { 0 };
                for (l, len) in longest.iter_mut().enumerate() {
                    if matched & (1 << l) != 0 {
                        *len = end - start;
                    }
                }
            }
            for (l, &len) in longest.iter().enumerate().filter(|(_, &len)| len > 0) {
                for (k, b) in bits[start..start + len].iter_mut().enumerate() {
                    let part = if len == 1 {
                        3
                    } else if k == 0 {
                        0
                    } else if k + 1 == len {
                        2
                    } else {
                        1
                    };
                    *b |= 1 << (l * 4 + part);
                }
            }
        }
        bits
    }

    /// A fingerprint of the lists, which a model records so that it is never
    /// run with gazetteers other than those it was trained with.
    pub(crate) fn signature(lists: &[List]) -> u64 {
        lists.iter().fold(0, |h, l| super::hash::feature(0, 0, &h.to_le_bytes(), l.text.as_bytes()) ^ super::hash::feature(0, 1, l.name.as_bytes(), b""))
    }

    /// The signature of the built-in lists, hashed once (1.2 MB of text)
    /// however many models are loaded.
    pub(crate) fn builtin_signature() -> u64 {
        static SIGNATURE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        *SIGNATURE.get_or_init(|| Gazetteers::signature(GAZETTEERS))
    }
}

/// A list's entries with their line numbers: blank lines and `#` comments
/// skipped, each checked to be a plain name.
fn entries(list: &List) -> Result<Vec<(usize, &'static str)>, Error> {
    let mut out = Vec::new();
    for (n, line) in list.text.lines().enumerate() {
        let entry = line.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        if entry.contains(['\t', '<', '>', '|']) {
            return Err(Error::new(ErrorKind::WordList { list: list.name, line: n + 1, reason: format!("unexpected character in {entry:?}") }));
        }
        out.push((n + 1, entry));
    }
    Ok(out)
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits_of(lists: &[List], text: &str) -> Vec<GazetteerBits> {
        Gazetteers::new(lists).unwrap().tag(&Doc::new(text))
    }

    #[test]
    fn longest_phrase_per_list() {
        let lists = [List { name: "places", text: "Corée\nCorée du Nord\n" }, List { name: "orgs", text: "UN\n" }];
        assert_eq!(bits_of(&lists, "la Corée du Nord"), vec![0, 0b0001, 0b0010, 0b0100]);
        assert_eq!(bits_of(&lists, "Corée du Sud"), vec![0b1000, 0, 0]);
        assert_eq!(bits_of(&lists, "UN Un"), vec![0b1000 << 4, 0]);
        let titles = [List { name: "media", text: "L'Humanité\n" }];
        assert_eq!(bits_of(&titles, "Article L’Humanité"), vec![0, 0b0001, 0b0100]);
    }

    #[test]
    fn bad_entry_is_refused_with_its_line() {
        let lists = [List { name: "bad.txt", text: "# comment\nParis\nLyon\tLOC\n" }];
        let err = Gazetteers::new(&lists).err().unwrap().to_string();
        assert!(err.contains("bad.txt, line 3"), "{err}");
    }

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
