//! First by Joss: Tit For Tat that sneaks in defections.
//!
//! Rule: cooperate first; after a partner cooperation cooperate with
//! probability `p` (0.9 by default); after a partner defection defect.
//! Johann Joss's entry, twelfth in Axelrod's first tournament (Axelrod
//! 1980); `FirstByJoss` in the Python `axelrod` library (a memory-one player
//! with four-vector `(p, 0, p, 0)`), named `"First by Joss: 0.9"`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, ParameterError, Strategy, View};

use crate::draw::reactive_choice;
use crate::python_format::python_float;
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Copies a defection, answers a cooperation with probability `p`.
#[derive(Clone, Debug)]
pub struct FirstByJoss {
    p: f64,
    name: String,
}

impl FirstByJoss {
    /// A player that cooperates after a partner cooperation with
    /// probability `p`.
    ///
    /// # Errors
    ///
    /// `p` must be a probability in [0, 1].
    pub fn new(p: f64) -> Result<Self, ParameterError> {
        let p = twolevel_game::error::check_unit_interval("p", p)?;
        Ok(FirstByJoss {
            p,
            name: format!("First by Joss: {}", python_float(p)),
        })
    }
}

impl Default for FirstByJoss {
    /// Cooperation with probability 0.9, as in Axelrod's report.
    fn default() -> Self {
        FirstByJoss {
            p: 0.9,
            name: "First by Joss: 0.9".to_owned(),
        }
    }
}

impl Strategy for FirstByJoss {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier::stochastic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        reactive_choice(view, self.p, 0.0, rng)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        MemoryOnePlayer::reactive(1.0, self.p, 0.0).ok()
    }
}

/// The registry entry of [`FirstByJoss`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Joss",
    "Copies a defection, answers a cooperation with probability `p`.",
    |params| params.finish(FirstByJoss::new(params.number("p"))),
)
.with_aliases(&["Joss"])
.with_params(&[ParamSpec::new(
    "p",
    ParamKind::probability(0.9),
    "The probability of answering a cooperation with a cooperation.",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::classic::{Cooperator, Defector};
    use crate::testing::{play, play_seeded};

    #[test]
    fn answers_defection_with_defection() {
        assert_eq!(
            play(&mut FirstByJoss::default(), &mut Defector, 5).0,
            "CDDDD"
        );
    }

    #[test]
    fn cooperates_with_probability_p_after_cooperation() {
        let (moves, _) = play_seeded(&mut FirstByJoss::default(), &mut Cooperator, 20_001, 4);
        assert_binomial(&moves[1..], 0.9);
        let mut half = FirstByJoss::new(0.5).unwrap();
        assert_eq!(half.name(), "First by Joss: 0.5");
        let (moves, _) = play_seeded(&mut half, &mut Cooperator, 20_001, 5);
        assert_binomial(&moves[1..], 0.5);
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut FirstByJoss::default(), &mut Cooperator, 6);
        assert!(FirstByJoss::new(1.1).is_err());
    }
}
