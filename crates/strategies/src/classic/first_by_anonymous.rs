//! First by Anonymous: cooperates with a probability drawn between 30% and
//! 70% each round.
//!
//! Rule: each round draw `r` uniformly from [0.3, 0.7] and cooperate with
//! probability `r` (so the overall cooperation rate is 0.5). Axelrod (1980)
//! describes a graduate student's entry whose adjustments "frequently left
//! the probability of cooperation in the 30% to 70% range"; this is
//! `FirstByAnonymous` in the Python `axelrod` library, which implements that
//! last sentence only.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::draw::random_choice;
use crate::registry::{StrategyEntry, default_build};

/// Cooperates with a fresh probability between 0.3 and 0.7 each round.
#[derive(Clone, Debug, Default)]
pub struct FirstByAnonymous;

impl Strategy for FirstByAnonymous {
    fn name(&self) -> &str {
        "First by Anonymous"
    }

    fn classifier(&self) -> Classifier {
        Classifier::stochastic(Some(0))
    }

    fn decide(&mut self, _view: &View<'_>, rng: &mut dyn Rng) -> Action {
        let probability = (3.0 + 4.0 * rng.random::<f64>()) / 10.0;
        random_choice(probability, rng)
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`FirstByAnonymous`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Anonymous",
    "Cooperates with a fresh probability between 0.3 and 0.7 each round.",
    default_build::<FirstByAnonymous, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_cooperation_rate, assert_replays_identically};
    use crate::classic::Cooperator;

    #[test]
    fn cooperates_half_of_the_time() {
        assert_cooperation_rate(&mut FirstByAnonymous, &mut Cooperator, 0.5, 20_000, 21);
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut FirstByAnonymous, &mut Cooperator, 4);
    }
}
