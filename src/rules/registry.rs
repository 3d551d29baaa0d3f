//! The registries the organisation rules judge against, read from the data files in
//! [`super::data`]: bodies that no longer exist (`obsolete.toml`, `kind = "body"`), the
//! integrated care boards that have ended (`icbs.toml`), and which kinds of organisation the
//! Schedule to SI 2018/789 makes relevant agencies (`schedule.toml`).
//!
//! Matching is generic, as the data files' headers describe it, and done in one pass over a
//! name: every entry's `patterns` and `exclude` fragments (and each ended ICB's stem forms and
//! abbreviations) are one Aho-Corasick automaton, and every `initialisms` / `initialism_regex`
//! one [`regex::RegexSet`], both built once.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::data::{self, MaxSeverity, NotScheduled, Paragraph};
use crate::model::{Day, Edition, OrganisationKind};

/// A body that has been abolished, merged, renamed or split: an `obsolete.toml` entry of kind
/// `body`, joined with its `icbs.toml` record when it is an integrated care board.
#[derive(Debug, Clone)]
pub struct ObsoleteBody {
    /// What it is called, for messages.
    pub name: String,
    /// What replaced it.
    pub replaced_by: String,
    /// The first day it no longer existed as named.
    pub ended: Day,
    /// Whether `ended` is the latest of different days in different areas (`ended_is = "latest"`).
    pub ended_by_latest: bool,
    /// The first day on which naming it in a statutory role may be an error (default `ended`).
    pub error_from: Day,
    /// The guidance editions for which the entry applies (empty: all).
    pub editions: Vec<Edition>,
    /// The most severe a finding may be, where the basis is guidance or usage.
    pub max_severity: Option<MaxSeverity>,
    /// What to do when it is named in prose or as an ordinary organisation.
    pub fix: String,
    /// What to do when it is named as a safeguarding or child death review partner.
    pub fix_as_partner: Option<String>,
    /// What to do when it is named as a recipient of the yearly report.
    pub fix_as_recipient: Option<String>,
    /// For a body split between successors: (area, what to name there).
    pub fix_by_area: Vec<(String, String)>,
    /// The evidence, with shared sources resolved.
    pub source: String,
    /// Whether `ended` rests on primary evidence. An unconfirmed date never makes an error.
    pub confirmed: bool,
    /// A lower-case suffix: any name ending in it matches.
    suffix_family: Option<String>,
    /// Text right after a pattern's match that cancels it.
    not_followed_by: Vec<String>,
}

/// A body a name refers to.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    /// The body.
    pub body: &'static ObsoleteBody,
    /// Whether only a family of initialisms (`initialism_regex`) matched: a guess, so a
    /// warning at most.
    pub family_only: bool,
}

impl ObsoleteBody {
    /// Whether the entry applies to a document judged under `edition`.
    pub fn applies_to(&self, edition: Edition) -> bool {
        self.editions.is_empty() || self.editions.contains(&edition)
    }

    /// The most severe a finding on this body may be: a warning for an unconfirmed date,
    /// `max_severity` where the data caps it.
    pub fn cap(&self, severity: crate::diag::Severity) -> crate::diag::Severity {
        use crate::diag::Severity;
        let mut severity = severity;
        if !self.confirmed {
            severity = severity.min(Severity::Warning);
        }
        match self.max_severity {
            Some(MaxSeverity::Warning) => severity.min(Severity::Warning),
            Some(MaxSeverity::Info) => severity.min(Severity::Info),
            None => severity,
        }
    }

    /// "ended on D", or "ended by D" where D is the latest of several days.
    pub fn ended_words(&self) -> String {
        let by = if self.ended_by_latest { "by" } else { "on" };
        format!("ended {by} {}", self.ended)
    }

    /// What to name in an area, for a body split between successors: each `fix_by_area`
    /// entry whose area is named (as whole words) in one of `places`.
    pub fn fix_in_area(&self, places: &[&str]) -> Option<String> {
        let places: Vec<String> = places.iter().map(|p| normalise(p)).collect();
        let found: Vec<String> = self
            .fix_by_area
            .iter()
            .filter(|(area, _)| {
                let area = normalise(area);
                places.iter().any(|p| contains_words(p, area.trim_start()))
            })
            .map(|(area, name)| format!("name {name} (the successor for {area})"))
            .collect();
        (!found.is_empty()).then(|| found.join("; "))
    }
}

/// Whether `text` (normalised, starting with a space) contains `words` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A name as the data's patterns are written: lower case, after a space (so that a pattern's
/// leading space means "at the start of a word"), with ’ read as ', & as "and", and runs of
/// white space as one space.
fn normalise(text: &str) -> String {
    let lower = text
        .to_lowercase()
        .replace('\u{2019}', "'")
        .replace('&', " and ");
    let mut out = String::with_capacity(lower.len() + 1);
    out.push(' ');
    for word in lower.split_whitespace() {
        if out.len() > 1 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A pattern from the data, normalised as the text is but keeping a leading space.
fn pattern(p: &str) -> String {
    let n = normalise(p);
    if p.starts_with(' ') {
        n
    } else {
        n[1..].to_owned()
    }
}

fn edition(id: &str) -> Option<Edition> {
    serde_json::from_value(serde_json::Value::String(id.to_owned())).ok()
}

/// The forms a document may use for an ICB: "<stem> ICB" / "<stem> Integrated Care Board"
/// (with or without the stem's commas, or with a serial comma before its "and", so with or
/// without "NHS " before), the same with the words reversed ("Integrated Care Board <stem>", as
/// in Oxfordshire's "Integrated Care Board Buckinghamshire, Oxfordshire, and Berkshire West"),
/// and "<abbreviation> ICB" / "<abbreviation> Integrated Care Board", all at a word start.
fn icb_forms(icb: &data::Icb) -> Vec<String> {
    let mut stems = vec![icb.stem.clone(), icb.stem.replace(',', "")];
    if icb.stem.contains(',') && !icb.stem.contains(", and ") {
        if let Some(at) = icb.stem.rfind(" and ") {
            stems.push(format!("{}, and {}", &icb.stem[..at], &icb.stem[at + 5..]));
        }
    }
    stems.dedup();
    let mut forms: Vec<String> = stems
        .iter()
        .flat_map(|s| {
            [
                format!(" {s} icb"),
                format!(" {s} integrated care board"),
                format!(" integrated care board {s}"),
            ]
        })
        .collect();
    forms.extend(
        icb.abbreviations
            .iter()
            .flat_map(|s| [format!(" {s} icb"), format!(" {s} integrated care board")]),
    );
    forms.iter().map(|f| pattern(f)).collect()
}

/// Every obsolete body, with what matches it.
struct Registry {
    bodies: Vec<ObsoleteBody>,
    /// The normalised fragments: patterns and exclusions.
    automaton: Option<aho_corasick::AhoCorasick>,
    /// For each fragment: its body, and whether it cancels the body rather than matching it.
    fragments: Vec<(usize, bool)>,
    /// Whole-word, case-sensitive initialisms and families of them.
    initialisms: Option<regex::bytes::RegexSet>,
    /// For each initialism: its body, and whether it is a family (`initialism_regex`).
    initialism_bodies: Vec<(usize, bool)>,
    /// The bodies with a `suffix_family`.
    suffixed: Vec<usize>,
}

fn build() -> Registry {
    let r = data::registries();
    let mut bodies = Vec::new();
    let mut fragments: Vec<(String, usize, bool)> = Vec::new();
    let mut initialisms: Vec<(String, usize, bool)> = Vec::new();
    let obsolete = &r.obsolete;
    for e in obsolete.entry.iter().filter(|e| e.kind == "body") {
        let i = bodies.len();
        fragments.extend(e.patterns.iter().map(|p| (pattern(p), i, false)));
        fragments.extend(e.exclude.iter().map(|p| (pattern(p), i, true)));
        initialisms.extend(
            e.initialisms
                .iter()
                .map(|s| (format!(r"\b{}s?\b", regex::escape(s)), i, false)),
        );
        initialisms.extend(e.initialism_regex.iter().map(|s| (s.clone(), i, true)));
        bodies.push(ObsoleteBody {
            name: e.name.clone(),
            replaced_by: e.replaced_by.clone(),
            ended: e.ended,
            ended_by_latest: e.ended_is.as_deref() == Some("latest"),
            error_from: e.error_from.unwrap_or(e.ended).max(e.ended),
            editions: e.editions.iter().filter_map(|s| edition(s)).collect(),
            max_severity: e.max_severity,
            fix: e.fix.clone(),
            fix_as_partner: e.fix_as_partner.clone(),
            fix_as_recipient: e.fix_as_recipient.clone(),
            fix_by_area: e
                .fix_by_area
                .iter()
                .map(|(a, n)| (a.clone(), n.clone()))
                .collect(),
            source: e.source.text(&obsolete.sources),
            confirmed: e.confirmed,
            suffix_family: e.suffix_family.as_deref().map(pattern),
            not_followed_by: e.not_followed_by.iter().map(|s| s.to_lowercase()).collect(),
        });
    }
    // Each ICB that has ended: its own entry in obsolete.toml (named by the board's legal
    // name), or one made from icbs.toml, matched by every form of its name.
    let icbs = &r.icbs;
    let by_ods: BTreeMap<&str, &data::Icb> = icbs.icb.iter().map(|b| (b.ods.as_str(), b)).collect();
    let successor = |ods: &String| {
        by_ods
            .get(ods.as_str())
            .map_or(ods.clone(), |b| b.name.clone())
    };
    for icb in icbs.icb.iter().filter(|b| b.ended.is_some()) {
        let ended = icb.ended.unwrap_or(icb.start);
        let named = obsolete.entry.iter().filter(|e| e.kind == "body");
        let i = match named.clone().position(|e| e.name.starts_with(&icb.name)) {
            Some(i) => i,
            None => {
                let names: Vec<String> = icb.successors.iter().map(successor).collect();
                let names = names.join(" / ");
                bodies.push(ObsoleteBody {
                    name: icb.name.clone(),
                    replaced_by: names.clone(),
                    ended,
                    ended_by_latest: false,
                    error_from: ended,
                    editions: Vec::new(),
                    max_severity: None,
                    fix: format!("name {names}"),
                    fix_as_partner: (icb.split.is_empty())
                        .then(|| format!("name {names} (from {ended})")),
                    fix_as_recipient: None,
                    fix_by_area: Vec::new(),
                    source: icb.source.text(&icbs.sources),
                    confirmed: icb.confirmed,
                    suffix_family: None,
                    not_followed_by: Vec::new(),
                });
                bodies.len() - 1
            }
        };
        // A split the obsolete entry does not spell out: from icbs.toml.
        if bodies[i].fix_by_area.is_empty() {
            bodies[i].fix_by_area = icb
                .split
                .iter()
                .map(|(area, ods)| (area.clone(), successor(ods)))
                .collect();
        }
        let forms = icb_forms(icb);
        // A successor whose name contains the old one ("Sussex ICB" in "Surrey and Sussex
        // ICB") must not match it.
        for s in icb.successors.iter().filter_map(|s| by_ods.get(s.as_str())) {
            for form in icb_forms(s) {
                if forms
                    .iter()
                    .any(|f| form != *f && form.contains(f.as_str()))
                {
                    fragments.push((form, i, true));
                }
            }
        }
        fragments.extend(forms.into_iter().map(|f| (f, i, false)));
    }
    let automaton = aho_corasick::AhoCorasick::builder()
        // Names are short: an NFA, quick to build, searches them as fast as a DFA.
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(fragments.iter().map(|(p, ..)| p))
        .ok();
    // ASCII initialisms: Unicode off, so the set compiles quickly at start-up.
    let set = regex::bytes::RegexSetBuilder::new(initialisms.iter().map(|(p, ..)| p))
        .unicode(false)
        .build()
        .ok();
    let suffixed = (0..bodies.len())
        .filter(|&i| bodies[i].suffix_family.is_some())
        .collect();
    Registry {
        suffixed,
        bodies,
        automaton,
        fragments: fragments.into_iter().map(|(_, i, x)| (i, x)).collect(),
        initialisms: set,
        initialism_bodies: initialisms.into_iter().map(|(_, i, f)| (i, f)).collect(),
    }
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(build);

/// Every body the registry knows has ended, in the data's order.
pub fn obsolete_bodies() -> &'static [ObsoleteBody] {
    &REGISTRY.bodies
}

/// The clinical commissioning groups' entry (the family every CCG belongs to).
pub fn clinical_commissioning_groups() -> Option<&'static ObsoleteBody> {
    obsolete_bodies()
        .iter()
        .find(|b| b.suffix_family.as_deref() == Some("clinical commissioning group"))
}

/// The obsolete body a name refers to, if any (the first in the data if it names several).
/// One pass of the automaton over the name, and one of the initialisms.
pub fn obsolete_body(name: &str) -> Option<Found> {
    let reg = &*REGISTRY;
    let text = normalise(name);
    let n = reg.bodies.len();
    // For each body: matched by a pattern or a whole-word initialism, by a family only, or
    // cancelled by an exclusion.
    let mut matched = vec![false; n];
    let mut family = vec![false; n];
    let mut excluded = vec![false; n];
    if let Some(ac) = &reg.automaton {
        for m in ac.find_overlapping_iter(&text) {
            let (i, exclusion) = reg.fragments[m.pattern().as_usize()];
            if exclusion {
                excluded[i] = true;
            } else {
                let rest = &text[m.end()..];
                let body = &reg.bodies[i];
                if !body.not_followed_by.iter().any(|s| rest.starts_with(s)) {
                    matched[i] = true;
                }
            }
        }
    }
    for &i in &reg.suffixed {
        if let Some(suffix) = &reg.bodies[i].suffix_family {
            let t = text.trim_end();
            if t.ends_with(suffix.as_str())
                || t.strip_suffix('s')
                    .is_some_and(|t| t.ends_with(suffix.as_str()))
            {
                matched[i] = true;
            }
        }
    }
    if let Some(set) = &reg.initialisms {
        for k in set.matches(name.as_bytes()).iter() {
            let (i, is_family) = reg.initialism_bodies[k];
            if is_family {
                family[i] = true;
            } else {
                matched[i] = true;
            }
        }
    }
    (0..n)
        .find(|&i| (matched[i] || family[i]) && !excluded[i])
        .map(|i| Found {
            body: &reg.bodies[i],
            family_only: !matched[i],
        })
}

/// The integrated care boards in existence on `day` whose footprint (the upper-tier areas they
/// cover wholly or mostly) includes an area named, as whole words, in one of `places`.
pub fn icbs_covering(places: &[&str], day: Day) -> Vec<&'static data::Icb> {
    let places: Vec<String> = places.iter().map(|p| normalise(p)).collect();
    data::registries()
        .icbs
        .icb
        .iter()
        .filter(|b| b.start <= day && b.ended.is_none_or(|e| day < e))
        .filter(|b| {
            b.footprint.iter().any(|area| {
                let area = normalise(area);
                places.iter().any(|p| contains_words(p, area.trim_start()))
            })
        })
        .collect()
}

/// The name of an organisation kind as documents write it (`nhs_trust`).
fn kind_name(kind: OrganisationKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The paragraphs of the Schedule to SI 2018/789 under which an organisation of this kind is
/// a relevant agency (none if no paragraph covers it).
pub fn schedule_paragraphs(kind: OrganisationKind) -> Vec<&'static Paragraph> {
    let name = kind_name(kind);
    data::registries()
        .schedule
        .paragraph
        .iter()
        .filter(|p| p.kinds.contains(&name))
        .collect()
}

/// Why the Schedule does not cover organisations of this kind, where the data says.
pub fn not_scheduled(kind: OrganisationKind) -> Option<&'static NotScheduled> {
    let name = kind_name(kind);
    data::registries()
        .schedule
        .not_scheduled
        .iter()
        .find(|n| n.kinds.contains(&name))
}

/// "para 16", "paras 1, 4, 7, 8" (for the tests' messages).
#[cfg(test)]
fn paragraph_words(paras: &[&Paragraph]) -> String {
    let numbers: Vec<String> = paras.iter().map(|p| p.para.to_string()).collect();
    match numbers.len() {
        1 => format!("para {}", numbers[0]),
        _ => format!("paras {}", numbers.join(", ")),
    }
}

/// How masa cites the Schedule: the version it holds, and that a later one is unverified.
pub fn schedule_citation() -> String {
    let s = &data::registries().schedule;
    let unverified = s
        .amendment
        .iter()
        .filter(|a| !a.confirmed)
        .filter_map(|a| a.date)
        .filter(|d| *d > s.instrument.in_force)
        .min();
    let caveat = unverified.map_or(String::new(), |d| {
        format!("; a version in force since {d} has not been verified")
    });
    format!(
        "{} reg. 18 and Schedule, as made ({}){caveat}",
        s.instrument.number, s.instrument.schedule_as_made
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<&'static str> {
        obsolete_body(name).map(|f| f.body.name.as_str())
    }

    #[test]
    fn recognises_obsolete_names_without_false_matches() {
        for name in [
            "Bedfordshire Clinical Commissioning Group",
            "NHS Kernow Clinical Commissioning Group",
            "Bedfordshire CCG",
            "Nottingham and Nottinghamshire CCGs",
            "What Works Centre for Children’s Social Care",
            "BLMK ICB",
            "NHS Bedfordshire, Luton and Milton Keynes ICB",
            "Bedfordshire Luton & Milton Keynes Integrated Care Board",
            "Norfolk and Waveney Integrated Care Board",
            "NHS Hertfordshire and West Essex ICB",
            "NHS Sussex ICB",
            "Public Health England",
            "PHE",
            "Devon Safeguarding Children Board",
            "Luton & Dunstable University Hospital",
        ] {
            assert!(named(name).is_some(), "{name}");
        }
        for name in [
            "NHS Central East ICB",
            "NHS Kent and Medway ICB",
            "NHS Essex Integrated Care Board",
            "NHS Surrey and Sussex Integrated Care Board",
            "NHS Norfolk and Suffolk ICB",
            "Frimley Health NHS Foundation Trust",
            "Accg Ltd",
            "Bedfordshire Police",
            "Somerset Safeguarding Adults Board",
            "Phew Ltd",
            "",
        ] {
            assert!(named(name).is_none(), "{name}: {:?}", named(name));
        }
    }

    #[test]
    fn an_initialism_is_whole_word_and_case_sensitive_and_a_family_is_a_guess() {
        assert!(
            named("the ccg").is_some(),
            "the pattern ' ccg' is lower-case"
        );
        assert!(named("SCCGA").is_none());
        let lscb = obsolete_body("LSCB").unwrap();
        assert!(!lscb.family_only);
        let bscb = obsolete_body("BSCB").unwrap();
        assert!(bscb.family_only && bscb.body.name.contains("LSCB"));
        assert!(obsolete_body("bscb").is_none());
    }

    #[test]
    fn every_icb_that_ended_is_recognised_with_its_successor() {
        let r = data::registries();
        let ended: Vec<_> = r.icbs.icb.iter().filter(|b| b.ended.is_some()).collect();
        assert_eq!(ended.len(), 12);
        for icb in ended {
            for name in [
                icb.name.clone(),
                format!("{} ICB", icb.stem),
                format!("NHS {} Integrated Care Board", icb.stem),
            ] {
                let found = obsolete_body(&name).unwrap_or_else(|| panic!("{name}"));
                assert_eq!(Some(found.body.ended), icb.ended, "{name}");
                assert!(
                    !found.body.confirmed,
                    "{name}: the 2026 changes are unverified"
                );
            }
        }
        for icb in r.icbs.icb.iter().filter(|b| b.ended.is_none()) {
            assert!(named(&icb.name).is_none(), "{} is current", icb.name);
            assert!(
                named(&format!("{} ICB", icb.stem)).is_none(),
                "{}",
                icb.stem
            );
        }
    }

    #[test]
    fn an_icb_named_words_reversed_with_a_serial_comma_is_recognised() {
        // Oxfordshire SCP's web page (http://oscb.org.uk/about-us): "Nick Broughton, Interim
        // Chief Executive, delegated to Rachel Corser, Chief Nursing Officer, Integrated Care
        // Board Buckinghamshire, Oxfordshire, and Berkshire West".
        for name in [
            "Integrated Care Board Buckinghamshire, Oxfordshire, and Berkshire West",
            "Buckinghamshire, Oxfordshire, and Berkshire West ICB",
            "Integrated Care Board Buckinghamshire, Oxfordshire and Berkshire West",
        ] {
            let found = obsolete_body(name).unwrap_or_else(|| panic!("{name}"));
            assert!(found.body.name.contains("Berkshire West"), "{name}");
        }
        // A current board named the same way stays silent.
        assert!(named("Integrated Care Board Devon").is_none());
    }

    #[test]
    fn a_split_board_has_a_successor_for_each_area() {
        let hwe = obsolete_body("NHS Hertfordshire and West Essex ICB")
            .unwrap()
            .body;
        let herts = hwe.fix_in_area(&["Hertfordshire County Council"]).unwrap();
        assert!(herts.contains("Central East"), "{herts}");
        let essex = hwe.fix_in_area(&["Essex County Council"]).unwrap();
        assert!(essex.contains("NHS Essex"), "{essex}");
        assert!(hwe.fix_in_area(&["Sussex County Council"]).is_none());
        assert!(hwe.fix_in_area(&["Kent County Council"]).is_none());
    }

    #[test]
    fn each_body_cites_its_own_source() {
        let ccg = clinical_commissioning_groups().unwrap();
        assert!(ccg.source.contains("Health and Care Act 2022"));
        let probation = obsolete_body("National Probation Service").unwrap().body;
        assert!(
            probation.source.contains("CBP-9252"),
            "{}",
            probation.source
        );
    }

    #[test]
    fn every_kind_is_scheduled_or_says_why_not() {
        let kinds: Vec<OrganisationKind> =
            serde_json::to_value(crate::model::schema::arrangements_schema())
                .ok()
                .and_then(|s| s.pointer("/definitions/OrganisationKind/enum").cloned())
                .and_then(|e| serde_json::from_value(e).ok())
                .unwrap_or_default();
        assert!(kinds.len() > 30);
        for kind in kinds {
            let scheduled = !schedule_paragraphs(kind).is_empty();
            assert!(
                scheduled != not_scheduled(kind).is_some(),
                "{kind:?}: exactly one of a paragraph or a reason"
            );
        }
    }

    #[test]
    fn severity_is_capped_by_the_evidence() {
        use crate::diag::Severity;
        let mut body = clinical_commissioning_groups().unwrap().clone();
        assert!(body.confirmed);
        assert_eq!(body.cap(Severity::Error), Severity::Error);
        body.max_severity = Some(MaxSeverity::Info);
        assert_eq!(body.cap(Severity::Error), Severity::Info);
        body.max_severity = Some(MaxSeverity::Warning);
        assert_eq!(body.cap(Severity::Error), Severity::Warning);
        body.max_severity = None;
        body.confirmed = false;
        assert_eq!(body.cap(Severity::Error), Severity::Warning);
        // The data's own: the What Works Centre is unconfirmed, and an error only from WT2023.
        let ww = obsolete_body("What Works Centre for Children's Social Care")
            .unwrap()
            .body;
        assert_eq!(ww.cap(Severity::Error), Severity::Warning);
        assert_eq!(ww.error_from, Day::new(2023, 12, 15).unwrap());
        let eif = obsolete_body("Early Intervention Foundation").unwrap().body;
        assert_eq!(eif.max_severity, Some(MaxSeverity::Warning));
    }

    #[test]
    fn the_schedule_paragraphs_come_from_the_data() {
        assert_eq!(
            paragraph_words(&schedule_paragraphs(OrganisationKind::School)),
            "paras 1, 4, 7, 8"
        );
        assert_eq!(
            paragraph_words(&schedule_paragraphs(OrganisationKind::Cafcass)),
            "para 25"
        );
        assert!(schedule_paragraphs(OrganisationKind::FireAndRescue).is_empty());
        assert!(not_scheduled(OrganisationKind::FireAndRescue).is_some());
        assert!(not_scheduled(OrganisationKind::Cafcass).is_none());
        assert!(schedule_citation().contains("2023-11-06"));
    }
}
