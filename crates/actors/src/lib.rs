//! Actors: the dictionary of countries, office-holders, agencies, armed and criminal groups and
//! international organisations, in English and Spanish, and how surface strings resolve to
//! [`Actor`]s (country, sector, canonical name) at a given date.
//!
//! Planned API (the actors work fills it in):
//! `ActorDictionary::builtin()`, `ActorDictionary::load_user(text, source)`,
//! `ActorDictionary::find(sentence, &ResolveContext) -> Vec<ActorMention>`,
//! `ActorDictionary::lookup(text, &ResolveContext) -> Option<Actor>`.

use trecho_model::Actor;

/// The actor dictionary.
#[derive(Debug, Default)]
pub struct ActorDictionary {}

/// One actor found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte offset of the mention in the sentence.
    pub start: usize,
    /// Byte offset one past the mention.
    pub end: usize,
    /// The resolved actor.
    pub actor: Actor,
}
