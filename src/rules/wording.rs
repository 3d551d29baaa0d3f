//! Wording: titles and names that are out of date, mistyped or left as placeholders. These
//! rules read every text value of the document (descriptions, names, titles), because the
//! words can appear anywhere.

use std::collections::HashSet;

use super::support::names::is_short_form;
use super::support::phrases::find_all;
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

/// The span of `len` bytes at `offset` in the value, if the value is written verbatim in the file
/// (a basic or literal string without escapes); otherwise the whole value.
fn inner_span(t: &TextValue, offset: usize, len: usize) -> Span {
    let quote = if t.span.len() >= t.text.len() + 6 && t.text.len() > 40 {
        3
    } else {
        1
    };
    if t.span.len() == t.text.len() + 2 * quote && offset + len <= t.text.len() {
        let start = t.span.start + quote + offset;
        start..start + len
    } else {
        t.span.clone()
    }
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
                out.push(
                    finding(
                        meta,
                        span.clone(),
                        format!(
                            "`{}` says \"{}\"; the guidance's term is \"{right}\"",
                            t.key,
                            matched(t, at, wrong.len())
                        ),
                    )
                    .with_label("term")
                    .with_help(format!("write \"{right}\"")),
                );
            }
        }
    }
);

rule!(
    ObsoleteTitle,
    RuleMeta {
        id: "obsolete-title",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The text does not use titles that belong to abolished bodies or replaced arrangements.",
        citation: "Children and Social Work Act 2017 s.30 (LSCBs abolished); Health and Care Act 2022 and WT2023 ch. 2, para 48 (ICB titles); WT2023 ch. 2, para 62 (no independent chair). Each finding cites its own.",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "Every text value for \"Local Safeguarding Children Board\", \"Safeguarding Children Board\" or \"Safeguarding Children's Board\" (with a straight apostrophe; not \"… Boards in Schools\"), \"Accountable Officer\" (a CCG title), the word \"Designate\" (as in \"CEO Designate\"; not \"designated\"), and \"Independent Chair\" where the arrangements have an `[independent_scrutiny]` section.",
        why: "LSCBs were replaced by the safeguarding partners' arrangements in 2019; ICBs have chief executives, not accountable officers; WT2023 removes the need for an independent chair. Old titles suggest the text was not revised.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "If the Safeguarding Children's Board receives any complaints …"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "If the Safeguarding Children Partnership receives any complaints …"
"#,
    },
    |meta, cx, out| {
        // Para 62 is WT2023's: a document judged under WT2018 may still have an independent chair.
        let has_scrutiny = cx.model.doc.independent_scrutiny.is_some()
            && super::edition_judged_by(cx.model, cx.today) >= crate::model::Edition::Wt2023;
        const LSCB: &str =
            "Children and Social Work Act 2017 s.30 (Local Safeguarding Children Boards abolished)";
        const ICB: &str = "Health and Care Act 2022 (integrated care boards established and clinical commissioning groups abolished on 1 July 2022, SI 2022/634); WT2023 ch. 2, para 48 (\"Chief Executives of the ICBs\")";
        const CHAIR: &str = "WT2023 ch. 2, para 62 (no need for an independent chair)";
        // A title is out of date only once the body or post it belongs to had gone, judged as at
        // the document's day: a 2018 record rightly speaks of its Safeguarding Children Board.
        let since = |ended: crate::model::Day| cx.today >= ended;
        let day = super::registry::day;
        let lscbs_gone = since(day(2019, 9, 29));
        let ccgs_gone = since(day(2022, 7, 1));
        let patterns: [(&str, &str, bool, &str); 6] = [
            (
                "local safeguarding children board",
                "Local Safeguarding Children Boards were abolished in 2019: call it the safeguarding children partnership",
                lscbs_gone,
                LSCB,
            ),
            (
                "safeguarding children board",
                "\"Safeguarding Children Board\" is the name of the abolished LSCBs: call it the safeguarding children partnership",
                lscbs_gone,
                LSCB,
            ),
            (
                "safeguarding children's board",
                "\"Safeguarding Children's Board\" is the name of the abolished LSCBs: call it the safeguarding children partnership",
                lscbs_gone,
                LSCB,
            ),
            (
                "accountable officer",
                "\"Accountable Officer\" is a clinical commissioning group title; ICBs have chief executives",
                ccgs_gone,
                ICB,
            ),
            (
                "designate",
                "a \"designate\" title belongs to a body not yet established",
                ccgs_gone,
                ICB,
            ),
            (
                "independent chair",
                "WT2023 para 62 removes the need for an independent chair alongside independent scrutiny",
                has_scrutiny,
                CHAIR,
            ),
        ];
        let mut seen: Vec<Span> = Vec::new();
        for (needle, why, applies, citation) in patterns {
            if !applies {
                continue;
            }
            for (t, at, span) in occurrences_at(cx, needle) {
                let after = t.text.get(at + needle.len()..).unwrap_or("");
                let followed_by = |words: &str| {
                    after
                        .get(..words.len())
                        .is_some_and(|a| a.eq_ignore_ascii_case(words))
                };
                // Pupils' "Safeguarding Boards in Schools" are not the abolished LSCBs.
                if needle.ends_with("board") && followed_by("s in school") {
                    continue;
                }
                if needle == "designate" && followed_by("d") {
                    continue;
                }
                if seen
                    .iter()
                    .any(|s| s.start <= span.start && span.end <= s.end)
                {
                    continue;
                }
                seen.push(span.clone());
                out.push(
                    finding(
                        meta,
                        span.clone(),
                        format!(
                            "`{}` uses \"{}\": {why}",
                            t.key,
                            matched(t, at, needle.len())
                        ),
                    )
                    .with_label("out-of-date title")
                    .with_help("use the current name or title")
                    .with_citation(citation),
                );
            }
        }
    }
);

rule!(
    LegislationTitleCorrect,
    RuleMeta {
        id: "legislation-title-correct",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The 2018 regulations are cited by their correct title.",
        citation: "SI 2018/789, The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "Every text value for \"Relevant Agencies (England)\" or \"Relevant Agency (England) Regulation \" (singular), which misquote The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018.",
        why: "A misquoted title makes the instrument harder to find and suggests the citation was not checked.",
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
        for needle in [
            "relevant agencies (england)",
            "relevant agency (england) regulation ",
        ] {
            for (t, at, span) in occurrences_at(cx, needle) {
                out.push(
                    finding(meta, span.clone(), format!("`{}` cites \"{}\"", t.key, matched(t, at, needle.len())))
                        .with_label("misquoted title")
                        .with_help("cite The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018"),
                );
            }
        }
    }
);

rule!(
    EducationNotStatutoryPartner,
    RuleMeta {
        id: "education-not-statutory-partner",
        level: Level::Info,
        default_severity: Severity::Info,
        summary: "Education is not described as a fourth statutory safeguarding partner.",
        citation: "Children Act 2004 s.16E(3); Children's Wellbeing and Schools Act 2026 s.2",
        editions: ALL_EDITIONS,
        enabled: true,
        what: "Every text value for \"fourth safeguarding partner\" or \"fourth statutory safeguarding partner\".",
        why: "The Act names three safeguarding partners. Education settings are relevant agencies (and the 2026 Act, once commenced, makes designated childcare and education agencies a mandatory class of relevant agency), not a fourth partner with the partners' duties.",
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
description = "… to strengthen education's role as a relevant agency …"
"#,
    },
    |meta, cx, out| {
        for needle in [
            "fourth safeguarding partner",
            "fourth statutory safeguarding partner",
        ] {
            for (t, _, span) in occurrences_at(cx, needle) {
                out.push(
                    finding(meta, span, format!("`{}` calls education a fourth safeguarding partner", t.key))
                        .with_label("fourth partner")
                        .with_help("the statutory partners are the local authority, the ICB and the police; describe education as a relevant agency with strategic representation"),
                );
            }
        }
    }
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

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &OrgNameConsistent,
    &GroupNameConsistent,
    &ObsoleteTitle,
    &LegislationTitleCorrect,
    &AcronymExpansion,
    &EducationNotStatutoryPartner,
    &PlaceholderText,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

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
