//! Dates in metadata: RFC 3339 / ISO 8601 (Atom, HTML meta, JSON Lines), RFC 2822 (RSS,
//! email) and a few human forms ("December 24, 2025") found in `<time>` and meta tags.

use chrono::NaiveDate;

/// Parses a metadata date, keeping only the calendar day as written (no time-zone shift: the
/// publication day is the day the publisher printed).
pub(crate) fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    iso_prefix(text)
        .or_else(|| rfc2822(text))
        .or_else(|| human(text))
}

/// "2025-12-24", "2025-12-24T10:00:00-05:00", "2025/12/24", "20251224".
fn iso_prefix(text: &str) -> Option<NaiveDate> {
    let head = text.get(..10).unwrap_or(text);
    if let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
        return Some(date);
    }
    if let Ok(date) = NaiveDate::parse_from_str(head, "%Y/%m/%d") {
        return Some(date);
    }
    let compact = text.get(..8)?;
    if compact.bytes().all(|byte| byte.is_ascii_digit()) && text.len() == 8 {
        return NaiveDate::parse_from_str(compact, "%Y%m%d").ok();
    }
    None
}

/// "Wed, 24 Dec 2025 10:00:00 -0500", also without weekday or seconds.
fn rfc2822(text: &str) -> Option<NaiveDate> {
    if let Ok(date) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(date.date_naive());
    }
    let parsed = mail_parser::DateTime::parse_rfc822(text)?;
    NaiveDate::from_ymd_opt(
        i32::from(parsed.year),
        u32::from(parsed.month),
        u32::from(parsed.day),
    )
}

/// "December 24, 2025", "Dec 24, 2025", "24 December 2025".
fn human(text: &str) -> Option<NaiveDate> {
    let cleaned: String = text.replace(['.', ','], " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    for window in words.windows(3) {
        let [a, b, c] = window else { continue };
        let attempt = match (month(a), month(b)) {
            (Some(m), _) => day_year(m, b, c),
            (_, Some(m)) => day_year(m, a, c),
            _ => None,
        };
        if attempt.is_some() {
            return attempt;
        }
    }
    None
}

fn day_year(month: u32, day: &str, year: &str) -> Option<NaiveDate> {
    let day: u32 = day
        .trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let year: i32 = year.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

fn month(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let prefix = lower.get(..3)?;
    if lower.len() > 3 && !is_month_name(&lower) {
        return None;
    }
    Some(match prefix {
        "jan" | "ene" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" | "abr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" | "ago" => 8,
        "sep" | "set" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" | "dic" => 12,
        _ => return None,
    })
}

fn is_month_name(lower: &str) -> bool {
    matches!(
        lower,
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "sept"
            | "october"
            | "november"
            | "december"
            | "enero"
            | "febrero"
            | "marzo"
            | "abril"
            | "mayo"
            | "junio"
            | "julio"
            | "agosto"
            | "septiembre"
            | "setiembre"
            | "octubre"
            | "noviembre"
            | "diciembre"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(
            parse(text).map(|date| date.to_string()).as_deref(),
            expect,
            "{text:?}"
        );
    }

    #[test]
    fn metadata_dates() {
        check("2025-12-24", Some("2025-12-24"));
        check("2025-12-24T23:30:00-05:00", Some("2025-12-24"));
        check("Wed, 24 Dec 2025 10:00:00 -0500", Some("2025-12-24"));
        check("24 Dec 2025 10:00 GMT", Some("2025-12-24"));
        check("December 24, 2025", Some("2025-12-24"));
        check("Dec. 24, 2025", Some("2025-12-24"));
        check("yesterday", None);
        check("2025-02-30", None);
    }
}
