//! Comparing several descriptions of one thing: which is the reference, and a finding in every
//! file that disagrees with it.

use std::collections::{BTreeMap, HashMap};

use super::{DocumentSet, GroupFact, SetFinding};
use crate::diag::Span;
use crate::rules::{RuleMeta, finding};

/// A file's short name for messages (its last path component).
pub(super) fn short(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Picks the reference among several descriptions of one thing: the owner's if there is one,
/// otherwise the value most descriptions give (ties to the first in path order). `same` says
/// whether two values agree; `key` groups values written identically, so the pairwise
/// comparison runs over the distinct values only and the cost stays linear in the number of
/// files describing the thing.
pub(super) fn reference<T>(
    values: &[(usize, T)],
    owner: Option<usize>,
    same: impl Fn(&T, &T) -> bool,
    key: impl Fn(&T) -> String,
) -> Option<usize> {
    if let Some(owner) = owner {
        if let Some(i) = values.iter().position(|(f, _)| *f == owner) {
            return Some(i);
        }
    }
    // Each distinct value: its first position and how many descriptions write it so.
    let mut distinct: Vec<(usize, usize)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, (_, v)) in values.iter().enumerate() {
        let slot = *seen.entry(key(v)).or_insert_with(|| {
            distinct.push((i, 0));
            distinct.len() - 1
        });
        distinct[slot].1 += 1;
    }
    let agreeing = |first: usize| {
        distinct
            .iter()
            .filter(|(j, _)| same(&values[*j].1, &values[first].1))
            .map(|(_, count)| count)
            .sum::<usize>()
    };
    distinct
        .iter()
        .map(|&(first, _)| first)
        .max_by_key(|&first| (agreeing(first), std::cmp::Reverse(first)))
}

/// Turns a rule into findings in every file that disagrees with the reference.
#[allow(clippy::too_many_arguments)]
pub(super) fn report_disagreements<T>(
    meta: &RuleMeta,
    set: &DocumentSet<'_>,
    values: &[(usize, T, Span)],
    owner: Option<usize>,
    same: impl Fn(&T, &T) -> bool,
    show: impl Fn(&T) -> String,
    what: &str,
    subject: &str,
    out: &mut Vec<SetFinding>,
) {
    if values.len() < 2 {
        return;
    }
    let pairs: Vec<(usize, &T)> = values.iter().map(|(f, v, _)| (*f, v)).collect();
    let Some(r) = reference(&pairs, owner, |a, b| same(a, b), |v| show(v)) else {
        return;
    };
    let (ref_file, ref_value, ref_span) = &values[r];
    let whose = if owner == Some(*ref_file) {
        " (its own arrangements)"
    } else {
        ""
    };
    for (file, value, span) in values {
        if same(value, ref_value) {
            continue;
        }
        let message = format!(
            "{subject}: {what} is {} here, but {} in {}{whose}",
            show(value),
            show(ref_value),
            short(set.files[*ref_file].0),
        );
        out.push(SetFinding {
            file: *file,
            diagnostic: finding(meta, span.clone(), message)
                .with_label(format!("{what} here"))
                .with_help(format!(
                    "agree one description with the other partnership(s) and use it in every document; where the group is another partnership's, copy its own arrangements{}",
                    if owner.is_some() { "" } else { " (or record the agreed definition)" }
                )),
            related: vec![(
                *ref_file,
                ref_span.clone(),
                format!("{what} in {}: {}", short(set.files[*ref_file].0), show(ref_value)),
            )],
        });
    }
}

/// Every description of each group id: `(file, group)`, grouped by id in one pass.
pub(super) fn groups_by_id<'a>(
    set: &DocumentSet<'a>,
) -> BTreeMap<&'a str, Vec<(usize, &'a GroupFact)>> {
    let mut by_id: BTreeMap<&str, Vec<(usize, &GroupFact)>> = BTreeMap::new();
    for (i, (_, facts)) in set.files.iter().enumerate() {
        for g in &facts.groups {
            by_id.entry(g.id.0.as_str()).or_default().push((i, g));
        }
    }
    by_id
}

/// The file that owns a group: the partnership a describing file names, or the one file that
/// declares it as its own while others describe it as someone else's.
pub(super) fn group_owner(
    set: &DocumentSet<'_>,
    descriptions: &[(usize, &GroupFact)],
) -> Option<usize> {
    descriptions
        .iter()
        .find_map(|(_, g)| {
            let (id, name) = g.owner.as_ref()?;
            set.owner_file(id, name.as_deref())
        })
        .filter(|owner| descriptions.iter().any(|(f, _)| f == owner))
}
