//! Scoring names against gold the way `shared/tools/score.py` does: exact
//! span and type, after trimming what annotation conventions disagree on
//! (determiners, possessives, quotes, spaces at the edges).

use crate::entity::Label;
use std::fmt;
use std::ops::Range;

const STRIP_HEAD: [&str; 11] = ["the ", "The ", "THE ", "le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les "];
const STRIP_TAIL: [&str; 4] = ["'s", "’s", "'", "’"];
const QUOTES_HEAD: &str = " \n\t\"“”«»‘";
const QUOTES_TAIL: &str = " \n\t\"“”«»’";

fn normalize(text: &str, mut span: Range<usize>) -> Range<usize> {
    let mut changed = true;
    while changed && span.start < span.end {
        changed = false;
        for h in STRIP_HEAD {
            if text[span.start..].starts_with(h) && span.start + h.len() < span.end {
                span.start += h.len();
                changed = true;
            }
        }
        for t in STRIP_TAIL {
            if text[span.start..span.end].ends_with(t) && span.end - t.len() > span.start {
                span.end -= t.len();
                changed = true;
            }
        }
        while let Some(c) = text[span.start..span.end].chars().next().filter(|c| QUOTES_HEAD.contains(*c)) {
            span.start += c.len_utf8();
            changed = true;
        }
        while let Some(c) = text[span.start..span.end].chars().next_back().filter(|c| QUOTES_TAIL.contains(*c)) {
            span.end -= c.len_utf8();
            changed = true;
        }
    }
    span
}

/// True positives, false positives and false negatives per named type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    counts: [[u64; 3]; 4],
}

// The named types, in the tagger's order.
use crate::model::tags::{type_index as slot, TYPES as NAMED};

impl Scores {
    /// Adds one document: `gold` and `predicted` names as byte spans of
    /// `text`. Predictions of other labels (dates, numbers) are ignored.
    pub fn add(&mut self, text: &str, gold: &[(Range<usize>, Label)], predicted: &[(Range<usize>, Label)]) {
        let gold: Vec<(Range<usize>, Label)> = gold.iter().map(|(r, l)| (normalize(text, r.clone()), *l)).collect();
        let mut used = vec![false; gold.len()];
        for (span, label) in predicted {
            let Some(s) = slot(*label) else { continue };
            let span = normalize(text, span.clone());
            match gold.iter().enumerate().position(|(i, (g, l))| !used[i] && l == label && *g == span) {
                Some(i) => {
                    used[i] = true;
                    self.counts[s][0] += 1;
                }
                None => self.counts[s][1] += 1,
            }
        }
        for ((_, label), used) in gold.iter().zip(used) {
            if let (false, Some(s)) = (used, slot(*label)) {
                self.counts[s][2] += 1;
            }
        }
    }

    fn sum(&self, labels: &[Label]) -> [u64; 3] {
        let mut out = [0; 3];
        for l in labels {
            let c = self.counts[slot(*l).expect("named")];
            for k in 0..3 {
                out[k] += c[k];
            }
        }
        out
    }

    /// Precision, recall and F1 over `labels` together.
    pub fn prf(&self, labels: &[Label]) -> (f64, f64, f64) {
        let [tp, fp, fn_] = self.sum(labels).map(|v| v as f64);
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    /// F1 over PER, LOC and ORG: the figure systems are compared on.
    pub fn core_f1(&self) -> f64 {
        self.prf(&[Label::Per, Label::Loc, Label::Org]).2
    }

    /// Gold names of `label`.
    pub fn support(&self, label: Label) -> u64 {
        let c = self.counts[slot(label).expect("named")];
        c[0] + c[2]
    }

    /// The scores as JSON, in score.py's shape.
    pub fn to_json(&self) -> String {
        let row = |labels: &[Label]| {
            let (p, r, f) = self.prf(labels);
            format!("\"p\": {p:.3}, \"r\": {r:.3}, \"f\": {f:.3}")
        };
        let mut parts: Vec<String> = NAMED.iter().map(|&l| format!("\"{l}\": {{{}, \"support\": {}}}", row(&[l]), self.support(l))).collect();
        parts.push(format!("\"PER+LOC+ORG\": {{{}}}", row(&[Label::Per, Label::Loc, Label::Org])));
        format!("{{{}}}", parts.join(", "))
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<12} {:>9} {:>9} {:>9} {:>8}", "type", "precision", "recall", "F1", "support")?;
        for l in NAMED {
            let (p, r, f1) = self.prf(&[l]);
            writeln!(f, "{:<12} {p:>9.3} {r:>9.3} {f1:>9.3} {:>8}", l.as_str(), self.support(l))?;
        }
        let core = [Label::Per, Label::Loc, Label::Org];
        let (p, r, f1) = self.prf(&core);
        let support: u64 = core.iter().map(|&l| self.support(l)).sum();
        write!(f, "{:<12} {p:>9.3} {r:>9.3} {f1:>9.3} {support:>8}", "PER+LOC+ORG")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_the_reference_scorer() {
        let text = "dans l'EI et « la France » et the Reuters's desk";
        let span_of = |s: &str| text.find(s).map(|i| i..i + s.len()).unwrap();
        for (marked, want) in [("l'EI", "EI"), ("« la France »", "France"), ("the Reuters's", "Reuters")] {
            let r = normalize(text, span_of(marked));
            assert_eq!(&text[r], want, "{marked}");
        }
    }

    #[test]
    fn counts_exact_matches_once() {
        let text = "Paris et Lyon";
        let mut s = Scores::default();
        s.add(text, &[(0..5, Label::Loc), (9..13, Label::Loc)], &[(0..5, Label::Loc), (0..5, Label::Loc), (9..13, Label::Org), (0..8, Label::Date)]);
        assert_eq!(s.counts[1], [1, 1, 1]);
        assert_eq!(s.counts[2], [0, 1, 0]);
    }
}
