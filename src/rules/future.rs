//! Law passed but not yet in force: the Children's Wellbeing and Schools Act 2026, Part 1.
//! These rules exist so that partnerships can prepare (turn them on in configuration), but are
//! off by default until commencement regulations bring the sections into force.

use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::OrganisationKind as Kind;

rule!(
    DesignatedChildcareEducationAgencies,
    RuleMeta {
        id: "designated-childcare-education-agencies",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The arrangements include the designated childcare and education agencies (once commenced).",
        citation: "Children Act 2004 s.16E(1)(aa) and (2A), inserted by the Children's Wellbeing and Schools Act 2026 s.2 (not yet commenced)",
        editions: ALL_EDITIONS,
        enabled: false,
        fix: None,
        what: "That the relevant agencies include childcare and education bodies (kinds `school`, `college`, `education_settings`, `alternative_provision`, `early_years`). Which agencies are designated will be set by regulations not yet made.",
        why: "Once commenced, designated childcare and education agencies become a mandatory part of the arrangements rather than a choice of the partners.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-nhs-trust"
name = "Example Hospitals NHS Trust"
kind = "nhs_trust"

[[relevant_agencies.agencies]]
agency = "example-nhs-trust"

[lints]
designated-childcare-education-agencies = "warn"  # off by default: not yet in force
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "all-education-settings"
name = "All schools, colleges and childcare settings in Example"
kind = "education_settings"

[[relevant_agencies.agencies]]
agency = "all-education-settings"

[lints]
designated-childcare-education-agencies = "warn"  # off by default: not yet in force
"#,
    },
    |meta, cx, out| {
        let education = [
            Kind::School,
            Kind::College,
            Kind::EducationSettings,
            Kind::AlternativeProvision,
            Kind::EarlyYears,
        ];
        let doc = &cx.model.doc;
        let included = doc.relevant_agencies.as_ref().is_some_and(|r| {
            r.agencies.iter().any(|a| {
                cx.model
                    .organisation(&a.agency)
                    .is_some_and(|o| education.contains(o.kind.get()))
            })
        });
        if !included {
            let at = doc
                .relevant_agencies
                .as_ref()
                .map_or(doc.partnership.span(), |r| r.span());
            out.push(
                finding(meta, at, "no childcare or education agency is included in the arrangements")
                    .with_label("relevant agencies")
                    .with_help("include the area's schools, colleges and childcare settings as relevant agencies"),
            );
        }
    }
);

/// The members s.16EA requires, by words in the member's role and the nominating body's kind.
const REQUIRED_MEMBERS: &[(&str, &[&str], Kind)] = &[
    (
        "an education person nominated by the local authority",
        &["education", "teacher", "school"],
        Kind::LocalAuthority,
    ),
    (
        "a social worker nominated by the local authority",
        &["social worker"],
        Kind::LocalAuthority,
    ),
    (
        "a registered health professional nominated by an ICB",
        &["health", "nurse", "doctor", "paediatrician"],
        Kind::IntegratedCareBoard,
    ),
    (
        "a constable or police employee nominated by the chief officer",
        &["police", "constable", "officer"],
        Kind::Police,
    ),
];

rule!(
    MultiAgencyChildProtectionTeams,
    RuleMeta {
        id: "multi-agency-child-protection-teams",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The arrangements establish multi-agency child protection teams with the statutory minimum members (once commenced).",
        citation: "Children Act 2004 s.16EA, inserted by the Children's Wellbeing and Schools Act 2026 s.3 (not yet commenced; regulations expected late 2027)",
        editions: ALL_EDITIONS,
        enabled: false,
        fix: None,
        what: "That `[[child_protection_teams]]` has at least one team, and that each includes an education person and a social worker nominated by the local authority, a registered health professional nominated by an ICB, and a constable or police employee nominated by the chief officer.",
        why: "Once commenced, the teams support the local authority's child protection (s.47) enquiries with the core agencies in one team.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [[child_protection_teams]]

[lints]
multi-agency-child-protection-teams = "warn"  # off by default: not yet in force
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-icb"
name = "NHS Example Integrated Care Board"
kind = "integrated_care_board"
[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[[child_protection_teams]]
name = "Example Multi-Agency Child Protection Team"
[[child_protection_teams.members]]
role = "education lead"
nominated_by = "example-council"
[[child_protection_teams.members]]
role = "social worker"
nominated_by = "example-council"
[[child_protection_teams.members]]
role = "named nurse (registered health professional)"
nominated_by = "example-icb"
[[child_protection_teams.members]]
role = "police officer"
nominated_by = "example-police"

[lints]
multi-agency-child-protection-teams = "warn"  # off by default: not yet in force
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        if doc.child_protection_teams.is_empty() {
            out.push(
                finding(
                    meta,
                    doc.partnership.span(),
                    "the arrangements establish no multi-agency child protection team",
                )
                .with_label("no [[child_protection_teams]]")
                .with_help("describe the team(s) and their members"),
            );
            return;
        }
        for team in &doc.child_protection_teams {
            let absent: Vec<&str> = REQUIRED_MEMBERS
                .iter()
                .filter(|(_, words, nominator)| {
                    !team.members.iter().any(|m| {
                        let role = m.role.to_lowercase();
                        let nominated = m
                            .nominated_by
                            .as_ref()
                            .and_then(|n| cx.model.organisation(n))
                            .is_some_and(|o| o.kind.get() == nominator);
                        nominated && words.iter().any(|w| role.contains(w))
                    })
                })
                .map(|(what, ..)| *what)
                .collect();
            if !absent.is_empty() {
                out.push(
                    finding(
                        meta,
                        team.span(),
                        format!("\"{}\" lacks {}", team.name.get(), absent.join("; ")),
                    )
                    .with_label("team")
                    .with_help("add the missing members with the body that nominates them"),
                );
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &DesignatedChildcareEducationAgencies,
    &MultiAgencyChildProtectionTeams,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn off_by_default() {
        assert!(RULES.iter().all(|r| !r.meta().enabled));
    }

    #[test]
    fn designated_agencies() {
        let (text, found) = run_rule(&DesignatedChildcareEducationAgencies, "");
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("designated-childcare-education-agencies", "[partnership]")
        );
        let good = "[[organisations]]\nid = \"schools\"\nname = \"All schools\"\nkind = \"education_settings\"\n[[relevant_agencies.agencies]]\nagency = \"schools\"\n";
        assert!(
            run_rule(&DesignatedChildcareEducationAgencies, good)
                .1
                .is_empty()
        );
    }

    #[test]
    fn child_protection_teams() {
        let team = "[[child_protection_teams]]\nname = \"MACPT\"\n[[child_protection_teams.members]]\nrole = \"Social worker\"\nnominated_by = \"example-council\"\n";
        let (text, found) = run_rule(&MultiAgencyChildProtectionTeams, team);
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            (
                "multi-agency-child-protection-teams",
                "[[child_protection_teams]]"
            )
        );
        assert!(
            found[0].message.contains("education person")
                && !found[0].message.contains("social worker")
        );
        let full = format!(
            "{team}[[child_protection_teams.members]]\nrole = \"Education lead\"\nnominated_by = \"example-council\"\n[[child_protection_teams.members]]\nrole = \"Paediatric nurse (registered health professional)\"\nnominated_by = \"example-icb\"\n[[child_protection_teams.members]]\nrole = \"Detective constable\"\nnominated_by = \"example-police\"\n"
        );
        assert!(
            run_rule(&MultiAgencyChildProtectionTeams, &full)
                .1
                .is_empty()
        );
    }
}
