//! `trecho eval`: score the extractor on gold files.

use crate::Cli;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use trecho::{Engine, EngineOptions};

/// Arguments of `trecho eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho eval gold/plover_gsr.jsonl gold/up_spanish_validation.jsonl
  trecho eval --format json gold/*.jsonl > report.json

Gold files are JSON Lines in the shape of data/gold (one sentence per line with its events).
The report gives, per set and language, event-type precision, recall and F1, actor and
recipient country accuracy, and the sentences where prediction and gold differ.")]
pub struct Args {
    /// Gold files (JSON Lines).
    #[arg(required = true, value_name = "GOLD.jsonl")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,

    /// An extra actor dictionary; may be repeated.
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
}

/// Output formats of `trecho eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// A readable report.
    Table,
    /// The report as one JSON object.
    Json,
}

/// Runs `trecho eval`.
pub fn run(_cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let engine = Engine::new(EngineOptions {
        user_actors: args.actors.clone(),
        ..EngineOptions::default()
    })
    .context("loading the --actors dictionaries")?;
    let report = engine.eval(&args.paths)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        EvalFormat::Table => write!(out, "{report}")?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
