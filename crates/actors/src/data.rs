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
use trecho_model::Sector;

/// What an entry names. Most map one to one onto [`crate::MentionKind`]; `Agent` (generic
/// nouns such as "soldiers", "policía") and `Ignore` (phrases that must not match a shorter
/// alias, such as "New Mexico") only take part in matching.
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
            "ignore" => EntryKind::Ignore,
            _ => return None,
        })
    }
}

/// One dictionary line.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) aliases: Vec<String>,
    pub(crate) country: Option<String>,
    pub(crate) sector: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    pub(crate) kind: EntryKind,
    /// `file:line`, shown by `--explain`.
    pub(crate) origin: String,
    /// Entries from a user file win over shipped ones for the same alias.
    pub(crate) user: bool,
}

/// Parses a dictionary text. `source` names the file in errors and in `origin`.
pub(crate) fn parse(text: &str, source: &str, user: bool) -> Result<Vec<Entry>, Error> {
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
        let fields: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
        if fields.len() != 7 {
            return Err(error(format!(
                "expected 7 tab-separated fields (aliases, country, sector, name, from, to, kind), found {}",
                fields.len()
            )));
        }
        let aliases: Vec<String> = fields[0]
            .split('|')
            .map(str::trim)
            .filter(|alias| !alias.is_empty())
            .map(str::to_string)
            .collect();
        if aliases.is_empty() {
            return Err(error("no alias in the first field".to_string()));
        }
        let country = optional(fields[1]);
        if let Some(code) = &country {
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(error(format!(
                    "country {code:?} is not an ISO 3166-1 alpha-3 code (three capital letters)"
                )));
            }
        }
        let sector = optional(fields[2]);
        if let Some(code) = &sector {
            if !Sector::is_valid(code) {
                return Err(error(format!(
                    "unknown sector {code:?} (expected one of {})",
                    Sector::ALL.join(", ")
                )));
            }
        }
        let name = optional(fields[3]);
        let from = match optional(fields[4]) {
            Some(text) => Some(parse_date(&text, false).ok_or_else(|| {
                error(format!(
                    "bad from date {text:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                ))
            })?),
            None => None,
        };
        let to = match optional(fields[5]) {
            Some(text) => Some(parse_date(&text, true).ok_or_else(|| {
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
        let kind = EntryKind::parse(fields[6]).ok_or_else(|| {
            error(format!(
                "unknown kind {:?} (expected country, demonym, capital, person, role, agency, group, igo, agent or ignore)",
                fields[6]
            ))
        })?;
        entries.push(Entry {
            aliases,
            country,
            sector,
            name,
            from,
            to,
            kind,
            origin: format!("{source}:{line_no}"),
            user,
        });
    }
    Ok(entries)
}

fn optional(field: &str) -> Option<String> {
    match field {
        "" | "-" => None,
        text => Some(text.to_string()),
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date stands for its first day, or its
/// last day when `end` is set (so `to = 2025-06` covers all of June).
fn parse_date(text: &str, end: bool) -> Option<NaiveDate> {
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
        assert_eq!(entries[0].aliases, ["AMLO", "López Obrador"]);
        assert_eq!(entries[0].to, NaiveDate::from_ymd_opt(2024, 9, 30));
        assert_eq!(entries[0].origin, "people.tsv:3");
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
        check_error("foo\tMEX\t\t\t\t\tplanet", "my.tsv:1: unknown kind \"planet\" (expected country, demonym, capital, person, role, agency, group, igo, agent or ignore)");
    }
}
