//! Converting events to and from rows of the `events` table.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Row;
use std::path::Path;
use trecho_model::{
    Actor, DateSource, Event, EventType, Issue, Kind, Lang, Leverage, PartialDate, Quad, SpeechAct,
};

use crate::Error;

/// The columns read back into an [`Event`], in the order `event_from_row` expects.
pub(crate) const EVENT_COLUMNS: &str = "id, doc_id, published, lang, sentence, span_start, \
     span_end, date, date_source, actor, recipient, event_type, mode, quad, kind, speech_act, \
     content_type, issues, leverage, negated, hypothetical, speaker, attribution, \
     reported_count, confidence, seq";

/// Inserts one event; the values come from [`EventRow::values`] in this order.
pub(crate) const INSERT_EVENT: &str = "INSERT INTO events (id, doc_id, published, lang, \
     sentence, span_start, span_end, date, date_first, date_last, date_source, actor, \
     actor_country, recipient, recipient_country, event_type, mode, quad, kind, speech_act, \
     content_type, issues, leverage, negated, hypothetical, speaker, attribution, \
     reported_count, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
     ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)";

/// An event flattened into SQL values.
pub(crate) struct EventRow {
    values: Vec<Value>,
}

impl EventRow {
    pub(crate) fn from_event(event: &Event) -> Result<EventRow, String> {
        let json = |value: &dyn erased::Json| value.to_json();
        let text = |value: Option<&str>| match value {
            Some(text) => Value::Text(text.to_string()),
            None => Value::Null,
        };
        let (date_first, date_last) = match &event.date {
            Some(date) => (
                date.first_day().map(|day| day.to_string()),
                last_day(date).map(|day| day.to_string()),
            ),
            None => (None, None),
        };
        let values = vec![
            Value::Text(event.id.clone()),
            Value::Text(event.doc_id.clone()),
            text(event.published.map(|day| day.to_string()).as_deref()),
            Value::Text(event.lang.as_str().to_string()),
            Value::Text(event.sentence.clone()),
            Value::Integer(to_i64(event.span[0])?),
            Value::Integer(to_i64(event.span[1])?),
            text(event.date.map(|date| date.to_string()).as_deref()),
            text(date_first.as_deref()),
            text(date_last.as_deref()),
            text(event.date_source.map(DateSource::as_str)),
            json(&event.actor)?,
            text(
                event
                    .actor
                    .as_ref()
                    .and_then(|actor| actor.country.as_deref()),
            ),
            json(&event.recipient)?,
            text(
                event
                    .recipient
                    .as_ref()
                    .and_then(|actor| actor.country.as_deref()),
            ),
            Value::Text(event.event_type.as_str().to_string()),
            text(event.mode.as_deref()),
            Value::Text(event.quad.as_str().to_string()),
            Value::Text(event.kind.as_str().to_string()),
            text(event.speech_act.map(SpeechAct::as_str)),
            text(event.content_type.map(EventType::as_str)),
            json(&event.issues)?,
            json(&event.leverage)?,
            Value::Integer(i64::from(event.negated)),
            Value::Integer(i64::from(event.hypothetical)),
            text(event.speaker.as_deref()),
            text(event.attribution.as_deref()),
            match event.reported_count {
                Some(count) => Value::Integer(i64::from(count)),
                None => Value::Null,
            },
            Value::Real(f64::from(event.confidence)),
        ];
        Ok(EventRow { values })
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = &Value> {
        self.values.iter()
    }
}

/// JSON columns: `null` values are stored as SQL NULL, everything else as JSON text.
mod erased {
    use rusqlite::types::Value;
    use serde::Serialize;

    pub(crate) trait Json {
        fn to_json(&self) -> Result<Value, String>;
    }

    impl<T: Serialize> Json for Option<T> {
        fn to_json(&self) -> Result<Value, String> {
            match self {
                Some(value) => serde_json::to_string(value)
                    .map(Value::Text)
                    .map_err(|err| err.to_string()),
                None => Ok(Value::Null),
            }
        }
    }

    impl<T: Serialize> Json for Vec<T> {
        fn to_json(&self) -> Result<Value, String> {
            serde_json::to_string(self)
                .map(Value::Text)
                .map_err(|err| err.to_string())
        }
    }
}

fn to_i64(offset: usize) -> Result<i64, String> {
    i64::try_from(offset).map_err(|_| format!("offset {offset} is too large"))
}

/// The last day a partial date covers.
fn last_day(date: &PartialDate) -> Option<NaiveDate> {
    match (date.month, date.day) {
        (Some(_), Some(_)) => date.as_date(),
        (Some(month), None) => {
            let (next_year, next_month) = if month >= 12 {
                (date.year + 1, 1)
            } else {
                (date.year, month + 1)
            };
            NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|day| day.pred_opt())
        }
        (None, _) => NaiveDate::from_ymd_opt(date.year, 12, 31),
    }
}

/// Parses a stored `YYYY-MM-DD`.
pub(crate) fn parse_day(text: Option<&str>) -> Result<Option<NaiveDate>, String> {
    match text {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("date {text:?}")),
    }
}

/// Parses a JSON column (`None` for SQL NULL), naming the column when it is not valid.
fn from_json<T: serde::de::DeserializeOwned>(
    column: Option<(String, &str)>,
) -> Result<Option<T>, String> {
    match column {
        Some((text, name)) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|err| format!("{name}: {err}")),
        None => Ok(None),
    }
}

/// Reads one row selected with [`EVENT_COLUMNS`] back into an event.
pub(crate) fn event_from_row(row: &Row<'_>, path: &Path) -> Result<Event, Error> {
    let sqlite = |source| Error::Sqlite {
        path: path.to_path_buf(),
        what: "reading an event".into(),
        source,
    };
    let seq: i64 = row.get(25).map_err(sqlite)?;
    let corrupt = |message: String| Error::Corrupt {
        path: path.to_path_buf(),
        what: format!("event row {seq}"),
        message,
    };
    let get_text = |index: usize| -> Result<String, Error> { row.get(index).map_err(sqlite) };
    let get_opt =
        |index: usize| -> Result<Option<String>, Error> { row.get(index).map_err(sqlite) };
    let json_text = |index: usize, name: &'static str| -> Result<Option<(String, &str)>, Error> {
        Ok(get_opt(index)?.map(|text| (text, name)))
    };

    let lang_text = get_text(3)?;
    let event_type_text = get_text(11)?;
    let quad_text = get_text(13)?;
    let kind_text = get_text(14)?;
    let span_start: i64 = row.get(5).map_err(sqlite)?;
    let span_end: i64 = row.get(6).map_err(sqlite)?;
    let actor: Option<Actor> = from_json(json_text(9, "actor")?).map_err(corrupt)?;
    let recipient: Option<Actor> = from_json(json_text(10, "recipient")?).map_err(corrupt)?;
    let issues: Option<Vec<Issue>> = from_json(json_text(17, "issues")?).map_err(corrupt)?;
    let leverage: Option<Leverage> = from_json(json_text(18, "leverage")?).map_err(corrupt)?;
    let date = match get_opt(7)? {
        Some(text) => {
            Some(PartialDate::parse(&text).ok_or_else(|| corrupt(format!("date {text:?}")))?)
        }
        None => None,
    };
    let date_source = match get_opt(8)?.as_deref() {
        None => None,
        Some("text") => Some(DateSource::Text),
        Some("relative") => Some(DateSource::Relative),
        Some("published") => Some(DateSource::Published),
        Some(other) => return Err(corrupt(format!("date_source {other:?}"))),
    };
    let speech_act = match get_opt(15)? {
        Some(text) => {
            Some(SpeechAct::parse(&text).ok_or_else(|| corrupt(format!("speech_act {text:?}")))?)
        }
        None => None,
    };
    let content_type = match get_opt(16)? {
        Some(text) => {
            Some(EventType::parse(&text).ok_or_else(|| corrupt(format!("content_type {text:?}")))?)
        }
        None => None,
    };
    let reported_count: Option<i64> = row.get(23).map_err(sqlite)?;
    let confidence: f64 = row.get(24).map_err(sqlite)?;
    Ok(Event {
        id: get_text(0)?,
        doc_id: get_text(1)?,
        published: parse_day(get_opt(2)?.as_deref()).map_err(corrupt)?,
        lang: Lang::parse(&lang_text).ok_or_else(|| corrupt(format!("lang {lang_text:?}")))?,
        sentence: get_text(4)?,
        span: [span_start.max(0) as usize, span_end.max(0) as usize],
        date,
        date_source,
        actor,
        recipient,
        event_type: EventType::parse(&event_type_text)
            .ok_or_else(|| corrupt(format!("event_type {event_type_text:?}")))?,
        mode: get_opt(12)?,
        quad: Quad::parse(&quad_text).ok_or_else(|| corrupt(format!("quad {quad_text:?}")))?,
        kind: Kind::parse(&kind_text).ok_or_else(|| corrupt(format!("kind {kind_text:?}")))?,
        speech_act,
        content_type,
        issues: issues.unwrap_or_default(),
        leverage,
        negated: row.get::<_, i64>(19).map_err(sqlite)? != 0,
        hypothetical: row.get::<_, i64>(20).map_err(sqlite)? != 0,
        speaker: get_opt(21)?,
        attribution: get_opt(22)?,
        reported_count: reported_count.and_then(|count| u32::try_from(count).ok()),
        confidence: confidence as f32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(date: &str, expect_last: &str) {
        let date = PartialDate::parse(date).unwrap();
        assert_eq!(last_day(&date).unwrap().to_string(), expect_last);
    }

    #[test]
    fn last_day_of_partial_dates() {
        check("2025-12-24", "2025-12-24");
        check("2025-12", "2025-12-31");
        check("2024-02", "2024-02-29");
        check("2025", "2025-12-31");
    }
}
