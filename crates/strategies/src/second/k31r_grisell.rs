//! Second by Grisell: go by majority.
//!
//! Rule: defect when the partner's defections are at least half of the moves
//! so far (the move number), cooperate otherwise. Gail Grisell's entry,
//! twenty-third in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k31r.f`. The Python `axelrod` library lists `GoByMajority` for it: the
//! same rule, since the first move's `J = 0` counts as one cooperation, so
//! that the Fortran's "at least half of the move number" is "more defections
//! than cooperations".

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Gail Grisell's rule (`K31R`).
pub type Grisell = SecondEntry<K31R>;

/// The SAVEd variables of `K31R`.
#[derive(Clone, Debug, Default)]
pub struct K31R {
    /// `S`: the partner's defections (a REAL).
    defections: f32,
}

impl FortranRule for K31R {
    const NAME: &'static str = "Second by Grisell";
    const SUMMARY: &'static str =
        "Defects when the partner defected on at least half of the moves so far (K31R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.defections = 0.0;
        }
        self.defections += call.partner_last as f32;
        i32::from(self.defections / call.move_number as f32 >= 0.5)
    }
}

/// The registry entry of [`Grisell`].
pub(crate) const ENTRY: StrategyEntry = entry::<K31R>();
