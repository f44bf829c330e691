//! Red lines: what a side rules out, and whether the other side approached or crossed it.

use crate::deeds::DeedGroup;
use crate::RedLine;
use trecho_model::Event;

/// Builds the red lines. `events` must be in [`crate::keys::event_order`].
pub fn build(_events: &[&Event], _deeds: &[DeedGroup<'_>]) -> Vec<RedLine> {
    Vec::new()
}
