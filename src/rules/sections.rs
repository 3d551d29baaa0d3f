//! Sections the published arrangements should describe (WT2023 para 104; WT2018 ch. 3,
//! "Publication of arrangements"): education and early years, youth custody and residential
//! homes, the voice of children and families, information sharing, data, training, audits,
//! the threshold document, dispute resolution and whistleblowing, and the business unit.
//!
//! Each is a small rule of the same shape: the section is present and says something.

use super::{ALL_EDITIONS, Context, Level, RuleMeta, SINCE_WT2023, finding, rule};
use crate::diag::{Diagnostic, Severity};
use crate::model::{OrganisationKind, Section, Span, Spanned};

/// Whether a generic section says anything.
fn described(section: &Option<Spanned<Section>>) -> bool {
    section.as_ref().is_some_and(|s| {
        s.description.is_some()
            || !s.mechanisms.is_empty()
            || !s.groups.is_empty()
            || !s.links.is_empty()
    })
}

/// Where to point when a section is missing or empty: the section's header, else `[partnership]`.
fn at<T>(cx: &Context<'_>, section: &Option<Spanned<T>>) -> Span {
    section
        .as_ref()
        .map_or(cx.model.doc.partnership.span(), |s| s.span())
}

fn missing(meta: &RuleMeta, span: Span, what: &str, key: &str) -> Diagnostic {
    finding(
        meta,
        span,
        format!("the arrangements do not describe {what}"),
    )
    .with_label(format!("no `{key}` description"))
    .with_help(format!("add a [{key}] section saying {what}"))
}

rule!(
    EducationSettingsIncluded,
    RuleMeta {
        id: "education-settings-included",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "Schools, colleges and other education settings are named as relevant agencies, and education is represented at a strategic level.",
        citation: "WT2023 ch. 2, paras 67 and 76–78",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That at least one relevant agency is an education body (kind `school`, `college`, `education_settings`, `alternative_provision`, `higher_education`, `training_provider` or `early_years`), and that `[education]` names at least one group in `strategic_groups`.",
        why: "Para 67: \"It is expected all local education and childcare providers working with children up to the age of 18 … will be included\"; para 77: LSPs should have an education representative at strategic discussions.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[education]
description = "Schools are invited to audits."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "schools"
name = "All schools in Example"
kind = "education_settings"
[[groups]]
id = "strategic-board"
name = "Strategic Board"

[[relevant_agencies.agencies]]
agency = "schools"

[education]
strategic_groups = ["strategic-board"]
"#,
    },
    |meta, cx, out| {
        use OrganisationKind as K;
        let education = [
            K::School,
            K::College,
            K::EducationSettings,
            K::AlternativeProvision,
            K::HigherEducation,
            K::TrainingProvider,
            K::EarlyYears,
        ];
        let doc = &cx.model.doc;
        let named = doc.relevant_agencies.as_ref().is_some_and(|r| {
            r.agencies.iter().any(|a| {
                cx.model
                    .organisation(&a.agency)
                    .is_some_and(|o| education.contains(o.kind.get()))
            })
        });
        if !named {
            out.push(
                finding(meta, at(cx, &doc.relevant_agencies), "no school, college or other education setting is named as a relevant agency")
                    .with_label("relevant agencies")
                    .with_help("list the area's schools and colleges (or \"all education settings\", kind = \"education_settings\") as relevant agencies"),
            );
        }
        if doc
            .education
            .as_ref()
            .is_none_or(|e| e.strategic_groups.is_empty())
        {
            out.push(
                finding(meta, at(cx, &doc.education), "the arrangements do not show education represented at a strategic level")
                    .with_label("no `strategic_groups`")
                    .with_help("name the strategic group(s) where education is represented: [education] strategic_groups = [\"<group id>\"]"),
            );
        }
    }
);

rule!(
    EarlyYearsIncluded,
    RuleMeta {
        id: "early-years-included",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how early years and childcare settings are included.",
        citation: "WT2023 ch. 2, paras 68 and 104 (fourth bullet); WT2018 ch. 3, publication of arrangements",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That an `[early_years]` section is present and says something (a description, a forum or a group).",
        why: "Early years provision and childcare settings see the youngest children daily; the guidance asks the arrangements to say how they are included.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [early_years] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[early_years]
description = "The Early Years Forum reports to the Strategic Board."
"#,
    },
    |meta, cx, out| {
        if !described(&cx.model.doc.early_years) {
            out.push(missing(
                meta,
                at(cx, &cx.model.doc.early_years),
                "how early years and childcare settings are included",
                "early_years",
            ));
        }
    }
);

rule!(
    YouthCustodyAndResidentialHomes,
    RuleMeta {
        id: "youth-custody-and-residential-homes",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how youth custody and residential homes for children are included.",
        citation: "WT2023 ch. 2, para 104 (fifth bullet); WT2018 ch. 3, publication of arrangements",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[youth_custody]` and `[residential_homes]` are present and say something.",
        why: "Children in custody and in children's homes are among the most vulnerable; the guidance asks how the arrangements reach them, including children placed out of the area.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [youth_custody] or [residential_homes] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[youth_custody]
establishments_in_area = 0
description = "Children placed in custody elsewhere are followed by the youth justice service."

[residential_homes]
description = "A quarterly forum with local children's homes."
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let custody = doc
            .youth_custody
            .as_ref()
            .is_some_and(|y| y.description.is_some() || y.establishments_in_area.is_some());
        if !custody {
            out.push(missing(
                meta,
                at(cx, &doc.youth_custody),
                "how youth custody is included",
                "youth_custody",
            ));
        }
        if !described(&doc.residential_homes) {
            out.push(missing(
                meta,
                at(cx, &doc.residential_homes),
                "how residential homes for children are included",
                "residential_homes",
            ));
        }
    }
);

rule!(
    VoiceOfChildrenAndFamilies,
    RuleMeta {
        id: "voice-of-children-and-families",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how they include the voice of children and families.",
        citation: "WT2023 ch. 2, para 104 (eleventh bullet), para 107 and the scrutiny box (p. 37)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That a `[voice]` section is present with at least one mechanism, description or owning group.",
        why: "The guidance puts children's and families' experience at the centre: the arrangements should say how it is sought and used, and scrutiny should check it is.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [voice] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "voice-group"
name = "Voice of the Child Group"

[voice]
groups = ["voice-group"]
mechanisms = ["An annual Voice of the Child conference"]
"#,
    },
    |meta, cx, out| {
        if !described(&cx.model.doc.voice) {
            out.push(missing(
                meta,
                at(cx, &cx.model.doc.voice),
                "how the voice of children and families is included",
                "voice",
            ));
        }
    }
);

rule!(
    InformationSharing,
    RuleMeta {
        id: "information-sharing",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how the partners share information and data safely and effectively.",
        citation: "WT2023 ch. 2, para 104 (sixth bullet); Children Act 2004 s.16H",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `[information_sharing]` is present with a description, principles or a protocol.",
        why: "Failures to share information recur in serious case reviews; the guidance asks the arrangements to set out the processes and principles for sharing.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [information_sharing] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[information_sharing]
principles = ["The seven golden rules for sharing information"]
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let ok = doc.information_sharing.as_ref().is_some_and(|i| {
            i.description.is_some() || !i.principles.is_empty() || i.protocol.is_some()
        });
        if !ok {
            out.push(missing(
                meta,
                at(cx, &doc.information_sharing),
                "how information is shared",
                "information_sharing",
            ));
        }
    }
);

rule!(
    DataAndIntelligence,
    RuleMeta {
        id: "data-and-intelligence",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how data and intelligence are used to assess the effectiveness of help for children and families.",
        citation: "WT2023 ch. 2, para 104 (seventh bullet) and LSP box item 5 (p. 27)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[performance]` names a data set or framework (`framework`) and the group that reviews it (`groups`).",
        why: "An agreed data set reviewed by a named group is how the partners know whether help is working; para 104 asks for it to be described.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[performance]
description = "We look at data."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "performance-group"
name = "Performance and Quality Assurance Group"

[performance]
framework = "Multi-agency performance framework"
groups = ["performance-group"]
reviews_per_year = 4
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        match &doc.performance {
            None => out.push(missing(meta, cx.model.doc.partnership.span(), "how data and intelligence are used", "performance")),
            Some(p) if p.framework.is_none() || p.groups.is_empty() => out.push(
                finding(meta, p.span(), "the performance section does not name both the data set or framework and the group that reviews it")
                    .with_label(if p.framework.is_none() { "no `framework`" } else { "no `groups`" })
                    .with_help("add framework = \"…\" and groups = [\"<group id>\"]"),
            ),
            Some(_) => {}
        }
    }
);

rule!(
    MultiAgencyTraining,
    RuleMeta {
        id: "multi-agency-training",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how multi-agency training is commissioned, delivered and evaluated for impact.",
        citation: "WT2023 ch. 2, para 104 (eighth bullet)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[training]` has `commissioning`, `delivery` and `evaluation`.",
        why: "Para 104 asks how multi-agency training will be commissioned, delivered and monitored for impact; training whose impact is never evaluated cannot show it improves practice.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[training]
delivery = "Courses run by the training unit."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[training]
commissioning = "…"
delivery = "…"
evaluation = "…"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(t) = &doc.training else {
            out.push(missing(
                meta,
                doc.partnership.span(),
                "how multi-agency training is commissioned, delivered and evaluated",
                "training",
            ));
            return;
        };
        let absent: Vec<&str> = [
            ("commissioning", t.commissioning.is_none()),
            ("delivery", t.delivery.is_none()),
            ("evaluation", t.evaluation.is_none()),
        ]
        .into_iter()
        .filter_map(|(k, gone)| gone.then_some(k))
        .collect();
        if !absent.is_empty() {
            out.push(
                finding(
                    meta,
                    t.span(),
                    format!(
                        "the training section does not say how training is {}",
                        absent
                            .iter()
                            .map(|k| match *k {
                                "commissioning" => "commissioned",
                                "delivery" => "delivered",
                                _ => "evaluated for impact",
                            })
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                )
                .with_label(format!(
                    "no {}",
                    absent
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .with_help("describe each of commissioning, delivery and evaluation"),
            );
        }
    }
);

rule!(
    MultiAgencyAudits,
    RuleMeta {
        id: "multi-agency-audits",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements describe a programme of multi-agency audits.",
        citation: "WT2023 ch. 2, para 104 (eighth bullet: \"how they will undertake any multi-agency and inter-agency audits\")",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `[audits]` is present and says something.",
        why: "Multi-agency audits are how partners test practice against their own procedures; para 104 asks how they will be undertaken.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [audits] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[audits]
mechanisms = ["An annual programme of multi-agency audits"]
"#,
    },
    |meta, cx, out| {
        if !described(&cx.model.doc.audits) {
            out.push(missing(
                meta,
                at(cx, &cx.model.doc.audits),
                "a programme of multi-agency audits",
                "audits",
            ));
        }
    }
);

rule!(
    ThresholdDocumentPublished,
    RuleMeta {
        id: "threshold-document-published",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements link to the local threshold document (the criteria for action).",
        citation: "WT2023 ch. 3, para 117, and ch. 2, para 104 (last bullet)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[[threshold_documents]]` has at least one entry. (Whether its link is real is `link-not-placeholder`.)",
        why: "The threshold document tells every practitioner when to refer and to whom; para 104 asks the arrangements to say how it aligns with them.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [[threshold_documents]]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[threshold_documents]]
title = "Meeting the Needs Guidance"
url = "https://www.example.org/thresholds"
"#,
    },
    |meta, cx, out| {
        if cx.model.doc.threshold_documents.is_empty() {
            out.push(
                finding(meta, cx.model.doc.partnership.span(), "the arrangements do not name a threshold document")
                    .with_label("no [[threshold_documents]] in this file")
                    .with_help("add [[threshold_documents]] with the title and address of the local threshold document"),
            );
        }
    }
);

rule!(
    DisputeResolution,
    RuleMeta {
        id: "dispute-resolution",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how disputes are escalated and resolved.",
        citation: "WT2023 ch. 2, paras 75 and 104 (eleventh bullet); paras 110–113",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[dispute_resolution]` names a `procedure` (a published document) and the `forum` (group) where disputes between partners are resolved.",
        why: "Para 75: relevant agencies should be told how to escalate concerns and how disputes will be resolved. Without a procedure and a forum, disagreements between agencies have nowhere to go.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Disputes are resolved locally."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "strategic-board"
name = "Strategic Board"

[dispute_resolution]
forum = "strategic-board"
[dispute_resolution.procedure]
title = "Escalation Process"
url = "https://www.example.org/escalation"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        match &doc.dispute_resolution {
            None => out.push(missing(meta, doc.partnership.span(), "how disputes are escalated and resolved", "dispute_resolution")),
            Some(d) if d.procedure.is_none() || d.forum.is_none() => out.push(
                finding(meta, d.span(), "the dispute resolution section does not name both the escalation procedure and the forum for disputes")
                    .with_label(if d.procedure.is_none() { "no `procedure`" } else { "no `forum`" })
                    .with_help("add the published escalation procedure ([dispute_resolution.procedure]) and forum = \"<group id>\""),
            ),
            Some(_) => {}
        }
    }
);

rule!(
    WhistleblowingLinked,
    RuleMeta {
        id: "whistleblowing-linked",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements link to a whistleblowing procedure.",
        citation: "WT2023 ch. 2, paras 75 and 104 (eleventh bullet: \"including whistleblowing procedures\")",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `[whistleblowing]` has at least one link. (Whether the link is real is `link-not-placeholder`.)",
        why: "Staff who see unsafe practice need to know how to raise it; para 75 asks for whistleblowing procedures to be given to relevant agencies.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [whistleblowing] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[whistleblowing.links]]
title = "Whistleblowing procedure"
url = "https://www.example.org/whistleblowing"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        if doc
            .whistleblowing
            .as_ref()
            .is_none_or(|w| w.links.is_empty())
        {
            out.push(
                finding(
                    meta,
                    at(cx, &doc.whistleblowing),
                    "the arrangements do not link to a whistleblowing procedure",
                )
                .with_label("no whistleblowing link")
                .with_help("add [[whistleblowing.links]] with the procedure's title and address"),
            );
        }
    }
);

rule!(
    BusinessManagementFunction,
    RuleMeta {
        id: "business-management-function",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements describe a business management function that supports the partnership chair.",
        citation: "WT2023 ch. 2, para 63 (second bullet) and LSP box item 5 (p. 27)",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `[business_unit]` is present and says something (host, manager or description).",
        why: "Para 63 names \"a business management function with adequate resources and capacity to support the partnership chair\" as one of the three functions of effective arrangements.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [business_unit] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[business_unit]
host = "example-council"
description = "The Safeguarding Business Unit"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let ok = doc
            .business_unit
            .as_ref()
            .is_some_and(|b| b.host.is_some() || b.manager.is_some() || b.description.is_some());
        if !ok {
            out.push(missing(
                meta,
                at(cx, &doc.business_unit),
                "a business management function",
                "business_unit",
            ));
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &BusinessManagementFunction,
    &EducationSettingsIncluded,
    &EarlyYearsIncluded,
    &YouthCustodyAndResidentialHomes,
    &VoiceOfChildrenAndFamilies,
    &InformationSharing,
    &DataAndIntelligence,
    &MultiAgencyTraining,
    &MultiAgencyAudits,
    &ThresholdDocumentPublished,
    &DisputeResolution,
    &WhistleblowingLinked,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    /// Each rule fails on the bare base document, at `[partnership]`, and passes with `good`.
    fn fails_bare_passes_with(rule: &dyn super::super::Rule, good: &str) {
        let (text, found) = run_rule(rule, "");
        assert!(!found.is_empty(), "{} found nothing", rule.meta().id);
        assert!(found.iter().all(|d| d.rule == rule.meta().id));
        assert!(
            spans(&text, &found)
                .iter()
                .all(|s| *s == "[partnership]" || s.starts_with("[[")),
            "{}",
            rule.meta().id
        );
        let (_, found) = run_rule(rule, good);
        assert!(found.is_empty(), "{}: {found:#?}", rule.meta().id);
    }

    const GROUP: &str = "[[groups]]\nid = \"board\"\nname = \"Board\"\n";

    #[test]
    fn each_section_rule_fails_when_absent_and_passes_when_described() {
        fails_bare_passes_with(&EarlyYearsIncluded, "[early_years]\ndescription = \"x\"\n");
        fails_bare_passes_with(
            &YouthCustodyAndResidentialHomes,
            "[youth_custody]\nestablishments_in_area = 0\n[residential_homes]\ndescription = \"x\"\n",
        );
        fails_bare_passes_with(
            &VoiceOfChildrenAndFamilies,
            "[voice]\nmechanisms = [\"conference\"]\n",
        );
        fails_bare_passes_with(
            &InformationSharing,
            "[information_sharing]\nprinciples = [\"golden rules\"]\n",
        );
        fails_bare_passes_with(
            &DataAndIntelligence,
            &format!("{GROUP}[performance]\nframework = \"f\"\ngroups = [\"board\"]\n"),
        );
        fails_bare_passes_with(
            &MultiAgencyTraining,
            "[training]\ncommissioning = \"c\"\ndelivery = \"d\"\nevaluation = \"e\"\n",
        );
        fails_bare_passes_with(&MultiAgencyAudits, "[audits]\ndescription = \"x\"\n");
        fails_bare_passes_with(
            &ThresholdDocumentPublished,
            "[[threshold_documents]]\ntitle = \"T\"\n",
        );
        fails_bare_passes_with(
            &DisputeResolution,
            &format!(
                "{GROUP}[dispute_resolution]\nforum = \"board\"\n[dispute_resolution.procedure]\ntitle = \"E\"\n"
            ),
        );
        fails_bare_passes_with(
            &WhistleblowingLinked,
            "[[whistleblowing.links]]\ntitle = \"W\"\n",
        );
        fails_bare_passes_with(
            &BusinessManagementFunction,
            "[business_unit]\ndescription = \"x\"\n",
        );
    }

    #[test]
    fn partial_sections_point_at_their_header() {
        let (text, found) = run_rule(&MultiAgencyTraining, "[training]\ndelivery = \"d\"\n");
        assert_eq!(spans(&text, &found), ["[training]"]);
        assert!(
            found[0]
                .message
                .contains("commissioned or evaluated for impact")
        );
        let (text, found) = run_rule(
            &DataAndIntelligence,
            "[performance]\ndescription = \"we look at data\"\n",
        );
        assert_eq!(spans(&text, &found), ["[performance]"]);
    }

    #[test]
    fn education() {
        let (_, found) = run_rule(&EducationSettingsIncluded, "");
        assert_eq!(found.len(), 2);
        let good = format!(
            "{GROUP}[[organisations]]\nid = \"schools\"\nname = \"All schools\"\nkind = \"education_settings\"\n[[relevant_agencies.agencies]]\nagency = \"schools\"\n[education]\nstrategic_groups = [\"board\"]\n"
        );
        assert!(run_rule(&EducationSettingsIncluded, &good).1.is_empty());
    }
}
