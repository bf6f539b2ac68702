//! Second by Kluepfel: answer in kind with probabilities that grow with the
//! partner's runs, and defect against a partner that seems random.
//!
//! Rule: after move 26, defect if the partner seems random: it cooperated
//! after its own defections and defected after its own cooperations at least
//! about as often as a coin would (the counts within 1.5 standard deviations
//! below half). Otherwise copy the partner's last move for sure after three
//! equal moves in a row, with probability 0.9 after two, and after a single
//! move with probability 0.6 if it was a defection, 0.7 if a cooperation
//! (doing the opposite otherwise). Charles Kluepfel's entry, tenth in
//! Axelrod's second tournament (Axelrod 1980b); Fortran `k32r.f`. The Python
//! `axelrod` library's `SecondByKluepfel` (stochastic, so compared by rates)
//! cooperates as often as the Fortran against Cooperator, Defector and
//! Alternator (200 moves, 150 games each; Fortran and `axelrod` rates 0.008
//! and 0.007 against Defector, 0.177 and 0.212 against Alternator, all
//! within 2.3 standard errors).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Charles Kluepfel's rule (`K32R`).
pub type Kluepfel = SecondEntry<K32R>;

/// The SAVEd variables of `K32R` (REALs as `f32`, as in the Fortran).
#[derive(Clone, Debug, Default)]
pub struct K32R {
    /// `C1`: the partner's cooperations after its own defection.
    c1: f32,
    /// `C2`: the partner's defections after its own defection.
    c2: f32,
    /// `C3`: the partner's cooperations after its own cooperation.
    c3: f32,
    /// `C4`: the partner's defections after its own cooperation.
    c4: f32,
    /// `J2`: the partner's move three moves ago.
    j2: i32,
    /// `J1`: the partner's move two moves ago.
    j1: i32,
    /// `I2`: its own move two moves ago.
    i2: i32,
    /// `I1`: its own previous move.
    i1: i32,
}

impl K32R {
    /// Whether the partner's answers look random (label 540 onwards).
    fn partner_seems_random(&self) -> bool {
        let after_defection = self.c1 + self.c2;
        let after_cooperation = self.c3 + self.c4;
        self.c1 >= (after_defection - 1.5 * after_defection.sqrt()) / 2.0
            && self.c4 >= (after_cooperation - 1.5 * after_cooperation.sqrt()) / 2.0
    }
}

impl FortranRule for K32R {
    const NAME: &'static str = "Second by Kluepfel";
    const SUMMARY: &'static str = "Answers in kind with probabilities growing with the partner's runs; defects against random (K32R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        let mut choice = None;
        if m <= 1 {
            *self = K32R::default();
        } else if m > 2 {
            match (self.i2 == 0, j == 0) {
                (false, true) => self.c1 += 1.0,
                (false, false) => self.c2 += 1.0,
                (true, true) => self.c3 += 1.0,
                (true, false) => self.c4 += 1.0,
            }
            if m >= 27 && self.partner_seems_random() {
                choice = Some(1);
            }
        }
        let choice = choice.unwrap_or_else(|| {
            let p: f32 = if self.j1 != j {
                if j == 1 { 0.6 } else { 0.7 }
            } else if self.j2 != self.j1 {
                0.9
            } else {
                return j;
            };
            if call.random < p { j } else { 1 - j }
        });
        self.j2 = self.j1;
        self.j1 = j;
        self.i2 = self.i1;
        self.i1 = choice;
        choice
    }
}

/// The registry entry of [`Kluepfel`].
pub(crate) const ENTRY: StrategyEntry = entry::<K32R>();
