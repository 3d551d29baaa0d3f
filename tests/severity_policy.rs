//! The severity policy (docs/rules.md, top) holds over the whole catalog: a rule's default
//! severity follows from the basis of its requirement, so that an `error` always means a breach
//! of a duty or MUST, or a provably wrong fact or sum.

use masa::Severity;
use masa::rules::Level;

#[test]
fn every_default_severity_follows_from_the_rules_basis() {
    let mut wrong = Vec::new();
    for rule in masa::rules::catalog() {
        let m = rule.meta();
        let expected = m.level.policy_severity();
        if m.default_severity != expected {
            wrong.push(format!(
                "{}: level {:?} gives {expected} by the policy, but the default is {}",
                m.id, m.level, m.default_severity
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_rule_resting_on_a_should_or_on_data_quality_is_an_error_by_default() {
    for rule in masa::rules::catalog() {
        let m = rule.meta();
        if matches!(m.level, Level::Should | Level::Quality | Level::Info) {
            assert_ne!(m.default_severity, Severity::Error, "{}", m.id);
        }
    }
}

#[test]
fn the_policy_is_written_at_the_top_of_the_rule_docs() {
    let docs = masa::rules::docs::markdown(&masa::rules::catalog());
    let policy = docs
        .find("## Severity policy")
        .expect("a severity policy section");
    let first_rule = docs.find("\n## ").expect("rule sections");
    assert!(
        policy <= first_rule + 1,
        "the policy comes before the rules"
    );
    for level in ["MUST", "FACT", "SHOULD", "QUALITY", "INFO"] {
        assert!(docs[policy..].contains(level), "{level} is not explained");
    }
}

#[test]
fn rules_only_for_whole_arrangements_are_rules_of_the_catalog() {
    let catalog = masa::rules::catalog();
    for id in masa::rules::WHOLE_ARRANGEMENTS_ONLY {
        assert!(
            catalog.iter().any(|r| r.meta().id == *id),
            "{id} is not a rule"
        );
    }
}

#[test]
fn a_web_page_beside_the_arrangements_is_not_told_it_lacks_their_sections() {
    let page = r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
document = "web_page"

[dispute_resolution]
description = "Concerns go to the Local Safeguarding Children Board."
"#;
    let options = masa::Options {
        today: masa::Day::new(2026, 12, 1).unwrap(),
        ..masa::Options::default()
    };
    let report = masa::check_source("page.toml", page.as_bytes(), &options);
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(
        !rules.contains(&"safeguarding-partners-complete"),
        "{rules:?}"
    );
    assert!(
        !rules.contains(&"independent-scrutiny-present"),
        "{rules:?}"
    );
    // What the page itself says is still checked.
    assert!(rules.contains(&"obsolete-title"), "{rules:?}");
    let arrangements = page.replace("document = \"web_page\"\n", "");
    let report = masa::check_source("a.toml", arrangements.as_bytes(), &options);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.rule == "safeguarding-partners-complete")
    );
}
