//! Engine tests on the real documents of `corpus/demo` and `testdata/chains`: ids, spans,
//! the `--published` override, deterministic order whatever the number of threads, and
//! per-file errors that do not stop a run.

use std::path::{Path, PathBuf};
use trecho::{list_inputs, read_inputs, Document, Engine, EngineOptions, Outcome};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn engine(jobs: usize) -> Engine {
    Engine::new(EngineOptions {
        jobs,
        ..EngineOptions::default()
    })
    .unwrap()
}

/// What a run reports, as comparable lines: event ids, failures, file ends.
fn run_lines(engine: &Engine, paths: &[PathBuf]) -> Vec<String> {
    let mut lines = Vec::new();
    let inputs = read_inputs(paths, None, engine.options().max_input_bytes);
    engine
        .run(inputs, |outcome| -> Result<(), ()> {
            match outcome {
                Outcome::Processed(processed) => {
                    lines.push(format!("doc {}", processed.document.id));
                    lines.extend(
                        processed
                            .events
                            .iter()
                            .map(|event| format!("event {}", event.id)),
                    );
                }
                Outcome::Started(started) => lines.push(format!("doc {}", started.doc_id)),
                Outcome::Part(part) => lines.extend(
                    part.events
                        .iter()
                        .map(|event| format!("event {}", event.id)),
                ),
                Outcome::Finished(_) => {}
                Outcome::Failed { source, error } => {
                    lines.push(format!("failed {source}: {error}"))
                }
                Outcome::Diagnostic(diagnostic) => lines.push(format!("warning {diagnostic}")),
                Outcome::FileDone { source, documents } => {
                    lines.push(format!("done {source} {documents}"))
                }
            }
            Ok(())
        })
        .unwrap();
    lines
}

const WATER_POST: &str = "corpus/demo/2025-12-08_trump_truth_social_water_tariff.txt";

fn water_document() -> Document {
    let path = root().join(WATER_POST);
    Document {
        source: path.display().to_string(),
        text: std::fs::read_to_string(&path).unwrap(),
        ..Document::default()
    }
}

#[test]
fn process_assigns_a_content_id_and_spans_point_into_the_normalized_text() {
    let engine = engine(1);
    let processed = engine.process(water_document());
    let id = &processed.document.id;
    assert_eq!(id.len(), 16);
    assert_eq!(*id, trecho::document_id(&processed.normalized.text));
    assert!(
        !processed.events.is_empty(),
        "the water-tariff post has events"
    );
    assert_eq!(processed.events.len(), processed.explanations.len());
    for event in &processed.events {
        assert_eq!(&event.doc_id, id);
        let [start, end] = event.span;
        assert_eq!(
            processed.normalized.text.get(start..end),
            Some(event.sentence.as_str())
        );
    }
    // The same text again gives the same ids.
    let again = engine.process(water_document());
    assert_eq!(again.document.id, *id);
    let ids = |events: &[trecho::Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&again.events), ids(&processed.events));
}

#[test]
fn a_user_id_is_kept() {
    let engine = engine(1);
    let mut document = water_document();
    document.id = "truth-2025-12-08".into();
    let processed = engine.process(document);
    assert_eq!(processed.document.id, "truth-2025-12-08");
    assert!(processed
        .events
        .iter()
        .all(|event| event.doc_id == "truth-2025-12-08"));
}

#[test]
fn published_override_reaches_every_event() {
    let day = chrono::NaiveDate::from_ymd_opt(2025, 12, 24).unwrap();
    let engine = Engine::new(EngineOptions {
        published: Some(day),
        jobs: 1,
        ..EngineOptions::default()
    })
    .unwrap();
    let processed = engine.process(water_document());
    assert_eq!(processed.document.published, Some(day));
    assert_eq!(processed.normalized.published, Some(day));
    assert!(processed
        .events
        .iter()
        .all(|event| event.published == Some(day)));
}

#[test]
fn order_is_the_same_whatever_the_number_of_threads() {
    let paths = [root().join("corpus/demo"), root().join("testdata/chains")];
    let one = run_lines(&engine(1), &paths);
    let three = run_lines(&engine(3), &paths);
    assert!(one.iter().any(|line| line.starts_with("event ")));
    assert_eq!(one, three);
}

#[test]
fn a_bad_file_fails_alone() {
    let good = root().join(WATER_POST);
    let binary = root().join("testdata/cli/SYNTHETIC-not-a-feed.xml");
    let missing = root().join("testdata/cli/no-such-file.txt");
    let lines = run_lines(&engine(2), &[binary.clone(), missing.clone(), good.clone()]);
    let failed: Vec<&String> = lines
        .iter()
        .filter(|line| line.starts_with("failed "))
        .collect();
    assert_eq!(failed.len(), 2, "{lines:#?}");
    assert!(failed[0].contains("SYNTHETIC-not-a-feed.xml"));
    assert!(failed[1].contains("no-such-file.txt"));
    assert_eq!(lines.last().unwrap(), &format!("done {} 1", good.display()));
}

#[test]
fn inputs_over_the_size_limit_fail_with_the_file_named() {
    let path = root().join(WATER_POST);
    let inputs: Vec<_> = read_inputs(std::slice::from_ref(&path), None, 100).collect();
    let err = inputs[0].bytes.as_ref().unwrap_err().to_string();
    assert!(
        err.contains("2025-12-08_trump_truth_social_water_tariff.txt"),
        "{err}"
    );
    assert!(err.contains("100 bytes"), "{err}");
}

#[test]
fn directories_list_in_sorted_order() {
    let listed = list_inputs(&[root().join("corpus/demo")]);
    let names: Vec<String> = listed.iter().map(|input| input.source()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(!names.iter().any(|name| name.ends_with(".md")));
}

#[test]
fn a_missing_actor_dictionary_is_an_error_naming_it() {
    let err = Engine::new(EngineOptions {
        user_actors: vec![PathBuf::from("/no/such/actors.tsv")],
        ..EngineOptions::default()
    })
    .unwrap_err()
    .to_string();
    assert!(err.contains("/no/such/actors.tsv"), "{err}");
}

#[test]
fn stored_documents_give_back_their_events_evidence() {
    let engine = engine(1);
    let processed = engine.process(water_document());
    let mut store = trecho::Store::open_in_memory().unwrap();
    let inserted = store
        .insert_document(
            &processed.document,
            &processed.normalized,
            &processed.events,
        )
        .unwrap();
    assert_eq!(inserted, trecho::Inserted::New);
    let stored = store.document(&processed.document.id).unwrap().unwrap();
    for event in store.events(&trecho::EventFilter::default()).unwrap() {
        assert_eq!(&stored.text[event.span[0]..event.span[1]], event.sentence);
    }
}
