//! Merging the groups that name one entity: a person's surname alone
//! ("al-Abadi" for "Haider al-Abadi"), an acronym introduced in parentheses
//! or matching the initials ("EI" for "Etat islamique").

use super::{group_of_mentions, Group, Readers, LEFT_OUT};
use crate::corrections::name_key;
use crate::entity::{Entity, Label};
use crate::text::{fold_key, tokenize};
use std::collections::{HashMap, HashSet};

/// Words an acronym's initials skip: "Organisation des Nations unies" is
/// ONU, "Bank of England" is BoE.
const FUNCTION_WORDS: &[&str] = &["de", "des", "du", "d'", "la", "le", "les", "l'", "et", "en", "pour", "of", "the", "and", "for", "in", "a", "à"];

/// Titles a person's name may carry in front: "Mr Obama" is Obama.
const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "m.",
    "mme",
    "mlle",
    "sir",
    "lord",
    "lady",
    "prof",
    "prof.",
    "president",
    "general",
    "gen.",
    "senator",
    "sen.",
    "gov.",
    "rep.",
];

/// The folded words of a name, without a leading title.
fn words(name: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    tokenize(name, &mut tokens);
    let mut words: Vec<String> = tokens.iter().map(|t| fold_key(t.text(name))).filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    while words.len() > 1 && TITLES.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

/// "EI" for an acronym of two to six capitals, else `None`.
fn acronym(name: &str) -> Option<String> {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    ((2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())).then(|| letters.iter().flat_map(|c| c.to_lowercase()).collect())
}

/// The initials of a name's content words, folded: "ei" for "Etat islamique".
fn initials(words: &[String]) -> String {
    words.iter().filter(|w| !FUNCTION_WORDS.contains(&w.as_str())).filter_map(|w| w.chars().next()).collect()
}

/// Merges, in place, the groups that name one entity, and those the
/// reader gave as one (`readers`). The merged group takes the name the
/// reader chose, else the fullest name (most words), and the label that
/// goes with it; the other names become its aliases.
pub(super) fn merge(text: &str, entities: &[Entity], groups: &mut Vec<Group>, readers: Option<Readers>) {
    let n = groups.len();
    let names: Vec<Vec<String>> = groups.iter().map(|g| words(&g.name)).collect();
    let mut parent: Vec<usize> = (0..n).collect();
    let join = |a: usize, b: usize, parent: &mut Vec<usize>| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[rb] = ra;
        }
    };
    // Indexes built once, so that each group finds its matches without
    // scanning every other group (40,000 names would take minutes).
    let mut first_of: HashMap<(Label, &[String]), usize> = HashMap::new();
    // For each proper ending of a person's name, the fullest names that end
    // so (the first group of each), at most two: one fits, two are
    // ambiguous.
    let mut endings: HashMap<&[String], Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, words) in names.iter().enumerate() {
        let label = groups[g].label;
        let first = *first_of.entry((label, &words[..])).or_insert(g);
        if label == Label::Per && first == g {
            for k in 1..words.len() {
                let fits = endings.entry(&words[k..]).or_default();
                if fits.len() < 2 {
                    fits.push(g);
                }
            }
        }
        if words.len() >= 2 {
            let fits = by_initials.entry(initials(words)).or_default();
            if fits.len() < 2 {
                fits.push(g);
            }
        }
    }
    for short in 0..n {
        // The same person with and without a title ("Mr Obama", "Obama").
        let same = first_of[&(groups[short].label, &names[short][..])];
        if same != short {
            join(same, short, &mut parent);
        }
        // A person named by the end of a longer name, if only one fits.
        if groups[short].label == Label::Per {
            if let Some([long]) = endings.get(&names[short][..]).map(Vec::as_slice) {
                join(*long, short, &mut parent);
            }
        }
        // An acronym of exactly one longer name.
        if let Some(letters) = acronym(&groups[short].name) {
            let fits: Vec<usize> = by_initials.get(&letters).into_iter().flatten().copied().filter(|&long| long != short).collect();
            if let [long] = fits[..] {
                join(long, short, &mut parent);
            }
        }
    }
    // A name introduced in parentheses right after another: "X (Y)".
    let group_of = group_of_mentions(entities.len(), groups);
    for pair in entities.windows(2).enumerate() {
        let (i, [a, b]) = (pair.0, pair.1) else {
            continue;
        };
        let between = text[a.end..b.start].trim();
        let after = text[b.end..].trim_start();
        let (ga, gb) = (group_of[i], group_of[i + 1]);
        if between == "(" && after.starts_with(')') && a.label.is_name() && b.label.is_name() && ga != LEFT_OUT && gb != LEFT_OUT {
            join(usize::from(ga), usize::from(gb), &mut parent);
        }
    }
    if let Some(readers) = readers {
        join_readers_aliases(groups, readers, |a, b| join(a, b, &mut parent));
    }
    // Each root takes its members; the fullest name leads.
    let mut merged: Vec<Option<Group>> = groups.drain(..).map(Some).collect();
    for g in 0..n {
        let r = root(&mut parent, g);
        if r != g {
            let member = merged[g].take().expect("each group merged once");
            let head = merged[r].as_mut().expect("roots stay");
            head.mentions.extend(member.mentions);
            head.aliases.push(member.name);
            head.aliases.extend(member.aliases);
        }
    }
    for mut g in merged.into_iter().flatten() {
        g.mentions.sort_unstable();
        let mut names: Vec<String> = std::iter::once(g.name.clone()).chain(g.aliases.drain(..)).collect();
        // The reader's choice leads, else the fullest name (most words; the
        // most used of equals).
        let chosen = |name: &str| names.len() > 1 && readers.is_some_and(|r| r.lexicon.leads(&name_key(name), r.lang));
        let fullest = (0..names.len()).max_by_key(|&k| (chosen(&names[k]), words(&names[k]).len(), usize::from(k == 0))).unwrap_or(0);
        g.name = names.remove(fullest);
        g.label = entities[*g.mentions.iter().find(|&&m| entities[m].text(text) == g.name).unwrap_or(&g.mentions[0])].label;
        let mut seen = HashSet::from([fold_key(&g.name)]);
        for alias in names {
            if seen.insert(fold_key(&alias)) {
                g.aliases.push(alias);
            }
        }
        groups.push(g);
    }
}

/// Joins each group the reader named as another name of some entity to the
/// groups of that entity's name, whatever their labels.
fn join_readers_aliases(groups: &[Group], readers: Readers, mut join: impl FnMut(usize, usize)) {
    let keys: Vec<String> = groups.iter().map(|g| name_key(&g.name)).collect();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, key) in keys.iter().enumerate() {
        by_key.entry(key).or_default().push(g);
    }
    for (g, key) in keys.iter().enumerate() {
        let Some(leader) = readers.lexicon.leader_of(key, readers.lang) else { continue };
        for &other in by_key.get(leader).into_iter().flatten() {
            join(other, g);
        }
    }
}

fn root(parent: &mut [usize], mut g: usize) -> usize {
    while parent[g] != g {
        parent[g] = parent[parent[g]];
        g = parent[g];
    }
    g
}

#[cfg(test)]
mod tests {
    use super::super::tests::entity;
    use super::super::Summary;
    use crate::entity::Label;

    fn merged(text: &str, entities: &[crate::Entity]) -> Vec<(Label, String, Vec<String>, usize)> {
        Summary::new(text, entities).groups.into_iter().map(|g| (g.label, g.name, g.aliases, g.mentions.len())).collect()
    }

    #[test]
    fn surname_joins_the_full_name() {
        let text = "Le Premier ministre Haider al-Abadi a parlé. Selon al-Abadi, rien.";
        let got = merged(text, &[entity(text, "Haider al-Abadi", 0, Label::Per), entity(text, "al-Abadi", 1, Label::Per)]);
        assert_eq!(got, [(Label::Per, "Haider al-Abadi".into(), vec!["al-Abadi".to_string()], 2)]);
    }

    #[test]
    fn titles_do_not_make_another_person() {
        let text = "President Barack Obama spoke. Mr Obama left. Obama smiled.";
        let es = [entity(text, "Barack Obama", 0, Label::Per), entity(text, "Mr Obama", 0, Label::Per), entity(text, "Obama", 2, Label::Per)];
        let got = merged(text, &es);
        assert_eq!(got, [(Label::Per, "Barack Obama".into(), vec!["Mr Obama".to_string(), "Obama".to_string()], 3)]);
    }

    #[test]
    fn ambiguous_surname_stays_apart() {
        let text = "John Smith et Anna Smith. Smith parle.";
        let es = [entity(text, "John Smith", 0, Label::Per), entity(text, "Anna Smith", 0, Label::Per), entity(text, "Smith", 2, Label::Per)];
        assert_eq!(merged(text, &es).len(), 3);
    }

    #[test]
    fn acronym_by_parentheses_or_initials() {
        let text = "le groupe Etat islamique (EI) recule. L'EI a perdu. L'Organisation des Nations unies et l'ONU.";
        let es = [
            entity(text, "Etat islamique", 0, Label::Org),
            entity(text, "EI", 0, Label::Org),
            entity(text, "EI", 1, Label::Org),
            entity(text, "Organisation des Nations unies", 0, Label::Org),
            entity(text, "ONU", 0, Label::Org),
        ];
        let got = merged(text, &es);
        assert!(got.contains(&(Label::Org, "Etat islamique".into(), vec!["EI".to_string()], 3)), "{got:?}");
        assert!(got.contains(&(Label::Org, "Organisation des Nations unies".into(), vec!["ONU".to_string()], 2)), "{got:?}");
    }

    /// The groups of an extraction made with `corrections`, read as French.
    fn merged_by_reader(text: &str, entities: &[crate::Entity], corrections: &[crate::Correction]) -> Vec<(Label, String, Vec<String>, usize)> {
        let lexicon = crate::Lexicon::new(corrections).unwrap();
        let found = crate::Extraction {
            lang: crate::Lang::FR,
            status: crate::Status::Ok,
            entities: entities.to_vec(),
            lead: None,
            lexicon: Some(std::sync::Arc::new(lexicon)),
        };
        Summary::from_extraction(text, &found).groups.into_iter().map(|g| (g.label, g.name, g.aliases, g.mentions.len())).collect()
    }

    #[test]
    fn the_readers_aliases_join_whatever_the_labels_and_their_choice_leads() {
        let text = "Sciences Po ouvre. L'Institut d'études politiques de Paris recrute; à Sciences Po, rien.";
        let es = [
            entity(text, "Sciences Po", 0, Label::Org),
            entity(text, "Institut d'études politiques de Paris", 0, Label::Org),
            entity(text, "Sciences Po", 1, Label::Loc),
        ];
        let alias = crate::Correction::same_as("institut d'etudes politiques de Paris", "Sciences Po");
        let got = merged_by_reader(text, &es, std::slice::from_ref(&alias));
        assert_eq!(got, [(Label::Org, "Sciences Po".into(), vec!["Institut d'études politiques de Paris".to_string()], 3)]);
        assert_eq!(merged_by_reader(text, &es, &[alias.in_language("en")]).len(), 3, "an English alias joins nothing in French");
        assert_eq!(merged_by_reader(text, &es, &[]).len(), 3);
    }

    #[test]
    fn parentheses_join_even_without_matching_initials() {
        let text = "les unités du Hachd al-Chaabi (PMF) avancent.";
        let es = [entity(text, "Hachd al-Chaabi", 0, Label::Org), entity(text, "PMF", 0, Label::Org)];
        assert_eq!(merged(text, &es), [(Label::Org, "Hachd al-Chaabi".into(), vec!["PMF".to_string()], 2)]);
    }
}
