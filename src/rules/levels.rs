//! Lint levels: allow, warn or deny a rule, per project (`masa.toml`) and per document
//! (`[lints]` in the arrangements file), as clippy does. An `allow` must carry a written
//! reason — the audit trail for why a requirement does not apply — and an `allow` that
//! matched nothing is itself reported, so stale exemptions do not linger.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Rule;
use crate::diag::{Diagnostic, Severity};
use crate::model::{LintLevel, LintSetting, Model, Span, Spanned};

/// Rule id for a lint setting that names no rule, or allows one without a reason.
pub const LINT_CONFIG: &str = crate::diag::Check::LintConfig.id();
/// Rule id for a document-level `allow` that matched no finding.
pub const UNUSED_ALLOW: &str = crate::diag::Check::UnusedAllow.id();

/// Why a project configuration (`masa.toml`) cannot be used. An invalid configuration stops
/// masa (exit code 2), so each variant says exactly what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The file is not valid TOML, or has a key masa does not know.
    #[error("{}{message}", at.map_or_else(String::new, |(line, column)| format!("line {line}, column {column}: ")))]
    Syntax {
        /// Line and column (1-based), when known.
        at: Option<(usize, usize)>,
        /// The parser's message.
        message: String,
    },
    /// `[lints]` names a rule that is not in the catalog.
    #[error("[lints] names `{rule}`, which is not a rule{} (`masa rules` lists them)", suggestion.as_ref().map_or_else(String::new, |s| format!("; did you mean `{s}`?")))]
    UnknownRule {
        /// The name written.
        rule: String,
        /// The closest rule id, if one is close.
        suggestion: Option<String>,
    },
    /// `docs-url` is not an absolute address.
    #[error("docs-url: {0}")]
    DocsUrl(String),
    /// A rule is allowed without a written reason.
    #[error(
        "[lints] allows `{rule}` without a reason: write {rule} = {{ level = \"allow\", reason = \"…\" }}"
    )]
    AllowWithoutReason {
        /// The rule allowed.
        rule: String,
    },
}

/// Project-wide lint levels (from `masa.toml` or `--config`).
#[derive(Debug, Clone, Default)]
pub struct ProjectLints {
    settings: BTreeMap<String, LintSetting>,
    docs_url: Option<super::docs::DocsBase>,
}

/// The project configuration file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectConfig {
    #[serde(default)]
    lints: BTreeMap<String, LintSetting>,
    /// Where the project publishes the rule pages (`masa rules --format html --output DIR`),
    /// so that findings link to them.
    #[serde(default, rename = "docs-url")]
    docs_url: Option<String>,
}

/// The project configuration file's name, looked for in the current directory.
pub const CONFIG_FILE: &str = "masa.toml";

impl ProjectLints {
    /// Reads a project configuration (the text of `masa.toml`). An invalid configuration
    /// stops masa (exit code 2), so the error says where and what to change.
    pub fn parse(text: &str, rules: &[&dyn Rule]) -> Result<ProjectLints, ConfigError> {
        let config: ProjectConfig = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            at: e.span().map(|s| {
                let p = crate::diag::LineIndex::new(text).position(s.start);
                (p.line, p.column)
            }),
            message: e.message().trim().to_owned(),
        })?;
        for (rule, setting) in &config.lints {
            if !rules.iter().any(|r| r.meta().id == rule) {
                let ids = rules.iter().map(|r| r.meta().id);
                return Err(ConfigError::UnknownRule {
                    rule: rule.clone(),
                    suggestion: crate::diag::suggest(rule, ids).map(str::to_owned),
                });
            }
            if setting.level == LintLevel::Allow
                && setting
                    .reason
                    .as_deref()
                    .is_none_or(|r| r.trim().is_empty())
            {
                return Err(ConfigError::AllowWithoutReason { rule: rule.clone() });
            }
        }
        let docs_url = config
            .docs_url
            .as_deref()
            .map(super::docs::DocsBase::parse)
            .transpose()
            .map_err(ConfigError::DocsUrl)?;
        Ok(ProjectLints {
            settings: config.lints,
            docs_url,
        })
    }

    /// Where the rule pages are published (`docs-url`), if the configuration says.
    pub fn docs_url(&self) -> Option<&super::docs::DocsBase> {
        self.docs_url.as_ref()
    }

    /// Sets one rule's level (for embedders).
    pub fn set(&mut self, rule: &str, setting: LintSetting) {
        self.settings.insert(rule.to_owned(), setting);
    }

    fn get(&self, rule: &str) -> Option<&LintSetting> {
        self.settings.get(rule)
    }
}

/// The effective level of a rule for one document: the document's own setting wins over the
/// project's.
fn level_for<'a>(
    rule: &str,
    model: Option<&'a Model>,
    project: &'a ProjectLints,
) -> Option<&'a LintSetting> {
    model
        .and_then(|m| {
            m.doc
                .lints
                .iter()
                .find(|(k, _)| k.as_str() == rule)
                .map(|(_, v)| v.get())
        })
        .or_else(|| project.get(rule))
}

/// Whether a rule runs for this document: enabled by default and not turned off, or turned on
/// by a `warn`/`deny` setting (rules for law not yet in force are off until asked for).
pub fn runs(rule: &dyn Rule, model: &Model, project: &ProjectLints) -> bool {
    match level_for(rule.meta().id, Some(model), project) {
        Some(setting) => setting.level != LintLevel::Allow || rule.meta().enabled,
        None => rule.meta().enabled,
    }
}

/// Applies the levels to a document's rule findings, and checks the document's own settings.
pub fn apply(
    findings: Vec<Diagnostic>,
    model: &Model,
    project: &ProjectLints,
    rules: &[&dyn Rule],
) -> Vec<Diagnostic> {
    let mut used: Vec<&str> = Vec::new();
    let mut out = Vec::with_capacity(findings.len());
    let record = model.doc.partnership.superseded_by.is_some();
    for mut d in findings {
        match level_for(&d.rule, Some(model), project) {
            Some(s) if s.level == LintLevel::Allow => {
                if let Some((k, _)) = model.doc.lints.iter().find(|(k, _)| k.as_str() == d.rule) {
                    used.push(k.as_str());
                }
                continue;
            }
            Some(s) if s.level == LintLevel::Warn => d.severity = Severity::Warning,
            Some(s) if s.level == LintLevel::Deny => d.severity = Severity::Error,
            _ => {}
        }
        if record {
            // A document kept as a record is history: what is wrong in it is reported so that
            // it can be read, but keeping old versions in the repository never fails a check.
            // The message says so first, so that nobody "fixes" a record.
            d.severity = Severity::Info;
            d.message = format!("history (a record, `superseded_by`): {}", d.message);
            // Nor does `--fix` rewrite what a past document said.
            d.fix = None;
        }
        out.push(d);
    }
    for (rule, setting) in &model.doc.lints {
        // A rule across files reports after this document's own check: whether its `allow`
        // is used cannot be known here, so it is not reported as unused.
        let across_files = rules
            .iter()
            .any(|r| r.meta().id == rule.as_str() && r.across_files());
        out.extend(check_setting(
            rule,
            setting,
            rules,
            across_files || used.contains(&rule.as_str()),
        ));
    }
    out
}

/// Whether a rule across files runs: enabled and not allowed project-wide, or turned on.
pub fn runs_across_files(rule: &dyn Rule, project: &ProjectLints) -> bool {
    match project.get(rule.meta().id) {
        Some(setting) => setting.level != LintLevel::Allow,
        None => rule.meta().enabled,
    }
}

/// Applies the levels to a finding across files reported in one document: that document's
/// own setting wins over the project's. `None` when the rule is allowed there.
pub fn apply_across_files(
    mut finding: Diagnostic,
    document: &[(String, LintSetting)],
    project: &ProjectLints,
) -> Option<Diagnostic> {
    let setting = document
        .iter()
        .find(|(k, _)| *k == finding.rule)
        .map(|(_, v)| v)
        .or_else(|| project.get(&finding.rule));
    match setting.map(|s| s.level) {
        Some(LintLevel::Allow) => return None,
        Some(LintLevel::Warn) => finding.severity = Severity::Warning,
        Some(LintLevel::Deny) => finding.severity = Severity::Error,
        None => {}
    }
    Some(finding)
}

/// Problems with one document-level setting.
fn check_setting(
    rule: &Spanned<String>,
    setting: &Spanned<LintSetting>,
    rules: &[&dyn Rule],
    used: bool,
) -> Option<Diagnostic> {
    let span: Span = rule.span();
    if !rules.iter().any(|r| r.meta().id == rule.as_str()) {
        let hint = crate::diag::suggest(rule, rules.iter().map(|r| r.meta().id)).map_or_else(
            || "`masa rules` lists the rule ids".to_owned(),
            |s| format!("did you mean `{s}`?"),
        );
        return Some(
            Diagnostic::new(
                LINT_CONFIG,
                Severity::Error,
                span,
                format!("[lints] names `{}`, which is not a rule", rule.get()),
            )
            .with_label("unknown rule")
            .with_help(hint),
        );
    }
    if setting.level == LintLevel::Allow {
        if setting
            .reason
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
        {
            return Some(
                Diagnostic::new(LINT_CONFIG, Severity::Error, setting.span(), format!("`{}` is allowed without a reason", rule.get()))
                    .with_label("no reason given")
                    .with_help(format!("write {} = {{ level = \"allow\", reason = \"why this requirement does not apply\" }}", rule.get())),
            );
        }
        if !used {
            return Some(
                Diagnostic::new(
                    UNUSED_ALLOW,
                    Severity::Warning,
                    span,
                    format!(
                        "`{}` is allowed, but it reports nothing in this file",
                        rule.get()
                    ),
                )
                .with_label("unused allow")
                .with_help("remove the setting: the requirement is now met"),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lints: &str, project: &ProjectLints) -> Vec<Diagnostic> {
        let text = format!("schema_version = 1\n[partnership]\nname = \"P\"\n{lints}");
        let (model, _) = crate::parse_model(&text).expect("valid");
        let rules = crate::rules::catalog();
        let findings = crate::rules::run_with(
            &rules,
            &model,
            crate::Day::new(2026, 11, 22).unwrap(),
            project,
        );
        apply(findings, &model, project, &rules)
    }

    fn rules_of(found: &[Diagnostic]) -> Vec<&str> {
        found.iter().map(|d| d.rule.as_str()).collect()
    }

    #[test]
    fn allow_with_reason_silences_and_an_unused_allow_is_reported() {
        let none = ProjectLints::default();
        assert!(rules_of(&check("", &none)).contains(&"cdr-partners"));
        let allowed = check(
            "[lints]\ncdr-partners = { level = \"allow\", reason = \"combined with a neighbour under s.16P\" }\n",
            &none,
        );
        assert!(!rules_of(&allowed).contains(&"cdr-partners"));
        assert!(!rules_of(&allowed).contains(&UNUSED_ALLOW));
        let unused = check(
            "[lints]\nmulti-agency-child-protection-teams = { level = \"allow\", reason = \"not yet in force\" }\n",
            &none,
        );
        assert!(rules_of(&unused).contains(&UNUSED_ALLOW));
    }

    #[test]
    fn allow_without_reason_and_unknown_rules_are_errors() {
        let none = ProjectLints::default();
        let found = check(
            "[lints]\ncdr-partners = \"allow\"\nfunding-totl = \"deny\"\n",
            &none,
        );
        let config: Vec<&Diagnostic> = found.iter().filter(|d| d.rule == LINT_CONFIG).collect();
        assert_eq!(config.len(), 2);
        assert!(
            config
                .iter()
                .any(|d| d.help.as_deref() == Some("did you mean `funding-total`?"))
        );
    }

    #[test]
    fn warn_and_deny_change_severity_and_turn_on_rules_that_are_off() {
        let none = ProjectLints::default();
        let found = check(
            "[lints]\nmulti-agency-child-protection-teams = \"warn\"\npartnership-chair-named = \"deny\"\n",
            &none,
        );
        let sev = |id: &str| found.iter().find(|d| d.rule == id).map(|d| d.severity);
        assert_eq!(
            sev("multi-agency-child-protection-teams"),
            Some(Severity::Warning)
        );
        assert_eq!(sev("partnership-chair-named"), Some(Severity::Error));
    }

    #[test]
    fn project_settings_apply_and_documents_override_them() {
        let rules = crate::rules::catalog();
        let project =
            ProjectLints::parse("[lints]\npartnership-chair-named = \"deny\"\n", &rules).unwrap();
        let found = check("", &project);
        assert_eq!(
            found
                .iter()
                .find(|d| d.rule == "partnership-chair-named")
                .map(|d| d.severity),
            Some(Severity::Error)
        );
        let found = check("[lints]\npartnership-chair-named = \"warn\"\n", &project);
        assert_eq!(
            found
                .iter()
                .find(|d| d.rule == "partnership-chair-named")
                .map(|d| d.severity),
            Some(Severity::Warning)
        );
        assert!(
            ProjectLints::parse("[lints]\ncdr-partners = \"allow\"\n", &rules).unwrap_err()
                == ConfigError::AllowWithoutReason {
                    rule: "cdr-partners".into()
                }
        );
        assert!(
            ProjectLints::parse("[lints]\nnope = \"warn\"\n", &rules)
                .unwrap_err()
                .to_string()
                .contains("not a rule")
        );
        assert!(ProjectLints::parse("[lint]\n", &rules).is_err());
    }

    #[test]
    fn docs_url_is_read_and_must_be_an_absolute_address() {
        let rules = crate::rules::catalog();
        let config =
            ProjectLints::parse("docs-url = \"file:///srv/masa-rules/\"\n", &rules).unwrap();
        assert_eq!(
            config.docs_url().map(|b| b.as_str()),
            Some("file:///srv/masa-rules")
        );
        assert_eq!(ProjectLints::parse("", &rules).unwrap().docs_url(), None);
        let err = ProjectLints::parse("docs-url = \"rules/\"\n", &rules).unwrap_err();
        assert!(matches!(err, ConfigError::DocsUrl(_)), "{err:?}");
        // The key is spelled with a hyphen, as in Cargo.toml; the underscore form is unknown.
        assert!(ProjectLints::parse("docs_url = \"https://x.test/r\"\n", &rules).is_err());
    }
}
