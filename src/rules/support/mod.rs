//! What the rules share that is not a rule: finding phrases in the document's text,
//! comparing names as people write them, and a document's own dates.

pub mod dates;
pub mod names;
pub mod negation;
pub mod phrases;
pub mod prose;
