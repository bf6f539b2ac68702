//! Second by Lefevre: defect while the partner defected on more than a fifth
//! of the moves.
//!
//! Rule: defect when five times the partner's defections exceed the move
//! number, cooperate otherwise. George Lefevre's entry, thirty-seventh in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k37r.f`. The Python
//! `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// George Lefevre's rule (`K37R`).
pub type Lefevre = SecondEntry<K37R>;

/// The SAVEd variables of `K37R`.
#[derive(Clone, Debug, Default)]
pub struct K37R {
    /// `ND`: the partner's defections.
    defections: i32,
}

impl FortranRule for K37R {
    const NAME: &'static str = "Second by Lefevre";
    const SUMMARY: &'static str =
        "Defects while the partner defected on more than a fifth of the moves (K37R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number <= 1 {
            self.defections = 0;
        }
        self.defections += call.partner_last;
        i32::from(5 * self.defections > call.move_number)
    }
}

/// The registry entry of [`Lefevre`].
pub(crate) const ENTRY: StrategyEntry = entry::<K37R>();
