//! Uncertainty about the partner's win-set and involuntary defection
//! (Iida 1993): A proposes the constrained share computed on an estimate
//! of B's reservation ([`propose`]), and the agreement fails in B when the
//! proposal lies outside B's true win-set. [`involuntary_defection_probability`]
//! gives the probability of that failure in closed form, with its
//! derivation.

use super::{WinSet, Zone};
use crate::error::{ParameterError, check_non_negative};

/// The noise `epsilon` of a negotiator's estimate of the partner's
/// reservation: it sees `R_j + u`, `u` uniform on `[-epsilon, epsilon]`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct EstimateNoise(f64);

impl EstimateNoise {
    /// Perfect knowledge of the partner's win-set.
    pub const NONE: EstimateNoise = EstimateNoise(0.0);

    /// Noise `epsilon`, finite and non-negative (the error names
    /// `epsilon`).
    pub fn new(epsilon: f64) -> Result<Self, ParameterError> {
        check_non_negative("epsilon", epsilon).map(EstimateNoise)
    }

    /// The value `epsilon`.
    #[must_use]
    pub const fn value(self) -> f64 {
        self.0
    }

    /// The estimate `R_j + u` for a uniform number `x` in [0, 1), with
    /// `u = epsilon * (2x - 1)`.
    #[must_use]
    pub fn estimate(self, reservation: f64, x: f64) -> f64 {
        if self.0 == 0.0 {
            reservation
        } else {
            reservation + self.0 * (2.0 * x - 1.0)
        }
    }
}

/// A's proposal: the constrained share of `unconstrained` (`z^u`) in the
/// zone A sees between its own win-set and its estimate `seen_b` of B's
/// reservation, or `None` when that zone is empty (no agreement is
/// reached at Level I).
#[must_use]
pub fn propose(unconstrained: f64, own: WinSet, seen_b: f64) -> Option<f64> {
    Zone::new(own, WinSet::at(seen_b)).clamp(unconstrained)
}

/// The probability that A makes a proposal, `P(u <= g)` with
/// `g = 1 - R_A - R_B` (see [`involuntary_defection_probability`]):
/// `clamp((g + epsilon) / (2 epsilon), 0, 1)`.
#[must_use]
pub fn proposal_probability(r_a: f64, r_b: f64, noise: EstimateNoise) -> f64 {
    uniform_below(1.0 - r_a - r_b, noise.value(), true)
}

/// The probability that A's proposal, computed on its estimate of `R_B`,
/// lies outside B's true win-set (involuntary defection). Reservations are
/// those of win-sets that are not empty, in [0, 1].
///
/// A knows its own reservation `R_A` and sees `R_B + u`, with `u` uniform
/// on `[-epsilon, epsilon]`. With `g = 1 - R_A - R_B` (the width of the
/// true zone, negative when it is empty):
///
/// - A proposes iff the zone it sees is not empty, `R_A <= 1 - (R_B + u)`,
///   that is `u <= g`: probability [`proposal_probability`] =
///   `clamp((g + epsilon) / (2 epsilon), 0, 1)`;
/// - it proposes `z = min(m, 1 - R_B - u)` with `m = max(z^u, R_A)`; B
///   fails to ratify iff `z > 1 - R_B`, that is iff `m > 1 - R_B` and
///   `u < 0`. Together with the proposal condition:
///
/// ```text
/// P(fail) = [max(z^u, R_A) > 1 - R_B] * clamp((min(0, g) + epsilon) / (2 epsilon), 0, 1)
/// ```
///
/// When the true zone is open (`g >= 0`) the failure probability is 1/2
/// if the unconstrained share already exceeds what B can ratify (A then
/// proposes at the edge it sees, and every underestimate of `R_B` fails)
/// and 0 otherwise; when it is empty (`g < 0`) every proposal fails, and
/// one is made with probability `(g + epsilon) / (2 epsilon)`. With
/// `epsilon = 0` nothing fails.
#[must_use]
pub fn involuntary_defection_probability(
    unconstrained: f64,
    r_a: f64,
    r_b: f64,
    noise: EstimateNoise,
) -> f64 {
    if unconstrained.max(r_a) > 1.0 - r_b {
        uniform_below((1.0 - r_a - r_b).min(0.0), noise.value(), false)
    } else {
        0.0
    }
}

/// `P(u < c)` (or `P(u <= c)` when `inclusive`) for `u` uniform on
/// `[-epsilon, epsilon]`; for `epsilon = 0`, whether `0 < c` (or `0 <= c`).
fn uniform_below(c: f64, epsilon: f64, inclusive: bool) -> f64 {
    if epsilon == 0.0 {
        let holds = if inclusive { 0.0 <= c } else { 0.0 < c };
        return if holds { 1.0 } else { 0.0 };
    }
    ((c + epsilon) / (2.0 * epsilon)).clamp(0.0, 1.0)
}
