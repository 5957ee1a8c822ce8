//! Any bytes, read as text (lossily, as the command line and the browser
//! receive it), through extraction in every language and the summary: no
//! panic, and every entity sound (sorted, disjoint, on character
//! boundaries, within the text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::{Extractor, Lang, Summary};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("built-in models load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for found in [extractor().extract(&text), extractor().extract_as(&text, Lang::FR), extractor().extract_as(&text, Lang::EN)] {
        let mut last_end = 0;
        for e in &found.entities {
            assert!(e.start >= last_end && e.start < e.end && e.end <= text.len(), "{e:?}");
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{e:?}");
            last_end = e.end;
        }
        assert_eq!(Summary::from_extraction(&text, &found), Summary::new(&text, &found.entities));
    }
});
