//! Data the rules judge against: bodies and titles that no longer exist (see docs/sources.md), and
//! which kinds of organisation the Schedule to SI 2018/789 makes relevant agencies (§2).

use crate::model::{Day, OrganisationKind};

/// A body that has been abolished, merged or renamed.
#[derive(Debug, Clone, Copy)]
pub struct ObsoleteBody {
    /// Lower-case fragments that identify it in a name.
    pub patterns: &'static [&'static str],
    /// What it is called, for messages.
    pub name: &'static str,
    /// What replaced it.
    pub replaced_by: &'static str,
    /// The first day it no longer existed as named.
    pub ended: Day,
    /// The evidence for the date.
    pub source: &'static str,
    /// Whether the date is confirmed by primary evidence (legislation, an order). An announced
    /// but unverified date makes a finding a warning at most: masa must not call a document
    /// unlawful on an unverified date.
    pub confirmed: bool,
}

pub(crate) const fn day(year: i32, month: u8, d: u8) -> Day {
    match Day::new_const(year, month, d) {
        Some(day) => day,
        None => panic!("registry dates are real dates"),
    }
}

/// The registry. Local entries (Bedfordshire bodies) are data like the national ones: they
/// record reorganisations that happened, not facts about one file.
pub const OBSOLETE_BODIES: &[ObsoleteBody] = &[
    ObsoleteBody {
        patterns: &["clinical commissioning group", " ccg"],
        name: "clinical commissioning groups (CCGs)",
        replaced_by: "integrated care boards (ICBs)",
        ended: day(2022, 7, 1),
        source: "Health and Care Act 2022; CCGs were abolished on 1 July 2022 (SI 2022/634)",
        confirmed: true,
    },
    ObsoleteBody {
        patterns: &[
            "what works centre for children's social care",
            "what works for children's social care",
        ],
        name: "the What Works Centre for Children's Social Care",
        replaced_by: "Foundations – What Works Centre for Children & Families (merged with the Early Intervention Foundation)",
        ended: day(2023, 6, 6),
        source: "Foundations launch, 6 June 2023",
        confirmed: true,
    },
    ObsoleteBody {
        patterns: &[
            "national probation service",
            "community rehabilitation company",
        ],
        name: "the National Probation Service / Community Rehabilitation Companies",
        replaced_by: "the Probation Service (HMPPS)",
        ended: day(2021, 6, 26),
        source: "unification of probation services, 26 June 2021",
        confirmed: true,
    },
    ObsoleteBody {
        patterns: &["local safeguarding children board", "lscb"],
        name: "Local Safeguarding Children Boards",
        replaced_by: "the safeguarding partners' multi-agency safeguarding arrangements",
        ended: day(2019, 9, 29),
        source: "Children and Social Work Act 2017 s.30; new arrangements in place by 29 September 2019",
        confirmed: true,
    },
    ObsoleteBody {
        patterns: &["public health england"],
        name: "Public Health England",
        replaced_by: "the UK Health Security Agency and the Office for Health Improvement and Disparities",
        ended: day(2021, 10, 1),
        source: "Public Health England closed on 1 October 2021",
        confirmed: false,
    },
    ObsoleteBody {
        patterns: &[
            "bedford hospital nhs trust",
            "luton and dunstable university hospital",
            "luton & dunstable university hospital",
        ],
        name: "Bedford Hospital NHS Trust / Luton and Dunstable University Hospital NHS Foundation Trust",
        replaced_by: "Bedfordshire Hospitals NHS Foundation Trust",
        ended: day(2020, 4, 1),
        source: "merger forming Bedfordshire Hospitals NHS Foundation Trust, 1 April 2020",
        confirmed: true,
    },
    ObsoleteBody {
        patterns: &[
            "bedfordshire, luton and milton keynes integrated care board",
            "bedfordshire, luton & milton keynes integrated care board",
            "blmk icb",
            "blmk integrated care board",
        ],
        name: "Bedfordshire, Luton and Milton Keynes ICB (BLMK ICB)",
        replaced_by: "NHS Central East ICB (BLMK, Hertfordshire and West Essex, Cambridgeshire and Peterborough)",
        ended: day(2026, 4, 1),
        source: "written ministerial statement of 9 September 2025 (new ICB footprints from 1 April 2026; formal order not verified)",
        confirmed: false,
    },
];

/// Every body's patterns in one automaton, each pattern mapped to its body, built once: a
/// document names hundreds of organisations, and each name is searched once for all of them.
static BODY_PATTERNS: std::sync::LazyLock<Option<(aho_corasick::AhoCorasick, Vec<usize>)>> =
    std::sync::LazyLock::new(|| {
        let (patterns, bodies): (Vec<&str>, Vec<usize>) = OBSOLETE_BODIES
            .iter()
            .enumerate()
            .flat_map(|(i, b)| b.patterns.iter().map(move |p| (*p, i)))
            .unzip();
        // The names searched are short: an NFA, quick to build, searches them as fast as a DFA.
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(patterns)
            .ok()?;
        Some((automaton, bodies))
    });

/// The obsolete body a name refers to, if any (the first in the registry if it names several).
pub fn obsolete_body(name: &str) -> Option<&'static ObsoleteBody> {
    let padded = format!(" {}", name.to_lowercase());
    let Some((automaton, bodies)) = BODY_PATTERNS.as_ref() else {
        return OBSOLETE_BODIES
            .iter()
            .find(|b| b.patterns.iter().any(|p| padded.contains(p)));
    };
    automaton
        .find_overlapping_iter(&padded)
        .map(|found| bodies[found.pattern().as_usize()])
        .min()
        .map(|i| &OBSOLETE_BODIES[i])
}

/// The paragraph(s) of the Schedule to SI 2018/789 under which an organisation of this kind is
/// a relevant agency, or `None` if no paragraph covers it.
pub fn schedule_paragraph(kind: OrganisationKind) -> Option<&'static str> {
    use OrganisationKind as K;
    Some(match kind {
        K::School => "paras 1, 4, 7, 8",
        K::College => "paras 2, 9, 10",
        K::EducationSettings => "paras 1–13",
        K::AlternativeProvision => "paras 3, 6",
        K::HigherEducation => "para 11",
        K::TrainingProvider => "para 12",
        K::EarlyYears => "paras 5, 13",
        K::ChildrensCentre => "para 14",
        K::NhsEngland => "para 15",
        K::NhsTrust => "para 16",
        K::NhsFoundationTrust => "para 17",
        K::AdoptionAgency => "paras 18, 19",
        K::FosteringAgency => "para 20",
        K::ChildrensHome => "para 21",
        K::ResidentialFamilyCentre => "para 22",
        K::DistrictCouncil => "para 24",
        K::Cafcass => "para 25",
        K::Prison => "para 26",
        K::Probation => "para 27",
        K::YouthCustody => "paras 28–30",
        K::YouthJustice => "para 31",
        K::BritishTransportPolice => "para 32",
        K::PortPolice => "para 34",
        K::Immigration => "para 35",
        K::VoluntarySector => "para 36",
        K::ReligiousOrganisation => "para 37",
        K::SportLeisure => "para 38",
        K::LocalAuthority
        | K::IntegratedCareBoard
        | K::ClinicalCommissioningGroup
        | K::Police
        | K::FireAndRescue
        | K::GovernmentDepartment
        | K::NationalBody
        | K::SafeguardingPartnership
        | K::ChildDeathOverviewPanel
        | K::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_obsolete_names_without_false_matches() {
        assert!(obsolete_body("Bedfordshire Clinical Commissioning Group").is_some());
        assert!(obsolete_body("Bedfordshire CCG").is_some());
        assert!(obsolete_body("What Works Centre for Children's Social Care").is_some());
        assert!(obsolete_body("BLMK ICB").is_some());
        assert!(obsolete_body("NHS Central East ICB").is_none());
        assert!(obsolete_body("Accg Ltd").is_none());
        assert!(obsolete_body("Bedfordshire Police").is_none());
    }

    /// The one automaton gives the body a search for each pattern in registry order gives,
    /// including for names that match two bodies.
    #[test]
    fn one_search_finds_the_first_body_in_the_registry() {
        let by_each_pattern = |name: &str| {
            let padded = format!(" {}", name.to_lowercase());
            OBSOLETE_BODIES
                .iter()
                .position(|b| b.patterns.iter().any(|p| padded.contains(p)))
        };
        let position = |name: &str| {
            obsolete_body(name).map(|b| {
                OBSOLETE_BODIES
                    .iter()
                    .position(|o| o.name == b.name)
                    .unwrap()
            })
        };
        let mut names: Vec<String> = OBSOLETE_BODIES
            .iter()
            .flat_map(|b| b.patterns.iter().map(|p| p.trim().to_uppercase()))
            .collect();
        let all: Vec<&str> = OBSOLETE_BODIES
            .iter()
            .flat_map(|b| b.patterns)
            .copied()
            .collect();
        names.push(all.join(" and "));
        names.push(all.iter().rev().copied().collect::<Vec<_>>().join(", "));
        names
            .extend(["Bedfordshire Police", "", "Ça va", "NHS Central East ICB"].map(String::from));
        for name in &names {
            assert_eq!(position(name), by_each_pattern(name), "{name}");
        }
        assert!(names.iter().filter(|n| position(n).is_some()).count() > 5);
    }
}
