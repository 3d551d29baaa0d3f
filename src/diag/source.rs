//! A file's text with its line starts, as miette reads it.
//!
//! miette's own `SourceCode` for `str` finds a snippet by scanning the text from its first byte,
//! so rendering one finding costs the whole file and a report costs findings × file size (a third
//! of the time to check and print a real file with 36 findings). This one starts the same scan a
//! few lines before the finding, found by binary search, and gives exactly what miette's scan
//! gives: same bytes, same line and column numbers.

use std::fmt;
use std::ops::Deref;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::line_index;

/// A file's text, indexed by line once, for rendering many findings in it.
#[derive(Clone, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    /// Where each `\n`-ended line starts.
    line_starts: Vec<usize>,
    /// miette also ends a line at a `\r` not followed by `\n`; with one of those the `\n` line
    /// numbers are not miette's, so such a text is read the slow way.
    has_lone_cr: bool,
}

impl SourceText {
    /// Indexes a text.
    pub fn new(text: String) -> Self {
        let line_starts = line_index::line_starts(&text);
        let has_lone_cr = text
            .match_indices('\r')
            .any(|(i, _)| text.as_bytes().get(i + 1) != Some(&b'\n'));
        SourceText {
            text,
            line_starts,
            has_lone_cr,
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The byte offset where each line starts (after each `\n`).
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }
}

impl Deref for SourceText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Debug for SourceText {
    /// The text is not printed: it can be megabytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceText")
            .field("bytes", &self.text.len())
            .field("lines", &self.line_starts.len())
            .finish()
    }
}

impl SourceCode for SourceText {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if self.has_lone_cr {
            return self
                .text
                .read_span(span, context_lines_before, context_lines_after);
        }
        // Start at a line start with at least `context_lines_before` whole lines before the
        // span's line (one more for good measure): miette's scan keeps only that many, so
        // everything before this point would be dropped anyway.
        let line = line_index::line_at(&self.line_starts, span.offset());
        let first = line.saturating_sub(context_lines_before.saturating_add(1));
        let skipped = self.line_starts[first];
        if span.offset() < skipped {
            return Err(MietteError::OutOfBounds);
        }
        let local = SourceSpan::new((span.offset() - skipped).into(), span.len());
        let contents =
            self.text[skipped..].read_span(&local, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new(
            contents.data(),
            SourceSpan::new(
                (contents.span().offset() + skipped).into(),
                contents.span().len(),
            ),
            contents.line() + first,
            contents.column(),
            contents.line_count() + first,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of every text, at several context sizes, reads exactly as miette's own scan.
    #[test]
    fn reads_every_span_exactly_as_miette_does() {
        let texts = [
            "",
            "a",
            "a = 1\nb = 2\n",
            "a = 1\r\nname = \"Ça £1\"\r\n\r\nz = [\n  1,\n]\nlast",
            "\n\n\nx\n\ny\n\n",
            "only\rcarriage\rreturns\r\nand\nnew lines",
            "é\nü\n£\n€\n\n",
        ];
        let long: String = (1..=30).map(|n| format!("line{n} = {n}\n")).collect();
        for text in texts.iter().copied().chain([long.as_str()]) {
            let indexed = SourceText::new(text.to_owned());
            for start in 0..=text.len() {
                for end in start..=text.len().min(start + 12) {
                    for (before, after) in [(0, 0), (1, 1), (2, 3), (5, 0), (usize::MAX, 2)] {
                        let span = SourceSpan::new(start.into(), end - start);
                        let ours = indexed.read_span(&span, before, after);
                        let theirs = text.read_span(&span, before, after);
                        match (ours, theirs) {
                            (Ok(o), Ok(t)) => {
                                let what = format!("{text:?} {start}..{end} ({before}, {after})");
                                assert_eq!(o.data(), t.data(), "data of {what}");
                                assert_eq!(o.span(), t.span(), "span of {what}");
                                assert_eq!(o.line(), t.line(), "line of {what}");
                                assert_eq!(o.column(), t.column(), "column of {what}");
                                assert_eq!(o.line_count(), t.line_count(), "count of {what}");
                            }
                            (Err(_), Err(_)) => {}
                            (o, t) => panic!(
                                "{text:?} {start}..{end}: ours ok {}, miette ok {}",
                                o.is_ok(),
                                t.is_ok()
                            ),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn debug_does_not_print_the_text() {
        let s = format!("{:?}", SourceText::new("secret = 1\n".into()));
        assert!(!s.contains("secret"), "{s}");
    }
}
