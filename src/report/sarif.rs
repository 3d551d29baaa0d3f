//! SARIF 2.1.0, for code-scanning services (GitHub code scanning and others).
//!
//! One run; `tool.driver.rules` lists the whole catalog and the pipeline's own checks, so that
//! every result's `ruleId` is described and rule ids and paths stay stable across runs (code
//! scanning matches alerts by them). Columns count Unicode characters, as the JSON output does,
//! and the run says so with `columnKind`.

use serde_json::{Value, json};

use super::{Diagnostic, FileReport, LineIndex, Report, Severity};
use crate::rules::{Rule, docs};

/// The SARIF schema the output declares.
const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: forward slashes, and percent-encoding for anything but
/// unreserved characters, so that spaces and non-ASCII names stay valid. Absolute paths become
/// `file://` URIs; relative ones stay relative to the directory masa ran in.
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else if path.as_bytes().get(1) == Some(&b':') {
        // A Windows drive path, C:/…: the colon was encoded above; keep it.
        format!("file:///{}", out.replacen("%3A", ":", 1))
    } else {
        out
    }
}

fn rule_descriptor(meta: &crate::rules::RuleMeta, docs: Option<&docs::DocsBase>) -> Value {
    let mut descriptor = json!({
        "id": meta.id,
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": format!("{} {}", meta.what, meta.why) },
        "help": {
            "text": docs::explain(meta),
            "markdown": format!(
                "**{}**\n\n*What it checks.* {}\n\n*Why it matters.* {}\n\nFails:\n\n```toml\n{}\n```\n\nPasses:\n\n```toml\n{}\n```\n\nSource: {}",
                meta.summary,
                meta.what,
                meta.why,
                docs::example_text(meta.fails),
                docs::example_text(meta.passes),
                meta.citation
            ),
        },
        "defaultConfiguration": {
            "level": level(meta.default_severity),
            "enabled": meta.enabled,
        },
        "properties": {
            "citation": meta.citation,
            "tags": ["safeguarding", format!("{:?}", meta.level).to_lowercase()],
        },
    });
    if let Some(url) = docs.and_then(|d| d.url(meta.id)) {
        descriptor["helpUri"] = json!(url);
    }
    descriptor
}

fn pipeline_descriptor(
    id: &str,
    severity: Severity,
    what: &str,
    docs: Option<&docs::DocsBase>,
) -> Value {
    let mut descriptor = json!({
        "id": id,
        "shortDescription": { "text": what },
        "fullDescription": { "text": what },
        "help": { "text": what, "markdown": what },
        "defaultConfiguration": { "level": level(severity), "enabled": true },
        "properties": { "tags": ["pipeline"] },
    });
    if let Some(url) = docs.and_then(|d| d.url(id)) {
        descriptor["helpUri"] = json!(url);
    }
    descriptor
}

fn region(index: &LineIndex<'_>, span: &crate::model::Span) -> Value {
    let (start, end) = index.range(span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column.max(1),
    })
}

fn result(
    file: &FileReport,
    index: &LineIndex<'_>,
    d: &Diagnostic,
    rule_index: Option<usize>,
) -> Value {
    let uri = path_to_uri(&file.path);
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str(&format!(" Fix: {help}."));
    }
    if let Some(citation) = &d.citation {
        text.push_str(&format!(" Source: {citation}."));
    }
    let related: Vec<Value> = d
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({
                "id": i,
                "message": { "text": l.message },
                "physicalLocation": {
                    "artifactLocation": { "uri": uri },
                    "region": region(index, &l.span),
                },
            })
        })
        .chain(d.related.iter().enumerate().map(|(i, r)| {
            let other = LineIndex::of(r.source.inner());
            json!({
                "id": d.labels.len() + i,
                "message": { "text": r.message },
                "physicalLocation": {
                    "artifactLocation": { "uri": path_to_uri(&r.path) },
                    "region": region(&other, &r.span),
                },
            })
        }))
        .collect();
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": region(index, &d.span),
            },
        }],
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

/// Renders a report as a SARIF 2.1.0 log. `rules` is the catalog the check ran with (custom
/// rules included), described in `tool.driver.rules`. No rule carries a `helpUri`: see
/// [`render_with_docs`].
pub fn render(report: &Report, rules: &[&dyn Rule]) -> String {
    render_with_docs(report, rules, None)
}

/// As [`render`], with each described rule's `helpUri` (and the tool's `informationUri`) under
/// `docs`, where the generated rule pages are published. With `None` there is no link at all:
/// masa has no address of its own, and never prints a placeholder.
pub fn render_with_docs(
    report: &Report,
    rules: &[&dyn Rule],
    docs: Option<&docs::DocsBase>,
) -> String {
    let mut ids: Vec<&str> = rules.iter().map(|r| r.meta().id).collect();
    let mut descriptors: Vec<Value> = rules
        .iter()
        .map(|r| rule_descriptor(r.meta(), docs))
        .collect();
    for check in crate::diag::Check::ALL {
        let info = check.info();
        ids.push(info.id);
        descriptors.push(pipeline_descriptor(
            info.id,
            info.severity,
            info.summary,
            docs,
        ));
    }
    // Any other id a finding carries (an embedder's rule not passed in `rules`) still gets a
    // descriptor, so that every result's ruleIndex points at one.
    for d in report.files.iter().flat_map(|f| &f.diagnostics) {
        if !ids.contains(&d.rule.as_str()) {
            ids.push(&d.rule);
            descriptors.push(json!({
                "id": d.rule,
                "shortDescription": { "text": d.rule },
                "defaultConfiguration": { "level": level(d.severity) },
            }));
        }
    }
    let results: Vec<Value> = report
        .files
        .iter()
        .flat_map(|f| {
            let index = f.line_index();
            f.diagnostics
                .iter()
                .map(|d| result(f, &index, d, ids.iter().position(|id| *id == d.rule)))
                .collect::<Vec<_>>()
        })
        .collect();
    let notifications: Vec<Value> = report
        .unreadable
        .iter()
        .map(|(path, reason)| {
            json!({
                "level": "error",
                "message": { "text": format!("cannot check `{path}`: {reason}") },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": path_to_uri(path) } } }],
            })
        })
        .collect();
    let mut driver = json!({
        "name": "masa",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": descriptors,
    });
    if let Some(docs) = docs {
        driver["informationUri"] = json!(docs.index_url());
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [{
                "executionSuccessful": report.unreadable.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            path_to_uri("arrangements/luton.toml"),
            "arrangements/luton.toml"
        );
        assert_eq!(
            path_to_uri("my files\\Luton 2024.toml"),
            "my%20files/Luton%202024.toml"
        );
        assert_eq!(path_to_uri("/tmp/a b.toml"), "file:///tmp/a%20b.toml");
        assert_eq!(path_to_uri("C:\\x\\y.toml"), "file:///C:/x/y.toml");
        assert_eq!(path_to_uri("café.toml"), "caf%C3%A9.toml");
    }
}
