//! The pipeline's own checks: the ids masa prints for problems found before the statutory rules
//! run (reading, TOML syntax, the schema, references) and for the lint configuration itself.
//!
//! One enum, so that every id a user can see is listed once: `masa rules` prints these beside
//! the statutory catalog, SARIF lists them in `tool.driver.rules`, and a test keeps the ids
//! unique across both.

use super::Severity;
use super::fix::Applicability;

/// A check the pipeline itself makes (not a statutory rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// The file is not UTF-8 TOML text: a syntax error, bad encoding, binary data, or nesting
    /// deeper than masa reads.
    TomlSyntax,
    /// The file, or one of its lines, is larger than masa reads.
    FileTooLarge,
    /// The file does not match the format's JSON Schema.
    Schema,
    /// An id is used that nothing in the file declares.
    UnknownReference,
    /// Two things in the file are declared with the same id.
    DuplicateId,
    /// A `[lints]` table (in the file or in `masa.toml`) names an unknown rule or allows one
    /// without a reason.
    LintConfig,
    /// A rule is allowed in a file where it reports nothing.
    UnusedAllow,
}

/// What a user needs to know about one pipeline check.
#[derive(Debug, Clone, Copy)]
pub struct CheckInfo {
    /// The id printed in every output format.
    pub id: &'static str,
    /// The stage that reports it.
    pub stage: &'static str,
    /// The severity it is reported at.
    pub severity: Severity,
    /// One sentence: what it reports.
    pub summary: &'static str,
    /// Whether `[lints]` can change its level. None can today: these problems stop masa
    /// reading the file, or make the lint settings themselves unreliable, so they cannot be
    /// allowed away. The field is here so that `masa rules` can say so.
    pub configurable: bool,
    /// Whether its findings can carry a fix: a misspelt key with one suggestion, a display
    /// name where an id belongs (`schema`), typographic quotes and spaces (`toml-syntax`), all
    /// safe; an undeclared id with one near miss (`unknown-reference`), unsafe.
    pub fix: Option<Applicability>,
}

impl Check {
    /// Every pipeline check, in the order of the pipeline.
    pub const ALL: [Check; 7] = [
        Check::TomlSyntax,
        Check::FileTooLarge,
        Check::Schema,
        Check::UnknownReference,
        Check::DuplicateId,
        Check::LintConfig,
        Check::UnusedAllow,
    ];

    /// The id printed in every output format.
    pub const fn id(self) -> &'static str {
        self.info().id
    }

    /// Everything known about the check.
    pub const fn info(self) -> CheckInfo {
        let (id, stage, severity, summary) = match self {
            Check::TomlSyntax => (
                "toml-syntax",
                "load",
                Severity::Error,
                "The file is not valid TOML, or not UTF-8 text, or nests tables and lists more than 64 levels deep (refused before parsing, so no input can exhaust the stack). Nothing else is checked until it parses.",
            ),
            Check::FileTooLarge => (
                "file-too-large",
                "load",
                Severity::Error,
                "The file is larger than the limit (10 MiB by default, `--max-file-size`; it is not read), or has a line longer than 10,000 characters (no arrangements file does; longer lines cannot be shown).",
            ),
            Check::Schema => (
                "schema",
                "structure",
                Severity::Error,
                "The file does not match the arrangements format: an unknown key (with a suggestion), a value of the wrong type, a value not among those allowed, or a missing required key.",
            ),
            Check::UnknownReference => (
                "unknown-reference",
                "model",
                Severity::Error,
                "An id is used (as a partner, chair, group member, …) that no organisation, role or group declares, or one of the wrong kind.",
            ),
            Check::DuplicateId => (
                "duplicate-id",
                "model",
                Severity::Error,
                "Two organisations, roles or groups share an id; ids are one namespace.",
            ),
            Check::LintConfig => (
                "lint-config",
                "rules",
                Severity::Error,
                "A lint setting (in masa.toml, `--config` or a document's `[lints]`) is invalid: an unknown rule, or an `allow` without a `reason`.",
            ),
            Check::UnusedAllow => (
                "unused-allow",
                "rules",
                Severity::Warning,
                "An `allow` in the lint settings matched no finding: the problem it excused is gone, so the allow should go too.",
            ),
        };
        let fix = match self {
            Check::TomlSyntax | Check::Schema => Some(Applicability::Safe),
            Check::UnknownReference => Some(Applicability::Unsafe),
            _ => None,
        };
        CheckInfo {
            id,
            stage,
            severity,
            summary,
            configurable: false,
            fix,
        }
    }

    /// The check with this id, if it is one.
    pub fn from_id(id: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for check in Check::ALL {
            let id = check.id();
            assert!(seen.insert(id), "{id} is listed twice");
            assert!(
                id.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "{id} is not kebab-case"
            );
            assert_eq!(Check::from_id(id), Some(check));
        }
    }
}
