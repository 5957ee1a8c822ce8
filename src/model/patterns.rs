//! Names that today's news writes in ways the training corpora (old
//! newspapers, Wikipedia sentences) rarely show, found by their form once
//! the tagger has spoken. `apply` runs them all, with those of `places`
//! (names built around a place) and `ruler` (the curated lists, and names
//! found once found again); here:
//! - an acronym defined beside its long form, "la Commission nationale de
//!   contrôle des techniques de renseignement (CNCTR)": the long form is
//!   one name whatever lower-case words it holds, and every mention of the
//!   acronym is that name;
//! - a name right after a kind of work, "la série Baron Noir": a title;
//! - an acronym in running text ("le député LREM", "la CGT"): news writes
//!   parties, unions, agencies and companies so;
//! - a name written against a domain ending, "Libération.fr".

use super::acronyms::DEFINED;
use super::features::Context;
use super::lexicon::CapsPrior;
use super::long_names;
use super::one_type::Name;
use super::persons;
use super::places;
use super::results;
use super::ruler;
use super::tags::type_index;
use crate::entity::Label;
use std::ops::Range;

pub(super) fn per() -> usize {
    type_index(Label::Per).expect("PER is a named type")
}

pub(super) fn org() -> usize {
    type_index(Label::Org).expect("ORG is a named type")
}

/// Adds to `names` (sorted by start, disjoint) the names these patterns
/// find, and reshapes the tagger's where a pattern covers them. `reported`
/// has bit `t` set for each type the model shows (see `format::Parts`).
pub(crate) fn apply(ctx: &Context, names: &mut Vec<Name>, reported: u8) {
    ruler::curated_lists(ctx, names, reported);
    long_forms(ctx, names);
    long_names::extend(ctx, names);
    places::institutions(ctx, names);
    places::named_after_places(ctx, names);
    places::places(ctx, names);
    works(ctx, names);
    titled_lines(ctx, names);
    places::country_compounds(ctx, names);
    persons::with_particles(ctx, names);
    persons::with_nicknames(ctx, names);
    bare_acronyms(ctx, names);
    acronym_compounds(ctx, names);
    web_addresses(ctx, names);
    ampersands(ctx, names);
    legal_forms(ctx, names);
    results::results_lines(ctx, names);
    ruler::propagate(ctx, names);
}

/// The company suffixes' list (its index in `GAZETTEERS`).
pub(super) const LEGAL_FORMS: usize = 13;

/// A name ending with a company's legal form, "Jeans Mate Corp", "Apic
/// Yamada Ltd", "Renault SA", is a company, whatever the words before it
/// suggest (a person's name, a place's).
fn legal_forms(ctx: &Context, names: &mut [Name]) {
    let ends_a_suffix = |i: usize| ctx.list_part(i, LEGAL_FORMS) & 0b1100 != 0;
    for (r, t) in names.iter_mut() {
        if r.len() >= 2 && ctx.doc.is_capitalised(r.end - 1) && ends_a_suffix(r.end - 1) {
            *t = org();
        }
    }
}

/// Two names, or a name and capitalised words, joined by "&" are one
/// firm: "Procter & Gamble", "Bear Stearns & Co Inc", "Douglas & Lomason".
/// People and places are joined by "and", "et", never by "&".
fn ampersands(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let mut added: Vec<Name> = Vec::new();
    for (k, (left, _)) in names.iter().enumerate() {
        let Some(amp) = ctx.neighbour(left.end - 1, 1).filter(|&a| doc.raw(a) == "&") else {
            continue;
        };
        let end = match names.get(k + 1) {
            Some((right, _)) if right.start == amp + 1 => right.end,
            _ => {
                let mut end = amp + 1;
                while ctx.neighbour(end - 1, 1).is_some_and(|j| j == end && doc.is_capitalised(j)) {
                    end += 1;
                }
                end
            }
        };
        if end == amp + 1 {
            continue;
        }
        // "A & B & C": the firm found at B grows over C.
        let from = match added.last() {
            Some((r, _)) if r.end == left.end => added.pop().map_or(left.start, |(r, _)| r.start),
            _ => left.start,
        };
        added.push((from..end, org()));
    }
    put(names, added);
}

/// The endings of web addresses that name a news site or a company
/// ("Libération.fr", "LePotCommun.fr").
const DOMAINS: &[&str] = &["fr", "com", "org", "net", "info", "eu", "be", "ch", "ca", "io", "uk", "de", "es", "it"];

/// A name written against a domain ending is one name with it, and a
/// site's name: an organisation, as the guide of modern news has it.
fn web_addresses(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let glued = |a: usize, b: usize| doc.tokens[a].end == doc.tokens[b].start;
    for k in 0..names.len() {
        let (dot, ending) = (names[k].0.end, names[k].0.end + 1);
        let domain = ending < ctx.len()
            && doc.raw(dot) == "."
            && doc.is_lower(ending)
            && DOMAINS.contains(&doc.word(ending))
            && glued(dot - 1, dot)
            && glued(dot, ending);
        let room = names.get(k + 1).is_none_or(|(next, _)| next.start > ending);
        if domain && room {
            names[k] = (names[k].0.start..ending + 1, org());
        }
    }
}

/// The names of `names` that `r` overlaps: one slice, as they are sorted
/// and disjoint.
pub(super) fn overlapping(names: &[Name], r: &Range<usize>) -> Range<usize> {
    let first = names.partition_point(|(n, _)| n.end <= r.start);
    let last = names.partition_point(|(n, _)| n.start < r.end);
    first..last.max(first)
}

/// Puts the `added` names in (sorted by start, disjoint among themselves),
/// each in place of every name it overlaps, in one pass: a step that
/// inserted or spliced name by name would take time quadratic in a long
/// text's names.
pub(super) fn put(names: &mut Vec<Name>, added: Vec<Name>) {
    if added.is_empty() {
        return;
    }
    let mut removed = vec![false; names.len()];
    for (r, _) in &added {
        removed[overlapping(names, r)].fill(true);
    }
    let mut kept: Vec<Name> = names.drain(..).zip(removed).filter(|(_, gone)| !gone).map(|(name, _)| name).collect();
    kept.extend(added);
    kept.sort_by_key(|(r, _)| r.start);
    *names = kept;
}

pub(super) fn is_free(names: &[Name], r: &Range<usize>) -> bool {
    overlapping(names, r).is_empty()
}

/// Long forms of defined acronyms, and the acronyms themselves.
fn long_forms(ctx: &Context, names: &mut Vec<Name>) {
    let n = ctx.len();
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if ctx.acronym(i).1 != 1 {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && ctx.acronym(i).1 != 3 {
            i += 1;
        }
        let range = start..(i + 1).min(n);
        // The tagger's type when it opened a name on the long form's first
        // word; an organisation otherwise, as most defined acronyms are.
        let at = names.partition_point(|(r, _)| r.end <= start);
        let ty = names.get(at).filter(|(r, _)| r.start == start).map_or_else(org, |&(_, t)| t);
        added.push((range, ty));
        i += 1;
    }
    put(names, added);
    // Every mention of a defined acronym, unless the tagger read it as a
    // name already (its type then joins the evidence of `one_type`).
    let acronyms = (0..n).filter(|&i| ctx.acronym(i).0 & DEFINED != 0 && is_free(names, &(i..i + 1))).map(|i| (i..i + 1, org())).collect();
    put(names, acronyms);
}

/// Words of a title line at most ("Vape Wave (documentaire, 1h28)").
const LONGEST_TITLE: usize = 12;

/// A line that opens with a capitalised phrase and gives its kind of work
/// in parentheses, "Vape Wave (documentaire, 1h28, Planète+)", "Alphonse
/// President (série, 10x26)", as reviews and programme guides write: the
/// phrase is a title, whatever names the tagger saw in it.
fn titled_lines(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let misc = type_index(Label::Misc).expect("MISC is a named type");
    let mut added = Vec::new();
    let mut line_start = 0;
    for i in 0..ctx.len() {
        if i > 0 && doc.text[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n') {
            line_start = i;
        }
        let kind = doc.raw(i) == "(" && i + 1 < ctx.len() && doc.is_lower(i + 1) && WORK_HEADS.contains(&doc.word(i + 1));
        let opening = (line_start..i).len() <= LONGEST_TITLE && doc.is_capitalised(line_start);
        // The line is the title and its parentheses, nothing else: a
        // heading, not a sentence that ends on a work.
        // (Looked at last: at most LONGEST_TITLE brackets a line.)
        let closes_line = || {
            let line = doc.text[doc.tokens[i].start..].split('\n').next().unwrap_or("");
            line.trim_end().strip_suffix(')').is_some_and(|inner| !inner.contains(')'))
        };
        if kind && opening && i > line_start && closes_line() && added.last().is_none_or(|(r, _): &Name| r.end <= line_start) {
            added.push((line_start..i, misc));
        }
    }
    put(names, added);
}

/// Lower-case words that name a kind of work: the name right after them
/// is its title ("la série Baron Noir", "the film Watchmen"), not a person
/// or a place.
const WORK_HEADS: &[&str] = &[
    "film",
    "films",
    "serie",
    "series",
    "documentaire",
    "webserie",
    "livre",
    "roman",
    "album",
    "chanson",
    "emission",
    "spectacle",
    "essai",
    "ouvrage",
    "bd",
    "manga",
    "feuilleton",
    "telefilm",
    "movie",
    "novel",
    "documentary",
];

/// "la série Baron Noir": a title, whatever the tagger made of it; works
/// are MISC (which the French model does not report).
fn works(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    let misc = type_index(Label::Misc).expect("MISC is a named type");
    for (r, t) in names.iter_mut() {
        // The title may stand in quotes: "le film « Watchmen »".
        let mut j = r.start;
        while j > 0 && matches!(doc.raw(j - 1), "«" | "\"" | "“") {
            j -= 1;
        }
        let after_head =
            j >= 1 && ctx.neighbour(r.start, j as isize - 1 - r.start as isize).is_some() && doc.is_lower(j - 1) && WORK_HEADS.contains(&doc.word(j - 1));
        if after_head {
            *t = misc;
        }
    }
}

/// Acronyms in running text that the tagger left out: organisations, in
/// news, far more often than anything else. Not an acronym that the
/// document uses as a common noun anywhere ("une ONG", "des PME").
fn bare_acronyms(ctx: &Context, names: &mut Vec<Name>) {
    let doc = ctx.doc;
    let candidates: Vec<usize> = (0..ctx.len()).filter(|&i| ctx.acronym(i).0 != 0 && !is_roman_numeral(doc.raw(i))).collect();
    let generic: rustc_hash::FxHashSet<&str> =
        candidates.iter().filter(|&&i| ctx.neighbour(i, -1).is_some_and(|j| COUNTING_WORDS.contains(&doc.word(j)))).map(|&i| doc.word(i)).collect();
    let mut added = Vec::new();
    for i in candidates {
        let prose = [-1isize, 1].iter().any(|&d| ctx.neighbour(i, d).is_some_and(|j| doc.is_lower(j)));
        // Not a word the web writes in lower case, shouted ("NON", "TRÈS").
        if prose && !is_common_word(ctx, i) && !generic.contains(doc.word(i)) && is_free(names, &(i..i + 1)) {
            added.push((i..i + 1, org()));
        }
    }
    put(names, added);
}

/// A name joined by a hyphen to an acronym, "Info’Com-CGT", "SUD-PTT":
/// a union's section, a party's federation, a company's branch; an
/// organisation, whatever place or person the tagger saw in its first
/// part. Not a line in capitals ("PARIS-LYON").
fn acronym_compounds(ctx: &Context, names: &mut [Name]) {
    let doc = ctx.doc;
    for (r, t) in names.iter_mut().filter(|(r, _)| r.len() == 1) {
        let raw = doc.raw(r.start);
        let Some((head, last)) = raw.rsplit_once('-') else {
            continue;
        };
        let acronym = (2..=6).contains(&last.chars().count()) && last.chars().all(|c| c.is_uppercase());
        if acronym && head.chars().any(char::is_lowercase) {
            *t = org();
        }
    }
}

/// Words that count what follows them, so that it is a common noun: "une
/// ONG", "des PME", "les OGM", "plusieurs CHU", "several NGOs".
const COUNTING_WORDS: &[&str] = &["un", "une", "des", "les", "ces", "plusieurs", "quelques", "chaque", "nombreuses", "nombreux", "several", "many", "some"];

/// A word the web mostly writes in lower case.
/// A word among the most frequent of the language (a Zipf frequency of 6
/// or more: "dans", "notre"), or where the web table does not say how
/// the word is written (English: lower-case vectors), one the training
/// text always writes in lower case.
pub(super) fn is_function_word(ctx: &Context, i: usize) -> bool {
    ctx.words().get(ctx.doc.word(i)).is_some_and(|w| if w.web.caps == CapsPrior::Unseen { w.caps == CapsPrior::Lower } else { w.web.zipf >= 6 })
}

/// Where the web table does not say how the word is written (English:
/// lower-case vectors), how the training text writes it.
pub(super) fn is_common_word(ctx: &Context, i: usize) -> bool {
    ctx.words().get(ctx.doc.word(i)).is_some_and(|w| {
        let caps = if w.web.caps == CapsPrior::Unseen { w.caps } else { w.web.caps };
        matches!(caps, CapsPrior::Lower | CapsPrior::MostlyLower)
    })
}

/// A Roman numeral as it is written ("XIV", "MMXX"), not any word of
/// those letters ("LCI", "CDC" are acronyms): its value written back
/// gives the same letters.
fn is_roman_numeral(word: &str) -> bool {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let Some(digits) = word.chars().map(value).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    let total: u32 =
        digits.iter().enumerate().map(|(k, &d)| if digits.get(k + 1).is_some_and(|&n| n > d) { 0u32.wrapping_sub(d) } else { d }).fold(0u32, u32::wrapping_add);
    (1..4000).contains(&total) && to_roman(total) == word
}

fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::model::lexicon::{Gazetteers, WebInfo, WordIndex, WordInfo};

    const LOC: usize = 1;

    /// The names a step leaves, as (text, type index), from the tagger's
    /// `tagged` names (phrases of the text, in order), with `words` as the
    /// model's word table; checks the names stay sorted and disjoint.
    pub(in crate::model) fn names_after(
        step: impl Fn(&Context, &mut Vec<Name>),
        text: &str,
        tagged: &[(&str, usize)],
        words: &WordIndex,
    ) -> Vec<(String, usize)> {
        let doc = Doc::new(text);
        let gazetteers = Gazetteers::builtin();
        let ctx = Context::new(&doc, words, &gazetteers);
        let mut from = 0;
        let mut names: Vec<Name> = tagged
            .iter()
            .map(|&(phrase, ty)| {
                let at = text[from..].find(phrase).expect("phrase in text") + from;
                from = at + phrase.len();
                (doc.tokens.partition_point(|t| t.start < at)..doc.tokens.partition_point(|t| t.start < from), ty)
            })
            .collect();
        step(&ctx, &mut names);
        assert!(names.windows(2).all(|w| w[0].0.end <= w[1].0.start), "sorted and disjoint: {names:?}");
        names.iter().map(|(r, t)| (text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string(), *t)).collect()
    }

    /// A table's expected names, owned, to compare with `names_after`'s.
    pub(in crate::model) fn owned(names: &[(&str, usize)]) -> Vec<(String, usize)> {
        names.iter().map(|&(p, t)| (p.to_string(), t)).collect()
    }

    /// All the patterns, with common nouns as the web writes them.
    fn after_patterns(text: &str, tagged: &[(&str, usize)]) -> Vec<(String, usize)> {
        let mut words = WordIndex::default();
        for noun in ["aeroports", "gare"] {
            let web = WebInfo { caps: CapsPrior::Lower, ..WebInfo::default() };
            words.insert(noun, WordInfo { web, ..WordInfo::default() });
        }
        names_after(|ctx, names| apply(ctx, names, 0b0111), text, tagged, &words)
    }

    #[test]
    fn patterns_find_what_modern_news_writes() {
        let org = org();
        // (case, text, the tagger's names, the names after the patterns)
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, &str, Names, Names)] = &[
            (
                "long form and its acronym",
                "La Commission nationale de contrôle des techniques de renseignement (CNCTR) a rendu son avis. La CNCTR insiste.",
                &[("Commission nationale de contrôle des techniques", org)],
                &[("Commission nationale de contrôle des techniques de renseignement", org), ("CNCTR", org), ("CNCTR", org)],
            ),
            ("institution with a lower-case head", "Le parquet de Paris a ouvert une enquête.", &[("Paris", LOC)], &[("parquet de Paris", org)]),
            ("elided article after the head", "la cour d’appel de Rennes a jugé", &[("Rennes", LOC)], &[("cour d’appel de Rennes", org)]),
            (
                "head far from its place",
                "le tribunal de grande instance de Nanterre a jugé",
                &[("Nanterre", LOC)],
                &[("tribunal de grande instance de Nanterre", org)],
            ),
            ("a place is not always an institution's", "Il vit dans le centre de Paris.", &[("Paris", LOC)], &[("Paris", LOC)]),
            (
                "country compound",
                "Il parlait sur France Inter et Radio France hier.",
                &[("France", LOC), ("France", LOC)],
                &[("France Inter", org), ("Radio France", org)],
            ),
            ("channel number", "le journal de France 2 a montré", &[("France", LOC)], &[("France 2", org)]),
            (
                "a score is no channel",
                "Sweden beat Latvia 2-0 and Israel 2, Bulgaria 0",
                &[("Latvia", LOC), ("Israel", LOC)],
                &[("Sweden", LOC), ("Latvia", LOC), ("Israel", LOC), ("Bulgaria", LOC)],
            ),
            ("a list of one country's channels", "sur Russie 1, Russie 24 hier", &[("Russie", LOC), ("Russie", LOC)], &[("Russie 1", org), ("Russie 24", org)]),
            ("not across a line", "SUISSE\nChambres fédérales", &[("SUISSE", LOC)], &[("SUISSE", LOC)]),
            (
                "named after a place",
                "les Aéroports de Paris et la Gare de Lyon",
                &[("Paris", LOC), ("Lyon", LOC)],
                &[("Aéroports de Paris", org), ("Lyon", LOC)],
            ),
            ("a work's title", "la série Baron Noir et le film « Watchmen »", &[("Baron Noir", 0), ("Watchmen", LOC)], &[("Baron Noir", 3), ("Watchmen", 3)]),
            (
                "a title line",
                "La semaine.\nAlphonse President (série, 10x26, OCS Max)\nUne série",
                &[("Alphonse President", 0), ("OCS Max", org)],
                &[("Alphonse President", 3), ("OCS Max", org)],
            ),
            (
                "not a sentence",
                "Il a vu Paris, Lyon et la Corse (film, 2019) hier.",
                &[("Paris", LOC), ("Lyon", LOC), ("Corse", LOC)],
                &[("Paris", LOC), ("Lyon", LOC), ("Corse", LOC)],
            ),
            ("a kind of place", "dans la province de Deir Ezzor", &[("Deir Ezzor", 0)], &[("Deir Ezzor", LOC)]),
            ("bare acronym in prose", "Le député LREM a quitté la CGT en 2019.", &[], &[("LREM", org), ("CGT", org)]),
            ("acronym as a common noun", "Une ONG a porté plainte. L'ONG demande justice.", &[], &[]),
            ("roman numerals are not acronyms", "le chapitre XIV du livre", &[], &[]),
            ("web address", "une critique sur Libération.fr hier", &[("Libération", org)], &[("Libération.fr", org)]),
            ("a site is an organisation", "une cagnotte sur LePotCommun.fr hier", &[("LePotCommun", LOC)], &[("LePotCommun.fr", org)]),
            (
                "a union's section",
                "la caisse d’Info’Com-CGT et de Sud-PTT",
                &[("Info’Com-CGT", LOC), ("Sud-PTT", 0)],
                &[("Info’Com-CGT", org), ("Sud-PTT", org)],
            ),
            ("a line in capitals", "PARIS-PSG ce soir", &[("PARIS-PSG", LOC)], &[("PARIS-PSG", LOC)]),
            ("a legal form", "NOTE - Apic Yamada Corp is a maker", &[("Apic Yamada Corp", 0)], &[("Apic Yamada Corp", org)]),
            ("two names and an ampersand", "shares of Douglas & Lomason rose", &[("Douglas", org), ("Lomason", org)], &[("Douglas & Lomason", org)]),
            ("a name, an ampersand and words", "underwriter Bear Stearns & Co Inc said", &[("Bear Stearns", 0)], &[("Bear Stearns & Co Inc", org)]),
            ("two ampersands", "shares of Marks & Spencer & Sons rose", &[("Marks", org), ("Spencer", 0), ("Sons", org)], &[("Marks & Spencer & Sons", org)]),
        ];
        for (name, text, tagged, want) in cases {
            assert_eq!(after_patterns(text, tagged), owned(want), "{name}");
        }
    }
}
