//! Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and where they came from.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date known to the year, the month or the day. Serializes as `"YYYY"`, `"YYYY-MM"` or
/// `"YYYY-MM-DD"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1..=12, if known.
    pub month: Option<u32>,
    /// Day 1..=31, if known (only with a month).
    pub day: Option<u32>,
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u32) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A full date.
    pub fn day(date: chrono::NaiveDate) -> PartialDate {
        use chrono::Datelike;
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The first day the partial date covers (for sorting and windows).
    pub fn first_day(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The full date, if the day is known.
    pub fn as_date(&self) -> Option<chrono::NaiveDate> {
        match (self.month, self.day) {
            (Some(month), Some(day)) => chrono::NaiveDate::from_ymd_opt(self.year, month, day),
            _ => None,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse::<u32>().ok()?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => Some(d.parse::<u32>().ok()?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate { year, month, day };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
        }
        if day.is_some() && date.as_date().is_none() {
            return None;
        }
        Some(date)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date {text:?}")))
    }
}

/// How an event's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// An explicit date in the sentence ("On December 6", "el 6 de diciembre de 2025").
    Text,
    /// A relative expression resolved against the publication date ("last month").
    Relative,
    /// No date in the text: the publication date.
    Published,
}

impl DateSource {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Relative => "relative",
            DateSource::Published => "published",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        for text in ["2025", "2025-12", "2025-12-24"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(PartialDate::parse("2025-02-30"), None);
        assert_eq!(PartialDate::parse("2025-13"), None);
        assert_eq!(PartialDate::parse("25-12"), None);
    }
}
