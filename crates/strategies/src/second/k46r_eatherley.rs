//! Second by Eatherley: after a partner defection, defect with probability
//! equal to the partner's share of defections.
//!
//! Rule: cooperate after a partner cooperation (and on the first move);
//! after a defection, defect with probability `defections / (M - 1)`, the
//! partner's defections over the moves played. Graham J. Eatherley's entry,
//! fourteenth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k46r.f`. The Python `axelrod` library's `SecondByEatherley` (stochastic,
//! so compared by rates) cooperates as often as the Fortran against
//! Cooperator, Defector and Alternator (200 moves, 150 games each; Fortran
//! and `axelrod` rates 0.005 and 0.005 against Defector, 0.752 and 0.753
//! against Alternator, all within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Graham J. Eatherley's rule (`K46R`).
pub type Eatherley = SecondEntry<K46R>;

/// The SAVEd variables of `K46R`.
#[derive(Clone, Debug, Default)]
pub struct K46R {
    /// `NJ`: the partner's defections.
    defections: i32,
}

impl FortranRule for K46R {
    const NAME: &'static str = "Second by Eatherley";
    const SUMMARY: &'static str = "After a partner defection, defects with probability equal to its share of defections (K46R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.defections = 0;
        }
        self.defections += call.partner_last;
        if call.partner_last == 0 {
            return 0;
        }
        let share = self.defections as f32 / (call.move_number - 1) as f32;
        i32::from(call.random < share)
    }
}

/// The registry entry of [`Eatherley`].
pub(crate) const ENTRY: StrategyEntry = entry::<K46R>();
