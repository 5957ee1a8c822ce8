//! CoNLL files (`token<TAB>IOB2 label`, blank line between sentences) into
//! documents of running text with their names as byte spans, joined the way
//! `shared/tools/conll2jsonl.py` joins them, so that training, `eval` and
//! the reference scorer all see the same text.

use super::TrainError;
use crate::entity::Label;
use std::ops::Range;
use std::path::Path;

/// A document rebuilt from CoNLL sentences (or read from gold JSONL).
#[derive(Clone)]
pub struct GoldDoc {
    /// The text: tokens joined by a space (none after an elided `l'`),
    /// sentences by a line break.
    pub text: String,
    /// The gold names, as byte ranges of `text`.
    pub names: Vec<(Range<usize>, Label)>,
    /// Regions the annotation leaves open (`?`): neither a name nor no
    /// name, as byte ranges.
    pub unclear: Vec<Range<usize>>,
    /// Whether training leaves the lower-case words that open a name out
    /// of it: the corpora that include a title or a common noun before a
    /// name ("ville de Genève", "le colonel de Diesbach") do, news written
    /// by the reader's guide, which keeps an institution's lower-case head
    /// ("parquet de Paris", "hôpital de Calais"), does not.
    pub trim_heads: bool,
}

/// One sentence: its tokens and their IOB2 labels.
pub type Sentence = Vec<(String, String)>;

/// Reads the sentences of a CoNLL file.
pub fn read(path: &Path) -> Result<Vec<Sentence>, TrainError> {
    if path.is_dir() {
        return Err(TrainError::content(path.display().to_string(), "is a folder: give a CoNLL file (token<TAB>label lines)"));
    }
    let content = std::fs::read(path).map_err(|e| TrainError::read(path, e))?;
    parse(path, &content)
}

/// The sentences of a CoNLL file's content, checked line by line: two
/// columns, and a label that is `O` or `B-`/`I-` with a named type. The
/// first line at fault is named: a file misread trains a wrong model.
pub fn parse(path: &Path, content: &[u8]) -> Result<Vec<Sentence>, TrainError> {
    let text = std::str::from_utf8(content).map_err(|e| TrainError::content(path.display().to_string(), format!("not UTF-8 ({e})")))?;
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), n + 1);
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let [token, label] = columns[..] else {
            return Err(TrainError::content(at(), format!("expected 2 columns, token<TAB>label, found {}", columns.len())));
        };
        if token == "-DOCSTART-" {
            continue;
        }
        let label = label.trim();
        if !is_label(label) {
            return Err(TrainError::content(at(), format!("label {label:?} is not O, B-TYPE or I-TYPE with TYPE one of PER, LOC, ORG, MISC")));
        }
        current.push((token.to_string(), label.to_string()));
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    if sentences.is_empty() {
        return Err(TrainError::content(path.display().to_string(), "no sentence"));
    }
    Ok(sentences)
}

/// `O`, or `B-`/`I-` before a named type.
fn is_label(label: &str) -> bool {
    label == "O" || label.split_once('-').is_some_and(|(part, ty)| matches!(part, "B" | "I") && ty.parse::<Label>().is_ok_and(|l| l.is_name()))
}

/// Groups sentences into documents of `per_doc` sentences.
pub fn documents(sentences: &[Sentence], per_doc: usize) -> Vec<GoldDoc> {
    sentences.chunks(per_doc.max(1)).map(document).collect()
}

fn document(sentences: &[Sentence]) -> GoldDoc {
    let mut text = String::new();
    let mut names = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let mut open: Option<(usize, usize, Label)> = None;
        for (ti, (token, label)) in sentence.iter().enumerate() {
            if ti > 0 && !text.ends_with(['\'', '’']) {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            let end = text.len();
            let parsed = label.split_once('-').and_then(|(prefix, ty)| Some((prefix, ty.parse::<Label>().ok()?)));
            match parsed {
                Some(("I", ty)) if open.is_some_and(|(_, _, t)| t == ty) => {
                    open.as_mut().expect("open").1 = end;
                }
                Some((_, ty)) => {
                    names.extend(open.take().map(|(s, e, t)| (s..e, t)));
                    open = Some((start, end, ty));
                }
                None => names.extend(open.take().map(|(s, e, t)| (s..e, t))),
            }
        }
        names.extend(open.take().map(|(s, e, t)| (s..e, t)));
    }
    GoldDoc { text, names, unclear: Vec::new(), trim_heads: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(pairs: &[(&str, &str)]) -> Sentence {
        pairs.iter().map(|(t, l)| (t.to_string(), l.to_string())).collect()
    }

    #[test]
    fn joins_like_conll2jsonl() {
        let s1 = sentence(&[("Les", "O"), ("combattants", "O"), ("de", "O"), ("l'", "O"), ("EI", "B-ORG"), ("à", "O"), ("Al-Qaïm", "B-LOC")]);
        let s2 = sentence(&[("Haider", "B-PER"), ("al-Abadi", "I-PER"), ("parle", "O"), ("Paris", "I-LOC")]);
        let docs = documents(&[s1, s2], 20);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Les combattants de l'EI à Al-Qaïm\nHaider al-Abadi parle Paris");
        let names: Vec<(&str, Label)> = d.names.iter().map(|(r, l)| (&d.text[r.clone()], *l)).collect();
        assert_eq!(names, [("EI", Label::Org), ("Al-Qaïm", Label::Loc), ("Haider al-Abadi", Label::Per), ("Paris", Label::Loc)]);
    }
}
