//! Byte offsets → 1-based line and column (columns count characters, not bytes).

use std::borrow::Cow;

use super::SourceText;
use super::Span;

/// The start of every line of one text, built once per file when it is reported.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Cow<'a, [usize]>,
}

/// A 1-based position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode characters.
    pub column: usize,
}

/// The byte offset where each line of `text` starts.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The 0-based line of a byte offset, given the line starts.
pub(crate) fn line_at(line_starts: &[usize], offset: usize) -> usize {
    line_starts
        .partition_point(|&start| start <= offset)
        .saturating_sub(1)
}

impl<'a> LineIndex<'a> {
    /// Indexes a text. A `\r\n` ending counts as one line break.
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            line_starts: Cow::Owned(line_starts(text)),
        }
    }

    /// Borrows the line starts a reported file already has.
    pub fn of(source: &'a SourceText) -> Self {
        LineIndex {
            text: source.as_str(),
            line_starts: Cow::Borrowed(source.line_starts()),
        }
    }

    /// The position of a byte offset (clamped to the text, and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset]
            .trim_end_matches('\r')
            .chars()
            .count()
            + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The start and end positions of a span. An empty span ends where it starts.
    pub fn range(&self, span: &Span) -> (Position, Position) {
        (
            self.position(span.start),
            self.position(span.end.max(span.start)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let text = "a = 1\r\nname = \"Ça £1\"\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        let pound = text.find('£').unwrap();
        assert_eq!(
            index.position(pound),
            Position {
                line: 2,
                column: 12
            }
        );
        assert_eq!(index.position(text.len()), Position { line: 3, column: 2 });
        assert_eq!(index.position(5), Position { line: 1, column: 6 });
    }
}
