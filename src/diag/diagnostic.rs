//! The one diagnostic type every stage produces: a plain value, rendered later.

use std::fmt;
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource};
use serde::Serialize;

use super::SourceText;
use super::Span;
use super::fix::Fix;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice; never fails a check.
    Info,
    /// Should be fixed; fails a check only with `--deny-warnings`.
    Warning,
    /// Must be fixed; fails the check.
    Error,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place a finding points at, in the same file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The byte range.
    pub span: Span,
    /// What this place is, e.g. "stated total".
    pub message: String,
}

/// A place in another file that the finding involves (e.g. the same group described by a
/// neighbouring partnership), or, with an empty `path`, a distant place in the same file.
#[derive(Debug, Clone)]
pub struct Related {
    /// The other file's path as given to masa.
    pub path: String,
    /// The other file's source, for rendering.
    pub source: Arc<NamedSource<SourceText>>,
    /// The byte range in the other file.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// One finding: a rule, a severity, a plain-English message, where it is, and what to do.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The stable kebab-case rule id, e.g. `funding-total` or `schema`.
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// One sentence naming the concrete values.
    pub message: String,
    /// The main place in the file.
    pub span: Span,
    /// The words under the main place (defaults to nothing).
    pub label: Option<String>,
    /// Other places in the same file.
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// The guidance or law that requires it, e.g. "WT2023 ch. 2 para 99".
    pub citation: Option<String>,
    /// Where the rule is documented.
    pub url: Option<String>,
    /// Places in other files.
    pub related: Vec<Related>,
    /// The edits that mend it, when they are mechanical (see [`Fix`]).
    pub fix: Option<Fix>,
    /// The file's source, attached by the pipeline so the value can render itself.
    pub source: Option<Arc<NamedSource<SourceText>>>,
    /// Secondary labels too far from the main place to share its snippet: rendered as
    /// separate snippets, so a finding never prints the hundreds of lines between them.
    distant: Vec<Related>,
    /// Findings of one rule in one document that share this key are one defect in several
    /// places: they are reported once, the other places as labels ([`merge_repeats`]).
    pub(crate) defect: Option<String>,
}

/// One defect, one finding: findings of the same rule that carry the same defect key (set with
/// [`Diagnostic::same_defect`]) become one finding at the first place, with every other place
/// as a label carrying its own message. Findings without a key are left as they are. A sort and
/// one pass, grouped through a map.
pub fn merge_repeats(mut findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    // The first place in the file leads; reports are in source order anyway.
    findings.sort_by_key(|d| (d.span.start, d.span.end));
    let mut first: HashMap<(String, String), usize> = HashMap::new();
    let mut out: Vec<Diagnostic> = Vec::with_capacity(findings.len());
    let mut repeats: Vec<usize> = Vec::new();
    for d in findings {
        let Some(key) = d.defect.clone() else {
            out.push(d);
            repeats.push(0);
            continue;
        };
        match first.get(&(d.rule.clone(), key.clone())) {
            Some(&at) => {
                out[at].labels.push(Label {
                    span: d.span,
                    message: d.message,
                });
                // A label every repeat carries (the declared name a variant differs from) is
                // shown once.
                for label in d.labels {
                    if !out[at]
                        .labels
                        .iter()
                        .any(|l| l.span == label.span && l.message == label.message)
                    {
                        out[at].labels.push(label);
                    }
                }
                // The same defect is mended in every place at once.
                if let (Some(fix), Some(more)) = (out[at].fix.as_mut(), d.fix) {
                    if fix.applicability == more.applicability {
                        fix.edits.extend(more.edits);
                    }
                }
                out[at].severity = out[at].severity.max(d.severity);
                repeats[at] += 1;
            }
            None => {
                first.insert((d.rule.clone(), key), out.len());
                out.push(d);
                repeats.push(0);
            }
        }
    }
    for (d, n) in out.iter_mut().zip(repeats) {
        if n > 0 {
            let places = if n == 1 { "place" } else { "places" };
            d.message = format!("{} (the same in {n} other {places}, labelled)", d.message);
        }
    }
    out
}

/// Labels further than this many lines from the main place get a snippet of their own.
const MAX_LINES_IN_ONE_SNIPPET: usize = 8;

impl Diagnostic {
    /// A new diagnostic with only the essentials; add the rest with the `with_` methods.
    pub fn new(
        rule: impl Into<String>,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            label: None,
            labels: Vec::new(),
            help: None,
            citation: None,
            url: None,
            related: Vec::new(),
            fix: None,
            source: None,
            distant: Vec::new(),
            defect: None,
        }
    }

    /// Attaches the file's source so the value can render itself, and splits off the labels
    /// too far from the main place to share its snippet.
    /// Lines are found with the line starts computed once per file: counting lines from the top
    /// for every label would make reporting quadratic in the file's size.
    pub(crate) fn attach_source(&mut self, source: &Arc<NamedSource<SourceText>>) {
        self.source = Some(Arc::clone(source));
        let line_starts = source.inner().line_starts();
        let line_of = |offset: usize| super::line_index::line_at(line_starts, offset);
        let (first, last) = (line_of(self.span.start), line_of(self.span.end));
        self.distant = self
            .labels
            .iter()
            .filter(|l| {
                let (a, b) = (line_of(l.span.start), line_of(l.span.end));
                a.max(first) - a.min(first) > MAX_LINES_IN_ONE_SNIPPET
                    || b.max(last) - b.min(last) > MAX_LINES_IN_ONE_SNIPPET
            })
            .map(|l| Related {
                // No path: the place is in the same file.
                path: String::new(),
                source: Arc::clone(source),
                span: l.span.clone(),
                message: l.message.clone(),
            })
            .collect();
    }

    fn is_distant(&self, label: &Label) -> bool {
        self.distant.iter().any(|r| r.span == label.span)
    }

    /// Sets the words under the main place.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a secondary place.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the fix hint.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Marks the finding as one place of a defect that may recur in the document: findings of
    /// the same rule with the same `key` are reported once (see [`merge_repeats`]).
    pub fn same_defect(mut self, key: impl Into<String>) -> Self {
        self.defect = Some(key.into());
        self
    }

    /// Sets the severity: for a finding that rests on a weaker (or stronger) basis than its
    /// rule's default, such as a "should" inside a rule about a duty.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the citation.
    pub fn with_citation(mut self, citation: impl Into<String>) -> Self {
        self.citation = Some(citation.into());
        self
    }

    /// Attaches the edits that mend the finding.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Sets the documentation link.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The help line as rendered for people: the fix, then the citation.
    fn rendered_help(&self) -> Option<String> {
        match (&self.help, &self.citation) {
            (Some(h), Some(c)) => Some(format!("{h}\nsource: {c}")),
            (Some(h), None) => Some(h.clone()),
            (None, Some(c)) => Some(format!("source: {c}")),
            (None, None) => None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// A related place renders as its own diagnostic, after the main one.
impl fmt::Display for Related {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "see also: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Related {}

impl miette::Diagnostic for Related {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&*self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.message.clone()), self.span.clone()),
        )))
    }
}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.rule))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.rendered_help()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_deref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let primary = LabeledSpan::new_primary_with_span(self.label.clone(), self.span.clone());
        let secondary = self
            .labels
            .iter()
            .filter(|l| !self.is_distant(l))
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), l.span.clone()));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() && self.distant.is_empty() {
            return None;
        }
        Some(Box::new(
            self.distant
                .iter()
                .chain(&self.related)
                .map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_of_one_defect_become_one_finding_at_the_first_place() {
        let at = |start: usize, key: Option<&str>, severity| {
            let d = Diagnostic::new("r", severity, start..start + 1, format!("at {start}"));
            match key {
                Some(k) => d.same_defect(k),
                None => d,
            }
        };
        let merged = merge_repeats(vec![
            at(30, Some("blank date"), Severity::Warning),
            at(10, Some("blank date"), Severity::Warning),
            at(20, None, Severity::Warning),
            at(40, Some("blank date"), Severity::Error),
            at(50, Some("other"), Severity::Warning),
        ]);
        assert_eq!(merged.len(), 3);
        let first = &merged[0];
        assert_eq!(first.span, 10..11);
        assert_eq!(
            first.message,
            "at 10 (the same in 2 other places, labelled)"
        );
        assert_eq!(
            first.severity,
            Severity::Error,
            "the most severe place decides"
        );
        let places: Vec<_> = first.labels.iter().map(|l| l.span.start).collect();
        assert_eq!(places, [30, 40]);
        assert_eq!(merged[1].message, "at 20", "no key: left alone");
        assert_eq!(merged[2].message, "at 50");
    }
}
