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

/// A scratch folder of this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("newslens-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn test_files_are_never_read_for_training() {
    let data = shared_dir().join("data/ner");
    let dir = scratch("guard");
    let model = dir.join("m.bin");
    let test = data.join("hipe2020.fr.test.conll");
    // Disguised: another case, a bare name, a link, a renamed copy.
    std::fs::copy(&test, dir.join("small.fr.TEST.conll")).unwrap();
    std::fs::copy(&test, dir.join("test.conll")).unwrap();
    std::fs::copy(&test, dir.join("renamed.fr.train.conll")).unwrap();
    let _ = std::fs::remove_file(dir.join("linked.fr.train.conll"));
    std::os::unix::fs::symlink(&test, dir.join("linked.fr.train.conll")).unwrap();
    let under = |data: &std::path::Path, flag: &str, file: &str| {
        newslens(&["train", "--lang", "fr", "--data", data.to_str().unwrap(), flag, file, "--out", model.to_str().unwrap()], b"")
    };
    let cases = [
        (under(&data, "--corpus", "hipe2020.fr.test.conll"), "named"),
        (under(&data, "--dev", "wikineural.fr.test.conll"), "as the development file"),
        (under(&data, "--corpus", "corpus/fr-news/orangesum-ner.fr.test.jsonl"), "the news corpus's held-out split"),
        (under(&dir, "--corpus", "small.fr.TEST.conll"), "in capitals"),
        (under(&dir, "--corpus", "test.conll"), "named test.conll"),
        (under(&dir, "--corpus", "renamed.fr.train.conll"), "renamed"),
        (under(&dir, "--corpus", "linked.fr.train.conll"), "through a link"),
    ];
    for (out, case) in cases {
        assert!(!out.status.success(), "{case}");
        assert!(stderr_of(&out).contains("test files are for reporting only"), "{case}: {}", stderr_of(&out));
    }
    assert!(!model.exists(), "no model written");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn training_and_scoring_refuse_what_cannot_work() {
    let dir = scratch("refuse");
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).unwrap();
        name.to_string()
    };
    let three = write("three.fr.dev.conll", "Paris\tNNP\tB-LOC\n");
    let person = write("person.fr.dev.conll", "Jean\tB-PERSON\n");
    let odd = write("odd.fr.dev.conll", "Jean\tX-PER\n");
    let empty = write("empty.fr.dev.conll", "");
    let good = write("good.fr.dev.conll", "Jean\tB-PER\nvit\tO\n");
    let model = dir.join("m.bin");
    let train = |extra: &[&str]| {
        let base = ["train", "--lang", "fr", "--data", dir.to_str().unwrap(), "--dev", &good, "--out", model.to_str().unwrap()];
        newslens(&[&base[..], extra].concat(), b"")
    };
    let cases: Vec<(std::process::Output, &str)> = vec![
        (train(&["--corpus", &three]), "2 columns"),
        (train(&["--corpus", &person]), "\"B-PERSON\""),
        (train(&["--corpus", &odd]), "\"X-PER\""),
        (train(&["--corpus", &empty]), "no sentence"),
        (train(&["--corpus", &good, "--epochs", "0"]), "--epochs"),
        (newslens(&["train", "--lang", "fr", "--out", "/nonexistent-folder/m.bin"], b""), "cannot write /nonexistent-folder/m.bin"),
        (newslens(&["eval", dir.join(&empty).to_str().unwrap()], b""), "no sentence"),
        (newslens(&["eval", dir.join(&good).to_str().unwrap(), "--lang", "it"], b""), "no model for language it"),
        (newslens(&["eval", dir.to_str().unwrap()], b""), "is a folder"),
    ];
    for (out, why) in cases {
        assert!(!out.status.success(), "{why}");
        assert!(stderr_of(&out).contains(why), "want {why:?} in: {}", stderr_of(&out));
    }
    assert!(!model.exists(), "no model written");
    let _ = std::fs::remove_dir_all(dir);
}
