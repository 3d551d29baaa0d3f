//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! which GitHub shows as an annotation on the file and line in the pull request.

use std::fmt::Write as _;

use super::{LineIndex, Report, Severity};

/// Escapes a workflow command's message: `%`, carriage return and newline.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: as data, plus `:` and `,`, which separate
/// properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Renders a report as workflow commands, one per line.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for (path, reason) in &report.unreadable {
        let _ = writeln!(
            out,
            "::error file={},title=masa::{}",
            escape_property(path),
            escape_data(&format!("cannot check `{path}`: {reason}"))
        );
    }
    for file in &report.files {
        let index = file.line_index();
        for d in &file.diagnostics {
            let (start, end) = index.range(&d.span);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                let _ = write!(message, "\nhelp: {help}");
            }
            if let Some(citation) = &d.citation {
                let _ = write!(message, "\nsource: {citation}");
            }
            // An annotation sits on one file: the places in other files go in its text.
            for r in d.related.iter().filter(|r| !r.path.is_empty()) {
                let other = LineIndex::of(r.source.inner());
                let (at, _) = other.range(&r.span);
                let _ = write!(message, "\nsee also {}:{}: {}", r.path, at.line, r.message);
            }
            let _ = writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                escape_property(&file.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!("masa {}", d.rule)),
                escape_data(&message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        // Data keeps `:` and `,`: only properties are split on them.
        assert_eq!(escape_data("£1,000: total"), "£1,000: total");
    }
}
