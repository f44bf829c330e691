//! Red lines: what a side rules out, and whether the other side approached or crossed it.
//!
//! # What counts as a red line
//! A said event with speech act `red_line`, or a `refusal` of an act on the speaker's own
//! territory or sovereignty: its content type is ASSAULT or MOBILIZE (strikes, troops), or its
//! sentence speaks of sovereignty, territory, soil or intervention. Negation does not matter
//! (red lines are usually said in the negative). The speaker must be known and differ from the
//! side the line is against.
//!
//! # Grouping
//! Utterances with the same holder side and content type are one red line. The `against`
//! side is the one the utterances name; an utterance that names no one ("any foreign
//! government") joins the line of the same holder and content type.
//!
//! # Status
//! - `holding` from the first utterance (`declared`);
//! - `approached`: the `against` side (any other known side when the line names no one)
//!   threatened the ruled-out act against the holder: a said threat with the line's content
//!   type (for a line without a content type: strikes or troops). Threats made before the
//!   line was drawn count from the day it was drawn, since a red line usually answers a threat.
//!   The act done at sea against the holder's side (a boat, not its soil) also approaches it.
//! - `crossed`: on or after `declared`, the `against` side did the act against the holder's
//!   side on its soil: a deed of the content type, not placed at sea; for troops (MOBILIZE)
//!   the sentence must also place them in the holder's territory ("in Mexico", "on Mexican
//!   soil"), since deploying troops to one's own side of a border is not crossing.
//!
//! A line once approached or crossed stays so: later words do not undo an act.

use crate::deeds::{self, DeedGroup, Utterance};
use crate::keys;
use crate::{RedLine, RedLineStatus, StatusChange};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use trecho_model::{Event, EventType, Kind, PartialDate, SpeechAct};

/// Builds the red lines. `events` must be in [`keys::event_order`]; `deeds` come from
/// [`deeds::group_deeds`] over the same events.
pub fn build(events: &[&Event], deeds: &[DeedGroup<'_>]) -> Vec<RedLine> {
    let candidates: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|event| is_red_line(event))
        .collect();
    let utterances = deeds::merge_utterances(&candidates);
    let lines = group(utterances);
    let lookup = Lookup::new(events, deeds);
    let mut red_lines: Vec<RedLine> = lines.iter().map(|line| follow(line, &lookup)).collect();
    red_lines.sort_by(|a, b| {
        (a.declared.and_then(|d| d.first_day()), &a.id)
            .cmp(&(b.declared.and_then(|d| d.first_day()), &b.id))
    });
    red_lines
}

/// Words that make a refusal a matter of the speaker's territory or sovereignty.
const SOVEREIGNTY_WORDS: &[&str] = &[
    "sovereign",
    "territor",
    "soil",
    "intervention",
    "interference",
    "subordination",
    "soberan",
    "suelo",
    "intervención",
    "intervencion",
    "injerencia",
    "subordinación",
];

/// Whether a said event draws a red line (see the module docs).
pub fn is_red_line(event: &Event) -> bool {
    if event.kind != Kind::Said
        || !matches!(
            event.speech_act,
            Some(SpeechAct::RedLine | SpeechAct::Refusal)
        )
    {
        return false;
    }
    let holder_side = keys::side(event.actor.as_ref());
    if !keys::known(&holder_side) || holder_side == keys::side(event.recipient.as_ref()) {
        return false;
    }
    match event.speech_act {
        Some(SpeechAct::RedLine) => true,
        Some(SpeechAct::Refusal) => {
            matches!(
                event.content_type,
                Some(EventType::Assault | EventType::Mobilize)
            ) || {
                let lower = event.sentence.to_lowercase();
                SOVEREIGNTY_WORDS.iter().any(|word| lower.contains(word))
            }
        }
        _ => false,
    }
}

/// What can approach or cross a line, indexed by the side it is aimed at (a line's holder), so
/// that each line only reads the threats and deeds aimed at its holder.
struct Lookup<'e, 'd> {
    /// Threats (see [`is_threat`]), with their actor side, by recipient side, in event order.
    threats_to: HashMap<String, Vec<(&'e Event, String)>>,
    /// Deeds by recipient side, in date order.
    deeds_to: HashMap<&'d str, Vec<&'d DeedGroup<'e>>>,
}

impl<'e, 'd> Lookup<'e, 'd> {
    fn new(events: &[&'e Event], deeds: &'d [DeedGroup<'e>]) -> Lookup<'e, 'd> {
        let mut threats_to: HashMap<String, Vec<(&'e Event, String)>> = HashMap::new();
        for &event in events.iter().filter(|event| is_threat(event)) {
            threats_to
                .entry(keys::side(event.recipient.as_ref()))
                .or_default()
                .push((event, keys::side(event.actor.as_ref())));
        }
        let mut deeds_to: HashMap<&'d str, Vec<&'d DeedGroup<'e>>> = HashMap::new();
        for group in deeds {
            deeds_to
                .entry(group.recipient_side.as_str())
                .or_default()
                .push(group);
        }
        Lookup {
            threats_to,
            deeds_to,
        }
    }
}

/// A said threat, not negated (a `THREATEN` event without a speech act counts too).
fn is_threat(event: &Event) -> bool {
    event.kind == Kind::Said
        && !event.negated
        && (event.speech_act == Some(SpeechAct::Threat)
            || (event.event_type == EventType::Threaten && event.speech_act.is_none()))
}

/// (day, order within the day, date, status, evidence) of one signal.
type LineSignal = (
    NaiveDate,
    u8,
    Option<PartialDate>,
    RedLineStatus,
    Vec<String>,
);

struct Line<'a> {
    holder_side: String,
    against_side: String,
    content_type: Option<EventType>,
    utterances: Vec<Utterance<'a>>,
}

impl Line<'_> {
    fn events(&self) -> impl Iterator<Item = &Event> + '_ {
        self.utterances
            .iter()
            .flat_map(|u| u.events.iter().copied())
    }

    fn declared_day(&self) -> Option<NaiveDate> {
        self.utterances.iter().filter_map(|u| u.day()).min()
    }

    /// Whether `side` is the side the line rules out.
    fn is_against(&self, side: &str) -> bool {
        if keys::known(&self.against_side) {
            side == self.against_side
        } else {
            keys::known(side) && side != self.holder_side
        }
    }

    /// Whether an act of `event_type` is the ruled-out act.
    fn rules_out(&self, event_type: Option<EventType>) -> bool {
        match self.content_type {
            Some(content_type) => event_type == Some(content_type),
            None => matches!(event_type, Some(EventType::Assault | EventType::Mobilize)),
        }
    }
}

fn group(utterances: Vec<Utterance<'_>>) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    // Lines by (holder side, content type), in the order they were drawn.
    let mut by_key: HashMap<(String, Option<EventType>), Vec<usize>> = HashMap::new();
    for utterance in utterances {
        let Some(first) = utterance.first() else {
            continue;
        };
        let holder_side = keys::side(first.actor.as_ref());
        let against_side = keys::side(first.recipient.as_ref());
        let content_type = first.content_type;
        let key = (holder_side, content_type);
        let same_key = by_key.get(&key).map_or(&[][..], Vec::as_slice);
        let found = same_key.iter().copied().find(|&index| {
            lines.get(index).is_some_and(|line| {
                line.against_side == against_side
                    || !keys::known(&line.against_side)
                    || !keys::known(&against_side)
            })
        });
        let (holder_side, content_type) = key.clone();
        match found.and_then(|index| lines.get_mut(index)) {
            Some(line) => {
                if !keys::known(&line.against_side) {
                    line.against_side = against_side;
                }
                line.utterances.push(utterance);
            }
            None => {
                by_key.entry(key).or_default().push(lines.len());
                lines.push(Line {
                    holder_side,
                    against_side,
                    content_type,
                    utterances: vec![utterance],
                });
            }
        }
    }
    lines
}

fn follow(line: &Line<'_>, lookup: &Lookup<'_, '_>) -> RedLine {
    let all_events: Vec<&Event> = line.events().collect();
    let declared_day = line.declared_day();
    let declared = line
        .utterances
        .iter()
        .min_by_key(|u| u.day())
        .and_then(|u| u.date());
    let last_restated = line
        .utterances
        .iter()
        .max_by_key(|u| u.day())
        .and_then(|u| u.date());
    let holder = keys::representative(all_events.iter().map(|e| e.actor.as_ref()));
    let against = keys::representative(
        all_events
            .iter()
            .filter(|e| keys::side(e.recipient.as_ref()) == line.against_side)
            .map(|e| e.recipient.as_ref()),
    );

    let mut signals: Vec<LineSignal> = Vec::new();
    if let Some(declared_day) = declared_day {
        let threats = lookup
            .threats_to
            .get(&line.holder_side)
            .map_or(&[][..], Vec::as_slice);
        for (event, actor_side) in threats {
            let event = *event;
            if !line.is_against(actor_side) || !line.rules_out(event.content_type) {
                continue;
            }
            let Some(day) = keys::event_day(event) else {
                continue;
            };
            // A threat made before the line was drawn approaches it from the day it is drawn.
            let (day, date) = if day < declared_day {
                (declared_day, declared)
            } else {
                (day, keys::event_date(event))
            };
            signals.push((
                day,
                0,
                date,
                RedLineStatus::Approached,
                vec![event.id.clone()],
            ));
        }
        let deeds = lookup
            .deeds_to
            .get(line.holder_side.as_str())
            .map_or(&[][..], Vec::as_slice);
        for group in deeds {
            let Some(day) = group.day else {
                continue;
            };
            if day < declared_day
                || !line.is_against(&group.actor_side)
                || !line.rules_out(Some(group.deed.event_type))
            {
                continue;
            }
            let at_sea = group.at_sea;
            let on_territory = group
                .events
                .iter()
                .any(|e| keys::on_territory_of(&e.sentence, &line.holder_side));
            let crossed = !at_sea && (group.deed.event_type != EventType::Mobilize || on_territory);
            let status = if crossed {
                RedLineStatus::Crossed
            } else {
                RedLineStatus::Approached
            };
            signals.push((day, 1, group.deed.date, status, group.deed.mentions.clone()));
        }
    }
    signals.sort_by(|a, b| (a.0, a.1, &a.4).cmp(&(b.0, b.1, &b.4)));

    let first_ids: Vec<String> = line
        .utterances
        .first()
        .map(|u| u.ids().map(String::from).collect())
        .unwrap_or_default();
    // The evidence of the last change, to add more without repeats in constant time.
    let mut last_evidence: HashSet<String> = first_ids.iter().cloned().collect();
    let mut history = vec![StatusChange {
        date: declared,
        status: RedLineStatus::Holding,
        evidence: first_ids,
    }];
    for (day, _, date, status, evidence) in signals {
        let changed_before = history.len() > 1;
        let Some(last) = history.last_mut() else {
            break;
        };
        if status > last.status {
            last_evidence = evidence.iter().cloned().collect();
            history.push(StatusChange {
                date,
                status,
                evidence,
            });
        } else if status == last.status
            && last.date.and_then(|d| d.first_day()) == Some(day)
            && changed_before
        {
            // More evidence for the same change on the same day.
            for id in evidence {
                if last_evidence.insert(id.clone()) {
                    last.evidence.push(id);
                }
            }
        }
    }
    let (status, status_date, status_evidence) = match history.last() {
        Some(last) if history.len() > 1 => (last.status, last.date, last.evidence.clone()),
        _ => (RedLineStatus::Holding, None, Vec::new()),
    };

    let content = line
        .content_type
        .map(|t| t.as_str())
        .unwrap_or("any act on its territory");
    let summary = format!(
        "{} rules out {} by {}",
        keys::label(holder.as_ref()),
        content,
        if keys::known(&line.against_side) {
            keys::label(against.as_ref())
        } else {
            "anyone".to_string()
        }
    );
    let id_key = format!(
        "{}|{}|{}|{}",
        all_events.first().map(|e| e.id.as_str()).unwrap_or(""),
        line.holder_side,
        line.content_type.map(|t| t.as_str()).unwrap_or("-"),
        declared_day.map(|d| d.to_string()).unwrap_or_default()
    );
    RedLine {
        id: keys::stable_id("r", &id_key),
        holder,
        against,
        content_type: line.content_type,
        summary,
        declared,
        last_restated,
        restated: u32::try_from(line.utterances.len()).unwrap_or(u32::MAX),
        status,
        status_date,
        evidence: all_events.iter().map(|e| e.id.clone()).collect(),
        status_evidence,
        history,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use trecho_model::Issue::*;
    use EventType::*;
    use SpeechAct::*;

    /// Builds the ledger and shows each red line with its history on one line.
    fn check(events: Vec<B>, expect: &[&str]) {
        let got: Vec<String> = ledger(events)
            .red_lines
            .iter()
            .map(|line| show_history(&line.summary, line.restated, &line.history))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn magazine_two_red_lines_one_approached_one_holding() {
        check(
            vec![
                said("s02", "mag", "2025-09", "USA", "MEX", Threat, Assault, &[Security, Drugs]),
                said("s60", "mag", "2025-11", "MEX", "USA", RedLine, Assault, &[Security]),
                said("s15", "mag", "2025-11-18", "MEX", "", RedLine, Assault, &[Security, Diplomacy]),
                said("s14", "mag", "2025-12-24", "MEX", "USA", RedLine, Assault, &[Security]),
                said("s20", "mag", "2025", "MEX", "USA", Refusal, Mobilize, &[Security]),
                // A proposal (demand), not a threat: the troops line holds.
                said("s20b", "mag", "2025", "USA", "MEX", Demand, Mobilize, &[Security]),
                said("s16", "mag", "2025-12-24", "MEX", "USA", RedLine, Mobilize, &[Security]),
                // Boats with no country: not the holder's side.
                done("s08", "mag", "2025-09", "USA", "", Assault, &[Security])
                    .sentence("the US military has destroyed more than two dozen boats in the Caribbean"),
            ],
            &[
                "MEX rules out MOBILIZE by USA x2: 2025 holding [s20]",
                "MEX rules out ASSAULT by USA x3: 2025-11 holding [s60] -> 2025-11 approached [s02]",
            ],
        );
    }

    #[test]
    fn a_strike_on_its_soil_crosses_and_at_sea_approaches() {
        check(
            vec![
                said("r1", "d1", "2025-11-18", "MEX", "USA", RedLine, Assault, &[Security]),
                done("b1", "d2", "2025-11-20", "USA", "MEX", Assault, &[Security])
                    .sentence("U.S. forces struck a Mexican boat in the Pacific."),
                done("l1", "d3", "2026-01-20", "USA", "MEX", Assault, &[Security])
                    .sentence("U.S. drones struck a cartel compound in Sinaloa."),
            ],
            &["MEX rules out ASSAULT by USA x1: 2025-11-18 holding [r1] -> 2025-11-20 approached [b1] -> 2026-01-20 crossed [l1]"],
        );
    }

    #[test]
    fn troops_cross_only_on_the_holders_territory() {
        check(
            vec![
                said("r1", "d1", "2025-11-18", "MEX", "USA", RedLine, Mobilize, &[Security]),
                done("m1", "d2", "2025-12-01", "USA", "MEX", Mobilize, &[Security])
                    .sentence("The Pentagon sent 3,000 more troops to the southern border."),
            ],
            &["MEX rules out MOBILIZE by USA x1: 2025-11-18 holding [r1] -> 2025-12-01 approached [m1]"],
        );
        check(
            vec![
                said("r1", "d1", "2025-11-18", "MEX", "USA", RedLine, Mobilize, &[Security]),
                done("m2", "d3", "2026-02-01", "USA", "MEX", Mobilize, &[Security])
                    .sentence("Armed US advisers deployed with Mexican units in Sinaloa, inside Mexico."),
            ],
            &["MEX rules out MOBILIZE by USA x1: 2025-11-18 holding [r1] -> 2026-02-01 crossed [m2]"],
        );
    }

    #[test]
    fn refusals_count_only_when_about_own_territory() {
        check(
            vec![
                said(
                    "f1",
                    "d1",
                    "2025-06-01",
                    "MEX",
                    "USA",
                    Refusal,
                    Coerce,
                    &[Migration],
                )
                .sentence("Mexico refused to take back third-country deportees."),
                said(
                    "f2",
                    "d2",
                    "2025-02-20",
                    "MEX",
                    "USA",
                    Refusal,
                    Sanction,
                    &[Security],
                )
                .sentence(
                    "This cannot be an opportunity by the United States to invade our sovereignty.",
                ),
            ],
            &["MEX rules out SANCTION by USA x1: 2025-02-20 holding [f2]"],
        );
    }

    #[test]
    fn acts_before_the_line_was_drawn_do_not_cross_it() {
        check(
            vec![
                done("a0", "d0", "2025-01-05", "USA", "MEX", Assault, &[Security])
                    .sentence("US aircraft struck a camp in Sonora."),
                said(
                    "r1",
                    "d1",
                    "2025-02-01",
                    "MEX",
                    "USA",
                    RedLine,
                    Assault,
                    &[Security],
                ),
            ],
            &["MEX rules out ASSAULT by USA x1: 2025-02-01 holding [r1]"],
        );
    }
}
