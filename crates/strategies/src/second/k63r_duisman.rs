//! Second by Duisman: alternate, cooperating on odd moves.
//!
//! Rule: cooperate on odd moves and defect on even ones, whatever the
//! partner does. George Duisman's entry, fifty-seventh in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k63r.f`. The Python `axelrod`
//! library's `Alternator` plays the same moves.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// George Duisman's alternator (`K63R`).
pub type Duisman = SecondEntry<K63R>;

/// The SAVEd variables of `K63R`.
#[derive(Clone, Debug, Default)]
pub struct K63R {
    /// `IK`: its previous move.
    previous: i32,
}

impl FortranRule for K63R {
    const NAME: &'static str = "Second by Duisman";
    const SUMMARY: &'static str =
        "Alternates: cooperates on odd moves, defects on even ones (K63R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.previous = 1;
        }
        self.previous = 1 - self.previous;
        self.previous
    }
}

/// The registry entry of [`Duisman`].
pub(crate) const ENTRY: StrategyEntry = entry::<K63R>();
