//! Id declarations and references: every id is declared once (an organisation, a role or a
//! group) and every reference must name a declaration of the right kind.

use std::collections::{HashMap, HashSet};

use super::document::*;
use super::spanned::{Span, Spanned};
use super::values::Id;
use crate::diag::Suggester;
use crate::diag::{Diagnostic, Severity};

/// Rule id for a reference to an id that is not declared (or is declared as something else).
pub const UNKNOWN_REFERENCE: &str = crate::diag::Check::UnknownReference.id();
/// Rule id for an id declared twice.
pub const DUPLICATE_ID: &str = crate::diag::Check::DuplicateId.id();

/// What an id declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeclKind {
    /// An `[[organisations]]` entry.
    Organisation,
    /// A `[[roles]]` entry.
    Role,
    /// A `[[groups]]` entry.
    Group,
}

impl DeclKind {
    fn noun(self) -> &'static str {
        match self {
            DeclKind::Organisation => "an organisation",
            DeclKind::Role => "a role",
            DeclKind::Group => "a group",
        }
    }
    fn bare_noun(self) -> &'static str {
        match self {
            DeclKind::Organisation => "organisation",
            DeclKind::Role => "role",
            DeclKind::Group => "group",
        }
    }
    fn table(self) -> &'static str {
        match self {
            DeclKind::Organisation => "[[organisations]]",
            DeclKind::Role => "[[roles]]",
            DeclKind::Group => "[[groups]]",
        }
    }
}

/// Where an id is declared.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// What it declares.
    pub kind: DeclKind,
    /// Its position in the `organisations`, `roles` or `groups` list.
    pub position: usize,
    /// The span of the `id` value.
    pub span: Span,
}

/// Every declared id, for lookups in constant time.
#[derive(Debug, Clone, Default)]
pub struct Index {
    declarations: HashMap<String, Declaration>,
}

impl Index {
    /// The declaration of an id, if any.
    pub fn get(&self, id: &str) -> Option<&Declaration> {
        self.declarations.get(id)
    }
}

/// Declares every id; a repeated id is a `duplicate-id` finding (the first declaration wins).
pub fn index(doc: &Arrangements, out: &mut Vec<Diagnostic>) -> Index {
    let mut declarations: HashMap<String, Declaration> = HashMap::new();
    let ids = doc
        .organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (DeclKind::Organisation, i, &o.id))
        .chain(
            doc.roles
                .iter()
                .enumerate()
                .map(|(i, r)| (DeclKind::Role, i, &r.id)),
        )
        .chain(
            doc.groups
                .iter()
                .enumerate()
                .map(|(i, g)| (DeclKind::Group, i, &g.id)),
        );
    for (kind, position, id) in ids {
        if let Some(first) = declarations.get(id.as_str()) {
            out.push(
                Diagnostic::new(
                    DUPLICATE_ID,
                    Severity::Error,
                    id.span(),
                    format!(
                        "the id `{id}` is declared twice: first as {}, again as {}",
                        first.kind.noun(),
                        kind.noun()
                    ),
                )
                .with_label("declared again here")
                .with_secondary(first.span.clone(), "first declared here")
                .with_help(
                    "every organisation, role and group needs its own id: rename one of them",
                ),
            );
            continue;
        }
        declarations.insert(
            id.to_string(),
            Declaration {
                kind,
                position,
                span: id.span(),
            },
        );
    }
    Index { declarations }
}

const ORG: &[DeclKind] = &[DeclKind::Organisation];
const ROLE: &[DeclKind] = &[DeclKind::Role];
const GROUP: &[DeclKind] = &[DeclKind::Group];
const ORG_OR_ROLE: &[DeclKind] = &[DeclKind::Organisation, DeclKind::Role];

/// Calls `f` for every reference in the document, with what it may refer to and the key it is in.
pub fn for_each_reference<'a>(
    doc: &'a Arrangements,
    mut f: impl FnMut(&'a Spanned<Id>, &'static [DeclKind], &'static str),
) {
    let mut refs: Vec<(&'a Spanned<Id>, &'static [DeclKind], &'static str)> = Vec::new();
    let mut one = |id: Option<&'a Spanned<Id>>, kinds: &'static [DeclKind], key: &'static str| {
        if let Some(id) = id {
            refs.push((id, kinds, key));
        }
    };
    doc.partnership
        .areas
        .iter()
        .for_each(|a| one(Some(a), ORG, "partnership.areas"));
    for organisation in &doc.organisations {
        one(organisation.part_of.as_ref(), ORG, "organisations.part_of");
    }
    for role in &doc.roles {
        one(role.organisation.as_ref(), ORG, "roles.organisation");
    }
    for partner in &doc.partners {
        one(Some(&partner.organisation), ORG, "partners.organisation");
        one(partner.lead.as_ref(), ROLE, "partners.lead");
        partner
            .delegates
            .iter()
            .for_each(|d| one(Some(d), ROLE, "partners.delegates"));
    }
    if let Some(chair) = &doc.chair {
        chair
            .role
            .ids()
            .iter()
            .for_each(|r| one(Some(r), ROLE, "chair.role"));
        chair
            .vice_chair
            .iter()
            .flat_map(|v| v.ids())
            .for_each(|r| one(Some(r), ROLE, "chair.vice_chair"));
    }
    if let Some(s) = &doc.independent_scrutiny {
        one(
            s.scrutineer.as_ref(),
            ROLE,
            "independent_scrutiny.scrutineer",
        );
        one(s.employer.as_ref(), ORG, "independent_scrutiny.employer");
        s.reports_to
            .iter()
            .for_each(|g| one(Some(g), GROUP, "independent_scrutiny.reports_to"));
    }
    if let Some(b) = &doc.business_unit {
        one(b.host.as_ref(), ORG, "business_unit.host");
        one(b.manager.as_ref(), ROLE, "business_unit.manager");
    }
    if let Some(r) = &doc.relevant_agencies {
        r.agencies.iter().for_each(|a| {
            one(
                Some(&a.agency),
                ORG_OR_ROLE,
                "relevant_agencies.agencies.agency",
            )
        });
    }
    if let Some(e) = &doc.education {
        e.strategic_groups
            .iter()
            .for_each(|g| one(Some(g), GROUP, "education.strategic_groups"));
        e.operational_groups
            .iter()
            .for_each(|g| one(Some(g), GROUP, "education.operational_groups"));
    }
    let sections = [
        (&doc.early_years, "early_years.groups"),
        (&doc.residential_homes, "residential_homes.groups"),
        (&doc.young_carers, "young_carers.groups"),
        (&doc.looked_after_children, "looked_after_children.groups"),
        (&doc.voice, "voice.groups"),
        (&doc.working_together, "working_together.groups"),
        (&doc.audits, "audits.groups"),
        (&doc.whistleblowing, "whistleblowing.groups"),
    ];
    for (section, key) in sections {
        if let Some(s) = section {
            s.groups.iter().for_each(|g| one(Some(g), GROUP, key));
        }
    }
    if let Some(p) = &doc.performance {
        p.groups
            .iter()
            .for_each(|g| one(Some(g), GROUP, "performance.groups"));
    }
    if let Some(t) = &doc.training {
        one(t.provider.as_ref(), ORG, "training.provider");
        t.groups
            .iter()
            .for_each(|g| one(Some(g), GROUP, "training.groups"));
    }
    if let Some(p) = &doc.practice_reviews {
        if let Some(n) = &p.notification {
            one(n.by.as_ref(), ORG, "practice_reviews.notification.by");
        }
        if let Some(r) = &p.rapid_review {
            one(
                r.group.as_ref(),
                GROUP,
                "practice_reviews.rapid_review.group",
            );
        }
        if let Some(l) = &p.local_reviews {
            one(
                l.group.as_ref(),
                GROUP,
                "practice_reviews.local_reviews.group",
            );
        }
    }
    if let Some(c) = &doc.child_death_review {
        c.partners
            .iter()
            .for_each(|o| one(Some(o), ORG, "child_death_review.partners"));
        one(c.panel.as_ref(), ORG, "child_death_review.panel");
    }
    if let Some(d) = &doc.dispute_resolution {
        one(d.forum.as_ref(), GROUP, "dispute_resolution.forum");
    }
    if let Some(y) = &doc.yearly_report {
        y.recipients.iter().for_each(|r| {
            one(
                Some(&r.organisation),
                ORG,
                "yearly_report.recipients.organisation",
            )
        });
    }
    if let Some(funding) = &doc.funding {
        funding.contributions.iter().for_each(|c| {
            one(
                Some(&c.organisation),
                ORG,
                "funding.contributions.organisation",
            )
        });
    }
    for group in &doc.groups {
        one(group.partnership.as_ref(), ORG, "groups.partnership");
        group
            .chair
            .iter()
            .flat_map(|c| c.ids())
            .for_each(|r| one(Some(r), ROLE, "groups.chair"));
        group
            .vice_chair
            .iter()
            .flat_map(|c| c.ids())
            .for_each(|r| one(Some(r), ROLE, "groups.vice_chair"));
        one(group.reports_to.as_ref(), GROUP, "groups.reports_to");
        group
            .members
            .iter()
            .for_each(|m| one(Some(m), ORG_OR_ROLE, "groups.members"));
    }
    for team in &doc.child_protection_teams {
        team.members.iter().for_each(|m| {
            one(
                m.nominated_by.as_ref(),
                ORG,
                "child_protection_teams.members.nominated_by",
            )
        });
    }
    for signature in &doc.signatures {
        one(signature.role.as_ref(), ROLE, "signatures.role");
        one(
            signature.organisation.as_ref(),
            ORG,
            "signatures.organisation",
        );
    }
    for (id, kinds, key) in refs {
        f(id, kinds, key);
    }
}

/// Every id written in an `[[organisations]]`, `[[roles]]` or `[[groups]]` entry of the raw
/// document, valid or not.
pub fn written_ids(doc: &crate::load::Document<'_>) -> HashSet<String> {
    ["organisations", "roles", "groups"]
        .iter()
        .filter_map(|key| doc.get_ref().get(*key)?.get_ref().as_array())
        .flat_map(|entries| entries.iter())
        .filter_map(|entry| {
            entry
                .get_ref()
                .as_table()?
                .get("id")?
                .get_ref()
                .as_str()
                .map(str::to_owned)
        })
        .collect()
}

/// Checks every reference against the index. `written` holds every id the file declares,
/// including declarations the structure stage cut away as broken: a reference to one of
/// those is not reported again (the broken declaration already is).
pub fn check_references(
    doc: &Arrangements,
    index: &Index,
    written: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    // A group cannot report to itself: the reporting line would lead nowhere.
    for group in &doc.groups {
        if let Some(to) = group
            .reports_to
            .as_ref()
            .filter(|to| to.as_str() == group.id.as_str())
        {
            out.push(
                Diagnostic::new(
                    UNKNOWN_REFERENCE,
                    Severity::Error,
                    to.span(),
                    format!("`reports_to` of the group `{}` names the group itself", group.id.as_str()),
                )
                .with_label("the group itself")
                .with_secondary(group.id.span(), "this group")
                .with_help("name the group it reports to (usually the partnership's executive or strategic board), or leave `reports_to` out"),
            );
        }
    }
    let mut suggesters: HashMap<Vec<DeclKind>, Suggester<'_>> = HashMap::new();
    for_each_reference(doc, |id, kinds, key| {
        if index.get(id.as_str()).is_none() && written.contains(id.as_str()) {
            return;
        }
        let wanted = kinds
            .iter()
            .map(|k| k.noun())
            .collect::<Vec<_>>()
            .join(" or ");
        match index.get(id.as_str()) {
            Some(decl) if kinds.contains(&decl.kind) => {}
            Some(decl) => out.push(
                Diagnostic::new(
                    UNKNOWN_REFERENCE,
                    Severity::Error,
                    id.span(),
                    format!(
                        "`{key}` must name {wanted}, but `{id}` is {}",
                        decl.kind.noun()
                    ),
                )
                .with_label(format!("{} here", decl.kind.noun()))
                .with_secondary(decl.span.clone(), "declared here")
                .with_help(format!(
                    "refer to an id declared in {}",
                    kinds
                        .iter()
                        .map(|k| k.table())
                        .collect::<Vec<_>>()
                        .join(" or ")
                )),
            ),
            None => {
                // One index of the candidate ids per set of kinds, built on first use.
                let suggester = suggesters.entry(kinds.to_vec()).or_insert_with(|| {
                    let mut sorted: Vec<&str> = index
                        .declarations
                        .iter()
                        .filter(|(_, d)| kinds.contains(&d.kind))
                        .map(|(name, _)| name.as_str())
                        .collect();
                    sorted.sort_unstable(); // deterministic suggestions
                    Suggester::new(sorted)
                });
                let suggestion = suggester.suggest(id.as_str());
                // A near miss is probably a typing slip, but it may name another body: the
                // fix is unsafe (applied only with --unsafe-fixes, or chosen in an editor),
                // and offered only when one id is clearly the nearest.
                let fix = suggester.suggest_unique(id.as_str()).map(|s| {
                    crate::diag::Fix::unsafe_(
                        format!("refer to `{s}`"),
                        id.span(),
                        crate::diag::toml_string(s),
                    )
                });
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "declare it in {} with id = \"{id}\", or use an id that is declared",
                        kinds
                            .iter()
                            .map(|k| k.table())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                };
                out.push(
                    Diagnostic::new(
                        UNKNOWN_REFERENCE,
                        Severity::Error,
                        id.span(),
                        format!(
                            "`{key}` refers to `{id}`, but no {} has that id",
                            kinds
                                .iter()
                                .map(|k| k.bare_noun())
                                .collect::<Vec<_>>()
                                .join(" or ")
                        ),
                    )
                    .with_label("not declared")
                    .with_help(help),
                );
                if let (Some(fix), Some(last)) = (fix, out.last_mut()) {
                    last.fix = Some(fix);
                }
            }
        }
    });
}
