//! What the training words tell about a word form: the tags, features and lemmas it was seen
//! with, and for unseen forms, lemmas guessed from their ending.

use crate::bytes::{Error, Reader, Writer};
use crate::hash::{feat1, str_hash, FeatureMap};
use std::collections::{BTreeMap, HashMap};

/// The 17 universal part-of-speech tags, in a fixed order (a tag's number is its index).
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The number of a UPOS tag; unknown tags are `X`.
pub fn upos_index(tag: &str) -> u8 {
    UPOS.iter().position(|t| *t == tag).unwrap_or(16) as u8
}

/// A form is trusted as known (its tag set and features restrict the choices) only when the
/// training words hold it this often: forms seen once behave like unseen ones, so training
/// sees the same mix of known and unknown words as new text does.
pub const MIN_KNOWN: u32 = 2;

/// The key forms are looked up under: lower case, every ASCII digit as `0`.
pub fn key(form: &str) -> String {
    let mut k = String::with_capacity(form.len());
    for c in form.chars() {
        if c.is_ascii_digit() {
            k.push('0');
        } else {
            k.extend(c.to_lowercase());
        }
    }
    k
}

/// One analysis of a known form.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub upos: u8,
    /// Index into [`Lexicon::feats`].
    pub feats: u32,
    /// The edit from the form to its lemma (so "2025" keeps its digits and "The" its case).
    pub lemma: Script,
    pub count: u32,
}

/// A known form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// The lexicon key.
    pub form: String,
    pub count: u32,
    /// Bit `t` set when the form was seen with tag `t`.
    pub tags: u32,
    /// Analyses, most frequent first.
    pub analyses: Vec<Analysis>,
}

/// An edit that turns a form into its lemma: optionally lower-case it, cut `cut` characters at
/// the end, append `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Script {
    pub lower: bool,
    pub cut: u8,
    pub add: String,
}

impl Script {
    /// The script that turns `form` into `lemma`.
    pub fn between(form: &str, lemma: &str) -> Script {
        let lower: String = form.to_lowercase();
        let build = |source: &str, lower: bool| {
            let prefix = source
                .chars()
                .zip(lemma.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let cut = source.chars().count() - prefix;
            let add: String = lemma.chars().skip(prefix).collect();
            (
                prefix,
                Script {
                    lower,
                    cut: cut.min(255) as u8,
                    add,
                },
            )
        };
        let (kept, keep) = build(form, false);
        let (lowered, low) = build(&lower, true);
        // Lower-casing is preferred when it does as well, so that "El" and "el" share the
        // script of the article and a capitalised sentence start gets a lower-case lemma.
        if lowered >= kept {
            low
        } else {
            keep
        }
    }

    /// Applies the script; `None` when it cuts more than the form has.
    pub fn apply(&self, form: &str) -> Option<String> {
        let source: String = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = source.chars().count();
        if self.cut as usize > n || (self.cut as usize == n && self.add.is_empty()) {
            return None;
        }
        let mut out: String = source.chars().take(n - self.cut as usize).collect();
        out.push_str(&self.add);
        Some(out)
    }
}

/// Longest ending the lemma guesser looks at, in characters.
const MAX_SUFFIX: usize = 6;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lexicon {
    /// Every (tag, features) pair of the training words; a feature class is its index.
    pub feats: Vec<(u8, String)>,
    /// For each tag, the feature classes seen with it.
    pub feats_of_tag: Vec<Vec<u32>>,
    /// Known forms by the hash of their key.
    pub entries: FeatureMap<Entry>,
    /// Lemma scripts by the hash of (tag, ending): the most frequent script of the word types
    /// with that ending, kept only where it differs from the script of the next shorter ending.
    pub scripts: FeatureMap<(u8, String, Script)>,
}

/// One training word, as the lexicon learns from it.
pub struct Observed<'a> {
    pub form: &'a str,
    pub upos: u8,
    pub feats: &'a str,
    pub lemma: &'a str,
}

impl Lexicon {
    pub fn build<'a>(words: impl Iterator<Item = Observed<'a>>) -> Lexicon {
        let mut feat_set: BTreeMap<(u8, String), ()> = BTreeMap::new();
        let mut counts: BTreeMap<(String, u8, String, Script), u32> = BTreeMap::new();
        let mut types: BTreeMap<(String, u8, String), ()> = BTreeMap::new();
        for w in words {
            feat_set.insert((w.upos, w.feats.to_string()), ());
            *counts
                .entry((
                    key(w.form),
                    w.upos,
                    w.feats.to_string(),
                    Script::between(w.form, w.lemma),
                ))
                .or_default() += 1;
            if w.lemma != "_" {
                types.insert((w.form.to_string(), w.upos, w.lemma.to_string()), ());
            }
        }
        let feats: Vec<(u8, String)> = feat_set.into_keys().collect();
        let feat_index: HashMap<(u8, String), u32> = feats
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, f)| (f, i as u32))
            .collect();
        let mut feats_of_tag = vec![Vec::new(); UPOS.len()];
        for (i, (t, _)) in feats.iter().enumerate() {
            feats_of_tag[*t as usize].push(i as u32);
        }
        let mut entries: FeatureMap<Entry> = FeatureMap::default();
        // Lemma scripts learn from word types (each distinct form, tag and lemma once), so the
        // endings of rare words weigh as much as those of frequent ones: unseen words are rare.
        let mut script_counts: BTreeMap<(u8, String), BTreeMap<Script, u32>> = BTreeMap::new();
        for ((form, upos, feat, lemma), count) in counts {
            let f = feat_index[&(upos, feat)];
            let entry = entries.entry(str_hash(&form)).or_insert_with(|| Entry {
                form: form.clone(),
                ..Entry::default()
            });
            entry.count += count;
            entry.tags |= 1 << upos;
            entry.analyses.push(Analysis {
                upos,
                feats: f,
                lemma,
                count,
            });
        }
        for (form, upos, lemma) in types.into_keys() {
            let script = Script::between(&form, &lemma);
            let chars: Vec<char> = key(&form).chars().collect();
            for k in 0..=MAX_SUFFIX.min(chars.len()) {
                let ending: String = chars[chars.len() - k..].iter().collect();
                *script_counts
                    .entry((upos, ending))
                    .or_default()
                    .entry(script.clone())
                    .or_default() += 1;
            }
        }
        for e in entries.values_mut() {
            e.analyses.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then(a.feats.cmp(&b.feats))
                    .then(a.lemma.cmp(&b.lemma))
            });
            // One analysis per (tag, features): the most frequent lemma edit.
            let mut seen = std::collections::BTreeSet::new();
            e.analyses.retain(|a| seen.insert((a.upos, a.feats)));
        }
        let best = |m: &BTreeMap<Script, u32>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
        };
        let mut scripts = FeatureMap::default();
        for ((upos, ending), m) in &script_counts {
            let Some(script) = best(m) else { continue };
            let parent = if ending.is_empty() {
                None
            } else {
                let shorter: String = ending.chars().skip(1).collect();
                script_counts.get(&(*upos, shorter)).and_then(best)
            };
            if parent.as_ref() != Some(&script) {
                scripts.insert(script_key(*upos, ending), (*upos, ending.clone(), script));
            }
        }
        Lexicon {
            feats,
            feats_of_tag,
            entries,
            scripts,
        }
    }

    /// The entry of a form, if it is known (seen at least [`MIN_KNOWN`] times).
    pub fn known(&self, key: &str) -> Option<&Entry> {
        self.entries
            .get(&str_hash(key))
            .filter(|e| e.count >= MIN_KNOWN)
    }

    /// The lemma of a word given its tag and feature class.
    pub fn lemma(&self, form: &str, key: &str, upos: u8, feats: u32) -> String {
        if let Some(entry) = self.entries.get(&str_hash(key)) {
            let exact = entry
                .analyses
                .iter()
                .find(|a| a.upos == upos && a.feats == feats);
            let same_tag = entry.analyses.iter().find(|a| a.upos == upos);
            if let Some(lemma) = exact.or(same_tag).and_then(|a| a.lemma.apply(form)) {
                return lemma;
            }
        }
        self.guess_lemma(form, upos)
    }

    /// The lemma of an unseen form, from the longest ending with a script.
    pub fn guess_lemma(&self, form: &str, upos: u8) -> String {
        let lower = key(form);
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let mut chosen: Option<&Script> = None;
        // Endings from the shortest (empty) to the longest; the longest with a script wins, and
        // an ending without one inherits the shorter one's (pruning removed equal children).
        for k in 0..=MAX_SUFFIX.min(starts.len()) {
            let start = if k == 0 {
                lower.len()
            } else {
                starts[starts.len() - k]
            };
            if let Some((_, _, s)) = self.scripts.get(&script_key(upos, &lower[start..])) {
                chosen = Some(s);
            }
        }
        chosen
            .and_then(|s| s.apply(form))
            .unwrap_or_else(|| form.to_string())
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.feats.len() as u32);
        for (t, f) in &self.feats {
            w.u8(*t);
            w.str(f);
        }
        let mut forms: Vec<&Entry> = self.entries.values().collect();
        forms.sort_by(|a, b| a.form.cmp(&b.form));
        w.u32(forms.len() as u32);
        for e in forms {
            w.str(&e.form);
            w.u32(e.analyses.len() as u32);
            for a in &e.analyses {
                w.u8(a.upos);
                w.u32(a.feats);
                write_script(w, &a.lemma);
                w.u32(a.count);
            }
        }
        let mut scripts: Vec<&(u8, String, Script)> = self.scripts.values().collect();
        scripts.sort();
        w.u32(scripts.len() as u32);
        for (upos, ending, s) in scripts {
            w.u8(*upos);
            w.str(ending);
            write_script(w, s);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Lexicon, Error> {
        let n = r.u32()? as usize;
        let mut feats = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let t = r.u8()?;
            if t as usize >= UPOS.len() {
                return Err(r.error("a feature class with an unknown tag"));
            }
            feats.push((t, r.str()?));
        }
        let mut feats_of_tag = vec![Vec::new(); UPOS.len()];
        for (i, (t, _)) in feats.iter().enumerate() {
            feats_of_tag[*t as usize].push(i as u32);
        }
        let n = r.u32()? as usize;
        let mut entries = FeatureMap::default();
        for _ in 0..n {
            let form = r.str()?;
            let m = r.u32()? as usize;
            let mut e = Entry {
                form,
                ..Entry::default()
            };
            for _ in 0..m {
                let upos = r.u8()?;
                let f = r.u32()?;
                if upos as usize >= UPOS.len() || f as usize >= feats.len() {
                    return Err(r.error("an analysis out of range"));
                }
                let lemma = read_script(r)?;
                let count = r.u32()?;
                e.count += count;
                e.tags |= 1 << upos;
                e.analyses.push(Analysis {
                    upos,
                    feats: f,
                    lemma,
                    count,
                });
            }
            entries.insert(str_hash(&e.form), e);
        }
        let n = r.u32()? as usize;
        let mut scripts = FeatureMap::default();
        for _ in 0..n {
            let t = r.u8()?;
            let ending = r.str()?;
            let script = read_script(r)?;
            if t as usize >= UPOS.len() {
                return Err(r.error("a lemma script with an unknown tag"));
            }
            scripts.insert(script_key(t, &ending), (t, ending, script));
        }
        Ok(Lexicon {
            feats,
            feats_of_tag,
            entries,
            scripts,
        })
    }
}

fn script_key(upos: u8, ending: &str) -> u64 {
    feat1(u64::from(upos), str_hash(ending))
}

fn write_script(w: &mut Writer, s: &Script) {
    w.u8(u8::from(s.lower));
    w.u8(s.cut);
    w.str(&s.add);
}

fn read_script(r: &mut Reader) -> Result<Script, Error> {
    let lower = r.u8()? != 0;
    let cut = r.u8()?;
    let add = r.str()?;
    Ok(Script { lower, cut, add })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_turn_forms_into_lemmas() {
        for (form, lemma) in [
            ("running", "run"),
            ("The", "the"),
            ("Mexico", "Mexico"),
            ("amenazó", "amenazar"),
            ("was", "be"),
            ("cárteles", "cártel"),
        ] {
            let s = Script::between(form, lemma);
            assert_eq!(
                s.apply(form).as_deref(),
                Some(lemma),
                "{form} → {lemma} with {s:?}"
            );
        }
    }

    #[test]
    fn guesses_lemmas_of_unseen_forms_from_endings() {
        let words = [
            ("amenazó", "VERB", "amenazar"),
            ("aumentó", "VERB", "aumentar"),
            ("firmó", "VERB", "firmar"),
            ("bloqueó", "VERB", "bloquear"),
            ("casas", "NOUN", "casa"),
            ("mesas", "NOUN", "mesa"),
        ];
        let lex = Lexicon::build(words.iter().map(|(f, t, l)| Observed {
            form: f,
            upos: upos_index(t),
            feats: "_",
            lemma: l,
        }));
        assert_eq!(lex.guess_lemma("anunció", upos_index("VERB")), "anunciar");
        assert_eq!(lex.guess_lemma("tarifas", upos_index("NOUN")), "tarifa");
        assert_eq!(lex.lemma("Firmó", "firmó", upos_index("VERB"), 0), "firmar");
    }
}
