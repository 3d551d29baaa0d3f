//! The pipeline's order holds in the code, not only at run time: each module of `src/` imports
//! only the modules before it. A new engineer can read what a module may touch from this list,
//! and an import against the order fails here rather than rotting into a circle.
//!
//! Test code (`#[cfg(test)]` at the end of a file) may use later stages to set up its cases.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The modules in pipeline order: each may import only those before it (and itself).
const ORDER: &[&str] = &[
    "diag",
    "load",
    "model",
    "structure",
    "rules",
    "report",
    "check",
    // After `check`: rendering reads a file through the same stages as `masa check` and runs
    // the rules, whose findings the page can show or the command line refuses on.
    "render",
    "init",
    "fix",
    "server",
    "cli",
];

/// What the crate root re-exports, by the module each name comes from, so that
/// `crate::Options` counts as an import of `check`.
const ROOT_NAMES: &[(&str, &str)] = &[
    ("Options", "check"),
    ("check_file", "check"),
    ("check_paths", "check"),
    ("check_source", "check"),
    ("check_sources", "check"),
    ("describe_io", "check"),
    ("discover", "check"),
    ("parse_model", "check"),
    ("Check", "diag"),
    ("Diagnostic", "diag"),
    ("Severity", "diag"),
    ("Span", "diag"),
    ("Day", "model"),
    ("Model", "model"),
    ("FileReport", "report"),
    ("Report", "report"),
    ("lints", "rules"),
];

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its test module and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every crate module a piece of code names through `crate::` (or `$crate::` in a macro),
/// including each name of a grouped import such as `crate::{load, structure}`.
fn imported_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<String> = if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            // Top-level names of the group only.
            let mut names = Vec::new();
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group[..end].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 0 => {
                        names.push(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
            names
        } else {
            vec![ident(rest)]
        };
        for name in names {
            let module = ROOT_NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(name.clone(), |(_, m)| (*m).to_owned());
            found.insert(module);
        }
    }
    found
}

#[test]
fn every_module_imports_only_earlier_stages() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut against_the_order = Vec::new();
    let mut checked = 0;
    for path in &all {
        let relative = path.strip_prefix(&src).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a path")
            .trim_end_matches(".rs");
        if matches!(top, "lib" | "main") {
            continue; // the front door re-exports every stage
        }
        let own = rank(top).unwrap_or_else(|| {
            panic!("src/{top} is not in the layering order: add it to ORDER in tests/layering.rs")
        });
        checked += 1;
        let text = std::fs::read_to_string(path).expect("readable source");
        for module in imported_modules(&code(&text)) {
            match rank(&module) {
                Some(r) if r > own => against_the_order.push(format!(
                    "src/{} ({top}) imports {module}, a later stage",
                    relative.display()
                )),
                Some(_) => {}
                None if ROOT_NAMES.iter().any(|(n, _)| *n == module) => {}
                None => against_the_order.push(format!(
                    "src/{} names crate::{module}, which is not a module in ORDER",
                    relative.display()
                )),
            }
        }
    }
    assert!(checked > 30, "only {checked} source files found");
    assert!(
        against_the_order.is_empty(),
        "imports against the pipeline order ({}):\n{}",
        ORDER.join(" ← "),
        against_the_order.join("\n")
    );
}

#[test]
fn the_scanner_sees_grouped_and_macro_imports() {
    let found = imported_modules(
        "use crate::{load, structure::{self, check}};\nlet x = $crate::report::Diagnostic::new();\nlet o = crate::Options::default();",
    );
    let expected: BTreeSet<String> = ["load", "structure", "report", "check"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(found, expected);
    assert!(imported_modules(&code("// crate::cli in a comment\n")).is_empty());
}

/// Inside `rules/`, the foundations — the registries (`data/`, `registry.rs`, `editions.rs`)
/// and what the rules share (`support/`) — import no rule: a topic file or the checks across
/// files may use them, never the other way round.
#[test]
fn the_rules_foundations_import_no_rule() {
    const FOUNDATIONS: &[&str] = &["data", "support", "registry", "editions"];
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files_seen = Vec::new();
    for dir in ["data", "support"] {
        let mut found = Vec::new();
        files(&rules.join(dir), &mut found);
        files_seen.extend(found.into_iter().map(|f| (f, "super::super::")));
    }
    for file in ["registry.rs", "editions.rs"] {
        files_seen.push((rules.join(file), "super::"));
    }
    let mut wrong = Vec::new();
    for (path, parent) in &files_seen {
        let text = code(&std::fs::read_to_string(path).expect("readable source"));
        for prefix in ["crate::rules::", parent] {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + prefix.len()..];
                let ident = |s: &str| -> String {
                    s.trim_start()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect()
                };
                // A grouped import names each of its top-level items.
                let names: Vec<String> = match rest.strip_prefix('{') {
                    Some(group) => group[..group.find('}').unwrap_or(group.len())]
                        .split(',')
                        .map(ident)
                        .collect(),
                    None => vec![ident(rest)],
                };
                for name in names {
                    if !name.is_empty() && name != "self" && !FOUNDATIONS.contains(&name.as_str()) {
                        wrong.push(format!("{} imports rules::{name}", path.display()));
                    }
                }
            }
        }
    }
    assert!(files_seen.len() > 5, "the foundations were not found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
