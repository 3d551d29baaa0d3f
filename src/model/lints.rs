//! The `[lints]` table's types: a level (allow, warn, deny) and, for `allow`, the written
//! reason. How the levels are applied lives with the rules (`rules::levels`).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// What to do with a rule's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    /// Do not report it (a reason is required).
    Allow,
    /// Report it as a warning.
    Warn,
    /// Report it as an error.
    Deny,
}

/// One setting: a level and, for `allow`, the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintSetting {
    /// The level.
    pub level: LintLevel,
    /// Why (required for `allow`).
    pub reason: Option<String>,
}

impl<'de> Deserialize<'de> for LintSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LintSetting;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"warn\", \"deny\", or { level = \"allow\", reason = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LintSetting, E> {
                let level = LintLevel::deserialize(de::value::StrDeserializer::<E>::new(v))?;
                Ok(LintSetting {
                    level,
                    reason: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LintSetting, A::Error> {
                let (mut level, mut reason) = (None, None);
                while let Some(key) = map.next_key::<Cow<'_, str>>()? {
                    match key.as_ref() {
                        "level" => level = Some(map.next_value::<LintLevel>()?),
                        "reason" => reason = Some(map.next_value::<String>()?),
                        other => return Err(de::Error::unknown_field(other, &["level", "reason"])),
                    }
                }
                let level = level.ok_or_else(|| de::Error::missing_field("level"))?;
                Ok(LintSetting { level, reason })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for LintSetting {
    fn schema_name() -> Cow<'static, str> {
        "LintSetting".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A lint level: \"warn\" or \"deny\", or { level = \"allow\", reason = \"why the requirement does not apply\" }.",
            "anyOf": [
                { "type": "string", "enum": ["allow", "warn", "deny"] },
                {
                    "type": "object",
                    "properties": {
                        "level": { "type": "string", "enum": ["allow", "warn", "deny"], "description": "allow, warn or deny." },
                        "reason": { "type": "string", "minLength": 1, "description": "Why: required for allow." }
                    },
                    "required": ["level"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
