//! Removing what the schema rejected, so that the rest of a broken file can still be read.
//!
//! When a file has structural problems the rules do not run (they would judge a document
//! that is not what the user wrote), but id references still can: after the invalid parts
//! are cut away, the remainder deserializes and every `unknown-reference` is reported in
//! the same run as the structural problems.

use std::cmp::Ordering;
use std::collections::HashSet;

use toml::de::{DeArray, DeTable, DeValue};

use super::locate::Segment;

fn compare(a: &[Segment], b: &[Segment]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = match (x, y) {
            (Segment::Index(i), Segment::Index(j)) => i.cmp(j),
            (Segment::Key(i), Segment::Key(j)) => i.cmp(j),
            (Segment::Index(_), Segment::Key(_)) => Ordering::Less,
            (Segment::Key(_), Segment::Index(_)) => Ordering::Greater,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

/// Removes the nodes at `paths`. Returns false if one of them is the root (nothing can be kept).
///
/// Linear in the number of paths (times their depth): a path under another removed path is
/// skipped by looking its ancestors up in a set, and the elements removed from one array are
/// taken out in a single pass over it.
pub fn remove_all(root: &mut DeTable<'_>, mut paths: Vec<Vec<Segment>>) -> bool {
    if paths.iter().any(Vec::is_empty) {
        return false;
    }
    paths.sort_by(|a, b| compare(a, b));
    paths.dedup();
    let all: HashSet<&[Segment]> = paths.iter().map(Vec::as_slice).collect();
    // An ancestor that is removed too takes this node with it.
    let kept: Vec<&[Segment]> = paths
        .iter()
        .map(Vec::as_slice)
        .filter(|p| !(1..p.len()).any(|n| all.contains(&p[..n])))
        .collect();
    // Array elements grouped by their array (the paths are sorted, so each group is a run).
    let mut elements: Vec<(&[Segment], Vec<usize>)> = Vec::new();
    for path in kept {
        let Some((last, parent)) = path.split_last() else {
            continue;
        };
        if let Segment::Index(i) = last {
            if is_array(root, parent) {
                match elements.last_mut() {
                    Some((p, indices)) if *p == parent => indices.push(*i),
                    _ => elements.push((parent, vec![*i])),
                }
                continue;
            }
        }
        remove(root, path);
    }
    for (parent, indices) in elements {
        remove_elements(root, parent, &indices.into_iter().collect());
    }
    true
}

/// The value at `path`, for changing it.
fn value_mut<'a, 'b>(root: &'a mut DeTable<'b>, path: &[Segment]) -> Option<&'a mut DeValue<'b>> {
    let (first, rest) = path.split_first()?;
    let mut node = match first {
        Segment::Key(k) => root.get_mut(k.as_str())?,
        Segment::Index(i) => root.get_mut(i.to_string().as_str())?,
    }
    .get_mut();
    for segment in rest {
        node = match (node, segment) {
            (DeValue::Table(t), Segment::Key(k)) => t.get_mut(k.as_str())?.get_mut(),
            (DeValue::Table(t), Segment::Index(i)) => t.get_mut(i.to_string().as_str())?.get_mut(),
            (DeValue::Array(a), Segment::Index(i)) => a.get_mut(*i)?.get_mut(),
            _ => return None,
        };
    }
    Some(node)
}

fn is_array(root: &mut DeTable<'_>, path: &[Segment]) -> bool {
    matches!(value_mut(root, path), Some(DeValue::Array(_)))
}

/// Removes the elements at `indices` from the array at `parent`, in one pass.
fn remove_elements(root: &mut DeTable<'_>, parent: &[Segment], indices: &HashSet<usize>) {
    if let Some(DeValue::Array(a)) = value_mut(root, parent) {
        let kept: DeArray<'_> = std::mem::replace(a, DeArray::new())
            .into_iter()
            .enumerate()
            .filter(|(j, _)| !indices.contains(j))
            .map(|(_, v)| v)
            .collect();
        *a = kept;
    }
}

/// Removes one key of a table (or element of an array).
fn remove(root: &mut DeTable<'_>, path: &[Segment]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let table = if parents.is_empty() {
        Some(root)
    } else {
        match value_mut(root, parents) {
            Some(DeValue::Table(t)) => Some(t),
            // Array elements are removed together, by `remove_elements`.
            _ => None,
        }
    };
    if let Some(t) = table {
        match last {
            Segment::Key(k) => t.remove(k.as_str()),
            Segment::Index(i) => t.remove(i.to_string().as_str()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_keys_and_array_elements_without_shifting() {
        let mut doc = DeTable::parse("a = [1, 2, 3]\n[t]\nx = 1\ny = 2\n")
            .unwrap()
            .into_inner();
        let ok = remove_all(
            &mut doc,
            vec![
                vec![Segment::Key("a".into()), Segment::Index(0)],
                vec![Segment::Key("a".into()), Segment::Index(2)],
                vec![Segment::Key("t".into()), Segment::Key("y".into())],
            ],
        );
        assert!(ok);
        let a = doc.get("a").unwrap().get_ref().as_array().unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].get_ref().as_integer().unwrap().as_str(), "2");
        assert!(
            doc.get("t")
                .unwrap()
                .get_ref()
                .as_table()
                .unwrap()
                .get("y")
                .is_none()
        );
        assert!(!remove_all(&mut doc, vec![vec![]]));
    }
}
