//! The law in force on the day a document is judged as at decides which requirements apply,
//! not the edition the document claims (README "What is checked"; docs/rules.md, severity
//! policy).

use masa::{Day, Options, Severity};

fn check(text: &str, today: Day) -> Vec<(String, Severity, String)> {
    let options = Options {
        today,
        ..Options::default()
    };
    masa::check_source("doc.toml", text.as_bytes(), &options)
        .diagnostics
        .into_iter()
        .map(|d| (d.rule, d.severity, d.message))
        .collect()
}

fn day(y: i32, m: u8, d: u8) -> Day {
    Day::new(y, m, d).unwrap()
}

/// A combined chair and independent scrutineer: WT2023 para 63 separates them; WT2018 did not.
fn combined_chair(partnership: &str) -> String {
    format!(
        r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
{partnership}

[[roles]]
id = "independent-scrutineer"
title = "Independent Scrutineer"
kind = "independent_scrutineer"

[chair]
role = "independent-scrutineer"

[independent_scrutiny]
scrutineer = "independent-scrutineer"
"#
    )
}

fn fired(found: &[(String, Severity, String)], rule: &str) -> bool {
    found.iter().any(|(r, ..)| r == rule)
}

#[test]
fn a_current_document_claiming_wt2018_is_held_to_the_edition_in_force() {
    let doc = combined_chair("guidance_edition = \"wt2018\"\npublished = 2025-06-01");
    let found = check(&doc, day(2025, 11, 1));
    assert!(
        fired(&found, "chair-scrutiny-separate"),
        "WT2023 was in force in 2025: {found:?}"
    );
    assert!(fired(&found, "guidance-edition-current"), "{found:?}");
}

#[test]
fn a_record_is_judged_as_at_its_own_date_and_never_fails() {
    let doc = combined_chair(
        "guidance_edition = \"wt2018\"\npublished = 2019-06-29\nsuperseded_by = \"the 2024 arrangements\"",
    );
    let found = check(&doc, day(2026, 12, 1));
    assert!(
        !fired(&found, "chair-scrutiny-separate"),
        "WT2023's requirement is not applied to a record of 2019: {found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(_, s, m)| *s == Severity::Info && m.starts_with("history")),
        "{found:?}"
    );
}

#[test]
fn requirements_of_a_later_edition_never_apply_before_it() {
    // Judged as at 2020 (a run with --today 2020-01-01), WT2018 is the edition in force.
    let doc = combined_chair("guidance_edition = \"wt2023\"\npublished = 2019-12-01");
    let found = check(&doc, day(2020, 1, 1));
    assert!(!fired(&found, "chair-scrutiny-separate"), "{found:?}");
}

#[test]
fn an_undated_document_is_judged_as_at_the_day_it_is_checked_and_is_told_so() {
    let doc = combined_chair("guidance_edition = \"wt2018\"");
    let found = check(&doc, day(2026, 12, 1));
    assert!(fired(&found, "chair-scrutiny-separate"), "{found:?}");
    let edition = found
        .iter()
        .find(|(r, ..)| r == "guidance-edition-current")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        edition
            .2
            .contains("the day it is checked, as the document gives no date"),
        "{}",
        edition.2
    );
}
