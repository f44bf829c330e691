//! Tagging: universal part of speech, then morphological features, then the lemma.
//!
//! Both classifiers are averaged perceptrons over hashed features of the word, its
//! neighbours and the tags already chosen, decided greedily from left to right. Features come
//! second because they depend on the tag ("Number=Sing" of a noun, "Mood=Ind|Tense=Past" of a
//! verb): a feature class is a (tag, feature string) pair, and only the classes of the chosen
//! tag compete, narrowed further to those the word was seen with when the word is known.

use crate::bytes::{Error, Reader, Writer};
use crate::hash::{feat1, feat2, feat3, str_hash, Rng};
use crate::lexicon::{self, Lexicon, UPOS};
use crate::perceptron::{best_of, Trainer, Weights};

/// What the tagger knows of one word before choosing anything.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// Hash of the lexicon key (lower case, digits as 0).
    pub key: u64,
    pub exact: u64,
    pub suffix: [u64; 5],
    pub prefix: [u64; 3],
    pub shape: u64,
    /// Tags the form was seen with (0 when not known).
    pub tags: u32,
}

const NONE: u64 = 0x5eed;
const START: u64 = 0x57a7;
const END: u64 = 0xe4d;

impl WordInfo {
    pub fn new(form: &str, key: &str, lexicon: &Lexicon) -> WordInfo {
        // Byte offsets of the key's characters, to hash its endings and beginnings as slices.
        let mut bounds = [0usize; 8];
        let mut count = 0;
        for (i, _) in key.char_indices().skip(1).take(7) {
            bounds[count] = i;
            count += 1;
        }
        let chars = key.chars().count();
        let prefix = std::array::from_fn(|i| {
            if i < count {
                str_hash(&key[..bounds[i]])
            } else if i == count {
                str_hash(key)
            } else {
                NONE
            }
        });
        let suffix = std::array::from_fn(|i| {
            let k = i + 1;
            if chars >= k {
                let start = key.char_indices().nth(chars - k).map_or(0, |(b, _)| b);
                str_hash(&key[start..])
            } else {
                NONE
            }
        });
        WordInfo {
            key: str_hash(key),
            exact: str_hash(form),
            suffix,
            prefix,
            shape: shape_hash(form),
            tags: lexicon.known(key).map_or(0, |e| e.tags),
        }
    }
}

/// Hash of the word's shape: runs of upper, lower, digit and other characters, each kept at
/// most twice ("Sheinbaum" → "Xxx", "U.S." → "X.X.", "2025" → "dd", "COVID-19" → "XX-dd").
fn shape_hash(form: &str) -> u64 {
    let mut h: u64 = 0x51a9e;
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 2 {
            h = crate::hash::mix(h, u64::from(s));
        }
    }
    h
}

fn info(words: &[WordInfo], i: isize) -> Option<&WordInfo> {
    if i < 0 {
        None
    } else {
        words.get(i as usize)
    }
}

/// Features for choosing the tag of word `i`, given the tags of the words before it.
fn tag_features(words: &[WordInfo], tags: &[u8], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let ii = i as isize;
    let key_at = |j: isize| info(words, j).map_or(if j < 0 { START } else { END }, |w| w.key);
    let tags_at = |j: isize| info(words, j).map_or(0xffff_ffff, |w| u64::from(w.tags));
    let tag_at = |j: isize| {
        if j < 0 {
            START
        } else {
            u64::from(tags[j as usize])
        }
    };
    let (p1, p2) = (tag_at(ii - 1), tag_at(ii - 2));
    out.push(feat1(0, 0));
    out.push(feat1(1, w.key));
    out.push(feat1(2, w.exact));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(feat1(3 + k as u64, *s));
    }
    for (k, p) in w.prefix.iter().enumerate() {
        out.push(feat1(8 + k as u64, *p));
    }
    out.push(feat1(11, w.shape));
    out.push(feat1(12, p1));
    out.push(feat1(13, p2));
    out.push(feat2(14, p1, p2));
    out.push(feat2(15, p1, w.key));
    out.push(feat1(16, key_at(ii - 1)));
    out.push(feat1(17, key_at(ii - 2)));
    out.push(feat1(18, key_at(ii + 1)));
    out.push(feat1(19, key_at(ii + 2)));
    out.push(feat1(
        20,
        info(words, ii - 1).map_or(START, |w| w.suffix[2]),
    ));
    out.push(feat1(21, info(words, ii + 1).map_or(END, |w| w.suffix[2])));
    out.push(feat1(22, u64::from(w.tags)));
    out.push(feat1(23, tags_at(ii + 1)));
    out.push(feat1(24, tags_at(ii + 2)));
    out.push(feat2(25, u64::from(w.tags), tags_at(ii + 1)));
    out.push(feat2(26, p1, u64::from(w.tags)));
    out.push(feat2(27, w.key, key_at(ii + 1)));
    out.push(feat2(28, key_at(ii - 1), w.key));
    out.push(feat2(29, u64::from(i == 0), w.shape));
    out.push(feat1(30, info(words, ii + 1).map_or(END, |w| w.shape)));
    out.push(feat3(31, p1, w.suffix[2], u64::from(w.tags)));
    out.push(feat2(32, p1, info(words, ii + 1).map_or(END, |w| w.key)));
}

/// Features for choosing the feature class of word `i`, once every tag is chosen.
fn feats_features(words: &[WordInfo], tags: &[u8], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let ii = i as isize;
    let tag_at = |j: isize| {
        if j < 0 {
            START
        } else {
            tags.get(j as usize).map_or(END, |t| u64::from(*t))
        }
    };
    let key_at = |j: isize| info(words, j).map_or(if j < 0 { START } else { END }, |w| w.key);
    out.push(feat1(40, 0));
    out.push(feat1(41, w.key));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(feat1(42 + k as u64, *s));
    }
    out.push(feat1(47, w.prefix[1]));
    out.push(feat1(48, w.shape));
    out.push(feat1(49, tag_at(ii - 1)));
    out.push(feat1(50, tag_at(ii + 1)));
    out.push(feat2(51, tag_at(ii - 1), tag_at(ii - 2)));
    out.push(feat2(52, tag_at(ii + 1), tag_at(ii + 2)));
    out.push(feat1(53, key_at(ii - 1)));
    out.push(feat1(54, key_at(ii + 1)));
    out.push(feat1(55, key_at(ii - 2)));
    out.push(feat2(56, tag_at(ii - 1), w.suffix[1]));
    out.push(feat1(
        57,
        info(words, ii - 1).map_or(START, |w| w.suffix[1]),
    ));
    out.push(feat1(58, info(words, ii + 1).map_or(END, |w| w.suffix[1])));
    out.push(feat2(59, key_at(ii - 1), w.suffix[2]));
    out.push(feat1(60, w.exact));
}

/// The result of tagging one word.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub upos: u8,
    /// Index into the lexicon's feature classes.
    pub feats: u32,
    pub lemma: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub lexicon: Lexicon,
    upos: Weights,
    feats: Weights,
}

/// Scratch buffers reused across sentences.
#[derive(Default)]
pub struct Scratch {
    features: Vec<u64>,
    scores: Vec<f32>,
}

/// The feature classes that compete for a word with this tag.
fn candidates<'a>(lexicon: &'a Lexicon, key: &str, upos: u8, buf: &'a mut Vec<u32>) -> &'a [u32] {
    buf.clear();
    if let Some(e) = lexicon.known(key) {
        for a in &e.analyses {
            if a.upos == upos && !buf.contains(&a.feats) {
                buf.push(a.feats);
            }
        }
        if !buf.is_empty() {
            return buf;
        }
    }
    &lexicon.feats_of_tag[upos as usize]
}

impl Tagger {
    /// Tags a sentence given its word forms.
    pub fn tag(&self, forms: &[&str], scratch: &mut Scratch) -> Vec<Tagged> {
        let keys: Vec<String> = forms.iter().map(|f| lexicon::key(f)).collect();
        let words: Vec<WordInfo> = forms
            .iter()
            .zip(&keys)
            .map(|(f, k)| WordInfo::new(f, k, &self.lexicon))
            .collect();
        let mut tags = Vec::with_capacity(forms.len());
        for i in 0..words.len() {
            tag_features(&words, &tags, i, &mut scratch.features);
            scratch.scores.clear();
            scratch.scores.resize(UPOS.len(), 0.0);
            self.upos.score(&scratch.features, &mut scratch.scores);
            let allowed = if words[i].tags != 0 {
                words[i].tags
            } else {
                u32::MAX
            };
            let t = best_of(
                &scratch.scores,
                (0..UPOS.len()).filter(|t| allowed & (1 << t) != 0),
            )
            .unwrap_or(16);
            tags.push(t as u8);
        }
        let mut out = Vec::with_capacity(forms.len());
        let mut buf = Vec::new();
        for i in 0..words.len() {
            let cands = candidates(&self.lexicon, &keys[i], tags[i], &mut buf);
            let feats = match cands {
                [] => u32::MAX,
                [only] => *only,
                _ => {
                    feats_features(&words, &tags, i, &mut scratch.features);
                    scratch.scores.clear();
                    scratch.scores.resize(self.feats.classes(), 0.0);
                    self.feats.score(&scratch.features, &mut scratch.scores);
                    best_of(&scratch.scores, cands.iter().map(|c| *c as usize)).unwrap_or(0) as u32
                }
            };
            let lemma = if feats == u32::MAX {
                self.lexicon.guess_lemma(forms[i], tags[i])
            } else {
                self.lexicon.lemma(forms[i], &keys[i], tags[i], feats)
            };
            out.push(Tagged {
                upos: tags[i],
                feats,
                lemma,
            });
        }
        out
    }

    /// The feature string of a class ("_" for none).
    pub fn feats_str(&self, class: u32) -> &str {
        self.lexicon
            .feats
            .get(class as usize)
            .map_or("_", |(_, f)| f.as_str())
    }

    pub fn write(&self, w: &mut Writer) {
        self.lexicon.write(w);
        self.upos.write(w);
        self.feats.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Tagger, Error> {
        let lexicon = Lexicon::read(r)?;
        let upos = Weights::read(r)?;
        let feats = Weights::read(r)?;
        if upos.classes() != UPOS.len() || feats.classes() != lexicon.feats.len() {
            return Err(r.error("tagger weights do not match the lexicon"));
        }
        Ok(Tagger {
            lexicon,
            upos,
            feats,
        })
    }
}

/// A training sentence for the tagger.
#[derive(Debug, Clone)]
pub struct Example {
    pub forms: Vec<String>,
    pub upos: Vec<u8>,
    pub feats: Vec<String>,
    pub lemmas: Vec<String>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Features kept: those in at least this many updates.
    pub min_updates: u32,
}

/// Trains a tagger; with `dev` sentences, keeps the epoch that tags them best (tag and feature
/// accuracy separately), otherwise the last. Also returns the epoch of the best tags.
pub fn train(
    train: &[Example],
    dev: &[Example],
    settings: &Settings,
    log: &mut dyn FnMut(String),
) -> (Tagger, usize) {
    let mut lexicon = Lexicon::build(train.iter().flat_map(|s| {
        (0..s.forms.len()).map(move |i| lexicon::Observed {
            form: &s.forms[i],
            upos: s.upos[i],
            feats: &s.feats[i],
            lemma: &s.lemmas[i],
        })
    }));
    let gold_feats: Vec<Vec<u32>> = {
        let index: std::collections::HashMap<(u8, &str), u32> = lexicon
            .feats
            .iter()
            .enumerate()
            .map(|(i, (t, f))| ((*t, f.as_str()), i as u32))
            .collect();
        train
            .iter()
            .map(|s| {
                (0..s.forms.len())
                    .map(|i| index[&(s.upos[i], s.feats[i].as_str())])
                    .collect()
            })
            .collect()
    };
    let mut upos_t = Trainer::new(UPOS.len());
    let mut feats_t = Trainer::new(lexicon.feats.len());
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(settings.seed);
    let mut features = Vec::new();
    let mut scores = Vec::new();
    let mut buf = Vec::new();
    let mut best: Option<(f64, Weights)> = None;
    let mut best_epoch = settings.epochs;
    let mut best_feats: Option<(f64, Weights)> = None;
    let infos: Vec<(Vec<String>, Vec<WordInfo>)> = train
        .iter()
        .map(|s| {
            let keys: Vec<String> = s.forms.iter().map(|f| lexicon::key(f)).collect();
            let words = s
                .forms
                .iter()
                .zip(&keys)
                .map(|(f, k)| WordInfo::new(f, k, &lexicon))
                .collect();
            (keys, words)
        })
        .collect();
    for epoch in 1..=settings.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            let (keys, words) = &infos[si];
            let mut tags: Vec<u8> = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                tag_features(words, &tags, i, &mut features);
                scores.clear();
                scores.resize(UPOS.len(), 0.0);
                upos_t.score(&features, &mut scores);
                let allowed = if words[i].tags != 0 {
                    words[i].tags
                } else {
                    u32::MAX
                };
                let guess = best_of(&scores, (0..UPOS.len()).filter(|t| allowed & (1 << t) != 0))
                    .unwrap_or(16);
                let gold = s.upos[i] as usize;
                upos_t.update(&features, gold, guess);
                upos_t.tick();
                right += usize::from(guess == gold);
                total += 1;
                // Later decisions see the tags the tagger chose, as they will when tagging.
                tags.push(guess as u8);
            }
            for i in 0..words.len() {
                let gold = gold_feats[si][i];
                let cands = candidates(&lexicon, &keys[i], s.upos[i], &mut buf);
                if cands.len() < 2 {
                    continue;
                }
                feats_features(words, &s.upos, i, &mut features);
                scores.clear();
                scores.resize(lexicon.feats.len(), 0.0);
                feats_t.score(&features, &mut scores);
                let guess = best_of(&scores, cands.iter().map(|c| *c as usize)).unwrap_or(0);
                feats_t.update(&features, gold as usize, guess);
                feats_t.tick();
            }
        }
        let upos_w = upos_t.average(settings.min_updates, 0.0);
        let feats_w = feats_t.average(settings.min_updates, 0.0);
        let mut tagger = Tagger {
            lexicon,
            upos: upos_w,
            feats: feats_w,
        };
        let message = format!(
            "tagger epoch {epoch}: train UPOS {:.2}",
            100.0 * right as f64 / total.max(1) as f64
        );
        if dev.is_empty() {
            log(message);
            best = Some((0.0, tagger.upos));
            best_feats = Some((0.0, tagger.feats));
        } else {
            let (upos_acc, feats_acc) = accuracy(&tagger, dev);
            log(format!(
                "{message}, dev UPOS {:.2}, UFeats {:.2}",
                100.0 * upos_acc,
                100.0 * feats_acc
            ));
            let upos_w = std::mem::replace(&mut tagger.upos, Weights::empty());
            let feats_w = std::mem::replace(&mut tagger.feats, Weights::empty());
            if best.as_ref().is_none_or(|(a, _)| upos_acc > *a) {
                best = Some((upos_acc, upos_w));
                best_epoch = epoch;
            }
            if best_feats.as_ref().is_none_or(|(a, _)| feats_acc > *a) {
                best_feats = Some((feats_acc, feats_w));
            }
        }
        lexicon = tagger.lexicon;
    }
    let tagger = Tagger {
        lexicon,
        upos: best.map(|(_, w)| w).unwrap_or_else(Weights::empty),
        feats: best_feats.map(|(_, w)| w).unwrap_or_else(Weights::empty),
    };
    (tagger, best_epoch)
}

/// Tag and feature accuracy on gold sentences.
pub fn accuracy(tagger: &Tagger, gold: &[Example]) -> (f64, f64) {
    let mut scratch = Scratch::default();
    let (mut upos, mut feats, mut total) = (0usize, 0usize, 0usize);
    for s in gold {
        let forms: Vec<&str> = s.forms.iter().map(|f| f.as_str()).collect();
        for (i, t) in tagger.tag(&forms, &mut scratch).iter().enumerate() {
            upos += usize::from(t.upos == s.upos[i]);
            feats += usize::from(t.upos == s.upos[i] && tagger.feats_str(t.feats) == s.feats[i]);
            total += 1;
        }
    }
    (
        upos as f64 / total.max(1) as f64,
        feats as f64 / total.max(1) as f64,
    )
}
