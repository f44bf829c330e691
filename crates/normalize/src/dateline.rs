//! Publication dates from the text: a dateline or byline date near the top ("December 24,
//! 2025", "Dec. 24, 2025", "24 de diciembre de 2025", "WASHINGTON, Jan. 3 (2026)", ISO dates).

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// How many paragraphs from the top may hold the dateline.
const DATELINE_PARAGRAPHS: usize = 12;
/// Paragraphs at most this long are datelines or bylines, where any date is the publication date.
const SHORT_PARAGRAPH_BYTES: usize = 150;
/// A short paragraph with at most this many words (date included) is a byline or date line.
const MAX_BYLINE_WORDS: usize = 12;
/// In a longer paragraph the date must start within this many bytes ("WASHINGTON, Jan. 3 —").
const DATELINE_PREFIX_BYTES: usize = 60;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let english_month = r"(?P<en_month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
    let pattern = format!(
        r"(?i)(?-u:\b)(?:{english_month}\s+(?P<en_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s*\(?(?P<en_year>\d{{4}})(?-u:\b)\)?|(?P<uk_day>\d{{1,2}})\s+(?P<uk_month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<uk_year>\d{{4}})(?-u:\b)|(?P<es_day>\d{{1,2}})(?:º|°)?\s+de\s+(?P<es_month>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+(?:de|del)\s+(?P<es_year>\d{{4}})(?-u:\b)|(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}})(?-u:\b))"
    );
    Regex::new(&pattern).unwrap_or_else(|err| panic!("bug: date pattern does not compile: {err}"))
});

/// The first date in `text`, with its byte offset.
pub(crate) fn find_date(text: &str) -> Option<(usize, NaiveDate)> {
    for captures in DATE.captures_iter(text) {
        let Some(whole) = captures.get(0) else {
            continue;
        };
        let named = |name: &str| captures.name(name).map(|found| found.as_str());
        let (year, month, day) = if let Some(month) = named("en_month") {
            (named("en_year"), month_number(month), named("en_day"))
        } else if let Some(month) = named("uk_month") {
            (named("uk_year"), month_number(month), named("uk_day"))
        } else if let Some(month) = named("es_month") {
            (named("es_year"), month_number(month), named("es_day"))
        } else {
            let month = named("iso_month").and_then(|m| m.parse::<u32>().ok());
            (named("iso_year"), month, named("iso_day"))
        };
        let date = (|| {
            let year: i32 = year?.parse().ok()?;
            let day: u32 = day?.parse().ok()?;
            if !(1900..=2200).contains(&year) {
                return None;
            }
            NaiveDate::from_ymd_opt(year, month?, day)
        })();
        if let Some(date) = date {
            return Some((whole.start(), date));
        }
    }
    None
}

/// The publication date from a dateline or byline among the first paragraphs.
pub(crate) fn dateline(text: &str, paragraphs: &[(usize, usize)]) -> Option<NaiveDate> {
    for &(start, end) in paragraphs.iter().take(DATELINE_PARAGRAPHS) {
        let paragraph = text.get(start..end)?;
        let head = if paragraph.len() <= SHORT_PARAGRAPH_BYTES {
            paragraph
        } else {
            // Only the start of a long paragraph can hold a dateline; cut on a char boundary.
            let mut cut = DATELINE_PREFIX_BYTES + 40;
            while !paragraph.is_char_boundary(cut) {
                cut -= 1;
            }
            &paragraph[..cut]
        };
        let Some((offset, date)) = find_date(head) else {
            continue;
        };
        // A byline or a date line: few words besides the date.
        if paragraph.len() <= SHORT_PARAGRAPH_BYTES
            && paragraph.split(' ').count() <= MAX_BYLINE_WORDS
        {
            return Some(date);
        }
        // "WASHINGTON, Jan. 3, 2026 — …": before the date only capitals and punctuation.
        let prefix = head.get(..offset).unwrap_or("");
        if offset <= DATELINE_PREFIX_BYTES && !prefix.chars().any(char::is_lowercase) {
            return Some(date);
        }
    }
    None
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let prefix = lower.get(..3)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let paragraphs: Vec<(usize, usize)> = {
            let mut spans = Vec::new();
            let mut start = 0;
            for part in text.split("\n\n") {
                spans.push((start, start + part.len()));
                start += part.len() + 2;
            }
            spans
        };
        let found = dateline(text, &paragraphs).map(|date| date.to_string());
        assert_eq!(found.as_deref(), expect, "{text:?}");
    }

    #[test]
    fn datelines() {
        check(
            "Trump's Water War\n\nDecember 24, 2025\n\nBody.",
            Some("2025-12-24"),
        );
        check("By Jane Doe | Dec. 24, 2025", Some("2025-12-24"));
        check("CIUDAD DE MÉXICO, 24 de diciembre de 2025.- La presidenta dijo que el gobierno no aceptará ninguna intervención extranjera en el territorio nacional.", Some("2025-12-24"));
        check("WASHINGTON, Jan. 3 (2026) — The State Department said on Saturday that the talks with Mexico on security cooperation would continue next week.", Some("2026-01-03"));
        check("Posted 2025-02-01", Some("2025-02-01"));
        check("Published 1 February 2025", Some("2025-02-01"));
    }

    #[test]
    fn dates_inside_prose_are_not_datelines() {
        check("The president said the tariffs announced on December 6, 2025 would stay in place until Mexico delivered the water it owes under the treaty.", None);
        check("No date here.", None);
        check("February 30, 2025", None);
    }
}
