//! Stage 3, *model*: deserialize the checked document into typed values with spans, then
//! resolve every id reference.

mod document;
mod lints;
pub mod resolve;
pub mod schema;
mod spanned;
mod values;

pub use document::*;
pub use lints::{LintLevel, LintSetting};
pub use resolve::{DeclKind, Declaration, Index};
pub use spanned::{Span, Spanned, Text};
pub use values::{
    AmountError, DATE_PATTERN, Date, Day, FINANCIAL_YEAR_PATTERN, FinancialYear, ID_PATTERN, Id,
    MONEY_PATTERN, Money, NAME_PATTERN, PERCENT_PATTERN, Percent, days_in_month, format_pounds,
};

use serde::Deserialize;

use crate::diag::{Diagnostic, Severity};
use crate::load::Document;
const SCHEMA: &str = crate::diag::Check::Schema.id();

/// A document with its ids resolved: what the rules read.
#[derive(Debug, Clone)]
pub struct Model {
    /// The arrangements as written.
    pub doc: Arrangements,
    /// Every declared id.
    pub index: Index,
    /// Every text value of the document with its key, for rules about wording (placeholders,
    /// obsolete titles) that apply wherever the words appear.
    pub texts: Vec<TextValue>,
}

/// One text value of the document.
#[derive(Debug, Clone)]
pub struct TextValue {
    /// The key it is the value of (for items of a list, the list's key).
    pub key: String,
    /// The text.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Keys whose string values are not prose: ids, references to ids, the closed vocabularies
/// (enums), dates, money and web addresses. Wording rules ("Designate", "TBC") must not read an
/// id such as `icb-ceo-designate`. A test checks the list against the schema.
pub const NOT_PROSE: &[&str] = &[
    // ids and references to them
    "id",
    "agency",
    "areas",
    "by",
    "chair",
    "delegates",
    "employer",
    "forum",
    "group",
    "groups",
    "host",
    "lead",
    "manager",
    "members",
    "nominated_by",
    "operational_groups",
    "organisation",
    "panel",
    "part_of",
    "partners",
    "partnership",
    "provider",
    "reports_to",
    "role",
    "scrutineer",
    "strategic_groups",
    "vice_chair",
    // closed vocabularies
    "contents",
    "document",
    "edition",
    "guidance_edition",
    "kind",
    "publication",
    "scope",
    "unit",
    // dates, years, money, percentages
    "agreed",
    "amount",
    "date",
    "financial_year",
    "from",
    "period",
    "published",
    "stated_percent",
    "stated_total",
    "to",
    "updated",
    // web addresses
    "url",
    "website",
];

/// Whether a key's string values are prose (see [`NOT_PROSE`]). Asked for every string of
/// the document, so the list is searched as a sorted copy.
fn is_prose(key: &str) -> bool {
    static SORTED: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        let mut keys = NOT_PROSE.to_vec();
        keys.sort_unstable();
        keys
    });
    SORTED.binary_search(&key).is_err()
}

/// Collects every string value that is prose (see [`NOT_PROSE`]).
fn collect_texts(value: &toml::de::DeValue<'_>, span: Span, key: &str, out: &mut Vec<TextValue>) {
    use toml::de::DeValue;
    match value {
        DeValue::String(s) if is_prose(key) => out.push(TextValue {
            key: key.to_owned(),
            text: s.to_string(),
            span,
        }),
        DeValue::Array(a) => a
            .iter()
            .for_each(|v| collect_texts(v.get_ref(), v.span(), key, out)),
        DeValue::Table(t) => t
            .iter()
            .for_each(|(k, v)| collect_texts(v.get_ref(), v.span(), k.get_ref(), out)),
        _ => {}
    }
}

/// The first float written with more digits than a float holds exactly, with its text: the
/// parser would round it silently (see [`values::float_literal_is_exact`]).
fn first_inexact_float(table: &toml::de::DeTable<'_>) -> Option<(Span, String)> {
    use toml::de::DeValue;
    fn walk(value: &toml::Spanned<DeValue<'_>>) -> Option<(Span, String)> {
        match value.get_ref() {
            DeValue::Float(f) => {
                let literal = f.as_str().replace('_', "");
                (!values::float_literal_is_exact(&literal)).then(|| (value.span(), literal))
            }
            DeValue::Array(a) => a.iter().find_map(walk),
            DeValue::Table(t) => first_inexact_float(t),
            _ => None,
        }
    }
    table.iter().find_map(|(_, v)| walk(v))
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
    build_with_written(doc, &written)
}

/// [`build`] of a document the structure stage has cut broken parts from: `written` holds the
/// ids the file declared before the cuts (see [`resolve::written_ids`]), so that a reference
/// to a declaration cut away for another reason (`kind = "Police"`) is not reported again as
/// an unknown reference: one root cause, one finding.
pub fn build_with_written(
    doc: Document<'_>,
    written: &std::collections::HashSet<String>,
) -> Result<(Model, Vec<Diagnostic>), Box<Diagnostic>> {
    let mut texts = Vec::new();
    for (key, value) in doc.get_ref() {
        collect_texts(value.get_ref(), value.span(), key.get_ref(), &mut texts);
    }
    if let Some((span, literal)) = first_inexact_float(doc.get_ref()) {
        let message = values::AmountError::FloatTooLong(literal).to_string();
        return Err(Box::new(
            Diagnostic::new(SCHEMA, Severity::Error, span, message)
                .with_label("too many digits")
                .with_help("amounts have at most two decimal places; percentages as many as the document states"),
        ));
    }
    let arrangements =
        Arrangements::deserialize(toml::de::Deserializer::from(doc)).map_err(|e| {
            let message = plain_message(e.message().trim());
            let help = value_help(&message);
            Box::new(
                Diagnostic::new(SCHEMA, Severity::Error, e.span().unwrap_or(0..0), message)
                    .with_label("not valid here")
                    .with_help(help),
            )
        })?;
    let mut findings = Vec::new();
    let index = resolve::index(&arrangements, &mut findings);
    resolve::check_references(&arrangements, &index, written, &mut findings);
    Ok((
        Model {
            doc: arrangements,
            index,
            texts,
        },
        findings,
    ))
}

/// Serde's wording, put in words a reader of the file knows. A TOML date or time reaches
/// serde as a map; the schema lets it through where text belongs (it reads it as text), so a
/// map where a string is expected is always a date or time written without quotes.
fn plain_message(message: &str) -> String {
    if message.starts_with("invalid type: map") && message.contains("string") {
        "a date or time was given where text is expected: put it in quotes to keep it as text"
            .to_owned()
    } else {
        message.to_owned()
    }
}

/// A fix hint for a value the model's own types refused.
fn value_help(message: &str) -> &'static str {
    if message.contains("not a date") || message.contains("time of day") {
        "write a real date like 2024-09-27, \"2025-09\" when only the month is known, or 2024 when only the year is"
    } else if message.contains("where text is expected") {
        "put quotes around text, e.g. \"2024-01-01T10:00:00Z\""
    } else if message.contains("financial year") {
        "write financial years like \"2025/26\""
    } else if message.contains("percentage") {
        "write percentages as the document states them, e.g. 16.7 or \"16.7%\""
    } else if message.contains("amount")
        || message.contains("decimal places")
        || message.contains("digits")
    {
        "write amounts like \"£137,730.19\" or 137730.19"
    } else {
        "correct the value as described"
    }
}

#[cfg(test)]
mod tests {
    use super::NOT_PROSE;
    use serde_json::Value;

    /// The definition a property's value (or its items) refers to, if any.
    fn referred<'a>(property: &'a Value, definitions: &'a Value) -> Option<(&'a str, &'a Value)> {
        let reference = property
            .get("$ref")
            .or_else(|| property.get("items").and_then(|i| i.get("$ref")))?
            .as_str()?;
        let name = reference.rsplit('/').next()?;
        Some((name, definitions.get(name)?))
    }

    #[test]
    fn every_id_enum_date_and_money_key_is_not_prose() {
        let schema = crate::model::schema::arrangements_schema().to_value();
        let definitions = &schema["definitions"];
        let mut tables: Vec<&Value> = vec![&schema];
        tables.extend(definitions.as_object().into_iter().flat_map(|d| d.values()));
        let mut keys_seen = Vec::new();
        for table in tables {
            for (key, property) in table["properties"].as_object().into_iter().flatten() {
                keys_seen.push(key.as_str());
                let Some((name, definition)) = referred(property, definitions) else {
                    continue;
                };
                // A string with its own definition is an id, an enum, a date, money or a
                // percentage: never prose.
                let string_like = definition.get("enum").is_some()
                    || definition.get("type") == Some(&Value::from("string"));
                if string_like {
                    assert!(
                        NOT_PROSE.contains(&key.as_str()),
                        "`{key}` ({name}) is not prose: add it to NOT_PROSE"
                    );
                }
            }
        }
        for key in NOT_PROSE {
            assert!(
                keys_seen.contains(key),
                "NOT_PROSE lists `{key}`, which is no key of the schema"
            );
        }
    }
}
