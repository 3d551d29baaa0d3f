//! Initials in brackets after a name stand for that name: "Kent Safeguarding Multi-Agency
//! Partnership (KSCMP)" has lost a word, or gives the initials of another name.

use super::support::names::initials_fit;
use super::support::prose::{floor_boundary, inner_span};
use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;

/// Small words a name may hold that initials skip ("Voice of the Child").
const SMALL_WORDS: &[&str] = &[
    "and", "of", "the", "for", "to", "in", "on", "&", "with", "at", "de",
];

/// The most words read back from the bracket: no name of a body is longer.
const MAX_WORDS: usize = 14;

/// A name with initials in brackets after it, found in a text: byte ranges of the name and of
/// the initials.
struct Introduced<'a> {
    name: &'a str,
    name_start: usize,
    initials: &'a str,
    initials_start: usize,
}

/// Initials: 2 to 10 capital letters, perhaps a plural "s" ("DSPs").
fn is_initials(token: &str) -> bool {
    let letters = token.strip_suffix('s').unwrap_or(token);
    (2..=10).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// Every "Capitalised Name (INITIALS)" of `text`.
fn introduced(text: &str) -> Vec<Introduced<'_>> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        // Initials are short: the closing bracket is looked for only a few bytes on, so a text
        // of many unclosed brackets is read once, not once per bracket.
        let window = &text[open..floor_boundary(text, (open + 16).min(text.len()))];
        let Some(close) = window.find(')').map(|c| open + c) else {
            continue;
        };
        let initials = &text[open + 1..close];
        if !is_initials(initials) {
            continue;
        }
        // The capitalised words just before the bracket, back to the first word that is
        // neither capitalised nor a small word, or a mark that ends a sentence or a name.
        let before = &text[..open];
        let mut name_start = before.trim_end().len();
        for (at, word) in before
            .trim_end()
            .rsplit(' ')
            .scan(before.trim_end().len(), |end, w| {
                let start = *end - w.len();
                *end = start.saturating_sub(1);
                Some((start, w))
            })
            .take(MAX_WORDS)
        {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            let capitalised = core.chars().next().is_some_and(char::is_uppercase);
            let small = SMALL_WORDS.contains(&core.to_lowercase().as_str());
            // Initials in brackets inside the name ("(SEND) Information … Service") are part
            // of it; any other closing mark ends what came before.
            let bracketed = word.starts_with('(') && word.ends_with(')') && is_initials(core);
            let ends_something =
                !bracketed && word.ends_with(['.', ')', ':', ';', '"', '\u{201d}']);
            if core.is_empty()
                || !(capitalised || small)
                || (ends_something && at + word.len() < before.trim_end().len())
            {
                break;
            }
            name_start = at;
        }
        let name = before[name_start..].trim_end();
        // The name without small words at its start ("and the Medway … Partnership").
        let trimmed = name
            .split(' ')
            .skip_while(|w| SMALL_WORDS.contains(&w.to_lowercase().as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        let name_start = name_start + (name.len() - trimmed.len());
        let name = &text[name_start..name_start + trimmed.len()];
        out.push(Introduced {
            name,
            name_start,
            initials,
            initials_start: open + 1,
        });
    }
    out
}

/// The words initials are read from: split at spaces, hyphens and commas, small words left out
/// (a name's initials skip them).
fn name_words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect()
}

rule!(
    InitialsMatchName,
    RuleMeta {
        id: "initials-match-name",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Initials given in brackets after a name stand for that name.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value for a capitalised name followed by initials in brackets (\"Medway Safeguarding Children Partnership (MSCP)\"): that the initials can be read, in order, from the name's words. The reading is lenient, as a reader's is: words may be left out (\"East of England Ambulance Service NHS Trust (EEAST)\"), small words are skipped, an upper-case word gives any of its letters (\"SEND\"), and a compound word may give the letter that starts its second part (\"Workforce\" gives W and F). Only initials that cannot stand for the name, but would if one letter went (a word dropped from the name, or a letter added), are reported: initials that share little with the words before them are an aside (\"… Safeguarding Assurance (MASA) Meeting\"), not the name spelt out. Names of one word, and initials with lower-case letters or digits (\"DfE\", \"WT23\"), are not read. One finding per name and initials in the document, its other places labelled.",
        why: "When the name and its initials disagree, one of them is wrong: a word was dropped from the name (\"Kent Safeguarding Multi-Agency Partnership (KSCMP)\" has lost \"Children\"), or the initials belong to another body. Readers then cannot be sure which body the text means.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Disputes go to the Example Safeguarding Partnership Executive (ESCPE)."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[dispute_resolution]
description = "Disputes go to the Example Safeguarding Children Partnership Executive (ESCPE)."
"#,
    },
    |meta, cx, out| {
        for t in &cx.model.texts {
            if !t.text.contains('(') {
                continue;
            }
            for found in introduced(&t.text) {
                let words = name_words(found.name);
                let letters = found.initials.trim_end_matches('s');
                if words.len() < 2 || initials_fit(letters, &words) {
                    continue;
                }
                // A near miss is a mistake: all the letters but one fit, so a word was dropped
                // or a letter added. Initials that share little with the words before them are
                // an aside ("Statutory Partners Chairs Safeguarding Assurance (MASA) Meeting"
                // names the arrangements the meeting serves), not the name spelt out.
                // (Which letter is stray is not said: "DSL" for "Schools Designated Leads" loses
                // its S or its D equally well.)
                let near_miss = letters.char_indices().any(|(i, c)| {
                    let without = format!("{}{}", &letters[..i], &letters[i + c.len_utf8()..]);
                    initials_fit(&without, &words)
                });
                if !near_miss {
                    continue;
                }
                let span_end = found.initials_start + found.initials.len();
                let d = finding(
                    meta,
                    inner_span(t, found.name_start, span_end + 1 - found.name_start),
                    format!(
                        "`{}` gives \"{}\" the initials {}, which do not stand for it",
                        t.key, found.name, found.initials
                    ),
                )
                .with_label("name and initials disagree")
                .with_help(format!(
                    "correct the name or the initials, whichever is wrong: {} cannot be read from \"{}\"",
                    found.initials, found.name
                ))
                // The same name and initials in several places are one mistake.
                .same_defect(format!("{} for {}", found.initials, found.name));
                out.push(d);
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&InitialsMatchName];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule_on, spans};

    fn check(sentence: &str) -> Vec<String> {
        let text = format!(
            "schema_version = 1\n[partnership]\nname = \"P\"\n\n[dispute_resolution]\ndescription = \"{sentence}\"\n"
        );
        let (text, found) = run_rule_on(&InitialsMatchName, &text);
        spans(&text, &found)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Real sentences from other areas' pages (tests/corpus/sentences.toml: Kent, Blackpool).
    #[test]
    fn initials_that_do_not_stand_for_the_name_are_reported() {
        assert_eq!(
            check(
                "This is a joint Kent Safeguarding Multi-Agency Partnership (KSCMP) and Medway Safeguarding Children Partnership (MSCP)  group, and is responsible for developing local multi-agency policies."
            ),
            ["Kent Safeguarding Multi-Agency Partnership (KSCMP)"]
        );
        assert_eq!(
            check(
                "This meeting established that the partnership would set up Strategic Delivery Groups responsible for each priority which would report assurance to a Blackpool Children Safeguarding Partnership Assurance Board (CSAP)."
            ),
            ["Blackpool Children Safeguarding Partnership Assurance Board (CSAP)"]
        );
    }

    /// Names and initials that agree, written as real documents write them (Devon, Bristol,
    /// Bedfordshire, Essex), and brackets that hold no initials.
    #[test]
    fn initials_that_stand_for_the_name_are_not() {
        for sentence in [
            "the Quality Assurance Delivery Group (QADG) and the Workforce Development Group (WFDG)",
            "The Keeping Children Safe (KCS) Business Delivery Group",
            "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board (BLMK ICB) and the Multi-Agency Safeguarding Hub (MASH)",
            "the East of England Ambulance Service NHS Trust (EEAST) and the Voluntary, Community and Social Enterprise (VCSE) sector",
            "The Lead Safeguarding Partners (LSPs) and the Department for Education (DfE)",
            "the Partnership (BSCP) and Working Together to Safeguard Children 2023 (WT23)",
            "Special Educational Needs and Disabilities (SEND) Information Advice and Support Service (SENDIASS)",
            "Essex Safeguarding Children Board (ESCB)",
            // an aside, not the name spelt out (Luton)
            "Statutory Partners Chairs Safeguarding Assurance (MASA) Meeting",
        ] {
            assert!(
                check(sentence).is_empty(),
                "{sentence}: {:?}",
                check(sentence)
            );
        }
    }
}
