//! People whose name the tagger breaks apart:
//! - a surname with a particle, "Laure de la Raudière", "Valéry Giscard
//!   d'Estaing": the tagger, which knows "de la" before places, reads the
//!   surname as a place and leaves the first name out;
//! - a nickname in quotes between first name and surname, `Roberto "Hands
//!   of Stone" Duran`, `Hector "Macho" Camacho`;
//! - a surname alone after the full name, "Duran", which the tagger may
//!   read as a club or a place.

use super::features::Context;
use super::one_type::Name;
use super::patterns::{overlapping, per, put};
use super::places::{is_first_name, is_place_word};
use rustc_hash::FxHashSet;

/// The particles of French surnames, as written.
const PARTICLES: &[&[&str]] = &[&["de", "la"], &["de", "l'"], &["de", "l’"], &["de"], &["d'"], &["d’"], &["du"]];

/// The capitalised first names of the text that name no place ("France",
/// "Florence"): where the names these patterns join begin.
fn first_names<'c>(ctx: &'c Context) -> impl Iterator<Item = usize> + 'c {
    (0..ctx.len()).filter(|&f| ctx.doc.is_capitalised(f) && is_first_name(ctx, f) && !is_place_word(ctx, f))
}

/// A capitalised first name (one that names no place: "France", "Florence"),
/// a particle, then a capitalised word: one person, from the first name to
/// the end of the name the tagger found on that word, if any.
pub(super) fn with_particles(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let mut added: Vec<Name> = Vec::new();
    for f in first_names(ctx) {
        let Some(surname) = PARTICLES.iter().find_map(|p| {
            let at = |k: usize| ctx.neighbour(f, 1 + k as isize);
            p.iter().enumerate().all(|(k, w)| at(k).is_some_and(|j| doc.raw(j) == *w)).then(|| at(p.len())).flatten()
        }) else {
            continue;
        };
        if !doc.is_capitalised(surname) {
            continue;
        }
        // The first name is free or a person alone; the surname's name, if
        // any, starts on it and is no organisation's.
        let first = &names[overlapping(names, &(f..f + 1))];
        let free_first = first.iter().all(|(r, t)| *t == per() && r.len() == 1);
        let at = overlapping(names, &(surname..surname + 1));
        let end = names[at.clone()].first().map_or(surname + 1, |(r, _)| r.end);
        let fits = names[at].iter().all(|(r, t)| r.start == surname && *t != super::patterns::org());
        if free_first && fits && added.last().is_none_or(|(r, _)| r.end <= f) {
            added.push((f..end, per()));
        }
    }
    put(names, added);
}

/// Words of the longest nickname.
const LONGEST_NICKNAME: usize = 4;

fn is_quote(raw: &str) -> bool {
    matches!(raw, "\"" | "“" | "”" | "«" | "»" | "'" | "‘" | "’")
}

/// A capitalised first name, a nickname of capitalised words in quotes,
/// then a capitalised surname: one person, whatever the tagger made of the
/// pieces (a nickname such as "Hands of Stone" may hold function words).
pub(super) fn with_nicknames(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let mut added: Vec<Name> = Vec::new();
    for f in first_names(ctx) {
        let Some(open) = ctx.neighbour(f, 1).filter(|&q| is_quote(doc.raw(q))) else {
            continue;
        };
        let Some(close) = (open + 2..=open + 1 + LONGEST_NICKNAME).find(|&q| ctx.neighbour(open, (q - open) as isize).is_some_and(|q| is_quote(doc.raw(q))))
        else {
            continue;
        };
        let nickname_words = (open + 1..close).all(|j| doc.is_capitalised(j) || doc.is_lower(j) && j > open + 1 && j + 1 < close);
        let Some(surname) = ctx.neighbour(close, 1).filter(|&s| doc.is_capitalised(s)) else {
            continue;
        };
        let at = overlapping(names, &(surname..surname + 1));
        let end = names[at.clone()].first().map_or(surname + 1, |(r, _)| r.end);
        let fits =
            names[at].iter().all(|(r, _)| r.start == surname && r.len() <= 2) && names[overlapping(names, &(f..f + 1))].iter().all(|(r, _)| r.start == f);
        if nickname_words && fits && added.last().is_none_or(|(r, _)| r.end <= f) {
            added.push((f..end, per()));
        }
    }
    put(names, added);
}

/// The organisation lists: hand-written organisations, companies, media,
/// institutions (indices in `GAZETTEERS`; the test
/// `list_indices_name_their_lists` keeps them true).
pub(super) const ORGANISATION_LISTS: [usize; 4] = [super::ruler::HAND_ORGANISATIONS, 12, 14, 15];

/// A surname alone names the person the document names in full:
/// "Roberto Duran" ... "Duran", "Louis Farrakhan" ... "Farrakhan", whatever
/// the tagger made of the lone word, as news writes a full name first and
/// the surname after. Not a word of the place or organisation lists
/// ("Jordan" beside "Michael Jordan", "Ford" beside "Henry Ford"). Runs
/// after one type per entity, on the persons it decided.
pub(crate) fn surnames(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let surnames: FxHashSet<&str> =
        names.iter().filter(|(r, t)| *t == per() && r.len() >= 2 && doc.is_capitalised(r.end - 1)).map(|(r, _)| doc.word(r.end - 1)).collect();
    let listed = |i: usize| is_place_word(ctx, i) || ORGANISATION_LISTS.iter().any(|&l| ctx.list_part(i, l) != 0);
    for (r, t) in names.iter_mut() {
        if r.len() == 1 && *t != per() && doc.is_capitalised(r.start) && surnames.contains(doc.word(r.start)) && !listed(r.start) {
            *t = per();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lexicon::WordIndex;
    use crate::model::patterns::tests::{names_after, owned};

    const LOC: usize = 1;

    #[test]
    fn particles_join_the_first_name() {
        let per = per();
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, Names, Names)] = &[
            ("l'UMP Laure de la Raudière ou", &[("Raudière", LOC)], &[("Laure de la Raudière", per)]),
            ("Valéry Giscard d'Estaing a dit", &[("Valéry Giscard", per), ("Estaing", LOC)], &[("Valéry Giscard", per), ("Estaing", LOC)]),
            ("la France de Macron", &[("France", LOC), ("Macron", per)], &[("France", LOC), ("Macron", per)]),
            ("Ségolène de Paris", &[("Paris", LOC)], &[("Ségolène de Paris", per)]),
            ("Pierre de Paris", &[("Paris", LOC)], &[("Paris", LOC)]),
        ];
        for (text, tagged, want) in cases {
            assert_eq!(names_after(with_particles, text, tagged, &WordIndex::default()), owned(want), "{text}");
        }
    }

    #[test]
    fn a_surname_alone_is_the_person_named_in_full() {
        let (per, org) = (per(), crate::model::patterns::org());
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, Names, Names)] = &[
            ("Louis Farrakhan spoke. Farrakhan left.", &[("Louis Farrakhan", per), ("Farrakhan", org)], &[("Louis Farrakhan", per), ("Farrakhan", per)]),
            ("Michael Jordan visited Jordan.", &[("Michael Jordan", per), ("Jordan", LOC)], &[("Michael Jordan", per), ("Jordan", LOC)]),
        ];
        let step = |ctx: &Context, names: &mut Vec<Name>| surnames(ctx, names);
        for (text, tagged, want) in cases {
            assert_eq!(names_after(step, text, tagged, &WordIndex::default()), owned(want), "{text}");
        }
    }

    #[test]
    fn nicknames_stay_inside_the_name() {
        let per = per();
        let org = crate::model::patterns::org();
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, Names, Names)] = &[
            (
                "boxer Roberto \" Hands of Stone \" Duran climbs",
                &[("Roberto", per), ("Stone", org), ("Duran", org)],
                &[("Roberto \" Hands of Stone \" Duran", per)],
            ),
            ("against Hector “Macho” Camacho .", &[("Hector", 3), ("Macho", 3), ("Camacho", per)], &[("Hector “Macho” Camacho", per)]),
            ("Pierre « a dit » Dupont", &[("Pierre", per), ("Dupont", per)], &[("Pierre", per), ("Dupont", per)]),
        ];
        for (text, tagged, want) in cases {
            assert_eq!(names_after(with_nicknames, text, tagged, &WordIndex::default()), owned(want), "{text}");
        }
    }
}
