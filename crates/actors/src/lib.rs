//! Actors: the dictionary of countries, office-holders, agencies, armed and criminal groups and
//! international organisations, in English and Spanish, and how surface strings resolve to
//! [`Actor`]s (country, sector, canonical name) at a given date.
//!
//! ```
//! use trecho_actors::{ActorDictionary, ResolveContext};
//!
//! let dictionary = ActorDictionary::builtin();
//! let context = ResolveContext {
//!     date: chrono::NaiveDate::from_ymd_opt(2025, 12, 24),
//!     ..ResolveContext::default()
//! };
//! let sentence = "Trump threatened Sheinbaum with more tariffs to force Mexico to send more water.";
//! let mentions = dictionary.find(sentence, &context);
//! let names: Vec<_> = mentions.iter().map(|m| m.actor.name.clone().unwrap_or_default()).collect();
//! assert_eq!(names, ["Donald Trump", "Claudia Sheinbaum", "Mexico"]);
//! assert_eq!(&sentence[mentions[1].start..mentions[1].end], "Sheinbaum");
//! ```
//!
//! Matching looks up the word spans of a case- and accent-folded copy of the sentence (see
//! `fold.rs`) in one hash index of folded aliases, built once from the shipped data (an
//! Aho-Corasick automaton over ~90,000 aliases took most of a second to build; the index takes
//! milliseconds). The rules that turn matches into actors (dates, the document's country,
//! "Mexican" + "soldiers") are in `resolve.rs`. The data files, their format and the rules are
//! described in the crate's README.md.

mod data;
mod error;
mod fold;
mod resolve;
mod spelling;

pub use error::Error;
use trecho_model::{Actor, Lang};

/// The actor dictionary: shipped data plus any user files, compiled into one automaton.
///
/// Cheap to share: wrap it in an `Arc`; it is `Send + Sync` and `find` takes `&self`.
#[derive(Debug, Clone)]
pub struct ActorDictionary {
    inner: resolve::Matcher,
}

/// What the caller knows about the text being resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolveContext {
    /// The date the text speaks of (usually the publication date); picks office-holders.
    /// `None` means "now": the current holders (entries with no end date) win.
    pub date: Option<chrono::NaiveDate>,
    /// The language of the text, if known. The current rules do not need it (aliases carry
    /// their language, and role lines are ordered per language); it is here for callers to
    /// pass and for language-specific rules.
    pub lang: Option<Lang>,
    /// The document's main country (ISO alpha-3), used for role words such as "the president".
    pub default_country: Option<String>,
}

/// What kind of dictionary entry a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A country name ("Mexico", "EE.UU.").
    Country,
    /// A demonym ("Mexican", "estadounidenses").
    Demonym,
    /// A capital or city standing for its country's government ("Washington").
    Capital,
    /// A named person ("Sheinbaum", "Donald Trump").
    Person,
    /// A role word resolved by date and country ("the president", "el canciller").
    Role,
    /// A named agency or a generic agent with its country ("DEA", "Mexican soldiers").
    Agency,
    /// A criminal or armed group ("Sinaloa Cartel").
    Group,
    /// An international organisation ("OAS", "ONU").
    Igo,
}

impl MentionKind {
    /// The lowercase name used in the data files and in `--explain`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Country => "country",
            MentionKind::Demonym => "demonym",
            MentionKind::Capital => "capital",
            MentionKind::Person => "person",
            MentionKind::Role => "role",
            MentionKind::Agency => "agency",
            MentionKind::Group => "group",
            MentionKind::Igo => "igo",
        }
    }
}

/// One actor found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte offset of the mention in the sentence (on a char boundary).
    pub start: usize,
    /// Byte offset one past the mention (on a char boundary).
    pub end: usize,
    /// The resolved actor; `actor.text` is `&sentence[start..end]`.
    pub actor: Actor,
    /// What kind of entry fired.
    pub kind: MentionKind,
    /// The dictionary entry (or entries, joined by ` + `) that fired, as `file:line alias`.
    pub entry: String,
}

impl ActorDictionary {
    /// The shipped dictionary (built into the binary).
    pub fn builtin() -> ActorDictionary {
        ActorDictionary {
            inner: resolve::Matcher::builtin(),
        }
    }

    /// Adds the entries of a user dictionary file (`--actors FILE`, same format as the shipped
    /// data). Its entries win over shipped ones with the same alias. Returns how many entries were
    /// read; on error nothing is added and the error names `source` and the line.
    pub fn load_user(&mut self, text: &str, source: &str) -> Result<usize, Error> {
        let entries = data::parse(text, source, true)?;
        let n_entries = entries.len();
        self.inner.add_entries(entries);
        Ok(n_entries)
    }

    /// A dictionary of only the entries of a user file, without the shipped data: for checking
    /// a file on its own (what resolves through it and nothing else). Errors as
    /// [`ActorDictionary::load_user`].
    pub fn from_user(text: &str, source: &str) -> Result<ActorDictionary, Error> {
        let entries = data::parse(text, source, true)?;
        let mut inner = resolve::Matcher::empty();
        inner.add_entries(entries);
        Ok(ActorDictionary { inner })
    }

    /// Every actor mention in `sentence`: non-overlapping, longest match first, ordered by start.
    pub fn find(&self, sentence: &str, ctx: &ResolveContext) -> Vec<ActorMention> {
        self.inner.find(sentence, ctx)
    }

    /// Resolves a short text ("the Mexican navy", "Rubio") to one mention: the mention covering
    /// the whole text if there is one, else the longest one in it.
    pub fn lookup(&self, text: &str, ctx: &ResolveContext) -> Option<ActorMention> {
        let mentions = self.inner.find(text, ctx);
        let best = mentions.into_iter().max_by_key(|mention| {
            (
                mention.end - mention.start,
                std::cmp::Reverse(mention.start),
            )
        })?;
        // A place preceded only by capitalized words is the end of a longer name ("Feliciano
        // Valencia", "Michael Jordan"), not the place: the name is unknown, so no actor.
        let before = text[..best.start].trim();
        let name_words = !before.is_empty()
            && before
                .split_whitespace()
                .all(|word| word.chars().next().is_some_and(char::is_uppercase));
        if name_words && matches!(best.kind, MentionKind::Country | MentionKind::Capital) {
            return None;
        }
        Some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(date: &str) -> ResolveContext {
        ResolveContext {
            date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            ..ResolveContext::default()
        }
    }

    #[test]
    fn a_role_takes_the_documents_country_even_with_no_holder_known_for_it() {
        let dictionary = ActorDictionary::builtin();
        let ctx = context("2025-03-01");
        // The document's country decides, even where the data knows no holder for it: a
        // German story's defence minister is not Mexico's.
        let german = ResolveContext {
            default_country: Some("DEU".into()),
            ..context("2025-03-01")
        };
        let mention = dictionary.lookup("Defense Minister", &german).unwrap();
        assert_eq!(mention.actor.country.as_deref(), Some("DEU"), "{mention:?}");
        assert_eq!(mention.actor.name, None);
        let mexican = ResolveContext {
            default_country: Some("MEX".into()),
            ..context("2025-03-01")
        };
        let mention = dictionary.lookup("Defense Minister", &mexican).unwrap();
        assert_eq!(mention.actor.country.as_deref(), Some("MEX"));
        assert!(mention.actor.name.is_some());
        // A country in the phrase still decides.
        let mention = dictionary.lookup("el canciller ruso", &ctx).unwrap();
        assert_eq!(mention.actor.country.as_deref(), Some("RUS"));
    }

    #[test]
    fn a_place_at_the_end_of_an_unknown_name_is_not_the_place() {
        let dictionary = ActorDictionary::builtin();
        let ctx = context("2025-03-01");
        // A Colombian senator, not Spain's third city.
        assert_eq!(dictionary.lookup("Feliciano Valencia", &ctx), None);
        let valencia = dictionary.lookup("Valencia", &ctx);
        assert!(valencia.is_some());
        let mention = dictionary.lookup("the Mexican navy", &ctx).unwrap();
        assert_eq!(mention.actor.country.as_deref(), Some("MEX"));
    }

    #[test]
    fn people_resolve_under_other_spellings_of_their_name() {
        let dictionary = ActorDictionary::builtin();
        let ctx = context("2025-03-01");
        for (text, country) in [
            ("Alexander Lukashenko", "BLR"),
            ("Kassym-Jomart Tokayev", "KAZ"),
            ("President Alexander Lukashenko", "BLR"),
        ] {
            let mention = dictionary
                .lookup(text, &ctx)
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                mention.actor.country.as_deref(),
                Some(country),
                "{mention:?}"
            );
            assert_eq!(mention.kind, MentionKind::Person);
        }
        // In a sentence, the name is found where it stands.
        let mentions = dictionary.find("On Monday Alexander Lukashenko met the envoy.", &ctx);
        let person = mentions
            .iter()
            .find(|mention| mention.kind == MentionKind::Person)
            .expect("the person is found");
        assert_eq!(person.actor.text, "Alexander Lukashenko");
        // A surname alone, or a name no entry spells alike, is nobody.
        assert_eq!(dictionary.lookup("Lukashenko", &ctx), None);
        assert_eq!(dictionary.lookup("Feliciano Valencia", &ctx), None);
    }

    #[test]
    fn user_file_adds_and_overrides_entries() {
        let mut dictionary = ActorDictionary::builtin();
        let user = "# my additions\n\
                    Juan Pérez|Pérez\tMEX\tGOV\tJuan Pérez\t2025-01-01\t\tperson\n\
                    New Mexico\tUSA\tGOV\tState of New Mexico\t\t\tagency\n";
        assert_eq!(dictionary.load_user(user, "mine.tsv"), Ok(2));
        let ctx = context("2025-06-01");
        let mention = dictionary.lookup("el diputado Pérez", &ctx).unwrap();
        assert_eq!(mention.actor.name.as_deref(), Some("Juan Pérez"));
        assert_eq!(mention.entry, "mine.tsv:2 Pérez");
        // The shipped data ignores "New Mexico"; the user's entry wins.
        let mention = dictionary.lookup("New Mexico", &ctx).unwrap();
        assert_eq!(mention.actor.country.as_deref(), Some("USA"));
    }

    #[test]
    fn former_states_and_armed_groups_of_the_archive_resolve() {
        let dictionary = ActorDictionary::builtin();
        let ctx = context("1995-06-01");
        for (text, country, sector) in [
            ("el ejército yugoslavo", Some("SRB"), Some("MIL")),
            ("Yugoslavia", Some("SRB"), None),
            (
                "the Former Yugoslav Republic of Macedonia",
                Some("MKD"),
                None,
            ),
            ("UNITA", Some("AGO"), Some("REB")),
            ("Sendero Luminoso", Some("PER"), Some("REB")),
            ("el Frente Polisario", Some("ESH"), Some("REB")),
        ] {
            let mention = dictionary
                .lookup(text, &ctx)
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(mention.actor.country.as_deref(), country, "{text}");
            assert_eq!(mention.actor.sector.as_deref(), sector, "{text}");
        }
    }

    #[test]
    fn a_user_file_alone_resolves_only_its_own_entries() {
        let user = "Juan Pérez|Pérez\tMEX\tGOV\tJuan Pérez\t2025-01-01\t\tperson\n";
        let dictionary = ActorDictionary::from_user(user, "mine.tsv").unwrap();
        let ctx = context("2025-06-01");
        let mention = dictionary.lookup("el diputado Pérez", &ctx).unwrap();
        assert_eq!(mention.entry, "mine.tsv:1 Pérez");
        assert_eq!(dictionary.lookup("Mexico", &ctx), None);
        assert!(ActorDictionary::from_user("Bad line\tMEX\n", "bad.tsv").is_err());
    }

    #[test]
    fn user_file_errors_name_the_file_and_line_and_add_nothing() {
        let mut dictionary = ActorDictionary::builtin();
        let error = dictionary
            .load_user("Ana\tMEX\tGOV\tAna\t\t\tperson\nBad line\tMEX\n", "bad.tsv")
            .unwrap_err();
        assert_eq!(error.source_name, "bad.tsv");
        assert_eq!(error.line, 2);
        assert!(error
            .to_string()
            .starts_with("bad.tsv:2: expected 7 tab-separated fields"));
        assert_eq!(dictionary.lookup("Ana", &context("2025-06-01")), None);
    }

    #[test]
    fn lookup_prefers_a_mention_with_a_country() {
        let dictionary = ActorDictionary::builtin();
        let mention = dictionary
            .lookup("Romania's new government", &context("1995-01-01"))
            .unwrap();
        assert_eq!(mention.actor.country.as_deref(), Some("ROU"));
        assert_eq!(mention.actor.sector.as_deref(), Some("GOV"));
        assert_eq!(mention.kind, MentionKind::Agency);
    }

    #[test]
    fn dictionary_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<ActorDictionary>();
    }
}
