//! `newslens highlight`: one text in the terminal, entities coloured by
//! type, then the summary.

use newslens::{Extraction, Label, Lang, Summary};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Show a text with its entities coloured by type, then each entity with its
/// mention count. When stdout is not a terminal (or with --color never),
/// the output is plain text with entities marked [like this|LOC].
#[derive(clap::Args)]
pub struct Args {
    /// The text file to read, or - for stdin.
    file: PathBuf,
    /// Read the text as this language (ISO 639-1, e.g. fr, en, de, es or nl) instead of
    /// the detected one.
    #[arg(long, value_parser = super::parse_lang)]
    lang: Option<Lang>,
    /// When to colour: auto (when stdout is a terminal and NO_COLOR is
    /// unset), always, or never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    #[command(flatten)]
    lexicon: super::LexiconArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// ANSI colours per label, readable on dark and light backgrounds.
fn style(label: Label) -> &'static str {
    match label {
        Label::Per => "\x1b[1;35m",
        Label::Org => "\x1b[1;36m",
        Label::Loc => "\x1b[1;32m",
        Label::Misc => "\x1b[1;33m",
        Label::Date => "\x1b[1;34m",
        Label::Num => "\x1b[1;31m",
    }
}

const RESET: &str = "\x1b[0m";

fn heading(label: Label) -> &'static str {
    match label {
        Label::Per => "People",
        Label::Org => "Organisations",
        Label::Loc => "Places",
        Label::Misc => "Other",
        Label::Date => "Dates",
        Label::Num => "Figures",
    }
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let text = read_text(&args.file)?;
    let extractor = super::extractor(args.lexicon.lexicon.as_deref())?;
    let found = match args.lang {
        Some(lang) => extractor.extract_as(&text, lang),
        None => extractor.extract(&text),
    };
    let colour = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    render(&text, &found, colour, &mut out).and_then(|()| out.flush()).map_err(|e| format!("cannot write stdout: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn read_text(file: &PathBuf) -> Result<String, String> {
    let mut bytes = Vec::new();
    let (name, read) = if file.as_os_str() == "-" {
        ("stdin".to_string(), std::io::stdin().read_to_end(&mut bytes))
    } else {
        (file.display().to_string(), std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes)))
    };
    read.map_err(|e| format!("cannot read {name}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// Writes the text with its entities marked, then the summary.
fn render(text: &str, found: &Extraction, colour: bool, out: &mut impl Write) -> std::io::Result<()> {
    if colour {
        write!(out, "newslens ({}):", found.lang)?;
        for label in Label::ALL {
            write!(out, " {}{}{RESET}", style(label), label)?;
        }
        writeln!(out, "\n")?;
    }
    let mut at = 0;
    for e in &found.entities {
        write_text(out, &text[at..e.start])?;
        if colour {
            write!(out, "{}", style(e.label))?;
            write_text(out, e.text(text))?;
            write!(out, "{RESET}")?;
        } else {
            write!(out, "[")?;
            write_text(out, e.text(text))?;
            write!(out, "|{}]", e.label)?;
        }
        at = e.end;
    }
    write_text(out, &text[at..])?;
    writeln!(out, "\n")?;
    if found.status != newslens::Status::Ok {
        writeln!(out, "Language {}: {}.", found.lang, found.status.as_str())?;
        return Ok(());
    }
    let summary = Summary::from_extraction(text, found);
    let paint = |label: Label| {
        if colour {
            (style(label), RESET)
        } else {
            ("", "")
        }
    };
    if !summary.brief.is_empty() {
        writeln!(out, "In brief")?;
        for sentence in &summary.brief {
            write!(out, "  ")?;
            write_text(out, &text[sentence.clone()])?;
            writeln!(out)?;
        }
    }
    for label in Label::ALL {
        if label == Label::Num && !summary.figures.is_empty() {
            let (on, off) = paint(label);
            writeln!(out, "{on}Key figures{off}")?;
            for f in &summary.figures {
                write!(out, "  ")?;
                write_text(out, &text[f.phrase.clone()])?;
                writeln!(out)?;
            }
            continue;
        }
        let groups: Vec<_> = summary.of(label).collect();
        if groups.is_empty() {
            continue;
        }
        let (on, off) = paint(label);
        writeln!(out, "{on}{}{off}", heading(label))?;
        for g in groups {
            write!(out, "  ")?;
            write_text(out, &g.name)?;
            if !g.aliases.is_empty() {
                write!(out, " (")?;
                write_text(out, &g.aliases.join(", "))?;
                write!(out, ")")?;
            }
            writeln!(out, " ×{} · salience {:.2}", g.mentions.len(), g.salience)?;
        }
    }
    if summary.left_out > 0 {
        writeln!(out, "Not summarised: {} mentions of names past the first {}.", summary.left_out, Summary::MAX_NAMES)?;
    }
    Ok(())
}

/// Writes text from the document with its control characters (escape
/// sequences that would retitle or clear a terminal, or reach whatever
/// reads the plain output later) shown as U+FFFD, coloured or not; line
/// breaks, tabs and the carriage return of a CRLF stay.
fn write_text(out: &mut impl Write, s: &str) -> std::io::Result<()> {
    let unsafe_at = |(k, c): (usize, char)| c.is_control() && c != '\n' && c != '\t' && !(c == '\r' && s[k + 1..].starts_with('\n'));
    if !s.char_indices().any(unsafe_at) {
        return out.write_all(s.as_bytes());
    }
    let safe: String = s.char_indices().map(|(k, c)| if unsafe_at((k, c)) { '\u{FFFD}' } else { c }).collect();
    out.write_all(safe.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(text: &str, colour: bool) -> String {
        let found = newslens::Extractor::new().unwrap().extract_as(text, Lang::FR);
        let mut out = Vec::new();
        render(text, &found, colour, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_marks_entities_and_lists_them() {
        let out = rendered("Les troupes sont entrées en Syrie jeudi. La Syrie dément.", false);
        assert!(out.starts_with("Les troupes sont entrées en [Syrie|LOC] [jeudi|DATE]. La [Syrie|LOC] dément."), "{out}");
        assert!(out.contains("Places\n  Syrie ×2 · salience 1.00\n"), "{out}");
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn colour_neutralises_control_characters() {
        let out = rendered("Paris\x1b[2J est en France.", true);
        assert!(!out.contains("\x1b[2J"), "{out:?}");
        // Colours still mark names, and the text after the sequence stays
        // (what the model reads after "[2J" is the model's business).
        assert!(out.contains("\x1b[1;32mParis\x1b[0m"), "{out:?}");
        let uncoloured = ["\x1b[1;32m", "\x1b[0m"].iter().fold(out.clone(), |t, sgr| t.replace(sgr, ""));
        assert!(uncoloured.contains("est en France"), "{out:?}");
    }

    #[test]
    fn no_control_character_reaches_a_terminal_coloured_or_not() {
        let text = "Paris \x1b]0;PWNED\x07\x1b[2J est en France.\r\nLyon\x1b[2J aussi.";
        for colour in [true, false] {
            let out = rendered(text, colour);
            assert!(!out.contains("\x1b]") && !out.contains("\x1b[2J") && !out.contains('\x07'), "colour {colour}: {out:?}");
            assert!(out.contains("\r\n"), "a CRLF line break stays: {out:?}");
        }
    }
}
