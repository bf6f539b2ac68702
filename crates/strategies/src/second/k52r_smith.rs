//! Second by Smith: answer runs of partner defections, with a little noise.
//!
//! Rule: defect while the partner's current run of defections is at least
//! two long; a run that reaches `5 + 3 n` (`n` the runs so ended) is
//! forgotten and `n` grows; whatever the choice, flip it with probability
//! 0.05. David A. Smith's entry, forty-eighth in Axelrod's second tournament
//! (Axelrod 1980b); Fortran `k52r.f`. The Python `axelrod` library has no
//! class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// David A. Smith's rule (`K52R`).
pub type Smith = SecondEntry<K52R>;

/// The SAVEd variables of `K52R`.
#[derive(Clone, Debug, Default)]
pub struct K52R {
    /// `D9`: the partner's current run of defections.
    run: i32,
    /// `D8`: the runs answered so far.
    answered: i32,
}

impl FortranRule for K52R {
    const NAME: &'static str = "Second by Smith";
    const SUMMARY: &'static str =
        "Answers runs of defections with defections, longer each time, with 5 % noise (K52R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number <= 1 {
            self.run = 0;
            self.answered = 0;
        }
        self.run += 1;
        if call.partner_last <= 0 {
            self.run = 0;
        }
        let mut choice = 0;
        if self.run >= 2 {
            choice = 1;
            if self.run >= 5 + 3 * self.answered {
                self.run = 0;
                self.answered += 1;
            }
        }
        if call.random <= 0.05 {
            choice = 1 - choice;
        }
        choice
    }
}

/// The registry entry of [`Smith`].
pub(crate) const ENTRY: StrategyEntry = entry::<K52R>();
