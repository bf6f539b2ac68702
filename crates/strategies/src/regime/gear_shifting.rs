//! Regime Gear Shifting: specific reciprocity towards the group that
//! shifts up into diffuse reciprocity, and falls back on a breach.
//!
//! Rule: keep the [`RegimeLedger`] of
//! [`RegimeReciprocity`](super::RegimeReciprocity) and cooperate while
//! `balance <= tolerance`, with a moving tolerance:
//!
//! - it starts at `initial` (default 0: the lowest gear);
//! - a round in which every state cooperated extends the current run;
//!   after `patience` such rounds in a row the tolerance grows by `step`,
//!   up to `cap` (shifting up), and a new run starts;
//! - any other round ends the run;
//! - a **breach**, a round in which this state cooperated, some other
//!   state defected, and the balance ended above the current tolerance,
//!   collapses the tolerance to 0 (back to first gear).
//!
//! Source: Keohane (1986): "successful specific reciprocity may evolve into
//! diffuse reciprocity, and a failure of diffuse reciprocity may lead
//! actors to revert to specific reciprocity"; `docs/model.md` section 8 and `docs/regimes.md`.
//! It is the group form of the pairwise [`GearShifting`](crate::GearShifting)
//! and takes the same parameters (`initial`, `step`, `cap`, `patience`,
//! `lambda`).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, RegimeStrategy, RegimeView};

use super::ledger::RegimeLedger;
use super::registry::RegimeEntry;
use crate::ledger::{lambda_param, tolerance_kind};
use crate::registry::{Limit, ParamKind, ParamSpec};
use crate::{GearShifting, GearShiftingParams};

/// Regime reciprocity whose tolerance climbs with the group's record.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeGearShifting {
    params: GearShiftingParams,
    tolerance: f64,
    run: u32,
    ledger: RegimeLedger,
}

impl RegimeGearShifting {
    /// A gear shifter with the pairwise [`GearShiftingParams`] (its
    /// `valuation` is not used: a regime ledger counts cooperations).
    /// Fails, naming the field, for a negative `initial`, a `step` that
    /// is not positive, a `cap` below `initial`, a `patience` of 0 or a
    /// `lambda` outside (0, 1].
    pub fn new(params: GearShiftingParams) -> Result<Self, ParameterError> {
        // The pairwise gear shifter validates the same parameters.
        GearShifting::new(params)?;
        Ok(RegimeGearShifting {
            params,
            tolerance: params.initial,
            run: 0,
            ledger: RegimeLedger::new(params.lambda)?,
        })
    }

    /// The current tolerance (the gear).
    #[must_use]
    pub const fn tolerance(&self) -> f64 {
        self.tolerance
    }
}

impl Default for RegimeGearShifting {
    fn default() -> Self {
        RegimeGearShifting::new(GearShiftingParams::default())
            .expect("the pairwise defaults are valid")
    }
}

impl RegimeStrategy for RegimeGearShifting {
    fn name(&self) -> &str {
        "Regime Gear Shifting"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        let params = self.params;
        let tolerance = &mut self.tolerance;
        let run = &mut self.run;
        self.ledger.catch_up(view, |own, others_share, balance| {
            let everyone = own.is_cooperation() && others_share >= 1.0;
            if everyone {
                *run += 1;
                if *run >= params.patience {
                    *tolerance = (*tolerance + params.step).min(params.cap);
                    *run = 0;
                }
            } else {
                *run = 0;
                if own.is_cooperation() && balance > *tolerance {
                    *tolerance = 0.0;
                }
            }
        });
        if self.ledger.balance() <= self.tolerance {
            Action::C
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {
        self.tolerance = self.params.initial;
        self.run = 0;
        self.ledger.reset();
    }
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "Regime Gear Shifting",
    "Regime reciprocity whose tolerance grows with runs of full cooperation and collapses on a breach.",
    |params| {
        let defaults = GearShiftingParams::default();
        params.finish(RegimeGearShifting::new(GearShiftingParams {
                initial: params.number("initial"),
                step: params.number("step"),
                cap: params.number("cap"),
                patience: params.count("patience"),
                lambda: params.number("lambda"),
                ..defaults
            }),
        )
    },
)
.with_params(&[
        ParamSpec::new(
            "initial",
            tolerance_kind(0.0),
            "The tolerance at the start.",
        ),
        ParamSpec::new(
            "step",
            ParamKind::Number {
                default: Some(1.0),
                min: Limit::Open(0.0),
                max: Limit::Open(f64::INFINITY),
            },
            "How much the tolerance grows after a run.",
        ),
        ParamSpec::new("cap", tolerance_kind(4.0), "The largest tolerance."),
        ParamSpec::new(
            "patience",
            ParamKind::count(3, 1),
            "Rounds of full cooperation that make a run.",
        ),
        lambda_param(0.9, "The decay of old balances per round."),
    ]);
