//! Second by Yamachi: predict the partner from how it answered the last
//! outcome, and defect against a partner that looks random.
//!
//! Rule: keep, for each outcome (the partner's move and its own, one move
//! earlier), a score raised by each partner cooperation that followed it and
//! lowered by each defection; cooperate when the current outcome's score is
//! not negative, defect otherwise; and after move 40 defect when the
//! partner's cooperations and defections differ by less than a tenth of the
//! moves. Brian Yamachi's entry, seventeenth in Axelrod's second tournament
//! (Axelrod 1980b); Fortran `k64r.f`. The Python `axelrod` library's
//! `SecondByYamachi` plays the same moves on every game of the fixture
//! (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Brian Yamachi's rule (`K64R`).
pub type Yamachi = SecondEntry<K64R>;

/// The SAVEd variables of `K64R`.
#[derive(Clone, Debug, Default)]
pub struct K64R {
    /// `E`: the partner's cooperations.
    cooperations: i32,
    /// `F`: the partner's defections.
    defections: i32,
    /// `A(X, Y)`: the partner's net cooperations after each outcome.
    scores: [[i32; 2]; 2],
    /// `X`: the partner's previous move, plus 1.
    x: i32,
    /// `Y`: its own previous choice, plus 1.
    y: i32,
}

impl FortranRule for K64R {
    const NAME: &'static str = "Second by Yamachi";
    const SUMMARY: &'static str = "Predicts the partner from its answers to each outcome; defects against random partners (K64R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 1 {
            *self = K64R {
                x: 1,
                y: 1,
                ..K64R::default()
            };
            return 0;
        }
        let (x, y) = (((self.x - 1) & 1) as usize, ((self.y - 1) & 1) as usize);
        let mut choice = i32::from(self.scores[x][y] < 0);
        self.scores[x][y] += if j == 0 { 1 } else { -1 };
        self.x = j + 1;
        self.y = choice + 1;
        if j == 0 {
            self.cooperations += 1;
        } else {
            self.defections += 1;
        }
        let gap = (self.cooperations - self.defections).abs();
        if m > 40 && 10 * gap < m {
            choice = 1;
        }
        choice
    }
}

/// The registry entry of [`Yamachi`].
pub(crate) const ENTRY: StrategyEntry = entry::<K64R>();
