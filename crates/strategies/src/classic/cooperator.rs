//! Cooperator: always cooperates.
//!
//! Rule: play `C` every round. Named `Cooperator` in the Python `axelrod`
//! library; the unconditional cooperator of Axelrod (1984).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Always cooperates (`ALLC`).
#[derive(Clone, Debug, Default)]
pub struct Cooperator;

impl Strategy for Cooperator {
    fn name(&self) -> &str {
        "Cooperator"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(0))
    }

    fn decide(&mut self, _view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        Action::C
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        Some(MemoryOnePlayer::ALWAYS_COOPERATE)
    }
}

/// The registry entry of [`Cooperator`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Cooperator",
    "Always cooperates.",
    default_build::<Cooperator, _>,
)
.with_aliases(&["ALLC", "Always Cooperate"]);
