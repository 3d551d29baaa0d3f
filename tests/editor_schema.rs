//! The committed schema works in the editors people use (README, "Editors"): dates are
//! `format: date` (tombi reads a TOML date as a date), a month given alone keeps its own
//! pattern, and every property's own description sits beside `anyOf: [{$ref}]`, where taplo's
//! hover shows it (taplo drops a description beside a bare `$ref` or an `allOf`).

use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(&masa::model::schema::arrangements_schema_text()).unwrap()
}

#[test]
fn full_dates_are_format_date_and_months_keep_their_pattern() {
    let schema = schema();
    let branches = schema["definitions"]["Date"]["anyOf"].as_array().unwrap();
    let full = branches
        .iter()
        .find(|b| b["format"] == "date")
        .expect("a branch with format: date");
    assert_eq!(full["type"], "string");
    let month = branches
        .iter()
        .find(|b| b["type"] == "string" && b.get("format").is_none())
        .expect("a branch for a month or a year, without format: date");
    let pattern = regex::Regex::new(month["pattern"].as_str().unwrap()).unwrap();
    assert!(pattern.is_match("2025-09") && pattern.is_match("2024"));
    assert!(!pattern.is_match("2025-09-27"));
    // Published dates refer to it.
    assert_eq!(
        schema["definitions"]["Partnership"]["properties"]["published"]["anyOf"][0]["$ref"],
        "#/definitions/Date"
    );
}

/// No `$ref` has siblings anywhere, and no property hides its description in an `allOf`.
#[test]
fn descriptions_sit_beside_any_of_refs() {
    fn walk(node: &Value, at: &str, bad: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if map.contains_key("$ref") && map.len() > 1 {
                    bad.push(format!("{at}: $ref with siblings"));
                }
                if let Some(Value::Object(properties)) = map.get("properties") {
                    for (name, p) in properties {
                        if p.get("allOf").is_some() && p.get("description").is_some() {
                            bad.push(format!("{at}/properties/{name}: description beside allOf"));
                        }
                    }
                }
                for (k, v) in map {
                    walk(v, &format!("{at}/{k}"), bad);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), bad);
                }
            }
            _ => {}
        }
    }
    let mut bad = Vec::new();
    walk(&schema(), "#", &mut bad);
    assert!(bad.is_empty(), "{bad:#?}");
    let schema = schema();
    let id = &schema["definitions"]["Organisation"]["properties"]["id"];
    assert_eq!(
        id["description"],
        "The id other parts of the file use for this organisation."
    );
    assert_eq!(id["anyOf"][0]["$ref"], "#/definitions/Id");
}

/// The date forms masa reads are the ones the schema admits, and the others are refused.
#[test]
fn the_schema_and_masa_agree_on_dates() {
    let check = |published: &str| {
        let toml = format!(
            "schema_version = 1\n[partnership]\nname = \"Example\"\npublished = {published}\n"
        );
        masa::check_source("t.toml", toml.as_bytes(), &masa::Options::default())
            .diagnostics
            .iter()
            .filter(|d| d.rule == "schema" || d.rule == "toml-syntax")
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    for good in [
        "2024-09-27",
        "\"2024-09-27\"",
        "\"2025-09\"",
        "2024",
        "\"2024\"",
    ] {
        assert!(check(good).is_empty(), "{good}: {:?}", check(good));
    }
    for (bad, says) in [
        ("\"2025-02-30\"", "that day does not exist"),
        ("\"27 September 2024\"", "is not a date"),
        ("24", "a year has four digits"),
        (
            "true",
            "should be a date such as 2024-09-27, not true/false",
        ),
        (
            "2024.5",
            "should be a date such as 2024-09-27, not a decimal number",
        ),
    ] {
        let found = check(bad);
        assert!(
            found.len() == 1 && found[0].contains(says),
            "{bad}: {found:?}"
        );
    }
}
