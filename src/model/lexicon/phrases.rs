//! The gazetteers, and their phrases compiled into one sorted table of
//! hashes. The build script compiles the built-in lists with this very
//! file (it includes it, with `text` and `model::hash`), so that the engine
//! starts without folding 120,000 lines: it reads the table where it lies
//! (`gazetteers`). Tests compile other lists the same way at run time.
//!
//! The table, numbers little-endian:
//! ```text
//! u64                     the lists' signature (see `signature`)
//! u32 n, u32 p            how many keys, how many distinct sets of lists
//! (BUCKETS + 1) × u32     index of the first key of each bucket (a key's
//!                         top BUCKET_BITS bits), then n
//! n × u64                 the keys, sorted: hashes of folded phrases and
//!                         of their proper prefixes (see `key_hash`)
//! n × u16                 per key: bit 15 when it is a proper prefix of a
//!                         phrase, the rest an index into the sets
//! p × (u32, u32)          sets of lists: which hold the phrase in any
//!                         case, which in capitals only (bit l: list l)
//! ```

use crate::model::hash::feature;
use crate::text::{fold_into, tokenize};

/// A gazetteer compiled into the crate: a name and one entry per line.
pub(crate) struct List {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! gazetteer {
    ($file:literal) => {
        List { name: $file, text: include_str!(concat!("../../../models/gazetteers/", $file)) }
    };
}

macro_rules! gazetteers {
    ($($file:literal),* $(,)?) => {
        /// The gazetteers every model reads, in feature order (at most 32):
        /// any change changes the features, so models must be retrained. See
        /// `models/gazetteers/README.md` for their sources and licences.
        pub(crate) const GAZETTEERS: &[List] = &[$(gazetteer!($file)),*];
        /// Their file names, in the same order, without their text: how the
        /// rules (`model::rules`) name a list.
        pub(crate) const LIST_FILES: &[&str] = &[$($file),*];
    };
}

gazetteers!(
    "hand.places.txt",
    "hand.organisations.txt",
    "hand.first_names.txt",
    "hand.person_titles.txt",
    "loc.countries.txt",
    "loc.continents.txt",
    "loc.regions.txt",
    "loc.cities.txt",
    "loc.towns.txt",
    "misc.demonyms.txt",
    "per.first_names.txt",
    "per.surnames.txt",
    "org.companies.txt",
    "org.suffixes.txt",
    "org.media.txt",
    "org.institutions.txt",
    "org.heads.txt",
);

/// Keys are bucketed by their top bits, so that a lookup searches a few
/// dozen keys, not all.
const BUCKET_BITS: u32 = 12;
const BUCKETS: usize = 1 << BUCKET_BITS;
/// Where the buckets start in a table.
const HEADER: usize = 16;
/// The value bit of a key that is a proper prefix of a phrase.
pub(crate) const PREFIX: u16 = 1 << 15;

/// A line of a list that is no plain name: an error of the build, since
/// the build compiles the lists.
#[derive(Debug)]
pub(crate) struct BadEntry {
    pub list: &'static str,
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for BadEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "word list {}, line {}: {}", self.list, self.line, self.reason)
    }
}

/// The hash a phrase is looked up by: its folded tokens joined by spaces
/// (100,000 strings would cost as many allocations; two of 100,000 keys
/// share a hash with odds of one in ten billion).
pub(crate) fn key_hash(key: &str) -> u64 {
    feature(0, 0, key.as_bytes(), b"")
}

/// Letters in capitals only ("UN", not the French article "Un").
pub(crate) fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// A fingerprint of the lists, which a model records so that it is never
/// run with gazetteers other than those it was trained with.
pub(crate) fn signature(lists: &[List]) -> u64 {
    lists.iter().fold(0, |h, l| feature(0, 0, &h.to_le_bytes(), l.text.as_bytes()) ^ feature(0, 1, l.name.as_bytes(), b""))
}

/// One key as the lists give it: a phrase of some lists, or a prefix.
struct Key {
    hash: u64,
    any_case: u32,
    capitals: u32,
    prefix: bool,
}

/// Compiles `lists` (at most 32) into a table.
pub(crate) fn compile(lists: &[List]) -> Result<Vec<u8>, BadEntry> {
    assert!(lists.len() <= 32, "a set of lists is 32 bits");
    let mut keys = Vec::new();
    let mut tokens = Vec::new();
    let mut key = String::new();
    for (l, list) in lists.iter().enumerate() {
        for (line, entry) in entries(list)? {
            key.clear();
            // Most entries are one plain word: folded without the tokenizer.
            if entry.chars().all(char::is_alphabetic) {
                fold_into(entry, &mut key);
            } else {
                tokenize(entry, &mut tokens);
                if tokens.is_empty() {
                    return Err(BadEntry { list: list.name, line, reason: "no word".into() });
                }
                for (n, t) in tokens.iter().enumerate() {
                    if n > 0 {
                        keys.push(Key { hash: key_hash(&key), any_case: 0, capitals: 0, prefix: true });
                        key.push(' ');
                    }
                    fold_into(t.text(entry), &mut key);
                }
            }
            let (any_case, capitals) = if is_all_caps(entry) { (0, 1 << l) } else { (1 << l, 0) };
            keys.push(Key { hash: key_hash(&key), any_case, capitals, prefix: false });
        }
    }
    keys.sort_unstable_by_key(|k| k.hash);
    keys.dedup_by(|k, kept| {
        let same = k.hash == kept.hash;
        if same {
            kept.any_case |= k.any_case;
            kept.capitals |= k.capitals;
            kept.prefix |= k.prefix;
        }
        same
    });
    Ok(write(&keys, signature(lists)))
}

fn write(keys: &[Key], signature: u64) -> Vec<u8> {
    // Sets numbered in order of first use: the same lists, the same table.
    let mut sets: Vec<(u32, u32)> = Vec::new();
    let mut numbers = std::collections::HashMap::new();
    let values: Vec<u16> = keys
        .iter()
        .map(|k| {
            let set = (k.any_case, k.capitals);
            let index = *numbers.entry(set).or_insert_with(|| {
                sets.push(set);
                sets.len() - 1
            });
            assert!(index < usize::from(PREFIX), "too many sets of lists");
            index as u16 | if k.prefix { PREFIX } else { 0 }
        })
        .collect();
    let mut out = Vec::with_capacity(HEADER + 4 * (BUCKETS + 1) + 10 * keys.len() + 8 * sets.len());
    out.extend_from_slice(&signature.to_le_bytes());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    out.extend_from_slice(&(sets.len() as u32).to_le_bytes());
    let mut first = 0;
    for bucket in 0..=BUCKETS {
        while first < keys.len() && bucket_of(keys[first].hash) < bucket {
            first += 1;
        }
        out.extend_from_slice(&(first as u32).to_le_bytes());
    }
    out.extend(keys.iter().flat_map(|k| k.hash.to_le_bytes()));
    out.extend(values.iter().flat_map(|v| v.to_le_bytes()));
    out.extend(sets.iter().flat_map(|&(a, c)| [a.to_le_bytes(), c.to_le_bytes()]).flatten());
    out
}

/// The bucket of a key.
pub(crate) fn bucket_of(hash: u64) -> usize {
    (hash >> (64 - BUCKET_BITS)) as usize
}

/// Where the parts of a table lie, so that it is read where it is.
pub(crate) struct Layout {
    keys: usize,
    values: usize,
    sets: usize,
}

impl Layout {
    /// The layout of `table`, as `compile` wrote it.
    pub(crate) fn of(table: &[u8]) -> Layout {
        let n = u32_at(table, 8) as usize;
        let keys = HEADER + 4 * (BUCKETS + 1);
        Layout { keys, values: keys + 8 * n, sets: keys + 10 * n }
    }

    /// The signature of the lists `table` was compiled from.
    pub(crate) fn signature(table: &[u8]) -> u64 {
        u64::from_le_bytes(table[..8].try_into().expect("8 bytes"))
    }

    /// The indices of the keys of bucket `b`.
    pub(crate) fn bucket(&self, table: &[u8], b: usize) -> (usize, usize) {
        (u32_at(table, HEADER + 4 * b) as usize, u32_at(table, HEADER + 4 * b + 4) as usize)
    }

    /// Key `i`.
    pub(crate) fn key(&self, table: &[u8], i: usize) -> u64 {
        let at = self.keys + 8 * i;
        u64::from_le_bytes(table[at..at + 8].try_into().expect("8 bytes"))
    }

    /// The value of key `i`: `PREFIX`, and the index of its set of lists.
    pub(crate) fn value(&self, table: &[u8], i: usize) -> u16 {
        let at = self.values + 2 * i;
        u16::from_le_bytes([table[at], table[at + 1]])
    }

    /// Set of lists `s`: (any case, capitals only).
    pub(crate) fn set(&self, table: &[u8], s: u16) -> (u32, u32) {
        let at = self.sets + 8 * usize::from(s);
        (u32_at(table, at), u32_at(table, at + 4))
    }
}

fn u32_at(table: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(table[at..at + 4].try_into().expect("4 bytes"))
}

/// A list's entries with their line numbers: blank lines and `#` comments
/// skipped, each checked to be a plain name.
fn entries(list: &List) -> Result<Vec<(usize, &'static str)>, BadEntry> {
    let mut out = Vec::new();
    for (n, line) in list.text.lines().enumerate() {
        let entry = line.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        if entry.contains(['\t', '<', '>', '|']) {
            return Err(BadEntry { list: list.name, line: n + 1, reason: format!("unexpected character in {entry:?}") });
        }
        out.push((n + 1, entry));
    }
    Ok(out)
}
