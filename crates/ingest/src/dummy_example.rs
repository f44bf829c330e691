//! A copy-me template for a new input format (compiled only in tests, so it stays correct
//! without being part of the API).
//!
//! To add a format:
//! 1. add a variant to `trecho_model::Format` (with its `as_str`/`parse` names);
//! 2. copy this file to `src/<purpose>.rs` (name it by purpose, not by library);
//! 3. decode bytes with `crate::text::decode` (empty and binary files become errors naming the
//!    file), build one [`Document`] per item with `source` set to `file#item-N` when a file holds
//!    several, report recoverable problems as [`Diagnostic`]s, respect [`Limits`];
//! 4. dispatch to it from `parse_with_limits` and teach `detect_format` its extension/sniff;
//! 5. add a fixture to `testdata/inputs/` (real public-domain text, or marked SYNTHETIC), a
//!    golden test in `crates/normalize/tests/golden.rs` and a fuzz target in `fuzz/`.

use crate::{Error, Limits};
use trecho_model::{Diagnostic, Document, Format};

/// Reads a file where each line starting with `## ` opens a new document (an example format).
pub(crate) fn parse(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    let text = crate::text::decode(bytes, source, diagnostics)?;
    let mut documents: Vec<Document> = Vec::new();
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            if documents.len() >= limits.max_documents {
                diagnostics.push(Diagnostic {
                    source: source.to_string(),
                    message: format!(
                        "more than {} documents: the rest were skipped",
                        limits.max_documents
                    ),
                });
                break;
            }
            documents.push(Document {
                source: format!("{source}#item-{}", documents.len() + 1),
                format: Format::Text,
                title: Some(title.trim().to_string()),
                ..Document::default()
            });
        } else if let Some(document) = documents.last_mut() {
            document.text.push_str(line);
            document.text.push('\n');
        }
    }
    if documents.is_empty() {
        return Err(Error::unreadable(
            source,
            "no line starting with \"## \" found",
        ));
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[(&str, &str)]) {
        let documents = parse(
            input.as_bytes(),
            "in.txt",
            &Limits::default(),
            &mut Vec::new(),
        )
        .unwrap_or_else(|err| panic!("{err}"));
        let found: Vec<(&str, &str)> = documents
            .iter()
            .map(|d| (d.title.as_deref().unwrap_or(""), d.text.as_str()))
            .collect();
        assert_eq!(found, expect);
    }

    #[test]
    fn one_document_per_heading() {
        check(
            "## Water\nMexico agreed to deliver water.\n## Tariffs\nThe U.S. paused tariffs.\n",
            &[
                ("Water", "Mexico agreed to deliver water.\n"),
                ("Tariffs", "The U.S. paused tariffs.\n"),
            ],
        );
    }
}
