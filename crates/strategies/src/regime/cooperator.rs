//! Regime Cooperator: contributes every round, whatever the group does.
//!
//! Rule: cooperate. Source: `docs/regimes.md` (the unconditional
//! cooperator of the N-person prisoner's dilemma).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, RegimeStrategy, RegimeView};

use super::registry::RegimeEntry;
use crate::registry::default_build;

/// Always cooperates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegimeCooperator;

impl RegimeStrategy for RegimeCooperator {
    fn name(&self) -> &str {
        "Regime Cooperator"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(0))
    }

    fn decide(&mut self, _: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        Action::C
    }

    fn reset(&mut self) {}
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "Regime Cooperator",
    "Contributes every round.",
    default_build::<RegimeCooperator, _>,
)
.with_aliases(&["AllC Regime"]);
