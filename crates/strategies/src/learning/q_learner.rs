//! Q-Learner: memory-one Q-learning, discounting with its own shadow of
//! the future.
//!
//! Rule (Sandholm and Crites 1996, after Watkins 1989): the state is the
//! last outcome `(own, partner)` (own move as played, partner's as
//! perceived), or a start state in the first round; the learner keeps a
//! value `Q(s, a)` for each of the five states and two moves, all starting
//! at `initial`. At the start of each round after the first, for the
//! previous state `s`, its move `a`, the utility `u` it received
//! ([`Situation::last_utility`](twolevel_game::Situation::last_utility)) and the new state `s'`:
//!
//! ```text
//! Q(s, a) <- Q(s, a) + alpha * (u + delta_i * max_b Q(s', b) - Q(s, a))
//! ```
//!
//! where `delta_i` is its own discount factor ([`Situation::discount`](twolevel_game::Situation::discount)) in the
//! round it played `a` (the weight that round put on the next one; 0 in
//! the last round of a known-length match). It then moves
//! epsilon-greedily: with probability `epsilon` a move drawn uniformly
//! (two draws from the RNG it is given), otherwise the move with the larger
//! `Q(s', b)`, cooperating on a tie (so that a fresh learner opens with
//! cooperation). With `epsilon = 0` it draws nothing and is deterministic.
//!
//! Its rewards are its own blended utilities and its discount is its own
//! patience times the horizon's: a politician, a politicized issue, a
//! campaign or a short shadow of the future change the values it learns
//! and so its moves. Against Defector it learns to defect (P beats S in
//! every state).
//!
//! Parameters (registry names): `learning_rate` `alpha` in (0, 1] (default
//! 0.2), `exploration` `epsilon` in [0, 1] (default 0.1), `initial` value
//! (a finite number, default 0).

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::error::{check_finite, check_unit_interval};
use twolevel_game::{Action, Classifier, Outcome, ParameterError, Strategy, View};

use super::{RoundMemory, step_kind};
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};
use twolevel_game::error::check_positive_fraction;

/// The state before the first round.
const START: usize = 4;

/// Learns the discounted value of each move after each outcome, and plays
/// the better one, exploring with probability `epsilon`.
#[derive(Clone, Debug, PartialEq)]
pub struct QLearner {
    learning_rate: f64,
    exploration: f64,
    initial: f64,
    /// `values[s][a]`: the four outcomes in table order, then the start
    /// state; moves indexed by [`Action::index`].
    values: [[f64; 2]; 5],
    /// The state it last moved in.
    state: usize,
    memory: RoundMemory,
}

impl QLearner {
    /// The default learning rate `alpha`.
    pub const DEFAULT_LEARNING_RATE: f64 = 0.2;
    /// The default exploration rate `epsilon`.
    pub const DEFAULT_EXPLORATION: f64 = 0.1;

    /// A learner with learning rate `alpha` in (0, 1], exploration rate
    /// `epsilon` in [0, 1] and initial values `initial` (finite).
    ///
    /// # Errors
    ///
    /// A parameter out of range; the error names `learning_rate`,
    /// `exploration` or `initial`.
    pub fn new(learning_rate: f64, exploration: f64, initial: f64) -> Result<Self, ParameterError> {
        let initial = check_finite("initial", initial)?;
        Ok(QLearner {
            learning_rate: check_positive_fraction("learning_rate", learning_rate)?,
            exploration: check_unit_interval("exploration", exploration)?,
            initial,
            values: [[initial; 2]; 5],
            state: START,
            memory: RoundMemory::default(),
        })
    }

    /// The learned value `Q(s, a)` of playing `own` after `outcome`
    /// (`None`: in the first round).
    #[must_use]
    pub fn value(&self, outcome: Option<Outcome>, own: Action) -> f64 {
        let state = outcome.map_or(START, Outcome::index);
        self.values[state][own.index()]
    }

    /// The greedy move in a state: the larger value, cooperating on a tie.
    fn greedy(&self, state: usize) -> Action {
        let [c, d] = self.values[state];
        if c >= d { Action::C } else { Action::D }
    }
}

impl Default for QLearner {
    fn default() -> Self {
        QLearner {
            learning_rate: Self::DEFAULT_LEARNING_RATE,
            exploration: Self::DEFAULT_EXPLORATION,
            initial: 0.0,
            values: [[0.0; 2]; 5],
            state: START,
            memory: RoundMemory::default(),
        }
    }
}

impl Strategy for QLearner {
    fn name(&self) -> &str {
        "Q-Learner"
    }

    fn classifier(&self) -> Classifier {
        let base = if self.exploration > 0.0 {
            Classifier::stochastic(None)
        } else {
            Classifier::deterministic(None)
        };
        Classifier {
            // The discount factor encodes the rounds left when the length
            // is known.
            uses_length: true,
            uses_politicization: true,
            ..base
        }
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        if let Some(round) = self.memory.advance(view) {
            let next = Outcome::new(round.own, round.partner).index();
            let [c, d] = self.values[next];
            let target = round.utility + round.discount * c.max(d);
            let value = &mut self.values[self.state][round.own.index()];
            *value += self.learning_rate * (target - *value);
            self.state = next;
        }
        if self.exploration > 0.0 && rng.random::<f64>() < self.exploration {
            if rng.random::<bool>() {
                Action::C
            } else {
                Action::D
            }
        } else {
            self.greedy(self.state)
        }
    }

    fn reset(&mut self) {
        self.values = [[self.initial; 2]; 5];
        self.state = START;
        self.memory = RoundMemory::default();
    }
}

/// The registry entry of [`QLearner`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Q-Learner",
    "Memory-one Q-learning of its own utilities, discounted with its own discount factor, epsilon-greedy.",
    |params| {
        params.finish(QLearner::new(
            params.number("learning_rate"),
            params.number("exploration"),
            params.number("initial"),
        ))
    },
)
.with_aliases(&["Q Learning", "Sandholm-Crites"])
.with_params(&[
    ParamSpec::new(
        "learning_rate",
        step_kind(QLearner::DEFAULT_LEARNING_RATE),
        "The step alpha towards each new estimate of a value.",
    ),
    ParamSpec::new(
        "exploration",
        ParamKind::probability(QLearner::DEFAULT_EXPLORATION),
        "The probability epsilon of a uniformly drawn move instead of the greedy one.",
    ),
    ParamSpec::new(
        "initial",
        ParamKind::Number {
            default: Some(0.0),
            min: Limit::Open(f64::NEG_INFINITY),
            max: Limit::Open(f64::INFINITY),
        },
        "The value of every move in every state before anything is learned.",
    ),
]);

#[cfg(test)]
mod tests {
    use twolevel_game::PayoffMatrix;

    use super::*;
    use crate::assertions::assert_replays_identically;
    use crate::learning::test_support::{decide_after, play_with};
    use crate::testing::play_seeded;
    use crate::{Defector, TitForTat};

    #[test]
    fn the_update_is_watkins_rule() {
        // Greedy (epsilon 0), alpha 0.5, discount 0.9. Round 1 from the
        // start state: C against C earns 3 and leads to CC, whose values
        // are 0: Q(start, C) = 0.5 * 3 = 1.5. Round 2 from CC: D against C
        // earns 5: Q(CC, D) = 0.5 * (5 + 0.9 * 0) = 2.5.
        let mut learner = QLearner::new(0.5, 0.0, 0.0).unwrap();
        decide_after(&mut learner, "CD", "CC", &PayoffMatrix::AXELROD, 0.9);
        assert_eq!(learner.value(None, Action::C), 1.5);
        assert_eq!(learner.value(Some(Outcome::CC), Action::D), 2.5);
        assert_eq!(learner.value(Some(Outcome::CC), Action::C), 0.0);
    }

    #[test]
    fn the_discount_weighs_the_next_state() {
        // Round 1: C against C (3), round 2: C against C (3). With discount
        // d, Q(CC, C) = 0.5 * (3 + d * max Q(CC, .)) after round 2, where
        // max Q(CC, .) is still 0; round 3 then uses 1.5.
        let m = PayoffMatrix::AXELROD;
        let mut patient = QLearner::new(0.5, 0.0, 0.0).unwrap();
        decide_after(&mut patient, "CCC", "CCC", &m, 0.9);
        let mut impatient = QLearner::new(0.5, 0.0, 0.0).unwrap();
        decide_after(&mut impatient, "CCC", "CCC", &m, 0.0);
        let cc = Some(Outcome::CC);
        assert_eq!(impatient.value(cc, Action::C), 1.5 + 0.5 * (3.0 - 1.5));
        assert_eq!(
            patient.value(cc, Action::C),
            1.5 + 0.5 * (3.0 + 0.9 * 1.5 - 1.5)
        );
    }

    #[test]
    fn learns_to_defect_against_a_defector() {
        // With discount 0.9 the values of defecting and cooperating after
        // any outcome differ by P - S = 1 out of about 10; 2000 rounds
        // learn it. Greedy defection with 10% exploration, half of it C.
        let m = PayoffMatrix::AXELROD;
        for seed in 0..5 {
            let (own, _) = play_with(&mut QLearner::default(), &mut Defector, 2000, &m, 0.9, seed);
            let late = own[1800..].chars().filter(|&m| m == 'D').count();
            assert!(late >= 180, "seed {seed}: {late} defections in 200: {own}");
        }
    }

    #[test]
    fn cooperates_with_tit_for_tat_only_under_a_long_shadow() {
        // Against tit for tat, cooperating forever is the best reply when
        // delta >= 0.5 (the grim threshold) and defecting when it is
        // below: Q-learning finds both (Sandholm and Crites 1996).
        let m = PayoffMatrix::AXELROD;
        let late_cooperations = |discount: f64, seed: u64| {
            let (own, _) = play_with(
                &mut QLearner::default(),
                &mut TitForTat,
                3000,
                &m,
                discount,
                seed,
            );
            own[2800..].chars().filter(|&c| c == 'C').count()
        };
        for seed in 0..3 {
            let patient = late_cooperations(0.9, seed);
            let impatient = late_cooperations(0.2, seed);
            assert!(patient >= 150, "seed {seed}: patient {patient}");
            assert!(impatient <= 50, "seed {seed}: impatient {impatient}");
        }
    }

    #[test]
    fn replays_identically_after_reset() {
        assert_replays_identically(&mut QLearner::default(), &mut TitForTat, 9);
        let mut learner = QLearner::new(0.3, 0.2, 1.0).unwrap();
        play_seeded(&mut learner, &mut Defector, 40, 1);
        learner.reset();
        assert_eq!(learner, QLearner::new(0.3, 0.2, 1.0).unwrap());
    }

    #[test]
    fn greedy_learners_are_deterministic() {
        let greedy = QLearner::new(0.2, 0.0, 0.0).unwrap();
        assert!(!greedy.classifier().stochastic);
        assert!(QLearner::default().classifier().stochastic);
    }

    #[test]
    fn invalid_parameters_are_named() {
        assert_eq!(
            QLearner::new(0.0, 0.1, 0.0).unwrap_err().field,
            "learning_rate"
        );
        assert_eq!(
            QLearner::new(0.2, 1.1, 0.0).unwrap_err().field,
            "exploration"
        );
        assert_eq!(
            QLearner::new(0.2, 0.1, f64::NAN).unwrap_err().field,
            "initial"
        );
    }
}
