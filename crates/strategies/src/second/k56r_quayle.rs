//! Second by Quayle: revised Downing, the best reply to a partner that
//! answers its moves with fixed probabilities.
//!
//! Rule: estimate the partner's probabilities of cooperating after its own
//! cooperation (`good`, 1 at first) and after its own defection (`bad`, 0 at
//! first) from its answers two moves on; with `c = 6 good - 8 bad - 2` and
//! `alt = 4 good - 5 bad - 1`, cooperate when `c >= 0` and `c >= alt`,
//! switch its move when `alt` is the better and not negative, and defect
//! when both are negative. Stanley F. Quayle's entry, thirty-eighth in
//! Axelrod's second tournament (Axelrod 1980b), "exactly the revised Downing
//! method"; Fortran `k56r.f`. The Python `axelrod` library's
//! `RevisedDowning` is Downing's own second-round entry (K59R).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Stanley F. Quayle's rule (`K56R`).
pub type Quayle = SecondEntry<K56R>;

/// The SAVEd variables of `K56R`.
#[derive(Clone, Debug, Default)]
pub struct K56R {
    /// `GOOD`: the partner's rate of cooperation after its cooperation.
    good: f32,
    /// `BAD`: its rate of cooperation after its defection.
    bad: f32,
    /// `PAST`: its own move two moves ago.
    past: i32,
    /// `TOTCOP`: the answers to its cooperations.
    after_cooperation: i32,
    /// `TOTDEF`: the answers to its defections.
    after_defection: i32,
    /// `NICE1`: cooperations among the answers to its cooperations.
    nice_after_cooperation: i32,
    /// `NICE2`: cooperations among the answers to its defections.
    nice_after_defection: i32,
}

impl FortranRule for K56R {
    const NAME: &'static str = "Second by Quayle";
    const SUMMARY: &'static str =
        "Revised Downing: the best reply to the partner's estimated answers to its moves (K56R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m < 2 {
            *self = K56R {
                good: 1.0,
                ..K56R::default()
            };
        } else if m > 2 {
            if self.past == 1 {
                if j == 0 {
                    self.nice_after_defection += 1;
                }
                self.after_defection += 1;
                self.bad = self.nice_after_defection as f32 / self.after_defection as f32;
            } else {
                if j == 0 {
                    self.nice_after_cooperation += 1;
                }
                self.after_cooperation += 1;
                self.good = self.nice_after_cooperation as f32 / self.after_cooperation as f32;
            }
        }
        self.past = call.own_last;
        let c = 6.0 * self.good - 8.0 * self.bad - 2.0;
        let alt = 4.0 * self.good - 5.0 * self.bad - 1.0;
        if c >= 0.0 && c >= alt {
            0
        } else if c >= 0.0 || alt >= 0.0 {
            1 - call.own_last
        } else {
            1
        }
    }
}

/// The registry entry of [`Quayle`].
pub(crate) const ENTRY: StrategyEntry = entry::<K56R>();
