//! Documentation generated from the catalog: `masa explain`, `masa rules` and `docs/rules.md`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Level, Rule, RuleMeta};
use crate::diag::Check;
use crate::model::{Day, Edition};

/// Where the generated rule documentation is committed, relative to the crate root.
pub const DOCS_PATH: &str = "docs/rules.md";

/// The severity policy, at the top of docs/rules.md. `tests/severity_policy.rs` holds the
/// catalog to it.
pub const SEVERITY_POLICY: &str = "## Severity policy

A finding is a claim about the law, so its severity says how strong that claim is:

- **error** — a provable breach of a statutory duty, or of a MUST of the guidance in force, about what the arrangements contain (level **MUST**); or a provably wrong fact or sum, such as a total that does not add up, a body that no longer exists named as if it did, or a person listed as an agency (level **FACT**).
- **warning** — a SHOULD of the statutory guidance not met (level **SHOULD**); missing descriptive content, a likely mistake or an inconsistency (level **QUALITY**).
- **info** — advice, history, or something the file cannot show either way (level **INFO**).

A rule's default severity follows from its level, and a test keeps it so. Inside a rule, a finding that rests on a weaker basis than the rule's (a \"should\" within a rule about a duty, a date masa cannot confirm) is reported at the lower severity and cites what it rests on. Which requirements apply is decided by the law in force on the day the document is judged as at — `--today` for a current or undated document, its own latest date for a document kept as a record (`superseded_by`) — not by the edition the document claims; and a document kept as a record never fails a check: its findings are history (info).

";

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
        Level::Fact => "FACT (a provably wrong fact or sum)",
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
    let _ = writeln!(s, "Fix:       {}", fix_words(meta.fix));
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

/// Whether a rule's findings carry a fix, in words.
pub fn fix_words(fix: Option<crate::diag::Applicability>) -> &'static str {
    match fix {
        Some(crate::diag::Applicability::Safe) => "safe (`masa check --fix` applies it)",
        Some(crate::diag::Applicability::Unsafe) => {
            "unsafe (applied only with `masa check --fix --unsafe-fixes`: a person should review it)"
        }
        None => "none (a person must decide what to write)",
    }
}

/// The fix column of `masa rules`.
fn fix_column(fix: Option<crate::diag::Applicability>) -> &'static str {
    fix.map_or("", crate::diag::Applicability::as_str)
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
    /// Whether its findings can carry a fix: `safe` (`masa check --fix`), `unsafe` (only
    /// with `--unsafe-fixes`), or null.
    pub fix: Option<crate::diag::Applicability>,
    /// `rule` for the statutory catalog (and embedders' rules); `pipeline` for the checks of
    /// masa's own stages (syntax, schema, references, lint settings).
    pub kind: &'static str,
    /// Whether `[lints]` can change its level (every rule can; no pipeline check can).
    pub configurable: bool,
    /// The stage that reports a pipeline check (`load`, `structure`, `model`, `rules`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<&'static str>,
}

/// Every id a finding can carry, as rows: the pipeline's own checks, then the catalog.
pub fn rows(rules: &[&dyn Rule]) -> Vec<RuleRow> {
    let pipeline = Check::ALL.into_iter().map(|check| {
        let info = check.info();
        RuleRow {
            id: info.id,
            severity: info.severity,
            level: Level::Must,
            summary: info.summary,
            citation: "masa's file format (the file must be readable before the law can be checked)",
            editions: super::ALL_EDITIONS,
            enabled: true,
            fix: info.fix,
            kind: "pipeline",
            configurable: info.configurable,
            stage: Some(info.stage),
        }
    });
    let catalog = rules.iter().map(|r| {
        let m = r.meta();
        RuleRow {
            id: m.id,
            severity: m.default_severity,
            level: m.level,
            summary: m.summary,
            citation: m.citation,
            editions: m.editions,
            enabled: m.enabled,
            fix: m.fix,
            kind: "rule",
            configurable: true,
            stage: None,
        }
    });
    pipeline.chain(catalog).collect()
}

/// `masa explain` for a pipeline check.
pub fn explain_check(check: Check) -> String {
    let info = check.info();
    format!(
        "{}

{}

Kind:      a check of masa's own {} stage, not a statutory rule
Severity:  {}
Fix:       {}
Levels:    {}
",
        info.id,
        info.summary,
        info.stage,
        info.severity,
        fix_words(info.fix),
        if info.configurable {
            "can be set in [lints]"
        } else {
            "cannot be changed in [lints]: masa cannot check the law in a file it cannot read"
        }
    )
}

/// `masa rules`: one line per rule, after the pipeline's own checks.
pub fn table(rules: &[&dyn Rule]) -> String {
    let width = rules
        .iter()
        .map(|r| r.meta().id.len())
        .chain(Check::ALL.iter().map(|c| c.id().len()))
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    s.push_str("Columns: id, default severity, fix (safe: `masa check --fix` applies it; unsafe: only with --unsafe-fixes), summary.\n\n");
    s.push_str("Checks of masa's pipeline (always on; [lints] cannot change them):\n");
    for check in Check::ALL {
        let info = check.info();
        let _ = writeln!(
            s,
            "{:<width$}  {:<7}  {:<6}  {}",
            info.id,
            info.severity.as_str(),
            fix_column(info.fix),
            info.summary
        );
    }
    s.push_str("\nRules (levels can be set in [lints]):\n");
    for r in rules {
        let m = r.meta();
        let _ = writeln!(
            s,
            "{:<width$}  {:<7}  {:<6}  {}",
            m.id,
            m.default_severity.as_str(),
            fix_column(m.fix),
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
    s.push_str("Every finding names the rule that made it. `masa explain RULE` prints any entry below.\n\n");
    s.push_str(SEVERITY_POLICY);
    let _ = writeln!(
        s,
        "## Examples\n\n{EXAMPLE_CONVENTION} The examples of the `cross-*` rules are several whole files, each starting at its `# file: NAME` line, checked together. {EXAMPLE_OUTCOME} `tests/rule_examples.rs` runs every example as shown here.\n"
    );
    s.push_str("## Pipeline checks\n\nThe pipeline's own checks cannot be turned off:\n\n");
    for check in Check::ALL {
        let info = check.info();
        let _ = writeln!(
            s,
            "- `{}` ({}, {} stage{}): {}",
            info.id,
            info.severity,
            info.stage,
            match info.fix {
                Some(f) => format!(", {} fix", f.as_str()),
                None => String::new(),
            },
            info.summary
        );
    }
    s.push_str("\n## Rules\n\n| rule | severity | fix | summary |\n|---|---|---|---|\n");
    for r in rules {
        let m = r.meta();
        let _ = writeln!(
            s,
            "| [`{}`](#{}) | {} | {} | {} |",
            m.id,
            m.id,
            m.default_severity,
            fix_column(m.fix),
            m.summary
        );
    }
    for r in rules {
        let m = r.meta();
        let _ = write!(
            s,
            "\n## {}\n\n{}\n\n- **Level:** {}\n- **Default severity:** {}\n- **Fix:** {}\n- **Source:** {}\n- **Editions:** {}\n",
            m.id,
            m.summary,
            level_name(m.level),
            m.default_severity,
            fix_words(m.fix),
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
        s.push_str("None: every statutory requirement masa tracks is a rule above, checked under another id, or listed below as not checkable.\n");
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
