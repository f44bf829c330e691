//! The indexed ledger build must give exactly the ledger the earlier, pairwise build gave, and
//! the said-versus-done index the rows it gave. The SHA-256 of the JSON of the ledger (and of
//! the index) of a fixed, mixed stream of events (every speech act, sides with and without a
//! country, day, month and year dates, deadlines, boats at sea, troops on someone's soil,
//! repeats in one document, leverage, negation) was recorded with the earlier code (commit
//! 7d6c40b); any change to what the ledger says about these events changes the digest.
//!
//! When a rule is changed on purpose, the digest changes with it: check the difference with
//! `cargo run --release -p trecho-ledger --example ledger_timing -- 50000 --json FILE` before
//! and after, then record the new digest here.

use sha2::{Digest, Sha256};
use trecho_ledger::{build, index, CommitmentStatus, IndexOptions, Interval, RedLineStatus};
use trecho_model::{
    Actor, Event, Issue, Kind, Lang, Leverage, PartialDate, SpeechAct, ALL_EVENT_TYPES, ALL_ISSUES,
};

/// A small linear congruential generator, so the stream is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

const SENTENCES: [&str; 8] = [
    "Trump threatened land strikes on the cartels soon.",
    "US forces struck a boat in the eastern Pacific.",
    "Mexico must deliver the water by January 31 or face tariffs.",
    "The tariffs were paused for a one month period.",
    "US troops deployed inside Mexico, on Mexican soil.",
    "He said the measure would take effect within 30 days.",
    "No aceptamos tropas en México, es nuestro territorio.",
    "Officials met in Washington to discuss the agreement.",
];

fn stream(n: usize, seed: u64) -> Vec<Event> {
    let sides = ["USA", "MEX", "CAN", "Sinaloa Cartel", ""];
    let acts = [
        SpeechAct::Threat,
        SpeechAct::Promise,
        SpeechAct::Demand,
        SpeechAct::RedLine,
        SpeechAct::Refusal,
        SpeechAct::Claim,
    ];
    let mut random = Lcg(seed);
    let start_day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let actor = |side: &str| -> Option<Actor> {
        match side {
            "" => None,
            "Sinaloa Cartel" => Some(Actor {
                text: "the cartel".into(),
                country: None,
                sector: Some("CRM".into()),
                name: Some(side.into()),
            }),
            _ => Some(Actor {
                text: side.into(),
                country: Some(side.into()),
                sector: Some("GOV".into()),
                name: None,
            }),
        }
    };
    (0..n)
        .map(|i| {
            let day = start_day + chrono::Days::new(random.next(400) as u64);
            let date = match random.next(10) {
                0 => Some(PartialDate::month(
                    chrono::Datelike::year(&day),
                    chrono::Datelike::month(&day),
                )),
                1 => Some(PartialDate::year(chrono::Datelike::year(&day))),
                2 => None,
                _ => Some(PartialDate::day(day)),
            };
            let said = random.next(2) == 0;
            let event_type = ALL_EVENT_TYPES[random.next(16)];
            let issues: Vec<Issue> = (0..random.next(3))
                .map(|_| ALL_ISSUES[random.next(5)])
                .collect();
            let sentence = random.next(SENTENCES.len());
            Event {
                id: format!("e{i}"),
                doc_id: format!("d{}", i / 6),
                published: Some(day + chrono::Days::new(random.next(3) as u64)),
                lang: Lang::En,
                sentence: SENTENCES[sentence].into(),
                span: [sentence * 100, sentence * 100 + 50],
                date,
                date_source: None,
                actor: actor(sides[random.next(sides.len())]),
                recipient: actor(sides[random.next(sides.len())]),
                event_type,
                mode: None,
                quad: event_type.quad(),
                kind: if said { Kind::Said } else { Kind::Done },
                speech_act: said.then(|| acts[random.next(acts.len())]),
                content_type: (said && random.next(8) != 0)
                    .then(|| ALL_EVENT_TYPES[random.next(16)]),
                leverage: (random.next(6) == 0).then(|| Leverage {
                    lever: Issue::Trade,
                    goal: issues.first().copied().unwrap_or(Issue::Water),
                }),
                issues,
                negated: random.next(12) == 0,
                hypothetical: random.next(15) == 0,
                speaker: None,
                attribution: None,
                reported_count: (random.next(40) == 0).then(|| 1 + random.next(30) as u32),
                confidence: 0.5,
            }
        })
        .collect()
}

/// SHA-256 of the JSON of `value`, in hex.
fn sha256_json(value: &impl serde::Serialize) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn digest(events: &[Event]) -> String {
    sha256_json(&build(events))
}

#[test]
fn mixed_stream_gives_the_recorded_ledger() {
    let events = stream(3000, 7);
    let ledger = build(&events);
    // The stream exercises every status, so the digest covers each rule.
    for status in [
        CommitmentStatus::Open,
        CommitmentStatus::CarriedOut,
        CommitmentStatus::PartlyCarriedOut,
        CommitmentStatus::Conceded,
        CommitmentStatus::Withdrawn,
        CommitmentStatus::Lapsed,
        CommitmentStatus::Rejected,
    ] {
        assert!(
            ledger.commitments.iter().any(|item| item.status == status),
            "no {status} item"
        );
    }
    for status in [RedLineStatus::Approached, RedLineStatus::Crossed] {
        assert!(
            ledger.red_lines.iter().any(|line| line.status == status),
            "no {status} red line"
        );
    }
    assert_eq!(
        digest(&events),
        "bea479c15765ceb66c9cc8fe5a0dc13b28a2b806260def767d53ad36144d82ed"
    );
}

#[test]
fn dense_stream_gives_the_recorded_ledger() {
    // Few days and sides: large items with many mentions and same-day evidence.
    let mut events = stream(2000, 11);
    for event in &mut events {
        if let Some(date) = event.date.as_mut() {
            date.year = 2025;
            date.month = date.month.map(|m| 1 + m % 2);
        }
    }
    assert_eq!(
        digest(&events),
        "62e213b1ebb77a07db6b636bf14a0c225fe980fa04484188580f97e72d8f1fa3"
    );
}

fn index_digest(events: &[Event], options: &IndexOptions) -> String {
    sha256_json(&index(events, options))
}

#[test]
fn index_of_the_mixed_stream_is_the_recorded_one() {
    let events = stream(3000, 7);
    let weekly = IndexOptions::default();
    let monthly = IndexOptions {
        actor: Some("usa".into()),
        recipient: None,
        issue: Some(Issue::Trade),
        interval: Interval::Month,
    };
    assert!(index(&events, &weekly).len() > 100);
    assert_eq!(
        index_digest(&events, &weekly),
        "7e309fbee95f2cb5525eedf2150600c4225ef13e75e02c83676567304ccfdcaa"
    );
    assert_eq!(
        index_digest(&events, &monthly),
        "e1eb707beec850e2ce5da3ad769b29cb6dd1d688d47ab33ad6f157da8d98ab9b"
    );
}
