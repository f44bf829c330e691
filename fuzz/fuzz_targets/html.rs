//! Fuzz target: `trecho_ingest::parse` as Html never panics on any bytes, and every document
//! it gives normalizes without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trecho_model::Format;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = trecho_ingest::parse(data, "fuzz.in", Format::Html) {
        for document in &parsed.documents {
            let _ = trecho_normalize::run(document);
        }
    }
});
