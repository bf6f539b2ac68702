//! Regime Reciprocity: diffuse reciprocity on a regime ledger.
//!
//! Rule: keep the [`RegimeLedger`],
//! `balance = lambda * balance + (my_C - mean of the others' C)`, and
//! cooperate while `balance <= tolerance` (the credit line the state
//! extends to the group); defect, calling the debt in, while it is
//! exceeded. Tolerance 0 answers every shortfall of the group; a large
//! tolerance is unconditional cooperation. The first round cooperates
//! (the balance starts at 0).
//!
//! Source: Keohane (1986), "Reciprocity in international relations"
//! (diffuse reciprocity; MFN treatment in the WTO); `docs/model.md` section 8 and `docs/regimes.md`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, RegimeStrategy, RegimeView};

use super::ledger::RegimeLedger;
use super::registry::RegimeEntry;
use crate::ledger::{check_tolerance, lambda_param, tolerance_kind};
use crate::registry::ParamSpec;

/// Cooperates while the group's net debt stays within a tolerance.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeReciprocity {
    tolerance: f64,
    ledger: RegimeLedger,
}

impl RegimeReciprocity {
    /// The default tolerance.
    pub const DEFAULT_TOLERANCE: f64 = 1.0;
    /// The default decay.
    pub const DEFAULT_LAMBDA: f64 = 0.9;

    /// A regime reciprocator with a tolerance (>= 0, may be infinite) and
    /// a decay `lambda` in (0, 1].
    pub fn new(tolerance: f64, lambda: f64) -> Result<Self, ParameterError> {
        Ok(RegimeReciprocity {
            tolerance: check_tolerance("tolerance", tolerance)?,
            ledger: RegimeLedger::new(lambda)?,
        })
    }

    /// The current balance.
    #[must_use]
    pub const fn balance(&self) -> f64 {
        self.ledger.balance()
    }
}

impl RegimeStrategy for RegimeReciprocity {
    fn name(&self) -> &str {
        "Regime Reciprocity"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        self.ledger.catch_up(view, |_, _, _| {});
        if self.ledger.balance() <= self.tolerance {
            Action::C
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {
        self.ledger.reset();
    }
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "Regime Reciprocity",
    "Cooperates while the group's net debt on its regime ledger stays within a tolerance.",
    |params| {
        params.finish(RegimeReciprocity::new(
            params.number("tolerance"),
            params.number("lambda"),
        ))
    },
)
.with_aliases(&["Regime Ledger", "Diffuse Regime"])
.with_params(&[
    ParamSpec::new(
        "tolerance",
        tolerance_kind(RegimeReciprocity::DEFAULT_TOLERANCE),
        "The credit line: the largest net debt of the group it still cooperates under.",
    ),
    lambda_param(
        RegimeReciprocity::DEFAULT_LAMBDA,
        "The decay of old balances per round (1: nothing is forgotten).",
    ),
]);
