//! Storing what [`Engine::run`] produces: documents in batches of one transaction each, long
//! documents part by part in one transaction of their own. The CLI's `ingest` and the Python
//! package's `Store.ingest` both run this, so both store exactly the same rows.

use crate::{Engine, Error, Input, Inserted, Outcome, Part, Processed, Started, Store};
use std::collections::VecDeque;

/// Documents stored per transaction. Each batch is all-or-nothing, so a killed run leaves whole
/// batches; one transaction per batch instead of per document makes ingest several times faster.
const BATCH_DOCUMENTS: usize = 64;

/// A batch is also stored once its normalized text reaches this size, to bound memory.
const BATCH_BYTES: usize = 16 * 1024 * 1024;

/// What an ingest run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestSummary {
    /// Files read.
    pub files: u64,
    /// Files that could not be read or parsed.
    pub files_failed: u64,
    /// Documents stored for the first time.
    pub new: u64,
    /// Documents already stored with the same text, left as they were.
    pub unchanged: u64,
    /// Documents stored again under the same id with a new text.
    pub replaced: u64,
    /// Documents of readable files that could not be processed.
    pub documents_failed: u64,
    /// Sentences stored.
    pub sentences: u64,
    /// Events stored.
    pub events: u64,
}

/// What an ingest run reports as it goes, for progress bars and warnings.
pub enum IngestProgress<'a> {
    /// A warning about an input that was still read, or why a file or document was skipped.
    Warning(&'a dyn std::fmt::Display),
    /// One more file is done (read, or failed).
    FileDone,
}

/// Runs `inputs` through `engine` and stores the results in `store`, calling `progress` as
/// files are done and warnings come. A file or document that fails is reported and skipped;
/// only a store failure stops the run, and then every batch stored before it stays whole.
pub fn ingest(
    engine: &Engine,
    store: &mut Store,
    inputs: impl IntoIterator<Item = Input>,
    mut progress: impl FnMut(IngestProgress<'_>),
) -> Result<IngestSummary, Error> {
    // A failure names a file (counted as a failed file) or a document in one; to tell them
    // apart, the files read and not yet done are kept: outcomes come in input order, so that is
    // at most one batch.
    let in_flight: std::cell::RefCell<VecDeque<String>> = Default::default();
    let inputs = inputs.into_iter().inspect(|input| {
        in_flight.borrow_mut().push_back(input.source.clone());
    });
    let mut summary = IngestSummary::default();
    let mut pending: Vec<Processed> = Vec::new();
    let mut pending_bytes = 0;
    let mut long: Option<LongDocument> = None;
    engine.run(inputs, |outcome| -> Result<(), Error> {
        match outcome {
            Outcome::Started(started) => {
                // Stored in its own transaction, part by part; what came before goes first.
                store_batch(store, &mut pending, &mut summary)?;
                pending_bytes = 0;
                long = Some(LongDocument::begin(store, &started)?);
            }
            Outcome::Part(part) => {
                for diagnostic in &part.diagnostics {
                    progress(IngestProgress::Warning(diagnostic));
                }
                if let Some(long) = long.as_mut() {
                    long.add(store, &part)?;
                }
            }
            Outcome::Finished(processed) => {
                if let Some(long) = long.take() {
                    let (sentences, events) = (long.sentences, long.events);
                    match long.finish(store, &processed)? {
                        Inserted::Unchanged => summary.unchanged += 1,
                        inserted => {
                            if inserted == Inserted::New {
                                summary.new += 1;
                            } else {
                                summary.replaced += 1;
                            }
                            summary.sentences += sentences;
                            summary.events += events;
                        }
                    }
                }
            }
            Outcome::Processed(processed) => {
                for diagnostic in &processed.diagnostics {
                    progress(IngestProgress::Warning(diagnostic));
                }
                pending_bytes += processed.normalized.text.len();
                pending.push(*processed);
                if pending.len() >= BATCH_DOCUMENTS || pending_bytes >= BATCH_BYTES {
                    store_batch(store, &mut pending, &mut summary)?;
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
                    progress(IngestProgress::FileDone);
                } else {
                    summary.documents_failed += 1;
                }
                progress(IngestProgress::Warning(&error));
            }
            Outcome::Diagnostic(diagnostic) => progress(IngestProgress::Warning(&diagnostic)),
            Outcome::FileDone { source, .. } => {
                let mut in_flight = in_flight.borrow_mut();
                if let Some(position) = in_flight.iter().position(|file| *file == source) {
                    in_flight.drain(..=position);
                }
                summary.files += 1;
                progress(IngestProgress::FileDone);
            }
        }
        Ok(())
    })?;
    store_batch(store, &mut pending, &mut summary)?;
    Ok(summary)
}

/// Stores the pending documents in one transaction and counts what happened.
fn store_batch(
    store: &mut Store,
    pending: &mut Vec<Processed>,
    summary: &mut IngestSummary,
) -> Result<(), Error> {
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
        .map_err(|source| Error::Storing {
            what: format!(
                "storing {} documents starting with {}",
                pending.len(),
                pending
                    .first()
                    .map(|p| p.document.source.as_str())
                    .unwrap_or("")
            ),
            source: Box::new(source),
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
#[derive(Debug)]
pub struct LongDocument {
    source: String,
    inserted: Inserted,
    sentences: u64,
    events: u64,
}

impl LongDocument {
    /// Opens the document in the store (nothing is opened if its text is already stored).
    pub fn begin(store: &mut Store, started: &Started) -> Result<LongDocument, Error> {
        let inserted = store
            .begin_document(&started.doc_id, &started.content_hash, &started.source)
            .map_err(|source| Error::Storing {
                what: format!("storing {}", started.source),
                source: Box::new(source),
            })?;
        Ok(LongDocument {
            source: started.source.clone(),
            inserted,
            sentences: 0,
            events: 0,
        })
    }

    /// Stores one part's sentences and events.
    pub fn add(&mut self, store: &mut Store, part: &Part) -> Result<(), Error> {
        self.sentences += part.sentences.len() as u64;
        self.events += part.events.len() as u64;
        if self.inserted != Inserted::Unchanged {
            store
                .insert_document_part(part.first_sentence, &part.sentences, &part.events)
                .map_err(|source| Error::Storing {
                    what: format!("storing {}", self.source),
                    source: Box::new(source),
                })?;
        }
        Ok(())
    }

    /// The document's source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Stores the document row and commits; says whether the document was new, replaced or
    /// already stored.
    pub fn finish(self, store: &mut Store, processed: &Processed) -> Result<Inserted, Error> {
        if self.inserted != Inserted::Unchanged {
            store
                .finish_document(&processed.document, &processed.normalized)
                .map_err(|source| Error::Storing {
                    what: format!("storing {}", self.source),
                    source: Box::new(source),
                })?;
        }
        Ok(self.inserted)
    }
}
