//! Shared helpers: sides, dates as days, issue overlap, stable ids, representative actors and
//! place words (at sea, on someone's soil).

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use trecho_model::{Actor, Event, Issue, PartialDate};

/// The side an actor belongs to: its country, else its canonical name, else its text
/// (lowercased), else `?`. Country-level identity decides clustering, as `spec/ledger.md` asks:
/// "Trump" and "the United States" are the same side.
pub fn side(actor: Option<&Actor>) -> String {
    let Some(actor) = actor else {
        return "?".to_string();
    };
    if let Some(country) = actor.country.as_deref().filter(|c| !c.trim().is_empty()) {
        return country.trim().to_ascii_uppercase();
    }
    if let Some(name) = actor.name.as_deref().filter(|n| !n.trim().is_empty()) {
        return name.trim().to_lowercase();
    }
    let text = actor.text.trim().to_lowercase();
    if text.is_empty() {
        "?".to_string()
    } else {
        text
    }
}

/// Whether the side is known (an actor was found).
pub fn known(side: &str) -> bool {
    side != "?"
}

/// A stable id: `prefix` + the first 16 hex digits of SHA-256 of the key.
pub fn stable_id(prefix: &str, key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let mut id = String::with_capacity(prefix.len() + 17);
    id.push_str(prefix);
    id.push('-');
    for byte in digest.iter().take(8) {
        id.push_str(&format!("{byte:02x}"));
    }
    id
}

/// The date of an event as the record gives it: `date`, else `published`.
pub fn event_date(event: &Event) -> Option<PartialDate> {
    event.date.or(event.published.map(PartialDate::day))
}

/// The first day an event can have happened on: the first day of its (partial) date, else
/// its publication date. Month-precision dates sort at the start of the month, so "this
/// month" never places an act after a dated act of the same month that may have followed it.
pub fn event_day(event: &Event) -> Option<NaiveDate> {
    event
        .date
        .and_then(|date| date.first_day())
        .or(event.published)
}

/// The days an event's date covers, inclusive: one day for a full date, the whole month or
/// year for partial dates (capped by the publication date, which the act cannot follow).
pub fn day_range(event: &Event) -> Option<(NaiveDate, NaiveDate)> {
    let Some(date) = event.date else {
        return event.published.map(|day| (day, day));
    };
    let first = date.first_day()?;
    let last = match (date.month, date.day) {
        (Some(_), Some(_)) => first,
        (Some(month), None) => last_day_of_month(date.year, month).unwrap_or(first),
        _ => NaiveDate::from_ymd_opt(date.year, 12, 31).unwrap_or(first),
    };
    let last = match event.published {
        Some(published) if published >= first && published < last => published,
        _ => last,
    };
    Some((first, last))
}

/// Days between two ranges (0 when they overlap).
pub fn range_gap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> i64 {
    if a.1 < b.0 {
        (b.0 - a.1).num_days()
    } else if b.1 < a.0 {
        (a.0 - b.1).num_days()
    } else {
        0
    }
}

/// The last day of a month.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month >= 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// Total order on events: by first day (undated last), then by id, then by sentence.
pub fn event_order(a: &Event, b: &Event) -> Ordering {
    let day_a = event_day(a).unwrap_or(NaiveDate::MAX);
    let day_b = event_day(b).unwrap_or(NaiveDate::MAX);
    day_a
        .cmp(&day_b)
        .then_with(|| a.id.cmp(&b.id))
        .then_with(|| a.doc_id.cmp(&b.doc_id))
        .then_with(|| a.span.cmp(&b.span))
}

/// The events in [`event_order`]. Each event's day is worked out once, not at every
/// comparison.
pub fn sorted(events: &[Event]) -> Vec<&Event> {
    let mut keyed: Vec<(NaiveDate, &Event)> = events
        .iter()
        .map(|event| (event_day(event).unwrap_or(NaiveDate::MAX), event))
        .collect();
    keyed.sort_by(|(day_a, a), (day_b, b)| {
        day_a
            .cmp(day_b)
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| a.doc_id.cmp(&b.doc_id))
            .then_with(|| a.span.cmp(&b.span))
    });
    keyed.into_iter().map(|(_, event)| event).collect()
}

/// The latest day in the data: the largest event day or publication date. "Now" for the
/// ledger, so that a deadline counts as passed only when the data has moved beyond it.
pub fn latest_day(events: &[&Event]) -> Option<NaiveDate> {
    events
        .iter()
        .flat_map(|event| [day_range(event).map(|range| range.0), event.published])
        .flatten()
        .max()
}

/// Whether two issue lists overlap; an empty list is compatible with anything, because a
/// report that names no issue does not contradict one that does.
pub fn issues_compatible(a: &[Issue], b: &[Issue]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|issue| b.contains(issue))
}

/// The issues a threat, promise or demand aims at: with leverage, the goal plus every issue
/// but the lever ("tariffs to get water" aims at water, not trade); otherwise all its issues.
/// This keeps a tariff threat over water apart from a tariff threat over fentanyl, although
/// both carry the issue `trade`.
pub fn aim_issues(event: &Event) -> BTreeSet<Issue> {
    let mut aims: BTreeSet<Issue> = event.issues.iter().copied().collect();
    if let Some(leverage) = event.leverage {
        aims.remove(&leverage.lever);
        aims.insert(leverage.goal);
    }
    if aims.is_empty() {
        aims.extend(event.issues.iter().copied());
    }
    aims
}

/// Issues as a bit set (bit `issue as u32`), for fast overlap tests.
pub fn issue_bits<'a>(issues: impl IntoIterator<Item = &'a Issue>) -> u32 {
    issues
        .into_iter()
        .fold(0, |bits, &issue| bits | 1u32 << (issue as u32))
}

/// Sorted union of issues.
pub fn union_issues<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<Issue> {
    let set: BTreeSet<Issue> = events
        .into_iter()
        .flat_map(|event| event.issues.iter().copied())
        .collect();
    set.into_iter().collect()
}

/// The actor that best represents a cluster: the most frequent (by canonical name, else
/// text) among the given actors, preferring ones with a name; ties go to the earliest.
pub fn representative<'a>(actors: impl IntoIterator<Item = Option<&'a Actor>>) -> Option<Actor> {
    // (count, first actor) per key, in the order the keys first appear.
    let mut counts: Vec<(usize, &Actor)> = Vec::new();
    let mut positions: HashMap<String, usize> = HashMap::new();
    for actor in actors.into_iter().flatten() {
        let key = actor
            .name
            .clone()
            .unwrap_or_else(|| actor.text.to_lowercase());
        match positions.get(&key).and_then(|&at| counts.get_mut(at)) {
            Some(entry) => entry.0 += 1,
            None => {
                positions.insert(key, counts.len());
                counts.push((1, actor));
            }
        }
    }
    let mut best: Option<(usize, bool, &Actor)> = None;
    for (count, actor) in &counts {
        let named = actor.name.is_some();
        let better = match best {
            None => true,
            Some((best_count, best_named, _)) => (named, *count) > (best_named, best_count),
        };
        if better {
            best = Some((*count, named, actor));
        }
    }
    best.map(|(_, _, actor)| actor.clone())
}

/// A short readable label for a side in summaries: the country code or the actor's name.
pub fn label(actor: Option<&Actor>) -> String {
    let side = side(actor);
    if known(&side) {
        if let Some(actor) = actor {
            if actor.country.is_some() {
                return side;
            }
            if let Some(name) = &actor.name {
                return name.clone();
            }
            return actor.text.clone();
        }
    }
    "?".to_string()
}

/// Issues as a comma-separated list for summaries.
pub fn issue_list(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(|issue| issue.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words that place an act at sea (boats, waters) rather than on land, English and Spanish.
const SEA_WORDS: &[&str] = &[
    " at sea",
    " boat",
    " vessel",
    " ship ",
    " ships",
    " waters",
    " caribbean",
    " pacific",
    " maritime",
    " narco-sub",
    " semi-submersible",
    " lancha",
    " embarcaci",
    " en el mar",
    " aguas internacionales",
    " buque",
    " barco",
    " marítim",
];

/// Words that place an act on land or in a country's territory.
const LAND_WORDS: &[&str] = &[
    " land",
    " soil",
    " territory",
    " ground",
    " inside ",
    " on the ground",
    " en tierra",
    " territorio",
    " suelo",
    " dentro de",
];

/// Whether the sentence places the act at sea.
pub fn at_sea(sentence: &str) -> bool {
    let lower = format!(" {}", sentence.to_lowercase());
    SEA_WORDS.iter().any(|word| lower.contains(word))
}

/// Whether the sentence places the act on land.
pub fn on_land(sentence: &str) -> bool {
    let lower = format!(" {}", sentence.to_lowercase());
    LAND_WORDS.iter().any(|word| lower.contains(word))
}

/// Whether the sentence places the act on the territory of the given country (by ISO code):
/// "in Mexico", "Mexican soil", "territorio mexicano", "en México", or a generic "our soil".
pub fn on_territory_of(sentence: &str, country: &str) -> bool {
    let lower = format!(" {}", sentence.to_lowercase());
    let names: &[&str] = match country {
        "MEX" => &[
            " in mexico",
            " into mexico",
            " inside mexico",
            " mexican soil",
            " mexican territory",
            " en méxico",
            " en mexico",
            " territorio mexicano",
            " suelo mexicano",
            " a méxico",
        ],
        "USA" => &[
            " in the united states",
            " into the united states",
            " u.s. soil",
            " american soil",
            " en estados unidos",
            " territorio estadounidense",
        ],
        _ => &[],
    };
    names.iter().any(|name| lower.contains(name))
        || [
            " our soil",
            " our territory",
            " nuestro territorio",
            " nuestro suelo",
            " its soil",
            " its territory",
        ]
        .iter()
        .any(|word| lower.contains(word))
}

/// Month label "2025-02".
pub fn month_label(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// ISO week label "2025-W07".
pub fn week_label(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str, country: Option<&str>, name: Option<&str>) -> Actor {
        Actor {
            text: text.into(),
            country: country.map(Into::into),
            sector: None,
            name: name.map(Into::into),
        }
    }

    #[test]
    fn side_prefers_country_then_name_then_text() {
        assert_eq!(side(Some(&actor("Trump", Some("usa"), None))), "USA");
        assert_eq!(side(Some(&actor("CJNG", None, Some("CJNG")))), "cjng");
        assert_eq!(side(Some(&actor("The Cartel", None, None))), "the cartel");
        assert_eq!(side(None), "?");
    }

    #[test]
    fn ids_are_stable_and_prefixed() {
        assert_eq!(stable_id("c", "a"), stable_id("c", "a"));
        assert_ne!(stable_id("c", "a"), stable_id("c", "b"));
        assert!(stable_id("c", "a").starts_with("c-"));
        assert_eq!(stable_id("c", "a").len(), 18);
    }

    #[test]
    fn labels_for_periods() {
        let day = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
        assert_eq!(week_label(day), "2025-W07");
        assert_eq!(month_label(day), "2025-02");
        // ISO week years differ from calendar years at the turn of the year.
        let day = NaiveDate::from_ymd_opt(2024, 12, 30).unwrap();
        assert_eq!(week_label(day), "2025-W01");
    }

    #[test]
    fn places() {
        assert!(at_sea("U.S. forces struck a boat in the eastern Pacific."));
        assert!(!at_sea(
            "Trump said he would launch land strikes on cartels."
        ));
        assert!(on_land(
            "Trump said he would launch land strikes on cartels."
        ));
        assert!(on_territory_of("No strikes on Mexican soil.", "MEX"));
        assert!(on_territory_of("No aceptamos tropas en México.", "MEX"));
        assert!(!on_territory_of("Troops deployed to the border.", "MEX"));
    }

    #[test]
    fn month_end() {
        assert_eq!(
            last_day_of_month(2025, 2),
            NaiveDate::from_ymd_opt(2025, 2, 28)
        );
        assert_eq!(
            last_day_of_month(2025, 12),
            NaiveDate::from_ymd_opt(2025, 12, 31)
        );
    }
}
