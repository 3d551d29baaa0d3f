//! # masa: multi-agency safeguarding arrangements as code
//!
//! masa checks a safeguarding partnership's arrangements, kept as a TOML file, against the
//! statutory requirements of *Working Together to Safeguard Children*. Every finding is a
//! [`Diagnostic`] pointing at the exact place in the file, saying why it matters, how to fix
//! it and which paragraph of the guidance requires it.
//!
//! The pipeline runs one way: **load → structure → model → rules → report** ([`load`],
//! [`structure`], [`model`], [`rules`], [`report`]).
//!
//! ```
//! let toml = r#"
//! schema_version = 1
//! [partnership]
//! name = "Example Safeguarding Children Partnership"
//! publshed = 2024-09-27
//! "#;
//! let report = masa::check_source("example.toml", toml.as_bytes(), &masa::Options::default());
//! let d = &report.diagnostics[0];
//! assert_eq!(d.rule, "schema");
//! assert_eq!(d.help.as_deref(), Some("did you mean `published`?"));
//! ```
//!
//! A report renders in every format the CLI offers, and project lint levels come from the same
//! `masa.toml` the CLI reads:
//!
//! ```
//! use masa::report::{github, human, json, sarif};
//!
//! let lints = masa::lints::ProjectLints::parse(
//!     "[lints]\nfunding-declared = { level = \"allow\", reason = \"funded by the council alone\" }\n",
//!     &masa::rules::catalog(),
//! ).expect("valid configuration");
//! let options = masa::Options { lints, ..masa::Options::default() };
//! let toml = "schema_version = 1\n[partnership]\nname = \"Example\"\n";
//! let report = masa::Report {
//!     files: vec![masa::check_source("example.toml", toml.as_bytes(), &options)],
//!     unreadable: vec![],
//! };
//! assert!(report.files[0].diagnostics.iter().all(|d| d.rule != "funding-declared"));
//! let text = human::render(&report, &human::HumanOptions::default());
//! assert!(text.contains("published-date-present"));
//! let machine: serde_json::Value = serde_json::from_str(&json::render(&report)).unwrap();
//! assert_eq!(machine["summary"]["files"], 1);
//! assert!(sarif::render(&report, &options.rules).contains("\"version\": \"2.1.0\""));
//! assert!(github::render(&report).starts_with("::"));
//! ```
//!
//! Embedders can add rules of their own next to the statutory catalog:
//!
//! ```
//! use masa::rules::{Context, Level, Rule, RuleMeta, finding, ALL_EDITIONS};
//! use masa::{Diagnostic, Severity};
//!
//! /// A local policy: every group meets at least four times a year.
//! struct GroupsMeetQuarterly;
//!
//! static META: RuleMeta = RuleMeta {
//!     id: "groups-meet-quarterly",
//!     level: Level::Quality,
//!     default_severity: Severity::Warning,
//!     summary: "Every group meets at least four times a year.",
//!     citation: "Local policy",
//!     editions: ALL_EDITIONS,
//!     enabled: true,
//!     what: "meetings_per_year >= 4",
//!     why: "Our partnership agreed it.",
//!     fails: "meetings_per_year = 2",
//!     passes: "meetings_per_year = 4",
//! };
//!
//! impl Rule for GroupsMeetQuarterly {
//!     fn meta(&self) -> &RuleMeta { &META }
//!     fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
//!         for group in &cx.model.doc.groups {
//!             if let Some(n) = group.meetings_per_year.as_ref().filter(|n| *n.get() < 4) {
//!                 out.push(finding(&META, n.span(), format!("{} meets {} times a year", group.name.get(), n.get())));
//!             }
//!         }
//!     }
//! }
//!
//! let toml = r#"
//! schema_version = 1
//! [partnership]
//! name = "Example"
//! [[groups]]
//! id = "board"
//! name = "Board"
//! meetings_per_year = 2
//! "#;
//! let options = masa::Options::default().with_rule(&GroupsMeetQuarterly);
//! let report = masa::check_source("example.toml", toml.as_bytes(), &options);
//! assert!(report.diagnostics.iter().any(|d| d.rule == "groups-meet-quarterly" && d.message == "Board meets 2 times a year"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod init;
pub mod lints;
pub mod load;
pub mod model;
pub mod report;
pub mod rules;
pub mod structure;

#[cfg(feature = "cli")]
pub mod cli;

use std::path::{Path, PathBuf};

pub use model::{Day, Model};

/// Where masa's source and documentation live, for links in SARIF output. The project has no
/// public home yet, so this is a placeholder in the reserved `.invalid` domain (RFC 2606): no
/// link can lead somewhere wrong. Change it here when masa is published.
pub const HOMEPAGE: &str = "https://masa.invalid";
pub use report::{Diagnostic, FileReport, Report, Severity};

/// Settings for a check.
#[derive(Clone)]
pub struct Options {
    /// The date date-dependent rules judge against (injectable so results are reproducible).
    pub today: Day,
    /// Files larger than this many bytes are refused with a `file-too-large` finding.
    pub max_file_size: usize,
    /// Project-wide lint levels (a document's own `[lints]` override them).
    pub lints: lints::ProjectLints,
    /// The rules to run: the built-in catalog, plus any an embedder adds.
    pub rules: Vec<&'static dyn rules::Rule>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            today: Day::today_utc(),
            max_file_size: load::DEFAULT_MAX_FILE_SIZE,
            lints: lints::ProjectLints::default(),
            rules: rules::catalog(),
        }
    }
}

impl Options {
    /// Adds a rule of the embedder's own to the catalog.
    pub fn with_rule(mut self, rule: &'static dyn rules::Rule) -> Self {
        self.rules.push(rule);
        self
    }
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("today", &self.today)
            .field("max_file_size", &self.max_file_size)
            .field("lints", &self.lints)
            .field(
                "rules",
                &self.rules.iter().map(|r| r.meta().id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Checks one document held in memory. `path` is only used to name it in the report.
pub fn check_source(path: &str, bytes: &[u8], options: &Options) -> FileReport {
    if let Some(too_large) = load::size_limit(bytes.len() as u64, options.max_file_size) {
        return FileReport::new(path, String::new(), vec![too_large]);
    }
    if let Some(binary) = load::binary(bytes) {
        return FileReport::new(path, String::new(), vec![binary]);
    }
    let text = match load::decode(bytes) {
        Ok(text) => text,
        Err(failed) => {
            let (lossy, diagnostic) = *failed;
            return FileReport::new(path, lossy, vec![diagnostic]);
        }
    };
    let (findings, facts) = check_text(text, options);
    let mut report = FileReport::new(path, text.to_owned(), findings);
    report.facts = facts;
    report
}

/// The pipeline on decoded text. Syntax errors stop it (nothing else can be read). With
/// structural problems, the rules do not run, but the parts that are well formed are still
/// resolved, so unknown references are reported in the same run.
/// Also returns the facts the checks across files need, when the document reached the rules.
fn check_text(text: &str, options: &Options) -> (Vec<Diagnostic>, Option<rules::cross::Facts>) {
    let mut doc = match load::parse(text) {
        Ok(doc) => doc,
        Err(syntax) => return (syntax, None),
    };
    if doc.get_ref().is_empty() {
        return (vec![load::empty_document()], None);
    }
    let (mut findings, usable) = structure::check_and_prune(&mut doc);
    if findings.is_empty() {
        return match model::build(doc) {
            // Rules judge only a document whose ids all resolve: otherwise they would report
            // the same broken reference again in their own words.
            Ok((model, references)) if references.is_empty() => {
                let found = rules::run_with(&options.rules, &model, options.today, &options.lints);
                let facts = rules::cross::Facts::of(&model);
                (
                    lints::apply(found, &model, &options.lints, &options.rules),
                    Some(facts),
                )
            }
            Ok((_, references)) => (references, None),
            Err(diagnostic) => (vec![*diagnostic], None),
        };
    }
    if usable {
        if let Ok((_, references)) = model::build(doc) {
            findings.extend(references);
        }
    }
    (findings, None)
}

/// Parses, validates and resolves a document into its [`Model`], for embedders that want
/// to read the arrangements themselves. Returns the findings if it cannot.
pub fn parse_model(text: &str) -> Result<(Model, Vec<Diagnostic>), Vec<Diagnostic>> {
    let doc = load::parse(text)?;
    let structural = structure::check(&doc);
    if !structural.is_empty() {
        return Err(structural);
    }
    model::build(doc).map_err(|d| vec![*d])
}

/// Checks one file on disk. Files over the size limit are refused without being read.
pub fn check_file(path: &Path, options: &Options) -> std::io::Result<FileReport> {
    let name = path.display().to_string();
    let len = std::fs::metadata(path)?.len();
    if let Some(too_large) = load::size_limit(len, options.max_file_size) {
        return Ok(FileReport::new(name, String::new(), vec![too_large]));
    }
    let bytes = std::fs::read(path)?;
    Ok(check_source(&name, &bytes, options))
}

/// Finds the arrangement files under the given paths: files as given, directories searched
/// for `*.toml` (hidden entries, `target/` and the `masa.toml` configuration skipped), in path
/// order.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                walk(path, &mut files, &mut problems, &mut Default::default(), 0)
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push((path.display().to_string(), describe_io(&e))),
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

/// Deep enough for any real layout, shallow enough that a symlink loop ends quickly.
const MAX_DIRECTORY_DEPTH: usize = 32;

/// `visited` holds the directories already walked (by their real path), so a symbolic link back
/// to a directory being walked is not followed round again.
fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<(String, String)>,
    visited: &mut std::collections::HashSet<PathBuf>,
    depth: usize,
) {
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !visited.insert(real) {
            return;
        }
    }
    if depth > MAX_DIRECTORY_DEPTH {
        problems.push((
            dir.display().to_string(),
            "directories nested too deeply (a symlink loop?)".into(),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push((dir.display().to_string(), describe_io(&e)));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, files, problems, visited, depth + 1),
            Ok(_) if name.ends_with(".toml") && name != lints::CONFIG_FILE => files.push(path),
            Ok(_) => {}
            Err(e) => problems.push((path.display().to_string(), describe_io(&e))),
        }
    }
}

/// An I/O error in plain words.
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    // ELOOP has no stable ErrorKind yet: recognise it by its number.
    const ELOOP: i32 = if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd"
    )) {
        62
    } else {
        40
    };
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ if cfg!(unix) && e.raw_os_error() == Some(ELOOP) => {
            "a symbolic link loop (the link leads back to itself)".into()
        }
        _ => e.to_string(),
    }
}

/// Checks every arrangement file under `paths` and gathers the findings, in path order.
///
/// Files are checked in parallel on all available cores; the report is in path order
/// whatever order the checks finish in.
pub fn check_paths(paths: &[PathBuf], options: &Options) -> Report {
    let (files, mut unreadable) = discover(paths);
    let results = check_files_in_parallel(&files, options);
    let mut report = Report::default();
    for (path, result) in files.iter().zip(results) {
        match result {
            Ok(file) => report.files.push(file),
            Err(e) => unreadable.push((path.display().to_string(), describe_io(&e))),
        }
    }
    unreadable.sort();
    report.unreadable = unreadable;
    check_across_files(&mut report, options);
    report
}

/// Checks documents held in memory, each alone and then together: the library form of
/// `masa check` on several files. `sources` are `(name, bytes)`; the report keeps their order.
pub fn check_sources(sources: &[(&str, &[u8])], options: &Options) -> Report {
    let mut report = Report {
        files: sources
            .iter()
            .map(|(name, bytes)| check_source(name, bytes, options))
            .collect(),
        unreadable: Vec::new(),
    };
    check_across_files(&mut report, options);
    report
}

/// Runs the rules that compare documents over every file whose own check reached the rules
/// (each partnership's latest document only), and adds their findings to the files they
/// concern, with the places in the other files attached.
pub fn check_across_files(report: &mut Report, options: &Options) {
    let cross_rules: Vec<&dyn rules::Rule> = options
        .rules
        .iter()
        .copied()
        .filter(|r| r.across_files() && lints::runs_across_files(*r, &options.lints))
        .collect();
    let with_facts: Vec<usize> = (0..report.files.len())
        .filter(|&i| report.files[i].facts.is_some())
        .collect();
    if cross_rules.is_empty() || with_facts.len() < 2 {
        return;
    }
    let found = {
        let candidates: Vec<(&str, &rules::cross::Facts)> = with_facts
            .iter()
            .filter_map(|&i| {
                Some((
                    report.files[i].path.as_str(),
                    report.files[i].facts.as_ref()?,
                ))
            })
            .collect();
        let latest: Vec<usize> = rules::cross::latest_per_partnership(&candidates);
        let latest_files: Vec<(&str, &rules::cross::Facts)> =
            latest.iter().map(|&i| candidates[i]).collect();
        let mut all = Vec::new();
        for neighbours in rules::cross::neighbourhoods(&latest_files) {
            let set = rules::cross::DocumentSet::new(
                neighbours.iter().map(|&k| latest_files[k]).collect(),
            );
            let mut found = Vec::new();
            for rule in &cross_rules {
                rule.check_set(&set, &mut found);
            }
            // Set positions back to report positions.
            let to_report = |k: usize| with_facts[latest[neighbours[k]]];
            all.extend(found.into_iter().map(|f| {
                let related: Vec<(usize, model::Span, String)> = f
                    .related
                    .into_iter()
                    .map(|(k, span, message)| (to_report(k), span, message))
                    .collect();
                (to_report(f.file), f.diagnostic, related)
            }));
        }
        all
    };
    for (file, diagnostic, related) in found {
        let lint_settings = report.files[file]
            .facts
            .as_ref()
            .map_or(&[][..], |f| f.lints.as_slice());
        let Some(mut diagnostic) =
            lints::apply_across_files(diagnostic, lint_settings, &options.lints)
        else {
            continue;
        };
        for (other, span, message) in related {
            let other = &report.files[other];
            diagnostic.related.push(report::Related {
                path: other.path.clone(),
                source: std::sync::Arc::clone(&other.source),
                span,
                message,
            });
        }
        report.files[file].push(diagnostic);
    }
}

/// Checks files on a pool of scoped threads, one per core, each taking the next unchecked
/// file; results come back in the order of `files`.
fn check_files_in_parallel(
    files: &[PathBuf],
    options: &Options,
) -> Vec<std::io::Result<FileReport>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len().max(1));
    if workers <= 1 {
        return files.iter().map(|f| check_file(f, options)).collect();
    }
    structure::warm_up(); // build the shared validator once, before the threads race for it
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<std::io::Result<FileReport>>>> =
        files.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let result = check_file(path, options);
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(std::io::Error::other(
                    "the check of this file did not complete",
                ))
            })
        })
        .collect()
}
