//! The extractor: built once from its word lists and models, then applied
//! to any number of texts.

use crate::corrections::Lexicon;
use crate::dates_quantities;
use crate::doc::{Doc, Prepared};
use crate::entity::Entity;
use crate::error::{Error, ErrorKind};
use crate::lang::{Detector, Lang};
use crate::model::lexicon::Gazetteers;
use crate::model::Model;
use std::sync::Arc;

/// The models compiled into the crate, every `models/<code>.bin` (see
/// `build.rs` and `models/MODEL_CARD.md`); the wasm build leaves them out
/// and loads model files on demand instead.
#[cfg(feature = "embedded-models")]
const BUILTIN_MODELS: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/builtin_models.rs"));

/// Finds entities in text. Build it once with [`Extractor::new`], then call
/// [`Extractor::extract`] as often as needed; it is cheap to share by
/// reference across threads.
pub struct Extractor {
    gazetteers: Gazetteers,
    models: Vec<(Lang, Slot)>,
    detector: Detector,
    /// The reader's corrections, if any: applied to every extraction, and
    /// handed to its summary.
    lexicon: Option<Arc<Lexicon>>,
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
#[derive(Clone, PartialEq, Eq)]
pub struct Extraction {
    /// The language the text was read as (detected or forced).
    pub lang: Lang,
    /// Whether that language is supported.
    pub status: Status,
    /// The entities, in text order, never overlapping one another.
    pub entities: Vec<Entity>,
    /// The text's first piece as it was read (tokens, sentences), which its
    /// summary reads again: see [`Summary::from_extraction`](crate::Summary::from_extraction).
    pub(crate) lead: Option<Prepared>,
    /// The reader's corrections it was made with, which its summary applies
    /// too (names given as the same entity).
    pub(crate) lexicon: Option<Arc<Lexicon>>,
}

impl std::fmt::Debug for Extraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extraction").field("lang", &self.lang).field("status", &self.status).field("entities", &self.entities).finish_non_exhaustive()
    }
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
        for &(code, bytes) in BUILTIN_MODELS {
            extractor.models.push((Lang::from_code(code)?, Slot::Builtin(bytes, std::sync::OnceLock::new())));
        }
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
        // Short texts lean towards the languages newslens reads, whether or
        // not their models are loaded yet.
        let detector = Detector::new(&dates_quantities::languages());
        let models = models.into_iter().map(|(lang, model)| (lang, Slot::Ready(model))).collect();
        Ok(Extractor { gazetteers: Gazetteers::builtin(), detector, models, lexicon: None })
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

    /// Applies the reader's corrections to every extraction from now on
    /// (and to their summaries), in place of any given before; an empty
    /// lexicon applies none. See [`Lexicon`].
    pub fn set_lexicon(&mut self, lexicon: Lexicon) {
        self.lexicon = (!lexicon.is_empty()).then(|| Arc::new(lexicon));
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
        self.collect(text, None)
    }

    /// Extracts the entities of `text`, reading it as language `lang`.
    pub fn extract_as(&self, text: &str, lang: Lang) -> Extraction {
        self.collect(text, Some(lang))
    }

    fn collect(&self, text: &str, lang: Option<Lang>) -> Extraction {
        let mut entities = Vec::new();
        let mut lead = None;
        let (lang, status) = self.read(text, lang, &mut |part| entities.extend(part), Some(&mut lead));
        Extraction { lang, status, entities, lead, lexicon: self.lexicon.clone() }
    }

    /// As [`Extractor::extract`] (`lang` `None`) or [`Extractor::extract_as`],
    /// handing the entities to `sink` a piece of the text at a time, in
    /// order, with offsets into the whole `text`, instead of holding them
    /// all: for texts of many megabytes, whose entities may outweigh the
    /// text. Returns the language and status the extraction would have.
    ///
    /// ```
    /// use newslens::{Extractor, Lang};
    /// let extractor = Extractor::new()?;
    /// let mut count = 0;
    /// let (lang, _) = extractor.extract_into("Paris et Lyon.", Some(Lang::FR), &mut |part| count += part.len());
    /// assert_eq!((lang.code(), count), ("fr", 2));
    /// # Ok::<(), newslens::Error>(())
    /// ```
    pub fn extract_into(&self, text: &str, lang: Option<Lang>, sink: &mut dyn FnMut(Vec<Entity>)) -> (Lang, Status) {
        self.read(text, lang, sink, None)
    }

    /// As `extract_into`, keeping the first piece's preparation in `lead`
    /// if asked and the text is read in one language (paragraphs read in
    /// several are pieced differently from the summary's lead).
    fn read(&self, text: &str, lang: Option<Lang>, sink: &mut dyn FnMut(Vec<Entity>), lead: Option<&mut Option<Prepared>>) -> (Lang, Status) {
        if let Some(lang) = lang {
            return self.read_as(text, 0, lang, sink, lead);
        }
        let main = self.detector.detect(text);
        let runs = self.paragraph_languages(text, main);
        if let [(_, lang)] = runs.as_slice() {
            return self.read_as(text, 0, *lang, sink, lead);
        }
        if !self.supports(main) {
            return (main, Status::UnsupportedLanguage);
        }
        for (range, lang) in runs {
            self.read_as(&text[range.clone()], range.start, lang, sink, None);
        }
        (main, Status::Ok)
    }

    fn supports(&self, lang: Lang) -> bool {
        dates_quantities::supports(lang) && self.models.iter().any(|(l, _)| *l == lang)
    }

    /// Reads `text` (at `offset` in the whole) as `lang`, piece by piece;
    /// the piece at the whole text's start goes to `lead` if asked.
    fn read_as(&self, text: &str, offset: usize, lang: Lang, sink: &mut dyn FnMut(Vec<Entity>), mut lead: Option<&mut Option<Prepared>>) -> (Lang, Status) {
        let Some((_, slot)) = self.models.iter().find(|(l, _)| *l == lang).filter(|_| self.supports(lang)) else {
            return (lang, Status::UnsupportedLanguage);
        };
        let model = slot.get();
        for piece in pieces(text) {
            let at = offset + piece.start;
            let doc = Doc::in_language(&text[piece], lang);
            let found = self.read_piece(model, &doc, lang);
            sink(found.into_iter().map(|e| Entity { start: e.start + at, end: e.end + at, ..e }).collect());
            if let (0, Some(lead)) = (at, lead.as_deref_mut()) {
                *lead = Some(doc.into_prepared());
            }
        }
        (lang, Status::Ok)
    }

    /// The entities of one piece of text, sorted.
    fn read_piece(&self, model: &Model, doc: &Doc, lang: Lang) -> Vec<Entity> {
        let mut entities: Vec<Entity> = model
            .tag(doc, &self.gazetteers)
            .into_iter()
            .map(|(tokens, label)| Entity { start: doc.tokens[tokens.start].start, end: doc.tokens[tokens.end - 1].end, label })
            .collect();
        let mut numbers = Vec::new();
        dates_quantities::find(doc.text, &doc.tokens, &doc.folded, lang, &mut numbers);
        // A date or figure never splits a name ("Louis XIV", "G7"): names win.
        let overlaps_name = |n: &Entity| {
            let at = entities.partition_point(|e| e.end <= n.start);
            entities.get(at).is_some_and(|e| e.start < n.end)
        };
        let numbers: Vec<Entity> = numbers.into_iter().filter(|n| !overlaps_name(n)).collect();
        entities.extend(numbers);
        entities.sort_by_key(|e| (e.start, e.end));
        if let Some(lexicon) = &self.lexicon {
            lexicon.apply(doc, lang, &mut entities);
        }
        entities
    }
}

/// Bytes of text read as one document at most: a longer text (a book, an
/// archive of a year of news) is read in pieces, so that the memory one
/// reading takes stays bounded whatever the text's length. Names found in
/// one piece are not carried to the next: a piece is as long as a short
/// book.
const PIECE: usize = 1 << 19;

/// How far before a piece's end to look for a break to cut at.
const BREAK_SEARCH: usize = 1 << 16;

/// `text` cut into pieces of at most `PIECE` bytes, at a paragraph break
/// if there is one near the end of the piece, else a line break, a
/// sentence's end, a space, or at worst a character boundary.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() && !(start == 0 && text.is_empty()) {
            return None;
        }
        let mut end = (start + PIECE).min(text.len());
        if end < text.len() {
            let mut floor = end.saturating_sub(BREAK_SEARCH).max(start + 1);
            while !text.is_char_boundary(floor) {
                floor += 1;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let window = &text[floor..end];
            let cut = ["\n\n", "\n", ". ", " "].iter().find_map(|b| window.rfind(b).map(|i| floor + i + b.len()));
            end = cut.unwrap_or(end).max(floor);
        }
        let piece = start..end;
        start = if end == start { text.len() + 1 } else { end };
        Some(piece)
    })
}

#[cfg(all(test, feature = "embedded-models"))]
mod tests {
    use super::*;
    use crate::entity::Label;

    #[test]
    fn builtin_models_parse() {
        assert!(BUILTIN_MODELS.len() >= 2);
        for &(code, bytes) in BUILTIN_MODELS {
            let model = Model::from_bytes(bytes, Gazetteers::builtin_signature()).unwrap();
            assert_eq!(model.lang, code);
            assert_eq!(Lang::from_code(code).unwrap().code(), code, "a model file is named by its language's code");
        }
    }

    #[test]
    fn unsupported_language_gives_no_entities() {
        let ex = Extractor::new().unwrap();
        let text = "Le forze irachene hanno riconquistato giovedì le basi militari nella Siria occidentale, secondo il governo di Baghdad.";
        let got = ex.extract(text);
        assert_eq!(got.lang.code(), "it");
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
    fn long_texts_are_read_in_pieces_cut_at_breaks() {
        let paragraph = "Le président Emmanuel Macron a reçu jeudi à Paris le chancelier allemand.\n\n";
        let text = paragraph.repeat(PIECE / paragraph.len() * 3);
        let cuts: Vec<std::ops::Range<usize>> = pieces(&text).collect();
        assert!(cuts.len() >= 3);
        assert!(cuts.windows(2).all(|w| w[0].end == w[1].start), "pieces tile the text");
        assert_eq!((cuts[0].start, cuts.last().unwrap().end), (0, text.len()));
        assert!(cuts.iter().all(|c| c.len() <= PIECE && text[..c.end].ends_with("\n\n")), "cut at paragraph breaks");
        let found = Extractor::new().unwrap().extract_as(&text, Lang::FR);
        let people = found.entities.iter().filter(|e| e.label == Label::Per && e.text(&text) == "Emmanuel Macron").count();
        assert_eq!(people, PIECE / paragraph.len() * 3, "every paragraph's name, across the cuts");
        // No break at all: cut at a character boundary.
        let word = "é".repeat(PIECE);
        assert!(pieces(&word).all(|c| word.is_char_boundary(c.start) && word.is_char_boundary(c.end)));
        assert_eq!(pieces("").map(|r| (r.start, r.end)).collect::<Vec<_>>(), [(0, 0)]);
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
