//! Writing events as JSON Lines, CSV (the flat layout of `trecho_table::csv_row`) or an
//! aligned table.

use std::io::Write;
use trecho::{Actor, Event, Explanation};

/// Output formats for events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventFormat {
    /// One JSON object per line, the record of spec/events.md.
    Jsonl,
    /// A header row, then one row per event; nested fields flattened (actor_country…).
    Csv,
    /// Aligned columns for reading in a terminal.
    Table,
}

/// Writes events one at a time in a chosen format. Tables are held until [`EventSink::finish`]
/// because column widths depend on every row.
pub struct EventSink<W: Write> {
    format: EventFormat,
    explain: bool,
    out: Option<W>,
    csv: Option<csv::Writer<W>>,
    csv_header_written: bool,
    table: Vec<(Vec<String>, Vec<String>)>,
}

impl<W: Write> EventSink<W> {
    /// A sink writing to `out`. With `explain`, each record carries what fired.
    pub fn new(format: EventFormat, out: W, explain: bool) -> EventSink<W> {
        let (out, csv) = match format {
            EventFormat::Csv => (None, Some(csv::Writer::from_writer(out))),
            EventFormat::Jsonl | EventFormat::Table => (Some(out), None),
        };
        EventSink {
            format,
            explain,
            out,
            csv,
            csv_header_written: false,
            table: Vec::new(),
        }
    }

    /// Writes one event (and its explanation, shown only with `explain`).
    pub fn write(
        &mut self,
        event: &Event,
        explanation: Option<&Explanation>,
    ) -> anyhow::Result<()> {
        let steps: &[String] = match (self.explain, explanation) {
            (true, Some(explanation)) => &explanation.steps,
            _ => &[],
        };
        match self.format {
            EventFormat::Jsonl => {
                let Some(out) = self.out.as_mut() else {
                    return Ok(());
                };
                let record = serde_json::to_string(event)?;
                if self.explain {
                    // The record's fields in spec order, then `explanation`: still one flat
                    // object per line.
                    let record = record.strip_suffix('}').unwrap_or(&record);
                    out.write_all(record.as_bytes())?;
                    out.write_all(b",\"explanation\":")?;
                    serde_json::to_writer(&mut *out, steps)?;
                    out.write_all(b"}")?;
                } else {
                    out.write_all(record.as_bytes())?;
                }
                out.write_all(b"\n")?;
            }
            EventFormat::Csv => {
                let Some(csv) = self.csv.as_mut() else {
                    return Ok(());
                };
                if !self.csv_header_written {
                    write_csv_header(csv, self.explain)?;
                    self.csv_header_written = true;
                }
                let mut row: Vec<String> = trecho_table::csv_row(event).to_vec();
                if self.explain {
                    row.push(steps.join(" | "));
                }
                csv.write_record(&row)?;
            }
            EventFormat::Table => self.table.push((table_row(event), steps.to_vec())),
        }
        Ok(())
    }

    /// Flushes what is buffered (the CSV header when there were no rows, the whole table)
    /// and gives the writer back.
    pub fn finish(mut self) -> anyhow::Result<W> {
        if let Some(mut csv) = self.csv.take() {
            if !self.csv_header_written {
                write_csv_header(&mut csv, self.explain)?;
            }
            csv.flush()?;
            return csv
                .into_inner()
                .map_err(|err| anyhow::anyhow!("writing CSV: {}", err.error()));
        }
        let mut out = self
            .out
            .take()
            .expect("a sink that writes no CSV holds its writer");
        if self.format == EventFormat::Table {
            write_table(&mut out, TABLE_HEADER, &self.table)?;
        }
        out.flush()?;
        Ok(out)
    }
}

fn write_csv_header<W: Write>(csv: &mut csv::Writer<W>, explain: bool) -> csv::Result<()> {
    let mut header: Vec<&str> = trecho_table::CSV_COLUMNS.to_vec();
    if explain {
        header.push("explanation");
    }
    csv.write_record(&header)
}

const TABLE_HEADER: &[&str] = &[
    "DATE",
    "ACTOR",
    "TYPE",
    "KIND",
    "ACT",
    "RECIPIENT",
    "ISSUES",
    "SENTENCE",
];

fn table_row(event: &Event) -> Vec<String> {
    let actor = |actor: &Option<Actor>| match actor {
        Some(actor) => match &actor.country {
            Some(country) => format!("{} ({country})", actor.text),
            None => actor.text.clone(),
        },
        None => "-".to_string(),
    };
    let mut act = event
        .speech_act
        .map_or_else(|| "-".to_string(), |act| act.to_string());
    if let Some(content) = event.content_type {
        act.push_str(&format!("→{content}"));
    }
    let mut flags = String::new();
    if event.negated {
        flags.push_str(" [neg]");
    }
    if event.hypothetical {
        flags.push_str(" [hyp]");
    }
    let issues: Vec<&str> = event.issues.iter().map(|issue| issue.as_str()).collect();
    [
        event
            .date
            .map(|date| date.to_string())
            .or_else(|| event.published.map(|day| day.to_string()))
            .unwrap_or_else(|| "-".into()),
        actor(&event.actor),
        format!("{}{flags}", event.event_type),
        event.kind.to_string(),
        act,
        actor(&event.recipient),
        if issues.is_empty() {
            "-".into()
        } else {
            issues.join(",")
        },
        truncate(&event.sentence, 90),
    ]
    .to_vec()
}

/// Shortens `text` to at most `max_chars` characters, marking the cut with `…`.
pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// Writes rows as aligned columns (two spaces apart); the last column is not padded. Lines
/// under a row (explanations) are indented.
pub fn write_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[(Vec<String>, Vec<String>)],
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|name| name.chars().count()).collect();
    for (row, _) in rows {
        for (index, cell) in row.iter().enumerate() {
            if let Some(width) = widths.get_mut(index) {
                *width = (*width).max(cell.chars().count());
            }
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let mut text = String::new();
        for (index, cell) in cells.enumerate() {
            if index > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if index + 1 < widths.len() {
                let pad = widths[index].saturating_sub(cell.chars().count());
                text.push_str(&" ".repeat(pad));
            }
        }
        text.trim_end().to_string()
    };
    writeln!(out, "{}", line(&mut header.iter().copied()))?;
    for (row, notes) in rows {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
        for note in notes {
            writeln!(out, "    · {note}")?;
        }
    }
    Ok(())
}
