//! Feeds: RSS 2.0 (also RSS 1.0/RDF) and Atom, one document per item or entry.
//!
//! Each item gives title, link, date (RFC 2822 or RFC 3339) and text from
//! `content:encoded`/`content` or `description`/`summary` (the longer one), with any HTML in
//! it stripped by the HTML extractor. A truncated or broken feed keeps its complete items and
//! adds a diagnostic naming the file.

use crate::{dates, html, Error, Limits};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use trecho_model::{Diagnostic, Document, Format, Lang};

/// The parts of one item collected so far.
#[derive(Debug, Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    guid_link: Option<String>,
    /// (rank, date): lower rank wins (published before updated).
    date: Option<(u8, String)>,
    description: String,
    content: String,
}

/// Which field of an item the text being read belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Date(u8),
    Description,
    Content,
    Language,
}

/// Reads every item of a feed.
pub(crate) fn parse(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    let text = decode(bytes, source, diagnostics)?;
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = false;

    let mut documents = Vec::new();
    let mut depth = 0usize;
    let mut saw_feed_root = false;
    let mut feed_lang: Option<Lang> = None;
    let mut item: Option<(Item, usize)> = None;
    // The field being read and the depth of its element.
    let mut field: Option<(Field, usize)> = None;
    let mut n_items = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let position = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                let message = if position >= text.len() {
                    // The error is at the very end: the file was cut off.
                    format!(
                        "feed is truncated ({err}): kept the {} complete items",
                        documents.len()
                    )
                } else {
                    format!(
                        "feed is not well-formed XML near byte {position} ({err}): kept the {} complete items before it",
                        documents.len()
                    )
                };
                diagnostics.push(Diagnostic {
                    source: source.to_string(),
                    message,
                });
                break;
            }
        };
        match event {
            Event::Start(start) => {
                depth += 1;
                let name = local_name(&start);
                if matches!(name.as_str(), "rss" | "feed" | "rdf" | "channel") {
                    saw_feed_root = true;
                }
                if let Some((current, item_depth)) = item.as_mut() {
                    if field.is_none() && depth == *item_depth + 1 {
                        field = item_field(&name).map(|found| (found, depth));
                        if name == "link" {
                            take_atom_link(&start, current);
                        }
                    } else if let Some((Field::Description | Field::Content, _)) = field {
                        // XHTML content: keep block structure for the HTML extractor.
                        push_tag(current, field, &start, false);
                    }
                } else if matches!(name.as_str(), "item" | "entry") {
                    n_items += 1;
                    item = Some((Item::default(), depth));
                } else if name == "language" {
                    field = Some((Field::Language, depth));
                }
            }
            Event::Empty(start) => {
                if let Some((current, item_depth)) = item.as_mut() {
                    let name = local_name(&start);
                    if name == "link" && depth == *item_depth {
                        take_atom_link(&start, current);
                    } else if field.is_some() {
                        push_tag(current, field, &start, true);
                    }
                }
            }
            Event::End(end) => {
                let name = String::from_utf8_lossy(end.local_name().as_ref()).to_ascii_lowercase();
                if let Some((_, field_depth)) = field {
                    if field_depth == depth {
                        field = None;
                    } else if let Some((current, _)) = item.as_mut() {
                        if let Some((Field::Description | Field::Content, _)) = field {
                            let target = if matches!(field, Some((Field::Content, _))) {
                                &mut current.content
                            } else {
                                &mut current.description
                            };
                            target.push_str("</");
                            target.push_str(&name);
                            target.push('>');
                        }
                    }
                }
                if let Some((_, item_depth)) = &item {
                    if *item_depth == depth {
                        if let Some((finished, _)) = item.take() {
                            let item_source = format!("{source}#item-{n_items}");
                            if documents.len() >= limits.max_documents {
                                diagnostics.push(Diagnostic {
                                    source: source.to_string(),
                                    message: format!(
                                        "more than {} items (Limits::max_documents): the rest were skipped",
                                        limits.max_documents
                                    ),
                                });
                                break;
                            }
                            match finish(finished, &item_source, feed_lang, limits) {
                                Ok(document) => documents.push(document),
                                Err(message) => diagnostics.push(Diagnostic {
                                    source: item_source,
                                    message,
                                }),
                            }
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) => {
                let value = text
                    .unescape()
                    .map(|value| value.into_owned())
                    .unwrap_or_else(|_| {
                        // Undeclared HTML entities (&nbsp;) are common in feeds.
                        let raw = String::from_utf8_lossy(text.as_ref()).into_owned();
                        html_escape::decode_html_entities(&raw).into_owned()
                    });
                push_text(&mut item, field, &value, &mut feed_lang);
            }
            Event::CData(data) => {
                let value = String::from_utf8_lossy(data.as_ref()).into_owned();
                push_text(&mut item, field, &value, &mut feed_lang);
            }
            Event::Eof => {
                if item.is_some() || depth > 0 {
                    diagnostics.push(Diagnostic {
                        source: source.to_string(),
                        message: format!(
                            "feed is truncated (ends inside {}): kept the {} complete items",
                            if item.is_some() {
                                "an item"
                            } else {
                                "an open element"
                            },
                            documents.len()
                        ),
                    });
                }
                break;
            }
            _ => {}
        }
    }
    if documents.is_empty() {
        let reason = if saw_feed_root || n_items > 0 {
            "no complete item with text in the feed"
        } else {
            "not an RSS or Atom feed (no <rss>, <feed> or <item> element)"
        };
        return Err(Error::unreadable(source, reason));
    }
    Ok(documents)
}

/// Decodes feed bytes: the encoding declared in the XML prolog, else UTF-8 (Windows-1252
/// fallback, like plain text).
fn decode(bytes: &[u8], source: &str, diagnostics: &mut Vec<Diagnostic>) -> Result<String, Error> {
    let head = bytes.get(..200).unwrap_or(bytes);
    let head_text = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(at) = head_text.find("encoding=") {
        let label: String = head_text[at + "encoding=".len()..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_'))
            .collect();
        if let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if encoding != encoding_rs::UTF_8 && !crate::text::looks_binary(bytes) {
                let (decoded, _, _) = encoding.decode(bytes);
                return Ok(decoded.into_owned());
            }
        }
    }
    crate::text::decode(bytes, source, diagnostics)
}

fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).to_ascii_lowercase()
}

fn item_field(name: &str) -> Option<Field> {
    Some(match name {
        "title" => Field::Title,
        "link" => Field::Link,
        "guid" | "id" => Field::Guid,
        "published" | "issued" => Field::Date(0),
        "pubdate" => Field::Date(1),
        "date" | "created" => Field::Date(2),
        "updated" | "modified" => Field::Date(3),
        "description" | "summary" => Field::Description,
        "encoded" | "content" => Field::Content,
        _ => return None,
    })
}

/// Atom `<link href="…" rel="alternate"/>`.
fn take_atom_link(start: &BytesStart<'_>, item: &mut Item) {
    let mut href = None;
    let mut rel = None;
    for attribute in start.attributes().flatten() {
        let value = attribute
            .unescape_value()
            .map(|value| value.into_owned())
            .unwrap_or_default();
        match attribute.key.local_name().as_ref() {
            b"href" => href = Some(value),
            b"rel" => rel = Some(value),
            _ => {}
        }
    }
    if let Some(href) = href {
        if rel.as_deref().is_none_or(|rel| rel == "alternate") && item.link.is_none() {
            item.link = Some(href.trim().to_string());
        }
    }
}

/// Keeps an XHTML tag inside Atom content so the HTML extractor sees its structure.
fn push_tag(item: &mut Item, field: Option<(Field, usize)>, start: &BytesStart<'_>, empty: bool) {
    let target = match field {
        Some((Field::Content, _)) => &mut item.content,
        Some((Field::Description, _)) => &mut item.description,
        _ => return,
    };
    target.push('<');
    target.push_str(&local_name(start));
    target.push_str(if empty { "/>" } else { ">" });
}

fn push_text(
    item: &mut Option<(Item, usize)>,
    field: Option<(Field, usize)>,
    value: &str,
    feed_lang: &mut Option<Lang>,
) {
    let Some((field, _)) = field else {
        return;
    };
    let Some((item, _)) = item.as_mut() else {
        if field == Field::Language {
            *feed_lang = Lang::parse(value);
        }
        return;
    };
    match field {
        Field::Title => item.title.get_or_insert_with(String::new).push_str(value),
        Field::Link => item.link.get_or_insert_with(String::new).push_str(value),
        Field::Guid => item
            .guid_link
            .get_or_insert_with(String::new)
            .push_str(value),
        Field::Date(rank) => match &mut item.date {
            Some((best, text)) if *best == rank => text.push_str(value),
            Some((best, _)) if *best < rank => {}
            _ => item.date = Some((rank, value.to_string())),
        },
        Field::Description => {
            // Escaped HTML arrives as text; keep it as markup for the extractor.
            item.description.push_str(&escape_if_plain(value));
        }
        Field::Content => item.content.push_str(&escape_if_plain(value)),
        Field::Language => {}
    }
}

/// Text is passed on as markup; a lone `<` or `&` in plain text must not start a tag.
fn escape_if_plain(value: &str) -> String {
    if value.contains('<') && value.contains('>') {
        value.to_string()
    } else {
        value.replace('&', "&amp;").replace('<', "&lt;")
    }
}

/// Turns a complete item into a document, or says why it has no text.
fn finish(
    item: Item,
    source: &str,
    feed_lang: Option<Lang>,
    limits: &Limits,
) -> Result<Document, String> {
    let body = if item.content.trim().len() >= item.description.trim().len() {
        item.content
    } else {
        item.description
    };
    let text = html::extract_limited(&body, limits)
        .map_err(|message| format!("item skipped: {message}"))?
        .text;
    if text.trim().is_empty() {
        return Err("item skipped: no description or content text".to_string());
    }
    if text.len() > limits.max_document_bytes {
        return Err(format!(
            "item skipped: {}",
            crate::over_document_limit("text", text.len(), limits)
        ));
    }
    let link = item
        .link
        .map(|link| link.trim().to_string())
        .filter(|link| !link.is_empty())
        .or_else(|| {
            item.guid_link
                .map(|guid| guid.trim().to_string())
                .filter(|guid| guid.starts_with("http://") || guid.starts_with("https://"))
        });
    let title = item
        .title
        .map(|title| {
            html::extract_limited(&title, limits)
                .map(|extracted| extracted.text)
                .unwrap_or(title)
        })
        .map(|title| title.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|title| !title.is_empty());
    Ok(Document {
        source: source.to_string(),
        format: Format::Feed,
        title,
        url: link,
        published: item.date.and_then(|(_, date)| dates::parse(&date)),
        lang: feed_lang,
        text,
        ..Document::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> (Vec<Document>, Vec<String>) {
        let mut diagnostics = Vec::new();
        let documents = parse(
            input.as_bytes(),
            "feed.xml",
            &Limits::default(),
            &mut diagnostics,
        )
        .unwrap_or_else(|err| panic!("{err}"));
        (
            documents,
            diagnostics.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn rss_items() {
        let (documents, diagnostics) = read(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>C</title><language>es-mx</language>
            <item><title>Uno &amp; dos</title><link>https://example.gob/1</link><pubDate>Fri, 12 Dec 2025 19:17:00 +0000</pubDate>
            <description>&lt;p&gt;Short.&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>México entregará agua.</p><p>Segundo párrafo.</p>]]></content:encoded></item>
            <item><title>Two</title><description>Plain text &amp; more.</description></item>
            </channel></rss>"#,
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].title.as_deref(), Some("Uno & dos"));
        assert_eq!(documents[0].url.as_deref(), Some("https://example.gob/1"));
        assert_eq!(
            documents[0].published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(
            documents[0].text,
            "México entregará agua.\n\nSegundo párrafo."
        );
        assert_eq!(documents[0].lang, Some(Lang::Es));
        assert_eq!(documents[0].source, "feed.xml#item-1");
        assert_eq!(documents[1].text, "Plain text & more.");
    }

    #[test]
    fn atom_entries() {
        let (documents, _) = read(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><title type="html">Readout</title><link rel="alternate" href="https://example.gov/r"/>
            <published>2026-01-11T10:00:00-05:00</published><updated>2026-01-12T00:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content></entry></feed>"#,
        );
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].url.as_deref(), Some("https://example.gov/r"));
        assert_eq!(
            documents[0].published.map(|d| d.to_string()).as_deref(),
            Some("2026-01-11")
        );
        assert_eq!(documents[0].text, "First.\n\nSecond.");
    }

    #[test]
    fn truncated_feed_keeps_complete_items() {
        let (documents, diagnostics) = read(
            "<rss><channel><item><title>A</title><description>Complete item.</description></item><item><title>B</title><description>Cut o",
        );
        assert_eq!(documents.len(), 1);
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].starts_with("feed.xml: feed is truncated"),
            "{diagnostics:?}"
        );
    }
}
