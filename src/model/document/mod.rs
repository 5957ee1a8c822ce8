//! What the document as a whole says of its names, once the tagger and
//! the rules have read it sentence by sentence: names found once are found
//! again where the tagger left them out (`again`), the mentions of one
//! entity share one type, which a learned second stage decides (`stack`;
//! `types` for a model without one), and a surname alone is the person the
//! document names in full (`surnames`).

mod again;
mod groups;
mod lists;
mod openings;
pub(crate) mod stack;
mod surnames;
mod types;

use super::features::Context;
use super::table::Weights;
use super::tags::Name;
pub(crate) use openings::Openings;

/// Runs the document stage over `names` (sorted by start, disjoint), with
/// the model's weights if they hold a stacker (`stack::is_trained`).
pub(crate) fn resolve<W: Weights>(ctx: &Context, names: &mut Vec<Name>, openings: &Openings, stacker: Option<&W>) {
    again::found_again(ctx, names);
    match stacker {
        Some(weights) => stack::decide(ctx, names, openings, weights),
        None => types::unify(ctx.doc, names, openings),
    }
    surnames::surnames(ctx, names);
}

/// The entities the stacker decides, as training sees them: the names
/// after the rules and `again`, and each entity's features.
#[cfg(feature = "train")]
pub(crate) fn stacking_view(ctx: &Context, names: &mut Vec<Name>, openings: &Openings) -> Vec<stack::Entity> {
    again::found_again(ctx, names);
    stack::entities(ctx, names, openings)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::model::lexicon::{Gazetteers, WordIndex};

    /// The names a step leaves, as (text, type index), from the tagger's
    /// `tagged` names (phrases of the text, in order); checks they stay
    /// sorted and disjoint.
    pub(crate) fn after(step: impl Fn(&Context, &mut Vec<Name>), text: &str, tagged: &[(&str, usize)]) -> Vec<(&'static str, usize)> {
        let doc = Doc::new(text);
        let gazetteers = Gazetteers::builtin();
        let words = WordIndex::default();
        let ctx = Context::new(&doc, &words, &gazetteers);
        let mut names = names_of(&doc, tagged);
        step(&ctx, &mut names);
        assert!(names.windows(2).all(|w| w[0].0.end <= w[1].0.start), "sorted and disjoint: {names:?}");
        names.iter().map(|(r, t)| (leak(&text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end]), *t)).collect()
    }

    /// The token ranges of `tagged`'s phrases, found in order in the text.
    pub(crate) fn names_of(doc: &Doc, tagged: &[(&str, usize)]) -> Vec<Name> {
        let mut from = 0;
        tagged
            .iter()
            .map(|&(phrase, ty)| {
                let at = doc.text[from..].find(phrase).expect("phrase in text") + from;
                from = at + phrase.len();
                (doc.tokens.partition_point(|t| t.start < at)..doc.tokens.partition_point(|t| t.start < from), ty)
            })
            .collect()
    }

    /// Test strings compared with `&'static str` tables.
    fn leak(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }
}
