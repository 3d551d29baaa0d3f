//! The typed model of one partnership's multi-agency safeguarding arrangements.
//!
//! The doc comments here become the JSON Schema descriptions that a policy lead sees in
//! the editor, so they are written for them: what the field means and how to fill it in.
//!
//! Conventions of the format:
//! - organisations, roles (people and posts) and groups are declared once, each with an
//!   `id`, and everything else refers to them by id;
//! - sections the guidance asks for are optional in the *format*, so that a missing section
//!   is reported by the rule that requires it, with the paragraph cited;
//! - free text keeps the document's own words; every checkable fact is a typed field.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::spanned::{Spanned, Text};
use super::values::{Date, Day, FinancialYear, Id, Money, Percent};

/// One partnership's multi-agency safeguarding arrangements, as published.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "masa: multi-agency safeguarding arrangements")]
pub struct Arrangements {
    /// Version of this file format. Currently `1`.
    #[schemars(range(min = 1, max = 1))]
    pub schema_version: Spanned<u32>,

    /// Who the partnership is, the area it covers, the guidance it follows and its dates.
    pub partnership: Spanned<Partnership>,

    /// Every organisation the document names, declared once. Everything else refers to an
    /// organisation by its `id`.
    #[serde(default)]
    pub organisations: Vec<Spanned<Organisation>>,

    /// People and posts the document names (a chief executive, the independent scrutineer, a
    /// lay member…), declared once. These are not organisations.
    #[serde(default)]
    pub roles: Vec<Spanned<Role>>,

    /// The three statutory safeguarding partners (local authority, integrated care board,
    /// chief officer of police), each with its lead and delegated safeguarding partners.
    #[serde(default)]
    pub partners: Vec<Spanned<Partner>>,

    /// The partnership chair.
    pub chair: Option<Spanned<Chair>>,

    /// How the arrangements are independently scrutinised (Children Act 2004 s.16G(3)).
    pub independent_scrutiny: Option<Spanned<IndependentScrutiny>>,

    /// The business management function that supports the partnership chair.
    pub business_unit: Option<Spanned<BusinessUnit>>,

    /// The relevant agencies the safeguarding partners work with (Children Act 2004 s.16E).
    pub relevant_agencies: Option<Spanned<RelevantAgencies>>,

    /// How schools, colleges and other education settings are included.
    pub education: Option<Spanned<Education>>,

    /// How early years and childcare settings are included.
    pub early_years: Option<Spanned<Section>>,

    /// How youth custody is included.
    pub youth_custody: Option<Spanned<YouthCustody>>,

    /// How residential homes for children are included.
    pub residential_homes: Option<Spanned<Section>>,

    /// How young carers are considered.
    pub young_carers: Option<Spanned<Section>>,

    /// How the arrangements cover children who are looked after (in the care of the local
    /// authority). Working Together 2026 makes explicit that the arrangements' responsibilities
    /// include them (chapter 2, as summarised by the Department for Education; the paragraph is
    /// not verified).
    pub looked_after_children: Option<Spanned<Section>>,

    /// How the arrangements include the voice of children and families.
    pub voice: Option<Spanned<Section>>,

    /// How the safeguarding partners work together to identify and respond to the needs of
    /// children in the area (Children Act 2004 s.16E(2)).
    pub working_together: Option<Spanned<Section>>,

    /// How information is shared safely and effectively.
    pub information_sharing: Option<Spanned<InformationSharing>>,

    /// How data and intelligence are used to assess the effectiveness of help provided.
    pub performance: Option<Spanned<Performance>>,

    /// The programme of multi-agency audits.
    pub audits: Option<Spanned<Section>>,

    /// How multi-agency training is commissioned, delivered and evaluated.
    pub training: Option<Spanned<Training>>,

    /// The local threshold document(s): the criteria for action.
    #[serde(default)]
    pub threshold_documents: Vec<Spanned<Link>>,

    /// Other published procedures the document points to (interagency procedures, escalation…).
    #[serde(default)]
    pub procedures: Vec<Spanned<Link>>,

    /// Other documents and pages the text links to where no section has a place for them
    /// (guidance, national bodies, local strategies, a linked heading). Say where each appears
    /// with `appears_in`.
    #[serde(default)]
    pub links: Vec<Spanned<Link>>,

    /// Serious incident notification, rapid reviews and local child safeguarding practice reviews.
    pub practice_reviews: Option<Spanned<PracticeReviews>>,

    /// The child death review partners and arrangements (Children Act 2004 s.16M–16Q).
    pub child_death_review: Option<Spanned<ChildDeathReview>>,

    /// How disputes between agencies are escalated and resolved.
    pub dispute_resolution: Option<Spanned<DisputeResolution>>,

    /// The whistleblowing procedure.
    pub whistleblowing: Option<Spanned<Section>>,

    /// The yearly report (Children Act 2004 s.16G(7)).
    pub yearly_report: Option<Spanned<YearlyReport>>,

    /// How the arrangements are funded.
    pub funding: Option<Spanned<Funding>>,

    /// The boards, groups and subgroups of the partnership's structure (and any pan-area groups
    /// it takes part in).
    #[serde(default)]
    pub groups: Vec<Spanned<Group>>,

    /// Where the document cites an edition of Working Together, and how.
    #[serde(default)]
    pub citations: Vec<Spanned<Citation>>,

    /// The signatures of the lead safeguarding partners.
    #[serde(default)]
    pub signatures: Vec<Spanned<Signature>>,

    /// Multi-agency child protection teams (Children Act 2004 s.16EA, inserted by the Children's
    /// Wellbeing and Schools Act 2026 s.3; not yet in force).
    #[serde(default)]
    pub child_protection_teams: Vec<Spanned<ChildProtectionTeam>>,

    /// Lint levels for this document: `rule-id = "warn"` or `"deny"`, or
    /// `rule-id = { level = "allow", reason = "why it does not apply" }`. An `allow` must say why.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": super::values::ID_PATTERN }))]
    pub lints: std::collections::BTreeMap<Spanned<String>, Spanned<super::LintSetting>>,

    /// Anything else the document says that no section above covers, kept so that the file
    /// is a complete record of the published document.
    #[serde(default)]
    pub other_sections: Vec<Spanned<OtherSection>>,
}

/// A multi-agency child protection team.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildProtectionTeam {
    /// The team's name.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// Its members.
    #[serde(default)]
    pub members: Vec<Spanned<TeamMember>>,
}

/// A member of a multi-agency child protection team.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// The member's role, e.g. "social worker", "registered health professional".
    #[schemars(length(min = 1))]
    pub role: Text,
    /// The organisation that nominates them (an organisation id).
    pub nominated_by: Option<Spanned<Id>>,
}

/// A part of the document that no other section covers.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherSection {
    /// The heading, as published.
    #[schemars(length(min = 1))]
    pub heading: Text,
    /// The text, as published.
    pub text: Option<Text>,
    /// The points listed, as published.
    #[serde(default)]
    pub items: Vec<Text>,
}

/// Who the partnership is, the area it covers, the guidance it follows and its dates.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// The name of the arrangements, as published.
    #[schemars(
        length(min = 1),
        example = "Central Bedfordshire Safeguarding Children Partnership"
    )]
    pub name: Text,

    /// Other names the document uses for the partnership or its arrangements, as written
    /// ("CBSCP", "the MASA").
    #[serde(default)]
    pub also_called: Vec<Text>,

    /// What this file records: the arrangements themselves (the default), or another document
    /// the partnership publishes beside them, such as its web page. Each published document is
    /// its own file; a document beside the arrangements never stands in for them in the checks
    /// across files.
    pub document: Option<Spanned<DocumentKind>>,

    /// The id other partnerships' files use for this partnership (there, an organisation of
    /// kind `safeguarding_partnership`), so that checks across files can find its own
    /// definition of the groups they describe.
    pub id: Option<Spanned<Id>>,

    /// The local authority areas covered: the ids of the local authority organisations.
    #[serde(default)]
    pub areas: Vec<Spanned<Id>>,

    /// The geographical area as the document describes it.
    pub area_description: Option<Text>,

    /// Whether two or more local authority areas have agreed to be treated as one
    /// (Children Act 2004 s.16J).
    pub combined_areas: Option<Spanned<bool>>,

    /// The edition of Working Together to Safeguard Children the arrangements follow.
    pub guidance_edition: Option<Spanned<Edition>>,

    /// When the arrangements were first published.
    pub published: Option<Spanned<Date>>,

    /// When the published arrangements were later updated.
    #[serde(default)]
    pub updated: Vec<Spanned<Date>>,

    /// When the lead safeguarding partners agreed the arrangements.
    pub agreed: Option<Spanned<Date>>,

    /// Who agreed the arrangements, in the document's words.
    pub agreed_by: Option<Text>,

    /// Where the arrangements are published (a web address).
    pub url: Option<Text>,

    /// The document that replaced these arrangements, when they are kept only as a record (its
    /// title, file or address). masa then judges them as at their own date (or, undated, as at
    /// the start of the guidance edition they follow), never as in force today, and leaves them
    /// out of the checks across files.
    pub superseded_by: Option<Text>,

    /// Where the arrangements are published, in words, when no web address is known
    /// (e.g. "the partnership's page on the council website").
    pub published_on: Option<Text>,

    /// The partnership's website.
    pub website: Option<Text>,

    /// The document's version history.
    #[serde(default)]
    pub versions: Vec<Spanned<Version>>,

    /// The principles of the partnership, as listed.
    #[serde(default)]
    pub principles: Vec<Text>,

    /// How governance works, in the document's words.
    pub governance: Option<Text>,

    /// The partnership's priorities or "golden threads", as listed.
    #[serde(default)]
    pub priorities: Vec<Text>,
}

/// What a file records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The published arrangements themselves.
    #[default]
    Arrangements,
    /// The partnership's web page, published beside the arrangements (it describes them and
    /// links to them, but is not them).
    WebPage,
}

/// An edition of *Working Together to Safeguard Children*.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    /// Working Together to Safeguard Children 2018.
    Wt2018,
    /// Working Together to Safeguard Children 2023.
    Wt2023,
    /// Working Together to Safeguard Children 2026.
    Wt2026,
}

/// One entry of the version history.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// The version number as published, e.g. "2.1".
    pub version: Text,
    /// When this version was made.
    pub date: Option<Spanned<Date>>,
    /// What changed.
    pub description: Option<Text>,
    /// Who approved it, in the document's words.
    pub approved_by: Option<Text>,
}

/// An organisation named in the document.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The id other parts of the file use for this organisation.
    pub id: Spanned<Id>,
    /// The organisation's name as the document gives it.
    #[schemars(length(min = 1), regex(pattern = crate::model::values::NAME_PATTERN))]
    pub name: Text,
    /// What kind of body it is.
    pub kind: Spanned<OrganisationKind>,
    /// Other names the document uses for the same organisation.
    #[serde(default)]
    pub also_called: Vec<Text>,
    /// The organisation this one is a part of (an organisation id), when the document names a
    /// part: a district, an office, a police command unit, a hospital of a trust.
    pub part_of: Option<Spanned<Id>>,
}

/// What kind of body an organisation is. The kinds follow the statutory safeguarding partners
/// and the Schedule of relevant agencies (SI 2018/789).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A local authority (county, unitary or London borough council).
    LocalAuthority,
    /// An integrated care board.
    IntegratedCareBoard,
    /// A clinical commissioning group (abolished 1 July 2022).
    ClinicalCommissioningGroup,
    /// A police force (its chief officer is the safeguarding partner).
    Police,
    /// NHS England.
    NhsEngland,
    /// An NHS trust.
    NhsTrust,
    /// An NHS foundation trust.
    NhsFoundationTrust,
    /// A school (academy, maintained, independent or non-maintained special).
    School,
    /// A college or 16-19 academy, or another further education institution.
    College,
    /// Education settings as a class ("all schools and colleges in the area").
    EducationSettings,
    /// An alternative provision academy or pupil referral unit.
    AlternativeProvision,
    /// A higher education provider.
    HigherEducation,
    /// An early years or childcare provider.
    EarlyYears,
    /// A provider of education or training funded by the Secretary of State.
    TrainingProvider,
    /// A children's centre.
    ChildrensCentre,
    /// An adoption agency or adoption support agency.
    AdoptionAgency,
    /// A fostering agency.
    FosteringAgency,
    /// A provider of children's homes.
    ChildrensHome,
    /// A residential family centre.
    ResidentialFamilyCentre,
    /// A district council.
    DistrictCouncil,
    /// Cafcass (Children and Family Court Advisory and Support Service).
    Cafcass,
    /// A prison.
    Prison,
    /// A provider of probation services.
    Probation,
    /// A secure training centre, secure college or young offender institution.
    YouthCustody,
    /// A youth offending team or youth justice service.
    YouthJustice,
    /// British Transport Police.
    BritishTransportPolice,
    /// A port police force.
    PortPolice,
    /// A body carrying out immigration and border functions.
    Immigration,
    /// A charity or voluntary and community sector organisation.
    VoluntarySector,
    /// A religious organisation.
    ReligiousOrganisation,
    /// A sports or leisure body.
    SportLeisure,
    /// A fire and rescue service.
    FireAndRescue,
    /// A government department (e.g. the Department for Work and Pensions).
    GovernmentDepartment,
    /// A national body (e.g. the Child Safeguarding Practice Review Panel).
    NationalBody,
    /// Another safeguarding children partnership.
    SafeguardingPartnership,
    /// A child death overview panel.
    ChildDeathOverviewPanel,
    /// Anything else.
    Other,
}

/// A person or post the document names.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The id other parts of the file use for this role.
    pub id: Spanned<Id>,
    /// The title as published, e.g. "Chief Executive".
    #[schemars(length(min = 1))]
    pub title: Text,
    /// The person's name, where the document gives it.
    pub name: Option<Text>,
    /// The organisation the post belongs to, if any.
    pub organisation: Option<Spanned<Id>>,
    /// What kind of role it is, where that matters to the guidance.
    pub kind: Option<Spanned<RoleKind>>,
    /// Other titles the document uses for the same post, as written ("DCS", "the Independent
    /// Chair").
    #[serde(default)]
    pub also_called: Vec<Text>,
}

/// Roles the guidance treats specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// The independent scrutineer (Children Act 2004 s.16G(3)).
    IndependentScrutineer,
    /// A lay member.
    LayMember,
    /// The partnership's business manager.
    BusinessManager,
    /// Several people acting together, e.g. "the delegated safeguarding partners".
    Collective,
    /// Any other post.
    Other,
}

/// A statutory safeguarding partner.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner organisation: a local authority, an integrated care board or a police force.
    pub organisation: Spanned<Id>,
    /// The lead safeguarding partner (a role id): the head of the organisation.
    pub lead: Option<Spanned<Id>>,
    /// The delegated safeguarding partners (role ids).
    #[serde(default)]
    pub delegates: Vec<Spanned<Id>>,
}

/// The partnership chair.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chair {
    /// The role that chairs the partnership (a role id), or, for joint chairs, a list of
    /// role ids.
    pub role: RoleIds,
    /// The vice-chair (a role id), or a list of role ids.
    pub vice_chair: Option<RoleIds>,
    /// How the chair is appointed or rotated, in the document's words.
    pub arrangement: Option<Text>,
    /// The chair's functions, as listed.
    #[serde(default)]
    pub functions: Vec<Text>,
}

/// Independent scrutiny of the arrangements.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndependentScrutiny {
    /// Who carries out the scrutiny (a role id).
    pub scrutineer: Option<Spanned<Id>>,
    /// The scrutineer's employer (an organisation id), where stated.
    pub employer: Option<Spanned<Id>>,
    /// The functions of the scrutiny role, as listed.
    #[serde(default)]
    pub functions: Vec<Text>,
    /// The plan or cycle of scrutiny: what will be scrutinised, how and how often.
    pub plan: Option<Text>,
    /// Anything else the document says about scrutiny.
    pub description: Option<Text>,
    /// The groups scrutiny findings are reported to (group ids).
    #[serde(default)]
    pub reports_to: Vec<Spanned<Id>>,
}

/// The business management function.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessUnit {
    /// The organisation that hosts it.
    pub host: Option<Spanned<Id>>,
    /// Its manager (a role id).
    pub manager: Option<Spanned<Id>>,
    /// Intelligence and analytical capacity, in the document's words.
    pub analytics: Option<Text>,
    /// What the document says about it.
    pub description: Option<Text>,
}

/// The relevant agencies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelevantAgencies {
    /// When and how the list is reviewed, in the document's words.
    pub review: Option<Text>,
    /// Why these agencies were chosen and how they work together.
    pub description: Option<Text>,
    /// The agencies, in the order listed.
    #[serde(default)]
    pub agencies: Vec<Spanned<RelevantAgency>>,
}

/// One entry of the list of relevant agencies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelevantAgency {
    /// The organisation (or, where the document lists a person, the role) listed.
    pub agency: Spanned<Id>,
    /// The entry in the document's own words.
    pub listed_as: Option<Text>,
}

/// A section the guidance asks the arrangements to describe.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What the document says.
    pub description: Option<Text>,
    /// The groups responsible (group ids).
    #[serde(default)]
    pub groups: Vec<Spanned<Id>>,
    /// The mechanisms, activities or points listed.
    #[serde(default)]
    pub mechanisms: Vec<Text>,
    /// Published documents the section links to.
    #[serde(default)]
    pub links: Vec<Spanned<Link>>,
}

/// How education is included.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// What the document says.
    pub description: Option<Text>,
    /// Groups where education is represented at a strategic level (group ids).
    #[serde(default)]
    pub strategic_groups: Vec<Spanned<Id>>,
    /// Groups where education is represented at an operational level (group ids).
    #[serde(default)]
    pub operational_groups: Vec<Spanned<Id>>,
    /// The mechanisms listed (forums, newsletters, audits…).
    #[serde(default)]
    pub mechanisms: Vec<Text>,
}

/// How youth custody is included.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YouthCustody {
    /// The number of youth custody establishments in the area.
    pub establishments_in_area: Option<Spanned<u32>>,
    /// What the document says.
    pub description: Option<Text>,
}

/// How information is shared.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InformationSharing {
    /// What the document says.
    pub description: Option<Text>,
    /// The principles followed (e.g. the seven golden rules), as listed.
    #[serde(default)]
    pub principles: Vec<Text>,
    /// The information sharing protocol or advice followed.
    pub protocol: Option<Spanned<Link>>,
    /// How data are shared between the partners and agencies (data-sharing agreements, shared
    /// systems, what is shared and how often), in the document's words.
    pub data_sharing: Option<Text>,
}

/// How data and intelligence are used.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Performance {
    /// The agreed data set or performance framework.
    pub framework: Option<Text>,
    /// The groups that review it (group ids).
    #[serde(default)]
    pub groups: Vec<Spanned<Id>>,
    /// How many times a year it is reviewed.
    pub reviews_per_year: Option<Spanned<u32>>,
    /// What the document says.
    pub description: Option<Text>,
    /// How information and data are analysed to identify disproportionality and racism (for
    /// example, outcomes broken down by ethnicity), in the document's words.
    pub disproportionality: Option<Text>,
}

/// Multi-agency training.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Who provides it (an organisation id), e.g. a pan-area training unit.
    pub provider: Option<Spanned<Id>>,
    /// How training is commissioned.
    pub commissioning: Option<Text>,
    /// How training is delivered.
    pub delivery: Option<Text>,
    /// How its quality and impact are evaluated.
    pub evaluation: Option<Text>,
    /// The groups responsible (group ids).
    #[serde(default)]
    pub groups: Vec<Spanned<Id>>,
}

/// A published document the arrangements link to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Its title as published.
    #[schemars(length(min = 1))]
    pub title: Text,
    /// Its web address exactly as the document gives it (even a placeholder such as "#").
    pub url: Option<Text>,
    /// Its date, if stated.
    pub date: Option<Spanned<Date>>,
    /// What the document says it is for.
    #[serde(default)]
    pub purpose: Vec<Text>,
    /// Where in the document the link appears (a heading or the sentence), when that is not
    /// clear from where it is recorded.
    pub appears_in: Option<Text>,
}

/// Serious incidents, rapid reviews and local child safeguarding practice reviews.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeReviews {
    /// What the document says.
    pub description: Option<Text>,
    /// Notification of serious incidents to the Child Safeguarding Practice Review Panel.
    pub notification: Option<Spanned<Notification>>,
    /// Rapid reviews.
    pub rapid_review: Option<Spanned<RapidReview>>,
    /// Local child safeguarding practice reviews.
    pub local_reviews: Option<Spanned<LocalReviews>>,
    /// The published process (flowchart or procedure).
    pub process: Option<Spanned<Link>>,
    /// Other linked documents, such as notification flowcharts and forms.
    #[serde(default)]
    pub links: Vec<Spanned<Link>>,
    /// How learning is disseminated, as listed.
    #[serde(default)]
    pub learning: Vec<Text>,
}

/// Notification of serious incidents.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    /// Who notifies the Panel (an organisation id: the local authority).
    pub by: Option<Spanned<Id>>,
    /// Within how many working days of becoming aware.
    pub working_days: Option<Spanned<u32>>,
    /// Within how many working days the safeguarding partners are told.
    pub partners_told_within_working_days: Option<Spanned<u32>>,
    /// Who else is told of the death of a looked-after child, in the document's words.
    #[serde(default)]
    pub looked_after_deaths_told_to: Vec<Text>,
    /// What the document says.
    pub description: Option<Text>,
}

/// Rapid reviews.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RapidReview {
    /// Within how many working days a rapid review is completed.
    pub working_days: Option<Spanned<u32>>,
    /// The group that carries out rapid reviews (a group id).
    pub group: Option<Spanned<Id>>,
    /// What the document says.
    pub description: Option<Text>,
}

/// Local child safeguarding practice reviews.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalReviews {
    /// Who decides whether to commission a review, in the document's words.
    pub decided_by: Option<Text>,
    /// The group that commissions and oversees reviews (a group id).
    pub group: Option<Spanned<Id>>,
    /// Who appoints the reviewer, in the document's words.
    pub reviewer_appointed_by: Option<Text>,
    /// How many days before publication the report goes to the Panel and Secretary of State.
    pub sent_days_before_publication: Option<Spanned<u32>>,
    /// Whether the full report or only the improvements are published.
    pub publication: Option<Spanned<ReviewPublication>>,
    /// For how many years published reports stay available.
    pub kept_available_years: Option<Spanned<u32>>,
    /// The target, in months from the decision to review, for completing and publishing.
    pub target_months: Option<Spanned<u32>>,
    /// What the document says.
    pub description: Option<Text>,
}

/// How a local review is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewPublication {
    /// The report is published.
    Publish,
    /// Only information about the improvements to be made is published.
    PublishImprovementsOnly,
}

/// Child death review.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildDeathReview {
    /// The child death review partners (organisation ids).
    #[serde(default)]
    pub partners: Vec<Spanned<Id>>,
    /// The child death overview panel, if named (an organisation id).
    pub panel: Option<Spanned<Id>>,
    /// Whether several areas are combined (Children Act 2004 s.16P).
    pub combined_areas: Option<Spanned<bool>>,
    /// What the document says.
    pub description: Option<Text>,
}

/// Dispute resolution and escalation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeResolution {
    /// The escalation procedure.
    pub procedure: Option<Spanned<Link>>,
    /// The group where disputes between partners are resolved (a group id).
    pub forum: Option<Spanned<Id>>,
    /// The forum's name exactly as this section writes it, where it differs from the group's name.
    pub forum_called: Option<Text>,
    /// What the document says.
    pub description: Option<Text>,
}

/// The yearly report.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearlyReport {
    /// Where the report is published, in the document's words.
    pub published_on: Option<Text>,
    /// What the report will cover, mapped to the items of Working Together 2023 para 107.
    #[serde(default)]
    pub contents: Vec<Spanned<ReportItem>>,
    /// Who receives a copy.
    #[serde(default)]
    pub recipients: Vec<Spanned<Recipient>>,
    /// The latest yearly report.
    pub latest: Option<Spanned<LatestReport>>,
    /// Yearly reports the document names, when there is more than one or when a report covers a
    /// period other than one financial year. Rules that read "the latest report" read the most
    /// recent of these and `latest`: the one published last.
    #[serde(default)]
    pub reports: Vec<Spanned<LatestReport>>,
    /// What the document says.
    pub description: Option<Text>,
}

impl YearlyReport {
    /// Every report recorded: `latest` first, then `reports` in order.
    pub fn all_reports(&self) -> impl Iterator<Item = &Spanned<LatestReport>> {
        self.latest.iter().chain(self.reports.iter())
    }

    /// The most recent report: the one published last (by the last day its publication date
    /// can mean), else the one whose period ends last; `latest` wins ties.
    pub fn most_recent(&self) -> Option<&Spanned<LatestReport>> {
        let key = |r: &LatestReport| (r.published.as_ref().map(|d| d.latest()), r.period_end());
        let mut best: Option<&Spanned<LatestReport>> = None;
        for r in self.all_reports() {
            if best.is_none_or(|b| key(r) > key(b)) {
                best = Some(r);
            }
        }
        best
    }
}

/// The items a yearly report should include (Working Together 2023, para 107).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportItem {
    /// The contribution of each safeguarding partner.
    PartnerContributions,
    /// Themes from aggregated methods of scrutiny.
    ScrutinyThemes,
    /// Evidence of impact, including training, on outcomes for children and families.
    ImpactEvidence,
    /// Areas with little or no evidence of progress on agreed priorities.
    LittleProgress,
    /// Learning from serious incidents.
    SeriousIncidentLearning,
    /// Key decisions and actions, including on review recommendations.
    KeyDecisions,
    /// How feedback from children and families was sought and used.
    ChildrenFamiliesFeedback,
    /// The breakdown of costs and each partner's financial contribution.
    CostsBreakdown,
    /// How education is represented at operational and strategic levels.
    EducationRepresentation,
    /// How data and information sharing improved practice.
    DataAndInformationSharing,
    /// The impact and learning from independent scrutiny.
    ScrutinyImpactReview,
    /// Updates to the published arrangements, with timescales.
    ArrangementUpdates,
    /// Evidence that national reforms have been implemented.
    NationalReforms,
}

/// A recipient of the yearly report.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The body that receives it (an organisation id).
    pub organisation: Spanned<Id>,
    /// Within how many days of publication it is sent.
    pub within_days: Option<Spanned<u32>>,
    /// Whether those days are working days.
    pub working_days: Option<Spanned<bool>>,
}

/// A yearly report: `[yearly_report.latest]` or one of `[[yearly_report.reports]]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LatestReport {
    /// The financial year it covers, e.g. "2024/25". For any other period, use `from` and `to`.
    pub period: Option<Spanned<FinancialYear>>,
    /// The first day, month or year of the period it covers, when that is not one financial
    /// year.
    pub from: Option<Spanned<Date>>,
    /// The last day, month or year of the period it covers, when that is not one financial
    /// year.
    pub to: Option<Spanned<Date>>,
    /// Its title as published.
    pub title: Option<Text>,
    /// When it was published.
    pub published: Option<Spanned<Date>>,
    /// Where it is published.
    pub url: Option<Text>,
}

impl LatestReport {
    /// The last day of the period it covers: the financial year's 31 March, else `to`.
    pub fn period_end(&self) -> Option<Day> {
        self.period
            .as_ref()
            .map(|p| p.last_day())
            .or_else(|| self.to.as_ref().map(|d| d.latest()))
    }
}

/// One role id, or a list of role ids (joint chairs). Written `"independent-chair"` or
/// `["dcs", "police-superintendent"]`.
#[derive(Debug, Clone)]
pub struct RoleIds {
    span: super::spanned::Span,
    ids: Vec<Spanned<Id>>,
}

impl RoleIds {
    /// The role ids, in the order written (never empty). A single id carries the span of the
    /// value.
    pub fn ids(&self) -> &[Spanned<Id>] {
        &self.ids
    }

    /// The first role id (the only one, unless the chair is joint).
    pub fn first(&self) -> &Spanned<Id> {
        &self.ids[0]
    }

    /// The span of the whole value (the id, or the list).
    pub fn span(&self) -> super::spanned::Span {
        self.span.clone()
    }

    /// Whether `id` is one of them.
    pub fn contains(&self, id: &Id) -> bool {
        self.ids.iter().any(|i| i.get() == id)
    }
}

impl<'de> Deserialize<'de> for RoleIds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, SeqAccess, Visitor};
        enum Raw {
            One(Id),
            Many(Vec<Spanned<Id>>),
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a role id, or a list of role ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
                Id::parse(v).map(Raw::One).map_err(E::custom)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Spanned<Id>>()? {
                    ids.push(id);
                }
                if ids.is_empty() {
                    return Err(de::Error::custom(
                        "the list of role ids is empty: name at least one, or leave the key out",
                    ));
                }
                Ok(Raw::Many(ids))
            }
        }
        impl<'de> Deserialize<'de> for Raw {
            fn deserialize<D2: serde::Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
                d.deserialize_any(V)
            }
        }
        let spanned = toml::Spanned::<Raw>::deserialize(d)?;
        let span = spanned.span();
        let ids = match spanned.into_inner() {
            Raw::One(id) => vec![Spanned::new(span.clone(), id)],
            Raw::Many(ids) => ids,
        };
        Ok(RoleIds { span, ids })
    }
}

impl JsonSchema for RoleIds {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RoleIds".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let id = generator.subschema_for::<Id>();
        schemars::json_schema!({
            "description": "A role id, or a list of role ids when the post is held jointly.",
            "anyOf": [
                id,
                { "type": "array", "items": id, "minItems": 1 }
            ],
        })
    }
}

/// How the arrangements are funded.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// The financial year the figures are for, e.g. "2025/26".
    pub financial_year: Option<Spanned<FinancialYear>>,
    /// The unit the amounts are written in.
    #[serde(default)]
    pub unit: Spanned<Unit>,
    /// The total the document states.
    pub stated_total: Option<Spanned<Money>>,
    /// What the figures include, in the document's words.
    pub basis: Option<Text>,
    /// Each contribution, in the order listed.
    #[serde(default)]
    pub contributions: Vec<Spanned<Contribution>>,
}

/// The unit amounts are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Pounds (£137,730.19).
    #[default]
    Pounds,
    /// Thousands of pounds (£25.8 meaning £25,800).
    ThousandsOfPounds,
}

impl Default for Spanned<Unit> {
    fn default() -> Self {
        Spanned::new(0..0, Unit::Pounds)
    }
}

/// One contribution to the funding.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// Who contributes (an organisation id).
    pub organisation: Spanned<Id>,
    /// The amount, in the unit of the funding table.
    pub amount: Spanned<Money>,
    /// The percentage the document states for it, if any.
    pub stated_percent: Option<Spanned<Percent>>,
    /// The entry in the document's own words.
    pub listed_as: Option<Text>,
}

/// A board, group or subgroup.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The id other parts of the file use for this group. A group shared by several
    /// partnerships uses the same id in each of their files.
    pub id: Spanned<Id>,
    /// Its name as published.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// Whether it belongs to this partnership alone or is shared across an area.
    pub scope: Option<Spanned<Scope>>,
    /// The partnership it belongs to, if not this one (an organisation id of kind
    /// `safeguarding_partnership`). That partnership's own file is then the reference its
    /// description here is checked against when files are checked together; for a shared
    /// (`pan_area`) group, name the partnership that hosts it.
    pub partnership: Option<Spanned<Id>>,
    /// Who chairs it (a role id), or, for joint chairs, a list of role ids.
    pub chair: Option<RoleIds>,
    /// Its vice-chair (a role id), or a list of role ids.
    pub vice_chair: Option<RoleIds>,
    /// How many times a year it meets.
    pub meetings_per_year: Option<Spanned<u32>>,
    /// How often it meets, in the document's words, when not a number ("to be agreed").
    pub frequency: Option<Text>,
    /// The group it reports to (a group id).
    pub reports_to: Option<Spanned<Id>>,
    /// Its purpose or themes, in the document's words.
    pub purpose: Option<Text>,
    /// Its members (organisation or role ids), where listed.
    #[serde(default)]
    pub members: Vec<Spanned<Id>>,
    /// Other names the document uses for the same group, as written ("MASA Executive",
    /// "SPCSA"). Abbreviations and short forms are fine; other names are reported.
    #[serde(default)]
    pub also_called: Vec<Text>,
}

/// Who a group belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// This partnership alone.
    Local,
    /// Shared with neighbouring partnerships (e.g. pan-Bedfordshire).
    PanArea,
}

/// A place where the document cites Working Together.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The edition cited.
    pub edition: Spanned<Edition>,
    /// The chapter, paragraph or page cited, if any, as written.
    pub reference: Option<Text>,
    /// The citing words, quoted from the document.
    pub text: Option<Text>,
    /// Whether the document cites it as the guidance in force (not merely as history).
    #[serde(default = "default_true")]
    pub as_current: Spanned<bool>,
}

fn default_true() -> Spanned<bool> {
    Spanned::new(0..0, true)
}

/// A signature of a lead safeguarding partner.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The role that signs (a role id).
    pub role: Option<Spanned<Id>>,
    /// The signatory's name.
    pub name: Option<Text>,
    /// The organisation signed for (an organisation id).
    pub organisation: Option<Spanned<Id>>,
    /// The date signed. Leave it out if the document leaves it blank.
    pub date: Option<Spanned<Date>>,
    /// The signature block's words as printed ("Signature of Bedford Borough Council (Laura
    /// Church – Chief Executive, Bedford Borough Council)").
    pub caption: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chair_is_one_role_id_or_a_list() {
        let one: Chair = toml::from_str("role = \"dcs\"\nvice_chair = [\"a\", \"b\"]").unwrap();
        assert_eq!(one.role.ids().len(), 1);
        assert_eq!(one.role.first().as_str(), "dcs");
        // A single id carries the span of the value.
        assert_eq!(one.role.first().span(), one.role.span());
        let vice = one.vice_chair.unwrap();
        assert_eq!(vice.ids().len(), 2);
        assert!(vice.contains(&Id::parse("b").unwrap()));
        assert_ne!(vice.ids()[0].span(), vice.ids()[1].span());
        assert!(toml::from_str::<Chair>("role = []").is_err());
        assert!(toml::from_str::<Chair>("role = \"Not An Id\"").is_err());
    }

    #[test]
    fn the_most_recent_yearly_report_is_the_one_published_last() {
        let y: YearlyReport = toml::from_str(
            r#"
[latest]
period = "2023/24"
published = 2024-09-30
[[reports]]
from = "2024-04"
to = 2025
published = "2025-12"
[[reports]]
period = "2022/23"
published = 2023
"#,
        )
        .unwrap();
        let recent = y.most_recent().unwrap();
        assert_eq!(recent.published.as_ref().unwrap().to_string(), "2025-12");
        assert_eq!(recent.period_end().unwrap().to_string(), "2025-12-31");
        assert_eq!(y.all_reports().count(), 3);
        // With no dates at all, the period that ends last wins; `latest` wins ties.
        let y: YearlyReport =
            toml::from_str("[latest]\nperiod = \"2023/24\"\n[[reports]]\nperiod = \"2024/25\"\n")
                .unwrap();
        assert_eq!(
            y.most_recent()
                .unwrap()
                .period
                .as_ref()
                .unwrap()
                .to_string(),
            "2024/25"
        );
        let y: YearlyReport =
            toml::from_str("[latest]\nperiod = \"2023/24\"\n[[reports]]\nperiod = \"2023/24\"\n")
                .unwrap();
        assert!(std::ptr::eq(
            y.most_recent().unwrap(),
            y.latest.as_ref().unwrap()
        ));
    }

    #[test]
    fn a_year_is_a_date() {
        let v: Version = toml::from_str("version = \"1\"\ndate = 2024").unwrap();
        let date = v.date.unwrap();
        assert_eq!(date.to_string(), "2024");
        assert_eq!(date.latest().to_string(), "2024-12-31");
        assert!(toml::from_str::<Version>("version = \"1\"\ndate = 20240927").is_err());
        assert!(toml::from_str::<Version>("version = \"1\"\ndate = \"2024\"").is_ok());
    }
}
