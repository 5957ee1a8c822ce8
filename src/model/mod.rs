//! The learned name tagger: an averaged perceptron over BILOU tags,
//! decoded greedily left to right with the previous tags and the
//! document's earlier decisions as features (Ratinov and Roth, 2009).

pub(crate) mod acronyms;
pub(crate) mod features;
pub(crate) mod format;
pub(crate) mod hash;
pub(crate) mod lexicon;
pub(crate) mod long_names;
pub(crate) mod one_type;
pub(crate) mod patterns;
pub(crate) mod persons;
pub(crate) mod places;
pub(crate) mod ruler;
pub(crate) mod shape;
pub(crate) mod table;
pub(crate) mod tags;

use crate::doc::Doc;
use crate::entity::Label;
use crate::error::{Error, ErrorKind};
use features::{hashes, Context, DocHistory, WINDOW};
use lexicon::{Gazetteers, WordIndex};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Mutex;
use table::WeightTable;
use tags::{may_end, may_follow, split, tag, Part, N_TAGS, OUTSIDE, TYPES};

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
    dense: Dense,
    cache: Mutex<WordCache>,
}

/// The window scores of words met in earlier texts, so that a batch of
/// articles computes each word once, not once per article.
#[derive(Default)]
struct WordCache {
    ids: FxHashMap<Box<str>, u32>,
    windows: Vec<[Scores; WIDTH]>,
}

/// Words kept between texts (about 7 MB); past it the cache starts over.
const CACHED_WORDS: usize = 20_000;

/// Words cached within one text at most (about 17 MB): a text of millions
/// of distinct words computes the rest where they stand (five times the
/// work for those words) rather than holding gigabytes.
const CACHED_WORDS_IN_TEXT: usize = 50_000;

/// The id of a word past the cache's bound.
const UNCACHED: u32 = u32::MAX;

/// The summed weights of the features that take few values (gazetteer
/// bits, previous tags...), computed when a model loads so that tagging
/// reads them by index instead of hashing. Always equal to what the
/// feature lists of `features` give: see the test `fast_equals_reference`.
struct Dense {
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
    fn new(weights: &impl Weights) -> Dense {
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

type Scores = [f32; N_TAGS];
const WIDTH: usize = 5;

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
        let dense = Dense::new(&weights);
        Model { lang, reported, words, weights, dense, cache: Mutex::default() }
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
        let mut names: Vec<one_type::Name> = bounded(doc, tags::decode(&tags).into_iter().filter_map(|(r, t)| Some((trim_name(doc, r)?, t))));
        patterns::apply(&ctx, &mut names, self.reported);
        one_type::unify(doc, &mut names, &openings);
        names.into_iter().filter(|(_, t)| self.reported & (1 << t) != 0).map(|(r, t)| (r, TYPES[t])).collect()
    }

    /// Greedy decoding, sentence by sentence, with each distinct word's
    /// window scores computed once per document.
    fn decode(&self, ctx: &Context) -> (Vec<usize>, one_type::Openings) {
        let doc = ctx.doc;
        let n = ctx.len();
        let mut buf = Vec::with_capacity(64);
        // Each distinct word's scores at each offset of the window. A poisoned
        // lock only means another thread panicked mid-insert: the cache is
        // still a valid cache.
        let mut cache = self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if cache.windows.len() > CACHED_WORDS {
            *cache = WordCache::default();
        }
        let WordCache { ids, windows } = &mut *cache;
        let word_ids: Vec<u32> = (0..n)
            .map(|j| {
                if let Some(&id) = ids.get(doc.raw(j)) {
                    return id;
                }
                if windows.len() >= CACHED_WORDS_IN_TEXT {
                    return UNCACHED;
                }
                let mut all = [[0.0; N_TAGS]; WIDTH];
                for (k, d) in WINDOW.enumerate() {
                    buf.clear();
                    ctx.word_features_of(j, d, &mut buf);
                    self.weights.add(&buf, &mut all[k]);
                }
                windows.push(all);
                let id = (windows.len() - 1) as u32;
                ids.insert(doc.raw(j).into(), id);
                id
            })
            .collect();
        // The scores of the sentence edges ("<s>", "</s>") at each offset.
        let edges: [Scores; WIDTH] = std::array::from_fn(|k| {
            let mut s = [0.0; N_TAGS];
            let d = k as isize + WINDOW.start();
            if d != 0 && n > 0 {
                buf.clear();
                ctx.edge_features(d, &mut buf);
                self.weights.add(&buf, &mut s);
            }
            s
        });
        let dense = &self.dense;
        let mut tags = vec![OUTSIDE; n];
        let mut openings = one_type::Openings::default();
        let mut history = DocHistory::default();
        for i in 0..n {
            let mut scores = [0.0f32; N_TAGS];
            for (k, d) in WINDOW.enumerate() {
                match ctx.neighbour(i, d) {
                    Some(j) if word_ids[j] == UNCACHED => {
                        let mut word = [0.0; N_TAGS];
                        buf.clear();
                        ctx.word_features_of(j, d, &mut buf);
                        self.weights.add(&buf, &mut word);
                        add(&mut scores, &word);
                    }
                    Some(j) => add(&mut scores, &windows[word_ids[j] as usize][k]),
                    None => add(&mut scores, &edges[k]),
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
            // What `Context::history_features` lists.
            let first = ctx.neighbour(i, -1).is_none();
            let prev = if first { OUTSIDE } else { tags[i - 1] };
            let prev2 = if i < 2 { OUTSIDE } else { tags[i - 2] };
            let (p1, p2) = ctx.previous_tags(i, prev, prev2);
            add(&mut scores, &dense.prev_tag[p1]);
            add(&mut scores, &dense.prev_two_tags[p1 * (N_TAGS + 1) + p2]);
            buf.push(hashes::prev_tag_shape(p1, ctx.short_shape(i)));
            let past = history.get(doc, i);
            if doc.is_capitalised(i) || past != 0 {
                add(&mut scores, &dense.doc_history[usize::from(past)]);
            }
            self.weights.add(&buf, &mut scores);
            let last = ctx.neighbour(i, 1).is_none();
            tags[i] = choose_tag(&scores, &mut tags, i, first, last);
            history.record(doc, i, tags[i]);
            openings.record(i, tags[i], &scores);
        }
        (tags, openings)
    }
}

/// Words a name never ends on (nor starts with): conjunctions and
/// prepositions that a name's tag ran onto.
const NOT_AT_EDGES: &[&str] = &["and", "or", "of", "the", "et", "ou", "de", "du", "des", "la", "le", "les", "à", "a", "in", "en"];

/// A name's tokens without punctuation or linking words at either end;
/// `None` if nothing is left.
fn trim_name(doc: &Doc, mut r: Range<usize>) -> Option<Range<usize>> {
    let loose = |i: usize| {
        let raw = doc.raw(i);
        !raw.chars().any(char::is_alphanumeric) || (doc.is_lower(i) && NOT_AT_EDGES.contains(&doc.word(i)))
    };
    // "U.S." keeps its full stop: it is part of one token.
    while r.start < r.end && loose(r.end - 1) {
        r.end -= 1;
    }
    while r.start < r.end && loose(r.start) {
        r.start += 1;
    }
    // Nor with a lower-case word before its capitalised ones ("irakien
    // Qassem al-Mohammedi", "président Macron"), as training leaves them out
    // of gold names, unless that word is a name's particle ("van Gogh").
    while r.len() > 1 && doc.is_lower(r.start) && !PARTICLES.contains(&doc.word(r.start)) && (r.start + 1..r.end).any(|i| doc.is_capitalised(i)) {
        r.start += 1;
    }
    // A name has a capital letter: a word quoted in lower case ("fake
    // news") is not one, nor is a virus or a disease written as a name with
    // a number ("Covid-19", "SARS-CoV-2").
    let capital = (r.start..r.end).any(|i| doc.raw(i).chars().any(char::is_uppercase));
    let disease = r.len() == 1 && is_strain(doc.raw(r.start));
    (!r.is_empty() && capital && !disease).then_some(r)
}

/// Tokens of the longest name ("Haut Conseil de l’évaluation de la recherche
/// et de l’enseignement supérieur" has 12): a longer run of tags is text
/// the model misread, such as a list of names without punctuation.
const LONGEST_NAME: usize = 24;

/// Bytes of the longest name: a longer one is a run of letters, not a name.
const LONGEST_NAME_BYTES: usize = 256;

/// A word written three times or more in a row is that many mentions, not
/// one name ("Lyon Lyon Lyon"); twice may be one name ("Bora Bora").
const REPEATS_THAT_SPLIT: usize = 3;

/// The tagger's names within bounds: runs of one repeated word split into
/// one name a word, and names longer than any name dropped.
fn bounded(doc: &Doc, names: impl Iterator<Item = one_type::Name>) -> Vec<one_type::Name> {
    let mut out = Vec::new();
    let mut keep = |piece: Range<usize>, t: usize| {
        let bytes = doc.tokens[piece.end - 1].end - doc.tokens[piece.start].start;
        if piece.len() <= LONGEST_NAME && bytes <= LONGEST_NAME_BYTES {
            out.push((piece, t));
        }
    };
    for (r, t) in names {
        // One pass over the runs of one word; short runs gather into one
        // piece, long runs give one name a word.
        let mut piece = r.start;
        let mut i = r.start;
        while i < r.end {
            let run = (i..r.end).take_while(|&j| doc.word(j) == doc.word(i)).count();
            if run >= REPEATS_THAT_SPLIT {
                if piece < i {
                    keep(piece..i, t);
                }
                (i..i + run).for_each(|j| keep(j..j + 1, t));
                piece = i + run;
            }
            i += run;
        }
        if piece < r.end {
            keep(piece..r.end, t);
        }
    }
    out
}

/// Viruses and the diseases they cause that news writes as a stem, a
/// hyphen and a number ("Covid-19", "SARS-CoV-2"), folded.
const STRAINS: &[&str] = &["covid", "sars-cov", "sras-cov", "mers-cov", "hcov", "hiv", "vih", "ebola", "zika"];

/// "Covid-19", "SARS-CoV-2", "H5N1": a virus or a disease, not a name
/// ("Paris-2024", "A-380", "G-20" stay names).
fn is_strain(word: &str) -> bool {
    if let Some((stem, number)) = word.rsplit_once('-') {
        return STRAINS.contains(&crate::text::fold_key(stem).as_str()) && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    }
    // Letters and digits in four runs or more: "H5N1".
    let mut runs = 0;
    let mut last = None;
    for c in word.chars() {
        let digit = c.is_ascii_digit();
        if last != Some(digit) {
            runs += 1;
            last = Some(digit);
        }
    }
    runs >= 4 && word.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Lower-case words that begin names: "van Gogh", "von der Leyen", "bin Laden".
const PARTICLES: &[&str] =
    &["van", "von", "der", "den", "ter", "ten", "al", "el", "ben", "bin", "ibn", "abu", "abou", "da", "di", "dos", "das", "del", "della", "mac"];

/// The tag of token `i` from its scores, given the tags before it.
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
    use crate::model::lexicon::GAZETTEERS;

    /// Decoding as training does, from the full feature lists.
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
            let last = ctx.neighbour(i, 1).is_none();
            tags[i] = choose_tag(&scores, &mut tags, i, first, last);
            history.record(ctx.doc, i, tags[i]);
        }
        tags
    }

    #[test]
    fn fast_equals_reference() {
        let gazetteers = Gazetteers::new(GAZETTEERS).unwrap();
        let bytes = include_bytes!("../../models/fr.bin");
        let model = Model::from_bytes(bytes, Gazetteers::builtin_signature()).unwrap();
        let text = include_str!("../../www/seed-article.txt");
        let doc = Doc::new(text);
        let ctx = Context::new(&doc, &model.words, &gazetteers);
        assert_eq!(model.decode(&ctx).0, reference(&model, &ctx));
    }
}

#[cfg(test)]
mod trim_tests {
    use super::trim_name;
    use crate::doc::Doc;

    #[test]
    fn names_lose_what_runs_onto_their_edges() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("demonym before a person", "irakien Qassem al-Mohammedi", Some("Qassem al-Mohammedi")),
            ("title before a person", "président Macron", Some("Macron")),
            ("particle kept", "van Gogh", Some("van Gogh")),
            ("lower-case word after the capital kept", "Etat islamique", Some("Etat islamique")),
            ("conjunction at the end", "Department of Conservation and", Some("Department of Conservation")),
            ("punctuation at the end", "Māori –", Some("Māori")),
            ("lower case alone is no name", "internet", None),
            ("a quoted word is no name", "fake news", None),
            ("a virus is no name", "SARS-CoV-2", None),
            ("a disease is no name", "Covid-19", None),
            ("nor a strain", "H5N1", None),
            ("a group of seven is", "G7", Some("G7")),
            ("a plane is", "A-380", Some("A-380")),
            ("games are", "Paris-2024", Some("Paris-2024")),
            ("punctuation alone", "»", None),
        ];
        for &(name, text, expected) in cases {
            let doc = Doc::new(text);
            let got = trim_name(&doc, 0..doc.tokens.len()).map(|r| &text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end]);
            assert_eq!(got, expected, "{name}");
        }
    }
}

#[cfg(test)]
mod bounded_tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let all = (0..doc.tokens.len(), 1);
        bounded(&doc, std::iter::once(all)).into_iter().map(|(r, _)| text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn names_stay_within_bounds() {
        assert_eq!(pieces("Lyon Lyon Lyon"), ["Lyon", "Lyon", "Lyon"]);
        assert_eq!(pieces("Bora Bora"), ["Bora Bora"]);
        assert_eq!(pieces("Grand Lyon Lyon Lyon Métropole"), ["Grand", "Lyon", "Lyon", "Lyon", "Métropole"]);
        assert_eq!(pieces(&"Paris ".repeat(100_000)).len(), 100_000);
        let long: Vec<String> = (0..30).map(|k| format!("Nom{k}")).collect();
        assert!(pieces(&long.join(" ")).is_empty(), "30 words are no name");
        assert!(pieces(&"A".repeat(300)).is_empty(), "300 letters are no name");
    }
}
