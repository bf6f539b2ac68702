//! Second by Black: defect with a probability that grows with the square of
//! the partner's defections in the last five moves.
//!
//! Rule: cooperate on the first five moves; afterwards, with `d` the
//! partner's defections among its last five moves (the first move's `J = 0`
//! counting as a cooperation), defect when `25 R < d^2 - 1` for a uniform
//! `R`, that is with probability `(d^2 - 1) / 25`. Paul E. Black's entry,
//! fifteenth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k83r.f`. The Python `axelrod` library's `SecondByBlack` (stochastic, so
//! compared by rates) cooperates as often as the Fortran against Cooperator,
//! Defector and Alternator (200 moves, 150 games each; Fortran and `axelrod`
//! rates 0.063 and 0.064 against Defector, 0.789 and 0.787 against
//! Alternator, all within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Paul E. Black's rule (`K83R`).
pub type Black = SecondEntry<K83R>;

/// The SAVEd variables of `K83R`.
#[derive(Clone, Debug, Default)]
pub struct K83R {
    /// `JHIS`: the partner's last five `J`s, a ring.
    history: [i32; 5],
    /// `JTOT`: their sum.
    total: i32,
    /// `MCNT`: the ring's next slot, 1 to 5.
    slot: i32,
}

impl FortranRule for K83R {
    const NAME: &'static str = "Second by Black";
    const SUMMARY: &'static str = "Defects with probability growing with the square of the partner's recent defections (K83R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 5 {
            if m == 1 {
                self.total = 0;
                self.slot = 1;
            }
            self.history[((m - 1).max(0) as usize).min(4)] = j;
            self.total += j;
            return 0;
        }
        let slot = ((self.slot - 1).clamp(0, 4)) as usize;
        self.total = self.total - self.history[slot] + j;
        self.history[slot] = j;
        self.slot += 1;
        if self.slot > 5 {
            self.slot = 1;
        }
        i32::from(call.random * 25.0 < (self.total * self.total - 1) as f32)
    }
}

/// The registry entry of [`Black`].
pub(crate) const ENTRY: StrategyEntry = entry::<K83R>();
