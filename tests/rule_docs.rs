//! docs/rules.md is generated from the catalog. Set MASA_UPDATE_DOCS=1 to rewrite it.

mod common;

use masa::rules::docs::{DOCS_PATH, markdown};

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = common::root().join(DOCS_PATH);
    let generated = markdown(&masa::rules::catalog());
    if std::env::var_os("MASA_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("docs written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{DOCS_PATH} is out of date: run `MASA_UPDATE_DOCS=1 cargo test --test rule_docs`"
    );
}

#[test]
fn every_rule_is_documented_with_its_citation() {
    let docs = markdown(&masa::rules::catalog());
    for rule in masa::rules::catalog() {
        let m = rule.meta();
        assert!(docs.contains(&format!("## {}\n", m.id)), "{} missing", m.id);
        assert!(docs.contains(m.citation));
    }
}
