//! Feature hashing: every feature is a `u64` made by mixing small integers and string hashes.
//!
//! The mixer is fixed (no random state), so feature keys, and hence trained weights, are the
//! same on every run and every machine.

/// Hash of a string (FNV-1a, then a final avalanche so short strings spread over all bits).
pub fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    avalanche(h)
}

/// Mixes a value into a running hash.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    avalanche(
        h ^ v
            .wrapping_add(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(h << 6)
            .wrapping_add(h >> 2),
    )
}

/// A feature key: template number and up to three values.
#[inline]
pub fn feat1(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d), a)
}

#[inline]
pub fn feat2(template: u64, a: u64, b: u64) -> u64 {
    mix(feat1(template, a), b)
}

#[inline]
pub fn feat3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(feat2(template, a, b), c)
}

#[inline]
fn avalanche(mut h: u64) -> u64 {
    // splitmix64's finaliser.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// A hasher for maps keyed by already-hashed `u64`s: it passes the key through.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = mix(self.0, u64::from(*b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Map keyed by feature hashes.
pub type FeatureMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdentityHasher>>;

/// A small deterministic random number generator (xorshift64*), for shuffling and exploration
/// during training: the same seed gives the same model.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(avalanche(seed.wrapping_add(1)) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
