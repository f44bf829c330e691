//! `trecho ledger`, `trecho redlines`, `trecho linkage` and `trecho index`.
//!
//! Each command reads every event in the store and recomputes the ledger from them, so
//! ingesting new documents updates every item, count and status; nothing ledger-related is
//! stored. Output is a JSON array (field names of `spec/ledger.md`), CSV with a header row, or
//! an aligned table for the terminal with statuses coloured (unless `NO_COLOR` is set or
//! stdout is not a terminal).

use crate::Cli;
use anyhow::Context;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use trecho::ledger::{
    self, keys, Commitment, CommitmentStatus, IndexOptions, IndexRow, Interval, Linkage, RedLine,
    RedLineStatus,
};
use trecho::{Actor, Event, EventFilter, Issue, PartialDate, SpeechAct};

/// Output formats of the ledger commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// An aligned table for reading in a terminal.
    #[default]
    Table,
    /// A JSON array with the field names of the ledger spec.
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

/// Arguments of `trecho ledger`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho ledger                                  every threat, promise and demand with its status
  trecho ledger --actor USA --status open        what the United States has threatened that is still open
  trecho ledger --issue water --history          water items with each change of status
  trecho ledger --format csv > ledger.csv

The ledger is recomputed from every event in the store each time: run `trecho ingest` on new
documents and the next `trecho ledger` shows the new mentions, counts and statuses.")]
pub struct LedgerArgs {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Only items whose speaker side is this (country code like USA, or a name).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only items aimed at this side.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Only items concerning this issue (security, drugs, trade, migration, water, energy,
    /// justice, diplomacy, human_rights, other).
    #[arg(long, value_parser = parse_issue)]
    pub issue: Option<Issue>,
    /// Only items with this status (open, carried_out, partly_carried_out, conceded,
    /// withdrawn, lapsed, rejected).
    #[arg(long, value_parser = parse_commitment_status)]
    pub status: Option<CommitmentStatus>,
    /// Only threats, promises or demands.
    #[arg(long = "speech-act", value_parser = parse_speech_act)]
    pub speech_act: Option<SpeechAct>,
    /// In the table, list each item's status changes under it.
    #[arg(long)]
    pub history: bool,
    /// In the table, list each item's evidence sentences under it (its date and the sentence
    /// of every event it was built from; `trecho events --id` gives the whole records).
    #[arg(long)]
    pub evidence: bool,
}

/// Arguments of `trecho redlines`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho redlines                                every red line: holding, approached or crossed
  trecho redlines --actor MEX --history          Mexico's lines with the threats that approached them

Recomputed from every event in the store each time.")]
pub struct RedlinesArgs {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Only lines drawn by this side (the holder).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only lines against this side.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Only lines with this status (holding, approached, crossed).
    #[arg(long, value_parser = parse_red_line_status)]
    pub status: Option<RedLineStatus>,
    /// In the table, list each line's status changes under it.
    #[arg(long)]
    pub history: bool,
}

/// Arguments of `trecho linkage`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho linkage                                 one issue used to move another (tariffs for water)
  trecho linkage --issue water --format json

Recomputed from every event in the store each time.")]
pub struct LinkageArgs {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Only linkage by this side.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only linkage aimed at this side.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Only linkage whose lever or goal is this issue.
    #[arg(long, value_parser = parse_issue)]
    pub issue: Option<Issue>,
}

/// Arguments of `trecho index`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho index --actor USA --recipient MEX        weekly statements versus deeds
  trecho index --interval month --issue trade --format csv

Scores are mean Goldstein-style weights (-10 conflict .. +10 cooperation) of the event types;
gap = done_score - said_score (negative: deeds harsher than words). A deed reported by several
documents counts once. Recomputed from every event in the store each time.")]
pub struct IndexArgs {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Only this actor side.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only this recipient side.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Only this issue.
    #[arg(long, value_parser = parse_issue)]
    pub issue: Option<Issue>,
    /// Period of each row: week (ISO weeks, "2025-W07") or month ("2025-02").
    #[arg(long, value_parser = parse_interval, default_value = "week")]
    pub interval: Interval,
}

/// Runs `trecho ledger`.
pub fn run_ledger(cli: &Cli, args: &LedgerArgs) -> anyhow::Result<ExitCode> {
    let events = load_events(cli)?;
    let items = filter_commitments(ledger::build(&events).commitments, args);
    let evidence = args.evidence.then(|| Evidence::new(&events));
    let mut out = std::io::stdout().lock();
    write_commitments(
        &mut out,
        &items,
        args.format,
        args.history,
        use_color(),
        evidence.as_ref(),
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `trecho redlines`.
pub fn run_redlines(cli: &Cli, args: &RedlinesArgs) -> anyhow::Result<ExitCode> {
    let events = load_events(cli)?;
    let items = filter_red_lines(ledger::build(&events).red_lines, args);
    let mut out = std::io::stdout().lock();
    write_red_lines(&mut out, &items, args.format, args.history, use_color())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `trecho linkage`.
pub fn run_linkage(cli: &Cli, args: &LinkageArgs) -> anyhow::Result<ExitCode> {
    let events = load_events(cli)?;
    let items = filter_linkages(ledger::build(&events).linkages, args);
    let mut out = std::io::stdout().lock();
    write_linkages(&mut out, &items, args.format)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `trecho index`.
pub fn run_index(cli: &Cli, args: &IndexArgs) -> anyhow::Result<ExitCode> {
    let events = load_events(cli)?;
    let options = IndexOptions {
        actor: args.actor.clone(),
        recipient: args.recipient.clone(),
        issue: args.issue,
        interval: args.interval,
    };
    let rows = ledger::index(&events, &options);
    let mut out = std::io::stdout().lock();
    write_index(&mut out, &rows, args.format)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads every stored event. A missing store is an error that says what to do.
fn load_events(cli: &Cli) -> anyhow::Result<Vec<Event>> {
    let path = &cli.db;
    let store = super::common::open_existing_store(path)?;
    let events = store
        .events(&EventFilter::default())
        .with_context(|| format!("reading events from {}", path.display()))?;
    if events.is_empty() && !cli.quiet {
        eprintln!(
            "note: the store {} holds no events; run `trecho ingest` to add documents",
            path.display()
        );
    }
    Ok(events)
}

// ---------------------------------------------------------------------------------------------
// Filters

/// Whether an actor matches a side filter: its country code, canonical name or text, ignoring
/// case (`--actor usa`, `--actor "Claudia Sheinbaum"`).
fn actor_matches(filter: Option<&str>, actor: Option<&Actor>) -> bool {
    let Some(wanted) = filter else {
        return true;
    };
    let wanted = wanted.trim().to_lowercase();
    if keys::side(actor).to_lowercase() == wanted {
        return true;
    }
    actor.is_some_and(|actor| {
        actor
            .name
            .as_deref()
            .is_some_and(|n| n.to_lowercase() == wanted)
            || actor.text.to_lowercase() == wanted
    })
}

fn filter_commitments(items: Vec<Commitment>, args: &LedgerArgs) -> Vec<Commitment> {
    items
        .into_iter()
        .filter(|item| actor_matches(args.actor.as_deref(), item.actor.as_ref()))
        .filter(|item| actor_matches(args.recipient.as_deref(), item.recipient.as_ref()))
        .filter(|item| args.issue.is_none_or(|issue| item.issues.contains(&issue)))
        .filter(|item| args.status.is_none_or(|status| item.status == status))
        .filter(|item| args.speech_act.is_none_or(|act| item.speech_act == act))
        .collect()
}

fn filter_red_lines(items: Vec<RedLine>, args: &RedlinesArgs) -> Vec<RedLine> {
    items
        .into_iter()
        .filter(|item| actor_matches(args.actor.as_deref(), item.holder.as_ref()))
        .filter(|item| actor_matches(args.recipient.as_deref(), item.against.as_ref()))
        .filter(|item| args.status.is_none_or(|status| item.status == status))
        .collect()
}

fn filter_linkages(items: Vec<Linkage>, args: &LinkageArgs) -> Vec<Linkage> {
    items
        .into_iter()
        .filter(|item| actor_matches(args.actor.as_deref(), item.actor.as_ref()))
        .filter(|item| actor_matches(args.recipient.as_deref(), item.recipient.as_ref()))
        .filter(|item| {
            args.issue
                .is_none_or(|issue| item.lever == issue || item.goal == issue)
        })
        .collect()
}

fn parse_issue(text: &str) -> Result<Issue, String> {
    Issue::parse(&text.trim().to_lowercase().replace('-', "_")).ok_or_else(|| {
        format!("unknown issue {text:?}: expected one of security, drugs, trade, migration, water, energy, justice, diplomacy, human_rights, other")
    })
}

fn parse_commitment_status(text: &str) -> Result<CommitmentStatus, String> {
    CommitmentStatus::parse(&text.trim().to_lowercase().replace('-', "_")).ok_or_else(|| {
        format!("unknown status {text:?}: expected one of open, carried_out, partly_carried_out, conceded, withdrawn, lapsed, rejected")
    })
}

fn parse_red_line_status(text: &str) -> Result<RedLineStatus, String> {
    RedLineStatus::parse(&text.trim().to_lowercase()).ok_or_else(|| {
        format!("unknown status {text:?}: expected one of holding, approached, crossed")
    })
}

fn parse_speech_act(text: &str) -> Result<SpeechAct, String> {
    match SpeechAct::parse(&text.trim().to_lowercase()) {
        Some(act @ (SpeechAct::Threat | SpeechAct::Promise | SpeechAct::Demand)) => Ok(act),
        _ => Err(format!(
            "unknown speech act {text:?}: expected threat, promise or demand"
        )),
    }
}

fn parse_interval(text: &str) -> Result<Interval, String> {
    Interval::parse(text)
        .ok_or_else(|| format!("unknown interval {text:?}: expected week or month"))
}

// ---------------------------------------------------------------------------------------------
// Output

/// Colour the table only for a person at a terminal who has not asked for no colour
/// (https://no-color.org: `NO_COLOR` set to anything non-empty).
fn use_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

fn write_json<T: serde::Serialize>(out: &mut impl Write, items: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, items).map_err(|error| {
        match error.io_error_kind() {
            Some(kind) => anyhow::Error::new(std::io::Error::from(kind)),
            None => anyhow::Error::new(error).context("writing JSON"),
        }
    })?;
    writeln!(out)?;
    Ok(())
}

/// Writes CSV rows, passing IO errors (a closed pipe) through unchanged.
fn write_csv(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let result = (|| -> Result<(), csv::Error> {
        writer.write_record(header)?;
        for row in rows {
            writer.write_record(row)?;
        }
        writer.flush()?;
        Ok(())
    })();
    result.map_err(|error| match error.into_kind() {
        csv::ErrorKind::Io(io) => anyhow::Error::new(io),
        other => anyhow::anyhow!("writing CSV: {other:?}"),
    })
}

/// Writes an aligned table. `colors[i]` is the ANSI colour of row `i`'s cell in
/// `color_column`, if any; padding is computed on the plain text.
fn write_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[(Vec<String>, Vec<String>)],
    color_column: Option<usize>,
    colors: &[Option<&str>],
) -> anyhow::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (cells, _) in rows {
        for (index, cell) in cells.iter().enumerate() {
            if let Some(width) = widths.get_mut(index) {
                *width = (*width).max(cell.chars().count());
            }
        }
    }
    let line = |cells: &[String], color: Option<&str>| -> String {
        let mut text = String::new();
        let last = cells.len().saturating_sub(1);
        for (index, cell) in cells.iter().enumerate() {
            let width = widths.get(index).copied().unwrap_or(0);
            let pad = width.saturating_sub(cell.chars().count());
            match (color, Some(index) == color_column) {
                (Some(code), true) => text.push_str(&format!("\x1b[{code}m{cell}\x1b[0m")),
                _ => text.push_str(cell),
            }
            if index != last {
                text.push_str(&" ".repeat(pad + 2));
            }
        }
        text
    };
    let header_cells: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&header_cells, None))?;
    for (index, (cells, extra_lines)) in rows.iter().enumerate() {
        let color = colors.get(index).copied().flatten();
        writeln!(out, "{}", line(cells, color))?;
        for extra in extra_lines {
            writeln!(out, "    {extra}")?;
        }
    }
    Ok(())
}

fn date_text(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn actor_text(actor: Option<&Actor>) -> String {
    match actor {
        None => String::new(),
        Some(actor) => keys::label(Some(actor)),
    }
}

fn actor_name(actor: Option<&Actor>) -> String {
    actor
        .map(|actor| actor.name.clone().unwrap_or_else(|| actor.text.clone()))
        .unwrap_or_default()
}

fn issues_text(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(|issue| issue.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

fn commitment_color(status: CommitmentStatus) -> &'static str {
    match status {
        CommitmentStatus::Open => "33",             // yellow: still live
        CommitmentStatus::CarriedOut => "1;31",     // bold red: done
        CommitmentStatus::PartlyCarriedOut => "35", // magenta
        CommitmentStatus::Conceded => "32",         // green: the other side gave way
        CommitmentStatus::Withdrawn => "36",        // cyan
        CommitmentStatus::Lapsed => "2",            // dim
        CommitmentStatus::Rejected => "34",         // blue
    }
}

fn red_line_color(status: RedLineStatus) -> &'static str {
    match status {
        RedLineStatus::Holding => "32",
        RedLineStatus::Approached => "33",
        RedLineStatus::Crossed => "1;31",
    }
}

fn history_lines<S: std::fmt::Display>(history: &[ledger::StatusChange<S>]) -> Vec<String> {
    history
        .iter()
        .map(|change| {
            format!(
                "{:<10}  {:<18}  {}",
                date_text(change.date),
                change.status.to_string(),
                change.evidence.join(" ")
            )
        })
        .collect()
}

fn history_text<S: std::fmt::Display>(history: &[ledger::StatusChange<S>]) -> String {
    history
        .iter()
        .map(|change| format!("{} {}", date_text(change.date), change.status))
        .collect::<Vec<_>>()
        .join("; ")
}

/// An item that follows a status over time: a commitment or a red line.
trait Followed {
    type Status: std::fmt::Display;
    /// Every change of status, in date order.
    fn history(&self) -> &[ledger::StatusChange<Self::Status>];
    /// The ANSI colour of its current status.
    fn status_color(&self) -> &'static str;
}

impl Followed for Commitment {
    type Status = CommitmentStatus;
    fn history(&self) -> &[ledger::StatusChange<CommitmentStatus>] {
        &self.history
    }
    fn status_color(&self) -> &'static str {
        commitment_color(self.status)
    }
}

impl Followed for RedLine {
    type Status = RedLineStatus;
    fn history(&self) -> &[ledger::StatusChange<RedLineStatus>] {
        &self.history
    }
    fn status_color(&self) -> &'static str {
        red_line_color(self.status)
    }
}

/// Writes commitments or red lines as a table: one row per item, its status cell (column
/// `status_column`) coloured when `color`, and under it its status changes when `history`,
/// then the lines `more_lines` gives (evidence sentences).
#[allow(clippy::too_many_arguments)]
fn write_status_table<T: Followed>(
    out: &mut impl Write,
    header: &[&str],
    items: &[T],
    cells: impl Fn(&T) -> Vec<String>,
    more_lines: impl Fn(&T) -> Vec<String>,
    status_column: usize,
    history: bool,
    color: bool,
) -> anyhow::Result<()> {
    let rows: Vec<(Vec<String>, Vec<String>)> = items
        .iter()
        .map(|item| {
            let mut extra = if history {
                history_lines(item.history())
            } else {
                Vec::new()
            };
            extra.extend(more_lines(item));
            (cells(item), extra)
        })
        .collect();
    let colors: Vec<Option<&str>> = items
        .iter()
        .map(|item| color.then(|| item.status_color()))
        .collect();
    write_table(out, header, &rows, Some(status_column), &colors)
}

/// Writes plain rows as a table with the CSV header in capitals.
fn write_plain_table(
    out: &mut impl Write,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> anyhow::Result<()> {
    let upper: Vec<String> = header.iter().map(|h| h.to_uppercase()).collect();
    let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
    let rows: Vec<(Vec<String>, Vec<String>)> =
        rows.into_iter().map(|cells| (cells, Vec::new())).collect();
    write_table(out, &upper, &rows, None, &[])
}

/// The sentences of the events a ledger item cites, by event id.
struct Evidence<'a> {
    by_id: std::collections::HashMap<&'a str, &'a Event>,
}

impl<'a> Evidence<'a> {
    fn new(events: &'a [Event]) -> Evidence<'a> {
        Evidence {
            by_id: events
                .iter()
                .map(|event| (event.id.as_str(), event))
                .collect(),
        }
    }

    /// One line per cited event: its day and its sentence.
    fn lines(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| match self.by_id.get(id.as_str()) {
                Some(event) => {
                    let day = event
                        .date
                        .map(|date| date.to_string())
                        .or_else(|| event.published.map(|day| day.to_string()))
                        .unwrap_or_default();
                    format!("evidence  {day:<10}  {}", event.sentence)
                }
                None => format!("evidence  {id} (not in the store)"),
            })
            .collect()
    }
}

/// Writes commitments; in a table, with their evidence sentences under them when `evidence`
/// is given.
fn write_commitments(
    out: &mut impl Write,
    items: &[Commitment],
    format: OutputFormat,
    history: bool,
    color: bool,
    evidence: Option<&Evidence>,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => write_json(out, &items),
        OutputFormat::Csv => {
            let header = [
                "id",
                "speech_act",
                "actor",
                "actor_name",
                "recipient",
                "recipient_name",
                "content_type",
                "issues",
                "lever",
                "goal",
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
                "history",
            ];
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|item| {
                    vec![
                        item.id.clone(),
                        item.speech_act.to_string(),
                        actor_text(item.actor.as_ref()),
                        actor_name(item.actor.as_ref()),
                        actor_text(item.recipient.as_ref()),
                        actor_name(item.recipient.as_ref()),
                        item.content_type.map(|t| t.to_string()).unwrap_or_default(),
                        issues_text(&item.issues),
                        item.leverage
                            .map(|l| l.lever.to_string())
                            .unwrap_or_default(),
                        item.leverage
                            .map(|l| l.goal.to_string())
                            .unwrap_or_default(),
                        item.summary.clone(),
                        date_text(item.first_said),
                        date_text(item.last_said),
                        item.mentions.to_string(),
                        item.reported_count
                            .map(|c| c.to_string())
                            .unwrap_or_default(),
                        item.times_said.to_string(),
                        date_text(item.deadline),
                        item.deadline_text.clone().unwrap_or_default(),
                        item.status.to_string(),
                        date_text(item.status_date),
                        item.evidence.join(";"),
                        item.status_evidence.join(";"),
                        history_text(&item.history),
                    ]
                })
                .collect();
            write_csv(out, &header, &rows)
        }
        OutputFormat::Table => {
            let header = [
                "ID",
                "ACT",
                "ACTOR",
                "RECIPIENT",
                "CONTENT",
                "ISSUES",
                "FIRST",
                "LAST",
                "TIMES",
                "DEADLINE",
                "STATUS",
                "SINCE",
            ];
            let cells = |item: &Commitment| {
                let deadline = match (&item.deadline, &item.deadline_text) {
                    (Some(date), _) => date.to_string(),
                    (None, Some(text)) => format!("\"{text}\""),
                    (None, None) => String::new(),
                };
                let times = match item.reported_count {
                    Some(reported) if reported > item.mentions => {
                        format!("{} ({} found)", reported, item.mentions)
                    }
                    _ => item.times_said.to_string(),
                };
                vec![
                    item.id.clone(),
                    item.speech_act.to_string(),
                    actor_text(item.actor.as_ref()),
                    actor_text(item.recipient.as_ref()),
                    item.content_type.map(|t| t.to_string()).unwrap_or_default(),
                    issues_text(&item.issues).replace(';', ","),
                    date_text(item.first_said),
                    date_text(item.last_said),
                    times,
                    deadline,
                    item.status.to_string(),
                    date_text(item.status_date),
                ]
            };
            let extra = |item: &Commitment| {
                evidence.map_or_else(Vec::new, |evidence| evidence.lines(&item.evidence))
            };
            write_status_table(out, &header, items, cells, extra, 10, history, color)
        }
    }
}

fn write_red_lines(
    out: &mut impl Write,
    items: &[RedLine],
    format: OutputFormat,
    history: bool,
    color: bool,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => write_json(out, &items),
        OutputFormat::Csv => {
            let header = [
                "id",
                "holder",
                "holder_name",
                "against",
                "against_name",
                "content_type",
                "summary",
                "declared",
                "last_restated",
                "restated",
                "status",
                "status_date",
                "evidence",
                "status_evidence",
                "history",
            ];
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|item| {
                    vec![
                        item.id.clone(),
                        actor_text(item.holder.as_ref()),
                        actor_name(item.holder.as_ref()),
                        actor_text(item.against.as_ref()),
                        actor_name(item.against.as_ref()),
                        item.content_type.map(|t| t.to_string()).unwrap_or_default(),
                        item.summary.clone(),
                        date_text(item.declared),
                        date_text(item.last_restated),
                        item.restated.to_string(),
                        item.status.to_string(),
                        date_text(item.status_date),
                        item.evidence.join(";"),
                        item.status_evidence.join(";"),
                        history_text(&item.history),
                    ]
                })
                .collect();
            write_csv(out, &header, &rows)
        }
        OutputFormat::Table => {
            let header = [
                "ID",
                "HOLDER",
                "AGAINST",
                "RULES OUT",
                "DECLARED",
                "LAST",
                "RESTATED",
                "STATUS",
                "SINCE",
            ];
            let cells = |item: &RedLine| {
                vec![
                    item.id.clone(),
                    actor_text(item.holder.as_ref()),
                    if item.against.is_some() {
                        actor_text(item.against.as_ref())
                    } else {
                        "anyone".to_string()
                    },
                    item.content_type.map(|t| t.to_string()).unwrap_or_default(),
                    date_text(item.declared),
                    date_text(item.last_restated),
                    item.restated.to_string(),
                    item.status.to_string(),
                    date_text(item.status_date),
                ]
            };
            write_status_table(
                out,
                &header,
                items,
                cells,
                |_| Vec::new(),
                7,
                history,
                color,
            )
        }
    }
}

fn write_linkages(
    out: &mut impl Write,
    items: &[Linkage],
    format: OutputFormat,
) -> anyhow::Result<()> {
    let header = [
        "actor",
        "recipient",
        "lever",
        "goal",
        "first_seen",
        "last_seen",
        "count",
        "evidence",
    ];
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            vec![
                actor_text(item.actor.as_ref()),
                actor_text(item.recipient.as_ref()),
                item.lever.to_string(),
                item.goal.to_string(),
                date_text(item.first_seen),
                date_text(item.last_seen),
                item.count.to_string(),
                item.evidence.join(";"),
            ]
        })
        .collect();
    match format {
        OutputFormat::Json => write_json(out, &items),
        OutputFormat::Csv => write_csv(out, &header, &rows),
        OutputFormat::Table => {
            // The evidence list is long; the table shows the counts and dates only.
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|mut cells| {
                    cells.pop();
                    cells
                })
                .collect();
            write_plain_table(out, header.get(..7).unwrap_or(&header), rows)
        }
    }
}

fn score_text(score: Option<f64>) -> String {
    score.map(|s| format!("{s:.2}")).unwrap_or_default()
}

fn write_index(
    out: &mut impl Write,
    rows: &[IndexRow],
    format: OutputFormat,
) -> anyhow::Result<()> {
    let header = [
        "period",
        "actor",
        "recipient",
        "issue",
        "said_count",
        "done_count",
        "said_score",
        "done_score",
        "gap",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            vec![
                row.period.clone(),
                row.actor.clone(),
                row.recipient.clone(),
                row.issue.to_string(),
                row.said_count.to_string(),
                row.done_count.to_string(),
                score_text(row.said_score),
                score_text(row.done_score),
                score_text(row.gap),
            ]
        })
        .collect();
    match format {
        OutputFormat::Json => write_json(out, &rows),
        OutputFormat::Csv => write_csv(out, &header, &cells),
        OutputFormat::Table => write_plain_table(out, &header, cells),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trecho::{Document, Kind, Lang, Leverage, Normalized, Store};

    fn event(id: &str, sentence: &str, start: usize) -> Event {
        let usa = Actor {
            text: "Trump".into(),
            country: Some("USA".into()),
            sector: Some("GOV".into()),
            name: Some("Donald Trump".into()),
        };
        let mex = Actor {
            text: "Mexico".into(),
            country: Some("MEX".into()),
            sector: Some("GOV".into()),
            name: None,
        };
        Event {
            id: id.into(),
            doc_id: "doc".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 12, 24),
            lang: Lang::En,
            sentence: sentence.into(),
            span: [start, start + sentence.len()],
            date: None,
            date_source: None,
            actor: Some(usa),
            recipient: Some(mex),
            event_type: trecho::EventType::Threaten,
            mode: None,
            quad: trecho::EventType::Threaten.quad(),
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(trecho::EventType::Sanction),
            issues: vec![Issue::Trade, Issue::Water],
            leverage: Some(Leverage {
                lever: Issue::Trade,
                goal: Issue::Water,
            }),
            negated: false,
            hypothetical: false,
            speaker: None,
            attribution: None,
            reported_count: None,
            confidence: 0.9,
        }
    }

    fn cli(db: std::path::PathBuf) -> Cli {
        Cli {
            db,
            quiet: true,
            command: crate::Command::Linkage(LinkageArgs {
                store: super::super::common::StoreArg { db: None },
                format: OutputFormat::Json,
                actor: None,
                recipient: None,
                issue: None,
            }),
        }
    }

    #[test]
    fn a_missing_store_says_to_ingest_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.db");
        let error = load_events(&cli(path.clone())).unwrap_err();
        let message = format!("{error:#}");
        assert!(message.contains("trecho ingest"), "{message}");
        assert!(message.contains("missing.db"), "{message}");
        assert!(!path.exists(), "reading must not create the store");
    }

    #[test]
    fn reads_the_store_and_renders_every_format() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trecho.db");
        let text = "Trump threatened Mexico with tariffs to get water. He did so again.";
        let events = vec![event(
            "e1",
            "Trump threatened Mexico with tariffs to get water.",
            0,
        )];
        {
            let mut store = Store::open(&path).unwrap();
            let document = Document {
                id: "doc".into(),
                source: "test.txt".into(),
                text: text.into(),
                published: chrono::NaiveDate::from_ymd_opt(2025, 12, 24),
                ..Document::default()
            };
            let normalized = Normalized {
                text: text.into(),
                sentences: vec![],
                published: document.published,
                lang: Lang::En,
                offset_map: vec![],
                diagnostics: vec![],
            };
            store
                .insert_document(&document, &normalized, &events)
                .unwrap();
        }
        let loaded = load_events(&cli(path)).unwrap();
        assert_eq!(loaded.len(), 1);
        let ledger = ledger::build(&loaded);

        let mut table = Vec::new();
        write_commitments(
            &mut table,
            &ledger.commitments,
            OutputFormat::Table,
            true,
            false,
            None,
        )
        .unwrap();
        let table = String::from_utf8(table).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("ID "), "{table}");
        // Columns line up: STATUS starts at the same byte in the header and the row.
        let column = lines[0].find("STATUS").unwrap();
        assert_eq!(lines[1].get(column..column + 4), Some("open"), "{table}");
        assert!(
            lines[2].trim_start().starts_with("2025-12-24  open"),
            "{table}"
        );
        assert!(!table.contains('\x1b'));

        let mut colored = Vec::new();
        write_commitments(
            &mut colored,
            &ledger.commitments,
            OutputFormat::Table,
            false,
            true,
            None,
        )
        .unwrap();
        let colored = String::from_utf8(colored).unwrap();
        assert!(colored.contains("\x1b[33mopen\x1b[0m"), "{colored:?}");

        let mut csv = Vec::new();
        write_commitments(
            &mut csv,
            &ledger.commitments,
            OutputFormat::Csv,
            false,
            false,
            None,
        )
        .unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.starts_with("id,speech_act,actor,actor_name,recipient"),
            "{csv}"
        );
        assert!(csv.contains(",USA,Donald Trump,MEX,Mexico,SANCTION,trade;water,trade,water,"));

        let mut json = Vec::new();
        write_commitments(
            &mut json,
            &ledger.commitments,
            OutputFormat::Json,
            false,
            false,
            None,
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let item = &value[0];
        for field in [
            "id",
            "speech_act",
            "actor",
            "recipient",
            "content_type",
            "issues",
            "leverage",
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
            "history",
        ] {
            assert!(item.get(field).is_some(), "missing {field} in {item}");
        }
        assert_eq!(item["status"], "open");

        let mut links = Vec::new();
        write_linkages(&mut links, &ledger.linkages, OutputFormat::Csv).unwrap();
        let links = String::from_utf8(links).unwrap();
        assert_eq!(
            links,
            "actor,recipient,lever,goal,first_seen,last_seen,count,evidence\nUSA,MEX,trade,water,2025-12-24,2025-12-24,1,e1\n"
        );

        let rows = ledger::index(&loaded, &IndexOptions::default());
        let mut index_table = Vec::new();
        write_index(&mut index_table, &rows, OutputFormat::Table).unwrap();
        let index_table = String::from_utf8(index_table).unwrap();
        assert!(
            index_table.contains("2025-W52  USA    MEX        trade"),
            "{index_table}"
        );
    }

    #[test]
    fn filters_match_sides_names_and_statuses() {
        let events = vec![event(
            "e1",
            "Trump threatened Mexico with tariffs to get water.",
            0,
        )];
        let items = ledger::build(&events).commitments;
        let args = |actor: Option<&str>, status: Option<CommitmentStatus>| LedgerArgs {
            store: super::super::common::StoreArg { db: None },
            format: OutputFormat::Json,
            actor: actor.map(String::from),
            recipient: None,
            issue: None,
            status,
            speech_act: None,
            history: false,
            evidence: false,
        };
        assert_eq!(
            filter_commitments(items.clone(), &args(Some("usa"), None)).len(),
            1
        );
        assert_eq!(
            filter_commitments(items.clone(), &args(Some("donald trump"), None)).len(),
            1
        );
        assert_eq!(
            filter_commitments(items.clone(), &args(Some("MEX"), None)).len(),
            0
        );
        assert_eq!(
            filter_commitments(items, &args(None, Some(CommitmentStatus::Conceded))).len(),
            0
        );
        assert!(parse_issue("human-rights").is_ok());
        assert!(parse_commitment_status("carried-out").is_ok());
        assert!(parse_speech_act("red_line").is_err());
        assert!(parse_interval("fortnight").is_err());
    }

    /// A red line approached then crossed, a threat carried out and one open with leverage.
    fn table_fixture() -> ledger::Ledger {
        let mut line = event("r1", "No aceptamos intervención en nuestro territorio.", 0);
        line.actor = Some(Actor {
            text: "Sheinbaum".into(),
            country: Some("MEX".into()),
            sector: Some("GOV".into()),
            name: Some("Claudia Sheinbaum".into()),
        });
        line.recipient = Some(Actor {
            text: "the United States".into(),
            country: Some("USA".into()),
            sector: Some("GOV".into()),
            name: None,
        });
        line.speech_act = Some(SpeechAct::RedLine);
        line.content_type = Some(trecho::EventType::Assault);
        line.issues = vec![Issue::Security];
        line.leverage = None;
        line.date = PartialDate::parse("2025-11-03");
        let mut threat = event("t1", "Trump threatened strikes on cartels in Mexico.", 60);
        threat.content_type = Some(trecho::EventType::Assault);
        threat.issues = vec![Issue::Security, Issue::Drugs];
        threat.leverage = None;
        threat.date = PartialDate::parse("2025-11-10");
        let mut strike = event("s1", "US forces struck a drug lab in Sinaloa, Mexico.", 120);
        strike.kind = Kind::Done;
        strike.speech_act = None;
        strike.content_type = None;
        strike.event_type = trecho::EventType::Assault;
        strike.issues = vec![Issue::Security];
        strike.leverage = None;
        strike.date = PartialDate::parse("2025-11-20");
        let linked = event(
            "l1",
            "Trump threatened Mexico with tariffs to get water.",
            180,
        );
        ledger::build(&[line, threat, strike, linked])
    }

    fn render(write: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The tables with history and colour, and the red lines' CSV, to the letter (as the
    /// writers gave them before they shared `write_status_table`).
    #[test]
    fn tables_with_history_and_colour() {
        let ledger = table_fixture();
        let commitments = render(|out| {
            write_commitments(
                out,
                &ledger.commitments,
                OutputFormat::Table,
                true,
                true,
                None,
            )
        });
        let red_lines =
            render(|out| write_red_lines(out, &ledger.red_lines, OutputFormat::Table, true, true));
        let red_lines_csv =
            render(|out| write_red_lines(out, &ledger.red_lines, OutputFormat::Csv, false, false));
        let linkages = render(|out| write_linkages(out, &ledger.linkages, OutputFormat::Table));
        assert_eq!(commitments, "ID                  ACT     ACTOR  RECIPIENT  CONTENT   ISSUES          FIRST       LAST        TIMES  DEADLINE  STATUS       SINCE\nc-4a9112312f910a93  threat  USA    MEX        ASSAULT   security,drugs  2025-11-10  2025-11-10  1                \u{1b}[1;31mcarried_out\u{1b}[0m  2025-11-20\n    2025-11-10  open                t1\n    2025-11-20  carried_out         s1\nc-73338106d88ccffd  threat  USA    MEX        SANCTION  trade,water     2025-12-24  2025-12-24  1                \u{1b}[33mopen\u{1b}[0m         \n    2025-12-24  open                l1\n");
        assert_eq!(red_lines, "ID                  HOLDER  AGAINST  RULES OUT  DECLARED    LAST        RESTATED  STATUS   SINCE\nr-402c369dc8def0aa  MEX     USA      ASSAULT    2025-11-03  2025-11-03  1         \u{1b}[1;31mcrossed\u{1b}[0m  2025-11-20\n    2025-11-03  holding             r1\n    2025-11-10  approached          t1\n    2025-11-20  crossed             s1\n");
        assert_eq!(red_lines_csv, "id,holder,holder_name,against,against_name,content_type,summary,declared,last_restated,restated,status,status_date,evidence,status_evidence,history\nr-402c369dc8def0aa,MEX,Claudia Sheinbaum,USA,the United States,ASSAULT,MEX rules out ASSAULT by USA,2025-11-03,2025-11-03,1,crossed,2025-11-20,r1,s1,2025-11-03 holding; 2025-11-10 approached; 2025-11-20 crossed\n");
        assert_eq!(linkages, "ACTOR  RECIPIENT  LEVER  GOAL   FIRST_SEEN  LAST_SEEN   COUNT\nUSA    MEX        trade  water  2025-12-24  2025-12-24  1\n");
    }
}
