//! One fit of the tagger: its features indexed over a word table, the
//! perceptron's epochs, the model written and scored after each.

use super::conll::GoldDoc;
use super::perceptron::{Example, Perceptron};
use super::score::Scores;
use super::{evaluate_docs, evaluate_names, shuffle, Options, TrainError};
use crate::extractor::Extractor;
use crate::model::lexicon::{Gazetteers, WordIndex, WordTable};
use crate::model::table::WeightTable;
use crate::model::{format, Model};
use std::time::Instant;

/// What every fit of one training shares.
pub(super) struct Fit<'a> {
    pub options: &'a Options,
    pub min_weight: f32,
    pub reported: u8,
    pub examples: &'a [Example<'a>],
    pub dev_docs: &'a [GoldDoc],
    pub dev_file: &'a str,
    pub started: Instant,
}

/// A fitted model: its file's bytes, its weights, and its development
/// scores after each epoch.
pub(super) struct Fitted {
    pub bytes: Vec<u8>,
    pub weights: WeightTable,
    pub dev: Vec<Scores>,
}

impl Fit<'_> {
    /// Trains a model over `words` from scratch (the same shuffles every
    /// time: a fit is reproducible byte for byte), on every example but
    /// those `exclude` marks.
    pub(super) fn run(&self, words: &WordTable, exclude: Option<&[bool]>, progress: &mut dyn FnMut(&str)) -> Result<Fitted, TrainError> {
        let (options, examples) = (self.options, self.examples);
        let gazetteers = Gazetteers::builtin();
        let tokens: usize = examples.iter().map(|e| e.doc.tokens.len()).sum();
        progress(&format!("{} documents, {tokens} tokens, {} words in the table; indexing features", examples.len(), words.len()));
        let index = WordIndex::from(words);
        let (mut perceptron, prepared) = Perceptron::prepare(examples, &index, &gazetteers, options.min_count);
        progress(&format!("{} features; training", perceptron.len()));
        let mut order: Vec<usize> = (0..examples.len()).filter(|&k| exclude.is_none_or(|x| !x[k])).collect();
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut dev: Vec<Scores> = Vec::new();
        let signature = Gazetteers::builtin_signature();
        let mut bytes = Vec::new();
        let mut features = 0;
        let mut kept = WeightTable::with_capacity(0, 1.0);
        for epoch in 1..=options.epochs {
            shuffle(&mut order, &mut rng);
            let mistakes = perceptron.epoch(examples, &prepared, &order, &index, &gazetteers);
            kept = perceptron.export(self.min_weight);
            features = kept.len();
            let lang = options.lang.code().to_string();
            bytes = self.write(words, &kept);
            let model = Model::from_bytes(&bytes, signature)?;
            let scores = evaluate_docs(&Extractor::from_models(vec![(options.lang, model)])?, options.lang, self.dev_docs);
            let exact = Model::new(lang, self.reported, WordIndex::from(words), perceptron.averaged());
            let exact_scores = evaluate_names(&exact, &gazetteers, self.dev_docs);
            progress(&format!(
                "epoch {epoch}: {mistakes} mistakes ({:.2}%), {features} features, {:.1} MB; {} PER+LOC+ORG F1 {:.3} ({:.3} unquantised) ({:.0} s)",
                100.0 * mistakes as f64 / tokens as f64,
                bytes.len() as f64 / 1e6,
                self.dev_file,
                scores.core_f1(),
                exact_scores.core_f1(),
                self.started.elapsed().as_secs_f64()
            ));
            dev.push(scores);
        }
        if features == 0 {
            return Err(TrainError::options("training learnt no feature: the corpora hold no usable sentence"));
        }
        Ok(Fitted { bytes, weights: kept, dev })
    }

    /// A model file of `words` and `weights`.
    pub(super) fn write(&self, words: &WordTable, weights: &WeightTable) -> Vec<u8> {
        let entries: Vec<_> = weights.entries().map(|(k, r)| (k, *r)).collect();
        let weights = WeightTable::new(entries, weights.scale);
        let lang = self.options.lang.code().to_string();
        format::write(&format::Parts { lang, reported: self.reported, gazetteer_signature: Gazetteers::builtin_signature(), words: words.clone(), weights })
    }

    /// Scores a model file on the development documents.
    pub(super) fn score(&self, bytes: &[u8]) -> Result<Scores, TrainError> {
        let model = Model::from_bytes(bytes, Gazetteers::builtin_signature())?;
        Ok(evaluate_docs(&Extractor::from_models(vec![(self.options.lang, model)])?, self.options.lang, self.dev_docs))
    }
}
