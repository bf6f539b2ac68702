//! Second by Nydegger: tit for tat for three moves, then a table over the
//! last three outcomes.
//!
//! Rule: tit for tat on the first three moves, except that it defects on
//! move 3 when the first two outcomes were (C, D) and (D, C) (the code `n =
//! 6`); afterwards, with `n` the last three outcomes coded in base four (its
//! own move times 2 plus the partner's, oldest first), cooperate when `n` is
//! 0, 27, 28, 32, 40 to 44, 46 to 48, 56, 57, 59, 60, 62 or 63 and defect
//! otherwise. Rudy Nydegger's entry, thirty-first in Axelrod's second
//! tournament (Axelrod 1980b), as in the first round; Fortran `k57r.f`. The
//! Python `axelrod` library's `FirstByNydegger` is the first-round rule,
//! written from its description.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Rudy Nydegger's rule (`K57R`).
pub type Nydegger = SecondEntry<K57R>;

/// The codes of the last three outcomes after which it cooperates.
const COOPERATE_AFTER: [i32; 18] = [
    0, 27, 28, 32, 40, 41, 42, 43, 44, 46, 47, 48, 56, 57, 59, 60, 62, 63,
];

/// The SAVEd variables of `K57R`.
#[derive(Clone, Debug, Default)]
pub struct K57R {
    /// `N`: the last three outcomes in base four.
    code: i32,
}

impl FortranRule for K57R {
    const NAME: &'static str = "Second by Nydegger";
    const SUMMARY: &'static str =
        "Tit for tat for three moves, then a table over the last three outcomes (K57R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        let own = if m == 1 {
            self.code = 0;
            0
        } else {
            call.own_last
        };
        self.code = 4 * (self.code - 16 * (self.code / 16)) + 2 * own + j;
        if m <= 3 {
            return i32::from(j == 1 || (m == 3 && self.code == 6));
        }
        i32::from(!COOPERATE_AFTER.contains(&self.code))
    }
}

/// The registry entry of [`Nydegger`].
pub(crate) const ENTRY: StrategyEntry = entry::<K57R>();
