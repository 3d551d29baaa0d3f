//! Output for machines: stable, versioned JSON (format version 1).
//!
//! ```json
//! { "version": 1,
//!   "files": [ { "path": "…", "diagnostics": [ { "rule", "severity", "message", "line", "column",
//!                "end_line", "end_column", "help", "citation", "url", "labels": [], "related": [],
//!                "fix"?: { "title", "applicability", "edits": [ { "line", "column", "end_line",
//!                          "end_column", "replacement" } ] } } ] } ],
//!   "unreadable": [ { "path", "reason" } ],
//!   "summary": { "files", "errors", "warnings", "infos", "unreadable" } }
//! ```
//! Lines and columns are 1-based; columns count Unicode characters. `url` is the rule's page
//! where the rule pages are published (`docs-url`, `--docs-url`), and null otherwise: masa
//! has no address of its own and never prints a placeholder. `fix` is present only on a
//! finding that carries one (`applicability` is `safe` or `unsafe`; `masa check --fix` applies
//! the safe ones); an edit replaces the text from its start up to (not including) its end.

use serde::Serialize;

use super::{Diagnostic, FileReport, LineIndex, Report, Severity, Summary};

/// The JSON format's version; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    unreadable: Vec<JsonUnreadable<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonUnreadable<'a> {
    path: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
    citation: Option<&'a str>,
    url: Option<&'a str>,
    labels: Vec<JsonPlace<'a>>,
    related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: crate::diag::Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonPlace<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

fn place<'a>(index: &LineIndex<'_>, span: &crate::model::Span, message: &'a str) -> JsonPlace<'a> {
    let (start, end) = index.range(span);
    JsonPlace {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        message,
    }
}

fn diagnostic<'a>(index: &LineIndex<'_>, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (start, end) = index.range(&d.span);
    JsonDiagnostic {
        rule: &d.rule,
        severity: d.severity,
        message: &d.message,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        help: d.help.as_deref(),
        citation: d.citation.as_deref(),
        url: d.url.as_deref(),
        labels: d
            .labels
            .iter()
            .map(|l| place(index, &l.span, &l.message))
            .collect(),
        related: d
            .related
            .iter()
            .map(|r| {
                let other = LineIndex::of(r.source.inner());
                let p = place(&other, &r.span, &r.message);
                JsonRelated {
                    path: &r.path,
                    line: p.line,
                    column: p.column,
                    end_line: p.end_line,
                    end_column: p.end_column,
                    message: &r.message,
                }
            })
            .collect(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            title: &f.title,
            applicability: f.applicability,
            edits: f
                .edits
                .iter()
                .map(|e| {
                    let (start, end) = index.range(&e.span);
                    JsonEdit {
                        line: start.line,
                        column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                        replacement: &e.replacement,
                    }
                })
                .collect(),
        }),
    }
}

fn file(f: &FileReport) -> JsonFile<'_> {
    let index = f.line_index();
    JsonFile {
        path: &f.path,
        diagnostics: f
            .diagnostics
            .iter()
            .map(|d| diagnostic(&index, d))
            .collect(),
    }
}

/// Renders a report as pretty-printed JSON.
pub fn render(report: &Report) -> String {
    let json = JsonReport {
        version: FORMAT_VERSION,
        files: report.files.iter().map(file).collect(),
        unreadable: report
            .unreadable
            .iter()
            .map(|(path, reason)| JsonUnreadable { path, reason })
            .collect(),
        summary: report.summary(),
    };
    let mut text =
        serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
