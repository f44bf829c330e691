//! Highlights for evidence sentences: where the actor, the recipient and the event word are.
//!
//! The event record keeps the actor's and recipient's surface text but not the word that
//! triggered the event, so the event word is found with a short list of stems per event type
//! (English and Spanish). A highlight is a display aid only: when nothing is found, there is none.

use serde::Serialize;
use trecho::model::{Event, EventType, Lang};

/// One highlighted range of a sentence, in bytes (always on character boundaries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// Byte offset of the first byte in the sentence.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `actor`, `recipient` or `event`.
    pub role: &'static str,
}

/// Highlights for an event's sentence, sorted and not overlapping.
pub fn marks(event: &Event) -> Vec<Mark> {
    let sentence = event.sentence.as_str();
    let mut marks: Vec<Mark> = Vec::new();
    let add = |found: Option<(usize, usize)>, role: &'static str, marks: &mut Vec<Mark>| {
        if let Some((start, end)) = found {
            if !marks
                .iter()
                .any(|mark| start < mark.end && mark.start < end)
            {
                marks.push(Mark { start, end, role });
            }
        }
    };
    if let Some(actor) = &event.actor {
        add(
            find_ignore_case(sentence, &actor.text, 0),
            "actor",
            &mut marks,
        );
    }
    if let Some(recipient) = &event.recipient {
        // The recipient usually follows the actor; search after it first.
        let after = marks.first().map_or(0, |mark| mark.end);
        let found = find_ignore_case(sentence, &recipient.text, after)
            .or_else(|| find_ignore_case(sentence, &recipient.text, 0));
        add(found, "recipient", &mut marks);
    }
    let after_actor = marks
        .iter()
        .find(|mark| mark.role == "actor")
        .map_or(0, |mark| mark.end);
    let word = event_word(sentence, event.event_type, event.lang, after_actor, &marks)
        .or_else(|| event_word(sentence, event.event_type, event.lang, 0, &marks));
    add(word, "event", &mut marks);
    marks.sort_by_key(|mark| mark.start);
    marks
}

/// The first occurrence of `needle` at or after byte `from`, ignoring ASCII case, as a range.
fn find_ignore_case(haystack: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    haystack
        .char_indices()
        .map(|(idx, _)| idx)
        .filter(|&idx| idx >= from)
        .find(|&idx| {
            haystack
                .get(idx..idx + needle.len())
                .is_some_and(|slice| slice.eq_ignore_ascii_case(needle))
        })
        .map(|idx| (idx, idx + needle.len()))
}

/// The first word at or after `from` that starts with one of the type's stems and does not
/// overlap an existing mark.
fn event_word(
    sentence: &str,
    event_type: EventType,
    lang: Lang,
    from: usize,
    marks: &[Mark],
) -> Option<(usize, usize)> {
    let stems = stems(event_type, lang);
    words(sentence)
        .filter(|&(start, _)| start >= from)
        .filter(|&(start, end)| {
            !marks
                .iter()
                .any(|mark| start < mark.end && mark.start < end)
        })
        .find(|&(start, end)| {
            let word = sentence.get(start..end).unwrap_or("").to_lowercase();
            stems.iter().any(|stem| word.starts_with(stem))
        })
}

/// Byte ranges of the alphabetic words of a sentence.
fn words(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    for (idx, ch) in sentence.char_indices() {
        match (ch.is_alphabetic(), start) {
            (true, None) => start = Some(idx),
            (false, Some(begin)) => {
                ranges.push((begin, idx));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        ranges.push((begin, sentence.len()));
    }
    ranges.into_iter()
}

/// Lower-case word beginnings that express each type.
fn stems(event_type: EventType, lang: Lang) -> &'static [&'static str] {
    use EventType::*;
    match (lang, event_type) {
        (Lang::En, Agree) => &["agree", "promis", "pledg", "vow", "sign", "offer", "commit"],
        (Lang::En, Consult) => &["meet", "met", "talk", "call", "visit", "spoke", "discuss"],
        (Lang::En, Support) => &["prais", "support", "thank", "welcom", "endors", "defend"],
        (Lang::En, Concede) => &["conced", "yield", "eas", "releas", "agree", "accept"],
        (Lang::En, Cooperate) => &[
            "extradit", "sent", "send", "transfer", "handed", "cooperat", "deliver", "shar",
        ],
        (Lang::En, Aid) => &["aid", "donat", "provid", "fund"],
        (Lang::En, Retreat) => &[
            "paus", "suspend", "lift", "withdr", "delay", "postpon", "drop",
        ],
        (Lang::En, Request) => &[
            "demand", "urg", "call", "ask", "insist", "press", "must", "request",
        ],
        (Lang::En, Accuse) => &[
            "accus",
            "blam",
            "critic",
            "condemn",
            "denounc",
            "investigat",
        ],
        (Lang::En, Reject) => &["reject", "refus", "rule", "never", "not", "den", "oppos"],
        (Lang::En, Threaten) => &["threat", "warn", "vow", "would", "will"],
        (Lang::En, Protest) => &["protest", "march", "demonstrat", "rall"],
        (Lang::En, Sanction) => &[
            "tariff", "impos", "sanction", "designat", "levied", "expel", "ban",
        ],
        (Lang::En, Mobilize) => &["deploy", "mobiliz", "sent", "send", "station"],
        (Lang::En, Coerce) => &[
            "arrest", "seiz", "deport", "raid", "detain", "captur", "expel",
        ],
        (Lang::En, Assault) => &["strik", "struck", "attack", "bomb", "kill", "fired", "shot"],
        (Lang::Es, Agree) => &["acord", "promet", "prometi", "firm", "ofrec", "comprom"],
        (Lang::Es, Consult) => &["reun", "convers", "habl", "visit", "llam", "dialog"],
        (Lang::Es, Support) => &["elogi", "agradec", "respald", "apoy", "celebr", "defend"],
        (Lang::Es, Concede) => &["ced", "acept", "liber", "conced"],
        (Lang::Es, Cooperate) => &["extradit", "envi", "entreg", "traslad", "cooper", "compart"],
        (Lang::Es, Aid) => &["ayud", "don", "aport", "financ"],
        (Lang::Es, Retreat) => &[
            "paus", "suspend", "suspendi", "levant", "retir", "pospus", "aplaz",
        ],
        (Lang::Es, Request) => &["exig", "ped", "pid", "inst", "reclam", "solicit", "urg"],
        (Lang::Es, Accuse) => &["acus", "culp", "critic", "conden", "denunci", "investig"],
        (Lang::Es, Reject) => &["rechaz", "neg", "nunca", "no", "descart", "niega"],
        (Lang::Es, Threaten) => &["amenaz", "advirt", "advert"],
        (Lang::Es, Protest) => &["protest", "march", "manifest"],
        (Lang::Es, Sanction) => &["arancel", "impus", "impon", "sancion", "design", "expuls"],
        (Lang::Es, Mobilize) => &["despleg", "desplieg", "movil", "envi"],
        (Lang::Es, Coerce) => &[
            "arrest", "detuv", "deten", "decomis", "deport", "incaut", "captur",
        ],
        (Lang::Es, Assault) => &["atac", "ataq", "bombard", "mat", "dispar", "golpe"],
    }
}

/// An event with its highlights.
#[derive(Debug, Serialize)]
pub struct MarkedEvent {
    /// The event record.
    pub event: Event,
    /// Actor, recipient and event word in `event.sentence`.
    pub marks: Vec<Mark>,
}

impl MarkedEvent {
    /// Computes the highlights of `event`.
    pub fn new(event: Event) -> MarkedEvent {
        let marks = marks(&event);
        MarkedEvent { event, marks }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trecho::model::{Actor, Kind, Quad};

    fn event(
        sentence: &str,
        actor: &str,
        recipient: &str,
        event_type: EventType,
        lang: Lang,
    ) -> Event {
        let actor_of = |text: &str| {
            (!text.is_empty()).then(|| Actor {
                text: text.into(),
                ..Actor::default()
            })
        };
        Event {
            id: "e".into(),
            doc_id: "d".into(),
            published: None,
            lang,
            sentence: sentence.into(),
            span: [0, sentence.len()],
            date: None,
            date_source: None,
            actor: actor_of(actor),
            recipient: actor_of(recipient),
            event_type,
            mode: None,
            quad: Quad::VerbalConflict,
            kind: Kind::Said,
            speech_act: None,
            content_type: None,
            issues: vec![],
            leverage: None,
            negated: false,
            hypothetical: false,
            speaker: None,
            attribution: None,
            reported_count: None,
            confidence: 0.9,
        }
    }

    fn check(event: &Event, expect: &str) {
        let shown: Vec<String> = marks(event)
            .iter()
            .map(|mark| format!("{}={}", mark.role, &event.sentence[mark.start..mark.end]))
            .collect();
        assert_eq!(shown.join(" "), expect);
    }

    #[test]
    fn english_threat() {
        check(
            &event(
                "Trump threatened Sheinbaum with more tariffs again this month.",
                "Trump",
                "Sheinbaum",
                EventType::Threaten,
                Lang::En,
            ),
            "actor=Trump event=threatened recipient=Sheinbaum",
        );
    }

    #[test]
    fn spanish_with_accents_stays_on_char_boundaries() {
        check(
            &event(
                "Él dijo que México rechazó la petición de Washington.",
                "México",
                "Washington",
                EventType::Reject,
                Lang::Es,
            ),
            "actor=México event=rechazó recipient=Washington",
        );
    }

    #[test]
    fn missing_actor_text_gives_no_mark() {
        check(
            &event("Nothing here.", "Ottawa", "", EventType::Assault, Lang::En),
            "",
        );
    }
}
