//! What a pattern sees of a document: its tokens' forms, the gazetteers'
//! phrases, the long forms of its acronyms, and the names found so far.

use super::pattern::{Test, LONGEST_MATCH};
use super::SetBits;
use crate::model::acronyms::DEFINED;
use crate::model::features::Context;
use crate::text::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

pub(super) struct Scene<'a> {
    ctx: &'a Context<'a>,
    /// The sets each token's word is in.
    sets: Vec<SetBits>,
    /// The line of each token: a match stays on one.
    line: Vec<u32>,
    /// Each name's start, end and type, sorted by start.
    names: Vec<(usize, usize, usize)>,
}

impl<'a> Scene<'a> {
    pub(super) fn new(ctx: &'a Context<'a>, in_sets: &FxHashMap<String, SetBits>) -> Scene<'a> {
        let doc = ctx.doc;
        let sets = (0..ctx.len()).map(|i| in_sets.get(doc.word(i)).copied().unwrap_or(0)).collect();
        let mut line = Vec::with_capacity(ctx.len());
        let mut current = 0u32;
        for i in 0..ctx.len() {
            if i > 0 && doc.text[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n') {
                current += 1;
            }
            line.push(current);
        }
        Scene { ctx, sets, line, names: Vec::new() }
    }

    pub(super) fn set_names(&mut self, found: &[(Range<usize>, usize, u8)]) {
        self.names = found.iter().map(|(r, t, _)| (r.start, r.end, *t)).collect();
    }
}

impl super::pattern::Scene for Scene<'_> {
    fn reaches(&self, start: usize, j: usize) -> bool {
        j < self.ctx.len() && j < start + LONGEST_MATCH && self.ctx.neighbour(start, (j - start) as isize).is_some() && self.line[j] == self.line[start]
    }

    fn passes(&self, test: &Test, i: usize) -> bool {
        let doc = self.ctx.doc;
        match test {
            Test::Words(words) => words.iter().any(|w| w == doc.word(i)),
            Test::Raw(raw) => doc.raw(i) == raw,
            Test::Set(s) => self.sets[i] & (1 << s) != 0,
            Test::Cap => doc.is_capitalised(i),
            // An elided article counts as lower case ("cour d’appel").
            Test::Lower => doc.is_lower(i) || (doc.tokens[i].kind == TokenKind::Elision && !doc.raw(i).starts_with(char::is_uppercase)),
            Test::Acronym => self.ctx.acronym(i).0 != 0,
            Test::Defined => self.ctx.acronym(i).0 & DEFINED != 0,
            Test::Common => self.ctx.words().get(doc.word(i)).is_some_and(|w| w.is_common()),
            Test::Number => doc.tokens[i].kind == TokenKind::Number,
            Test::Not(t) => !self.passes(t, i),
            Test::All(ts) => ts.iter().all(|t| self.passes(t, i)),
        }
    }

    fn phrases(&self, list: usize, i: usize) -> Vec<usize> {
        let part = |j: usize| self.ctx.list_part(j, list);
        let mut ends = Vec::new();
        if part(i) & 0b0001 != 0 {
            let mut j = i + 1;
            while j < self.ctx.len() && j < i + LONGEST_MATCH && part(j) & 0b0110 != 0 {
                if part(j) & 0b0100 != 0 {
                    ends.push(j + 1);
                }
                j += 1;
            }
        }
        if part(i) & 0b1000 != 0 {
            ends.push(i + 1);
        }
        ends.sort_unstable_by(|a, b| b.cmp(a));
        // "Le Monde" is a newspaper, "le monde" the world: a phrase that
        // opens with an article holds a capitalised word after it.
        let doc = self.ctx.doc;
        let article = matches!(doc.word(i), "le" | "la" | "les" | "l'" | "the");
        ends.retain(|&e| !(article && e > i + 1 && doc.is_lower(i + 1)));
        ends
    }

    fn name(&self, mask: u8, i: usize) -> Option<usize> {
        let k = self.names.partition_point(|n| n.0 < i);
        self.names.get(k).filter(|n| n.0 == i && mask & (1 << n.2) != 0).map(|n| n.1)
    }

    fn long_form(&self, i: usize) -> Option<usize> {
        if self.ctx.acronym(i).1 != 1 {
            return None;
        }
        (i + 1..self.ctx.len().min(i + LONGEST_MATCH)).find(|&j| self.ctx.acronym(j).1 == 3).map(|j| j + 1)
    }
}
