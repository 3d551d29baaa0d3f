//! Registries as data: the facts the rules judge against, each entry with its source.
//!
//! The files beside this module (`editions.toml`, `obsolete.toml`, `icbs.toml`,
//! `schedule.toml`, `titles.toml`, `false_law.toml`, `outside_groups.toml`; their fields are described in each file's
//! header and in `README.md`) are embedded at compile time and parsed once, on first use. A
//! reorganisation, a new edition or a commencement order is a data change with its citation:
//! adding an entry is one table in one file. A test parses every file, so a mistake in the data
//! fails the build's tests rather than a user's run.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer};

use crate::model::Day;

/// A date in a registry file, read from a TOML date (`2026-04-01`).
fn day<'de, D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
    let value = toml::value::Datetime::deserialize(d)?;
    let date = value
        .date
        .filter(|_| value.time.is_none())
        .ok_or_else(|| serde::de::Error::custom("a registry date is a plain date (YYYY-MM-DD)"))?;
    Day::new(i32::from(date.year), date.month, date.day)
        .ok_or_else(|| serde::de::Error::custom(format!("{value} is not a real date")))
}

fn some_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
    day(d).map(Some)
}

/// Where a fact comes from: a citation, or keys into the file's `[sources]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Source {
    /// A citation a user can follow.
    Citation(String),
    /// Keys into the file's `[sources]` table, or citations, in a list.
    Keys(Vec<String>),
}

impl Source {
    /// The citation, with shared sources looked up in `sources`.
    pub fn text(&self, sources: &BTreeMap<String, String>) -> String {
        match self {
            Source::Citation(c) => c.clone(),
            Source::Keys(keys) => keys
                .iter()
                .map(|k| sources.get(k).map_or(k.as_str(), String::as_str))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// The most severe a finding resting on an entry may be, where its basis is guidance or usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MaxSeverity {
    /// At most a warning.
    Warning,
    /// Advice only.
    Info,
}

/// One edition of *Working Together to Safeguard Children* (`editions.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionEntry {
    /// `wt2018`, `wt2023`, …
    pub id: String,
    /// Its full title.
    pub title: String,
    /// When it was published.
    #[serde(deserialize_with = "day")]
    pub published: Day,
    /// Whether the publication date is confirmed by the primary source.
    pub date_confirmed: bool,
    /// What is known and unknown about the date.
    pub date_note: Option<String>,
    /// The edition that replaced it.
    pub superseded_by: Option<String>,
    /// What it replaced.
    pub replaces: Option<String>,
    /// The date by which it was to be implemented, where one was set.
    #[serde(default, deserialize_with = "some_day")]
    pub implementation: Option<Day>,
    /// Where it is published.
    pub address: String,
    /// The PDF files of the edition, where known.
    #[serde(default)]
    pub pdf: Vec<String>,
    /// The evidence.
    pub source: String,
    /// Whether the entry rests on primary evidence.
    pub confirmed: bool,
    /// Context and limits.
    pub note: Option<String>,
}

/// A body, title or term that no longer exists (`obsolete.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObsoleteEntry {
    /// `body`, `title` or `term`.
    pub kind: String,
    /// What it is called, for messages.
    pub name: String,
    /// `national` (the default) or `local`.
    pub scope: Option<String>,
    /// Lower-case fragments that identify it (see the file's header).
    pub patterns: Vec<String>,
    /// A lower-case suffix: any name ending in it matches.
    pub suffix_family: Option<String>,
    /// Upper-case abbreviations matched as whole words.
    #[serde(default)]
    pub initialisms: Vec<String>,
    /// A family of initialisms, as a regular expression.
    pub initialism_regex: Option<String>,
    /// Fragments that cancel a match.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Text right after a match that cancels it.
    #[serde(default)]
    pub not_followed_by: Vec<String>,
    /// Words one of which must be in the same sentence for a match in prose to count (a title
    /// such as "Accountable Officer" is the CCG's only beside an NHS word).
    #[serde(default)]
    pub near: Vec<String>,
    /// What replaced it.
    pub replaced_by: String,
    /// The first day it no longer existed as named.
    #[serde(deserialize_with = "day")]
    pub ended: Day,
    /// `exact` (the default) or `latest` (ended on different days in different areas).
    pub ended_is: Option<String>,
    /// The earliest document date from which naming it in a statutory role may be an error.
    #[serde(default, deserialize_with = "some_day")]
    pub error_from: Option<Day>,
    /// The guidance editions for which the entry applies (default: all).
    #[serde(default)]
    pub editions: Vec<String>,
    /// The most severe a finding may be.
    pub max_severity: Option<MaxSeverity>,
    /// What to do when it is named in prose or as an organisation.
    pub fix: String,
    /// What to do when it is named as a safeguarding or child death review partner.
    pub fix_as_partner: Option<String>,
    /// What to do when it is named as a recipient of the yearly report.
    pub fix_as_recipient: Option<String>,
    /// For a body split between successors: area → what to name.
    #[serde(default)]
    pub fix_by_area: BTreeMap<String, String>,
    /// The evidence.
    pub source: Source,
    /// Whether `ended` rests on primary evidence.
    pub confirmed: bool,
    /// Context and limits.
    pub note: Option<String>,
}

/// The obsolete-names registry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obsolete {
    /// Citations shared by several entries.
    pub sources: BTreeMap<String, String>,
    /// The entries.
    pub entry: Vec<ObsoleteEntry>,
}

/// An integrated care board (`icbs.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Icb {
    /// The ODS code.
    pub ods: String,
    /// The legal name.
    pub name: String,
    /// The distinctive part of the name (the place names).
    pub stem: String,
    /// Other short forms.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Its first day.
    #[serde(deserialize_with = "day")]
    pub start: Day,
    /// The first day it no longer existed, if it has ended.
    #[serde(default, deserialize_with = "some_day")]
    pub ended: Option<Day>,
    /// The ODS codes of the boards that took over.
    #[serde(default)]
    pub successors: Vec<String>,
    /// The ODS codes of the boards it replaced.
    #[serde(default)]
    pub predecessors: Vec<String>,
    /// For a board split between successors: area → successor ODS code.
    #[serde(default)]
    pub split: BTreeMap<String, String>,
    /// The upper-tier local authority areas it covers.
    pub footprint: Vec<String>,
    /// Areas it covers mostly.
    #[serde(default)]
    pub mostly: Vec<String>,
    /// Areas it covers in part.
    #[serde(default)]
    pub partly: Vec<String>,
    /// Territory it gained.
    pub gained: Option<String>,
    /// The evidence (keys into `[sources]`).
    pub source: Source,
    /// Whether the ODS code is confirmed.
    pub ods_confirmed: bool,
    /// Whether the entry rests on primary evidence.
    pub confirmed: bool,
    /// Context and limits.
    pub note: Option<String>,
}

/// A question about the ICB registry answered with its evidence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolved {
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
    /// The evidence.
    pub source: Source,
    /// Whether the answer rests on primary evidence.
    pub confirmed: bool,
    /// Context.
    pub note: Option<String>,
}

/// The ICB registry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Icbs {
    /// Citations shared by several entries.
    pub sources: BTreeMap<String, String>,
    /// Questions settled, with their evidence.
    #[serde(default)]
    pub resolved: Vec<Resolved>,
    /// Every board from 1 July 2022 to today.
    pub icb: Vec<Icb>,
}

/// The instrument the Schedule belongs to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Its title.
    pub title: String,
    /// Its number.
    pub number: String,
    /// When it was made.
    #[serde(deserialize_with = "day")]
    pub made: Day,
    /// When it came into force.
    #[serde(deserialize_with = "day")]
    pub in_force: Day,
    /// Where it is published.
    pub address: String,
    /// The Schedule as made.
    pub schedule_as_made: String,
    /// The evidence.
    pub source: String,
    /// Whether the entry rests on primary evidence.
    pub confirmed: bool,
}

/// A heading of the Schedule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// The heading's text.
    pub heading: String,
    /// The paragraphs under it.
    pub paras: Vec<u32>,
}

/// One paragraph of the Schedule: a class of relevant agency.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Its number.
    pub para: u32,
    /// The heading it sits under.
    pub heading: String,
    /// Its text, verbatim.
    pub text: String,
    /// The organisation kinds (`OrganisationKind` in snake case) it covers.
    pub kinds: Vec<String>,
    /// Context and limits.
    pub note: Option<String>,
}

/// Organisation kinds the Schedule does not cover, and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotScheduled {
    /// The kinds.
    pub kinds: Vec<String>,
    /// Why they are not relevant agencies as such.
    pub reason: String,
}

/// An amendment of the Schedule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// When it took effect, where known.
    #[serde(default, deserialize_with = "some_day")]
    pub date: Option<Day>,
    /// What it changed.
    pub what: String,
    /// Whether it is in force.
    pub status: String,
    /// The evidence.
    pub source: String,
    /// Whether the entry rests on primary evidence.
    pub confirmed: bool,
}

/// The Schedule to SI 2018/789.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The regulations.
    pub instrument: Instrument,
    /// Its headings.
    pub heading: Vec<Heading>,
    /// Its paragraphs.
    pub paragraph: Vec<Paragraph>,
    /// Kinds it does not cover.
    pub not_scheduled: Vec<NotScheduled>,
    /// Its amendments.
    pub amendment: Vec<Amendment>,
}

/// The exact title of an Act, instrument, guidance edition or body (`titles.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    /// A stable id.
    pub id: String,
    /// `act`, `si`, `guidance`, `body`, …
    pub kind: String,
    /// The exact title.
    pub title: String,
    /// Short forms in use.
    #[serde(default)]
    pub short: Vec<String>,
    /// How it is cited (e.g. `2004 c. 31`).
    pub citation: Option<String>,
    /// When it was enacted or made.
    #[serde(default, deserialize_with = "some_day")]
    pub enacted: Option<Day>,
    /// Where it is published.
    pub address: Option<String>,
    /// The evidence.
    pub source: String,
    /// Whether the entry rests on primary evidence.
    pub confirmed: bool,
    /// Context.
    pub note: Option<String>,
}

/// A known misquotation of a title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misquote {
    /// A literal pattern (case-insensitive unless `case_sensitive`).
    pub pattern: Option<String>,
    /// A regular expression, for families of misquotations.
    pub regex: Option<String>,
    /// Whether the pattern is matched with its case.
    #[serde(default)]
    pub case_sensitive: bool,
    /// The right title.
    pub right: String,
    /// Why it is wrong.
    pub why: String,
    /// A misquotation that was once the right title, up to this day.
    #[serde(default, deserialize_with = "some_day")]
    pub valid_until: Option<Day>,
    /// The most severe a finding may be.
    pub max_severity: Option<MaxSeverity>,
    /// The evidence.
    pub source: String,
}

/// The titles registry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    /// The exact titles.
    pub title: Vec<Title>,
    /// Known misquotations.
    pub misquote: Vec<Misquote>,
}

/// A statement of law that is false (`false_law.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// A stable id.
    pub id: String,
    /// The false claim, in words.
    pub claim: String,
    /// Literal patterns that state it.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Regular expressions that state it.
    #[serde(default)]
    pub regex: Vec<String>,
    /// Words one of which must be near a match for it to count.
    #[serde(default)]
    pub near: Vec<String>,
    /// What is true.
    pub truth: String,
    /// `statute`, `guidance`, …: what the truth rests on.
    pub basis: String,
    /// The guidance editions for which the claim is false (default: all).
    #[serde(default)]
    pub editions: Vec<String>,
    /// The day from which the claim is false, where it was once true.
    #[serde(default, deserialize_with = "some_day")]
    pub false_from: Option<Day>,
    /// The most severe a finding may be.
    pub max_severity: Option<MaxSeverity>,
    /// The claim was never the law ("the Children Act 2004 required each local authority to
    /// establish a Safeguarding Children Partnership"): false in narrated history too, so only
    /// a negation ("is not a statutory body") or a quotation excuses it.
    #[serde(default)]
    pub never_true: bool,
    /// The evidence.
    pub source: String,
    /// How the Children's Wellbeing and Schools Act 2026 bears on it.
    pub cwsa2026: Option<String>,
    /// Whether the entry rests on primary evidence.
    pub confirmed: bool,
    /// Context and limits.
    pub note: Option<String>,
}

/// Every registry, parsed.
#[derive(Debug)]
pub struct Registries {
    /// `editions.toml`.
    pub editions: Vec<EditionEntry>,
    /// `obsolete.toml`.
    pub obsolete: Obsolete,
    /// `icbs.toml`.
    pub icbs: Icbs,
    /// `schedule.toml`.
    pub schedule: Schedule,
    /// `titles.toml`.
    pub titles: Titles,
    /// `false_law.toml`.
    pub false_law: Vec<Claim>,
    /// `outside_groups.toml`.
    pub outside_groups: Vec<OutsideGroup>,
}

/// The files, as built into masa.
pub const FILES: [(&str, &str); 7] = [
    ("editions.toml", include_str!("editions.toml")),
    ("obsolete.toml", include_str!("obsolete.toml")),
    ("icbs.toml", include_str!("icbs.toml")),
    ("schedule.toml", include_str!("schedule.toml")),
    ("titles.toml", include_str!("titles.toml")),
    ("false_law.toml", include_str!("false_law.toml")),
    ("outside_groups.toml", include_str!("outside_groups.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionsFile {
    edition: Vec<EditionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FalseLawFile {
    claim: Vec<Claim>,
}

/// A body whose name looks like a partnership's group but is not one (`outside_groups.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutsideGroup {
    /// The body, as usually written.
    pub name: String,
    /// `national`, `local`, `council`, `service` or `kind`.
    pub kind: String,
    /// The words that name it, matched as whole words anywhere in a name.
    pub patterns: Vec<String>,
    /// Words which, directly before a pattern, make it another body.
    #[serde(default)]
    pub unless_after: Vec<String>,
    /// Where the body is established or the name used.
    pub source: String,
    /// Whether the source is the primary text, checked.
    pub confirmed: bool,
    /// Limits.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutsideGroupsFile {
    body: Vec<OutsideGroup>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("src/rules/data/{name}: {e}"))
}

impl Registries {
    /// Parses the built-in files. An error names the file and the place.
    pub fn parse() -> Result<Registries, String> {
        let [
            editions,
            obsolete,
            icbs,
            schedule,
            titles,
            false_law,
            outside_groups,
        ] = FILES;
        Ok(Registries {
            editions: parse::<EditionsFile>(editions.0, editions.1)?.edition,
            obsolete: parse(obsolete.0, obsolete.1)?,
            icbs: parse(icbs.0, icbs.1)?,
            schedule: parse(schedule.0, schedule.1)?,
            titles: parse(titles.0, titles.1)?,
            false_law: parse::<FalseLawFile>(false_law.0, false_law.1)?.claim,
            outside_groups: parse::<OutsideGroupsFile>(outside_groups.0, outside_groups.1)?.body,
        })
    }
}

static REGISTRIES: LazyLock<Registries> = LazyLock::new(|| {
    // The files are part of the binary and a test parses them: this cannot fail in a build
    // whose tests pass.
    Registries::parse().unwrap_or_else(|e| panic!("a built-in registry does not parse: {e}"))
});

/// The registries, parsed on first use.
pub fn registries() -> &'static Registries {
    &REGISTRIES
}

/// The newest date in the data, as the build script found it (`YYYY-MM-DD`): what
/// `masa --version` reports as "rules as of …". Equal to [`newest_date`] (a test holds it so).
pub const AS_OF: &str = env!("MASA_RULES_AS_OF");

/// The newest date among the facts the built-in data records (every TOML date value in every
/// file, whatever its key: an edition published, a body ended, an ICB started, an Act enacted,
/// a commencement), or `None` if the files hold no date. `masa --version` reports it as "rules
/// as of …", so that a user can tell whether the law masa knows is current; a data change
/// moves it with no code change. Comments are not data, so a date written only in a comment
/// does not count.
pub fn newest_date() -> Option<Day> {
    fn walk(value: &toml::Value, newest: &mut Option<Day>) {
        match value {
            toml::Value::Datetime(dt) => {
                if let Some(date) = dt.date {
                    let day = Day::new(i32::from(date.year), date.month, date.day);
                    if day > *newest {
                        *newest = day;
                    }
                }
            }
            toml::Value::Array(items) => items.iter().for_each(|v| walk(v, newest)),
            toml::Value::Table(table) => table.values().for_each(|v| walk(v, newest)),
            _ => {}
        }
    }
    let mut newest = None;
    for (_, text) in FILES {
        if let Ok(table) = toml::from_str::<toml::Table>(text) {
            table.values().for_each(|v| walk(v, &mut newest));
        }
    }
    newest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_date_is_the_newest_in_the_data() {
        let newest = newest_date().expect("the data holds dates");
        // Every edition's publication date is data, so the newest is at least the newest edition.
        assert!(registries().editions.iter().all(|e| e.published <= newest));
        // The build script's scan (which `masa --version` reports) agrees with the walk over
        // every parsed value: a date the scan cannot see (in an inline table, say) fails here.
        assert_eq!(AS_OF, newest.to_string());
    }

    #[test]
    fn every_file_parses_with_no_unknown_field() {
        let r = Registries::parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(r.editions.len() >= 3);
        assert!(r.obsolete.entry.len() >= 20);
        assert!(r.icbs.icb.len() >= 42);
        assert!(r.schedule.paragraph.len() >= 30);
        assert!(!r.titles.title.is_empty() && !r.false_law.is_empty());
    }

    #[test]
    fn every_entry_carries_a_source_that_resolves() {
        let r = registries();
        let resolves = |source: &Source, shared: &BTreeMap<String, String>, what: &str| {
            match source {
                Source::Citation(c) => assert!(!c.trim().is_empty(), "{what}: empty source"),
                Source::Keys(keys) => {
                    assert!(!keys.is_empty(), "{what}: no source");
                    for k in keys {
                        // Each item is a key of `[sources]` or a citation of its own.
                        assert!(
                            shared.contains_key(k) || k.contains(' '),
                            "{what}: unknown source key `{k}`"
                        );
                    }
                }
            }
        };
        for e in &r.obsolete.entry {
            resolves(&e.source, &r.obsolete.sources, &e.name);
            assert!(
                matches!(e.kind.as_str(), "body" | "title" | "term"),
                "{}",
                e.name
            );
            assert!(
                !e.patterns.is_empty() || e.suffix_family.is_some(),
                "{}",
                e.name
            );
        }
        for icb in &r.icbs.icb {
            resolves(&icb.source, &r.icbs.sources, &icb.name);
            if let Some(ended) = icb.ended {
                assert!(ended > icb.start, "{} ends before it starts", icb.name);
            }
            for s in &icb.successors {
                assert!(
                    r.icbs.icb.iter().any(|o| &o.ods == s),
                    "{}: successor {s} is not in the registry",
                    icb.name
                );
            }
        }
        for e in &r.editions {
            assert!(!e.source.trim().is_empty(), "{}", e.id);
        }
        for t in &r.titles.title {
            assert!(!t.source.trim().is_empty(), "{}", t.id);
        }
        for m in &r.titles.misquote {
            assert!(!m.source.trim().is_empty(), "{}", m.right);
            assert!(m.pattern.is_some() || m.regex.is_some(), "{}", m.right);
        }
        for c in &r.false_law {
            assert!(!c.source.trim().is_empty(), "{}", c.id);
            assert!(!c.patterns.is_empty() || !c.regex.is_empty(), "{}", c.id);
        }
        for b in &r.outside_groups {
            assert!(!b.source.trim().is_empty(), "{}", b.name);
            assert!(!b.patterns.is_empty(), "{}", b.name);
            assert!(
                matches!(
                    b.kind.as_str(),
                    "national" | "local" | "council" | "service" | "kind"
                ),
                "{}",
                b.name
            );
        }
    }

    #[test]
    fn schedule_kinds_are_masa_organisation_kinds() {
        let kinds: Vec<String> = serde_json::to_value(crate::model::schema::arrangements_schema())
            .ok()
            .and_then(|s| s.pointer("/definitions/OrganisationKind/enum").cloned())
            .and_then(|e| serde_json::from_value(e).ok())
            .unwrap_or_default();
        assert!(!kinds.is_empty(), "the schema lists the organisation kinds");
        let r = registries();
        for p in &r.schedule.paragraph {
            for k in &p.kinds {
                assert!(kinds.contains(k), "para {}: `{k}` is not a kind", p.para);
            }
        }
    }
}
