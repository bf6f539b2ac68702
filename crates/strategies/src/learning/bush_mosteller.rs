//! Bush-Mosteller: aspiration learning.
//!
//! Rule (Macy and Flache 2002, after Bush and Mosteller 1955): cooperate
//! with probability `p`, starting at `initial`. After each round in which it
//! played `a` and received the utility `u` (its own blended payoff,
//! [`Situation::last_utility`](twolevel_game::Situation::last_utility)), compute the stimulus
//!
//! ```text
//! s = (u - A) / max |x - A|,   x over the four entries R', S', T', P'
//! ```
//!
//! of that round's own blended matrix, so that `s` lies in [-1, 1]: a payoff
//! above the aspiration `A` reinforces the move just played, one below it
//! inhibits it. The probability `p_a` of repeating `a` moves towards 1 by
//! `(1 - p_a) * l * s` when `s >= 0`, and towards 0 by `p_a * l * s` when
//! `s < 0`, with learning rate `l`; the probability of the other move is
//! `1 - p_a`.
//!
//! The aspiration is a fixed number when given, and by default the
//! mid-point `(R' + P') / 2` of the round's own blended matrix, which lies
//! between mutual defection and mutual cooperation in every prisoner's
//! dilemma. With an aspiration between P and R two such learners reach
//! mutual cooperation (Macy and Flache's "self-correcting equilibrium"):
//! mutual defection disappoints both and makes both try cooperation,
//! mutual cooperation satisfies both and locks in. Against a defector the
//! same aspiration is never met (S and P both fall short), so it keeps
//! searching and cooperates about 41% of the time with Axelrod's payoffs;
//! an aspiration below P lets it settle into defection.
//!
//! Because it learns from the utilities it receives, a politician (high
//! `w`), a politicized issue (high `pi`) or a campaign change its stimuli and
//! so its moves. This is Macy and Flache's rule, not the `BushMosteller`
//! strategy of the Python `axelrod` library (which keeps separate
//! probabilities after the partner's C and D and aspires to a fraction of
//! the largest payoff).
//!
//! Parameters (registry names): `aspiration` (a finite number; default:
//! `(R' + P') / 2` of the current round's own matrix), `learning_rate` `l`
//! in (0, 1] (default 0.5, Macy and Flache's value), `initial` probability
//! of cooperating in [0, 1] (default 0.5).

use rand_core::Rng;
use twolevel_game::error::{check_finite, check_unit_interval};
use twolevel_game::{Action, Classifier, ParameterError, PayoffMatrix, Strategy, View};

use super::{DRAWING_LEARNER, DrawingLearner, PreviousRound, RoundMemory, step_kind};
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};
use twolevel_game::error::check_positive_fraction;

/// Learns to repeat moves that pay above its aspiration and to avoid
/// moves that pay below it.
#[derive(Clone, Debug, PartialEq)]
pub struct BushMosteller {
    aspiration: Option<f64>,
    learning_rate: f64,
    initial: f64,
    cooperation: f64,
    memory: RoundMemory,
}

impl BushMosteller {
    /// Macy and Flache's learning rate.
    pub const DEFAULT_LEARNING_RATE: f64 = 0.5;
    /// An undecided start.
    pub const DEFAULT_INITIAL: f64 = 0.5;

    /// A learner with a fixed `aspiration` (`None`: the mid-point
    /// `(R' + P') / 2` of each round's own matrix), a learning rate in
    /// (0, 1] and an initial probability of cooperating in [0, 1].
    ///
    /// # Errors
    ///
    /// A non-finite aspiration, or a learning rate or initial probability
    /// out of range; the error names `aspiration`, `learning_rate` or
    /// `initial`.
    pub fn new(
        aspiration: Option<f64>,
        learning_rate: f64,
        initial: f64,
    ) -> Result<Self, ParameterError> {
        let aspiration = aspiration
            .map(|a| check_finite("aspiration", a))
            .transpose()?;
        let initial = check_unit_interval("initial", initial)?;
        Ok(BushMosteller {
            aspiration,
            learning_rate: check_positive_fraction("learning_rate", learning_rate)?,
            initial,
            cooperation: initial,
            memory: RoundMemory::default(),
        })
    }

    /// The current probability of cooperating.
    #[must_use]
    pub fn cooperation_probability(&self) -> f64 {
        self.cooperation
    }

    /// The aspiration it holds for a round with the given own matrix.
    #[must_use]
    pub fn aspiration_for(&self, payoffs: &PayoffMatrix) -> f64 {
        self.aspiration
            .unwrap_or_else(|| (payoffs.r() + payoffs.p()) / 2.0)
    }

    /// The stimulus of a round: `(u - A) / max |x - A|`, in [-1, 1] (0 when
    /// every entry equals the aspiration).
    #[must_use]
    pub fn stimulus(&self, utility: f64, payoffs: &PayoffMatrix) -> f64 {
        let aspiration = self.aspiration_for(payoffs);
        let scale = payoffs
            .entries()
            .iter()
            .map(|x| (x - aspiration).abs())
            .fold(0.0, f64::max);
        if scale > 0.0 {
            ((utility - aspiration) / scale).clamp(-1.0, 1.0)
        } else {
            0.0
        }
    }
}

impl DrawingLearner for BushMosteller {
    fn memory(&mut self) -> &mut RoundMemory {
        &mut self.memory
    }

    fn learn(&mut self, round: &PreviousRound) {
        let stimulus = self.stimulus(round.utility, &round.payoffs);
        let repeat = match round.own {
            Action::C => self.cooperation,
            Action::D => 1.0 - self.cooperation,
        };
        let change = if stimulus >= 0.0 {
            (1.0 - repeat) * self.learning_rate * stimulus
        } else {
            repeat * self.learning_rate * stimulus
        };
        let repeat = (repeat + change).clamp(0.0, 1.0);
        self.cooperation = match round.own {
            Action::C => repeat,
            Action::D => 1.0 - repeat,
        };
    }

    fn probability(&self) -> f64 {
        self.cooperation
    }
}

impl Default for BushMosteller {
    fn default() -> Self {
        BushMosteller {
            aspiration: None,
            learning_rate: Self::DEFAULT_LEARNING_RATE,
            initial: Self::DEFAULT_INITIAL,
            cooperation: Self::DEFAULT_INITIAL,
            memory: RoundMemory::default(),
        }
    }
}

impl Strategy for BushMosteller {
    fn name(&self) -> &str {
        "Bush-Mosteller"
    }

    fn classifier(&self) -> Classifier {
        DRAWING_LEARNER
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        self.learn_and_draw(view, rng)
    }

    fn reset(&mut self) {
        self.cooperation = self.initial;
        self.memory = RoundMemory::default();
    }
}

/// The registry entry of [`BushMosteller`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Bush-Mosteller",
    "Aspiration learning: repeats moves whose utility beat its aspiration, avoids those that fell short.",
    |params| {
        params.finish(BushMosteller::new(
            params.optional_number("aspiration"),
            params.number("learning_rate"),
            params.number("initial"),
        ))
    },
)
.with_aliases(&["Aspiration Learner", "Macy-Flache"])
.with_params(&[
    ParamSpec::new(
        "aspiration",
        ParamKind::Number {
            default: None,
            min: Limit::Open(f64::NEG_INFINITY),
            max: Limit::Open(f64::INFINITY),
        },
        "The aspiration level in utility (default: (R' + P') / 2 of each round's own blended matrix).",
    ),
    ParamSpec::new(
        "learning_rate",
        step_kind(BushMosteller::DEFAULT_LEARNING_RATE),
        "How far one round's stimulus moves the probability of repeating a move.",
    ),
    ParamSpec::new(
        "initial",
        ParamKind::probability(BushMosteller::DEFAULT_INITIAL),
        "The probability of cooperating before anything is learned.",
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::assert_replays_identically;
    use crate::learning::test_support::{decide_after, mutual_cooperations_at_end};
    use crate::testing::play_seeded;
    use crate::{Defector, TitForTat};

    #[test]
    fn stimuli_follow_macy_and_flache() {
        // Aspiration (3 + 1) / 2 = 2 for Axelrod's payoffs; the largest
        // distance is T - A = 3.
        let learner = BushMosteller::default();
        let m = PayoffMatrix::AXELROD;
        assert_eq!(learner.aspiration_for(&m), 2.0);
        assert!((learner.stimulus(3.0, &m) - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(learner.stimulus(5.0, &m), 1.0);
        assert!((learner.stimulus(0.0, &m) + 2.0 / 3.0).abs() < 1e-15);
        assert!((learner.stimulus(1.0, &m) + 1.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn the_propensity_update_is_exact() {
        // Round 1: C against C pays R = 3, s = 1/3: p = 0.5 + 0.5 * 0.5 / 3.
        let mut learner = BushMosteller::default();
        decide_after(&mut learner, "C", "C", &PayoffMatrix::AXELROD, 0.9);
        let after_reward = 0.5 + 0.5 * 0.5 / 3.0;
        assert!((learner.cooperation_probability() - after_reward).abs() < 1e-15);
        // Round 2: D against C pays T = 5, s = 1: the probability of D
        // (1 - after_reward) moves all the way by l = 0.5 to 1.
        decide_after(&mut learner, "CD", "CC", &PayoffMatrix::AXELROD, 0.9);
        let defect = 1.0 - after_reward;
        let expected = 1.0 - (defect + (1.0 - defect) * 0.5);
        assert!((learner.cooperation_probability() - expected).abs() < 1e-15);
        // A sucker's payoff inhibits cooperation: s = -2/3.
        decide_after(&mut learner, "C", "D", &PayoffMatrix::AXELROD, 0.9);
        let expected = 0.5 - 0.5 * 0.5 * 2.0 / 3.0;
        assert!((learner.cooperation_probability() - expected).abs() < 1e-15);
    }

    #[test]
    fn self_play_reaches_the_self_correcting_equilibrium() {
        // Macy and Flache (2002): with an aspiration between P and R, two
        // learners lock into mutual cooperation. With Axelrod's T = 5 the
        // temptation's stimulus (1) dwarfs the reward's (1/3), so the lock
        // takes longer than in their 4, 3, 1, 0 game: here, in most seeds
        // the last 50 of 2000 rounds are all mutual cooperation.
        let mut locked_in = 0;
        for seed in 0..20 {
            let (a, b) = play_seeded(
                &mut BushMosteller::default(),
                &mut BushMosteller::default(),
                2000,
                seed,
            );
            if mutual_cooperations_at_end(&a, &b, 50) == 50 {
                locked_in += 1;
            }
        }
        assert!(locked_in >= 11, "only {locked_in} of 20 seeds cooperate");
    }

    #[test]
    fn against_a_defector_it_settles_only_when_mutual_defection_satisfies() {
        // Aspiration 2 > P: both outcomes against a defector disappoint, so
        // it keeps searching; the drift of `p` vanishes at
        // 1 / (1 + sqrt 2) ~ 0.41 (S inhibits C by a third, P inhibits D by
        // a sixth). Aspiration 0.5 < P: mutual defection satisfies and it
        // learns to defect.
        let (restless, _) = play_seeded(&mut BushMosteller::default(), &mut Defector, 2000, 3);
        let cooperations = restless[1000..].chars().filter(|&m| m == 'C').count();
        assert!((300..=530).contains(&cooperations), "{cooperations}");
        let mut content = BushMosteller::new(Some(0.5), 0.5, 0.5).unwrap();
        let (own, _) = play_seeded(&mut content, &mut Defector, 200, 3);
        assert!(own[100..].chars().all(|m| m == 'D'), "{own}");
    }

    #[test]
    fn a_lower_aspiration_is_satisfied_by_mutual_defection() {
        // With the aspiration at 0.5 < P, mutual defection satisfies and
        // locks in against a defector at once; with 2 it disappoints.
        let m = PayoffMatrix::AXELROD;
        let mut content = BushMosteller::new(Some(0.5), 0.5, 0.5).unwrap();
        decide_after(&mut content, "D", "D", &m, 0.9);
        assert!(content.cooperation_probability() < 0.5);
        let mut restless = BushMosteller::default();
        decide_after(&mut restless, "D", "D", &m, 0.9);
        assert!(restless.cooperation_probability() > 0.5);
    }

    #[test]
    fn its_own_blended_payoffs_change_what_it_learns() {
        // The same history (mutual cooperation) under two own matrices:
        // Axelrod's, and a politician's for whom the rival's equal gain
        // is worth nothing at home (R' below the mid-point of T' and S').
        // The first reinforces cooperation, the second inhibits it.
        let policy = PayoffMatrix::AXELROD;
        let mut learner = BushMosteller::default();
        decide_after(&mut learner, "C", "C", &policy, 0.9);
        assert!(learner.cooperation_probability() > 0.5);
        let political = PayoffMatrix::new(0.0, -5.0, 5.0, 1.0).unwrap();
        decide_after(&mut learner, "C", "C", &political, 0.9);
        assert!(learner.cooperation_probability() < 0.5);
    }

    #[test]
    fn replays_identically_after_reset() {
        assert_replays_identically(&mut BushMosteller::default(), &mut TitForTat, 11);
        let mut learner = BushMosteller::new(None, 0.3, 0.9).unwrap();
        play_seeded(&mut learner, &mut Defector, 50, 1);
        learner.reset();
        assert_eq!(learner, BushMosteller::new(None, 0.3, 0.9).unwrap());
    }

    #[test]
    fn invalid_parameters_are_named() {
        assert_eq!(
            BushMosteller::new(Some(f64::NAN), 0.5, 0.5)
                .unwrap_err()
                .field,
            "aspiration"
        );
        assert_eq!(
            BushMosteller::new(None, 0.0, 0.5).unwrap_err().field,
            "learning_rate"
        );
        assert_eq!(
            BushMosteller::new(None, 0.5, 1.5).unwrap_err().field,
            "initial"
        );
    }
}
