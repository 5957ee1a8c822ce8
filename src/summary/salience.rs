//! How central an entity is to a text: how often it is mentioned, how
//! early, and whether the headline or the lede names it.

use crate::entity::Entity;
use std::ops::Range;

/// Where a text's headline and lede are, if it has them: a first paragraph
/// of a few words that does not end like a sentence is a headline; the
/// first 500 bytes of the next paragraph (or of the text) are the lede.
pub(super) struct Layout {
    pub headline: Option<Range<usize>>,
    pub lede: Range<usize>,
    pub len: usize,
}

const HEADLINE_WORDS: usize = 25;
const LEDE_BYTES: usize = 500;

impl Layout {
    pub(super) fn of(text: &str) -> Layout {
        let trimmed = text.trim_start();
        let start = text.len() - trimmed.len();
        let first_end = trimmed.find("\n\n").map_or(text.len(), |i| start + i);
        let first = text[start..first_end].trim();
        let is_headline = first.split_whitespace().count() <= HEADLINE_WORDS && !first.ends_with(['.', '!', '?', '…', ':']) && first_end < text.len();
        let (headline, lede_start) = if is_headline {
            let next = text[first_end..].len() - text[first_end..].trim_start().len();
            (Some(start..first_end), first_end + next)
        } else {
            (None, start)
        };
        let mut lede_end = (lede_start + LEDE_BYTES).min(text.len());
        while !text.is_char_boundary(lede_end) {
            lede_end -= 1;
        }
        Layout { headline, lede: lede_start..lede_end, len: text.len().max(1) }
    }

    pub(super) fn in_headline(&self, at: usize) -> bool {
        self.headline.as_ref().is_some_and(|h| h.contains(&at))
    }

    pub(super) fn in_lede(&self, at: usize) -> bool {
        self.lede.contains(&at)
    }
}

/// The raw salience of an entity's mentions: one point a mention, half a
/// point more the earlier it comes, three for being in the headline, one
/// and a half for being in the lede.
pub(super) fn raw(layout: &Layout, entities: &[Entity], mentions: &[usize]) -> f32 {
    let mut score = 0.0;
    let (mut headline, mut lede) = (false, false);
    for &m in mentions {
        let at = entities[m].start;
        score += 1.0 + 0.5 * (1.0 - at as f32 / layout.len as f32);
        headline |= layout.in_headline(at);
        lede |= layout.in_lede(at);
    }
    score + if headline { 3.0 } else { 0.0 } + if lede { 1.5 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::Layout;

    #[test]
    fn headline_and_lede() {
        let text = "Les députés adoptent la loi\n\nLe texte a été voté mardi. Il sera examiné par le Sénat.";
        let l = Layout::of(text);
        assert_eq!(&text[l.headline.clone().unwrap()], "Les députés adoptent la loi");
        assert!(text[l.lede.clone()].starts_with("Le texte"));
        let plain = "Le texte a été voté mardi.\n\nPuis le Sénat.";
        let l = Layout::of(plain);
        assert!(l.headline.is_none(), "a sentence is not a headline");
        assert_eq!(l.lede.start, 0);
    }
}
