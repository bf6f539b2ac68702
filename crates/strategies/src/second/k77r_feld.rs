//! Second by Feld: climb a ladder of five rules by the points each brings
//! over twenty moves.
//!
//! Rule: five rules from nicest to meanest: cooperate; tit for tat that
//! forgives a defection with probability 0.25; tit for tat; tit for tat that
//! answers a cooperation with a defection with probability 0.25; defect. It
//! starts with the middle one; every twenty moves it records the points the
//! rule brought and moves to the next meaner rule when that one brought more
//! last time (or, failing that, to the next nicer one, treating the
//! partner's last move as a cooperation on the way). Scott Feld's entry,
//! fifty-fifth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k77r.f`. The Python `axelrod` library has no class for it (its
//! `FirstByFeld` is the first-round rule).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Scott Feld's rule (`K77R`).
pub type Feld = SecondEntry<K77R>;

/// The SAVEd variables of `K77R`.
#[derive(Clone, Debug, Default)]
pub struct K77R {
    /// `JSTR`: the rule in use, 1 (nicest) to 5 (meanest).
    rule: i32,
    /// `KTRY`: the moves played under it.
    tries: i32,
    /// `KEXP`: the points each rule brought over its last twenty moves.
    points: [i32; 5],
    /// `KI`: its score when the rule was chosen.
    score_then: i32,
}

impl FortranRule for K77R {
    const NAME: &'static str = "Second by Feld";
    const SUMMARY: &'static str =
        "Climbs a ladder of five rules, nice to mean, by the points each brings (K77R).";
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let m = call.move_number;
        let mut j = call.partner_last;
        if m <= 1 {
            *self = K77R {
                rule: 3,
                points: [100; 5],
                ..K77R::default()
            };
        }
        if self.tries >= 20 {
            let at = (self.rule - 1).clamp(0, 4) as usize;
            self.points[at] = call.own_score - self.score_then;
            if at < 4 && self.points[at + 1] > self.points[at] {
                self.rule += 1;
            } else if at > 0 && self.points[at - 1] > self.points[at] {
                self.rule -= 1;
                // The Fortran sets its argument JPICK to 0 here.
                j = 0;
            }
            self.score_then = call.own_score;
            self.tries = 0;
        }
        self.tries += 1;
        match self.rule {
            1 => 0,
            2 => i32::from(j != 0 && call.random <= 0.75),
            3 => j,
            4 => i32::from(j == 1 || call.random > 0.75),
            _ => 1,
        }
    }
}

/// The registry entry of [`Feld`].
pub(crate) const ENTRY: StrategyEntry = entry::<K77R>();
