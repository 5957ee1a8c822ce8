//! Commands, their arguments, and what they share.

mod extract;
mod highlight;
mod input_line;
mod progress;
mod train;

use clap::{Parser, Subcommand};
use newslens::{Correction, Error, Extractor, Lang, Lexicon};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// On-device named entities for news articles: people, places,
/// organisations, dates and figures, in French, English, German, Spanish
/// and Dutch.
#[derive(Parser)]
#[command(name = "newslens", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(extract::Args),
    Highlight(highlight::Args),
    Train(train::TrainArgs),
    Eval(train::EvalArgs),
}

/// Parses the arguments and runs the command; usage errors exit with 2,
/// failed work with 1.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Highlight(args) => highlight::run(args),
        Command::Train(args) => train::run_train(args),
        Command::Eval(args) => train::run_eval(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newslens: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the extractor every command needs, with the reader's lexicon if
/// one is given, and a message that says what failed.
fn extractor(lexicon: Option<&Path>) -> Result<Extractor, String> {
    let mut extractor = Extractor::new().map_err(|e| format!("cannot load the models: {e}"))?;
    if let Some(path) = lexicon {
        extractor.set_lexicon(read_lexicon(path)?);
    }
    Ok(extractor)
}

/// The `--lexicon` option of the commands that read texts.
#[derive(clap::Args)]
struct LexiconArg {
    /// Apply the reader's corrections in this JSON file: the extension's
    /// export (its "corrections"), or an array of corrections such as
    /// [{"name": "Orange", "lang": "fr", "type": "ORG"}, {"name": "Premier",
    /// "type": "none"}, {"name": "Macron", "same_as": "Emmanuel Macron"}].
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

/// What a lexicon file holds: an export of the extension's options page
/// (whose other parts are not the command line's), or corrections alone.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum LexiconFile {
    Export { corrections: Vec<Correction> },
    Corrections(Vec<Correction>),
}

/// Reads and checks a lexicon file; the message names the file and what is
/// wrong in it.
fn read_lexicon(path: &Path) -> Result<Lexicon, String> {
    let at = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let corrections = match serde_json::from_slice::<LexiconFile>(&bytes) {
        Ok(LexiconFile::Export { corrections } | LexiconFile::Corrections(corrections)) => corrections,
        // The untagged enum's own error says nothing of where: read the
        // corrections alone again for a message with a line and column.
        Err(_) => match serde_json::from_slice::<Vec<Correction>>(&bytes) {
            Ok(corrections) => corrections,
            Err(e) => return Err(at(&format!("not a lexicon (an array of corrections or an export with \"corrections\"): {e}"))),
        },
    };
    Lexicon::new(&corrections).map_err(|e| at(&e))
}

/// Parses a `--lang` value for clap.
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).map_err(|e: Error| e.to_string())
}
