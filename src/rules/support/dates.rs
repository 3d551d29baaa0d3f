//! A document's own dates, as the rules that judge it by its date read them.

use crate::model::{Arrangements, Day};

/// The latest date the document says it was published, updated or agreed.
pub fn document_date(doc: &Arrangements) -> Option<Day> {
    let p = &doc.partnership;
    p.published
        .iter()
        .chain(p.updated.iter())
        .chain(p.agreed.iter())
        .map(|d| d.latest())
        .max()
}

/// The document's latest date as it is written (`2026-06` stays a month), for messages.
pub fn document_date_as_written(doc: &Arrangements) -> String {
    let p = &doc.partnership;
    p.published
        .iter()
        .chain(p.updated.iter())
        .chain(p.agreed.iter())
        .max_by_key(|d| d.latest())
        .map(|d| d.get().to_string())
        .unwrap_or_default()
}

/// A date written in prose: where it is (byte offsets into the text) and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateInText {
    pub start: usize,
    pub end: usize,
    pub date: crate::model::Date,
    /// A year that ends a title ("Children Act 2004", "Working Together (2023)", "Regulations
    /// 2018"): it names the instrument, not a time.
    pub in_title: bool,
}

/// "31 December 2024", "31st Dec 2024", "Friday 1st July 2022", "December 2024", "Feb 2024",
/// "01/07/2022" (day first, as in England) and a year alone ("2023"), over the lower-case text.
static DATES: std::sync::LazyLock<Option<regex::bytes::Regex>> = std::sync::LazyLock::new(|| {
    regex::bytes::RegexBuilder::new(
        r"\b(?:(?:([0-9]{1,2})(?:st|nd|rd|th)? (?:of )?)?(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december),? ([0-9]{4})|([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})|((?:19|20)[0-9][0-9]))\b",
    )
    .unicode(false)
    .build()
    .ok()
});

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Every date written in `text`, in order. A year that is part of a numeric date, a financial
/// year ("2020/21", "2024-25") or a longer number is not a date here.
pub(crate) fn dates_in(text: &str) -> Vec<DateInText> {
    use crate::model::Date;
    let Some(re) = DATES.as_ref() else {
        return Vec::new();
    };
    let (norm, from) = super::prose::normalise(text);
    let bytes = norm.as_bytes();
    let number = |m: Option<regex::bytes::Match<'_>>| -> Option<i64> {
        std::str::from_utf8(m?.as_bytes()).ok()?.parse().ok()
    };
    re.captures_iter(bytes)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let date = if let Some(month) = c.get(2) {
                let name = std::str::from_utf8(month.as_bytes()).ok()?;
                let month = MONTHS.iter().position(|m| name.starts_with(m))? as u8 + 1;
                let year = i32::try_from(number(c.get(3))?).ok()?;
                match number(c.get(1)) {
                    Some(day) => Date::Day(Day::new(year, month, u8::try_from(day).ok()?)?),
                    None => Date::Month { year, month },
                }
            } else if c.get(4).is_some() {
                let (day, month) = (number(c.get(4))?, number(c.get(5))?);
                let year = i32::try_from(number(c.get(6))?).ok()?;
                Date::Day(Day::new(
                    year,
                    u8::try_from(month).ok()?,
                    u8::try_from(day).ok()?,
                )?)
            } else {
                // A year alone, unless it runs on into a financial year or another number.
                let after = &bytes[whole.end()..];
                let before = &bytes[..whole.start()];
                if matches!(after, [b'/' | b'-' | 0xe2, ..]) || matches!(before, [.., b'/' | b'-'])
                {
                    return None;
                }
                Date::Year(i32::try_from(number(c.get(7))?).ok()?)
            };
            let start = from[whole.start()].0;
            let in_title = matches!(date, Date::Year(_)) && {
                let word_before = text[..start]
                    .trim_end_matches([' ', '(', '"', '\u{201d}', '\u{2019}', '\'', ','])
                    .rsplit(' ')
                    .next()
                    .unwrap_or("");
                word_before.starts_with(char::is_uppercase)
            };
            Some(DateInText {
                start,
                end: from[whole.end() - 1].1,
                date,
                in_title,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn dates(text: &str) -> Vec<(&str, Date)> {
        dates_in(text)
            .into_iter()
            .map(|d| (&text[d.start..d.end], d.date))
            .collect()
    }

    #[test]
    fn dates_are_read_as_documents_write_them() {
        let day = |y, m, d| Date::Day(Day::new(y, m, d).unwrap());
        assert_eq!(
            dates("re-published by 31 December 2024, cease on Friday 1st July 2022"),
            [
                ("31 December 2024", day(2024, 12, 31)),
                ("1st July 2022", day(2022, 7, 1))
            ]
        );
        assert_eq!(
            dates("Next update: March 2024. Date of next review Feb 2024"),
            [
                (
                    "March 2024",
                    Date::Month {
                        year: 2024,
                        month: 3
                    }
                ),
                (
                    "Feb 2024",
                    Date::Month {
                        year: 2024,
                        month: 2
                    }
                )
            ]
        );
        assert_eq!(
            dates("from 01/07/2022; available 2023"),
            [("01/07/2022", day(2022, 7, 1)), ("2023", Date::Year(2023))]
        );
        // Financial years, numbers and impossible days are not dates.
        assert!(
            dates("priorities for 2020/21 and 2024-25; 20230 items; 31 February 2024").is_empty()
        );
    }
}
