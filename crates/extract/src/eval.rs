//! Evaluation against gold files in the shape of `data/gold/*.jsonl`: per set, language and part
//! (development or test), event-type precision, recall and F1, actor and recipient country
//! accuracy, quad accuracy for quad-labelled sentences, a confusion matrix, and for sets labelled
//! with words versus deeds (the modern sets) the accuracy of `kind` and `speech_act`, the share of
//! no-event sentences given an event, and the share of hypothetical events coded as plain deeds.
//!
//! The split: every item belongs to the development part or the frozen test part by a fixed rule
//! on its id ([`part_of`]), so the split never depends on the extractor or on file order. Errors
//! are listed for development items only: rules are written by reading those, never the test
//! part, whose figures are the ones the README reports.
//!
//! The metric: a predicted event matches a gold event of the same sentence when their event types
//! are equal (each gold event used once). Precision = matched predictions / predictions; recall =
//! matched gold / gold. Sets without modality labels count non-hypothetical predictions only;
//! sets whose gold events carry `hypothetical` count every prediction, since their hypothetical
//! events are labelled too. Actor (recipient) accuracy = the share of matched pairs whose gold
//! country is given where the predicted country is equal. Gold events with a null type are not
//! counted. A quad-labelled sentence's predicted quad is that of its most confident
//! non-hypothetical event, or none.

use crate::{extract_sentence, Dictionaries, Error};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use trecho_model::{Event, EventType, Kind, Lang, Quad};

/// The evaluation of one or more gold files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// One entry per (set, language).
    pub sets: Vec<SetReport>,
    /// Sentences whose predictions and gold differ, for reading the errors.
    pub misses: Vec<Miss>,
    /// Matched pairs whose gold actor country differs from the predicted one.
    pub actor_mismatches: Vec<Miss>,
    /// Gold files (or lines) that were skipped, and why.
    pub skipped: Vec<String>,
}

/// The part of a gold set an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Read errors and tune here.
    #[default]
    Dev,
    /// Frozen: report, never read.
    Test,
}

impl Part {
    /// `dev` or `test`.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Dev => "dev",
            Part::Test => "test",
        }
    }
}

/// Sets kept whole for development, with no test part and no target: the UniversalPetrarch
/// Spanish protest set codes street demonstrations by a convention of its own (CAMEO 15 →
/// MOBILIZE where PLOVER v2 says PROTEST), so its figures measure agreement with that
/// convention rather than the extractor.
pub const DEVELOPMENT_ONLY: &[&str] = &["up_spanish_protest"];

/// The part of the item `id` of set `set`: 30% of the ids go to the test part, those whose
/// 64-bit FNV-1a hash of the id's bytes, mixed by the splitmix64 finalizer (FNV alone spreads
/// ids that differ in their last digits badly), is below 3 modulo 10. The rule reads nothing
/// but the id, so a set keeps its split whatever the order of its lines, and a new item falls
/// in a part at once. Changing this rule unfreezes every test part: don't.
pub fn part_of(set: &str, id: &str) -> Part {
    if DEVELOPMENT_ONLY.contains(&set) {
        return Part::Dev;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^= hash >> 31;
    if hash % 10 < 3 {
        Part::Test
    } else {
        Part::Dev
    }
}

/// Scores for one set, language and part.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetReport {
    /// The set name (`plover_gsr`, `up_spanish_protest`…).
    pub set: String,
    /// Language.
    pub lang: Lang,
    /// Development or test part.
    pub part: Part,
    /// Sentences read.
    pub sentences: usize,
    /// Gold events with a type.
    pub gold: usize,
    /// Non-hypothetical predicted events.
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
    /// matched / predicted.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// Matched pairs whose gold actor country is given.
    pub actor_pairs: usize,
    /// Share of those with the same predicted country.
    pub actor_accuracy: Option<f64>,
    /// Matched pairs whose gold recipient country is given.
    pub recipient_pairs: usize,
    /// Share of those with the same predicted country.
    pub recipient_accuracy: Option<f64>,
    /// Quad scores, for quad-labelled sets.
    pub quad: Option<QuadReport>,
    /// Words versus deeds and modality, for sets whose events carry those labels.
    pub modality: Option<ModalityReport>,
    /// Per gold type: gold, predicted, matched.
    pub per_type: BTreeMap<String, [usize; 3]>,
    /// Gold type (or "none") → predicted type (or "none") → count, over unmatched events.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Microseconds per sentence spent in extraction.
    pub micros_per_sentence: f64,
    /// F1 when a gold MOBILIZE is allowed to match a predicted PROTEST. The UniversalPetrarch
    /// Spanish protest set codes many street demonstrations as CAMEO 15 → MOBILIZE, while the
    /// PLOVER v2 manual says "mobilizing supporters to demonstrate" is PROTEST; this figure shows
    /// how much of the gap is that convention. `None` where the set has no gold MOBILIZE.
    pub f1_demonstrations_as_protest: Option<f64>,
}

/// Words versus deeds and modality scores of a set labelled with them (the modern sets).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ModalityReport {
    /// Matched pairs.
    pub kind_pairs: usize,
    /// Share of matched pairs with the gold `kind` (said or done).
    pub kind_accuracy: Option<f64>,
    /// Matched pairs whose gold event is words (`kind` said).
    pub said_pairs: usize,
    /// Share of those with the gold `speech_act`.
    pub speech_act_accuracy: Option<f64>,
    /// Sentences whose gold has no event.
    pub empty_sentences: usize,
    /// Of those, the sentences given at least one event.
    pub empty_with_events: usize,
    /// empty_with_events / empty_sentences.
    pub empty_rate: Option<f64>,
    /// Gold events marked hypothetical.
    pub hypothetical_gold: usize,
    /// Of those, the ones matched by a prediction that is a plain deed (done, not hypothetical).
    pub hypothetical_as_deeds: usize,
    /// hypothetical_as_deeds / hypothetical_gold.
    pub hypothetical_as_deed_rate: Option<f64>,
}

/// Quad accuracy of a quad-labelled set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QuadReport {
    /// Sentences with a quad label (null included).
    pub sentences: usize,
    /// Accuracy with PLOVER's quads (spec/events.md).
    pub accuracy_plover: f64,
    /// Accuracy after mapping our types to the Phoenix CAMEO quad convention of the ConfliBERT
    /// labels: SANCTION → verbal_conflict, CONCEDE → material_cooperation, appeals → none.
    pub accuracy_phoenix: f64,
}

/// One development sentence where prediction and gold differ.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// Gold sentence id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Gold types (or the quad label).
    pub gold: Vec<String>,
    /// Predicted types with actor→recipient countries.
    pub predicted: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldLine {
    id: String,
    #[serde(default)]
    set: String,
    lang: Option<String>,
    text: Option<String>,
    published: Option<String>,
    events: Option<Vec<GoldEvent>>,
    #[serde(default, deserialize_with = "present")]
    quad: Option<Option<String>>,
    /// The actor of the item's words is the speaker label of the transcript it was quoted from.
    #[serde(default)]
    speaker_from_transcript: bool,
}

/// Distinguishes `"quad": null` (a label: neutral) from a missing field.
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Ok(Some(Option::deserialize(deserializer)?))
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    event_type: Option<String>,
    actor: Option<GoldActor>,
    recipient: Option<GoldActor>,
    kind: Option<String>,
    speech_act: Option<String>,
    hypothetical: Option<bool>,
}

#[derive(Debug, Deserialize)]
struct GoldActor {
    text: Option<String>,
    country: Option<String>,
}

#[derive(Default)]
struct Tally {
    report: SetReport,
    quad_total: usize,
    quad_plover: usize,
    quad_phoenix: usize,
    actor_equal: usize,
    recipient_equal: usize,
    nanos: u128,
    /// Matched pairs when gold MOBILIZE may match predicted PROTEST.
    matched_demonstrations: usize,
    gold_mobilize: usize,
    /// Set when the set's events carry modality labels.
    modality: Option<ModalityReport>,
    kind_equal: usize,
    speech_act_equal: usize,
}

/// Evaluates the extractor on gold files. Lines without `events` or `quad` (the ConfliBERT roles
/// file) are skipped and listed in `skipped`.
pub fn run(paths: &[PathBuf], dictionaries: &Dictionaries) -> Result<Report, Error> {
    let mut tallies: BTreeMap<(String, Lang, Part), Tally> = BTreeMap::new();
    let mut report = Report::default();
    // The lexicons are built on first use; build them before anything is timed.
    for (text, lang) in [
        ("The United States imposed tariffs on Mexico.", Lang::En),
        ("México rechazó los aranceles de Estados Unidos.", Lang::Es),
    ] {
        extract_sentence(text, lang, None, None, dictionaries);
    }
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let mut lines = Vec::new();
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let gold: GoldLine = serde_json::from_str(line).map_err(|err| Error::Gold {
                path: path.clone(),
                line: number + 1,
                message: format!("not a gold record: {err}"),
            })?;
            lines.push(gold);
        }
        // A file whose events say whether they are hypothetical labels hypothetical events too,
        // so its hypothetical predictions are scored rather than dropped.
        let modality_labelled = lines
            .iter()
            .flat_map(|gold| gold.events.iter().flatten())
            .any(|event| event.hypothetical.is_some());
        let mut n_skipped = 0;
        for gold in &lines {
            let Some(text) = gold.text.as_deref() else {
                n_skipped += 1;
                continue;
            };
            if gold.events.is_none() && gold.quad.is_none() {
                n_skipped += 1;
                continue;
            }
            let lang = gold
                .lang
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or_default();
            let published = gold
                .published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let set = if gold.set.is_empty() {
                file_stem(path)
            } else {
                gold.set.clone()
            };
            let part = part_of(&set, &gold.id);
            let tally = tallies.entry((set.clone(), lang, part)).or_default();
            tally.report.set = set;
            tally.report.lang = lang;
            tally.report.part = part;
            tally.report.sentences += 1;
            if modality_labelled && tally.modality.is_none() {
                tally.modality = Some(ModalityReport::default());
            }
            let speaker = gold
                .speaker_from_transcript
                .then(|| transcript_speaker(gold))
                .flatten();
            let started = std::time::Instant::now();
            let predictions: Vec<Event> =
                extract_sentence(text, lang, published, speaker.as_deref(), dictionaries)
                    .into_iter()
                    .map(|(event, _)| event)
                    .filter(|event| modality_labelled || !event.hypothetical)
                    .collect();
            tally.nanos += started.elapsed().as_nanos();
            let describe = |gold_labels: Vec<String>| Miss {
                id: gold.id.clone(),
                text: text.to_string(),
                gold: gold_labels,
                predicted: predictions.iter().map(describe_event).collect(),
            };
            if let Some(events) = &gold.events {
                let gold_events: Vec<&GoldEvent> = events
                    .iter()
                    .filter(|e| e.event_type.as_deref().and_then(EventType::parse).is_some())
                    .collect();
                let before = tally.report.actor_pairs - tally.actor_equal;
                let pairs = score_events(tally, &gold_events, &predictions);
                score_modality(tally, &gold_events, &predictions, &pairs);
                tally.gold_mobilize += gold_events
                    .iter()
                    .filter(|e| {
                        e.event_type.as_deref().and_then(EventType::parse)
                            == Some(EventType::Mobilize)
                    })
                    .count();
                tally.matched_demonstrations += count_matches(&gold_events, &predictions, |t| {
                    if t == EventType::Mobilize {
                        EventType::Protest
                    } else {
                        t
                    }
                });
                let labels = || gold_events.iter().map(|e| describe_gold(e)).collect();
                // Errors of the test part are never listed: nobody reads them to write rules.
                if part == Part::Dev {
                    if tally.report.actor_pairs - tally.actor_equal > before {
                        report.actor_mismatches.push(describe(labels()));
                    }
                    if pairs.len() != gold_events.len() || pairs.len() != predictions.len() {
                        report.misses.push(describe(labels()));
                    }
                }
            }
            if let Some(label) = &gold.quad {
                let label = label.as_deref().and_then(Quad::parse);
                let best = predictions
                    .iter()
                    .filter(|event| !event.hypothetical)
                    .max_by(|a, b| a.confidence.total_cmp(&b.confidence));
                let plover = best.map(|event| event.event_type.quad());
                let phoenix = best.and_then(phoenix_quad);
                tally.quad_total += 1;
                tally.quad_plover += usize::from(plover == label);
                tally.quad_phoenix += usize::from(phoenix == label);
                if phoenix != label && part == Part::Dev {
                    report.misses.push(describe(vec![label
                        .map_or("none", |q| q.as_str())
                        .to_string()]));
                }
            }
        }
        if n_skipped > 0 {
            report.skipped.push(format!(
                "{}: {n_skipped} lines without events or quad label",
                path.display()
            ));
        }
    }
    for (_, mut tally) in tallies {
        let r = &mut tally.report;
        if r.part == Part::Test {
            // What was confused with what is error reading; the test part gives figures only.
            r.confusion.clear();
        }
        r.precision = ratio(r.matched, r.predicted);
        r.recall = ratio(r.matched, r.gold);
        r.f1 = if r.precision + r.recall > 0.0 {
            2.0 * r.precision * r.recall / (r.precision + r.recall)
        } else {
            0.0
        };
        r.actor_accuracy = (r.actor_pairs > 0).then(|| ratio(tally.actor_equal, r.actor_pairs));
        r.recipient_accuracy =
            (r.recipient_pairs > 0).then(|| ratio(tally.recipient_equal, r.recipient_pairs));
        if tally.quad_total > 0 {
            r.quad = Some(QuadReport {
                sentences: tally.quad_total,
                accuracy_plover: ratio(tally.quad_plover, tally.quad_total),
                accuracy_phoenix: ratio(tally.quad_phoenix, tally.quad_total),
            });
        }
        if let Some(mut m) = tally.modality.take() {
            m.kind_accuracy = (m.kind_pairs > 0).then(|| ratio(tally.kind_equal, m.kind_pairs));
            m.speech_act_accuracy =
                (m.said_pairs > 0).then(|| ratio(tally.speech_act_equal, m.said_pairs));
            m.empty_rate =
                (m.empty_sentences > 0).then(|| ratio(m.empty_with_events, m.empty_sentences));
            m.hypothetical_as_deed_rate = (m.hypothetical_gold > 0)
                .then(|| ratio(m.hypothetical_as_deeds, m.hypothetical_gold));
            r.modality = Some(m);
        }
        if tally.gold_mobilize > 0 {
            let precision = ratio(tally.matched_demonstrations, r.predicted);
            let recall = ratio(tally.matched_demonstrations, r.gold);
            r.f1_demonstrations_as_protest = Some(if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            });
        }
        r.micros_per_sentence = if r.sentences > 0 {
            tally.nanos as f64 / 1000.0 / r.sentences as f64
        } else {
            0.0
        };
        report.sets.push(tally.report);
    }
    Ok(report)
}

/// The speaker label an ingested transcript would hand the extractor for an item quoted from
/// one. The item does not keep the label itself, only the mark that its actor is the speaker;
/// the conferences are the Mexican government's, so the speaker is the Mexican actor named most
/// often among its events (ties: the first). None when no event has one.
fn transcript_speaker(gold: &GoldLine) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for event in gold.events.iter().flatten() {
        let Some(actor) = &event.actor else { continue };
        let (Some(text), Some("MEX")) = (actor.text.as_deref(), actor.country.as_deref()) else {
            continue;
        };
        match counts.iter_mut().find(|(t, _)| *t == text) {
            Some((_, n)) => *n += 1,
            None => counts.push((text, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .iter()
        .find(|(_, n)| *n == best)
        .map(|(text, _)| text.to_string())
}

/// Scores words versus deeds and modality of one sentence, given the matched (gold,
/// prediction) pairs.
fn score_modality(
    tally: &mut Tally,
    gold: &[&GoldEvent],
    predictions: &[Event],
    pairs: &[(usize, usize)],
) {
    let Some(m) = tally.modality.as_mut() else {
        return;
    };
    if gold.is_empty() {
        m.empty_sentences += 1;
        m.empty_with_events += usize::from(!predictions.is_empty());
    }
    m.hypothetical_gold += gold.iter().filter(|e| e.hypothetical == Some(true)).count();
    for &(g, p) in pairs {
        let (gold, event) = (gold[g], &predictions[p]);
        if gold.hypothetical == Some(true) && !event.hypothetical && event.kind == Kind::Done {
            m.hypothetical_as_deeds += 1;
        }
        let Some(kind) = gold.kind.as_deref() else {
            continue;
        };
        m.kind_pairs += 1;
        tally.kind_equal += usize::from(kind == event.kind.as_str());
        if kind == Kind::Said.as_str() {
            m.said_pairs += 1;
            let predicted = event.speech_act.map(|act| act.as_str());
            tally.speech_act_equal += usize::from(gold.speech_act.as_deref() == predicted);
        }
    }
}

/// Scores one sentence; returns the matched (gold, prediction) pairs.
fn score_events(
    tally: &mut Tally,
    gold: &[&GoldEvent],
    predictions: &[Event],
) -> Vec<(usize, usize)> {
    let r = &mut tally.report;
    r.gold += gold.len();
    r.predicted += predictions.len();
    let gold_types: Vec<Option<EventType>> = gold
        .iter()
        .map(|e| e.event_type.as_deref().and_then(EventType::parse))
        .collect();
    for (event_type, _) in gold_types.iter().zip(gold) {
        if let Some(event_type) = event_type {
            r.per_type
                .entry(event_type.as_str().to_string())
                .or_default()[0] += 1;
        }
    }
    for event in predictions {
        r.per_type
            .entry(event.event_type.as_str().to_string())
            .or_default()[1] += 1;
    }
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; predictions.len()];
    let mut pairs = Vec::new();
    // Most confident predictions first; among gold of the same type prefer the pair whose actor
    // and recipient countries agree, so the pairing does not depend on line order.
    let mut order: Vec<usize> = (0..predictions.len()).collect();
    order.sort_by(|&a, &b| {
        predictions[b]
            .confidence
            .total_cmp(&predictions[a].confidence)
    });
    for p in order {
        let event = &predictions[p];
        let candidate = (0..gold.len())
            .filter(|&g| !gold_used[g] && gold_types[g] == Some(event.event_type))
            .max_by_key(|&g| {
                let agree = |gold_actor: &Option<GoldActor>,
                             predicted: &Option<trecho_model::Actor>| {
                    usize::from(
                        gold_actor
                            .as_ref()
                            .and_then(|a| a.country.as_deref())
                            .is_some_and(|c| {
                                predicted.as_ref().and_then(|a| a.country.as_deref()) == Some(c)
                            }),
                    )
                };
                (
                    agree(&gold[g].actor, &event.actor)
                        + agree(&gold[g].recipient, &event.recipient),
                    std::cmp::Reverse(g),
                )
            });
        let Some(g) = candidate else { continue };
        gold_used[g] = true;
        pred_used[p] = true;
        pairs.push((g, p));
        r.matched += 1;
        r.per_type
            .entry(event.event_type.as_str().to_string())
            .or_default()[2] += 1;
        if let Some(country) = gold[g].actor.as_ref().and_then(|a| a.country.as_deref()) {
            r.actor_pairs += 1;
            tally.actor_equal += usize::from(
                event.actor.as_ref().and_then(|a| a.country.as_deref()) == Some(country),
            );
        }
        if let Some(country) = gold[g]
            .recipient
            .as_ref()
            .and_then(|a| a.country.as_deref())
        {
            r.recipient_pairs += 1;
            tally.recipient_equal += usize::from(
                event.recipient.as_ref().and_then(|a| a.country.as_deref()) == Some(country),
            );
        }
    }
    // Confusion over what is left: pair leftovers in order, the rest against "none".
    let left_gold: Vec<String> = (0..gold.len())
        .filter(|&g| !gold_used[g])
        .filter_map(|g| gold_types[g].map(|t| t.as_str().to_string()))
        .collect();
    let left_pred: Vec<String> = (0..predictions.len())
        .filter(|&p| !pred_used[p])
        .map(|p| predictions[p].event_type.as_str().to_string())
        .collect();
    let n = left_gold.len().max(left_pred.len());
    for k in 0..n {
        let g = left_gold
            .get(k)
            .cloned()
            .unwrap_or_else(|| "none".to_string());
        let p = left_pred
            .get(k)
            .cloned()
            .unwrap_or_else(|| "none".to_string());
        *r.confusion.entry(g).or_default().entry(p).or_default() += 1;
    }
    pairs
}

/// How many predictions match gold events by type after mapping gold types with `map`.
fn count_matches(
    gold: &[&GoldEvent],
    predictions: &[Event],
    map: impl Fn(EventType) -> EventType,
) -> usize {
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    for event in predictions {
        let hit = (0..gold.len()).find(|&g| {
            !used[g]
                && gold[g]
                    .event_type
                    .as_deref()
                    .and_then(EventType::parse)
                    .map(&map)
                    == Some(event.event_type)
        });
        if let Some(g) = hit {
            used[g] = true;
            matched += 1;
        }
    }
    matched
}

/// The Phoenix CAMEO quad convention of the ConfliBERT labels: sanctions are verbal conflict,
/// concessions material cooperation, and appeals (CAMEO 02, our REQUEST with speech act
/// `appeal`) are neutral (no quad).
fn phoenix_quad(event: &Event) -> Option<Quad> {
    match event.event_type {
        EventType::Sanction => Some(Quad::VerbalConflict),
        EventType::Concede => Some(Quad::MaterialCooperation),
        EventType::Request if event.speech_act == Some(trecho_model::SpeechAct::Appeal) => None,
        other => Some(other.quad()),
    }
}

/// A share and the count it is taken over, "0.812 (48)", or "-" when there is none.
fn share(value: Option<f64>, n: usize) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.3} ({n})"))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn describe_gold(event: &GoldEvent) -> String {
    let country = |a: &Option<GoldActor>| {
        a.as_ref()
            .and_then(|a| a.country.clone())
            .unwrap_or_else(|| "-".to_string())
    };
    format!(
        "{} {}→{}",
        event.event_type.as_deref().unwrap_or("-"),
        country(&event.actor),
        country(&event.recipient)
    )
}

fn describe_event(event: &Event) -> String {
    let country = |a: &Option<trecho_model::Actor>| {
        a.as_ref()
            .map(|a| format!("{}[{}]", a.text, a.country.as_deref().unwrap_or("-")))
            .unwrap_or_else(|| "-".to_string())
    };
    format!(
        "{} {} {}→{}",
        event.event_type,
        event.kind,
        country(&event.actor),
        country(&event.recipient)
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<26} {:>4} {:>4} {:>6} {:>5} {:>5} {:>6} {:>6} {:>6} {:>13} {:>13} {:>8}",
            "set",
            "lang",
            "part",
            "sents",
            "gold",
            "pred",
            "P",
            "R",
            "F1",
            "actor acc",
            "recip acc",
            "µs/sent"
        )?;
        for set in self
            .sets
            .iter()
            .filter(|set| set.gold > 0 || set.quad.is_none())
        {
            writeln!(
                f,
                "{:<26} {:>4} {:>4} {:>6} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>13} {:>13} {:>8.1}",
                set.set,
                set.lang.as_str(),
                set.part.as_str(),
                set.sentences,
                set.gold,
                set.predicted,
                set.precision,
                set.recall,
                set.f1,
                share(set.actor_accuracy, set.actor_pairs),
                share(set.recipient_accuracy, set.recipient_pairs),
                set.micros_per_sentence
            )?;
        }
        let labelled: Vec<(&SetReport, &ModalityReport)> = self
            .sets
            .iter()
            .filter_map(|set| set.modality.as_ref().map(|m| (set, m)))
            .collect();
        if !labelled.is_empty() {
            writeln!(f)?;
            writeln!(
                f,
                "{:<26} {:>4} {:>4} {:>13} {:>13} {:>16} {:>16}",
                "words vs deeds",
                "lang",
                "part",
                "kind acc",
                "act acc",
                "no-event coded",
                "hyp. as deeds"
            )?;
            for (set, m) in labelled {
                writeln!(
                    f,
                    "{:<26} {:>4} {:>4} {:>13} {:>13} {:>16} {:>16}",
                    set.set,
                    set.lang.as_str(),
                    set.part.as_str(),
                    share(m.kind_accuracy, m.kind_pairs),
                    share(m.speech_act_accuracy, m.said_pairs),
                    share(m.empty_rate, m.empty_sentences),
                    share(m.hypothetical_as_deed_rate, m.hypothetical_gold),
                )?;
            }
        }
        for set in &self.sets {
            if let Some(f1) = set.f1_demonstrations_as_protest.filter(|f1| *f1 > set.f1) {
                writeln!(f)?;
                writeln!(f, "{} ({}): F1 {:.3} if gold MOBILIZE may match PROTEST (the set codes street demonstrations as CAMEO 15; PLOVER v2 codes them PROTEST)", set.set, set.lang, f1)?;
            }
        }
        for set in &self.sets {
            if let Some(quad) = &set.quad {
                writeln!(f)?;
                writeln!(
                    f,
                    "{} ({}, {}): quad accuracy over {} sentences",
                    set.set,
                    set.lang,
                    set.part.as_str(),
                    quad.sentences
                )?;
                writeln!(
                    f,
                    "  PLOVER quads (spec):                                      {:.3}",
                    quad.accuracy_plover
                )?;
                writeln!(f, "  Phoenix convention (SANCTION→verbal_conflict, CONCEDE→material_cooperation, REQUEST appeal→none): {:.3}", quad.accuracy_phoenix)?;
            }
        }
        for set in &self.sets {
            if set.per_type.is_empty() || set.part == Part::Test {
                continue;
            }
            writeln!(f)?;
            writeln!(f, "{} ({}, dev): per type (gold / predicted / matched), then confusion of unmatched events (gold → predicted)", set.set, set.lang)?;
            for (event_type, [gold, predicted, matched]) in &set.per_type {
                writeln!(
                    f,
                    "  {event_type:<10} {gold:>5} {predicted:>5} {matched:>5}"
                )?;
            }
            for (gold, row) in &set.confusion {
                let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p}:{n}")).collect();
                writeln!(f, "  {gold:<10} → {}", cells.join(" "))?;
            }
        }
        for skipped in &self.skipped {
            writeln!(f, "skipped {skipped}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trecho_model::{Actor, Kind};

    fn event(event_type: EventType, actor: Option<&str>, confidence: f32) -> Event {
        Event {
            id: String::new(),
            doc_id: String::new(),
            published: None,
            lang: Lang::En,
            sentence: String::new(),
            span: [0, 0],
            date: None,
            date_source: None,
            actor: actor.map(|c| Actor {
                text: c.into(),
                country: Some(c.into()),
                sector: None,
                name: None,
            }),
            recipient: None,
            event_type,
            mode: None,
            quad: event_type.quad(),
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            issues: vec![],
            leverage: None,
            negated: false,
            hypothetical: false,
            speaker: None,
            attribution: None,
            reported_count: None,
            confidence,
        }
    }

    fn gold(event_type: &str, actor: Option<&str>) -> GoldEvent {
        GoldEvent {
            event_type: Some(event_type.into()),
            actor: actor.map(|c| GoldActor {
                text: Some(c.into()),
                country: Some(c.into()),
            }),
            recipient: None,
            kind: None,
            speech_act: None,
            hypothetical: None,
        }
    }

    #[test]
    fn each_gold_event_matches_once_and_countries_are_scored_on_matched_pairs() {
        let mut tally = Tally::default();
        let g1 = gold("AGREE", Some("HUN"));
        let g2 = gold("AGREE", Some("ROU"));
        let g3 = gold("ASSAULT", None);
        let gold_events = [&g1, &g2, &g3];
        let predictions = [
            event(EventType::Agree, Some("ROU"), 0.9),
            event(EventType::Agree, Some("ROU"), 0.8),
            event(EventType::Agree, Some("ROU"), 0.7),
            event(EventType::Reject, None, 0.5),
        ];
        let pairs = score_events(&mut tally, &gold_events, &predictions);
        // The most confident ROU prediction takes the ROU gold event, the next one the HUN event.
        assert_eq!(pairs, [(1, 0), (0, 1)]);
        let r = &tally.report;
        assert_eq!((r.gold, r.predicted, r.matched), (3, 4, 2));
        // Both AGREE gold events have a country; one of the two matched pairs agrees.
        assert_eq!((r.actor_pairs, tally.actor_equal), (2, 1));
        assert_eq!(r.confusion["ASSAULT"]["AGREE"], 1);
        assert_eq!(r.confusion["none"]["REJECT"], 1);
    }

    #[test]
    fn empty_gold_and_no_prediction_is_not_a_miss() {
        let mut tally = Tally::default();
        assert!(score_events(&mut tally, &[], &[]).is_empty());
        assert_eq!(tally.report.gold, 0);
    }

    const EXPECTED_PARTS: [Part; 6] = [
        Part::Test,
        Part::Test,
        Part::Dev,
        Part::Dev,
        Part::Test,
        Part::Test,
    ];

    #[test]
    fn the_split_rule_is_frozen() {
        // These ids and their parts were fixed when the rule was committed; a change of the
        // rule would move test items into development.
        let parts: Vec<Part> = [
            "modern-dev-en-0001",
            "modern-dev-en-0002",
            "modern-dev-en-0003",
            "modern-dev-es-0001",
            "modern-dev-es-0002",
            "PLOVER-GSR01-AGREE-0001",
        ]
        .iter()
        .map(|id| part_of("modern_dev", id))
        .collect();
        assert_eq!(parts, EXPECTED_PARTS);
        assert_eq!(part_of("up_spanish_protest", "x"), Part::Dev);
        let test = (0..10_000)
            .filter(|n| part_of("s", &format!("item-{n:05}")) == Part::Test)
            .count();
        assert!(
            (2_850..3_150).contains(&test),
            "{test} of 10,000 in the test part"
        );
    }

    #[test]
    fn modality_scores_count_hypothetical_events_coded_as_deeds() {
        let mut tally = Tally {
            modality: Some(ModalityReport::default()),
            ..Tally::default()
        };
        let mut hypothetical = gold("ASSAULT", Some("USA"));
        hypothetical.hypothetical = Some(true);
        hypothetical.kind = Some("done".into());
        let mut threat = gold("THREATEN", Some("USA"));
        threat.kind = Some("said".into());
        threat.speech_act = Some("threat".into());
        let gold_events = [&hypothetical, &threat];
        let mut said = event(EventType::Threaten, Some("USA"), 0.9);
        said.kind = Kind::Said;
        said.speech_act = Some(trecho_model::SpeechAct::Threat);
        let predictions = [event(EventType::Assault, Some("USA"), 0.9), said];
        let pairs = score_events(&mut tally, &gold_events, &predictions);
        score_modality(&mut tally, &gold_events, &predictions, &pairs);
        score_modality(&mut tally, &[], &predictions[..1], &[]);
        let m = tally.modality.unwrap();
        assert_eq!((m.hypothetical_gold, m.hypothetical_as_deeds), (1, 1));
        assert_eq!((m.kind_pairs, tally.kind_equal), (2, 2));
        assert_eq!((m.said_pairs, tally.speech_act_equal), (1, 1));
        assert_eq!((m.empty_sentences, m.empty_with_events), (1, 1));
    }

    #[test]
    fn phoenix_convention_moves_sanction_and_concede() {
        assert_eq!(
            phoenix_quad(&event(EventType::Sanction, None, 0.9)),
            Some(Quad::VerbalConflict)
        );
        assert_eq!(
            phoenix_quad(&event(EventType::Concede, None, 0.9)),
            Some(Quad::MaterialCooperation)
        );
        assert_eq!(
            phoenix_quad(&event(EventType::Assault, None, 0.9)),
            Some(Quad::MaterialConflict)
        );
        let mut appeal = event(EventType::Request, None, 0.9);
        appeal.speech_act = Some(trecho_model::SpeechAct::Appeal);
        assert_eq!(phoenix_quad(&appeal), None);
    }
}
