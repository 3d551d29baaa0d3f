//! From the model to what the page shows: sections in the order of the guidance, written from
//! the file's own words, with display names for every id, dates as people write them, links
//! only where they lead somewhere, and the funding table computed exactly.
//!
//! The view is plain data (serialised into the templates), so a partnership's own templates
//! can lay it out differently without touching Rust, and it is the same for HTML and Markdown.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::chart::{Band, Chart, GroupInput, Node};
use super::escape::{Address, address};
use crate::model::{
    Arrangements, Date, Edition, Link, OrganisationKind, Section as SectionModel, Spanned, Text,
    Unit, format_pounds,
};

/// The whole page.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// The partnership's name: the page's one `h1`.
    pub title: String,
    /// What the document is, under the title.
    pub subtitle: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The findings panel, when asked for.
    pub findings: Option<Findings>,
    /// The date the page was made, as people write it.
    pub generated: String,
    /// The masa version that made it.
    pub masa_version: &'static str,
}

/// A section: an `h2`, with `h3` subsections.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The fragment id (only letters, digits and hyphens; made by masa, never from the file).
    pub id: String,
    /// The heading.
    pub heading: String,
    /// The content.
    pub blocks: Vec<Block>,
    /// Subsections.
    pub subsections: Vec<Section>,
}

/// One piece of content. The templates branch on `kind`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Paragraphs of prose.
    Text {
        /// The paragraphs.
        paras: Vec<String>,
    },
    /// Terms and their values (a description list).
    Facts {
        /// The pairs.
        items: Vec<Fact>,
    },
    /// A bulleted list, with an optional lead-in sentence.
    List {
        /// The lead-in.
        intro: Option<String>,
        /// The items.
        items: Vec<String>,
    },
    /// Links to published documents.
    Links {
        /// The lead-in.
        intro: Option<String>,
        /// The links.
        items: Vec<LinkView>,
    },
    /// A table.
    Table(Table),
    /// The structure chart and its nested list.
    Chart(ChartView),
}

/// A term and its value.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// The term.
    pub term: String,
    /// The value as text (empty when `link` stands in for it).
    pub value: String,
    /// A link, when the value is an address.
    pub link: Option<LinkView>,
}

/// A link, or the words that stand in for one that cannot be followed.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// The link text: the document's title, which makes sense on its own.
    pub text: String,
    /// The address, only when it can be followed (`https:`, `http:`, `mailto:`).
    pub href: Option<String>,
    /// What stands in for the address when there is no link ("link not published").
    pub note: Option<String>,
    /// The date and purpose, in words.
    pub detail: Option<String>,
}

/// A table with a caption and header cells.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// The caption.
    pub caption: String,
    /// Column headers.
    pub head: Vec<String>,
    /// Body rows; the first cell of each is a row header.
    pub rows: Vec<Vec<Cell>>,
    /// Footer rows (totals); the first cell of each is a row header.
    pub foot: Vec<Vec<Cell>>,
    /// Sentences after the table (differences between stated and computed figures).
    pub notes: Vec<String>,
    /// For each column, whether it holds figures (right-aligned).
    pub numeric: Vec<bool>,
}

/// Marks each table's figure columns, from its cells.
fn mark_figure_columns(sections: &mut [Section]) {
    for s in sections {
        for b in &mut s.blocks {
            if let Block::Table(t) = b {
                t.numeric = (0..t.head.len())
                    .map(|i| {
                        t.rows
                            .iter()
                            .chain(&t.foot)
                            .any(|r| r.get(i).is_some_and(|c| c.numeric))
                    })
                    .collect();
            }
        }
        mark_figure_columns(&mut s.subsections);
    }
}

/// A table cell.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// Right-aligned (a figure).
    pub numeric: bool,
    /// Marked as differing from what masa computes: the text says so too.
    pub differs: bool,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            numeric: false,
            differs: false,
        }
    }
    fn figure(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            numeric: true,
            differs: false,
        }
    }
}

/// The structure chart.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// The SVG, escaped by construction (inserted as markup, not text).
    pub svg: String,
    /// A sentence on how to read the chart.
    pub caption: String,
    /// A sentence on how to read the list.
    pub list_intro: String,
    /// The same structure as nested lists, one per band.
    pub list: Vec<super::chart::ListBand>,
    /// Reporting lines the chart leaves out because they would close a circle.
    pub circular: Vec<String>,
    /// For Markdown written to a directory: the SVG file's name beside it.
    pub image: Option<String>,
}

/// The findings panel.
#[derive(Debug, Clone, Serialize)]
pub struct Findings {
    /// One sentence of counts.
    pub summary: String,
    /// Each finding.
    pub items: Vec<Finding>,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// "Error", "Warning" or "Advice".
    pub severity: String,
    /// The rule id.
    pub rule: String,
    /// The message.
    pub message: String,
    /// The line of the file.
    pub line: usize,
}

/// Display names for the ids of one document.
struct Names<'a> {
    organisations: HashMap<&'a str, (&'a str, OrganisationKind)>,
    roles: HashMap<&'a str, &'a crate::model::Role>,
    groups: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn of(doc: &'a Arrangements) -> Self {
        Names {
            organisations: doc
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), (o.name.as_str(), *o.kind.get())))
                .collect(),
            roles: doc.roles.iter().map(|r| (r.id.as_str(), r.get())).collect(),
            groups: doc
                .groups
                .iter()
                .map(|g| (g.id.as_str(), g.name.as_str()))
                .collect(),
        }
    }

    /// Any id, by its display name. An id the file does not declare (the model stage reports
    /// it) is shown as written and says so, rather than disappearing.
    fn any(&self, id: &str) -> String {
        if let Some((name, _)) = self.organisations.get(id) {
            return tidy(name);
        }
        if self.roles.contains_key(id) {
            return self.role(id);
        }
        if let Some(name) = self.groups.get(id) {
            return tidy(name);
        }
        format!("“{id}” (not declared in the file)")
    }

    /// A role: the person's name if given, the title, and the organisation unless the title
    /// already names it.
    fn role(&self, id: &str) -> String {
        let Some(role) = self.roles.get(id) else {
            return self.any(id);
        };
        let mut text = tidy(&role.title);
        if let Some((org, _)) = role
            .organisation
            .as_ref()
            .and_then(|o| self.organisations.get(o.as_str()))
        {
            if !text.to_lowercase().contains(&org.to_lowercase()) {
                text = format!("{text}, {}", tidy(org));
            }
        }
        match &role.name {
            Some(name) if !name.trim().is_empty() => format!("{}, {text}", tidy(name)),
            _ => text,
        }
    }

    fn list<'b>(
        &self,
        ids: impl IntoIterator<Item = &'b Spanned<crate::model::Id>>,
    ) -> Vec<String> {
        ids.into_iter().map(|i| self.any(i.as_str())).collect()
    }
}

/// Text as a value inside a sentence or a list: surrounding space and a final full stop off.
fn tidy(text: &str) -> String {
    let t = text.trim();
    t.strip_suffix('.').unwrap_or(t).trim_end().to_owned()
}

/// Prose split into paragraphs at blank lines; lines within a paragraph joined.
fn paras(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it: "27 September 2024", "September 2025", "2024".
pub fn date(d: &Date) -> String {
    let month = |m: u8| {
        MONTHS
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    };
    match d {
        Date::Day(day) => format!("{} {} {}", day.day(), month(day.month()), day.year()),
        Date::Month { year, month: m } => format!("{} {year}", month(*m)),
        Date::Year(year) => year.to_string(),
    }
}

fn edition(e: Edition) -> &'static str {
    match e {
        Edition::Wt2018 => "Working Together to Safeguard Children 2018",
        Edition::Wt2023 => "Working Together to Safeguard Children 2023",
        Edition::Wt2026 => "Working Together to Safeguard Children 2026",
    }
}

/// Joins names as a sentence does: "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn fact(term: &str, value: impl Into<String>) -> Fact {
    Fact {
        term: term.to_owned(),
        value: value.into(),
        link: None,
    }
}

/// A link from the file: followable only when its address is.
pub fn link_view(title: &str, url: Option<&str>, detail: Option<String>) -> LinkView {
    let (href, note) = match address(url) {
        Address::Link(href) => (Some(href), None),
        Address::NotPublished => (None, Some("link not published".to_owned())),
        Address::Example(a) => (None, Some(format!("example address, not a real link: {a}"))),
        Address::NotAnAddress(a) => (
            None,
            Some(format!(
                "link not published; the file gives “{a}”, which is not a web address"
            )),
        ),
    };
    LinkView {
        text: tidy(title),
        href,
        note,
        detail,
    }
}

fn link(l: &Link) -> LinkView {
    let mut detail = Vec::new();
    if let Some(d) = &l.date {
        detail.push(date(d.get()));
    }
    detail.extend(l.purpose.iter().map(|p| tidy(p)));
    link_view(
        &l.title,
        l.url.as_deref().map(String::as_str),
        (!detail.is_empty()).then(|| detail.join("; ")),
    )
}

fn text_block(text: Option<&Text>) -> Option<Block> {
    let paras = paras(text?.as_str());
    (!paras.is_empty()).then_some(Block::Text { paras })
}

fn list_block(intro: Option<&str>, items: &[Text]) -> Option<Block> {
    let items: Vec<String> = items
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    (!items.is_empty()).then(|| Block::List {
        intro: intro.map(str::to_owned),
        items,
    })
}

fn links_block(intro: Option<&str>, links: &[Spanned<Link>]) -> Option<Block> {
    (!links.is_empty()).then(|| Block::Links {
        intro: intro.map(str::to_owned),
        items: links.iter().map(|l| link(l)).collect(),
    })
}

fn facts_block(items: Vec<Fact>) -> Option<Block> {
    (!items.is_empty()).then_some(Block::Facts { items })
}

fn section(id: &str, heading: &str, blocks: Vec<Option<Block>>) -> Option<Section> {
    let blocks: Vec<Block> = blocks.into_iter().flatten().collect();
    (!blocks.is_empty()).then(|| Section {
        id: id.to_owned(),
        heading: heading.to_owned(),
        blocks,
        subsections: Vec::new(),
    })
}

/// A section of the common shape (description, groups, mechanisms, links).
fn common(
    names: &Names<'_>,
    id: &str,
    heading: &str,
    s: Option<&Spanned<SectionModel>>,
) -> Option<Section> {
    let s = s?;
    let groups = names.list(&s.groups);
    section(
        id,
        heading,
        vec![
            text_block(s.description.as_ref()),
            facts_block(if groups.is_empty() {
                vec![]
            } else {
                vec![fact("Responsible", and_list(&groups))]
            }),
            list_block(None, &s.mechanisms),
            links_block(Some("Documents:"), &s.links),
        ],
    )
}

/// Builds the page.
pub fn page(
    doc: &Arrangements,
    chart_svg: impl FnOnce(&Chart, &str) -> String,
    today: crate::model::Day,
) -> Page {
    let names = Names::of(doc);
    let p = doc.partnership.get();
    let mut sections: Vec<Option<Section>> = Vec::new();

    // About these arrangements.
    let mut about = Vec::new();
    let areas: Vec<String> = p.areas.iter().map(|a| names.any(a.as_str())).collect();
    if !areas.is_empty() {
        about.push(fact("Area covered", and_list(&areas)));
    }
    if let Some(d) = &p.area_description {
        about.push(fact(
            if areas.is_empty() {
                "Area covered"
            } else {
                "The area"
            },
            tidy(d),
        ));
    }
    if p.combined_areas.as_ref().is_some_and(|c| *c.get()) {
        about.push(fact(
            "Combined areas",
            "The local authority areas have agreed to be treated as one area (Children Act 2004, section 16J).",
        ));
    }
    if let Some(e) = &p.guidance_edition {
        about.push(fact("Statutory guidance followed", edition(*e.get())));
    }
    if let Some(d) = &p.published {
        about.push(fact("First published", date(d.get())));
    }
    if !p.updated.is_empty() {
        let dates: Vec<String> = p.updated.iter().map(|d| date(d.get())).collect();
        about.push(fact("Updated", and_list(&dates)));
    }
    match (&p.agreed, &p.agreed_by) {
        (Some(d), Some(by)) => {
            about.push(fact("Agreed", format!("{} by {}", date(d.get()), tidy(by))))
        }
        (Some(d), None) => about.push(fact("Agreed", date(d.get()))),
        (None, Some(by)) => about.push(fact("Agreed by", tidy(by))),
        (None, None) => {}
    }
    if let Some(url) = &p.url {
        about.push(Fact {
            link: Some(link_view(
                "These arrangements online",
                Some(url.as_str()),
                None,
            )),
            ..fact("Published at", "")
        });
    } else if let Some(on) = &p.published_on {
        about.push(fact("Published on", tidy(on)));
    }
    if let Some(site) = &p.website {
        about.push(Fact {
            link: Some(link_view(
                &format!("{} website", tidy(&p.name)),
                Some(site.as_str()),
                None,
            )),
            ..fact("Website", "")
        });
    }
    if let Some(by) = &p.superseded_by {
        about.push(fact("Replaced by", tidy(by)));
    }
    let kind_note = match p.document.as_ref().map(|d| *d.get()) {
        Some(crate::model::DocumentKind::WebPage) => Some(Block::Text {
            paras: vec![
                "This is the partnership's web page, published beside its arrangements.".into(),
            ],
        }),
        _ => None,
    };
    sections.push(section(
        "about",
        "About these arrangements",
        vec![
            kind_note,
            facts_block(about),
            list_block(Some("Our principles:"), &p.principles),
            list_block(Some("Our priorities:"), &p.priorities),
            p.governance.as_ref().and_then(|g| text_block(Some(g))),
        ],
    ));

    // The safeguarding partners and the chair.
    let mut partners_blocks = Vec::new();
    if !doc.partners.is_empty() {
        partners_blocks.push(Some(Block::Table(Table {
            caption: "The safeguarding partners".into(),
            head: vec![
                "Safeguarding partner".into(),
                "Lead safeguarding partner".into(),
                "Delegated safeguarding partners".into(),
            ],
            rows: doc
                .partners
                .iter()
                .map(|partner| {
                    let delegates = names.list(&partner.delegates);
                    vec![
                        Cell::text(names.any(partner.organisation.as_str())),
                        Cell::text(
                            partner
                                .lead
                                .as_ref()
                                .map_or("Not named".into(), |l| names.role(l.as_str())),
                        ),
                        Cell::text(if delegates.is_empty() {
                            "Not named".into()
                        } else {
                            and_list(&delegates)
                        }),
                    ]
                })
                .collect(),
            foot: vec![],
            notes: vec![],
            numeric: vec![],
        })));
    }
    if let Some(chair) = &doc.chair {
        let chairs: Vec<String> = chair
            .role
            .ids()
            .iter()
            .map(|r| names.role(r.as_str()))
            .collect();
        let mut facts = vec![fact(
            if chairs.len() > 1 {
                "Partnership chairs (jointly)"
            } else {
                "Partnership chair"
            },
            and_list(&chairs),
        )];
        if let Some(v) = &chair.vice_chair {
            let vice: Vec<String> = v.ids().iter().map(|r| names.role(r.as_str())).collect();
            facts.push(fact("Vice-chair", and_list(&vice)));
        }
        if let Some(a) = &chair.arrangement {
            facts.push(fact("How the chair is appointed", tidy(a)));
        }
        partners_blocks.push(facts_block(facts));
        partners_blocks.push(list_block(Some("The chair's functions:"), &chair.functions));
    }
    sections.push(section(
        "partners",
        "The safeguarding partners and the chair",
        partners_blocks,
    ));

    // Independent scrutiny.
    if let Some(s) = &doc.independent_scrutiny {
        let mut facts = Vec::new();
        if let Some(r) = &s.scrutineer {
            facts.push(fact("Independent scrutiny by", names.role(r.as_str())));
        }
        if let Some(e) = &s.employer {
            facts.push(fact("Employed by", names.any(e.as_str())));
        }
        if !s.reports_to.is_empty() {
            facts.push(fact(
                "Reports its findings to",
                and_list(&names.list(&s.reports_to)),
            ));
        }
        sections.push(section(
            "scrutiny",
            "Independent scrutiny",
            vec![
                facts_block(facts),
                list_block(Some("What independent scrutiny does:"), &s.functions),
                s.plan.as_ref().map(|plan| Block::Text {
                    paras: paras(&format!("The plan for scrutiny: {}", plan.as_str())),
                }),
                text_block(s.description.as_ref()),
            ],
        ));
    }

    // Structure.
    if !doc.groups.is_empty() {
        let chart = chart(doc, &names);
        let title = format!("Structure chart of {}", tidy(&p.name));
        let svg = chart_svg(&chart, &title);
        let lines = if chart.has_lines() {
            "Lines join each group to the group it reports to, above it."
        } else {
            "The file records no reporting lines between the groups, so none are drawn."
        };
        sections.push(Some(Section {
            id: "structure".into(),
            heading: "Structure".into(),
            blocks: vec![Block::Chart(ChartView {
                svg,
                caption: format!(
                    "{title}. {lines} Pan-area groups, shared with neighbouring partnerships, have dashed borders and say so in words. The list gives the same structure."
                ),
                list_intro: if chart.has_lines() {
                    "Each group is listed under the group it reports to.".into()
                } else {
                    "The file records no reporting lines between the groups.".into()
                },
                list: super::chart::nested_list(&chart),
                circular: chart
                    .circular
                    .iter()
                    .map(|(a, b)| format!("{a} is recorded as reporting to {b}, which would close a circle; the chart leaves this line out."))
                    .collect(),
                image: None,
            })],
            subsections: vec![],
        }));
    }

    // Business management.
    if let Some(b) = &doc.business_unit {
        let mut facts = Vec::new();
        if let Some(h) = &b.host {
            facts.push(fact("Hosted by", names.any(h.as_str())));
        }
        if let Some(m) = &b.manager {
            facts.push(fact("Business manager", names.role(m.as_str())));
        }
        if let Some(a) = &b.analytics {
            facts.push(fact("Analysis and intelligence", tidy(a)));
        }
        sections.push(section(
            "business-unit",
            "Business management",
            vec![text_block(b.description.as_ref()), facts_block(facts)],
        ));
    }

    sections.push(common(
        &names,
        "working-together",
        "How the partners work together",
        doc.working_together.as_ref(),
    ));

    // Relevant agencies, grouped by kind.
    if let Some(r) = &doc.relevant_agencies {
        let mut by_kind: Vec<(&'static str, Vec<String>)> = Vec::new();
        for a in &r.agencies {
            let id = a.agency.as_str();
            let kind = names
                .organisations
                .get(id)
                .map_or("People and posts", |(_, k)| kind_group(*k));
            let mut entry = names.any(id);
            if let Some(listed) = &a.listed_as {
                let listed = tidy(listed);
                if !listed.eq_ignore_ascii_case(&entry) && !listed.is_empty() {
                    entry = format!("{entry} (listed as “{listed}”)");
                }
            }
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, items)) => items.push(entry),
                None => by_kind.push((kind, vec![entry])),
            }
        }
        by_kind.sort_by_key(|(k, _)| KIND_GROUPS.iter().position(|g| g == k));
        let mut s = section(
            "relevant-agencies",
            "Relevant agencies",
            vec![
                text_block(r.description.as_ref()),
                r.review.as_ref().map(|rv| Block::Facts {
                    items: vec![fact("How the list is reviewed", tidy(rv))],
                }),
            ],
        )
        .unwrap_or_else(|| Section {
            id: "relevant-agencies".into(),
            heading: "Relevant agencies".into(),
            blocks: vec![],
            subsections: vec![],
        });
        for (i, (kind, items)) in by_kind.into_iter().enumerate() {
            s.subsections.push(Section {
                id: format!("relevant-agencies-{}", i + 1),
                heading: kind.to_owned(),
                blocks: vec![Block::List { intro: None, items }],
                subsections: vec![],
            });
        }
        if !s.blocks.is_empty() || !s.subsections.is_empty() {
            sections.push(Some(s));
        }
    }

    if let Some(e) = &doc.education {
        let mut facts = Vec::new();
        if !e.strategic_groups.is_empty() {
            facts.push(fact(
                "Represented at a strategic level in",
                and_list(&names.list(&e.strategic_groups)),
            ));
        }
        if !e.operational_groups.is_empty() {
            facts.push(fact(
                "Represented at an operational level in",
                and_list(&names.list(&e.operational_groups)),
            ));
        }
        sections.push(section(
            "education",
            "Schools, colleges and other education settings",
            vec![
                text_block(e.description.as_ref()),
                facts_block(facts),
                list_block(None, &e.mechanisms),
            ],
        ));
    }
    sections.push(common(
        &names,
        "early-years",
        "Early years and childcare settings",
        doc.early_years.as_ref(),
    ));
    if let Some(y) = &doc.youth_custody {
        let facts = y
            .establishments_in_area
            .as_ref()
            .map(|n| {
                vec![fact(
                    "Youth custody establishments in the area",
                    match n.get() {
                        0 => "None".to_owned(),
                        n => n.to_string(),
                    },
                )]
            })
            .unwrap_or_default();
        sections.push(section(
            "youth-custody",
            "Youth custody",
            vec![text_block(y.description.as_ref()), facts_block(facts)],
        ));
    }
    sections.push(common(
        &names,
        "residential-homes",
        "Residential homes for children",
        doc.residential_homes.as_ref(),
    ));
    sections.push(common(
        &names,
        "young-carers",
        "Young carers",
        doc.young_carers.as_ref(),
    ));
    sections.push(common(
        &names,
        "looked-after-children",
        "Children looked after",
        doc.looked_after_children.as_ref(),
    ));
    sections.push(common(
        &names,
        "voice",
        "The voice of children and families",
        doc.voice.as_ref(),
    ));

    if let Some(i) = &doc.information_sharing {
        sections.push(section(
            "information-sharing",
            "Sharing information",
            vec![
                text_block(i.description.as_ref()),
                list_block(Some("Principles:"), &i.principles),
                i.data_sharing.as_ref().and_then(|d| text_block(Some(d))),
                i.protocol.as_ref().map(|l| Block::Links {
                    intro: Some("Protocol followed:".into()),
                    items: vec![link(l)],
                }),
            ],
        ));
    }
    if let Some(perf) = &doc.performance {
        let mut facts = Vec::new();
        if let Some(f) = &perf.framework {
            facts.push(fact("Data set or framework", tidy(f)));
        }
        if !perf.groups.is_empty() {
            facts.push(fact("Reviewed by", and_list(&names.list(&perf.groups))));
        }
        if let Some(n) = &perf.reviews_per_year {
            facts.push(fact("How often", times_a_year("Reviewed", *n.get())));
        }
        sections.push(section(
            "data",
            "Using data and intelligence",
            vec![
                text_block(perf.description.as_ref()),
                facts_block(facts),
                perf.disproportionality
                    .as_ref()
                    .and_then(|d| text_block(Some(d))),
            ],
        ));
    }
    sections.push(common(
        &names,
        "audits",
        "Multi-agency audits",
        doc.audits.as_ref(),
    ));
    if let Some(t) = &doc.training {
        let mut facts = Vec::new();
        if let Some(p) = &t.provider {
            facts.push(fact("Provided by", names.any(p.as_str())));
        }
        for (term, value) in [
            ("How it is commissioned", &t.commissioning),
            ("How it is delivered", &t.delivery),
            ("How its impact is evaluated", &t.evaluation),
        ] {
            if let Some(v) = value {
                facts.push(fact(term, tidy(v)));
            }
        }
        if !t.groups.is_empty() {
            facts.push(fact("Responsible", and_list(&names.list(&t.groups))));
        }
        sections.push(section(
            "training",
            "Multi-agency training",
            vec![facts_block(facts)],
        ));
    }

    sections.push(section(
        "thresholds",
        "Thresholds, procedures and other documents",
        vec![
            links_block(Some("Threshold document:"), &doc.threshold_documents),
            links_block(Some("Procedures:"), &doc.procedures),
            links_block(Some("Other documents and pages:"), &doc.links),
        ],
    ));

    if let Some(r) = &doc.practice_reviews {
        let mut s = section(
            "practice-reviews",
            "Child safeguarding practice reviews",
            vec![
                text_block(r.description.as_ref()),
                r.process.as_ref().map(|l| Block::Links {
                    intro: Some("The process:".into()),
                    items: vec![link(l)],
                }),
                links_block(Some("Other documents:"), &r.links),
                list_block(Some("How learning is shared:"), &r.learning),
            ],
        )
        .unwrap_or_else(|| Section {
            id: "practice-reviews".into(),
            heading: "Child safeguarding practice reviews".into(),
            blocks: vec![],
            subsections: vec![],
        });
        if let Some(n) = &r.notification {
            let mut facts = Vec::new();
            if let Some(by) = &n.by {
                facts.push(fact("Notified by", names.any(by.as_str())));
            }
            if let Some(d) = &n.working_days {
                facts.push(fact("Within", working_days(*d.get(), "of becoming aware")));
            }
            if let Some(d) = &n.partners_told_within_working_days {
                facts.push(fact(
                    "Safeguarding partners told within",
                    working_days(*d.get(), ""),
                ));
            }
            if !n.looked_after_deaths_told_to.is_empty() {
                let told: Vec<String> = n
                    .looked_after_deaths_told_to
                    .iter()
                    .map(|t| tidy(t))
                    .collect();
                facts.push(fact(
                    "Deaths of looked-after children also reported to",
                    and_list(&told),
                ));
            }
            push_sub(
                &mut s,
                "practice-reviews-notification",
                "Notifying serious incidents",
                vec![text_block(n.description.as_ref()), facts_block(facts)],
            );
        }
        if let Some(rr) = &r.rapid_review {
            let mut facts = Vec::new();
            if let Some(g) = &rr.group {
                facts.push(fact("Carried out by", names.any(g.as_str())));
            }
            if let Some(d) = &rr.working_days {
                facts.push(fact("Completed within", working_days(*d.get(), "")));
            }
            push_sub(
                &mut s,
                "practice-reviews-rapid",
                "Rapid reviews",
                vec![text_block(rr.description.as_ref()), facts_block(facts)],
            );
        }
        if let Some(l) = &r.local_reviews {
            let mut facts = Vec::new();
            if let Some(d) = &l.decided_by {
                facts.push(fact("Who decides to commission a review", tidy(d)));
            }
            if let Some(g) = &l.group {
                facts.push(fact("Commissioned and overseen by", names.any(g.as_str())));
            }
            if let Some(a) = &l.reviewer_appointed_by {
                facts.push(fact("Reviewer appointed by", tidy(a)));
            }
            if let Some(m) = &l.target_months {
                facts.push(fact(
                    "Target for completion and publication",
                    format!("{} months from the decision to review", m.get()),
                ));
            }
            if let Some(d) = &l.sent_days_before_publication {
                facts.push(fact(
                    "Sent to the Panel and the Secretary of State",
                    format!("{} days before publication", d.get()),
                ));
            }
            if let Some(p) = &l.publication {
                facts.push(fact(
                    "Publication",
                    match p.get() {
                        crate::model::ReviewPublication::Publish => "The report is published",
                        crate::model::ReviewPublication::PublishImprovementsOnly => {
                            "The improvements to be made are published"
                        }
                    },
                ));
            }
            if let Some(y) = &l.kept_available_years {
                facts.push(fact("Kept available for", plural(*y.get(), "year")));
            }
            push_sub(
                &mut s,
                "practice-reviews-local",
                "Local child safeguarding practice reviews",
                vec![text_block(l.description.as_ref()), facts_block(facts)],
            );
        }
        if !s.blocks.is_empty() || !s.subsections.is_empty() {
            sections.push(Some(s));
        }
    }
    if let Some(c) = &doc.child_death_review {
        let mut facts = Vec::new();
        if !c.partners.is_empty() {
            facts.push(fact(
                "Child death review partners",
                and_list(&names.list(&c.partners)),
            ));
        }
        if let Some(panel) = &c.panel {
            facts.push(fact(
                "Child death overview panel",
                names.any(panel.as_str()),
            ));
        }
        if c.combined_areas.as_ref().is_some_and(|b| *b.get()) {
            facts.push(fact(
                "Combined areas",
                "Child death review covers more than one area (Children Act 2004, section 16P).",
            ));
        }
        sections.push(section(
            "child-death-review",
            "Child death review",
            vec![text_block(c.description.as_ref()), facts_block(facts)],
        ));
    }
    if let Some(d) = &doc.dispute_resolution {
        let mut facts = Vec::new();
        if let Some(f) = &d.forum {
            let name = d
                .forum_called
                .as_ref()
                .map_or_else(|| names.any(f.as_str()), |c| tidy(c));
            facts.push(fact("Unresolved disputes go to", name));
        }
        sections.push(section(
            "disputes",
            "Resolving disagreements",
            vec![
                text_block(d.description.as_ref()),
                facts_block(facts),
                d.procedure.as_ref().map(|l| Block::Links {
                    intro: Some("The procedure:".into()),
                    items: vec![link(l)],
                }),
            ],
        ));
    }
    sections.push(common(
        &names,
        "whistleblowing",
        "Whistleblowing",
        doc.whistleblowing.as_ref(),
    ));

    if let Some(y) = &doc.yearly_report {
        let mut facts = Vec::new();
        if let Some(on) = &y.published_on {
            facts.push(fact("Published on", tidy(on)));
        }
        if !y.recipients.is_empty() {
            let to: Vec<String> = y
                .recipients
                .iter()
                .map(|r| {
                    let name = names.any(r.organisation.as_str());
                    match &r.within_days {
                        Some(d) => format!(
                            "{name}, within {}{} of publication",
                            plural(
                                *d.get(),
                                if r.working_days.as_ref().is_some_and(|w| *w.get()) {
                                    "working day"
                                } else {
                                    "day"
                                }
                            ),
                            ""
                        ),
                        None => name,
                    }
                })
                .collect();
            facts.push(fact("Sent to", and_list(&to)));
        }
        let reports: Vec<LinkView> = y
            .all_reports()
            .map(|r| {
                let period = match (&r.period, &r.from, &r.to) {
                    (Some(p), _, _) => format!("Yearly report {p}"),
                    (None, Some(f), Some(t)) => {
                        format!("Yearly report, {} to {}", date(f.get()), date(t.get()))
                    }
                    _ => "Yearly report".to_owned(),
                };
                let title = r.title.as_ref().map_or(period, |t| tidy(t));
                link_view(
                    &title,
                    r.url.as_deref().map(String::as_str),
                    r.published
                        .as_ref()
                        .map(|d| format!("published {}", date(d.get()))),
                )
            })
            .collect();
        let contents: Vec<String> = y
            .contents
            .iter()
            .map(|c| report_item(*c.get()).to_owned())
            .collect();
        sections.push(section(
            "yearly-report",
            "Yearly report",
            vec![
                text_block(y.description.as_ref()),
                facts_block(facts),
                (!contents.is_empty()).then_some(Block::List {
                    intro: Some("The report covers:".into()),
                    items: contents,
                }),
                (!reports.is_empty()).then_some(Block::Links {
                    intro: Some("Reports:".into()),
                    items: reports,
                }),
            ],
        ));
    }

    if let Some(f) = &doc.funding {
        sections.push(funding(f, &names));
    }

    for (i, team) in doc.child_protection_teams.iter().enumerate() {
        let members: Vec<String> = team
            .members
            .iter()
            .map(|m| match &m.nominated_by {
                Some(by) => format!("{}, nominated by {}", tidy(&m.role), names.any(by.as_str())),
                None => tidy(&m.role),
            })
            .collect();
        sections.push(section(
            &format!("child-protection-team-{}", i + 1),
            &tidy(&team.name),
            vec![(!members.is_empty()).then_some(Block::List {
                intro: Some("Members:".into()),
                items: members,
            })],
        ));
    }
    for (i, other) in doc.other_sections.iter().enumerate() {
        sections.push(section(
            &format!("section-{}", i + 1),
            tidy(&other.heading).trim_end_matches(':'),
            vec![
                text_block(other.text.as_ref()),
                list_block(None, &other.items),
            ],
        ));
    }

    // Agreement and version history.
    if !doc.signatures.is_empty() {
        sections.push(Some(Section {
            id: "signatures".into(),
            heading: "Agreement".into(),
            blocks: vec![Block::Table(Table {
                caption: "Signed by the lead safeguarding partners".into(),
                head: vec!["Signed for".into(), "Signed by".into(), "Date".into()],
                rows: doc
                    .signatures
                    .iter()
                    .map(|s| {
                        let by = match (&s.role, &s.name) {
                            (Some(r), Some(n)) => {
                                let role = names.role(r.as_str());
                                if role.starts_with(n.trim()) {
                                    role
                                } else {
                                    format!("{}, {role}", tidy(n))
                                }
                            }
                            (Some(r), None) => names.role(r.as_str()),
                            (None, Some(n)) => tidy(n),
                            (None, None) => {
                                s.caption.as_ref().map_or("Not named".into(), |c| tidy(c))
                            }
                        };
                        vec![
                            Cell::text(
                                s.organisation
                                    .as_ref()
                                    .map_or("Not stated".into(), |o| names.any(o.as_str())),
                            ),
                            Cell::text(by),
                            Cell::text(
                                s.date
                                    .as_ref()
                                    .map_or("Not dated".into(), |d| date(d.get())),
                            ),
                        ]
                    })
                    .collect(),
                foot: vec![],
                notes: vec![],
                numeric: vec![],
            })],
            subsections: vec![],
        }));
    }
    if !p.versions.is_empty() {
        sections.push(Some(Section {
            id: "versions".into(),
            heading: "Version history".into(),
            blocks: vec![Block::Table(Table {
                caption: "Versions of these arrangements".into(),
                head: vec![
                    "Version".into(),
                    "Date".into(),
                    "What changed".into(),
                    "Approved by".into(),
                ],
                rows: p
                    .versions
                    .iter()
                    .map(|v| {
                        vec![
                            Cell::text(tidy(&v.version)),
                            Cell::text(v.date.as_ref().map_or(String::new(), |d| date(d.get()))),
                            Cell::text(v.description.as_ref().map_or(String::new(), |d| {
                                d.split_whitespace().collect::<Vec<_>>().join(" ")
                            })),
                            Cell::text(v.approved_by.as_ref().map_or(String::new(), |a| tidy(a))),
                        ]
                    })
                    .collect(),
                foot: vec![],
                notes: vec![],
                numeric: vec![],
            })],
            subsections: vec![],
        }));
    }

    let subtitle = match p.document.as_ref().map(|d| *d.get()) {
        Some(crate::model::DocumentKind::WebPage) => {
            "Web page about the multi-agency safeguarding arrangements"
        }
        _ => "Multi-agency safeguarding arrangements",
    };
    let mut sections: Vec<Section> = sections.into_iter().flatten().collect();
    mark_figure_columns(&mut sections);
    Page {
        title: tidy(&p.name),
        subtitle: subtitle.into(),
        sections,
        findings: None,
        generated: date(&Date::Day(today)),
        masa_version: env!("CARGO_PKG_VERSION"),
    }
}

fn push_sub(s: &mut Section, id: &str, heading: &str, blocks: Vec<Option<Block>>) {
    if let Some(sub) = section(id, heading, blocks) {
        s.subsections.push(sub);
    }
}

fn plural(n: u32, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn working_days(n: u32, after: &str) -> String {
    let text = plural(n, "working day");
    if after.is_empty() {
        text
    } else {
        format!("{text} {after}")
    }
}

fn times_a_year(verb: &str, n: u32) -> String {
    match n {
        1 => format!("{verb} once a year"),
        2 => format!("{verb} twice a year"),
        n => format!("{verb} {n} times a year"),
    }
}

/// The groups a relevant agency is shown under, in order.
const KIND_GROUPS: &[&str] = &[
    "Health",
    "Education and childcare",
    "Children's homes, fostering and adoption",
    "Police, justice and the courts",
    "Local government and emergency services",
    "Voluntary, faith, sport and community organisations",
    "National bodies and others",
    "People and posts",
];

fn kind_group(kind: OrganisationKind) -> &'static str {
    use OrganisationKind as K;
    match kind {
        K::IntegratedCareBoard
        | K::ClinicalCommissioningGroup
        | K::NhsEngland
        | K::NhsTrust
        | K::NhsFoundationTrust => KIND_GROUPS[0],
        K::School
        | K::College
        | K::EducationSettings
        | K::AlternativeProvision
        | K::HigherEducation
        | K::EarlyYears
        | K::TrainingProvider
        | K::ChildrensCentre => KIND_GROUPS[1],
        K::AdoptionAgency | K::FosteringAgency | K::ChildrensHome | K::ResidentialFamilyCentre => {
            KIND_GROUPS[2]
        }
        K::Police
        | K::BritishTransportPolice
        | K::PortPolice
        | K::Prison
        | K::Probation
        | K::YouthCustody
        | K::YouthJustice
        | K::Cafcass => KIND_GROUPS[3],
        K::LocalAuthority | K::DistrictCouncil | K::FireAndRescue => KIND_GROUPS[4],
        K::VoluntarySector | K::ReligiousOrganisation | K::SportLeisure => KIND_GROUPS[5],
        K::GovernmentDepartment
        | K::NationalBody
        | K::Immigration
        | K::SafeguardingPartnership
        | K::ChildDeathOverviewPanel
        | K::Other => KIND_GROUPS[6],
    }
}

fn report_item(item: crate::model::ReportItem) -> &'static str {
    use crate::model::ReportItem as R;
    match item {
        R::PartnerContributions => "the contribution of each safeguarding partner",
        R::ScrutinyThemes => "themes from scrutiny",
        R::ImpactEvidence => {
            "evidence of impact, including of training, on outcomes for children and families"
        }
        R::LittleProgress => "areas with little or no evidence of progress on agreed priorities",
        R::SeriousIncidentLearning => "learning from serious incidents",
        R::KeyDecisions => "key decisions and actions, including on review recommendations",
        R::ChildrenFamiliesFeedback => {
            "how feedback from children and families was sought and used"
        }
        R::CostsBreakdown => "a breakdown of costs and each partner's financial contribution",
        R::EducationRepresentation => {
            "how education is represented at operational and strategic levels"
        }
        R::DataAndInformationSharing => "how data and information sharing improved practice",
        R::ScrutinyImpactReview => "the impact of, and learning from, independent scrutiny",
        R::ArrangementUpdates => "updates to these arrangements, with timescales",
        R::NationalReforms => "how national reforms have been implemented",
    }
}

/// Half a unit of the last decimal place a percentage is written to: 9.9 → 0.05, 11 → 0.5.
/// A stated share within this of the computed share agrees with it (the same tolerance as the
/// `funding-percentages` rule).
fn half_unit(stated: Decimal) -> Decimal {
    Decimal::new(5, stated.scale() + 1)
}

/// A computed share, to one decimal place like every figure in its column: "9.8%", "1.0%".
fn percent(value: Decimal) -> String {
    format!(
        "{:.1}%",
        value.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    )
}

/// The funding section: a table of contributions with the exact computed total and each share,
/// beside the total and shares the document states; where they differ, both are shown and
/// the cell says so in words.
fn funding(f: &crate::model::Funding, names: &Names<'_>) -> Option<Section> {
    let pounds = |amount: Decimal| match f.unit.get() {
        Unit::Pounds => amount,
        Unit::ThousandsOfPounds => amount * Decimal::from(1000),
    };
    let mut facts = Vec::new();
    if let Some(y) = &f.financial_year {
        facts.push(fact("Financial year", y.to_string()));
    }
    if let Some(b) = &f.basis {
        facts.push(fact("What the figures cover", tidy(b)));
    }
    let mut blocks = vec![facts_block(facts)];
    if !f.contributions.is_empty() {
        let total: Decimal = f.contributions.iter().map(|c| c.amount.value()).sum();
        let any_stated_share = f.contributions.iter().any(|c| c.stated_percent.is_some());
        let mut head = vec![
            "Contributor".to_owned(),
            "Amount".to_owned(),
            "Share of the total".to_owned(),
        ];
        if any_stated_share {
            head.push("Share as stated".into());
        }
        let mut notes = Vec::new();
        let rows = f
            .contributions
            .iter()
            .map(|c| {
                let name = names.any(c.organisation.as_str());
                let share = (!total.is_zero()).then(|| c.amount.value() * Decimal::from(100) / total);
                let mut row = vec![
                    Cell::text(name.clone()),
                    Cell::figure(format_pounds(pounds(c.amount.value()))),
                    Cell::figure(share.map_or("—".into(), percent)),
                ];
                if any_stated_share {
                    row.push(match (&c.stated_percent, share) {
                        (Some(stated), Some(share)) if (stated.value() - share).abs() > half_unit(stated.value()) => {
                            notes.push(format!(
                                "The document states {name}'s share as {}%; its amount is {} of the total.",
                                stated.value().normalize(),
                                percent(share)
                            ));
                            Cell { text: format!("{}% (differs)", stated.value().normalize()), numeric: true, differs: true }
                        }
                        (Some(stated), _) => Cell::figure(format!("{}%", stated.value().normalize())),
                        (None, _) => Cell::figure("—"),
                    });
                }
                row
            })
            .collect();
        let blank = || {
            if any_stated_share {
                vec![Cell::figure("")]
            } else {
                vec![]
            }
        };
        let mut foot = vec![
            [
                vec![
                    Cell::text("Total of the contributions"),
                    Cell::figure(format_pounds(pounds(total))),
                    Cell::figure(if total.is_zero() { "—" } else { "100.0%" }),
                ],
                blank(),
            ]
            .concat(),
        ];
        if let Some(stated) = &f.stated_total {
            let differs = stated.value() != total;
            let text = format_pounds(pounds(stated.value()));
            foot.push(
                [
                    vec![
                        Cell::text("Total as stated in the document"),
                        Cell {
                            text: if differs {
                                format!("{text} (differs)")
                            } else {
                                text.clone()
                            },
                            numeric: true,
                            differs,
                        },
                        Cell::figure(""),
                    ],
                    blank(),
                ]
                .concat(),
            );
            if differs {
                notes.insert(
                    0,
                    format!(
                        "The stated total, {text}, differs from the total of the contributions, {}, by {}.",
                        format_pounds(pounds(total)),
                        format_pounds(pounds((stated.value() - total).abs()))
                    ),
                );
            }
        }
        let caption = match &f.financial_year {
            Some(y) => format!("Contributions to the partnership's funding, {y}"),
            None => "Contributions to the partnership's funding".to_owned(),
        };
        blocks.push(Some(Block::Table(Table {
            caption,
            head,
            rows,
            foot,
            notes,
            numeric: vec![],
        })));
    } else if let Some(stated) = &f.stated_total {
        blocks.push(Some(Block::Facts {
            items: vec![fact("Total", format_pounds(pounds(stated.value())))],
        }));
    }
    section("funding", "Funding", blocks)
}

/// The chart's groups, by display name.
fn chart(doc: &Arrangements, names: &Names<'_>) -> Chart {
    let own_name = tidy(&doc.partnership.name);
    let mut others: Vec<String> = Vec::new();
    let groups: Vec<GroupInput> = doc
        .groups
        .iter()
        .map(|g| {
            let chair = g.chair.as_ref().map(|c| {
                let chairs: Vec<String> = c.ids().iter().map(|r| names.role(r.as_str())).collect();
                and_list(&chairs)
            });
            let meets = match (&g.meetings_per_year, &g.frequency) {
                (Some(n), _) => Some(times_a_year("Meets", *n.get())),
                (None, Some(f)) => Some(format!("Meets: {}", tidy(f))),
                (None, None) => None,
            };
            let pan_area = matches!(
                g.scope.as_ref().map(|s| *s.get()),
                Some(crate::model::Scope::PanArea)
            );
            let owner = g.partnership.as_ref().map(|p| names.any(p.as_str()));
            let (band, scope) = match (&owner, pan_area) {
                (_, true) => (
                    Band::PanArea,
                    Some(match &owner {
                        Some(o) => format!("Pan-area group, hosted by {o}"),
                        None => "Pan-area group".to_owned(),
                    }),
                ),
                (Some(o), false) => {
                    let at = others.iter().position(|x| x == o).unwrap_or_else(|| {
                        others.push(o.clone());
                        others.len() - 1
                    });
                    // The band's heading names the partnership.
                    (Band::Other(u16::try_from(at).unwrap_or(u16::MAX)), None)
                }
                (None, false) => (
                    Band::Own,
                    matches!(
                        g.scope.as_ref().map(|s| *s.get()),
                        Some(crate::model::Scope::Local)
                    )
                    .then(|| "Local group".to_owned()),
                ),
            };
            GroupInput {
                id: g.id.as_str().to_owned(),
                reports_to: g.reports_to.as_ref().map(|r| r.as_str().to_owned()),
                node: Node {
                    name: tidy(&g.name),
                    chair,
                    meets,
                    scope,
                    vice_chair: g.vice_chair.as_ref().map(|v| {
                        let vice: Vec<String> =
                            v.ids().iter().map(|r| names.role(r.as_str())).collect();
                        and_list(&vice)
                    }),
                    purpose: g
                        .purpose
                        .as_ref()
                        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|p| !p.is_empty()),
                    members: names.list(&g.members),
                    children: vec![],
                    band,
                },
            }
        })
        .collect();
    let mut bands = vec![
        (Band::Own, format!("Groups of {own_name}")),
        (
            Band::PanArea,
            "Pan-area groups, shared with neighbouring partnerships".to_owned(),
        ),
    ];
    bands.extend(others.into_iter().enumerate().map(|(i, o)| {
        (
            Band::Other(u16::try_from(i).unwrap_or(u16::MAX)),
            format!("Groups of {o}, as this document describes them"),
        )
    }));
    Chart::build(groups, bands)
}

/// The findings panel from a file's report.
pub fn findings(report: &crate::report::FileReport) -> Findings {
    use crate::diag::Severity;
    let lines = report.line_index();
    let count = |s| report.count(s);
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let summary = if report.diagnostics.is_empty() {
        "masa found nothing to report in this document.".to_owned()
    } else {
        format!(
            "masa found {}, {} and {} of advice in this document.",
            plural(e as u32, "error"),
            plural(w as u32, "warning"),
            plural(i as u32, "item")
        )
    };
    Findings {
        summary,
        items: report
            .diagnostics
            .iter()
            .map(|d| Finding {
                severity: match d.severity {
                    Severity::Error => "Error",
                    Severity::Warning => "Warning",
                    Severity::Info => "Advice",
                }
                .into(),
                rule: d.rule.clone(),
                message: d.message.clone(),
                line: lines.position(d.span.start).line,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_people_write_them() {
        assert_eq!(date(&"2024-09-27".parse().unwrap()), "27 September 2024");
        assert_eq!(date(&"2025-09".parse().unwrap()), "September 2025");
        assert_eq!(date(&"2024".parse().unwrap()), "2024");
        assert_eq!(date(&"2025-01-01".parse().unwrap()), "1 January 2025");
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(and_list(&["A".into()]), "A");
        assert_eq!(and_list(&["A".into(), "B".into()]), "A and B");
        assert_eq!(
            and_list(&["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
        assert_eq!(paras("one\ntwo\n\n\nthree  "), ["one two", "three"]);
        assert_eq!(tidy(" Two lay members. "), "Two lay members");
    }

    #[test]
    fn placeholder_and_unsafe_addresses_are_not_links() {
        let l = link_view("Thresholds", Some("#"), None);
        assert_eq!(
            (l.href, l.note.as_deref()),
            (None, Some("link not published"))
        );
        let l = link_view("Thresholds", None, None);
        assert_eq!(l.note.as_deref(), Some("link not published"));
        let l = link_view("x", Some("javascript:alert(1)"), None);
        assert!(l.href.is_none());
        assert!(l.note.unwrap().contains("not a web address"));
        let l = link_view("x", Some("https://www.gov.uk/a"), None);
        assert_eq!(l.href.as_deref(), Some("https://www.gov.uk/a"));
    }
}
