//! Links to published documents.
//!
//! The guidance asks the arrangements to point readers at documents they need: the threshold
//! document (WT2023 paras 104, 117), escalation and dispute resolution procedures and
//! whistleblowing (para 75), and the process for practice reviews (para 104). A placeholder
//! such as "#" or "here" points nowhere.

use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::{Link, Spanned};

/// Whether a web address can lead anywhere: an absolute http(s) address with a host.
pub fn is_real_url(url: &str) -> bool {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.and_then(|r| r.split(['/', '?', '#']).next())
        .is_some_and(|host| host.contains('.') && !host.contains(' '))
}

/// Every link in the document, with whether the guidance requires the document it points to.
fn links(doc: &crate::model::Arrangements) -> Vec<(&Spanned<Link>, &'static str, bool)> {
    let mut all: Vec<(&Spanned<Link>, &'static str, bool)> = Vec::new();
    all.extend(
        doc.threshold_documents
            .iter()
            .map(|l| (l, "the threshold document", true)),
    );
    if let Some(d) = &doc.dispute_resolution {
        all.extend(
            d.procedure
                .iter()
                .map(|l| (l, "the dispute resolution procedure", true)),
        );
    }
    if let Some(p) = &doc.practice_reviews {
        all.extend(
            p.process
                .iter()
                .map(|l| (l, "the practice review process", true)),
        );
        all.extend(p.links.iter().map(|l| (l, "a linked document", false)));
    }
    if let Some(w) = &doc.whistleblowing {
        all.extend(
            w.links
                .iter()
                .map(|l| (l, "the whistleblowing procedure", true)),
        );
    }
    if let Some(i) = &doc.information_sharing {
        all.extend(
            i.protocol
                .iter()
                .map(|l| (l, "the information sharing protocol", false)),
        );
    }
    all.extend(doc.procedures.iter().map(|l| (l, "a procedure", false)));
    all.extend(doc.links.iter().map(|l| (l, "a linked document", false)));
    let sections = [
        &doc.early_years,
        &doc.residential_homes,
        &doc.young_carers,
        &doc.looked_after_children,
        &doc.voice,
        &doc.working_together,
        &doc.audits,
    ];
    for section in sections.into_iter().flatten() {
        all.extend(
            section
                .links
                .iter()
                .map(|l| (l, "a linked document", false)),
        );
    }
    all
}

rule!(
    LinkNotPlaceholder,
    RuleMeta {
        id: "link-not-placeholder",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Links to published documents are real web addresses, not placeholders such as \"#\".",
        citation: "WT2023 ch. 2, paras 75 and 104 (threshold document, escalation, whistleblowing, review process)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That every linked document has a `url` that is an absolute http(s) address. A placeholder address (\"#\", \"here\", an address with no host) or a document named with no `url` at all is a warning; a placeholder in a document the guidance asks for (threshold document, dispute resolution procedure, practice review process, whistleblowing procedure) is labelled as such.",
        why: "Practitioners and families follow these links to find thresholds and escalation routes. A published \"#\" link looks like a reference but leads nowhere.",
        fails: r##"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[threshold_documents]]
title = "Meeting the Needs Guidance"
url = "#"
"##,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[threshold_documents]]
title = "Meeting the Needs Guidance"
url = "https://www.example.org/thresholds"
"#,
    },
    |meta, cx, out| {
        for (link, what, required) in links(&cx.model.doc) {
            let (span, problem, placeholder) = match &link.url {
                Some(url) if is_real_url(url) => continue,
                Some(url) => (
                    url.span(),
                    format!(
                        "the link to {what} \"{}\" is \"{}\", not a web address",
                        link.title.get(),
                        url.get()
                    ),
                    true,
                ),
                None => (
                    link.title.span(),
                    format!("{what} \"{}\" is named but not linked", link.title.get()),
                    false,
                ),
            };
            let d = finding(meta, span, problem)
                .with_label(if placeholder {
                    "placeholder link"
                } else {
                    "no `url`"
                })
                .with_help("give the full address of the published document, starting https://");
            // Every finding is a warning: the guidance asks for these documents with a "should"
            // (paras 75, 110, 117), and says nothing about links. A placeholder in a document the
            // guidance names says so, because readers are sent to it for thresholds and escalation.
            // Every "#" left in one document is one defect (the links were never filled in),
            // and so is every document named without an address.
            let d = d.same_defect(if placeholder {
                "placeholder"
            } else {
                "not linked"
            });
            out.push(if required && placeholder {
                d.with_label("placeholder link to a document the guidance asks for")
            } else {
                d
            });
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&LinkNotPlaceholder];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn recognises_real_addresses() {
        assert!(is_real_url("https://www.bedford.gov.uk/x?y=1"));
        assert!(is_real_url("http://example.org"));
        for bad in [
            "#",
            "",
            "here",
            "www.example.org",
            "https://",
            "https://localhost",
            "mailto:a@b.c",
        ] {
            assert!(!is_real_url(bad), "{bad}");
        }
    }

    #[test]
    fn placeholders_are_warnings_and_say_when_the_guidance_asks_for_the_document() {
        let (text, found) = run_rule(
            &LinkNotPlaceholder,
            "[[threshold_documents]]\ntitle = \"Thresholds\"\nurl = \"#\"\n[[procedures]]\ntitle = \"Interagency procedures\"\nurl = \"#\"\n",
        );
        assert_eq!(
            found
                .iter()
                .map(|d| (d.rule.as_str(), d.severity))
                .collect::<Vec<_>>(),
            [
                ("link-not-placeholder", Severity::Warning),
                ("link-not-placeholder", Severity::Warning)
            ]
        );
        assert_eq!(spans(&text, &found), ["\"#\"", "\"#\""]);
        let (text, found) = run_rule(
            &LinkNotPlaceholder,
            "[[threshold_documents]]\ntitle = \"Thresholds\"\n",
        );
        assert_eq!(spans(&text, &found), ["\"Thresholds\""]);
        assert_eq!(found[0].severity, Severity::Warning, "named but not linked");
        assert!(
            run_rule(
                &LinkNotPlaceholder,
                "[[threshold_documents]]\ntitle = \"Thresholds\"\nurl = \"https://example.org/t\"\n"
            )
            .1
            .is_empty()
        );
    }
}
