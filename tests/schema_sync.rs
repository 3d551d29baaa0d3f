//! The committed JSON Schema is the generated one. Set MASA_UPDATE_SCHEMA=1 to rewrite it.

mod common;

use masa::model::schema::{SCHEMA_PATH, arrangements_schema_text};

#[test]
fn committed_schema_is_up_to_date() {
    let path = common::root().join(SCHEMA_PATH);
    let generated = arrangements_schema_text();
    if std::env::var_os("MASA_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("schema written");
    }
    let committed =
        std::fs::read_to_string(&path).expect("schemas/arrangements.schema.json exists");
    assert!(
        committed == generated,
        "{SCHEMA_PATH} is out of date: run `MASA_UPDATE_SCHEMA=1 cargo test --test schema_sync` (or `cargo run -- schema > {SCHEMA_PATH}`)"
    );
    // The structure stage validates against the copy built in at compile time; after an update
    // above, the next build picks up the new file.
    assert!(
        masa::model::schema::COMMITTED_SCHEMA == generated,
        "the schema built into masa differs from the generated one: run `cargo test` again after updating {SCHEMA_PATH}"
    );
}

#[test]
fn schema_is_draft_07_for_editors() {
    let schema: serde_json::Value = serde_json::from_str(&arrangements_schema_text()).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["additionalProperties"], false);
    assert!(
        schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "partnership")
    );
}
