//! Linkage: one item per (actor side, recipient side, lever issue, goal issue) from the events'
//! `leverage` field, said or done ("tariffs unless water is delivered").
//!
//! Negated events are left out: "will not use tariffs to get water" links nothing.

use crate::keys;
use crate::Linkage;
use std::collections::HashMap;
use trecho_model::{Event, Issue};

/// Builds the linkage list. `events` must be in [`keys::event_order`]; the result is sorted by
/// first date, then by sides and issues.
pub fn build(events: &[&Event]) -> Vec<Linkage> {
    type Key = (String, String, Issue, Issue);
    let mut groups: Vec<(Key, Vec<&Event>)> = Vec::new();
    let mut positions: HashMap<Key, usize> = HashMap::new();
    for &event in events {
        let Some(leverage) = event.leverage else {
            continue;
        };
        if event.negated {
            continue;
        }
        let key = (
            keys::side(event.actor.as_ref()),
            keys::side(event.recipient.as_ref()),
            leverage.lever,
            leverage.goal,
        );
        match positions.get(&key).and_then(|&at| groups.get_mut(at)) {
            Some((_, members)) => members.push(event),
            None => {
                positions.insert(key.clone(), groups.len());
                groups.push((key, vec![event]));
            }
        }
    }
    let mut linkages: Vec<Linkage> = groups
        .into_iter()
        .map(|((_, _, lever, goal), members)| {
            Linkage {
                actor: keys::representative(members.iter().map(|e| e.actor.as_ref())),
                recipient: keys::representative(members.iter().map(|e| e.recipient.as_ref())),
                lever,
                goal,
                first_seen: members.first().and_then(|e| keys::event_date(e)),
                // Members are in date order with undated ones last.
                last_seen: members.iter().rev().find_map(|e| keys::event_date(e)),
                count: u32::try_from(members.len()).unwrap_or(u32::MAX),
                evidence: members.iter().map(|e| e.id.clone()).collect(),
            }
        })
        .collect();
    linkages.sort_by(|a, b| {
        (
            a.first_seen,
            keys::side(a.actor.as_ref()),
            keys::side(a.recipient.as_ref()),
            a.lever,
            a.goal,
        )
            .cmp(&(
                b.first_seen,
                keys::side(b.actor.as_ref()),
                keys::side(b.recipient.as_ref()),
                b.lever,
                b.goal,
            ))
    });
    linkages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use trecho_model::{EventType, SpeechAct};

    #[test]
    fn one_item_per_sides_lever_and_goal() {
        let a = said(
            "a",
            "d1",
            "2025-04-10",
            "USA",
            "MEX",
            SpeechAct::Threat,
            EventType::Sanction,
            &[Issue::Trade, Issue::Water],
        )
        .leverage(Issue::Trade, Issue::Water);
        let b = said(
            "b",
            "d2",
            "2025-12-08",
            "USA",
            "MEX",
            SpeechAct::Threat,
            EventType::Sanction,
            &[Issue::Trade, Issue::Water],
        )
        .leverage(Issue::Trade, Issue::Water);
        let c = done(
            "c",
            "d3",
            "2025-02-01",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade, Issue::Migration],
        )
        .leverage(Issue::Trade, Issue::Migration);
        let d = said(
            "d",
            "d4",
            "2025-05-01",
            "USA",
            "MEX",
            SpeechAct::Threat,
            EventType::Sanction,
            &[Issue::Trade],
        )
        .leverage(Issue::Trade, Issue::Water)
        .negated();
        let events = [a.0, b.0, c.0, d.0];
        let linkages = build(&in_order(&events));
        assert_eq!(linkages.len(), 2);
        assert_eq!(
            (linkages[0].lever, linkages[0].goal),
            (Issue::Trade, Issue::Migration)
        );
        assert_eq!(linkages[1].goal, Issue::Water);
        assert_eq!(linkages[1].count, 2);
        assert_eq!(linkages[1].evidence, vec!["a", "b"]);
        assert_eq!(
            linkages[1].first_seen.map(|d| d.to_string()).as_deref(),
            Some("2025-04-10")
        );
        assert_eq!(
            linkages[1].last_seen.map(|d| d.to_string()).as_deref(),
            Some("2025-12-08")
        );
    }
}
