//! Sentence boundaries over tokens.

use super::{Token, TokenKind};
use std::ops::Range;

fn is_final(c: &str) -> bool {
    matches!(c, "." | "!" | "?" | "…")
}

fn is_closing(c: &str) -> bool {
    matches!(c, "\"" | "'" | "’" | "”" | "»" | ")" | "]")
}

/// Whether a sentence may start with this token: a capital, a digit, an
/// opening quote or bracket, or a dash.
fn can_start(text: &str, t: &Token) -> bool {
    let first = t.text(text).chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '«' | '“' | '(' | '[' | '-' | '–' | '—' | '\'' | '‘')
}

/// Splits tokens into sentences, returned as ranges of token indices.
///
/// A sentence ends at a line break, and after `.` `!` `?` `…` (with any
/// closing quotes or brackets) when what follows can start a sentence.
/// Abbreviations keep their full stop inside their token, so `M. Macron`
/// is one sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let t = &tokens[i];
        // "M . Motta", "L . Jalabert": a full stop after a lone capital
        // (as OCR'd and tokenised text writes initials) ends no sentence.
        let after_initial = i > 0 && t.text(text) == "." && is_initial(tokens[i - 1].text(text));
        let ends_here = if t.kind == TokenKind::Punct && is_final(t.text(text)) && !after_initial {
            while end < tokens.len()
                && tokens[end].kind == TokenKind::Punct
                && (is_final(tokens[end].text(text)) || is_closing(tokens[end].text(text)))
                && !newline_between(text, &tokens[end - 1], &tokens[end])
            {
                end += 1;
            }
            tokens.get(end).is_none_or(|next| can_start(text, next) || newline_between(text, &tokens[end - 1], next))
        } else {
            tokens.get(end).is_some_and(|next| newline_between(text, t, next))
        };
        if ends_here || end == tokens.len() {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    out
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

fn newline_between(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start].contains(['\n', '\r', '\u{2029}', '\u{2028}'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        sentences(text, &tokens).into_iter().map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("two sentences", "Il pleut. Il vente.", &["Il pleut.", "Il vente."]),
            ("abbreviation", "M. Macron parle. Fin.", &["M. Macron parle.", "Fin."]),
            ("quote closes", "Il a dit \"non.\" Puis rien.", &["Il a dit \"non.\"", "Puis rien."]),
            ("lower case follows", "Voir p. 3 et ss. pour plus.", &["Voir p. 3 et ss. pour plus."]),
            ("line break", "Titre\nLe texte suit", &["Titre", "Le texte suit"]),
            ("decimal inside", "Il a 3.5 ans.", &["Il a 3.5 ans."]),
            ("spaced initial", "selon M . Motta , puis L . Jalabert .", &["selon M . Motta , puis L . Jalabert ."]),
            ("question then quote", "Pourquoi ? « Parce que. »", &["Pourquoi ?", "« Parce que. »"]),
            ("empty", "", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(split(text), *want, "case {name}");
        }
    }
}
