//! The benches' corpus generator (benches/support/corpus.rs) keeps its promises: clean files
//! pass the structure stage and every rule, each flawed file produces the finding its flaw
//! names, and the same seed gives the same bytes.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::Flaw;

fn options() -> masa::Options {
    masa::Options {
        today: masa::Day::new(2026, 11, 22).expect("a real date"),
        ..masa::Options::default()
    }
}

#[test]
fn clean_documents_pass_structure_and_every_rule() {
    for (seed, scale) in [(1, 0), (2, 3), (3, 17), (4, 64), (5, 250)] {
        let text = corpus::document(seed, scale);
        let doc = masa::load::parse(&text).expect("generated TOML parses");
        let structural = masa::structure::check(&doc);
        assert!(structural.is_empty(), "seed {seed}: {structural:#?}");
        let report = masa::check_source("generated.toml", text.as_bytes(), &options());
        assert!(
            report.diagnostics.is_empty(),
            "seed {seed}, scale {scale}: {:#?}",
            report.diagnostics
        );
    }
}

#[test]
fn every_flaw_produces_its_finding() {
    for seed in 0..4 {
        let clean = corpus::document(seed, 30);
        for flaw in Flaw::ALL {
            let text = corpus::with_flaw(&clean, flaw, seed);
            let report = masa::check_source("generated.toml", text.as_bytes(), &options());
            match flaw.expected_rule() {
                None => assert!(report.diagnostics.is_empty()),
                Some(rule) => assert!(
                    report.diagnostics.iter().any(|d| d.rule == rule),
                    "seed {seed}, {flaw:?}: expected `{rule}`, got {:#?}",
                    report.diagnostics
                ),
            }
        }
    }
}

#[test]
fn the_corpus_is_deterministic_and_mixed() {
    let a = corpus::corpus(60, 7);
    let b = corpus::corpus(60, 7);
    assert!(
        a.iter()
            .zip(&b)
            .all(|(x, y)| x.text == y.text && x.name == y.name)
    );
    assert!(a.iter().any(|f| f.flaw == Flaw::None));
    assert!(a.iter().filter(|f| f.flaw != Flaw::None).count() >= 5);
    for file in a.iter().filter(|f| f.flaw == Flaw::None) {
        let doc = masa::load::parse(&file.text).expect("clean files parse");
        assert!(masa::structure::check(&doc).is_empty(), "{}", file.name);
    }
}

#[test]
fn sizes_reach_from_a_small_partnership_to_megabytes() {
    let small = corpus::document(9, 0);
    assert!(small.len() < 20_000, "{}", small.len());
    let big = corpus::document_of_size(9, 2_000_000);
    assert!(
        (1_800_000..2_200_000).contains(&big.len()),
        "{} bytes",
        big.len()
    );
    let doc = masa::load::parse(&big).expect("parses");
    assert!(masa::structure::check(&doc).is_empty());
}
