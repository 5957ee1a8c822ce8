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
    // Acronyms defined in parentheses: "Long Name (LN)". After a person's
    // name, only the person's initials ("John Fitzgerald Kennedy (JFK)"):
    // "Christian Lindner (FDP)" names the person's party.
    for pair in names.windows(2) {
        let ((long, long_type), (short, _)) = (&pair[0], &pair[1]);
        let defined = long.len() > 1
            && short.len() == 1
            && short.start == long.end + 1
            && doc.raw(long.end) == "("
            && doc.tokens.get(short.end).is_some_and(|_| doc.raw(short.end) == ")")
            && crate::model::acronyms::is_acronym(doc.raw(short.start))
            && (!is_per(*long_type) || initials(doc, long) == doc.word(short.start));
        if defined {
            union(&mut parent, group_of(&ids, &key(long)), group_of(&ids, &key(short)));
        }
    }
    for g in &mut group {
        *g = find(&mut parent, *g);
    }
    group
}

/// The first letters of the words of `name`, folded as words are ("jfk").
fn initials(doc: &Doc, name: &Range<usize>) -> String {
    name.clone().filter(|&i| doc.is_word(i)).filter_map(|i| doc.word(i).chars().next()).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::tests::names_of;

    const PER: usize = 0;
    const ORG: usize = 2;

    /// Whether the names at `a` and `b` of `tagged` are one entity.
    fn joined(text: &str, tagged: &[(&str, usize)], a: usize, b: usize) -> bool {
        let doc = Doc::new(text);
        let group = groups(&doc, &names_of(&doc, tagged));
        group[a] == group[b]
    }

    #[test]
    fn an_acronym_in_brackets_joins_the_name_it_abbreviates() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, usize)], bool);
        let cases: &[Case] = &[
            ("an organisation's", "L'Agence nationale du médicament (ANM) a répondu.", &[("Agence nationale du médicament", ORG), ("ANM", ORG)], true),
            ("a person's initials", "John Fitzgerald Kennedy (JFK) spoke.", &[("John Fitzgerald Kennedy", PER), ("JFK", ORG)], true),
            ("a person's party", "Christian Lindner (FDP) sprach.", &[("Christian Lindner", PER), ("FDP", ORG)], false),
            ("a deputy's group", "Le député Jean Dupont (LFI) a parlé.", &[("Jean Dupont", PER), ("LFI", ORG)], false),
        ];
        for &(name, text, tagged, want) in cases {
            assert_eq!(joined(text, tagged, 0, 1), want, "case {name}");
        }
    }
}
