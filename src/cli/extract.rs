//! `newslens extract`: JSON Lines in, JSON Lines out, one line for one line.

use super::progress::Progress;
use newslens::offsets::{OffsetMapper, Unit};
use newslens::{Extractor, Lang, Status};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, BufWriter, Write};
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
    /// Read every text as this language (ISO 639-1, e.g. fr or en) instead
    /// of the line's "lang" or the detected one.
    #[arg(long, value_parser = super::parse_lang)]
    lang: Option<Lang>,
    /// Use this model file for a language instead of the built-in one, as
    /// LANG=FILE (repeatable; for comparing trained models).
    #[arg(long = "model", value_name = "LANG=FILE")]
    models: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Input {
    id: Option<Value>,
    text: Option<String>,
    lang: Option<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    entities: Vec<OutEntity<'a>>,
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
    let mut extractor = super::extractor()?;
    for spec in &args.models {
        let (code, path) = spec.split_once('=').ok_or_else(|| format!("--model {spec}: expected LANG=FILE"))?;
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let lang = Lang::from_code(code).map_err(|e| e.to_string())?;
        extractor.add_model(lang, &bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut progress = Progress::new();
    let (mut lines, mut failed, mut bytes) = (0usize, 0usize, 0usize);
    let mut reader = stdin;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| format!("cannot read stdin: {e}"))?;
        if n == 0 {
            break;
        }
        lines += 1;
        bytes += n;
        let line = trim_newline(&buf);
        if !answer(&extractor, args.lang, line, &mut out).map_err(|e| format!("cannot write stdout: {e}"))? {
            failed += 1;
        }
        progress.tick(|| format!("extract: {lines} lines, {:.1} MB, {failed} failed", bytes as f64 / 1e6));
    }
    out.flush().map_err(|e| format!("cannot write stdout: {e}"))?;
    progress.finish(|| format!("extract: {lines} lines, {:.1} MB, {failed} failed", bytes as f64 / 1e6));
    if failed > 0 {
        eprintln!("newslens extract: {failed} of {lines} lines failed; see their \"error\" fields");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Writes the answer to one input line: its entities (returning true), or
/// why it failed (returning false). Only a failure to write is an `Err`.
fn answer(extractor: &Extractor, forced: Option<Lang>, line: &[u8], out: &mut impl Write) -> std::io::Result<bool> {
    let null = Value::Null;
    let parsed = std::str::from_utf8(line)
        .map_err(|e| format!("line is not valid UTF-8 ({e})"))
        .and_then(|s| serde_json::from_str::<Value>(s).map_err(|e| format!("line is not JSON ({e})")));
    let value = match parsed {
        Ok(v) => v,
        Err(error) => return fail(out, &null, error),
    };
    let id = value.get("id").unwrap_or(&null).clone();
    let input: Input = match serde_json::from_value(value) {
        Ok(input) => input,
        Err(e) => return fail(out, &id, format!("line is not an object with a string \"text\" ({e})")),
    };
    let Some(text) = input.text else {
        return fail(out, &id, "line has no \"text\"".to_string());
    };
    let lang = match (forced, input.lang.as_deref().map(Lang::from_code)) {
        (Some(lang), _) => Some(lang),
        (None, Some(Ok(lang))) => Some(lang),
        (None, Some(Err(e))) => return fail(out, &id, format!("bad \"lang\": {e}")),
        (None, None) => None,
    };
    let found = match lang {
        Some(lang) => extractor.extract_as(&text, lang),
        None => extractor.extract(&text),
    };
    let mut chars = OffsetMapper::new(&text, Unit::CodePoint);
    let entities = found
        .entities
        .iter()
        .map(|e| OutEntity { start: chars.convert(e.start), end: chars.convert(e.end), label: e.label.as_str(), text: e.text(&text) })
        .collect();
    let status = (found.status != Status::Ok).then(|| found.status.as_str());
    let output = Output { id: input.id.as_ref().unwrap_or(&null), lang: found.lang.code(), status, entities };
    serde_json::to_writer(&mut *out, &output)?;
    out.write_all(b"\n")?;
    Ok(true)
}

fn fail(out: &mut impl Write, id: &Value, error: String) -> std::io::Result<bool> {
    serde_json::to_writer(&mut *out, &Failure { id, error })?;
    out.write_all(b"\n")?;
    Ok(false)
}
