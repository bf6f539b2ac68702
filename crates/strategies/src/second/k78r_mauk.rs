//! Second by Mauk: Graaskamp's first-tournament rule: tit for tat with a
//! probe on move 51, then a reading of the partner from its answers.
//!
//! Rule: cooperate first and play tit for tat up to move 50; defect on move
//! 51; play tit for tat on moves 52 to 56 while recording the outcomes. On
//! move 57: if the partner's score is at most 135, defect for good; if the
//! recorded answers look like tit for tat (or like the preliminary round's
//! rule "Analogy", for a while) play tit for tat; otherwise play tit for tat
//! with a surprise defection every 5 to 14 moves (a random gap, drawn anew
//! after each). Fred Mauk's entry, nineteenth in Axelrod's second tournament
//! (Axelrod 1980b), typed by Axelrod as "same as round one Graaskamp";
//! Fortran `k78r.f`, which calls `grasr.f`. The Python `axelrod` library has
//! no `SecondBy` class for it (its `FirstByGraaskamp` is its own reading of
//! the first-round rule).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Fred Mauk's rule (`K78R`, Graaskamp's `GRASR`).
pub type Mauk = SecondEntry<K78R>;

/// The SAVEd variables of `GRASR`.
#[derive(Clone, Debug, Default)]
pub struct K78R {
    /// `NMOV`: the outcomes of moves 52 to 55 and the answers to them
    /// (2 or 4 for its own C or D, plus the partner's answer).
    outcomes: [i32; 4],
    /// `IGAME`: the mode chosen on move 57 (1 sneaky, 2 tit for tat, 3
    /// defect, 4 "Analogy").
    mode: i32,
    /// `N`: the moves to the next surprise defection.
    gap: i32,
    /// `MMOVE`: its own previous move, coded 2 (C) or 4 (D).
    own_code: i32,
}

impl K78R {
    /// `N = RANDO * 10.0 + 5.0`, truncated.
    fn draw_gap(random: f32) -> i32 {
        (random * 10.0 + 5.0) as i32
    }

    /// The mode chosen on move 57 from the recorded outcomes (labels 20 to
    /// 41): 1 (sneaky), 2 (tit for tat) or 4 ("Analogy").
    fn mode_from_outcomes(&self) -> i32 {
        let [first, second, third, fourth] = self.outcomes;
        let tit_for_tat_like = match second {
            3 => first == 2 && third == 4 && fourth == 2,
            5 => first == 5 && third == 5,
            1 | 2 => false,
            // Case 4, and the fall-through of an out-of-range computed GOTO.
            _ => first == 3 && third == 3,
        };
        match (second, tit_for_tat_like) {
            (3, true) => 4,
            (_, true) => 2,
            _ => 1,
        }
    }
}

impl FortranRule for K78R {
    const NAME: &'static str = "Second by Mauk";
    const SUMMARY: &'static str =
        "Graaskamp's rule: tit for tat, a probe on move 51, then a reading of the partner (K78R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            self.outcomes = [0; 4];
            self.mode = 0;
            self.gap = 0;
        }
        if m <= 1 {
            return 0;
        }
        if m < 51 {
            return j;
        }
        if m == 51 {
            return 1;
        }
        if m < 57 {
            if m > 52 {
                self.outcomes[(m - 53) as usize] = self.own_code + j;
            }
            self.own_code = if j < 1 { 2 } else { 4 };
            return j;
        }
        if m == 57 {
            if call.partner_score <= 135 {
                self.mode = 3;
                return 1;
            }
            self.mode = self.mode_from_outcomes();
            if self.mode == 1 {
                self.gap = Self::draw_gap(call.random);
            }
            return 0;
        }
        match self.mode {
            2 => j,
            3 => 1,
            4 => {
                if m >= 118 {
                    self.mode = 2;
                }
                0
            }
            // Mode 1, and the fall-through of an out-of-range computed
            // GOTO.
            _ => {
                if self.gap <= 0 {
                    self.gap = Self::draw_gap(call.random);
                    1
                } else {
                    self.gap -= 1;
                    j
                }
            }
        }
    }
}

/// The registry entry of [`Mauk`].
pub(crate) const ENTRY: StrategyEntry = entry::<K78R>();
