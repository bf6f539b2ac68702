//! Second by RobertAdams: cooperate, answer defections with defections whose
//! probability halves each time, and punish every third defection.
//!
//! Rule: cooperate on the first two moves. After a partner defection
//! (counted twice, a quirk of the code) it defects two moves running when
//! the count `w` is a multiple of three above two or one more than a
//! multiple of three; otherwise it defects with a probability `q` that
//! starts at 0.8 and halves at every partner defection and every such
//! answer. After a partner cooperation it cooperates, unless a punishment is
//! under way. Robert Adams's entry, thirty-fifth in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k40r.f`. The Python `axelrod`
//! library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Robert Adams's rule (`K40R`).
pub type RobertAdams = SecondEntry<K40R>;

/// The SAVEd variables of `K40R` (REALs holding whole numbers as
/// integers, `Q` as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K40R {
    /// `S`: moves since the last punishment began.
    since: i32,
    /// `W`: the partner's defections, counted twice after move 2.
    w: i32,
    /// `Q`: the probability of answering a defection.
    q: f32,
}

impl K40R {
    /// The test of label 590 (`W > 2` and `W` or `W - 1` a multiple of 3).
    fn punish(&self) -> bool {
        self.w > 2 && (self.w % 3 == 0 || (self.w - 1) % 3 == 0)
    }

    /// Label 580: defect during a punishment's first two moves, start one
    /// when the count calls for it, cooperate otherwise.
    fn settle(&mut self) -> i32 {
        if self.since == 1 || self.since == 2 {
            return 1;
        }
        if self.punish() {
            self.since = 1;
            self.q /= 2.0;
            return 1;
        }
        0
    }
}

impl FortranRule for K40R {
    const NAME: &'static str = "Second by RobertAdams";
    const SUMMARY: &'static str =
        "Answers defections with halving probabilities and punishes every third one (K40R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            self.since = 3;
            self.w = 0;
            self.q = 0.8;
        }
        self.since += 1;
        if j == 1 {
            self.w += 1;
            self.q /= 2.0;
        }
        if m < 3 {
            return 0;
        }
        if j != 1 {
            return self.settle();
        }
        self.w += 1;
        // Label 522: `.AND.` binds before `.OR.` here (no parentheses).
        if (self.w > 2 && self.w % 3 == 0) || (self.w - 1) % 3 == 0 {
            self.since = 1;
            self.q /= 2.0;
            return self.settle();
        }
        let choice = i32::from(call.random >= self.q);
        self.q /= 2.0;
        choice
    }
}

/// The registry entry of [`RobertAdams`].
pub(crate) const ENTRY: StrategyEntry = entry::<K40R>();
