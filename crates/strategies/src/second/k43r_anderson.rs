//! Second by Anderson: tit for tat with a few free defections early, then a
//! watch on how the partner answers its moves.
//!
//! Rule: before move 16, answer a partner defection with a defection at most
//! three times, cooperate otherwise. From move 16, with the partner's
//! answers to its own moves two moves back counted: defect while the partner
//! answered at least a third of its cooperations with a defection; on every
//! fourth move (unless the partner looks like its twin, judged on move 17)
//! defect when the partner cooperated after its defections at least `M / 12`
//! times or never answered a defection with one; cooperate otherwise. R. D.
//! Anderson's entry, thirty-ninth in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k43r.f`. The Python `axelrod` library has no class for
//! it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// R. D. Anderson's rule (`K43R`).
pub type Anderson = SecondEntry<K43R>;

/// The SAVEd variables of `K43R`.
#[derive(Clone, Debug, Default)]
pub struct K43R {
    /// `NCC`: partner cooperations after its cooperation.
    ncc: i32,
    /// `NCD`: partner defections after its cooperation.
    ncd: i32,
    /// `NDC`: partner cooperations after its defection.
    ndc: i32,
    /// `NDD`: partner defections after its defection.
    ndd: i32,
    /// `KOUNT`: the early defections answered.
    answered: i32,
    /// `MYTWIN`: the partner looks like its twin.
    twin: i32,
    /// `IOLD1`: its own previous move.
    old1: i32,
    /// `IOLD2`: its own move two moves ago.
    old2: i32,
}

impl FortranRule for K43R {
    const NAME: &'static str = "Second by Anderson";
    const SUMMARY: &'static str =
        "Tit for tat with a few free defections, then a watch on the partner's answers (K43R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        let defect = if m <= 1 {
            *self = K43R::default();
            false
        } else {
            if m >= 3 {
                if self.old2 == 1 {
                    self.ndc += 1 - j;
                    self.ndd += j;
                } else {
                    self.ncc += 1 - j;
                    self.ncd += j;
                }
            }
            self.old2 = self.old1;
            if m < 16 {
                if j == 0 || self.answered >= 3 {
                    false
                } else {
                    self.answered += 1;
                    true
                }
            } else {
                if m == 17 && j == 1 && self.ncd == 1 && self.ndd == 0 {
                    self.twin = 1;
                }
                if self.ncd * 3 >= self.ncc + self.ncd {
                    true
                } else if m % 4 != 0 || self.twin == 1 {
                    false
                } else {
                    self.ndc >= m / 12 || self.ndd == 0
                }
            }
        };
        self.old1 = i32::from(defect);
        self.old1
    }
}

/// The registry entry of [`Anderson`].
pub(crate) const ENTRY: StrategyEntry = entry::<K43R>();
