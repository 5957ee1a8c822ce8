//! The reader's lexicon: the corrections a reader made, applied by the
//! core itself inside every extraction and summary (see [`Lexicon`]).

mod apply;
mod buckets;
#[cfg(test)]
mod tests;

use crate::entity::Label;
use crate::error::{Error, ErrorKind};
use crate::lang::Lang;
use crate::text::{fold_into, tokenize, Token};
use buckets::Buckets;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One correction, in the shape the extension stores and exports and the
/// command line reads (`--lexicon`): a `name` as a text writes it, the
/// `lang` whose texts it applies to (every language if absent), and one of
/// `type` (`PER`, `ORG`, `LOC`, `MISC`, or `none` for "not a name") and
/// `same_as` (another name of the same entity, which leads the summary's
/// entry).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The name as a text writes it.
    pub name: String,
    /// The language code of the texts it applies to; every language if
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// `PER`, `ORG`, `LOC`, `MISC`, or `none` (not a name).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The name this one is another name for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
}

/// The `type` of a correction that says a phrase is no name.
pub const NOT_A_NAME: &str = "none";

impl Correction {
    /// `name` is a name of type `label` (a named type: PER, ORG, LOC, MISC).
    pub fn name(name: &str, label: Label) -> Correction {
        Correction { name: name.to_string(), lang: None, label: Some(label.as_str().to_string()), same_as: None }
    }

    /// `name` is no name at all.
    pub fn not_a_name(name: &str) -> Correction {
        Correction { name: name.to_string(), lang: None, label: Some(NOT_A_NAME.to_string()), same_as: None }
    }

    /// `name` names the same entity as `other`, which leads.
    pub fn same_as(name: &str, other: &str) -> Correction {
        Correction { name: name.to_string(), lang: None, label: None, same_as: Some(other.to_string()) }
    }

    /// The same correction, for the texts of language `code` only.
    pub fn in_language(mut self, code: &str) -> Correction {
        self.lang = Some(code.to_string());
        self
    }
}

/// What a matched phrase becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Name(Label),
    NotAName,
}

/// A correction's phrase, as the folded words it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Phrase {
    /// The fold keys of its words, each followed by a space (no fold key
    /// holds one): one allocation for a phrase, not one for each word.
    words: String,
    /// How many words.
    len: usize,
    lang: Option<Lang>,
    action: Action,
    /// Whether the reader's name holds a capital: then so must the text's
    /// ("Orange" the company is not "la couleur orange"). What is no name
    /// is no name in any case.
    capitalised: bool,
}

impl Phrase {
    /// The fold key of its first word.
    fn first_word(&self) -> &str {
        self.words.split(' ').next().unwrap_or("")
    }
}

/// The reader's lexicon: the corrections a reader made ("not a name", "it
/// is an organisation", "same as …"), applied by the core itself inside
/// every extraction and its summary, so that the command line, the demo
/// page and the extension give the same answer from the same code.
///
/// A lexicon is built once, fallibly (every correction is checked and a
/// bad one refused with its reason), then applied to any number of texts
/// ([`Extractor::set_lexicon`](crate::Extractor::set_lexicon)). A name is
/// matched by its folded words (case and accents aside; a name given with a
/// capital only where the text writes one) in the texts of its language,
/// or of every language if it names none. A name given a type replaces
/// the entities it overlaps, unless a longer name holds it; a phrase that
/// is not a name takes away the entities inside it; two names given as one
/// entity lead one entry of the [`Summary`](crate::Summary).
///
/// ```
/// use newslens::{Correction, Extractor, Label, Lang, Lexicon};
///
/// let mut extractor = Extractor::new()?;
/// extractor.set_lexicon(Lexicon::new(&[
///     Correction::name("Orange", Label::Org).in_language("fr"),
///     Correction::not_a_name("Rennes"),
/// ])?);
/// let text = "Orange a recruté 300 ingénieurs à Rennes.";
/// let found = extractor.extract_as(text, Lang::FR);
/// let names: Vec<_> = found.entities.iter().filter(|e| e.label.is_name()).map(|e| (e.text(text), e.label)).collect();
/// assert_eq!(names, [("Orange", Label::Org)]);
/// assert!(Lexicon::new(&[Correction::name("<b>Orange</b>", Label::Org)]).is_err());
/// # Ok::<(), newslens::Error>(())
/// ```
///
/// Indexed by maps of one type only, from a key to a bucket: each map or
/// sort of another type would add its own code to the engine's
/// WebAssembly, which this keeps small.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// The phrases, in buckets by the fold key of their first word.
    phrases: Buckets<Phrase>,
    /// A bit for each first word's `sketch`: most words of a text start no
    /// phrase, and are told so without a lookup in `phrases`.
    first_words: Vec<u64>,
    /// For a name's key (`name_key`), the language and the key of the name
    /// it is another name for.
    aliases: Buckets<(Option<Lang>, String)>,
    /// For the key of a name that some alias leads to, the alias's
    /// language: that name leads its summary entry.
    leaders: Buckets<Option<Lang>>,
}

/// Bits of the first words' sketch: 8 KB, which ten thousand words leave
/// mostly clear.
const SKETCH_BITS: usize = 1 << 16;

/// A word's bit among `SKETCH_BITS`, from its length and three of its
/// bytes: no loop over the word, for every word of every text.
fn sketch(word: &str) -> usize {
    let b = word.as_bytes();
    let at = |k: usize| usize::from(b.get(k).copied().unwrap_or(0));
    let last = at(b.len().wrapping_sub(1));
    (b.len().wrapping_mul(0x9E37) ^ at(0).wrapping_mul(0x2F1) ^ at(1).wrapping_mul(0x6B) ^ last.wrapping_mul(0x3D5)) % SKETCH_BITS
}

/// A correction, checked.
enum Checked {
    Phrase(Phrase),
    Alias(String, Option<Lang>, String),
}

impl Lexicon {
    /// Corrections a lexicon holds at most: far more than a reader makes,
    /// and a bound on what an import may cost.
    pub const MAX_CORRECTIONS: usize = 100_000;
    /// Characters a name may hold at most.
    pub const MAX_NAME_CHARS: usize = 200;

    /// Checks and indexes `corrections`; a later correction of the same
    /// name in the same language replaces an earlier one.
    ///
    /// # Errors
    ///
    /// When a correction is malformed: no name or an empty one, a name too
    /// long or holding markup or control characters, an unknown language
    /// or type, both or neither of `type` and `same_as`, a name the same
    /// as itself; or too many corrections. The message names the first
    /// bad correction (its position, from 1) and why.
    pub fn new(corrections: &[Correction]) -> Result<Lexicon, Error> {
        if corrections.len() > Lexicon::MAX_CORRECTIONS {
            return Err(bad(format!("{} corrections, more than the {} a lexicon holds", corrections.len(), Lexicon::MAX_CORRECTIONS)));
        }
        // Each name and language once: its latest correction. `latest`
        // holds the place of each phrase and alias, by its language and
        // words.
        let mut latest: FxHashMap<String, usize> = FxHashMap::default();
        let mut lexicon = Lexicon::default();
        lexicon.phrases.reserve(corrections.len());
        let mut tokens = Vec::new();
        let mut langs = Langs::default();
        for (k, c) in corrections.iter().enumerate() {
            let at = |reason: String| bad(format!("correction {} ({:?}): {reason}", k + 1, truncated(&c.name)));
            match check(c, &mut tokens, &mut langs).map_err(at)? {
                Checked::Phrase(phrase) => {
                    let key = format!("{}\u{1}{}", phrase.lang.map_or("", Lang::code), phrase.words);
                    let place = lexicon.phrases.put(phrase.first_word().to_string(), phrase);
                    if let Some(was) = latest.insert(key, place) {
                        lexicon.phrases.forget(was);
                    }
                }
                Checked::Alias(alias, lang, leader) => {
                    let key = format!("={}\u{1}{alias}", lang.map_or("", Lang::code));
                    let place = lexicon.aliases.put(alias, (lang, leader));
                    if let Some(was) = latest.insert(key, place) {
                        lexicon.aliases.forget(was);
                    }
                }
            }
        }
        lexicon.first_words = vec![0; SKETCH_BITS / 64];
        for phrase in lexicon.phrases.all() {
            let bit = sketch(phrase.first_word());
            lexicon.first_words[bit / 64] |= 1 << (bit % 64);
        }
        let leaders: Vec<(String, Option<Lang>)> = lexicon.aliases.all().map(|(lang, leader)| (leader.clone(), *lang)).collect();
        for (leader, lang) in leaders {
            lexicon.leaders.put(leader, lang);
        }
        Ok(lexicon)
    }

    /// How many corrections it holds (each name and language once).
    pub fn len(&self) -> usize {
        self.phrases.len() + self.aliases.len()
    }

    /// Whether it holds no correction.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.aliases.is_empty()
    }

    /// Whether some phrase may start with the word of fold key `word`
    /// (false: none does).
    fn may_start(&self, word: &str) -> bool {
        let bit = sketch(word);
        self.first_words.get(bit / 64).is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }

    /// The phrases whose first word has fold key `word`.
    fn starting_with(&self, word: &str) -> impl Iterator<Item = &Phrase> {
        self.phrases.get(word)
    }

    /// The key of the name that the name of key `key` is another name for,
    /// in a text of language `lang`.
    pub(crate) fn leader_of(&self, key: &str, lang: Lang) -> Option<&str> {
        self.aliases.get(key).find(|(l, _)| applies(*l, lang)).map(|(_, leader)| leader.as_str())
    }

    /// Whether some alias of a text of language `lang` leads to the name of
    /// key `key`.
    pub(crate) fn leads(&self, key: &str, lang: Lang) -> bool {
        self.leaders.get(key).any(|l| applies(*l, lang))
    }

    pub(crate) fn has_aliases(&self) -> bool {
        !self.aliases.is_empty()
    }

    pub(crate) fn has_phrases(&self) -> bool {
        !self.phrases.is_empty()
    }
}

/// The language codes met so far, parsed once each: a reader's
/// corrections name a few languages, ten thousand times.
#[derive(Default)]
struct Langs(Vec<(String, Lang)>);

impl Langs {
    fn parse(&mut self, code: &str) -> Result<Lang, String> {
        if let Some((_, lang)) = self.0.iter().find(|(c, _)| c == code) {
            return Ok(*lang);
        }
        let lang = Lang::from_code(code).map_err(|e| e.to_string())?;
        self.0.push((code.to_string(), lang));
        Ok(lang)
    }
}

/// A correction checked, or why it is refused. `tokens` and `langs` are
/// scratch space.
fn check(c: &Correction, tokens: &mut Vec<Token>, langs: &mut Langs) -> Result<Checked, String> {
    let (words, len) = checked_words(&c.name, tokens)?;
    let lang = c.lang.as_deref().map(|code| langs.parse(code)).transpose()?;
    let action = match (c.label.as_deref(), c.same_as.as_deref()) {
        (Some(NOT_A_NAME), None) => Action::NotAName,
        (Some(label), None) => match label.parse::<Label>() {
            Ok(label) if label.is_name() => Action::Name(label),
            _ => return Err(format!("unknown type {label:?} (expected PER, ORG, LOC, MISC or {NOT_A_NAME:?})")),
        },
        (None, Some(other)) => {
            let (other_words, _) = checked_words(other, tokens).map_err(|reason| format!("same_as: {reason}"))?;
            if other_words == words {
                return Err("a name cannot be another name for itself".to_string());
            }
            return Ok(Checked::Alias(name_key_of(words), lang, name_key_of(other_words)));
        }
        (Some(_), Some(_)) => return Err("both \"type\" and \"same_as\": a correction is one or the other".to_string()),
        (None, None) => return Err("neither \"type\" nor \"same_as\"".to_string()),
    };
    let capitalised = matches!(action, Action::Name(_)) && c.name.chars().any(char::is_uppercase);
    Ok(Checked::Phrase(Phrase { words, len, lang, action, capitalised }))
}

/// Whether a correction for `lang` (every language if `None`) applies to a
/// text of language `text_lang`.
fn applies(lang: Option<Lang>, text_lang: Lang) -> bool {
    lang.is_none_or(|l| l == text_lang)
}

/// A name's key: its folded words, space-separated, as corrections and the
/// summary's entries are compared.
pub(crate) fn name_key(name: &str) -> String {
    name_key_of(folded_words(name, &mut Vec::new()).0)
}

/// A name's key from its folded words, each followed by a space.
fn name_key_of(mut words: String) -> String {
    words.pop();
    words
}

/// The fold keys of `name`'s tokens, each followed by a space, and how
/// many; `tokens` is scratch space.
fn folded_words(name: &str, tokens: &mut Vec<Token>) -> (String, usize) {
    tokens.clear();
    tokenize(name, tokens);
    let mut words = String::with_capacity(name.len() + tokens.len());
    for t in tokens.iter() {
        fold_into(t.text(name), &mut words);
        words.push(' ');
    }
    (words, tokens.len())
}

/// The folded words of a reader's name (as `folded_words`), or why it is
/// refused.
fn checked_words(name: &str, tokens: &mut Vec<Token>) -> Result<(String, usize), String> {
    if name.chars().count() > Lexicon::MAX_NAME_CHARS {
        return Err(format!("a name of more than {} characters", Lexicon::MAX_NAME_CHARS));
    }
    if name.chars().any(char::is_control) {
        return Err("a name holds a control character".to_string());
    }
    if name.contains(['<', '>']) {
        return Err("a name holds markup (< or >)".to_string());
    }
    let (words, len) = folded_words(name, tokens);
    if !words.chars().any(char::is_alphanumeric) {
        return Err("a name needs a letter or a digit".to_string());
    }
    Ok((words, len))
}

/// The first characters of a name, for an error message.
fn truncated(name: &str) -> String {
    name.chars().take(40).collect()
}

fn bad(reason: String) -> Error {
    Error::new(ErrorKind::Lexicon(reason))
}
