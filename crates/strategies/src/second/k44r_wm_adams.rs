//! Second by WmAdams: cooperate until the partner's defections reach a
//! threshold that halves each time it is passed.
//!
//! Rule: cooperate on the first two moves; from move 3 count the partner's
//! defections; cooperate while the count is below the threshold (4 at
//! first), defect when it equals it; when it passes it, halve the threshold
//! (4, 2, 1, 0.5, ...), restart the count and cooperate with probability
//! equal to the new threshold (certainly while it is at least 1). William
//! Adams's entry, fifth in Axelrod's second tournament (Axelrod 1980b);
//! Fortran `k44r.f`. The Python `axelrod` library's `SecondByWmAdams`
//! (stochastic, so compared by rates) cooperates as often as the Fortran
//! against Cooperator, Defector and Alternator (200 moves, 150 games each;
//! Fortran and `axelrod` rates 0.044 and 0.045 against Defector, 0.525 and
//! 0.525 against Alternator, all within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// William Adams's rule (`K44R`).
pub type WmAdams = SecondEntry<K44R>;

/// The SAVEd variables of `K44R`.
#[derive(Clone, Debug, Default)]
pub struct K44R {
    /// `MC`: the partner's defections counted since the last adjustment.
    count: i32,
    /// `AM`: the number of defections allowed (a REAL).
    allowed: f32,
}

impl FortranRule for K44R {
    const NAME: &'static str = "Second by WmAdams";
    const SUMMARY: &'static str =
        "Cooperates until the partner's defections reach a threshold that halves each time (K44R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.count = 0;
            self.allowed = 4.0;
        }
        if call.move_number < 3 {
            return 0;
        }
        self.count += call.partner_last;
        let count = self.count as f32;
        if count < self.allowed {
            return 0;
        }
        if count == self.allowed {
            return 1;
        }
        self.allowed /= 2.0;
        self.count = 0;
        i32::from(call.random >= self.allowed)
    }
}

/// The registry entry of [`WmAdams`].
pub(crate) const ENTRY: StrategyEntry = entry::<K44R>();
