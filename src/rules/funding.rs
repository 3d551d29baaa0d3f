//! Funding.
//!
//! WT2023 paras 98–100: the LSPs agree the level of funding; contributions from the partners
//! "should be equitable and agreed by the LSP"; funding is transparent and individual
//! contributions are clearly set out. Arithmetic is checked exactly (no floating point).

use rust_decimal::Decimal;

use super::{ALL_EDITIONS, Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::{Funding, Unit, format_pounds};

/// An amount as written, in pounds.
fn in_pounds(funding: &Funding, amount: Decimal) -> Decimal {
    match funding.unit.get() {
        Unit::Pounds => amount,
        Unit::ThousandsOfPounds => amount * Decimal::from(1000),
    }
}

fn total(funding: &Funding) -> Decimal {
    funding.contributions.iter().map(|c| c.amount.value()).sum()
}

rule!(
    FundingTotal,
    RuleMeta {
        id: "funding-total",
        level: Level::Fact,
        default_severity: Severity::Error,
        summary: "The contributions add up to the stated total.",
        citation: "WT2023 ch. 2, para 100 (funding transparent, contributions clearly set out)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That the exact sum of `funding.contributions[].amount` equals `funding.stated_total`, in the unit the table is written in.",
        why: "A funding table whose figures do not add up cannot be relied on by the partners who agree it or the families it is published for; WT2023 asks for funding to be transparent.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[funding]
stated_total = "£1,500"
[[funding.contributions]]
organisation = "example-council"
amount = "£1,000"
[[funding.contributions]]
organisation = "example-police"
amount = "£600"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[funding]
stated_total = "£1,600"
[[funding.contributions]]
organisation = "example-council"
amount = "£1,000"
[[funding.contributions]]
organisation = "example-police"
amount = "£600"
"#,
    },
    |meta, cx, out| {
        let Some(funding) = &cx.model.doc.funding else {
            return;
        };
        let Some(stated) = &funding.stated_total else {
            return;
        };
        if funding.contributions.is_empty() {
            return;
        }
        let sum = total(funding);
        if sum == stated.value() {
            return;
        }
        let (sum_p, stated_p) = (in_pounds(funding, sum), in_pounds(funding, stated.value()));
        let mut d = finding(
            meta,
            stated.span(),
            format!(
                "contributions sum to {} but the stated total is {} (difference {})",
                format_pounds(sum_p),
                format_pounds(stated_p),
                format_pounds((sum_p - stated_p).abs())
            ),
        )
        .with_label("stated total")
        .with_help("correct the stated total or the contributions so that they agree");
        for c in &funding.contributions {
            d = d.with_secondary(
                c.amount.span(),
                format_pounds(in_pounds(funding, c.amount.value())),
            );
        }
        out.push(d);
    }
);

/// Half a unit of the last stated decimal place: 9.9 → 0.05, 11 → 0.5.
fn half_unit(stated: Decimal) -> Decimal {
    Decimal::new(5, stated.scale() + 1)
}

rule!(
    FundingPercentages,
    RuleMeta {
        id: "funding-percentages",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Stated percentage shares match the amounts they describe.",
        citation: "WT2023 ch. 2, para 100 (funding transparent)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That each `stated_percent` is within rounding (half a unit of its last decimal place) of the contribution's share of the total, and that equal amounts carry equal percentages.",
        why: "Percentages are how readers judge whether contributions are equitable; a percentage that does not match its amount misleads them.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[[funding.contributions]]
organisation = "example-council"
amount = "£750"
stated_percent = 80
[[funding.contributions]]
organisation = "example-police"
amount = "£250"
stated_percent = 20
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-police"
name = "Example Police"
kind = "police"

[[funding.contributions]]
organisation = "example-council"
amount = "£750"
stated_percent = 75
[[funding.contributions]]
organisation = "example-police"
amount = "£250"
stated_percent = 25
"#,
    },
    |meta, cx, out| {
        let Some(funding) = &cx.model.doc.funding else {
            return;
        };
        let sum = total(funding);
        if sum.is_zero() {
            return;
        }
        let mut reported = Vec::new();
        for (i, c) in funding.contributions.iter().enumerate() {
            let Some(stated) = &c.stated_percent else {
                continue;
            };
            let actual = c.amount.value() * Decimal::from(100) / sum;
            if (actual - stated.value()).abs() > half_unit(stated.value()) {
                reported.push(i);
                out.push(
                    finding(
                        meta,
                        stated.span(),
                        format!(
                            "{} is stated as {}% but is {}% of the contributions' total {}",
                            format_pounds(in_pounds(funding, c.amount.value())),
                            stated.value(),
                            actual.round_dp(2).normalize(),
                            format_pounds(in_pounds(funding, sum))
                        ),
                    )
                    .with_label("stated share")
                    .with_secondary(c.amount.span(), "amount")
                    .with_help("recalculate the percentage from the amounts"),
                );
            }
        }
        // Equal amounts with different shares, once per amount, and only where no share of
        // that amount was already reported as wrong (it would be the same mistake again).
        // Grouped by amount, so the cost stays linear in the number of lines.
        let mut by_amount: std::collections::BTreeMap<Decimal, Vec<usize>> = Default::default();
        for (i, c) in funding.contributions.iter().enumerate() {
            if c.stated_percent.is_some() {
                by_amount.entry(c.amount.value()).or_default().push(i);
            }
        }
        for (amount, lines) in by_amount {
            if lines.iter().any(|i| reported.contains(i)) {
                continue;
            }
            let percent = |i: usize| funding.contributions[i].stated_percent.as_ref();
            let Some(first) = percent(lines[0]) else {
                continue;
            };
            let differing: Vec<_> = lines[1..]
                .iter()
                .filter_map(|&i| percent(i))
                .filter(|p| p.value() != first.value())
                .collect();
            let Some(at) = differing.first() else {
                continue;
            };
            let mut d = finding(
                meta,
                at.span(),
                format!(
                    "equal amounts ({}) are stated as different shares: {}% and {}%",
                    format_pounds(in_pounds(funding, amount)),
                    first.value(),
                    at.value()
                ),
            )
            .with_label("differs")
            .with_secondary(first.span(), "same amount, other share")
            .with_help("equal amounts have equal shares: correct the percentages");
            for other in &differing[1..] {
                d = d.with_secondary(other.span(), "differs too");
            }
            out.push(d);
        }
    }
);

rule!(
    FundingAllPartnersContribute,
    RuleMeta {
        id: "funding-all-partners-contribute",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "Each of the three safeguarding partners contributes to the funding.",
        citation: "WT2023 ch. 2, paras 98–99",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "When `[[funding.contributions]]` lists any contribution: that every `[[partners]]` organisation has one above zero. A partner with no line is pointed at a line for a non-partner body of the same kind (often the body it replaced), if there is one.",
        why: "Para 99: funding contributions from the statutory safeguarding partners should be equitable and agreed by the LSPs. A partner missing from the table (or a contribution listed under another body's name) leaves its share unaccounted for.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-icb"
name = "NHS Example Integrated Care Board"
kind = "integrated_care_board"

[[partners]]
organisation = "example-council"
[[partners]]
organisation = "example-icb"

[[funding.contributions]]
organisation = "example-council"
amount = "£1,000"
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"
[[organisations]]
id = "example-icb"
name = "NHS Example Integrated Care Board"
kind = "integrated_care_board"

[[partners]]
organisation = "example-council"
[[partners]]
organisation = "example-icb"

[[funding.contributions]]
organisation = "example-council"
amount = "£1,000"
[[funding.contributions]]
organisation = "example-icb"
amount = "£1,000"
"#,
    },
    |meta, cx, out| {
        let Some(funding) = &cx.model.doc.funding else {
            return;
        };
        // With no funding table at all there is nothing to compare; `funding-declared` says so.
        if funding.contributions.is_empty() {
            return;
        }
        for partner in &cx.model.doc.partners {
            let paid: Decimal = funding
                .contributions
                .iter()
                .filter(|c| c.organisation.get() == partner.organisation.get())
                .map(|c| c.amount.value())
                .sum();
            // A line of its own that says £0: point at the amount, not the table.
            let zero_line = funding.contributions.iter().find(|c| {
                c.organisation.get() == partner.organisation.get() && c.amount.value().is_zero()
            });
            if let (true, Some(line)) = (paid.is_zero(), zero_line) {
                let name = cx
                    .model
                    .organisation(&partner.organisation)
                    .map_or(partner.organisation.to_string(), |o| o.name.to_string());
                out.push(
                    finding(meta, line.amount.span(), format!("{name} is a safeguarding partner but contributes nothing (£0) in the funding table"))
                        .with_label("£0")
                        .with_secondary(partner.organisation.span(), "partner")
                        .with_help("record the partner's agreed contribution, or explain in the funding basis why it pays nothing this year"),
                );
                continue;
            }
            if paid.is_zero() {
                let org = cx.model.organisation(&partner.organisation);
                let name = org.map_or(partner.organisation.to_string(), |o| o.name.to_string());
                // A line for another body of the same kind that is not a partner (typically the
                // ICB the partner replaced) is most likely this partner's share under an old name.
                let stand_in = funding.contributions.iter().find(|c| {
                    let other = cx.model.organisation(&c.organisation);
                    let is_partner = cx
                        .model
                        .doc
                        .partners
                        .iter()
                        .any(|p| p.organisation.get() == c.organisation.get());
                    !is_partner
                        && other
                            .zip(org)
                            .is_some_and(|(other, org)| other.kind.get() == org.kind.get())
                });
                let d = match stand_in {
                    Some(line) => {
                        let other = cx
                            .model
                            .organisation(&line.organisation)
                            .map_or(line.organisation.to_string(), |o| o.name.to_string());
                        finding(meta, line.organisation.span(), format!("{name} is a safeguarding partner but has no contribution in the funding table, which has a line for {other} instead"))
                            .with_label("not the safeguarding partner")
                            .with_secondary(partner.organisation.span(), "the partner")
                            .with_help(format!("if this is {name}'s contribution, list it under {name}"))
                    }
                    None => finding(meta, funding.span(), format!("{name} is a safeguarding partner but has no contribution in the funding table"))
                        .with_label("funding table")
                        .with_secondary(partner.organisation.span(), "partner")
                        .with_help("add the partner's contribution; if it is listed under another name, use the partner's organisation id"),
                };
                out.push(d);
            }
        }
    }
);

rule!(
    FundingDeclared,
    RuleMeta {
        id: "funding-declared",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The arrangements say how they are funded: the financial year, each contribution and the total.",
        citation: "WT2023 ch. 2, paras 98–100 and 104 (ninth bullet: \"how the arrangements will be funded\")",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `[funding]` is present with `financial_year`, `stated_total` and at least one contribution.",
        why: "Para 100: the funding should be transparent to children and families, and individual contributions clearly set out.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

# no [funding] section
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[funding]
financial_year = "2026/27"
stated_total = "£1,000"
[[funding.contributions]]
organisation = "example-council"
amount = "£1,000"
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(funding) = &doc.funding else {
            out.push(
                finding(meta, doc.partnership.span(), "the arrangements do not say how they are funded")
                    .with_label("no [funding] section")
                    .with_help("add [funding] with financial_year, stated_total and one [[funding.contributions]] per contributor"),
            );
            return;
        };
        let absent: Vec<&str> = [
            ("financial_year", funding.financial_year.is_none()),
            ("stated_total", funding.stated_total.is_none()),
            ("contributions", funding.contributions.is_empty()),
        ]
        .into_iter()
        .filter_map(|(k, gone)| gone.then_some(k))
        .collect();
        if !absent.is_empty() {
            out.push(
                finding(
                    meta,
                    funding.span(),
                    format!("the funding section has no {}", absent.join(", no ")),
                )
                .with_label("funding")
                .with_help("state the financial year, each contribution and the total"),
            );
        }
    }
);

rule!(
    FundingCurrentYear,
    RuleMeta {
        id: "funding-current-year",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The funding figures are for the financial year of the document's latest update.",
        citation: "WT2023 ch. 2, para 99 (funding \"reviewed on an ongoing basis\") and LSP box item 3 (\"shared annual budget\")",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "That `funding.financial_year` (1 April – 31 March) includes the latest date the document was published or updated. Funding for a year that has ended by `--today` is reported as info.",
        why: "Funding is agreed each year; figures for another year do not tell readers how the arrangements are funded now.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
updated = [2026-06-01]

[funding]
financial_year = "2024/25"  # April 2024 to March 2025: not the year of the update
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"
updated = [2026-06-01]

[funding]
financial_year = "2026/27"  # includes the update, and has not ended by 2026-12-01
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        let Some(year) = doc.funding.as_ref().and_then(|f| f.financial_year.as_ref()) else {
            return;
        };
        if let Some(latest) = super::support::dates::document_date(doc) {
            if !year.contains(latest) {
                out.push(
                    finding(meta, year.span(), format!("the funding is for {}, but the document was last published or updated on {}", year.get(), super::support::dates::document_date_as_written(doc)))
                        .with_label("financial year")
                        .with_help("give the funding agreed for the current financial year"),
                );
                return;
            }
        }
        if cx.today > year.last_day() {
            let mut d = finding(
                meta,
                year.span(),
                format!(
                    "the funding is for {}, which ended on {}",
                    year.get(),
                    year.last_day()
                ),
            )
            .with_label("financial year")
            .with_help("update the funding table for the current financial year");
            d.severity = Severity::Info;
            out.push(d);
        }
    }
);

rule!(
    FundingInYearlyReport,
    RuleMeta {
        id: "funding-in-yearly-report",
        level: Level::Should,
        default_severity: Severity::Warning,
        summary: "The yearly report includes the breakdown of costs and each partner's contribution.",
        citation: "WT2023 ch. 2, paras 100 and 107 (eighth item)",
        editions: super::SINCE_WT2023,
        enabled: true,
        fix: None,
        what: "That `yearly_report.contents` includes `costs_breakdown`.",
        why: "Para 100: individual contributions should be clearly set out in reporting; para 107 lists the breakdown of costs among what the yearly report includes.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report]
contents = ["partner_contributions"]
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[yearly_report]
contents = ["partner_contributions", "costs_breakdown"]
"#,
    },
    |meta, cx, out| {
        let Some(report) = &cx.model.doc.yearly_report else {
            return;
        };
        if !report
            .contents
            .iter()
            .any(|c| *c.get() == crate::model::ReportItem::CostsBreakdown)
        {
            out.push(
                finding(meta, report.span(), "the yearly report does not include the breakdown of costs and partners' contributions")
                    .with_label("yearly report")
                    .with_help("add \"costs_breakdown\" to yearly_report.contents"),
            );
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[
    &FundingDeclared,
    &FundingTotal,
    &FundingPercentages,
    &FundingAllPartnersContribute,
    &FundingCurrentYear,
    &FundingInYearlyReport,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule, spans};

    fn table(total: &str, unit: &str, rows: &[(&str, &str, Option<&str>)]) -> String {
        let mut s = format!("[funding]\nunit = \"{unit}\"\nstated_total = \"{total}\"\n");
        for (org, amount, pct) in rows {
            s.push_str(&format!(
                "[[funding.contributions]]\norganisation = \"{org}\"\namount = {amount}\n"
            ));
            if let Some(p) = pct {
                s.push_str(&format!("stated_percent = {p}\n"));
            }
        }
        s
    }

    #[test]
    fn total_is_exact() {
        let rows = [
            ("example-council", "\"£112,180\"", None),
            ("example-icb", "\"£62,663\"", None),
            ("example-police", "\"£18,300\"", None),
            ("example-council", "\"£2,200\"", None),
        ];
        let (text, found) = run_rule(&FundingTotal, &table("£194,399", "pounds", &rows));
        assert_eq!((found.len(), found[0].rule.as_str()), (1, "funding-total"));
        assert_eq!(spans(&text, &found), ["\"£194,399\""]);
        assert_eq!(
            found[0].message,
            "contributions sum to £195,343.00 but the stated total is £194,399.00 (difference £944.00)"
        );
        assert_eq!(found[0].labels.len(), 4);
        assert!(
            run_rule(&FundingTotal, &table("£195,343", "pounds", &rows))
                .1
                .is_empty()
        );
        // Floats that would not add up exactly in binary still do.
        let floats = [
            ("example-council", "0.1", None),
            ("example-icb", "0.2", None),
        ];
        assert!(
            run_rule(&FundingTotal, &table("0.3", "pounds", &floats))
                .1
                .is_empty()
        );
    }

    #[test]
    fn thousands_are_shown_in_pounds() {
        let rows = [
            ("example-council", "\"£25.8\"", None),
            ("example-icb", "\"£25.8\"", None),
        ];
        let (_, found) = run_rule(&FundingTotal, &table("£51.5", "thousands_of_pounds", &rows));
        assert_eq!(
            found[0].message,
            "contributions sum to £51,600.00 but the stated total is £51,500.00 (difference £100.00)"
        );
    }

    #[test]
    fn percentages_match_within_rounding() {
        let rows = [
            ("example-council", "\"£25.8\"", Some("\"9.8%\"")),
            ("example-icb", "\"£25.8\"", Some("9.9")),
            ("example-police", "\"£211.6\"", Some("80.4")),
        ];
        let (text, found) = run_rule(
            &FundingPercentages,
            &table("£263.2", "thousands_of_pounds", &rows),
        );
        assert!(found.iter().all(|d| d.rule == "funding-percentages"));
        // 25.8 / 263.2 = 9.80%: "9.9" is off. It also differs from the equal amount's "9.8%",
        // but that is the same mistake: reported once.
        assert_eq!(spans(&text, &found), ["9.9"]);
        // Equal amounts with shares each within rounding but written differently: once, at
        // the first that differs.
        let rows = [
            ("example-council", "\"£1\"", Some("33")),
            ("example-icb", "\"£1\"", Some("33.3")),
            ("example-police", "\"£1\"", Some("33.3")),
        ];
        let (text, found) = run_rule(&FundingPercentages, &table("£3", "pounds", &rows));
        assert_eq!(spans(&text, &found), ["33.3"]);
        assert!(
            found[0].message.contains("33% and 33.3%"),
            "{}",
            found[0].message
        );
        let good = [
            ("example-council", "\"£25.8\"", Some("\"9.8%\"")),
            ("example-icb", "\"£25.8\"", Some("9.8")),
            ("example-police", "\"£211.6\"", Some("80.4")),
        ];
        assert!(
            run_rule(
                &FundingPercentages,
                &table("£263.2", "thousands_of_pounds", &good)
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn declared_current_and_reported() {
        let (text, found) = run_rule(&FundingDeclared, "");
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("funding-declared", "[partnership]")
        );
        let (text, found) = run_rule(&FundingDeclared, "[funding]\nunit = \"pounds\"\n");
        assert_eq!(spans(&text, &found), ["[funding]"]);
        let good = "[funding]\nfinancial_year = \"2024/25\"\nstated_total = \"£1,000\"\n[[funding.contributions]]\norganisation = \"example-council\"\namount = \"£1,000\"\n";
        assert!(run_rule(&FundingDeclared, good).1.is_empty());
        // BASE is published 2025-01-10: financial year 2024/25.
        let (text, found) = run_rule(
            &FundingCurrentYear,
            "[funding]\nfinancial_year = \"2023/24\"\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("funding-current-year", "\"2023/24\"")
        );
        let (_, found) = run_rule(
            &FundingCurrentYear,
            "[funding]\nfinancial_year = \"2024/25\"\n",
        );
        assert_eq!(
            found[0].severity,
            Severity::Info,
            "2024/25 has ended by 2026-11-22"
        );
        let (text, found) = run_rule(
            &FundingInYearlyReport,
            "[yearly_report]\ncontents = [\"partner_contributions\"]\n",
        );
        assert_eq!(
            (found[0].rule.as_str(), spans(&text, &found)[0]),
            ("funding-in-yearly-report", "[yearly_report]")
        );
        assert!(
            run_rule(
                &FundingInYearlyReport,
                "[yearly_report]\ncontents = [\"costs_breakdown\"]\n"
            )
            .1
            .is_empty()
        );
    }

    #[test]
    fn every_partner_contributes() {
        let partners = "[[partners]]\norganisation = \"example-council\"\n[[partners]]\norganisation = \"example-police\"\n";
        let rows = [
            ("example-council", "\"£1,000\"", None),
            ("example-police", "0", None),
        ];
        let (text, found) = run_rule(
            &FundingAllPartnersContribute,
            &format!("{partners}{}", table("£1,000", "pounds", &rows)),
        );
        assert_eq!(
            (found.len(), found[0].rule.as_str()),
            (1, "funding-all-partners-contribute")
        );
        // The police's line says 0: the finding is at that amount.
        assert_eq!(spans(&text, &found), ["0"]);
        assert!(found[0].message.contains("contributes nothing (£0)"));
        // A partner with no line at all: at the table.
        let rows = [("example-council", "\"£1,000\"", None)];
        let (text, found) = run_rule(
            &FundingAllPartnersContribute,
            &format!("{partners}{}", table("£1,000", "pounds", &rows)),
        );
        assert_eq!(spans(&text, &found), ["[funding]"]);
        let rows = [
            ("example-council", "\"£1,000\"", None),
            ("example-police", "1", None),
        ];
        assert!(
            run_rule(
                &FundingAllPartnersContribute,
                &format!("{partners}{}", table("£1,001", "pounds", &rows))
            )
            .1
            .is_empty()
        );
        // No table at all: `funding-declared` reports that, this rule stays quiet.
        assert!(
            run_rule(
                &FundingAllPartnersContribute,
                &format!("{partners}[funding]\nbasis = \"Funding will be agreed.\"\n")
            )
            .1
            .is_empty()
        );
        // The ICB's share listed under the ICB it replaced is pointed at directly.
        let old_icb = "[[organisations]]\nid = \"old-icb\"\nname = \"Old ICB\"\nkind = \"integrated_care_board\"\n[[partners]]\norganisation = \"example-icb\"\n";
        let rows = [("old-icb", "\"£1,000\"", None)];
        let (text, found) = run_rule(
            &FundingAllPartnersContribute,
            &format!("{old_icb}{}", table("£1,000", "pounds", &rows)),
        );
        assert_eq!(spans(&text, &found), ["\"old-icb\""]);
        assert!(
            found[0]
                .message
                .ends_with("which has a line for Old ICB instead")
        );
    }
}
