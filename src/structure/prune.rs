//! Removing what the schema rejected, so that the rest of a broken file can still be read.
//!
//! When a file has structural problems the rules do not run (they would judge a document
//! that is not what the user wrote), but id references still can: after the invalid parts
//! are cut away, the remainder deserializes and every `unknown-reference` is reported in
//! the same run as the structural problems.

use std::cmp::Ordering;

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
pub fn remove_all(root: &mut DeTable<'_>, mut paths: Vec<Vec<Segment>>) -> bool {
    if paths.iter().any(Vec::is_empty) {
        return false;
    }
    // Later siblings first, so that removing an array element does not shift the others.
    paths.sort_by(|a, b| compare(b, a));
    paths.dedup();
    let mut removed: Vec<Vec<Segment>> = Vec::new();
    for path in paths {
        // An ancestor already removed takes this node with it.
        if removed.iter().any(|r| path.starts_with(r)) {
            continue;
        }
        remove(root, &path);
        removed.push(path);
    }
    true
}

fn remove(root: &mut DeTable<'_>, path: &[Segment]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut table: Option<&mut DeTable<'_>> = Some(root);
    let mut value: Option<&mut DeValue<'_>> = None;
    for segment in parents {
        let next = match (table.take(), value.take(), segment) {
            (Some(t), _, Segment::Key(k)) => t.get_mut(k.as_str()),
            (Some(t), _, Segment::Index(i)) => t.get_mut(i.to_string().as_str()),
            (None, Some(DeValue::Array(a)), Segment::Index(i)) => a.get_mut(*i),
            (None, Some(DeValue::Table(t)), Segment::Key(k)) => t.get_mut(k.as_str()),
            _ => None,
        };
        let Some(next) = next else { return };
        match next.get_mut() {
            DeValue::Table(t) => table = Some(t),
            other => value = Some(other),
        }
    }
    match (table, value, last) {
        (Some(t), _, Segment::Key(k)) => {
            t.remove(k.as_str());
        }
        (Some(t), _, Segment::Index(i)) => {
            t.remove(i.to_string().as_str());
        }
        (None, Some(DeValue::Array(a)), Segment::Index(i)) => {
            let kept: DeArray<'_> = std::mem::replace(a, DeArray::new())
                .into_iter()
                .enumerate()
                .filter(|(j, _)| j != i)
                .map(|(_, v)| v)
                .collect();
            *a = kept;
        }
        _ => {}
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
