//! Looking phrases of the gazetteers up in a document, in the table that
//! `phrases` compiles: for the built-in lists, the table `build.rs` wrote,
//! read where it lies in the binary, so that building an extractor costs
//! nothing for their 120,000 lines.

use super::phrases::{bucket_of, is_all_caps, key_hash, Layout, PREFIX};
use super::{GazetteerBits, MAX_LISTS};
use crate::doc::Doc;
use std::borrow::Cow;
use std::cmp::Ordering;

/// The built-in lists' table, compiled by `build.rs` from `GAZETTEERS`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteers.bin"));

/// Phrases from every gazetteer, as a table of the hashes of their folded
/// tokens and of their prefixes (see `phrases` for its layout).
pub(crate) struct Gazetteers {
    table: Cow<'static, [u8]>,
    layout: Layout,
}

/// What the table says of a key: the lists that hold it as a phrase, and
/// whether a longer phrase starts with it.
struct Entry {
    /// Bit `l`: list `l` holds the phrase.
    any_case: u32,
    /// Bit `l`: list `l` holds it in capitals only ("UN"), so that it
    /// matches text in capitals only (not the French article "Un").
    capitals: u32,
    prefix: bool,
}

impl Gazetteers {
    /// The gazetteers of `lists` (at most `MAX_LISTS`), compiled now: for
    /// tests of other lists; the engine reads the built-in ones.
    #[cfg(test)]
    pub(crate) fn new(lists: &[super::List]) -> Result<Gazetteers, super::phrases::BadEntry> {
        assert!(lists.len() <= MAX_LISTS, "gazetteer bits hold {MAX_LISTS} lists of 4 parts");
        Ok(Gazetteers::read(Cow::Owned(super::phrases::compile(lists)?)))
    }

    /// The gazetteers of `GAZETTEERS`, compiled at build time.
    pub(crate) fn builtin() -> Gazetteers {
        Gazetteers::read(Cow::Borrowed(BUILTIN))
    }

    fn read(table: Cow<'static, [u8]>) -> Gazetteers {
        let layout = Layout::of(&table);
        Gazetteers { table, layout }
    }

    /// The signature of the built-in lists (see `phrases::signature`),
    /// hashed at build time.
    pub(crate) fn builtin_signature() -> u64 {
        Layout::signature(BUILTIN)
    }

    /// The entry of key `hash`, if the lists have it: a binary search in
    /// its bucket, a few dozen keys.
    fn get(&self, hash: u64) -> Option<Entry> {
        let (t, layout) = (&self.table[..], &self.layout);
        let (mut lo, mut hi) = layout.bucket(t, bucket_of(hash));
        while lo < hi {
            let mid = (lo + hi) / 2;
            match layout.key(t, mid).cmp(&hash) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => {
                    let value = layout.value(t, mid);
                    let (any_case, capitals) = layout.set(t, value & !PREFIX);
                    return Some(Entry { any_case, capitals, prefix: value & PREFIX != 0 });
                }
            }
        }
        None
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
                    key.push(' ');
                }
                key.push_str(doc.word(end - 1));
                // Neither a phrase nor the start of one: no longer phrase.
                let Some(entry) = self.get(key_hash(&key)) else {
                    break;
                };
                if entry.any_case | entry.capitals != 0 {
                    let raw = &doc.text[doc.tokens[start].start..doc.tokens[end - 1].end];
                    let matched = entry.any_case | if is_all_caps(raw) { entry.capitals } else { 0 };
                    for (l, len) in longest.iter_mut().enumerate() {
                        if matched & (1 << l) != 0 {
                            *len = end - start;
                        }
                    }
                }
                if !entry.prefix {
                    break;
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
}

#[cfg(test)]
mod tests {
    use super::super::{phrases, List, GAZETTEERS};
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
    fn a_phrase_that_is_also_a_prefix_goes_on() {
        // "Nord" is a phrase of one list and the start of another's.
        let lists = [List { name: "a", text: "Nord\n" }, List { name: "b", text: "Nord Stream\n" }];
        assert_eq!(bits_of(&lists, "Nord Stream"), vec![0b1000 | 0b0001 << 4, 0b0100 << 4]);
        assert_eq!(bits_of(&lists, "Nord Sud"), vec![0b1000, 0]);
    }

    #[test]
    fn bad_entry_is_refused_with_its_line() {
        let lists = [List { name: "bad.txt", text: "# comment\nParis\nLyon\tLOC\n" }];
        let err = Gazetteers::new(&lists).err().unwrap().to_string();
        assert!(err.contains("bad.txt, line 3"), "{err}");
    }

    #[test]
    fn the_built_in_table_is_the_lists_compiled() {
        let table = phrases::compile(GAZETTEERS).unwrap();
        assert!(table == BUILTIN, "build.rs wrote another table than GAZETTEERS compile to");
        assert_eq!(Gazetteers::builtin_signature(), phrases::signature(GAZETTEERS));
    }
}
