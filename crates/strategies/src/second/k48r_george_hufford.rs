//! Second by GeorgeHufford: replay a five-move pattern learnt from the
//! partner's first moves, adjusting it every five moves by the points it
//! brought.
//!
//! Rule: on moves 1 to 5 play tit for tat while writing the partner's moves
//! into a pattern of five (in the order 2, 4, 3, 5, 1 of its slots,
//! advancing one slot per partner defection); afterwards replay the pattern,
//! and at the start of each cycle of five compare the points of the last
//! cycle with those of the one before: after a loss, reverse the direction
//! of change and move along the order; then add the direction (+1 or -1) to
//! the slot at hand. Entries of the pattern other than 0 are played as
//! defections. George Hufford's entry, fifty-third in Axelrod's second
//! tournament (Axelrod 1980b), "not nice, deterministic, forgiving"; Fortran
//! `k48r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// George Hufford's rule (`K48R`).
pub type GeorgeHufford = SecondEntry<K48R>;

/// `IPO2`: the order in which the pattern's slots are visited.
const ORDER: [usize; 5] = [2, 4, 3, 5, 1];

/// The SAVEd variables of `K48R`.
#[derive(Clone, Debug, Default)]
pub struct K48R {
    /// `IARRAY`: the pattern.
    pattern: [i32; 5],
    /// `K5`: its points over the last cycle of five.
    last_cycle: i32,
    /// `KLAST`: its score at the start of the last cycle.
    score_then: i32,
    /// `ICHAN`: the direction of change, +1 or -1.
    change: i32,
    /// `IPO1`: the position in `ORDER`, 1 to 5 (0 or 6 once it ran off).
    position: i32,
}

impl K48R {
    /// The pattern's slot at `position` along the order.
    fn slot(position: i32) -> usize {
        ORDER[(position - 1).clamp(0, 4) as usize] - 1
    }
}

impl FortranRule for K48R {
    const NAME: &'static str = "Second by GeorgeHufford";
    const SUMMARY: &'static str = "Replays a five-move pattern learnt from the partner, adjusted by the points it brings (K48R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K48R {
                change: 1,
                position: 1,
                ..K48R::default()
            };
        }
        if m <= 5 {
            self.pattern[Self::slot(self.position)] = j;
            self.position += j;
            return j;
        }
        let mm = ((m - 1) % 5) as usize;
        if mm != 0 {
            return self.pattern[mm];
        }
        let before = self.last_cycle;
        self.last_cycle = call.own_score - self.score_then;
        self.score_then = call.own_score;
        if before > self.last_cycle {
            self.change = -self.change;
            self.position += self.change;
        }
        if self.position < 1 {
            self.position = 0;
        }
        if self.position > 5 {
            self.position = 6;
        }
        if (1..=5).contains(&self.position) {
            self.pattern[Self::slot(self.position)] += self.change;
            self.position += self.change;
        }
        self.pattern[0]
    }
}

/// The registry entry of [`GeorgeHufford`].
pub(crate) const ENTRY: StrategyEntry = entry::<K48R>();
