//! Times `build` and `index` on a synthetic stream of events (a deterministic pseudo-random
//! mix of threats, promises, demands, red lines and deeds among four sides over two years).
//!
//! `cargo run --release -p trecho-ledger --example ledger_timing -- 20000`
//!
//! With `--json FILE` it also writes the ledger as JSON, to compare two versions of the code.

use std::time::Instant;
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

    let (started, cpu) = (Instant::now(), cpu_seconds());
    let ledger = build(&events);
    let built = timing(
        started.elapsed(),
        cpu_seconds().zip(cpu).map(|(end, start)| end - start),
    );
    let started = Instant::now();
    let rows = index(
        &events,
        &IndexOptions {
            interval: Interval::Week,
            ..IndexOptions::default()
        },
    );
    let indexed = started.elapsed();
    println!(
        "{n} events: build {built} ({} commitments, {} red lines, {} linkages, {} deeds); index {:.3}s ({} rows)",
        ledger.commitments.len(),
        ledger.red_lines.len(),
        ledger.linkages.len(),
        ledger.deeds.len(),
        indexed.as_secs_f64(),
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

/// CPU time this thread has run, in seconds (Linux: `/proc/thread-self/schedstat`), so that
/// timings on a busy machine can be read next to the wall-clock time.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}

/// "1.234s (cpu 1.100s)", or the wall-clock time alone where CPU time cannot be read.
fn timing(wall: std::time::Duration, cpu: Option<f64>) -> String {
    match cpu {
        Some(cpu) => format!("{:.3}s (cpu {cpu:.3}s)", wall.as_secs_f64()),
        None => format!("{:.3}s", wall.as_secs_f64()),
    }
}
