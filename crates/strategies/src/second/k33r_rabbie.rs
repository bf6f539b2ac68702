//! Second by Rabbie: the best of six policies against a partner whose
//! cooperation depends on this rule's last two moves.
//!
//! Rule: estimate the partner's probability of cooperating after each of its
//! own last two moves (four cases); for 22 moves play the fourth policy
//! (defect after its own defection two moves back, cooperate otherwise; it
//! starts as if it had defected twice); then, unless the partner looked like
//! its twin (always answered its last move in kind), play the policy of six
//! (from always cooperate to always defect, through rules over its last two
//! moves) with the best expected score under the estimates. Harold Rabbie's
//! entry, fifty-ninth in Axelrod's second tournament (Axelrod 1980b),
//! "deterministic, not nice"; Fortran `k33r.f`. The Python `axelrod` library
//! has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Harold Rabbie's rule (`K33R`).
pub type Rabbie = SecondEntry<K33R>;

/// `CONST`: each policy's constant term.
const CONSTANT: [f32; 6] = [0.0, 4.0, 6.0, 6.0, 8.0, 12.0];

/// `COEFF(II, JJ)`: each policy's weight on each estimated probability.
const COEFFICIENTS: [[f32; 4]; 6] = [
    [36.0, 0.0, 0.0, 0.0],
    [16.0, 12.0, 12.0, 0.0],
    [0.0, 18.0, 24.0, 0.0],
    [12.0, 12.0, 9.0, 9.0],
    [0.0, 16.0, 16.0, 12.0],
    [0.0, 0.0, 0.0, 48.0],
];

/// Each policy's move (0 or 1) after each `INDEX` (its own moves two and
/// one moves back, as `2 * LAST2 + LAST1 + 1`).
const POLICIES: [[i32; 4]; 6] = [
    [0, 0, 0, 0],
    [1, 0, 0, 0],
    [1, 0, 1, 0],
    [1, 1, 0, 0],
    [1, 1, 1, 0],
    [1, 1, 1, 1],
];

/// The SAVEd variables of `K33R`.
#[derive(Clone, Debug, Default)]
pub struct K33R {
    /// `COOP`: the partner's cooperations after each case.
    cooperations: [f32; 4],
    /// `COUNT`: the moves after each case.
    counts: [f32; 4],
    /// `P`: the estimated probabilities of cooperation.
    p: [f32; 4],
    /// `LAST1`: its own previous move.
    last1: i32,
    /// `LAST2`: its own move two moves ago.
    last2: i32,
    /// `INDEX`: the current case, 1 to 4.
    index: i32,
    /// `TWIN`: the partner looks like its twin.
    twin: bool,
    /// `IPOL`: the policy chosen last (0 before any).
    policy: i32,
}

impl K33R {
    /// The policy with the best expected score (labels 10 and 11); the
    /// last one chosen when none is positive.
    fn best_policy(&mut self) -> i32 {
        let mut best = 0.0f32;
        for (ii, (constant, weights)) in CONSTANT.iter().zip(&COEFFICIENTS).enumerate() {
            let mut sum = *constant;
            for (weight, p) in weights.iter().zip(&self.p) {
                sum += weight * p;
            }
            if sum > best {
                best = sum;
                self.policy = ii as i32 + 1;
            }
        }
        self.policy
    }
}

impl FortranRule for K33R {
    const NAME: &'static str = "Second by Rabbie";
    const SUMMARY: &'static str =
        "The best of six policies against a partner that answers its last two moves (K33R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 1 {
            *self = K33R {
                last1: 1,
                last2: 1,
                twin: true,
                ..K33R::default()
            };
        }
        if m > 2 {
            let i = (self.index - 1).clamp(0, 3) as usize;
            self.cooperations[i] += (1 - j) as f32;
            self.counts[i] += 1.0;
            self.p[i] = self.cooperations[i] / self.counts[i];
        }
        self.index = 2 * self.last2 + self.last1 + 1;
        if m != 1 && j != self.last1 {
            self.twin = false;
        }
        let policy = if m <= 22 {
            4
        } else if self.twin {
            1
        } else {
            // An IPOL out of range falls through to the first policy.
            self.best_policy().clamp(1, 6)
        };
        let choice = POLICIES[(policy - 1) as usize][(self.index - 1).clamp(0, 3) as usize];
        self.last2 = self.last1;
        self.last1 = choice;
        choice
    }
}

/// The registry entry of [`Rabbie`].
pub(crate) const ENTRY: StrategyEntry = entry::<K33R>();
