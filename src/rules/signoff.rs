//! Signatures, sign-off and dates.
//!
//! WT2023 LSP box item 3 (p. 27): the LSPs review and sign off the published arrangements;
//! paras 101–102: both the published arrangements and the yearly report should be contributed
//! to and signed off by all LSPs.

use super::{ALL_EDITIONS, Level, RuleMeta, SINCE_WT2023, finding, rule};
use crate::diag::Severity;
use crate::model::Day;

rule!(
    SignatureComplete,
    RuleMeta {
        id: "signature-complete",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Each signature has a name, a role, an organisation and a date.",
        citation: "WT2023 ch. 2, paras 101–102 (signed off by all LSPs)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That every `[[signatures]]` entry has `name`, `role`, `organisation` and `date`.",
        why: "A sign-off with a blank date or no name cannot show who agreed the arrangements, or that they agreed this version.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[roles]]
id = "council-chief-executive"
title = "Chief Executive"
organisation = "example-council"

[[signatures]]
name = "A. Person"
role = "council-chief-executive"
organisation = "example-council"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[roles]]
id = "council-chief-executive"
title = "Chief Executive"
organisation = "example-council"

[[signatures]]
name = "A. Person"
role = "council-chief-executive"
organisation = "example-council"
date = 2024-08-01
"#,
    },
    |meta, cx, out| {
        for s in &cx.model.doc.signatures {
            let absent: Vec<&str> = [
                ("name", s.name.is_none()),
                ("role", s.role.is_none()),
                ("organisation", s.organisation.is_none()),
                ("date", s.date.is_none()),
            ]
            .into_iter()
            .filter_map(|(k, gone)| gone.then_some(k))
            .collect();
            if !absent.is_empty() {
                let who = s
                    .name
                    .as_ref()
                    .map(|n| n.to_string())
                    .or_else(|| s.role.as_ref().map(|r| r.to_string()))
                    .unwrap_or_else(|| "a signatory".into());
                out.push(
                    finding(
                        meta,
                        s.span(),
                        format!("the signature of {who} has no {}", absent.join(", no ")),
                    )
                    .with_label("incomplete signature")
                    .with_help("record who signed, in what role, for which organisation, and when")
                    // Three blank dates on one sign-off page are one defect.
                    .same_defect(absent.join(",")),
                );
            }
        }
    }
);

rule!(
    LeadPartnerSignoff,
    RuleMeta {
        id: "lead-partner-signoff",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "All the lead safeguarding partners sign off the published arrangements.",
        citation: "WT2023 ch. 2, para 50 and LSP box item 3 (p. 27); paras 101–102",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That for every `[[partners]]` entry there is a `[[signatures]]` entry by its lead (`role` = the partner's `lead`) or for its organisation. A document with no signatures that records when the partners agreed it (`partnership.agreed`) passes: the statement is its sign-off.",
        why: "The LSPs jointly own the arrangements: WT2023 asks them to review and sign off the published arrangements, the budget, the yearly report and the threshold document.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"
[[roles]]
id = "chief-constable"
title = "Chief Constable"
organisation = "example-police"

[[partners]]
organisation = "example-police"
lead = "chief-constable"
# no [[signatures]], and no partnership.agreed
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"
[[roles]]
id = "chief-constable"
title = "Chief Constable"
organisation = "example-police"

[[partners]]
organisation = "example-police"
lead = "chief-constable"

[[signatures]]
role = "chief-constable"
name = "A. Person"
organisation = "example-police"
date = 2024-08-01
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        // A document without signatures that records the partners' agreement ("The LSPs agreed
        // the arrangements on 1 August 2024") shows the sign-off; whether it covers the latest
        // update is `signoff-covers-latest-update`'s question.
        if doc.signatures.is_empty() && doc.partnership.agreed.is_some() {
            return;
        }
        for p in &doc.partners {
            let signed = doc.signatures.iter().any(|s| {
                s.organisation
                    .as_ref()
                    .is_some_and(|o| o.get() == p.organisation.get())
                    || (p.lead.is_some()
                        && s.role.as_ref().map(|r| r.get()) == p.lead.as_ref().map(|l| l.get()))
            });
            if !signed {
                let name = cx
                    .model
                    .organisation(&p.organisation)
                    .map_or(p.organisation.to_string(), |o| o.name.to_string());
                out.push(
                    finding(
                        meta,
                        p.span(),
                        format!("the arrangements carry no signature for {name}"),
                    )
                    .with_label("partner without a signature")
                    .with_help(
                        "add a [[signatures]] entry for this partner's lead safeguarding partner",
                    ),
                );
            }
        }
    }
);

/// How long before publishing an update its sign-off may be: approval usually precedes
/// publication by days or weeks.
const SIGNOFF_BEFORE_PUBLISHING_DAYS: i64 = 31;

rule!(
    SignoffCoversLatestUpdate,
    RuleMeta {
        id: "signoff-covers-latest-update",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The latest sign-off is on or after the latest update to the arrangements.",
        citation: "WT2023 ch. 2, LSP box item 3 (p. 27) and para 105",
        editions: SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That the latest date among `[[signatures]]` (or, without signatures, `partnership.agreed`) is not before the latest date in `partnership.updated` (a sign-off up to 31 days before an update counts: approval usually precedes publication).",
        why: "Arrangements updated after they were agreed have changed without the partners' recorded agreement; para 105 expects key changes to be updated and the LSPs to sign off the published arrangements.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
agreed = 2024-08-01
updated = ["2026-06"]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
agreed = 2026-06-20
updated = ["2026-06"]
"#,
    },
    |meta, cx, out| {
        let p = &cx.model.doc.partnership;
        let Some(update) = p.updated.iter().max_by_key(|u| u.latest()) else {
            return;
        };
        let signed: Option<(Day, crate::model::Span, String)> = cx
            .model
            .doc
            .signatures
            .iter()
            .filter_map(|s| s.date.as_ref())
            .chain(p.agreed.iter())
            // The date as written, for the message: a month or a year stays one.
            .map(|d| (d.latest(), d.span(), d.get().to_string()))
            .max_by_key(|(d, _, _)| *d);
        let Some((signed_on, span, signed_as_written)) = signed else {
            return;
        };
        // A month-only update ("June 2026") is covered by a sign-off in that month, and a
        // sign-off shortly before publishing the update (approve, then publish) covers it too.
        if signed_on.plus_days(SIGNOFF_BEFORE_PUBLISHING_DAYS) < update.earliest() {
            out.push(
                finding(meta, update.span(), format!("the arrangements were updated ({}) after they were last agreed or signed ({signed_as_written})", update.get()))
                    .with_label("latest update")
                    .with_secondary(span, "latest sign-off")
                    .with_help("have the lead safeguarding partners agree the updated arrangements, and record the date"),
            );
        }
    }
);

rule!(
    DatesConsistent,
    RuleMeta {
        id: "dates-consistent",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "The document's dates are in a possible order.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `updated` dates are not before `published`, that the version history runs forwards in time, that no version, update, publication, agreement or signature is dated after `--today` or before 2004, and that `agreed` is not after `published` unless the arrangements were updated since.",
        why: "Dates out of order usually mean one of them was mistyped, and every date-based judgement (which edition applied, whether bodies still existed) depends on them.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
published = 2024-09-27
updated = [2023-05-01]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
published = 2024-09-27
updated = [2025-05-01]
"#,
    },
    |meta, cx, out| {
        let p = &cx.model.doc.partnership;
        if let Some(published) = &p.published {
            for u in p
                .updated
                .iter()
                .filter(|u| u.latest() < published.earliest())
            {
                out.push(
                    finding(
                        meta,
                        u.span(),
                        format!(
                            "updated {} is before the publication date {}",
                            u.get(),
                            published.get()
                        ),
                    )
                    .with_label("update")
                    .with_secondary(published.span(), "published")
                    .with_help("check both dates against the published document"),
                );
            }
            if let Some(agreed) = p
                .agreed
                .as_ref()
                .filter(|a| a.earliest() > published.latest() && p.updated.is_empty())
            {
                out.push(
                    finding(
                        meta,
                        agreed.span(),
                        format!(
                            "agreed {} is after the publication date {}",
                            agreed.get(),
                            published.get()
                        ),
                    )
                    .with_label("agreed")
                    .with_secondary(published.span(), "published")
                    .with_help(
                        "arrangements are agreed before they are published: check the dates",
                    ),
                );
            }
        }
        let dated: Vec<_> = p.versions.iter().filter_map(|v| v.date.as_ref()).collect();
        for pair in dated.windows(2) {
            if pair[1].latest() < pair[0].earliest() {
                out.push(
                    finding(
                        meta,
                        pair[1].span(),
                        format!(
                            "version dated {} comes after a version dated {}",
                            pair[1].get(),
                            pair[0].get()
                        ),
                    )
                    .with_label("earlier than the version before it")
                    .with_secondary(pair[0].span(), "previous version")
                    .with_help("list versions in order, and check the dates"),
                );
            }
        }
        // Every date the document gives for itself: none can be after today, nor before the
        // Children Act 2004 (a typed 0000-01-01 or 1024 is a slip, not a history).
        let signed = cx
            .model
            .doc
            .signatures
            .iter()
            .filter_map(|s| s.date.as_ref());
        let all: Vec<_> = p
            .updated
            .iter()
            .chain(dated.iter().copied())
            .chain(p.published.iter())
            .chain(p.agreed.iter())
            .chain(signed)
            .collect();
        for d in all.iter().filter(|d| d.latest().year() < EARLIEST_YEAR) {
            out.push(
                finding(
                    meta,
                    d.span(),
                    format!(
                        "{} is before the Children Act 2004, which these arrangements rest on",
                        d.get()
                    ),
                )
                .with_label("too early")
                .with_help("check the date"),
            );
        }
        for d in all.into_iter().filter(|d| d.earliest() > cx.today) {
            out.push(
                finding(
                    meta,
                    d.span(),
                    format!("{} is in the future (today is {})", d.get(), cx.today),
                )
                .with_label("future date")
                .with_help("check the date"),
            );
        }
    }
);

/// No date in an arrangements document can be earlier than this year.
const EARLIEST_YEAR: i32 = 2004;

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &SignatureComplete,
    &LeadPartnerSignoff,
    &SignoffCoversLatestUpdate,
    &DatesConsistent,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, run_rule_on, spans};

    #[test]
    fn signatures_complete() {
        let (text, found) = run_rule(
            &SignatureComplete,
            "[[signatures]]\nname = \"A. Person\"\norganisation = \"example-council\"\n",
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "signature-complete")
        );
        assert_eq!(spans(&text, &found), ["[[signatures]]"]);
        assert!(found[0].message.ends_with("no role, no date"));
        let roles = "[[roles]]\nid = \"ceo\"\ntitle = \"Chief Executive\"\n";
        assert!(run_rule(&SignatureComplete, &format!("{roles}[[signatures]]\nname = \"A\"\nrole = \"ceo\"\norganisation = \"example-council\"\ndate = 2024-08-01\n")).1.is_empty());
    }

    #[test]
    fn every_partner_signs() {
        let partners = "[[partners]]\norganisation = \"example-council\"\n[[partners]]\norganisation = \"example-police\"\n";
        let (text, found) = run_rule(
            &LeadPartnerSignoff,
            &format!("{partners}[[signatures]]\norganisation = \"example-council\"\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "lead-partner-signoff")
        );
        assert_eq!(spans(&text, &found), ["[[partners]]"]);
        assert!(found[0].message.contains("Example Police"));
        let all = format!(
            "{partners}[[signatures]]\norganisation = \"example-council\"\n[[signatures]]\norganisation = \"example-police\"\n"
        );
        assert!(run_rule(&LeadPartnerSignoff, &all).1.is_empty());
        // No signatures at all: a recorded agreement is the sign-off; without one, every
        // partner is reported.
        let base = crate::rules::testing::BASE;
        let agreed = base.replace(
            "published = 2025-01-10",
            "published = 2025-01-10\nagreed = 2025-01-06",
        );
        assert!(
            run_rule_on(&LeadPartnerSignoff, &format!("{agreed}{partners}"))
                .1
                .is_empty()
        );
        assert_eq!(run_rule(&LeadPartnerSignoff, partners).1.len(), 2);
    }

    fn doc(partnership: &str) -> String {
        format!("schema_version = 1\n[partnership]\nname = \"P\"\n{partnership}")
    }

    #[test]
    fn signoff_after_update() {
        let (text, found) = run_rule_on(
            &SignoffCoversLatestUpdate,
            &doc("agreed = 2024-08-01\nupdated = [\"2025-09\", \"2026-06\"]\n"),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "signoff-covers-latest-update")
        );
        assert_eq!(spans(&text, &found), ["\"2026-06\""]);
        assert!(
            run_rule_on(
                &SignoffCoversLatestUpdate,
                &doc("agreed = 2026-06-20\nupdated = [\"2026-06\"]\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn dates_in_order() {
        let (text, found) = run_rule_on(
            &DatesConsistent,
            &doc("published = 2024-09-27\nupdated = [2023-05-01, 2027-01-01]\n"),
        );
        assert!(found.iter().all(|d| d.rule == "dates-consistent"));
        assert_eq!(spans(&text, &found), ["2023-05-01", "2027-01-01"]);
        assert!(
            run_rule_on(
                &DatesConsistent,
                &doc("published = 2024-09-27\nupdated = [2025-05-01]\nagreed = 2024-08-01\n")
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn publication_agreement_and_signature_dates_are_judged_too() {
        let (text, found) = run_rule_on(
            &DatesConsistent,
            &doc("published = 9999-12-31
agreed = 0000-01-01
"),
        );
        assert_eq!(spans(&text, &found), ["0000-01-01", "9999-12-31"]);
        assert!(found.iter().any(|d| d.message.contains("in the future")));
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("before the Children Act 2004"))
        );
    }
}
