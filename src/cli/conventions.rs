//! The command-line conventions users know from ruff and cargo: `masa.toml` found in a parent
//! directory, `masa check -` with `--stdin-filename`, `--output-file`, `--exclude` and
//! `.gitignore` when walking directories, `--statistics`, `--watch`, and `--with-neighbours`
//! for the pre-commit hook.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::Report;
use crate::diag::Severity;

/// The options of `masa check` that follow those conventions.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConventionArgs {
    /// With `-` as the path: the name to give the text read from standard input (in the
    /// report, and for finding `masa.toml` from its directory).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Leave out paths matching this glob when walking a directory, as a `.gitignore` line
    /// would (e.g. `archive/`, `*-draft.toml`); may be repeated. Files named on the command
    /// line are always checked.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Walk directories without reading `.gitignore` and `.ignore` files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Print the number of findings of each rule, across all files, instead of each finding.
    #[arg(long)]
    pub statistics: bool,
    /// Check, then check again whenever a file under the paths changes, until stopped (Ctrl-C).
    #[arg(long)]
    pub watch: bool,
    /// Check each file named together with the other arrangement files in its directory, so
    /// that the checks across files run, but report only the files named (for pre-commit,
    /// which names only the files a commit changes).
    #[arg(long)]
    pub with_neighbours: bool,
}

impl ConventionArgs {
    /// How directories are walked.
    pub fn walk(&self) -> crate::check::Walk {
        crate::check::Walk {
            exclude: self.exclude.clone(),
            no_ignore: self.no_ignore,
        }
    }
}

/// `masa.toml` in `start` or the nearest directory above it that has one.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .map(|dir| dir.join(crate::lints::CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

/// Reads standard input as the text of one file, with the size limit applied as for a file
/// on disk. `Err` is the reason it could not be read.
pub fn read_stdin(max: usize) -> Result<crate::check::Read, String> {
    crate::check::read_bounded(std::io::stdin().lock(), max)
        .map_err(|e| format!("cannot read standard input: {}", crate::describe_io(&e)))
}

/// The named files with the other arrangement files in their directories added (directories
/// named are walked as they are anyway).
pub fn with_neighbours(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = paths.to_vec();
    for path in paths {
        if !path.is_file() {
            continue;
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                name.is_some_and(|n| {
                    n.ends_with(".toml") && !n.starts_with('.') && n != crate::lints::CONFIG_FILE
                }) && p.is_file()
            })
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

/// Keeps only the files that were named (neighbours were context for the checks across
/// files), matched by identity so `./a.toml` and `a.toml` are the same file.
pub fn keep_named(report: &mut Report, named: &[PathBuf]) {
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    report
        .files
        .retain(|f| named.iter().any(|n| same(Path::new(&f.path), n)));
}

/// One row of `--statistics`.
#[derive(Debug, serde::Serialize)]
struct Row<'a> {
    rule: &'a str,
    severity: &'static str,
    count: usize,
    files: usize,
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn rows(report: &Report) -> Vec<Row<'_>> {
    // rule → (severity, findings, files)
    let mut counts: BTreeMap<&str, (Severity, usize, usize)> = BTreeMap::new();
    for file in &report.files {
        let mut seen_here = std::collections::HashSet::new();
        for d in &file.diagnostics {
            let entry = counts.entry(d.rule.as_str()).or_insert((d.severity, 0, 0));
            entry.0 = entry.0.max(d.severity);
            entry.1 += 1;
            if seen_here.insert(d.rule.as_str()) {
                entry.2 += 1;
            }
        }
    }
    let mut rows: Vec<Row<'_>> = counts
        .into_iter()
        .map(|(rule, (severity, count, files))| Row {
            rule,
            severity: severity_word(severity),
            count,
            files,
        })
        .collect();
    // Most findings first, then by rule id: the same order every run.
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

/// `--statistics` for people: findings per rule, most first, across every file.
pub fn statistics_table(report: &Report) -> String {
    let rows = rows(report);
    let summary = report.summary();
    if rows.is_empty() {
        return format!("no findings in {} files\n", summary.files);
    }
    let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        out.push_str(&format!(
            "{:>5}  {:<width$}  {:<7}  in {} {}\n",
            r.count,
            r.rule,
            r.severity,
            r.files,
            if r.files == 1 { "file" } else { "files" },
        ));
    }
    out.push_str(&format!(
        "checked {} {}: {} errors, {} warnings, {} infos\n",
        summary.files,
        if summary.files == 1 { "file" } else { "files" },
        summary.errors,
        summary.warnings,
        summary.infos
    ));
    out
}

/// `--statistics --format json`: a list of `{rule, severity, count, files}`.
pub fn statistics_json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(&rows(report)).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the report to `--output-file` (or standard output). A file that cannot be written
/// is exit 2 with the reason, as a report that cannot be printed is.
#[must_use]
pub fn emit(text: &str, output_file: Option<&Path>) -> Option<ExitCode> {
    let Some(path) = output_file else {
        return super::print_out(text);
    };
    let written = std::fs::File::create(path).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.flush()
    });
    match written {
        Ok(()) => None,
        Err(e) => {
            eprintln!(
                "masa: cannot write the report to `{}`: {}",
                path.display(),
                crate::describe_io(&e)
            );
            Some(ExitCode::from(2))
        }
    }
}

/// How long to wait after a change for more (an editor's save is often several writes).
const SETTLE: Duration = Duration::from_millis(200);

/// `--watch`: runs `check_once`, then again after each change under `paths`, until the
/// process is stopped. Changes to the report file itself are not changes to check.
pub fn watch(
    paths: &[PathBuf],
    output_file: Option<&Path>,
    mut check_once: impl FnMut() -> ExitCode,
) -> ExitCode {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    }) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("masa: cannot watch for changes: {e}");
            return ExitCode::from(2);
        }
    };
    for path in paths {
        if let Err(e) = watcher.watch(path, RecursiveMode::Recursive) {
            eprintln!("masa: cannot watch `{}`: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let report_file = output_file.and_then(|p| std::fs::canonicalize(p).ok());
    let relevant = |event: &notify::Event| {
        use notify::EventKind;
        matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        ) && event.paths.iter().any(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.ends_with(".toml"))
                && report_file
                    .as_ref()
                    .is_none_or(|r| std::fs::canonicalize(p).ok().as_ref() != Some(r))
        })
    };
    loop {
        check_once();
        eprintln!("masa: watching for changes (Ctrl-C to stop)");
        // Wait for a change that matters, then let a burst of writes settle.
        loop {
            match rx.recv() {
                Ok(Ok(event)) if relevant(&event) => break,
                Ok(_) => {}
                Err(_) => return ExitCode::from(2),
            }
        }
        while rx.recv_timeout(SETTLE).is_ok() {}
        eprintln!("masa: a file changed; checking again");
    }
}
