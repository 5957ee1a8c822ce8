//! A summary of an extraction, the same wherever it is shown (the sidebar,
//! the demo page, the command line): each entity once, with its aliases and
//! mentions, ranked by salience; the key figures with what they count; and
//! three sentences "in brief".

mod aliases;
mod brief;
mod figures;
mod salience;

use crate::corrections::Lexicon;
use crate::doc::Doc;
use crate::entity::{Entity, Label};
use crate::extractor::Extraction;
use crate::lang::Lang;
use crate::text::fold_key;
use std::collections::HashMap;
use std::ops::Range;

/// What a text is about, built from its entities.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    /// Each entity once, by label (people first), then by salience.
    pub groups: Vec<Group>,
    /// The quantities of the text, each with the words that say what it
    /// counts, in text order.
    pub figures: Vec<Figure>,
    /// Up to three sentences that carry the most salient entities, in text
    /// order, as byte ranges.
    pub brief: Vec<Range<usize>>,
    /// Mentions left out of `groups` because their name came after the
    /// first [`Summary::MAX_NAMES`] distinct names (0 for any article).
    pub left_out: usize,
}

/// One entity and all its mentions, under all its names.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Group {
    /// What the entity is.
    pub label: Label,
    /// Its fullest name in the text ("Haider al-Abadi", "Etat islamique").
    pub name: String,
    /// The other names the text gives it ("al-Abadi", "EI"), in order of
    /// first use.
    pub aliases: Vec<String>,
    /// Indices of its mentions in the entity list, in text order.
    pub mentions: Vec<usize>,
    /// How central it is to the text, from 0 to 1 (the most salient entity
    /// has 1): how often, how early, and whether the headline or the lede
    /// names it.
    pub salience: f32,
}

/// A quantity and what it counts: "1.500 terroristes", "786 civils tués".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Figure {
    /// Index of the NUM entity in the entity list.
    pub mention: usize,
    /// Byte range of the phrase: the number and the words after it that
    /// name what is counted.
    pub phrase: Range<usize>,
}

impl Summary {
    /// The distinct names a summary keeps, the first met in the text: far
    /// more than any article or book names (a long novel names a few
    /// thousand), so that an archive of a million names costs a summary
    /// no more memory than a book.
    pub const MAX_NAMES: usize = 10_000;

    /// Summarises an extraction of `text`, reading the text's first piece
    /// as the extraction read it (no second tokenisation).
    ///
    /// ```
    /// use newslens::{Extractor, Lang, Summary};
    /// let text = "Emmanuel Macron est à Lyon. Macron y parle.";
    /// let found = Extractor::new()?.extract_as(text, Lang::FR);
    /// let summary = Summary::from_extraction(text, &found);
    /// assert_eq!(summary.groups[0].name, "Emmanuel Macron");
    /// # Ok::<(), newslens::Error>(())
    /// ```
    pub fn from_extraction(text: &str, found: &Extraction) -> Summary {
        match &found.lead {
            Some(lead) => Summary::build(text, &found.entities, lead.doc(text), Readers::of(found)),
            None => Summary::build(text, &found.entities, Summary::lead(text), Readers::of(found)),
        }
    }

    /// Summarises `entities`, as extracted from `text`, tokenising the
    /// text's first piece for the brief and the figures
    /// ([`Summary::from_extraction`] spares that).
    pub fn new(text: &str, entities: &[Entity]) -> Summary {
        // The brief and the key figures come from the text's first piece
        // (its first 512 KB, as the extractor reads it): tokenising a book
        // again for them would double the memory a summary takes.
        Summary::build(text, entities, Summary::lead(text), None)
    }

    /// The text's first piece, tokenised.
    fn lead(text: &str) -> Doc<'_> {
        let lead = crate::extractor::pieces(text).next().map_or(0, |r| r.end);
        Doc::new(&text[..lead])
    }

    /// The summary, with `doc` the text's first piece and the reader's
    /// corrections, if the extraction had any.
    fn build(text: &str, entities: &[Entity], doc: Doc, readers: Option<Readers>) -> Summary {
        let (mut groups, left_out) = group_same_names(text, entities);
        aliases::merge(text, entities, &mut groups, readers);
        let layout = salience::Layout::of(text);
        for g in &mut groups {
            g.salience = salience::raw(&layout, entities, &g.mentions);
        }
        let top = groups.iter().map(|g| g.salience).fold(0.0f32, f32::max);
        for g in &mut groups {
            g.salience = if top > 0.0 { g.salience / top } else { 0.0 };
        }
        groups.sort_by(|a, b| a.label.cmp(&b.label).then(b.salience.total_cmp(&a.salience)).then(a.mentions[0].cmp(&b.mentions[0])));
        let figures = figures::find(&doc, entities);
        let brief = brief::pick(&doc, &layout, entities, &groups);
        Summary { groups, figures, brief, left_out }
    }

    /// The groups of one label, in summary order.
    pub fn of(&self, label: Label) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(move |g| g.label == label)
    }
}

/// The reader's corrections an extraction was made with, and the language
/// it read the text in: which names the reader gave as one entity.
#[derive(Clone, Copy)]
pub(crate) struct Readers<'a> {
    pub lexicon: &'a Lexicon,
    pub lang: Lang,
}

impl<'a> Readers<'a> {
    fn of(found: &'a Extraction) -> Option<Readers<'a>> {
        found.lexicon.as_deref().filter(|l| l.has_aliases()).map(|lexicon| Readers { lexicon, lang: found.lang })
    }
}

/// Groups mentions written alike (ignoring case and accents) under one
/// label, for the first `Summary::MAX_NAMES` names; with the count of
/// mentions left out.
fn group_same_names(text: &str, entities: &[Entity]) -> (Vec<Group>, usize) {
    let mut index: HashMap<(Label, String), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut left_out = 0;
    for (i, e) in entities.iter().enumerate() {
        let key = (e.label, fold_key(e.text(text)));
        let g = match index.get(&key) {
            Some(&g) => g,
            None if groups.len() < Summary::MAX_NAMES => {
                groups.push(Group { label: e.label, name: String::new(), aliases: Vec::new(), mentions: Vec::new(), salience: 0.0 });
                index.insert(key, groups.len() - 1);
                groups.len() - 1
            }
            None => {
                left_out += 1;
                continue;
            }
        };
        groups[g].mentions.push(i);
    }
    for g in &mut groups {
        g.name = most_frequent_surface(text, entities, &g.mentions);
    }
    (groups, left_out)
}

/// The group of a mention left out of the summary.
pub(super) const LEFT_OUT: u16 = u16::MAX;
const _: () = assert!(Summary::MAX_NAMES < LEFT_OUT as usize, "a group's index fits in a u16");

/// For each entity index, the group holding it (or `LEFT_OUT`): two bytes
/// a mention, for texts of millions of mentions.
pub(super) fn group_of_mentions(count: usize, groups: &[Group]) -> Vec<u16> {
    let mut of = vec![LEFT_OUT; count];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.mentions {
            of[m] = g as u16;
        }
    }
    of
}

/// The surface form written most often among `mentions`, the earliest on
/// a tie.
fn most_frequent_surface(text: &str, entities: &[Entity], mentions: &[usize]) -> String {
    // Counted by surface, each remembering its first mention, so a name
    // written in many ways costs no more than one written in one.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, &m) in mentions.iter().enumerate() {
        counts.entry(entities[m].text(text)).or_insert((0, order)).0 += 1;
    }
    let best = counts.iter().max_by_key(|(_, &(n, order))| (n, std::cmp::Reverse(order))).map_or("", |(s, _)| *s);
    best.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn entity(text: &str, surface: &str, nth: usize, label: Label) -> Entity {
        let start = text.match_indices(surface).nth(nth).unwrap_or_else(|| panic!("{surface} #{nth} in text")).0;
        Entity { start, end: start + surface.len(), label }
    }

    #[test]
    fn groups_by_label_and_folded_name() {
        let text = "Irak, irak, IRAK et Syrie; Irak";
        let e = |start, end, label| Entity { start, end, label };
        let entities = [e(0, 4, Label::Loc), e(6, 10, Label::Loc), e(12, 16, Label::Loc), e(20, 25, Label::Loc), e(27, 31, Label::Org)];
        let s = Summary::new(text, &entities);
        let got: Vec<_> = s.groups.iter().map(|g| (g.label, g.name.as_str(), g.mentions.clone())).collect();
        assert_eq!(got, [(Label::Org, "Irak", vec![4]), (Label::Loc, "Irak", vec![0, 1, 2]), (Label::Loc, "Syrie", vec![3])]);
        let irak = s.of(Label::Loc).next().unwrap();
        assert_eq!(irak.salience, 1.0, "the most mentioned place leads");
    }

    #[test]
    fn names_past_the_cap_are_counted_not_kept() {
        // Distinct names, each "Xn (Yn)" so that a kept name would join a
        // left-out one if the cap let it.
        let names = Summary::MAX_NAMES + 3;
        let text: String = (0..names).map(|k| format!("N{k} ")).collect::<String>() + "A (B)";
        let mut entities: Vec<Entity> = Vec::new();
        let mut at = 0;
        for k in 0..names {
            let len = format!("N{k}").len();
            entities.push(Entity { start: at, end: at + len, label: Label::Per });
            at += len + 1;
        }
        entities.push(Entity { start: at, end: at + 1, label: Label::Org });
        entities.push(Entity { start: at + 3, end: at + 4, label: Label::Org });
        let s = Summary::new(&text, &entities);
        assert_eq!(s.groups.len(), Summary::MAX_NAMES);
        assert_eq!(s.left_out, 5, "three names past the cap, and A and B");
        assert!(s.groups.iter().all(|g| g.aliases.is_empty()), "no kept name takes a left-out one as alias");
        // The first name met again after the cap is still counted.
        let again = format!("{text} N0");
        entities.push(Entity { start: again.len() - 2, end: again.len(), label: Label::Per });
        let s = Summary::new(&again, &entities);
        assert_eq!(s.groups.iter().find(|g| g.name == "N0").map(|g| g.mentions.len()), Some(2));
    }
}
