//! Second by Rowsam: cooperate, and punish a partner that keeps its score
//! low, until the distrust makes it defect for good.
//!
//! Rule: every sixth move, compare its own score `K` with the move number
//! `M`: below `M`, below `1.5 M`, below `2 M` or below `2.5 M` adds 5, 3, 2
//! or 1 points of distrust and starts a punishment (defect, cooperate,
//! defect); every eighteenth move one point is forgiven while there are more
//! than two; above six points it defects for good. It cooperates otherwise.
//! Glen Rowsam's entry, twenty-first in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k58r.f`. The Python `axelrod` library's `SecondByRowsam`
//! plays the same moves on every game of the fixture
//! (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Glen Rowsam's rule (`K58R`).
pub type Rowsam = SecondEntry<K58R>;

/// The SAVEd variables of `K58R`.
#[derive(Clone, Debug, Default)]
pub struct K58R {
    /// `KAM`: the points of distrust.
    distrust: i32,
    /// `NPHA`: the moves left of a punishment.
    phase: i32,
}

impl FortranRule for K58R {
    const NAME: &'static str = "Second by Rowsam";
    const SUMMARY: &'static str =
        "Punishes a partner that keeps its score low, until it defects for good (K58R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, k) = (call.move_number, call.own_score);
        if m <= 1 {
            self.distrust = 0;
            self.phase = 0;
        }
        if self.distrust > 6 {
            return 1;
        }
        if self.phase >= 1 {
            self.phase -= 1;
            return i32::from(self.phase == 0);
        }
        if m % 18 == 0 && self.distrust > 2 {
            self.distrust -= 1;
        }
        if m % 6 != 0 {
            return 0;
        }
        let points = if k < m {
            5
        } else if k * 10 < m * 15 {
            3
        } else if k < m * 2 {
            2
        } else if k * 10 < m * 25 {
            1
        } else {
            return 0;
        };
        self.distrust += points;
        self.phase = 2;
        1
    }
}

/// The registry entry of [`Rowsam`].
pub(crate) const ENTRY: StrategyEntry = entry::<K58R>();
