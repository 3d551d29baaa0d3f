//! The settings of a check.

use crate::model::Day;
use crate::rules::Rule;
use crate::rules::levels::ProjectLints;

/// Settings for a check.
#[derive(Clone)]
pub struct Options {
    /// The date date-dependent rules judge against (injectable so results are reproducible).
    pub today: Day,
    /// Files larger than this many bytes are refused with a `file-too-large` finding.
    pub max_file_size: usize,
    /// Project-wide lint levels (a document's own `[lints]` override them).
    pub lints: ProjectLints,
    /// The rules to run: the built-in catalog, plus any an embedder adds.
    pub rules: Vec<&'static dyn Rule>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            today: Day::today_utc(),
            max_file_size: crate::load::DEFAULT_MAX_FILE_SIZE,
            lints: ProjectLints::default(),
            rules: crate::rules::catalog(),
        }
    }
}

impl Options {
    /// Adds a rule of the embedder's own to the catalog.
    pub fn with_rule(mut self, rule: &'static dyn Rule) -> Self {
        self.rules.push(rule);
        self
    }
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("today", &self.today)
            .field("max_file_size", &self.max_file_size)
            .field("lints", &self.lints)
            .field(
                "rules",
                &self.rules.iter().map(|r| r.meta().id).collect::<Vec<_>>(),
            )
            .finish()
    }
}
