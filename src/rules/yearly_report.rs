//! The yearly report.
//!
//! Children Act 2004 s.16G(7): at least once in every 12 month period the partners must
//! publish a report on what they and the relevant agencies have done and how effective the
//! arrangements have been. WT2023 paras 106–109: what it should include (para 107), and a copy
//! to the Child Safeguarding Practice Review Panel and the DfE within 7 days (para 109).

use super::{ALL_EDITIONS, Level, RuleMeta, SINCE_WT2023, finding, registry, rule};
use crate::diag::Severity;
use crate::model::{Day, ReportItem};

/// The 13 items of WT2023 para 107, in the guidance's order, with its words.
pub const PARA_107: &[(ReportItem, &str)] = &[
    (
        ReportItem::PartnerContributions,
        "the contribution of each safeguarding partner to the functioning and structure of the arrangements",
    ),
    (
        ReportItem::ScrutinyThemes,
        "themes emanating from aggregated methods of scrutiny",
    ),
    (
        ReportItem::ImpactEvidence,
        "evidence of the impact of the work of the partners and relevant agencies, including training, on outcomes for children and families",
    ),
    (
        ReportItem::LittleProgress,
        "an analysis of any areas where there has been little or no evidence of progress on agreed priorities",
    ),
    (
        ReportItem::SeriousIncidentLearning,
        "an analysis of learning from serious incidents",
    ),
    (
        ReportItem::KeyDecisions,
        "a record of key decisions and actions taken by the partners in the yearly cycle",
    ),
    (
        ReportItem::ChildrenFamiliesFeedback,
        "ways in which the partners have sought and utilised feedback from children and families",
    ),
    (
        ReportItem::CostsBreakdown,
        "the breakdown of costs in delivering the arrangements, including the contributions of individual partners",
    ),
    (
        ReportItem::EducationRepresentation,
        "evidence of how the partners ensure adequate representation and input of education",
    ),
    (
        ReportItem::DataAndInformationSharing,
        "an overview of how data is used to encourage learning and how information sharing has improved practice",
    ),
    (
        ReportItem::ScrutinyImpactReview,
        "a review of the impact and learning from independent scrutiny arrangements",
    ),
    (
        ReportItem::ArrangementUpdates,
        "any updates to the published arrangements with the proposed timescale for implementation",
    ),
    (
        ReportItem::NationalReforms,
        "evidence that national reforms have been implemented",
    ),
];

rule!(
    YearlyReportFrequency,
    RuleMeta {
        id: "yearly-report-frequency",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "A yearly report has been published within the last 12 months.",
        citation: "Children Act 2004 s.16G(7); WT2023 ch. 2, paras 106–109",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[yearly_report]` exists and, where the latest report's `published` is given (the most recent of `yearly_report.latest` and `[[yearly_report.reports]]`), that it is no more than 12 months before `--today`. When no latest report is dated, there is nothing to judge and nothing is reported.",
        why: "The yearly report is the partners' statutory account of what they have done and how effective the arrangements have been; more than 12 months without one breaches s.16G(7).",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report.latest]
published = 2023-09-30  # more than 12 months before 2026-12-01
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report.latest]
published = 2026-09-30  # within the 12 months before 2026-12-01
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(report) = &doc.yearly_report else {
            out.push(
                finding(meta, doc.partnership.span(), "the arrangements say nothing about a yearly report")
                    .with_label("no [yearly_report] section")
                    .with_help("describe the yearly report in a [yearly_report] section, with the latest one under [yearly_report.latest]")
                    // The duty is to publish a report (s.16G(7)); a file silent about it is missing
                    // content, not proof of a breach.
                    .with_severity(Severity::Warning),
            );
            return;
        };
        // The most recent of `latest` and `reports`.
        let latest = report.most_recent().and_then(|l| l.published.as_ref());
        // With no date for the latest report there is nothing to judge: a note that says only
        // "cannot be checked" adds nothing a reader can act on, so none is made.
        let Some(published) = latest else {
            return;
        };
        let date = published.latest();
        let a_year_later = Day::new(date.year() + 1, date.month(), date.day())
            .unwrap_or_else(|| Day::new(date.year() + 1, 2, 28).unwrap_or(date));
        if cx.today > a_year_later {
            out.push(
                finding(meta, published.span(), format!("the latest yearly report was published on {}, more than 12 months before {}", published.get(), cx.today))
                    .with_label("latest yearly report")
                    .with_help("publish a yearly report at least once in every 12 months, and record it here"),
            );
        }
    }
);

rule!(
    YearlyReportContents,
    RuleMeta {
        id: "yearly-report-contents",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The yearly report covers the 13 items WT2023 para 107 lists.",
        citation: "WT2023 ch. 2, para 107",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `yearly_report.contents` includes each of the 13 items of para 107 (partner contributions, scrutiny themes, impact evidence, little progress, serious incident learning, key decisions, children and families' feedback, costs breakdown, education representation, data and information sharing, scrutiny impact review, arrangement updates, national reforms).",
        why: "Para 107 sets out what the yearly report should also include so that readers can judge the partners' work; an item left out goes unreported.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report]
contents = ["partner_contributions"]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report]
contents = [
    "partner_contributions",
    "scrutiny_themes",
    "impact_evidence",
    "little_progress",
    "serious_incident_learning",
    "key_decisions",
    "children_families_feedback",
    "costs_breakdown",
    "education_representation",
    "data_and_information_sharing",
    "scrutiny_impact_review",
    "arrangement_updates",
    "national_reforms",
]
"#,
    },
    |meta, cx, out| {
        let Some(report) = &cx.model.doc.yearly_report else {
            return;
        };
        let listed: Vec<ReportItem> = report.contents.iter().map(|c| *c.get()).collect();
        let absent: Vec<&str> = PARA_107
            .iter()
            .filter(|(item, _)| !listed.contains(item))
            .map(|(_, words)| *words)
            .collect();
        if !absent.is_empty() {
            out.push(
                finding(
                    meta,
                    report.span(),
                    format!(
                        "the yearly report does not cover {} of the 13 items of para 107",
                        absent.len()
                    ),
                )
                .with_label("yearly report")
                .with_help(format!("add to `contents`: {}", absent.join("; "))),
            );
        }
    }
);

rule!(
    YearlyReportRecipients,
    RuleMeta {
        id: "yearly-report-recipients",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "A copy of the yearly report goes to the Child Safeguarding Practice Review Panel and the DfE within 7 days of publication, and to no body that no longer exists.",
        citation: "WT2023 ch. 2, para 109",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `yearly_report.recipients` includes the Child Safeguarding Practice Review Panel (an organisation whose name contains \"Safeguarding Practice Review Panel\") and a Department for Education recipient (a name containing \"Department for Education\", \"DfE\" or \"Multi-Agency Safeguarding Arrangements Unit\"), and that `within_days`, where stated, is at most 7 (para 109 says days: a recipient marked `working_days = true` is reported above 5 working days, which can run past 7 calendar days). A recipient that no longer exists is reported once, by `obsolete-body`, with the fix its registry entry gives for a recipient: for the What Works Centre for Children's Social Care (WT2018's recipient), the Panel and the DfE's unit that para 109 names, not its successor Foundations. So this rule does not also report the missing DfE when such a body stands in its place, nor its `within_days`; where the obsolete body's entry has no recipient fix (a clinical commissioning group), the missing DfE is reported here, pointing at the obsolete recipient.",
        why: "Para 109: a copy goes to the Panel and to the DfE's Multi-Agency Safeguarding Arrangements Unit within 7 days of publication. Sending it to a body that no longer exists means the DfE does not get it.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "what-works"
name = "What Works Centre for Children's Social Care"
kind = "national_body"

[[yearly_report.recipients]]
organisation = "what-works"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "panel"
name = "Child Safeguarding Practice Review Panel"
kind = "national_body"
[[organisations]]
id = "dfe-masa-unit"
name = "Department for Education Multi-Agency Safeguarding Arrangements Unit"
kind = "government_department"

[[yearly_report.recipients]]
organisation = "panel"
within_days = 7

[[yearly_report.recipients]]
organisation = "dfe-masa-unit"
within_days = 7
"#,
    },
    |meta, cx, out| {
        let Some(report) = &cx.model.doc.yearly_report else {
            return;
        };
        let names: Vec<(String, &crate::model::Recipient, crate::model::Span)> = report
            .recipients
            .iter()
            .filter_map(|r| {
                cx.model
                    .organisation(&r.organisation)
                    .map(|o| (o.name.to_lowercase(), r.get(), r.organisation.span()))
            })
            .collect();
        if report.recipients.is_empty() {
            out.push(
                finding(meta, report.span(), "the arrangements do not say who receives the yearly report")
                    .with_label("no `recipients`")
                    .with_help("add [[yearly_report.recipients]] for the Child Safeguarding Practice Review Panel and the DfE, within_days = 7"),
            );
            return;
        }
        if !names
            .iter()
            .any(|(n, ..)| n.contains("safeguarding practice review panel"))
        {
            out.push(
                finding(
                    meta,
                    report.span(),
                    "the yearly report is not sent to the Child Safeguarding Practice Review Panel",
                )
                .with_label("recipients")
                .with_help("add the Child Safeguarding Practice Review Panel as a recipient"),
            );
        }
        let dfe = |n: &str| {
            n.contains("department for education")
                || n.contains("dfe")
                || n.contains("multi-agency safeguarding arrangements unit")
        };
        // A recipient that no longer exists, and whether its entry says what to send instead
        // (the What Works Centre: the recipients para 109 names). `obsolete-body` reports such
        // a recipient, with that fix; its fix adds the DfE, so the missing DfE is the same
        // defect and is not reported again here.
        let edition = super::edition_judged_by(cx.model, cx.today);
        let obsolete: Vec<_> = names
            .iter()
            .filter_map(|(_, r, span)| {
                let org = cx.model.organisation(&r.organisation)?;
                let found = registry::obsolete_body(org.name.get())
                    .filter(|f| f.body.applies_to(edition) && cx.today >= f.body.ended)?;
                Some((org.name.get(), span, found.body))
            })
            .collect();
        let replaced_by_para_109 = obsolete
            .iter()
            .any(|(.., body)| body.fix_as_recipient.is_some() && cx.today >= body.error_from);
        if !names.iter().any(|(n, ..)| dfe(n)) && !replaced_by_para_109 {
            let mut d = finding(meta, report.span(), "the yearly report is not sent to the Department for Education (Multi-Agency Safeguarding Arrangements Unit)")
                .with_label("recipients")
                .with_help("send a copy to the DfE's Multi-Agency Safeguarding Arrangements Unit within 7 days of publication");
            if let Some((name, span, _)) = obsolete.first() {
                d = d.with_secondary(
                    (*span).clone(),
                    format!("{name}: a body that no longer exists"),
                );
            }
            out.push(d);
        }
        for (_, recipient, span) in &names {
            let Some(days) = &recipient.within_days else {
                continue;
            };
            // A body that no longer exists is reported as such (by `obsolete-body`); when a copy
            // would reach it does not matter.
            if obsolete.iter().any(|(_, s, _)| *s == span) {
                continue;
            }
            let name = cx
                .model
                .organisation(&recipient.organisation)
                .map_or(recipient.organisation.to_string(), |o| o.name.to_string());
            let working = recipient.working_days.as_ref().is_some_and(|w| *w.get());
            // Para 109 says 7 days, not working days: more than 5 working days can run past
            // 7 calendar days.
            let message = if working && *days.get() > 5 {
                format!(
                    "the yearly report reaches {name} within {} working days, which can be later than the 7 days of para 109",
                    days.get()
                )
            } else if *days.get() > 7 {
                format!(
                    "the yearly report reaches {name} within {} days, later than the 7 days of para 109",
                    days.get()
                )
            } else {
                continue;
            };
            out.push(
                finding(meta, days.span(), message)
                    .with_label("too late")
                    .with_help("send copies within 7 days of publication (calendar days, not working days)")
                    // One sentence naming several recipients is one defect.
                    .same_defect(if working { "working days" } else { "days" }),
            );
        }
    }
);

rule!(
    PanelName,
    RuleMeta {
        id: "panel-name",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "The Panel is called by its statutory name, the Child Safeguarding Practice Review Panel.",
        citation: "Children Act 2004 s.16A; SI 2018/789 reg. 2",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: Some(crate::diag::Applicability::Safe),
        what: "That an organisation whose name mentions the \"Safeguarding Practice Review Panel\" is called exactly \"Child Safeguarding Practice Review Panel\" (common variants add \"National\").",
        why: "Common usage is not wrong in substance, but the statutory name avoids doubt about which body is meant.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "panel"
name = "National Child Safeguarding Practice Review Panel"
kind = "national_body"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "panel"
name = "Child Safeguarding Practice Review Panel"
kind = "national_body"
"#,
    },
    |meta, cx, out| {
        for org in &cx.model.doc.organisations {
            let name = org.name.get();
            if name
                .to_lowercase()
                .contains("safeguarding practice review panel")
                && name != "Child Safeguarding Practice Review Panel"
            {
                out.push(
                    finding(
                        meta,
                        org.name.span(),
                        format!("\"{name}\" is not the Panel's statutory name"),
                    )
                    .with_label("Panel")
                    .with_help("call it the Child Safeguarding Practice Review Panel")
                    .with_fix(crate::diag::Fix::safe(
                        "write the Panel's statutory name",
                        org.name.span(),
                        "\"Child Safeguarding Practice Review Panel\"",
                    )),
                );
            }
        }
    }
);

rule!(
    YearlyReportDeadline,
    RuleMeta {
        id: "yearly-report-deadline",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The yearly report for an April–March year is published by the end of the following September.",
        citation: "WT2023 ch. 2, para 109 (\"by the end of September every year\"; guidance, not statute)",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That the latest report's `published` (the most recent of `yearly_report.latest` and `[[yearly_report.reports]]`) is on or before 30 September after the end of the financial year in its `period`.",
        why: "Para 109 asks for the report to be published by the end of September, covering the previous April to March, so that reports are comparable and timely.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report.latest]
period = "2024/25"
published = 2025-11-30
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report.latest]
period = "2024/25"
published = 2025-09-30
"#,
    },
    |meta, cx, out| {
        let latest = cx
            .model
            .doc
            .yearly_report
            .as_ref()
            .and_then(|y| y.most_recent());
        let Some(latest) = latest else { return };
        let (Some(period), Some(published)) = (&latest.period, &latest.published) else {
            return;
        };
        let due = Day::new(period.start_year() + 1, 9, 30).unwrap_or_else(|| period.last_day());
        if published.earliest() > due {
            out.push(
                finding(
                    meta,
                    published.span(),
                    format!(
                        "the report for {} was published on {}, after the end of September ({due})",
                        period.get(),
                        published.get()
                    ),
                )
                .with_label("published late")
                .with_secondary(period.span(), "period covered")
                .with_help(
                    "publish the yearly report by the end of September after the year it covers",
                ),
            );
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &YearlyReportFrequency,
    &YearlyReportContents,
    &YearlyReportDeadline,
    &YearlyReportRecipients,
    &PanelName,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn frequency() {
        let (text, found) = run_rule(
            &YearlyReportFrequency,
            "[yearly_report.latest]\npublished = 2025-09-30\n",
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "yearly-report-frequency")
        );
        assert_eq!(spans(&text, &found), ["2025-09-30"]);
        assert!(
            run_rule(
                &YearlyReportFrequency,
                "[yearly_report.latest]\npublished = 2026-09-30\n"
            )
            .1
            .is_empty()
        );
        // No dated report: nothing to judge, and no "cannot be checked" note.
        assert!(
            run_rule(
                &YearlyReportFrequency,
                "[yearly_report]\ndescription = \"x\"\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn contents() {
        let (text, found) = run_rule(
            &YearlyReportContents,
            "[yearly_report]\ncontents = [\"partner_contributions\"]\n",
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "yearly-report-contents")
        );
        assert_eq!(spans(&text, &found), ["[yearly_report]"]);
        assert!(found[0].message.contains("12 of the 13"));
        let all = PARA_107
            .iter()
            .map(|(i, _)| format!("\"{}\"", serde_json::to_value(i).unwrap().as_str().unwrap()))
            .collect::<Vec<_>>()
            .join(", ");
        assert!(
            run_rule(
                &YearlyReportContents,
                &format!("[yearly_report]\ncontents = [{all}]\n")
            )
            .1
            .is_empty()
        );
    }

    const ORGS: &str = "[[organisations]]\nid = \"panel\"\nname = \"Child Safeguarding Practice Review Panel\"\nkind = \"national_body\"\n[[organisations]]\nid = \"ww\"\nname = \"What Works Centre for Children's Social Care\"\nkind = \"national_body\"\n[[organisations]]\nid = \"dfe\"\nname = \"Multi-Agency Safeguarding Arrangements Unit (DfE)\"\nkind = \"government_department\"\n";

    #[test]
    fn recipients() {
        let bad = format!(
            "{ORGS}[[yearly_report.recipients]]\norganisation = \"panel\"\nwithin_days = 7\n[[yearly_report.recipients]]\norganisation = \"ww\"\nwithin_days = 7\n"
        );
        // The What Works Centre in the DfE's place is one defect, reported once, by
        // `obsolete-body` with the recipients para 109 names as its fix.
        let (_, found) = run_rule(&YearlyReportRecipients, &bad);
        assert!(found.is_empty(), "{found:#?}");
        let (_, by_body) = run_rule(&crate::rules::bodies::ObsoleteBody, &bad);
        assert_eq!(by_body.len(), 1);
        let help = by_body[0].help.as_deref().unwrap_or_default();
        assert!(
            help.contains("Multi-Agency Safeguarding Arrangements Unit")
                && help.contains("Foundations is NOT a recipient"),
            "{help}"
        );
        // A body that ended whose entry says nothing of the yearly report (a CCG) is not in the
        // DfE's place: the missing DfE is a defect of its own, and points at it.
        let ccg = format!(
            "{ORGS}[[organisations]]\nid = \"ccg\"\nname = \"NHS Kernow Clinical Commissioning Group\"\nkind = \"clinical_commissioning_group\"\n[[yearly_report.recipients]]\norganisation = \"panel\"\nwithin_days = 7\n[[yearly_report.recipients]]\norganisation = \"ccg\"\nwithin_days = 10\n"
        );
        let (text, found) = run_rule(&YearlyReportRecipients, &ccg);
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "yearly-report-recipients")
        );
        assert_eq!(
            spans(&text, &found),
            ["yearly_report"],
            "the implicit [yearly_report] table: its key in the first header"
        );
        assert_eq!(
            found[0].labels.len(),
            1,
            "the obsolete recipient is labelled"
        );
        let good = format!(
            "{ORGS}[[yearly_report.recipients]]\norganisation = \"panel\"\nwithin_days = 7\n[[yearly_report.recipients]]\norganisation = \"dfe\"\nwithin_days = 7\n"
        );
        assert!(run_rule(&YearlyReportRecipients, &good).1.is_empty());
        // 7 working days is not 7 days.
        let working = good.replace(
            "within_days = 7\n",
            "within_days = 7\nworking_days = true\n",
        );
        let (text, found) = run_rule(&YearlyReportRecipients, &working);
        assert_eq!(spans(&text, &found), ["7", "7"]);
        assert!(
            found[0].message.contains("7 working days"),
            "{}",
            found[0].message
        );
        let five = working.replace("within_days = 7", "within_days = 5");
        assert!(run_rule(&YearlyReportRecipients, &five).1.is_empty());
    }

    #[test]
    fn panel_name() {
        let (text, found) = run_rule(
            &PanelName,
            "[[organisations]]\nid = \"panel\"\nname = \"National Child Safeguarding Practice Review Panel\"\nkind = \"national_body\"\n",
        );
        assert_eq!(
            spans(&text, &found),
            ["\"National Child Safeguarding Practice Review Panel\""]
        );
        assert!(run_rule(&PanelName, ORGS).1.is_empty());
    }

    #[test]
    fn deadline() {
        let (text, found) = run_rule(
            &YearlyReportDeadline,
            "[yearly_report.latest]\nperiod = \"2024/25\"\npublished = 2025-11-30\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("yearly-report-deadline", "2025-11-30")
        );
        assert!(
            run_rule(
                &YearlyReportDeadline,
                "[yearly_report.latest]\nperiod = \"2024/25\"\npublished = 2025-09-30\n"
            )
            .1
            .is_empty()
        );
    }
}
