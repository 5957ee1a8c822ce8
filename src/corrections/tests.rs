//! A lexicon's checks, then how it reshapes an extraction's entities, one
//! table each: (case, corrections, text, the extraction's entities, the
//! entities after the corrections).

use super::*;
use crate::doc::Doc;
use crate::entity::Entity;

const PER: Label = Label::Per;
const ORG: Label = Label::Org;
const LOC: Label = Label::Loc;
const MISC: Label = Label::Misc;
const NUM: Label = Label::Num;

type Names<'a> = &'a [(&'a str, Label)];

/// The entities `corrections` leave in `text` read as `lang`, from the
/// extraction's `given` (phrases of the text, in order).
fn after(corrections: &[Correction], lang: &str, text: &str, given: Names) -> Vec<(String, Label)> {
    let lexicon = Lexicon::new(corrections).expect("good corrections");
    let doc = Doc::new(text);
    let mut at = 0;
    let mut entities: Vec<Entity> = given
        .iter()
        .map(|&(phrase, label)| {
            let start = at + text[at..].find(phrase).unwrap_or_else(|| panic!("{phrase:?} in {text:?}"));
            at = start + phrase.len();
            Entity { start, end: at, label }
        })
        .collect();
    lexicon.apply(&doc, Lang::from_code(lang).expect("a language code"), &mut entities);
    assert!(entities.windows(2).all(|w| w[0].end <= w[1].start), "sorted and disjoint: {entities:?}");
    entities.iter().map(|e| (e.text(text).to_string(), e.label)).collect()
}

#[test]
fn corrections_reshape_the_entities() {
    let orange = || Correction::name("Orange", ORG);
    let cases: &[(&str, Vec<Correction>, &str, Names, Names)] = &[
        ("a type replaces the model's", vec![orange()], "Orange recrute à Rennes", &[("Orange", LOC), ("Rennes", LOC)], &[("Orange", ORG), ("Rennes", LOC)]),
        ("a name the model missed", vec![orange()], "selon Orange, rien", &[], &[("Orange", ORG)]),
        ("every mention, case and accents aside", vec![Correction::name("Élysée", ORG)], "L'ELYSEE et l'Elysée", &[], &[("ELYSEE", ORG), ("Elysée", ORG)]),
        ("a lower-case word is not the name", vec![orange()], "la couleur orange plaît", &[], &[]),
        (
            "a longer name around it stays",
            vec![orange()],
            "au Stade Orange Vélodrome hier",
            &[("Stade Orange Vélodrome", LOC)],
            &[("Stade Orange Vélodrome", LOC)],
        ),
        (
            "it takes in the shorter names inside it",
            vec![Correction::name("Jean Dupont", PER)],
            "Jean Dupont parle",
            &[("Jean", LOC), ("Dupont", ORG)],
            &[("Jean Dupont", PER)],
        ),
        (
            "it wins over a name it crosses",
            vec![Correction::name("Banque Postale", ORG)],
            "la Banque Postale Rennes",
            &[("Postale Rennes", LOC)],
            &[("Banque Postale", ORG)],
        ),
        ("a name wins over a figure", vec![Correction::name("France 2", ORG)], "sur France 2 ce soir", &[("France", LOC), ("2", NUM)], &[("France 2", ORG)]),
        (
            "the longest phrase first",
            vec![orange(), Correction::name("Orange Bank", ORG)],
            "Orange Bank et Orange",
            &[],
            &[("Orange Bank", ORG), ("Orange", ORG)],
        ),
        ("not a name takes the model's away", vec![Correction::not_a_name("Premier")], "Premier ministre", &[("Premier", PER)], &[]),
        ("not a name, whatever the case", vec![Correction::not_a_name("Covid")], "le covid et le COVID", &[("covid", MISC), ("COVID", ORG)], &[]),
        (
            "not a name leaves a longer name",
            vec![Correction::not_a_name("Premier")],
            "le Premier League",
            &[("Premier League", ORG)],
            &[("Premier League", ORG)],
        ),
        (
            "not a name leaves a name it crosses",
            vec![Correction::not_a_name("grand Paris")],
            "le grand Paris Match",
            &[("Paris Match", ORG)],
            &[("Paris Match", ORG)],
        ),
        ("its language only", vec![orange().in_language("en")], "Orange recrute", &[("Orange", LOC)], &[("Orange", LOC)]),
        ("the later correction wins", vec![orange(), Correction::not_a_name("orange")], "Orange recrute", &[("Orange", LOC)], &[]),
        ("the later of two languages' wins", vec![orange().in_language("fr"), Correction::name("Orange", LOC)], "Orange recrute", &[], &[("Orange", LOC)]),
        ("and the other way", vec![Correction::name("Orange", LOC), orange().in_language("fr")], "Orange recrute", &[], &[("Orange", ORG)]),
    ];
    for (case, corrections, text, given, want) in cases {
        let want: Vec<(String, Label)> = want.iter().map(|&(p, l)| (p.to_string(), l)).collect();
        assert_eq!(after(corrections, "fr", text, given), want, "{case}");
    }
}

#[test]
fn bad_corrections_are_refused_with_their_reason() {
    let with = |name: &str, label: Option<&str>, same_as: Option<&str>, lang: Option<&str>| Correction {
        name: name.to_string(),
        lang: lang.map(str::to_string),
        label: label.map(str::to_string),
        same_as: same_as.map(str::to_string),
    };
    let long = "A".repeat(Lexicon::MAX_NAME_CHARS + 1);
    let cases = [
        (with("", Some("PER"), None, None), "needs a letter"),
        (with(" - ", Some("PER"), None, None), "needs a letter"),
        (with(&long, Some("PER"), None, None), "more than 200 characters"),
        (with("<b>Macron</b>", Some("PER"), None, None), "markup"),
        (with("Mac\u{7}ron", Some("PER"), None, None), "control character"),
        (with("Macron", Some("CITY"), None, None), "unknown type \"CITY\""),
        (with("Macron", Some("DATE"), None, None), "unknown type \"DATE\""),
        (with("Macron", Some("PER"), Some("Emmanuel Macron"), None), "both"),
        (with("Macron", None, None, None), "neither"),
        (with("Macron", None, Some("MACRON"), None), "itself"),
        (with("Macron", None, Some("<i>x</i>"), None), "same_as: a name holds markup"),
        (with("Macron", Some("PER"), None, Some("xx")), "unknown language code"),
    ];
    for (correction, reason) in cases {
        let message = Lexicon::new(&[Correction::name("Orange", ORG), correction.clone()]).expect_err(reason).to_string();
        assert!(message.starts_with("bad lexicon: correction 2 ("), "{message}");
        assert!(message.contains(reason), "{reason}: {message}");
    }
    let many = vec![Correction::name("Orange", ORG); Lexicon::MAX_CORRECTIONS + 1];
    assert!(Lexicon::new(&many).expect_err("too many").to_string().contains("more than the 100000"));
}

#[test]
fn a_lexicon_counts_each_name_and_language_once() {
    let lexicon = Lexicon::new(&[
        Correction::name("Orange", ORG),
        Correction::not_a_name("orange"),
        Correction::name("Orange", ORG).in_language("fr"),
        Correction::same_as("Macron", "Emmanuel Macron"),
    ])
    .unwrap();
    assert_eq!(lexicon.len(), 3);
    assert!(Lexicon::new(&[]).unwrap().is_empty());
}

#[test]
fn corrections_read_from_json_as_the_extension_writes_them() {
    let json = r#"[{"name": "Orange", "lang": "fr", "type": "ORG"}, {"name": "Premier", "type": "none"},
                   {"name": "Macron", "same_as": "Emmanuel Macron"}]"#;
    let corrections: Vec<Correction> = serde_json::from_str(json).unwrap();
    assert_eq!(corrections[0], Correction::name("Orange", ORG).in_language("fr"));
    assert_eq!(corrections[1], Correction::not_a_name("Premier"));
    assert_eq!(corrections[2], Correction::same_as("Macron", "Emmanuel Macron"));
    assert_eq!(serde_json::to_string(&corrections[0]).unwrap(), r#"{"name":"Orange","lang":"fr","type":"ORG"}"#);
    let unknown = serde_json::from_str::<Vec<Correction>>(r#"[{"name": "Orange", "kind": "ORG"}]"#);
    assert!(unknown.unwrap_err().to_string().contains("unknown field `kind`"));
}
