//! Second by Harrington: tit for tat with a randomness test, a twin test,
//! probing defections and escalating punishment of long defections.
//!
//! Rule: cooperate first, then roughly tit for tat, with these additions.
//! Every 15 moves (from move 30) it runs a chi-squared test of the partner's
//! answers to its own last two moves; a partner that looks random (statistic
//! at most 3, cooperation rate and answers within bounds) is met with
//! defections until it has "paid" enough (each partner defection adds 1,
//! each cooperation takes 3 off a counter that releases at 11). On move 37
//! it defects to probe; a partner that cooperated on moves 1 to 36 and
//! defected on 37 is taken for a twin and always cooperated with until it
//! defects. Later it probes again with a probability that starts at 0.2 and
//! grows by 0.05 each time, unless a probe was punished. Twenty partner
//! defections in a row, or a run of them as long as its tolerance (5, then 3
//! after eight such runs) counted on alternate moves, make it defect. Paul
//! D. Harrington's entry, eighth in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `K75R.f`. The Python `axelrod` library's
//! `SecondByHarrington` (stochastic, so compared by rates) cooperates as
//! often as the Fortran against Cooperator, Defector and Alternator (200
//! moves, 150 games each; Fortran and `axelrod` rates 0.747 and 0.747
//! against Cooperator, 0.035 and 0.035 against Defector, 0.730 and 0.730
//! against Alternator, all within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Paul D. Harrington's rule (`K75R`).
pub type Harrington = SecondEntry<K75R>;

/// The SAVEd variables of `K75R` (REALs as `f32`, as in the Fortran).
#[derive(Clone, Debug, Default)]
pub struct K75R {
    /// `HIST(IND, J + 1)`: the partner's answers `J` to the outcome `IND`
    /// (its own move and the partner's, one move earlier).
    hist: [[f32; 2]; 4],
    /// `IBURN`: a probe was punished.
    burned: i32,
    /// `ID(1..2)`: the runs of partner defections, on alternate moves.
    runs: [i32; 2],
    /// `IDEF`: the partner's current run of defections.
    defection_run: i32,
    /// `ITWIN`: the evidence that the partner is a twin.
    twin: i32,
    /// `ISTRNG`: the long runs seen.
    strings: i32,
    /// `ICOOP`: the cooperations still owed.
    owed: i32,
    /// `ITRY`: a probe is under way.
    trying: i32,
    /// `IRDCHK`: the random partner's account.
    random_check: i32,
    /// `IRAND`: 1 while punishing a random partner, 2 after.
    random: i32,
    /// `IPARTY`: which of the two runs counts this move.
    parity: i32,
    /// `IND`: the previous outcome, 1 to 4 (0 before move 2).
    index: i32,
    /// `MY`: its own previous move, as recorded.
    my: i32,
    /// `INDEF`: the tolerated run of defections.
    tolerance: i32,
    /// `IOPP`: the partner's defections.
    partner_defections: i32,
    /// `PROB`: the probability of a probe.
    probe: f32,
}

impl K75R {
    /// The chi-squared statistic of the partner's answers (labels 12 to
    /// 16), for the test on move `m`.
    fn chi_squared(&self, m: i32) -> f32 {
        let rows: [f32; 4] = std::array::from_fn(|a| self.hist[a][0] + self.hist[a][1]);
        let cols: [f32; 2] = std::array::from_fn(|b| {
            let mut sum = 0.0f32;
            for row in &self.hist {
                sum += row[b];
            }
            sum
        });
        let mut sum = 0.0f32;
        for (a, row) in rows.iter().enumerate() {
            for (b, col) in cols.iter().enumerate() {
                let expected = row * col / (m - 2) as f32;
                if expected <= 1.0 {
                    continue;
                }
                let gap = self.hist[a][b] - expected;
                sum += gap * gap / expected;
            }
        }
        sum
    }

    /// Whether the test on move `m` finds the partner random (from label
    /// 10, after the counts are updated).
    fn partner_seems_random(&self, m: i32) -> bool {
        if m == 15 || m % 15 != 0 || self.random == 2 {
            return false;
        }
        if self.hist[0][0] / (m - 2) as f32 >= 0.8 {
            return false;
        }
        if self.partner_defections * 4 < m - 2 || self.partner_defections * 4 > 3 * m - 6 {
            return false;
        }
        self.chi_squared(m) <= 3.0
    }

    /// Labels 25 to 95: the main rule.
    fn main_rule(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if self.trying == 1 && j == 1 {
            self.burned = 1;
        }
        if m <= 37 && j == 0 {
            self.twin += 1;
        }
        if m == 38 && j == 1 {
            self.twin += 1;
        }
        if m >= 39 && self.twin == 37 && j == 1 {
            self.twin = 0;
        }
        let choice = if self.twin == 37 {
            self.cooperate()
        } else {
            self.defection_run = self.defection_run * j + j;
            if self.defection_run >= 20 {
                self.punish()
            } else {
                self.parity = 3 - self.parity;
                let p = (self.parity - 1) as usize & 1;
                self.runs[p] = self.runs[p] * j + j;
                if self.runs[p] >= self.tolerance {
                    self.runs[p] = 0;
                    self.strings += 1;
                    if self.strings == 8 {
                        self.tolerance = 3;
                    }
                    self.cooperate()
                } else if self.owed >= 1 {
                    self.cooperate()
                } else if m >= 37 && self.burned != 1 && (m == 37 || call.random <= self.probe) {
                    self.trying = 2;
                    self.owed = 2;
                    self.probe += 0.05;
                    1
                } else if j == 0 {
                    self.cooperate()
                } else {
                    self.punish()
                }
            }
        };
        self.index = 2 * self.my + j + 1;
        self.my = choice;
        choice
    }

    /// Label 80: cooperate, counting down a probe and the owed moves.
    fn cooperate(&mut self) -> i32 {
        self.trying -= 1;
        self.owed -= 1;
        0
    }

    /// Label 90: defect, lengthening the current alternate run.
    fn punish(&mut self) -> i32 {
        let p = (self.parity - 1) as usize & 1;
        self.runs[p] += 1;
        1
    }
}

impl FortranRule for K75R {
    const NAME: &'static str = "Second by Harrington";
    const SUMMARY: &'static str =
        "Tit for tat with a randomness test, a twin test, probes and escalating punishment (K75R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 2 {
            return self.main_rule(call);
        }
        if m <= 1 {
            *self = K75R {
                parity: 1,
                tolerance: 5,
                probe: 0.2,
                ..K75R::default()
            };
            return 0;
        }
        if self.random == 1 {
            self.random_check += j * 4 - 3;
            if self.random_check >= 11 {
                self.random = 2;
                self.owed = 2;
                return 0;
            }
            return 1;
        }
        self.partner_defections += j;
        let ind = (self.index - 1).clamp(0, 3) as usize;
        self.hist[ind][(j & 1) as usize] += 1.0;
        if self.partner_seems_random(m) {
            self.random = 1;
            return 1;
        }
        self.main_rule(call)
    }
}

/// The registry entry of [`Harrington`].
pub(crate) const ENTRY: StrategyEntry = entry::<K75R>();
