//! [`Lanes`]: one number for each of a match's two states, computed side by
//! side.
//!
//! A match computes the same formula for both states every round; written
//! lane by lane on a 16-byte aligned pair, LLVM turns each operation into
//! one packed SSE2 instruction on x86-64 (`addpd`, `mulpd`, ...). Each lane
//! is rounded exactly as the scalar operation would be (IEEE 754 packed
//! arithmetic is lane-wise), so a formula computed in lanes gives both
//! states' results bit for bit as two scalar computations in the same
//! order would.

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
