//! Second by Schurmann: cooperate until the partner defects, then defect
//! with a probability that follows the last outcome.
//!
//! Rule: cooperate until the partner's first defection; from then on keep a
//! probability `q` (0.5 at first) of defecting, updated every move from the
//! last outcome: after mutual cooperation `q = 0.57 q + 0.43`, after mutual
//! defection `q = 0.74 q + 0.104`, after a mixed outcome `q = q / 2`; defect
//! when a uniform random number is at most `q`. E. E. H. Schurmann's entry,
//! forty-fourth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k87r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// E. E. H. Schurmann's rule (`K87R`).
pub type Schurmann = SecondEntry<K87R>;

/// The SAVEd variables of `K87R` (REALs, as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K87R {
    /// `Z`: the partner has defected.
    provoked: f32,
    /// `Q6`: the probability of defecting.
    q: f32,
    /// `H`: its own previous move.
    own: f32,
}

impl FortranRule for K87R {
    const NAME: &'static str = "Second by Schurmann";
    const SUMMARY: &'static str = "Cooperates until provoked, then defects with a probability that follows the last outcome (K87R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let j = call.partner_last;
        if call.move_number == 1 {
            *self = K87R {
                q: 0.5,
                ..K87R::default()
            };
            return 0;
        }
        let outcome = (2 * j) as f32 + self.own + 1.0;
        if self.provoked != 1.0 {
            if j == 0 {
                self.own = 0.0;
                return 0;
            }
            self.provoked = 1.0;
        }
        if outcome <= 1.0 {
            self.q = self.q * 0.57 + 0.43;
        } else if outcome == 4.0 {
            self.q = 0.74 * self.q + 0.104;
        } else {
            self.q *= 0.5;
        }
        if call.random > self.q {
            self.own = 1.0;
            return 1;
        }
        self.own = 0.0;
        0
    }
}

/// The registry entry of [`Schurmann`].
pub(crate) const ENTRY: StrategyEntry = entry::<K87R>();
