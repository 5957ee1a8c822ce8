//! Compiles the built-in gazetteers into the table the crate reads where it
//! lies (`src/model/lexicon/phrases.rs`, included here with the tokenizer
//! and the hash it needs), so that building an extractor costs no work on
//! their 120,000 lines: the wasm engine starts that much sooner. Lists the
//! models in `models/` (`<lang>.bin`) for the native build to compile in:
//! a language's model is added by adding its file, with no change to code.
//! Compiles the words of dates and quantities of each language
//! (`models/dates/<lang>.txt`) into the tables `src/dates_quantities` reads.

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
    for path in ["build.rs", "models", "models/dates", "models/gazetteers", "src/model/lexicon/phrases.rs", "src/model/hash.rs", "src/text"] {
        println!("cargo::rerun-if-changed={path}");
    }
    let table = phrases::compile(phrases::GAZETTEERS).unwrap_or_else(|e| panic!("{e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteers.bin"), table).expect("OUT_DIR is writable");
    std::fs::write(out.join("builtin_models.rs"), builtin_models()).expect("OUT_DIR is writable");
    std::fs::write(out.join("date_words.rs"), date_words().unwrap_or_else(|e| panic!("{e}"))).expect("OUT_DIR is writable");
}

/// The files of `folder` (from the crate's folder) ending in `.<ext>`, as
/// (stem, path), by stem.
fn files_of(folder: &str, ext: &str) -> Vec<(String, std::path::PathBuf)> {
    let dir = std::path::Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p)))
        .collect();
    files.sort();
    files
}

/// The fields of a dates file (`dates_quantities::words::Words`), in order:
/// lists of words, but for the two yes/no fields and the phrases.
const DATE_FIELDS: &[&str] = &[
    "weekdays",
    "months",
    "ambiguous_months",
    "lone_ambiguous_month_in_lower_case",
    "day_suffixes",
    "day_dot",
    "date_links",
    "relative_days",
    "time_words",
    "hour_words",
    "time_cues",
    "year_cues",
    "decade_words",
    "decade_suffixes",
    "multipliers",
    "currencies",
    "currency_links",
    "percent_words",
    "label_words",
];

/// `&[(code, Words { .. })]` for every `models/dates/<code>.txt`.
fn date_words() -> Result<String, String> {
    let mut tables = Vec::new();
    for (code, path) in files_of("models/dates", "txt") {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut fields = std::collections::BTreeMap::new();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
            let at = format!("{}:{}", path.display(), n + 1);
            let (name, words) = line.split_once(':').ok_or_else(|| format!("{at}: expected `field: words`"))?;
            if !DATE_FIELDS.contains(&name) {
                return Err(format!("{at}: unknown field {name:?}"));
            }
            let words: Vec<&str> = words.split_whitespace().collect();
            let value = match name {
                "lone_ambiguous_month_in_lower_case" | "day_dot" => match words.as_slice() {
                    ["yes"] => "true".to_string(),
                    ["no"] => "false".to_string(),
                    _ => return Err(format!("{at}: {name} is yes or no")),
                },
                "percent_words" => {
                    let phrases: Vec<String> = words.split(|w| *w == "|").map(|p| format!("&{p:?}")).collect();
                    format!("&[{}]", phrases.join(", "))
                }
                _ => format!("&{words:?}"),
            };
            if fields.insert(name, value).is_some() {
                return Err(format!("{at}: {name} given twice"));
            }
        }
        let body: Vec<String> = DATE_FIELDS
            .iter()
            .map(|f| fields.get(f).map(|v| format!("{f}: {v}")).ok_or_else(|| format!("{}: no {f}", path.display())))
            .collect::<Result<_, _>>()?;
        tables.push(format!("({code:?}, Words {{ {} }})", body.join(", ")));
    }
    Ok(format!("&[{}]", tables.join(",\n")))
}

/// `&[(code, bytes)]` for every `models/<code>.bin`, by code.
fn builtin_models() -> String {
    let models = files_of("models", "bin");
    let entries: Vec<String> = models.iter().map(|(code, path)| format!("({code:?}, include_bytes!({:?}))", path.display().to_string())).collect();
    format!("&[{}]", entries.join(", "))
}
