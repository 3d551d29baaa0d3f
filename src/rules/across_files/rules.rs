//! The rules across files.

use super::compare::{group_owner, groups_by_id, report_disagreements, short};
use std::collections::BTreeMap;

use super::{CdrFact, Chair, DocumentSet, GroupFact, OrgFact, SetFinding};
use crate::diag::Diagnostic;
use crate::diag::{Severity, Span};
use crate::rules::support::names::names_agree;
use crate::rules::{ALL_EDITIONS, Context, Level, Rule, RuleMeta, finding};

/// A rule that compares documents: it has no check of one document.
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

cross_rule!(
    CrossPartnershipConsistency,
    RuleMeta {
        id: "cross-partnership-consistency",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "A group described in several partnerships' documents has the same name, chair, frequency and reporting line in each.",
        citation: "Data quality across partnerships (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "When several files are checked together: for each group id declared in more than one of the neighbouring files (a `scope = \"pan_area\"` group, or another partnership's group described with `partnership = \"…\"`; any other group id two neighbours both use is compared too, so local groups need ids of their own), that the name (allowing short forms and `also_called`), the chair (the person's name, else the post's title), `meetings_per_year` and `reports_to` agree. Another partnership's group is checked against that partnership's own file; any other group against what most files say (ties go to the first file). Only each partnership's latest document takes part.",
        why: "Practitioners across an area work to all the neighbouring documents. If one says the shared exploitation group meets quarterly and is chaired by the police, and another says otherwise, nobody can tell which is true, and scrutiny cannot hold the group to either.",
        fails: r#"
# file: central-bedfordshire.toml
schema_version = 1
[partnership]
name = "Central Bedfordshire Safeguarding Children Partnership"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
meetings_per_year = 4

# file: luton.toml
schema_version = 1
[partnership]
name = "Luton Safeguarding Children Partnership"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
meetings_per_year = 6
"#,
        passes: r#"
# file: central-bedfordshire.toml
schema_version = 1
[partnership]
name = "Central Bedfordshire Safeguarding Children Partnership"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
meetings_per_year = 4

# file: luton.toml
schema_version = 1
[partnership]
name = "Luton Safeguarding Children Partnership"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
meetings_per_year = 4
"#,
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
        fix: None,
        what: "When several files are checked together: every group declared with `partnership = \"<id>\"` exists, with the same id, in the file of that partnership (the file whose `partnership.id` is that id, or whose partnership name is the name this file gives it). Partnerships whose file is not in the set are not judged.",
        why: "A document that describes a neighbour's board or case review group commits readers to a body the neighbour's own arrangements may not have, or call something else.",
        fails: r#"
# file: central-bedfordshire.toml
schema_version = 1
[partnership]
name = "Central Bedfordshire Safeguarding Children Partnership"

[[organisations]]
id = "bedford-borough-scp"
name = "Bedford Borough Safeguarding Children Partnership"
kind = "safeguarding_partnership"

[[groups]]
id = "bb-case-review-group"
name = "Case Review Group"
partnership = "bedford-borough-scp"

# file: bedford-borough.toml
schema_version = 1
[partnership]
name = "Bedford Borough Safeguarding Children Partnership"
id = "bedford-borough-scp"

[[groups]]
id = "case-review-group"
name = "Bedford Borough Case Review Group"
"#,
        passes: r#"
# file: central-bedfordshire.toml
schema_version = 1
[partnership]
name = "Central Bedfordshire Safeguarding Children Partnership"

[[organisations]]
id = "bedford-borough-scp"
name = "Bedford Borough Safeguarding Children Partnership"
kind = "safeguarding_partnership"

[[groups]]
id = "bb-case-review-group"
name = "Case Review Group"
partnership = "bedford-borough-scp"

# file: bedford-borough.toml
schema_version = 1
[partnership]
name = "Bedford Borough Safeguarding Children Partnership"
id = "bedford-borough-scp"

[[groups]]
id = "bb-case-review-group"
name = "Bedford Borough Case Review Group"
"#,
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
        fix: None,
        what: "When several files are checked together: the files naming the same `child_death_review.panel` list the same child death review partners (compared by the organisations' names, so different ids for the same body agree). Each file that differs from what most of them say is reported.",
        why: "Child death review partners for a combined area act jointly (s.16P): if the documents disagree on who they are, at least one of them misstates who holds the statutory duty.",
        fails: r#"
# file: northshire.toml
schema_version = 1
[partnership]
name = "Northshire Safeguarding Children Partnership"

[[organisations]]
id = "north-council"
name = "Northshire Council"
kind = "local_authority"
[[organisations]]
id = "south-council"
name = "Southshire Council"
kind = "local_authority"
[[organisations]]
id = "shires-icb"
name = "NHS Shires Integrated Care Board"
kind = "integrated_care_board"
[[organisations]]
id = "shires-cdop"
name = "Shires Child Death Overview Panel"
kind = "child_death_overview_panel"

[child_death_review]
partners = ["north-council", "south-council", "shires-icb"]
panel = "shires-cdop"

# file: southshire.toml
schema_version = 1
[partnership]
name = "Southshire Safeguarding Children Partnership"

[[organisations]]
id = "south-council"
name = "Southshire Council"
kind = "local_authority"
[[organisations]]
id = "shires-icb"
name = "NHS Shires Integrated Care Board"
kind = "integrated_care_board"
[[organisations]]
id = "shires-cdop"
name = "Shires Child Death Overview Panel"
kind = "child_death_overview_panel"

[child_death_review]
partners = ["south-council", "shires-icb"]
panel = "shires-cdop"
"#,
        passes: r#"
# file: northshire.toml
schema_version = 1
[partnership]
name = "Northshire Safeguarding Children Partnership"

[[organisations]]
id = "north-council"
name = "Northshire Council"
kind = "local_authority"
[[organisations]]
id = "south-council"
name = "Southshire Council"
kind = "local_authority"
[[organisations]]
id = "shires-icb"
name = "NHS Shires Integrated Care Board"
kind = "integrated_care_board"
[[organisations]]
id = "shires-cdop"
name = "Shires Child Death Overview Panel"
kind = "child_death_overview_panel"

[child_death_review]
partners = ["north-council", "south-council", "shires-icb"]
panel = "shires-cdop"

# file: southshire.toml
schema_version = 1
[partnership]
name = "Southshire Safeguarding Children Partnership"

[[organisations]]
id = "north-council"
name = "Northshire Council"
kind = "local_authority"
[[organisations]]
id = "south-council"
name = "Southshire Council"
kind = "local_authority"
[[organisations]]
id = "shires-icb"
name = "NHS Shires Integrated Care Board"
kind = "integrated_care_board"
[[organisations]]
id = "shires-cdop"
name = "Shires Child Death Overview Panel"
kind = "child_death_overview_panel"

[child_death_review]
partners = ["north-council", "south-council", "shires-icb"]
panel = "shires-cdop"
"#,
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
        fix: None,
        what: "When several files are checked together: for each organisation id declared in more than one file of neighbouring partnerships (files that share a `pan_area` group or a child death overview panel, or where one names the other's partnership; unrelated files are not compared), that the kinds are equal and the names agree (equal ignoring case and punctuation, `&` for \"and\", a short form of the other, or one of its `also_called`). Each file that differs from what most of them say is reported.",
        why: "Shared ids are how masa (and readers) know two documents mean the same body. The same id under two names or kinds means either the documents disagree about the body, or two bodies were given one id.",
        fails: r#"
# file: central-bedfordshire.toml
schema_version = 1
[partnership]
name = "Central Bedfordshire Safeguarding Children Partnership"

[[organisations]]
id = "beds-hospitals"
name = "Bedfordshire Hospitals NHS Foundation Trust"
kind = "nhs_foundation_trust"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
members = ["beds-hospitals"]

# file: luton.toml
schema_version = 1
[partnership]
name = "Luton Safeguarding Children Partnership"

[[organisations]]
id = "beds-hospitals"
name = "Bedfordshire Hospitals University Trust"
kind = "nhs_trust"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
members = ["beds-hospitals"]
"#,
        passes: r#"
# file: central-bedfordshire.toml
schema_version = 1
[partnership]
name = "Central Bedfordshire Safeguarding Children Partnership"

[[organisations]]
id = "beds-hospitals"
name = "Bedfordshire Hospitals NHS Foundation Trust"
kind = "nhs_foundation_trust"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
members = ["beds-hospitals"]

# file: luton.toml
schema_version = 1
[partnership]
name = "Luton Safeguarding Children Partnership"

[[organisations]]
id = "beds-hospitals"
name = "Bedfordshire Hospitals NHS Foundation Trust"
kind = "nhs_foundation_trust"

[[groups]]
id = "pan-beds-neglect"
name = "Pan Bedfordshire Neglect Group"
scope = "pan_area"
members = ["beds-hospitals"]
"#,
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

cross_rule!(
    CrossSharedGroupMissing,
    RuleMeta {
        id: "cross-shared-group-missing",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "A group that neighbouring partnerships describe as shared across their area appears in each one's structure.",
        citation: "Data quality across partnerships (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "When several files are checked together: for each `scope = \"pan_area\"` group that at least two neighbouring files describe, each other neighbour that shares at least one pan-area group with them (so it belongs to the same pan area) is expected to describe it too. A file that leaves out such groups gets one finding listing them, with where the others describe each. Only each partnership's latest document takes part.",
        why: "A pan-area group serves every partnership in the area. If one partnership's published structure leaves it out, its practitioners cannot see where that work is done or how it reports, and the partnerships' accounts of their shared structure disagree.",
        fails: r#"
# file: north.toml
schema_version = 1
[partnership]
name = "North Safeguarding Children Partnership"

[[groups]]
id = "pan-county-exploitation"
name = "Pan County Exploitation Group"
scope = "pan_area"

[[groups]]
id = "pan-county-neglect"
name = "Pan County Neglect Group"
scope = "pan_area"

# file: south.toml
schema_version = 1
[partnership]
name = "South Safeguarding Children Partnership"

[[groups]]
id = "pan-county-exploitation"
name = "Pan County Exploitation Group"
scope = "pan_area"

[[groups]]
id = "pan-county-neglect"
name = "Pan County Neglect Group"
scope = "pan_area"

# file: east.toml
schema_version = 1
[partnership]
name = "East Safeguarding Children Partnership"

[[groups]]
id = "pan-county-exploitation"
name = "Pan County Exploitation Group"
scope = "pan_area"
"#,
        passes: r#"
# file: north.toml
schema_version = 1
[partnership]
name = "North Safeguarding Children Partnership"

[[groups]]
id = "pan-county-exploitation"
name = "Pan County Exploitation Group"
scope = "pan_area"

# file: east.toml
schema_version = 1
[partnership]
name = "East Safeguarding Children Partnership"

[[groups]]
id = "pan-county-exploitation"
name = "Pan County Exploitation Group"
scope = "pan_area"
"#,
    },
    |meta, set, out| {
        // Which files describe each pan-area group, in path order.
        let mut describing: BTreeMap<&str, Vec<(usize, &GroupFact)>> = BTreeMap::new();
        for (i, (_, facts)) in set.files.iter().enumerate() {
            for g in facts.groups.iter().filter(|g| g.pan_area) {
                describing.entry(g.id.0.as_str()).or_default().push((i, g));
            }
        }
        for (i, (_, facts)) in set.files.iter().enumerate() {
            let own: Vec<&GroupFact> = facts.groups.iter().filter(|g| g.pan_area).collect();
            // A file with no pan-area group of its own is not shown to be in the same area.
            let Some(first_own) = own.first() else {
                continue;
            };
            let missing: Vec<(&str, &Vec<(usize, &GroupFact)>)> = describing
                .iter()
                .filter(|(id, by)| {
                    by.len() >= 2
                        && !by.iter().any(|(f, _)| *f == i)
                        && !facts.groups.iter().any(|g| g.id.0 == **id)
                        // The same group under another id, by its name or another name.
                        && !facts.groups.iter().any(|g| {
                            by.iter().any(|(_, o)| {
                                names_agree((&g.name.0, &g.also_called), (&o.name.0, &o.also_called))
                            })
                        })
                        // The others who describe it share another pan-area group with this file.
                        && by.iter().any(|(f, _)| {
                            set.files[*f].1.groups.iter().any(|g| {
                                g.pan_area && own.iter().any(|o| o.id.0 == g.id.0)
                            })
                        })
                })
                .map(|(id, by)| (*id, by))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let names: Vec<String> = missing
                .iter()
                .map(|(_, by)| format!("\"{}\"", by[0].1.name.0))
                .collect();
            let message = format!(
                "the structure leaves out {} that neighbouring partnerships describe as shared across the area: {}",
                if missing.len() == 1 {
                    "a group"
                } else {
                    "groups"
                },
                names.join(", ")
            );
            let diagnostic = finding(meta, first_own.id.1.clone(), message)
                .with_label("this file's shared groups")
                .with_help("add each shared group to [[groups]] with scope = \"pan_area\", as the neighbours describe it, or record why this partnership takes no part in it");
            let related = missing
                .iter()
                .map(|(_, by)| {
                    let (f, g) = by[0];
                    (
                        f,
                        g.id.1.clone(),
                        format!("\"{}\" in {}", g.name.0, short(set.files[f].0)),
                    )
                })
                .collect();
            out.push(SetFinding {
                file: i,
                diagnostic,
                related,
            });
        }
    }
);

pub(crate) const RULES: &[&'static dyn Rule] = &[
    &CrossPartnershipConsistency,
    &CrossGroupOwnerDefines,
    &CrossCdrPartnersAgree,
    &CrossOrganisationConsistent,
    &CrossSharedGroupMissing,
];
