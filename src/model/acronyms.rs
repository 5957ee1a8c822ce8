//! Acronyms and the long forms they abbreviate, found in the document
//! itself: "la Commission nationale de contrôle des techniques de
//! renseignement (CNCTR)". The long form's words become one name however
//! many lower-case words it holds, and every mention of the acronym in
//! the document is known to stand for a name.

use crate::doc::Doc;
use rustc_hash::FxHashSet;

/// The token is written like an acronym: two to eight letters, all
/// capitals ("ANSM", "G7", "AT&T").
pub(crate) const SHAPED: u8 = 1;
/// The document defines it beside a long form whose initials spell it.
pub(crate) const DEFINED: u8 = 2;
/// The document writes it in parentheses after other words at least once.
pub(crate) const IN_PARENTHESES: u8 = 4;

/// Where a token stands in a long form: none, its first word, a middle
/// word, its last word.
pub(crate) const LONG_FORM_PARTS: usize = 4;

/// Per token: its acronym code (bits above, 0 for a word that is not
/// written like an acronym) and its part of a long form (0 none, 1 first,
/// 2 middle, 3 last).
pub(crate) struct Acronyms {
    pub code: Vec<u8>,
    pub long_form: Vec<u8>,
}

/// Words a long form may hold without giving a letter to its acronym.
const LINKS: &[&str] =
    &["de", "du", "des", "d'", "la", "le", "les", "l'", "et", "pour", "a", "au", "aux", "en", "sur", "of", "the", "and", "for", "on", "in", "to"];

/// The longest run of words a long form may have.
const LONGEST: usize = 14;

pub(crate) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

impl Acronyms {
    pub(crate) fn find(doc: &Doc, sentence_end: &[usize]) -> Acronyms {
        let n = doc.tokens.len();
        let mut long_form = vec![0u8; n];
        let mut defined: FxHashSet<&str> = FxHashSet::default();
        let mut bracketed: FxHashSet<&str> = FxHashSet::default();
        for a in 2..n.saturating_sub(1) {
            let abbreviation = doc.raw(a);
            let wrapped = doc.raw(a - 1) == "(" && doc.raw(a + 1) == ")" && sentence_end[a - 2] == sentence_end[a];
            if !wrapped || !is_acronym(abbreviation) {
                continue;
            }
            bracketed.insert(doc.word(a));
            if let Some(start) = long_form_start(doc, a - 1, abbreviation, sentence_end) {
                defined.insert(doc.word(a));
                let last = a - 2;
                for (k, part) in long_form[start..=last].iter_mut().enumerate() {
                    *part = if k == 0 {
                        1
                    } else if start + k == last {
                        3
                    } else {
                        2
                    };
                }
            }
        }
        let code = (0..n)
            .map(|i| {
                if !doc.is_word(i) || !is_acronym(doc.raw(i)) {
                    return 0;
                }
                let w = doc.word(i);
                SHAPED | if defined.contains(w) { DEFINED } else { 0 } | if bracketed.contains(w) { IN_PARENTHESES } else { 0 }
            })
            .collect();
        Acronyms { code, long_form }
    }
}

/// The first token of the words before `open` (a parenthesis) whose
/// initials spell `abbreviation`, reading back over linking words; the
/// long form starts with a capital.
fn long_form_start(doc: &Doc, open: usize, abbreviation: &str, sentence_end: &[usize]) -> Option<usize> {
    let letters: Vec<char> = abbreviation.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    let mut left = letters.len();
    let mut j = open;
    let mut words = 0;
    while j > 0 && left > 0 && words < LONGEST {
        j -= 1;
        if sentence_end[j] != sentence_end[open] || !doc.is_word(j) {
            return None;
        }
        words += 1;
        let word = doc.word(j);
        if doc.is_lower(j) && LINKS.contains(&word) {
            continue;
        }
        // Letters of the abbreviation may come from one word ("Inserm") or
        // each from its own: this reads one letter a word.
        if !word.starts_with(letters[left - 1]) {
            return None;
        }
        left -= 1;
    }
    (left == 0 && doc.is_capitalised(j)).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_forms(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let ends: Vec<usize> = {
            let mut e = vec![0; doc.tokens.len()];
            for s in doc.sentences.iter() {
                e[s.clone()].fill(s.end);
            }
            e
        };
        let found = Acronyms::find(&doc, &ends);
        let mut out = Vec::new();
        let mut start = None;
        for (i, &p) in found.long_form.iter().enumerate() {
            match p {
                1 => start = Some(i),
                3 => out.push(text[doc.tokens[start.take().expect("a first word")].start..doc.tokens[i].end].to_string()),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn long_forms_are_found_by_their_initials() {
        let cases: &[(&str, &[&str])] = &[
            (
                "La Commission nationale de contrôle des techniques de renseignement (CNCTR) a rendu son avis.",
                &["Commission nationale de contrôle des techniques de renseignement"],
            ),
            ("selon l'Agence nationale de sécurité du médicament (ANSM), jeudi", &["Agence nationale de sécurité du médicament"]),
            ("the World Health Organization (WHO) said", &["World Health Organization"]),
            ("une nouvelle règle (PDG) sans rapport", &[]),
            ("il a dit (ANSM) rien", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(long_forms(text), *want, "{text}");
        }
    }

    #[test]
    fn every_mention_of_a_defined_acronym_is_marked() {
        let doc = Doc::new("L'Autorité des marchés financiers (AMF) enquête. L'AMF a saisi la CGT.");
        let ends = vec![doc.tokens.len(); doc.tokens.len()];
        let found = Acronyms::find(&doc, &ends);
        let code_of = |w: &str| found.code[(0..doc.tokens.len()).rev().find(|&i| doc.raw(i) == w).unwrap()];
        assert_eq!(code_of("AMF"), SHAPED | DEFINED | IN_PARENTHESES);
        assert_eq!(code_of("CGT"), SHAPED);
        assert_eq!(code_of("a"), 0);
    }
}
