//! `trecho export`: stored events to a JSON Lines, CSV or Parquet file, streamed, written to a
//! temporary file first and renamed into place, so a failed export leaves nothing half-written.

use super::common::{open_existing_store, FilterArgs};
use super::output::{EventFormat, EventSink, FLAT_COLUMNS};
use crate::Cli;
use anyhow::Context;
use arrow_array::builder::{
    BooleanBuilder, Float32Builder, StringBuilder, UInt32Builder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use trecho::Event;

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One event record per line, exactly as spec/events.md (nested objects kept).
    Jsonl,
    /// Flat columns with a header row (actor_country, recipient_name…; issues joined by ";").
    Csv,
    /// The same flat columns as CSV, typed (span offsets and counts as integers, flags as
    /// booleans, confidence as float), Snappy-compressed.
    Parquet,
}

/// Arguments of `trecho export`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho export --format parquet --out events.parquet
  trecho export --format csv --out said.csv --kind said --actor USA
  trecho export --format jsonl --out water.jsonl --issue water

CSV and Parquet share one flat layout, one row per event: id, doc_id, published, lang,
sentence, span_start, span_end, date, date_source, actor_text, actor_country, actor_sector,
actor_name, recipient_text, recipient_country, recipient_sector, recipient_name, event_type,
mode, quad, kind, speech_act, content_type, issues (joined by \";\"), leverage_lever,
leverage_goal, negated, hypothetical, speaker, attribution, reported_count, confidence.
Null fields are empty in CSV and null in Parquet.")]
pub struct Args {
    /// File format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// The file to write (replaced if it exists, only once the export has succeeded).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Runs `trecho export`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let store = open_existing_store(&cli.db)?;
    let temp_path = temp_path_for(&args.out)?;
    let result = write_export(&store, args, &temp_path);
    match result {
        Ok(n_events) => {
            std::fs::rename(&temp_path, &args.out).with_context(|| {
                format!("moving {} to {}", temp_path.display(), args.out.display())
            })?;
            if !cli.quiet {
                eprintln!("exported {n_events} events to {}", args.out.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            let _ = std::fs::remove_file(&temp_path);
            Err(err.context(format!("exporting to {}", args.out.display())))
        }
    }
}

/// A hidden file next to `out` (same directory, so the final rename is atomic).
fn temp_path_for(out: &Path) -> anyhow::Result<PathBuf> {
    let name = out.file_name().with_context(|| {
        format!(
            "--out {} is not a file name; give a file path, e.g. --out events.csv",
            out.display()
        )
    })?;
    let temp_name = format!(".{}.partial-{}", name.to_string_lossy(), std::process::id());
    Ok(out.with_file_name(temp_name))
}

fn write_export(store: &trecho::Store, args: &Args, temp_path: &Path) -> anyhow::Result<u64> {
    let file = File::create(temp_path).with_context(|| {
        format!(
            "creating {} (the directory of --out must exist and be writable)",
            temp_path.display()
        )
    })?;
    let filter = args.filter.to_filter();
    let mut n_events = 0u64;
    let mut write_error: Option<anyhow::Error> = None;
    match args.format {
        ExportFormat::Jsonl | ExportFormat::Csv => {
            let format = if args.format == ExportFormat::Jsonl {
                EventFormat::Jsonl
            } else {
                EventFormat::Csv
            };
            let mut sink = EventSink::new(format, BufWriter::new(&file), false);
            let result = store.for_each_event(&filter, |event| {
                n_events += 1;
                sink.write(&event, None).map_err(|err| {
                    write_error = Some(err);
                    trecho::StoreError::callback("writing the export failed")
                })
            });
            if let Some(err) = write_error {
                return Err(err);
            }
            result?;
            sink.finish()?;
        }
        ExportFormat::Parquet => {
            let mut writer = ParquetWriter::new(&file)?;
            let result = store.for_each_event(&filter, |event| {
                n_events += 1;
                writer.push(&event).map_err(|err| {
                    write_error = Some(err);
                    trecho::StoreError::callback("writing the export failed")
                })
            });
            if let Some(err) = write_error {
                return Err(err);
            }
            result?;
            writer.finish()?;
        }
    }
    // The data must be on disk before the rename makes it visible under the real name.
    file.sync_all()
        .with_context(|| format!("syncing {}", temp_path.display()))?;
    Ok(n_events)
}

/// Rows per Parquet record batch: bounds memory while keeping row groups reasonably large.
const PARQUET_BATCH_ROWS: usize = 8192;

/// Writes events as Parquet record batches in the flat layout.
struct ParquetWriter<'a> {
    writer: parquet::arrow::ArrowWriter<&'a File>,
    schema: Arc<Schema>,
    rows: Vec<Event>,
}

impl<'a> ParquetWriter<'a> {
    fn new(file: &'a File) -> anyhow::Result<ParquetWriter<'a>> {
        let schema = Arc::new(flat_schema());
        let properties = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build();
        let writer = parquet::arrow::ArrowWriter::try_new(file, schema.clone(), Some(properties))?;
        Ok(ParquetWriter {
            writer,
            schema,
            rows: Vec::with_capacity(PARQUET_BATCH_ROWS),
        })
    }

    fn push(&mut self, event: &Event) -> anyhow::Result<()> {
        self.rows.push(event.clone());
        if self.rows.len() >= PARQUET_BATCH_ROWS {
            self.flush_rows()?;
        }
        Ok(())
    }

    fn flush_rows(&mut self) -> anyhow::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = record_batch(&self.schema, &self.rows)?;
        self.writer.write(&batch)?;
        self.rows.clear();
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        self.flush_rows()?;
        self.writer.close()?;
        Ok(())
    }
}

/// The Arrow type of each flat column.
fn column_type(name: &str) -> DataType {
    match name {
        "span_start" | "span_end" => DataType::UInt64,
        "reported_count" => DataType::UInt32,
        "negated" | "hypothetical" => DataType::Boolean,
        "confidence" => DataType::Float32,
        _ => DataType::Utf8,
    }
}

/// Columns that are never null.
fn column_required(name: &str) -> bool {
    matches!(
        name,
        "id" | "doc_id"
            | "lang"
            | "sentence"
            | "span_start"
            | "span_end"
            | "event_type"
            | "quad"
            | "kind"
            | "issues"
            | "negated"
            | "hypothetical"
            | "confidence"
    )
}

fn flat_schema() -> Schema {
    Schema::new(
        FLAT_COLUMNS
            .iter()
            .map(|name| Field::new(*name, column_type(name), !column_required(name)))
            .collect::<Vec<_>>(),
    )
}

fn record_batch(schema: &Arc<Schema>, events: &[Event]) -> anyhow::Result<RecordBatch> {
    let flat: Vec<[Option<String>; 32]> = events.iter().map(super::output::flat_values).collect();
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(FLAT_COLUMNS.len());
    for (index, name) in FLAT_COLUMNS.iter().enumerate() {
        let column: ArrayRef = match column_type(name) {
            DataType::UInt64 => {
                let mut builder = UInt64Builder::with_capacity(events.len());
                for event in events {
                    builder.append_value(if *name == "span_start" {
                        event.span[0] as u64
                    } else {
                        event.span[1] as u64
                    });
                }
                Arc::new(builder.finish())
            }
            DataType::UInt32 => {
                let mut builder = UInt32Builder::with_capacity(events.len());
                for event in events {
                    builder.append_option(event.reported_count);
                }
                Arc::new(builder.finish())
            }
            DataType::Boolean => {
                let mut builder = BooleanBuilder::with_capacity(events.len());
                for event in events {
                    builder.append_value(if *name == "negated" {
                        event.negated
                    } else {
                        event.hypothetical
                    });
                }
                Arc::new(builder.finish())
            }
            DataType::Float32 => {
                let mut builder = Float32Builder::with_capacity(events.len());
                for event in events {
                    builder.append_value(event.confidence);
                }
                Arc::new(builder.finish())
            }
            _ => {
                let mut builder = StringBuilder::new();
                for row in &flat {
                    builder.append_option(row[index].as_deref());
                }
                Arc::new(builder.finish())
            }
        };
        columns.push(column);
    }
    Ok(RecordBatch::try_new(schema.clone(), columns)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_has_every_flat_column_once() {
        let schema = flat_schema();
        assert_eq!(schema.fields().len(), FLAT_COLUMNS.len());
        assert_eq!(
            schema.field_with_name("actor_country").unwrap().data_type(),
            &DataType::Utf8
        );
        assert_eq!(
            schema.field_with_name("span_end").unwrap().data_type(),
            &DataType::UInt64
        );
    }

    #[test]
    fn temp_file_is_hidden_next_to_the_output() {
        let temp = temp_path_for(Path::new("out/events.parquet")).unwrap();
        assert_eq!(temp.parent(), Some(Path::new("out")));
        assert!(temp
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".events.parquet.partial-"));
    }
}
