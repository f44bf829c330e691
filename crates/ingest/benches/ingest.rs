//! Ingest throughput: real files (HTML, plain text, e-mail, mbox, RSS/Atom, JSON Lines) parsed
//! into documents, in bytes per second. The document count is checked on every iteration, so a
//! change that is fast because it drops documents fails the bench.
//!
//! Run: `cargo bench -p trecho-ingest --bench ingest`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use trecho_model::Format;

// Real documents from `corpus/` and `testdata/`: (file name, bytes).
include!("../../../testdata/bench_corpus.rs");

/// Parses every file and returns how many documents they gave.
fn parse_all(inputs: &[(&str, Format, &[u8])]) -> usize {
    inputs
        .iter()
        .map(
            |(name, format, bytes)| match trecho_ingest::parse(bytes, name, *format) {
                Ok(parsed) => parsed.documents.len(),
                Err(err) => panic!("{name}: {err}"),
            },
        )
        .sum()
}

fn ingest(c: &mut Criterion) {
    // Formats are detected once, as `trecho ingest` does before parsing.
    let inputs: Vec<(&str, Format, &[u8])> = CORPUS
        .iter()
        .map(|(name, bytes)| {
            (
                *name,
                trecho_ingest::detect_format(Path::new(name), bytes),
                *bytes,
            )
        })
        .collect();
    let total_bytes: usize = inputs.iter().map(|(_, _, bytes)| bytes.len()).sum();
    // The expected count is computed once, outside the timed loop.
    let expected_documents = parse_all(&inputs);
    assert!(
        expected_documents >= CORPUS.len(),
        "every file gives a document"
    );

    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(total_bytes as u64));
    group.bench_function("parse_corpus", |b| {
        b.iter(|| assert_eq!(parse_all(black_box(&inputs)), expected_documents))
    });
    // One bench per format, so a slow parser shows up by name.
    for format in [
        Format::Html,
        Format::Email,
        Format::Feed,
        Format::Jsonl,
        Format::Text,
    ] {
        let subset: Vec<(&str, Format, &[u8])> = inputs
            .iter()
            .filter(|(_, detected, _)| *detected == format)
            .copied()
            .collect();
        if subset.is_empty() {
            continue;
        }
        let bytes: usize = subset.iter().map(|(_, _, bytes)| bytes.len()).sum();
        let expected = parse_all(&subset);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("parse_{format:?}").to_lowercase(), |b| {
            b.iter(|| assert_eq!(parse_all(black_box(&subset)), expected))
        });
    }
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
