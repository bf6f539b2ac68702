//! Second by Friedland: a revised-Downing reckoning with fading memory, and
//! a randomness test on move 37 that cannot fire.
//!
//! Rule: estimate the partner's probability of cooperating after its own
//! cooperation (`alpha`, 1 at first) and after its own defection (`beta`,
//! 0.3 at first), each count fading by a factor 0.8 a move; with `c = 6
//! alpha - 8 beta - 2` and `alt = 4 alpha - 5 beta - 1`, cooperate when `c`
//! is exactly 0, otherwise switch its move when `alt` is not negative and
//! defect when it is. A test for a random partner on move 37 (defect for
//! good) depends on a run counter the code resets every move, so it never
//! fires. Edward Friedland's entry, sixty-first in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `K74R.f` (not the variant
//! `K74RXX.f`). The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Edward Friedland's rule (`K74R`).
pub type Friedland = SecondEntry<K74R>;

/// The SAVEd variables of `K74R`.
#[derive(Clone, Debug, Default)]
pub struct K74R {
    /// `ALPHA`: the partner's rate of cooperation after its cooperation.
    alpha: f32,
    /// `BETA`: its rate of cooperation after its defection.
    beta: f32,
    /// `IOLD`: its own move two moves ago.
    old: i32,
    /// `QCA`: fading cooperations after its cooperation.
    qca: f32,
    /// `QNA`: fading answers to its cooperation.
    qna: f32,
    /// `QCB`: fading cooperations after its defection.
    qcb: f32,
    /// `QNB`: fading answers to its defection.
    qnb: f32,
    /// `JSW`: the partner's defections before move 37.
    switches: i32,
    /// `JS4`: a run of three was seen (never, as the code stands).
    run_of_3: i32,
    /// `JS11`: a run of eleven was seen (never).
    run_of_11: i32,
    /// `JR`: the partner was found random.
    random: i32,
    /// `JT`: the partner's defections before move 37.
    total: i32,
    /// `JSM`: the run counter, reset every move.
    run: i32,
}

impl FortranRule for K74R {
    const NAME: &'static str = "Second by Friedland";
    const SUMMARY: &'static str =
        "Revised Downing with fading memory, and a randomness test that never fires (K74R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        let own = if m == 1 {
            *self = K74R {
                alpha: 1.0,
                beta: 0.3,
                run: 1,
                ..K74R::default()
            };
            0
        } else {
            call.own_last
        };
        if self.random == 1 {
            return 1;
        }
        if m > 2 {
            if self.old == 1 {
                if j == 0 {
                    self.qcb += 1.0;
                }
                self.qnb += 1.0;
                self.beta = self.qcb / self.qnb;
                self.qcb *= 0.8;
                self.qnb *= 0.8;
            } else {
                if j == 0 {
                    self.qca += 1.0;
                }
                self.qna += 1.0;
                self.alpha = self.qca / self.qna;
                self.qca *= 0.8;
                self.qna *= 0.8;
            }
        }
        self.old = own;
        if m == 37 {
            let random = self.run_of_3 != 0
                && self.run_of_11 != 1
                && self.total > 10
                && self.total < 26
                && self.switches < 26;
            if random {
                self.random = 1;
                return 1;
            }
        } else if m < 37 && m != 1 {
            // `JL` is never set, so it is 0 throughout.
            if j == 0 {
                self.run += 1;
            }
            if self.run >= 3 {
                self.run_of_3 = 1;
            }
            if self.run >= 11 {
                self.run_of_11 = 1;
            }
            if j != 0 {
                self.switches += 1;
            }
            self.run = 1;
            self.total += j;
        }
        let c = 6.0 * self.alpha - 8.0 * self.beta - 2.0;
        let alt = 4.0 * self.alpha - 5.0 * self.beta - 1.0;
        if c == 0.0 {
            0
        } else if alt >= 0.0 {
            1 - own
        } else {
            1
        }
    }
}

/// The registry entry of [`Friedland`].
pub(crate) const ENTRY: StrategyEntry = entry::<K74R>();
