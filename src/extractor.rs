//! The extractor: built once from its word lists and models, then applied
//! to any number of texts.

use crate::doc::Doc;
use crate::entity::Entity;
use crate::error::{Error, ErrorKind};
use crate::lang::{Detector, Lang};
use crate::model::lexicon::{Gazetteers, GAZETTEERS};
use crate::model::Model;
use crate::numeric;

/// The models compiled into the crate (see `models/MODEL_CARD.md`); the
/// wasm build leaves them out and loads model files on demand instead.
#[cfg(feature = "embedded-models")]
const BUILTIN_MODELS: &[(Lang, &[u8])] = &[(Lang::FR, include_bytes!("../models/fr.bin")), (Lang::EN, include_bytes!("../models/en.bin"))];

/// Finds entities in text. Build it once with [`Extractor::new`], then call
/// [`Extractor::extract`] as often as needed; it is cheap to share by
/// reference across threads.
pub struct Extractor {
    gazetteers: Gazetteers,
    models: Vec<(Lang, Slot)>,
    detector: Detector,
}

/// A language's model: parsed, or built in and parsed when first needed (a
/// French article never pays for the English model).
enum Slot {
    Ready(Model),
    #[cfg(feature = "embedded-models")]
    Builtin(&'static [u8], std::sync::OnceLock<Model>),
}

impl Slot {
    fn get(&self) -> &Model {
        match self {
            Slot::Ready(model) => model,
            #[cfg(feature = "embedded-models")]
            Slot::Builtin(bytes, cell) => cell.get_or_init(|| {
                Model::from_bytes(bytes, Gazetteers::builtin_signature()).expect("built-in models parse (the test builtin_models_parse checks each)")
            }),
        }
    }
}

/// A model given for `lang` must be that language's.
fn check_lang(lang: Lang, model: &Model) -> Result<(), Error> {
    if model.lang != lang.code() {
        return Err(Error::new(ErrorKind::Model(format!("a {} model given for {lang}", model.lang))));
    }
    Ok(())
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
    /// Builds an extractor from the models and gazetteers compiled into the
    /// crate (the `embedded-models` feature, on by default).
    ///
    /// # Errors
    ///
    /// When a built-in resource does not parse; the message names it.
    #[cfg(feature = "embedded-models")]
    pub fn new() -> Result<Extractor, Error> {
        let mut extractor = Extractor::from_models(Vec::new())?;
        extractor.models = BUILTIN_MODELS.iter().map(|&(lang, bytes)| (lang, Slot::Builtin(bytes, std::sync::OnceLock::new()))).collect();
        Ok(extractor)
    }

    /// Builds an extractor from model files (as `newslens train` writes
    /// them), one per language.
    ///
    /// # Errors
    ///
    /// When a model does not parse, is for another language than the one
    /// it is given for, or was trained with other gazetteers.
    pub fn with_models(models: &[(Lang, &[u8])]) -> Result<Extractor, Error> {
        let models =
            models.iter().map(|&(lang, bytes)| Ok((lang, Model::from_bytes(bytes, Gazetteers::builtin_signature())?))).collect::<Result<Vec<_>, Error>>()?;
        Extractor::from_models(models)
    }

    pub(crate) fn from_models(models: Vec<(Lang, Model)>) -> Result<Extractor, Error> {
        for (lang, model) in &models {
            check_lang(*lang, model)?;
        }
        // Short texts lean towards the languages newslens is made for, whether
        // or not their models are loaded yet.
        let detector = Detector::new(&[Lang::FR, Lang::EN]);
        let models = models.into_iter().map(|(lang, model)| (lang, Slot::Ready(model))).collect();
        Ok(Extractor { gazetteers: Gazetteers::new(GAZETTEERS)?, detector, models })
    }

    /// Adds (or replaces) the model of a language, from a model file.
    ///
    /// # Errors
    ///
    /// As [`Extractor::with_models`].
    pub fn add_model(&mut self, lang: Lang, bytes: &[u8]) -> Result<(), Error> {
        let model = Model::from_bytes(bytes, Gazetteers::builtin_signature())?;
        check_lang(lang, &model)?;
        self.models.retain(|(l, _)| *l != lang);
        self.models.push((lang, Slot::Ready(model)));
        Ok(())
    }

    /// The language of `text` as [`Extractor::extract`] reads it: the one
    /// most of its paragraphs are written in.
    pub fn detect(&self, text: &str) -> Lang {
        self.detector.detect(text)
    }

    /// The languages of `text`, paragraph by paragraph: runs of paragraphs
    /// (blocks between blank lines) in one language, as byte ranges. A
    /// paragraph too short to tell takes the language of the whole text.
    pub fn detect_paragraphs(&self, text: &str) -> Vec<(std::ops::Range<usize>, Lang)> {
        self.paragraph_languages(text, self.detector.detect(text))
    }

    fn paragraph_languages(&self, text: &str, main: Lang) -> Vec<(std::ops::Range<usize>, Lang)> {
        if !text.contains("\n\n") {
            return vec![(0..text.len(), main)];
        }
        let mut runs: Vec<(std::ops::Range<usize>, Lang)> = Vec::new();
        let mut start = 0;
        for end in text.match_indices("\n\n").map(|(i, _)| i).chain([text.len()]) {
            let paragraph = &text[start..end];
            let lang = self.detector.detect_confidently(paragraph).unwrap_or(main);
            // A short paragraph in another script (a Chinese caption on an
            // English page) is not read in the page's language.
            let lang = if lang.is_latin_script() && !crate::lang::mostly_latin(paragraph) { Lang::UNDETERMINED } else { lang };
            match runs.last_mut() {
                Some((range, l)) if *l == lang => range.end = end,
                _ => runs.push((start..end, lang)),
            }
            start = end;
        }
        runs
    }

    /// The languages this extractor has models for.
    pub fn languages(&self) -> Vec<Lang> {
        self.models.iter().map(|(l, _)| *l).collect()
    }

    /// Extracts the entities of `text`, each paragraph read in its own
    /// language (see [`Extractor::detect_paragraphs`]) when the text's main
    /// language is supported: an English quotation in a French article is
    /// read as English. A text whose main language has no model gets no
    /// entities at all, not guesses from the odd Latin-script paragraph (a
    /// copyright line on a Chinese page).
    pub fn extract(&self, text: &str) -> Extraction {
        let main = self.detector.detect(text);
        let runs = self.paragraph_languages(text, main);
        if let [(_, lang)] = runs.as_slice() {
            return self.extract_as(text, *lang);
        }
        if !self.supports(main) {
            return Extraction { lang: main, status: Status::UnsupportedLanguage, entities: Vec::new() };
        }
        let mut entities = Vec::new();
        for (range, lang) in runs {
            let part = self.extract_as(&text[range.clone()], lang);
            entities.extend(part.entities.into_iter().map(|e| Entity { start: e.start + range.start, end: e.end + range.start, ..e }));
        }
        Extraction { lang: main, status: Status::Ok, entities }
    }

    fn supports(&self, lang: Lang) -> bool {
        numeric::supports(lang) && self.models.iter().any(|(l, _)| *l == lang)
    }

    /// Extracts the entities of `text`, reading it as language `lang`.
    pub fn extract_as(&self, text: &str, lang: Lang) -> Extraction {
        let Some((_, slot)) = self.models.iter().find(|(l, _)| *l == lang).filter(|_| self.supports(lang)) else {
            return Extraction { lang, status: Status::UnsupportedLanguage, entities: Vec::new() };
        };
        let model = slot.get();
        let doc = Doc::new(text);
        let mut entities: Vec<Entity> = model
            .tag(&doc, &self.gazetteers)
            .into_iter()
            .map(|(tokens, label)| Entity { start: doc.tokens[tokens.start].start, end: doc.tokens[tokens.end - 1].end, label })
            .collect();
        let mut numbers = Vec::new();
        numeric::find(doc.text, &doc.tokens, &doc.folded, lang, &mut numbers);
        // A date or figure never splits a name ("Louis XIV", "G7"): names win.
        let overlaps_name = |n: &Entity| {
            let at = entities.partition_point(|e| e.end <= n.start);
            entities.get(at).is_some_and(|e| e.start < n.end)
        };
        let numbers: Vec<Entity> = numbers.into_iter().filter(|n| !overlaps_name(n)).collect();
        entities.extend(numbers);
        entities.sort_by_key(|e| (e.start, e.end));
        Extraction { lang, status: Status::Ok, entities }
    }
}

#[cfg(all(test, feature = "embedded-models"))]
mod tests {
    use super::*;
    use crate::entity::Label;

    #[test]
    fn builtin_models_parse() {
        for &(lang, bytes) in BUILTIN_MODELS {
            let model = Model::from_bytes(bytes, Gazetteers::builtin_signature()).unwrap();
            assert_eq!(model.lang, lang.code());
        }
    }

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
    fn entities_are_sorted_and_disjoint_and_numbers_never_split_names() {
        let ex = Extractor::new().unwrap();
        let text = "Le 5 mai 2015, 438 députés de l'UMP et du PS ont voté à Paris, selon l'AFP. Louis XIV et le G7 de 2019.";
        let got = ex.extract_as(text, Lang::FR);
        assert!(got.entities.windows(2).all(|w| w[0].end <= w[1].start), "{:?}", got.entities);
        let dates: Vec<&str> = got.entities.iter().filter(|e| e.label == Label::Date).map(|e| e.text(text)).collect();
        assert!(dates.contains(&"5 mai 2015"), "{dates:?}");
        assert!(got.entities.iter().any(|e| e.label == Label::Num && e.text(text) == "438"));
    }

    #[test]
    fn each_paragraph_is_read_in_its_own_language() {
        let ex = Extractor::new().unwrap();
        let text = "Le président Emmanuel Macron a reçu jeudi à l'Élysée le chancelier allemand, selon un communiqué publié par la présidence française.\n\n\
                    President Joe Biden met the German chancellor in Washington on Thursday, the White House said in a statement released in the evening.";
        let runs = ex.detect_paragraphs(text);
        let langs: Vec<&str> = runs.iter().map(|(_, l)| l.code()).collect();
        assert_eq!(langs, ["fr", "en"]);
        let found = ex.extract(text);
        let names: Vec<&str> = found.entities.iter().filter(|e| e.label == Label::Per).map(|e| e.text(text)).collect();
        assert_eq!(names, ["Emmanuel Macron", "Joe Biden"]);
        assert!(found.entities.iter().any(|e| e.text(text) == "Thursday" && e.label == Label::Date), "English dates in the English paragraph");
    }

    #[test]
    fn odd_input_never_panics() {
        let ex = Extractor::new().unwrap();
        for text in ["", " ", "\u{0}\u{FEFF}", "🎉🎉", "'''", "-", "l'", "A", "1", "$", "ÉÉÉ ÉÉ", "مرحبا بالعالم", "中文新闻报道", "\u{301}x", "a\u{2028}b"]
        {
            let got = ex.extract(text);
            for e in &got.entities {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end) && e.start < e.end);
            }
        }
    }
}
