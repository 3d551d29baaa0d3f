//! Typographic characters where TOML needs plain ones: “curly” double quotes written as a
//! string's quotes, and non-breaking spaces between keys, `=` and values. Word processors put
//! them in; each makes the file invalid TOML, so the fix is an edit of the text at the syntax
//! error's line, not of a parsed value.

use crate::diag::{Diagnostic, Edit, Fix};

const LEFT: char = '\u{201C}';
const RIGHT: char = '\u{201D}';
/// Spaces that look like a space but are not one to TOML: no-break, narrow no-break, figure.
const ODD_SPACES: [char; 3] = ['\u{00A0}', '\u{202F}', '\u{2007}'];

/// Attaches to each syntax finding the fix of the typographic characters on its line, if any.
pub(crate) fn attach_fixes(diagnostics: &mut [Diagnostic], text: &str) {
    for d in diagnostics {
        let (start, end) = line_of(text, d.span.start);
        let edits = line_edits(&text[start..end], start);
        // Only where the parser stumbled on a typographic character: curly quotes inside a
        // multi-line string are text, and a syntax error elsewhere on their line is not theirs.
        let theirs = edits
            .iter()
            .any(|e| e.span.start <= d.span.start && d.span.start < e.span.end);
        if theirs {
            let quotes = edits.iter().any(|e| e.replacement == "\"");
            let spaces = edits.iter().any(|e| e.replacement == " ");
            let (title, help) = match (quotes, spaces) {
                (true, false) => (
                    "write plain quotes",
                    "TOML text goes in plain double quotes (\"), not typographic ones (“ ”); `masa check --fix` writes them",
                ),
                (false, true) => (
                    "write plain spaces",
                    "this line has a non-breaking space where TOML needs a plain one; `masa check --fix` writes it",
                ),
                _ => (
                    "write plain quotes and spaces",
                    "TOML text goes in plain double quotes (\"), not typographic ones (“ ”), and TOML needs plain spaces, not non-breaking ones; `masa check --fix` writes them",
                ),
            };
            // The syntax stage's own help names the line written right; keep it and say that
            // --fix does it. Otherwise, this general help.
            d.help = Some(match d.help.take() {
                Some(own) => format!("{own}; `masa check --fix` does this for you"),
                None => help.to_owned(),
            });
            d.fix = Some(Fix {
                title: title.to_owned(),
                applicability: crate::diag::Applicability::Safe,
                edits,
            });
        }
    }
}

fn line_of(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

/// The edits that make one line's typographic quotes and spaces plain, with `at` the line's
/// offset in the file. Nothing when the line holds a multi-line string's quotes (a line inside
/// one cannot be judged alone), or a curly-quoted text holding `"` or `\` (turning it into a
/// TOML string would need a person's eye).
pub(crate) fn line_edits(line: &str, at: usize) -> Vec<Edit> {
    if line.contains("\"\"\"") || line.contains("'''") {
        return Vec::new();
    }
    let mut edits = Vec::new();
    let mut chars = line.char_indices().peekable();
    let plain = |i: usize, c: char, with: &str| Edit {
        span: at + i..at + i + c.len_utf8(),
        replacement: with.to_owned(),
    };
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => break,
            '"' | '\'' => {
                // A plain string: skip to its end (a basic string may escape its quote).
                let mut escaped = false;
                for (_, d) in chars.by_ref() {
                    if c == '"' && d == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if d == c && !escaped {
                        break;
                    }
                    escaped = false;
                }
            }
            LEFT | RIGHT => {
                // A text in curly quotes: up to the next curly (or plain) double quote.
                let mut close: Option<(usize, char)> = None;
                let mut clean = true;
                for (j, d) in chars.by_ref() {
                    match d {
                        LEFT | RIGHT | '"' => {
                            close = Some((j, d));
                            break;
                        }
                        '\\' => clean = false,
                        _ => {}
                    }
                }
                let Some((j, d)) = close.filter(|_| clean) else {
                    return Vec::new();
                };
                edits.push(plain(i, c, "\""));
                if d != '"' {
                    edits.push(plain(j, d, "\""));
                }
            }
            c if ODD_SPACES.contains(&c) => edits.push(plain(i, c, " ")),
            _ => {}
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(line: &str) -> String {
        let edits = line_edits(line, 0);
        crate::diag::apply_fixes(
            line,
            [&Fix {
                title: String::new(),
                applicability: crate::diag::Applicability::Safe,
                edits,
            }],
        )
        .0
    }

    #[test]
    fn curly_quotes_around_a_value_become_plain() {
        assert_eq!(
            fixed("name = “Example £ ‘Partnership’” # “note”"),
            "name = \"Example £ ‘Partnership’\" # “note”"
        );
        assert_eq!(fixed("name = “half\""), "name = \"half\"");
    }

    #[test]
    fn curly_quotes_inside_a_plain_string_are_text() {
        assert_eq!(
            fixed("says = \"the “Board” said\""),
            "says = \"the “Board” said\""
        );
        assert!(line_edits("says = 'the “Board”'", 0).is_empty());
    }

    #[test]
    fn non_breaking_spaces_outside_strings_become_spaces() {
        assert_eq!(
            fixed("website\u{a0}= \"a\u{a0}b\""),
            "website = \"a\u{a0}b\""
        );
    }

    #[test]
    fn only_the_errors_at_a_typographic_character_get_the_fix() {
        let text = "schema_version = 1\ntext = \"\"\"\nHe said “hello” \\q\n\"\"\"\nname = “x”\n";
        let found = match crate::load::parse(text) {
            Err(found) => found,
            Ok(_) => panic!("invalid TOML"),
        };
        // The bad escape inside the string: its line's curly quotes are text, not the error.
        assert!(found[0].message.contains("escape"), "{found:#?}");
        assert!(found[0].fix.is_none(), "{found:#?}");
        // The value in curly quotes: the error is at the quote.
        assert_eq!(found.len(), 2, "{found:#?}");
        let edits = &found[1].fix.as_ref().expect("a fix").edits;
        let replaced: Vec<&str> = edits.iter().map(|e| &text[e.span.clone()]).collect();
        assert_eq!(replaced, ["“", "”"]);
    }

    #[test]
    fn what_needs_a_person_is_left() {
        assert!(line_edits("name = “a \\ b”", 0).is_empty());
        assert!(line_edits("name = “unclosed", 0).is_empty());
        assert!(line_edits("text = \"\"\"“x”", 0).is_empty());
    }
}
