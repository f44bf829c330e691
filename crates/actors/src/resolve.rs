//! Matching and resolution: from a sentence to non-overlapping, resolved actor mentions.
//!
//! Rules, in the order they apply:
//! 1. Every alias is matched on folded text (case- and accent-insensitive), except aliases
//!    written all in capitals ("US", "UN", "ICE") or prefixed with `=` in the data, which must
//!    match exactly as written, so "us" and "un" are not countries.
//! 2. A match must start and end at word boundaries of the original sentence (a possessive
//!    "'s" after it is fine). Overlapping matches: the longest wins, then the leftmost.
//! 3. Entries for the same alias are ranked: entries valid at `ctx.date` first (`None` = now),
//!    then entries of `ctx.default_country`, then user entries, then file order.
//!    Role words ("the president", "el canciller") only resolve to a holder valid at the date,
//!    preferring the document's country; with no holder known they give a nameless actor of
//!    that country.
//! 4. Adjacent mentions combine: country or demonym + agent/role ("Mexican soldiers",
//!    "U.S. officials", "Mexico's army"), agent/role + demonym or "de/of" + country ("policía
//!    colombiana", "gobierno de México", "president of Mexico"), and role + person ("President
//!    Donald Trump", "la presidenta de México, Claudia Sheinbaum") becomes the person.

use crate::data::{self, Entry, EntryKind};
use crate::fold::{fold, fold_alias};
use crate::{ActorMention, MentionKind, ResolveContext};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use std::collections::HashMap;
use trecho_model::Actor;

/// The shipped data files, in priority order (earlier files win ties).
const BUILTIN_FILES: &[(&str, &str)] = &[
    ("people.tsv", include_str!("../data/people.tsv")),
    ("roles.tsv", include_str!("../data/roles.tsv")),
    ("agencies.tsv", include_str!("../data/agencies.tsv")),
    ("groups.tsv", include_str!("../data/groups.tsv")),
    ("igos.tsv", include_str!("../data/igos.tsv")),
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("agents.tsv", include_str!("../data/agents.tsv")),
];

/// One distinct surface form and the entries that carry it.
#[derive(Debug, Clone)]
struct Pattern {
    /// The alias as written in the data (for `--explain`).
    alias: String,
    /// For case-sensitive aliases: the exact text that must appear.
    exact: Option<String>,
    /// Indexes into `Matcher::entries`, in data order.
    entries: Vec<usize>,
}

/// The compiled dictionary.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
}

/// A match after resolution, before combination.
#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    kind: EntryKind,
    actor: Actor,
    entry: String,
    pattern: usize,
    /// The country came from the text next to the mention (not from the document default).
    country_fixed: bool,
}

impl Matcher {
    /// Compiles the shipped data.
    ///
    /// # Panics
    /// If a shipped data file does not parse: a bug caught by the crate's tests.
    pub(crate) fn builtin() -> Matcher {
        let mut entries = Vec::new();
        for (name, text) in BUILTIN_FILES {
            match data::parse(text, name, false) {
                Ok(parsed) => entries.extend(parsed),
                Err(error) => panic!("shipped actor data is broken: {error}"),
            }
        }
        Matcher::compile(entries)
    }

    /// Adds entries (from a user file) and recompiles.
    pub(crate) fn add(&mut self, new_entries: Vec<Entry>) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.extend(new_entries);
        *self = Matcher::compile(entries);
    }

    fn compile(entries: Vec<Entry>) -> Matcher {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut index: HashMap<(String, Option<String>), usize> = HashMap::new();
        let mut add = |folded: String,
                       exact: Option<String>,
                       alias: &str,
                       entry_idx: usize,
                       generated: bool| {
            if folded.is_empty() {
                return;
            }
            let key = (folded, exact);
            if let Some(&pattern_idx) = index.get(&key) {
                // A generated inflection never joins an alias written out in the data.
                if !generated {
                    let entries: &mut Vec<usize> = &mut patterns[pattern_idx].entries;
                    if !entries.contains(&entry_idx) {
                        entries.push(entry_idx);
                    }
                }
                return;
            }
            index.insert(key.clone(), patterns.len());
            keys.push(key.0);
            patterns.push(Pattern {
                alias: alias.to_string(),
                exact: key.1,
                entries: vec![entry_idx],
            });
        };
        for (entry_idx, entry) in entries.iter().enumerate() {
            for alias in &entry.aliases {
                let (surface, exact) = surface_and_exact(alias);
                add(fold_alias(surface), exact, surface, entry_idx, false);
            }
        }
        // Inflections come second so that a form written in the data always wins.
        for (entry_idx, entry) in entries.iter().enumerate() {
            if entry.kind != EntryKind::Demonym {
                continue;
            }
            for alias in &entry.aliases {
                let (surface, exact) = surface_and_exact(alias);
                if exact.is_some() {
                    continue;
                }
                for variant in inflections(&fold_alias(surface)) {
                    add(variant, None, surface, entry_idx, true);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .unwrap_or_else(|error| panic!("actor patterns do not compile: {error}"));
        Matcher {
            entries,
            patterns,
            automaton,
        }
    }

    pub(crate) fn find(&self, sentence: &str, ctx: &ResolveContext) -> Vec<ActorMention> {
        let folded = fold(sentence);
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        for found in self.automaton.find_overlapping_iter(&folded.text) {
            let pattern_idx = found.pattern().as_usize();
            let Some(pattern) = self.patterns.get(pattern_idx) else {
                continue;
            };
            let Some((start, end)) = folded.original_range(found.start(), found.end()) else {
                continue;
            };
            if !at_word_boundaries(sentence, start, end) {
                continue;
            }
            if let Some(exact) = &pattern.exact {
                if sentence.get(start..end) != Some(exact.as_str()) {
                    continue;
                }
            }
            raw.push((start, end, pattern_idx));
        }
        // Longest first, then leftmost; keep what does not overlap anything kept.
        raw.sort_by_key(|&(start, end, pattern_idx)| {
            (std::cmp::Reverse(end - start), start, pattern_idx)
        });
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for candidate in raw {
            if kept
                .iter()
                .all(|&(start, end, _)| candidate.1 <= start || candidate.0 >= end)
            {
                kept.push(candidate);
            }
        }
        kept.sort_by_key(|&(start, _, _)| start);

        let mut items: Vec<Item> = Vec::new();
        for (start, end, pattern_idx) in kept {
            let Some(item) = self.resolve(start, end, pattern_idx, ctx, None) else {
                continue;
            };
            match items.last() {
                Some(previous) => match self.combine(sentence, previous, &item, ctx) {
                    Some(combined) => {
                        items.pop();
                        items.push(combined);
                    }
                    None => items.push(item),
                },
                None => items.push(item),
            }
        }
        items
            .into_iter()
            .filter_map(|item| {
                let kind = mention_kind(item.kind)?;
                let text = sentence.get(item.start..item.end)?.to_string();
                Some(ActorMention {
                    start: item.start,
                    end: item.end,
                    actor: Actor { text, ..item.actor },
                    kind,
                    entry: item.entry,
                })
            })
            .collect()
    }

    /// Resolves one match. `forced_country` restricts it to a country named next to it.
    fn resolve(
        &self,
        start: usize,
        end: usize,
        pattern_idx: usize,
        ctx: &ResolveContext,
        forced_country: Option<&str>,
    ) -> Option<Item> {
        let pattern = self.patterns.get(pattern_idx)?;
        let date = ctx.date.unwrap_or(NaiveDate::MAX);
        let candidates: Vec<(usize, &Entry)> = pattern
            .entries
            .iter()
            .filter_map(|&idx| Some((idx, self.entries.get(idx)?)))
            .collect();
        let (_, first) = candidates.first()?;
        let preferred_country = forced_country.or(ctx.default_country.as_deref());
        let rank = |&(idx, entry): &(usize, &Entry)| {
            (
                distance_days(entry, date),
                entry.country.as_deref() != preferred_country,
                !entry.user,
                idx,
            )
        };
        let make = |entry: &Entry, actor: Actor, note: &str| Item {
            start,
            end,
            kind: entry.kind,
            actor,
            entry: format!("{} {}{note}", entry.origin, pattern.alias),
            pattern: pattern_idx,
            country_fixed: forced_country.is_some(),
        };
        let nameless = |entry: &Entry, country: Option<&str>| Actor {
            text: String::new(),
            country: country.map(str::to_string),
            sector: entry.sector.clone(),
            name: None,
        };
        if first.kind == EntryKind::Role || first.kind == EntryKind::Agent {
            let valid = |entry: &Entry| distance_days(entry, date) == 0;
            let has_country = |entry: &Entry, code: Option<&str>| {
                code.is_some() && entry.country.as_deref() == code
            };
            if let Some(country) = forced_country {
                let holder = candidates
                    .iter()
                    .filter(|(_, entry)| valid(entry) && has_country(entry, Some(country)))
                    .min_by_key(|candidate| rank(candidate));
                return Some(match holder {
                    Some((_, entry)) => make(entry, actor_of(entry), ""),
                    None => make(first, nameless(first, Some(country)), ""),
                });
            }
            if first.kind == EntryKind::Agent {
                return Some(make(first, nameless(first, first.country.as_deref()), ""));
            }
            let default = ctx.default_country.as_deref();
            if let Some((_, entry)) = candidates
                .iter()
                .filter(|(_, entry)| valid(entry) && has_country(entry, default))
                .min_by_key(|candidate| rank(candidate))
            {
                return Some(make(entry, actor_of(entry), ""));
            }
            if candidates
                .iter()
                .any(|(_, entry)| has_country(entry, default))
            {
                return Some(make(
                    first,
                    nameless(first, default),
                    " (no holder known at the date)",
                ));
            }
            if let Some((_, entry)) = candidates
                .iter()
                .filter(|(_, entry)| valid(entry))
                .min_by_key(|candidate| rank(candidate))
            {
                return Some(make(entry, actor_of(entry), ""));
            }
            let country = first.country.as_deref();
            let same_country = candidates
                .iter()
                .all(|(_, entry)| entry.country.as_deref() == country);
            let country = if same_country { country } else { None };
            return Some(make(
                first,
                nameless(first, country),
                " (no holder known at the date)",
            ));
        }
        let (_, best) = candidates.iter().min_by_key(|candidate| rank(candidate))?;
        Some(make(best, actor_of(best), ""))
    }

    /// Combines two adjacent mentions into one where the text between them allows it.
    fn combine(
        &self,
        sentence: &str,
        previous: &Item,
        next: &Item,
        ctx: &ResolveContext,
    ) -> Option<Item> {
        let gap = sentence.get(previous.end..next.start)?.to_lowercase();
        let gap = gap.replace('\u{2019}', "'");
        let country_like =
            |item: &Item| matches!(item.kind, EntryKind::Country | EntryKind::Demonym);
        let takes_country = |item: &Item| match item.kind {
            EntryKind::Agent | EntryKind::Role => !item.country_fixed,
            EntryKind::Agency => item.actor.country.is_none(),
            _ => false,
        };
        // The combined mention spans both and lists both entries, in text order.
        let joined = |base: Item, _other: &Item| Item {
            start: previous.start,
            end: next.end,
            entry: format!("{} + {}", previous.entry, next.entry),
            ..base
        };
        // "Mexican soldiers", "U.S. officials", "Mexico's army", "the Mexican president".
        if country_like(previous) && matches!(gap.as_str(), " " | "'s ") {
            if let (true, Some(country)) = (takes_country(next), previous.actor.country.as_deref())
            {
                let resolved =
                    self.resolve(next.start, next.end, next.pattern, ctx, Some(country))?;
                return Some(joined(
                    Item {
                        country_fixed: true,
                        ..resolved
                    },
                    previous,
                ));
            }
            if next.kind == EntryKind::Agency && next.actor.country == previous.actor.country {
                return Some(joined(next.clone(), previous));
            }
        }
        // "policía colombiana", "gobierno de México", "the president of Mexico".
        if takes_country(previous) {
            let adjective = gap == " " && next.kind == EntryKind::Demonym;
            let of = matches!(
                gap.as_str(),
                " de " | " del " | " of " | " de los " | " of the "
            ) && matches!(next.kind, EntryKind::Country);
            if adjective || of {
                let country = next.actor.country.as_deref()?;
                let resolved = self.resolve(
                    previous.start,
                    previous.end,
                    previous.pattern,
                    ctx,
                    Some(country),
                )?;
                return Some(joined(
                    Item {
                        country_fixed: true,
                        ..resolved
                    },
                    next,
                ));
            }
        }
        // "President Donald Trump", "la presidenta de México, Claudia Sheinbaum".
        if previous.kind == EntryKind::Role && next.kind == EntryKind::Person {
            let countries_agree =
                !previous.country_fixed || previous.actor.country == next.actor.country;
            let gap_ok = gap == " " || (gap == ", " && previous.country_fixed);
            if countries_agree && gap_ok {
                return Some(joined(next.clone(), previous));
            }
        }
        None
    }
}

/// Splits off the `=` marker and decides case sensitivity: aliases written all in capitals
/// ("US", "ICE", "EE.UU.") and `=`-marked ones must match exactly.
fn surface_and_exact(alias: &str) -> (&str, Option<String>) {
    if let Some(rest) = alias.strip_prefix('=') {
        return (rest, Some(rest.to_string()));
    }
    let has_upper = alias.chars().any(char::is_uppercase);
    let has_lower = alias.chars().any(char::is_lowercase);
    if has_upper && !has_lower {
        (alias, Some(alias.to_string()))
    } else {
        (alias, None)
    }
}

/// English plurals and Spanish gender/number forms of a folded demonym: "mexicano" →
/// "mexicanos", "mexicana", "mexicanas"; "frances" → "francesa", "franceses"; "mexican" →
/// "mexicans". Some forms are not words; they never occur, so they never match.
fn inflections(folded: &str) -> Vec<String> {
    let mut variants = Vec::new();
    if !folded
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return variants;
    }
    if let Some(stem) = folded.strip_suffix('o') {
        variants.extend([
            format!("{folded}s"),
            format!("{stem}a"),
            format!("{stem}as"),
        ]);
    } else if folded.ends_with('a') || folded.ends_with('e') {
        variants.push(format!("{folded}s"));
    } else if folded.ends_with("es") || folded.ends_with('n') || folded.ends_with('l') {
        if folded.ends_with('n') {
            variants.push(format!("{folded}s"));
        }
        variants.extend([
            format!("{folded}a"),
            format!("{folded}es"),
            format!("{folded}as"),
        ]);
    } else if folded.ends_with('i') {
        variants.extend([format!("{folded}s"), format!("{folded}es")]);
    }
    variants
}

/// Days between `date` and the entry's validity range (0 inside it).
fn distance_days(entry: &Entry, date: NaiveDate) -> i64 {
    if let Some(from) = entry.from {
        if date < from {
            return (from - date).num_days();
        }
    }
    if let Some(to) = entry.to {
        if date > to {
            return (date - to).num_days();
        }
    }
    0
}

fn actor_of(entry: &Entry) -> Actor {
    Actor {
        text: String::new(),
        country: entry.country.clone(),
        sector: entry.sector.clone(),
        name: entry.name.clone(),
    }
}

fn mention_kind(kind: EntryKind) -> Option<MentionKind> {
    Some(match kind {
        EntryKind::Country => MentionKind::Country,
        EntryKind::Demonym => MentionKind::Demonym,
        EntryKind::Capital => MentionKind::Capital,
        EntryKind::Person => MentionKind::Person,
        EntryKind::Role => MentionKind::Role,
        EntryKind::Agency | EntryKind::Agent => MentionKind::Agency,
        EntryKind::Group => MentionKind::Group,
        EntryKind::Igo => MentionKind::Igo,
        EntryKind::Ignore => return None,
    })
}

/// Whether the chars just outside `start..end` are not letters or digits.
fn at_word_boundaries(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence
        .get(..start)
        .and_then(|text| text.chars().next_back());
    let after = sentence.get(end..).and_then(|text| text.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use crate::{ActorDictionary, ResolveContext};
    use chrono::NaiveDate;

    fn context(date: &str, country: Option<&str>) -> ResolveContext {
        ResolveContext {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            lang: None,
            default_country: country.map(str::to_string),
        }
    }

    /// Renders every mention as `text=COUNTRY/SECTOR/name`, one per `;`.
    fn check(sentence: &str, ctx: &ResolveContext, expect: &str) {
        let dictionary = ActorDictionary::builtin();
        let mentions = dictionary.find(sentence, ctx);
        let rendered: Vec<String> = mentions
            .iter()
            .map(|mention| {
                assert_eq!(&sentence[mention.start..mention.end], mention.actor.text);
                format!(
                    "{}={}/{}/{}",
                    mention.actor.text,
                    mention.actor.country.as_deref().unwrap_or("-"),
                    mention.actor.sector.as_deref().unwrap_or("-"),
                    mention.actor.name.as_deref().unwrap_or("-"),
                )
            })
            .collect();
        assert_eq!(rendered.join("; "), expect);
    }

    #[test]
    fn role_resolves_by_date_and_document_country() {
        check(
            "the president said",
            &context("2024-06-15", Some("MEX")),
            "president=MEX/GOV/Andrés Manuel López Obrador",
        );
        check(
            "the president said",
            &context("2025-06-15", Some("MEX")),
            "president=MEX/GOV/Claudia Sheinbaum",
        );
        check(
            "the president said",
            &context("2025-06-15", Some("USA")),
            "president=USA/GOV/Donald Trump",
        );
        check(
            "la presidenta dijo",
            &context("2025-06-15", None),
            "presidenta=MEX/GOV/Claudia Sheinbaum",
        );
    }

    #[test]
    fn person_resolves_by_date() {
        check(
            "Trump spoke",
            &context("2019-05-01", None),
            "Trump=USA/GOV/Donald Trump",
        );
        check(
            "Trump spoke",
            &context("2025-05-01", None),
            "Trump=USA/GOV/Donald Trump",
        );
        check(
            "Trump spoke",
            &context("2023-05-01", None),
            "Trump=USA/-/Donald Trump",
        );
    }

    #[test]
    fn demonym_and_agent_combine() {
        let ctx = context("2025-06-15", None);
        check("Mexican soldiers fired", &ctx, "Mexican soldiers=MEX/MIL/-");
        check("US officials said", &ctx, "US officials=USA/GOV/-");
        check("Mexico's army", &ctx, "Mexico's army=MEX/MIL/-");
        check(
            "la policía colombiana",
            &ctx,
            "policía colombiana=COL/COP/-",
        );
        check(
            "el gobierno de México",
            &ctx,
            "gobierno de México=MEX/GOV/-",
        );
        check(
            "Mexican President Claudia Sheinbaum",
            &ctx,
            "Mexican President Claudia Sheinbaum=MEX/GOV/Claudia Sheinbaum",
        );
    }

    #[test]
    fn spanish_inflections_and_accents() {
        let ctx = context("2025-06-15", None);
        check(
            "las autoridades mexicanas y los estadounidenses",
            &ctx,
            "autoridades mexicanas=MEX/GOV/-; estadounidenses=USA/-/United States",
        );
        check(
            "Mexico y Mexicanos",
            &ctx,
            "Mexico=MEX/-/Mexico; Mexicanos=MEX/-/Mexico",
        );
    }

    #[test]
    fn short_capitals_are_case_sensitive() {
        let ctx = context("2025-06-15", None);
        check("Let us talk to the US", &ctx, "US=USA/-/United States");
        check("un acuerdo con la ONU", &ctx, "ONU=-/IGO/United Nations");
    }

    #[test]
    fn possessives_and_longest_match() {
        let ctx = context("2025-06-15", None);
        check(
            "Trump's tariffs hit Mexico's exports",
            &ctx,
            "Trump=USA/GOV/Donald Trump; Mexico=MEX/-/Mexico",
        );
        check(
            "New Mexico and Mexico City",
            &ctx,
            "Mexico City=MEX/-/Mexico",
        );
    }
}
