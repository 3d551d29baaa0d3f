//! `masa init`: a starter arrangements file with every section the guidance asks for, and
//! clear placeholders ("TODO") that the rules then report until they are filled in.

use std::path::{Component, Path, PathBuf};

use crate::model::Day;

const TEMPLATE: &str = include_str!("template.toml");

/// The longest area name `masa init` accepts, in characters: far longer than any real one
/// (the longest English local authority's name is under 60), and short enough that every line
/// of the starter file stays within the line limit `masa check` applies.
pub const MAX_AREA_LENGTH: usize = 200;

/// Refuses an area name `masa check` could not read back in the starter file.
pub fn check_area(area: &str) -> Result<(), String> {
    let length = area.chars().count();
    if length > MAX_AREA_LENGTH {
        return Err(format!(
            "the area's name is {length} characters long, more than the limit of {MAX_AREA_LENGTH}"
        ));
    }
    if area.trim().is_empty() {
        return Err("the area's name is empty".to_owned());
    }
    Ok(())
}

/// A kebab-case id stem from an area's name: "Bedford Borough" → "bedford-borough".
pub fn slug(area: &str) -> String {
    let mut out = String::new();
    for c in area.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "area".to_owned()
    } else {
        out
    }
}

/// The area's name as it can sit inside a TOML basic string.
fn toml_escaped(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The name of the schema `masa init` writes beside a new file when the project keeps none
/// of its own (see [`crate::model::schema::SCHEMA_PATH`]).
pub const SCHEMA_BESIDE: &str = "arrangements.schema.json";

/// The id of the edition of *Working Together* in force on `today` (`wt2026` from 19 March
/// 2026), from the editions registry; the oldest masa knows before that.
pub fn current_edition(today: Day) -> String {
    let edition = crate::rules::editions::in_force_on(today)
        .map(|e| e.edition)
        .unwrap_or(crate::model::Edition::Wt2018);
    serde_json::to_value(edition)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The starter file's text for an area, written on `today` (which decides the edition it
/// follows). `schema` is the path of the JSON Schema relative to the new file, for the
/// `#:schema` line editors read; `None` leaves a note instead.
pub fn starter(area: &str, schema: Option<&str>, today: Day) -> String {
    let text = TEMPLATE
        .replace("{{AREA}}", &toml_escaped(area))
        .replace("{{ID}}", &slug(area))
        .replace("{{EDITION}}", &current_edition(today))
        .replace("{{TODAY}}", &today.to_string());
    match schema {
        Some(path) => text.replace("{{SCHEMA}}", path),
        None => text.replacen(
            "#:schema {{SCHEMA}}\n",
            "# For completion in your editor: `masa schema > arrangements.schema.json` in the directory\n# of this file, then make its first line `#:schema ./arrangements.schema.json`.\n",
            1,
        ),
    }
}

/// The path from directory `from` to `to`, both absolute.
pub fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for c in &to[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_area_name_gives_a_file_check_reads() {
        let area = "Ab".repeat(MAX_AREA_LENGTH / 2);
        assert!(check_area(&area).is_ok());
        assert!(
            crate::load::line_limit(&starter(&area, None, Day::new(2026, 12, 3).unwrap()))
                .is_none()
        );
        assert!(check_area(&"x".repeat(20_000)).is_err());
        assert!(check_area("  ").is_err());
    }

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Bedford Borough"), "bedford-borough");
        assert_eq!(slug("  St. Helens & Knowsley "), "st-helens-knowsley");
        assert_eq!(slug("—"), "area");
    }

    #[test]
    fn the_starter_passes_the_structural_stage_and_its_placeholders_are_reported() {
        let text = starter(
            "Bedford \"Borough\"",
            Some("../schemas/arrangements.schema.json"),
            Day::new(2026, 12, 3).unwrap(),
        );
        assert!(text.starts_with("#:schema ../schemas/arrangements.schema.json\n"));
        let (model, problems) = crate::parse_model(&text).expect("the starter is valid");
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(
            model.doc.partnership.name.get(),
            "Bedford \"Borough\" Safeguarding Children Partnership"
        );
        let report = crate::check_source("new.toml", text.as_bytes(), &crate::Options::default());
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        for expected in [
            "placeholder-text",
            "link-not-placeholder",
            "published-date-present",
        ] {
            assert!(rules.contains(&expected), "{expected} not in {rules:?}");
        }
        for structural in ["schema", "toml-syntax", "unknown-reference", "duplicate-id"] {
            assert!(!rules.contains(&structural), "{rules:?}");
        }
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_path(Path::new("/p/arrangements"), Path::new("/p/schemas/s.json")),
            PathBuf::from("../schemas/s.json")
        );
        assert_eq!(
            relative_path(Path::new("/p"), Path::new("/p/schemas/s.json")),
            PathBuf::from("schemas/s.json")
        );
    }
}
