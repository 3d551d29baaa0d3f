//! `masa check --fix`, `--diff` and `--unsafe-fixes` on copies of a file with known defects
//! (tests/fixtures/fix/defects.toml): what is fixed, what is kept (comments, alignment, the
//! byte order mark, CRLF), what is left for a person, and that every rule's declared fix is
//! the one its findings carry.

use std::path::Path;

use assert_cmd::Command;

const DEFECTS: &str = include_str!("fixtures/fix/defects.toml");

fn masa(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("masa").expect("binary built");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .args(["check", "--today", "2026-12-01"]);
    cmd
}

fn copy(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("defects.toml"), text).expect("write");
    dir
}

fn rules_reported(dir: &Path) -> Vec<String> {
    let out = masa(dir)
        .args(["defects.toml", "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn diff_shows_the_safe_fixes_and_writes_nothing() {
    let dir = copy(DEFECTS);
    let out = masa(dir.path())
        .args(["--diff", "defects.toml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "there is something to fix");
    let diff = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("fix_diff", diff);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("would apply 5 fixes in 1 file"), "{stderr}");
    assert!(
        stderr.contains("1 more fix is available with --unsafe-fixes"),
        "{stderr}"
    );
    let after = std::fs::read_to_string(dir.path().join("defects.toml")).unwrap();
    assert_eq!(after, DEFECTS, "--diff writes nothing");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
}

#[test]
fn fix_writes_the_safe_fixes_keeps_the_layout_and_leaves_the_facts() {
    let dir = copy(DEFECTS);
    let before = rules_reported(dir.path());
    assert!(before.contains(&"toml-syntax".to_owned()), "{before:?}");
    let out = masa(dir.path())
        .args(["--fix", "defects.toml"])
        .output()
        .expect("runs");
    // The total that does not add up is an error a person must resolve: exit 1.
    assert_eq!(out.status.code(), Some(1));
    let fixed = std::fs::read_to_string(dir.path().join("defects.toml")).unwrap();
    // Comments and hand alignment are kept: only the fixed places changed.
    let changed: Vec<(&str, &str)> = DEFECTS
        .lines()
        .zip(fixed.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            (
                "name = “Example Safeguarding Children Partnership”   # typed in a word processor",
                "name = \"Example Safeguarding Children Partnership\"   # typed in a word processor"
            ),
            ("publshed = 2025-01-10", "published = 2025-01-10"),
            (
                "agreed_by = \"The Lead Strategic Partners (LSPs)\"",
                "agreed_by = \"The Lead Safeguarding Partners (LSPs)\""
            ),
            (
                "name = \"National Child Safeguarding Practice Review Panel\"",
                "name = \"Child Safeguarding Practice Review Panel\""
            ),
            (
                "chair = \"Director of Children's Services\"",
                "chair = \"dcs\""
            ),
        ]
    );
    assert_eq!(DEFECTS.lines().count(), fixed.lines().count());
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The report that follows is of what remains: the facts a person must decide.
    assert!(stdout.contains("funding-total"), "{stdout}");
    assert!(stdout.contains("guidance-edition-current"), "unsafe: left");
    let after = rules_reported(dir.path());
    for gone in ["toml-syntax", "schema", "acronym-expansion", "panel-name"] {
        assert!(!after.contains(&gone.to_owned()), "{gone} left: {after:?}");
    }
    assert!(after.contains(&"funding-total".to_owned()));
    assert!(fixed.contains("stated_total = \"£1,500\"   # the total as published"));

    // A second run has nothing to do.
    let again = masa(dir.path())
        .args(["--fix", "defects.toml"])
        .output()
        .expect("runs");
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("nothing to fix")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("defects.toml")).unwrap(),
        fixed
    );
}

#[test]
fn unsafe_fixes_move_the_edition_only_when_asked() {
    let dir = copy(DEFECTS);
    masa(dir.path())
        .args(["--fix", "--unsafe-fixes", "defects.toml"])
        .assert()
        .code(1);
    let fixed = std::fs::read_to_string(dir.path().join("defects.toml")).unwrap();
    assert!(fixed.contains("guidance_edition = \"wt2023\""), "{fixed}");
    let after = rules_reported(dir.path());
    assert!(
        !after.contains(&"guidance-edition-current".to_owned()),
        "{after:?}"
    );
    // Alone, --unsafe-fixes is a mistake, not a silent no-op.
    masa(dir.path())
        .args(["--unsafe-fixes", "defects.toml"])
        .assert()
        .code(2);
}

#[test]
fn a_fixed_file_keeps_its_byte_order_mark_and_line_endings() {
    let text = format!(
        "\u{FEFF}{}",
        "schema_version = 1\r\n[partnership]\r\nname = \"Example Safeguarding Children Partnership\"\r\npublshed = 2025-01-10 # kept\r\n"
    );
    let dir = copy(&text);
    // The rules' findings (sections missing) remain: only the key was a fix.
    masa(dir.path())
        .args(["--fix", "defects.toml"])
        .assert()
        .code(1);
    let fixed = std::fs::read(dir.path().join("defects.toml")).unwrap();
    assert_eq!(
        String::from_utf8(fixed).unwrap(),
        text.replace("publshed", "published")
    );
}

#[test]
fn a_file_with_only_facts_to_decide_is_not_written() {
    let rule = masa::rules::find("funding-total").unwrap();
    let example = masa::rules::docs::example_text(rule.meta().fails);
    let dir = copy(example);
    let path = dir.path().join("defects.toml");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    masa(dir.path())
        .args(["--fix", "defects.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("nothing to fix"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), example);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

/// Each rule says whether it has a fix and whether it is safe (`masa rules`, `masa explain`,
/// docs/rules.md): its failing example's findings carry exactly that, and no rule that says
/// it has none carries one.
#[test]
fn every_rules_declared_fix_is_the_one_its_findings_carry() {
    let options = masa::Options {
        today: masa::Day::new(2026, 12, 1).unwrap(),
        ..masa::Options::default()
    };
    for rule in masa::rules::catalog() {
        let m = rule.meta();
        let files = masa::rules::docs::example_files(m.fails);
        let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
        let report = masa::check_sources(&sources, &options);
        let fixes: Vec<masa::diag::Applicability> = report
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.rule == m.id)
            .filter_map(|d| d.fix.as_ref().map(|f| f.applicability))
            .collect();
        match m.fix {
            Some(declared) => {
                assert!(!fixes.is_empty(), "{}: its example carries no fix", m.id);
                assert!(fixes.iter().all(|f| *f == declared), "{}: {fixes:?}", m.id);
            }
            None => assert!(
                fixes.is_empty(),
                "{} declares no fix but carries {fixes:?}",
                m.id
            ),
        }
    }
}

mod properties {
    //! Fixing never panics, never makes a file worse, and reaches a fixed point: on text made
    //! of TOML's pieces and the typographic characters word processors put in.

    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "schema_version = 1\n",
            "[partnership]\n",
            "name = ",
            "publshed = 2025-01-10\n",
            "guidance_edition = \"wt2018\"\n",
            "agreed_by = \"the Lead Strategic Partner\"\n",
            "[[organisations]]\nid = \"p\"\nname = \"National Child Safeguarding Practice Review Panel\"\nkind = \"national_body\"\n",
            "[[roles]]\nid = \"dcs\"\ntitle = \"Director\"\n",
            "[[groups]]\nid = \"g\"\nname = \"G\"\nchair = \"Director\"\n",
            "“", "”", "\"", "'", "\u{a0}", "\u{202f}", " = ", "=", "\n", "\r\n", "#", "\\", "£",
            "\"\"\"", "[", "]", "x",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn fixing_is_safe_and_reaches_a_fixed_point(pieces in prop::collection::vec(piece(), 0..40)) {
            let text = pieces.concat();
            let options = masa::Options {
                today: masa::Day::new(2026, 12, 1).unwrap(),
                ..masa::Options::default()
            };
            let mode = masa::fix::FixMode { unsafe_fixes: true };
            let once = masa::fix::fix_text("p.toml", &text, &options, mode);
            let twice = masa::fix::fix_text("p.toml", &once.text, &options, mode);
            prop_assert_eq!(&twice.text, &once.text, "a second run changed the text of:\n{}", text);
            if once.applied.is_empty() {
                prop_assert_eq!(&once.text, &text);
            }
        }
    }
}

#[test]
fn a_check_says_what_fix_would_mend() {
    let dir = copy(&DEFECTS.replace(['“', '”'], "\""));
    let out = masa(dir.path()).arg("defects.toml").output().expect("runs");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("masa: 2 findings can be fixed with `masa check --fix`"),
        "{stderr}"
    );
    // --quiet and the machine formats say nothing of it.
    let out = masa(dir.path())
        .args(["defects.toml", "--quiet"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8(out.stderr).unwrap().contains("--fix"));
}

#[test]
fn json_output_carries_each_fix_with_its_edits() {
    let dir = copy(&DEFECTS.replace(['“', '”'], "\""));
    let out = masa(dir.path())
        .args(["defects.toml", "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let key = diagnostics
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("publshed"))
        .expect("the misspelt key");
    assert_eq!(
        key["fix"],
        serde_json::json!({
            "title": "rename `publshed` to `published`",
            "applicability": "safe",
            "edits": [{ "line": 7, "column": 1, "end_line": 7, "end_column": 9, "replacement": "published" }]
        })
    );
    // A finding without a fix has no `fix` key at all: the total that does not add up.
    let rule = masa::rules::find("funding-total").unwrap();
    let facts = copy(masa::rules::docs::example_text(rule.meta().fails));
    let out = masa(facts.path())
        .args(["defects.toml", "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let total = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "funding-total")
        .expect("funding-total");
    assert!(total.get("fix").is_none(), "{total}");
}

#[test]
fn a_path_that_cannot_be_read_is_exit_2_with_diff_and_with_fix() {
    let dir = copy(DEFECTS);
    for mode in ["--diff", "--fix"] {
        masa(dir.path())
            .args([mode, "defects.toml", "missing.toml"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("cannot check `missing.toml`"));
    }
}
