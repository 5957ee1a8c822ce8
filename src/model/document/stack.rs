//! The learned second stage (stacking, as Krishnan and Manning 2006 and
//! Ratinov and Roth 2009 do): each entity of the document, all its
//! mentions together, is given its type, or found to be no name, by a
//! classifier that sees what the tagger said of every mention, the words
//! around each mention, the lists and the news priors of its words, and
//! what the rules made of it. Ten mentions vote with their contexts; a
//! name the document itself introduces ("la firme X", "le lycée X") speaks
//! louder than a list that holds the word.
//!
//! Its weights lie in the model's weight table beside the tagger's, under
//! their own template; a model trained without them decides by the
//! tagger's summed evidence instead (`types::unify`).

use super::groups::groups;
use super::openings::{argmax, Openings, PerType};
use crate::model::features::Context;
use crate::model::hash::feature;
use crate::model::table::Weights;
use crate::model::tags::{tag, Name, Part, N_TAGS, OUTSIDE, TYPES};

/// The feature template of the stacker's features (the tagger's are
/// 1 to 27, see `features::t`).
const STACK: u8 = 40;

/// The classes an entity may get: the four named types, then no name.
pub(crate) const CLASSES: usize = TYPES.len() + 1;

/// The column of the weight table that scores each class: the Unit tag of
/// each type, and Outside for no name.
pub(crate) fn column(class: usize) -> usize {
    if class < TYPES.len() {
        tag(class, Part::Unit)
    } else {
        OUTSIDE
    }
}

/// One entity of a document: its mentions (indices into the names) and
/// the features the stacker reads.
pub(crate) struct Entity {
    pub mentions: Vec<usize>,
    pub features: Vec<u64>,
}

/// The entities of `names` (sorted by start, disjoint) with their
/// features.
pub(crate) fn entities(ctx: &Context, names: &[Name], openings: &Openings) -> Vec<Entity> {
    let group = groups(ctx.doc, names);
    let n = group.iter().max().map_or(0, |&g| g + 1);
    let mut out: Vec<Entity> = (0..n).map(|_| Entity { mentions: Vec::new(), features: Vec::new() }).collect();
    for (k, &g) in group.iter().enumerate() {
        out[g].mentions.push(k);
    }
    // Group ids are the roots of merged groups: some stand for none.
    out.retain(|e| !e.mentions.is_empty());
    let spans: Vec<Option<PerType>> = names.iter().map(|(r, _)| openings.of(r.start, r.len())).collect();
    for e in &mut out {
        e.features = features(ctx, names, &spans, &e.mentions);
    }
    out
}

fn f(code: u8, a: &[u8], b: &[u8]) -> u64 {
    feature(STACK, code, a, b)
}

/// A share in five buckets.
fn bucket(share: f32) -> u8 {
    ((share * 4.0).round() as u8).min(4)
}

fn features(ctx: &Context, names: &[Name], spans: &[Option<PerType>], mentions: &[usize]) -> Vec<u64> {
    let doc = ctx.doc;
    let mut out = vec![f(0, b"", b"")];
    let n = mentions.len() as f32;
    // What the tagger and the rules said of the mentions.
    let mut tagger = [0f32; TYPES.len()];
    let mut current = [0f32; TYPES.len()];
    for &m in mentions {
        let ty = names[m].1;
        current[ty] += 1.0 / n;
        match spans[m].filter(|s| argmax(s) == ty) {
            Some(s) => {
                for (p, q) in tagger.iter_mut().zip(softmax(&s)) {
                    *p += q / n;
                }
            }
            None => out.push(f(1, &[ty as u8], b"")),
        }
    }
    let majority = argmax(&current) as u8;
    for t in 0..TYPES.len() {
        out.push(f(2, &[t as u8, bucket(tagger[t])], b""));
        out.push(f(3, &[t as u8, bucket(current[t])], b""));
    }
    let count = match mentions.len() {
        1 => 1,
        2 => 2,
        3..=5 => 3,
        _ => 4,
    };
    out.push(f(4, &[count, majority], b""));
    // The words of its longest mention: the first and last, their lists
    // and what news makes of them.
    let longest = mentions.iter().map(|&m| &names[m].0).max_by_key(|r| r.len()).expect("an entity has a mention");
    out.push(f(5, &[longest.len().min(4) as u8, majority], b""));
    for (pos, i) in [(0u8, longest.start), (1, longest.end - 1)] {
        out.push(f(6, &[pos], doc.word(i).as_bytes()));
        let mut bits = ctx.gazetteer_bits(i);
        while bits != 0 {
            let b = bits.trailing_zeros() as u8;
            out.push(f(7, &[pos, b / 4], b""));
            bits &= bits - 1;
        }
        if let Some(w) = ctx.words().get(doc.word(i)) {
            out.push(f(8, &[pos, w.news.0], b""));
            out.push(f(9, &[pos, w.web.caps as u8, w.caps as u8], b""));
        }
    }
    let raw = &doc.text.as_bytes()[doc.tokens[longest.start].start..doc.tokens[longest.end - 1].end];
    let shape = [
        raw.iter().all(|c| !c.is_ascii_lowercase()) as u8,
        raw.iter().any(u8::is_ascii_digit) as u8,
        raw.contains(&b'-') as u8,
        crate::model::acronyms::is_acronym(doc.raw(longest.start)) as u8,
    ];
    out.push(f(10, &shape, b""));
    // The words around each mention: "la firme X", "à X", "X a déclaré".
    for &m in mentions {
        let r = &names[m].0;
        let before = ctx.neighbour(r.start, -1);
        let before2 = ctx.neighbour(r.start, -2);
        let after = ctx.neighbour(r.end - 1, 1);
        let word = |j: Option<usize>| j.map_or(&b"<s>"[..], |j| if doc.is_capitalised(j) { b"<Cap>" } else { doc.word(j).as_bytes() });
        out.push(f(11, b"", word(before)));
        out.push(f(12, word(before2), word(before)));
        out.push(f(13, b"", word(after)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn softmax(s: &PerType) -> PerType {
    let top = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = s.map(|m| if m.is_finite() { (m - top).exp() } else { 0.0 });
    let total: f32 = p.iter().sum();
    if total > 0.0 {
        p.iter_mut().for_each(|v| *v /= total);
    }
    p
}

/// Scores of each class for an entity's features.
pub(crate) fn scores<W: Weights>(weights: &W, features: &[u64]) -> [f32; CLASSES] {
    let mut row = [0f32; N_TAGS];
    weights.add(features, &mut row);
    std::array::from_fn(|c| row[column(c)])
}

/// The feature that marks a model whose weights hold a stacker: never
/// among an entity's features, its row is written with the stacker's.
pub(crate) fn marker() -> u64 {
    f(255, b"trained", b"")
}

/// Whether `weights` hold a stacker.
pub(crate) fn is_trained<W: Weights>(weights: &W) -> bool {
    let mut row = [0f32; N_TAGS];
    weights.add(&[marker()], &mut row);
    row.iter().any(|&s| s != 0.0)
}

/// Gives each entity of `names` the class the stacker scores highest,
/// dropping the mentions of entities it finds to be no name.
pub(crate) fn decide<W: Weights>(ctx: &Context, names: &mut Vec<Name>, openings: &Openings, weights: &W) {
    let mut drop = vec![false; names.len()];
    for e in entities(ctx, names, openings) {
        let s = scores(weights, &e.features);
        let class = (0..CLASSES).max_by(|&a, &b| s[a].total_cmp(&s[b]).then(b.cmp(&a))).unwrap_or(0);
        for &m in &e.mentions {
            if class < TYPES.len() {
                names[m].1 = class;
            } else {
                drop[m] = true;
            }
        }
    }
    let mut k = 0;
    names.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}
