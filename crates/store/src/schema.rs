//! The schema, as an ordered list of migrations recorded in `PRAGMA user_version`.
//!
//! Migration `n` (1-based) upgrades a database at version `n - 1` to version `n`. Never edit a
//! migration that has shipped: append a new one, so that old files upgrade in place.

/// Every migration in order. The schema version of a database is the number applied.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: documents, sentences, events and the issue index.
///
/// Events keep every field of the record. Nested values (actor, recipient, issues, leverage)
/// are JSON text, and the fields people filter on are copied into indexed plain columns.
/// `seq` is the insertion order, so queries return events in a stable order.
/// `date_first`/`date_last` are the first and last day a partial date covers, so a date range
/// filter can match "2025-12" against a range that starts on December 15.
const V1: &str = r#"
CREATE TABLE documents (
    id           TEXT PRIMARY KEY NOT NULL,
    source       TEXT NOT NULL,
    format       TEXT NOT NULL,
    title        TEXT,
    url          TEXT,
    published    TEXT,
    lang         TEXT NOT NULL,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at  TEXT NOT NULL
);

CREATE TABLE sentences (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    lang      TEXT NOT NULL,
    speaker   TEXT,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL,
    doc_id            TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    published         TEXT,
    lang              TEXT NOT NULL,
    sentence          TEXT NOT NULL,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    date              TEXT,
    date_first        TEXT,
    date_last         TEXT,
    date_source       TEXT,
    actor             TEXT,
    actor_country     TEXT,
    recipient         TEXT,
    recipient_country TEXT,
    event_type        TEXT NOT NULL,
    mode              TEXT,
    quad              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    speech_act        TEXT,
    content_type      TEXT,
    issues            TEXT NOT NULL,
    leverage          TEXT,
    negated           INTEGER NOT NULL,
    hypothetical      INTEGER NOT NULL,
    speaker           TEXT,
    attribution       TEXT,
    reported_count    INTEGER,
    confidence        REAL NOT NULL
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_doc_id ON events(doc_id);
CREATE INDEX events_actor_country ON events(actor_country);
CREATE INDEX events_recipient_country ON events(recipient_country);
CREATE INDEX events_event_type ON events(event_type);
CREATE INDEX events_kind ON events(kind);
CREATE INDEX events_date ON events(date_first, date_last);
CREATE INDEX events_published ON events(published);
CREATE INDEX events_lang ON events(lang);

CREATE TABLE event_issues (
    issue     TEXT NOT NULL,
    event_seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    PRIMARY KEY (issue, event_seq)
) WITHOUT ROWID;
CREATE INDEX event_issues_event_seq ON event_issues(event_seq);
"#;

/// Version 2: indexes for the filter combinations the API, dashboard and CLI use, and a
/// full-text index of event sentences.
///
/// Every index entry ends with the row's `seq`, so an index whose columns are exactly the
/// filter's equality columns yields matches already in `seq` order: a page (`ORDER BY seq
/// LIMIT n`) reads n entries instead of sorting every match, and a count reads only the index.
/// Hence one index per common combination rather than one wide index.
///
/// `events_fts` indexes `events.sentence` (an external-content FTS5 table, so the text is not
/// stored twice) with the unicode61 tokenizer, which folds case and, with `remove_diacritics
/// 2`, accents: "aranceles" finds "ARANCELES", "mexico" finds "México". Triggers keep it in
/// step with `events` inside the writing transaction, including the deletes that cascade when
/// a document is replaced. `rebuild` indexes the events a version 1 file already holds.
const V2: &str = r#"
CREATE INDEX events_actor_recipient ON events(actor_country, recipient_country);
CREATE INDEX events_actor_recipient_kind ON events(actor_country, recipient_country, kind);
CREATE INDEX events_actor_kind ON events(actor_country, kind);
CREATE INDEX events_recipient_kind ON events(recipient_country, kind);
CREATE INDEX events_type_actor ON events(event_type, actor_country);

CREATE VIRTUAL TABLE events_fts USING fts5(
    sentence,
    content = 'events',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF seq, sentence ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
    INSERT INTO events_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;
"#;
