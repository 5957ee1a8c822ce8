//! The trainer keeps working: a tiny model from a small slice of the
//! corpora trains, loads, and beats chance on development data; test files
//! are refused. (The shipped models are trained by the full recipe; see
//! models/MODEL_CARD.md.)

mod common;

use common::{newslens, shared_dir};

#[test]
fn a_tiny_model_trains_loads_and_scores() {
    let data = shared_dir().join("data/ner");
    let out = std::env::temp_dir().join(format!("newslens-tiny-{}.bin", std::process::id()));
    let trained = newslens(
        &["train", "--lang", "fr", "--data", data.to_str().unwrap(), "--limit", "300", "--epochs", "2", "--clusters", "4,8,16", "--out", out.to_str().unwrap()],
        b"",
    );
    assert!(trained.status.success(), "{}", String::from_utf8_lossy(&trained.stderr));
    let dev = data.join("hipe2020.fr.dev.conll");
    let scored = newslens(&["eval", dev.to_str().unwrap(), "--model", out.to_str().unwrap(), "--json"], b"");
    let _ = std::fs::remove_file(&out);
    assert!(scored.status.success(), "{}", String::from_utf8_lossy(&scored.stderr));
    let scores: serde_json::Value = serde_json::from_slice(&scored.stdout).unwrap();
    let f1 = scores["PER+LOC+ORG"]["f"].as_f64().unwrap();
    // 300 sentences per corpus and two passes: far from the shipped model,
    // far above a model that learned nothing.
    assert!(f1 > 0.25, "tiny model F1 {f1}");
}

#[test]
fn test_files_are_never_read_for_training() {
    let data = shared_dir().join("data/ner");
    let out = newslens(&["train", "--lang", "fr", "--data", data.to_str().unwrap(), "--corpus", "hipe2020.fr.test.conll", "--out", "/dev/null"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("test files are for reporting only"));
    let dev = newslens(&["train", "--lang", "fr", "--data", data.to_str().unwrap(), "--dev", "wikineural.fr.test.conll", "--out", "/dev/null"], b"");
    assert!(!dev.status.success());
}
