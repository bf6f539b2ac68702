//! Fictitious Play: best response to the partner's empirical answers,
//! valued with its own discount factor.
//!
//! Rule (after Brown 1951 and Fudenberg and Levine 1998, chapter 2): the
//! player believes the partner plays a stationary mix, and estimates it
//! from the partner's perceived moves. Because in a repeated game the
//! partner may answer its own moves, the mix is conditioned on its own
//! previous move: `q_a` is the empirical share of cooperations among the
//! partner's moves that followed its own move `a`,
//!
//! ```text
//! q_a = (cooperations after a + prior / 2) / (moves after a + prior)
//! ```
//!
//! with `prior` pseudo-observations split evenly (a Laplace prior for the
//! default 2). This round the partner answers its own last move, so it
//! cooperates with probability `q_last`. Valuing the choice "play `a` from
//! now on" with its own discount factor `delta_i` ([`Situation::discount`](twolevel_game::Situation::discount)) and
//! its own current blended matrix ([`Situation::payoffs`](twolevel_game::Situation::payoffs)) in normalized form,
//!
//! ```text
//! V(a) = (1 - delta_i) * u(a, q_last) + delta_i * u(a, q_a),
//! u(a, q) = q * payoff(a, C) + (1 - q) * payoff(a, D),
//! ```
//!
//! it plays the move with the larger value, and cooperates on a tie. In
//! its first round it has nothing to condition on and cooperates (an
//! opening offer).
//!
//! - If the partner ignores its moves (`q_C = q_D`), the rule is classic
//!   fictitious play: the one-shot best response to the partner's
//!   empirical mix, which in a prisoner's dilemma is to defect. Against
//!   Cooperator it therefore defects from the second round on.
//! - Against Tit For Tat it learns `q_C = 1`, `q_D = 0`, and after a
//!   cooperation `V(C) >= V(D)` reads `delta_i >= (T' - R') / (T' - P')`:
//!   it cooperates exactly when its own discount factor clears the grim
//!   threshold of its own blended matrix, the analytic anchor of
//!   `docs/model.md` section 5. With a short shadow it defects.
//! - `delta_i = 0` (the last round of a known-length match) is the
//!   one-shot best response.
//! - It never experiments: a move it stops playing is valued by the
//!   beliefs it had when it stopped. A politician (high `w`) whose early
//!   rounds made cooperation look worse keeps defecting against tit for
//!   tat even where the grim threshold would allow cooperation.
//!
//! Parameters (registry names): `prior` (pseudo-observations per own move,
//! a finite number > 0, default 2).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use super::expected_payoff;
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Best-responds to the partner's empirical answers to its own moves,
/// valued with its own discount factor.
#[derive(Clone, Debug, PartialEq)]
pub struct FictitiousPlay {
    prior: f64,
    /// `answers[a][b]`: how often the partner played `b` right after its
    /// own move `a`, indexed by [`Action::index`].
    answers: [[u32; 2]; 2],
    /// How many of the partner's moves have been counted.
    counted: usize,
}

impl FictitiousPlay {
    /// The default prior: one cooperation and one defection after each
    /// own move (Laplace's rule of succession).
    pub const DEFAULT_PRIOR: f64 = 2.0;

    /// A fictitious player with the given prior weight (finite, > 0).
    ///
    /// # Errors
    ///
    /// A prior that is not a finite number > 0 (the error names `prior`).
    pub fn new(prior: f64) -> Result<Self, ParameterError> {
        if !(prior > 0.0 && prior.is_finite()) {
            return Err(ParameterError::new(
                "prior",
                format!("expected a finite number > 0, got {prior}"),
            ));
        }
        Ok(FictitiousPlay {
            prior,
            answers: [[0; 2]; 2],
            counted: 0,
        })
    }

    /// The believed probability `q_a` that the partner cooperates right
    /// after its own move `own`.
    #[must_use]
    pub fn belief_after(&self, own: Action) -> f64 {
        let [cooperations, defections] = self.answers[own.index()].map(f64::from);
        (cooperations + self.prior / 2.0) / (cooperations + defections + self.prior)
    }

    /// Counts the partner's answers it has not counted yet: the partner's
    /// move in round `t` answers its own move in round `t - 1`.
    fn count_answers(&mut self, view: &View<'_>) {
        let seen = view.partner.len().min(view.own.len());
        for turn in self.counted.max(1)..seen {
            let own = view.own[turn - 1];
            let partner = view.partner[turn];
            self.answers[own.index()][partner.index()] += 1;
        }
        self.counted = seen;
    }

    /// The value `V(a)` of playing `own` from now on (see the module
    /// documentation).
    fn value(&self, view: &View<'_>, own: Action, now: f64) -> f64 {
        let delta = view.discount.clamp(0.0, 1.0);
        (1.0 - delta) * expected_payoff(&view.payoffs, own, now)
            + delta * expected_payoff(&view.payoffs, own, self.belief_after(own))
    }
}

impl Default for FictitiousPlay {
    fn default() -> Self {
        FictitiousPlay {
            prior: Self::DEFAULT_PRIOR,
            answers: [[0; 2]; 2],
            counted: 0,
        }
    }
}

impl Strategy for FictitiousPlay {
    fn name(&self) -> &str {
        "Fictitious Play"
    }

    fn classifier(&self) -> Classifier {
        Classifier {
            // The discount factor encodes the rounds left when the length
            // is known.
            uses_length: true,
            uses_politicization: true,
            ..Classifier::deterministic(None)
        }
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        self.count_answers(view);
        let Some(last) = view.own_last() else {
            return Action::C;
        };
        let now = self.belief_after(last);
        if self.value(view, Action::C, now) >= self.value(view, Action::D, now) {
            Action::C
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {
        self.answers = [[0; 2]; 2];
        self.counted = 0;
    }
}

/// The registry entry of [`FictitiousPlay`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Fictitious Play",
    "Best-responds to the partner's empirical answers to its own moves, valued with its own discount factor.",
    |params| params.finish(FictitiousPlay::new(params.number("prior"))),
)
.with_aliases(&["Fictitious Player"])
.with_params(&[ParamSpec::new(
    "prior",
    ParamKind::Number {
        default: Some(FictitiousPlay::DEFAULT_PRIOR),
        min: Limit::Open(0.0),
        max: Limit::Open(f64::INFINITY),
    },
    "Pseudo-observations of the partner's answer to each own move, half of them cooperations.",
)]);

#[cfg(test)]
mod tests {
    use twolevel_game::PayoffMatrix;

    use super::*;
    use crate::learning::test_support::decide_after;
    use crate::testing::{play, play_match};
    use crate::{Cooperator, Defector, TitForTat};

    #[test]
    fn defects_against_a_cooperator_after_its_opening_offer() {
        let (own, _) = play(&mut FictitiousPlay::default(), &mut Cooperator, 10);
        assert_eq!(own, "CDDDDDDDDD");
        let (own, _) = play(&mut FictitiousPlay::default(), &mut Defector, 10);
        assert_eq!(own, "CDDDDDDDDD");
    }

    #[test]
    fn cooperates_with_tit_for_tat_under_a_long_shadow() {
        // The default discount 0.995 clears the grim threshold 0.5: after
        // a few rounds of learning that tit for tat answers in kind, it
        // settles into mutual cooperation.
        let record = play_match(&mut FictitiousPlay::default(), &mut TitForTat, 100, 0);
        let own = crate::testing::moves_to_string(&record.moves_a);
        assert!(own.ends_with(&"C".repeat(80)), "{own}");
    }

    #[test]
    fn the_shadow_of_the_future_decides_against_tit_for_tat() {
        // After learning that the partner answers C with C and D with D,
        // it cooperates exactly when delta >= (T - R) / (T - P) = 0.5
        // (up to the prior's pull on its beliefs).
        // Its own moves: 40 cooperations, 10 defections, 10 cooperations;
        // the partner is tit for tat.
        let own = format!("{}{}{}", "C".repeat(40), "D".repeat(10), "C".repeat(10));
        let partner = format!("C{}", &own[..own.len() - 1]);
        let m = PayoffMatrix::AXELROD;
        let mut player = FictitiousPlay::default();
        assert_eq!(
            decide_after(&mut player, &own, &partner, &m, 0.7),
            Action::C
        );
        assert_eq!(
            decide_after(&mut player, &own, &partner, &m, 0.3),
            Action::D
        );
        assert_eq!(
            decide_after(&mut player, &own, &partner, &m, 0.0),
            Action::D
        );
    }

    #[test]
    fn its_own_blended_payoffs_change_its_best_response() {
        // Against a partner that ignores its moves and always cooperated,
        // a prisoner's dilemma calls for defection, a harmony game (no
        // temptation) for cooperation.
        let harmony = PayoffMatrix::new(3.0, 1.0, 2.0, 0.0).unwrap();
        let mut player = FictitiousPlay::default();
        assert_eq!(
            decide_after(&mut player, "CCCC", "CCCC", &PayoffMatrix::AXELROD, 0.5),
            Action::D
        );
        assert_eq!(
            decide_after(&mut player, "CCCC", "CCCC", &harmony, 0.5),
            Action::C
        );
    }

    #[test]
    fn replays_identically_after_reset() {
        let mut player = FictitiousPlay::new(4.0).unwrap();
        let first = play(&mut player, &mut TitForTat, 50);
        let second = play(&mut player, &mut TitForTat, 50);
        assert_eq!(first, second);
        player.reset();
        assert_eq!(player, FictitiousPlay::new(4.0).unwrap());
    }

    #[test]
    fn invalid_priors_are_named() {
        assert_eq!(FictitiousPlay::new(0.0).unwrap_err().field, "prior");
        assert_eq!(
            FictitiousPlay::new(f64::INFINITY).unwrap_err().field,
            "prior"
        );
    }
}
