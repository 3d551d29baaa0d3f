//! `masa init`: the edition in force on the day, a `#:schema` line that resolves from where the
//! file is written, and a starter that does not pass the rules it has not answered.

use std::path::Path;

use assert_cmd::Command;

fn masa(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("masa").unwrap();
    c.current_dir(dir).env_remove("NO_COLOR");
    c
}

/// The rules `masa check` reports on a file, as (rule, severity).
fn findings(dir: &Path, file: &str) -> Vec<(String, String)> {
    let out = masa(dir)
        .args(["check", "--today", "2026-12-03", "--format", "json", file])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_starter_follows_the_edition_in_force_on_the_day() {
    for (today, edition) in [
        ("2026-12-03", "wt2026"),
        ("2026-03-19", "wt2026"),
        ("2025-06-01", "wt2023"),
        ("2019-01-01", "wt2018"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        masa(dir.path())
            .args(["init", "a.toml", "--area", "Northmoor", "--today", today])
            .assert()
            .code(0);
        let text = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
        assert!(
            text.contains(&format!("guidance_edition = \"{edition}\"")),
            "{today}: {}",
            text.lines()
                .find(|l| l.starts_with("guidance_edition"))
                .unwrap()
        );
    }
}

/// Where the project keeps no schema, it is written beside the new file and the `#:schema`
/// line names it relative to the file, as editors resolve it.
#[test]
fn the_schema_line_resolves_from_the_written_file() {
    let dir = tempfile::tempdir().unwrap();
    masa(dir.path())
        .args(["init", "--area", "Northmoor", "--today", "2026-12-03"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "arrangements/arrangements.schema.json",
        ));
    let file = dir.path().join("arrangements/northmoor.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let first = text.lines().next().unwrap();
    let schema = first.strip_prefix("#:schema ").expect("a #:schema line");
    let resolved = file.parent().unwrap().join(schema);
    let written = std::fs::read_to_string(&resolved).expect("the schema is where the line says");
    let printed = masa(dir.path()).arg("schema").output().unwrap().stdout;
    assert_eq!(written.as_bytes(), printed, "the schema written is masa's");
    // A second file in the same directory uses the same schema, which is not written again.
    std::fs::write(&resolved, "{}").unwrap();
    masa(dir.path())
        .args(["init", "arrangements/other.toml", "--area", "Other"])
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&resolved).unwrap(), "{}");
    let other = std::fs::read_to_string(dir.path().join("arrangements/other.toml")).unwrap();
    assert!(other.starts_with("#:schema ./arrangements.schema.json\n"));
}

/// A project that keeps the schema in `schemas/` (as masa's own repository does) is pointed at it.
#[test]
fn a_project_schema_is_used_where_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schemas")).unwrap();
    std::fs::write(dir.path().join("schemas/arrangements.schema.json"), "{}").unwrap();
    masa(dir.path())
        .args(["init", "arrangements/area/new.toml", "--area", "Northmoor"])
        .assert()
        .code(0);
    let file = dir.path().join("arrangements/area/new.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let schema = text
        .lines()
        .next()
        .unwrap()
        .strip_prefix("#:schema ")
        .unwrap();
    assert_eq!(schema, "../../schemas/arrangements.schema.json");
    assert_eq!(
        file.parent().unwrap().join(schema).canonicalize().unwrap(),
        dir.path()
            .join("schemas/arrangements.schema.json")
            .canonicalize()
            .unwrap()
    );
    assert!(
        !dir.path()
            .join("arrangements/area/arrangements.schema.json")
            .exists()
    );
    // From a directory below the project's root, the project's schema is still found.
    masa(&dir.path().join("arrangements"))
        .args(["init", "other.toml", "--area", "Other"])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("arrangements/other.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ../schemas/arrangements.schema.json\n"),
        "{}",
        text.lines().next().unwrap()
    );
}

/// Every TODO filled with filler text (and the web addresses with real-looking ones) still
/// leaves the facts the starter does not answer reported: it pre-fills no compliant answers.
#[test]
fn a_starter_with_its_todos_filled_with_filler_does_not_pass() {
    let dir = tempfile::tempdir().unwrap();
    masa(dir.path())
        .args([
            "init",
            "a.toml",
            "--area",
            "Northmoor",
            "--today",
            "2026-12-03",
        ])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let filled: String = text
        .lines()
        .map(|line| {
            let Some(at) = line.find("\"TODO") else {
                return format!("{line}\n");
            };
            let end = line[at + 1..].find('"').map_or(line.len(), |i| at + i + 2);
            let key = line.split('=').next().unwrap().trim();
            let filler = if key == "url" || key == "website" {
                "\"https://www.northmoorscp.org.uk/arrangements\""
            } else {
                "\"The partnership does this in a documented way, reviewed every year.\""
            };
            format!("{}{filler}{}\n", &line[..at], &line[end..])
        })
        .collect();
    assert!(!filled.contains("\"TODO"), "{filled}");
    std::fs::write(dir.path().join("filled.toml"), &filled).unwrap();
    let found = findings(dir.path(), "filled.toml");
    let rules: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
    assert!(!rules.contains(&"placeholder-text"), "{rules:?}");
    for unanswered in [
        "published-date-present",
        "serious-incident-notification",
        "yearly-report-contents",
        "yearly-report-recipients",
        "funding-declared",
        "signature-complete",
    ] {
        assert!(rules.contains(&unanswered), "{unanswered} not in {rules:?}");
    }
    // The starter as written reads (no structural findings) and reports its placeholders.
    let found = findings(dir.path(), "a.toml");
    assert!(found.iter().any(|(r, _)| r == "placeholder-text"));
    assert!(
        !found
            .iter()
            .any(|(r, _)| ["schema", "toml-syntax", "unknown-reference"].contains(&r.as_str())),
        "{found:?}"
    );
}
