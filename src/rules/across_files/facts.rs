//! What the checks across files need from one document, extracted once after its own check.

use std::collections::BTreeSet;

use crate::model::{Day, LintSetting, Model, Scope, Span};
use crate::rules::support::names::{normalise, same_name};

/// What the cross-file rules need from one document, extracted once after its own check.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The partnership's own id, if the file declares one.
    pub partnership_id: Option<String>,
    /// The partnership's name and where it is.
    pub partnership_name: (String, Span),
    /// The other names the document gives the partnership (`partnership.also_called`).
    pub partnership_also_called: Vec<String>,
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
    /// Whether it is a document published beside the arrangements (a web page), not the
    /// arrangements themselves: it then never displaces the arrangements.
    pub beside_arrangements: bool,
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
    pub(super) fn same(&self, other: &Chair) -> bool {
        if let (Some(a), Some(b)) = (&self.name, &other.name) {
            return same_name(a, b);
        }
        let in_capacity = |a: &Chair, b: &Chair| {
            b.capacity
                .is_some_and(|c| crate::rules::support::names::is_short_form(&a.title, c))
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
                // Joint chairs: the first named is compared.
                chair: g.chair.as_ref().map(|c| c.first()).and_then(|c| {
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
            partnership_also_called: p.also_called.iter().map(|a| a.to_string()).collect(),
            areas,
            date: crate::rules::support::dates::document_date(doc),
            organisations,
            groups,
            child_death_review,
            lints: doc
                .lints
                .iter()
                .map(|(k, v)| (k.to_string(), v.get().clone()))
                .collect(),
            superseded: p.superseded_by.is_some(),
            beside_arrangements: p
                .document
                .as_ref()
                .is_some_and(|d| *d.get() != crate::model::DocumentKind::Arrangements),
        }
    }
}
