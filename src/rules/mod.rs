//! The first name finder: capitalised runs of words, labelled by word
//! lists, by the words before them and by agreement across the document.
//!
//! It stands behind the same [`Extractor`](crate::Extractor) API that the
//! learned model will take over; its word lists then become features.

mod lexicon;

use crate::doc::Doc;
use crate::entity::{Entity, Label};
use crate::error::Error;
use crate::lang::Lang;
use lexicon::Gazetteer;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub(crate) struct RuleTagger {
    gazetteer: Gazetteer,
    first_names: HashSet<String>,
    titles: HashSet<String>,
    place_cues: HashSet<String>,
    organisation_cues: HashSet<String>,
    common_fr: HashSet<String>,
    common_en: HashSet<String>,
}

/// Lower-case words that may join two capitalised words inside one name
/// ("Charles de Gaulle", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &["de", "du", "des", "la", "le", "d'", "von", "van", "der", "den", "ter", "bin", "ben", "ibn", "da", "di", "dos", "del", "della", "y"];

/// Prefixes that start a name in lower case: "al-Abadi", "ben-Ali".
const NAME_PREFIXES: &[&str] = &["al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ben-", "bin-", "ibn-", "abu-", "abd-"];

/// Words that may stand between a cue and the name it announces.
const CUE_FILLERS: &[&str] = &["de", "du", "des", "d'", "la", "le", "les", "l'", "of", "the", "a", "an"];

/// Prepositions that put a place right after them (compared as written,
/// in lower case, since folding makes "à" the English article "a").
const PLACE_PREPOSITIONS: &[&str] = &["à", "en", "au", "aux", "in", "near"];

/// Words that coordinate names of the same kind.
const COORDINATORS: &[&str] = &[",", "et", "and", "ou", "or"];

/// A capitalised run of tokens and what the rules made of it.
struct Chunk {
    tokens: Range<usize>,
    label: Option<Label>,
    sentence_start: bool,
}

impl RuleTagger {
    pub(crate) fn new() -> Result<RuleTagger, Error> {
        let mut gazetteer = Gazetteer::default();
        gazetteer.add(&lexicon::PLACES, Label::Loc)?;
        gazetteer.add(&lexicon::ORGANISATIONS, Label::Org)?;
        Ok(RuleTagger {
            gazetteer,
            first_names: lexicon::word_set(&lexicon::FIRST_NAMES)?,
            titles: lexicon::word_set(&lexicon::PERSON_TITLES)?,
            place_cues: lexicon::word_set(&lexicon::PLACE_CUES)?,
            organisation_cues: lexicon::word_set(&lexicon::ORGANISATION_CUES)?,
            common_fr: lexicon::word_set(&lexicon::COMMON_WORDS_FR)?,
            common_en: lexicon::word_set(&lexicon::COMMON_WORDS_EN)?,
        })
    }

    pub(crate) fn supports(lang: Lang) -> bool {
        lang == Lang::FR || lang == Lang::EN
    }

    /// Appends the names found in `doc` to `out`. `taken[i]` marks tokens
    /// already inside a date or a number.
    pub(crate) fn tag(&self, doc: &Doc, lang: Lang, taken: &[bool], out: &mut Vec<Entity>) {
        let common = if lang == Lang::FR { &self.common_fr } else { &self.common_en };
        let lower_elsewhere: HashSet<&str> = (0..doc.tokens.len()).filter(|&i| doc.is_lower(i)).map(|i| doc.word(i)).collect();
        let mut chunks = Vec::new();
        for sentence in &doc.sentences {
            self.chunks_in(doc, sentence.clone(), taken, common, &mut chunks);
        }
        agree_across_document(doc, &mut chunks);
        for chunk in chunks {
            let single = chunk.tokens.len() == 1;
            let label = match chunk.label {
                Some(label) => label,
                // An unknown word opening a sentence is most often just a word.
                None if chunk.sentence_start => continue,
                None if single && lower_elsewhere.contains(doc.word(chunk.tokens.start)) => continue,
                None => Label::Misc,
            };
            let start = doc.tokens[chunk.tokens.start].start;
            let end = doc.tokens[chunk.tokens.end - 1].end;
            out.push(Entity { start, end, label });
        }
    }

    fn chunks_in(&self, doc: &Doc, sentence: Range<usize>, taken: &[bool], common: &HashSet<String>, out: &mut Vec<Chunk>) {
        let first_word = sentence.clone().find(|&i| doc.is_word(i));
        let mut i = sentence.start;
        while i < sentence.end {
            if taken[i] || !self.starts_name(doc, i) {
                i += 1;
                continue;
            }
            if let Some((n, label)) = self.gazetteer.longest_at(doc, i, sentence.end) {
                if doc.is_capitalised(i) && !taken[i..i + n].contains(&true) {
                    out.push(Chunk { tokens: i..i + n, label: Some(label), sentence_start: Some(i) == first_word });
                    i += n;
                    continue;
                }
            }
            let mut end = i + 1;
            loop {
                if end < sentence.end && !taken[end] && self.starts_name(doc, end) && self.gazetteer.longest_at(doc, end, sentence.end).is_none() {
                    end += 1;
                    continue;
                }
                // One or two particles, then a capital: "de la Raudière".
                let particles = (end..sentence.end).take(2).take_while(|&k| NAME_PARTICLES.contains(&doc.word(k))).count();
                let after = end + particles;
                if particles > 0 && after < sentence.end && doc.is_capitalised(after) && !taken[after] {
                    end = after + 1;
                } else {
                    break;
                }
            }
            // Leading common words ("Le", "Premier ministre") are not part of a name.
            let mut start = i;
            while start < end && (common.contains(doc.word(start)) || self.titles.contains(doc.word(start))) {
                start += 1;
            }
            if start < end {
                let label = self.label_by_rules(doc, start..end);
                out.push(Chunk { tokens: start..end, label, sentence_start: Some(start) == first_word });
            }
            i = end;
        }
    }

    /// A capitalised word, or a lower-case name prefix ("al-Abadi").
    fn starts_name(&self, doc: &Doc, i: usize) -> bool {
        doc.is_capitalised(i) || (doc.is_word(i) && NAME_PREFIXES.iter().any(|p| doc.word(i).starts_with(p) && doc.raw(i)[p.len()..].starts_with(char::is_uppercase)))
    }

    fn label_by_rules(&self, doc: &Doc, tokens: Range<usize>) -> Option<Label> {
        let first = doc.word(tokens.start);
        if tokens.len() >= 2 && self.first_names.contains(first) {
            return Some(Label::Per);
        }
        if let Some(label) = self.cue_before(doc, tokens.start) {
            return Some(label);
        }
        let raw = doc.raw(tokens.start);
        let acronym = tokens.len() == 1 && (2..=6).contains(&raw.chars().count()) && raw.chars().all(|c| c.is_uppercase());
        acronym.then_some(Label::Org)
    }

    /// The label that the words just before token `i` announce: a title
    /// for a person, "province de" for a place, "groupe" for an
    /// organisation, "à" or "en" for a place.
    fn cue_before(&self, doc: &Doc, i: usize) -> Option<Label> {
        let mut k = i.checked_sub(1)?;
        if PLACE_PREPOSITIONS.iter().any(|p| doc.raw(k).eq_ignore_ascii_case(p) || doc.raw(k) == "À") {
            return Some(Label::Loc);
        }
        let mut adjective_skipped = false;
        let mut filler_skipped = false;
        loop {
            let w = doc.word(k);
            // "le général irakien X", but not "député des Français".
            if self.titles.contains(w) && !filler_skipped {
                return Some(Label::Per);
            }
            if self.place_cues.contains(w) {
                return Some(Label::Loc);
            }
            if self.organisation_cues.contains(w) {
                return Some(Label::Org);
            }
            if CUE_FILLERS.contains(&w) || (!adjective_skipped && doc.is_lower(k)) {
                filler_skipped |= CUE_FILLERS.contains(&w);
                adjective_skipped |= !CUE_FILLERS.contains(&w);
                k = k.checked_sub(1)?;
                continue;
            }
            return None;
        }
    }
}

/// Gives unlabelled chunks the label the document gives them elsewhere:
/// the same name, a person's surname alone, or a name coordinated with a
/// labelled one ("Al-Qaïm, Rawa et ...").
fn agree_across_document(doc: &Doc, chunks: &mut [Chunk]) {
    let key = |c: &Chunk| c.tokens.clone().map(|i| doc.word(i)).collect::<Vec<_>>().join(" ");
    let mut known: HashMap<String, Label> = HashMap::new();
    let mut surnames: HashSet<&str> = HashSet::new();
    for c in chunks.iter() {
        if let Some(label) = c.label {
            known.entry(key(c)).or_insert(label);
            if label == Label::Per && c.tokens.len() > 1 {
                surnames.insert(doc.word(c.tokens.end - 1));
            }
        }
    }
    for c in chunks.iter_mut().filter(|c| c.label.is_none()) {
        c.label = known.get(&key(c)).copied().or_else(|| (c.tokens.len() == 1 && surnames.contains(doc.word(c.tokens.start))).then_some(Label::Per));
    }
    for i in 0..chunks.len() {
        if chunks[i].label.is_some() {
            continue;
        }
        let coordinated = |a: &Chunk, b: &Chunk| {
            let between = a.tokens.end..b.tokens.start;
            !between.is_empty() && between.len() <= 2 && between.clone().all(|k| COORDINATORS.contains(&doc.word(k)))
        };
        let before = i.checked_sub(1).filter(|&p| coordinated(&chunks[p], &chunks[i])).and_then(|p| chunks[p].label);
        let after = chunks.get(i + 1).filter(|n| coordinated(&chunks[i], n)).and_then(|n| n.label);
        chunks[i].label = before.or(after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, lang: Lang) -> Vec<(String, Label)> {
        let doc = Doc::new(text);
        let taken = vec![false; doc.tokens.len()];
        let mut out = Vec::new();
        RuleTagger::new().unwrap().tag(&doc, lang, &taken, &mut out);
        out.iter().map(|e| (e.text(text).to_string(), e.label)).collect()
    }

    #[test]
    fn table() {
        use Label::*;
        let cases: &[(&str, Lang, &str, &[(&str, Label)])] = &[
            ("title then name", Lang::FR, "Le Premier ministre Haider al-Abadi a parlé.", &[("Haider al-Abadi", Per)]),
            ("title adjective name", Lang::FR, "Le général irakien Qassem al-Mohammedi dirige.", &[("Qassem al-Mohammedi", Per)]),
            ("elided place", Lang::FR, "Il vit près d'Al-Qaïm, dans la province de Ninive.", &[("Al-Qaïm", Loc), ("Ninive", Loc)]),
            ("gazetteer org and place", Lang::FR, "Les combattants de l'EI ont fui la Syrie.", &[("EI", Org), ("Syrie", Loc)]),
            ("sentence start common", Lang::FR, "Cette offensive est menée. Mais ils ont fui.", &[]),
            ("surname later", Lang::EN, "President Joe Biden spoke. Later, Biden left.", &[("Joe Biden", Per), ("Biden", Per)]),
            ("coordination", Lang::FR, "libérer Paris, Rawa et les environs", &[("Paris", Loc), ("Rawa", Loc)]),
            ("particle inside", Lang::FR, "selon Charles de Gaulle lui-même", &[("Charles de Gaulle", Per)]),
            ("two particles", Lang::FR, "comme l'UMP Laure de la Raudière ou", &[("UMP", Org), ("Laure de la Raudière", Per)]),
            ("title then complement", Lang::FR, "député socialiste des Français de l'étranger", &[("Français", Misc)]),
            ("article is not the UN", Lang::FR, "Il dit non. Un rapport de l'UN circule.", &[("UN", Org)]),
            ("acronym", Lang::FR, "un député de l'UDI a voté", &[("UDI", Org)]),
            ("unknown name is misc", Lang::EN, "they met the Zorblax envoy", &[("Zorblax", Misc)]),
            ("unknown sentence start dropped", Lang::EN, "Zorblax is here.", &[]),
        ];
        for (name, lang, text, want) in cases {
            let want: Vec<(String, Label)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
            assert_eq!(names(text, *lang), want, "case {name}");
        }
    }
}
