//! What the text says around a place, read line by line so that it works on a file being typed
//! (which is often not valid TOML): the table a line is in, the key under the cursor, the key
//! whose value is being written, and the ids the file declares.

/// The table path of a header line (`[a.b]`, `[[a.b]]`), if the line is one.
pub fn header(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.split("]]").next())
        .or_else(|| line.strip_prefix('[').and_then(|l| l.split(']').next()))?;
    Some(split_dotted(inner))
}

/// `a."b c".d` → `["a", "b c", "d"]`.
pub fn split_dotted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '.') => out.push(std::mem::take(&mut current).trim().to_owned()),
            (_, c) => current.push(c),
        }
    }
    out.push(current.trim().to_owned());
    out.retain(|s| !s.is_empty());
    out
}

/// The table a byte offset is in: the path of the last header line before it (empty: the top
/// level).
pub fn table_at(text: &str, offset: usize) -> Vec<String> {
    let before = &text[..floor(text, offset)];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before[..line_start]
        .lines()
        .rev()
        .find_map(header)
        .unwrap_or_default()
}

fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The key under a byte offset: the table path it belongs to, the key, and the key's span.
/// On a `key = …` line the key is what stands before `=` (a dotted key adds to the path); on a
/// header line, the segment under the cursor, with the segments before it as the path.
pub fn key_at(text: &str, offset: usize) -> Option<(Vec<String>, String, std::ops::Range<usize>)> {
    let offset = floor(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[start..end];
    let at = offset - start;
    if let Some(path) = header(line) {
        // Which segment: count the dots before the cursor (outside quotes).
        let open = line.find('[')?;
        let before = line.get(open..at)?.trim_start_matches('[');
        let index = split_dotted(&format!("{before}x")).len().checked_sub(1)?;
        let key = path.get(index)?.clone();
        let key_start = line.find(key.as_str()).map_or(start, |i| start + i);
        let span = key_start..key_start + key.len();
        return Some((path[..index].to_vec(), key, span));
    }
    let eq = line.find('=')?;
    if at > eq || line.trim_start().starts_with('#') {
        return None;
    }
    let mut path = table_at(text, offset);
    let mut keys = split_dotted(&line[..eq]);
    let key = keys.pop()?;
    path.extend(keys);
    let key_start = line[..eq].rfind(key.as_str()).map_or(start, |i| start + i);
    let span = key_start..key_start + key.len();
    Some((path, key, span))
}

/// Where a value is being written: the table, the key, and whether the cursor is inside an open
/// string (so a completion goes without quotes) with the offset where that string's text starts.
#[derive(Debug, PartialEq, Eq)]
pub struct ValueSlot {
    /// The table the key is in.
    pub table: Vec<String>,
    /// The key whose value is being written.
    pub key: String,
    /// The offset just after the opening quote, if the cursor is inside a string.
    pub string_start: Option<usize>,
}

/// The value slot at a byte offset: on a `key = …` line after the `=`, or on a line of a list
/// that a `key = [` line opened above.
pub fn value_slot(text: &str, offset: usize) -> Option<ValueSlot> {
    let offset = floor(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let string_start = open_string(prefix).map(|i| line_start + i + 1);
    let (key_line, key_line_start) = match prefix.find('=') {
        Some(_) => (prefix, line_start),
        None => {
            // A line of a list: find the `key = [` above with its `[` still open.
            let mut depth = 0i32;
            let mut found = None;
            let mut at = line_start;
            for line in text[..line_start].split_inclusive('\n').rev() {
                at -= line.len();
                let start = at;
                let line = line.trim_end_matches(['\n', '\r']);
                depth += count(line, '[') - count(line, ']');
                if header(line).is_some() {
                    return None;
                }
                if line.contains('=') {
                    if depth > 0 {
                        found = Some((line, start));
                    }
                    break;
                }
            }
            found?
        }
    };
    let eq = key_line.find('=')?;
    if key_line.trim_start().starts_with('#') {
        return None;
    }
    let mut table = table_at(text, key_line_start);
    let mut keys = split_dotted(&key_line[..eq]);
    let key = keys.pop()?;
    table.extend(keys);
    Some(ValueSlot {
        table,
        key,
        string_start,
    })
}

/// Whether the cursor (at the end of `prefix`) is inside a basic string opened on this line:
/// the offset of its opening quote.
fn open_string(prefix: &str) -> Option<usize> {
    let mut open: Option<usize> = None;
    let mut escaped = false;
    for (i, c) in prefix.char_indices() {
        match (open, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(_), '"') if !escaped => open = None,
            (None, '"') => open = Some(i),
            (None, '#') => return None,
            _ => {}
        }
        escaped = false;
    }
    open
}

fn count(line: &str, c: char) -> i32 {
    // Brackets inside strings are text, not lists.
    let mut n = 0;
    let mut quote: Option<char> = None;
    for ch in line.chars() {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(q), ch) if ch == q => quote = None,
            (None, '#') => break,
            (None, ch) if ch == c => n += 1,
            _ => {}
        }
    }
    n
}

/// One declaration the file makes: in which table, its id and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// `organisations`, `roles` or `groups`.
    pub table: String,
    /// The id.
    pub id: String,
    /// The display name (a role's title), if written.
    pub name: Option<String>,
}

/// Every `id` declared under `[[organisations]]`, `[[roles]]` and `[[groups]]`, read line by
/// line (so it works while the file is being typed), in file order.
pub fn declared(text: &str) -> Vec<Declared> {
    let mut out: Vec<Declared> = Vec::new();
    let mut table: Option<String> = None;
    let mut current: Option<usize> = None;
    for line in text.lines() {
        if let Some(path) = header(line) {
            table = match path.as_slice() {
                [t] if matches!(t.as_str(), "organisations" | "roles" | "groups")
                    && line.trim_start().starts_with("[[") =>
                {
                    Some(t.clone())
                }
                _ => None,
            };
            current = None;
            continue;
        }
        let Some(table) = &table else { continue };
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let Some(value) = value
            .strip_prefix('"')
            .and_then(|v| v.split('"').next())
            .map(str::to_owned)
        else {
            continue;
        };
        match key.trim() {
            "id" => {
                if let Some(i) = current.filter(|&i| out[i].id.is_empty()) {
                    out[i].id = value;
                    continue;
                }
                out.push(Declared {
                    table: table.clone(),
                    id: value,
                    name: None,
                });
                current = Some(out.len() - 1);
            }
            // A role's display name is its title (its `name` is the person's).
            "name" | "title" if (key.trim() == "title") == (table == "roles") => match current {
                Some(i) if out[i].name.is_none() => out[i].name = Some(value),
                _ => {
                    // A name before the id: remember it on a placeholder the id fills.
                    out.push(Declared {
                        table: table.clone(),
                        id: String::new(),
                        name: Some(value),
                    });
                    current = Some(out.len() - 1);
                }
            },
            _ => {}
        }
    }
    out.retain(|d| !d.id.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "schema_version = 1\n[partnership]\nname = \"P\"\n\n[[organisations]]\nid = \"example-council\"\nname = \"Example Council\"\n\n[[roles]]\ntitle = \"Director\"\nid = \"dcs\"\nname = \"A. Person\"\n\n[[groups]]\nid = \"board\"\nchair = \"\"\nmembers = [\n  \"example-council\",\n  \"\n]\n";

    #[test]
    fn declarations_are_read_while_the_file_is_invalid() {
        let found = declared(DOC);
        let ids: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.table.as_str(), d.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("organisations", "example-council"),
                ("roles", "dcs"),
                ("groups", "board")
            ]
        );
        assert_eq!(found[1].name.as_deref(), Some("Director"));
    }

    #[test]
    fn the_slot_being_written_is_found_on_its_line_and_in_a_list() {
        let chair = DOC.find("chair = \"").unwrap() + "chair = \"".len();
        assert_eq!(
            value_slot(DOC, chair),
            Some(ValueSlot {
                table: vec!["groups".into()],
                key: "chair".into(),
                string_start: Some(chair)
            })
        );
        let in_list = DOC.rfind("  \"").unwrap() + 3;
        let slot = value_slot(DOC, in_list).unwrap();
        assert_eq!(slot.key, "members");
        assert_eq!(slot.string_start, Some(in_list));
        assert_eq!(value_slot(DOC, 5), None, "a key, not a value");
        let crlf = DOC.replace('\n', "\r\n");
        let in_list = crlf.rfind("  \"").unwrap() + 3;
        let slot = value_slot(&crlf, in_list).unwrap();
        assert_eq!(
            (slot.table, slot.key.as_str()),
            (vec!["groups".to_owned()], "members")
        );
    }

    #[test]
    fn the_key_under_the_cursor_knows_its_table() {
        let at = DOC.find("name = \"Example").unwrap() + 2;
        let (path, key, span) = key_at(DOC, at).unwrap();
        assert_eq!(
            (path, key.as_str()),
            (vec!["organisations".to_owned()], "name")
        );
        assert_eq!(&DOC[span], "name");
        let header_at = DOC.find("[partnership]").unwrap() + 3;
        let (path, key, _) = key_at(DOC, header_at).unwrap();
        assert!(path.is_empty());
        assert_eq!(key, "partnership");
        assert_eq!(
            key_at("[a.bee]\n", 4).map(|k| (k.0, k.1)),
            Some((vec!["a".to_owned()], "bee".to_owned()))
        );
    }
}
