//! Times `build` and `index` on a synthetic stream of events (a deterministic pseudo-random
//! mix of threats, promises, demands, red lines and deeds among four sides over two years).
//!
//! `cargo run --release -p trecho-ledger --example ledger_timing -- 20000`
//!
//! With `--json FILE` it also writes the ledger as JSON, to compare two versions of the code.

mod common;

use trecho_ledger::{build, index, IndexOptions, Interval};
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args
        .first()
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(20_000);
    let json_out = args
        .iter()
        .position(|arg| arg == "--json")
        .and_then(|at| args.get(at + 1));
    let sides = ["USA", "MEX", "CAN", "CHN"];
    let acts = [
        SpeechAct::Threat,
        SpeechAct::Promise,
        SpeechAct::Demand,
        SpeechAct::RedLine,
        SpeechAct::Claim,
        SpeechAct::Accusation,
    ];
    let mut random = Lcg(42);
    let start_day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let events: Vec<Event> = (0..n)
        .map(|i| {
            let day = start_day + chrono::Days::new(random.next(730) as u64);
            let said = random.next(2) == 0;
            let event_type = ALL_EVENT_TYPES[random.next(16)];
            let actor = |side: &str| Actor {
                text: side.into(),
                country: Some(side.into()),
                sector: None,
                name: None,
            };
            let issues: Vec<Issue> = (0..1 + random.next(3))
                .map(|_| ALL_ISSUES[random.next(10)])
                .collect();
            Event {
                id: format!("e{i}"),
                doc_id: format!("d{}", i / 4),
                published: Some(day),
                lang: Lang::En,
                sentence: format!("sentence {i}"),
                span: [0, 10],
                date: Some(PartialDate::day(day)),
                date_source: None,
                actor: Some(actor(sides[random.next(4)])),
                recipient: Some(actor(sides[random.next(4)])),
                event_type,
                mode: None,
                quad: event_type.quad(),
                kind: if said { Kind::Said } else { Kind::Done },
                speech_act: said.then(|| acts[random.next(acts.len())]),
                content_type: said.then(|| ALL_EVENT_TYPES[random.next(16)]),
                leverage: (random.next(5) == 0).then(|| Leverage {
                    lever: Issue::Trade,
                    goal: issues.first().copied().unwrap_or(Issue::Water),
                }),
                issues,
                negated: random.next(20) == 0,
                hypothetical: random.next(10) == 0,
                speaker: None,
                attribution: None,
                reported_count: None,
                confidence: 0.5,
            }
        })
        .collect();

    let (ledger, built) = common::timed(|| build(&events));
    let (rows, indexed) = common::timed(|| {
        index(
            &events,
            &IndexOptions {
                interval: Interval::Week,
                ..IndexOptions::default()
            },
        )
    });
    println!(
        "{n} events: build {built} ({} commitments, {} red lines, {} linkages, {} deeds); index {indexed} ({} rows)",
        ledger.commitments.len(),
        ledger.red_lines.len(),
        ledger.linkages.len(),
        ledger.deeds.len(),
        rows.len()
    );
    if let Some(path) = json_out {
        let written = serde_json::to_vec(&ledger)
            .map_err(|error| error.to_string())
            .and_then(|bytes| std::fs::write(path, bytes).map_err(|error| error.to_string()));
        if let Err(error) = written {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    }
}
