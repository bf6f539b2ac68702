//! Second by Getzler: defect with probability equal to the partner's recent
//! untrustworthiness.
//!
//! Rule: keep `flack`, halved every move and raised by one half after each
//! partner defection (`flack = (flack + J) / 2`, a half-life of one move),
//! and defect when `flack` exceeds a uniform random number. Abraham
//! Getzler's entry, eleventh in Axelrod's second tournament (Axelrod 1980b);
//! Fortran `k35r.f`. The Python `axelrod` library's `SecondByGetzler`
//! (stochastic, so compared by rates) cooperates as often as the Fortran
//! against Cooperator, Defector and Alternator (200 moves, 150 games each;
//! Fortran and `axelrod` rates 0.010 and 0.010 against Defector, 0.506 and
//! 0.506 against Alternator, all within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Abraham Getzler's rule (`K35R`).
pub type Getzler = SecondEntry<K35R>;

/// The SAVEd variables of `K35R`.
#[derive(Clone, Debug, Default)]
pub struct K35R {
    /// `FLACK`: the partner's recent untrustworthiness.
    flack: f32,
}

impl FortranRule for K35R {
    const NAME: &'static str = "Second by Getzler";
    const SUMMARY: &'static str =
        "Defects with probability equal to the partner's decaying count of defections (K35R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.flack = 0.0;
        }
        self.flack = (self.flack + call.partner_last as f32) * 0.5;
        i32::from(self.flack > call.random)
    }
}

/// The registry entry of [`Getzler`].
pub(crate) const ENTRY: StrategyEntry = entry::<K35R>();
