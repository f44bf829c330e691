//! Times normalization of pathological inputs, to catch quadratic behaviour.
//!
//! `cargo run --release -p trecho-normalize --example normalize_stress`

use std::time::Instant;
use trecho_model::{Document, Format};

fn main() {
    let size = 4_000_000;
    let cases: Vec<(&str, String)> = vec![
        ("one long word", "x".repeat(size)),
        ("periods without spaces", "a.".repeat(size / 2)),
        ("abbreviations", "U.S. Gen. Dec. ".repeat(size / 15)),
        ("one long sentence", "word ".repeat(size / 5)),
        ("header lines", "From: a\n".repeat(size / 8)),
        ("short lines", "Mexico said\n".repeat(size / 12)),
        ("hyphen wraps", "inter-\nnational ".repeat(size / 17)),
        ("markers", "[[link removed]]".repeat(size / 16)),
        ("labels", "THE PRESIDENT: Yes.\n\n".repeat(size / 21)),
        ("blank lines", "\n".repeat(size)),
    ];
    for (name, text) in cases {
        for format in [Format::Text, Format::Transcript] {
            let document = Document {
                text: text.clone(),
                format,
                ..Document::default()
            };
            let started = Instant::now();
            let normalized = trecho_normalize::run(&document);
            println!(
                "{name:<24} {:<10} {:>8.3} s {:>8} sentences",
                format.as_str(),
                started.elapsed().as_secs_f64(),
                normalized.sentences.len()
            );
        }
    }
}
