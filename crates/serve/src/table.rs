//! CSV answers: records flattened into fixed columns (`actor.country` → `actor_country`, lists
//! joined with `;`), with cells that a spreadsheet would run as a formula defused.

use crate::error::ApiError;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

/// Columns of an event row, as paths into the event record.
pub const EVENT_COLUMNS: &[&str] = &[
    "id",
    "doc_id",
    "published",
    "date",
    "date_source",
    "lang",
    "actor.text",
    "actor.country",
    "actor.sector",
    "actor.name",
    "event_type",
    "mode",
    "quad",
    "kind",
    "speech_act",
    "content_type",
    "recipient.text",
    "recipient.country",
    "recipient.sector",
    "recipient.name",
    "issues",
    "leverage.lever",
    "leverage.goal",
    "negated",
    "hypothetical",
    "speaker",
    "attribution",
    "reported_count",
    "confidence",
    "span",
    "sentence",
];

/// Columns of a commitment row.
pub const COMMITMENT_COLUMNS: &[&str] = &[
    "id",
    "speech_act",
    "actor.country",
    "actor.name",
    "recipient.country",
    "recipient.name",
    "content_type",
    "issues",
    "leverage.lever",
    "leverage.goal",
    "summary",
    "first_said",
    "last_said",
    "mentions",
    "reported_count",
    "times_said",
    "deadline",
    "deadline_text",
    "status",
    "status_date",
    "evidence",
    "status_evidence",
];

/// Columns of a red line row.
pub const RED_LINE_COLUMNS: &[&str] = &[
    "id",
    "holder.country",
    "holder.name",
    "against.country",
    "against.name",
    "content_type",
    "summary",
    "declared",
    "last_restated",
    "restated",
    "status",
    "evidence",
    "status_evidence",
];

/// Columns of a linkage row.
pub const LINKAGE_COLUMNS: &[&str] = &[
    "actor.country",
    "actor.name",
    "recipient.country",
    "recipient.name",
    "lever",
    "goal",
    "first_seen",
    "last_seen",
    "count",
    "evidence",
];

/// A CSV file answer of `items` under `columns`, offered for download as `name`.
pub fn csv_response<T: Serialize>(
    items: &[T],
    columns: &[&str],
    name: &str,
) -> Result<Response, ApiError> {
    let text = to_csv(items, columns)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        text,
    )
        .into_response())
}

/// Writes `items` as CSV with a header row.
pub fn to_csv<T: Serialize>(items: &[T], columns: &[&str]) -> Result<String, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = columns.iter().map(|path| path.replace('.', "_")).collect();
    let internal =
        |error: &dyn std::fmt::Display| ApiError::Internal(format!("writing CSV: {error}"));
    writer.write_record(&header).map_err(|e| internal(&e))?;
    for item in items {
        let value = serde_json::to_value(item).map_err(|e| internal(&e))?;
        let row: Vec<String> = columns
            .iter()
            .map(|path| defuse(cell(lookup(&value, path))))
            .collect();
        writer.write_record(&row).map_err(|e| internal(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| internal(&e))?;
    String::from_utf8(bytes).map_err(|e| internal(&e))
}

/// The value at a dotted path, or null.
fn lookup<'a>(value: &'a Value, path: &str) -> &'a Value {
    let mut current = value;
    for key in path.split('.') {
        current = match current.get(key) {
            Some(next) => next,
            None => return &Value::Null,
        };
    }
    current
}

/// One cell: null is empty, lists are joined with `;`, objects are JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(";"),
        Value::Object(_) => value.to_string(),
    }
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) as
/// a formula; news text can start that way, so such cells get a leading apostrophe. Numbers
/// like `-4.5` are left alone.
fn defuse(text: String) -> String {
    let risky = matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    if risky && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_paths_and_lists() {
        let items = vec![json!({
            "id": "c1",
            "actor": {"country": "USA", "name": null},
            "issues": ["trade", "water"],
            "mentions": 3,
        })];
        let text = to_csv(
            &items,
            &["id", "actor.country", "actor.name", "issues", "mentions"],
        )
        .unwrap();
        assert_eq!(
            text,
            "id,actor_country,actor_name,issues,mentions\nc1,USA,,trade;water,3\n"
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(defuse("-4.5".into()), "-4.5");
        assert_eq!(defuse("Trump said".into()), "Trump said");
    }
}
