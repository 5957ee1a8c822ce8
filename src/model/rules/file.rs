//! The rule file's syntax: `#` comments, `set NAME = words...` lines
//! (continued on indented lines), and `rule NAME` blocks of indented
//! `key value` lines: `family`, `lang`, `type`, `priority`, `overwrites`,
//! `pattern`, each on one line. Rules run by decreasing priority, in file
//! order among equals.

use super::pattern::{self, Names};
use super::{type_of, Overwrites, Rule, RuleError, Rules, SetBits};
use crate::model::lexicon::LIST_FILES;
use rustc_hash::{FxHashMap, FxHashSet};

/// A rule block as written, before its pattern is parsed.
#[derive(Default)]
struct Block {
    line: usize,
    name: String,
    fields: Vec<(String, String)>,
}

pub(super) fn parse(text: &str) -> Result<Rules, RuleError> {
    let mut set_names: Vec<String> = Vec::new();
    let mut sets: Vec<FxHashSet<String>> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    // What an indented line continues: a set, or a rule's field.
    let mut in_set = false;
    for (n, raw) in text.lines().enumerate() {
        let at = |reason: String| RuleError(format!("line {}: {reason}", n + 1));
        let line = raw.split_once(" #").map_or(raw, |(l, _)| l).trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let line = line.trim();
        if indented {
            if in_set {
                sets.last_mut().expect("a set is open").extend(line.split_whitespace().map(crate::text::fold_key));
                continue;
            }
            let block = blocks.last_mut().ok_or_else(|| at("an indented line outside a rule or set".into()))?;
            let (key, value) = line.split_once(char::is_whitespace).ok_or_else(|| at(format!("expected `key value`, found {line:?}")))?;
            if block.fields.iter().any(|(k, _)| k == key) {
                return Err(at(format!("{key} given twice")));
            }
            block.fields.push((key.to_string(), value.trim().to_string()));
            continue;
        }
        in_set = false;
        if let Some(rest) = line.strip_prefix("set ") {
            let (name, words) = rest.split_once('=').ok_or_else(|| at("expected `set NAME = words`".into()))?;
            let name = name.trim().to_string();
            if set_names.contains(&name) {
                return Err(at(format!("set {name} defined twice")));
            }
            set_names.push(name);
            sets.push(words.split_whitespace().map(crate::text::fold_key).collect());
            in_set = true;
        } else if let Some(name) = line.strip_prefix("rule ") {
            let name = name.trim().to_string();
            if blocks.iter().any(|b| b.name == name) {
                return Err(at(format!("rule {name} defined twice")));
            }
            blocks.push(Block { line: n + 1, name, fields: Vec::new() });
        } else {
            return Err(at(format!("expected `set` or `rule`, found {line:?}")));
        }
    }
    let names = Names { sets: &set_names, lists: LIST_FILES };
    let mut rules = blocks.into_iter().map(|b| rule(b, &names)).collect::<Result<Vec<Rule>, RuleError>>()?;
    rules.sort_by_key(|r| std::cmp::Reverse(r.priority));
    if sets.len() > SetBits::BITS as usize {
        return Err(RuleError(format!("{} sets, more than the {} a rule file may have", sets.len(), SetBits::BITS)));
    }
    let mut in_sets: FxHashMap<String, SetBits> = FxHashMap::default();
    for (s, set) in sets.into_iter().enumerate() {
        for word in set {
            *in_sets.entry(word).or_default() |= 1 << s;
        }
    }
    Ok(Rules { rules, in_sets })
}

fn rule(block: Block, names: &Names) -> Result<Rule, RuleError> {
    let at = |reason: String| RuleError(format!("rule {} (line {}): {reason}", block.name, block.line));
    let field = |key: &str| block.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    for (key, _) in &block.fields {
        if !["family", "lang", "type", "priority", "overwrites", "pattern"].contains(&key.as_str()) {
            return Err(at(format!("unknown field {key}")));
        }
    }
    let family = field("family").ok_or_else(|| at("no family (the rules a test covers together)".into()))?.to_string();
    let ty = type_of(field("type").ok_or_else(|| at("no type".into()))?).map_err(|e| at(e.0))?;
    let priority =
        field("priority").ok_or_else(|| at("no priority".into()))?.parse::<u8>().ok().filter(|&p| p > 0).ok_or_else(|| at("priority: 1 to 255".into()))?;
    let mut overwrites = Overwrites::default();
    for word in field("overwrites").unwrap_or("").split_whitespace() {
        match word {
            "inside" => overwrites.inside = true,
            "unreported" => overwrites.unreported = true,
            "joined" => overwrites.joined = true,
            "none" => {}
            types => overwrites.types |= pattern::type_mask(types).map_err(|e| at(e.0))?,
        }
    }
    let pattern = pattern::parse(field("pattern").ok_or_else(|| at("no pattern".into()))?, names).map_err(|e| at(e.0))?;
    let langs = field("lang").unwrap_or("").split_whitespace().map(str::to_string).collect();
    Ok(Rule { name: block.name, family, langs, ty, priority, overwrites, pattern })
}
