//! The WebAssembly boundary, and the only module that names wasm-bindgen.
//!
//! It converts once, at the edge: byte offsets become UTF-16 code units
//! (what JavaScript strings and the DOM count), results become plain
//! JavaScript objects through serde-wasm-bindgen, errors become `Error`
//! exceptions, and panics are reported to the console.
//!
//! A JavaScript string with a lone surrogate arrives here with U+FFFD in
//! its place: one UTF-16 unit for one, so offsets still match the caller's
//! string.

use crate::offsets::{OffsetMapper, Unit};
use crate::{Correction, Extraction, Extractor, Lang, Lexicon, Summary};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The extractor, built once per page or worker and used for every text.
/// It starts with no model: the caller adds each language's model file
/// when a text first needs it (see `languagesNeeded`).
#[wasm_bindgen]
pub struct Newslens {
    extractor: Extractor,
}

#[derive(Serialize)]
struct JsAnalysis<'a> {
    lang: &'static str,
    status: &'static str,
    entities: Vec<JsEntity<'a>>,
    /// Each entity once, by label then salience.
    summary: Vec<JsGroup>,
    /// Quantities with what they count.
    figures: Vec<JsSpan<'a>>,
    /// Three sentences in brief.
    brief: Vec<JsSpan<'a>>,
}

/// A span of the text, in UTF-16 units.
#[derive(Serialize)]
struct JsSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// For a figure, the index of its NUM entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    mention: Option<usize>,
}

#[derive(Serialize)]
struct JsEntity<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsGroup {
    label: &'static str,
    name: String,
    aliases: Vec<String>,
    count: usize,
    salience: f32,
    /// Indices into `entities`.
    mentions: Vec<usize>,
}

#[wasm_bindgen]
impl Newslens {
    /// An extractor with no model yet. Cheap: the gazetteers were compiled
    /// when the package was built, and are read where they lie.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Newslens, JsError> {
        Ok(Newslens { extractor: Extractor::with_models(&[])? })
    }

    /// Adds the model of language `lang` from the bytes of its model file;
    /// throws if the file is damaged or for another language.
    #[wasm_bindgen(js_name = addModel)]
    pub fn add_model(&mut self, lang: &str, bytes: &[u8]) -> Result<(), JsError> {
        Ok(self.extractor.add_model(Lang::from_code(lang)?, bytes)?)
    }

    /// Applies the reader's corrections to every analysis from now on, in
    /// place of those given before, and returns how many it holds; throws,
    /// changing nothing, when one is malformed. The corrections come as one
    /// string of fields and each field's length in UTF-16 units (as
    /// JavaScript counts), four fields a correction: its name, its language
    /// code (`""` for every language), its type (`PER`, `ORG`, `LOC`,
    /// `MISC`, `none`, or `""` for an alias) and the name it is another name
    /// for (`""` unless an alias); see `Correction` and the extension's
    /// `shared/lexicon.js`, which encodes them. Ten thousand corrections
    /// cross the boundary as one string rather than forty thousand.
    #[wasm_bindgen(js_name = setLexicon)]
    pub fn set_lexicon(&mut self, fields: &str, lengths: &[u32]) -> Result<usize, JsError> {
        let lexicon = lexicon_of(fields, lengths)?;
        let count = lexicon.len();
        self.extractor.set_lexicon(lexicon);
        Ok(count)
    }

    /// The codes of the languages whose models are loaded, e.g. `["fr"]`.
    pub fn languages(&self) -> Vec<String> {
        self.extractor.languages().iter().map(|l| l.code().to_string()).collect()
    }

    /// The languages `analyze` would read `text` in (one per run of
    /// paragraphs), so that the caller can load their models first.
    #[wasm_bindgen(js_name = languagesNeeded)]
    pub fn languages_needed(&self, text: &str) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for (_, lang) in self.extractor.detect_paragraphs(text) {
            if !codes.iter().any(|c| c == lang.code()) {
                codes.push(lang.code().to_string());
            }
        }
        codes
    }

    /// Finds the entities of `text`, read as `lang` if given, else as the
    /// detected language. Returns `{lang, status, entities, summary}`;
    /// entity offsets count UTF-16 code units, like JavaScript strings.
    pub fn analyze(&self, text: &str, lang: Option<String>) -> Result<JsValue, JsError> {
        let found = match lang.as_deref().filter(|l| !l.is_empty()) {
            Some(code) => self.extractor.extract_as(text, Lang::from_code(code)?),
            None => self.extractor.extract(text),
        };
        let analysis = to_js(text, &found);
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        Ok(analysis.serialize(&serializer)?)
    }
}

/// Checks corrections as `setLexicon` would, without applying them (an
/// import is checked whole before anything is stored); returns how many
/// the lexicon would hold, or throws why one is malformed.
#[wasm_bindgen(js_name = checkCorrections)]
pub fn check_corrections(fields: &str, lengths: &[u32]) -> Result<usize, JsError> {
    Ok(lexicon_of(fields, lengths)?.len())
}

fn lexicon_of(fields: &str, lengths: &[u32]) -> Result<Lexicon, JsError> {
    let fields = split_utf16(fields, lengths).ok_or_else(|| JsError::new("bad lexicon: its fields do not add up to its text"))?;
    if fields.len() % 4 != 0 {
        return Err(JsError::new("bad lexicon: not four fields a correction"));
    }
    let given = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let corrections: Vec<Correction> =
        fields.chunks(4).map(|f| Correction { name: f[0].to_string(), lang: given(f[1]), label: given(f[2]), same_as: given(f[3]) }).collect();
    Ok(Lexicon::new(&corrections)?)
}

/// `text` cut into fields of `lengths` UTF-16 units each, or `None` if
/// they do not cover it exactly, on character boundaries.
fn split_utf16<'a>(text: &'a str, lengths: &[u32]) -> Option<Vec<&'a str>> {
    let mut fields = Vec::with_capacity(lengths.len());
    let mut chars = text.char_indices();
    let mut start = 0;
    for &length in lengths {
        let mut units = 0;
        let mut end = start;
        while units < length as usize {
            let (at, c) = chars.next()?;
            units += c.len_utf16();
            end = at + c.len_utf8();
        }
        if units != length as usize {
            return None;
        }
        fields.push(&text[start..end]);
        start = end;
    }
    (start == text.len()).then_some(fields)
}

fn to_js<'a>(text: &'a str, found: &Extraction) -> JsAnalysis<'a> {
    let mut utf16 = OffsetMapper::new(text, Unit::Utf16);
    let entities = found
        .entities
        .iter()
        .map(|e| JsEntity { start: utf16.convert(e.start), end: utf16.convert(e.end), label: e.label.as_str(), text: e.text(text) })
        .collect();
    let summary = Summary::from_extraction(text, found);
    let mut span =
        |range: std::ops::Range<usize>, mention| JsSpan { start: utf16.convert(range.start), end: utf16.convert(range.end), text: &text[range], mention };
    let figures = summary.figures.iter().map(|f| span(f.phrase.clone(), Some(f.mention))).collect();
    let brief = summary.brief.iter().map(|s| span(s.clone(), None)).collect();
    let groups = summary
        .groups
        .into_iter()
        .map(|g| JsGroup { label: g.label.as_str(), name: g.name, aliases: g.aliases, count: g.mentions.len(), salience: g.salience, mentions: g.mentions })
        .collect();
    JsAnalysis { lang: found.lang.code(), status: found.status.as_str(), entities, summary: groups, figures, brief }
}
