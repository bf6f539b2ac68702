//! Second by Smoody: cooperate, but answer a partner cooperation with a
//! defection one time in ten.
//!
//! Rule: after a partner cooperation (and on the first move) defect when a
//! uniform random number is at least 0.9; after a partner defection
//! cooperate. Rik Smoody's entry, fifty-fourth in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k50r.f`. The Python `axelrod`
//! library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Rik Smoody's rule (`K50R`).
pub type Smoody = SecondEntry<K50R>;

/// The state of `K50R`: none.
#[derive(Clone, Debug, Default)]
pub struct K50R;

impl FortranRule for K50R {
    const NAME: &'static str = "Second by Smoody";
    const SUMMARY: &'static str =
        "Defects after a partner cooperation with probability 0.1, else cooperates (K50R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        i32::from(call.partner_last == 0 && call.random >= 0.9)
    }
}

/// The registry entry of [`Smoody`].
pub(crate) const ENTRY: StrategyEntry = entry::<K50R>();
