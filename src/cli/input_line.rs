//! One input line of `extract`: JSON with what JSON allows but a Rust
//! string cannot hold mended, and a text of many megabytes decoded in one
//! allocation.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The fields `extract` reads, the text left as written: decoded by
/// `unescape` into one string the size of the text, where decoding it as a
/// `Value` would hold the line, the parser's scratch copy and the string
/// at once (130 MB for a 32 MB text).
#[derive(serde::Deserialize)]
struct Fields<'a> {
    #[serde(default)]
    id: Value,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(default)]
    lang: Value,
}

/// A line as JSON, with what JSON allows but a Rust string cannot hold
/// mended as the wasm side does: a lone surrogate escape ("\ud800",
/// which Python's `json.dumps` writes for broken text) becomes U+FFFD.
/// Invalid UTF-8 is an error, but the line is still read (lossily) to find
/// its id for the error line.
pub(super) fn parse_line(line: &[u8]) -> (Value, Option<String>) {
    // The common case, lean: an object whose fields parse, its text a
    // string. Anything else takes the general way, which words the errors.
    if let Some(value) = std::str::from_utf8(line).ok().and_then(|text| serde_json::from_str::<Fields>(text).ok()).and_then(|fields| {
        let text = fields.text?;
        let text = text.get().starts_with('"').then(|| unescape(text.get()))??;
        Some(Value::Object(Map::from_iter([("id".to_string(), fields.id), ("text".to_string(), Value::String(text)), ("lang".to_string(), fields.lang)])))
    }) {
        return (value, None);
    }
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

/// The string a JSON string literal (with its quotes, checked by the
/// parser) stands for, decoded in one allocation; a lone surrogate escape
/// becomes U+FFFD. `None` if the literal is not one the parser passed.
fn unescape(literal: &str) -> Option<String> {
    let body = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at + 1..];
        let (c, len) = match escape.bytes().next()? {
            b'n' => ('\n', 1),
            b't' => ('\t', 1),
            b'r' => ('\r', 1),
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            b'u' => code_unit_escape(escape)?,
            c @ (b'"' | b'\\' | b'/') => (char::from(c), 1),
            _ => return None,
        };
        out.push(c);
        rest = &escape[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// The character of a `uXXXX` escape (after its backslash), with the low
/// half that follows a high surrogate, and how many bytes it took.
fn code_unit_escape(escape: &str) -> Option<(char, usize)> {
    let hex = |at: usize| escape.get(at..at + 4).and_then(|digits| u32::from_str_radix(digits, 16).ok());
    let high = hex(1)?;
    let low = escape.get(5..7).filter(|&u| u == "\\u").and_then(|_| hex(7)).filter(|low| (0xDC00..=0xDFFF).contains(low));
    Some(match (high, low) {
        (0xD800..=0xDBFF, Some(low)) => (char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?, 11),
        (0xD800..=0xDFFF, _) => ('\u{FFFD}', 5),
        _ => (char::from_u32(high)?, 5),
    })
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

    #[test]
    fn texts_decode_as_json_decodes_them() {
        let cases = [r#""plain""#, r#""a\nb\tc\rd\\e\"f\/g\bh\fi""#, r#""caf\u00e9 \ud83d\ude00 ok""#, r#""é😀 déjà""#, r#""""#, r#""\\u0041""#];
        for case in cases {
            let want: String = serde_json::from_str(case).unwrap();
            assert_eq!(unescape(case).as_deref(), Some(want.as_str()), "{case}");
        }
        assert_eq!(unescape(r#""a\ud800b\udc00""#).as_deref(), Some("a\u{FFFD}b\u{FFFD}"));
        assert_eq!(unescape(r#""\ud83d""#).as_deref(), Some("\u{FFFD}"));
    }

    #[test]
    fn lean_and_general_ways_agree() {
        let lines = [
            r#"{"id":"a","text":"Paris\nLyon","lang":"fr"}"#,
            r#"{"text":"x","id":7}"#,
            r#"{"id":"b","text":"a\ud800b"}"#,
            r#"{"id":"c","text":5}"#,
            r#"{"id":"d"}"#,
            r#"{"id":"e","text":"x","text":"y"}"#,
            r#"["not an object"]"#,
        ];
        for line in lines {
            let general = serde_json::from_str::<Value>(&replace_lone_surrogates(line).unwrap_or(line.to_string())).ok();
            let (value, error) = parse_line(line.as_bytes());
            let field = |v: &Value, k: &str| v.get(k).filter(|f| !f.is_null()).cloned();
            match general {
                Some(g) if g.is_object() => {
                    assert!(error.is_none(), "{line}");
                    for k in ["id", "text", "lang"] {
                        assert_eq!(field(&value, k), field(&g, k), "{line}: {k}");
                    }
                }
                _ => assert!(!value.is_object(), "{line}"),
            }
        }
    }
}
