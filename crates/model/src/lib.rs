//! Plain data types shared by every stage of trecho: documents, sentences, actors and the
//! event record of `spec/events.md`.
//!
//! This crate does no IO. Every other crate depends on it, and it depends on nothing of ours.
//! Field names and value spellings follow the event record exactly, because users, exports and
//! tests rely on them.
//!
//! ```
//! use trecho_model::{EventType, Quad};
//! assert_eq!(EventType::Threaten.quad(), Quad::VerbalConflict);
//! assert_eq!(EventType::parse("SANCTION"), Some(EventType::Sanction));
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

mod date;
pub mod text;
mod vocab;

pub use date::{DateSource, PartialDate};
pub use vocab::{
    ContentType, EventType, Issue, Kind, Lang, Quad, Sector, SpeechAct, ALL_EVENT_TYPES, ALL_ISSUES,
};

/// Where a document came from and what it says, before normalization.
///
/// Ingest produces these; normalize turns `text` into the canonical normalized text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Stable id: given by the user (JSON Lines `id`) or the content hash of the normalized text.
    /// Empty until the engine assigns it.
    pub id: String,
    /// Where the document came from: a path, `path#item-3` for feed items and mbox messages, or `-`.
    pub source: String,
    /// The input format it was read as.
    pub format: Format,
    /// Title (HTML `<title>`/headline, email subject, feed item title), if any.
    pub title: Option<String>,
    /// Canonical address, if any (feed item link, HTML canonical link, JSON Lines `url`).
    pub url: Option<String>,
    /// Publication date from metadata (email `Date`, HTML meta, feed dates, JSON Lines).
    pub published: Option<chrono::NaiveDate>,
    /// Language given by metadata, if any; otherwise detected during normalization.
    pub lang: Option<Lang>,
    /// The document's text as extracted from its container (markup gone, still wrapped).
    pub text: String,
}

/// The input formats trecho reads. A closed set: one parser each in `trecho-ingest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (UTF-8, or Latin-1/Windows-1252 decoded with a warning).
    #[default]
    Text,
    /// An HTML page; the article body is kept, navigation dropped.
    Html,
    /// One RFC 5322 email message (`.eml`).
    Email,
    /// A Unix mailbox of several messages (`.mbox`).
    Mbox,
    /// An RSS 2.0 or Atom feed: one document per item.
    Feed,
    /// A speaker-labelled transcript ("NAME: words" turns).
    Transcript,
    /// JSON Lines, one document per line.
    Jsonl,
}

impl Format {
    /// The lowercase name used on the command line and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Email => "email",
            Format::Mbox => "mbox",
            Format::Feed => "feed",
            Format::Transcript => "transcript",
            Format::Jsonl => "jsonl",
        }
    }

    /// Parses the name used on the command line (`rss` and `atom` are accepted for `feed`,
    /// `eml` for `email`, `txt` for `text`).
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Format::Text,
            "html" | "htm" => Format::Html,
            "email" | "eml" => Format::Email,
            "mbox" => Format::Mbox,
            "feed" | "rss" | "atom" | "xml" => Format::Feed,
            "transcript" => Format::Transcript,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }
}

/// A problem found in the input that did not stop processing (a warning).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file (or `file#item`) concerned.
    pub source: String,
    /// What was wrong and what was done about it, lowercase, no trailing period.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// One sentence of a normalized document: byte offsets into the normalized text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first byte in the normalized text.
    pub start: usize,
    /// Byte offset one past the last byte in the normalized text.
    pub end: usize,
    /// Index of the paragraph the sentence belongs to (0-based).
    pub paragraph: usize,
    /// Language of the sentence.
    pub lang: Lang,
    /// Speaker of the transcript turn that holds the sentence, if any.
    pub speaker: Option<String>,
}

/// A document after normalization: the canonical text that every span points into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normalized {
    /// Normalized text: line wraps and hyphenation undone, furniture dropped, whitespace
    /// collapsed. Paragraphs are separated by `"\n\n"`.
    pub text: String,
    /// Sentences in document order; they do not overlap.
    pub sentences: Vec<Sentence>,
    /// Publication date: the document's metadata date, else a dateline near the top.
    pub published: Option<chrono::NaiveDate>,
    /// Dominant language of the document.
    pub lang: Lang,
    /// Checkpoints `(normalized_offset, original_offset)` mapping normalized text back into
    /// `Document::text`, sorted by normalized offset. Between checkpoints bytes map one to one.
    pub offset_map: Vec<(usize, usize)>,
    /// Warnings found while normalizing.
    pub diagnostics: Vec<Diagnostic>,
}

impl Normalized {
    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.start..sentence.end]
    }

    /// Maps a byte offset in the normalized text back to the original document text.
    pub fn original_offset(&self, normalized_offset: usize) -> usize {
        let idx = self
            .offset_map
            .partition_point(|&(norm, _)| norm <= normalized_offset);
        if idx == 0 {
            return normalized_offset;
        }
        let (norm, orig) = self.offset_map[idx - 1];
        orig + (normalized_offset - norm)
    }
}

/// Who acts, speaks or is acted upon.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Actor {
    /// The surface string in the sentence.
    pub text: String,
    /// ISO 3166-1 alpha-3 country code, or null.
    pub country: Option<String>,
    /// Sector code (`GOV`, `MIL`, `CRM`…), or null.
    pub sector: Option<String>,
    /// Canonical name ("Claudia Sheinbaum"), or null.
    pub name: Option<String>,
}

/// One issue used to move another ("tariffs to force water deliveries").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Leverage {
    /// The issue used as the lever.
    pub lever: Issue,
    /// The issue the lever is meant to move.
    pub goal: Issue,
}

/// The event record of `spec/events.md`. Field order and names are the wire format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable: the same input always gives the same id.
    pub id: String,
    /// Stable id of the document.
    pub doc_id: String,
    /// Publication date of the document.
    pub published: Option<chrono::NaiveDate>,
    /// Language of the sentence.
    pub lang: Lang,
    /// The evidence sentence, as normalized text.
    pub sentence: String,
    /// Byte offsets of `sentence` in the document's normalized text.
    pub span: [usize; 2],
    /// When the act happened or the words were said.
    pub date: Option<PartialDate>,
    /// How `date` was found.
    pub date_source: Option<DateSource>,
    /// Who acts or speaks.
    pub actor: Option<Actor>,
    /// At whom or what the act or words are aimed.
    pub recipient: Option<Actor>,
    /// PLOVER event type.
    pub event_type: EventType,
    /// PLOVER mode where one applies.
    pub mode: Option<String>,
    /// Quad class, derived from `event_type`.
    pub quad: Quad,
    /// Words (`said`) or deeds (`done`).
    pub kind: Kind,
    /// For `said` only: the speech act.
    pub speech_act: Option<SpeechAct>,
    /// For threats, promises, demands and red lines: the type of the act concerned.
    pub content_type: Option<EventType>,
    /// Issues the event concerns.
    pub issues: Vec<Issue>,
    /// One issue used to move another.
    pub leverage: Option<Leverage>,
    /// The text says it did not or will not happen.
    pub negated: bool,
    /// Conditional, counterfactual, recommendation, question or third-party speculation.
    pub hypothetical: bool,
    /// Who uttered the words, where quoted or reported.
    pub speaker: Option<String>,
    /// Who reports them.
    pub attribution: Option<String>,
    /// "has said at least 17 times" → 17.
    pub reported_count: Option<u32>,
    /// The extractor's own estimate, 0..1.
    pub confidence: f32,
}

/// Why the extractor produced a record: what fired, for `trecho extract --explain`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Explanation {
    /// One line per rule, lexicon entry or score that contributed, in the order they fired.
    pub steps: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_serializes_with_spec_field_names_in_order() {
        let event = Event {
            id: "e1".into(),
            doc_id: "d1".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 12, 24),
            lang: Lang::En,
            sentence: "Trump threatened Sheinbaum with more tariffs.".into(),
            span: [0, 45],
            date: Some(PartialDate::month(2025, 12)),
            date_source: Some(DateSource::Relative),
            actor: Some(Actor {
                text: "Trump".into(),
                country: Some("USA".into()),
                sector: Some("GOV".into()),
                name: Some("Donald Trump".into()),
            }),
            recipient: None,
            event_type: EventType::Threaten,
            mode: Some("sanction".into()),
            quad: EventType::Threaten.quad(),
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(EventType::Sanction),
            issues: vec![Issue::Trade, Issue::Water],
            leverage: Some(Leverage {
                lever: Issue::Trade,
                goal: Issue::Water,
            }),
            negated: false,
            hypothetical: false,
            speaker: None,
            attribution: None,
            reported_count: None,
            confidence: 0.9,
        };
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(
            json,
            r#"{"id":"e1","doc_id":"d1","published":"2025-12-24","lang":"en","sentence":"Trump threatened Sheinbaum with more tariffs.","span":[0,45],"date":"2025-12","date_source":"relative","actor":{"text":"Trump","country":"USA","sector":"GOV","name":"Donald Trump"},"recipient":null,"event_type":"THREATEN","mode":"sanction","quad":"verbal_conflict","kind":"said","speech_act":"threat","content_type":"SANCTION","issues":["trade","water"],"leverage":{"lever":"trade","goal":"water"},"negated":false,"hypothetical":false,"speaker":null,"attribution":null,"reported_count":null,"confidence":0.9}"#
        );
        let back: Event = serde_json::from_str(&json).unwrap();
        assert_eq!(back, event);
    }

    #[test]
    fn original_offset_follows_checkpoints() {
        let normalized = Normalized {
            text: "ab cd".into(),
            sentences: vec![],
            published: None,
            lang: Lang::En,
            offset_map: vec![(0, 0), (3, 5)],
            diagnostics: vec![],
        };
        assert_eq!(normalized.original_offset(1), 1);
        assert_eq!(normalized.original_offset(3), 5);
        assert_eq!(normalized.original_offset(4), 6);
    }
}
