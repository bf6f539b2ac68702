//! [`Lanes`]: one number for each of a match's two states, computed side by
//! side.
//!
//! A match computes the same formula for both states every round. Written
//! lane by lane on a 16-byte aligned pair, the operations are ones LLVM can
//! turn into packed instructions (`addpd`, `mulpd`, `divpd` of SSE2 on
//! x86-64) where that pays. Either way each lane is rounded exactly as the
//! scalar operation would be (IEEE 754 packed arithmetic is lane-wise), so
//! a formula computed in lanes gives both states' results bit for bit as
//! two scalar computations in the same order.
//!
//! ```
//! use twolevel_game::lanes::Lanes;
//!
//! let pi = Lanes([0.25, 0.5]);
//! let g = Lanes::splat(1.0) + Lanes::splat(2.0) * pi * pi;
//! assert_eq!(g.0, [1.0 + 2.0 * 0.25 * 0.25, 1.0 + 2.0 * 0.5 * 0.5]);
//! assert_eq!(g.swap().0, [g.0[1], g.0[0]]);
//! ```

use std::ops::{Add, Mul, Sub};

/// Two `f64`s, lane `k` for state `k` of a match.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C, align(16))]
pub struct Lanes(
    /// Lane `k`, state `k`'s number.
    pub [f64; 2],
);

impl Lanes {
    /// Both lanes `x`.
    #[inline(always)]
    #[must_use]
    pub fn splat(x: f64) -> Lanes {
        Lanes([x, x])
    }

    /// The lanes exchanged: state `k` sees state `1 - k`'s number.
    #[inline(always)]
    #[must_use]
    pub fn swap(self) -> Lanes {
        Lanes([self.0[1], self.0[0]])
    }

    /// Lane by lane, `self` where `keep` holds and `0.0` elsewhere.
    #[inline(always)]
    #[must_use]
    pub fn or_zero(self, keep: [bool; 2]) -> Lanes {
        Lanes([
            if keep[0] { self.0[0] } else { 0.0 },
            if keep[1] { self.0[1] } else { 0.0 },
        ])
    }
}

impl Lanes {
    /// Lane by lane, `1 / self`.
    #[inline(always)]
    #[must_use]
    pub fn recip(self) -> Lanes {
        Lanes([1.0 / self.0[0], 1.0 / self.0[1]])
    }
}

impl Add for Lanes {
    type Output = Lanes;

    #[inline(always)]
    fn add(self, other: Lanes) -> Lanes {
        Lanes([self.0[0] + other.0[0], self.0[1] + other.0[1]])
    }
}

impl Sub for Lanes {
    type Output = Lanes;

    #[inline(always)]
    fn sub(self, other: Lanes) -> Lanes {
        Lanes([self.0[0] - other.0[0], self.0[1] - other.0[1]])
    }
}

impl Mul for Lanes {
    type Output = Lanes;

    #[inline(always)]
    fn mul(self, other: Lanes) -> Lanes {
        Lanes([self.0[0] * other.0[0], self.0[1] * other.0[1]])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lane_is_its_scalar_operation_bit_for_bit() {
        let values = [
            0.1,
            -0.0,
            3.0,
            f64::NAN,
            f64::INFINITY,
            1e-310,
            -7.25,
            f64::MAX,
        ];
        for &a in &values {
            for &b in &values {
                let (x, y) = (Lanes([a, b]), Lanes([b, a]));
                let bits = |l: Lanes| l.0.map(f64::to_bits);
                assert_eq!(bits(x + y), [(a + b).to_bits(), (b + a).to_bits()]);
                assert_eq!(bits(x - y), [(a - b).to_bits(), (b - a).to_bits()]);
                assert_eq!(bits(x * y), [(a * b).to_bits(), (b * a).to_bits()]);
                assert_eq!(bits(x.recip()), [(1.0 / a).to_bits(), (1.0 / b).to_bits()]);
                assert_eq!(
                    bits(x.or_zero([true, false])),
                    [a.to_bits(), 0.0f64.to_bits()]
                );
            }
        }
    }
}
