//! Background and bookkeeping rules applied to the events of one sentence after the clause
//! analysis: what is not an interaction between actors gives nothing, and what is said about the
//! future is words.
//!
//! - Deaths are not acts: the subject of "died" / "murieron" is a victim, so a death with no
//!   named killer is a statistic ("More than 100,000 people died last year").
//! - Words need someone who says them: a `said` event with neither actor nor speaker is a slogan
//!   or a description ("GOD BLESS AMERICA!").
//! - Coordination gives reciprocal pairs only for symmetric acts (agree, meet, talk, negotiate,
//!   fight) whose coordinated phrase is the subject; a trigger after an object list ("hold Mexico,
//!   Canada, and China accountable to their promises") is no act of the listed parties.
//! - A noun trigger that is the subject of a future or conditional verb in reported speech ("said
//!   … that land strikes on the cartels would come soon") is a threat (or a promise), not a deed.

use crate::events::Found;
use crate::pronouns::is_fragment;
use crate::tokens::Tokens;
use trecho_actors::{ActorMention, MentionKind};
use trecho_model::{Actor, EventType, Kind, Lang, SpeechAct};

/// Death words: their subject is a victim, not an actor.
const DEATH_WORDS: &[&str] = &[
    "die",
    "died",
    "dies",
    "dying",
    "death",
    "deaths",
    "dead",
    "perish",
    "perished",
    "murio",
    "murieron",
    "muere",
    "mueren",
    "fallecio",
    "fallecieron",
    "muerte",
    "muertes",
    "muertos",
];
/// Stems of symmetric acts: "X and Y agreed" means each agreed with the other.
const SYMMETRIC_STEMS: &[&str] = &[
    "agree",
    "meet",
    "met",
    "talk",
    "negotiat",
    "fight",
    "fought",
    "clash",
    "discuss",
    "consult",
    "sign",
    "cooperat",
    "collaborat",
    "confer",
    "acord",
    "reun",
    "dialog",
    "negoci",
    "convers",
    "combat",
    "enfrent",
    "pele",
    "firm",
    "cooper",
    "colabor",
    "habl",
    "pact",
    "agreement",
    "accord",
    "treaty",
    "deal",
];
/// Words after which a coordinated phrase is a subject (clause openers).
const SUBJECT_OPENERS: &[&str] = &[
    ",", "and", "that", "as", "when", "while", "both", "but", "after", "before", "since",
    "because", "if", "y", "que", "cuando", "mientras", "pero", "tras", ";", ":", "(", "\"", "“",
];
/// Words that introduce the crimes of a charge.
const CHARGE_CUES: &[&str] = &[
    "charges",
    "charged",
    "indicted",
    "indictment",
    "wanted",
    "convicted",
    "sentenced",
    "prosecuted",
    "cargos",
    "acusado",
    "acusados",
    "buscado",
    "sentenciado",
];
/// Whether the word at `k` introduces the crimes of a charge. Spanish "acusados" is also a noun
/// for the accused themselves ("Reyes y otros 21 acusados efectuaban una huelga de hambre"): it
/// introduces crimes only when "de" or "por" follows.
fn charge_cue(tokens: &Tokens, k: usize) -> bool {
    let word = tokens.norm(k);
    CHARGE_CUES.contains(&word)
        && (!matches!(word, "acusado" | "acusados") || matches!(tokens.norm(k + 1), "de" | "por"))
}
/// Whether a recipient is the actor's own forces, sent rather than aimed at: of the actor's
/// country, or a bare common noun ("troops", "soldiers") whose country only the document's
/// context supplied (and so may differ between parts of one document).
pub(crate) fn own_forces(recipient: &Actor, actor: Option<&Actor>) -> bool {
    let bare = recipient.name.is_none()
        && recipient
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    recipient.sector.as_deref() == Some("MIL")
        && (bare
            || recipient.country.is_some()
                && recipient.country == actor.and_then(|a| a.country.clone()))
}
/// Auxiliaries and copulas that follow a subject phrase.
const SUBJECT_VERBS: &[&str] = &[
    "will", "would", "is", "was", "are", "were", "has", "have", "had", "remains", "remain",
    "remained", "can", "could", "may", "must", "shall",
];
/// Verbs of handing people over.
const TRANSFER_STEMS: &[&str] = &[
    "sent",
    "send",
    "transfer",
    "extradit",
    "expel",
    "deport",
    "hand",
    "deliver",
    "surrender",
    "envi",
    "entreg",
    "expuls",
];

/// Verbs that carry a future act as their subject ("strikes would come", "tariffs will follow").
const ARRIVAL_VERBS: &[&str] = &[
    "come", "follow", "happen", "start", "begin", "arrive", "occur", "be", "take",
];

/// Applies the rules to the events of one sentence.
///
/// Spanish drops subjects ("Exigen rebaja del costo de la vida"), so words with no actor are
/// only dropped in English.
pub fn apply(sentence: &str, lang: Lang, found: &mut Vec<Found>, mentions: &[ActorMention]) {
    let tokens = Tokens::new(sentence);
    // "she agreed to send 10,000 National Guard troops north": the actor's own forces are what
    // is sent, not the party the act is aimed at.
    for event in found.iter_mut() {
        let mobilizing = event.event_type == EventType::Mobilize
            || event.content_type == Some(EventType::Mobilize);
        let own_forces = event
            .recipient
            .as_ref()
            .is_some_and(|r| own_forces(r, event.actor.as_ref()));
        if mobilizing && own_forces {
            event
                .steps
                .push("the actor's own forces are what it sends, not a recipient".to_string());
            event.recipient = None;
        }
    }
    let named = |actor: &Option<Actor>| {
        actor.as_ref().is_some_and(|a| {
            !is_fragment(a, mentions)
                && (a.name.is_some()
                    || a.sector.is_some()
                    || mentions.iter().any(|m| m.actor.text == a.text))
        })
    };
    // "Hundreds of thousands of Americans have died from fentanyl overdoses": the subject of a
    // death word is its victim, never the one who acts.
    for event in found.iter_mut() {
        let trigger = tokens.index_at(event.trigger_start);
        let subject_before = event
            .actor
            .as_ref()
            .and_then(|a| sentence.find(a.text.as_str()))
            .is_some_and(|at| at < event.trigger_start);
        if event.event_type == EventType::Assault
            && DEATH_WORDS.contains(&tokens.norm(trigger))
            && subject_before
            && event.recipient.is_none()
        {
            event.recipient = event.actor.take();
            event
                .steps
                .push("the subject of a death word is its victim".to_string());
        }
    }
    found.retain(|event| {
        let trigger = tokens.index_at(event.trigger_start);
        let word = tokens.norm(trigger);
        // A death with nobody named in the sentence is a statistic.
        if event.event_type == EventType::Assault
            && DEATH_WORDS.contains(&word)
            && !named(&event.actor)
            && mentions
                .iter()
                .all(|m| m.actor.country.is_none() && m.actor.sector.is_none())
        {
            return false;
        }
        // A passive ("fue amenazado de muerte", "was threatened") names only its target.
        let passive = trigger > 0
            && matches!(
                tokens.norm(trigger - 1),
                "fue"
                    | "fueron"
                    | "was"
                    | "were"
                    | "been"
                    | "be"
                    | "being"
                    | "sido"
                    | "son"
                    | "es"
                    | "is"
                    | "are"
            );
        if event.kind == Kind::Said
            && event.actor.is_none()
            && event.speaker.is_none()
            && !passive
            && lang == Lang::En
        {
            return false;
        }
        // Crimes named in a charge ("facing charges relating to … murder", "wanted for the 1985
        // murder of a DEA agent") are accusations of a court, not acts of the sentence.
        if event.kind == Kind::Done
            && (trigger.saturating_sub(16)..trigger).any(|k| charge_cue(&tokens, k))
        {
            return false;
        }
        // "The April Second Reciprocal Tariff date will remain in force": a trigger noun that
        // modifies the head of a subject phrase is no act.
        if event.kind == Kind::Done && !named(&event.actor) && modifier_noun(&tokens, trigger) {
            return false;
        }
        true
    });
    // "hold Mexico, Canada, and China accountable to their promises": the owners of a
    // possessed noun trigger who stand in an object list do not act in this sentence.
    found.retain(|event| {
        let trigger = tokens.index_at(event.trigger_start);
        let possessed =
            trigger > 0 && matches!(tokens.norm(trigger - 1), "their" | "its" | "his" | "her");
        let actor_at = event
            .actor
            .as_ref()
            .and_then(|a| sentence.find(a.text.as_str()))
            .map(|at| tokens.index_at(at));
        !(possessed && actor_at.is_some_and(|at| at < trigger && in_object(&tokens, sentence, at)))
    });
    coordination(&tokens, found);
    custody(&tokens, found, mentions);
    transfer_destination(&tokens, found, mentions);
    passive_handover_sender(&tokens, found, mentions);
    for event in found.iter_mut() {
        future_subject(&tokens, event);
    }
    // Pronoun and fragment rules may have left an event with no side at all: no event.
    found.retain(|event| {
        event.actor.is_some() || event.recipient.is_some() || crate::events::crowd_protest(event)
    });
}

/// Whether the trigger at `trigger` is a noun modifying the next word, itself followed by the
/// verb of the clause ("Tariff date will remain").
fn modifier_noun(tokens: &Tokens, trigger: usize) -> bool {
    let next = tokens.norm(trigger + 1);
    let verb = tokens.norm(trigger + 2);
    tokens.list.get(trigger + 1).is_some_and(|t| t.is_word)
        && next.len() > 2
        && !SUBJECT_VERBS.contains(&next)
        && !matches!(
            next,
            "on" | "against" | "by" | "of" | "to" | "and" | "in" | "for" | "with"
        )
        && SUBJECT_VERBS.contains(&verb)
}

/// "It has sent 55 cartel figures to the United States": the country after "to" receives the
/// people handed over.
fn transfer_destination(tokens: &Tokens, found: &mut [Found], mentions: &[ActorMention]) {
    let Some(verb) = (0..tokens.len()).find(|&k| {
        TRANSFER_STEMS
            .iter()
            .any(|stem| tokens.norm(k).starts_with(stem))
    }) else {
        return;
    };
    let to = (verb + 1..(verb + 10).min(tokens.len()))
        .find(|&k| matches!(tokens.norm(k), "to" | "a" | "hacia"));
    let Some(after) = to.and_then(|k| tokens.list.get(k)).map(|t| t.end) else {
        return;
    };
    let Some(destination) = mentions
        .iter()
        .find(|m| m.start > after && m.start <= after + 6 && m.kind == MentionKind::Country)
    else {
        return;
    };
    let verb_start = tokens.list.get(verb).map_or(0, |t| t.start);
    for event in found.iter_mut() {
        if event.event_type != EventType::Cooperate
            || event.kind != Kind::Done
            || event.trigger_start < verb_start
        {
            continue;
        }
        if event
            .actor
            .as_ref()
            .is_some_and(|a| a.country == destination.actor.country)
            || event
                .recipient
                .as_ref()
                .is_some_and(|r| r.text == destination.actor.text)
        {
            continue;
        }
        event.steps.push(format!(
            "handed over to {:?}: recipient",
            destination.actor.text
        ));
        event.recipient = Some(destination.actor.clone());
    }
}

/// "Last night, 29 Mexican Cartel Members were extradited to the United States": a passive
/// handover with no agent is done by the country the people come from, named as their
/// nationality before the verb ("Mexican"), when it is not the receiving side.
fn passive_handover_sender(tokens: &Tokens, found: &mut [Found], mentions: &[ActorMention]) {
    for event in found.iter_mut() {
        if event.event_type != EventType::Cooperate
            || event.kind != Kind::Done
            || event.actor.is_some()
        {
            continue;
        }
        let trigger = tokens.index_at(event.trigger_start);
        let handover = TRANSFER_STEMS
            .iter()
            .any(|stem| tokens.norm(trigger).starts_with(stem));
        let passive = trigger > 0 && matches!(tokens.norm(trigger - 1), "was" | "were" | "been");
        if !handover || !passive {
            continue;
        }
        let receiver = event.recipient.as_ref().and_then(|r| r.country.clone());
        let Some(sender) = mentions.iter().find(|m| {
            m.end <= event.trigger_start && m.actor.country.is_some() && m.actor.country != receiver
        }) else {
            continue;
        };
        event.steps.push(format!(
            "passive handover of {:?}: their country sends them",
            sender.actor.text
        ));
        event.actor = Some(trecho_model::Actor {
            text: sender.actor.text.clone(),
            country: sender.actor.country.clone(),
            sector: None,
            name: None,
        });
    }
}

/// "The United States secured custody of 29 defendants from Mexico": the side that hands the
/// prisoners over acts (PLOVER COOPERATE by the sender, as for extraditions and expulsions); the
/// receiving side, the grammatical subject, is the recipient.
fn custody(tokens: &Tokens, found: &mut Vec<Found>, mentions: &[ActorMention]) {
    let Some(custody) = (1..tokens.len()).find(|&k| {
        tokens.norm(k) == "custody"
            && (k.saturating_sub(3)..k).any(|j| {
                let word = tokens.norm(j);
                ["secur", "took", "take", "receiv", "gain", "assum", "obtain"]
                    .iter()
                    .any(|stem| word.starts_with(stem))
            })
    }) else {
        return;
    };
    let from = (custody + 1..(custody + 12).min(tokens.len())).find(|&k| tokens.norm(k) == "from");
    let sender = from.and_then(|k| {
        let after = tokens.list.get(k).map(|t| t.end)?;
        mentions
            .iter()
            .find(|m| m.start >= after && m.start <= after + 8 && m.actor.country.is_some())
    });
    let Some(sender) = sender else { return };
    let custody_start = tokens.list.get(custody).map_or(0, |t| t.start);
    let mut converted = false;
    for event in found.iter_mut() {
        // Only the event of the custody clause: its trigger lies between the subject and "from".
        if event.trigger_start > custody_start
            || event
                .actor
                .as_ref()
                .is_some_and(|a| a.country == sender.actor.country)
        {
            continue;
        }
        event.steps.push(format!(
            "custody received from {:?}: COOPERATE by the sender",
            sender.actor.text
        ));
        event.recipient = event.actor.take();
        event.actor = Some(sender.actor.clone());
        event.event_type = EventType::Cooperate;
        event.kind = Kind::Done;
        event.speech_act = None;
        event.content_type = None;
        event.mode = None;
        converted = true;
    }
    if converted {
        return;
    }
    // No trigger in the clause: the receiving side is the nearest actor before "custody".
    let receiver = mentions.iter().rev().find(|m| {
        m.end <= custody_start
            && m.actor.country.is_some()
            && m.actor.country != sender.actor.country
    });
    let Some(receiver) = receiver else { return };
    let custody_end = tokens.list.get(custody).map_or(custody_start, |t| t.end);
    found.insert(
        0,
        Found {
            event_type: EventType::Cooperate,
            mode: None,
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            actor: Some(sender.actor.clone()),
            recipient: Some(receiver.actor.clone()),
            negated: false,
            hypothetical: false,
            speaker: None,
            trigger_start: custody_start,
            trigger_end: custody_end,
            confidence: 0.8,
            steps: vec![format!(
                "custody of people from {:?} received by {:?}: COOPERATE by the sender",
                sender.actor.text, receiver.actor.text
            )],
        },
    );
}

/// Keeps reciprocal pairs only for symmetric acts with the coordinated phrase as subject.
fn coordination(tokens: &Tokens, found: &mut Vec<Found>) {
    let reciprocal = |event: &Found| {
        event
            .steps
            .iter()
            .any(|s| s == "coordination: reciprocal pair")
    };
    if !found.iter().any(reciprocal) {
        return;
    }
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for event in found.drain(..) {
        if !reciprocal(&event) {
            kept.push(event);
            continue;
        }
        // Any word of the trigger decides: "reached a new agreement" is as symmetric as "agreed".
        let first = tokens.index_at(event.trigger_start);
        let end = tokens.index_before(event.trigger_end).max(first + 1);
        let symmetric = (first..end).any(|k| {
            let word = tokens.norm(k);
            SYMMETRIC_STEMS.iter().any(|stem| word.starts_with(stem))
        });
        if symmetric {
            kept.push(event);
            continue;
        }
        // A non-symmetric act by several subjects: one event per actor, aimed at nobody named.
        let mut event = event;
        event.recipient = None;
        event.steps.retain(|s| s != "coordination: reciprocal pair");
        event
            .steps
            .push("coordination: not a symmetric act, no reciprocal pair".to_string());
        if !kept.iter().any(|k| {
            k.actor == event.actor
                && k.trigger_start == event.trigger_start
                && k.recipient.is_none()
        }) {
            kept.push(event);
        }
    }
    *found = kept;
}

/// Whether the phrase starting at token `start` sits after a verb or preposition (an object),
/// not at the opening of a clause.
fn in_object(tokens: &Tokens, sentence: &str, start: usize) -> bool {
    let mut idx = start;
    while idx > 0 {
        idx -= 1;
        let word = tokens.norm(idx);
        let Some(token) = tokens.list.get(idx) else {
            return false;
        };
        let capitalized = sentence
            .get(token.start..token.end)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        // Walk back over the list itself ("Mexico, Canada, and China") to what comes before it.
        if matches!(
            word,
            "the" | "el" | "la" | "los" | "las" | "," | "and" | "y"
        ) || capitalized
        {
            continue;
        }
        if SUBJECT_OPENERS.contains(&word) {
            return false;
        }
        return token.is_word;
    }
    false
}

/// "… said that land strikes on the cartels would come soon": a noun trigger followed in its
/// clause by a future or conditional verb of arrival is an announced act, words not deeds.
fn future_subject(tokens: &Tokens, event: &mut Found) {
    if event.kind != Kind::Done || event.hypothetical {
        return;
    }
    let trigger = tokens.index_at(event.trigger_start);
    let after = tokens.index_before(event.trigger_end).max(trigger + 1);
    let limit = (after + 10).min(tokens.len());
    let mut cue = None;
    for idx in after..limit {
        let word = tokens.norm(idx);
        if matches!(
            word,
            "." | ";" | ":" | "," | "and" | "but" | "that" | "which"
        ) {
            break;
        }
        if matches!(word, "would" | "will" | "'ll" | "shall")
            || (word == "going" && tokens.norm(idx + 1) == "to")
        {
            let verb = (idx + 1..(idx + 4).min(tokens.len()))
                .map(|k| tokens.norm(k))
                .find(|w| !matches!(*w, "soon" | "not" | "n't" | "to" | "also" | "now" | "still"));
            if verb.is_some_and(|v| ARRIVAL_VERBS.contains(&v)) {
                cue = Some(word.to_string());
            }
            break;
        }
    }
    let Some(cue) = cue else { return };
    let content = event.event_type;
    let conflict = matches!(
        content,
        EventType::Protest
            | EventType::Sanction
            | EventType::Mobilize
            | EventType::Coerce
            | EventType::Assault
    );
    event.kind = Kind::Said;
    event.content_type = Some(content);
    if conflict {
        event.event_type = EventType::Threaten;
        event.speech_act = Some(SpeechAct::Threat);
        event.mode = match content {
            EventType::Assault | EventType::Mobilize => Some("violence".to_string()),
            EventType::Sanction => Some("sanction".to_string()),
            EventType::Coerce => Some("restrict".to_string()),
            _ => None,
        };
    } else {
        event.event_type = EventType::Agree;
        event.speech_act = Some(SpeechAct::Promise);
        event.mode = None;
    }
    event.steps.push(format!(
        "act as the subject of {cue:?} → {} {} with content {content}",
        event.event_type,
        event.speech_act.map(|s| s.as_str()).unwrap_or("")
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_lists_are_not_subjects() {
        let sentence = "Trump is taking action to hold Mexico, Canada, and China accountable to their promises.";
        let tokens = Tokens::new(sentence);
        let start = tokens.index_at(sentence.find("Mexico").unwrap_or(0));
        assert!(in_object(&tokens, sentence, start));
        let sentence = "Today, Mexico and Canada agreed to talks.";
        let tokens = Tokens::new(sentence);
        let start = tokens.index_at(sentence.find("Mexico").unwrap_or(0));
        assert!(!in_object(&tokens, sentence, start));
    }

    #[test]
    fn the_accused_as_a_noun_names_no_charge() {
        let cue = |sentence: &str, word: &str| {
            let tokens = Tokens::new(sentence);
            let at = tokens.index_at(sentence.find(word).unwrap_or(0));
            charge_cue(&tokens, at)
        };
        assert!(cue("Fue acusado de asesinato.", "acusado"));
        assert!(cue("Los acusados por el secuestro huyeron.", "acusados"));
        assert!(cue("He was charged with murder.", "charged"));
        assert!(!cue(
            "Reyes y otros 21 acusados efectuaban una huelga de hambre.",
            "acusados"
        ));
    }
}
