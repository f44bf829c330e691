//! Pronoun and fragment actors: "I", "we", "she", "he" as the subject of a trigger resolve to
//! someone named (the transcript speaker, the speaker of the sentence's reporting verb, the
//! document's author for first-person posts, the person the previous sentences named), and
//! subject fragments that name nobody ("I just", "We further", "That means", "None of the",
//! "Would I", "Cooperation") are never kept as actors.
//!
//! The state that crosses sentences lives in [`Discourse`]: `run` keeps one per document and
//! updates it after every sentence.

use crate::events::Found;
use crate::tokens::Tokens;
use trecho_actors::{ActorDictionary, ActorMention, MentionKind, ResolveContext};
use trecho_model::{Actor, EventType, Kind, Lang, Normalized, SpeechAct};

/// What earlier sentences of a document tell about later pronouns.
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    /// The author of a first-person post or statement: a person named by the document's first
    /// line ("President Donald J. Trump, post on Truth Social").
    pub author: Option<Actor>,
    /// The person most recently named (or resolved) as a speaker or subject: the antecedent of
    /// "he" and "she".
    pub last_person: Option<Actor>,
    /// How many sentences ago `last_person` was seen; antecedents fade after a few sentences.
    age: usize,
    /// The content and actor of the last threat or announced act: what "them", "it" or "that"
    /// refer to in a red line that follows ("Mexico will not allow them").
    pub last_threat: Option<(EventType, Option<Actor>)>,
    /// The last hostile threats of the document, oldest first (at most [`crate::THREATS_REMEMBERED`]): what
    /// an elliptical "the United States will" repeats.
    pub threats: Vec<crate::followups::EarlierThreat>,
    /// The first-person question about a hostile act the previous sentence asked, if any: what
    /// an answer like "It's OK with me" approves.
    pub last_question: Option<crate::followups::Question>,
    /// The last few sentences, most recent first: where a vague "its commitments" finds its
    /// issue.
    pub recent: Vec<String>,
    /// The country named first by the last sentence that named one: what "it" stands for
    /// ("On almost everything else, Mexico has moved. It has sent 55 cartel figures…").
    last_country: Option<(Actor, usize)>,
}

/// Sentences kept for issues a later sentence refers to vaguely.
const RECENT_SENTENCES: usize = 3;

/// Sentences after which a named person no longer stands behind "he"/"she".
const MAX_AGE: usize = 4;

/// Words of a first line that say the document is someone's own words.
const AUTHOR_CUES: &[&str] = &[
    "post",
    "posted",
    "statement",
    "remarks",
    "interview",
    "message",
    "letter",
    "tweet",
    "truth",
    "speech",
    "address",
    "op-ed",
    "declaracion",
    "mensaje",
    "discurso",
    "conferencia",
    "publicacion",
    "entrevista",
];

const FIRST_PERSON: &[&str] = &["i", "we", "yo", "nosotros", "nosotras"];
/// "él" folds to "el", the article: only "ella" is safe in Spanish.
const THIRD_PERSON: &[&str] = &["he", "she", "ella"];
/// Heads that make a subject phrase a fragment, never an actor: pronouns, demonstratives used
/// alone, quantifiers of nothing, inverted auxiliaries of a question, adverbs that open a clause.
const FRAGMENT_HEADS: &[&str] = &[
    "i",
    "we",
    "you",
    "he",
    "she",
    "it",
    "they",
    "me",
    "us",
    "him",
    "them",
    "that",
    "this",
    "so",
    "none",
    "nothing",
    "nobody",
    "no",
    "would",
    "could",
    "should",
    "will",
    "can",
    "do",
    "does",
    "did",
    "is",
    "are",
    "there",
    "here",
    "what",
    "how",
    "why",
    "when",
    "where",
    "each",
    "anybody",
    "anyone",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "god",
    "yo",
    "nosotros",
    "ella",
    "ellos",
    "ellas",
    "eso",
    "esto",
    "nadie",
    "nada",
    "cada",
    "dios",
    "it's",
    "that's",
    "there's",
];
/// Words that may stand between a subject and its verb.
const BETWEEN: &[&str] = &[
    "just",
    "further",
    "also",
    "then",
    "now",
    "still",
    "already",
    "immediately",
    "again",
    "have",
    "has",
    "had",
    "will",
    "would",
    "'ll",
    "'ve",
    "'d",
    "did",
    "do",
    "does",
    "not",
    "n't",
    "never",
    "can",
    "could",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "only",
    "even",
    "all",
    "both",
    "ya",
    "no",
    "tambien",
    "se",
    "le",
    "les",
    "lo",
    "la",
    "nos",
    "ha",
    "han",
    "hemos",
    "he",
];
/// Abstract nouns do not act ("Cooperation is welcome"); these endings mark them in English.
const ABSTRACT_ENDINGS: &[&str] = &["tion", "ment", "ness", "ity", "ance", "ence", "ism", "ship"];
/// Collective nouns with those endings that do act.
const ACTING_ABSTRACTS: &[&str] = &[
    "administration",
    "opposition",
    "population",
    "organization",
    "organisation",
    "delegation",
    "commission",
    "coalition",
    "federation",
    "association",
    "government",
    "parliament",
    "movement",
    "department",
    "authority",
    "community",
    "majority",
    "minority",
    "leadership",
    "presidency",
    "embassy",
    "agency",
    "alliance",
    "convention",
    "nation",
    "union",
];

impl Discourse {
    /// Reads the start of a document: a short first sentence that names a person and says the
    /// text is a post, statement or interview makes that person the author.
    pub fn new(
        normalized: &Normalized,
        actors: &ActorDictionary,
        resolve: &ResolveContext,
    ) -> Discourse {
        let mut discourse = Discourse::default();
        let Some(first) = normalized.sentences.first() else {
            return discourse;
        };
        let Some(text) = normalized.text.get(first.start..first.end) else {
            return discourse;
        };
        discourse.author = author_of(text, actors, resolve);
        discourse
    }

    /// Keeps `sentence` as the most recent one (at most [`RECENT_SENTENCES`] are kept).
    pub fn remember(&mut self, sentence: &str) {
        let mut slot = if self.recent.len() >= RECENT_SENTENCES {
            self.recent.pop().unwrap_or_default()
        } else {
            String::new()
        };
        slot.clear();
        slot.push_str(sentence);
        self.recent.insert(0, slot);
    }

    /// The person "he" or "she" stands for now.
    pub fn antecedent(&self) -> Option<&Actor> {
        self.last_person.as_ref().filter(|_| self.age <= MAX_AGE)
    }

    /// Called after each sentence: remembers the person it names (or the resolved speaker) and
    /// the threat it makes.
    pub fn update(&mut self, mentions: &[ActorMention], referents: &Referents, found: &[Found]) {
        self.age += 1;
        if let Some((_, age)) = self.last_country.as_mut() {
            *age += 1;
        }
        if let Some(country) = mentions.iter().find(|m| m.kind == MentionKind::Country) {
            self.last_country = Some((country.actor.clone(), 0));
        }
        let named = mentions
            .iter()
            .find(|m| m.kind == MentionKind::Person)
            .map(|m| m.actor.clone());
        if let Some(person) = referents
            .speaker
            .clone()
            .filter(|a| a.name.is_some())
            .or(named)
        {
            self.last_person = Some(person);
            self.age = 0;
        }
        let threat = found.iter().find(|event| {
            event.kind == Kind::Said
                && event.speech_act == Some(SpeechAct::Threat)
                && !event.negated
        });
        // Only a hostile act can be ruled out by a later red line ("we will not allow them");
        // a threat whose content came out as a concession is no antecedent.
        if let Some(content) = threat
            .and_then(|event| event.content_type)
            .filter(|c| crate::hostile_content(*c))
        {
            self.last_threat = Some((content, threat.and_then(|event| event.actor.clone())));
        }
        for event in found {
            let Some(content) = event.content_type.filter(|c| crate::hostile_content(*c)) else {
                continue;
            };
            if event.kind == Kind::Said
                && event.speech_act == Some(SpeechAct::Threat)
                && !event.negated
            {
                if self.threats.len() == crate::THREATS_REMEMBERED {
                    self.threats.remove(0);
                }
                self.threats.push(crate::followups::EarlierThreat {
                    content,
                    recipient: event.recipient.clone(),
                });
            }
        }
    }
}

/// The author named by a document's first line, if it reads like a heading of someone's own
/// words.
pub fn author_of(
    first_line: &str,
    actors: &ActorDictionary,
    resolve: &ResolveContext,
) -> Option<Actor> {
    let tokens = Tokens::new(first_line);
    let words = (0..tokens.len())
        .filter(|&k| tokens.list[k].is_word)
        .count();
    if words == 0 || words > 16 {
        return None;
    }
    let cue = (0..tokens.len()).any(|k| AUTHOR_CUES.contains(&tokens.norm(k)));
    if !cue {
        return None;
    }
    let mentions = actors.find(first_line, resolve);
    let person = mentions
        .into_iter()
        .find(|m| m.kind == MentionKind::Person)?;
    Some(person.actor)
}

/// Who the pronouns of one sentence stand for.
#[derive(Debug, Clone, Default)]
pub struct Referents {
    /// Who says "I" and "we".
    pub first_person: Option<Actor>,
    /// Who "he" and "she" stand for.
    pub third_person: Option<Actor>,
    /// The speaker of the sentence's reporting verb, when it was found (named or resolved).
    pub speaker: Option<Actor>,
    /// The speech act the sentence reports about a pronoun object: what "them" or "it" refers to.
    pub earlier_threat: Option<(EventType, Option<Actor>)>,
    /// What "it" stands for: the country the previous sentence named.
    pub it: Option<Actor>,
}

/// The referents of a sentence: "I"/"we" are the transcript speaker, else the speaker of the
/// sentence's reporting verb (a named one, or "she"/"he" resolved through the discourse), else
/// the document's author; "he"/"she" are the person named last.
pub fn referents(
    sentence: &str,
    lang: Lang,
    transcript_speaker: Option<&Actor>,
    discourse: Option<&Discourse>,
    actors: &ActorDictionary,
    resolve: &ResolveContext,
) -> Referents {
    let third_person = discourse.and_then(Discourse::antecedent).cloned();
    let mut speaker = None;
    let tokens = Tokens::new(sentence);
    let speaks = (0..tokens.len()).any(|k| {
        let word = tokens.norm(k);
        FIRST_PERSON.contains(&word)
            || (lang == Lang::En && matches!(word, "said" | "says" | "told" | "wrote" | "saying"))
    });
    if speaks {
        if pronoun_speaker(&tokens) {
            speaker = third_person.clone();
        } else if let Some(text) = crate::attribution::find(sentence, lang).speaker {
            if let Some(mention) = actors.lookup(&text, resolve) {
                speaker = Some(Actor {
                    text,
                    ..mention.actor
                });
            }
        }
    }
    let first_person = transcript_speaker
        .cloned()
        .or_else(|| speaker.clone())
        .or_else(|| discourse.and_then(|d| d.author.clone()));
    let it = discourse
        .and_then(|d| d.last_country.as_ref())
        .filter(|(_, age)| *age == 0)
        .map(|(actor, _)| actor.clone());
    Referents {
        first_person,
        third_person,
        speaker,
        earlier_threat: discourse.and_then(|d| d.last_threat.clone()),
        it,
    }
}

/// Whether the sentence reports words whose speaker is "she" or "he" ("…,” she said").
fn pronoun_speaker(tokens: &Tokens) -> bool {
    // "he went further, saying …": the pronoun is the subject of a participle of saying.
    let saying_after = |k: usize| {
        (k + 1..(k + 7).min(tokens.len())).any(|j| {
            matches!(
                tokens.norm(j),
                "saying" | "adding" | "writing" | "telling" | "warning" | "diciendo"
            )
        })
    };
    (0..tokens.len()).any(|k| THIRD_PERSON.contains(&tokens.norm(k)) && saying_after(k))
        || (0..tokens.len()).any(|k| {
            THIRD_PERSON.contains(&tokens.norm(k))
                && matches!(
                    tokens.norm(k + 1),
                    "said"
                        | "says"
                        | "told"
                        | "added"
                        | "wrote"
                        | "has"
                        | "dijo"
                        | "afirmo"
                        | "senalo"
                        | "explico"
                        | "aseguro"
                )
                && (tokens.norm(k + 1) != "has"
                    || matches!(
                        tokens.norm(k + 2),
                        "said" | "answered" | "insisted" | "argued"
                    ))
        })
}

/// Replaces pronoun and fragment actors of the events of one sentence.
///
/// `mentions` are the sentence's actor mentions (an actor that is one of them is named, not a
/// fragment).
pub fn resolve(
    sentence: &str,
    found: &mut Vec<Found>,
    mentions: &[ActorMention],
    referents: &Referents,
) {
    let tokens = Tokens::new(sentence);
    let mut keep = vec![true; found.len()];
    let first_at = |pronoun: &str| (0..tokens.len()).find(|&k| tokens.norm(k) == pronoun);
    let contrast = match (first_at("he"), first_at("she")) {
        (Some(he), Some(she)) => Some(if he < she { "she" } else { "he" }),
        _ => None,
    };
    for (index, event) in found.iter_mut().enumerate() {
        red_line_object(&tokens, event, referents);
        red_line_by_negation(&tokens, event, referents);
        let trigger = tokens.index_at(event.trigger_start);
        let pronoun =
            subject_pronoun(&tokens, trigger).or_else(|| initial_pronoun(&tokens, sentence, event));
        let fragment = event
            .actor
            .as_ref()
            .is_some_and(|actor| is_fragment(actor, mentions));
        let Some((word, at)) = pronoun else {
            if fragment {
                let text = event
                    .actor
                    .as_ref()
                    .map(|a| a.text.clone())
                    .unwrap_or_default();
                event.steps.push(format!(
                    "actor {text:?}: a fragment that names nobody, dropped"
                ));
                event.actor = None;
            }
            continue;
        };
        // The pronoun right before the verb is its subject, whatever phrase came earlier ("The
        // farmers I met"). "she" after a named person of the same sentence is the first one named (the subject).
        let first_named = mentions
            .iter()
            .find(|m| m.kind == MentionKind::Person && m.end <= at)
            .map(|m| &m.actor);
        // "Trump threatened…, and he held off only after she agreed…": "he" and "she" in one
        // sentence are two people, so the later of the two is the last one named who is not
        // the first.
        let local_person = if contrast == Some(word.as_str()) {
            mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Person && m.end <= at)
                .map(|m| &m.actor)
                .rfind(|a| first_named.is_none_or(|f| f.name != a.name))
        } else {
            first_named
        };
        let referent = if FIRST_PERSON.contains(&word.as_str()) {
            referents.first_person.as_ref()
        } else if THIRD_PERSON.contains(&word.as_str()) {
            local_person.or(referents.third_person.as_ref())
        } else if matches!(word.as_str(), "it" | "that" | "this")
            && event.speech_act == Some(SpeechAct::RedLine)
        {
            // "It is not going to happen," she said: "it" is what is ruled out (see
            // `red_line_object`); the one ruling it out is the speaker.
            referents
                .speaker
                .as_ref()
                .or(referents.third_person.as_ref())
        } else if word == "it" {
            referents.it.as_ref()
        } else {
            None
        };
        match referent {
            Some(actor) => {
                if event
                    .actor
                    .as_ref()
                    .is_some_and(|a| a.name.is_some() && a.name == actor.name)
                {
                    continue;
                }
                event.steps.push(format!(
                    "pronoun {word:?}: actor is {:?}",
                    actor.name.as_deref().unwrap_or(&actor.text)
                ));
                // "I spoke with President Sheinbaum" said by Sheinbaum herself is no event
                // between two sides.
                if event
                    .recipient
                    .as_ref()
                    .is_some_and(|r| same_person(r, actor))
                {
                    event.recipient = None;
                }
                event.actor = Some(actor.clone());
            }
            None if FIRST_PERSON.contains(&word.as_str()) && event.kind == Kind::Done => {
                // An "I" nobody stands behind is the writer (a reporter's travel): no party.
                keep[index] = false;
            }
            // With no antecedent, a named actor the clause analysis found stays ("Russia said it
            // would…" → Russia); a fragment goes.
            None if fragment => {
                event
                    .steps
                    .push(format!("pronoun {word:?} with no antecedent: no actor"));
                event.actor = None;
            }
            None => {}
        }
    }
    for event in found.iter_mut() {
        red_line_against_threatener(event, referents);
        promise_to_the_author(event, referents);
    }
    let mut index = 0;
    found.retain(|_| {
        index += 1;
        keep.get(index - 1).copied().unwrap_or(true)
    });
}

/// "I just spoke with President Sheinbaum … she agreed to immediately supply 10,000 soldiers":
/// in someone's own account of a conversation, another side's promise with no recipient of
/// its own (or only its own side) is made to the one telling it.
fn promise_to_the_author(event: &mut Found, referents: &Referents) {
    if event.kind != Kind::Said || event.speech_act != Some(SpeechAct::Promise) {
        return;
    }
    let (Some(actor), Some(author)) = (event.actor.as_ref(), referents.first_person.as_ref())
    else {
        return;
    };
    // A named person only ("she" resolved to Sheinbaum): a role word's country depends on the
    // document's main country, which a part of a long document may not share.
    if actor.name.is_none()
        || actor.country.is_none()
        || author.country.is_none()
        || actor.country == author.country
    {
        return;
    }
    // Forces the promise sends ("agreed to send 10,000 troops") are no party to it.
    if event.recipient.as_ref().is_some_and(|r| {
        r.country.is_some()
            && r.country != actor.country
            && !(event.content_type == Some(trecho_model::EventType::Mobilize)
                && crate::background::own_forces(r, Some(actor)))
    }) {
        return;
    }
    event.steps.push(format!(
        "promise in {:?}'s own account: made to {0:?}",
        author.name.as_deref().unwrap_or(&author.text)
    ));
    event.recipient = Some(author.clone());
}

/// "We do not accept intervention by any foreign government": a red line drawn against no
/// named country is drawn against whoever made the threat it answers, when that is another
/// side than the holder's.
fn red_line_against_threatener(event: &mut Found, referents: &Referents) {
    if event.speech_act != Some(SpeechAct::RedLine)
        || event
            .recipient
            .as_ref()
            .is_some_and(|recipient| recipient.country.is_some())
    {
        return;
    }
    let Some(holder_country) = event.actor.as_ref().and_then(|a| a.country.clone()) else {
        return;
    };
    let Some((_, Some(threatener))) = &referents.earlier_threat else {
        return;
    };
    if threatener.country.is_none() || threatener.country.as_deref() == Some(&holder_country) {
        return;
    }
    event.steps.push(format!(
        "red line against no named country: drawn against {:?}, who made the threat it answers",
        threatener.name.as_deref().unwrap_or(&threatener.text)
    ));
    event.recipient = Some(threatener.clone());
}

/// "Mexico will not allow them": a red line whose object is a pronoun rules out what the last
/// threat threatened, and is drawn against whoever threatened it.
fn red_line_object(tokens: &Tokens, event: &mut Found, referents: &Referents) {
    if event.speech_act != Some(SpeechAct::RedLine) || event.content_type.is_some() {
        return;
    }
    let Some((content, threatener)) = &referents.earlier_threat else {
        return;
    };
    let trigger = tokens.index_at(event.trigger_start);
    let pronoun_object = (trigger + 1..(trigger + 4).min(tokens.len())).any(|k| {
        matches!(
            tokens.norm(k),
            "them" | "it" | "that" | "this" | "eso" | "esto" | "lo" | "los"
        )
    });
    // "It is not going to happen", "Eso no va a pasar": the pronoun is the subject.
    let pronoun_subject = trigger > 0
        && matches!(
            tokens.norm(trigger - 1),
            "it" | "that" | "this" | "eso" | "esto"
        );
    let pronoun_object = pronoun_object || pronoun_subject;
    if !pronoun_object {
        return;
    }
    event.content_type = Some(*content);
    if event.recipient.is_none() {
        if let Some(threatener) = threatener
            .clone()
            .filter(|t| event.actor.as_ref().is_none_or(|a| a.country != t.country))
        {
            event.recipient = Some(threatener);
        }
    }
    event.steps.push(format!(
        "red line on a pronoun: content {content} of the earlier threat"
    ));
}

/// "There will be no US military strikes on Mexican soil", said by (or about the line of) a
/// Mexican leader: a future act of another side ruled out with "no" is that leader's red line,
/// held against the side whose act it is, not a promise by that side.
fn red_line_by_negation(tokens: &Tokens, event: &mut Found, referents: &Referents) {
    // Either a negated announced act ("will be no strikes" as a promise or threat, negated) or
    // the refusal the clause analysis made of it.
    let negated_act = event.negated
        && matches!(
            event.speech_act,
            Some(SpeechAct::Promise | SpeechAct::Threat)
        );
    let refusal = event.speech_act == Some(SpeechAct::Refusal);
    if event.kind != Kind::Said || !(negated_act || refusal) {
        return;
    }
    let Some(content) = event
        .content_type
        .or_else(|| trigger_type(event))
        .filter(|c| {
            matches!(
                c,
                EventType::Assault | EventType::Mobilize | EventType::Coerce
            )
        })
    else {
        return;
    };
    // The act is ruled out by a determiner "no" ("no strikes", "no armed US troops"), not by
    // the actor's own "will not".
    let trigger = tokens.index_at(event.trigger_start);
    let determiner_no = (trigger.saturating_sub(6)..trigger).any(|k| {
        matches!(tokens.norm(k), "no" | "ningun" | "ninguna") && tokens.norm(k + 1) != "longer"
    });
    if !determiner_no {
        return;
    }
    // "no US troops will be embedded" (passive) names the ruled-out side as the recipient.
    let Some(ruled_out) = event
        .actor
        .clone()
        .or_else(|| event.recipient.clone())
        .filter(|a| a.country.is_some())
    else {
        return;
    };
    let Some(holder) = referents
        .speaker
        .clone()
        .or_else(|| referents.third_person.clone())
        .filter(|h| h.country.is_some() && h.country != ruled_out.country)
    else {
        return;
    };
    event.steps.push(format!(
        "red line: {} by {:?} ruled out with \"no\" by {:?}",
        content,
        ruled_out.text,
        holder.name.as_deref().unwrap_or(&holder.text)
    ));
    event.event_type = EventType::Reject;
    event.speech_act = Some(SpeechAct::RedLine);
    event.content_type = Some(content);
    event.mode = None;
    event.negated = false;
    event.recipient = Some(ruled_out);
    event.actor = Some(holder);
}

/// The PLOVER type of the trigger word, as the first explanation step names it ("trigger
/// \"strikes\" → ASSAULT (…)").
fn trigger_type(event: &Found) -> Option<EventType> {
    let step = event.steps.iter().find(|s| s.starts_with("trigger "))?;
    let after = step.split(" → ").nth(1)?;
    EventType::parse(after.split_whitespace().next()?)
}

fn same_person(a: &Actor, b: &Actor) -> bool {
    a.name.is_some() && a.name == b.name
}

/// The pronoun right before the trigger at token `trigger` ("we further agreed", "she agreed",
/// "I have authorized"), if any.
pub(crate) fn subject_pronoun(tokens: &Tokens, trigger: usize) -> Option<(String, usize)> {
    let mut idx = trigger;
    let mut steps = 0;
    while idx > 0 && steps < 5 {
        idx -= 1;
        steps += 1;
        let word = tokens.norm(idx);
        // "he" is also a Spanish auxiliary ("he firmado"): a participle follows it.
        let spanish_aux = word == "he"
            && ["ado", "ido", "cho", "to"]
                .iter()
                .any(|e| tokens.norm(idx + 1).ends_with(e));
        if !spanish_aux
            && (FIRST_PERSON.contains(&word)
                || THIRD_PERSON.contains(&word)
                || matches!(word, "they" | "it"))
        {
            return Some((
                word.to_string(),
                tokens.list.get(idx).map_or(0, |t| t.start),
            ));
        }
        if BETWEEN.contains(&word)
            || word.ends_with("ly")
            || word == "to"
            || word == "agreed"
            || word == "decided"
        {
            continue;
        }
        return None;
    }
    None
}

/// "It has sent 55 cartel figures to the United States in two mass transfers": a pronoun that
/// opens the sentence is the subject of its main verb, so an actor found after that verb (the
/// people handed over, a criminal group) was an object, not the subject.
fn initial_pronoun(tokens: &Tokens, sentence: &str, event: &Found) -> Option<(String, usize)> {
    let first = (0..tokens.len()).find(|&k| tokens.list[k].is_word)?;
    let word = tokens.norm(first);
    if !(FIRST_PERSON.contains(&word) || THIRD_PERSON.contains(&word) || word == "it") {
        return None;
    }
    let verb_end = tokens.list.get(first + 2)?.end;
    let object_like = match &event.actor {
        None => true,
        Some(actor) => {
            actor.sector.as_deref() == Some("CRM")
                && sentence
                    .find(actor.text.as_str())
                    .is_some_and(|at| at >= verb_end)
        }
    };
    object_like.then(|| (word.to_string(), tokens.list[first].start))
}

/// Whether an actor is a subject fragment that names nobody: not one of the sentence's actor
/// mentions, and headed by a pronoun, a function word or an abstract noun.
pub fn is_fragment(actor: &Actor, mentions: &[ActorMention]) -> bool {
    if actor.name.is_some()
        || actor.sector.is_some()
        || mentions.iter().any(|m| m.actor.text == actor.text)
    {
        return false;
    }
    let tokens = Tokens::new(&actor.text);
    let head = tokens.norm(0);
    if FRAGMENT_HEADS.contains(&head) {
        return true;
    }
    // "Cooperation is welcome": one abstract noun is no actor.
    let words = (0..tokens.len())
        .filter(|&k| tokens.list[k].is_word)
        .count();
    words == 1
        && head.len() > 5
        && ABSTRACT_ENDINGS.iter().any(|e| head.ends_with(e))
        && !ACTING_ABSTRACTS.iter().any(|w| head.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str) -> Actor {
        Actor {
            text: text.to_string(),
            ..Actor::default()
        }
    }

    #[test]
    fn fragments_name_nobody() {
        for text in [
            "I just",
            "We further",
            "That means",
            "So far the",
            "None of the",
            "Would I",
            "Cooperation",
            "GOD",
        ] {
            assert!(is_fragment(&actor(text), &[]), "{text}");
        }
        for text in [
            "Los pescadores",
            "The farmers",
            "Comunidades indígenas",
            "The administration",
            "Opposition",
        ] {
            assert!(!is_fragment(&actor(text), &[]), "{text}");
        }
    }

    #[test]
    fn pronoun_right_before_the_verb() {
        let tokens = Tokens::new("We further agreed to pause the tariffs.");
        assert_eq!(
            subject_pronoun(&tokens, 2).map(|(w, _)| w).as_deref(),
            Some("we")
        );
        let tokens = Tokens::new("The farmers I met were angry.");
        assert_eq!(subject_pronoun(&tokens, 1), None);
    }

    #[test]
    fn author_from_a_heading_line() {
        let actors = ActorDictionary::builtin();
        let resolve = ResolveContext::default();
        let author = author_of(
            "President Donald J. Trump, post on Truth Social",
            &actors,
            &resolve,
        );
        assert_eq!(author.and_then(|a| a.name).as_deref(), Some("Donald Trump"));
        assert!(author_of(
            "Trump threatened Mexico with tariffs on Monday.",
            &actors,
            &resolve
        )
        .is_none());
    }

    #[test]
    fn pronoun_speakers() {
        assert!(pronoun_speaker(&Tokens::new(
            "“We do not accept intervention by any foreign government,” she said."
        )));
        assert!(!pronoun_speaker(&Tokens::new(
            "Sheinbaum said she would not accept it."
        )));
    }
}
