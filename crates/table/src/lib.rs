//! Events as columns: typed Arrow record batches and a streaming Parquet writer over them, and
//! the flat rows of CSV files.
//!
//! One layout serves every columnar output (the CLI's Parquet export, the Python package's
//! Arrow tables and pandas frames), so that a notebook reads the same columns whichever way
//! the events came. The layout is the flat one of CSV (one row per event, nested actors as
//! `actor_…` columns) with real types where CSV has strings:
//!
//! - `published` and `date_start` are dates; `date` keeps the record's ISO string
//!   (`2025-03-24`, `2025-03` or `2024`), `date_precision` says which (`day`, `month`, `year`)
//!   and `date_start` is the first day it can mean, so a column of mixed precisions still
//!   sorts and filters as dates;
//! - `issues` is a list of strings (empty when none);
//! - `reported_count` is a nullable integer, and the Parquet file says so in its pandas
//!   metadata, so `pandas.read_parquet` gives a nullable `UInt32` column instead of floats
//!   with NaN;
//! - `confidence` is a double equal to the number the JSON record prints (the record's `f32`
//!   shown shortest, `0.98`, not `0.9800000190734863`);
//! - codes with few values (types, kinds, languages, countries, sectors…) are
//!   dictionary-encoded, which pandas reads as categoricals.

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, ListBuilder, StringBuilder,
    StringDictionaryBuilder, UInt32Builder, UInt64Builder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use trecho_model::{Actor, Event};

/// How a column is typed and built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// Free text (`id`, `sentence`, `actor_text`…).
    Text,
    /// A code with few distinct values, dictionary-encoded.
    Code,
    /// A calendar day.
    Day,
    /// A byte offset.
    Offset,
    /// A count that may be missing.
    Count,
    /// A flag.
    Flag,
    /// A score.
    Score,
    /// A list of codes.
    Codes,
}

/// The columns, in order, with their kind and whether they can be null.
const COLUMNS: [(&str, Column, bool); 34] = [
    ("id", Column::Text, false),
    ("doc_id", Column::Text, false),
    ("published", Column::Day, true),
    ("lang", Column::Code, false),
    ("sentence", Column::Text, false),
    ("span_start", Column::Offset, false),
    ("span_end", Column::Offset, false),
    ("date", Column::Text, true),
    ("date_start", Column::Day, true),
    ("date_precision", Column::Code, true),
    ("date_source", Column::Code, true),
    ("actor_text", Column::Text, true),
    ("actor_country", Column::Code, true),
    ("actor_sector", Column::Code, true),
    ("actor_name", Column::Text, true),
    ("recipient_text", Column::Text, true),
    ("recipient_country", Column::Code, true),
    ("recipient_sector", Column::Code, true),
    ("recipient_name", Column::Text, true),
    ("event_type", Column::Code, false),
    ("mode", Column::Code, true),
    ("quad", Column::Code, false),
    ("kind", Column::Code, false),
    ("speech_act", Column::Code, true),
    ("content_type", Column::Code, true),
    ("issues", Column::Codes, false),
    ("leverage_lever", Column::Code, true),
    ("leverage_goal", Column::Code, true),
    ("negated", Column::Flag, false),
    ("hypothetical", Column::Flag, false),
    ("speaker", Column::Text, true),
    ("attribution", Column::Text, true),
    ("reported_count", Column::Count, true),
    ("confidence", Column::Score, false),
];

/// The column names, in order.
pub fn column_names() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(|(name, _, _)| *name)
}

fn data_type(column: Column) -> DataType {
    match column {
        Column::Text => DataType::Utf8,
        Column::Code => code_type(),
        Column::Day => DataType::Date32,
        Column::Offset => DataType::UInt64,
        Column::Count => DataType::UInt32,
        Column::Flag => DataType::Boolean,
        Column::Score => DataType::Float64,
        Column::Codes => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

fn code_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

/// The Arrow schema of event tables, with the pandas metadata that makes `reported_count` a
/// nullable integer column when pandas reads it.
pub fn schema() -> SchemaRef {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|(name, column, nullable)| Field::new(*name, data_type(*column), *nullable))
        .collect();
    let metadata = HashMap::from([("pandas".to_string(), pandas_metadata())]);
    Arc::new(Schema::new(fields).with_metadata(metadata))
}

/// pyarrow's pandas metadata (the `pandas` key of the schema): pyarrow turns Arrow into
/// pandas by the Arrow types, except where this names a pandas extension type (`UInt32`,
/// nullable), which it then uses. Columns are listed in order, with no index.
fn pandas_metadata() -> String {
    let columns: Vec<serde_json::Value> = COLUMNS
        .iter()
        .map(|(name, column, _)| {
            let (pandas_type, numpy_type) = match column {
                Column::Text => ("unicode", "object"),
                Column::Code => ("categorical", "int32"),
                Column::Day => ("date", "object"),
                Column::Offset => ("uint64", "uint64"),
                Column::Count => ("uint32", "UInt32"),
                Column::Flag => ("bool", "bool"),
                Column::Score => ("float64", "float64"),
                Column::Codes => ("list[unicode]", "object"),
            };
            serde_json::json!({
                "name": name,
                "field_name": name,
                "pandas_type": pandas_type,
                "numpy_type": numpy_type,
                "metadata": null,
            })
        })
        .collect();
    serde_json::json!({
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "creator": {"library": "trecho", "version": env!("CARGO_PKG_VERSION")},
        "pandas_version": "2.0.0",
    })
    .to_string()
}

/// Days from 1970-01-01, Arrow's `Date32`.
fn days(date: chrono::NaiveDate) -> i32 {
    const EPOCH_DAYS_FROM_CE: i32 = 719_163;
    chrono::Datelike::num_days_from_ce(&date) - EPOCH_DAYS_FROM_CE
}

/// The double the JSON record prints for an `f32` (its shortest decimal form).
fn as_printed(value: f32) -> f64 {
    format!("{value}").parse().unwrap_or(f64::from(value))
}

/// One value of a row, before it goes into its column's builder.
enum Value<'a> {
    Text(Option<&'a str>),
    Owned(Option<String>),
    Day(Option<chrono::NaiveDate>),
    Offset(u64),
    Count(Option<u32>),
    Flag(bool),
    Score(f64),
    Codes(Vec<&'static str>),
}

/// Field `field` (text, country, sector, name) of an actor that may be missing.
fn actor_field(actor: &Option<Actor>, field: usize) -> Option<&str> {
    actor.as_ref().and_then(|actor| match field {
        0 => Some(actor.text.as_str()),
        1 => actor.country.as_deref(),
        2 => actor.sector.as_deref(),
        _ => actor.name.as_deref(),
    })
}

/// The value of column `index` for `event`.
fn value(event: &Event, index: usize) -> Value<'_> {
    match COLUMNS[index].0 {
        "id" => Value::Text(Some(&event.id)),
        "doc_id" => Value::Text(Some(&event.doc_id)),
        "published" => Value::Day(event.published),
        "lang" => Value::Owned(Some(event.lang.to_string())),
        "sentence" => Value::Text(Some(&event.sentence)),
        "span_start" => Value::Offset(event.span[0] as u64),
        "span_end" => Value::Offset(event.span[1] as u64),
        "date" => Value::Owned(event.date.map(|date| date.to_string())),
        "date_start" => Value::Day(event.date.and_then(|date| date.first_day())),
        "date_precision" => Value::Text(event.date.map(|date| match (date.month, date.day) {
            (Some(_), Some(_)) => "day",
            (Some(_), None) => "month",
            _ => "year",
        })),
        "date_source" => Value::Text(event.date_source.map(|source| source.as_str())),
        "actor_text" => Value::Text(actor_field(&event.actor, 0)),
        "actor_country" => Value::Text(actor_field(&event.actor, 1)),
        "actor_sector" => Value::Text(actor_field(&event.actor, 2)),
        "actor_name" => Value::Text(actor_field(&event.actor, 3)),
        "recipient_text" => Value::Text(actor_field(&event.recipient, 0)),
        "recipient_country" => Value::Text(actor_field(&event.recipient, 1)),
        "recipient_sector" => Value::Text(actor_field(&event.recipient, 2)),
        "recipient_name" => Value::Text(actor_field(&event.recipient, 3)),
        "event_type" => Value::Owned(Some(event.event_type.to_string())),
        "mode" => Value::Text(event.mode.as_deref()),
        "quad" => Value::Owned(Some(event.quad.to_string())),
        "kind" => Value::Owned(Some(event.kind.to_string())),
        "speech_act" => Value::Owned(event.speech_act.map(|act| act.to_string())),
        "content_type" => Value::Owned(event.content_type.map(|content| content.to_string())),
        "issues" => Value::Codes(event.issues.iter().map(|issue| issue.as_str()).collect()),
        "leverage_lever" => Value::Owned(event.leverage.map(|l| l.lever.to_string())),
        "leverage_goal" => Value::Owned(event.leverage.map(|l| l.goal.to_string())),
        "negated" => Value::Flag(event.negated),
        "hypothetical" => Value::Flag(event.hypothetical),
        "speaker" => Value::Text(event.speaker.as_deref()),
        "attribution" => Value::Text(event.attribution.as_deref()),
        "reported_count" => Value::Count(event.reported_count),
        "confidence" => Value::Score(as_printed(event.confidence)),
        other => unreachable!("column {other} has no value"),
    }
}

/// A record batch of `events` in the [`schema`] layout.
pub fn record_batch(events: &[Event]) -> Result<RecordBatch, ArrowError> {
    let schema = schema();
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
    for (index, (_, column, _)) in COLUMNS.iter().enumerate() {
        let values = events.iter().map(|event| value(event, index));
        let array: ArrayRef = match column {
            Column::Text => {
                let mut builder = StringBuilder::with_capacity(events.len(), events.len() * 16);
                for value in values {
                    builder.append_option(text_of(&value));
                }
                Arc::new(builder.finish())
            }
            Column::Code => {
                let mut builder = StringDictionaryBuilder::<Int32Type>::new();
                for value in values {
                    builder.append_option(text_of(&value));
                }
                Arc::new(builder.finish())
            }
            Column::Day => {
                let mut builder = Date32Builder::with_capacity(events.len());
                for value in values {
                    let Value::Day(day) = value else { continue };
                    builder.append_option(day.map(days));
                }
                Arc::new(builder.finish())
            }
            Column::Offset => {
                let mut builder = UInt64Builder::with_capacity(events.len());
                for value in values {
                    let Value::Offset(offset) = value else {
                        continue;
                    };
                    builder.append_value(offset);
                }
                Arc::new(builder.finish())
            }
            Column::Count => {
                let mut builder = UInt32Builder::with_capacity(events.len());
                for value in values {
                    let Value::Count(count) = value else { continue };
                    builder.append_option(count);
                }
                Arc::new(builder.finish())
            }
            Column::Flag => {
                let mut builder = BooleanBuilder::with_capacity(events.len());
                for value in values {
                    let Value::Flag(flag) = value else { continue };
                    builder.append_value(flag);
                }
                Arc::new(builder.finish())
            }
            Column::Score => {
                let mut builder = Float64Builder::with_capacity(events.len());
                for value in values {
                    let Value::Score(score) = value else { continue };
                    builder.append_value(score);
                }
                Arc::new(builder.finish())
            }
            Column::Codes => {
                let mut builder = ListBuilder::new(StringBuilder::new())
                    .with_field(Arc::new(Field::new("item", DataType::Utf8, true)));
                for value in values {
                    let Value::Codes(codes) = value else { continue };
                    for code in codes {
                        builder.values().append_value(code);
                    }
                    builder.append(true);
                }
                Arc::new(builder.finish())
            }
        };
        columns.push(array);
    }
    RecordBatch::try_new(schema, columns)
}

fn text_of<'a>(value: &'a Value<'_>) -> Option<&'a str> {
    match value {
        Value::Text(text) => *text,
        Value::Owned(text) => text.as_deref(),
        _ => None,
    }
}

/// The columns of CSV files (the CLI's and the API's): the record's fields, with `span` split
/// into `span_start`/`span_end`, actors into `actor_text`, `actor_country`, `actor_sector`,
/// `actor_name` (and `recipient_…`), `leverage` into `leverage_lever`/`leverage_goal`, and
/// `issues` joined with `;`.
pub const CSV_COLUMNS: [&str; 32] = [
    "id",
    "doc_id",
    "published",
    "lang",
    "sentence",
    "span_start",
    "span_end",
    "date",
    "date_source",
    "actor_text",
    "actor_country",
    "actor_sector",
    "actor_name",
    "recipient_text",
    "recipient_country",
    "recipient_sector",
    "recipient_name",
    "event_type",
    "mode",
    "quad",
    "kind",
    "speech_act",
    "content_type",
    "issues",
    "leverage_lever",
    "leverage_goal",
    "negated",
    "hypothetical",
    "speaker",
    "attribution",
    "reported_count",
    "confidence",
];

/// One event as CSV cells in [`CSV_COLUMNS`] order: null is empty, `confidence` is printed as
/// the JSON record prints it (`0.98`), and text a spreadsheet would run as a formula is
/// defused ([`defuse`]).
pub fn csv_row(event: &Event) -> [String; 32] {
    flat_values(event).map(|value| defuse(value.unwrap_or_default()))
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) as
/// a formula; news text can start that way, so such cells get a leading apostrophe. Numbers
/// like `-4.5` are left alone.
pub fn defuse(text: String) -> String {
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

/// One event as flat values in [`CSV_COLUMNS`] order; `None` is null.
fn flat_values(event: &Event) -> [Option<String>; 32] {
    let actor = |actor: &Option<Actor>| -> [Option<String>; 4] {
        match actor {
            Some(actor) => [
                Some(actor.text.clone()),
                actor.country.clone(),
                actor.sector.clone(),
                actor.name.clone(),
            ],
            None => [None, None, None, None],
        }
    };
    let [actor_text, actor_country, actor_sector, actor_name] = actor(&event.actor);
    let [recipient_text, recipient_country, recipient_sector, recipient_name] =
        actor(&event.recipient);
    let issues: Vec<&str> = event.issues.iter().map(|issue| issue.as_str()).collect();
    [
        Some(event.id.clone()),
        Some(event.doc_id.clone()),
        event.published.map(|day| day.to_string()),
        Some(event.lang.to_string()),
        Some(event.sentence.clone()),
        Some(event.span[0].to_string()),
        Some(event.span[1].to_string()),
        event.date.map(|date| date.to_string()),
        event.date_source.map(|source| source.as_str().to_string()),
        actor_text,
        actor_country,
        actor_sector,
        actor_name,
        recipient_text,
        recipient_country,
        recipient_sector,
        recipient_name,
        Some(event.event_type.to_string()),
        event.mode.clone(),
        Some(event.quad.to_string()),
        Some(event.kind.to_string()),
        event.speech_act.map(|act| act.to_string()),
        event.content_type.map(|content| content.to_string()),
        Some(issues.join(";")),
        event.leverage.map(|leverage| leverage.lever.to_string()),
        event.leverage.map(|leverage| leverage.goal.to_string()),
        Some(event.negated.to_string()),
        Some(event.hypothetical.to_string()),
        event.speaker.clone(),
        event.attribution.clone(),
        event.reported_count.map(|count| count.to_string()),
        Some(format!("{}", event.confidence)),
    ]
}

/// Rows per Parquet record batch: bounds memory while keeping row groups reasonably large.
pub const BATCH_ROWS: usize = 8192;

/// Writes events to Parquet (Snappy) in the [`schema`] layout, a batch of [`BATCH_ROWS`] at a
/// time, so memory stays bounded whatever the number of events.
pub struct ParquetWriter<W: Write + Send> {
    writer: parquet::arrow::ArrowWriter<W>,
    rows: Vec<Event>,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// Starts a file on `out`.
    pub fn new(out: W) -> Result<ParquetWriter<W>, parquet::errors::ParquetError> {
        let properties = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build();
        let writer = parquet::arrow::ArrowWriter::try_new(out, schema(), Some(properties))?;
        Ok(ParquetWriter {
            writer,
            rows: Vec::with_capacity(BATCH_ROWS),
        })
    }

    /// Adds one event.
    pub fn push(&mut self, event: &Event) -> Result<(), parquet::errors::ParquetError> {
        self.rows.push(event.clone());
        if self.rows.len() >= BATCH_ROWS {
            self.flush_rows()?;
        }
        Ok(())
    }

    fn flush_rows(&mut self) -> Result<(), parquet::errors::ParquetError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = record_batch(&self.rows)?;
        self.writer.write(&batch)?;
        self.rows.clear();
        Ok(())
    }

    /// Writes what is left and the file's footer, and gives the output back.
    pub fn finish(mut self) -> Result<W, parquet::errors::ParquetError> {
        self.flush_rows()?;
        self.writer.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, UInt32Type};
    use arrow_array::Array;
    use trecho_model::{EventType, Issue, Kind, Lang, PartialDate};

    fn event(id: &str) -> Event {
        Event {
            id: id.into(),
            doc_id: "d1".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 12, 24),
            lang: Lang::En,
            sentence: "Trump threatened Mexico with tariffs.".into(),
            span: [0, 37],
            date: None,
            date_source: None,
            actor: Some(Actor {
                text: "Trump".into(),
                country: Some("USA".into()),
                sector: Some("GOV".into()),
                name: Some("Donald Trump".into()),
            }),
            recipient: None,
            event_type: EventType::Threaten,
            mode: None,
            quad: EventType::Threaten.quad(),
            kind: Kind::Said,
            speech_act: None,
            content_type: Some(EventType::Sanction),
            issues: Vec::new(),
            leverage: None,
            negated: false,
            hypothetical: false,
            speaker: None,
            attribution: None,
            reported_count: None,
            confidence: 0.98,
        }
    }

    #[test]
    fn columns_are_typed_as_the_record_reads() {
        let mut month = event("e2");
        month.date = Some(PartialDate::month(2025, 3));
        month.issues = vec![Issue::Trade, Issue::Water];
        month.reported_count = Some(3);
        let batch = record_batch(&[event("e1"), month]).unwrap();
        assert_eq!(batch.num_rows(), 2);
        assert_eq!(batch.num_columns(), COLUMNS.len());

        let published = batch
            .column_by_name("published")
            .unwrap()
            .as_primitive::<Date32Type>();
        assert_eq!(
            published.value_as_date(0),
            chrono::NaiveDate::from_ymd_opt(2025, 12, 24)
        );

        let date_start = batch
            .column_by_name("date_start")
            .unwrap()
            .as_primitive::<Date32Type>();
        assert!(date_start.is_null(0));
        assert_eq!(
            date_start.value_as_date(1),
            chrono::NaiveDate::from_ymd_opt(2025, 3, 1)
        );
        let precision = batch
            .column_by_name("date_precision")
            .unwrap()
            .as_dictionary::<Int32Type>();
        let precision_values = precision.values().as_string::<i32>();
        assert!(precision.is_null(0));
        assert_eq!(
            precision_values.value(precision.keys().value(1) as usize),
            "month"
        );

        let issues = batch.column_by_name("issues").unwrap().as_list::<i32>();
        assert_eq!(issues.value(0).len(), 0);
        assert!(!issues.is_null(0), "no issues is an empty list, not null");
        let second = issues.value(1);
        let second = second.as_string::<i32>();
        assert_eq!((second.value(0), second.value(1)), ("trade", "water"));

        let count = batch
            .column_by_name("reported_count")
            .unwrap()
            .as_primitive::<UInt32Type>();
        assert!(count.is_null(0));
        assert_eq!(count.value(1), 3);

        let confidence = batch
            .column_by_name("confidence")
            .unwrap()
            .as_primitive::<Float64Type>();
        assert_eq!(
            confidence.value(0),
            0.98,
            "the value the JSON record prints"
        );

        let event_type = batch.column_by_name("event_type").unwrap();
        assert!(matches!(event_type.data_type(), DataType::Dictionary(_, _)));
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(defuse("-4.5".into()), "-4.5");
        assert_eq!(defuse("Trump said".into()), "Trump said");
    }

    #[test]
    fn csv_rows_print_confidence_as_the_record_and_defuse_formulas() {
        let mut row_event = event("e1");
        row_event.sentence = "=HYPERLINK(\"x\") says Trump".into();
        let row = csv_row(&row_event);
        let at = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(row[at("confidence")], "0.98");
        assert_eq!(row[at("span_start")], "0");
        assert_eq!(row[at("sentence")], "'=HYPERLINK(\"x\") says Trump");
        assert_eq!(row[at("recipient_country")], "");
    }

    #[test]
    fn pandas_metadata_lists_every_column_and_makes_counts_nullable() {
        let schema = schema();
        let metadata: serde_json::Value =
            serde_json::from_str(&schema.metadata()["pandas"]).unwrap();
        let columns = metadata["columns"].as_array().unwrap();
        assert_eq!(columns.len(), schema.fields().len());
        let count = columns
            .iter()
            .find(|c| c["name"] == "reported_count")
            .unwrap();
        assert_eq!(count["numpy_type"], "UInt32");
    }

    #[test]
    fn parquet_round_trips_through_the_arrow_reader() {
        let mut writer = ParquetWriter::new(Vec::new()).unwrap();
        for n in 0..3 {
            writer.push(&event(&format!("e{n}"))).unwrap();
        }
        let bytes = bytes::Bytes::from(writer.finish().unwrap());
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReader::try_new(bytes, 1024).unwrap();
        let batches: Vec<RecordBatch> = reader.map(|batch| batch.unwrap()).collect();
        let rows: usize = batches.iter().map(|batch| batch.num_rows()).sum();
        assert_eq!(rows, 3);
        let fields: Vec<&str> = batches[0]
            .schema_ref()
            .fields()
            .iter()
            .map(|field| field.name().as_str())
            .collect();
        assert_eq!(fields, column_names().collect::<Vec<_>>());
        assert!(matches!(
            batches[0].column_by_name("kind").unwrap().data_type(),
            DataType::Dictionary(_, _)
        ));
    }
}
