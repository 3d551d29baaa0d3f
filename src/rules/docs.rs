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

/// Where the generated rule pages are published (`masa rules --format html --output DIR`, put
/// on a web server or left on disk): the base that documentation links are built from. masa
/// knows no address of its own, so with no base configured it prints no link at all (never a
/// placeholder) and points to `masa explain RULE` instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsBase(String);

impl DocsBase {
    /// Reads a base address: an absolute `https://`, `http://` or `file://` URL, as given in
    /// `docs-url` (masa.toml) or `--docs-url`. A trailing `/` is optional.
    pub fn parse(text: &str) -> Result<DocsBase, String> {
        let text = text.trim();
        let rest = ["https://", "http://", "file://"]
            .iter()
            .find_map(|scheme| text.strip_prefix(scheme));
        let Some(rest) = rest else {
            return Err(format!(
                "`{text}` is not an absolute address: the documentation base starts with https://, http:// or file:// (where `masa rules --format html --output DIR` was published)"
            ));
        };
        if rest.trim_matches('/').is_empty() {
            return Err(format!("`{text}` names no host or directory"));
        }
        if let Some(c) = text.chars().find(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '#' | '?')
        }) {
            return Err(format!(
                "`{text}` holds {c:?}, which an address cannot hold here (percent-encode it, e.g. a space as %20)"
            ));
        }
        Ok(DocsBase(text.trim_end_matches('/').to_owned()))
    }

    /// The base without a trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of a rule's page, or `None` if `id` has no generated page (an embedder's
    /// own rule, for example): a link is given only where a page exists.
    pub fn url(&self, id: &str) -> Option<String> {
        documented(id).then(|| format!("{}/{}", self.0, page_name(id)))
    }

    /// The address of the index of every rule.
    pub fn index_url(&self) -> String {
        format!("{}/index.html", self.0)
    }
}

/// Whether `id` has a generated page: a rule of the built-in catalog or a check of the pipeline.
pub fn documented(id: &str) -> bool {
    safe_id(id) && (super::find(id).is_some() || Check::from_id(id).is_some())
}

/// The file name of a rule's page: `funding-total.html`. Its top heading carries the id as
/// its anchor (`funding-total.html#funding-total`), and so does the rule's row in `index.html`.
pub fn page_name(id: &str) -> String {
    format!("{id}.html")
}

/// A rule id that is safe as a file name and an anchor: lower-case letters, digits, hyphens.
fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The catalog's prose as HTML: escaped, then `code` and **strong** marked up (the only
/// markdown the catalog's texts use). An unpaired marker is left as written.
fn inline_html(text: &str) -> String {
    fn pairs(text: &str, marker: &str, open: &str, close: &str) -> String {
        let parts: Vec<&str> = text.split(marker).collect();
        if parts.len() < 3 {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len() + 16);
        let paired = if parts.len() % 2 == 1 {
            parts.len()
        } else {
            parts.len() - 1
        };
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                if i < paired {
                    out.push_str(if i % 2 == 1 { open } else { close });
                } else {
                    out.push_str(marker);
                }
            }
            out.push_str(part);
        }
        out
    }
    // Code first, so that `**` inside code stays as written.
    let escaped = escape_html(text);
    let code: Vec<&str> = escaped.split('`').collect();
    if code.len() < 3 {
        return pairs(&escaped, "**", "<strong>", "</strong>");
    }
    let paired = if code.len() % 2 == 1 {
        code.len()
    } else {
        code.len() - 1
    };
    let mut out = String::new();
    for (i, part) in code.iter().enumerate() {
        if i > 0 {
            if i < paired {
                out.push_str(if i % 2 == 1 { "<code>" } else { "</code>" });
            } else {
                out.push('`');
            }
        }
        if i % 2 == 1 && i < paired {
            out.push_str(part);
        } else {
            out.push_str(&pairs(part, "**", "<strong>", "</strong>"));
        }
    }
    out
}

/// The style of every page: system fonts, dark text on white (contrast above WCAG AA, links
/// included), a visible focus ring, readable line length. No script.
const STYLE: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff;margin:0}
main,header,footer{max-width:48rem;margin:0 auto;padding:0 1rem}
a{color:#1d4f91;text-decoration:underline}
a:visited{color:#4c2c92}
a:focus{outline:3px solid #ffbf47;outline-offset:0;background:#ffbf47;color:#0b0c0c}
.skip{position:absolute;left:-999rem}
.skip:focus{position:static}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95em}
pre{background:#f3f2f1;border:1px solid #b1b4b6;padding:.75rem;overflow-x:auto;white-space:pre}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #b1b4b6;padding:.4rem .5rem;text-align:left;vertical-align:top}
dt{font-weight:bold}
dd{margin:0 0 .5rem 0}
";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#content\">Skip to content</a>\n<main id=\"content\">\n{body}</main>\n<footer>\n<p>Generated by masa {} (rules as of {}) from its rule catalog (<code>masa rules --format html</code>); <code>masa explain RULE</code> prints the same text.</p>\n</footer>\n</body>\n</html>\n",
        escape_html(title),
        env!("CARGO_PKG_VERSION"),
        super::data::AS_OF,
    )
}

fn rule_page(rule: &dyn Rule) -> String {
    let m = rule.meta();
    let id = escape_html(m.id);
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<p><a href=\"index.html#{id}\">All rules</a></p>\n<h1 id=\"{id}\"><code>{id}</code></h1>\n<p>{}</p>\n<dl>",
        inline_html(m.summary)
    );
    let mut fact = |name: &str, value: String| {
        let _ = writeln!(b, "<dt>{name}</dt><dd>{value}</dd>");
    };
    fact("Level", escape_html(level_name(m.level)));
    fact("Default severity", escape_html(m.default_severity.as_str()));
    fact("Source", inline_html(m.citation));
    fact("Editions", escape_html(&edition_names(m.editions)));
    if !m.enabled {
        fact(
            "Status",
            "off by default until the law is commenced".to_owned(),
        );
    }
    if rule.across_files() {
        fact("Scope", inline_html(ACROSS_FILES));
    }
    let convention = if rule.across_files() {
        EXAMPLE_CONVENTION_ACROSS_FILES
    } else {
        EXAMPLE_CONVENTION
    };
    let _ = write!(
        b,
        "</dl>\n<h2>What it checks</h2>\n<p>{}</p>\n<h2>Why it matters</h2>\n<p>{}</p>\n<h2>Examples</h2>\n<p>{} {}</p>\n<h3>Fails</h3>\n<pre tabindex=\"0\"><code>{}</code></pre>\n<h3>Passes</h3>\n<pre tabindex=\"0\"><code>{}</code></pre>\n",
        inline_html(m.what),
        inline_html(m.why),
        inline_html(convention),
        inline_html(EXAMPLE_OUTCOME),
        escape_html(example_text(m.fails)),
        escape_html(example_text(m.passes)),
    );
    page(&format!("{} — masa rules", m.id), &b)
}

fn check_page(check: Check) -> String {
    let info = check.info();
    let id = escape_html(info.id);
    let levels = if info.configurable {
        "can be set in [lints]"
    } else {
        "cannot be changed in [lints]: masa cannot check the law in a file it cannot read"
    };
    let body = format!(
        "<p><a href=\"index.html#{id}\">All rules</a></p>\n<h1 id=\"{id}\"><code>{id}</code></h1>\n<p>{}</p>\n<dl>\n<dt>Kind</dt><dd>a check of masa's own {} stage, not a statutory rule</dd>\n<dt>Severity</dt><dd>{}</dd>\n<dt>Levels</dt><dd>{}</dd>\n</dl>\n",
        inline_html(info.summary),
        escape_html(info.stage),
        escape_html(info.severity.as_str()),
        escape_html(levels),
    );
    page(&format!("{} — masa rules", info.id), &body)
}

fn index_page(rules: &[&dyn Rule]) -> String {
    let mut b = String::new();
    b.push_str("<h1>masa rules</h1>\n<p>Every finding masa reports names the rule that made it. Each rule below has its own page: what it checks, why it matters, the law or guidance it rests on, and an example that fails and one that passes.</p>\n");
    // The severity policy, from the same text as docs/rules.md (its heading one level down).
    for block in SEVERITY_POLICY
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
    {
        if let Some(heading) = block.strip_prefix("## ") {
            let _ = writeln!(b, "<h2>{}</h2>", escape_html(heading.trim()));
        } else if block.trim_start().starts_with("- ") {
            b.push_str("<ul>\n");
            for item in block.lines().filter_map(|l| l.trim().strip_prefix("- ")) {
                let _ = writeln!(b, "<li>{}</li>", inline_html(item));
            }
            b.push_str("</ul>\n");
        } else {
            let _ = writeln!(b, "<p>{}</p>", inline_html(block.trim()));
        }
    }
    b.push_str("<h2>Pipeline checks</h2>\n<p>The pipeline's own checks cannot be turned off.</p>\n<table>\n<thead><tr><th scope=\"col\">check</th><th scope=\"col\">severity</th><th scope=\"col\">summary</th></tr></thead>\n<tbody>\n");
    for check in Check::ALL {
        let info = check.info();
        let id = escape_html(info.id);
        let _ = writeln!(
            b,
            "<tr id=\"{id}\"><th scope=\"row\"><a href=\"{}\"><code>{id}</code></a></th><td>{}</td><td>{}</td></tr>",
            escape_html(&page_name(info.id)),
            escape_html(info.severity.as_str()),
            inline_html(info.summary)
        );
    }
    b.push_str("</tbody>\n</table>\n<h2>Rules</h2>\n<p>Each rule's level can be set in <code>[lints]</code>.</p>\n<table>\n<thead><tr><th scope=\"col\">rule</th><th scope=\"col\">severity</th><th scope=\"col\">summary</th></tr></thead>\n<tbody>\n");
    for r in rules.iter().filter(|r| safe_id(r.meta().id)) {
        let m = r.meta();
        let id = escape_html(m.id);
        let _ = writeln!(
            b,
            "<tr id=\"{id}\"><th scope=\"row\"><a href=\"{}\"><code>{id}</code></a></th><td>{}</td><td>{}</td></tr>",
            escape_html(&page_name(m.id)),
            escape_html(m.default_severity.as_str()),
            inline_html(m.summary)
        );
    }
    b.push_str("</tbody>\n</table>\n");
    page("masa rules", &b)
}

/// `masa rules --format html`: the catalog as static pages, `(file name, HTML)`: `index.html`
/// (every check and rule, each row with the id as its anchor) and one page per check and
/// rule, named by [`page_name`], whose heading carries the id as its anchor. Each page is
/// self-contained (style inline, no script), in British English, with one `h1` and headings
/// in order. A rule whose id is not safe as a file name (an embedder's) gets no page.
pub fn html_pages(rules: &[&dyn Rule]) -> Vec<(String, String)> {
    let mut pages = vec![("index.html".to_owned(), index_page(rules))];
    for check in Check::ALL {
        pages.push((page_name(check.id()), check_page(check)));
    }
    for r in rules.iter().filter(|r| safe_id(r.meta().id)) {
        pages.push((page_name(r.meta().id), rule_page(*r)));
    }
    pages
}

#[cfg(test)]
mod html_tests {
    use super::*;

    #[test]
    fn prose_is_escaped_then_marked_up() {
        assert_eq!(
            inline_html("a <b> & `x < y` **bold** `**`"),
            "a &lt;b&gt; &amp; <code>x &lt; y</code> <strong>bold</strong> <code>**</code>"
        );
        assert_eq!(inline_html("one ` alone"), "one ` alone");
        assert_eq!(inline_html("`a` and ` b"), "<code>a</code> and ` b");
    }

    #[test]
    fn a_base_must_be_an_absolute_address() {
        let base = DocsBase::parse("https://example.org/masa/rules/").unwrap();
        assert_eq!(
            base.url("funding-total").as_deref(),
            Some("https://example.org/masa/rules/funding-total.html")
        );
        assert_eq!(
            base.url("schema").as_deref(),
            Some("https://example.org/masa/rules/schema.html")
        );
        assert_eq!(base.url("no-such-rule"), None);
        assert_eq!(
            base.index_url(),
            "https://example.org/masa/rules/index.html"
        );
        assert!(DocsBase::parse("file:///srv/masa-docs").is_ok());
        for bad in [
            "docs/rules",
            "https://",
            "ftp://x/y",
            "https://x/a b",
            "https://x/#a",
            "",
        ] {
            assert!(DocsBase::parse(bad).is_err(), "{bad}");
        }
    }
}
