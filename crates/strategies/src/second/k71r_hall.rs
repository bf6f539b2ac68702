//! Second by Hall: defect after each partner defection and after every
//! second partner cooperation.
//!
//! Rule: cooperate on move 1; on move 2 defect if the partner cooperated and
//! cooperate if it defected; afterwards defect after every partner
//! defection, and after every second partner cooperation (counted over the
//! game), cooperating after the others. James E. Hall's entry (the Fortran's
//! comment says "James E Hill"), sixtieth in Axelrod's second tournament
//! (Axelrod 1980b); Fortran `k71r.f`. The Python `axelrod` library has no
//! class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// James E. Hall's rule (`K71R`).
pub type Hall = SecondEntry<K71R>;

/// The SAVEd variables of `K71R`.
#[derive(Clone, Debug, Default)]
pub struct K71R {
    /// `IA`: partner cooperations since its last answer to them.
    cooperations: i32,
}

impl FortranRule for K71R {
    const NAME: &'static str = "Second by Hall";
    const SUMMARY: &'static str =
        "Defects after each partner defection and after every second cooperation (K71R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        match m {
            ..=1 => {
                self.cooperations = 0;
                0
            }
            2 => i32::from(j == 0),
            _ if j != 0 => 1,
            _ => {
                self.cooperations += 1;
                if self.cooperations == 2 {
                    self.cooperations = 0;
                    1
                } else {
                    0
                }
            }
        }
    }
}

/// The registry entry of [`Hall`].
pub(crate) const ENTRY: StrategyEntry = entry::<K71R>();
