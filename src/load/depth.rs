//! The nesting-depth limit, checked on the raw text before the TOML parser runs.
//!
//! Every later stage walks the document recursively (the conversion to JSON for the schema,
//! the schema validator, serde into the model, and dropping the parsed tree), so a document
//! nested thousands of levels deep would overflow the stack and abort the process. The TOML
//! parser bounds arrays and inline tables at 80 levels, but not dotted keys: each inline table
//! may hold a key like `a.b.c…` of 79 parts, each part a table, so 16 KB of text can nest
//! over a thousand levels deep — enough to overflow a checker thread's 2 MiB stack.
//!
//! This module counts the levels a document would have — tables named in a header, the
//! tables a dotted key implies, and every array and inline table — with a small lexer that
//! splits the text exactly as the TOML lexer does (strings, comments, and the characters that
//! end a bare word) and never recurses. Where it has to guess (text that is not valid TOML),
//! it guesses deeper rather than shallower, so the limit holds for any input.

use crate::diag::Span;

/// The deepest nesting masa reads: far beyond any arrangements file (which need four or five
/// levels) and far below what would strain the stack of a checker thread.
pub const MAX_NESTING_DEPTH: usize = 64;

/// Where the document first goes deeper than `max` levels, and how deep it is there.
pub(crate) fn first_too_deep(text: &str, max: usize) -> Option<(Span, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        max,
    };
    scanner.run()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Dot,
    Equals,
    Comma,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    Newline,
    /// A string, bare word, number or date: anything that is one part of a key or a scalar.
    Word,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Array,
    InlineTable,
}

/// What the next tokens are, at the level of the innermost open container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The start of a line outside any array or inline table: a header or a key.
    LineStart,
    /// A key (inside an inline table, or at the top level after the first word).
    Key,
    /// A value (after `=`, or inside an array).
    Value,
    /// A table header's key, between `[` and `]`.
    Header,
}

struct Scanner<'a> {
    bytes: &'a [u8],
    max: usize,
}

/// An open array or inline table: its kind, its own depth, and (for an inline table) the
/// tables implied by the dotted key of the entry being read.
struct Open {
    frame: Frame,
    depth: usize,
    key_parts: usize,
}

impl Scanner<'_> {
    fn run(&mut self) -> Option<(Span, usize)> {
        let mut stack: Vec<Open> = Vec::new();
        // The depth of the table the last header opened (0 for the root table).
        let mut table_depth = 0usize;
        // Parts of the top-level key being read, or of the header being read.
        let mut top_key_parts = 0usize;
        let mut header_start = 0usize;
        let mut header_is_array = false;
        // Which lengths of header have been lists of tables (`[[a.b]]` marks 2): each such
        // header puts a table inside a list, one level more than its name shows. Lengths
        // rather than names, so that no spelling of a name can hide a level.
        let mut array_lengths: Vec<bool> = Vec::new();
        let mut expect = Expect::LineStart;
        let mut last_word: Span = 0..0;
        let mut at = 0usize;
        while let Some((token, span)) = self.next_token(&mut at) {
            match token {
                Token::Newline if stack.is_empty() => {
                    if expect == Expect::Header {
                        // An unclosed header still names its tables.
                        let depth =
                            table_depth_of(top_key_parts, header_is_array, &mut array_lengths);
                        if depth > self.max {
                            return Some((header_start..span.start, depth));
                        }
                        table_depth = depth;
                    }
                    expect = Expect::LineStart;
                    top_key_parts = 0;
                }
                Token::Newline => {}
                Token::OpenBracket if stack.is_empty() && expect == Expect::LineStart => {
                    expect = Expect::Header;
                    header_start = span.start;
                    header_is_array = self.bytes.get(span.end) == Some(&b'[');
                    if header_is_array {
                        at += 1;
                    }
                    top_key_parts = 0;
                }
                Token::CloseBracket if stack.is_empty() && expect == Expect::Header => {
                    let depth = table_depth_of(top_key_parts, header_is_array, &mut array_lengths);
                    if depth > self.max {
                        return Some((header_start..span.end, depth));
                    }
                    table_depth = depth;
                    // Whatever follows on the line (the second `]`, or stray text) is read as
                    // a value would be, so brackets there count too.
                    expect = Expect::Value;
                    top_key_parts = 0;
                }
                Token::Word if expect == Expect::Header => {
                    top_key_parts = top_key_parts.max(1);
                }
                Token::Dot if expect == Expect::Header => top_key_parts = top_key_parts.max(1) + 1,
                Token::Word if matches!(expect, Expect::LineStart | Expect::Key) => {
                    if expect == Expect::LineStart {
                        expect = Expect::Key;
                    }
                    let parts = match stack.last_mut() {
                        Some(open) => &mut open.key_parts,
                        None => &mut top_key_parts,
                    };
                    *parts = (*parts).max(1);
                    last_word = span;
                }
                Token::Dot if expect == Expect::Key => {
                    let parts = match stack.last_mut() {
                        Some(open) => &mut open.key_parts,
                        None => &mut top_key_parts,
                    };
                    *parts = (*parts).max(1) + 1;
                    // The tables a dotted key implies: `a.b.c = 1` opens `a` and `b`.
                    let depth = self.parent_depth(&stack, table_depth, top_key_parts);
                    if depth > self.max {
                        // The part of the key that names the table one level too deep.
                        return Some((last_word, depth));
                    }
                }
                Token::Equals => expect = Expect::Value,
                Token::Comma => {
                    if let Some(open) = stack.last_mut() {
                        if open.frame == Frame::InlineTable {
                            open.key_parts = 0;
                            expect = Expect::Key;
                        }
                    }
                }
                Token::OpenBracket | Token::OpenBrace => {
                    let depth = self.parent_depth(&stack, table_depth, top_key_parts) + 1;
                    if depth > self.max {
                        return Some((span, depth));
                    }
                    let frame = if token == Token::OpenBracket {
                        expect = Expect::Value;
                        Frame::Array
                    } else {
                        expect = Expect::Key;
                        Frame::InlineTable
                    };
                    stack.push(Open {
                        frame,
                        depth,
                        key_parts: 0,
                    });
                }
                Token::CloseBracket | Token::CloseBrace => {
                    let frame = if token == Token::CloseBracket {
                        Frame::Array
                    } else {
                        Frame::InlineTable
                    };
                    // A closer that does not match is ignored: the document stays as deep
                    // as it was, which can only overestimate.
                    if stack.last().is_some_and(|open| open.frame == frame) {
                        stack.pop();
                        // Back in the container's parent, after the value it was.
                        expect = Expect::Value;
                    }
                }
                Token::Dot | Token::Word => {}
            }
        }
        if expect == Expect::Header {
            let depth = table_depth_of(top_key_parts, header_is_array, &mut array_lengths);
            if depth > self.max {
                return Some((header_start..self.bytes.len(), depth));
            }
        }
        None
    }

    /// The depth of the table that holds the value being read: the open container plus the
    /// tables its entry's dotted key implies (all but the key's last part).
    fn parent_depth(&self, stack: &[Open], table_depth: usize, top_key_parts: usize) -> usize {
        match stack.last() {
            Some(open) if open.frame == Frame::InlineTable => {
                open.depth + open.key_parts.saturating_sub(1)
            }
            Some(open) => open.depth,
            None => table_depth + top_key_parts.saturating_sub(1),
        }
    }

    /// The next token from `*at`, skipping whitespace and comments, split as the TOML lexer
    /// splits text.
    fn next_token(&self, at: &mut usize) -> Option<(Token, Span)> {
        let bytes = self.bytes;
        loop {
            let start = *at;
            let &byte = bytes.get(start)?;
            let (token, end) = match byte {
                b' ' | b'\t' | b'\r' => {
                    *at += 1;
                    continue;
                }
                b'#' => {
                    *at = after(bytes, start, memchr::memchr2(b'\r', b'\n', &bytes[start..]));
                    continue;
                }
                b'\n' => (Token::Newline, start + 1),
                b'.' => (Token::Dot, start + 1),
                b'=' => (Token::Equals, start + 1),
                b',' => (Token::Comma, start + 1),
                b'[' => (Token::OpenBracket, start + 1),
                b']' => (Token::CloseBracket, start + 1),
                b'{' => (Token::OpenBrace, start + 1),
                b'}' => (Token::CloseBrace, start + 1),
                b'"' | b'\'' => (Token::Word, string_end(bytes, start)),
                _ => (Token::Word, find_any(bytes, start, &WORD_END)),
            };
            *at = end;
            return Some((token, start..end));
        }
    }
}

/// The innermost array or inline table open at byte `offset` that is still open at the end
/// of the text: its opening bracket, and whether it is an array. `None` when every container
/// open there is closed later (the problem at `offset` is then something else).
pub(crate) fn unclosed_at(text: &str, offset: usize) -> Option<(Span, bool)> {
    let scanner = Scanner {
        bytes: text.as_bytes(),
        max: usize::MAX,
    };
    // Each open container: its kind, its opening bracket, and whether it held `offset`.
    let mut stack: Vec<(Frame, Span)> = Vec::new();
    let mut innermost: Option<(usize, Span)> = None; // (its index in the stack, its span)
    let mut line_start = true;
    let mut at = 0usize;
    while let Some((token, span)) = scanner.next_token(&mut at) {
        if innermost.is_none() && span.start >= offset {
            innermost = stack
                .last()
                .map(|(_, open)| (stack.len() - 1, open.clone()));
            innermost.as_ref()?;
        }
        match token {
            // A table header at the start of a line outside any container is not an array.
            Token::OpenBracket if line_start && stack.is_empty() => {
                at = after(
                    text.as_bytes(),
                    at,
                    memchr::memchr(b'\n', &text.as_bytes()[at..]),
                );
            }
            Token::OpenBracket => stack.push((Frame::Array, span)),
            Token::OpenBrace => stack.push((Frame::InlineTable, span)),
            Token::CloseBracket | Token::CloseBrace => {
                let frame = if token == Token::CloseBracket {
                    Frame::Array
                } else {
                    Frame::InlineTable
                };
                if stack.last().is_some_and(|(open, _)| *open == frame) {
                    stack.pop();
                    if innermost.as_ref().is_some_and(|(i, _)| *i >= stack.len()) {
                        return None;
                    }
                }
            }
            _ => {}
        }
        line_start = token == Token::Newline;
    }
    if innermost.is_none() {
        innermost = stack
            .last()
            .map(|(_, open)| (stack.len() - 1, open.clone()));
    }
    let (index, span) = innermost?;
    Some((span, stack[index].0 == Frame::Array))
}

/// `[a.b]` is two levels deep; `[[a.b]]` three (the list, then the table in it); and each
/// shorter header that was a list of tables adds the level of the table inside it (`[a.b]`
/// after `[[a]]` is three deep: `a`, the last table in it, `b`). Judged by lengths, this can
/// count a level that is not there, never miss one.
fn table_depth_of(parts: usize, is_array: bool, array_lengths: &mut Vec<bool>) -> usize {
    let parts = parts.max(1);
    if is_array {
        if array_lengths.len() <= parts {
            array_lengths.resize(parts + 1, false);
        }
        array_lengths[parts] = true;
    }
    let lists = array_lengths
        .iter()
        .take(parts + 1)
        .filter(|&&is_list| is_list)
        .count();
    parts + lists
}

/// A set of bytes as a lookup table (one test per byte of text, not one per member).
const fn byte_set(members: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < members.len() {
        set[members[i] as usize] = true;
        i += 1;
    }
    set
}

/// What ends a bare word, as in the TOML lexer (quotes do not: `a"b` is one word).
static WORD_END: [bool; 256] = byte_set(b".=,[]{} \t#\r\n");

/// `from` plus a position found by searching `bytes[from..]`, or the end if none was found.
fn after(bytes: &[u8], from: usize, found: Option<usize>) -> usize {
    found.map_or(bytes.len(), |i| from + i)
}

/// The first position at or after `from` holding a byte of `set`, or the end.
fn find_any(bytes: &[u8], from: usize, set: &[bool; 256]) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| set[usize::from(b)])
        .map_or(bytes.len(), |i| from + i)
}

/// The end of the string starting at `start`, as the TOML lexer finds it: a one-line string
/// ends at its closing quote or before the end of the line; a multi-line one at its closing
/// triple quote (plus up to two more quotes), or at the end of the text.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let basic = quote == b'"';
    let triple = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    // Where to stop and look closer: the string's end, an escape, a line break. Strings hold
    // most of an arrangements file's bytes, so this is a vectorised search (memchr).
    let next_stop = |from: usize| {
        let rest = &bytes[from..];
        after(
            bytes,
            from,
            match (basic, triple) {
                (true, false) => memchr::memchr3(b'"', b'\\', b'\n', rest),
                (true, true) => memchr::memchr2(b'"', b'\\', rest),
                (false, false) => memchr::memchr2(b'\'', b'\n', rest),
                (false, true) => memchr::memchr(b'\'', rest),
            },
        )
    };
    let mut i = start + if triple { 3 } else { 1 };
    loop {
        i = next_stop(i.min(bytes.len()));
        let Some(&b) = bytes.get(i) else {
            return bytes.len();
        };
        if b == b'\\' {
            // `\\` and `\"` are skipped whole; any other escape is one byte.
            i += 1;
            if matches!(bytes.get(i), Some(b'\\' | b'"')) {
                i += 1;
            }
        } else if b == b'\n' {
            // Only one-line strings stop here, before the line break.
            return i;
        } else if !triple {
            return i + 1;
        } else if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
            let mut end = i + 3;
            for _ in 0..2 {
                if bytes.get(end) == Some(&quote) {
                    end += 1;
                }
            }
            return end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_error(text: &str, max: usize) -> Option<(String, usize)> {
        first_too_deep(text, max).map(|(span, depth)| (text[span].to_owned(), depth))
    }

    #[test]
    fn real_documents_are_shallow() {
        let text = "schema_version = 1\n[partnership]\nname = \"x\"\n[[funding.contributions]]\namount = { pounds = [1, [2]] }\n";
        // funding (1), contributions (2), the table in it (3), the inline table (4), the
        // outer list (5), the inner list (6).
        assert_eq!(depth_error(text, 6), None);
        assert_eq!(depth_error(text, 5), Some(("[".to_owned(), 6)));
        assert_eq!(depth_error(text, 3), Some(("{".to_owned(), 4)));
    }

    #[test]
    fn arrays_and_inline_tables_count_one_level_each() {
        let text = format!("x = {}{}\n", "[".repeat(70), "]".repeat(70));
        let (_, depth) = first_too_deep(&text, 64).unwrap();
        assert_eq!(depth, 65);
        let (span, _) = first_too_deep(&text, 64).unwrap();
        assert_eq!(span, 4 + 64..4 + 65, "the 65th `[`");
        let text = format!("x = {}1{}\n", "{a = ".repeat(65), "}".repeat(65));
        assert_eq!(first_too_deep(&text, 64).unwrap().1, 65);
        let text = format!("x = {}1{}\n", "{a = ".repeat(64), "}".repeat(64));
        assert_eq!(first_too_deep(&text, 64), None);
    }

    #[test]
    fn dotted_keys_and_headers_count_their_tables() {
        let key: Vec<String> = (0..70).map(|i| format!("k{i}")).collect();
        let text = format!("{} = 1\n", key.join("."));
        assert_eq!(depth_error(&text, 64), Some(("k64".to_owned(), 65)));
        let text = format!("[{}]\n", key.join("."));
        let (found, depth) = depth_error(&text, 64).unwrap();
        assert_eq!(depth, 70);
        assert!(
            found.starts_with("[k0.") && found.ends_with("k69]"),
            "{found}"
        );
        // Dotted keys inside inline tables: the way past the TOML parser's own limit.
        let dotted = key[..40].join(".");
        let text = format!("x = {{{dotted} = {{{dotted} = 1}}}}\n");
        assert_eq!(depth_error(&text, 64).unwrap().1, 65);
        // A header's depth carries into its keys.
        let text = format!("[{}]\n{} = 1\n", key[..40].join("."), key[..30].join("."));
        assert_eq!(depth_error(&text, 64).unwrap().1, 65);
        // Headers below lists of tables count the table inside each list.
        assert_eq!(first_too_deep("[[a]]\n[a.b]\n[[a.b.c]]\n", 5), None);
        assert_eq!(first_too_deep("[[a]]\n[a.b]\n[[a.b.c]]\n", 4).unwrap().1, 5);
        // ...and ends at the next header.
        let text = format!(
            "[{}]\n[b]\n{} = 1\n",
            key[..40].join("."),
            key[..30].join(".")
        );
        assert_eq!(depth_error(&text, 64), None);
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "[".repeat(100);
        for text in [
            format!("x = \"{deep}\"\n"),
            format!("x = '{deep}'\n"),
            format!("x = \"\"\"\n{deep}\n\"\"\"\n"),
            format!("x = '''\n{deep}\n'''\n"),
            format!("x = \"\\\"{deep}\"\n"),
            format!("# {deep}\nx = 1\n"),
            format!("x = 1 # {deep}\n"),
            format!("\"a.b.c\" = \"{deep}\"\n"),
        ] {
            assert_eq!(first_too_deep(&text, 64), None, "{text}");
        }
    }

    #[test]
    fn unclosed_strings_end_where_the_toml_lexer_ends_them() {
        // A one-line string ends at the end of its line, so the next line counts.
        let text = format!("x = \"open\ny = {}\n", "[".repeat(70));
        assert!(first_too_deep(&text, 64).is_some());
        let text = format!("x = 'open\ny = {}\n", "[".repeat(70));
        assert!(first_too_deep(&text, 64).is_some());
        // An unclosed multi-line string runs to the end.
        let text = format!("x = \"\"\"open\ny = {}\n", "[".repeat(70));
        assert!(first_too_deep(&text, 64).is_none());
    }

    #[test]
    fn unclosed_and_mismatched_brackets_never_make_it_shallower() {
        let text = format!("x = {}\n", "[{".repeat(40));
        assert!(first_too_deep(&text, 64).is_some());
        let text = format!("x = {}\n", "[}".repeat(70));
        assert!(first_too_deep(&text, 64).is_some());
        let text = "x = [1, 2]]]]]]\ny = [[3]]\n";
        assert_eq!(first_too_deep(text, 2), None);
        assert_eq!(first_too_deep(text, 1).unwrap().1, 2);
    }

    #[test]
    fn finds_the_container_left_open() {
        let text = "[t]\nx = [\"a\", \"b\"\ny = 1\nz = [1]\n";
        let at = text.find("y =").unwrap();
        assert_eq!(unclosed_at(text, at), Some((8..9, true)));
        let text = "x = { a = 1\ny = 2\n";
        assert_eq!(
            unclosed_at(text, text.find("y =").unwrap()),
            Some((4..5, false))
        );
        // Closed later: a missing comma, not an unclosed list.
        let text = "x = [\n\"a\"\n\"b\",\n]\n";
        assert_eq!(unclosed_at(text, text.find("\"b").unwrap()), None);
        // Nothing open at all.
        assert_eq!(unclosed_at("a = 1\nb = 2\n", 6), None);
    }

    #[test]
    fn scanning_is_linear_and_never_recurses() {
        let text = "[{".repeat(500_000);
        assert!(first_too_deep(&text, 64).is_some());
        let text = "a.".repeat(500_000);
        assert!(first_too_deep(&text, 64).is_some());
        let text = "\"".repeat(1_000_001);
        assert!(first_too_deep(&text, 64).is_none());
    }
}
