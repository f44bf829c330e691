//! trecho: the engine facade that wires the stages together (ingest → normalize → extract →
//! store → ledger). The CLI and the server depend on this crate only.
//!
//! Planned API: `Engine::new(options)`, `Engine::process(Document) -> Processed`.

pub use trecho_model as model;
