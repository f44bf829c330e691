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

/// Real documents from `corpus/` and `testdata/`, embedded at compile time so the bench
/// reads nothing at run time: (file name, bytes).
const CORPUS: &[(&str, &[u8])] = &[
    (
        "corpus/demo/2025-02-01_wh_tariffs_canada_mexico_china.html",
        include_bytes!("../../../corpus/demo/2025-02-01_wh_tariffs_canada_mexico_china.html"),
    ),
    (
        "corpus/demo/2025-02-03_trump_truth_social_mexico_pause.txt",
        include_bytes!("../../../corpus/demo/2025-02-03_trump_truth_social_mexico_pause.txt"),
    ),
    (
        "corpus/demo/2025-02-20_state_terrorist_designations_cartels.html",
        include_bytes!("../../../corpus/demo/2025-02-20_state_terrorist_designations_cartels.html"),
    ),
    (
        "corpus/demo/2025-02-27_doj_29_defendants_from_mexico.eml",
        include_bytes!("../../../corpus/demo/2025-02-27_doj_29_defendants_from_mexico.eml"),
    ),
    (
        "corpus/demo/2025-02-27_trump_truth_social_tariffs_march_fourth.txt",
        include_bytes!(
            "../../../corpus/demo/2025-02-27_trump_truth_social_tariffs_march_fourth.txt"
        ),
    ),
    (
        "corpus/demo/2025-03-03_wh_fact_sheet_proceeds_with_tariffs.html",
        include_bytes!("../../../corpus/demo/2025-03-03_wh_fact_sheet_proceeds_with_tariffs.html"),
    ),
    (
        "corpus/demo/2025-04-10_trump_truth_social_water_treaty.txt",
        include_bytes!("../../../corpus/demo/2025-04-10_trump_truth_social_water_treaty.txt"),
    ),
    (
        "corpus/demo/2025-10-15_state_readout_rubio_de_la_fuente.html",
        include_bytes!("../../../corpus/demo/2025-10-15_state_readout_rubio_de_la_fuente.html"),
    ),
    (
        "corpus/demo/2025-10-28_hegseth_eastern_pacific_strikes.txt",
        include_bytes!("../../../corpus/demo/2025-10-28_hegseth_eastern_pacific_strikes.txt"),
    ),
    (
        "corpus/demo/2025-11-17_trump_oval_office_remarks_strikes.txt",
        include_bytes!("../../../corpus/demo/2025-11-17_trump_oval_office_remarks_strikes.txt"),
    ),
    (
        "corpus/demo/2025-12-08_trump_truth_social_water_tariff.txt",
        include_bytes!("../../../corpus/demo/2025-12-08_trump_truth_social_water_tariff.txt"),
    ),
    (
        "corpus/demo/2025-12-12_usda_mexico_water_treaty_obligations.eml",
        include_bytes!("../../../corpus/demo/2025-12-12_usda_mexico_water_treaty_obligations.eml"),
    ),
    (
        "corpus/demo/2025-12-15_eo_designating_fentanyl_wmd.html",
        include_bytes!("../../../corpus/demo/2025-12-15_eo_designating_fentanyl_wmd.html"),
    ),
    (
        "corpus/demo/2026-01-08_trump_hannity_interview_land_strikes.txt",
        include_bytes!("../../../corpus/demo/2026-01-08_trump_hannity_interview_land_strikes.txt"),
    ),
    (
        "corpus/demo/2026-02-03_usda_state_joint_statement_water_treaty.html",
        include_bytes!(
            "../../../corpus/demo/2026-02-03_usda_state_joint_statement_water_treaty.html"
        ),
    ),
    (
        "corpus/demo/mx_quotes_es.jsonl",
        include_bytes!("../../../corpus/demo/mx_quotes_es.jsonl"),
    ),
    (
        "corpus/demo/state_readouts_mexico.xml",
        include_bytes!("../../../corpus/demo/state_readouts_mexico.xml"),
    ),
    (
        "corpus/demo/us_statements.jsonl",
        include_bytes!("../../../corpus/demo/us_statements.jsonl"),
    ),
    (
        "testdata/inputs/federal_releases.mbox",
        include_bytes!("../../../testdata/inputs/federal_releases.mbox"),
    ),
    (
        "testdata/inputs/mananera_synthetic_es.txt",
        include_bytes!("../../../testdata/inputs/mananera_synthetic_es.txt"),
    ),
    (
        "testdata/inputs/newsletter_forwarded.eml",
        include_bytes!("../../../testdata/inputs/newsletter_forwarded.eml"),
    ),
    (
        "testdata/inputs/newsletter_forwarded.txt",
        include_bytes!("../../../testdata/inputs/newsletter_forwarded.txt"),
    ),
    (
        "testdata/inputs/state_readouts_atom.xml",
        include_bytes!("../../../testdata/inputs/state_readouts_atom.xml"),
    ),
    (
        "testdata/magazine/article.eml",
        include_bytes!("../../../testdata/magazine/article.eml"),
    ),
    (
        "testdata/magazine/article.txt",
        include_bytes!("../../../testdata/magazine/article.txt"),
    ),
    (
        "testdata/chains/water/02_2025-04-28_usda_water_agreement.txt",
        include_bytes!("../../../testdata/chains/water/02_2025-04-28_usda_water_agreement.txt"),
    ),
    (
        "testdata/chains/dedup/02_2025-02-28_wh_press_secretary_statement.txt",
        include_bytes!(
            "../../../testdata/chains/dedup/02_2025-02-28_wh_press_secretary_statement.txt"
        ),
    ),
    (
        "testdata/chains/dedup/04_2025-04-03_state_readout_rubio_de_la_fuente.txt",
        include_bytes!(
            "../../../testdata/chains/dedup/04_2025-04-03_state_readout_rubio_de_la_fuente.txt"
        ),
    ),
    (
        "testdata/chains/dedup/05_2025-08-12_doj_26_fugitives.txt",
        include_bytes!("../../../testdata/chains/dedup/05_2025-08-12_doj_26_fugitives.txt"),
    ),
];

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
