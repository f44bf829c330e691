//! Scoring a model against a treebank with gold tokens, as the CoNLL 2018 shared task's scorer
//! does: UPOS, UFeats (universal features only), lemma, UAS and LAS (universal relation, the
//! part before `:`), punctuation included.

use crate::conllu::Sentence;
use crate::{Model, Scratch};

/// The features the CoNLL 2018 scorer compares; layered ones (`Number[psor]`) are left out.
const UNIVERSAL_FEATURES: [&str; 21] = [
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number",
    "Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident",
    "Polarity", "Person", "Polite",
];

fn universal_feats(feats: &str) -> Vec<&str> {
    let mut v: Vec<&str> = feats
        .split('|')
        .filter(|kv| {
            kv.split_once('=')
                .is_some_and(|(k, _)| UNIVERSAL_FEATURES.contains(&k))
        })
        .collect();
    v.sort_unstable();
    v
}

fn universal_rel(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores of one treebank.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    pub sentences: usize,
    pub words: usize,
    pub upos: f64,
    pub ufeats: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// LAS with the whole relation, subtype included.
    pub las_full: f64,
    /// Tagging and parsing time, in seconds of one thread.
    pub seconds: f64,
}

/// Tags and parses the gold sentences' words and compares.
pub fn score(model: &Model, gold: &[Sentence]) -> Scores {
    let mut scratch = Scratch::default();
    let mut counts = [0usize; 6];
    let mut words = 0;
    let start = std::time::Instant::now();
    let mut predicted = Vec::with_capacity(gold.len());
    for s in gold {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        predicted.push(model.analyze(&forms, &mut scratch));
    }
    let seconds = start.elapsed().as_secs_f64();
    for (s, p) in gold.iter().zip(&predicted) {
        for (g, w) in s.words.iter().zip(p) {
            words += 1;
            let head_ok = g.head == Some(w.head);
            let hits = [
                g.upos == w.upos,
                universal_feats(&g.feats) == universal_feats(&w.feats),
                g.lemma == w.lemma,
                head_ok,
                head_ok && universal_rel(&g.deprel) == universal_rel(&w.deprel),
                head_ok && g.deprel == w.deprel,
            ];
            for (c, h) in counts.iter_mut().zip(hits) {
                *c += usize::from(h);
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / words.max(1) as f64;
    Scores {
        sentences: gold.len(),
        words,
        upos: pct(counts[0]),
        ufeats: pct(counts[1]),
        lemma: pct(counts[2]),
        uas: pct(counts[3]),
        las: pct(counts[4]),
        las_full: pct(counts[5]),
        seconds,
    }
}
