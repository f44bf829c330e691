//! `trecho events`: query stored events.

use super::common::{open_existing_store, FilterArgs};
use super::output::{EventFormat, EventSink};
use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho events`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho events --actor USA --recipient MEX --kind said --format table
  trecho events --type THREATEN --issue water --from 2025-12-01 --to 2025-12-31
  trecho events --lang es --limit 20 --format csv > events.csv
  trecho events --id 3f2a9c41d0b7e6a18c55 --id 9b1e… --format table   (ledger evidence ids)

Dates filter on the event's date (any day a partial date such as 2025-12 covers), falling
back to the document's publication date. Events come in the order they were stored.")]
pub struct Args {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// Only the events with these ids, in this order (the ids a ledger item lists as its
    /// evidence); may be repeated. The other filters do not apply with it.
    #[arg(long = "id", value_name = "ID")]
    pub ids: Vec<String>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
    pub format: EventFormat,
}

/// Runs `trecho events`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let store = open_existing_store(&cli.db)?;
    let stdout = std::io::stdout().lock();
    let mut sink = EventSink::new(args.format, std::io::BufWriter::new(stdout), false);
    if !args.ids.is_empty() {
        let mut missing = Vec::new();
        for id in &args.ids {
            match store.event(id)? {
                Some(event) => sink.write(&event, None)?,
                None => missing.push(id.as_str()),
            }
        }
        sink.finish()?;
        if missing.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "warning: no event with id {} in {}",
            missing.join(", "),
            cli.db.display()
        );
        return Ok(ExitCode::from(1));
    }
    // Write errors (a closed pipe) are kept here and returned as themselves, so `main` can
    // recognise them; the store only learns that the callback stopped.
    let mut write_error: Option<anyhow::Error> = None;
    let result = store.for_each_event(&args.filter.to_filter(), |event| {
        sink.write(&event, None).map_err(|err| {
            write_error = Some(err);
            trecho::StoreError::callback("writing events failed")
        })
    });
    if let Some(err) = write_error {
        return Err(err);
    }
    result?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
