//! From a JSON Schema instance path back to the byte spans in the TOML file.
//!
//! The tree is walked only when there is an error to report, so a valid file pays nothing.

use std::fmt::Write as _;

use toml::de::{DeTable, DeValue};

use crate::model::Span;

/// One step of an instance path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key of a table.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// Where a path ends up in the file.
#[derive(Debug, Clone)]
pub struct Located {
    /// The span of the key, if the last step was a key.
    pub key: Option<Span>,
    /// The span of the value (for tables, the header).
    pub value: Span,
    /// How many steps of the path were found (fewer than asked if it ran off the document).
    pub depth: usize,
}

/// Follows `segments` from the root, stopping at the deepest part that exists.
pub fn locate(root: &toml::Spanned<DeTable<'_>>, segments: &[Segment]) -> Located {
    // The root table's own span covers the whole file; point at its start instead.
    let mut here = Located {
        key: None,
        value: 0..0,
        depth: 0,
    };
    let mut node: Option<&DeValue<'_>> = None; // None = the root table
    for segment in segments {
        let table = match node {
            None => Some(root.get_ref()),
            Some(n) => n.as_table(),
        };
        let array = node.and_then(DeValue::as_array);
        let next = match (segment, table, array) {
            (Segment::Key(k), Some(t), _) => t
                .get_key_value(k.as_str())
                .map(|(key, v)| (Some(key.span()), v)),
            // jsonschema reads a digit-only key ("2024") as an index: retry it as a key.
            (Segment::Index(i), Some(t), _) => t
                .get_key_value(i.to_string().as_str())
                .map(|(key, v)| (Some(key.span()), v)),
            (Segment::Index(i), None, Some(a)) => a.get(*i).map(|v| (None, v)),
            _ => None,
        };
        let Some((key, value)) = next else { break };
        here = Located {
            key,
            value: value.span(),
            depth: here.depth + 1,
        };
        node = Some(value.get_ref());
    }
    here
}

/// Finds the value at `segments`, if it exists.
pub fn value_at<'a>(
    root: &'a toml::Spanned<DeTable<'a>>,
    segments: &[Segment],
) -> Option<&'a DeValue<'a>> {
    let mut node: Option<&DeValue<'_>> = None;
    for segment in segments {
        let next = match (segment, node) {
            (Segment::Key(k), None) => root.get_ref().get(k.as_str()),
            (Segment::Index(i), None) => root.get_ref().get(i.to_string().as_str()),
            (Segment::Key(k), Some(n)) => n.as_table().and_then(|t| t.get(k.as_str())),
            (Segment::Index(i), Some(n)) => match n {
                DeValue::Array(a) => a.get(*i),
                DeValue::Table(t) => t.get(i.to_string().as_str()),
                _ => None,
            },
        };
        node = Some(next?.get_ref());
    }
    node
}

/// Writes a path the way TOML users read it: `funding.contributions[2].amount`.
pub fn toml_path(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                let bare = !k.is_empty()
                    && k.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
                if bare {
                    out.push_str(k);
                } else {
                    let _ = write!(out, "{k:?}");
                }
            }
            Segment::Index(i) => {
                let _ = write!(out, "[{}]", i + 1);
            }
        }
    }
    out
}

/// Names the table at `path` as its header reads: `[partnership]`, or `[[organisations]]` entry 2.
pub fn table_name(path: &[Segment]) -> String {
    match path.split_last() {
        Some((Segment::Index(i), parent)) if !parent.is_empty() => {
            format!("`[[{}]]` entry {}", toml_path(parent), i + 1)
        }
        _ => format!("`[{}]`", toml_path(path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &[&str]) -> Vec<Segment> {
        p.iter()
            .map(|s| {
                s.parse::<usize>()
                    .map_or_else(|_| Segment::Key((*s).to_owned()), Segment::Index)
            })
            .collect()
    }

    #[test]
    fn finds_keys_values_and_array_elements() {
        let src = "[funding]\nunit = \"pounds\"\n[[funding.contributions]]\namount = 1\n[[funding.contributions]]\namount = 22\n";
        let doc = DeTable::parse(src).unwrap();
        let at = locate(&doc, &path(&["funding", "contributions", "1", "amount"]));
        assert_eq!(&src[at.value.clone()], "22");
        assert_eq!(&src[at.key.unwrap()], "amount");
        let missing = locate(&doc, &path(&["funding", "nothing"]));
        assert_eq!(missing.depth, 1);
        assert_eq!(&src[missing.value], "[funding]");
        assert_eq!(locate(&doc, &[]).value, 0..0);
    }

    #[test]
    fn paths_read_like_toml() {
        assert_eq!(
            toml_path(&path(&["funding", "contributions", "1", "amount"])),
            "funding.contributions[2].amount"
        );
        assert_eq!(toml_path(&[Segment::Key("a b".into())]), "\"a b\"");
    }
}
