//! The random numbers of one society step, drawn cheaply and exactly.
//!
//! A step needs a donor, a recipient and up to three coin flips (execution
//! error, observation, assessment error). Each 64-bit draw of the caller's
//! RNG is split into two 32-bit uniform numbers; an index below `n` is
//! drawn from 32 bits by Lemire's multiply-and-reject method (exactly
//! uniform: the rare rejected values are redrawn), and a coin of
//! probability `p` compares 32 bits with the integer threshold
//! `round(p 2^32)` ([`Chance`]), so a probability is used to within
//! 2^-33 and 0 and 1 are exact. A step starts without a spare half, so how
//! the steps are grouped into runs does not change the results.

use rand_core::Rng;

/// 2^32 as a float, the scale of a [`Chance`].
const TWO_TO_32: f64 = 4_294_967_296.0;

/// A probability as a threshold on a 32-bit uniform number: the event
/// happens when the number is below `threshold` (`0` never, `2^32`
/// always).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Chance {
    threshold: u64,
}

impl Chance {
    /// The chance of probability `p` in [0, 1] (validated by the caller).
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "p is in [0, 1], so p 2^32 is in [0, 2^32]"
    )]
    pub(crate) fn new(p: f64) -> Chance {
        Chance {
            threshold: (p.clamp(0.0, 1.0) * TWO_TO_32).round() as u64,
        }
    }

    /// Whether the event can never happen.
    #[inline]
    pub(crate) const fn is_never(self) -> bool {
        self.threshold == 0
    }

    /// The probability it stands for (a multiple of 2^-32).
    #[allow(clippy::cast_precision_loss)]
    pub(crate) fn probability(self) -> f64 {
        self.threshold as f64 / TWO_TO_32
    }
}

/// The uniform numbers of one step; see the [module documentation](self).
pub(crate) struct StepDraws<'a, R: Rng> {
    rng: &'a mut R,
    spare: u32,
    has_spare: bool,
}

impl<'a, R: Rng> StepDraws<'a, R> {
    /// Draws for one step from `rng`.
    #[inline]
    pub(crate) fn new(rng: &'a mut R) -> Self {
        StepDraws {
            rng,
            spare: 0,
            has_spare: false,
        }
    }

    /// The caller's RNG, for a rule that draws its own numbers.
    #[inline]
    pub(crate) fn rng(&mut self) -> &mut R {
        self.rng
    }

    /// A uniform 32-bit number: the spare half of the last 64-bit draw,
    /// or the low half of a new one.
    #[inline]
    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.has_spare {
            self.has_spare = false;
            self.spare
        } else {
            let word = self.rng.next_u64();
            self.spare = (word >> 32) as u32;
            self.has_spare = true;
            word as u32
        }
    }

    /// A uniform index in `0..n` (`n >= 1`), exactly uniform (Lemire
    /// 2019, "Fast random integer generation in an interval", ACM TOMACS
    /// 29(1):3).
    #[inline]
    pub(crate) fn below(&mut self, n: u32) -> u32 {
        let product = u64::from(self.next_u32()) * u64::from(n);
        self.accept_below(product, n)
    }

    /// The index of Lemire's method from its first `product` (a 32-bit
    /// uniform number times `n`), redrawing while the product is rejected.
    #[inline]
    fn accept_below(&mut self, mut product: u64, n: u32) -> u32 {
        if (product as u32) < n {
            let threshold = n.wrapping_neg() % n;
            while (product as u32) < threshold {
                product = u64::from(self.next_u32()) * u64::from(n);
            }
        }
        (product >> 32) as u32
    }

    /// A uniform index in `0..size` and a uniform other index (`size >=
    /// 2`): `below(size)`, then `below(size - 1)` moved past the first,
    /// drawn exactly as these two calls at the start of a step would draw
    /// them. Both come from one 64-bit draw unless Lemire's method rejects
    /// one of its halves (probability below `2 size / 2^32`).
    #[inline]
    pub(crate) fn distinct_pair(&mut self, size: u32) -> (usize, usize) {
        debug_assert!(!self.has_spare, "a pair is drawn first in a step");
        let word = self.rng.next_u64();
        let first_product = u64::from(word as u32) * u64::from(size);
        let second_product = u64::from((word >> 32) as u32) * u64::from(size - 1);
        let (first, mut second) =
            if (first_product as u32) >= size && (second_product as u32) >= size - 1 {
                // Neither half can be rejected: the common case.
                ((first_product >> 32) as u32, (second_product >> 32) as u32)
            } else {
                // The halves in the order `below` takes them.
                self.spare = (word >> 32) as u32;
                self.has_spare = true;
                let first = self.accept_below(first_product, size);
                (first, self.below(size - 1))
            };
        if second >= first {
            second += 1;
        }
        (first as usize, second as usize)
    }

    /// Whether an event of this chance happens; draws nothing when the
    /// chance is 0 or 1.
    #[inline]
    pub(crate) fn happens(&mut self, chance: Chance) -> bool {
        match chance.threshold {
            0 => false,
            t if t >= 1 << 32 => true,
            t => u64::from(self.next_u32()) < t,
        }
    }

    /// A uniform number in (0, 1] with 53 bits, from a whole 64-bit draw.
    #[inline]
    pub(crate) fn unit_open(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss, reason = "53 bits fit in an f64")]
        let numerator = ((self.rng.next_u64() >> 11) + 1) as f64;
        numerator / (1_u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    #[test]
    fn indices_are_uniform_and_in_range() {
        let mut rng = Pcg64Mcg::seed_from_u64(3);
        let mut counts = [0_u32; 7];
        for _ in 0..70_000 {
            let mut draws = StepDraws::new(&mut rng);
            counts[draws.below(7) as usize] += 1;
            counts[draws.below(7) as usize] += 1;
        }
        // 20,000 expected in each cell, standard deviation about 130.
        for count in counts {
            assert!((19_400..=20_600).contains(&count), "{counts:?}");
        }
        let mut draws = StepDraws::new(&mut rng);
        assert_eq!(draws.below(1), 0);
        assert!(draws.below(u32::MAX) < u32::MAX);
    }

    #[test]
    fn a_distinct_pair_is_drawn_as_two_calls_of_below() {
        // Sizes near 2^32 make rejections common, so the slow path is
        // checked too.
        for size in [2_u32, 3, 10_000, 3_000_000_001, u32::MAX] {
            let mut fast_rng = Pcg64Mcg::seed_from_u64(u64::from(size));
            let mut slow_rng = fast_rng.clone();
            for _ in 0..2_000 {
                let mut fast = StepDraws::new(&mut fast_rng);
                let (first, second) = fast.distinct_pair(size);
                let fast_next = fast.next_u32();
                let mut slow = StepDraws::new(&mut slow_rng);
                let expected_first = slow.below(size);
                let mut expected_second = slow.below(size - 1);
                if expected_second >= expected_first {
                    expected_second += 1;
                }
                assert_eq!(
                    (first, second),
                    (expected_first as usize, expected_second as usize)
                );
                assert_ne!(first, second);
                assert_eq!(fast_next, slow.next_u32(), "the draws after the pair");
            }
        }
    }

    #[test]
    fn chances_are_exact_at_0_and_1_and_frequencies_match() {
        let mut rng = Pcg64Mcg::seed_from_u64(5);
        let mut draws = StepDraws::new(&mut rng);
        assert!(!draws.happens(Chance::new(0.0)));
        assert!(draws.happens(Chance::new(1.0)));
        assert!(Chance::new(0.0).is_never());
        assert!((Chance::new(0.3).probability() - 0.3).abs() < 1e-9);
        let chance = Chance::new(0.3);
        let hits = (0..100_000).filter(|_| draws.happens(chance)).count();
        // Standard deviation about 145.
        assert!((29_300..=30_700).contains(&hits), "{hits}");
        let unit = draws.unit_open();
        assert!(unit > 0.0 && unit <= 1.0);
    }
}
