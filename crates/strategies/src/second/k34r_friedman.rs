//! Second by Friedman: grudger.
//!
//! Rule: cooperate until the partner defects, then defect for the rest of
//! the game. James W. Friedman's entry, fifty-second in Axelrod's second
//! tournament (Axelrod 1980b), as in the first round; Fortran `k34r.f`. The
//! Python `axelrod` library plays it as `Grudger`, with the same moves.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// James W. Friedman's grudger (`K34R`).
pub type Friedman = SecondEntry<K34R>;

/// The SAVEd variables of `K34R`.
#[derive(Clone, Debug, Default)]
pub struct K34R {
    /// `JT`: the partner's defections.
    defections: i32,
}

impl FortranRule for K34R {
    const NAME: &'static str = "Second by Friedman";
    const SUMMARY: &'static str =
        "Grudger: defects for good after the partner's first defection (K34R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.defections = 0;
        }
        self.defections += call.partner_last;
        i32::from(self.defections > 0)
    }
}

/// The registry entry of [`Friedman`].
pub(crate) const ENTRY: StrategyEntry = entry::<K34R>();
