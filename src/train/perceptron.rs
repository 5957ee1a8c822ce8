//! The averaged perceptron over BILOU tags, trained with the decoder it
//! will run with: greedy, left to right, on its own previous decisions.

use crate::doc::Doc;
use crate::entity::Label;
use crate::model::choose_tag;
use crate::model::features::{Context, DocHistory, WINDOW};
use crate::model::lexicon::{Gazetteers, WordIndex};
use crate::model::table::{key_of, quantise, Row, WeightTable};
use crate::model::tags::{split, N_TAGS, OUTSIDE, TYPES};
use rustc_hash::FxHashMap as HashMap;

/// A training document: its tokens and gold tags.
pub struct Example<'t> {
    pub doc: Doc<'t>,
    pub gold: Vec<usize>,
    /// False for corpora that do not annotate MISC: there a MISC guess on
    /// a token marked O is not held against the model.
    pub misc_annotated: bool,
}

type Weights = [f32; N_TAGS];

/// Features kept for training, and their weights.
pub struct Perceptron {
    index: HashMap<u64, u32>,
    hashes: Vec<u64>,
    weights: Vec<Weights>,
    /// Sum over updates of (update time × change), for lazy averaging.
    stamped: Vec<Weights>,
    time: f64,
}

/// Each example's precomputed word and position features, as rows.
pub struct Prepared {
    features: Vec<u32>,
    /// For each example, where its first token's features start.
    starts: Vec<usize>,
    /// For each example, for each token, the end of its features in
    /// `features` (the start being the previous token's end).
    ends: Vec<Vec<usize>>,
}

impl Perceptron {
    /// Indexes the word and position features that occur at least
    /// `min_count` times in `examples`, and lists them per token.
    pub fn prepare(examples: &[Example], words: &WordIndex, gazetteers: &Gazetteers, min_count: u32) -> (Perceptron, Prepared) {
        let mut counts: HashMap<u64, u32> = HashMap::default();
        let mut buf = Vec::new();
        for ex in examples {
            let ctx = Context::new(&ex.doc, words, gazetteers);
            for i in 0..ctx.len() {
                static_features(&ctx, i, &mut buf);
                for &h in &buf {
                    *counts.entry(h).or_default() += 1;
                }
            }
        }
        let mut p = Perceptron { index: HashMap::default(), hashes: Vec::new(), weights: Vec::new(), stamped: Vec::new(), time: 1.0 };
        for (h, _) in counts.into_iter().filter(|&(_, c)| c >= min_count) {
            p.row(h);
        }
        let mut prepared = Prepared { features: Vec::new(), starts: Vec::new(), ends: Vec::new() };
        for ex in examples {
            prepared.starts.push(prepared.features.len());
            let ctx = Context::new(&ex.doc, words, gazetteers);
            let mut ends = Vec::with_capacity(ctx.len());
            for i in 0..ctx.len() {
                static_features(&ctx, i, &mut buf);
                prepared.features.extend(buf.iter().filter_map(|h| p.index.get(h)));
                ends.push(prepared.features.len());
            }
            prepared.ends.push(ends);
        }
        (p, prepared)
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    fn row(&mut self, hash: u64) -> u32 {
        *self.index.entry(hash).or_insert_with(|| {
            self.hashes.push(hash);
            self.weights.push([0.0; N_TAGS]);
            self.stamped.push([0.0; N_TAGS]);
            (self.hashes.len() - 1) as u32
        })
    }

    /// One pass over `examples` in the given order; returns the number of
    /// tokens whose tag was wrong.
    pub fn epoch(&mut self, examples: &[Example], prepared: &Prepared, order: &[usize], words: &WordIndex, gazetteers: &Gazetteers) -> usize {
        let mut mistakes = 0;
        let mut hist = Vec::new();
        let mut rows = Vec::new();
        for &e in order {
            let ex = &examples[e];
            let ctx = Context::new(&ex.doc, words, gazetteers);
            let ends = &prepared.ends[e];
            let mut history = DocHistory::default();
            let mut tags = vec![OUTSIDE; ctx.len()];
            let mut start = prepared.starts[e];
            for i in 0..ctx.len() {
                let first = i == 0 || ctx.sentence_end(i - 1) != ctx.sentence_end(i);
                let prev = if first { OUTSIDE } else { tags[i - 1] };
                let prev2 = if i < 2 { OUTSIDE } else { tags[i - 2] };
                hist.clear();
                ctx.history_features(i, prev, prev2, history.get(&ex.doc, i), &mut hist);
                rows.clear();
                rows.extend_from_slice(&prepared.features[start..ends[i]]);
                start = ends[i];
                for &h in &hist {
                    rows.push(self.row(h));
                }
                let mut scores = [0.0f32; N_TAGS];
                for &r in &rows {
                    for (s, w) in scores.iter_mut().zip(&self.weights[r as usize]) {
                        *s += w;
                    }
                }
                let last = i + 1 == ctx.sentence_end(i);
                let guess = choose_tag(&scores, &mut tags, i, first, last);
                let gold = ex.gold[i];
                if !acceptable(guess, gold, ex.misc_annotated) {
                    mistakes += 1;
                    for &r in &rows {
                        self.update(r as usize, gold, 1.0);
                        self.update(r as usize, guess, -1.0);
                    }
                }
                self.time += 1.0;
                tags[i] = guess;
                history.record(&ex.doc, i, guess);
            }
        }
        mistakes
    }

    fn update(&mut self, row: usize, tag: usize, by: f32) {
        self.weights[row][tag] += by;
        self.stamped[row][tag] += by * self.time as f32;
    }

    /// The averaged weights, pruned of features whose largest weight is
    /// under `min_weight`, quantised to 16 bits.
    pub fn export(&self, min_weight: f32) -> WeightTable {
        let averaged: Vec<Weights> = self.weights.iter().zip(&self.stamped).map(|(w, s)| std::array::from_fn(|t| w[t] - s[t] / self.time as f32)).collect();
        let kept: Vec<usize> = (0..averaged.len()).filter(|&r| averaged[r].iter().any(|w| w.abs() >= min_weight)).collect();
        let exact: Vec<Weights> = kept.iter().map(|&r| averaged[r]).collect();
        let (rows, scale) = quantise(&exact);
        let entries: Vec<(u32, Row)> =
            kept.iter().zip(rows).map(|(&r, row)| (key_of(self.hashes[r]), row)).filter(|(_, row)| row.iter().any(|&w| w != 0)).collect();
        WeightTable::new(entries, scale)
    }
}

/// The exact averaged weights, for scoring without quantisation.
pub struct Averaged {
    index: HashMap<u64, u32>,
    rows: Vec<Weights>,
}

impl Perceptron {
    pub fn averaged(&self) -> Averaged {
        let rows = self.weights.iter().zip(&self.stamped).map(|(w, s)| std::array::from_fn(|t| w[t] - s[t] / self.time as f32)).collect();
        Averaged { index: self.index.clone(), rows }
    }
}

impl crate::model::Weights for Averaged {
    fn add(&self, hashes: &[u64], scores: &mut [f32; N_TAGS]) {
        for h in hashes {
            if let Some(&r) = self.index.get(h) {
                for (s, w) in scores.iter_mut().zip(&self.rows[r as usize]) {
                    *s += w;
                }
            }
        }
    }
}

fn acceptable(guess: usize, gold: usize, misc_annotated: bool) -> bool {
    guess == gold || (!misc_annotated && gold == OUTSIDE && split(guess).is_some_and(|(t, _)| TYPES[t] == Label::Misc))
}

/// The word features of the whole window and the position features.
fn static_features(ctx: &Context, i: usize, out: &mut Vec<u64>) {
    out.clear();
    for d in WINDOW {
        ctx.word_features(i, d, out);
    }
    ctx.position_features(i, out);
}
