//! Wording: titles and names that are out of date, mistyped or left as placeholders. These
//! rules read every text value of the document (descriptions, names, titles), because the
//! words can appear anywhere.

use std::collections::HashSet;

use super::data::{Claim, MaxSeverity, registries};
use super::support::names::is_short_form;
use super::support::negation::{Negation, sentence_around, sentence_ends};
use super::support::phrases::find_all;
use super::support::prose::{Entry, Hit, inner_span};
use super::{ALL_EDITIONS, Context, Level, RuleMeta, SINCE_WT2023, finding, rule};
use crate::diag::Severity;
use crate::model::{Span, TextValue};

/// Every case-insensitive occurrence of `needle` (lower-case) in the text values: the value,
/// the byte offset of the match in it, and the match's span in the file.
fn occurrences_at<'a>(
    cx: &Context<'a>,
    needle: &str,
) -> impl Iterator<Item = (&'a TextValue, usize, Span)> {
    let len = needle.len();
    cx.occurrences(needle)
        .into_iter()
        .map(move |(t, at)| (t, at, inner_span(t, at, len)))
}

/// The text actually matched (original case), for messages.
fn matched(t: &TextValue, at: usize, len: usize) -> &str {
    t.text.get(at..at + len).unwrap_or(&t.text)
}

rule!(
    PlaceholderText,
    RuleMeta {
        id: "placeholder-text",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "No placeholders or word-processor debris are left in the published text.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value for \"TBC\", \"TODO\" (the placeholders `masa init` writes), \"[image: …]\" and Word bookmark artefacts such as \"[bookmark: _Hlk…]\".",
        why: "A published placeholder shows that part of the arrangements was never finished; bookmark debris shows text was pasted without review.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "education-group"
name = "Safeguarding Education Group"
purpose = "Themes: (TBC)"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "education-group"
name = "Safeguarding Education Group"
purpose = "Themes: child on child abuse, radicalisation"
"#,
    },
    |meta, cx, out| {
        // Only the values where one of the phrases occurs need a closer look.
        let mut candidates: Vec<&TextValue> = ["tbc", "todo", "[bookmark:", "[image:"]
            .into_iter()
            .flat_map(|phrase| cx.occurrences(phrase))
            .map(|(t, _)| t)
            .collect();
        // In the order of the values (they are one slice), each once.
        candidates.sort_by_key(|t| std::ptr::from_ref(*t));
        candidates.dedup_by_key(|t| std::ptr::from_ref(*t));
        for t in candidates {
            let text = &t.text;
            let standing_alone = |at: usize, len: usize| {
                let before = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after = text[at + len..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                before && after
            };
            let tbc = find_all(text, "tbc")
                .into_iter()
                .find(|&i| standing_alone(i, 3));
            let todo = text
                .match_indices("TODO")
                .find(|(i, _)| standing_alone(*i, 4));
            let found = tbc
                .map(|i| (i, 3, "\"TBC\" (to be confirmed)"))
                .or_else(|| todo.map(|(i, _)| (i, 4, "a \"TODO\" placeholder")))
                .or_else(|| {
                    find_all(text, "[bookmark:")
                        .first()
                        .map(|&i| (i, "[bookmark:".len(), "a Word bookmark"))
                })
                .or_else(|| {
                    find_all(text, "[image:")
                        .first()
                        .map(|&i| (i, "[image:".len(), "an image placeholder"))
                });
            if let Some((i, len, what)) = found {
                out.push(
                    finding(
                        meta,
                        inner_span(t, i, len),
                        format!("`{}` contains {what} left in the published text", t.key),
                    )
                    .with_label("placeholder")
                    .with_help("replace the placeholder with the agreed content, or remove it"),
                );
            }
        }
    }
);

rule!(
    AcronymExpansion,
    RuleMeta {
        id: "acronym-expansion",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "LSP and DSP are spelt out correctly: Lead and Delegated Safeguarding Partner.",
        citation: "WT2023 ch. 2, paras 47 and 56",
        editions: SINCE_WT2023,
        enabled: true,
        fix: Some(crate::diag::Applicability::Safe),
        what: "Every text value for \"Lead Strategic Partner\" (for Lead Safeguarding Partner) and \"Designated Safeguarding Partner\" (for Delegated Safeguarding Partner).",
        why: "The guidance's terms carry its meaning: a \"designated\" partner or a \"strategic\" lead is not a role WT2023 defines, and readers may not recognise the LSPs and DSPs.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
agreed_by = "The Lead Strategic Partners (LSP's)"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
agreed_by = "The Lead Safeguarding Partners (LSPs)"
"#,
    },
    |meta, cx, out| {
        for (wrong, right) in [
            ("lead strategic partner", "Lead Safeguarding Partner"),
            (
                "designated safeguarding partner",
                "Delegated Safeguarding Partner",
            ),
        ] {
            for (t, at, span) in occurrences_at(cx, wrong) {
                let written = matched(t, at, wrong.len());
                let mut d = finding(
                    meta,
                    span.clone(),
                    format!(
                        "`{}` says \"{written}\"; the guidance's term is \"{right}\"",
                        t.key
                    ),
                )
                .with_label("term")
                .with_help(format!("write \"{right}\""));
                // Only where the span is the words themselves (the text is written verbatim).
                if span.len() == wrong.len() && written.len() == wrong.len() {
                    let replacement = same_case(written, right);
                    d = d.with_fix(crate::diag::Fix::safe(
                        format!("write \"{replacement}\""),
                        span.clone(),
                        replacement,
                    ));
                }
                out.push(d);
            }
        }
    }
);

/// `right` written in the case of `written`, word by word: all lower case, all capitals, or
/// each word's first letter as written.
fn same_case(written: &str, right: &str) -> String {
    if written.chars().all(|c| !c.is_uppercase()) {
        return right.to_lowercase();
    }
    if written.chars().all(|c| !c.is_lowercase()) {
        return right.to_uppercase();
    }
    let cases: Vec<bool> = written
        .split(' ')
        .map(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    right
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let mut c = w.chars();
            let first = c.next().map(|f| {
                if cases.get(i).copied().unwrap_or(true) {
                    f.to_uppercase().collect::<String>()
                } else {
                    f.to_lowercase().collect::<String>()
                }
            });
            first.unwrap_or_default() + &c.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The registry id of a guidance edition, as `editions` lists in the data files name them.
fn edition_id(e: crate::model::Edition) -> &'static str {
    match e {
        crate::model::Edition::Wt2018 => "wt2018",
        crate::model::Edition::Wt2023 => "wt2023",
        crate::model::Edition::Wt2026 => "wt2026",
    }
}

/// Whether an entry limited to `editions` (none: every edition) applies to the edition the
/// document is judged by.
fn edition_applies(cx: &Context<'_>, editions: &[String]) -> bool {
    let judged = edition_id(super::edition_judged_by(cx.model, cx.today));
    editions.is_empty() || editions.iter().any(|e| e == judged)
}

/// The most severe a finding may be under an entry's `max_severity`.
fn capped(severity: Severity, max: Option<MaxSeverity>) -> Severity {
    let cap = match max {
        Some(MaxSeverity::Info) => Severity::Info,
        Some(MaxSeverity::Warning) => Severity::Warning,
        None => Severity::Error,
    };
    severity.min(cap)
}

/// Whether the text value names a declared organisation: its own `name` or `also_called`, or
/// the document's words for an organisation it lists (`listed_as`). `obsolete-body` and
/// `panel-name` judge those, knowing the organisation's role; the prose rules do not (one
/// defect, one finding).
fn is_organisation_name(cx: &Context<'_>, t: &TextValue) -> bool {
    matches!(t.key.as_str(), "also_called" | "listed_as")
        || cx
            .model
            .doc
            .organisations
            .iter()
            .any(|o| o.name.span() == t.span)
}

/// The obsolete.toml entries that match a declared organisation's name: `obsolete-body`
/// reports the organisation, and a mention of it in the text is the same defect.
fn declared_obsolete(cx: &Context<'_>) -> Vec<usize> {
    let mut entries: Vec<usize> = cx
        .model
        .texts
        .iter()
        .zip(cx.registry_hits())
        .filter(|(t, _)| is_organisation_name(cx, t))
        .flat_map(|(_, hits)| hits.iter())
        .filter_map(|h| match h.entry {
            Entry::Obsolete(i) => Some(i),
            _ => None,
        })
        .collect();
    entries.sort_unstable();
    entries.dedup();
    entries
}

/// The partnership's own name (without a trailing "(…)") and its initials, lower-case: a
/// partnership that still calls itself a "Safeguarding Children Board" (as some do) is not
/// naming the abolished LSCB when it names itself.
fn own_names(cx: &Context<'_>) -> (String, Vec<String>) {
    let name = cx.model.doc.partnership.name.get().as_str();
    let (core, bracket) = match name.split_once(" (") {
        Some((core, rest)) => (core, rest.strip_suffix(')')),
        None => (name, None),
    };
    let initials: String = core
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    let mut short = vec![initials.to_ascii_lowercase()];
    short.extend(bracket.map(str::to_ascii_lowercase));
    (super::support::prose::normalise(core).0.split_off(1), short)
}

/// Where the partnership's own name stands in `text` (byte ranges): found once per text
/// value, so that judging every hit against it stays linear.
fn own_name_spans(text: &str, own: &(String, Vec<String>)) -> Vec<(usize, usize)> {
    if own.0.len() < 4 {
        return Vec::new();
    }
    let (norm, from) = super::support::prose::normalise(text);
    norm.match_indices(own.0.as_str())
        .map(|(at, m)| (from[at].0, from[at + m.len() - 1].1))
        .collect()
}

/// Whether `start..end` of `text` lies within the partnership's own name (`spans`, from
/// [`own_name_spans`]), or is its initials.
fn within_own_name(
    text: &str,
    own: &(String, Vec<String>),
    spans: &[(usize, usize)],
    start: usize,
    end: usize,
) -> bool {
    let matched = text[start..end].to_ascii_lowercase();
    let matched = matched.trim_end_matches('s');
    own.1.iter().any(|i| i.len() > 1 && i == matched)
        || spans.iter().any(|&(s, e)| s <= start && end <= e)
}

/// A false statement of law found in a text value: the claim and where it is stated.
struct ClaimPlace {
    claim: usize,
    start: usize,
    end: usize,
}

/// The claims of false_law.toml stated in `t`, judged as at the document's day: in force
/// (`false_from`, `editions`), with a `near` word in the same sentence, and not negated or
/// narrated as history.
fn claims_in(
    cx: &Context<'_>,
    t: &TextValue,
    hits: &[Hit],
    negation: &Negation,
) -> Vec<ClaimPlace> {
    let r = registries();
    let declared = declared_obsolete(cx);
    let mut ends: Option<Vec<usize>> = None;
    let mut out: Vec<ClaimPlace> = Vec::new();
    for h in hits {
        let Entry::Claim(i) = h.entry else { continue };
        let c = &r.false_law[i];
        if c.false_from.is_some_and(|from| cx.today < from) || !edition_applies(cx, &c.editions) {
            continue;
        }
        if !c.near.is_empty() {
            let ends = ends.get_or_insert_with(|| sentence_ends(&t.text));
            let (s, e) = sentence_around(&t.text, ends, h.start);
            let sentence = super::support::prose::normalise(&t.text[s..e.max(h.end)]).0;
            if !c.near.iter().any(|n| sentence.contains(n.as_str())) {
                continue;
            }
        }
        // A statement naming a body the document declares (a yearly report "sent to the What
        // Works Centre", declared as a recipient) is obsolete-body's finding. Not a statement
        // that was never the law: naming an old body is not what makes it false.
        if !c.never_true
            && hits.iter().any(|o| {
                matches!(o.entry, Entry::Obsolete(e) if declared.contains(&e))
                    && h.start <= o.start
                    && o.end <= h.end
            })
        {
            continue;
        }
        // A negated or narrated statement ("were required", "replaced the requirement for")
        // does not state the claim.
        let excused = if c.never_true {
            negation.is_negated(h.start, h.end)
        } else {
            negation.is_mention(h.start, h.end)
        };
        if excused {
            continue;
        }
        if out
            .iter()
            .any(|p| p.claim == i && p.start < h.end && h.start < p.end)
        {
            continue;
        }
        out.push(ClaimPlace {
            claim: i,
            start: h.start,
            end: h.end,
        });
    }
    out
}

/// The claim `education-not-statutory-partner` reports (all others are
/// `false-statement-of-law`'s).
const EDUCATION_CLAIM: &str = "education-fourth-statutory-partner";

/// The severity of a finding on a false statement of law: an error only for a statement of
/// statute whose correction rests on the primary text (`confirmed`), otherwise a warning, or
/// advice where the registry says so.
fn claim_severity(c: &Claim) -> Severity {
    let base = if c.confirmed && c.basis == "statute" {
        Severity::Error
    } else {
        Severity::Warning
    };
    capped(base, c.max_severity)
}

/// Reports each claim once per text value: the first place, with the others as labels.
fn report_claims(
    meta: &RuleMeta,
    cx: &Context<'_>,
    out: &mut Vec<crate::diag::Diagnostic>,
    education: bool,
) {
    let r = registries();
    for (t, hits) in cx.model.texts.iter().zip(cx.registry_hits()) {
        if !hits.iter().any(|h| matches!(h.entry, Entry::Claim(_))) {
            continue;
        }
        let negation = Negation::of(&t.text);
        let places = claims_in(cx, t, hits, &negation);
        let mut done: Vec<usize> = Vec::new();
        for p in &places {
            let c = &r.false_law[p.claim];
            if (c.id == EDUCATION_CLAIM) != education || done.contains(&p.claim) {
                continue;
            }
            done.push(p.claim);
            let stated = &t.text[p.start..p.end];
            let severity = if education {
                meta.default_severity
            } else {
                claim_severity(c)
            };
            let mut d = finding(
                meta,
                inner_span(t, p.start, p.end - p.start),
                format!("`{}` says \"{stated}\": {}", t.key, lower_first(&c.claim)),
            )
            .with_label("false statement of law")
            .with_help(c.truth.clone())
            .with_citation(c.source.clone())
            .with_severity(severity)
            .same_defect(c.id.clone());
            for again in places
                .iter()
                .filter(|o| o.claim == p.claim && o.start != p.start)
            {
                d = d.with_secondary(
                    inner_span(t, again.start, again.end - again.start),
                    "stated again",
                );
            }
            out.push(d);
        }
    }
}

/// The claim in words, as the end of a sentence: "the claim is false: …".
fn lower_first(claim: &str) -> String {
    format!("this states that {}", {
        let mut c = claim.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect::<String>())
            .unwrap_or_default()
    })
    .trim_end_matches('.')
    .to_owned()
        + ", which is not the law"
}

/// Future wording, over lower-case text: a sentence with a date before a body ended that says
/// what "will" happen still uses the name as current ("the LSCB will continue until 2019").
static FUTURE_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(will|shall|is to|are to|going to)\b").expect("a valid expression")
});

rule!(
    ObsoleteTitle,
    RuleMeta {
        id: "obsolete-title",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The text does not present bodies, titles or terms that no longer exist as current.",
        citation: "The source of each entry of the obsolete-names registry (src/rules/data/obsolete.toml), e.g. Children and Social Work Act 2017 s.30 (LSCBs abolished); Health and Care Act 2022 (CCGs abolished, ICB titles); WT2023 ch. 2, para 62 (no independent chair). Each finding cites its own.",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value (except the names of declared organisations, which `obsolete-body` judges, as it judges every mention of a body the document declares) for every entry of the obsolete-names registry: bodies (any \"… Clinical Commissioning Group\" and CCG(s), Local Safeguarding Children Boards and \"… Safeguarding Children('s) Board\" with initials such as LSCB or BSCB, the National Probation Service and Community Rehabilitation Companies, Public Health England, What Works for Children's Social Care, the Early Intervention Foundation, the ICBs that ended on 1 April 2026), titles (\"Accountable Officer\", \"Designate\", an \"Independent Chair\" alongside independent scrutiny under WT2023) and terms (serious case reviews, the NHS Commissioning Board), with the typographic apostrophe read as a straight one. An entry counts only once it had ended on the day the document is judged as at (a 2018 record rightly names its Board), and only under the editions it lists. A name in negation or narrated history (\"the former LSCB\", \"the LSCB was replaced by …\", \"replaced the CCG\", \"before 2019\", a quoted old title) is a mention, not a use, and does not count, nor does a name in a sentence that opens with a date before the body ended and is not in the future tense (\"On 4 February 2019 … the Clinical Commissioning Group published …\"); nor does the partnership's own name or initials. One finding per entry per text value, its further places labelled; a warning, or advice where the registry caps it (`max_severity`); prose never gives an error.",
        why: "LSCBs were replaced by the safeguarding partners' arrangements in 2019, CCGs by ICBs in 2022, serious case reviews by local child safeguarding practice reviews; ICBs have chief executives, not accountable officers; WT2023 removes the need for an independent chair. Presenting them as current misinforms readers about who is responsible and suggests the text was not revised.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "If the Safeguarding Children’s Board receives any complaints …"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "If the partnership, which replaced the Safeguarding Children’s Board in 2019, receives any complaints …"
"#,
    },
    |meta, cx, out| {
        let r = registries();
        // Para 62 is WT2023's: a document judged under WT2018 may still have an independent chair.
        let has_scrutiny = cx.model.doc.independent_scrutiny.is_some();
        let own = own_names(cx);
        let declared = declared_obsolete(cx);
        for (t, hits) in cx.model.texts.iter().zip(cx.registry_hits()) {
            if !hits.iter().any(|h| matches!(h.entry, Entry::Obsolete(_)))
                || is_organisation_name(cx, t)
                || t.span == cx.model.doc.partnership.name.span()
            {
                continue;
            }
            let negation = Negation::of(&t.text);
            let own_spans = own_name_spans(&t.text, &own);
            let ends = sentence_ends(&t.text);
            let near_ok = |start: usize, end: usize, near: &[String]| {
                near.is_empty() || {
                    let (s, e) = sentence_around(&t.text, &ends, start);
                    let sentence = super::support::prose::normalise(&t.text[s..e.max(end)]).0;
                    near.iter().any(|n| sentence.contains(n.as_str()))
                }
            };
            // A sentence that opens with a date before the body ended ("On 4 February 2019 …
            // the Clinical Commissioning Group published …", "In 2018 the LSCB …"), and is not
            // in the future tense, tells of that time: the name is history there, not used as
            // current. Dates are read once per text.
            let dates = super::support::dates::dates_in(&t.text);
            let told_of_its_time = |start: usize, ended: crate::model::Day| {
                let (s, e) = sentence_around(&t.text, &ends, start);
                let first = dates.partition_point(|d| d.start < s);
                let Some(d) = dates.get(first).filter(|d| d.end <= start && !d.in_title) else {
                    return false;
                };
                // "On", "In", "During", "By", "From": a few bytes, never the sentence again.
                if d.start - s > 12 {
                    return false;
                }
                let opening = t.text[s..d.start].trim().to_ascii_lowercase();
                let e =
                    super::support::prose::floor_boundary(&t.text, e.min(start + 400).max(start));
                matches!(opening.as_str(), "on" | "in" | "during" | "by" | "from")
                    && d.date.latest() < ended
                    && !FUTURE_WORDS.is_match(&t.text[s..e].to_ascii_lowercase())
            };
            // A false statement of law about the same words is that rule's finding.
            let claims = claims_in(cx, t, hits, &negation);
            let mut places: Vec<(usize, usize, usize)> = hits
                .iter()
                .filter_map(|h| match h.entry {
                    Entry::Obsolete(i) => Some((h.start, h.end, i)),
                    _ => None,
                })
                .filter(|&(start, end, i)| {
                    let e = &r.obsolete.entry[i];
                    let needs_scrutiny = e.patterns.iter().any(|p| p == "independent chair");
                    cx.today >= e.ended
                        && !declared.contains(&i)
                        && edition_applies(cx, &e.editions)
                        && (!needs_scrutiny || has_scrutiny)
                        && !negation.is_mention(start, end)
                        && !told_of_its_time(start, e.ended)
                        && !within_own_name(&t.text, &own, &own_spans, start, end)
                        && near_ok(start, end, &e.near)
                        && !claims.iter().any(|c| {
                            r.false_law[c.claim].id != EDUCATION_CLAIM
                                && c.start < end
                                && start < c.end
                        })
                })
                .collect();
            // Each place once: the longest match there, of the first entry.
            places.sort_by_key(|&(start, end, i)| (start, std::cmp::Reverse(end), i));
            // Sorted by start, a place overlaps a kept one only if it starts before the
            // furthest end kept so far: one comparison each, not one per kept place.
            let mut kept: Vec<(usize, usize, usize)> = Vec::new();
            let mut reach = 0;
            for p in places {
                if kept.is_empty() || p.0 >= reach {
                    reach = reach.max(p.1);
                    kept.push(p);
                }
            }
            let mut reported: Vec<usize> = Vec::new();
            for &(start, end, i) in &kept {
                if reported.contains(&i) {
                    continue;
                }
                reported.push(i);
                let e = &r.obsolete.entry[i];
                let named = &t.text[start..end];
                let mut d = finding(
                    meta,
                    inner_span(t, start, end - start),
                    format!(
                        "`{}` uses \"{named}\" as if current: {} ended on {} (replaced by {})",
                        t.key, e.name, e.ended, e.replaced_by
                    ),
                )
                .with_label("out of date")
                .with_help(e.fix.clone())
                .with_citation(e.source.text(&r.obsolete.sources))
                .with_severity(capped(meta.default_severity, e.max_severity))
                // One old name left in several sentences is one defect: the text was not revised.
                .same_defect(e.name.clone());
                for &(s, en, _) in kept.iter().filter(|k| k.2 == i && k.0 != start) {
                    d = d.with_secondary(inner_span(t, s, en - s), "again");
                }
                out.push(d);
            }
        }
    }
);

/// Misquotations another rule reports: `acronym-expansion` ("Lead Strategic Partner",
/// "Designated Safeguarding Partner") and `panel-name` (the Panel's name with "National").
const MISQUOTES_REPORTED_ELSEWHERE: &[&str] = &[
    "lead strategic partner",
    "designated safeguarding partner",
    "national child safeguarding practice review panel",
];

rule!(
    LegislationTitleCorrect,
    RuleMeta {
        id: "legislation-title-correct",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Acts, regulations and the statutory guidance are cited by their correct titles.",
        citation: "The source of each misquotation in the titles registry (src/rules/data/titles.toml), e.g. SI 2018/789 reg. 1 (The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018); Health and Care Act 2022; Working Together to Safeguard Children. Each finding cites its own.",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value (except an organisation's own `name`) for every known misquotation of the titles registry: \"Working Together to Safeguarding Children\", \"Children and social Work Act\" or a wrong year for it, \"Children's Act 2004\", \"Health and Social Care Act 2022\", the 2018 Regulations with \"Relevant Agencies\", \"Regulation\" or \"Practice Reviews\", an edition of Working Together of a year there was none, the 2015 edition, a Bill cited after its Royal Assent (judged as at the document's day). A warning, or advice where the registry caps it (`max_severity`); one finding per misquotation per text value. \"Lead Strategic Partner\" and \"Designated Safeguarding Partner\" are `acronym-expansion`'s.",
        why: "A misquoted title makes the law harder to find and suggests the citation was not checked; a wrong Act (\"Health and Social Care Act 2022\") or a superseded edition points readers at the wrong law.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[relevant_agencies]
description = "… the Child Safeguarding Practice Review and Relevant Agencies (England) Regulations 2018"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[relevant_agencies]
description = "… the Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018"
"#,
    },
    |meta, cx, out| {
        let r = registries();
        for (t, hits) in cx.model.texts.iter().zip(cx.registry_hits()) {
            if !hits.iter().any(|h| matches!(h.entry, Entry::Misquote(_)))
                || is_organisation_name(cx, t)
            {
                continue;
            }
            let mut reported: Vec<usize> = Vec::new();
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for h in hits {
                let Entry::Misquote(i) = h.entry else {
                    continue;
                };
                let m = &r.titles.misquote[i];
                let elsewhere = m
                    .pattern
                    .as_deref()
                    .is_some_and(|p| MISQUOTES_REPORTED_ELSEWHERE.contains(&p));
                if elsewhere
                    || m.valid_until.is_some_and(|until| cx.today < until)
                    || reported.contains(&i)
                    || taken.iter().any(|&(s, e)| s < h.end && h.start < e)
                {
                    continue;
                }
                reported.push(i);
                taken.push((h.start, h.end));
                let quoted = &t.text[h.start..h.end];
                out.push(
                    finding(
                        meta,
                        inner_span(t, h.start, h.end - h.start),
                        format!("`{}` cites \"{quoted}\": {}", t.key, m.why),
                    )
                    .with_label("misquoted title")
                    .with_help(format!("cite {}", m.right))
                    .with_citation(m.source.clone())
                    .with_severity(capped(meta.default_severity, m.max_severity))
                    // The same misquotation in several places is one defect.
                    .same_defect(m.right.clone()),
                );
            }
        }
    }
);

rule!(
    FalseStatementOfLaw,
    RuleMeta {
        id: "false-statement-of-law",
        level: Level::Fact,
        default_severity: Severity::Error,
        summary: "The text does not state as law what the law does not say.",
        citation: "The source of each claim in the false-statements registry (src/rules/data/false_law.toml), e.g. Children Act 2004 s.16E(1) (England only), s.16G(7) (a yearly report at least once in every 12 months, no statutory date), s.16E(3)(b) (an ICB, not a CCG). Each finding cites its own.",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value for every claim of the false-statements registry: a \"statutory deadline\" of 30 September for the yearly report, the duty or the 2018 Regulations applying in \"England and Wales\", a CCG as a safeguarding partner or the LSCB as the statutory body (after they were abolished), the police as child death review partners, five working days for notifying a serious incident or six months for publishing a review \"by law\", an integrated care system as a safeguarding partner, the partnership as a \"statutory body\", a council's duty to establish a partnership, the repealed LSCB sections (ss.13-16) or regulations as the source of today's functions, replacing LSCBs as an \"option\" of the 2017 Act, and others. A claim counts only where one of its context words (`near`) is in the same sentence, from the day it became false (`false_from`) and under the editions it lists; a claim that was once true (an LSCB, a CCG) does not count in narrated history or negation, while one that was never the law (`never_true`) counts in narrated history too (\"the Children Act 2004 required each local authority to establish a Safeguarding Children Partnership\") and only a negation excuses it. An error only where the claim misstates an Act or regulations and the correction rests on the primary text (`confirmed`); otherwise a warning, or advice where the registry caps it. Education as a \"fourth partner\" is `education-not-statutory-partner`'s.",
        why: "Arrangements are read by practitioners as a statement of their duties: a statutory deadline that does not exist, a duty said to apply in Wales, or a body named as a statutory partner that the Act does not name misinforms them about the law.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[relevant_agencies]
description = "Under section 16E the safeguarding partners' duty applies across England and Wales."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[relevant_agencies]
description = "Under section 16E the safeguarding partners' duty applies to each local authority area in England."
"#,
    },
    |meta, cx, out| report_claims(meta, cx, out, false)
);

rule!(
    EducationNotStatutoryPartner,
    RuleMeta {
        id: "education-not-statutory-partner",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "Education is not described as a fourth statutory safeguarding partner.",
        citation: "Children Act 2004 s.16E(3); WT2023 ch. 2, paras 67, 76-78 and 107; Children's Wellbeing and Schools Act 2026 s.2",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value for the false-statements registry's claim that education is a (fourth) statutory safeguarding partner: \"fourth safeguarding partner\", \"fourth statutory (safeguarding) partner\", \"4th safeguarding partner\", \"education is/as/becomes a statutory partner\". Not where it is negated or narrated (\"education is not a fourth partner\", \"rather than a fourth safeguarding partner\").",
        why: "The Act names three safeguarding partners. Education settings are relevant agencies with strategic representation (and the 2026 Act, once commenced, makes designated childcare and education agencies a mandatory class of relevant agency), not a fourth partner with the partners' duties. Advice: the phrase is common shorthand for education's strategic role.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[education]
description = "… to bring education as the fourth safeguarding partner …"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[education]
description = "… to strengthen education's role as a relevant agency, not a fourth safeguarding partner …"
"#,
    },
    |meta, cx, out| report_claims(meta, cx, out, true)
);

rule!(
    OrgNameConsistent,
    RuleMeta {
        id: "org-name-consistent",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Each organisation is called by one name throughout the document.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no organisation has other names recorded in `also_called`, i.e. that the document calls it the same thing everywhere. Abbreviations and short forms of the name (\"BLMK ICB\", \"Bedfordshire Probation\" for \"Bedfordshire Probation Service\") are the same name.",
        why: "The same body under two names (\"Bedfordshire Police\" and \"Bedfordshire Constabulary\") makes readers wonder whether two bodies are meant, and breaks search and cross-checking.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"
also_called = ["Example Constabulary"]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"
"#,
    },
    |meta, cx, out| {
        for org in &cx.model.doc.organisations {
            for alias in org
                .also_called
                .iter()
                .filter(|a| !is_short_form(a.get(), org.name.get()))
            {
                out.push(
                    finding(
                        meta,
                        alias.span(),
                        format!(
                            "{} is also called \"{}\" in the document",
                            org.name.get(),
                            alias.get()
                        ),
                    )
                    .with_label("other name")
                    .with_secondary(org.name.span(), "name")
                    .with_help(
                        "use one name for the organisation throughout the published document",
                    ),
                );
            }
        }
    }
);

/// The other common word a group's name might end in.
fn swapped_ending(name: &str) -> Option<String> {
    for (a, b) in [(" Group", " Board"), (" Board", " Group")] {
        if let Some(stem) = name.strip_suffix(a) {
            return Some(format!("{stem}{b}"));
        }
    }
    None
}

/// Names read backwards from their last byte, as a trie. From a place in a text, one walk back
/// finds every name that ends there and stops at the first byte that no name has there, so it
/// costs at most the length of the text that matches, never the number of names.
struct NamesBackwards {
    /// Each node's children, as (byte, node); node 0 is the root. Nodes have few children, so
    /// a short scan beats hashing.
    children: Vec<Vec<(u8, usize)>>,
    /// The name (an index) whose walk ends at each node, if any.
    name_at: Vec<Option<usize>>,
}

impl NamesBackwards {
    fn new<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
        let mut trie = NamesBackwards {
            children: vec![Vec::new()],
            name_at: vec![None],
        };
        for (index, name) in names.into_iter().enumerate() {
            let mut node = 0;
            for &byte in name.as_bytes().iter().rev() {
                node = match trie.child(node, byte) {
                    Some(next) => next,
                    None => {
                        let next = trie.children.len();
                        trie.children.push(Vec::new());
                        trie.name_at.push(None);
                        trie.children[node].push((byte, next));
                        next
                    }
                };
            }
            trie.name_at[node].get_or_insert(index);
        }
        trie
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        self.children[node]
            .iter()
            .find(|(b, _)| *b == byte)
            .map(|&(_, next)| next)
    }

    /// Every name that ends at byte `end` of `text`, as (start, name index), longest first.
    fn ending_at(&self, text: &str, end: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut node = 0;
        for (at, &byte) in text.as_bytes()[..end].iter().enumerate().rev() {
            let Some(next) = self.child(node, byte) else {
                break;
            };
            node = next;
            if let Some(name) = self.name_at[node] {
                found.push((at, name));
            }
        }
        found.reverse();
        found
    }
}

rule!(
    GroupNameConsistent,
    RuleMeta {
        id: "group-name-consistent",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Each group is called by one name throughout the document.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no group has other names recorded in `also_called` (abbreviations and short forms aside), that the dispute resolution forum is not called something other than its group's name (`forum_called`), and that no text calls a group's \"Group\" a \"Board\" or the other way round (matching the capitalised name, so \"a strategic group\" is not read as \"Strategic Group\").",
        why: "A board and a group are different bodies in most partnerships: calling the same forum both leaves readers unsure where disputes go.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "leaders"
name = "Strategic Leaders Group"

[dispute_resolution]
forum = "leaders"
forum_called = "Strategic Leaders Board"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "leaders"
name = "Strategic Leaders Group"

[dispute_resolution]
forum = "leaders"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let mut reported: Vec<Span> = Vec::new();
        for group in &doc.groups {
            // A group's name is often the short form ("Strategic Board") of a longer name
            // used elsewhere ("Partnership Strategic Board"): either way round is one name.
            for alias in group.also_called.iter().filter(|a| {
                !is_short_form(a.get(), group.name.get())
                    && !is_short_form(group.name.get(), a.get())
            }) {
                reported.push(alias.span());
                out.push(
                    finding(
                        meta,
                        alias.span(),
                        format!(
                            "the group \"{}\" is also called \"{}\" in the document",
                            group.name.get(),
                            alias.get()
                        ),
                    )
                    .with_label("other name")
                    .with_secondary(group.name.span(), "group's name")
                    .with_help("call the group by one name throughout"),
                );
            }
        }
        if let Some(d) = &doc.dispute_resolution {
            if let (Some(forum), Some(called)) = (&d.forum, &d.forum_called) {
                if let Some(group) = cx
                    .model
                    .group(forum)
                    .filter(|g| g.name.get() != called.get())
                {
                    reported.push(called.span());
                    out.push(
                        finding(
                            meta,
                            called.span(),
                            format!(
                                "the dispute forum is called \"{}\" but the group is \"{}\"",
                                called.get(),
                                group.name.get()
                            ),
                        )
                        .with_label("name used here")
                        .with_secondary(group.name.span(), "group's name")
                        .with_help("call the group by one name throughout"),
                    );
                }
            }
        }
        // Each group's name with the other ending. Such a name ends in " Board" or " Group": the
        // values where those words occur are known from the one pass over the text, and from
        // each place a walk back through the names finds the ones that end there. A group's
        // name is a proper noun, so the match is exact ("a strategic group" is not "Strategic
        // Group"). Matches ending at one place come longest first, so "Partnership Strategic
        // Board" is reported and the "Strategic Board" inside it is not.
        let mut names: Vec<(String, &crate::model::Group)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for g in &doc.groups {
            // Several groups can share a name: the first is named in the finding.
            if let Some(other) = swapped_ending(g.name.get()).filter(|o| seen.insert(o.clone())) {
                names.push((other, g.get()));
            }
        }
        if names.is_empty() {
            return;
        }
        let backwards = NamesBackwards::new(names.iter().map(|(other, _)| other.as_str()));
        // Every " Board" and " Group" (exact case) in the values, by value and place.
        let mut ends: Vec<(&TextValue, usize)> = [(" board", " Board"), (" group", " Group")]
            .into_iter()
            .flat_map(|(phrase, exact)| {
                cx.occurrences(phrase)
                    .into_iter()
                    .filter(move |(t, at)| t.text.get(*at..at + exact.len()) == Some(exact))
                    .map(move |(t, at)| (t, at + exact.len()))
            })
            .collect();
        ends.sort_by_key(|(t, end)| (std::ptr::from_ref(*t), *end));
        let forum_called = doc
            .dispute_resolution
            .as_ref()
            .and_then(|d| d.forum_called.as_ref())
            .map(|c| c.get().as_str());
        // The places reported above (other names, the forum's name) are separate values: sorted,
        // a binary search tells whether a match lies inside one.
        reported.sort_by_key(|r| r.start);
        let inside_reported = |span: &Span| {
            let i = reported.partition_point(|r| r.start <= span.start);
            i > 0 && span.end <= reported[i - 1].end
        };
        // A match inside an earlier one of the same value ends where it ends, so it comes just
        // after it.
        let mut last: Option<Span> = None;
        for (t, end) in ends {
            for (start, name) in backwards.ending_at(&t.text, end) {
                let (other, group) = &names[name];
                let span = inner_span(t, start, other.len());
                // Report each place once, and not again where `forum_called` already records
                // the same words.
                if forum_called == Some(other.as_str())
                    || inside_reported(&span)
                    || last
                        .as_ref()
                        .is_some_and(|l| l.start <= span.start && span.end <= l.end)
                {
                    continue;
                }
                last = Some(span.clone());
                out.push(
                    finding(
                        meta,
                        span,
                        format!(
                            "`{}` says \"{other}\", but the group is \"{}\"",
                            t.key,
                            group.name.get()
                        ),
                    )
                    .with_label("name used here")
                    .with_secondary(group.name.span(), "group's name")
                    .with_help("call the group by one name throughout"),
                );
            }
        }
    }
);

/// A word of a name as compared: lower case, "&" as "and", apostrophes dropped.
fn name_word(word: &str) -> String {
    if word == "&" {
        return "and".to_owned();
    }
    word.chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two compared words are one word written as a possessive or a plural
/// ("Children", "Children's", "Childrens").
fn same_name_word(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// A possessive ending on the last word of a name ("the Partnership's report") belongs to the
/// sentence, not to the name.
fn without_possessive(word: &str) -> &str {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word)
}

/// Up to `n` words of `text` from byte `from`, each as (word, end), stopping at punctuation
/// that ends a phrase (a name does not run across a comma or a full stop).
fn words_from(text: &str, from: usize, n: usize) -> Vec<(&str, usize)> {
    let mut words = Vec::with_capacity(n);
    let mut at = from;
    while words.len() < n {
        let rest = &text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        let start = at + skipped;
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        if len == 0 {
            break;
        }
        let raw = &text[start..start + len];
        let word = raw.trim_end_matches([',', '.', ';', ':', ')', '"', '\u{201d}']);
        if word.is_empty() {
            break;
        }
        words.push((word, start + word.len()));
        if word.len() < raw.len() {
            break;
        }
        at = start + len;
    }
    words
}

rule!(
    PartnershipNameConsistent,
    RuleMeta {
        id: "partnership-name-consistent",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The partnership is called by its own name, written one way.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no text (and no `also_called` of `[partnership]`) writes the partnership's name with the same words in another form: \"Children's\" or \"Childrens\" for \"Children\", \"&\" for \"and\", a plural. The name is matched in full, or from its first \"Safeguarding\" when no place name comes before it; case alone, and a possessive ending (\"the Partnership's report\"), are not differences. Names of other partnerships (a different place before the same words) are not judged.",
        why: "The partnership's name is how people find its arrangements, its procedures and its yearly report. A name written two ways (\"Safeguarding Children's Partnership\" on one page, \"Safeguarding Children Partnership\" on another) looks like two bodies, and breaks search and cross-checking.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Disputes go to the Example Safeguarding Children’s Partnership executive."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Disputes go to the Example Safeguarding Children Partnership's executive."
"#,
    },
    |meta, cx, out| {
        let partnership = &cx.model.doc.partnership;
        let declared = partnership.name.get().trim();
        // "Example Safeguarding Children Partnership (ESCP)": the initials are not the name.
        let declared = match declared.rfind(" (") {
            Some(i) if declared.ends_with(')') => &declared[..i],
            _ => declared,
        };
        let words: Vec<&str> = declared.split_whitespace().collect();
        if words.len() < 2 {
            return;
        }
        let compared: Vec<String> = words.iter().map(|w| name_word(w)).collect();
        // The name in full, and from its first "Safeguarding" (the place left off).
        let mut forms: Vec<(usize, bool)> = vec![(0, false)];
        if let Some(i) = compared.iter().position(|w| w == "safeguarding") {
            if i > 0 && words.len() - i >= 3 {
                forms.push((i, true));
            }
        }
        let variant_of = |text: &str, at: usize, from: usize| -> Option<usize> {
            let want = &compared[from..];
            let found = words_from(text, at, want.len());
            if found.len() != want.len() {
                return None;
            }
            let last = found.len() - 1;
            let mut differs = false;
            for (k, ((word, _), expected)) in found.iter().zip(want).enumerate() {
                let word = if k == last {
                    without_possessive(word)
                } else {
                    word
                };
                let got = name_word(word);
                // A plural of the last word is several bodies ("the three Safeguarding
                // Children Partnerships"), not another spelling of this one.
                let same = if k == last {
                    got == *expected
                } else {
                    same_name_word(&got, expected)
                };
                if !same {
                    return None;
                }
                differs |= !word.eq_ignore_ascii_case(words[from + k]);
            }
            let end = found[last].1;
            let end = end - (found[last].0.len() - without_possessive(found[last].0).len());
            differs.then_some(end)
        };
        let mut reported: Vec<(usize, Span)> = Vec::new();
        let report = |span: Span, written: &str, out: &mut Vec<crate::diag::Diagnostic>| {
            out.push(
                finding(
                    meta,
                    span,
                    format!("the partnership is called \"{written}\" here, but its name is \"{declared}\""),
                )
                .with_label("name written another way")
                .with_secondary(partnership.name.span(), "the partnership's name")
                .with_help(format!("write \"{declared}\" wherever the partnership is named"))
                .same_defect(written.to_owned()),
            );
        };
        for alias in &partnership.also_called {
            let text = alias.get().trim();
            if variant_of(text, 0, 0).is_some_and(|end| end == text.len()) {
                report(alias.span(), text, out);
            }
        }
        for &(from, is_tail) in &forms {
            let anchor = compared[from].to_ascii_lowercase();
            if anchor.is_empty() || !anchor.is_ascii() {
                continue;
            }
            for (t, at) in cx.occurrences(&anchor) {
                let text = t.text.as_str();
                let before = text[..at].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                // The same words after another place's name are another partnership.
                if is_tail {
                    let previous = text[..at].split_whitespace().next_back();
                    let determiner = |w: &str| {
                        ["the", "this", "our", "its", "their", "a", "an"]
                            .iter()
                            .any(|d| w.eq_ignore_ascii_case(d))
                    };
                    if previous.is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase) && !determiner(w)
                    }) {
                        continue;
                    }
                }
                let Some(end) = variant_of(text, at, from) else {
                    continue;
                };
                // An `also_called` value is judged above, as a whole.
                if partnership
                    .also_called
                    .iter()
                    .any(|a| a.span().start <= t.span.start && t.span.end <= a.span().end)
                {
                    continue;
                }
                let key = std::ptr::from_ref(t) as usize;
                let span = inner_span(t, at, end - at);
                if reported
                    .iter()
                    .any(|(k, s)| *k == key && s.start <= span.start && span.end <= s.end)
                {
                    continue;
                }
                reported.push((key, span.clone()));
                report(span, &text[at..end], out);
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &PartnershipNameConsistent,
    &OrgNameConsistent,
    &GroupNameConsistent,
    &ObsoleteTitle,
    &LegislationTitleCorrect,
    &FalseStatementOfLaw,
    &AcronymExpansion,
    &EducationNotStatutoryPartner,
    &PlaceholderText,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    /// The partnership's name written another way fires; its possessive, a plural of several
    /// partnerships, another place's partnership and case alone stay silent.
    #[test]
    fn partnership_name_variants() {
        let doc = |text: &str| format!("[dispute_resolution]\ndescription = \"{text}\"\n");
        // BASE names the partnership "Example Safeguarding Children Partnership".
        for fires in [
            "Disputes go to the Example Safeguarding Children’s Partnership.",
            "Disputes go to the Example Safeguarding Childrens Partnership.",
            "The Safeguarding Children's Partnership executive decides.",
        ] {
            let (_, found) = run_rule(&PartnershipNameConsistent, &doc(fires));
            assert_eq!(found.len(), 1, "{fires}: {found:#?}");
        }
        for silent in [
            "The Example Safeguarding Children Partnership's executive decides.",
            "The three Safeguarding Children Partnerships meet.",
            "Luton Safeguarding Children’s Partnership is a neighbour.",
            "the example safeguarding children partnership decides.",
            "Example Safeguarding Children Partnership, and others.",
        ] {
            let (_, found) = run_rule(&PartnershipNameConsistent, &doc(silent));
            assert!(found.is_empty(), "{silent}: {found:#?}");
        }
    }

    #[test]
    fn placeholders() {
        let (text, found) = run_rule(
            &PlaceholderText,
            "[[groups]]\nid = \"g\"\nname = \"G\"\npurpose = \"Themes: (TBC) 5175\"\n",
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "placeholder-text")
        );
        assert_eq!(spans(&text, &found), ["TBC"]);
        assert!(run_rule(&PlaceholderText, "[[groups]]\nid = \"g\"\nname = \"G\"\npurpose = \"Themes: neglect; ABC is not TBCX\"\n").1.is_empty());
        let (text, found) = run_rule(
            &PlaceholderText,
            "[voice]\ndescription = \"TODO: how children are heard\"\n",
        );
        assert_eq!(spans(&text, &found), ["TODO"]);
        assert!(
            run_rule(
                &PlaceholderText,
                "[voice]\ndescription = \"Todos los niños; TODOS\"\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn acronyms() {
        let (text, found) = run_rule(
            &AcronymExpansion,
            "[[roles]]\nid = \"r\"\ntitle = \"Lead Strategic Partners (LSP's)\"\n",
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "acronym-expansion")
        );
        assert_eq!(spans(&text, &found), ["Lead Strategic Partner"]);
        assert!(
            run_rule(
                &AcronymExpansion,
                "[[roles]]\nid = \"r\"\ntitle = \"Lead Safeguarding Partners\"\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn obsolete_titles() {
        let (text, found) = run_rule(
            &ObsoleteTitle,
            "[voice]\ndescription = \"The Safeguarding Children Board writes to schools. Pupils run Safeguarding Children Boards in Schools.\"\n",
        );
        assert_eq!((found.len(), found[0].rule.as_str()), (1, "obsolete-title"));
        assert_eq!(spans(&text, &found), ["Safeguarding Children Board"]);
        assert!(run_rule(&ObsoleteTitle, "[voice]\ndescription = \"The Safeguarding Children Partnership writes to schools.\"\n").1.is_empty());
    }

    /// "Accountable Officer" and "Designate" are NHS commissioning titles only in their NHS
    /// context: another body's accountable officer, or the verb, is not the old title.
    #[test]
    fn nhs_titles_only_in_their_context() {
        let voice = |text: &str| format!("[voice]\ndescription = \"{text}\"\n");
        for silent in [
            "The Controlled Drugs Accountable Officer at Northmoor Hospitals NHS Foundation Trust attends.",
            "Northmoor Police's Accountable Officer attends.",
            "Each safeguarding partner will designate a senior officer to attend.",
            "The partnership designates a lead for each priority.",
        ] {
            assert!(
                run_rule(&ObsoleteTitle, &voice(silent)).1.is_empty(),
                "{silent}"
            );
        }
        for fires in [
            "The CCG Accountable Officer signs the arrangements.",
            "Signed by the Chief Executive Designate of the ICB.",
        ] {
            assert!(
                !run_rule(&ObsoleteTitle, &voice(fires)).1.is_empty(),
                "{fires}"
            );
        }
    }

    /// Every obsolete.toml entry, judged by its own end date and severity cap, once per value,
    /// with history and negation left alone.
    #[test]
    fn obsolete_names_from_the_registry() {
        let voice = |text: &str| format!("[voice]\ndescription = \"{text}\"\n");
        let (text, found) = run_rule(
            &ObsoleteTitle,
            &voice("Dorset Clinical Commissioning Group and the CCGs; the CCG again."),
        );
        assert_eq!(
            found.len(),
            1,
            "one finding per entry per value: {found:#?}"
        );
        assert_eq!(spans(&text, &found), ["Clinical Commissioning Group"]);
        assert_eq!(found[0].labels.len(), 2, "two more places: {found:#?}");
        assert!(
            found[0]
                .citation
                .as_deref()
                .unwrap_or("")
                .contains("Health and Care Act 2022")
        );
        assert_eq!(found[0].severity, Severity::Warning);
        // Capped at info by the registry.
        let (_, found) = run_rule(&ObsoleteTitle, &voice("the NHS Commissioning Board"));
        assert_eq!(found[0].severity, Severity::Info);
        // History, negation and quotation are mentions.
        for text in [
            "The partnership replaced the Local Safeguarding Children Board in 2019.",
            "The CCG was replaced by the ICB on 1 July 2022.",
            "Formerly the ‘Safeguarding Children’s Board’, we are now a partnership.",
            "We no longer carry out serious case reviews.",
        ] {
            let (_, found) = run_rule(&ObsoleteTitle, &voice(text));
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
        // Initials of the family, and the typographic apostrophe.
        let (text, found) = run_rule(
            &ObsoleteTitle,
            &voice("The BSCB procedures and the Safeguarding Children’s Board apply."),
        );
        assert_eq!(spans(&text, &found), ["BSCB"]);
        assert_eq!(found[0].labels.len(), 1);
        // A sentence that opens with a date before the body ended tells of that time
        // (Wiltshire); in the future tense it does not.
        let dated = |text: &str| format!("[voice]\ndescription = \"{text}\"\n");
        assert!(
            run_rule(
                &ObsoleteTitle,
                &dated("On 4 February 2019 Wiltshire Police, Wiltshire Council and NHS Wiltshire Clinical Commissioning Group published a new plan.")
            )
            .1
            .is_empty()
        );
        assert_eq!(
            run_rule(
                &ObsoleteTitle,
                &dated("In 2019 the Clinical Commissioning Group will publish a new plan.")
            )
            .1
            .len(),
            1
        );
        // A declared organisation's name is obsolete-body's.
        let org = "[[organisations]]\nid = \"ccg\"\nname = \"Dorset Clinical Commissioning Group\"\nkind = \"clinical_commissioning_group\"\n";
        assert!(run_rule(&ObsoleteTitle, org).1.is_empty());
    }

    #[test]
    fn false_statements_of_law() {
        let voice = |text: &str| format!("[voice]\ndescription = \"{text}\"\n");
        let (text, found) = run_rule(
            &FalseStatementOfLaw,
            &voice(
                "The safeguarding partners' duty under section 16E applies in England and Wales.",
            ),
        );
        assert_eq!(
            spans(&text, &found),
            ["safeguarding partners' duty under section 16E applies in England and Wales"]
        );
        assert_eq!(
            found[0].severity,
            Severity::Error,
            "a confirmed statement of statute"
        );
        // "England and Wales" that does not say the arrangements apply there is not the claim:
        // the legal extent of the Regulations, or a body that works in both countries.
        for true_sentence in [
            "Probation in England and Wales.",
            "The British Transport Police, which polices railways across England and Wales, is one of our relevant agencies.",
            "The 2018 Regulations extend to England and Wales but apply only in England.",
            "Probation services in England and Wales are a relevant agency.",
        ] {
            assert!(
                run_rule(&FalseStatementOfLaw, &voice(true_sentence))
                    .1
                    .is_empty(),
                "{true_sentence}"
            );
        }
        assert!(
            !run_rule(
                &FalseStatementOfLaw,
                &voice("Each local authority area in England and Wales must have arrangements.")
            )
            .1
            .is_empty()
        );
        let (_, found) = run_rule(
            &FalseStatementOfLaw,
            &voice("The Children Act requires an independent chair for the partnership."),
        );
        assert_eq!(found[0].severity, Severity::Warning, "guidance: a warning");
        // Negated or narrated, it is not stated.
        let (_, found) = run_rule(
            &FalseStatementOfLaw,
            &voice("LSCBs were required to have an independent chair."),
        );
        assert!(found.is_empty(), "{found:#?}");
        // The education claim is education-not-statutory-partner's.
        let fourth = voice("education as the fourth safeguarding partner");
        assert!(run_rule(&FalseStatementOfLaw, &fourth).1.is_empty());
        assert_eq!(run_rule(&EducationNotStatutoryPartner, &fourth).1.len(), 1);
        let not = voice("education is a relevant agency, not a fourth safeguarding partner");
        assert!(run_rule(&EducationNotStatutoryPartner, &not).1.is_empty());
        // An integrated care system named as the health partner; the system named otherwise.
        for (sentence, fires) in [
            (
                "The statutory partners are the Council, the Police and the ICS.",
                true,
            ),
            (
                "Statutory partners: the Council, the Police and the Integrated Care System.",
                true,
            ),
            (
                "The safeguarding partners work within the Integrated Care System alongside other NHS bodies.",
                false,
            ),
            (
                "Integrated Care Systems (ICS) – As Integrated Care Systems move closer to going live, it is important to ensure consistency.",
                false,
            ),
        ] {
            let found = run_rule(&FalseStatementOfLaw, &voice(sentence)).1;
            assert_eq!(!found.is_empty(), fires, "{sentence}: {found:#?}");
        }
    }

    #[test]
    fn misquoted_titles_from_the_registry() {
        let voice = |text: &str| format!("[voice]\ndescription = \"{text}\"\n");
        for (text, quoted) in [
            ("under the Children’s Act 2004", "Children’s Act 2004"),
            (
                "the Health and Social Care Act 2022",
                "health and social care act 2022",
            ),
            (
                "Working Together to Safeguarding Children",
                "Working Together to Safeguarding Children",
            ),
            (
                "the Children and Social Care Act, 2017",
                "Children and Social Care Act, 2017",
            ),
        ] {
            let (source, found) = run_rule(&LegislationTitleCorrect, &voice(text));
            assert_eq!(found.len(), 1, "{text}: {found:#?}");
            assert!(
                spans(&source, &found)[0].eq_ignore_ascii_case(quoted),
                "{text}: {:?}",
                spans(&source, &found)
            );
        }
        // Reported by acronym-expansion, not here.
        assert!(
            run_rule(&LegislationTitleCorrect, &voice("Lead Strategic Partner"))
                .1
                .is_empty()
        );
    }

    /// Letters whose lower case is longer or shorter ("İ", "ẞ") before the words do not move
    /// the finding: the words are found in the text itself, in any ASCII case.
    #[test]
    fn found_words_are_underlined_exactly_after_any_letters() {
        let (text, found) = run_rule(
            &ObsoleteTitle,
            "[voice]\ndescription = \"İstanbul, ẞtraße: the LOCAL SAFEGUARDING CHILDREN BOARD met.\"\n",
        );
        assert_eq!(spans(&text, &found), ["LOCAL SAFEGUARDING CHILDREN BOARD"]);
        assert!(
            found[0]
                .message
                .contains("\"LOCAL SAFEGUARDING CHILDREN BOARD\"")
        );
    }

    #[test]
    fn legislation_and_fourth_partner() {
        let (text, found) = run_rule(
            &LegislationTitleCorrect,
            "[voice]\ndescription = \"Relevant Agencies (England) Regulations 2018\"\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("legislation-title-correct", "Relevant Agencies (England)")
        );
        assert!(
            run_rule(
                &LegislationTitleCorrect,
                "[voice]\ndescription = \"Relevant Agency (England) Regulations 2018\"\n"
            )
            .1
            .is_empty()
        );
        let (text, found) = run_rule(
            &EducationNotStatutoryPartner,
            "[voice]\ndescription = \"education as the fourth safeguarding partner\"\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            (
                "education-not-statutory-partner",
                "fourth safeguarding partner"
            )
        );
        assert!(
            run_rule(
                &EducationNotStatutoryPartner,
                "[voice]\ndescription = \"education as a relevant agency\"\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn a_walk_back_finds_every_name_ending_at_a_place_longest_first() {
        let names = [
            "Strategic Board",
            "Partnership Strategic Board",
            "Board",
            "Other Board",
        ];
        let backwards = NamesBackwards::new(names);
        let text = "the Partnership Strategic Board met";
        let end = text.find(" met").unwrap();
        let found: Vec<&str> = backwards
            .ending_at(text, end)
            .into_iter()
            .map(|(start, i)| {
                assert_eq!(&text[start..end], names[i]);
                names[i]
            })
            .collect();
        assert_eq!(
            found,
            ["Partnership Strategic Board", "Strategic Board", "Board"]
        );
        assert!(backwards.ending_at(text, 3).is_empty());
        assert!(backwards.ending_at("", 0).is_empty());
    }

    /// Two groups whose other names nest: the longer is reported, not also the shorter inside
    /// it; every place is reported once, however often the words recur.
    #[test]
    fn nested_and_repeated_group_names_are_reported_once_per_place() {
        let groups = "[[groups]]\nid = \"a\"\nname = \"Strategic Group\"\n[[groups]]\nid = \"b\"\nname = \"Partnership Strategic Group\"\n[[groups]]\nid = \"c\"\nname = \"Strategic Group\"\n";
        let (text, found) = run_rule(
            &GroupNameConsistent,
            &format!(
                "{groups}[voice]\ndescription = \"The Partnership Strategic Board and the Strategic Board, then the Strategic Board.\"\n"
            ),
        );
        assert_eq!(
            spans(&text, &found),
            [
                "Partnership Strategic Board",
                "Strategic Board",
                "Strategic Board"
            ]
        );
        // Two groups share the name "Strategic Group": the first is the one named.
        let first = text.find("name = \"Strategic Group\"").unwrap() + "name = ".len();
        assert_eq!(found[1].labels[0].span.start, first);
    }

    #[test]
    fn names_consistent() {
        let (text, found) = run_rule(
            &OrgNameConsistent,
            "[[organisations]]\nid = \"p\"\nname = \"Beds Police\"\nkind = \"police\"\nalso_called = [\"Beds Constabulary\"]\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("org-name-consistent", "\"Beds Constabulary\"")
        );
        assert!(run_rule(&OrgNameConsistent, "").1.is_empty());
        let group = "[[groups]]\nid = \"leaders\"\nname = \"Strategic Leaders Group\"\n";
        let (text, found) = run_rule(
            &GroupNameConsistent,
            &format!(
                "{group}[dispute_resolution]\nforum = \"leaders\"\nforum_called = \"Strategic Leaders Board\"\n"
            ),
        );
        assert_eq!(found.len(), 1, "reported once: {found:#?}");
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("group-name-consistent", "\"Strategic Leaders Board\"")
        );
        let (text, found) = run_rule(
            &GroupNameConsistent,
            &format!("{group}[voice]\ndescription = \"via the Strategic Leaders Board\"\n"),
        );
        assert_eq!(spans(&text, &found), ["Strategic Leaders Board"]);
        assert!(
            run_rule(
                &GroupNameConsistent,
                &format!("{group}[dispute_resolution]\nforum = \"leaders\"\n")
            )
            .1
            .is_empty()
        );
        // Other names recorded for a group are reported once each, short forms are not.
        let (text, found) = run_rule(
            &GroupNameConsistent,
            "[[groups]]\nid = \"spcsa\"\nname = \"Statutory Partners Chairs Safeguarding Assurance Meeting\"\nalso_called = [\"SPCSA\", \"MASA Executive\"]\n",
        );
        assert_eq!(spans(&text, &found), ["\"MASA Executive\""]);
        let board = "[[groups]]\nid = \"board\"\nname = \"Strategic Board\"\nalso_called = [\"Partnership Strategic Board\"]\n";
        assert!(run_rule(&GroupNameConsistent, board).1.is_empty());
        // Lower case is ordinary prose, not the group's name.
        let board = "[[groups]]\nid = \"board\"\nname = \"Strategic Board\"\n";
        assert!(
            run_rule(
                &GroupNameConsistent,
                &format!("{board}[voice]\ndescription = \"It is a strategic group of leaders.\"\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn abbreviations_and_short_forms_are_the_same_name() {
        let name = "Bedfordshire, Luton and Milton Keynes Integrated Care Board";
        assert!(is_short_form("BLMK ICB", name));
        assert!(is_short_form("BLMK Integrated Care Board", name));
        assert!(is_short_form(
            "NHS BLMK ICB",
            "NHS Bedfordshire, Luton and Milton Keynes ICB"
        ));
        assert!(is_short_form(
            "Bedfordshire Probation",
            "Bedfordshire Probation Service"
        ));
        assert!(!is_short_form(
            "Bedfordshire Constabulary",
            "Bedfordshire Police"
        ));
        assert!(!is_short_form("BLMK CCG", name));
        // Plurals, and initials after words left out.
        assert!(is_short_form(
            "LA Chief Officer Education",
            "the 3 Bedfordshire Local Authority Chief Officers for Education (on a rotating basis)"
        ));
        assert!(is_short_form(
            "LSP",
            "LBC Chief Executive as Lead Safeguarding Partner"
        ));
        assert!(!is_short_form(
            "DSP",
            "LBC Chief Executive as Lead Safeguarding Partner"
        ));
        assert!(is_short_form("DSPs", "Delegated Safeguarding Partner"));
        assert!(!is_short_form(
            "Probation Bedfordshire",
            "Bedfordshire Probation Service"
        ));
        let (_, found) = run_rule(
            &OrgNameConsistent,
            &format!(
                "[[organisations]]\nid = \"icb\"\nname = \"{name}\"\nkind = \"integrated_care_board\"\nalso_called = [\"BLMK ICB\"]\n"
            ),
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
