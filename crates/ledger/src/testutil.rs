//! Hand-built events for the unit tests: one builder, so every test reads as a timeline; and
//! the helpers the modules' tests share to build and show what the ledger made of them.

use crate::{keys, Ledger, StatusChange};
use trecho_model::{
    Actor, DateSource, Event, EventType, Issue, Kind, Lang, Leverage, PartialDate, SpeechAct,
};

/// The events of the builders.
pub fn events(built: Vec<B>) -> Vec<Event> {
    built.into_iter().map(|b| b.0).collect()
}

/// The whole ledger of the built events.
pub fn ledger(built: Vec<B>) -> Ledger {
    crate::build(&events(built))
}

/// The events in [`keys::event_order`], as the modules' `build` functions take them.
pub fn in_order(events: &[Event]) -> Vec<&Event> {
    keys::sorted(events)
}

/// An item with its history on one line: "summary xN: date status [evidence] -> …".
pub fn show_history<S: std::fmt::Display>(
    summary: &str,
    times: u32,
    history: &[StatusChange<S>],
) -> String {
    let changes: Vec<String> = history
        .iter()
        .map(|change| {
            format!(
                "{} {} [{}]",
                change.date.map(|d| d.to_string()).unwrap_or_default(),
                change.status,
                change.evidence.join(",")
            )
        })
        .collect();
    format!("{summary} x{times}: {}", changes.join(" -> "))
}

/// A test event under construction.
#[derive(Debug, Clone)]
pub struct B(pub Event);

fn actor(country: &str) -> Option<Actor> {
    if country.is_empty() {
        return None;
    }
    Some(Actor {
        text: country.to_string(),
        country: Some(country.to_string()),
        sector: Some("GOV".into()),
        name: None,
    })
}

fn base(id: &str, doc: &str, date: &str, actor_country: &str, recipient: &str) -> Event {
    let date = PartialDate::parse(date);
    Event {
        id: id.into(),
        doc_id: doc.into(),
        published: date.and_then(|d| d.as_date()),
        lang: Lang::En,
        sentence: String::new(),
        span: [0, 0],
        date,
        date_source: date.map(|_| DateSource::Text),
        actor: actor(actor_country),
        recipient: actor(recipient),
        event_type: EventType::Consult,
        mode: None,
        quad: EventType::Consult.quad(),
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
        confidence: 0.9,
    }
}

/// A `done` event.
pub fn done(
    id: &str,
    doc: &str,
    date: &str,
    actor_country: &str,
    recipient: &str,
    event_type: EventType,
    issues: &[Issue],
) -> B {
    let mut event = base(id, doc, date, actor_country, recipient);
    event.event_type = event_type;
    event.quad = event_type.quad();
    event.kind = Kind::Done;
    event.issues = issues.to_vec();
    B(event)
}

/// A `said` event with a speech act and content type; the event type follows the speech act.
#[allow(clippy::too_many_arguments)] // A test timeline reads best with every field in one call.
pub fn said(
    id: &str,
    doc: &str,
    date: &str,
    actor_country: &str,
    recipient: &str,
    speech_act: SpeechAct,
    content_type: EventType,
    issues: &[Issue],
) -> B {
    let mut event = base(id, doc, date, actor_country, recipient);
    let event_type = match speech_act {
        SpeechAct::Threat => EventType::Threaten,
        SpeechAct::Demand | SpeechAct::Appeal => EventType::Request,
        SpeechAct::Promise => EventType::Agree,
        SpeechAct::RedLine | SpeechAct::Refusal => EventType::Reject,
        SpeechAct::Accusation => EventType::Accuse,
        SpeechAct::Praise => EventType::Support,
        SpeechAct::Claim | SpeechAct::Other => EventType::Consult,
    };
    event.event_type = event_type;
    event.quad = event_type.quad();
    event.kind = Kind::Said;
    event.speech_act = Some(speech_act);
    event.content_type = Some(content_type);
    event.issues = issues.to_vec();
    B(event)
}

/// A `said` event of a given type with no content type (agreements, pauses, refusals).
pub fn said_act(
    id: &str,
    doc: &str,
    date: &str,
    actor_country: &str,
    recipient: &str,
    event_type: EventType,
    issues: &[Issue],
) -> B {
    let mut event = done(id, doc, date, actor_country, recipient, event_type, issues).0;
    event.kind = Kind::Said;
    event.speech_act = Some(SpeechAct::Other);
    B(event)
}

impl B {
    /// Sets the sentence.
    pub fn sentence(mut self, text: &str) -> B {
        self.0.sentence = text.into();
        self
    }
    /// Marks it negated.
    pub fn negated(mut self) -> B {
        self.0.negated = true;
        self
    }
    /// Marks it hypothetical.
    pub fn hypothetical(mut self) -> B {
        self.0.hypothetical = true;
        self
    }
    /// Sets the leverage.
    pub fn leverage(mut self, lever: Issue, goal: Issue) -> B {
        self.0.leverage = Some(Leverage { lever, goal });
        self
    }
    /// Sets the reported count.
    pub fn reported(mut self, count: u32) -> B {
        self.0.reported_count = Some(count);
        self
    }
    /// Sets the publication date (and keeps `date`).
    pub fn published(mut self, date: &str) -> B {
        self.0.published = PartialDate::parse(date).and_then(|d| d.as_date());
        self
    }
    /// Removes the event date, so the publication date stands in.
    pub fn undated(mut self) -> B {
        self.0.date = None;
        self.0.date_source = None;
        self
    }
    /// Sets the recipient's sector.
    pub fn recipient_sector(mut self, sector: &str) -> B {
        if let Some(recipient) = self.0.recipient.as_mut() {
            recipient.sector = Some(sector.into());
        }
        self
    }
}
