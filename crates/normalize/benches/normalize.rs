//! Normalize throughput on real documents: cleaning, sentence segmentation, speakers, language
//! and dateline, in bytes per second of document text. Segmentation is private to the crate,
//! so `segment_clean_text` measures it through `run` on text that is already normalized
//! (cleaning then has nothing left to undo and segmentation dominates), in sentences per
//! second. Sentence counts are checked on every iteration, so a fast-but-wrong change fails.
//!
//! Run: `cargo bench -p trecho-normalize --bench normalize`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use trecho_model::Document;

// Real documents from `corpus/` and `testdata/`: (file name, bytes).
include!("../../../testdata/bench_corpus.rs");

/// Every document of the corpus, parsed once before timing.
fn documents() -> Vec<Document> {
    let mut documents = Vec::new();
    for (name, bytes) in CORPUS {
        let format = trecho_ingest::detect_format(Path::new(name), bytes);
        match trecho_ingest::parse(bytes, name, format) {
            Ok(parsed) => documents.extend(parsed.documents),
            Err(err) => panic!("{name}: {err}"),
        }
    }
    documents
}

/// Normalizes every document and returns the number of sentences.
fn sentences(documents: &[Document]) -> usize {
    documents
        .iter()
        .map(|document| trecho_normalize::run(document).sentences.len())
        .sum()
}

fn normalize(c: &mut Criterion) {
    let documents = documents();
    let text_bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    let expected_sentences = sentences(&documents);
    assert!(
        expected_sentences > documents.len(),
        "real documents have several sentences"
    );

    // The same documents with their text already normalized.
    let clean: Vec<Document> = documents
        .iter()
        .map(|document| Document {
            text: trecho_normalize::run(document).text,
            ..document.clone()
        })
        .collect();
    let expected_clean_sentences = sentences(&clean);

    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("normalize_corpus", |b| {
        b.iter(|| assert_eq!(sentences(black_box(&documents)), expected_sentences))
    });
    group.throughput(Throughput::Elements(expected_clean_sentences as u64));
    group.bench_function("segment_clean_text", |b| {
        b.iter(|| assert_eq!(sentences(black_box(&clean)), expected_clean_sentences))
    });
    group.finish();
}

criterion_group!(benches, normalize);
criterion_main!(benches);
