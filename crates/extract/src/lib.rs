//! Extract: normalized sentences → events with evidence (actor, recipient, PLOVER type and mode,
//! said or done, speech act, dates, issues, leverage, speaker, attribution).
//!
//! Triggers come from lexicons derived from the PETRARCH2 and UniversalPetrarch verb
//! dictionaries plus hand-curated entries (`data/`); roles, modality and words-versus-deeds come
//! from a light clause analysis over tokens (`events.rs`, `modality.rs`). No IO: user
//! dictionaries are handed over as text.
//!
//! ```
//! use trecho_extract::{extract_sentence, Dictionaries};
//! use trecho_model::{EventType, Kind, Lang};
//!
//! let dictionaries = Dictionaries::builtin();
//! let sentence = "President Donald J. Trump is implementing a 25% additional tariff on imports from Canada and Mexico.";
//! let events = extract_sentence(sentence, Lang::En, None, None, &dictionaries);
//! assert!(events.iter().any(|(event, _)| event.event_type == EventType::Sanction && event.kind == Kind::Done));
//! ```

pub mod attribution;
pub mod counts;
pub mod dates;
pub mod eval;
pub mod issues;

mod assertion;
mod background;
mod context;
mod error;
mod events;
mod followups;
mod inflect;
mod lexicon;
mod modality;
mod person;
mod pronouns;
mod tokens;

pub use error::Error;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use trecho_actors::{ActorDictionary, ActorMention, ResolveContext};
use trecho_model::{Actor, Event, EventType, Explanation, Lang, Normalized, SpeechAct};

/// Actor and event lexicons, loaded once and shared by every document.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    /// The actor dictionary (shipped data plus user files).
    pub actors: ActorDictionary,
}

impl Dictionaries {
    /// The dictionaries shipped with trecho. Builds the event lexicons now, so the first
    /// document does not pay for it.
    pub fn builtin() -> Dictionaries {
        // Start-up time matters (a one-line `trecho extract` should answer at once): the English
        // lexicon and the actor dictionary are built side by side, and the Spanish lexicon, the
        // costliest, is built when the first Spanish sentence needs it, so English-only runs
        // never pay for it.
        let actors = std::thread::scope(|scope| {
            let english = scope.spawn(|| lexicon::for_lang(Lang::En).entries.len());
            let actors = ActorDictionary::builtin();
            // A panic while building the lexicon resurfaces on first use; nothing to add here.
            let _ = english.join();
            actors
        });
        Dictionaries { actors }
    }

    /// The shipped dictionaries plus a user actor file (`--actors FILE`); the error names
    /// `source` and the line.
    pub fn with_user_actors(text: &str, source: &str) -> Result<Dictionaries, Error> {
        let mut dictionaries = Dictionaries::builtin();
        dictionaries.actors.load_user(text, source)?;
        Ok(dictionaries)
    }
}

impl Default for Dictionaries {
    fn default() -> Self {
        Dictionaries::builtin()
    }
}

/// What extraction found in one document.
#[derive(Debug, Default)]
pub struct Extraction {
    /// Events in document order.
    pub events: Vec<Event>,
    /// One explanation per event, same order.
    pub explanations: Vec<Explanation>,
}

/// Extracts the events of a normalized document.
///
/// Role words ("the president") resolve against the document's most mentioned country.
pub fn run(doc_id: &str, normalized: &Normalized, dictionaries: &Dictionaries) -> Extraction {
    let mut extraction = Extraction::default();
    let default_country = main_country(normalized, dictionaries);
    let resolve = ResolveContext {
        date: normalized.published,
        lang: Some(normalized.lang),
        default_country: default_country.clone(),
    };
    // Pronouns resolve across sentences ("she agreed" after "I spoke with President Sheinbaum").
    let mut discourse = pronouns::Discourse::new(normalized, &dictionaries.actors, &resolve);
    for sentence in &normalized.sentences {
        let Some(text) = normalized.text.get(sentence.start..sentence.end) else {
            continue;
        };
        let found = extract_with(
            text,
            sentence.lang,
            normalized.published,
            sentence.speaker.as_deref(),
            dictionaries,
            default_country.clone(),
            Some(&mut discourse),
        );
        for (index, (mut event, explanation)) in found.into_iter().enumerate() {
            event.doc_id = doc_id.to_string();
            event.span = [sentence.start, sentence.end];
            event.id = event_id(doc_id, &event, index);
            extraction.events.push(event);
            extraction.explanations.push(explanation);
        }
    }
    extraction
}

/// Extracts the events of one sentence. `doc_id` is empty and `span` covers the sentence; `run`
/// fills both in. `speaker` is the transcript speaker of the sentence, if any.
pub fn extract_sentence(
    sentence: &str,
    lang: Lang,
    published: Option<NaiveDate>,
    speaker: Option<&str>,
    dictionaries: &Dictionaries,
) -> Vec<(Event, Explanation)> {
    let mut found = extract_with(sentence, lang, published, speaker, dictionaries, None, None);
    for (index, (event, _)) in found.iter_mut().enumerate() {
        event.id = event_id("", event, index);
    }
    found
}

/// How many earlier hostile threats of a document the extractor keeps for later sentences that
/// refer back to one ("the United States will."). The engine re-reads the sentences of that many
/// threats before each part of a long document, so parts resolve as the whole would.
pub const THREATS_REMEMBERED: usize = 16;

/// Whether a threatened act of this type is one a later red line can rule out ("Mexico will not
/// allow them"): a hostile act. The extractor's discourse keeps the last such threat, and the
/// engine re-reads its sentence before each part of a long document.
pub fn hostile_content(content: EventType) -> bool {
    matches!(
        content,
        EventType::Assault | EventType::Mobilize | EventType::Coerce | EventType::Sanction
    )
}

/// The lexicon matches of a sentence before the extractor picks one per clause (see
/// `(surface, entry, clause, score, dropped)`); a developer's tool for tracing misses.
#[doc(hidden)]
pub fn trigger_candidates(
    sentence: &str,
    lang: Lang,
    published: Option<NaiveDate>,
    dictionaries: &Dictionaries,
) -> Vec<(String, String, u16, f32, bool)> {
    let resolve = ResolveContext {
        date: published,
        lang: Some(lang),
        default_country: None,
    };
    let masked = mask_credits(sentence);
    let sentence = masked.as_deref().unwrap_or(sentence);
    let mut mentions: Vec<ActorMention> = dictionaries.actors.find(sentence, &resolve);
    drop_place_names(sentence, &mut mentions);
    events::candidates(sentence, lang, &mentions)
}

/// Nouns of small places named right after them: "en el corregimiento Rincon Hondo", "el
/// establecimiento publico Billares San Antonio". (A town's name is left alone: "near the town
/// of Samarra" places an unattributed bombing in Iraq.)
const PLACE_NOUNS: &[&str] = &[
    "barrio",
    "vereda",
    "corregimiento",
    "sitio",
    "calle",
    "avenida",
    "establecimiento",
    "inspeccion",
    "finca",
    "hacienda",
    "caserio",
    "sector",
    "paraje",
    "colonia",
    "billares",
    "hotel",
];

/// Removes city mentions that are only the name of a place: a city entry ("Hondo", "San
/// Antonio" stand for Japan and the United States in the dictionaries) right after a place noun
/// names a street, a farm or a village, and neither acts nor lends its country to the others.
///
/// Also removes a country or city whose name follows a capitalized article inside a sentence
/// written in ordinary case: the article is part of another place's name ("en La Trinidad y
/// Frontera Comalapa", a town of Chiapas, is not Trinidad and Tobago). Names whose own alias
/// has the article ("La Habana", "La Haya", "El Salvador") match whole and are kept.
fn drop_place_names(sentence: &str, mentions: &mut Vec<ActorMention>) {
    use trecho_actors::MentionKind;
    if !mentions
        .iter()
        .any(|m| matches!(m.kind, MentionKind::Capital | MentionKind::Country))
    {
        return;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capitalized = words
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    // Headlines in capitals or title case capitalize every article.
    let ordinary_case = sentence.chars().any(char::is_lowercase) && capitalized * 2 < words.len();
    mentions.retain(|m| {
        let before_text = sentence.get(..m.start).unwrap_or("");
        if ordinary_case && matches!(m.kind, MentionKind::Capital | MentionKind::Country) {
            let article = ["La ", "El ", "Los ", "Las "]
                .iter()
                .find(|article| before_text.ends_with(*article));
            if let Some(article) = article {
                let at = before_text.len() - article.len();
                let inside = before_text[..at].trim_end();
                // Not the sentence's first word (where every word is capitalized).
                if !inside.is_empty() && !inside.ends_with(['.', ':', '—', '"', '“', '¿', '¡'])
                {
                    return false;
                }
            }
        }
        if m.kind != MentionKind::Capital {
            return true;
        }
        let before = tokens::Tokens::new(before_text);
        let n = before.len();
        !(n.saturating_sub(4)..n).any(|k| PLACE_NOUNS.contains(&before.norm(k)))
    });
}

/// News agencies a wire story credits in parentheses.
const AGENCIES: &[&str] = &[
    "afp",
    "ap",
    "reuters",
    "efe",
    "dpa",
    "ansa",
    "xinhua",
    "notimex",
    "ips",
    "upi",
    "prensa latina",
    "europa press",
];

/// Byte spans of a sentence that credit a news agency rather than name a participant: a
/// parenthesized agency ("(AFP)") and a wire dateline before it ("MANAGUA (AFP) -",
/// "BALTIMORE, EEUU, Dic 8 ( AFP) -"). Neither the agency nor the dateline's place acts.
fn credit_spans(sentence: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = sentence[from..].find('(').map(|k| from + k) {
        let Some(close) = sentence[open..].find(')').map(|k| open + k) else {
            break;
        };
        from = close + 1;
        let inner = sentence[open + 1..close].trim().to_lowercase();
        if !AGENCIES.contains(&inner.as_str()) {
            continue;
        }
        let rest = &sentence[close + 1..];
        let after_dash = rest
            .trim_start()
            .strip_prefix(['-', '–', '—'])
            .map(|tail| sentence.len() - tail.len());
        match after_dash {
            // A dateline opens the sentence: everything up to the dash is the credit.
            Some(end) if open <= 100 => spans.push((0, end)),
            _ => spans.push((open, close + 1)),
        }
    }
    spans
}

/// The sentence with its agency credits and wire dateline blanked out (same byte offsets), so
/// that neither the dateline's words ("QUITO" is also "quitó") nor the agency trigger or act;
/// `None` when there is none.
fn mask_credits(sentence: &str) -> Option<String> {
    if !sentence.contains('(') {
        return None;
    }
    let spans = credit_spans(sentence);
    if spans.is_empty() {
        return None;
    }
    let mut bytes = sentence.as_bytes().to_vec();
    for (start, end) in spans {
        for byte in &mut bytes[start..end] {
            *byte = b' ';
        }
    }
    // Whole characters were replaced by ASCII spaces, so the bytes stay UTF-8.
    String::from_utf8(bytes).ok()
}

/// The actor a transcript's speaker label stands for. A label the dictionary knows resolves
/// ("PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO"). An official's label it does not know,
/// "ROLE, NAME" ("SECRETARIO DE EDUCACIÓN PÚBLICA, MARIO DELGADO CARRILLO"), is an official of
/// the country its role names, else of the document's country (who speaks at a government's
/// press conference under a title is that government's), with the role's sector or GOV. A
/// reporter's label ("PREGUNTA", "INTERLOCUTOR") is the media, of no country.
fn speaker_as_actor(label: &str, dictionaries: &Dictionaries, resolve: &ResolveContext) -> Actor {
    let known = dictionaries.actors.lookup(label, resolve);
    if let Some(mention) = known.as_ref().filter(|m| m.actor.country.is_some()) {
        return Actor {
            text: label.to_string(),
            ..mention.actor.clone()
        };
    }
    if let Some((role, name)) = label.split_once(',') {
        let (role, name) = (role.trim(), name.trim());
        if !role.is_empty() && !name.is_empty() {
            let role_mention = dictionaries.actors.lookup(&role.to_lowercase(), resolve);
            let role_actor = role_mention
                .map(|mention| mention.actor)
                .unwrap_or_default();
            return Actor {
                text: label.to_string(),
                country: role_actor
                    .country
                    .or_else(|| resolve.default_country.clone()),
                sector: role_actor.sector.or_else(|| Some("GOV".to_string())),
                name: Some(title_case(name)),
            };
        }
    }
    let folded = tokens::fold(label);
    if matches!(
        folded.as_str(),
        "pregunta" | "interlocutor" | "interlocutora" | "reportero" | "reportera"
    ) {
        return Actor {
            text: label.to_string(),
            sector: Some("MED".to_string()),
            ..Actor::default()
        };
    }
    Actor {
        text: label.to_string(),
        ..known.map(|mention| mention.actor).unwrap_or_default()
    }
}

/// "MARIO DELGADO CARRILLO" → "Mario Delgado Carrillo".
fn title_case(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn extract_with(
    sentence: &str,
    lang: Lang,
    published: Option<NaiveDate>,
    speaker: Option<&str>,
    dictionaries: &Dictionaries,
    default_country: Option<String>,
    discourse: Option<&mut pronouns::Discourse>,
) -> Vec<(Event, Explanation)> {
    let resolve = ResolveContext {
        date: published,
        lang: Some(lang),
        default_country,
    };
    // The evidence keeps the sentence as written; the analysis reads it without credits.
    let evidence = sentence;
    let masked = mask_credits(sentence);
    let sentence = masked.as_deref().unwrap_or(sentence);
    let mut mentions: Vec<ActorMention> = dictionaries.actors.find(sentence, &resolve);
    drop_place_names(sentence, &mut mentions);
    let speaker_actor: Option<Actor> =
        speaker.map(|label| speaker_as_actor(label, dictionaries, &resolve));
    let referents = pronouns::referents(
        sentence,
        lang,
        speaker_actor.as_ref(),
        discourse.as_deref(),
        &dictionaries.actors,
        &resolve,
    );
    let mut found = events::extract(sentence, lang, referents.first_person.as_ref(), &mentions);
    pronouns::resolve(sentence, &mut found, &mentions, &referents);
    // Words that threaten only through an earlier sentence ("It's OK with me" after "Would I
    // launch strikes?"; "…, the United States will.").
    if let Some(earlier) = discourse.as_deref() {
        if !found
            .iter()
            .any(|event| event.kind == trecho_model::Kind::Said)
        {
            let followup = earlier
                .last_question
                .as_ref()
                .and_then(|question| followups::approval(sentence, question, &referents))
                .or_else(|| {
                    followups::ellipsis(sentence, lang, &mentions, &earlier.threats, &referents)
                });
            found.extend(followup);
        }
    }
    background::apply(sentence, lang, &mut found, &mentions);
    // The context is read before the discourse moves on: a vague goal looks at the sentences
    // before this one.
    let context = (!found.is_empty()).then(|| {
        let earlier: Vec<&str> = discourse
            .as_deref()
            .map(|d| d.recent.iter().map(String::as_str).collect())
            .unwrap_or_default();
        context::read(sentence, lang, published, &earlier)
    });
    if let Some(discourse) = discourse {
        discourse.update(&mentions, &referents, &found);
        discourse.last_question = followups::question(sentence, lang, &mentions);
        discourse.remember(sentence);
    }
    let Some(context) = context else {
        return Vec::new();
    };
    found
        .into_iter()
        .map(|found| {
            let mut steps = found.steps;
            let (date, date_source, date_step) = context.date_near(
                found.trigger_start,
                published,
                found.kind == trecho_model::Kind::Said,
            );
            steps.extend(date_step);
            // A red line with its holder found is that holder's own words, whatever others in
            // the sentence may speculate ("American agencies may share intelligence").
            let own_red_line =
                found.speech_act == Some(SpeechAct::RedLine) && found.actor.is_some();
            // A hedge word only hedges what comes after it.
            let hedged_after = context.hedge_at.is_some_and(|at| at >= found.trigger_end);
            let speculation = context.speculation && !own_red_line && !hedged_after;
            let hypothetical = found.hypothetical || speculation;
            if speculation && !found.hypothetical {
                steps.push("attribution: third-party speculation → hypothetical".to_string());
            }
            // The transcript speaker, else the speaker the context reader found, else the
            // subject of the reporting verb found by the clause analysis.
            let speaker = speaker
                .map(str::to_string)
                .or(context.speaker.clone())
                .or(found.speaker);
            if context.reported {
                steps.push("attribution: reported words".to_string());
            }
            let event = Event {
                id: String::new(),
                doc_id: String::new(),
                published,
                lang,
                sentence: evidence.to_string(),
                span: [0, sentence.len()],
                date,
                date_source,
                actor: found.actor,
                recipient: found.recipient,
                event_type: found.event_type,
                mode: found.mode,
                quad: found.event_type.quad(),
                kind: found.kind,
                speech_act: found.speech_act,
                content_type: found.content_type,
                issues: context.issues.clone(),
                // Leverage is coercion: a promise or a concession in a sentence that also
                // threatens ("he held off only after she agreed to send troops") uses no lever.
                leverage: context.leverage.filter(|_| {
                    matches!(
                        found.event_type.quad(),
                        trecho_model::Quad::VerbalConflict | trecho_model::Quad::MaterialConflict
                    )
                }),
                negated: found.negated,
                hypothetical,
                speaker,
                attribution: context.attribution.clone(),
                reported_count: context.reported_count,
                confidence: (found.confidence * 100.0).round() / 100.0,
            };
            steps.push(format!("confidence {:.2}", event.confidence));
            (event, Explanation { steps })
        })
        .collect()
}

/// The country mentioned most often in the document (ties: the first one mentioned).
fn main_country(normalized: &Normalized, dictionaries: &Dictionaries) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let resolve = ResolveContext {
        date: normalized.published,
        lang: Some(normalized.lang),
        default_country: None,
    };
    let mut order = 0;
    for sentence in &normalized.sentences {
        let Some(text) = normalized.text.get(sentence.start..sentence.end) else {
            continue;
        };
        for mention in dictionaries.actors.find(text, &resolve) {
            if let Some(country) = mention.actor.country {
                let slot = counts.entry(country).or_insert((0, order));
                slot.0 += 1;
                order += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map(|(country, _)| country)
}

/// A stable id: a hash of the document, the span, the type, the roles and the index.
fn event_id(doc_id: &str, event: &Event, index: usize) -> String {
    let mut hasher = Sha256::new();
    hasher.update(doc_id.as_bytes());
    hasher.update(format!("|{}|{}|{}|", event.span[0], event.span[1], event.event_type).as_bytes());
    for actor in [&event.actor, &event.recipient] {
        if let Some(actor) = actor {
            hasher.update(actor.text.as_bytes());
            hasher.update(actor.country.as_deref().unwrap_or("").as_bytes());
        }
        hasher.update(b"|");
    }
    hasher.update(index.to_string().as_bytes());
    let digest = hasher.finalize();
    digest.iter().take(10).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A country after a capitalized article is another place's name; a name whose alias has
    /// the article is that place.
    #[test]
    fn a_capitalized_article_makes_another_place_of_a_country_name() {
        let dictionaries = Dictionaries::builtin();
        let resolve = ResolveContext::default();
        let countries = |sentence: &str| -> Vec<String> {
            let mut mentions = dictionaries.actors.find(sentence, &resolve);
            drop_place_names(sentence, &mut mentions);
            mentions
                .into_iter()
                .filter_map(|m| m.actor.country)
                .collect()
        };
        assert!(countries(
            "En La Trinidad y Frontera Comalapa, se llevó a cabo una jornada de credencialización."
        )
        .is_empty());
        assert_eq!(countries("Ayer viajó a El Salvador."), ["SLV"]);
        assert_eq!(countries("Se reunieron en La Habana."), ["CUB"]);
        assert_eq!(countries("Trinidad y Tobago votó en contra."), ["TTO"]);
    }

    /// Speaker labels as the official transcripts write them.
    #[test]
    fn speaker_labels_of_officials_give_their_country_and_sector() {
        let dictionaries = Dictionaries::builtin();
        let resolve = ResolveContext {
            date: NaiveDate::from_ymd_opt(2025, 9, 1),
            lang: Some(Lang::Es),
            default_country: Some("MEX".to_string()),
        };
        let actor = |label: &str| speaker_as_actor(label, &dictionaries, &resolve);
        let president = actor("PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO");
        assert_eq!(president.name.as_deref(), Some("Claudia Sheinbaum"));
        let minister = actor("SECRETARIO DE EDUCACIÓN PÚBLICA, MARIO DELGADO CARRILLO");
        assert_eq!(
            (minister.country.as_deref(), minister.sector.as_deref()),
            (Some("MEX"), Some("GOV"))
        );
        assert_eq!(minister.name.as_deref(), Some("Mario Delgado Carrillo"));
        assert_eq!(
            minister.text,
            "SECRETARIO DE EDUCACIÓN PÚBLICA, MARIO DELGADO CARRILLO"
        );
        let governor = actor("GOBERNADOR DE YUCATÁN, JOAQUÍN DÍAZ MENA");
        assert_eq!(governor.country.as_deref(), Some("MEX"));
        // A reporter is the media, of no country: a question is not the government's words.
        let reporter = actor("PREGUNTA");
        assert_eq!(
            (reporter.country.as_deref(), reporter.sector.as_deref()),
            (None, Some("MED"))
        );
        // An unknown voice stays unknown.
        assert_eq!(actor("VOZ MUJER").country, None);
    }

    #[test]
    fn a_wire_dateline_and_an_agency_credit_are_credits() {
        let s = "MANAGUA (AFP) - Policías y estudiantes se enfrentaron.";
        assert_eq!(credit_spans(s), vec![(0, s.find(" Policías").unwrap())]);
        let s = "BALTIMORE, EEUU, Dic 8 ( AFP) - Angela Davis protestó.";
        assert_eq!(credit_spans(s), vec![(0, s.find(" Angela").unwrap())]);
        let s = "indicaron fuentes europeas. (AFP)";
        let open = s.find('(').unwrap();
        assert_eq!(credit_spans(s), vec![(open, s.len())]);
        // Parentheses that hold no agency, and an agency named as a participant, stay.
        assert!(credit_spans("la Corte Internacional de Justicia (CIJ) - dijo").is_empty());
        assert!(credit_spans("Periodistas de la AFP observaron el choque.").is_empty());
    }

    /// The events of one sentence with no publication date or speaker.
    fn events_of(sentence: &str, lang: Lang) -> Vec<trecho_model::Event> {
        static DICTIONARIES: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
        let dictionaries = DICTIONARIES.get_or_init(Dictionaries::builtin);
        extract_sentence(sentence, lang, None, None, dictionaries)
            .into_iter()
            .map(|(event, _)| event)
            .collect()
    }

    #[test]
    fn a_small_place_named_after_its_noun_is_no_actor() {
        let events = events_of(
            "Paramilitares ejecutaron a cuatro personas en el corregimiento Rincon Hondo.",
            Lang::Es,
        );
        assert!(!events.is_empty());
        for event in &events {
            assert_eq!(
                event.actor.as_ref().and_then(|a| a.country.as_deref()),
                None
            );
            assert_eq!(
                event.recipient.as_ref().and_then(|a| a.country.as_deref()),
                None
            );
        }
    }

    #[test]
    fn the_dateline_place_and_agency_do_not_act() {
        let events = events_of(
            "MANAGUA (AFP) - Policías y estudiantes se enfrentaron el lunes en el centro de la ciudad.",
            Lang::Es,
        );
        assert!(!events.is_empty());
        for event in &events {
            let actor = event.actor.as_ref().map(|a| a.text.as_str());
            assert!(
                matches!(actor, Some("Policías" | "estudiantes")),
                "{event:?}"
            );
            // The evidence is the sentence as written, credit included.
            assert!(event.sentence.starts_with("MANAGUA (AFP) - "));
        }
    }
}
