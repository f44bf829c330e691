//! `trecho ingest`: inputs in, documents, sentences and events stored; a summary on stderr.

use super::common::{progress_bar, warn, InputArgs};
use crate::Cli;
use std::process::ExitCode;
use trecho::{count_inputs, read_input, walk_inputs, IngestProgress, Store};

/// Arguments of `trecho ingest`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho ingest corpus/demo
  trecho --db news.db ingest --published 2025-12-24 article.txt
  cat docs.jsonl | trecho ingest --input-format jsonl -

Each document is stored with its sentences and events in one transaction: an interrupted run
leaves every stored document whole, and running it again adds what is missing. A document
already stored (same normalized text) is left unchanged; one with the same id and new text is
replaced. A file that cannot be read is named on stderr and skipped; the others are stored.
Exit status: 0 when every input was read, 1 when some could not be, 2 on other errors.")]
pub struct Args {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `trecho ingest`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let engine = args.input.engine()?;
    let bar = progress_bar(0, cli.quiet);
    if !bar.is_hidden() {
        // The total costs a second walk of the directories (names only, no file is opened);
        // skipped when no bar is shown.
        bar.set_length(count_inputs(&args.input.paths));
    }
    let max_bytes = engine.options().max_input_bytes;
    // Walked as the engine reads, so the list of files is never held whole.
    let mut inputs = walk_inputs(&args.input.paths)
        .map(|input_path| read_input(&input_path, args.input.input_format, max_bytes));
    // A new store is created only once a file could be read: the files before the first one
    // that can are held (they failed, so they hold no bytes), and if none can, no store is
    // left behind.
    let mut head = Vec::new();
    for input in inputs.by_ref() {
        let readable = input.bytes.is_ok();
        head.push(input);
        if readable {
            break;
        }
    }
    if head.is_empty() {
        return Err(super::common::no_inputs(&args.input.paths));
    }
    if !cli.db.exists() && head.iter().all(|input| input.bytes.is_err()) {
        bar.finish_and_clear();
        for input in head {
            if let Err(error) = input.bytes {
                warn(&bar, error);
            }
        }
        eprintln!(
            "no input could be read, so no store was created at {}",
            cli.db.display()
        );
        return Ok(ExitCode::from(1));
    }
    let inputs = head.into_iter().chain(inputs);
    let mut store = Store::open(&cli.db)?;
    let summary = trecho::ingest(&engine, &mut store, inputs, |progress| match progress {
        IngestProgress::Warning(message) => warn(&bar, message),
        IngestProgress::FileDone => bar.inc(1),
    })?;
    bar.finish_and_clear();
    if !cli.quiet {
        eprintln!(
            "files: {} read, {} failed; documents: {} new, {} unchanged, {} replaced, {} failed; \
             stored {} sentences and {} events in {}",
            summary.files,
            summary.files_failed,
            summary.new,
            summary.unchanged,
            summary.replaced,
            summary.documents_failed,
            summary.sentences,
            summary.events,
            cli.db.display()
        );
    }
    Ok(if summary.files_failed + summary.documents_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
