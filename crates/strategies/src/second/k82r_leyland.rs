//! Second by Leyland: tit for tat, then after move 30 defections with a
//! probability that learns from how the partner answers them.
//!
//! Rule: tit for tat up to move 29 (a partner cooperation after more than
//! one defection, or more than five defections, resets the count and, in the
//! latter case, costs a cooperation). From move 30 it defects with
//! probability `1 - x` (`x` = 0.75 at first), lowering `x` by 0.2 while the
//! partner defects on about half of the moves (within 0.1), by 0.05 when the
//! partner forgives a defection and raising it by 0.15 when the partner
//! retaliates. Robert A. Leyland's entry, forty-ninth in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k82r.f`. The Python `axelrod`
//! library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Robert A. Leyland's rule (`K82R`).
pub type Leyland = SecondEntry<K82R>;

/// The SAVEd variables of `K82R`.
#[derive(Clone, Debug, Default)]
pub struct K82R {
    /// `X`: the probability of not defecting.
    x: f32,
    /// `I5`: the partner's recent defections.
    i5: i32,
    /// `D4`: the partner's defections (a REAL).
    d4: f32,
    /// `I1`: it defected on its own initiative last time.
    i1: i32,
    /// `I2`: it is watching the answer to such a defection.
    i2: i32,
    /// `I3`: the partner has not been found a defector.
    i3: i32,
}

impl K82R {
    /// Label 2190: start over, cooperating.
    fn restart(&mut self) -> i32 {
        self.i2 = 0;
        self.i3 = i32::from(self.i5 <= 5);
        self.cooperate()
    }

    /// Label 2200: cooperate and clear the counts.
    fn cooperate(&mut self) -> i32 {
        self.i5 = 0;
        self.i1 = 0;
        0
    }

    /// Label 2030: defect on its own initiative with probability `1 - x`.
    fn maybe_defect(&mut self, j: i32, random: f32) -> i32 {
        if random > self.x {
            self.i1 = 1;
            return 1;
        }
        self.i2 = self.i1;
        j
    }
}

impl FortranRule for K82R {
    const NAME: &'static str = "Second by Leyland";
    const SUMMARY: &'static str =
        "Tit for tat, then defections with a probability learnt from the partner's answers (K82R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K82R {
                x: 0.75,
                ..K82R::default()
            };
            return self.restart();
        }
        self.i5 += j;
        self.d4 += j as f32;
        if j == 0 && self.i5 > 1 {
            if self.i5 > 5 {
                return self.cooperate();
            }
            self.i5 = 0;
        }
        if m < 30 {
            return j;
        }
        if self.i3 == 0 {
            return self.restart();
        }
        if (self.d4 / (m as f32 - 1.0) - 0.5).abs() < 0.1 {
            self.x -= 0.2;
        }
        if self.i2 != 1 {
            return self.maybe_defect(j, call.random);
        }
        if j != 0 {
            self.x = (self.x + 0.15).min(1.0);
            return self.restart();
        }
        self.x -= 0.05;
        if self.x < 0.0 {
            self.x = 0.0;
        }
        self.i2 = 0;
        if self.x >= 0.3 {
            return j;
        }
        self.maybe_defect(j, call.random)
    }
}

/// The registry entry of [`Leyland`].
pub(crate) const ENTRY: StrategyEntry = entry::<K82R>();
