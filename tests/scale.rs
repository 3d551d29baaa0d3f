//! Error-heavy documents are checked in time linear in their size: a quadratic path (each
//! finding compared with every other, each unknown id with every declared one) is caught by
//! comparing a document with `n` findings against one with `8n`.
//!
//! Linear time gives a ratio near 8 and a quadratic path one near 64; the tests fail only
//! above 24, and only when the larger run takes more than a second, so that they stay robust
//! on a busy machine with two shared cores. `benches/stages.rs` (`errors/…`) measures the
//! same documents up to the 10 MiB limit.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::time::{Duration, Instant};

fn options() -> masa::Options {
    masa::Options {
        today: masa::Day::new(2026, 11, 22).expect("a real date"),
        ..masa::Options::default()
    }
}

/// The time to check `text`, and how many places `rule` reported: its findings, and with
/// `labels` their labelled places too (one defect in many places is one finding).
fn time(text: &str, rule: &str, labels: bool) -> (Duration, usize) {
    let start = Instant::now();
    let report = masa::check_source("scale.toml", text.as_bytes(), &options());
    let elapsed = start.elapsed();
    let found = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| if labels { 1 + d.labels.len() } else { 1 })
        .sum();
    (elapsed, found)
}

/// Checks that 8× the places take far less than 64× the time.
fn assert_scales(what: &str, rule: &str, labels: bool, make: impl Fn(usize) -> String, n: usize) {
    let small = make(n);
    let large = make(8 * n);
    let _ = time(&small, rule, labels); // warm up (the schema validator is built once)
    // The best of three runs: a busy machine slows single runs, never the best one much.
    let best = |text: &str| {
        (0..3)
            .map(|_| time(text, rule, labels))
            .min_by_key(|(t, _)| *t)
            .expect("three runs")
    };
    let (t1, found1) = best(&small);
    let (t8, found8) = best(&large);
    assert!(found1 >= n && found8 >= 8 * n, "{what}: {found1}, {found8}");
    let ratio = t8.as_secs_f64() / t1.as_secs_f64().max(1e-3);
    eprintln!("{what}: {n} → {t1:?}, {} → {t8:?}, ratio {ratio:.1}", 8 * n);
    assert!(
        ratio < 24.0 || t8 < Duration::from_secs(1),
        "{what}: 8× the findings took {ratio:.1}× the time ({t1:?} → {t8:?}): a quadratic path?"
    );
}

/// Findings, one for each place.
fn assert_linear(what: &str, rule: &str, make: impl Fn(usize) -> String, n: usize) {
    assert_scales(what, rule, false, make, n);
}

#[test]
fn unknown_keys_are_reported_in_linear_time() {
    assert_linear("unknown keys", "schema", corpus::unknown_keys, 2_000);
}

#[test]
fn invalid_values_in_many_tables_are_reported_in_linear_time() {
    assert_linear("invalid kinds", "schema", corpus::invalid_kinds, 1_000);
}
#[test]
fn unknown_references_among_many_ids_are_reported_in_linear_time() {
    assert_linear(
        "unknown references",
        "unknown-reference",
        |n| corpus::unknown_references(n, n),
        250,
    );
}

/// A run over many files keeps the text only of the files with findings to show: memory no
/// longer grows with the whole input (20,000 clean files of 13 KB peaked at 494 MiB).
#[test]
fn clean_files_do_not_keep_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let clean = corpus::unknown_keys(0);
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("clean-{i}.toml")), &clean).unwrap();
    }
    std::fs::write(dir.path().join("flawed.toml"), corpus::unknown_keys(1)).unwrap();
    let report = masa::check_paths(&[dir.path().to_path_buf()], &options());
    assert_eq!(report.files.len(), 6);
    for file in &report.files {
        if file.diagnostics.is_empty() {
            assert!(file.text().is_empty(), "{} kept its text", file.path);
        } else {
            assert_eq!(file.text(), corpus::unknown_keys(1), "{}", file.path);
        }
    }
}

/// A group that reports to itself is a broken reporting line (it passed before).
#[test]
fn a_group_that_reports_to_itself_is_an_error() {
    let text = corpus::unknown_keys(0).replacen(
        "id = \"northmoor-performance-group\"",
        "id = \"northmoor-performance-group\"\nreports_to = \"northmoor-performance-group\"",
        1,
    );
    let text = text.replacen(
        "reports_to = \"northmoor-strategic-board\"\n\n[[groups]]",
        "\n[[groups]]",
        1,
    );
    let report = masa::check_source("self.toml", text.as_bytes(), &options());
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("names the group itself")),
        "{:#?}",
        report.diagnostics
    );
}

/// One defect in many sentences: one finding, every place a label.
#[test]
fn many_old_names_in_one_text_are_judged_in_linear_time() {
    assert_places_linear("old names", "obsolete-title", "The LSCB met. ", 1_000);
}

/// One text holding `n` copies of `phrase`, 100 to a line with no sentence break between them
/// (lines are at most 10,000 characters, so that is as long as a clause masa reads can be):
/// the places `rule` reports (findings and their labels) grow with `n`, and the time only
/// linearly.
fn assert_places_linear(what: &str, rule: &str, phrase: &str, n: usize) {
    let make = |n: usize| {
        let line = phrase.repeat(100);
        format!(
            "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\n[dispute_resolution]\ndescription = \"\"\"\n{}\"\"\"\n",
            format!("{line}\n").repeat(n / 100)
        )
    };
    assert_scales(what, rule, true, make, n);
}

#[test]
fn many_past_dates_in_one_clause_are_judged_in_linear_time() {
    assert_places_linear(
        "past dates as future",
        "past-date-as-future",
        "the review will be done by 1 March 2020 and ",
        1_000,
    );
}

#[test]
fn many_initials_in_one_text_are_judged_in_linear_time() {
    assert_places_linear(
        "initials",
        "initials-match-name",
        "the Kent Safeguarding Multi-Agency Partnership (KSCMP) met and ",
        1_000,
    );
}

#[test]
fn many_replaced_editions_in_one_sentence_are_judged_in_linear_time() {
    assert_places_linear(
        "editions named in the text",
        "guidance-edition-current",
        "flowcharts from Working Together 2018 and ",
        1_000,
    );
}
