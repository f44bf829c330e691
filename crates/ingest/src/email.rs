//! Email: one RFC 5322 message (`.eml`) or a Unix mailbox of several (`.mbox`).
//!
//! MIME multipart, quoted-printable, base64 and declared charsets are decoded by `mail-parser`.
//! The body is the first `text/plain` part, else the first `text/html` part run through the
//! HTML extractor. Subject → title, `Date` → published (except for forwarded messages, whose
//! `Date` is the forwarding day, not the article's: normalization finds the dateline instead).

use crate::{dates, html, Error, Limits};
use chrono::NaiveDate;
use mail_parser::{Message, MessageParser, PartType};
use trecho_model::{Diagnostic, Document, Format};

/// Reads one `.eml` message.
pub(crate) fn parse_message(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::unreadable(
            source,
            "the file is empty (no message to read)",
        ));
    }
    if crate::text::looks_binary(bytes) {
        return Err(Error::unreadable(
            source,
            "looks like a binary file (NUL bytes or mostly control characters), not an email",
        ));
    }
    let document = read_message(bytes, source, limits, diagnostics)?;
    crate::check_document_size(&document.text, source, limits)?;
    Ok(vec![document])
}

/// Reads every message of an mbox file; a message that cannot be read is a diagnostic.
pub(crate) fn parse_mbox(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    if crate::text::looks_binary(bytes) {
        return Err(Error::unreadable(
            source,
            "looks like a binary file (NUL bytes or mostly control characters), not a mailbox",
        ));
    }
    let messages = split_mbox(bytes);
    if messages.is_empty() {
        return Err(Error::unreadable(
            source,
            "no messages found in the mailbox (no line starting with \"From \")",
        ));
    }
    let mut documents = Vec::new();
    for (message_idx, message) in messages.iter().enumerate() {
        let item_source = format!("{source}#message-{}", message_idx + 1);
        if documents.len() >= limits.max_documents {
            diagnostics.push(Diagnostic {
                source: source.to_string(),
                message: format!(
                    "more than {} messages (Limits::max_documents): the rest were skipped",
                    limits.max_documents
                ),
            });
            break;
        }
        match read_message(message, &item_source, limits, diagnostics) {
            Ok(document) if document.text.len() > limits.max_document_bytes => {
                diagnostics.push(Diagnostic {
                    source: item_source,
                    message: format!(
                        "{}: skipped",
                        crate::over_document_limit("message text", document.text.len(), limits)
                    ),
                });
            }
            Ok(document) => documents.push(Document {
                format: Format::Mbox,
                ..document
            }),
            Err(err) => diagnostics.push(Diagnostic {
                source: item_source,
                message: format!("skipped: {}", error_message(&err)),
            }),
        }
    }
    Ok(documents)
}

fn error_message(err: &Error) -> String {
    match err {
        Error::Unreadable { message, .. } => message.clone(),
    }
}

/// Splits an mbox into raw messages at `From ` separator lines (at the start or after an
/// empty line), undoing `>From ` quoting.
fn split_mbox(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut previous_blank = true;
    for line in bytes.split_inclusive(|&byte| byte == b'\n') {
        let is_separator = line.starts_with(b"From ") && previous_blank;
        previous_blank = line.iter().all(u8::is_ascii_whitespace);
        if is_separator {
            if let Some(message) = current.take() {
                messages.push(message);
            }
            current = Some(Vec::new());
            continue;
        }
        let Some(message) = current.as_mut() else {
            // Text before the first separator is not part of any message.
            continue;
        };
        let unquoted = match line.iter().position(|&byte| byte != b'>') {
            Some(at)
                if at > 0
                    && line
                        .get(at..)
                        .is_some_and(|rest| rest.starts_with(b"From ")) =>
            {
                line.get(1..).unwrap_or(line)
            }
            _ => line,
        };
        message.extend_from_slice(unquoted);
    }
    if let Some(message) = current {
        messages.push(message);
    }
    messages
        .into_iter()
        .filter(|message| !message.iter().all(u8::is_ascii_whitespace))
        .collect()
}

/// The most attached (`message/rfc822`) messages one message may hold. `mail-parser` nests
/// them without a bound and drops them recursively, so thousands could overflow the stack.
const MAX_ATTACHED_MESSAGES: usize = 64;

/// Counts `message/rfc822` and `message/global` content types, case-insensitively.
fn count_attached_messages(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    while let Some(at) = rest.iter().position(|&byte| byte == b'/') {
        let before = rest.get(at.saturating_sub(7)..at).unwrap_or(&[]);
        let after = rest.get(at + 1..).unwrap_or(&[]);
        if before.eq_ignore_ascii_case(b"message")
            && (after
                .get(..6)
                .is_some_and(|word| word.eq_ignore_ascii_case(b"rfc822"))
                || after
                    .get(..6)
                    .is_some_and(|word| word.eq_ignore_ascii_case(b"global")))
        {
            count += 1;
        }
        rest = after;
    }
    count
}

/// Parses one message into a document.
fn read_message(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Document, Error> {
    let n_attached = count_attached_messages(bytes);
    if n_attached > MAX_ATTACHED_MESSAGES {
        return Err(Error::unreadable(
            source,
            format!(
                "the message holds {n_attached} attached messages (message/rfc822), over the limit of {MAX_ATTACHED_MESSAGES}"
            ),
        ));
    }
    let message = MessageParser::default().parse(bytes).ok_or_else(|| {
        Error::unreadable(
            source,
            "not an email message (no headers or body could be parsed)",
        )
    })?;
    if message.headers().is_empty() {
        return Err(Error::unreadable(
            source,
            "not an email message (no RFC 5322 headers found)",
        ));
    }
    let title = message
        .subject()
        .map(|subject| subject.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|subject| !subject.is_empty());
    let forwarded = title.as_deref().is_some_and(is_forward_subject);
    let body = body_text(&message, source, limits, diagnostics);
    let Some(text) = body.filter(|text| !text.trim().is_empty()) else {
        return Err(Error::unreadable(
            source,
            "the message has no text/plain or text/html body",
        ));
    };
    let forwarded =
        forwarded || text.contains("Forwarded message") || text.contains("Begin forwarded message");
    let published = if forwarded {
        None
    } else {
        message_date(&message)
    };
    Ok(Document {
        source: source.to_string(),
        format: Format::Email,
        title,
        published,
        text,
        ..Document::default()
    })
}

fn is_forward_subject(subject: &str) -> bool {
    let lower = subject.trim_start().to_ascii_lowercase();
    ["fwd:", "fw:", "rv:", "reenv:", "tr:"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

fn message_date(message: &Message<'_>) -> Option<NaiveDate> {
    let date = message.date()?;
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .or_else(|| dates::parse(&date.to_rfc3339()))
}

/// The first text/plain body part, else the first text/html part as extracted text. Parts of
/// an attached (forwarded) message are searched when the message itself has none.
fn body_text(
    message: &Message<'_>,
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    // Walk nested messages without recursion: a stack of messages to look into.
    let mut pending: Vec<&Message<'_>> = vec![message];
    let mut html_fallback: Option<String> = None;
    let mut visited = 0usize;
    while let Some(current) = pending.pop() {
        visited += 1;
        if visited > 64 {
            diagnostics.push(Diagnostic {
                source: source.to_string(),
                message: "more than 64 nested messages: the rest were not read".to_string(),
            });
            break;
        }
        for part in current.text_bodies() {
            if let PartType::Text(text) = &part.body {
                if !text.trim().is_empty() {
                    return Some(text.to_string());
                }
            }
        }
        if html_fallback.is_none() {
            for part in current.html_bodies() {
                if let PartType::Html(markup) = &part.body {
                    match html::extract_limited(markup, limits) {
                        Ok(extracted) if !extracted.text.trim().is_empty() => {
                            html_fallback = Some(extracted.text);
                            break;
                        }
                        Ok(_) => {}
                        Err(message) => diagnostics.push(Diagnostic {
                            source: source.to_string(),
                            message: format!("text/html part skipped: {message}"),
                        }),
                    }
                }
            }
        }
        for part in current.parts.iter() {
            if let PartType::Message(nested) = &part.body {
                pending.push(nested);
            }
        }
    }
    html_fallback
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Document, String> {
        let mut diagnostics = Vec::new();
        parse_message(bytes, "in.eml", &Limits::default(), &mut diagnostics)
            .map(|mut documents| documents.remove(0))
            .map_err(|err| err.to_string())
    }

    #[test]
    fn quoted_printable_utf8() {
        let document = read(
            b"From: a@example.org\r\nSubject: Agua\r\nDate: Fri, 12 Dec 2025 19:17:00 +0000\r\n\
              Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
              M=C3=A9xico entregar=C3=A1 agua a Texas, dijo la canciller=C3=ADa.\r\n",
        )
        .unwrap();
        assert_eq!(document.title.as_deref(), Some("Agua"));
        assert_eq!(
            document.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(
            document.text.trim(),
            "México entregará agua a Texas, dijo la cancillería."
        );
    }

    #[test]
    fn html_only_multipart_uses_html_extractor() {
        let document = read(
            b"From: a@example.org\r\nSubject: News\r\nMIME-Version: 1.0\r\n\
              Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n\
              --b1\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\n\
              PG5hdj5Ib21lPC9uYXY+PHA+U2Vjb25kIHBhcmFncmFwaC48L3A+\r\n--b1--\r\n",
        )
        .unwrap();
        assert_eq!(document.text, "Second paragraph.");
    }

    #[test]
    fn forwarded_messages_leave_the_date_to_the_dateline() {
        let document = read(
            b"From: a@example.org\r\nSubject: Fwd: Weekly\r\nDate: Mon, 29 Dec 2025 08:00:00 +0000\r\n\r\nBody.\r\n",
        )
        .unwrap();
        assert_eq!(document.published, None);
    }

    #[test]
    fn mbox_messages_are_split() {
        let mbox = b"From a@example.org Fri Dec 12 19:17:00 2025\nSubject: One\n\nFirst body.\n>From the river.\n\nFrom b@example.org Sat Dec 13 10:00:00 2025\nSubject: Two\n\nSecond body.\n";
        let mut diagnostics = Vec::new();
        let documents = parse_mbox(mbox, "box.mbox", &Limits::default(), &mut diagnostics).unwrap();
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].source, "box.mbox#message-1");
        assert_eq!(documents[0].format, Format::Mbox);
        assert!(documents[0].text.contains("From the river."));
        assert_eq!(documents[1].title.as_deref(), Some("Two"));
    }

    #[test]
    fn deeply_nested_messages_are_refused() {
        let mut message = String::new();
        for _ in 0..20_000 {
            message.push_str("From: a@example.org\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        message.push_str("From: a@example.org\r\n\r\nInnermost.\r\n");
        let err = read(message.as_bytes()).unwrap_err();
        assert!(err.contains("20000 attached messages"), "{err}");
        let nested = "From: a@example.org\r\nSubject: Outer\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.org\r\n\r\nInner text.\r\n";
        assert_eq!(read(nested.as_bytes()).unwrap().text.trim(), "Inner text.");
    }

    #[test]
    fn not_an_email() {
        let err = read(b"").unwrap_err();
        assert!(err.starts_with("in.eml: the file is empty"), "{err}");
    }
}
