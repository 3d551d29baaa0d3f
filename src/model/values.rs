//! Small value types of the file format: ids, exact money, percentages, dates and
//! financial years. Each one accepts exactly what its JSON Schema accepts, so that a
//! file that passes the structure stage also deserializes (tested in `tests/`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Ids

/// The pattern every id must match: lower-case words joined by single hyphens.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The pattern an organisation's name must match: at least one character that is not a
/// space, and no control characters (a tab, a line break, a bell).
pub const NAME_PATTERN: &str = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$";

/// An identifier declared once (an organisation, role or group) and referred to elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Id(String);

impl Id {
    /// Checks the id syntax (see [`ID_PATTERN`]).
    pub fn parse(s: &str) -> Result<Id, String> {
        Id::checked(s.to_owned())
    }

    /// Checks the id syntax, keeping the string it was given.
    fn checked(s: String) -> Result<Id, String> {
        let well_formed = !s.is_empty()
            && s.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if well_formed {
            Ok(Id(s))
        } else {
            Err(format!(
                "`{s}` is not a valid id: use lower-case letters, digits and single hyphens, e.g. `central-bedfordshire-council`"
            ))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A `String`, not a `Cow`: serde always makes an owned `Cow`, which `parse` would copy.
        Id::checked(String::deserialize(d)?).map_err(de::Error::custom)
    }
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An id: lower-case letters, digits and single hyphens, e.g. `central-bedfordshire-council`.",
            "type": "string",
            "pattern": ID_PATTERN,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Exact decimals (money and percentages)

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Not an amount at all.
    #[error("`{0}` is not an amount: write it like \"£137,730.19\" or 137730.19")]
    Invalid(String),
    /// Not a percentage at all.
    #[error("`{0}` is not a percentage: write it like 16.7 or \"16.7%\"")]
    NotPercent(String),
    /// Thousands separators in the wrong places.
    #[error(
        "thousands separators in `{0}` are misplaced: write groups of three digits, like \"£137,730.19\""
    )]
    BadGrouping(String),
    /// More than two decimal places.
    #[error("`{0}` has more than two decimal places: amounts are in pounds and pence")]
    TooPrecise(String),
    /// Below zero.
    #[error("`{0}` is negative: an amount cannot be below zero")]
    Negative(String),
    /// Beyond any plausible amount.
    #[error("`{0}` is too large to be an amount")]
    TooLarge(String),
    /// A TOML float with more digits than a float holds exactly.
    #[error(
        "the number {0} has more digits than a number in TOML holds exactly (15): round it, or write it as text in quotes, e.g. \"{0}\""
    )]
    FloatTooLong(String),
    /// A percentage with more digits than can be kept exactly.
    #[error(
        "`{0}` has more digits than a percentage can keep exactly: write it as the document states it, e.g. 16.7"
    )]
    PercentTooLong(String),
}

/// The largest amount masa accepts: a trillion pounds. Anything bigger is a typo.
const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// Reads a TOML float exactly. `f64`'s `Display` prints the shortest text that reads back to
/// the same float, and for any literal of at most 15 significant digits that text *is* the
/// literal, so parsing it as a decimal is exact. Longer literals may already have been
/// rounded by the TOML parser, so they are refused rather than silently changed.
fn decimal_from_float(v: f64) -> Result<Decimal, AmountError> {
    let text = format!("{v}");
    if !v.is_finite() {
        return Err(AmountError::Invalid(text));
    }
    let digits = text.trim_start_matches(['-', '0', '.']);
    // In a whole number, trailing zeros are exact (f64 holds every integer up to 2^53).
    let digits = if digits.contains('.') {
        digits
    } else {
        digits.trim_end_matches('0')
    };
    let significant = digits.chars().filter(char::is_ascii_digit).count();
    if significant > 15 {
        return Err(AmountError::FloatTooLong(text));
    }
    Decimal::from_str_exact(&text).map_err(|_| {
        if v.abs() < 1.0 {
            AmountError::TooPrecise(text)
        } else {
            AmountError::TooLarge(text)
        }
    })
}

/// Whether a TOML float literal (as written, e.g. `137_730.19` or `1.5e3`) has at most 15
/// significant digits, the most an `f64` holds exactly. A longer literal reaches the model
/// already rounded by the TOML parser (`99.99999999999999999999` arrives as `100`), so it must
/// be refused from its text, before it is read as a float.
pub fn float_literal_is_exact(literal: &str) -> bool {
    let mantissa = literal
        .split(['e', 'E'])
        .next()
        .unwrap_or(literal)
        .trim_start_matches(['+', '-']);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    significant.len() <= 15
}

/// An exact amount of money in pounds. Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// The exact value (in the unit the funding table declares).
    pub fn value(self) -> Decimal {
        self.0
    }

    /// Wraps an exact value.
    pub fn new(value: Decimal) -> Money {
        Money(value)
    }

    fn checked(value: Decimal, text: &str) -> Result<Money, AmountError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(AmountError::Negative(text.to_owned()));
        }
        if value > Decimal::from(MAX_AMOUNT) {
            return Err(AmountError::TooLarge(text.to_owned()));
        }
        Ok(Money(value))
    }

    fn from_float(v: f64) -> Result<Money, AmountError> {
        if v.abs() > MAX_AMOUNT as f64 {
            return Err(AmountError::TooLarge(format!("{v:e}")));
        }
        let d = decimal_from_float(v)?;
        if d.scale() > 2 {
            return Err(AmountError::TooPrecise(format!("{v}")));
        }
        Money::checked(d, &format!("{v}"))
    }
}

/// The pattern for amounts written as strings.
pub const MONEY_PATTERN: &str = r"^£?([0-9]{1,3}(,[0-9]{3})*|[0-9]+)(\.[0-9]{1,2})?$";

impl FromStr for Money {
    type Err = AmountError;
    fn from_str(text: &str) -> Result<Money, AmountError> {
        let invalid = || AmountError::Invalid(text.to_owned());
        let trimmed = text.trim();
        let (negative, rest) = match trimmed.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, trimmed),
        };
        let rest = rest.strip_prefix('£').unwrap_or(rest);
        let (whole, pence) = match rest.split_once('.') {
            Some((w, p)) => (w, Some(p)),
            None => (rest, None),
        };
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit() || b == b',') {
            return Err(invalid());
        }
        if whole.contains(',') {
            let mut groups = whole.split(',');
            let first = groups.next().unwrap_or_default();
            let ok = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
            if !ok {
                return Err(AmountError::BadGrouping(text.to_owned()));
            }
        }
        if let Some(p) = pence {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            if p.len() > 2 {
                return Err(AmountError::TooPrecise(text.to_owned()));
            }
        }
        let digits: String = whole.chars().filter(|c| *c != ',').collect();
        let literal = match pence {
            Some(p) => format!("{digits}.{p}"),
            None => digits,
        };
        let value = Decimal::from_str_exact(&literal)
            .map_err(|_| AmountError::TooLarge(text.to_owned()))?;
        if negative && !value.is_zero() {
            return Err(AmountError::Negative(text.to_owned()));
        }
        Money::checked(value, text)
    }
}

/// Formats like a published table: `£137,730.19`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_pounds(self.0))
    }
}

/// `£1,234.50`: grouped pounds with exactly two decimal places (rounded half away from zero).
pub fn format_pounds(value: Decimal) -> String {
    let rounded =
        value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.2}", rounded.abs());
    let (whole, pence) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}£{grouped}.{pence}")
}

struct AmountVisitor<T> {
    expecting: &'static str,
    from_str: fn(&str) -> Result<T, AmountError>,
    from_decimal: fn(Decimal, &str) -> Result<T, AmountError>,
    from_float: fn(f64) -> Result<T, AmountError>,
}

impl<T> Visitor<'_> for AmountVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.from_str)(v).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        (self.from_decimal)(Decimal::from(v), &v.to_string()).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        (self.from_decimal)(Decimal::from(v), &v.to_string()).map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        (self.from_float)(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than `#[serde(untagged)]`: keeps `Spanned<Money>` working and the
        // error precise.
        d.deserialize_any(AmountVisitor {
            expecting: "an amount such as \"£137,730.19\" or 137730.19",
            from_str: |s| s.parse(),
            from_decimal: Money::checked,
            from_float: Money::from_float,
        })
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact amount, not negative: a string such as \"£137,730.19\" or a number such as 137730.19 (at most two decimal places).",
            "type": ["string", "number"],
            "pattern": MONEY_PATTERN,
            "minimum": 0,
            "maximum": MAX_AMOUNT,
            "examples": ["£137,730.19", 137730.19],
        })
    }
}

/// A percentage as stated in the document, kept exact with its precision (`9.9` ≠ `9.90`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    /// The exact value, e.g. `9.9` for "9.9%".
    pub fn value(self) -> Decimal {
        self.0
    }

    fn checked(value: Decimal, text: &str) -> Result<Percent, AmountError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(AmountError::Negative(text.to_owned()));
        }
        if value > Decimal::from(100) {
            return Err(AmountError::TooLarge(format!("{text}%")));
        }
        Ok(Percent(value))
    }
}

/// The pattern for percentages written as strings.
pub const PERCENT_PATTERN: &str = r"^[0-9]{1,3}(\.[0-9]+)?%?$";

impl FromStr for Percent {
    type Err = AmountError;
    fn from_str(text: &str) -> Result<Percent, AmountError> {
        let t = text.trim();
        let t = t.strip_suffix('%').unwrap_or(t);
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return Err(AmountError::NotPercent(text.to_owned()));
        }
        let value = Decimal::from_str_exact(t).map_err(|_| {
            if t.bytes().filter(|b| *b == b'.').count() <= 1 && t != "." {
                AmountError::PercentTooLong(text.to_owned())
            } else {
                AmountError::NotPercent(text.to_owned())
            }
        })?;
        Percent::checked(value, t)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor {
            expecting: "a percentage such as 9.9 or \"9.9%\"",
            from_str: |s| s.parse(),
            from_decimal: Percent::checked,
            from_float: |v| {
                decimal_from_float(v).and_then(|d| Percent::checked(d, &format!("{v}")))
            },
        })
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> Cow<'static, str> {
        "Percent".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A percentage between 0 and 100 as stated in the document: a number such as 9.9 or a string such as \"9.9%\".",
            "type": ["string", "number"],
            "pattern": PERCENT_PATTERN,
            "minimum": 0,
            "maximum": 100,
            "examples": [9.9, "49.2%"],
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month, or `None` for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

impl Day {
    /// A day, if it exists (`2025-02-30` does not).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let last = days_in_month(year, month)?;
        (1..=last)
            .contains(&day)
            .then_some(Day { year, month, day })
    }

    /// [`Day::new`] for constants.
    pub const fn new_const(year: i32, month: u8, day: u8) -> Option<Day> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let last = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if day >= 1 && day <= last {
            Some(Day { year, month, day })
        } else {
            None
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `n` days after (or before, if negative) this one.
    pub fn plus_days(self, n: i64) -> Day {
        Day::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// Inverse of [`Day::days_since_epoch`].
    pub fn from_days_since_epoch(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// Today's date from the system clock (UTC). Rules never call this: "today" is passed in.
    pub fn today_utc() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Day::from_days_since_epoch((secs / 86_400) as i64)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Day {
    type Err = String;
    fn from_str(s: &str) -> Result<Day, String> {
        match s.parse::<Date>()? {
            Date::Day(d) => Ok(d),
            Date::Month { .. } => Err(format!(
                "`{s}` is a month; a full date YYYY-MM-DD is needed"
            )),
            Date::Year(_) => Err(format!("`{s}` is a year; a full date YYYY-MM-DD is needed")),
        }
    }
}

/// A date as a document states it: a day (`2024-09-27`), only a month (`"2025-09"`) when the
/// document says no more ("updated September 2025"), or only a year (`2024`) when it gives
/// just the year ("the 2024 arrangements"). A month or a year is a range of days: see
/// [`Date::earliest`] and [`Date::latest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Date {
    /// A full date.
    Day(Day),
    /// A month, when the document gives no day.
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u8,
    },
    /// A year, when the document gives neither month nor day.
    Year(i32),
}

/// The pattern dates must match once a TOML date has been turned into text.
pub const DATE_PATTERN: &str = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

/// The text of a full date (with `format: date` in the schema).
pub const FULL_DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The text of a month ("2025-09") or a year ("2024") given as a date.
pub const MONTH_OR_YEAR_PATTERN: &str = "^[0-9]{4}(-[0-9]{2})?$";

/// The earliest and latest year a year-only date may be (four digits, as in the pattern).
const YEAR_RANGE: std::ops::RangeInclusive<i64> = 1000..=9999;

impl Date {
    /// The first day the date can mean.
    pub fn earliest(self) -> Day {
        match self {
            Date::Day(d) => d,
            Date::Month { year, month } => Day {
                year,
                month,
                day: 1,
            },
            Date::Year(year) => Day {
                year,
                month: 1,
                day: 1,
            },
        }
    }

    /// The last day the date can mean.
    pub fn latest(self) -> Day {
        match self {
            Date::Day(d) => d,
            Date::Month { year, month } => Day {
                year,
                month,
                day: days_in_month(year, month).unwrap_or(28),
            },
            Date::Year(year) => Day {
                year,
                month: 12,
                day: 31,
            },
        }
    }

    /// A year-only date from a TOML integer, if it has four digits.
    fn from_year(year: i64) -> Result<Date, String> {
        if YEAR_RANGE.contains(&year) {
            Ok(Date::Year(year as i32))
        } else {
            Err(format!(
                "`{year}` is not a date: a year has four digits, e.g. 2024"
            ))
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Day(d) => d.fmt(f),
            Date::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Date::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || {
            format!(
                "`{s}` is not a date: write YYYY-MM-DD (e.g. 2024-09-27), \"YYYY-MM\" for a month or YYYY for a year"
            )
        };
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => Ok(Date::Year(num(y, 4).ok_or_else(bad)? as i32)),
            [y, m] => {
                let (year, month) = (
                    num(y, 4).ok_or_else(bad)? as i32,
                    num(m, 2).ok_or_else(bad)? as u8,
                );
                days_in_month(year, month)
                    .ok_or_else(|| format!("`{s}` is not a date: there is no month {month}"))?;
                Ok(Date::Month { year, month })
            }
            [y, m, d] => {
                let year = num(y, 4).ok_or_else(bad)? as i32;
                let month = num(m, 2).ok_or_else(bad)? as u8;
                let day = num(d, 2).ok_or_else(bad)? as u8;
                Day::new(year, month, day)
                    .map(Date::Day)
                    .ok_or_else(|| format!("`{s}` is not a date: that day does not exist"))
            }
            _ => Err(bad()),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a date such as 2024-09-27, a month such as \"2025-09\" or a year such as 2024",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                Date::from_year(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                Date::from_year(i64::try_from(v).unwrap_or(i64::MAX)).map_err(E::custom)
            }
            // TOML dates arrive as toml's private datetime map: let toml read it.
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
                let dt =
                    toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (dt.date, dt.time, dt.offset) {
                    (Some(date), None, None) => {
                        Day::new(i32::from(date.year), date.month, date.day)
                            .map(Date::Day)
                            .ok_or_else(|| {
                                de::Error::custom(format!(
                                    "`{dt}` is not a date: that day does not exist"
                                ))
                            })
                    }
                    _ => Err(de::Error::custom(format!(
                        "`{dt}` has a time of day: write only the date, e.g. 2024-09-27"
                    ))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Three forms, so that editors (tombi, taplo) take a TOML date for a date: a full date
        // is `format: date` (a TOML local date, or the same text in quotes); a month or a year
        // keeps a pattern of its own; a year may also be a bare number. The full-date branch
        // keeps its pattern too, for validators that treat `format` as an annotation only.
        json_schema!({
            "description": "A date: a TOML date such as 2024-09-27, a string \"YYYY-MM\" when the document gives only the month, or a year such as 2024 when it gives only the year (a month or a year stands for all its days).",
            "anyOf": [
                { "type": "string", "format": "date", "pattern": FULL_DATE_PATTERN },
                { "type": "string", "pattern": MONTH_OR_YEAR_PATTERN },
                { "type": "integer", "minimum": *YEAR_RANGE.start(), "maximum": *YEAR_RANGE.end() },
            ],
            "examples": ["2024-09-27", "2025-09", 2024],
        })
    }
}

/// An English financial year, 1 April to 31 March, written "2025/26" or "2025/2026".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    start_year: i32,
}

/// The pattern for financial years.
pub const FINANCIAL_YEAR_PATTERN: &str = "^[0-9]{4}/([0-9]{2}|[0-9]{4})$";

impl FinancialYear {
    /// The year it starts in (2025 for 2025/26).
    pub fn start_year(self) -> i32 {
        self.start_year
    }
    /// 1 April of the start year.
    pub fn first_day(self) -> Day {
        Day {
            year: self.start_year,
            month: 4,
            day: 1,
        }
    }
    /// 31 March of the next year.
    pub fn last_day(self) -> Day {
        Day {
            year: self.start_year + 1,
            month: 3,
            day: 31,
        }
    }
    /// Whether a day falls within the year.
    pub fn contains(self, day: Day) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.start_year, (self.start_year + 1) % 100)
    }
}

impl FromStr for FinancialYear {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a financial year: write it like \"2025/26\"");
        let (a, b) = s.split_once('/').ok_or_else(bad)?;
        if a.len() != 4 || !(b.len() == 2 || b.len() == 4) {
            return Err(bad());
        }
        let start: i32 = a.parse().map_err(|_| bad())?;
        let end: i32 = b.parse().map_err(|_| bad())?;
        let consecutive = if b.len() == 2 {
            (start + 1) % 100 == end
        } else {
            start + 1 == end
        };
        if !consecutive {
            return Err(format!(
                "`{s}` is not a financial year: the second year must follow the first, e.g. \"{start}/{:02}\"",
                (start + 1) % 100
            ));
        }
        Ok(FinancialYear { start_year: start })
    }
}

impl<'de> Deserialize<'de> for FinancialYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

impl JsonSchema for FinancialYear {
    fn schema_name() -> Cow<'static, str> {
        "FinancialYear".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An English financial year (1 April to 31 March), e.g. \"2025/26\".",
            "type": "string",
            "pattern": FINANCIAL_YEAR_PATTERN,
            "examples": ["2025/26"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_literals_past_fifteen_significant_digits_are_inexact() {
        for exact in [
            "137730.19",
            "100.000",
            "0.000001",
            "1e30",
            "-12.5",
            "123456789012345",
        ] {
            assert!(float_literal_is_exact(exact), "{exact}");
        }
        for inexact in [
            "100.000000000000000000000000001",
            "99.99999999999999999999",
            "1234567890123456",
            "0.1234567890123456e2",
        ] {
            assert!(!float_literal_is_exact(inexact), "{inexact}");
        }
    }

    #[test]
    fn money_reads_published_forms_exactly() {
        assert_eq!(
            "£137,730.19".parse::<Money>().unwrap().value(),
            Decimal::new(13_773_019, 2)
        );
        assert_eq!(
            "£2,200".parse::<Money>().unwrap().value(),
            Decimal::from(2200)
        );
        assert_eq!(
            "25.8".parse::<Money>().unwrap().value(),
            Decimal::new(258, 1)
        );
        assert!(matches!(
            "£15,61.3".parse::<Money>(),
            Err(AmountError::BadGrouping(_))
        ));
        assert!(matches!(
            "£1.234".parse::<Money>(),
            Err(AmountError::TooPrecise(_))
        ));
        assert!(matches!(
            "-£5".parse::<Money>(),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            "abc".parse::<Money>(),
            Err(AmountError::Invalid(_))
        ));
        assert!(matches!("£".parse::<Money>(), Err(AmountError::Invalid(_))));
        assert_eq!(
            Money::from_float(42_000.81).unwrap().value(),
            Decimal::new(4_200_081, 2)
        );
        assert!(matches!(
            Money::from_float(0.1 + 0.2),
            Err(AmountError::FloatTooLong(_))
        ));
        assert!(matches!(
            Money::from_float(1e30),
            Err(AmountError::TooLarge(_))
        ));
    }

    #[test]
    fn money_formats_like_a_published_table() {
        assert_eq!(format_pounds(Decimal::new(19_534_400, 2)), "£195,344.00");
        assert_eq!(format_pounds(Decimal::new(258, 1)), "£25.80");
        assert_eq!(format_pounds(Decimal::from(100)), "£100.00");
        assert_eq!(format_pounds(Decimal::new(-94_400, 2)), "-£944.00");
    }

    #[test]
    fn dates_are_real_dates() {
        assert_eq!(
            "2024-09-27".parse::<Date>().unwrap().to_string(),
            "2024-09-27"
        );
        assert_eq!(
            "2025-09".parse::<Date>().unwrap().latest().to_string(),
            "2025-09-30"
        );
        assert!("2025-02-30".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2024-13".parse::<Date>().is_err());
        let year = "2024".parse::<Date>().unwrap();
        assert_eq!(year.to_string(), "2024");
        assert_eq!(year.earliest().to_string(), "2024-01-01");
        assert_eq!(year.latest().to_string(), "2024-12-31");
        assert!(Date::from_year(24).is_err());
        assert!("24".parse::<Date>().is_err());
        assert!("27/09/2024".parse::<Date>().is_err());
        let d = Day::new(2024, 2, 28).unwrap();
        assert_eq!(d.plus_days(1).to_string(), "2024-02-29");
        assert_eq!(Day::from_days_since_epoch(d.days_since_epoch()), d);
        assert_eq!(Day::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn financial_years() {
        let fy: FinancialYear = "2025/26".parse().unwrap();
        assert!(fy.contains(Day::new(2026, 3, 31).unwrap()));
        assert!(!fy.contains(Day::new(2026, 4, 1).unwrap()));
        assert_eq!("2025/2026".parse::<FinancialYear>().unwrap(), fy);
        assert!("2025/27".parse::<FinancialYear>().is_err());
        assert_eq!(
            "1999/00".parse::<FinancialYear>().unwrap().start_year(),
            1999
        );
    }

    #[test]
    fn ids() {
        assert!(Id::parse("central-bedfordshire-council").is_ok());
        assert!(Id::parse("Central Beds").is_err());
        assert!(Id::parse("a--b").is_err());
        assert!(Id::parse("-a").is_err());
        assert!(Id::parse("").is_err());
    }
}
