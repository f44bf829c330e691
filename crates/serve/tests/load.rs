//! Load and latency benchmark of filtered event queries over HTTP on loopback (ignored by
//! default: it builds a large store).
//!
//! The store is made by running the demo corpus through the engine once and storing its
//! documents again and again under new ids (each copy's text gets a copy marker, so content
//! hashes differ), until it holds `TRECHO_BENCH_EVENTS` events (default 1,000,000). The server
//! listens on 127.0.0.1 with an OS-chosen port; a few client threads send a fixed mix of
//! filtered `/api/events` queries over plain HTTP/1.1 and the latencies are reported.
//!
//! ```text
//! cargo test --release -p trecho-serve --test load -- --ignored --nocapture
//! TRECHO_BENCH_DB=/tmp/bench.db  keeps (and reuses) the store between runs
//! ```

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use trecho::{Document, EventFilter, Normalized, Store};

mod common;

/// The query mix: the dashboard's and the CLI's typical filters.
const QUERIES: &[&str] = &[
    "/api/events",
    "/api/events?actor=USA&recipient=MEX",
    "/api/events?actor=MEX&recipient=USA&kind=said",
    "/api/events?kind=done&issue=security",
    "/api/events?type=SANCTION",
    "/api/events?type=THREATEN&actor=USA",
    "/api/events?issue=trade&from=2025-02&to=2025-03",
    "/api/events?lang=es",
    "/api/events?from=2025-11-01&to=2025-12-31&actor=USA",
    "/api/events?text=tariff",
    "/api/events?text=aranceles&lang=es",
    "/api/events?actor=USA&recipient=MEX&issue=water",
    "/api/events?actor=USA&offset=5000",
    "/api/events?kind=said&limit=500",
];

/// Builds (or reuses) a store of at least `target` events.
fn bench_store(path: &Path, target: u64) -> u64 {
    let mut store = Store::open(path).unwrap();
    let mut n_events = store.count_events(&EventFilter::default()).unwrap();
    if n_events >= target {
        return n_events;
    }
    let documents: Vec<(Document, Normalized, Vec<trecho::Event>)> = common::demo_documents()
        .into_iter()
        .map(|processed| (processed.document, processed.normalized, processed.events))
        .collect();
    let per_copy: usize = documents.iter().map(|(_, _, events)| events.len()).sum();
    assert!(per_copy > 0, "the demo corpus gives no events");
    let started = Instant::now();
    let mut copy = n_events / per_copy as u64;
    while n_events < target {
        for (document, normalized, events) in &documents {
            let doc_id = format!("{}-c{copy}", document.id);
            let mut normalized = normalized.clone();
            // Appended after every span, so the events' offsets stay right.
            normalized.text.push_str(&format!("\n\n[copy {copy}]"));
            let document = Document {
                id: doc_id.clone(),
                ..document.clone()
            };
            let events: Vec<trecho::Event> = events
                .iter()
                .map(|event| trecho::Event {
                    id: format!("{}-c{copy}", event.id),
                    doc_id: doc_id.clone(),
                    ..event.clone()
                })
                .collect();
            store
                .insert_document(&document, &normalized, &events)
                .unwrap();
            n_events += events.len() as u64;
        }
        copy += 1;
        if copy % 500 == 0 {
            eprintln!("  {n_events} events stored ({:.0?})", started.elapsed());
        }
    }
    n_events
}

/// One GET over a fresh connection; returns the status code.
fn get(addr: SocketAddr, path: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let head = String::from_utf8_lossy(&response[..response.len().min(12)]).to_string();
    head.get(9..12)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

#[test]
#[ignore = "builds a store of a million events; run explicitly"]
fn filtered_event_queries_p99() {
    let target: u64 = std::env::var("TRECHO_BENCH_EVENTS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = std::env::var("TRECHO_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| dir.path().join("bench.db"));
    let started = Instant::now();
    let n_events = bench_store(&path, target);
    eprintln!(
        "store: {n_events} events in {} ({:.1?})",
        path.display(),
        started.elapsed()
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let state = trecho_serve::AppState::open(&path, 4).unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(async move {
        axum::serve(listener, trecho_serve::app(state))
            .await
            .unwrap();
    });

    // First pass: each filter's count is computed (not cached yet), and the page cache warms.
    let mut first_pass = Vec::new();
    for query in QUERIES {
        let begin = Instant::now();
        assert_eq!(get(addr, query), 200, "{query}");
        first_pass.push(begin.elapsed());
    }
    let clients = 4;
    let rounds = std::env::var("TRECHO_BENCH_ROUNDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(25usize);
    let wall = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|client| {
            std::thread::spawn(move || {
                let mut timings: Vec<(usize, Duration)> = Vec::new();
                for round in 0..rounds {
                    for offset in 0..QUERIES.len() {
                        let idx = (offset + client + round) % QUERIES.len();
                        let begin = Instant::now();
                        assert_eq!(get(addr, QUERIES[idx]), 200);
                        timings.push((idx, begin.elapsed()));
                    }
                }
                timings
            })
        })
        .collect();
    let timings: Vec<(usize, Duration)> = handles
        .into_iter()
        .flat_map(|handle| handle.join().unwrap())
        .collect();
    let elapsed = wall.elapsed();
    let mut all: Vec<Duration> = timings.iter().map(|(_, time)| *time).collect();
    all.sort();
    eprintln!(
        "{} requests, {clients} clients, {:.1?}: {:.0} req/s; p50 {:.1?}, p90 {:.1?}, p99 {:.1?}, max {:.1?}",
        all.len(),
        elapsed,
        all.len() as f64 / elapsed.as_secs_f64(),
        percentile(&all, 0.50),
        percentile(&all, 0.90),
        percentile(&all, 0.99),
        percentile(&all, 1.0),
    );
    // Free-text search (`q`) is a scan of the sentences (SQLite LIKE, no full-text index), so
    // it is reported apart from the filters that use the store's indexes.
    for (label, text_search) in [("structured filters", false), ("text search (text=)", true)] {
        let mut times: Vec<Duration> = timings
            .iter()
            .filter(|(which, _)| QUERIES[*which].contains("text=") == text_search)
            .map(|(_, time)| *time)
            .collect();
        times.sort();
        eprintln!(
            "{label}: {} requests; p50 {:.1?}, p99 {:.1?}",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
    for (idx, query) in QUERIES.iter().enumerate() {
        let mut times: Vec<Duration> = timings
            .iter()
            .filter(|(which, _)| *which == idx)
            .map(|(_, time)| *time)
            .collect();
        times.sort();
        eprintln!(
            "  first {:>8.1?}  p50 {:>8.1?}  p99 {:>8.1?}  {query}",
            first_pass[idx],
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
    runtime.shutdown_timeout(Duration::from_secs(1));
}
