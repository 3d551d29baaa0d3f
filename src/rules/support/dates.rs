//! A document's own dates, as the rules that judge it by its date read them.

use crate::model::{Arrangements, Day};

/// The latest date the document says it was published, updated or agreed.
pub fn document_date(doc: &Arrangements) -> Option<Day> {
    let p = &doc.partnership;
    p.published
        .iter()
        .chain(p.updated.iter())
        .chain(p.agreed.iter())
        .map(|d| d.latest())
        .max()
}

/// The document's latest date as it is written (`2026-06` stays a month), for messages.
pub fn document_date_as_written(doc: &Arrangements) -> String {
    let p = &doc.partnership;
    p.published
        .iter()
        .chain(p.updated.iter())
        .chain(p.agreed.iter())
        .max_by_key(|d| d.latest())
        .map(|d| d.get().to_string())
        .unwrap_or_default()
}
