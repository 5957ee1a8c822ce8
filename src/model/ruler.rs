//! Names from the curated lists (an entity ruler, as spaCy calls it), and
//! names the document gives once found wherever it writes them again:
//! what `patterns` adds that depends on what was found, not on a form.

use super::features::Context;
use super::lexicon::CURATED;
use super::one_type::Name;
use super::patterns::{is_common_word, is_country, is_free, org, overlapping};
use super::tags::type_index;
use crate::entity::Label;
use std::ops::Range;

/// A curated list's match stands where the model found nothing, or only
/// shorter names inside it ("Figaro" in "Le Figaro") or names of a type it
/// does not report. Where the model read the same words as a name, its type
/// stands: the lists do not know "CHICAGO" is a team in a results table.
pub(super) fn curated_lists(ctx: &Context, names: &mut Vec<Name>, reported: u8) {
    for (range, label) in curated(ctx) {
        let at = overlapping(names, &range);
        let inside = |n: &Range<usize>| range.start <= n.start && n.end <= range.end && n.len() < range.len();
        if names[at.clone()].iter().all(|(n, t)| inside(n) || reported & (1 << t) == 0) {
            names.splice(at, [(range, type_index(label).expect("curated lists hold named types"))]);
        }
    }
}

/// The spans that the curated gazetteers match, from the gazetteer bits
/// (part 0 begin, 2 last, 3 unit).
fn curated(ctx: &Context) -> Vec<(Range<usize>, Label)> {
    let mut out = Vec::new();
    for &(list, label) in CURATED {
        let mut begin = None;
        for i in 0..ctx.len() {
            let part = (ctx.gazetteer_bits(i) >> (list * 4)) & 0b1111;
            if part & 0b1000 != 0 {
                out.push((i..i + 1, label));
            }
            if part & 0b0001 != 0 {
                begin = Some(i);
            }
            if part & 0b0100 != 0 {
                if let Some(b) = begin.take() {
                    out.push((b..i + 1, label));
                }
            }
        }
    }
    out
}



/// Names longer than this many words are not looked for again.
const LONGEST_PROPAGATED: usize = 8;

/// Every capitalised occurrence of a name found elsewhere in the document
/// becomes a mention of it where the tagger left it out; so does the first
/// word of an organisation named "X France" ("Attac France" ... "Attac"),
/// unless that word is a common one ("Radio").
pub(super) fn propagate(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let mut known: Vec<(Vec<&str>, usize)> = Vec::new();
    for (r, t) in names.iter() {
        if r.len() <= LONGEST_PROPAGATED && doc.is_capitalised(r.start) {
            known.push((r.clone().map(|i| doc.word(i)).collect(), *t));
        }
        if *t == org() && r.len() == 2 && is_country(ctx, r.end - 1) && doc.is_capitalised(r.start) && !is_common_word(ctx, r.start) {
            known.push((vec![doc.word(r.start)], *t));
        }
    }
    // Longest first, so that "Attac France" is matched before "Attac".
    known.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    known.dedup_by(|a, b| a.0 == b.0);
    let mut by_first: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (k, (words, _)) in known.iter().enumerate() {
        by_first.entry(words[0]).or_default().push(k);
    }
    let matches = |i: usize, words: &[&str]| ctx.neighbour(i, words.len() as isize - 1).is_some() && words.iter().enumerate().all(|(d, w)| doc.word(i + d) == *w);
    let mut found = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        let hit = doc
            .is_capitalised(i)
            .then(|| by_first.get(doc.word(i)))
            .flatten()
            .and_then(|ks| ks.iter().map(|&k| &known[k]).find(|(words, _)| matches(i, words)));
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

