//! Second by Leyvraz: answer the partner's last three moves with fixed
//! probabilities.
//!
//! Rule: with the partner's moves three, two and one moves ago: after two
//! defections in a row, defect with probability 0.75; after C D C, defect;
//! after C C D, defect with probability 0.5; otherwise cooperate (and on the
//! first move). Fransois Leyvraz's entry, twelfth in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k68r.f`. The Python `axelrod`
//! library's `SecondByLeyvraz` (stochastic, so compared by rates) cooperates
//! as often as the Fortran against Cooperator, Defector and Alternator (200
//! moves, 150 games each; Fortran and `axelrod` rates 0.253 and 0.257
//! against Defector, 0.502 and 0.502 against Alternator, all within 2.3
//! standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Fransois Leyvraz's rule (`K68R`).
pub type Leyvraz = SecondEntry<K68R>;

/// The SAVEd variables of `K68R`.
#[derive(Clone, Debug, Default)]
pub struct K68R {
    /// `J2`: the partner's move three moves ago.
    j2: i32,
    /// `J1`: the partner's move two moves ago.
    j1: i32,
}

impl FortranRule for K68R {
    const NAME: &'static str = "Second by Leyvraz";
    const SUMMARY: &'static str =
        "Answers the partner's last three moves with fixed probabilities of defecting (K68R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let j = call.partner_last;
        if call.move_number == 1 {
            self.j2 = 0;
            self.j1 = 0;
            return 0;
        }
        let (j2, j1) = (self.j2, self.j1);
        let choice = if j1 * j == 1 {
            i32::from(call.random < 0.75)
        } else if j2 * 2 + j1 + j * 2 + j == 1 {
            1
        } else if j2 * 2 + j1 * 2 + j == 1 {
            i32::from(call.random < 0.5)
        } else {
            0
        };
        self.j2 = j1;
        self.j1 = j;
        choice
    }
}

/// The registry entry of [`Leyvraz`].
pub(crate) const ENTRY: StrategyEntry = entry::<K68R>();
