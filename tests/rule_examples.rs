//! Every rule's documented examples run: the failing example gives at least one finding of that
//! rule, the passing one none, and neither is invalid (a file the pipeline rejects never reaches
//! the rules, so it would prove nothing). The examples are exactly what `masa explain` and
//! docs/rules.md show, split into files by `masa::rules::docs::example_files`.

use masa::model::{LintLevel, LintSetting};
use masa::rules::docs::{EXAMPLE_TODAY, example_files};
use masa::rules::levels::ProjectLints;
use masa::{Day, Options, Report};

/// The pipeline's checks that mean an example is not a valid file.
const INVALID: &[&str] = &[
    "toml-syntax",
    "file-too-large",
    "schema",
    "unknown-reference",
    "duplicate-id",
    "lint-config",
];

/// The catalog, with every rule that is off by default (law not yet in force) turned on.
fn options() -> Options {
    let mut lints = ProjectLints::default();
    for rule in masa::rules::catalog() {
        if !rule.meta().enabled {
            lints.set(
                rule.meta().id,
                LintSetting {
                    level: LintLevel::Warn,
                    reason: None,
                },
            );
        }
    }
    Options {
        today: EXAMPLE_TODAY,
        lints,
        ..Options::default()
    }
}

/// Checks an example's files together, or says why it cannot be run as the rule needs.
fn run(example: &str, across_files: bool, options: &Options) -> Result<Report, String> {
    let files = example_files(example);
    if files.iter().any(|(name, _)| name.is_empty()) {
        return Err("has text before its first `# file:` line".into());
    }
    if across_files && files.len() < 2 {
        return Err("is one file, but the rule compares several".into());
    }
    if !across_files && files.len() != 1 {
        return Err(format!("is {} files, but the rule judges one", files.len()));
    }
    let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    Ok(masa::check_sources(&sources, options))
}

/// `file: rule: message` for each finding, for failure messages.
fn findings(report: &Report, only: impl Fn(&str) -> bool) -> Vec<String> {
    report
        .files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .filter(|d| only(&d.rule))
                .map(move |d| format!("{}: {}: {}", f.path, d.rule, d.message))
        })
        .collect()
}

#[test]
fn the_examples_are_judged_as_at_a_fixed_day() {
    assert_eq!(Some(EXAMPLE_TODAY), Day::new(2026, 12, 1));
    use masa::rules::docs::{
        EXAMPLE_CONVENTION, EXAMPLE_CONVENTION_ACROSS_FILES, EXAMPLE_TODAY_ARG,
    };
    assert_eq!(EXAMPLE_TODAY_ARG, EXAMPLE_TODAY.to_string());
    for said in [EXAMPLE_CONVENTION, EXAMPLE_CONVENTION_ACROSS_FILES] {
        assert!(
            said.contains(&format!("--today {EXAMPLE_TODAY_ARG}")),
            "{said}"
        );
    }
}

#[test]
fn every_rules_failing_example_fails_and_passing_example_passes() {
    let options = options();
    let mut problems = Vec::new();
    let catalog = masa::rules::catalog();
    for rule in &catalog {
        let m = rule.meta();
        for (which, example, should_find) in [("fails", m.fails, true), ("passes", m.passes, false)]
        {
            let report = match run(example, rule.across_files(), &options) {
                Ok(report) => report,
                Err(why) => {
                    problems.push(format!("{}: `{which}` example {why}", m.id));
                    continue;
                }
            };
            let invalid = findings(&report, |r| INVALID.contains(&r));
            if !invalid.is_empty() {
                problems.push(format!(
                    "{}: `{which}` example is not a valid file, so the rules never run: {}",
                    m.id,
                    invalid.join("; ")
                ));
                continue;
            }
            let own = findings(&report, |r| r == m.id);
            if should_find && own.is_empty() {
                problems.push(format!(
                    "{}: `fails` example gives no finding of the rule (it gives: {})",
                    m.id,
                    findings(&report, |_| true).join("; ")
                ));
            }
            if !should_find && !own.is_empty() {
                problems.push(format!(
                    "{}: `passes` example gives findings of the rule: {}",
                    m.id,
                    own.join("; ")
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} rules' examples do not behave as documented:\n{}",
        problems.len(),
        catalog.len(),
        problems.join("\n")
    );
}

#[test]
fn examples_split_into_the_files_they_show() {
    use masa::rules::docs::example_files;
    assert_eq!(
        example_files("\nschema_version = 1\n"),
        vec![("example.toml", "schema_version = 1")]
    );
    assert_eq!(
        example_files("\n# file: a.toml\nx = 1\n\n# file: b.toml\ny = 2\n"),
        vec![("a.toml", "x = 1\n\n"), ("b.toml", "y = 2")]
    );
    assert_eq!(
        example_files("x = 1\n# file: b.toml\ny = 2"),
        vec![("", "x = 1\n"), ("b.toml", "y = 2")]
    );
}
