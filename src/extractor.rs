//! The extractor: built once from its word lists and models, then applied
//! to any number of texts.

use crate::doc::Doc;
use crate::entity::Entity;
use crate::error::Error;
use crate::lang::{Detector, Lang};
use crate::numeric;
use crate::rules::RuleTagger;

/// Finds entities in text. Build it once with [`Extractor::new`], then call
/// [`Extractor::extract`] as often as needed; it is cheap to share by
/// reference and holds no per-text state.
pub struct Extractor {
    names: RuleTagger,
    detector: Detector,
}

/// Whether an extraction could run a recogniser for the text's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The language has models; the entities are what they found.
    Ok,
    /// newslens has no model for this language: no entities are returned,
    /// rather than guesses.
    UnsupportedLanguage,
}

impl Status {
    /// A short message for people: `ok` or `language not supported`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::UnsupportedLanguage => "language not supported",
        }
    }
}

/// What [`Extractor::extract`] found in one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extraction {
    /// The language the text was read as (detected or forced).
    pub lang: Lang,
    /// Whether that language is supported.
    pub status: Status,
    /// The entities, in text order, never overlapping one another.
    pub entities: Vec<Entity>,
}

impl Extractor {
    /// Builds an extractor from the models and word lists compiled into the
    /// crate.
    ///
    /// # Errors
    ///
    /// When a built-in resource does not parse; the message names it.
    pub fn new() -> Result<Extractor, Error> {
        let supported = Extractor::languages();
        Ok(Extractor { names: RuleTagger::new()?, detector: Detector::new(supported) })
    }

    /// The languages this extractor has models for.
    pub fn languages() -> &'static [Lang] {
        &[Lang::FR, Lang::EN]
    }

    /// Detects the language of `text`, then extracts its entities.
    pub fn extract(&self, text: &str) -> Extraction {
        self.extract_as(text, self.detector.detect(text))
    }

    /// Extracts the entities of `text`, reading it as language `lang`.
    pub fn extract_as(&self, text: &str, lang: Lang) -> Extraction {
        if !(RuleTagger::supports(lang) && numeric::supports(lang)) {
            return Extraction { lang, status: Status::UnsupportedLanguage, entities: Vec::new() };
        }
        let doc = Doc::new(text);
        let mut numbers = Vec::new();
        numeric::find(doc.text, &doc.tokens, &doc.folded, lang, &mut numbers);
        let taken = tokens_inside(&doc, &numbers);
        let mut entities = Vec::new();
        self.names.tag(&doc, lang, &taken, &mut entities);
        entities.extend(numbers);
        entities.sort_by_key(|e| (e.start, e.end));
        Extraction { lang, status: Status::Ok, entities }
    }
}

/// For each token, whether it lies inside one of `spans`.
fn tokens_inside(doc: &Doc, spans: &[Entity]) -> Vec<bool> {
    let mut taken = vec![false; doc.tokens.len()];
    let mut s = spans.iter().peekable();
    for (i, t) in doc.tokens.iter().enumerate() {
        while s.peek().is_some_and(|e| e.end <= t.start) {
            s.next();
        }
        taken[i] = s.peek().is_some_and(|e| e.start <= t.start && t.end <= e.end);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Label;

    #[test]
    fn unsupported_language_gives_no_entities() {
        let ex = Extractor::new().unwrap();
        let text = "Die irakischen Streitkräfte haben am Donnerstag Militärstützpunkte im Westen Syriens zurückerobert.";
        let got = ex.extract(text);
        assert_eq!(got.lang.code(), "de");
        assert_eq!(got.status, Status::UnsupportedLanguage);
        assert!(got.entities.is_empty());
    }

    #[test]
    fn entities_are_sorted_and_disjoint() {
        let ex = Extractor::new().unwrap();
        let text = "Le 5 mai 2015, 438 députés de l'UMP et du PS ont voté à Paris, selon l'AFP.";
        let got = ex.extract_as(text, Lang::FR);
        let labels: Vec<_> = got.entities.iter().map(|e| (e.text(text), e.label)).collect();
        assert_eq!(labels, [("5 mai 2015", Label::Date), ("438", Label::Num), ("UMP", Label::Org), ("PS", Label::Org), ("Paris", Label::Loc), ("AFP", Label::Org)]);
        assert!(got.entities.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn odd_input_never_panics() {
        let ex = Extractor::new().unwrap();
        for text in ["", " ", "\u{0}\u{FEFF}", "🎉🎉", "'''", "-", "l'", "A", "1", "$", "ÉÉÉ ÉÉ", "مرحبا بالعالم", "中文新闻报道", "\u{301}x", "a\u{2028}b"] {
            let got = ex.extract(text);
            for e in &got.entities {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end) && e.start < e.end);
            }
        }
    }
}
