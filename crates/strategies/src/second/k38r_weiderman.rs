//! Second by Weiderman: defect for good after three partner defections in a
//! row.
//!
//! Rule: cooperate until the partner has defected three times in a row, then
//! defect for the rest of the game. Nelson Weiderman's entry, thirty-fourth
//! in Axelrod's second tournament (Axelrod 1980b); Fortran `k38r.f`. The
//! Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Nelson Weiderman's rule (`K38R`).
pub type Weiderman = SecondEntry<K38R>;

/// The SAVEd variables of `K38R`.
#[derive(Clone, Debug, Default)]
pub struct K38R {
    /// `MOVE`: it has turned to defection.
    defecting: i32,
    /// `JHIS`: the partner's last three moves in binary, the last lowest.
    recent: i32,
}

impl FortranRule for K38R {
    const NAME: &'static str = "Second by Weiderman";
    const SUMMARY: &'static str =
        "Defects for good after three partner defections in a row (K38R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.defecting = 0;
            self.recent = 0;
        }
        if self.defecting != 1 {
            if self.recent >= 4 {
                self.recent -= 4;
            }
            self.recent = self.recent * 2 + call.partner_last;
            if self.recent == 7 {
                self.defecting = 1;
            }
        }
        self.defecting
    }
}

/// The registry entry of [`Weiderman`].
pub(crate) const ENTRY: StrategyEntry = entry::<K38R>();
