//! The parsed TOML tree as jsonschema reads an instance, so that the schema validates the tree
//! in place instead of a JSON copy of it.
//!
//! Converting the whole tree to `serde_json::Value` cost the structure stage most of its time
//! (every key and string copied, every object a `BTreeMap`). Each value reads here exactly as
//! [`load::to_json`](crate::load::to_json) converts it: dates as their TOML text, integers
//! beyond 64 bits and non-finite floats as their text. A test checks the two agree.

use std::borrow::Cow;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use serde_json::{Number, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The representation: nodes of a parsed TOML document.
pub(crate) struct TomlJson;

impl Json for TomlJson {
    type Node<'a> = TomlNode<'a>;
    type PreparedKey = String;
    type StringBuffer = Option<DeValue<'static>>;

    // Tables are `BTreeMap`s, as `serde_json`'s maps are: the same trade-off as its own.
    const KEYS_PER_LOOKUP: usize = 2;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(
        buffer: &mut Option<DeValue<'static>>,
        string: &str,
        f: impl FnOnce(TomlNode<'_>) -> T,
    ) -> T {
        let node = buffer.insert(DeValue::String(Cow::Owned(string.to_owned())));
        f(TomlNode::Value(node))
    }
}

/// A node: a value, or the document's root table (which the parser gives without a value
/// around it).
#[derive(Clone, Copy)]
pub(crate) enum TomlNode<'a> {
    /// Any value below the root.
    Value(&'a DeValue<'a>),
    /// The root table.
    Root(&'a DeTable<'a>),
}

impl<'a> TomlNode<'a> {
    fn table(self) -> Option<&'a DeTable<'a>> {
        match self {
            TomlNode::Root(t) | TomlNode::Value(DeValue::Table(t)) => Some(t),
            TomlNode::Value(_) => None,
        }
    }

    fn value(self) -> Option<&'a DeValue<'a>> {
        match self {
            TomlNode::Value(v) => Some(v),
            TomlNode::Root(_) => None,
        }
    }
}

/// An integer as `to_json` reads it: a number if it fits in 64 bits, otherwise text.
fn integer(i: &toml::de::DeInteger<'_>) -> Option<i64> {
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// A float as `to_json` reads it: a number if finite, otherwise text.
fn float(f: &toml::de::DeFloat<'_>) -> Result<Number, String> {
    let literal = f.as_str().replace('_', "");
    literal
        .parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .ok_or(literal)
}

impl<'a> Node<'a, TomlJson> for TomlNode<'a> {
    type Object = &'a DeTable<'a>;
    type Array = &'a [Spanned<DeValue<'a>>];
    type Number = Number;

    fn as_object(&self) -> Option<&'a DeTable<'a>> {
        self.table()
    }

    fn as_array(&self) -> Option<&'a [Spanned<DeValue<'a>>]> {
        match self.value()? {
            DeValue::Array(a) => Some(a),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self.value()? {
            DeValue::String(s) => Some(Cow::Borrowed(s.as_ref())),
            DeValue::Datetime(d) => Some(Cow::Owned(d.to_string())),
            DeValue::Integer(i) if integer(i).is_none() => Some(Cow::Owned(i.to_string())),
            DeValue::Float(f) => float(f).err().map(Cow::Owned),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number> {
        match self.value()? {
            DeValue::Integer(i) => integer(i).map(Number::from),
            DeValue::Float(f) => float(f).ok(),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.value()? {
            DeValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        // TOML has no null.
        false
    }

    fn json_type(&self) -> JsonType {
        let Some(value) = self.value() else {
            return JsonType::Object;
        };
        match value {
            DeValue::String(_) | DeValue::Datetime(_) => JsonType::String,
            DeValue::Integer(i) if integer(i).is_none() => JsonType::String,
            DeValue::Float(f) if float(f).is_err() => JsonType::String,
            DeValue::Integer(_) | DeValue::Float(_) => JsonType::Number,
            DeValue::Boolean(_) => JsonType::Boolean,
            DeValue::Array(_) => JsonType::Array,
            DeValue::Table(_) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // `enum` checks compare strings: no conversion for those.
        match (self.value(), expected) {
            (Some(DeValue::String(s)), Value::String(e)) => s.as_ref() == e.as_str(),
            (Some(DeValue::String(_)), _) => false,
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(match self {
            TomlNode::Value(v) => crate::load::to_json(v),
            TomlNode::Root(t) => Value::Object(crate::load::table_to_json(t)),
        })
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(match self {
            TomlNode::Value(v) => std::ptr::from_ref::<DeValue<'_>>(*v) as usize,
            TomlNode::Root(t) => std::ptr::from_ref::<DeTable<'_>>(*t) as usize,
        }))
    }
}

/// The members of a table, as (key, value).
pub(crate) struct Members<'a>(toml::map::Iter<'a, Spanned<Cow<'a, str>>, Spanned<DeValue<'a>>>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, TomlNode<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0
            .next()
            .map(|(k, v)| (k.get_ref().as_ref(), TomlNode::Value(v.get_ref())))
    }
}

impl<'a> Object<'a, TomlJson> for &'a DeTable<'a> {
    type Node = TomlNode<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        toml::map::Map::len(self)
    }

    fn get(&self, key: &String) -> Option<TomlNode<'a>> {
        toml::map::Map::get(*self, key.as_str()).map(|v| TomlNode::Value(v.get_ref()))
    }

    fn members(&self) -> Members<'a> {
        Members(toml::map::Map::iter(*self))
    }
}

/// The elements of an array.
pub(crate) struct Elements<'a>(std::slice::Iter<'a, Spanned<DeValue<'a>>>);

impl<'a> Iterator for Elements<'a> {
    type Item = TomlNode<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|v| TomlNode::Value(v.get_ref()))
    }
}

impl<'a> Array<'a, TomlJson> for &'a [Spanned<DeValue<'a>>] {
    type Node = TomlNode<'a>;
    type ElementsIter = Elements<'a>;

    fn len(&self) -> usize {
        <[_]>::len(self)
    }

    fn elements(&self) -> Elements<'a> {
        Elements(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node reads as `to_json` converts it: type, string, number, boolean, members and
    /// elements, all the way down.
    fn agrees(node: TomlNode<'_>, json: &Value) {
        match json {
            Value::String(s) => {
                assert_eq!(node.json_type(), JsonType::String, "{json}");
                assert_eq!(node.as_string().as_deref(), Some(s.as_str()), "{json}");
                assert!(
                    node.equals_value(json) && node.as_number().is_none(),
                    "{json}"
                );
            }
            Value::Number(n) => {
                assert_eq!(node.json_type(), JsonType::Number, "{json}");
                assert_eq!(node.as_number().as_ref(), Some(n), "{json}");
                assert!(
                    node.as_string().is_none() && node.equals_value(json),
                    "{json}"
                );
            }
            Value::Bool(b) => {
                assert_eq!(node.json_type(), JsonType::Boolean);
                assert_eq!(node.as_boolean(), Some(*b));
            }
            Value::Array(items) => {
                let array = node.as_array().expect("an array");
                assert_eq!(node.json_type(), JsonType::Array);
                assert_eq!(Array::len(&array), items.len());
                for (element, item) in array.elements().zip(items) {
                    agrees(element, item);
                }
            }
            Value::Object(map) => {
                let table = node.as_object().expect("a table");
                assert_eq!(node.json_type(), JsonType::Object);
                assert_eq!(Object::len(&table), map.len());
                for (key, value) in map {
                    agrees(Object::get(&table, key).expect("the key"), value);
                }
                let keys: Vec<&str> = table.members().map(|(k, _)| k).collect();
                assert_eq!(keys, map.keys().map(String::as_str).collect::<Vec<_>>());
            }
            Value::Null => panic!("TOML has no null"),
        }
        assert_eq!(node.to_value().as_ref(), json);
    }

    #[test]
    fn reads_every_value_as_the_json_conversion_does() {
        let text = r#"
            text = "Ça £1"
            literal = 'C:\path'
            int = 42
            hex = 0xff
            negative = -7
            huge = 99999999999999999999
            float = 1.5e3
            underscored = 1_000.25
            nan = nan
            inf = -inf
            yes = true
            date = 2024-09-27
            when = 1979-05-27T07:32:00Z
            list = [1, "two", [3.0], { four = 4 }]
            empty = []
            [table]
            inner = { a = 1, b = [true] }
            [[items]]
            id = "a"
            [[items]]
            id = "b"
        "#;
        let doc = toml::de::DeTable::parse(text).unwrap();
        let json = Value::Object(crate::load::table_to_json(doc.get_ref()));
        agrees(TomlNode::Root(doc.get_ref()), &json);
    }

    #[test]
    fn a_string_node_for_property_names() {
        let mut buffer = None;
        let read =
            TomlJson::with_string_node(&mut buffer, "name", |n| n.as_string().map(Cow::into_owned));
        assert_eq!(read.as_deref(), Some("name"));
    }
}
