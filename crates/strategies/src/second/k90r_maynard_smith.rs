//! Second by Maynard Smith: tit for two tats.
//!
//! Rule: defect only after two partner defections in a row. John Maynard
//! Smith's entry, twenty-fourth in Axelrod's second tournament (Axelrod
//! 1980b), as in the first round; Fortran `k90r.f`. The Python `axelrod`
//! library plays it as `TitFor2Tats`, with the same moves.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// John Maynard Smith's tit for two tats (`K90R`).
pub type MaynardSmith = SecondEntry<K90R>;

/// The SAVEd variables of `K90R`.
#[derive(Clone, Debug, Default)]
pub struct K90R {
    /// `JOLD`: the partner's move before its last.
    before: i32,
}

impl FortranRule for K90R {
    const NAME: &'static str = "Second by Maynard Smith";
    const SUMMARY: &'static str = "Tit for two tats (K90R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        if call.move_number == 1 {
            self.before = 0;
        }
        let choice = i32::from(self.before == 1 && call.partner_last == 1);
        self.before = call.partner_last;
        choice
    }
}

/// The registry entry of [`MaynardSmith`].
pub(crate) const ENTRY: StrategyEntry = entry::<K90R>();
