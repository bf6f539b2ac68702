//! Second by Cave: tit for tat that forgives half the early defections and
//! gives up on a partner that defects a lot.
//!
//! Rule: cooperate after a partner cooperation; after a defection, defect
//! with probability one half while the partner has defected at most 17
//! times, always afterwards; and defect whatever the last move when the
//! partner's percentage of defections (`J` counted from the first move)
//! exceeds 79 after move 19, 65 after move 29 or 39 after move 39. Rob
//! Cave's entry, fourth in Axelrod's second tournament (Axelrod 1980b);
//! Fortran `k49r.f`. The Python `axelrod` library's `SecondByCave`
//! (stochastic, so compared by rates) cooperates as often as the Fortran
//! against Cooperator, Defector and Alternator (200 moves, 150 games each;
//! Fortran and `axelrod` rates 0.048 and 0.048 against Defector, 0.144 and
//! 0.143 against Alternator, all within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Rob Cave's rule (`K49R`).
pub type Cave = SecondEntry<K49R>;

/// The SAVEd variables of `K49R`.
#[derive(Clone, Debug, Default)]
pub struct K49R {
    /// `JDSUM`: the partner's defections so far.
    defections: i32,
}

impl FortranRule for K49R {
    const NAME: &'static str = "Second by Cave";
    const SUMMARY: &'static str =
        "Tit for tat that forgives half of early defections and gives up on defectors (K49R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let m = call.move_number;
        let mut choice = call.own_last;
        if m == 1 {
            self.defections = 0;
        }
        if call.partner_last == 1 {
            self.defections += 1;
        }
        let percentage = (100 * self.defections) / m;
        if call.partner_last == 0 {
            choice = 0;
        }
        if call.partner_last == 1 && self.defections <= 17 {
            // INT(R + .5): 1 when R >= 0.5.
            choice = (call.random + 0.5) as i32;
        }
        if call.partner_last == 1 && self.defections > 17 {
            choice = 1;
        }
        if (m > 19 && percentage > 79) || (m > 29 && percentage > 65) || (m > 39 && percentage > 39)
        {
            choice = 1;
        }
        choice
    }
}

/// The registry entry of [`Cave`].
pub(crate) const ENTRY: StrategyEntry = entry::<K49R>();
