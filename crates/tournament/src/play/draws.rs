//! What a match draws from its RNG: its length (for a continuation
//! horizon) and the noise that flips a move.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, Horizon, HorizonKind};

/// Draws a geometric match length with continuation probability `delta`
/// (at least 1, mean `1 / (1 - delta)`) by inversion of the uniform `x` in
/// [0, 1): `n = max(1, ceil(ln(1 - x) / ln(delta)))`, capped at `u32::MAX`.
#[must_use]
pub fn geometric_length(delta: f64, x: f64) -> u32 {
    if delta <= 0.0 {
        return 1;
    }
    let n = ((1.0 - x).ln() / delta.ln()).ceil();
    if n >= f64::from(u32::MAX) {
        u32::MAX
    } else if n >= 1.0 {
        n as u32
    } else {
        1
    }
}

/// The number of rounds of a match: fixed, or drawn from `rng` (one
/// number, as [`play_match`](super::play_match) draws it first).
pub fn draw_length(horizon: Horizon, rng: &mut dyn Rng) -> u32 {
    match horizon.kind() {
        HorizonKind::Fixed { turns } => turns,
        HorizonKind::Continuation { delta } => geometric_length(delta, rng.random::<f64>()),
    }
}

/// Flips `action` with probability `p`, drawing from `rng` only when `p`
/// is positive.
#[inline]
pub(crate) fn tremble(action: Action, p: f64, rng: &mut dyn Rng) -> Action {
    if p > 0.0 && rng.random::<f64>() < p {
        action.flip()
    } else {
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometric_inversion() {
        assert_eq!(geometric_length(0.0, 0.7), 1);
        assert_eq!(geometric_length(0.5, 0.0), 1);
        // P(n <= 1) = 0.5: x just below 0.5 gives 1, just above gives 2.
        assert_eq!(geometric_length(0.5, 0.49), 1);
        assert_eq!(geometric_length(0.5, 0.51), 2);
        assert_eq!(geometric_length(0.5, 0.76), 3);
    }
}
