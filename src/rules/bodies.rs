//! Bodies that no longer exist.
//!
//! Clinical commissioning groups were abolished on 1 July 2022 and integrated care boards took
//! their place as safeguarding partners (Children Act 2004 s.16E(3) as amended) and child death
//! review partners (s.16Q). Other bodies have merged or been renamed (registry in
//! [`super::registry`]).

use super::support::dates::{document_date, document_date_as_written};
use super::{ALL_EDITIONS, Level, RuleMeta, finding, registry, rule};
use crate::diag::Severity;
use crate::model::{Arrangements, Id};

/// Whether an organisation is a safeguarding partner or child death review partner (judged by
/// `safeguarding-partner-body-current`, not `obsolete-body`).
fn is_statutory_partner(doc: &Arrangements, id: &Id) -> Option<&'static str> {
    if doc.partners.iter().any(|p| p.organisation.get() == id) {
        return Some("a safeguarding partner");
    }
    let cdr = doc.child_death_review.as_ref();
    if cdr.is_some_and(|c| c.partners.iter().any(|p| p.get() == id)) {
        return Some("a child death review partner");
    }
    None
}

/// The statutory role (other than partner) an organisation has in the document, if any.
fn statutory_role(doc: &Arrangements, id: &Id) -> Option<&'static str> {
    let report = doc.yearly_report.as_ref();
    report
        .is_some_and(|y| y.recipients.iter().any(|r| r.organisation.get() == id))
        .then_some("a recipient of the yearly report")
}

rule!(
    ObsoleteBody,
    RuleMeta {
        id: "obsolete-body",
        level: Level::Fact,
        default_severity: Severity::Error,
        summary: "The arrangements do not name bodies that have been abolished, merged or renamed, by the document's date or since (partners: `safeguarding-partner-body-current`).",
        citation: "The Act, order or announcement that ended each body (each finding cites its own: e.g. Health and Care Act 2022 for CCGs)",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "Each organisation's name (and the other names it is `also_called`) against a registry of bodies that no longer exist, with the date each ended: clinical commissioning groups (1 July 2022), the What Works Centre for Children's Social Care (June 2023), the National Probation Service (June 2021), and others. Safeguarding partners and child death review partners are left to `safeguarding-partner-body-current`. It is an error when such a body is named as a yearly-report recipient in a document dated after it ended; otherwise a warning once the body has ended by the document's date or by today. Where the registry's date is announced but not verified (BLMK ICB's merger on 1 April 2026), the finding is a warning at most.",
        why: "A body that no longer exists cannot hold a statutory duty or receive a report. Naming one means the arrangements have not been updated for a reorganisation, and leaves unclear which body is responsible now.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
published = 2024-09-27

[[organisations]]
id = "health-protection"
name = "Public Health England"
kind = "national_body"

[[groups]]
id = "strategic-board"
name = "Strategic Board"
members = ["health-protection"]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
published = 2024-09-27

[[organisations]]
id = "health-protection"
name = "UK Health Security Agency"
kind = "national_body"

[[groups]]
id = "strategic-board"
name = "Strategic Board"
members = ["health-protection"]
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let dated = document_date(doc);
        for org in doc
            .organisations
            .iter()
            .filter(|o| is_statutory_partner(doc, &o.id).is_none())
        {
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
            // An unverified date never makes an error.
            let severity = if body.confirmed {
                severity
            } else {
                severity.min(Severity::Warning)
            };
            let when = if ended_by_document {
                format!(
                    "before this document's date ({})",
                    document_date_as_written(doc)
                )
            } else if dated.is_some() {
                format!(
                    "on {}, after this document was written; update it",
                    body.ended
                )
            } else {
                format!(
                    "on {} (the document carries no date, so it is judged as in force today)",
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
            .with_help(format!("replace it with {}", body.replaced_by))
            // The evidence is the body's own (the probation reform is not the Health and Care Act).
            .with_citation(body.source);
            d.severity = severity;
            out.push(d);
        }
    }
);

rule!(
    SafeguardingPartnerBodyCurrent,
    RuleMeta {
        id: "safeguarding-partner-body-current",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "Every safeguarding partner and child death review partner is a body that exists on the document's date and today.",
        citation: "Children Act 2004 s.16E(3) and s.16Q (as amended by the Health and Care Act 2022)",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "Each organisation named in `[[partners]]` or `child_death_review.partners`, against the registry of bodies that have ended: an error if it had ended by the document's latest date (or is a clinical commissioning group in a document dated after 1 July 2022), a warning if it has ended since, by `--today`. Where the registry's date is announced but not verified (BLMK ICB's merger on 1 April 2026), it is a warning at most.",
        why: "Only a body that exists can hold the statutory duties. Clinical commissioning groups were abolished on 1 July 2022; integrated care boards have since been merged. A partner that no longer exists means the arrangements name nobody for that duty.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "beds-ccg"
name = "Bedfordshire Clinical Commissioning Group"
kind = "clinical_commissioning_group"

[[partners]]
organisation = "beds-ccg"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-icb"
name = "NHS Example Integrated Care Board"
kind = "integrated_care_board"

[[partners]]
organisation = "example-icb"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let dated = document_date(doc);
        for org in &doc.organisations {
            let Some(role) = is_statutory_partner(doc, &org.id) else {
                continue;
            };
            let body = registry::obsolete_body(org.name.get()).or_else(|| {
                (*org.kind.get() == crate::model::OrganisationKind::ClinicalCommissioningGroup)
                    .then_some(&registry::OBSOLETE_BODIES[0])
            });
            let Some(body) = body else { continue };
            let severity = if dated.is_some_and(|d| d >= body.ended) {
                Severity::Error
            } else if cx.today >= body.ended {
                Severity::Warning
            } else {
                continue;
            };
            let (severity, hedge) = if body.confirmed {
                (severity, "")
            } else {
                (
                    severity.min(Severity::Warning),
                    " (announced; the formal order is not verified)",
                )
            };
            let mut d = finding(
                meta,
                org.name.span(),
                format!(
                    "{} is named as {role}, but {} ended on {}{hedge}",
                    org.name.get(),
                    body.name,
                    body.ended
                ),
            )
            .with_label(role)
            .with_help(format!(
                "name {} instead ({})",
                body.replaced_by, body.source
            ));
            d.severity = severity;
            out.push(d);
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] =
    &[&SafeguardingPartnerBodyCurrent, &ObsoleteBody];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, run_rule_on, spans};

    const CCG: &str = "[[organisations]]\nid = \"beds-ccg\"\nname = \"Bedfordshire Clinical Commissioning Group\"\nkind = \"clinical_commissioning_group\"\n";

    #[test]
    fn an_abolished_body_as_cdr_partner_is_an_error() {
        let cdr = format!("{CCG}[child_death_review]\npartners = [\"beds-ccg\"]\n");
        let (text, found) = run_rule(&SafeguardingPartnerBodyCurrent, &cdr);
        assert_eq!(
            (found.len(), found[0].rule.as_str(), found[0].severity),
            (1, "safeguarding-partner-body-current", Severity::Error)
        );
        assert_eq!(
            spans(&text, &found),
            ["\"Bedfordshire Clinical Commissioning Group\""]
        );
        assert!(found[0].message.contains("child death review partner"));
        assert!(
            run_rule(&ObsoleteBody, &cdr).1.is_empty(),
            "reported once, by the partner rule"
        );
        assert!(
            run_rule(
                &SafeguardingPartnerBodyCurrent,
                "[child_death_review]\npartners = [\"example-icb\"]\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn an_unverified_end_date_is_only_a_warning() {
        // BLMK ICB's merger date is announced, not verified: a later document naming it as a
        // child death review partner gets a warning, not an error.
        let blmk = "[[organisations]]\nid = \"blmk\"\nname = \"BLMK ICB\"\nkind = \"integrated_care_board\"\n[child_death_review]\npartners = [\"blmk\"]\n";
        let dated =
            crate::rules::testing::BASE.replace("published = 2025-01-10", "published = 2026-06-10");
        let (text, found) = run_rule_on(&SafeguardingPartnerBodyCurrent, &format!("{dated}{blmk}"));
        assert_eq!(spans(&text, &found), ["\"BLMK ICB\""]);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("not verified"));
    }

    #[test]
    fn an_obsolete_report_recipient_is_an_error() {
        let ww = "[[organisations]]\nid = \"ww\"\nname = \"What Works Centre for Children's Social Care\"\nkind = \"national_body\"\n[[yearly_report.recipients]]\norganisation = \"ww\"\n";
        let (text, found) = run_rule(&ObsoleteBody, ww);
        assert_eq!(
            (found.len(), found[0].rule.as_str(), found[0].severity),
            (1, "obsolete-body", Severity::Error)
        );
        assert_eq!(
            spans(&text, &found),
            ["\"What Works Centre for Children's Social Care\""]
        );
    }

    #[test]
    fn a_superseded_record_is_judged_as_at_its_own_time() {
        let head = "schema_version = 1\n[partnership]\nname = \"Old Board\"\nguidance_edition = \"wt2018\"\n";
        // Undated and in force: judged today, when the CCG has gone.
        let (_, found) = run_rule_on(&ObsoleteBody, &format!("{head}{CCG}"));
        assert_eq!(found.len(), 1);
        // Kept as a record of what it replaced: judged as at WT2018, when CCGs existed.
        let (_, found) = run_rule_on(
            &ObsoleteBody,
            &format!("{head}superseded_by = \"the 2024 arrangements\"\n{CCG}"),
        );
        assert!(found.is_empty(), "{found:#?}");
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
