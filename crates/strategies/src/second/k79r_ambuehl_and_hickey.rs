//! Second by Ambuehl and Hickey: tit for tat for five moves, then go by the
//! majority of the partner's last five moves.
//!
//! Rule: cooperate first; tit for tat on moves 2 to 5; afterwards defect
//! when the partner defected on at least three of the five moves before its
//! last one (its `J`s of the previous five calls, the first move's `J = 0`
//! included). Dennis Ambuehl and Kevin Hickey's entry, twenty-sixth in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k79r.f`. The Python
//! `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Dennis Ambuehl and Kevin Hickey's rule (`K79R`).
pub type AmbuehlAndHickey = SecondEntry<K79R>;

/// The SAVEd variables of `K79R`.
#[derive(Clone, Debug, Default)]
pub struct K79R {
    /// `JBACK`: the partner's `J`s of the previous five calls, oldest
    /// first.
    back: [i32; 5],
}

impl FortranRule for K79R {
    const NAME: &'static str = "Second by Ambuehl and Hickey";
    const SUMMARY: &'static str =
        "Tit for tat for five moves, then the majority of the partner's recent moves (K79R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        let choice = if m == 1 {
            self.back = [0; 5];
            0
        } else if m < 6 {
            j
        } else {
            i32::from(self.back.iter().sum::<i32>() >= 3)
        };
        self.back.rotate_left(1);
        self.back[4] = j;
        choice
    }
}

/// The registry entry of [`AmbuehlAndHickey`].
pub(crate) const ENTRY: StrategyEntry = entry::<K79R>();
