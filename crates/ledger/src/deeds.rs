//! Deduplication: re-reports of one deed become one [`Deed`]; repeats of one statement in the
//! same document become one [`Utterance`].
//!
//! Rule for deeds (`done` events, not negated, not hypothetical): two reports are the same deed
//! when they have the same actor side, the same recipient side, the same event type, dates
//! no more than [`DEED_WINDOW_DAYS`] apart (a month or a year covers all its days, and then the
//! dates must overlap: "in October" merges with "October 3", not with "in September") and
//! compatible issues (overlapping, or one of them has none). Wording and document do not
//! matter: differently worded reports in different documents merge, and every report stays
//! as evidence in `mentions`.
//!
//! Rule for statements (`said` events): the same document saying the same thing twice (same
//! sides, type, speech act and content type, same date) is one utterance, not two.

use crate::keys;
use crate::Deed;
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};
use trecho_model::{Event, EventType, Issue, Kind, PartialDate, SpeechAct};

/// How many days apart two reports of one deed may be dated. News reports date the same act
/// a day or two apart (time zones, "yesterday" resolved against different publication days).
pub const DEED_WINDOW_DAYS: i64 = 3;

/// A deed with the events that report it, for the status rules that read their sentences.
#[derive(Debug, Clone)]
pub struct DeedGroup<'a> {
    /// The merged deed.
    pub deed: Deed,
    /// The reports, in date order.
    pub events: Vec<&'a Event>,
    /// Actor side.
    pub actor_side: String,
    /// Recipient side.
    pub recipient_side: String,
    /// First day the deed may have happened.
    pub day: Option<NaiveDate>,
    /// Whether a report places it at sea (boats, vessels, the Caribbean, the Pacific).
    pub at_sea: bool,
}

/// Whether an event reports a material act that happened.
pub fn is_deed(event: &Event) -> bool {
    event.kind == Kind::Done && !event.negated && !event.hypothetical
}

/// Merges `done` events into deeds. `events` must be in [`keys::event_order`].
pub fn merge_deeds(events: &[&Event]) -> Vec<Deed> {
    group_deeds(events)
        .into_iter()
        .map(|group| group.deed)
        .collect()
}

/// Merges `done` events into deed groups. `events` must be in [`keys::event_order`].
pub fn group_deeds<'a>(events: &[&'a Event]) -> Vec<DeedGroup<'a>> {
    struct Open<'a> {
        key: (String, String, EventType),
        range: Option<(NaiveDate, NaiveDate)>,
        /// Whether every report so far is dated to the day (or undated, using its
        /// publication day).
        precise: bool,
        events: Vec<&'a Event>,
        /// Union of the reports' issues, and whether a report names none: a report's issues
        /// are compatible with some report of the cluster exactly when they are empty, or a
        /// report names none, or they meet the union.
        issues: BTreeSet<Issue>,
        issueless: bool,
    }
    let mut clusters: Vec<Open<'a>> = Vec::new();
    let mut by_key: HashMap<(String, String, EventType), Vec<usize>> = HashMap::new();
    for &event in events.iter().filter(|event| is_deed(event)) {
        let key = (
            keys::side(event.actor.as_ref()),
            keys::side(event.recipient.as_ref()),
            event.event_type,
        );
        let range = keys::day_range(event);
        // A month or a year already spans more than the window: such reports must overlap
        // ("in October" with "October 3"), or two acts in consecutive months would merge.
        let window = if event.date.is_none_or(|date| date.day.is_some()) {
            DEED_WINDOW_DAYS
        } else {
            0
        };
        // Events come in date order, so the matching cluster, if any, is a recent one.
        let same_key = by_key.get(&key).map_or(&[][..], Vec::as_slice);
        // Looking back over the last 64 deeds of the key is enough: all of them would have to
        // fall within a few days of this one for the one it belongs to to be further back.
        let found = same_key.iter().rev().take(64).copied().find(|&index| {
            let Some(cluster) = clusters.get(index) else {
                return false;
            };
            let cluster_window = if cluster.precise { window } else { 0 };
            cluster.key == key
                && match (cluster.range, range) {
                    (Some(a), Some(b)) => keys::range_gap(a, b) <= cluster_window,
                    _ => false,
                }
                && !cluster.events.is_empty()
                && (event.issues.is_empty()
                    || cluster.issueless
                    || event
                        .issues
                        .iter()
                        .any(|issue| cluster.issues.contains(issue)))
        });
        match found.and_then(|index| clusters.get_mut(index)) {
            Some(cluster) => {
                if let (Some(a), Some(b)) = (cluster.range, range) {
                    cluster.range = Some((a.0.min(b.0), a.1.max(b.1)));
                }
                cluster.precise &= window > 0;
                cluster.issues.extend(event.issues.iter().copied());
                cluster.issueless |= event.issues.is_empty();
                cluster.events.push(event);
            }
            None => {
                by_key.entry(key.clone()).or_default().push(clusters.len());
                clusters.push(Open {
                    key,
                    range,
                    precise: window > 0,
                    events: vec![event],
                    issues: event.issues.iter().copied().collect(),
                    issueless: event.issues.is_empty(),
                });
            }
        }
    }
    // Re-reports often repeat a sentence word for word: place each distinct sentence once.
    let mut sea_sentences: HashMap<&'a str, bool> = HashMap::new();
    let mut groups: Vec<DeedGroup<'a>> = clusters
        .into_iter()
        .map(|cluster| {
            let (actor_side, recipient_side, event_type) = cluster.key;
            let date = most_precise_date(&cluster.events);
            let day = cluster
                .events
                .iter()
                .filter_map(|event| keys::event_day(event))
                .min();
            let actor = keys::representative(cluster.events.iter().map(|e| e.actor.as_ref()));
            let recipient =
                keys::representative(cluster.events.iter().map(|e| e.recipient.as_ref()));
            let issues = keys::union_issues(cluster.events.iter().copied());
            // The first report's id keeps two deeds of one key and day apart (they differ in
            // issues); events are in a fixed order, so the id is stable.
            let id_key = format!(
                "{actor_side}|{recipient_side}|{event_type}|{}|{}",
                day.map(|d| d.to_string()).unwrap_or_default(),
                cluster.events.first().map(|e| e.id.as_str()).unwrap_or("")
            );
            let summary = deed_summary(event_type, actor.as_ref(), recipient.as_ref(), &issues);
            let mut mentions: Vec<String> = cluster.events.iter().map(|e| e.id.clone()).collect();
            mentions.dedup();
            DeedGroup {
                deed: Deed {
                    id: keys::stable_id("d", &id_key),
                    event_type,
                    actor,
                    recipient,
                    date,
                    issues,
                    mentions,
                    summary,
                },
                at_sea: cluster.events.iter().any(|e| {
                    *sea_sentences
                        .entry(e.sentence.as_str())
                        .or_insert_with(|| keys::at_sea(&e.sentence))
                }),
                events: cluster.events,
                actor_side,
                recipient_side,
                day,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        a.day
            .unwrap_or(NaiveDate::MAX)
            .cmp(&b.day.unwrap_or(NaiveDate::MAX))
            .then_with(|| a.deed.id.cmp(&b.deed.id))
    });
    groups
}

/// The most precise date among reports: a full date beats a month beats a year; the
/// earliest wins among equally precise ones.
fn most_precise_date(events: &[&Event]) -> Option<PartialDate> {
    events
        .iter()
        .filter_map(|event| keys::event_date(event))
        .min_by_key(|date| {
            let precision = match (date.month, date.day) {
                (Some(_), Some(_)) => 0,
                (Some(_), None) => 1,
                _ => 2,
            };
            (precision, *date)
        })
}

fn deed_summary(
    event_type: EventType,
    actor: Option<&trecho_model::Actor>,
    recipient: Option<&trecho_model::Actor>,
    issues: &[trecho_model::Issue],
) -> String {
    let mut summary = format!(
        "{} {} against {}",
        keys::label(actor),
        event_type,
        keys::label(recipient)
    );
    if !issues.is_empty() {
        summary.push_str(&format!(" ({})", keys::issue_list(issues)));
    }
    summary
}

/// One statement, with every repeat of it in the same document.
#[derive(Debug, Clone)]
pub struct Utterance<'a> {
    /// The reports, in document order; the first stands for the utterance.
    pub events: Vec<&'a Event>,
}

impl<'a> Utterance<'a> {
    /// The event that stands for the utterance.
    pub fn first(&self) -> Option<&'a Event> {
        self.events.first().copied()
    }

    /// First day the utterance may have been made.
    pub fn day(&self) -> Option<NaiveDate> {
        self.events.iter().filter_map(|e| keys::event_day(e)).min()
    }

    /// Its date as the record gives it (the most precise among repeats).
    pub fn date(&self) -> Option<PartialDate> {
        most_precise_date(&self.events)
    }

    /// Ids of every repeat.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.events.iter().map(|e| e.id.as_str())
    }
}

/// Merges said events that repeat one statement in the same document: same document, same
/// sides, same event type, speech act and content type, and the same date. The input order is
/// kept (first occurrence decides the position).
pub fn merge_utterances<'a>(events: &[&'a Event]) -> Vec<Utterance<'a>> {
    type Key = (
        String,
        String,
        String,
        EventType,
        Option<SpeechAct>,
        Option<EventType>,
        Option<PartialDate>,
    );
    let mut keys_seen: HashMap<Key, usize> = HashMap::new();
    let mut utterances: Vec<Utterance<'a>> = Vec::new();
    for &event in events.iter().filter(|e| e.kind == Kind::Said) {
        let key: Key = (
            event.doc_id.clone(),
            keys::side(event.actor.as_ref()),
            keys::side(event.recipient.as_ref()),
            event.event_type,
            event.speech_act,
            event.content_type,
            keys::event_date(event),
        );
        match keys_seen.get(&key) {
            Some(&position) => {
                if let Some(utterance) = utterances.get_mut(position) {
                    utterance.events.push(event);
                }
            }
            None => {
                keys_seen.insert(key, utterances.len());
                utterances.push(Utterance {
                    events: vec![event],
                });
            }
        }
    }
    utterances
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use trecho_model::{EventType, Issue};

    fn check(events: &[Event], expect: &[&[&str]]) {
        let deeds = merge_deeds(&in_order(events));
        // Deeds on one day are ordered by id (a hash), so compare them as a set.
        let mut got: Vec<Vec<&str>> = deeds
            .iter()
            .map(|deed| deed.mentions.iter().map(String::as_str).collect())
            .collect();
        got.sort();
        let expect: Vec<Vec<&str>> = expect.iter().map(|ids| ids.to_vec()).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn re_reports_across_documents_merge() {
        let a = done(
            "a",
            "doc1",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade],
        )
        .sentence("The United States imposed 25% tariffs on Mexican goods.");
        let b = done(
            "b",
            "doc2",
            "2025-03-05",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade, Issue::Drugs],
        )
        .sentence("Washington's new duties on imports from Mexico took effect.");
        check(&[a.0, b.0], &[&["a", "b"]]);
    }

    #[test]
    fn dates_too_far_apart_stay_apart() {
        let a = done(
            "a",
            "doc1",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade],
        );
        let b = done(
            "b",
            "doc2",
            "2025-03-12",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade],
        );
        check(&[b.0, a.0], &[&["a"], &["b"]]);
    }

    #[test]
    fn different_type_or_side_or_issue_stay_apart() {
        let a = done(
            "a",
            "d1",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Trade],
        );
        let b = done(
            "b",
            "d2",
            "2025-03-04",
            "USA",
            "CAN",
            EventType::Sanction,
            &[Issue::Trade],
        );
        let c = done(
            "c",
            "d3",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Coerce,
            &[Issue::Trade],
        );
        let d = done(
            "d",
            "d4",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Sanction,
            &[Issue::Water],
        );
        check(&[a.0, b.0, c.0, d.0], &[&["a"], &["b"], &["c"], &["d"]]);
    }

    #[test]
    fn month_date_merges_with_a_day_in_that_month() {
        let a = done(
            "a",
            "d1",
            "2025-02-27",
            "MEX",
            "USA",
            EventType::Cooperate,
            &[Issue::Justice],
        );
        let b = done(
            "b",
            "d2",
            "2025-02",
            "MEX",
            "USA",
            EventType::Cooperate,
            &[],
        );
        let deeds = merge_deeds(&in_order(&[a.0, b.0]));
        assert_eq!(deeds.len(), 1);
        assert_eq!(
            deeds[0].date.map(|d| d.to_string()).as_deref(),
            Some("2025-02-27")
        );
    }

    #[test]
    fn consecutive_months_stay_apart() {
        let a = done(
            "a",
            "d1",
            "2025-09",
            "USA",
            "",
            EventType::Assault,
            &[Issue::Security],
        );
        let b = done(
            "b",
            "d1",
            "2025-10",
            "USA",
            "",
            EventType::Assault,
            &[Issue::Security],
        );
        let c = done(
            "c",
            "d2",
            "2025-10-03",
            "USA",
            "",
            EventType::Assault,
            &[Issue::Security],
        );
        check(&[a.0, b.0, c.0], &[&["a"], &["b", "c"]]);
    }

    #[test]
    fn negated_and_hypothetical_acts_are_not_deeds() {
        let a = done(
            "a",
            "d1",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Assault,
            &[],
        )
        .negated();
        let b = done(
            "b",
            "d1",
            "2025-03-04",
            "USA",
            "MEX",
            EventType::Assault,
            &[],
        )
        .hypothetical();
        check(&[a.0, b.0], &[]);
    }

    #[test]
    fn same_statement_twice_in_one_document_is_one_utterance() {
        let a = said(
            "a",
            "doc1",
            "2025-11-17",
            "USA",
            "MEX",
            SpeechAct::Threat,
            EventType::Assault,
            &[Issue::Security],
        );
        let b = said(
            "b",
            "doc1",
            "2025-11-17",
            "USA",
            "MEX",
            SpeechAct::Threat,
            EventType::Assault,
            &[Issue::Security],
        );
        let c = said(
            "c",
            "doc2",
            "2025-11-17",
            "USA",
            "MEX",
            SpeechAct::Threat,
            EventType::Assault,
            &[Issue::Security],
        );
        let refs = vec![&a.0, &b.0, &c.0];
        let utterances = merge_utterances(&refs);
        let ids: Vec<Vec<&str>> = utterances.iter().map(|u| u.ids().collect()).collect();
        assert_eq!(ids, vec![vec!["a", "b"], vec!["c"]]);
    }
}
