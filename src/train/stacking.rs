//! Training the second stage (`model::document::stack`) by jackknifing, as
//! Krishnan and Manning (2006) do: the corpus it learns from is cut into
//! folds; for each fold, a tagger trained without it reads it, so that the
//! stacker learns from what a tagger says of documents it has not seen,
//! as the shipped tagger will of a reader's pages. Each entity's class is
//! what the gold says of its mentions: the type of the gold name each one
//! covers or overlaps, no name where none is near, nothing where the
//! annotation leaves the region open.

use super::conll::GoldDoc;
use super::fit::Fit;
use super::{fnv1a64, gold_ranges, TrainError};
use crate::doc::Doc;
use crate::model::document::stack::{column, marker, Entity, CLASSES};
use crate::model::lexicon::{Gazetteers, WordTable};
use crate::model::table::Row;
use crate::model::tags::{Name, N_TAGS, TYPES};
use crate::model::Model;
use std::collections::HashMap;
use std::ops::Range;

/// Passes of the stacker's perceptron over its examples.
const EPOCHS: usize = 10;

/// One entity to learn from: its features and its gold class.
struct Example {
    features: Vec<u64>,
    class: usize,
}

/// The stacker's exact averaged weights, a row of `N_TAGS` per feature
/// (only the classes' columns used), learned from the documents of
/// `corpus` (those of `gold` whose text it holds) in `folds` folds.
pub(super) fn train(
    fit: &Fit,
    words: &WordTable,
    gold: &[&GoldDoc],
    folds: usize,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<(u64, [f32; N_TAGS])>, TrainError> {
    let gazetteers = Gazetteers::builtin();
    let fold_of = |text: &str| (fnv1a64(text.as_bytes()) % folds as u64) as usize;
    let in_corpus: std::collections::HashSet<&str> = gold.iter().map(|g| g.text.as_str()).collect();
    let mut examples = Vec::new();
    for fold in 0..folds {
        // Every copy of a fold's documents (a corpus may be read twice) is
        // left out of its tagger.
        let exclude: Vec<bool> = fit.examples.iter().map(|e| in_corpus.contains(e.doc.text) && fold_of(e.doc.text) == fold).collect();
        let fitted = fit.run(words, Some(&exclude), progress)?;
        let model = Model::from_bytes(&fitted.bytes, Gazetteers::builtin_signature())?;
        let mut seen = std::collections::HashSet::new();
        for g in gold.iter().filter(|g| fold_of(&g.text) == fold && seen.insert(g.text.as_str())) {
            let doc = Doc::new(&g.text);
            let (names, entities) = model.stacking_view(&doc, &gazetteers);
            examples.extend(labelled(&doc, g, &names, entities));
        }
        progress(&format!("stacking: fold {} of {folds} read, {} entities so far", fold + 1, examples.len()));
    }
    Ok(learn(&examples))
}

/// The entities of one document with the class its gold gives them.
fn labelled(doc: &Doc, gold: &GoldDoc, names: &[Name], entities: Vec<Entity>) -> Vec<Example> {
    let gold_names = gold_ranges(doc, gold);
    let unclear: Vec<Range<usize>> =
        gold.unclear.iter().map(|span| doc.tokens.partition_point(|t| t.end <= span.start)..doc.tokens.partition_point(|t| t.start < span.end)).collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let vote = |r: &Range<usize>| -> Option<usize> {
        if let Some((_, t)) = gold_names.iter().find(|(g, _)| g == r) {
            return Some(*t);
        }
        if let Some((_, t)) = gold_names.iter().filter(|(g, _)| overlaps(g, r)).max_by_key(|(g, _)| g.end.min(r.end) - g.start.max(r.start)) {
            return Some(*t);
        }
        (!unclear.iter().any(|u| overlaps(u, r))).then_some(TYPES.len())
    };
    entities
        .into_iter()
        .filter_map(|e| {
            let mut votes = [0usize; CLASSES];
            for &m in &e.mentions {
                if let Some(c) = vote(&names[m].0) {
                    votes[c] += 1;
                }
            }
            let best = (0..CLASSES).max_by_key(|&c| (votes[c], std::cmp::Reverse(c)))?;
            (votes[best] > 0).then_some(Example { features: e.features, class: best })
        })
        .collect()
}

/// An averaged multiclass perceptron over the examples, in a fixed order
/// of passes (reproducible byte for byte).
fn learn(examples: &[Example]) -> Vec<(u64, [f32; N_TAGS])> {
    let mut index: HashMap<u64, usize> = HashMap::new();
    for e in examples {
        for &h in &e.features {
            let next = index.len();
            index.entry(h).or_insert(next);
        }
    }
    let mut weights = vec![[0f32; CLASSES]; index.len()];
    let mut stamped = vec![[0f32; CLASSES]; index.len()];
    let mut time = 1f32;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..EPOCHS {
        super::shuffle(&mut order, &mut rng);
        for &k in &order {
            let e = &examples[k];
            let rows: Vec<usize> = e.features.iter().map(|h| index[h]).collect();
            let mut score = [0f32; CLASSES];
            for &r in &rows {
                for (s, w) in score.iter_mut().zip(&weights[r]) {
                    *s += w;
                }
            }
            let guess = (0..CLASSES).max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a))).expect("classes");
            if guess != e.class {
                for &r in &rows {
                    weights[r][e.class] += 1.0;
                    stamped[r][e.class] += time;
                    weights[r][guess] -= 1.0;
                    stamped[r][guess] -= time;
                }
            }
            time += 1.0;
        }
    }
    let mut rows: Vec<(u64, [f32; N_TAGS])> = index
        .into_iter()
        .map(|(h, r)| {
            let mut row = [0f32; N_TAGS];
            for c in 0..CLASSES {
                row[column(c)] = weights[r][c] - stamped[r][c] / time;
            }
            (h, row)
        })
        .collect();
    rows.sort_by_key(|(h, _)| *h);
    rows
}

/// The stacker's rows in units of a table's `scale`, dropping those that
/// round to nothing.
/// With the row that marks a model as holding a stacker.
pub(super) fn quantised(rows: &[(u64, [f32; N_TAGS])], scale: f32) -> Vec<(u64, Row)> {
    let mut mark = [0i16; N_TAGS];
    mark[0] = 1;
    rows.iter()
        .map(|(h, row)| (*h, row.map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)))
        .filter(|(_, row)| row.iter().any(|&w| w != 0))
        .chain([(marker(), mark)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_perceptron_learns_what_separates_the_classes() {
        // Entities after "à" are places, after "ministre" persons; the
        // bias alone cannot tell them apart.
        let (bias, a, ministre) = (1u64, 2u64, 3u64);
        let examples: Vec<Example> = (0..20)
            .map(|k| if k % 2 == 0 { Example { features: vec![bias, a], class: 1 } } else { Example { features: vec![bias, ministre], class: 0 } })
            .collect();
        let rows: HashMap<u64, [f32; N_TAGS]> = learn(&examples).into_iter().collect();
        let class_of = |features: &[u64]| {
            let score: Vec<f32> = (0..CLASSES).map(|c| features.iter().map(|h| rows[h][column(c)]).sum()).collect();
            (0..CLASSES).max_by(|&x, &y| score[x].total_cmp(&score[y])).unwrap()
        };
        assert_eq!(class_of(&[bias, a]), 1);
        assert_eq!(class_of(&[bias, ministre]), 0);
        // Reproducible: the same rows, in the same order.
        assert_eq!(learn(&examples), learn(&examples));
    }

    #[test]
    fn quantised_rows_carry_the_marker() {
        let rows = vec![(7u64, [0.5f32; N_TAGS]), (8, [0.0; N_TAGS])];
        let q = quantised(&rows, 0.25);
        assert_eq!(q.len(), 2, "the empty row dropped, the marker added");
        assert_eq!(q[0].1[0], 2);
        assert_eq!(q.last().unwrap().0, marker());
    }
}
