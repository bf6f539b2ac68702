//! Second by Jones: tit for tat while the partner keeps up, otherwise a
//! two-move look-ahead over the partner's estimated answers.
//!
//! Rule: tit for tat on the first four moves (eight if the partner defected
//! on move 1). Afterwards it counts, for each of the eight patterns of the
//! last three moves (its own and the partner's, as a register of bits), how
//! often the partner cooperated next; while the partner's score does not
//! exceed its own by more than a margin (25, growing by one every ten moves,
//! when those counts are also multiplied by 9) and the partner is not in a
//! run of defections it answers, it scores each of its next two moves by the
//! estimated payoffs and plays the first move of the best pair (D when the
//! best is one of the last four). Runs of partner defections (up to five,
//! and eight or nine) and a special case for a twin (both scores 237 on move
//! 81, then D and C in blocks) are handled as in the Fortran. Martyn Jones's
//! entry, forty-third in Axelrod's second tournament (Axelrod 1980b);
//! Fortran `k81r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Martyn Jones's rule (`K81R`).
pub type Jones = SecondEntry<K81R>;

/// The SAVEd variables of `K81R` (`T*`, `S1` REALs, as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K81R {
    /// `L4(c, 1)`: the partner's cooperations after each pattern;
    /// `L4(c, 2)`: the times each pattern was seen.
    l4: [[f32; 2]; 8],
    /// `T0`: the twin case holds.
    t0: f32,
    /// `T4`: the register of the last moves.
    t4: i32,
    /// `T5`: the register before the last move.
    t5: i32,
    /// `T6`: the margin the partner's score may run ahead by.
    t6: f32,
    /// `T8`: the partner's current run of defections.
    t8: f32,
    /// `T9`: the first move of the look-ahead (5, or 9).
    t9: f32,
    /// `X`: the scores of the eight pairs of moves.
    x: [f32; 8],
    /// `S1`: the best pair.
    s1: f32,
}

impl K81R {
    /// `A` and `B` (the estimated payoffs of cooperating and defecting)
    /// for the pattern `d4` (the Fortran's "GOSUB 1200").
    fn payoffs(&self, d4: i32) -> (f32, f32) {
        let d4 = d4.clamp(0, 7) as usize;
        let a1 = self.l4[d4][0];
        let mut a2 = self.l4[d4][1];
        if a2 == 0.0 {
            a2 = 1.0;
        }
        let a3 = a1 / a2;
        let a = 3.0 * a3;
        (a, a + a3 + 1.0)
    }

    /// Label 900: add the second move's payoffs to the pairs' scores.
    fn add_second_move(&mut self, e: [usize; 4], f: [usize; 4]) {
        if self.t4 > 4 {
            self.t4 -= 4;
        }
        self.t4 *= 2;
        for c in 1..=8 {
            let mut d4 = self.t4;
            if e.contains(&c) {
                d4 = self.t4 + 1;
            }
            if d4 == 9 {
                d4 = 1;
            }
            if d4 > 7 {
                d4 -= 8;
            }
            let (a, b) = self.payoffs(d4);
            self.x[c - 1] += if f.contains(&c) { b } else { a };
        }
    }

    /// Label 564: tit for tat when behind, the look-ahead otherwise.
    fn look_ahead(&mut self, call: &Call) -> i32 {
        if call.partner_score as f32 > call.own_score as f32 + self.t6 {
            return call.partner_last;
        }
        let mut d4 = self.t4;
        if d4 > 7 {
            d4 -= 8;
        }
        let (a, b) = self.payoffs(d4);
        self.x = [a, a, a, a, b, b, b, b];
        self.add_second_move([5, 6, 7, 8], [3, 4, 7, 8]);
        self.add_second_move([3, 4, 7, 8], [2, 4, 6, 8]);
        let mut best = 0.0f32;
        for (c, &x) in self.x.iter().enumerate() {
            if x <= best {
                continue;
            }
            best = x;
            self.s1 = (c + 1) as f32;
        }
        i32::from(self.s1 >= 5.0)
    }

    /// Labels 1020 to 1080: the partner's runs of defections.
    fn runs(&mut self, call: &Call) -> i32 {
        if call.partner_last == 1 {
            self.t8 += 1.0;
            if (8.0..=9.0).contains(&self.t8) {
                return 0;
            }
            if self.t8 > 1.0 {
                self.t8 = 1.0;
            }
            return self.look_ahead(call);
        }
        if self.t8 >= 0.0 && self.t8 < 6.0 {
            self.t8 = 0.0;
            return self.look_ahead(call);
        }
        if self.t8 > 0.0 {
            self.t8 = -200.0;
        }
        self.t8 += 1.0;
        0
    }

    /// Labels 1270 to 1285: the twin's blocks of D and C.
    fn twin(&mut self, call: &Call) -> i32 {
        if call.partner_last == 1 {
            self.t0 = 0.0;
            return self.runs(call);
        }
        let m = call.move_number as f32;
        let mut t2 = 0.0f32;
        while t2 <= m {
            if m > 80.0 + t2 && m < 140.0 + t2 {
                return 1;
            }
            if m >= 140.0 + t2 && m <= 180.0 + t2 {
                return 0;
            }
            t2 += 100.0;
        }
        0
    }
}

impl FortranRule for K81R {
    const NAME: &'static str = "Second by Jones";
    const SUMMARY: &'static str =
        "Tit for tat while the partner keeps up, else a two-move look-ahead on its answers (K81R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 81 && call.own_score == call.partner_score && call.own_score == 237 {
            self.t0 = 1.0;
        }
        if m == 1 {
            *self = K81R {
                t6: 25.0,
                t9: 5.0,
                ..K81R::default()
            };
        }
        if m == 2 && j == 1 {
            self.t9 = 9.0;
        }
        let choice = if (m as f32) < self.t9 {
            j
        } else {
            if self.t5 > 7 {
                self.t5 -= 8;
            }
            if j == 0 {
                self.l4[self.t5.clamp(0, 7) as usize][0] += 1.0;
            }
            if self.t9 == 9.0 && self.t0 == 1.0 {
                self.twin(call)
            } else {
                self.runs(call)
            }
        };
        // Label 810: update the register and the counts.
        self.t5 = self.t4;
        if m % 10 == 0 {
            for row in &mut self.l4 {
                row[0] *= 9.0;
            }
            self.t6 += 1.0;
        }
        if self.t4 > 7 {
            self.t4 -= 8;
        }
        if m > 3 {
            self.l4[self.t4.clamp(0, 7) as usize][1] += 1.0;
        }
        if self.t4 > 4 {
            self.t4 -= 4;
        }
        self.t4 = self.t4 * 2 + choice;
        choice
    }
}

/// The registry entry of [`Jones`].
pub(crate) const ENTRY: StrategyEntry = entry::<K81R>();
