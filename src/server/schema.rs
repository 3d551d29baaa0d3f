//! What the JSON Schema (generated from the model's doc comments) says about a key: its
//! description, the values it allows, and whether it holds an id.

use std::sync::LazyLock;

use serde_json::Value;

static SCHEMA: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(crate::model::schema::COMMITTED_SCHEMA).unwrap_or(Value::Null)
});

/// What the schema says about one key.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct KeyInfo {
    /// The key's description (or its type's).
    pub description: Option<String>,
    /// The values allowed, with the description of each where the schema gives one.
    pub allowed: Vec<(String, Option<String>)>,
    /// Whether the value is an id (or a list of ids) referring to a declaration.
    pub is_id: bool,
}

/// Follows `$ref`, `allOf: [{$ref}]`, `anyOf: [{$ref}]` and, for a list, `items`, collecting whether an `Id` was
/// passed on the way.
fn resolve<'a>(mut node: &'a Value, is_id: &mut bool) -> &'a Value {
    let root = &*SCHEMA;
    for _ in 0..16 {
        let target = node
            .get("$ref")
            .or_else(|| node.get("allOf")?.get(0)?.get("$ref"))
            // A field's own description sits beside `anyOf: [{$ref}]` (taplo shows it there).
            .or_else(|| {
                let any = node.get("anyOf")?.as_array()?;
                if any.len() == 1 {
                    any[0].get("$ref")
                } else {
                    None
                }
            })
            .and_then(Value::as_str);
        if let Some(target) = target {
            if target.ends_with("/Id") || target.ends_with("/RoleIds") {
                *is_id = true;
            }
            match target.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(next) => {
                    node = next;
                    continue;
                }
                None => return node,
            }
        }
        if node.get("type").and_then(Value::as_str) == Some("array") {
            if let Some(items) = node.get("items") {
                node = items;
                continue;
            }
        }
        return node;
    }
    node
}

/// The table schema at a path of keys (array indices are not part of the path).
fn table(path: &[String]) -> Option<&'static Value> {
    let mut node: &Value = &SCHEMA;
    let mut ignored = false;
    for key in path {
        let property = properties(node)?.get(key)?;
        node = resolve(property, &mut ignored);
    }
    Some(node)
}

/// A table schema's properties, looking into `anyOf` / `oneOf` branches (tagged forms).
fn properties(node: &Value) -> Option<&serde_json::Map<String, Value>> {
    if let Some(p) = node.get("properties").and_then(Value::as_object) {
        return Some(p);
    }
    ["anyOf", "oneOf"].iter().find_map(|k| {
        node.get(*k)?
            .as_array()?
            .iter()
            .find_map(|branch| branch.get("properties")?.as_object())
    })
}

/// What the schema says about `key` in the table at `path`; None if it is not a key there.
pub fn key_info(path: &[String], key: &str) -> Option<KeyInfo> {
    let property = properties(table(path)?)?.get(key)?;
    let mut is_id = false;
    let target = resolve(property, &mut is_id);
    let description = property
        .get("description")
        .or_else(|| target.get("description"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let notes: Vec<Option<String>> = target
        .get("markdownEnumDescriptions")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|d| d.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    let allowed = target
        .get("enum")
        .and_then(Value::as_array)
        .map(|values| {
            values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    Some((v.as_str()?.to_owned(), notes.get(i).cloned().flatten()))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(KeyInfo {
        description,
        allowed,
        is_id,
    })
}

/// The keys the table at `path` allows, with their descriptions.
pub fn keys(path: &[String]) -> Vec<(String, Option<String>)> {
    let Some(props) = table(path).and_then(properties) else {
        return Vec::new();
    };
    props
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.get("description")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_described_and_enums_listed() {
        let edition = key_info(&["partnership".into()], "guidance_edition").unwrap();
        assert!(
            edition
                .description
                .unwrap()
                .contains("edition of Working Together")
        );
        let values: Vec<&str> = edition.allowed.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(values, ["wt2018", "wt2023", "wt2026"]);
        assert!(!edition.is_id);
        let chair = key_info(&["groups".into()], "chair").unwrap();
        assert!(chair.is_id);
        let members = key_info(&["groups".into()], "members").unwrap();
        assert!(members.is_id);
        assert_eq!(key_info(&["partnership".into()], "nonsense"), None);
        assert!(
            keys(&["partnership".into()])
                .iter()
                .any(|(k, _)| k == "published")
        );
    }
}
