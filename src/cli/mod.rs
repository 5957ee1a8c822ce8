//! Commands, their arguments, and what they share.

mod extract;
mod highlight;
mod input_line;
mod progress;
mod train;

use clap::{Parser, Subcommand};
use newslens::{Error, Extractor, Lang};
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

/// Builds the extractor every command needs, with a message that says
/// what failed.
fn extractor() -> Result<Extractor, String> {
    Extractor::new().map_err(|e| format!("cannot load the models: {e}"))
}

/// Parses a `--lang` value for clap.
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).map_err(|e: Error| e.to_string())
}
