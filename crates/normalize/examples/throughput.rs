//! Measures ingest + normalize throughput on the `testdata/inputs/` fixtures.
//!
//! `cargo run --release -p trecho-normalize --example throughput`

use std::path::Path;
use std::time::Instant;

fn main() {
    let inputs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/inputs");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&inputs).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext != "md") {
            if let Ok(bytes) = std::fs::read(&path) {
                files.push((path, bytes));
            }
        }
    }
    let rounds = 300;
    let started = Instant::now();
    let mut n_bytes = 0usize;
    let mut n_documents = 0usize;
    let mut n_sentences = 0usize;
    let mut documents = Vec::new();
    for _ in 0..rounds {
        for (path, bytes) in &files {
            let format = trecho_ingest::detect_format(path, bytes);
            let name = path.to_string_lossy();
            if let Ok(parsed) = trecho_ingest::parse(bytes, &name, format) {
                n_bytes += bytes.len();
                n_documents += parsed.documents.len();
                documents.extend(parsed.documents);
            }
        }
    }
    let ingest_elapsed = started.elapsed();
    let started = Instant::now();
    for document in &documents {
        n_sentences += trecho_normalize::run(document).sentences.len();
    }
    let normalize_elapsed = started.elapsed();
    let total = ingest_elapsed + normalize_elapsed;
    println!(
        "{n_documents} documents, {} MB, {n_sentences} sentences",
        n_bytes as f64 / 1e6
    );
    println!(
        "ingest:    {:.3} s ({:.1} MB/s)",
        ingest_elapsed.as_secs_f64(),
        n_bytes as f64 / 1e6 / ingest_elapsed.as_secs_f64()
    );
    println!(
        "normalize: {:.3} s ({:.0} sentences/s)",
        normalize_elapsed.as_secs_f64(),
        n_sentences as f64 / normalize_elapsed.as_secs_f64()
    );
    println!(
        "both:      {:.0} sentences/s on one core",
        n_sentences as f64 / total.as_secs_f64()
    );
}
