//! The engine's own cases, then one table per rule family of `rules.txt`:
//! (case, text, the tagger's names, the names after the rules).

use super::*;
use crate::doc::Doc;
use crate::model::document::tests::names_of;
use crate::model::lexicon::{Gazetteers, WebInfo, WordIndex, WordInfo};

const PER: usize = 0;
const LOC: usize = 1;
const ORG: usize = 2;
const MISC: usize = 3;

type Names<'a> = &'a [(&'a str, usize)];
type Cases<'a> = &'a [(&'a str, &'a str, Names<'a>, Names<'a>)];

/// The names `rules` leave in `text` read as `lang`, from the tagger's.
fn after(rules: &Rules, lang: &str, text: &str, tagged: Names) -> Vec<(String, usize)> {
    let doc = Doc::in_language(text, crate::lang::Lang::from_code(lang).expect("a language code"));
    let gazetteers = Gazetteers::builtin();
    let mut words = WordIndex::default();
    for noun in ["shares", "yesterday"] {
        words.insert(noun, WordInfo { web: WebInfo { caps: CapsPrior::Lower, ..WebInfo::default() }, ..WordInfo::default() });
    }
    let ctx = Context::new(&doc, &words, &gazetteers);
    let mut names = names_of(&doc, tagged);
    rules.apply(&ctx, &mut names, lang, 0b0111);
    assert!(names.windows(2).all(|w| w[0].0.end <= w[1].0.start), "sorted and disjoint: {names:?}");
    names.iter().map(|(r, t)| (text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string(), *t)).collect()
}

fn check(rules: &Rules, lang: &str, cases: Cases) {
    for (case, text, tagged, want) in cases {
        let want: Vec<(String, usize)> = want.iter().map(|&(p, t)| (p.to_string(), t)).collect();
        assert_eq!(after(rules, lang, text, tagged), want, "{case}");
    }
}

use crate::model::lexicon::CapsPrior;

#[test]
fn the_builtin_rules_parse_and_every_rule_has_a_family_test() {
    let rules = Rules::builtin();
    let families: Vec<&str> = rules.rules.iter().map(|r| r.family.as_str()).collect();
    for family in &families {
        assert!(TESTED_FAMILIES.contains(family), "rule family {family} has no test table here");
    }
}

/// The families this file tests, one table each.
const TESTED_FAMILIES: &[&str] = &["curated-lists", "acronyms", "places", "institutions", "kinds", "works", "clubs-and-agencies"];

#[test]
fn bad_rule_files_are_refused_with_their_line() {
    let cases = [
        ("rule x\n    type ORG\n    priority 5\n    pattern de\n", "no family"),
        ("rule x\n    family f\n    type CITY\n    priority 5\n    pattern de\n", "unknown label"),
        ("rule x\n    family f\n    type ORG\n    priority 0\n    pattern de\n", "priority"),
        ("rule x\n    family f\n    type ORG\n    priority 5\n    pattern %nowhere\n", "no set %nowhere"),
        ("rule x\n    family f\n    type ORG\n    priority 5\n    pattern @no.list\n", "no gazetteer"),
        ("rule x\n    family f\n    type ORG\n    priority 5\n    pattern ( de du\n", "not closed"),
        ("rule x\n    family f\n    type ORG\n    priority 5\n    pattern [ de\n", "one [ and one ]"),
        ("rule x\n    family f\n    type ORG\n    priority 5\n    pattern :caps\n", "no token class"),
        ("rule x\n    family f\n    type ORG\n    priority 5\n    pattern de{2,1}\n", "bad repetition"),
        ("rule x\n    family f\n    type PER|LOC\n    priority 5\n    pattern de\n", "one type"),
        ("rule x\n    family f\n    colour red\n", "unknown field"),
        ("    type ORG\n", "line 1"),
        ("set a = b\nset a = c\n", "line 2: set a defined twice"),
        ("banana\n", "line 1: expected `set` or `rule`"),
    ];
    for (text, expected) in cases {
        let err = Rules::parse(text).expect_err(text).to_string();
        assert!(err.contains(expected), "{text:?}: {err}");
    }
    // A token's sets are one word of bits: a file has as many sets at most.
    let many: String = (0..33).map(|k| format!("set s{k} = w{k}\n")).collect();
    assert!(Rules::parse(&many).expect_err("33 sets").to_string().contains("33 sets, more than the 32"));
    let enough: String = (0..32).map(|k| format!("set s{k} = w{k}\n")).collect();
    assert!(Rules::parse(&enough).is_ok());
}

#[test]
fn priorities_and_overwrites_decide() {
    let rules = Rules::parse(
        "set heads = maire\n\
         rule high\n    family t\n    type ORG\n    priority 50\n    overwrites LOC\n    pattern %heads de <LOC>\n\
         rule low\n    family t\n    type PER\n    priority 10\n    overwrites ORG LOC\n    pattern [ <any> ] a\n\
         rule inside\n    family t\n    type MISC\n    priority 20\n    overwrites inside\n    pattern :cap :cap :cap\n",
    )
    .unwrap();
    let cases: Cases = &[
        // A LOC inside the match gives way to the higher rule.
        ("overwrite inside", "le maire de Lyon parle", &[("Lyon", LOC)], &[("maire de Lyon", ORG)]),
        // A name of a type the rule may not overwrite blocks it.
        ("blocked by type", "le maire de Lyon parle", &[("Lyon", PER)], &[("Lyon", PER)]),
        // A lower rule cannot retype what a higher one found.
        ("lower priority", "le maire de Lyon a dit", &[("Lyon", LOC)], &[("maire de Lyon", ORG)]),
        // A name crossing the match's edge blocks it.
        // At "Jean" the match would cross "Marie Louis"; at "Paul" it holds it.
        ("crossing", "Jean Paul Marie Louis", &[("Marie Louis", PER)], &[("Paul Marie Louis", MISC)]),
        ("same words, other type", "Anne Bee Cee", &[("Anne Bee Cee", LOC)], &[("Anne Bee Cee", LOC)]),
    ];
    check(&rules, "fr", cases);
}

#[test]
fn patterns_stay_in_one_sentence_and_on_one_line() {
    let rules = Rules::parse("rule caps\n    family t\n    type MISC\n    priority 5\n    pattern :cap :cap\n").unwrap();
    let cases: Cases = &[
        ("one line", "vu Alpha Beta hier", &[], &[("Alpha Beta", MISC)]),
        ("two lines", "vu Alpha\nBeta hier", &[], &[]),
        ("two sentences", "vu Alpha. Beta hier", &[], &[]),
    ];
    check(&rules, "fr", cases);
}

#[test]
fn rules_read_their_languages_only() {
    let rules = Rules::parse("rule en-only\n    family t\n    lang en\n    type ORG\n    priority 5\n    pattern :cap \"&\" :cap\n").unwrap();
    check(&rules, "fr", &[("not French", "Marks & Spencer", &[], &[])]);
    check(&rules, "en", &[("English", "Marks & Spencer", &[], &[("Marks & Spencer", ORG)])]);
}

#[test]
fn curated_lists() {
    let cases: Cases = &[
        ("nothing found", "selon le Quai d'Orsay.", &[], &[("Quai d'Orsay", ORG)]),
        ("the hand list's type over the tagger's", "selon le Quai d'Orsay.", &[("Quai d'Orsay", LOC)], &[("Quai d'Orsay", ORG)]),
        ("a channel, not a place", "le journal de France 2 a montré", &[("France", LOC)], &[("France 2", ORG)]),
        ("a name holding the match stays", "Il suit le Tour de France.", &[("Tour de France", MISC)], &[("Tour de France", MISC)]),
        ("a place where the tagger saw nothing", "Ils ont fui l'Afrique du Sud.", &[], &[("Afrique du Sud", LOC)]),
        ("but not over the tagger's type", "Ils ont fui l'Afrique du Sud.", &[("Afrique du Sud", PER)], &[("Afrique du Sud", PER)]),
        ("two listed names read as one", "le groupe Etat islamique Daesh recule", &[("Etat islamique Daesh", ORG)], &[("Etat islamique", ORG), ("Daesh", ORG)]),
        ("one listed name and a word are not", "le groupe Etat islamique Yazidi recule", &[("Etat islamique Yazidi", ORG)], &[("Etat islamique Yazidi", ORG)]),
    ];
    check(Rules::builtin(), "fr", cases);
}

#[test]
fn acronyms() {
    let cases: Cases = &[
        (
            "long form and its acronym",
            "La Commission nationale de contrôle des techniques de renseignement (CNCTR) a rendu son avis. La CNCTR insiste.",
            &[("Commission nationale de contrôle des techniques", ORG)],
            &[("Commission nationale de contrôle des techniques de renseignement", ORG), ("CNCTR", ORG), ("CNCTR", ORG)],
        ),
        ("an acronym nobody defines", "Le PIB a crû.", &[], &[]),
    ];
    check(Rules::builtin(), "fr", cases);
}

#[test]
fn places() {
    let cases: Cases = &[
        ("a kind of place", "dans la province de Deir Ezzor", &[("Deir Ezzor", PER)], &[("Deir Ezzor", LOC)]),
        ("an English one", "in the city of Mosul", &[("Mosul", ORG)], &[("Mosul", LOC)]),
        ("no kind of place before", "le livre de Deir Ezzor", &[("Deir Ezzor", PER)], &[("Deir Ezzor", PER)]),
    ];
    check(Rules::builtin(), "fr", cases);
}

#[test]
fn institutions() {
    let cases: Cases = &[
        ("a lower-case head", "Le parquet de Paris a ouvert une enquête.", &[("Paris", LOC)], &[("parquet de Paris", ORG)]),
        ("an elided article after the head", "la cour d’appel de Rennes a jugé", &[("Rennes", LOC)], &[("cour d’appel de Rennes", ORG)]),
        (
            "the head far from its place",
            "le tribunal de grande instance de Nanterre a jugé",
            &[("Nanterre", LOC)],
            &[("tribunal de grande instance de Nanterre", ORG)],
        ),
        ("a place is not always an institution's", "Il vit dans le centre de Paris.", &[("Paris", LOC)], &[("Paris", LOC)]),
        ("a verb between", "le tribunal a condamné un habitant de Paris", &[("Paris", LOC)], &[("Paris", LOC)]),
        ("never a person", "le ministère de Jean Dupont", &[("Jean Dupont", PER)], &[("Jean Dupont", PER)]),
    ];
    check(Rules::builtin(), "fr", cases);
}

#[test]
fn kinds() {
    let cases: Cases = &[
        ("a school named after a person", "au lycée Jean Zay de Paris", &[("Jean Zay", PER), ("Paris", LOC)], &[("lycée Jean Zay", ORG), ("Paris", LOC)]),
        ("a police named after its city", "selon la gendarmerie de Châteaulin", &[("Châteaulin", LOC)], &[("gendarmerie de Châteaulin", ORG)]),
        ("a law", "contre la loi Travail", &[("Travail", MISC)], &[("loi Travail", MISC)]),
        ("a festival", "au festival de Cannes", &[("Cannes", LOC)], &[("festival de Cannes", MISC)]),
        ("after de, a person stays one", "le ministère de Jean Dupont", &[("Jean Dupont", PER)], &[("Jean Dupont", PER)]),
        ("a capitalised head is the tagger's", "la Loi Travail", &[("Loi Travail", MISC)], &[("Loi Travail", MISC)]),
        ("no kind before", "la ville de Cannes", &[("Cannes", LOC)], &[("Cannes", LOC)]),
    ];
    check(Rules::builtin(), "fr", cases);
    // English text keeps its names: the kinds are French.
    check(Rules::builtin(), "en", &[("French kinds only", "the loi Travail", &[("Travail", MISC)], &[("Travail", MISC)])]);
}

#[test]
fn clubs_and_agencies() {
    let cases: Cases = &[
        ("an agency's credit", "Bonn (dpa) - Die Regierung", &[("Bonn", LOC)], &[("Bonn", LOC), ("dpa", ORG)]),
        ("two agencies", "berichten AP/dpa heute", &[("AP", ORG)], &[("AP", ORG), ("dpa", ORG)]),
        ("a club's year", "gegen Schalke 04 verloren", &[("Schalke", LOC)], &[("Schalke 04", ORG)]),
        ("a person keeps the number out", "Müller 04 Tore", &[("Müller", PER)], &[("Müller", PER)]),
        ("a place before a unit", "in Berlin 04 Uhr früh", &[("Berlin", LOC)], &[("Berlin", LOC)]),
        ("a person named Sid", "Das sagte Sid Meier gestern", &[("Sid Meier", PER)], &[("Sid Meier", PER)]),
        ("Sid alone is no agency", "Das Faultier Sid ist zurück", &[], &[]),
        ("SID in capitals", "Köln (SID) - Der Trainer", &[("Köln", LOC)], &[("Köln", LOC), ("SID", ORG)]),
        ("a club's rank", "Der 1. FC Köln siegt", &[("FC Köln", ORG)], &[("1. FC Köln", ORG)]),
        ("a rank and a year", "beim 1. FSV Mainz 05 heute", &[("FSV Mainz", ORG)], &[("1. FSV Mainz 05", ORG)]),
        ("a date before a name", "am 1. Mai Berlin", &[("Mai Berlin", LOC)], &[("Mai Berlin", LOC)]),
        ("no rank but the first", "der 2. FC Köln", &[("FC Köln", ORG)], &[("FC Köln", ORG)]),
    ];
    check(Rules::builtin(), "de", cases);
    check(Rules::builtin(), "fr", &[("German text only", "selon la dpa", &[], &[])]);
}

#[test]
fn works() {
    let cases: Cases = &[
        ("a quoted title", "le film « Les Choses humaines » sort", &[("Les Choses", PER)], &[("Les Choses humaines", MISC)]),
        ("a title the tagger missed", "le documentaire « Braguino » a plu", &[], &[("Braguino", MISC)]),
        ("a title named so", "un livre intitulé « Sortez des traités »", &[], &[("Sortez des traités", MISC)]),
        ("a title unquoted", "le roman Sérotonine est sorti", &[("Sérotonine", LOC)], &[("Sérotonine", MISC)]),
        ("a lower-case quote is no title", "le film « très attendu » sort", &[], &[]),
        ("its author stays a person", "le film de Jacques Audiard", &[("Jacques Audiard", PER)], &[("Jacques Audiard", PER)]),
        ("a capitalised kind is the tagger's", "Film Paris Match", &[("Paris Match", ORG)], &[("Paris Match", ORG)]),
        ("an English title cut", "voir Pirates of the Caribbean", &[("Pirates", MISC), ("Caribbean", LOC)], &[("Pirates of the Caribbean", MISC)]),
        ("an English title the tagger missed", "il a lu Gone with the Wind", &[], &[("Gone with the Wind", MISC)]),
        ("a name found whole keeps its type", "la Bank of England a relevé ses taux", &[("Bank of England", ORG)], &[("Bank of England", ORG)]),
        ("French small words join nothing", "de Paris à Lyon", &[("Paris", LOC), ("Lyon", LOC)], &[("Paris", LOC), ("Lyon", LOC)]),
    ];
    check(Rules::builtin(), "fr", cases);
    check(Rules::builtin(), "en", &[("French kinds only", "the film « Amour »", &[], &[])]);
}

#[test]
fn groups_quantifiers_and_classes() {
    let rules = Rules::parse(
        "rule firms\n    family t\n    type ORG\n    priority 5\n    overwrites PER LOC ORG MISC inside\n    pattern <any> ( \"&\" ( <any> | :cap+ ) )+\n\
         rule not-common\n    family t\n    type MISC\n    priority 4\n    pattern :cap&!:common :cap\n",
    )
    .unwrap();
    let cases: Cases = &[
        ("two names and an ampersand", "shares of Douglas & Lomason rose", &[("Douglas", ORG), ("Lomason", ORG)], &[("Douglas & Lomason", ORG)]),
        ("a name, an ampersand and words", "underwriter Bear Stearns & Co Inc said", &[("Bear Stearns", PER)], &[("Bear Stearns & Co Inc", ORG)]),
        ("two ampersands", "shares of Marks & Spencer & Sons rose", &[("Marks", ORG), ("Spencer", PER), ("Sons", ORG)], &[("Marks & Spencer & Sons", ORG)]),
        ("not a common word first", "Yesterday Apic Yamada said", &[], &[("Apic Yamada", MISC)]),
    ];
    check(&rules, "en", cases);
}
