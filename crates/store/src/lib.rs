//! Store: the embedded SQLite database; the only crate that knows the schema.
//!
//! A store holds documents (with their normalized text, so evidence can always be shown),
//! their sentences, and the events extracted from them. A document goes in with its sentences
//! and events in one transaction, so a crash never leaves half a document behind. Every query
//! is parameterised SQL: filter values never become SQL text.
//!
//! ```
//! use trecho_model::{Document, Lang, Normalized, Sentence};
//! use trecho_store::{EventFilter, Inserted, Store};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let text = "Sheinbaum said Mexico would not accept US troops on its soil.";
//! let normalized = Normalized {
//!     text: text.to_string(),
//!     sentences: vec![Sentence { start: 0, end: text.len(), paragraph: 0, lang: Lang::En, speaker: None }],
//!     published: None,
//!     lang: Lang::En,
//!     offset_map: vec![],
//!     diagnostics: vec![],
//! };
//! let document = Document { id: "doc-1".into(), text: text.into(), ..Document::default() };
//! assert_eq!(store.insert_document(&document, &normalized, &[]).unwrap(), Inserted::New);
//! assert_eq!(store.insert_document(&document, &normalized, &[]).unwrap(), Inserted::Unchanged);
//! assert_eq!(store.stats().unwrap().documents, 1);
//! assert_eq!(store.count_events(&EventFilter::default()).unwrap(), 0);
//! ```

mod error;
mod filter;
mod rows;
mod schema;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use trecho_model::{Document, Event, EventType, Format, Issue, Kind, Lang, Normalized, Sentence};

pub use error::Error;

/// The newest schema version this build reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = schema::SCHEMA_VERSION;

/// An open store.
///
/// One `Store` is one SQLite connection: it can move between threads but not be shared by
/// them at once (wrap it in a `Mutex`, or open one per thread; WAL mode lets readers run while
/// one writer writes).
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: PathBuf,
    /// The document being stored part by part, if any (see [`Store::begin_document`]).
    open_document: Option<OpenDocument>,
}

/// A document whose transaction is open between [`Store::begin_document`] and
/// [`Store::finish_document`].
#[derive(Debug)]
struct OpenDocument {
    doc_id: String,
    content_hash: String,
    what: String,
}

/// What [`Store::insert_document`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The document was new: it, its sentences and its events were stored.
    New,
    /// A document with the same content hash was already stored: nothing was added.
    Unchanged,
    /// A document with the same id but different content was stored: it and its events were
    /// replaced by the new version (a revised article, an edited JSON Lines record).
    Replaced,
}

/// Which events a query returns. Every field narrows the result; the default matches all.
#[derive(Default, Clone, Debug)]
pub struct EventFilter {
    /// Actor country code (ISO 3166-1 alpha-3, e.g. `USA`; case-insensitive).
    pub actor: Option<String>,
    /// Recipient country code.
    pub recipient: Option<String>,
    /// PLOVER event type.
    pub event_type: Option<EventType>,
    /// Said or done.
    pub kind: Option<Kind>,
    /// Events concerning this issue.
    pub issue: Option<Issue>,
    /// Events on or after this day: the event's `date` (any day it covers), else `published`.
    pub from: Option<NaiveDate>,
    /// Events on or before this day: the event's `date` (any day it covers), else `published`.
    pub to: Option<NaiveDate>,
    /// Language of the sentence.
    pub lang: Option<Lang>,
    /// Events of one document.
    pub doc_id: Option<String>,
    /// Events whose sentence contains these words, in this order (a phrase; case and accents
    /// ignored, punctuation and search operators are just separators; each word matches the
    /// start of a word: "arancel" finds "aranceles").
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<u64>,
    /// Skip this many events first (for paging).
    pub offset: u64,
}

/// A stored document with its normalized text and sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    /// The document id.
    pub id: String,
    /// Where it came from (path, `path#item-3`, or `-`).
    pub source: String,
    /// The format it was read as.
    pub format: Format,
    /// Title, if any.
    pub title: Option<String>,
    /// Canonical address, if any.
    pub url: Option<String>,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// Dominant language.
    pub lang: Lang,
    /// The normalized text every span points into.
    pub text: String,
    /// SHA-256 of the normalized text, hex.
    pub content_hash: String,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
}

/// Row counts of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Stored documents.
    pub documents: u64,
    /// Stored sentences.
    pub sentences: u64,
    /// Stored events.
    pub events: u64,
}

/// The content hash the store uses to recognise a document it already has: SHA-256 of the
/// normalized text, lowercase hex.
pub fn content_hash(normalized_text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(normalized_text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

impl Store {
    /// Opens (creating if needed) the store at `path`, upgrading its schema.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let connection = Connection::open(path).map_err(|source| Error::Sqlite {
            path: path.to_path_buf(),
            what: "opening the database".into(),
            source,
        })?;
        Store::setup(connection, path.to_path_buf())
    }

    /// Opens a store that lives in memory only (tests, `trecho extract`).
    pub fn open_in_memory() -> Result<Store, Error> {
        let path = PathBuf::from(":memory:");
        let connection = Connection::open_in_memory().map_err(|source| Error::Sqlite {
            path: path.clone(),
            what: "opening the database".into(),
            source,
        })?;
        Store::setup(connection, path)
    }

    /// The database file this store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn setup(connection: Connection, path: PathBuf) -> Result<Store, Error> {
        let mut store = Store {
            connection,
            path,
            open_document: None,
        };
        // WAL lets `trecho serve` read while `trecho ingest` writes, and with synchronous=NORMAL
        // a killed process loses at most the transaction in flight, never consistency.
        let journal_mode: String = store
            .connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(|source| store.sqlite("opening the database", source))?;
        let _ = journal_mode; // in-memory databases answer "memory"; that is fine.
        store
            .connection
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(|source| store.sqlite("setting pragmas", source))?;
        store
            .connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|source| store.sqlite("setting the busy timeout", source))?;
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations the file lacks, each in its own transaction.
    fn migrate(&mut self) -> Result<(), Error> {
        let version = self.user_version()?;
        if version == 0 && self.has_tables()? {
            return Err(Error::NotTrecho {
                path: self.path.clone(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                path: self.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        // Versions only go up, so a current file needs no write lock: readers then open a
        // store while an ingest writes to it, and a read-only file can still be queried.
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        for (index, migration) in schema::MIGRATIONS.iter().enumerate() {
            let target = index as i64 + 1;
            let what = format!("upgrading the schema to version {target}");
            // IMMEDIATE takes the write lock first, so two processes opening a fresh file at
            // once do not both run the same migration.
            let transaction = self
                .connection
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|source| sqlite_error(&self.path, &what, source))?;
            let current: i64 = transaction
                .query_row("PRAGMA user_version", [], |row| row.get(0))
                .map_err(|source| sqlite_error(&self.path, &what, source))?;
            if current >= target {
                continue;
            }
            transaction
                .execute_batch(migration)
                .map_err(|source| sqlite_error(&self.path, &what, source))?;
            // PRAGMA takes no bound parameters; `target` is our own integer, not user input.
            transaction
                .execute_batch(&format!("PRAGMA user_version = {target}"))
                .map_err(|source| sqlite_error(&self.path, &what, source))?;
            transaction
                .commit()
                .map_err(|source| sqlite_error(&self.path, &what, source))?;
        }
        Ok(())
    }

    /// Whether the file holds any table (a file with tables and no schema version belongs to
    /// another program).
    fn has_tables(&self) -> Result<bool, Error> {
        self.connection
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')",
                [],
                |row| row.get(0),
            )
            .map_err(|source| self.sqlite("reading the list of tables", source))
    }

    /// The schema version of the open file.
    pub fn user_version(&self) -> Result<i64, Error> {
        self.connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|source| self.sqlite("reading the schema version", source))
    }

    /// Runs `PRAGMA integrity_check` and returns its answer (`"ok"` when the file is sound).
    pub fn integrity_check(&self) -> Result<String, Error> {
        let mut statement = self
            .connection
            .prepare("PRAGMA integrity_check")
            .map_err(|source| self.sqlite("checking integrity", source))?;
        let lines = statement
            .query_map([], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<String>, _>>())
            .map_err(|source| self.sqlite("checking integrity", source))?;
        Ok(lines.join("\n"))
    }

    /// Stores a document, its sentences and its events in one transaction.
    ///
    /// The document is recognised by the SHA-256 of its normalized text: if that is already
    /// stored, nothing is added ([`Inserted::Unchanged`]). If another document with the same id
    /// is stored, it is replaced ([`Inserted::Replaced`]). An empty `document.id` is replaced
    /// by the content hash. Every event must belong to the document (`event.doc_id`).
    pub fn insert_document(
        &mut self,
        document: &Document,
        normalized: &Normalized,
        events: &[Event],
    ) -> Result<Inserted, Error> {
        let inserted = self.insert_documents([(document, normalized, events)])?;
        Ok(inserted.into_iter().next().unwrap_or(Inserted::Unchanged))
    }

    /// Stores several documents in one transaction: all of them or none. Each is treated as
    /// [`Store::insert_document`] treats one (a later document of the batch with the same text
    /// as an earlier one is `Unchanged`). One transaction per batch instead of per document
    /// writes each index page once per batch, which makes a large ingest several times faster.
    pub fn insert_documents<'a>(
        &mut self,
        batch: impl IntoIterator<Item = (&'a Document, &'a Normalized, &'a [Event])>,
    ) -> Result<Vec<Inserted>, Error> {
        let batch: Vec<_> = batch.into_iter().collect();
        let path = self.path.clone();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|source| sqlite_error(&path, "starting a transaction", source))?;
        let mut results = Vec::with_capacity(batch.len());
        for (document, normalized, events) in batch {
            results.push(insert_one(
                &transaction,
                &path,
                document,
                normalized,
                events,
            )?);
        }
        transaction
            .commit()
            .map_err(|source| sqlite_error(&path, "committing stored documents", source))?;
        Ok(results)
    }

    /// The events that match `filter`, in the order they were stored.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, Error> {
        let mut events = Vec::new();
        self.for_each_event(filter, |event| {
            events.push(event);
            Ok(())
        })?;
        Ok(events)
    }

    /// How many events match `filter` (ignoring `limit` and `offset`).
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64, Error> {
        let query = filter::Query::new(filter);
        let sql = format!("SELECT COUNT(*) FROM events{}", query.where_clause);
        let count: i64 = self
            .connection
            .query_row(
                &sql,
                rusqlite::params_from_iter(query.values.iter()),
                |row| row.get(0),
            )
            .map_err(|source| self.sqlite("counting events", source))?;
        Ok(count.max(0) as u64)
    }

    /// Calls `f` with each event that matches `filter`, in the order they were stored, without
    /// holding them all in memory (for exports). Stops at the first error `f` returns.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut f: impl FnMut(Event) -> Result<(), Error>,
    ) -> Result<(), Error> {
        // With a text filter the full-text index drives the query: it lists its matches in
        // `seq` order, so a page reads `offset + limit` of them, where `seq IN (...)` would
        // first collect every match (60 ms for a common word in a million events).
        let query = filter::Query::new(&EventFilter {
            text: None,
            ..filter.clone()
        });
        let mut values = Vec::with_capacity(query.values.len() + 3);
        // Ordering by `hits.hit` (equal to `seq`) lets SQLite see that the index order is the
        // wanted order; `ORDER BY seq` would sort every match.
        let (from, order) = match &filter.text {
            Some(text) => {
                values.push(rusqlite::types::Value::Text(filter::fts_phrase(text)));
                (
                    "(SELECT rowid AS hit FROM events_fts WHERE events_fts MATCH ?) AS hits \
                     JOIN events ON events.seq = hits.hit",
                    "hits.hit",
                )
            }
            None => ("events", "seq"),
        };
        values.extend(query.values);
        values.push(rusqlite::types::Value::Integer(
            filter
                .limit
                .map_or(-1, |limit| limit.min(i64::MAX as u64) as i64),
        ));
        values.push(rusqlite::types::Value::Integer(
            filter.offset.min(i64::MAX as u64) as i64,
        ));
        let sql = format!(
            "SELECT {} FROM {from}{} ORDER BY {order} LIMIT ? OFFSET ?",
            rows::EVENT_COLUMNS,
            query.where_clause
        );
        let mut statement = self
            .connection
            .prepare(&sql)
            .map_err(|source| self.sqlite("querying events", source))?;
        let mut result_rows = statement
            .query(rusqlite::params_from_iter(values.iter()))
            .map_err(|source| self.sqlite("querying events", source))?;
        while let Some(row) = result_rows
            .next()
            .map_err(|source| self.sqlite("reading events", source))?
        {
            let event = rows::event_from_row(row, &self.path)?;
            f(event)?;
        }
        Ok(())
    }

    /// The event with this id, if stored.
    pub fn event(&self, id: &str) -> Result<Option<Event>, Error> {
        let sql = format!(
            "SELECT {} FROM events WHERE id = ?1 ORDER BY seq LIMIT 1",
            rows::EVENT_COLUMNS
        );
        let mut statement = self
            .connection
            .prepare_cached(&sql)
            .map_err(|source| self.sqlite("looking up an event", source))?;
        let mut result_rows = statement
            .query(params![id])
            .map_err(|source| self.sqlite("looking up an event", source))?;
        match result_rows
            .next()
            .map_err(|source| self.sqlite("looking up an event", source))?
        {
            Some(row) => Ok(Some(rows::event_from_row(row, &self.path)?)),
            None => Ok(None),
        }
    }

    /// The document with this id, with its normalized text and sentences, if stored.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, Error> {
        let what = format!("looking up document {id}");
        let found = self
            .connection
            .query_row(
                "SELECT id, source, format, title, url, published, lang, text, content_hash, \
                 ingested_at FROM documents WHERE id = ?1",
                params![id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, Option<String>>(3)?,
                        row.get::<_, Option<String>>(4)?,
                        row.get::<_, Option<String>>(5)?,
                        row.get::<_, String>(6)?,
                        row.get::<_, String>(7)?,
                        row.get::<_, String>(8)?,
                        row.get::<_, String>(9)?,
                    ))
                },
            )
            .optional()
            .map_err(|source| self.sqlite(&what, source))?;
        let Some((id, source, format, title, url, published, lang, text, hash, ingested_at)) =
            found
        else {
            return Ok(None);
        };
        let corrupt = |message: String| Error::Corrupt {
            path: self.path.clone(),
            what: format!("document {id}"),
            message,
        };
        let format = Format::parse(&format).ok_or_else(|| corrupt(format!("format {format:?}")))?;
        let published = rows::parse_day(published.as_deref()).map_err(corrupt)?;
        let lang = Lang::parse(&lang).ok_or_else(|| corrupt(format!("language {lang:?}")))?;
        let sentences = self.sentences(&id)?;
        Ok(Some(StoredDocument {
            id,
            source,
            format,
            title,
            url,
            published,
            lang,
            text,
            content_hash: hash,
            ingested_at,
            sentences,
        }))
    }

    fn sentences(&self, doc_id: &str) -> Result<Vec<Sentence>, Error> {
        let what = format!("reading the sentences of document {doc_id}");
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT start, \"end\", paragraph, lang, speaker FROM sentences \
                 WHERE doc_id = ?1 ORDER BY idx",
            )
            .map_err(|source| self.sqlite(&what, source))?;
        let raw = statement
            .query_map(params![doc_id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|source| self.sqlite(&what, source))?;
        raw.into_iter()
            .map(|(start, end, paragraph, lang, speaker)| {
                let lang = Lang::parse(&lang).ok_or_else(|| Error::Corrupt {
                    path: self.path.clone(),
                    what: what.clone(),
                    message: format!("language {lang:?}"),
                })?;
                Ok(Sentence {
                    start: start.max(0) as usize,
                    end: end.max(0) as usize,
                    paragraph: paragraph.max(0) as usize,
                    lang,
                    speaker,
                })
            })
            .collect()
    }

    /// Ids of every stored document, sorted.
    pub fn document_ids(&self) -> Result<Vec<String>, Error> {
        let mut statement = self
            .connection
            .prepare("SELECT id FROM documents ORDER BY id")
            .map_err(|source| self.sqlite("listing documents", source))?;
        let ids = statement
            .query_map([], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|source| self.sqlite("listing documents", source))?;
        Ok(ids)
    }

    /// How many documents, sentences and events are stored.
    pub fn stats(&self) -> Result<Stats, Error> {
        let count = |table: &str| -> Result<u64, Error> {
            // The table name is one of our literals below, never user input.
            let sql = format!("SELECT COUNT(*) FROM {table}");
            let count: i64 = self
                .connection
                .query_row(&sql, [], |row| row.get(0))
                .map_err(|source| self.sqlite(&format!("counting {table}"), source))?;
            Ok(count.max(0) as u64)
        };
        Ok(Stats {
            documents: count("documents")?,
            sentences: count("sentences")?,
            events: count("events")?,
        })
    }

    /// Starts storing a document too long to hold whole, part by part: its sentences and
    /// events with [`Store::insert_document_part`], then its row with
    /// [`Store::finish_document`]. `content_hash` is the SHA-256 of its whole normalized text
    /// ([`content_hash`]).
    ///
    /// If that text is already stored, returns [`Inserted::Unchanged`] and opens nothing: the
    /// parts are to be skipped. Otherwise it deletes a stored document with the same id
    /// ([`Inserted::Replaced`]) and opens a transaction that lasts until `finish_document` or
    /// [`Store::abandon_document`], so the document is stored whole or not at all, as with
    /// [`Store::insert_document`].
    pub fn begin_document(
        &mut self,
        doc_id: &str,
        content_hash: &str,
        source: &str,
    ) -> Result<Inserted, Error> {
        let what = format!("storing document {doc_id} ({source})");
        if self.open_document.is_some() {
            self.abandon_document()?;
        }
        // Sentences and events come before the document row: foreign keys are checked at
        // commit (the pragma lasts until the transaction ends).
        self.connection
            .execute_batch("BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON;")
            .map_err(|source| self.sqlite(&what, source))?;
        let room = make_room(&self.connection, &self.path, doc_id, content_hash, &what);
        match room {
            Ok(Some(replaced)) => {
                self.open_document = Some(OpenDocument {
                    doc_id: doc_id.to_string(),
                    content_hash: content_hash.to_string(),
                    what,
                });
                Ok(if replaced {
                    Inserted::Replaced
                } else {
                    Inserted::New
                })
            }
            Ok(None) => {
                self.rollback(&what)?;
                Ok(Inserted::Unchanged)
            }
            Err(error) => {
                let _ = self.rollback(&what);
                Err(error)
            }
        }
    }

    /// Stores sentences (numbered from `first_sentence` in the document) and events of the
    /// document opened by [`Store::begin_document`].
    pub fn insert_document_part(
        &mut self,
        first_sentence: usize,
        sentences: &[Sentence],
        events: &[Event],
    ) -> Result<(), Error> {
        let open = self.open_document()?;
        check_events(&self.path, &open.doc_id, events)?;
        insert_rows(
            &self.connection,
            &self.path,
            &open.doc_id,
            first_sentence,
            sentences,
            events,
            &open.what,
        )
    }

    /// Stores the row of the document opened by [`Store::begin_document`] (its sentences and
    /// events in `normalized` and `events` are not read: they came in the parts) and commits.
    pub fn finish_document(
        &mut self,
        document: &Document,
        normalized: &Normalized,
    ) -> Result<(), Error> {
        let open = self.open_document()?;
        let (doc_id, hash, what) = (
            open.doc_id.clone(),
            open.content_hash.clone(),
            open.what.clone(),
        );
        let stored = insert_document_row(
            &self.connection,
            &self.path,
            document,
            normalized,
            &doc_id,
            &hash,
            &what,
        )
        .and_then(|()| {
            self.connection
                .execute_batch("COMMIT")
                .map_err(|source| self.sqlite(&what, source))
        });
        if stored.is_err() {
            let _ = self.rollback(&what);
        }
        self.open_document = None;
        stored
    }

    /// Drops what was stored of the document opened by [`Store::begin_document`] (a part could
    /// not be processed). Does nothing when no document is open.
    pub fn abandon_document(&mut self) -> Result<(), Error> {
        match self.open_document.take() {
            Some(open) => self.rollback(&open.what),
            None => Ok(()),
        }
    }

    fn open_document(&self) -> Result<&OpenDocument, Error> {
        self.open_document.as_ref().ok_or_else(|| Error::Corrupt {
            path: self.path.clone(),
            what: "a document part".to_string(),
            message: "no document was begun (Store::begin_document) or it was already finished"
                .to_string(),
        })
    }

    fn rollback(&mut self, what: &str) -> Result<(), Error> {
        self.open_document = None;
        self.connection
            .execute_batch("ROLLBACK")
            .map_err(|source| self.sqlite(what, source))
    }

    fn sqlite(&self, what: &str, source: rusqlite::Error) -> Error {
        sqlite_error(&self.path, what, source)
    }
}

/// Stores one document inside an open transaction (see [`Store::insert_document`]).
fn insert_one(
    connection: &Connection,
    path: &Path,
    document: &Document,
    normalized: &Normalized,
    events: &[Event],
) -> Result<Inserted, Error> {
    let hash = content_hash(&normalized.text);
    let doc_id = if document.id.is_empty() {
        hash.clone()
    } else {
        document.id.clone()
    };
    check_events(path, &doc_id, events)?;
    let what = format!("storing document {doc_id} ({})", document.source);
    let Some(replaced) = make_room(connection, path, &doc_id, &hash, &what)? else {
        return Ok(Inserted::Unchanged);
    };
    insert_document_row(
        connection, path, document, normalized, &doc_id, &hash, &what,
    )?;
    insert_rows(
        connection,
        path,
        &doc_id,
        0,
        &normalized.sentences,
        events,
        &what,
    )?;
    Ok(if replaced {
        Inserted::Replaced
    } else {
        Inserted::New
    })
}

/// Every event must belong to the document being stored.
fn check_events(path: &Path, doc_id: &str, events: &[Event]) -> Result<(), Error> {
    if let Some(event) = events.iter().find(|event| event.doc_id != doc_id) {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            what: format!("event {} to insert", event.id),
            message: format!(
                "it belongs to document {:?}, not to the document being stored ({doc_id:?})",
                event.doc_id
            ),
        });
    }
    Ok(())
}

/// `None` when a document with this content hash is already stored (nothing to do); else
/// deletes a stored document with the same id and says whether there was one.
fn make_room(
    connection: &Connection,
    path: &Path,
    doc_id: &str,
    hash: &str,
    what: &str,
) -> Result<Option<bool>, Error> {
    let error = |source| sqlite_error(path, what, source);
    let existing: Option<String> = connection
        .query_row(
            "SELECT id FROM documents WHERE content_hash = ?1",
            params![hash],
            |row| row.get(0),
        )
        .optional()
        .map_err(error)?;
    if existing.is_some() {
        return Ok(None);
    }
    let replaced = connection
        .execute("DELETE FROM documents WHERE id = ?1", params![doc_id])
        .map_err(error)?
        > 0;
    Ok(Some(replaced))
}

fn insert_document_row(
    connection: &Connection,
    path: &Path,
    document: &Document,
    normalized: &Normalized,
    doc_id: &str,
    hash: &str,
    what: &str,
) -> Result<(), Error> {
    let published = normalized.published.or(document.published);
    connection
        .prepare_cached(
            "INSERT INTO documents \
             (id, source, format, title, url, published, lang, text, content_hash, ingested_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                doc_id,
                document.source,
                document.format.as_str(),
                document.title,
                document.url,
                published.map(|date| date.to_string()),
                normalized.lang.as_str(),
                normalized.text,
                hash,
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ])
        })
        .map_err(|source| sqlite_error(path, what, source))?;
    Ok(())
}

/// Stores sentences (numbered from `first_sentence`) and events of a document.
fn insert_rows(
    connection: &Connection,
    path: &Path,
    doc_id: &str,
    first_sentence: usize,
    sentences: &[Sentence],
    events: &[Event],
    what: &str,
) -> Result<(), Error> {
    let error = |source| sqlite_error(path, what, source);
    let mut insert_sentence = connection
        .prepare_cached(
            "INSERT INTO sentences (doc_id, idx, start, \"end\", paragraph, lang, speaker) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .map_err(error)?;
    for (idx, sentence) in sentences.iter().enumerate() {
        insert_sentence
            .execute(params![
                doc_id,
                (first_sentence + idx) as i64,
                sentence.start as i64,
                sentence.end as i64,
                sentence.paragraph as i64,
                sentence.lang.as_str(),
                sentence.speaker,
            ])
            .map_err(error)?;
    }
    let mut insert_event = connection
        .prepare_cached(rows::INSERT_EVENT)
        .map_err(error)?;
    let mut insert_issue = connection
        .prepare_cached("INSERT OR IGNORE INTO event_issues (issue, event_seq) VALUES (?1, ?2)")
        .map_err(error)?;
    for event in events {
        let row = rows::EventRow::from_event(event).map_err(|message| Error::Corrupt {
            path: path.to_path_buf(),
            what: format!("event {} to insert", event.id),
            message,
        })?;
        insert_event
            .execute(rusqlite::params_from_iter(row.values()))
            .map_err(error)?;
        let seq = connection.last_insert_rowid();
        for issue in &event.issues {
            insert_issue
                .execute(params![issue.as_str(), seq])
                .map_err(error)?;
        }
    }
    Ok(())
}

fn sqlite_error(path: &Path, what: &str, source: rusqlite::Error) -> Error {
    Error::Sqlite {
        path: path.to_path_buf(),
        what: what.to_string(),
        source,
    }
}
