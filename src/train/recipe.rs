//! A language's training recipe, read from `models/recipes/<lang>.toml`:
//! which corpora and how much of each, the development file watched, the
//! word knowledge and the second stage. A language is data: adding one is a
//! recipe file and the corpora it names, not code.

use super::{Source, TrainError};
use crate::entity::Label;
use crate::lang::Lang;
use serde::Deserialize;
use std::path::Path;

/// The folder of recipes, relative to the crate's folder (where training
/// runs, as the recipes' own paths are).
pub const RECIPES: &str = "models/recipes";

/// How the second stage learns (`stacking`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    /// The corpora of the recipe (their files) whose documents it learns
    /// from.
    pub corpora: Vec<String>,
    /// Folds of the jackknife.
    pub folds: usize,
}

/// What a language's model is trained from.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    /// The labelled corpora.
    #[serde(rename = "source")]
    pub sources: Vec<Source>,
    /// The development file watched during training.
    pub dev: String,
    /// Corpora whose text alone (never their labels) also feeds the word
    /// table: capitalisation priors and word classes.
    #[serde(default)]
    pub text: Vec<String>,
    /// Raw news (`raw_news`) a first model reads to give words their news
    /// prior (`news_priors`), then the model is trained again with them.
    pub news: Option<String>,
    /// The ids of the articles (one a line) the raw news never gives: the
    /// annotated ones, held out or trained on, so that every word's prior
    /// comes from articles the model has not seen the labels of.
    pub news_skips: Option<String>,
    /// The second stage, if the model has one.
    pub stack: Option<Stack>,
    /// The named types the model reports: all four are learned, but a type
    /// the model cannot tell well on news is not shown to readers.
    #[serde(deserialize_with = "labels")]
    pub reported: Vec<Label>,
    /// The table of what large modern corpora say of words (see
    /// `models/words/`), relative to the crate's folder.
    pub web_words: Option<String>,
    /// Features whose averaged weights all stay under this are dropped:
    /// the model's size against its scores (models/MODEL_CARD.md).
    pub min_weight: f32,
}

fn labels<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Label>, D::Error> {
    Vec::<String>::deserialize(d)?.iter().map(|s| s.parse().map_err(serde::de::Error::custom)).collect()
}

impl Recipe {
    /// The recipe of `lang`, from `folder` (usually [`RECIPES`]).
    ///
    /// # Errors
    ///
    /// When the language has no recipe file, or it does not parse (the
    /// message names the file, the line and the field).
    pub fn load(folder: &Path, lang: Lang) -> Result<Recipe, TrainError> {
        let path = folder.join(format!("{}.toml", lang.code()));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(TrainError::options(format!("no training recipe for language {lang} ({} is missing)", path.display())))
            }
            Err(e) => return Err(TrainError::read(&path, e)),
        };
        Recipe::parse(&text).map_err(|e| TrainError::options(format!("{}: {e}", path.display())))
    }

    /// Parses a recipe file's text.
    ///
    /// # Errors
    ///
    /// When it is not a recipe; the message says where and why.
    pub fn parse(text: &str) -> Result<Recipe, String> {
        let recipe: Recipe = toml::from_str(text).map_err(|e| e.to_string())?;
        if recipe.sources.is_empty() {
            return Err("a recipe needs at least one [[source]]".into());
        }
        if let Some(stack) = &recipe.stack {
            if let Some(missing) = stack.corpora.iter().find(|c| !recipe.sources.iter().any(|s| &s.file == *c)) {
                return Err(format!("[stack] names {missing:?}, which is no [[source]] of the recipe"));
            }
            if stack.folds < 2 {
                return Err("[stack] needs 2 folds or more".into());
            }
        }
        Ok(recipe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stems of the files of `dir` ending in `.<ext>`, sorted.
    fn stems(dir: &Path, ext: &str) -> Vec<String> {
        let mut found: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        found.sort();
        found
    }

    /// Every shipped recipe parses, names no test file, and its second
    /// stage learns from its own corpora.
    #[test]
    fn shipped_recipes_parse() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(RECIPES);
        let files = stems(&folder, "toml");
        assert!(files.len() >= 2, "recipes in {}", folder.display());
        for file in files.iter().map(|stem| folder.join(format!("{stem}.toml"))) {
            let recipe = Recipe::parse(&std::fs::read_to_string(&file).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            for name in recipe.sources.iter().map(|s| s.file.as_str()).chain([recipe.dev.as_str()]).chain(recipe.text.iter().map(String::as_str)) {
                assert!(!name.contains(".test."), "{}: {name}", file.display());
            }
        }
    }

    /// A language is its model, the recipe that trains it and its dates
    /// file: none without the others.
    #[test]
    fn every_model_has_its_recipe_and_dates() {
        let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
        let languages = stems(&models, "bin");
        assert!(languages.len() >= 5, "{languages:?}");
        assert_eq!(stems(&models.join("recipes"), "toml"), languages);
        assert_eq!(stems(&models.join("dates"), "txt"), languages);
    }

    #[test]
    fn bad_recipes_say_why() {
        let cases: &[(&str, &str, &str)] = &[
            ("no source", "dev = \"d.conll\"\nreported = [\"PER\"]\nmin_weight = 1.0\n", "missing field `source`"),
            ("empty sources", "source = []\ndev = \"d.conll\"\nreported = [\"PER\"]\nmin_weight = 1.0\n", "at least one"),
            ("unknown label", "dev = \"d\"\nreported = [\"PERSON\"]\nmin_weight = 1.0\n[[source]]\nfile = \"a.conll\"\n", "unknown label"),
            ("unknown field", "dev = \"d\"\nreported = []\nmin_weight = 1.0\nepochs = 3\n[[source]]\nfile = \"a.conll\"\n", "unknown field `epochs`"),
            (
                "stack on a stranger",
                "dev = \"d\"\nreported = []\nmin_weight = 1.0\n[[source]]\nfile = \"a.conll\"\n[stack]\ncorpora = [\"b.conll\"]\nfolds = 4\n",
                "no [[source]]",
            ),
        ];
        for (name, text, expected) in cases {
            let error = Recipe::parse(text).expect_err(name);
            assert!(error.contains(expected), "{name}: {error}");
        }
    }

    #[test]
    fn a_source_defaults_to_once_with_misc() {
        let recipe = Recipe::parse("dev = \"d\"\nreported = [\"PER\", \"MISC\"]\nmin_weight = 1.0\n[[source]]\nfile = \"a.conll\"\n").unwrap();
        assert_eq!((recipe.sources[0].share, recipe.sources[0].misc_annotated), (1.0, true));
        assert_eq!(recipe.reported, [Label::Per, Label::Misc]);
    }
}
