//! The documents compared together, and which documents take part: each partnership's latest
//! document, split into neighbourhoods of partnerships that share something.

use std::collections::{BTreeMap, HashMap};

use super::Facts;
use crate::diag::{Diagnostic, Span};
use crate::rules::support::names::normalise;

/// The documents compared: each file's path and facts, in path order, with the partnerships
/// they are the documents of, indexed once so that finding a group's owner stays linear.
pub struct DocumentSet<'a> {
    /// `(path, facts)` for each file that takes part.
    pub files: Vec<(&'a str, &'a Facts)>,
    by_id: HashMap<&'a str, usize>,
    by_name: HashMap<String, usize>,
}

impl<'a> DocumentSet<'a> {
    /// A set of documents (the first file wins where two declare the same partnership).
    pub fn new(files: Vec<(&'a str, &'a Facts)>) -> Self {
        let (mut by_id, mut by_name) = (HashMap::new(), HashMap::new());
        for (i, (_, f)) in files.iter().enumerate() {
            if let Some(id) = &f.partnership_id {
                by_id.entry(id.as_str()).or_insert(i);
            }
            by_name.entry(normalise(&f.partnership_name.0)).or_insert(i);
            for other in &f.partnership_also_called {
                by_name.entry(normalise(other)).or_insert(i);
            }
        }
        DocumentSet {
            files,
            by_id,
            by_name,
        }
    }

    /// The file holding the partnership's own document: by its declared id, else by the name
    /// another file gives that partnership (its own name or one of its `also_called`).
    pub(super) fn owner_file(&self, id: &str, name: Option<&str>) -> Option<usize> {
        self.by_id
            .get(id)
            .or_else(|| self.by_name.get(&normalise(name?)))
            .copied()
    }
}

/// A finding across files: reported in `file`, pointing at places in others.
#[derive(Debug, Clone)]
pub struct SetFinding {
    /// The file (index into the set) the finding belongs to.
    pub file: usize,
    /// The finding, with its span in that file.
    pub diagnostic: Diagnostic,
    /// The other places: file index, span, what is there.
    pub related: Vec<(usize, Span, String)>,
}

/// The files that take part: each partnership's latest document only (same areas, or same
/// partnership id, is the same partnership). The arrangements beat any document published
/// beside them (a web page: `document = "web_page"`) whatever the dates, because a page beside
/// the arrangements is not a newer version of them; such a document takes part only when no
/// arrangements of its partnership are among the files. Between documents of the same kind, a
/// dated document beats an undated one and the later date wins; ties go to the later path.
pub fn latest_per_partnership<'a>(files: &[(&'a str, &'a Facts)]) -> Vec<usize> {
    let key = |f: &Facts| -> String {
        if let Some(id) = &f.partnership_id {
            return format!("id:{id}");
        }
        if !f.areas.is_empty() {
            return format!("areas:{}", f.areas.join(","));
        }
        format!("name:{}", normalise(&f.partnership_name.0))
    };
    let rank = |f: &Facts| (!f.beside_arrangements, f.date);
    let mut latest: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (_, f)) in files.iter().enumerate().filter(|(_, (_, f))| !f.superseded) {
        let k = key(f);
        match latest.get(&k) {
            Some(&j) if rank(files[j].1) > rank(f) => {}
            _ => {
                latest.insert(k, i);
            }
        }
    }
    let mut keep: Vec<usize> = latest.into_values().collect();
    keep.sort_unstable();
    keep
}

/// Splits the files into neighbourhoods: files are neighbours when they share a pan-area group
/// id or a child death overview panel, or when one names the other's partnership (a group it
/// attributes to it, or an organisation of kind `safeguarding_partnership`). Documents of
/// unrelated areas are never compared. Union-find over the shared keys: linear in the facts.
pub fn neighbourhoods(files: &[(&str, &Facts)]) -> Vec<Vec<usize>> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..files.len()).collect();
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    let set = DocumentSet::new(files.to_vec());
    let mut first_with: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (_, f)) in files.iter().enumerate() {
        let mut keys: Vec<String> = f
            .groups
            .iter()
            .filter(|g| g.pan_area)
            .map(|g| format!("group:{}", g.id.0))
            .collect();
        if let Some(panel) = f.child_death_review.as_ref().and_then(|c| c.panel.as_ref()) {
            keys.push(format!("panel:{panel}"));
        }
        for key in keys {
            match first_with.get(&key) {
                Some(&j) => join(&mut parent, i, j),
                None => {
                    first_with.insert(key, i);
                }
            }
        }
        let named_partnerships = f.groups.iter().filter_map(|g| g.owner.clone()).chain(
            f.organisations
                .iter()
                .filter(|o| o.kind.0 == "safeguarding_partnership")
                .map(|o| (o.id.clone(), Some(o.name.0.clone()))),
        );
        for (id, name) in named_partnerships {
            if let Some(j) = set.owner_file(&id, name.as_deref()) {
                join(&mut parent, i, j);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..files.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}
