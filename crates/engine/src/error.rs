//! The engine's error type. Every message names the file concerned and what failed.

use std::path::PathBuf;

/// Why an input, a dictionary or the store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file (`-` for standard input).
        path: PathBuf,
        /// The IO error.
        source: std::io::Error,
    },
    /// A file is larger than the input size limit.
    #[error(
        "{path}: file is {} bytes, over the limit of {limit} bytes ({}) for one input; skipped \
         (raise it with --max-input-size)",
        size.map_or_else(|| "more than the limit".to_string(), |size| size.to_string()),
        trecho_ingest::mebibytes(*limit)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes, when known (not for standard input).
        size: Option<u64>,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input could not be parsed in its format.
    #[error(transparent)]
    Parse(#[from] trecho_ingest::Error),
    /// A user actor dictionary (`--actors FILE`) could not be loaded.
    #[error("{path}: {source}")]
    Dictionary {
        /// The dictionary file.
        path: PathBuf,
        /// What was wrong with it.
        source: trecho_extract::Error,
    },
    /// A gold file could not be read for evaluation.
    #[error(transparent)]
    Eval(trecho_extract::Error),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] trecho_store::Error),
    /// A stage panicked on a document. This is a bug in trecho; the run goes on without it.
    #[error("{source_name}: internal error while processing this document (a bug in trecho, please report it): {message}")]
    Internal {
        /// The document's source.
        source_name: String,
        /// The panic message.
        message: String,
    },
}
