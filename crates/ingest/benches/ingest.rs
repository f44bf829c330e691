//! Ingest throughput: real files (HTML, plain text, e-mail, mbox, RSS/Atom, JSON Lines) parsed
//! into documents, in bytes per second. The document count is checked on every iteration, so a
//! change that is fast because it drops documents fails the bench.
//!
//! Run: `cargo bench -p trecho-ingest --bench ingest`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use trecho_model::Format;

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
