//! Closed vocabularies of the event record: PLOVER types, quads, kinds, speech acts, issues,
//! languages and sector codes, with their exact wire spellings.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The 16 PLOVER v2.0 event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Agree to, offer, promise or sign.
    Agree,
    /// Meet, visit, talk, mediate.
    Consult,
    /// Praise, endorse, defend.
    Support,
    /// Yield, apologise, ease, release.
    Concede,
    /// Material cooperation: extraditions, joint operations, intelligence sharing.
    Cooperate,
    /// Economic, military or humanitarian aid.
    Aid,
    /// Withdraw, pause, lift.
    Retreat,
    /// Demand, ask, appeal.
    Request,
    /// Criticise, accuse, investigate.
    Accuse,
    /// Refuse, reject, veto, rule out.
    Reject,
    /// Threaten (with violence, sanctions, restrictions…).
    Threaten,
    /// Demonstrate, strike, boycott.
    Protest,
    /// Tariffs, embargoes, designations, expulsions, cut ties.
    Sanction,
    /// Deploy troops, raise alert, mobilise.
    Mobilize,
    /// Arrest, seize, deport, raid, restrict.
    Coerce,
    /// Strike, attack, kill, fight.
    Assault,
}

/// The type of an act threatened, promised, demanded or ruled out: a PLOVER type.
pub type ContentType = EventType;

/// All event types in the order of `spec/events.md`.
pub const ALL_EVENT_TYPES: [EventType; 16] = [
    EventType::Agree,
    EventType::Consult,
    EventType::Support,
    EventType::Concede,
    EventType::Cooperate,
    EventType::Aid,
    EventType::Retreat,
    EventType::Request,
    EventType::Accuse,
    EventType::Reject,
    EventType::Threaten,
    EventType::Protest,
    EventType::Sanction,
    EventType::Mobilize,
    EventType::Coerce,
    EventType::Assault,
];

impl EventType {
    /// The upper-case PLOVER name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Parses a PLOVER name, case-insensitively; older names are mapped as the gold sets do
    /// (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT).
    pub fn parse(name: &str) -> Option<EventType> {
        let upper = name.trim().to_ascii_uppercase();
        Some(match upper.as_str() {
            "AGREE" => EventType::Agree,
            "CONSULT" => EventType::Consult,
            "SUPPORT" => EventType::Support,
            "CONCEDE" => EventType::Concede,
            "COOPERATE" => EventType::Cooperate,
            "AID" => EventType::Aid,
            "RETREAT" => EventType::Retreat,
            "REQUEST" | "DEMAND" => EventType::Request,
            "ACCUSE" | "DISAPPROVE" | "INVESTIGATE" => EventType::Accuse,
            "REJECT" => EventType::Reject,
            "THREATEN" => EventType::Threaten,
            "PROTEST" => EventType::Protest,
            "SANCTION" | "SACTION" => EventType::Sanction,
            "MOBILIZE" => EventType::Mobilize,
            "COERCE" => EventType::Coerce,
            "ASSAULT" | "FIGHT" => EventType::Assault,
            _ => return None,
        })
    }

    /// The PLOVER quad class of the type.
    pub fn quad(self) -> Quad {
        match self {
            EventType::Agree | EventType::Consult | EventType::Support | EventType::Concede => {
                Quad::VerbalCooperation
            }
            EventType::Cooperate | EventType::Aid | EventType::Retreat => Quad::MaterialCooperation,
            EventType::Request | EventType::Accuse | EventType::Reject | EventType::Threaten => {
                Quad::VerbalConflict
            }
            EventType::Protest
            | EventType::Sanction
            | EventType::Mobilize
            | EventType::Coerce
            | EventType::Assault => Quad::MaterialConflict,
        }
    }

    /// A conflict–cooperation weight in -10..10 in the spirit of the Goldstein scale, used by
    /// the said-versus-done index.
    pub fn goldstein(self) -> f32 {
        match self {
            EventType::Agree => 4.5,
            EventType::Consult => 1.5,
            EventType::Support => 3.0,
            EventType::Concede => 5.0,
            EventType::Cooperate => 6.0,
            EventType::Aid => 7.0,
            EventType::Retreat => 5.0,
            EventType::Request => -1.0,
            EventType::Accuse => -2.0,
            EventType::Reject => -4.0,
            EventType::Threaten => -5.0,
            EventType::Protest => -6.5,
            EventType::Sanction => -8.0,
            EventType::Mobilize => -7.0,
            EventType::Coerce => -7.5,
            EventType::Assault => -10.0,
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// PLOVER quad class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quad {
    /// AGREE, CONSULT, SUPPORT, CONCEDE.
    VerbalCooperation,
    /// COOPERATE, AID, RETREAT.
    MaterialCooperation,
    /// REQUEST, ACCUSE, REJECT, THREATEN.
    VerbalConflict,
    /// PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.
    MaterialConflict,
}

impl Quad {
    /// The snake_case wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "verbal_cooperation",
            Quad::MaterialCooperation => "material_cooperation",
            Quad::VerbalConflict => "verbal_conflict",
            Quad::MaterialConflict => "material_conflict",
        }
    }

    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<Quad> {
        Some(match name {
            "verbal_cooperation" => Quad::VerbalCooperation,
            "material_cooperation" => Quad::MaterialCooperation,
            "verbal_conflict" => Quad::VerbalConflict,
            "material_conflict" => Quad::MaterialConflict,
            _ => return None,
        })
    }
}

impl fmt::Display for Quad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Words versus deeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A statement, threat, promise, demand, refusal, accusation or praise.
    Said,
    /// A material act reported as having happened or under way.
    Done,
}

impl Kind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Said => "said",
            Kind::Done => "done",
        }
    }

    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<Kind> {
        match name {
            "said" => Some(Kind::Said),
            "done" => Some(Kind::Done),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The speech act of a `said` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechAct {
    /// "will impose tariffs if…".
    Threat,
    /// "will send 10,000 soldiers".
    Promise,
    /// "must stop the flow of fentanyl".
    Demand,
    /// "we will never accept US troops on our soil".
    RedLine,
    /// "rejected the proposal".
    Refusal,
    /// "accused Mexico of…".
    Accusation,
    /// "praised Sheinbaum's cooperation".
    Praise,
    /// "called for calm".
    Appeal,
    /// "said the cartels govern Mexico".
    Claim,
    /// Any other statement.
    Other,
}

impl SpeechAct {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeechAct::Threat => "threat",
            SpeechAct::Promise => "promise",
            SpeechAct::Demand => "demand",
            SpeechAct::RedLine => "red_line",
            SpeechAct::Refusal => "refusal",
            SpeechAct::Accusation => "accusation",
            SpeechAct::Praise => "praise",
            SpeechAct::Appeal => "appeal",
            SpeechAct::Claim => "claim",
            SpeechAct::Other => "other",
        }
    }

    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<SpeechAct> {
        Some(match name {
            "threat" => SpeechAct::Threat,
            "promise" => SpeechAct::Promise,
            "demand" => SpeechAct::Demand,
            "red_line" => SpeechAct::RedLine,
            "refusal" => SpeechAct::Refusal,
            "accusation" => SpeechAct::Accusation,
            "praise" => SpeechAct::Praise,
            "appeal" => SpeechAct::Appeal,
            "claim" => SpeechAct::Claim,
            "other" => SpeechAct::Other,
            _ => return None,
        })
    }
}

impl fmt::Display for SpeechAct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Issue areas an event concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Issue {
    /// Military, terrorism, strikes, troops, borders as security.
    Security,
    /// Fentanyl, cartels as traffickers, narcotics.
    Drugs,
    /// Tariffs, USMCA, trade deals.
    Trade,
    /// Migrants, deportations, asylum, border crossings.
    Migration,
    /// The 1944 Water Treaty, deliveries, reservoirs.
    Water,
    /// Oil, gas, fuel, electricity.
    Energy,
    /// Extraditions, courts, prosecutions.
    Justice,
    /// Embassies, ambassadors, summits, sovereignty as diplomacy.
    Diplomacy,
    /// Rights, abuses, due process.
    HumanRights,
    /// Anything else.
    Other,
}

/// All issues in the order of `spec/events.md`.
pub const ALL_ISSUES: [Issue; 10] = [
    Issue::Security,
    Issue::Drugs,
    Issue::Trade,
    Issue::Migration,
    Issue::Water,
    Issue::Energy,
    Issue::Justice,
    Issue::Diplomacy,
    Issue::HumanRights,
    Issue::Other,
];

impl Issue {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Issue::Security => "security",
            Issue::Drugs => "drugs",
            Issue::Trade => "trade",
            Issue::Migration => "migration",
            Issue::Water => "water",
            Issue::Energy => "energy",
            Issue::Justice => "justice",
            Issue::Diplomacy => "diplomacy",
            Issue::HumanRights => "human_rights",
            Issue::Other => "other",
        }
    }

    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<Issue> {
        ALL_ISSUES
            .iter()
            .copied()
            .find(|issue| issue.as_str() == name)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Languages trecho reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses `en`/`es` (also `eng`, `spa`, `english`, `spanish`, `en-US`…).
    pub fn parse(name: &str) -> Option<Lang> {
        let lower = name.trim().to_ascii_lowercase();
        let head = lower.split(['-', '_']).next().unwrap_or("");
        match head {
            "en" | "eng" | "english" => Some(Lang::En),
            "es" | "spa" | "spanish" | "español" | "espanol" => Some(Lang::Es),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Sector codes of the event record (CAMEO/PLOVER style).
pub struct Sector;

impl Sector {
    /// Every sector code the record allows.
    pub const ALL: [&'static str; 15] = [
        "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "CRM", "REB", "BUS", "MED", "CVL", "IGO", "NGO",
        "OPP", "PTY",
    ];

    /// Whether `code` is one of [`Sector::ALL`].
    pub fn is_valid(code: &str) -> bool {
        Self::ALL.contains(&code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_and_has_a_quad() {
        for event_type in ALL_EVENT_TYPES {
            assert_eq!(EventType::parse(event_type.as_str()), Some(event_type));
            let json = serde_json::to_string(&event_type).unwrap();
            assert_eq!(json, format!("\"{}\"", event_type.as_str()));
            let _ = event_type.quad();
        }
        assert_eq!(EventType::Sanction.quad(), Quad::MaterialConflict);
        assert_eq!(EventType::Concede.quad(), Quad::VerbalCooperation);
    }

    #[test]
    fn wire_names_match_serde() {
        for issue in ALL_ISSUES {
            assert_eq!(
                serde_json::to_string(&issue).unwrap(),
                format!("\"{issue}\"")
            );
        }
        assert_eq!(
            serde_json::to_string(&SpeechAct::RedLine).unwrap(),
            "\"red_line\""
        );
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
    }
}
