//! A model's words as tagging reads them: one buffer of records, rebuilt
//! from the model file's front-coded keys and columns when it loads.

use super::{CapsPrior, NewsPrior, WebInfo, WordInfo, WordTable, CLUSTERINGS};
use std::ops::Range;

impl WordInfo {
    /// The length of its byte form.
    pub(crate) const BYTES: usize = 4 + 4 * CLUSTERINGS;

    /// Where the web caps prior lies in the byte form.
    const WEB: usize = 1 + 2 * CLUSTERINGS;

    /// Where the news prior lies in the byte form: last.
    const NEWS: usize = WordInfo::BYTES - 1;
    /// Its byte form in model files: u8 caps prior, u16 class in each
    /// clustering, u8 web caps prior, u8 web Zipf frequency, u16 vector
    /// class in each clustering, u8 news prior; numbers little-endian.
    pub(crate) fn to_bytes(self) -> [u8; WordInfo::BYTES] {
        let web = WordInfo::WEB;
        let mut out = [0; WordInfo::BYTES];
        out[0] = self.caps as u8;
        out[web] = self.web.caps as u8;
        out[web + 1] = self.web.zipf;
        out[WordInfo::NEWS] = self.news.0;
        for (c, (own, vectors)) in self.clusters.iter().zip(&self.web.clusters).enumerate() {
            out[1 + 2 * c..3 + 2 * c].copy_from_slice(&own.to_le_bytes());
            out[web + 2 + 2 * c..web + 4 + 2 * c].copy_from_slice(&vectors.to_le_bytes());
        }
        out
    }

    /// Reads its byte form; `None` for a caps prior out of range.
    pub(crate) fn from_bytes(b: &[u8; WordInfo::BYTES]) -> Option<WordInfo> {
        let web = WordInfo::WEB;
        let class = |at: usize| u16::from_le_bytes([b[at], b[at + 1]]);
        Some(WordInfo {
            caps: CapsPrior::from_u8(b[0])?,
            clusters: std::array::from_fn(|c| class(1 + 2 * c)),
            web: WebInfo { caps: CapsPrior::from_u8(b[web])?, zipf: b[web + 1], clusters: std::array::from_fn(|c| class(web + 2 + 2 * c)) },
            news: Some(b[WordInfo::NEWS]).filter(|&n| NewsPrior::is_valid(n)).map(NewsPrior)?,
        })
    }

    /// Whether `from_bytes` reads `b`, without reading it.
    pub(crate) fn valid_bytes(b: &[u8; WordInfo::BYTES]) -> bool {
        CapsPrior::from_u8(b[0]).is_some() && CapsPrior::from_u8(b[WordInfo::WEB]).is_some() && NewsPrior::is_valid(b[WordInfo::NEWS])
    }
}

/// Word fold key → what the model knows of it, as tagging reads it. A
/// model's tens of thousands of words cost no string, no hashing and no
/// decoding each when it loads: their records (u8 key length, the key,
/// the `WordInfo` byte form) lie in one buffer, in key order, rebuilt in
/// one pass from the model file, and a lookup is a binary search over
/// where they start.
/// Lookups are few (a tagger caches what it learns of each distinct word),
/// so the search costs less than an index built at every load.
#[derive(Default)]
pub(crate) struct WordIndex {
    records: Vec<u8>,
    /// Where each record starts in `records`, in increasing order of keys.
    starts: Vec<u32>,
}

impl WordIndex {
    /// An index of `records` (see `WordIndex`) that start at `starts`,
    /// `in_order` if their keys increase (as in model files); the caller
    /// has checked them. Of two records with the same key, the last is kept.
    pub(crate) fn from_records(records: Vec<u8>, mut starts: Vec<u32>, in_order: bool) -> WordIndex {
        if !in_order {
            // Stable, so that the last of equal keys ends each run.
            starts.sort_by(|&a, &b| key_at(&records, a).cmp(key_at(&records, b)));
            starts.reverse();
            starts.dedup_by(|later, kept| key_at(&records, *later) == key_at(&records, *kept));
            starts.reverse();
        }
        WordIndex { records, starts }
    }

    /// Adds `key` with its information, or replaces what it had: for tests,
    /// one at a time (training builds the index from a `WordTable`). A key
    /// longer than 255 bytes is not kept, as in model files.
    #[cfg(test)]
    pub(crate) fn insert(&mut self, key: &str, info: WordInfo) {
        let Ok(len) = u8::try_from(key.len()) else {
            return;
        };
        let at = self.records.len() as u32;
        self.records.push(len);
        self.records.extend_from_slice(key.as_bytes());
        self.records.extend_from_slice(&info.to_bytes());
        match self.find(key) {
            Ok(k) => self.starts[k] = at,
            Err(k) => self.starts.insert(k, at),
        }
    }

    /// What the model knows of `key`, if anything.
    pub(crate) fn get(&self, key: &str) -> Option<WordInfo> {
        let start = self.starts[self.find(key).ok()?];
        // Valid: checked when the model was read, or made by `insert`.
        WordInfo::from_bytes(self.records[info_at(&self.records, start)].try_into().expect("a record's information"))
    }

    /// The index in `starts` of `key`'s record, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.starts.binary_search_by(|&start| key_at(&self.records, start).cmp(key.as_bytes()))
    }
}

/// The key of the record at `start`.
fn key_at(records: &[u8], start: u32) -> &[u8] {
    let start = start as usize;
    &records[start + 1..start + 1 + usize::from(records[start])]
}

/// Where the information of the record at `start` lies.
fn info_at(records: &[u8], start: u32) -> Range<usize> {
    let at = start as usize + 1 + usize::from(records[start as usize]);
    at..at + WordInfo::BYTES
}

impl From<&WordTable> for WordIndex {
    fn from(table: &WordTable) -> WordIndex {
        let mut words: Vec<(&String, &WordInfo)> = table.iter().filter(|(key, _)| key.len() < 256).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut records = Vec::new();
        let mut starts = Vec::with_capacity(words.len());
        for (key, info) in words {
            starts.push(records.len() as u32);
            records.push(key.len() as u8);
            records.extend_from_slice(key.as_bytes());
            records.extend_from_slice(&info.to_bytes());
        }
        WordIndex { records, starts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(zipf: usize) -> WordInfo {
        WordInfo { web: WebInfo { zipf: zipf as u8, ..WebInfo::default() }, ..WordInfo::default() }
    }

    #[test]
    fn the_word_index_tells_close_words_apart() {
        // Pairs on which the feature hash collides.
        let pairs = [("organisme", "organiser"), ("educatifs", "educative"), ("saint-leu", "saint-luc")];
        let mut table = WordTable::default();
        for (k, (a, b)) in pairs.iter().enumerate() {
            table.insert(a.to_string(), info(2 * k));
            table.insert(b.to_string(), info(2 * k + 1));
        }
        let index = WordIndex::from(&table);
        for (key, info) in &table {
            assert_eq!(index.get(key), Some(*info), "{key}");
        }
        assert_eq!(index.get("absent"), None);
        assert_eq!(WordIndex::default().get("absent"), None);
    }

    #[test]
    fn keys_that_begin_alike_are_told_apart() {
        // Keys that are the start of others, hold a zero byte or share
        // their first bytes: the search compares whole keys.
        let keys = ["", "a", "ab", "ab\0", "ab\0c", "abc", "abcd", "abcde", "organe", "organisme", "organiser", "é", "ée", "\u{ff}"];
        let mut table = WordTable::default();
        for (k, key) in keys.iter().enumerate() {
            table.insert(key.to_string(), info(k));
        }
        let index = WordIndex::from(&table);
        for (k, key) in keys.iter().enumerate() {
            assert_eq!(index.get(key), Some(info(k)), "{key:?}");
        }
        for absent in ["abcc", "ab\0b", "organis", "organismes", "b", "\u{fe}"] {
            assert_eq!(index.get(absent), None, "{absent:?}");
        }
    }

    #[test]
    fn insert_keeps_order_and_replaces() {
        let mut index = WordIndex::default();
        for k in [5, 3, 9, 1, 7] {
            index.insert(&format!("mot{k}"), info(k));
        }
        index.insert("mot3", info(6));
        index.insert(&"x".repeat(256), info(1));
        assert_eq!(index.starts.len(), 5);
        assert_eq!(index.get("mot3"), Some(info(6)));
        assert_eq!(index.get("mot9"), Some(info(9)));
        assert_eq!(index.get(&"x".repeat(256)), None, "too long to keep");
    }

    #[test]
    fn records_out_of_order_are_sorted_the_last_kept() {
        let mut records = Vec::new();
        let mut starts = Vec::new();
        for (key, zipf) in [("b", 1), ("a", 2), ("b", 3), ("c", 4)] {
            starts.push(records.len() as u32);
            records.push(1);
            records.extend_from_slice(key.as_bytes());
            records.extend_from_slice(&info(zipf).to_bytes());
        }
        let index = WordIndex::from_records(records, starts, false);
        assert_eq!(["a", "b", "c"].map(|k| index.get(k)), [Some(info(2)), Some(info(3)), Some(info(4))]);
    }

    #[test]
    fn byte_form_round_trip() {
        let web = WebInfo { caps: CapsPrior::MostlyCapitalised, zipf: 5, clusters: [1, 2, 0xCAFE] };
        let word = WordInfo { caps: CapsPrior::Capitalised, clusters: [3, 0xBEEF, 9], web, news: super::NewsPrior(7) };
        assert!(WordInfo::valid_bytes(&word.to_bytes()));
        assert_eq!(WordInfo::from_bytes(&word.to_bytes()), Some(word));
        assert!(!WordInfo::valid_bytes(&[6; WordInfo::BYTES]), "caps prior out of range");
        assert_eq!(WordInfo::from_bytes(&[6; WordInfo::BYTES]), None);
    }
}
