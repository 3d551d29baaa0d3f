//! The command-line conventions users know from ruff and cargo (README, "Command line"):
//! `masa.toml` in a parent directory, `masa check -` with `--stdin-filename`, `--output-file`,
//! `.gitignore` and `--exclude` when walking directories, `--statistics`, `--watch` and
//! `--with-neighbours`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn masa(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("masa").unwrap();
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .timeout(Duration::from_secs(60));
    c
}

fn example() -> String {
    std::fs::read_to_string(common::root().join("arrangements/example/northmoor.toml")).unwrap()
}

/// The example with one unknown key: one `schema` error.
fn broken() -> String {
    example().replacen("[partnership]\n", "[partnership]\nnmae = \"typo\"\n", 1)
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("JSON")
}

fn paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect()
}

/// `masa.toml` is found in the current directory or the nearest one above it, as cargo finds
/// `Cargo.toml` and ruff finds `ruff.toml`.
#[test]
fn masa_toml_is_found_in_a_parent_directory() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("arrangements/area");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("a.toml"), broken()).unwrap();
    std::fs::write(
        dir.path().join("masa.toml"),
        "[lints]\nschema = { level = \"allow\", reason = \"testing\" }\n",
    )
    .unwrap();
    // From the directory of the file, two levels down: the configuration above is read (and
    // it is invalid: `schema` cannot be allowed), so masa says so and exits 2.
    masa(&sub)
        .args(["check", "a.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("masa.toml"));
    // A valid configuration above is applied.
    std::fs::write(
        dir.path().join("masa.toml"),
        "[lints]\nfunding-declared = { level = \"deny\", reason = \"we fund jointly\" }\n",
    )
    .unwrap();
    let mut no_funding = example();
    let start = no_funding.find("[funding]").unwrap();
    let end = no_funding[start..].find("# --- Structure").unwrap() + start;
    no_funding.replace_range(start..end, "");
    std::fs::write(sub.join("b.toml"), &no_funding).unwrap();
    let out = masa(&sub)
        .args([
            "check",
            "b.toml",
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report = json(&out.stdout);
    let funding: Vec<&serde_json::Value> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "funding-declared")
        .collect();
    assert_eq!(funding.len(), 1, "{report}");
    assert_eq!(
        funding[0]["severity"], "error",
        "denied by the masa.toml above"
    );
}

/// `masa check -` reads standard input, named by `--stdin-filename` in the report.
#[test]
fn standard_input_is_checked_under_its_given_name() {
    let dir = tempfile::tempdir().unwrap();
    masa(dir.path())
        .args([
            "check",
            "-",
            "--stdin-filename",
            "arrangements/northmoor.toml",
            "--color",
            "never",
            "--today",
            "2026-11-22",
        ])
        .write_stdin(broken())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[arrangements/northmoor.toml:"))
        .stdout(predicate::str::contains("unknown key `nmae`"));
    masa(dir.path())
        .args(["check", "-", "--today", "2026-11-22", "--quiet"])
        .write_stdin(example())
        .assert()
        .code(0);
    // The size limit holds for standard input too.
    masa(dir.path())
        .args(["check", "-", "--max-file-size", "100", "--format", "json"])
        .write_stdin(example())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("file-too-large"));
    // `-` with other paths is a usage error.
    masa(dir.path())
        .args(["check", "-", "a.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input"));
}

/// `--output-file` writes the report there (nothing on standard output); a file that cannot
/// be written is exit 2.
#[test]
fn the_report_goes_to_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), broken()).unwrap();
    masa(dir.path())
        .args([
            "check",
            "a.toml",
            "--format",
            "json",
            "--output-file",
            "report.json",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let report = json(&std::fs::read(dir.path().join("report.json")).unwrap());
    assert_eq!(report["summary"]["errors"], 1);
    masa(dir.path())
        .args(["check", "a.toml", "-o", "no/such/dir/report.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot write the report to `no/such/dir/report.txt`: no such file or directory",
        ));
}

/// `masa check .` in a repository: `.gitignore` is respected (with or without git), hidden
/// directories and `target/` are skipped, `--exclude` leaves out more, `--no-ignore` reads all.
#[test]
fn directories_are_walked_with_gitignore_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in [
        "arrangements",
        "arrangements/archive",
        "build",
        ".git",
        "target",
    ] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
    }
    std::fs::write(d.join("arrangements/a.toml"), example()).unwrap();
    std::fs::write(d.join("arrangements/b-draft.toml"), broken()).unwrap();
    std::fs::write(d.join("arrangements/archive/old.toml"), broken()).unwrap();
    std::fs::write(d.join("build/generated.toml"), broken()).unwrap();
    std::fs::write(d.join(".git/config.toml"), broken()).unwrap();
    std::fs::write(d.join("target/x.toml"), broken()).unwrap();
    std::fs::write(d.join(".gitignore"), "build/\n").unwrap();
    let walked = |args: &[&str]| {
        let out = masa(d)
            .args(["check", ".", "--today", "2026-11-22", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        paths(&json(&out.stdout))
    };
    assert_eq!(
        walked(&[]),
        [
            "./arrangements/a.toml",
            "./arrangements/archive/old.toml",
            "./arrangements/b-draft.toml"
        ]
    );
    assert_eq!(
        walked(&["--exclude", "archive/", "--exclude", "*-draft.toml"]),
        ["./arrangements/a.toml"]
    );
    assert_eq!(
        walked(&["--no-ignore", "--exclude", "arrangements/"]),
        ["./build/generated.toml"]
    );
    // A file named on the command line is checked whatever the ignore files say.
    let out = masa(d)
        .args([
            "check",
            "build/generated.toml",
            "--exclude",
            "build/",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(paths(&json(&out.stdout)), ["build/generated.toml"]);
}

/// `--statistics` counts findings per rule across every file, most first.
#[test]
fn statistics_count_findings_per_rule_across_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), broken()).unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        broken().replacen("[partnership]\n", "[partnership]\nwebiste = \"x\"\n", 1),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.toml"), example()).unwrap();
    let out = masa(dir.path())
        .args(["check", ".", "--statistics", "--today", "2026-11-22"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap(), @r"
        3  schema  error    in 2 files
    checked 3 files: 3 errors, 0 warnings, 0 infos
    ");
    let out = masa(dir.path())
        .args(["check", ".", "--statistics", "--format", "json"])
        .output()
        .unwrap();
    let rows = json(&out.stdout);
    assert_eq!(
        rows,
        serde_json::json!([{"rule": "schema", "severity": "error", "count": 3, "files": 2}])
    );
    masa(dir.path())
        .args(["check", ".", "--statistics", "--format", "sarif"])
        .assert()
        .code(2);
}

/// `--with-neighbours` (the pre-commit hooks' mode): the checks across files see the other
/// files in the directory, and only the files named are reported.
#[test]
fn neighbours_are_context_for_the_checks_across_files() {
    let root = common::root();
    let alone = masa(&root)
        .args([
            "check",
            "arrangements/luton.toml",
            "--format",
            "json",
            "--today",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    let with = masa(&root)
        .args([
            "check",
            "arrangements/luton.toml",
            "--with-neighbours",
            "--format",
            "json",
            "--today",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    let across = |report: &serde_json::Value| {
        report["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"].as_str().unwrap().starts_with("cross-"))
            .count()
    };
    let (alone, with) = (json(&alone.stdout), json(&with.stdout));
    assert_eq!(paths(&with), ["arrangements/luton.toml"]);
    assert_eq!(across(&alone), 0);
    assert!(across(&with) > 0, "{with}");
}

/// `--watch` checks, then checks again when a file changes, until stopped.
#[cfg(unix)]
#[test]
fn watch_checks_again_after_a_change_and_can_be_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(&file, example()).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("masa"))
        .current_dir(dir.path())
        .args([
            "check",
            "--watch",
            ".",
            "--color",
            "never",
            "--today",
            "2026-11-22",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let tx2 = tx.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx2.send(line);
        }
    });
    let wait_for = |want: &str| {
        let end = Instant::now() + Duration::from_secs(30);
        while Instant::now() < end {
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
                if line.contains(want) {
                    return true;
                }
            }
        }
        false
    };
    assert!(
        wait_for("checked 1 file: no problems found"),
        "the first check"
    );
    // The watch is set up before the first check, so a write from now on is seen.
    std::fs::write(&file, broken()).unwrap();
    assert!(
        wait_for("checked 1 file: 1 error"),
        "checked again after the write"
    );
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "stopped");
}
