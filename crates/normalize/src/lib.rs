//! Normalize: a [`Document`]'s text → canonical normalized text, sentences with byte offsets,
//! publication date (dateline) and language.
//!
//! Planned API: `run(&Document) -> Normalized`. No IO, no `Result`: problems become diagnostics.

use trecho_model::{Document, Lang, Normalized, Sentence};

/// Normalizes a document.
pub fn run(document: &Document) -> Normalized {
    let text = document
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let lang = document.lang.unwrap_or(Lang::En);
    let sentences = if text.is_empty() {
        Vec::new()
    } else {
        vec![Sentence {
            start: 0,
            end: text.len(),
            paragraph: 0,
            lang,
            speaker: None,
        }]
    };
    Normalized {
        text,
        sentences,
        published: document.published,
        lang,
        offset_map: Vec::new(),
        diagnostics: Vec::new(),
    }
}
