//! Which files to check: files as given, directories walked for `*.toml` as ripgrep and ruff
//! walk them (`.gitignore` and `.ignore` respected, hidden entries skipped, `--exclude GLOB`).

use std::path::{Path, PathBuf};

use crate::rules::levels;

/// How directories are walked.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// Globs of paths to leave out when walking a directory (`--exclude`), matched as a
    /// `.gitignore` line is: `old/`, `*-draft.toml`, `archive/**`. Files named on the command
    /// line are checked whatever these say.
    pub exclude: Vec<String>,
    /// Check every file, ignoring `.gitignore` and `.ignore` files.
    pub no_ignore: bool,
}

/// Finds the arrangement files under the given paths: files as given, directories searched
/// for `*.toml` (hidden entries, `target/`, what `.gitignore` leaves out and the `masa.toml`
/// configuration skipped), in path order.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, String)>) {
    discover_with(paths, &Walk::default())
}

/// [`discover`], walking directories as `walk` says.
pub fn discover_with(paths: &[PathBuf], walk: &Walk) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, walk, &mut files, &mut problems),
            Ok(meta) if meta.is_file() => files.push(path.clone()),
            Ok(meta) => problems.push((path.display().to_string(), not_a_file(&meta))),
            Err(e) => problems.push((path.display().to_string(), describe_io(&e))),
        }
    }
    files.sort();
    files.dedup();
    // One file named several ways (`a.toml`, `./a.toml`, `../d/a.toml`, a link to it) is
    // checked once, under the first of its names in path order.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(identity(f)));
    (files, problems)
}

/// What makes two paths the same file or directory: its device and inode on Unix, its
/// canonical path elsewhere (or the path as given, if it has none).
fn identity(path: &Path) -> (u64, u64, Option<PathBuf>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(meta) = std::fs::metadata(path) {
            return (meta.dev(), meta.ino(), None);
        }
    }
    (
        0,
        0,
        Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())),
    )
}

/// Walks one directory with the `ignore` crate. Links are followed, and a link back to a
/// directory being walked is found by the walker (by device and inode) and not followed round
/// again; the walk is iterative, so a deep tree is walked in full without running out of stack.
fn walk_dir(
    dir: &Path,
    walk: &Walk,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<(String, String)>,
) {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .follow_links(true)
        .hidden(true)
        .parents(!walk.no_ignore)
        .ignore(!walk.no_ignore)
        .git_ignore(!walk.no_ignore)
        .git_global(false)
        .git_exclude(!walk.no_ignore)
        // A partnership's folder of arrangements need not be a git repository for its
        // `.gitignore` to mean what it says.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|e| e.depth() == 0 || e.file_name() != "target");
    if !walk.exclude.is_empty() {
        let mut overrides = ignore::overrides::OverrideBuilder::new(dir);
        for glob in &walk.exclude {
            // An override glob is a whitelist; `!` makes it a list of what to leave out.
            if let Err(e) = overrides.add(&format!("!{glob}")) {
                problems.push((glob.clone(), format!("not a valid --exclude pattern: {e}")));
            }
        }
        match overrides.build() {
            Ok(o) => {
                builder.overrides(o);
            }
            Err(e) => problems.push((dir.display().to_string(), e.to_string())),
        }
    }
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if let Some((path, reason)) = walk_problem(&e) {
                    problems.push((path, reason));
                }
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if !name.ends_with(".toml") || name == levels::CONFIG_FILE {
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) if meta.is_file() => files.push(path.to_path_buf()),
            Ok(meta) => problems.push((path.display().to_string(), not_a_file(&meta))),
            Err(e) => problems.push((path.display().to_string(), describe_io(&e))),
        }
    }
}

/// A problem the walker met, as (path, reason); `None` for a link back to a directory
/// already being walked, which is simply not followed again.
fn walk_problem(e: &ignore::Error) -> Option<(String, String)> {
    match e {
        ignore::Error::Loop { .. } => None,
        ignore::Error::WithPath { path, err } => {
            walk_problem(err).map(|(_, reason)| (path.display().to_string(), reason))
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_problem(err)
        }
        ignore::Error::Io(io) => Some((String::new(), describe_io(io))),
        ignore::Error::Partial(errors) => errors.first().and_then(walk_problem),
        other => Some((String::new(), other.to_string())),
    }
}

/// Why a path that is not a regular file is not checked (a named pipe would block the read,
/// a device may never end).
fn not_a_file(meta: &std::fs::Metadata) -> String {
    format!(
        "not a regular file ({}); masa reads only files",
        super::file::kind_of(meta)
    )
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
