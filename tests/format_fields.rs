//! The format's optional fields for what documents across England say: other names, year-only
//! dates, several yearly reports, joint chairs, parts of organisations and documents published
//! beside the arrangements. Each is checked end to end (schema, model, references, rules).

mod common;

const HEAD: &str = r#"schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
also_called = ["ESCP"]
"#;

fn findings(source: &str) -> Vec<(String, String)> {
    let file = masa::check_source("t.toml", source.as_bytes(), &common::options());
    file.diagnostics
        .iter()
        .map(|d| (d.rule.to_string(), d.message.clone()))
        .collect()
}

fn rules(source: &str) -> Vec<String> {
    findings(source).into_iter().map(|(r, _)| r).collect()
}

const STRUCTURAL: &[&str] = &["schema", "unknown-reference", "duplicate-id", "toml-syntax"];

#[test]
fn every_new_field_is_accepted() {
    let source = format!(
        r#"{HEAD}document = "web_page"
published = 2024
updated = ["2025-09", 2026]

[[organisations]]
id = "council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "north-office"
name = "North Office"
kind = "other"
part_of = "council"

[[roles]]
id = "dcs"
title = "Director of Children's Services"
also_called = ["DCS"]
[[roles]]
id = "superintendent"
title = "Superintendent"

[chair]
role = ["dcs", "superintendent"]
vice_chair = "superintendent"

[looked_after_children]
description = "Children in care are covered wherever they live."

[performance]
disproportionality = "Data are broken down by ethnicity."

[information_sharing]
data_sharing = "A data-sharing agreement between the partners."

[yearly_report]
contents = ["impact_evidence"]
[[yearly_report.reports]]
from = "2024-01"
to = 2024
title = "Annual report 2024"
published = 2025-06-30

[[groups]]
id = "board"
name = "Board"
chair = ["dcs", "superintendent"]
vice_chair = ["dcs"]
"#
    );
    let structural: Vec<_> = findings(&source)
        .into_iter()
        .filter(|(r, _)| STRUCTURAL.contains(&r.as_str()))
        .collect();
    assert!(structural.is_empty(), "{structural:#?}");
}

#[test]
fn new_references_are_resolved() {
    let source = format!(
        r#"{HEAD}
[[organisations]]
id = "north-office"
name = "North Office"
kind = "other"
part_of = "councl"

[[roles]]
id = "dcs"
title = "Director"

[chair]
role = ["dcs", "ghost"]
vice_chair = "nobody"

[[groups]]
id = "board"
name = "Board"
vice_chair = ["spectre"]
"#
    );
    let unknown: Vec<String> = findings(&source)
        .into_iter()
        .filter(|(r, _)| r == "unknown-reference")
        .map(|(_, m)| m)
        .collect();
    for key in [
        "organisations.part_of",
        "chair.role",
        "chair.vice_chair",
        "groups.vice_chair",
    ] {
        assert!(
            unknown.iter().any(|m| m.contains(key)),
            "{key} not resolved: {unknown:#?}"
        );
    }
}

#[test]
fn the_most_recent_of_several_reports_is_the_latest() {
    // `latest` is two years old, but a later report is recorded under `reports`.
    let source = format!(
        r#"{HEAD}
[yearly_report.latest]
period = "2023/24"
published = 2024-09-30
[[yearly_report.reports]]
period = "2025/26"
published = 2026-09-30
"#
    );
    assert!(!rules(&source).contains(&"yearly-report-frequency".to_owned()));
    assert!(!rules(&source).contains(&"yearly-report-deadline".to_owned()));
    // Only the old report: the 12-month duty is reported, with the date as written.
    let old = format!("{HEAD}\n[yearly_report.latest]\npublished = 2024\n");
    let found = findings(&old);
    let frequency = found
        .iter()
        .find(|(r, _)| r == "yearly-report-frequency")
        .expect("an old report is reported");
    assert!(
        frequency.1.contains("published on 2024,"),
        "{}",
        frequency.1
    );
}

#[test]
fn every_chair_of_a_joint_chair_is_judged() {
    let source = format!(
        r#"{HEAD}guidance_edition = "wt2023"
[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"
[[roles]]
id = "dcs"
title = "Director"

[chair]
role = ["dcs", "independent-scrutineer"]

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#
    );
    let found = findings(&source);
    assert!(
        found
            .iter()
            .any(|(r, m)| r == "chair-scrutiny-separate" && m.contains("also the independent")),
        "{found:#?}"
    );
    let not_dsp = found
        .iter()
        .filter(|(r, _)| r == "partnership-chair-is-dsp")
        .count();
    assert_eq!(not_dsp, 2);
}

#[test]
fn a_year_is_shown_as_written() {
    let source =
        format!("{HEAD}guidance_edition = \"wt2023\"\nagreed = 2024\nupdated = [\"2025-09\"]\n");
    let found = findings(&source);
    let signoff = found
        .iter()
        .find(|(r, _)| r == "signoff-covers-latest-update")
        .expect("an update after the year it was agreed in is reported");
    assert!(signoff.1.contains("(2024)"), "{}", signoff.1);
    // An update within the year agreed is covered.
    let within =
        format!("{HEAD}guidance_edition = \"wt2023\"\nagreed = 2024\nupdated = [\"2024-09\"]\n");
    assert!(!rules(&within).contains(&"signoff-covers-latest-update".to_owned()));
}
