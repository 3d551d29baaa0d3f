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

/// An edition of Working Together named in a text: where (byte offsets into the text), and
/// which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    pub start: usize,
    pub end: usize,
    pub edition: Edition,
}

/// "Working Together [to Safeguard Children] [statutory guidance] [(]2018[)]" and "WT18" /
/// "WT 2018", over the normalised (lower-case) text. A month before the year ("March 2023") is
/// a misquotation (titles.toml), and years of no edition are too: only the registry's
/// editions' years are read here.
static NAMED: LazyLock<Option<regex::bytes::Regex>> = LazyLock::new(|| {
    regex::bytes::RegexBuilder::new(
        r"\b(?:working together(?: to safeguard(?:ing)? children)?(?: statutory guidance| guidance)?[,:]? ?\(?(20[0-9][0-9])\b\)?|wt ?(?:20)?([0-9][0-9])\b)",
    )
    .unicode(false)
    .build()
    .ok()
});

/// Every edition of the registry named in `text`, in order.
pub(crate) fn named_in(text: &str) -> Vec<Named> {
    let Some(re) = NAMED.as_ref() else {
        return Vec::new();
    };
    let (norm, from) = super::support::prose::normalise(text);
    re.captures_iter(norm.as_bytes())
        .filter_map(|c| {
            let whole = c.get(0)?;
            let year: i32 = match (c.get(1), c.get(2)) {
                (Some(y), _) => std::str::from_utf8(y.as_bytes()).ok()?.parse().ok()?,
                (None, Some(y)) => {
                    2000 + std::str::from_utf8(y.as_bytes())
                        .ok()?
                        .parse::<i32>()
                        .ok()?
                }
                (None, None) => return None,
            };
            let edition = all().iter().find(|e| e.published.year() == year)?.edition;
            Some(Named {
                start: from[whole.start()].0,
                end: from[whole.end() - 1].1,
                edition,
            })
        })
        .collect()
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
    fn editions_are_named_in_the_ways_documents_write_them() {
        let named = |t: &str| -> Vec<(String, Edition)> {
            named_in(t)
                .into_iter()
                .map(|n| (t[n.start..n.end].to_owned(), n.edition))
                .collect()
        };
        assert_eq!(
            named("Working Together to Safeguard Children (2018) provides the framework"),
            [(
                "Working Together to Safeguard Children (2018)".to_owned(),
                Edition::Wt2018
            )]
        );
        assert_eq!(
            named("under the Children Act 2004 and Working Together 2018 Guidance, and WT23"),
            [
                ("Working Together 2018".to_owned(), Edition::Wt2018),
                ("WT23".to_owned(), Edition::Wt2023)
            ]
        );
        assert_eq!(
            named("Working together to safeguard children 2023: statutory guidance"),
            [(
                "Working together to safeguard children 2023".to_owned(),
                Edition::Wt2023
            )]
        );
        // No edition of that year, a month before the year, the guidance without a year.
        assert!(named("Working Together 2015 and Working Together: March 2023").is_empty());
        assert!(named("Working Together to Safeguard Children sets out").is_empty());
        assert!(named("working together 20180").is_empty());
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
