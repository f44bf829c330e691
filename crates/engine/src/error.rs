//! The engine's error type. Every message names the file concerned and what failed.

use std::path::PathBuf;

/// Why an input, a dictionary or the store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {}", io_problem(source))]
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
    #[error("{}", dictionary_problem(path, source))]
    Dictionary {
        /// The dictionary file.
        path: PathBuf,
        /// What was wrong with it.
        source: trecho_extract::Error,
    },
    /// A gold file could not be read for evaluation.
    #[error("{}", gold_problem(.0))]
    Eval(trecho_extract::Error),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] trecho_store::Error),
    /// The store failed while storing something named in `what`.
    #[error("{what}: {source}")]
    Storing {
        /// What was being stored ("storing 64 documents starting with a.txt").
        what: String,
        /// The store's error (boxed: it is large, and rare).
        source: Box<trecho_store::Error>,
    },
    /// A stage panicked on a document. This is a bug in trecho; the run goes on without it.
    #[error("{source_name}: internal error while processing this document (a bug in trecho, please report it): {message}")]
    Internal {
        /// The document's source.
        source_name: String,
        /// The panic message.
        message: String,
    },
}

/// The one message for a store that does not exist, said the same by every command and the
/// server (queries never create a store: a typo in `--db` must not look like an empty one).
pub fn no_store(path: &std::path::Path) -> String {
    format!(
        "no store at {}: run `trecho ingest FILES…` first to read documents into it, or pass \
         --db FILE",
        path.display()
    )
}

/// An IO error in words, with what to do about it. An error made by trecho (not the OS) keeps
/// its own text, which says more than the kind.
pub fn io_problem(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let (what, remedy) = match error.kind() {
        ErrorKind::NotFound => ("no such file or directory", "check the path"),
        ErrorKind::PermissionDenied => ("permission denied", "check the file's permissions"),
        ErrorKind::IsADirectory => ("is a directory", "give a file"),
        ErrorKind::InvalidData => ("not valid UTF-8 text", "convert the file to UTF-8"),
        _ => return format!("{error}; check the file"),
    };
    if error.raw_os_error().is_some() {
        format!("{what}; {remedy}")
    } else {
        format!("{error}; {remedy}")
    }
}

/// A dictionary error: the file and line from the actors crate, and the remedy.
fn dictionary_problem(path: &std::path::Path, error: &trecho_extract::Error) -> String {
    match error {
        // The actors error already names the file and the line.
        trecho_extract::Error::Actors(inner) => format!(
            "actor dictionary {inner}; fix that line (or leave out --actors {})",
            path.display()
        ),
        other => format!("actor dictionary {}: {other}", path.display()),
    }
}

/// A gold-file error with what to do about it.
fn gold_problem(error: &trecho_extract::Error) -> String {
    match error {
        trecho_extract::Error::Io { path, source } => {
            format!("gold file {}: {}", path.display(), io_problem(source))
        }
        trecho_extract::Error::Gold { .. } => format!("gold file {error}; fix that line"),
        other => other.to_string(),
    }
}
