//! The `newslens` command line: entities for piles of articles, and a
//! coloured view of one.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
