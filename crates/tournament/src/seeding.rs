//! Portable derivation of per-match seeds from a master seed.
//!
//! Every match of a tournament gets its own RNG, seeded from the master
//! seed and the match's coordinates only, so the results do not depend on
//! which thread plays which match, or in which order.
//!
//! The derivation is SplitMix64's finaliser (Steele, Lea and Flood 2014)
//! folded over the coordinates:
//!
//! ```text
//! mix(z):  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
//!          z = (z ^ (z >> 27)) * 0x94d049bb133111eb
//!          return z ^ (z >> 31)
//! h = mix(seed)
//! for each coordinate c, in order: h = mix(h ^ mix(c + 0x9e3779b97f4a7c15))
//! ```
//!
//! with wrapping 64-bit arithmetic; the result seeds a `Pcg64Mcg` through
//! `SeedableRng::seed_from_u64`. Both steps are fixed by their
//! specifications, so the same tuple gives the same stream on every
//! platform.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// The golden-ratio increment of SplitMix64.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's finaliser: a bijective 64-bit mixer.
#[inline]
#[must_use]
pub const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Derives a seed from a master seed and a tuple of coordinates, such as
/// `(i, j, repetition)` for a round-robin match.
#[must_use]
pub fn derive_seed(seed: u64, coordinates: &[u64]) -> u64 {
    coordinates
        .iter()
        .fold(mix(seed), |h, &c| mix(h ^ mix(c.wrapping_add(GOLDEN))))
}

/// The RNG of the match between players `i` and `j` in `repetition`.
#[must_use]
pub fn match_rng(seed: u64, i: usize, j: usize, repetition: u32) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(derive_seed(
        seed,
        &[i as u64, j as u64, u64::from(repetition)],
    ))
}

/// The RNG of the second role assignment of the match between players `i`
/// and `j` in `repetition` (in an asymmetric game without roles, where `j`
/// takes the row payoffs): derived from `(i, j, repetition, 1)`, so it
/// differs from [`match_rng`]'s stream.
#[must_use]
pub fn swapped_match_rng(seed: u64, i: usize, j: usize, repetition: u32) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(derive_seed(
        seed,
        &[i as u64, j as u64, u64::from(repetition), 1],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::Rng;

    #[test]
    fn splitmix_reference_values() {
        // The first outputs of SplitMix64 seeded with 0 are
        // mix(GOLDEN), mix(2 * GOLDEN): 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
        assert_eq!(mix(GOLDEN), 0xe220_a839_7b1d_cdaf);
        assert_eq!(mix(GOLDEN.wrapping_mul(2)), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn coordinates_are_not_interchangeable() {
        let a = derive_seed(42, &[0, 1, 0]);
        let b = derive_seed(42, &[1, 0, 0]);
        let c = derive_seed(42, &[0, 1, 1]);
        let d = derive_seed(43, &[0, 1, 0]);
        assert!(a != b && a != c && a != d && b != c);
        assert_eq!(
            match_rng(7, 2, 3, 4).next_u64(),
            match_rng(7, 2, 3, 4).next_u64()
        );
    }
}
