//! Output for people: miette's graphical report, one block per finding, then a summary.

use std::fmt::Write as _;

use miette::{GraphicalReportHandler, GraphicalTheme, ThemeCharacters, ThemeStyles};

use super::{Diagnostic, Report, Severity, Summary};

/// How to draw the report.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Use Unicode box-drawing characters (otherwise ASCII).
    pub unicode: bool,
    /// Wrap at this many columns.
    pub width: usize,
    /// Leave out info findings and the summary.
    pub quiet: bool,
}

impl Default for HumanOptions {
    /// Colour-free Unicode at 100 columns: the form used in snapshot tests.
    fn default() -> Self {
        HumanOptions {
            color: false,
            unicode: true,
            width: 100,
            quiet: false,
        }
    }
}

fn handler(options: &HumanOptions) -> GraphicalReportHandler {
    let theme = match (options.unicode, options.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        // `GraphicalTheme::ascii()` still colours; this one does not.
        (false, false) => GraphicalTheme {
            characters: ThemeCharacters::ascii(),
            styles: ThemeStyles::none(),
        },
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_show_related_as_nested(true)
}

/// Renders one finding.
pub fn render_diagnostic(diagnostic: &Diagnostic, options: &HumanOptions) -> String {
    let mut out = String::new();
    if handler(options)
        .render_report(&mut out, diagnostic)
        .is_err()
    {
        // Rendering into a String cannot fail on I/O; fall back to the plain message anyway.
        out = format!("{}: {}\n", diagnostic.rule, diagnostic.message);
    }
    out
}

/// Renders a whole report.
pub fn render(report: &Report, options: &HumanOptions) -> String {
    let mut out = String::new();
    for (path, reason) in &report.unreadable {
        let _ = writeln!(out, "error: cannot check `{path}`: {reason}\n");
    }
    for file in &report.files {
        for d in &file.diagnostics {
            if options.quiet && d.severity == Severity::Info {
                continue;
            }
            out.push_str(&render_diagnostic(d, options));
            out.push('\n');
        }
    }
    if !options.quiet {
        out.push_str(&summary_line(&report.summary()));
        out.push('\n');
    }
    out
}

/// The line after a report with findings that says where to read about their rules, when no
/// documentation address is configured (so no finding carries a link): `masa explain RULE`,
/// with a rule id from the report. `None` when there is nothing to explain or the findings
/// link to their pages already.
pub fn explain_hint(report: &Report) -> Option<String> {
    let mut findings = report.files.iter().flat_map(|f| &f.diagnostics);
    let first = findings.clone().next()?;
    if findings.any(|d| d.url.is_some()) {
        return None;
    }
    Some(format!(
        "`masa explain RULE` says what a rule checks, why it matters and how to pass it (e.g. `masa explain {}`)",
        first.rule
    ))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "checked 3 files: 2 errors, 1 warning, 0 infos".
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!("checked {}", plural(s.files, "file"));
    if s.errors + s.warnings + s.infos == 0 {
        // Nothing checked is not "no problems": say only what could not be read.
        if s.files > 0 || s.unreadable == 0 {
            line.push_str(": no problems found");
        }
    } else {
        let _ = write!(
            line,
            ": {}, {}, {}",
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info")
        );
    }
    if s.unreadable > 0 {
        let _ = write!(line, "; {} could not be read", plural(s.unreadable, "path"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FileReport;

    #[test]
    fn a_distant_label_gets_its_own_snippet_not_the_lines_between() {
        let text: String = (1..=40).map(|n| format!("line{n} = {n}\n")).collect();
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            start..start + needle.len()
        };
        let d = Diagnostic::new("example", Severity::Warning, at("line30"), "a finding")
            .with_label("here")
            .with_secondary(at("line2 "), "far away")
            .with_secondary(at("line31"), "close by");
        let report = FileReport::new("f.toml", text.clone(), vec![d]);
        let out = render_diagnostic(&report.diagnostics[0], &HumanOptions::default());
        assert!(
            out.contains("close by") && out.contains("far away"),
            "{out}"
        );
        assert!(out.contains("see also: far away"), "{out}");
        for between in ["line10", "line20"] {
            assert!(!out.contains(between), "printed {between}:\n{out}");
        }
    }
}
