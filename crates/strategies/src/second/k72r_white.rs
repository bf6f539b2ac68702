//! Second by White: after a partner defection late in the game, defect when
//! the partner's defections times the logarithm of the move number reach the
//! move number.
//!
//! Rule: count the partner's defections; defect when a uniform random number
//! is at most `(n * defections) / M` in integer division, where `n =
//! floor(ln M)` after a partner defection past move 10 and 1 otherwise: in
//! effect, defect when `n * defections >= M` (and almost never else). Edward
//! C. White Jr's entry, thirteenth in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k72r.f`. The Python `axelrod` library's `SecondByWhite`
//! plays the effective rule without the random number, and the same moves on
//! every game of the fixture (`scripts/second_vs_axelrod_library.py`,
//! axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Edward C. White Jr's rule (`K72R`).
pub type White = SecondEntry<K72R>;

/// The SAVEd variables of `K72R`.
#[derive(Clone, Debug, Default)]
pub struct K72R {
    /// `JCOUNT`: the partner's defections.
    defections: i32,
}

impl FortranRule for K72R {
    const NAME: &'static str = "Second by White";
    const SUMMARY: &'static str =
        "Defects when the partner's defections times ln(move) reach the move number (K72R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            self.defections = 0;
        }
        if j == 1 {
            self.defections += 1;
        }
        let n = if j == 1 && m > 10 {
            // N = ALOG(FLOAT(M)), truncated to an integer.
            (m as f32).ln() as i32
        } else {
            1
        };
        i32::from(call.random <= ((n * self.defections) / m) as f32)
    }
}

/// The registry entry of [`White`].
pub(crate) const ENTRY: StrategyEntry = entry::<K72R>();
