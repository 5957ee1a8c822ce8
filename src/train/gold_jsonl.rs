//! Gold JSONL (`{"id", "text", "entities": [[start, end, label], ...]}`,
//! offsets in Unicode code points, as `shared/tools/mkgold.py` writes and
//! `score.py` reads) into documents for training and evaluation.
//!
//! Only names train the tagger: DATE and NUM are the recognisers' work. A
//! label `A|B` (both readings defensible) trains as its first reading; a
//! `?` region (neither rewarded nor punished) is left out of the names, so
//! the tagger learns nothing there but what the words around it say.

use super::conll::GoldDoc;
use super::TrainError;
use crate::entity::Label;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Line {
    text: String,
    entities: Vec<(usize, usize, String)>,
}

/// The documents of a gold JSONL file's content, one a line; the first line
/// at fault is named.
pub fn parse(path: &Path, content: &[u8]) -> Result<Vec<GoldDoc>, TrainError> {
    let text = std::str::from_utf8(content).map_err(|e| TrainError::content(path.display().to_string(), format!("not UTF-8 ({e})")))?;
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = || format!("{}:{}", path.display(), n + 1);
        let line: Line = serde_json::from_str(line).map_err(|e| TrainError::content(at(), format!("not a gold line {{\"text\", \"entities\"}} ({e})")))?;
        docs.push(document(line).map_err(|reason| TrainError::content(at(), reason))?);
    }
    if docs.is_empty() {
        return Err(TrainError::content(path.display().to_string(), "no document"));
    }
    Ok(docs)
}

fn document(line: Line) -> Result<GoldDoc, String> {
    // Code point offsets to byte offsets, one pass: bytes[i] is where code
    // point i starts (and bytes[len] the end).
    let bytes: Vec<usize> = line.text.char_indices().map(|(b, _)| b).chain([line.text.len()]).collect();
    let mut names = Vec::new();
    let mut unclear = Vec::new();
    for (start, end, label) in line.entities {
        if start >= end || end >= bytes.len() {
            return Err(format!("span [{start}, {end}] is empty or past the text's {} code points", bytes.len() - 1));
        }
        let first = label.split('|').next().unwrap_or_default();
        if first == "?" {
            unclear.push(bytes[start]..bytes[end]);
            continue;
        }
        let label: Label = first.parse()?;
        if label.is_name() {
            names.push((bytes[start]..bytes[end], label));
        }
    }
    Ok(GoldDoc { text: line.text, names, unclear, trim_heads: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(content: &str) -> Result<Vec<GoldDoc>, TrainError> {
        parse(Path::new("gold.jsonl"), content.as_bytes())
    }

    #[test]
    fn code_points_become_byte_spans_and_only_names_train() {
        let line = r#"{"id": "x", "text": "À Orléans, Élise Lucet et l'ONU, 12 %, mardi.", "entities": [[2, 9, "LOC"], [11, 22, "PER"], [28, 31, "ORG|LOC"], [33, 37, "NUM"], [39, 44, "DATE"]]}"#;
        let d = docs(line).unwrap().remove(0);
        let names: Vec<(&str, Label)> = d.names.iter().map(|(r, l)| (&d.text[r.clone()], *l)).collect();
        assert_eq!(names, [("Orléans", Label::Loc), ("Élise Lucet", Label::Per), ("ONU", Label::Org)]);
    }

    #[test]
    fn unclear_regions_train_as_no_name() {
        let d = docs(r#"{"text": "24 ans à Lyon", "entities": [[0, 6, "?"], [9, 13, "LOC"]]}"#).unwrap().remove(0);
        assert_eq!(d.names.len(), 1);
    }

    #[test]
    fn the_news_corpus_reads_whole() {
        // Every split of corpus/fr-news parses, with its names on word
        // boundaries of its texts.
        for (split, articles) in [("train", 2152), ("tune", 100), ("test", 100)] {
            let path = std::path::PathBuf::from(format!("corpus/fr-news/orangesum-ner.fr.{split}.jsonl"));
            let docs = parse(&path, &std::fs::read(&path).unwrap()).unwrap();
            assert_eq!(docs.len(), articles, "{split}");
            for d in &docs {
                for (r, _) in &d.names {
                    let before = d.text[..r.start].chars().next_back();
                    assert!(before.is_none_or(|c| !c.is_alphanumeric()), "{split}: {:?} starts inside a word", &d.text[r.clone()]);
                }
            }
        }
    }

    #[test]
    fn bad_lines_are_named() {
        let cases = [
            ("{\"text\": \"Lyon\", \"entities\": [[0, 9, \"LOC\"]]}", "gold.jsonl:1: span [0, 9]"),
            ("\n{\"text\": \"Lyon\", \"entities\": [[0, 4, \"CITY\"]]}", "gold.jsonl:2: unknown label \"CITY\""),
            ("[1, 2]", "gold.jsonl:1: not a gold line"),
            ("", "gold.jsonl: no document"),
        ];
        for (content, expected) in cases {
            let err = docs(content).err().expect(content).to_string();
            assert!(err.starts_with(expected), "{content:?}: {err}");
        }
    }
}
