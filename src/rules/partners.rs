//! The safeguarding partners, their lead and delegated safeguarding partners.
//!
//! Children Act 2004 s.16E(3): the safeguarding partners for a local authority area are the
//! local authority, an integrated care board for an area any part of which falls within it,
//! and the chief officer of police for a police area any part of which falls within it.
//! WT2023 paras 47–48: the heads of those bodies are the lead safeguarding partners (LSPs);
//! para 56: each LSP appoints a delegated safeguarding partner (DSP), named in the arrangements.

use super::{ALL_EDITIONS, Level, RuleMeta, SINCE_WT2023, finding, rule};
use crate::diag::Severity;
use crate::model::{Edition, OrganisationKind as Kind};

rule!(
    SafeguardingPartnersComplete,
    RuleMeta {
        id: "safeguarding-partners-complete",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The arrangements name all three statutory safeguarding partners: the local authority, an integrated care board and the police.",
        citation: "Children Act 2004 s.16E(3); WT2023 ch. 2, box \"Safeguarding partners\" (p. 23)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[[partners]]` includes an organisation of kind `local_authority`, one of kind `integrated_care_board` (a `clinical_commissioning_group` only for documents following WT2018), and one of kind `police`.",
        why: "The duty to make arrangements falls jointly and equally on exactly these three partners. Arrangements that leave one out do not meet section 16E of the Children Act 2004.",
        fails: r#"
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

[[partners]]
organisation = "example-council"

[[partners]]
organisation = "example-police"
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

[[partners]]
organisation = "example-council"

[[partners]]
organisation = "example-icb"

[[partners]]
organisation = "example-police"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let wt2018 = doc
            .partnership
            .guidance_edition
            .as_ref()
            .is_some_and(|e| *e.get() == Edition::Wt2018);
        let kinds: Vec<Kind> = doc
            .partners
            .iter()
            .filter_map(|p| cx.model.organisation(&p.organisation))
            .map(|o| *o.kind.get())
            .collect();
        let needed: [(&str, &[Kind]); 3] = [
            ("the local authority", &[Kind::LocalAuthority]),
            (
                "an integrated care board",
                if wt2018 {
                    &[Kind::IntegratedCareBoard, Kind::ClinicalCommissioningGroup]
                } else {
                    &[Kind::IntegratedCareBoard]
                },
            ),
            ("the chief officer of police", &[Kind::Police]),
        ];
        let at = doc
            .partners
            .first()
            .map_or(doc.partnership.span(), |p| p.span());
        for (name, accepted) in needed {
            if !kinds.iter().any(|k| accepted.contains(k)) {
                let mut d = finding(
                    meta,
                    at.clone(),
                    format!("the safeguarding partners do not include {name}"),
                )
                .with_label("partners listed from here")
                .with_help(format!(
                    "add a [[partners]] entry whose organisation has kind = \"{}\"",
                    match accepted[0] {
                        Kind::LocalAuthority => "local_authority",
                        Kind::IntegratedCareBoard => "integrated_care_board",
                        _ => "police",
                    }
                ));
                if doc.partners.is_empty() {
                    d = d.with_label("no [[partners]] are listed in this file");
                }
                out.push(d);
            }
        }
    }
);

/// The words a lead safeguarding partner's title should contain, by partner kind.
fn expected_lead_titles(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Police => &["chief constable", "commissioner", "chief officer"],
        _ => &["chief executive"],
    }
}

rule!(
    LeadPartnersComplete,
    RuleMeta {
        id: "lead-partners-complete",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "Each safeguarding partner names its lead safeguarding partner: the chief executive of the local authority and of the ICB, and the chief officer of police.",
        citation: "WT2023 ch. 2, paras 47–48 and 51",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That every `[[partners]]` entry has a `lead` role, and that its title is the head of the body: \"Chief Executive\" for a local authority or ICB, \"Chief Constable\", \"Commissioner\" or \"Chief Officer\" for the police (and \"Chief Executive\" for any other kind). CCG-era titles such as \"Accountable Officer\" and draft titles such as \"CEO Designate\" are flagged.",
        why: "WT2023 makes the heads of the three agencies the lead safeguarding partners, because they can speak with authority, commit resources and hold their organisations to account. Naming a deputy, or an abolished office, leaves that accountability unclear.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[[roles]]
id = "dcs"
title = "Director of Children's Services"

[[partners]]
organisation = "example-council"
lead = "dcs"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[[roles]]
id = "council-ceo"
title = "Chief Executive"

[[partners]]
organisation = "example-council"
lead = "council-ceo"
"#,
    },
    |meta, cx, out| {
        for partner in &cx.model.doc.partners {
            let Some(org) = cx.model.organisation(&partner.organisation) else {
                continue;
            };
            let Some(lead) = &partner.lead else {
                out.push(
                    finding(meta, partner.span(), format!("no lead safeguarding partner is named for {}", org.name.get()))
                        .with_label("this partner has no `lead`")
                        .with_help("add lead = \"<role id>\" naming the head of the organisation (its chief executive or chief officer)"),
                );
                continue;
            };
            let Some(role) = cx.model.role(lead) else {
                continue;
            };
            let title = role.title.to_lowercase();
            let expected = expected_lead_titles(*org.kind.get());
            let problem = if title.contains("accountable officer") {
                Some("\"Accountable Officer\" is a clinical commissioning group title; ICBs have chief executives".to_owned())
            } else if title.contains("designate") {
                Some("a \"designate\" title belongs to a body not yet established".to_owned())
            } else if !expected.iter().any(|t| title.contains(t)) {
                Some(format!(
                    "the lead safeguarding partner should be the {}",
                    expected[0]
                ))
            } else {
                None
            };
            if let Some(why) = problem {
                out.push(
                    finding(
                        meta,
                        lead.span(),
                        format!(
                            "the lead safeguarding partner for {} is \"{}\": {why}",
                            org.name.get(),
                            role.title.get()
                        ),
                    )
                    .with_label("lead safeguarding partner")
                    .with_secondary(role.title.span(), "title")
                    .with_help(format!(
                        "name the {} of {} as lead safeguarding partner",
                        expected[0],
                        org.name.get()
                    )),
                );
            }
        }
    }
);

rule!(
    DelegatedPartnersNamed,
    RuleMeta {
        id: "delegated-partners-named",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "Each lead safeguarding partner appoints a delegated safeguarding partner, named in the arrangements.",
        citation: "WT2023 ch. 2, paras 56–57",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That every `[[partners]]` entry lists at least one role in `delegates`.",
        why: "Delegated safeguarding partners carry the day-to-day leadership of the arrangements for their agency; WT2023 para 56 asks for each to be named in the published arrangements.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[[roles]]
id = "chief-constable"
title = "Chief Constable"

[[partners]]
organisation = "example-police"
lead = "chief-constable"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[[roles]]
id = "chief-constable"
title = "Chief Constable"
[[roles]]
id = "assistant-chief-constable"
title = "Assistant Chief Constable"

[[partners]]
organisation = "example-police"
lead = "chief-constable"
delegates = ["assistant-chief-constable"]
"#,
    },
    |meta, cx, out| {
        for partner in &cx.model.doc.partners {
            if partner.delegates.is_empty() {
                let name = cx
                    .model
                    .organisation(&partner.organisation)
                    .map_or(partner.organisation.to_string(), |o| o.name.to_string());
                out.push(
                    finding(meta, partner.span(), format!("no delegated safeguarding partner is named for {name}"))
                        .with_label("this partner has no `delegates`")
                        .with_help("add delegates = [\"<role id>\"] naming the senior officer the lead safeguarding partner has delegated to"),
                );
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &SafeguardingPartnersComplete,
    &LeadPartnersComplete,
    &DelegatedPartnersNamed,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn partners_complete_fails_without_an_icb_and_passes_with_all_three() {
        let (text, found) = run_rule(
            &SafeguardingPartnersComplete,
            "[[partners]]\norganisation = \"example-council\"\n[[partners]]\norganisation = \"example-police\"\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "safeguarding-partners-complete");
        assert!(found[0].message.contains("integrated care board"));
        assert_eq!(spans(&text, &found), ["[[partners]]"]);
        let (_, found) = run_rule(
            &SafeguardingPartnersComplete,
            "[[partners]]\norganisation = \"example-council\"\n[[partners]]\norganisation = \"example-icb\"\n[[partners]]\norganisation = \"example-police\"\n",
        );
        assert!(found.is_empty());
    }

    #[test]
    fn lead_partner_must_be_the_head_of_the_body() {
        let roles = "[[roles]]\nid = \"dcs\"\ntitle = \"Director of Children's Services\"\n[[roles]]\nid = \"ceo\"\ntitle = \"Chief Executive\"\n[[roles]]\nid = \"ao\"\ntitle = \"Accountable Officer\"\n";
        let (text, found) = run_rule(
            &LeadPartnersComplete,
            &format!(
                "{roles}[[partners]]\norganisation = \"example-council\"\nlead = \"dcs\"\n[[partners]]\norganisation = \"example-icb\"\nlead = \"ao\"\n"
            ),
        );
        assert_eq!(
            found.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
            ["lead-partners-complete"; 2]
        );
        assert_eq!(spans(&text, &found), ["\"dcs\"", "\"ao\""]);
        assert!(found[1].message.contains("Accountable Officer"));
        let (_, found) = run_rule(
            &LeadPartnersComplete,
            &format!("{roles}[[partners]]\norganisation = \"example-council\"\nlead = \"ceo\"\n"),
        );
        assert!(found.is_empty());
    }

    #[test]
    fn delegates_must_be_named() {
        let (text, found) = run_rule(
            &DelegatedPartnersNamed,
            "[[partners]]\norganisation = \"example-police\"\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "delegated-partners-named");
        assert_eq!(spans(&text, &found), ["[[partners]]"]);
        let (_, found) = run_rule(
            &DelegatedPartnersNamed,
            "[[roles]]\nid = \"acc\"\ntitle = \"Assistant Chief Constable\"\n[[partners]]\norganisation = \"example-police\"\ndelegates = [\"acc\"]\n",
        );
        assert!(found.is_empty());
    }
}
