//! Build script: the date `masa --version` reports as "rules as of …", the newest date value in
//! the registry data (src/rules/data/*.toml), so that it moves with a data change and costs
//! nothing at run time. A plain scan of `key = YYYY-MM-DD` lines (the form the data files use);
//! the unit test `the_version_date_is_the_newest_in_the_data` in src/rules/data/mod.rs holds it
//! equal to a walk over every parsed TOML value.
#![forbid(unsafe_code)]

use std::path::Path;

fn main() {
    let dir = Path::new("src/rules/data");
    println!("cargo:rerun-if-changed=src/rules/data");
    let mut newest = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/rules/data is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("registry data is UTF-8");
        for date in text.lines().filter_map(date_value) {
            if date > newest.as_str() {
                newest = date.to_owned();
            }
        }
    }
    println!("cargo:rustc-env=MASA_RULES_AS_OF={newest}");
}

/// The date of a `key = YYYY-MM-DD` line (not a comment), if that is what the line holds.
fn date_value(line: &str) -> Option<&str> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    let value = line.split_once(" = ")?.1.trim();
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (b.len() == 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then_some(value)
}
