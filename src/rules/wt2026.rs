//! What *Working Together to Safeguard Children 2026* changed in chapter 2 (multi-agency
//! safeguarding arrangements).
//!
//! The text of WT2026's chapter 2 has not been read: these rules rest on the Department for
//! Education's summary of changes as reproduced by Leeds Safeguarding Children Partnership
//! ("Working Together to Safeguard Children 2026: what's changed",
//! <https://www.leedsscp.org.uk/news/working-together-safeguard-children-2026-whats-changed>), a
//! secondary source. Its words on chapter 2 are:
//!
//! > "We have clarified that MASA responsibilities include children who are looked after. We
//! > have provided clearer detail on accountability structures and how safeguarding partners
//! > are inspected. We have set clearer expectations on analysing information to identify
//! > disproportionality and racism and strengthened requirements for data sharing. The chapter
//! > makes explicit that annual reports must evidence their impact on children and families."
//!
//! A summary says that something changed, not what the paragraph requires of the published
//! arrangements, and its paragraph numbers are not known. So each rule here is advice (info),
//! cites the summary, and says the paragraph is not verified. "Accountability structures",
//! "how safeguarding partners are inspected" and "data sharing" have no rule until the wording
//! is known (the format has `partnership.governance`, `[[groups]]` and
//! `information_sharing.data_sharing` to record what a document says).

use super::{Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::{Edition, ReportItem};

/// The editions these rules apply to.
const WT2026_ONLY: &[Edition] = &[Edition::Wt2026];

/// The citation every rule here carries.
const CITATION: &str =
    "WT2026 ch. 2 (DfE summary of changes, as reproduced by Leeds SCP; paragraph not verified)";

rule!(
    LookedAfterChildrenCovered,
    RuleMeta {
        id: "looked-after-children-covered",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "The arrangements say how they cover children who are looked after.",
        citation: CITATION,
        editions: WT2026_ONLY,
        enabled: true,
        fix: None,
        what: "For a document judged by WT2026: that a `[looked_after_children]` section says something (a `description`, `mechanisms`, `groups` or `links`).",
        why: "The DfE's summary of WT2026 says: \"We have clarified that MASA responsibilities include children who are looked after.\" Advice (info), not a warning: the summary is a secondary source, and it reports a clarification of scope, not what the published arrangements must say about it; the WT2026 paragraph has not been read.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2026"

# no [looked_after_children] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2026"

[looked_after_children]
description = "The arrangements cover children looked after by the council, wherever they live; the Corporate Parenting Board reports to the Executive twice a year."
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let described = doc.looked_after_children.as_ref().is_some_and(|s| {
            s.description.is_some()
                || !s.mechanisms.is_empty()
                || !s.groups.is_empty()
                || !s.links.is_empty()
        });
        if described {
            return;
        }
        let span = doc
            .looked_after_children
            .as_ref()
            .map_or(doc.partnership.span(), |s| s.span());
        out.push(
            finding(meta, span, "the arrangements do not say how they cover children who are looked after")
                .with_label("no description of looked-after children")
                .with_help("add a [looked_after_children] section with a description of how the arrangements cover children in care"),
        );
    }
);

rule!(
    DisproportionalityAnalysed,
    RuleMeta {
        id: "disproportionality-analysed",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "The arrangements say how information is analysed to identify disproportionality and racism.",
        citation: CITATION,
        editions: WT2026_ONLY,
        enabled: true,
        fix: None,
        what: "For a document judged by WT2026: that `performance.disproportionality` says how data are analysed to identify disproportionality and racism.",
        why: "The DfE's summary of WT2026 says: \"We have set clearer expectations on analysing information to identify disproportionality and racism\". Advice (info), not a warning: the summary is a secondary source and does not say what the expectation is or whether the published arrangements must describe it; the WT2026 paragraph has not been read.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2026"

[performance]
framework = "Partnership performance dashboard"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2026"

[performance]
framework = "Partnership performance dashboard"
disproportionality = "Every measure in the dashboard is broken down by ethnicity, sex and disability, and the Performance Group reports differences to the Executive."
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let performance = doc.performance.as_ref();
        if performance.is_some_and(|p| p.disproportionality.is_some()) {
            return;
        }
        let span = performance.map_or(doc.partnership.span(), |p| p.span());
        out.push(
            finding(meta, span, "the arrangements do not say how information is analysed to identify disproportionality and racism")
                .with_label("no `disproportionality`")
                .with_help("add disproportionality = \"…\" to [performance], in the document's words"),
        );
    }
);

rule!(
    YearlyReportImpact,
    RuleMeta {
        id: "yearly-report-impact",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "The yearly report evidences its impact on children and families.",
        citation: CITATION,
        editions: WT2026_ONLY,
        enabled: true,
        fix: None,
        what: "For a document judged by WT2026 that has a `[yearly_report]` section: that its `contents` include `impact_evidence`.",
        why: "The DfE's summary of WT2026 says: \"The chapter makes explicit that annual reports must evidence their impact on children and families.\" WT2023 para 107 already lists evidence of impact among the report's contents, and `yearly-report-contents` reports its absence as a warning; this rule adds, as advice (info), that WT2026 is said to make it explicit. Info because the summary is a secondary source and the WT2026 paragraph has not been read.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2026"

[yearly_report]
contents = ["partner_contributions", "scrutiny_themes"]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2026"

[yearly_report]
contents = ["partner_contributions", "scrutiny_themes", "impact_evidence"]
"#,
    },
    |meta, cx, out| {
        let Some(report) = &cx.model.doc.yearly_report else {
            return;
        };
        if report
            .contents
            .iter()
            .any(|c| *c.get() == ReportItem::ImpactEvidence)
        {
            return;
        }
        out.push(
            finding(meta, report.span(), "the yearly report is not said to evidence its impact on children and families")
                .with_label("no `impact_evidence` in `contents`")
                .with_help("add \"impact_evidence\" to yearly_report.contents, if the document says the report will evidence its impact"),
        );
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &LookedAfterChildrenCovered,
    &DisproportionalityAnalysed,
    &YearlyReportImpact,
];
