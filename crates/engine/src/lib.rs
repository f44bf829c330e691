//! trecho: the engine facade that wires the stages together (ingest → normalize → extract →
//! store → ledger). The CLI and the server depend on this crate only.
//!
//! [`Engine::process`] turns one [`Document`] into its normalized text, events and
//! explanations. [`Engine::run`] does the same for a stream of input files, in parallel
//! (rayon) but in chunks, so output order is the input order and memory stays bounded. A
//! document longer than [`EngineOptions::part_bytes`] is normalized and extracted in parts
//! (`trecho_normalize::parts`) and handed over part by part ([`Outcome::Started`],
//! [`Outcome::Part`], [`Outcome::Finished`]), so its memory cost is bounded by the part size
//! and not by its length.
//!
//! ```
//! use trecho::{Document, Engine, EngineOptions};
//! let engine = Engine::new(EngineOptions::default()).unwrap();
//! let document = Document {
//!     source: "example.txt".into(),
//!     text: "Trump threatened Sheinbaum with more tariffs again this month.".into(),
//!     ..Document::default()
//! };
//! let processed = engine.process(document);
//! // The document id is the content hash of the normalized text.
//! assert_eq!(processed.document.id.len(), 16);
//! assert!(processed.events.iter().all(|event| event.doc_id == processed.document.id));
//! ```

mod error;
mod ingest;
mod inputs;

use chrono::NaiveDate;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

pub use error::{no_store, Error};
pub use ingest::{ingest, IngestProgress, IngestSummary, LongDocument};
pub use inputs::{
    count_inputs, list_inputs, read_input, read_inputs, walk_inputs, Input, InputPath, InputWalk,
    DIRECTORY_EXTENSIONS,
};
pub use trecho_actors::{ActorDictionary, ActorMention, MentionKind, ResolveContext};
pub use trecho_extract::{eval, Dictionaries};
pub use trecho_ingest::Limits;
pub use trecho_ledger as ledger;
pub use trecho_model as model;
pub use trecho_model::{
    Actor, DateSource, Diagnostic, Document, Event, EventType, Explanation, Format, Issue, Kind,
    Lang, Leverage, Normalized, PartialDate, Quad, Sentence, SpeechAct,
};
pub use trecho_normalize::parts::{cut, Cut, Join};
pub use trecho_normalize::run as normalize;
pub use trecho_store::{
    content_hash, Error as StoreError, EventFilter, Inserted, Stats, Store, StoredDocument,
    SCHEMA_VERSION,
};
pub use trecho_syntax as syntax;

/// What the engine needs to know before it reads anything.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// User actor dictionaries (`--actors FILE`), added to the shipped one in order.
    pub user_actors: Vec<PathBuf>,
    /// Publication date for every document (`--published`), overriding metadata and datelines.
    pub published: Option<NaiveDate>,
    /// Largest input file read, in bytes; larger files fail with a message naming them.
    pub max_input_bytes: usize,
    /// Largest text of one document, in bytes.
    pub max_document_bytes: usize,
    /// Documents whose text is longer than this many bytes are processed by [`Engine::run`] in
    /// parts of about this size, cut at paragraph breaks where possible (see [`Outcome::Part`]).
    pub part_bytes: usize,
    /// Worker threads for [`Engine::run`]; 0 means one per core.
    pub jobs: usize,
    /// Tag and parse every sentence with the shipped syntax models ([`Processed::syntax`],
    /// [`Part::syntax`]). The extractor does not read the parses yet; `trecho bench --parse`
    /// measures their cost.
    pub syntax: bool,
}

/// The default [`EngineOptions::part_bytes`]: 1 MiB, a few thousand sentences. A part costs
/// about 13 times its size while it is processed, and a few parts are processed at once.
pub const DEFAULT_PART_BYTES: usize = 1024 * 1024;

impl Default for EngineOptions {
    fn default() -> Self {
        let limits = Limits::default();
        EngineOptions {
            user_actors: Vec::new(),
            published: None,
            max_input_bytes: limits.max_input_bytes,
            max_document_bytes: limits.max_document_bytes,
            part_bytes: DEFAULT_PART_BYTES,
            jobs: 0,
            syntax: false,
        }
    }
}

/// One document after the pipeline.
#[derive(Debug, Clone)]
pub struct Processed {
    /// The document, with its id assigned (the user's id, or the content hash).
    pub document: Document,
    /// Its normalized text and sentences; event spans point into `normalized.text`.
    pub normalized: Normalized,
    /// Events in document order.
    pub events: Vec<Event>,
    /// One explanation per event, same order.
    pub explanations: Vec<Explanation>,
    /// Warnings found while normalizing.
    pub diagnostics: Vec<Diagnostic>,
    /// One parse per sentence when [`EngineOptions::syntax`] is on, otherwise empty.
    pub syntax: Vec<trecho_syntax::Parsed>,
}

/// A document longer than [`EngineOptions::part_bytes`] begins (see [`Outcome::Started`]).
#[derive(Debug, Clone)]
pub struct Started {
    /// The document's source.
    pub source: String,
    /// Its id (the user's id, or the content hash of the normalized text).
    pub doc_id: String,
    /// The SHA-256 of its whole normalized text, hex ([`content_hash`]), as the store keys it.
    pub content_hash: String,
}

/// One part of a long document (see [`Outcome::Part`]).
#[derive(Debug, Clone)]
pub struct Part {
    /// The document's id.
    pub doc_id: String,
    /// Index in the document of the first sentence of this part.
    pub first_sentence: usize,
    /// The part's sentences; spans are byte ranges of the document's whole normalized text.
    pub sentences: Vec<Sentence>,
    /// The part's events, in document order; spans point into the whole normalized text.
    pub events: Vec<Event>,
    /// One explanation per event, same order.
    pub explanations: Vec<Explanation>,
    /// Offset checkpoints of this part (as `Normalized::offset_map`, whole-text offsets).
    pub offset_map: Vec<(usize, usize)>,
    /// Warnings found while normalizing the part.
    pub diagnostics: Vec<Diagnostic>,
    /// One parse per sentence of the part when [`EngineOptions::syntax`] is on.
    pub syntax: Vec<trecho_syntax::Parsed>,
}

/// What [`Engine::run`] reports, in input order.
#[derive(Debug)]
pub enum Outcome {
    /// A document went through the pipeline.
    Processed(Box<Processed>),
    /// A document longer than [`EngineOptions::part_bytes`] begins. Its sentences and events
    /// follow in [`Outcome::Part`]s, in document order, then [`Outcome::Finished`] ends it. If
    /// a part cannot be processed, [`Outcome::Failed`] with the document's source comes instead
    /// of `Finished`, and what was handed over of the document should be dropped.
    Started(Box<Started>),
    /// The sentences and events of one part of the document last started.
    Part(Box<Part>),
    /// The document last started is complete: its id, whole normalized text, date and
    /// language. Its sentences, events, explanations, diagnostics and offset map came in the
    /// parts, so those fields are empty here, and so is `document.text` (the original text).
    Finished(Box<Processed>),
    /// A file could not be read or parsed, or a document could not be processed.
    Failed {
        /// The file or `file#item` concerned.
        source: String,
        /// Why.
        error: Error,
    },
    /// A warning about an input that was still read.
    Diagnostic(Diagnostic),
    /// A file was read; its documents were reported before this.
    FileDone {
        /// The file.
        source: String,
        /// How many documents it gave.
        documents: usize,
    },
}

/// The pipeline, with its dictionaries loaded once and shared by every document.
#[derive(Debug)]
pub struct Engine {
    dictionaries: Dictionaries,
    options: EngineOptions,
    pool: rayon::ThreadPool,
}

/// How many documents are processed at once per worker thread: big enough to keep threads
/// busy, small enough that results waiting to be written stay few.
const DOCUMENTS_PER_THREAD: usize = 16;

/// Most input bytes held in memory at once while a batch of files is parsed (a batch stops
/// at the file that reaches it).
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// Most document text processed at once in one chunk: a document costs about 13 times its
/// text while it is processed, so chunks of large documents hold fewer documents.
const CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// Most part text normalized at once, and held between passes, for a long document.
const PARTS_IN_FLIGHT_BYTES: usize = 32 * 1024 * 1024;

impl Engine {
    /// Loads the dictionaries (shipped plus `options.user_actors`) and starts the worker pool.
    pub fn new(options: EngineOptions) -> Result<Engine, Error> {
        let mut dictionaries = Dictionaries::builtin();
        for path in &options.user_actors {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            dictionaries
                .actors
                .load_user(&text, &path.display().to_string())
                .map_err(|source| Error::Dictionary {
                    path: path.clone(),
                    source: trecho_extract::Error::Actors(source),
                })?;
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.jobs)
            .thread_name(|index| format!("trecho-worker-{index}"))
            .build()
            .map_err(|err| Error::Io {
                path: PathBuf::from("<thread pool>"),
                source: std::io::Error::other(err.to_string()),
            })?;
        Ok(Engine {
            dictionaries,
            options,
            pool,
        })
    }

    /// The options the engine was made with.
    pub fn options(&self) -> &EngineOptions {
        &self.options
    }

    /// The loaded dictionaries.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// How many worker threads [`Engine::run`] uses.
    pub fn jobs(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// The ingest limits that follow from the options.
    pub fn limits(&self) -> Limits {
        Limits {
            max_input_bytes: self.options.max_input_bytes,
            max_document_bytes: self.options.max_document_bytes,
            ..Limits::default()
        }
    }

    /// Resolves a short text ("the Mexican navy", "Rubio") to an actor, as of `date` (office
    /// holders change; `None` means the current ones).
    pub fn lookup_actor(&self, text: &str, date: Option<NaiveDate>) -> Option<ActorMention> {
        let context = ResolveContext {
            date,
            ..ResolveContext::default()
        };
        self.dictionaries.actors.lookup(text, &context)
    }

    /// Scores the extractor on gold files (`data/gold` shape).
    pub fn eval(&self, paths: &[PathBuf]) -> Result<eval::Report, Error> {
        eval::run(paths, &self.dictionaries).map_err(Error::Eval)
    }

    /// Parses one input into documents (with the engine's limits).
    pub fn parse(&self, input: Input) -> Result<trecho_ingest::Parsed, Error> {
        let bytes = input.bytes?;
        let source = input.source;
        let limits = self.limits();
        guard(&source, || {
            trecho_ingest::parse_with_limits(&bytes, &source, input.format, &limits)
        })?
        .map_err(Error::Parse)
    }

    /// Runs one document through normalize and extract, and assigns its id.
    pub fn process(&self, mut document: Document) -> Processed {
        if let Some(published) = self.options.published {
            document.published = Some(published);
        }
        let mut normalized = trecho_normalize::run(&document);
        if let Some(published) = self.options.published {
            normalized.published = Some(published);
        }
        if document.id.is_empty() {
            document.id = document_id(&normalized.text);
        }
        let extraction = trecho_extract::run(&document.id, &normalized, &self.dictionaries);
        let diagnostics = normalized.diagnostics.clone();
        let syntax = self.parse_sentences(&normalized.text, &normalized.sentences);
        Processed {
            document,
            normalized,
            events: extraction.events,
            explanations: extraction.explanations,
            diagnostics,
            syntax,
        }
    }

    /// Tags and parses sentences of `text` with the model of each one's language, when
    /// [`EngineOptions::syntax`] is on.
    fn parse_sentences(&self, text: &str, sentences: &[Sentence]) -> Vec<trecho_syntax::Parsed> {
        if !self.options.syntax {
            return Vec::new();
        }
        thread_local! {
            static SCRATCH: std::cell::RefCell<trecho_syntax::Scratch> = Default::default();
        }
        SCRATCH.with(|scratch| {
            let scratch = &mut scratch.borrow_mut();
            sentences
                .iter()
                .map(|sentence| {
                    let lang = if sentence.lang == Lang::Es {
                        "es"
                    } else {
                        "en"
                    };
                    let model =
                        trecho_syntax::Model::builtin(lang).expect("both models are shipped");
                    model.parse(&text[sentence.start..sentence.end], scratch)
                })
                .collect()
        })
    }

    /// Like [`Engine::process`], but a panic in a stage becomes an [`Error::Internal`] for this
    /// document instead of ending the run.
    pub fn process_guarded(&self, document: Document) -> Result<Processed, Error> {
        let source = document.source.clone();
        guard(&source, || self.process(document))
    }

    /// Runs every input through the pipeline and calls `sink` with what happened, in input
    /// order. Files are parsed and documents processed in parallel, a chunk at a time, so
    /// memory stays bounded whatever the corpus size. Stops at the first error `sink` returns.
    pub fn run<E>(
        &self,
        inputs: impl IntoIterator<Item = Input>,
        mut sink: impl FnMut(Outcome) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut inputs = inputs.into_iter().peekable();
        let batch_files = self.jobs() * 4;
        let chunk_documents = self.jobs() * DOCUMENTS_PER_THREAD;
        while inputs.peek().is_some() {
            // Take a batch of files, bounded in number and bytes.
            let mut batch = Vec::new();
            let mut batch_bytes = 0;
            while batch.len() < batch_files && batch_bytes < BATCH_BYTES {
                let Some(input) = inputs.next() else { break };
                batch_bytes += input.bytes.as_ref().map_or(0, |bytes| bytes.len());
                batch.push(input);
            }
            let parsed: Vec<(String, Result<trecho_ingest::Parsed, Error>)> =
                self.pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|input| (input.source.clone(), self.parse(input)))
                        .collect()
                });
            // Flatten into work in input order, then process the documents chunk by chunk.
            let mut work = Vec::new();
            for (source, result) in parsed {
                match result {
                    Err(error) => work.push(Work::Done(Outcome::Failed { source, error })),
                    Ok(parsed) => {
                        let documents = parsed.documents.len();
                        work.extend(
                            parsed
                                .diagnostics
                                .into_iter()
                                .map(|diagnostic| Work::Done(Outcome::Diagnostic(diagnostic))),
                        );
                        work.extend(parsed.documents.into_iter().map(Work::Document));
                        work.push(Work::Done(Outcome::FileDone { source, documents }));
                    }
                }
            }
            let part_bytes = self.options.part_bytes;
            let is_long = |item: &Work| matches!(item, Work::Document(document) if document.text.len() > part_bytes);
            let mut work = work.into_iter().peekable();
            while work.peek().is_some() {
                if let Some(Work::Document(document)) = work.next_if(is_long) {
                    // A long document alone, part by part, so its events never pile up.
                    self.process_in_parts(document, &mut sink)?;
                    continue;
                }
                let mut chunk: Vec<Work> = Vec::new();
                let mut chunk_bytes = 0;
                while chunk.len() < chunk_documents && chunk_bytes < CHUNK_BYTES {
                    match work.next_if(|item| !is_long(item)) {
                        Some(item) => {
                            if let Work::Document(document) = &item {
                                chunk_bytes += document.text.len();
                            }
                            chunk.push(item);
                        }
                        None => break,
                    }
                }
                let outcomes: Vec<Outcome> = self.pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map(|item| match item {
                            Work::Done(outcome) => outcome,
                            Work::Document(document) => {
                                let source = document.source.clone();
                                match self.process_guarded(document) {
                                    Ok(processed) => Outcome::Processed(Box::new(processed)),
                                    Err(error) => Outcome::Failed { source, error },
                                }
                            }
                        })
                        .collect()
                });
                for outcome in outcomes {
                    sink(outcome)?;
                }
            }
        }
        Ok(())
    }
}

impl Engine {
    /// Processes a document longer than the part size: normalizes its parts once to learn the
    /// whole normalized text (hence the id), language, date and transcript speakers, then
    /// normalizes and extracts each part again with that knowledge, handing each part to
    /// `sink` as soon as it is done. Parts are normalized in parallel; extraction runs part
    /// after part on this thread, because every part's events point into the one whole text.
    fn process_in_parts<E>(
        &self,
        mut document: Document,
        sink: &mut impl FnMut(Outcome) -> Result<(), E>,
    ) -> Result<(), E> {
        use trecho_normalize::parts;
        if let Some(published) = self.options.published {
            document.published = Some(published);
        }
        let source = document.source.clone();
        let options = trecho_normalize::Options::default();
        let cuts = parts::cut(&document.text, self.options.part_bytes);
        // Parts normalized at once: enough to keep the threads busy, few enough to stay small
        // whatever the number of threads.
        let group = (self.jobs().max(1) * 2)
            .min(PARTS_IN_FLIGHT_BYTES / self.options.part_bytes.max(1))
            .max(1);

        // First pass: wrap width, then every part's text, language votes and labels.
        let first_pass = guard(&source, || {
            let mut stats = parts::WrapStats::default();
            for chunk in cuts.chunks(group) {
                let found: Vec<parts::WrapStats> = self.pool.install(|| {
                    chunk
                        .par_iter()
                        .map(|cut| parts::wrap_stats(&document.text, cut))
                        .collect()
                });
                found.iter().for_each(|part| stats.add(part));
            }
            let context = parts::PartContext::first_pass(stats.width());
            let mut summary = parts::Summary::new(stats.width());
            // Normalized text is rarely longer than the original.
            let mut text = String::with_capacity(document.text.len());
            for chunk in cuts.chunks(group) {
                let normalized: Vec<parts::Part> = self.pool.install(|| {
                    chunk
                        .par_iter()
                        .map(|cut| parts::run_part(&document, cut, &context, &options))
                        .collect()
                });
                for (cut, part) in chunk.iter().zip(&normalized) {
                    text.push_str(summary.add(cut, part));
                    text.push_str(&part.text);
                }
            }
            (summary, text)
        });
        let (summary, text) = match first_pass {
            Ok(found) => found,
            Err(error) => return sink(Outcome::Failed { source, error }),
        };
        let content_hash = content_hash(&text);
        if document.id.is_empty() {
            document.id = content_hash.get(..16).unwrap_or(&content_hash).to_string();
        }
        let doc_id = document.id.clone();
        sink(Outcome::Started(Box::new(Started {
            source: source.clone(),
            doc_id: doc_id.clone(),
            content_hash,
        })))?;

        // Second pass: sentences with the whole document's context, then events, part by part.
        let lang = summary.lang(document.lang);
        let mut normalized = Normalized {
            text,
            sentences: Vec::new(),
            published: summary.published(document.published),
            lang,
            offset_map: Vec::new(),
            diagnostics: Vec::new(),
        };
        let mut first_sentence = 0;
        // The extractor reads a document's first sentence for its author ("Statement by
        // President …") and carries pronoun antecedents over the last few sentences, so each
        // part is extracted after those sentences (their events are not reported again).
        let mut opening: Option<Sentence> = None;
        let mut recent: Vec<Sentence> = Vec::new();
        // The sentences of the last hostile threats so far, one entry per threat, oldest first:
        // a later red line ("Mexico will not allow them", "It is not going to happen") takes the
        // content of the last one, and an elliptical "the United States will." repeats one of
        // them, however far back they are.
        let mut threats: Vec<Sentence> = Vec::new();
        for (chunk_index, chunk) in cuts.chunks(group).enumerate() {
            let normalized_parts = guard(&source, || {
                self.pool.install(|| {
                    chunk
                        .par_iter()
                        .enumerate()
                        .map(|(index, cut)| {
                            let context = summary.context(chunk_index * group + index, lang);
                            parts::run_part(&document, cut, &context, &options)
                        })
                        .collect::<Vec<parts::Part>>()
                })
            });
            let normalized_parts = match normalized_parts {
                Ok(found) => found,
                Err(error) => return sink(Outcome::Failed { source, error }),
            };
            for part in normalized_parts {
                let Some(part_start) = part.sentences.first().map(|sentence| sentence.start) else {
                    continue;
                };
                normalized.sentences.clear();
                // The opening sentence once, even when it is also among the recent ones.
                let opening_again = opening.as_ref().filter(|first| {
                    recent
                        .first()
                        .is_none_or(|recent| recent.start > first.start)
                });
                normalized.sentences.extend(opening_again.cloned());
                let mut threats_again: Vec<Sentence> = threats
                    .iter()
                    .filter(|threat| {
                        opening_again.is_none_or(|first| first.start < threat.start)
                            && recent
                                .first()
                                .is_none_or(|recent| recent.start > threat.start)
                    })
                    .cloned()
                    .collect();
                threats_again.dedup_by_key(|sentence| sentence.start);
                normalized.sentences.extend(threats_again);
                normalized.sentences.extend(recent.iter().cloned());
                normalized.sentences.extend(part.sentences.iter().cloned());
                let extraction = guard(&source, || {
                    trecho_extract::run(&doc_id, &normalized, &self.dictionaries)
                });
                let extraction = match extraction {
                    Ok(found) => found,
                    Err(error) => return sink(Outcome::Failed { source, error }),
                };
                let (events, explanations): (Vec<Event>, Vec<Explanation>) = extraction
                    .events
                    .into_iter()
                    .zip(extraction.explanations)
                    .filter(|(event, _)| event.span[0] >= part_start)
                    .unzip();
                if opening.is_none() {
                    opening = part.sentences.first().cloned();
                }
                for threat in events.iter().filter(|event| is_hostile_threat(event)) {
                    let sentence = part.sentences.iter().find(|sentence| {
                        sentence.start <= threat.span[0] && threat.span[0] < sentence.end
                    });
                    if let Some(sentence) = sentence {
                        threats.push(sentence.clone());
                    }
                }
                let excess = threats
                    .len()
                    .saturating_sub(trecho_extract::THREATS_REMEMBERED);
                threats.drain(..excess);
                let keep_from = part.sentences.len().saturating_sub(CARRIED_SENTENCES);
                recent = part.sentences.get(keep_from..).unwrap_or(&[]).to_vec();
                let n_sentences = part.sentences.len();
                let syntax = self.parse_sentences(&normalized.text, &part.sentences);
                sink(Outcome::Part(Box::new(Part {
                    syntax,
                    doc_id: doc_id.clone(),
                    first_sentence,
                    sentences: part.sentences,
                    events,
                    explanations,
                    offset_map: part.offset_map,
                    diagnostics: part.diagnostics,
                })))?;
                first_sentence += n_sentences;
            }
        }
        normalized.sentences = Vec::new();
        // The original text is not needed any more; the normalized text is handed over.
        document.text = String::new();
        sink(Outcome::Finished(Box::new(Processed {
            document,
            normalized,
            events: Vec::new(),
            explanations: Vec::new(),
            diagnostics: Vec::new(),
            syntax: Vec::new(),
        })))
    }
}

/// Sentences of the previous part read again before a part, for pronoun antecedents (the
/// extractor looks back four sentences).
const CARRIED_SENTENCES: usize = 8;

/// A threat a later red line can refer back to (what the extractor's discourse keeps as the
/// last threat): said, not negated, with a hostile act as content.
fn is_hostile_threat(event: &Event) -> bool {
    event.kind == Kind::Said
        && event.speech_act == Some(SpeechAct::Threat)
        && !event.negated
        && event
            .content_type
            .is_some_and(trecho_extract::hostile_content)
}

/// An item of a batch: a document still to process, or an outcome to pass on in order.
enum Work {
    Document(Document),
    Done(Outcome),
}

/// The id of a document without one: the first 16 hex digits (64 bits) of the SHA-256 of its
/// normalized text, so the same text always gets the same id.
pub fn document_id(normalized_text: &str) -> String {
    let mut hash = content_hash(normalized_text);
    hash.truncate(16);
    hash
}

/// Runs `f`, turning a panic into an [`Error::Internal`] naming `source`.
fn guard<T>(source: &str, f: impl FnOnce() -> T) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Error::Internal {
            source_name: source.to_string(),
            message,
        }
    })
}
