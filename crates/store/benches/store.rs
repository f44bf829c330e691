//! Store throughput: real documents, with their sentences and events, written into a fresh
//! SQLite store (in memory, so disk speed does not enter) in one batch, in sentences per
//! second. The stored counts are checked on every iteration, so a change that is fast because
//! it stores less fails the bench. `trecho ingest` and `trecho bench` measure the file-backed
//! store end to end.
//!
//! Run: `cargo bench -p trecho-store --bench store`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::path::Path;
use trecho_extract::Dictionaries;
use trecho_model::{Document, Event, Normalized};
use trecho_store::{Stats, Store};

// Real documents from `corpus/` and `testdata/`: (file name, bytes).
include!("../../../testdata/bench_corpus.rs");

/// Every document of the corpus through the pipeline once, before timing, with its id set as
/// the engine sets it (the first 16 hex digits of the content hash).
fn processed_corpus() -> Vec<(Document, Normalized, Vec<Event>)> {
    let dictionaries = Dictionaries::builtin();
    let mut out = Vec::new();
    for (name, bytes) in CORPUS {
        let format = trecho_ingest::detect_format(Path::new(name), bytes);
        let parsed = match trecho_ingest::parse(bytes, name, format) {
            Ok(parsed) => parsed,
            Err(err) => panic!("{name}: {err}"),
        };
        for mut document in parsed.documents {
            let normalized = trecho_normalize::run(&document);
            let mut id = trecho_store::content_hash(&normalized.text);
            id.truncate(16);
            document.id = id;
            let events = trecho_extract::run(&document.id, &normalized, &dictionaries).events;
            out.push((document, normalized, events));
        }
    }
    out
}

/// Stores the whole corpus in `store` in one transaction and returns what it then holds.
fn store_all(store: &mut Store, corpus: &[(Document, Normalized, Vec<Event>)]) -> Stats {
    let batch = corpus
        .iter()
        .map(|(document, normalized, events)| (document, normalized, events.as_slice()));
    if let Err(err) = store.insert_documents(batch) {
        panic!("storing the corpus: {err}");
    }
    match store.stats() {
        Ok(stats) => stats,
        Err(err) => panic!("reading store stats: {err}"),
    }
}

fn fresh_store() -> Store {
    match Store::open_in_memory() {
        Ok(store) => store,
        Err(err) => panic!("opening an in-memory store: {err}"),
    }
}

fn store(c: &mut Criterion) {
    let corpus = processed_corpus();
    let expected = store_all(&mut fresh_store(), &corpus);
    assert!(expected.events > 0, "the demo corpus has events");
    // Identical texts are stored once, so the stored sentences are the figure to count.
    let mut group = c.benchmark_group("store");
    group.throughput(Throughput::Elements(expected.sentences));
    group.bench_function("insert_corpus_in_memory", |b| {
        // A fresh store per iteration (its creation untimed), so nothing is skipped as
        // already stored.
        b.iter_batched(
            fresh_store,
            |mut store| {
                let stats = store_all(&mut store, &corpus);
                assert_eq!(
                    (stats.documents, stats.sentences, stats.events),
                    (expected.documents, expected.sentences, expected.events)
                );
                store
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
