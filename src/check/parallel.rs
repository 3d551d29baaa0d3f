//! Files checked in parallel, results in the order given.

use std::path::PathBuf;

use super::Options;
use super::file::check_file_with_facts;
use crate::report::FileReport;
use crate::rules::across_files::Facts;

/// Checks one file and, if it has no findings, lets go of its text: a run over many files then
/// holds the text only of those with findings to show (the checks across files read a clean
/// file again in the rare case they find something in it; see `across::reload`).
fn check_one(path: &std::path::Path, options: &Options) -> std::io::Result<Checked> {
    let (report, facts) = check_file_with_facts(path, options)?;
    if report.diagnostics.is_empty() {
        return Ok((
            FileReport::new(report.path, String::new(), Vec::new()),
            facts,
        ));
    }
    Ok((report, facts))
}

/// One file's report and what the checks across files need from it.
pub(crate) type Checked = (FileReport, Option<Facts>);

/// Checks files on a pool of scoped threads, one per core, each taking the next unchecked
/// file; results come back in the order of `files`.
pub(crate) fn check_files_in_parallel(
    files: &[PathBuf],
    options: &Options,
) -> Vec<std::io::Result<Checked>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len().max(1));
    if workers <= 1 {
        return files.iter().map(|f| check_one(f, options)).collect();
    }
    crate::structure::warm_up(); // build the shared validator once, before the threads race for it
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<std::io::Result<Checked>>>> =
        files.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let result = check_one(path, options);
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
