//! Second by Random: the tournament's RANDOM rule.
//!
//! Rule: cooperate when a uniform random number is below 0.5, defect
//! otherwise. The rule without an author that Axelrod entered, as in the
//! first round, sixty-second in his second tournament (Axelrod 1980b);
//! Fortran `k93r.f`. The Python `axelrod` library's `Random` draws the same
//! probability.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// The tournament's RANDOM rule (`K93R`).
pub type RandomEntry = SecondEntry<K93R>;

/// The SAVEd variables of `K93R`.
#[derive(Clone, Debug, Default)]
pub struct K93R;

impl FortranRule for K93R {
    const NAME: &'static str = "Second by Random";
    const SUMMARY: &'static str = "Cooperates with probability one half (K93R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        i32::from(call.random >= 0.5)
    }
}

/// The registry entry of [`RandomEntry`].
pub(crate) const ENTRY: StrategyEntry = entry::<K93R>();
