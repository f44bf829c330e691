//! Open-loop load test: the dashboard's requests at a fixed rate against the real server on
//! loopback (ignored by default: it runs for half a minute and wants a release build).
//!
//! The server is started with [`trecho_serve::Server`], the code path of `trecho serve`, on
//! 127.0.0.1 with a port the OS picks, so the guards (Host check or token, body limit, request
//! timeout) are on every request's path. A client in its own runtime sends one request every
//! `1/RATE` seconds whether or not earlier ones have been answered (open loop), over a pool of
//! keep-alive HTTP/1.1 connections that grows when all are busy. Latency is measured from the
//! time a request was *scheduled*, not from when it was written to a socket, so a server that
//! falls behind shows its queueing in the figures (no coordinated omission); the time from
//! writing to the answer's last byte is shown apart as "service".
//!
//! The mix is what the dashboard asks for: the page and its assets, facets, timeline, event
//! pages with filters and paging, text search, event and document details, the ledger lists
//! and details, red lines, linkage and the index. Ids come from the store before the run.
//! Each request is first sent once alone (its cold time is printed: that is when the counts,
//! the aggregates and the ledger are computed and cached), then the timed run starts.
//!
//! The test fails if any request errs, times out or is not answered 2xx, or if the p99
//! latency exceeds `TRECHO_LOAD_P99_MS`.
//!
//! ```text
//! cargo test --release -p trecho-serve --test rate -- --ignored --nocapture
//!
//! TRECHO_LOAD_DB=/tmp/demo.db   the store to serve (default: the demo corpus, ingested into a
//!                               temporary store first); it is opened as `trecho serve` opens it
//! TRECHO_LOAD_RATE=1000         requests per second
//! TRECHO_LOAD_SECONDS=30        length of the timed run
//! TRECHO_LOAD_P99_MS=100        fail above this p99 (measured from the scheduled send time)
//! TRECHO_LOAD_LEDGER=0          leave out of the timed mix the requests that answer ledger items
//!                               with their whole evidence lists (/api/ledger, /api/ledger/{id},
//!                               /api/redlines/{id}: megabytes each on the million-event bench
//!                               store); `only` times just those
//! TRECHO_LOAD_TOKEN=<secret>    serve with this token (16+ characters) and send it as a
//!                               bearer token: the token check replaces the Host check
//! TRECHO_LOAD_CONNECTIONS=256   most client connections open at once
//! ```

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{header, Request, StatusCode};
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use trecho::{EventFilter, Store};
use trecho_serve::{ServeOptions, Server};

mod common;

/// How long the client waits for one answer before counting it as an error.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(35);
/// How long the first ledger request may keep being answered 503 (built in the background).
const LEDGER_WAIT: Duration = Duration::from_secs(900);

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
        Err(_) => default,
    }
}

// ---------- the store ----------

// ---------- the client ----------

/// Keep-alive connections to the server, shared by all requests in flight.
struct Client {
    addr: SocketAddr,
    idle: Mutex<Vec<SendRequest<Empty<Bytes>>>>,
    /// Bounds the connections open at once (waiting for one counts in the latency).
    slots: Semaphore,
    opened: std::sync::atomic::AtomicUsize,
    token: Option<String>,
}

/// What one request came to.
enum Outcome {
    /// An answer with this status and body.
    Answered(StatusCode, Bytes),
    /// No answer: connection error or client timeout.
    Failed(String),
}

impl Client {
    fn new(addr: SocketAddr, connections: usize, token: Option<String>) -> Arc<Client> {
        Arc::new(Client {
            addr,
            idle: Mutex::new(Vec::new()),
            slots: Semaphore::new(connections),
            opened: std::sync::atomic::AtomicUsize::new(0),
            token,
        })
    }

    async fn connection(&self) -> Result<SendRequest<Empty<Bytes>>, String> {
        loop {
            let idle = self.idle.lock().unwrap().pop();
            match idle {
                Some(mut sender) => {
                    if sender.ready().await.is_ok() {
                        return Ok(sender);
                    }
                }
                None => break,
            }
        }
        let stream = tokio::net::TcpStream::connect(self.addr)
            .await
            .map_err(|error| format!("connect: {error}"))?;
        stream
            .set_nodelay(true)
            .map_err(|error| format!("nodelay: {error}"))?;
        let (sender, connection) = http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|error| format!("handshake: {error}"))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        self.opened
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(sender)
    }

    /// GET `path` with the Host header a browser on loopback sends (and the token, if any).
    async fn get(&self, path: &str, host: &str) -> Outcome {
        // The wait for a free connection is inside the timeout: a request that never got one
        // fails like one that was never answered.
        let exchange = async {
            let _slot = self
                .slots
                .acquire()
                .await
                .map_err(|_| "client closed".to_string())?;
            let mut sender = self.connection().await?;
            let mut request = Request::get(path).header(header::HOST, host);
            if let Some(token) = &self.token {
                request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
            }
            let request = request
                .body(Empty::new())
                .map_err(|error| format!("request: {error}"))?;
            let response = sender
                .send_request(request)
                .await
                .map_err(|error| format!("send: {error}"))?;
            let status = response.status();
            let body = response
                .into_body()
                .collect()
                .await
                .map_err(|error| format!("body: {error}"))?
                .to_bytes();
            if !sender.is_closed() {
                self.idle.lock().unwrap().push(sender);
            }
            Ok::<_, String>((status, body))
        };
        match tokio::time::timeout(CLIENT_TIMEOUT, exchange).await {
            Ok(Ok((status, body))) => Outcome::Answered(status, body),
            Ok(Err(error)) => Outcome::Failed(error),
            Err(_) => Outcome::Failed(format!("no answer in {CLIENT_TIMEOUT:?}")),
        }
    }
}

// ---------- the mix ----------

/// One kind of request of the mix, with a label for the per-endpoint figures.
struct Entry {
    label: &'static str,
    /// Paths it cycles through (several ids for the detail endpoints).
    paths: Vec<String>,
    /// Answers ledger items with their whole evidence lists: megabytes each on a store where
    /// the same items are said thousands of times (`TRECHO_LOAD_LEDGER` sets them apart).
    whole_ledger: bool,
}

fn fixed(label: &'static str, path: &str) -> Entry {
    Entry {
        label,
        paths: vec![path.to_string()],
        whole_ledger: false,
    }
}

/// Percent-encodes an id for a path segment.
fn encode(id: &str) -> String {
    let mut out = String::new();
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn json(outcome: Outcome, path: &str) -> serde_json::Value {
    match outcome {
        Outcome::Answered(StatusCode::OK, body) => serde_json::from_slice(&body)
            .unwrap_or_else(|error| panic!("{path}: the answer is not JSON: {error}")),
        Outcome::Answered(status, body) => {
            panic!("{path}: {status}: {}", String::from_utf8_lossy(&body))
        }
        Outcome::Failed(error) => panic!("{path}: {error}"),
    }
}

/// The ids of the `items` of a list answer, at most `n`, spread over the list.
fn ids(list: &serde_json::Value, field: &[&str], n: usize) -> Vec<String> {
    let items = list["items"].as_array().cloned().unwrap_or_default();
    let step = (items.len() / n.max(1)).max(1);
    items
        .iter()
        .step_by(step)
        .filter_map(|item| {
            field
                .iter()
                .try_fold(item, |value, name| value.get(name))
                .and_then(|value| value.as_str())
                .map(str::to_string)
        })
        .take(n)
        .collect()
}

/// The dashboard's requests, with ids read from the running server.
async fn mix(client: &Client, host: &str) -> Vec<Entry> {
    let mut entries = vec![
        fixed("page /", "/"),
        fixed("asset app.js", "/assets/app.js"),
        fixed("asset app.css", "/assets/app.css"),
        fixed("asset favicon", "/assets/favicon.svg"),
        fixed("facets", "/api/facets"),
        fixed("timeline", "/api/timeline?interval=week"),
        fixed(
            "timeline filtered",
            "/api/timeline?actor=USA&recipient=MEX&kind=said&interval=week",
        ),
        fixed("events page 1", "/api/events?limit=50&offset=0"),
        Entry {
            label: "events paging",
            paths: [50, 100, 500, 5000]
                .iter()
                .map(|offset| format!("/api/events?limit=50&offset={offset}"))
                .collect(),
            whole_ledger: false,
        },
        Entry {
            label: "events filtered",
            paths: [
                "actor=USA&recipient=MEX",
                "actor=MEX&recipient=USA&kind=said",
                "kind=done&issue=security",
                "type=THREATEN&actor=USA",
                "issue=trade&from=2025-02&to=2025-03",
                "lang=es",
                "from=2025-11-01&to=2025-12-31&actor=USA&offset=50",
            ]
            .iter()
            .map(|filters| format!("/api/events?{filters}&limit=50"))
            .collect(),
            whole_ledger: false,
        },
        Entry {
            label: "events text search",
            paths: vec![
                "/api/events?text=tariff&limit=50".into(),
                "/api/events?text=aranceles&lang=es&limit=50".into(),
                "/api/events?text=border&actor=USA&limit=50".into(),
            ],
            whole_ledger: false,
        },
        fixed("index", "/api/index?interval=week"),
        fixed(
            "index filtered",
            "/api/index?actor=USA&recipient=MEX&interval=month",
        ),
        Entry {
            label: "ledger",
            paths: vec![
                "/api/ledger".into(),
                "/api/ledger?actor=USA&status=open".into(),
            ],
            whole_ledger: true,
        },
        fixed("redlines", "/api/redlines"),
        fixed("linkage", "/api/linkage"),
    ];
    let events = json(
        client.get("/api/events?limit=200&offset=0", host).await,
        "/api/events",
    );
    let event_ids = ids(&events, &["id"], 20);
    let doc_ids = ids(&events, &["doc_id"], 20);
    assert!(!event_ids.is_empty(), "the store holds no events");
    entries.push(Entry {
        label: "event detail",
        paths: event_ids
            .iter()
            .map(|id| format!("/api/events/{}", encode(id)))
            .collect(),
        whole_ledger: false,
    });
    let mut doc_ids = doc_ids;
    doc_ids.dedup();
    entries.push(Entry {
        label: "document",
        paths: doc_ids
            .iter()
            .map(|id| format!("/api/documents/{}", encode(id)))
            .collect(),
        whole_ledger: false,
    });
    // The first ledger request builds the ledger from every stored event. The dashboard's
    // first load asks for the ledger, red lines, linkage and timeline at once, and for a page
    // of events, which must not wait for that build: do the same and time the page. (The
    // timeline by month, so that the cold pass below still finds the weekly one cold.)
    let begin = Instant::now();
    let lists = async {
        tokio::join!(
            client.get("/api/ledger", host),
            client.get("/api/redlines", host),
            client.get("/api/linkage", host),
            client.get("/api/timeline?interval=month", host)
        )
    };
    let page = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let start = Instant::now();
        let outcome = client.get("/api/events?limit=50&offset=50", host).await;
        (outcome, start.elapsed())
    };
    let (lists, (page, page_time)) = tokio::join!(lists, page);
    let status = |outcome: &Outcome| match outcome {
        Outcome::Answered(status, _) => status.as_u16().to_string(),
        Outcome::Failed(error) => error.clone(),
    };
    eprintln!(
        "first load: ledger, red lines, linkage, timeline answered {} / {} / {} / {} after \
         {:.1} s; an events page asked meanwhile answered {} in {}",
        status(&lists.0),
        status(&lists.1),
        status(&lists.2),
        status(&lists.3),
        begin.elapsed().as_secs_f64(),
        status(&page),
        ms(page_time)
    );
    // On a large store the build outlasts the server's request timeout (503) and goes on, so
    // ask again (for the smallest answer that needs it) until it is done.
    let mut refused = 0;
    loop {
        match client.get("/api/linkage", host).await {
            Outcome::Answered(StatusCode::SERVICE_UNAVAILABLE, _)
                if begin.elapsed() < LEDGER_WAIT =>
            {
                refused += 1;
            }
            outcome => {
                json(outcome, "/api/linkage");
                break;
            }
        }
    }
    eprintln!(
        "ledger built and answered after {:.1} s ({refused} earlier requests answered 503)",
        begin.elapsed().as_secs_f64()
    );
    let ledger = json(client.get("/api/ledger", host).await, "/api/ledger");
    let commitments = ids(&ledger, &["id"], 10);
    if !commitments.is_empty() {
        entries.push(Entry {
            label: "ledger detail",
            paths: commitments
                .iter()
                .map(|id| format!("/api/ledger/{}", encode(id)))
                .collect(),
            whole_ledger: true,
        });
    }
    let red_lines = json(client.get("/api/redlines", host).await, "/api/redlines");
    let red_line_ids = ids(&red_lines, &["id"], 10);
    if !red_line_ids.is_empty() {
        entries.push(Entry {
            label: "redline detail",
            paths: red_line_ids
                .iter()
                .map(|id| format!("/api/redlines/{}", encode(id)))
                .collect(),
            whole_ledger: true,
        });
    }
    entries
}

// ---------- figures ----------

/// The nearest-rank percentile of sorted times.
fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (fraction * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(time: Duration) -> String {
    format!("{:.2} ms", time.as_secs_f64() * 1000.0)
}

/// One timed request.
struct Record {
    entry: usize,
    /// From the scheduled send time to the last byte of the answer.
    latency: Duration,
    /// From taking a connection to the last byte.
    service: Duration,
    /// The status, or the error.
    outcome: Result<StatusCode, String>,
}

fn spawn_server(options: ServeOptions) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        // The runtime `trecho serve` builds: multi-threaded, one worker per core.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let server = Server::bind(options).await.unwrap();
            addr_tx.send(server.local_addr()).unwrap();
            server
                .run_until(async {
                    let _ = stop_rx.await;
                })
                .await
                .unwrap();
        });
    });
    (addr_rx.recv().unwrap(), stop_tx)
}

#[test]
#[ignore = "sends 30,000 requests over 30 s; run explicitly in release"]
fn dashboard_mix_at_fixed_rate() {
    let rate: u32 = env_number("TRECHO_LOAD_RATE", 1000);
    let seconds: u32 = env_number("TRECHO_LOAD_SECONDS", 30);
    let p99_bound = Duration::from_secs_f64(env_number("TRECHO_LOAD_P99_MS", 100.0) / 1000.0);
    let connections: usize = env_number("TRECHO_LOAD_CONNECTIONS", 256);
    let ledger_mode = std::env::var("TRECHO_LOAD_LEDGER").unwrap_or_else(|_| "1".into());
    assert!(
        ["0", "1", "only"].contains(&ledger_mode.as_str()),
        "TRECHO_LOAD_LEDGER={ledger_mode:?}: expected 0, 1 or only"
    );
    let token = std::env::var("TRECHO_LOAD_TOKEN").ok();
    assert!(rate > 0 && seconds > 0, "rate and seconds must be positive");

    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = match std::env::var("TRECHO_LOAD_DB") {
        Ok(path) => PathBuf::from(path),
        Err(_) => {
            let path = dir.path().join("demo.db");
            common::ingest_demo(&path);
            path
        }
    };
    let stats = Store::open(&db)
        .unwrap()
        .count_events(&EventFilter::default())
        .unwrap();
    let options = ServeOptions {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        token: token.clone(),
        ..ServeOptions::new(db.clone())
    };
    eprintln!(
        "store {} ({stats} events); server: {} store connections, timeout {:?}, body limit {} B, {}",
        db.display(),
        options.connections,
        options.timeout,
        options.body_limit,
        if token.is_some() {
            "token required"
        } else {
            "Host check (no token)"
        }
    );
    let (addr, stop) = spawn_server(options);
    let host = addr.to_string();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::new(addr, connections, token.clone());
    let (entries, records, sent_in, finished_in) = runtime.block_on(async {
        // The guards are on the path: a foreign Host (or a missing token) is refused.
        let probe = Client::new(addr, 1, None);
        match probe.get("/api/facets", "evil.example").await {
            Outcome::Answered(status, _) => assert_eq!(
                status,
                if token.is_some() {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::FORBIDDEN
                },
                "a request the guards must refuse"
            ),
            Outcome::Failed(error) => panic!("guard probe: {error}"),
        }

        let entries: Vec<Entry> = mix(&client, &host)
            .await
            .into_iter()
            .filter(|entry| match ledger_mode.as_str() {
                "0" => !entry.whole_ledger,
                "only" => entry.whole_ledger,
                _ => true,
            })
            .collect();
        // Cold pass: each request once, alone; caches fill here.
        eprintln!("cold (first request of each path, alone):");
        for entry in &entries {
            let mut slowest = Duration::ZERO;
            let mut largest = 0;
            for path in &entry.paths {
                let begin = Instant::now();
                match client.get(path, &host).await {
                    Outcome::Answered(status, body) => {
                        assert!(
                            status.is_success(),
                            "{path}: {status}: {}",
                            String::from_utf8_lossy(&body)
                        );
                        largest = largest.max(body.len());
                    }
                    Outcome::Failed(error) => panic!("{path}: {error}"),
                }
                slowest = slowest.max(begin.elapsed());
            }
            eprintln!(
                "  {:<20} {:>3} paths, slowest {:>12}, largest answer {:>6} KiB",
                entry.label,
                entry.paths.len(),
                ms(slowest),
                largest.div_ceil(1024)
            );
        }

        // Timed run: request `i` is due at start + i/rate, sent then whatever came before.
        let total = rate as u64 * seconds as u64;
        let period = Duration::from_secs_f64(1.0 / rate as f64);
        let start = Instant::now() + Duration::from_millis(10);
        let mut tasks = Vec::with_capacity(total as usize);
        let mut cursor = vec![0usize; entries.len()];
        for i in 0..total {
            let due = start + period.mul_f64(i as f64);
            tokio::time::sleep_until(due).await;
            let entry = (i as usize) % entries.len();
            let path = entries[entry].paths[cursor[entry] % entries[entry].paths.len()].clone();
            cursor[entry] += 1;
            let client = Arc::clone(&client);
            let host = host.clone();
            tasks.push(tokio::spawn(async move {
                let begin = Instant::now();
                let outcome = match client.get(&path, &host).await {
                    Outcome::Answered(status, _) => Ok(status),
                    Outcome::Failed(error) => Err(format!("{path}: {error}")),
                };
                let end = Instant::now();
                Record {
                    entry,
                    latency: end - due,
                    service: end - begin,
                    outcome,
                }
            }));
        }
        let sent_in = start.elapsed();
        let mut records = Vec::with_capacity(tasks.len());
        for task in tasks {
            records.push(task.await.unwrap());
        }
        (entries, records, sent_in, start.elapsed())
    });
    let _ = stop.send(());

    // ---------- report ----------
    let mut latencies: Vec<Duration> = records.iter().map(|record| record.latency).collect();
    let mut services: Vec<Duration> = records.iter().map(|record| record.service).collect();
    latencies.sort();
    services.sort();
    let failed: Vec<&String> = records
        .iter()
        .filter_map(|record| record.outcome.as_ref().err())
        .collect();
    let not_2xx = records
        .iter()
        .filter(|record| matches!(&record.outcome, Ok(status) if !status.is_success()))
        .count();
    let answered = records.len() - failed.len();
    eprintln!(
        "\n{} requests scheduled at {rate}/s for {seconds} s; all sent in {:.2} s, last answer \
         at {:.2} s: {:.0} answers/s; {} client connections opened",
        records.len(),
        sent_in.as_secs_f64(),
        finished_in.as_secs_f64(),
        answered as f64 / finished_in.as_secs_f64(),
        client.opened.load(std::sync::atomic::Ordering::Relaxed)
    );
    eprintln!(
        "errors {}, non-2xx {}; latency from schedule: p50 {}, p90 {}, p99 {}, p99.9 {}, max {}",
        failed.len(),
        not_2xx,
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.90)),
        ms(percentile(&latencies, 0.99)),
        ms(percentile(&latencies, 0.999)),
        ms(percentile(&latencies, 1.0)),
    );
    eprintln!(
        "service time (connection taken to last byte): p50 {}, p99 {}, max {}",
        ms(percentile(&services, 0.50)),
        ms(percentile(&services, 0.99)),
        ms(percentile(&services, 1.0)),
    );
    eprintln!("per request kind (latency from schedule):");
    for (idx, entry) in entries.iter().enumerate() {
        let mut times: Vec<Duration> = records
            .iter()
            .filter(|record| record.entry == idx)
            .map(|record| record.latency)
            .collect();
        times.sort();
        let bad = records
            .iter()
            .filter(|record| record.entry == idx)
            .filter(|record| !matches!(&record.outcome, Ok(status) if status.is_success()))
            .count();
        eprintln!(
            "  {:<20} {:>6}  p50 {:>10}  p99 {:>10}  max {:>10}  failed {bad}",
            entry.label,
            times.len(),
            ms(percentile(&times, 0.50)),
            ms(percentile(&times, 0.99)),
            ms(percentile(&times, 1.0)),
        );
    }
    for error in failed.iter().take(5) {
        eprintln!("  error: {error}");
    }
    assert!(
        failed.is_empty() && not_2xx == 0,
        "{} requests failed and {not_2xx} were not answered 2xx",
        failed.len()
    );
    let p99 = percentile(&latencies, 0.99);
    assert!(
        p99 <= p99_bound,
        "p99 {} is above TRECHO_LOAD_P99_MS ({})",
        ms(p99),
        ms(p99_bound)
    );
}
