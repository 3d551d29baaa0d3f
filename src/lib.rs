//! # masa: multi-agency safeguarding arrangements as code
//!
//! masa checks a safeguarding partnership's arrangements, kept as a TOML file, against the
//! statutory requirements of *Working Together to Safeguard Children*. Every finding is a
//! [`Diagnostic`] pointing at the exact place in the file, saying why it matters, how to fix
//! it and which paragraph of the guidance requires it.
//!
//! The pipeline runs one way: **load → structure → model → rules → report**, driven by
//! [`check`]. The modules follow it, and each imports only those before it:
//!
//! | module | what it holds |
//! |---|---|
//! | [`diag`] | the vocabulary every stage speaks: [`Span`], [`Severity`], [`Diagnostic`], the pipeline's own [`Check`] ids, "did you mean" |
//! | `load` | bytes → text → a TOML tree with spans (internal) |
//! | [`model`] | the file format as types, its JSON Schema, and id resolution |
//! | `structure` | validation against the committed schema, every problem at its place (internal) |
//! | [`rules`] | the statutory catalog, lint levels, registries as data, the checks across files |
//! | [`report`] | renderers: human, JSON, SARIF, GitHub |
//! | [`check`] | the driver: one file, many files, across files, discovery, threads |
//! | [`render`] | the published document generated from the checked file: HTML or Markdown, with the structure chart |
//!
//! **The API** is what this page lists: [`check_source`], [`check_file`], [`check_paths`],
//! [`check_sources`], [`parse_model`], [`Options`], the report types ([`Report`],
//! [`FileReport`], [`Diagnostic`]), the [`model`] a rule reads, and [`rules::Rule`] for rules
//! of your own. `load` and `structure` are public only so that this repository's benches can
//! time each stage; they are hidden from these docs and may change in any release.
//!
//! ```
//! let toml = r#"
//! schema_version = 1
//! [partnership]
//! name = "Example Safeguarding Children Partnership"
//! publshed = 2024-09-27
//! "#;
//! let report = masa::check_source("example.toml", toml.as_bytes(), &masa::Options::default());
//! let d = &report.diagnostics[0];
//! assert_eq!(d.rule, "schema");
//! assert_eq!(d.help.as_deref(), Some("did you mean `published`?"));
//! ```
//!
//! A report renders in every format the CLI offers, and project lint levels come from the same
//! `masa.toml` the CLI reads:
//!
//! ```
//! use masa::report::{github, human, json, sarif};
//!
//! let lints = masa::lints::ProjectLints::parse(
//!     "[lints]\nfunding-declared = { level = \"allow\", reason = \"funded by the council alone\" }\n",
//!     &masa::rules::catalog(),
//! ).expect("valid configuration");
//! let options = masa::Options { lints, ..masa::Options::default() };
//! let toml = "schema_version = 1\n[partnership]\nname = \"Example\"\n";
//! let report = masa::Report {
//!     files: vec![masa::check_source("example.toml", toml.as_bytes(), &options)],
//!     unreadable: vec![],
//! };
//! assert!(report.files[0].diagnostics.iter().all(|d| d.rule != "funding-declared"));
//! let text = human::render(&report, &human::HumanOptions::default());
//! assert!(text.contains("published-date-present"));
//! let machine: serde_json::Value = serde_json::from_str(&json::render(&report)).unwrap();
//! assert_eq!(machine["summary"]["files"], 1);
//! assert!(sarif::render(&report, &options.rules).contains("\"version\": \"2.1.0\""));
//! assert!(github::render(&report).starts_with("::"));
//! ```
//!
//! Embedders can add rules of their own next to the statutory catalog:
//!
//! ```
//! use masa::rules::{Context, Level, Rule, RuleMeta, finding, ALL_EDITIONS};
//! use masa::{Diagnostic, Severity};
//!
//! /// A local policy: every group meets at least four times a year.
//! struct GroupsMeetQuarterly;
//!
//! static META: RuleMeta = RuleMeta {
//!     id: "groups-meet-quarterly",
//!     level: Level::Quality,
//!     default_severity: Severity::Warning,
//!     summary: "Every group meets at least four times a year.",
//!     citation: "Local policy",
//!     editions: ALL_EDITIONS,
//!     enabled: true,
//!     fix: None,
//!     what: "meetings_per_year >= 4",
//!     why: "Our partnership agreed it.",
//!     fails: "meetings_per_year = 2",
//!     passes: "meetings_per_year = 4",
//! };
//!
//! impl Rule for GroupsMeetQuarterly {
//!     fn meta(&self) -> &RuleMeta { &META }
//!     fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
//!         for group in &cx.model.doc.groups {
//!             if let Some(n) = group.meetings_per_year.as_ref().filter(|n| *n.get() < 4) {
//!                 out.push(finding(&META, n.span(), format!("{} meets {} times a year", group.name.get(), n.get())));
//!             }
//!         }
//!     }
//! }
//!
//! let toml = r#"
//! schema_version = 1
//! [partnership]
//! name = "Example"
//! [[groups]]
//! id = "board"
//! name = "Board"
//! meetings_per_year = 2
//! "#;
//! let options = masa::Options::default().with_rule(&GroupsMeetQuarterly);
//! let report = masa::check_source("example.toml", toml.as_bytes(), &options);
//! assert!(report.diagnostics.iter().any(|d| d.rule == "groups-meet-quarterly" && d.message == "Board meets 2 times a year"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod check;
pub mod diag;
pub mod fix;
pub mod init;
#[doc(hidden)]
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod rules;
#[doc(hidden)]
pub mod structure;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "server")]
pub mod server;

/// Where lint levels used to live: kept so that `masa::lints::…` paths compile for one more
/// release. The types are [`model::LintSetting`] and [`model::LintLevel`]; applying them is
/// [`rules::levels`].
#[doc(hidden)]
pub mod lints {
    pub use crate::model::{LintLevel, LintSetting};
    pub use crate::rules::levels::*;
}

pub use check::{
    Options, check_file, check_paths, check_source, check_sources, describe_io, discover,
    parse_model,
};
pub use diag::{Check, Diagnostic, Severity, Span};
pub use model::{Day, Model};
pub use report::{FileReport, Report};
