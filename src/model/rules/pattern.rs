//! A rule's pattern: a sequence of token tests, list phrases and names
//! already found, with groups, alternatives and quantifiers, matched by
//! backtracking over the tokens of one sentence and one line, as
//! TokensRegex matches token sequences.
//!
//! ```text
//! de|du|des          a token whose fold key is one of these words
//! "&"                a token written so (punctuation, any word)
//! %links             a token whose fold key is in the rule file's set `links`
//! :cap :lower        capitalised; lower case (an elided article counts)
//! :acronym :defined  an acronym's shape; an acronym the document defines
//! :common            a word the web mostly writes in lower case
//! :number            digits
//! !T  T&U            not T; T and U
//! @org.media         a whole phrase of that list (longest first)
//! <LOC|ORG> <any>    a whole name already found, of those types
//! <longform>         the long form a defined acronym spells
//! ( A B | C )        a group of alternatives
//! X? X* X+ X{1,3}    quantifiers, greedy
//! [ ... ]            the tokens that become the name (default: all)
//! ```

use super::RuleError;
use crate::entity::Label;
use crate::model::tags::type_index;

/// Tokens a match may cover at most: patterns describe names, and a bound
/// keeps backtracking linear in a text's length.
pub(super) const LONGEST_MATCH: usize = 16;

/// One token's test.
#[derive(Debug)]
pub(super) enum Test {
    /// A fold key among these.
    Words(Vec<String>),
    /// The exact text of the token.
    Raw(String),
    /// A fold key in the rule file's set (its index).
    Set(usize),
    Cap,
    Lower,
    Acronym,
    Defined,
    Common,
    Number,
    Not(Box<Test>),
    All(Vec<Test>),
}

/// One element of a pattern.
#[derive(Debug)]
pub(super) enum Node {
    Token(Test),
    /// A whole phrase of a gazetteer (its index).
    Phrase(usize),
    /// A whole name already found, of these types (bit per type index).
    Name(u8),
    /// A defined acronym's long form.
    LongForm,
    Group(Vec<Vec<Node>>),
    Repeat(Box<Node>, usize, usize),
    Open,
    Close,
}

/// What the parser needs to resolve names: the rule file's sets and the
/// gazetteers' file names.
pub(super) struct Names<'a> {
    pub sets: &'a [String],
    pub lists: &'a [&'a str],
}

/// Parses a pattern's text (elements separated by spaces).
pub(super) fn parse(text: &str, names: &Names) -> Result<Vec<Node>, RuleError> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut at = 0;
    let nodes = sequence(&tokens, &mut at, names)?;
    if at < tokens.len() {
        return Err(RuleError(format!("unexpected {:?} in pattern", tokens[at])));
    }
    let opens = count(&nodes, &|n| matches!(n, Node::Open));
    let closes = count(&nodes, &|n| matches!(n, Node::Close));
    if opens != closes || opens > 1 {
        return Err(RuleError("a pattern marks its name with one [ and one ] at most".into()));
    }
    if nodes.is_empty() {
        return Err(RuleError("empty pattern".into()));
    }
    Ok(nodes)
}

fn count(nodes: &[Node], f: &dyn Fn(&Node) -> bool) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Group(alts) => alts.iter().map(|a| count(a, f)).sum(),
            Node::Repeat(inner, _, _) => count(std::slice::from_ref(inner), f),
            n => usize::from(f(n)),
        })
        .sum()
}

fn sequence(tokens: &[&str], at: &mut usize, names: &Names) -> Result<Vec<Node>, RuleError> {
    let mut out = Vec::new();
    while let Some(&t) = tokens.get(*at) {
        match t {
            t if t == "|" || t.starts_with(')') => break,
            "[" => {
                *at += 1;
                out.push(Node::Open);
            }
            "]" => {
                *at += 1;
                out.push(Node::Close);
            }
            "(" => {
                *at += 1;
                let mut alts = vec![sequence(tokens, at, names)?];
                while tokens.get(*at) == Some(&"|") {
                    *at += 1;
                    alts.push(sequence(tokens, at, names)?);
                }
                // `)` closes the group, its quantifier written against it or
                // standing alone after it: `)?`, `) ?`.
                let Some(close) = tokens.get(*at).and_then(|t| t.strip_prefix(')')) else {
                    return Err(RuleError("a group ( ... ) is not closed".into()));
                };
                *at += 1;
                let node = Node::Group(alts);
                let q = if close.is_empty() {
                    let q = tokens.get(*at).and_then(|q| quantifier(q));
                    *at += usize::from(q.is_some());
                    q
                } else {
                    Some(quantifier(close).unwrap_or_else(|| Err(RuleError(format!("bad quantifier ){close}")))))
                };
                out.push(match q {
                    Some(q) => repeat(node, q?)?,
                    None => node,
                });
            }
            element => {
                *at += 1;
                let (body, q) = split_quantifier(element);
                let node = atom(body, names)?;
                out.push(match q {
                    Some(q) => repeat(node, quantifier(q).ok_or_else(|| RuleError(format!("bad quantifier in {element:?}")))??)?,
                    None => node,
                });
            }
        }
    }
    Ok(out)
}

fn repeat(node: Node, (min, max): (usize, usize)) -> Result<Node, RuleError> {
    if max == 0 || min > max || max > LONGEST_MATCH {
        return Err(RuleError(format!("bad repetition {{{min},{max}}}")));
    }
    Ok(Node::Repeat(Box::new(node), min, max))
}

/// A quantifier written alone or after an element: `?`, `*`, `+`, `{m,n}`.
fn quantifier(q: &str) -> Option<Result<(usize, usize), RuleError>> {
    Some(Ok(match q {
        "?" => (0, 1),
        "*" => (0, LONGEST_MATCH),
        "+" => (1, LONGEST_MATCH),
        q if q.starts_with('{') && q.ends_with('}') => {
            let bad = || RuleError(format!("bad quantifier {q}"));
            let (a, b) = q[1..q.len() - 1].split_once(',').unwrap_or((&q[1..q.len() - 1], &q[1..q.len() - 1]));
            match (a.trim().parse(), b.trim().parse()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Some(Err(bad())),
            }
        }
        _ => return None,
    }))
}

/// An element and its quantifier: `:cap+` is `:cap` and `+`. A quoted
/// literal keeps what it quotes (`"+"` is a plus sign).
fn split_quantifier(element: &str) -> (&str, Option<&str>) {
    if element.len() > 2 && element.starts_with('"') {
        // The last quote closes the literal: `"""` is a quote mark.
        let close = element.rfind('"').map_or(element.len(), |k| k + 1);
        let (body, rest) = element.split_at(close);
        return (body, (!rest.is_empty()).then_some(rest));
    }
    if let Some(k) = element.find('{').filter(|&k| k > 0) {
        return (&element[..k], Some(&element[k..]));
    }
    match element.char_indices().last() {
        Some((k, '?' | '*' | '+')) if k > 0 => (&element[..k], Some(&element[k..])),
        _ => (element, None),
    }
}

fn atom(text: &str, names: &Names) -> Result<Node, RuleError> {
    if let Some(list) = text.strip_prefix('@') {
        let file = format!("{list}.txt");
        let index = names.lists.iter().position(|l| *l == file).ok_or_else(|| RuleError(format!("no gazetteer {file}")))?;
        return Ok(Node::Phrase(index));
    }
    if text == "<longform>" {
        return Ok(Node::LongForm);
    }
    if let Some(types) = text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        return Ok(Node::Name(type_mask(types)?));
    }
    Ok(Node::Token(test(text, names)?))
}

/// `PER|LOC`, or `any`, as bits of type indices.
pub(super) fn type_mask(types: &str) -> Result<u8, RuleError> {
    if types == "any" {
        return Ok(0b1111);
    }
    types.split(['|', ',', ' ']).filter(|t| !t.is_empty()).try_fold(0u8, |mask, t| {
        let label: Label = t.parse().map_err(RuleError)?;
        let index = type_index(label).ok_or_else(|| RuleError(format!("{t} is no named type")))?;
        Ok(mask | 1 << index)
    })
}

fn test(text: &str, names: &Names) -> Result<Test, RuleError> {
    if let Some(raw) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).filter(|r| !r.is_empty()) {
        return Ok(Test::Raw(raw.to_string()));
    }
    if text.contains('&') && text.len() > 1 {
        return Ok(Test::All(text.split('&').map(|t| test(t, names)).collect::<Result<_, _>>()?));
    }
    if let Some(rest) = text.strip_prefix('!') {
        return Ok(Test::Not(Box::new(test(rest, names)?)));
    }
    if let Some(set) = text.strip_prefix('%') {
        return names.sets.iter().position(|s| s == set).map(Test::Set).ok_or_else(|| RuleError(format!("no set %{set}")));
    }
    Ok(match text {
        ":cap" => Test::Cap,
        ":lower" => Test::Lower,
        ":acronym" => Test::Acronym,
        ":defined" => Test::Defined,
        ":common" => Test::Common,
        ":number" => Test::Number,
        t if t.starts_with(':') => return Err(RuleError(format!("no token class {t}"))),
        words => Test::Words(words.split('|').map(crate::text::fold_key).collect()),
    })
}

/// What a pattern sees of a document at one token.
pub(super) trait Scene {
    /// Whether token `j` may extend a match that starts at `start`: same
    /// sentence, same line, within `LONGEST_MATCH`.
    fn reaches(&self, start: usize, j: usize) -> bool;
    fn passes(&self, test: &Test, i: usize) -> bool;
    /// Ends of the phrases of `list` starting at `i`, longest first.
    fn phrases(&self, list: usize, i: usize) -> Vec<usize>;
    /// The end of the name starting at `i`, if one of a type in `mask`.
    fn name(&self, mask: u8, i: usize) -> Option<usize>;
    fn long_form(&self, i: usize) -> Option<usize>;
}

/// Where the pattern's name lies (start, end) if it matches at `start`.
pub(super) fn find(nodes: &[Node], scene: &dyn Scene, start: usize) -> Option<(usize, usize)> {
    let mut found = None;
    let mut marks = (start, None);
    seq(nodes, scene, start, start, &mut marks, &mut |end, marks| {
        found = Some((marks.0, marks.1.unwrap_or(end)));
        true
    });
    found.filter(|(s, e)| s < e)
}

/// Marks: where the name opens, and where it closes once closed.
type Marks = (usize, Option<usize>);

/// Matches `nodes` from token `at`, calling `done` with each way through
/// (greedy first) until it accepts one.
fn seq(nodes: &[Node], scene: &dyn Scene, start: usize, at: usize, marks: &mut Marks, done: &mut dyn FnMut(usize, &Marks) -> bool) -> bool {
    let Some((node, rest)) = nodes.split_first() else {
        return done(at, marks);
    };
    let next = |end: usize, marks: &mut Marks, done: &mut dyn FnMut(usize, &Marks) -> bool| seq(rest, scene, start, end, marks, done);
    match node {
        Node::Open => {
            let saved = marks.0;
            marks.0 = at;
            next(at, marks, done) || {
                marks.0 = saved;
                false
            }
        }
        Node::Close => {
            let saved = marks.1;
            marks.1 = Some(at);
            next(at, marks, done) || {
                marks.1 = saved;
                false
            }
        }
        Node::Token(test) => scene.reaches(start, at) && scene.passes(test, at) && next(at + 1, marks, done),
        Node::Phrase(list) => {
            scene.reaches(start, at) && scene.phrases(*list, at).into_iter().any(|end| scene.reaches(start, end - 1) && next(end, marks, done))
        }
        Node::Name(mask) => scene.name(*mask, at).is_some_and(|end| scene.reaches(start, at) && scene.reaches(start, end - 1) && next(end, marks, done)),
        Node::LongForm => scene.long_form(at).is_some_and(|end| scene.reaches(start, at) && scene.reaches(start, end - 1) && next(end, marks, done)),
        Node::Group(alts) => alts.iter().any(|alt| {
            let mut then = |end: usize, marks: &Marks| {
                let mut m = *marks;
                next(end, &mut m, done)
            };
            seq(alt, scene, start, at, marks, &mut then)
        }),
        Node::Repeat(inner, min, max) => repeat_from(inner, *min, *max, rest, scene, start, at, marks, done),
    }
}

/// `inner` at least `min` and at most `max` more times from `at`, then
/// `rest`: greedy, each time consuming a token at least.
#[allow(clippy::too_many_arguments)]
fn repeat_from(
    inner: &Node,
    min: usize,
    max: usize,
    rest: &[Node],
    scene: &dyn Scene,
    start: usize,
    at: usize,
    marks: &mut Marks,
    done: &mut dyn FnMut(usize, &Marks) -> bool,
) -> bool {
    if max > 0 {
        let mut again = |end: usize, marks: &Marks| {
            let mut m = *marks;
            end > at && repeat_from(inner, min.saturating_sub(1), max - 1, rest, scene, start, end, &mut m, done)
        };
        if seq(std::slice::from_ref(inner), scene, start, at, marks, &mut again) {
            return true;
        }
    }
    min == 0 && seq(rest, scene, start, at, marks, done)
}
