//! Second by Champion: cooperate, then tit for tat, then forgive a partner
//! that mostly cooperates.
//!
//! Rule: cooperate on moves 1 to 10; play the partner's previous move on
//! moves 11 to 25; afterwards cooperate unless the partner defected last,
//! its cooperation rate is below 0.6 and a uniform random number exceeds
//! that rate. The rate is the Fortran's: the partner's cooperations counted
//! with the first move's `J = 0` as one, divided by the move number. Danny
//! C. Champion's entry, second in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k61r.f`. The Python `axelrod` library's
//! `SecondByChampion` differs against a defector: the Fortran's rate counts
//! the first move's `J = 0` as a cooperation, so after move 25 it still
//! cooperates with probability about `1 / M`, which `SecondByChampion` never
//! does (cooperation rates 0.061 and 0.050 over 200 moves against Defector,
//! 150 games each, 18 standard errors apart); against Cooperator and
//! Alternator the rates agree (1.000 and 1.000, 0.744 and 0.743).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Danny Champion's rule (`K61R`).
pub type Champion = SecondEntry<K61R>;

/// The SAVEd variables of `K61R`.
#[derive(Clone, Debug, Default)]
pub struct K61R {
    /// `ICOOP`: the partner's cooperations, the first move's `J = 0`
    /// included.
    cooperations: i32,
}

impl FortranRule for K61R {
    const NAME: &'static str = "Second by Champion";
    const SUMMARY: &'static str =
        "Cooperates, then tit for tat, then forgives a partner that cooperates often (K61R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let mut choice = call.own_last;
        if call.move_number == 1 {
            self.cooperations = 0;
            choice = 0;
        }
        if call.partner_last == 0 {
            self.cooperations += 1;
        }
        if call.move_number <= 10 {
            return choice;
        }
        if call.move_number <= 25 {
            return call.partner_last;
        }
        let rate = self.cooperations as f32 / call.move_number as f32;
        i32::from(call.partner_last == 1 && rate < 0.6 && call.random > rate)
    }
}

/// The registry entry of [`Champion`].
pub(crate) const ENTRY: StrategyEntry = entry::<K61R>();
