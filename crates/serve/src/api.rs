//! Event, document and timeline endpoints.

use crate::data::{event_day, event_filter, EventFilter, MAX_SCAN};
use crate::error::ApiError;
use crate::json::json_bytes;
use crate::marks::{marks, Mark};
use crate::params::{
    params, OutputFormat, RawQuery, DEFAULT_LIMIT, EVENT_FILTERS, MAX_LIMIT, MAX_OFFSET,
};
use crate::table::events_csv_response;
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use trecho::ledger::{IndexOptions, IndexRow, Interval};
use trecho::model::{Event, Format, Kind, Lang, Sentence};

/// The most events a CSV download holds.
const MAX_CSV_ROWS: usize = 100_000;

/// One page of events.
#[derive(Debug, Serialize)]
pub struct EventPage {
    /// How many events match the filters.
    pub total: u64,
    /// Page size.
    pub limit: usize,
    /// Events skipped.
    pub offset: usize,
    /// The events of this page, in stored order.
    pub items: Vec<Event>,
}

/// `GET /api/events`.
pub async fn events(State(state): State<AppState>, query: RawQuery) -> Result<Response, ApiError> {
    let mut known = EVENT_FILTERS.to_vec();
    known.extend(["limit", "offset", "format"]);
    let params = params(query, &known)?;
    let filters = params.filters()?;
    let format = params.format()?;
    let (default_limit, max_limit) = match format {
        OutputFormat::Json => (DEFAULT_LIMIT, MAX_LIMIT),
        OutputFormat::Csv => (MAX_CSV_ROWS, MAX_CSV_ROWS),
    };
    let limit = params.number("limit", default_limit, max_limit)?;
    let offset = params.number("offset", 0, MAX_OFFSET)?;
    let filter = event_filter(&filters, Some(limit as u64), offset as u64);
    let (total, items) = state
        .pool()
        .run_with(move |pool, store| {
            let total = pool.count_events(store, &filter)?;
            let items = store.events(&filter)?;
            Ok((total, items))
        })
        .await?;
    match format {
        OutputFormat::Csv => events_csv_response(&items, "events.csv"),
        OutputFormat::Json => Ok(Json(EventPage {
            total,
            limit,
            offset,
            items,
        })
        .into_response()),
    }
}

/// Document metadata without the text.
#[derive(Debug, Serialize)]
pub struct DocumentMeta {
    /// Document id.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// Input format.
    pub format: Format,
    /// Title.
    pub title: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Dominant language.
    pub lang: Lang,
}

impl DocumentMeta {
    fn of(document: &crate::data::StoredDocument) -> DocumentMeta {
        DocumentMeta {
            id: document.id.clone(),
            source: document.source.clone(),
            format: document.format,
            title: document.title.clone(),
            url: document.url.clone(),
            published: document.published,
            lang: document.lang,
        }
    }
}

/// The paragraph that holds an event's sentence.
#[derive(Debug, Serialize)]
pub struct Context {
    /// The paragraph's text.
    pub paragraph: String,
    /// Byte offset of the sentence within `paragraph`.
    pub sentence_start: usize,
    /// Byte offset one past the sentence within `paragraph`.
    pub sentence_end: usize,
}

/// `GET /api/events/{id}` answer.
#[derive(Debug, Serialize)]
pub struct EventDetail {
    /// The event record.
    pub event: Event,
    /// Actor, recipient and event word in `event.sentence`.
    pub marks: Vec<Mark>,
    /// The sentence in its paragraph (null if the document is gone).
    pub context: Option<Context>,
    /// The document's metadata (null if the document is gone).
    pub document: Option<DocumentMeta>,
}

/// `GET /api/events/{id}`.
pub async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    params(query, &[])?;
    check_id(&id)?;
    let detail = state
        .pool()
        .run(move |store| {
            let Some(event) = store.event(&id)? else {
                return Err(ApiError::NotFound(format!("no event with id {id:?}")));
            };
            let document = store.document(&event.doc_id)?;
            let context = document
                .as_ref()
                .and_then(|document| context(&document.text, &document.sentences, event.span));
            Ok(EventDetail {
                marks: marks(&event),
                event,
                context,
                document: document.as_ref().map(DocumentMeta::of),
            })
        })
        .await?;
    Ok(Json(detail).into_response())
}

/// The paragraph around `span`: the sentences sharing the paragraph index of the sentence that
/// holds the span, or, failing that, the text between blank lines.
fn context(text: &str, sentences: &[Sentence], span: [usize; 2]) -> Option<Context> {
    let [start, end] = span;
    if start > end {
        return None;
    }
    let (para_start, para_end) = match sentences
        .iter()
        .find(|sentence| sentence.start <= start && start < sentence.end)
    {
        Some(found) => {
            let same: Vec<&Sentence> = sentences
                .iter()
                .filter(|sentence| sentence.paragraph == found.paragraph)
                .collect();
            let first = same.iter().map(|sentence| sentence.start).min()?;
            let last = same.iter().map(|sentence| sentence.end).max()?;
            (first.min(start), last.max(end))
        }
        None => {
            let before = text.get(..start)?;
            let after = text.get(end..)?;
            let first = before.rfind("\n\n").map_or(0, |idx| idx + 2);
            let last = after.find("\n\n").map_or(text.len(), |idx| end + idx);
            (first, last)
        }
    };
    let paragraph = text.get(para_start..para_end)?;
    // Only offer offsets that fall on character boundaries of the paragraph.
    paragraph.get(start - para_start..end - para_start)?;
    Some(Context {
        paragraph: paragraph.to_string(),
        sentence_start: start - para_start,
        sentence_end: end - para_start,
    })
}

/// `GET /api/documents/{id}` answer.
#[derive(Debug, Serialize)]
pub struct DocumentDetail {
    /// Metadata.
    pub document: DocumentMeta,
    /// Normalized text, which every span points into.
    pub text: String,
    /// Sentences with byte offsets into `text`.
    pub sentences: Vec<Sentence>,
    /// The document's events, in stored order.
    pub events: Vec<Event>,
}

/// `GET /api/documents/{id}`.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    params(query, &[])?;
    check_id(&id)?;
    let detail = state
        .pool()
        .run(move |store| {
            let Some(document) = store.document(&id)? else {
                return Err(ApiError::NotFound(format!("no document with id {id:?}")));
            };
            let events = store.events(&EventFilter {
                doc_id: Some(document.id.clone()),
                ..EventFilter::default()
            })?;
            Ok(DocumentDetail {
                document: DocumentMeta::of(&document),
                text: document.text,
                sentences: document.sentences,
                events,
            })
        })
        .await?;
    Ok(Json(detail).into_response())
}

/// Ids are hashes or user-given names: bounded length, no control characters.
fn check_id(id: &str) -> Result<(), ApiError> {
    if id.is_empty() || id.len() > 256 || id.chars().any(char::is_control) {
        return Err(ApiError::bad(
            "id",
            "expected an id of 1 to 256 printable characters",
        ));
    }
    Ok(())
}

/// One bucket of the timeline.
#[derive(Debug, Serialize, Default)]
pub struct Bucket {
    /// First day of the week (Monday) or month.
    pub start: String,
    /// `said` events.
    pub said: u32,
    /// `done` events.
    pub done: u32,
    /// `said` events per event type.
    pub said_types: BTreeMap<&'static str, u32>,
    /// `done` events per event type.
    pub done_types: BTreeMap<&'static str, u32>,
    /// Mean weight of the statements (said-versus-done index), or null.
    pub said_score: Option<f64>,
    /// Mean weight of the deeds, or null.
    pub done_score: Option<f64>,
    /// `done_score − said_score`, or null unless both exist.
    pub gap: Option<f64>,
}

/// `GET /api/timeline` answer.
#[derive(Debug, Serialize)]
pub struct Timeline {
    /// `week` or `month`.
    pub interval: &'static str,
    /// Events counted.
    pub counted: u64,
    /// Events matching the filters without a usable date (not drawn).
    pub undated: u64,
    /// Whether the scan stopped at its limit (the counts are then partial).
    pub truncated: bool,
    /// Buckets in date order, empty ones included between the first and the last.
    pub buckets: Vec<Bucket>,
}

/// The first day of the bucket holding `day`.
pub fn bucket_start(day: NaiveDate, month: bool) -> NaiveDate {
    if month {
        day.with_day(1).unwrap_or(day)
    } else {
        day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
    }
}

/// `GET /api/timeline`: said and done events per week or month.
pub async fn timeline(
    State(state): State<AppState>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let mut known = EVENT_FILTERS.to_vec();
    known.push("interval");
    let params = params(query, &known)?;
    let filters = params.filters()?;
    let month = params
        .choice(
            "interval",
            |value| match value {
                "week" => Some(false),
                "month" => Some(true),
                _ => None,
            },
            &["week", "month"],
        )?
        .unwrap_or(false);
    let filter = event_filter(&filters, Some(MAX_SCAN), 0);
    let filters = filters.clone();
    let key = format!("timeline {filter:?} {month}");
    let answer = state
        .pool()
        .run_with(move |pool, store| {
            pool.cached_answer(key, || {
                let total = pool.count_events(store, &filter)?;
                let mut buckets: BTreeMap<NaiveDate, Bucket> = BTreeMap::new();
                let mut counted = 0u64;
                let mut undated = 0u64;
                let mut kept: Vec<Event> = Vec::new();
                store.for_each_event(&filter, |event| {
                    let Some(day) = event_day(&event) else {
                        undated += 1;
                        return Ok(());
                    };
                    counted += 1;
                    let bucket = buckets.entry(bucket_start(day, month)).or_default();
                    let name = event.event_type.as_str();
                    match event.kind {
                        Kind::Said => {
                            bucket.said += 1;
                            *bucket.said_types.entry(name).or_default() += 1;
                        }
                        Kind::Done => {
                            bucket.done += 1;
                            *bucket.done_types.entry(name).or_default() += 1;
                        }
                    }
                    kept.push(event);
                    Ok(())
                })?;
                let interval = if month {
                    Interval::Month
                } else {
                    Interval::Week
                };
                let options = IndexOptions {
                    actor: filters.actor.clone(),
                    recipient: filters.recipient.clone(),
                    issue: filters.issue,
                    interval,
                };
                let scores = period_scores(&trecho::ledger::index(&kept, &options));
                for (day, bucket) in buckets.iter_mut() {
                    if let Some(&(said, done)) = scores.get(&interval.label(*day)) {
                        bucket.said_score = said;
                        bucket.done_score = done;
                        bucket.gap = match (said, done) {
                            (Some(said), Some(done)) => Some(round2(done - said)),
                            _ => None,
                        };
                    }
                }
                let timeline = Timeline {
                    interval: if month { "month" } else { "week" },
                    counted,
                    undated,
                    truncated: total > MAX_SCAN,
                    buckets: fill_gaps(buckets, month),
                };
                serde_json::to_vec(&timeline)
                    .map_err(|error| ApiError::Internal(format!("writing the timeline: {error}")))
            })
        })
        .await?;
    Ok(json_bytes(answer))
}

/// Per period, the mean said and done scores over every dyad and issue row of the index,
/// each row weighted by its count.
fn period_scores(rows: &[IndexRow]) -> BTreeMap<String, (Option<f64>, Option<f64>)> {
    let mut sums: BTreeMap<String, [f64; 4]> = BTreeMap::new();
    for row in rows {
        let sum = sums.entry(row.period.clone()).or_default();
        if let Some(score) = row.said_score {
            sum[0] += score * f64::from(row.said_count);
            sum[1] += f64::from(row.said_count);
        }
        if let Some(score) = row.done_score {
            sum[2] += score * f64::from(row.done_count);
            sum[3] += f64::from(row.done_count);
        }
    }
    sums.into_iter()
        .map(|(period, [said, n_said, done, n_done])| {
            let mean = |total: f64, n: f64| (n > 0.0).then(|| round2(total / n));
            (period, (mean(said, n_said), mean(done, n_done)))
        })
        .collect()
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Buckets from the first to the last, with empty ones in between (at most ten years' worth).
fn fill_gaps(mut buckets: BTreeMap<NaiveDate, Bucket>, month: bool) -> Vec<Bucket> {
    let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().next_back()) else {
        return Vec::new();
    };
    let mut filled = Vec::new();
    let mut day = first;
    while day <= last && filled.len() < 600 {
        let mut bucket = buckets.remove(&day).unwrap_or_default();
        bucket.start = day.to_string();
        filled.push(bucket);
        day = if month {
            day.checked_add_months(chrono::Months::new(1))
                .unwrap_or(last + chrono::Duration::days(1))
        } else {
            day + chrono::Duration::days(7)
        };
    }
    filled
}

/// `/api/<anything else>`: JSON 404.
pub async fn unknown_endpoint() -> Response {
    ApiError::NotFound("no such endpoint; see /api/openapi.json".into()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(start: usize, end: usize, paragraph: usize) -> Sentence {
        Sentence {
            start,
            end,
            paragraph,
            lang: Lang::En,
            speaker: None,
        }
    }

    #[test]
    fn context_is_the_paragraph() {
        let text = "Title here.\n\nTrump spoke. Mexico answered.\n\nEnd.";
        let sentences = vec![
            sentence(0, 11, 0),
            sentence(13, 25, 1),
            sentence(26, 42, 1),
            sentence(44, 48, 2),
        ];
        let found = context(text, &sentences, [26, 42]).unwrap();
        assert_eq!(found.paragraph, "Trump spoke. Mexico answered.");
        assert_eq!(
            &found.paragraph[found.sentence_start..found.sentence_end],
            "Mexico answered."
        );
        // Without sentences, blank lines decide.
        let found = context(text, &[], [13, 25]).unwrap();
        assert_eq!(found.paragraph, "Trump spoke. Mexico answered.");
        // A span off the text gives nothing, not a panic.
        assert!(context(text, &[], [40, 400]).is_none());
    }

    #[test]
    fn weeks_start_on_monday() {
        let day = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap(); // a Wednesday
        assert_eq!(bucket_start(day, false).to_string(), "2025-12-22");
        assert_eq!(bucket_start(day, true).to_string(), "2025-12-01");
    }
}
