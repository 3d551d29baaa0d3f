//! Text that was out of date when it was published: a date already past, written in the future
//! tense ("will be re-published by 31 December 2024", "Next review: Feb 2024").

use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};

use super::support::dates::{DateInText, dates_in};
use super::support::prose::{floor_boundary, inner_span, normalise};
use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;

/// Words that put a clause in the future: "will", "is due", "next review", "to be published",
/// "the plan is to", "deadline". Lower case, over the normalised clause.
static FUTURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    RegexBuilder::new(
        r"\b(will|shall|must be|must have|(is|are|has been|have been) scheduled|(is|are) required|is due|are due|due (by|in|on)|next (review|update)|review date|(is|are) to be|to be (published|reviewed|completed|implemented|agreed|updated|submitted|launched|held|refreshed)|plan is to|plans to|deadline|(is|are) expected to|intends? to)\b",
    )
    .unicode(false)
    .build()
    .ok()
});

/// Words that put the clause back in the past ("the plan was to", "had been due by").
static PAST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    RegexBuilder::new(r"\b(was|were|had|did)\b")
        .unicode(false)
        .build()
        .ok()
});

/// Words that end a clause, besides "," ";" and the end of a sentence: a date in another
/// clause ("The Committee will receive an update on the Partnership, which replaced the Board
/// in 2019") is not the future's.
const CLAUSE_WORDS: &[&str] = &[
    " which ",
    " but ",
    " however ",
    " whereas ",
    " although ",
    " because ",
    " who ",
];

/// The longest clause read, each side of a date, in bytes.
const MAX_CLAUSE: usize = 400;

/// The clause of `text` around `start..end`: its byte range. `lower` is the text in lower
/// case (same offsets), made once per text: a text with many dates costs one copy, not one per
/// date.
fn clause_around(text: &str, lower: &str, start: usize, end: usize) -> (usize, usize) {
    let is_break = |i: usize, c: char| {
        matches!(c, ';' | ',' | '\n')
            || (matches!(c, '.' | '!' | '?')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace))
    };
    // No clause runs further than MAX_CLAUSE bytes either side of its date: the walk is
    // bounded, so a text of many dates without a break is still read in linear time.
    let floor = floor_boundary(text, start.saturating_sub(MAX_CLAUSE));
    let ceiling = floor_boundary(text, (end + MAX_CLAUSE).min(text.len()));
    let mut from = text[floor..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_break(floor + i, c))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    let mut to = text[end..ceiling]
        .char_indices()
        .find(|&(i, c)| is_break(end + i, c))
        .map_or(ceiling, |(i, _)| end + i);
    for word in CLAUSE_WORDS {
        if let Some(at) = lower[from..start].rfind(word) {
            from = from + at + word.len();
        }
        if let Some(at) = lower[end..to].find(word) {
            to = end + at;
        }
    }
    (from, to)
}

/// Whether two dates make one period ("1 April 2024 to 31 March 2025", "between 2019 and
/// 2021", "2019-2021"): a period is what the sentence is about, not when something will happen.
fn joined_as_period(text: &str, a: &DateInText, b: &DateInText) -> bool {
    let between = text[a.end..b.start].trim().to_ascii_lowercase();
    matches!(
        between.as_str(),
        "to" | "-" | "\u{2013}" | "and" | "until" | "till"
    )
}

rule!(
    PastDateAsFuture,
    RuleMeta {
        id: "past-date-as-future",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The text does not describe as still to come what was already past when the document was published.",
        citation: "Data quality (no paragraph); Children Act 2004 s.16G(2) (the arrangements must be published, so what is published is read as current)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "Every text value for a date (\"31 December 2024\", \"1st July 2022\", \"March 2024\", \"01/07/2022\", a year alone) in a clause written in the future (\"will\", \"must be\", \"is due\", \"next review\", \"to be published\", \"the plan is to\", \"deadline\") whose last day was before the document's own latest date: the sentence was out of date when the document was published. A clause that is also in the past tense (\"the plan was to\"), a date after \"for\" or \"since\", a year that ends a title (\"Children Act 2004\", \"Working Together (2023)\"), and two dates that make one period (\"1 April 2024 to 31 March 2025\", financial years such as 2020/21) are not read. A warning for a dated document; for a document that gives no date, which is judged as at the day it is checked, advice (info): the sentence may have been true when written. One finding per text value, its other places labelled.",
        why: "A reader cannot tell whether a promise of \"will be re-published by 31 December 2024\" was kept, or whether a \"next review\" that is long past ever happened: either the text was not revised when the document was, or the review did not take place. Both undermine the arrangements' claim to be current.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
published = 2025-09-01

[dispute_resolution]
description = "The escalation policy is under review and will be re-published by 31 December 2024."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
published = 2025-09-01

[dispute_resolution]
description = "The escalation policy was reviewed and re-published in December 2024; the next review is due by 31 December 2026."
"#,
    },
    |meta, cx, out| {
        let (Some(future), Some(past)) = (FUTURE.as_ref(), PAST.as_ref()) else {
            return;
        };
        let (day, as_written) = cx.document_day();
        let dated = super::support::dates::document_date(&cx.model.doc).is_some();
        for t in &cx.model.texts {
            let dates = dates_in(&t.text);
            if dates.is_empty() {
                continue;
            }
            let lower = t.text.to_ascii_lowercase();
            let mut places: Vec<&DateInText> = Vec::new();
            for (i, d) in dates.iter().enumerate() {
                let in_period = (i > 0 && joined_as_period(&t.text, &dates[i - 1], d))
                    || dates
                        .get(i + 1)
                        .is_some_and(|next| joined_as_period(&t.text, d, next));
                if d.date.latest() >= day || in_period {
                    continue;
                }
                // The word before the date (a few bytes back: not the whole text again).
                let before = lower[..d.start].trim_end();
                let word_before = before.rsplit(' ').next().unwrap_or("");
                if matches!(word_before, "for" | "since") {
                    continue;
                }
                if d.in_title {
                    continue;
                }
                let (from, to) = clause_around(&t.text, &lower, d.start, d.end);
                let clause = normalise(&t.text[from..to]).0;
                if future.is_match(clause.as_bytes()) && !past.is_match(clause.as_bytes()) {
                    places.push(d);
                }
            }
            let Some(first) = places.first() else {
                continue;
            };
            let (from, to) = clause_around(&t.text, &lower, first.start, first.end);
            let mut d = finding(
                meta,
                inner_span(t, first.start, first.end - first.start),
                format!(
                    "`{}` says \"{}\" as if it were still to come, but {} was past by the document's date ({as_written})",
                    t.key,
                    t.text[from..to].trim(),
                    &t.text[first.start..first.end]
                ),
            )
            .with_label("already past")
            .with_help("say what happened (\"was re-published in …\"), or give the date now planned");
            for again in &places[1..] {
                d = d.with_secondary(
                    inner_span(t, again.start, again.end - again.start),
                    "also past",
                );
            }
            if !dated {
                d = d.with_severity(Severity::Info);
            }
            out.push(d);
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&PastDateAsFuture];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule_on, spans};

    fn check(published: Option<&str>, sentence: &str) -> (Vec<String>, Vec<Severity>) {
        let date = published.map_or(String::new(), |p| format!("published = {p}\n"));
        let text = format!(
            "schema_version = 1\n[partnership]\nname = \"P\"\n{date}\n[dispute_resolution]\ndescription = \"{sentence}\"\n"
        );
        let (text, found) = run_rule_on(&PastDateAsFuture, &text);
        (
            spans(&text, &found)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            found.iter().map(|d| d.severity).collect(),
        )
    }

    /// Real sentences from other areas' pages (tests/corpus/sentences.toml: Devon, Kent,
    /// Wolverhampton, Hertfordshire, Sussex, Pan-Lancashire, Pan-Dorset, North Lincolnshire).
    #[test]
    fn past_dates_in_the_future_tense_are_reported() {
        for (sentence, date) in [
            (
                "These arrangements are currently being reviewed as required by WT23 and will be re-published by 31 December 2024.",
                "31 December 2024",
            ),
            (
                "The framework is currently under review and will be available 2023.",
                "2023",
            ),
            (
                "The plan is to have the new working arrangements fully embedded by the end of March 2020.",
                "March 2020",
            ),
            ("Next update: March 2024", "March 2024"),
            ("Date of next review Feb 2024", "Feb 2024"),
            (
                "However, we can now confirm that the Blackburn with Darwen LSCB website will formally cease on Friday 1st July 2022 and will no longer be available after this point.",
                "1st July 2022",
            ),
            (
                "This LSCB website will be in place until June 2019 as a source of information.",
                "June 2019",
            ),
            (
                "These arrangements must be published by the 29th June 2019 and implemented by the 29th September 2019.",
                "29th June 2019",
            ),
            // North East Lincolnshire's newsletters
            (
                "To support this, a networking event has been scheduled on 8 April 2025.",
                "8 April 2025",
            ),
            (
                "The SCPB is required under Working Together 2023 to develop and publish an Annual Report by end of September 2024.",
                "September 2024",
            ),
        ] {
            let (found, severity) = check(Some("2025-06-01"), sentence);
            assert_eq!(found, [date], "{sentence}");
            assert_eq!(severity, [Severity::Warning], "{sentence}");
            // Undated, it is judged as at the day it is checked: advice only.
            assert_eq!(check(None, sentence).1, [Severity::Info], "{sentence}");
            // Written before the date, it was a plan.
            assert!(
                check(Some("2019-01-01"), sentence).0.is_empty(),
                "{sentence}"
            );
        }
    }

    #[test]
    fn past_dates_in_history_periods_or_other_clauses_are_not() {
        for sentence in [
            // another clause, or no future at all
            "The Committee will receive an update on the work of the Buckinghamshire Safeguarding Partnership, which replaced the Buckinghamshire Safeguarding Children’s Board in mid-2019.",
            "From 1 July 2022, the CCG will be replaced with Hertfordshire and West Essex Integrated Care Board (HWE ICB).",
            "The Statutory Partners elected for the ESCB Executive Board to be chaired by an Independent Chair Facilitator and appointed David Archibald in 2019.",
            // the past tense in the same clause
            "The plan was to have the new arrangements embedded by March 2020.",
            // periods and financial years
            "The yearly report will cover 1 April 2024 to 31 March 2025.",
            "The report will set out the priorities for 2020/21 and progress since 2019.",
            // a date still to come
            "The next review is due by 31 December 2026.",
            // a year that ends a title (Leicester, Wandsworth)
            "The Procedures will be compatible with \\\"Working Together\\\"(2023).",
            "Full details of how these arrangements work and what must be done can be found in the Children Act 2004.",
        ] {
            assert!(
                check(Some("2025-06-01"), sentence).0.is_empty(),
                "{sentence}"
            );
        }
    }
}
