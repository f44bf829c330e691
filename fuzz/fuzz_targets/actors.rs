//! Fuzz target: actor dictionary files (`--actors FILE`).
//!
//! Parsing any bytes as a user dictionary never panics: it gives an error naming the source and
//! a line, or a dictionary. A dictionary built from the file then resolves the same text (and a
//! fixed sentence) without panicking, with every mention on char boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trecho_actors::{ActorDictionary, ResolveContext};

const SENTENCE: &str = "El presidente de México, Sheinbaum, dijo que the DEA and Sinaloa Cartel \
                        met in Washington; la SEDENA respondió.";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match ActorDictionary::from_user(&text, "fuzz.tsv") {
        Err(error) => {
            assert_eq!(error.source_name, "fuzz.tsv");
            assert!(error.line >= 1);
        }
        Ok(dictionary) => {
            let ctx = ResolveContext {
                date: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
                ..ResolveContext::default()
            };
            for sentence in [text.as_ref(), SENTENCE] {
                for mention in dictionary.find(sentence, &ctx) {
                    assert!(mention.start < mention.end && mention.end <= sentence.len());
                    assert!(sentence.is_char_boundary(mention.start));
                    assert!(sentence.is_char_boundary(mention.end));
                }
                let _ = dictionary.lookup(sentence, &ResolveContext::default());
            }
        }
    }
});
