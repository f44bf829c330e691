//! The store's error type: every variant names the database file and what was being done.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite refused an operation.
    #[error("store {}: {what}: {}", path.display(), sqlite_problem(source))]
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
        "store {}: schema version {found} is newer than this build of trecho supports \
         ({supported}); upgrade trecho or use another --db file", path.display()
    )]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// `PRAGMA user_version` found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The file is a SQLite database of some other program: it has tables but no trecho
    /// schema version. trecho never adds its tables to such a file.
    #[error(
        "store {}: a SQLite database, but not a trecho store (it has tables and no trecho \
         schema version); pass --db with a new file name or a store made by `trecho ingest`",
        path.display()
    )]
    NotTrecho {
        /// The database file.
        path: PathBuf,
    },
    /// A stored value could not be read back (the file was edited by hand or is damaged).
    #[error(
        "store {}: reading {what}: {message}; the file was changed outside trecho or is \
         damaged: ingest again into a new --db file",
        path.display()
    )]
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

/// A SQLite error in words, with what to do about it; SQLite's own text follows in
/// parentheses.
fn sqlite_problem(error: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    let Some(code) = error.sqlite_error_code() else {
        return error.to_string();
    };
    let problem = match code {
        ErrorCode::NotADatabase => {
            "not a trecho store (not a SQLite file); pass --db with a new file name or a store \
             made by `trecho ingest`"
        }
        ErrorCode::CannotOpen => {
            "cannot open the file; check that its directory exists and is writable and that the \
             path is not a directory"
        }
        ErrorCode::PermissionDenied => {
            "permission denied; check the permissions of the file and its directory"
        }
        ErrorCode::ReadOnly => {
            "the database is read-only; make the file and its directory writable, or pass --db \
             with a copy in a writable place"
        }
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "the database is locked by another process (an ingest still running?); wait for it \
             to finish and run again"
        }
        ErrorCode::DiskFull => {
            "the disk is full; free some space and run again (what was stored before is kept)"
        }
        ErrorCode::DatabaseCorrupt => {
            "the database file is damaged; ingest again into a new --db file"
        }
        ErrorCode::SystemIoFailure => "disk I/O error; check the disk and run again",
        _ => return error.to_string(),
    };
    format!("{problem} ({error})")
}
