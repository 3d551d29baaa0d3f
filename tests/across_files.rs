//! Checks across files: the Bedfordshire documents as encoded, and a consistent pair.

mod common;

use masa::Report;

/// The three Bedfordshire partnerships' files (and the superseded 2018 terms of reference),
/// checked together as `masa check arrangements/` does.
fn bedfordshire() -> Report {
    let names = [
        "arrangements/bedford-borough.toml",
        "arrangements/central-bedfordshire-terms-of-reference-2018.toml",
        "arrangements/central-bedfordshire.toml",
        "arrangements/luton.toml",
    ];
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(common::root().join(n)).expect("encoded file"))
        .collect();
    let sources: Vec<(&str, &[u8])> = names
        .iter()
        .zip(&bytes)
        .map(|(n, b)| (*n, b.as_slice()))
        .collect();
    masa::check_sources(&sources, &common::options())
}

/// `(file, line, rule, message)` of every finding across files.
fn across(report: &Report) -> Vec<(String, usize, String, String)> {
    let mut out = Vec::new();
    for f in &report.files {
        let index = f.line_index();
        for d in f
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("cross-"))
        {
            assert!(
                d.related
                    .iter()
                    .any(|r| r.path != f.path && !r.path.is_empty()),
                "a finding across files points into another file: {d:#?}"
            );
            out.push((
                f.path.clone(),
                index.range(&d.span).0.line,
                d.rule.clone(),
                d.message.clone(),
            ));
        }
    }
    out
}

#[test]
fn the_real_inconsistencies_are_found_with_both_places() {
    let found = across(&bedfordshire());
    let has = |file: &str, words: &str| {
        found
            .iter()
            .any(|(f, _, _, m)| f.ends_with(file) && m.contains(words))
    };
    // Central Bedfordshire's chart says Bedford Borough's Case Review Group is chaired by the
    // DCS; Bedford Borough's own document says the Independent Scrutineer.
    assert!(
        has(
            "central-bedfordshire.toml",
            "group `bb-case-review-group`: the chair is \"DCS\" here, but \"Independent Scrutineer\" in bedford-borough.toml (its own arrangements)"
        ),
        "{found:#?}"
    );
    // Luton's own chart: SPCSA meets three times a year, not four.
    assert!(
        has(
            "central-bedfordshire.toml",
            "3 meetings a year in luton.toml"
        ),
        "{found:#?}"
    );
    // The shared Voice of the Child group has different chairs.
    assert!(
        has(
            "luton.toml",
            "group `pan-beds-voice-of-the-child`: the chair"
        ),
        "{found:#?}"
    );
    // The superseded 2018 terms of reference take no part.
    assert!(
        found.iter().all(|(f, ..)| !f.contains("2018")),
        "{found:#?}"
    );
}

#[test]
fn every_output_format_carries_the_other_place() {
    let report = bedfordshire();
    let json = masa::report::json::render(&report);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON parses");
    let related_paths: Vec<String> = value["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("cross-")))
        .flat_map(|d| d["related"].as_array().cloned().unwrap_or_default())
        .filter_map(|r| r["path"].as_str().map(str::to_owned))
        .collect();
    assert!(related_paths.iter().any(|p| p.ends_with("luton.toml")));
    let sarif = masa::report::sarif::render(&report, &masa::rules::catalog());
    assert!(sarif.contains("relatedLocations") && sarif.contains("luton.toml"));
    let github = masa::report::github::render(&report);
    assert!(
        github.contains("see also arrangements/bedford-borough.toml:"),
        "{github}"
    );
    let human = common::human(&report);
    assert!(human.contains("cross-partnership-consistency"));
    assert!(
        human.contains("arrangements/luton.toml: the frequency in luton.toml: 3 meetings a year"),
        "{human}"
    );
}

#[test]
fn a_consistent_pair_gives_no_finding_across_files() {
    let doc = |name: &str, id: &str, meets: u32| {
        format!(
            "schema_version = 1\n[partnership]\nname = \"{name}\"\nid = \"{id}\"\n[[organisations]]\nid = \"shared-trust\"\nname = \"Shared NHS Trust\"\nkind = \"nhs_trust\"\n[[groups]]\nid = \"pan-neglect\"\nname = \"Pan Area Neglect Group\"\nscope = \"pan_area\"\nmeetings_per_year = {meets}\n"
        )
    };
    let (a, b) = (doc("A Partnership", "a", 4), doc("B Partnership", "b", 4));
    let report = masa::check_sources(
        &[("a.toml", a.as_bytes()), ("b.toml", b.as_bytes())],
        &common::options(),
    );
    assert!(across(&report).is_empty());
    // One frequency changed: reported once, in the second file (with two descriptions and no
    // owner, a tie goes to the first file in path order).
    let c = doc("B Partnership", "b", 6);
    let report = masa::check_sources(
        &[("a.toml", a.as_bytes()), ("b.toml", c.as_bytes())],
        &common::options(),
    );
    let found = across(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "b.toml");
}
