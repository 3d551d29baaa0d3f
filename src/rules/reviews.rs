//! Serious incidents, rapid reviews and local child safeguarding practice reviews (LCSPRs).
//!
//! Children Act 2004 s.16C (notification), s.16F (local reviews); SI 2018/789 regs 11–17;
//! WT2023 ch. 5, paras 330–331 (notification within 5 working days), the p. 144 box (rapid
//! review within 15 working days), paras 356–365 (LCSPRs).

use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::{LocalReviews, OrganisationKind, Spanned};

fn local_reviews<'a>(cx: &super::Context<'a>) -> Option<&'a Spanned<LocalReviews>> {
    cx.model
        .doc
        .practice_reviews
        .as_ref()?
        .local_reviews
        .as_ref()
}

rule!(
    SeriousIncidentNotification,
    RuleMeta {
        id: "serious-incident-notification",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The local authority notifies the Child Safeguarding Practice Review Panel of serious incidents within 5 working days.",
        citation: "Children Act 2004 s.16C(1); WT2023 ch. 5, paras 330–331",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Where the arrangements describe notification (`practice_reviews.notification`), that `by` (who notifies) is a local authority and `working_days` is at most 5 (a notification described without `working_days` gets advice, info, to state the timescale). Arrangements that do not describe it get advice (info) only: the duty to notify is the local authority's, and the paragraphs on what arrangements contain ask for the review process as a whole.",
        why: "Notification is the local authority's statutory duty when a child dies or is seriously harmed and abuse or neglect is known or suspected; the 5-working-day limit lets the Panel and partners act while learning is fresh.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[practice_reviews.notification]
by = "example-council"
working_days = 10
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[practice_reviews.notification]
by = "example-council"
working_days = 5
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(n) = doc
            .practice_reviews
            .as_ref()
            .and_then(|p| p.notification.as_ref())
        else {
            let at = doc
                .practice_reviews
                .as_ref()
                .map_or(doc.partnership.span(), |p| p.span());
            // s.16C is the local authority's duty to notify, not a duty to describe it: paras
            // 103–104 ask for the practice review process (`lcspr-arrangements`), of which
            // notification is the first step. Silence is advice; a wrong description is an error.
            let mut d = finding(meta, at, "the arrangements do not describe how serious incidents are notified to the Child Safeguarding Practice Review Panel")
                .with_label("no notification process")
                .with_help("describe the first step of the review process: add [practice_reviews.notification] with by = \"<local authority id>\" and working_days = 5");
            d.severity = Severity::Info;
            out.push(d);
            return;
        };
        if let Some(by) = &n.by {
            if let Some(org) = cx
                .model
                .organisation(by)
                .filter(|o| *o.kind.get() != OrganisationKind::LocalAuthority)
            {
                out.push(
                    finding(meta, by.span(), format!("serious incidents are notified by {}, but the duty is the local authority's", org.name.get()))
                        .with_label("not a local authority")
                        .with_help("name the local authority as the body that notifies the Panel"),
                );
            }
        }
        if let Some(days) = n.working_days.as_ref().filter(|d| *d.get() > 5) {
            out.push(
                finding(meta, days.span(), format!("notification within {} working days is later than the 5 working days of WT2023 para 330", days.get()))
                    .with_label("too late")
                    .with_help("notify the Panel within 5 working days of becoming aware of the incident")
                    // s.16C(1) sets no time limit; the five days are para 330's "should".
                    .with_severity(Severity::Warning)
                    .with_citation("WT2023 ch. 5, para 330 (\"It should do so within five working days\"); Children Act 2004 s.16C(1) sets no time limit"),
            );
        }
        // Described without a timescale: nothing is wrong, but readers are not told the five
        // days of para 330, so advice.
        if n.working_days.is_none() {
            out.push(
                finding(meta, n.span(), "the notification process does not say within how many working days the Panel is notified")
                    .with_label("no timescale")
                    .with_help("add working_days = 5 if that is the local practice (WT2023 para 330: \"within five working days\")")
                    .with_severity(Severity::Info)
                    .with_citation("WT2023 ch. 5, para 330 (\"It should do so within five working days\")"),
            );
        }
    }
);

rule!(
    RapidReviewTimescale,
    RuleMeta {
        id: "rapid-review-timescale",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "Rapid reviews are completed within 15 working days.",
        citation: "WT2023 ch. 5, paras 343–344 and box p. 144 (\"a non-statutory requirement\")",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `practice_reviews.rapid_review.working_days`, where stated, is at most 15.",
        why: "The rapid review decides quickly whether a local or national review is needed; the guidance sets 15 working days.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.rapid_review]
working_days = 20
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.rapid_review]
working_days = 15
"#,
    },
    |meta, cx, out| {
        let days = cx
            .model
            .doc
            .practice_reviews
            .as_ref()
            .and_then(|p| p.rapid_review.as_ref())
            .and_then(|r| r.working_days.as_ref());
        if let Some(days) = days.filter(|d| *d.get() > 15) {
            out.push(
                finding(meta, days.span(), format!("rapid reviews within {} working days take longer than the 15 working days of the guidance", days.get()))
                    .with_label("too long")
                    .with_help("complete rapid reviews within 15 working days"),
            );
        }
    }
);

rule!(
    LcsprArrangements,
    RuleMeta {
        id: "lcspr-arrangements",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The arrangements include arrangements for commissioning and publishing local child safeguarding practice reviews.",
        citation: "Children Act 2004 s.16F(1)–(2); SI 2018/789 reg. 11; WT2023 ch. 2, para 103 (second bullet)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `practice_reviews` describes local reviews (`[practice_reviews.local_reviews]`) or links to its published process (`practice_reviews.process`).",
        why: "Identifying serious cases and reviewing them under the partners' supervision is a statutory part of the arrangements (para 103 lists it among what published arrangements must include).",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [practice_reviews] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "case-review-group"
name = "Case Review Group"

[practice_reviews.local_reviews]
group = "case-review-group"
decided_by = "the safeguarding partners, on the Case Review Group's recommendation"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let ok = doc
            .practice_reviews
            .as_ref()
            .is_some_and(|p| p.local_reviews.is_some() || p.process.is_some());
        if !ok {
            let at = doc
                .practice_reviews
                .as_ref()
                .map_or(doc.partnership.span(), |p| p.span());
            out.push(
                finding(meta, at, "the arrangements do not describe how local child safeguarding practice reviews are commissioned and published")
                    .with_label("no local review arrangements")
                    .with_help("add [practice_reviews.local_reviews] (who decides, which group commissions) or the published process"),
            );
        }
    }
);

rule!(
    LcsprReviewer,
    RuleMeta {
        id: "lcspr-reviewer",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "Advice: the file records who appoints the reviewer of a local review (the safeguarding partners must, reg. 12).",
        citation: "SI 2018/789 reg. 12",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Where local reviews are described, whether `practice_reviews.local_reviews.reviewer_appointed_by` is given. Regulation 12 is a duty to appoint, not to describe, so silence is advice only: the file cannot show the duty is met.",
        why: "Regulation 12: the safeguarding partners must appoint a reviewer to conduct a local review. Recording who does so lets a reader see the duty is owned; no paragraph requires the arrangements to say it.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
description = "…"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
reviewer_appointed_by = "the safeguarding partners"
"#,
    },
    |meta, cx, out| {
        if let Some(l) = local_reviews(cx).filter(|l| l.reviewer_appointed_by.is_none()) {
            out.push(
                finding(
                    meta,
                    l.span(),
                    "the file does not record who appoints the reviewer of a local review (`reviewer_appointed_by`), so regulation 12 cannot be checked from it",
                )
                .with_label("no `reviewer_appointed_by`")
                .with_help("state that the safeguarding partners appoint the reviewer (reg. 12)"),
            );
        }
    }
);

rule!(
    LcsprReportSent,
    RuleMeta {
        id: "lcspr-report-sent",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "A local review's report goes to the Secretary of State and the Panel at least 7 days before publication.",
        citation: "Children Act 2004 s.16F(3)(c); SI 2018/789 reg. 16(1); WT2023 ch. 5, para 364 (seven working days)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `practice_reviews.local_reviews.sent_days_before_publication`, where stated, is at least 7.",
        why: "Regulation 16(1): the partners must provide a copy of the report to the Secretary of State and the Panel no later than 7 days before publication.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
sent_days_before_publication = 3
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
sent_days_before_publication = 7
"#,
    },
    |meta, cx, out| {
        if let Some(days) = local_reviews(cx)
            .and_then(|l| l.sent_days_before_publication.as_ref())
            .filter(|d| *d.get() < 7)
        {
            out.push(
                finding(meta, days.span(), format!("reports are sent {} days before publication, fewer than the 7 days of reg. 16(1)", days.get()))
                    .with_label("too few days")
                    .with_help("send the report to the Secretary of State and the Panel at least 7 days (WT2023: 7 working days) before publishing"),
            );
        }
    }
);

rule!(
    LcsprPublication,
    RuleMeta {
        id: "lcspr-publication",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "Local review reports (or the improvements) are published and stay available for at least a year.",
        citation: "Children Act 2004 s.16F(4)–(5); SI 2018/789 reg. 17; WT2023 ch. 5, para 362",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `practice_reviews.local_reviews.kept_available_years`, where stated, is at least 1.",
        why: "Regulation 17: whatever is published must remain publicly available for a minimum of one year.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
publication = "publish"
kept_available_years = 0
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
publication = "publish"
kept_available_years = 1
"#,
    },
    |meta, cx, out| {
        let Some(l) = local_reviews(cx) else { return };
        if let Some(years) = l.kept_available_years.as_ref().filter(|y| *y.get() < 1) {
            out.push(
                finding(meta, years.span(), "published reviews are kept available for less than a year")
                    .with_label("less than one year")
                    .with_help("keep published reports or information available for at least one year (reg. 17)"),
            );
        }
    }
);

rule!(
    LcsprTimescale,
    RuleMeta {
        id: "lcspr-timescale",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "Local reviews are completed and published within 6 months of the decision to review.",
        citation: "WT2023 ch. 5, para 365",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `practice_reviews.local_reviews.target_months`, where stated, is at most 6.",
        why: "Para 365: the report should be completed and published as soon as possible and no later than six months from the decision to initiate a review.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
target_months = 9
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[practice_reviews.local_reviews]
target_months = 6
"#,
    },
    |meta, cx, out| {
        if let Some(months) = local_reviews(cx)
            .and_then(|l| l.target_months.as_ref())
            .filter(|m| *m.get() > 6)
        {
            out.push(
                finding(meta, months.span(), format!("local reviews are planned to take {} months, longer than the 6 months of para 365", months.get()))
                    .with_label("too long")
                    .with_help("plan to complete and publish local reviews within 6 months of the decision to review"),
            );
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &SeriousIncidentNotification,
    &RapidReviewTimescale,
    &LcsprArrangements,
    &LcsprReviewer,
    &LcsprReportSent,
    &LcsprPublication,
    &LcsprTimescale,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn notification() {
        let (text, found) = run_rule(
            &SeriousIncidentNotification,
            "[practice_reviews.notification]\nby = \"example-police\"\nworking_days = 10\n",
        );
        assert_eq!(
            found.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
            ["serious-incident-notification"; 2]
        );
        assert_eq!(spans(&text, &found), ["\"example-police\"", "10"]);
        assert!(
            run_rule(
                &SeriousIncidentNotification,
                "[practice_reviews.notification]\nby = \"example-council\"\nworking_days = 5\n"
            )
            .1
            .is_empty()
        );
        let (text, found) = run_rule(&SeriousIncidentNotification, "");
        assert_eq!(spans(&text, &found), ["[partnership]"]);
        // Silence is advice: the duty is to notify, not to describe.
        assert_eq!(found[0].severity, crate::diag::Severity::Info);
        // Described without a timescale: advice to state it.
        let (_, found) = run_rule(
            &SeriousIncidentNotification,
            "[practice_reviews.notification]\nby = \"example-council\"\n",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, crate::diag::Severity::Info);
        assert!(found[0].message.contains("working days"));
    }

    #[test]
    fn timescales() {
        for (rule, bad, good, span) in [
            (
                &RapidReviewTimescale as &dyn super::super::Rule,
                "[practice_reviews.rapid_review]\nworking_days = 20\n",
                "[practice_reviews.rapid_review]\nworking_days = 15\n",
                "20",
            ),
            (
                &LcsprReportSent,
                "[practice_reviews.local_reviews]\nsent_days_before_publication = 3\n",
                "[practice_reviews.local_reviews]\nsent_days_before_publication = 7\nreviewer_appointed_by = \"partners\"\n",
                "3",
            ),
            (
                &LcsprPublication,
                "[practice_reviews.local_reviews]\nkept_available_years = 0\n",
                "[practice_reviews.local_reviews]\nkept_available_years = 1\n",
                "0",
            ),
            (
                &LcsprTimescale,
                "[practice_reviews.local_reviews]\ntarget_months = 9\n",
                "[practice_reviews.local_reviews]\ntarget_months = 6\n",
                "9",
            ),
        ] {
            let (text, found) = run_rule(rule, bad);
            assert_eq!(found.len(), 1, "{}", rule.meta().id);
            assert_eq!(found[0].rule, rule.meta().id);
            assert_eq!(spans(&text, &found), [span]);
            assert!(run_rule(rule, good).1.is_empty(), "{}", rule.meta().id);
        }
    }

    #[test]
    fn local_review_arrangements_and_reviewer() {
        let (text, found) = run_rule(&LcsprArrangements, "");
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("lcspr-arrangements", "[partnership]")
        );
        assert!(
            run_rule(
                &LcsprArrangements,
                "[practice_reviews.local_reviews]\ndescription = \"x\"\n"
            )
            .1
            .is_empty()
        );
        let (text, found) = run_rule(
            &LcsprReviewer,
            "[practice_reviews.local_reviews]\ndescription = \"x\"\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("lcspr-reviewer", "[practice_reviews.local_reviews]")
        );
        assert!(
            run_rule(
                &LcsprReviewer,
                "[practice_reviews.local_reviews]\nreviewer_appointed_by = \"the partners\"\n"
            )
            .1
            .is_empty()
        );
    }
}
