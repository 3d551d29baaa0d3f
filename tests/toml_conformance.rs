//! TOML conformance, measured with toml-lang's own suite (vendored in `tests/toml-test/`,
//! see its README): every valid document is read without a `toml-syntax` finding, every
//! invalid one gets one, and none makes masa panic.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn the_toml_test_suite() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/toml-test");
    let mut all = Vec::new();
    files(&root, &mut all);
    assert_eq!(all.len(), 712, "the files of files-toml-1.1.0");
    let options = masa::Options::default();
    let mut wrong = Vec::new();
    for path in &all {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let bytes = std::fs::read(path).unwrap();
        let report = masa::check_source(&name, &bytes, &options);
        let syntax = report.diagnostics.iter().find(|d| d.rule == "toml-syntax");
        match (name.starts_with("valid/"), syntax) {
            (true, Some(d)) => wrong.push(format!("{name}: valid, but: {}", d.message)),
            (false, None) => wrong.push(format!(
                "{name}: invalid, but accepted ({})",
                report
                    .diagnostics
                    .first()
                    .map_or("no findings", |d| d.message.as_str())
            )),
            _ => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} files:\n{}",
        wrong.len(),
        all.len(),
        wrong.join("\n")
    );
}
