//! Second by Joss: tit for tat with sneaky defections, falling back to
//! defection or to plain tit for tat when the partner does not cooperate
//! enough.
//!
//! Rule: a machine of five states. In the first (tit for tat) it defects out
//! of the blue with probability 0.1 and then watches the partner's answer
//! for one move (a partner that answers more than three such defections has
//! it switch to plain tit for tat); it moves to defection once the partner's
//! cooperations fall below 70 % of the moves, and back from defection to tit
//! for tat for good after more than 10 (from defection) or 20 (otherwise)
//! partner defections in a row. Johann Joss's entry, twenty-ninth in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k69r.f`. The Python
//! `axelrod` library has no class for it (its `FirstByJoss` is the
//! first-round rule).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Johann Joss's rule (`K69R`).
pub type Joss = SecondEntry<K69R>;

/// The SAVEd variables of `K69R` (REALs, as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K69R {
    /// `S`: the state, 1 to 5.
    state: f32,
    /// `F`: the sneaky defections the partner answered.
    answered: f32,
    /// `D`: the partner's current run of defections.
    run: f32,
    /// `C`: the partner's cooperations.
    cooperations: f32,
}

impl K69R {
    /// Labels 702 and on: tit for tat while the partner behaves.
    fn tit_for_tat(&mut self, m: i32, j: i32) -> i32 {
        self.count_run(j);
        if self.run > 20.0 {
            return self.settle();
        }
        if self.cooperations < 0.7 * (m - 3) as f32 {
            return self.defect(j);
        }
        j
    }

    /// Label 800: defect, unless the partner has defected more than ten
    /// times in a row.
    fn defect(&mut self, j: i32) -> i32 {
        self.state = 2.0;
        self.count_run(j);
        if self.run > 10.0 {
            self.state = 3.0;
        }
        1
    }

    /// Label 820: plain tit for tat from now on, starting with a
    /// cooperation.
    fn settle(&mut self) -> i32 {
        self.state = 3.0;
        self.run = 0.0;
        0
    }

    /// The partner's current run of defections.
    fn count_run(&mut self, j: i32) {
        if j == 0 {
            self.run = 0.0;
        } else {
            self.run += 1.0;
        }
    }
}

impl FortranRule for K69R {
    const NAME: &'static str = "Second by Joss";
    const SUMMARY: &'static str = "Tit for tat with sneaky defections, falling back to defection or plain tit for tat (K69R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m != 1 {
            if j != 1 {
                self.cooperations += 1.0;
            }
            if self.state == 1.0 {
                if call.random < 0.1 {
                    self.state = 5.0;
                    return 1;
                }
                return self.tit_for_tat(m, j);
            }
            if self.state == 2.0 {
                return self.defect(j);
            }
            if self.state == 3.0 {
                self.count_run(j);
                if self.run > 20.0 {
                    return self.settle();
                }
                return j;
            }
            if self.state == 4.0 {
                if j != 0 {
                    self.answered += 1.0;
                    if self.answered > 3.0 {
                        return self.settle();
                    }
                }
                self.state = 1.0;
                return 0;
            }
            if self.state == 5.0 {
                self.state = 4.0;
                return self.tit_for_tat(m, j);
            }
        }
        // Label 600: the first move (and any state out of range).
        *self = K69R {
            state: 1.0,
            ..K69R::default()
        };
        0
    }
}

/// The registry entry of [`Joss`].
pub(crate) const ENTRY: StrategyEntry = entry::<K69R>();
