//! A deterministic generator of arrangement files for the benches, the corpus test and
//! `examples/gen_corpus.rs` (included with `#[path]` by each of them).
//!
//! Documents are modelled on `arrangements/example/northmoor.toml` (the fixed sections, every
//! rule satisfied) and `arrangements/central-bedfordshire.toml` (long prose, many relevant
//! agencies, pan-area groups, `[[other_sections]]`). One *scale* number sets how many extra
//! organisations a document declares; roles, groups, relevant agencies, funding lines and
//! other sections grow with it, so a document goes from a small partnership (~14 KB, like
//! Northmoor) to a very large one (thousands of organisations, ~5 MB).
//!
//! No network, no new dependency: randomness is a seeded xorshift64*, so the same seed gives
//! the same bytes on every machine.

#![allow(dead_code)] // each includer uses a different part

use std::fmt::Write as _;

/// A seeded xorshift64* generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for this seed (any seed, including 0, works).
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that nearby seeds give unrelated streams.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// One of the items.
    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// What is wrong with a generated file, if anything. Every flaw is one realistic mistake, and
/// [`Flaw::expected_rule`] names the finding it must produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// A clean file: passes the structure stage, resolves every id, and satisfies the rules.
    None,
    /// A string left unclosed (TOML syntax error).
    Syntax,
    /// A misspelt key (`publshed`).
    UnknownKey,
    /// A number written as text (`meetings_per_year = "four"`).
    WrongType,
    /// A value outside a closed vocabulary (`kind = "nhs-trust"`).
    BadEnum,
    /// A reference to an organisation that is not declared.
    UnknownReference,
    /// Two organisations with the same id.
    DuplicateId,
    /// The contributions do not add up to the stated total.
    FundingTotal,
    /// A link whose address is the placeholder `#`.
    PlaceholderLink,
}

impl Flaw {
    /// Every kind of flaw, clean first.
    pub const ALL: [Flaw; 9] = [
        Flaw::None,
        Flaw::Syntax,
        Flaw::UnknownKey,
        Flaw::WrongType,
        Flaw::BadEnum,
        Flaw::UnknownReference,
        Flaw::DuplicateId,
        Flaw::FundingTotal,
        Flaw::PlaceholderLink,
    ];

    /// A short name, used in file names.
    pub fn name(self) -> &'static str {
        match self {
            Flaw::None => "clean",
            Flaw::Syntax => "syntax",
            Flaw::UnknownKey => "unknown-key",
            Flaw::WrongType => "wrong-type",
            Flaw::BadEnum => "bad-enum",
            Flaw::UnknownReference => "unknown-reference",
            Flaw::DuplicateId => "duplicate-id",
            Flaw::FundingTotal => "funding-total",
            Flaw::PlaceholderLink => "placeholder-link",
        }
    }

    /// The rule id masa must report for this flaw (`None` for a clean file).
    pub fn expected_rule(self) -> Option<&'static str> {
        match self {
            Flaw::None => None,
            Flaw::Syntax => Some("toml-syntax"),
            Flaw::UnknownKey | Flaw::WrongType | Flaw::BadEnum => Some("schema"),
            Flaw::UnknownReference => Some("unknown-reference"),
            Flaw::DuplicateId => Some("duplicate-id"),
            Flaw::FundingTotal => Some("funding-total"),
            Flaw::PlaceholderLink => Some("link-not-placeholder"),
        }
    }
}

const AREA_HEADS: &[&str] = &[
    "North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "High", "Long", "Black",
    "White", "Green", "Red", "Ash", "Oak", "Elm", "Kings", "Queens", "Bishops",
];
const AREA_TAILS: &[&str] = &[
    "moor", "vale", "field", "ford", "bridge", "wick", "ham", "ton", "bury", "leigh", "dale",
    "wood", "mere", "stow", "worth", "combe", "marsh", "haven", "well", "brook",
];
const PLACES: &[&str] = &[
    "Abbey",
    "Ashby",
    "Barton",
    "Beacon",
    "Castle",
    "Church",
    "Clifton",
    "Crown",
    "Eastgate",
    "Fairfield",
    "Grange",
    "Hillside",
    "Kingsway",
    "Lakeside",
    "Meadow",
    "Millbrook",
    "Newlands",
    "Oakwood",
    "Orchard",
    "Park",
    "Priory",
    "Riverside",
    "St Anne's",
    "St Mary's",
    "Station",
    "Victoria",
    "Westfield",
    "Willow",
];

/// Kinds the Schedule to SI 2018/789 covers (so every extra organisation is a proper relevant
/// agency), with the words its name ends in.
const AGENCY_KINDS: &[(&str, &str)] = &[
    ("nhs_trust", "NHS Trust"),
    ("nhs_foundation_trust", "NHS Foundation Trust"),
    ("school", "Primary School"),
    ("school", "Academy"),
    ("college", "College"),
    ("early_years", "Nursery"),
    ("alternative_provision", "Pupil Referral Unit"),
    ("childrens_centre", "Children's Centre"),
    ("fostering_agency", "Fostering Service"),
    ("adoption_agency", "Adoption Service"),
    ("childrens_home", "Children's Home"),
    ("district_council", "District Council"),
    ("voluntary_sector", "Family Support Trust"),
    ("religious_organisation", "Parish Safeguarding Team"),
    ("sport_leisure", "Sports Club"),
    ("youth_justice", "Youth Justice Service"),
];

const THEMES: &[&str] = &[
    "neglect",
    "child exploitation",
    "children missing from education",
    "domestic abuse",
    "emotional wellbeing and mental health",
    "online safety",
    "early help",
    "transitions to adulthood",
    "harmful sexual behaviour",
    "serious youth violence",
    "children with disabilities",
    "private fostering",
];

const SUBJECTS: &[&str] = &[
    "The partners",
    "Every agency",
    "The business unit",
    "Practitioners across the area",
    "The strategic board",
    "Each relevant agency",
    "Designated safeguarding leads",
    "The independent scrutineer",
    "Front-line managers",
    "The performance group",
];
const VERBS: &[&str] = &[
    "review",
    "agree",
    "share",
    "monitor",
    "publish",
    "evaluate",
    "report on",
    "improve",
    "commission",
    "oversee",
];
const OBJECTS: &[&str] = &[
    "the multi-agency data set",
    "learning from local reviews",
    "the training programme",
    "the findings of joint audits",
    "the views of children and families",
    "the threshold guidance",
    "the quality of referrals",
    "the escalation process",
    "the yearly report",
    "the priorities for the coming year",
];
const WHENS: &[&str] = &[
    "every quarter",
    "twice a year",
    "at each board meeting",
    "after every rapid review",
    "as part of the development day",
    "when practice changes",
    "within agreed timescales",
];

/// One sentence of plain prose.
fn sentence(rng: &mut Rng, out: &mut String) {
    let theme = rng.pick(THEMES);
    let _ = write!(
        out,
        "{} {} {} {}, with a focus on {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(WHENS),
        theme
    );
}

/// `sentences` sentences of prose.
fn prose(rng: &mut Rng, sentences: usize) -> String {
    let mut out = String::new();
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        sentence(rng, &mut out);
    }
    out
}

/// An area name such as "Eastvale" or "Oakbrook", from the seed.
fn area_name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(AREA_HEADS), rng.pick(AREA_TAILS))
}

/// Formats pence as "£1,234.56".
fn pounds(pence: u64) -> String {
    let whole = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("£{grouped}.{:02}", pence % 100)
}

/// A clean arrangements document for the area chosen by `seed`, with `scale` organisations
/// beyond the fixed ones. Roughly 14 KB + 400 bytes per unit of scale.
pub fn document(seed: u64, scale: usize) -> String {
    let mut rng = Rng::new(seed);
    let area = area_name(&mut rng);
    let slug = area.to_lowercase();
    let site = format!("https://www.{slug}scp.example.org");
    let mut s = String::with_capacity(8_000 + scale * 420);
    let w = &mut s;

    // --- header and partnership ---------------------------------------------------------------
    let _ = writeln!(w, "#:schema ../schemas/arrangements.schema.json");
    let _ = writeln!(
        w,
        "# Generated by benches/support/corpus.rs (seed {seed}, scale {scale}): a fictional partnership."
    );
    let _ = writeln!(w, "schema_version = 1\n");
    let _ = writeln!(w, "[partnership]");
    let _ = writeln!(w, "name = \"{area} Safeguarding Children Partnership\"");
    let _ = writeln!(w, "areas = [\"{slug}-council\"]");
    let _ = writeln!(w, "area_description = \"The area of {area} Council.\"");
    let _ = writeln!(w, "guidance_edition = \"wt2026\"");
    let _ = writeln!(w, "published = 2024-09-27");
    let _ = writeln!(w, "updated = [2026-06-15]");
    let _ = writeln!(w, "agreed = 2026-06-10");
    let _ = writeln!(
        w,
        "agreed_by = \"The Lead Safeguarding Partners of {area}\""
    );
    let _ = writeln!(w, "url = \"{site}/arrangements\"");
    let _ = writeln!(w, "website = \"{site}\"");
    let _ = writeln!(w, "principles = [");
    for _ in 0..rng.between(2, 6) {
        let _ = writeln!(w, "  \"{}\",", prose(&mut rng, 2));
    }
    let _ = writeln!(w, "]");
    let _ = writeln!(
        w,
        "governance = \"Governance sits with the three safeguarding partners, within their own governance structures.\""
    );
    let _ = writeln!(w, "priorities = [");
    for _ in 0..rng.between(3, 8) {
        let theme = rng.pick(THEMES);
        let _ = writeln!(w, "  \"Children affected by {theme}\",");
    }
    let _ = writeln!(w, "]\n");
    for (version, date) in [("1.0", "2024-09-27"), ("1.1", "2026-06-15")] {
        let _ = writeln!(w, "[[partnership.versions]]");
        let _ = writeln!(w, "version = \"{version}\"");
        let _ = writeln!(w, "date = {date}");
        let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 1));
        let _ = writeln!(w, "approved_by = \"Lead Safeguarding Partners\"\n");
    }
    let _ = writeln!(w, "[[citations]]");
    let _ = writeln!(w, "edition = \"wt2026\"");
    let _ = writeln!(w, "reference = \"Chapter 2\"");
    let _ = writeln!(
        w,
        "text = \"These arrangements follow Working Together to Safeguard Children 2026 (Chapter 2)\"\n"
    );

    // --- organisations -------------------------------------------------------------------------
    let fixed_orgs: &[(&str, String, &str)] = &[
        ("council", format!("{area} Council"), "local_authority"),
        (
            "icb",
            format!("NHS {area} and Vale Integrated Care Board"),
            "integrated_care_board",
        ),
        ("police", format!("{area} Police"), "police"),
        (
            "hospitals",
            format!("{area} Hospitals NHS Foundation Trust"),
            "nhs_foundation_trust",
        ),
        (
            "education-settings",
            format!("All schools, colleges and early years settings in {area}"),
            "education_settings",
        ),
        (
            "youth-justice",
            format!("{area} Youth Justice Service"),
            "youth_justice",
        ),
        ("probation", "The Probation Service".into(), "probation"),
        ("cafcass", "Cafcass".into(), "cafcass"),
        (
            "review-panel",
            "Child Safeguarding Practice Review Panel".into(),
            "national_body",
        ),
        (
            "dfe-masa-unit",
            "Multi-Agency Safeguarding Arrangements Unit, Department for Education".into(),
            "government_department",
        ),
    ];
    for (id, name, kind) in fixed_orgs {
        let _ = writeln!(w, "[[organisations]]");
        let _ = writeln!(w, "id = \"{slug}-{id}\"");
        let _ = writeln!(w, "name = \"{name}\"");
        let _ = writeln!(w, "kind = \"{kind}\"\n");
    }
    for i in 0..scale {
        let (kind, ending) = AGENCY_KINDS[rng.below(AGENCY_KINDS.len())];
        let _ = writeln!(w, "[[organisations]]");
        let _ = writeln!(w, "id = \"{slug}-org-{i}\"");
        let _ = writeln!(w, "name = \"{} {} {ending} {i}\"", area, rng.pick(PLACES));
        let _ = writeln!(w, "kind = \"{kind}\"\n");
    }

    // --- roles ---------------------------------------------------------------------------------
    let fixed_roles: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "council-chief-executive",
            "Chief Executive",
            Some("council"),
            None,
        ),
        (
            "director-childrens-services",
            "Director of Children's Services",
            Some("council"),
            None,
        ),
        ("icb-chief-executive", "Chief Executive", Some("icb"), None),
        (
            "icb-chief-nursing-officer",
            "Chief Nursing Officer",
            Some("icb"),
            None,
        ),
        ("chief-constable", "Chief Constable", Some("police"), None),
        (
            "assistant-chief-constable",
            "Assistant Chief Constable",
            Some("police"),
            None,
        ),
        (
            "independent-scrutineer",
            "Independent Scrutineer",
            None,
            Some("independent_scrutineer"),
        ),
        (
            "business-manager",
            "Partnership Business Manager",
            Some("council"),
            Some("business_manager"),
        ),
    ];
    for (id, title, org, kind) in fixed_roles {
        let _ = writeln!(w, "[[roles]]");
        let _ = writeln!(w, "id = \"{id}\"");
        let _ = writeln!(w, "title = \"{title}\"");
        if let Some(org) = org {
            let _ = writeln!(w, "organisation = \"{slug}-{org}\"");
        }
        if let Some(kind) = kind {
            let _ = writeln!(w, "kind = \"{kind}\"");
        }
        w.push('\n');
    }
    let extra_roles = scale / 4;
    for i in 0..extra_roles {
        let _ = writeln!(w, "[[roles]]");
        let _ = writeln!(w, "id = \"role-{i}\"");
        let _ = writeln!(w, "title = \"Head of Safeguarding {i}\"");
        let _ = writeln!(w, "organisation = \"{slug}-org-{}\"\n", i % scale.max(1));
    }

    // --- partners, chair, scrutiny, business unit ----------------------------------------------
    for (org, lead, delegate) in [
        (
            "council",
            "council-chief-executive",
            "director-childrens-services",
        ),
        ("icb", "icb-chief-executive", "icb-chief-nursing-officer"),
        ("police", "chief-constable", "assistant-chief-constable"),
    ] {
        let _ = writeln!(w, "[[partners]]");
        let _ = writeln!(w, "organisation = \"{slug}-{org}\"");
        let _ = writeln!(w, "lead = \"{lead}\"");
        let _ = writeln!(w, "delegates = [\"{delegate}\"]\n");
    }
    let _ = writeln!(w, "[chair]");
    let _ = writeln!(w, "role = \"director-childrens-services\"");
    let _ = writeln!(
        w,
        "arrangement = \"Appointed jointly by the Lead Safeguarding Partners; the role rotates between the delegated safeguarding partners every two years.\"\n"
    );
    let _ = writeln!(w, "[independent_scrutiny]");
    let _ = writeln!(w, "scrutineer = \"independent-scrutineer\"");
    let _ = writeln!(w, "functions = [");
    let _ = writeln!(
        w,
        "  \"Provide safeguarding partners and relevant agencies with independent, rigorous, and effective support and challenge at both a strategic and operational level.\","
    );
    let _ = writeln!(
        w,
        "  \"Provide independent advice when there are disagreements between agencies and safeguarding partners and facilitate escalation procedures.\","
    );
    let _ = writeln!(w, "]");
    let _ = writeln!(w, "plan = \"{}\"", prose(&mut rng, 3));
    let _ = writeln!(w, "reports_to = [\"{slug}-strategic-board\"]\n");
    let _ = writeln!(w, "[business_unit]");
    let _ = writeln!(w, "host = \"{slug}-council\"");
    let _ = writeln!(w, "manager = \"business-manager\"");
    let _ = writeln!(
        w,
        "analytics = \"A data analyst maintains the agreed multi-agency data set.\""
    );
    let _ = writeln!(w, "description = \"{}\"\n", prose(&mut rng, 2));

    // --- what the arrangements cover -----------------------------------------------------------
    let _ = writeln!(w, "[working_together]");
    let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 3));
    let _ = writeln!(w, "groups = [\"{slug}-strategic-board\"]\n");
    let _ = writeln!(w, "[relevant_agencies]");
    let _ = writeln!(
        w,
        "review = \"Every year, at the partnership's development day.\""
    );
    let _ = writeln!(w, "description = \"{}\"\n", prose(&mut rng, 2));
    for org in [
        "hospitals",
        "education-settings",
        "youth-justice",
        "probation",
        "cafcass",
    ] {
        let _ = writeln!(w, "[[relevant_agencies.agencies]]");
        let _ = writeln!(w, "agency = \"{slug}-{org}\"\n");
    }
    for i in 0..scale {
        let _ = writeln!(w, "[[relevant_agencies.agencies]]");
        let _ = writeln!(w, "agency = \"{slug}-org-{i}\"\n");
    }
    let _ = writeln!(w, "[education]");
    let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 2));
    let _ = writeln!(w, "strategic_groups = [\"{slug}-strategic-board\"]");
    let _ = writeln!(w, "operational_groups = [\"{slug}-case-review-group\"]");
    let _ = writeln!(
        w,
        "mechanisms = [\"Termly forum for designated safeguarding leads\", \"A schools safeguarding newsletter\"]\n"
    );
    let _ = writeln!(w, "[early_years]");
    let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 1));
    let _ = writeln!(w, "groups = [\"{slug}-strategic-board\"]\n");
    let _ = writeln!(w, "[youth_custody]");
    let _ = writeln!(w, "establishments_in_area = 0");
    let _ = writeln!(
        w,
        "description = \"No youth custody establishment is in {area}; the Youth Justice Service follows children placed elsewhere.\"\n"
    );
    for section in ["residential_homes", "young_carers"] {
        let _ = writeln!(w, "[{section}]");
        let _ = writeln!(w, "description = \"{}\"\n", prose(&mut rng, 2));
    }
    // Fixed text, so the random stream (and every later section) is as before.
    let _ = writeln!(w, "[looked_after_children]");
    let _ = writeln!(
        w,
        "description = \"The arrangements cover every child looked after by the council.\"\n"
    );
    let _ = writeln!(w, "[voice]");
    let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 3));
    let _ = writeln!(w, "groups = [\"{slug}-voice-group\"]");
    let _ = writeln!(
        w,
        "mechanisms = [\"An annual children's conference\", \"Families invited to take part in every local review\"]\n"
    );
    let _ = writeln!(w, "[information_sharing]");
    let _ = writeln!(
        w,
        "description = \"Partners follow the seven golden rules for sharing information.\""
    );
    let _ = writeln!(
        w,
        "principles = [\"All children have a right to be protected from abuse and neglect.\"]\n"
    );
    let _ = writeln!(w, "[information_sharing.protocol]");
    let _ = writeln!(
        w,
        "title = \"Information sharing: advice for practitioners providing safeguarding services\""
    );
    let _ = writeln!(
        w,
        "url = \"https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice\"\n"
    );
    let _ = writeln!(w, "[performance]");
    let _ = writeln!(
        w,
        "framework = \"{area} multi-agency performance framework\""
    );
    let _ = writeln!(w, "groups = [\"{slug}-performance-group\"]");
    let _ = writeln!(w, "reviews_per_year = 4");
    let _ = writeln!(
        w,
        "disproportionality = \"Every measure is broken down by ethnicity.\"\n"
    );
    let _ = writeln!(w, "[audits]");
    let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 2));
    let _ = writeln!(w, "groups = [\"{slug}-performance-group\"]\n");
    let _ = writeln!(w, "[training]");
    let _ = writeln!(w, "provider = \"{slug}-council\"");
    for key in ["commissioning", "delivery", "evaluation"] {
        let _ = writeln!(w, "{key} = \"{}\"", prose(&mut rng, 1));
    }
    w.push('\n');
    let _ = writeln!(w, "[[threshold_documents]]");
    let _ = writeln!(w, "title = \"{area} Threshold Guidance\"");
    let _ = writeln!(w, "url = \"{site}/thresholds\"");
    let _ = writeln!(w, "date = 2024-09-01\n");
    let _ = writeln!(w, "[[procedures]]");
    let _ = writeln!(w, "title = \"{area} Interagency Safeguarding Procedures\"");
    let _ = writeln!(w, "url = \"{site}/procedures\"\n");

    // --- reviews, child death, disputes, reporting ---------------------------------------------
    let _ = writeln!(w, "[practice_reviews]");
    let _ = writeln!(w, "description = \"{}\"", prose(&mut rng, 2));
    let _ = writeln!(
        w,
        "learning = [\"Seven-minute briefings\", \"Multi-agency training\"]\n"
    );
    let _ = writeln!(w, "[practice_reviews.notification]");
    let _ = writeln!(w, "by = \"{slug}-council\"");
    let _ = writeln!(w, "working_days = 5\n");
    let _ = writeln!(w, "[practice_reviews.rapid_review]");
    let _ = writeln!(w, "working_days = 15");
    let _ = writeln!(w, "group = \"{slug}-case-review-group\"\n");
    let _ = writeln!(w, "[practice_reviews.local_reviews]");
    let _ = writeln!(
        w,
        "decided_by = \"The delegated safeguarding partners, on the Case Review Group's recommendation.\""
    );
    let _ = writeln!(w, "group = \"{slug}-case-review-group\"");
    let _ = writeln!(w, "reviewer_appointed_by = \"The safeguarding partners\"");
    let _ = writeln!(w, "sent_days_before_publication = 7");
    let _ = writeln!(w, "publication = \"publish\"");
    let _ = writeln!(w, "kept_available_years = 1");
    let _ = writeln!(w, "target_months = 6\n");
    let _ = writeln!(w, "[practice_reviews.process]");
    let _ = writeln!(w, "title = \"{area} case review process\"");
    let _ = writeln!(w, "url = \"{site}/case-reviews\"\n");
    let _ = writeln!(w, "[child_death_review]");
    let _ = writeln!(w, "partners = [\"{slug}-council\", \"{slug}-icb\"]");
    let _ = writeln!(
        w,
        "description = \"The {area} Child Death Overview Panel reviews every death of a child normally resident in {area}, and can refer cases to the partnership.\"\n"
    );
    let _ = writeln!(w, "[dispute_resolution]");
    let _ = writeln!(w, "forum = \"{slug}-strategic-board\"");
    let _ = writeln!(w, "description = \"{}\"\n", prose(&mut rng, 2));
    let _ = writeln!(w, "[dispute_resolution.procedure]");
    let _ = writeln!(w, "title = \"{area} Escalation and Resolution Process\"");
    let _ = writeln!(w, "url = \"{site}/escalation\"\n");
    let _ = writeln!(w, "[whistleblowing]");
    let _ = writeln!(w, "description = \"{}\"\n", prose(&mut rng, 1));
    let _ = writeln!(w, "[[whistleblowing.links]]");
    let _ = writeln!(w, "title = \"Whistleblowing procedure\"");
    let _ = writeln!(w, "url = \"{site}/whistleblowing\"\n");
    let _ = writeln!(w, "[yearly_report]");
    let _ = writeln!(w, "published_on = \"The partnership's website\"");
    let _ = writeln!(
        w,
        "contents = [\n  \"partner_contributions\", \"scrutiny_themes\", \"impact_evidence\", \"little_progress\",\n  \"serious_incident_learning\", \"key_decisions\", \"children_families_feedback\", \"costs_breakdown\",\n  \"education_representation\", \"data_and_information_sharing\", \"scrutiny_impact_review\",\n  \"arrangement_updates\", \"national_reforms\",\n]\n"
    );
    for org in ["review-panel", "dfe-masa-unit"] {
        let _ = writeln!(w, "[[yearly_report.recipients]]");
        let _ = writeln!(w, "organisation = \"{slug}-{org}\"");
        let _ = writeln!(w, "within_days = 7\n");
    }
    let _ = writeln!(w, "[yearly_report.latest]");
    let _ = writeln!(w, "period = \"2025/26\"");
    let _ = writeln!(w, "published = 2026-09-25");
    let _ = writeln!(w, "url = \"{site}/yearly-report-2025-26\"\n");

    // --- funding: exact sums, percentages to two places -----------------------------------------
    let mut lines: Vec<(String, u64)> = vec![
        (
            format!("{slug}-council"),
            100 * rng.between(60_000, 200_000) as u64,
        ),
        (
            format!("{slug}-icb"),
            100 * rng.between(30_000, 120_000) as u64,
        ),
        (
            format!("{slug}-police"),
            100 * rng.between(15_000, 80_000) as u64,
        ),
    ];
    for i in (0..scale).step_by(3) {
        let pence = 100 * rng.between(500, 25_000) as u64 + rng.below(100) as u64;
        lines.push((format!("{slug}-org-{i}"), pence));
    }
    let total: u64 = lines.iter().map(|(_, p)| p).sum();
    let _ = writeln!(w, "[funding]");
    let _ = writeln!(w, "financial_year = \"2026/27\"");
    let _ = writeln!(w, "unit = \"pounds\"");
    let _ = writeln!(w, "stated_total = \"{}\"", pounds(total));
    let _ = writeln!(
        w,
        "basis = \"Per year, including the Business Unit and multi-agency training.\"\n"
    );
    for (org, pence) in &lines {
        let _ = writeln!(w, "[[funding.contributions]]");
        let _ = writeln!(w, "organisation = \"{org}\"");
        let _ = writeln!(w, "amount = \"{}\"", pounds(*pence));
        // Rounded to two places: within half a unit of the last place, as the rule allows.
        let hundredths = (pence * 10_000 * 2 + total) / (2 * total);
        let _ = writeln!(
            w,
            "stated_percent = {}.{:02}\n",
            hundredths / 100,
            hundredths % 100
        );
    }

    // --- groups --------------------------------------------------------------------------------
    let fixed_groups: &[(&str, &str, &str, u32, Option<&str>)] = &[
        (
            "strategic-board",
            "Strategic Board",
            "director-childrens-services",
            4,
            None,
        ),
        (
            "performance-group",
            "Performance Group",
            "icb-chief-nursing-officer",
            4,
            Some("strategic-board"),
        ),
        (
            "case-review-group",
            "Case Review Group",
            "assistant-chief-constable",
            12,
            Some("strategic-board"),
        ),
        (
            "voice-group",
            "Voice of the Child Group",
            "director-childrens-services",
            4,
            Some("strategic-board"),
        ),
    ];
    for (id, name, chair, meetings, reports_to) in fixed_groups {
        let _ = writeln!(w, "[[groups]]");
        let _ = writeln!(w, "id = \"{slug}-{id}\"");
        let _ = writeln!(w, "name = \"{area} {name}\"");
        let _ = writeln!(w, "scope = \"local\"");
        let _ = writeln!(w, "chair = \"{chair}\"");
        let _ = writeln!(w, "meetings_per_year = {meetings}");
        match reports_to {
            Some(r) => {
                let _ = writeln!(w, "reports_to = \"{slug}-{r}\"");
            }
            None => {
                let _ = writeln!(w, "purpose = \"{}\"", prose(&mut rng, 2));
            }
        }
        w.push('\n');
    }
    for i in 0..scale / 5 {
        let theme = THEMES[i % THEMES.len()];
        let theme = format!("{}{}", theme[..1].to_uppercase(), &theme[1..]);
        let _ = writeln!(w, "[[groups]]");
        let _ = writeln!(w, "id = \"{slug}-group-{i}\"");
        // Named like real groups ("… Group"), which the group-name rule looks for in the text.
        let _ = writeln!(w, "name = \"{area} Locality {i} {theme} Group\"");
        let _ = writeln!(w, "scope = \"local\"");
        if extra_roles > 0 {
            let _ = writeln!(w, "chair = \"role-{}\"", i % extra_roles);
        }
        let _ = writeln!(w, "meetings_per_year = {}", rng.between(2, 12));
        let parent = if i == 0 || rng.chance(30) {
            format!("{slug}-strategic-board")
        } else {
            format!("{slug}-group-{}", rng.below(i))
        };
        let _ = writeln!(w, "reports_to = \"{parent}\"");
        let sentences = rng.between(1, 3);
        let _ = writeln!(w, "purpose = \"{}\"", prose(&mut rng, sentences));
        if scale > 0 {
            let members: Vec<String> = (0..rng.between(1, 4))
                .map(|_| format!("\"{slug}-org-{}\"", rng.below(scale)))
                .collect();
            let _ = writeln!(w, "members = [{}]", members.join(", "));
        }
        w.push('\n');
    }

    // --- other sections: long prose, like the real documents ------------------------------------
    for i in 0..scale / 10 {
        let _ = writeln!(w, "[[other_sections]]");
        let _ = writeln!(w, "heading = \"Local practice note {i}\"");
        let sentences = rng.between(2, 6);
        let _ = writeln!(w, "text = \"{}\"", prose(&mut rng, sentences));
        if rng.chance(40) {
            let _ = writeln!(w, "items = [");
            for _ in 0..rng.between(2, 5) {
                let _ = writeln!(w, "  \"{}\",", prose(&mut rng, 1));
            }
            let _ = writeln!(w, "]");
        }
        w.push('\n');
    }

    // --- sign-off ------------------------------------------------------------------------------
    for (role, initial, org) in [
        ("council-chief-executive", "A", "council"),
        ("icb-chief-executive", "B", "icb"),
        ("chief-constable", "C", "police"),
    ] {
        let _ = writeln!(w, "[[signatures]]");
        let _ = writeln!(w, "role = \"{role}\"");
        let _ = writeln!(w, "name = \"{initial}. Example\"");
        let _ = writeln!(w, "organisation = \"{slug}-{org}\"");
        let _ = writeln!(w, "date = 2026-06-10\n");
    }
    s
}

/// Replaces the `n`-th occurrence (0-based, wrapping round) of `pattern` with `with`.
fn replace_nth(text: &str, pattern: &str, with: &str, n: usize) -> String {
    let hits: Vec<usize> = text.match_indices(pattern).map(|(i, _)| i).collect();
    assert!(!hits.is_empty(), "pattern {pattern:?} not in the document");
    let at = hits[n % hits.len()];
    format!("{}{with}{}", &text[..at], &text[at + pattern.len()..])
}

/// Introduces `flaw` into a clean document, at a place chosen by `seed`.
pub fn with_flaw(clean: &str, flaw: Flaw, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0xF1A5);
    let k = rng.below(1 << 16);
    match flaw {
        Flaw::None => clean.to_owned(),
        // The closing quote of a name goes missing.
        Flaw::Syntax => {
            let at = clean.match_indices("\nname = \"").count();
            let i = clean
                .match_indices("\nname = \"")
                .nth(k % at)
                .map(|(i, _)| i + 1)
                .expect("a name");
            let end = i + clean[i..].find('\n').expect("line end");
            format!("{}{}", &clean[..end - 1], &clean[end..])
        }
        Flaw::UnknownKey => replace_nth(clean, "\npublished = ", "\npublshed = ", 0),
        Flaw::WrongType => replace_nth(
            clean,
            "\nmeetings_per_year = 4\n",
            "\nmeetings_per_year = \"four\"\n",
            k,
        ),
        Flaw::BadEnum => replace_nth(clean, "kind = \"police\"", "kind = \"constabulary\"", 0),
        Flaw::UnknownReference => {
            let hits: Vec<usize> = clean
                .match_indices("\nagency = \"")
                .map(|(i, _)| i)
                .collect();
            let at = hits[k % hits.len()] + "\nagency = \"".len();
            let end = at + clean[at..].find('"').expect("closing quote");
            format!("{}{}s{}", &clean[..at], &clean[at..end], &clean[end..])
        }
        Flaw::DuplicateId => {
            // The police force is declared again with the council's id.
            let council = clean
                .match_indices("\nid = \"")
                .next()
                .map(|(i, _)| i + "\nid = \"".len())
                .expect("an id");
            let council_id = &clean[council..council + clean[council..].find('"').expect("id")];
            let police_decl = clean.find("-police\"\nname").expect("police declaration");
            let start = clean[..police_decl].rfind("\"").expect("quote") + 1;
            format!(
                "{}{council_id}{}",
                &clean[..start],
                &clean[police_decl + "-police".len()..]
            )
        }
        Flaw::FundingTotal => {
            let at = clean.find("\nstated_total = \"£").expect("stated total")
                + "\nstated_total = \"£".len();
            let end = at + clean[at..].find('"').expect("closing quote");
            let total: u64 = clean[at..end]
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .expect("digits");
            format!(
                "{}{}{}",
                &clean[..at - "£".len()],
                pounds(total + 100 * (1 + rng.below(999) as u64)),
                &clean[end..]
            )
        }
        Flaw::PlaceholderLink => {
            let at = clean.find("procedures\"\n").expect("procedures url");
            let start = clean[..at].rfind('"').expect("opening quote") + 1;
            format!("{}#{}", &clean[..start], &clean[at + "procedures".len()..])
        }
    }
}

/// How big the documents of a corpus are: a share of small, medium, large and very large
/// partnerships (scale = extra organisations).
fn scale_for(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..=59 => rng.between(0, 12),    // small: 14–19 KB
        60..=94 => rng.between(12, 60),  // medium, like the real files: 19–38 KB
        95..=98 => rng.between(60, 400), // large: 38–175 KB
        _ => rng.between(400, 2_500),    // very large: 175 KB–1 MB
    }
}

/// The flaw of the `i`-th file of a corpus: 80 % clean, the rest spread over every kind.
fn flaw_for(rng: &mut Rng) -> Flaw {
    match rng.below(100) {
        0..=79 => Flaw::None,
        n => Flaw::ALL[1 + (n - 80) % (Flaw::ALL.len() - 1)],
    }
}

/// Sizes like the real documents only (scale 0–60: 14–38 KB; the real files are 13–70 KB).
fn realistic_scale_for(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..=59 => rng.between(0, 12),
        _ => rng.between(12, 60),
    }
}

/// One file of a corpus.
#[derive(Debug, Clone)]
pub struct File {
    /// A file name, unique in the corpus: `00042-medium-clean.toml`.
    pub name: String,
    /// Its text.
    pub text: String,
    /// What is wrong with it.
    pub flaw: Flaw,
    /// Its scale (extra organisations).
    pub scale: usize,
}

/// A corpus of `count` files of mixed sizes (60 % small, 35 % medium, 4 % large, 1 % very
/// large), 80 % clean and 20 % with one flaw each.
pub fn corpus(count: usize, seed: u64) -> Vec<File> {
    corpus_sized(count, seed, scale_for)
}

/// A corpus of `count` files of the sizes of real documents (no large or very large ones),
/// 80 % clean and 20 % with one flaw each.
pub fn realistic_corpus(count: usize, seed: u64) -> Vec<File> {
    corpus_sized(count, seed, realistic_scale_for)
}

fn corpus_sized(count: usize, seed: u64, scale_for: fn(&mut Rng) -> usize) -> Vec<File> {
    (0..count)
        .map(|i| {
            let file_seed = seed.wrapping_mul(1_000_003).wrapping_add(i as u64);
            let mut rng = Rng::new(file_seed);
            let scale = scale_for(&mut rng);
            let flaw = flaw_for(&mut rng);
            let text = with_flaw(&document(file_seed, scale), flaw, file_seed);
            File {
                name: format!("{i:05}-s{scale}-{}.toml", flaw.name()),
                text,
                flaw,
                scale,
            }
        })
        .collect()
}

/// `count` clean files of mixed sizes (the same sizes as [`corpus`]).
pub fn clean_corpus(count: usize, seed: u64) -> Vec<File> {
    clean_sized(count, seed, scale_for)
}

/// `count` clean files of the sizes of real documents (the same sizes as [`realistic_corpus`]).
pub fn realistic_clean_corpus(count: usize, seed: u64) -> Vec<File> {
    clean_sized(count, seed, realistic_scale_for)
}

fn clean_sized(count: usize, seed: u64, scale_for: fn(&mut Rng) -> usize) -> Vec<File> {
    (0..count)
        .map(|i| {
            let file_seed = seed.wrapping_mul(1_000_003).wrapping_add(i as u64);
            let mut rng = Rng::new(file_seed);
            let scale = scale_for(&mut rng);
            File {
                name: format!("{i:05}-s{scale}-clean.toml"),
                text: document(file_seed, scale),
                flaw: Flaw::None,
                scale,
            }
        })
        .collect()
}

/// A clean document of about `bytes` bytes (at least the smallest document, ~14 KB).
pub fn document_of_size(seed: u64, bytes: usize) -> String {
    let base = document(seed, 0).len();
    let per_unit = (document(seed, 100).len() - base) / 100;
    let scale = bytes.saturating_sub(base) / per_unit.max(1);
    document(seed, scale)
}

/// Northmoor with `n` unknown keys in `[partnership]`: `n` structural findings in one table.
pub fn unknown_keys(n: usize) -> String {
    let base = northmoor();
    let keys: String = (0..n).map(|i| format!("unknown_key_{i} = {i}\n")).collect();
    base.replacen("[partnership]\n", &format!("[partnership]\n{keys}"), 1)
}

/// Northmoor with `n` more organisations, each with a `kind` the format does not have: `n`
/// structural findings, each in its own table of one list (each such organisation is cut).
pub fn invalid_kinds(n: usize) -> String {
    let mut text = northmoor();
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[organisations]]\nid = \"extra-organisation-{i}\"\nname = \"Extra Organisation {i}\"\nkind = \"not-a-kind\"\n"
        );
    }
    text
}

/// Northmoor with `ids` more organisations and `references` references to ids that are not
/// declared, each one typo away from a declared one (every one gets a "did you mean").
pub fn unknown_references(ids: usize, references: usize) -> String {
    let mut text = northmoor();
    let refs: String = (0..references)
        .map(|i| format!(",\n  \"organisation-numbr-{}\"", i % ids.max(1)))
        .collect();
    text = text.replacen(
        "areas = [\"northmoor-council\"]",
        &format!("areas = [\"northmoor-council\"{refs}\n]"),
        1,
    );
    for i in 0..ids {
        let _ = write!(
            text,
            "\n[[organisations]]\nid = \"organisation-number-{i}\"\nname = \"Organisation Number {i}\"\nkind = \"school\"\n"
        );
    }
    text
}

/// The Northmoor example, the base of the error-heavy documents.
fn northmoor() -> String {
    include_str!("../../arrangements/example/northmoor.toml").to_owned()
}
