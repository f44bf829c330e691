//! The `trecho` command line: flags and glue only. Each subcommand lives in `cmd/<name>.rs`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;

/// trecho: between saying and doing. Extracts events from news text, keeps words apart from
/// deeds, and follows threats, promises, demands and red lines to what happened next.
#[derive(Debug, Parser)]
#[command(name = "trecho", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// The store (SQLite file) of ingest, events, export, ledger, redlines, linkage, index and
    /// serve (which also take --db after their name). Default: trecho.db in the current
    /// directory.
    #[arg(
        long,
        value_name = "FILE",
        env = "TRECHO_DB",
        default_value = "trecho.db"
    )]
    pub db: std::path::PathBuf,

    /// Print no progress bar and no summary on stderr (warnings and errors still print).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  trecho extract article.html                      events as JSON Lines on stdout
  trecho extract --format table corpus/demo        a readable table
  trecho ingest corpus/demo                        store documents and events in trecho.db
  trecho events --actor USA --recipient MEX --kind said --format table
  trecho ledger --format table                     threats, promises, demands and their status
  trecho export --format parquet --out events.parquet
  trecho serve                                     dashboard at http://127.0.0.1:8080";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract events from inputs and print them (stateless: nothing is stored).
    Extract(cmd::extract::Args),
    /// Read inputs and store their documents, sentences and events.
    Ingest(cmd::ingest::Args),
    /// Query stored events.
    Events(cmd::events::Args),
    /// Export stored events to JSON Lines, CSV or Parquet.
    Export(cmd::export::Args),
    /// Actor dictionary tools.
    Actors(cmd::actors::Args),
    /// Score the extractor on gold files.
    Eval(cmd::eval::Args),
    /// Threats, promises and demands with repeats and follow-through.
    Ledger(cmd::ledger::LedgerArgs),
    /// Red lines and whether they hold.
    Redlines(cmd::ledger::RedlinesArgs),
    /// One issue used as a lever on another.
    Linkage(cmd::ledger::LinkageArgs),
    /// Said-versus-done index per dyad, issue and week.
    Index(cmd::ledger::IndexArgs),
    /// Serve the HTTP API and the dashboard.
    Serve(cmd::serve::Args),
    /// Measure throughput of the whole pipeline.
    Bench(cmd::bench::Args),
    /// Tag and parse text (or CoNLL-U words), printing CoNLL-U.
    Parse(cmd::parse::Args),
    /// Train models from data (the syntax tagger and parser).
    Train(cmd::train::Args),
}

impl Command {
    /// The `--db` given after the command's name, for the commands that use a store.
    fn store(&self) -> Option<&cmd::common::StoreArg> {
        match self {
            Command::Ingest(args) => Some(&args.store),
            Command::Events(args) => Some(&args.store),
            Command::Export(args) => Some(&args.store),
            Command::Ledger(args) => Some(&args.store),
            Command::Redlines(args) => Some(&args.store),
            Command::Linkage(args) => Some(&args.store),
            Command::Index(args) => Some(&args.store),
            Command::Serve(args) => Some(&args.store),
            Command::Extract(_)
            | Command::Actors(_)
            | Command::Eval(_)
            | Command::Bench(_)
            | Command::Parse(_)
            | Command::Train(_) => None,
        }
    }
}

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Some(db) = cli.command.store().and_then(|store| store.db.clone()) {
        cli.db = db;
    }
    let result = match &cli.command {
        Command::Extract(args) => cmd::extract::run(&cli, args),
        Command::Ingest(args) => cmd::ingest::run(&cli, args),
        Command::Events(args) => cmd::events::run(&cli, args),
        Command::Export(args) => cmd::export::run(&cli, args),
        Command::Actors(args) => cmd::actors::run(&cli, args),
        Command::Eval(args) => cmd::eval::run(&cli, args),
        Command::Ledger(args) => cmd::ledger::run_ledger(&cli, args),
        Command::Redlines(args) => cmd::ledger::run_redlines(&cli, args),
        Command::Linkage(args) => cmd::ledger::run_linkage(&cli, args),
        Command::Index(args) => cmd::ledger::run_index(&cli, args),
        Command::Serve(args) => cmd::serve::run(&cli, args),
        Command::Bench(args) => cmd::bench::run(&cli, args),
        Command::Parse(args) => cmd::parse::run(&cli, args),
        Command::Train(args) => cmd::train::run(&cli, args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`trecho events | head`) is not an error.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {}", error_message(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, each said once. trecho's own error types already end
/// their message with their cause (and say what to do), so the walk stops after the first of
/// them; `{:#}` would print each cause again.
fn error_message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
        let says_its_causes = cause.is::<trecho::Error>()
            || cause.is::<trecho::StoreError>()
            || cause.is::<trecho_serve::Error>();
        if says_its_causes {
            return message;
        }
    }
    // A bare IO error (writing an export or the output) says what failed but not what to do.
    let remedy = match io_error_kind(err) {
        Some(std::io::ErrorKind::StorageFull) => "; free some space and run again",
        Some(std::io::ErrorKind::PermissionDenied) => "; check the permissions of the path",
        Some(std::io::ErrorKind::NotFound) => "; check the path",
        _ => "",
    };
    message.push_str(remedy);
    message
}

/// Whether the error, or any error it wraps, is a closed output pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| io_kind(cause) == Some(std::io::ErrorKind::BrokenPipe))
}

/// The kind of the first IO error the error wraps.
fn io_error_kind(err: &anyhow::Error) -> Option<std::io::ErrorKind> {
    err.chain().find_map(io_kind)
}

/// The kind of one cause when it is an IO error, also when it comes through the JSON or CSV
/// writers, which wrap the IO error in their own.
fn io_kind(cause: &(dyn std::error::Error + 'static)) -> Option<std::io::ErrorKind> {
    if let Some(io) = cause.downcast_ref::<std::io::Error>() {
        return Some(io.kind());
    }
    if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
        return json.io_error_kind();
    }
    if let Some(csv) = cause.downcast_ref::<csv::Error>() {
        if let csv::ErrorKind::Io(io) = csv.kind() {
            return Some(io.kind());
        }
    }
    None
}
