//! Names found once, found again: every capitalised occurrence of a name
//! the document gives elsewhere becomes a mention of it where the tagger
//! left it out; so do the first word of an organisation named "X France"
//! ("Attac France" ... "Attac"), unless a common word ("Radio"), and a
//! person's surname.

use super::lists::{is_common_word, is_country, is_place_word};
use crate::model::features::Context;
use crate::model::tags::{org, per, Name};
use std::hash::{Hash, Hasher};

/// Names longer than this many words are not looked for again.
const LONGEST_PROPAGATED: usize = 8;

/// Every capitalised occurrence of a name found elsewhere in the document
/// becomes a mention of it where the tagger left it out; so do the first
/// word of an organisation named "X France" ("Attac France" ... "Attac"),
/// unless that word is a common one ("Radio"), and a person's surname.
pub(super) fn found_again(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    // Each known name's words and which of them are capitalised: "Les
    // Verts" found does not make "les verts sont mûrs" a name.
    let mut known: Vec<(Vec<(&str, bool)>, usize)> = Vec::new();
    let word = |i: usize| (doc.word(i), doc.is_capitalised(i));
    for (r, t) in names.iter() {
        if r.len() <= LONGEST_PROPAGATED && doc.is_capitalised(r.start) {
            known.push((r.clone().map(word).collect(), *t));
        }
        if *t == org() && r.len() == 2 && is_country(ctx, r.end - 1) && doc.is_capitalised(r.start) && !is_common_word(ctx, r.start) {
            known.push((vec![word(r.start)], *t));
        }
        // A person's surname alone: "Billie Jean King" ... "said King".
        // Not a place's name ("Marie de France"), and never at a sentence's
        // start if a common word (below).
        let surname = r.end - 1;
        if *t == per() && r.len() >= 2 && doc.is_capitalised(surname) && doc.raw(surname).chars().all(char::is_alphabetic) && !is_place_word(ctx, surname) {
            known.push((vec![word(surname)], *t));
        }
    }
    // Longest first, so that "Attac France" is matched before "Attac".
    known.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    known.dedup_by(|a, b| a.0 == b.0);
    // Known names by the hash of their words, so that each capitalised
    // token looks up each length once instead of scanning every name that
    // shares its first word (thousands of "Jean …" in a long text).
    let hash_of = |words: &mut dyn Iterator<Item = (&str, bool)>| {
        let mut h = rustc_hash::FxHasher::default();
        words.for_each(|w| w.hash(&mut h));
        h.finish()
    };
    let mut by_words: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (k, (words, _)) in known.iter().enumerate() {
        by_words.entry(hash_of(&mut words.iter().copied())).or_default().push(k);
    }
    let mut lengths: Vec<usize> = known.iter().map(|(words, _)| words.len()).collect();
    lengths.dedup();
    let matches =
        |i: usize, words: &[(&str, bool)]| ctx.neighbour(i, words.len() as isize - 1).is_some() && words.iter().enumerate().all(|(d, w)| word(i + d) == *w);
    let mut found = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        let hit = doc.is_capitalised(i).then(|| {
            lengths.iter().find_map(|&len| {
                let end = ctx.neighbour(i, len as isize - 1)?;
                let ks = by_words.get(&hash_of(&mut (i..=end).map(word)))?;
                ks.iter().map(|&k| &known[k]).find(|(words, _)| words.len() == len && matches(i, words))
            })
        });
        let hit = hit.flatten();
        match hit {
            // A lone word opening a sentence may be a common word there.
            Some((words, t)) if !(words.len() == 1 && ctx.is_sentence_start(i) && is_common_word(ctx, i)) => {
                let range = i..i + words.len();
                if crate::model::tags::is_free(names, &range) {
                    found.push((range, *t));
                }
                i += words.len();
            }
            _ => i += 1,
        }
    }
    if !found.is_empty() {
        names.extend(found);
        names.sort_by_key(|(r, _)| r.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::tests::after;

    const ORG: usize = 2;

    /// A table's rows: (case, text, the tagger's names, the names after).
    type Cases<'a> = &'a [(&'a str, &'a str, &'a [(&'a str, usize)], &'a [(&'a str, usize)])];

    #[test]
    fn names_found_once_are_found_again_as_written() {
        let cases: Cases = &[
            ("again", "Attac a parlé. Puis Attac a agi.", &[("Attac", ORG)], &[("Attac", ORG), ("Attac", ORG)]),
            ("from a country compound", "Attac France a parlé. Puis Attac a agi.", &[("Attac France", ORG)], &[("Attac France", ORG), ("Attac", ORG)]),
            ("not in lower case", "Les Verts ont gagné. Les verts sont mûrs.", &[("Les Verts", ORG)], &[("Les Verts", ORG)]),
        ];
        for (name, text, tagged, want) in cases {
            assert_eq!(after(found_again, text, tagged), want.to_vec(), "{name}");
        }
    }
}
