//! JSON Lines: one document per line, `{"id", "text", "published"?, "lang"?, "url"?, "title"?}`.
//!
//! The given `id` becomes [`Document::id`]. A line that cannot be read is a diagnostic naming
//! the file and line number; the other lines are still read.

use crate::{dates, Error, Limits};
use serde::Deserialize;
use trecho_model::{Diagnostic, Document, Format, Lang};

/// One input line.
#[derive(Debug, Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: String,
    published: Option<String>,
    lang: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Reads every line of a JSON Lines file.
pub(crate) fn parse(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    let text = crate::text::decode(bytes, source, diagnostics)?;
    let mut documents = Vec::new();
    let mut n_lines = 0usize;
    for (line_idx, line) in text.lines().enumerate() {
        let line_number = line_idx + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        n_lines += 1;
        if documents.len() >= limits.max_documents {
            diagnostics.push(Diagnostic {
                source: source.to_string(),
                message: format!(
                    "more than {} documents (Limits::max_documents): lines from {line_number} on were skipped",
                    limits.max_documents
                ),
            });
            break;
        }
        let problem = |message: String| Diagnostic {
            source: format!("{source}:{line_number}"),
            message: format!("line {line_number} skipped: {message}"),
        };
        let parsed: Line = match serde_json::from_str(line) {
            Ok(parsed) => parsed,
            Err(err) => {
                diagnostics.push(problem(format!(
                    "not a JSON object with a \"text\" string: {err}"
                )));
                continue;
            }
        };
        if parsed.text.trim().is_empty() {
            diagnostics.push(problem("\"text\" is empty".to_string()));
            continue;
        }
        if parsed.text.len() > limits.max_document_bytes {
            diagnostics.push(problem(crate::over_document_limit(
                "\"text\"",
                parsed.text.len(),
                limits,
            )));
            continue;
        }
        let id = match parsed.id {
            Some(serde_json::Value::String(id)) => id,
            Some(serde_json::Value::Number(number)) => number.to_string(),
            None | Some(serde_json::Value::Null) => String::new(),
            Some(other) => {
                diagnostics.push(problem(format!(
                    "\"id\" must be a string or number, not {other}"
                )));
                continue;
            }
        };
        let published = match parsed.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => {
                let date = dates::parse(value);
                if date.is_none() {
                    diagnostics.push(Diagnostic {
                        source: format!("{source}:{line_number}"),
                        message: format!(
                            "line {line_number}: \"published\" {value:?} is not a date, ignored"
                        ),
                    });
                }
                date
            }
        };
        let lang = match parsed.lang.as_deref() {
            None | Some("") => None,
            Some(value) => {
                let lang = Lang::parse(value);
                if lang.is_none() {
                    diagnostics.push(Diagnostic {
                        source: format!("{source}:{line_number}"),
                        message: format!("line {line_number}: \"lang\" {value:?} is not en or es, detected instead"),
                    });
                }
                lang
            }
        };
        let item_source = if id.is_empty() {
            format!("{source}#line-{line_number}")
        } else {
            format!("{source}#{id}")
        };
        documents.push(Document {
            id,
            source: item_source,
            format: Format::Jsonl,
            title: parsed.title.filter(|title| !title.trim().is_empty()),
            url: parsed.url.filter(|url| !url.trim().is_empty()),
            published,
            lang,
            text: parsed.text,
        });
    }
    if n_lines > 0 && documents.is_empty() {
        return Err(Error::unreadable(
            source,
            format!(
                "none of the {n_lines} lines is a JSON object with a \"text\" string; give one \
                 object per line, e.g. {{\"text\": \"...\"}}, or pass --input-format text"
            ),
        ));
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let input = b"{\"id\":\"a\",\"text\":\"Mexico agreed.\",\"published\":\"2025-04-28\",\"lang\":\"en\"}\n\
                      not json\n\
                      \n\
                      {\"id\":7,\"text\":\"La presidenta dijo que no.\",\"lang\":\"es\",\"title\":\"T\"}\n\
                      {\"id\":\"c\"}\n";
        let mut diagnostics = Vec::new();
        let documents = parse(input, "in.jsonl", &Limits::default(), &mut diagnostics).unwrap();
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].id, "a");
        assert_eq!(
            documents[0].published.map(|d| d.to_string()).as_deref(),
            Some("2025-04-28")
        );
        assert_eq!(documents[1].id, "7");
        assert_eq!(documents[1].lang, Some(Lang::Es));
        assert_eq!(documents[1].title.as_deref(), Some("T"));
        let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("in.jsonl:2: line 2 skipped"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("in.jsonl:5: line 5 skipped"),
            "{messages:?}"
        );
    }

    #[test]
    fn all_bad_is_an_error() {
        let err = parse(b"[1,2]\n", "in.jsonl", &Limits::default(), &mut Vec::new()).unwrap_err();
        assert!(
            err.to_string().starts_with("in.jsonl: none of the 1 lines"),
            "{err}"
        );
    }
}
