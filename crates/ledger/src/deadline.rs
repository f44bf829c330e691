//! Deadlines in the words of a threat, promise or demand: "within 30 days", "by January 31",
//! "on MARCH FOURTH", "for a one month period", "soon", "antes del 31 de enero".
//!
//! A small parser of our own, so the ledger does not depend on the extractor. Three kinds,
//! tried in this order:
//! - a calendar date after a deadline word ("by", "before", "until", "on", "antes del"…);
//!   without a year it takes the year of the utterance, or the next one if the date would
//!   fall before the utterance and next year's is within six months; the day of the
//!   utterance itself and dates before it are not deadlines ("in a post on December 8");
//! - a period counted from the utterance ("within 30 days", "for a one month period",
//!   "en 30 días");
//! - vague words ("soon", "next week", "pronto"): kept as text, with no date.

use chrono::{Datelike, Days, Months, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;
use trecho_model::PartialDate;

/// A deadline found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The date, when the words give one (null for vague deadlines).
    pub date: Option<PartialDate>,
    /// The words as written.
    pub text: String,
}

/// Finds a deadline in `sentence`, said on `said` (needed to resolve relative and yearless
/// deadlines; without it only vague deadlines and dates with a year are found).
pub fn parse(sentence: &str, said: Option<NaiveDate>) -> Option<Deadline> {
    let lower = sentence.to_lowercase();
    // Lowercasing keeps byte offsets for the text we read (ASCII and Spanish letters); when it
    // does not, the lowercase text is reported instead of the original.
    let source = if lower.len() == sentence.len() {
        sentence
    } else {
        lower.as_str()
    };
    let text_of = |start: usize, end: usize| -> String {
        source
            .get(start..end)
            .unwrap_or_else(|| lower.get(start..end).unwrap_or(""))
            .trim()
            .to_string()
    };

    for captures in END_OF_MONTH.captures_iter(&lower) {
        let Some(whole) = captures.get(0) else {
            continue;
        };
        let month = captures
            .name("month")
            .and_then(|m| month_number(m.as_str()));
        let year = captures
            .name("year")
            .and_then(|y| y.as_str().parse::<i32>().ok());
        if let Some(date) = resolve_month_end(month, year, said) {
            return Some(Deadline {
                date: Some(PartialDate::day(date)),
                text: text_of(whole.start(), whole.end()),
            });
        }
    }
    for captures in ABSOLUTE_EN.captures_iter(&lower) {
        let Some(whole) = captures.get(0) else {
            continue;
        };
        let month = captures
            .name("month")
            .or(captures.name("month2"))
            .and_then(|m| month_number(m.as_str()));
        let day = captures
            .name("day")
            .or(captures.name("day2"))
            .and_then(|d| day_number(d.as_str()));
        let year = captures
            .name("year")
            .and_then(|y| y.as_str().parse::<i32>().ok());
        if let Some(date) = resolve(month, day, year, said) {
            return Some(Deadline {
                date: Some(PartialDate::day(date)),
                text: text_of(whole.start(), whole.end()),
            });
        }
    }
    for captures in ABSOLUTE_ES.captures_iter(&lower) {
        let Some(whole) = captures.get(0) else {
            continue;
        };
        let month = captures
            .name("month")
            .and_then(|m| month_number(m.as_str()));
        let day = captures.name("day").and_then(|d| day_number(d.as_str()));
        let year = captures
            .name("year")
            .and_then(|y| y.as_str().parse::<i32>().ok());
        if let Some(date) = resolve(month, day, year, said) {
            return Some(Deadline {
                date: Some(PartialDate::day(date)),
                text: text_of(whole.start(), whole.end()),
            });
        }
    }
    if let Some(captures) = PERIOD.captures(&lower) {
        if let Some(whole) = captures.get(0) {
            let count = captures
                .name("count")
                .and_then(|c| count_number(c.as_str()));
            let unit = captures.name("unit").map(|u| u.as_str()).unwrap_or("");
            let date = match (said, count) {
                (Some(said), Some(count)) => add_period(said, count, unit).map(PartialDate::day),
                _ => None,
            };
            return Some(Deadline {
                date,
                text: text_of(whole.start(), whole.end()),
            });
        }
    }
    if let Some(found) = VAGUE.find(&lower) {
        return Some(Deadline {
            date: None,
            text: text_of(found.start(), found.end()),
        });
    }
    None
}

const MONTHS_EN: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const MONTHS_ES: &str = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const ORDINALS: &str = "thirty-first|thirtieth|twenty-ninth|twenty-eighth|twenty-seventh|twenty-sixth|twenty-fifth|twenty-fourth|twenty-third|twenty-second|twenty-first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|thirteenth|twelfth|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|first";
const COUNTS: &str = "\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty-five|sixty|ninety|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|sesenta|noventa";

static ABSOLUTE_EN: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:by|before|until|till|no later than|on|effective|starting|beginning|as of|deadline of)\s+(?:the\s+)?(?:(?P<month>{MONTHS_EN})\.?\s+(?P<day>\d{{1,2}}|{ORDINALS})(?:st|nd|rd|th)?\b|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTHS_EN})\b)(?:,?\s+(?P<year>\d{{4}}))?"
    );
    // Build once; the pattern is a constant, so a failure here is a bug caught by the tests.
    Regex::new(&pattern).unwrap_or_else(|_| never_matches())
});

static END_OF_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:(?:by|before|until|through|no later than)\s+the\s+end\s+of|(?:concludes|ends|expires|closes)\s+in|(?:a|para|antes de)\s+(?:finales|fines)\s+de|(?:concluye|termina|vence)\s+en)\s+(?P<month>{MONTHS_EN}|{MONTHS_ES})\b(?:,?\s+(?:de\s+)?(?P<year>\d{{4}}))?"
    );
    Regex::new(&pattern).unwrap_or_else(|_| never_matches())
});

static ABSOLUTE_ES: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:antes del?|a más tardar el|a mas tardar el|para el|hasta el|el)\s+(?P<day>\d{{1,2}})\s+de\s+(?P<month>{MONTHS_ES})(?:\s+del?\s+(?P<year>\d{{4}}))?"
    );
    Regex::new(&pattern).unwrap_or_else(|_| never_matches())
});

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:within|in the next|over the next|in|for a period of|for a|for|dentro de|en un plazo de|en los próximos|en las próximas|en|durante|por)\s+(?:a\s+|an\s+|un\s+|una\s+)?(?P<count>{COUNTS})[\s-]+(?P<unit>days?|weeks?|months?|días|dias|día|semanas?|mes|meses)\b(?:\s+period)?"
    );
    Regex::new(&pattern).unwrap_or_else(|_| never_matches())
});

static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:very soon|soon|shortly|immediately|next week|next month|in the coming (?:days|weeks|months)|in the near future|through the end of (?:the|this) [^,.;]{0,60}(?:cycle|year|period|term)|pronto|próximamente|inmediatamente|de inmediato|la próxima semana|el próximo mes|en los próximos días|en las próximas semanas)\b")
        .unwrap_or_else(|_| never_matches())
});

/// A regex that matches nothing, the fallback if a constant pattern failed to compile.
fn never_matches() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("constant empty-class regex"))
}

fn resolve(
    month: Option<u32>,
    day: Option<u32>,
    year: Option<i32>,
    said: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let (month, day) = (month?, day?);
    match (year, said) {
        (Some(year), Some(said)) => {
            NaiveDate::from_ymd_opt(year, month, day).filter(|date| *date > said)
        }
        (Some(year), None) => NaiveDate::from_ymd_opt(year, month, day),
        (None, Some(said)) => {
            // The day the words were said is when, not by when ("in a post on December 8").
            let this_year = NaiveDate::from_ymd_opt(said.year(), month, day)?;
            if this_year > said {
                return Some(this_year);
            }
            if this_year == said {
                return None;
            }
            // "by January 31" said in December is next January; a date months back is a
            // past event, not a deadline.
            NaiveDate::from_ymd_opt(said.year() + 1, month, day)
                .filter(|next| (*next - said).num_days() <= 183)
        }
        (None, None) => None,
    }
}

/// The last day of a month named without a day: this year's, or next year's if this year's
/// is already past when the words are said.
fn resolve_month_end(
    month: Option<u32>,
    year: Option<i32>,
    said: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let month = month?;
    match (year, said) {
        (Some(year), _) => crate::keys::last_day_of_month(year, month),
        (None, Some(said)) => {
            let this_year = crate::keys::last_day_of_month(said.year(), month)?;
            if this_year >= said {
                Some(this_year)
            } else {
                crate::keys::last_day_of_month(said.year() + 1, month)
            }
        }
        (None, None) => None,
    }
}

fn add_period(said: NaiveDate, count: u32, unit: &str) -> Option<NaiveDate> {
    if unit.starts_with("day") || unit.starts_with("día") || unit.starts_with("dia") {
        said.checked_add_days(Days::new(u64::from(count)))
    } else if unit.starts_with("week") || unit.starts_with("semana") {
        said.checked_add_days(Days::new(u64::from(count) * 7))
    } else if unit.starts_with("month") || unit.starts_with("mes") {
        said.checked_add_months(Months::new(count))
    } else {
        None
    }
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    let number = match name {
        "january" | "jan" | "enero" => 1,
        "february" | "feb" | "febrero" => 2,
        "march" | "mar" | "marzo" => 3,
        "april" | "apr" | "abril" => 4,
        "may" | "mayo" => 5,
        "june" | "jun" | "junio" => 6,
        "july" | "jul" | "julio" => 7,
        "august" | "aug" | "agosto" => 8,
        "september" | "sept" | "sep" | "septiembre" | "setiembre" => 9,
        "october" | "oct" | "octubre" => 10,
        "november" | "nov" | "noviembre" => 11,
        "december" | "dec" | "diciembre" => 12,
        _ => return None,
    };
    Some(number)
}

fn day_number(text: &str) -> Option<u32> {
    if let Ok(number) = text.parse::<u32>() {
        return (1..=31).contains(&number).then_some(number);
    }
    let ordinals = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(index) = ordinals.iter().position(|o| *o == text) {
        return u32::try_from(index + 1).ok();
    }
    match text {
        "twenty-first" => Some(21),
        "twenty-second" => Some(22),
        "twenty-third" => Some(23),
        "twenty-fourth" => Some(24),
        "twenty-fifth" => Some(25),
        "twenty-sixth" => Some(26),
        "twenty-seventh" => Some(27),
        "twenty-eighth" => Some(28),
        "twenty-ninth" => Some(29),
        "thirtieth" => Some(30),
        "thirty-first" => Some(31),
        _ => None,
    }
}

fn count_number(text: &str) -> Option<u32> {
    if let Ok(number) = text.parse::<u32>() {
        return Some(number);
    }
    Some(match text {
        "a" | "an" | "one" | "un" | "una" | "uno" => 1,
        "two" | "dos" => 2,
        "three" | "tres" => 3,
        "four" | "cuatro" => 4,
        "five" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "siete" => 7,
        "eight" | "ocho" => 8,
        "nine" | "nueve" => 9,
        "ten" | "diez" => 10,
        "eleven" => 11,
        "twelve" | "doce" => 12,
        "fourteen" => 14,
        "fifteen" | "quince" => 15,
        "twenty" | "veinte" => 20,
        "thirty" | "treinta" => 30,
        "forty-five" => 45,
        "sixty" | "sesenta" => 60,
        "ninety" | "noventa" => 90,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, said: &str, expect: Option<(&str, &str)>) {
        let said = NaiveDate::parse_from_str(said, "%Y-%m-%d").ok();
        let got = parse(sentence, said).map(|deadline| {
            (
                deadline.date.map(|d| d.to_string()).unwrap_or_default(),
                deadline.text,
            )
        });
        let expect = expect.map(|(date, text)| (date.to_string(), text.to_string()));
        assert_eq!(got, expect, "{sentence}");
    }

    #[test]
    fn calendar_dates() {
        check(
            "the proposed TARIFFS scheduled to go into effect on MARCH FOURTH will, indeed, go into effect",
            "2025-02-27",
            Some(("2025-03-04", "on MARCH FOURTH")),
        );
        check(
            "Mexico must deliver the water by January 31.",
            "2025-12-12",
            Some(("2026-01-31", "by January 31")),
        );
        check(
            "by Jan. 31, 2026 the plan will be final",
            "2025-12-12",
            Some(("2026-01-31", "by Jan. 31, 2026")),
        );
        check(
            "México liberará el agua antes del 31 de enero de 2026.",
            "2025-12-12",
            Some(("2026-01-31", "antes del 31 de enero de 2026")),
        );
        // A date before the utterance is history, not a deadline; so is the day itself.
        check(
            "as agreed on February 3, 2025, talks continue",
            "2025-02-27",
            None,
        );
        check(
            "as agreed on February 3, talks continue",
            "2025-02-27",
            None,
        );
        check(
            "In a post on December 8, Trump said he had authorized a 5 percent tariff and demanded that the water be released “IMMEDIATELY.”",
            "2025-12-08",
            Some(("", "IMMEDIATELY")),
        );
    }

    #[test]
    fn ends_of_months() {
        check(
            "The United States and Mexico are in negotiations to finalize a plan by the end of January 2026.",
            "2025-12-12",
            Some(("2026-01-31", "by the end of January 2026")),
        );
        check(
            "would pay back the rest of its debt under a plan to be finished by the end of January.",
            "2025-12-12",
            Some(("2026-01-31", "by the end of January")),
        );
        check(
            "It includes water releases and continued commitments through the end of this cycle which concludes in October.",
            "2025-04-28",
            Some(("2025-10-31", "concludes in October")),
        );
        check(
            "un plan a finales de enero",
            "2025-12-12",
            Some(("2026-01-31", "a finales de enero")),
        );
    }

    #[test]
    fn periods() {
        check(
            "We further agreed to immediately pause the anticipated tariffs for a one month period during which we will have negotiations",
            "2025-02-03",
            Some(("2025-03-03", "for a one month period")),
        );
        check(
            "Mexico has 30 days to comply, and must act within 30 days.",
            "2025-04-10",
            Some(("2025-05-10", "within 30 days")),
        );
        check(
            "en 30 días",
            "2025-04-10",
            Some(("2025-05-10", "en 30 días")),
        );
        check(
            "within two weeks",
            "2025-04-10",
            Some(("2025-04-24", "within two weeks")),
        );
    }

    #[test]
    fn vague_deadlines_keep_text_only() {
        check(
            "We will hit them on land soon.",
            "2026-01-08",
            Some(("", "soon")),
        );
        check(
            "Lo haremos la próxima semana.",
            "2026-01-08",
            Some(("", "la próxima semana")),
        );
        check("Trump threatened tariffs.", "2026-01-08", None);
        check(
            "to impose a 5% Tariff on Mexico if this water isn't released, IMMEDIATELY.",
            "2025-12-08",
            Some(("", "IMMEDIATELY")),
        );
        check(
            "committed to transfer water through the end of the current five-year water cycle.",
            "2025-04-28",
            Some(("", "through the end of the current five-year water cycle")),
        );
        // Past durations are not deadlines.
        check(
            "Mexico has been stealing water for 20 years",
            "2025-04-10",
            None,
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "by",
            "on İstanbul 31",
            "by march 31st, 99999",
            "within 999 months",
        ] {
            let _ = parse(text, NaiveDate::from_ymd_opt(2025, 1, 1));
            let _ = parse(text, None);
        }
    }
}
