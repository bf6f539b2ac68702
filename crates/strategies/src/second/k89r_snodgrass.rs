//! Second by Snodgrass: try five simple rules in turns of ten moves and drop
//! those that earn less than nine tenths of the mean.
//!
//! Rule: five rules (cooperate, defect, alternate, tit for tat, tit for two
//! tats), each played for ten moves in turn; after each round of the five, a
//! rule whose ten moves earned less than nine tenths of the mean is dropped,
//! and a dropped one comes back when its mean earnings per ten moves exceed
//! that mark. Gene Snodgrass's entry, fifty-sixth in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k89r.f`. The Python `axelrod`
//! library has no class for it. (Where the Fortran would divide by zero,
//! with every rule dropped, this one takes the mean as 0.)

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Gene Snodgrass's rule (`K89R`).
pub type Snodgrass = SecondEntry<K89R>;

/// The SAVEd variables of `K89R`.
#[derive(Clone, Debug, Default)]
pub struct K89R {
    /// `SC`: its score when each rule's turn began.
    start_scores: [i32; 6],
    /// `SL`: whether each rule (and the review, 6) is in play.
    selected: [i32; 6],
    /// `GT`: each rule's earnings over all its turns.
    earned: [i32; 5],
    /// `TM`: the moves each rule was played.
    moves: [i32; 6],
    /// `CN`: ten times the rule in play plus its moves played.
    counter: i32,
    /// `CSRC`: the rules in play.
    in_play: i32,
    /// `MYLM`: its previous move under the alternating rule.
    my_last: i32,
    /// `HLM`: the partner's previous move under tit for two tats.
    his_last: i32,
}

impl K89R {
    /// Label 60: the review after a round of the five rules.
    fn review(&mut self) {
        let mut steps = [0i32; 5];
        let mut total = 0;
        for (i, step) in steps.iter_mut().enumerate() {
            *step = self.start_scores[i + 1] - self.start_scores[i];
            total += *step;
            self.earned[i] += *step;
        }
        let mean = total.checked_div(self.in_play).unwrap_or(0);
        let mark = 9 * mean / 10;
        self.in_play = 0;
        for (i, &step) in steps.iter().enumerate() {
            if self.selected[i] == 1 {
                if step < mark {
                    self.selected[i] = 0;
                }
            } else if (10 * self.earned[i])
                .checked_div(self.moves[i])
                .unwrap_or(0)
                > mark
            {
                self.selected[i] = 1;
            }
            if self.selected[i] == 1 {
                self.in_play += 1;
            }
        }
        self.counter = 10;
    }
}

impl FortranRule for K89R {
    const NAME: &'static str = "Second by Snodgrass";
    const SUMMARY: &'static str =
        "Tries five simple rules in turns and drops those that earn too little (K89R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let j = call.partner_last;
        if call.move_number == 1 {
            *self = K89R {
                selected: [1; 6],
                counter: 10,
                in_play: 5,
                my_last: 1,
                ..K89R::default()
            };
        }
        // The Fortran loops until a rule in play moves; two rounds of the
        // six codes always find one (the review is always in play).
        for _ in 0..14 {
            let code = (self.counter / 10).clamp(1, 6);
            let at = (code - 1) as usize;
            if 10 * code == self.counter {
                self.start_scores[at] = call.own_score;
            }
            if self.selected[at] != 1 {
                self.counter += 10;
                continue;
            }
            self.counter += 1;
            self.moves[at] += 1;
            match code {
                1 => return 0,
                2 => return 1,
                3 => {
                    self.my_last = 1 - self.my_last;
                    return self.my_last;
                }
                4 => return i32::from(j == 1),
                5 => {
                    let choice = i32::from(j == 1 && self.his_last == 1);
                    self.his_last = j;
                    return choice;
                }
                _ => self.review(),
            }
        }
        0
    }
}

/// The registry entry of [`Snodgrass`].
pub(crate) const ENTRY: StrategyEntry = entry::<K89R>();
