//! Which files to check: files as given, directories walked for `*.toml`.

use std::path::{Path, PathBuf};

use crate::rules::levels;

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

/// A guard against running out of stack, far deeper than any real layout: loops are found by
/// identity (device and inode), not by depth, so a real tree this deep is walked in full.
const MAX_DIRECTORY_DEPTH: usize = 1_000;

/// `visited` holds the directories already walked (by device and inode), so a symbolic link
/// back to a directory being walked is not followed round again.
fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<(String, String)>,
    visited: &mut std::collections::HashSet<(u64, u64, Option<PathBuf>)>,
    depth: usize,
) {
    if !visited.insert(identity(dir)) {
        return; // a link back to a directory already walked
    }
    if depth > MAX_DIRECTORY_DEPTH {
        problems.push((
            dir.display().to_string(),
            format!("directories nested more than {MAX_DIRECTORY_DEPTH} deep"),
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
            Ok(meta) if name.ends_with(".toml") && name != levels::CONFIG_FILE => {
                if meta.is_file() {
                    files.push(path);
                } else {
                    problems.push((path.display().to_string(), not_a_file(&meta)));
                }
            }
            Ok(_) => {}
            Err(e) => problems.push((path.display().to_string(), describe_io(&e))),
        }
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
