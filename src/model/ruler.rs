//! Names from the curated lists (an entity ruler, as spaCy calls it), and
//! names the document gives once found wherever it writes them again:
//! what `patterns` adds that depends on what was found, not on a form.

use super::features::Context;
use super::lexicon::CURATED;
use super::one_type::Name;
use super::patterns::{is_common_word, is_free, org, overlapping, per, put};
use super::places::{is_country, is_place_word};
use super::tags::type_index;
use crate::entity::Label;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// A curated list's match stands where the model found nothing, or only
/// shorter names inside it ("Figaro" in "Le Figaro") or names of a type it
/// does not report. Where the model read the same words as a name, its type
/// stands: the registry-built lists do not know "CHICAGO" is a team in a
/// results table. The hand-written organisations are the exception: "Quai
/// d'Orsay", "France 2" name the institution and the channel, whatever a
/// tagger that knows the places in them makes of them.
pub(super) fn curated_lists(ctx: &Context, names: &mut Vec<Name>, reported: u8) {
    let mut matches = curated(ctx);
    // Left to right, the longest match first where several start together.
    matches.sort_by_key(|(r, _, _)| (r.start, std::cmp::Reverse(r.end)));
    split_joined(names, &matches);
    let mut added: Vec<Name> = Vec::new();
    for (range, label, list) in matches {
        if added.last().is_some_and(|(r, _)| r.end > range.start) {
            continue;
        }
        // A shorter name inside the match gives way, and so does a name of
        // a type the model does not report, if it lies within the match:
        // never one that holds it ("Tour de France" is no place).
        let inside = |n: &Range<usize>, shorter: bool| range.start <= n.start && n.end <= range.end && (!shorter || n.len() < range.len());
        let overrides = |t: usize| list == HAND_ORGANISATIONS || reported & (1 << t) == 0;
        // A list's lone word opening a sentence, where the tagger saw no
        // name, may be the common word: "Total ( nine wickets )" in a score
        // card is no oil company.
        let lone_common = range.len() == 1 && ctx.is_sentence_start(range.start) && is_common_word(ctx, range.start);
        if lone_common && is_free(names, &range) {
            continue;
        }
        if names[overlapping(names, &range)].iter().all(|(n, t)| inside(n, true) || (overrides(*t) && inside(n, false))) {
            added.push((range, type_index(label).expect("curated lists hold named types")));
        }
    }
    put(names, added);
}

/// A name of the tagger's made of two or more hand-listed organisations
/// side by side, "le groupe Etat islamique Daesh", is those organisations:
/// it is taken out, and the lists' matches stand.
fn split_joined(names: &mut Vec<Name>, matches: &[(Range<usize>, Label, usize)]) {
    let hand: Vec<&Range<usize>> = matches.iter().filter(|(_, _, list)| *list == HAND_ORGANISATIONS).map(|(r, _, _)| r).collect();
    // The longest hand match starting at a token (sorted so: the first).
    let starting_at = |i: usize| hand.get(hand.partition_point(|r| r.start < i)).filter(|r| r.start == i);
    names.retain(|(n, _)| {
        let (mut at, mut parts) = (n.start, 0);
        while let Some(r) = starting_at(at).filter(|r| r.end <= n.end) {
            (at, parts) = (r.end, parts + 1);
        }
        !(at == n.end && parts >= 2)
    });
}

/// The hand-written organisations' list (its index in `GAZETTEERS`).
pub(super) const HAND_ORGANISATIONS: usize = 1;

/// Articles that open names of newspapers and the like in the lists.
const DETERMINERS: &[&str] = &["le", "la", "les", "l'", "the"];

/// The spans that the curated gazetteers match, from the gazetteer bits
/// (part 0 begin, 2 last, 3 unit), each with its list.
fn curated(ctx: &Context) -> Vec<(Range<usize>, Label, usize)> {
    let mut out = Vec::new();
    for &(list, label) in CURATED {
        let mut begin = None;
        for i in 0..ctx.len() {
            let part = ctx.list_part(i, list);
            if part & 0b1000 != 0 {
                out.push((i..i + 1, label, list));
            }
            if part & 0b0001 != 0 {
                begin = Some(i);
            }
            if part & 0b0100 != 0 {
                if let Some(b) = begin.take() {
                    // "Le Monde" is a newspaper, "Le monde" the world.
                    let article_then_common = DETERMINERS.contains(&ctx.doc.word(b)) && ctx.doc.is_lower(b + 1);
                    if !article_then_common {
                        out.push((b..i + 1, label, list));
                    }
                }
            }
        }
    }
    out
}

/// Names longer than this many words are not looked for again.
const LONGEST_PROPAGATED: usize = 8;

/// Every capitalised occurrence of a name found elsewhere in the document
/// becomes a mention of it where the tagger left it out; so do the first
/// word of an organisation named "X France" ("Attac France" ... "Attac"),
/// unless that word is a common one ("Radio"), and a person's surname.
pub(super) fn propagate(ctx: &Context, names: &mut Vec<Name>) {
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
                if is_free(names, &range) {
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
    use crate::model::lexicon::WordIndex;
    use crate::model::patterns::tests::owned;

    const LOC: usize = 1;
    const ORG: usize = 2;
    const MISC: usize = 3;

    fn after(step: impl Fn(&Context, &mut Vec<Name>), text: &str, tagged: &[(&str, usize)]) -> Vec<(String, usize)> {
        crate::model::patterns::tests::names_after(step, text, tagged, &WordIndex::default())
    }

    /// A table's rows: (case, text, the tagger's names, the names after).
    type Cases<'a> = &'a [(&'a str, &'a str, &'a [(&'a str, usize)], &'a [(&'a str, usize)])];

    #[test]
    fn curated_lists_stand_where_the_tagger_leaves_room() {
        let curated = |ctx: &Context, names: &mut Vec<Name>| curated_lists(ctx, names, 0b0111);
        let cases: Cases = &[
            ("nothing found", "Il lit Le Figaro.", &[], &[("Le Figaro", ORG)]),
            ("a shorter name inside", "Il lit Le Figaro.", &[("Figaro", MISC)], &[("Le Figaro", ORG)]),
            ("the tagger's type on the same words", "Er liest die Stuttgarter Zeitung.", &[("Stuttgarter Zeitung", LOC)], &[("Stuttgarter Zeitung", LOC)]),
            ("but the hand list's type", "selon le Quai d'Orsay.", &[("Quai d'Orsay", LOC)], &[("Quai d'Orsay", ORG)]),
            ("two listed names side by side", "le groupe Etat islamique Daesh.", &[("Etat islamique Daesh", ORG)], &[("Etat islamique", ORG), ("Daesh", ORG)]),
            ("an unreported name holding the match", "Il suit le Tour de France.", &[("Tour de France", MISC)], &[("Tour de France", MISC)]),
            ("the world is no newspaper", "Il lit beaucoup. Le monde entier regarde.", &[], &[]),
        ];
        for (name, text, tagged, want) in cases {
            assert_eq!(after(curated, text, tagged), owned(want), "{name}");
        }
    }

    #[test]
    fn names_found_once_are_found_again_as_written() {
        let cases: Cases = &[
            ("again", "Attac a parlé. Puis Attac a agi.", &[("Attac", ORG)], &[("Attac", ORG), ("Attac", ORG)]),
            ("from a country compound", "Attac France a parlé. Puis Attac a agi.", &[("Attac France", ORG)], &[("Attac France", ORG), ("Attac", ORG)]),
            ("not in lower case", "Les Verts ont gagné. Les verts sont mûrs.", &[("Les Verts", ORG)], &[("Les Verts", ORG)]),
        ];
        for (name, text, tagged, want) in cases {
            assert_eq!(after(propagate, text, tagged), owned(want), "{name}");
        }
    }
}
