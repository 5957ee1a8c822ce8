//! People whose surname carries a particle, "Laure de la Raudière",
//! "Valéry Giscard d'Estaing": the tagger, which knows "de la" before
//! places, reads the surname as a place and leaves the first name out.

use super::features::Context;
use super::one_type::Name;
use super::patterns::{overlapping, per, put};
use super::places::{is_first_name, is_place_word};

/// The particles of French surnames, as written.
const PARTICLES: &[&[&str]] = &[&["de", "la"], &["de", "l'"], &["de", "l’"], &["de"], &["d'"], &["d’"], &["du"]];

/// A capitalised first name (one that names no place: "France", "Florence"),
/// a particle, then a capitalised word: one person, from the first name to
/// the end of the name the tagger found on that word, if any.
pub(super) fn with_particles(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let mut added: Vec<Name> = Vec::new();
    for f in 0..ctx.len() {
        if !doc.is_capitalised(f) || !is_first_name(ctx, f) || is_place_word(ctx, f) {
            continue;
        }
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
}
