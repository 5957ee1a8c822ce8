//! `newslens extract`: JSON Lines in, JSON Lines out, one line for one line.

use super::input_line::parse_line;
use super::progress::Progress;
use newslens::offsets::{OffsetMapper, Unit};
use newslens::{Extractor, Lang, Status};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, BufReader, BufWriter, ErrorKind, Write};
use std::process::ExitCode;

/// Find the entities of many texts: reads JSON Lines on stdin, one object
/// {"id": string, "text": string, "lang"?: string} per line, and writes one
/// line per input line, in the same order:
/// {"id", "lang", "entities": [{"start", "end", "label", "text"}]}, with
/// start and end counted in Unicode code points into "text". A line that
/// cannot be read gets {"id", "error"} instead, and the command exits with 1
/// once all lines are done.
#[derive(clap::Args)]
pub struct Args {
    /// Read every text as this language (ISO 639-1, e.g. fr, en, de, es or nl) instead
    /// of the line's "lang" or the detected one.
    #[arg(long, value_parser = super::parse_lang)]
    lang: Option<Lang>,
    /// Use this model file for a language instead of the built-in one, as
    /// LANG=FILE (repeatable; for comparing trained models).
    #[arg(long = "model", value_name = "LANG=FILE")]
    models: Vec<String>,
    #[command(flatten)]
    lexicon: super::LexiconArg,
}

#[derive(Serialize)]
struct OutEntity<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a Value,
    error: String,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let mut extractor = super::extractor(args.lexicon.lexicon.as_deref())?;
    for spec in &args.models {
        let (code, path) = spec.split_once('=').ok_or_else(|| format!("--model {spec}: expected LANG=FILE"))?;
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let lang = Lang::from_code(code).map_err(|e| e.to_string())?;
        extractor.add_model(lang, &bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    match answer_all(&extractor, args.lang) {
        Ok((_, 0)) => Ok(ExitCode::SUCCESS),
        Ok((lines, failed)) => {
            eprintln!("newslens extract: {failed} of {lines} lines failed; see their \"error\" fields");
            Ok(ExitCode::FAILURE)
        }
        // A reader that stopped reading ("| head -1") wants no more: a
        // quiet end, as for any filter.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot read stdin or write stdout: {e}")),
    }
}

/// Answers every line of stdin, returning how many lines were read and how
/// many failed. Answers are flushed whenever no further line is waiting,
/// so that a caller that sends a line and waits for its answer gets it at
/// once, while a file of many lines is still written in large blocks.
fn answer_all(extractor: &Extractor, forced: Option<Lang>) -> std::io::Result<(usize, usize)> {
    let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin().lock());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut progress = Progress::new();
    let (mut lines, mut failed, mut bytes) = (0usize, 0usize, 0usize);
    let mut buf = Vec::new();
    loop {
        if !reader.buffer().contains(&b'\n') {
            out.flush()?;
        }
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        lines += 1;
        bytes += n;
        let mut line = trim_newline(&buf);
        if lines == 1 {
            // A byte-order mark that an editor put at the file's start.
            line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
        }
        let parsed = parse_line(line);
        // A very long line's buffer is not kept while its text is read,
        // nor for the short lines after it.
        if buf.capacity() > 1 << 20 {
            buf = Vec::new();
        }
        if !answer(extractor, forced, parsed, &mut out)? {
            failed += 1;
        }
        progress.tick(|| format!("extract: {lines} lines, {:.1} MB, {failed} failed", bytes as f64 / 1e6));
    }
    out.flush()?;
    progress.finish(|| format!("extract: {lines} lines, {:.1} MB, {failed} failed", bytes as f64 / 1e6));
    Ok((lines, failed))
}

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Writes the answer to one parsed input line: its entities (returning true), or
/// why it failed (returning false). Only a failure to write is an `Err`.
fn answer(extractor: &Extractor, forced: Option<Lang>, (value, error): (Value, Option<String>), out: &mut impl Write) -> std::io::Result<bool> {
    let null = Value::Null;
    let id = value.get("id").unwrap_or(&null);
    if let Some(error) = error {
        return fail(out, id, error);
    }
    if !value.is_object() {
        return fail(out, id, "line is not a JSON object".to_string());
    }
    let text = match value.get("text") {
        Some(Value::String(text)) => text,
        None => return fail(out, id, "line has no \"text\"".to_string()),
        Some(_) => return fail(out, id, "\"text\" is not a string".to_string()),
    };
    // An empty "lang" is no language given: detect it, as the wasm side does.
    let lang = match (forced, value.get("lang")) {
        (Some(lang), _) => Some(lang),
        (None, None | Some(Value::Null)) => None,
        (None, Some(Value::String(code))) if code.trim().is_empty() => None,
        (None, Some(Value::String(code))) => match Lang::from_code(code) {
            Ok(lang) => Some(lang),
            Err(e) => return fail(out, id, format!("bad \"lang\": {e}")),
        },
        (None, Some(_)) => return fail(out, id, "\"lang\" is not a string (a language code such as \"fr\")".to_string()),
    };
    // Entities are written as each piece of the text is read, so that a
    // text of many megabytes never holds all of its entities at once.
    write!(out, "{{\"id\":")?;
    serde_json::to_writer(&mut *out, id)?;
    write!(out, ",\"entities\":[")?;
    let mut chars = OffsetMapper::new(text, Unit::CodePoint);
    let mut written = Ok(0usize);
    let (lang, status) = extractor.extract_into(text, lang, &mut |part| {
        for e in part {
            let Ok(count) = written.as_mut() else { return };
            let entity = OutEntity { start: chars.convert(e.start), end: chars.convert(e.end), label: e.label.as_str(), text: e.text(text) };
            let comma = if *count > 0 { "," } else { "" };
            *count += 1;
            if let Err(err) = out.write_all(comma.as_bytes()).and_then(|()| serde_json::to_writer(&mut *out, &entity).map_err(std::io::Error::from)) {
                written = Err(err);
            }
        }
    });
    written?;
    write!(out, "],\"lang\":\"{}\"", lang.code())?;
    if status != Status::Ok {
        write!(out, ",\"status\":\"{}\"", status.as_str())?;
    }
    out.write_all(b"}\n")?;
    Ok(true)
}

fn fail(out: &mut impl Write, id: &Value, error: String) -> std::io::Result<bool> {
    serde_json::to_writer(&mut *out, &Failure { id, error })?;
    out.write_all(b"\n")?;
    Ok(false)
}
