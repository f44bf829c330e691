//! Tagging and parsing throughput on real news sentences: the sentences of the bench corpus
//! (`corpus/demo` and `testdata/`), each with the model of its language, on one thread. The
//! word count is checked on every iteration, so a fast-but-wrong change fails.
//!
//! Run: `cargo bench -p trecho-syntax --bench syntax`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use trecho_model::Lang;
use trecho_syntax::{Model, Scratch};

// Real documents from `corpus/` and `testdata/`: (file name, bytes).
include!("../../../testdata/bench_corpus.rs");

/// Every sentence of the corpus with its language.
fn sentences() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (name, bytes) in CORPUS {
        let format = trecho_ingest::detect_format(Path::new(name), bytes);
        let parsed =
            trecho_ingest::parse(bytes, name, format).unwrap_or_else(|e| panic!("{name}: {e}"));
        for document in parsed.documents {
            let normalized = trecho_normalize::run(&document);
            for s in &normalized.sentences {
                let lang = if s.lang == Lang::Es { "es" } else { "en" };
                out.push((normalized.sentence_text(s).to_string(), lang));
            }
        }
    }
    out
}

fn parse_all(sentences: &[(String, &str)], en: &Model, es: &Model, scratch: &mut Scratch) -> usize {
    sentences
        .iter()
        .map(|(s, lang)| {
            let model = if *lang == "es" { es } else { en };
            model.parse(s, scratch).words.len()
        })
        .sum()
}

fn syntax(c: &mut Criterion) {
    let sentences = sentences();
    let en = Model::builtin("en").unwrap();
    let es = Model::builtin("es").unwrap();
    let mut scratch = Scratch::default();
    let words = parse_all(&sentences, en, es, &mut scratch);
    assert!(words > sentences.len() * 5, "news sentences have words");
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(sentences.len() as u64));
    group.bench_function("tokenize_tag_parse_sentences", |b| {
        b.iter(|| {
            assert_eq!(
                parse_all(black_box(&sentences), en, es, &mut scratch),
                words
            )
        })
    });
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tokenize_tag_parse_words", |b| {
        b.iter(|| {
            assert_eq!(
                parse_all(black_box(&sentences), en, es, &mut scratch),
                words
            )
        })
    });
    group.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
