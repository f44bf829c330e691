//! Ingest: bytes of a file (or stdin) → [`Document`]s.
//!
//! One module per container format. Parsers never panic: bad input gives an [`Error`] naming
//! the problem, or a [`Diagnostic`] when the document could still be read.
//!
//! Planned API (filled in by the ingest work):
//! `parse(bytes, source, format) -> Result<Parsed, Error>` and
//! `detect_format(path, bytes) -> Format`.

use trecho_model::{Diagnostic, Document, Format};

/// What one input file gave.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The documents read (one for most formats; one per item or message for feeds and mailboxes).
    pub documents: Vec<Document>,
    /// Warnings about the input that did not stop it being read.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why an input could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not text of any kind trecho reads.
    #[error("{source_name}: {message}")]
    Unreadable {
        /// The file concerned.
        source_name: String,
        /// What was wrong.
        message: String,
    },
}

/// Reads one input in the given format.
pub fn parse(bytes: &[u8], source: &str, format: Format) -> Result<Parsed, Error> {
    let text = std::str::from_utf8(bytes).map_err(|err| Error::Unreadable {
        source_name: source.to_string(),
        message: format!("not valid UTF-8: {err}"),
    })?;
    Ok(Parsed {
        documents: vec![Document {
            source: source.to_string(),
            format,
            text: text.to_string(),
            ..Document::default()
        }],
        diagnostics: Vec::new(),
    })
}

/// Guesses the format of a file from its extension and first bytes.
pub fn detect_format(path: &std::path::Path, _bytes: &[u8]) -> Format {
    path.extension()
        .and_then(|ext| ext.to_str())
        .and_then(Format::parse)
        .unwrap_or(Format::Text)
}
