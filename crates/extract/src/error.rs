//! Errors of the extract crate: loading user dictionaries and reading gold files.

use std::path::PathBuf;

/// An error from loading dictionaries or reading evaluation files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A user actor dictionary could not be loaded.
    #[error("loading actor dictionary: {0}")]
    Actors(#[from] trecho_actors::Error),
    /// A file could not be read.
    #[error("reading {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The IO error.
        source: std::io::Error,
    },
    /// A line of a gold file is not in the expected shape.
    #[error("{path}:{line}: {message}")]
    Gold {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
}
