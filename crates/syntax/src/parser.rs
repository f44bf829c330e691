//! Dependency parsing: a greedy arc-hybrid transition parser scored by an averaged perceptron,
//! trained with a dynamic oracle.
//!
//! The configuration is a stack (the root at its bottom) and a buffer of the words still to
//! read. SHIFT moves the buffer's first word onto the stack; LEFT-l makes the stack's top a
//! dependent (relation l) of the buffer's first word; RIGHT-l makes it a dependent of the word
//! below it on the stack. Each word is shifted once and attached once, so a sentence of n words
//! takes 2n decisions. The root may take a dependent only when the buffer is empty, which gives
//! every parse exactly one root. The dynamic oracle (Goldberg and Nivre 2013) says, from any
//! configuration, how many gold arcs each move loses; training follows the parser's own
//! decisions part of the time, so it learns to recover from its mistakes.

use crate::bytes::{Error, Reader, Writer};
use crate::hash::{feat1, feat2, feat3, mix, str_hash, Rng};
use crate::perceptron::{Trainer, Weights};

/// What the parser reads of each word.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Hash of the word's lexicon key.
    pub word: u64,
    /// UPOS number.
    pub tag: u8,
    /// Hash of the feature string.
    pub morph: u64,
}

const NO_WORD: u64 = 0x00de_ad00;
const NO_TAG: u64 = 0xff;
const ROOT: u64 = 0x0_7007;

const SHIFT: usize = 0;
fn right(label: usize) -> usize {
    2 + 2 * label
}

#[derive(Debug, Clone)]
struct State {
    n: usize,
    stack: Vec<usize>,
    /// The buffer's first word (1-based); past `n` when the buffer is empty.
    next: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    left1: Vec<usize>,
    left2: Vec<usize>,
    right1: Vec<usize>,
    right2: Vec<usize>,
    lefts: Vec<u8>,
    rights: Vec<u8>,
    left_labels: Vec<u128>,
    right_labels: Vec<u128>,
}

/// No child: 0 is the root, never anyone's child.
const NONE: usize = 0;

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            next: 1,
            head: vec![usize::MAX; n + 1],
            label: vec![0; n + 1],
            left1: vec![NONE; n + 1],
            left2: vec![NONE; n + 1],
            right1: vec![NONE; n + 1],
            right2: vec![NONE; n + 1],
            lefts: vec![0; n + 1],
            rights: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.next > self.n && self.stack.len() == 1
    }

    fn can_shift(&self) -> bool {
        self.next <= self.n
    }
    fn can_left(&self) -> bool {
        self.stack.len() >= 2 && self.next <= self.n
    }
    fn can_right(&self) -> bool {
        self.stack.len() >= 3 || (self.stack.len() == 2 && self.next > self.n)
    }

    fn valid(&self, class: usize) -> bool {
        match class {
            SHIFT => self.can_shift(),
            c if c % 2 == 1 => self.can_left(),
            _ => self.can_right(),
        }
    }

    fn attach(&mut self, child: usize, head: usize, label: u16) {
        self.head[child] = head;
        self.label[child] = label;
        let bit = 1u128 << (label as u32 % 128);
        if child < head {
            self.left2[head] = self.left1[head];
            self.left1[head] = child;
            self.lefts[head] = self.lefts[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            self.right2[head] = self.right1[head];
            self.right1[head] = child;
            self.rights[head] = self.rights[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
    }

    fn apply(&mut self, class: usize) {
        if class == SHIFT {
            self.stack.push(self.next);
            self.next += 1;
            return;
        }
        let label = ((class - 1) / 2) as u16;
        let s0 = self.stack.pop().expect("an arc move has a stack top");
        let head = if class % 2 == 1 {
            self.next
        } else {
            *self
                .stack
                .last()
                .expect("a right arc has a word below the top")
        };
        self.attach(s0, head, label);
    }

    /// Gold arcs lost by SHIFT, LEFT and RIGHT (any label) from here.
    fn costs(&self, gold_head: &[usize]) -> [u32; 3] {
        let n = self.n;
        let buffer = self.next..=n;
        let len = self.stack.len();
        let mut shift = 0;
        if self.can_shift() {
            let b = self.next;
            // b can no longer take a head from below the stack's top, nor any stack word as a
            // dependent.
            for (k, &s) in self.stack.iter().enumerate() {
                if k + 1 < len && gold_head[b] == s {
                    shift += 1;
                }
                if s != 0 && gold_head[s] == b {
                    shift += 1;
                }
            }
        }
        let (mut left_c, mut right_c) = (0, 0);
        if len >= 2 {
            let s0 = self.stack[len - 1];
            let s1 = self.stack[len - 2];
            let dependents_in_buffer =
                buffer.clone().filter(|d| gold_head[*d] == s0).count() as u32;
            let h = gold_head[s0];
            let head_in_buffer = buffer.contains(&h);
            if self.can_left() {
                let b = self.next;
                left_c = dependents_in_buffer + u32::from(h != b && (h == s1 || head_in_buffer));
            }
            if self.can_right() {
                right_c = dependents_in_buffer + u32::from(head_in_buffer);
            }
        }
        [shift, left_c, right_c]
    }

    /// The cost of a labelled move.
    fn cost(&self, class: usize, costs: &[u32; 3], gold_head: &[usize], gold_label: &[u16]) -> u32 {
        if class == SHIFT {
            return costs[0];
        }
        let label = ((class - 1) / 2) as u16;
        let s0 = self.stack[self.stack.len() - 1];
        let (base, head) = if class % 2 == 1 {
            (costs[1], self.next)
        } else {
            (costs[2], self.stack[self.stack.len() - 2])
        };
        base + u32::from(gold_head[s0] == head && gold_label[s0] != label)
    }
}

fn distance(a: usize, b: usize) -> u64 {
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// The features of a configuration.
fn features(state: &State, tokens: &[Token], out: &mut Vec<u64>) {
    out.clear();
    let tok = |i: Option<usize>| -> (u64, u64, u64) {
        match i {
            Some(0) => (ROOT, ROOT, ROOT),
            Some(i) => {
                let t = &tokens[i - 1];
                (t.word, u64::from(t.tag), t.morph)
            }
            None => (NO_WORD, NO_TAG, NO_WORD),
        }
    };
    let len = state.stack.len();
    let st = |k: usize| {
        if len > k {
            Some(state.stack[len - 1 - k])
        } else {
            None
        }
    };
    let buf = |k: usize| {
        let i = state.next + k;
        if i <= state.n {
            Some(i)
        } else {
            None
        }
    };
    let child =
        |of: Option<usize>, v: &Vec<usize>| of.and_then(|i| Some(v[i]).filter(|c| *c != NONE));
    let lab = |i: Option<usize>| i.map_or(0xfff, |i| u64::from(state.label[i]));
    let (s0, s1, s2, b0, b1, b2) = (st(0), st(1), st(2), buf(0), buf(1), buf(2));
    let (s0w, s0t, s0m) = tok(s0);
    let (s1w, s1t, s1m) = tok(s1);
    let (_, s2t, _) = tok(s2);
    let (b0w, b0t, b0m) = tok(b0);
    let (b1w, b1t, _) = tok(b1);
    let (b2w, b2t, _) = tok(b2);
    let s0l1 = child(s0, &state.left1);
    let s0l2 = child(s0, &state.left2);
    let s0r1 = child(s0, &state.right1);
    let s0r2 = child(s0, &state.right2);
    let s1l1 = child(s1, &state.left1);
    let s1r1 = child(s1, &state.right1);
    let b0l1 = child(b0, &state.left1);
    let b0l2 = child(b0, &state.left2);
    let (s0l1w, s0l1t, _) = tok(s0l1);
    let (_, s0l2t, _) = tok(s0l2);
    let (s0r1w, s0r1t, _) = tok(s0r1);
    let (_, s0r2t, _) = tok(s0r2);
    let (_, s1l1t, _) = tok(s1l1);
    let (s1r1w, s1r1t, _) = tok(s1r1);
    let (b0l1w, b0l1t, _) = tok(b0l1);
    let (_, b0l2t, _) = tok(b0l2);
    let s0wt = mix(s0w, s0t);
    let s1wt = mix(s1w, s1t);
    let b0wt = mix(b0w, b0t);
    let b1wt = mix(b1w, b1t);
    let f = out;
    f.push(feat1(100, 0));
    // Single words.
    f.push(feat1(101, s0w));
    f.push(feat1(102, s0t));
    f.push(feat1(103, s0wt));
    f.push(feat1(104, s1w));
    f.push(feat1(105, s1t));
    f.push(feat1(106, s1wt));
    f.push(feat1(107, b0w));
    f.push(feat1(108, b0t));
    f.push(feat1(109, b0wt));
    f.push(feat1(110, b1w));
    f.push(feat1(111, b1t));
    f.push(feat1(112, b1wt));
    f.push(feat1(113, b2w));
    f.push(feat1(114, b2t));
    f.push(feat1(115, s2t));
    // Pairs: the two arcs a move can make, s0–b0 and s1–s0.
    f.push(feat2(120, s0wt, b0wt));
    f.push(feat2(121, s0wt, b0w));
    f.push(feat2(122, s0w, b0wt));
    f.push(feat2(123, s0wt, b0t));
    f.push(feat2(124, s0t, b0wt));
    f.push(feat2(125, s0w, b0w));
    f.push(feat2(126, s0t, b0t));
    f.push(feat2(127, b0t, b1t));
    f.push(feat2(128, s1wt, s0wt));
    f.push(feat2(129, s1wt, s0t));
    f.push(feat2(130, s1t, s0wt));
    f.push(feat2(131, s1w, s0w));
    f.push(feat2(132, s1t, s0t));
    f.push(feat2(133, s0w, b1w));
    // Triples of tags.
    f.push(feat3(140, b0t, b1t, b2t));
    f.push(feat3(141, s0t, b0t, b1t));
    f.push(feat3(142, s1t, s0t, b0t));
    f.push(feat3(143, s2t, s1t, s0t));
    f.push(feat3(144, s0t, s0l1t, b0t));
    f.push(feat3(145, s0t, s0r1t, b0t));
    f.push(feat3(146, s1t, s1r1t, s0t));
    f.push(feat3(147, s1t, s1l1t, s0t));
    f.push(feat3(148, s0t, b0t, b0l1t));
    f.push(feat3(149, s1t, s0t, s0l1t));
    f.push(feat3(150, s1t, s0t, s0r1t));
    f.push(feat3(151, s0w, b0t, b1t));
    f.push(feat3(152, s0t, b0w, b1t));
    // Distances.
    let d0 = match (s0, b0) {
        (Some(a), Some(b)) if a != 0 => distance(a, b),
        _ => 7,
    };
    let d1 = match (s1, s0) {
        (Some(a), Some(b)) if a != 0 => distance(a, b),
        _ => 7,
    };
    f.push(feat2(160, s0w, d0));
    f.push(feat2(161, s0t, d0));
    f.push(feat2(162, b0w, d0));
    f.push(feat2(163, b0t, d0));
    f.push(feat3(164, s0t, b0t, d0));
    f.push(feat3(165, s1t, s0t, d1));
    f.push(feat2(166, s1w, d1));
    f.push(feat2(167, s0w, d1));
    f.push(feat3(168, s1w, s0t, d1));
    // Valency.
    let val = |i: Option<usize>, v: &Vec<u8>| i.map_or(99, |i| u64::from(v[i].min(7)));
    f.push(feat2(170, s0w, val(s0, &state.rights)));
    f.push(feat2(171, s0t, val(s0, &state.rights)));
    f.push(feat2(172, s0w, val(s0, &state.lefts)));
    f.push(feat2(173, s0t, val(s0, &state.lefts)));
    f.push(feat2(174, b0w, val(b0, &state.lefts)));
    f.push(feat2(175, b0t, val(b0, &state.lefts)));
    f.push(feat2(176, s1t, val(s1, &state.rights)));
    f.push(feat2(177, s1w, val(s1, &state.rights)));
    // Children.
    f.push(feat1(180, s0l1w));
    f.push(feat1(181, s0l1t));
    f.push(feat1(182, lab(s0l1)));
    f.push(feat1(183, s0r1w));
    f.push(feat1(184, s0r1t));
    f.push(feat1(185, lab(s0r1)));
    f.push(feat1(186, b0l1w));
    f.push(feat1(187, b0l1t));
    f.push(feat1(188, lab(b0l1)));
    f.push(feat1(189, s1r1w));
    f.push(feat1(190, s1r1t));
    f.push(feat1(191, lab(s1r1)));
    f.push(feat1(192, lab(s1l1)));
    f.push(feat3(193, s0t, s0l1t, s0l2t));
    f.push(feat3(194, s0t, s0r1t, s0r2t));
    f.push(feat3(195, b0t, b0l1t, b0l2t));
    f.push(feat3(196, s0w, lab(s0l1), lab(s0l2)));
    f.push(feat3(197, s0w, lab(s0r1), lab(s0r2)));
    f.push(feat3(198, b0w, lab(b0l1), lab(b0l2)));
    f.push(feat2(199, s0t, lab(s0l1)));
    f.push(feat2(200, s0t, lab(s0r1)));
    f.push(feat2(201, b0t, lab(b0l1)));
    f.push(feat2(202, s1t, lab(s1r1)));
    // Label sets.
    let labels = |i: Option<usize>, v: &Vec<u128>| i.map_or(0x1234, |i| str_hash_u128(v[i]));
    f.push(feat2(210, s0w, labels(s0, &state.left_labels)));
    f.push(feat2(211, s0t, labels(s0, &state.left_labels)));
    f.push(feat2(212, s0w, labels(s0, &state.right_labels)));
    f.push(feat2(213, s0t, labels(s0, &state.right_labels)));
    f.push(feat2(214, b0w, labels(b0, &state.left_labels)));
    f.push(feat2(215, b0t, labels(b0, &state.left_labels)));
    f.push(feat2(216, s1t, labels(s1, &state.right_labels)));
    // Morphology.
    f.push(feat2(220, s0m, s0t));
    f.push(feat2(221, b0m, b0t));
    f.push(feat2(222, s0m, b0m));
    f.push(feat2(223, s1m, s0m));
    f.push(feat3(224, s1t, s1m, s0t));
    f.push(feat3(225, b0t, b0m, s0t));
}

fn str_hash_u128(v: u128) -> u64 {
    mix(v as u64, (v >> 64) as u64)
}

/// A trained parser: the relation names and the weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    pub labels: Vec<String>,
    weights: Weights,
}

/// A word's head (0 = root) and relation, by word.
pub type Arcs = Vec<(usize, u16)>;

/// Scratch buffers reused across sentences.
#[derive(Default)]
pub struct Scratch {
    features: Vec<u64>,
    scores: Vec<f32>,
}

impl Parser {
    /// Parses a sentence: for word `i` (0-based), its head (1-based, 0 for the root) and the
    /// number of its relation in [`Parser::labels`].
    pub fn parse(&self, tokens: &[Token], scratch: &mut Scratch) -> Arcs {
        let mut state = State::new(tokens.len());
        let classes = self.weights.classes();
        while !state.done() {
            features(&state, tokens, &mut scratch.features);
            scratch.scores.clear();
            scratch.scores.resize(classes, 0.0);
            self.weights.score(&scratch.features, &mut scratch.scores);
            let mut best = usize::MAX;
            let mut best_score = f32::NEG_INFINITY;
            // Moves are checked in groups: which of SHIFT, LEFT, RIGHT are allowed decides
            // which classes compete.
            let (sh, le, ri) = (state.can_shift(), state.can_left(), state.can_right());
            for (c, s) in scratch.scores.iter().enumerate() {
                let ok = if c == SHIFT {
                    sh
                } else if c % 2 == 1 {
                    le
                } else {
                    ri
                };
                if ok && *s > best_score {
                    best = c;
                    best_score = *s;
                }
            }
            if best == usize::MAX {
                // No weights at all (an empty model): shift, then attach rightwards.
                best = if sh { SHIFT } else { right(0) };
            }
            state.apply(best);
        }
        (1..=tokens.len())
            .map(|i| (state.head[i], state.label[i]))
            .collect()
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Parser, Error> {
        let n = r.u32()? as usize;
        if n == 0 || n > 4096 {
            return Err(r.error("a parser with no or too many relations"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let weights = Weights::read(r)?;
        if weights.classes() != 1 + 2 * n {
            return Err(r.error("parser weights do not match its relations"));
        }
        Ok(Parser { labels, weights })
    }
}

/// A training sentence for the parser: tokens as the tagger tags them, and the gold tree.
#[derive(Debug, Clone)]
pub struct Example {
    pub tokens: Vec<Token>,
    /// Gold head of word `i` (1-based); index 0 is unused.
    pub heads: Vec<usize>,
    /// Gold relation of word `i` (1-based), as an index into the label list.
    pub labels: Vec<u16>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Chance of following the parser's own wrong move during training, from the second epoch.
    pub explore: f64,
    /// Features kept: those in at least this many updates.
    pub min_updates: u32,
}

/// Trains a parser; with `dev` sentences, keeps the epoch with the best labelled attachment
/// (and returns that epoch), otherwise the last.
pub fn train(
    labels: Vec<String>,
    train: &[Example],
    dev: &[Example],
    settings: &Settings,
    log: &mut dyn FnMut(String),
) -> (Parser, usize) {
    let classes = 1 + 2 * labels.len();
    let mut trainer = Trainer::new(classes);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(settings.seed);
    let mut features_buf = Vec::new();
    let mut scores = vec![0.0f32; classes];
    let mut best: Option<(f64, Parser)> = None;
    let mut best_epoch = settings.epochs;
    for epoch in 1..=settings.epochs {
        rng.shuffle(&mut order);
        let (mut right_moves, mut moves) = (0usize, 0usize);
        for &si in &order {
            let ex = &train[si];
            let mut state = State::new(ex.tokens.len());
            while !state.done() {
                features(&state, &ex.tokens, &mut features_buf);
                scores.iter_mut().for_each(|s| *s = 0.0);
                trainer.score(&features_buf, &mut scores);
                let costs = state.costs(&ex.heads);
                let mut guess = usize::MAX;
                let mut gold = usize::MAX;
                let mut min_cost = u32::MAX;
                for c in 0..classes {
                    if state.valid(c) {
                        min_cost = min_cost.min(state.cost(c, &costs, &ex.heads, &ex.labels));
                    }
                }
                for c in 0..classes {
                    if !state.valid(c) {
                        continue;
                    }
                    if guess == usize::MAX || scores[c] > scores[guess] {
                        guess = c;
                    }
                    if state.cost(c, &costs, &ex.heads, &ex.labels) == min_cost
                        && (gold == usize::MAX || scores[c] > scores[gold])
                    {
                        gold = c;
                    }
                }
                let guess_cost = state.cost(guess, &costs, &ex.heads, &ex.labels);
                if guess_cost > min_cost {
                    trainer.update(&features_buf, gold, guess);
                } else {
                    right_moves += 1;
                }
                trainer.tick();
                moves += 1;
                let next = if guess_cost == min_cost || (epoch > 1 && rng.unit() < settings.explore)
                {
                    guess
                } else {
                    gold
                };
                state.apply(next);
            }
        }
        let parser = Parser {
            labels: labels.clone(),
            weights: trainer.average(settings.min_updates, 0.0),
        };
        let message = format!(
            "parser epoch {epoch}: train moves right {:.2}",
            100.0 * right_moves as f64 / moves.max(1) as f64
        );
        if dev.is_empty() {
            log(message);
            best = Some((0.0, parser));
        } else {
            let (uas, las) = attachment(&parser, dev);
            log(format!(
                "{message}, dev UAS {:.2}, LAS {:.2}",
                100.0 * uas,
                100.0 * las
            ));
            if best.as_ref().is_none_or(|(b, _)| las > *b) {
                best = Some((las, parser));
                best_epoch = epoch;
            }
        }
    }
    let parser = best.map(|(_, p)| p).unwrap_or(Parser {
        labels,
        weights: Weights::empty(),
    });
    (parser, best_epoch)
}

/// Unlabelled and labelled attachment on gold sentences (relations compared whole).
pub fn attachment(parser: &Parser, gold: &[Example]) -> (f64, f64) {
    let mut scratch = Scratch::default();
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    for ex in gold {
        for (i, (h, l)) in parser.parse(&ex.tokens, &mut scratch).iter().enumerate() {
            let ok = *h == ex.heads[i + 1];
            uas += usize::from(ok);
            las += usize::from(ok && *l == ex.labels[i + 1]);
            total += 1;
        }
    }
    (
        uas as f64 / total.max(1) as f64,
        las as f64 / total.max(1) as f64,
    )
}

/// A token's parser view from its key, tag and feature string.
pub fn token(key: &str, tag: u8, feats: &str) -> Token {
    Token {
        word: str_hash(key),
        tag,
        morph: str_hash(feats),
    }
}
