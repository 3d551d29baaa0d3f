//! The editions of *Working Together to Safeguard Children*, as data with their dates
//! (statute.md §0.4; wt2023-paragraphs.md §4).

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
}

const fn day(year: i32, month: u8, d: u8) -> Day {
    match Day::new_const(year, month, d) {
        Some(day) => day,
        None => panic!("edition dates are real dates"),
    }
}

/// Every known edition, oldest first.
pub const EDITIONS: &[EditionInfo] = &[
    EditionInfo {
        edition: Edition::Wt2018,
        title: "Working Together to Safeguard Children 2018",
        published: day(2018, 7, 4),
        date_confirmed: true,
        superseded_by: Some(Edition::Wt2023),
    },
    EditionInfo {
        edition: Edition::Wt2023,
        title: "Working Together to Safeguard Children 2023",
        published: day(2023, 12, 15),
        date_confirmed: true,
        superseded_by: Some(Edition::Wt2026),
    },
    EditionInfo {
        edition: Edition::Wt2026,
        title: "Working Together to Safeguard Children 2026",
        // Inferred from the gov.uk asset id of the published PDF; not confirmed.
        published: day(2026, 3, 19),
        date_confirmed: false,
        superseded_by: None,
    },
];

/// The registry entry for an edition.
pub fn info(edition: Edition) -> &'static EditionInfo {
    EDITIONS
        .iter()
        .find(|e| e.edition == edition)
        .unwrap_or(&EDITIONS[EDITIONS.len() - 1])
}

/// The edition in force on a day (the latest published on or before it).
pub fn in_force_on(day: Day) -> Option<&'static EditionInfo> {
    EDITIONS.iter().rev().find(|e| e.published <= day)
}
