//! Roth-Erev: reinforcement learning with forgetting and experimentation.
//!
//! Rule (Erev and Roth 1998, the three-parameter model; Roth and Erev
//! 1995): keep a propensity `q_C`, `q_D` for each move, both starting at
//! `initial`, and cooperate with probability `q_C / (q_C + q_D)`. After each
//! round in which it played `a` and received the utility `u`
//! ([`Situation::last_utility`](twolevel_game::Situation::last_utility)), with the reward
//!
//! ```text
//! x = u - min(R', S', T', P')
//! ```
//!
//! (the utility shifted by the smallest entry of that round's own blended
//! matrix, so that rewards are never negative and the worst outcome
//! reinforces nothing, as Erev and Roth subtract the smallest payoff of
//! their games), every propensity decays by the forgetting rate `phi` and
//! is reinforced:
//!
//! ```text
//! q_a <- (1 - phi) q_a + (1 - epsilon) x     (the move played)
//! q_b <- (1 - phi) q_b + epsilon x           (the other move)
//! ```
//!
//! `epsilon` is the experimentation (generalization) share, `E(j, x)` of
//! Erev and Roth with two moves. `phi = epsilon = 0` is the basic
//! Roth-Erev model. Utilities in its own currency make its rewards, so the
//! political weight, politicization and elections change what it learns.
//!
//! Parameters (registry names): `initial` propensity (a finite number > 0,
//! default 1), `forgetting` `phi` in [0, 1) (default 0.1, Erev and Roth's
//! estimate), `experimentation` `epsilon` in [0, 1] (default 0.2, their
//! estimate).

use rand_core::Rng;
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use super::{DRAWING_LEARNER, DrawingLearner, PreviousRound, RoundMemory};
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Cooperates in proportion to its propensities, reinforced by the
/// rewards its moves earned.
#[derive(Clone, Debug, PartialEq)]
pub struct RothErev {
    initial: f64,
    forgetting: f64,
    experimentation: f64,
    /// The propensities `[q_C, q_D]`, indexed by [`Action::index`].
    propensities: [f64; 2],
    memory: RoundMemory,
}

impl RothErev {
    /// The default initial propensity of each move.
    pub const DEFAULT_INITIAL: f64 = 1.0;
    /// Erev and Roth's (1998) estimate of the forgetting rate.
    pub const DEFAULT_FORGETTING: f64 = 0.1;
    /// Erev and Roth's (1998) estimate of the experimentation share.
    pub const DEFAULT_EXPERIMENTATION: f64 = 0.2;

    /// A learner with the given initial propensity (> 0, finite),
    /// forgetting rate in [0, 1) and experimentation share in [0, 1].
    ///
    /// # Errors
    ///
    /// A parameter out of range; the error names `initial`, `forgetting`
    /// or `experimentation`.
    pub fn new(
        initial: f64,
        forgetting: f64,
        experimentation: f64,
    ) -> Result<Self, ParameterError> {
        if !(initial > 0.0 && initial.is_finite()) {
            return Err(ParameterError::new(
                "initial",
                format!("expected a finite number > 0, got {initial}"),
            ));
        }
        if !(0.0..1.0).contains(&forgetting) {
            return Err(ParameterError::new(
                "forgetting",
                format!("expected a number in [0, 1), got {forgetting}"),
            ));
        }
        Ok(RothErev {
            initial,
            forgetting,
            experimentation: check_unit_interval("experimentation", experimentation)?,
            propensities: [initial; 2],
            memory: RoundMemory::default(),
        })
    }

    /// The propensities `[q_C, q_D]`.
    #[must_use]
    pub fn propensities(&self) -> [f64; 2] {
        self.propensities
    }

    /// The current probability of cooperating, `q_C / (q_C + q_D)` (one
    /// half if both propensities have decayed to nothing).
    #[must_use]
    pub fn cooperation_probability(&self) -> f64 {
        let [c, d] = self.propensities;
        let total = c + d;
        if total > 0.0 { c / total } else { 0.5 }
    }
}

impl DrawingLearner for RothErev {
    fn memory(&mut self) -> &mut RoundMemory {
        &mut self.memory
    }

    fn learn(&mut self, round: &PreviousRound) {
        let worst = round
            .payoffs
            .entries()
            .into_iter()
            .fold(f64::INFINITY, f64::min);
        let reward = (round.utility - worst).max(0.0);
        for action in Action::ALL {
            let share = if action == round.own {
                1.0 - self.experimentation
            } else {
                self.experimentation
            };
            let q = &mut self.propensities[action.index()];
            *q = (1.0 - self.forgetting) * *q + share * reward;
        }
    }

    fn probability(&self) -> f64 {
        self.cooperation_probability()
    }
}

impl Default for RothErev {
    fn default() -> Self {
        RothErev {
            initial: Self::DEFAULT_INITIAL,
            forgetting: Self::DEFAULT_FORGETTING,
            experimentation: Self::DEFAULT_EXPERIMENTATION,
            propensities: [Self::DEFAULT_INITIAL; 2],
            memory: RoundMemory::default(),
        }
    }
}

impl Strategy for RothErev {
    fn name(&self) -> &str {
        "Roth-Erev"
    }

    fn classifier(&self) -> Classifier {
        DRAWING_LEARNER
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        self.learn_and_draw(view, rng)
    }

    fn reset(&mut self) {
        self.propensities = [self.initial; 2];
        self.memory = RoundMemory::default();
    }
}

/// The registry entry of [`RothErev`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Roth-Erev",
    "Reinforcement learning: cooperates in proportion to propensities reinforced by its shifted utilities, with forgetting and experimentation.",
    |params| {
        params.finish(RothErev::new(
            params.number("initial"),
            params.number("forgetting"),
            params.number("experimentation"),
        ))
    },
)
.with_aliases(&["Erev-Roth", "Reinforcement Learner"])
.with_params(&[
    ParamSpec::new(
        "initial",
        ParamKind::Number {
            default: Some(RothErev::DEFAULT_INITIAL),
            min: Limit::Open(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "The propensity of each move before anything is learned.",
    ),
    ParamSpec::new(
        "forgetting",
        ParamKind::Number {
            default: Some(RothErev::DEFAULT_FORGETTING),
            min: Limit::Closed(0.0),
            max: Limit::Open(1.0),
        },
        "The share of each propensity forgotten every round (phi).",
    ),
    ParamSpec::new(
        "experimentation",
        ParamKind::probability(RothErev::DEFAULT_EXPERIMENTATION),
        "The share of a reward that reinforces the move not played (epsilon).",
    ),
]);

#[cfg(test)]
mod tests {
    use twolevel_game::{PayoffMatrix, Situation};

    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::learning::test_support::decide_after;
    use crate::testing::play_seeded;
    use crate::{Defector, TitForTat};
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    #[test]
    fn propensities_follow_erev_and_roth() {
        // Rewards are shifted by S = 0 in Axelrod's game. C against C
        // earns 3: q_C = 0.9 + 0.8 * 3, q_D = 0.9 + 0.2 * 3. Then D
        // against D earns 1: q_C = 0.9 q_C + 0.2, q_D = 0.9 q_D + 0.8.
        let mut learner = RothErev::default();
        let m = PayoffMatrix::AXELROD;
        decide_after(&mut learner, "CD", "CD", &m, 0.9);
        let after_first = [0.9 + 2.4, 0.9 + 0.6];
        let expected = [0.9 * after_first[0] + 0.2, 0.9 * after_first[1] + 0.8];
        let [c, d] = learner.propensities();
        assert!((c - expected[0]).abs() < 1e-12 && (d - expected[1]).abs() < 1e-12);
        // The probability of cooperating is the propensity ratio.
        let p = expected[0] / (expected[0] + expected[1]);
        assert!((learner.cooperation_probability() - p).abs() < 1e-15);
    }

    #[test]
    fn moves_are_drawn_at_the_propensity_ratio() {
        // Without forgetting or experimentation, one round of mutual
        // cooperation in Axelrod's game gives q = [1 + 3, 1]: the second
        // move cooperates with probability 0.8, whatever the seed's draw.
        let m = PayoffMatrix::AXELROD;
        let (own, partner) = ([Action::C], [Action::C]);
        let moves: String = (0..2000)
            .map(|seed| {
                let mut learner = RothErev::new(1.0, 0.0, 0.0).unwrap();
                let mut rng = Pcg64Mcg::seed_from_u64(seed);
                learner.decide(&View::new(&[], &[], &Situation::classic(m)), &mut rng);
                let situation = Situation {
                    last_utility: Some(3.0),
                    ..Situation::classic(m)
                };
                let chosen = learner.decide(&View::new(&own, &partner, &situation), &mut rng);
                assert_eq!(learner.propensities(), [4.0, 1.0]);
                chosen.to_string()
            })
            .collect();
        assert_binomial(&moves, 0.8);
    }

    #[test]
    fn learns_to_defect_against_a_defector() {
        let (own, _) = play_seeded(&mut RothErev::default(), &mut Defector, 300, 2);
        let late = own[200..].chars().filter(|&m| m == 'D').count();
        assert!(late >= 70, "{own}");
    }

    #[test]
    fn its_own_blended_payoffs_change_what_it_learns() {
        // Mutual cooperation is the best outcome of a harmony game and the
        // worst of a politician's matrix in which any deal loses votes at
        // home: the same history reinforces cooperation in the first and
        // nothing in the second, where both propensities only decay.
        let harmony = PayoffMatrix::new(3.0, 1.0, 2.0, 0.0).unwrap();
        let deal_loses = PayoffMatrix::new(-5.0, 0.0, 5.0, 1.0).unwrap();
        let mut learner = RothErev::default();
        decide_after(&mut learner, "CC", "CC", &harmony, 0.9);
        let in_harmony = learner.cooperation_probability();
        decide_after(&mut learner, "CC", "CC", &deal_loses, 0.9);
        let when_deals_lose = learner.cooperation_probability();
        assert!(in_harmony > 0.7, "{in_harmony}");
        assert!((when_deals_lose - 0.5).abs() < 1e-12, "{when_deals_lose}");
    }

    #[test]
    fn replays_identically_after_reset() {
        assert_replays_identically(&mut RothErev::default(), &mut TitForTat, 4);
        let mut learner = RothErev::new(2.0, 0.05, 0.1).unwrap();
        play_seeded(&mut learner, &mut Defector, 30, 1);
        learner.reset();
        assert_eq!(learner, RothErev::new(2.0, 0.05, 0.1).unwrap());
    }

    #[test]
    fn invalid_parameters_are_named() {
        assert_eq!(RothErev::new(0.0, 0.1, 0.2).unwrap_err().field, "initial");
        assert_eq!(
            RothErev::new(1.0, 1.0, 0.2).unwrap_err().field,
            "forgetting"
        );
        assert_eq!(
            RothErev::new(1.0, 0.1, -0.2).unwrap_err().field,
            "experimentation"
        );
    }
}
