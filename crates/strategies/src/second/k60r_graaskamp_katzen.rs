//! Second by GraaskampKatzen: tit for tat that turns to defection for good
//! when its own score falls behind a schedule.
//!
//! Rule: tit for tat (cooperate first), except that if its own score is
//! below 23 on move 11, 53 on move 21, 83 on move 31, 113 on move 41, 143 on
//! move 51 or 293 on move 101 (two points a move short of mutual
//! cooperation's three), it defects for the rest of the game. Jim Graaskamp
//! and Ken Katzen's entry, sixth in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k60r.f`. The Python `axelrod` library's
//! `SecondByGraaskampKatzen` plays the same moves on every game of the
//! fixture (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Jim Graaskamp and Ken Katzen's rule (`K60R`).
pub type GraaskampKatzen = SecondEntry<K60R>;

/// The moves at which the score is checked, and the least score it must
/// have then.
const SCHEDULE: [(i32, i32); 6] = [
    (11, 23),
    (21, 53),
    (31, 83),
    (41, 113),
    (51, 143),
    (101, 293),
];

/// The SAVEd variables of `K60R`.
#[derive(Clone, Debug, Default)]
pub struct K60R {
    /// `ID`: it has given up cooperating.
    given_up: i32,
}

impl FortranRule for K60R {
    const NAME: &'static str = "Second by GraaskampKatzen";
    const SUMMARY: &'static str =
        "Tit for tat that defects for good when its score falls behind a schedule (K60R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number <= 1 {
            self.given_up = 0;
            return 0;
        }
        if self.given_up >= 1 {
            return 1;
        }
        let behind = SCHEDULE
            .iter()
            .any(|&(m, least)| call.move_number == m && call.own_score < least);
        if behind {
            self.given_up = 1;
            return 1;
        }
        call.partner_last
    }
}

/// The registry entry of [`GraaskampKatzen`].
pub(crate) const ENTRY: StrategyEntry = entry::<K60R>();
