//! Fixes: the edits that mend a finding, and whether they are safe to apply without a person
//! reading them (ruff's model). Every front end that applies them (`masa check --fix`, the
//! language server's code actions) speaks this vocabulary.

use super::Span;

/// Whether a fix may be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Mechanical and right in every context: `masa check --fix` applies it.
    Safe,
    /// Usually right, but it changes what the document claims: applied only with
    /// `--unsafe-fixes` (or chosen in an editor).
    Unsafe,
}

impl Applicability {
    /// The lower-case word used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement of a byte range of the file's text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    /// The bytes replaced (empty: an insertion).
    pub span: Span,
    /// What they are replaced with.
    pub replacement: String,
}

/// The fix of one finding: edits that are applied together, or not at all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fix {
    /// What the fix does, as a command: "write `published`".
    pub title: String,
    /// Whether it may be applied without a person reading it.
    pub applicability: Applicability,
    /// The edits, which never overlap.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        applicability: Applicability,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix {
            title: title.into(),
            applicability,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }

    /// A safe fix that replaces one span.
    pub fn safe(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix::replace(Applicability::Safe, title, span, replacement)
    }

    /// An unsafe fix that replaces one span.
    pub fn unsafe_(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix::replace(Applicability::Unsafe, title, span, replacement)
    }

    /// Whether every edit lies inside `text` on character boundaries and no two overlap: a fix
    /// that fails this is never applied.
    pub fn fits(&self, text: &str) -> bool {
        let mut spans: Vec<&Span> = self.edits.iter().map(|e| &e.span).collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans.iter().all(|s| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        }) && spans.windows(2).all(|w| w[0].end <= w[1].start)
    }
}

/// Applies the edits of several fixes to `text`, in order of position. A fix that does not fit
/// the text, or with an edit that overlaps one already taken, is skipped whole (the next run
/// picks it up). Returns the new text and the positions in `fixes` of those applied.
pub fn apply_fixes<'a>(
    text: &str,
    fixes: impl IntoIterator<Item = &'a Fix>,
) -> (String, Vec<usize>) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = Vec::new();
    for (i, fix) in fixes.into_iter().enumerate() {
        if !fix.fits(text) {
            continue;
        }
        let clashes = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                (e.span.start < t.span.end && t.span.start < e.span.end)
                    || (e.span.is_empty() && t.span.is_empty() && e.span.start == t.span.start)
            })
        });
        if clashes {
            continue;
        }
        taken.extend(fix.edits.iter());
        applied.push(i);
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// `text` as a TOML basic string, quotes included, with what must be escaped escaped.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_apply_in_position_order_and_overlaps_wait() {
        let text = "a = 1\nb = 2\n";
        let second = Fix::safe("b", 6..7, "bee");
        let first = Fix::safe("a", 0..1, "ay");
        let overlapping = Fix::safe("x", 0..3, "x");
        let (out, applied) = apply_fixes(text, [&second, &first, &overlapping]);
        assert_eq!(out, "ay = 1\nbee = 2\n");
        assert_eq!(applied, [0, 1]);
    }

    #[test]
    fn a_fix_outside_the_text_or_inside_a_character_is_not_applied() {
        let text = "n = \"£\"";
        let inside = Fix::safe("x", 5..6, "x");
        let past = Fix::safe("x", 5..50, "x");
        assert!(!inside.fits(text));
        assert!(!past.fits(text));
        assert_eq!(
            apply_fixes(text, [&inside, &past]),
            (text.to_owned(), vec![])
        );
    }

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(toml_string("a \"b\" \\ £"), r#""a \"b\" \\ £""#);
        assert_eq!(toml_string("x\u{1}"), r#""x\u0001""#);
    }
}
