//! Fuzz target: `trecho_normalize::run` never panics, its sentence spans are ordered slices
//! of the normalized text on char boundaries, and normalizing twice changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trecho_model::{Document, Format};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    // The first byte picks the format, so transcripts (speaker labels) are covered too.
    let format = if data.first().is_some_and(|byte| byte % 2 == 0) {
        Format::Transcript
    } else {
        Format::Text
    };
    let document = Document {
        text,
        format,
        ..Document::default()
    };
    let normalized = trecho_normalize::run(&document);
    let mut previous_end = 0;
    for sentence in &normalized.sentences {
        assert!(previous_end <= sentence.start && sentence.start < sentence.end);
        assert!(normalized.text.get(sentence.start..sentence.end).is_some());
        previous_end = sentence.end;
    }
    let again = trecho_normalize::run(&Document {
        text: normalized.text.clone(),
        ..document
    });
    assert_eq!(again.text, normalized.text);
});
