//! Properties that hold for any text: no panic, entities sorted, disjoint,
//! on character boundaries, within the text, of a known label and of
//! bounded length; offsets in UTF-16 and code points that agree with what
//! JavaScript and Python count; a summary built for any extraction. The
//! stable tier of the fuzzing that `fuzz/` runs with libFuzzer.
//!
//! `PROPTEST_CASES=N` runs N cases per property (CI uses the default).
#![cfg(not(target_arch = "wasm32"))]

use newslens::offsets::{OffsetMapper, Unit};
use newslens::{Extractor, Label, Lang, Summary};
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("built-in models load"))
}

/// Text that news, and hostile input, are made of: names, particles,
/// numbers and dates, punctuation that tokenisation treats specially,
/// control characters, astral and combining characters, repeats.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Paris".to_string()),
        Just("Emmanuel Macron".to_string()),
        Just("l’ONU".to_string()),
        Just("Laure de la Raudière".to_string()),
        Just("U.S.".to_string()),
        Just("A.".to_string()),
        Just("Europ’Assistance".to_string()),
        Just("(CNIL)".to_string()),
        Just("Canal+".to_string()),
        Just("12 %".to_string()),
        Just("1 500".to_string()),
        Just("18 décembre 2019".to_string()),
        Just("M’Jid".to_string()),
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        "[ .,;:!?'’«»()\\-]{1,3}",
        "[A-ZÉ][a-zé]{0,8}",
        "[a-z]{1,8}",
        "[0-9]{1,5}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

fn check(text: &str, lang: Option<Lang>) -> Result<(), TestCaseError> {
    let found = match lang {
        Some(lang) => extractor().extract_as(text, lang),
        None => extractor().extract(text),
    };
    let mut utf16 = OffsetMapper::new(text, Unit::Utf16);
    let mut chars = OffsetMapper::new(text, Unit::CodePoint);
    let mut last_end = 0;
    for e in &found.entities {
        prop_assert!(e.start < e.end && e.end <= text.len(), "{e:?} out of bounds");
        prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{e:?} splits a character");
        prop_assert!(e.start >= last_end, "{e:?} overlaps or comes before the previous entity");
        prop_assert!(Label::ALL.contains(&e.label));
        prop_assert!(e.end - e.start <= 256 || !e.label.is_name(), "{e:?} is longer than any name");
        prop_assert_eq!(utf16.convert(e.start), text[..e.start].encode_utf16().count());
        prop_assert_eq!(chars.convert(e.end), text[..e.end].chars().count());
        last_end = e.end;
    }
    let summary = Summary::from_extraction(text, &found);
    prop_assert_eq!(&summary, &Summary::new(text, &found.entities), "the extraction's tokens give the summary a second tokenisation gives");
    for g in &summary.groups {
        prop_assert!(g.mentions.iter().all(|&m| m < found.entities.len()));
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_text_gives_sound_entities(text in newsy_text()) {
        check(&text, None)?;
    }

    #[test]
    fn any_text_read_as_french_or_english(text in newsy_text(), french in any::<bool>()) {
        check(&text, Some(if french { Lang::FR } else { Lang::EN }))?;
    }

    #[test]
    fn any_unicode_at_all(text in any::<String>()) {
        check(&text, Some(Lang::FR))?;
    }
}
