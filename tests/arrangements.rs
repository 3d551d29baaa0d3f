//! The bundled arrangements: each real document's findings, snapshot-tested in human and JSON
//! form with a fixed "today" (every finding has its verdict in arrangements/README.md), and
//! the findings across the Bedfordshire files.

mod common;

const REAL: &[&str] = &[
    "arrangements/bedford-borough.toml",
    "arrangements/central-bedfordshire-terms-of-reference-2018.toml",
    "arrangements/central-bedfordshire-web-page.toml",
    "arrangements/central-bedfordshire.toml",
    "arrangements/luton.toml",
];

/// Rule ids about a file's format rather than the law: none may fire on a bundled file.
const STRUCTURAL: &[&str] = &[
    "toml-syntax",
    "schema",
    "unknown-key",
    "wrong-type",
    "invalid-value",
    "missing-key",
    "unknown-reference",
    "duplicate-id",
    "lint-config",
    "unused-allow",
];

#[test]
fn every_seed_document_is_encoded() {
    for file in REAL.iter().chain(&["arrangements/example/northmoor.toml"]) {
        assert!(common::root().join(file).is_file(), "{file} is missing");
    }
}

#[test]
fn no_bundled_file_has_a_structural_finding() {
    for file in REAL.iter().chain(&["arrangements/example/northmoor.toml"]) {
        let report = common::check(file);
        let structural: Vec<_> = report.files[0]
            .diagnostics
            .iter()
            .filter(|d| STRUCTURAL.contains(&d.rule.as_str()))
            .map(|d| (&d.rule, &d.message))
            .collect();
        assert!(structural.is_empty(), "{file}: {structural:#?}");
    }
}

#[test]
fn each_real_document_human_and_json() {
    for file in REAL {
        let report = common::check(file);
        let name = file.trim_start_matches("arrangements/");
        insta::assert_snapshot!(format!("human@{name}"), common::human(&report));
        insta::assert_snapshot!(format!("json@{name}"), masa::report::json::render(&report));
    }
}

#[test]
fn the_bedfordshire_files_checked_together() {
    let report = masa::check_paths(&[common::root().join("arrangements")], &common::options());
    let mut lines = Vec::new();
    for f in &report.files {
        let index = f.line_index();
        let path = f.path.rsplit("arrangements/").next().unwrap_or(&f.path);
        for d in f
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("cross-"))
        {
            lines.push(format!(
                "{path}:{} {} {}: {}",
                index.range(&d.span).0.line,
                d.severity,
                d.rule,
                d.message
            ));
            for r in &d.related {
                let other = masa::report::LineIndex::of(r.source.inner());
                let rpath = r.path.rsplit("arrangements/").next().unwrap_or(&r.path);
                lines.push(format!(
                    "    see {rpath}:{} {}",
                    other.range(&r.span).0.line,
                    r.message
                ));
            }
        }
    }
    insta::assert_snapshot!("across-files", lines.join("\n"));
}
