//! The said-versus-done index: per period (ISO week or month), dyad (actor side, recipient
//! side) and issue, how many statements and how many deeds there were and their mean weight
//! on the Goldstein-style scale of [`EventType::goldstein`].
//!
//! Deeds are counted once however many documents report them (see [`crate::deeds`]);
//! statements repeated in one document count once. An event with several issues counts once
//! under each; one with none counts under `other`. `gap` is `done_score − said_score`: negative
//! when deeds are harsher than words, positive when words are harsher than deeds.

use crate::deeds;
use crate::keys;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use trecho_model::{Event, EventType, Issue};

/// The length of an index period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Interval {
    /// ISO weeks, labelled "2025-W07".
    #[default]
    Week,
    /// Calendar months, labelled "2025-02".
    Month,
}

impl Interval {
    /// Parses `week` or `month`.
    pub fn parse(name: &str) -> Option<Interval> {
        match name.trim().to_ascii_lowercase().as_str() {
            "week" | "weekly" | "w" => Some(Interval::Week),
            "month" | "monthly" | "m" => Some(Interval::Month),
            _ => None,
        }
    }

    /// The label of the period holding `day`.
    pub fn label(self, day: NaiveDate) -> String {
        match self {
            Interval::Week => keys::week_label(day),
            Interval::Month => keys::month_label(day),
        }
    }
}

/// What to index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexOptions {
    /// Keep only this actor side (country code, or a name; case-insensitive).
    pub actor: Option<String>,
    /// Keep only this recipient side.
    pub recipient: Option<String>,
    /// Keep only this issue.
    pub issue: Option<Issue>,
    /// Period length.
    pub interval: Interval,
}

/// One row of the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexRow {
    /// "2025-W07" or "2025-02".
    pub period: String,
    /// Actor side.
    pub actor: String,
    /// Recipient side.
    pub recipient: String,
    /// Issue.
    pub issue: Issue,
    /// Number of statements.
    pub said_count: u32,
    /// Number of deeds.
    pub done_count: u32,
    /// Mean weight of the statements' event types, or null without statements.
    pub said_score: Option<f64>,
    /// Mean weight of the deeds' event types, or null without deeds.
    pub done_score: Option<f64>,
    /// `done_score − said_score`, or null unless both exist.
    pub gap: Option<f64>,
}

/// Builds the index. Rows are sorted by period, actor, recipient and issue. Events without any
/// date (neither `date` nor `published`) cannot be placed in a period and are left out.
pub fn index(events: &[Event], options: &IndexOptions) -> Vec<IndexRow> {
    let sorted = keys::sorted(events);

    // Periods and sides are numbered as they are first seen, so each cell's key is four small
    // numbers; the rows are sorted by the labels and sides themselves at the end.
    let mut periods = Names::default();
    let mut period_of_day: HashMap<NaiveDate, usize> = HashMap::new();
    let mut sides = Names::default();
    // Whether each numbered side passes the actor and the recipient filter.
    let mut side_matches: Vec<(bool, bool)> = Vec::new();
    // (period, actor, recipient, issue) → (said weights, done weights)
    type Cell = (Vec<f64>, Vec<f64>);
    let mut cells: HashMap<(usize, usize, usize, Issue), Cell> = HashMap::new();
    let mut add = |day: Option<NaiveDate>,
                   actor: &str,
                   recipient: &str,
                   issues: &[Issue],
                   event_type: EventType,
                   is_done: bool| {
        let Some(day) = day else {
            return;
        };
        let mut side = |name: &str| {
            let number = sides.number(name);
            if number == side_matches.len() {
                side_matches.push((
                    matches_side(options.actor.as_deref(), name),
                    matches_side(options.recipient.as_deref(), name),
                ));
            }
            number
        };
        let (actor, recipient) = (side(actor), side(recipient));
        let actor_matches = side_matches.get(actor).is_some_and(|matches| matches.0);
        let recipient_matches = side_matches.get(recipient).is_some_and(|matches| matches.1);
        if !actor_matches || !recipient_matches {
            return;
        }
        let period = *period_of_day
            .entry(day)
            .or_insert_with(|| periods.number(&options.interval.label(day)));
        let issues = if issues.is_empty() {
            &[Issue::Other][..]
        } else {
            issues
        };
        for &issue in issues {
            if options.issue.is_some_and(|wanted| wanted != issue) {
                continue;
            }
            let cell = cells.entry((period, actor, recipient, issue)).or_default();
            let weight = f64::from(event_type.goldstein());
            if is_done {
                cell.1.push(weight);
            } else {
                cell.0.push(weight);
            }
        }
    };

    for group in deeds::group_deeds(&sorted) {
        add(
            group.day,
            &group.actor_side,
            &group.recipient_side,
            &group.deed.issues,
            group.deed.event_type,
            true,
        );
    }
    for utterance in deeds::merge_utterances(&sorted) {
        let Some(first) = utterance.first() else {
            continue;
        };
        add(
            utterance.day(),
            &keys::side(first.actor.as_ref()),
            &keys::side(first.recipient.as_ref()),
            &first.issues,
            first.event_type,
            false,
        );
    }

    // (period label, actor side, recipient side, issue): the order of the rows.
    type Named<'n> = (&'n str, &'n str, &'n str, Issue);
    let mut cells: Vec<(Named<'_>, Cell)> = cells
        .into_iter()
        .map(|((period, actor, recipient, issue), cell)| {
            (
                (
                    periods.name(period),
                    sides.name(actor),
                    sides.name(recipient),
                    issue,
                ),
                cell,
            )
        })
        .collect();
    cells.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    cells
        .into_iter()
        .map(|((period, actor, recipient, issue), (said, done))| {
            let said_score = mean(&said);
            let done_score = mean(&done);
            IndexRow {
                period: period.to_string(),
                actor: actor.to_string(),
                recipient: recipient.to_string(),
                issue,
                said_count: u32::try_from(said.len()).unwrap_or(u32::MAX),
                done_count: u32::try_from(done.len()).unwrap_or(u32::MAX),
                said_score,
                done_score,
                gap: match (said_score, done_score) {
                    (Some(said), Some(done)) => Some(round(done - said)),
                    _ => None,
                },
            }
        })
        .collect()
}

/// Names numbered in the order they are first seen.
#[derive(Default)]
struct Names {
    numbers: HashMap<String, usize>,
    names: Vec<String>,
}

impl Names {
    fn number(&mut self, name: &str) -> usize {
        if let Some(&number) = self.numbers.get(name) {
            return number;
        }
        self.numbers.insert(name.to_string(), self.names.len());
        self.names.push(name.to_string());
        self.names.len() - 1
    }

    fn name(&self, number: usize) -> &str {
        self.names.get(number).map_or("", String::as_str)
    }
}

/// Whether a side matches a filter: equal ignoring case (country codes, names).
pub fn matches_side(filter: Option<&str>, side: &str) -> bool {
    match filter {
        None => true,
        Some(wanted) => {
            wanted.trim().eq_ignore_ascii_case(side) || wanted.trim().to_lowercase() == side
        }
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(round(values.iter().sum::<f64>() / values.len() as f64))
}

/// Rounds to two decimals so that output is stable across platforms.
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{self, done, said, said_act, B};
    use trecho_model::SpeechAct;

    fn check(events: Vec<B>, options: IndexOptions, expect: &[&str]) {
        let rows = index(&testutil::events(events), &options);
        let got: Vec<String> = rows
            .iter()
            .map(|row| {
                format!(
                    "{} {}->{} {} said {} ({:?}) done {} ({:?}) gap {:?}",
                    row.period,
                    row.actor,
                    row.recipient,
                    row.issue,
                    row.said_count,
                    row.said_score,
                    row.done_count,
                    row.done_score,
                    row.gap
                )
            })
            .collect();
        assert_eq!(got, expect);
    }

    fn timeline() -> Vec<B> {
        vec![
            said(
                "t1",
                "d1",
                "2025-02-01",
                "USA",
                "MEX",
                SpeechAct::Threat,
                EventType::Sanction,
                &[Issue::Trade],
            ),
            said(
                "t1b",
                "d1",
                "2025-02-01",
                "USA",
                "MEX",
                SpeechAct::Threat,
                EventType::Sanction,
                &[Issue::Trade],
            ),
            said_act(
                "c1",
                "d2",
                "2025-02-03",
                "USA",
                "MEX",
                EventType::Consult,
                &[Issue::Trade],
            ),
            // One deed reported twice.
            done(
                "s1",
                "d3",
                "2025-03-03",
                "USA",
                "MEX",
                EventType::Sanction,
                &[Issue::Trade],
            ),
            done(
                "s2",
                "d4",
                "2025-03-04",
                "USA",
                "MEX",
                EventType::Sanction,
                &[Issue::Trade],
            ),
            done(
                "x1",
                "d5",
                "2025-02-27",
                "MEX",
                "USA",
                EventType::Cooperate,
                &[],
            ),
            // Undated and unpublished: cannot be placed.
            done(
                "u1",
                "d6",
                "2025-03-03",
                "USA",
                "MEX",
                EventType::Assault,
                &[Issue::Security],
            )
            .undated()
            .published(""),
        ]
    }

    #[test]
    fn weekly_rows_count_deeds_once_and_repeats_once() {
        check(
            timeline(),
            IndexOptions::default(),
            &[
                "2025-W05 USA->MEX trade said 1 (Some(-5.0)) done 0 (None) gap None",
                "2025-W06 USA->MEX trade said 1 (Some(1.5)) done 0 (None) gap None",
                "2025-W09 MEX->USA other said 0 (None) done 1 (Some(6.0)) gap None",
                "2025-W10 USA->MEX trade said 0 (None) done 1 (Some(-8.0)) gap None",
            ],
        );
    }

    #[test]
    fn monthly_rows_with_filters_and_gap() {
        check(
            timeline(),
            IndexOptions {
                actor: Some("usa".into()),
                recipient: None,
                issue: Some(Issue::Trade),
                interval: Interval::Month,
            },
            &[
                "2025-02 USA->MEX trade said 2 (Some(-1.75)) done 0 (None) gap None",
                "2025-03 USA->MEX trade said 0 (None) done 1 (Some(-8.0)) gap None",
            ],
        );
        let mut events = timeline();
        events.push(done(
            "s0",
            "d9",
            "2025-02-20",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade],
        ));
        check(
            events,
            IndexOptions {
                actor: Some("USA".into()),
                recipient: Some("MEX".into()),
                issue: None,
                interval: Interval::Month,
            },
            &[
                "2025-02 USA->MEX trade said 2 (Some(-1.75)) done 1 (Some(-8.0)) gap Some(-6.25)",
                "2025-03 USA->MEX trade said 0 (None) done 1 (Some(-8.0)) gap None",
            ],
        );
    }

    #[test]
    fn interval_names() {
        assert_eq!(Interval::parse("Month"), Some(Interval::Month));
        assert_eq!(Interval::parse("week"), Some(Interval::Week));
        assert_eq!(Interval::parse("day"), None);
    }
}
