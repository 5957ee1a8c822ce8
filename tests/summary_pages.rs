//! The summary on real articles: the seed, and the French and English
//! fixture pages (their article text as Readability extracts it, headline
//! first). Each page's summary is compared with a golden file under
//! tests/fixtures/summary/, reviewed like code; after a deliberate change,
//! regenerate them with
//!
//! ```sh
//! NEWSLENS_BLESS=1 cargo test --test summary_pages
//! ```

mod common;
#[path = "common/html.rs"]
mod html;

use common::shared_dir;
use newslens::{Extractor, Label, Summary};
use serde_json::{json, Value};
use std::path::PathBuf;

const PAGES: &[&str] = &["lemonde-1", "liberation-1", "bbc-1", "cnn", "guardian-1", "nytimes-1", "wapo-1"];

fn article(page: &str) -> String {
    let dir = shared_dir().join("fixtures/pages").join(page);
    let meta: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected-metadata.json")).unwrap()).unwrap();
    let body = html::to_text(&std::fs::read_to_string(dir.join("expected.html")).unwrap());
    format!("{}\n\n{}", meta["title"].as_str().unwrap_or(""), body)
}

/// The summary as the golden files hold it: names, aliases, counts and
/// salience rounded to two decimals, figures and brief as text.
fn summarise(extractor: &Extractor, text: &str) -> Value {
    let found = extractor.extract(text);
    let s = Summary::from_extraction(text, &found);
    check_shape(&s);
    json!({
        "lang": found.lang.code(),
        "groups": s.groups.iter().map(|g| json!({
            "label": g.label.as_str(),
            "name": g.name,
            "aliases": g.aliases,
            "count": g.mentions.len(),
            "salience": (f64::from(g.salience) * 100.0).round() / 100.0,
        })).collect::<Vec<_>>(),
        "figures": s.figures.iter().map(|f| &text[f.phrase.clone()]).collect::<Vec<_>>(),
        "brief": s.brief.iter().map(|b| &text[b.clone()]).collect::<Vec<_>>(),
    })
}

/// What holds for any summary, golden file or not.
fn check_shape(s: &Summary) {
    assert!(s.brief.len() <= 3);
    assert!(s.brief.windows(2).all(|w| w[0].end <= w[1].start), "brief in text order");
    if !s.groups.is_empty() {
        let top = s.groups.iter().map(|g| g.salience).fold(0.0, f32::max);
        assert_eq!(top, 1.0, "the most salient entity has salience 1");
        assert!(s.groups.iter().all(|g| (0.0..=1.0).contains(&g.salience) && !g.mentions.is_empty()));
    }
    assert!(s.groups.windows(2).all(|w| w[0].label < w[1].label || (w[0].label == w[1].label && w[0].salience >= w[1].salience)), "by label, then salience");
    // One entity, one type: no name (nor alias) listed under two labels.
    let mut labels: std::collections::HashMap<String, Label> = std::collections::HashMap::new();
    for g in s.groups.iter().filter(|g| g.label.is_name()) {
        for name in std::iter::once(&g.name).chain(&g.aliases) {
            let key = newslens::text::fold_key(name);
            let first = *labels.entry(key).or_insert(g.label);
            assert_eq!(first, g.label, "{name:?} is listed as {first} and as {}", g.label);
        }
    }
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summary").join(format!("{name}.json"))
}

#[test]
fn fixture_pages_match_their_golden_summaries() {
    let extractor = Extractor::new().unwrap();
    let bless = std::env::var_os("NEWSLENS_BLESS").is_some();
    let mut differ = Vec::new();
    for page in PAGES {
        let got = summarise(&extractor, &article(page));
        let path = golden(page);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} missing: run with NEWSLENS_BLESS=1", path.display()))).unwrap();
        if got != want {
            differ.push(format!("{page}: got\n{}", serde_json::to_string_pretty(&got).unwrap()));
        }
    }
    assert!(differ.is_empty(), "summaries differ from tests/fixtures/summary (NEWSLENS_BLESS=1 regenerates them after review):\n{}", differ.join("\n"));
}

#[test]
fn seed_summary_merges_aliases_and_names_its_figures() {
    let text = std::fs::read_to_string(shared_dir().join("fixtures/seed/article.txt")).unwrap();
    let extractor = Extractor::new().unwrap();
    let found = extractor.extract(&text);
    let s = Summary::from_extraction(&text, &found);
    check_shape(&s);
    let org = s.of(Label::Org).find(|g| g.name == "Etat islamique").expect("Etat islamique grouped");
    assert_eq!(org.aliases, ["EI"], "the acronym joins its full name");
    assert_eq!(org.mentions.len(), 3);
    let top_place = s.of(Label::Loc).next().unwrap();
    assert_eq!(top_place.name, "Al-Qaïm", "named six times, the most salient place");
    let figures: Vec<&str> = s.figures.iter().map(|f| &text[f.phrase.clone()]).collect();
    for want in ["1.500 terroristes", "786 civils tués"] {
        assert!(figures.contains(&want), "{figures:?}");
    }
    assert_eq!(s.brief.len(), 3);
    assert!(text[s.brief[0].clone()].starts_with("Les forces irakiennes"), "the lede opens the brief");
}
