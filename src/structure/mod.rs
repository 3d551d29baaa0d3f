//! Stage 2, *structure*: validate the parsed document against the JSON Schema generated from
//! the model, and report **every** structural problem at once, each at its place in the file.
//!
//! serde alone would stop at the first problem; the schema sees them all.

pub mod locate;
mod prune;
pub use crate::model::schema;
mod toml_json;

use std::sync::LazyLock;

use jsonschema::Validator;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use serde_json::Value;

use crate::diag::{Diagnostic, Fix, Severity, suggest};
use crate::load::{self, Document};
use crate::model::{
    DATE_PATTERN, Date, FINANCIAL_YEAR_PATTERN, FinancialYear, ID_PATTERN, Id, MONEY_PATTERN,
    Money, NAME_PATTERN, PERCENT_PATTERN, Percent,
};
use locate::{Segment, locate, table_name, toml_path, value_at};

/// Rule id for structural problems (unknown keys, wrong types, bad values, missing keys).
pub const SCHEMA: &str = crate::diag::Check::Schema.id();

struct Compiled {
    schema: Value,
    /// Reads the parsed TOML tree in place (see `toml_json`).
    validator: Validator<toml_json::TomlJson>,
}

/// Built once per process and shared by every file and thread.
///
/// From the committed schema, which `tests/schema_sync.rs` keeps equal to the one generated from
/// the model: parsing it costs a tenth of generating it again in every process.
static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    // Both are tested (the text parses and compiles, and equals the generated schema), so
    // failure here is a bug in masa, not in the user's file.
    let mut schema: Value =
        serde_json::from_str(schema::COMMITTED_SCHEMA).expect("the committed schema is JSON");
    schema::refs_beside_descriptions(&mut schema);
    let validator = jsonschema::options_for::<toml_json::TomlJson>()
        .build(&schema)
        .expect("masa's generated JSON Schema compiles");
    Compiled { schema, validator }
});

/// Builds the validator now (benches and long-running embedders call this up front).
pub fn warm_up() {
    LazyLock::force(&COMPILED);
}

/// Checks the document's structure. Returns every problem, in source order.
pub fn check(doc: &Document<'_>) -> Vec<Diagnostic> {
    validate(doc).0
}

/// Checks the structure, then cuts away every part the schema rejected (repeating until what
/// is left is valid), so that the remainder can still be deserialized for reference checks.
///
/// Returns the problems of the original document, and whether the remainder is usable (it is
/// not if the root itself had to go).
pub fn check_and_prune(doc: &mut Document<'_>) -> (Vec<Diagnostic>, bool) {
    let (diagnostics, mut cuts) = validate(doc);
    // Each round removes at least one node, and a cut can only invalidate its parent, so the
    // loop ends; the bound is a guard, not a tuning knob.
    for _ in 0..MAX_PRUNE_ROUNDS {
        if cuts.is_empty() {
            return (diagnostics, true);
        }
        if !prune::remove_all(doc.get_mut(), cuts) {
            return (diagnostics, false);
        }
        cuts = validate(doc).1;
    }
    (diagnostics, cuts.is_empty())
}

const MAX_PRUNE_ROUNDS: usize = 16;

/// Every problem as a diagnostic, and the paths whose removal would make the document valid.
fn validate(doc: &Document<'_>) -> (Vec<Diagnostic>, Vec<Vec<Segment>>) {
    let compiled = &*COMPILED;
    let root = toml_json::TomlNode::Root(doc.get_ref());
    if compiled.validator.is_valid(root) {
        return (Vec::new(), Vec::new());
    }
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut cuts: Vec<Vec<Segment>> = Vec::new();
    let declared = std::cell::OnceCell::new();
    for error in compiled.validator.iter_errors(root) {
        let path: Vec<Segment> = error
            .instance_path()
            .iter()
            .map(|s| match s {
                LocationSegment::Property(p) => Segment::Key(p.into_owned()),
                LocationSegment::Index(i) => Segment::Index(i),
            })
            .collect();
        let schema_path: Vec<String> = error.schema_path().iter().map(|s| s.to_string()).collect();
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                cuts.extend(unexpected.iter().map(|k| {
                    let mut p = path.clone();
                    p.push(Segment::Key(k.clone()));
                    p
                }));
            }
            _ => cuts.push(path.clone()),
        }
        explain(
            doc,
            &compiled.schema,
            &path,
            &schema_path,
            error.kind(),
            error.instance(),
            &error.to_string(),
            &declared,
            &mut out,
        );
    }
    out.sort_by(|a, b| (a.span.start, &a.message).cmp(&(b.span.start, &b.message)));
    out.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    (out, cuts)
}

/// The tables of declarations (`organisations`, `roles`, `groups`) a reference under `key` may name (the model's reference table,
/// by the last key alone): roles for chairs, leads and the like, groups for group slots,
/// organisations or roles for members and agencies, organisations otherwise.
pub fn reference_tables(key: &str) -> &'static [&'static str] {
    match key {
        "chair" | "vice_chair" | "lead" | "delegates" | "scrutineer" | "manager" | "role" => {
            &["roles"]
        }
        "reports_to" | "strategic_groups" | "operational_groups" | "groups" | "group" | "forum" => {
            &["groups"]
        }
        "agency" | "members" => &["organisations", "roles"],
        _ => &["organisations"],
    }
}

/// A display name written where an id belongs: the id of the one declaration of the right kind
/// whose `name` (a role's `title`) is exactly that text (ignoring case and surrounding spaces), with the name.
/// None for a declaration's own `id`, or when no name or several match.
fn id_named(doc: &Document<'_>, path: &[Segment], text: &str) -> Option<(String, String)> {
    let key = path.iter().rev().find_map(|s| match s {
        Segment::Key(k) => Some(k.as_str()),
        Segment::Index(_) => None,
    })?;
    if key == "id" {
        return None;
    }
    let wanted = text.trim();
    let mut found: Vec<(String, String)> = Vec::new();
    for table in reference_tables(key) {
        let Some(entries) = doc
            .get_ref()
            .get(*table)
            .and_then(|v| v.get_ref().as_array())
        else {
            continue;
        };
        for entry in entries.iter().filter_map(|e| e.get_ref().as_table()) {
            let field = |k: &str| entry.get(k).and_then(|v| v.get_ref().as_str());
            let Some(id) = field("id").filter(|id| Id::parse(id).is_ok()) else {
                continue;
            };
            // A role is named by its title (its `name` is the person's).
            let shown = if *table == "roles" { "title" } else { "name" };
            if let Some(name) = field(shown).filter(|n| n.trim().eq_ignore_ascii_case(wanted)) {
                found.push((id.to_owned(), name.to_owned()));
            }
        }
    }
    (found.len() == 1).then(|| found.remove(0))
}

/// Whether the unknown key at `key_path` (written at `span`) can be renamed to `to` by
/// rewriting that one span: the key is written bare (so the span is exactly the key), its
/// value is not a table nor a list of tables (a table's name can be written in several headers
/// and dotted keys, and the span is only the first), and the table has no key `to` already.
fn renamable(
    doc: &Document<'_>,
    table: &[Segment],
    key_path: &[Segment],
    key: &str,
    span: &crate::diag::Span,
    to: &str,
) -> bool {
    use toml::de::DeValue;
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let value_is_headed = match value_at(doc, key_path) {
        Some(DeValue::Table(_)) => true,
        Some(DeValue::Array(a)) => a.iter().any(|v| v.get_ref().is_table()),
        Some(_) => false,
        None => true,
    };
    let taken = match table {
        [] => doc.get_ref().contains_key(to),
        _ => value_at(doc, table)
            .and_then(DeValue::as_table)
            .is_none_or(|t| t.contains_key(to)),
    };
    bare && span.len() == key.len() && !value_is_headed && !taken
}

/// Where a problem is, in words: "in `[funding]`", "at the top level".
fn place(path: &[Segment]) -> String {
    if path.is_empty() {
        "at the top level".to_owned()
    } else {
        format!("in {}", table_name(path))
    }
}

/// The sub-schema that owns the failing keyword (the parent of the keyword's location).
fn owning_schema<'a>(root: &'a Value, schema_path: &[String]) -> Option<&'a Value> {
    schema_path
        .split_last()
        .and_then(|(_, parent)| schema::schema_at(root, parent))
}

#[allow(clippy::too_many_arguments)]
fn explain(
    doc: &Document<'_>,
    root_schema: &Value,
    path: &[Segment],
    schema_path: &[String],
    kind: &ValidationErrorKind,
    instance: &Value,
    fallback: &str,
    declared: &std::cell::OnceCell<Declared>,
    out: &mut Vec<Diagnostic>,
) {
    let at = locate(doc, path);
    let field = match path.last() {
        Some(Segment::Key(k)) => format!("`{k}`"),
        Some(Segment::Index(i)) => {
            format!("item {} of `{}`", i + 1, toml_path(&path[..path.len() - 1]))
        }
        None => "the file".to_owned(),
    };
    let diag =
        |message: String| Diagnostic::new(SCHEMA, Severity::Error, at.value.clone(), message);
    match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = owning_schema(root_schema, schema_path)
                .map(schema::allowed_keys)
                .unwrap_or_default();
            for key in unexpected {
                let mut key_path = path.to_vec();
                key_path.push(Segment::Key(key.clone()));
                let here = locate(doc, &key_path);
                let span = here.key.unwrap_or(here.value);
                let suggester = crate::diag::Suggester::new(allowed.iter().copied());
                let suggestion = suggester.suggest(key);
                let clear = suggester.suggest_unique(key);
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if allowed.is_empty() => "remove this key".to_owned(),
                    None => format!("the keys allowed here are: {}", allowed.join(", ")),
                };
                // A misspelt key with one clear suggestion is mended by writing the suggestion
                // in its place (see `renamable` for when).
                let fix = clear
                    .filter(|s| renamable(doc, path, &key_path, key, &span, s))
                    .map(|s| Fix::safe(format!("rename `{key}` to `{s}`"), span.clone(), s));
                let mut d = Diagnostic::new(
                    SCHEMA,
                    Severity::Error,
                    span,
                    format!("unknown key `{key}` {}", place(path)),
                )
                .with_label("unknown key")
                .with_help(help);
                if let Some(fix) = fix {
                    d = d.with_fix(fix);
                }
                out.push(d);
            }
        }
        ValidationErrorKind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            let table = if path.is_empty() {
                "the file".to_owned()
            } else {
                table_name(path)
            };
            let description = owning_schema(root_schema, schema_path)
                .and_then(|s| s.get("properties")?.get(property))
                .and_then(|p| describe_schema(root_schema, p));
            let mut d = diag(format!("{table} is missing the required key `{property}`"))
                .with_label(format!("`{property}` is missing from this table"));
            d = d.with_help(match description {
                Some(desc) => format!("add `{property} = …`: {}", first_sentence(&desc)),
                None => format!("add `{property} = …`"),
            });
            out.push(d);
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let given = instance
                .as_str()
                .map_or_else(|| instance.to_string(), str::to_owned);
            let mut help = format!("allowed values: {}", allowed.join(", "));
            if let Some(s) = suggest(&given, allowed.iter().copied()) {
                help = format!("did you mean `{s}`? {help}");
            }
            out.push(
                diag(format!("`{given}` is not an allowed value for {field}"))
                    .with_label("not allowed")
                    .with_help(help),
            );
        }
        ValidationErrorKind::Type { kind } => {
            let owner = owning_schema(root_schema, schema_path);
            let expected = expected_words(owner, kind);
            let found = value_at(doc, path).map_or_else(|| "something else".into(), load::describe);
            let help = owner
                .and_then(|s| s.get("pattern").and_then(Value::as_str))
                .and_then(example_help)
                .or_else(|| {
                    owner
                        .and_then(|s| describe_schema(root_schema, s))
                        .map(|d| first_sentence(&d).to_owned())
                })
                .unwrap_or_else(|| format!("write {field} as {expected}"));
            out.push(
                diag(format!("{field} should be {expected}, not {found}"))
                    .with_label(format!("expected {expected}"))
                    .with_help(help),
            );
        }
        ValidationErrorKind::Pattern { pattern } => {
            let text = instance.as_str().unwrap_or_default();
            if pattern == ID_PATTERN && !declares_id(path) {
                let declared = declared.get_or_init(|| Declared::of(doc));
                if let Some(d) = id_reference_message(text, &field, declared) {
                    let mut d = d(&diag);
                    if let Some((id, _)) = id_named(doc, path, text) {
                        d = d.with_fix(Fix::safe(
                            format!("write the id `{id}`"),
                            at.value.clone(),
                            crate::diag::toml_string(&id),
                        ));
                    }
                    out.push(d);
                    return;
                }
            }
            if pattern == MONEY_PATTERN && looks_like_percent(text) {
                out.push(
                    diag(format!("{field}: `{text}` is a percentage, not an amount of money"))
                        .with_label("a percentage")
                        .with_help("write the amount in pounds, like \"£137,730.19\" or 137730.19; a contribution's percentage goes in `stated_percent`, e.g. stated_percent = 16.7"),
                );
                return;
            }
            let (message, help) = pattern_message(pattern, text, &field);
            out.push(diag(message).with_label("not valid here").with_help(help));
        }
        // A whole number where a date is expected is a year: it must have four digits.
        ValidationErrorKind::Minimum { .. }
        | ValidationErrorKind::ExclusiveMinimum { .. }
        | ValidationErrorKind::Maximum { .. }
        | ValidationErrorKind::ExclusiveMaximum { .. }
            if owning_schema(root_schema, schema_path)
                .and_then(|s| s.get("pattern"))
                .and_then(Value::as_str)
                == Some(DATE_PATTERN) =>
        {
            out.push(
                diag(format!(
                    "{field} is {instance}, which is not a date: a whole number is read as a year, and a year has four digits"
                ))
                .with_label("expected a date")
                .with_help(example_help(DATE_PATTERN).unwrap_or_default()),
            );
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            out.push(
                diag(format!(
                    "{field} is {instance}, below the minimum of {limit}"
                ))
                .with_label("too small"),
            );
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            out.push(
                diag(format!(
                    "{field} is {instance}, above the maximum of {limit}"
                ))
                .with_label("too large"),
            );
        }
        // A date: a full date, a month or a year, in words (see `Date`'s schema).
        ValidationErrorKind::AnyOf { .. }
            if owning_schema(root_schema, schema_path).is_some_and(is_date_schema) =>
        {
            let mut help = example_help(DATE_PATTERN).unwrap_or_default();
            let (message, label) = match instance {
                Value::String(text) => {
                    if text.len() == 10 && text.bytes().filter(|b| *b == b'-').count() == 2 {
                        // The shape of a date, but not a day the calendar has.
                        help = "write a real date like 2024-09-27, \"2025-09\" when only the month is known, or 2024 when only the year is".to_owned();
                    }
                    (pattern_message(DATE_PATTERN, text, &field).0, "not a date")
                }
                Value::Number(n) if n.is_i64() || n.is_u64() => (
                    format!(
                        "{field} is {n}, which is not a date: a whole number is read as a year, and a year has four digits"
                    ),
                    "expected a date",
                ),
                _ => {
                    let found =
                        value_at(doc, path).map_or_else(|| "something else".into(), load::describe);
                    (
                        format!("{field} should be a date such as 2024-09-27, not {found}"),
                        "expected a date such as 2024-09-27",
                    )
                }
            };
            out.push(diag(message).with_label(label).with_help(help));
        }
        // One role id or a list of them (joint chairs): say so, in words.
        ValidationErrorKind::AnyOf { .. }
            if owning_schema(root_schema, schema_path)
                .and_then(|s| s.get("description"))
                .and_then(Value::as_str)
                .is_some_and(|d| d.starts_with("A role id, or a list")) =>
        {
            if let Some(finish) = instance.as_str().and_then(|text| {
                display_name_message(text, &field, declared.get_or_init(|| Declared::of(doc)))
            }) {
                let mut d = finish(&diag);
                if let Some((id, _)) = instance.as_str().and_then(|text| id_named(doc, path, text))
                {
                    d = d.with_fix(Fix::safe(
                        format!("write the id `{id}`"),
                        at.value.clone(),
                        crate::diag::toml_string(&id),
                    ));
                }
                out.push(d);
                return;
            }
            out.push(
                diag(format!("{field} should be a role id, or a list of role ids"))
                    .with_label("not valid here")
                    .with_help("write a role id such as \"dcs\", or a list of them such as [\"dcs\", \"chief-superintendent\"]"),
            );
        }
        ValidationErrorKind::MinLength { .. } => {
            out.push(
                diag(format!("{field} is empty"))
                    .with_label("empty")
                    .with_help("write the text, or leave the key out"),
            );
        }
        _ => {
            let keyword = kind.keyword();
            out.push(diag(format!("{fallback} ({keyword})")).with_label("here"));
        }
    }
}

/// Whether a schema is the one for dates (its branches include `format: date`).
fn is_date_schema(schema: &Value) -> bool {
    schema
        .get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|branches| {
            branches
                .iter()
                .any(|b| b.get("format") == Some(&Value::from("date")))
        })
}

/// What a value should be, in a policy lead's words, using the schema's own hints.
fn expected_words(owner: Option<&Value>, kind: &TypeKind) -> String {
    let pattern = owner.and_then(|s| s.get("pattern")).and_then(Value::as_str);
    match pattern {
        Some(DATE_PATTERN) => return "a date such as 2024-09-27".into(),
        Some(ID_PATTERN) => return "an id such as \"central-bedfordshire-council\"".into(),
        Some(MONEY_PATTERN) => return "an amount such as \"£137,730.19\" or 137730.19".into(),
        Some(PERCENT_PATTERN) => return "a percentage such as 9.9".into(),
        Some(FINANCIAL_YEAR_PATTERN) => return "a financial year such as \"2025/26\"".into(),
        _ => {}
    }
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "string" => "text".to_owned(),
        "integer" => "a whole number".to_owned(),
        "number" => "a number".to_owned(),
        "boolean" => "true or false".to_owned(),
        "array" => "a list".to_owned(),
        "object" => "a table".to_owned(),
        other => other.to_owned(),
    };
    match kind {
        TypeKind::Single(t) => name(t),
        TypeKind::Multiple(set) => set
            .iter()
            .map(|t| name(&t))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// Explains a value that does not match one of the format's patterns, using the same parser
/// the model uses (so the words agree with what serde would say).
fn pattern_message(pattern: &str, text: &str, field: &str) -> (String, String) {
    let parsed: Option<String> = match pattern {
        ID_PATTERN => Id::parse(text).err(),
        DATE_PATTERN => text.parse::<Date>().err(),
        MONEY_PATTERN => text.parse::<Money>().err().map(|e| e.to_string()),
        PERCENT_PATTERN => text.parse::<Percent>().err().map(|e| e.to_string()),
        FINANCIAL_YEAR_PATTERN => text.parse::<FinancialYear>().err(),
        NAME_PATTERN if text.trim().is_empty() => Some("the name is blank".to_owned()),
        NAME_PATTERN => Some(
            "the name holds a control character (a tab, a line break or another invisible character)"
                .to_owned(),
        ),
        _ => None,
    };
    let help = match pattern {
        ID_PATTERN => match slug(text) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "write ids like `central-bedfordshire-council`".to_owned(),
        },
        NAME_PATTERN => {
            "write the organisation's name as the document gives it, on one line".to_owned()
        }
        _ => example_help(pattern).unwrap_or_else(|| "correct the value".to_owned()),
    };
    match parsed {
        Some(message) => (format!("{field}: {message}"), help),
        None => (
            format!("{field} `{text}` does not match the pattern {pattern}"),
            help,
        ),
    }
}

/// Whether `path` is the `id` key of a declaration (an `[[organisations]]`, `[[roles]]` or
/// `[[groups]]` entry), where a new id is being made rather than one referred to.
fn declares_id(path: &[Segment]) -> bool {
    matches!(
        path,
        [Segment::Key(list), Segment::Index(_), Segment::Key(id)]
            if id == "id" && matches!(list.as_str(), "organisations" | "roles" | "groups")
    )
}

/// The ids a raw document declares, and the display names they are declared with.
#[derive(Debug, Default)]
struct Declared {
    /// Lower-cased display name (an organisation's or group's `name`, a role's `title`) →
    /// (what it is, the ids declared with it: several roles can share a title).
    by_name: std::collections::HashMap<String, (&'static str, Vec<String>)>,
    /// Every declared id.
    ids: std::collections::HashSet<String>,
}

impl Declared {
    fn of(doc: &Document<'_>) -> Declared {
        let mut out = Declared::default();
        for (list, noun, name_key) in [
            ("organisations", "organisation", "name"),
            ("groups", "group", "name"),
            ("roles", "role", "title"),
        ] {
            let Some(entries) = doc.get_ref().get(list).and_then(|v| v.get_ref().as_array()) else {
                continue;
            };
            for entry in entries.iter().filter_map(|e| e.get_ref().as_table()) {
                let Some(id) = entry.get("id").and_then(|v| v.get_ref().as_str()) else {
                    continue;
                };
                if Id::parse(id).is_err() {
                    continue;
                }
                out.ids.insert(id.to_owned());
                if let Some(name) = entry.get(name_key).and_then(|v| v.get_ref().as_str()) {
                    let entry = out
                        .by_name
                        .entry(name.trim().to_lowercase())
                        .or_insert((noun, Vec::new()));
                    if entry.0 == noun {
                        entry.1.push(id.to_owned());
                    }
                }
            }
        }
        out
    }
}

type Finish = Box<dyn FnOnce(&dyn Fn(String) -> Diagnostic) -> Diagnostic>;

/// A display name where an id belongs: whose name it is, and its id.
fn display_name_message(text: &str, field: &str, declared: &Declared) -> Option<Finish> {
    let (noun, ids) = declared.by_name.get(&text.trim().to_lowercase())?;
    let (message, help) = match ids.as_slice() {
        [id] => (
            format!("{field}: `{text}` is the display name of the {noun} `{id}`, not an id"),
            format!(
                "use its id: \"{id}\" (ids are declared in the [[{noun}s]] entries; names are for people, ids for references)"
            ),
        ),
        several => {
            let listed: Vec<String> = several.iter().map(|i| format!("`{i}`")).collect();
            (
                format!(
                    "{field}: `{text}` is the display name of the {noun}s {}, not an id",
                    listed.join(", ")
                ),
                format!(
                    "use the id of the {noun} you mean, e.g. \"{}\"",
                    several.first().map_or("", String::as_str)
                ),
            )
        }
    };
    Some(Box::new(move |diag| {
        diag(message)
            .with_label("a name, not an id")
            .with_help(help)
    }))
}

/// A reference that is not an id: a display name (say whose, and give its id), or something
/// whose id-like form is declared.
fn id_reference_message(text: &str, field: &str, declared: &Declared) -> Option<Finish> {
    if let Some(finish) = display_name_message(text, field, declared) {
        return Some(finish);
    }
    let (message, _) = pattern_message(ID_PATTERN, text, field);
    let help = match slug(text) {
        Some(s) if declared.ids.contains(&s) => format!("did you mean `{s}`?"),
        _ => "refer to an organisation, role or group by the id it is declared with (lower-case letters, digits and hyphens, like `central-bedfordshire-council`)".to_owned(),
    };
    Some(Box::new(move |diag| {
        diag(message).with_label("not valid here").with_help(help)
    }))
}

/// Text that is a percentage: digits followed by `%` ("16.7 %", "50%").
fn looks_like_percent(text: &str) -> bool {
    text.trim()
        .strip_suffix('%')
        .map(str::trim)
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// "write it like …" for the format's own value types.
fn example_help(pattern: &str) -> Option<String> {
    Some(
        match pattern {
            DATE_PATTERN => "write dates like 2024-09-27 (no quotes needed), \"2025-09\" when only the month is known, or 2024 when only the year is",
            ID_PATTERN => "write ids like `central-bedfordshire-council`",
            MONEY_PATTERN => "write amounts like \"£137,730.19\" or 137730.19",
            PERCENT_PATTERN => "write percentages like 9.9 or \"9.9%\"",
            FINANCIAL_YEAR_PATTERN => "write financial years like \"2025/26\"",
            _ => return None,
        }
        .to_owned(),
    )
}

/// The id a name would have: `Example Police` → `example-police`.
fn slug(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let s = words.join("-");
    (Id::parse(&s).is_ok() && s != text).then_some(s)
}

/// A schema's description, looking through a `$ref` or `allOf: [{$ref}]` wrapper.
fn describe_schema(root: &Value, node: &Value) -> Option<String> {
    if let Some(d) = node.get("description").and_then(Value::as_str) {
        return Some(d.to_owned());
    }
    let target = node
        .get("$ref")
        .or_else(|| node.get("allOf")?.get(0)?.get("$ref"))
        .and_then(Value::as_str)?;
    root.pointer(target.strip_prefix('#')?)?
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn first_sentence(text: &str) -> &str {
    text.split_once(". ")
        .map_or(text, |(s, _)| s)
        .trim_end_matches('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_compiles() {
        warm_up();
        assert!(COMPILED.schema.get("definitions").is_some());
    }
}
