//! The word lists behind the rule-based name finder, parsed once when the
//! extractor is built.

use crate::doc::Doc;
use crate::entity::Label;
use crate::error::{Error, ErrorKind};
use crate::text::{fold_key, tokenize};
use std::collections::{HashMap, HashSet};

/// A list embedded in the binary: its file name and its text.
pub(crate) struct List {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! list {
    ($file:literal) => {
        List { name: $file, text: include_str!(concat!("lists/", $file)) }
    };
}

pub(crate) const PLACES: List = list!("places.txt");
pub(crate) const ORGANISATIONS: List = list!("organisations.txt");
pub(crate) const FIRST_NAMES: List = list!("first_names.txt");
pub(crate) const PERSON_TITLES: List = list!("person_titles.txt");
pub(crate) const PLACE_CUES: List = list!("place_cues.txt");
pub(crate) const ORGANISATION_CUES: List = list!("organisation_cues.txt");
pub(crate) const COMMON_WORDS_FR: List = list!("common_words.fr.txt");
pub(crate) const COMMON_WORDS_EN: List = list!("common_words.en.txt");

/// The entries of a list: one per line, blank lines and `#` comments
/// skipped, each checked to be a plain name.
fn entries(list: &List) -> Result<impl Iterator<Item = &'static str>, Error> {
    let lines = || list.text.lines().enumerate().map(|(n, l)| (n + 1, l.trim())).filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    for (line, entry) in lines() {
        if entry.contains(['\t', '<', '>', '|']) {
            return Err(Error::new(ErrorKind::WordList { list: list.name, line, reason: format!("unexpected character in {entry:?}") }));
        }
    }
    Ok(lines().map(|(_, l)| l))
}

/// A set of single words, folded.
pub(crate) fn word_set(list: &List) -> Result<HashSet<String>, Error> {
    Ok(entries(list)?.map(fold_key).collect())
}

/// Multi-word names, keyed by their folded tokens joined with spaces, so a
/// lookup can walk the text's tokens.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    phrases: HashMap<String, Phrase>,
    longest: usize,
}

#[derive(Clone, Copy, Debug)]
struct Phrase {
    label: Label,
    /// Listed in capitals ("UN", "EI"): matches only text in capitals, so
    /// that the French article "Un" is not the United Nations.
    acronym: bool,
}

impl Gazetteer {
    pub(crate) fn add(&mut self, list: &List, label: Label) -> Result<(), Error> {
        let mut tokens = Vec::new();
        for entry in entries(list)? {
            tokenize(entry, &mut tokens);
            let key = tokens.iter().map(|t| fold_key(t.text(entry))).collect::<Vec<_>>().join(" ");
            self.longest = self.longest.max(tokens.len());
            let acronym = is_all_caps(entry);
            self.phrases.entry(key).or_insert(Phrase { label, acronym });
        }
        Ok(())
    }

    /// The longest phrase of `doc` starting at token `start` and ending
    /// before token `end`, as its token count and label.
    pub(crate) fn longest_at(&self, doc: &Doc, start: usize, end: usize) -> Option<(usize, Label)> {
        let mut key = String::new();
        let mut best = None;
        for i in start..end.min(start + self.longest) {
            if i > start {
                key.push(' ');
            }
            key.push_str(doc.word(i));
            if let Some(phrase) = self.phrases.get(&key) {
                let raw = &doc.text[doc.tokens[start].start..doc.tokens[i].end];
                if !phrase.acronym || is_all_caps(raw) {
                    best = Some((i + 1 - start, phrase.label));
                }
            }
        }
        best
    }
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses() {
        for list in [PLACES, ORGANISATIONS, FIRST_NAMES, PERSON_TITLES, PLACE_CUES, ORGANISATION_CUES, COMMON_WORDS_FR, COMMON_WORDS_EN] {
            assert!(entries(&list).unwrap().count() > 10, "{} is nearly empty", list.name);
        }
    }

    #[test]
    fn bad_entry_is_refused_with_its_line() {
        let bad = List { name: "bad.txt", text: "# comment\nParis\nLyon\t LOC\n" };
        let err = word_set(&bad).unwrap_err().to_string();
        assert!(err.contains("bad.txt, line 3"), "{err}");
    }

    #[test]
    fn gazetteer_prefers_the_longest_phrase() {
        let mut g = Gazetteer::default();
        g.add(&List { name: "t", text: "Corée\nCorée du Nord\n" }, Label::Loc).unwrap();
        let doc = Doc::new("Corée du Nord et Corée du Sud");
        let n = doc.tokens.len();
        assert_eq!(g.longest_at(&doc, 0, n), Some((3, Label::Loc)));
        assert_eq!(g.longest_at(&doc, 0, 2), Some((1, Label::Loc)), "stops at the end given");
        assert_eq!(g.longest_at(&doc, 4, n), Some((1, Label::Loc)));
        assert_eq!(g.longest_at(&doc, 1, n), None);
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let mut g = Gazetteer::default();
        g.add(&List { name: "t", text: "UN\n" }, Label::Org).unwrap();
        let doc = Doc::new("UN Un un");
        assert_eq!(g.longest_at(&doc, 0, 3), Some((1, Label::Org)));
        assert_eq!(g.longest_at(&doc, 1, 3), None);
    }
}
