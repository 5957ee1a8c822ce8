//! The learned name tagger: an averaged perceptron over BILOU tags with
//! the previous tags and the document's earlier decisions as features
//! (Ratinov and Roth, 2009), decoded by a small beam (`decode`); then the
//! names it found cleaned up (`names`), completed by patterns and curated
//! lists (`patterns`), and given one type per entity (`one_type`).

pub(crate) mod acronyms;
pub(crate) mod decode;
pub(crate) mod features;
pub(crate) mod format;
pub(crate) mod hash;
pub(crate) mod lexicon;
pub(crate) mod long_names;
mod names;
pub(crate) mod one_type;
pub(crate) mod patterns;
pub(crate) mod persons;
pub(crate) mod places;
mod results;
pub(crate) mod ruler;
pub(crate) mod shape;
pub(crate) mod table;
pub(crate) mod tags;

use crate::doc::Doc;
use crate::entity::Label;
use crate::error::{Error, ErrorKind};
use features::Context;
use lexicon::{Gazetteers, WordIndex};
use std::ops::Range;
use table::WeightTable;
use tags::{N_TAGS, TYPES};

/// Training decodes with the repair everywhere (see `decode::tag_at`).
#[cfg(feature = "train")]
pub(crate) use decode::choose_tag;

/// Where a model's weights come from: the quantised table it ships with,
/// or (while training) the exact averaged weights.
pub(crate) trait Weights {
    /// Adds the weights of every feature in `hashes` to `scores`.
    fn add(&self, hashes: &[u64], scores: &mut [f32; N_TAGS]);
}

impl Weights for WeightTable {
    fn add(&self, hashes: &[u64], scores: &mut [f32; N_TAGS]) {
        WeightTable::add(self, hashes, scores);
    }
}

/// A trained model for one language.
pub(crate) struct Model<W = WeightTable> {
    pub lang: String,
    /// Bit `t`: names of type `TYPES[t]` are reported (see `format::Parts`).
    pub reported: u8,
    pub words: WordIndex,
    pub weights: W,
    dense: decode::Dense,
    caches: decode::CachePool,
}

impl Model {
    /// Reads a model file, checking it was trained with these gazetteers.
    pub(crate) fn from_bytes(bytes: &[u8], gazetteer_signature: u64) -> Result<Model, Error> {
        let parts = format::read(bytes)?;
        if parts.gazetteer_signature != gazetteer_signature {
            return Err(Error::new(ErrorKind::Model(format!("the {} model was trained with other gazetteers than this build's; retrain it", parts.lang))));
        }
        Ok(Model::new(parts.lang, parts.reported, parts.words, parts.weights))
    }
}

impl<W: Weights> Model<W> {
    pub(crate) fn new(lang: String, reported: u8, words: WordIndex, weights: W) -> Model<W> {
        let dense = decode::Dense::new(&weights);
        Model { lang, reported, words, weights, dense, caches: decode::CachePool::default() }
    }

    /// The names in `doc`, as token ranges with their label, in order: the
    /// model's, then matches of the curated lists where the model found
    /// nothing.
    pub(crate) fn tag(&self, doc: &Doc, gazetteers: &Gazetteers) -> Vec<(Range<usize>, Label)> {
        let ctx = Context::new(doc, &self.words, gazetteers);
        let (tags, openings) = self.decode(&ctx);
        // A name neither starts nor ends with punctuation or a conjunction
        // ("Department of Conservation and", "Māori –"), and has a letter or
        // a digit: punctuation alone ("=", "»") is never one, whatever the
        // model says of odd text such as code.
        let english = self.lang == "en";
        let trimmed = tags::decode(&tags).into_iter().filter_map(|(r, t)| {
            let r = names::trim_name(doc, r, t == patterns::per())?;
            Some((if english { names::english_name(doc, r)? } else { r }, t))
        });
        let mut names: Vec<one_type::Name> = names::bounded(doc, trimmed);
        patterns::apply(&ctx, &mut names, self.reported);
        one_type::unify(doc, &mut names, &openings);
        persons::surnames(&ctx, &mut names);
        names.into_iter().filter(|(_, t)| self.reported & (1 << t) != 0).map(|(r, t)| (r, TYPES[t])).collect()
    }
}
