//! The partnership chair.
//!
//! WT2023 para 61: LSPs should appoint one of the DSPs as the partnership chair. Paras 62–63:
//! the chair's functions are separate and distinct from independent scrutiny, which "removes
//! any need for a local area to maintain another chair or independent chair".

use super::{Level, RuleMeta, SINCE_WT2023, finding, rule};
use crate::diag::Severity;

rule!(
    PartnershipChairNamed,
    RuleMeta {
        id: "partnership-chair-named",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The published arrangements say who the partnership chair is.",
        citation: "WT2023 ch. 2, paras 61 and 104 (first bullet)",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That the file has a `[chair]` section naming the chair's role.",
        why: "Para 104 asks the published arrangements to say who the three safeguarding partners, their delegates and partnership chair are; para 61 says changes of chair are to be updated in the published arrangements.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [chair] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "dcs"
title = "Director of Children's Services"

[chair]
role = "dcs"
"#,
    },
    |meta, cx, out| {
        if cx.model.doc.chair.is_none() {
            out.push(
                finding(meta, cx.model.doc.partnership.span(), "the arrangements do not name the partnership chair")
                    .with_label("no [chair] section in this file")
                    .with_help("add a [chair] section with role = \"<role id>\" (one of the delegated safeguarding partners)"),
            );
        }
    }
);

rule!(
    PartnershipChairIsDsp,
    RuleMeta {
        id: "partnership-chair-is-dsp",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The partnership chair is one of the delegated safeguarding partners.",
        citation: "WT2023 ch. 2, para 61",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That the `[chair]` role is listed in some partner's `delegates`.",
        why: "Para 61: \"LSPs should appoint one of the DSPs as the partnership chair for the multi-agency arrangements\", jointly agreed and given the full backing of all three partners. The role may rotate between the DSPs.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-chair"
title = "Independent Chair"

[chair]
role = "independent-chair"
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

[[partners]]
organisation = "example-council"
delegates = ["dcs"]

[chair]
role = "dcs"
"#,
    },
    |meta, cx, out| {
        let Some(chair) = &cx.model.doc.chair else {
            return;
        };
        // Joint chairs: each of them is judged.
        for role_id in chair.role.ids() {
            let is_dsp = cx
                .model
                .doc
                .partners
                .iter()
                .any(|p| p.delegates.iter().any(|d| d.get() == role_id.get()));
            if is_dsp {
                continue;
            }
            let title = cx
                .model
                .role(role_id)
                .map_or(role_id.to_string(), |r| r.title.to_string());
            out.push(
                finding(meta, role_id.span(), format!("the partnership chair (\"{title}\") is not one of the delegated safeguarding partners"))
                    .with_label("chair")
                    .with_help("appoint one of the partners' `delegates` as chair, or list this role as a delegate if it is one"),
            );
        }
    }
);

rule!(
    ChairScrutinySeparate,
    RuleMeta {
        id: "chair-scrutiny-separate",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The partnership chair and independent scrutiny are separate roles.",
        citation: "WT2023 ch. 2, paras 62–63",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That the `[chair]` role is not the independent scrutineer, and that the chair's title is not \"Independent Chair\".",
        why: "Para 63: \"local safeguarding arrangements should separate the roles of partnership chair and independent scrutiny\". Para 62: this \"removes any need for a local area to maintain another chair or independent chair\".",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[chair]
role = "independent-scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[roles]]
id = "dcs"
title = "Director of Children's Services"
[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[chair]
role = "dcs"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#,
    },
    |meta, cx, out| {
        let Some(chair) = &cx.model.doc.chair else {
            return;
        };
        let scrutineer = cx
            .model
            .doc
            .independent_scrutiny
            .as_ref()
            .and_then(|s| s.scrutineer.as_ref());
        for role_id in chair.role.ids() {
            if let Some(s) = scrutineer.filter(|s| s.get() == role_id.get()) {
                out.push(
                    finding(meta, role_id.span(), "the partnership chair is also the independent scrutineer")
                        .with_label("chair")
                        .with_secondary(s.span(), "independent scrutineer")
                        .with_help("appoint one of the delegated safeguarding partners as chair, keeping the scrutineer independent of the chair"),
                );
            } else if let Some(role) = cx
                .model
                .role(role_id)
                .filter(|r| r.title.to_lowercase().contains("independent chair"))
            {
                out.push(
                    finding(meta, role_id.span(), format!("the partnership is chaired by an \"{}\"", role.title.get()))
                        .with_label("chair")
                        .with_secondary(role.title.span(), "title")
                        .with_help("WT2023 replaces the independent chair with a chair drawn from the delegated safeguarding partners plus separate independent scrutiny"),
                );
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &PartnershipChairNamed,
    &PartnershipChairIsDsp,
    &ChairScrutinySeparate,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    const ROLES: &str = "[[roles]]\nid = \"dcs\"\ntitle = \"Director of Children's Services\"\n[[roles]]\nid = \"scrutineer\"\ntitle = \"Independent Scrutineer\"\nkind = \"independent_scrutineer\"\n";

    #[test]
    fn chair_named() {
        let (text, found) = run_rule(&PartnershipChairNamed, "");
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "partnership-chair-named")
        );
        assert_eq!(spans(&text, &found), ["[partnership]"]);
        assert!(
            run_rule(
                &PartnershipChairNamed,
                &format!("{ROLES}[chair]\nrole = \"dcs\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn chair_is_a_dsp() {
        let partner = "[[partners]]\norganisation = \"example-council\"\ndelegates = [\"dcs\"]\n";
        let (text, found) = run_rule(
            &PartnershipChairIsDsp,
            &format!("{ROLES}{partner}[chair]\nrole = \"scrutineer\"\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "partnership-chair-is-dsp")
        );
        assert_eq!(spans(&text, &found), ["\"scrutineer\""]);
        assert!(
            run_rule(
                &PartnershipChairIsDsp,
                &format!("{ROLES}{partner}[chair]\nrole = \"dcs\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn chair_and_scrutiny_are_separate() {
        let scrutiny = "[independent_scrutiny]\nscrutineer = \"scrutineer\"\n";
        let (text, found) = run_rule(
            &ChairScrutinySeparate,
            &format!("{ROLES}[chair]\nrole = \"scrutineer\"\n{scrutiny}"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "chair-scrutiny-separate")
        );
        assert_eq!(spans(&text, &found), ["\"scrutineer\""]);
        assert!(
            run_rule(
                &ChairScrutinySeparate,
                &format!("{ROLES}[chair]\nrole = \"dcs\"\n{scrutiny}")
            )
            .1
            .is_empty()
        );
    }
}
