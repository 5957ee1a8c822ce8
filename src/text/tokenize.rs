//! The tokenizer: one pass over the characters, no allocation per token.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, inner apostrophes and marks.
    Word,
    /// Digits, possibly with inner `.` `,` or narrow spaces between groups.
    Number,
    /// A French elided word with its apostrophe: `l'`, `d'`, `qu'`...
    Elision,
    /// Any other single character: punctuation, a symbol, an emoji.
    Punct,
}

/// A token: a half-open byte range of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first byte.
    pub start: usize,
    /// Byte offset one past the token's last byte.
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Words that French elides before a vowel (lower case, without the
/// apostrophe).
const ELIDED: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];

/// Abbreviations whose full stop belongs to them, not to the sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "Mme", "Mmes", "Mlle", "MM", "Mr", "Mrs", "Ms", "Dr", "Pr", "Prof", "St", "Ste", "Jr", "Sr", "Gen", "Gén", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Rev", "Mgr", "Inc", "Ltd", "Corp", "Co", "Bros", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "janv",
    "févr", "avr", "juil", "sept", "oct", "nov", "déc", "etc", "vs", "No", "av", "apr", "env", "cf", "p", "pp", "vol", "art",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2011}'
}

/// Combining marks from the blocks that Latin, Greek and Cyrillic text use,
/// so that a decomposed `é` (e + U+0301) stays inside its word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Spaces that French and other typographies put between digit groups.
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Splits `text` into tokens, appending them to `out` (which is cleared
/// first, so one buffer can serve many texts).
///
/// ```
/// use newslens::text::{tokenize, TokenKind};
/// let text = "C'est d’Al-Qaïm : 1.500 hommes.";
/// let mut tokens = Vec::new();
/// tokenize(text, &mut tokens);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["C'", "est", "d’", "Al-Qaïm", ":", "1.500", "hommes", "."]);
/// assert_eq!(tokens[2].kind, TokenKind::Elision);
/// ```
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < text.len() {
        let c = char_at(text, pos);
        if c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{AD}' {
            pos += c.len_utf8();
            continue;
        }
        let token = if is_word_char(c) {
            word_at(text, pos)
        } else if let Some(end) = clitic_end(text, pos) {
            Token { start: pos, end, kind: TokenKind::Word }
        } else {
            Token { start: pos, end: pos + c.len_utf8(), kind: TokenKind::Punct }
        };
        debug_assert!(token.end > token.start && token.end <= bytes.len());
        pos = token.end;
        out.push(token);
    }
}

fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().expect("pos is inside the text, on a char boundary")
}

/// The word or number starting at `start` (a word character).
fn word_at(text: &str, start: usize) -> Token {
    let first = char_at(text, start);
    let mut numeric = first.is_ascii_digit();
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let at = start + off;
        if is_word_char(c) {
            numeric &= c.is_ascii_digit();
            end = at + c.len_utf8();
            continue;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let joins = match (c, next) {
            (c, Some(n)) if is_hyphen(c) => is_word_char(n) && !numeric,
            // "10’000": the Swiss write their thousands so.
            (c, Some(_)) if is_apostrophe(c) && numeric => three_digits_follow(&text[at + c.len_utf8()..]),
            (c, Some(n)) if is_apostrophe(c) => {
                if !n.is_alphabetic() {
                    false
                } else if is_elided(&text[start..at]) && !is_name_prefix(&text[start..at], &text[at + c.len_utf8()..]) {
                    return Token { start, end: at + c.len_utf8(), kind: TokenKind::Elision };
                } else {
                    // English possessive and contractions split off: "Reuters 's".
                    !is_clitic(&text[at + c.len_utf8()..])
                }
            }
            ('.' | ',', Some(n)) => numeric && n.is_ascii_digit(),
            (c, Some(_)) if is_group_space(c) => numeric && three_digits_follow(&text[at + c.len_utf8()..]),
            _ => false,
        };
        if !joins {
            break;
        }
        // Hyphens and apostrophes join words; `.` and `,` join digits.
        end = at + c.len_utf8();
    }
    // A trailing full stop belongs to a known abbreviation ("M.", "Feb."),
    // an initial ("J. Smith") and a dotted acronym ("U.S.").
    let word = &text[start..end];
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if text[end..].starts_with('.') && (ABBREVIATIONS.contains(&word) || initial) && dotted_acronym_end(text, start, end).is_none() {
        end += 1;
    } else if let Some(acronym_end) = dotted_acronym_end(text, start, end) {
        end = acronym_end;
    }
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    Token { start, end, kind }
}

/// "M’" and "N’" before a capitalised word open a name ("M’Jid", "N’Golo",
/// "N’Djamena"): the pronouns they elide never stand before a name. Not in
/// text in capitals ("IL N'EST PAS", "M'A DIT").
fn is_name_prefix(word: &str, rest: &str) -> bool {
    let mut next = rest.chars();
    matches!(word, "M" | "N") && next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase)
}

fn is_elided(word: &str) -> bool {
    word.len() <= 7 && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Whether `rest` (after an apostrophe) is an English clitic: `s`, `t`
/// (as in "don't"), `re`, `ve`, `ll`, `d`, `m`, ending the word.
fn is_clitic(rest: &str) -> bool {
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    matches!(&rest[..len], "s" | "S" | "re" | "ve" | "ll" | "d" | "m" | "t")
}

/// At an apostrophe after a word, the end of the English clitic it starts
/// ("'s" in "Reuters's", or in "Reuters 's" as tokenised corpora write it).
fn clitic_end(text: &str, pos: usize) -> Option<usize> {
    let c = char_at(text, pos);
    let before = text[..pos].trim_end_matches(' ');
    let after_word = before.len() + 1 >= pos && before.chars().next_back().is_some_and(is_word_char);
    let rest = &text[pos + c.len_utf8()..];
    if !(is_apostrophe(c) && after_word && is_clitic(rest)) {
        return None;
    }
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    Some(pos + c.len_utf8() + len)
}

fn three_digits_follow(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit) && b.get(3).is_none_or(|c| !c.is_ascii_digit())
}

/// Letters of the longest dotted acronym ("U.R.S.S.A.F."): a longer chain
/// is no acronym, and walking it again from each of its letters would take
/// time quadratic in its length.
const LONGEST_DOTTED: usize = 12;

/// Extends a single capital letter followed by ".X." groups into one
/// dotted-acronym token ("U.S.", "A.F.P."), returning its end.
fn dotted_acronym_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let word = &text[start..end];
    if word.chars().count() != 1 || !word.chars().all(char::is_uppercase) {
        return None;
    }
    let mut pos = end;
    let mut groups = 1;
    loop {
        let rest = &text[pos..];
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some('.'), Some(c)) if c.is_uppercase() && groups < LONGEST_DOTTED => {
                let after = rest['.'.len_utf8() + c.len_utf8()..].chars().next();
                if after.is_some_and(is_word_char) {
                    return None;
                }
                pos += 1 + c.len_utf8();
                groups += 1;
            }
            (Some('.'), _) if groups > 1 => return Some(pos + 1),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        tokens.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("elision straight", "l'EI", &["l'", "EI"]),
            ("elision curly", "l’EI", &["l’", "EI"]),
            ("elision before hyphenated name", "d'Al-Qaïm", &["d'", "Al-Qaïm"]),
            ("long elision", "jusqu'à Al-Qaïm", &["jusqu'", "à", "Al-Qaïm"]),
            ("capital elision", "L'Irak", &["L'", "Irak"]),
            ("name with an apostrophe", "M’Jid El Guerrab à N'Djamena", &["M’Jid", "El", "Guerrab", "à", "N'Djamena"]),
            ("elided pronoun", "M’a dit", &["M’", "a", "dit"]),
            ("elided pronoun in capitals", "IL N'EST PAS LA", &["IL", "N'", "EST", "PAS", "LA"]),
            ("hyphenated name", "Haider al-Abadi", &["Haider", "al-Abadi"]),
            ("inverted verb", "a-t-il prévenu", &["a-t-il", "prévenu"]),
            ("inner apostrophe kept", "aujourd'hui O'Brien", &["aujourd'hui", "O'Brien"]),
            (
                "swiss thousands",
                "10’000 francs, 1'250'000 habitants, 78’ de jeu",
                &["10’000", "francs", ",", "1'250'000", "habitants", ",", "78", "’", "de", "jeu"],
            ),
            ("english possessive", "Reuters's report", &["Reuters", "'s", "report"]),
            ("english negation", "don't", &["don", "'t"]),
            ("thousands with dot", "1.500 terroristes", &["1.500", "terroristes"]),
            ("decimal comma", "3,5 millions", &["3,5", "millions"]),
            ("percent glued", "95%", &["95", "%"]),
            ("group space", "1\u{202F}500 euros", &["1\u{202F}500", "euros"]),
            ("sentence full stop", "en Syrie.", &["en", "Syrie", "."]),
            ("trailing number stop", "en 2014.", &["en", "2014", "."]),
            ("abbreviation keeps dot", "M. Macron", &["M.", "Macron"]),
            ("initial keeps dot", "J. Ratcliffe", &["J.", "Ratcliffe"]),
            ("spaced clitic", "Suu Kyi 's party", &["Suu", "Kyi", "'s", "party"]),
            ("quoted word not a clitic", "'sorry'", &["'", "sorry", "'"]),
            ("dotted acronym", "the U.S. army", &["the", "U.S.", "army"]),
            ("a chain too long for an acronym", "A.B.C.D.E.F.G.H.I.J.K.L.M.N.", &["A.B.C.D.E.F.G.H.I.J.K.L.", "M.N."]),
            ("dash between words", "fronts' -", &["fronts", "'", "-"]),
            ("quote marks", "«\u{A0}texte\u{A0}»", &["«", "texte", "»"]),
            ("emoji alone", "Paris 🎉!", &["Paris", "🎉", "!"]),
            ("decomposed accent", "Qai\u{308}m", &["Qai\u{308}m"]),
            ("year range", "1914-1918", &["1914", "-", "1918"]),
            ("empty", "", &[]),
            ("only spaces", " \n\t ", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(texts(text), *want, "case {name}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(
            words("l'an 2014, G7"),
            [("l'", TokenKind::Elision), ("an", TokenKind::Word), ("2014", TokenKind::Number), (",", TokenKind::Punct), ("G7", TokenKind::Word)]
        );
    }

    #[test]
    fn offsets_cover_the_text_without_overlap() {
        let text = "Ça va ? Les 3 «\u{A0}frères\u{A0}» d’Artagnan… 💥 x-";
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut last = 0;
        for t in &tokens {
            assert!(t.start >= last && t.end > t.start, "{t:?}");
            assert!(text[last..t.start].chars().all(|c| c.is_whitespace()), "gap before {t:?}");
            last = t.end;
        }
    }
}
