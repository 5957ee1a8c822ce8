//! The features of a token, shared by training and tagging so that the two
//! can never disagree.
//!
//! Three groups, by what they depend on:
//! - *word* features depend only on a word's text and its offset from the
//!   token being tagged (−2..=2): its fold key, shape, affixes, how often
//!   it is written in lower case. Tagging caches their summed weights per
//!   distinct word, which is where most of its speed comes from.
//! - *position* features depend on where the token stands: gazetteer
//!   matches, the start of a sentence, word pairs, what the document says
//!   of the same word elsewhere.
//! - *history* features depend on the tags already chosen: the previous
//!   two tags, and the types earlier mentions of the same word received.

use super::acronyms::Acronyms;
use super::hash::feature;
use super::lexicon::{CapsPrior, GazetteerBits, Gazetteers, WordIndex, WordInfo};
use super::shape::Shape;
use super::tags::{split, N_TAGS, OUTSIDE};
use crate::doc::Doc;
use rustc_hash::{FxHashMap, FxHashSet};

/// Feature templates. Their numbers are part of the model format: append,
/// never renumber.
mod t {
    pub const BIAS: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const SHORT_SHAPE: u8 = 4;
    pub const PREFIX: u8 = 5;
    pub const SUFFIX: u8 = 6;
    pub const CAPS_PRIOR: u8 = 7;
    pub const CLUSTER: u8 = 8;
    pub const LENGTH: u8 = 9;
    pub const GAZETTEER: u8 = 10;
    pub const SENTENCE_START: u8 = 11;
    pub const PAIR_LEFT: u8 = 12;
    pub const PAIR_RIGHT: u8 = 13;
    pub const LOWER_IN_DOC: u8 = 14;
    pub const PREV_TAG: u8 = 15;
    pub const PREV_TWO_TAGS: u8 = 16;
    pub const PREV_TAG_SHAPE: u8 = 17;
    pub const DOC_HISTORY: u8 = 18;
    pub const GAZETTEER_NEAR: u8 = 19;
    pub const FORM: u8 = 20;
    pub const CAPITALISED_ROLES: u8 = 21;
    pub const ACRONYM: u8 = 22;
    pub const LONG_FORM: u8 = 23;
    pub const VECTOR_CLUSTER: u8 = 24;
    pub const WEB_CAPS: u8 = 25;
    pub const ZIPF: u8 = 26;
    pub const NEWS_PRIOR: u8 = 27;
}

/// Offsets of the context window, and their code in feature hashes.
pub(crate) const WINDOW: std::ops::RangeInclusive<isize> = -2..=2;

fn offset_code(d: isize) -> u8 {
    (d + 8) as u8
}

/// Per-document data the features read: computed once per text.
pub(crate) struct Context<'d> {
    pub doc: &'d Doc<'d>,
    /// Each token's short shape, as an index into `shapes`: a text has few
    /// distinct ones, and a shape is 25 bytes (a quarter of the memory the
    /// context takes per token).
    short_shapes: Vec<u32>,
    shapes: Vec<Shape>,
    /// Gazetteer matches per token: bit `list * 4 + part`.
    gazetteer: Vec<GazetteerBits>,
    sentence_start: Vec<bool>,
    /// For each token, the index one past its sentence's last token.
    sentence_end: Vec<usize>,
    /// Fold keys written in lower case somewhere in the document, other
    /// than at a sentence start.
    lower_in_doc: FxHashSet<&'d str>,
    /// For capitalised words: the roles they play in runs of capitalised
    /// words anywhere in the document (see `capitalised_roles`).
    roles: FxHashMap<&'d str, u8>,
    acronyms: Acronyms,
    words: &'d WordIndex,
}

/// A capitalised word opens a run of two or more capitalised words
/// somewhere in the document ("Louis" in "Louis Farrakhan")...
const OPENS_RUN: u8 = 1;
/// ...closes one ("Farrakhan")...
const CLOSES_RUN: u8 = 2;
/// ...stands inside one...
const INSIDE_RUN: u8 = 4;
/// ...or stands alone, away from a sentence start.
const ALONE: u8 = 8;

/// Each capitalised word's roles in the runs of capitalised words of the
/// document: whether it ever opens, closes, continues such a run or stands
/// alone. A surname met alone ("Farrakhan") has closed a run elsewhere; the
/// evidence needs no model, and sees later mentions as well as earlier ones.
fn capitalised_roles<'d>(doc: &'d Doc<'d>, sentence_start: &[bool], sentence_end: &[usize]) -> FxHashMap<&'d str, u8> {
    let mut roles: FxHashMap<&str, u8> = FxHashMap::default();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        if !doc.is_capitalised(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < sentence_end[i] && doc.is_capitalised(end) {
            end += 1;
        }
        for (k, &starts_sentence) in sentence_start.iter().enumerate().take(end).skip(i) {
            let role = match (end - i, k) {
                (1, _) if starts_sentence => 0,
                (1, _) => ALONE,
                (_, k) if k == i => OPENS_RUN,
                (_, k) if k + 1 == end => CLOSES_RUN,
                _ => INSIDE_RUN,
            };
            *roles.entry(doc.word(k)).or_default() |= role;
        }
        i = end;
    }
    roles
}

impl<'d> Context<'d> {
    pub(crate) fn new(doc: &'d Doc<'d>, words: &'d WordIndex, gazetteers: &Gazetteers) -> Context<'d> {
        let n = doc.tokens.len();
        let mut sentence_start = vec![false; n];
        let mut sentence_end = vec![0; n];
        for s in doc.sentences.iter() {
            // The first word opens the sentence, after any quote or dash.
            if let Some(first) = s.clone().find(|&i| doc.is_word(i)) {
                sentence_start[first] = true;
            }
            for i in s.clone() {
                sentence_end[i] = s.end;
            }
        }
        let lower_in_doc = (0..n).filter(|&i| !sentence_start[i] && doc.is_lower(i)).map(|i| doc.word(i)).collect();
        let gazetteer = gazetteers.tag(doc);
        let mut shapes = Vec::new();
        let mut ids: FxHashMap<Shape, u32> = FxHashMap::default();
        let short_shapes = (0..n)
            .map(|i| {
                let shape = Shape::of(doc.raw(i), 1);
                *ids.entry(shape).or_insert_with(|| {
                    shapes.push(shape);
                    (shapes.len() - 1) as u32
                })
            })
            .collect();
        let roles = capitalised_roles(doc, &sentence_start, &sentence_end);
        let acronyms = Acronyms::find(doc, &sentence_end);
        Context { doc, short_shapes, shapes, gazetteer, sentence_start, sentence_end, lower_in_doc, roles, acronyms, words }
    }

    pub(crate) fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// What the model knows of words.
    pub(crate) fn words(&self) -> &WordIndex {
        self.words
    }

    #[cfg(any(test, feature = "train"))]
    pub(crate) fn sentence_end(&self, i: usize) -> usize {
        self.sentence_end[i]
    }

    /// The token at `i + d` if it is in the same sentence as `i`.
    pub(crate) fn neighbour(&self, i: usize, d: isize) -> Option<usize> {
        let j = i.checked_add_signed(d)?;
        (j < self.len() && self.sentence_end[j] == self.sentence_end[i]).then_some(j)
    }

    #[cfg(any(test, feature = "train"))]
    /// The word features of the token at `i + d`, as seen from `i`.
    pub(crate) fn word_features(&self, i: usize, d: isize, out: &mut Vec<u64>) {
        match self.neighbour(i, d) {
            Some(j) => self.word_features_of(j, d, out),
            None => self.edge_features(d, out),
        }
    }

    /// The word features of the edge of a sentence at offset `d`.
    pub(crate) fn edge_features(&self, d: isize, out: &mut Vec<u64>) {
        out.push(feature(t::LOWER, offset_code(d), if d < 0 { b"<s>" } else { b"</s>" }, b""));
    }

    /// The word features of token `j` placed at offset `d`: a function of
    /// its text alone, so callers may cache it per distinct text.
    pub(crate) fn word_features_of(&self, j: usize, d: isize, out: &mut Vec<u64>) {
        self.word_features_known(j, self.word_info(j), d, out);
    }

    /// What the model knows of token `j`'s word: a binary search over its
    /// words, which a caller asking at several offsets does once.
    pub(crate) fn word_info(&self, j: usize) -> Option<WordInfo> {
        self.words.get(self.doc.word(j))
    }

    /// `word_features_of`, with `info` = `word_info(j)`.
    pub(crate) fn word_features_known(&self, j: usize, info: Option<WordInfo>, d: isize, out: &mut Vec<u64>) {
        let off = offset_code(d);
        let lower = self.doc.word(j).as_bytes();
        let short = self.short_shape(j);
        out.push(feature(t::LOWER, off, lower, b""));
        out.push(feature(t::SHORT_SHAPE, off, short, b""));
        if d.abs() <= 1 {
            out.push(feature(t::FORM, off, self.doc.raw(j).as_bytes(), b""));
        }
        if let Some(info) = info {
            // Every clustering for the word itself, the finer two beside it,
            // the middle one further away.
            let which: &[usize] = match d {
                0 => &[0, 1, 2],
                -1 | 1 => &[1, 2],
                _ => &[1],
            };
            for (template, clusters) in [(t::CLUSTER, info.clusters), (t::VECTOR_CLUSTER, info.web.clusters)] {
                for &g in which {
                    if clusters[g] != 0 {
                        out.push(feature(template, off, &[g as u8], &clusters[g].to_le_bytes()));
                    }
                }
            }
            if d.abs() <= 1 {
                out.push(feature(t::WEB_CAPS, off, &[info.web.caps as u8], b""));
                // What the word usually is in news, beside and on it.
                if info.news.0 != 0 {
                    out.push(feature(t::NEWS_PRIOR, off, &[info.news.0], b""));
                }
            }
        }
        if d != 0 {
            return;
        }
        out.push(feature(t::BIAS, 0, b"", b""));
        out.push(feature(t::SHAPE, 0, Shape::of(self.doc.raw(j), 3).as_bytes(), b""));
        let chars: Vec<(usize, char)> = self.doc.word(j).char_indices().collect();
        for n in 1..=4.min(chars.len()) {
            let prefix_end = chars.get(n).map_or(lower.len(), |&(b, _)| b);
            out.push(feature(t::PREFIX, n as u8, &lower[..prefix_end], b""));
            let suffix_start = chars[chars.len() - n].0;
            out.push(feature(t::SUFFIX, n as u8, &lower[suffix_start..], b""));
        }
        let length = match chars.len() {
            0..=3 => chars.len() as u8,
            4..=5 => 4,
            6..=8 => 5,
            _ => 6,
        };
        out.push(feature(t::LENGTH, length, short, b""));
        let prior = info.map_or(CapsPrior::Unseen, |w| w.caps);
        out.push(feature(t::CAPS_PRIOR, prior as u8, short, b""));
        // How the web writes the word and how common it is, with the way it
        // is written here: a capitalised word the web writes in lower case
        // and uses often is a common word opening a sentence or a title.
        let web = info.map(|w| w.web).unwrap_or_default();
        out.push(feature(t::WEB_CAPS, 8, &[web.caps as u8], short));
        out.push(feature(t::ZIPF, web.zipf, &[web.caps as u8], short));
        let news = info.map_or(0, |w| w.news.0);
        if news != 0 {
            out.push(feature(t::NEWS_PRIOR, 8, &[news], short));
        }
    }

    #[cfg(any(test, feature = "train"))]
    /// Features of the token's place in the text.
    pub(crate) fn position_features(&self, i: usize, out: &mut Vec<u64>) {
        for_each_bit(self.gazetteer[i], |b| out.push(hashes::gazetteer(b)));
        for (side, d) in [-1isize, 1].into_iter().enumerate() {
            if let Some(j) = self.neighbour(i, d) {
                for_each_bit(self.gazetteer[j], |b| out.push(hashes::gazetteer_near(side, b)));
            }
        }
        if self.sentence_start[i] {
            out.push(hashes::sentence_start(self.short_shape(i)));
        }
        let (left, right) = self.pairs(i);
        out.extend([left, right]);
        if let Some(code) = self.lower_in_doc(i) {
            out.push(hashes::lower_in_doc(code));
        }
        if let Some(roles) = self.roles(i) {
            out.push(hashes::capitalised_roles(roles));
        }
        let (acronym, long_form) = self.acronym(i);
        if acronym != 0 {
            out.push(hashes::acronym(acronym));
        }
        if long_form != 0 {
            out.push(hashes::long_form(long_form));
        }
    }

    /// Token `i`'s acronym code and part of a long form (see `acronyms`).
    pub(crate) fn acronym(&self, i: usize) -> (u8, u8) {
        (self.acronyms.code[i], self.acronyms.long_form[i])
    }

    /// Gazetteer matches of token `i`: bit `list * 4 + part`.
    pub(crate) fn gazetteer_bits(&self, i: usize) -> GazetteerBits {
        self.gazetteer[i]
    }

    /// Where token `i` stands in a match of gazetteer `list`, as four bits:
    /// begins a phrase (1), inside one (2), ends one (4), a phrase alone (8);
    /// 0 if in none.
    pub(crate) fn list_part(&self, i: usize, list: usize) -> u8 {
        (self.gazetteer[i] >> (list * 4) & 0b1111) as u8
    }

    pub(crate) fn is_sentence_start(&self, i: usize) -> bool {
        self.sentence_start[i]
    }

    pub(crate) fn short_shape(&self, i: usize) -> &[u8] {
        self.shapes[self.short_shapes[i] as usize].as_bytes()
    }

    /// The hashes of the word pairs the token makes with its neighbours.
    pub(crate) fn pairs(&self, i: usize) -> (u64, u64) {
        let doc = self.doc;
        let lower = doc.word(i).as_bytes();
        let left = self.neighbour(i, -1).map_or(&b"<s>"[..], |j| doc.word(j).as_bytes());
        let right = self.neighbour(i, 1).map_or(&b"</s>"[..], |j| doc.word(j).as_bytes());
        (hashes::pair_left(left, lower), hashes::pair_right(lower, right))
    }

    /// For a capitalised word: whether the document also writes it in lower
    /// case elsewhere (2) and whether it opens a sentence here (1).
    pub(crate) fn lower_in_doc(&self, i: usize) -> Option<u8> {
        let doc = self.doc;
        doc.is_capitalised(i).then(|| u8::from(self.lower_in_doc.contains(doc.word(i))) * 2 + u8::from(self.sentence_start[i]))
    }

    /// The roles of a capitalised word in the document's runs of capitalised
    /// words (a bit set; see `OPENS_RUN`...).
    pub(crate) fn roles(&self, i: usize) -> Option<u8> {
        self.doc.is_capitalised(i).then(|| self.roles.get(self.doc.word(i)).copied().unwrap_or(0))
    }

    /// The previous two tags as history features see them: `N_TAGS` for
    /// "before the sentence".
    pub(crate) fn previous_tags(&self, i: usize, prev: usize, prev2: usize) -> (usize, usize) {
        if self.neighbour(i, -1).is_none() {
            (N_TAGS, N_TAGS)
        } else {
            (prev, if self.neighbour(i, -2).is_none() { N_TAGS } else { prev2 })
        }
    }

    #[cfg(any(test, feature = "train"))]
    /// Features of the tags chosen so far: the previous two, and `history`,
    /// the type (index + 1) most often given to earlier mentions of this
    /// word in the document, 0 if none.
    pub(crate) fn history_features(&self, i: usize, prev: usize, prev2: usize, history: u8, out: &mut Vec<u64>) {
        let (p1, p2) = self.previous_tags(i, prev, prev2);
        out.push(hashes::prev_tag(p1));
        out.push(hashes::prev_two_tags(p1, p2));
        out.push(hashes::prev_tag_shape(p1, self.short_shape(i)));
        if self.doc.is_capitalised(i) || history != 0 {
            out.push(hashes::doc_history(history));
        }
    }
}

#[cfg(any(test, feature = "train"))]
fn for_each_bit(mut bits: GazetteerBits, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

/// The hashes of the position and history features, one function per
/// template: training lists them, tagging precomputes the small ones.
pub(crate) mod hashes {
    use super::{feature, offset_code, t};

    pub(crate) fn gazetteer(bit: usize) -> u64 {
        feature(t::GAZETTEER, bit as u8, b"", b"")
    }

    /// A gazetteer match of the token before (`side` 0) or after (1).
    pub(crate) fn gazetteer_near(side: usize, bit: usize) -> u64 {
        feature(t::GAZETTEER_NEAR, bit as u8, &[offset_code(if side == 0 { -1 } else { 1 })], b"")
    }

    pub(crate) fn sentence_start(short_shape: &[u8]) -> u64 {
        feature(t::SENTENCE_START, 0, short_shape, b"")
    }

    pub(crate) fn pair_left(left: &[u8], word: &[u8]) -> u64 {
        feature(t::PAIR_LEFT, 0, left, word)
    }

    pub(crate) fn pair_right(word: &[u8], right: &[u8]) -> u64 {
        feature(t::PAIR_RIGHT, 0, word, right)
    }

    pub(crate) fn capitalised_roles(roles: u8) -> u64 {
        feature(t::CAPITALISED_ROLES, roles, b"", b"")
    }

    pub(crate) fn acronym(code: u8) -> u64 {
        feature(t::ACRONYM, code, b"", b"")
    }

    pub(crate) fn long_form(part: u8) -> u64 {
        feature(t::LONG_FORM, part, b"", b"")
    }

    pub(crate) fn lower_in_doc(code: u8) -> u64 {
        feature(t::LOWER_IN_DOC, code, b"", b"")
    }

    pub(crate) fn prev_tag(p1: usize) -> u64 {
        feature(t::PREV_TAG, p1 as u8, b"", b"")
    }

    pub(crate) fn prev_two_tags(p1: usize, p2: usize) -> u64 {
        feature(t::PREV_TWO_TAGS, p1 as u8, &[p2 as u8], b"")
    }

    pub(crate) fn prev_tag_shape(p1: usize, short_shape: &[u8]) -> u64 {
        feature(t::PREV_TAG_SHAPE, p1 as u8, short_shape, b"")
    }

    pub(crate) fn doc_history(history: u8) -> u64 {
        feature(t::DOC_HISTORY, history, b"", b"")
    }
}

/// The running memory of what types the document gave each word: the
/// non-local evidence of Ratinov and Roth (2009).
#[derive(Default)]
pub(crate) struct DocHistory<'d> {
    counts: FxHashMap<&'d str, [u16; 4]>,
}

impl<'d> DocHistory<'d> {
    /// The type (index + 1) most often given to token `i`'s word so far, 0
    /// if none.
    pub(crate) fn get(&self, doc: &Doc, i: usize) -> u8 {
        self.counts.get(doc.word(i)).map_or(0, |c| {
            let (best, n) = c.iter().enumerate().max_by_key(|&(_, n)| *n).expect("four types");
            if *n == 0 {
                0
            } else {
                best as u8 + 1
            }
        })
    }

    /// Records that token `i` was tagged `tag`.
    pub(crate) fn record(&mut self, doc: &'d Doc<'d>, i: usize, tag: usize) {
        if tag == OUTSIDE || !doc.is_word(i) {
            return;
        }
        if let Some((ty, _)) = split(tag) {
            // Saturating: the 65,536th mention of a word changes no vote.
            let count = &mut self.counts.entry(doc.word(i)).or_default()[ty];
            *count = count.saturating_add(1);
        }
    }
}
