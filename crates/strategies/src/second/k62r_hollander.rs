//! Second by Hollander: tit for two tats with surprise defections.
//!
//! Rule: defect after two partner defections in a row, and on a surprise
//! move drawn 1 to 23 moves ahead (`1 + floor(23 R)` from the move before, a
//! new one drawn after each); cooperate otherwise. Howard R. Hollander's
//! entry, fifty-first in Axelrod's second tournament (Axelrod 1980b);
//! Fortran `k62r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Howard R. Hollander's rule (`K62R`).
pub type Hollander = SecondEntry<K62R>;

/// The SAVEd variables of `K62R`.
#[derive(Clone, Debug, Default)]
pub struct K62R {
    /// `JOLD`: the partner's move before its last.
    before: i32,
    /// `IRAN`: the move of the next surprise defection.
    surprise: i32,
}

impl FortranRule for K62R {
    const NAME: &'static str = "Second by Hollander";
    const SUMMARY: &'static str =
        "Tit for two tats with a defection at a random move every 1 to 23 moves (K62R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            self.before = 0;
            self.surprise = (23.0 * call.random + 1.0) as i32;
        }
        let choice = if m == self.surprise {
            self.surprise = (23.0 * call.random + m as f32 + 1.0) as i32;
            1
        } else {
            i32::from(self.before == 1 && j == 1)
        };
        self.before = j;
        choice
    }
}

/// The registry entry of [`Hollander`].
pub(crate) const ENTRY: StrategyEntry = entry::<K62R>();
