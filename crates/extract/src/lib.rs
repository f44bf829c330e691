//! Extract: normalized sentences → events with evidence (actor, recipient, PLOVER type and mode,
//! said or done, speech act, dates, issues, leverage, speaker, attribution).
//!
//! Planned API: `Dictionaries::builtin()`, `run(doc_id, &Normalized, &Dictionaries) -> Extraction`.
//! No IO except loading a user dictionary file the caller hands over as text.

pub mod attribution;
pub mod counts;
pub mod dates;
pub mod issues;

use trecho_model::{Event, Explanation, Normalized};

/// Actor and event lexicons, loaded once and shared by every document.
#[derive(Debug, Default)]
pub struct Dictionaries {}

impl Dictionaries {
    /// The dictionaries shipped with trecho.
    pub fn builtin() -> Dictionaries {
        Dictionaries {}
    }
}

/// What extraction found in one document.
#[derive(Debug, Default)]
pub struct Extraction {
    /// Events in document order.
    pub events: Vec<Event>,
    /// One explanation per event, same order.
    pub explanations: Vec<Explanation>,
}

/// Extracts the events of a normalized document.
pub fn run(_doc_id: &str, _normalized: &Normalized, _dictionaries: &Dictionaries) -> Extraction {
    Extraction::default()
}
