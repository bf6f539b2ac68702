//! MFN Free Rider: takes the regime's benefits and contributes only when
//! the others' cooperation is about to fall below what keeps them
//! contributing.
//!
//! Under most-favoured-nation treatment every member gets the regime's
//! benefits whatever it gives ("the risk is that some states abuse these
//! arrangements by acting as free-riders", `docs/regimes.md`). The free
//! rider exploits the dilution of diffuse reciprocity in a group: when all
//! others cooperate, one defection adds only `1 / (N - 1)` to each
//! cooperating member's [regime ledger](super::ledger) balance
//! (`1 - (N - 2) / (N - 1)`).
//!
//! It therefore estimates the balance it has *imposed* on a cooperating
//! member's ledger:
//!
//! ```text
//! imposed = lambda * imposed + (mean of the others' C - my_C) / (N - 1)
//! ```
//!
//! and assumes the members extend a credit line `credit` (the default
//! tolerance of [`RegimeReciprocity`](super::RegimeReciprocity)). Rule,
//! each round, in this order:
//!
//! 1. First round: cooperate (join as a member in good standing).
//! 2. **Falling**: if fewer others cooperated last round than the round
//!    before, members are calling debts in: cooperate, to keep them
//!    contributing.
//! 3. **Pivotal**: in a threshold game (`M < N`) in which exactly `M - 1`
//!    others cooperated last round, its own contribution is what keeps the
//!    regime above its threshold: cooperate.
//! 4. Otherwise defect iff defecting once more keeps the imposed balance
//!    within the credit line, `lambda * imposed + 1 / (N - 1) <= credit`;
//!    cooperate when it would overdraw it.
//!
//! Source: `docs/regimes.md`; Keohane (1986) on MFN and diffuse
//! reciprocity; the pairwise [`FreeRider`](crate::FreeRider), which learns
//! one partner's tolerance instead.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, RegimeStrategy, RegimeView};

use super::ledger::others_cooperation_share;
use super::registry::RegimeEntry;
use crate::ledger::{check_lambda, check_tolerance, lambda_param, tolerance_kind};
use crate::registry::ParamSpec;

/// Free-rides on a regime while staying within the members' assumed
/// credit line.
#[derive(Clone, Debug, PartialEq)]
pub struct MfnFreeRider {
    credit: f64,
    lambda: f64,
    imposed: f64,
    seen: usize,
}

impl MfnFreeRider {
    /// The default assumed credit line of the members.
    pub const DEFAULT_CREDIT: f64 = 1.0;
    /// The default decay.
    pub const DEFAULT_LAMBDA: f64 = 0.9;

    /// A free rider assuming credit line `credit` (>= 0) and decay
    /// `lambda` in (0, 1].
    pub fn new(credit: f64, lambda: f64) -> Result<Self, ParameterError> {
        Ok(MfnFreeRider {
            credit: check_tolerance("credit", credit)?,
            lambda: check_lambda("lambda", lambda)?,
            imposed: 0.0,
            seen: 0,
        })
    }

    /// The balance it estimates it has imposed on a cooperating member.
    #[must_use]
    pub const fn imposed(&self) -> f64 {
        self.imposed
    }
}

impl Default for MfnFreeRider {
    fn default() -> Self {
        MfnFreeRider {
            credit: Self::DEFAULT_CREDIT,
            lambda: Self::DEFAULT_LAMBDA,
            imposed: 0.0,
            seen: 0,
        }
    }
}

impl RegimeStrategy for MfnFreeRider {
    fn name(&self) -> &str {
        "MFN Free Rider"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        // Group sizes are at most `GroupGame::MAX_SIZE`, exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let share_of_one = 1.0 / view.others() as f64;
        while self.seen < view.turn() {
            let others_share = others_cooperation_share(view, self.seen);
            let own = view.own_action(self.seen).unwrap_or(Action::D);
            let own_cooperation = if own.is_cooperation() { 1.0 } else { 0.0 };
            self.imposed =
                self.lambda * self.imposed + (others_share - own_cooperation) * share_of_one;
            self.seen += 1;
        }
        let Some(others_last) = view.others_cooperating_last() else {
            return Action::C;
        };
        let turn = view.turn();
        if turn >= 2 {
            let own_before = u32::from(
                view.own_action(turn - 2)
                    .is_some_and(Action::is_cooperation),
            );
            if others_last < view.cooperators[turn - 2] - own_before {
                return Action::C;
            }
        }
        let threshold = view.threshold as usize;
        if threshold < view.size && others_last as usize + 1 == threshold {
            return Action::C;
        }
        if self.lambda * self.imposed + share_of_one <= self.credit {
            Action::D
        } else {
            Action::C
        }
    }

    fn reset(&mut self) {
        self.imposed = 0.0;
        self.seen = 0;
    }
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "MFN Free Rider",
    "Takes the regime's benefits; contributes only when the others' cooperation falls, when pivotal, or to stay within their credit line.",
    |params| {
        params.finish(MfnFreeRider::new(params.number("credit"), params.number("lambda")),
        )
    },
)
.with_aliases(&["Free Rider Regime", "MFN"])
.with_params(&[
        ParamSpec::new(
            "credit",
            tolerance_kind(MfnFreeRider::DEFAULT_CREDIT),
            "The credit line it assumes the members extend on their regime ledgers.",
        ),
        lambda_param(
            MfnFreeRider::DEFAULT_LAMBDA,
            "The decay it assumes of the members' ledgers.",
        ),
    ]);
