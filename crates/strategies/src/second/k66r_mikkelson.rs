//! Second by Mikkelson: tit for tat, with a trust account that decides when
//! a partner's defections are answered.
//!
//! Rule: keep a trust counter that starts at -3, loses 1 a move and gains 3
//! for each partner defection (held between -5 and 10); cooperate on the
//! first two moves and while the counter is below 3; otherwise defect,
//! resetting the counter to -1 before move 11, and after move 10 only when
//! the partner has defected on at least 15 % of the moves. Ray Mikkelson's
//! entry, twentieth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k66r.f`. The Python `axelrod` library's `SecondByMikkelson` plays the
//! same moves on every game of the fixture
//! (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Ray Mikkelson's rule (`K66R`).
pub type Mikkelson = SecondEntry<K66R>;

/// The SAVEd variables of `K66R`.
#[derive(Clone, Debug, Default)]
pub struct K66R {
    /// `D`: the partner's defections (a REAL).
    defections: f32,
    /// `J2`: the trust counter.
    counter: i32,
}

impl FortranRule for K66R {
    const NAME: &'static str = "Second by Mikkelson";
    const SUMMARY: &'static str =
        "Answers defections when a trust counter runs high and the partner defects often (K66R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 1 {
            self.defections = 0.0;
            self.counter = -3;
        }
        self.defections += j as f32;
        let rate = self.defections / m as f32;
        self.counter = (self.counter - 1 + 3 * j).clamp(-5, 10);
        if m < 3 || self.counter < 3 {
            return 0;
        }
        if m <= 10 {
            self.counter = -1;
            return 1;
        }
        i32::from(rate >= 0.15)
    }
}

/// The registry entry of [`Mikkelson`].
pub(crate) const ENTRY: StrategyEntry = entry::<K66R>();
