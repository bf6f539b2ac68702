//! Second by Dawes and Batell: cooperate until the partner's defections make
//! a likelihood ratio pass 5, then defect for good.
//!
//! Rule: after each partner defection compute `1.6667^d * 0.882^c`, with `d`
//! the partner's defections and `c` the moves less `d`; once it reaches 5,
//! defect for the rest of the game; cooperate until then. Robyn M. Dawes and
//! Mark Batell's entry, thirty-sixth in Axelrod's second tournament (Axelrod
//! 1980b); Fortran `k80r.f`. The Python `axelrod` library has no class for
//! it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Robyn M. Dawes and Mark Batell's rule (`K80R`).
pub type DawesAndBatell = SecondEntry<K80R>;

/// The SAVEd variables of `K80R`.
#[derive(Clone, Debug, Default)]
pub struct K80R {
    /// `MODE`: it has turned to defection.
    defecting: i32,
    /// `INOD`: the partner's defections.
    defections: i32,
}

/// `x ** n` for a REAL `x` and a non-negative INTEGER `n`, as the Fortran
/// run-time library computes it: by repeated squaring, in single
/// precision.
fn power(mut x: f32, n: i32) -> f32 {
    let mut n = n.unsigned_abs();
    let mut result = 1.0f32;
    loop {
        if n & 1 == 1 {
            result *= x;
        }
        n >>= 1;
        if n == 0 {
            return result;
        }
        x *= x;
    }
}

impl FortranRule for K80R {
    const NAME: &'static str = "Second by Dawes and Batell";
    const SUMMARY: &'static str =
        "Defects for good once a likelihood ratio of the partner's defections reaches 5 (K80R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K80R::default();
            return 0;
        }
        if self.defecting == 1 {
            return 1;
        }
        if j != 1 {
            return 0;
        }
        self.defections += 1;
        let cooperations = m - self.defections;
        let test = power(1.6667, self.defections) * power(0.882, cooperations);
        if test >= 5.0 {
            self.defecting = 1;
            return 1;
        }
        0
    }
}

/// The registry entry of [`DawesAndBatell`].
pub(crate) const ENTRY: StrategyEntry = entry::<K80R>();
