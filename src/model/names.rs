//! Clean-up of the tagger's names: what runs onto their edges trimmed,
//! runs of one repeated word split, names longer than any name dropped,
//! viruses and diseases written as names left out.

use super::features::Context;
use super::lexicon::CapsPrior;
use super::tags::Name;
use crate::doc::Doc;
use std::ops::Range;

/// Words a name never ends on (nor starts with): conjunctions and
/// prepositions that a name's tag ran onto.
const NOT_AT_EDGES: &[&str] = &["and", "or", "of", "the", "et", "ou", "de", "du", "des", "la", "le", "les", "à", "a", "in", "en"];

/// A name's tokens without punctuation or linking words at either end;
/// `None` if nothing is left. `french`: the text is French, whose names
/// other than a person's may begin with a lower-case word, as the guide's
/// long names do ("loi Travail", "ministère de l'Intérieur", "festival de
/// Cannes"; the French model learns them from the news corpus), and where
/// "M." is a title, not an initial ("M. Waugh" is Mark Waugh in English).
pub(super) fn trim_name(doc: &Doc, mut r: Range<usize>, person: bool, french: bool) -> Option<Range<usize>> {
    // An elided article is no part of a name either ("d’Europ’Assistance",
    // "Marie l’emporte"), unless written with a capital ("L’Oréal").
    let loose = |i: usize| {
        let raw = doc.raw(i);
        !raw.chars().any(char::is_alphanumeric)
            || (doc.is_lower(i) && NOT_AT_EDGES.contains(&doc.word(i)))
            || (doc.is_elision(i) && !raw.starts_with(char::is_uppercase))
    };
    // A name opens no bracket it does not close: "Orlando (Floride" is
    // Orlando, and Floride a name of its own. What is left before the
    // bracket loses its punctuation ("Orlando, (Floride"), which may leave
    // another bracket open ("Orlando (Floride) (USA" is Orlando): so, until
    // nothing changes. "U.S." keeps its full stop: it is part of one token.
    loop {
        let before = r.clone();
        if let Some(open) = (r.start + 1..r.end).rev().find(|&i| matches!(doc.raw(i), "(" | "[")) {
            if !(open + 1..r.end).any(|i| matches!(doc.raw(i), ")" | "]")) {
                r.end = open;
            }
        }
        while r.start < r.end && loose(r.end - 1) {
            r.end -= 1;
        }
        while r.start < r.end && loose(r.start) {
            r.start += 1;
        }
        if r == before {
            break;
        }
    }
    // A person's name does not begin with a title written short ("M.
    // Dupont", "Me Iweins", "MM. Sarkozy"): the person is the name after it.
    while french && person && r.len() > 1 && FRENCH_SHORT_TITLES.contains(&doc.raw(r.start)) {
        r.start += 1;
    }
    // A person's name never ends with a figure: "A. Dale 69" in a cricket
    // score card is Dale and his runs.
    while person && r.len() > 1 && doc.raw(r.end - 1).chars().all(|c| c.is_ascii_digit()) {
        r.end -= 1;
    }
    // Nor with a lower-case word before its capitalised ones ("irakien
    // Qassem al-Mohammedi", "président Macron"), as training leaves them out
    // of gold names, unless that word is a name's particle ("van Gogh"). In
    // French, a name other than a person's keeps any lower-case first word
    // the tagger gave it: the news corpus taught it the guide's heads.
    while (person || !french)
        && r.len() > 1
        && doc.is_lower(r.start)
        && !PARTICLES.contains(&doc.word(r.start))
        && (r.start + 1..r.end).any(|i| doc.is_capitalised(i))
    {
        r.start += 1;
    }
    // A name has a capital letter: a word quoted in lower case ("fake
    // news") is not one, nor is a virus or a disease written as a name with
    // a number ("Covid-19", "SARS-CoV-2").
    let capital = (r.start..r.end).any(|i| doc.raw(i).chars().any(char::is_uppercase));
    let disease = r.len() == 1 && is_strain(doc.raw(r.start));
    (!r.is_empty() && capital && !disease).then_some(r)
}

/// An English name is not the pronoun "I", and does not end with a
/// lower-case word, "Wahono has", "U.S. government", "Ruch newsstand", as
/// French ones may ("Etat islamique", "Banque mondiale"): the tagger ran on
/// past the name.
pub(super) fn english_name(doc: &Doc, mut r: Range<usize>) -> Option<Range<usize>> {
    if r.len() == 1 && doc.raw(r.start) == "I" {
        return None;
    }
    // "Lord 's", "McDonald 's" keep their clitic.
    while r.len() > 1 && doc.is_lower(r.end - 1) && !doc.raw(r.end - 1).starts_with(['\'', '’']) {
        r.end -= 1;
    }
    Some(r)
}

/// Tokens of the longest name ("Haut Conseil de l’évaluation de la recherche
/// et de l’enseignement supérieur" has 12): a longer run of tags is text
/// the model misread, such as a list of names without punctuation.
const LONGEST_NAME: usize = 24;

/// Bytes of the longest name: a longer one is a run of letters, not a name.
const LONGEST_NAME_BYTES: usize = 256;

/// A word written three times or more in a row is that many mentions, not
/// one name ("Lyon Lyon Lyon"); twice may be one name ("Bora Bora").
const REPEATS_THAT_SPLIT: usize = 3;

/// The tagger's names within bounds: runs of one repeated word split into
/// one name a word, and names longer than any name dropped.
pub(super) fn bounded(doc: &Doc, names: impl Iterator<Item = Name>) -> Vec<Name> {
    let mut out = Vec::new();
    let mut keep = |piece: Range<usize>, t: usize| {
        let bytes = doc.tokens[piece.end - 1].end - doc.tokens[piece.start].start;
        if piece.len() <= LONGEST_NAME && bytes <= LONGEST_NAME_BYTES {
            out.push((piece, t));
        }
    };
    for (r, t) in names {
        // One pass over the runs of one word; short runs gather into one
        // piece, long runs give one name a word.
        let mut piece = r.start;
        let mut i = r.start;
        while i < r.end {
            let run = (i..r.end).take_while(|&j| doc.word(j) == doc.word(i)).count();
            if run >= REPEATS_THAT_SPLIT {
                if piece < i {
                    keep(piece..i, t);
                }
                (i..i + run).for_each(|j| keep(j..j + 1, t));
                piece = i + run;
            }
            i += run;
        }
        if piece < r.end {
            keep(piece..r.end, t);
        }
    }
    out
}

/// Lower-case words a name may hold between its capitalised words ("Office
/// central de lutte contre la corruption", "Bank of England").
const LINKING_WORDS: &[&str] = &[
    "de", "d'", "du", "des", "la", "le", "les", "l'", "et", "ou", "pour", "sur", "en", "a", "au", "aux", "contre", "sans", "par", "of", "the", "and", "or",
    "for", "on", "in", "at", "to", "y", "del", "van", "von", "der",
];

/// A name does not run on over one of the language's most frequent words
/// that is no linking word ("Attac était l'invitée", "Attac le plus
/// proche"): the tagger carried a name's tag over a verb or an adverb. The
/// name ends before it (and loses what follows).
pub(super) fn without_run_ons(ctx: &Context, names: &mut Vec<Name>, french: bool) {
    let doc = ctx.doc;
    let frequent = |i: usize| {
        doc.is_lower(i)
            && !LINKING_WORDS.contains(&doc.word(i))
            && ctx.words().get(doc.word(i)).is_some_and(|w| w.web.zipf >= 6 && w.web.caps != CapsPrior::Unseen)
    };
    names.retain_mut(|(r, t)| {
        let Some(cut) = (r.start + 1..r.end).find(|&i| frequent(i)) else {
            return true;
        };
        match trim_name(doc, r.start..cut, *t == super::tags::per(), french) {
            Some(kept) => {
                *r = kept;
                true
            }
            None => false,
        }
    });
}

/// A name runs on over the Arabic article and the word it binds ("Hachd
/// al-Chaabi", "Ahrar al-Cham", "Omar el-Béchir"), which the tagger may
/// leave out for its lower-case start: one token right after the name,
/// outside any other name, an article, a hyphen and a capital.
pub(super) fn with_article_tails(doc: &Doc, names: &mut [Name]) {
    let tail = |i: usize| {
        doc.raw(i).split_once('-').is_some_and(|(article, rest)| ARABIC_ARTICLES.contains(&article) && rest.chars().next().is_some_and(char::is_uppercase))
    };
    for k in 0..names.len() {
        let end = names[k].0.end;
        let free = names.get(k + 1).is_none_or(|(next, _)| next.start > end);
        if end < doc.tokens.len() && free && tail(end) {
            names[k].0.end = end + 1;
        }
    }
}

/// The Arabic article as news transliterates it before a hyphen.
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "ag", "an", "ar", "as", "ash", "at", "az", "ech", "ed", "er", "es"];

/// Viruses and the diseases they cause that news writes as a stem, a
/// hyphen and a number ("Covid-19", "SARS-CoV-2"), folded.
const STRAINS: &[&str] = &["covid", "sars-cov", "sras-cov", "mers-cov", "hcov", "hiv", "vih", "ebola", "zika"];

/// "Covid-19", "SARS-CoV-2", "H5N1": a virus or a disease, not a name
/// ("Paris-2024", "A-380", "G-20" stay names).
fn is_strain(word: &str) -> bool {
    if let Some((stem, number)) = word.rsplit_once('-') {
        return STRAINS.contains(&crate::text::fold_key(stem).as_str()) && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    }
    // Letters and digits in four runs or more: "H5N1".
    let mut runs = 0;
    let mut last = None;
    for c in word.chars() {
        let digit = c.is_ascii_digit();
        if last != Some(digit) {
            runs += 1;
            last = Some(digit);
        }
    }
    runs >= 4 && word.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Titles written short before a person's name, as French news writes them.
const FRENCH_SHORT_TITLES: &[&str] = &["M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mes", "Mgr", "Dr", "Dr.", "Pr", "Pr."];

/// Lower-case words that begin names: "van Gogh", "von der Leyen", "bin Laden".
const PARTICLES: &[&str] =
    &["van", "von", "der", "den", "ter", "ten", "al", "el", "ben", "bin", "ibn", "abu", "abou", "da", "di", "dos", "das", "del", "della", "mac"];

#[cfg(test)]
mod article_tail_tests {
    use super::with_article_tails;
    use crate::doc::Doc;

    #[test]
    fn names_run_on_over_the_arabic_article() {
        // (case, text, the tagger's names as (first token, end), the first name after)
        type Case<'a> = (&'a str, &'a str, &'a [(usize, usize)], &'a str);
        let cases: &[Case] = &[
            ("a militia", "le Hachd al-Chaabi a pris", &[(1, 2)], "Hachd al-Chaabi"),
            ("a person", "Omar el-Béchir a dit", &[(0, 1)], "Omar el-Béchir"),
            ("a lower-case word after the hyphen", "Hachd al-hayat", &[(0, 1)], "Hachd"),
            ("no article", "Hachd sud-Est", &[(0, 1)], "Hachd"),
            ("already another name", "Hachd al-Chaabi", &[(0, 1), (1, 2)], "Hachd"),
        ];
        for &(case, text, tagged, want) in cases {
            let doc = Doc::new(text);
            let mut names: Vec<_> = tagged.iter().map(|&(start, end)| (start..end, 2usize)).collect();
            with_article_tails(&doc, &mut names);
            let r = names[0].0.clone();
            assert_eq!(&text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end], want, "{case}");
        }
    }
}

#[cfg(test)]
mod trim_tests {
    use super::trim_name;
    use crate::doc::Doc;

    #[test]
    fn names_lose_what_runs_onto_their_edges() {
        // (case, text, read as a person, French, what is left)
        let cases: &[(&str, &str, bool, bool, Option<&str>)] = &[
            ("a person's runs", "A. Dale 69", true, false, Some("A. Dale")),
            ("a channel keeps its number", "France 2", false, false, Some("France 2")),
            ("demonym before a person", "irakien Qassem al-Mohammedi", true, false, Some("Qassem al-Mohammedi")),
            ("title before a person", "président Macron", true, false, Some("Macron")),
            ("title before a person, in French", "président Macron", true, true, Some("Macron")),
            ("a law's head, in French", "loi Travail", false, true, Some("loi Travail")),
            ("a law's head, in English", "loi Travail", false, false, Some("Travail")),
            ("particle kept", "van Gogh", false, false, Some("van Gogh")),
            ("lower-case word after the capital kept", "Etat islamique", false, false, Some("Etat islamique")),
            ("conjunction at the end", "Department of Conservation and", false, false, Some("Department of Conservation")),
            ("linking word at the start", "de Cannes", false, true, Some("Cannes")),
            ("punctuation at the end", "Māori –", false, false, Some("Māori")),
            ("lower case alone is no name", "internet", false, true, None),
            ("a quoted word is no name", "fake news", false, true, None),
            ("a virus is no name", "SARS-CoV-2", false, false, None),
            ("a disease is no name", "Covid-19", false, false, None),
            ("nor a strain", "H5N1", false, false, None),
            ("a group of seven is", "G7", false, false, Some("G7")),
            ("a plane is", "A-380", false, false, Some("A-380")),
            ("games are", "Paris-2024", false, false, Some("Paris-2024")),
            ("punctuation alone", "»", false, false, None),
            ("a bracket left open", "Orlando (Floride", false, false, Some("Orlando")),
            ("punctuation before it", "Orlando, (Floride", false, false, Some("Orlando")),
            ("brackets left open in turn", "Orlando (Floride) (USA", false, false, Some("Orlando")),
            ("a title is a person's", "Dr Dre", false, true, Some("Dr Dre")),
            ("a bracket closed", "Porsche 911 (993) Turbo", false, false, Some("Porsche 911 (993) Turbo")),
            ("a short title", "Me Paul-Albert Iweins", true, true, Some("Paul-Albert Iweins")),
            ("an English initial", "M. Waugh", true, false, Some("M. Waugh")),
            ("a plural one", "MM. Sarkozy", true, true, Some("Sarkozy")),
            ("a title alone is left to the tagger", "Mme", true, true, Some("Mme")),
            ("an elided article before it", "d’Europ’Assistance", false, true, Some("Europ’Assistance")),
            ("an elision of the name kept", "L’Oréal", false, true, Some("L’Oréal")),
        ];
        for &(name, text, person, french, expected) in cases {
            let doc = Doc::new(text);
            let got = trim_name(&doc, 0..doc.tokens.len(), person, french).map(|r| &text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end]);
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn a_name_does_not_end_on_an_elided_article() {
        let text = "Marie l’emporte";
        let doc = Doc::new(text);
        let got = trim_name(&doc, 0..2, true, true).map(|r| &text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end]);
        assert_eq!(got, Some("Marie"));
    }
}

#[cfg(test)]
mod english_tests {
    use super::english_name;
    use crate::doc::Doc;

    #[test]
    fn english_names_end_on_a_name() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Wahono has", Some("Wahono")),
            ("U.S. government", Some("U.S.")),
            ("Lord 's", Some("Lord 's")),
            ("Bank of England", Some("Bank of England")),
            ("I", None),
        ];
        for &(text, expected) in cases {
            let doc = Doc::new(text);
            let got = english_name(&doc, 0..doc.tokens.len()).map(|r| &text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end]);
            assert_eq!(got, expected, "{text}");
        }
    }
}

#[cfg(test)]
mod bounded_tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let all = (0..doc.tokens.len(), 1);
        bounded(&doc, std::iter::once(all)).into_iter().map(|(r, _)| text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn names_stay_within_bounds() {
        assert_eq!(pieces("Lyon Lyon Lyon"), ["Lyon", "Lyon", "Lyon"]);
        assert_eq!(pieces("Bora Bora"), ["Bora Bora"]);
        assert_eq!(pieces("Grand Lyon Lyon Lyon Métropole"), ["Grand", "Lyon", "Lyon", "Lyon", "Métropole"]);
        assert_eq!(pieces(&"Paris ".repeat(100_000)).len(), 100_000);
        let long: Vec<String> = (0..30).map(|k| format!("Nom{k}")).collect();
        assert!(pieces(&long.join(" ")).is_empty(), "30 words are no name");
        assert!(pieces(&"A".repeat(300)).is_empty(), "300 letters are no name");
    }
}
