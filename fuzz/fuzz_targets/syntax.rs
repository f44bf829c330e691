//! Fuzz target: tokenizing, tagging and parsing raw text (`trecho parse`), in both languages.
//!
//! Any text gives a well-formed tree: one root, heads inside the sentence, no cycles; every
//! word's byte range is inside the text, on character boundaries and in order; multiword
//! tokens cover words that share their range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trecho_syntax::{Model, Scratch};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut scratch = Scratch::default();
    for lang in ["en", "es"] {
        let parsed = Model::builtin(lang).expect("shipped model").parse(&text, &mut scratch);
        if let Some(problem) = parsed.problem(&text) {
            panic!("{lang}: {problem}");
        }
    }
});
