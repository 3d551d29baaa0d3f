//! The development corpus as tests: real sentences from 43 English partnerships
//! (tests/corpus/sentences.toml), each put into a minimal valid document as free text and
//! checked as at 2026-12-01.
//!
//! A curated subset, verified by reading each sentence, is asserted: sentences the prose rules
//! must report, and sentences (history, negation, a partnership's own name) they must not. For
//! the whole corpus a confusion table per category is printed, not asserted (run with
//! `--nocapture` to see it); tests/corpus/README.md records the figures.

use std::collections::BTreeMap;

use masa::{Day, Options};
use serde::Deserialize;

mod common;

/// The rules this test measures: the ones that judge free text against the registries.
const PROSE_RULES: &[&str] = &[
    "obsolete-title",
    "legislation-title-correct",
    "false-statement-of-law",
    "education-not-statutory-partner",
    "acronym-expansion",
    "partnership-name-consistent",
    "guidance-edition-current",
    "past-date-as-future",
    "initials-match-name",
    "health-partner-named",
];

#[derive(Deserialize)]
struct Corpus {
    sentence: Vec<Sentence>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Sentence {
    id: String,
    area: String,
    category: String,
    text: String,
    expect: String,
    defect: String,
    confidence: Option<String>,
    url: String,
    note: Option<String>,
}

#[derive(Deserialize)]
struct Areas {
    area: Vec<Area>,
}

#[derive(Deserialize)]
struct Area {
    id: String,
    name: String,
}

fn read<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let path = common::root().join("tests/corpus").join(file);
    let text = std::fs::read_to_string(&path).expect("corpus file exists");
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The prose rules' findings on one sentence, written as the dispute-resolution description
/// of a document whose partnership has the area's own name.
fn findings(s: &Sentence, areas: &BTreeMap<String, String>) -> Vec<String> {
    let name = areas
        .get(&s.area)
        .map_or("Example Safeguarding Children Partnership", String::as_str);
    let quote = |t: &str| serde_json::to_string(t).expect("a string serialises");
    let doc = format!(
        "schema_version = 1\n[partnership]\nname = {}\n\n[dispute_resolution]\ndescription = {}\n",
        quote(name),
        quote(&s.text)
    );
    let options = Options {
        today: Day::new(2026, 12, 1).expect("a real date"),
        ..Options::default()
    };
    let report = masa::check_source(&s.id, doc.as_bytes(), &options);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| matches!(d.rule.as_str(), "schema" | "toml-syntax")),
        "{}: the test document is invalid: {:#?}",
        s.id,
        report.diagnostics
    );
    report
        .diagnostics
        .iter()
        .filter(|d| PROSE_RULES.contains(&d.rule.as_str()))
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect()
}

/// Sentences that must give a prose finding, each checked by reading it.
const MUST_FIRE: &[&str] = &[
    // CCGs named as current partners (obsolete-title or false-statement-of-law)
    "devon-01",
    "derby-derbyshire-01",
    "kent-01",
    "kent-05",
    "hertfordshire-02",
    "norfolk-03",
    "pan-dorset-02",
    "pan-lancashire-01",
    // LSCBs and their initials as current
    "bristol-01",
    "cornwall-scilly-02",
    "hampshire-03",
    "nottingham-city-02",
    "north-lincolnshire-01",
    "derby-derbyshire-06",
    "norfolk-01",
    // serious case reviews as current, the National Probation Service
    "essex-04",
    "lincolnshire-01",
    "norfolk-04",
    // misquoted titles and Acts
    "kent-16",
    "hillingdon-04",
    "lincolnshire-04",
    "hertfordshire-09",
    "lincolnshire-03",
    "nottinghamshire-04",
    // bodies abolished before 2019: a Strategic Health Authority, a Probation Trust, the DCSF
    "north-lincolnshire-03",
    "nottinghamshire-01",
    "wolverhampton-01",
    // the partnership's own name written another way ("Children’s", "Children's")
    "gloucestershire-09",
    "hillingdon-10",
    "lincolnshire-07",
    "buckinghamshire-09",
    // a replaced edition of Working Together offered as the guidance in force
    "bristol-07",
    "cornwall-scilly-03",
    "newcastle-03",
    "norfolk-11",
    "north-tyneside-04",
    "nottingham-city-08",
    "pan-lancashire-08",
    // the guidance called an Act; a month of 2023 with no edition
    "coventry-03",
    "norfolk-12",
    // statements that were never the law, or repealed law as current: the council's duty to
    // establish a partnership, the partnership as a statutory body, replacing LSCBs as an
    // option, the LSCB sections and regulations as today's functions
    "cornwall-scilly-04",
    "hertfordshire-10",
    "lincolnshire-05",
    "lincolnshire-06",
    "oxfordshire-07",
    "pan-dorset-07",
    // a date already past, written as still to come
    "derby-derbyshire-15",
    "devon-17",
    "hertfordshire-16",
    "kent-24",
    "kent-25",
    "pan-lancashire-17",
    "sussex-07",
    "wolverhampton-08",
    // initials that do not stand for the name before them
    "kent-21",
    "pan-lancashire-14",
    // "Health" or "the NHS" for the integrated care board
    "norfolk-13",
    "coventry-06",
    "buckinghamshire-06",
    "pan-dorset-11",
    // held out from the tuning of the five checks added on the same day (gathered afterwards,
    // expectation written before masa was run): past dates still to come, replaced editions
    // offered as current, transposed initials, the repealed LSCB duty in the present tense
    "thurrock-02",
    "wirral-03",
    "wirral-06",
    "north-east-lincolnshire-01",
    "kensington-chelsea-01",
    "durham-01",
    "wiltshire-01",
    "york-01",
    "northamptonshire-01",
    "sutton-01",
    "leicestershire-rutland-02",
    "durham-04",
    "telford-wrekin-01",
];

/// Sentences that must give no prose finding: history, negation, quotation, a partnership's
/// own name, correct titles.
const MUST_STAY_SILENT: &[&str] = &[
    // history and negation of LSCBs and CCGs
    "bristol-02",
    "bristol-03",
    "bristol-04",
    "buckinghamshire-03",
    "buckinghamshire-04",
    "devon-03",
    "hertfordshire-04",
    "hillingdon-03",
    "kent-09",
    "kent-11",
    "kent-13",
    "norfolk-05",
    "norfolk-06",
    "norfolk-07",
    "north-lincolnshire-05",
    "northumberland-02",
    "nottingham-city-04",
    "oxfordshire-04",
    "pan-dorset-06",
    "pan-lancashire-03",
    "pan-lancashire-05",
    "sheffield-01",
    "sheffield-02",
    "wolverhampton-03",
    // a partnership that still calls itself a Board
    "essex-11",
    "oxfordshire-14",
    // correct titles and law
    "buckinghamshire-05",
    "hertfordshire-08",
    "sussex-01",
    "sussex-02",
    "cornwall-scilly-05",
    // a replaced edition named in narrated history ("released", "stated", "since", "was
    // established", "published their")
    "bristol-06",
    "buckinghamshire-13",
    "devon-06",
    "newcastle-01",
    "nottingham-city-06",
    // the repealed LSCB section named in narrated history
    "nottingham-city-04",
    // a past date in another clause than the future, or with no future at all
    "buckinghamshire-03",
    "hertfordshire-04",
    "pan-lancashire-15",
    "essex-09",
    // held out: past dates in the past tense or another clause, correct initials, the ICB
    // named, an edition named in narrated history
    "thurrock-03",
    "thurrock-04",
    "thurrock-05",
    "wirral-04",
    "north-east-lincolnshire-03",
    "north-east-lincolnshire-05",
    "north-east-lincolnshire-07",
    "north-east-lincolnshire-08",
    "north-east-lincolnshire-09",
    "leicester-02",
    "leicester-03",
    "leicester-04",
    "kensington-chelsea-02",
    "wandsworth-01",
    "darlington-01",
    "darlington-03",
    "darlington-04",
    "durham-03",
    "wiltshire-03",
    "wiltshire-04",
    "wiltshire-07",
    "medway-03",
    "medway-05",
    "medway-06",
    "york-02",
    "northamptonshire-02",
    "northamptonshire-03",
    "east-sussex-02",
];

#[test]
fn the_corpus_parses_and_every_listed_sentence_exists() {
    let corpus: Corpus = read("sentences.toml");
    assert!(corpus.sentence.len() >= 300);
    for id in MUST_FIRE.iter().chain(MUST_STAY_SILENT) {
        assert!(
            corpus.sentence.iter().any(|s| s.id == *id),
            "{id} is not in the corpus"
        );
    }
    let areas = |ids: &[&str]| {
        let mut a: Vec<String> = ids
            .iter()
            .filter_map(|id| corpus.sentence.iter().find(|s| s.id == *id))
            .map(|s| s.area.clone())
            .collect();
        a.sort();
        a.dedup();
        a.len()
    };
    assert!(areas(MUST_FIRE) >= 8 && areas(MUST_STAY_SILENT) >= 8);
}

#[test]
fn curated_sentences_fire_or_stay_silent_as_read() {
    let corpus: Corpus = read("sentences.toml");
    let areas: Areas = read("areas.toml");
    let areas: BTreeMap<String, String> = areas.area.into_iter().map(|a| (a.id, a.name)).collect();
    let mut wrong = Vec::new();
    for s in &corpus.sentence {
        let must_fire = MUST_FIRE.contains(&s.id.as_str());
        let must_stay_silent = MUST_STAY_SILENT.contains(&s.id.as_str());
        if !must_fire && !must_stay_silent {
            continue;
        }
        let found = findings(s, &areas);
        if must_fire && found.is_empty() {
            wrong.push(format!("{} should fire: {}", s.id, s.text));
        }
        if must_stay_silent && !found.is_empty() {
            wrong.push(format!(
                "{} should stay silent: {}\n  {found:#?}",
                s.id, s.text
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The whole corpus, measured: per category, how many sentences the prose rules report
/// against what the corpus expects. Printed, not asserted: most categories hold defects other
/// rules (or no rule yet) judge.
#[test]
fn confusion_table_per_category() {
    let corpus: Corpus = read("sentences.toml");
    let areas: Areas = read("areas.toml");
    let areas: BTreeMap<String, String> = areas.area.into_iter().map(|a| (a.id, a.name)).collect();
    // category -> [fired & expected fire, silent & expected fire, fired & expected silent,
    // silent & expected silent]
    let mut table: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut misses = Vec::new();
    for s in &corpus.sentence {
        let found = findings(s, &areas);
        // MASA_CORPUS_SHOW=id,id prints what the rules said on those sentences.
        if std::env::var("MASA_CORPUS_SHOW").is_ok_and(|ids| ids.split(',').any(|i| i == s.id)) {
            println!("{} ({}): {}\n  {found:#?}", s.id, s.expect, s.text);
        }
        let fired = !found.is_empty();
        let expect_fire = s.expect == "fire";
        let row = table.entry(s.category.clone()).or_default();
        let cell = match (fired, expect_fire) {
            (true, true) => 0,
            (false, true) => 1,
            (true, false) => 2,
            (false, false) => 3,
        };
        row[cell] += 1;
        if fired != expect_fire {
            misses.push(format!("{}{}", if fired { "+" } else { "-" }, s.id));
        }
    }
    println!("category        fire: fired/missed   silent: fired/silent");
    let mut total = [0; 4];
    for (category, row) in &table {
        println!(
            "{category:<15} {:>5} / {:<5}        {:>5} / {:<5}",
            row[0], row[1], row[2], row[3]
        );
        for (t, r) in total.iter_mut().zip(row) {
            *t += r;
        }
    }
    println!(
        "{:<15} {:>5} / {:<5}        {:>5} / {:<5}",
        "total", total[0], total[1], total[2], total[3]
    );
    println!("fired on expected-silent (+) and silent on expected-fire (-): {misses:?}");
}
