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

/// "Health" or "the NHS" as an item of a list ("the Council, the Police and Health"), over a
/// sentence in lower case.
static HEALTH_AS_ITEM: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:(?:^|[,;:(]) ?(?:the )?(health|nhs)(?: ?(?:[,;.)]|and\b|partners?\b)|$)|\band (?:the )?(health|nhs)\b)",
    )
    .ok()
});

/// Words after "health" that make it something other than the health partner.
const NOT_THE_PARTNER: &[&str] = &[
    "and social",
    "and wellbeing",
    "and well-being",
    "and care",
    "and education",
    "and safety",
    "visit",
    "professional",
    "practitioner",
    "colleague",
    "need",
    "outcome",
    "inequalit",
    "check",
    "care",
    "service",
    "provider",
    "setting",
    "staff",
    "team",
    "board",
    "watch",
    "and justice",
    "england",
];

/// What the sentence must also say for "Health" to be one of the safeguarding partners: the
/// police beside it, and partners or the statutory responsibility.
static PARTNER_CONTEXT: std::sync::LazyLock<Option<(regex::Regex, regex::Regex)>> =
    std::sync::LazyLock::new(|| {
        Some((
            regex::Regex::new(r"\b(police|constabulary|chief constable)\b").ok()?,
            regex::Regex::new(
                r"\b(partners?|responsibilit(y|ies)|statutory dut(y|ies)|senior leaders)\b",
            )
            .ok()?,
        ))
    });

/// The day integrated care boards replaced clinical commissioning groups (Health and Care Act
/// 2022; SI 2022/634).
const ICBS_FROM: crate::model::Day = match crate::model::Day::new_const(2022, 7, 1) {
    Some(d) => d,
    None => panic!("a real date"),
};

rule!(
    HealthPartnerNamed,
    RuleMeta {
        id: "health-partner-named",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "Where the text names the safeguarding partners, the health partner is the integrated care board, not \"Health\" or \"the NHS\".",
        citation: "Children Act 2004 s.16E(3) (the safeguarding partners: the local authority, an integrated care board for an area any part of which falls within it, the chief officer of police)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value for a sentence that lists \"Health\" or \"the NHS\" as an item beside the police (\"the Council, the Police and Health\", \"Police, Health and the Local Authority\", \"The NHS and Dorset Police partners\") and speaks of partners or the statutory responsibility. \"Health and social care\", \"public health\" and other uses of the word are not items of such a list. Advice (info): the wording is loose, not a breach. One finding per document, its other places labelled; not in negation or narrated history.",
        why: "The Act makes one NHS body a safeguarding partner: the integrated care board (a clinical commissioning group before 1 July 2022). \"Health\" or \"the NHS\" leaves readers unsure which body holds the duty, and whether the many NHS trusts and GP practices are partners (they are relevant agencies).",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Example Council, the Police and Health hold the statutory responsibility for safeguarding children."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Example Council, Example Police and NHS Example Integrated Care Board hold the statutory responsibility for safeguarding children."
"#,
    },
    |meta, cx, out| {
        use super::support::negation::{Negation, sentence_around, sentence_ends};
        let (Some(item), Some((police, context))) =
            (HEALTH_AS_ITEM.as_ref(), PARTNER_CONTEXT.as_ref())
        else {
            return;
        };
        let (day, _) = cx.document_day();
        let body = if day >= ICBS_FROM {
            "the integrated care board"
        } else {
            "the clinical commissioning group"
        };
        for t in &cx.model.texts {
            let lower = t.text.to_ascii_lowercase();
            if !(lower.contains("health") || lower.contains("nhs")) || !police.is_match(&lower) {
                continue;
            }
            let ends = sentence_ends(&t.text);
            let negation = Negation::of(&t.text);
            let mut at = 0;
            while at < t.text.len() {
                let (s, e) = sentence_around(&t.text, &ends, at);
                at = e.max(at + 1);
                let sentence = &lower[s..e];
                if !police.is_match(sentence) || !context.is_match(sentence) {
                    continue;
                }
                for m in item.captures_iter(sentence) {
                    let Some(word) = m.get(1).or_else(|| m.get(2)) else {
                        continue;
                    };
                    let after = sentence[word.end()..].trim_start();
                    // "Health and Social Care", "health visitors", "health professionals":
                    // another name, or people rather than a partner.
                    if NOT_THE_PARTNER.iter().any(|x| after.starts_with(x)) {
                        continue;
                    }
                    let (start, end) = (s + word.start(), s + word.end());
                    // "NHS Bedfordshire … Integrated Care Board", "Health Education England":
                    // the start of a body's own name.
                    // "Health (Integrated Care Board)": already qualified.
                    let next_word = t.text[end..].trim_start_matches([' ', '\u{a0}']);
                    if next_word.starts_with(char::is_uppercase) || next_word.starts_with('(') {
                        continue;
                    }
                    if negation.is_mention(start, end) {
                        continue;
                    }
                    out.push(
                        finding(
                            meta,
                            super::support::prose::inner_span(t, start, end - start),
                            format!(
                                "`{}` names \"{}\" among the safeguarding partners: the partner is {body}",
                                t.key,
                                &t.text[start..end]
                            ),
                        )
                        .with_label("which NHS body?")
                        .with_help(format!("name {body} (for example \"NHS … Integrated Care Board\")"))
                        .same_defect("health partner named loosely"),
                    );
                }
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &SafeguardingPartnersComplete,
    &LeadPartnersComplete,
    &DelegatedPartnersNamed,
    &HealthPartnerNamed,
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

    /// Real sentences (tests/corpus/sentences.toml: Norfolk, Coventry, Buckinghamshire,
    /// Pan-Dorset, Birmingham) and uses of "health" that name no partner.
    #[test]
    fn health_named_as_a_partner() {
        let check = |sentence: &str| {
            let extra = format!("[dispute_resolution]\ndescription = \"{sentence}\"\n");
            let (text, found) = crate::rules::testing::run_rule(&HealthPartnerNamed, &extra);
            spans(&text, &found)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        for (sentence, named) in [
            (
                "Norfolk County Council, the Police and Health hold the statutory responsibility for safeguarding Norfolk’s children and young people.",
                "Health",
            ),
            (
                "The Safeguarding Partners; Police, Health and the Local Authority had worked well.",
                "Health",
            ),
            (
                "The Children's Partnership was made up of three statutory partners: the Council, the Police and the NHS.",
                "NHS",
            ),
            (
                "The NHS and Dorset Police partners were supportive of this new approach.",
                "NHS",
            ),
            // Darlington
            (
                "Safeguarding responsibilities are placed on police, health and local authorities.",
                "health",
            ),
        ] {
            assert_eq!(check(sentence), [named], "{sentence}");
        }
        for sentence in [
            "The partners work with police and health professionals across the county.",
            "The statutory partners report to the Health and Wellbeing Board and the Police and Crime Commissioner.",
            "The safeguarding partners are Example Council, Example Police and NHS Example Integrated Care Board, with health and social care providers.",
            "Partners include public health, the police and schools.",
            // Wirral: the ICB named in brackets
            "The statutory partners are the Local Authority, Merseyside Police and Health (Integrated Care Board).",
        ] {
            assert!(
                check(sentence).is_empty(),
                "{sentence}: {:?}",
                check(sentence)
            );
        }
    }
}
