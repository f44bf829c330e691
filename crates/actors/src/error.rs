//! Errors from loading actor dictionary files.

/// An error found while reading a dictionary file; it names the file and the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct Error {
    /// The file (or other source) being read.
    pub source_name: String,
    /// The 1-based line number where the problem is.
    pub line: usize,
    /// What was wrong, lowercase, no trailing period.
    pub message: String,
}
