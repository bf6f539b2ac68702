//! Second by Batell: cooperate, and defect for good after ten partner
//! defections or two within four moves.
//!
//! Rule: cooperate until the partner has defected ten times, or twice with
//! at most four moves between the two (counted from the moves the defections
//! were seen); then defect for the rest of the game. Mark F. Batell's entry,
//! forty-seventh in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k65r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Mark F. Batell's rule (`K65R`).
pub type Batell = SecondEntry<K65R>;

/// The SAVEd variables of `K65R`.
#[derive(Clone, Debug, Default)]
pub struct K65R {
    /// `LASTD`: the move at which the last defection was seen.
    last: i32,
    /// `TOTD`: the partner's defections (10 once it gives up).
    defections: i32,
}

impl FortranRule for K65R {
    const NAME: &'static str = "Second by Batell";
    const SUMMARY: &'static str =
        "Defects for good after ten partner defections or two close together (K65R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let m = call.move_number;
        if m == 1 {
            *self = K65R::default();
            return 0;
        }
        if self.defections >= 10 {
            return 1;
        }
        if call.partner_last != 1 {
            return 0;
        }
        self.defections += 1;
        if self.defections >= 10 {
            return 1;
        }
        if self.last != 0 && m - self.last <= 4 {
            self.defections = 10;
            return 1;
        }
        self.last = m;
        0
    }
}

/// The registry entry of [`Batell`].
pub(crate) const ENTRY: StrategyEntry = entry::<K65R>();
