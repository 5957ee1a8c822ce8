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
/// is one sentence. Where the language writes ordinals with a full stop
/// (`ordinal_dots`: German's "am 3. Oktober", "der 1. FC Köln"), a full
/// stop glued to a number of one to three digits ends no sentence on its
/// line: a sentence ending on such a number is rarer than a date or a
/// club's rank.
pub fn sentences(text: &str, tokens: &[Token], ordinal_dots: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let t = &tokens[i];
        // "M . Motta", "L . Jalabert": a full stop after a lone capital
        // (as OCR'd and tokenised text writes initials) ends no sentence.
        let after_initial = i > 0 && t.text(text) == "." && is_initial(tokens[i - 1].text(text));
        let ordinal = ordinal_dots && i > 0 && is_ordinal_dot(text, &tokens[i - 1], t, tokens.get(i + 1));
        let ends_here = if t.kind == TokenKind::Punct && is_final(t.text(text)) && !after_initial && !ordinal {
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

/// A full stop glued to a number of one to three digits, with a word of
/// the same line after it: "3. Oktober", "1. FC", "100. Geburtstag".
fn is_ordinal_dot(text: &str, number: &Token, dot: &Token, next: Option<&Token>) -> bool {
    let digits = number.text(text);
    dot.text(text) == "."
        && number.end == dot.start
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && next.is_some_and(|n| n.kind == TokenKind::Word && !newline_between(text, dot, n))
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

    fn split_as(text: &str, ordinal_dots: bool) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        sentences(text, &tokens, ordinal_dots).into_iter().map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_string()).collect()
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
            ("a number ends a sentence", "Il en reste 3. Le reste suit.", &["Il en reste 3.", "Le reste suit."]),
        ];
        for (name, text, want) in cases {
            assert_eq!(split_as(text, false), *want, "case {name}");
        }
    }

    #[test]
    fn ordinal_dots() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("date", "Am 3. Oktober wählt Berlin.", &["Am 3. Oktober wählt Berlin."]),
            ("club's rank", "Der 1. FC Köln siegt. Dann Bochum.", &["Der 1. FC Köln siegt.", "Dann Bochum."]),
            ("three digits", "Zum 100. Geburtstag kam er.", &["Zum 100. Geburtstag kam er."]),
            ("a year ends a sentence", "Er starb 1995. Sein Sohn lebt.", &["Er starb 1995.", "Sein Sohn lebt."]),
            ("spaced", "Platz 3 . Der Rest folgt.", &["Platz 3 .", "Der Rest folgt."]),
            ("line end", "Punkt 3.\nDer Rest folgt.", &["Punkt 3.", "Der Rest folgt."]),
            ("text end", "Er wurde 3.", &["Er wurde 3."]),
        ];
        for (name, text, want) in cases {
            assert_eq!(split_as(text, true), *want, "case {name}");
        }
    }
}
