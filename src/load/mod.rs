//! Stage 1, *load*: bytes → UTF-8 text → TOML with the byte span of every key and value.
//!
//! One parse (`toml::de::DeTable`) serves every later stage: the structure stage validates
//! it and the model stage deserializes it, consuming it without a second parse.

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};

use crate::diag::Span;
use crate::diag::{Diagnostic, Severity};

mod depth;
mod typography;

pub use depth::MAX_NESTING_DEPTH;

/// Rule id for files that are not valid TOML (including text that is not UTF-8).
pub const TOML_SYNTAX: &str = crate::diag::Check::TomlSyntax.id();
/// Rule id for files larger than the configured limit.
pub const FILE_TOO_LARGE: &str = crate::diag::Check::FileTooLarge.id();

/// The default largest file masa reads: far above any real arrangements document (the
/// biggest seed is under 50 KB) and low enough to keep memory small.
pub const DEFAULT_MAX_FILE_SIZE: usize = 10 * 1024 * 1024;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A parsed document: the root table with its spans.
pub type Document<'a> = toml::Spanned<DeTable<'a>>;

/// Decodes the bytes of a file as UTF-8 text.
///
/// On failure, returns the text decoded lossily (so the problem can be shown in context)
/// and a diagnostic at the first invalid byte.
///
/// A UTF-8 byte order mark at the start is dropped: editors do not show it, so lines and
/// columns are counted without it, as an editor counts them.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<(String, Diagnostic)>> {
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let bytes = &bytes[bom..];
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.valid_up_to();
            let in_file = at + bom;
            let bad_len = e.error_len().unwrap_or(bytes.len() - at).max(1);
            let bad: Vec<String> = bytes[at..at + bad_len]
                .iter()
                .map(|b| format!("0x{b:02X}"))
                .collect();
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let shown = lossy[at..].chars().next().map_or(1, char::len_utf8);
            let diagnostic = Diagnostic::new(
                TOML_SYNTAX,
                Severity::Error,
                at..at + shown,
                if bad_len == 1 {
                    format!("the file is not valid UTF-8 text: the byte {} at offset {in_file} is not UTF-8", bad[0])
                } else {
                    format!("the file is not valid UTF-8 text: the bytes {} at offset {in_file} are not UTF-8", bad.join(" "))
                },
            )
            .with_label("not UTF-8")
            .with_help("save the file as UTF-8 (most editors offer this under \"Save with encoding\"); a file saved as Latin-1 or Windows-1252 has bytes like this for letters such as é and £");
            Err(Box::new((lossy, diagnostic)))
        }
    }
}

/// Refuses files that are not text at all (a NUL byte near the start), rather than showing
/// binary bytes as if they were a document.
pub fn binary(bytes: &[u8]) -> Option<Diagnostic> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(utf16) = utf16(head) {
        return Some(utf16);
    }
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

/// Text saved as UTF-16 (Windows editors' "Unicode"): a UTF-16 byte order mark, or ASCII
/// with a NUL byte beside every character.
fn utf16(head: &[u8]) -> Option<Diagnostic> {
    let marked = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let pairs = head.len() / 2;
    let nul_beside_ascii = pairs >= 2
        && (head
            .chunks_exact(2)
            .filter(|p| p[1] == 0 && p[0] != 0)
            .count()
            * 10
            >= pairs * 9
            || head
                .chunks_exact(2)
                .filter(|p| p[0] == 0 && p[1] != 0)
                .count()
                * 10
                >= pairs * 9);
    (marked || nul_beside_ascii).then(|| {
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            0..0,
            "this file is UTF-16 text; masa reads TOML saved as UTF-8",
        )
        .with_help("save the file as UTF-8 (in most editors, \"Save with encoding\" or \"Encoding: UTF-8\"; Notepad calls UTF-16 \"Unicode\")")
    })
}

/// The finding for a file with no keys at all (empty, or only comments).
pub fn empty_document() -> Diagnostic {
    Diagnostic::new(crate::diag::Check::Schema.id(), Severity::Error, 0..0, "the file has no content: an arrangements file needs at least `schema_version` and a `[partnership]` table")
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

/// The finding for a file found larger than `max` bytes while reading it (its metadata did
/// not say: a device, a file under `/proc`, a file still growing).
pub fn read_past_limit(max: usize) -> Diagnostic {
    Diagnostic::new(
        FILE_TOO_LARGE,
        Severity::Error,
        0..0,
        format!("the file is more than the limit of {max} bytes; masa stopped reading it there"),
    )
    .with_help("an arrangements file is normally well under 1 MB: check that this is the right file, or raise the limit with --max-file-size")
}

/// The longest line masa reads, in characters: five times the longest paragraph in the
/// bundled arrangements, and short enough that every column of a finding can be drawn (the
/// renderer cannot pad a line past 65,535 columns, even with tabs drawn four wide).
pub const MAX_LINE_LENGTH: usize = 10_000;

/// Refuses a document with a line longer than [`MAX_LINE_LENGTH`] characters, pointing at the
/// start of the first such line.
pub fn line_limit(text: &str) -> Option<Diagnostic> {
    // Bytes bound characters from above: only a line of more than the limit in bytes can be
    // too long, and the line breaks are found with a vectorised search.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    for (number, end) in ends.enumerate() {
        if end - start > MAX_LINE_LENGTH {
            let line = text[start..end].trim_end_matches(['\n', '\r']);
            let length = line.chars().count();
            if length > MAX_LINE_LENGTH && line.contains('\r') {
                return Some(
                    Diagnostic::new(
                        TOML_SYNTAX,
                        Severity::Error,
                        0..0,
                        "the lines of this file end with a carriage return alone (classic Mac OS line endings), which TOML does not read as line breaks",
                    )
                    .with_help("save the file with LF (Unix) or CRLF (Windows) line endings"),
                );
            }
            if length > MAX_LINE_LENGTH {
                let first = line.chars().next().map_or(0, char::len_utf8);
                return Some(
                    Diagnostic::new(
                        FILE_TOO_LARGE,
                        Severity::Error,
                        start..start + first,
                        format!(
                            "line {} is {length} characters long, more than the limit of {MAX_LINE_LENGTH}; masa did not read the file",
                            number + 1
                        ),
                    )
                    .with_label("this line is too long")
                    .with_help("the longest lines of real arrangements are paragraphs of a few thousand characters: check that this is the right file, or split the text (a string in \"\"\" can run over several lines)"),
                );
            }
        }
        start = end + 1;
    }
    None
}

/// Refuses a document nested more than [`MAX_NESTING_DEPTH`] levels deep (tables, dotted
/// keys, arrays and inline tables), judged from the text alone, before any parser or later
/// stage recurses into it. Points at the place where the limit is first passed.
pub fn nesting_limit(text: &str) -> Option<Diagnostic> {
    let (span, depth) = depth::first_too_deep(text, MAX_NESTING_DEPTH)?;
    Some(
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            span,
            format!(
                "the document nests tables and lists {depth} levels deep here, more than the limit of {MAX_NESTING_DEPTH}; masa did not read it further"
            ),
        )
        .with_label(format!("level {depth}"))
        .with_help("an arrangements file needs only a few levels (a table, a list of tables, an inline table): look for a run of `[` or `{` that is never closed, or a very long dotted key"),
    )
}

/// Parses TOML text. Returns the document, or the syntax errors as diagnostics.
///
/// A document with a line too long ([`line_limit`]) or nested too deeply ([`nesting_limit`])
/// is refused before the parser sees it.
/// The parser recovers and reports errors that follow from the first one (an unclosed `[`
/// produces several); only the first error on each line is kept, and errors after a line
/// that already failed are kept only when they are clearly independent (a later line).
pub fn parse(text: &str) -> Result<Document<'_>, Vec<Diagnostic>> {
    if let Some(too_long) = line_limit(text) {
        return Err(vec![too_long]);
    }
    if let Some(too_deep) = nesting_limit(text) {
        return Err(vec![too_deep]);
    }
    // The byte order mark (one, at the start) is dropped by `decode`; the TOML parser would
    // silently drop a second one, which TOML does not allow.
    if text.starts_with('\u{FEFF}') {
        return Err(vec![
            Diagnostic::new(
                TOML_SYNTAX,
                Severity::Error,
                0..'\u{FEFF}'.len_utf8(),
                "the file starts with two byte order marks",
            )
            .with_label("a second byte order mark")
            .with_help("save the file as UTF-8 again (with or without a byte order mark): a file may start with only one"),
        ]);
    }
    let (doc, mut errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        let mut bad = Vec::new();
        invalid_numbers(doc.get_ref(), &mut bad);
        if bad.is_empty() {
            return Ok(doc);
        }
        return Err(bad.into_iter().map(|span| bad_number(span, text)).collect());
    }
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut last_line = None;
    // The errors are in order, so each one's line is counted on from the one before.
    let (mut counted_to, mut line) = (0, 0);
    for error in &errors {
        let span = clamp(error.span().unwrap_or(0..0), text.len());
        let to = span.start.max(counted_to);
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted_to..to]).count();
        counted_to = to;
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
    typography::attach_fixes(&mut diagnostics, text);
    Err(diagnostics)
}

/// The spans of numbers the parser let through without checking their digits (it defers
/// that to the reader of each value): `0x` with no digits, a digit that is not 0–9 (such as
/// the Arabic-Indic zero), an integer outside the 64 bits TOML allows, in document order.
fn invalid_numbers(table: &DeTable<'_>, out: &mut Vec<Span>) {
    for (_, value) in table.iter() {
        invalid_number(value, out);
    }
}

fn invalid_number(value: &toml::Spanned<DeValue<'_>>, out: &mut Vec<Span>) {
    match value.get_ref() {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let ascii = digits
                .trim_start_matches(['+', '-'])
                .chars()
                .all(|c| c.is_ascii_alphanumeric());
            if !ascii || i64::from_str_radix(&digits, i.radix()).is_err() {
                out.push(value.span());
            }
        }
        DeValue::Float(f) => {
            let literal = f.as_str().replace('_', "");
            let unsigned = literal.trim_start_matches(['+', '-']);
            let special = unsigned == "inf" || unsigned == "nan";
            let ascii = unsigned
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
            if !special && (!ascii || literal.parse::<f64>().is_err()) {
                out.push(value.span());
            }
        }
        DeValue::Array(a) => a.iter().for_each(|v| invalid_number(v, out)),
        DeValue::Table(t) => invalid_numbers(t, out),
        _ => {}
    }
}

fn bad_number(span: Span, text: &str) -> Diagnostic {
    let written = text.get(span.clone()).unwrap_or_default();
    Diagnostic::new(
        TOML_SYNTAX,
        Severity::Error,
        visible(span, text),
        format!("`{written}` is not a number TOML can read"),
    )
    .with_label("not a number")
    .with_help("write numbers with the digits 0-9 (e.g. 4 or 9.5); 0x, 0o and 0b must be followed by hexadecimal, octal or binary digits; whole numbers must be between -9223372036854775808 and 9223372036854775807")
}

fn clamp(span: Span, len: usize) -> Span {
    span.start.min(len)..span.end.min(len).max(span.start.min(len))
}

fn swallows_rest(message: &str) -> bool {
    message.contains("unclosed")
        || message.contains("invalid basic string")
        || message.contains("recurse")
        || message.contains("is not closed")
}

/// Turns a parser message into plain English with a fix hint.
fn syntax_diagnostic(raw: &str, span: Span, text: &str) -> Diagnostic {
    let message = raw.trim().trim_end_matches('.').to_owned();
    if let Some(opening) = unclosed_string(&message, &span, text) {
        return Diagnostic::new(TOML_SYNTAX, Severity::Error, opening, "this string is not closed")
            .with_label("the string starts here and runs to the end of the line")
            .with_help("end the text with the same quote mark it starts with; use \"\"\" for text over several lines");
    }
    if let Some(d) = unclosed_container(&message, &span, text)
        .or_else(|| unclosed_header(&message, &span, text))
        .or_else(|| duplicate_key(&message, &span, text))
        .or_else(|| impossible_date(&message, &span, text))
    {
        return d;
    }
    let (message, label, help) = if message.contains("string values must be quoted") {
        (
            "a value is missing or is not quoted".to_owned(),
            "value expected here",
            "text values go in double quotes, e.g. name = \"Central Bedfordshire Council\"",
        )
    } else if message.starts_with("unexpected key or value, expected newline") {
        (
            "more text follows the value on this line".to_owned(),
            "the line should end before this",
            "put each `key = value` on a line of its own; a comment starts with #",
        )
    } else if message.contains("unclosed") {
        (
            message,
            "expected the closing mark here",
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
    Diagnostic::new(TOML_SYNTAX, Severity::Error, visible(span, text), message)
        .with_label(label)
        .with_help(help)
}

/// A zero-width span at the very end is drawn on the last character instead.
fn visible(span: Span, text: &str) -> Span {
    if span.is_empty() && span.start >= text.len() && !text.is_empty() {
        let start = text.len() - text.chars().next_back().map_or(0, char::len_utf8);
        start..text.len()
    } else {
        span
    }
}

/// The line around a byte offset: (start of the line, end before its line break).
fn line_around(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let end = if text[..end].ends_with('\r') && end > start {
        end - 1
    } else {
        end
    };
    (start, end)
}

/// For an unterminated string the parser points at the end of the line (or, with CRLF line
/// endings, at the `\r` it finds inside the string); a user needs the opening quote. Returns
/// the span from it to the end of the line.
fn unclosed_string(message: &str, span: &Span, text: &str) -> Option<Span> {
    let at_cr = text[span.start..].starts_with('\r');
    let quote = if message.contains("expected `\"`")
        || (at_cr && message.starts_with("invalid basic string"))
    {
        '"'
    } else if message.contains("expected `'`")
        || (at_cr && message.starts_with("invalid literal string"))
    {
        '\''
    } else {
        return None;
    };
    let (line_start, line_end) = line_around(text, span.start);
    let line = &text[line_start..line_end];
    let after_equals = line.find('=').map_or(0, |i| i + 1);
    let open = line[after_equals..].find(quote)? + after_equals + line_start;
    Some(open..line_end.max(open + 1).min(text.len()))
}

/// A list or inline table whose closing bracket never comes: the parser reports a missing
/// comma on the next line (it reads the following lines as more items). Points at the
/// opening bracket instead, with the place the parser stopped as a second label.
fn unclosed_container(message: &str, span: &Span, text: &str) -> Option<Diagnostic> {
    if !(message.starts_with("missing comma between")
        || message.starts_with("missing assignment between")
        || message.starts_with("unclosed array")
        || message.starts_with("unclosed inline table"))
    {
        return None;
    }
    let (open, is_array) = depth::unclosed_at(text, span.start)?;
    let (what, close) = if is_array {
        ("list", "]")
    } else {
        ("inline table", "}")
    };
    Some(
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            open,
            format!("this {what} is not closed"),
        )
        .with_label(format!("the {what} opens here; its `{close}` never comes"))
        .with_secondary(
            visible(span.clone(), text),
            format!("still inside the {what} here"),
        )
        .with_help(format!(
            "end the {what} with `{close}` after its last item, before the next key"
        )),
    )
}

/// A table header without its closing bracket: points at the whole header.
fn unclosed_header(message: &str, span: &Span, text: &str) -> Option<Diagnostic> {
    let close = if message.starts_with("unclosed array table") {
        "]]"
    } else if message.starts_with("unclosed table") {
        "]"
    } else {
        return None;
    };
    let (line_start, line_end) = line_around(text, span.start);
    let header = text[line_start..line_end].trim_end();
    Some(
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            line_start..line_start + header.len().max(1),
            format!("the table header `{header}` is not closed"),
        )
        .with_label(format!("`{close}` missing at the end"))
        .with_help(format!(
            "a table header is a name in square brackets on a line of its own, e.g. `{header}{close}`"
        )),
    )
}

/// A key or table defined twice: names it, and points at the first definition when it is in
/// the same table (between the previous header and here) or is the same header.
fn duplicate_key(message: &str, span: &Span, text: &str) -> Option<Diagnostic> {
    if !message.starts_with("duplicate key") {
        return None;
    }
    let key = text.get(span.clone()).unwrap_or_default().trim();
    let (line_start, line_end) = line_around(text, span.start);
    let line = text[line_start..line_end].trim();
    let is_header = line.starts_with('[');
    let first = if is_header {
        // The same header earlier in the file.
        let mut offset = 0;
        text[..line_start].split_inclusive('\n').find_map(|l| {
            let here = offset;
            offset += l.len();
            (l.trim() == line)
                .then(|| here + (l.len() - l.trim_start().len()))
                .map(|start| start..start + line.len())
        })
    } else {
        // `key =` earlier in the same table.
        let mut offset = 0;
        let lines: Vec<(usize, &str)> = text[..line_start]
            .split_inclusive('\n')
            .map(|l| {
                let here = offset;
                offset += l.len();
                (here, l)
            })
            .collect();
        lines
            .iter()
            .rev()
            .map(|&(start, l)| (start + (l.len() - l.trim_start().len()), l.trim()))
            .take_while(|(_, l)| !l.starts_with('['))
            .find(|(_, l)| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
            .map(|(at, _)| at..at + key.len())
    };
    let (message, label, help) = match (&first, is_header) {
        (Some(_), true) => (
            format!("the table `{line}` is defined twice"),
            "defined again here",
            format!("a table can be defined only once: move these keys under the first `{line}`"),
        ),
        (None, true) => (
            format!("`{key}` is already defined above, so the header `{line}` cannot define it again"),
            "already defined",
            "a name can hold one thing: either a value or a table; rename one of them or merge them".to_owned(),
        ),
        (Some(_), false) => (
            format!("`{key}` is defined twice in this table"),
            "defined again here",
            "each key may appear only once in a table: remove or rename one of them".to_owned(),
        ),
        (None, false) => (
            format!("`{key}` is already defined above (as a table or a list of tables), so it cannot be given a value here"),
            "already defined",
            "a name can hold one thing: either a value or a table; rename one of them or merge them".to_owned(),
        ),
    };
    let mut d = Diagnostic::new(TOML_SYNTAX, Severity::Error, span.clone(), message)
        .with_label(label)
        .with_help(help);
    if let Some(first) = first {
        d = d.with_secondary(first, "first defined here");
    }
    Some(d)
}

/// A date the calendar does not have (2025-02-30, month 13): said the way the schema stage
/// says it for quoted dates.
fn impossible_date(message: &str, span: &Span, text: &str) -> Option<Diagnostic> {
    let detail = message
        .strip_prefix("invalid date")?
        .trim_start_matches(", ");
    let written = text.get(span.clone()).unwrap_or_default();
    // "expected day between 01 and 28" → "the day must be between 01 and 28"
    let detail = match detail
        .strip_prefix("expected ")
        .and_then(|d| d.split_once(" between "))
    {
        Some((what, range)) => format!(": the {what} must be between {range}"),
        None if detail.is_empty() => String::new(),
        None => format!(" ({detail})"),
    };
    Some(
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            visible(span.clone(), text),
            format!("`{written}` is not a real date{detail}"),
        )
        .with_label("not a real date")
        .with_help(
            "write a real date like 2024-09-27, or \"2025-09\" when only the month is known",
        ),
    )
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
    fn line_limit_counts_characters_and_points_at_the_line() {
        let ok = format!("a = 1\nb = \"{}\"\n", "£".repeat(MAX_LINE_LENGTH - 6));
        assert!(ok.len() > MAX_LINE_LENGTH * 2, "more bytes than the limit");
        assert!(line_limit(&ok).is_none(), "but not more characters");
        let long = format!(
            "a = 1\r\nb = \"{}\"\r\nc = 2\n",
            "x".repeat(MAX_LINE_LENGTH)
        );
        let d = line_limit(&long).unwrap();
        assert_eq!(d.rule, FILE_TOO_LARGE);
        assert_eq!(d.span, 7..8);
        assert!(
            d.message.starts_with("line 2 is 10006 characters long"),
            "{}",
            d.message
        );
        assert!(parse(&long).is_err());
    }

    #[test]
    fn nesting_limit_is_checked_before_parsing() {
        let deep = format!("x = {}{}\n", "[".repeat(100), "]".repeat(100));
        let errors = parse(&deep).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].span, 4 + 64..4 + 65);
        assert_eq!(errors[0].label.as_deref(), Some("level 65"));
        assert!(errors[0].help.is_some());
        let ok = format!("x = {}{}\n", "[".repeat(64), "]".repeat(64));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFa = 1").unwrap(), "a = 1");
        let (lossy, d) = *decode(b"\xEF\xBB\xBFa = \"\xe9\"").unwrap_err();
        assert_eq!(lossy, "a = \"\u{fffd}\"");
        assert_eq!(d.span.start, 5);
        assert!(d.message.contains("0xE9 at offset 8"), "{}", d.message);
    }

    #[test]
    fn unclosed_strings_with_crlf_point_at_the_opening_quote() {
        for text in ["a = \"open\r\nb = 1\r\n", "a = 'open\r\nb = 1\r\n"] {
            let errors = parse(text).unwrap_err();
            assert_eq!(errors[0].message, "this string is not closed", "{text:?}");
            assert_eq!(errors[0].span, 4..9, "{text:?}");
        }
    }

    #[test]
    fn unclosed_lists_point_at_their_opening_bracket() {
        let text = "a = [1, 2\nb = 3\n";
        let errors = parse(text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "this list is not closed");
        assert_eq!(errors[0].span, 4..5);
        // A missing comma in a list that is closed later stays a missing comma.
        let text = "a = [\n1\n2,\n]\n";
        let errors = parse(text).unwrap_err();
        assert!(
            errors[0].message.contains("missing comma"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn duplicates_name_the_key_and_the_first_definition() {
        let text = "[t]\nname = 1\nother = 2\nname = 3\n";
        let d = &parse(text).unwrap_err()[0];
        assert_eq!(d.message, "`name` is defined twice in this table");
        assert_eq!(d.labels[0].span, 4..8);
        let text = "[t]\na = 1\n[u]\n[t]\n";
        let d = &parse(text).unwrap_err()[0];
        assert_eq!(d.message, "the table `[t]` is defined twice");
        assert_eq!(d.labels[0].span, 0..3);
    }

    #[test]
    fn impossible_dates_are_named() {
        let d = &parse("a = 2025-02-30\n").unwrap_err()[0];
        assert_eq!(
            d.message,
            "`2025-02-30` is not a real date: the day must be between 01 and 28"
        );
    }

    #[test]
    fn numbers_the_parser_defers_are_checked() {
        for bad in [
            "a = 0x\n",
            "a = 0o\n",
            "a = 0b\n",
            "a = 1_0\u{660}\n",
            "a = [1, 0x]\n",
        ] {
            let errors = parse(bad).unwrap_err();
            assert_eq!(errors[0].rule, TOML_SYNTAX, "{bad:?}");
            assert!(errors[0].message.contains("is not a number"), "{bad:?}");
        }
        let d = &parse("x = 1\n[t]\nb = 0x\n").unwrap_err()[0];
        assert_eq!(d.span, 14..16);
        for good in [
            "a = 0x1F\n",
            "a = -9_223_372_036_854_775_808\n",
            "a = 1e1_0\n",
            "a = -inf\n",
            "a = +nan\n",
        ] {
            assert!(parse(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn utf16_and_cr_only_files_are_named() {
        let text = "a = 1\r".repeat(3_000);
        assert!(
            line_limit(&text)
                .unwrap()
                .message
                .contains("carriage return alone")
        );
        let utf16: Vec<u8> = "\u{FEFF}a = 1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(binary(&utf16).unwrap().message.contains("UTF-16"));
        let no_mark: Vec<u8> = "a = 1\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(binary(&no_mark).unwrap().message.contains("UTF-16"));
        assert!(binary(b"a = 1\n").is_none());
    }

    #[test]
    fn two_byte_order_marks_are_refused() {
        let text = decode(b"\xEF\xBB\xBF\xEF\xBB\xBFa = 1\n").unwrap();
        let d = &parse(text).unwrap_err()[0];
        assert_eq!(d.message, "the file starts with two byte order marks");
        assert_eq!(d.span, 0..3);
    }

    #[test]
    fn size_limit_refuses_only_larger_files() {
        assert!(size_limit(10, 10).is_none());
        assert_eq!(size_limit(11, 10).unwrap().rule, FILE_TOO_LARGE);
    }
}
