//! The store's error type: every variant names the database file and what was being done.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite refused an operation.
    #[error("store {path}: {what}: {source}")]
    Sqlite {
        /// The database file (`:memory:` for an in-memory store).
        path: PathBuf,
        /// What was being done, e.g. "inserting document 3f2a…".
        what: String,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// The file was written by a newer trecho with a schema this build does not know.
    #[error(
        "store {path}: schema version {found} is newer than this build of trecho supports \
         ({supported}); upgrade trecho or use another --db file"
    )]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// `PRAGMA user_version` found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// A stored value could not be read back (the file was edited by hand or is damaged).
    #[error("store {path}: reading {what}: {message}")]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// Which row or column.
        what: String,
        /// What was wrong with it.
        message: String,
    },
    /// The callback of [`crate::Store::for_each_event`] failed (for example, writing an export).
    #[error("{0}")]
    Callback(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// Wraps an error raised by a caller's callback, keeping its message.
    pub fn callback(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Error {
        Error::Callback(error.into())
    }
}
