//! Times `build` and `index` (weekly, no filter) on the first N events of a real store, for
//! several N, and optionally writes each ledger as JSON (to compare two versions of the code
//! on the same events).
//!
//! `Store::open` switches the file to WAL mode, so run it on a copy of a store you care about:
//!
//! ```text
//! cp /work/bench-1m.db /tmp/bench.db
//! cargo run --release -p trecho-ledger --example ledger_store_timing -- /tmp/bench.db 10000 50000 200000 1000000
//! cargo run --release -p trecho-ledger --example ledger_store_timing -- /tmp/bench.db 10000 --json /tmp/out
//! ```
//!
//! Events are taken in the order they were stored (the first N documents' events), which is
//! how a store grows.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use trecho_ledger::{build, index, IndexOptions};
use trecho_store::{EventFilter, Store};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: ledger_store_timing STORE N [N...] [--json DIR]");
        return ExitCode::FAILURE;
    };
    let mut sizes: Vec<u64> = Vec::new();
    let mut json_dir: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        if arg == "--json" {
            json_dir = args.next().map(PathBuf::from);
            continue;
        }
        match arg.parse() {
            Ok(size) => sizes.push(size),
            Err(_) => {
                eprintln!("{arg:?} is not a number of events");
                return ExitCode::FAILURE;
            }
        }
    }
    let largest = sizes.iter().copied().max().unwrap_or(10_000);
    if sizes.is_empty() {
        sizes.push(largest);
    }
    let started = Instant::now();
    let store = match Store::open(&path) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let events = match store.events(&EventFilter {
        limit: Some(largest),
        ..EventFilter::default()
    }) {
        Ok(events) => events,
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    println!(
        "loaded {} events from {} in {:.1}s",
        events.len(),
        path.display(),
        started.elapsed().as_secs_f64()
    );
    for size in sizes {
        let slice = events.get(..size as usize).unwrap_or(&events);
        let (ledger, built) = common::timed(|| build(slice));
        println!(
            "{} events: build {built} ({} commitments, {} red lines, {} linkages, {} deeds)",
            slice.len(),
            ledger.commitments.len(),
            ledger.red_lines.len(),
            ledger.linkages.len(),
            ledger.deeds.len(),
        );
        let (rows, indexed) = common::timed(|| index(slice, &IndexOptions::default()));
        println!(
            "{} events: index {indexed} ({} rows)",
            slice.len(),
            rows.len()
        );
        if let Some(dir) = &json_dir {
            let out = dir.join(format!("ledger-{}.json", slice.len()));
            let written = std::fs::create_dir_all(dir)
                .map_err(|error| error.to_string())
                .and_then(|()| serde_json::to_vec(&ledger).map_err(|error| error.to_string()))
                .and_then(|bytes| std::fs::write(&out, bytes).map_err(|error| error.to_string()));
            if let Err(error) = written {
                eprintln!("{}: {error}", out.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
