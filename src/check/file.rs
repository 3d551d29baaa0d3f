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
    // The ids the file declares, before broken declarations are cut away.
    let written = model::resolve::written_ids(&doc);
    let (mut findings, usable) = structure::check_and_prune(&mut doc);
    if findings.is_empty() {
        return match model::build_with_written(doc, &written) {
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
        if let Ok((_, references)) = model::build_with_written(doc, &written) {
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

/// Checks one file on disk. Files over the size limit are refused without being read, and
/// anything but a regular file is an error (see [`read_regular_file`]).
pub fn check_file(path: &Path, options: &Options) -> std::io::Result<FileReport> {
    check_file_with_facts(path, options).map(|(report, _)| report)
}

/// [`check_file`], also returning the facts for the checks across files.
pub(crate) fn check_file_with_facts(
    path: &Path,
    options: &Options,
) -> std::io::Result<(FileReport, Option<Facts>)> {
    let name = path.display().to_string();
    match read_regular_file(path, options.max_file_size)? {
        Read::TooLarge(too_large) => {
            Ok((FileReport::new(name, String::new(), vec![*too_large]), None))
        }
        Read::Bytes(bytes) => Ok(check_source_with_facts(&name, &bytes, options)),
    }
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Read {
    /// The whole file, at most the limit.
    Bytes(Vec<u8>),
    /// The `file-too-large` finding: the file is larger than the limit.
    TooLarge(Box<Diagnostic>),
}

/// Reads a regular file of at most `max` bytes.
///
/// Anything else (a named pipe, a device, a socket, a directory) is refused before it is
/// opened, so masa never blocks on a pipe nor reads a device without end; the opened handle is
/// checked again, in case the path changed in between. A file whose metadata gives its size as
/// over the limit is refused without being read, and the read itself stops one byte past the
/// limit (the metadata of some files, such as those under `/proc`, says 0).
pub fn read_regular_file(path: &Path, max: usize) -> std::io::Result<Read> {
    let meta = std::fs::metadata(path)?;
    not_regular(&meta)?;
    if let Some(too_large) = load::size_limit(meta.len(), max) {
        return Ok(Read::TooLarge(Box::new(too_large)));
    }
    let file = std::fs::File::open(path)?;
    not_regular(&file.metadata()?)?;
    read_bounded(file, max)
}

/// Reads at most `max` bytes; more is refused with `file-too-large`.
pub fn read_bounded(reader: impl std::io::Read, max: usize) -> std::io::Result<Read> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    reader.take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Ok(Read::TooLarge(Box::new(load::read_past_limit(max))));
    }
    Ok(Read::Bytes(bytes))
}

/// An error unless `meta` is a regular file's, naming what it is instead.
fn not_regular(meta: &std::fs::Metadata) -> std::io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "not a regular file ({}); masa reads only files",
            kind_of(meta)
        ),
    ))
}

/// What a file that is not a regular file is, in words.
pub(crate) fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_without_end_is_read_only_to_the_limit() {
        match read_bounded(std::io::repeat(b'a'), 1000).unwrap() {
            Read::TooLarge(d) => assert_eq!(d.rule, load::FILE_TOO_LARGE),
            Read::Bytes(b) => panic!("read {} bytes", b.len()),
        }
        match read_bounded(&b"abc"[..], 3).unwrap() {
            Read::Bytes(b) => assert_eq!(b, b"abc"),
            Read::TooLarge(_) => panic!("3 bytes are within a limit of 3"),
        }
    }
}
