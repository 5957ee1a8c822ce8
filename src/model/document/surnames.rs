//! A surname alone names the person the document names in full.

use super::lists::is_listed_place_or_organisation;
use crate::model::features::Context;
use crate::model::tags::{per, Name};
use rustc_hash::FxHashSet;

/// A surname alone names the person the document names in full:
/// "Roberto Duran" ... "Duran", "Louis Farrakhan" ... "Farrakhan", whatever
/// the tagger made of the lone word, as news writes a full name first and
/// the surname after. Not a word of the place or organisation lists
/// ("Jordan" beside "Michael Jordan", "Ford" beside "Henry Ford"). Runs
/// after one type per entity, on the persons it decided.
pub(super) fn surnames(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let surnames: FxHashSet<&str> =
        names.iter().filter(|(r, t)| *t == per() && r.len() >= 2 && doc.is_capitalised(r.end - 1)).map(|(r, _)| doc.word(r.end - 1)).collect();
    for (r, t) in names.iter_mut() {
        if r.len() == 1 && *t != per() && doc.is_capitalised(r.start) && surnames.contains(doc.word(r.start)) && !is_listed_place_or_organisation(ctx, r.start)
        {
            *t = per();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::tests::after;

    const LOC: usize = 1;

    #[test]
    fn a_surname_alone_is_the_person_named_in_full() {
        let (per, org) = (per(), crate::model::tags::org());
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, Names, Names)] = &[
            ("Louis Farrakhan spoke. Farrakhan left.", &[("Louis Farrakhan", per), ("Farrakhan", org)], &[("Louis Farrakhan", per), ("Farrakhan", per)]),
            ("Michael Jordan visited Jordan.", &[("Michael Jordan", per), ("Jordan", LOC)], &[("Michael Jordan", per), ("Jordan", LOC)]),
        ];
        let step = |ctx: &Context, names: &mut Vec<Name>| surnames(ctx, names);
        for (text, tagged, want) in cases {
            assert_eq!(after(step, text, tagged), want.to_vec(), "{text}");
        }
    }
}
