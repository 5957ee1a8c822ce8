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
//! came from a rule or a list: it votes for its type alone.

use super::groups::groups;
use super::openings::{argmax, Openings, PerType};
use crate::doc::Doc;
use crate::model::tags::{Name, TYPES};

/// Gives every group of mentions of one entity in `names` (sorted by
/// start) the type their summed evidence favours. `scores` holds each
/// token's opening scores (see `Openings`).
pub(super) fn unify(doc: &Doc, names: &mut [Name], openings: &Openings) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::tests::names_of;
    use crate::model::tags::{tag, Part, N_TAGS};

    const PER: usize = 0;
    const LOC: usize = 1;
    const ORG: usize = 2;

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
