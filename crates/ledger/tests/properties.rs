//! Property tests of the ledger's invariants on random event streams: no panic, the same
//! ledger whatever the input order, evidence that points at real events, histories that start
//! where they should, counts that agree, and every deed report kept exactly once.

use proptest::prelude::*;
use std::collections::BTreeSet;
use trecho_ledger::{build, index, CommitmentStatus, IndexOptions, Interval, RedLineStatus};
use trecho_model::Event;
use trecho_model::{
    Actor, Issue, Kind, Lang, Leverage, PartialDate, SpeechAct, ALL_EVENT_TYPES, ALL_ISSUES,
};

const SIDES: [&str; 4] = ["USA", "MEX", "CAN", ""];
const SENTENCES: [&str; 5] = [
    "Trump threatened land strikes on the cartels soon.",
    "US forces struck a boat in the eastern Pacific.",
    "Mexico must deliver the water by January 31 or face tariffs.",
    "The tariffs were paused for a one month period.",
    "US troops deployed inside Mexico, on Mexican soil.",
];
const SPEECH_ACTS: [SpeechAct; 6] = [
    SpeechAct::Threat,
    SpeechAct::Promise,
    SpeechAct::Demand,
    SpeechAct::RedLine,
    SpeechAct::Refusal,
    SpeechAct::Claim,
];

fn actor(index: usize) -> Option<Actor> {
    let country = SIDES[index % SIDES.len()];
    if country.is_empty() {
        return None;
    }
    Some(Actor {
        text: country.into(),
        country: Some(country.into()),
        sector: None,
        name: None,
    })
}

prop_compose! {
    fn arbitrary_event(index: usize)(
        doc in 0usize..4,
        year in 2025i32..2027,
        month in proptest::option::of(1u32..13),
        day in proptest::option::of(1u32..29),
        published_day in proptest::option::of(0u32..200),
        actor_index in 0usize..4,
        recipient_index in 0usize..4,
        type_index in 0usize..16,
        said in any::<bool>(),
        act_index in 0usize..6,
        content_index in proptest::option::of(0usize..16),
        issue_mask in 0u16..1024,
        leverage in proptest::option::of((0usize..10, 0usize..10)),
        negated in any::<bool>(),
        hypothetical in any::<bool>(),
        reported in proptest::option::of(0u32..40),
        sentence_index in 0usize..5,
    ) -> Event {
        let date = match (month, day) {
            (Some(month), Some(day)) => PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")),
            (Some(month), None) => Some(PartialDate::month(year, month)),
            _ => Some(PartialDate::year(year)),
        };
        let published = published_day.and_then(|d| {
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1)?.checked_add_days(chrono::Days::new(u64::from(d) * 3))
        });
        let event_type = ALL_EVENT_TYPES[type_index];
        let issues: Vec<Issue> = ALL_ISSUES
            .iter()
            .enumerate()
            .filter(|(bit, _)| issue_mask & (1 << bit) != 0)
            .map(|(_, issue)| *issue)
            .take(3)
            .collect();
        Event {
            id: format!("e{index:03}"),
            doc_id: format!("doc{doc}"),
            published,
            lang: Lang::En,
            sentence: SENTENCES[sentence_index].into(),
            span: [sentence_index * 100, sentence_index * 100 + 50],
            date,
            date_source: None,
            actor: actor(actor_index),
            recipient: actor(recipient_index),
            event_type,
            mode: None,
            quad: event_type.quad(),
            kind: if said { Kind::Said } else { Kind::Done },
            speech_act: said.then_some(SPEECH_ACTS[act_index]),
            content_type: content_index.map(|i| ALL_EVENT_TYPES[i]),
            issues,
            leverage: leverage.map(|(lever, goal)| Leverage { lever: ALL_ISSUES[lever], goal: ALL_ISSUES[goal] }),
            negated,
            hypothetical,
            speaker: None,
            attribution: None,
            reported_count: reported,
            confidence: 0.5,
        }
    }
}

fn arbitrary_events() -> impl Strategy<Value = Vec<Event>> {
    (0usize..40).prop_flat_map(|n| (0..n).map(arbitrary_event).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn ledger_invariants(events in arbitrary_events(), rotate in 0usize..40) {
        let ledger = build(&events);

        // The same ledger whatever the input order.
        let mut shuffled = events.clone();
        if !shuffled.is_empty() {
            let by = rotate % shuffled.len();
            shuffled.rotate_left(by);
            shuffled.reverse();
        }
        prop_assert_eq!(&build(&shuffled), &ledger);

        let ids: BTreeSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let mut said_in_commitments: BTreeSet<&str> = BTreeSet::new();
        for item in &ledger.commitments {
            prop_assert!(!item.evidence.is_empty());
            prop_assert!(item.mentions >= 1);
            prop_assert!(item.times_said >= item.mentions);
            prop_assert_eq!(item.times_said, item.mentions.max(item.reported_count.unwrap_or(0)));
            prop_assert!(matches!(item.speech_act, SpeechAct::Threat | SpeechAct::Promise | SpeechAct::Demand));
            for id in item.evidence.iter().chain(&item.status_evidence) {
                prop_assert!(ids.contains(id.as_str()), "unknown evidence {}", id);
            }
            for id in &item.evidence {
                // Each statement belongs to one item only.
                prop_assert!(said_in_commitments.insert(id.as_str()), "{} in two items", id);
            }
            prop_assert_eq!(item.history.first().map(|c| c.status), Some(CommitmentStatus::Open));
            prop_assert_eq!(item.history.last().map(|c| c.status), Some(item.status));
            if item.speech_act == SpeechAct::Demand {
                prop_assert!(matches!(item.status, CommitmentStatus::Open | CommitmentStatus::Conceded | CommitmentStatus::Rejected));
            } else {
                prop_assert_ne!(item.status, CommitmentStatus::Rejected);
            }
            if item.history.len() == 1 {
                prop_assert_eq!(item.status_date, None);
                prop_assert!(item.status_evidence.is_empty());
            }
        }
        for line in &ledger.red_lines {
            prop_assert!(line.restated >= 1);
            prop_assert_eq!(line.history.first().map(|c| c.status), Some(RedLineStatus::Holding));
            prop_assert_eq!(line.history.last().map(|c| c.status), Some(line.status));
            for id in line.evidence.iter().chain(&line.status_evidence) {
                prop_assert!(ids.contains(id.as_str()));
            }
        }
        for link in &ledger.linkages {
            prop_assert_eq!(link.count as usize, link.evidence.len());
        }
        // Every report of a deed is kept exactly once.
        let reported: Vec<&str> = ledger.deeds.iter().flat_map(|d| d.mentions.iter().map(String::as_str)).collect();
        let unique: BTreeSet<&str> = reported.iter().copied().collect();
        prop_assert_eq!(reported.len(), unique.len());
        let deeds_expected = events.iter().filter(|e| e.kind == Kind::Done && !e.negated && !e.hypothetical).count();
        prop_assert_eq!(reported.len(), deeds_expected);
        let deed_ids: BTreeSet<&str> = ledger.deeds.iter().map(|d| d.id.as_str()).collect();
        prop_assert_eq!(deed_ids.len(), ledger.deeds.len());

        // The index never counts more deeds than there are.
        for interval in [Interval::Week, Interval::Month] {
            let rows = index(&events, &IndexOptions { interval, ..IndexOptions::default() });
            for row in &rows {
                prop_assert!(row.said_count + row.done_count > 0);
                prop_assert_eq!(row.gap.is_some(), row.said_score.is_some() && row.done_score.is_some());
            }
        }
    }
}
