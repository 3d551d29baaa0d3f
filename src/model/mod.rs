//! Stage 3, *model*: deserialize the checked document into typed values with spans, then
//! resolve every id reference.

mod document;
pub mod resolve;
mod spanned;
mod values;

pub use document::*;
pub use resolve::{DeclKind, Declaration, Index};
pub use spanned::{Span, Spanned, Text};
pub use values::{
    AmountError, DATE_PATTERN, Date, Day, FINANCIAL_YEAR_PATTERN, FinancialYear, ID_PATTERN, Id,
    MONEY_PATTERN, Money, PERCENT_PATTERN, Percent, days_in_month, format_pounds,
};

use serde::Deserialize;

use crate::load::Document;
use crate::report::{Diagnostic, Severity};
use crate::structure::SCHEMA;

/// A document with its ids resolved: what the rules read.
#[derive(Debug, Clone)]
pub struct Model {
    /// The arrangements as written.
    pub doc: Arrangements,
    /// Every declared id.
    pub index: Index,
}

impl Model {
    /// The organisation with this id, if declared.
    pub fn organisation(&self, id: &Id) -> Option<&Organisation> {
        self.lookup(id, DeclKind::Organisation)
            .map(|i| self.doc.organisations[i].get())
    }

    /// The role with this id, if declared.
    pub fn role(&self, id: &Id) -> Option<&Role> {
        self.lookup(id, DeclKind::Role)
            .map(|i| self.doc.roles[i].get())
    }

    /// The group with this id, if declared.
    pub fn group(&self, id: &Id) -> Option<&Group> {
        self.lookup(id, DeclKind::Group)
            .map(|i| self.doc.groups[i].get())
    }

    fn lookup(&self, id: &Id, kind: DeclKind) -> Option<usize> {
        self.index
            .get(id.as_str())
            .filter(|d| d.kind == kind)
            .map(|d| d.position)
    }
}

/// Deserializes the document (consuming the parse) and resolves its references.
///
/// Returns the model and the reference findings (unknown or duplicate ids). Deserialization
/// fails only when a value passes the schema but not its type's own check (a date that does
/// not exist, an amount with too many digits); that failure is a `schema` finding at its span.
pub fn build(doc: Document<'_>) -> Result<(Model, Vec<Diagnostic>), Box<Diagnostic>> {
    let written = resolve::written_ids(&doc);
    let arrangements =
        Arrangements::deserialize(toml::de::Deserializer::from(doc)).map_err(|e| {
            let message = e.message().trim().to_owned();
            let help = value_help(&message);
            Box::new(
                Diagnostic::new(SCHEMA, Severity::Error, e.span().unwrap_or(0..0), message)
                    .with_label("not valid here")
                    .with_help(help),
            )
        })?;
    let mut findings = Vec::new();
    let index = resolve::index(&arrangements, &mut findings);
    resolve::check_references(&arrangements, &index, &written, &mut findings);
    Ok((
        Model {
            doc: arrangements,
            index,
        },
        findings,
    ))
}

/// A fix hint for a value the model's own types refused.
fn value_help(message: &str) -> &'static str {
    if message.contains("not a date") || message.contains("time of day") {
        "write a real date like 2024-09-27, or \"2025-09\" when only the month is known"
    } else if message.contains("financial year") {
        "write financial years like \"2025/26\""
    } else if message.contains("amount")
        || message.contains("decimal places")
        || message.contains("digits")
    {
        "write amounts like \"£137,730.19\" or 137730.19"
    } else {
        "correct the value as described"
    }
}
