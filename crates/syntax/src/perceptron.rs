//! The averaged perceptron: sparse features (hashed `u64` keys) → scores over a fixed set of
//! classes.
//!
//! Training keeps, for every feature, only the classes it was ever updated for, with the running
//! totals that averaging needs. [`Trainer::average`] turns that into [`Weights`]: an
//! open-addressing table from feature key to a short list of `(class, weight)` pairs, which is
//! what parsing reads. Scoring a feature costs one probe and as many additions as it has
//! non-zero classes, whatever the number of classes.

use crate::bytes::{Reader, Writer};
use crate::hash::FeatureMap;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    /// Sum of the weight over all past steps, up to `stamp`.
    total: f64,
    stamp: u64,
}

#[derive(Debug, Default)]
struct Feature {
    /// How many updates the feature took part in.
    updates: u32,
    entries: Vec<Entry>,
}

/// Weights while training.
#[derive(Debug, Default)]
pub struct Trainer {
    classes: usize,
    map: FeatureMap<Feature>,
    /// Number of examples seen: the clock averaging runs on.
    now: u64,
}

impl Trainer {
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            map: FeatureMap::default(),
            now: 0,
        }
    }

    /// Adds the current weights of `features` into `scores` (one slot per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(feature) = self.map.get(f) {
                for e in &feature.entries {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// One example has been seen (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// The perceptron update: `features` vote more for `gold` and less for `guess`.
    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        let now = self.now;
        for f in features {
            let feature = self.map.entry(*f).or_default();
            feature.updates += 1;
            let entries = &mut feature.entries;
            for (class, delta) in [(gold, 1.0f32), (guess, -1.0f32)] {
                let i = match entries.iter().position(|e| e.class as usize == class) {
                    Some(i) => i,
                    None => {
                        entries.push(Entry {
                            class: class as u16,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        entries.len() - 1
                    }
                };
                let e = &mut entries[i];
                e.total += (now - e.stamp) as f64 * f64::from(e.weight);
                e.stamp = now;
                e.weight += delta;
            }
        }
    }

    /// The averaged weights of the features that took part in at least `min_updates` updates
    /// (rarer ones are mostly word combinations seen once, which cost memory and speed and
    /// generalise poorly), dropping weights smaller than `min_abs` in magnitude.
    pub fn average(&self, min_updates: u32, min_abs: f32) -> Weights {
        let now = self.now.max(1) as f64;
        let mut keys: Vec<u64> = self.map.keys().copied().collect();
        keys.sort_unstable();
        let mut features = Vec::with_capacity(keys.len());
        for key in keys {
            let feature = &self.map[&key];
            if feature.updates < min_updates {
                continue;
            }
            let mut kept: Vec<(u16, f32)> = feature
                .entries
                .iter()
                .map(|e| {
                    let total = e.total + (self.now - e.stamp) as f64 * f64::from(e.weight);
                    (e.class, (total / now) as f32)
                })
                .filter(|(_, w)| w.abs() >= min_abs && *w != 0.0)
                .collect();
            kept.sort_unstable_by_key(|(c, _)| *c);
            if !kept.is_empty() {
                features.push((key, kept));
            }
        }
        Weights::build(self.classes, features)
    }
}

/// Averaged weights, read-only, compact and fast to probe.
///
/// Scoring is bound by memory, not arithmetic: a model holds millions of features and each
/// feature of a decision is a random access. So a slot keeps the key and the place of its
/// entries together (one cache line fetch finds both), entries are 4 bytes (class and a weight
/// quantised to 16 bits), and [`Weights::score`] first fetches every feature's slot, then
/// every entry list, then adds, so that the fetches of one decision overlap instead of waiting
/// for each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    /// Open-addressing table: a slot with `key == 0` is empty.
    slots: Vec<Slot>,
    entries: Vec<(u16, i16)>,
    /// Weight of one quantisation step (for writing the weights back out).
    scale: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// Feature key 0 marks an empty slot; a real feature that hashes to 0 is moved to 1.
#[inline]
fn nonzero(key: u64) -> u64 {
    if key == 0 {
        1
    } else {
        key
    }
}

/// Most features of one decision scored in one batch.
const BATCH: usize = 128;

impl Weights {
    fn build(classes: usize, features: Vec<(u64, Vec<(u16, f32)>)>) -> Weights {
        let max = features
            .iter()
            .flat_map(|(_, e)| e.iter().map(|(_, w)| w.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let quantised = features
            .into_iter()
            .map(|(k, e)| {
                let q: Vec<(u16, i16)> = e
                    .into_iter()
                    .map(|(c, w)| (c, (w / scale).round() as i16))
                    .filter(|(_, q)| *q != 0)
                    .collect();
                (k, q)
            })
            .filter(|(_, q)| !q.is_empty())
            .collect();
        Weights::from_quantised(classes, scale, quantised)
    }

    fn from_quantised(
        classes: usize,
        scale: f32,
        features: Vec<(u64, Vec<(u16, i16)>)>,
    ) -> Weights {
        let size = (features.len() * 2).next_power_of_two().max(16);
        let mut weights = Weights {
            classes,
            slots: vec![Slot::default(); size],
            entries: Vec::new(),
            scale,
        };
        for (key, entries) in features {
            let key = nonzero(key);
            let mut slot = (key as usize) & (size - 1);
            while weights.slots[slot].key != 0 && weights.slots[slot].key != key {
                slot = (slot + 1) & (size - 1);
            }
            if weights.slots[slot].key == key {
                // Two features that differ only by 0/1: keep the first (never happens in practice).
                continue;
            }
            weights.slots[slot] = Slot {
                key,
                start: weights.entries.len() as u32,
                len: entries.len() as u32,
            };
            weights.entries.extend(entries);
        }
        weights
    }

    /// Weights that score every class 0.
    pub fn empty() -> Weights {
        Weights::build(0, Vec::new())
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the weights of `features` into `scores` (one slot per class), in quantisation
    /// steps: comparable between classes, not between models.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mask = self.slots.len() - 1;
        for chunk in features.chunks(BATCH) {
            // Fetch every slot first: the loads do not depend on each other.
            let mut found = [Slot::default(); BATCH];
            for (f, out) in chunk.iter().zip(found.iter_mut()) {
                *out = self.slots[(nonzero(*f) as usize) & mask];
            }
            // Then resolve collisions (rare: the table is at most half full).
            for (f, slot) in chunk.iter().zip(found.iter_mut()) {
                let key = nonzero(*f);
                if slot.key == key {
                    continue;
                }
                let mut at = (key as usize) & mask;
                *slot = Slot::default();
                while self.slots[at].key != 0 {
                    if self.slots[at].key == key {
                        *slot = self.slots[at];
                        break;
                    }
                    at = (at + 1) & mask;
                }
            }
            // Then touch every entry list: again independent loads, so their cache misses
            // overlap, and the additions below find the lists in cache.
            let mut touched = 0u16;
            for slot in &found[..chunk.len()] {
                if slot.len > 0 {
                    touched ^= self.entries[slot.start as usize].0;
                }
            }
            std::hint::black_box(touched);
            for slot in &found[..chunk.len()] {
                let start = slot.start as usize;
                for (c, w) in &self.entries[start..start + slot.len as usize] {
                    scores[*c as usize] += f32::from(*w);
                }
            }
        }
    }

    pub fn write(&self, w: &mut Writer) {
        // Only the occupied slots, in key order, so the bytes do not depend on table layout.
        let mut occupied: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        occupied.sort_unstable_by_key(|s| s.key);
        w.u32(self.classes as u32);
        w.f32(self.scale);
        w.u32(occupied.len() as u32);
        for s in occupied {
            w.u64(s.key);
            w.u16(s.len as u16);
            for (c, q) in &self.entries[s.start as usize..(s.start + s.len) as usize] {
                w.u16(*c);
                w.u16(*q as u16);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, crate::bytes::Error> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        // Built in place, without an intermediate list per feature: loading is the peak of
        // the process's memory.
        let size = (n.min(1 << 26) * 2).next_power_of_two().max(16);
        let mut weights = Weights {
            classes,
            slots: vec![Slot::default(); size],
            entries: Vec::new(),
            scale,
        };
        for _ in 0..n {
            let key = nonzero(r.u64()?);
            let len = r.u16()? as usize;
            let start = weights.entries.len();
            for _ in 0..len {
                let c = r.u16()?;
                let q = r.u16()? as i16;
                if c as usize >= classes {
                    return Err(r.error("weight for a class out of range"));
                }
                weights.entries.push((c, q));
            }
            let mut slot = (key as usize) & (size - 1);
            let mut probes = 0;
            while weights.slots[slot].key != 0 {
                if weights.slots[slot].key == key || probes == size {
                    return Err(r.error("a feature twice, or more features than the table holds"));
                }
                slot = (slot + 1) & (size - 1);
                probes += 1;
            }
            weights.slots[slot] = Slot {
                key,
                start: start as u32,
                len: len as u32,
            };
        }
        weights.entries.shrink_to_fit();
        Ok(weights)
    }
}

/// Index of the highest score among `allowed` classes (the first on ties).
#[inline]
pub fn best_of(scores: &[f32], allowed: impl Iterator<Item = usize>) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for c in allowed {
        let s = scores[c];
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Feature 10 means class 0, feature 20 means class 1, feature 30 is noise.
        let data = [
            (vec![10u64, 30], 0usize),
            (vec![20, 30], 1),
            (vec![10], 0),
            (vec![20], 1),
        ];
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = [0.0; 2];
                t.score(f, &mut s);
                let guess = best_of(&s, 0..2).unwrap();
                t.update(f, *gold, guess);
                t.tick();
            }
        }
        let w = t.average(1, 0.0);
        for (f, gold) in &data {
            let mut s = [0.0; 2];
            w.score(f, &mut s);
            assert_eq!(best_of(&s, 0..2), Some(*gold));
        }
        let mut out = Writer::default();
        w.write(&mut out);
        let bytes = out.into_bytes();
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        let mut s1 = [0.0; 2];
        let mut s2 = [0.0; 2];
        w.score(&[10, 20, 30], &mut s1);
        back.score(&[10, 20, 30], &mut s2);
        assert_eq!(s1, s2);
    }
}
