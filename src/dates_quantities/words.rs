//! The words each language uses in dates and quantities: one table per
//! language over the patterns of `super`, read from `models/dates/`.

use crate::lang::Lang;

/// The words one language uses in dates and quantities, folded (lower
/// case, no accents).
pub(super) struct Words {
    pub(super) weekdays: &'static [&'static str],
    /// Month names and abbreviations (with their full stop, as tokenised).
    pub(super) months: &'static [&'static str],
    /// Month names that are also common words or names ("May", "Mars"):
    /// a date beside a day or a year, and alone only when written in lower
    /// case and `lone_ambiguous_month_in_lower_case` says so.
    pub(super) ambiguous_months: &'static [&'static str],
    pub(super) lone_ambiguous_month_in_lower_case: bool,
    /// Ordinal day forms besides bare digits ("1er", "1st").
    pub(super) day_suffixes: &'static [&'static str],
    /// Whether a day may be written with a full stop ("3. Oktober").
    pub(super) day_dot: bool,
    /// Words between a day and its month, and a month and its year ("3 de
    /// octubre de 2019").
    pub(super) date_links: &'static [&'static str],
    pub(super) relative_days: &'static [&'static str],
    /// Words after a clock that make it a time of day ("14 Uhr").
    pub(super) time_words: &'static [&'static str],
    /// Words after a clock that make it a time of day if it has minutes or
    /// a cue before it ("15.30 uur", "à 14 heures"; "24 uur" is a duration).
    pub(super) hour_words: &'static [&'static str],
    /// Words before hours and minutes that make them a time of day ("um
    /// 15.30").
    pub(super) time_cues: &'static [&'static str],
    /// Words after which a bare four-digit number is a year.
    pub(super) year_cues: &'static [&'static str],
    /// "années" in "années 1980".
    pub(super) decade_words: &'static [&'static str],
    /// "s" in "1980s", "er" in "1980er".
    pub(super) decade_suffixes: &'static [&'static str],
    pub(super) multipliers: &'static [&'static str],
    pub(super) currencies: &'static [&'static str],
    /// Words that join a number to its currency ("millions d'euros").
    pub(super) currency_links: &'static [&'static str],
    /// "pour cent", "per cent": the first word, then the second.
    pub(super) percent_words: &'static [&'static [&'static str]],
    /// Words before a number that make it a label, a code or a rank, not a
    /// count ("Nr. 0378", "article 49", "Linie 6").
    pub(super) label_words: &'static [&'static str],
}

/// Every language's table, compiled by `build.rs` from
/// `models/dates/<lang>.txt`.
const TABLES: &[(&str, Words)] = include!(concat!(env!("OUT_DIR"), "/date_words.rs"));

/// The languages that have a table: those newslens reads.
pub(super) fn languages() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|(code, _)| *code)
}

pub(super) fn words_for(lang: Lang) -> Option<&'static Words> {
    TABLES.iter().find(|(code, _)| *code == lang.code()).map(|(_, words)| words)
}
