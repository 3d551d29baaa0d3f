//! SARIF output: valid against the official SARIF 2.1.0 JSON Schema (kept in tests/schemas/,
//! copied from the OASIS sarif-spec repository), with the rule catalog and 1-based regions.

mod common;

use serde_json::Value;

fn sarif(relative: &str) -> Value {
    let report = common::check(relative);
    let text = masa::report::sarif::render(&report, &masa::rules::catalog());
    serde_json::from_str(&text).expect("SARIF output is JSON")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json"))
        .expect("the SARIF schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}");
}

#[test]
fn a_file_with_findings_gives_a_valid_log() {
    let log = sarif("tests/fixtures/three-problems.toml");
    assert_valid(&log);
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["name"], "masa");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        // Every result's rule is described, at the index it names.
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "tests/fixtures/three-problems.toml"
        );
    }
}

#[test]
fn the_whole_catalog_is_described() {
    let log = sarif("arrangements/example/northmoor.toml");
    assert_valid(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in masa::rules::catalog() {
        let id = r.meta().id;
        let d = rules
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(d["shortDescription"]["text"].is_string());
        assert!(d["fullDescription"]["text"].is_string());
        assert!(d["help"]["markdown"].as_str().unwrap().contains("Source:"));
        // No documentation address is configured, so no link is printed rather than a dead one.
        assert!(
            d.get("helpUri").is_none(),
            "{id} has a link: {}",
            d["helpUri"]
        );
    }
    for check in masa::Check::ALL {
        assert!(
            rules.iter().any(|d| d["id"] == check.id()),
            "{}",
            check.id()
        );
    }
    let ids: std::collections::HashSet<&str> =
        rules.iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids.len(), rules.len(), "an id is described twice");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn real_arrangements_give_valid_logs() {
    for path in [
        "arrangements/central-bedfordshire.toml",
        "tests/fixtures/syntax-error.toml",
        "tests/fixtures/unknown-reference.toml",
    ] {
        assert_valid(&sarif(path));
    }
}

#[test]
fn the_validator_rejects_a_broken_log() {
    // The check above can fail: a log without `version` or with a column of 0 is refused.
    let mut log = sarif("tests/fixtures/three-problems.toml");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        serde_json::json!(0);
    assert!(!validator().is_valid(&log));
    let mut log = sarif("tests/fixtures/three-problems.toml");
    log.as_object_mut().unwrap().remove("version");
    assert!(!validator().is_valid(&log));
}

/// With a documentation base, every described rule carries a `helpUri` (and the tool an
/// `informationUri`), and the log is still valid SARIF (both are `uri`-format strings).
#[test]
fn a_log_with_documentation_links_is_valid() {
    let mut report = common::check("tests/fixtures/three-problems.toml");
    let base = masa::rules::docs::DocsBase::parse("https://docs.example.org/masa-rules/").unwrap();
    report.link_docs(&base);
    let text = masa::report::sarif::render_with_docs(&report, &masa::rules::catalog(), Some(&base));
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_valid(&log);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(
        driver["informationUri"],
        "https://docs.example.org/masa-rules/index.html"
    );
    for rule in driver["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        assert_eq!(
            rule["helpUri"],
            format!("https://docs.example.org/masa-rules/{id}.html"),
            "{id}"
        );
    }
}
