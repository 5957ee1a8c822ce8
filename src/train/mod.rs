//! Training and evaluating models from CoNLL corpora (the `train`
//! feature, on with the command line; never in the wasm build).
//!
//! A model is trained by a fixed recipe per language: which corpora, how
//! much of each, which development file to watch. No `*.test.conll` file is
//! ever read here: those are for reporting only, through `eval`.

mod clusters;
pub mod conll;
mod error;
mod fit;
mod gold_jsonl;
mod news_priors;
mod perceptron;
mod raw_news;
mod recipe;
pub mod score;
mod stacking;
mod words;

use crate::doc::Doc;
use crate::entity::Label;
use crate::extractor::Extractor;
use crate::lang::Lang;
use crate::model::lexicon::Gazetteers;
use crate::model::{tags, Model, Weights};
use conll::GoldDoc;
pub use error::TrainError;
use perceptron::Example;
pub use recipe::{Recipe, RECIPES};
use score::Scores;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Sentences per document, as `conll2jsonl.py` groups them by default:
/// document-level features see the same neighbours in training and in
/// evaluation.
pub const SENTENCES_PER_DOC: usize = 20;

/// One training corpus of a recipe.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name in the corpus folder, or a path from the crate's folder
    /// when it has a `/` (the project's own corpora, `corpus/`). A name
    /// ending in `.jsonl` is gold JSONL (one article a line), any other a
    /// CoNLL file.
    pub file: String,
    /// Whether the corpus annotates MISC at all (`misc` in a recipe).
    #[serde(rename = "misc", default = "yes")]
    pub misc_annotated: bool,
    /// Share of its sentences to use, from the start (1.0: all; 2.0: all,
    /// twice, to weigh an in-domain corpus more).
    #[serde(default = "once")]
    pub share: f64,
}

fn yes() -> bool {
    true
}

fn once() -> f64 {
    1.0
}

fn source(file: &str, misc_annotated: bool, share: f64) -> Source {
    Source { file: file.to_string(), misc_annotated, share }
}

impl std::str::FromStr for Source {
    type Err = TrainError;

    /// `FILE[:SHARE][:nomisc]`, e.g. `conll03.en.train.conll:0.5`.
    fn from_str(s: &str) -> Result<Source, TrainError> {
        let mut parts = s.split(':');
        let file = parts.next().filter(|f| !f.is_empty()).ok_or_else(|| TrainError::options("empty corpus name"))?;
        let mut src = source(file, true, 1.0);
        for part in parts {
            match part {
                "nomisc" => src.misc_annotated = false,
                share => {
                    src.share =
                        share.parse().ok().filter(|v| (0.0..=10.0).contains(v)).ok_or_else(|| TrainError::options(format!("bad share {share:?} in {s:?}")))?
                }
            }
        }
        Ok(src)
    }
}

/// How to train.
#[derive(Clone, Debug)]
pub struct Options {
    /// The language; its recipe picks the corpora.
    pub lang: Lang,
    /// The folder of CoNLL corpora (`shared/data/ner`).
    pub data: PathBuf,
    /// Passes over the training data.
    pub epochs: usize,
    /// Use at most this many sentences of each corpus (for quick checks);
    /// an article of gold JSONL or raw news counts as a document of
    /// `SENTENCES_PER_DOC` sentences.
    pub limit: Option<usize>,
    /// Features seen fewer times are not learned.
    pub min_count: u32,
    /// Features whose weights all stay under this are dropped from the
    /// model; the recipe's if not given.
    pub min_weight: Option<f32>,
    /// Words seen fewer times are left out of the model's word table.
    pub min_word_count: u32,
    /// Corpora to train on instead of the recipe's (for experiments).
    pub sources: Option<Vec<Source>>,
    /// Development file instead of the recipe's.
    pub dev: Option<String>,
    /// Word classes in each clustering, coarse to fine.
    pub clusters: [usize; crate::model::lexicon::CLUSTERINGS],
    /// Corpora whose text also feeds the word table, instead of the
    /// recipe's.
    pub text: Option<Vec<String>>,
    /// The web word table instead of the recipe's.
    pub web_words: Option<PathBuf>,
    /// The named types the model reports instead of the recipe's.
    pub reported: Option<Vec<Label>>,
}

/// What training did.
pub struct Trained {
    /// The model file's bytes.
    pub bytes: Vec<u8>,
    /// Development scores after each epoch.
    pub dev: Vec<Scores>,
    /// Features in the model.
    pub features: usize,
}

/// The digests of the shared test files (`test_digests.txt`).
const TEST_DIGESTS: &str = include_str!("test_digests.txt");

/// FNV-1a, 64 bits: a digest stable across machines and Rust versions.
pub(super) fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Refuses any test file, by what it is rather than how it is spelt: its
/// resolved name (through links, in any case: "x.TEST.conll", "test.conll")
/// or its content (a copy of a shared test file under another name). Their
/// scores are how the project is judged.
pub fn check_not_test(path: &Path, content: &[u8]) -> Result<(), TrainError> {
    let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let name = resolved.file_name().and_then(|n| n.to_str()).unwrap_or("").to_lowercase();
    let digest = format!("{:016x}", fnv1a64(content));
    let named_test = name.contains(".test.") || name.starts_with("test.") || name == "test";
    let copy_of = TEST_DIGESTS.lines().filter(|l| !l.starts_with('#')).find_map(|l| l.split_once(' ').filter(|(d, _)| *d == digest).map(|(_, n)| n));
    if named_test || copy_of.is_some() {
        return Err(TrainError::test_file(path, copy_of));
    }
    Ok(())
}

impl Source {
    fn path(&self, data: &Path) -> PathBuf {
        if self.file.contains('/') {
            PathBuf::from(&self.file)
        } else {
            data.join(&self.file)
        }
    }
}

/// A corpus's documents, `share` of them from the start (a CoNLL file's
/// sentences, grouped in documents, or a gold JSONL file's articles).
fn load_source(data: &Path, src: &Source, limit: Option<usize>) -> Result<Vec<GoldDoc>, TrainError> {
    let path = src.path(data);
    let content = std::fs::read(&path).map_err(|e| TrainError::read(&path, e))?;
    check_not_test(&path, &content)?;
    let mut docs = Vec::new();
    let mut share = src.share;
    if src.file.ends_with(".jsonl") {
        let mut articles = gold_jsonl::parse(&path, &content)?;
        if let Some(limit) = limit {
            articles.truncate(limit.div_ceil(SENTENCES_PER_DOC));
        }
        while share > 0.0 {
            let n = (articles.len() as f64 * share.min(1.0)).round() as usize;
            docs.extend(articles[..n].iter().cloned());
            share -= 1.0;
        }
        return Ok(docs);
    }
    let mut sentences = conll::parse(&path, &content)?;
    if let Some(limit) = limit {
        sentences.truncate(limit);
    }
    while share > 0.0 {
        let n = (sentences.len() as f64 * share.min(1.0)).round() as usize;
        docs.extend(conll::documents(&sentences[..n], SENTENCES_PER_DOC));
        share -= 1.0;
    }
    Ok(docs)
}

/// Particles that belong to a person's name when they stand before it
/// ("de Gaulle", "von Moltke").
const NAME_PARTICLES: &[&str] = &["de", "d'", "du", "von", "van", "der", "al-", "el-", "ben", "bin", "ibn"];

/// The gold tags of a document's tokens: a name covers the tokens that
/// overlap its span.
///
/// Corpora disagree on where a name starts: hipe2020 and europeana include
/// the common noun or title before it ("ville de Genève", "le colonel de
/// Diesbach", "agence Wolff"), modern news conventions and the seed article
/// do not ("la province de Deir Ezzor" → "Deir Ezzor"). Training follows the
/// reader's convention: in the corpora of the other (`trim_heads`), leading
/// lower-case words are left out of a name that has a capitalised word,
/// except a person's particle (this costs exact-match points on hipe2020,
/// see models/MODEL_CARD.md); the project's news corpus, annotated by the
/// reader's guide, keeps what it marks ("parquet de Paris", "hôpital de
/// Calais" whole, as the guide has institutions).
fn gold_tags(doc: &Doc, gold: &GoldDoc) -> Vec<usize> {
    tags::encode(doc.tokens.len(), &gold_ranges(doc, gold))
}

/// The gold names of a document as token ranges and type indices, by the
/// reader's convention (see `gold_tags`), sorted and without overlaps.
fn gold_ranges(doc: &Doc, gold: &GoldDoc) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut ranges = Vec::new();
    for (span, label) in &gold.names {
        let Some(t) = tags::type_index(*label) else {
            continue;
        };
        let mut first = doc.tokens.partition_point(|tok| tok.end <= span.start);
        let end = doc.tokens.partition_point(|tok| tok.start < span.end);
        if let Some(name) = (first..end).find(|&k| doc.is_capitalised(k) && gold.trim_heads) {
            while first < name && !(*label == Label::Per && first + 1 == name && NAME_PARTICLES.contains(&doc.word(first))) {
                first += 1;
            }
        }
        if first < end {
            ranges.push((first..end, t));
        }
    }
    // Overlapping names (a tokenisation mismatch) keep the first.
    ranges.sort_by_key(|(r, _)| r.start);
    ranges.dedup_by(|b, a| b.0.start < a.0.end);
    ranges
}

/// Trains a model by the recipe of `options.lang`, reporting progress
/// through `progress`.
pub fn train(options: &Options, progress: &mut dyn FnMut(&str)) -> Result<Trained, TrainError> {
    if options.epochs == 0 {
        return Err(TrainError::options("--epochs must be 1 or more"));
    }
    let recipe = Recipe::load(Path::new(RECIPES), options.lang)?;
    let sources = options.sources.clone().unwrap_or(recipe.sources);
    let dev_file = options.dev.as_deref().unwrap_or(&recipe.dev);
    let text = options.text.clone().unwrap_or(recipe.text);
    let reported = options.reported.as_deref().unwrap_or(&recipe.reported).iter().filter_map(|&l| tags::type_index(l)).fold(0u8, |m, t| m | 1 << t);
    let started = Instant::now();
    let mut gold_docs = Vec::new();
    // The corpus each document comes from.
    let mut sources_of: Vec<&str> = Vec::new();
    for src in &sources {
        let docs = load_source(&options.data, src, options.limit)?;
        progress(&format!("read {} ({} documents)", src.file, docs.len()));
        sources_of.extend(std::iter::repeat_n(src.file.as_str(), docs.len()));
        gold_docs.extend(docs.into_iter().map(|d| (d, src.misc_annotated)));
    }
    let dev_docs = load_source(&options.data, &source(dev_file, true, 1.0), options.limit)?;
    let mut counts = words::CaseCounts::default();
    let examples: Vec<Example> = gold_docs
        .iter()
        .map(|(g, misc_annotated)| {
            // Split as most languages write, even German, whose reading
            // keeps "3. Oktober" in one sentence (`Doc::in_language`): a
            // German model trained on German splits scored 0.757 / 0.815
            // on its two development files, against 0.759 / 0.826 for this
            // one read with them (models/MODEL_CARD.md).
            let doc = Doc::new(&g.text);
            counts.add(&doc);
            let gold = gold_tags(&doc, g);
            Example { doc, gold, misc_annotated: *misc_annotated }
        })
        .collect();
    let mut texts = Vec::new();
    for file in &text {
        texts.extend(load_source(&options.data, &source(file, true, 1.0), options.limit)?.into_iter().map(|g| g.text));
        progress(&format!("read {file} (text only)"));
    }
    let unlabelled: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    for doc in &unlabelled {
        counts.add(doc);
    }
    let mut words = counts.table(options.min_word_count);
    let docs: Vec<&Doc> = examples.iter().map(|e| &e.doc).chain(&unlabelled).collect();
    words::cluster(&mut words, &docs, options.clusters, progress);
    if let Some(path) = options.web_words.clone().or_else(|| recipe.web_words.map(PathBuf::from)) {
        let text = std::fs::read_to_string(&path).map_err(|e| TrainError::read(&path, e))?;
        let added = words::add_web(&mut words, &text, &path.display().to_string())?;
        progress(&format!("{added} words from {}", path.display()));
    }
    let min_weight = options.min_weight.unwrap_or(recipe.min_weight);
    let fit = fit::Fit { options, min_weight, reported, examples: &examples, dev_docs: &dev_docs, dev_file, started };
    let mut fitted = fit.run(&words, None, progress)?;
    if let Some(news) = recipe.news.as_deref() {
        // A first model reads the raw news; the final one learns with what
        // it found of each word (`news_priors`).
        let skip = recipe.news_skips.as_deref().map(|p| raw_news::read_ids(Path::new(p))).transpose()?.unwrap_or_default();
        let path = source(news, true, 1.0).path(&options.data);
        let raw = raw_news::read(&path, &skip, options.limit.map(|l| l.div_ceil(SENTENCES_PER_DOC)))?;
        progress(&format!("news priors: reading {} articles of {news} with the first model", raw.len()));
        let first = Extractor::from_models(vec![(options.lang, Model::from_bytes(&fitted.bytes, Gazetteers::builtin_signature())?)])?;
        let counts = news_priors::NewsCounts::read(&first, options.lang, &raw, progress);
        let with_prior = counts.add_to(&mut words);
        progress(&format!("news priors: {with_prior} words have one; training again"));
        fitted = fit.run(&words, None, progress)?;
    }
    if let Some(stack) = &recipe.stack {
        // The second stage learns from the corpus it names, jackknifed.
        let gold: Vec<&GoldDoc> = gold_docs.iter().zip(&sources_of).filter(|(_, f)| stack.corpora.iter().any(|c| c == *f)).map(|((g, _), _)| g).collect();
        let rows = stacking::train(&fit, &words, &gold, stack.folds, progress)?;
        let mut entries: Vec<_> = fitted.weights.entries().map(|(k, r)| (k, *r)).collect();
        entries.extend(stacking::quantised(&rows, fitted.weights.scale).into_iter().map(|(h, r)| (crate::model::table::key_of(h), r)));
        let weights = crate::model::table::WeightTable::new(entries, fitted.weights.scale);
        fitted.bytes = fit.write(&words, &weights);
        let scores = fit.score(&fitted.bytes)?;
        progress(&format!("stacking: {} rows; {dev_file} PER+LOC+ORG F1 {:.3}", rows.len(), scores.core_f1()));
        fitted.dev.push(scores);
        fitted.weights = weights;
    }
    Ok(Trained { bytes: fitted.bytes, dev: fitted.dev, features: fitted.weights.len() })
}

/// Scores a model's names alone on gold documents.
pub(super) fn evaluate_names<W: Weights>(model: &Model<W>, gazetteers: &Gazetteers, docs: &[GoldDoc]) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let doc = Doc::new(&d.text);
        let predicted: Vec<_> =
            model.tag(&doc, gazetteers).into_iter().map(|(t, label)| (doc.tokens[t.start].start..doc.tokens[t.end - 1].end, label)).collect();
        scores.add(&d.text, &d.names, &predicted);
    }
    scores
}

/// Scores `extractor` on gold documents, reading them as `lang`.
pub fn evaluate_docs(extractor: &Extractor, lang: Lang, docs: &[GoldDoc]) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let found = extractor.extract_as(&d.text, lang);
        let predicted: Vec<_> = found.entities.iter().map(|e| (e.start..e.end, e.label)).collect();
        scores.add(&d.text, &d.names, &predicted);
    }
    scores
}

/// Scores `extractor` on a gold file: a CoNLL file, its sentences grouped
/// into documents as `conll2jsonl.py` does, or gold JSONL (`.jsonl`), one
/// article a line (an `A|B` name counts as A here; `score.py` accepts
/// either).
pub fn evaluate_file(extractor: &Extractor, lang: Lang, path: &Path) -> Result<Scores, TrainError> {
    let docs = if path.extension().is_some_and(|e| e == "jsonl") {
        let content = std::fs::read(path).map_err(|e| TrainError::read(path, e))?;
        gold_jsonl::parse(path, &content)?
    } else {
        conll::documents(&conll::read(path)?, SENTENCES_PER_DOC)
    };
    Ok(evaluate_docs(extractor, lang, &docs))
}

/// Fisher–Yates with xorshift: the same order on every machine.
pub(super) fn shuffle(items: &mut [usize], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        items.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}
