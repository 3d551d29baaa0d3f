//! One document: load → structure → model → rules, on bytes held in memory or a file on disk.

use std::path::Path;

use super::Options;
use crate::diag::Diagnostic;
use crate::model::{self, Model};
use crate::report::FileReport;
use crate::rules::across_files::Facts;
use crate::rules::{self, levels};
use crate::{load, structure};

/// Checks one document held in memory. `path` is only used to name it in the report.
pub fn check_source(path: &str, bytes: &[u8], options: &Options) -> FileReport {
    check_source_with_facts(path, bytes, options).0
}

/// [`check_source`], also returning what the checks across files need from the document
/// (only when its own check reached the rules).
pub(crate) fn check_source_with_facts(
    path: &str,
    bytes: &[u8],
    options: &Options,
) -> (FileReport, Option<Facts>) {
    if let Some(too_large) = load::size_limit(bytes.len() as u64, options.max_file_size) {
        return (FileReport::new(path, String::new(), vec![too_large]), None);
    }
    if let Some(binary) = load::binary(bytes) {
        return (FileReport::new(path, String::new(), vec![binary]), None);
    }
    let text = match load::decode(bytes) {
        Ok(text) => text,
        Err(failed) => {
            let (lossy, diagnostic) = *failed;
            return (FileReport::new(path, lossy, vec![diagnostic]), None);
        }
    };
    let (findings, facts) = check_text(text, options);
    (FileReport::new(path, text.to_owned(), findings), facts)
}

/// The pipeline on decoded text. Syntax errors stop it (nothing else can be read). With
/// structural problems, the rules do not run, but the parts that are well formed are still
/// resolved, so unknown references are reported in the same run.
/// Also returns the facts the checks across files need, when the document reached the rules.
fn check_text(text: &str, options: &Options) -> (Vec<Diagnostic>, Option<Facts>) {
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
                let facts = Facts::of(&model);
                (
                    levels::apply(found, &model, &options.lints, &options.rules),
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
    check_file_with_facts(path, options).map(|(report, _)| report)
}

/// [`check_file`], also returning the facts for the checks across files.
pub(crate) fn check_file_with_facts(
    path: &Path,
    options: &Options,
) -> std::io::Result<(FileReport, Option<Facts>)> {
    let name = path.display().to_string();
    let len = std::fs::metadata(path)?.len();
    if let Some(too_large) = load::size_limit(len, options.max_file_size) {
        return Ok((FileReport::new(name, String::new(), vec![too_large]), None));
    }
    let bytes = std::fs::read(path)?;
    Ok(check_source_with_facts(&name, &bytes, options))
}
