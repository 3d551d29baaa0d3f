//! The command line: exit codes 0 / 1 / 2, formats, defaults.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn masa() -> Command {
    let mut cmd = Command::cargo_bin("masa").expect("binary built");
    cmd.current_dir(common::root())
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100");
    cmd
}

#[test]
fn a_clean_file_exits_0() {
    masa()
        .args([
            "check",
            "arrangements/example/northmoor.toml",
            "--today",
            "2026-11-22",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "checked 1 file: no problems found",
        ));
}

#[test]
fn a_syntax_error_exits_1_with_line_and_column() {
    masa()
        .args([
            "check",
            "tests/fixtures/syntax-error.toml",
            "--color",
            "never",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "tests/fixtures/syntax-error.toml:6:11",
        ))
        .stdout(predicate::str::contains("toml-syntax"));
}

#[test]
fn a_missing_path_exits_2_with_a_clear_message() {
    masa()
        .args(["check", "no/such/file.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot check `no/such/file.toml`: no such file or directory",
        ));
}

#[test]
fn bad_arguments_exit_2() {
    masa().args(["check", "--format", "yaml"]).assert().code(2);
    masa()
        .args(["check", "--today", "2025-02-30"])
        .assert()
        .code(2);
    masa().args(["frobnicate"]).assert().code(2);
}

#[test]
fn no_path_and_no_arrangements_directory_exits_2() {
    let empty = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("masa").unwrap();
    cmd.current_dir(empty.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no `arrangements/` directory"));
}

#[test]
fn no_path_checks_the_bundled_arrangements() {
    let output = masa().args(["check", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let files = v["files"].as_array().unwrap();
    assert!(!files.is_empty());
    assert!(
        files
            .iter()
            .all(|f| f["path"].as_str().unwrap().starts_with("arrangements"))
    );
    assert!(files.iter().any(|f| {
        f["path"]
            .as_str()
            .unwrap()
            .ends_with("central-bedfordshire.toml")
    }));
}

#[test]
fn json_output_of_a_directory_lists_files_in_path_order() {
    let output = masa()
        .args(["check", "tests/fixtures", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(v["summary"]["files"], paths.len());
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let coloured = masa()
        .args([
            "check",
            "tests/fixtures/syntax-error.toml",
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\u{1b}'));
    let plain = masa()
        .args([
            "check",
            "tests/fixtures/syntax-error.toml",
            "--color",
            "auto",
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'));
}

#[test]
fn quiet_leaves_out_the_summary() {
    masa()
        .args([
            "check",
            "arrangements/example/northmoor.toml",
            "--quiet",
            "--today",
            "2026-11-22",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let committed =
        std::fs::read_to_string(common::root().join("schemas/arrangements.schema.json")).unwrap();
    masa().arg("schema").assert().code(0).stdout(committed);
}

#[test]
fn an_invalid_configuration_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("masa.toml");
    std::fs::write(&config, "[lints]\ncdr-partners = \"allow\"\n").unwrap();
    masa()
        .args(["check", "arrangements/example/northmoor.toml", "--config"])
        .arg(&config)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "allows `cdr-partners` without a reason",
        ));
}

#[test]
fn deny_warnings_and_config_levels_decide_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-chair.toml");
    let example =
        std::fs::read_to_string(common::root().join("arrangements/example/northmoor.toml"))
            .unwrap();
    let start = example.find("[chair]").unwrap();
    let end = start + example[start..].find("\n\n").unwrap();
    std::fs::write(&file, format!("{}{}", &example[..start], &example[end..])).unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = masa();
        cmd.args(["check", "--today", "2026-11-22"])
            .arg(&file)
            .args(extra);
        cmd.output().unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(0), "a warning alone passes");
    assert_eq!(run(&["--deny-warnings"]).status.code(), Some(1));
    let config = dir.path().join("deny.toml");
    std::fs::write(&config, "[lints]\npartnership-chair-named = \"deny\"\n").unwrap();
    assert_eq!(
        run(&["--config", config.to_str().unwrap()]).status.code(),
        Some(1)
    );
    std::fs::write(&config, "[lints]\npartnership-chair-named = { level = \"allow\", reason = \"chair appointed next month\" }\n").unwrap();
    let allowed = run(&["--config", config.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(
        allowed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&allowed.stdout)
    );
}

#[test]
fn rules_and_explain() {
    let output = masa().args(["rules", "--format", "json"]).output().unwrap();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(rules.len() > 50);
    assert!(rules.iter().all(
        |r| r["citation"].as_str().is_some_and(|c| !c.is_empty()) && r["severity"].is_string()
    ));
    // Every id a user can see is listed once: the pipeline's checks too, marked as such.
    let ids: std::collections::HashSet<&str> =
        rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids.len(), rules.len(), "an id is listed twice");
    for check in masa::Check::ALL {
        let row = rules
            .iter()
            .find(|r| r["id"] == check.id())
            .unwrap_or_else(|| panic!("{} is not listed", check.id()));
        assert_eq!(row["kind"], "pipeline");
        assert_eq!(row["configurable"], false);
    }
    assert!(
        rules
            .iter()
            .filter(|r| r["kind"] == "rule")
            .all(|r| r["configurable"] == true)
    );
    masa()
        .args(["explain", "unknown-reference"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("cannot be changed in [lints]"));
    masa()
        .args(["explain", "funding-total"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Why it matters"));
    masa()
        .args(["explain", "funding-totl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `funding-total`?"));
}

#[test]
fn sarif_and_github_formats_from_the_command_line() {
    let out = masa()
        .args([
            "check",
            "tests/fixtures/three-problems.toml",
            "--format",
            "sarif",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let log: serde_json::Value = serde_json::from_slice(&out).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);
    masa()
        .args([
            "check",
            "tests/fixtures/three-problems.toml",
            "--format",
            "github",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "::error file=tests/fixtures/three-problems.toml,line=",
        ));
}

#[test]
fn explain_covers_the_pipeline_checks_too() {
    masa()
        .args(["explain", "toml-syntax"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("not valid TOML"));
}

#[test]
fn init_writes_a_starter_that_check_reads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.toml");
    let file_arg = file.to_str().unwrap();
    masa()
        .args(["init", file_arg, "--area", "Northmoor"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("fill in each TODO"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("name = \"Northmoor Safeguarding Children Partnership\""));
    // The starter parses and passes the structure stage; the rules report what is left to do.
    // Its TODOs are placeholders (warnings, by the severity policy), so only --deny-warnings
    // fails it.
    masa()
        .args(["check", file_arg, "--deny-warnings", "--quiet"])
        .assert()
        .code(1);
    let out = masa()
        .args(["check", file_arg, "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"placeholder-text"), "{rules:?}");
    assert!(
        !rules
            .iter()
            .any(|r| ["schema", "toml-syntax", "unknown-reference"].contains(r))
    );
    // A second init to the same path refuses and leaves the file alone.
    std::fs::write(&file, "mine").unwrap();
    masa()
        .args(["init", file_arg])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

/// Runs masa with stdout going to `out`, and returns (exit code, stderr).
#[cfg(unix)]
fn run_with_stdout(args: &[&str], out: std::process::Stdio) -> (i32, String) {
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("masa"))
        .current_dir(common::root())
        .args(args)
        .stdout(out)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("masa runs");
    (
        output.status.code().expect("not killed by a signal"),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A report that cannot be written (a full disk) is a failure to run, not a pass: `masa check
/// --format sarif > masa.sarif` on a full disk must not leave an empty file behind exit 0.
#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_exits_2() {
    let clean = [
        "check",
        "arrangements/example/northmoor.toml",
        "--today",
        "2026-11-22",
    ];
    for args in [
        &clean[..],
        &[&clean[..], &["--format", "sarif"]].concat(),
        &[&clean[..], &["--format", "json"]].concat(),
        &["rules"],
        &["rules", "--format", "markdown"],
        &["schema"],
        &["explain", "funding-total"],
        &["explain", "toml-syntax"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let (code, stderr) = run_with_stdout(args, full.into());
        assert_eq!(code, 2, "masa {args:?}: {stderr}");
        assert!(
            stderr.contains("masa: cannot write the report: No space left on device"),
            "masa {args:?}: {stderr}"
        );
    }
}

/// A reader that stops early (`masa check | head -1`) is not an error.
#[cfg(unix)]
#[test]
fn a_closed_pipe_stays_quiet() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("masa"))
        .current_dir(common::root())
        .args(["schema"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("masa runs");
    drop(child.stdout.take()); // closed before masa writes
    let output = child.wait_with_output().expect("masa ends");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{:?}", output.stderr);
}

/// `masa init` never writes a file `masa check` then refuses: an area's name of 20,000
/// characters made a line past the line limit.
#[test]
fn init_refuses_an_area_name_check_could_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.toml");
    let area = "x".repeat(20_000);
    masa()
        .args(["init", file.to_str().unwrap(), "--area", &area])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the area's name is 20000 characters long, more than the limit of 200",
        ));
    assert!(!file.exists());
}
