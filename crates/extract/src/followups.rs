//! Threats made by reference to earlier words, which no trigger of their own sentence names:
//!
//! - An approval of the act the previous sentence asked about: "“Would I launch strikes in
//!   Mexico to stop drugs? It’s OK with me,” Trump told reporters" → Trump threatens ASSAULT
//!   against Mexico. The question alone stays hypothetical; the answer makes it a threat.
//! - The elliptical consequence of a condition: "if Mexico does not act against the cartels,
//!   the United States will." → the United States threatens Mexico with the act the condition
//!   names or, when it names none, with the content of the document's last hostile threat. The
//!   threat is conditional, so hypothetical.
//!
//! Both are English only: Spanish answers and ellipses take other shapes ("Claro que sí", "lo
//! hará Estados Unidos") that the gold data does not show.

use crate::events::{first_act, threat_mode, Found};
use crate::pronouns::Referents;
use crate::tokens::Tokens;
use trecho_actors::ActorMention;
use trecho_model::{Actor, EventType, Kind, Lang, SpeechAct};

/// A hostile threat an earlier sentence of the document made (kept by the discourse).
#[derive(Debug, Clone)]
pub struct EarlierThreat {
    /// What was threatened.
    pub content: EventType,
    /// Against whom.
    pub recipient: Option<Actor>,
}

/// A first-person question about a hostile act ("Would I launch strikes in Mexico?").
#[derive(Debug, Clone)]
pub struct Question {
    /// The act asked about.
    pub content: EventType,
    /// The first country named after the act ("in Mexico").
    pub recipient: Option<Actor>,
}

/// Openings of an answer that approves the act just asked about.
const APPROVALS: &[&str] = &[
    "it's ok with me",
    "it is ok with me",
    "that's ok with me",
    "that is ok with me",
    "it's fine with me",
    "it is fine with me",
    "that's fine with me",
    "i'm ok with that",
    "i am ok with that",
    "i would",
    "i'd do it",
    "i will",
    "sure",
    "absolutely",
    "yes",
    "of course",
    "why not",
];

/// Cues of a negated condition ("if Mexico does not act", "if they fail to", "if they won't").
const CONDITION_NEGATIONS: &[&str] = &[
    "not", "n't", "never", "fails", "fail", "refuses", "refuse", "won't", "doesn't", "don't",
    "didn't", "can't", "cannot",
];

/// The question a sentence asks, if it is a first-person question ("Would I …?", "Should we
/// …?") about a hostile act.
pub fn question(sentence: &str, lang: Lang, mentions: &[ActorMention]) -> Option<Question> {
    if lang != Lang::En {
        return None;
    }
    let trimmed = sentence.trim_end_matches(['"', '”', '’', '\'', ' ', ')']);
    if !trimmed.ends_with('?') {
        return None;
    }
    let tokens = Tokens::new(sentence);
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens.list[k].is_word)
        .take(2)
        .collect();
    let [modal, person] = words.as_slice() else {
        return None;
    };
    if !matches!(
        tokens.norm(*modal),
        "would" | "will" | "should" | "could" | "shall" | "do" | "can"
    ) || !matches!(tokens.norm(*person), "i" | "we")
    {
        return None;
    }
    let (content, at) = first_act(sentence, lang, mentions)?;
    if !crate::hostile_content(content) {
        return None;
    }
    let recipient = mentions
        .iter()
        .find(|m| m.start >= at && m.actor.country.is_some())
        .map(|m| m.actor.clone());
    Some(Question { content, recipient })
}

/// "It's OK with me," Trump told reporters: the speaker approves the act the previous
/// sentence's question raised, which makes it the speaker's threat.
pub fn approval(sentence: &str, question: &Question, referents: &Referents) -> Option<Found> {
    let opening = opening_words(sentence, 5);
    let phrase = APPROVALS
        .iter()
        .find(|phrase| opening == **phrase || opening.starts_with(&format!("{phrase} ")))?;
    let actor = referents
        .speaker
        .clone()
        .or_else(|| referents.first_person.clone())?;
    let start = sentence.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
    Some(Found {
        event_type: EventType::Threaten,
        mode: threat_mode(question.content).map(str::to_string),
        kind: Kind::Said,
        speech_act: Some(SpeechAct::Threat),
        content_type: Some(question.content),
        speaker: Some(actor.text.clone()),
        actor: Some(actor),
        recipient: question.recipient.clone(),
        negated: false,
        hypothetical: false,
        trigger_start: start,
        trigger_end: (start + phrase.len()).min(sentence.len()),
        confidence: 0.7,
        steps: vec![format!(
            "answer {phrase:?} approves the act the previous question raised → THREATEN {}",
            question.content
        )],
    })
}

/// "If Mexico does not act against the cartels, the United States will.": the actor named
/// right before a closing "will" threatens, against the subject of the negated condition, the
/// act the condition names, else `earlier` (the content of the last hostile threat).
pub fn ellipsis(
    sentence: &str,
    lang: Lang,
    mentions: &[ActorMention],
    earlier: &[EarlierThreat],
    referents: &Referents,
) -> Option<Found> {
    if lang != Lang::En {
        return None;
    }
    // Most sentences are ruled out before tokenizing: the sentence ends "… will." or "… will
    // do so." / "… would do it.", and has an "if".
    let end = sentence
        .trim_end_matches(['.', '"', '”', '’', '\'', ' ', ')'])
        .to_ascii_lowercase();
    let closes = ["will", "would", "do so", "do it", "do that"]
        .iter()
        .any(|tail| end.ends_with(tail));
    if !closes || !end.contains("if ") {
        return None;
    }
    let tokens = Tokens::new(sentence);
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens.list[k].is_word)
        .collect();
    // The sentence ends "… will." or "… will do so." / "… would do it.".
    let mut last = words.len().checked_sub(1)?;
    if matches!(tokens.norm(words[last]), "so" | "it" | "that") && last >= 1 {
        if tokens.norm(words[last - 1]) != "do" {
            return None;
        }
        last = last.checked_sub(2)?;
    }
    let modal = *words.get(last)?;
    if !matches!(tokens.norm(modal), "will" | "would") {
        return None;
    }
    let modal_at = tokens.list[modal].start;
    // The threatening actor ends right before the modal.
    let actor_mention = mentions
        .iter()
        .filter(|m| m.end <= modal_at && sentence[m.end..modal_at].trim().is_empty())
        .max_by_key(|m| m.end)?;
    // A condition opened by "if" before it, negated.
    let if_idx = (0..modal).rev().find(|&k| tokens.norm(k) == "if")?;
    let condition_end = (if_idx..modal)
        .find(|&k| tokens.norm(k) == ",")
        .unwrap_or(modal);
    if !(if_idx..condition_end).any(|k| CONDITION_NEGATIONS.contains(&tokens.norm(k))) {
        return None;
    }
    let condition_start = tokens.list[if_idx].start;
    let condition_stop = tokens
        .list
        .get(condition_end)
        .map_or(sentence.len(), |t| t.start);
    let recipient = mentions
        .iter()
        .find(|m| m.start >= condition_start && m.end <= condition_stop)
        .map(|m| m.actor.clone())
        .filter(|r| r.country != actor_mention.actor.country);
    let named = sentence
        .get(condition_start..condition_stop)
        .and_then(|condition| {
            let inner: Vec<ActorMention> = mentions
                .iter()
                .filter(|m| m.start >= condition_start && m.end <= condition_stop)
                .map(|m| ActorMention {
                    start: m.start - condition_start,
                    end: m.end - condition_start,
                    ..m.clone()
                })
                .collect();
            first_act(condition, lang, &inner)
        })
        .map(|(content, _)| content)
        .filter(|content| crate::hostile_content(*content));
    // With no act named, the ellipsis repeats the last threat against what the condition is
    // about ("act against the cartels" → the last threat against a criminal group), else the
    // last threat.
    let object_sector = mentions
        .iter()
        .filter(|m| m.start >= condition_start && m.end <= condition_stop)
        .nth(1)
        .and_then(|m| m.actor.sector.clone());
    let about_object = earlier.iter().rev().find(|threat| {
        object_sector.is_some()
            && threat.recipient.as_ref().and_then(|r| r.sector.clone()) == object_sector
    });
    let content = named.or_else(|| about_object.or(earlier.last()).map(|t| t.content))?;
    let mut steps = vec![format!(
        "ellipsis: {:?} closes a negated condition → THREATEN {content} ({})",
        tokens.norm(modal),
        if named.is_some() {
            "the act the condition names"
        } else if about_object.is_some() {
            "the last threat against what the condition is about"
        } else {
            "the content of the last hostile threat"
        }
    )];
    steps.push("condition → hypothetical".to_string());
    Some(Found {
        event_type: EventType::Threaten,
        mode: threat_mode(content).map(str::to_string),
        kind: Kind::Said,
        speech_act: Some(SpeechAct::Threat),
        content_type: Some(content),
        actor: Some(actor_mention.actor.clone()),
        recipient,
        negated: false,
        hypothetical: true,
        speaker: referents.speaker.as_ref().map(|s| s.text.clone()),
        trigger_start: modal_at,
        trigger_end: tokens.list[modal].end,
        confidence: 0.7,
        steps,
    })
}

/// The first `n` words of a sentence, lower-cased, with curly apostrophes made straight.
fn opening_words(sentence: &str, n: usize) -> String {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | '"' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::Dictionaries;
    use trecho_model::{Event, EventType, Kind, Lang, Normalized, Sentence, SpeechAct};

    /// Extracts a document of one sentence per string, as `run` does (with the discourse).
    fn run(sentences: &[&str]) -> Vec<Event> {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            if index > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(sentence);
            spans.push(Sentence {
                start,
                end: text.len(),
                paragraph: 0,
                lang: Lang::En,
                speaker: None,
            });
        }
        let normalized = Normalized {
            text,
            sentences: spans,
            published: chrono::NaiveDate::from_ymd_opt(2025, 12, 24),
            lang: Lang::En,
            offset_map: Vec::new(),
            diagnostics: Vec::new(),
        };
        crate::run("doc", &normalized, &Dictionaries::builtin()).events
    }

    fn threats_in<'a>(events: &'a [Event], needle: &str) -> Vec<&'a Event> {
        events
            .iter()
            .filter(|e| e.sentence.contains(needle) && e.speech_act == Some(SpeechAct::Threat))
            .collect()
    }

    #[test]
    fn an_approving_answer_makes_the_question_a_threat() {
        let events = run(&[
            "“Would I launch strikes in Mexico to stop drugs?",
            "It’s OK with me,” Trump told reporters.",
        ]);
        let threats = threats_in(&events, "OK with me");
        assert_eq!(threats.len(), 1, "{events:#?}");
        assert_eq!(threats[0].content_type, Some(EventType::Assault));
        assert_eq!(threats[0].event_type, EventType::Threaten);
        assert_eq!(threats[0].kind, Kind::Said);
        // Without the question there is nothing to approve.
        let events = run(&[
            "Trump spoke about the economy.",
            "It’s OK with me,” Trump told reporters.",
        ]);
        assert!(threats_in(&events, "OK with me").is_empty(), "{events:#?}");
        // A question about someone else's act is no first-person question.
        let events = run(&[
            "Would Mexico launch strikes on the cartels?",
            "It’s OK with me,” Trump told reporters.",
        ]);
        assert!(threats_in(&events, "OK with me").is_empty(), "{events:#?}");
    }

    #[test]
    fn an_elliptical_consequence_of_a_negated_condition_is_a_conditional_threat() {
        let earlier = "Trump said that land strikes on the cartels in Mexico would come soon.";
        let events = run(&[
            earlier,
            "Trump has said that if Mexico does not act against the cartels, the United States will.",
        ]);
        let threats = threats_in(&events, "the United States will");
        assert_eq!(threats.len(), 1, "{events:#?}");
        assert_eq!(threats[0].content_type, Some(EventType::Assault));
        assert!(threats[0].hypothetical);
        assert_eq!(
            threats[0]
                .recipient
                .as_ref()
                .and_then(|a| a.country.as_deref()),
            Some("MEX")
        );
        // A condition that is not negated is a promise of joint action, not a threat.
        let events = run(&[
            earlier,
            "Trump has said that if Mexico acts against the cartels, the United States will.",
        ]);
        assert!(threats_in(&events, "the United States will").is_empty());
        // With no earlier threat and no act named, there is nothing to repeat.
        let events = run(&[
            "Trump has said that if Mexico does not act against the cartels, the United States will.",
        ]);
        assert!(threats_in(&events, "the United States will").is_empty());
    }
}
