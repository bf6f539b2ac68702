//! Second by Colbert: a fixed opening, then answer a defection with D C C D.
//!
//! Rule: on moves 1 to 8 cooperate except on move 6; afterwards cooperate,
//! but answer a partner defection with a defection, two cooperations and
//! another defection, ignoring the partner meanwhile. John William Colbert's
//! entry, eighteenth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k51r.f`. The Python `axelrod` library's `SecondByColbert` plays the same
//! moves on every game of the fixture
//! (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// John William Colbert's rule (`K51R`).
pub type Colbert = SecondEntry<K51R>;

/// The SAVEd variables of `K51R`.
#[derive(Clone, Debug, Default)]
pub struct K51R {
    /// `LASTI`: the moves left of the answer to a defection.
    left: i32,
}

impl FortranRule for K51R {
    const NAME: &'static str = "Second by Colbert";
    const SUMMARY: &'static str =
        "Cooperates but on move 6, then answers each defection with D C C D (K51R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number <= 8 {
            self.left = 0;
            return i32::from(call.move_number == 6);
        }
        let mut choice = 0;
        self.left -= 1;
        if self.left == 3 {
            choice = 1;
        }
        if self.left > 0 {
            return choice;
        }
        if call.partner_last == 1 {
            choice = 1;
            self.left = 4;
        }
        choice
    }
}

/// The registry entry of [`Colbert`].
pub(crate) const ENTRY: StrategyEntry = entry::<K51R>();
