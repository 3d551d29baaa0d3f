//! Independent scrutiny.
//!
//! Children Act 2004 s.16G(3): "The arrangements must include arrangements for scrutiny by an
//! independent person of the effectiveness of the arrangements." WT2023 para 89.

use super::{ALL_EDITIONS, Level, RuleMeta, SINCE_WT2023, finding, rule};
use crate::diag::Severity;

rule!(
    IndependentScrutinyPresent,
    RuleMeta {
        id: "independent-scrutiny-present",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The arrangements include scrutiny by an independent person of their effectiveness.",
        citation: "Children Act 2004 s.16G(3); WT2023 ch. 2, para 89",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That the file has an `[independent_scrutiny]` section naming the scrutineer's role.",
        why: "Independent scrutiny is a statutory part of the arrangements: without it nobody outside the three partners judges whether the arrangements work.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [independent_scrutiny] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#,
    },
    |meta, cx, out| {
        match &cx.model.doc.independent_scrutiny {
            None => out.push(
                finding(meta, cx.model.doc.partnership.span(), "the arrangements include no independent scrutiny")
                    .with_label("no [independent_scrutiny] section in this file")
                    .with_help("add an [independent_scrutiny] section with scrutineer = \"<role id>\" and how scrutiny is carried out"),
            ),
            Some(s) if s.scrutineer.is_none() => out.push(
                finding(meta, s.span(), "the independent scrutiny section does not say who the independent scrutineer is")
                    .with_label("no `scrutineer`")
                    .with_help("add scrutineer = \"<role id>\"")
                    // Para 97: the arrangements "should state how independent scrutiny is
                    // delivered locally and by whom" — a should, so a warning.
                    .with_severity(Severity::Warning)
                    .with_citation("WT2023 ch. 2, para 97"),
            ),
            Some(_) => {}
        }
    }
);

rule!(
    ScrutineerIsIndependent,
    RuleMeta {
        id: "scrutineer-is-independent",
        level: Level::Must,
        default_severity: Severity::Error,
        summary: "The independent scrutineer is not one of the lead or delegated safeguarding partners, nor employed by a partner.",
        citation: "Children Act 2004 s.16G(3) (\"an independent person\")",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That the `scrutineer` role is not a partner's `lead` or one of its `delegates`, and that neither the scrutiny `employer` nor the role's `organisation` is a safeguarding partner.",
        why: "Scrutiny by someone who runs or works for one of the partners is not scrutiny by an independent person.",
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
delegates = ["dcs"]

[independent_scrutiny]
scrutineer = "dcs"
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
id = "dcs"
title = "Director of Children's Services"
[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[[partners]]
organisation = "example-council"
delegates = ["dcs"]

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#,
    },
    |meta, cx, out| {
        let Some(scrutiny) = &cx.model.doc.independent_scrutiny else {
            return;
        };
        let Some(scrutineer) = &scrutiny.scrutineer else {
            return;
        };
        let partners = &cx.model.doc.partners;
        let is_partner_role = partners.iter().any(|p| {
            p.lead.as_ref().is_some_and(|l| l.get() == scrutineer.get())
                || p.delegates.iter().any(|d| d.get() == scrutineer.get())
        });
        if is_partner_role {
            out.push(
                finding(meta, scrutineer.span(), format!("the independent scrutineer `{}` is also a lead or delegated safeguarding partner", scrutineer.get()))
                    .with_label("scrutineer")
                    .with_help("scrutiny must be by a person independent of the safeguarding partners"),
            );
            return;
        }
        let employer = scrutiny.employer.as_ref().or_else(|| {
            cx.model
                .role(scrutineer)
                .and_then(|r| r.organisation.as_ref())
        });
        if let Some(employer) =
            employer.filter(|e| partners.iter().any(|p| p.organisation.get() == e.get()))
        {
            out.push(
                finding(meta, scrutineer.span(), format!("the independent scrutineer works for `{}`, one of the safeguarding partners", employer.get()))
                    .with_label("scrutineer")
                    .with_secondary(employer.span(), "a safeguarding partner")
                    .with_help("scrutiny must be by a person independent of the safeguarding partners"),
            );
        }
    }
);

rule!(
    IndependentScrutinyRole,
    RuleMeta {
        id: "independent-scrutiny-role",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements describe what independent scrutiny does.",
        citation: "WT2023 ch. 2, box \"Functions of independent scrutiny role\" (p. 37, paras 90–92) and para 97",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `independent_scrutiny.functions` lists the scrutiny role's functions, or `description` says how scrutiny is delivered.",
        why: "Para 97: the published arrangements should state how independent scrutiny is delivered locally and by whom; the p. 37 box lists its seven functions.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
functions = ["Provide safeguarding partners and relevant agencies with independent, rigorous, and effective support and challenge …"]
"#,
    },
    |meta, cx, out| {
        let Some(s) = &cx.model.doc.independent_scrutiny else {
            return;
        };
        if s.functions.is_empty() && s.description.is_none() {
            out.push(
                finding(
                    meta,
                    s.span(),
                    "the arrangements do not describe what independent scrutiny does",
                )
                .with_label("no `functions` or `description`")
                .with_help(
                    "list the scrutineer's functions (WT2023 p. 37) and how scrutiny is delivered",
                ),
            );
        }
    }
);

rule!(
    ScrutinyPlansPublished,
    RuleMeta {
        id: "scrutiny-plans-published",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The published arrangements include the plan for independent scrutiny: what is scrutinised, how and how often.",
        citation: "WT2023 ch. 2, para 97 and LSP box item 3 (p. 27: \"including plans for independent scrutiny\")",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `independent_scrutiny.plan` is present, or that scrutiny reports to named groups (`independent_scrutiny.reports_to`), or that the scrutineer chairs one of the `[[groups]]`.",
        why: "Para 97: the arrangements should state which areas will be scrutinised, how regularly, and how recommendations will be taken forward; the LSPs sign off these plans.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
plan = "Quarterly scrutiny of the performance framework; two deep-dive audits a year"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(s) = &doc.independent_scrutiny else {
            return;
        };
        let chairs_groups = s.scrutineer.as_ref().is_some_and(|who| {
            doc.groups
                .iter()
                .any(|g| g.chair.as_ref().is_some_and(|c| c.contains(who.get())))
        });
        if s.plan.is_none() && s.reports_to.is_empty() && !chairs_groups {
            out.push(
                finding(meta, s.span(), "the arrangements do not set out a plan for independent scrutiny")
                    .with_label("no `plan`")
                    .with_help("say what will be scrutinised, how and how often, and where findings are reported (plan, reports_to)"),
            );
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &IndependentScrutinyPresent,
    &ScrutineerIsIndependent,
    &IndependentScrutinyRole,
    &ScrutinyPlansPublished,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    const ROLES: &str = "[[roles]]\nid = \"dcs\"\ntitle = \"Director of Children's Services\"\norganisation = \"example-council\"\n[[roles]]\nid = \"scrutineer\"\ntitle = \"Independent Scrutineer\"\n";

    #[test]
    fn scrutiny_present() {
        let (text, found) = run_rule(&IndependentScrutinyPresent, "");
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "independent-scrutiny-present")
        );
        assert_eq!(spans(&text, &found), ["[partnership]"]);
        let (text, found) = run_rule(
            &IndependentScrutinyPresent,
            "[independent_scrutiny]\nplan = \"annual\"\n",
        );
        assert_eq!(spans(&text, &found), ["[independent_scrutiny]"]);
        assert!(
            run_rule(
                &IndependentScrutinyPresent,
                &format!("{ROLES}[independent_scrutiny]\nscrutineer = \"scrutineer\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn scrutineer_independent() {
        let partner = "[[partners]]\norganisation = \"example-council\"\ndelegates = [\"dcs\"]\n";
        let (text, found) = run_rule(
            &ScrutineerIsIndependent,
            &format!("{ROLES}{partner}[independent_scrutiny]\nscrutineer = \"dcs\"\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "scrutineer-is-independent")
        );
        assert_eq!(spans(&text, &found), ["\"dcs\""]);
        let (_, found) = run_rule(
            &ScrutineerIsIndependent,
            &format!(
                "{ROLES}{partner}[independent_scrutiny]\nscrutineer = \"scrutineer\"\nemployer = \"example-council\"\n"
            ),
        );
        assert_eq!(found.len(), 1);
        assert!(
            run_rule(
                &ScrutineerIsIndependent,
                &format!("{ROLES}{partner}[independent_scrutiny]\nscrutineer = \"scrutineer\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn scrutiny_role_and_plan() {
        let base = format!("{ROLES}[independent_scrutiny]\nscrutineer = \"scrutineer\"\n");
        let (text, found) = run_rule(&IndependentScrutinyRole, &base);
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("independent-scrutiny-role", "[independent_scrutiny]")
        );
        assert!(
            run_rule(
                &IndependentScrutinyRole,
                &format!("{base}functions = [\"challenge\"]\n")
            )
            .1
            .is_empty()
        );
        let (text, found) = run_rule(&ScrutinyPlansPublished, &base);
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("scrutiny-plans-published", "[independent_scrutiny]")
        );
        assert!(
            run_rule(
                &ScrutinyPlansPublished,
                &format!("{base}plan = \"quarterly\"\n")
            )
            .1
            .is_empty()
        );
        let chaired = format!(
            "{base}[[groups]]\nid = \"g\"\nname = \"Case Review Group\"\nchair = \"scrutineer\"\n"
        );
        assert!(run_rule(&ScrutinyPlansPublished, &chaired).1.is_empty());
    }
}
