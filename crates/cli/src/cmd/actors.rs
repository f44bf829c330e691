//! `trecho actors lookup`: resolve names to actors with the shipped (and user) dictionaries.

use super::common::parse_date;
use super::output::write_table;
use crate::Cli;
use anyhow::Context;
use chrono::NaiveDate;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use trecho::{Actor, Engine, EngineOptions};

/// Arguments of `trecho actors`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: ActorsCommand,
}

/// Actor dictionary tools.
#[derive(Debug, clap::Subcommand)]
pub enum ActorsCommand {
    /// Resolve names ("Sheinbaum", "the Mexican navy", "EE.UU.") to actors.
    #[command(after_help = "\
Examples:
  trecho actors lookup Sheinbaum \"the Mexican navy\" DEA
  trecho actors lookup --date 2024-06-01 \"the president of Mexico\" --format table
  cut -f1 names.tsv | trecho actors lookup -

JSON output is an array in input order: {\"query\", \"actor\": {text, country, sector, name}
or null, \"kind\", \"entry\"}.")]
    Lookup(LookupArgs),
}

/// Arguments of `trecho actors lookup`.
#[derive(Debug, clap::Args)]
pub struct LookupArgs {
    /// Names to resolve; `-` reads one name per line from standard input.
    #[arg(required = true, value_name = "TEXT")]
    pub texts: Vec<String>,

    /// Resolve office-holders as of this day (default: the current ones).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = LookupFormat::Json)]
    pub format: LookupFormat,

    /// An extra actor dictionary; may be repeated.
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
}

/// Output formats of `trecho actors lookup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LookupFormat {
    /// A JSON array, one object per name, in input order.
    Json,
    /// Aligned columns.
    Table,
}

/// One answer of a lookup.
#[derive(Debug, serde::Serialize)]
struct Answer {
    query: String,
    actor: Option<Actor>,
    kind: Option<&'static str>,
    entry: Option<String>,
}

/// Runs `trecho actors`.
pub fn run(_cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    match &args.command {
        ActorsCommand::Lookup(lookup) => run_lookup(lookup),
    }
}

fn run_lookup(args: &LookupArgs) -> anyhow::Result<ExitCode> {
    let engine = Engine::new(EngineOptions {
        user_actors: args.actors.clone(),
        ..EngineOptions::default()
    })
    .context("loading the --actors dictionaries")?;
    let mut queries = Vec::new();
    for text in &args.texts {
        if text == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("reading names from standard input")?;
                if !line.trim().is_empty() {
                    queries.push(line.trim().to_string());
                }
            }
        } else {
            queries.push(text.clone());
        }
    }
    let answers: Vec<Answer> = queries
        .into_iter()
        .map(|query| {
            let mention = engine.lookup_actor(&query, args.date);
            Answer {
                actor: mention.as_ref().map(|mention| mention.actor.clone()),
                kind: mention.as_ref().map(|mention| mention.kind.as_str()),
                entry: mention.map(|mention| mention.entry),
                query,
            }
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        LookupFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &answers)?;
            writeln!(out)?;
        }
        LookupFormat::Table => {
            let dash = || "-".to_string();
            let rows: Vec<(Vec<String>, Vec<String>)> = answers
                .iter()
                .map(|answer| {
                    let actor = answer.actor.as_ref();
                    let row = vec![
                        answer.query.clone(),
                        actor.and_then(|a| a.country.clone()).unwrap_or_else(dash),
                        actor.and_then(|a| a.sector.clone()).unwrap_or_else(dash),
                        actor.and_then(|a| a.name.clone()).unwrap_or_else(dash),
                        answer.kind.map_or_else(dash, str::to_string),
                    ];
                    (row, Vec::new())
                })
                .collect();
            write_table(
                &mut out,
                &["QUERY", "COUNTRY", "SECTOR", "NAME", "KIND"],
                &rows,
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
