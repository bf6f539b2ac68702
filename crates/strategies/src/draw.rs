//! How a stochastic strategy draws its move from a probability of
//! cooperating: [`random_choice`], the draw of every memory-one strategy,
//! which the match engine's memory-one fast path uses too, and the move of
//! a reactive strategy.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, View};

/// Returns `C` with probability `p` and `D` otherwise, after `axelrod`'s
/// `random_choice`: no random number is drawn when `p` is 0 or 1, and a
/// single uniform draw `r` gives `C` exactly when `r < p`.
///
/// This is the draw of every memory-one strategy
/// ([`Strategy::memory_one`](twolevel_game::Strategy::memory_one)), and the
/// match engine's memory-one fast path plays such strategies with it.
#[inline]
pub fn random_choice(p: f64, rng: &mut dyn Rng) -> Action {
    if p <= 0.0 {
        return Action::D;
    }
    if p >= 1.0 {
        return Action::C;
    }
    if rng.random::<f64>() < p {
        Action::C
    } else {
        Action::D
    }
}

/// The move of a reactive strategy, which looks only at the partner's last
/// move (`axelrod`'s memory-one player with the four-vector
/// `(after_cooperation, after_defection, after_cooperation,
/// after_defection)`): cooperate first, then cooperate with probability
/// `after_cooperation` after a partner cooperation and `after_defection`
/// after a partner defection, drawn as [`random_choice`] draws.
pub(crate) fn reactive_choice(
    view: &View<'_>,
    after_cooperation: f64,
    after_defection: f64,
    rng: &mut dyn Rng,
) -> Action {
    match view.partner_last() {
        None => Action::C,
        Some(Action::C) => random_choice(after_cooperation, rng),
        Some(Action::D) => random_choice(after_defection, rng),
    }
}
