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
        let n = parsed.words.len();
        if n == 0 {
            continue;
        }
        assert_eq!(parsed.words.iter().filter(|w| w.head == 0).count(), 1);
        let mut last = 0;
        for (i, w) in parsed.words.iter().enumerate() {
            assert!(w.head <= n && w.head != i + 1);
            assert!(w.start < w.end && w.end <= text.len() && w.start >= last);
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            last = w.start;
            // Walking up from any word reaches the root within n steps.
            let (mut at, mut steps) = (i + 1, 0);
            while at != 0 {
                at = parsed.words[at - 1].head;
                steps += 1;
                assert!(steps <= n, "a cycle through word {}", i + 1);
            }
        }
        for m in &parsed.multiwords {
            for w in &parsed.words[m.first - 1..m.last] {
                assert_eq!((w.start, w.end), (m.start, m.end));
            }
        }
    }
});
