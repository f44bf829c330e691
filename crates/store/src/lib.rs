//! Store: the embedded SQLite database; the only crate that knows the schema.
//!
//! Planned API: `Store::open(path)`, `insert_document(...)` in one transaction, event queries
//! with filters, documents by id. Only parameterised SQL.

/// The store.
#[derive(Debug)]
pub struct Store {}
