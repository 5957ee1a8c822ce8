//! A summary of an extraction: each entity once, with all its mentions.

use crate::entity::{Entity, Label};
use crate::text::fold_key;
use std::collections::HashMap;

/// The entities of a text, each grouped with its mentions.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Groups ordered by label (people first), then by mention count,
    /// then by first appearance.
    pub groups: Vec<Group>,
}

/// One entity and its mentions.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// What the entity is.
    pub label: Label,
    /// How the text most often writes it.
    pub name: String,
    /// Indices of its mentions in the entity list, in text order.
    pub mentions: Vec<usize>,
}

impl Summary {
    /// Groups `entities` (as extracted from `text`) by label and by name,
    /// ignoring case and accents.
    pub fn new(text: &str, entities: &[Entity]) -> Summary {
        let mut index: HashMap<(Label, String), usize> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let surface = e.text(text);
            let key = (e.label, fold_key(surface));
            let g = *index.entry(key).or_insert_with(|| {
                groups.push(Group { label: e.label, name: surface.to_string(), mentions: Vec::new() });
                groups.len() - 1
            });
            groups[g].mentions.push(i);
        }
        for g in &mut groups {
            g.name = most_frequent_surface(text, entities, &g.mentions);
        }
        groups.sort_by_key(|g| (g.label, std::cmp::Reverse(g.mentions.len()), g.mentions[0]));
        Summary { groups }
    }

    /// The groups of one label, in summary order.
    pub fn of(&self, label: Label) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(move |g| g.label == label)
    }
}

/// The surface form written most often among `mentions`, the earliest on
/// a tie.
fn most_frequent_surface(text: &str, entities: &[Entity], mentions: &[usize]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &m in mentions {
        let s = entities[m].text(text);
        match counts.iter_mut().find(|(t, _)| *t == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    let best = counts.iter().fold(counts[0], |best, &c| if c.1 > best.1 { c } else { best });
    best.0.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_label_and_folded_name() {
        let text = "Irak, irak, IRAK et Syrie; Irak";
        let e = |start, end, label| Entity { start, end, label };
        let entities = [e(0, 4, Label::Loc), e(6, 10, Label::Loc), e(12, 16, Label::Loc), e(20, 25, Label::Loc), e(27, 31, Label::Org)];
        let s = Summary::new(text, &entities);
        let got: Vec<_> = s.groups.iter().map(|g| (g.label, g.name.as_str(), g.mentions.clone())).collect();
        assert_eq!(got, [(Label::Org, "Irak", vec![4]), (Label::Loc, "Irak", vec![0, 1, 2]), (Label::Loc, "Syrie", vec![3])]);
    }
}
