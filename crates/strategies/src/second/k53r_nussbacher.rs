//! Second by Nussbacher: defect with a probability read off the partner's
//! defections in the last ten moves.
//!
//! Rule: cooperate on the first ten moves; afterwards, with `d` the
//! partner's defections among its last ten `J`s, defect with probability
//! 0.94 when `d >= 9`, 0.915 when `d` is 8, 4 or 3, 0.87 when `d` is 7, 6, 5
//! or 2, 0.23 when `d` is 1, and cooperate when it is 0. Henry Nussbacher's
//! entry, forty-fifth in Axelrod's second tournament (Axelrod 1980b);
//! Fortran `k53r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Henry Nussbacher's rule (`K53R`).
pub type Nussbacher = SecondEntry<K53R>;

/// The SAVEd variables of `K53R`.
#[derive(Clone, Debug, Default)]
pub struct K53R {
    /// `C`: the partner's last ten `J`s, oldest first.
    last: [i32; 10],
}

impl FortranRule for K53R {
    const NAME: &'static str = "Second by Nussbacher";
    const SUMMARY: &'static str = "Defects with a probability read off the partner's defections in the last ten moves (K53R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 10 {
            self.last[(m - 1).clamp(0, 9) as usize] = j;
            return 0;
        }
        self.last.rotate_left(1);
        self.last[9] = j;
        let d = self.last.iter().filter(|&&c| c != 0).count();
        let p: f32 = match d {
            0 => return 0,
            1 => 0.23,
            2 | 5..=7 => 0.87,
            3 | 4 | 8 => 0.915,
            _ => 0.94,
        };
        i32::from(call.random < p)
    }
}

/// The registry entry of [`Nussbacher`].
pub(crate) const ENTRY: StrategyEntry = entry::<K53R>();
