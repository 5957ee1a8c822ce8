//! The word table a model ships: for each frequent word, how it is usually
//! written (lower case or capitalised, away from sentence starts), counted
//! over the training text.

use crate::doc::Doc;
use crate::model::lexicon::{CapsPrior, WebInfo, WordInfo, WordTable, CLUSTERINGS};
use std::collections::HashMap;

/// Counts, per fold key, lower-case and capitalised occurrences of words
/// not at the start of a sentence.
#[derive(Default)]
pub struct CaseCounts {
    counts: HashMap<String, [u32; 2]>,
}

impl CaseCounts {
    pub fn add(&mut self, doc: &Doc) {
        for s in doc.sentences.iter() {
            let first = s.clone().find(|&i| doc.is_word(i));
            for i in s.clone() {
                if Some(i) == first || !doc.is_word(i) || doc.raw(i).starts_with(|c: char| !c.is_alphabetic()) {
                    continue;
                }
                let c = self.counts.entry(doc.word(i).to_string()).or_default();
                if doc.is_lower(i) {
                    c[0] += 1;
                } else if doc.is_capitalised(i) {
                    c[1] += 1;
                }
            }
        }
    }

    /// The words seen at least `min_count` times, with their prior.
    pub fn table(&self, min_count: u32) -> WordTable {
        self.counts
            .iter()
            .filter(|(_, c)| c[0] + c[1] >= min_count)
            .map(|(w, c)| (w.clone(), WordInfo { caps: CapsPrior::from_counts(c[0], c[1]), ..WordInfo::default() }))
            .collect()
    }
}

/// Classes of the table's words in each clustering, learned from the
/// documents' text (`sizes`: classes per clustering, coarse to fine).
pub fn cluster(table: &mut WordTable, docs: &[&Doc], sizes: [usize; CLUSTERINGS], progress: &mut dyn FnMut(&str)) {
    let mut vocabulary: Vec<String> = table.keys().cloned().collect();
    vocabulary.sort();
    let ids: HashMap<&str, u32> = vocabulary.iter().enumerate().map(|(i, w)| (w.as_str(), i as u32)).collect();
    let rare = vocabulary.len() as u32;
    let boundary = rare + 1;
    let mut text = Vec::new();
    for doc in docs {
        for s in doc.sentences.iter() {
            text.extend(s.clone().map(|i| ids.get(doc.word(i)).copied().unwrap_or(rare)));
            text.push(boundary);
        }
    }
    for (g, &size) in sizes.iter().enumerate() {
        let started = std::time::Instant::now();
        let classes = super::clusters::exchange(&text, vocabulary.len(), boundary, size, 15);
        for (word, class) in vocabulary.iter().zip(classes) {
            if let Some(info) = table.get_mut(word) {
                info.clusters[g] = class;
            }
        }
        progress(&format!("{size} word classes from {} tokens ({:.0} s)", text.len(), started.elapsed().as_secs_f64()));
    }
}

/// Adds what large modern corpora say of words to the table, from a
/// `models/words/<lang>.words.tsv` file: one word a line, `fold key,
/// lower-case share, Zipf frequency, three vector classes`, tab-separated
/// (`models/words/README.md` says how it is made). Words the training
/// text never met join the table with this knowledge alone.
pub fn add_web(table: &mut WordTable, text: &str, name: &str) -> Result<usize, super::TrainError> {
    let mut added = 0;
    for (n, line) in text.lines().enumerate() {
        let bad = |what: &str| super::TrainError::content(format!("{name}:{}", n + 1), format!("{what} in {line:?}"));
        let fields: Vec<&str> = line.split('\t').collect();
        let [key, share, zipf, c1, c2, c3] = fields[..] else {
            return Err(bad("expected 6 tab-separated fields"));
        };
        // An empty share: the vectors do not know the word's cased forms.
        let share: Option<f64> = if share.is_empty() { None } else { Some(share.parse().map_err(|_| bad("bad lower-case share"))?) };
        let zipf: f64 = zipf.parse().map_err(|_| bad("bad Zipf frequency"))?;
        let class = |c: &str| c.parse::<u16>().map_err(|_| bad("bad class"));
        if key.is_empty() || share.is_some_and(|s| !(0.0..=1.0).contains(&s)) || !(0.0..10.0).contains(&zipf) {
            return Err(bad("value out of range"));
        }
        let web =
            WebInfo { caps: share.map_or(CapsPrior::Unseen, CapsPrior::from_lower_share), zipf: zipf as u8, clusters: [class(c1)?, class(c2)?, class(c3)?] };
        table.entry(key.to_string()).or_default().web = web;
        added += 1;
    }
    Ok(added)
}
