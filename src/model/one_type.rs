//! One entity, one type per document: every mention of a name, and of its
//! aliases (a person's surname alone, an acronym defined beside its long
//! form), gets the type that the evidence of all its mentions favours. A
//! reader's sidebar then never lists the same company as an organisation
//! twice and as a place nine times.
//!
//! The evidence of a mention is what the tagger thought of opening a name
//! of each type on its first token, as probabilities: a confident mention
//! outweighs a hesitant one, and a mention's own type gets at least an
//! equal say. A mention whose type the tagger would not have chosen there
//! came from a curated list or a pattern: it votes for its type alone.

use super::tags::{split, tag, Part, N_TAGS, TYPES};
use crate::doc::Doc;
use crate::text::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// What the tagger scored for opening a name of each type (Begin, then
/// Unit, per type) on the tokens where it opened one, in token order: all
/// the evidence `unify` reads, kept for those tokens only.
#[derive(Default)]
pub(crate) struct Openings(Vec<(usize, [f32; 2 * TYPES.len()])>);

impl Openings {
    /// Keeps token `i`'s scores if its tag `chosen` opens a name.
    pub(crate) fn record(&mut self, i: usize, chosen: usize, scores: &[f32; N_TAGS]) {
        if matches!(split(chosen), Some((_, Part::Begin | Part::Unit))) {
            let mut kept = [0.0; 2 * TYPES.len()];
            for t in 0..TYPES.len() {
                kept[t] = scores[tag(t, Part::Begin)];
                kept[TYPES.len() + t] = scores[tag(t, Part::Unit)];
            }
            self.0.push((i, kept));
        }
    }

    /// The scores of opening a name of `len` tokens of each type at `start`,
    /// if the tagger opened one there.
    fn of(&self, start: usize, len: usize) -> Option<PerType> {
        let at = self.0.binary_search_by_key(&start, |(i, _)| *i).ok()?;
        let kept = &self.0[at].1;
        let unit = if len == 1 { TYPES.len() } else { 0 };
        Some(std::array::from_fn(|t| kept[unit + t]))
    }
}

/// One value per named type.
type PerType = [f32; TYPES.len()];

/// A name found in a document: its tokens and type index.
pub(crate) type Name = (Range<usize>, usize);

/// Gives every group of mentions of one entity in `names` (sorted by
/// start) the type their summed evidence favours. `scores` holds each
/// token's opening scores (see `Openings`).
pub(crate) fn unify(doc: &Doc, names: &mut [Name], openings: &Openings) {
    if names.len() < 2 {
        return;
    }
    let spans: Vec<Option<PerType>> = names.iter().map(|(r, _)| openings.of(r.start, r.len())).collect();
    let spread = typical_margin(spans.iter().flatten());
    let group = groups(doc, names);
    let n_groups = group.iter().max().map_or(0, |&g| g + 1);
    let mut evidence = vec![[0.0f32; TYPES.len()]; n_groups];
    let mut sizes = vec![0usize; n_groups];
    for (((_, ty), &g), span) in names.iter().zip(&group).zip(&spans) {
        if let Some(span) = span.filter(|s| argmax(s) == *ty) {
            // A mention's own type counts at least as much as its doubts.
            for (e, q) in evidence[g].iter_mut().zip(probabilities(&span, spread)) {
                *e += q;
            }
            evidence[g][*ty] += 1.0;
        } else {
            // A name the tagger did not open, or not with this type, came
            // from a list or a pattern ("France 2", a channel, not a place):
            // the tagger's doubts are no evidence against it.
            evidence[g][*ty] += 2.0;
        }
        sizes[g] += 1;
    }
    for ((_, ty), &g) in names.iter_mut().zip(&group) {
        if sizes[g] > 1 {
            *ty = argmax(&evidence[g]);
        }
    }
}

/// The median gap between a mention's best and second-best type: the
/// score difference that counts as one unit of confidence in this
/// document (perceptron scores have no scale of their own).
fn typical_margin<'a>(spans: impl Iterator<Item = &'a PerType>) -> f32 {
    let mut gaps: Vec<f32> = spans
        .map(|m| {
            let mut m = *m;
            m.sort_by(|a, b| b.total_cmp(a));
            m[0] - m[1]
        })
        .filter(|g| g.is_finite())
        .collect();
    if gaps.is_empty() {
        return 1.0;
    }
    let mid = gaps.len() / 2;
    gaps.select_nth_unstable_by(mid, f32::total_cmp);
    gaps[mid].max(1e-3)
}

/// A mention's types as probabilities: the softmax of its span scores, in
/// units of `spread`.
fn probabilities(span: &PerType, spread: f32) -> PerType {
    let top = span.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = span.map(|m| if m.is_finite() { ((m - top) / spread).exp() } else { 0.0 });
    let total: f32 = p.iter().sum();
    if total > 0.0 {
        p.iter_mut().for_each(|v| *v /= total);
    }
    p
}

fn argmax(v: &PerType) -> usize {
    (0..v.len()).max_by(|&a, &b| v[a].total_cmp(&v[b]).then(b.cmp(&a))).unwrap_or(0)
}

/// The group of each name: names with the same words (case and accents
/// aside) are one entity; so are a lone word and a longer name that ends
/// with it, when that longer name is most often a person ("Macron",
/// "Emmanuel Macron"), and an acronym in parentheses right after a longer
/// name ("Agence nationale de sécurité du médicament (ANSM)").
fn groups(doc: &Doc, names: &[Name]) -> Vec<usize> {
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
            && super::acronyms::is_acronym(doc.raw(short.start));
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

#[cfg(test)]
mod tests {
    use super::*;

    const PER: usize = 0;
    const LOC: usize = 1;
    const ORG: usize = 2;

    /// Token ranges of `words` (each a phrase of the text) in order.
    fn names_of(doc: &Doc, spans: &[(&str, usize)]) -> Vec<Name> {
        let mut out = Vec::new();
        let mut from = 0;
        for &(phrase, ty) in spans {
            let at = doc.text[from..].find(phrase).expect("phrase in text") + from;
            let start = doc.tokens.partition_point(|t| t.start < at);
            let end = doc.tokens.partition_point(|t| t.start < at + phrase.len());
            out.push((start..end, ty));
            from = at + phrase.len();
        }
        out
    }

    /// The tagger's openings where every token opened a name of the type
    /// `lean` gives it, by the margin it gives, over every other type.
    fn openings(doc: &Doc, lean: impl Fn(usize) -> (usize, f32)) -> Openings {
        let mut openings = Openings::default();
        for i in 0..doc.tokens.len() {
            let (ty, margin) = lean(i);
            let mut scores = [0.0; N_TAGS];
            scores[tag(ty, Part::Begin)] = margin;
            scores[tag(ty, Part::Unit)] = margin;
            openings.record(i, tag(ty, Part::Unit), &scores);
        }
        openings
    }

    #[test]
    fn the_evidence_of_all_mentions_decides() {
        // The tagger read one mention as a place, weakly, and two as an
        // organisation, firmly: all are organisations.
        let doc = Doc::new("Acme a perdu. Acme fait appel. Acme paiera.");
        let mut names = names_of(&doc, &[("Acme", LOC), ("Acme", ORG), ("Acme", ORG)]);
        let first = names[0].0.start;
        unify(&doc, &mut names, &openings(&doc, |i| if i == first { (LOC, 1.0) } else { (ORG, 5.0) }));
        assert!(names.iter().all(|(_, t)| *t == ORG), "{names:?}");
    }

    #[test]
    fn a_pattern_type_outweighs_the_tagger_doubts() {
        // "France 2" made an organisation by a pattern where the tagger
        // leaned to a place: it stays an organisation.
        let doc = Doc::new("Reportage France 2. Interview France 2.");
        let mut names = names_of(&doc, &[("France 2", ORG), ("France 2", ORG)]);
        unify(&doc, &mut names, &openings(&doc, |_| (LOC, 5.0)));
        assert!(names.iter().all(|(_, t)| *t == ORG), "{names:?}");
    }

    #[test]
    fn surnames_and_acronyms_join_their_long_form() {
        let doc = Doc::new("Emmanuel Macron a parlé. Macron est parti. Macron revient. L'Agence nationale du médicament (ANM) a répondu.");
        let mut names = names_of(&doc, &[("Emmanuel Macron", PER), ("Macron", LOC), ("Macron", PER), ("Agence nationale du médicament", ORG), ("ANM", LOC)]);
        // The tagger read a lone surname and the acronym as places, weakly.
        let (surname, agency, acronym) = (names[1].0.start, names[3].0.clone(), names[4].0.start);
        let lean = |i: usize| match i {
            i if i == surname || i == acronym => (LOC, 1.0),
            i if agency.contains(&i) => (ORG, 6.0),
            _ => (PER, 2.0),
        };
        unify(&doc, &mut names, &openings(&doc, lean));
        let types: Vec<usize> = names.iter().map(|(_, t)| *t).collect();
        assert_eq!(types, [PER, PER, PER, ORG, ORG]);
    }

    #[test]
    fn a_place_is_not_a_surname() {
        // "Jordan" never read as a person: the country stays a place, and
        // Michael Jordan a person.
        let doc = Doc::new("Michael Jordan a visité la Jordanie. Jordan est un pays.");
        let mut names = names_of(&doc, &[("Michael Jordan", PER), ("Jordan", LOC)]);
        unify(&doc, &mut names, &openings(&doc, |i| if i < 2 { (PER, 3.0) } else { (LOC, 3.0) }));
        let types: Vec<usize> = names.iter().map(|(_, t)| *t).collect();
        assert_eq!(types, [PER, LOC]);
    }

    #[test]
    fn a_single_mention_keeps_its_type() {
        let doc = Doc::new("Paris et Lyon.");
        let mut names = names_of(&doc, &[("Paris", LOC), ("Lyon", LOC)]);
        unify(&doc, &mut names, &openings(&doc, |_| (ORG, 9.0)));
        assert!(names.iter().all(|(_, t)| *t == LOC));
    }
}
