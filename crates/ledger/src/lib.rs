//! Ledger: said events → commitments, red lines and linkage, followed across documents; the
//! said-versus-done index. Pure functions over events; no IO.
//!
//! The ledger is recomputed from all events each time it is asked for, so adding documents to
//! the store updates every item, count and status. Field names follow `spec/ledger.md`.
//!
//! ```
//! use trecho_ledger::{build, CommitmentStatus};
//! use trecho_model::Event;
//!
//! // The example record of `spec/events.md`, and Mexico's answer four days after a restatement.
//! let threat: Event = serde_json::from_str(r#"{"id":"e1","doc_id":"d1","published":"2025-12-24","lang":"en",
//!   "sentence":"Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
//!   "span":[0,150],"date":"2025-12","date_source":"relative",
//!   "actor":{"text":"Trump","country":"USA","sector":"GOV","name":"Donald Trump"},
//!   "recipient":{"text":"Sheinbaum","country":"MEX","sector":"GOV","name":"Claudia Sheinbaum"},
//!   "event_type":"THREATEN","mode":"sanction","quad":"verbal_conflict","kind":"said",
//!   "speech_act":"threat","content_type":"SANCTION","issues":["trade","water"],
//!   "leverage":{"lever":"trade","goal":"water"},"negated":false,"hypothetical":false,
//!   "speaker":null,"attribution":null,"reported_count":null,"confidence":0.9}"#).unwrap();
//! let concession: Event = serde_json::from_str(r#"{"id":"e2","doc_id":"d1","published":"2025-12-24","lang":"en",
//!   "sentence":"On December 12, the two governments announced that Mexico would release 202,000 acre-feet of water to the United States.",
//!   "span":[151,270],"date":"2025-12-12","date_source":"text",
//!   "actor":{"text":"Mexico","country":"MEX","sector":"GOV","name":null},
//!   "recipient":{"text":"the United States","country":"USA","sector":"GOV","name":null},
//!   "event_type":"CONCEDE","mode":null,"quad":"verbal_cooperation","kind":"done",
//!   "speech_act":null,"content_type":null,"issues":["water"],"leverage":null,
//!   "negated":false,"hypothetical":false,"speaker":null,"attribution":null,
//!   "reported_count":null,"confidence":0.8}"#).unwrap();
//!
//! let ledger = build(&[threat, concession]);
//! let item = &ledger.commitments[0];
//! assert_eq!(item.summary, "USA threatens SANCTION against MEX (trade, water)");
//! assert_eq!(item.status, CommitmentStatus::Conceded);
//! assert_eq!(item.status_date.map(|d| d.to_string()).as_deref(), Some("2025-12-12"));
//! assert_eq!(ledger.linkages[0].goal, trecho_model::Issue::Water);
//! ```
//!
//! How events are grouped (the rules in one place; each module documents its own):
//! - a *side* is the actor's country (ISO alpha-3), else its canonical name, else its text;
//! - re-reports of one deed (same sides, same type, dates within [`DEED_WINDOW_DAYS`],
//!   overlapping issues) become one [`Deed`] ([`deeds`]);
//! - threats, promises and demands become [`Commitment`]s ([`commitments`]);
//! - red lines become [`RedLine`]s ([`redlines`]); leverage becomes [`Linkage`] ([`linkage`]).

use serde::Serialize;
use trecho_model::{Actor, Event, EventType, Issue, Leverage, PartialDate, SpeechAct};

pub mod commitments;
pub mod deadline;
pub mod deeds;
pub mod index;
pub mod keys;
pub mod linkage;
pub mod redlines;

pub use deeds::DEED_WINDOW_DAYS;
pub use index::{index, IndexOptions, IndexRow, Interval};

/// Everything the ledger derives from a set of events.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Ledger {
    /// Threats, promises and demands, each followed to its status.
    pub commitments: Vec<Commitment>,
    /// Red lines and whether they hold.
    pub red_lines: Vec<RedLine>,
    /// One issue used as a lever on another.
    pub linkages: Vec<Linkage>,
    /// Material acts (`done` events) with re-reports merged.
    pub deeds: Vec<Deed>,
}

/// Builds the whole ledger from events. Deterministic: the same events, in any order, give
/// the same ledger with the same ids.
pub fn build(events: &[Event]) -> Ledger {
    // Sorting by (day, id) first makes every later step independent of the input order.
    let sorted = keys::sorted(events);
    let deed_groups = deeds::group_deeds(&sorted);
    let latest_day = keys::latest_day(&sorted);
    let commitments = commitments::build(&sorted, &deed_groups, latest_day);
    let red_lines = redlines::build(&sorted, &deed_groups);
    let linkages = linkage::build(&sorted);
    Ledger {
        commitments,
        red_lines,
        linkages,
        deeds: deed_groups.into_iter().map(|group| group.deed).collect(),
    }
}

/// One threat, promise or demand, however many times and in however many documents it was said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commitment {
    /// Stable id (hash of the cluster key and the first utterance's date).
    pub id: String,
    /// `threat`, `promise` or `demand`.
    pub speech_act: SpeechAct,
    /// The speaker side (the most frequent actor among the utterances).
    pub actor: Option<Actor>,
    /// The side the words are aimed at.
    pub recipient: Option<Actor>,
    /// PLOVER type of what is threatened, promised or demanded.
    pub content_type: Option<EventType>,
    /// Union of the utterances' issues, sorted.
    pub issues: Vec<Issue>,
    /// The leverage of the utterances, if any said one issue was used to move another.
    pub leverage: Option<Leverage>,
    /// One readable line ("USA threatens ASSAULT against MEX (security)").
    pub summary: String,
    /// Date of the first utterance (event date, else publication date).
    pub first_said: Option<PartialDate>,
    /// Date of the last utterance.
    pub last_said: Option<PartialDate>,
    /// Number of utterances found.
    pub mentions: u32,
    /// The largest count a source reports ("at least 17 times" → 17), or null.
    pub reported_count: Option<u32>,
    /// max(`mentions`, `reported_count`).
    pub times_said: u32,
    /// Deadline as a date, or null.
    pub deadline: Option<PartialDate>,
    /// The deadline as written ("within 30 days", "soon"), or null.
    pub deadline_text: Option<String>,
    /// Current status.
    pub status: CommitmentStatus,
    /// When the status last changed, or null while it is `open` from the start.
    pub status_date: Option<PartialDate>,
    /// Ids of the said events behind the item.
    pub evidence: Vec<String>,
    /// Ids of the events that decided the current status.
    pub status_evidence: Vec<String>,
    /// Every status change in date order, the first being `open` at `first_said`.
    pub history: Vec<StatusChange<CommitmentStatus>>,
}

/// Status of a commitment (see `spec/ledger.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    /// Nothing decisive yet.
    Open,
    /// The actor's side did it.
    CarriedOut,
    /// The actor's side did a related but smaller act.
    PartlyCarriedOut,
    /// The recipient gave what the threat or demand aimed at.
    Conceded,
    /// The actor paused or dropped it.
    Withdrawn,
    /// Its deadline passed with none of the above.
    Lapsed,
    /// Demands only: the recipient refused.
    Rejected,
}

impl CommitmentStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentStatus::Open => "open",
            CommitmentStatus::CarriedOut => "carried_out",
            CommitmentStatus::PartlyCarriedOut => "partly_carried_out",
            CommitmentStatus::Conceded => "conceded",
            CommitmentStatus::Withdrawn => "withdrawn",
            CommitmentStatus::Lapsed => "lapsed",
            CommitmentStatus::Rejected => "rejected",
        }
    }

    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<CommitmentStatus> {
        Some(match name {
            "open" => CommitmentStatus::Open,
            "carried_out" => CommitmentStatus::CarriedOut,
            "partly_carried_out" => CommitmentStatus::PartlyCarriedOut,
            "conceded" => CommitmentStatus::Conceded,
            "withdrawn" => CommitmentStatus::Withdrawn,
            "lapsed" => CommitmentStatus::Lapsed,
            "rejected" => CommitmentStatus::Rejected,
            _ => return None,
        })
    }
}

impl std::fmt::Display for CommitmentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change of status, with the events that caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusChange<S> {
    /// When the change happened (date of the deciding event, or the deadline for `lapsed`).
    pub date: Option<PartialDate>,
    /// The new status.
    pub status: S,
    /// Ids of the events that caused the change.
    pub evidence: Vec<String>,
}

/// A red line: the holder rules out an act by another party.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedLine {
    /// Stable id.
    pub id: String,
    /// Who draws the line.
    pub holder: Option<Actor>,
    /// Whose act it rules out (null: anyone else).
    pub against: Option<Actor>,
    /// PLOVER type of the act ruled out.
    pub content_type: Option<EventType>,
    /// One readable line.
    pub summary: String,
    /// Date of the first utterance.
    pub declared: Option<PartialDate>,
    /// Date of the last utterance.
    pub last_restated: Option<PartialDate>,
    /// Number of utterances.
    pub restated: u32,
    /// Current status.
    pub status: RedLineStatus,
    /// When the status last changed (null while holding since declared).
    pub status_date: Option<PartialDate>,
    /// Ids of the said events behind the line.
    pub evidence: Vec<String>,
    /// Ids of the events that decided the current status.
    pub status_evidence: Vec<String>,
    /// Every status change in date order, the first being `holding` at `declared`.
    pub history: Vec<StatusChange<RedLineStatus>>,
}

/// Status of a red line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedLineStatus {
    /// Nobody has threatened or done the ruled-out act.
    Holding,
    /// The other side threatened the ruled-out act (or did it short of the holder's soil).
    Approached,
    /// The other side did it.
    Crossed,
}

impl RedLineStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            RedLineStatus::Holding => "holding",
            RedLineStatus::Approached => "approached",
            RedLineStatus::Crossed => "crossed",
        }
    }

    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<RedLineStatus> {
        Some(match name {
            "holding" => RedLineStatus::Holding,
            "approached" => RedLineStatus::Approached,
            "crossed" => RedLineStatus::Crossed,
            _ => return None,
        })
    }
}

impl std::fmt::Display for RedLineStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One issue used to move another, per (actor side, recipient side, lever, goal).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Linkage {
    /// The side that uses the lever.
    pub actor: Option<Actor>,
    /// The side it is used on.
    pub recipient: Option<Actor>,
    /// The issue used as the lever.
    pub lever: Issue,
    /// The issue the lever is meant to move.
    pub goal: Issue,
    /// Date of the first event.
    pub first_seen: Option<PartialDate>,
    /// Date of the last event.
    pub last_seen: Option<PartialDate>,
    /// Number of events.
    pub count: u32,
    /// Event ids.
    pub evidence: Vec<String>,
}

/// A material act (`done`) with all its reports merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deed {
    /// Stable id.
    pub id: String,
    /// PLOVER type of the act.
    pub event_type: EventType,
    /// Who did it (the most frequent actor among the reports).
    pub actor: Option<Actor>,
    /// At whom it was aimed.
    pub recipient: Option<Actor>,
    /// The most precise date the reports give (earliest on ties).
    pub date: Option<PartialDate>,
    /// Union of the reports' issues, sorted.
    pub issues: Vec<Issue>,
    /// Ids of every event reporting it.
    pub mentions: Vec<String>,
    /// One readable line ("USA SANCTION against MEX (trade)").
    pub summary: String,
}

#[cfg(test)]
mod testutil;
