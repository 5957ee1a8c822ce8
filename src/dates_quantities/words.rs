//! The words each language uses in dates and quantities: one table per
//! language over the patterns of `super`.

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
    pub(super) relative_days: &'static [&'static str],
    /// Words after which a bare four-digit number is a year.
    pub(super) year_cues: &'static [&'static str],
    /// "années" in "années 1980".
    pub(super) decade_words: &'static [&'static str],
    pub(super) multipliers: &'static [&'static str],
    pub(super) currencies: &'static [&'static str],
    /// Words that join a number to its currency ("millions d'euros").
    pub(super) currency_links: &'static [&'static str],
    /// "pour cent", "per cent": the first word, then the second.
    pub(super) percent_words: &'static [&'static [&'static str]],
}

const FRENCH: Words = Words {
    weekdays: &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    months: &[
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "janv.",
        "fevr.",
        "avr.",
        "juil.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ],
    ambiguous_months: &["mars"],
    lone_ambiguous_month_in_lower_case: true,
    day_suffixes: &["1er", "1re"],
    relative_days: &["hier", "aujourd'hui", "demain", "avant-hier", "apres-demain"],
    year_cues: &[
        "en",
        "depuis",
        "des",
        "dès",
        "avant",
        "apres",
        "de",
        "d'",
        "du",
        "entre",
        "et",
        "vers",
        "fin",
        "debut",
        "mi",
        "an",
        "annee",
        "a",
        "au",
        "jusqu'en",
        "l'an",
        "printemps",
        "ete",
        "automne",
        "hiver",
        "ou",
        "-",
        ",",
        "(",
    ],
    decade_words: &["annees"],
    multipliers: &["million", "millions", "milliard", "milliards", "mille", "billion", "billions", "md", "mds", "mln"],
    currencies: &[
        "euro", "euros", "dollar", "dollars", "livre", "livres", "franc", "francs", "yen", "yens", "yuan", "yuans", "roubles", "€", "$", "£", "¥", "eur",
        "usd", "chf",
    ],
    currency_links: &["d'", "de"],
    percent_words: &[&["pour", "cent"], &["pourcent"]],
};

const ENGLISH: Words = Words {
    weekdays: &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    months: &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ],
    ambiguous_months: &["may", "march"],
    lone_ambiguous_month_in_lower_case: false,
    day_suffixes: &["st", "nd", "rd", "th"],
    relative_days: &["yesterday", "today", "tomorrow", "tonight"],
    year_cues: &[
        "in", "since", "from", "until", "till", "by", "before", "after", "of", "between", "and", "to", "during", "early", "late", "mid", "year", "circa",
        "the", "or", "-", ",", "(", "spring", "summer", "autumn", "fall", "winter",
    ],
    decade_words: &[],
    multipliers: &["million", "millions", "billion", "billions", "trillion", "thousand", "bn", "mn", "m", "k"],
    currencies: &["dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "francs", "€", "$", "£", "¥", "usd", "eur", "gbp"],
    currency_links: &["of", "in"],
    percent_words: &[&["per", "cent"], &["percent"]],
};

pub(super) fn words_for(lang: Lang) -> Option<&'static Words> {
    match lang {
        Lang::FR => Some(&FRENCH),
        Lang::EN => Some(&ENGLISH),
        _ => None,
    }
}
