//! Second by Rapoport: tit for tat.
//!
//! Rule: cooperate on the first move, then play the partner's previous move.
//! Anatol Rapoport's entry, first in Axelrod's second tournament (Axelrod
//! 1980b), as in the first; Fortran `K92R.f`. The Python `axelrod` library
//! plays it as `TitForTat`, with the same moves.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Anatol Rapoport's tit for tat (`K92R`).
pub type Rapoport = SecondEntry<K92R>;

/// The state of `K92R`: none.
#[derive(Clone, Debug, Default)]
pub struct K92R;

impl FortranRule for K92R {
    const NAME: &'static str = "Second by Rapoport";
    const SUMMARY: &'static str = "Tit for tat, the winner (K92R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        call.partner_last
    }
}

/// The registry entry of [`Rapoport`].
pub(crate) const ENTRY: StrategyEntry = entry::<K92R>();
