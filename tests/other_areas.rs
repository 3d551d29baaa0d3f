//! Real arrangements from outside Bedfordshire (tests/other-areas/): each file's human report,
//! snapshot-tested with colour off and today = 2026-12-01 (every finding has its verdict in
//! tests/other-areas/README.md), and the findings judged real defects asserted by rule id, so a
//! change that loses one fails here as well as in the snapshot.

mod common;

use masa::{Day, Options, Report};

const FILES: &[&str] = &[
    "tests/other-areas/devon.toml",
    "tests/other-areas/oxfordshire.toml",
];

/// The review's "today".
fn options() -> Options {
    Options {
        today: Day::new(2026, 12, 1).expect("a real date"),
        ..Options::default()
    }
}

fn check(relative: &str) -> Report {
    let bytes = std::fs::read(common::root().join(relative)).expect("fixture exists");
    Report {
        files: vec![masa::check_source(relative, &bytes, &options())],
        unreadable: vec![],
    }
}

/// The rule ids of a file's findings whose message contains `words`.
fn fired(report: &Report, rule: &str, words: &str) -> bool {
    report.files[0]
        .diagnostics
        .iter()
        .any(|d| d.rule == rule && d.message.contains(words))
}

#[test]
fn each_other_area_human_report() {
    for file in FILES {
        let report = check(file);
        let name = file.trim_start_matches("tests/other-areas/");
        insta::assert_snapshot!(format!("human@{name}"), common::human(&report));
    }
}

#[test]
fn no_other_area_file_has_a_structural_finding() {
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
    for file in FILES {
        let report = check(file);
        let structural: Vec<_> = report.files[0]
            .diagnostics
            .iter()
            .filter(|d| STRUCTURAL.contains(&d.rule.as_str()))
            .map(|d| (&d.rule, &d.message))
            .collect();
        assert!(structural.is_empty(), "{file}: {structural:#?}");
    }
}

/// The findings judged defects in tests/other-areas/README.md.
#[test]
fn the_defects_found_in_other_areas_stay_found() {
    let oxfordshire = check("tests/other-areas/oxfordshire.toml");
    // "Working Together, came into force on 29 June 2018", described as the guidance in force.
    assert!(fired(
        &oxfordshire,
        "guidance-edition-current",
        "Working Together to Safeguard Children 2018 is cited as current"
    ));
    // "…across chief officers in the county council, the clinical commissioning group and the
    // police."
    assert!(fired(
        &oxfordshire,
        "obsolete-title",
        "clinical commissioning group"
    ));
    // "The Children and Social Work Act 2017 presented the option for replacing Local
    // Safeguarding Children Boards".
    assert!(fired(
        &oxfordshire,
        "false-statement-of-law",
        "presented the option for replacing"
    ));
    // "Integrated Care Board Buckinghamshire, Oxfordshire, and Berkshire West" as a partner
    // after 2026-04-01.
    assert!(fired(
        &oxfordshire,
        "safeguarding-partner-body-current",
        "Integrated Care Board Buckinghamshire, Oxfordshire, and Berkshire West"
    ));

    let devon = check("tests/other-areas/devon.toml");
    // "…recommendations from Serious Case Reviews (SCRs), rapid reviews and child death reviews."
    assert!(fired(&devon, "obsolete-title", "Serious Case Review"));
    // "This includes education settings, the voluntary sector and specialist services."
    assert!(fired(
        &devon,
        "relevant-agency-scheduled",
        "specialist services"
    ));
}
