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
    // After a table defined twice, the keys of its second definition are reported as defined
    // twice too: echoes of the same mistake, skipped up to the next header.
    let mut echoes_until: Option<usize> = None;
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
        if echoes_until.is_some_and(|end| span.start < end)
            && error.message().starts_with("duplicate key")
        {
            continue;
        }
        last_line = Some(line);
        let diagnostic = syntax_diagnostic(error.message(), span.clone(), text);
        echoes_until = diagnostic
            .message
            .ends_with("is defined twice")
            .then(|| next_header(text, span.end))
            .or(echoes_until);
        diagnostics.push(diagnostic);
        // An unclosed string, array or table swallows what follows: later errors are echoes.
        if swallows_rest(error.message()) {
            break;
        }
    }
    typography::attach_fixes(&mut diagnostics, text);
    Err(diagnostics)
}

/// The offset of the next line that starts a table (`[`) after `offset`, or the end.
fn next_header(text: &str, offset: usize) -> usize {
    let mut at = text[offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if text[at..end].trim_start().starts_with('[') {
            return at;
        }
        at = end;
    }
    text.len()
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
    let unsigned = written.trim_start_matches(['+', '-']).replace('_', "");
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        // Valid digits, but past what a TOML whole number holds (64 bits): say so, rather
        // than "not a number", and show the way out (text keeps every digit).
        return Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            visible(span, text),
            format!("`{written}` is too large for a whole number in TOML"),
        )
        .with_label("too many digits")
        .with_help(format!("whole numbers in TOML go up to 9223372036854775807; check the number, or write it as text in quotes, e.g. \"{unsigned}\""));
    }
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
    if let Some(d) = invisible_character(&span, text)
        .or_else(|| unquoted_value(&message, &span, text))
        .or_else(|| text_after_value(&message, &span, text))
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

/// Characters that look like a space, or like nothing, which TOML does not read as one: they
/// arrive with text pasted from Word, a PDF or a web page.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "a non-breaking space (U+00A0)",
        '\u{202F}' => "a narrow non-breaking space (U+202F)",
        '\u{2007}' => "a figure space (U+2007)",
        '\u{2009}' => "a thin space (U+2009)",
        '\u{200A}' => "a hair space (U+200A)",
        '\u{2002}'..='\u{2008}' => "a wide space (an en or em space)",
        '\u{200B}' => "a zero-width space (U+200B)",
        '\u{200C}' => "a zero-width non-joiner (U+200C)",
        '\u{200D}' => "a zero-width joiner (U+200D)",
        '\u{2060}' => "a word joiner (U+2060)",
        '\u{FEFF}' => "a zero-width no-break space (U+FEFF)",
        '\u{00AD}' => "a soft hyphen (U+00AD)",
        '\u{3000}' => "an ideographic space (U+3000)",
        _ => return None,
    })
}

/// An invisible character where the parser stopped (or earlier on its line, outside quotes):
/// named, since the user cannot see it.
fn invisible_character(span: &Span, text: &str) -> Option<Diagnostic> {
    let (line_start, line_end) = line_around(text, span.start);
    let stop = span.start.clamp(line_start, line_end);
    // The character at the place the parser stopped, else the first on the line before it
    // that is outside quotes.
    let at = text[stop..line_end]
        .chars()
        .next()
        .filter(|c| invisible_name(*c).is_some())
        .map(|c| (stop, c))
        .or_else(|| {
            let mut quote = None;
            text[line_start..stop].char_indices().find_map(|(i, c)| {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), c) if c == q => quote = None,
                    (None, c) if invisible_name(c).is_some() => return Some((line_start + i, c)),
                    _ => {}
                }
                None
            })
        })?;
    let (offset, c) = at;
    let name = invisible_name(c)?;
    Some(
        Diagnostic::new(
            TOML_SYNTAX,
            Severity::Error,
            offset..offset + c.len_utf8(),
            format!("there is an invisible character here: {name}, which TOML does not read as a space"),
        )
        .with_label(name)
        .with_help("it usually comes with text pasted from Word, a PDF or a web page: delete it and type an ordinary space (or nothing) in its place"),
    )
}

/// The value written after `=` on the line around `offset`, without a trailing comment:
/// (where it starts, the text).
fn value_on_line(text: &str, offset: usize) -> Option<(usize, &str)> {
    let (line_start, line_end) = line_around(text, offset);
    let line = &text[line_start..line_end];
    let equals = line.find('=')?;
    let after = &line[equals + 1..];
    let start = line_start + equals + 1 + (after.len() - after.trim_start().len());
    Some((start, after.trim()))
}

/// Values TOML cannot read without quotes that are not text either: dates written the British
/// way, yes and no, percentages with their sign, amounts with a pound sign, and text in curly
/// quotes copied from Word.
fn unquoted_value(message: &str, span: &Span, text: &str) -> Option<Diagnostic> {
    if !message.contains("string values must be quoted") {
        return None;
    }
    let (line_start, line_end) = line_around(text, span.start);
    let start = span.start.clamp(line_start, line_end);
    let rest = &text[start..line_end];
    let key = text[line_start..start]
        .trim_end()
        .strip_suffix('=')
        .map(str::trim)
        .filter(|k| !k.is_empty());
    // "key = " when the value follows a key on its line (not inside a list).
    let lhs = key.map_or_else(String::new, |k| format!("{k} = "));
    let diag = |message: String, label: &str, help: String| {
        Some(
            Diagnostic::new(
                TOML_SYNTAX,
                Severity::Error,
                visible(span.clone(), text),
                message,
            )
            .with_label(label)
            .with_help(help),
        )
    };
    // Curly quotes: the whole value, from the opening curly quote to the last one on the line.
    if let Some(open) = rest.chars().next().filter(|c| {
        matches!(
            c,
            '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{201E}'
        )
    }) {
        let inner_end = rest
            .rfind(['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}'])
            .filter(|&i| i > 0)
            .unwrap_or(rest.len());
        let inner = &rest[open.len_utf8()..inner_end];
        let whole = &rest[..(inner_end
            + rest[inner_end..].chars().next().map_or(0, char::len_utf8))
        .min(rest.len())];
        let fixed = if inner.contains('"') {
            format!("'{inner}'")
        } else {
            format!("\"{inner}\"")
        };
        return Some(
            Diagnostic::new(
                TOML_SYNTAX,
                Severity::Error,
                start..start + whole.len(),
                format!("this text starts with a curly quote {open} copied from Word: TOML needs straight double quotes \"…\""),
            )
            .with_label("curly quotes")
            .with_help(format!(
                "write {lhs}{fixed} with straight quotes (in Word, turn off \"smart quotes\" under AutoCorrect, or type the quotes again in a plain-text editor)"
            )),
        );
    }
    let value = text.get(span.clone()).unwrap_or_default().trim();
    let value = if value.is_empty() {
        rest.split('#').next().unwrap_or_default().trim()
    } else {
        value
    };
    if let Some(iso) = british_date(value) {
        return diag(
            format!("`{value}` looks like a date: write dates as {iso}, without quotes"),
            "a date written day first",
            format!("TOML dates are year-month-day: {lhs}{iso}"),
        );
    }
    let lower = value.to_ascii_lowercase();
    let boolean = match lower.as_str() {
        "yes" | "y" | "on" | "true" => Some(true),
        "no" | "n" | "off" | "false" => Some(false),
        _ => None,
    };
    if let Some(b) = boolean {
        return diag(
            format!("`{value}`: write true or false"),
            "yes or no",
            format!("write {lhs}{b}, in lower case and without quotes"),
        );
    }
    if let Some(number) = value
        .strip_suffix('%')
        .map(str::trim)
        .filter(|n| is_plain_number(n))
    {
        return diag(
            format!("`{value}`: write the number {number}, without the % sign"),
            "a percentage",
            format!("write {lhs}{number} (a percentage is written as a plain number)"),
        );
    }
    if let Some(amount) = value.strip_prefix('£').filter(|a| is_number_with_commas(a)) {
        let digits = amount.replace(',', "");
        return diag(
            format!("`{value}`: an amount with a £ sign goes in double quotes"),
            "an amount",
            format!("write {lhs}\"{value}\", or the number alone: {lhs}{digits}"),
        );
    }
    None
}

/// "27/09/2024" (also with `.` or `-`, day first as in England) → "2024-09-27".
fn british_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let number = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (d, m, y) = (number(d, 1..=2)?, number(m, 1..=2)?, number(y, 4..=4)?);
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn is_plain_number(n: &str) -> bool {
    !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && n.bytes().filter(|b| *b == b'.').count() <= 1
        && n.as_bytes()[0].is_ascii_digit()
}

/// "120,000" or "120,000.50" (at least one comma, digits in threes after it).
fn is_number_with_commas(n: &str) -> bool {
    let (whole, pence) = n.split_once('.').unwrap_or((n, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    pence.bytes().all(|b| b.is_ascii_digit())
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[0].bytes().all(|b| b.is_ascii_digit())
        && groups[1..]
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// More text after a value on its line: a number with thousands separators, an apostrophe
/// inside text in single quotes, a quotation mark inside text in double quotes.
fn text_after_value(message: &str, span: &Span, text: &str) -> Option<Diagnostic> {
    if !message.starts_with("unexpected key or value, expected newline") {
        return None;
    }
    let (start, value) = value_on_line(text, span.start)?;
    let value_span = start..start + value.len();
    let key = {
        let (line_start, _) = line_around(text, span.start);
        text[line_start..start]
            .trim_end()
            .trim_end_matches('=')
            .trim()
    };
    let diag = |message: String, label: &str, help: String| {
        Some(
            Diagnostic::new(TOML_SYNTAX, Severity::Error, value_span.clone(), message)
                .with_label(label)
                .with_help(help),
        )
    };
    let bare = value.split(" #").next().unwrap_or(value).trim();
    if is_number_with_commas(bare) {
        let digits = bare.replace(',', "");
        return diag(
            format!("`{bare}`: numbers are written without commas"),
            "a number with commas",
            if key.contains("amount") || key.contains("total") {
                format!(
                    "write {key} = {digits}; an amount may keep its commas in quotes: {key} = \"£{bare}\""
                )
            } else {
                format!("write {key} = {digits}")
            },
        );
    }
    let before = text[..span.start].chars().next_back();
    // Text in quotes that stops at a quote mark of the same kind, with more text and a closing
    // mark after it: the mark was meant to be inside the text.
    let close = |q: char| {
        value.len() > 2
            && value.starts_with(q)
            && value.ends_with(q)
            && value.matches(q).count() >= 3
            && before == Some(q)
    };
    if close('\'') {
        let inner = value[1..].trim_end_matches('\'');
        return diag(
            "the apostrophe inside this text ends it early: text in single quotes cannot contain an apostrophe".to_owned(),
            "text in single quotes",
            format!("put the text in double quotes: {key} = \"{inner}\""),
        );
    }
    if close('"') {
        let inner = value[1..].strip_suffix('"').unwrap_or(&value[1..]);
        let escaped = inner.replace('\\', "\\\\").replace('"', "\\\"");
        let single = if inner.contains('\'') {
            String::new()
        } else {
            format!(", or put it in single quotes: {key} = '{inner}'")
        };
        return diag(
            "a quotation mark inside this text ends it early".to_owned(),
            "text in double quotes",
            format!("write each \" inside the text as \\\": {key} = \"{escaped}\"{single}"),
        );
    }
    None
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
    if header.is_empty() {
        // The parser noticed at the end of the file, on an empty line: there is no header here
        // to name, and a span of one byte would run past the text. The general message says it.
        return None;
    }
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

    /// Found by `tests/properties.rs::toml_shaped_text`: a header left open where the parser
    /// notices only at the end of the file gave a span one byte past the text.
    #[test]
    fn an_unclosed_header_noticed_at_the_end_stays_inside_the_text() {
        let text = "]][[schema_version = 1\n[\"\"\"\n";
        let errors = parse(text).unwrap_err();
        assert!(!errors.is_empty());
        for d in &errors {
            assert!(d.span.end <= text.len(), "{d:#?}");
            assert!(!d.message.contains("``"), "{d:#?}");
        }
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
