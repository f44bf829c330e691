//! Extract throughput on real documents, in sentences per second (the figure of the speed
//! target: 10,000 sentences a second per core), plus the one-off cost of loading the shipped
//! dictionaries (part of start-up). Event counts are checked on every iteration, so a change
//! that is fast because it finds fewer (or more) events fails the bench.
//!
//! Run: `cargo bench -p trecho-extract --bench extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use trecho_actors::ResolveContext;
use trecho_extract::Dictionaries;
use trecho_model::Normalized;

// Real documents from `corpus/` and `testdata/`: (file name, bytes).
include!("../../../testdata/bench_corpus.rs");

/// Every document of the corpus, parsed and normalized once before timing: (id, normalized).
fn normalized_corpus() -> Vec<(String, Normalized)> {
    let mut out = Vec::new();
    for (name, bytes) in CORPUS {
        let format = trecho_ingest::detect_format(Path::new(name), bytes);
        let parsed = match trecho_ingest::parse(bytes, name, format) {
            Ok(parsed) => parsed,
            Err(err) => panic!("{name}: {err}"),
        };
        for (index, document) in parsed.documents.iter().enumerate() {
            out.push((format!("{name}#{index}"), trecho_normalize::run(document)));
        }
    }
    out
}

/// Extracts every document and returns the number of events.
fn events(corpus: &[(String, Normalized)], dictionaries: &Dictionaries) -> usize {
    corpus
        .iter()
        .map(|(id, normalized)| {
            trecho_extract::run(id, normalized, dictionaries)
                .events
                .len()
        })
        .sum()
}

fn extract(c: &mut Criterion) {
    let dictionaries = Dictionaries::builtin();
    let corpus = normalized_corpus();
    let n_sentences: usize = corpus
        .iter()
        .map(|(_, normalized)| normalized.sentences.len())
        .sum();
    let expected_events = events(&corpus, &dictionaries);
    assert!(expected_events > 0, "the demo corpus has events");

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.bench_function("extract_corpus", |b| {
        b.iter(|| assert_eq!(events(black_box(&corpus), &dictionaries), expected_events))
    });
    group.finish();

    // Paid once per process: what `trecho extract` spends before its first sentence. The
    // check is that a known actor resolves with the freshly loaded dictionary.
    let context = ResolveContext::default();
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("builtin_dictionaries", |b| {
        b.iter(|| {
            let dictionaries = Dictionaries::builtin();
            assert!(dictionaries.actors.lookup("Sheinbaum", &context).is_some());
        })
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
