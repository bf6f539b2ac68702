//! Second by Falk and Langsted: tit for tat with a randomness test, a "D
//! then C" apology, and a watch on defections ahead.
//!
//! Rule: after move 20, defect when the partner's answers to each of its own
//! moves look like a coin's (cooperations and defections within a ratio of
//! 1.5 of each other in both cases); defect when the partner has defected at
//! least three times more than it cooperated after its cooperations;
//! otherwise answer a defection after its own cooperation with a defection
//! and then a cooperation, and cooperate otherwise. The shift registers
//! meant to spot tit for tat and continual defection shift in a constant 5
//! instead of the moves, so those tests never fire (they are kept, in single
//! precision, as the Fortran has them). Robert B. Falk and James M.
//! Langsted's entry, thirty-third in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k85r.f`. The Python `axelrod` library has no class for
//! it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Robert B. Falk and James M. Langsted's rule (`K85R`).
pub type FalkAndLangsted = SecondEntry<K85R>;

/// The SAVEd variables of `K85R` (every one a REAL, as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K85R {
    /// `J0`: the shift register meant for the partner's moves.
    j0: f32,
    /// `F0`: the shift register meant for its own moves.
    f0: f32,
    /// `F1`: its own move before the last.
    f1: f32,
    /// `C`: the second cooperation of a "CC" reply is due.
    c: f32,
    /// `D`: the cooperation of a "D then C" reply is due.
    d: f32,
    /// `T`: tit for tat mode.
    t: f32,
    /// `I1`, `I2`: partner cooperations and defections after its
    /// defection; `I3`, `I4`: after its cooperation.
    i: [f32; 4],
}

/// `X - INT(X)` scaled back: the low digits of a register, as the
/// Fortran computes them in single precision.
fn low_digits(register: f32, scale: f32) -> f32 {
    let shifted = register / scale;
    (shifted - (shifted as i32) as f32) * scale
}

impl K85R {
    /// Label 910: defect.
    fn defect(&mut self, own: i32) -> i32 {
        self.f1 = own as f32;
        self.d = 0.0;
        1
    }

    /// Label 900 (and 981, 995): cooperate.
    fn cooperate(&mut self, own: i32) -> i32 {
        self.f1 = own as f32;
        0
    }
}

impl FortranRule for K85R {
    const NAME: &'static str = "Second by Falk and Langsted";
    const SUMMARY: &'static str =
        "Tit for tat with a randomness test, a D-then-C apology and a watch on defections (K85R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K85R::default();
            return self.cooperate(0);
        }
        let own = call.own_last;
        self.j0 = low_digits(self.j0, 1e7) * 10.0 + 5.0;
        self.f0 = low_digits(self.f0, 1e7) * 10.0 + 5.0;
        let counter = match (self.f1 == 0.0, j == 0) {
            (false, true) => 0,
            (false, false) => 1,
            (true, true) => 2,
            (true, false) => 3,
        };
        self.i[counter] += 1.0;
        if m > 20 {
            let a = (self.i[0] + 1e-6) / (self.i[1] + 1e-6);
            let b = (self.i[2] + 1e-6) / (self.i[3] + 1e-6);
            if (0.5..=1.5).contains(&a) && (0.5..=1.5).contains(&b) {
                return self.defect(own);
            }
        }
        if self.t == 1.0 || self.j0 == 11_111_111.0 {
            self.t = 1.0;
            return j;
        }
        if self.c == 1.0 {
            self.c = 0.0;
            return self.cooperate(own);
        }
        let cooperated_twice = m <= 30 && low_digits(self.j0, 100.0) == 11.0;
        if !cooperated_twice {
            if low_digits(self.j0, 10_000.0) == 1011.0 && low_digits(self.f0, 10_000.0) == 111.0 {
                self.c = 1.0;
                return self.cooperate(own);
            }
            if self.i[1] + self.i[3] >= self.i[0] + self.i[1] + 3.0 {
                return self.defect(own);
            }
            if own == 1 && j == 0 {
                return self.defect(own);
            }
            if self.d == 1.0 {
                self.d = 0.0;
                return self.cooperate(own);
            }
            if own != 0 {
                return self.apologise(own, j);
            }
        }
        if j != 0 {
            return self.apologise(own, j);
        }
        self.cooperate(own)
    }
}

impl K85R {
    /// Labels 400 and 415: defect after a partner defection against its
    /// cooperation, start a "D then C" reply after its own defection.
    fn apologise(&mut self, own: i32, j: i32) -> i32 {
        if own == 0 && j == 1 {
            return self.defect(own);
        }
        if own != 0 {
            self.f1 = own as f32;
            self.d = 1.0;
            return 1;
        }
        self.cooperate(own)
    }
}

/// The registry entry of [`FalkAndLangsted`].
pub(crate) const ENTRY: StrategyEntry = entry::<K85R>();
