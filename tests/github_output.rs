//! `--format github`: one workflow command per finding, positions 1-based, text escaped.

mod common;

#[test]
fn one_command_per_finding_with_its_place() {
    let report = common::check("tests/fixtures/three-problems.toml");
    let out = masa::report::github::render(&report);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&masa::report::json::render(&report)).unwrap();
    for (line, d) in lines
        .iter()
        .zip(json["files"][0]["diagnostics"].as_array().unwrap())
    {
        let expected = format!(
            "::error file=tests/fixtures/three-problems.toml,line={},col={},endLine={},endColumn={},title=masa {}::",
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["rule"].as_str().unwrap()
        );
        assert!(line.starts_with(&expected), "{line}\nexpected {expected}");
        // The message is one line: newlines in help text are escaped.
        assert!(!line.contains('\n'));
    }
}

#[test]
fn severities_map_to_error_warning_and_notice() {
    let report = common::check("arrangements/central-bedfordshire.toml");
    let out = masa::report::github::render(&report);
    for prefix in ["::error ", "::warning ", "::notice "] {
        assert!(out.lines().any(|l| l.starts_with(prefix)), "no {prefix}");
    }
    // Help and citation ride along, escaped, after the message.
    assert!(out.contains("%0Ahelp: "));
    assert!(out.contains("%0Asource: "));
}

#[test]
fn a_clean_file_prints_nothing() {
    let report = common::check("arrangements/example/northmoor.toml");
    assert_eq!(masa::report::github::render(&report), "");
}
