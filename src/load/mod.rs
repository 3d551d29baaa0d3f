//! Stage 1, *load*: bytes → UTF-8 text → TOML with the byte span of every key and value.
//!
//! One parse (`toml::de::DeTable`) serves every later stage: the structure stage validates
//! it and the model stage deserializes it, consuming it without a second parse.

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};

use crate::model::Span;
use crate::report::{Diagnostic, Severity};

/// Rule id for files that are not valid TOML (including text that is not UTF-8).
pub const TOML_SYNTAX: &str = "toml-syntax";
/// Rule id for files larger than the configured limit.
pub const FILE_TOO_LARGE: &str = "file-too-large";

/// The default largest file masa reads: far above any real arrangements document (the
/// biggest seed is under 50 KB) and low enough to keep memory small.
pub const DEFAULT_MAX_FILE_SIZE: usize = 10 * 1024 * 1024;

/// A parsed document: the root table with its spans.
pub type Document<'a> = toml::Spanned<DeTable<'a>>;

/// Decodes the bytes of a file as UTF-8 text.
///
/// On failure, returns the text decoded lossily (so the problem can be shown in context)
/// and a diagnostic at the first invalid byte.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<(String, Diagnostic)>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.valid_up_to();
            let bad_len = e.error_len().unwrap_or(bytes.len() - at).max(1);
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let shown = lossy[at..].chars().next().map_or(1, char::len_utf8);
            let diagnostic = Diagnostic::new(
                TOML_SYNTAX,
                Severity::Error,
                at..at + shown,
                format!(
                    "the file is not valid UTF-8 text: byte {at} starts {bad_len} byte(s) that are not UTF-8"
                ),
            )
            .with_label("not UTF-8")
            .with_help("save the file as UTF-8 (most editors offer this under \"Save with encoding\")");
            Err(Box::new((lossy, diagnostic)))
        }
    }
}

/// Refuses files that are not text at all (a NUL byte near the start), rather than showing
/// binary bytes as if they were a document.
pub fn binary(bytes: &[u8]) -> Option<Diagnostic> {
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then(|| {
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            0..0,
            "this is not a text file: it contains binary data",
        )
        .with_help("check that this is the arrangements file; it must be TOML text saved as UTF-8")
    })
}

/// The finding for a file with no keys at all (empty, or only comments).
pub fn empty_document() -> Diagnostic {
    Diagnostic::new(crate::structure::SCHEMA, Severity::Error, 0..0, "the file has no content: an arrangements file needs at least `schema_version` and a `[partnership]` table")
        .with_help("start from `schema_version = 1` and a [partnership] table with the partnership's name; see arrangements/example/")
}

/// Refuses files larger than `max` bytes, before reading them into memory where possible.
pub fn size_limit(len: u64, max: usize) -> Option<Diagnostic> {
    (len > max as u64).then(|| {
        Diagnostic::new(
            FILE_TOO_LARGE,
            Severity::Error,
            0..0,
            format!("the file is {len} bytes, more than the limit of {max} bytes; masa did not read it"),
        )
        .with_help("an arrangements file is normally well under 1 MB: check that this is the right file, or raise the limit with --max-file-size")
    })
}

/// Parses TOML text. Returns the document, or the syntax errors as diagnostics.
///
/// The parser recovers and reports errors that follow from the first one (an unclosed `[`
/// produces several); only the first error on each line is kept, and errors after a line
/// that already failed are kept only when they are clearly independent (a later line).
pub fn parse(text: &str) -> Result<Document<'_>, Vec<Diagnostic>> {
    let (doc, mut errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Ok(doc);
    }
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut last_line = None;
    for error in &errors {
        let span = clamp(error.span().unwrap_or(0..0), text.len());
        let line = text[..span.start].matches('\n').count();
        if last_line == Some(line) {
            continue;
        }
        last_line = Some(line);
        diagnostics.push(syntax_diagnostic(error.message(), span, text));
        // An unclosed string, array or table swallows what follows: later errors are echoes.
        if swallows_rest(error.message()) {
            break;
        }
    }
    Err(diagnostics)
}

fn clamp(span: Span, len: usize) -> Span {
    span.start.min(len)..span.end.min(len).max(span.start.min(len))
}

fn swallows_rest(message: &str) -> bool {
    message.contains("unclosed")
        || message.contains("invalid basic string")
        || message.contains("recurse")
}

/// Turns a parser message into plain English with a fix hint.
fn syntax_diagnostic(raw: &str, span: Span, text: &str) -> Diagnostic {
    let message = raw.trim().trim_end_matches('.').to_owned();
    if let Some(opening) = unclosed_string(&message, &span, text) {
        return Diagnostic::new(TOML_SYNTAX, Severity::Error, opening, "this string is not closed")
            .with_label("the string starts here and runs to the end of the line")
            .with_help("end the text with the same quote mark it starts with; use \"\"\" for text over several lines");
    }
    let (message, label, help) = if message.contains("duplicate key") {
        (
            message,
            "defined again here",
            "each key may appear only once in a table: remove or rename one of them",
        )
    } else if message.contains("string values must be quoted") {
        (
            "a value is missing or is not quoted".to_owned(),
            "value expected here",
            "text values go in double quotes, e.g. name = \"Central Bedfordshire Council\"",
        )
    } else if message.contains("unclosed") {
        (
            message,
            "opened here",
            "close it: strings end with \", arrays with ], inline tables with }",
        )
    } else if message.contains("recurse") {
        (
            "the document nests arrays or tables too deeply to read".to_owned(),
            "nested too deeply",
            "arrangements never need more than a few levels of nesting: check for a run of [ or {",
        )
    } else if message.contains("invalid table header") || message.contains("redefin") {
        (
            message,
            "here",
            "a table can be defined only once: merge the two definitions",
        )
    } else {
        (
            message,
            "here",
            "see https://toml.io/en/v1.0.0 for TOML syntax",
        )
    };
    // Zero-width spans at the very end are drawn after the last character.
    let span = if span.is_empty() && span.start >= text.len() && !text.is_empty() {
        let start = text.len()
            - text[..text.len()]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
        start..text.len()
    } else {
        span
    };
    Diagnostic::new(TOML_SYNTAX, Severity::Error, span, message)
        .with_label(label)
        .with_help(help)
}

/// For an unterminated string the parser points at the end of the line; a user needs the
/// opening quote. Returns the span from it to the end of the line.
fn unclosed_string(message: &str, span: &Span, text: &str) -> Option<Span> {
    let quote = if message.contains("expected `\"`") {
        '"'
    } else if message.contains("expected `'`") {
        '\''
    } else {
        return None;
    };
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    let line = &text[line_start..line_end];
    let after_equals = line.find('=').map_or(0, |i| i + 1);
    let open = line[after_equals..].find(quote)? + after_equals + line_start;
    Some(open..line_end.max(open + 1).min(text.len()))
}

/// Converts a TOML value to JSON for schema validation. Dates become their TOML text.
pub fn to_json(value: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value;
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(i.to_string())),
        DeValue::Float(f) => {
            let literal = f.as_str().replace('_', "");
            literal
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Value::String(literal.clone()), Value::Number)
        }
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(a) => Value::Array(a.iter().map(|v| to_json(v.get_ref())).collect()),
        DeValue::Table(t) => Value::Object(table_to_json(t)),
    }
}

/// Converts a TOML table to a JSON object.
pub fn table_to_json(table: &DeTable<'_>) -> serde_json::Map<String, serde_json::Value> {
    table
        .iter()
        .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
        .collect()
}

/// Names a TOML value's type the way a policy lead would: "a date", "a list".
pub fn describe(value: &DeValue<'_>) -> Cow<'static, str> {
    match value {
        DeValue::String(_) => "text".into(),
        DeValue::Integer(_) => "a whole number".into(),
        DeValue::Float(_) => "a decimal number".into(),
        DeValue::Boolean(_) => "true/false".into(),
        DeValue::Datetime(_) => "a date".into(),
        DeValue::Array(_) => "a list".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_points_at_the_first_bad_byte() {
        assert_eq!(decode(b"a = 1").unwrap(), "a = 1");
        let (_, d) = *decode(b"name = \"caf\xe9\"").unwrap_err();
        assert_eq!(d.rule, TOML_SYNTAX);
        assert_eq!(d.span.start, 11);
    }

    #[test]
    fn a_syntax_error_has_a_span_on_its_line() {
        let text = "a = 1\nb = \n";
        let errors = parse(text).unwrap_err();
        assert_eq!(errors.len(), 1);
        let line = text[..errors[0].span.start].matches('\n').count() + 1;
        assert_eq!(line, 2);
        assert_eq!(errors[0].rule, TOML_SYNTAX);
    }

    #[test]
    fn valid_toml_parses() {
        let doc = parse("[partnership]\nname = \"x\"\n").unwrap();
        assert!(doc.get_ref().contains_key("partnership"));
    }

    #[test]
    fn size_limit_refuses_only_larger_files() {
        assert!(size_limit(10, 10).is_none());
        assert_eq!(size_limit(11, 10).unwrap().rule, FILE_TOO_LARGE);
    }
}
