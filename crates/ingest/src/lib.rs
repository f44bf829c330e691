//! Ingest: bytes of a file (or stdin) → [`Document`]s.
//!
//! One module per container format: `text` (plain text), `html`, `email` (`.eml` and
//! `.mbox`), `feed` (RSS 2.0 and Atom), `transcript` and `jsonl`. Parsers never panic: bad
//! input gives an [`Error`] naming the file and the problem, or a [`Diagnostic`] when the
//! document could still be read. [`Limits`] bound the memory any one input can take.
//!
//! # Sources
//!
//! [`Document::source`] is the `source` given to [`parse`] for single-document formats,
//! `source#item-N` for feed items, `source#message-N` for mbox messages and `source#ID` (or
//! `source#line-N` without an id) for JSON Lines. Diagnostics about one JSON line name it as
//! `source:N`.
//!
//! # Transcripts
//!
//! A [`Format::Transcript`] document's text is a sequence of paragraphs separated by a blank
//! line. A paragraph that opens a turn starts with `LABEL: ` where `LABEL` is the speaker as
//! written (one to eight words: `THE PRESIDENT`, `PRESIDENTA CLAUDIA SHEINBAUM PARDO`, `Q`,
//! `Secretary Rubio`). Paragraphs without a label continue the previous turn; text before the
//! first label has no speaker. The reader recognises upper-case labels followed by `:`, White
//! House style `Q` followed by a tab or spaces, and title-case labels that open at least two
//! lines. `trecho-normalize` sets `Sentence::speaker` from the label and keeps the label out of
//! the sentence spans.
//!
//! ```
//! use trecho_model::Format;
//! let bytes = b"Mexico agreed to send 10,000 soldiers to the border.\n";
//! let parsed = trecho_ingest::parse(bytes, "note.txt", Format::Text).unwrap();
//! assert_eq!(parsed.documents.len(), 1);
//! assert_eq!(parsed.documents[0].source, "note.txt");
//! ```

mod dates;
#[cfg(test)]
mod dummy_example;
mod email;
mod feed;
mod html;
mod jsonl;
mod text;
mod transcript;

use std::path::Path;
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
    /// The input is not text of any kind trecho reads, or is over a limit.
    #[error("{source_name}: {message}")]
    Unreadable {
        /// The file concerned.
        source_name: String,
        /// What was wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn unreadable(source: &str, message: impl Into<String>) -> Error {
        Error::Unreadable {
            source_name: source.to_string(),
            message: message.into(),
        }
    }
}

/// Bounds on what one input may cost. Inputs over a limit give an [`Error`] (or, for one
/// document of many, a [`Diagnostic`] and the document is skipped) instead of exhausting memory.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_input_bytes: usize,
    /// Largest text of one document after extraction, in bytes.
    pub max_document_bytes: usize,
    /// Most documents read from one file (feed items, mbox messages, JSON lines).
    pub max_documents: usize,
    /// Deepest HTML element nesting accepted (real pages stay far below it; deeper markup
    /// makes the HTML tree builder slow).
    pub max_html_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 256 * 1024 * 1024,
            // The engine processes long documents in parts in bounded memory, so one document
            // may be large; 64 MiB is a whole book, far beyond any article or transcript.
            max_document_bytes: 64 * 1024 * 1024,
            max_documents: 1_000_000,
            max_html_depth: 512,
        }
    }
}

/// Reads one input in the given format with the default [`Limits`].
pub fn parse(bytes: &[u8], source: &str, format: Format) -> Result<Parsed, Error> {
    parse_with_limits(bytes, source, format, &Limits::default())
}

/// Reads one input in the given format.
pub fn parse_with_limits(
    bytes: &[u8],
    source: &str,
    format: Format,
    limits: &Limits,
) -> Result<Parsed, Error> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Error::unreadable(
            source,
            format!(
                "input is {} bytes ({}), over the limit of {} bytes ({}); raise it with \
                 --max-input-size (Limits::max_input_bytes)",
                bytes.len(),
                mebibytes(bytes.len()),
                limits.max_input_bytes,
                mebibytes(limits.max_input_bytes)
            ),
        ));
    }
    let mut diagnostics = Vec::new();
    let documents = match format {
        Format::Text => text::parse(bytes, source, limits, &mut diagnostics)?,
        Format::Html => html::parse(bytes, source, limits, &mut diagnostics)?,
        Format::Email => email::parse_message(bytes, source, limits, &mut diagnostics)?,
        Format::Mbox => email::parse_mbox(bytes, source, limits, &mut diagnostics)?,
        Format::Feed => feed::parse(bytes, source, limits, &mut diagnostics)?,
        Format::Transcript => transcript::parse(bytes, source, limits, &mut diagnostics)?,
        Format::Jsonl => jsonl::parse(bytes, source, limits, &mut diagnostics)?,
    };
    Ok(Parsed {
        documents,
        diagnostics,
    })
}

/// Guesses the format of a file: from its extension first, then by sniffing its first bytes
/// (`<html`, `<rss`/`<feed`, a `From ` mbox line, RFC 5322 headers, JSON lines, transcript
/// speaker labels). Anything else is plain text.
pub fn detect_format(path: &Path, bytes: &[u8]) -> Format {
    let by_extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .and_then(Format::parse);
    match by_extension {
        // A `.txt` file may still be a transcript: look at its labels.
        Some(Format::Text) => match sniff(bytes) {
            Format::Transcript => Format::Transcript,
            _ => Format::Text,
        },
        Some(format) => format,
        None => sniff(bytes),
    }
}

/// How many leading bytes [`detect_format`] looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// Guesses the format from content alone.
fn sniff(bytes: &[u8]) -> Format {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start_matches('\u{FEFF}').trim_start();
    let lower_start: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_start.starts_with("from ") {
        return Format::Mbox;
    }
    if lower_start.contains("<rss")
        || lower_start.contains("<feed")
        || lower_start.contains("<rdf:rdf")
    {
        return Format::Feed;
    }
    if lower_start.starts_with("<!doctype html")
        || lower_start.contains("<html")
        || lower_start.contains("<body")
    {
        return Format::Html;
    }
    if looks_like_headers(head) {
        return Format::Email;
    }
    if looks_like_json_lines(head) {
        return Format::Jsonl;
    }
    if transcript::count_upper_case_turns(head) >= 2 {
        return Format::Transcript;
    }
    Format::Text
}

/// RFC 5322: the file starts with `Name: value` header lines including a `From`, `Date`,
/// `Subject` or `Message-ID`, up to a blank line.
fn looks_like_headers(head: &str) -> bool {
    let mut n_headers = 0;
    let mut known = false;
    for line in head.lines().take(60) {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty()
            || !name
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        {
            return false;
        }
        n_headers += 1;
        known |= matches!(
            name.to_ascii_lowercase().as_str(),
            "from"
                | "date"
                | "subject"
                | "message-id"
                | "mime-version"
                | "received"
                | "return-path"
        );
    }
    n_headers >= 2 && known
}

/// Every non-empty line among the first few is a JSON object.
fn looks_like_json_lines(head: &str) -> bool {
    let mut n_objects = 0;
    for line in head
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(5)
    {
        if !(line.starts_with('{') && (line.ends_with('}') || line.len() > 4_000)) {
            return false;
        }
        n_objects += 1;
    }
    n_objects > 0
}

/// Refuses a single document whose text is over [`Limits::max_document_bytes`].
pub(crate) fn check_document_size(text: &str, source: &str, limits: &Limits) -> Result<(), Error> {
    if text.len() > limits.max_document_bytes {
        return Err(Error::unreadable(
            source,
            over_document_limit("document text", text.len(), limits),
        ));
    }
    Ok(())
}

/// The message for a document text over [`Limits::max_document_bytes`]: its size, the limit
/// and how to raise it.
pub(crate) fn over_document_limit(what: &str, bytes: usize, limits: &Limits) -> String {
    format!(
        "{what} is {bytes} bytes ({}), over the limit of {} bytes ({}) for one document; \
         raise it with --max-document-size (Limits::max_document_bytes)",
        mebibytes(bytes),
        limits.max_document_bytes,
        mebibytes(limits.max_document_bytes)
    )
}

/// A size in MiB for messages, e.g. `50.0 MiB`.
pub fn mebibytes(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
