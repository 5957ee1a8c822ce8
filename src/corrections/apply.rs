//! Applying a lexicon to one piece of text: its phrases found by their
//! folded words, then the extraction's entities reshaped around them.

use super::{applies, Action, Lexicon, Phrase};
use crate::doc::Doc;
use crate::entity::Entity;
use crate::lang::Lang;
use std::ops::Range;

impl Lexicon {
    /// Reshapes `entities` (sorted, disjoint, of `doc` read as `lang`) by
    /// the corrections: a phrase given a type becomes that name, replacing
    /// every entity it overlaps, unless a longer name holds it ("Orange"
    /// inside "Orange Vélodrome" is the longer name's); a phrase that is
    /// not a name takes away the entities inside it.
    pub(crate) fn apply(&self, doc: &Doc, lang: Lang, entities: &mut Vec<Entity>) {
        if !self.has_phrases() {
            return;
        }
        let found = self.find(doc, lang);
        if found.is_empty() {
            return;
        }
        let mut removed = vec![false; entities.len()];
        let mut added = Vec::new();
        for (bytes, action) in found {
            let first = entities.partition_point(|e| e.end <= bytes.start);
            let overlapping = first..first + entities[first..].iter().take_while(|e| e.start < bytes.end).count();
            let held = entities[overlapping.clone()]
                .iter()
                .any(|e| e.label.is_name() && e.start <= bytes.start && bytes.end <= e.end && (e.start, e.end) != (bytes.start, bytes.end));
            if held {
                continue;
            }
            for k in overlapping {
                let inside = bytes.start <= entities[k].start && entities[k].end <= bytes.end;
                removed[k] |= matches!(action, Action::Name(_)) || inside;
            }
            if let Action::Name(label) = action {
                added.push(Entity { start: bytes.start, end: bytes.end, label });
            }
        }
        let mut k = 0;
        entities.retain(|_| {
            k += 1;
            !removed[k - 1]
        });
        entities.extend(added);
        entities.sort_by_key(|e| (e.start, e.end));
    }

    /// The phrases of `doc` the lexicon names, leftmost and longest first
    /// (the latest correction of equals), never overlapping: byte ranges and
    /// what each becomes.
    fn find(&self, doc: &Doc, lang: Lang) -> Vec<(Range<usize>, Action)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < doc.tokens.len() {
            let word = doc.folded.get(i);
            if !self.may_start(word) {
                i += 1;
                continue;
            }
            let hit = self.starting_with(word).filter(|p| p.is_at(doc, i, lang)).min_by_key(|p| std::cmp::Reverse(p.len));
            match hit {
                Some(phrase) => {
                    let end = i + phrase.len;
                    found.push((doc.tokens[i].start..doc.tokens[end - 1].end, phrase.action));
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

impl Phrase {
    /// Whether the phrase is written at token `i` of `doc`, in a text of
    /// `lang`.
    fn is_at(&self, doc: &Doc, i: usize, lang: Lang) -> bool {
        let end = i + self.len;
        end <= doc.tokens.len()
            && applies(self.lang, lang)
            && self.words.split_terminator(' ').enumerate().all(|(k, w)| doc.folded.get(i + k) == w)
            && (!self.capitalised || doc.text[doc.tokens[i].start..doc.tokens[end - 1].end].chars().any(char::is_uppercase))
    }
}
