//! Languages: their codes, and detecting which one a text is written in.

use crate::error::{Error, ErrorKind};
use rustc_hash::FxHashMap;
use std::fmt;
use std::sync::OnceLock;

/// A language, named by its ISO 639-1 code (`fr`, `en`), or by its
/// ISO 639-3 code where it has no two-letter one. [`Lang::UNDETERMINED`]
/// (`und`) stands for text whose language could not be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

/// ISO 639-3 (as the detector names languages) beside ISO 639-1.
const CODES: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

impl Lang {
    /// French.
    pub const FR: Lang = Lang("fr");
    /// English.
    pub const EN: Lang = Lang("en");
    /// A text whose language could not be determined.
    pub const UNDETERMINED: Lang = Lang("und");

    /// The language's code: ISO 639-1 where it has one, else ISO 639-3.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Parses an ISO 639-1 or ISO 639-3 code, in any case.
    ///
    /// ```
    /// use newslens::Lang;
    /// assert_eq!(Lang::from_code("FR")?, Lang::FR);
    /// assert_eq!(Lang::from_code("fra")?, Lang::FR);
    /// assert!(Lang::from_code("xx").is_err());
    /// # Ok::<(), newslens::Error>(())
    /// ```
    pub fn from_code(code: &str) -> Result<Lang, Error> {
        let lower = code.trim().to_ascii_lowercase();
        if lower == "und" {
            return Ok(Lang::UNDETERMINED);
        }
        CODES
            .iter()
            .find(|(three, two)| *three == lower || *two == lower)
            .map(|(_, two)| Lang(two))
            .ok_or_else(|| Error::new(ErrorKind::UnknownLanguage(code.to_string())))
    }

    fn from_whatlang(lang: whatlang::Lang) -> Lang {
        let three = lang.code();
        CODES.iter().find(|(t, _)| *t == three).map_or(Lang(three), |(_, two)| Lang(two))
    }

    fn to_whatlang(self) -> Option<whatlang::Lang> {
        let three = CODES.iter().find(|(_, two)| *two == self.0)?.0;
        whatlang::Lang::from_code(three)
    }
}

impl Lang {
    /// Whether the language is written in the Latin script (every language
    /// newslens has a model for is).
    pub fn is_latin_script(self) -> bool {
        const LATIN: &[&str] = &[
            "af", "ak", "az", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "fi", "fr", "hr", "hu", "id", "it", "jv", "la", "lt", "lv", "nb", "nl",
            "pl", "pt", "ro", "sk", "sl", "sn", "sv", "tk", "tl", "tr", "uz", "vi", "zu",
        ];
        LATIN.contains(&self.0)
    }
}

/// Whether at least half of the letters of `text` are Latin ones (and it
/// has letters).
pub(crate) fn mostly_latin(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin > 0 && latin >= other
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Tells the language of a text, preferring the languages newslens has
/// models for when the evidence is thin.
#[derive(Clone, Debug)]
pub(crate) struct Detector {
    preferred: whatlang::Detector,
}

/// Below this many letters a paragraph takes the language of its page.
const PARAGRAPH_LETTERS: usize = 40;

impl Detector {
    pub(crate) fn new(preferred: &[Lang]) -> Detector {
        let allow = preferred.iter().filter_map(|l| l.to_whatlang()).collect();
        Detector { preferred: whatlang::Detector::with_allowlist(allow) }
    }

    /// The language of `text`, or [`Lang::UNDETERMINED`] when it holds no
    /// letters at all.
    pub(crate) fn detect(&self, text: &str) -> Lang {
        self.detect_how(text).0
    }

    /// The language of `text`, and whether the evidence was thin: neither
    /// its words nor a reliable guess told it, and it leans to the
    /// languages newslens reads (a table of names and scores).
    fn detect_how(&self, text: &str) -> (Lang, bool) {
        let sample = sample(text);
        let sample = sample.as_ref();
        let latin = mostly_latin(sample);
        let words = if latin { WordCounts::of(sample) } else { WordCounts::default() };
        // Most texts are plainly French or English: no trigram scoring.
        if let Some(lang) = words.clear() {
            return (lang, false);
        }
        // Words of French or English and not one of another language's:
        // trigrams, which names sway (a league table of Serbian clubs "to be
        // played on Sunday"), cannot outweigh them.
        if words.all.other == 0 {
            if let Some(lang) = words.lean() {
                return (lang, false);
            }
        }
        // Names, capitalised, say little of the language around them (Dutch
        // clubs, Brazilian ones); the lower-case words between them say it
        // ("Result of a Dutch first division soccer match played on
        // Thursday").
        if let Some(lang) = words.lean_in_lower_case() {
            return (lang, false);
        }
        // The words of German, Spanish and Dutch, which trigrams confuse
        // on a headline ("Merkel trifft Macron in Berlin").
        if let Some(lang) = words.lean_among_listed(2) {
            return (lang, false);
        }
        let Some(info) = whatlang::detect(sample) else {
            return (Lang::UNDETERMINED, false);
        };
        let guess = Lang::from_whatlang(info.lang());
        // Trigrams of names alone (a table of clubs and scores) say
        // nothing of the language a text is written in: only words do.
        let reliable = info.is_reliable() && !(latin && words.names_only());
        if reliable && guess != Lang::FR && guess != Lang::EN {
            return (guess, false);
        }
        // French or English, or thin evidence (a short text, a table of
        // names and scores): their own words decide where they lean...
        if let Some(lang) = words.lean() {
            return (lang, false);
        }
        if reliable {
            return (guess, false);
        }
        // ...or a word of German, Spanish or Dutch...
        if let Some(lang) = words.lean_among_listed(1) {
            return (lang, true);
        }
        // ...else the languages newslens reads, in the same script.
        match self.preferred.detect(sample) {
            Some(pref) if pref.script() == info.script() => (Lang::from_whatlang(pref.lang()), true),
            _ => (guess, true),
        }
    }
}

impl Detector {
    /// The language of `text`, if it has letters enough to tell (a
    /// sentence or so; a caption or a byline has not).
    /// Thin evidence (a line of names and scores) tells nothing either.
    pub(crate) fn detect_confidently(&self, text: &str) -> Option<Lang> {
        let letters = text.chars().filter(|c| c.is_alphabetic()).take(PARAGRAPH_LETTERS).count();
        (letters >= PARAGRAPH_LETTERS).then(|| self.detect_how(text)).filter(|&(l, thin)| l != Lang::UNDETERMINED && !thin).map(|(l, _)| l)
    }
}

/// Which lists of `models/words/detect.*.txt` hold a word: bit 0 French,
/// bit 1 English (ten times more frequent in one than in the other), bit
/// 2 another language written in Latin script (ten times more frequent
/// there than in both), then one bit for each of [`LISTED`] (ten times more
/// frequent there than in any other language of the script).
/// `models/words/build_detect.py` makes the lists from wordfreq's
/// frequencies.
fn lexicon() -> &'static FxHashMap<&'static str, u8> {
    static LEXICON: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let lists = [
            (FRENCH, include_str!("../../models/words/detect.fr.txt")),
            (ENGLISH, include_str!("../../models/words/detect.en.txt")),
            (OTHER, include_str!("../../models/words/detect.other.txt")),
            (LISTED[0].1, include_str!("../../models/words/detect.de.txt")),
            (LISTED[1].1, include_str!("../../models/words/detect.es.txt")),
            (LISTED[2].1, include_str!("../../models/words/detect.nl.txt")),
        ];
        let mut map = FxHashMap::default();
        for (bit, list) in lists {
            for word in list.lines() {
                *map.entry(word).or_default() |= bit;
            }
        }
        map
    })
}

const FRENCH: u8 = 1;
const ENGLISH: u8 = 2;
const OTHER: u8 = 4;
/// The other languages newslens reads whose own words it lists, each with
/// its bit.
const LISTED: [(Lang, u8); 3] = [(Lang("de"), 8), (Lang("es"), 16), (Lang("nl"), 32)];

/// How many words of a text each list holds.
#[derive(Default)]
struct Hits {
    french: usize,
    english: usize,
    other: usize,
    /// Of each of [`LISTED`].
    listed: [usize; 3],
}

impl Hits {
    fn add(&mut self, bits: u8) {
        self.french += usize::from(bits & FRENCH != 0);
        self.english += usize::from(bits & ENGLISH != 0);
        self.other += usize::from(bits & OTHER != 0);
        for (count, (_, bit)) in self.listed.iter_mut().zip(LISTED) {
            *count += usize::from(bits & bit != 0);
        }
    }

    /// French or English, whichever `holds(its hits, the other's)` is true
    /// of first.
    fn either(&self, holds: impl Fn(usize, usize) -> bool) -> Option<Lang> {
        if holds(self.french, self.english) {
            Some(Lang::FR)
        } else if holds(self.english, self.french) {
            Some(Lang::EN)
        } else {
            None
        }
    }
}

/// A text's words: how many, and which lists hold them, all of them and
/// those written in lower case alone.
#[derive(Default)]
struct WordCounts {
    words: usize,
    all: Hits,
    lower_case: Hits,
}

impl WordCounts {
    fn of(sample: &str) -> WordCounts {
        let lexicon = lexicon();
        let mut counts = WordCounts::default();
        let mut lower = String::new();
        for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            counts.words += 1;
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            let bits = lexicon.get(lower.as_str()).copied().unwrap_or(0);
            counts.all.add(bits);
            if lower == word {
                counts.lower_case.add(bits);
            }
        }
        counts
    }

    /// French or English if their words leave no doubt: a quarter of the
    /// words at least, three times the other's and another language's, of
    /// which one word at most (a place: "Berlin" is mostly written in
    /// German).
    fn clear(&self) -> Option<Lang> {
        let other = self.all.other;
        self.all.either(|hits, rest| other <= 1 && hits >= 2 && hits * 4 >= self.words && hits >= 3 * (rest + other))
    }

    /// Whether hardly any word is a word of the lists (one in twenty at
    /// most, of five words or more): names and figures, not sentences.
    fn names_only(&self) -> bool {
        self.words >= 5 && (self.all.french + self.all.english + self.all.other) * 20 <= self.words
    }

    /// French or English by a lean of their words, for a text whose other
    /// evidence is thin: a table of names and scores still says "women",
    /// "metres", "seconds" in its own language.
    fn lean(&self) -> Option<Lang> {
        self.all.either(|hits, rest| hits >= 2 && hits >= 2 * (rest + self.all.other))
    }

    /// The one of [`LISTED`] with `least` of its words or more, twice
    /// those of the other two together, more than the lower-case French and
    /// English words (a name such as "Macron" is a French word too), and a
    /// sixth of the text's words at least (a Portuguese or Italian article
    /// holds a few Spanish words, never that many).
    fn lean_among_listed(&self, least: usize) -> Option<Lang> {
        let hits = &self.all;
        let total: usize = hits.listed.iter().sum();
        let (i, &best) = hits.listed.iter().enumerate().max_by_key(|&(_, &n)| n)?;
        let french_or_english = self.lower_case.french + self.lower_case.english;
        let leans = best >= least && best >= 2 * (total - best) && best > french_or_english && best * 6 >= self.words;
        leans.then_some(LISTED[i].0)
    }

    /// French or English if three of their lower-case words at least, and
    /// three times those of the other two kinds together, say so.
    fn lean_in_lower_case(&self) -> Option<Lang> {
        self.lower_case.either(|hits, rest| hits >= 3 && hits >= 3 * (rest + self.lower_case.other))
    }
}

/// Trigram scoring costs time in proportion to the text, and a few
/// kilobytes decide as well as a whole page: a text longer than this is
/// sampled in four slices spread over it (not just its start, which on a
/// web page may be navigation).
const SAMPLE_BYTES: usize = 2048;

fn sample(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= SAMPLE_BYTES {
        return text.into();
    }
    let slice = SAMPLE_BYTES / 4;
    let mut out = String::with_capacity(SAMPLE_BYTES + 4);
    for k in 0..4 {
        let mut start = (text.len() - slice) * k / 3;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        out.push_str(prefix_at_char_boundary(&text[start..], slice));
        out.push('\n');
    }
    out.into()
}

/// The longest prefix of `text` no longer than `max` bytes that ends on a
/// character boundary.
pub(crate) fn prefix_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests;
