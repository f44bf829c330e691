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
//!    that country. Generic agents ("la policía") standing alone take the document's country.
//! 4. Adjacent mentions combine: country or demonym + agent/role ("Mexican soldiers",
//!    "U.S. officials", "Mexico's army"), agent/role + demonym or "de/of" + country ("policía
//!    colombiana", "gobierno de México", "president of Mexico"), and role + person ("President
//!    Donald Trump", "la presidenta de México, Claudia Sheinbaum") becomes the person.

use crate::data::{self, Entry, EntryKind};
use crate::fold::{fnv, fold, fold_into, HashKeyed, FNV_START};
use crate::spelling;
use crate::{ActorMention, MentionKind, ResolveContext};
use chrono::NaiveDate;
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
    (
        "petrarch_agents.tsv",
        include_str!("../data/petrarch_agents.tsv"),
    ),
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

/// Marks the end of a `Pattern::next` chain.
const NONE: u32 = u32::MAX;

/// One distinct surface form and the entries that carry it.
#[derive(Debug, Clone)]
struct Pattern {
    /// The entry whose alias defined the pattern, and the alias's byte range in its aliases
    /// field (for `--explain` and case-sensitive checks).
    entry: u32,
    alias_start: u32,
    alias_end: u32,
    /// How the case of the text must agree with the alias.
    case: CaseRule,
    /// Byte length of the folded form (a cheap check against hash collisions).
    folded_len: u32,
    /// Further entries with the same alias, in data order.
    more_entries: Vec<u32>,
    /// The next pattern with the same folded form (differing in `case`), or [`NONE`].
    next: u32,
}

/// The compiled dictionary.
///
/// Instead of an automaton it keeps a hash index of folded aliases: for every word start in
/// the folded sentence it looks up the first word, and only if some alias starts with it, hashes
/// the span a byte at a time and looks it up at every word end, up to the longest alias that
/// starts with that word. Building the index needs no allocation per alias, and a 30-word
/// sentence needs a few dozen lookups.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    entries: Vec<Entry<'static>>,
    patterns: Vec<Pattern>,
    /// FNV hash of a folded alias → its first pattern.
    index: HashKeyed<u32>,
    /// FNV hash of the first word of a folded alias → byte length of the longest alias
    /// starting with that word.
    first_words: HashKeyed<u32>,
    /// Spelling key of a person's full name (`spelling::name_key`) → the patterns of the
    /// names with that key, for names written in the text as the data does not spell them.
    spellings: HashKeyed<Vec<u32>>,
}

/// A match after resolution, before combination.
#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    kind: EntryKind,
    actor: Actor,
    entry: String,
    /// The patterns (spellings) that matched, for resolving again with a country.
    patterns: Vec<usize>,
    /// The country came from the text next to the mention (not from the document default).
    country_fixed: bool,
}

impl Matcher {
    /// Compiles the shipped data.
    ///
    /// # Panics
    /// If a shipped data file does not parse: a bug caught by the crate's tests.
    /// (`data::parse` itself does not panic.)
    pub(crate) fn builtin() -> Matcher {
        // The files parse independently, so they parse on threads of their own (the largest
        // takes most of the time); the entries are then joined in file order.
        let parsed: Vec<Result<Vec<Entry<'static>>, crate::Error>> = std::thread::scope(|scope| {
            let handles: Vec<_> = BUILTIN_FILES
                .iter()
                .map(|(name, text)| scope.spawn(move || data::parse(text, name, false)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|_| panic!("parsing shipped actor data panicked"))
                })
                .collect()
        });
        let mut entries = Vec::new();
        for result in parsed {
            match result {
                Ok(file_entries) => entries.extend(file_entries),
                Err(error) => panic!("shipped actor data is broken: {error}"),
            }
        }
        Matcher::compile(entries)
    }

    /// A matcher with no entries.
    pub(crate) fn empty() -> Matcher {
        Matcher::compile(Vec::new())
    }

    /// Adds entries (from a user file) and recompiles.
    pub(crate) fn add_entries(&mut self, new_entries: Vec<Entry<'_>>) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.extend(new_entries.into_iter().map(Entry::into_owned));
        *self = Matcher::compile(entries);
    }

    fn compile(entries: Vec<Entry<'static>>) -> Matcher {
        let n_aliases: usize = entries
            .iter()
            .map(|entry| entry.aliases.matches('|').count() + 1)
            .sum();
        let mut matcher = Matcher {
            patterns: Vec::with_capacity(n_aliases),
            index: HashKeyed::with_capacity_and_hasher(n_aliases, Default::default()),
            first_words: HashKeyed::with_capacity_and_hasher(n_aliases / 2, Default::default()),
            spellings: HashKeyed::default(),
            entries: Vec::new(),
        };
        let mut folded = String::new();
        let mut variant = String::new();
        // People with several offices repeat the same aliases on consecutive lines: those reuse
        // the patterns of the line before instead of folding and hashing them again.
        let mut previous_aliases: Option<&str> = None;
        let mut previous_patterns: Vec<u32> = Vec::new();
        for (entry_idx, entry) in entries.iter().enumerate() {
            let Ok(entry_id) = u32::try_from(entry_idx) else {
                continue;
            };
            if previous_aliases == Some(entry.aliases.as_ref()) {
                for &pattern_idx in &previous_patterns {
                    if let Some(pattern) = matcher.patterns.get_mut(pattern_idx as usize) {
                        if pattern.entry != entry_id && !pattern.more_entries.contains(&entry_id) {
                            pattern.more_entries.push(entry_id);
                        }
                    }
                }
                continue;
            }
            previous_aliases = Some(entry.aliases.as_ref());
            previous_patterns.clear();
            for (alias_start, alias_end) in alias_ranges(&entry.aliases) {
                let Some(alias) = entry.aliases.get(alias_start..alias_end) else {
                    continue;
                };
                let (surface, case) = surface_and_case(alias);
                fold_into(&mut folded, surface);
                let surface_start = alias_end - surface.len();
                if let Some(pattern_idx) = matcher.register(
                    &entries,
                    &folded,
                    case,
                    (entry_idx, surface_start, alias_end),
                    false,
                ) {
                    previous_patterns.push(pattern_idx);
                    if entry.kind == EntryKind::Person {
                        if let Some(key) = spelling::name_key(spelling::name_words(surface)) {
                            let patterns = matcher.spellings.entry(key).or_default();
                            if !patterns.contains(&pattern_idx) {
                                patterns.push(pattern_idx);
                            }
                        }
                    }
                }
            }
        }
        // Inflections come second so that a form written in the data always wins.
        for (entry_idx, entry) in entries.iter().enumerate() {
            let inflect: fn(&str) -> &'static [(usize, &'static str)] = match entry.kind {
                EntryKind::Demonym => inflections,
                EntryKind::Agent | EntryKind::AgentCombined => plurals,
                _ => continue,
            };
            for (alias_start, alias_end) in alias_ranges(&entry.aliases) {
                let Some(alias) = entry.aliases.get(alias_start..alias_end) else {
                    continue;
                };
                let (surface, case) = surface_and_case(alias);
                if case != CaseRule::Any {
                    continue;
                }
                fold_into(&mut folded, surface);
                for suffix in inflect(&folded) {
                    let Some(stem) = folded.get(..folded.len().saturating_sub(suffix.0)) else {
                        continue;
                    };
                    variant.clear();
                    variant.push_str(stem);
                    variant.push_str(suffix.1);
                    let _ = matcher.register(
                        &entries,
                        &variant,
                        CaseRule::Any,
                        (entry_idx, alias_start, alias_end),
                        true,
                    );
                }
            }
        }
        matcher.entries = entries;
        matcher
    }

    /// Registers one folded alias.
    /// `alias` is (entry index, byte start, byte end) of the alias in the entry's aliases field.
    fn register(
        &mut self,
        entries: &[Entry<'static>],
        folded: &str,
        case: CaseRule,
        alias: (usize, usize, usize),
        generated: bool,
    ) -> Option<u32> {
        let first_word = first_word(folded)?;
        let (entry_idx, alias_start, alias_end) = alias;
        let (Ok(entry), Ok(alias_start), Ok(alias_end), Ok(folded_len)) = (
            u32::try_from(entry_idx),
            u32::try_from(alias_start),
            u32::try_from(alias_end),
            u32::try_from(folded.len()),
        ) else {
            return None;
        };
        let hash = fnv(FNV_START, folded.as_bytes());
        let mut cursor = self.index.get(&hash).copied().unwrap_or(NONE);
        let mut last = NONE;
        while let Some(pattern) = self.patterns.get(cursor as usize) {
            // Exact aliases are one pattern per spelling ("Lima" and "LIMA" differ).
            let same_spelling = case != CaseRule::Exact
                || alias_text(
                    entries,
                    pattern.entry,
                    pattern.alias_start,
                    pattern.alias_end,
                ) == alias_text(entries, entry, alias_start, alias_end);
            if pattern.case == case && pattern.folded_len == folded_len && same_spelling {
                if let Some(pattern) = self.patterns.get_mut(cursor as usize) {
                    // A generated inflection never joins an alias written out in the data.
                    if !generated
                        && pattern.entry != entry
                        && !pattern.more_entries.contains(&entry)
                    {
                        pattern.more_entries.push(entry);
                    }
                }
                return Some(cursor);
            }
            last = cursor;
            cursor = pattern.next;
        }
        let pattern_idx = u32::try_from(self.patterns.len()).ok()?;
        self.patterns.push(Pattern {
            entry,
            alias_start,
            alias_end,
            case,
            folded_len,
            more_entries: Vec::new(),
            next: NONE,
        });
        match self.patterns.get_mut(last as usize) {
            Some(previous) => previous.next = pattern_idx,
            None => {
                self.index.insert(hash, pattern_idx);
            }
        }
        let longest = self
            .first_words
            .entry(fnv(FNV_START, first_word.as_bytes()))
            .or_insert(0);
        *longest = (*longest).max(folded_len);
        Some(pattern_idx)
    }

    /// The alias text a pattern was made from.
    fn alias(&self, pattern: &Pattern) -> &str {
        self.entries
            .get(pattern.entry as usize)
            .and_then(|entry| {
                entry
                    .aliases
                    .get(pattern.alias_start as usize..pattern.alias_end as usize)
            })
            .unwrap_or("")
    }

    /// The entries of a pattern, in data order.
    fn pattern_entries<'s>(
        &'s self,
        pattern: &'s Pattern,
    ) -> impl Iterator<Item = (usize, &'s Entry<'static>)> + 's {
        std::iter::once(pattern.entry)
            .chain(pattern.more_entries.iter().copied())
            .filter_map(|idx| Some((idx as usize, self.entries.get(idx as usize)?)))
    }

    pub(crate) fn find(&self, sentence: &str, ctx: &ResolveContext) -> Vec<ActorMention> {
        let folded = fold(sentence);
        let text = folded.text.as_bytes();
        let (word_starts, word_ends) = word_bounds(&folded.text);
        // In a headline written all in capitals every word looks like an acronym: "SE
        // MANIFIESTAN" is a reflexive verb, not the Secretaría de Economía.
        let shouted_words: &[&str] = match ctx.lang {
            Some(trecho_model::Lang::Es) => SHOUTED_FUNCTION_WORDS_ES,
            Some(trecho_model::Lang::En) => SHOUTED_FUNCTION_WORDS_EN,
            None => &[],
        };
        let shouting = !shouted_words.is_empty()
            && !sentence.chars().any(char::is_lowercase)
            && sentence.split_whitespace().nth(2).is_some();
        let mut raw: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for &start in &word_starts {
            let first_end = word_ends.partition_point(|&end| end <= start);
            let Some(&word_end) = word_ends.get(first_end) else {
                continue;
            };
            let Some(first_word) = text.get(start..word_end) else {
                continue;
            };
            let Some(&longest) = self.first_words.get(&fnv(FNV_START, first_word)) else {
                continue;
            };
            let mut hash = FNV_START;
            let mut hashed_to = start;
            for &end in word_ends.get(first_end..).unwrap_or(&[]) {
                if end - start > longest as usize {
                    break;
                }
                hash = fnv(hash, text.get(hashed_to..end).unwrap_or(&[]));
                hashed_to = end;
                let Some(&first_pattern) = self.index.get(&hash) else {
                    continue;
                };
                let Some((original_start, original_end)) = folded.original_range(start, end) else {
                    continue;
                };
                if !at_word_boundaries(sentence, original_start, original_end) {
                    continue;
                }
                // Every spelling that agrees with the text takes part ("EPA" the agency and
                // "epa" the noun); resolution ranks their entries together.
                let original = sentence.get(original_start..original_end).unwrap_or("");
                let mut accepted: Vec<usize> = Vec::new();
                let mut cursor = first_pattern;
                while let Some(pattern) = self.patterns.get(cursor as usize) {
                    let pattern_idx = cursor as usize;
                    cursor = pattern.next;
                    let function_word = shouting
                        && pattern.case == CaseRule::Exact
                        && std::str::from_utf8(text.get(start..end).unwrap_or(&[]))
                            .is_ok_and(|word| shouted_words.contains(&word));
                    if pattern.folded_len as usize == end - start
                        && pattern.case.accepts(original, self.alias(pattern))
                        && !function_word
                    {
                        accepted.push(pattern_idx);
                    }
                }
                if !accepted.is_empty() {
                    raw.push((original_start, original_end, accepted));
                }
            }
        }
        let spelled = self.spelled_names(sentence, &raw);
        raw.extend(spelled.iter().cloned());
        // Longest first, then leftmost; keep what does not overlap anything kept.
        raw.sort_by(|a, b| (b.1 - b.0, a.0, &a.2).cmp(&(a.1 - a.0, b.0, &b.2)));
        let mut kept: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for candidate in raw {
            if kept
                .iter()
                .all(|(start, end, _)| candidate.1 <= *start || candidate.0 >= *end)
            {
                kept.push(candidate);
            }
        }
        kept.sort_by_key(|(start, _, _)| *start);

        let mut items: Vec<Item> = Vec::new();
        // "any foreign government", "un gobierno extranjero": a generic agent said to be
        // foreign is of no known country, least of all the document's.
        let foreign_ctx = ResolveContext {
            default_country: None,
            ..ctx.clone()
        };
        for (start, end, patterns) in kept {
            let before = folded.text.get(..start).unwrap_or("").trim_end();
            let after = folded.text.get(end..).unwrap_or("").trim_start();
            let foreign = before.ends_with("foreign")
                || ["extranjero", "extranjera"]
                    .iter()
                    .any(|word| after.starts_with(word));
            let item_ctx = if foreign { &foreign_ctx } else { ctx };
            let is_spelled = spelled.iter().any(|(s, e, _)| (*s, *e) == (start, end));
            let Some(mut item) = self.resolve(start, end, patterns, item_ctx, None) else {
                continue;
            };
            if is_spelled {
                item.entry.push_str(" (spelled differently in the text)");
            }
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
        // A role word right before a capitalized name we do not know ("President Dos Santos")
        // is that person's title, not today's holder in the document's country.
        for idx in 0..items.len() {
            let next_start = items.get(idx + 1).map(|next| next.start);
            let Some(item) = items.get_mut(idx) else {
                continue;
            };
            if item.kind != EntryKind::Role {
                continue;
            }
            let rest = sentence.get(item.end..).unwrap_or("");
            let name_follows = rest
                .strip_prefix(' ')
                .and_then(|name| name.chars().next())
                .is_some_and(char::is_uppercase);
            if name_follows && next_start != Some(item.end + 1) {
                item.actor.name = None;
                if !item.country_fixed {
                    item.actor.country = None;
                }
                item.entry.push_str(" (title of an unknown name)");
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
        patterns: Vec<usize>,
        ctx: &ResolveContext,
        forced_country: Option<&str>,
    ) -> Option<Item> {
        let pattern = self.patterns.get(*patterns.first()?)?;
        let alias = self.alias(pattern);
        let date = ctx.date.unwrap_or(NaiveDate::MAX);
        let mut candidates: Vec<(usize, &Entry)> = patterns
            .iter()
            .filter_map(|&idx| self.patterns.get(idx))
            .flat_map(|pattern| self.pattern_entries(pattern))
            .collect();
        candidates.sort_by_key(|(idx, _)| *idx);
        candidates.dedup_by_key(|(idx, _)| *idx);
        // Standing alone, a noun that only counts next to a country gives way to any other
        // entry with the same alias ("Joint Chiefs of Staff" the agency, not the agent noun).
        if forced_country.is_none()
            && candidates
                .iter()
                .any(|(_, entry)| entry.kind != EntryKind::AgentCombined)
        {
            candidates.retain(|(_, entry)| entry.kind != EntryKind::AgentCombined);
        }
        // A user entry for the alias speaks first; otherwise the first entry in data order.
        let (_, first) = candidates
            .iter()
            .find(|(_, entry)| entry.user)
            .or(candidates.first())?;
        let preferred_country = forced_country.or(ctx.default_country.as_deref());
        let rank = |&(idx, entry): &(usize, &Entry)| {
            (
                distance_days(entry, date),
                preferred_country.is_some() && entry.country() != preferred_country,
                !entry.user,
                idx,
            )
        };
        let make = |entry: &Entry, actor: Actor, note: &str| Item {
            start,
            end,
            kind: entry.kind,
            actor,
            entry: format!("{}:{} {alias}{note}", entry.source, entry.line),
            patterns: patterns.clone(),
            country_fixed: forced_country.is_some(),
        };
        let nameless = |entry: &Entry, country: Option<&str>| Actor {
            text: String::new(),
            country: country.map(str::to_string),
            sector: entry.sector.map(str::to_string),
            name: None,
        };
        if first.kind == EntryKind::Ignore {
            return Some(make(first, Actor::default(), ""));
        }
        if let Some(country) = forced_country {
            // A country named next to the mention: an entry of that country valid at the date
            // ("Mexican president" → Sheinbaum, "US Congress"), else a generic agent or role
            // word takes the country ("Colombian Senate" → COL/LEG); anything else does not
            // combine.
            let valid = |entry: &Entry| distance_days(entry, date) == 0;
            if let Some((_, entry)) = candidates
                .iter()
                .filter(|(_, entry)| valid(entry) && entry.country() == Some(country))
                .min_by_key(|candidate| rank(candidate))
            {
                return Some(make(entry, actor_of(entry), ""));
            }
            let generic = candidates.iter().find(|(_, entry)| {
                matches!(
                    entry.kind,
                    EntryKind::Agent | EntryKind::AgentCombined | EntryKind::Role
                )
            });
            let (_, entry) = generic?;
            let note = if entry.kind == EntryKind::Role {
                " (no holder known at the date)"
            } else {
                ""
            };
            let mut item = make(entry, nameless(entry, Some(country)), note);
            if entry.kind == EntryKind::AgentCombined {
                item.kind = EntryKind::Agent;
            }
            return Some(item);
        }
        if matches!(
            first.kind,
            EntryKind::Role | EntryKind::Agent | EntryKind::AgentCombined
        ) {
            // Only entries of the same kind compete: a role word is not also a place.
            let first_kind = first.kind;
            let candidates: Vec<(usize, &Entry)> = candidates
                .iter()
                .copied()
                .filter(|(_, entry)| entry.kind == first_kind)
                .collect();
            let valid = |entry: &Entry| distance_days(entry, date) == 0;
            let has_country =
                |entry: &Entry, code: Option<&str>| code.is_some() && entry.country() == code;
            if first.kind != EntryKind::Role {
                // A generic agent with no country next to it ("la policía", "paramilitares")
                // belongs to the document's country, when the caller knows it.
                return Some(match (first.country(), ctx.default_country.as_deref()) {
                    (Some(country), _) => make(first, nameless(first, Some(country)), ""),
                    (None, Some(default)) => {
                        make(first, nameless(first, Some(default)), " (document country)")
                    }
                    (None, None) => make(first, nameless(first, None), ""),
                });
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
            if default.is_some() {
                // The document's country has no holder of this role in the data: the role is
                // that country's, with no name, rather than another country's holder ("the
                // defence minister" in a German story is not Mexico's).
                return Some(make(
                    first,
                    nameless(first, default),
                    " (no holder known for the document's country)",
                ));
            }
            // No country in reach: the first line valid at the date (roles.tsv orders them:
            // USA first for English titles, Mexico for Spanish ones).
            if let Some((_, entry)) = candidates
                .iter()
                .filter(|(_, entry)| valid(entry))
                .min_by_key(|candidate| rank(candidate))
            {
                return Some(make(entry, actor_of(entry), ""));
            }
            let country = first.country();
            let same_country = candidates
                .iter()
                .all(|(_, entry)| entry.country() == country);
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
    /// People named in the text with a spelling the data does not have ("Alexander
    /// Lukashenko" for Phoenix's "Alyaksandr Lukashenka"): runs of two to four capitalized
    /// words that no exact match touches, whose spelling key (`spelling::name_key`; first name
    /// and surname) belongs to one person only. Longer runs lose their leading words first
    /// ("President Alexander Lukashenko" is looked up as "Alexander Lukashenko" too).
    fn spelled_names(
        &self,
        sentence: &str,
        exact: &[(usize, usize, Vec<usize>)],
    ) -> Vec<(usize, usize, Vec<usize>)> {
        if self.spellings.is_empty() {
            return Vec::new();
        }
        // Capitalized words with their byte ranges.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut found = Vec::new();
        let flush = |words: &mut Vec<(usize, usize)>,
                     found: &mut Vec<(usize, usize, Vec<usize>)>| {
            // Longest spans first; a span overlapping one found already is not tried.
            for len in (2..=words.len().min(4)).rev() {
                for first in 0..=words.len() - len {
                    let run = &words[first..first + len];
                    let (start, end) = (run[0].0, run[len - 1].1);
                    let taken = |(s, e, _): &(usize, usize, Vec<usize>)| *s < end && start < *e;
                    if exact.iter().any(taken) || found.iter().any(taken) {
                        continue;
                    }
                    let texts = run.iter().filter_map(|(s, e)| sentence.get(*s..*e));
                    let Some(key) = spelling::name_key(texts) else {
                        continue;
                    };
                    let Some(patterns) = self.spellings.get(&key) else {
                        continue;
                    };
                    let written = sentence.get(start..end).unwrap_or("");
                    // Only the spellings of the same name, word for word.
                    let patterns: Vec<usize> = patterns
                        .iter()
                        .map(|idx| *idx as usize)
                        .filter(|idx| {
                            self.patterns.get(*idx).is_some_and(|pattern| {
                                spelling::same_name(written, self.alias(pattern))
                            })
                        })
                        .collect();
                    let names: std::collections::BTreeSet<&str> = patterns
                        .iter()
                        .filter_map(|idx| self.patterns.get(*idx))
                        .flat_map(|pattern| self.pattern_entries(pattern))
                        .map(|(_, entry)| entry.name.as_deref().unwrap_or(""))
                        .collect();
                    if names.len() == 1 {
                        found.push((start, end, patterns));
                    }
                }
            }
            words.clear();
        };
        for (start, word) in spelling::word_spans(sentence) {
            let capitalized = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                && !word.chars().all(|ch| !ch.is_lowercase());
            let adjacent = words
                .last()
                .is_some_and(|(_, end)| sentence.get(*end..start) == Some(" "));
            if !capitalized || (!words.is_empty() && !adjacent) {
                flush(&mut words, &mut found);
            }
            if capitalized {
                words.push((start, start + word.len()));
            }
        }
        flush(&mut words, &mut found);
        found
    }

    /// Combines two adjacent mentions into one where the text between them allows it.
    fn combine(
        &self,
        sentence: &str,
        previous: &Item,
        next: &Item,
        ctx: &ResolveContext,
    ) -> Option<Item> {
        let original_gap = sentence
            .get(previous.end..next.start)?
            .replace('\u{2019}', "'");
        let gap = original_gap.to_lowercase();
        // One modifier may stand between a country and its agent ("Romania's new government",
        // "Nigerian junior foreign minister").
        let gap = strip_modifier(&gap, &original_gap);
        let country_like = |item: &Item| {
            matches!(
                item.kind,
                EntryKind::Country | EntryKind::Demonym | EntryKind::Capital
            )
        };
        let takes_country = |item: &Item| match item.kind {
            EntryKind::Agent | EntryKind::AgentCombined | EntryKind::Role => !item.country_fixed,
            EntryKind::Agency => item.actor.country.is_none(),
            _ => false,
        };
        // The combined mention spans both and lists both entries, in text order.
        let joined = |base: Item, _other: &Item| Item {
            start: previous.start,
            end: next.end,
            entry: format!("{} + {}", previous.entry, next.entry),
            kind: match base.kind {
                EntryKind::AgentCombined => EntryKind::Agent,
                kind => kind,
            },
            ..base
        };
        // "Mexican soldiers", "U.S. officials", "Mexico's army", "the Mexican president".
        if country_like(previous)
            && matches!(gap.as_str(), " " | "'s " | "' ")
            && !next.country_fixed
        {
            if let Some(country) = previous.actor.country.as_deref() {
                if let Some(resolved) = self.resolve(
                    next.start,
                    next.end,
                    next.patterns.clone(),
                    ctx,
                    Some(country),
                ) {
                    return Some(joined(
                        Item {
                            country_fixed: true,
                            ..resolved
                        },
                        previous,
                    ));
                }
            }
        }
        // "policía colombiana", "gobierno de México", "the president of Mexico".
        if takes_country(previous) {
            let adjective = gap == " " && next.kind == EntryKind::Demonym;
            let of = matches!(
                gap.as_str(),
                " de " | " del " | " of " | " de los " | " of the " | " in " | " en " | " from "
            ) && matches!(next.kind, EntryKind::Country | EntryKind::Capital);
            if adjective || of {
                let country = next.actor.country.as_deref()?;
                let resolved = self.resolve(
                    previous.start,
                    previous.end,
                    previous.patterns.clone(),
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
        // "members of the Sinaloa Cartel", "elementos de la Guardia Nacional": the named
        // organisation is the actor.
        if matches!(previous.kind, EntryKind::Agent | EntryKind::AgentCombined)
            && !previous.country_fixed
            && matches!(
                gap.as_str(),
                " de " | " de la " | " del " | " de las " | " de los " | " of " | " of the "
            )
            && matches!(
                next.kind,
                EntryKind::Agency | EntryKind::Group | EntryKind::Igo
            )
        {
            return Some(joined(next.clone(), previous));
        }
        // "President Donald Trump", "la presidenta de México, Claudia Sheinbaum", "el
        // secretario de Seguridad, Omar García Harfuch", "el embajador Ronald Johnson".
        let title = matches!(previous.kind, EntryKind::Role | EntryKind::Agent);
        if title && next.kind == EntryKind::Person {
            let countries_agree = !previous.country_fixed
                || previous.actor.country.is_none()
                || previous.actor.country == next.actor.country;
            let same_person =
                previous.actor.name.is_some() && previous.actor.name == next.actor.name;
            let gap_ok = gap == " " || (gap == ", " && (previous.country_fixed || same_person));
            if countries_agree && gap_ok {
                return Some(joined(next.clone(), previous));
            }
        }
        None
    }
}

/// The text of an alias given by its entry and byte range.
fn alias_text<'e>(entries: &'e [Entry<'static>], entry: u32, start: u32, end: u32) -> &'e str {
    entries
        .get(entry as usize)
        .and_then(|entry| entry.aliases.get(start as usize..end as usize))
        .unwrap_or("")
}

/// Byte ranges of the `|`-separated aliases in an aliases field, trimmed, empty ones skipped.
fn alias_ranges(aliases: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut offset = 0;
    aliases.split('|').filter_map(move |part| {
        let start = offset + (part.len() - part.trim_start().len());
        let end = start + part.trim().len();
        offset += part.len() + 1;
        (end > start).then_some((start, end))
    })
}

/// Function words that are also acronyms in the dictionary ("SE" the Secretaría de Economía,
/// "UN" the United Nations); in an all-capitals headline of that language they are the words.
const SHOUTED_FUNCTION_WORDS_ES: &[&str] = &[
    "se", "en", "la", "el", "de", "del", "un", "una", "al", "lo", "los", "las", "y", "o", "no",
    "a", "es", "con", "por", "su", "sus", "que", "mas", "ya", "le", "les",
];
const SHOUTED_FUNCTION_WORDS_EN: &[&str] = &[
    "in", "on", "at", "to", "of", "an", "as", "it", "is", "be", "or", "if", "so", "do", "he", "we",
    "me", "my", "up", "by",
];

/// How the case of the text must agree with an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Any case, any accents.
    Any,
    /// Exactly as written (aliases marked `=` and aliases written all in capitals).
    Exact,
    /// The words written in capitals must appear so ("the US" matches "the US", "The US", not
    /// "the us"); the other words may differ in case and accents.
    CapitalWords,
}

impl CaseRule {
    fn accepts(self, original: &str, alias: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Exact => original == alias,
            CaseRule::CapitalWords => {
                let mut original_words = original.split(|c: char| c.is_whitespace() || c == '-');
                alias
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|word| !word.is_empty())
                    .all(|word| {
                        let original_word = original_words
                            .by_ref()
                            .find(|w| !w.is_empty())
                            .unwrap_or("");
                        !is_capital_word(word) || original_word == word
                    })
            }
        }
    }
}

/// A word written in capitals: at least one capital letter and no lowercase ("US", "U.S.").
fn is_capital_word(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// Splits off the `=` marker and decides how case must agree: `=`-marked aliases and aliases
/// written all in capitals ("US", "ICE", "EE.UU.") must match exactly; aliases with some
/// capital words ("the US", "US Congress") must keep those words in capitals.
fn surface_and_case(alias: &str) -> (&str, CaseRule) {
    if let Some(rest) = alias.strip_prefix('=') {
        return (rest, CaseRule::Exact);
    }
    // One pass: is there an uppercase letter at all, a lowercase one, and a word with capitals
    // and no lowercase?
    let (mut any_upper, mut any_lower) = (false, false);
    let (mut word_upper, mut word_lower, mut capital_word) = (false, false, false);
    for ch in alias.chars() {
        if ch.is_whitespace() {
            capital_word |= word_upper && !word_lower;
            word_upper = false;
            word_lower = false;
        } else if ch.is_uppercase() {
            any_upper = true;
            word_upper = true;
        } else if ch.is_lowercase() {
            any_lower = true;
            word_lower = true;
        }
    }
    capital_word |= word_upper && !word_lower;
    if any_upper && !any_lower {
        (alias, CaseRule::Exact)
    } else if capital_word {
        (alias, CaseRule::CapitalWords)
    } else {
        (alias, CaseRule::Any)
    }
}

/// The leading run of letters and digits of a folded text, if it starts with one.
fn first_word(folded: &str) -> Option<&str> {
    let end = folded
        .char_indices()
        .find(|&(_, ch)| !ch.is_alphanumeric())
        .map_or(folded.len(), |(idx, _)| idx);
    (end > 0).then(|| folded.get(..end)).flatten()
}

/// Byte offsets where words start, and where matches may end: after the last char of a word,
/// and after a dot that follows a word ("u.s.", "ee.uu.").
fn word_bounds(folded: &str) -> (Vec<usize>, Vec<usize>) {
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut previous: Option<char> = None;
    for (idx, ch) in folded.char_indices() {
        let is_word = ch.is_alphanumeric();
        let previous_is_word = previous.is_some_and(char::is_alphanumeric);
        if is_word && !previous_is_word {
            starts.push(idx);
        }
        if !is_word && previous_is_word {
            ends.push(idx);
            if ch == '.' {
                ends.push(idx + 1);
            }
        }
        previous = Some(ch);
    }
    if previous.is_some_and(char::is_alphanumeric) {
        ends.push(folded.len());
    }
    (starts, ends)
}

/// English plurals and Spanish gender/number forms of a folded demonym, as (bytes to drop
/// from the end, suffix to add): "mexicano" → "mexicanos", "mexicana", "mexicanas";
/// "frances" → "francesa", "franceses"; "mexican" → "mexicans". Some forms are not words; they
/// never occur, so they never match.
fn inflections(folded: &str) -> &'static [(usize, &'static str)] {
    let Some(last) = folded.chars().last() else {
        return &[];
    };
    match last {
        'o' => &[(0, "s"), (1, "a"), (1, "as")],
        'a' | 'e' => &[(0, "s")],
        'n' => &[(0, "s"), (0, "a"), (0, "es"), (0, "as")],
        's' if folded.ends_with("es") => &[(0, "a"), (0, "es"), (0, "as")],
        'l' => &[(0, "a"), (0, "es"), (0, "as")],
        'i' => &[(0, "s"), (0, "es")],
        _ => &[],
    }
}
/// Words that may stand between a country and its agent without breaking the link.
const MODIFIERS: &[&str] = &[
    "new",
    "former",
    "top",
    "senior",
    "junior",
    "deputy",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "chief",
    "federal",
    "national",
    "military",
    "then",
    "own",
    "current",
    "nuevo",
    "nueva",
    "actual",
    "exsecretario",
    "ex",
];

/// Removes one modifier from a gap: "'s new " → "'s ", " junior " → " "; an acronym in
/// capitals counts as a modifier too ("Mexican SAR authorities").
fn strip_modifier(gap: &str, original_gap: &str) -> String {
    for prefix in ["'s ", " "] {
        let acronym = original_gap
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(' '))
            .is_some_and(|word| {
                (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
            });
        if acronym {
            return prefix.to_string();
        }
    }
    for modifier in MODIFIERS {
        for prefix in ["'s ", " "] {
            if gap
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(' '))
                == Some(modifier)
            {
                return prefix.to_string();
            }
        }
    }
    gap.to_string()
}

/// Plurals of a folded agent noun, English and Spanish: "soldier" → "soldiers", "policia" →
/// "policias", "militar" → "militares", "authority" → "authorities".
fn plurals(folded: &str) -> &'static [(usize, &'static str)] {
    let Some(last) = folded.chars().last() else {
        return &[];
    };
    if folded.ends_with("man") {
        return &[(2, "en")];
    }
    match last {
        'y' => &[(1, "ies"), (0, "s")],
        's' | 'x' | 'z' => &[(0, "es")],
        'h' if folded.ends_with("ch") || folded.ends_with("sh") => &[(0, "es")],
        'a' | 'e' | 'i' | 'o' | 'u' => &[(0, "s")],
        _ if last.is_alphabetic() => &[(0, "s"), (0, "es")],
        _ => &[],
    }
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
        EntryKind::AgentCombined | EntryKind::Ignore => return None,
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

fn actor_of(entry: &Entry) -> Actor {
    Actor {
        text: String::new(),
        country: entry.country().map(str::to_string),
        sector: entry.sector.map(str::to_string),
        name: entry.name.as_deref().map(str::to_string),
    }
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
    /// One shipped dictionary for all tests: building it per test dominates a debug run.
    fn dictionary() -> &'static ActorDictionary {
        static DICTIONARY: std::sync::OnceLock<ActorDictionary> = std::sync::OnceLock::new();
        DICTIONARY.get_or_init(ActorDictionary::builtin)
    }

    fn check(sentence: &str, ctx: &ResolveContext, expect: &str) {
        let dictionary = dictionary();
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
    fn a_shouted_function_word_is_no_acronym() {
        let in_lang = |lang| ResolveContext {
            lang: Some(lang),
            ..context("2025-11-18", None)
        };
        let ctx = in_lang(trecho_model::Lang::Es);
        // "SE" is the Secretaría de Economía in running text, a pronoun in a capitals headline.
        check(
            "MILES DE PERSONAS SE MANIFIESTAN EN MEXICO",
            &ctx,
            "MEXICO=MEX/-/Mexico",
        );
        check(
            "MUERTE DE UN DETENIDO EN MEXICO",
            &ctx,
            "MEXICO=MEX/-/Mexico",
        );
        check(
            "La SE publicó el acuerdo.",
            &ctx,
            "SE=MEX/GOV/Secretaría de Economía",
        );
        // A real acronym in a capitals headline still counts; the Spanish "UN" above is not.
        let ctx = in_lang(trecho_model::Lang::En);
        check(
            "UN PEACEKEEPERS ARRIVE IN HAITI",
            &ctx,
            "UN=-/IGO/United Nations; HAITI=HTI/-/Haiti",
        );
        check(
            "US STRIKES HIT CARTEL LABS",
            &ctx,
            "US=USA/-/United States; CARTEL=-/CRM/-",
        );
    }

    #[test]
    fn a_foreign_agent_does_not_take_the_document_country() {
        let ctx = context("2025-11-18", Some("MEX"));
        check("la policía detuvo", &ctx, "policía=MEX/COP/-");
        check("any foreign government", &ctx, "government=-/GOV/-");
        check("un gobierno extranjero", &ctx, "gobierno=-/GOV/-");
    }

    #[test]
    fn us_without_its_final_period_is_the_united_states() {
        let ctx = context("2025-12-08", Some("MEX"));
        check(
            "The U.S needs Mexico to release water",
            &ctx,
            "The U.S=USA/-/United States; Mexico=MEX/-/Mexico",
        );
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
    fn spanish_and_english_names_of_the_united_states() {
        let ctx = context("2025-06-15", None);
        check(
            "EE.UU. y EEUU y EE. UU. y Estados Unidos",
            &ctx,
            "EE.UU.=USA/-/United States; EEUU=USA/-/United States; \
             EE. UU.=USA/-/United States; Estados Unidos=USA/-/United States",
        );
        check(
            "norteamericanos y estadounidense",
            &ctx,
            "norteamericanos=USA/-/United States; estadounidense=USA/-/United States",
        );
        check(
            "en la Ciudad de Mexico, Washington",
            &ctx,
            "Ciudad de Mexico=MEX/-/Mexico; Washington=USA/-/United States",
        );
    }

    #[test]
    fn decomposed_accents_and_odd_spaces_keep_offsets_on_char_boundaries() {
        let ctx = context("2025-06-15", None);
        check(
            "Me\u{301}xico\u{2019}s army and Estados\u{a0}Unidos",
            &ctx,
            "Me\u{301}xico\u{2019}s army=MEX/MIL/-; Estados\u{a0}Unidos=USA/-/United States",
        );
    }

    #[test]
    fn short_capitals_are_case_sensitive() {
        let ctx = context("2025-06-15", None);
        check("Let us talk to the US", &ctx, "the US=USA/-/United States");
        check("us and US", &ctx, "US=USA/-/United States");
        check("un acuerdo con la ONU", &ctx, "ONU=-/IGO/United Nations");
    }

    #[test]
    fn members_of_a_named_organisation_are_that_organisation() {
        let ctx = context("2025-06-15", None);
        check(
            "sicarios del Cártel de Sinaloa",
            &ctx,
            "sicarios del Cártel de Sinaloa=MEX/CRM/Sinaloa Cartel",
        );
        check(
            "Mexican SAR authorities accepted",
            &ctx,
            "Mexican SAR authorities=MEX/GOV/-",
        );
    }

    #[test]
    fn country_fixes_the_role_holder() {
        let ctx = context("2025-06-15", Some("MEX"));
        check(
            "el presidente de Estados Unidos",
            &ctx,
            "presidente de Estados Unidos=USA/GOV/Donald Trump",
        );
        check(
            "the Canadian prime minister",
            &ctx,
            "Canadian prime minister=CAN/GOV/Mark Carney",
        );
        check("the Colombian Senate", &ctx, "Colombian Senate=COL/LEG/-");
        check(
            "el canciller mexicano",
            &context("2025-03-01", None),
            "canciller mexicano=MEX/GOV/Juan Ramón de la Fuente",
        );
        check(
            "el canciller mexicano",
            &context("2025-09-01", None),
            "canciller mexicano=MEX/GOV/Roberto Velasco",
        );
    }

    #[test]
    fn title_before_an_unknown_name_drops_the_holder() {
        let ctx = context("2025-06-15", None);
        check("President Dos Santos said", &ctx, "President=-/GOV/-");
        check(
            "Nigerian President Obasanjo said",
            &ctx,
            "Nigerian President=NGA/GOV/-",
        );
    }

    #[test]
    fn traps_need_capitals_or_longer_names() {
        let ctx = context("2025-06-15", None);
        check("roast turkey and Turkey", &ctx, "Turkey=TUR/-/Turkey");
        check(
            "Papua New Guinea",
            &ctx,
            "Papua New Guinea=PNG/-/Papua New Guinea",
        );
        check(
            "Niger and Nigeria",
            &ctx,
            "Niger=NER/-/Niger; Nigeria=NGA/-/Nigeria",
        );
        check("Rep. Jim Jordan", &ctx, "Jim Jordan=USA/LEG/Jim Jordan");
        check(
            "ICE raided a plant in Georgia",
            &ctx,
            "ICE=USA/COP/Immigration and Customs Enforcement; Georgia=GEO/-/Georgia",
        );
        check(
            "ICE raided a plant in Georgia",
            &context("2025-09-05", Some("USA")),
            "ICE=USA/COP/Immigration and Customs Enforcement; Georgia=USA/-/United States",
        );
        check("Latin America and New Mexico", &ctx, "");
        check("la defensa de México", &ctx, "México=MEX/-/Mexico");
        check(
            "Bogota y Bogotá",
            &ctx,
            "Bogota=COL/-/Colombia; Bogotá=COL/-/Colombia",
        );
    }

    #[test]
    fn titles_join_the_person_they_name() {
        let ctx = context("2025-06-15", Some("MEX"));
        check(
            "El embajador Ronald Johnson se reunió con el secretario de Seguridad, Omar García Harfuch.",
            &ctx,
            "embajador Ronald Johnson=USA/GOV/Ronald Johnson; \
             secretario de Seguridad, Omar García Harfuch=MEX/GOV/Omar García Harfuch",
        );
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
