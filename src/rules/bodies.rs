//! Bodies that no longer exist.
//!
//! Clinical commissioning groups were abolished on 1 July 2022 and integrated care boards took
//! their place as safeguarding partners (Children Act 2004 s.16E(3) as amended) and child death
//! review partners (s.16Q). Other bodies have merged or been renamed (registry in
//! [`super::registry`]).

use super::{ALL_EDITIONS, Level, RuleMeta, finding, registry, rule};
use crate::model::{Arrangements, Day, Id};
use crate::report::Severity;

/// The latest date the document says it was published, updated or agreed.
pub fn document_date(doc: &Arrangements) -> Option<Day> {
    let p = &doc.partnership;
    p.published
        .iter()
        .chain(p.updated.iter())
        .chain(p.agreed.iter())
        .map(|d| d.latest())
        .max()
}

/// The statutory role an organisation has in the document, if any.
fn statutory_role(doc: &Arrangements, id: &Id) -> Option<&'static str> {
    if doc.partners.iter().any(|p| p.organisation.get() == id) {
        return Some("a safeguarding partner");
    }
    if doc
        .child_death_review
        .as_ref()
        .is_some_and(|c| c.partners.iter().any(|p| p.get() == id))
    {
        return Some("a child death review partner");
    }
    if doc
        .yearly_report
        .as_ref()
        .is_some_and(|y| y.recipients.iter().any(|r| r.organisation.get() == id))
    {
        return Some("a recipient of the yearly report");
    }
    None
}

rule!(
    ObsoleteBody,
    RuleMeta {
        id: "obsolete-body",
        level: Level::Quality,
        default_severity: Severity::Error,
        summary: "The arrangements do not name bodies that had been abolished, merged or renamed by the document's date.",
        citation: "Children Act 2004 s.16E(3) and s.16Q (as amended by the Health and Care Act 2022)",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "Each organisation's name (and the other names it is `also_called`) against a registry of bodies that no longer exist, with the date each ended: clinical commissioning groups (1 July 2022), the What Works Centre for Children's Social Care (June 2023), the National Probation Service (June 2021), and others. It is an error when such a body is named as a safeguarding partner, child death review partner or yearly-report recipient in a document dated after it ended; otherwise a warning once the body has ended by the document's date or by today.",
        why: "A body that no longer exists cannot hold a statutory duty or receive a report. Naming one means the arrangements have not been updated for a reorganisation, and leaves unclear which body is responsible now.",
        fails: "[[organisations]]\nid = \"beds-ccg\"\nname = \"Bedfordshire Clinical Commissioning Group\"\nkind = \"clinical_commissioning_group\"\n\n[child_death_review]\npartners = [\"beds-ccg\"]",
        passes: "[[organisations]]\nid = \"example-icb\"\nname = \"NHS Example Integrated Care Board\"\nkind = \"integrated_care_board\"\n\n[child_death_review]\npartners = [\"example-icb\"]",
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let dated = document_date(doc);
        for org in &doc.organisations {
            let names = std::iter::once(&org.name).chain(org.also_called.iter());
            let Some((name, body)) = names
                .filter_map(|n| registry::obsolete_body(n).map(|b| (n, b)))
                .next()
            else {
                continue;
            };
            let ended_by_document = dated.is_some_and(|d| d >= body.ended);
            let role = statutory_role(doc, &org.id);
            let severity = match (ended_by_document, role) {
                (true, Some(_)) => Severity::Error,
                (true, None) => Severity::Warning,
                (false, _) if cx.today >= body.ended => Severity::Warning,
                (false, _) => continue,
            };
            let when = if ended_by_document {
                format!(
                    "before this document's date ({})",
                    dated.map(|d| d.to_string()).unwrap_or_default()
                )
            } else {
                format!(
                    "on {}, after this document was written; update it",
                    body.ended
                )
            };
            let role_words = role
                .map(|r| format!(", named here as {r},"))
                .unwrap_or_default();
            let mut d = finding(
                meta,
                name.span(),
                format!(
                    "\"{}\"{role_words} refers to {}, which ended {when}",
                    name.get(),
                    body.name
                ),
            )
            .with_label(format!("ended {}", body.ended))
            .with_help(format!(
                "replace it with {} ({})",
                body.replaced_by, body.source
            ));
            d.severity = severity;
            out.push(d);
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&ObsoleteBody];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    const CCG: &str = "[[organisations]]\nid = \"beds-ccg\"\nname = \"Bedfordshire Clinical Commissioning Group\"\nkind = \"clinical_commissioning_group\"\n";

    #[test]
    fn an_abolished_body_as_cdr_partner_is_an_error() {
        let (text, found) = run_rule(
            &ObsoleteBody,
            &format!("{CCG}[child_death_review]\npartners = [\"beds-ccg\"]\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str(), found[0].severity),
            (1, "obsolete-body", Severity::Error)
        );
        assert_eq!(
            spans(&text, &found),
            ["\"Bedfordshire Clinical Commissioning Group\""]
        );
        assert!(found[0].message.contains("child death review partner"));
    }

    #[test]
    fn merely_named_is_a_warning_and_current_bodies_pass() {
        let (_, found) = run_rule(&ObsoleteBody, CCG);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            run_rule(
                &ObsoleteBody,
                "[child_death_review]\npartners = [\"example-icb\"]\n"
            )
            .1
            .is_empty()
        );
    }
}
