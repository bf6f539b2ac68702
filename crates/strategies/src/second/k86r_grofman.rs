//! Second by Grofman: tit for tat at first, then answer the partner's
//! defections over the last seven moves, more patiently after its own
//! cooperation.
//!
//! Rule: cooperate on the first two moves; tit for tat on moves 3 to 7;
//! afterwards count the partner's defections in its `J`s of the seven
//! previous calls (its moves two to eight moves back): after its own
//! cooperation defect when there are more than two, after its own defection
//! when there are more than one. Bernard Grofman's entry, twenty-eighth in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k86r.f` (whose
//! record of the partner holds 999 moves; here it has no limit). The Python
//! `axelrod` library's `SecondByGrofman` plays the same moves on every game
//! of the fixture (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Bernard Grofman's rule (`K86R`).
pub type Grofman = SecondEntry<K86R>;

/// The SAVEd variables of `K86R`.
#[derive(Clone, Debug, Default)]
pub struct K86R {
    /// `IOPPNT`: the partner's `J`s of the seven previous calls, oldest
    /// first.
    previous: [i32; 7],
}

impl FortranRule for K86R {
    const NAME: &'static str = "Second by Grofman";
    const SUMMARY: &'static str =
        "Tit for tat, then answers the partner's defections of the last seven moves (K86R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 1 {
            self.previous = [0; 7];
        }
        let recent: i32 = self.previous.iter().sum();
        self.previous.rotate_left(1);
        self.previous[6] = j;
        if m <= 2 {
            return 0;
        }
        if m <= 7 {
            return j;
        }
        let limit = if call.own_last == 0 { 2 } else { 1 };
        i32::from(recent > limit)
    }
}

/// The registry entry of [`Grofman`].
pub(crate) const ENTRY: StrategyEntry = entry::<K86R>();
