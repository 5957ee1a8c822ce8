//! The lower-case tails of institutions' long names: "Institut national de
//! la santé et de la recherche médicale", "Haute Autorité pour la
//! transparence de la vie publique", "Autorité de régulation des
//! communications électroniques et des postes". French names its bodies
//! so, and the tagger, trained on shorter names, stops early; the guide of
//! modern news makes the whole name one organisation.

use super::features::Context;
use super::one_type::Name;
use super::patterns::{is_function_word, org};

/// The organisation heads' list (`org.heads.txt`; its index in
/// `GAZETTEERS`, kept true by `places::tests`).
pub(super) const ORG_HEADS: usize = 16;

/// Words that carry a long name on: "et de la recherche", "pour la
/// transparence", "des postes".
const CONNECTORS: &[&str] = &["et", "pour", "sur", "contre", "en"];
/// As written: "à" links, "a" (has) does not.
const LINKS: &[&str] = &["de", "d'", "d’", "du", "des", "la", "l'", "l’", "le", "les", "à", "au", "aux"];

/// Words of a tail at most: a longer run is a sentence going on.
const LONGEST_TAIL: usize = 10;

/// Extends every organisation whose name opens with an organisation's head
/// ("Institut", "Haute Autorité") over the lower-case phrases that follow
/// it, each opened by a link word ("de la", "et des", "pour la") and made
/// of lower-case words that are neither among the language's most
/// frequent ("est", "qui") nor infinitives ("de statuer"). A head's name
/// that the tagger read as a place becomes the organisation when it grows.
pub(super) fn extend(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let content = |j: usize| {
        let w = doc.word(j);
        doc.is_word(j)
            && doc.is_lower(j)
            && !LINKS.contains(&doc.raw(j))
            && !CONNECTORS.contains(&w)
            && !is_function_word(ctx, j)
            && !w.ends_with("er")
            && !w.ends_with("ir")
    };
    for k in 0..names.len() {
        let (range, ty) = names[k].clone();
        let head = ctx.list_part(range.start, ORG_HEADS) & 0b1001 != 0;
        let limit = names.get(k + 1).map_or(ctx.len(), |(next, _)| next.start);
        if !head || (ty != org() && range.len() > 2) {
            continue;
        }
        let mut end = range.end;
        loop {
            // One phrase: an optional connector, at least one link word,
            // then content words.
            let mut j = end;
            let within = |j: usize| j < limit && j < range.end + LONGEST_TAIL && ctx.neighbour(range.start, (j - range.start) as isize).is_some();
            if within(j) && CONNECTORS.contains(&doc.word(j)) {
                j += 1;
            }
            let links = j;
            while within(j) && LINKS.contains(&doc.raw(j)) {
                j += 1;
            }
            let words = j;
            while within(j) && content(j) {
                j += 1;
            }
            if words == links || j == words {
                break;
            }
            end = j;
        }
        if end > range.end {
            names[k] = (range.start..end, org());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lexicon::{CapsPrior, WebInfo, WordIndex, WordInfo};
    use crate::model::patterns::tests::{names_after, owned};

    const LOC: usize = 1;

    #[test]
    fn long_names_run_to_their_end() {
        let org = org();
        let mut words = WordIndex::default();
        for frequent in ["est", "a", "qui"] {
            words.insert(frequent, WordInfo { web: WebInfo { caps: CapsPrior::Lower, zipf: 6, ..WebInfo::default() }, ..WordInfo::default() });
        }
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, Names, Names)] = &[
            (
                "l’Institut national de la santé et de la recherche médicale a publié",
                &[("Institut national de la santé", org)],
                &[("Institut national de la santé et de la recherche médicale", org)],
            ),
            (
                "à la Haute Autorité pour la transparence de la vie publique, détournement",
                &[("Haute Autorité", LOC)],
                &[("Haute Autorité pour la transparence de la vie publique", org)],
            ),
            ("le Conseil constitutionnel et demanderait", &[("Conseil constitutionnel", org)], &[("Conseil constitutionnel", org)]),
            ("à la Commission européenne de statuer vite", &[("Commission européenne", org)], &[("Commission européenne", org)]),
            ("l’Institut Pasteur de Lille est fermé", &[("Institut Pasteur", org), ("Lille", LOC)], &[("Institut Pasteur", org), ("Lille", LOC)]),
            ("la Commission de la culture qui siège", &[("Commission", org)], &[("Commission de la culture", org)]),
            ("Paris de la belle époque", &[("Paris", LOC)], &[("Paris", LOC)]),
        ];
        for (text, tagged, want) in cases {
            assert_eq!(names_after(|ctx, names| extend(ctx, names), text, tagged, &words), owned(want), "{text}");
        }
    }
}
