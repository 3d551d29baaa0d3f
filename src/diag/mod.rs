//! The vocabulary every stage speaks: spans, severities, diagnostics with their labels and
//! related places, the source text with its line index, "did you mean", and the ids of the
//! pipeline's own checks.
//!
//! This module imports nothing else of masa, so that every stage can use it and none of them
//! has to import a later one to report a finding.

mod check;
mod diagnostic;
mod fix;
mod line_index;
mod source;
mod suggest;

pub use check::{Check, CheckInfo};
pub use diagnostic::{Diagnostic, Label, Related, Severity, merge_repeats};
pub use fix::{Applicability, Edit, Fix, apply_fixes, toml_string};
pub use line_index::{LineIndex, Position};
pub use source::SourceText;
pub use suggest::{Suggester, suggest};

/// A byte range into the source text of one file.
pub type Span = std::ops::Range<usize>;
