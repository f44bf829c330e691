//! Event lexicons: trigger words and phrases (verbs and nouns, English and Spanish) that map to
//! PLOVER types, built once from the data files in `data/` (derived from the PETRARCH2 and
//! UniversalPetrarch verb dictionaries, plus hand-curated modern entries), and the matcher that
//! finds them in a tokenized sentence.
//!
//! File formats are described at the top of each data file and in `data/README.md`.

use crate::inflect::{self, FormInfo};
use crate::tokens::{fold, Tokens};
use std::collections::HashMap;
use std::sync::LazyLock;
use trecho_model::{EventType, Kind, Lang, SpeechAct};

static DERIVED_EN: &str = include_str!("../data/derived_en.tsv");
static DERIVED_ES: &str = include_str!("../data/derived_es.tsv");
static CURATED_EN: &str = include_str!("../data/lexicon_en.tsv");
static CURATED_ES: &str = include_str!("../data/lexicon_es.tsv");

/// The compiled English lexicon, built on first use.
pub static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::build(
        Lang::En,
        CURATED_EN,
        "lexicon_en.tsv",
        DERIVED_EN,
        "derived_en.tsv",
    )
});
/// The compiled Spanish lexicon, built on first use.
pub static SPANISH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::build(
        Lang::Es,
        CURATED_ES,
        "lexicon_es.tsv",
        DERIVED_ES,
        "derived_es.tsv",
    )
});

/// The lexicon of a language.
pub fn for_lang(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}

/// Strength of a curated noun trigger: below a curated verb (0.9), so a verb claims its
/// clause first ("imposed tariffs" is the imposing, not the noun).
pub(crate) const NOUN_STRENGTH: f32 = 0.7;

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// A verb, inflected.
    Verb,
    /// A noun, singular and plural.
    Noun,
    /// A fixed phrase, matched as written.
    Phrase,
}

/// What a trigger does beyond naming an event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An event trigger.
    Event,
    /// A reporting verb ("said", "dijo"): opens reported speech; no event of its own.
    Say,
    /// "accept", "allow", "tolerar": with a negation and an act as object, a red line.
    Allow,
    /// A word that blocks derived entries of the same lemma (too ambiguous to code).
    Block,
}

/// One lexicon entry: a lemma, optionally with object words, and what it codes.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The lemma as written in the file.
    pub lemma: String,
    /// Part of speech.
    pub pos: Pos,
    /// What the entry does.
    pub role: Role,
    /// PLOVER type (for `Role::Event`).
    pub event_type: Option<EventType>,
    /// PLOVER mode, if the entry gives one.
    pub mode: Option<String>,
    /// Words vs deeds, if the entry fixes it; otherwise by type.
    pub kind: Option<Kind>,
    /// Speech act, if the entry fixes it; otherwise by type.
    pub speech_act: Option<SpeechAct>,
    /// For a threat/promise/demand word that names its content ("ultimatum" → none, "air strike
    /// threat" → ASSAULT): the content type.
    pub content: Option<EventType>,
    /// Object slots that must follow the trigger (in order, gaps allowed).
    pub object: Vec<Slot>,
    /// CAMEO code for derived entries.
    pub cameo: Option<String>,
    /// Data file name.
    pub file: &'static str,
    /// Line in the data file (derived entries: line in the source dictionary).
    pub line: usize,
    /// How much the entry is trusted (0..1).
    pub strength: f32,
    /// How many tokens after the trigger the object words may start (curated patterns look
    /// further than derived ones; an object column starting with `^` stays close).
    pub window: usize,
}

/// An object slot of a pattern.
#[derive(Debug, Clone)]
pub enum Slot {
    /// One of these word sequences.
    Words(Vec<Vec<String>>),
    /// A member of synonym set `n`.
    Set(u32),
}

/// One surface form pointing at a group of entries (a lemma and its patterns).
#[derive(Debug, Clone)]
struct Form {
    /// Words after the first one, for multiword forms.
    rest: Vec<String>,
    group: u32,
    info: FormInfo,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    /// First token of the trigger.
    pub start: usize,
    /// One past the last token of the trigger.
    pub end: usize,
    /// One past the last token of the object words, if the entry had any.
    pub object_end: usize,
    /// The entry.
    pub entry: u32,
    /// Grammatical hints of the form.
    pub info: FormInfo,
}

/// The patterns of a derived block, indexed by what their first object slot starts with, so
/// that a verb with hundreds of patterns only tries the few whose first word is near.
#[derive(Debug, Default)]
struct BlockIndex {
    by_word: HashMap<String, Vec<u32>>,
    by_set: HashMap<u32, Vec<u32>>,
}

/// A compiled lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// The language of the entries (word-order rules differ).
    lang: Option<Lang>,
    forms: HashMap<String, Vec<Form>>,
    groups: Vec<Vec<u32>>,
    /// The derived block whose patterns a group shares, if any.
    group_block: Vec<Option<u32>>,
    /// Pattern indexes of derived blocks.
    blocks: Vec<BlockIndex>,
    /// Word → the synonym sets that have a member starting with it.
    sets_of_word: HashMap<String, Vec<u32>>,
    /// Forms that never trigger.
    stop_forms: HashMap<String, ()>,
    /// Every entry.
    pub entries: Vec<Entry>,
    /// Synonym sets, keyed by the first word of each member (value: the remaining words).
    sets: Vec<HashMap<String, Vec<Vec<String>>>>,
}

impl Lexicon {
    fn build(
        lang: Lang,
        curated: &str,
        curated_name: &'static str,
        derived: &str,
        derived_name: &'static str,
    ) -> Lexicon {
        let mut lexicon = Lexicon {
            lang: Some(lang),
            ..Lexicon::default()
        };
        let mut blocked: HashMap<String, ()> = HashMap::new();
        let mut curated_lemmas: HashMap<(String, Pos), u32> = HashMap::new();
        for (idx, line) in curated.lines().enumerate() {
            if let Some(entry) = parse_curated(line, curated_name, idx + 1) {
                let extra_forms = curated_forms(line);
                // A BLOCK with object words is a pattern that codes nothing ("fight the
                // epidemic"): it stays an entry and wins over the lemma's other entries.
                if entry.role == Role::Block && entry.object.is_empty() {
                    if entry.pos == Pos::Phrase {
                        // A blocked form: never a trigger ("alleged", "suspected" as adjectives).
                        lexicon.stop_forms.insert(entry.lemma.clone(), ());
                    } else {
                        blocked.insert(entry.lemma.clone(), ());
                    }
                    continue;
                }
                let key = (entry.lemma.clone(), entry.pos);
                let group = match curated_lemmas.get(&key) {
                    Some(&group) => group,
                    None => {
                        let group = lexicon.new_group();
                        curated_lemmas.insert(key, group);
                        lexicon.add_forms(lang, &entry.lemma, entry.pos, &extra_forms, group);
                        group
                    }
                };
                lexicon.push_entry(group, entry);
                // Curated lemmas win over derived ones: block the derived entries of that lemma.
                if let Some((_, entry)) = lexicon.entries.last().map(|e| ((), e)) {
                    // A no-event pattern leaves the lemma's derived entries in place.
                    if entry.pos == Pos::Verb && entry.role != Role::Block {
                        blocked.insert(entry.lemma.clone(), ());
                    }
                }
            }
        }
        lexicon.add_derived(lang, derived, derived_name, &blocked);
        lexicon
    }

    fn new_group(&mut self) -> u32 {
        self.groups.push(Vec::new());
        self.group_block.push(None);
        (self.groups.len() - 1) as u32
    }

    fn push_entry(&mut self, group: u32, entry: Entry) {
        self.entries.push(entry);
        let idx = (self.entries.len() - 1) as u32;
        if let Some(members) = self.groups.get_mut(group as usize) {
            members.push(idx);
        }
    }

    fn add_forms(&mut self, lang: Lang, lemma: &str, pos: Pos, extra: &[String], group: u32) {
        let mut forms: Vec<(String, FormInfo)> = match (pos, lang) {
            (Pos::Verb, Lang::En) => inflect::english_verb(lemma),
            (Pos::Verb, Lang::Es) => inflect::spanish_verb(lemma),
            (Pos::Noun, Lang::En) => inflect::english_noun(lemma)
                .into_iter()
                .map(|f| (f, FormInfo::default()))
                .collect(),
            (Pos::Noun, Lang::Es) => inflect::spanish_noun(lemma)
                .into_iter()
                .map(|f| (f, FormInfo::default()))
                .collect(),
            (Pos::Phrase, _) => vec![(lemma.to_string(), FormInfo::default())],
        };
        for form in extra {
            // Spanish irregular futures and conditionals ("impondrá", "tendría") announce acts.
            let future = lang == Lang::Es
                && pos == Pos::Verb
                && [
                    "dra", "dran", "dras", "dre", "dremos", "dria", "drian", "driamos",
                ]
                .iter()
                .any(|end| form.ends_with(end));
            let info = FormInfo {
                participle: pos == Pos::Verb
                    && !form.ends_with("ing")
                    && !form.ends_with('s')
                    && !future,
                future,
                conditional: future && form.contains("dri"),
                ..FormInfo::default()
            };
            // An irregular form replaces a wrongly generated one of the same shape.
            forms.push((form.clone(), info));
        }
        for (form, info) in forms {
            let mut words = form
                .split([' ', '~'])
                .filter(|w| !w.is_empty())
                .map(str::to_string);
            let Some(first) = words.next() else { continue };
            let rest: Vec<String> = words.collect();
            let list = self.forms.entry(first).or_default();
            if !list.iter().any(|f| f.group == group && f.rest == rest) {
                list.push(Form { rest, group, info });
            }
        }
    }

    fn add_derived(
        &mut self,
        lang: Lang,
        text: &str,
        file: &'static str,
        blocked: &HashMap<String, ()>,
    ) {
        let mut set_index: HashMap<String, u32> = HashMap::new();
        // Block number → (verb groups, pattern entries).
        let mut block_verbs: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut block_patterns: HashMap<u32, Vec<Entry>> = HashMap::new();
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.first().copied() {
                Some("S") if cols.len() >= 3 => {
                    let mut members: HashMap<String, Vec<Vec<String>>> = HashMap::new();
                    for member in cols[2].split('|') {
                        let mut words = member
                            .split(' ')
                            .filter(|w| !w.is_empty())
                            .map(str::to_string);
                        if let Some(first) = words.next() {
                            members.entry(first).or_default().push(words.collect());
                        }
                    }
                    self.sets.push(members);
                    set_index.insert(cols[1].to_string(), (self.sets.len() - 1) as u32);
                }
                Some("V") if cols.len() >= 9 => {
                    let block: u32 = cols[1].parse().unwrap_or(0);
                    let lemma = cols[2];
                    if blocked.contains_key(lemma) || lemma.len() < 3 {
                        continue;
                    }
                    let group = self.new_group();
                    let forms: Vec<String> = cols[3]
                        .split('|')
                        .filter(|f| !f.is_empty())
                        .map(str::to_string)
                        .collect();
                    self.add_forms(lang, lemma, Pos::Verb, &forms, group);
                    block_verbs.entry(block).or_default().push(group);
                    if let Some(event_type) = EventType::parse(cols[6]) {
                        let entry = Entry {
                            lemma: lemma.to_string(),
                            pos: Pos::Verb,
                            role: Role::Event,
                            event_type: Some(event_type),
                            mode: non_empty(cols[7]),
                            kind: None,
                            speech_act: None,
                            content: None,
                            object: Vec::new(),
                            cameo: non_empty(cols[5]),
                            file,
                            line: cols[8].trim().parse().unwrap_or(0),
                            strength: 0.55,
                            window: 5,
                        };
                        self.push_entry(group, entry);
                    }
                }
                Some("P") if cols.len() >= 9 => {
                    let block: u32 = cols[1].parse().unwrap_or(0);
                    let Some(event_type) = EventType::parse(cols[6]) else {
                        continue;
                    };
                    let mut object = Vec::new();
                    for slot in cols[4].split(' ') {
                        if let Some(name) = slot.strip_prefix('&') {
                            match set_index.get(&format!("&{name}")) {
                                Some(&idx) => object.push(Slot::Set(idx)),
                                None => {
                                    object.clear();
                                    break;
                                }
                            }
                        } else {
                            let words = slot
                                .split('_')
                                .filter(|w| !w.is_empty())
                                .map(str::to_string)
                                .collect::<Vec<_>>();
                            if words.is_empty() || is_function_word(&words) {
                                continue;
                            }
                            object.push(Slot::Words(vec![words]));
                        }
                    }
                    if object.is_empty() {
                        continue;
                    }
                    block_patterns.entry(block).or_default().push(Entry {
                        lemma: String::new(),
                        pos: Pos::Verb,
                        role: Role::Event,
                        event_type: Some(event_type),
                        mode: non_empty(cols[7]),
                        kind: None,
                        speech_act: None,
                        content: None,
                        object,
                        cameo: non_empty(cols[5]),
                        file,
                        line: cols[8].trim().parse().unwrap_or(0),
                        strength: 0.7,
                        window: 5,
                    });
                }
                _ => {}
            }
        }
        // Every verb of a block shares the block's patterns, through the block's index.
        for (idx, members) in self.sets.iter().enumerate() {
            for first in members.keys() {
                self.sets_of_word
                    .entry(first.clone())
                    .or_default()
                    .push(idx as u32);
            }
        }
        let mut blocks: Vec<_> = block_patterns.into_iter().collect();
        blocks.sort_by_key(|(block, _)| *block);
        for (block, patterns) in blocks {
            let Some(groups) = block_verbs.get(&block) else {
                continue;
            };
            let mut index = BlockIndex::default();
            for pattern in patterns {
                let first = pattern.object.first().cloned();
                self.entries.push(pattern);
                let idx = (self.entries.len() - 1) as u32;
                match first {
                    Some(Slot::Set(set)) => index.by_set.entry(set).or_default().push(idx),
                    Some(Slot::Words(alternatives)) => {
                        for alt in alternatives {
                            if let Some(word) = alt.first() {
                                index.by_word.entry(word.clone()).or_default().push(idx);
                            }
                        }
                    }
                    None => {}
                }
            }
            self.blocks.push(index);
            let block_idx = (self.blocks.len() - 1) as u32;
            for &group in groups {
                if let Some(slot) = self.group_block.get_mut(group as usize) {
                    *slot = Some(block_idx);
                }
            }
        }
    }

    /// The derived patterns of `block` whose first slot can start within the window after
    /// token `from`.
    fn block_candidates(&self, block: u32, tokens: &Tokens, from: usize, out: &mut Vec<u32>) {
        out.clear();
        let Some(index) = self.blocks.get(block as usize) else {
            return;
        };
        let limit = (from + 5).min(tokens.len());
        for idx in from..limit {
            let norm = tokens.norm(idx);
            if matches!(norm, "." | ";" | ":" | "?" | "!") {
                break;
            }
            let singular = [Some(norm), norm.strip_suffix('s'), norm.strip_suffix("es")];
            for word in singular.into_iter().flatten() {
                if let Some(list) = index.by_word.get(word) {
                    out.extend_from_slice(list);
                }
                if let Some(sets) = self.sets_of_word.get(word) {
                    for set in sets {
                        if let Some(list) = index.by_set.get(set) {
                            out.extend_from_slice(list);
                        }
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// How many tokens the longest stop phrase starting at token `start` covers (one to three
    /// words), if any.
    fn stop_len(&self, tokens: &Tokens, start: usize) -> Option<usize> {
        let mut key = String::new();
        let mut longest = None;
        for len in 1..=3 {
            let word = tokens.norm(start + len - 1);
            if word.is_empty() {
                break;
            }
            if len > 1 {
                key.push(' ');
            }
            key.push_str(word);
            if self.stop_forms.contains_key(&key) {
                longest = Some(len);
            }
        }
        longest
    }

    /// Every trigger in the sentence: for each start token, the best entry of each matching
    /// form (a pattern whose object words follow beats the verb's default).
    ///
    /// `blocked[k]` marks tokens where no trigger may start (inside actor names).
    pub fn find(&self, tokens: &Tokens, blocked: &[bool]) -> Vec<Match> {
        let mut found = Vec::new();
        let mut candidates = Vec::new();
        let mut stopped_until = 0;
        for start in 0..tokens.len() {
            // A stop phrase hides the triggers inside it ("sin embargo", "de acuerdo con").
            if let Some(len) = self.stop_len(tokens, start) {
                stopped_until = stopped_until.max(start + len);
            }
            if start < stopped_until || blocked.get(start).copied().unwrap_or(false) {
                continue;
            }
            let Some(forms) = self.forms.get(tokens.norm(start)) else {
                continue;
            };
            if self.lang == Some(Lang::En) && month_march(tokens, start) {
                continue;
            }
            // After an article a bare verb form is a noun ("held a protest demonstration", "the
            // strike"): only the noun's entries apply. Participles and -ing forms stay
            // ("the detained", "the killing of").
            let after_article = start > 0 && is_article(tokens.norm(start - 1));
            // A Spanish participle after a determiner or a number, as a subject, names people,
            // not an act: "Unos 210 detenidos se encuentran en huelga", "y otros 21 acusados
            // … efectuaban", "un detenido que realizaba…". As an object it still counts the
            // act's victims ("causó 10 muertos y 23 heridos").
            let participle_noun = self.lang == Some(Lang::Es) && {
                // The run of determiners and numbers before the participle ("unos 210").
                let mut first = start;
                while first > 0 && is_spanish_determiner(tokens.norm(first - 1)) {
                    first -= 1;
                }
                first < start
                    && (first == 0
                        || matches!(
                            tokens.norm(first - 1),
                            "," | ";" | ":" | "(" | "-" | "—" | "\""
                        )
                        || (first..start).any(|k| matches!(tokens.norm(k), "otros" | "otras"))
                        || tokens.norm(start + 1) == "que")
            };
            for form in forms {
                if after_article
                    && !form.info.participle
                    && !form.info.gerund
                    && self.group_is_verb(form.group)
                {
                    continue;
                }
                if participle_noun && form.info.participle && self.group_is_verb(form.group) {
                    continue;
                }
                let end = start + 1 + form.rest.len();
                if end > tokens.len()
                    || !form
                        .rest
                        .iter()
                        .enumerate()
                        .all(|(k, w)| tokens.norm(start + 1 + k) == w)
                {
                    continue;
                }
                let Some(members) = self.groups.get(form.group as usize) else {
                    continue;
                };
                if let Some(Some(block)) = self.group_block.get(form.group as usize) {
                    self.block_candidates(*block, tokens, end, &mut candidates);
                } else {
                    candidates.clear();
                }
                let mut best: Option<(u32, usize, usize)> = None; // entry, n_slots, object_end
                for &entry_idx in members.iter().chain(candidates.iter()) {
                    let Some(entry) = self.entries.get(entry_idx as usize) else {
                        continue;
                    };
                    let candidate = if entry.object.is_empty() {
                        Some((entry_idx, 0, end))
                    } else {
                        self.match_object(tokens, end, &entry.object, entry.window)
                            .map(|object_end| (entry_idx, entry.object.len(), object_end))
                    };
                    if let Some(candidate) = candidate {
                        let better = match best {
                            None => true,
                            Some((best_idx, n_slots, _)) => {
                                candidate.1 > n_slots
                                    || (candidate.1 == n_slots
                                        && self.entries[entry_idx as usize].strength
                                            > self.entries[best_idx as usize].strength)
                            }
                        };
                        if better {
                            best = Some(candidate);
                        }
                    }
                }
                if let Some((entry, _, object_end)) = best {
                    found.push(Match {
                        start,
                        end,
                        object_end,
                        entry,
                        info: form.info,
                    });
                }
            }
        }
        // Keep the longest trigger where two start at the same token, and drop triggers inside
        // an earlier trigger or its object words ("hunger strike" hides "strike", "cancelled
        // a planned visit" hides "visit").
        found.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(b.object_end.cmp(&a.object_end))
        });
        found.dedup_by(|later, kept| later.start == kept.start);
        let mut covered_until = 0;
        found.retain(|m| {
            if m.start < covered_until {
                return false;
            }
            covered_until = m.object_end.max(m.end);
            true
        });
        found
    }

    /// Whether a group holds verb entries (its first entry is a verb).
    fn group_is_verb(&self, group: u32) -> bool {
        self.groups
            .get(group as usize)
            .and_then(|members| members.first())
            .and_then(|&idx| self.entries.get(idx as usize))
            .is_some_and(|entry| entry.pos == Pos::Verb)
    }

    /// Matches the object slots in order within a short window after the trigger; returns the
    /// end of the last slot.
    fn match_object(
        &self,
        tokens: &Tokens,
        from: usize,
        slots: &[Slot],
        window: usize,
    ) -> Option<usize> {
        let mut pos = from;
        for slot in slots {
            let limit = (pos + window).min(tokens.len());
            let mut hit = None;
            let mut idx = pos;
            while idx < limit {
                let norm = tokens.norm(idx);
                if matches!(norm, "." | ";" | ":" | "?" | "!") {
                    break;
                }
                let len = match slot {
                    Slot::Words(words) => {
                        words.iter().find_map(|alt| sequence_at(tokens, idx, alt))
                    }
                    Slot::Set(set) => self
                        .sets
                        .get(*set as usize)
                        .and_then(|members| set_member_at(members, tokens, idx)),
                };
                if let Some(len) = len {
                    hit = Some(idx + len);
                    break;
                }
                idx += 1;
            }
            pos = hit?;
        }
        Some(pos)
    }

    /// The curated event entry of `lemma` coding `event_type`, if the lexicon has one.
    pub fn event_entry(&self, lemma: &str, event_type: EventType) -> Option<u32> {
        let idx = self.entries.iter().position(|entry| {
            entry.lemma == lemma
                && entry.event_type == Some(event_type)
                && entry.cameo.is_none()
                && entry.role == Role::Event
        })?;
        u32::try_from(idx).ok()
    }

    /// The entry behind a match.
    pub fn entry(&self, idx: u32) -> Option<&Entry> {
        self.entries.get(idx as usize)
    }
}

/// Whether `words` occur at token `idx` (a word may carry a plural ending); returns the length.
/// English articles and possessives that make the next word a noun. Spanish is left out: its
/// verb-noun pairs ("su apoyo", "el ataque") mostly have only the verb in the lexicon, and "la",
/// "los" are also object pronouns before a verb ("la amenazó").
fn is_article(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
    )
}

/// Whether "march" at `idx` is the month: "on March 4", "in March", "since March", "MARCH
/// FOURTH". The verb and the noun are "will march on", "a march in".
fn month_march(tokens: &Tokens, idx: usize) -> bool {
    if tokens.norm(idx) != "march" {
        return false;
    }
    let next = tokens.norm(idx + 1);
    let before = idx.checked_sub(1).map_or("", |k| tokens.norm(k));
    next.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || ORDINALS.contains(&next)
        || matches!(
            before,
            "in" | "on"
                | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "during"
                | "before"
                | "after"
        )
}

/// Ordinal words that follow a month name ("MARCH FOURTH").
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
];

/// Spanish determiners and numbers that make a following participle a noun ("los detenidos",
/// "21 acusados"). "la"/"los" before a finite verb are pronouns, but a participle does not take
/// one ("los detuvo", never "los detenido").
fn is_spanish_determiner(word: &str) -> bool {
    matches!(
        word,
        "un" | "una"
            | "unos"
            | "unas"
            | "el"
            | "la"
            | "los"
            | "las"
            | "otros"
            | "otras"
            | "varios"
            | "varias"
            | "numerosos"
            | "numerosas"
            | "sus"
            | "cuyos"
            | "dos"
            | "tres"
            | "cuatro"
            | "cinco"
            | "seis"
            | "siete"
            | "ocho"
            | "nueve"
            | "diez"
            | "cien"
            | "centenares"
            | "cientos"
            | "decenas"
            | "miles"
    ) || (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

fn sequence_at(tokens: &Tokens, idx: usize, words: &[String]) -> Option<usize> {
    for (k, word) in words.iter().enumerate() {
        if !word_matches(tokens.norm(idx + k), word) {
            return None;
        }
    }
    Some(words.len())
}

/// Whether a member of a synonym set starts at token `idx` (the first word may carry a plural
/// ending); returns its length.
fn set_member_at(
    members: &HashMap<String, Vec<Vec<String>>>,
    tokens: &Tokens,
    idx: usize,
) -> Option<usize> {
    let norm = tokens.norm(idx);
    let singular = [norm.strip_suffix("es"), norm.strip_suffix('s')];
    let rests = members
        .get(norm)
        .or_else(|| singular.iter().flatten().find_map(|s| members.get(*s)))?;
    rests.iter().find_map(|rest| {
        rest.iter()
            .enumerate()
            .all(|(k, word)| word_matches(tokens.norm(idx + 1 + k), word))
            .then_some(1 + rest.len())
    })
}

fn word_matches(token: &str, word: &str) -> bool {
    if token == word {
        return true;
    }
    if let Some(stem) = token.strip_suffix('s') {
        if stem == word {
            return true;
        }
        if let Some(stem) = stem.strip_suffix('e') {
            if stem == word
                || (stem.ends_with('i')
                    && word.ends_with('y')
                    && stem[..stem.len() - 1] == word[..word.len() - 1])
            {
                return true;
            }
        }
    }
    false
}

fn is_function_word(words: &[String]) -> bool {
    words.len() == 1
        && matches!(
            words[0].as_str(),
            "to" | "of"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "with"
                | "the"
                | "a"
                | "an"
                | "from"
                | "into"
                | "de"
                | "en"
                | "con"
                | "por"
                | "para"
                | "el"
                | "la"
                | "los"
                | "las"
                | "del"
                | "al"
        )
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text != "-").then(|| text.to_string())
}

/// Parses a curated line: `pos lemma type mode kind speech_act content object forms`.
fn parse_curated(line: &str, file: &'static str, number: usize) -> Option<Entry> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() < 3 {
        return None;
    }
    let pos = match cols[0] {
        "v" => Pos::Verb,
        "n" => Pos::Noun,
        _ => Pos::Phrase,
    };
    let lemma = fold(cols[1]);
    let col = |i: usize| cols.get(i).copied().unwrap_or("-");
    let (role, event_type) = match col(2) {
        "SAY" => (Role::Say, None),
        "ALLOW" => (Role::Allow, None),
        "BLOCK" => (Role::Block, None),
        name => (Role::Event, Some(EventType::parse(name)?)),
    };
    // "^" before the object words: they must follow closely ("declared a ceasefire", not
    // "announced that it will withdraw … unless … a ceasefire").
    let near = col(7).starts_with('^');
    let object = match non_empty(col(7).trim_start_matches('^')) {
        Some(words) => words
            .split(' ')
            .map(|slot| {
                Slot::Words(
                    slot.split('|')
                        .map(|alt| fold(alt).split('_').map(str::to_string).collect())
                        .collect(),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    Some(Entry {
        lemma,
        pos,
        role,
        event_type,
        mode: non_empty(col(3)),
        kind: Kind::parse(col(4)),
        speech_act: SpeechAct::parse(col(5)),
        content: EventType::parse(col(6)),
        object,
        cameo: None,
        file,
        line: number,
        strength: if pos == Pos::Noun { NOUN_STRENGTH } else { 0.9 },
        // Curated patterns look further ("designated X, Y and Z as terrorist organizations"),
        // except denials and no-event patterns, whose object is their own ("rejected the
        // charges", not "rejected a request … on the charge of rebellion").
        window: if near || role != Role::Event { 5 } else { 22 },
    })
}

/// Extra (irregular) forms of a curated line: column 9, `|`-separated.
fn curated_forms(line: &str) -> Vec<String> {
    line.split('\t')
        .nth(8)
        .map(|forms| {
            forms
                .split('|')
                .map(|f| fold(f.trim()))
                .filter(|f| !f.is_empty() && f != "-")
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, lang: Lang) -> Vec<String> {
        let tokens = Tokens::new(sentence);
        let lexicon = for_lang(lang);
        lexicon
            .find(&tokens, &[])
            .iter()
            .map(|m| {
                let entry = &lexicon.entries[m.entry as usize];
                let words: Vec<&str> = (m.start..m.end).map(|k| tokens.norm(k)).collect();
                format!(
                    "{}:{:?}:{}",
                    words.join(" "),
                    entry.role,
                    entry.event_type.map_or("-", EventType::as_str)
                )
            })
            .collect()
    }

    #[test]
    fn finds_inflected_verbs_nouns_and_patterns() {
        assert_eq!(
            check("Mexico would not accept a military intervention.", Lang::En),
            ["accept:Allow:-", "military intervention:Event:ASSAULT"]
        );
        assert_eq!(
            check("Trump threatened tariffs.", Lang::En),
            ["threatened:Event:THREATEN", "tariffs:Event:SANCTION"]
        );
        assert_eq!(
            check("Sheinbaum rechazó y amenazó.", Lang::Es),
            ["rechazo:Event:REJECT", "amenazo:Event:THREATEN"]
        );
        // "hunger strike" hides "strike"; the pattern "imposed … tariffs" hides the noun.
        assert_eq!(
            check("They began a hunger strike.", Lang::En),
            ["began:Event:PROTEST"]
        );
        assert_eq!(
            check("The US imposed tariffs on steel.", Lang::En),
            ["imposed:Event:SANCTION"]
        );
    }

    #[test]
    fn the_month_of_march_is_no_protest() {
        for sentence in [
            "The tariffs will go into effect on March 4.",
            "The TARIFFS scheduled to go into effect on MARCH FOURTH will go into effect.",
            "Talks have stalled since March.",
        ] {
            assert!(
                check(sentence, Lang::En)
                    .iter()
                    .all(|m| !m.starts_with("march")),
                "{sentence}"
            );
        }
        assert_eq!(
            check("Thousands will march on the capital.", Lang::En),
            ["march:Event:PROTEST"]
        );
    }

    #[test]
    fn curated_lines_have_at_most_nine_columns() {
        // A tenth column is a misplaced field: the irregular forms would be silently ignored.
        for (name, text) in [
            ("lexicon_en.tsv", CURATED_EN),
            ("lexicon_es.tsv", CURATED_ES),
        ] {
            for (number, line) in text.lines().enumerate() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let columns = line.split('\t').count();
                assert!(columns <= 9, "{name}:{}: {columns} columns", number + 1);
            }
        }
    }

    #[test]
    fn holding_or_starting_a_strike_is_a_protest() {
        for (sentence, expected) in [
            (
                "Los funcionarios celebraron este martes un primer paro.",
                "celebraron:Event:PROTEST",
            ),
            (
                "Los hinchas empezaron el viernes una huelga de hambre.",
                "empezaron:Event:PROTEST",
            ),
            (
                "Los mineros protagonizaron una marcha.",
                "protagonizaron:Event:PROTEST",
            ),
            (
                "Los mineros llevaron a cabo un bloqueo.",
                "llevaron a cabo:Event:PROTEST",
            ),
        ] {
            assert!(
                check(sentence, Lang::Es).iter().any(|m| m == expected),
                "{sentence}: {:?}",
                check(sentence, Lang::Es)
            );
        }
        // A celebration with no strike or march is praise.
        assert_eq!(
            check("El presidente celebró el acuerdo.", Lang::Es),
            ["celebro:Event:SUPPORT", "acuerdo:Event:AGREE"]
        );
    }

    #[test]
    fn the_adjective_clear_clears_nothing() {
        for sentence in [
            "President Trump has been very clear: Mexico must deliver the water.",
            "He made it clear that the tariffs stay.",
        ] {
            assert!(
                check(sentence, Lang::En)
                    .iter()
                    .all(|m| !m.ends_with("CONCEDE")),
                "{sentence}: {:?}",
                check(sentence, Lang::En)
            );
        }
    }
}
