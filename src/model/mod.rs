//! The learned name tagger: an averaged perceptron over BILOU tags with
//! the previous tags and the document's earlier decisions as features
//! (Ratinov and Roth, 2009), decoded by a small beam (`decode`); then the
//! names it found cleaned up (`names`), completed by the rules of a data
//! file (`rules`), and read again at the scale of the document
//! (`document`): names found again, one type per entity.

pub(crate) mod acronyms;
pub(crate) mod decode;
pub(crate) mod document;
pub(crate) mod features;
pub(crate) mod format;
pub(crate) mod hash;
pub(crate) mod lexicon;
mod names;
pub(crate) mod rules;
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
use tags::TYPES;

/// Training decodes with the repair everywhere (see `decode::tag_at`).
#[cfg(feature = "train")]
pub(crate) use decode::choose_tag;

pub(crate) use table::Weights;

/// A trained model for one language.
pub(crate) struct Model<W = WeightTable> {
    pub lang: String,
    /// Bit `t`: names of type `TYPES[t]` are reported (see `format::Parts`).
    pub reported: u8,
    pub words: WordIndex,
    pub weights: W,
    dense: decode::Dense,
    /// Whether the weights hold a second stage (`document::stack`), read
    /// once when the model loads.
    stacked: bool,
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
        let stacked = document::stack::is_trained(&weights);
        Model { lang, reported, words, weights, dense, stacked, caches: decode::CachePool::default() }
    }

    /// The names in `doc`, as token ranges with their label, in order: the
    /// tagger's, reshaped and completed by the rules, then read at the
    /// scale of the document.
    pub(crate) fn tag(&self, doc: &Doc, gazetteers: &Gazetteers) -> Vec<(Range<usize>, Label)> {
        let ctx = Context::new(doc, &self.words, gazetteers);
        let (mut names, openings) = self.sentence_stage(&ctx);
        document::resolve(&ctx, &mut names, &openings, self.stacked.then_some(&self.weights));
        names.into_iter().filter(|(_, t)| self.reported & (1 << t) != 0).map(|(r, t)| (r, TYPES[t])).collect()
    }

    /// The entities of `doc` as the stacker sees them (for training it):
    /// the names before it decides, and each entity's features.
    #[cfg(feature = "train")]
    pub(crate) fn stacking_view(&self, doc: &Doc, gazetteers: &Gazetteers) -> (Vec<tags::Name>, Vec<document::stack::Entity>) {
        let ctx = Context::new(doc, &self.words, gazetteers);
        let (mut names, openings) = self.sentence_stage(&ctx);
        let entities = document::stacking_view(&ctx, &mut names, &openings);
        (names, entities)
    }

    /// The tagger's names, cleaned up, then the rules'; and what the tagger
    /// scored where it opened names.
    fn sentence_stage(&self, ctx: &Context) -> (Vec<tags::Name>, document::Openings) {
        let doc = ctx.doc;
        let (tags, openings) = self.decode(ctx);
        // A name neither starts nor ends with punctuation or a conjunction
        // ("Department of Conservation and", "Māori –"), and has a letter or
        // a digit: punctuation alone ("=", "»") is never one, whatever the
        // model says of odd text such as code.
        let english = self.lang == "en";
        let french = self.lang == "fr";
        let trimmed = tags::decode(&tags).into_iter().filter_map(|(r, t)| {
            let r = names::trim_name(doc, r, t == tags::per(), french)?;
            Some((if english { names::english_name(doc, r)? } else { r }, t))
        });
        let mut names: Vec<tags::Name> = names::bounded(doc, trimmed);
        names::with_article_tails(doc, &mut names);
        names::without_run_ons(ctx, &mut names, french);
        rules::Rules::builtin().apply(ctx, &mut names, &self.lang, self.reported);
        (names, openings)
    }
}
