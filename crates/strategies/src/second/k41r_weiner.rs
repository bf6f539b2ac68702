//! Second by Weiner: tit for tat that forgives an isolated defection once in
//! a while and defects while the partner defected often lately.
//!
//! Rule: tit for tat, walking three cases: after a defection it moves to the
//! second case; a second defection sends it back to the first, a cooperation
//! to the third, where it answers a defection (the pattern D C D) with a
//! cooperation if it has not forgiven within the last 20 moves (each
//! forgiven defection pushes the next forgiveness 20 moves away). Whatever
//! the case, it defects while the partner defected at least five times in
//! the twelve moves before the last. Herb Weiner's entry, seventh in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k41r.f`. The Python
//! `axelrod` library's `SecondByWeiner` differs: on one game of the fixture
//! (against a random partner) it cooperates on move 34 where the Fortran
//! defects; on the other thirteen it plays the same moves
//! (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Herb Weiner's rule (`K41R`).
pub type Weiner = SecondEntry<K41R>;

/// The SAVEd variables of `K41R`.
#[derive(Clone, Debug, Default)]
pub struct K41R {
    /// `ICASE`: 1, 2 or 3 (0 before the first move).
    case: i32,
    /// `IFORGV`: the move number before which it does not forgive.
    forgive_after: i32,
    /// `LAST`: the partner's last twelve `J`s, oldest first.
    last: [i32; 12],
}

impl FortranRule for K41R {
    const NAME: &'static str = "Second by Weiner";
    const SUMMARY: &'static str =
        "Tit for tat that sometimes forgives D C D and defects while the partner often did (K41R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            self.case = 1;
            self.forgive_after = 0;
            self.last = [0; 12];
        }
        let mut choice = j;
        match self.case {
            2 => self.case = if j == 1 { 1 } else { 3 },
            3 => {
                if self.forgive_after < m {
                    choice = 0;
                }
                self.forgive_after += 20 * j;
                self.case = 1;
            }
            // Case 1 (a computed GOTO out of range would fall through to
            // it too).
            _ => self.case = j + 1,
        }
        let recent: i32 = self.last.iter().sum();
        self.last.rotate_left(1);
        self.last[11] = j;
        if recent >= 5 {
            choice = 1;
        }
        choice
    }
}

/// The registry entry of [`Weiner`].
pub(crate) const ENTRY: StrategyEntry = entry::<K41R>();
