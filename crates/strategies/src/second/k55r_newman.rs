//! Second by Newman: the best reply to the partner's estimated answers,
//! breaking off long mutual defection.
//!
//! Rule: estimate the partner's probability of cooperating after its own
//! cooperation (`alpha`, 1 at first) and after its own defection (`beta`, 0
//! at first); with `c = 6 alpha - 9 beta - 2` and `alt = 4 alpha - 6 beta -
//! 1`, cooperate when `c` is not negative and at least `alt`, switch its
//! move when `alt` is the better and not negative, and defect otherwise,
//! except that after more than three mutual defections in a row it
//! cooperates once. Steve Newman's entry, forty-second in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k55r.f`. The Python `axelrod`
//! library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Steve Newman's rule (`K55R`).
pub type Newman = SecondEntry<K55R>;

/// The SAVEd variables of `K55R` (REALs as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K55R {
    /// `ALPHA`: the partner's rate of cooperation after its cooperation.
    alpha: f32,
    /// `BETA`: its rate of cooperation after its defection.
    beta: f32,
    /// `IOLD`: its own move two moves ago.
    old: i32,
    /// `QCA`: cooperations after its cooperation.
    qca: f32,
    /// `QNA`: answers to its cooperation.
    qna: f32,
    /// `QCB`: cooperations after its defection.
    qcb: f32,
    /// `QNB`: answers to its defection.
    qnb: f32,
    /// `MUTDEF`: the current run of mutual defections.
    mutual_defections: i32,
}

impl FortranRule for K55R {
    const NAME: &'static str = "Second by Newman";
    const SUMMARY: &'static str =
        "Best reply to the partner's estimated answers, breaking off long mutual defection (K55R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K55R {
                alpha: 1.0,
                ..K55R::default()
            };
        }
        if m > 2 {
            if self.old == 1 {
                if j == 0 {
                    self.qcb += 1.0;
                }
                self.qnb += 1.0;
                self.beta = self.qcb / self.qnb;
            } else {
                if j == 0 {
                    self.qca += 1.0;
                }
                self.qna += 1.0;
                self.alpha = self.qca / self.qna;
            }
        }
        self.old = call.own_last;
        let c = 6.0 * self.alpha - 9.0 * self.beta - 2.0;
        let alt = 4.0 * self.alpha - 6.0 * self.beta - 1.0;
        if (c >= 0.0 && c < alt) || (c < 0.0 && alt >= 0.0) {
            return 1 - call.own_last;
        }
        if c >= 0.0 {
            return 0;
        }
        if j == 0 || self.old == 0 {
            self.mutual_defections = 0;
            return 1;
        }
        self.mutual_defections += 1;
        i32::from(self.mutual_defections <= 3)
    }
}

/// The registry entry of [`Newman`].
pub(crate) const ENTRY: StrategyEntry = entry::<K55R>();
