//! Fuzz target: the CoNLL-U reader (`trecho eval FILE.conllu`, `trecho parse --input-format
//! conllu`).
//!
//! Any bytes give either an error naming the file and a line inside it, or sentences whose
//! heads and multiword tokens stay inside the sentence; those sentences can be tagged and
//! parsed, and written back, without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trecho_syntax::{conllu, Model, Scratch};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.split('\n').count();
    match conllu::read(&text, "fuzz.conllu") {
        Err(error) => {
            assert_eq!(error.source_name, "fuzz.conllu");
            assert!(error.line >= 1 && error.line <= lines, "line {} of {lines}", error.line);
        }
        Ok(sentences) => {
            let model = Model::builtin("en").expect("shipped model");
            let mut scratch = Scratch::default();
            let mut out = String::new();
            for s in &sentences {
                let n = s.words.len();
                assert!(n > 0);
                assert!(s.words.iter().all(|w| w.head.is_none_or(|h| h <= n)));
                assert!(s.multiwords.iter().all(|m| m.first >= 1 && m.last <= n && m.first < m.last));
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let words = model.analyze(&forms, &mut scratch);
                assert_eq!(words.len(), n);
                conllu::write(&mut out, s);
            }
        }
    }
});
