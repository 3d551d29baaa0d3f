//! Child death review.
//!
//! Children Act 2004 s.16M and s.16Q: the child death review partners for a local authority
//! area are the local authority and any integrated care board for an area any part of which
//! falls within it. Since 2018 child death review is their duty, not part of the multi-agency
//! safeguarding arrangements (WT2018 ch. 5; WT2023 ch. 6).

use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::{Edition, OrganisationKind as Kind};

rule!(
    CdrPartners,
    RuleMeta {
        id: "cdr-partners",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The child death review partners are the local authority and an integrated care board that exists.",
        citation: "Children Act 2004 s.16M and s.16Q(2) (as amended by the Health and Care Act 2022); WT2023 ch. 6",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `child_death_review.partners` includes an organisation of kind `local_authority` and one of kind `integrated_care_board` (a CCG only for WT2018 documents). A document that says nothing of child death review gets advice (info) only: the review is the partners' own duty, not one of the contents paras 103–104 require. Whether that ICB still exists on the document's date and today is checked by `safeguarding-partner-body-current`, which reports it at the organisation.",
        why: "The duty to review the death of every child normally resident in the area falls on these two partners; a list without the ICB, or naming a body that no longer exists, leaves that duty unassigned.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[child_death_review]
partners = ["example-council"]
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

[child_death_review]
partners = ["example-council", "example-icb"]
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(cdr) = &doc.child_death_review else {
            // Child death review is the CDR partners' own duty (s.16M), outside what paras
            // 103–104 require the published arrangements to include: silence is advice, not an
            // error. A list that names the wrong bodies is an error (below).
            let mut d = finding(meta, doc.partnership.span(), "the arrangements do not name the child death review partners")
                .with_label("no [child_death_review] section")
                .with_help("say who the child death review partners are (the local authority and the ICB) and how the panel links to the partnership: add [child_death_review] with partners = [\"<local authority id>\", \"<ICB id>\"]");
            d.severity = Severity::Info;
            out.push(d);
            return;
        };
        let wt2018 = doc
            .partnership
            .guidance_edition
            .as_ref()
            .is_some_and(|e| *e.get() == Edition::Wt2018);
        let orgs: Vec<_> = cdr
            .partners
            .iter()
            .filter_map(|p| cx.model.organisation(p).map(|o| (p, o)))
            .collect();
        if !orgs
            .iter()
            .any(|(_, o)| *o.kind.get() == Kind::LocalAuthority)
        {
            out.push(
                finding(
                    meta,
                    cdr.span(),
                    "the child death review partners do not include the local authority",
                )
                .with_label("child death review partners")
                .with_help("add the local authority to child_death_review.partners"),
            );
        }
        let health = |k: Kind| {
            k == Kind::IntegratedCareBoard || (wt2018 && k == Kind::ClinicalCommissioningGroup)
        };
        // An ICB that no longer exists is reported at the organisation by
        // `safeguarding-partner-body-current`; reporting it here too would say it twice.
        let named_icb = orgs.iter().any(|(_, o)| health(*o.kind.get()));
        if !named_icb {
            let mut d = finding(
                meta,
                cdr.span(),
                "the child death review partners include no integrated care board",
            )
            .with_label("child death review partners")
            .with_help(
                "name the integrated care board for the area as a child death review partner",
            );
            for (id, o) in orgs
                .iter()
                .filter(|(_, o)| *o.kind.get() == Kind::ClinicalCommissioningGroup)
            {
                d = d.with_secondary(
                    id.span(),
                    format!(
                        "{}: a clinical commissioning group, abolished 2022-07-01",
                        o.name.get()
                    ),
                );
            }
            out.push(d);
        }
    }
);

rule!(
    CdopSeparateFromMasa,
    RuleMeta {
        id: "cdop-separate-from-masa",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "The child death overview panel is not modelled as a subgroup of the safeguarding arrangements.",
        citation: "WT2018 ch. 5; WT2023 ch. 6",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no `[[groups]]` entry whose name mentions a child death overview panel (or the word \"CDOP\") reports to another group (`reports_to`), whatever its `scope`.",
        why: "Since 2018 child death review is the duty of the child death review partners, separate from the multi-agency safeguarding arrangements; good practice is a referral route from the panel to the partnership, not a subgroup.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "strategic-board"
name = "Strategic Board"
[[groups]]
id = "cdop"
name = "Child Death Overview Panel"
scope = "local"
reports_to = "strategic-board"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-cdop"
name = "Example Child Death Overview Panel"
kind = "child_death_overview_panel"

[child_death_review]
panel = "example-cdop"
description = "The panel refers learning to the Strategic Board."
"#,
    },
    |meta, cx, out| {
        for g in &cx.model.doc.groups {
            let name = g.name.to_lowercase();
            let cdop = name.contains("child death overview")
                || name
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "cdop");
            if cdop && g.reports_to.is_some() {
                out.push(
                    finding(meta, g.name.span(), format!("\"{}\" is modelled as a subgroup of the safeguarding arrangements", g.name.get()))
                        .with_label("child death overview panel")
                        .with_help("describe the panel under [child_death_review] and its referral route to the partnership, rather than as a subgroup"),
                );
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&CdrPartners, &CdopSeparateFromMasa];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn cdr_partners() {
        let ccg = "[[organisations]]\nid = \"ccg\"\nname = \"Example Clinical Commissioning Group\"\nkind = \"clinical_commissioning_group\"\n";
        let (text, found) = run_rule(
            &CdrPartners,
            &format!("{ccg}[child_death_review]\npartners = [\"example-council\", \"ccg\"]\n"),
        );
        assert_eq!((found.len(), found[0].rule.as_str()), (1, "cdr-partners"));
        assert_eq!(spans(&text, &found), ["[child_death_review]"]);
        assert_eq!(found[0].labels.len(), 1);
        assert_eq!(
            found[0].severity,
            Severity::Error,
            "a wrong list is an error"
        );
        // Saying nothing of child death review is advice only.
        let (text, found) = run_rule(&CdrPartners, "");
        assert_eq!(spans(&text, &found), ["[partnership]"]);
        assert_eq!(found[0].severity, Severity::Info);
        assert!(
            run_rule(
                &CdrPartners,
                "[child_death_review]\npartners = [\"example-council\", \"example-icb\"]\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn cdop_not_a_subgroup() {
        let groups = "[[groups]]\nid = \"board\"\nname = \"Board\"\n[[groups]]\nid = \"cdop\"\nname = \"Bedfordshire and Luton CDOP\"\nreports_to = \"board\"\n";
        let (text, found) = run_rule(&CdopSeparateFromMasa, groups);
        assert_eq!(spans(&text, &found), ["\"Bedfordshire and Luton CDOP\""]);
        assert!(
            run_rule(
                &CdopSeparateFromMasa,
                "[[groups]]\nid = \"board\"\nname = \"Board\"\n"
            )
            .1
            .is_empty()
        );
    }
}
