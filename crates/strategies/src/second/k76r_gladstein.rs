//! Second by Gladstein ("Tester"): defect first to test the partner;
//! apologise and play tit for tat if it retaliates, exploit it otherwise.
//!
//! Rule: defect on the first move. If the partner ever defects, cooperate
//! once and play tit for tat for the rest of the game. Until then, defect as
//! often as it can while keeping its defections (the first not counted) at
//! most half of its moves. David Gladstein's entry, forty-sixth in Axelrod's
//! second tournament (Axelrod 1980b), Axelrod's TESTER; Fortran `k76r.f`.
//! The Python `axelrod` library's `SecondByGladstein` plays the same moves
//! on every game of the fixture (`scripts/second_vs_axelrod_library.py`,
//! axelrod 4.14). Its `SecondByTester` is Axelrod's published description of
//! the rule.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// David Gladstein's rule (`K76R`).
pub type Gladstein = SecondEntry<K76R>;

/// The SAVEd variables of `K76R` (`DC`, `MDC` and `G` REALs, as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K76R {
    /// `PATSY`: the partner has not defected yet.
    patsy: bool,
    /// `DC`: the moves since the first.
    moves: f32,
    /// `MDC`: its cooperations since the first move.
    cooperations: f32,
    /// `G`: its previous move.
    previous: f32,
}

impl FortranRule for K76R {
    const NAME: &'static str = "Second by Gladstein";
    const SUMMARY: &'static str =
        "Tester: defects first, apologises and plays tit for tat if the partner retaliates (K76R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let j = call.partner_last;
        if call.move_number == 1 {
            *self = K76R {
                patsy: true,
                previous: 1.0,
                ..K76R::default()
            };
            return 1;
        }
        if !self.patsy {
            return j;
        }
        if j == 1 {
            self.patsy = false;
            return 0;
        }
        self.moves += 1.0;
        if self.previous == 0.0 {
            self.cooperations += 1.0;
        }
        self.previous = if self.cooperations / (self.moves + 1.0) >= 0.5 {
            1.0
        } else {
            0.0
        };
        self.previous as i32
    }
}

/// The registry entry of [`Gladstein`].
pub(crate) const ENTRY: StrategyEntry = entry::<K76R>();
