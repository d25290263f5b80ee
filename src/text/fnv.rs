//! A hasher for the small sets of short words looked up for every word of a
//! question (filler, word lists): FNV-1a, several times cheaper than the standard
//! library's SipHash on a few bytes. Keys come from claimdb's own lists, not from
//! input an attacker picks to collide, so SipHash's protection is not needed here.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A set hashed with [`Fnv`].
pub type FnvSet<T> = std::collections::HashSet<T, BuildHasherDefault<Fnv>>;
