//! Regime Defector: never contributes, quietly.
//!
//! Rule: defect. Source: `docs/regimes.md` (the unconditional defector
//! of the N-person prisoner's dilemma). Unlike the
//! [`RegimeNationalist`](super::RegimeNationalist) it plays to no audience:
//! its tournament entry keeps the default visibility.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, RegimeStrategy, RegimeView};

use super::registry::RegimeEntry;
use crate::registry::default_build;

/// Always defects.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegimeDefector;

impl RegimeStrategy for RegimeDefector {
    fn name(&self) -> &str {
        "Regime Defector"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(0))
    }

    fn decide(&mut self, _: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        Action::D
    }

    fn reset(&mut self) {}
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "Regime Defector",
    "Never contributes.",
    default_build::<RegimeDefector, _>,
)
.with_aliases(&["AllD Regime"]);
