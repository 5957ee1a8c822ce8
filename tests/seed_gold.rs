//! Quality gate on the seed article: the command line's entities, scored by
//! the reference scorer (`shared/tools/score.py`) against the gold file.
//! The thresholds sit at the level reached; lowering one needs a reason.

mod common;

use common::{newslens, shared_dir};
use serde_json::Value;
use std::process::Command;

/// At least this many of the 36 gold entities found...
const MIN_FOUND: u64 = 31;
/// ...with at most this many predictions matching no gold entity...
const MAX_SPURIOUS: u64 = 5;
/// ...and at least this PER+LOC+ORG F1 (score.py's figure).
const MIN_CORE_F1: f64 = 0.84;

#[test]
fn seed_article_meets_the_quality_bar() {
    let shared = shared_dir();
    let gold = shared.join("fixtures/seed/gold.jsonl");
    let out = newslens(&["extract"], &std::fs::read(&gold).unwrap());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pred = std::env::temp_dir().join(format!("newslens-seed-{}.jsonl", std::process::id()));
    std::fs::write(&pred, &out.stdout).unwrap();
    let scored = Command::new("python3").arg(shared.join("tools/score.py")).arg(&gold).arg(&pred).output().expect("python3 runs score.py");
    let _ = std::fs::remove_file(&pred);
    assert!(scored.status.success(), "{}", String::from_utf8_lossy(&scored.stderr));
    let report: Value = serde_json::from_slice(&scored.stdout).unwrap();
    let (mut found, mut spurious, mut total) = (0, 0, 0);
    for label in ["PER", "LOC", "ORG", "MISC", "DATE", "NUM"] {
        let r = &report[label];
        let support = r["support"].as_u64().unwrap();
        let tp = (r["r"].as_f64().unwrap() * support as f64).round();
        let p = r["p"].as_f64().unwrap();
        let predicted = if p > 0.0 { (tp / p).round() } else { 0.0 };
        // A type with no true positive but predictions shows p = 0: count them
        // from the prediction file instead.
        let fp = if p > 0.0 { predicted - tp } else { count_label(&out.stdout, label) as f64 };
        found += tp as u64;
        spurious += fp as u64;
        total += support;
    }
    eprintln!("seed: found {found} of {total}, {spurious} spurious; {}", report["PER+LOC+ORG"]);
    assert_eq!(total, 36);
    assert!(found >= MIN_FOUND, "found {found} of {total} gold entities, want at least {MIN_FOUND}");
    assert!(spurious <= MAX_SPURIOUS, "{spurious} spurious entities, want at most {MAX_SPURIOUS}");
    let core = report["PER+LOC+ORG"]["f"].as_f64().unwrap();
    assert!(core >= MIN_CORE_F1, "PER+LOC+ORG F1 {core}, want at least {MIN_CORE_F1}");
    for label in ["DATE", "NUM"] {
        assert_eq!(report[label]["r"].as_f64(), Some(1.0), "every {label} of the seed found: {}", report[label]);
    }
}

fn count_label(jsonl: &[u8], label: &str) -> usize {
    let line: Value = serde_json::from_slice(jsonl.split(|&b| b == b'\n').next().unwrap()).unwrap();
    line["entities"].as_array().unwrap().iter().filter(|e| e["label"] == label).count()
}

/// The demo preloads its own copy of the seed article (the project must run
/// without shared/); it must stay the article the gold file describes.
#[test]
fn demo_seed_is_the_gold_article() {
    let shared = std::fs::read_to_string(shared_dir().join("fixtures/seed/article.txt")).unwrap();
    let demo = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/seed-article.txt")).unwrap();
    assert!(demo == shared, "www/seed-article.txt differs from shared/fixtures/seed/article.txt");
}
