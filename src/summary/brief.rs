//! "In brief": the three sentences that carry the most salient entities.

use super::salience::Layout;
use super::{group_of_mentions, Group};
use crate::doc::Doc;
use crate::entity::Entity;
use std::ops::Range;

const SENTENCES: usize = 3;
/// Sentences shorter than this (captions, datelines) or longer (run-on
/// text without full stops) are not picked.
const WORDS: std::ops::RangeInclusive<usize> = 6..=80;

pub(super) fn pick(doc: &Doc, layout: &Layout, entities: &[Entity], groups: &[Group]) -> Vec<Range<usize>> {
    let group_of = group_of_mentions(entities.len(), groups);
    let salience_of = |m: usize| groups.get(usize::from(group_of[m])).map_or(0.0, |g| g.salience);
    let mut scored: Vec<(f32, Range<usize>)> = Vec::new();
    for s in doc.sentences.iter() {
        let words = s.clone().filter(|&i| doc.is_word(i)).count();
        if s.is_empty() || !WORDS.contains(&words) {
            continue;
        }
        let span = doc.tokens[s.start].start..doc.tokens[s.end - 1].end;
        if layout.in_headline(span.start) {
            continue;
        }
        // Each entity counts once per sentence, however often it is named.
        let first = entities.partition_point(|e| e.end <= span.start);
        let mut seen: Vec<u16> = Vec::new();
        let mut score = 0.0;
        for m in (first..entities.len()).take_while(|&m| entities[m].start < span.end) {
            if !seen.contains(&group_of[m]) {
                seen.push(group_of[m]);
                score += salience_of(m);
            }
        }
        score += if layout.in_lede(span.start) { 0.5 } else { 0.0 };
        score += 0.2 * (1.0 - span.start as f32 / layout.len as f32);
        scored.push((score, span));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
    let mut picked: Vec<Range<usize>> = scored.into_iter().take(SENTENCES).map(|(_, s)| s).collect();
    picked.sort_by_key(|s| s.start);
    picked
}
