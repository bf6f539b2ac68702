//! Diffuse Reciprocity: cooperation on a credit line.
//!
//! Rule: keep a credit/debt [`Ledger`] of the relationship, updated after
//! each round with `balance = lambda * balance + (my_C - partner_C)` (the
//! partner's net debt; optionally valued by payoffs, see [`Valuation`]).
//! Cooperate while `balance <= tolerance`; when the debt exceeds the
//! tolerance, call it in (defect) until it is back under.
//!
//! Source: Keohane (1986), "Reciprocity in International Relations":
//! diffuse reciprocity is "an ongoing series of sequential actions which
//! may continue indefinitely, never balancing", sustained by credits and
//! debts within a norm of obligation; here the norm is the `tolerance`, the
//! credit line. `docs/model.md` section 8.
//!
//! - `tolerance = 0` is specific reciprocity: without noise and with
//!   `lambda = 1` it plays exactly like Tit For Tat.
//! - `tolerance = inf` never defects (unconditional cooperation).
//! - `lambda < 1` lets old debts fade: a partner that defected long ago is
//!   forgiven even if it never repaid.
//!
//! - `bias > 0` is Keohane's "evaluating equivalence in biased ways": the
//!   ledger counts its own cooperations `1 + bias` times and the partner's
//!   `1 / (1 + bias)` times, so the partner looks indebted after an even
//!   exchange. With `tolerance = 0` and `lambda = 1` it is a biased tit for
//!   tat: after a defection it forgives only once the partner's
//!   cooperations, discounted, outweigh its own inflated ones.
//!
//! Parameters (registry names): `tolerance` (>= 0; `"inf"` or the RON
//! float `inf` for unbounded; default 2), `lambda` (in (0, 1], default 0.9),
//! `valuation` (`"counts"` or `"payoffs"`, default counts), `bias` (>= 0,
//! default 0: unbiased, bit for bit as without it).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use crate::ledger::{
    BIAS_PARAM, Ledger, VALUATION_PARAM, Valuation, check_tolerance, lambda_param, tolerance_kind,
    valuation_param,
};
use crate::registry::{ParamSpec, StrategyEntry};

/// Cooperates while the partner's net debt stays within a tolerance.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffuseReciprocity {
    tolerance: f64,
    ledger: Ledger,
}

impl DiffuseReciprocity {
    /// The default tolerance: two unreciprocated cooperations.
    pub const DEFAULT_TOLERANCE: f64 = 2.0;
    /// The default decay of old debts.
    pub const DEFAULT_LAMBDA: f64 = 0.9;

    /// A player with the given tolerance (>= 0, may be infinite), decay
    /// `lambda` (in (0, 1]) and valuation.
    pub fn new(tolerance: f64, lambda: f64, valuation: Valuation) -> Result<Self, ParameterError> {
        Ok(DiffuseReciprocity {
            tolerance: check_tolerance("tolerance", tolerance)?,
            ledger: Ledger::new(lambda, valuation)?,
        })
    }

    /// The same player with a self-serving `bias` (finite, >= 0; the
    /// error names `bias`); see [`Ledger::with_bias`].
    pub fn with_bias(mut self, bias: f64) -> Result<Self, ParameterError> {
        self.ledger = self.ledger.with_bias(bias)?;
        Ok(self)
    }

    /// The self-serving bias of the ledger.
    #[must_use]
    pub fn bias(&self) -> f64 {
        self.ledger.bias()
    }

    /// The tolerance (credit line).
    #[must_use]
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }

    /// The decay factor of the ledger.
    #[must_use]
    pub fn lambda(&self) -> f64 {
        self.ledger.lambda()
    }

    /// The valuation of the ledger.
    #[must_use]
    pub fn valuation(&self) -> Valuation {
        self.ledger.valuation()
    }

    /// The partner's current net debt, as of the last decision.
    #[must_use]
    pub fn balance(&self) -> f64 {
        self.ledger.balance()
    }
}

impl Default for DiffuseReciprocity {
    fn default() -> Self {
        DiffuseReciprocity {
            tolerance: Self::DEFAULT_TOLERANCE,
            ledger: Ledger::with_valid_lambda(Self::DEFAULT_LAMBDA, Valuation::Counts),
        }
    }
}

impl Strategy for DiffuseReciprocity {
    fn name(&self) -> &str {
        "Diffuse Reciprocity"
    }

    fn classifier(&self) -> Classifier {
        // With an infinite tolerance the move never depends on the
        // history, but the ledger (its balance is public) reads the last
        // round every round.
        let memory_depth = if self.tolerance.is_infinite() {
            Some(1)
        } else {
            None
        };
        Classifier::deterministic(memory_depth)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        self.ledger.catch_up(view, |_, _, _| {});
        self.ledger.credit_line_move(self.tolerance)
    }

    fn reset(&mut self) {
        self.ledger.reset();
    }
}

/// The registry entry of [`DiffuseReciprocity`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Diffuse Reciprocity",
    "Cooperates while the partner's net debt stays within a tolerance.",
    |params| {
        params.finish(
            DiffuseReciprocity::new(
                params.number("tolerance"),
                params.number("lambda"),
                valuation_param(params),
            )
            .and_then(|player| player.with_bias(params.number("bias"))),
        )
    },
)
.with_aliases(&["Diffuse"])
.with_params(&[
    ParamSpec::new(
        "tolerance",
        tolerance_kind(DiffuseReciprocity::DEFAULT_TOLERANCE),
        "The credit line: the largest net debt of the partner it still cooperates under.",
    ),
    lambda_param(
        DiffuseReciprocity::DEFAULT_LAMBDA,
        "The decay of old debts per round (1: nothing is forgotten).",
    ),
    VALUATION_PARAM,
    BIAS_PARAM,
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{SequencePlayer, play};
    use crate::{Cooperator, Defector, TitForTat};

    fn diffuse(tolerance: f64, lambda: f64) -> DiffuseReciprocity {
        DiffuseReciprocity::new(tolerance, lambda, Valuation::Counts).unwrap()
    }

    #[test]
    fn extends_credit_up_to_the_tolerance_against_a_defector() {
        // Tolerance 2, no decay: the third unanswered defection breaks the
        // credit line; then mutual defection keeps the balance at 3.
        let (own, _) = play(&mut diffuse(2.0, 1.0), &mut Defector, 6);
        assert_eq!(own, "CCCDDD");
    }

    #[test]
    fn cooperates_with_cooperators_and_reciprocators() {
        let (own, _) = play(&mut DiffuseReciprocity::default(), &mut Cooperator, 5);
        assert_eq!(own, "CCCCC");
        let (own, other) = play(&mut DiffuseReciprocity::default(), &mut TitForTat, 5);
        assert_eq!((own.as_str(), other.as_str()), ("CCCCC", "CCCCC"));
    }

    #[test]
    fn calls_the_debt_in_until_it_is_back_under() {
        // Partner: D D D C C C C. With tolerance 1, lambda 1, the balances
        // after each round are 1, 2 (over: call it in), 2 (we both
        // defected), 1 (repaid: back under), 1, ...
        let mut partner = SequencePlayer::from_letters("DDDCCCC");
        let (own, _) = play(&mut diffuse(1.0, 1.0), &mut partner, 7);
        assert_eq!(own, "CCDDCCC");
    }

    #[test]
    fn fading_debts_are_forgiven() {
        // Tolerance 1.5, lambda 0.5: two defections in a row leave 1.5
        // (tolerated); a third leaves 1.75 and is called in once, after
        // which mutual defection halves the debt to 0.875 and it cooperates.
        let mut partner = SequencePlayer::from_letters("DDDDCCC");
        let (own, _) = play(&mut diffuse(1.5, 0.5), &mut partner, 7);
        assert_eq!(own, "CCCDCCC");
    }

    #[test]
    fn tolerance_zero_plays_like_tit_for_tat() {
        let mut partner = SequencePlayer::from_letters("CDDCDCCDDDCCDC");
        let (own, _) = play(&mut diffuse(0.0, 1.0), &mut partner, 14);
        let (tft, _) = play(&mut TitForTat, &mut partner, 14);
        assert_eq!(own, tft);
    }

    #[test]
    fn unbounded_tolerance_never_defects() {
        let (own, _) = play(&mut diffuse(f64::INFINITY, 1.0), &mut Defector, 20);
        assert_eq!(own, "C".repeat(20));
    }

    #[test]
    fn payoff_valuation_counts_an_unreciprocated_cooperation_as_t_minus_p() {
        // Each exploited cooperation adds T - P = 4; tolerance 7 allows one
        // (4) but not two (8).
        let mut player = DiffuseReciprocity::new(7.0, 1.0, Valuation::Payoffs).unwrap();
        let (own, _) = play(&mut player, &mut Defector, 4);
        assert_eq!(own, "CCDD");
        assert_eq!(player.balance(), 8.0);
    }

    #[test]
    fn parameters_are_validated_by_name() {
        assert_eq!(
            DiffuseReciprocity::new(-1.0, 0.9, Valuation::Counts)
                .unwrap_err()
                .field,
            "tolerance"
        );
        assert_eq!(
            DiffuseReciprocity::new(1.0, 0.0, Valuation::Counts)
                .unwrap_err()
                .field,
            "lambda"
        );
        assert_eq!(
            DiffuseReciprocity::new(1.0, 1.1, Valuation::Counts)
                .unwrap_err()
                .field,
            "lambda"
        );
    }
}
