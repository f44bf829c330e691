//! Commitments: threats, promises and demands clustered across documents and followed to
//! their status.

use crate::Commitment;
use crate::Deed;
use chrono::NaiveDate;
use trecho_model::Event;

/// Builds the commitments. `events` must be in [`crate::keys::event_order`].
pub fn build(
    _events: &[&Event],
    _deeds: &[Deed],
    _latest_day: Option<NaiveDate>,
) -> Vec<Commitment> {
    Vec::new()
}
