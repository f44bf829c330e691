//! Dates in a sentence, resolved against the publication date ("last month", "On December 6",
//! "since February", "el pasado 6 de diciembre").
//!
//! [`find_all`] returns every date expression of a sentence with its byte span and its resolved
//! [`PartialDate`]. Matching runs over a case- and accent-folded copy of the sentence
//! (`Folded`), so "Diciembre", "diciembre" and "DICIEMBRE" are the same word, and offsets are
//! mapped back to the original sentence, always on char boundaries.
//!
//! # Resolution rules
//!
//! `published` is the publication date of the document; every rule below that needs it gives no
//! mention when it is `None`.
//!
//! | expression | date | source |
//! |---|---|---|
//! | `2025-12-06` (ISO) | itself | text |
//! | `12/6/2025` (English, month first), `6/12/2025` (Spanish, day first) | the day | text |
//! | "December 6, 2025", "6 December 2025", "el 6 de diciembre de 2025" | the day | text |
//! | "December 2025", "diciembre de 2025" | the month | text |
//! | "On December 6", "Dec. 6", "el 6 de diciembre" | the day, in the year that puts it no more than 90 days after and no more than 275 days before `published`, the nearest if two do (so a January article's "December 6" is the previous December, a December article's "January 31" the next January, and a December article's "March 27" the past March) | text |
//! | "el pasado 6 de diciembre" / "el próximo 6 de diciembre" | the most recent such day on or before / the next on or after `published` | text |
//! | "in October", "since February", "en octubre", "desde febrero" | the most recent such month not after `published` (`YYYY-MM`; "since" gives the start) | text |
//! | "last October" / "next October", "octubre pasado" / "octubre próximo" | strictly before / after the month of `published` | text |
//! | "in 2024", "en 2024", "since 2019" | the year | text |
//! | "today", "hoy", "this morning" / "yesterday", "ayer" / "anteayer" | `published` / the day before / two days before | relative |
//! | "this week", "esta semana" / "last week", "la semana pasada" | the month of `published` / the month of `published` minus 7 days (a week is not a [`PartialDate`]) | relative |
//! | "this month", "este mes" / "last month", "el mes pasado" / "next month" | `YYYY-MM` of `published` / the month before / the month after | relative |
//! | "this year", "earlier this year", "a principios de año" / "last year", "el año pasado" | `YYYY` of `published` / the year before | relative |
//! | "Monday", "on Monday", "el lunes" | the most recent such weekday on or before `published` (news style: "said Monday" in a Monday article is that day) | relative |
//! | "this Friday", "este viernes" | that weekday in the week (Monday to Sunday) of `published` | relative |
//! | "last Tuesday", "el pasado martes" / "next Tuesday", "el próximo martes" | the most recent such weekday strictly before / the next strictly after `published` | relative |
//! | "three days ago", "hace tres semanas", "two months ago", "a year ago" | the day / the month of that day / the month / the year | relative |
//!
//! English month and weekday names count only when capitalized, which keeps "may" and "march"
//! the verbs out. Days that do not exist ("February 30") are ignored. Overlapping matches keep the most
//! precise, then the longest ("Monday, December 6, 2025" is one mention, not three).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Regex};
use trecho_model::{DateSource, Lang, PartialDate};

/// One date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first byte of the expression in the sentence.
    pub start: usize,
    /// Byte offset one past the last byte of the expression in the sentence.
    pub end: usize,
    /// The resolved date.
    pub date: PartialDate,
    /// Whether the date was written out (`Text`) or resolved from a relative expression
    /// (`Relative`).
    pub source: DateSource,
}

/// Finds every date expression in `sentence`, in order, resolved against `published`.
///
/// Never panics; offsets are always on char boundaries of `sentence`. Relative expressions give no
/// mention when `published` is `None`.
///
/// ```
/// use trecho_extract::dates::find_all;
/// use trecho_model::{DateSource, Lang};
///
/// let published = chrono::NaiveDate::from_ymd_opt(2025, 12, 24);
/// let sentence = "Trump threatened Sheinbaum with more tariffs again this month.";
/// let mentions = find_all(sentence, Lang::En, published);
/// assert_eq!(&sentence[mentions[0].start..mentions[0].end], "this month");
/// assert_eq!(mentions[0].date.to_string(), "2025-12");
/// assert_eq!(mentions[0].source, DateSource::Relative);
///
/// let mentions = find_all("La presidenta habló el pasado 6 de diciembre.", Lang::Es, published);
/// assert_eq!(mentions[0].date.to_string(), "2025-12-06");
/// ```
pub fn find_all(sentence: &str, lang: Lang, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_filtered(sentence, lang, published, true)
}

/// [`find_all`], with the trigger filter switchable so that a test can check it loses nothing.
fn find_filtered(
    sentence: &str,
    lang: Lang,
    published: Option<NaiveDate>,
    use_triggers: bool,
) -> Vec<DateMention> {
    let folded = Folded::new(sentence);
    let rules: &[Rule] = match lang {
        Lang::En => &EN_RULES,
        Lang::Es => &ES_RULES,
    };
    let present = triggers(&folded.text);
    let mut candidates = Vec::new();
    for rule in rules {
        // Skip rules whose words are absent: most sentences hold one date or none.
        if use_triggers && present & rule.kind.trigger() == 0 {
            continue;
        }
        for caps in rule.regex.captures_iter(&folded.text) {
            let Some(whole) = caps.get(0) else { continue };
            let matched = Matched {
                sentence,
                folded: &folded,
                caps: &caps,
            };
            let Some((date, source)) = resolve(rule.kind, &matched, lang, published) else {
                continue;
            };
            // The record format writes four-digit years: a date resolved outside 0001–9999
            // (a nonsense publication date, "next year" at the end of time) is dropped rather
            // than written as something no reader can parse.
            if (1..=9999).contains(&date.year) {
                candidates.push(DateMention {
                    start: folded.original(whole.start()),
                    end: folded.original(whole.end()),
                    date,
                    source,
                });
            }
        }
    }
    keep_best(candidates)
}

/// A sentence lowercased with accents stripped and typographic quotes and dashes made ASCII, one
/// char for each char of the original, with a map back to the original's byte offsets.
///
/// Shared by the other modules of this crate that match lexicons on folded text.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    /// The folded text.
    pub(crate) text: String,
    /// For every byte of `text` (and one past the end), the byte offset in the original of the
    /// char that byte belongs to.
    offsets: Vec<usize>,
}

impl Folded {
    /// Folds `original`.
    pub(crate) fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(original.len() + 1);
        for (idx, ch) in original.char_indices() {
            let before = text.len();
            text.push(fold_char(ch));
            offsets.resize(offsets.len() + (text.len() - before), idx);
        }
        offsets.push(original.len());
        Folded { text, offsets }
    }

    /// Maps a byte offset of the folded text back to the original. Offsets of `text` that are
    /// char boundaries map to char boundaries of the original.
    pub(crate) fn original(&self, folded_offset: usize) -> usize {
        match self.offsets.get(folded_offset) {
            Some(&offset) => offset,
            None => self.offsets.last().copied().unwrap_or(0),
        }
    }
}

/// Folds one char: lowercase, without diacritics, ASCII quotes and dashes.
pub(crate) fn fold_char(ch: char) -> char {
    if ch.is_ascii() {
        return ch.to_ascii_lowercase();
    }
    let lower = ch.to_lowercase().next().unwrap_or(ch);
    match lower {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'º' => 'o',
        'ª' => 'a',
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{00B4}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{2007}' => ' ',
        other => other,
    }
}

/// Compiles a built-in pattern, with `\b` meaning an ASCII word boundary (folded text is nearly
/// all ASCII, and the ASCII boundary keeps the fast DFA engines usable).
///
/// # Panics
///
/// Panics if the pattern is invalid, which is a bug in this crate caught by every test.
pub(crate) fn compile(pattern: &str) -> Regex {
    let ascii = pattern.replace(r"\b", r"(?-u:\b)");
    match Regex::new(&ascii) {
        Ok(regex) => regex,
        Err(error) => panic!("built-in pattern {pattern:?} is invalid: {error}"),
    }
}

/// Whether the char of the original sentence at the folded offset is uppercase.
pub(crate) fn capitalized_at(sentence: &str, folded: &Folded, folded_offset: usize) -> bool {
    let start = folded.original(folded_offset);
    sentence
        .get(start..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase)
}

/// English month names and abbreviations, as a regex alternation (longest first).
pub(crate) const EN_MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec";
/// Full English month names only.
const EN_MONTHS_FULL: &str =
    "january|february|march|april|may|june|july|august|september|october|november|december";
/// Spanish month names (folded: no accents).
pub(crate) const ES_MONTHS: &str =
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const EN_WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const ES_WEEKDAYS: &str = "lunes|martes|miercoles|jueves|viernes|sabado|domingo";

/// The month number of an English or Spanish month name or abbreviation (folded).
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    Some(match word {
        "january" | "jan" | "enero" | "ene" => 1,
        "february" | "feb" | "febrero" => 2,
        "march" | "mar" | "marzo" => 3,
        "april" | "apr" | "abril" | "abr" => 4,
        "may" | "mayo" => 5,
        "june" | "jun" | "junio" => 6,
        "july" | "jul" | "julio" => 7,
        "august" | "aug" | "agosto" | "ago" => 8,
        "september" | "sept" | "sep" | "septiembre" | "setiembre" => 9,
        "october" | "oct" | "octubre" => 10,
        "november" | "nov" | "noviembre" => 11,
        "december" | "dec" | "diciembre" | "dic" => 12,
        _ => return None,
    })
}

/// The weekday an English or Spanish (folded) day name names.
pub(crate) fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "lunes" => Weekday::Mon,
        "tuesday" | "martes" => Weekday::Tue,
        "wednesday" | "miercoles" => Weekday::Wed,
        "thursday" | "jueves" => Weekday::Thu,
        "friday" | "viernes" => Weekday::Fri,
        "saturday" | "sabado" => Weekday::Sat,
        "sunday" | "domingo" => Weekday::Sun,
        _ => return None,
    })
}

/// Which way an expression points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// No marker: the nearest plausible reading.
    Nearest,
    /// "last", "pasado": strictly before.
    Past,
    /// "next", "próximo": strictly after.
    Future,
    /// "this", "este": the current period.
    Current,
}

fn direction_of(word: &str) -> Direction {
    match word.trim() {
        "last" | "past" | "the past" | "previous" | "the previous" | "pasado" | "pasada"
        | "el pasado" | "la pasada" | "anterior" | "este pasado" => Direction::Past,
        "next" | "proximo" | "proxima" | "el proximo" | "la proxima" | "entrante" | "coming"
        | "que viene" => Direction::Future,
        "this" | "este" | "esta" | "en curso" => Direction::Current,
        _ => Direction::Nearest,
    }
}

/// Resolves a day and month without a year: see the module table.
pub(crate) fn resolve_day_month(
    published: NaiveDate,
    month: u32,
    day: u32,
    direction: Direction,
) -> Option<NaiveDate> {
    let year = published.year();
    let candidates = [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day));
    match direction {
        Direction::Past => candidates.filter(|d| *d <= published).max(),
        Direction::Future => candidates.filter(|d| *d >= published).min(),
        Direction::Current => NaiveDate::from_ymd_opt(year, month, day),
        Direction::Nearest => candidates
            .filter(|d| {
                let days = d.signed_duration_since(published).num_days();
                (-275..=90).contains(&days)
            })
            .min_by_key(|d| d.signed_duration_since(published).num_days().abs()),
    }
}

/// Resolves a month without a year: see the module table.
pub(crate) fn resolve_month(published: NaiveDate, month: u32, direction: Direction) -> (i32, u32) {
    let year = published.year();
    let current = published.month();
    match direction {
        Direction::Past if month < current => (year, month),
        Direction::Past => (year - 1, month),
        Direction::Future if month > current => (year, month),
        Direction::Future => (year + 1, month),
        Direction::Current => (year, month),
        Direction::Nearest if month <= current => (year, month),
        Direction::Nearest => (year - 1, month),
    }
}

fn resolve_weekday(published: NaiveDate, weekday: Weekday, direction: Direction) -> NaiveDate {
    let today = published.weekday().num_days_from_monday() as i64;
    let wanted = weekday.num_days_from_monday() as i64;
    let back = (today - wanted).rem_euclid(7);
    match direction {
        Direction::Past => {
            let back = if back == 0 { 7 } else { back };
            shift_days(published, -back)
        }
        Direction::Future => {
            let ahead = (wanted - today).rem_euclid(7);
            let ahead = if ahead == 0 { 7 } else { ahead };
            shift_days(published, ahead)
        }
        // "this Friday", "este viernes": the day of the current week (Monday to Sunday), which
        // may be after `published`.
        Direction::Current => shift_days(published, wanted - today),
        Direction::Nearest => shift_days(published, -back),
    }
}

/// `date` moved by `days` (either sign); saturates at chrono's range instead of panicking.
pub(crate) fn shift_days(date: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(date)
}

/// `(year, month)` moved by `months` (either sign).
fn shift_month(year: i32, month: u32, months: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + months;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// `date` moved by whole months, clamped to the month's last day.
pub(crate) fn shift_months(date: NaiveDate, months: i64) -> NaiveDate {
    let moved = if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs().min(12_000) as u32))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs().min(12_000) as u32))
    };
    moved.unwrap_or(date)
}

/// The kinds of pattern, each with its own resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    /// "12/6/2025" in English (month first), "6/12/2025" in Spanish (day first).
    Slashed,
    MonthDay,
    DayMonth,
    MonthYear,
    MonthOnly,
    Year,
    RelativeDay,
    RelativePeriod,
    Weekday,
    Ago,
    YearPart,
}

impl Kind {
    /// The trigger bit (see [`triggers`]) a sentence needs for this kind of rule to match.
    fn trigger(self) -> u8 {
        match self {
            Kind::Iso | Kind::Slashed | Kind::Year => TRIGGER_DIGIT,
            Kind::MonthDay | Kind::DayMonth | Kind::MonthYear | Kind::MonthOnly => TRIGGER_MONTH,
            Kind::RelativeDay => TRIGGER_DAY_WORD,
            Kind::RelativePeriod | Kind::YearPart => TRIGGER_PERIOD,
            Kind::Weekday => TRIGGER_WEEKDAY,
            Kind::Ago => TRIGGER_AGO,
        }
    }
}

pub(crate) const TRIGGER_DIGIT: u8 = 1;
pub(crate) const TRIGGER_MONTH: u8 = 2;
pub(crate) const TRIGGER_DAY_WORD: u8 = 4;
pub(crate) const TRIGGER_PERIOD: u8 = 8;
pub(crate) const TRIGGER_WEEKDAY: u8 = 16;
pub(crate) const TRIGGER_AGO: u8 = 32;

/// Substrings that any match of a kind of rule contains, with their trigger bits. A substring
/// test is enough: it only decides which rules to run.
static TRIGGER_WORDS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    let mut bits: Vec<u8> = Vec::new();
    let mut add = |list: &str, bit: u8| {
        for word in list.split('|') {
            words.push(word.to_string());
            bits.push(bit);
        }
    };
    add(EN_MONTHS, TRIGGER_MONTH);
    add(ES_MONTHS, TRIGGER_MONTH);
    add(EN_WEEKDAYS, TRIGGER_WEEKDAY);
    add(ES_WEEKDAYS, TRIGGER_WEEKDAY);
    add(
        "yesterday|today|tonight|tomorrow|morning|afternoon|evening|night|ayer|hoy|anoche|antier|manana|tarde|noche",
        TRIGGER_DAY_WORD,
    );
    // "day" and "dia" only matter to deadline spans ("within 30 days").
    add("week|month|year|semana|mes|ano|day|dia", TRIGGER_PERIOD);
    add("ago|hace", TRIGGER_AGO);
    match AhoCorasick::new(&words) {
        Ok(automaton) => (automaton, bits),
        Err(error) => panic!("building the date trigger automaton: {error}"),
    }
});

/// The trigger bits present in a folded sentence.
pub(crate) fn triggers(folded: &str) -> u8 {
    let mut present = 0;
    if folded.bytes().any(|b| b.is_ascii_digit()) {
        present |= TRIGGER_DIGIT;
    }
    let (automaton, bits) = &*TRIGGER_WORDS;
    for found in automaton.find_overlapping_iter(folded) {
        present |= bits.get(found.pattern().as_usize()).copied().unwrap_or(0);
    }
    present
}

struct Rule {
    regex: Regex,
    kind: Kind,
}

fn rule(kind: Kind, pattern: &str) -> Rule {
    Rule {
        regex: compile(pattern),
        kind,
    }
}

/// Number words accepted in "three days ago" / "hace tres días".
const SMALL_NUMBERS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce";

fn small_number(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    Some(match word {
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
        "eleven" | "once" => 11,
        "twelve" | "doce" => 12,
        _ => return None,
    })
}

static EN_RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let months = EN_MONTHS;
    let full = EN_MONTHS_FULL;
    let weekdays = EN_WEEKDAYS;
    vec![
        rule(
            Kind::Iso,
            r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        ),
        rule(
            Kind::Slashed,
            r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b",
        ),
        rule(
            Kind::MonthDay,
            &format!(
                r"\b(?:(?P<wd>{weekdays}),?\s+)?(?P<mon>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        rule(
            Kind::DayMonth,
            &format!(
                r"\b(?:(?P<wd>{weekdays}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{months})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        rule(
            Kind::MonthYear,
            &format!(r"\b(?P<mon>{months})\.?,?\s+(?:of\s+)?(?P<year>\d{{4}})\b"),
        ),
        rule(
            Kind::MonthOnly,
            &format!(
                r"\b(?:(?P<prep>in|since|during|until|through|from|by|before|after|last|this|next|of|on|early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?:(?:early|late|mid)[\s-]+)?(?P<mon>{full})\b"
            ),
        ),
        rule(
            Kind::Year,
            r"\b(?:(?P<part>end|start|beginning|middle|half|quarter|summer|spring|fall|autumn|winter)\s+)?(?P<prep>in|since|during|by|until|through|from|early|late|mid|of|throughout)[\s-]+(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d{2})\b",
        ),
        rule(
            Kind::RelativeDay,
            r"\b(?P<word>the day before yesterday|yesterday|today|tonight|this morning|this afternoon|this evening|last night|earlier today)\b",
        ),
        rule(
            Kind::RelativePeriod,
            r"\b(?:(?:earlier|later|late|early)\s+)?(?P<dir>last|this|next|previous|the previous|past|the past)\s+(?P<unit>week|weekend|month|year)\b",
        ),
        rule(
            Kind::Weekday,
            &format!(r"\b(?:(?P<dir>last|this|next|on|past)\s+)?(?P<wd>{weekdays})\b"),
        ),
        rule(
            Kind::Ago,
            &format!(
                r"\b(?P<n>\d{{1,3}}|{SMALL_NUMBERS})\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+ago\b"
            ),
        ),
    ]
});

static ES_RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let months = ES_MONTHS;
    let weekdays = ES_WEEKDAYS;
    vec![
        rule(
            Kind::Iso,
            r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        ),
        rule(
            Kind::Slashed,
            r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b",
        ),
        rule(
            Kind::DayMonth,
            &format!(
                r"\b(?:(?P<dir>pasado|proximo)\s+)?(?:(?P<wd>{weekdays})\s+)?(?P<day>\d{{1,2}}|primero)(?:o\.?)?\s+de\s+(?P<mon>{months})\b(?:\s+(?:de|del)\s+(?P<year>\d{{4}})\b)?(?:\s+(?P<dir2>pasado|proximo))?"
            ),
        ),
        rule(
            Kind::MonthYear,
            &format!(r"\b(?P<mon>{months})\s+(?:de|del)\s+(?P<year>\d{{4}})\b"),
        ),
        rule(
            Kind::MonthOnly,
            &format!(
                r"\b(?:(?P<prep>en|desde|durante|hasta|de|para|el pasado|el proximo|este|pasado|proximo)\s+)?(?:(?:principios|inicios|finales|fines|mediados)\s+de\s+)?(?P<mon>{months})\b(?:\s+(?P<dir2>pasado|proximo))?"
            ),
        ),
        rule(
            Kind::Year,
            r"\b(?:(?P<part>principios|inicios|finales|fines|mediados|trimestre|semestre|verano|invierno|primavera|otono)\s+)?(?P<prep>en|desde|durante|hasta|para|de|del ano|el ano)\s+(?P<year>(?:19|20)\d{2})\b",
        ),
        rule(
            Kind::RelativeDay,
            r"\b(?P<word>anteayer|antier|antes de ayer|ayer|hoy|anoche|esta manana|esta tarde|esta noche)\b",
        ),
        rule(
            Kind::RelativePeriod,
            r"\b(?:(?:el|la|del|de la|al)\s+)?(?:(?P<dir>este|esta|el pasado|la pasada|el proximo|la proxima)\s+)?(?P<unit>semana|mes|ano|fin de semana)\b(?:\s+(?P<dir2>pasado|pasada|anterior|proximo|proxima|entrante|en curso|que viene))?",
        ),
        rule(
            Kind::YearPart,
            r"\ba\s+(?:(?:principios|inicios|finales|fines|mediados)\s+(?:de|del)\s+)(?:(?:este|el)\s+)?ano(?:\s+(?P<dir2>pasado))?\b",
        ),
        rule(
            Kind::Weekday,
            &format!(
                r"\b(?:(?P<dir>el pasado|el proximo|este pasado|el|este|pasado|proximo)\s+)?(?P<wd>{weekdays})\b(?:\s+(?P<dir2>pasado|proximo))?"
            ),
        ),
        rule(
            Kind::Ago,
            &format!(
                r"\bhace\s+(?:(?:mas de|casi|unos|unas|cerca de)\s+)?(?P<n>\d{{1,3}}|{SMALL_NUMBERS})\s+(?P<unit>dias?|semanas?|mes|meses|anos?)\b"
            ),
        ),
    ]
});

/// A regex match with what resolution needs to look at.
struct Matched<'a> {
    sentence: &'a str,
    folded: &'a Folded,
    caps: &'a Captures<'a>,
}

impl Matched<'_> {
    fn text(&self, name: &str) -> Option<&str> {
        self.caps.name(name).map(|m| m.as_str())
    }

    fn number(&self, name: &str) -> Option<u32> {
        self.text(name).and_then(|t| t.parse().ok())
    }

    /// Whether the named group starts with an uppercase char in the original sentence.
    fn capitalized(&self, name: &str) -> bool {
        self.caps
            .name(name)
            .is_some_and(|m| capitalized_at(self.sentence, self.folded, m.start()))
    }

    fn direction(&self) -> Direction {
        let first = self
            .text("dir")
            .map(direction_of)
            .unwrap_or(Direction::Nearest);
        if first != Direction::Nearest {
            return first;
        }
        self.text("dir2")
            .map(direction_of)
            .unwrap_or(Direction::Nearest)
    }
}

fn resolve(
    kind: Kind,
    matched: &Matched<'_>,
    lang: Lang,
    published: Option<NaiveDate>,
) -> Option<(PartialDate, DateSource)> {
    match kind {
        Kind::Iso => {
            let date = NaiveDate::from_ymd_opt(
                matched.number("year")? as i32,
                matched.number("month")?,
                matched.number("day")?,
            )?;
            Some((PartialDate::day(date), DateSource::Text))
        }
        Kind::Slashed => {
            let (first, second) = (matched.number("first")?, matched.number("second")?);
            let (month, day) = match lang {
                Lang::En => (first, second),
                Lang::Es => (second, first),
            };
            let date = NaiveDate::from_ymd_opt(matched.number("year")? as i32, month, day)?;
            Some((PartialDate::day(date), DateSource::Text))
        }
        Kind::MonthDay | Kind::DayMonth => {
            // English month names are capitalized; "may 5" is likely not a date.
            if lang == Lang::En && !matched.capitalized("mon") {
                return None;
            }
            let month = month_number(matched.text("mon")?)?;
            let day = match matched.text("day")? {
                "primero" => 1,
                digits => digits.parse().ok()?,
            };
            let date = match matched.number("year") {
                Some(year) => NaiveDate::from_ymd_opt(year as i32, month, day)?,
                None => resolve_day_month(published?, month, day, matched.direction())?,
            };
            Some((PartialDate::day(date), DateSource::Text))
        }
        Kind::MonthYear => {
            if lang == Lang::En && !matched.capitalized("mon") {
                return None;
            }
            let month = month_number(matched.text("mon")?)?;
            let year = matched.number("year")? as i32;
            NaiveDate::from_ymd_opt(year, month, 1)?;
            Some((PartialDate::month(year, month), DateSource::Text))
        }
        Kind::MonthOnly => {
            let month_word = matched.text("mon")?;
            let prep = matched.text("prep");
            if lang == Lang::Es
                && matched.capitalized("mon")
                && matched.caps.name("mon").is_some_and(|m| m.start() > 0)
            {
                // Spanish months are lowercase; a capitalized one inside a sentence is a name
                // ("Plaza de Mayo", "Cinco de Mayo").
                return None;
            }
            if lang == Lang::En {
                if !matched.capitalized("mon") {
                    return None;
                }
                // "May" and "March" are also a modal and a verb: only after a preposition.
                if matches!(month_word, "may" | "march") && prep.is_none() {
                    return None;
                }
            }
            let month = month_number(month_word)?;
            let direction = match prep.map(direction_of) {
                Some(Direction::Nearest) | None => matched.direction(),
                Some(direction) => direction,
            };
            let (year, month) = resolve_month(published?, month, direction);
            Some((PartialDate::month(year, month), DateSource::Text))
        }
        Kind::Year => {
            // "of 1944" is usually a name ("the Water Treaty of 1944"), not a date, unless it
            // follows "end", "start" and the like.
            let prep = matched.text("prep")?;
            if matches!(prep, "of" | "de") && matched.text("part").is_none() {
                return None;
            }
            let year = matched.number("year")? as i32;
            Some((PartialDate::year(year), DateSource::Text))
        }
        Kind::RelativeDay => {
            let published = published?;
            let back = match matched.text("word")? {
                "the day before yesterday" | "anteayer" | "antier" | "antes de ayer" => 2,
                "yesterday" | "ayer" | "last night" | "anoche" => 1,
                _ => 0,
            };
            Some((
                PartialDate::day(shift_days(published, -back)),
                DateSource::Relative,
            ))
        }
        Kind::RelativePeriod => {
            let published = published?;
            let direction = matched.direction();
            // "the past year" is a span ending now, not the previous year; "this past weekend"
            // is the last one.
            let past_span = matches!(matched.text("dir"), Some("past" | "the past"));
            let unit = matched.text("unit")?;
            if past_span && unit != "week" && unit != "weekend" {
                return None;
            }
            if lang == Lang::Es && matched.text("dir").is_none() && matched.text("dir2").is_none() {
                return None;
            }
            let date = match (unit, direction) {
                ("week" | "semana" | "weekend" | "fin de semana", Direction::Past) => {
                    let day = shift_days(published, -7);
                    PartialDate::month(day.year(), day.month())
                }
                ("week" | "semana" | "weekend" | "fin de semana", Direction::Future) => {
                    let day = shift_days(published, 7);
                    PartialDate::month(day.year(), day.month())
                }
                ("week" | "semana" | "weekend" | "fin de semana", _) => {
                    PartialDate::month(published.year(), published.month())
                }
                ("month" | "mes", direction) => {
                    let offset = match direction {
                        Direction::Past => -1,
                        Direction::Future => 1,
                        _ => 0,
                    };
                    let (year, month) = shift_month(published.year(), published.month(), offset);
                    PartialDate::month(year, month)
                }
                ("year" | "ano", direction) => {
                    let offset = match direction {
                        Direction::Past => -1,
                        Direction::Future => 1,
                        _ => 0,
                    };
                    PartialDate::year(published.year() + offset)
                }
                _ => return None,
            };
            Some((date, DateSource::Relative))
        }
        Kind::YearPart => {
            let published = published?;
            let year = if matched.text("dir2").is_some() {
                published.year() - 1
            } else {
                published.year()
            };
            Some((PartialDate::year(year), DateSource::Relative))
        }
        Kind::Weekday => {
            if lang == Lang::En && !matched.capitalized("wd") {
                return None;
            }
            let weekday = weekday_of(matched.text("wd")?)?;
            let date = resolve_weekday(published?, weekday, matched.direction());
            Some((PartialDate::day(date), DateSource::Relative))
        }
        Kind::Ago => {
            let published = published?;
            let n = small_number(matched.text("n")?)?;
            let unit = matched.text("unit")?;
            let date = if unit.starts_with("day") || unit.starts_with("dia") {
                PartialDate::day(shift_days(published, -n))
            } else if unit.starts_with("week") || unit.starts_with("semana") {
                let day = shift_days(published, -7 * n);
                PartialDate::month(day.year(), day.month())
            } else if unit.starts_with("month") || unit.starts_with("mes") {
                let day = shift_months(published, -n);
                PartialDate::month(day.year(), day.month())
            } else {
                PartialDate::year(published.year() - n.clamp(0, 10_000) as i32)
            };
            Some((date, DateSource::Relative))
        }
    }
}

/// Of overlapping mentions keeps the most precise ("in October 2025" beats "in October"), then
/// the longest, then the earlier; returns them in sentence order.
fn keep_best(mut candidates: Vec<DateMention>) -> Vec<DateMention> {
    fn precision(date: &PartialDate) -> u8 {
        match (date.month, date.day) {
            (Some(_), Some(_)) => 2,
            (Some(_), None) => 1,
            _ => 0,
        }
    }
    candidates.sort_by(|a, b| {
        precision(&b.date)
            .cmp(&precision(&a.date))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<DateMention> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let overlaps = kept
            .iter()
            .any(|k| candidate.start < k.end && k.start < candidate.end);
        if !overlaps {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_four_digit_years_are_dropped() {
        // Found by the `dates` fuzz target: "next month" against chrono's extreme dates gave
        // years such as -262143 that the record format cannot write.
        for published in [NaiveDate::MIN, NaiveDate::MAX] {
            let mentions = find_all(
                "next month, next year, last year",
                Lang::En,
                Some(published),
            );
            assert!(mentions.is_empty(), "{published}: {mentions:?}");
        }
        let published = NaiveDate::from_ymd_opt(9999, 12, 20);
        let mentions = find_all("this month and next year", Lang::En, published);
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].date.to_string(), "9999-12");
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// Renders the mentions as `text=date/source` lines so expectations read like the input.
    fn check(sentence: &str, lang: Lang, published: Option<&str>, expect: &[&str]) {
        let published = published.map(date);
        let got: Vec<String> = find_all(sentence, lang, published)
            .iter()
            .map(|m| {
                format!(
                    "{}={}/{}",
                    &sentence[m.start..m.end],
                    m.date,
                    m.source.as_str()
                )
            })
            .collect();
        assert_eq!(got, expect, "sentence: {sentence}");
    }

    #[test]
    fn english_explicit_days() {
        // Synthetic, modelled on wire copy.
        check(
            "On December 6, Sheinbaum spoke with Trump by phone.",
            Lang::En,
            Some("2025-12-24"),
            &["December 6=2025-12-06/text"],
        );
        check(
            "The deal was signed December 6, 2025, in Washington.",
            Lang::En,
            None,
            &["December 6, 2025=2025-12-06/text"],
        );
        check(
            "Officials met on Dec. 6 in Mexico City.",
            Lang::En,
            Some("2025-12-24"),
            &["Dec. 6=2025-12-06/text"],
        );
        check(
            "The order took effect on 6 December 2025.",
            Lang::En,
            None,
            &["6 December 2025=2025-12-06/text"],
        );
    }

    #[test]
    fn day_without_year_uses_the_nearest_plausible_year() {
        // A January article's "December 6" is the previous December.
        check(
            "On December 6, Mexico agreed to release water.",
            Lang::En,
            Some("2026-01-10"),
            &["December 6=2025-12-06/text"],
        );
        // A December article's "January 31" is the next January.
        check(
            "The plan is to be finalized by January 31.",
            Lang::En,
            Some("2025-12-12"),
            &["January 31=2026-01-31/text"],
        );
    }

    #[test]
    fn day_without_year_prefers_the_past_beyond_ninety_days() {
        // Synthetic: a December article looking back at March.
        check(
            "The first tariffs took effect on March 27.",
            Lang::En,
            Some("2025-12-24"),
            &["March 27=2025-03-27/text"],
        );
    }

    #[test]
    fn this_weekday_is_in_the_current_week() {
        // Synthetic; 2025-12-24 is a Wednesday.
        check(
            "Los cancilleres se reunirán este viernes.",
            Lang::Es,
            Some("2025-12-24"),
            &["este viernes=2025-12-26/relative"],
        );
        check(
            "Sheinbaum habló este lunes con Trump.",
            Lang::Es,
            Some("2025-12-24"),
            &["este lunes=2025-12-22/relative"],
        );
    }

    #[test]
    fn capitalized_spanish_month_is_a_name() {
        // Synthetic.
        check(
            "Las madres marcharon en la Plaza de Mayo.",
            Lang::Es,
            Some("2025-12-24"),
            &[],
        );
    }

    #[test]
    fn invalid_days_are_ignored() {
        check("It happened on February 30, 2025.", Lang::En, None, &[]);
        check("The ISO date 2025-02-30 is wrong.", Lang::En, None, &[]);
    }

    #[test]
    fn months_resolve_to_the_most_recent_not_after_published() {
        check(
            "Trump first raised the threat in October.",
            Lang::En,
            Some("2025-12-24"),
            &["in October=2025-10/text"],
        );
        check(
            "Tariffs have been in place since February.",
            Lang::En,
            Some("2025-12-24"),
            &["since February=2025-02/text"],
        );
        check(
            "Talks resumed in October.",
            Lang::En,
            Some("2026-01-05"),
            &["in October=2025-10/text"],
        );
        check(
            "The tariffs may rise again.",
            Lang::En,
            Some("2025-12-24"),
            &[],
        );
    }

    #[test]
    fn english_relative_expressions() {
        let published = Some("2025-12-24"); // a Wednesday
        check(
            "Trump threatened Sheinbaum with more tariffs again this month.",
            Lang::En,
            published,
            &["this month=2025-12/relative"],
        );
        check(
            "The talks collapsed last month.",
            Lang::En,
            published,
            &["last month=2025-11/relative"],
        );
        check(
            "The two leaders spoke last week.",
            Lang::En,
            published,
            &["last week=2025-12/relative"],
        );
        check(
            "Sheinbaum said yesterday that Mexico would comply.",
            Lang::En,
            published,
            &["yesterday=2025-12-23/relative"],
        );
        check(
            "Trump said today that the deal was done.",
            Lang::En,
            published,
            &["today=2025-12-24/relative"],
        );
        check(
            "Rubio spoke with De la Fuente on Monday.",
            Lang::En,
            published,
            &["on Monday=2025-12-22/relative"],
        );
        check(
            "Trump said last Tuesday that strikes could begin.",
            Lang::En,
            published,
            &["last Tuesday=2025-12-23/relative"],
        );
        check(
            "Trump said Wednesday he would not wait.",
            Lang::En,
            published,
            &["Wednesday=2025-12-24/relative"],
        );
        check(
            "Exports fell the previous month.",
            Lang::En,
            published,
            &["the previous month=2025-11/relative"],
        );
        check(
            "Deliveries lagged over the past year.",
            Lang::En,
            published,
            &[],
        );
        check(
            "Mexico extradited 29 men earlier this year.",
            Lang::En,
            published,
            &["earlier this year=2025/relative"],
        );
        check(
            "Mexico sent troops in 2024.",
            Lang::En,
            published,
            &["in 2024=2024/text"],
        );
        check(
            "The pause began three days ago.",
            Lang::En,
            published,
            &["three days ago=2025-12-21/relative"],
        );
    }

    #[test]
    fn relative_expressions_need_a_publication_date() {
        check("The talks collapsed last month.", Lang::En, None, &[]);
        check("Trump spoke on Monday.", Lang::En, None, &[]);
        check("La reunión fue ayer.", Lang::Es, None, &[]);
    }

    #[test]
    fn treaty_year_is_not_a_date() {
        check(
            "Mexico owes water under the Water Treaty of 1944.",
            Lang::En,
            Some("2025-04-10"),
            &[],
        );
        check(
            "Mexico is behind on the 1944 Water Treaty.",
            Lang::En,
            Some("2025-04-10"),
            &[],
        );
    }

    #[test]
    fn spanish_expressions() {
        let published = Some("2025-12-24");
        check(
            "La presidenta habló con Trump el pasado 6 de diciembre.",
            Lang::Es,
            published,
            &["pasado 6 de diciembre=2025-12-06/text"],
        );
        check(
            "El acuerdo se firmó el 6 de diciembre de 2025.",
            Lang::Es,
            None,
            &["6 de diciembre de 2025=2025-12-06/text"],
        );
        check(
            "Sheinbaum respondió el lunes.",
            Lang::Es,
            published,
            &["el lunes=2025-12-22/relative"],
        );
        check(
            "La cancillería lo confirmó ayer.",
            Lang::Es,
            published,
            &["ayer=2025-12-23/relative"],
        );
        check(
            "Hoy la presidenta habló de aranceles.",
            Lang::Es,
            published,
            &["Hoy=2025-12-24/relative"],
        );
        check(
            "Los aranceles se anunciaron el mes pasado.",
            Lang::Es,
            published,
            &["el mes pasado=2025-11/relative"],
        );
        check(
            "Las entregas de agua comenzaron este mes.",
            Lang::Es,
            published,
            &["este mes=2025-12/relative"],
        );
        check(
            "Los cancilleres se reunieron la semana pasada.",
            Lang::Es,
            published,
            &["la semana pasada=2025-12/relative"],
        );
        check(
            "Las conversaciones iniciaron en octubre.",
            Lang::Es,
            published,
            &["en octubre=2025-10/text"],
        );
        check(
            "Los aranceles rigen desde febrero.",
            Lang::Es,
            published,
            &["desde febrero=2025-02/text"],
        );
        check(
            "La revisión del T-MEC será el año que viene.",
            Lang::Es,
            published,
            &["el año que viene=2026/relative"],
        );
        check(
            "Las exportaciones cayeron en el primer trimestre de 2025.",
            Lang::Es,
            published,
            &["trimestre de 2025=2025/text"],
        );
        check(
            "El acuerdo se anunció a principios de año.",
            Lang::Es,
            published,
            &["a principios de año=2025/relative"],
        );
    }

    #[test]
    fn slashed_dates_follow_the_language() {
        // Synthetic.
        check(
            "The order was signed on 12/6/2025.",
            Lang::En,
            None,
            &["12/6/2025=2025-12-06/text"],
        );
        check(
            "El decreto se publicó el 6/12/2025.",
            Lang::Es,
            None,
            &["6/12/2025=2025-12-06/text"],
        );
        check("Ratio 13/13/2025 is no date.", Lang::En, None, &[]);
    }

    #[test]
    fn iso_dates() {
        check(
            "Published 2025-12-06 by the State Department.",
            Lang::En,
            None,
            &["2025-12-06=2025-12-06/text"],
        );
    }

    #[test]
    fn folding_keeps_offsets_on_char_boundaries() {
        let original = "Él dijo “sí” — ¿qué?";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "el dijo \"si\" - ¿que?");
        for (idx, _) in folded.text.char_indices() {
            assert!(original.is_char_boundary(folded.original(idx)));
        }
        assert_eq!(folded.original(folded.text.len()), original.len());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            (1990i32..2040, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
        }

        proptest! {
            #[test]
            fn never_panics_and_offsets_are_char_boundaries(text in "\\PC{0,80}", es in any::<bool>(), published in proptest::option::of(any_date())) {
                let lang = if es { Lang::Es } else { Lang::En };
                for mention in find_all(&text, lang, published) {
                    prop_assert!(mention.start <= mention.end);
                    prop_assert!(text.is_char_boundary(mention.start));
                    prop_assert!(text.is_char_boundary(mention.end));
                }
            }

            #[test]
            fn date_words_in_arbitrary_text_never_panic(
                words in proptest::collection::vec(prop_oneof![
                    Just("December"), Just("6"), Just("31"), Just("de"), Just("el"), Just("pasado"),
                    Just("last"), Just("week"), Just("Monday"), Just("hace"), Just("días"), Just("2025"),
                    Just("in"), Just("ago"), Just("three"), Just("febrero"), Just("0"), Just("99"),
                    Just("año"), Just("ÉL"), Just("—"), Just(","),
                ], 0..12),
                published in proptest::option::of(any_date()),
            ) {
                let text = words.join(" ");
                for lang in [Lang::En, Lang::Es] {
                    for mention in find_all(&text, lang, published) {
                        prop_assert!(text.is_char_boundary(mention.start));
                        prop_assert!(text.is_char_boundary(mention.end));
                    }
                }
            }

            #[test]
            fn extreme_publication_dates_never_panic(
                words in proptest::collection::vec(prop_oneof![
                    Just("next"), Just("last"), Just("month"), Just("year"), Just("week"), Just("Monday"),
                    Just("December 31"), Just("January 1"), Just("in October"), Just("999 days ago"),
                    Just("hace 999 años"), Just("el próximo 29 de febrero"), Just("mañana"),
                    Just("within 999 months"), Just("by March"), Just("next year"),
                ], 0..6),
                extreme in prop_oneof![Just(NaiveDate::MIN), Just(NaiveDate::MAX)],
            ) {
                let text = words.join(" ");
                for lang in [Lang::En, Lang::Es] {
                    let _ = find_all(&text, lang, Some(extreme));
                    let _ = crate::issues::deadline(&text, lang, Some(extreme));
                }
            }

            #[test]
            fn trigger_filter_loses_nothing(
                words in proptest::collection::vec(prop_oneof![
                    Just("December 6"), Just("el 6 de diciembre"), Just("last week"), Just("hace 3 días"),
                    Just("on Monday"), Just("el martes pasado"), Just("in 2024"), Just("yesterday"),
                    Just("anoche"), Just("2025-12-06"), Just("two months ago"), Just("earlier this year"),
                    Just("a principios de año"), Just("this month"), Just("en octubre"), Just("said"),
                    Just("the"), Just("y"), Just("Sept. 3"),
                ], 0..6),
                published in proptest::option::of(any_date()),
            ) {
                let text = words.join(" ");
                for lang in [Lang::En, Lang::Es] {
                    prop_assert_eq!(
                        find_filtered(&text, lang, published, true),
                        find_filtered(&text, lang, published, false)
                    );
                }
            }

            #[test]
            fn iso_dates_resolve_to_themselves(day in any_date(), published in proptest::option::of(any_date())) {
                let text = PartialDate::day(day).to_string();
                let mentions = find_all(&text, Lang::En, published);
                prop_assert_eq!(mentions.len(), 1);
                prop_assert_eq!(mentions[0].date, PartialDate::day(day));
                // Rendering what was found and reading it again is a fixed point.
                let again = find_all(&mentions[0].date.to_string(), Lang::Es, published);
                prop_assert_eq!(again[0].date, mentions[0].date);
            }

            #[test]
            fn relative_dates_move_forward_with_publication(a in any_date(), b in any_date()) {
                let (early, late) = if a <= b { (a, b) } else { (b, a) };
                for (text, lang) in [
                    ("last month", Lang::En), ("yesterday", Lang::En), ("last week", Lang::En),
                    ("on Monday", Lang::En), ("in October", Lang::En), ("On December 6", Lang::En),
                    ("el mes pasado", Lang::Es), ("el pasado 6 de diciembre", Lang::Es),
                    ("el lunes", Lang::Es), ("en octubre", Lang::Es), ("earlier this year", Lang::En),
                    ("este viernes", Lang::Es), ("this Friday", Lang::En), ("next Tuesday", Lang::En),
                ] {
                    let first = find_all(text, lang, Some(early));
                    let second = find_all(text, lang, Some(late));
                    prop_assert_eq!(first.len(), 1, "{}", text);
                    prop_assert_eq!(second.len(), 1, "{}", text);
                    prop_assert!(first[0].date.first_day() <= second[0].date.first_day(), "{}", text);
                }
            }
        }
    }
}
