//! `newslens extract`: JSON Lines in, JSON Lines out, one line for one line.

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
    /// Read every text as this language (ISO 639-1, e.g. fr or en) instead
    /// of the line's "lang" or the detected one.
    #[arg(long, value_parser = super::parse_lang)]
    lang: Option<Lang>,
    /// Use this model file for a language instead of the built-in one, as
    /// LANG=FILE (repeatable; for comparing trained models).
    #[arg(long = "model", value_name = "LANG=FILE")]
    models: Vec<String>,
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

/// A line as JSON, with what JSON allows but a Rust string cannot hold
/// mended as the wasm side does: a lone surrogate escape ("\ud800",
/// which Python's `json.dumps` writes for broken text) becomes U+FFFD.
/// Invalid UTF-8 is an error, but the line is still read (lossily) to find
/// its id for the error line.
fn parse_line(line: &[u8]) -> (Value, Option<String>) {
    // Validated once: a valid line is borrowed as it is; an invalid one is
    // read lossily, only to find its id.
    let (text, error) = match std::str::from_utf8(line) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(e) => (String::from_utf8_lossy(line), Some(format!("line is not valid UTF-8 ({e})"))),
    };
    let value = serde_json::from_str::<Value>(&text).or_else(|first| match replace_lone_surrogates(&text) {
        Some(mended) => serde_json::from_str::<Value>(&mended).map_err(|_| first),
        None => Err(first),
    });
    match value {
        Ok(v) => (v, error),
        Err(e) => (Value::Null, Some(error.unwrap_or_else(|| format!("line is not JSON ({e})")))),
    }
}

/// `text` with every `\uD800`–`\uDFFF` escape that is not half of a pair
/// written as `\uFFFD`; `None` if there is none.
fn replace_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let hex_at = |at: usize| -> Option<u32> {
        let digits = text.get(at + 2..at + 6)?;
        (bytes[at] == b'\\' && bytes[at + 1] == b'u').then(|| u32::from_str_radix(digits, 16).ok()).flatten()
    };
    let mut out = String::with_capacity(text.len());
    let (mut i, mut last, mut changed) = (0, 0, false);
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match hex_at(i) {
            Some(0xD800..=0xDBFF) if hex_at(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[last..i]);
                out.push_str("\\ufffd");
                i += 6;
                last = i;
                changed = true;
            }
            // Any other escape: two characters, so that "\\" is never
            // read as the start of the next one.
            _ => i += 2,
        }
    }
    changed.then(|| out + &text[last..])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#"{"text":"a\ud800b"}"#, Some(r#"{"text":"a\ufffdb"}"#)),
            (r#"{"text":"\udc00"}"#, Some(r#"{"text":"\ufffd"}"#)),
            (r#"{"text":"\ud83d\ude00"}"#, None),
            (r#"{"text":"\\ud800"}"#, None),
            (r#"{"text":"\ud83d"}"#, Some(r#"{"text":"\ufffd"}"#)),
        ];
        for (line, want) in cases {
            assert_eq!(replace_lone_surrogates(line).as_deref(), *want, "{line}");
        }
    }

    #[test]
    fn ids_survive_errors() {
        let (value, error) = parse_line(b"{\"id\":\"x\",\"text\":\"caf\xe9\"}");
        assert_eq!(value["id"], "x");
        assert!(error.unwrap().contains("UTF-8"));
    }
}
