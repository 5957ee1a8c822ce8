//! Raw news for word statistics: a gzipped JSONL of articles (`{"id",
//! "title", "heading", "text"}`, OrangeSum's shape), read as the text a
//! reader sees (title, standfirst and body, a blank line between them).
//! Only the words are used (capitalisation counts and word classes), never
//! any label; the articles held out for evaluation are skipped by id.

use super::TrainError;
use serde::Deserialize;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;

#[derive(Deserialize)]
struct Article {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    heading: String,
    text: String,
}

/// The ids listed one a line in `path` (blank lines and `#` comments
/// skipped).
pub fn read_ids(path: &Path) -> Result<HashSet<String>, TrainError> {
    let text = std::fs::read_to_string(path).map_err(|e| TrainError::read(path, e))?;
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect())
}

/// The texts of the articles of `path` whose id `skip` does not hold, at
/// most `limit` of them.
pub fn read(path: &Path, skip: &HashSet<String>, limit: Option<usize>) -> Result<Vec<String>, TrainError> {
    let file = std::fs::File::open(path).map_err(|e| TrainError::read(path, e))?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut texts = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        if limit.is_some_and(|l| texts.len() >= l) {
            break;
        }
        let line = line.map_err(|e| TrainError::read(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let a: Article =
            serde_json::from_str(&line).map_err(|e| TrainError::content(format!("{}:{}", path.display(), n + 1), format!("not a news article ({e})")))?;
        if skip.contains(&a.id) {
            continue;
        }
        let parts = [a.title.trim(), a.heading.trim(), a.text.trim()];
        texts.push(parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("\n\n"));
    }
    Ok(texts)
}
