//! What the gazetteers and the word table say of a token, as the document
//! stage asks it: lists named by their files, resolved at compile time.

use crate::model::features::Context;
use crate::model::lexicon::{list_index, GazetteerBits};

const COUNTRIES: usize = list_index("loc.countries.txt");

/// The place lists.
const PLACE_LISTS: [usize; 6] = [
    list_index("hand.places.txt"),
    list_index("loc.countries.txt"),
    list_index("loc.continents.txt"),
    list_index("loc.regions.txt"),
    list_index("loc.cities.txt"),
    list_index("loc.towns.txt"),
];

/// The organisation lists.
const ORGANISATION_LISTS: [usize; 4] =
    [list_index("hand.organisations.txt"), list_index("org.companies.txt"), list_index("org.media.txt"), list_index("org.institutions.txt")];

/// Bits of every part (begin, inside, last, alone) of `lists`.
const fn parts_of(lists: &[usize]) -> GazetteerBits {
    let mut bits = 0;
    let mut k = 0;
    while k < lists.len() {
        bits |= 0b1111 << (lists[k] * 4);
        k += 1;
    }
    bits
}

const PLACE_BITS: GazetteerBits = parts_of(&PLACE_LISTS);
const ORGANISATION_BITS: GazetteerBits = parts_of(&ORGANISATION_LISTS);

/// A country's name alone.
pub(super) fn is_country(ctx: &Context, i: usize) -> bool {
    ctx.list_part(i, COUNTRIES) & 0b1000 != 0
}

/// A word of a place list, alone or in a longer place's name.
pub(super) fn is_place_word(ctx: &Context, i: usize) -> bool {
    ctx.gazetteer_bits(i) & PLACE_BITS != 0
}

/// A word of a place or organisation list: "Jordan" beside "Michael
/// Jordan", "Ford" beside "Henry Ford".
pub(super) fn is_listed_place_or_organisation(ctx: &Context, i: usize) -> bool {
    ctx.gazetteer_bits(i) & (PLACE_BITS | ORGANISATION_BITS) != 0
}

/// A common word (`WordInfo::is_common`).
pub(super) fn is_common_word(ctx: &Context, i: usize) -> bool {
    ctx.words().get(ctx.doc.word(i)).is_some_and(|w| w.is_common())
}
