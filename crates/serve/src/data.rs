//! Store access for handlers: a small pool of read connections used from blocking threads,
//! and the conversion of API filters into the store's `EventFilter`.

use crate::error::{ApiError, Error};
use crate::params::Filters;
use axum::body::Bytes;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The most events a timeline or facet computation reads.
pub const MAX_SCAN: u64 = 500_000;

/// The day an event is drawn at: its own date when known to the day, else its publication
/// date, else the first day of its partial date.
pub fn event_day(event: &Event) -> Option<NaiveDate> {
    event
        .date
        .and_then(|date| date.as_date())
        .or(event.published)
        .or_else(|| event.date.and_then(|date| date.first_day()))
}

use trecho::model::Event;
pub use trecho::{EventFilter, Store, StoredDocument};

/// A few connections to one store. A `Store` is one SQLite connection, which is `Send` but
/// not `Sync`: each request borrows one under its mutex on a blocking thread, so slow queries
/// never stall the async workers, and WAL mode lets them read while `trecho ingest` writes.
pub struct Pool {
    stores: Vec<Mutex<Store>>,
    next: AtomicUsize,
    path: PathBuf,
    counts: Mutex<CountCache>,
}

/// Event counts by filter, valid for one version of the store file.
#[derive(Default)]
struct CountCache {
    version: Option<Version>,
    counts: HashMap<String, u64>,
    /// Whole JSON answers of the slow endpoints (timeline, index, facets, ledger details).
    /// Kept as `Bytes`: each answer shares the kept buffer instead of copying it (megabytes
    /// for a ledger list on a large store).
    answers: HashMap<String, Bytes>,
    /// Their total size in bytes.
    answer_bytes: usize,
}

/// The most filters whose counts are kept.
const MAX_CACHED_COUNTS: usize = 1024;
/// The most answers kept.
const MAX_CACHED_ANSWERS: usize = 256;
/// The most bytes of answers kept (a ledger item said thousands of times answers megabytes).
const MAX_CACHED_ANSWER_BYTES: usize = 256 * 1024 * 1024;

/// What identifies a state of the store: size and modification time of the database file and
/// of its write-ahead log. Any committed write changes the log (or, after a checkpoint, the
/// file), so a cache keyed on this is never stale; reading it costs two `stat` calls instead
/// of counting a million rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version(Vec<(u64, Option<std::time::SystemTime>)>);

impl Pool {
    /// Opens `size` connections to the store at `path` (which must exist: serving never
    /// creates an empty store by mistake).
    pub fn open(path: &Path, size: usize) -> Result<Pool, Error> {
        if path != Path::new(":memory:") && !path.is_file() {
            return Err(Error::NoStore(path.to_path_buf()));
        }
        let stores = (0..size.max(1))
            .map(|_| Store::open(path).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pool {
            stores,
            next: AtomicUsize::new(0),
            path: path.to_path_buf(),
            counts: Mutex::new(CountCache::default()),
        })
    }

    /// The current version of the store file, or `None` when it cannot be read (an in-memory
    /// store), in which case callers must not cache.
    pub fn version(&self) -> Option<Version> {
        let mut parts = Vec::new();
        let mut wal = self.path.as_os_str().to_owned();
        wal.push("-wal");
        for path in [self.path.clone(), PathBuf::from(wal)] {
            match std::fs::metadata(&path) {
                Ok(metadata) => parts.push((metadata.len(), metadata.modified().ok())),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => parts.push((0, None)),
                Err(_) => return None,
            }
        }
        Some(Version(parts))
    }

    /// How many events match `filter` (its page ignored), cached per store version: paging
    /// through one filter, or the dashboard reloading, counts once.
    pub fn count_events(&self, store: &Store, filter: &EventFilter) -> Result<u64, ApiError> {
        let key = format!(
            "{:?}",
            EventFilter {
                limit: None,
                offset: 0,
                ..filter.clone()
            }
        );
        let version = self.version();
        if let Some(version) = &version {
            let cache = self
                .counts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if cache.version.as_ref() == Some(version) {
                if let Some(&count) = cache.counts.get(&key) {
                    return Ok(count);
                }
            }
        }
        let count = store.count_events(filter)?;
        if let Some(version) = version {
            let mut cache = self
                .counts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if cache.version.as_ref() != Some(&version) {
                cache.counts.clear();
                cache.answers.clear();
                cache.answer_bytes = 0;
                cache.version = Some(version);
            } else if cache.counts.len() >= MAX_CACHED_COUNTS {
                cache.counts.clear();
            }
            cache.counts.insert(key, count);
        }
        Ok(count)
    }

    /// The JSON answer stored under `key` for the current store version, or `compute`'s,
    /// which is then stored (aggregates over many events are worth keeping until a write).
    pub fn cached_answer(
        &self,
        key: String,
        compute: impl FnOnce() -> Result<Vec<u8>, ApiError>,
    ) -> Result<Bytes, ApiError> {
        let version = self.version();
        if let Some(version) = &version {
            let cache = self
                .counts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if cache.version.as_ref() == Some(version) {
                if let Some(answer) = cache.answers.get(&key) {
                    return Ok(answer.clone());
                }
            }
        }
        let answer = Bytes::from(compute()?);
        if let Some(version) = version {
            let mut cache = self
                .counts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if cache.version.as_ref() != Some(&version) {
                cache.counts.clear();
                cache.answers.clear();
                cache.answer_bytes = 0;
                cache.version = Some(version);
            } else if cache.answers.len() >= MAX_CACHED_ANSWERS
                || cache.answer_bytes + answer.len() > MAX_CACHED_ANSWER_BYTES
            {
                cache.answers.clear();
                cache.answer_bytes = 0;
            }
            if answer.len() <= MAX_CACHED_ANSWER_BYTES {
                cache.answer_bytes += answer.len();
                if let Some(old) = cache.answers.insert(key, answer.clone()) {
                    cache.answer_bytes -= old.len();
                }
            }
        }
        Ok(answer)
    }

    /// Runs `f` with a free connection on a blocking thread.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        self.run_with(move |_, store| f(store)).await
    }

    /// Like [`Pool::run`], with the pool passed along (for its caches).
    pub async fn run_with<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Pool, &Store) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let guard = pool.acquire()?;
            f(&pool, &guard)
        })
        .await
        .map_err(|error| ApiError::Internal(format!("store task failed: {error}")))?
    }

    /// A free connection if one is idle, else waits for the next in turn.
    pub(crate) fn acquire(&self) -> Result<std::sync::MutexGuard<'_, Store>, ApiError> {
        for store in &self.stores {
            if let Ok(guard) = store.try_lock() {
                return Ok(guard);
            }
        }
        let idx = self.next.fetch_add(1, Ordering::Relaxed) % self.stores.len();
        self.stores
            .get(idx)
            .ok_or_else(|| ApiError::Internal("empty store pool".into()))?
            .lock()
            // A panic while holding the lock cannot leave SQLite half-written (we only read).
            .or_else(|poisoned| Ok(poisoned.into_inner()))
    }
}

/// The store filter for API filters and a page. A partial `to` date covers its whole month
/// or year ("to=2025-12" includes December 31).
pub fn event_filter(filters: &Filters, limit: Option<u64>, offset: u64) -> EventFilter {
    EventFilter {
        actor: filters.actor.clone(),
        recipient: filters.recipient.clone(),
        event_type: filters.event_type,
        kind: filters.kind,
        issue: filters.issue,
        from: filters.from.and_then(|date| date.first_day()),
        to: filters.to.and_then(last_day),
        lang: filters.lang,
        doc_id: None,
        text: filters.text.clone(),
        limit,
        offset,
    }
}

/// The last day a partial date covers.
pub fn last_day(date: trecho::model::PartialDate) -> Option<chrono::NaiveDate> {
    use chrono::NaiveDate;
    match (date.month, date.day) {
        (Some(_), Some(_)) => date.as_date(),
        (Some(month), None) => {
            let (year, next) = if month == 12 {
                (date.year + 1, 1)
            } else {
                (date.year, month + 1)
            };
            NaiveDate::from_ymd_opt(year, next, 1).and_then(|day| day.pred_opt())
        }
        (None, _) => NaiveDate::from_ymd_opt(date.year, 12, 31),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trecho::model::PartialDate;

    #[test]
    fn last_day_of_partial_dates() {
        let check = |text: &str, expect: &str| {
            let date = PartialDate::parse(text).unwrap();
            assert_eq!(last_day(date).unwrap().to_string(), expect);
        };
        check("2025", "2025-12-31");
        check("2024-02", "2024-02-29");
        check("2025-12", "2025-12-31");
        check("2025-12-06", "2025-12-06");
    }
}
