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

/// Schemes that can run code or carry a document of their own when followed. A link with one
/// of them is never made, and the `link-scheme-safe` rule reports it.
pub const UNSAFE_SCHEMES: &[&str] = &["javascript", "vbscript", "data", "file", "blob"];

/// The scheme of an address, lower-cased, if it has one. Browsers ignore tabs, line breaks
/// and leading spaces or control characters in an address, so they are ignored here too:
/// "java\tscript:" is `javascript`.
pub fn scheme(address: &str) -> Option<String> {
    let cleaned: String = address
        .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let valid = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Whether an address uses a scheme that can run code or embed content when followed.
pub fn is_unsafe_scheme(address: &str) -> bool {
    scheme(address).is_some_and(|s| UNSAFE_SCHEMES.contains(&s.as_str()))
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
                // An address that could run code is `link-scheme-safe`'s error, not a placeholder.
                Some(url) if is_real_url(url) || is_unsafe_scheme(url) => continue,
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

/// Every web address in the document: the links, the partnership's own addresses and the
/// yearly reports'.
fn addresses(doc: &crate::model::Arrangements) -> Vec<(&crate::model::Text, String)> {
    let mut all: Vec<(&crate::model::Text, String)> = links(doc)
        .into_iter()
        .filter_map(|(link, what, _)| {
            link.url
                .as_ref()
                .map(|u| (u, format!("the link to {what} \"{}\"", link.title.get())))
        })
        .collect();
    let p = doc.partnership.get();
    all.extend(
        p.url
            .iter()
            .map(|u| (u, "the address of the arrangements".to_owned())),
    );
    all.extend(
        p.website
            .iter()
            .map(|u| (u, "the partnership's website".to_owned())),
    );
    if let Some(y) = &doc.yearly_report {
        all.extend(
            y.all_reports()
                .filter_map(|r| r.url.as_ref())
                .map(|u| (u, "the address of a yearly report".to_owned())),
        );
    }
    all
}

rule!(
    LinkSchemeSafe,
    RuleMeta {
        id: "link-scheme-safe",
        level: Level::Fact,
        default_severity: Severity::Error,
        summary: "Web addresses are web or mail addresses, never `javascript:`, `data:` or another scheme that runs code or carries its own content.",
        citation: "WT2023 ch. 2, para 103 (the arrangements must be published); para 105 (easily available)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That no `url` or `website` in the file uses the `javascript:`, `vbscript:`, `data:`, `file:` or `blob:` scheme (in any letter case, and with the spaces and control characters browsers ignore). `masa render` never makes such an address a link; it shows it as text.",
        why: "An address with one of these schemes cannot lead a reader to a published document: it runs code in the reader's browser, carries content of its own, or points at a file on the reader's own computer. It is provably not the document it names, and published as a link it would be unsafe.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[threshold_documents]]
title = "Meeting the Needs Guidance"
url = "javascript:alert(document.cookie)"
"#,
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
        for (url, what) in addresses(&cx.model.doc) {
            if let Some(s) = scheme(url.get()).filter(|_| is_unsafe_scheme(url.get())) {
                out.push(
                    finding(
                        meta,
                        url.span(),
                        format!("{what} uses the `{s}:` scheme, which is not a web address"),
                    )
                    .with_label("unsafe address")
                    .with_help(
                        "give the full address of the published document, starting https://",
                    ),
                );
            }
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&LinkNotPlaceholder, &LinkSchemeSafe];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    #[test]
    fn unsafe_schemes_are_found_through_what_browsers_ignore() {
        assert!(is_unsafe_scheme("javascript:alert(1)"));
        assert!(is_unsafe_scheme("\u{1}  JAVA\nSCRIPT:alert(1)"));
        assert!(is_unsafe_scheme("data:image/svg+xml;base64,AAAA"));
        assert!(!is_unsafe_scheme("https://www.gov.uk"));
        assert!(!is_unsafe_scheme("#"));
        assert!(!is_unsafe_scheme("Guidance: see the website"));
    }

    #[test]
    fn unsafe_schemes_are_errors_once_and_not_also_placeholders() {
        let (text, found) = run_rule(
            &LinkSchemeSafe,
            "[[threshold_documents]]\ntitle = \"Thresholds\"\nurl = \"JavaScript:alert(1)\"\n[[procedures]]\ntitle = \"P\"\nurl = \"https://www.gov.uk/p\"\n[[procedures]]\ntitle = \"Q\"\nurl = \"#\"\n",
        );
        assert_eq!(spans(&text, &found), ["\"JavaScript:alert(1)\""]);
        assert_eq!(found[0].severity, Severity::Error);
        assert!(
            found[0].message.contains("`javascript:` scheme"),
            "{}",
            found[0].message
        );
        let (_, placeholders) = run_rule(
            &LinkNotPlaceholder,
            "[[threshold_documents]]\ntitle = \"Thresholds\"\nurl = \"javascript:alert(1)\"\n",
        );
        assert!(placeholders.is_empty());
    }

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
