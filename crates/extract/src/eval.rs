//! Evaluation against gold files in the shape of `data/gold/*.jsonl`: per set and language,
//! event-type precision, recall and F1, actor and recipient country accuracy, quad accuracy for
//! quad-labelled sentences, and a confusion matrix.
//!
//! The metric: a predicted non-hypothetical event matches a gold event of the same sentence when
//! their event types are equal (each gold event used once). Precision = matched predictions /
//! predictions; recall = matched gold / gold. Actor (recipient) accuracy = the share of matched
//! pairs whose gold country is given where the predicted country is equal. Gold events with a
//! null type are not counted. A quad-labelled sentence's predicted quad is that of its most
//! confident non-hypothetical event, or none.

use crate::{extract_sentence, Dictionaries, Error};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use trecho_model::{Event, EventType, Lang, Quad};

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

/// Scores for one set and language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetReport {
    /// The set name (`plover_gsr`, `up_spanish_protest`…).
    pub set: String,
    /// Language.
    pub lang: Lang,
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

/// One sentence where prediction and gold differ.
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
}

#[derive(Debug, Deserialize)]
struct GoldActor {
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
}

/// Evaluates the extractor on gold files. Lines without `events` or `quad` (the ConfliBERT roles
/// file) are skipped and listed in `skipped`.
pub fn run(paths: &[PathBuf], dictionaries: &Dictionaries) -> Result<Report, Error> {
    let mut tallies: BTreeMap<(String, Lang), Tally> = BTreeMap::new();
    let mut report = Report::default();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let mut n_skipped = 0;
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let gold: GoldLine = serde_json::from_str(line).map_err(|err| Error::Gold {
                path: path.clone(),
                line: number + 1,
                message: format!("not a gold record: {err}"),
            })?;
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
            let tally = tallies.entry((set.clone(), lang)).or_default();
            tally.report.set = set;
            tally.report.lang = lang;
            tally.report.sentences += 1;
            let started = std::time::Instant::now();
            let predictions: Vec<Event> =
                extract_sentence(text, lang, published, None, dictionaries)
                    .into_iter()
                    .map(|(event, _)| event)
                    .filter(|event| !event.hypothetical)
                    .collect();
            tally.nanos += started.elapsed().as_nanos();
            if let Some(events) = &gold.events {
                let gold_events: Vec<&GoldEvent> = events
                    .iter()
                    .filter(|e| e.event_type.as_deref().and_then(EventType::parse).is_some())
                    .collect();
                let before = tally.report.actor_pairs - tally.actor_equal;
                let missed = score_events(tally, &gold_events, &predictions);
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
                if tally.report.actor_pairs - tally.actor_equal > before {
                    report.actor_mismatches.push(Miss {
                        id: gold.id.clone(),
                        text: text.to_string(),
                        gold: gold_events.iter().map(|e| describe_gold(e)).collect(),
                        predicted: predictions.iter().map(describe_event).collect(),
                    });
                }
                if missed {
                    report.misses.push(Miss {
                        id: gold.id.clone(),
                        text: text.to_string(),
                        gold: gold_events.iter().map(|e| describe_gold(e)).collect(),
                        predicted: predictions.iter().map(describe_event).collect(),
                    });
                }
            }
            if let Some(label) = &gold.quad {
                let label = label.as_deref().and_then(Quad::parse);
                let best = predictions
                    .iter()
                    .max_by(|a, b| a.confidence.total_cmp(&b.confidence));
                let plover = best.map(|event| event.event_type.quad());
                let phoenix = best.and_then(phoenix_quad);
                tally.quad_total += 1;
                tally.quad_plover += usize::from(plover == label);
                tally.quad_phoenix += usize::from(phoenix == label);
                if phoenix != label {
                    report.misses.push(Miss {
                        id: gold.id.clone(),
                        text: text.to_string(),
                        gold: vec![label.map_or("none", |q| q.as_str()).to_string()],
                        predicted: predictions.iter().map(describe_event).collect(),
                    });
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

/// Scores one sentence; returns whether anything was missed or extra.
fn score_events(tally: &mut Tally, gold: &[&GoldEvent], predictions: &[Event]) -> bool {
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
    n > 0
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
            "{:<26} {:>4} {:>6} {:>5} {:>5} {:>6} {:>6} {:>6} {:>13} {:>13} {:>8}",
            "set",
            "lang",
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
            let acc = |value: Option<f64>, n: usize| {
                value.map_or("-".to_string(), |v| format!("{v:.3} ({n})"))
            };
            writeln!(
                f,
                "{:<26} {:>4} {:>6} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>13} {:>13} {:>8.1}",
                set.set,
                set.lang.as_str(),
                set.sentences,
                set.gold,
                set.predicted,
                set.precision,
                set.recall,
                set.f1,
                acc(set.actor_accuracy, set.actor_pairs),
                acc(set.recipient_accuracy, set.recipient_pairs),
                set.micros_per_sentence
            )?;
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
                    "{} ({}): quad accuracy over {} sentences",
                    set.set, set.lang, quad.sentences
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
            if set.per_type.is_empty() {
                continue;
            }
            writeln!(f)?;
            writeln!(f, "{} ({}): per type (gold / predicted / matched), then confusion of unmatched events (gold → predicted)", set.set, set.lang)?;
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
                country: Some(c.into()),
            }),
            recipient: None,
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
        let missed = score_events(&mut tally, &gold_events, &predictions);
        assert!(missed);
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
        assert!(!score_events(&mut tally, &[], &[]));
        assert_eq!(tally.report.gold, 0);
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
