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

/// The places the document covers, to choose the successor of a body split between areas: the
/// names of the local authorities in `partnership.areas`, or else the partnership's name and
/// its description of its area.
fn places<'a>(cx: &'a super::Context<'_>) -> Vec<&'a str> {
    let p = &cx.model.doc.partnership;
    let areas: Vec<&str> = p
        .areas
        .iter()
        .filter_map(|a| cx.model.organisation(a))
        .map(|o| o.name.get().as_str())
        .collect();
    if !areas.is_empty() {
        return areas;
    }
    std::iter::once(p.name.get().as_str())
        .chain(p.area_description.as_ref().map(|d| d.get().as_str()))
        .collect()
}

/// The fix that depends on where the document is: the successor for its area of a body split
/// between successors, or, for a clinical commissioning group, the integrated care board(s)
/// whose footprint covers its areas on the day it is judged as at.
fn fix_in_context(
    body: &registry::ObsoleteBody,
    places: &[&str],
    today: crate::Day,
) -> Option<String> {
    if let Some(fix) = body.fix_in_area(places) {
        return Some(fix);
    }
    let ccg = registry::clinical_commissioning_groups();
    if !ccg.is_some_and(|c| std::ptr::eq(c, body)) {
        return None;
    }
    let boards = registry::icbs_covering(places, today);
    (!boards.is_empty()).then(|| {
        let names: Vec<&str> = boards.iter().map(|b| b.name.as_str()).collect();
        format!(
            "name {} (the integrated care board whose area covers this one on {today})",
            names.join(" and ")
        )
    })
}

/// An organisation the document itself calls a clinical commissioning group, whatever its name.
fn ccg_by_kind(kind: &crate::model::OrganisationKind) -> Option<registry::Found> {
    (*kind == crate::model::OrganisationKind::ClinicalCommissioningGroup)
        .then(registry::clinical_commissioning_groups)
        .flatten()
        .map(|body| registry::Found {
            body,
            family_only: false,
        })
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
        citation: "The Act, order or announcement that ended each body, from masa's registry (each finding cites its own: e.g. Health and Care Act 2022 for CCGs)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Each organisation's name (and the other names it is `also_called`) against the bodies that have ended in masa's registries (src/rules/data/obsolete.toml, kind \"body\", and every integrated care board that ended in icbs.toml), matched as the data describes: its fragments, any \"<place> Clinical Commissioning Group\", whole-word initialisms such as CCG or PHE, an ICB's name with or without \"NHS \" and as \"<place> ICB\" or its abbreviation (\"BLMK ICB\"), never a successor whose name contains the old one; an organisation of kind `clinical_commissioning_group` is a CCG whatever its name. Safeguarding partners and child death review partners are left to `safeguarding-partner-body-current`. A body is reported once it has ended by the day the document is judged as at. It is an error when it is named as a yearly-report recipient in a document written after it ended, once the law then in force named another recipient (`error_from`: WT2018 itself named the What Works Centre, so only from WT2023, 15 December 2023); otherwise a warning. Never an error where the body's end rests on evidence masa cannot confirm (`confirmed = false`: the What Works Centre, the National Probation Service, Public Health England, the ICBs merged on 1 April 2026), where its entry caps the severity, or where only a family of initials (any \"xSCB\") matched. The fix depends on the role: a yearly-report recipient that no longer exists gets the recipients WT2023 para 109 names (not the successor body); a body split between successors gets the successor for the document's area (`partnership.areas`); a clinical commissioning group gets the ICB whose footprint covers the area. Each finding cites the entry's own source. A recipient reported here is not reported again by `yearly-report-recipients`.",
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
        let edition = super::edition_judged_by(cx.model, cx.today);
        let places = places(cx);
        for org in doc
            .organisations
            .iter()
            .filter(|o| is_statutory_partner(doc, &o.id).is_none())
        {
            let names = std::iter::once(&org.name).chain(org.also_called.iter());
            let by_name = names
                .filter_map(|n| registry::obsolete_body(n.get()).map(|f| (n, f)))
                .find(|(_, f)| f.body.applies_to(edition));
            let Some((name, found)) =
                by_name.or_else(|| ccg_by_kind(org.kind.get()).map(|f| (&org.name, f)))
            else {
                continue;
            };
            let body = found.body;
            // Judged as at the day the document is judged as at: a record of 2018 rightly
            // names the bodies of 2018.
            if cx.today < body.ended {
                continue;
            }
            let ended_by_document = dated.is_some_and(|d| d >= body.ended);
            let role = statutory_role(doc, &org.id);
            // In a statutory role, and the role's law then named another body (`error_from`:
            // WT2018 itself named the What Works Centre as a recipient).
            let in_role = role.is_some() && cx.today >= body.error_from;
            let written_after = dated.is_none_or(|d| d >= body.ended);
            let severity = if in_role && written_after {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mut severity = body.cap(severity);
            if found.family_only {
                severity = severity.min(Severity::Warning);
            }
            let when = if ended_by_document {
                format!(
                    ", before this document's date ({})",
                    document_date_as_written(doc)
                )
            } else if dated.is_some() {
                ", after this document was written: update it".to_owned()
            } else {
                " (the document carries no date, so it is judged as in force today)".to_owned()
            };
            let role_words = role
                .map(|r| format!(", named here as {r},"))
                .unwrap_or_default();
            let hedge = if body.confirmed {
                ""
            } else {
                "; masa cannot confirm the date from primary evidence"
            };
            let guess = if found.family_only {
                " (recognised by the form of its initials: check the expansion)"
            } else {
                ""
            };
            let fix = match (&body.fix_as_recipient, in_role) {
                (Some(fix), true) => fix.clone(),
                _ => fix_in_context(body, &places, cx.today).unwrap_or_else(|| body.fix.clone()),
            };
            let mut d = finding(
                meta,
                name.span(),
                format!(
                    "\"{}\"{role_words} refers to {}{guess}, which {}{when}{hedge}",
                    name.get(),
                    body.name,
                    body.ended_words(),
                ),
            )
            .with_label(body.ended_words())
            .with_help(fix)
            // The evidence is the body's own (the probation reform is not the Health and Care Act).
            .with_citation(body.source.clone());
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
        fix: None,
        what: "Each organisation named in `[[partners]]` or `child_death_review.partners`, against the bodies that have ended in masa's registries (obsolete.toml and the integrated care boards that ended in icbs.toml, matched as `obsolete-body` matches them; an organisation of kind `clinical_commissioning_group` is a CCG whatever its name): an error if it had ended by the document's latest date, a warning if it has ended since, by the day the document is judged as at. Where the end rests on evidence masa cannot confirm (the ICBs merged or split on 1 April 2026: the order is not verified), a warning at most. The fix names the successor for the document's area: for a board split between successors (Hertfordshire and West Essex: Hertfordshire to NHS Central East ICB, West Essex to NHS Essex ICB), the one for the local authorities in `partnership.areas` (or, without them, the partnership's name); for a clinical commissioning group, the ICB whose footprint covers the area. Each finding cites the section and the entry's own source.",
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
        let edition = super::edition_judged_by(cx.model, cx.today);
        let places = places(cx);
        for org in &doc.organisations {
            let Some(role) = is_statutory_partner(doc, &org.id) else {
                continue;
            };
            let found = registry::obsolete_body(org.name.get())
                .filter(|f| f.body.applies_to(edition))
                .or_else(|| ccg_by_kind(org.kind.get()));
            let Some(found) = found else { continue };
            let body = found.body;
            let severity = if dated.is_some_and(|d| d >= body.ended) {
                Severity::Error
            } else if cx.today >= body.ended {
                Severity::Warning
            } else {
                continue;
            };
            let mut severity = body.cap(severity);
            if found.family_only {
                severity = severity.min(Severity::Warning);
            }
            let hedge = if body.confirmed {
                ""
            } else {
                " (a date masa cannot confirm from primary evidence: the formal order is not verified)"
            };
            // A partner: any ICB for an area any part of which falls within the local
            // authority area is one, so the ICB the footprint suggests is not the whole answer.
            let fix = fix_in_context(body, &places, cx.today)
                .map(|fix| match &body.fix_as_partner {
                    Some(partner) if body.fix_by_area.is_empty() => {
                        format!("{fix}; in general, {partner}")
                    }
                    _ => fix,
                })
                .or_else(|| body.fix_as_partner.clone())
                .unwrap_or_else(|| body.fix.clone());
            let mut d = finding(
                meta,
                org.name.span(),
                format!(
                    "{} is named as {role}, but {} {}{hedge}",
                    org.name.get(),
                    body.name,
                    body.ended_words()
                ),
            )
            .with_label(role)
            .with_help(fix)
            .with_citation(format!("{}; {}", meta.citation, body.source));
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
    use crate::diag::Diagnostic;
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
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .contains("Central East")
        );
    }

    /// A partnership for `council`'s area, published on `published`, whose health partner is
    /// called `health` (of kind `kind`).
    fn partnership(council: &str, published: &str, health: &str, kind: &str) -> String {
        format!(
            "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\nguidance_edition = \"wt2023\"\npublished = {published}\nareas = [\"council\"]\n\n[[organisations]]\nid = \"council\"\nname = \"{council}\"\nkind = \"local_authority\"\n[[organisations]]\nid = \"health\"\nname = \"{health}\"\nkind = \"{kind}\"\n\n[[partners]]\norganisation = \"council\"\n[[partners]]\norganisation = \"health\"\n"
        )
    }

    fn partner_findings(council: &str, published: &str, health: &str) -> Vec<Diagnostic> {
        let doc = partnership(council, published, health, "integrated_care_board");
        run_rule_on(&SafeguardingPartnerBodyCurrent, &doc).1
    }

    fn help(d: &Diagnostic) -> &str {
        d.help.as_deref().unwrap_or_default()
    }

    #[test]
    fn a_current_icb_is_silent_in_every_form() {
        for (council, icb) in [
            ("Kent County Council", "NHS Kent and Medway ICB"),
            (
                "Kent County Council",
                "NHS Kent and Medway Integrated Care Board",
            ),
            ("Essex County Council", "NHS Essex Integrated Care Board"),
            ("Norfolk County Council", "NHS Norfolk and Suffolk ICB"),
            ("Hertfordshire County Council", "NHS Central East ICB"),
            (
                "Brighton and Hove City Council",
                "NHS Surrey and Sussex ICB",
            ),
            ("Devon County Council", "NHS Devon ICB"),
            (
                "Oxfordshire County Council",
                "NHS Thames Valley Integrated Care Board",
            ),
        ] {
            let found = partner_findings(council, "2026-06-01", icb);
            assert!(found.is_empty(), "{icb}: {found:#?}");
        }
    }

    #[test]
    fn an_icb_that_ended_in_april_2026_is_named_with_its_successor() {
        for (council, icb, successor) in [
            (
                "Norfolk County Council",
                "Norfolk and Waveney Integrated Care Board",
                "NHS Norfolk and Suffolk Integrated Care Board",
            ),
            (
                "Oxfordshire County Council",
                "BOB ICB",
                "NHS Thames Valley Integrated Care Board",
            ),
            (
                "Brighton and Hove City Council",
                "NHS Sussex Integrated Care Board",
                "NHS Surrey and Sussex Integrated Care Board",
            ),
            (
                "Barnet Council",
                "North Central London ICB",
                "NHS West and North London Integrated Care Board",
            ),
        ] {
            let found = partner_findings(council, "2026-06-01", icb);
            assert_eq!(found.len(), 1, "{icb}");
            // The 2026 changes rest on ODS as transcribed, not the order: a warning at most.
            assert_eq!(found[0].severity, Severity::Warning, "{icb}");
            assert!(
                help(&found[0]).contains(successor),
                "{icb}: {}",
                help(&found[0])
            );
            assert!(found[0].message.contains("2026-04-01"), "{icb}");
            assert!(
                found[0]
                    .citation
                    .as_deref()
                    .unwrap_or_default()
                    .contains("RCPCH"),
                "{icb}: the entry's own source"
            );
        }
        // Written before the merger, kept as a record of its time: silent.
        let record = partnership(
            "Norfolk County Council",
            "2025-06-01",
            "NHS Norfolk and Waveney ICB",
            "integrated_care_board",
        )
        .replace(
            "published = 2025-06-01\n",
            "published = 2025-06-01\nsuperseded_by = \"the 2026 arrangements\"\n",
        );
        assert!(
            run_rule_on(&SafeguardingPartnerBodyCurrent, &record)
                .1
                .is_empty()
        );
    }

    #[test]
    fn a_split_icb_gets_the_successor_for_the_documents_area() {
        let icb = "NHS Hertfordshire and West Essex ICB";
        let herts = partner_findings("Hertfordshire County Council", "2026-06-01", icb);
        assert!(
            help(&herts[0]).starts_with("name NHS Central East"),
            "{}",
            help(&herts[0])
        );
        assert!(
            !help(&herts[0]).contains("name NHS Essex"),
            "{}",
            help(&herts[0])
        );
        let essex = partner_findings("Essex County Council", "2026-06-01", icb);
        assert!(
            help(&essex[0]).starts_with("name NHS Essex"),
            "{}",
            help(&essex[0])
        );
        assert!(
            !help(&essex[0]).contains("name NHS Central East"),
            "{}",
            help(&essex[0])
        );
        // Frimley went three ways.
        let frimley = partner_findings("Bracknell Forest Council", "2026-06-01", "Frimley ICB");
        assert!(
            help(&frimley[0]).starts_with("name NHS Thames Valley"),
            "{}",
            help(&frimley[0])
        );
        // An area the split does not name: every successor, by area.
        let elsewhere = partner_findings("Example Council", "2026-06-01", icb);
        assert!(help(&elsewhere[0]).contains("Central East ICB for Hertfordshire"));
        // Frimley Health NHS Foundation Trust is a current trust.
        let trust = partnership(
            "Bracknell Forest Council",
            "2026-06-01",
            "Frimley Health NHS Foundation Trust",
            "nhs_foundation_trust",
        );
        assert!(run_rule_on(&ObsoleteBody, &trust).1.is_empty());
    }

    #[test]
    fn a_ccg_partner_is_an_error_with_the_icb_for_the_area() {
        let doc = partnership(
            "Devon County Council",
            "2023-06-01",
            "NHS Devon CCG",
            "clinical_commissioning_group",
        );
        let (_, found) = run_rule_on(&SafeguardingPartnerBodyCurrent, &doc);
        assert_eq!(found[0].severity, Severity::Error, "confirmed by the Act");
        assert!(
            help(&found[0]).contains("NHS Devon Integrated Care Board"),
            "{}",
            help(&found[0])
        );
        assert!(
            found[0]
                .citation
                .as_deref()
                .unwrap_or_default()
                .contains("Health and Care Act 2022")
        );
        // In a document of 2021 it was right then, and has ended since: a warning.
        let old = doc.replace("2023-06-01", "2021-06-01");
        let (_, found) = run_rule_on(&SafeguardingPartnerBodyCurrent, &old);
        assert_eq!(found[0].severity, Severity::Warning);
    }

    const RECIPIENT: &str = "[[yearly_report.recipients]]\norganisation = \"r\"\n";

    fn recipient(name: &str, kind: &str) -> String {
        format!("[[organisations]]\nid = \"r\"\nname = \"{name}\"\nkind = \"{kind}\"\n{RECIPIENT}")
    }

    #[test]
    fn an_obsolete_report_recipient_is_an_error_when_the_fact_is_confirmed() {
        let (text, found) = run_rule(
            &ObsoleteBody,
            &recipient("NHS Kent and Medway CCG", "clinical_commissioning_group"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str(), found[0].severity),
            (1, "obsolete-body", Severity::Error)
        );
        assert_eq!(spans(&text, &found), ["\"NHS Kent and Medway CCG\""]);
        // Named, not as a recipient: a warning.
        let member = "[[organisations]]\nid = \"r\"\nname = \"NHS Kent and Medway CCG\"\nkind = \"clinical_commissioning_group\"\n";
        assert_eq!(
            run_rule(&ObsoleteBody, member).1[0].severity,
            Severity::Warning
        );
        // Of kind clinical_commissioning_group, whatever its name.
        let kernow = recipient("NHS Kernow", "clinical_commissioning_group");
        assert_eq!(run_rule(&ObsoleteBody, &kernow).1.len(), 1);
        // The Panel is current.
        let panel = recipient("Child Safeguarding Practice Review Panel", "national_body");
        assert!(run_rule(&ObsoleteBody, &panel).1.is_empty());
    }

    #[test]
    fn the_what_works_centre_as_recipient_gets_the_para_109_recipients() {
        let ww = recipient(
            "What Works Centre for Children's Social Care",
            "national_body",
        );
        let (_, found) = run_rule(&ObsoleteBody, &ww);
        // Its end rests on the organisation's own press release: a warning at most.
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            help(&found[0]).starts_with(
                "send the yearly report to the Child Safeguarding Practice Review Panel"
            )
        );
        assert!(
            found[0]
                .citation
                .as_deref()
                .unwrap_or_default()
                .contains("para 109")
        );
        // Judged as at a day before WT2023 (a record of October 2023), when WT2018 still named
        // it as a recipient: the fix is its successor, not para 109.
        let record = format!(
            "schema_version = 1\n[partnership]\nname = \"Old Partnership\"\nguidance_edition = \"wt2018\"\npublished = 2023-10-01\nsuperseded_by = \"the 2024 arrangements\"\n{ww}"
        );
        let (_, found) = run_rule_on(&ObsoleteBody, &record);
        assert!(
            help(&found[0]).contains("Foundations"),
            "{}",
            help(&found[0])
        );
        assert!(!help(&found[0]).contains("para 109"), "{}", help(&found[0]));
    }

    #[test]
    fn a_family_of_initialisms_is_a_guess_and_only_a_warning() {
        let (_, found) = run_rule(
            &ObsoleteBody,
            &recipient("WSCB", "safeguarding_partnership"),
        );
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("initials"));
        let (_, found) = run_rule(
            &ObsoleteBody,
            &recipient("LSCB", "safeguarding_partnership"),
        );
        assert_eq!(found[0].severity, Severity::Error);
        for name in ["WSCP", "Wiltshire Safeguarding Adults Board"] {
            let found = run_rule(&ObsoleteBody, &recipient(name, "safeguarding_partnership")).1;
            assert!(found.is_empty(), "{name}");
        }
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
