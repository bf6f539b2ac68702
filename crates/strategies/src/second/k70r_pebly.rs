//! Second by Pebly: keep its move while the partner matches it, and defect
//! with probability 0.8 when it does not.
//!
//! Rule: cooperate first; when the partner's last move equals this rule's
//! own previous move, repeat it; otherwise defect with probability 0.8.
//! Robert Pebly's entry, thirty-second in Axelrod's second tournament
//! (Axelrod 1980b); Fortran `k70r.f`. The Python `axelrod` library has no
//! class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Robert Pebly's rule (`K70R`).
pub type Pebly = SecondEntry<K70R>;

/// The SAVEd variables of `K70R`.
#[derive(Clone, Debug, Default)]
pub struct K70R {
    /// `JZ`: its own previous move.
    previous: i32,
}

impl FortranRule for K70R {
    const NAME: &'static str = "Second by Pebly";
    const SUMMARY: &'static str =
        "Repeats its move while the partner matches it, else defects with probability 0.8 (K70R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.previous = 0;
        }
        let choice = if self.previous == call.partner_last {
            self.previous
        } else {
            i32::from(call.random > 0.2)
        };
        self.previous = choice;
        choice
    }
}

/// The registry entry of [`Pebly`].
pub(crate) const ENTRY: StrategyEntry = entry::<K70R>();
