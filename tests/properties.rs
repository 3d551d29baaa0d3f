//! Property tests of the load → report path (spec §8: no panic on any input): random damage
//! to the real arrangement files never panics, every finding's place lies inside the file,
//! and every output format renders (the JSON parses).
//!
//! Each property runs 64 cases by default, to keep `cargo test` fast; set `PROPTEST_CASES` for
//! a longer search, e.g. `PROPTEST_CASES=20000 cargo test --release --test properties`.

mod common;

use std::sync::OnceLock;

use masa::report::{LineIndex, github, human, json, sarif};
use masa::{FileReport, Report};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// The real arrangement files, read once: (path, bytes).
fn corpus() -> &'static [(String, Vec<u8>)] {
    static CORPUS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut files = Vec::new();
        for dir in ["arrangements", "arrangements/example"] {
            for entry in std::fs::read_dir(common::root().join(dir)).expect("arrangements/") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "toml") {
                    let name = path
                        .strip_prefix(common::root())
                        .expect("under the root")
                        .display()
                        .to_string();
                    files.push((name, std::fs::read(&path).expect("readable")));
                }
            }
        }
        files.sort();
        assert!(files.len() >= 2, "the real arrangement files");
        files
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

fn config() -> Config {
    Config {
        cases: cases(),
        // Never write regression files into the source tree from a test run.
        failure_persistence: None,
        ..Config::default()
    }
}

/// One kind of damage, with positions as fractions of the file so they shrink well.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(prop::sample::Index),
    DuplicateLine(prop::sample::Index),
    /// Replace the value of a `key = value` line with a value of another type.
    ChangeValue(prop::sample::Index, &'static str),
    TruncateAt(prop::sample::Index),
    InsertBytes(prop::sample::Index, Vec<u8>),
    /// Swap two lines.
    SwapLines(prop::sample::Index, prop::sample::Index),
    /// Every line ending becomes CRLF.
    Crlf,
}

/// Values of every type, and some that are not values at all.
const VALUES: &[&str] = &[
    "1",
    "-1",
    "0",
    "1e30",
    "-0.0",
    "nan",
    "inf",
    "0.1",
    "true",
    "\"\"",
    "\"text\"",
    "\"£1,000.00\"",
    "\"100.5%\"",
    "2025-02-28",
    "2025-02-30",
    "1979-05-27T07:32:00Z",
    "[]",
    "[1, \"a\", [2]]",
    "{}",
    "{ a = 1 }",
    "\"unclosed",
    "[",
    "{",
    "",
    "\"Example Council\"",
    "'literal'",
    "\"\"\"multi\nline\"\"\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::DeleteLine),
        any::<prop::sample::Index>().prop_map(Mutation::DuplicateLine),
        (any::<prop::sample::Index>(), prop::sample::select(VALUES))
            .prop_map(|(i, v)| Mutation::ChangeValue(i, v)),
        any::<prop::sample::Index>().prop_map(Mutation::TruncateAt),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(i, b)| Mutation::InsertBytes(i, b)),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        Just(Mutation::Crlf),
    ]
}

/// The file split into lines, each with its line ending.
fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn apply(bytes: &[u8], mutation: &Mutation) -> Vec<u8> {
    let mut lines = lines(bytes);
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    match mutation {
        Mutation::DeleteLine(i) => {
            lines.remove(i.index(lines.len()));
        }
        Mutation::DuplicateLine(i) => {
            let i = i.index(lines.len());
            lines.insert(i, lines[i].clone());
        }
        Mutation::ChangeValue(i, value) => {
            // The chosen line if it holds `key = value`, else the next one that does.
            let start = i.index(lines.len());
            if let Some(j) = (start..lines.len())
                .chain(0..start)
                .find(|&j| lines[j].contains(&b'='))
            {
                let line = &lines[j];
                let eq = line.iter().position(|&b| b == b'=').expect("has =");
                let mut new = line[..=eq].to_vec();
                new.push(b' ');
                new.extend_from_slice(value.as_bytes());
                new.push(b'\n');
                lines[j] = new;
            }
        }
        Mutation::TruncateAt(i) => {
            let at = i.index(bytes.len() + 1);
            return bytes[..at].to_vec();
        }
        Mutation::InsertBytes(i, inserted) => {
            let at = i.index(bytes.len() + 1);
            return [&bytes[..at], inserted, &bytes[at..]].concat();
        }
        Mutation::SwapLines(a, b) => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
        }
        Mutation::Crlf => {
            return String::from_utf8_lossy(bytes)
                .replace("\r\n", "\n")
                .replace('\n', "\r\n")
                .into_bytes();
        }
    }
    lines.concat()
}

/// Checks one document through the library, then renders it in every format, asserting that
/// every place is inside the file and the JSON parses.
fn check_everything(path: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let options = common::options();
    let file = masa::check_source(path, bytes, &options);
    assert_places_inside(&file)?;
    let report = Report {
        files: vec![file],
        unreadable: vec![],
    };
    let text = json::render(&report);
    let parsed: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| TestCaseError::fail(format!("JSON does not parse: {e}")))?;
    prop_assert_eq!(parsed["version"].as_u64(), Some(1));
    assert_json_positions(&parsed, report.files[0].text())?;
    let _ = human::render(&report, &human::HumanOptions::default());
    let _ = sarif::render(&report, &options.rules);
    let _ = github::render(&report);
    Ok(())
}

/// Every span (main and labels) is inside the text and on character boundaries.
fn assert_places_inside(file: &FileReport) -> Result<(), TestCaseError> {
    let text = file.text();
    for d in &file.diagnostics {
        let spans = std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span));
        for span in spans {
            prop_assert!(
                span.start <= span.end && span.end <= text.len(),
                "{} span {:?} outside a text of {} bytes: {}",
                d.rule,
                span,
                text.len(),
                d.message
            );
            prop_assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{} span {:?} splits a character",
                d.rule,
                span
            );
        }
        prop_assert!(!d.message.is_empty(), "{} has no message", d.rule);
    }
    Ok(())
}

/// Every line and column in the JSON names a real place: a line of the file, and a column at
/// most one past its last character.
fn assert_json_positions(report: &serde_json::Value, text: &str) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let diagnostics = report["files"][0]["diagnostics"]
        .as_array()
        .ok_or_else(|| TestCaseError::fail("no diagnostics array"))?;
    for d in diagnostics {
        for (l, c) in [("line", "column"), ("end_line", "end_column")] {
            let line = d[l].as_u64().unwrap_or(0) as usize;
            let column = d[c].as_u64().unwrap_or(0) as usize;
            prop_assert!(
                (1..=lines.len()).contains(&line),
                "line {} of {}",
                line,
                lines.len()
            );
            let width = lines[line - 1].trim_end_matches('\r').chars().count();
            prop_assert!(
                (1..=width + 1).contains(&column),
                "column {} on line {} of {} characters: {}",
                column,
                line,
                width,
                d["message"]
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// One random mutation of a real file.
    #[test]
    fn one_mutation_of_a_real_file(file in any::<prop::sample::Index>(), m in mutation()) {
        let (path, bytes) = &corpus()[file.index(corpus().len())];
        check_everything(path, &apply(bytes, &m))?;
    }

    /// Several mutations on top of each other.
    #[test]
    fn several_mutations_of_a_real_file(
        file in any::<prop::sample::Index>(),
        ms in prop::collection::vec(mutation(), 2..8),
    ) {
        let (path, bytes) = &corpus()[file.index(corpus().len())];
        let mut bytes = bytes.clone();
        for m in &ms {
            bytes = apply(&bytes, m);
        }
        check_everything(path, &bytes)?;
    }

    /// Truncation at every kind of place (inside strings, tables, multi-byte characters).
    #[test]
    fn truncated_real_files(file in any::<prop::sample::Index>(), at in any::<prop::sample::Index>()) {
        let (path, bytes) = &corpus()[file.index(corpus().len())];
        check_everything(path, &bytes[..at.index(bytes.len() + 1)])?;
    }

    /// Arbitrary bytes.
    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_everything("random.toml", &bytes)?;
    }

    /// Text made of TOML's own pieces, which reaches the parser's and the schema's corners
    /// far more often than random bytes do.
    #[test]
    fn toml_shaped_text(pieces in prop::collection::vec(toml_piece(), 0..200)) {
        check_everything("pieces.toml", pieces.concat().as_bytes())?;
    }

    /// The nesting limit is judged from the text; whenever it lets a document through, the
    /// parsed document really is no deeper than the limit (so no later stage can be made to
    /// recurse deeper, whatever the text).
    #[test]
    fn the_nesting_limit_never_underestimates(pieces in prop::collection::vec(deep_piece(), 0..120)) {
        let text = pieces.concat();
        if masa::load::nesting_limit(&text).is_none() {
            if let Ok(doc) = masa::load::parse(&text) {
                let depth = table_depth(doc.get_ref());
                prop_assert!(
                    depth <= masa::load::MAX_NESTING_DEPTH,
                    "parsed {} levels deep, but the limit let it through:\n{}",
                    depth,
                    text
                );
            }
        }
    }
}

fn toml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "[", "]", "[[", "]]", "{", "}", "=", " = ", ".", ",", "\n", "\r\n", " ", "\t", "#",
            "\"", "'", "\"\"\"", "'''", "\\", "\\\"", "£", "é", "\u{feff}", "\u{0}",
        ])
        .prop_map(str::to_owned),
        prop::sample::select(vec![
            "schema_version = 1\n",
            "[partnership]\n",
            "name = \"Example\"\n",
            "[[organisations]]\n",
            "id = \"example-council\"\n",
            "kind = \"local_authority\"\n",
            "[funding]\n",
            "[[funding.contributions]]\n",
            "organisation = \"example-council\"\n",
            "amount = ",
            "stated_percent = ",
            "published = ",
            "[[partners]]\n",
            "lead = ",
            "[[groups]]\n",
            "members = [",
        ])
        .prop_map(str::to_owned),
        prop::sample::select(VALUES.to_vec()).prop_map(str::to_owned),
        "[a-z_]{1,12}",
    ]
}

/// Pieces that nest: headers, dotted keys, arrays and inline tables.
fn deep_piece() -> impl Strategy<Value = String> {
    let dotted = || prop::collection::vec("[a-c]", 1..12).prop_map(|parts| parts.join("."));
    prop_oneof![
        dotted().prop_map(|k| format!("\n[{k}]\n")),
        dotted().prop_map(|k| format!("\n[[{k}]]\n")),
        dotted().prop_map(|k| format!("{k} = ")),
        dotted().prop_map(|k| format!("{{ {k} = ")),
        Just("[".to_owned()),
        Just("[ ".to_owned()),
        Just("]".to_owned()),
        Just("}".to_owned()),
        Just("1".to_owned()),
        Just(", ".to_owned()),
        Just("\n".to_owned()),
        Just("\"[{\"".to_owned()),
        Just("# [[[\n".to_owned()),
    ]
}

/// How deep a parsed table nests: each table and array below the root is one level.
fn table_depth(table: &toml::de::DeTable<'_>) -> usize {
    table
        .values()
        .map(|v| value_depth(v.get_ref()))
        .max()
        .unwrap_or(0)
}

fn value_depth(value: &toml::de::DeValue<'_>) -> usize {
    match value {
        toml::de::DeValue::Table(t) => 1 + table_depth(t),
        toml::de::DeValue::Array(a) => {
            1 + a
                .iter()
                .map(|v| value_depth(v.get_ref()))
                .max()
                .unwrap_or(0)
        }
        _ => 0,
    }
}

/// The line index agrees with a plain count for every offset of every real file (the
/// properties above lean on it).
#[test]
fn line_index_matches_a_plain_count() {
    for (_, bytes) in corpus() {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().step_by(97) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            let p = index.position(offset);
            assert_eq!((p.line, p.column), (line, column));
        }
    }
}
