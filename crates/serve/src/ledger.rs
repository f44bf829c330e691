//! Ledger endpoints: commitments, red lines, linkage and the said-versus-done index.
//!
//! The ledger is built from every stored event, which takes a while on a large store, so it is
//! kept in a [`Cache`] keyed on the store file's version: the first request after an ingest
//! rebuilds it, the others reuse it.

use crate::data::{event_filter, EventFilter, Store};
use crate::error::ApiError;
use crate::json::json_bytes;
use crate::marks::MarkedEvent;
use crate::params::{params, parse_commitment_act, Filters, OutputFormat, Params, RawQuery};
use crate::table::{csv_response, COMMITMENT_COLUMNS, LINKAGE_COLUMNS, RED_LINE_COLUMNS};
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use trecho::ledger::{CommitmentStatus, IndexOptions, IndexRow, Interval, Ledger, RedLineStatus};
use trecho::model::{Actor, PartialDate};

/// The ledger of one state of the store.
#[derive(Debug)]
pub struct Snapshot {
    /// The store version it was built from.
    key: Key,
    /// Commitments, red lines, linkage and deeds.
    pub ledger: Ledger,
}

/// What a snapshot was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    /// A version of the store file.
    File(crate::data::Version),
    /// Document and event counts (stores without a file).
    Counts(u64, u64),
}

/// The last snapshot built.
#[derive(Debug, Default)]
pub struct Cache {
    slot: Mutex<Option<Arc<Snapshot>>>,
}

/// The current snapshot, rebuilt when the store changed since the last one.
pub async fn snapshot(state: &AppState) -> Result<Arc<Snapshot>, ApiError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let pool = state.pool();
        // Holding the slot while building means concurrent requests wait for one build
        // instead of each starting their own. They wait without a store connection: the
        // dashboard asks for the ledger, red lines and linkage at once, and with each waiter
        // holding one, a large store's build left none for the other endpoints (an events
        // page waited 18 s on the million-event store).
        let mut slot = state
            .ledger_cache()
            .slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // The file's version is cheap to read; without one (in-memory store), the counts are
        // the key.
        let key = match pool.version() {
            Some(version) => Key::File(version),
            None => {
                let stats = pool.acquire()?.stats()?;
                Key::Counts(stats.documents, stats.events)
            }
        };
        if let Some(snapshot) = slot.as_ref().filter(|snapshot| snapshot.key == key) {
            return Ok(Arc::clone(snapshot));
        }
        let store = pool.acquire()?;
        let snapshot = Arc::new(build_snapshot(&store, key)?);
        *slot = Some(Arc::clone(&snapshot));
        Ok(snapshot)
    })
    .await
    .map_err(|error| ApiError::Internal(format!("ledger task failed: {error}")))?
}

fn build_snapshot(store: &Store, key: Key) -> Result<Snapshot, ApiError> {
    let events = store.events(&EventFilter::default())?;
    let ledger = trecho::ledger::build(&events);
    Ok(Snapshot { key, ledger })
}

/// A list answer.
#[derive(Debug, Serialize)]
pub struct List<T> {
    /// Items matching the filters.
    pub total: usize,
    /// The items.
    pub items: Vec<T>,
}

/// Whether an actor is the side asked for: its country code, else its canonical name or
/// text, ignoring case.
fn side_matches(wanted: Option<&str>, actor: Option<&Actor>) -> bool {
    let Some(wanted) = wanted else {
        return true;
    };
    let wanted = wanted.trim();
    let Some(actor) = actor else {
        return false;
    };
    [
        actor.country.as_deref(),
        actor.name.as_deref(),
        Some(actor.text.as_str()),
    ]
    .into_iter()
    .flatten()
    .any(|value| {
        value.trim().eq_ignore_ascii_case(wanted)
            || value.trim().to_lowercase() == wanted.to_lowercase()
    })
}

/// Whether the range `[first, last]` of an item meets the filters' date range.
fn dates_match(filters: &Filters, first: Option<PartialDate>, last: Option<PartialDate>) -> bool {
    if filters.from.is_none() && filters.to.is_none() {
        return true;
    }
    let first_day = first.or(last).and_then(|date| date.first_day());
    let last_day = last.or(first).and_then(crate::data::last_day);
    let (Some(first_day), Some(last_day)) = (first_day, last_day) else {
        return false;
    };
    let after_from = filters
        .from
        .and_then(|from| from.first_day())
        .is_none_or(|from| last_day >= from);
    let before_to = filters
        .to
        .and_then(crate::data::last_day)
        .is_none_or(|to| first_day <= to);
    after_from && before_to
}

/// Whether `summary` holds the search words, by the rule of the events' text filter (in
/// order, each the start of a word, case and accents ignored).
fn text_matches(filters: &Filters, summary: &str) -> bool {
    filters
        .text
        .as_deref()
        .is_none_or(|text| trecho::model::text::words_match(text, summary))
}

const LIST_FILTERS: [&str; 9] = [
    "actor",
    "recipient",
    "issue",
    "from",
    "to",
    "text",
    "status",
    "speech_act",
    "format",
];

/// `GET /api/ledger`: commitments.
pub async fn commitments(
    State(state): State<AppState>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let params = params(query, &LIST_FILTERS)?;
    let filters = list_filters(&params)?;
    let status = params.choice(
        "status",
        CommitmentStatus::parse,
        &[
            "open",
            "carried_out",
            "partly_carried_out",
            "conceded",
            "withdrawn",
            "lapsed",
            "rejected",
        ],
    )?;
    let speech_act = params.choice(
        "speech_act",
        parse_commitment_act,
        &["threat", "promise", "demand"],
    )?;
    let format = params.format()?;
    let snapshot = snapshot(&state).await?;
    let query = format!("{filters:?} {status:?} {speech_act:?}");
    let select = move |ledger: &Ledger| -> Vec<trecho::ledger::Commitment> {
        ledger
            .commitments
            .iter()
            .filter(|item| side_matches(filters.actor.as_deref(), item.actor.as_ref()))
            .filter(|item| side_matches(filters.recipient.as_deref(), item.recipient.as_ref()))
            .filter(|item| {
                filters
                    .issue
                    .is_none_or(|issue| item.issues.contains(&issue))
            })
            .filter(|item| status.is_none_or(|status| item.status == status))
            .filter(|item| speech_act.is_none_or(|act| item.speech_act == act))
            .filter(|item| dates_match(&filters, item.first_said, item.last_said))
            .filter(|item| text_matches(&filters, &item.summary))
            .cloned()
            .collect()
    };
    respond(
        &state,
        snapshot,
        format,
        query,
        select,
        COMMITMENT_COLUMNS,
        "ledger.csv",
    )
    .await
}

/// `GET /api/ledger/{id}` answer: the item, its utterances over time and its status history
/// with the events that decided each change.
#[derive(Debug, Serialize)]
pub struct CommitmentDetail {
    /// The commitment.
    pub item: trecho::ledger::Commitment,
    /// The said events behind it, in date order, with highlights.
    pub utterances: Vec<MarkedEvent>,
    /// Utterances per month ("2025-12" → 3).
    pub by_month: BTreeMap<String, u32>,
    /// The events that decided the status, with highlights.
    pub status_events: Vec<MarkedEvent>,
}

/// `GET /api/ledger/{id}`.
pub async fn commitment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    params(query, &[])?;
    let snapshot = snapshot(&state).await?;
    let Some(item) = snapshot
        .ledger
        .commitments
        .iter()
        .find(|item| item.id == id)
        .cloned()
    else {
        return Err(ApiError::NotFound(format!(
            "no ledger item with id {:?}",
            truncate(&id)
        )));
    };
    // An item said thousands of times loads thousands of events (seconds on a large store),
    // and the dashboard asks again each time the drawer opens: the answer is kept until the
    // store changes.
    let key = format!("ledger/{id}");
    let answer = state
        .pool()
        .run_with(move |pool, store| {
            pool.cached_answer(key, || {
                let evidence = item.evidence.clone();
                let decided = deciding_events(&item.history, &item.status_evidence, &evidence);
                let utterances = load(store, &evidence)?;
                let status_events = load(store, &decided)?;
                let mut by_month: BTreeMap<String, u32> = BTreeMap::new();
                for utterance in &utterances {
                    if let Some(day) = crate::data::event_day(&utterance.event) {
                        *by_month.entry(day.format("%Y-%m").to_string()).or_default() += 1;
                    }
                }
                serde_json::to_vec(&CommitmentDetail {
                    item,
                    utterances,
                    by_month,
                    status_events,
                })
                .map_err(|error| ApiError::Internal(format!("writing a ledger item: {error}")))
            })
        })
        .await?;
    Ok(json_bytes(answer))
}

/// The events behind status changes after the first (which is the item being said), not
/// already listed among the utterances.
fn deciding_events<S>(
    history: &[trecho::ledger::StatusChange<S>],
    status_evidence: &[String],
    utterances: &[String],
) -> Vec<String> {
    // A set: an item said thousands of times made the list scan quadratic.
    let said: std::collections::HashSet<&String> = utterances.iter().collect();
    history
        .iter()
        .skip(1)
        .flat_map(|change| change.evidence.iter().cloned())
        .chain(status_evidence.iter().cloned())
        .filter(|id| !said.contains(id))
        .collect()
}

/// The events with these ids, each once, in date order.
fn load(store: &Store, ids: &[String]) -> Result<Vec<MarkedEvent>, ApiError> {
    let mut seen = std::collections::BTreeSet::new();
    let mut events = Vec::new();
    for id in ids {
        if seen.insert(id.clone()) {
            if let Some(event) = store.event(id)? {
                events.push(event);
            }
        }
    }
    events.sort_by_key(crate::data::event_day);
    Ok(events.into_iter().map(MarkedEvent::new).collect())
}

/// `GET /api/redlines`: `actor` filters the holder, `recipient` the side it is drawn against.
pub async fn red_lines(
    State(state): State<AppState>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let params = params(query, &LIST_FILTERS[..7])?;
    let filters = list_filters(&params)?;
    let status = params.choice(
        "status",
        RedLineStatus::parse,
        &["holding", "approached", "crossed"],
    )?;
    let format = params.format()?;
    let snapshot = snapshot(&state).await?;
    let query = format!("{filters:?} {status:?}");
    let select = move |ledger: &Ledger| -> Vec<trecho::ledger::RedLine> {
        ledger
            .red_lines
            .iter()
            .filter(|item| side_matches(filters.actor.as_deref(), item.holder.as_ref()))
            .filter(|item| side_matches(filters.recipient.as_deref(), item.against.as_ref()))
            .filter(|item| status.is_none_or(|status| item.status == status))
            .filter(|item| dates_match(&filters, item.declared, item.last_restated))
            .filter(|item| text_matches(&filters, &item.summary))
            .cloned()
            .collect()
    };
    respond(
        &state,
        snapshot,
        format,
        query,
        select,
        RED_LINE_COLUMNS,
        "redlines.csv",
    )
    .await
}

/// `GET /api/redlines/{id}` answer.
#[derive(Debug, Serialize)]
pub struct RedLineDetail {
    /// The red line.
    pub item: trecho::ledger::RedLine,
    /// The said events behind it, in date order.
    pub utterances: Vec<MarkedEvent>,
    /// The events that decided the status.
    pub status_events: Vec<MarkedEvent>,
}

/// `GET /api/redlines/{id}`.
pub async fn red_line(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    params(query, &[])?;
    let snapshot = snapshot(&state).await?;
    let Some(item) = snapshot
        .ledger
        .red_lines
        .iter()
        .find(|item| item.id == id)
        .cloned()
    else {
        return Err(ApiError::NotFound(format!(
            "no red line with id {:?}",
            truncate(&id)
        )));
    };
    // Kept until the store changes, like a ledger item's answer.
    let key = format!("redlines/{id}");
    let answer = state
        .pool()
        .run_with(move |pool, store| {
            pool.cached_answer(key, || {
                let evidence = item.evidence.clone();
                let decided = deciding_events(&item.history, &item.status_evidence, &evidence);
                serde_json::to_vec(&RedLineDetail {
                    utterances: load(store, &evidence)?,
                    status_events: load(store, &decided)?,
                    item,
                })
                .map_err(|error| ApiError::Internal(format!("writing a red line: {error}")))
            })
        })
        .await?;
    Ok(json_bytes(answer))
}

/// `GET /api/linkage`: `issue` matches the lever or the goal.
pub async fn linkages(
    State(state): State<AppState>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let known = ["actor", "recipient", "issue", "from", "to", "format"];
    let params = params(query, &known)?;
    let filters = list_filters(&params)?;
    let format = params.format()?;
    let snapshot = snapshot(&state).await?;
    let query = format!("{filters:?}");
    let select = move |ledger: &Ledger| -> Vec<trecho::ledger::Linkage> {
        ledger
            .linkages
            .iter()
            .filter(|item| side_matches(filters.actor.as_deref(), item.actor.as_ref()))
            .filter(|item| side_matches(filters.recipient.as_deref(), item.recipient.as_ref()))
            .filter(|item| {
                filters
                    .issue
                    .is_none_or(|issue| item.lever == issue || item.goal == issue)
            })
            .filter(|item| dates_match(&filters, item.first_seen, item.last_seen))
            .cloned()
            .collect()
    };
    respond(
        &state,
        snapshot,
        format,
        query,
        select,
        LINKAGE_COLUMNS,
        "linkage.csv",
    )
    .await
}

/// Columns of an index row.
const INDEX_COLUMNS: &[&str] = &[
    "period",
    "actor",
    "recipient",
    "issue",
    "said_count",
    "done_count",
    "said_score",
    "done_score",
    "gap",
];

/// `GET /api/index?actor=&recipient=&issue=&interval=week|month`: the said-versus-done index.
/// The date, language and text filters narrow the events it is computed from.
pub async fn index(State(state): State<AppState>, query: RawQuery) -> Result<Response, ApiError> {
    let known = [
        "actor",
        "recipient",
        "issue",
        "from",
        "to",
        "lang",
        "text",
        "interval",
        "format",
    ];
    let params = params(query, &known)?;
    let filters = params.filters()?;
    let interval = params
        .choice("interval", Interval::parse, &["week", "month"])?
        .unwrap_or(Interval::Week);
    let format = params.format()?;
    match format {
        OutputFormat::Csv => {
            let rows = index_rows(&state, &filters, interval).await?;
            csv_response(&rows, INDEX_COLUMNS, "index.csv")
        }
        OutputFormat::Json => {
            let options = index_options(&filters, interval);
            let filter = event_filter(&filters, Some(crate::data::MAX_SCAN), 0);
            let key = format!("index {filter:?} {options:?}");
            let answer = state
                .pool()
                .run_with(move |pool, store| {
                    pool.cached_answer(key, || {
                        let rows = trecho::ledger::index(&store.events(&filter)?, &options);
                        serde_json::to_vec(&List {
                            total: rows.len(),
                            items: rows,
                        })
                        .map_err(|error| ApiError::Internal(format!("writing the index: {error}")))
                    })
                })
                .await?;
            Ok(json_bytes(answer))
        }
    }
}

fn index_options(filters: &Filters, interval: Interval) -> IndexOptions {
    IndexOptions {
        actor: filters.actor.clone(),
        recipient: filters.recipient.clone(),
        issue: filters.issue,
        interval,
    }
}

/// Index rows for the filters, computed from the matching stored events.
pub async fn index_rows(
    state: &AppState,
    filters: &Filters,
    interval: Interval,
) -> Result<Vec<IndexRow>, ApiError> {
    let options = index_options(filters, interval);
    let filter = event_filter(filters, Some(crate::data::MAX_SCAN), 0);
    state
        .pool()
        .run(move |store| {
            let events = store.events(&filter)?;
            Ok(trecho::ledger::index(&events, &options))
        })
        .await
}

/// The filters of the ledger lists: no event type, kind or language (they describe events,
/// not items).
fn list_filters(params: &Params) -> Result<Filters, ApiError> {
    let filters = params.filters()?;
    Ok(Filters {
        event_type: None,
        kind: None,
        lang: None,
        ..filters
    })
}

/// A list of ledger items: `select` filters the snapshot on a blocking thread (a large ledger
/// takes tens of milliseconds to filter and write). The JSON answer is kept per snapshot and
/// query: where items are said thousands of times the list runs to megabytes (their evidence
/// ids), and the dashboard asks for it on every load. `query` names everything `select`
/// filters on.
async fn respond<T, F>(
    state: &AppState,
    snapshot: Arc<Snapshot>,
    format: OutputFormat,
    query: String,
    select: F,
    columns: &'static [&'static str],
    name: &'static str,
) -> Result<Response, ApiError>
where
    T: Serialize + Send + 'static,
    F: FnOnce(&Ledger) -> Vec<T> + Send + 'static,
{
    let pool = Arc::clone(state.pool());
    // The snapshot's version is part of the key: an answer written from a snapshot that a
    // write has just made stale is never found under the new version.
    let key = format!("{name} {query} {:?}", snapshot.key);
    tokio::task::spawn_blocking(move || match format {
        OutputFormat::Csv => csv_response(&select(&snapshot.ledger), columns, name),
        OutputFormat::Json => {
            let answer = pool.cached_answer(key, || {
                let items = select(&snapshot.ledger);
                serde_json::to_vec(&List {
                    total: items.len(),
                    items,
                })
                .map_err(|error| ApiError::Internal(format!("writing the list ({name}): {error}")))
            })?;
            Ok(json_bytes(answer))
        }
    })
    .await
    .map_err(|error| ApiError::Internal(format!("ledger task failed: {error}")))?
}

/// An id cut to 80 characters for messages.
fn truncate(id: &str) -> String {
    id.chars().take(80).collect()
}
