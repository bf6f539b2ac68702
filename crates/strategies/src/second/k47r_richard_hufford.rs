//! Second by RichardHufford: copy the partner while it agrees with its own
//! moves, test it with a defection now and then, and defect when it
//! disagrees too often.
//!
//! Rule: count the partner's "agreements" (its move equal to this rule's
//! move the move before) over the whole game and over the last four moves;
//! play the partner's last move, but defect when the agreements fall below
//! 62.5 % of the moves or below three of the last four, and cooperate when
//! they exceed 90 % with all four recent. It defects once on a scheduled
//! move (20 at first, sooner after a partner defection), cooperates two
//! moves later whatever happens, and schedules the next test further off the
//! better the partner took the tests. Richard Hufford's entry, sixteenth in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k47r.f`. The Python
//! `axelrod` library's `SecondByRichardHufford` plays the same moves on
//! every game of the fixture (`scripts/second_vs_axelrod_library.py`,
//! axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Richard Hufford's rule (`K47R`).
pub type RichardHufford = SecondEntry<K47R>;

/// The SAVEd variables of `K47R`.
#[derive(Clone, Debug, Default)]
pub struct K47R {
    /// `NUM`: tests the partner answered with a defection, plus 2.
    num: i32,
    /// `DEN`: tests it answered with a cooperation, plus 2.
    den: i32,
    /// `RF`: the move of the next test.
    test_move: i32,
    /// `LONG`: the agreements over the game, plus 1.
    long: i32,
    /// `SHORT`: the agreements over the last four moves, plus 1.
    short: i32,
    /// `SH2`: the recent agreements, a ring (slots 2 to 5 used).
    recent: [i32; 5],
    /// `N`: the ring's slot.
    slot: i32,
    /// `MYLAST`: its own move two moves ago.
    my_last: i32,
    /// `MYMOVE`: its own previous move.
    my_move: i32,
}

impl FortranRule for K47R {
    const NAME: &'static str = "Second by RichardHufford";
    const SUMMARY: &'static str = "Copies an agreeable partner, tests it now and then, defects when it disagrees often (K47R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 1 {
            *self = K47R {
                num: 2,
                den: 2,
                test_move: 20,
                long: 1,
                short: 5,
                recent: [1; 5],
                slot: 1,
                ..K47R::default()
            };
        }
        if m <= self.test_move && j == 1 {
            self.test_move = m + (20 * self.num) / self.den.max(1) + 1;
        }
        self.slot = self.slot % 4 + 1;
        let slot = ((self.slot - 1).clamp(0, 4)) as usize;
        self.short -= self.recent[slot];
        if j == self.my_last {
            self.long += 1;
            self.short += 1;
            self.recent[slot] = 1;
        } else {
            self.recent[slot] = 0;
        }
        self.my_last = self.my_move;
        let moves = m as f32;
        let mut choice = j;
        if (self.long as f32) < 0.625 * moves || self.short < 3 {
            choice = 1;
        }
        if self.long as f32 > 0.9 * moves && self.short == 5 {
            choice = 0;
        }
        if m == self.test_move {
            choice = 1;
        }
        if m >= self.test_move + 2 {
            choice = 0;
            self.num += j;
            self.den += 1 - j;
            self.test_move = m + (20 * self.num) / self.den.max(1) + 1;
        }
        self.my_move = choice;
        choice
    }
}

/// The registry entry of [`RichardHufford`].
pub(crate) const ENTRY: StrategyEntry = entry::<K47R>();
