//! Names built around a place, which the tagger alone reads as the place:
//! - an institution named by a lower-case head and a place, "le parquet de
//!   Paris", "le tribunal de grande instance de Nanterre": an organisation
//!   whole, as the annotation guide of modern news decides;
//! - a capitalised common noun linked to a place, "Aéroports de Paris",
//!   "Banque de France": an organisation named after the place;
//! - a name after a kind of place, "la province de Deir Ezzor": a place;
//! - a country's name joined to another name or a number, "Radio France",
//!   "France 2", "Business France": a company, a channel, an agency.

use super::features::Context;
use super::lexicon::GazetteerBits;
use super::one_type::Name;
use super::patterns::{is_common_word, is_function_word, org, overlapping, per, put};
use super::tags::type_index;
use crate::entity::Label;
use crate::text::TokenKind;

/// Lower-case words that name an institution when a place follows them
/// ("parquet de Paris", "université de Lille", "ministry of Defence"):
/// French and English, from the language, not from any corpus.
const INSTITUTION_HEADS: &[&str] = &[
    "parquet",
    "tribunal",
    "cour",
    "universite",
    "ministere",
    "prefecture",
    "mairie",
    "conseil",
    "academie",
    "rectorat",
    "chambre",
    "barreau",
    "court",
    "university",
    "ministry",
    "council",
    "department",
];

/// Words that may stand inside an institution's name between its head and
/// its place ("tribunal de grande instance de Nanterre", "cour d’appel de
/// Rennes"); any other word (a verb, a noun of the sentence) ends the
/// search: "le tribunal a condamné un habitant de Paris" names no
/// institution.
const INSTITUTION_WORDS: &[&str] = &[
    "de",
    "d'",
    "du",
    "des",
    "la",
    "l'",
    "grande",
    "instance",
    "appel",
    "administratif",
    "administrative",
    "regional",
    "regionale",
    "departemental",
    "departementale",
    "municipal",
    "municipale",
    "commerce",
    "prud'hommes",
    "superieur",
    "superieure",
    "national",
    "nationale",
    "general",
    "generale",
    "constitutionnel",
    "judiciaire",
    "correctionnel",
    "police",
    "cassation",
    "comptes",
    "affaires",
    "etrangeres",
    "interieur",
    "justice",
    "armees",
    "economie",
    "sante",
    "education",
    "culture",
    "travail",
    "district",
    "appeals",
    "supreme",
    "federal",
    "state",
];

/// Words between an institution's head and its place: at most this many.
const HEAD_REACH: usize = 5;

/// Words that link an institution's head to its place.
const LINKS: &[&str] = &["de", "d'", "du", "des", "of", "for"];

/// The gazetteer bit of a country's name alone (`loc.countries.txt`, unit).
pub(super) fn is_country(ctx: &Context, i: usize) -> bool {
    ctx.list_part(i, COUNTRIES) & 0b1000 != 0
}

/// The first names' list: "David France" is a person.
pub(super) fn is_first_name(ctx: &Context, i: usize) -> bool {
    ctx.list_part(i, FIRST_NAMES) != 0
}

const COUNTRIES: usize = 4;

/// The place lists: hand places, countries, continents, regions, cities,
/// towns (indices in `GAZETTEERS`; the test `list_indices_name_their_lists`
/// keeps them true).
const PLACE_LISTS: [usize; 6] = [0, 4, 5, 6, 7, 8];

const FIRST_NAMES: usize = 10;

/// "Radio France", "France 2", "France Stratégie": a country's name with a
/// capitalised word or a channel's number written against it (no
/// punctuation between, on one line) is one organisation, not a place
/// beside a word. Not in a headline in capitals, not a place's own name
/// ("Panama City", "South China"), not a country's name used as an
/// adjective ("U.S. Open"), not a score ("Mexico 2 Peru 1", "beat Mexico
/// 2-0").
pub(super) fn country_compounds(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let same_line = |a: usize, b: usize| !doc.text[doc.tokens[a].end..doc.tokens[b].start].contains('\n');
    // A capitalised word that is no function word ("Dans", "Notre" opening
    // a line that lost its full stop; "Radio", "Air" are welcome), no first
    // name, no part of a place's name, and no other country.
    let word = |j: usize| {
        doc.is_capitalised(j)
            && !ctx.is_sentence_start(j)
            && doc.raw(j).chars().all(char::is_alphabetic)
            && !is_first_name(ctx, j)
            && !is_function_word(ctx, j)
            && !is_country(ctx, j)
            && ctx.gazetteer_bits(j) & PLACE_PARTS == 0
    };
    // A channel's number: one or two digits, not part of a score: not
    // followed by another country or number ("Mexico 2 Peru 1"), by a dash
    // and a number ("beat Mexico 2-0") or by a comma and another country
    // ("Israel 2, Bulgaria 0"), nor after another country's score
    // ("Bulgaria 0" there). A list of one country's channels is no score
    // ("France 2, France 3").
    let starts_digit = |k: usize| doc.raw(k).starts_with(|c: char| c.is_ascii_digit());
    let after = |k: usize, d: isize| ctx.neighbour(k, d);
    let other_country = |k: usize, country: usize| is_country(ctx, k) && doc.word(k) != doc.word(country);
    let score = |k: usize, country: usize| {
        let raw = doc.raw(k);
        other_country(k, country)
            || starts_digit(k)
            || raw
                .strip_prefix(['-', '–'])
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()) || rest.is_empty() && after(k, 1).is_some_and(starts_digit))
            || raw == "," && after(k, 1).is_some_and(|c| other_country(c, country))
    };
    let after_a_score = |country: usize| {
        let figure = match after(country, -1) {
            Some(k) if doc.raw(k) == "," => after(k, -1),
            k => k,
        };
        figure.filter(|&f| starts_digit(f)).and_then(|f| after(f, -1)).is_some_and(|c| other_country(c, country))
    };
    let channel = |j: usize| {
        let raw = doc.raw(j);
        raw.len() <= 2 && raw.chars().all(|c| c.is_ascii_digit()) && after(j, 1).is_none_or(|k| !score(k, j - 1)) && !after_a_score(j - 1)
    };
    let mut added: Vec<Name> = Vec::new();
    for i in 0..ctx.len() {
        let country = doc.raw(i);
        let taken = added.last().is_some_and(|(r, _)| r.end > i);
        if taken || !is_country(ctx, i) || !country.chars().any(char::is_lowercase) || country.contains('.') {
            continue;
        }
        let mut range = i..i + 1;
        while ctx.neighbour(range.start, -1).is_some_and(|j| word(j) && same_line(j, j + 1)) {
            range.start -= 1;
        }
        while ctx.neighbour(range.end - 1, 1).is_some_and(|j| (word(j) || (j == i + 1 && channel(j))) && same_line(j - 1, j)) {
            range.end += 1;
        }
        // Only names inside it become the organisation, and never a person
        // ("Maurice Simmen": Maurice is a country too).
        let at = overlapping(names, &range);
        let within = names[at.clone()].iter().all(|(n, t)| range.start <= n.start && n.end <= range.end && *t != per());
        if range.len() > 1 && within && added.last().is_none_or(|(r, _)| r.end <= range.start) {
            added.push((range, org()));
        }
    }
    put(names, added);
}

/// Gazetteer bits of a word inside a longer place's name (begin, inside,
/// last) in the place lists: hand places, countries, continents,
/// regions, cities, towns.
const PLACE_PARTS: GazetteerBits = {
    let mut bits = 0;
    let lists = PLACE_LISTS;
    let mut k = 0;
    while k < lists.len() {
        bits |= 0b0111 << (lists[k] * 4);
        k += 1;
    }
    bits
};

/// A word of any place list, alone or in a longer place's name.
pub(super) fn is_place_word(ctx: &Context, i: usize) -> bool {
    ctx.gazetteer_bits(i) & (PLACE_PARTS | PLACE_PARTS << 1) != 0
}

/// "parquet de Paris": a place after an institution's lower-case head.
pub(super) fn institutions(ctx: &Context, names: &mut [Name]) {
    for k in 0..names.len() {
        if names[k].1 == per() {
            continue;
        }
        if let Some(head) = institution_head(ctx, names[k].0.start) {
            // The institution may not swallow the name before it ("English
            // department of Oxford University").
            if k == 0 || names[k - 1].0.end <= head {
                names[k] = (head..names[k].0.end, org());
            }
        }
    }
}

/// "Aéroports de Paris", "Banque de France", "Chantiers de l’Atlantique":
/// a capitalised common noun (how the web mostly writes it in lower case)
/// linked to a place names an organisation after that place, unless the
/// noun names a street, a building, a site or an event ("Gare de Lyon",
/// "Tour de France").
pub(super) fn named_after_places(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let loc = type_index(Label::Loc).expect("LOC is a named type");
    for k in 0..names.len() {
        let (r, t) = names[k].clone();
        if t != loc {
            continue;
        }
        let mut j = r.start;
        if j >= 1 && matches!(doc.word(j - 1), "la" | "l'") {
            j -= 1;
        }
        let linked = j >= 2 && LINKS.contains(&doc.word(j - 1)) && ctx.neighbour(r.start, j as isize - 2 - r.start as isize).is_some();
        if !linked {
            continue;
        }
        let head = j - 2;
        let free = k == 0 || names[k - 1].0.end <= head;
        let noun = doc.is_capitalised(head) && !ctx.is_sentence_start(head) && is_common_word(ctx, head) && !SITES_AND_EVENTS.contains(&doc.word(head));
        if free && noun {
            names[k] = (head..r.end, org());
        }
    }
}

/// Nouns that, capitalised before a place, name a street, a building, a
/// site or an event rather than an organisation.
const SITES_AND_EVENTS: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "place",
    "pont",
    "porte",
    "quai",
    "gare",
    "aeroport",
    "tour",
    "coupe",
    "championnat",
    "jeux",
    "festival",
    "salon",
    "musee",
    "palais",
    "chateau",
    "eglise",
    "cathedrale",
    "basilique",
    "jardin",
    "jardins",
    "parc",
    "foret",
    "mont",
    "lac",
    "golfe",
    "ile",
    "iles",
    "baie",
    "canal",
    "bois",
    "stade",
    "hotel",
    "prix",
    "bataille",
    "siege",
    "traite",
    "accords",
    "accord",
    "street",
    "bridge",
    "station",
    "airport",
    "tower",
    "cup",
    "games",
    "battle",
    "treaty",
    "bay",
    "lake",
    "gulf",
    "mount",
    "park",
    "university",
];

/// Lower-case words that name a kind of place ("la province de Deir
/// Ezzor", "the city of Mosul"): the name after them is a place.
const PLACE_HEADS: &[&str] = &[
    "province",
    "region",
    "ville",
    "village",
    "departement",
    "commune",
    "quartier",
    "district",
    "gouvernorat",
    "canton",
    "banlieue",
    "city",
    "town",
    "county",
    "state",
];

/// "la province de Deir Ezzor": a name the tagger took for a person right
/// after a kind of place and its link is a place.
pub(super) fn places(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let loc = type_index(Label::Loc).expect("LOC is a named type");
    for (r, t) in names.iter_mut() {
        let after_head = r.start >= 2
            && ctx.neighbour(r.start, -2).is_some()
            && LINKS.contains(&doc.word(r.start - 1))
            && doc.is_lower(r.start - 2)
            && PLACE_HEADS.contains(&doc.word(r.start - 2));
        if after_head && *t == per() {
            *t = loc;
        }
    }
}

/// The head word of an institution whose place starts at `start`: a link
/// ("de", "de la") before the place, then at most `HEAD_REACH` lower-case
/// words back to the head, in the same sentence.
fn institution_head(ctx: &Context, start: usize) -> Option<usize> {
    let doc = ctx.doc;
    let back = |j: usize| ctx.neighbour(start, -((start - j) as isize)).is_some();
    // A lower-case word or elided article ("cour d’appel de Rennes").
    let lower = |j: usize| doc.is_lower(j) || (doc.tokens[j].kind == TokenKind::Elision && !doc.raw(j).starts_with(char::is_uppercase));
    let mut j = start.checked_sub(1)?;
    if matches!(doc.word(j), "la" | "l'") {
        j = j.checked_sub(1)?;
    }
    if !back(j) || !lower(j) || !LINKS.contains(&doc.word(j)) {
        return None;
    }
    for _ in 0..=HEAD_REACH {
        j = j.checked_sub(1)?;
        if !back(j) || !lower(j) {
            return None;
        }
        if INSTITUTION_HEADS.contains(&doc.word(j)) {
            return Some(j);
        }
        if !INSTITUTION_WORDS.contains(&doc.word(j)) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lexicon::{CURATED, GAZETTEERS};

    #[test]
    fn list_indices_name_their_lists() {
        assert_eq!(GAZETTEERS[COUNTRIES].name, "loc.countries.txt");
        assert_eq!(GAZETTEERS[FIRST_NAMES].name, "per.first_names.txt");
        assert_eq!(GAZETTEERS[super::super::long_names::ORG_HEADS].name, "org.heads.txt");
        assert_eq!(GAZETTEERS[super::super::ruler::HAND_ORGANISATIONS].name, "hand.organisations.txt");
        assert_eq!(GAZETTEERS[super::super::patterns::LEGAL_FORMS].name, "org.suffixes.txt");
        let organisations: Vec<&str> = super::super::persons::ORGANISATION_LISTS.iter().map(|&l| GAZETTEERS[l].name).collect();
        assert_eq!(organisations, ["hand.organisations.txt", "org.companies.txt", "org.media.txt", "org.institutions.txt"]);
        let places: Vec<&str> = PLACE_LISTS.iter().map(|&l| GAZETTEERS[l].name).collect();
        assert_eq!(places, ["hand.places.txt", "loc.countries.txt", "loc.continents.txt", "loc.regions.txt", "loc.cities.txt", "loc.towns.txt"]);
        let curated: Vec<&str> = CURATED.iter().map(|&(l, _)| GAZETTEERS[l].name).collect();
        assert_eq!(curated, ["hand.places.txt", "hand.organisations.txt", "org.media.txt", "org.institutions.txt"]);
    }
}
