//! What each word usually is in news: a first model reads millions of
//! words of raw news, and every capitalised occurrence of a word counts
//! for the type of the name it stands in, or for no name. The counts
//! become each word's news prior (`NewsPrior`), which the final model
//! reads as a feature: knowledge of today's names drawn from the news
//! itself, not from lists typed by hand.

use crate::doc::Doc;
use crate::extractor::Extractor;
use crate::lang::Lang;
use crate::model::lexicon::{NewsPrior, WordTable};
use crate::model::tags::type_index;
use std::collections::HashMap;

/// Counts, per fold key, of capitalised occurrences in each class.
#[derive(Default)]
pub struct NewsCounts {
    counts: HashMap<String, [u32; NewsPrior::CLASSES]>,
}

impl NewsCounts {
    /// Reads `texts` with `extractor` as `lang` and counts their words.
    pub fn read(extractor: &Extractor, lang: Lang, texts: &[String], progress: &mut dyn FnMut(&str)) -> NewsCounts {
        let mut out = NewsCounts::default();
        for (k, text) in texts.iter().enumerate() {
            let found = extractor.extract_as(text, lang);
            let doc = Doc::new(text);
            let mut class = vec![NewsPrior::CLASSES - 1; doc.tokens.len()];
            for e in found.entities.iter() {
                let Some(t) = type_index(e.label) else { continue };
                let first = doc.tokens.partition_point(|tok| tok.end <= e.start);
                let end = doc.tokens.partition_point(|tok| tok.start < e.end);
                class[first..end].fill(t);
            }
            for (i, &c) in class.iter().enumerate() {
                if doc.is_capitalised(i) {
                    out.counts.entry(doc.word(i).to_string()).or_default()[c] += 1;
                }
            }
            if (k + 1) % 5000 == 0 {
                progress(&format!("news priors: {} of {} articles read", k + 1, texts.len()));
            }
        }
        out
    }

    /// Gives every word seen often enough its prior, adding to the table
    /// the words it does not hold yet; returns how many have one.
    pub fn add_to(&self, table: &mut WordTable) -> usize {
        let mut with_prior = 0;
        for (word, counts) in &self.counts {
            let prior = NewsPrior::from_counts(counts);
            if prior.0 != 0 {
                table.entry(word.clone()).or_default().news = prior;
                with_prior += 1;
            }
        }
        with_prior
    }
}
