//! The rule layer: names that news writes by form, found once the tagger
//! has spoken, as patterns read from a data file (`rules.txt`) by this one
//! small engine, as Stanford CoreNLP's TokensRegexNER and spaCy's
//! EntityRuler keep theirs.
//!
//! A rule gives a pattern (see `pattern`), the type of the name it finds,
//! a priority and the types it may overwrite. Rules run from the highest
//! priority down; each match becomes a name where every name it overlaps
//! lies inside it, has a lower priority, and is of a type the rule may
//! overwrite (`inside`: any name strictly shorter; `unreported`: a type
//! the model does not show; `joined`: a name made of several matches side
//! by side gives way to them). The tagger's names have priority 0.
//!
//! ```
//! # use newslens::{Extractor, Label, Lang};
//! // "parquet de Paris" is one organisation, by the rule `institutions`.
//! let text = "Le parquet de Paris a ouvert une enquête.";
//! let found = Extractor::new().unwrap().extract_as(text, Lang::from_code("fr").unwrap());
//! assert!(found.entities.iter().any(|e| e.text(text) == "parquet de Paris" && e.label == Label::Org));
//! ```

mod file;
mod pattern;
mod scene;

use super::features::Context;
use super::tags::TYPES;
use pattern::Node;
use std::ops::Range;
use std::sync::OnceLock;

/// A name in a document: its tokens and type index.
pub(crate) type Name = (Range<usize>, usize);

/// Why a rule file cannot be read (its line, and what is wrong there).
#[derive(Debug)]
pub(crate) struct RuleError(pub String);

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which names a rule may replace.
#[derive(Debug, Default, Clone, Copy)]
struct Overwrites {
    /// Bit per type index: names of these types, on the same words or
    /// inside the match.
    types: u8,
    /// Any name strictly inside the match.
    inside: bool,
    /// Names of the types the model does not report.
    unreported: bool,
    /// A name made of two or more of the rule's matches side by side,
    /// which it would otherwise cross: it is taken out, so that the
    /// matches stand.
    joined: bool,
}

#[derive(Debug)]
struct Rule {
    name: String,
    /// The rules a test table covers together.
    #[cfg_attr(not(test), allow(dead_code))]
    family: String,
    /// Language codes the rule reads; empty for every language.
    langs: Vec<String>,
    /// The type index of the names it finds.
    ty: usize,
    priority: u8,
    overwrites: Overwrites,
    pattern: Vec<Node>,
}

/// The rules of a rule file, parsed and checked once.
#[derive(Debug)]
pub(crate) struct Rules {
    rules: Vec<Rule>,
    /// The word sets the patterns name: each fold key with a bit for each
    /// set that holds it, so that a token's sets are one lookup.
    in_sets: rustc_hash::FxHashMap<String, SetBits>,
}

/// A bit for each set of a rule file, in the order the file defines them.
pub(super) type SetBits = u32;

/// The rule file compiled into the crate.
const BUILTIN: &str = include_str!("rules.txt");

impl Rules {
    /// The built-in rules (`rules.txt`), parsed on first use; the tests
    /// check that they parse. The rules named in the environment variable
    /// `NEWSLENS_SKIP_RULES` (comma-separated) are left out: how
    /// `bench/rules.sh` measures what each one earns.
    pub(crate) fn builtin() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| {
            let mut rules = Rules::parse(BUILTIN).unwrap_or_else(|e| panic!("src/model/rules/rules.txt: {e}"));
            if let Ok(skip) = std::env::var("NEWSLENS_SKIP_RULES") {
                rules.rules.retain(|r| !skip.split(',').any(|s| s.trim() == r.name));
            }
            rules
        })
    }

    /// Reads a rule file: `set` lines and `rule` blocks (see `rules.txt`).
    pub(crate) fn parse(text: &str) -> Result<Rules, RuleError> {
        file::parse(text)
    }

    /// Adds and reshapes `names` (sorted by start, disjoint) by every rule
    /// of language `lang`; `reported` has bit `t` set for each type the
    /// model shows.
    pub(crate) fn apply(&self, ctx: &Context, names: &mut Vec<Name>, lang: &str, reported: u8) {
        let mut found: Vec<(Range<usize>, usize, u8)> = names.drain(..).map(|(r, t)| (r, t, 0)).collect();
        let mut scene = scene::Scene::new(ctx, &self.in_sets);
        for rule in self.rules.iter().filter(|r| r.langs.is_empty() || r.langs.iter().any(|l| l == lang)) {
            if rule.overwrites.joined {
                found.retain(|(r, _, priority)| *priority >= rule.priority || !rule.joins(&scene, r));
            }
            scene.set_names(&found);
            let mut added = Vec::new();
            let mut i = 0;
            while i < ctx.len() {
                match pattern::find(&rule.pattern, &scene, i) {
                    Some((s, e)) if rule.may_stand(&found, s..e, reported) => {
                        added.push((s..e, rule.ty, rule.priority));
                        i = e;
                    }
                    _ => i += 1,
                }
            }
            put(&mut found, added);
        }
        names.extend(found.into_iter().map(|(r, t, _)| (r, t)));
    }
}

impl Rule {
    /// Whether the name on `r` is two or more of this rule's matches side
    /// by side.
    fn joins(&self, scene: &scene::Scene, r: &Range<usize>) -> bool {
        let (mut at, mut parts) = (r.start, 0);
        while let Some((_, e)) = pattern::find(&self.pattern, scene, at).filter(|&(s, e)| s == at && e <= r.end) {
            (at, parts) = (e, parts + 1);
        }
        at == r.end && parts >= 2
    }

    /// Whether a match on `r` may become a name over those of `found`.
    fn may_stand(&self, found: &[(Range<usize>, usize, u8)], r: Range<usize>, reported: u8) -> bool {
        let over = overlapping(found, &r);
        found[over].iter().all(|(n, t, priority)| {
            let inside = r.start <= n.start && n.end <= r.end;
            let typed = self.overwrites.types & (1 << t) != 0 || (self.overwrites.unreported && reported & (1 << t) == 0);
            let strictly_inside = inside && *n != r && self.overwrites.inside;
            *priority < self.priority && inside && (typed || strictly_inside)
        })
    }
}

/// The names of `found` (sorted, disjoint) that `r` overlaps.
fn overlapping(found: &[(Range<usize>, usize, u8)], r: &Range<usize>) -> Range<usize> {
    let first = found.partition_point(|(n, _, _)| n.end <= r.start);
    let last = found.partition_point(|(n, _, _)| n.start < r.end);
    first..last.max(first)
}

/// Puts `added` (sorted, disjoint) in place of every name it overlaps, in
/// one pass.
fn put(found: &mut Vec<(Range<usize>, usize, u8)>, added: Vec<(Range<usize>, usize, u8)>) {
    if added.is_empty() {
        return;
    }
    let mut removed = vec![false; found.len()];
    for (r, _, _) in &added {
        removed[overlapping(found, r)].fill(true);
    }
    let mut kept: Vec<_> = found.drain(..).zip(removed).filter(|(_, gone)| !gone).map(|(n, _)| n).collect();
    kept.extend(added);
    kept.sort_by_key(|(r, _, _)| r.start);
    *found = kept;
}

/// The type index of a label, for the rule file.
fn type_of(label: &str) -> Result<usize, RuleError> {
    let mask = pattern::type_mask(label)?;
    (0..TYPES.len()).find(|&t| mask == 1 << t).ok_or_else(|| RuleError(format!("a rule finds names of one type, not {label}")))
}

#[cfg(test)]
mod tests;
