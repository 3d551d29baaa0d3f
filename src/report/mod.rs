//! Stage 5, *report*: diagnostics are plain values; this module renders them for people
//! (miette's graphical report) and for machines (JSON).

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

pub use crate::diag::{Diagnostic, Label, LineIndex, Position, Related, Severity, SourceText};

use std::sync::Arc;

use miette::NamedSource;

/// The findings for one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given to masa.
    pub path: String,
    /// The file's text (decoded lossily if it was not UTF-8).
    pub source: Arc<NamedSource<SourceText>>,
    /// The findings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Makes a report, attaching the source to every diagnostic and sorting them by position.
    pub fn new(path: impl Into<String>, text: String, mut diagnostics: Vec<Diagnostic>) -> Self {
        let path = path.into();
        let source =
            Arc::new(NamedSource::new(path.clone(), SourceText::new(text)).with_language("toml"));
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        for d in &mut diagnostics {
            d.attach_source(&source);
        }
        FileReport {
            path,
            source,
            diagnostics,
        }
    }

    /// Adds a finding made after the file was checked (a check across files), attaching the
    /// source and keeping source order.
    pub fn push(&mut self, mut diagnostic: Diagnostic) {
        diagnostic.attach_source(&self.source);
        let key = |d: &Diagnostic| (d.span.start, d.span.end, d.rule.clone());
        let at = self
            .diagnostics
            .partition_point(|d| key(d) <= key(&diagnostic));
        self.diagnostics.insert(at, diagnostic);
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        self.source.inner().as_str()
    }

    /// Line and column positions in the file, from the line starts computed once.
    pub fn line_index(&self) -> LineIndex<'_> {
        LineIndex::of(self.source.inner())
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The findings for every file checked, in path order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One entry per file.
    pub files: Vec<FileReport>,
    /// Paths that could not be read at all, with the reason.
    pub unreadable: Vec<(String, String)>,
}

/// Totals over a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
    /// Paths that could not be read.
    pub unreadable: usize,
}

impl Report {
    /// Sets each finding's documentation link to its rule's page under `base` (where
    /// `masa rules --format html` was published). A finding whose rule has no generated page
    /// (an embedder's rule) keeps the link it has, which is none unless its rule set one.
    pub fn link_docs(&mut self, base: &crate::rules::docs::DocsBase) {
        for d in self.files.iter_mut().flat_map(|f| f.diagnostics.iter_mut()) {
            if let Some(url) = base.url(&d.rule) {
                d.url = Some(url);
            }
        }
    }

    /// Totals.
    pub fn summary(&self) -> Summary {
        let total = |s| self.files.iter().map(|f| f.count(s)).sum();
        Summary {
            files: self.files.len(),
            errors: total(Severity::Error),
            warnings: total(Severity::Warning),
            infos: total(Severity::Info),
            unreadable: self.unreadable.len(),
        }
    }
}
