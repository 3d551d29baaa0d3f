//! The machine-readable report: the fields of spec §5, 1-based positions, stable shape.

mod common;

use serde_json::Value;

fn json(relative: &str) -> Value {
    let text = masa::report::json::render(&common::check(relative));
    serde_json::from_str(&text).expect("the JSON output parses")
}

#[test]
fn a_clean_file_has_no_diagnostics() {
    let v = json("arrangements/example/northmoor.toml");
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"][0]["path"], "arrangements/example/northmoor.toml");
    assert_eq!(v["files"][0]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0, "infos": 0, "unreadable": 0})
    );
}

#[test]
fn three_problems_are_reported_in_one_run_each_on_its_line() {
    let v = json("tests/fixtures/three-problems.toml");
    let diagnostics = v["files"][0]["diagnostics"].as_array().unwrap();
    let found: Vec<(&str, u64, u64)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("schema", 5, 1),
            ("schema", 6, 13),
            ("unknown-reference", 14, 16)
        ]
    );
    assert_eq!(v["summary"]["errors"], 3);
}

#[test]
fn every_diagnostic_has_the_contract_fields() {
    let v = json("tests/fixtures/structural-errors.toml");
    for d in v["files"][0]["diagnostics"].as_array().unwrap() {
        for field in [
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
            "citation",
            "related",
        ] {
            assert!(d.get(field).is_some(), "missing {field} in {d}");
        }
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        assert!(d["related"].is_array());
        assert_eq!(d["severity"], "error");
    }
}

#[test]
fn a_syntax_error_points_at_its_line_and_column() {
    let v = json("tests/fixtures/syntax-error.toml");
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "toml-syntax");
    assert_eq!(d["line"], 6);
    assert_eq!(d["column"], 11, "the opening quote of the unclosed string");
    assert_eq!(d["message"], "this string is not closed");
}

#[test]
fn unknown_references_carry_a_suggestion() {
    let v = json("tests/fixtures/unknown-reference.toml");
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "unknown-reference");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(16), Some(16))
    );
    assert_eq!(d["help"], "did you mean `example-council`?");
    let duplicate = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-id")
        .unwrap();
    assert_eq!(duplicate["line"], 20);
    assert_eq!(
        duplicate["labels"][0]["line"], 7,
        "the first declaration is labelled"
    );
}
