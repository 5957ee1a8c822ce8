//! The command-line contract that tests, benchmarks and other tools rely
//! on: `newslens extract` answers one line per line, in order, with
//! code-point offsets, and reports bad lines without stopping.

mod common;

use common::{json_lines, newslens};
use serde_json::{json, Value};

/// Runs `extract` on one input line and returns the output line.
fn extract_one(args: &[&str], line: &[u8]) -> (Value, bool) {
    let mut input = line.to_vec();
    input.push(b'\n');
    let out = newslens(&[&["extract"], args].concat(), &input);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "one line in, one line out");
    (lines[0].clone(), out.status.success())
}

#[test]
fn bad_lines_get_an_error_and_a_failing_status() {
    let cases: &[(&str, &[u8], Value)] = &[
        ("not json", b"{oops", Value::Null),
        ("empty line", b"", Value::Null),
        ("not an object", b"[1, 2]", Value::Null),
        ("missing text", br#"{"id": "a1"}"#, json!("a1")),
        ("text not a string", br#"{"id": "a2", "text": 42}"#, json!("a2")),
        ("unknown lang", br#"{"id": "a3", "text": "x", "lang": "xx"}"#, json!("a3")),
        ("invalid utf-8, its id kept", b"{\"id\": \"a4\", \"text\": \"\xff\"}", json!("a4")),
        ("lang not a string", br#"{"id": "a5", "text": "x", "lang": 5}"#, json!("a5")),
    ];
    for (name, line, id) in cases {
        let (out, ok) = extract_one(&[], line);
        assert!(!ok, "case {name}: exit status should be non-zero");
        assert_eq!(out["id"], *id, "case {name}: {out}");
        let error = out["error"].as_str().unwrap_or_else(|| panic!("case {name}: no error in {out}"));
        assert!(!error.is_empty(), "case {name}");
        assert!(out.get("entities").is_none(), "case {name}");
    }
}

#[test]
fn errors_name_the_field_at_fault() {
    let (out, _) = extract_one(&[], br#"{"id": "a", "text": "x", "lang": 5}"#);
    assert!(out["error"].as_str().unwrap().contains("\"lang\""), "{out}");
    let (out, _) = extract_one(&[], br#"{"id": "a", "text": 5}"#);
    assert!(out["error"].as_str().unwrap().contains("\"text\""), "{out}");
}

#[test]
fn what_json_allows_is_read() {
    // A byte-order mark before the first line; a lone surrogate escape
    // (Python's json.dumps writes them for broken text) read as U+FFFD, as
    // the wasm side reads it; an empty "lang" means "detect".
    let cases: &[(&str, &[u8], &str)] = &[
        ("byte-order mark", b"\xef\xbb\xbf{\"id\": \"b\", \"text\": \"Paris\"}", "Paris"),
        ("lone surrogate", br#"{"id": "s", "text": "Paris \ud800 Lyon"}"#, "Lyon"),
        ("empty lang", br#"{"id": "e", "text": "The president arrived in Paris on Monday.", "lang": ""}"#, "Paris"),
    ];
    for (name, line, name_found) in cases {
        let (out, ok) = extract_one(&[], line);
        assert!(ok, "case {name}: {out}");
        let texts: Vec<&str> = out["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
        assert!(texts.contains(name_found), "case {name}: {out}");
    }
}

/// `newslens extract` running, with its stdin and stdout at hand.
fn spawn_extract() -> (std::process::Child, std::process::ChildStdin, std::io::BufReader<std::process::ChildStdout>) {
    use std::process::{Command, Stdio};
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_newslens")).arg("extract").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let input = child.stdin.take().unwrap();
    let output = std::io::BufReader::new(child.stdout.take().unwrap());
    (child, input, output)
}

#[test]
fn each_answer_comes_before_the_next_line_is_sent() {
    use std::io::{BufRead, Write};
    let (mut child, mut input, mut output) = spawn_extract();
    // Each answer is read while stdin stays open: an answer held in a
    // buffer would block this test (a caller waiting on it deadlocks).
    for id in ["first", "second"] {
        writeln!(input, r#"{{"id": "{id}", "text": "Paris"}}"#).unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        output.read_line(&mut line).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&line).unwrap()["id"], id);
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_reader_that_stops_is_no_error() {
    use std::io::{BufRead, Write};
    let (child, mut input, mut output) = spawn_extract();
    writeln!(input, r#"{{"id": "one", "text": "Paris"}}"#).unwrap();
    let mut line = String::new();
    output.read_line(&mut line).unwrap();
    // As "| head -1" does: the reader goes, then more lines come.
    drop(output);
    for _ in 0..1000 {
        if writeln!(input, r#"{{"id": "more", "text": "Paris"}}"#).is_err() {
            break;
        }
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn one_line_out_per_line_in_in_order_and_going_on_after_errors() {
    let input = concat!(
        "{\"id\": \"one\", \"text\": \"Le président est arrivé à Paris jeudi.\"}\n",
        "garbage\n",
        "{\"id\": \"three\", \"text\": \"The army entered Syria on Monday.\"}\n",
        "{\"id\": \"four\", \"text\": \"\"}\n",
    );
    let out = newslens(&["extract"], input.as_bytes());
    assert!(!out.status.success());
    let lines = json_lines(&out);
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, [&json!("one"), &Value::Null, &json!("three"), &json!("four")]);
    assert_eq!(lines[0]["lang"], "fr");
    assert_eq!(lines[2]["lang"], "en");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[3]["entities"], json!([]));
}

#[test]
fn offsets_count_code_points() {
    let text = "😀 Émeute : l’armée est entrée jeudi en Syrie 🇫🇷.";
    let line = serde_json::to_vec(&json!({"id": "u", "text": text})).unwrap();
    let (out, ok) = extract_one(&[], &line);
    assert!(ok, "{out}");
    let chars: Vec<char> = text.chars().collect();
    let entities = out["entities"].as_array().unwrap();
    assert!(entities.iter().any(|e| e["text"] == "Syrie" && e["label"] == "LOC"), "{out}");
    for e in entities {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        let sliced: String = chars[s..t].iter().collect();
        assert_eq!(sliced, e["text"].as_str().unwrap());
    }
    let syria = entities.iter().find(|e| e["text"] == "Syrie").unwrap();
    assert_eq!(syria["start"], 39, "the emoji counts as one code point");
}

#[test]
fn language_comes_from_flag_then_line_then_detection() {
    let line = br#"{"id": "l", "text": "Les forces ont repris la ville de Mossoul jeudi.", "lang": "en"}"#;
    assert_eq!(extract_one(&[], line).0["lang"], "en");
    assert_eq!(extract_one(&["--lang", "fr"], line).0["lang"], "fr");
    let detected = br#"{"id": "l", "text": "Les forces ont repris la ville de Mossoul jeudi."}"#;
    assert_eq!(extract_one(&[], detected).0["lang"], "fr");
}

#[test]
fn unsupported_language_says_so() {
    let line = r#"{"id": "it", "text": "Il governo ha deciso giovedì a Roma di prolungare gli aiuti alle imprese colpite dalla crisi."}"#;
    let (out, ok) = extract_one(&[], line.as_bytes());
    assert!(ok);
    assert_eq!((&out["lang"], &out["status"], &out["entities"]), (&json!("it"), &json!("language not supported"), &json!([])));
}

/// German, Spanish and Dutch are told and read, dates and figures too.
#[test]
fn german_spanish_and_dutch_are_read() {
    // The input line, the language told, entities (text, label) among those found.
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            r#"{"id": "de", "text": "Die Bundesregierung hat am Donnerstag in Berlin beschlossen, die Hilfen um 3,5 Millionen Euro zu erhöhen, sagte Olaf Scholz."}"#,
            "de",
            &[("Donnerstag", "DATE"), ("Berlin", "LOC"), ("3,5 Millionen Euro", "NUM"), ("Olaf Scholz", "PER")],
        ),
        (
            r#"{"id": "es", "text": "El Gobierno aprobó el 3 de octubre de 2019 en Madrid una ayuda de 3,5 millones de euros, según anunció Pedro Sánchez."}"#,
            "es",
            &[("3 de octubre de 2019", "DATE"), ("Madrid", "LOC"), ("3,5 millones de euros", "NUM"), ("Pedro Sánchez", "PER")],
        ),
        (
            r#"{"id": "nl", "text": "Het kabinet heeft op 3 oktober 2019 in Den Haag besloten de steun met 3,5 miljoen euro te verhogen, zei Mark Rutte."}"#,
            "nl",
            &[("3 oktober 2019", "DATE"), ("Den Haag", "LOC"), ("3,5 miljoen euro", "NUM"), ("Mark Rutte", "PER")],
        ),
    ];
    for &(line, lang, expected) in cases {
        let (out, ok) = extract_one(&[], line.as_bytes());
        assert!(ok);
        assert_eq!((&out["lang"], &out["status"]), (&json!(lang), &json!(null)), "{lang}: read, no status to say");
        let found: Vec<(&str, &str)> =
            out["entities"].as_array().unwrap().iter().map(|e| (e["text"].as_str().unwrap(), e["label"].as_str().unwrap())).collect();
        for want in expected {
            assert!(found.contains(want), "{lang}: {want:?} not in {found:?}");
        }
    }
}

#[test]
fn quiet_on_stderr_when_piped() {
    let out = newslens(&["extract"], b"{\"id\": \"q\", \"text\": \"Paris.\"}\n");
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn bad_flag_is_a_usage_error() {
    let out = newslens(&["extract", "--lang", "klingon"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language code"));
}

#[test]
fn every_command_has_help() {
    for args in [&["--help"][..], &["extract", "--help"], &["highlight", "--help"], &["help", "extract"]] {
        let out = newslens(args, b"");
        assert!(out.status.success(), "{args:?}");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Usage: newslens"), "{args:?}: {help}");
    }
}

#[test]
fn highlight_reads_stdin_and_marks_entities_when_piped() {
    let out = newslens(&["highlight", "-"], "Les troupes sont entrées en Syrie jeudi.".as_bytes());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[Syrie|LOC]") && text.contains("[jeudi|DATE]"), "{text}");
    assert!(text.contains("Places\n  Syrie ×1 · salience"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when piped");
}

#[test]
fn highlight_refuses_what_it_cannot_read() {
    let missing = newslens(&["highlight", "/nonexistent/article.txt"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/article.txt"));
    let binary = newslens(&["highlight", "-"], b"caf\xe9");
    assert_eq!(binary.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&binary.stderr).contains("not UTF-8 text (invalid byte at offset 3)"));
}

#[test]
fn a_lexicon_file_corrects_every_text_and_a_bad_one_is_refused_whole() {
    let dir = std::env::temp_dir().join(format!("newslens-cli-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let line = br#"{"id": 1, "text": "Orange a recrut\u00e9 \u00e0 Rennes, selon l'AFP.", "lang": "fr"}"#;
    let labels = |out: &Value| -> Vec<String> {
        out["entities"].as_array().unwrap().iter().map(|e| format!("{}|{}", e["text"].as_str().unwrap(), e["label"].as_str().unwrap())).collect()
    };
    let corrections = json!([{"name": "Orange", "lang": "fr", "type": "ORG"}, {"name": "AFP", "type": "none"}, {"name": "Rennes", "type": "MISC"}]);
    // The extension's export, whose other parts the command line leaves, and
    // the corrections alone.
    for (name, content) in [("export", json!({"corrections": corrections, "stars": [], "memory": {}})), ("array", corrections.clone())] {
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, content.to_string()).unwrap();
        let (out, ok) = extract_one(&["--lexicon", file.to_str().unwrap()], line);
        assert!(ok, "{name}: {out}");
        assert_eq!(labels(&out), ["Orange|ORG", "Rennes|MISC"], "{name}");
    }
    let cases = [
        ("not json", "{oops".to_string(), "not a lexicon"),
        ("a field unknown", json!([{"name": "X", "kind": "PER"}]).to_string(), "unknown field `kind`"),
        (
            "markup",
            json!([{"name": "Orange", "type": "ORG"}, {"name": "<i>X</i>", "type": "PER"}]).to_string(),
            "correction 2 (\"<i>X</i>\"): a name holds markup",
        ),
        ("a type unknown", json!([{"name": "X", "type": "CITY"}]).to_string(), "unknown type \"CITY\""),
    ];
    for (name, content, message) in cases {
        let file = dir.join("bad.json");
        std::fs::write(&file, content).unwrap();
        let out = newslens(&["extract", "--lexicon", file.to_str().unwrap()], line);
        assert!(!out.status.success(), "{name}");
        assert!(out.stdout.is_empty(), "{name}: nothing read with a bad lexicon");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("bad.json") && stderr.contains(message), "{name}: {stderr}");
    }
    let out = newslens(&["extract", "--lexicon", dir.join("missing.json").to_str().unwrap()], line);
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"), "a missing file");
    std::fs::remove_dir_all(&dir).unwrap();
}
