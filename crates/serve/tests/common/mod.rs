//! Helpers shared by the server's test binaries (api, load, rate): the demo corpus run through
//! the real engine. Each test binary compiles this module on its own and uses only part of it,
//! hence the `dead_code` allowance.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use trecho::{Processed, Store};

/// The repository's `corpus/demo`.
pub fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo")
}

/// Every document of `corpus/demo` through the engine with its default options, in input order.
pub fn demo_documents() -> Vec<Processed> {
    let engine = trecho::Engine::new(trecho::EngineOptions::default()).unwrap();
    let max_bytes = engine.options().max_input_bytes;
    let inputs = trecho::walk_inputs(&[demo_corpus()])
        .map(|input| trecho::read_input(&input, None, max_bytes));
    let mut documents = Vec::new();
    engine
        .run(inputs, |outcome| -> Result<(), std::convert::Infallible> {
            if let trecho::Outcome::Processed(processed) = outcome {
                documents.push(*processed);
            }
            Ok(())
        })
        .unwrap();
    assert!(!documents.is_empty(), "corpus/demo gave no documents");
    documents
}

/// Stores every document of `corpus/demo` in the store at `path` (created if missing).
pub fn ingest_demo(path: &Path) {
    let documents = demo_documents();
    let mut store = Store::open(path).unwrap();
    store
        .insert_documents(
            documents
                .iter()
                .map(|item| (&item.document, &item.normalized, item.events.as_slice())),
        )
        .unwrap();
}
