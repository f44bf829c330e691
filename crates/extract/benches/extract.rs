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
