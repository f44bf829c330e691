//! The dictionary line format: one entry per line, seven tab-separated fields.
//!
//! ```text
//! # aliases  country  sector  name  from  to  kind      (fields separated by one tab each)
//! Sheinbaum|Claudia Sheinbaum  MEX  GOV  Claudia Sheinbaum  2024-10-01  (empty)  person
//! ```
//!
//! `aliases` is one or more surface forms separated by `|`; the other fields may be empty (or
//! `-`). Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `from` is the first day the entry holds,
//! `to` the last (both inclusive, open when empty). `#` starts a comment line. See README.md.

use crate::Error;
use chrono::NaiveDate;
use std::borrow::Cow;
use trecho_model::Sector;

/// What an entry names. Most map one to one onto [`crate::MentionKind`]; `Agent` (generic
/// nouns such as "soldiers", "policía") becomes an agency mention, alone or with the country
/// next to it, and `Ignore` (phrases that must not match a shorter alias, such as "New Mexico")
/// only takes part in matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Country,
    Demonym,
    Capital,
    Person,
    Role,
    Agency,
    Group,
    Igo,
    Agent,
    /// A generic agent noun that only counts next to a country or demonym ("productores").
    AgentCombined,
    Ignore,
}

impl EntryKind {
    fn parse(name: &str) -> Option<EntryKind> {
        Some(match name {
            "country" => EntryKind::Country,
            "demonym" => EntryKind::Demonym,
            "capital" => EntryKind::Capital,
            "person" => EntryKind::Person,
            "role" => EntryKind::Role,
            "agency" => EntryKind::Agency,
            "group" => EntryKind::Group,
            "igo" => EntryKind::Igo,
            "agent" => EntryKind::Agent,
            "agent-combined" => EntryKind::AgentCombined,
            "ignore" => EntryKind::Ignore,
            _ => return None,
        })
    }
}

/// One dictionary line. Text borrows from the data where it can (the shipped files are
/// `'static`, so building the dictionary copies almost nothing).
#[derive(Debug, Clone)]
pub(crate) struct Entry<'a> {
    /// The aliases field as written: surface forms separated by `|`.
    pub(crate) aliases: Cow<'a, str>,
    /// ISO alpha-3 country code (three ASCII capitals).
    pub(crate) country: Option<[u8; 3]>,
    /// Sector code, one of [`Sector::ALL`].
    pub(crate) sector: Option<&'static str>,
    pub(crate) name: Option<Cow<'a, str>>,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    pub(crate) kind: EntryKind,
    /// The file it came from and its line, shown by `--explain`.
    pub(crate) source: Cow<'a, str>,
    pub(crate) line: u32,
    /// Entries from a user file win over shipped ones for the same alias.
    pub(crate) user: bool,
}

impl Entry<'_> {
    /// The surface forms.
    #[cfg(test)]
    pub(crate) fn aliases(&self) -> impl Iterator<Item = &str> {
        self.aliases
            .split('|')
            .map(str::trim)
            .filter(|alias| !alias.is_empty())
    }

    /// The country code as text.
    pub(crate) fn country(&self) -> Option<&str> {
        self.country
            .as_ref()
            .and_then(|code| std::str::from_utf8(code).ok())
    }

    /// Copies the borrowed text, for entries read from a user's (non-`'static`) text.
    pub(crate) fn into_owned(self) -> Entry<'static> {
        Entry {
            aliases: Cow::Owned(self.aliases.into_owned()),
            country: self.country,
            sector: self.sector,
            name: self.name.map(|name| Cow::Owned(name.into_owned())),
            from: self.from,
            to: self.to,
            kind: self.kind,
            source: Cow::Owned(self.source.into_owned()),
            line: self.line,
            user: self.user,
        }
    }
}

/// Parses a dictionary text. `source` names the file in errors and in `--explain`.
pub(crate) fn parse<'a>(
    text: &'a str,
    source: &'a str,
    user: bool,
) -> Result<Vec<Entry<'a>>, Error> {
    let mut entries = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        let line_no = line_idx + 1;
        let trimmed = line.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
            continue;
        }
        let error = |message: String| Error {
            source_name: source.to_string(),
            line: line_no,
            message,
        };
        let mut fields = [""; 7];
        let mut n_fields = 0;
        for field in trimmed.split('\t') {
            if let Some(slot) = fields.get_mut(n_fields) {
                *slot = field.trim();
            }
            n_fields += 1;
        }
        if n_fields != 7 {
            return Err(error(format!(
                "expected 7 tab-separated fields (aliases, country, sector, name, from, to, kind), found {n_fields}"
            )));
        }
        let [aliases, country, sector, name, from, to, kind] = fields;
        if !aliases.split('|').any(|alias| !alias.trim().is_empty()) {
            return Err(error("no alias in the first field".to_string()));
        }
        let country = match optional(country) {
            Some(code) => match <[u8; 3]>::try_from(code.as_bytes()) {
                Ok(bytes) if bytes.iter().all(u8::is_ascii_uppercase) => Some(bytes),
                _ => {
                    return Err(error(format!(
                        "country {code:?} is not an ISO 3166-1 alpha-3 code (three capital letters)"
                    )))
                }
            },
            None => None,
        };
        let sector = match optional(sector) {
            Some(code) => Some(
                Sector::ALL
                    .iter()
                    .copied()
                    .find(|known| *known == code)
                    .ok_or_else(|| {
                        error(format!(
                            "unknown sector {code:?} (expected one of {})",
                            Sector::ALL.join(", ")
                        ))
                    })?,
            ),
            None => None,
        };
        let from = match optional(from) {
            Some(text) => Some(parse_date(text, false).ok_or_else(|| {
                error(format!(
                    "bad from date {text:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                ))
            })?),
            None => None,
        };
        let to = match optional(to) {
            Some(text) => Some(parse_date(text, true).ok_or_else(|| {
                error(format!(
                    "bad to date {text:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                ))
            })?),
            None => None,
        };
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(error(format!("from date {from} is after to date {to}")));
            }
        }
        let kind = EntryKind::parse(kind).ok_or_else(|| {
            error(format!(
                "unknown kind {kind:?} (expected country, demonym, capital, person, role, agency, group, igo, agent, agent-combined or ignore)"
            ))
        })?;
        entries.push(Entry {
            aliases: Cow::Borrowed(aliases),
            country,
            sector,
            name: optional(name).map(Cow::Borrowed),
            from,
            to,
            kind,
            source: Cow::Borrowed(source),
            line: u32::try_from(line_no).unwrap_or(u32::MAX),
            user,
        });
    }
    Ok(entries)
}

fn optional(field: &str) -> Option<&str> {
    match field {
        "" | "-" => None,
        text => Some(text),
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date stands for its first day, or its
/// last day when `end` is set (so `to = 2025-06` covers all of June).
fn parse_date(text: &str, end: bool) -> Option<NaiveDate> {
    // Fast path for the full `YYYY-MM-DD` form that almost every dated line uses.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let number =
                |bytes: &[u8]| bytes.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
            let year = i32::try_from(number(&digits[..4])).ok()?;
            return NaiveDate::from_ymd_opt(year, number(&digits[4..6]), number(&digits[6..]));
        }
    }
    let partial = trecho_model::PartialDate::parse(text)?;
    if let Some(date) = partial.as_date() {
        return Some(date);
    }
    let first = partial.first_day()?;
    if !end {
        return Some(first);
    }
    match partial.month {
        Some(_) => first.checked_add_months(chrono::Months::new(1))?.pred_opt(),
        None => NaiveDate::from_ymd_opt(partial.year, 12, 31),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_error(line: &str, expect: &str) {
        let error = parse(line, "my.tsv", true).unwrap_err();
        assert_eq!(error.to_string(), expect);
    }

    #[test]
    fn parses_a_line_with_dates() {
        let entries = parse(
            "# comment\n\nAMLO|López Obrador\tMEX\tGOV\tAndrés Manuel López Obrador\t2018-12-01\t2024-09\tperson\n",
            "people.tsv",
            false,
        )
        .unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(
            entries[0].aliases().collect::<Vec<_>>(),
            ["AMLO", "López Obrador"]
        );
        assert_eq!(entries[0].to, NaiveDate::from_ymd_opt(2024, 9, 30));
        assert_eq!(
            (entries[0].source.as_ref(), entries[0].line),
            ("people.tsv", 3)
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        check_error(
            "\nfoo\tMEX",
            "my.tsv:2: expected 7 tab-separated fields (aliases, country, sector, name, from, to, kind), found 2",
        );
        check_error(
            "foo\tmex\t\t\t\t\tcountry",
            "my.tsv:1: country \"mex\" is not an ISO 3166-1 alpha-3 code (three capital letters)",
        );
        check_error(
            "foo\tMEX\tXXX\t\t\t\tcountry",
            "my.tsv:1: unknown sector \"XXX\" (expected one of GOV, MIL, COP, JUD, LEG, SPY, CRM, REB, BUS, MED, CVL, IGO, NGO, OPP, PTY)",
        );
        check_error(
            "foo\tMEX\t\t\t2025-13\t\tcountry",
            "my.tsv:1: bad from date \"2025-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        );
        check_error("foo\tMEX\t\t\t\t\tplanet", "my.tsv:1: unknown kind \"planet\" (expected country, demonym, capital, person, role, agency, group, igo, agent, agent-combined or ignore)");
    }
}
