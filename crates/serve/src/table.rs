//! CSV answers: events in the CLI's flat layout (`trecho_table::csv_row`), ledger records
//! flattened into fixed columns (`actor.country` → `actor_country`, lists joined with `;`),
//! with cells that a spreadsheet would run as a formula defused.

use crate::error::ApiError;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

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

/// Events as a CSV file answer in the CLI's layout (`trecho_table::csv_row`), offered for
/// download as `name`.
pub fn events_csv_response(
    events: &[trecho::model::Event],
    name: &str,
) -> Result<Response, ApiError> {
    let internal =
        |error: &dyn std::fmt::Display| ApiError::Internal(format!("writing CSV: {error}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(trecho_table::CSV_COLUMNS)
        .map_err(|e| internal(&e))?;
    for event in events {
        writer
            .write_record(trecho_table::csv_row(event))
            .map_err(|e| internal(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| internal(&e))?;
    let text = String::from_utf8(bytes).map_err(|e| internal(&e))?;
    Ok(download(text, name))
}

fn download(text: String, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        text,
    )
        .into_response()
}

/// A CSV file answer of `items` under `columns`, offered for download as `name`.
pub fn csv_response<T: Serialize>(
    items: &[T],
    columns: &[&str],
    name: &str,
) -> Result<Response, ApiError> {
    Ok(download(to_csv(items, columns)?, name))
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
            .map(|path| trecho_table::defuse(cell(lookup(&value, path))))
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
}
