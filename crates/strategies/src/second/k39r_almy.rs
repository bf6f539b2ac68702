//! Second by Almy: try tit for two tats, tit for tat and all-D in turns of
//! ten moves, keep the best, and exploit a partner that never defects.
//!
//! Rule: play a defensive mode for ten moves (tit for two tats first), then
//! score it (its points over the ten moves). A partner that did not defect
//! in that time is exploited: a defection, cooperation for a while, and
//! again while unpunished (a punished defection widens the gap next time, or
//! it cooperates until the partner defects five times and goes back to
//! defending). Otherwise it moves to the best-scoring mode of tit for two
//! tats, tit for tat and all-D, trying the next untested one against a nasty
//! partner, and cooperates for five moves when it went back to a milder mode
//! while both were defecting. Tom Almy's entry, twenty-fifth in Axelrod's
//! second tournament (Axelrod 1980b); Fortran `k39r.f`. The Python `axelrod`
//! library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Tom Almy's rule (`K39R`).
pub type Almy = SecondEntry<K39R>;

/// The SAVEd variables of `K39R`.
#[derive(Clone, Debug, Default)]
pub struct K39R {
    /// `STEP`: the mode (1 tit for two tats, 2 tit for tat, 3 all-D, 4
    /// exploit, 5 cool off).
    step: i32,
    /// `SUBSTP`: the phase within the mode.
    substep: i32,
    /// `BOTHD`: the current run of mutual defections.
    both_defected: i32,
    /// `TITCNT`: its defections in the current turn.
    tits: i32,
    /// `TATCNT`: the partner's defections in the current turn.
    tats: i32,
    /// `EVIL`: 1 once the partner defected, -1 once exploited as nice.
    evil: i32,
    /// `N`: the cooperations between exploiting defections.
    gap: i32,
    /// `F`: an exploiting defection went unpunished.
    ran: i32,
    /// `OK`: each defensive mode's points over its last turn.
    scores: [i32; 3],
    /// `TOTK`: its score at the last evaluation.
    total: i32,
    /// `OLDMOV`: the partner's last move.
    old_move: i32,
    /// `COUNT`: the moves left in the current phase.
    count: i32,
    /// `OLDSTP`: the mode before the last evaluation.
    old_step: i32,
}

impl K39R {
    /// Label 130: choose the best defensive mode.
    fn choose_defence(&mut self) {
        self.step = 1;
        for i1 in 1..=2 {
            for i2 in 2..=3 {
                let (a, b) = (self.scores[i1 - 1], self.scores[i2 - 1]);
                if a == 0 || b == 0 || a >= b {
                    continue;
                }
                if self.step == i1 as i32 {
                    self.step = i2 as i32;
                }
            }
        }
        if self.step != 3
            && self.scores[self.step.clamp(0, 2) as usize] == 0
            && (self.tats >= 4 || self.tits == 0)
        {
            self.step += 1;
        }
        if self.step < self.old_step && self.both_defected > 0 {
            self.step = 5;
        }
    }

    /// Label 120: score the mode just played and choose the next.
    fn evaluate(&mut self, own_score: i32) {
        self.old_step = self.step;
        self.scores[(self.step - 1).clamp(0, 2) as usize] = own_score - self.total;
        self.total = own_score;
        self.substep = 1;
        if self.tats > 0 {
            self.choose_defence();
            return;
        }
        self.step = if self.evil == 1 { 1 } else { 4 };
        if self.evil == 0 {
            self.evil = -1;
        }
    }

    /// Label 101: start a turn of a defensive mode.
    fn start_turn(&mut self) {
        self.count = 10;
        self.tats = 0;
        self.tits = 0;
        self.substep = 2;
    }

    /// One pass of the dispatch at label 20: `Some(move)` to return it,
    /// `None` to dispatch again.
    fn dispatch(&mut self, call: &Call, old_before: i32) -> Option<i32> {
        let j = call.partner_last;
        match self.step {
            2 | 3 if self.substep == 2 => {
                let choice = if self.step == 3 {
                    1
                } else {
                    i32::from(self.old_move == 1)
                };
                self.tits += choice;
                if self.count == 0 {
                    self.substep = 3;
                }
                Some(choice)
            }
            4 => match self.substep {
                1 => Some(self.disrupt()),
                2 => {
                    if self.count == 0 {
                        self.substep = 3;
                    }
                    Some(0)
                }
                3 => {
                    if self.tats == 0 {
                        self.ran = 1;
                        return Some(self.disrupt());
                    }
                    if self.ran != 0 {
                        self.gap += 1;
                        self.substep = 1;
                        self.step = 1;
                        return None;
                    }
                    self.substep = 4;
                    if j == 1 {
                        self.gap += 1;
                    }
                    self.tats = j;
                    Some(0)
                }
                _ => {
                    if self.tats <= 4 {
                        return Some(0);
                    }
                    self.substep = 1;
                    self.step = 1;
                    None
                }
            },
            5 => {
                if self.substep != 2 {
                    self.count = 5;
                    self.substep = 2;
                }
                if self.count != 0 {
                    return Some(0);
                }
                self.substep = 1;
                self.choose_defence();
                None
            }
            // Modes 1 to 3 (and the fall-through of an out-of-range
            // computed GOTO, into mode 1).
            _ => match self.substep {
                2 => {
                    let choice = i32::from(old_before + self.old_move == 2);
                    self.tits += choice;
                    if self.count == 0 {
                        self.substep = 3;
                    }
                    Some(choice)
                }
                3 => {
                    self.evaluate(call.own_score);
                    None
                }
                _ => {
                    self.start_turn();
                    None
                }
            },
        }
    }

    /// Label 401: an exploiting defection.
    fn disrupt(&mut self) -> i32 {
        self.substep = 2;
        self.count = self.gap;
        self.tats = 0;
        1
    }
}

impl FortranRule for K39R {
    const NAME: &'static str = "Second by Almy";
    const SUMMARY: &'static str = "Tries three defensive modes in turns, keeps the best, exploits the never-defecting (K39R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let j = call.partner_last;
        if call.move_number == 1 {
            *self = K39R {
                step: 1,
                substep: 1,
                gap: 1,
                ..K39R::default()
            };
        }
        let own = call.own_last;
        if own + j == 2 {
            self.both_defected += 1;
        }
        if own + j < 2 {
            self.both_defected = 0;
        }
        self.count -= 1;
        let old_before = self.old_move;
        self.old_move = j;
        if j == 1 {
            self.tats += 1;
        }
        if self.evil == 0 && j == 1 {
            self.evil = 1;
        }
        // The Fortran dispatches until a mode moves; a few passes always
        // reach one.
        for _ in 0..16 {
            if let Some(choice) = self.dispatch(call, old_before) {
                return choice;
            }
        }
        0
    }
}

/// The registry entry of [`Almy`].
pub(crate) const ENTRY: StrategyEntry = entry::<K39R>();
