//! `GET /api/facets`: what the store holds (countries, issues, types, dates), for the
//! dashboard's selectors, read in one streaming pass.

use crate::data::{EventFilter, Store};
use crate::error::ApiError;
use crate::json::json_bytes;
use crate::params::{params, RawQuery};
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use serde::Serialize;
use std::collections::BTreeMap;
use trecho::model::Kind;

/// Counts for the dashboard's selectors.
#[derive(Debug, Default, Serialize)]
pub struct Facets {
    /// Stored documents.
    pub documents: u64,
    /// Stored events.
    pub events: u64,
    /// `said` events.
    pub said: u64,
    /// `done` events.
    pub done: u64,
    /// Sides seen as actor, with their event counts, most frequent first.
    pub actors: Vec<Side>,
    /// Sides seen as recipient.
    pub recipients: Vec<Side>,
    /// Events per issue.
    pub issues: BTreeMap<String, u64>,
    /// Events per language.
    pub langs: BTreeMap<String, u64>,
    /// Earliest event day.
    pub first_day: Option<String>,
    /// Latest event day.
    pub last_day: Option<String>,
}

/// A side (country code, else name) with a readable label and a count.
#[derive(Debug, Serialize)]
pub struct Side {
    /// The value to filter on (`USA`).
    pub value: String,
    /// A label ("USA — Donald Trump, …").
    pub label: String,
    /// Events.
    pub count: u64,
}

/// The facets of the whole store, read in one streaming pass (no event is kept), so the
/// dashboard's selectors do not wait for the ledger of a large store.
pub fn store_facets(store: &Store) -> Result<Facets, ApiError> {
    let stats = store.stats()?;
    let mut facets = Facets {
        documents: stats.documents,
        events: stats.events,
        ..Facets::default()
    };
    let mut actors: BTreeMap<String, (u64, BTreeMap<String, u64>)> = BTreeMap::new();
    let mut recipients: BTreeMap<String, (u64, BTreeMap<String, u64>)> = BTreeMap::new();
    let mut first: Option<chrono::NaiveDate> = None;
    let mut last: Option<chrono::NaiveDate> = None;
    store.for_each_event(&EventFilter::default(), |event| {
        let event = &event;
        match event.kind {
            Kind::Said => facets.said += 1,
            Kind::Done => facets.done += 1,
        }
        for (actor, sides) in [
            (&event.actor, &mut actors),
            (&event.recipient, &mut recipients),
        ] {
            // Only country sides are offered: the store filters actors by country code.
            if let Some(country) = actor.as_ref().and_then(|actor| actor.country.clone()) {
                let entry = sides.entry(country).or_default();
                entry.0 += 1;
                if let Some(name) = actor.as_ref().and_then(|actor| actor.name.clone()) {
                    *entry.1.entry(name).or_default() += 1;
                }
            }
        }
        for issue in &event.issues {
            *facets.issues.entry(issue.as_str().to_string()).or_default() += 1;
        }
        *facets
            .langs
            .entry(event.lang.as_str().to_string())
            .or_default() += 1;
        if let Some(day) = crate::data::event_day(event) {
            first = Some(first.map_or(day, |first| first.min(day)));
            last = Some(last.map_or(day, |last| last.max(day)));
        }
        Ok(())
    })?;
    let to_sides = |sides: BTreeMap<String, (u64, BTreeMap<String, u64>)>| {
        let mut list: Vec<Side> = sides
            .into_iter()
            .map(|(value, (count, names))| {
                let mut names: Vec<(String, u64)> = names.into_iter().collect();
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let top: Vec<String> = names.into_iter().take(2).map(|(name, _)| name).collect();
                let label = if top.is_empty() {
                    value.clone()
                } else {
                    format!("{value} — {}", top.join(", "))
                };
                Side {
                    value,
                    label,
                    count,
                }
            })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        list
    };
    facets.actors = to_sides(actors);
    facets.recipients = to_sides(recipients);
    facets.first_day = first.map(|day| day.to_string());
    facets.last_day = last.map(|day| day.to_string());
    Ok(facets)
}

/// `GET /api/facets`: what the store holds, for the dashboard's selectors.
pub async fn facets(State(state): State<AppState>, query: RawQuery) -> Result<Response, ApiError> {
    params(query, &[])?;
    let answer = state
        .pool()
        .run_with(|pool, store| {
            pool.cached_answer("facets".to_string(), || {
                let facets = store_facets(store)?;
                serde_json::to_vec(&facets)
                    .map_err(|error| ApiError::Internal(format!("writing the facets: {error}")))
            })
        })
        .await?;
    Ok(json_bytes(answer))
}
