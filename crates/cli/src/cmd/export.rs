//! `trecho export`: stored events to a JSON Lines, CSV or Parquet file, streamed, written to a
//! temporary file first and renamed into place, so a failed export leaves nothing half-written;
//! or to standard output (`--out -`).

use super::common::{open_existing_store, FilterArgs};
use super::output::{EventFormat, EventSink};
use crate::Cli;
use anyhow::Context;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One event record per line, exactly as spec/events.md (nested objects kept).
    Jsonl,
    /// Flat columns with a header row (actor_country, recipient_name…; issues joined by ";").
    Csv,
    /// Typed columns (dates, a list of issues, nullable counts, dictionary-encoded codes),
    /// Snappy-compressed: what pandas, pyarrow, DuckDB and R's arrow read without arguments.
    Parquet,
}

/// Arguments of `trecho export`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho export --out events.parquet
  trecho export --out said.csv --kind said --actor USA
  trecho export --out water.jsonl --issue water
  trecho export --out - --format csv | head

The format follows the extension of --out (.jsonl/.ndjson/.json, .csv, .parquet/.pq) unless
--format is given; --out - writes JSON Lines to standard output unless --format says otherwise.

CSV has one flat layout, one row per event: id, doc_id, published, lang, sentence, span_start,
span_end, date, date_source, actor_text, actor_country, actor_sector, actor_name,
recipient_text, recipient_country, recipient_sector, recipient_name, event_type, mode, quad,
kind, speech_act, content_type, issues (joined by \";\"), leverage_lever, leverage_goal,
negated, hypothetical, speaker, attribution, reported_count, confidence; null fields are empty.
Parquet has the same columns, typed, plus date_start (the first day the date can mean) and
date_precision (day, month or year): published and date_start are dates, issues a list of
strings, reported_count a nullable integer, confidence a double, codes dictionary-encoded.")]
pub struct Args {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// File format (default: from the extension of --out).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

    /// The file to write (replaced if it exists, only once the export has succeeded), or `-`
    /// for standard output.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    #[command(flatten)]
    pub filter: FilterArgs,
}

/// The format to write: `--format` if given, else the one the extension of `out` names.
pub fn resolve_format(out: &Path, given: Option<ExportFormat>) -> anyhow::Result<ExportFormat> {
    if let Some(format) = given {
        return Ok(format);
    }
    if out == Path::new("-") {
        return Ok(ExportFormat::Jsonl);
    }
    let extension = out
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("jsonl" | "ndjson" | "json") => Ok(ExportFormat::Jsonl),
        Some("csv") => Ok(ExportFormat::Csv),
        Some("parquet" | "pq") => Ok(ExportFormat::Parquet),
        _ => anyhow::bail!(
            "cannot tell the format of --out {} from its extension; name it .jsonl, .csv or \
             .parquet, or give --format",
            out.display()
        ),
    }
}

/// Runs `trecho export`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let format = resolve_format(&args.out, args.format)?;
    let store = open_existing_store(&cli.db)?;
    if args.out == Path::new("-") {
        let stdout = BufWriter::new(std::io::stdout());
        let (n_events, mut stdout) = write_events(&store, &args.filter, format, stdout)
            .context("exporting to standard output")?;
        stdout.flush()?;
        if !cli.quiet {
            eprintln!("exported {n_events} events to standard output");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let temp_path = temp_path_for(&args.out)?;
    let result = write_file(&store, &args.filter, format, &temp_path);
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

fn write_file(
    store: &trecho::Store,
    filter: &FilterArgs,
    format: ExportFormat,
    temp_path: &Path,
) -> anyhow::Result<u64> {
    let file = File::create(temp_path).with_context(|| {
        format!(
            "creating {} (the directory of --out must exist and be writable)",
            temp_path.display()
        )
    })?;
    let (n_events, out) = write_events(store, filter, format, BufWriter::new(file))?;
    let file = out.into_inner().map_err(|err| err.into_error())?;
    // The data must be on disk before the rename makes it visible under the real name.
    file.sync_all()
        .with_context(|| format!("syncing {}", temp_path.display()))?;
    Ok(n_events)
}

/// Streams the events `filter` selects to `out`; gives back how many and the writer.
fn write_events<W: Write + Send>(
    store: &trecho::Store,
    filter: &FilterArgs,
    format: ExportFormat,
    out: W,
) -> anyhow::Result<(u64, W)> {
    let filter = filter.to_filter();
    let mut n_events = 0u64;
    let mut write_error: Option<anyhow::Error> = None;
    let out = match format {
        ExportFormat::Jsonl | ExportFormat::Csv => {
            let format = if format == ExportFormat::Jsonl {
                EventFormat::Jsonl
            } else {
                EventFormat::Csv
            };
            let mut sink = EventSink::new(format, out, false);
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
            sink.finish()?
        }
        ExportFormat::Parquet => {
            let mut writer = trecho_table::ParquetWriter::new(out)?;
            let result = store.for_each_event(&filter, |event| {
                n_events += 1;
                writer.push(&event).map_err(|err| {
                    write_error = Some(err.into());
                    trecho::StoreError::callback("writing the export failed")
                })
            });
            if let Some(err) = write_error {
                return Err(err);
            }
            result?;
            writer.finish()?
        }
    };
    Ok((n_events, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension_unless_given() {
        let format = |out: &str, given| resolve_format(Path::new(out), given).unwrap();
        assert_eq!(format("events.parquet", None), ExportFormat::Parquet);
        assert_eq!(format("out/said.CSV", None), ExportFormat::Csv);
        assert_eq!(format("events.jsonl", None), ExportFormat::Jsonl);
        assert_eq!(format("-", None), ExportFormat::Jsonl);
        assert_eq!(
            format("events.parquet", Some(ExportFormat::Csv)),
            ExportFormat::Csv
        );
        let err = resolve_format(Path::new("events.xlsx"), None).unwrap_err();
        assert!(err.to_string().contains("--format"), "{err}");
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
