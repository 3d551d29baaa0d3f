//! Stage 4, *rules*: the statutory rule catalog.
//!
//! Each rule is a small unit with its metadata (id, default severity, summary, citation, the
//! guidance editions it applies to) and its documentation in fixed sections — *what it checks*,
//! *why it matters*, and a failing and a passing example. `masa rules`, `masa explain` and
//! `docs/rules.md` are all generated from this one catalog. Rules read the typed [`Model`]
//! (never raw TOML) and report against its spans.

pub mod across_files;
mod agencies;
mod bodies;
mod chair;
mod child_death;
pub mod data;
pub mod docs;
pub mod editions;
mod funding;
mod future;
mod groups;
mod initials;
pub mod levels;
pub(crate) mod links;
mod out_of_date;
mod partners;
mod publication;
pub mod registry;
mod reviews;
mod scrutiny;
mod sections;
mod signoff;
pub(crate) mod support;
mod wording;
mod wt2026;
mod yearly_report;

use crate::Day;
use crate::diag::{Diagnostic, Severity};
use crate::model::{Edition, Model, Span};

/// How binding the requirement behind a rule is. It fixes the rule's default severity (the
/// severity policy at the top of docs/rules.md, enforced by `tests/severity_policy.rs`):
/// `Must` and `Fact` are errors, `Should` and `Quality` warnings, `Info` info. A finding of a
/// `Must` or `Fact` rule that rests only on a "should", or on a fact masa cannot confirm, is
/// reported at a lower severity than the default, and says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A duty in an Act or regulations, or a MUST of the guidance, about what the arrangements
    /// contain.
    Must,
    /// A provably wrong fact or sum: a total that does not add up, a body that no longer
    /// exists, an agency that is a person.
    Fact,
    /// Statutory guidance ("should": followed unless there is good reason not to).
    Should,
    /// Not law: data quality and likely mistakes (placeholders, consistency, missing details).
    Quality,
    /// Advice, history, or what cannot be judged from the file.
    Info,
}

impl Level {
    /// The default severity the severity policy gives this level.
    pub const fn policy_severity(self) -> Severity {
        match self {
            Level::Must | Level::Fact => Severity::Error,
            Level::Should | Level::Quality => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

/// Everything the catalog says about one rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// The stable kebab-case id users put in configuration.
    pub id: &'static str,
    /// How binding the requirement is.
    pub level: Level,
    /// The severity when no configuration changes it.
    pub default_severity: Severity,
    /// One line: what the rule requires.
    pub summary: &'static str,
    /// The law or guidance it enforces, edition and paragraph.
    pub citation: &'static str,
    /// The guidance editions it applies to (a document following another edition is not judged).
    pub editions: &'static [Edition],
    /// Whether it runs by default (rules for law not yet commenced do not).
    pub enabled: bool,
    /// Whether its findings carry a fix, and whether that fix is safe (`masa check --fix`
    /// applies it) or unsafe (only with `--unsafe-fixes`). `None`: nothing to fix
    /// mechanically; facts a person must decide (totals, dates, who signed) are never fixed.
    pub fix: Option<crate::diag::Applicability>,
    /// *What it checks*.
    pub what: &'static str,
    /// *Why it matters*.
    pub why: &'static str,
    /// An example that fails the rule: a whole arrangements file (`schema_version`,
    /// `[partnership]` and only what the rule needs, with the organisations, roles and groups
    /// it refers to declared), written as a raw string on lines of its own and judged as at
    /// [`docs::EXAMPLE_TODAY`]. It gives at least one finding of the rule and no `schema`,
    /// `toml-syntax`, `unknown-reference` or `duplicate-id` finding. A rule across files gives
    /// several files, each starting at a [`docs::EXAMPLE_FILE_MARKER`] line (`# file: a.toml`).
    /// `masa explain` and docs/rules.md show it as written (see [`docs::example_text`]), and
    /// `tests/rule_examples.rs` runs exactly that text.
    pub fails: &'static str,
    /// The same example, fixed: written the same way, it gives no finding of the rule (other
    /// rules may still report on it).
    pub passes: &'static str,
}

/// Every edition: the default for rules that rest on the Act itself.
pub const ALL_EDITIONS: &[Edition] = &[Edition::Wt2018, Edition::Wt2023, Edition::Wt2026];
/// The editions since 2023.
pub const SINCE_WT2023: &[Edition] = &[Edition::Wt2023, Edition::Wt2026];

/// What a rule sees.
pub struct Context<'a> {
    /// The resolved document.
    pub model: &'a Model,
    /// The date to judge date-dependent requirements against.
    pub today: Day,
    /// Where the wording rules' phrases occur, found on first use by one pass over the texts.
    phrases: std::cell::OnceCell<Option<support::phrases::PhraseIndex>>,
    /// Where the registries' names, misquotations and false statements of law occur in each
    /// text value, found on first use by one pass over each value.
    registry_hits: std::cell::OnceCell<Vec<Vec<support::prose::Hit>>>,
}

impl<'a> Context<'a> {
    /// What a rule sees of `model`, judged as at `today`.
    pub fn new(model: &'a Model, today: Day) -> Self {
        Context {
            model,
            today,
            phrases: std::cell::OnceCell::new(),
            registry_hits: std::cell::OnceCell::new(),
        }
    }

    /// The day the document is judged as at, as a finding should say it: its own latest date,
    /// or, for a document that gives no date, `--today` with a note saying so (an undated
    /// document is judged as at the day it is checked).
    pub fn document_day(&self) -> (Day, String) {
        match support::dates::document_date(&self.model.doc) {
            Some(day) => (
                day,
                support::dates::document_date_as_written(&self.model.doc),
            ),
            None if self.model.doc.partnership.superseded_by.is_some() => (
                self.today,
                format!(
                    "{}, when the edition it follows was published, as the record gives no date",
                    self.today
                ),
            ),
            None => (
                self.today,
                format!(
                    "{}, the day it is checked, as the document gives no date",
                    self.today
                ),
            ),
        }
    }

    /// For each text value of the document (in the order of `model.texts`), every place where
    /// an entry of obsolete.toml, titles.toml's `[[misquote]]` or false_law.toml matches.
    pub(crate) fn registry_hits(&self) -> &[Vec<support::prose::Hit>] {
        self.registry_hits.get_or_init(|| {
            self.model
                .texts
                .iter()
                .map(|t| support::prose::hits(&t.text))
                .collect()
        })
    }

    /// Every occurrence of a phrase (written in lower-case ASCII) in the document's text
    /// values, ignoring ASCII case, in document order: the value, and the byte offset of the
    /// match in its [`text`](crate::model::TextValue::text). Matches do not overlap.
    pub fn occurrences(&self, phrase: &str) -> Vec<(&'a crate::model::TextValue, usize)> {
        let texts: &'a [crate::model::TextValue] = &self.model.texts;
        let index = self
            .phrases
            .get_or_init(|| support::phrases::PhraseIndex::build(texts));
        if let Some(places) = index.as_ref().and_then(|i| i.places(phrase)) {
            return places.iter().map(|&(t, at)| (&texts[t], at)).collect();
        }
        texts
            .iter()
            .flat_map(|t| {
                support::phrases::find_all(&t.text, phrase)
                    .into_iter()
                    .map(move |at| (t, at))
            })
            .collect()
    }
}

/// A rule of the catalog. Embedders implement this to add their own rules.
pub trait Rule: Send + Sync {
    /// The rule's metadata and documentation.
    fn meta(&self) -> &RuleMeta;
    /// Checks the document, pushing findings made with [`finding`].
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
    /// Whether the rule compares several documents (run by [`Rule::check_set`] when masa checks
    /// more than one file) rather than judging each alone.
    fn across_files(&self) -> bool {
        false
    }
    /// Checks a set of documents together. The default does nothing: most rules judge one
    /// document at a time.
    fn check_set(
        &self,
        _set: &across_files::DocumentSet<'_>,
        _out: &mut Vec<across_files::SetFinding>,
    ) {
    }
}

/// Starts a finding of `rule` at `span`, with the rule's severity and citation filled in.
pub fn finding(rule: &RuleMeta, span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(rule.id, rule.default_severity, span, message).with_citation(rule.citation)
}

/// The built-in catalog, in documentation order.
pub fn catalog() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend_from_slice(publication::RULES);
    rules.extend_from_slice(partners::RULES);
    rules.extend_from_slice(chair::RULES);
    rules.extend_from_slice(scrutiny::RULES);
    rules.extend_from_slice(agencies::RULES);
    rules.extend_from_slice(sections::RULES);
    rules.extend_from_slice(links::RULES);
    rules.extend_from_slice(funding::RULES);
    rules.extend_from_slice(yearly_report::RULES);
    rules.extend_from_slice(wt2026::RULES);
    rules.extend_from_slice(reviews::RULES);
    rules.extend_from_slice(child_death::RULES);
    rules.extend_from_slice(signoff::RULES);
    rules.extend_from_slice(out_of_date::RULES);
    rules.extend_from_slice(initials::RULES);
    rules.extend_from_slice(bodies::RULES);
    rules.extend_from_slice(wording::RULES);
    rules.extend_from_slice(groups::RULES);
    rules.extend_from_slice(future::RULES);
    rules.extend_from_slice(across_files::RULES);
    rules
}

/// Looks up a built-in rule by id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    catalog().into_iter().find(|r| r.meta().id == id)
}

/// Runs every enabled rule that applies to the document's edition, with no lint settings.
pub fn run(rules: &[&dyn Rule], model: &Model, today: Day) -> Vec<Diagnostic> {
    run_with(
        rules,
        model,
        today,
        &crate::rules::levels::ProjectLints::default(),
    )
}

/// Runs the rules whose requirements were in force on the day the document is judged as at,
/// and that the lint settings leave on.
///
/// The law in force decides, not the edition the document claims: a document that says it
/// follows WT2018 but is judged as at 2026 is held to the edition in force in 2026 (and
/// `guidance-edition-current` reports the out-of-date claim), while a record of 2019 is never
/// held to requirements that came later.
pub fn run_with(
    rules: &[&dyn Rule],
    model: &Model,
    today: Day,
    lints: &crate::rules::levels::ProjectLints,
) -> Vec<Diagnostic> {
    let judged = judged_as_at(model, today);
    let edition = edition_judged_by(model, judged);
    let cx = Context::new(model, judged);
    let beside = model
        .doc
        .partnership
        .document
        .as_ref()
        .is_some_and(|d| *d.get() != crate::model::DocumentKind::Arrangements);
    let mut out = Vec::new();
    for rule in rules {
        let applies = rule.meta().editions.contains(&edition)
            && !(beside && WHOLE_ARRANGEMENTS_ONLY.contains(&rule.meta().id));
        if applies && crate::rules::levels::runs(*rule, model, lints) {
            rule.check(&cx, &mut out);
        }
    }
    crate::diag::merge_repeats(out)
}

/// Rules that judge what the arrangements as a whole contain (a section, a list, a date of
/// publication, the yearly report's contents). A document the partnership publishes beside its
/// arrangements, such as its web page (`partnership.document = "web_page"`), is not the
/// arrangements: it is checked for what it says (obsolete names, links, citations, names,
/// sums), not for what it leaves to the arrangements.
pub const WHOLE_ARRANGEMENTS_ONLY: &[&str] = &[
    "area-declared",
    "arrangements-published",
    "published-date-present",
    "work-together-to-identify-needs",
    "safeguarding-partners-complete",
    "lead-partners-complete",
    "delegated-partners-named",
    "partnership-chair-named",
    "business-management-function",
    "independent-scrutiny-present",
    "independent-scrutiny-role",
    "scrutiny-plans-published",
    "relevant-agencies-listed",
    "relevant-agencies-reviewed",
    "education-settings-included",
    "early-years-included",
    "youth-custody-and-residential-homes",
    "voice-of-children-and-families",
    "information-sharing",
    "data-and-intelligence",
    "multi-agency-training",
    "multi-agency-audits",
    "threshold-document-published",
    "dispute-resolution",
    "whistleblowing-linked",
    "funding-declared",
    "funding-in-yearly-report",
    "yearly-report-frequency",
    "yearly-report-contents",
    "yearly-report-recipients",
    "yearly-report-impact",
    "lcspr-arrangements",
    "serious-incident-notification",
    "cdr-partners",
    "lead-partner-signoff",
    "looked-after-children-covered",
    "disproportionality-analysed",
    "group-declared",
];

/// The edition whose requirements apply to a document judged as at `judged`: the one in force
/// on that day. Before the first edition masa knows (4 July 2018), the earliest it knows.
pub fn edition_judged_by(model: &Model, judged: Day) -> Edition {
    editions::in_force_on(judged)
        .map(|e| e.edition)
        .or_else(|| {
            let declared = model.doc.partnership.guidance_edition.as_ref();
            declared.map(|e| *e.get())
        })
        .unwrap_or(Edition::Wt2018)
}

/// The day a document is judged as at: today, unless it has been superseded — then its own
/// latest date, or (undated) the publication of the edition it follows, so that a record of old
/// arrangements is not judged by what changed after it was replaced.
pub fn judged_as_at(model: &Model, today: Day) -> Day {
    let p = &model.doc.partnership;
    if p.superseded_by.is_none() {
        return today;
    }
    support::dates::document_date(&model.doc)
        .or_else(|| {
            p.guidance_edition
                .as_ref()
                .map(|e| editions::info(*e.get()).published)
        })
        .map_or(today, |day| day.min(today))
}

/// Declares a unit struct implementing [`Rule`] from its metadata and a check function.
macro_rules! rule {
    ($name:ident, $meta:expr, $check:expr) => {
        pub(crate) struct $name;
        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &$crate::rules::RuleMeta {
                static META: $crate::rules::RuleMeta = $meta;
                &META
            }
            fn check(
                &self,
                cx: &$crate::rules::Context<'_>,
                out: &mut Vec<$crate::diag::Diagnostic>,
            ) {
                let check: fn(
                    &$crate::rules::RuleMeta,
                    &$crate::rules::Context<'_>,
                    &mut Vec<$crate::diag::Diagnostic>,
                ) = $check;
                check(self.meta(), cx, out)
            }
        }
    };
}
pub(crate) use rule;

#[cfg(test)]
pub(crate) mod testing {
    //! Builds small documents for rule tests.
    use super::*;

    /// The three partners, properly declared, before `extra`.
    pub const BASE: &str = r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2023"
published = 2025-01-10

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-icb"
name = "NHS Example Integrated Care Board"
kind = "integrated_care_board"
[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"
"#;

    /// Runs one rule over `BASE` followed by `extra`; panics if the document itself is invalid.
    pub fn run_rule(rule: &dyn Rule, extra: &str) -> (String, Vec<Diagnostic>) {
        run_rule_on(rule, &format!("{BASE}{extra}"))
    }

    /// Runs one rule over a whole document.
    pub fn run_rule_on(rule: &dyn Rule, text: &str) -> (String, Vec<Diagnostic>) {
        let text = text.to_owned();
        let (model, problems) =
            crate::parse_model(&text).unwrap_or_else(|d| panic!("test document invalid: {d:#?}"));
        assert!(
            problems.is_empty(),
            "test document has reference problems: {problems:#?}"
        );
        let cx = Context::new(
            &model,
            judged_as_at(&model, Day::new(2026, 11, 22).unwrap()),
        );
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        (text, out)
    }

    /// The text each finding points at.
    pub fn spans<'a>(text: &'a str, found: &[Diagnostic]) -> Vec<&'a str> {
        found.iter().map(|d| &text[d.span.clone()]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let rules = catalog();
        let mut ids: Vec<&str> = rules.iter().map(|r| r.meta().id).collect();
        for r in &rules {
            let m = r.meta();
            assert!(crate::model::Id::parse(m.id).is_ok(), "{}", m.id);
            for (what, text) in [
                ("summary", m.summary),
                ("citation", m.citation),
                ("what", m.what),
                ("why", m.why),
                ("fails", m.fails),
                ("passes", m.passes),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {what}", m.id);
            }
        }
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate rule ids");
    }
}
