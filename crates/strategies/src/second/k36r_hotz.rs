//! Second by Hotz: defect, cooperating now and then.
//!
//! Rule: cooperate with probability 0.1 before move 100, 0.05 on moves 100
//! to 199, 0.15 on moves 200 to 299 and never afterwards; defect otherwise.
//! Roger Hotz's entry, last (sixty-third) in Axelrod's second tournament
//! (Axelrod 1980b); Fortran `k36r.f`. The Python `axelrod` library has no
//! class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Roger Hotz's rule (`K36R`).
pub type Hotz = SecondEntry<K36R>;

/// The state of `K36R`: none.
#[derive(Clone, Debug, Default)]
pub struct K36R;

impl FortranRule for K36R {
    const NAME: &'static str = "Second by Hotz";
    const SUMMARY: &'static str =
        "Defects, cooperating now and then with a probability set by the move number (K36R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let m = call.move_number;
        let probability: f32 = if m < 100 {
            0.1
        } else if m < 200 {
            0.05
        } else if m < 300 {
            0.15
        } else {
            0.0
        };
        i32::from(call.random >= probability)
    }
}

/// The registry entry of [`Hotz`].
pub(crate) const ENTRY: StrategyEntry = entry::<K36R>();
