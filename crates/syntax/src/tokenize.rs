//! Tokenization of raw sentences into surface tokens and syntactic words, learned from the
//! treebank's own tokens.
//!
//! A token is a whitespace-separated chunk with its punctuation peeled off, hyphenated words
//! split at the hyphen (as both UD treebanks do), unless the treebank holds the whole chunk as
//! one word ("U.S.", "EE.UU.", "e-mail"). A token then becomes several syntactic words when the
//! treebank spelled it so: its multiword tokens give a table ("del" → de + el, "cannot" → can +
//! not) and the clitic endings that attach to a host ("n't", "'s", "se", "selo"); an ending
//! that is a word of its own ("clase" is no "cla" + "se") is only split off a host whose ending
//! the treebank's hosts show ("-ar", "-er", "-ir", "-ndo"), and only when its words are
//! pronouns, as object clitics are.

use crate::bytes::{Error, Reader, Writer};
use crate::lexicon::{self, Lexicon};
use std::collections::{BTreeMap, BTreeSet};

/// A surface token: its byte range and its syntactic words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Splitter {
    /// Lower-case surface → words, for the treebank's multiword tokens.
    table: BTreeMap<String, Vec<String>>,
    /// Clitic endings (lower case, `'` for any apostrophe) → their words, longest first.
    clitics: Vec<(String, Vec<String>)>,
    /// Last two letters (without accents) of the hosts clitics were seen on.
    host_endings: BTreeSet<String>,
    /// Words holding punctuation that the treebank keeps whole ("U.S.", "Mr.", "EE.UU.").
    whole: BTreeSet<String>,
}

/// How often a clitic ending, host ending or whole word must be seen to be trusted.
const MIN_SEEN: usize = 2;

fn fold_apostrophe(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase()
}

fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            'Á' => 'A',
            'É' => 'E',
            'Í' => 'I',
            'Ó' => 'O',
            'Ú' => 'U',
            c => c,
        })
        .collect()
}

fn last_two(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    c[c.len().saturating_sub(2)..].iter().collect()
}

impl Splitter {
    /// Learns the tables from a treebank's sentences.
    pub fn learn(sentences: &[crate::conllu::Sentence]) -> Splitter {
        let mut table: BTreeMap<String, BTreeMap<Vec<String>, usize>> = BTreeMap::new();
        let mut clitics: BTreeMap<(String, Vec<String>), usize> = BTreeMap::new();
        let mut hosts: BTreeMap<String, usize> = BTreeMap::new();
        let mut whole: BTreeMap<String, usize> = BTreeMap::new();
        for s in sentences {
            for m in &s.multiwords {
                // A typo ("tariffs" for "tariff's", "lets" for "let's") is no rule of the
                // language: learning it would split every unknown word ending like it.
                if s.words[m.first - 1..m.last]
                    .iter()
                    .any(|w| w.feats.split('|').any(|f| f == "Typo=Yes"))
                {
                    continue;
                }
                let words: Vec<String> = s.words[m.first - 1..m.last]
                    .iter()
                    .map(|w| w.form.to_lowercase())
                    .collect();
                let surface = fold_apostrophe(&m.form);
                *table
                    .entry(surface.clone())
                    .or_default()
                    .entry(words.clone())
                    .or_default() += 1;
                let ending: String = words[1..].iter().map(|w| fold_apostrophe(w)).collect();
                // An ending without an apostrophe is split only when its words are pronouns (the
                // object clitics of Spanish verbs); English ones are typos ("its" for "it's").
                let pronouns = s.words[m.first..m.last].iter().all(|w| w.upos == "PRON");
                if !ending.starts_with('\'') && !pronouns {
                    continue;
                }
                if let Some(host) = surface.strip_suffix(&ending) {
                    if !host.is_empty() && strip_accents(host) == strip_accents(&words[0]) {
                        *clitics.entry((ending, words[1..].to_vec())).or_default() += 1;
                        *hosts.entry(last_two(&strip_accents(host))).or_default() += 1;
                    }
                }
            }
            for w in &s.words {
                if w.form.chars().count() > 1
                    && w.form.chars().any(|c| c.is_alphanumeric())
                    && w.form.chars().any(|c| !c.is_alphanumeric())
                {
                    *whole.entry(w.form.to_lowercase()).or_default() += 1;
                }
            }
        }
        let table = table
            .into_iter()
            .filter_map(|(k, v)| {
                let (words, _) = v
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                Some((k, words))
            })
            .collect();
        let mut clitics: Vec<(String, Vec<String>)> = clitics
            .into_iter()
            .filter(|(_, n)| *n >= MIN_SEEN)
            .map(|(k, _)| k)
            .collect();
        clitics.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b)));
        clitics.dedup_by(|a, b| a.0 == b.0);
        Splitter {
            table,
            clitics,
            host_endings: hosts
                .into_iter()
                .filter(|(_, n)| *n >= 3)
                .map(|(k, _)| k)
                .collect(),
            whole: whole
                .into_iter()
                .filter(|(_, n)| *n >= MIN_SEEN)
                .map(|(k, _)| k)
                .collect(),
        }
    }

    /// Splits a sentence into tokens and words.
    pub fn split(&self, text: &str, lexicon: &Lexicon) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    self.chunk(text, s, i, lexicon, &mut out);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        out
    }

    fn is_whole(&self, s: &str) -> bool {
        self.whole.contains(&s.to_lowercase())
    }

    /// One whitespace-free chunk `text[start..end]`.
    fn chunk(
        &self,
        text: &str,
        mut start: usize,
        mut end: usize,
        lexicon: &Lexicon,
        out: &mut Vec<Token>,
    ) {
        let mut tail = Vec::new();
        loop {
            let piece = &text[start..end];
            if piece.is_empty() || self.is_whole(piece) || is_number(piece) || is_link(piece) {
                break;
            }
            let first = piece.chars().next().expect("non-empty");
            let last = piece.chars().next_back().expect("non-empty");
            if !first.is_alphanumeric() && piece.len() > first.len_utf8() {
                // Leading punctuation; a run of one mark ("...", "--") is one token.
                let run = run_len(piece, first);
                out.push(self.word_token(text, start, start + run));
                start += run;
                continue;
            }
            if !last.is_alphanumeric() && piece.len() > last.len_utf8() {
                let before = &piece[..piece.len() - last.len_utf8()];
                // An abbreviation keeps its period: a known one, or a single capital ("J.").
                if last == '.' && (self.is_whole(piece) || is_initial(piece)) {
                    break;
                }
                if last == '\'' || last == '\u{2019}' {
                    // "students'" is one word in UD; keep it.
                    if before
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphabetic())
                    {
                        break;
                    }
                }
                let run = run_len_back(piece, last);
                tail.push((end - run, end));
                end -= run;
                continue;
            }
            break;
        }
        if start < end {
            self.split_hyphens(text, start, end, lexicon, out);
        }
        for (s, e) in tail.into_iter().rev() {
            out.push(self.word_token(text, s, e));
        }
    }

    fn word_token(&self, text: &str, start: usize, end: usize) -> Token {
        Token {
            start,
            end,
            words: vec![text[start..end].to_string()],
        }
    }

    /// Splits at hyphens between letters unless the treebank or lexicon knows the whole word.
    fn split_hyphens(
        &self,
        text: &str,
        start: usize,
        end: usize,
        lexicon: &Lexicon,
        out: &mut Vec<Token>,
    ) {
        let piece = &text[start..end];
        let splittable = piece.contains('-')
            && !self.is_whole(piece)
            && !is_number(piece)
            && lexicon.known(&lexicon::key(piece)).is_none();
        if !splittable {
            out.push(self.expand(text, start, end, lexicon));
            return;
        }
        let mut from = start;
        for (i, c) in piece.char_indices() {
            if c == '-' {
                let at = start + i;
                if at > from {
                    out.push(self.expand(text, from, at, lexicon));
                }
                out.push(self.word_token(text, at, at + 1));
                from = at + 1;
            }
        }
        if from < end {
            out.push(self.expand(text, from, end, lexicon));
        }
    }

    /// A token, split into its syntactic words.
    fn expand(&self, text: &str, start: usize, end: usize, lexicon: &Lexicon) -> Token {
        let surface = &text[start..end];
        let folded = fold_apostrophe(surface);
        if let Some(words) = self.table.get(&folded) {
            let mut words = words.clone();
            if surface.chars().next().is_some_and(|c| c.is_uppercase()) {
                words[0] = capitalise(&words[0]);
            }
            return Token { start, end, words };
        }
        if lexicon.known(&lexicon::key(surface)).is_none() {
            for (ending, clitic_words) in &self.clitics {
                let Some(host) = folded.strip_suffix(ending.as_str()) else {
                    continue;
                };
                let apostrophe = ending.starts_with('\'');
                let host_ok = !host.is_empty()
                    && (apostrophe
                        || (host.chars().count() >= 3
                            && self.host_endings.contains(&last_two(&strip_accents(host)))));
                if !host_ok {
                    continue;
                }
                // Byte length of the host in the surface: folding keeps the characters' count.
                let host_chars = host.chars().count();
                let cut = surface
                    .char_indices()
                    .nth(host_chars)
                    .map_or(surface.len(), |(i, _)| i);
                let host_surface = &surface[..cut];
                let mut words = vec![if apostrophe {
                    host_surface.to_string()
                } else {
                    strip_accents(host_surface)
                }];
                if apostrophe {
                    words.push(surface[cut..].to_string());
                } else {
                    words.extend(clitic_words.iter().cloned());
                }
                return Token { start, end, words };
            }
        }
        Token {
            start,
            end,
            words: vec![surface.to_string()],
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.table.len() as u32);
        for (k, v) in &self.table {
            w.str(k);
            w.u32(v.len() as u32);
            for x in v {
                w.str(x);
            }
        }
        w.u32(self.clitics.len() as u32);
        for (k, v) in &self.clitics {
            w.str(k);
            w.u32(v.len() as u32);
            for x in v {
                w.str(x);
            }
        }
        for set in [&self.host_endings, &self.whole] {
            w.u32(set.len() as u32);
            for x in set {
                w.str(x);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Splitter, Error> {
        let pairs = |r: &mut Reader| -> Result<Vec<(String, Vec<String>)>, Error> {
            let n = r.u32()? as usize;
            let mut out = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                let k = r.str()?;
                let m = r.u32()? as usize;
                if m == 0 {
                    return Err(r.error("a multiword token with no words"));
                }
                let mut v = Vec::with_capacity(m.min(16));
                for _ in 0..m {
                    v.push(r.str()?);
                }
                out.push((k, v));
            }
            Ok(out)
        };
        let table = pairs(r)?.into_iter().collect();
        let clitics = pairs(r)?;
        let set = |r: &mut Reader| -> Result<BTreeSet<String>, Error> {
            let n = r.u32()? as usize;
            (0..n).map(|_| r.str()).collect()
        };
        let host_endings = set(r)?;
        let whole = set(r)?;
        Ok(Splitter {
            table,
            clitics,
            host_endings,
            whole,
        })
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn run_len(s: &str, c: char) -> usize {
    s.chars().take_while(|x| *x == c).map(char::len_utf8).sum()
}

fn run_len_back(s: &str, c: char) -> usize {
    let n: usize = s
        .chars()
        .rev()
        .take_while(|x| *x == c)
        .map(char::len_utf8)
        .sum();
    // Never the whole piece: the caller checked there is something before.
    n.min(s.len() - s.chars().next().map_or(0, char::len_utf8))
}

/// "1,000", "3.5", "2025-26", "10:30", "38-41".
fn is_number(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.chars().next_back().is_some_and(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':' | '-' | '/'))
}

fn is_link(s: &str) -> bool {
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || (s.contains('@') && s.contains('.'))
}

fn is_initial(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}
