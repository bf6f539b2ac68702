//! Random: cooperates with a fixed probability, ignoring the partner.
//!
//! Rule: each round, cooperate with probability `p` (default 0.5). Random was
//! the fifteenth entry of Axelrod's first tournament (Axelrod 1980); `Random`
//! in the Python `axelrod` library, named `"Random: <p>"`. As there, no
//! random number is drawn when `p` is 0 or 1, and the player then counts as
//! deterministic.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, ParameterError, Strategy, View};

use crate::draw::random_choice;
use crate::python_format::python_float;
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Cooperates with probability `p` each round.
#[derive(Clone, Debug)]
pub struct Random {
    p: f64,
    name: String,
}

impl Random {
    /// A player that cooperates with probability `p`.
    ///
    /// # Errors
    ///
    /// `p` must be a probability in [0, 1].
    pub fn new(p: f64) -> Result<Self, ParameterError> {
        let p = twolevel_game::error::check_unit_interval("p", p)?;
        Ok(Random {
            p,
            name: format!("Random: {}", python_float(p)),
        })
    }

    /// The probability of cooperating.
    #[must_use]
    pub fn p(&self) -> f64 {
        self.p
    }
}

impl Default for Random {
    /// A fair coin, `p = 0.5`.
    fn default() -> Self {
        Random {
            p: 0.5,
            name: "Random: 0.5".to_owned(),
        }
    }
}

impl Strategy for Random {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        if self.p == 0.0 || self.p == 1.0 {
            Classifier::deterministic(Some(0))
        } else {
            Classifier::stochastic(Some(0))
        }
    }

    fn decide(&mut self, _view: &View<'_>, rng: &mut dyn Rng) -> Action {
        random_choice(self.p, rng)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        MemoryOnePlayer::new([self.p; 4], self.p).ok()
    }
}

/// The registry entry of [`Random`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Random",
    "Cooperates with probability `p` each round.",
    |params| params.finish(Random::new(params.number("p"))),
)
.with_params(&[ParamSpec::new(
    "p",
    ParamKind::probability(0.5),
    "The probability of cooperating.",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_cooperation_rate, assert_replays_identically};
    use crate::classic::{Cooperator, Defector};

    #[test]
    fn cooperation_rate_matches_p() {
        for p in [0.1, 0.5, 0.8] {
            let mut random = Random::new(p).unwrap();
            assert_cooperation_rate(&mut random, &mut Cooperator, p, 20_000, 7);
        }
    }

    #[test]
    fn extreme_probabilities_are_deterministic() {
        let mut never = Random::new(0.0).unwrap();
        assert_eq!(never.name(), "Random: 0.0");
        assert!(!never.classifier().stochastic);
        assert_cooperation_rate(&mut never, &mut Cooperator, 0.0, 1_000, 1);
        let mut always = Random::new(1.0).unwrap();
        assert_eq!(always.name(), "Random: 1.0");
        assert_cooperation_rate(&mut always, &mut Defector, 1.0, 1_000, 1);
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut Random::default(), &mut Defector, 3);
    }

    #[test]
    fn rejects_probabilities_outside_the_unit_interval() {
        assert_eq!(Random::new(1.5).unwrap_err().field, "p");
        assert!(Random::new(f64::NAN).is_err());
        assert_eq!(Random::default().name(), "Random: 0.5");
    }
}
