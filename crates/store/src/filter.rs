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
            conditions.push("sentence LIKE ? ESCAPE '\\'");
            values.push(Value::Text(format!("%{}%", escape_like(text))));
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

/// Escapes `%`, `_` and `\` so that a search for "100%" means the characters, not a pattern.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    escaped
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
            " WHERE actor_country = ? AND sentence LIKE ? ESCAPE '\\'",
            2,
        );
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }
}
