//! The driver: one document, many files, the checks across files, discovery of files and the
//! pool of threads they are checked on. Everything a front end (the CLI, an embedder) calls to
//! run the pipeline load → structure → model → rules and get a [`Report`].

mod across;
mod discover;
mod file;
mod options;
mod parallel;

use std::path::PathBuf;

pub use discover::{Walk, describe_io, discover, discover_with};
pub use file::{Read, check_file, check_source, parse_model, read_bounded, read_regular_file};
pub use options::Options;

use crate::report::Report;

/// Checks every arrangement file under `paths` and gathers the findings, in path order.
///
/// Files are checked in parallel on all available cores; the report is in path order
/// whatever order the checks finish in.
pub fn check_paths(paths: &[PathBuf], options: &Options) -> Report {
    check_paths_with(paths, options, &Walk::default())
}

/// [`check_paths`], walking directories as `walk` says (`.gitignore`, `--exclude`).
pub fn check_paths_with(paths: &[PathBuf], options: &Options, walk: &Walk) -> Report {
    let (files, mut unreadable) = discover_with(paths, walk);
    let results = parallel::check_files_in_parallel(&files, options);
    let mut report = Report::default();
    let mut facts = Vec::with_capacity(files.len());
    for (path, result) in files.iter().zip(results) {
        match result {
            Ok((file, file_facts)) => {
                report.files.push(file);
                facts.push(file_facts);
            }
            Err(e) => unreadable.push((path.display().to_string(), describe_io(&e))),
        }
    }
    unreadable.sort();
    report.unreadable = unreadable;
    across::check_across_files(&mut report, &facts, options);
    report
}

/// Checks documents held in memory, each alone and then together: the library form of
/// `masa check` on several files. `sources` are `(name, bytes)`; the report keeps their order.
pub fn check_sources(sources: &[(&str, &[u8])], options: &Options) -> Report {
    let (files, facts): (Vec<_>, Vec<_>) = sources
        .iter()
        .map(|(name, bytes)| file::check_source_with_facts(name, bytes, options))
        .unzip();
    let mut report = Report {
        files,
        unreadable: Vec::new(),
    };
    across::check_across_files(&mut report, &facts, options);
    report
}
