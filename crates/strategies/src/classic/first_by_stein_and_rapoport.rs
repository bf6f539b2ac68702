//! First by Stein and Rapoport: Tit For Tat that defects against a random
//! partner and at the end.
//!
//! Rule: cooperate in the first four rounds; then Tit For Tat, except that
//! every fifteen rounds (rounds 15, 30, ...) it runs a chi-squared test of
//! the partner's cooperations and defections against a fair coin, and while
//! the last test did not reject randomness (p-value at least `alpha`, 0.05
//! by default) it defects. It defects in the last two rounds. William Stein
//! and Amnon Rapoport's entry, sixth in Axelrod's first tournament (Axelrod
//! 1980); `FirstBySteinAndRapoport` in the Python `axelrod` library, named
//! `"First by Stein and Rapoport: 0.05: (D, D)"`.
//!
//! The final defections need the match length; with
//! [`Situation::known_length`](twolevel_game::Situation::known_length) `None` there are none, as in an `axelrod` match
//! with a probabilistic end.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use super::support::{MoveCounts, RandomnessTest, defect_in_final_rounds, python_float};
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// The opening cooperations.
const OPENING_COOPERATIONS: usize = 4;
/// The randomness test runs every this many rounds.
const TEST_PERIOD: usize = 15;
/// Defections at the end of a match of known length.
const FINAL_DEFECTIONS: usize = 2;

/// Tit For Tat with a periodic randomness test and a defecting end.
#[derive(Clone, Debug)]
pub struct FirstBySteinAndRapoport {
    randomness: RandomnessTest,
    name: String,
    partner_is_random: bool,
    partner: MoveCounts,
}

impl FirstBySteinAndRapoport {
    /// A player whose randomness test has significance level `alpha`.
    ///
    /// # Errors
    ///
    /// `alpha` must be a probability in [0, 1].
    pub fn new(alpha: f64) -> Result<Self, ParameterError> {
        let alpha = twolevel_game::error::check_unit_interval("alpha", alpha)?;
        Ok(FirstBySteinAndRapoport {
            randomness: RandomnessTest::new(alpha),
            name: format!(
                "First by Stein and Rapoport: {}: (D, D)",
                python_float(alpha)
            ),
            partner_is_random: false,
            partner: MoveCounts::default(),
        })
    }

    /// The move of the rule before the final defections are applied.
    fn rule(&mut self, view: &View<'_>) -> Action {
        let round = view.turn() + 1;
        let tit_for_tat = view.partner_last().unwrap_or(Action::C);
        if round <= OPENING_COOPERATIONS {
            return Action::C;
        }
        if round < TEST_PERIOD {
            return tit_for_tat;
        }
        if round.is_multiple_of(TEST_PERIOD) {
            let partner = self.partner.update(view.partner);
            self.partner_is_random = self
                .randomness
                .looks_random(partner.cooperations(), partner.defections());
        }
        if self.partner_is_random {
            Action::D
        } else {
            tit_for_tat
        }
    }
}

impl Default for FirstBySteinAndRapoport {
    /// A test at the 5% level.
    fn default() -> Self {
        FirstBySteinAndRapoport {
            randomness: RandomnessTest::new(0.05),
            name: "First by Stein and Rapoport: 0.05: (D, D)".to_owned(),
            partner_is_random: false,
            partner: MoveCounts::default(),
        }
    }
}

impl Strategy for FirstBySteinAndRapoport {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier {
            uses_length: true,
            ..Classifier::deterministic(None)
        }
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        // The rule runs in every round, final or not: it updates the state.
        let action = self.rule(view);
        defect_in_final_rounds(view, FINAL_DEFECTIONS, action)
    }

    fn reset(&mut self) {
        self.partner_is_random = false;
        self.partner = MoveCounts::default();
    }
}

/// The registry entry of [`FirstBySteinAndRapoport`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Stein and Rapoport",
    "Tit For Tat with a periodic randomness test and a defecting end.",
    |params| params.finish(FirstBySteinAndRapoport::new(params.number("alpha"))),
)
.with_params(&[ParamSpec::new(
    "alpha",
    ParamKind::probability(0.05),
    "The significance level of its test for a random partner.",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::support::looks_random;
    use crate::classic::test_support::assert_same_moves_as_reference;
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::play;

    /// The rule as it was first written: the randomness test counts the
    /// whole history and evaluates the survival function.
    #[derive(Clone, Debug, Default)]
    struct SurvivalFunctionSteinAndRapoport {
        partner_is_random: bool,
    }

    impl Strategy for SurvivalFunctionSteinAndRapoport {
        fn name(&self) -> &str {
            "Survival Function Stein and Rapoport"
        }

        fn classifier(&self) -> Classifier {
            Classifier::deterministic(None)
        }

        fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
            let round = view.turn() + 1;
            let tit_for_tat = view.partner_last().unwrap_or(Action::C);
            let action = if round <= OPENING_COOPERATIONS {
                Action::C
            } else if round < TEST_PERIOD {
                tit_for_tat
            } else {
                if round.is_multiple_of(TEST_PERIOD) {
                    let defections = view.partner.iter().filter(|a| a.is_defection()).count();
                    self.partner_is_random =
                        looks_random(view.partner.len() - defections, defections, 0.05);
                }
                if self.partner_is_random {
                    Action::D
                } else {
                    tit_for_tat
                }
            };
            defect_in_final_rounds(view, FINAL_DEFECTIONS, action)
        }

        fn reset(&mut self) {
            self.partner_is_random = false;
        }
    }

    #[test]
    fn the_critical_value_makes_the_survival_functions_moves() {
        assert_same_moves_as_reference(
            &mut FirstBySteinAndRapoport::default(),
            &mut SurvivalFunctionSteinAndRapoport::default(),
            1_000,
        );
    }

    #[test]
    fn expected_sequences() {
        let mut player = FirstBySteinAndRapoport::default();
        assert_eq!(play(&mut player, &mut Cooperator, 20).0, "C".repeat(20));
        assert_eq!(play(&mut player, &mut Defector, 6).0, "CCCCDD");
        // Alternator looks like a fair coin at round 15 (7 C, 7 D), so the
        // player defects from then on.
        let expected = format!("CCCC{}{}", "DC".repeat(5), "D".repeat(6));
        assert_eq!(play(&mut player, &mut Alternator, 20).0, expected);
    }

    #[test]
    fn names_the_significance_level() {
        assert_eq!(
            FirstBySteinAndRapoport::new(0.1).unwrap().name(),
            "First by Stein and Rapoport: 0.1: (D, D)"
        );
        assert_eq!(
            FirstBySteinAndRapoport::new(2.0).unwrap_err().field,
            "alpha"
        );
    }
}
