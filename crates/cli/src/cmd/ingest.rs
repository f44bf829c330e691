//! `trecho ingest`: inputs in, documents, sentences and events stored; a summary on stderr.

use super::common::{progress_bar, warn, InputArgs};
use crate::Cli;
use anyhow::Context;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::process::ExitCode;
use trecho::{
    count_inputs, read_input, walk_inputs, Inserted, Outcome, Part, Processed, Started, Store,
};

/// Documents stored per transaction. Each batch is all-or-nothing, so a killed run leaves whole
/// batches; one transaction per batch instead of per document makes ingest several times faster.
const BATCH_DOCUMENTS: usize = 64;

/// A batch is also stored once its normalized text reaches this size, to bound memory.
const BATCH_BYTES: usize = 16 * 1024 * 1024;

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
    pub input: InputArgs,
}

/// What an ingest run did.
#[derive(Debug, Default)]
struct Summary {
    files: u64,
    files_failed: u64,
    new: u64,
    unchanged: u64,
    replaced: u64,
    documents_failed: u64,
    sentences: u64,
    events: u64,
}

/// Runs `trecho ingest`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let engine = args.input.engine()?;
    let mut store = Store::open(&cli.db)?;
    let bar = progress_bar(0, cli.quiet);
    if !bar.is_hidden() {
        // The total costs a second walk of the directories (names only, no file is opened);
        // skipped when no bar is shown.
        bar.set_length(count_inputs(&args.input.paths));
    }
    let max_bytes = engine.options().max_input_bytes;
    // Walked as the engine reads, so the list of files is never held whole. A failure names a
    // file (counted as a failed file) or a document in one; to tell them apart, the files read
    // and not yet done are kept: outcomes come in input order, so that is at most one batch.
    let in_flight: RefCell<VecDeque<String>> = RefCell::new(VecDeque::new());
    let inputs = walk_inputs(&args.input.paths).map(|input_path| {
        let input = read_input(&input_path, args.input.input_format, max_bytes);
        in_flight.borrow_mut().push_back(input.source.clone());
        input
    });
    let mut summary = Summary::default();
    let mut pending: Vec<Processed> = Vec::new();
    let mut pending_bytes = 0;
    let mut long: Option<LongDocument> = None;
    engine.run(inputs, |outcome| -> anyhow::Result<()> {
        match outcome {
            Outcome::Started(started) => {
                // Stored in its own transaction, part by part; what came before goes first.
                store_batch(&mut store, &mut pending, &mut summary)?;
                pending_bytes = 0;
                long = Some(LongDocument::begin(&mut store, &started)?);
            }
            Outcome::Part(part) => {
                for diagnostic in &part.diagnostics {
                    warn(&bar, diagnostic);
                }
                if let Some(long) = long.as_mut() {
                    long.add(&mut store, &part)?;
                }
            }
            Outcome::Finished(processed) => {
                if let Some(long) = long.take() {
                    long.finish(&mut store, &processed, &mut summary)?;
                }
            }
            Outcome::Processed(processed) => {
                for diagnostic in &processed.diagnostics {
                    warn(&bar, diagnostic);
                }
                pending_bytes += processed.normalized.text.len();
                pending.push(*processed);
                if pending.len() >= BATCH_DOCUMENTS || pending_bytes >= BATCH_BYTES {
                    store_batch(&mut store, &mut pending, &mut summary)?;
                    pending_bytes = 0;
                }
            }
            Outcome::Failed { source, error } => {
                if long.as_ref().is_some_and(|long| long.source == source) {
                    // A long document failed half-way: none of it is stored.
                    long = None;
                    store.abandon_document()?;
                }
                // A whole file, or one document of a file that was otherwise read.
                let mut in_flight = in_flight.borrow_mut();
                if let Some(position) = in_flight.iter().position(|file| *file == source) {
                    // The files before it are done. It stays: a single-document file whose
                    // document failed is done only at its FileDone.
                    in_flight.drain(..position);
                    summary.files_failed += 1;
                    bar.inc(1);
                } else {
                    summary.documents_failed += 1;
                }
                warn(&bar, error);
            }
            Outcome::Diagnostic(diagnostic) => warn(&bar, diagnostic),
            Outcome::FileDone { source, .. } => {
                let mut in_flight = in_flight.borrow_mut();
                if let Some(position) = in_flight.iter().position(|file| *file == source) {
                    in_flight.drain(..=position);
                }
                summary.files += 1;
                bar.inc(1);
            }
        }
        Ok(())
    })?;
    store_batch(&mut store, &mut pending, &mut summary)?;
    bar.finish_and_clear();
    if summary.files + summary.files_failed == 0 {
        return Err(super::common::no_inputs(&args.input.paths));
    }
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

/// Stores the pending documents in one transaction and counts what happened.
fn store_batch(
    store: &mut Store,
    pending: &mut Vec<Processed>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let inserted = store
        .insert_documents(pending.iter().map(|processed| {
            (
                &processed.document,
                &processed.normalized,
                processed.events.as_slice(),
            )
        }))
        .with_context(|| {
            let first = pending
                .first()
                .map(|p| p.document.source.as_str())
                .unwrap_or("");
            format!("storing {} documents starting with {first}", pending.len())
        })?;
    for (processed, inserted) in pending.iter().zip(inserted) {
        match inserted {
            Inserted::Unchanged => summary.unchanged += 1,
            Inserted::New | Inserted::Replaced => {
                if inserted == Inserted::New {
                    summary.new += 1;
                } else {
                    summary.replaced += 1;
                }
                summary.sentences += processed.normalized.sentences.len() as u64;
                summary.events += processed.events.len() as u64;
            }
        }
    }
    pending.clear();
    Ok(())
}

/// A document longer than the part size, stored part by part in one transaction (see
/// `Store::begin_document`), so its events never pile up in memory.
pub(crate) struct LongDocument {
    source: String,
    inserted: Inserted,
    sentences: u64,
    events: u64,
}

impl LongDocument {
    /// Opens the document in the store (nothing is opened if its text is already stored).
    pub(crate) fn begin(store: &mut Store, started: &Started) -> anyhow::Result<LongDocument> {
        let inserted = store
            .begin_document(&started.doc_id, &started.content_hash, &started.source)
            .with_context(|| format!("storing {}", started.source))?;
        Ok(LongDocument {
            source: started.source.clone(),
            inserted,
            sentences: 0,
            events: 0,
        })
    }

    /// Stores one part's sentences and events.
    pub(crate) fn add(&mut self, store: &mut Store, part: &Part) -> anyhow::Result<()> {
        self.sentences += part.sentences.len() as u64;
        self.events += part.events.len() as u64;
        if self.inserted != Inserted::Unchanged {
            store
                .insert_document_part(part.first_sentence, &part.sentences, &part.events)
                .with_context(|| format!("storing {}", self.source))?;
        }
        Ok(())
    }

    /// Stores the document row and commits.
    fn finish(
        self,
        store: &mut Store,
        processed: &Processed,
        summary: &mut Summary,
    ) -> anyhow::Result<()> {
        match self.inserted {
            Inserted::Unchanged => summary.unchanged += 1,
            Inserted::New | Inserted::Replaced => {
                store
                    .finish_document(&processed.document, &processed.normalized)
                    .with_context(|| format!("storing {}", self.source))?;
                if self.inserted == Inserted::New {
                    summary.new += 1;
                } else {
                    summary.replaced += 1;
                }
                summary.sentences += self.sentences;
                summary.events += self.events;
            }
        }
        Ok(())
    }

    /// The document's source.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Stores the document row and commits, for callers that keep their own counts.
    pub(crate) fn finish_quietly(
        self,
        store: &mut Store,
        processed: &Processed,
    ) -> anyhow::Result<()> {
        self.finish(store, processed, &mut Summary::default())
    }
}
