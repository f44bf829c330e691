//! Query-string parameters: parsed once into typed values, each refusal naming the parameter.
//!
//! Every value is checked here (type, length, characters, ranges) before it reaches the store,
//! and the store only ever sees it through bound SQL parameters.

use crate::error::ApiError;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use trecho::model::{EventType, Issue, Kind, Lang, PartialDate, SpeechAct};

/// The raw query string pairs, as axum parses them.
pub type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Checks the query string against the names an endpoint takes.
pub fn params(query: RawQuery, known: &[&str]) -> Result<Params, ApiError> {
    let Query(pairs) = query.map_err(|rejection| {
        ApiError::bad(
            "query",
            format!("the query string cannot be read: {rejection}"),
        )
    })?;
    Params::new(pairs, known)
}

/// The longest free-text value accepted (actor names, search text).
pub const MAX_TEXT_LEN: usize = 200;
/// The largest page size.
pub const MAX_LIMIT: usize = 1000;
/// The page size when none is given.
pub const DEFAULT_LIMIT: usize = 100;
/// The largest offset accepted (deeper paging means the filters are too wide).
pub const MAX_OFFSET: usize = 10_000_000;

/// The raw pairs of a query string, checked for duplicates and unknown names.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Checks that every name is in `known` (plus `token`, which the auth layer reads) and that
    /// no name is given twice.
    pub fn new(pairs: Vec<(String, String)>, known: &[&str]) -> Result<Params, ApiError> {
        for (idx, (name, _)) in pairs.iter().enumerate() {
            if name == "token" {
                continue;
            }
            if !known.contains(&name.as_str()) {
                return Err(ApiError::bad(
                    &printable(name),
                    format!(
                        "unknown parameter; this endpoint takes: {}",
                        known.join(", ")
                    ),
                ));
            }
            if pairs.iter().skip(idx + 1).any(|(other, _)| other == name) {
                return Err(ApiError::bad(name, "given more than once; give it once"));
            }
        }
        Ok(Params { pairs })
    }

    /// The value of a parameter; an empty value counts as absent (HTML forms send `actor=`).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    }

    /// Free text: at most [`MAX_TEXT_LEN`] characters, no control characters.
    pub fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        if value.chars().count() > MAX_TEXT_LEN {
            return Err(ApiError::bad(
                name,
                format!("longer than {MAX_TEXT_LEN} characters; shorten it"),
            ));
        }
        if value.chars().any(char::is_control) {
            return Err(ApiError::bad(
                name,
                "contains control characters; send printable text only",
            ));
        }
        Ok(Some(value.to_string()))
    }

    /// An actor filter: an ISO alpha-3 country code (`USA`) or a name ("Claudia Sheinbaum").
    pub fn actor(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(value) = self.text(name)? else {
            return Ok(None);
        };
        let allowed = |c: char| c.is_alphanumeric() || " .-'’_".contains(c);
        if !value.chars().all(allowed) {
            return Err(ApiError::bad(
                name,
                "expected a country code such as USA or a name (letters, digits, spaces, . - ' _)",
            ));
        }
        Ok(Some(value))
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn date(&self, name: &str) -> Result<Option<PartialDate>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        PartialDate::parse(value).map(Some).ok_or_else(|| {
            ApiError::bad(
                name,
                format!(
                    "{:?} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
                    printable(value)
                ),
            )
        })
    }

    /// A non-negative integer within `0..=max`, or `default`.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(default);
        };
        let number: usize = value.parse().map_err(|_| {
            ApiError::bad(
                name,
                format!("{:?} is not a whole number", printable(value)),
            )
        })?;
        if number > max {
            return Err(ApiError::bad(
                name,
                format!("{number} is too large; give at most {max}"),
            ));
        }
        Ok(number)
    }

    /// One of a closed set of words, parsed by `parse`; the error lists the choices.
    pub fn choice<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
        choices: &[&str],
    ) -> Result<Option<T>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        parse(value).map(Some).ok_or_else(|| {
            ApiError::bad(
                name,
                format!(
                    "{:?} is not one of: {}",
                    printable(value),
                    choices.join(", ")
                ),
            )
        })
    }

    /// `format=json` (default) or `format=csv`.
    pub fn format(&self) -> Result<OutputFormat, ApiError> {
        Ok(self
            .choice(
                "format",
                |value| match value {
                    "json" => Some(OutputFormat::Json),
                    "csv" => Some(OutputFormat::Csv),
                    _ => None,
                },
                &["json", "csv"],
            )?
            .unwrap_or(OutputFormat::Json))
    }

    /// Parses the filters every list endpoint shares.
    pub fn filters(&self) -> Result<Filters, ApiError> {
        let filters = Filters {
            actor: self.actor("actor")?,
            recipient: self.actor("recipient")?,
            event_type: self.choice("type", EventType::parse, &event_type_names())?,
            kind: self.choice("kind", Kind::parse, &["said", "done"])?,
            issue: self.choice("issue", Issue::parse, &issue_names())?,
            from: self.date("from")?,
            to: self.date("to")?,
            lang: self.choice("lang", parse_lang, &["en", "es"])?,
            text: self.text("text")?,
        };
        if let (Some(from), Some(to)) = (filters.from, filters.to) {
            if from.first_day() > to.first_day() {
                return Err(ApiError::bad("to", format!("{to} is before from={from}")));
            }
        }
        Ok(filters)
    }
}

/// The answer's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// JSON.
    Json,
    /// CSV with a header row.
    Csv,
}

/// The filters shared by the event, ledger, timeline and index endpoints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Actor country code or name.
    pub actor: Option<String>,
    /// Recipient country code or name.
    pub recipient: Option<String>,
    /// PLOVER type.
    pub event_type: Option<EventType>,
    /// Said or done.
    pub kind: Option<Kind>,
    /// Issue.
    pub issue: Option<Issue>,
    /// First day of the range (the start of a partial date).
    pub from: Option<PartialDate>,
    /// Last day of the range (the end of a partial date).
    pub to: Option<PartialDate>,
    /// Sentence language.
    pub lang: Option<Lang>,
    /// Words the sentence contains.
    pub text: Option<String>,
}

/// Names the event endpoints take.
pub const EVENT_FILTERS: [&str; 9] = [
    "actor",
    "recipient",
    "type",
    "kind",
    "issue",
    "from",
    "to",
    "lang",
    "text",
];

/// `en` or `es` only: the API is stricter than the CLI's language names.
fn parse_lang(value: &str) -> Option<Lang> {
    match value {
        "en" => Some(Lang::En),
        "es" => Some(Lang::Es),
        _ => None,
    }
}

/// A speech act of the ledger (`threat`, `promise`, `demand`).
pub fn parse_commitment_act(value: &str) -> Option<SpeechAct> {
    match SpeechAct::parse(value) {
        Some(act @ (SpeechAct::Threat | SpeechAct::Promise | SpeechAct::Demand)) => Some(act),
        _ => None,
    }
}

/// Wire names of every event type.
pub fn event_type_names() -> Vec<&'static str> {
    trecho::model::ALL_EVENT_TYPES
        .iter()
        .map(|event_type| event_type.as_str())
        .collect()
}

/// Wire names of every issue.
pub fn issue_names() -> Vec<&'static str> {
    trecho::model::ALL_ISSUES
        .iter()
        .map(|issue| issue.as_str())
        .collect()
}

/// A value cut to 60 characters with control characters replaced, safe to echo in a message.
fn printable(value: &str) -> String {
    value
        .chars()
        .take(60)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &[(&str, &str)]) -> Result<Filters, String> {
        let pairs = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let params = Params::new(pairs, &EVENT_FILTERS).map_err(|e| format!("{e:?}"))?;
        params.filters().map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn good_filters_parse() {
        let filters = check(&[
            ("actor", "USA"),
            ("recipient", "MEX"),
            ("type", "threaten"),
            ("kind", "said"),
            ("issue", "water"),
            ("from", "2025-12"),
            ("to", "2026"),
            ("lang", "es"),
            ("text", "aranceles"),
        ])
        .unwrap();
        assert_eq!(filters.event_type, Some(EventType::Threaten));
        assert_eq!(filters.issue, Some(Issue::Water));
        assert_eq!(filters.lang, Some(Lang::Es));
        assert_eq!(filters.from, PartialDate::parse("2025-12"));
    }

    #[test]
    fn bad_values_name_the_parameter() {
        for (name, value) in [
            ("actor", "USA' OR 1=1 --"),
            ("type", "BOMB"),
            ("kind", "maybe"),
            ("issue", "water; DROP TABLE events"),
            ("from", "2025-13-01"),
            ("lang", "fr"),
            ("nonsense", "1"),
        ] {
            let err = check(&[(name, value)]).unwrap_err();
            assert!(err.contains(&format!("parameter: {name:?}")), "{err}");
        }
        let err = check(&[("from", "2026"), ("to", "2025")]).unwrap_err();
        assert!(err.contains("\"to\""), "{err}");
        let err = check(&[("text", "a"), ("text", "b")]).unwrap_err();
        assert!(err.contains("more than once"), "{err}");
    }

    #[test]
    fn empty_values_are_absent() {
        assert_eq!(
            check(&[("actor", ""), ("text", "  ")]).unwrap(),
            Filters::default()
        );
    }
}
