//! The WebAssembly boundary, run in Node by wasm-bindgen-test-runner:
//! offsets must count UTF-16 code units, as JavaScript strings do.
//!
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_offsets`
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use newslens::Newslens;
use serde::Deserialize;
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Deserialize, Debug)]
struct Analysis {
    lang: String,
    status: String,
    entities: Vec<Entity>,
    summary: Vec<Group>,
}

#[derive(Deserialize, Debug)]
struct Entity {
    start: u32,
    end: u32,
    label: String,
    text: String,
}

#[derive(Deserialize, Debug)]
struct Group {
    label: String,
    name: String,
    count: usize,
    mentions: Vec<usize>,
}

/// An extractor with both models, as the extension loads them.
fn newslens() -> Newslens {
    let mut n = Newslens::new().unwrap();
    n.add_model("fr", include_bytes!("../models/fr.bin")).unwrap();
    n.add_model("en", include_bytes!("../models/en.bin")).unwrap();
    n
}

fn analyze(text: &str, lang: Option<&str>) -> Analysis {
    let value = newslens().analyze(text, lang.map(String::from)).unwrap();
    serde_wasm_bindgen::from_value(value).unwrap()
}

/// The UTF-16 offset of the `nth` occurrence of `needle` in `text`,
/// counted independently of the crate's own conversion.
fn utf16_find(text: &str, needle: &str, nth: usize) -> u32 {
    let (byte, _) = text.match_indices(needle).nth(nth).expect("needle present");
    text[..byte].encode_utf16().count() as u32
}

#[wasm_bindgen_test]
fn offsets_count_utf16_units_past_accents_and_emoji() {
    let text = "😀 Émeute à Montréal 🇫🇷 : l’armée française est entrée jeudi en Syrie, où 1.500 hommes 🎉 attendaient. Élan à Al-Qaïm.";
    let got = analyze(text, None);
    assert_eq!(got.lang, "fr");
    assert_eq!(got.status, "ok");
    let js = JsString::from(text);
    for e in &got.entities {
        let sliced: String = js.slice(e.start, e.end).into();
        assert_eq!(sliced, e.text, "{e:?}");
    }
    let find = |t: &str| got.entities.iter().find(|e| e.text == t).unwrap_or_else(|| panic!("{t} not found in {:?}", got.entities));
    for (surface, label) in [("Montréal", "LOC"), ("jeudi", "DATE"), ("Syrie", "LOC"), ("1.500", "NUM"), ("Al-Qaïm", "LOC")] {
        let e = find(surface);
        assert_eq!(e.label, label, "{e:?}");
        let start = utf16_find(text, surface, 0);
        assert_eq!((e.start, e.end), (start, start + surface.encode_utf16().count() as u32), "{surface}");
    }
}

#[wasm_bindgen_test]
fn lone_surrogate_keeps_offsets_aligned() {
    // A JavaScript string with an unpaired surrogate: wasm-bindgen hands Rust
    // U+FFFD in its place, one unit for one.
    let js = JsString::from_char_code(&[0xD800, 0x20]).concat(&JsString::from("la Syrie"));
    let text: String = js.clone().into();
    let got = analyze(&text, Some("fr"));
    let e = got.entities.iter().find(|e| e.label == "LOC").expect("Syrie found");
    let sliced: String = js.slice(e.start, e.end).into();
    assert_eq!(sliced, "Syrie");
}

#[wasm_bindgen_test]
fn summary_counts_mentions() {
    let text = "La Syrie et l'Irak. En Syrie, rien.";
    let got = analyze(text, Some("fr"));
    let syria = got.summary.iter().find(|g| g.name == "Syrie").expect("Syrie grouped");
    assert_eq!((syria.label.as_str(), syria.count, syria.mentions.len()), ("LOC", 2, 2));
}

#[wasm_bindgen_test]
fn unknown_language_code_throws() {
    let err = newslens().analyze("texte", Some("xx".into()));
    assert!(err.is_err());
}

#[wasm_bindgen_test]
fn models_load_when_needed() {
    let mut n = Newslens::new().unwrap();
    let text = "Les forces irakiennes ont repris jeudi des bases militaires dans l'ouest de la Syrie, selon l'AFP.";
    assert_eq!(n.languages_needed(text), ["fr"]);
    let before: Analysis = serde_wasm_bindgen::from_value(n.analyze(text, None).unwrap()).unwrap();
    assert_eq!(before.status, "language not supported", "no model loaded yet");
    assert!(n.add_model("en", include_bytes!("../models/fr.bin")).is_err(), "a French model is not an English one");
    assert!(n.add_model("fr", b"not a model").is_err());
    n.add_model("fr", include_bytes!("../models/fr.bin")).unwrap();
    let after: Analysis = serde_wasm_bindgen::from_value(n.analyze(text, None).unwrap()).unwrap();
    assert_eq!(after.status, "ok");
    assert!(after.entities.iter().any(|e| e.text == "Syrie" && e.label == "LOC"), "{:?}", after.entities);
}

#[wasm_bindgen_test]
fn unsupported_language_is_reported_not_guessed() {
    let got = analyze("Die Bundesregierung in Berlin hat am Donnerstag beschlossen, die Hilfen zu verlängern.", None);
    assert_eq!((got.lang.as_str(), got.status.as_str(), got.entities.len()), ("de", "language not supported", 0));
}
