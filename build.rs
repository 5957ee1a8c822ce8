//! Compiles the built-in gazetteers into the table the crate reads where it
//! lies (`src/model/lexicon/phrases.rs`, included here with the tokenizer
//! and the hash it needs), so that building an extractor costs no work on
//! their 120,000 lines: the wasm engine starts that much sooner.

#[allow(dead_code)]
#[path = "src/model/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/model/lexicon/phrases.rs"]
mod phrases;
#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;
/// `phrases` names the hash by its path in the crate.
mod model {
    pub(crate) use super::hash;
}

fn main() {
    for path in ["build.rs", "models/gazetteers", "src/model/lexicon/phrases.rs", "src/model/hash.rs", "src/text"] {
        println!("cargo::rerun-if-changed={path}");
    }
    let table = phrases::compile(phrases::GAZETTEERS).unwrap_or_else(|e| panic!("{e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteers.bin"), table).expect("OUT_DIR is writable");
}
