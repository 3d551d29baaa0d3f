//! The editions of *Working Together to Safeguard Children* with their dates, read from the
//! registry `data/editions.toml` (each entry with its source).

use std::sync::LazyLock;

use serde::Deserialize;
use serde::de::IntoDeserializer;

use crate::model::{Day, Edition};

/// What is known of one edition.
#[derive(Debug, Clone, Copy)]
pub struct EditionInfo {
    /// The edition.
    pub edition: Edition,
    /// Its title.
    pub title: &'static str,
    /// When it was published.
    pub published: Day,
    /// Whether the publication date is confirmed (WT2026's is inferred).
    pub date_confirmed: bool,
    /// The edition that replaced it, if any.
    pub superseded_by: Option<Edition>,
    /// The date by which it was to be implemented, where one was set (secondary sources).
    pub implementation: Option<Day>,
    /// Where it is published.
    pub address: &'static str,
    /// The evidence for the entry.
    pub source: &'static str,
}

/// The edition an id in the registry names (`wt2023` → [`Edition::Wt2023`]).
fn edition_of(id: &str) -> Option<Edition> {
    Edition::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(id)).ok()
}

/// Every edition masa knows, oldest first.
static EDITIONS: LazyLock<Vec<EditionInfo>> = LazyLock::new(|| {
    let mut all: Vec<EditionInfo> = super::data::registries()
        .editions
        .iter()
        .filter_map(|e| {
            Some(EditionInfo {
                edition: edition_of(&e.id)?,
                title: &e.title,
                published: e.published,
                date_confirmed: e.date_confirmed,
                superseded_by: e.superseded_by.as_deref().and_then(edition_of),
                implementation: e.implementation,
                address: &e.address,
                source: &e.source,
            })
        })
        .collect();
    all.sort_by_key(|e| e.published);
    all
});

/// Every known edition, oldest first.
pub fn all() -> &'static [EditionInfo] {
    &EDITIONS
}

/// The registry entry for an edition.
pub fn info(edition: Edition) -> &'static EditionInfo {
    let all = all();
    all.iter()
        .find(|e| e.edition == edition)
        .unwrap_or(&all[all.len() - 1])
}

/// The edition in force on a day (the latest published on or before it).
pub fn in_force_on(day: Day) -> Option<&'static EditionInfo> {
    all().iter().rev().find(|e| e.published <= day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edition_of_the_model_is_in_the_registry_in_order() {
        let editions: Vec<Edition> = all().iter().map(|e| e.edition).collect();
        assert_eq!(
            editions,
            [Edition::Wt2018, Edition::Wt2023, Edition::Wt2026]
        );
        for pair in all().windows(2) {
            assert_eq!(pair[0].superseded_by, Some(pair[1].edition));
        }
    }

    #[test]
    fn the_edition_in_force_follows_the_dates() {
        let day = |y, m, d| Day::new(y, m, d).unwrap();
        assert_eq!(in_force_on(day(2018, 7, 3)).map(|e| e.edition), None);
        assert_eq!(
            in_force_on(day(2019, 1, 1)).map(|e| e.edition),
            Some(Edition::Wt2018)
        );
        assert_eq!(
            in_force_on(day(2024, 9, 27)).map(|e| e.edition),
            Some(Edition::Wt2023)
        );
        assert_eq!(
            in_force_on(day(2026, 12, 1)).map(|e| e.edition),
            Some(Edition::Wt2026)
        );
    }
}
