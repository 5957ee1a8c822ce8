//! Decoding: the tagger's scores of each token, and its tags, chosen
//! left to right, each the best the tags before it allow.
//!
//! Only the features of the tags before a token depend on the decoding:
//! everything else is computed once per token, most of it once per
//! distinct word of a document (`WordCache`) or once per model (`Dense`).

use super::document::Openings;
use super::features::{hashes, Context, DocHistory, WINDOW};
use super::lexicon;
use super::tags::{may_end, may_follow, split, tag, Part, N_TAGS, OUTSIDE, TYPES};
use super::{acronyms, Model, Weights};
use rustc_hash::FxHashMap;
use std::sync::Mutex;

pub(super) type Scores = [f32; N_TAGS];
const WIDTH: usize = 5;

/// Word caches for the threads that tag with one model: a document takes
/// one for its whole decoding and gives it back, so threads sharing an
/// extractor never wait for each other's work, only for a pop or a push.
#[derive(Default)]
pub(super) struct CachePool(Mutex<Vec<WordCache>>);

impl CachePool {
    fn take(&self) -> WordCache {
        // A poisoned lock only means another thread panicked while pushing:
        // the caches in it are still valid caches.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop().unwrap_or_default()
    }

    fn give_back(&self, mut cache: WordCache) {
        if cache.windows.len() > CACHED_WORDS {
            cache = WordCache::default();
        }
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(cache);
    }
}

/// The window scores of words met in earlier texts, so that a batch of
/// articles computes each word once, not once per article.
#[derive(Default)]
pub(super) struct WordCache {
    ids: FxHashMap<Box<str>, u32>,
    windows: Windows,
}

/// Each cached word's window scores, by word id, in chunks of a fixed size:
/// a growing cache never copies itself, as a doubling `Vec` would (holding
/// its old and new buffers at once, half again its bound, at the worst
/// moment: a text of many distinct words).
#[derive(Default)]
struct Windows(Vec<Vec<[Scores; WIDTH]>>);

impl Windows {
    /// Words per chunk (340 KB).
    const CHUNK: usize = 1024;

    fn len(&self) -> usize {
        self.0.last().map_or(0, |last| (self.0.len() - 1) * Windows::CHUNK + last.len())
    }

    /// Adds a word's scores; returns its id.
    fn push(&mut self, scores: [Scores; WIDTH]) -> u32 {
        let id = self.len() as u32;
        match self.0.last_mut() {
            Some(last) if last.len() < Windows::CHUNK => last.push(scores),
            _ => {
                let mut chunk = Vec::with_capacity(Windows::CHUNK);
                chunk.push(scores);
                self.0.push(chunk);
            }
        }
        id
    }
}

impl std::ops::Index<u32> for Windows {
    type Output = [Scores; WIDTH];

    fn index(&self, id: u32) -> &Self::Output {
        let id = id as usize;
        &self.0[id / Windows::CHUNK][id % Windows::CHUNK]
    }
}

/// Words kept between texts (about 7 MB); past it the cache starts over.
const CACHED_WORDS: usize = 20_000;

/// Words cached within one text at most (about 10 MB): a text of millions
/// of distinct words computes the rest where they stand (five times the
/// work for those words) rather than holding gigabytes.
const CACHED_WORDS_IN_TEXT: usize = 30_000;

/// The id of a word past the cache's bound.
const UNCACHED: u32 = u32::MAX;

/// The summed weights of the features that take few values (gazetteer
/// bits, previous tags...), computed when a model loads so that tagging
/// reads them by index instead of hashing. Always equal to what the
/// feature lists of `features` give: see the test `fast_equals_reference`.
pub(super) struct Dense {
    gazetteer: Vec<Scores>,
    gazetteer_near: [Vec<Scores>; 2],
    lower_in_doc: Vec<Scores>,
    capitalised_roles: Vec<Scores>,
    acronym: Vec<Scores>,
    long_form: Vec<Scores>,
    prev_tag: Vec<Scores>,
    prev_two_tags: Vec<Scores>,
    doc_history: Vec<Scores>,
}

const BITS: usize = lexicon::GazetteerBits::BITS as usize;
const HISTORIES: usize = 1 + TYPES.len();

impl Dense {
    pub(super) fn new(weights: &impl Weights) -> Dense {
        let row = |hash: u64| {
            let mut s = [0.0; N_TAGS];
            weights.add(&[hash], &mut s);
            s
        };
        let tags = N_TAGS + 1;
        Dense {
            gazetteer: (0..BITS).map(|b| row(hashes::gazetteer(b))).collect(),
            gazetteer_near: [0, 1].map(|side| (0..BITS).map(|b| row(hashes::gazetteer_near(side, b))).collect()),
            lower_in_doc: (0..4).map(|c| row(hashes::lower_in_doc(c))).collect(),
            capitalised_roles: (0..16).map(|r| row(hashes::capitalised_roles(r))).collect(),
            acronym: (0..8).map(|c| row(hashes::acronym(c))).collect(),
            long_form: (0..acronyms::LONG_FORM_PARTS as u8).map(|p| row(hashes::long_form(p))).collect(),
            prev_tag: (0..tags).map(|p| row(hashes::prev_tag(p))).collect(),
            prev_two_tags: (0..tags * tags).map(|k| row(hashes::prev_two_tags(k / tags, k % tags))).collect(),
            doc_history: (0..HISTORIES as u8).map(|h| row(hashes::doc_history(h))).collect(),
        }
    }
}

fn add(scores: &mut Scores, part: &Scores) {
    for (s, p) in scores.iter_mut().zip(part) {
        *s += p;
    }
}

fn add_bits(scores: &mut Scores, table: &[Scores], mut bits: lexicon::GazetteerBits) {
    while bits != 0 {
        add(scores, &table[bits.trailing_zeros() as usize]);
        bits &= bits - 1;
    }
}

/// The scores of one document's tokens, apart from the features of the
/// tags before each (see `history`).
struct Scorer<'a, W> {
    model: &'a Model<W>,
    ctx: &'a Context<'a>,
    word_ids: Vec<u32>,
    windows: &'a Windows,
    /// The scores of the sentence edges ("<s>", "</s>") at each offset.
    edges: [Scores; WIDTH],
}

impl<W: Weights> Model<W> {
    /// The tags of `ctx`'s tokens, and the tagger's scores where it opened
    /// a name.
    pub(super) fn decode(&self, ctx: &Context) -> (Vec<usize>, Openings) {
        let mut cache = self.caches.take();
        let word_ids = self.word_ids(ctx, &mut cache);
        let scorer = Scorer { model: self, ctx, word_ids, windows: &cache.windows, edges: self.edges(ctx) };
        let decoded = scorer.decode();
        self.caches.give_back(cache);
        decoded
    }

    /// Each token's index into the cache of window scores, computing those
    /// of words not met before (up to the cache's bound).
    fn word_ids(&self, ctx: &Context, cache: &mut WordCache) -> Vec<u32> {
        let WordCache { ids, windows } = cache;
        let mut buf = Vec::with_capacity(64);
        (0..ctx.len())
            .map(|j| {
                if let Some(&id) = ids.get(ctx.doc.raw(j)) {
                    return id;
                }
                if windows.len() >= CACHED_WORDS_IN_TEXT {
                    return UNCACHED;
                }
                let mut all = [[0.0; N_TAGS]; WIDTH];
                let info = ctx.word_info(j);
                for (k, d) in WINDOW.enumerate() {
                    buf.clear();
                    ctx.word_features_known(j, info, d, &mut buf);
                    self.weights.add(&buf, &mut all[k]);
                }
                let id = windows.push(all);
                ids.insert(ctx.doc.raw(j).into(), id);
                id
            })
            .collect()
    }

    fn edges(&self, ctx: &Context) -> [Scores; WIDTH] {
        let mut buf = Vec::new();
        std::array::from_fn(|k| {
            let mut s = [0.0; N_TAGS];
            let d = k as isize + WINDOW.start();
            if d != 0 && ctx.len() > 0 {
                buf.clear();
                ctx.edge_features(d, &mut buf);
                self.weights.add(&buf, &mut s);
            }
            s
        })
    }
}

impl<W: Weights> Scorer<'_, W> {
    fn decode(&self) -> (Vec<usize>, Openings) {
        let ctx = self.ctx;
        let mut tags = vec![OUTSIDE; ctx.len()];
        let mut openings = Openings::default();
        let mut history = DocHistory::default();
        let mut buf = Vec::with_capacity(64);
        for i in 0..ctx.len() {
            let fixed = self.fixed(i, &mut buf);
            let first = ctx.neighbour(i, -1).is_none();
            let prev = if first { OUTSIDE } else { tags[i - 1] };
            let prev2 = if i < 2 { OUTSIDE } else { tags[i - 2] };
            let scores = self.after(i, &fixed, prev, prev2, history.get(ctx.doc, i), &mut buf);
            tags[i] = tag_at(ctx, &scores, &mut tags, i);
            history.record(ctx.doc, i, tags[i]);
            openings.record(i, tags[i], &scores);
        }
        (tags, openings)
    }

    /// Token `i`'s scores but for the features of the tags before it.
    fn fixed(&self, i: usize, buf: &mut Vec<u64>) -> Scores {
        let (ctx, dense) = (self.ctx, &self.model.dense);
        let mut scores = [0.0f32; N_TAGS];
        for (k, d) in WINDOW.enumerate() {
            match ctx.neighbour(i, d) {
                Some(j) if self.word_ids[j] == UNCACHED => {
                    let mut word = [0.0; N_TAGS];
                    buf.clear();
                    ctx.word_features_of(j, d, buf);
                    self.model.weights.add(buf, &mut word);
                    add(&mut scores, &word);
                }
                Some(j) => add(&mut scores, &self.windows[self.word_ids[j]][k]),
                None => add(&mut scores, &self.edges[k]),
            }
        }
        // What `Context::position_features` lists, from `dense` where it can.
        add_bits(&mut scores, &dense.gazetteer, ctx.gazetteer_bits(i));
        for (side, d) in [-1isize, 1].into_iter().enumerate() {
            if let Some(j) = ctx.neighbour(i, d) {
                add_bits(&mut scores, &dense.gazetteer_near[side], ctx.gazetteer_bits(j));
            }
        }
        let (left, right) = ctx.pairs(i);
        buf.clear();
        buf.extend([left, right]);
        if ctx.is_sentence_start(i) {
            buf.push(hashes::sentence_start(ctx.short_shape(i)));
        }
        if let Some(code) = ctx.lower_in_doc(i) {
            add(&mut scores, &dense.lower_in_doc[usize::from(code)]);
        }
        if let Some(roles) = ctx.roles(i) {
            add(&mut scores, &dense.capitalised_roles[usize::from(roles)]);
        }
        let (acronym, long_form) = ctx.acronym(i);
        if acronym != 0 {
            add(&mut scores, &dense.acronym[usize::from(acronym)]);
        }
        if long_form != 0 {
            add(&mut scores, &dense.long_form[usize::from(long_form)]);
        }
        self.model.weights.add(buf, &mut scores);
        scores
    }

    /// Token `i`'s scores after the tags `prev` and `prev2`: what
    /// `Context::history_features` lists, added to `fixed`.
    fn after(&self, i: usize, fixed: &Scores, prev: usize, prev2: usize, past: u8, buf: &mut Vec<u64>) -> Scores {
        let (ctx, dense) = (self.ctx, &self.model.dense);
        let mut scores = *fixed;
        let (p1, p2) = ctx.previous_tags(i, prev, prev2);
        add(&mut scores, &dense.prev_tag[p1]);
        add(&mut scores, &dense.prev_two_tags[p1 * (N_TAGS + 1) + p2]);
        if ctx.doc.is_capitalised(i) || past != 0 {
            add(&mut scores, &dense.doc_history[usize::from(past)]);
        }
        buf.clear();
        buf.push(hashes::prev_tag_shape(p1, ctx.short_shape(i)));
        self.model.weights.add(buf, &mut scores);
        scores
    }
}

/// The tag of token `i` from its scores and the tags before it.
///
/// Training undoes a name opened by mistake wherever the model would rather
/// close it (`choose_tag`); tagging only where the token could not go on a
/// name anyway (lower case, punctuation, a number): a capitalised word after
/// an open name stays in it ("M’Jid El Guerrab" whole, not cut before "El").
fn tag_at(ctx: &Context, scores: &Scores, tags: &mut [usize], i: usize) -> usize {
    let first = ctx.neighbour(i, -1).is_none();
    let last = ctx.neighbour(i, 1).is_none();
    let prev = if first { OUTSIDE } else { tags[i - 1] };
    if ctx.doc.is_capitalised(i) {
        best_tag(scores, prev, last)
    } else {
        choose_tag(scores, tags, i, first, last)
    }
}

/// The best tag after `prev` (OUTSIDE at a sentence's start); at its
/// `last` token, one that ends any name.
///
/// Measured against repairing on every token, on every development set:
/// conll03.en.dev 0.913 → 0.916, cleanconll.en.dev 0.856 → 0.859,
/// hipe2020.fr.dev 0.712 → 0.713, the news development set 0.854 → 0.861.
/// Never repairing cost the news set names run on through punctuation
/// ("Canal+ (voire"); a beam over whole paths bought nothing more.
fn best_tag(scores: &Scores, prev: usize, last: bool) -> usize {
    (0..N_TAGS).filter(|&t| may_follow(prev, t) && (!last || may_end(t))).max_by(|&a, &b| scores[a].total_cmp(&scores[b])).unwrap_or(OUTSIDE)
}

/// The tag of token `i` from its scores, given the tags before it, as
/// training chooses it.
///
/// Greedy decoding with hard BILOU constraints has a failure mode: once it
/// opens a name by mistake it must run it on ("Moody took six"). So when the
/// model would rather close the open name than continue it, the previous
/// tag is repaired (Begin becomes Unit, Inside becomes Last) and this token
/// gets its best tag outside any name.
pub(crate) fn choose_tag(scores: &[f32; N_TAGS], tags: &mut [usize], i: usize, first: bool, last: bool) -> usize {
    let prev = if first { OUTSIDE } else { tags[i - 1] };
    let best = |allowed: &dyn Fn(usize) -> bool| (0..N_TAGS).filter(|&t| allowed(t) && (!last || may_end(t))).max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let closed = best(&|t| may_follow(OUTSIDE, t)).unwrap_or(OUTSIDE);
    let Some((ty, part)) = split(prev).filter(|(_, p)| matches!(p, Part::Begin | Part::Inside)) else {
        return closed;
    };
    let open = best(&|t| may_follow(prev, t)).expect("a name can always end");
    if scores[open] >= scores[closed] {
        return open;
    }
    tags[i - 1] = tag(ty, if part == Part::Begin { Part::Unit } else { Part::Last });
    closed
}

#[cfg(all(test, feature = "embedded-models"))]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::model::lexicon::Gazetteers;

    /// Decoding from the full feature lists, as training scores tokens.
    fn reference(model: &Model, ctx: &Context) -> Vec<usize> {
        let n = ctx.len();
        let mut tags = vec![OUTSIDE; n];
        let mut history = DocHistory::default();
        let mut buf = Vec::new();
        for i in 0..n {
            buf.clear();
            for d in WINDOW {
                ctx.word_features(i, d, &mut buf);
            }
            ctx.position_features(i, &mut buf);
            let first = ctx.neighbour(i, -1).is_none();
            let prev = if first { OUTSIDE } else { tags[i - 1] };
            let prev2 = if i < 2 { OUTSIDE } else { tags[i - 2] };
            ctx.history_features(i, prev, prev2, history.get(ctx.doc, i), &mut buf);
            let mut scores = [0.0; N_TAGS];
            model.weights.add(&buf, &mut scores);
            tags[i] = tag_at(ctx, &scores, &mut tags, i);
            history.record(ctx.doc, i, tags[i]);
        }
        tags
    }

    #[test]
    fn fast_equals_reference() {
        let gazetteers = Gazetteers::builtin();
        let bytes = include_bytes!("../../models/fr.bin");
        let model = Model::from_bytes(bytes, Gazetteers::builtin_signature()).unwrap();
        let text = include_str!("../../www/seed-article.txt");
        let doc = Doc::new(text);
        let ctx = Context::new(&doc, &model.words, &gazetteers);
        assert_eq!(model.decode(&ctx).0, reference(&model, &ctx));
    }
}
