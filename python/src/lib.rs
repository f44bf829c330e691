//! `trecho._native`: the engine, the store and the ledger for the Python package.
//!
//! The Python side (`trecho/__init__.py`) shapes arguments and results; this module does the
//! work, with the GIL released, on the same code paths as the CLI: documents go in as the JSON
//! Lines input the CLI reads (`{"id", "text", "published", "lang", "title", "url"}`), records
//! come out as the CLI prints them, and tables in the layout of `trecho export` Parquet files
//! (`trecho_table`), handed to pyarrow through the Arrow C data interface, so the columns are
//! never copied through Python objects.

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, RecordBatch, StructArray};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use trecho::{Engine, EngineOptions, Event, EventFilter, Format, Input, Outcome, Store};

/// Rows per Arrow record batch handed to Python.
const BATCH_ROWS: usize = 65_536;

/// Engines by number of worker threads: loading the dictionaries takes a moment, so each is
/// made once per process.
fn engine(jobs: usize) -> PyResult<Arc<Engine>> {
    static ENGINES: OnceLock<Mutex<HashMap<usize, Arc<Engine>>>> = OnceLock::new();
    let engines = ENGINES.get_or_init(Default::default);
    let mut engines = engines
        .lock()
        .map_err(|_| PyRuntimeError::new_err("the engine cache was poisoned by a panic"))?;
    if let Some(engine) = engines.get(&jobs) {
        return Ok(engine.clone());
    }
    let engine = Engine::new(EngineOptions {
        jobs,
        ..EngineOptions::default()
    })
    .map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
    let engine = Arc::new(engine);
    engines.insert(jobs, engine.clone());
    Ok(engine)
}

/// Runs documents given as JSON Lines through the engine: their events in document order, and
/// a warning for each document that could not be processed.
fn run_documents(jsonl: Vec<u8>, jobs: usize) -> PyResult<(Vec<Event>, Vec<String>)> {
    let engine = engine(jobs)?;
    let input = Input {
        source: "<documents>".to_string(),
        format: Format::Jsonl,
        bytes: Ok(jsonl),
    };
    let mut events = Vec::new();
    let mut warnings = Vec::new();
    engine
        .run([input], |outcome| -> Result<(), std::convert::Infallible> {
            match outcome {
                Outcome::Processed(processed) => events.extend(processed.events),
                Outcome::Part(part) => events.extend(part.events),
                Outcome::Failed { error, .. } => warnings.push(error.to_string()),
                Outcome::Diagnostic(diagnostic) => warnings.push(diagnostic.to_string()),
                Outcome::Started(_) | Outcome::Finished(_) | Outcome::FileDone { .. } => {}
            }
            Ok(())
        })
        .unwrap_or_else(|never| match never {});
    Ok((events, warnings))
}

/// Extracts events from documents given as JSON Lines; gives the records as JSON Lines and
/// the warnings.
#[pyfunction]
#[pyo3(signature = (jsonl, jobs = 1))]
fn extract_jsonl(py: Python<'_>, jsonl: Vec<u8>, jobs: usize) -> PyResult<(String, Vec<String>)> {
    py.allow_threads(|| {
        let (events, warnings) = run_documents(jsonl, jobs)?;
        let mut out = String::with_capacity(events.len() * 1024);
        for event in &events {
            let line = serde_json::to_string(event)
                .map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
            out.push_str(&line);
            out.push('\n');
        }
        Ok((out, warnings))
    })
}

/// One record batch, exported through the Arrow C data interface. pyarrow's
/// `RecordBatch._import_from_c(array_address, schema_address)` takes the data over; the
/// structures themselves stay owned here until this object is dropped.
#[pyclass(unsendable)]
struct ArrowBatch {
    array: Box<FFI_ArrowArray>,
    schema: Box<FFI_ArrowSchema>,
}

#[pymethods]
impl ArrowBatch {
    /// The address of the `ArrowArray` structure.
    #[getter]
    fn array_address(&self) -> usize {
        std::ptr::from_ref(self.array.as_ref()) as usize
    }

    /// The address of the `ArrowSchema` structure.
    #[getter]
    fn schema_address(&self) -> usize {
        std::ptr::from_ref(self.schema.as_ref()) as usize
    }
}

/// The events as record batches of the export layout (an empty list when there are none;
/// `schema_batch` gives the schema alone).
fn arrow_batches(events: &[Event]) -> PyResult<Vec<ArrowBatch>> {
    events
        .chunks(BATCH_ROWS)
        .map(|chunk| {
            let batch = trecho_table::record_batch(chunk)
                .map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
            export_batch(batch)
        })
        .collect()
}

fn export_batch(batch: RecordBatch) -> PyResult<ArrowBatch> {
    let schema = FFI_ArrowSchema::try_from(batch.schema().as_ref())
        .map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
    let data = StructArray::from(batch).into_data();
    Ok(ArrowBatch {
        array: Box::new(FFI_ArrowArray::new(&data)),
        schema: Box::new(schema),
    })
}

/// An empty batch: the schema of event tables (for a table with no rows).
#[pyfunction]
fn schema_batch() -> PyResult<ArrowBatch> {
    let batch =
        trecho_table::record_batch(&[]).map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
    export_batch(batch)
}

/// Extracts events from documents given as JSON Lines; gives record batches and warnings.
#[pyfunction]
#[pyo3(signature = (jsonl, jobs = 1))]
fn extract_batches(
    py: Python<'_>,
    jsonl: Vec<u8>,
    jobs: usize,
) -> PyResult<(Vec<ArrowBatch>, Vec<String>)> {
    let (events, warnings) = py.allow_threads(|| run_documents(jsonl, jobs))?;
    Ok((arrow_batches(&events)?, warnings))
}

fn store_error(path: &std::path::Path, err: impl std::fmt::Display) -> PyErr {
    PyOSError::new_err(format!("{}: {err}", path.display()))
}

/// A store (SQLite file) of documents, sentences and events.
#[pyclass]
struct NativeStore {
    path: PathBuf,
    store: Mutex<Store>,
}

impl NativeStore {
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> PyResult<T>) -> PyResult<T> {
        let mut store = self
            .store
            .lock()
            .map_err(|_| PyRuntimeError::new_err("the store was poisoned by a panic"))?;
        f(&mut store)
    }

    fn all_events(&self) -> PyResult<Vec<Event>> {
        self.with(|store| {
            store
                .events(&EventFilter::default())
                .map_err(|err| store_error(&self.path, err))
        })
    }
}

/// Parses an optional code with `parse`, naming the argument when it is not one.
fn parse_arg<T>(
    name: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
) -> PyResult<Option<T>> {
    value
        .map(|text| {
            parse(text).ok_or_else(|| PyValueError::new_err(format!("{name}={text:?} is unknown")))
        })
        .transpose()
}

/// An issue name, in any case ("trade", "Water").
fn parse_issue(value: Option<&str>) -> PyResult<Option<trecho::Issue>> {
    parse_arg("issue", value, |text| {
        trecho::Issue::parse(&text.to_ascii_lowercase())
    })
}

fn parse_day(name: &str, value: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    parse_arg(name, value, |text| {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    })
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|err| PyRuntimeError::new_err(err.to_string()))
}

#[pymethods]
impl NativeStore {
    /// Opens the store at `path`, creating it if it does not exist.
    #[new]
    fn new(path: PathBuf) -> PyResult<NativeStore> {
        let store = Store::open(&path).map_err(|err| store_error(&path, err))?;
        Ok(NativeStore {
            path,
            store: Mutex::new(store),
        })
    }

    /// Reads files and folders into the store; gives the counts and the warnings.
    #[pyo3(signature = (paths, jobs = 0, published = None))]
    fn ingest(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        jobs: usize,
        published: Option<&str>,
    ) -> PyResult<(HashMap<String, u64>, Vec<String>)> {
        let published = parse_day("published", published)?;
        py.allow_threads(|| {
            let engine = Engine::new(EngineOptions {
                jobs,
                published,
                ..EngineOptions::default()
            })
            .map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
            let max_bytes = engine.options().max_input_bytes;
            let inputs = trecho::walk_inputs(&paths)
                .map(|input_path| trecho::read_input(&input_path, None, max_bytes));
            let mut warnings = Vec::new();
            let summary = self.with(|store| {
                trecho::ingest(&engine, store, inputs, |progress| {
                    if let trecho::IngestProgress::Warning(message) = progress {
                        warnings.push(message.to_string());
                    }
                })
                .map_err(|err| store_error(&self.path, err))
            })?;
            let counts = HashMap::from([
                ("files".to_string(), summary.files),
                ("files_failed".to_string(), summary.files_failed),
                ("new".to_string(), summary.new),
                ("unchanged".to_string(), summary.unchanged),
                ("replaced".to_string(), summary.replaced),
                ("documents_failed".to_string(), summary.documents_failed),
                ("sentences".to_string(), summary.sentences),
                ("events".to_string(), summary.events),
            ]);
            Ok((counts, warnings))
        })
    }

    /// Stored events as record batches, filtered as `trecho events` filters them.
    #[pyo3(signature = (actor = None, recipient = None, event_type = None, kind = None,
        issue = None, since = None, until = None, lang = None, doc_id = None, text = None,
        limit = None, offset = 0))]
    #[allow(clippy::too_many_arguments)]
    fn events(
        &self,
        py: Python<'_>,
        actor: Option<String>,
        recipient: Option<String>,
        event_type: Option<&str>,
        kind: Option<&str>,
        issue: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
        lang: Option<&str>,
        doc_id: Option<String>,
        text: Option<String>,
        limit: Option<u64>,
        offset: u64,
    ) -> PyResult<Vec<ArrowBatch>> {
        let filter = EventFilter {
            actor,
            recipient,
            event_type: parse_arg("event_type", event_type, trecho::EventType::parse)?,
            kind: parse_arg("kind", kind, |text| {
                match text.to_ascii_lowercase().as_str() {
                    "said" | "rhetoric" | "words" => Some(trecho::Kind::Said),
                    "done" | "action" | "deeds" => Some(trecho::Kind::Done),
                    _ => None,
                }
            })?,
            issue: parse_issue(issue)?,
            from: parse_day("since", since)?,
            to: parse_day("until", until)?,
            lang: parse_arg("lang", lang, trecho::Lang::parse)?,
            doc_id,
            text,
            limit,
            offset,
        };
        let events = py.allow_threads(|| {
            self.with(|store| {
                store
                    .events(&filter)
                    .map_err(|err| store_error(&self.path, err))
            })
        })?;
        arrow_batches(&events)
    }

    /// One stored event by id, as its JSON record (None when there is none).
    fn event(&self, id: &str) -> PyResult<Option<String>> {
        let event =
            self.with(|store| store.event(id).map_err(|err| store_error(&self.path, err)))?;
        event.map(|event| to_json(&event)).transpose()
    }

    /// The ledger of threats, promises and demands (JSON, as `trecho ledger --format json`).
    fn ledger(&self, py: Python<'_>) -> PyResult<String> {
        py.allow_threads(|| to_json(&trecho::ledger::build(&self.all_events()?).commitments))
    }

    /// Red lines and whether they hold (JSON, as `trecho redlines --format json`).
    fn redlines(&self, py: Python<'_>) -> PyResult<String> {
        py.allow_threads(|| to_json(&trecho::ledger::build(&self.all_events()?).red_lines))
    }

    /// One issue used as a lever on another (JSON, as `trecho linkage --format json`).
    fn linkage(&self, py: Python<'_>) -> PyResult<String> {
        py.allow_threads(|| to_json(&trecho::ledger::build(&self.all_events()?).linkages))
    }

    /// The said-versus-done index (JSON, as `trecho index --format json`).
    #[pyo3(signature = (actor = None, recipient = None, issue = None, interval = "week"))]
    fn index(
        &self,
        py: Python<'_>,
        actor: Option<String>,
        recipient: Option<String>,
        issue: Option<&str>,
        interval: &str,
    ) -> PyResult<String> {
        let options = trecho::ledger::IndexOptions {
            actor,
            recipient,
            issue: parse_issue(issue)?,
            interval: match interval {
                "week" => trecho::ledger::Interval::Week,
                "month" => trecho::ledger::Interval::Month,
                other => {
                    return Err(PyValueError::new_err(format!(
                        "interval={other:?} is unknown (expected \"week\" or \"month\")"
                    )))
                }
            },
        };
        py.allow_threads(|| to_json(&trecho::ledger::index(&self.all_events()?, &options)))
    }

    /// The store's file.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batches, m)?)?;
    m.add_function(wrap_pyfunction!(schema_batch, m)?)?;
    m.add_class::<NativeStore>()?;
    m.add_class::<ArrowBatch>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
