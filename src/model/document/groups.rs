//! Which mentions of a document name one entity.

use crate::doc::Doc;
use crate::model::tags::Name;
use crate::model::tags::TYPES;
use crate::text::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The group of each name: names with the same words (case and accents
/// aside) are one entity; so are a lone word and a longer name that ends
/// with it, when that longer name is most often a person ("Macron",
/// "Emmanuel Macron"), and an acronym in parentheses right after a longer
/// name ("Agence nationale de sécurité du médicament (ANSM)").
pub(super) fn groups(doc: &Doc, names: &[Name]) -> Vec<usize> {
    // Words and numbers make the key, and the signs that tell channels
    // apart ("France 2" is not "France", "Canal+" not "Canal").
    let in_key = |i: usize| doc.is_word(i) || doc.tokens[i].kind == TokenKind::Number || matches!(doc.raw(i), "+" | "&");
    let key = |r: &Range<usize>| r.clone().filter(|&i| in_key(i)).map(|i| doc.word(i)).collect::<Vec<_>>().join(" ");
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    let mut group: Vec<usize> = names
        .iter()
        .map(|(r, _)| {
            let next = ids.len();
            *ids.entry(key(r)).or_insert(next)
        })
        .collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    // Surnames: a one-word name that closes a longer person's name, when
    // the tagger read the lone word as a person at least once (not
    // "Jordan" the country beside "Michael Jordan").
    let is_per = |ty: usize| TYPES[ty] == crate::entity::Label::Per;
    let person_alone: FxHashMap<&str, bool> = names.iter().filter(|(r, _)| r.len() == 1).fold(FxHashMap::default(), |mut m, (r, ty)| {
        *m.entry(doc.word(r.start)).or_default() |= is_per(*ty);
        m
    });
    for (r, ty) in names {
        if r.len() > 1 && is_per(*ty) {
            let last = doc.word(r.end - 1);
            if let (Some(&alone), Some(true)) = (ids.get(last), person_alone.get(last)) {
                union(&mut parent, alone, group_of(&ids, &key(r)));
            }
        }
    }
    // Acronyms defined in parentheses: "Long Name (LN)".
    for pair in names.windows(2) {
        let ((long, _), (short, _)) = (&pair[0], &pair[1]);
        let defined = long.len() > 1
            && short.len() == 1
            && short.start == long.end + 1
            && doc.raw(long.end) == "("
            && doc.tokens.get(short.end).is_some_and(|_| doc.raw(short.end) == ")")
            && crate::model::acronyms::is_acronym(doc.raw(short.start));
        if defined {
            union(&mut parent, group_of(&ids, &key(long)), group_of(&ids, &key(short)));
        }
    }
    for g in &mut group {
        *g = find(&mut parent, *g);
    }
    group
}

fn group_of(ids: &FxHashMap<String, usize>, key: &str) -> usize {
    ids[key]
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}
