//! Relevant agencies.
//!
//! Children Act 2004 s.16E(1): the partners must make arrangements for themselves "and any
//! relevant agencies that they consider appropriate" to work together; s.16E(3) and SI 2018/789
//! reg. 18 and Schedule: a relevant agency is a body specified in the regulations. WT2023
//! paras 65–75.

use super::{ALL_EDITIONS, Level, RuleMeta, SINCE_WT2023, finding, registry, rule};
use crate::diag::Severity;
use crate::model::DeclKind;

rule!(
    RelevantAgenciesListed,
    RuleMeta {
        id: "relevant-agencies-listed",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements name the relevant agencies the safeguarding partners will work with.",
        citation: "Children Act 2004 s.16E(1)(b) and s.16G(4); WT2023 ch. 2, paras 65 and 67",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[relevant_agencies]` lists at least one agency.",
        why: "Only agencies named in the arrangements are bound to act in accordance with them (s.16G(4)); an empty list binds nobody beyond the three partners.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [relevant_agencies] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-nhs-trust"
name = "Example Hospitals NHS Trust"
kind = "nhs_trust"

[[relevant_agencies.agencies]]
agency = "example-nhs-trust"
"#,
    },
    |meta, cx, out| {
        let listed = cx.model.doc.relevant_agencies.as_ref();
        if listed.is_none_or(|r| r.agencies.is_empty()) {
            let at = listed.map_or(cx.model.doc.partnership.span(), |r| r.span());
            out.push(
                finding(meta, at, "the arrangements name no relevant agencies")
                    .with_label("no relevant agencies listed")
                    .with_help("list each agency under [[relevant_agencies.agencies]] with agency = \"<organisation id>\""),
            );
        }
    }
);

rule!(
    RelevantAgencyNotPerson,
    RuleMeta {
        id: "relevant-agency-not-person",
        level: Level::Fact,
        default_severity: Severity::Error,
        summary: "Relevant agencies are bodies or the office-holders the Schedule names, not the partnership's own people (a lay member or the independent scrutineer is not an agency).",
        citation: "Children Act 2004 s.16E(3) and s.16G(3); SI 2018/789 reg. 18 and Schedule",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no entry of `[[relevant_agencies.agencies]]` refers to a `[[roles]]` entry. A lay member, the independent scrutineer, the business manager or a group of people listed as an agency is an error; any other post is a warning, because the Schedule to SI 2018/789 does name some office-holders (a prison governor, the principal of a secure college, a director of a contracted-out establishment), and the agency is then better recorded as the institution.",
        why: "A relevant agency is a body specified in the regulations that exercises functions in relation to children. The independent scrutineer is the s.16G(3) \"independent person\" and lay members are people: listing them as agencies confuses who is bound by the arrangements.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "lay-member"
title = "Lay Member"

[[relevant_agencies.agencies]]
agency = "lay-member"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-nhs-trust"
name = "Example Hospitals NHS Trust"
kind = "nhs_trust"

[[relevant_agencies.agencies]]
agency = "example-nhs-trust"
"#,
    },
    |meta, cx, out| {
        let Some(list) = &cx.model.doc.relevant_agencies else {
            return;
        };
        for entry in &list.agencies {
            let Some(decl) = cx
                .model
                .index
                .get(entry.agency.as_str())
                .filter(|d| d.kind == DeclKind::Role)
            else {
                continue;
            };
            let role = &cx.model.doc.roles[decl.position];
            let listed = entry
                .listed_as
                .as_ref()
                .map_or(role.title.to_string(), |l| l.to_string());
            let d = finding(meta, entry.agency.span(), format!("\"{listed}\" is listed as a relevant agency, but it is a person or post, not an agency"))
                .with_label("a role, not an organisation")
                .with_help("remove it from the relevant agencies; describe the role where it belongs (e.g. under independent scrutiny or a group's membership)");
            // The Schedule specifies some office-holders (paras 26 and 28–30: governors,
            // principals, directors), so only the partnership's own people are certainly wrong.
            out.push(if role.kind.as_ref().is_some_and(|k| *k.get() != crate::model::RoleKind::Other) {
                d
            } else {
                d.with_severity(Severity::Warning).with_help("if this post is one the Schedule to SI 2018/789 names (a prison governor, the principal of a secure college), list the institution as the agency; otherwise remove it and describe the role where it belongs")
            });
        }
    }
);

rule!(
    RelevantAgencyNotPartner,
    RuleMeta {
        id: "relevant-agency-not-partner",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The safeguarding partners themselves are not listed as relevant agencies.",
        citation: "Children Act 2004 s.16E(1)(a)–(b)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no entry of `[[relevant_agencies.agencies]]` is one of the `[[partners]]` organisations.",
        why: "The Act distinguishes the safeguarding partners (s.16E(1)(a)) from the relevant agencies they choose to work with (s.16E(1)(b)); listing a partner as an agency blurs who holds the duty.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[[partners]]
organisation = "example-police"

[[relevant_agencies.agencies]]
agency = "example-police"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"
[[organisations]]
id = "example-nhs-trust"
name = "Example Hospitals NHS Trust"
kind = "nhs_trust"

[[partners]]
organisation = "example-police"

[[relevant_agencies.agencies]]
agency = "example-nhs-trust"
"#,
    },
    |meta, cx, out| {
        let Some(list) = &cx.model.doc.relevant_agencies else {
            return;
        };
        for entry in &list.agencies {
            if let Some(partner) = cx
                .model
                .doc
                .partners
                .iter()
                .find(|p| p.organisation.get() == entry.agency.get())
            {
                let name = cx
                    .model
                    .organisation(&entry.agency)
                    .map_or(entry.agency.to_string(), |o| o.name.to_string());
                out.push(
                    finding(meta, entry.agency.span(), format!("{name} is a safeguarding partner, but is also listed as a relevant agency"))
                        .with_label("listed as a relevant agency")
                        .with_secondary(partner.organisation.span(), "a safeguarding partner")
                        .with_help("remove the partner from the relevant agencies (district councils and other bodies may be agencies; the partners are not)"),
                );
            }
        }
    }
);

rule!(
    RelevantAgencyScheduled,
    RuleMeta {
        id: "relevant-agency-scheduled",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Each relevant agency is a kind of body the Schedule to SI 2018/789 specifies.",
        citation: "Children Act 2004 s.16E(3); SI 2018/789 reg. 18 and Schedule",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That every organisation listed as a relevant agency (other than a safeguarding partner, left to `relevant-agency-not-partner`) has a `kind` that a paragraph of the Schedule covers, as masa's copy of the Schedule (src/rules/data/schedule.toml) maps its paragraphs to kinds: schools (paras 1, 4, 7, 8), colleges, early years, NHS trusts (para 16), Cafcass (para 25), probation (para 27), youth justice (para 31), charities (para 36), and so on. Fire and rescue services, government departments such as DWP, national bodies and local-authority departments are not; the finding says why, from the data's `not_scheduled` reasons. masa holds the Schedule as made: a version in force since 6 November 2023 has not been verified, so a finding is a warning at most and cites the version it rests on.",
        why: "Only bodies specified in the regulations can be relevant agencies bound by s.16G(4). Others may take part in the arrangements, but should be described as other participants rather than statutory relevant agencies.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "dwp"
name = "DWP"
kind = "government_department"

[[relevant_agencies.agencies]]
agency = "dwp"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "cafcass"
name = "Cafcass"
kind = "cafcass"

[[relevant_agencies.agencies]]
agency = "cafcass"
"#,
    },
    |meta, cx, out| {
        let Some(list) = &cx.model.doc.relevant_agencies else {
            return;
        };
        let partners: Vec<_> = cx
            .model
            .doc
            .partners
            .iter()
            .map(|p| p.organisation.get())
            .collect();
        for entry in &list.agencies {
            // Partners and people have their own rules.
            if partners.contains(&entry.agency.get()) {
                continue;
            }
            let Some(org) = cx.model.organisation(&entry.agency) else {
                continue;
            };
            let kind = *org.kind.get();
            if !registry::schedule_paragraphs(kind).is_empty() {
                continue;
            }
            let why = registry::not_scheduled(kind).map_or_else(
                || "no paragraph of the Schedule covers this kind of body".to_owned(),
                |n| n.reason.clone(),
            );
            out.push(
                finding(
                    meta,
                    entry.agency.span(),
                    format!(
                        "{} is not a kind of body the Schedule to SI 2018/789 makes a relevant agency",
                        org.name.get()
                    ),
                )
                .with_label("not in the Schedule")
                .with_secondary(org.kind.span(), "kind")
                .with_help(format!(
                    "{why} Keep it in the arrangements as another participant, not as a statutory relevant agency; if its kind is wrong, correct `kind`"
                ))
                .with_citation(registry::schedule_citation()),
            );
        }
    }
);

rule!(
    RelevantAgenciesUnique,
    RuleMeta {
        id: "relevant-agencies-unique",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Each relevant agency is listed once.",
        citation: "WT2023 ch. 2, para 67 (the LSPs set out which organisations are relevant agencies)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no organisation appears twice in `[[relevant_agencies.agencies]]`, and that no two entries are classes of the same kind of setting (two `education_settings` entries).",
        why: "A list with the same body twice (\"Education Settings, including schools and the local college\" and \"All Education Settings in Central Bedfordshire\") leaves readers unsure whether two different groups are meant.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "schools"
name = "All schools in Example"
kind = "education_settings"

[[relevant_agencies.agencies]]
agency = "schools"
[[relevant_agencies.agencies]]
agency = "schools"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "schools"
name = "All schools in Example"
kind = "education_settings"

[[relevant_agencies.agencies]]
agency = "schools"
"#,
    },
    |meta, cx, out| {
        let Some(list) = &cx.model.doc.relevant_agencies else {
            return;
        };
        // The first entry for each id, and the first `education_settings` entry: one pass, so
        // a list of thousands of agencies costs linear time, not a search per entry.
        let mut first_of_id: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::new();
        let mut first_education: Option<usize> = None;
        for (i, entry) in list.agencies.iter().enumerate() {
            let education = cx.model.organisation(&entry.agency).is_some_and(|o| {
                *o.kind.get() == crate::model::OrganisationKind::EducationSettings
            });
            let same_id = first_of_id.get(entry.agency.as_str()).copied();
            let same_class = first_education.filter(|_| education);
            let earlier = same_id.into_iter().chain(same_class).min();
            first_of_id.entry(entry.agency.as_str()).or_insert(i);
            if education && first_education.is_none() {
                first_education = Some(i);
            }
            if let Some(first) = earlier.map(|j| &list.agencies[j]) {
                let words = |e: &crate::model::RelevantAgency| {
                    e.listed_as
                        .as_ref()
                        .map_or(e.agency.to_string(), |l| l.to_string())
                };
                out.push(
                    finding(
                        meta,
                        entry.agency.span(),
                        format!(
                            "\"{}\" repeats an agency already listed as \"{}\"",
                            words(entry),
                            words(first)
                        ),
                    )
                    .with_label("listed again")
                    .with_secondary(first.agency.span(), "first listed here")
                    .with_help("list each relevant agency once"),
                );
            }
        }
    }
);

rule!(
    RelevantAgenciesReviewed,
    RuleMeta {
        id: "relevant-agencies-reviewed",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "The arrangements say when the list of relevant agencies is reviewed.",
        citation: "WT2023 ch. 2, para 75",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `relevant_agencies.review` is present.",
        why: "Para 75: it is for the LSPs to determine when their list of relevant agencies should be reviewed; para 105 asks for the published arrangements to be updated when it changes.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "schools"
name = "All schools in Example"
kind = "education_settings"

[[relevant_agencies.agencies]]
agency = "schools"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "schools"
name = "All schools in Example"
kind = "education_settings"

[relevant_agencies]
review = "Annually, at the partnership's development day"
[[relevant_agencies.agencies]]
agency = "schools"
"#,
    },
    |meta, cx, out| {
        let Some(list) = &cx.model.doc.relevant_agencies else {
            return;
        };
        if list.review.is_none() {
            out.push(
                finding(
                    meta,
                    list.span(),
                    "the arrangements do not say when the list of relevant agencies is reviewed",
                )
                .with_label("no `review`")
                .with_help("add review = \"…\" saying when and how the list is reviewed"),
            );
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &RelevantAgenciesListed,
    &RelevantAgencyNotPerson,
    &RelevantAgencyNotPartner,
    &RelevantAgencyScheduled,
    &RelevantAgenciesUnique,
    &RelevantAgenciesReviewed,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    const MORE: &str = "[[organisations]]\nid = \"trust\"\nname = \"Example NHS Trust\"\nkind = \"nhs_trust\"\n[[organisations]]\nid = \"dwp\"\nname = \"DWP\"\nkind = \"government_department\"\n[[roles]]\nid = \"lay\"\ntitle = \"Lay member\"\nkind = \"lay_member\"\n[[partners]]\norganisation = \"example-police\"\n";

    #[test]
    fn agencies_listed() {
        let (text, found) = run_rule(&RelevantAgenciesListed, "");
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "relevant-agencies-listed")
        );
        assert_eq!(spans(&text, &found), ["[partnership]"]);
        assert!(
            run_rule(
                &RelevantAgenciesListed,
                &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn people_are_not_agencies() {
        let (text, found) = run_rule(
            &RelevantAgencyNotPerson,
            &format!(
                "{MORE}[[relevant_agencies.agencies]]\nagency = \"lay\"\nlisted_as = \"1 lay member\"\n"
            ),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "relevant-agency-not-person")
        );
        assert_eq!(spans(&text, &found), ["\"lay\""]);
        assert!(found[0].message.contains("1 lay member"));
        assert!(
            run_rule(
                &RelevantAgencyNotPerson,
                &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn partners_are_not_agencies() {
        let (text, found) = run_rule(
            &RelevantAgencyNotPartner,
            &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"example-police\"\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "relevant-agency-not-partner")
        );
        assert_eq!(spans(&text, &found), ["\"example-police\""]);
        assert!(
            run_rule(
                &RelevantAgencyNotPartner,
                &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn agencies_are_scheduled_bodies() {
        let (text, found) = run_rule(
            &RelevantAgencyScheduled,
            &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"dwp\"\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "relevant-agency-scheduled")
        );
        assert_eq!(spans(&text, &found), ["\"dwp\""]);
        assert!(
            run_rule(
                &RelevantAgencyScheduled,
                &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n")
            )
            .1
            .is_empty()
        );
    }

    fn agency(name: &str, kind: &str) -> String {
        format!(
            "[[organisations]]\nid = \"agency\"\nname = \"{name}\"\nkind = \"{kind}\"\n[[relevant_agencies.agencies]]\nagency = \"agency\"\n"
        )
    }

    #[test]
    fn the_schedule_decides_from_the_data_and_never_errs() {
        for (name, kind, why) in [
            (
                "Hertfordshire Fire and Rescue Service",
                "fire_and_rescue",
                "fire and rescue",
            ),
            (
                "Norfolk Constabulary",
                "police",
                "safeguarding partners themselves",
            ),
            (
                "Ofsted",
                "national_body",
                "Not agencies listed in the Schedule",
            ),
        ] {
            let (_, found) = run_rule(&RelevantAgencyScheduled, &agency(name, kind));
            assert_eq!(found.len(), 1, "{name}");
            assert_eq!(found[0].severity, Severity::Warning, "{name}");
            let help = found[0].help.as_deref().unwrap_or_default();
            assert!(help.contains(why), "{name}: {help}");
            let citation = found[0].citation.as_deref().unwrap_or_default();
            assert!(
                citation.contains("SI 2018/789 reg. 18 and Schedule, as made")
                    && citation.contains("not been verified"),
                "{citation}"
            );
        }
        for (name, kind) in [
            (
                "Essex Partnership University NHS Foundation Trust",
                "nhs_foundation_trust",
            ),
            ("Kent Youth Justice Service", "youth_justice"),
            ("British Transport Police", "british_transport_police"),
            ("Port of Tilbury Police", "port_police"),
            ("Barnardo's", "voluntary_sector"),
            (
                "Norfolk Early Years and Childcare Service providers",
                "early_years",
            ),
        ] {
            let (_, found) = run_rule(&RelevantAgencyScheduled, &agency(name, kind));
            assert!(found.is_empty(), "{name}: {found:#?}");
        }
    }

    #[test]
    fn unique_and_reviewed() {
        let twice = format!(
            "{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n[[relevant_agencies.agencies]]\nagency = \"trust\"\n"
        );
        let (text, found) = run_rule(&RelevantAgenciesUnique, &twice);
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "relevant-agencies-unique")
        );
        assert_eq!(found[0].span.start, text.rfind("\"trust\"").unwrap());
        assert!(
            run_rule(
                &RelevantAgenciesUnique,
                &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n")
            )
            .1
            .is_empty()
        );
        // Two classes of education setting are the same body listed twice.
        let settings = "[[organisations]]\nid = \"settings\"\nname = \"All schools\"\nkind = \"education_settings\"\n[[organisations]]\nid = \"more-settings\"\nname = \"All colleges\"\nkind = \"education_settings\"\n";
        let (text, found) = run_rule(
            &RelevantAgenciesUnique,
            &format!(
                "{MORE}{settings}[[relevant_agencies.agencies]]\nagency = \"settings\"\n[[relevant_agencies.agencies]]\nagency = \"trust\"\n[[relevant_agencies.agencies]]\nagency = \"more-settings\"\n"
            ),
        );
        assert_eq!(spans(&text, &found), ["\"more-settings\""]);
        assert_eq!(
            found[0].labels[0].span.start,
            text.rfind("\"settings\"").unwrap()
        );
        let (text, found) = run_rule(
            &RelevantAgenciesReviewed,
            &format!("{MORE}[[relevant_agencies.agencies]]\nagency = \"trust\"\n"),
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("relevant-agencies-reviewed", "relevant_agencies")
        );
        assert!(
            run_rule(
                &RelevantAgenciesReviewed,
                "[relevant_agencies]\nreview = \"annually\"\n"
            )
            .1
            .is_empty()
        );
    }

    /// Thousands of agencies (a generated partnership of 5 MB has ~12,000): each repeat is
    /// found and points at the first listing, in one pass over the list.
    #[test]
    fn unique_over_a_long_list() {
        let n = 3_000;
        let mut extra = String::from(MORE);
        for i in 0..n {
            extra.push_str(&format!(
                "[[organisations]]\nid = \"school-{i}\"\nname = \"School {i}\"\nkind = \"school\"\n"
            ));
        }
        for i in 0..n {
            extra.push_str(&format!(
                "[[relevant_agencies.agencies]]\nagency = \"school-{i}\"\n"
            ));
        }
        for i in [7, 2_999, 7] {
            extra.push_str(&format!(
                "[[relevant_agencies.agencies]]\nagency = \"school-{i}\"\n"
            ));
        }
        let (text, found) = run_rule(&RelevantAgenciesUnique, &extra);
        assert_eq!(found.len(), 3);
        let first = |i: usize| text.find(&format!("agency = \"school-{i}\"")).unwrap() + 9;
        let pointed: Vec<usize> = found.iter().map(|d| d.labels[0].span.start).collect();
        assert_eq!(pointed, [first(7), first(2_999), first(7)]);
    }
}
