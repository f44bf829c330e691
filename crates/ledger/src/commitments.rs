//! Commitments: threats, promises and demands clustered across documents and followed to
//! their status.
//!
//! # Clustering
//! Said events with speech act `threat`, `promise` or `demand` (not negated) are first merged
//! into utterances ([`crate::deeds::merge_utterances`]). An utterance joins an earlier item
//! when it has the same speech act, speaker side, recipient side and content type, and its
//! *aims* overlap the item's. The aims of an utterance are its issues with the leverage's lever
//! replaced by its goal ("tariffs to get water" aims at water), less the issue the content type
//! itself stands for (tariffs are `trade`, strikes and troops `security`). An utterance with no
//! aim left ("Trump threatened tariffs") joins the latest item of the same key. An item that
//! was carried out is closed: a threat said again after that is a new item.
//!
//! # Status, walked in date order
//! Signals are sorted by day; on one day utterances come first, then rejections, withdrawals
//! and unmet promises, then concessions (a pause granted because the other side gave way reads
//! as `conceded`), then partial and full carry-outs, and the deadline last (an act on the
//! deadline day is in time).
//! - `carried_out` (threats, promises): a deed (see [`crate::deeds`]) by the actor's side of the
//!   content type against the recipient's side (for promises an unknown recipient also counts;
//!   a threat that named no target is carried out by such an act against anyone that shares one
//!   of its issues),
//!   on or after the first utterance, whose issues fit the item's aims (overlap them, or are a
//!   subset of the item's issues, or are empty). A deed dated the same day as an utterance and
//!   reported only by that utterance's documents is the announcement itself, not its carrying
//!   out. Once carried out, an item stays carried out.
//! - `partly_carried_out`: such a deed placed at sea ("boat", "vessel", "eastern Pacific")
//!   when the item's words do not speak of the sea: strikes on boats are a smaller act than
//!   the strikes on land that were threatened. A later full carry-out replaces it.
//! - `conceded` (threats, demands): the recipient's side agrees, concedes, cooperates, gives
//!   aid or retreats (said or done), towards the actor's side or no one named, on one of the
//!   item's aims; for a demand naming an act, the concession must name that act or touch the
//!   demand's own aims; a deed by the recipient of the demanded type also concedes it. A concession
//!   followed by the threat being carried out anyway did not give what the threat aimed at, so
//!   it is dropped from the history of carried-out items; a concession after a partial
//!   carry-out leaves the item `partly_carried_out`.
//! - `withdrawn` (threats, promises): the actor's side retreats or concedes (paused, lifted,
//!   dropped) on the item's issues or content type, or says the same act negated ("will not
//!   impose tariffs"). For promises only a retreat counts (conceding may be the promise kept),
//!   and not when the promise was to retreat.
//! - `rejected` (demands): the recipient's side rejects or refuses on the item's issues.
//! - `lapsed` (threats, promises): the deadline passed, while still `open`, before the latest
//!   day in the data. A promise is kept only by its deadline: acts after a lapse do not carry
//!   it out (a threat carried out late was still carried out).
//! - `lapsed` (promises), also: the recipient later demands the very act promised (same
//!   content type, or both acts of giving), on the promise's aims: the promise was not kept.
//! - Nothing in the same sentence as one of the item's utterances and by the item's own side
//!   decides its status (it is part of the statement); the other side's act can.
//! - `open` again: the item is said again after it was withdrawn, conceded, rejected or
//!   lapsed: it is live again.

use crate::deadline;
use crate::deeds::{self, DeedGroup, Utterance};
use crate::keys;
use crate::{Commitment, CommitmentStatus, StatusChange};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};
use trecho_model::{Event, EventType, Issue, Kind, Leverage, PartialDate, SpeechAct};

/// An event with its two sides, its day and its issues worked out once.
struct Sided<'a> {
    event: &'a Event,
    actor: String,
    recipient: String,
    day: NaiveDate,
    /// The event's issues as [`keys::issue_bits`].
    issues: u32,
    /// The event's content type, type, speech act, kind and negation, copied here so that
    /// the first tests of an event ([`Relevant`], the type tests of [`event_signal`]) read
    /// only this list and not the events, which lie all over memory.
    content_type: Option<EventType>,
    event_type: EventType,
    speech_act: Option<SpeechAct>,
    kind: Kind,
    negated: bool,
}

/// Events and deeds indexed by side, type and document, so that each item only looks at what
/// can touch it (its two sides, the types that can carry it out, its documents, from its first
/// day on): the ledger stays near-linear on large stores.
struct Lookup<'a, 'd> {
    /// Dated, not hypothetical events of the kinds that can decide some item's status (see
    /// [`may_decide`]), by (actor side, recipient side), each in event order.
    deciding_by_dyad: HashMap<(String, String), Vec<Sided<'a>>>,
    events_by_doc: HashMap<&'a str, Vec<&'a Event>>,
    /// Deeds by actor side and event type, each in date order (undated last).
    deeds_by_side_type: HashMap<&'d str, HashMap<EventType, Vec<&'d DeedGroup<'a>>>>,
}

impl<'a, 'd> Lookup<'a, 'd> {
    fn new(events: &[&'a Event], deeds: &'d [DeedGroup<'a>]) -> Lookup<'a, 'd> {
        let mut deciding_by_dyad: HashMap<(String, String), Vec<Sided<'a>>> = HashMap::new();
        let mut events_by_doc: HashMap<&'a str, Vec<&'a Event>> = HashMap::new();
        for &event in events {
            events_by_doc
                .entry(event.doc_id.as_str())
                .or_default()
                .push(event);
            if event.hypothetical
                || !(deciding_kind(event.event_type, event.speech_act) || event.negated)
            {
                continue;
            }
            let Some(day) = keys::event_day(event) else {
                continue;
            };
            let actor = keys::side(event.actor.as_ref());
            let recipient = keys::side(event.recipient.as_ref());
            deciding_by_dyad
                .entry((actor.clone(), recipient.clone()))
                .or_default()
                .push(Sided {
                    event,
                    actor,
                    recipient,
                    day,
                    issues: keys::issue_bits(&event.issues),
                    content_type: event.content_type,
                    event_type: event.event_type,
                    speech_act: event.speech_act,
                    kind: event.kind,
                    negated: event.negated,
                });
        }
        let mut deeds_by_side_type: HashMap<&'d str, HashMap<EventType, Vec<&'d DeedGroup<'a>>>> =
            HashMap::new();
        for group in deeds {
            deeds_by_side_type
                .entry(group.actor_side.as_str())
                .or_default()
                .entry(group.deed.event_type)
                .or_default()
                .push(group);
        }
        Lookup {
            deciding_by_dyad,
            events_by_doc,
            deeds_by_side_type,
        }
    }

    /// Deciding events by `actor` aimed at `recipient`, on or after `from`.
    fn deciding_between(&self, actor: &str, recipient: &str, from: NaiveDate) -> &[Sided<'a>] {
        let Some(events) = self
            .deciding_by_dyad
            .get(&(actor.to_string(), recipient.to_string()))
        else {
            return &[];
        };
        // Events are in date order, so the ones before `from` are a prefix.
        let start = events.partition_point(|sided| sided.day < from);
        events.get(start..).unwrap_or(&[])
    }

    /// Events of one document, in event order.
    fn events_in(&self, doc_id: &str) -> &[&'a Event] {
        self.events_by_doc.get(doc_id).map_or(&[], Vec::as_slice)
    }

    /// Deeds of one type done by `side`, in date order (undated last).
    fn deeds_of(&self, side: &str, event_type: EventType) -> &[&'d DeedGroup<'a>] {
        self.deeds_by_side_type
            .get(side)
            .and_then(|by_type| by_type.get(&event_type))
            .map_or(&[], Vec::as_slice)
    }

    /// Where the deeds of one type done by `side` on or after `from` begin in [`Self::deeds_of`].
    fn first_deed_from(&self, side: &str, event_type: EventType, from: NaiveDate) -> usize {
        self.deeds_of(side, event_type)
            .partition_point(|group| group.day.is_some_and(|day| day < from))
    }
}

/// Builds the commitments. `events` must be in [`keys::event_order`]; `deeds` come from
/// [`deeds::group_deeds`] over the same events; `latest_day` is "now" for deadlines.
pub fn build<'a>(
    events: &[&'a Event],
    deeds: &[DeedGroup<'a>],
    latest_day: Option<NaiveDate>,
) -> Vec<Commitment> {
    let lookup = Lookup::new(events, deeds);
    let candidates: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|event| is_commitment_utterance(event))
        .collect();
    let utterances = deeds::merge_utterances(&candidates);
    let clusters = cluster(utterances, &lookup);
    let mut commitments: Vec<Commitment> = clusters
        .iter()
        .map(|cluster| follow(cluster, &lookup, latest_day))
        .collect();
    commitments.sort_by(|a, b| {
        (a.first_said.and_then(|d| d.first_day()), &a.id)
            .cmp(&(b.first_said.and_then(|d| d.first_day()), &b.id))
    });
    commitments
}

/// Whether a said event states a threat, promise or demand by a known side to another side.
fn is_commitment_utterance(event: &Event) -> bool {
    if event.kind != Kind::Said
        || event.negated
        || !matches!(
            event.speech_act,
            Some(SpeechAct::Threat | SpeechAct::Promise | SpeechAct::Demand)
        )
    {
        return false;
    }
    let actor_side = keys::side(event.actor.as_ref());
    // A side cannot threaten, promise or demand something of itself across a border.
    keys::known(&actor_side) && actor_side != keys::side(event.recipient.as_ref())
}

/// The issue a content type stands for by itself: tariffs are trade, strikes and troops are
/// security. It says how the threat is carried out, not what it is for.
fn content_issue(content_type: Option<EventType>) -> Option<Issue> {
    match content_type? {
        EventType::Sanction => Some(Issue::Trade),
        EventType::Assault | EventType::Mobilize => Some(Issue::Security),
        _ => None,
    }
}

/// A threat, promise or demand being assembled.
struct Cluster<'a> {
    speech_act: SpeechAct,
    actor_side: String,
    recipient_side: String,
    content_type: Option<EventType>,
    utterances: Vec<Utterance<'a>>,
    /// Union of the utterances' aims (without the content type's own issue).
    aims: BTreeSet<Issue>,
    /// Union of the utterances' issues.
    issues: BTreeSet<Issue>,
    /// Aims of the first utterance, for the id.
    first_aims: BTreeSet<Issue>,
    /// (document, span, sentence) of every utterance, for the same-sentence rule.
    sentences: HashSet<(&'a str, [usize; 2], &'a str)>,
    /// Whether any utterance places the act at sea.
    words_at_sea: bool,
    /// Day of the first utterance.
    first_day: Option<NaiveDate>,
    /// Latest day of an utterance.
    last_day: Option<NaiveDate>,
    /// (document, day) of every utterance dated to the day, for the announcement rule of
    /// [`carry_out`].
    announced: HashSet<(&'a str, NaiveDate)>,
    /// Counts the changes that can let a deed carry the item out where it did not before
    /// (wider aims or issues, words at sea); other changes (more sentences, more utterances)
    /// only ever stop deeds from carrying it out.
    widened: u32,
    /// For [`carried_out_before`]: the `widened` count it last ran at, and for each type in
    /// [`carry_types`] how far into [`Lookup::deeds_of`] the deeds are known not to carry the
    /// item out.
    carry_checked: Option<(u32, Vec<usize>)>,
}

impl<'a> Cluster<'a> {
    fn first_day(&self) -> Option<NaiveDate> {
        self.first_day
    }

    fn last_day(&self) -> Option<NaiveDate> {
        self.last_day
    }

    fn events(&self) -> impl Iterator<Item = &Event> + '_ {
        self.utterances
            .iter()
            .flat_map(|u| u.events.iter().copied())
    }

    /// Whether `event` is in the same sentence as one of the item's utterances and by the
    /// item's own side: part of the same statement ("we agreed to pause the tariffs for a
    /// month, during which we will negotiate"), so it cannot decide the item's status. The
    /// other side's act in the same sentence can ("he held off only after she agreed").
    fn own_sentence(&self, event: &Event, actor_side: &str) -> bool {
        actor_side == self.actor_side
            && self.sentences.contains(&(
                event.doc_id.as_str(),
                event.span,
                event.sentence.as_str(),
            ))
    }

    fn add(&mut self, utterance: Utterance<'a>) {
        let day = utterance.day();
        if self.utterances.is_empty() {
            self.first_day = day;
        }
        self.last_day = self.last_day.max(day);
        let day_precise = utterance.date().is_some_and(|date| date.day.is_some());
        for event in &utterance.events {
            self.words_at_sea |= keys::at_sea(&event.sentence);
            self.sentences
                .insert((event.doc_id.as_str(), event.span, event.sentence.as_str()));
            if let (true, Some(day)) = (day_precise, day) {
                self.announced.insert((event.doc_id.as_str(), day));
            }
        }
        self.utterances.push(utterance);
    }

    /// The aims to match deeds and concessions against: the specific aims, else all issues.
    fn target_issues(&self) -> BTreeSet<Issue> {
        if self.aims.is_empty() {
            self.issues.clone()
        } else {
            self.aims.clone()
        }
    }
}

fn utterance_aims(utterance: &Utterance<'_>, content_type: Option<EventType>) -> BTreeSet<Issue> {
    let own = content_issue(content_type);
    utterance
        .events
        .iter()
        .flat_map(|event| keys::aim_issues(event))
        .filter(|issue| Some(*issue) != own)
        .collect()
}

/// Groups utterances into items (see the module docs).
fn cluster<'a>(utterances: Vec<Utterance<'a>>, lookup: &Lookup<'a, '_>) -> Vec<Cluster<'a>> {
    type Key = (SpeechAct, String, String, Option<EventType>);
    let mut clusters: Vec<Cluster<'a>> = Vec::new();
    // Every item of a key, and those not yet found carried out. An item found carried out
    // before an utterance's day stays so for every later day (nothing can join it any more),
    // so dated utterances, which come in date order, only need the second list.
    let mut by_key: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut open_by_key: HashMap<Key, Vec<usize>> = HashMap::new();
    for utterance in utterances {
        let Some(first) = utterance.first() else {
            continue;
        };
        let Some(speech_act) = first.speech_act else {
            continue;
        };
        let actor_side = keys::side(first.actor.as_ref());
        let recipient_side = keys::side(first.recipient.as_ref());
        let content_type = first.content_type;
        let aims = utterance_aims(&utterance, content_type);
        let day = utterance.day();
        let mut best: Option<(usize, bool, Option<NaiveDate>)> = None;
        let key: Key = (
            speech_act,
            actor_side.clone(),
            recipient_side.clone(),
            content_type,
        );
        // Undated utterances (they come last) may still join an item carried out earlier.
        let candidates = if day.is_some() {
            open_by_key.get(&key)
        } else {
            by_key.get(&key)
        };
        let mut closed: Vec<usize> = Vec::new();
        for &index in candidates.map_or(&[][..], Vec::as_slice) {
            let Some(cluster) = clusters.get_mut(index) else {
                continue;
            };
            let overlaps = !aims.is_disjoint(&cluster.aims);
            if !(overlaps || aims.is_empty() || cluster.aims.is_empty()) {
                continue;
            }
            if carried_out_before(cluster, lookup, day) {
                closed.push(index);
                continue;
            }
            // Prefer a real overlap of aims, then the item said most recently.
            let rank = (index, overlaps, cluster.last_day());
            let better = match best {
                None => true,
                Some((_, best_overlaps, best_day)) => {
                    (overlaps, cluster.last_day()) > (best_overlaps, best_day)
                }
            };
            if better {
                best = Some(rank);
            }
        }
        if !closed.is_empty() {
            if let Some(open) = open_by_key.get_mut(&key) {
                open.retain(|index| !closed.contains(index));
            }
        }
        let issues: BTreeSet<Issue> = utterance
            .events
            .iter()
            .flat_map(|e| e.issues.iter().copied())
            .collect();
        match best.and_then(|(index, _, _)| clusters.get_mut(index)) {
            Some(cluster) => {
                let before = (
                    cluster.aims.len(),
                    cluster.issues.len(),
                    cluster.words_at_sea,
                );
                cluster.aims.extend(aims);
                cluster.issues.extend(issues);
                cluster.add(utterance);
                if (
                    cluster.aims.len(),
                    cluster.issues.len(),
                    cluster.words_at_sea,
                ) != before
                {
                    cluster.widened += 1;
                }
            }
            None => {
                let mut cluster = Cluster {
                    speech_act,
                    actor_side,
                    recipient_side,
                    content_type,
                    first_aims: aims.clone(),
                    aims,
                    issues,
                    utterances: Vec::new(),
                    sentences: HashSet::new(),
                    words_at_sea: false,
                    first_day: None,
                    last_day: None,
                    announced: HashSet::new(),
                    widened: 0,
                    carry_checked: None,
                };
                cluster.add(utterance);
                by_key.entry(key.clone()).or_default().push(clusters.len());
                open_by_key.entry(key).or_default().push(clusters.len());
                clusters.push(cluster);
            }
        }
    }
    clusters
}

/// The deed types that can carry an item out: its content type; for a promise to agree,
/// concede or cooperate, any of those acts. None for demands.
fn carry_types(speech_act: SpeechAct, content_type: Option<EventType>) -> Vec<EventType> {
    match (speech_act, content_type) {
        (SpeechAct::Promise, Some(content_type)) if giving(content_type) => {
            vec![EventType::Agree, EventType::Concede, EventType::Cooperate]
        }
        (SpeechAct::Threat | SpeechAct::Promise, Some(content_type)) => vec![content_type],
        _ => Vec::new(),
    }
}

/// Whether a deed carried the item out strictly before `day`. Remembers how far the deeds
/// were found not to carry it out, and starts again from its first day only when the item
/// has widened since (see [`Cluster::widened`]).
fn carried_out_before(
    cluster: &mut Cluster<'_>,
    lookup: &Lookup<'_, '_>,
    day: Option<NaiveDate>,
) -> bool {
    let (Some(day), Some(first_day)) = (day, cluster.first_day()) else {
        // Undated, or an item without a first day, which no deed can carry out.
        return false;
    };
    let types = carry_types(cluster.speech_act, cluster.content_type);
    let mut cursors = match cluster.carry_checked.take() {
        Some((widened, cursors)) if widened == cluster.widened => cursors,
        _ => types
            .iter()
            .map(|&event_type| lookup.first_deed_from(&cluster.actor_side, event_type, first_day))
            .collect(),
    };
    let mut found = false;
    for (&event_type, cursor) in types.iter().zip(cursors.iter_mut()) {
        let deeds = lookup.deeds_of(&cluster.actor_side, event_type);
        // Deeds are in date order: stop at the first one on or after `day`.
        while let Some(group) = deeds.get(*cursor) {
            if group.day.is_none_or(|deed_day| deed_day >= day) {
                break;
            }
            if carry_out(cluster, group) == Some(CommitmentStatus::CarriedOut) {
                found = true;
                break;
            }
            *cursor += 1;
        }
        if found {
            break;
        }
    }
    cluster.carry_checked = Some((cluster.widened, cursors));
    found
}

/// Whether a deed carries the item out, fully or partly.
fn carry_out(cluster: &Cluster<'_>, group: &DeedGroup<'_>) -> Option<CommitmentStatus> {
    if !matches!(cluster.speech_act, SpeechAct::Threat | SpeechAct::Promise) {
        return None;
    }
    let content_type = cluster.content_type?;
    let is_promise = cluster.speech_act == SpeechAct::Promise;
    let type_fits = group.deed.event_type == content_type
        || (is_promise && giving(content_type) && giving(group.deed.event_type));
    if !type_fits || group.actor_side != cluster.actor_side {
        return None;
    }
    let (first_day, deed_day) = (cluster.first_day()?, group.day?);
    if deed_day < first_day
        || group
            .events
            .iter()
            .all(|event| cluster.own_sentence(event, &group.actor_side))
    {
        return None;
    }
    let deed_at_sea = group.at_sea;
    let words_at_sea = cluster.words_at_sea;
    let stateless_recipient = group
        .deed
        .recipient
        .as_ref()
        .is_none_or(|recipient| recipient.country.is_none());
    // A threat that named no target ("the proposed tariffs … will go into effect") is carried
    // out by the act against whoever it hits, if the act shares one of the threat's issues: the
    // issue, not the target, is what ties the two.
    let unnamed_target = !is_promise
        && !keys::known(&cluster.recipient_side)
        && group
            .deed
            .issues
            .iter()
            .any(|issue| cluster.issues.contains(issue));
    let recipient_fits = group.recipient_side == cluster.recipient_side
        || (is_promise && !keys::known(&group.recipient_side))
        || unnamed_target
        // Boats at sea rarely have a country in the text; the act is still a smaller version
        // of strikes threatened against the cartels of the recipient's side.
        || (deed_at_sea && !words_at_sea && stateless_recipient);
    if !recipient_fits || !keys::known(&cluster.actor_side) {
        return None;
    }
    // The announcement of the measure in the threat's own document is not its carrying out.
    // Only with day-precision dates: "in September" in one article may cover both a threat and
    // an act that followed it.
    let announcement = group.events.iter().all(|deed_event| {
        deed_event.date.is_none_or(|d| d.day.is_some())
            && cluster
                .announced
                .contains(&(deed_event.doc_id.as_str(), deed_day))
    });
    if announcement {
        return None;
    }
    let deed_issues: BTreeSet<Issue> = group.deed.issues.iter().copied().collect();
    let fits = deed_issues.is_empty()
        || !deed_issues.is_disjoint(&cluster.target_issues())
        || deed_issues.is_subset(&cluster.issues);
    if !fits {
        return None;
    }
    if deed_at_sea && !words_at_sea {
        Some(CommitmentStatus::PartlyCarriedOut)
    } else {
        Some(CommitmentStatus::CarriedOut)
    }
}

/// Acts of giving: a promise to agree, concede or cooperate is kept by any of them.
fn giving(event_type: EventType) -> bool {
    matches!(
        event_type,
        EventType::Agree | EventType::Concede | EventType::Cooperate
    )
}

/// What can change an item's status, at one point in time.
#[derive(Debug, Clone)]
struct Signal {
    day: NaiveDate,
    /// Order within a day: utterances first, the deadline last.
    rank: u8,
    date: Option<PartialDate>,
    effect: Effect,
    evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    Restated,
    Conceded,
    Rejected,
    Withdrawn,
    Partly,
    Carried,
    Deadline,
    /// The recipient demands the very act promised: the promise is held unmet.
    Unmet,
}

fn follow(
    cluster: &Cluster<'_>,
    lookup: &Lookup<'_, '_>,
    latest_day: Option<NaiveDate>,
) -> Commitment {
    let all_events: Vec<&Event> = cluster.events().collect();
    let evidence: Vec<String> = all_events.iter().map(|e| e.id.clone()).collect();
    let first_said = cluster.utterances.first().and_then(|u| u.date());
    let last_said = cluster
        .utterances
        .iter()
        .max_by_key(|u| u.day())
        .and_then(|u| u.date());
    let mentions = u32::try_from(cluster.utterances.len()).unwrap_or(u32::MAX);
    let reported_count = all_events.iter().filter_map(|e| e.reported_count).max();
    let times_said = mentions.max(reported_count.unwrap_or(0));
    let actor = keys::representative(all_events.iter().map(|e| e.actor.as_ref()));
    let recipient = keys::representative(all_events.iter().map(|e| e.recipient.as_ref()));
    let issues: Vec<Issue> = cluster.issues.iter().copied().collect();
    let leverage = most_common_leverage(&all_events);

    // The latest utterance that names a deadline sets it.
    let mut found_deadline: Option<(deadline::Deadline, Vec<String>)> = None;
    for utterance in &cluster.utterances {
        if let Some(found) = utterance_deadline(utterance, lookup) {
            found_deadline = Some((found, utterance.ids().map(String::from).collect()));
        }
    }

    let deadline_signal = found_deadline.as_ref().and_then(|(found, ids)| {
        let day = found.date.and_then(|d| d.first_day())?;
        latest_day
            .is_some_and(|latest| latest > day)
            .then(|| Signal {
                day,
                rank: 9,
                date: found.date,
                effect: Effect::Deadline,
                evidence: ids.clone(),
            })
    });

    let first_ids: Vec<String> = cluster
        .utterances
        .first()
        .map(|u| u.ids().map(String::from).collect())
        .unwrap_or_default();
    let mut walk = Walk::new(
        cluster.speech_act,
        StatusChange {
            date: first_said,
            status: CommitmentStatus::Open,
            evidence: first_ids,
        },
    );
    follow_signals(cluster, lookup, deadline_signal, &mut walk);
    let mut history = walk.history;
    if let Some(last) = history.last() {
        if matches!(
            last.status,
            CommitmentStatus::CarriedOut | CommitmentStatus::PartlyCarriedOut
        ) {
            history.retain(|change| change.status != CommitmentStatus::Conceded);
            history.dedup_by(|later, earlier| later.status == earlier.status);
        }
    }
    let (status, status_date, status_evidence) = match history.last() {
        Some(last) if history.len() > 1 => (last.status, last.date, last.evidence.clone()),
        _ => (CommitmentStatus::Open, None, Vec::new()),
    };

    let summary = summary(cluster, actor.as_ref(), recipient.as_ref(), &issues);
    let id_key = format!(
        "{}|{}|{}|{}|{}|{}|{}",
        all_events.first().map(|e| e.id.as_str()).unwrap_or(""),
        cluster.speech_act,
        cluster.actor_side,
        cluster.recipient_side,
        cluster.content_type.map(|t| t.as_str()).unwrap_or("-"),
        cluster
            .first_day()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        cluster
            .first_aims
            .iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    let (deadline_date, deadline_text) = match found_deadline {
        Some((found, _)) => (found.date, Some(found.text)),
        None => (None, None),
    };
    Commitment {
        id: keys::stable_id("c", &id_key),
        speech_act: cluster.speech_act,
        actor,
        recipient,
        content_type: cluster.content_type,
        issues,
        leverage,
        summary,
        first_said,
        last_said,
        mentions,
        reported_count,
        times_said,
        deadline: deadline_date,
        deadline_text,
        status,
        status_date,
        evidence,
        status_evidence,
        history,
    }
}

/// The deadline an utterance sets. Its own words come first; when they give no date ("pay
/// IMMEDIATELY"), a date said by the same side to the same side on the same day in the same
/// document fills it in ("release the water before December 31st… or a 5% tariff,
/// IMMEDIATELY"), keeping the utterance's own words as the text.
fn utterance_deadline(
    utterance: &Utterance<'_>,
    lookup: &Lookup<'_, '_>,
) -> Option<deadline::Deadline> {
    let mut own: Option<deadline::Deadline> = None;
    for event in &utterance.events {
        if let Some(found) = deadline::parse(&event.sentence, keys::event_day(event)) {
            if found.date.is_some() {
                return Some(found);
            }
            own.get_or_insert(found);
        }
    }
    let first = utterance.first()?;
    let (actor_side, recipient_side) = (
        keys::side(first.actor.as_ref()),
        keys::side(first.recipient.as_ref()),
    );
    let day = keys::event_day(first);
    // A threat and the demand it backs share a deadline; a promise made the same day (talks "to
    // finalize a plan by the end of January") sets its own, not the threat's.
    let coercive =
        |act: Option<SpeechAct>| matches!(act, Some(SpeechAct::Threat | SpeechAct::Demand));
    let companion = lookup
        .events_in(&first.doc_id)
        .iter()
        .filter(|event| {
            event.kind == Kind::Said
                && (event.speech_act == first.speech_act
                    || (coercive(event.speech_act) && coercive(first.speech_act)))
                && !utterance.events.iter().any(|u| u.id == event.id)
                && keys::event_day(event) == day
                && keys::side(event.actor.as_ref()) == actor_side
                && keys::side(event.recipient.as_ref()) == recipient_side
        })
        .filter_map(|event| deadline::parse(&event.sentence, keys::event_day(event)))
        .find(|found| found.date.is_some());
    match (own, companion) {
        (Some(own), Some(companion)) => Some(deadline::Deadline {
            date: companion.date,
            text: own.text,
        }),
        (own, companion) => own.or(companion),
    }
}

/// The status history of an item as signals are applied in order.
struct Walk {
    speech_act: SpeechAct,
    history: Vec<StatusChange<CommitmentStatus>>,
    /// The evidence of the last change, to add more without repeats in constant time.
    last_evidence: HashSet<String>,
}

impl Walk {
    fn new(speech_act: SpeechAct, first: StatusChange<CommitmentStatus>) -> Walk {
        Walk {
            speech_act,
            last_evidence: first.evidence.iter().cloned().collect(),
            history: vec![first],
        }
    }

    /// Whether no later signal can change the history any more: the item is carried out (for
    /// good) and no later day can add evidence to that change.
    fn settled(&self, day: NaiveDate) -> bool {
        self.history.last().is_some_and(|last| {
            last.status == CommitmentStatus::CarriedOut
                && last
                    .date
                    .and_then(|date| date.first_day())
                    .is_none_or(|change_day| change_day <= day)
        })
    }

    /// Applies the signals in order, recording every change of status.
    fn apply(&mut self, signals: &[Signal]) {
        use CommitmentStatus as S;
        let speech_act = self.speech_act;
        let is_demand = speech_act == SpeechAct::Demand;
        for signal in signals {
            let status = self.history.last().map(|c| c.status).unwrap_or(S::Open);
            let next = match (signal.effect, status) {
                (_, S::CarriedOut) => S::CarriedOut,
                (Effect::Restated, S::Withdrawn | S::Conceded | S::Lapsed | S::Rejected) => S::Open,
                (Effect::Restated, current) => current,
                // "Conceded" means the recipient gave way before the act: once the actor has
                // begun to act, a later concession does not undo that.
                (Effect::Conceded, S::PartlyCarriedOut) => S::PartlyCarriedOut,
                (Effect::Conceded, _) => S::Conceded,
                (Effect::Rejected, _) if is_demand => S::Rejected,
                (Effect::Withdrawn, _) if !is_demand => S::Withdrawn,
                // A promise with a deadline is kept only by its deadline; a threat carried out
                // late was still carried out.
                (Effect::Partly | Effect::Carried, S::Lapsed)
                    if speech_act == SpeechAct::Promise =>
                {
                    S::Lapsed
                }
                (Effect::Partly, _) if !is_demand => S::PartlyCarriedOut,
                (Effect::Carried, _) if !is_demand => S::CarriedOut,
                (Effect::Deadline | Effect::Unmet, S::Open) if !is_demand => S::Lapsed,
                (_, current) => current,
            };
            match self.history.last_mut() {
                Some(last) if last.status == next => {
                    // The same status again on the same day: more evidence for it.
                    let same_day = last.date.and_then(|d| d.first_day()) == Some(signal.day);
                    if same_day && effect_status(signal.effect) == next {
                        for id in &signal.evidence {
                            if self.last_evidence.insert(id.clone()) {
                                last.evidence.push(id.clone());
                            }
                        }
                    }
                }
                _ => {
                    self.last_evidence = signal.evidence.iter().cloned().collect();
                    self.history.push(StatusChange {
                        date: signal.date,
                        status: next,
                        evidence: signal.evidence.clone(),
                    });
                }
            }
        }
    }
}

/// The status a signal stands for.
fn effect_status(effect: Effect) -> CommitmentStatus {
    match effect {
        Effect::Restated => CommitmentStatus::Open,
        Effect::Conceded => CommitmentStatus::Conceded,
        Effect::Rejected => CommitmentStatus::Rejected,
        Effect::Withdrawn => CommitmentStatus::Withdrawn,
        Effect::Partly => CommitmentStatus::PartlyCarriedOut,
        Effect::Carried => CommitmentStatus::CarriedOut,
        Effect::Deadline | Effect::Unmet => CommitmentStatus::Lapsed,
    }
}

/// Collects the signals for the item from its utterances, the deeds and the events (see the
/// module docs) and applies them to `walk` in order: by day; within a day by rank, then
/// evidence. Each source is read in date order from the item's first day, one day at a time,
/// and reading stops once the item is settled (carried out), so an item looks only at what
/// happened while it was live.
fn follow_signals(
    cluster: &Cluster<'_>,
    lookup: &Lookup<'_, '_>,
    deadline: Option<Signal>,
    walk: &mut Walk,
) {
    let Some(first_day) = cluster.first_day() else {
        walk.apply(deadline.as_slice());
        return;
    };
    let mut restated: Vec<Signal> = Vec::new();
    for utterance in cluster.utterances.iter().skip(1) {
        // A conditional restatement ("if Mexico continues to violate…, we will") is a mention
        // but says nothing new about the present, so it does not reopen the item.
        if utterance.events.iter().all(|e| e.hypothetical) {
            continue;
        }
        if let Some(day) = utterance.day() {
            restated.push(Signal {
                day,
                rank: 0,
                date: utterance.date(),
                effect: Effect::Restated,
                evidence: utterance.ids().map(String::from).collect(),
            });
        }
    }
    restated.sort_by_key(|signal| signal.day);
    let mut restated = restated.into_iter().peekable();
    let mut deadline = deadline;

    // Only the two sides' own deeds can change the item: the actor's deeds of a type that can
    // carry it out, and for a demand the recipient's deeds of the demanded type.
    let mut deed_sources: Vec<&[&DeedGroup<'_>]> = Vec::new();
    for event_type in carry_types(cluster.speech_act, cluster.content_type) {
        let start = lookup.first_deed_from(&cluster.actor_side, event_type, first_day);
        let deeds = lookup.deeds_of(&cluster.actor_side, event_type);
        deed_sources.push(deeds.get(start..).unwrap_or(&[]));
    }
    if let (SpeechAct::Demand, Some(content_type)) = (cluster.speech_act, cluster.content_type) {
        let start = lookup.first_deed_from(&cluster.recipient_side, content_type, first_day);
        let deeds = lookup.deeds_of(&cluster.recipient_side, content_type);
        deed_sources.push(deeds.get(start..).unwrap_or(&[]));
    }

    // The actor's words and acts towards the recipient or no one named, and the recipient's
    // towards the actor or no one named: nothing else can change the item.
    let (actor, recipient) = (cluster.actor_side.as_str(), cluster.recipient_side.as_str());
    let mut dyads = vec![
        (actor, recipient),
        (actor, "?"),
        (recipient, actor),
        (recipient, "?"),
    ];
    // Only the recipient can concede or reject a demand.
    if cluster.speech_act == SpeechAct::Demand {
        dyads.retain(|(from, _)| *from == recipient);
    }
    dyads.sort_unstable();
    dyads.dedup();
    let mut event_sources: Vec<&[Sided<'_>]> = dyads
        .into_iter()
        .map(|(from, to)| lookup.deciding_between(from, to, first_day))
        .collect();

    let in_cluster: HashSet<&str> = cluster.events().map(|e| e.id.as_str()).collect();
    let relevant = Relevant::of(cluster);
    let mut today: Vec<Signal> = Vec::new();
    loop {
        let day = restated
            .peek()
            .map(|signal| signal.day)
            .into_iter()
            .chain(deed_sources.iter().filter_map(|deeds| deeds.first()?.day))
            .chain(
                event_sources
                    .iter()
                    .filter_map(|events| events.first().map(|sided| sided.day)),
            )
            .chain(deadline.as_ref().map(|signal| signal.day))
            .min();
        let Some(day) = day else {
            break;
        };
        // The day's signals in the order the sources are listed; the stable sort below then
        // orders them by rank and evidence.
        while let Some(signal) = restated.next_if(|signal| signal.day == day) {
            today.push(signal);
        }
        for deeds in &mut deed_sources {
            while let Some((group, rest)) = deeds.split_first() {
                if group.day != Some(day) {
                    break;
                }
                today.extend(deed_signal(cluster, group, first_day));
                *deeds = rest;
            }
        }
        for events in &mut event_sources {
            while let Some((sided, rest)) = events.split_first() {
                if sided.day != day {
                    break;
                }
                if relevant.may_touch(sided) {
                    today.extend(event_signal(
                        cluster,
                        sided,
                        first_day,
                        &in_cluster,
                        &relevant,
                    ));
                }
                *events = rest;
            }
        }
        if let Some(signal) = deadline.take_if(|signal| signal.day == day) {
            today.push(signal);
        }
        today.sort_by(|a, b| (a.rank, &a.evidence).cmp(&(b.rank, &b.evidence)));
        walk.apply(&today);
        today.clear();
        if walk.settled(day) {
            break;
        }
    }
}

/// The item's issues as [`keys::issue_bits`], for the issue tests of [`event_signal`], and a
/// quick first test: every rule it applies needs an issue of the item (its aims, its target
/// issues or its issues) or its content type in the event.
struct Relevant {
    /// [`Cluster::aims`].
    aims: u32,
    /// [`Cluster::target_issues`].
    target: u32,
    /// [`Cluster::issues`].
    issues: u32,
    content_type: Option<EventType>,
}

impl Relevant {
    fn of(cluster: &Cluster<'_>) -> Relevant {
        Relevant {
            aims: keys::issue_bits(&cluster.aims),
            target: keys::issue_bits(&cluster.target_issues()),
            issues: keys::issue_bits(&cluster.issues),
            content_type: cluster.content_type,
        }
    }

    fn may_touch(&self, sided: &Sided<'_>) -> bool {
        sided.issues & (self.aims | self.target | self.issues) != 0
            || (self.content_type.is_some() && sided.content_type == self.content_type)
    }
}

/// What a deed of the item's actor or recipient says about the item, if anything.
fn deed_signal(
    cluster: &Cluster<'_>,
    group: &DeedGroup<'_>,
    first_day: NaiveDate,
) -> Option<Signal> {
    let day = group.day?;
    let (effect, rank) = match carry_out(cluster, group) {
        Some(CommitmentStatus::CarriedOut) => (Effect::Carried, 4),
        Some(CommitmentStatus::PartlyCarriedOut) => (Effect::Partly, 3),
        _ if cluster.speech_act == SpeechAct::Demand
            && Some(group.deed.event_type) == cluster.content_type
            && group.actor_side == cluster.recipient_side
            && (group.recipient_side == cluster.actor_side
                || !keys::known(&group.recipient_side))
            && day >= first_day =>
        {
            (Effect::Conceded, 2)
        }
        _ => return None,
    };
    Some(Signal {
        day,
        rank,
        date: group.deed.date,
        effect,
        evidence: group.deed.mentions.clone(),
    })
}

/// What an event by one of the item's sides says about the item, if anything.
fn event_signal(
    cluster: &Cluster<'_>,
    sided: &Sided<'_>,
    first_day: NaiveDate,
    in_cluster: &HashSet<&str>,
    bits: &Relevant,
) -> Option<Signal> {
    // Only events that are not hypothetical are in the lookup.
    if !may_decide(cluster, sided) {
        return None;
    }
    let event = sided.event;
    let day = sided.day;
    if day < first_day {
        return None;
    }
    let (effect, rank) = if is_concession(cluster, bits, sided) {
        (Effect::Conceded, 2)
    } else if is_rejection(cluster, bits, sided) {
        (Effect::Rejected, 1)
    } else if is_withdrawal(cluster, bits, sided) {
        (Effect::Withdrawn, 1)
    } else if day > first_day && is_demand_for_promise(cluster, bits, sided) {
        (Effect::Unmet, 1)
    } else {
        return None;
    };
    // Only the item's own side can have said the item's words. (Tested last: the tests
    // above are cheaper and rule out most events.)
    let own_side = sided.actor == cluster.actor_side;
    if own_side
        && (in_cluster.contains(event.id.as_str()) || cluster.own_sentence(event, &sided.actor))
    {
        return None;
    }
    Some(Signal {
        day,
        rank,
        date: keys::event_date(event),
        effect,
        evidence: vec![event.id.clone()],
    })
}

/// The event types and speech acts that can decide some item's status, whatever the item
/// (with negation, [`may_decide`] is the whole test).
fn deciding_kind(event_type: EventType, speech_act: Option<SpeechAct>) -> bool {
    matches!(
        event_type,
        EventType::Concede
            | EventType::Cooperate
            | EventType::Agree
            | EventType::Retreat
            | EventType::Aid
            | EventType::Reject
    ) || matches!(
        speech_act,
        Some(SpeechAct::Refusal | SpeechAct::RedLine | SpeechAct::Demand)
    )
}

/// A cheap first test of the event types and speech acts that can change an item's status,
/// before the side and issue tests.
fn may_decide(cluster: &Cluster<'_>, sided: &Sided<'_>) -> bool {
    deciding_kind(sided.event_type, sided.speech_act)
        || (sided.negated && sided.speech_act == Some(cluster.speech_act))
}

/// The recipient's side gives ground on one of the item's aims (threats and demands).
fn is_concession(cluster: &Cluster<'_>, bits: &Relevant, sided: &Sided<'_>) -> bool {
    if cluster.speech_act == SpeechAct::Promise || sided.negated {
        return false;
    }
    let yields = matches!(
        sided.event_type,
        EventType::Concede
            | EventType::Cooperate
            | EventType::Agree
            | EventType::Retreat
            | EventType::Aid
    );
    let said_as_giving = sided.kind == Kind::Done
        || matches!(
            sided.speech_act,
            None | Some(SpeechAct::Promise | SpeechAct::Claim | SpeechAct::Other)
        );
    yields
        && said_as_giving
        && keys::known(&cluster.recipient_side)
        && sided.actor == cluster.recipient_side
        && towards(&sided.recipient, &cluster.actor_side)
        && gives_what_was_asked(cluster, bits, sided)
}

/// Whether a yielding event gives what the item aims at. A threat aims at its issues: any
/// concession on them counts. A demand names an act: a concession counts when it names that
/// act, or touches the demand's own aims (its issues beyond the act itself, as `water` for
/// "release the water"); sending troops to the border does not meet a demand to accept armed
/// advisers, although both are `security`.
fn gives_what_was_asked(cluster: &Cluster<'_>, bits: &Relevant, sided: &Sided<'_>) -> bool {
    match (cluster.speech_act, cluster.content_type) {
        (SpeechAct::Demand, Some(content_type)) => {
            sided.content_type == Some(content_type) || sided.issues & bits.aims != 0
        }
        _ => sided.issues & bits.target != 0,
    }
}

/// The recipient's side refuses a demand.
fn is_rejection(cluster: &Cluster<'_>, bits: &Relevant, sided: &Sided<'_>) -> bool {
    if cluster.speech_act != SpeechAct::Demand || sided.negated {
        return false;
    }
    let refuses = sided.event_type == EventType::Reject
        || matches!(
            sided.speech_act,
            Some(SpeechAct::Refusal | SpeechAct::RedLine)
        );
    refuses
        && keys::known(&cluster.recipient_side)
        && sided.actor == cluster.recipient_side
        && towards(&sided.recipient, &cluster.actor_side)
        && about(cluster, bits, sided)
}

/// The actor's side pauses or drops its threat or promise.
fn is_withdrawal(cluster: &Cluster<'_>, bits: &Relevant, sided: &Sided<'_>) -> bool {
    if cluster.speech_act == SpeechAct::Demand {
        return false;
    }
    let same_side = keys::known(&cluster.actor_side)
        && sided.actor == cluster.actor_side
        && towards(&sided.recipient, &cluster.recipient_side);
    if !same_side {
        return false;
    }
    // For a threat, conceding is backing down; for a promise, conceding or retreating may be
    // the very act promised, so only a retreat from something else withdraws it.
    let backs_down = !sided.negated
        && match cluster.speech_act {
            SpeechAct::Promise => {
                sided.event_type == EventType::Retreat
                    && cluster.content_type != Some(EventType::Retreat)
            }
            _ => matches!(sided.event_type, EventType::Retreat | EventType::Concede),
        };
    let says_not = sided.negated
        && sided.kind == Kind::Said
        && sided.speech_act == Some(cluster.speech_act)
        && sided.content_type == cluster.content_type;
    (backs_down || says_not) && about(cluster, bits, sided)
}

/// The recipient of a promise demands the act promised, on the promise's aims: the promise
/// has not been kept ("The U.S needs Mexico to release 200,000 acre-feet of water before
/// December 31st", months after Mexico committed to transfer water).
fn is_demand_for_promise(cluster: &Cluster<'_>, bits: &Relevant, sided: &Sided<'_>) -> bool {
    let (Some(promised), Some(demanded)) = (cluster.content_type, sided.content_type) else {
        return false;
    };
    cluster.speech_act == SpeechAct::Promise
        && sided.kind == Kind::Said
        && !sided.negated
        && sided.speech_act == Some(SpeechAct::Demand)
        && (promised == demanded || (giving(promised) && giving(demanded)))
        && keys::known(&cluster.recipient_side)
        && sided.actor == cluster.recipient_side
        && towards(&sided.recipient, &cluster.actor_side)
        && sided.issues & bits.target != 0
}

/// The event is aimed at `side`, or at no one named.
fn towards(recipient: &str, side: &str) -> bool {
    recipient == side || !keys::known(recipient)
}

/// The event concerns the item: overlapping issues, or the same content type.
fn about(cluster: &Cluster<'_>, bits: &Relevant, sided: &Sided<'_>) -> bool {
    sided.issues & bits.issues != 0
        || (sided.content_type.is_some() && sided.content_type == cluster.content_type)
}

fn most_common_leverage(events: &[&Event]) -> Option<Leverage> {
    let mut counts: Vec<(Leverage, usize)> = Vec::new();
    for leverage in events.iter().filter_map(|e| e.leverage) {
        match counts.iter_mut().find(|(l, _)| *l == leverage) {
            Some(entry) => entry.1 += 1,
            None => counts.push((leverage, 1)),
        }
    }
    let mut best: Option<(Leverage, usize)> = None;
    for (leverage, count) in counts {
        if best.is_none_or(|(_, best_count)| count > best_count) {
            best = Some((leverage, count));
        }
    }
    best.map(|(leverage, _)| leverage)
}

fn summary(
    cluster: &Cluster<'_>,
    actor: Option<&trecho_model::Actor>,
    recipient: Option<&trecho_model::Actor>,
    issues: &[Issue],
) -> String {
    let content = cluster.content_type.map(|t| t.as_str()).unwrap_or("an act");
    let (verb, preposition) = match cluster.speech_act {
        SpeechAct::Threat => ("threatens", "against"),
        SpeechAct::Promise => ("promises", "to"),
        _ => ("demands", "from"),
    };
    let mut text = format!(
        "{} {verb} {content} {preposition} {}",
        keys::label(actor),
        keys::label(recipient)
    );
    if !issues.is_empty() {
        text.push_str(&format!(" ({})", keys::issue_list(issues)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use EventType::*;
    use Issue::*;
    use SpeechAct::*;

    /// Builds the ledger and shows each commitment with its history on one line.
    fn check(events: Vec<B>, expect: &[&str]) {
        let got: Vec<String> = ledger(events).commitments.iter().map(show).collect();
        assert_eq!(got, expect);
    }

    fn show(commitment: &Commitment) -> String {
        show_history(
            &commitment.summary,
            commitment.times_said,
            &commitment.history,
        )
    }

    #[test]
    fn chain_a_pause_restated_then_carried_out_despite_concessions() {
        check(
            vec![
                said("t1", "doc1", "2025-02-01", "USA", "MEX", Threat, Sanction, &[Trade]),
                said("t2", "doc1", "2025-02-01", "USA", "MEX", Threat, Sanction, &[Trade, Drugs])
                    .leverage(Trade, Drugs),
                // Mexico's troops: a concession on drugs, the same day as the pause.
                said("m1", "doc2", "2025-02-03", "MEX", "USA", Promise, Mobilize, &[Security, Drugs, Migration]),
                done("p1", "doc2", "2025-02-03", "USA", "MEX", Retreat, &[Trade])
                    .sentence("We further agreed to immediately pause the anticipated tariffs for a one month period."),
                said("t3", "doc3", "2025-02-27", "USA", "MEX", Threat, Sanction, &[Trade, Drugs])
                    .leverage(Trade, Drugs)
                    .sentence("the proposed TARIFFS scheduled to go into effect on MARCH FOURTH will, indeed, go into effect"),
                done("x1", "doc4", "2025-02-27", "MEX", "USA", Cooperate, &[Drugs, Justice]),
                done("s1", "doc5", "2025-03-03", "USA", "MEX", Sanction, &[Trade, Drugs]),
            ],
            &[
                "USA threatens SANCTION against MEX (drugs, trade) x2: 2025-02-01 open [t1,t2] -> 2025-02-03 withdrawn [p1] -> 2025-02-27 open [t3] -> 2025-03-03 carried_out [s1]",
                "MEX promises MOBILIZE to USA (security, drugs, migration) x1: 2025-02-03 open [m1]",
            ],
        );
    }

    #[test]
    fn deadline_restated_is_kept() {
        let events = [
            said("t1", "doc1", "2025-02-01", "USA", "MEX", Threat, Sanction, &[Trade]).0,
            said("t3", "doc3", "2025-02-27", "USA", "MEX", Threat, Sanction, &[Trade, Drugs])
                .sentence("the proposed TARIFFS scheduled to go into effect on MARCH FOURTH will, indeed, go into effect")
                .0,
        ];
        let ledger = crate::build(&events);
        let item = &ledger.commitments[0];
        assert_eq!(
            item.deadline.map(|d| d.to_string()).as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(item.deadline_text.as_deref(), Some("on MARCH FOURTH"));
        assert_eq!(item.status, CommitmentStatus::Open);
        assert_eq!(item.status_date, None);
        assert_eq!(item.mentions, 2);
    }

    #[test]
    fn land_strikes_threatened_and_boat_strikes_done_is_partly_carried_out() {
        check(
            vec![
                said("t1", "d1", "2025-11-17", "USA", "MEX", Threat, Assault, &[Security, Drugs])
                    .sentence("Trump said he would launch strikes on cartels on land in Mexico."),
                done("b1", "d2", "2025-11-20", "USA", "MEX", Assault, &[Security, Drugs])
                    .recipient_sector("CRM")
                    .sentence("U.S. forces struck a boat of a Mexican cartel in the eastern Pacific."),
            ],
            &["USA threatens ASSAULT against MEX (security, drugs) x1: 2025-11-17 open [t1] -> 2025-11-20 partly_carried_out [b1]"],
        );
    }

    #[test]
    fn strikes_on_land_carry_the_threat_out_and_close_it() {
        check(
            vec![
                said("t1", "d1", "2025-11-17", "USA", "MEX", Threat, Assault, &[Security]),
                done("a1", "d2", "2025-12-01", "USA", "MEX", Assault, &[Security])
                    .sentence("U.S. aircraft struck a cartel camp in Sinaloa."),
                // Said again after it was carried out: a new threat.
                said("t2", "d3", "2025-12-10", "USA", "MEX", Threat, Assault, &[Security]),
            ],
            &[
                "USA threatens ASSAULT against MEX (security) x1: 2025-11-17 open [t1] -> 2025-12-01 carried_out [a1]",
                "USA threatens ASSAULT against MEX (security) x1: 2025-12-10 open [t2]",
            ],
        );
    }

    #[test]
    fn water_threat_conceded_then_restated_and_conceded_again() {
        check(
            vec![
                said("t1", "d1", "2025-04-10", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                    .leverage(Trade, Water),
                said_act("c1", "d2", "2025-04-28", "MEX", "USA", Agree, &[Water]),
                said("t2", "d3", "2025-12-08", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                    .leverage(Trade, Water),
                done("c2", "d4", "2025-12-12", "MEX", "", Cooperate, &[Water]),
            ],
            &["USA threatens SANCTION against MEX (trade, water) x2: 2025-04-10 open [t1] -> 2025-04-28 conceded [c1] -> 2025-12-08 open [t2] -> 2025-12-12 conceded [c2]"],
        );
    }

    #[test]
    fn threats_over_different_aims_stay_apart_and_deeds_on_other_aims_do_not_count() {
        check(
            vec![
                said("w1", "d1", "2025-04-10", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                    .leverage(Trade, Water),
                said("f1", "d2", "2025-04-11", "USA", "MEX", Threat, Sanction, &[Trade, Drugs])
                    .leverage(Trade, Drugs),
                done("s1", "d3", "2025-05-01", "USA", "MEX", Sanction, &[Trade, Drugs]),
            ],
            &[
                "USA threatens SANCTION against MEX (trade, water) x1: 2025-04-10 open [w1]",
                "USA threatens SANCTION against MEX (drugs, trade) x1: 2025-04-11 open [f1] -> 2025-05-01 carried_out [s1]",
            ],
        );
    }

    #[test]
    fn a_threat_without_aims_joins_the_latest_item() {
        check(
            vec![
                said(
                    "w1",
                    "d1",
                    "2025-04-10",
                    "USA",
                    "MEX",
                    Threat,
                    Sanction,
                    &[Trade, Water],
                )
                .leverage(Trade, Water),
                said(
                    "g1",
                    "d2",
                    "2025-04-20",
                    "USA",
                    "MEX",
                    Threat,
                    Sanction,
                    &[Trade],
                ),
            ],
            // Said again while open: one more mention, no change of status.
            &["USA threatens SANCTION against MEX (trade, water) x2: 2025-04-10 open [w1]"],
        );
    }

    #[test]
    fn counts_repeats_across_documents_and_reported_counts() {
        let events = [
            said(
                "a",
                "d1",
                "2025-09-10",
                "USA",
                "MEX",
                Threat,
                Assault,
                &[Security],
            )
            .0,
            said(
                "b",
                "d1",
                "2025-09-10",
                "USA",
                "MEX",
                Threat,
                Assault,
                &[Security],
            )
            .0,
            said(
                "c",
                "d2",
                "2025-11-17",
                "USA",
                "MEX",
                Threat,
                Assault,
                &[Security],
            )
            .0,
            said(
                "d",
                "d3",
                "2026-01-08",
                "USA",
                "MEX",
                Threat,
                Assault,
                &[Security],
            )
            .reported(17)
            .0,
        ];
        let ledger = crate::build(&events);
        assert_eq!(ledger.commitments.len(), 1);
        let item = &ledger.commitments[0];
        assert_eq!(
            item.mentions, 3,
            "the same document saying it twice is one utterance"
        );
        assert_eq!(item.reported_count, Some(17));
        assert_eq!(item.times_said, 17);
        assert_eq!(item.evidence, vec!["a", "b", "c", "d"]);
        assert_eq!(
            item.first_said.map(|d| d.to_string()).as_deref(),
            Some("2025-09-10")
        );
        assert_eq!(
            item.last_said.map(|d| d.to_string()).as_deref(),
            Some("2026-01-08")
        );
        assert_eq!(item.history.len(), 1);
    }

    #[test]
    fn deadline_passed_with_nothing_done_lapses() {
        check(
            vec![
                said("t1", "d1", "2025-04-10", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                    .sentence("Mexico must deliver the water within 30 days or face tariffs."),
                said_act("z", "d9", "2025-06-01", "USA", "CAN", Consult, &[Trade]),
            ],
            &["USA threatens SANCTION against MEX (trade, water) x1: 2025-04-10 open [t1] -> 2025-05-10 lapsed [t1]"],
        );
        // The deadline has not passed in the data: still open.
        check(
            vec![said(
                "t1",
                "d1",
                "2025-04-10",
                "USA",
                "MEX",
                Threat,
                Sanction,
                &[Trade, Water],
            )
            .sentence("Mexico must deliver the water within 30 days or face tariffs.")],
            &["USA threatens SANCTION against MEX (trade, water) x1: 2025-04-10 open [t1]"],
        );
    }

    #[test]
    fn saying_it_will_not_happen_withdraws() {
        check(
            vec![
                said("t1", "d1", "2025-04-10", "USA", "MEX", Threat, Sanction, &[Trade]),
                said("n1", "d2", "2025-04-15", "USA", "MEX", Threat, Sanction, &[Trade]).negated(),
            ],
            &["USA threatens SANCTION against MEX (trade) x1: 2025-04-10 open [t1] -> 2025-04-15 withdrawn [n1]"],
        );
    }

    #[test]
    fn announcement_in_the_same_document_is_not_the_carrying_out() {
        check(
            vec![
                said("t1", "d1", "2025-02-01", "USA", "MEX", Threat, Sanction, &[Trade, Drugs]),
                done("s0", "d1", "2025-02-01", "USA", "MEX", Sanction, &[Trade]),
                done("s1", "d2", "2025-03-03", "USA", "MEX", Sanction, &[Trade]),
            ],
            &["USA threatens SANCTION against MEX (drugs, trade) x1: 2025-02-01 open [t1] -> 2025-03-03 carried_out [s1]"],
        );
    }

    #[test]
    fn a_threat_without_a_named_target_is_carried_out_on_its_issue() {
        check(
            vec![
                said("t1", "d1", "2025-02-27", "USA", "", Threat, Sanction, &[Trade]),
                done("s1", "d2", "2025-03-03", "USA", "MEX", Sanction, &[Trade]),
            ],
            &["USA threatens SANCTION against ? (trade) x1: 2025-02-27 open [t1] -> 2025-03-03 carried_out [s1]"],
        );
        // With no shared issue the act is another matter.
        check(
            vec![
                said(
                    "t1",
                    "d1",
                    "2025-02-27",
                    "USA",
                    "",
                    Threat,
                    Sanction,
                    &[Trade],
                ),
                done("s1", "d2", "2025-03-03", "USA", "VEN", Sanction, &[Energy]),
            ],
            &["USA threatens SANCTION against ? (trade) x1: 2025-02-27 open [t1]"],
        );
    }

    #[test]
    fn promise_kept_even_without_a_named_recipient() {
        check(
            vec![
                said("p1", "d1", "2025-02-03", "MEX", "USA", Promise, Mobilize, &[Security, Migration]),
                done("m1", "d2", "2025-04-03", "MEX", "", Mobilize, &[Security]),
            ],
            &["MEX promises MOBILIZE to USA (security, migration) x1: 2025-02-03 open [p1] -> 2025-04-03 carried_out [m1]"],
        );
    }

    #[test]
    fn demands_are_conceded_or_rejected() {
        check(
            vec![
                said("q1", "d1", "2026-01-15", "USA", "MEX", Demand, Cooperate, &[Security, Drugs]),
                said_act("r1", "d2", "2026-01-16", "MEX", "USA", Reject, &[Security]),
                done("c1", "d3", "2026-01-20", "MEX", "USA", Cooperate, &[Drugs, Justice]),
            ],
            &["USA demands COOPERATE from MEX (security, drugs) x1: 2026-01-15 open [q1] -> 2026-01-16 rejected [r1] -> 2026-01-20 conceded [c1]"],
        );
        check(
            vec![
                said(
                    "q1",
                    "d1",
                    "2025-06-09",
                    "MEX",
                    "USA",
                    Demand,
                    Concede,
                    &[Migration, HumanRights],
                ),
                // A pause by the demander does not withdraw a demand.
                done(
                    "r1",
                    "d2",
                    "2025-06-10",
                    "MEX",
                    "USA",
                    Retreat,
                    &[Migration],
                ),
            ],
            &["MEX demands CONCEDE from USA (migration, human_rights) x1: 2025-06-09 open [q1]"],
        );
    }

    #[test]
    fn events_before_the_first_utterance_do_not_count() {
        check(
            vec![
                done("s0", "d0", "2025-01-01", "USA", "MEX", Sanction, &[Trade]),
                said_act("c0", "d0", "2025-01-02", "MEX", "USA", Agree, &[Trade]),
                said(
                    "t1",
                    "d1",
                    "2025-02-01",
                    "USA",
                    "MEX",
                    Threat,
                    Sanction,
                    &[Trade],
                ),
            ],
            &["USA threatens SANCTION against MEX (trade) x1: 2025-02-01 open [t1]"],
        );
    }

    #[test]
    fn chain_b_water_deadline_from_the_companion_demand_and_conditional_restatement() {
        let events = vec![
            said("t1", "d1", "2025-04-10", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                .leverage(Trade, Water),
            done("c1", "d2", "2025-04-28", "MEX", "USA", Concede, &[Water]),
            said("q3", "d3", "2025-12-08", "USA", "MEX", Demand, Concede, &[Water])
                .sentence("The U.S needs Mexico to release 200,000 acre-feet of water before December 31st, and the rest must come soon after."),
            said("t3", "d3", "2025-12-08", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                .leverage(Trade, Water)
                .sentence("That is why I have authorized documentation to impose a 5% Tariff on Mexico if this water isn't released, IMMEDIATELY."),
            done("c4", "d4", "2025-12-12", "MEX", "USA", Concede, &[Water]),
            said("t4", "d4", "2025-12-12", "USA", "MEX", Threat, Sanction, &[Trade, Water])
                .leverage(Trade, Water)
                .hypothetical(),
        ];
        let ledger = ledger(events);
        let threat = ledger
            .commitments
            .iter()
            .find(|c| c.speech_act == Threat)
            .expect("the water threat");
        assert_eq!(
            show(threat),
            "USA threatens SANCTION against MEX (trade, water) x3: 2025-04-10 open [t1] -> 2025-04-28 conceded [c1] -> 2025-12-08 open [t3] -> 2025-12-12 conceded [c4]"
        );
        assert_eq!(
            threat.deadline.map(|d| d.to_string()).as_deref(),
            Some("2025-12-31")
        );
        assert_eq!(threat.deadline_text.as_deref(), Some("IMMEDIATELY"));
        assert_eq!(
            threat.last_said.map(|d| d.to_string()).as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(
            threat.status_date.map(|d| d.to_string()).as_deref(),
            Some("2025-12-12")
        );
        let demand = ledger
            .commitments
            .iter()
            .find(|c| c.speech_act == Demand)
            .expect("the water demand");
        assert_eq!(demand.status, CommitmentStatus::Conceded);
    }

    #[test]
    fn a_promise_past_its_deadline_is_not_kept_by_a_later_act() {
        check(
            vec![
                said("p1", "d2", "2025-04-28", "MEX", "USA", Promise, Concede, &[Water])
                    .sentence("It includes water releases and continued commitments through the end of this cycle which concludes in October."),
                // The same document reports the act promised: the announcement, not the keeping.
                done("c1", "d2", "2025-04-28", "MEX", "USA", Concede, &[Water]),
                done("c4", "d4", "2025-12-12", "MEX", "USA", Concede, &[Water]),
            ],
            &["MEX promises CONCEDE to USA (water) x1: 2025-04-28 open [p1] -> 2025-10-31 lapsed [p1]"],
        );
    }

    #[test]
    fn a_promise_to_cooperate_is_kept_by_an_agreement() {
        check(
            vec![
                said("p1", "d4", "2025-12-12", "MEX", "USA", Promise, Cooperate, &[Water])
                    .sentence("The United States and Mexico are in negotiations to finalize a plan by the end of January 2026."),
                done("a5", "d5", "2026-01-31", "MEX", "USA", Agree, &[Water]),
            ],
            &["MEX promises COOPERATE to USA (water) x1: 2025-12-12 open [p1] -> 2026-01-31 carried_out [a5]"],
        );
    }

    #[test]
    fn magazine_land_strikes_boats_without_a_country_and_month_dates() {
        check(
            vec![
                said("s02", "mag", "2025-09", "USA", "MEX", Threat, Assault, &[Security, Drugs])
                    .published("2025-12-24")
                    .reported(17)
                    .sentence("President Donald Trump has said at least 17 times since September that land strikes on the cartels in Mexico would come soon."),
                done("s08", "mag", "2025-09", "USA", "", Assault, &[Security, Drugs])
                    .published("2025-12-24")
                    .sentence("Since early September, the US military has destroyed more than two dozen boats in the Caribbean and the eastern Pacific."),
                done("s12", "mag", "2025-12-24", "USA", "MEX", Assault, &[Security]).negated(),
                said("s58", "mag", "2025-12-24", "USA", "MEX", Threat, Assault, &[Security, Drugs])
                    .hypothetical(),
            ],
            &["USA threatens ASSAULT against MEX (security, drugs) x17: 2025-09 open [s02] -> 2025-09 partly_carried_out [s08]"],
        );
        // Cooperation on drugs after the boat strikes does not turn them into a concession.
        check(
            vec![
                said("s02", "mag", "2025-09", "USA", "MEX", Threat, Assault, &[Security, Drugs]),
                done("s08", "mag", "2025-09", "USA", "", Assault, &[Security, Drugs])
                    .sentence("the US military has destroyed more than two dozen boats in the Caribbean"),
                done("c1", "d2", "2025-12-01", "MEX", "USA", Cooperate, &[Drugs]),
            ],
            &["USA threatens ASSAULT against MEX (security, drugs) x1: 2025-09 open [s02] -> 2025-09 partly_carried_out [s08]"],
        );
    }

    #[test]
    fn magazine_migration_tariff_conceded_when_she_agreed_and_he_held_off_the_same_day() {
        check(
            vec![
                said("s31", "mag", "2025-02", "USA", "MEX", Threat, Sanction, &[Trade, Migration])
                    .leverage(Trade, Migration),
                done("s31b", "mag", "2025-02", "MEX", "USA", Concede, &[Migration, Security]),
                done("s31c", "mag", "2025-02", "USA", "MEX", Retreat, &[Trade]),
            ],
            // "He held off" is in the threat's own sentence: not a withdrawal of it.
            &["USA threatens SANCTION against MEX (trade, migration) x1: 2025-02 open [s31] -> 2025-02 conceded [s31b]"],
        );
    }

    #[test]
    fn threats_without_a_known_speaker_or_to_oneself_are_left_out() {
        check(
            vec![
                said(
                    "s55",
                    "mag",
                    "2025-12-24",
                    "",
                    "",
                    Threat,
                    Assault,
                    &[Security],
                )
                .hypothetical(),
                said(
                    "x",
                    "d",
                    "2025-12-24",
                    "USA",
                    "USA",
                    Threat,
                    Assault,
                    &[Security],
                ),
            ],
            &[],
        );
    }

    #[test]
    fn input_order_does_not_matter() {
        let events: Vec<Event> = vec![
            said(
                "t1",
                "doc1",
                "2025-02-01",
                "USA",
                "MEX",
                Threat,
                Sanction,
                &[Trade],
            )
            .0,
            done("p1", "doc2", "2025-02-03", "USA", "MEX", Retreat, &[Trade]).0,
            said(
                "t3",
                "doc3",
                "2025-02-27",
                "USA",
                "MEX",
                Threat,
                Sanction,
                &[Trade, Drugs],
            )
            .0,
            done(
                "s1",
                "doc5",
                "2025-03-03",
                "USA",
                "MEX",
                Sanction,
                &[Trade, Drugs],
            )
            .0,
            done("s2", "doc6", "2025-03-04", "USA", "MEX", Sanction, &[Trade]).0,
        ];
        let forward = crate::build(&events);
        let mut reversed = events.clone();
        reversed.reverse();
        assert_eq!(crate::build(&reversed), forward);
        assert_eq!(forward.deeds.len(), 2, "s1 and s2 are one deed; p1 another");
        assert_eq!(forward.commitments[0].status_evidence, vec!["s1", "s2"]);
    }
}
