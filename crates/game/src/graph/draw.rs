//! The two draws graph generators and graph dynamics make from the
//! caller's RNG: a uniform integer below a bound and a uniform number in
//! [0, 1). Both are portable (fixed by their definitions, not by a
//! library version), so a seed gives the same graph and the same run on
//! every platform.

use rand_core::Rng;

/// A uniform integer in `0..bound` (`bound >= 1`), by Lemire's
/// multiply-and-reject method (2019): unbiased, and one 32-bit draw in
/// almost every call. A `bound` of 0 returns 0.
#[inline]
pub fn below<R: Rng + ?Sized>(rng: &mut R, bound: u32) -> u32 {
    if bound == 0 {
        return 0;
    }
    let mut product = u64::from(rng.next_u32()) * u64::from(bound);
    // The low half decides whether the draw fell in the biased zone.
    #[allow(clippy::cast_possible_truncation)]
    let mut low = product as u32;
    if low < bound {
        let threshold = bound.wrapping_neg() % bound;
        while low < threshold {
            product = u64::from(rng.next_u32()) * u64::from(bound);
            #[allow(clippy::cast_possible_truncation)]
            {
                low = product as u32;
            }
        }
    }
    #[allow(clippy::cast_possible_truncation)]
    let high = (product >> 32) as u32;
    high
}

/// A uniform number in [0, 1) with 53 random bits (one 64-bit draw).
#[inline]
pub fn unit<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::convert::Infallible;

    /// A small deterministic generator for the tests (a 64-bit LCG).
    struct Lcg(u64);

    impl rand_core::TryRng for Lcg {
        type Error = Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Infallible> {
            Ok((self.try_next_u64()? >> 32) as u32)
        }
        fn try_next_u64(&mut self) -> Result<u64, Infallible> {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            Ok(self.0)
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
            for byte in dst {
                *byte = self.try_next_u32()? as u8;
            }
            Ok(())
        }
    }

    #[test]
    fn draws_stay_in_range_and_cover_it() {
        let mut rng = Lcg(3);
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            seen[below(&mut rng, 7) as usize] += 1;
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
        }
        assert!(
            seen.iter().all(|&count| (800..1200).contains(&count)),
            "{seen:?}"
        );
        assert_eq!(below(&mut rng, 1), 0);
        assert_eq!(below(&mut rng, 0), 0);
    }
}
