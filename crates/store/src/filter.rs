//! Turns an [`EventFilter`] into a `WHERE` clause made only of fixed SQL text and `?`
//! placeholders, with the values bound separately. No filter value ever becomes SQL text.

use crate::EventFilter;
use rusqlite::types::Value;

/// A `WHERE` clause (empty, or starting with a space) and the values for its placeholders.
pub(crate) struct Query {
    pub(crate) where_clause: String,
    pub(crate) values: Vec<Value>,
}

impl Query {
    pub(crate) fn new(filter: &EventFilter) -> Query {
        let mut conditions: Vec<&'static str> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(actor) = &filter.actor {
            conditions.push("actor_country = ?");
            values.push(Value::Text(actor.trim().to_ascii_uppercase()));
        }
        if let Some(recipient) = &filter.recipient {
            conditions.push("recipient_country = ?");
            values.push(Value::Text(recipient.trim().to_ascii_uppercase()));
        }
        if let Some(event_type) = filter.event_type {
            conditions.push("event_type = ?");
            values.push(Value::Text(event_type.as_str().to_string()));
        }
        if let Some(kind) = filter.kind {
            conditions.push("kind = ?");
            values.push(Value::Text(kind.as_str().to_string()));
        }
        if let Some(issue) = filter.issue {
            // A correlated `EXISTS`, not `seq IN (SELECT ...)`: SQLite builds the whole IN
            // list (hundreds of thousands of rows on a large store) before the first match,
            // while `EXISTS` probes the issue index per candidate and a page stops after
            // `limit` matches (1M events: under 1 ms against 0.2 to 0.4 s per page).
            conditions.push(
                "EXISTS (SELECT 1 FROM event_issues \
                 WHERE event_issues.event_seq = events.seq AND event_issues.issue = ?)",
            );
            values.push(Value::Text(issue.as_str().to_string()));
        }
        // An event matches a range when any day its (partial) date covers falls inside it;
        // without a date, its document's publication date decides.
        if let Some(from) = filter.from {
            conditions.push("COALESCE(date_last, published) >= ?");
            values.push(Value::Text(from.to_string()));
        }
        if let Some(to) = filter.to {
            conditions.push("COALESCE(date_first, published) <= ?");
            values.push(Value::Text(to.to_string()));
        }
        if let Some(lang) = filter.lang {
            conditions.push("lang = ?");
            values.push(Value::Text(lang.as_str().to_string()));
        }
        if let Some(doc_id) = &filter.doc_id {
            conditions.push("doc_id = ?");
            values.push(Value::Text(doc_id.clone()));
        }
        if let Some(text) = &filter.text {
            // The full-text index answers from its word lists instead of reading every
            // sentence; the text goes in as one bound, quoted phrase (see `fts_phrase`).
            conditions.push("seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)");
            values.push(Value::Text(fts_phrase(text)));
        }
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        Query {
            where_clause,
            values,
        }
    }
}

/// The FTS5 query for "these words, in this order, each as the start of a word" ("arancel"
/// finds "aranceles", "tariff" finds "tariffs"; case and accents are folded by the index's
/// tokenizer): each whitespace-separated chunk of the text as one double-quoted string (inner
/// quotes doubled) with a prefix `*`, the strings joined by `+` into one phrase. Inside a
/// string FTS5 operators (`AND`, `NEAR`, `*`, `-`, `^`, parentheses, column filters) are plain
/// text that the tokenizer splits into words or drops, so no user text can make the query
/// invalid. Text without any word matches nothing. Control characters separate chunks: FTS5
/// reads the query as a C string, so a NUL would cut it before the closing quote.
pub(crate) fn fts_phrase(text: &str) -> String {
    let chunks: Vec<&str> = text
        .split(|ch: char| ch.is_whitespace() || ch.is_control())
        .filter(|chunk| chunk.chars().any(char::is_alphanumeric))
        .collect();
    if chunks.is_empty() {
        return "\"\"".to_string();
    }
    let mut phrase = String::with_capacity(text.len() + 4 * chunks.len());
    for (index, chunk) in chunks.iter().enumerate() {
        if index > 0 {
            phrase.push_str(" + ");
        }
        phrase.push('"');
        phrase.push_str(&chunk.replace('"', "\"\""));
        phrase.push_str("\"*");
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(filter: EventFilter, expect_where: &str, expect_values: usize) {
        let query = Query::new(&filter);
        assert_eq!(query.where_clause, expect_where);
        assert_eq!(query.values.len(), expect_values);
    }

    #[test]
    fn empty_filter_has_no_where() {
        check(EventFilter::default(), "", 0);
    }

    #[test]
    fn values_are_placeholders_never_sql() {
        let evil = "USA' OR 1=1 --".to_string();
        check(
            EventFilter {
                actor: Some(evil.clone()),
                text: Some(evil),
                ..EventFilter::default()
            },
            " WHERE actor_country = ? AND \
             seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
            2,
        );
    }

    #[test]
    fn fts_text_is_one_quoted_phrase() {
        assert_eq!(fts_phrase("US troops"), "\"US\"* + \"troops\"*");
        assert_eq!(fts_phrase("say \"no\""), "\"say\"* + \"\"\"no\"\"\"*");
        assert_eq!(fts_phrase(" - \u{0} "), "\"\"");
    }

    /// A store holding one document per sentence, one `THREATEN` event on each.
    fn store_of(sentences: &[&str]) -> crate::Store {
        use trecho_model::{Document, Event, EventType, Kind, Lang, Normalized, Sentence};
        let mut store = crate::Store::open_in_memory().unwrap();
        for (n, text) in sentences.iter().enumerate() {
            let doc_id = format!("doc-{n}");
            let normalized = Normalized {
                text: text.to_string(),
                sentences: vec![Sentence {
                    start: 0,
                    end: text.len(),
                    paragraph: 0,
                    lang: Lang::En,
                    speaker: None,
                }],
                published: None,
                lang: Lang::En,
                offset_map: vec![],
                diagnostics: vec![],
            };
            let document = Document {
                id: doc_id.clone(),
                text: text.to_string(),
                ..Document::default()
            };
            let event = Event {
                id: format!("{doc_id}-e0"),
                doc_id: doc_id.clone(),
                published: None,
                lang: Lang::En,
                sentence: text.to_string(),
                span: [0, text.len()],
                date: None,
                date_source: None,
                actor: None,
                recipient: None,
                event_type: EventType::Threaten,
                mode: None,
                quad: EventType::Threaten.quad(),
                kind: Kind::Said,
                speech_act: None,
                content_type: None,
                issues: vec![],
                leverage: None,
                negated: false,
                hypothetical: false,
                speaker: None,
                attribution: None,
                reported_count: None,
                confidence: 0.5,
            };
            store
                .insert_document(&document, &normalized, &[event])
                .unwrap();
        }
        store
    }

    fn matching(store: &crate::Store, text: &str) -> Vec<String> {
        let filter = EventFilter {
            text: Some(text.into()),
            ..EventFilter::default()
        };
        let ids: Vec<String> = store
            .events(&filter)
            .unwrap()
            .into_iter()
            .map(|event| event.doc_id)
            .collect();
        assert_eq!(store.count_events(&filter).unwrap(), ids.len() as u64);
        ids
    }

    #[test]
    fn text_matches_words_ignoring_case_and_accents() {
        let store = store_of(&[
            "México impondrá ARANCELES del 30% al acero.",
            "Trump said US troops could cross the border.",
            "The tariffs on steel take effect in March.",
        ]);
        assert_eq!(matching(&store, "aranceles"), ["doc-0"]);
        assert_eq!(matching(&store, "mexico"), ["doc-0"]);
        assert_eq!(matching(&store, "MÉXICO"), ["doc-0"]);
        assert_eq!(matching(&store, "us troops"), ["doc-1"]);
        // A phrase: the words in this order, next to each other.
        assert!(matching(&store, "troops us").is_empty());
        // Each word matches the start of a word: "tariff" finds "tariffs", "arancel"
        // "ARANCELES"; but not the middle of one.
        assert_eq!(matching(&store, "tariff"), ["doc-2"]);
        assert_eq!(matching(&store, "tariffs"), ["doc-2"]);
        assert_eq!(matching(&store, "arancel del"), ["doc-0"]);
        assert!(matching(&store, "ariff").is_empty());
        assert_eq!(matching(&store, "30%"), ["doc-0"]);
    }

    /// FTS5 query syntax in the text is plain text: it never makes the query fail.
    #[test]
    fn fts_syntax_in_text_is_not_interpreted() {
        let store = store_of(&["Trump said US troops could cross the border."]);
        for text in [
            "\"",
            "\"\"\"",
            "troops\"",
            "\"troops",
            "troops*",
            "*",
            "-troops",
            "troops -border",
            "NEAR(troops border)",
            "NEAR(troops",
            "troops)",
            "((troops",
            "troops AND",
            "OR",
            "NOT troops",
            "sentence:troops",
            "{sentence}: troops",
            "^troops",
            "troops + border",
            "%",
            "",
            "'; DROP TABLE events; --",
            "troops\0\"",
            "\0",
        ] {
            let filter = EventFilter {
                text: Some(text.into()),
                ..EventFilter::default()
            };
            assert!(store.events(&filter).is_ok(), "{text:?}");
            assert!(store.count_events(&filter).is_ok(), "{text:?}");
        }
        // Operators are dropped as punctuation; the words still match as a phrase.
        assert_eq!(matching(&store, "troops*"), ["doc-0"]);
        assert_eq!(matching(&store, "(US troops"), ["doc-0"]);
        assert!(matching(&store, "troops OR border").is_empty());
        assert!(matching(&store, "*").is_empty());
    }

    /// The full-text index follows replaced documents (deletes cascade through triggers).
    #[test]
    fn text_index_follows_replaced_documents() {
        let mut store = store_of(&["Trump said US troops could cross the border."]);
        let replacement = store_of(&["Sheinbaum rejected the tariffs."]);
        let events = replacement.events(&EventFilter::default()).unwrap();
        let document = replacement.document("doc-0").unwrap().unwrap();
        let normalized = trecho_model::Normalized {
            text: document.text.clone(),
            sentences: document.sentences.clone(),
            published: None,
            lang: document.lang,
            offset_map: vec![],
            diagnostics: vec![],
        };
        let document = trecho_model::Document {
            id: document.id,
            text: document.text,
            ..trecho_model::Document::default()
        };
        assert_eq!(
            store
                .insert_document(&document, &normalized, &events)
                .unwrap(),
            crate::Inserted::Replaced
        );
        assert!(matching(&store, "troops").is_empty());
        assert_eq!(matching(&store, "tariffs"), ["doc-0"]);
        store
            .connection
            .execute_batch("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
            .unwrap();
    }
}
