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
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let ledger = build(slice);
        let built = timing(
            started.elapsed(),
            cpu_seconds().zip(cpu).map(|(end, start)| end - start),
        );
        println!(
            "{} events: build {built} ({} commitments, {} red lines, {} linkages, {} deeds)",
            slice.len(),
            ledger.commitments.len(),
            ledger.red_lines.len(),
            ledger.linkages.len(),
            ledger.deeds.len(),
        );
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let rows = index(slice, &IndexOptions::default());
        let indexed = timing(
            started.elapsed(),
            cpu_seconds().zip(cpu).map(|(end, start)| end - start),
        );
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
