//! Key figures: each quantity with the words after it that say what it
//! counts ("1.500 terroristes", "786 civils tués", "95% de ces régions").

use super::Figure;
use crate::doc::Doc;
use crate::entity::{Entity, Label};
use crate::text::TokenKind;

/// Words after which a phrase stops: prepositions, conjunctions, relative
/// pronouns, French and English ("786 civils tués | en trois ans").
const STOPS: &[&str] = &[
    "a",
    "au",
    "aux",
    "en",
    "dans",
    "par",
    "pour",
    "sur",
    "selon",
    "avec",
    "et",
    "ou",
    "mais",
    "qui",
    "que",
    "dont",
    "depuis",
    "lors",
    "contre",
    "entre",
    "sans",
    "vers",
    "chez",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "and",
    "or",
    "but",
    "who",
    "which",
    "that",
    "since",
    "from",
    "to",
    "according",
    "than",
    "as",
    "after",
    "before",
    "during",
];

/// Words that link a quantity to what it counts: "95% de ces régions",
/// "1,500 of the fighters".
const LINKS: &[&str] = &["de", "d'", "des", "du", "of"];

/// At most this many words of what is counted.
const PHRASE_WORDS: usize = 3;

pub(super) fn find(doc: &Doc, entities: &[Entity]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (mention, e) in entities.iter().enumerate().filter(|(_, e)| e.label == Label::Num) {
        let mut i = doc.tokens.partition_point(|t| t.start < e.end);
        let mut end = e.end;
        let mut words = 0;
        let mut linked = false;
        while i < doc.tokens.len() && words < PHRASE_WORDS {
            let t = &doc.tokens[i];
            let w = doc.word(i);
            let plain = matches!(t.kind, TokenKind::Word | TokenKind::Elision) && doc.is_lower(i);
            // Only words on the same line, away from the next sentence.
            if !plain || doc.text[end..t.start].contains('\n') || (STOPS.contains(&w) && !(words == 0 && LINKS.contains(&w))) {
                break;
            }
            if LINKS.contains(&w) {
                if words > 0 || linked {
                    break;
                }
                linked = true;
            } else {
                words += 1;
            }
            end = t.end;
            i += 1;
        }
        if words > 0 {
            out.push(Figure { mention, phrase: e.start..end });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::entity;
    use super::super::Summary;
    use crate::entity::Label;

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("count", "où se trouvent environ 1.500 terroristes, selon Bagdad", "1.500", "1.500 terroristes"),
            ("participle", "portant le total à 786 civils tués en trois ans", "786", "786 civils tués"),
            ("share", "chassés de 95% de ces régions et les environs", "95%", "95% de ces régions"),
            ("english", "killed 1,500 fighters in the west", "1,500", "1,500 fighters"),
            ("money", "a $170 million deal for the club", "$170 million", "$170 million deal"),
        ];
        for (name, text, number, want) in cases {
            let s = Summary::new(text, &[entity(text, number, 0, Label::Num)]);
            let got: Vec<&str> = s.figures.iter().map(|f| &text[f.phrase.clone()]).collect();
            assert_eq!(got, [*want], "case {name}");
        }
    }

    #[test]
    fn a_bare_number_is_not_a_key_figure() {
        let text = "Score final : 438 contre 86.";
        let s = Summary::new(text, &[entity(text, "438", 0, Label::Num), entity(text, "86", 0, Label::Num)]);
        assert!(s.figures.is_empty(), "{:?}", s.figures);
    }
}
