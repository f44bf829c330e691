//! Invariants of the shipped dictionary and of `find`:
//! - every alias in the shipped data is found when it is the whole text ("matched ⇔ in the
//!   dictionary", as charabia checks its stop words);
//! - text made only of words that are no alias yields no mention;
//! - on any input, mentions are ordered, do not overlap, sit on char boundaries, and
//!   `actor.text` is the slice they point at.

use proptest::prelude::*;
use std::collections::HashSet;
use trecho_actors::{ActorDictionary, ActorMention, ResolveContext};

const SHIPPED: &[(&str, &str)] = &[
    ("people.tsv", include_str!("../data/people.tsv")),
    ("roles.tsv", include_str!("../data/roles.tsv")),
    ("agencies.tsv", include_str!("../data/agencies.tsv")),
    ("groups.tsv", include_str!("../data/groups.tsv")),
    ("igos.tsv", include_str!("../data/igos.tsv")),
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("agents.tsv", include_str!("../data/agents.tsv")),
    (
        "petrarch_people.tsv",
        include_str!("../data/petrarch_people.tsv"),
    ),
    (
        "petrarch_groups.tsv",
        include_str!("../data/petrarch_groups.tsv"),
    ),
    (
        "petrarch_countries.tsv",
        include_str!("../data/petrarch_countries.tsv"),
    ),
];

/// (file, line, alias as written without its `=` marker, kind) for every shipped alias.
type Alias = (&'static str, usize, &'static str, &'static str);

/// The shipped aliases, read once.
fn shipped_aliases() -> &'static [Alias] {
    static ALIASES: std::sync::OnceLock<Vec<Alias>> = std::sync::OnceLock::new();
    ALIASES.get_or_init(read_shipped_aliases)
}

fn read_shipped_aliases() -> Vec<Alias> {
    let mut aliases = Vec::new();
    for (file, text) in SHIPPED {
        for (line_idx, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                fields.len(),
                7,
                "{file}:{} has {} fields",
                line_idx + 1,
                fields.len()
            );
            for alias in fields[0]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                aliases.push((
                    *file,
                    line_idx + 1,
                    alias.trim_start_matches('='),
                    fields[6],
                ));
            }
        }
    }
    aliases
}

/// A rough fold (lowercase, common accents off, hyphens as spaces), enough to compare aliases.
fn rough_fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'Á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'É' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'Í' | 'ï' | 'î' => 'i',
            'ó' | 'Ó' | 'ö' | 'ô' => 'o',
            'ú' | 'Ú' | 'ü' | 'û' => 'u',
            'ñ' | 'Ñ' => 'n',
            '-' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

fn check_structure(text: &str, mentions: &[ActorMention]) {
    let mut last_end = 0;
    for mention in mentions {
        assert!(mention.start < mention.end, "empty mention in {text:?}");
        assert!(
            mention.start >= last_end,
            "mentions overlap or are out of order in {text:?}"
        );
        assert!(text.is_char_boundary(mention.start) && text.is_char_boundary(mention.end));
        assert_eq!(
            text.get(mention.start..mention.end),
            Some(mention.actor.text.as_str())
        );
        last_end = mention.end;
    }
}

#[test]
fn every_shipped_alias_is_found_as_a_whole() {
    let dictionary = dictionary();
    let ctx = ResolveContext::default();
    let aliases = shipped_aliases();
    // An alias also listed as `ignore` (or only usable next to a country) yields nothing.
    let silent: HashSet<String> = aliases
        .iter()
        .filter(|(file, _, _, kind)| *kind == "ignore" && !file.starts_with("petrarch_"))
        .map(|(_, _, alias, _)| rough_fold(alias))
        .collect();
    let mut n_checked = 0;
    let mut misses = Vec::new();
    for (file, line, alias, kind) in aliases {
        if matches!(*kind, "ignore" | "agent-combined") || silent.contains(&rough_fold(alias)) {
            continue;
        }
        n_checked += 1;
        let mentions = dictionary.find(alias, &ctx);
        check_structure(alias, &mentions);
        let covered = mentions
            .iter()
            .any(|m| m.start == 0 && m.end == alias.len());
        if !covered {
            misses.push(format!(
                "{file}:{line} {alias:?} → {:?}",
                mentions.iter().map(|m| &m.actor.text).collect::<Vec<_>>()
            ));
        }
    }
    assert!(n_checked > 40_000, "only {n_checked} aliases checked");
    assert!(
        misses.is_empty(),
        "{} of {n_checked} aliases not found whole:\n{}",
        misses.len(),
        misses[..misses.len().min(40)].join("\n")
    );
}

#[test]
fn plain_words_are_no_actors() {
    let dictionary = dictionary();
    let text = "He said on Tuesday that the talks would go on and that they would meet again next \
                week, dijo el martes que las conversaciones seguirán la próxima semana.";
    assert_eq!(
        dictionary.find(text, &ResolveContext::default()),
        Vec::new()
    );
}

proptest! {
    #[test]
    fn arbitrary_strings_give_well_formed_mentions(text in any::<String>()) {
        let dictionary = dictionary();
        check_structure(&text, &dictionary.find(&text, &ResolveContext::default()));
    }

    #[test]
    fn any_text_gives_well_formed_mentions(text in "\\PC{0,80}") {
        let dictionary = dictionary();
        check_structure(&text, &dictionary.find(&text, &ResolveContext::default()));
    }

    #[test]
    fn aliases_in_running_text_give_well_formed_mentions(
        picks in proptest::collection::vec((0usize..60_000, "[ ,.;:'’()\\-]{1,3}|'s |\\s+de\\s+|\\s+"), 1..8)
    ) {
        let aliases = shipped_aliases();
        let mut text = String::new();
        for (pick, separator) in &picks {
            text.push_str(aliases[pick % aliases.len()].2);
            text.push_str(separator);
        }
        let dictionary = dictionary();
        check_structure(&text, &dictionary.find(&text, &ResolveContext::default()));
    }
}

/// One dictionary for all proptest cases (building it per case would dominate the run).
fn dictionary() -> &'static ActorDictionary {
    static DICTIONARY: std::sync::OnceLock<ActorDictionary> = std::sync::OnceLock::new();
    DICTIONARY.get_or_init(ActorDictionary::builtin)
}
