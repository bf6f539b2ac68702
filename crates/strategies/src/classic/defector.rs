//! Defector: always defects.
//!
//! Rule: play `D` every round. Named `Defector` in the Python `axelrod`
//! library; the unconditional defector of Axelrod (1984).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Always defects (`ALLD`).
#[derive(Clone, Debug, Default)]
pub struct Defector;

impl Strategy for Defector {
    fn name(&self) -> &str {
        "Defector"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(0))
    }

    fn decide(&mut self, _view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        Action::D
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        Some(MemoryOnePlayer::ALWAYS_DEFECT)
    }
}

/// The registry entry of [`Defector`].
pub(crate) const ENTRY: StrategyEntry =
    StrategyEntry::new("Defector", "Always defects.", default_build::<Defector, _>)
        .with_aliases(&["ALLD", "Always Defect"]);
