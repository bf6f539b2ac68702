//! Gear Shifting: specific reciprocity that evolves into diffuse
//! reciprocity, and falls back on a breach.
//!
//! Rule: keep the credit/debt [`Ledger`] of
//! [`DiffuseReciprocity`](crate::DiffuseReciprocity) and cooperate while
//! `balance <= tolerance`, but let the tolerance move:
//!
//! - it starts at `initial` (default 0: specific reciprocity, the lowest
//!   gear);
//! - after every run of `patience` consecutive mutually cooperative rounds
//!   it grows by `step`, up to `cap` (shifting up);
//! - any round that is not mutual cooperation ends the current run;
//! - a **breach**, a round in which the partner defected while this player
//!   cooperated and which left the balance above the current tolerance
//!   (the partner overdrew the credit line), collapses the tolerance to 0
//!   (back to first gear), and the climb starts again.
//!
//! Defections within the credit line are not breaches: they use the credit
//! the relationship has earned.
//!
//! Source: Keohane (1986): "successful specific reciprocity may evolve into
//! diffuse reciprocity, and a failure of diffuse reciprocity may lead
//! actors to revert to specific reciprocity"; the gears metaphor of the
//! seed article (lower gears specific, higher gears diffuse). `docs/model.md`
//! section 8.
//!
//! Parameters (registry names): `initial` (>= 0, default 0), `step` (> 0,
//! default 1), `cap` (>= `initial`, may be `"inf"`, default 4), `patience`
//! (a whole number >= 1, default 3), `lambda` (in (0, 1], default 0.9),
//! `valuation` (`"counts"` or `"payoffs"`, default counts), `bias` (>= 0,
//! default 0: the ledger's self-serving bias, see [`Ledger::with_bias`]).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Outcome, ParameterError, Strategy, View};

use crate::ledger::{
    BIAS_PARAM, Ledger, VALUATION_PARAM, Valuation, check_tolerance, lambda_param, tolerance_kind,
    valuation_param,
};
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// The fixed parameters of [`GearShifting`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GearShiftingParams {
    /// The tolerance at the start of a match (a breach resets it to 0,
    /// not to this value).
    pub initial: f64,
    /// How much the tolerance grows per completed run.
    pub step: f64,
    /// The largest tolerance.
    pub cap: f64,
    /// The number of consecutive mutual cooperations that make a run.
    pub patience: u32,
    /// The decay of the ledger.
    pub lambda: f64,
    /// The valuation of the ledger.
    pub valuation: Valuation,
}

impl GearShiftingParams {
    /// The defaults: start at 0, grow by 1 after every run of 3 mutual
    /// cooperations up to 4, decay 0.9, counts.
    pub const DEFAULT: GearShiftingParams = GearShiftingParams {
        initial: 0.0,
        step: 1.0,
        cap: 4.0,
        patience: 3,
        lambda: 0.9,
        valuation: Valuation::Counts,
    };
}

impl Default for GearShiftingParams {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Reciprocity whose tolerance grows with sustained cooperation and
/// collapses on a breach.
#[derive(Clone, Debug, PartialEq)]
pub struct GearShifting {
    params: GearShiftingParams,
    ledger: Ledger,
    tolerance: f64,
    run: u32,
}

impl GearShifting {
    /// A player with validated parameters.
    pub fn new(params: GearShiftingParams) -> Result<Self, ParameterError> {
        let initial = check_tolerance("initial", params.initial)?;
        if !(params.step.is_finite() && params.step > 0.0) {
            return Err(ParameterError::new(
                "step",
                format!("expected a finite number > 0, got {}", params.step),
            ));
        }
        let cap = check_tolerance("cap", params.cap)?;
        if cap < initial {
            return Err(ParameterError::new(
                "cap",
                format!("expected a number >= initial ({initial}), got {cap}"),
            ));
        }
        if params.patience == 0 {
            return Err(ParameterError::new(
                "patience",
                "expected a whole number >= 1, got 0",
            ));
        }
        Ok(GearShifting {
            ledger: Ledger::new(params.lambda, params.valuation)?,
            tolerance: initial,
            run: 0,
            params,
        })
    }

    /// The parameters.
    #[must_use]
    pub fn params(&self) -> &GearShiftingParams {
        &self.params
    }

    /// The same player with a self-serving `bias` in its ledger (finite,
    /// >= 0; the error names `bias`); see [`Ledger::with_bias`].
    pub fn with_bias(mut self, bias: f64) -> Result<Self, ParameterError> {
        self.ledger = self.ledger.with_bias(bias)?;
        Ok(self)
    }

    /// The self-serving bias of the ledger.
    #[must_use]
    pub fn bias(&self) -> f64 {
        self.ledger.bias()
    }

    /// The current tolerance, as of the last decision.
    #[must_use]
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }

    /// The partner's current net debt, as of the last decision.
    #[must_use]
    pub fn balance(&self) -> f64 {
        self.ledger.balance()
    }
}

impl Default for GearShifting {
    fn default() -> Self {
        let params = GearShiftingParams::default();
        GearShifting {
            ledger: Ledger::with_valid_lambda(params.lambda, params.valuation),
            tolerance: params.initial,
            run: 0,
            params,
        }
    }
}

impl Strategy for GearShifting {
    fn name(&self) -> &str {
        "Gear Shifting"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if view.turn() == 0 {
            self.reset();
        }
        let params = self.params;
        let (tolerance, run) = (&mut self.tolerance, &mut self.run);
        self.ledger.catch_up(view, |outcome, _before, after| {
            if outcome == Outcome::CC {
                *run += 1;
                if *run >= params.patience {
                    *tolerance = (*tolerance + params.step).min(params.cap);
                    *run = 0;
                }
            } else {
                *run = 0;
                if outcome == Outcome::CD && after > *tolerance {
                    *tolerance = 0.0;
                }
            }
        });
        self.ledger.credit_line_move(self.tolerance)
    }

    fn reset(&mut self) {
        self.ledger.reset();
        self.tolerance = self.params.initial;
        self.run = 0;
    }
}

/// The registry entry of [`GearShifting`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Gear Shifting",
    "Diffuse reciprocity whose tolerance grows with sustained cooperation and collapses on a breach.",
    |params| {
        params.finish(GearShifting::new(GearShiftingParams {
            initial: params.number("initial"),
            step: params.number("step"),
            cap: params.number("cap"),
            patience: params.count("patience"),
            lambda: params.number("lambda"),
            valuation: valuation_param(params),
        })
        .and_then(|player| player.with_bias(params.number("bias"))))
    },
)
.with_aliases(&["Gear Shifter"])
.with_params(&[
    ParamSpec::new(
        "initial",
        tolerance_kind(GearShiftingParams::DEFAULT.initial),
        "The tolerance at the start of a match.",
    ),
    ParamSpec::new(
        "step",
        ParamKind::Number {
            default: Some(GearShiftingParams::DEFAULT.step),
            min: Limit::Open(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "How much the tolerance grows per completed run of mutual cooperation.",
    ),
    ParamSpec::new(
        "cap",
        tolerance_kind(GearShiftingParams::DEFAULT.cap),
        "The largest tolerance (at least `initial`).",
    ),
    ParamSpec::new(
        "patience",
        ParamKind::count(GearShiftingParams::DEFAULT.patience, 1),
        "The number of consecutive mutual cooperations that make a run.",
    ),
    lambda_param(
        GearShiftingParams::DEFAULT.lambda,
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

    fn no_decay() -> GearShifting {
        GearShifting::new(GearShiftingParams {
            lambda: 1.0,
            ..GearShiftingParams::default()
        })
        .unwrap()
    }

    #[test]
    fn starts_in_first_gear_like_tit_for_tat() {
        let (own, _) = play(&mut GearShifting::default(), &mut Defector, 5);
        assert_eq!(own, "CDDDD");
        let (own, _) = play(&mut GearShifting::default(), &mut TitForTat, 5);
        assert_eq!(own, "CCCCC");
    }

    #[test]
    fn shifts_up_with_sustained_cooperation_up_to_the_cap() {
        let mut player = GearShifting::default();
        play(&mut player, &mut Cooperator, 7);
        // Two runs of three completed before the seventh decision.
        assert_eq!(player.tolerance(), 2.0);
        play(&mut player, &mut Cooperator, 40);
        assert_eq!(player.tolerance(), 4.0);
    }

    #[test]
    fn uses_earned_credit_then_collapses_on_a_breach() {
        // Six mutual cooperations earn a tolerance of 2; two defections
        // stay within it; the third overdraws it and the tolerance falls
        // to 0, so the debt of 3 is called in until it is repaid.
        let mut partner = SequencePlayer::from_letters("CCCCCCDDDCCCCC");
        let mut player = no_decay();
        let (own, _) = play(&mut player, &mut partner, 14);
        assert_eq!(own, "CCCCCCCCCDDDCC");
        assert_eq!(player.tolerance(), 0.0);
    }

    #[test]
    fn parameters_are_validated_by_name() {
        let bad = |params: GearShiftingParams| GearShifting::new(params).unwrap_err().field;
        let base = GearShiftingParams::default();
        assert_eq!(
            bad(GearShiftingParams {
                initial: -1.0,
                ..base
            }),
            "initial"
        );
        assert_eq!(bad(GearShiftingParams { step: 0.0, ..base }), "step");
        assert_eq!(
            bad(GearShiftingParams {
                initial: 3.0,
                cap: 2.0,
                ..base
            }),
            "cap"
        );
        assert_eq!(
            bad(GearShiftingParams {
                patience: 0,
                ..base
            }),
            "patience"
        );
        assert_eq!(
            bad(GearShiftingParams {
                lambda: 0.0,
                ..base
            }),
            "lambda"
        );
    }
}
