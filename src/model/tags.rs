//! BILOU tags over the four named types: each token is Outside a name,
//! or the Begin, Inside or Last token of a multi-token name, or a Unit
//! name of one token. Ratinov and Roth (2009) found BILOU beats BIO.

use crate::entity::Label;
use std::ops::Range;

/// The named types, in tag order.
pub(crate) const TYPES: [Label; 4] = [Label::Per, Label::Loc, Label::Org, Label::Misc];
/// O, then B I L U for each type.
pub(crate) const N_TAGS: usize = 1 + 4 * TYPES.len();
pub(crate) const OUTSIDE: usize = 0;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

pub(crate) fn tag(type_index: usize, part: Part) -> usize {
    1 + 4 * type_index + PARTS.iter().position(|&p| p == part).expect("a part")
}

/// The type index and part of a tag other than O.
pub(crate) fn split(tag: usize) -> Option<(usize, Part)> {
    (tag != OUTSIDE).then(|| ((tag - 1) / 4, PARTS[(tag - 1) % 4]))
}

pub(crate) fn type_index(label: Label) -> Option<usize> {
    TYPES.iter().position(|&t| t == label)
}

/// A name found in a document: its tokens and type index.
pub(crate) type Name = (Range<usize>, usize);

pub(crate) fn per() -> usize {
    type_index(Label::Per).expect("PER is a named type")
}

pub(crate) fn org() -> usize {
    type_index(Label::Org).expect("ORG is a named type")
}

/// Whether no name of `names` (sorted by start, disjoint) overlaps `r`.
pub(crate) fn is_free(names: &[Name], r: &Range<usize>) -> bool {
    let first = names.partition_point(|(n, _)| n.end <= r.start);
    names.get(first).is_none_or(|(n, _)| n.start >= r.end)
}

/// Whether `next` may follow `prev`: a name that began must go on to its
/// last token, and nothing else may continue one.
pub(crate) fn may_follow(prev: usize, next: usize) -> bool {
    let open = matches!(split(prev), Some((_, Part::Begin | Part::Inside)));
    match split(next) {
        Some((t, Part::Inside | Part::Last)) => open && split(prev).map(|(p, _)| p) == Some(t),
        _ => !open,
    }
}

/// Whether a sentence may end on `tag`.
pub(crate) fn may_end(tag: usize) -> bool {
    !matches!(split(tag), Some((_, Part::Begin | Part::Inside)))
}

#[cfg(any(test, feature = "train"))]
/// The tags of `n` tokens holding the given names (token ranges, type).
pub(crate) fn encode(n: usize, names: &[(Range<usize>, usize)]) -> Vec<usize> {
    let mut tags = vec![OUTSIDE; n];
    for (range, t) in names {
        if range.len() == 1 {
            tags[range.start] = tag(*t, Part::Unit);
            continue;
        }
        for i in range.clone() {
            let part = if i == range.start {
                Part::Begin
            } else if i + 1 == range.end {
                Part::Last
            } else {
                Part::Inside
            };
            tags[i] = tag(*t, part);
        }
    }
    tags
}

/// The names that a sequence of tags spells (token ranges, type index).
/// Tolerates ill-formed sequences: a name ends where its type changes.
pub(crate) fn decode(tags: &[usize]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let parsed = split(t);
        if let Some((start, ty)) = open {
            if matches!(parsed, Some((t2, Part::Inside | Part::Last)) if t2 == ty) {
                if matches!(parsed, Some((_, Part::Last))) {
                    out.push((start..i + 1, ty));
                    open = None;
                }
                continue;
            }
            out.push((start..i, ty));
            open = None;
        }
        match parsed {
            Some((ty, Part::Unit)) => out.push((i..i + 1, ty)),
            Some((ty, _)) => open = Some((i, ty)),
            None => {}
        }
    }
    if let Some((start, ty)) = open {
        out.push((start..tags.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_decode() {
        let names = vec![(0..1, 0), (2..5, 1), (5..7, 2)];
        let tags = encode(8, &names);
        assert_eq!(decode(&tags), names);
        assert!(tags.windows(2).all(|w| may_follow(w[0], w[1])));
        assert!(may_end(*tags.last().unwrap()));
    }

    #[test]
    fn transitions() {
        let b_per = tag(0, Part::Begin);
        let l_per = tag(0, Part::Last);
        let l_loc = tag(1, Part::Last);
        assert!(may_follow(b_per, l_per));
        assert!(!may_follow(b_per, l_loc));
        assert!(!may_follow(b_per, OUTSIDE));
        assert!(!may_follow(OUTSIDE, l_per));
        assert!(may_follow(l_per, b_per));
        assert!(!may_end(b_per));
    }

    #[test]
    fn decode_tolerates_broken_sequences() {
        let b_per = tag(0, Part::Begin);
        let u_loc = tag(1, Part::Unit);
        assert_eq!(decode(&[b_per, u_loc, b_per]), vec![(0..1, 0), (1..2, 1), (2..3, 0)]);
    }
}
