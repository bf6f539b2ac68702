//! Second by McGurrin: probe with a first defection, then settle on a rule
//! from the partner's first answers.
//!
//! Rule: defect on move 1 and cooperate on moves 2 and 3. From the partner's
//! moves 1 to 3 it settles on one of four rules: tit for tat (the partner
//! retaliated), tit for two tats, a sneaky tit for two tats that defects
//! whenever the partner defects twice running and otherwise defects on seven
//! moves out of eight (a partner that cooperated through the probe), or the
//! same after one defection. Michael F. McGurrin's entry, fiftieth in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k45r.f`. The Python
//! `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Michael F. McGurrin's rule (`K45R`).
pub type McGurrin = SecondEntry<K45R>;

/// The SAVEd variables of `K45R` (`A` to `E` REALs holding flags).
#[derive(Clone, Debug, Default)]
pub struct K45R {
    /// `JOLD`: the partner's move before its last.
    before: i32,
    /// `A`: the sneaky rule.
    a: bool,
    /// `B`: tit for two tats.
    b: bool,
    /// `C`: tit for tat.
    c: bool,
    /// `D`: the partner defected on move 1.
    d: bool,
    /// `E`: the moves of the sneaky rule's cycle of eight.
    e: i32,
}

impl FortranRule for K45R {
    const NAME: &'static str = "Second by McGurrin";
    const SUMMARY: &'static str =
        "Probes with a first defection, then settles on a rule from the partner's answers (K45R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        match m {
            ..=1 => {
                *self = K45R::default();
                return 1;
            }
            2 => {
                self.d = j == 1;
                return 0;
            }
            3 => {
                if j == 1 {
                    if self.d {
                        self.c = true;
                    }
                } else if !self.d {
                    self.a = true;
                }
                return 0;
            }
            _ => {}
        }
        if self.c {
            return j;
        }
        let twice = self.before == 1 && j == 1;
        if self.b {
            self.before = j;
            return i32::from(twice);
        }
        if self.a {
            self.e += 1;
            self.before = j;
            if self.e == 8 {
                self.e = 0;
                return 1;
            }
            return i32::from(twice);
        }
        if self.d {
            if j == 1 {
                self.c = true;
                return 1;
            }
            self.b = true;
            return 0;
        }
        if j == 1 {
            self.c = true;
        } else {
            self.b = true;
        }
        0
    }
}

/// The registry entry of [`McGurrin`].
pub(crate) const ENTRY: StrategyEntry = entry::<K45R>();
