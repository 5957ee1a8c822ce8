//! The word lists behind the rule-based name finder, parsed once when the
//! extractor is built.

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
    phrases: HashMap<String, Label>,
    longest: usize,
}

impl Gazetteer {
    pub(crate) fn add(&mut self, list: &List, label: Label) -> Result<(), Error> {
        let mut tokens = Vec::new();
        for entry in entries(list)? {
            tokenize(entry, &mut tokens);
            let key = tokens.iter().map(|t| fold_key(t.text(entry))).collect::<Vec<_>>().join(" ");
            self.longest = self.longest.max(tokens.len());
            self.phrases.entry(key).or_insert(label);
        }
        Ok(())
    }

    /// The longest phrase starting at token `start` of `folded` (token fold
    /// keys), as its token count and label.
    pub(crate) fn longest_at(&self, folded: &[&str], start: usize) -> Option<(usize, Label)> {
        let mut key = String::new();
        let mut best = None;
        for (n, word) in folded[start..].iter().take(self.longest).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(word);
            if let Some(&label) = self.phrases.get(&key) {
                best = Some((n + 1, label));
            }
        }
        best
    }
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
        let words = ["coree", "du", "nord", "et"];
        assert_eq!(g.longest_at(&words, 0), Some((3, Label::Loc)));
        assert_eq!(g.longest_at(&["coree", "du", "sud"], 0), Some((1, Label::Loc)));
        assert_eq!(g.longest_at(&words, 1), None);
    }
}
