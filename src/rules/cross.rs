//! Rules across files: neighbouring partnerships describe the same shared groups, child death
//! review partners and organisations, each in its own document. When masa checks several files
//! together, these rules compare the descriptions.
//!
//! Who owns a definition:
//! - a group a file declares with `partnership = "<other partnership id>"` is that partnership's
//!   group, described second-hand: the owner's own file (the one whose `partnership.id` is that
//!   id) is the reference it is checked against;
//! - a `scope = "pan_area"` group belongs to no one partnership: where the descriptions differ,
//!   the version most files give is the reference (ties go to the first file in path order),
//!   and each file that says otherwise is told where the others are;
//! - an organisation id shared across files must carry the same name and kind everywhere.
//!
//! Each file keeps saying what its own published document says: these rules compare, they do not
//! merge. Only the latest document of each partnership takes part, and none marked
//! `superseded_by` (a partnership's old terms of reference are not compared with its neighbours'
//! current arrangements). Every rule
//! groups descriptions by id in one pass, so the cost is linear in the number of files.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{ALL_EDITIONS, Context, Level, Rule, RuleMeta, finding};
use crate::lints::LintSetting;
use crate::model::{Day, Model, Scope, Span};
use crate::report::{Diagnostic, Severity};

/// What the cross-file rules need from one document, extracted once after its own check.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The partnership's own id, if the file declares one.
    pub partnership_id: Option<String>,
    /// The partnership's name and where it is.
    pub partnership_name: (String, Span),
    /// The local authority areas it covers (sorted ids): two files with the same areas are
    /// documents of the same partnership.
    pub areas: Vec<String>,
    /// The document's latest date, if any.
    pub date: Option<Day>,
    /// Organisations by id.
    pub organisations: Vec<OrgFact>,
    /// Groups by id.
    pub groups: Vec<GroupFact>,
    /// The child death review partners, if listed.
    pub child_death_review: Option<CdrFact>,
    /// The document's own lint settings, for the findings reported in it.
    pub lints: Vec<(String, LintSetting)>,
    /// Whether a newer document has replaced it (it then takes no part).
    pub superseded: bool,
}

/// One organisation as a file declares it.
#[derive(Debug, Clone)]
pub struct OrgFact {
    /// Its id.
    pub id: String,
    /// Its name, and where.
    pub name: (String, Span),
    /// Other names the file records for it.
    pub also_called: Vec<String>,
    /// Its kind (as written in the schema's vocabulary), and where.
    pub kind: (String, Span),
}

/// One group as a file describes it.
#[derive(Debug, Clone)]
pub struct GroupFact {
    /// Its id, and where.
    pub id: (String, Span),
    /// Its name, and where.
    pub name: (String, Span),
    /// Other names the file records for it.
    pub also_called: Vec<String>,
    /// Whether the file marks it as shared across the area.
    pub pan_area: bool,
    /// The partnership it belongs to, if the file says it is another's (an organisation id),
    /// with that organisation's name in this file.
    pub owner: Option<(String, Option<String>)>,
    /// Who chairs it, as the file describes the chair, and where.
    pub chair: Option<(Chair, Span)>,
    /// How many times a year it meets.
    pub meetings_per_year: Option<(u32, Span)>,
    /// The group it reports to.
    pub reports_to: Option<(String, Span)>,
}

/// A chair as a file describes it: a post, perhaps with the person's name.
#[derive(Debug, Clone)]
pub struct Chair {
    /// The person, if named.
    pub name: Option<String>,
    /// The post's title.
    pub title: String,
    /// The statutory capacity the post holds in its own file, if any ("Lead Safeguarding
    /// Partner", "Delegated Safeguarding Partner"), so that "chaired by the LSP" in one
    /// document agrees with "chaired by the council's Chief Executive" in the owner's.
    pub capacity: Option<&'static str>,
}

impl Chair {
    /// The same chair: the same person where both name one, otherwise the same post, or a post
    /// described by the capacity the other holds.
    fn same(&self, other: &Chair) -> bool {
        if let (Some(a), Some(b)) = (&self.name, &other.name) {
            return same_name(a, b);
        }
        let in_capacity = |a: &Chair, b: &Chair| {
            b.capacity
                .is_some_and(|c| super::wording::is_short_form(&a.title, c))
        };
        same_name(&self.title, &other.title) || in_capacity(self, other) || in_capacity(other, self)
    }
}

impl std::fmt::Display for Chair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "\"{name}\" ({})", self.title),
            None => write!(f, "\"{}\"", self.title),
        }
    }
}

/// The child death review partners a file lists.
#[derive(Debug, Clone)]
pub struct CdrFact {
    /// The panel's organisation id, if named.
    pub panel: Option<String>,
    /// The partners' names (sorted, normalised) for comparison, and their names as written.
    pub partners: BTreeSet<String>,
    /// The names as written, in the file's order, for messages.
    pub written: Vec<String>,
    /// Where the list is.
    pub span: Span,
}

impl Facts {
    /// Extracts the facts from a resolved document.
    pub fn of(model: &Model) -> Facts {
        let doc = &model.doc;
        let p = &doc.partnership;
        let mut areas: Vec<String> = p.areas.iter().map(|a| a.get().to_string()).collect();
        areas.sort();
        let org_name = |id: &crate::model::Id| model.organisation(id).map(|o| o.name.to_string());
        let organisations = doc
            .organisations
            .iter()
            .map(|o| OrgFact {
                id: o.id.get().to_string(),
                name: (o.name.to_string(), o.name.span()),
                also_called: o.also_called.iter().map(|a| a.to_string()).collect(),
                kind: (
                    serde_json::to_value(o.kind.get())
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    o.kind.span(),
                ),
            })
            .collect();
        let groups = doc
            .groups
            .iter()
            .map(|g| GroupFact {
                id: (g.id.get().to_string(), g.id.span()),
                name: (g.name.to_string(), g.name.span()),
                also_called: g.also_called.iter().map(|a| a.to_string()).collect(),
                pan_area: g.scope.as_ref().is_some_and(|s| *s.get() == Scope::PanArea),
                owner: g
                    .partnership
                    .as_ref()
                    .map(|o| (o.get().to_string(), org_name(o.get()))),
                chair: g.chair.as_ref().and_then(|c| {
                    let role = model.role(c.get())?;
                    let role_id = c.get();
                    let capacity = if doc
                        .partners
                        .iter()
                        .any(|p| p.lead.as_ref().is_some_and(|l| l.get() == role_id))
                    {
                        Some("Lead Safeguarding Partner")
                    } else if doc
                        .partners
                        .iter()
                        .any(|p| p.delegates.iter().any(|d| d.get() == role_id))
                    {
                        Some("Delegated Safeguarding Partner")
                    } else {
                        None
                    };
                    let chair = Chair {
                        name: role.name.as_ref().map(|n| n.to_string()),
                        title: role.title.to_string(),
                        capacity,
                    };
                    Some((chair, c.span()))
                }),
                meetings_per_year: g.meetings_per_year.as_ref().map(|m| (*m.get(), m.span())),
                reports_to: g
                    .reports_to
                    .as_ref()
                    .map(|r| (r.get().to_string(), r.span())),
            })
            .collect();
        let child_death_review = doc.child_death_review.as_ref().and_then(|c| {
            let first = c.partners.first()?;
            let last = c.partners.last()?;
            let written: Vec<String> = c
                .partners
                .iter()
                .map(|id| org_name(id.get()).unwrap_or_else(|| id.get().to_string()))
                .collect();
            Some(CdrFact {
                panel: c.panel.as_ref().map(|p| p.get().to_string()),
                partners: written.iter().map(|n| normalise(n)).collect(),
                written,
                span: first.span().start..last.span().end,
            })
        });
        Facts {
            partnership_id: p.id.as_ref().map(|i| i.get().to_string()),
            partnership_name: (p.name.to_string(), p.name.span()),
            areas,
            date: super::bodies::document_date(doc),
            organisations,
            groups,
            child_death_review,
            lints: doc
                .lints
                .iter()
                .map(|(k, v)| (k.to_string(), v.get().clone()))
                .collect(),
            superseded: p.superseded_by.is_some(),
        }
    }
}

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
        }
        DocumentSet {
            files,
            by_id,
            by_name,
        }
    }

    /// The file holding the partnership's own document: by its declared id, else by the name
    /// another file gives that partnership.
    fn owner_file(&self, id: &str, name: Option<&str>) -> Option<usize> {
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

/// Lower case, `&` as "and", punctuation and extra spaces dropped: written forms that mean the
/// same name compare equal.
fn normalise(s: &str) -> String {
    s.replace('&', " and ")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two names are the same name: equal when normalised, or one a short form of the
/// other ("Case Review Group" for "Bedford Borough Case Review Group").
fn same_name(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
        || super::wording::is_short_form(a, b)
        || super::wording::is_short_form(b, a)
}

/// Whether two descriptions name the same body: any of one's names (its name and other names)
/// is the same name as any of the other's.
fn names_agree(a: (&String, &[String]), b: (&String, &[String])) -> bool {
    std::iter::once(a.0)
        .chain(a.1)
        .any(|x| std::iter::once(b.0).chain(b.1).any(|y| same_name(x, y)))
}

/// A file's short name for messages (its last path component).
fn short(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Picks the reference among several descriptions of one thing: the owner's if there is one,
/// otherwise the value most descriptions give (ties to the first in path order). `same` says
/// whether two values agree; `key` groups values written identically, so the pairwise
/// comparison runs over the distinct values only and the cost stays linear in the number of
/// files describing the thing.
fn reference<T>(
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
fn report_disagreements<T>(
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

macro_rules! cross_rule {
    ($name:ident, $meta:expr, $check:expr) => {
        pub(crate) struct $name;
        impl Rule for $name {
            fn meta(&self) -> &RuleMeta {
                static META: RuleMeta = $meta;
                &META
            }
            fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
            fn across_files(&self) -> bool {
                true
            }
            fn check_set(&self, set: &DocumentSet<'_>, out: &mut Vec<SetFinding>) {
                let check: fn(&RuleMeta, &DocumentSet<'_>, &mut Vec<SetFinding>) = $check;
                check(self.meta(), set, out)
            }
        }
    };
}

/// Every description of each group id: `(file, group)`, grouped by id in one pass.
fn groups_by_id<'a>(set: &DocumentSet<'a>) -> BTreeMap<&'a str, Vec<(usize, &'a GroupFact)>> {
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
fn group_owner(set: &DocumentSet<'_>, descriptions: &[(usize, &GroupFact)]) -> Option<usize> {
    descriptions
        .iter()
        .find_map(|(_, g)| {
            let (id, name) = g.owner.as_ref()?;
            set.owner_file(id, name.as_deref())
        })
        .filter(|owner| descriptions.iter().any(|(f, _)| f == owner))
}

cross_rule!(
    CrossPartnershipConsistency,
    RuleMeta {
        id: "cross-partnership-consistency",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "A group described in several partnerships' documents has the same name, chair, frequency and reporting line in each.",
        citation: "Data quality across partnerships (no paragraph); WT2023 ch. 2, para 103 (arrangements set out who does what)",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "When several files are checked together: for each group id described in more than one file (a `scope = \"pan_area\"` group, or another partnership's group described with `partnership = \"…\"`), that the name (allowing short forms and `also_called`), the chair (the person's name, else the post's title), `meetings_per_year` and `reports_to` agree. Another partnership's group is checked against that partnership's own file; a pan-area group against what most files say. Only each partnership's latest document takes part.",
        why: "Practitioners across an area work to all the neighbouring documents. If one says the shared exploitation group meets quarterly and is chaired by the police, and another says otherwise, nobody can tell which is true, and scrutiny cannot hold the group to either.",
        fails: "# central-bedfordshire.toml\n[[groups]]\nid = \"pan-beds-neglect\"\nname = \"Pan Bedfordshire Neglect Group\"\nscope = \"pan_area\"\nmeetings_per_year = 4\n\n# luton.toml\n[[groups]]\nid = \"pan-beds-neglect\"\nname = \"Pan Bedfordshire Neglect Group\"\nscope = \"pan_area\"\nmeetings_per_year = 6",
        passes: "# both files\n[[groups]]\nid = \"pan-beds-neglect\"\nname = \"Pan Bedfordshire Neglect Group\"\nscope = \"pan_area\"\nmeetings_per_year = 4",
    },
    |meta, set, out| {
        for (id, descriptions) in groups_by_id(set) {
            if descriptions.len() < 2 {
                continue;
            }
            let owner = group_owner(set, &descriptions);
            let subject = format!("group `{id}`");
            // Names: a name agrees with another description if it matches its name or any of
            // its other names.
            let names: Vec<(usize, &GroupFact, Span)> = descriptions
                .iter()
                .map(|(f, g)| (*f, *g, g.name.1.clone()))
                .collect();
            report_disagreements(
                meta,
                set,
                &names,
                owner,
                |a, b| names_agree((&a.name.0, &a.also_called), (&b.name.0, &b.also_called)),
                |g| format!("\"{}\"", g.name.0),
                "the name",
                &subject,
                out,
            );
            let chairs: Vec<(usize, Chair, Span)> = descriptions
                .iter()
                .filter_map(|(f, g)| g.chair.as_ref().map(|(c, s)| (*f, c.clone(), s.clone())))
                .collect();
            report_disagreements(
                meta,
                set,
                &chairs,
                owner,
                Chair::same,
                |c| c.to_string(),
                "the chair",
                &subject,
                out,
            );
            let meetings: Vec<(usize, u32, Span)> = descriptions
                .iter()
                .filter_map(|(f, g)| {
                    g.meetings_per_year
                        .as_ref()
                        .map(|(m, s)| (*f, *m, s.clone()))
                })
                .collect();
            report_disagreements(
                meta,
                set,
                &meetings,
                owner,
                |a, b| a == b,
                |m| format!("{m} meetings a year"),
                "the frequency",
                &subject,
                out,
            );
            let lines: Vec<(usize, String, Span)> = descriptions
                .iter()
                .filter_map(|(f, g)| {
                    g.reports_to
                        .as_ref()
                        .map(|(r, s)| (*f, r.clone(), s.clone()))
                })
                .collect();
            report_disagreements(
                meta,
                set,
                &lines,
                owner,
                |a, b| a == b,
                |r| format!("`{r}`"),
                "the group it reports to",
                &subject,
                out,
            );
        }
    }
);

cross_rule!(
    CrossGroupOwnerDefines,
    RuleMeta {
        id: "cross-group-owner-defines",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "A group one document attributes to another partnership appears in that partnership's own document.",
        citation: "Data quality across partnerships (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "When several files are checked together: every group declared with `partnership = \"<id>\"` exists, with the same id, in the file of that partnership (the file whose `partnership.id` is that id, or whose partnership name is the name this file gives it). Partnerships whose file is not in the set are not judged.",
        why: "A document that describes a neighbour's board or case review group commits readers to a body the neighbour's own arrangements may not have, or call something else.",
        fails: "# central-bedfordshire.toml\n[[groups]]\nid = \"bb-case-review-group\"\nname = \"Case Review Group\"\npartnership = \"bedford-borough-scp\"\n\n# bedford-borough.toml (partnership.id = \"bedford-borough-scp\") has no group `bb-case-review-group`",
        passes: "# bedford-borough.toml\n[[groups]]\nid = \"bb-case-review-group\"\nname = \"Bedford Borough Case Review Group\"",
    },
    |meta, set, out| {
        let by_id = groups_by_id(set);
        for (i, (_, facts)) in set.files.iter().enumerate() {
            for g in &facts.groups {
                let Some((owner_id, owner_name)) = &g.owner else {
                    continue;
                };
                let Some(owner) = set.owner_file(owner_id, owner_name.as_deref()) else {
                    continue;
                };
                if owner == i {
                    continue;
                }
                let defined = by_id
                    .get(g.id.0.as_str())
                    .is_some_and(|d| d.iter().any(|(f, _)| *f == owner));
                if defined {
                    continue;
                }
                let (owner_path, owner_facts) = set.files[owner];
                out.push(SetFinding {
                    file: i,
                    diagnostic: finding(
                        meta,
                        g.id.1.clone(),
                        format!(
                            "\"{}\" is described as {}'s group, but {} has no group `{}`",
                            g.name.0,
                            owner_facts.partnership_name.0,
                            short(owner_path),
                            g.id.0
                        ),
                    )
                    .with_label("not in the owner's document")
                    .with_help("use the id the owner's file gives the group, or ask the owner whether the group exists"),
                    related: vec![(
                        owner,
                        owner_facts.partnership_name.1.clone(),
                        format!("{}'s own arrangements", owner_facts.partnership_name.0),
                    )],
                });
            }
        }
    }
);

cross_rule!(
    CrossCdrPartnersAgree,
    RuleMeta {
        id: "cross-cdr-partners-agree",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Documents that share a child death overview panel name the same child death review partners.",
        citation: "Children Act 2004 s.16M, s.16P (combined child death review areas); WT2023 ch. 6",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "When several files are checked together: the files naming the same `child_death_review.panel` list the same child death review partners (compared by the organisations' names, so different ids for the same body agree). Each file that differs from what most of them say is reported.",
        why: "Child death review partners for a combined area act jointly (s.16P): if the documents disagree on who they are, at least one of them misstates who holds the statutory duty.",
        fails: "# a.toml\n[child_death_review]\npartners = [\"a-council\", \"b-council\", \"icb\"]\npanel = \"joint-cdop\"\n\n# b.toml\n[child_death_review]\npartners = [\"b-council\", \"icb\"]\npanel = \"joint-cdop\"",
        passes: "# both files\n[child_death_review]\npartners = [\"a-council\", \"b-council\", \"icb\"]\npanel = \"joint-cdop\"",
    },
    |meta, set, out| {
        let mut by_panel: BTreeMap<&str, Vec<(usize, &CdrFact, Span)>> = BTreeMap::new();
        for (i, (_, facts)) in set.files.iter().enumerate() {
            if let Some(c) = &facts.child_death_review {
                if let Some(panel) = &c.panel {
                    by_panel
                        .entry(panel.as_str())
                        .or_default()
                        .push((i, c, c.span.clone()));
                }
            }
        }
        for (panel, files) in by_panel {
            report_disagreements(
                meta,
                set,
                &files,
                None,
                |a, b| a.partners == b.partners,
                |c| c.written.join(", "),
                "the list of partners",
                &format!("child death review partners (panel `{panel}`)"),
                out,
            );
        }
    }
);

cross_rule!(
    CrossOrganisationConsistent,
    RuleMeta {
        id: "cross-organisation-consistent",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "An organisation id used in several files names the same body, of the same kind, in each.",
        citation: "Data quality across partnerships (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "When several files are checked together: for each organisation id declared in more than one file, that the kinds are equal and the names agree (equal ignoring case and punctuation, `&` for \"and\", a short form of the other, or one of its `also_called`). Each file that differs from what most of them say is reported.",
        why: "Shared ids are how masa (and readers) know two documents mean the same body. The same id under two names or kinds means either the documents disagree about the body, or two bodies were given one id.",
        fails: "# a.toml\n[[organisations]]\nid = \"beds-hospitals\"\nname = \"Bedfordshire Hospitals NHS Foundation Trust\"\nkind = \"nhs_foundation_trust\"\n\n# b.toml\n[[organisations]]\nid = \"beds-hospitals\"\nname = \"Bedfordshire Hospitals University Trust\"\nkind = \"nhs_trust\"",
        passes: "# both files\n[[organisations]]\nid = \"beds-hospitals\"\nname = \"Bedfordshire Hospitals NHS Foundation Trust\"\nkind = \"nhs_foundation_trust\"",
    },
    |meta, set, out| {
        let mut by_id: BTreeMap<&str, Vec<(usize, &OrgFact)>> = BTreeMap::new();
        for (i, (_, facts)) in set.files.iter().enumerate() {
            for o in &facts.organisations {
                by_id.entry(o.id.as_str()).or_default().push((i, o));
            }
        }
        for (id, orgs) in by_id {
            if orgs.len() < 2 {
                continue;
            }
            let subject = format!("organisation `{id}`");
            let names: Vec<(usize, &OrgFact, Span)> = orgs
                .iter()
                .map(|(f, o)| (*f, *o, o.name.1.clone()))
                .collect();
            report_disagreements(
                meta,
                set,
                &names,
                None,
                |a, b| names_agree((&a.name.0, &a.also_called), (&b.name.0, &b.also_called)),
                |o| format!("\"{}\"", o.name.0),
                "the name",
                &subject,
                out,
            );
            let kinds: Vec<(usize, String, Span)> = orgs
                .iter()
                .map(|(f, o)| (*f, o.kind.0.clone(), o.kind.1.clone()))
                .collect();
            report_disagreements(
                meta,
                set,
                &kinds,
                None,
                |a, b| a == b,
                |k| format!("`{k}`"),
                "the kind",
                &subject,
                out,
            );
        }
    }
);

pub(super) const RULES: &[&'static dyn Rule] = &[
    &CrossPartnershipConsistency,
    &CrossGroupOwnerDefines,
    &CrossCdrPartnersAgree,
    &CrossOrganisationConsistent,
];

/// The files that take part: each partnership's latest document only (same areas, or same
/// partnership id, is the same partnership; a dated document beats an undated one; ties go to
/// the later path).
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
    let mut latest: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (_, f)) in files.iter().enumerate().filter(|(_, (_, f))| !f.superseded) {
        let k = key(f);
        match latest.get(&k) {
            Some(&j) if files[j].1.date > f.date => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Facts {
        let (model, _) = crate::parse_model(text).expect("valid test document");
        Facts::of(&model)
    }

    const HEAD: &str = "schema_version = 1\n[partnership]\nname = \"NAME\"\n";

    fn doc(name: &str, id: &str, rest: &str) -> String {
        format!("{}id = \"{id}\"\n{rest}", HEAD.replace("NAME", name))
    }

    fn run(rule: &dyn Rule, docs: &[String]) -> Vec<SetFinding> {
        let all: Vec<Facts> = docs.iter().map(|d| facts(d)).collect();
        let paths = ["a.toml", "b.toml", "c.toml"];
        let set = DocumentSet::new(all.iter().enumerate().map(|(i, f)| (paths[i], f)).collect());
        let mut out = Vec::new();
        rule.check_set(&set, &mut out);
        out
    }

    const NEGLECT: &str =
        "[[groups]]\nid = \"neglect\"\nname = \"Pan Area Neglect Group\"\nscope = \"pan_area\"\n";

    #[test]
    fn a_shared_group_is_checked_against_what_most_files_say() {
        let a = doc("A", "a", &format!("{NEGLECT}meetings_per_year = 4\n"));
        let b = doc("B", "b", &format!("{NEGLECT}meetings_per_year = 4\n"));
        let c = doc("C", "c", &format!("{NEGLECT}meetings_per_year = 6\n"));
        let found = run(&CrossPartnershipConsistency, &[a.clone(), b.clone(), c]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].file, 2);
        assert!(
            found[0]
                .diagnostic
                .message
                .contains("6 meetings a year here, but 4 meetings a year in a.toml")
        );
        assert_eq!(found[0].related[0].0, 0);
        // Agreeing files, and names that differ only in form, give nothing.
        let b2 = doc(
            "B",
            "b",
            "[[groups]]\nid = \"neglect\"\nname = \"Pan Area Neglect Group.\"\nscope = \"pan_area\"\nmeetings_per_year = 4\n",
        );
        assert!(run(&CrossPartnershipConsistency, &[a, b, b2]).is_empty());
    }

    #[test]
    fn another_partnerships_group_is_checked_against_its_own_file() {
        let owner = doc(
            "B Partnership",
            "b-scp",
            "[[roles]]\nid = \"scrutineer\"\ntitle = \"Independent Scrutineer\"\n[[groups]]\nid = \"b-case-review\"\nname = \"B Case Review Group\"\nchair = \"scrutineer\"\n",
        );
        let describer = doc(
            "A Partnership",
            "a-scp",
            "[[organisations]]\nid = \"b-scp\"\nname = \"B Partnership\"\nkind = \"safeguarding_partnership\"\n[[roles]]\nid = \"dcs\"\ntitle = \"DCS\"\n[[groups]]\nid = \"b-case-review\"\nname = \"Case Review Group\"\npartnership = \"b-scp\"\nchair = \"dcs\"\n",
        );
        let found = run(
            &CrossPartnershipConsistency,
            &[describer.clone(), owner.clone()],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].file, 0,
            "the describing file is told, not the owner"
        );
        assert!(
            found[0].diagnostic.message.contains(
                "\"DCS\" here, but \"Independent Scrutineer\" in b.toml (its own arrangements)"
            ),
            "{}",
            found[0].diagnostic.message
        );
        // "the LSP" in one document is the post the owner's file names as its lead partner.
        let owner_lsp = doc(
            "B Partnership",
            "b-scp",
            "[[organisations]]\nid = \"b-council\"\nname = \"B Council\"\nkind = \"local_authority\"\n[[roles]]\nid = \"ceo\"\ntitle = \"Chief Executive of B Council\"\nname = \"A. Person\"\norganisation = \"b-council\"\n[[partners]]\norganisation = \"b-council\"\nlead = \"ceo\"\n[[groups]]\nid = \"b-case-review\"\nname = \"B Case Review Group\"\nchair = \"ceo\"\n",
        );
        let says_lsp = describer.replace("title = \"DCS\"", "title = \"LSP\"");
        assert!(
            run(
                &CrossPartnershipConsistency,
                &[says_lsp.clone(), owner_lsp.clone()]
            )
            .is_empty()
        );
        let says_dsp = describer.replace("title = \"DCS\"", "title = \"DSPs\"");
        assert_eq!(
            run(&CrossPartnershipConsistency, &[says_dsp, owner_lsp]).len(),
            1
        );
        // The group missing from the owner's file is the other rule's finding.
        let empty_owner = doc("B Partnership", "b-scp", "");
        let found = run(&CrossGroupOwnerDefines, &[describer.clone(), empty_owner]);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .diagnostic
                .message
                .contains("b.toml has no group `b-case-review`")
        );
        assert!(run(&CrossGroupOwnerDefines, &[describer, owner]).is_empty());
    }

    #[test]
    fn child_death_review_partners_agree_per_panel() {
        let orgs = "[[organisations]]\nid = \"x\"\nname = \"X Council\"\nkind = \"local_authority\"\n[[organisations]]\nid = \"y\"\nname = \"Y Council\"\nkind = \"local_authority\"\n[[organisations]]\nid = \"cdop\"\nname = \"Joint CDOP\"\nkind = \"child_death_overview_panel\"\n";
        let both = doc(
            "A",
            "a",
            &format!("{orgs}[child_death_review]\npartners = [\"x\", \"y\"]\npanel = \"cdop\"\n"),
        );
        let one = doc(
            "B",
            "b",
            &format!("{orgs}[child_death_review]\npartners = [\"x\"]\npanel = \"cdop\"\n"),
        );
        let found = run(&CrossCdrPartnersAgree, &[both.clone(), both.clone(), one]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, 2);
        assert!(run(&CrossCdrPartnersAgree, &[both.clone(), both]).is_empty());
    }

    #[test]
    fn shared_organisation_ids_carry_one_name_and_kind() {
        let org = |name: &str, kind: &str| {
            format!("[[organisations]]\nid = \"trust\"\nname = \"{name}\"\nkind = \"{kind}\"\n")
        };
        let a = doc(
            "A",
            "a",
            &org(
                "Beds Hospitals NHS Foundation Trust",
                "nhs_foundation_trust",
            ),
        );
        let b = doc(
            "B",
            "b",
            &org("Beds Hospitals University Trust", "nhs_trust"),
        );
        let found = run(&CrossOrganisationConsistent, &[a.clone(), b]);
        assert_eq!(found.len(), 2, "name and kind: {found:#?}");
        let same = doc(
            "B",
            "b",
            &org(
                "beds hospitals NHS foundation trust",
                "nhs_foundation_trust",
            ),
        );
        assert!(run(&CrossOrganisationConsistent, &[a, same]).is_empty());
    }

    #[test]
    fn unrelated_areas_are_not_compared() {
        let a = facts(&doc("A", "a", NEGLECT));
        let b = facts(&doc("B", "b", NEGLECT));
        let far = facts(&doc("Far", "far", ""));
        let files = [("a.toml", &a), ("far.toml", &far), ("b.toml", &b)];
        assert_eq!(neighbourhoods(&files), vec![vec![0, 2]]);
    }

    #[test]
    fn only_the_latest_document_of_a_partnership_takes_part() {
        let old = facts(&format!(
            "{}published = 2018-09-01\n",
            doc("A Board", "a", "")
        ));
        let new = facts(&format!(
            "{}published = 2024-09-01\n",
            doc("A Partnership", "a", "")
        ));
        let other = facts(&doc("B", "b", ""));
        let files = [("old.toml", &old), ("new.toml", &new), ("b.toml", &other)];
        assert_eq!(latest_per_partnership(&files), vec![1, 2]);
        // A document marked as superseded never takes part, whatever its date.
        let marked = facts(&format!(
            "{}published = 2025-01-01\nsuperseded_by = \"new.toml\"\n",
            doc("A Partnership", "a", "")
        ));
        let files = [("marked.toml", &marked), ("new.toml", &new)];
        assert_eq!(latest_per_partnership(&files), vec![1]);
    }
}
