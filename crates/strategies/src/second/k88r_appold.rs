//! Second by Appold: defect with the probability that the partner defected
//! after its own move of two moves ago.
//!
//! Rule: keep, for its own move two moves back being a cooperation or a
//! defection, the partner's rate of defection in answer (the latter with a
//! prior of one cooperation); cooperate on the first four moves and on the
//! first partner defection after them; afterwards defect with the rate that
//! matches its own move two moves ago. Scott Appold's entry, twenty-second
//! in Axelrod's second tournament (Axelrod 1980b); Fortran `k88r.f`. The
//! Python `axelrod` library's `SecondByAppold` (stochastic, so compared by
//! rates) cooperates as often as the Fortran against Cooperator, Defector
//! and Alternator (200 moves, 150 games each; Fortran and `axelrod` rates
//! 0.049 and 0.050 against Defector, 0.522 and 0.525 against Alternator, all
//! within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Scott Appold's rule (`K88R`).
pub type Appold = SecondEntry<K88R>;

/// The SAVEd variables of `K88R`.
#[derive(Clone, Debug, Default)]
pub struct K88R {
    /// `MMC`: the moves after its own cooperation two moves back.
    after_cooperation: i32,
    /// `MP`: the partner's defections among them.
    defections_after_cooperation: i32,
    /// `MMD`: the moves after its own defection two moves back, plus 1.
    after_defection: i32,
    /// `MP2`: the partner's defections among them.
    defections_after_defection: i32,
    /// `LMV`: its own previous move.
    last: i32,
    /// `MMV`: its own move two moves ago.
    before: i32,
    /// `DFLG`: the first defection after move 4 was forgiven (a REAL).
    forgiven: f32,
    /// `PRC`: the defection rate after its own cooperation.
    rate_after_cooperation: f32,
    /// `PRD`: the defection rate after its own defection.
    rate_after_defection: f32,
}

impl FortranRule for K88R {
    const NAME: &'static str = "Second by Appold";
    const SUMMARY: &'static str =
        "Defects with the partner's rate of defection after its own move of two moves back (K88R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K88R {
                after_defection: 1,
                ..K88R::default()
            };
        }
        if m >= 2 {
            if self.before == 0 {
                self.after_cooperation += 1;
                self.defections_after_cooperation += j;
                self.rate_after_cooperation =
                    self.defections_after_cooperation as f32 / self.after_cooperation as f32;
            } else {
                self.after_defection += 1;
                self.defections_after_defection += j;
                self.rate_after_defection =
                    self.defections_after_defection as f32 / self.after_defection as f32;
            }
        }
        let mut choice = 0;
        if m > 4 {
            if j == 1 && self.forgiven == 0.0 {
                self.forgiven = 1.0;
            } else {
                if self.before == 0 && call.random < self.rate_after_cooperation {
                    choice = 1;
                }
                if self.before == 1 && call.random < self.rate_after_defection {
                    choice = 1;
                }
            }
        }
        self.before = self.last;
        self.last = choice;
        choice
    }
}

/// The registry entry of [`Appold`].
pub(crate) const ENTRY: StrategyEntry = entry::<K88R>();
