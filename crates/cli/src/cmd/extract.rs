//! `trecho extract`: inputs in, events out on stdout; nothing is stored.

use super::common::{progress_bar, warn, InputArgs};
use super::output::{EventFormat, EventSink};
use crate::Cli;
use std::io::Write;
use std::process::ExitCode;
use trecho::{count_inputs, read_input, walk_inputs, Outcome};

/// Arguments of `trecho extract`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho extract article.html
  trecho extract --format table --explain corpus/demo
  trecho extract --input-format jsonl --published 2025-12-24 - < docs.jsonl

A JSON Lines input has one document per line ({\"id\", \"text\", \"title\", \"url\",
\"published\", \"lang\"}); its events carry the line's id as doc_id.
Exit status: 0 when every input was read, 1 when some could not be (each is named on stderr).")]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
    pub format: EventFormat,

    /// Show, for each record, which rules and lexicon entries fired.
    #[arg(long)]
    pub explain: bool,
}

/// Runs `trecho extract`.
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
    let inputs = walk_inputs(&args.input.paths)
        .map(|input_path| read_input(&input_path, args.input.input_format, max_bytes));
    let stdout = std::io::stdout().lock();
    let mut sink = EventSink::new(args.format, std::io::BufWriter::new(stdout), args.explain);
    let mut n_failed = 0;
    let mut n_files = 0;
    engine.run(inputs, |outcome| -> anyhow::Result<()> {
        match outcome {
            Outcome::Processed(processed) => {
                for (index, event) in processed.events.iter().enumerate() {
                    sink.write(event, processed.explanations.get(index))?;
                }
                for diagnostic in &processed.diagnostics {
                    warn(&bar, diagnostic);
                }
            }
            Outcome::Part(part) => {
                for (index, event) in part.events.iter().enumerate() {
                    sink.write(event, part.explanations.get(index))?;
                }
                for diagnostic in &part.diagnostics {
                    warn(&bar, diagnostic);
                }
            }
            Outcome::Started(_) | Outcome::Finished(_) => {}
            Outcome::Failed { error, .. } => {
                n_failed += 1;
                n_files += 1;
                warn(&bar, error);
            }
            Outcome::Diagnostic(diagnostic) => warn(&bar, diagnostic),
            Outcome::FileDone { .. } => {
                n_files += 1;
                bar.inc(1);
            }
        }
        Ok(())
    })?;
    sink.finish()?;
    std::io::stdout().flush()?;
    bar.finish_and_clear();
    if n_files == 0 {
        return Err(super::common::no_inputs(&args.input.paths));
    }
    Ok(if n_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
