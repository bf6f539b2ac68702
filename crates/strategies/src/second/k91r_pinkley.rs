//! Second by Pinkley: estimate how the partner answers each outcome and play
//! the best of eleven policies against it.
//!
//! Rule: keep, for each outcome of the last move (its own move and the
//! partner's), an estimate of the partner's probability of cooperating next
//! (`x`, `z`, `y`, `w`, with strong priors: the partner cooperates after
//! mutual cooperation and after its own defection against a cooperation, and
//! defects otherwise); every move compute the expected payoff of eleven
//! policies (each a move for each outcome) from the stationary play they
//! would lead to, and play the best one's move for the last outcome.
//! Jonathan Pinkley's entry, thirtieth in Axelrod's second tournament
//! (Axelrod 1980b), "modified from K15C" (a first-round rule); Fortran
//! `k91r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Jonathan Pinkley's rule (`K91R`).
pub type Pinkley = SecondEntry<K91R>;

/// `IPOL(policy, outcome)`: each policy's move after each outcome
/// (`2 * own + partner + 1`), as the Fortran's DATA statement lays it out.
const POLICIES: [[i32; 4]; 11] = [
    [0, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 1, 0, 1],
    [0, 1, 1, 0],
    [1, 0, 0, 0],
    [1, 0, 0, 1],
    [1, 0, 1, 0],
    [1, 1, 0, 0],
    [1, 1, 0, 1],
    [1, 1, 1, 0],
    [1, 1, 1, 1],
];

/// The SAVEd variables of `K91R` (REALs as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K91R {
    /// `X`, `PX`: cooperation after mutual cooperation, and its complement.
    x: f32,
    px: f32,
    /// `Y`, `PY`: cooperation after its defection against a cooperation.
    y: f32,
    py: f32,
    /// `Z`, `PZ`: cooperation after its cooperation against a defection.
    z: f32,
    pz: f32,
    /// `W`: cooperation after mutual defection.
    w: f32,
    /// `PW`: the complement of `W`'s prior (never updated in the code).
    pw: f32,
    /// `QC`: the partner's cooperations after each outcome (with priors).
    qc: [f32; 4],
    /// `QN`: the moves after each outcome (with priors).
    qn: [f32; 4],
    /// `N`: the last outcome, 1 to 4.
    outcome: i32,
    /// `IOLD`: its own previous move.
    old: i32,
}

impl K91R {
    /// The expected payoffs of the eleven policies (label 100).
    #[allow(clippy::many_single_char_names)]
    fn expectations(&self) -> [f32; 11] {
        let (x, px, y, py, z, pz, w, pw) = (
            self.x, self.px, self.y, self.py, self.z, self.pz, self.w, self.pw,
        );
        [
            (3.0 * z) / (z + px),
            (3.0 * (y * z + w * pz) + 5.0 * z * px + px * pz)
                / (y * z + w * pz + px + z * px + px * pz),
            (3.0 * w * y + 5.0 * w * px + px * pz) / (w * y + 2.0 * w * px + px * pz),
            (3.0 * w * py + 5.0 * z * px + px * py) / (w * py + px * py + z * px + px * py),
            (3.0 * z + 5.0 * x * z + z * px) / (1.0 - x * y - w * px + 2.0 * z),
            (8.0 * w * z + z * px) / (2.0 * w * z + w * py + z * px),
            (3.0 * z * py + 5.0 * x * z + z * py) / (2.0 * z * py + pw * py + x * z),
            (3.0 * (y * z + w * pz) + 5.0 * (z * pw + w * x) + 1.0 - x * y - z * py)
                / (y * z + w * pz + 2.0 - 2.0 * x * y - w * px + z * pw + w * x - z * py),
            (3.0 * w * y + 5.0 * w + 1.0 - x * y - z * py) / (2.0 * w + 1.0 - x * y - z * py),
            (3.0 * w * py + 5.0 * (z * pw + w * x) + py) / (py + z * pw + w * x + py),
            (5.0 * w + py) / (w + py),
        ]
    }
}

impl FortranRule for K91R {
    const NAME: &'static str = "Second by Pinkley";
    const SUMMARY: &'static str = "Estimates the partner's answers to each outcome and plays the best of eleven policies (K91R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m == 1 {
            *self = K91R {
                x: 0.999,
                px: 0.001,
                y: 0.001,
                py: 0.999,
                z: 0.999,
                pz: 0.001,
                w: 0.001,
                pw: 0.999,
                qc: [1.999, 1.999, 0.001, 0.001],
                qn: [2.0; 4],
                ..K91R::default()
            };
        } else if m > 2 {
            let n = (self.outcome - 1).clamp(0, 3) as usize;
            if j == 0 {
                self.qc[n] += 1.0;
            }
            self.qn[n] += 1.0;
            match self.outcome {
                2 => {
                    self.z = self.qc[1] / self.qn[1];
                    self.pz = 1.0 - self.z;
                }
                3 => {
                    self.y = self.qc[2] / self.qn[2];
                    self.py = 1.0 - self.y;
                }
                4 => self.w = self.qc[3] / self.qn[3],
                // Outcome 1 (and the fall-through of an out-of-range
                // computed GOTO).
                _ => {
                    self.x = self.qc[0] / self.qn[0];
                    self.px = 1.0 - self.x;
                }
            }
        }
        let expectations = self.expectations();
        let mut best = 0;
        let mut best_value = expectations[0];
        for (i, &value) in expectations.iter().enumerate().skip(1) {
            if value <= best_value {
                continue;
            }
            best = i;
            best_value = value;
        }
        self.outcome = 2 * self.old + j + 1;
        let choice = POLICIES[best][(self.outcome - 1).clamp(0, 3) as usize];
        self.old = choice;
        choice
    }
}

/// The registry entry of [`Pinkley`].
pub(crate) const ENTRY: StrategyEntry = entry::<K91R>();
