//! Documentation generated from the catalog: `masa explain`, `masa rules` and `docs/rules.md`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Level, Rule, RuleMeta};
use crate::diag::Severity;
use crate::model::{Day, Edition};

/// Where the generated rule documentation is committed, relative to the crate root.
pub const DOCS_PATH: &str = "docs/rules.md";

/// The pipeline's own checks (not rules of the catalog, never configurable): id, what they
/// report. Listed so that every rule id a finding can carry is documented, and so that SARIF's
/// `tool.driver.rules` covers every result.
pub const PIPELINE_CHECKS: &[(&str, Severity, &str)] = &[
    (
        "toml-syntax",
        Severity::Error,
        "The file is not valid TOML, or not UTF-8 text, or nests tables and lists more than 64 levels deep (refused before parsing, so no input can exhaust the stack). Nothing else is checked until it parses.",
    ),
    (
        "file-too-large",
        Severity::Error,
        "The file is larger than the limit (10 MiB by default, `--max-file-size`; it is not read), or has a line longer than 10,000 characters (no arrangements file does; longer lines cannot be shown).",
    ),
    (
        "schema",
        Severity::Error,
        "The file does not match the arrangements format: an unknown key (with a suggestion), a value of the wrong type, a value not among those allowed, or a missing required key.",
    ),
    (
        "unknown-reference",
        Severity::Error,
        "An id is used (as a partner, chair, group member, …) that no organisation, role or group declares, or one of the wrong kind.",
    ),
    (
        "duplicate-id",
        Severity::Error,
        "Two organisations, roles or groups share an id; ids are one namespace.",
    ),
    (
        "lint-config",
        Severity::Error,
        "A lint setting (in masa.toml, `--config` or a document's `[lints]`) is invalid: an unknown rule, or an `allow` without a `reason`.",
    ),
    (
        "unused-allow",
        Severity::Warning,
        "An `allow` in the lint settings matched no finding: the problem it excused is gone, so the allow should go too.",
    ),
];

/// Statutory requirements that cannot be checked from a document, and why.
pub const NOT_CHECKABLE: &[(&str, &str)] = &[
    (
        "partners-and-agencies-act-in-accordance",
        "Children Act 2004 s.16G(4) requires partners and relevant agencies to act in accordance with the arrangements. That is conduct, not content: no document can show it.",
    ),
    (
        "information-sharing-duty",
        "Children's Wellbeing and Schools Act 2026 s.4 (new s.16LA, not yet commenced) places a duty to share information on agencies. It concerns what agencies do, not what the arrangements say.",
    ),
];

/// Statutory requirements that are checked under another id, and where.
pub const COVERED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "published-content-complete",
        "WT2023 paras 103–104 list what the published arrangements include. Each item has its own rule, so that each missing part is reported with its own paragraph: `safeguarding-partners-complete`, `lead-partners-complete`, `delegated-partners-named`, `partnership-chair-named`, `area-declared`, `relevant-agencies-listed`, `education-settings-included`, `early-years-included`, `youth-custody-and-residential-homes`, `information-sharing`, `data-and-intelligence`, `multi-agency-training`, `multi-agency-audits`, `funding-declared`, `lcspr-arrangements`, `voice-of-children-and-families`, `dispute-resolution`, `whistleblowing-linked`, `threshold-document-published`, `work-together-to-identify-needs` and `independent-scrutiny-present`.",
    ),
    (
        "dangling-group-reference",
        "A reference to a group (or organisation or role) that is not declared is reported by the model stage as `unknown-reference`, with a suggestion, for every reference in the file.",
    ),
];

/// Statutory requirements not yet implemented.
pub const NOT_YET_IMPLEMENTED: &[(&str, &str)] = &[];

/// The day every rule's examples are judged as at, so that examples of date rules mean the same
/// whenever they are read: `masa check --today 2026-12-01`.
pub const EXAMPLE_TODAY: Day = match Day::new_const(2026, 12, 1) {
    Some(day) => day,
    None => panic!("the examples' day is a real date"),
};

/// [`EXAMPLE_TODAY`] as `--today` takes it.
pub const EXAMPLE_TODAY_ARG: &str = "2026-12-01";

/// The line that starts each file of an example of a rule across files, followed by the file's
/// name: `# file: luton.toml`. The file is the lines after it, up to the next such line.
pub const EXAMPLE_FILE_MARKER: &str = "# file: ";

/// How the examples are written, as `masa explain` and docs/rules.md say it.
pub const EXAMPLE_CONVENTION: &str = "Each example is a whole arrangements file, judged as at 2026-12-01: save it and run `masa check --today 2026-12-01 FILE`.";

/// How the examples of a rule across files are written.
pub const EXAMPLE_CONVENTION_ACROSS_FILES: &str = "Each example is several whole files, each starting at its `# file: NAME` line, judged as at 2026-12-01: save them and run `masa check --today 2026-12-01 FILE...` on them together.";

/// What the examples show.
pub const EXAMPLE_OUTCOME: &str = "The failing example gives at least one finding of this rule; the passing one gives none of this rule (other rules may still report on it: an example holds only what its rule needs).";

/// An example as shown and run: the rule's `fails` or `passes` text without the blank lines
/// around it (examples are written as raw strings that start and end on their own line).
pub fn example_text(example: &str) -> &str {
    example.trim_matches(|c: char| c == '\n' || c == '\r' || c == ' ')
}

/// The files of an example: `(name, text)`. An example with no [`EXAMPLE_FILE_MARKER`] line is
/// one file, `example.toml`. Otherwise each marker line starts a file named by the rest of the
/// line; text before the first marker, if any, is returned as a file named `""` (a well-formed
/// example has none).
pub fn example_files(example: &str) -> Vec<(&str, &str)> {
    fn marker(line: &str) -> Option<&str> {
        line.trim_end()
            .strip_prefix(EXAMPLE_FILE_MARKER)
            .map(str::trim)
    }
    let text = example_text(example);
    if !text.lines().any(|l| marker(l).is_some()) {
        return vec![("example.toml", text)];
    }
    let mut files = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(name) = marker(line) {
            match current {
                Some((previous, start)) => files.push((previous, &text[start..at])),
                None if !text[..at].trim().is_empty() => files.push(("", &text[..at])),
                None => {}
            }
            current = Some((name, at + line.len()));
        }
        at += line.len();
    }
    if let Some((name, start)) = current {
        files.push((name, &text[start..]));
    }
    files
}

/// How a rule that compares documents is described in its documentation.
const ACROSS_FILES: &str = "across files: runs when `masa check` is given several files or a directory, over neighbouring partnerships' latest documents";

fn across_files(id: &str) -> bool {
    super::find(id).is_some_and(|r| r.across_files())
}

fn edition_names(editions: &[Edition]) -> String {
    editions
        .iter()
        .map(|e| match e {
            Edition::Wt2018 => "WT2018",
            Edition::Wt2023 => "WT2023",
            Edition::Wt2026 => "WT2026",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Must => "MUST (statutory)",
        Level::Should => "SHOULD (statutory guidance)",
        Level::Quality => "QUALITY (data quality)",
        Level::Info => "INFO (advice)",
    }
}

/// `masa explain RULE`: the rule's documentation for a terminal.
pub fn explain(meta: &RuleMeta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}\n", meta.id);
    let _ = writeln!(s, "{}\n", meta.summary);
    let _ = writeln!(s, "Level:     {}", level_name(meta.level));
    let _ = writeln!(s, "Severity:  {} by default", meta.default_severity);
    let _ = writeln!(s, "Source:    {}", meta.citation);
    let _ = writeln!(s, "Editions:  {}", edition_names(meta.editions));
    if across_files(meta.id) {
        let _ = writeln!(s, "Scope:     {ACROSS_FILES}");
    }
    if !meta.enabled {
        let _ = writeln!(s, "Status:    off by default (the law is not yet in force)");
    }
    let _ = writeln!(s, "\nWhat it checks\n  {}", meta.what);
    let _ = writeln!(s, "\nWhy it matters\n  {}", meta.why);
    let convention = if across_files(meta.id) {
        EXAMPLE_CONVENTION_ACROSS_FILES
    } else {
        EXAMPLE_CONVENTION
    };
    let _ = writeln!(s, "\nExamples\n  {convention} {EXAMPLE_OUTCOME}");
    let _ = writeln!(
        s,
        "\nExample that fails\n{}",
        indent(example_text(meta.fails))
    );
    let _ = writeln!(
        s,
        "\nExample that passes\n{}",
        indent(example_text(meta.passes))
    );
    s
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One row of `masa rules --format json`.
#[derive(Serialize)]
pub struct RuleRow {
    /// Rule id.
    pub id: &'static str,
    /// Default severity.
    pub severity: crate::diag::Severity,
    /// MUST / SHOULD / QUALITY / INFO.
    pub level: Level,
    /// One-line summary.
    pub summary: &'static str,
    /// Law or guidance enforced.
    pub citation: &'static str,
    /// Editions it applies to.
    pub editions: &'static [Edition],
    /// Whether it runs by default.
    pub enabled: bool,
}

/// The catalog as rows.
pub fn rows(rules: &[&dyn Rule]) -> Vec<RuleRow> {
    rules
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleRow {
                id: m.id,
                severity: m.default_severity,
                level: m.level,
                summary: m.summary,
                citation: m.citation,
                editions: m.editions,
                enabled: m.enabled,
            }
        })
        .collect()
}

/// `masa rules`: one line per rule.
pub fn table(rules: &[&dyn Rule]) -> String {
    let width = rules.iter().map(|r| r.meta().id.len()).max().unwrap_or(0);
    let mut s = String::new();
    for r in rules {
        let m = r.meta();
        let _ = writeln!(
            s,
            "{:<width$}  {:<7}  {}",
            m.id,
            m.default_severity.as_str(),
            m.summary
        );
    }
    s
}

/// `docs/rules.md`.
pub fn markdown(rules: &[&dyn Rule]) -> String {
    let mut s = String::new();
    s.push_str("# masa rules\n\n");
    s.push_str("<!-- Generated from the rule catalog in src/rules/ by `masa rules --format markdown`; do not edit by hand. -->\n\n");
    s.push_str("Every finding names the rule that made it. Severities are the defaults: statutory duties (MUST) are errors, statutory guidance (SHOULD) warnings, data-quality checks warnings except arithmetic that is provably wrong. `masa explain RULE` prints any entry below.\n\n");
    let _ = writeln!(
        s,
        "**Examples.** {EXAMPLE_CONVENTION} The examples of the `cross-*` rules are several whole files, each starting at its `# file: NAME` line, checked together. {EXAMPLE_OUTCOME} `tests/rule_examples.rs` runs every example as shown here.\n"
    );
    s.push_str("The pipeline's own checks cannot be turned off:\n\n");
    for (id, severity, what) in PIPELINE_CHECKS {
        let _ = writeln!(s, "- `{id}` ({severity}): {what}");
    }
    s.push('\n');
    s.push_str("| rule | severity | summary |\n|---|---|---|\n");
    for r in rules {
        let m = r.meta();
        let _ = writeln!(
            s,
            "| [`{}`](#{}) | {} | {} |",
            m.id, m.id, m.default_severity, m.summary
        );
    }
    for r in rules {
        let m = r.meta();
        let _ = write!(
            s,
            "\n## {}\n\n{}\n\n- **Level:** {}\n- **Default severity:** {}\n- **Source:** {}\n- **Editions:** {}\n",
            m.id,
            m.summary,
            level_name(m.level),
            m.default_severity,
            m.citation,
            edition_names(m.editions)
        );
        if !m.enabled {
            s.push_str("- **Status:** off by default until the law is commenced\n");
        }
        if r.across_files() {
            let _ = writeln!(s, "- **Scope:** {ACROSS_FILES}");
        }
        let _ = write!(
            s,
            "\n### What it checks\n\n{}\n\n### Why it matters\n\n{}\n\n### Example\n\nFails:\n\n```toml\n{}\n```\n\nPasses:\n\n```toml\n{}\n```\n",
            m.what,
            m.why,
            example_text(m.fails),
            example_text(m.passes)
        );
    }
    s.push_str("\n## Requirements checked under another id\n\n");
    for (id, how) in COVERED_ELSEWHERE {
        let _ = writeln!(s, "- `{id}`: {how}");
    }
    s.push_str("\n## Requirements not yet implemented\n\n");
    if NOT_YET_IMPLEMENTED.is_empty() {
        s.push_str("None: every requirement in the statute notes is a rule above, checked under another id, or listed below as not checkable.\n");
    }
    for (id, why) in NOT_YET_IMPLEMENTED {
        let _ = writeln!(s, "- `{id}`: {why}");
    }
    s.push_str("\n## Requirements that cannot be checked from a document\n\n");
    for (id, why) in NOT_CHECKABLE {
        let _ = writeln!(s, "- `{id}`: {why}");
    }
    s
}
