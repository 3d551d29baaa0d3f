//! Byte offsets ↔ LSP positions. LSP counts lines from 0 and columns in UTF-16 code units
//! (the protocol's default `positionEncoding`); masa's spans are byte offsets into UTF-8 text.
//! A "£" is 2 bytes and 1 unit, a "“" 3 bytes and 1 unit, an emoji 4 bytes and 2 units.

use lsp_types::{Position, Range};

/// The line starts of one text, to turn offsets into positions and back.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The position of a byte offset (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    /// The range of a byte span.
    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end.max(span.start)),
        }
    }

    /// The byte offset of a position. A line past the end is the end of the text; a column past
    /// the end of its line is the end of the line (as the protocol asks); a column inside a
    /// character (between the two halves of a surrogate pair) is that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units + c.len_utf16() > position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_code_units() {
        let text = "a = 1\r\nname = \"“£” 😀 x\"\n";
        let lines = Lines::new(text);
        let x = text.find('x').unwrap();
        // name = "  is 8 units, “ £ ” 3 units, space, 😀 2 units, space: x at 15.
        assert_eq!(
            lines.position(x),
            Position {
                line: 1,
                character: 15
            }
        );
        assert_eq!(lines.offset(lines.position(x)), x);
        let pound = text.find('£').unwrap();
        assert_eq!(lines.position(pound).character, 9);
        assert_eq!(lines.offset(Position::new(1, 9)), pound);
        // Inside the surrogate pair: the emoji's start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(lines.position(emoji).character, 12);
        assert_eq!(lines.offset(Position::new(1, 12)), emoji);
        assert_eq!(lines.offset(Position::new(1, 13)), emoji);
        assert_eq!(lines.offset(Position::new(1, 14)), emoji + '😀'.len_utf8());
        // Past the end of the line: the line's end, before \r\n.
        assert_eq!(lines.offset(Position::new(0, 99)), 5);
        assert_eq!(lines.offset(Position::new(9, 0)), text.len());
        // Inside a character: clamped to its start.
        assert_eq!(lines.position(pound + 1), lines.position(pound));
    }
}
