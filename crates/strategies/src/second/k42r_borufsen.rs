//! Second by Borufsen: tit for tat that breaks echoes and mutual defection,
//! and defects against a partner that looks random or defective.
//!
//! Rule: tit for tat, except that after three moves of mutual defection it
//! cooperates once, and after three echoes (each player answering the
//! other's previous move with the opposite of its own) it turns its next
//! defection into a cooperation. Every 25 moves (on moves 27, 52, ...) it
//! looks at how the partner answered its moves since the last check: if the
//! partner cooperated more than 17 times it is fine; with 8 to 17
//! cooperations, of which under 70 % came after its own cooperation, or with
//! fewer than 3, the partner is "random" or "defective" and it defects for
//! the next 25 moves. Otto Borufsen's entry, third in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k42r.f`. The Python `axelrod`
//! library's `SecondByBorufsen` plays the same moves on every game of the
//! fixture (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Otto Borufsen's rule (`K42R`).
pub type Borufsen = SecondEntry<K42R>;

/// The SAVEd variables of `K42R`.
#[derive(Clone, Debug, Default)]
pub struct K42R {
    /// `L3MOV`: consecutive mutual defections.
    mutual_defections: i32,
    /// `L3ECH`: consecutive echoes.
    echoes: i32,
    /// `IDEF`: the partner was found random or defective at the last check.
    defective: i32,
    /// `ICOOP`: the next defection is to be a cooperation.
    forgive_next: i32,
    /// `IPICK`: its own move one move ago.
    own_last: i32,
    /// `I2PCK`: its own move two moves ago.
    own_before: i32,
    /// `J2PCK`: the partner's move two moves ago.
    partner_before: i32,
    /// `MHIST(i, j)`: the partner's move `j` after its own move `i`, since
    /// the last check.
    answers: [[i32; 2]; 2],
}

impl K42R {
    /// The check on every 25th move: whether the partner seems random or
    /// defective. Clears the counts.
    fn partner_is_defective(&mut self) -> bool {
        let cooperations = self.answers[0][0] + self.answers[1][0];
        let defective = if cooperations > 17 {
            false
        } else if cooperations < 8 {
            cooperations < 3
        } else {
            100 * self.answers[0][0] / cooperations < 70
        };
        self.answers = [[0; 2]; 2];
        defective
    }
}

impl FortranRule for K42R {
    const NAME: &'static str = "Second by Borufsen";
    const SUMMARY: &'static str =
        "Tit for tat that breaks echoes and mutual defection, and punishes random partners (K42R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        let mut choice;
        if m == 1 {
            *self = K42R::default();
            choice = 0;
        } else {
            if m != 2 {
                self.answers[self.own_before as usize & 1][j as usize & 1] += 1;
            }
            if self.defective != 0 {
                choice = 1;
            } else if self.own_last != 0 && j != 0 {
                self.mutual_defections += 1;
                if self.mutual_defections < 3 {
                    choice = j;
                } else {
                    choice = 0;
                    self.mutual_defections = 0;
                    self.echoes = 0;
                }
            } else {
                self.mutual_defections = 0;
                if self.own_last != j
                    && j == self.own_before
                    && self.own_last == self.partner_before
                {
                    self.echoes += 1;
                    if self.echoes >= 3 {
                        self.echoes = 0;
                        self.mutual_defections = 0;
                        self.forgive_next = 1;
                    }
                } else {
                    self.echoes = 0;
                }
                choice = j;
            }
            if (m - 2) % 25 == 0 && m != 2 {
                self.defective = 0;
                if self.partner_is_defective() {
                    self.defective = 1;
                    self.forgive_next = 0;
                    self.mutual_defections = 0;
                    self.echoes = 0;
                    choice = 1;
                }
            }
        }
        if self.forgive_next != 0 && choice != 0 {
            self.forgive_next = 0;
            choice = 0;
        }
        self.own_before = self.own_last;
        self.partner_before = j;
        self.own_last = choice;
        choice
    }
}

/// The registry entry of [`Borufsen`].
pub(crate) const ENTRY: StrategyEntry = entry::<K42R>();
